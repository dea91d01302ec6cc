//! Recorded waveforms: the `Trace`/`Stream` model, miniSEED 2/3 and SAC
//! reading and writing, and signal processing. No Bevy here.

pub mod dsp;
pub mod inspect;
pub mod mseed;
pub mod pick;
pub mod plot;
pub mod sac;
pub mod steim;
pub mod time;
pub mod trace;

use std::path::Path;

pub use time::UtcTime;
pub use trace::{Encoding, Gap, Samples, Stream, Trace};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// A waveform file format, detected from the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// miniSEED 2.
    MiniSeed2,
    /// miniSEED 3.
    MiniSeed3,
    /// SAC binary.
    Sac,
}

impl Format {
    /// Detects the format from the first bytes, whatever the file is called.
    pub fn detect(bytes: &[u8]) -> Option<Format> {
        if bytes.len() >= 3 && &bytes[..3] == b"MS\x03" {
            Some(Format::MiniSeed3)
        } else if mseed::looks_like_mseed(bytes) {
            Some(Format::MiniSeed2)
        } else if sac::looks_like_sac(bytes) {
            Some(Format::Sac)
        } else {
            None
        }
    }

    /// The name people use.
    pub fn name(self) -> &'static str {
        match self {
            Format::MiniSeed2 => "miniSEED 2",
            Format::MiniSeed3 => "miniSEED 3",
            Format::Sac => "SAC",
        }
    }
}

/// Why a waveform file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum WaveformError {
    /// The file system refused.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Too large to read.
    #[error("{path}: {size} bytes is more than quakehall reads at once ({MAX_FILE_BYTES} bytes)")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size: u64,
    },
    /// Not a format quakehall knows.
    #[error("{path}: not miniSEED or SAC (the content matches neither)")]
    UnknownFormat {
        /// The file.
        path: String,
    },
    /// A SAC file that cannot be read.
    #[error("{path}: {source}")]
    Sac {
        /// The file.
        path: String,
        /// What is wrong.
        source: sac::SacError,
    },
    /// A miniSEED file without a single readable record.
    #[error("{path}: no readable miniSEED record ({first})")]
    NoRecords {
        /// The file.
        path: String,
        /// The first problem met.
        first: String,
    },
}

/// A waveform file read: its traces (merged), its format and any damaged
/// records that were skipped.
#[derive(Debug, Clone)]
pub struct WaveformFile {
    /// The format found.
    pub format: Format,
    /// The traces, merged per channel (gaps kept as separate traces).
    pub stream: Stream,
    /// Problems with parts of the file that were skipped, as text naming
    /// the record and byte offset.
    pub problems: Vec<String>,
    /// The SAC header, for SAC files.
    pub sac_header: Option<sac::SacHeader>,
}

/// Reads waveform bytes (`name` is only used in messages).
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<WaveformFile, WaveformError> {
    match Format::detect(bytes) {
        Some(Format::Sac) => {
            let f = sac::read(bytes).map_err(|source| WaveformError::Sac {
                path: name.into(),
                source,
            })?;
            Ok(WaveformFile {
                format: Format::Sac,
                stream: Stream {
                    traces: vec![f.trace],
                },
                problems: Vec::new(),
                sac_header: Some(f.header),
            })
        }
        Some(format) => {
            let f = mseed::read(bytes);
            if f.records.is_empty() {
                return Err(WaveformError::NoRecords {
                    path: name.into(),
                    first: f
                        .problems
                        .first()
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                });
            }
            let format = if f.records.iter().all(|r| r.version == 3) {
                Format::MiniSeed3
            } else {
                format
            };
            Ok(WaveformFile {
                format,
                stream: f.stream(),
                problems: f.problems.iter().map(|p| p.to_string()).collect(),
                sac_header: None,
            })
        }
        None => Err(WaveformError::UnknownFormat { path: name.into() }),
    }
}

/// The vertical component among `traces` (a channel ending in Z or 3), or
/// the only trace; `None` where there is none long enough to use.
pub fn vertical<'a>(traces: impl IntoIterator<Item = &'a Trace>) -> Option<&'a Trace> {
    let traces: Vec<&Trace> = traces.into_iter().collect();
    traces
        .iter()
        .find(|t| t.channel.ends_with(['Z', 'z', '3']))
        .or_else(|| (traces.len() == 1).then(|| &traces[0]))
        .copied()
        .filter(|t| t.sample_rate_hz > 0.0 && t.len() >= 16)
}

/// Reads a waveform file from disk, whatever its name says.
pub fn read_file(path: &Path) -> Result<WaveformFile, WaveformError> {
    let name = path.display().to_string();
    let md = std::fs::metadata(path).map_err(|source| WaveformError::Io {
        path: name.clone(),
        source,
    })?;
    if md.len() > MAX_FILE_BYTES {
        return Err(WaveformError::TooLarge {
            path: name,
            size: md.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| WaveformError::Io {
        path: name.clone(),
        source,
    })?;
    read_bytes(&name, &bytes)
}
