//! `quakehall trim-geo`: makes the globe exhibits' shipped data in
//! `assets/globe/` from the data team's originals (`../shared/data/geo`):
//! the land copied, the PB2002 steps trimmed to the columns drawn, the
//! catalogue's earthquakes without its explosions, the PB2002 licence
//! copied. A test checks that this gives exactly the shipped files.

use std::path::PathBuf;
use std::process::ExitCode;

use quakehall::domain::globe::data::SHIPPED;

/// Where from and where to.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The data team's geo folder (with plates/, land/, catalog/).
    #[arg(long, default_value = "../shared/data/geo")]
    pub from: PathBuf,
    /// The folder to write.
    #[arg(long, default_value = "assets/globe")]
    pub to: PathBuf,
}

/// Writes every file of [`SHIPPED`].
pub fn run(args: Args) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(&args.to) {
        return super::fail(2, format!("cannot make {}: {e}", args.to.display()));
    }
    for (name, src, make) in SHIPPED {
        let path = args.from.join(src);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => return super::fail(2, format!("cannot read {}: {e}", path.display())),
        };
        let out = match make {
            None => text,
            Some(f) => match f(&text).map_err(|e| e.to_string()) {
                Ok(t) => t,
                Err(e) => return super::fail(2, format!("{}: {e}", path.display())),
            },
        };
        let dest = args.to.join(name);
        if let Err(e) = quakehall::domain::scene::save::write_replacing(&dest, out.as_bytes()) {
            return super::fail(2, format!("cannot write {}: {e}", dest.display()));
        }
        println!("{} ({} bytes)", dest.display(), out.len());
    }
    ExitCode::SUCCESS
}
