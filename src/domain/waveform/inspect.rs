//! `quakehall inspect`: what is in waveform files and folders, one line
//! per trace like ObsPy's summary, gaps listed, and the same as JSON.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::{Format, WaveformFile, read_file};

/// The files to look at: named files as given, folders walked recursively
/// (sorted). Whether each was named explicitly is kept, because an
/// explicitly named file that is not a recording is an error, while a
/// folder's other files (READMEs, sidecars) are just passed over.
pub fn collect(paths: &[PathBuf]) -> Vec<(PathBuf, bool)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, bool)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push((p, false));
            }
        }
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push((p.clone(), true));
        }
    }
    out
}

/// One file looked at.
#[derive(Debug)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// What was read, or why nothing could be.
    pub result: Result<WaveformFile, String>,
}

/// Reads one file for a report; `None` for a folder's non-waveform file.
pub fn inspect(path: &Path, named: bool) -> Option<FileReport> {
    if !named {
        // Look at the first bytes only: sidecar files are skipped cheaply.
        let mut head = [0u8; 700];
        let n = std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
            .unwrap_or(0);
        Format::detect(&head[..n])?;
    }
    Some(FileReport {
        path: path.to_path_buf(),
        result: read_file(path).map_err(|e| e.to_string()),
    })
}

/// The text report of one file: a heading, a line per trace, gaps and problems.
pub fn lines(r: &FileReport) -> Vec<String> {
    match &r.result {
        Err(e) => vec![format!("{}: error: {e}", r.path.display())],
        Ok(f) => {
            let mut out = vec![format!(
                "{} ({}, {} trace{})",
                r.path.display(),
                f.format.name(),
                f.stream.traces.len(),
                if f.stream.traces.len() == 1 { "" } else { "s" }
            )];
            out.extend(f.stream.traces.iter().map(|t| format!("  {t}")));
            for g in f.stream.gaps() {
                let kind = if g.seconds < 0.0 { "overlap" } else { "gap" };
                out.push(format!(
                    "  {kind} {}: {} - {} ({:.6} s, {} samples)",
                    g.id,
                    g.before,
                    g.after,
                    g.seconds.abs(),
                    g.samples.abs()
                ));
            }
            out.extend(f.problems.iter().map(|p| format!("  warning: {p}")));
            out
        }
    }
}

/// The JSON report: an array with one object per trace segment and one
/// per file that could not be read.
pub fn to_json(reports: &[FileReport]) -> Value {
    let mut items = Vec::new();
    for r in reports {
        let file = r.path.display().to_string();
        match &r.result {
            Err(e) => items.push(json!({ "file": file, "error": e })),
            Ok(f) => {
                for t in &f.stream.traces {
                    items.push(json!({
                        "file": file,
                        "format": f.format.name(),
                        "network": t.network,
                        "station": t.station,
                        "location": t.location,
                        "channel": t.channel,
                        "start_time": t.start.iso_micros(),
                        "end_time": t.end_time().iso_micros(),
                        "sample_rate_hz": t.sample_rate_hz,
                        "num_samples": t.len(),
                        "encoding": t.encoding.map(|e| e.name()),
                        "warnings": f.problems,
                    }));
                }
            }
        }
    }
    Value::Array(items)
}
