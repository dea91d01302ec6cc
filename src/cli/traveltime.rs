//! `quakehall traveltime`: arrivals at one distance and depth, printed like
//! TauP's table (or as JSON).

use std::process::ExitCode;

/// Which arrivals.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Earth model: iasp91, ak135 or chongqing.
    #[arg(long, default_value = "iasp91")]
    pub model: String,
    /// Source depth, km.
    #[arg(long)]
    pub depth: f64,
    /// Epicentral distance, degrees.
    #[arg(long)]
    pub distance: f64,
    /// Only these phases (comma-separated TauP names).
    #[arg(long, value_delimiter = ',')]
    pub phase: Vec<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Prints the arrivals.
pub fn run(args: Args) -> ExitCode {
    let Args {
        model,
        depth,
        distance,
        phase,
        json,
    } = args;
    if !(0.0..=700.0).contains(&depth) || !(0.0..=180.0).contains(&distance) {
        return super::fail(
            2,
            "expected a depth of 0-700 km and a distance of 0-180 degrees",
        );
    }
    let tau = match super::tau_model(&model) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let wanted: Vec<&str> = phase.iter().map(String::as_str).collect();
    let arrivals = tau.source(depth).arrivals(distance, &wanted);
    if json {
        let items: Vec<serde_json::Value> = arrivals
            .iter()
            .map(|a| {
                serde_json::json!({
                    "phase": a.phase,
                    "time_s": a.time_s,
                    "ray_param_s_per_deg": a.ray_param_s_deg(),
                    "takeoff_angle_deg": a.takeoff_deg,
                    "incident_angle_deg": a.incident_deg,
                    "distance_deg": distance,
                    "depth_km": depth,
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&items).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    println!("Model: {model}");
    println!("Distance   Depth   Phase        Travel    Ray Param  Takeoff  Incident");
    println!("  (deg)     (km)   Name         Time (s)  p (s/deg)   (deg)    (deg)");
    println!("{}", "-".repeat(72));
    for a in &arrivals {
        println!(
            "{distance:>7.2} {depth:>7.1}   {:<10} {:>9.2} {:>10.4} {:>8.2} {:>9.2}",
            a.phase,
            a.time_s,
            a.ray_param_s_deg(),
            a.takeoff_deg,
            a.incident_deg
        );
    }
    if arrivals.is_empty() {
        println!("no arrivals of the requested phases at this distance");
    }
    ExitCode::SUCCESS
}
