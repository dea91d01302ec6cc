//! `quakehall art`: redraws the hall's own pictures into `assets/pictures`.

use std::path::PathBuf;
use std::process::ExitCode;

/// Where the pictures go.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Where to write them.
    #[arg(long, default_value = "assets/pictures")]
    pub out: PathBuf,
}

/// Draws every picture and prints the files written.
pub fn run(args: Args) -> ExitCode {
    match quakehall::domain::art::write_all(&args.out) {
        Ok(paths) => {
            for p in paths {
                println!("{}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(
            1,
            format!("cannot write pictures to {}: {e}", args.out.display()),
        ),
    }
}
