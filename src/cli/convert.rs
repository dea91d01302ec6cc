//! `quakehall convert`: miniSEED or SAC in, miniSEED (`.mseed`) or SAC
//! (`.sac`, one file per trace) out.

use std::path::PathBuf;
use std::process::ExitCode;

use quakehall::domain::waveform::{mseed, read_file, sac};

/// What to convert.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The file to read (any supported format).
    pub input: PathBuf,
    /// The file to write: .mseed/.miniseed/.ms or .sac.
    pub output: PathBuf,
    /// miniSEED record length in bytes.
    #[arg(long, default_value_t = 512)]
    pub record_length: usize,
}

/// Reads, converts, writes; prints the files written.
pub fn run(args: Args) -> ExitCode {
    let Args {
        input,
        output,
        record_length,
    } = args;
    let file = match read_file(&input) {
        Ok(f) => f,
        Err(e) => return super::fail(1, e),
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
                .map(|bytes| vec![(output.clone(), bytes)])
        }
        "sac" => {
            let many = file.stream.traces.len() > 1;
            file.stream
                .traces
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let path = if many {
                        let stem = output.file_stem().unwrap_or_default().to_string_lossy();
                        output.with_file_name(format!("{stem}.{}.{i}.sac", t.id()))
                    } else {
                        output.clone()
                    };
                    sac::write(t, file.sac_header.as_ref()).map(|b| (path, b))
                })
                .collect()
        }
        other => Err(format!(
            "unknown output format {other:?}: use .mseed or .sac"
        )),
    };
    let outputs = match result {
        Ok(o) => o,
        Err(e) => return super::fail(1, e),
    };
    for (path, bytes) in outputs {
        if let Err(e) = std::fs::write(&path, bytes) {
            return super::fail(1, format!("cannot write {}: {e}", path.display()));
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
