//! SAC binary files (Seismic Analysis Code, header version 6), both byte
//! orders: the header fields a seismologist uses (station and event
//! coordinates, picks A and T0-T9, distance, azimuth) and evenly sampled
//! time series. Layout from the SAC manual ("SAC data file format"):
//! 70 floats, 40 integers, 24 eight-byte strings (KEVNM is 16), then data.

use super::time::UtcTime;
use super::trace::{Encoding, Samples, Trace};

/// SAC's "undefined" value for floats and integers.
pub const UNDEF_F: f32 = -12345.0;
/// SAC's "undefined" value for integers.
pub const UNDEF_I: i32 = -12345;
/// Header size in bytes.
pub const HEADER_BYTES: usize = 632;

/// Float header fields by name and index (the SAC manual's order).
pub const FLOAT_FIELDS: [(&str, usize); 64] = [
    ("delta", 0),
    ("depmin", 1),
    ("depmax", 2),
    ("scale", 3),
    ("odelta", 4),
    ("b", 5),
    ("e", 6),
    ("o", 7),
    ("a", 8),
    ("internal0", 9),
    ("t0", 10),
    ("t1", 11),
    ("t2", 12),
    ("t3", 13),
    ("t4", 14),
    ("t5", 15),
    ("t6", 16),
    ("t7", 17),
    ("t8", 18),
    ("t9", 19),
    ("f", 20),
    ("resp0", 21),
    ("resp1", 22),
    ("resp2", 23),
    ("resp3", 24),
    ("resp4", 25),
    ("resp5", 26),
    ("resp6", 27),
    ("resp7", 28),
    ("resp8", 29),
    ("resp9", 30),
    ("stla", 31),
    ("stlo", 32),
    ("stel", 33),
    ("stdp", 34),
    ("evla", 35),
    ("evlo", 36),
    ("evel", 37),
    ("evdp", 38),
    ("mag", 39),
    ("user0", 40),
    ("user1", 41),
    ("user2", 42),
    ("user3", 43),
    ("user4", 44),
    ("user5", 45),
    ("user6", 46),
    ("user7", 47),
    ("user8", 48),
    ("user9", 49),
    ("dist", 50),
    ("az", 51),
    ("baz", 52),
    ("gcarc", 53),
    ("internal1", 54),
    ("internal2", 55),
    ("depmen", 56),
    ("cmpaz", 57),
    ("cmpinc", 58),
    ("xminimum", 59),
    ("xmaximum", 60),
    ("yminimum", 61),
    ("ymaximum", 62),
    ("unused0", 63),
];

/// Integer header fields by name and index.
pub const INT_FIELDS: [(&str, usize); 33] = [
    ("nzyear", 0),
    ("nzjday", 1),
    ("nzhour", 2),
    ("nzmin", 3),
    ("nzsec", 4),
    ("nzmsec", 5),
    ("nvhdr", 6),
    ("norid", 7),
    ("nevid", 8),
    ("npts", 9),
    ("internal3", 10),
    ("nwfid", 11),
    ("nxsize", 12),
    ("nysize", 13),
    ("iftype", 15),
    ("idep", 16),
    ("iztype", 17),
    ("iinst", 19),
    ("istreg", 20),
    ("ievreg", 21),
    ("ievtyp", 22),
    ("iqual", 23),
    ("isynth", 24),
    ("imagtyp", 25),
    ("imagsrc", 26),
    ("ibody", 27),
    ("leven", 35),
    ("lpspol", 36),
    ("lovrok", 37),
    ("lcalda", 38),
    ("unused1", 14),
    ("unused2", 18),
    ("unused3", 39),
];

/// One header value.
#[derive(Debug, Clone, PartialEq)]
pub enum HeaderValue {
    /// A float field.
    Float(f32),
    /// An integer or logical field.
    Int(i32),
    /// A string field.
    Text(String),
}

/// A SAC header: the raw fields plus named access.
#[derive(Debug, Clone, PartialEq)]
pub struct SacHeader {
    /// The 70 float fields.
    pub floats: [f32; 70],
    /// The 40 integer fields.
    pub ints: [i32; 40],
    /// The string fields, trimmed (`kstnm`, `kevnm`, ... in header order).
    pub strings: Vec<String>,
}

/// String field names in header order (KEVNM is the 16-byte one).
pub const STRING_FIELDS: [&str; 23] = [
    "kstnm", "kevnm", "khole", "ko", "ka", "kt0", "kt1", "kt2", "kt3", "kt4", "kt5", "kt6", "kt7",
    "kt8", "kt9", "kf", "kuser0", "kuser1", "kuser2", "kcmpnm", "knetwk", "kdatrd", "kinst",
];

impl SacHeader {
    /// A float field by name (`stla`, `a`, `t0`...), `None` when undefined.
    pub fn float(&self, name: &str) -> Option<f32> {
        let (_, i) = FLOAT_FIELDS.iter().find(|(n, _)| *n == name)?;
        let v = self.floats[*i];
        (v != UNDEF_F).then_some(v)
    }

    /// Any defined field by name.
    pub fn get(&self, name: &str) -> Option<HeaderValue> {
        if let Some((_, i)) = FLOAT_FIELDS.iter().find(|(n, _)| *n == name) {
            let v = self.floats[*i];
            return (v != UNDEF_F).then_some(HeaderValue::Float(v));
        }
        if let Some((_, i)) = INT_FIELDS.iter().find(|(n, _)| *n == name) {
            let v = self.ints[*i];
            return (v != UNDEF_I).then_some(HeaderValue::Int(v));
        }
        let i = STRING_FIELDS.iter().position(|n| *n == name)?;
        let s = self.strings.get(i)?;
        (!s.is_empty() && s != "-12345").then(|| HeaderValue::Text(s.clone()))
    }

    /// A string field by name, `None` when undefined.
    pub fn string(&self, name: &str) -> Option<&str> {
        let i = STRING_FIELDS.iter().position(|n| *n == name)?;
        let s = self.strings.get(i)?;
        (!s.is_empty() && !s.starts_with("-12345")).then_some(s.as_str())
    }

    /// The reference time (NZYEAR, NZJDAY, NZHOUR, NZMIN, NZSEC, NZMSEC).
    pub fn reference_time(&self) -> Option<UtcTime> {
        let f = |i: usize| self.ints[i];
        if (0..6).any(|i| f(i) == UNDEF_I || f(i) < 0) {
            return None;
        }
        UtcTime::from_year_doy(
            f(0) as i64,
            f(1) as u32,
            f(2) as u32,
            f(3) as u32,
            f(4) as u32,
            0,
        )
        .map(|t| UtcTime(t.0 + f(5) as i64 * 1_000_000))
    }

    /// The absolute time of a pick or other relative time field (`a`, `t0`...).
    pub fn pick_time(&self, name: &str) -> Option<UtcTime> {
        Some(self.reference_time()?.add_secs(self.float(name)? as f64))
    }

    /// The picks in the header: A (first arrival) and T0-T9, each with its
    /// label (KA, KT0-KT9) and the phase the label names, in field order.
    pub fn picks(&self) -> Vec<SacPick> {
        PICK_FIELDS
            .iter()
            .filter_map(|&field| {
                let time = self.pick_time(field)?;
                let label = self.string(&format!("k{field}")).map(str::to_owned);
                let phase = label.as_deref().and_then(pick_phase);
                Some(SacPick {
                    field,
                    time,
                    label,
                    phase,
                })
            })
            .collect()
    }
}

/// The SAC pick fields: A, the first arrival, and the user picks T0-T9.
pub const PICK_FIELDS: [&str; 11] = [
    "a", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9",
];

/// A pick from a SAC header.
#[derive(Debug, Clone, PartialEq)]
pub struct SacPick {
    /// The header field: `a` or `t0`..`t9`.
    pub field: &'static str,
    /// When, absolute.
    pub time: UtcTime,
    /// The pick's label (KA, KT0...), as written.
    pub label: Option<String>,
    /// `P` or `S` when the label names one.
    pub phase: Option<char>,
}

/// The phase a SAC pick label names: analysts write `P`, `Pg`, `Pn`, `IPU0`
/// (impulsive P, up, quality 0), `eS`, `Sg`, `S`... The onset letter (i/e)
/// and the polarity and weight after the phase do not matter here; a label
/// that names another phase (`PKP`, `F` for the end) names neither.
pub fn pick_phase(label: &str) -> Option<char> {
    let l = label.trim();
    let l = l
        .strip_prefix(['i', 'I', 'e', 'E'])
        .filter(|rest| rest.starts_with(['P', 'p', 'S', 's']))
        .unwrap_or(l);
    let mut chars = l.chars();
    let phase = chars.next()?.to_ascii_uppercase();
    if !matches!(phase, 'P' | 'S') {
        return None;
    }
    let rest: String = chars.collect();
    // P, Pg, Pn, Pb, P*, and a polarity/weight suffix like U0 or D1.
    let core = rest.trim_end_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, 'U' | 'D' | 'C' | '+' | '-' | '?')
    });
    matches!(core, "" | "g" | "n" | "b" | "*" | "G" | "N").then_some(phase)
}

/// A SAC file: header and trace.
#[derive(Debug, Clone, PartialEq)]
pub struct SacFile {
    /// The header.
    pub header: SacHeader,
    /// The samples as a trace (start = reference time + B).
    pub trace: Trace,
    /// Whether the file was big-endian.
    pub big_endian: bool,
}

/// Why a SAC file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SacError {
    /// Shorter than a header.
    #[error("{0} bytes is shorter than the 632-byte SAC header")]
    TooShort(usize),
    /// NVHDR is not 6 in either byte order.
    #[error("header version (NVHDR) is not 6 in either byte order: not a SAC file")]
    NotSac,
    /// Not an evenly sampled time series.
    #[error("only evenly sampled time series are read (IFTYPE {iftype}, LEVEN {leven})")]
    Unsupported {
        /// IFTYPE.
        iftype: i32,
        /// LEVEN.
        leven: i32,
    },
    /// NPTS does not match the file size.
    #[error("header says {npts} samples ({needed} bytes) but the file holds {have} bytes of data")]
    Truncated {
        /// NPTS.
        npts: i64,
        /// Bytes needed.
        needed: u64,
        /// Bytes present.
        have: usize,
    },
    /// DELTA is not a positive number.
    #[error("sample interval DELTA {0} is not a positive number")]
    BadDelta(f32),
    /// No reference time.
    #[error("the reference time (NZYEAR..NZMSEC) is undefined or out of range")]
    NoTime,
}

/// Whether `bytes` looks like a SAC file (NVHDR 6 in either byte order).
pub fn looks_like_sac(bytes: &[u8]) -> bool {
    detect_order(bytes).is_some()
}

fn detect_order(b: &[u8]) -> Option<bool> {
    if b.len() < HEADER_BYTES {
        return None;
    }
    let at = 280 + 6 * 4;
    let raw: [u8; 4] = b[at..at + 4].try_into().ok()?;
    if i32::from_le_bytes(raw) == 6 {
        Some(false)
    } else if i32::from_be_bytes(raw) == 6 {
        Some(true)
    } else {
        None
    }
}

/// Reads a SAC binary file.
pub fn read(b: &[u8]) -> Result<SacFile, SacError> {
    if b.len() < HEADER_BYTES {
        return Err(SacError::TooShort(b.len()));
    }
    let be = detect_order(b).ok_or(SacError::NotSac)?;
    let word = |i: usize| -> [u8; 4] { b[i * 4..i * 4 + 4].try_into().expect("4 bytes") };
    let mut floats = [0f32; 70];
    for (i, f) in floats.iter_mut().enumerate() {
        let w = word(i);
        *f = if be {
            f32::from_be_bytes(w)
        } else {
            f32::from_le_bytes(w)
        };
    }
    let mut ints = [0i32; 40];
    for (i, v) in ints.iter_mut().enumerate() {
        let w = word(70 + i);
        *v = if be {
            i32::from_be_bytes(w)
        } else {
            i32::from_le_bytes(w)
        };
    }
    let mut strings = Vec::with_capacity(23);
    let mut at = 440;
    for name in STRING_FIELDS {
        let width = if name == "kevnm" { 16 } else { 8 };
        let raw = &b[at..at + width];
        strings.push(
            String::from_utf8_lossy(raw)
                .trim_end_matches(['\0', ' '])
                .trim_start()
                .to_owned(),
        );
        at += width;
    }
    let header = SacHeader {
        floats,
        ints,
        strings,
    };
    let (iftype, leven) = (header.ints[15], header.ints[35]);
    if !(iftype == 1 || iftype == UNDEF_I) || leven == 0 {
        return Err(SacError::Unsupported { iftype, leven });
    }
    let npts = header.ints[9] as i64;
    let needed = (npts.max(0) as u64) * 4;
    let have = b.len() - HEADER_BYTES;
    if npts < 0 || needed > have as u64 {
        return Err(SacError::Truncated { npts, needed, have });
    }
    let delta = header.floats[0];
    if !(delta.is_finite() && delta > 0.0) {
        return Err(SacError::BadDelta(delta));
    }
    let reference = header.reference_time().ok_or(SacError::NoTime)?;
    let begin = header.floats[5];
    let start = if begin == UNDEF_F {
        reference
    } else {
        reference.add_secs(begin as f64)
    };
    let data: Vec<f32> = (0..npts as usize)
        .map(|i| {
            let w: [u8; 4] = b[HEADER_BYTES + i * 4..HEADER_BYTES + i * 4 + 4]
                .try_into()
                .expect("4 bytes");
            if be {
                f32::from_be_bytes(w)
            } else {
                f32::from_le_bytes(w)
            }
        })
        .collect();
    let s = |name: &str| header.string(name).unwrap_or("").to_owned();
    let trace = Trace {
        network: s("knetwk"),
        station: s("kstnm"),
        location: s("khole"),
        channel: s("kcmpnm"),
        start,
        sample_rate_hz: rate_from_delta(delta),
        samples: Samples::F32(data),
        encoding: Some(Encoding::Float32),
        record_count: 1,
    };
    Ok(SacFile {
        header,
        trace,
        big_endian: be,
    })
}

/// The sample rate a SAC DELTA stands for. DELTA is an f32, so 0.01 s is
/// stored as 0.0099999998; its reciprocal would be 100.0000022 Hz. The
/// shortest decimal that is the same f32 is what was meant (0.01), so the
/// rate is taken from that, as ObsPy reports it (100.0 Hz).
pub fn rate_from_delta(delta: f32) -> f64 {
    let meant: f64 = format!("{delta}").parse().unwrap_or(delta as f64);
    1.0 / meant
}

/// Writes `trace` as a little-endian SAC file. Integer samples are stored
/// as f32, which is exact up to 2^24: a trace with a larger sample is
/// refused rather than silently rounded. `extra` fields
/// (picks, coordinates) are copied from a header read earlier, if given.
pub fn write(trace: &Trace, extra: Option<&SacHeader>) -> Result<Vec<u8>, String> {
    let data: Vec<f32> = match &trace.samples {
        Samples::F32(v) => v.clone(),
        Samples::Int(v) => {
            // SAC stores 32-bit floats, exact only for integers up to 2^24.
            if let Some(x) = v.iter().find(|x| x.unsigned_abs() > 1 << 24) {
                return Err(format!(
                    "{}: sample {x} cannot be stored exactly in SAC (32-bit floats hold integers up to 2^24); write miniSEED instead",
                    trace.id()
                ));
            }
            v.iter().map(|&x| x as f32).collect()
        }
        Samples::F64(v) => v.iter().map(|&x| x as f32).collect(),
        Samples::Text(_) => {
            return Err(format!(
                "{}: a text channel cannot be written as SAC",
                trace.id()
            ));
        }
    };
    if trace.sample_rate_hz <= 0.0 {
        return Err(format!("{}: SAC needs a sample rate", trace.id()));
    }
    let mut floats = extra.map(|h| h.floats).unwrap_or([UNDEF_F; 70]);
    let mut ints = extra.map(|h| h.ints).unwrap_or([UNDEF_I; 40]);
    let mut strings: Vec<String> = extra
        .map(|h| h.strings.clone())
        .unwrap_or_else(|| vec!["-12345".to_owned(); 23]);
    // The reference time is the first sample, to the millisecond; B holds the rest.
    let ms = trace.start.0.div_euclid(1_000_000);
    let reference = UtcTime(ms * 1_000_000);
    let (y, _, _, h, mi, s, _) = reference.fields();
    ints[0] = y as i32;
    ints[1] = reference.day_of_year() as i32;
    ints[2] = h as i32;
    ints[3] = mi as i32;
    ints[4] = s as i32;
    ints[5] = (ms.rem_euclid(1000)) as i32;
    ints[6] = 6;
    ints[9] = data.len() as i32;
    ints[15] = 1; // ITIME
    ints[35] = 1; // LEVEN
    // Picks and origin are relative to the reference time: keep them at the
    // same absolute time under the new reference.
    if let Some(old) = extra.and_then(SacHeader::reference_time) {
        let shift = old.secs_since(reference);
        for i in [7usize, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] {
            if floats[i] != UNDEF_F {
                floats[i] = (floats[i] as f64 + shift) as f32;
            }
        }
    }
    let delta = (1.0 / trace.sample_rate_hz) as f32;
    floats[0] = delta;
    floats[5] = trace.start.secs_since(reference) as f32;
    floats[6] = floats[5] + delta * (data.len().saturating_sub(1)) as f32;
    if !data.is_empty() {
        let (mn, mx) = data
            .iter()
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), &x| {
                (a.min(x), b.max(x))
            });
        floats[1] = mn;
        floats[2] = mx;
        floats[56] = (data.iter().map(|&x| x as f64).sum::<f64>() / data.len() as f64) as f32;
    }
    for (name, value) in [
        ("kstnm", &trace.station),
        ("khole", &trace.location),
        ("kcmpnm", &trace.channel),
        ("knetwk", &trace.network),
    ] {
        let i = STRING_FIELDS
            .iter()
            .position(|n| *n == name)
            .expect("known field");
        strings[i] = if value.is_empty() {
            "-12345".into()
        } else {
            value.clone()
        };
    }
    let mut out = Vec::with_capacity(HEADER_BYTES + data.len() * 4);
    out.extend(floats.iter().flat_map(|f| f.to_le_bytes()));
    out.extend(ints.iter().flat_map(|i| i.to_le_bytes()));
    for (name, value) in STRING_FIELDS.iter().zip(&strings) {
        let width = if *name == "kevnm" { 16 } else { 8 };
        let mut field = vec![b' '; width];
        let bytes = value.as_bytes();
        if bytes.len() > width {
            return Err(format!(
                "SAC field {name} holds {width} characters: {value:?} is too long"
            ));
        }
        field[..bytes.len()].copy_from_slice(bytes);
        out.extend_from_slice(&field);
    }
    out.extend(data.iter().flat_map(|f| f.to_le_bytes()));
    Ok(out)
}
