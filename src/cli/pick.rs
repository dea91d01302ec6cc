//! `quakehall pick`: the automatic picker on the command line. One line
//! (or, with `--json`, one object) per station and contiguous time window.

use std::path::PathBuf;
use std::process::ExitCode;

use quakehall::domain::waveform::pick::{PickedWindow, pick_stream};
use quakehall::domain::waveform::plot::Marker;
use quakehall::domain::waveform::{Stream, WaveformError, inspect::collect, read_file};
use serde_json::{Value, json};

/// What to pick.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Files or folders (searched recursively). The channels of one station
    /// may be in separate files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Also draw the traces with their picks into this PNG.
    #[arg(long)]
    pub plot: Option<PathBuf>,
}

/// Picks every window of every readable file; exit 1 when a file could not
/// be read (the others are still picked).
pub fn run(args: Args) -> ExitCode {
    let mut stream = Stream { traces: Vec::new() };
    let mut unreadable = 0;
    for (path, named) in collect(&args.paths) {
        match read_file(&path) {
            Ok(f) => stream.traces.extend(f.stream.traces),
            // A folder's sidecars and notes are not recordings.
            Err(WaveformError::UnknownFormat { .. }) if !named => {}
            Err(e) => {
                eprintln!("error: {e}");
                unreadable += 1;
            }
        }
    }
    stream.merge();
    let windows = pick_stream(&stream);
    if args.json {
        let all: Vec<Value> = windows.iter().map(to_json).collect();
        println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
    } else {
        for w in &windows {
            println!("{}", line(w));
        }
    }
    if let Some(out) = &args.plot {
        let markers: Vec<Marker> = windows
            .iter()
            .flat_map(|w| &w.picks)
            .map(|p| Marker {
                time: p.time,
                label: p.phase.name().into(),
                channel: None,
            })
            .collect();
        let traces: Vec<_> = stream.traces.iter().take(12).collect();
        let code = super::save_plot(&traces, &markers, 1600, out);
        if code != ExitCode::SUCCESS {
            return code;
        }
    }
    if unreadable > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `NET.STA.LOC | start - end | P time CHA snr N | S ...`, or "no pick".
fn line(w: &PickedWindow) -> String {
    let mut s = format!(
        "{} | {} - {}",
        w.id,
        w.start.iso_micros(),
        w.end.iso_micros()
    );
    if w.picks.is_empty() {
        s.push_str(" | no pick");
    }
    for p in &w.picks {
        s.push_str(&format!(
            " | {} {} {} snr {:.1}",
            p.phase.name(),
            p.time.iso_micros(),
            p.channel,
            p.snr
        ));
    }
    s
}

fn to_json(w: &PickedWindow) -> Value {
    json!({
        "id": w.id,
        "start_time": w.start.iso_micros(),
        "end_time": w.end.iso_micros(),
        "picks": w.picks.iter().map(|p| json!({
            "phase": p.phase.name(),
            "time": p.time.iso_micros(),
            "channel": p.channel,
            "snr": (p.snr * 10.0).round() / 10.0,
        })).collect::<Vec<_>>(),
    })
}
