//! The `quakehall` command line: run the hall, check scenes, set the
//! curator PIN, render screenshots, redraw the project's pictures.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use quakehall::app::curator::CuratorMode;
use quakehall::app::{HallOptions, build_app, shot::ShotRequest};
use quakehall::domain::kiosk::pin::{check_pin_format, hash_pin};
use quakehall::domain::scene::Library;
use quakehall::domain::scene::library::HALL_FILE;
use quakehall::domain::scene::save::{atomic_write, replace_pin_hash};
use quakehall::domain::text::Lang;

/// quakehall: the exhibit engine of the seismology hall.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(clap::Args, Debug, Clone)]
struct HallArgs {
    /// The scenes folder.
    #[arg(long, default_value = "scenes")]
    scenes: PathBuf,
    /// The assets folder (default: `assets` beside the scenes folder).
    #[arg(long)]
    assets: Option<PathBuf>,
}

#[derive(clap::Args, Debug, Clone)]
struct RunArgs {
    #[command(flatten)]
    hall: HallArgs,
    /// Kiosk mode: fullscreen, no cursor, no way out but the curator overlay.
    #[arg(long)]
    kiosk: bool,
    /// Open one exhibit (id or number) as a dedicated kiosk, or `home`.
    #[arg(long)]
    scene: Option<String>,
    /// Language at start and after each reset: zh or en.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Window size when not fullscreen, like 1280x720.
    #[arg(long, value_parser = parse_size, default_value = "1280x720")]
    size: (u32, u32),
    /// Projector windows for wide exhibits (0-3), fullscreen on the next
    /// monitors in kiosk mode.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=3))]
    projectors: u8,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the hall (the default).
    Run(RunArgs),
    /// Check every scene file; print every problem; exit 1 on errors.
    Validate {
        /// The scenes folder.
        #[arg(default_value = "scenes")]
        dir: PathBuf,
        /// The assets folder (default: `assets` beside DIR).
        #[arg(long)]
        assets: Option<PathBuf>,
    },
    /// Set the curator PIN (4-12 digits, read from standard input).
    SetPin {
        /// The scenes folder holding hall.ron.
        #[arg(default_value = "scenes")]
        dir: PathBuf,
    },
    /// Render one screen to a PNG and exit.
    /// Frame times of an exhibit against a baseline 3D scene at the same size.
    Bench {
        #[command(flatten)]
        hall: HallArgs,
        /// An exhibit id or number.
        #[arg(long)]
        scene: String,
        /// Frames to time (after 20 to warm up).
        #[arg(long, default_value_t = 120)]
        frames: u32,
        /// Window size, like 1280x720.
        #[arg(long, value_parser = parse_size, default_value = "1280x720")]
        size: (u32, u32),
        /// Print JSON: scene, median_ms, p95_ms, baseline_median_ms, ratio.
        #[arg(long)]
        json: bool,
        /// Time one side only and print its JSON line (used by the parent run).
        #[arg(long, hide = true, value_parser = ["scene", "baseline"])]
        only: Option<String>,
    },
    Shot {
        #[command(flatten)]
        hall: HallArgs,
        /// An exhibit id or number, `home` or `attract`.
        #[arg(long)]
        scene: String,
        /// The PNG to write.
        #[arg(long)]
        out: PathBuf,
        /// Window size, like 1920x1080.
        #[arg(long, value_parser = parse_size, default_value = "1280x720")]
        size: (u32, u32),
        /// Frames to render before capturing.
        #[arg(long, default_value_t = 30)]
        frames: u32,
        /// Language: zh or en.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Open page N of an e-book, or panel N of a board (from 1).
        #[arg(long)]
        open: Option<usize>,
        /// Show the curator PIN pad (`pin`) or overlay (`overlay`) on top.
        #[arg(long, value_parser = parse_curator)]
        curator: Option<CuratorMode>,
        /// Open this many projector windows (0-3) and save each one beside
        /// OUT as OUT-projector-N.png.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=3))]
        projectors: u8,
    },
    /// List the traces, gaps and problems of waveform files and folders.
    Inspect {
        /// Files or folders (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also draw the traces into this PNG.
        #[arg(long)]
        plot: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Width of the plot in pixels.
        #[arg(long, default_value_t = 1600)]
        width: u32,
    },
    /// Convert between miniSEED and SAC (format from OUT's extension).
    Convert {
        /// The file to read (any supported format).
        input: PathBuf,
        /// The file to write: .mseed/.miniseed/.ms or .sac.
        output: PathBuf,
        /// miniSEED record length in bytes.
        #[arg(long, default_value_t = 512)]
        record_length: usize,
    },
    /// Seismic travel times, like TauP's table.
    Traveltime {
        /// Earth model: iasp91, ak135 or chongqing.
        #[arg(long, default_value = "iasp91")]
        model: String,
        /// Source depth, km.
        #[arg(long)]
        depth: f64,
        /// Epicentral distance, degrees.
        #[arg(long)]
        distance: f64,
        /// Only these phases (comma-separated TauP names).
        #[arg(long, value_delimiter = ',')]
        phase: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Locate an earthquake from P and S picks (JSON).
    Locate {
        /// The picks file: {"stations": [{"id", "latitude", "longitude", "elevation_m", "picks": {"P": ISO time, "S": ...}}]}.
        picks: PathBuf,
        /// Earth model: iasp91, ak135 or chongqing.
        #[arg(long, default_value = "iasp91")]
        model: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Synthesise three-component records of an earthquake (marked synthetic).
    Synth {
        /// A spec file (JSON: origin, latitude, longitude, depth_km,
        /// magnitude, mechanism, model, sample_rate_hz, seed, stations);
        /// or give the event with the options below.
        spec: Option<PathBuf>,
        /// Origin time, ISO 8601 UTC.
        #[arg(long)]
        origin: Option<String>,
        /// Epicentre latitude.
        #[arg(long, allow_hyphen_values = true)]
        lat: Option<f64>,
        /// Epicentre longitude.
        #[arg(long, allow_hyphen_values = true)]
        lon: Option<f64>,
        /// Depth, km.
        #[arg(long, default_value_t = 10.0)]
        depth: f64,
        /// Moment magnitude.
        #[arg(long)]
        mag: Option<f64>,
        /// A station as NET.STA:LAT:LON (repeat for more).
        #[arg(long = "station", allow_hyphen_values = true)]
        stations: Vec<String>,
        /// Earth model.
        #[arg(long, default_value = "iasp91")]
        model: String,
        /// Noise seed.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Samples per second.
        #[arg(long, default_value_t = 100.0)]
        rate: f64,
        /// Ground motion: velocity, displacement or acceleration.
        #[arg(long, default_value = "velocity")]
        motion: String,
        /// Folder for NET.STA.mseed and NET.STA.json.
        #[arg(long, default_value = ".")]
        out: PathBuf,
        /// Also draw the records with their arrivals.
        #[arg(long)]
        plot: Option<PathBuf>,
    },
    /// Redraw the project's own pictures into assets/pictures.
    Art {
        /// Where to write them.
        #[arg(long, default_value = "assets/pictures")]
        out: PathBuf,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}: expected zh or en"))
}

fn parse_curator(s: &str) -> Result<CuratorMode, String> {
    match s {
        "pin" => Ok(CuratorMode::PinPad),
        "overlay" => Ok(CuratorMode::Open),
        _ => Err(format!("{s:?}: expected pin or overlay")),
    }
}

fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("size {s:?}: expected WIDTHxHEIGHT like 1280x720"))?;
    let w: u32 = w
        .trim()
        .parse()
        .map_err(|_| format!("size {s:?}: bad width"))?;
    let h: u32 = h
        .trim()
        .parse()
        .map_err(|_| format!("size {s:?}: bad height"))?;
    if !(160..=8192).contains(&w) || !(120..=8192).contains(&h) {
        return Err(format!("size {s:?}: expected 160x120 to 8192x8192"));
    }
    Ok((w, h))
}

/// The assets folder, made absolute: the asset loader would otherwise
/// resolve it against the executable's folder.
fn assets_for(scenes: &Path, assets: &Option<PathBuf>) -> PathBuf {
    let dir = assets
        .clone()
        .unwrap_or_else(|| Library::default_assets_dir(scenes));
    std::path::absolute(&dir).unwrap_or(dir)
}

fn has_display() -> bool {
    std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty())
        || std::env::var_os("WAYLAND_DISPLAY").is_some_and(|d| !d.is_empty())
}

/// Without a display, `shot` runs itself again under `xvfb-run`; the hall
/// itself explains how to do so.
fn ensure_display(for_shot: Option<(u32, u32)>) -> Option<ExitCode> {
    if has_display() {
        return None;
    }
    let xvfb = std::process::Command::new("xvfb-run")
        .arg("--help")
        .output()
        .is_ok();
    match for_shot {
        Some((w, h)) if xvfb && std::env::var_os("QUAKEHALL_UNDER_XVFB").is_none() => {
            let exe = std::env::current_exe().ok()?;
            let status = std::process::Command::new("xvfb-run")
                .args(["-a", "-s", &format!("-screen 0 {w}x{h}x24")])
                .arg(exe)
                .args(std::env::args_os().skip(1))
                .env("QUAKEHALL_UNDER_XVFB", "1")
                .status();
            Some(match status {
                Ok(s) if s.success() => ExitCode::SUCCESS,
                Ok(_) => ExitCode::FAILURE,
                Err(e) => {
                    eprintln!("error: cannot start xvfb-run: {e}");
                    ExitCode::FAILURE
                }
            })
        }
        _ => {
            eprintln!(
                "error: no display (DISPLAY and WAYLAND_DISPLAY are unset).\n\
                 To run the hall without a screen, use a virtual one:\n\
                 \x20   xvfb-run -a -s \"-screen 0 1920x1080x24\" quakehall ...\n\
                 (Debian/Ubuntu: sudo apt-get install xvfb)"
            );
            Some(ExitCode::from(2))
        }
    }
}

/// `quakehall bench`: each side in its own process, then the comparison.
fn bench(
    hall: HallArgs,
    scene: &str,
    frames: u32,
    size: (u32, u32),
    json: bool,
    only: Option<&str>,
) -> ExitCode {
    use quakehall::app::bench::{FrameTimes, baseline_app, exhibit_app};
    let mut opts = HallOptions::for_root(".");
    opts.assets_dir = assets_for(&hall.scenes, &hall.assets);
    opts.scenes_dir = hall.scenes.clone();
    opts.scene = Some(scene.to_owned());
    opts.size = size;
    if let Some(side) = only {
        if let Some(code) = ensure_display(Some(size)) {
            return code;
        }
        let mut app = if side == "baseline" {
            baseline_app(&opts, frames)
        } else {
            exhibit_app(opts, frames)
        };
        return match app.run() {
            bevy::app::AppExit::Success => ExitCode::SUCCESS,
            bevy::app::AppExit::Error(code) => ExitCode::from(code.get()),
        };
    }
    let Some(lib_scene) = Library::load(&opts.scenes_dir, &opts.assets_dir)
        .exhibit(scene)
        .map(|e| e.id.clone())
    else {
        eprintln!(
            "error: no exhibit \"{scene}\" in {}",
            opts.scenes_dir.display()
        );
        return ExitCode::from(2);
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
            .args(["--scene", scene, "--frames", &frames.to_string()])
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
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ratio = exhibit.median_ms / baseline.median_ms.max(1e-9);
    if json {
        println!(
            "{}",
            serde_json::json!({
                "scene": lib_scene,
                "median_ms": exhibit.median_ms,
                "p95_ms": exhibit.p95_ms,
                "baseline_median_ms": baseline.median_ms,
                "ratio": ratio,
            })
        );
    } else {
        println!("{lib_scene} at {}x{}, {frames} frames:", size.0, size.1);
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

fn run_hall(opts: HallOptions) -> ExitCode {
    let mut app = build_app(opts);
    match app.run() {
        bevy::app::AppExit::Success => ExitCode::SUCCESS,
        bevy::app::AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

fn validate(dir: &Path, assets: &Path) -> ExitCode {
    if !dir.is_dir() {
        eprintln!("error: {} is not a folder", dir.display());
        return ExitCode::from(2);
    }
    let lib = Library::load(dir, assets);
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

fn set_pin(dir: &Path) -> ExitCode {
    let hall = dir.join(HALL_FILE);
    let src = match std::fs::read_to_string(&hall) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", hall.display());
            return ExitCode::from(2);
        }
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
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    if pin != again {
        eprintln!("error: the two PINs differ; nothing was changed");
        return ExitCode::from(2);
    }
    let text = match replace_pin_hash(&hall, &src, &hash_pin(&pin)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match atomic_write(&hall, text.as_bytes()) {
        Ok(()) => {
            println!(
                "curator PIN changed in {} (previous version kept as hall.ron.bak)",
                hall.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => run(cli.run),
        Some(Command::Run(args)) => run(args),
        Some(Command::Validate { dir, assets }) => validate(&dir, &assets_for(&dir, &assets)),
        Some(Command::SetPin { dir }) => set_pin(&dir),
        Some(Command::Shot {
            hall,
            scene,
            out,
            size,
            frames,
            lang,
            open,
            curator,
            projectors,
        }) => {
            if let Some(code) = ensure_display(Some(size)) {
                return code;
            }
            let mut opts = HallOptions::for_root(".");
            opts.assets_dir = assets_for(&hall.scenes, &hall.assets);
            opts.scenes_dir = hall.scenes;
            opts.scene = Some(scene);
            opts.size = size;
            opts.lang = lang;
            opts.projectors = projectors as usize;
            opts.shot = Some(ShotRequest {
                out,
                frames: frames.max(1),
                open,
                curator,
            });
            run_hall(opts)
        }
        Some(Command::Bench {
            hall,
            scene,
            frames,
            size,
            json,
            only,
        }) => bench(hall, &scene, frames, size, json, only.as_deref()),
        Some(Command::Inspect {
            paths,
            plot,
            json,
            width,
        }) => inspect(&paths, plot.as_deref(), json, width),
        Some(Command::Convert {
            input,
            output,
            record_length,
        }) => convert(&input, &output, record_length),
        Some(Command::Traveltime {
            model,
            depth,
            distance,
            phase,
            json,
        }) => traveltime(&model, depth, distance, &phase, json),
        Some(Command::Locate { picks, model, json }) => locate(&picks, &model, json),
        Some(Command::Synth {
            spec,
            origin,
            lat,
            lon,
            depth,
            mag,
            stations,
            model,
            seed,
            rate,
            motion,
            out,
            plot,
        }) => {
            let spec = match spec {
                Some(path) => std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))
                    .and_then(|t| {
                        serde_json::from_str(&t).map_err(|e| {
                            format!("{}:{}:{}: {e}", path.display(), e.line(), e.column())
                        })
                    }),
                None => {
                    synth_spec_from_args(origin, lat, lon, depth, mag, &stations, model, seed, rate)
                }
            };
            match spec {
                Ok(spec) => synth(&spec, &motion, &out, plot.as_deref()),
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Some(Command::Art { out }) => match quakehall::domain::art::write_all(&out) {
            Ok(paths) => {
                for p in paths {
                    println!("{}", p.display());
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: cannot write pictures to {}: {e}", out.display());
                ExitCode::FAILURE
            }
        },
    }
}

fn run(args: RunArgs) -> ExitCode {
    if let Some(code) = ensure_display(None) {
        return code;
    }
    let mut opts = HallOptions::for_root(".");
    opts.assets_dir = assets_for(&args.hall.scenes, &args.hall.assets);
    opts.scenes_dir = args.hall.scenes;
    opts.kiosk = args.kiosk;
    opts.dedicated = args.scene.is_some();
    opts.scene = args.scene;
    opts.lang = args.lang;
    opts.size = args.size;
    opts.projectors = args.projectors as usize;
    run_hall(opts)
}

fn inspect(paths: &[PathBuf], plot_path: Option<&Path>, json: bool, width: u32) -> ExitCode {
    use quakehall::domain::waveform::inspect::{collect, inspect as inspect_one, lines, to_json};
    let files = collect(paths);
    let bar =
        (files.len() > 20 && std::io::IsTerminal::is_terminal(&std::io::stderr())).then(|| {
            let bar = indicatif::ProgressBar::new(files.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
    let mut reports = Vec::new();
    for (path, named) in &files {
        if let Some(b) = &bar {
            b.set_message(
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            );
            b.inc(1);
        }
        if let Some(r) = inspect_one(path, *named) {
            reports.push(r);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&to_json(&reports)).unwrap_or_default()
        );
    } else {
        for r in &reports {
            for line in lines(r) {
                println!("{line}");
            }
        }
        let traces: usize = reports
            .iter()
            .filter_map(|r| r.result.as_ref().ok())
            .map(|f| f.stream.traces.len())
            .sum();
        let failed = reports.iter().filter(|r| r.result.is_err()).count();
        println!(
            "{} files, {traces} traces, {failed} unreadable",
            reports.len()
        );
    }
    if let Some(out) = plot_path {
        return plot(&reports, out, width);
    }
    if reports.iter().any(|r| r.result.is_err()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn plot(
    reports: &[quakehall::domain::waveform::inspect::FileReport],
    out: &Path,
    width: u32,
) -> ExitCode {
    use quakehall::domain::waveform::plot::{Marker, plot};
    const MAX_PANELS: usize = 12;
    let mut traces = Vec::new();
    let mut markers = Vec::new();
    for f in reports.iter().filter_map(|r| r.result.as_ref().ok()) {
        if let Some(h) = &f.sac_header {
            for (field, fallback) in [("a", "A"), ("t0", "T0"), ("t1", "T1")] {
                if let Some(time) = h.pick_time(field) {
                    let label_field = format!("k{field}");
                    let label = h.string(&label_field).unwrap_or(fallback);
                    let short = if label.starts_with('P') || label.starts_with("IP") {
                        "P"
                    } else if label.starts_with('S') {
                        "S"
                    } else {
                        fallback
                    };
                    markers.push(Marker {
                        time,
                        label: short.to_owned(),
                        channel: f.stream.traces.first().map(|t| t.id()),
                    });
                }
            }
        }
        traces.extend(f.stream.traces.iter());
    }
    if traces.len() > MAX_PANELS {
        eprintln!(
            "note: plotting the first {MAX_PANELS} of {} traces",
            traces.len()
        );
        traces.truncate(MAX_PANELS);
    }
    let font = match quakehall::domain::art::text::Font::system_sans() {
        Ok(f) => Some(f),
        Err(e) => {
            eprintln!("warning: {e}");
            None
        }
    };
    let canvas = plot(&traces, &markers, width.clamp(400, 8000), font.as_ref());
    match quakehall::domain::art::encode_png(&canvas)
        .map_err(|e| e.to_string())
        .and_then(|bytes| std::fs::write(out, bytes).map_err(|e| e.to_string()))
    {
        Ok(()) => {
            eprintln!("plot written to {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn convert(input: &Path, output: &Path, record_length: usize) -> ExitCode {
    use quakehall::domain::waveform::{Samples, mseed, read_file, sac};
    let file = match read_file(input) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for p in &file.problems {
        eprintln!("warning: {}: {p}", input.display());
    }
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let result: Result<Vec<(PathBuf, Vec<u8>)>, String> = match ext.as_str() {
        "mseed" | "miniseed" | "ms" | "seed" => {
            mseed::write(&file.stream, mseed::WriteOptions { record_length })
                .map(|bytes| vec![(output.to_path_buf(), bytes)])
        }
        "sac" => {
            let many = file.stream.traces.len() > 1;
            file.stream
                .traces
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    // SAC stores 32-bit floats: larger integers would change.
                    if let Samples::Int(v) = &t.samples
                        && let Some(x) = v.iter().find(|x| x.unsigned_abs() > 1 << 24)
                    {
                        return Err(format!(
                            "{}: sample {x} cannot be stored exactly in SAC (32-bit float); write miniSEED instead",
                            t.id()
                        ));
                    }
                    let path = if many {
                        let stem = output.file_stem().unwrap_or_default().to_string_lossy();
                        output.with_file_name(format!("{stem}.{}.{i}.sac", t.id()))
                    } else {
                        output.to_path_buf()
                    };
                    sac::write(t, file.sac_header.as_ref()).map(|b| (path, b))
                })
                .collect()
        }
        other => Err(format!(
            "unknown output format {other:?}: use .mseed or .sac"
        )),
    };
    match result {
        Ok(outputs) => {
            for (path, bytes) in outputs {
                if let Err(e) = std::fs::write(&path, bytes) {
                    eprintln!("error: cannot write {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
                println!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The travel-time model of an Earth model name, or the exit code after
/// saying what is wrong.
fn tau_model(model: &str) -> Result<quakehall::domain::physics::taup::TauModel, ExitCode> {
    use quakehall::domain::physics::earth::EarthModel;
    use quakehall::domain::physics::taup::TauModel;
    let Some(m) = EarthModel::by_name(model) else {
        eprintln!("error: unknown model {model:?}: expected iasp91, ak135 or chongqing");
        return Err(ExitCode::from(2));
    };
    TauModel::new(m).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::FAILURE
    })
}

fn traveltime(model: &str, depth: f64, distance: f64, phases: &[String], json: bool) -> ExitCode {
    if !(0.0..=700.0).contains(&depth) || !distance.is_finite() || distance < 0.0 {
        eprintln!("error: expected a depth of 0-700 km and a distance of 0-180 degrees");
        return ExitCode::from(2);
    }
    let tau = match tau_model(model) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let wanted: Vec<&str> = phases.iter().map(String::as_str).collect();
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

fn locate(path: &Path, model: &str, json: bool) -> ExitCode {
    use quakehall::domain::physics::locate::{PicksFile, locate};
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let picks: PicksFile = match serde_json::from_str(&text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {}:{}:{}: {e}", path.display(), e.line(), e.column());
            return ExitCode::from(2);
        }
    };
    let tau = match tau_model(model) {
        Ok(t) => t,
        Err(code) => return code,
    };
    match locate(&picks, &tau) {
        Ok(sol) => {
            if json {
                println!("{}", serde_json::to_string_pretty(&sol).unwrap_or_default());
            } else {
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
                    "rms residual {:.3} s from {} picks ({model})",
                    sol.rms_s, sol.picks
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn synth_spec_from_args(
    origin: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    depth: f64,
    mag: Option<f64>,
    stations: &[String],
    model: String,
    seed: u64,
    rate: f64,
) -> Result<quakehall::domain::physics::synth::SynthSpec, String> {
    use quakehall::domain::physics::synth::{SynthSpec, SynthStation};
    let (Some(origin), Some(latitude), Some(longitude), Some(magnitude)) = (origin, lat, lon, mag)
    else {
        return Err(
            "give a spec file, or --origin, --lat, --lon, --mag and at least one --station".into(),
        );
    };
    let stations = stations
        .iter()
        .map(|s| {
            let parts: Vec<&str> = s.split(':').collect();
            let (Some(id), Some(la), Some(lo)) = (parts.first(), parts.get(1), parts.get(2)) else {
                return Err(format!("station {s:?}: expected NET.STA:LAT:LON"));
            };
            let (net, sta) = id
                .split_once('.')
                .ok_or_else(|| format!("station {s:?}: expected NET.STA:LAT:LON"))?;
            Ok(SynthStation {
                network: net.into(),
                station: sta.into(),
                latitude: la
                    .parse()
                    .map_err(|_| format!("station {s:?}: bad latitude"))?,
                longitude: lo
                    .parse()
                    .map_err(|_| format!("station {s:?}: bad longitude"))?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    if stations.is_empty() {
        return Err("at least one --station NET.STA:LAT:LON is needed".into());
    }
    Ok(SynthSpec {
        origin,
        latitude,
        longitude,
        depth_km: depth,
        magnitude,
        mechanism: None,
        model,
        sample_rate_hz: rate,
        seed,
        stations,
    })
}

fn synth(
    spec: &quakehall::domain::physics::synth::SynthSpec,
    motion: &str,
    out: &Path,
    plot_path: Option<&Path>,
) -> ExitCode {
    use quakehall::domain::physics::synth::{Motion, synthesize, write_station};
    let motion = match motion {
        "velocity" => Motion::Velocity,
        "displacement" => Motion::Displacement,
        "acceleration" => Motion::Acceleration,
        other => {
            eprintln!("error: motion {other:?}: expected velocity, displacement or acceleration");
            return ExitCode::from(2);
        }
    };
    let records = match synthesize(spec, motion) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    for r in &records {
        match write_station(spec, r, motion, out) {
            Ok(paths) => {
                for p in paths {
                    println!("{}", p.display());
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if let Some(path) = plot_path {
        use quakehall::domain::waveform::UtcTime;
        use quakehall::domain::waveform::plot::{Marker, plot};
        let traces: Vec<&quakehall::domain::waveform::Trace> = records
            .iter()
            .flat_map(|r| r.traces.iter())
            .take(12)
            .collect();
        let mut markers = Vec::new();
        // The first P-type and S-type arrival at each station.
        for r in &records {
            let first = |s_type: bool| {
                r.arrivals
                    .iter()
                    .filter(|a| a.phase.starts_with(['S', 's']) == s_type)
                    .min_by(|x, y| x.travel_time_s.total_cmp(&y.travel_time_s))
            };
            for a in [first(false), first(true)].into_iter().flatten() {
                if let Some(time) = UtcTime::parse_iso(&a.time) {
                    for t in &r.traces {
                        markers.push(Marker {
                            time,
                            label: a.phase.clone(),
                            channel: Some(t.id()),
                        });
                    }
                }
            }
        }
        let font = quakehall::domain::art::text::Font::system_sans().ok();
        let canvas = plot(&traces, &markers, 1600, font.as_ref());
        match quakehall::domain::art::encode_png(&canvas)
            .map_err(|e| e.to_string())
            .and_then(|b| std::fs::write(path, b).map_err(|e| e.to_string()))
        {
            Ok(()) => eprintln!("plot written to {}", path.display()),
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
