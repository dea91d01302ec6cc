//! `quakehall validate`: every problem of a scenes folder, as
//! `file:line:column: severity: field: message`; exit 1 on errors.

use std::path::PathBuf;
use std::process::ExitCode;

use quakehall::domain::scene::Library;

/// What to check.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The scenes folder.
    #[arg(default_value = "scenes")]
    pub dir: PathBuf,
    /// The assets folder (default: `assets` beside DIR).
    #[arg(long)]
    pub assets: Option<PathBuf>,
}

/// Prints every problem and a summary line.
pub fn run(args: Args) -> ExitCode {
    let dir = &args.dir;
    if !dir.is_dir() {
        return super::fail(2, format!("{} is not a folder", dir.display()));
    }
    let lib = Library::load(dir, &super::assets_for(dir, args.assets.as_deref()));
    for p in &lib.problems {
        println!("{p}");
    }
    let errors = lib.error_count();
    let warnings = lib.problems.len() - errors;
    println!(
        "{}: {} exhibits, {errors} errors, {warnings} warnings",
        dir.display(),
        lib.exhibits.len()
    );
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
