//! `quakehall set-pin`: a new curator PIN, read twice from standard input;
//! only its salted hash is written into `hall.ron`, atomically, keeping the
//! previous file as `hall.ron.bak`.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use quakehall::domain::kiosk::pin::{check_pin_format, hash_pin};
use quakehall::domain::scene::library::HALL_FILE;
use quakehall::domain::scene::save::{atomic_write, replace_pin_hash};

/// Where the hall file is.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The scenes folder holding hall.ron.
    #[arg(default_value = "scenes")]
    pub dir: PathBuf,
}

/// Asks for the PIN twice and writes its hash.
pub fn run(args: Args) -> ExitCode {
    let hall = args.dir.join(HALL_FILE);
    let src = match std::fs::read_to_string(&hall) {
        Ok(s) => s,
        Err(e) => return super::fail(2, format!("cannot read {}: {e}", hall.display())),
    };
    eprintln!("New curator PIN (4-12 digits), then the same again:");
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut read = || {
        lines
            .next()
            .and_then(|l| l.ok())
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let (pin, again) = (read(), read());
    if let Err(e) = check_pin_format(&pin) {
        return super::fail(2, e);
    }
    if pin != again {
        return super::fail(2, "the two PINs differ; nothing was changed");
    }
    let text = match replace_pin_hash(&hall, &src, &hash_pin(&pin)) {
        Ok(t) => t,
        Err(e) => return super::fail(2, e),
    };
    match atomic_write(&hall, text.as_bytes()) {
        Ok(()) => {
            println!(
                "curator PIN changed in {} (previous version kept as hall.ron.bak)",
                hall.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(1, e),
    }
}
