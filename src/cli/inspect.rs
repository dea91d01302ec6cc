//! `quakehall inspect`: one line per trace like ObsPy, then gaps, overlaps
//! and damaged records; `--json` for programs, `--plot` for people.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use quakehall::domain::waveform::inspect::{FileReport, collect, inspect, lines, to_json};
use quakehall::domain::waveform::plot::Marker;

/// What to inspect.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Files or folders (searched recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Also draw the traces into this PNG.
    #[arg(long)]
    pub plot: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Width of the plot in pixels.
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
}

/// Lists every file; exit 1 when one could not be read.
pub fn run(args: Args) -> ExitCode {
    let files = collect(&args.paths);
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
        if let Some(r) = inspect(path, *named) {
            reports.push(r);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if args.json {
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
    if let Some(out) = &args.plot {
        return plot(&reports, out, args.width);
    }
    if reports.iter().any(|r| r.result.is_err()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// At most this many traces are drawn, one panel each.
const MAX_PANELS: usize = 12;

/// Draws the readable traces with their SAC picks (A, T0-T9) marked.
fn plot(reports: &[FileReport], out: &Path, width: u32) -> ExitCode {
    let mut traces = Vec::new();
    let mut markers = Vec::new();
    for f in reports.iter().filter_map(|r| r.result.as_ref().ok()) {
        if let Some(h) = &f.sac_header {
            for pick in h.picks() {
                let label = match (pick.phase, &pick.label) {
                    (Some(phase), _) => phase.to_string(),
                    (None, Some(label)) => label.clone(),
                    (None, None) => pick.field.to_ascii_uppercase(),
                };
                markers.push(Marker {
                    time: pick.time,
                    label,
                    channel: f.stream.traces.first().map(|t| t.id()),
                });
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
    super::save_plot(&traces, &markers, width.clamp(400, 8000), out)
}
