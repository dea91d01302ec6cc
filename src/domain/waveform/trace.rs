//! `Trace` and `Stream` in the spirit of ObsPy: a trace is one contiguous
//! run of samples of one channel; a stream is many traces. Records are
//! merged into traces only when they really continue each other; gaps and
//! overlaps stay separate segments, never papered over.

use std::fmt;

use super::time::{NS_PER_S, UtcTime};

/// How samples were stored in the file they came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// ASCII text (log channels).
    Text,
    /// 16-bit integers.
    Int16,
    /// 32-bit integers.
    Int32,
    /// 32-bit IEEE floats.
    Float32,
    /// 64-bit IEEE floats.
    Float64,
    /// Steim-1 compressed integers.
    Steim1,
    /// Steim-2 compressed integers.
    Steim2,
}

impl Encoding {
    /// The SEED/FDSN encoding code.
    pub fn code(self) -> u8 {
        match self {
            Encoding::Text => 0,
            Encoding::Int16 => 1,
            Encoding::Int32 => 3,
            Encoding::Float32 => 4,
            Encoding::Float64 => 5,
            Encoding::Steim1 => 10,
            Encoding::Steim2 => 11,
        }
    }

    /// The encoding of a SEED/FDSN code, if quakehall reads it.
    pub fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            0 => Encoding::Text,
            1 => Encoding::Int16,
            3 => Encoding::Int32,
            4 => Encoding::Float32,
            5 => Encoding::Float64,
            10 => Encoding::Steim1,
            11 => Encoding::Steim2,
            _ => return None,
        })
    }

    /// The name libmseed and ObsPy print (`STEIM2`, `FLOAT64`...).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Text => "TEXT",
            Encoding::Int16 => "INT16",
            Encoding::Int32 => "INT32",
            Encoding::Float32 => "FLOAT32",
            Encoding::Float64 => "FLOAT64",
            Encoding::Steim1 => "STEIM1",
            Encoding::Steim2 => "STEIM2",
        }
    }
}

/// Sample values in their stored type.
#[derive(Debug, Clone, PartialEq)]
pub enum Samples {
    /// Integers (counts).
    Int(Vec<i32>),
    /// Single-precision floats.
    F32(Vec<f32>),
    /// Double-precision floats.
    F64(Vec<f64>),
    /// Text (a log channel).
    Text(String),
}

impl Samples {
    /// Number of samples (characters for text).
    pub fn len(&self) -> usize {
        match self {
            Samples::Int(v) => v.len(),
            Samples::F32(v) => v.len(),
            Samples::F64(v) => v.len(),
            Samples::Text(s) => s.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The values as f64 (text gives its byte values).
    pub fn to_f64(&self) -> Vec<f64> {
        match self {
            Samples::Int(v) => v.iter().map(|&x| x as f64).collect(),
            Samples::F32(v) => v.iter().map(|&x| x as f64).collect(),
            Samples::F64(v) => v.clone(),
            Samples::Text(s) => s.bytes().map(|b| b as f64).collect(),
        }
    }

    fn same_kind(&self, other: &Samples) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    /// Appends `other`, which must be of the same kind.
    fn extend(&mut self, other: Samples) {
        match (self, other) {
            (Samples::Int(a), Samples::Int(b)) => a.extend(b),
            (Samples::F32(a), Samples::F32(b)) => a.extend(b),
            (Samples::F64(a), Samples::F64(b)) => a.extend(b),
            (Samples::Text(a), Samples::Text(b)) => a.push_str(&b),
            _ => unreachable!("extend is only called after same_kind"),
        }
    }

    /// Samples `range` (clamped).
    pub fn slice(&self, start: usize, end: usize) -> Samples {
        let end = end.min(self.len());
        let start = start.min(end);
        match self {
            Samples::Int(v) => Samples::Int(v[start..end].to_vec()),
            Samples::F32(v) => Samples::F32(v[start..end].to_vec()),
            Samples::F64(v) => Samples::F64(v[start..end].to_vec()),
            Samples::Text(s) => {
                Samples::Text(String::from_utf8_lossy(&s.as_bytes()[start..end]).into_owned())
            }
        }
    }

    /// The Rust type name of the values (`int32`, `float32`, `float64`, `text`).
    pub fn dtype(&self) -> &'static str {
        match self {
            Samples::Int(_) => "int32",
            Samples::F32(_) => "float32",
            Samples::F64(_) => "float64",
            Samples::Text(_) => "text",
        }
    }
}

/// One contiguous run of samples of one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// Network code.
    pub network: String,
    /// Station code.
    pub station: String,
    /// Location code (may be empty).
    pub location: String,
    /// Channel code.
    pub channel: String,
    /// Time of the first sample.
    pub start: UtcTime,
    /// Samples per second (0 for text channels without a rate).
    pub sample_rate_hz: f64,
    /// The samples.
    pub samples: Samples,
    /// How the samples were stored, when read from a file.
    pub encoding: Option<Encoding>,
    /// How many records of the file make up this trace.
    pub record_count: usize,
}

impl Trace {
    /// `NET.STA.LOC.CHA`, as ObsPy writes it.
    pub fn id(&self) -> String {
        format!(
            "{}.{}.{}.{}",
            self.network, self.station, self.location, self.channel
        )
    }

    /// Number of samples.
    pub fn len(&self) -> usize {
        self.samples.len()
    }

    /// Whether the trace has no samples.
    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    /// Seconds between samples (0 when the rate is 0).
    pub fn delta_s(&self) -> f64 {
        if self.sample_rate_hz > 0.0 {
            1.0 / self.sample_rate_hz
        } else {
            0.0
        }
    }

    /// Time of sample `i`.
    pub fn time_of(&self, i: usize) -> UtcTime {
        if self.sample_rate_hz <= 0.0 {
            return self.start;
        }
        UtcTime(self.start.0 + (i as f64 * NS_PER_S as f64 / self.sample_rate_hz).round() as i64)
    }

    /// Time of the last sample (ObsPy's `endtime`).
    pub fn end_time(&self) -> UtcTime {
        self.time_of(self.len().saturating_sub(1))
    }

    /// Time the next sample after this trace would have.
    pub fn next_sample_time(&self) -> UtcTime {
        self.time_of(self.len())
    }

    /// The part of the trace with sample times in `from..=to`.
    pub fn slice(&self, from: UtcTime, to: UtcTime) -> Trace {
        let index = |t: UtcTime| -> usize {
            if self.sample_rate_hz <= 0.0 {
                return 0;
            }
            let i = (t.secs_since(self.start) * self.sample_rate_hz).ceil();
            i.clamp(0.0, self.len() as f64) as usize
        };
        let a = index(from);
        let b = if self.sample_rate_hz > 0.0 {
            ((to.secs_since(self.start) * self.sample_rate_hz).floor() + 1.0)
                .clamp(0.0, self.len() as f64) as usize
        } else {
            self.len()
        };
        Trace {
            start: self.time_of(a),
            samples: self.samples.slice(a, b.max(a)),
            ..self.clone()
        }
    }

    /// Whether `next` continues this trace: same channel, rate and sample
    /// type, and its first sample within half a sample of where this
    /// trace's next sample would be (libmseed's and ObsPy's tolerance).
    pub fn continues_into(&self, next: &Trace) -> bool {
        if self.id() != next.id() || !self.samples.same_kind(&next.samples) {
            return false;
        }
        if matches!(self.samples, Samples::Text(_)) {
            return true;
        }
        let (r1, r2) = (self.sample_rate_hz, next.sample_rate_hz);
        if r1 <= 0.0 || r2 <= 0.0 || ((r1 - r2) / r1).abs() > 1e-4 {
            return false;
        }
        let expected = self.next_sample_time();
        let half_ns = 0.5 * NS_PER_S as f64 / r1;
        ((next.start.0 - expected.0) as f64).abs() <= half_ns
    }
}

impl fmt::Display for Trace {
    /// ObsPy's one-line summary: `id | start - end | rate Hz, n samples`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // ObsPy prints whole rates with one decimal: `100.0 Hz`.
        let rate = if self.sample_rate_hz.fract() == 0.0 {
            format!("{:.1}", self.sample_rate_hz)
        } else {
            self.sample_rate_hz.to_string()
        };
        write!(
            f,
            "{} | {} - {} | {rate} Hz, {} samples",
            self.id(),
            self.start,
            self.end_time(),
            self.len()
        )
    }
}

/// A break in the data of one channel between two traces.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// The channel.
    pub id: String,
    /// Last sample before the break.
    pub before: UtcTime,
    /// First sample after it.
    pub after: UtcTime,
    /// Seconds of missing data (negative for an overlap).
    pub seconds: f64,
    /// Samples missing (negative for an overlap).
    pub samples: i64,
}

/// Many traces: a file, a folder, a set of stations.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stream {
    /// The traces.
    pub traces: Vec<Trace>,
}

impl Stream {
    /// Sorts by channel and time and joins traces that continue each other.
    /// Gaps and overlaps are kept: each side stays its own trace.
    pub fn merge(&mut self) {
        let mut traces = std::mem::take(&mut self.traces);
        traces.sort_by_key(|t| (t.id(), t.start));
        let mut out: Vec<Trace> = Vec::with_capacity(traces.len());
        for t in traces {
            match out.last_mut() {
                Some(last) if last.continues_into(&t) => {
                    last.record_count += t.record_count;
                    last.samples.extend(t.samples);
                }
                _ => out.push(t),
            }
        }
        self.traces = out;
    }

    /// The gaps and overlaps between consecutive traces of each channel
    /// (after [`Stream::merge`]).
    pub fn gaps(&self) -> Vec<Gap> {
        let mut sorted: Vec<&Trace> = self.traces.iter().collect();
        sorted.sort_by_key(|t| (t.id(), t.start));
        sorted
            .windows(2)
            .filter(|w| w[0].id() == w[1].id() && w[0].sample_rate_hz > 0.0)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                let seconds = b.start.secs_since(a.next_sample_time());
                Gap {
                    id: a.id(),
                    before: a.end_time(),
                    after: b.start,
                    seconds,
                    samples: (seconds * a.sample_rate_hz).round() as i64,
                }
            })
            .collect()
    }

    /// The traces of one channel (`NET.STA.LOC.CHA`).
    pub fn select(&self, id: &str) -> Vec<&Trace> {
        self.traces.iter().filter(|t| t.id() == id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(start_s: f64, n: usize) -> Trace {
        Trace {
            network: "XX".into(),
            station: "TEST".into(),
            location: "".into(),
            channel: "BHZ".into(),
            start: UtcTime(0).add_secs(start_s),
            sample_rate_hz: 10.0,
            samples: Samples::Int((0..n as i32).collect()),
            encoding: None,
            record_count: 1,
        }
    }

    #[test]
    fn merges_contiguous_and_keeps_gaps_and_overlaps() {
        let mut s = Stream {
            traces: vec![
                tr(2.0, 10),
                tr(0.0, 10),
                tr(1.02, 10),
                tr(3.5, 5),
                tr(3.8, 5),
            ],
        };
        s.merge();
        // 0.0-0.9, 1.02-2.91 (jitter 0.02 s < half a sample), then a gap
        // to 3.5, then an overlap at 3.8.
        let lens: Vec<usize> = s.traces.iter().map(Trace::len).collect();
        assert_eq!(lens, vec![30, 5, 5]);
        let gaps = s.gaps();
        assert_eq!(gaps.len(), 2);
        assert!((gaps[0].seconds - 0.5).abs() < 1e-9 && gaps[0].samples == 5);
        assert!(gaps[1].seconds < 0.0 && gaps[1].samples == -2);
    }

    #[test]
    fn end_time_and_slice() {
        let t = tr(0.0, 100);
        assert_eq!(t.end_time(), UtcTime(0).add_secs(9.9));
        let s = t.slice(UtcTime(0).add_secs(1.05), UtcTime(0).add_secs(2.0));
        assert_eq!(s.len(), 10);
        assert_eq!(s.start, UtcTime(0).add_secs(1.1));
        assert_eq!(
            t.slice(UtcTime(0).add_secs(50.0), UtcTime(0).add_secs(60.0))
                .len(),
            0
        );
    }
}
