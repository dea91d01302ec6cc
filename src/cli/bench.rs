//! `quakehall bench`: an exhibit's frame times against a baseline 3D scene
//! at the same size, each side in its own process (one process can open
//! only one window event loop), compared in this one.

use std::process::ExitCode;

use super::{HallArgs, parse_size};

/// What to time.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    #[command(flatten)]
    pub hall: HallArgs,
    /// An exhibit id or number.
    #[arg(long)]
    pub scene: String,
    /// Frames to time (after 20 to warm up).
    #[arg(long, default_value_t = 120)]
    pub frames: u32,
    /// Window size, like 1280x720.
    #[arg(long, value_parser = parse_size, default_value = "1280x720")]
    pub size: (u32, u32),
    /// Print JSON: scene, median_ms, p95_ms, baseline_median_ms, ratio.
    #[arg(long)]
    pub json: bool,
    /// Time one side only and print its JSON line (used by the parent run).
    #[arg(long, hide = true, value_parser = ["scene", "baseline"])]
    pub only: Option<String>,
}

/// Times both sides and prints the comparison.
#[cfg(feature = "app")]
pub fn run(args: Args) -> ExitCode {
    use quakehall::app::HallOptions;
    use quakehall::app::bench::{FrameTimes, baseline_app, exhibit_app};
    use quakehall::domain::scene::Library;
    let Args {
        hall,
        scene,
        frames,
        size,
        json,
        only,
    } = args;
    let mut opts = HallOptions::for_root(".");
    opts.assets_dir = hall.assets_dir();
    opts.scenes_dir = hall.scenes.clone();
    opts.scene = Some(scene.clone());
    opts.size = size;
    if let Some(side) = only {
        if let Some(code) = super::ensure_display(Some(size)) {
            return code;
        }
        let mut app = if side == "baseline" {
            baseline_app(&opts, frames)
        } else {
            exhibit_app(opts, frames)
        };
        return super::exit_code(app.run());
    }
    let Some(id) = Library::load(&opts.scenes_dir, &opts.assets_dir)
        .exhibit(&scene)
        .map(|e| e.id.clone())
    else {
        return super::fail(
            2,
            format!("no exhibit \"{scene}\" in {}", opts.scenes_dir.display()),
        );
    };
    let run_side = |side: &str| -> Result<FrameTimes, String> {
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let out = std::process::Command::new(exe)
            .arg("bench")
            .arg("--scenes")
            .arg(&hall.scenes)
            .args(
                hall.assets
                    .iter()
                    .flat_map(|a| [std::ffi::OsStr::new("--assets"), a.as_os_str()]),
            )
            .args(["--scene", &scene, "--frames", &frames.to_string()])
            .args(["--size", &format!("{}x{}", size.0, size.1), "--only", side])
            .stderr(std::process::Stdio::null())
            .output()
            .map_err(|e| format!("cannot run the {side} timing: {e}"))?;
        let text = String::from_utf8_lossy(&out.stdout);
        text.lines()
            .rev()
            .find_map(|l| serde_json::from_str::<FrameTimes>(l).ok())
            .ok_or_else(|| format!("the {side} timing printed no result ({})", out.status))
    };
    let (exhibit, baseline) = match (run_side("scene"), run_side("baseline")) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return super::fail(1, e),
    };
    let ratio = exhibit.median_ms / baseline.median_ms.max(1e-9);
    if json {
        println!(
            "{}",
            serde_json::json!({
                "scene": id,
                "median_ms": exhibit.median_ms,
                "p95_ms": exhibit.p95_ms,
                "baseline_median_ms": baseline.median_ms,
                "ratio": ratio,
            })
        );
    } else {
        println!("{id} at {}x{}, {frames} frames:", size.0, size.1);
        println!(
            "  exhibit   median {:.1} ms, p95 {:.1} ms",
            exhibit.median_ms, exhibit.p95_ms
        );
        println!(
            "  baseline  median {:.1} ms, p95 {:.1} ms (camera, light, one mesh)",
            baseline.median_ms, baseline.p95_ms
        );
        println!("  ratio     {ratio:.2} (goal: at most 1.5)");
    }
    ExitCode::SUCCESS
}

/// Without the hall in this build: says how to get it.
#[cfg(not(feature = "app"))]
pub fn run(_: Args) -> ExitCode {
    super::without_hall("time exhibits")
}
