//! `quakehall locate`: an earthquake's hypocentre and origin time from P
//! and S picks at several stations (a JSON file).

use std::path::PathBuf;
use std::process::ExitCode;

use quakehall::domain::physics::locate::{PicksFile, locate};

/// What to locate.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The picks file: {"stations": [{"id", "latitude", "longitude", "elevation_m", "picks": {"P": ISO time, "S": ...}}]}.
    pub picks: PathBuf,
    /// Earth model: iasp91, ak135 or chongqing.
    #[arg(long, default_value = "iasp91")]
    pub model: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Prints the solution and its uncertainty.
pub fn run(args: Args) -> ExitCode {
    let path = &args.picks;
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return super::fail(2, format!("cannot read {}: {e}", path.display())),
    };
    let picks: PicksFile = match serde_json::from_str(&text) {
        Ok(p) => p,
        Err(e) => {
            return super::fail(
                2,
                format!("{}:{}:{}: {e}", path.display(), e.line(), e.column()),
            );
        }
    };
    let tau = match super::tau_model(&args.model) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let sol = match locate(&picks, &tau) {
        Ok(s) => s,
        Err(e) => return super::fail(1, e),
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&sol).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    let u = &sol.uncertainty;
    println!(
        "origin time  {}  ± {:.2} s",
        sol.origin_time, u.origin_time_s
    );
    println!(
        "latitude     {:.4}°  ± {:.1} km",
        sol.latitude, u.latitude_km
    );
    println!(
        "longitude    {:.4}°  ± {:.1} km",
        sol.longitude, u.longitude_km
    );
    println!(
        "depth        {:.1} km  ± {:.1} km",
        sol.depth_km, u.depth_km
    );
    println!(
        "rms residual {:.3} s from {} picks ({})",
        sol.rms_s, sol.picks, args.model
    );
    ExitCode::SUCCESS
}
