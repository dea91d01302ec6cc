//! miniSEED 2 and 3: reading every record of a file (both byte orders,
//! with or without blockette 1000, mixed record lengths, any order, many
//! channels) and writing Steim-2 miniSEED 2.
//!
//! References: SEED Reference Manual v2.4 (fixed header, blockettes 100,
//! 1000, 1001, appendix B for Steim); FDSN miniSEED 3 specification
//! (2023). Damaged records are reported with their byte offset and
//! skipped; the reader then looks for the next valid header, so one bad
//! record never costs the rest of the file.

use super::steim::{self, Steim};
use super::time::{NS_PER_S, UtcTime};
use super::trace::{Encoding, Samples, Stream, Trace};

/// Something wrong with one record.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordProblem {
    /// Index of the record in the file, from 1 (as a person counts).
    pub record: usize,
    /// Byte offset of the record in the file.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "record {} at byte offset {}: {}",
            self.record, self.offset, self.message
        )
    }
}

/// One decoded record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Byte offset in the file.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// 2 or 3.
    pub version: u8,
    /// The record as a one-record trace.
    pub trace: Trace,
}

/// Everything read from one miniSEED file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MseedFile {
    /// Every good record, in file order.
    pub records: Vec<Record>,
    /// Damaged records and other trouble, in file order.
    pub problems: Vec<RecordProblem>,
}

impl MseedFile {
    /// The records merged into traces (sorted by channel and time, gaps kept).
    pub fn stream(&self) -> Stream {
        let mut s = Stream {
            traces: self.records.iter().map(|r| r.trace.clone()).collect(),
        };
        s.merge();
        s
    }
}

/// Whether `bytes` starts like a miniSEED record (version 2 or 3).
pub fn looks_like_mseed(bytes: &[u8]) -> bool {
    bytes.len() >= 40 && (is_v3_start(bytes) || v2_header(bytes).is_some())
}

fn is_v3_start(b: &[u8]) -> bool {
    b.len() >= 40 && b[0] == b'M' && b[1] == b'S' && b[2] == 3
}

/// Byte order and checked fields of a miniSEED 2 fixed header.
struct V2Header {
    big_endian: bool,
    start_fields: (i64, u32, u32, u32, u32, u32),
}

fn rd_u16(b: &[u8], at: usize, be: bool) -> u16 {
    let x = [b[at], b[at + 1]];
    if be {
        u16::from_be_bytes(x)
    } else {
        u16::from_le_bytes(x)
    }
}

fn rd_i16(b: &[u8], at: usize, be: bool) -> i16 {
    rd_u16(b, at, be) as i16
}

fn rd_u32(b: &[u8], at: usize, be: bool) -> u32 {
    let x = [b[at], b[at + 1], b[at + 2], b[at + 3]];
    if be {
        u32::from_be_bytes(x)
    } else {
        u32::from_le_bytes(x)
    }
}

/// Checks a miniSEED 2 fixed header the way libmseed does (sequence
/// number, quality code, time fields) and finds its byte order from the
/// year and day fields.
fn v2_header(b: &[u8]) -> Option<V2Header> {
    if b.len() < 48 {
        return None;
    }
    let seq_ok = b[0..6]
        .iter()
        .all(|&c| c.is_ascii_digit() || c == b' ' || c == 0);
    let quality_ok = matches!(b[6], b'D' | b'R' | b'Q' | b'M');
    let reserved_ok = b[7] == b' ' || b[7] == 0;
    if !(seq_ok && quality_ok && reserved_ok) {
        return None;
    }
    let plausible = |be: bool| {
        let year = rd_u16(b, 20, be);
        let doy = rd_u16(b, 22, be);
        (1900..=2100).contains(&year) && (1..=366).contains(&doy)
    };
    let big_endian = if plausible(true) {
        true
    } else if plausible(false) {
        false
    } else {
        return None;
    };
    let (h, m, s) = (b[24] as u32, b[25] as u32, b[26] as u32);
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let fract = rd_u16(b, 28, big_endian) as u32;
    if fract > 9999 {
        return None;
    }
    Some(V2Header {
        big_endian,
        start_fields: (
            rd_u16(b, 20, big_endian) as i64,
            rd_u16(b, 22, big_endian) as u32,
            h,
            m,
            s,
            fract,
        ),
    })
}

fn trim_code(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw)
        .trim_matches(|c: char| c == ' ' || c == '\0')
        .to_owned()
}

/// Sample rate from the SEED factor and multiplier.
pub fn rate_from_factor(factor: i16, mult: i16) -> f64 {
    let (f, m) = (factor as f64, mult as f64);
    match (factor.signum(), mult.signum()) {
        (0, _) | (_, 0) => 0.0,
        (1, 1) => f * m,
        (1, -1) => -f / m,
        (-1, 1) => -m / f,
        _ => 1.0 / (f * m),
    }
}

/// The smallest record length of the SEED manual.
const MIN_V2_LEN: usize = 128;
/// The largest record length quakehall accepts (2^20, far above any real file).
const MAX_V2_LEN: usize = 1 << 20;

/// Decodes the payload of a record into samples.
fn decode_payload(
    payload: &[u8],
    n: usize,
    encoding: Encoding,
    big_endian: bool,
) -> Result<(Samples, Option<String>), String> {
    let need = |width: usize| -> Result<(), String> {
        if payload.len() < n.saturating_mul(width) {
            Err(format!(
                "{} samples of {width} bytes need {} bytes, the record has {}",
                n,
                n.saturating_mul(width),
                payload.len()
            ))
        } else {
            Ok(())
        }
    };
    Ok(match encoding {
        Encoding::Text => {
            need(1)?;
            (
                Samples::Text(String::from_utf8_lossy(&payload[..n]).into_owned()),
                None,
            )
        }
        Encoding::Int16 => {
            need(2)?;
            (
                Samples::Int(
                    (0..n)
                        .map(|i| rd_i16(payload, i * 2, big_endian) as i32)
                        .collect(),
                ),
                None,
            )
        }
        Encoding::Int32 => {
            need(4)?;
            (
                Samples::Int(
                    (0..n)
                        .map(|i| rd_u32(payload, i * 4, big_endian) as i32)
                        .collect(),
                ),
                None,
            )
        }
        Encoding::Float32 => {
            need(4)?;
            (
                Samples::F32(
                    (0..n)
                        .map(|i| f32::from_bits(rd_u32(payload, i * 4, big_endian)))
                        .collect(),
                ),
                None,
            )
        }
        Encoding::Float64 => {
            need(8)?;
            let v = (0..n)
                .map(|i| {
                    let c: [u8; 8] = payload[i * 8..i * 8 + 8].try_into().expect("8 bytes");
                    f64::from_bits(if big_endian {
                        u64::from_be_bytes(c)
                    } else {
                        u64::from_le_bytes(c)
                    })
                })
                .collect();
            (Samples::F64(v), None)
        }
        Encoding::Steim1 | Encoding::Steim2 => {
            let variant = if encoding == Encoding::Steim1 {
                Steim::One
            } else {
                Steim::Two
            };
            let (v, ok) =
                steim::decode(payload, n, variant, big_endian).map_err(|e| e.to_string())?;
            let warning = (!ok).then(|| {
                "last sample differs from the Steim reverse integration constant (data may be damaged)".to_owned()
            });
            (Samples::Int(v), warning)
        }
    })
}

/// Reads a miniSEED 2 record at the start of `b` (which runs to the end of
/// the file). `Ok((record_length, trace, warning))` or why not.
fn read_v2(b: &[u8], h: &V2Header) -> Result<(usize, Trace, Option<String>), String> {
    let be = h.big_endian;
    let nsamp = rd_u16(b, 30, be) as usize;
    let factor = rd_i16(b, 32, be);
    let mult = rd_i16(b, 34, be);
    let activity = b[36];
    let nblk = b[39];
    let time_correction = rd_u32(b, 40, be) as i32;
    let data_offset = rd_u16(b, 44, be) as usize;
    let mut blk_offset = rd_u16(b, 46, be) as usize;
    let mut rate = rate_from_factor(factor, mult);
    let mut encoding_code: Option<u8> = None;
    let mut payload_be = be;
    let mut rec_len: Option<usize> = None;
    let mut micros: i64 = 0;
    let mut seen = 0;
    while blk_offset != 0 && seen < nblk.max(1) as usize + 8 {
        if blk_offset < 48 || blk_offset + 4 > b.len() {
            return Err(format!(
                "blockette offset {blk_offset} lies outside the record"
            ));
        }
        let kind = rd_u16(b, blk_offset, be);
        let next = rd_u16(b, blk_offset + 2, be) as usize;
        match kind {
            1000 if blk_offset + 8 <= b.len() => {
                encoding_code = Some(b[blk_offset + 4]);
                payload_be = b[blk_offset + 5] != 0;
                let exp = b[blk_offset + 6] as u32;
                if !(7..=20).contains(&exp) {
                    return Err(format!(
                        "blockette 1000 gives a record length of 2^{exp}: expected 2^7 to 2^20"
                    ));
                }
                rec_len = Some(1usize << exp);
            }
            1001 if blk_offset + 8 <= b.len() => micros = b[blk_offset + 5] as i8 as i64,
            100 if blk_offset + 8 <= b.len() => {
                let r = f32::from_bits(rd_u32(b, blk_offset + 4, be)) as f64;
                if r.is_finite() && r > 0.0 {
                    rate = r;
                }
            }
            _ => {}
        }
        seen += 1;
        if next != 0 && next <= blk_offset {
            return Err(format!("blockette chain loops back at offset {next}"));
        }
        blk_offset = next;
    }
    let length = match rec_len {
        Some(l) => l,
        None => infer_v2_length(b),
    };
    if length > b.len() {
        return Err(format!(
            "record claims {length} bytes but only {} remain in the file (truncated or damaged)",
            b.len()
        ));
    }
    let rec = &b[..length];
    let encoding = match encoding_code {
        Some(c) => {
            Encoding::from_code(c).ok_or_else(|| format!("encoding {c} is not supported"))?
        }
        // Without blockette 1000, libmseed and ObsPy assume Steim-1.
        None => Encoding::Steim1,
    };
    if nsamp > 0 && (data_offset < 48 || data_offset > length) {
        return Err(format!(
            "data offset {data_offset} lies outside the {length}-byte record"
        ));
    }
    let payload = if nsamp > 0 {
        &rec[data_offset..]
    } else {
        &rec[0..0]
    };
    let (samples, warning) = decode_payload(payload, nsamp, encoding, payload_be)?;
    let (y, doy, hh, mm, ss, fract) = h.start_fields;
    let mut start = UtcTime::from_year_doy(y, doy, hh, mm, ss.min(59), 0)
        .ok_or_else(|| "start time fields out of range".to_owned())?;
    if ss == 60 {
        start = start.add_secs(1.0);
    }
    start.0 += fract as i64 * 100_000 + micros * 1000;
    // Bit 1 of the activity flags: the time correction is already applied.
    if activity & 0x02 == 0 {
        start.0 += time_correction as i64 * 100_000;
    }
    let trace = Trace {
        network: trim_code(&b[18..20]),
        station: trim_code(&b[8..13]),
        location: trim_code(&b[13..15]),
        channel: trim_code(&b[15..18]),
        start,
        sample_rate_hz: rate,
        samples,
        encoding: Some(encoding),
        record_count: 1,
    };
    Ok((length, trace, warning))
}

/// Record length of a record without blockette 1000: the distance to the
/// next valid header (trying powers of two), else the rest of the file.
fn infer_v2_length(b: &[u8]) -> usize {
    let mut len = MIN_V2_LEN;
    while len <= MAX_V2_LEN && len < b.len() {
        let rest = &b[len..];
        if v2_header(rest).is_some() || is_v3_start(rest) {
            return len;
        }
        len *= 2;
    }
    b.len()
}

/// CRC-32C (Castagnoli), as miniSEED 3 uses.
pub fn crc32c(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0x82F6_3B78 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    });
    let mut crc = !0u32;
    for &byte in data {
        crc = table[((crc ^ byte as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

/// Splits an FDSN source identifier `FDSN:NET_STA_LOC_B_S_SS` into codes.
pub fn parse_sid(sid: &str) -> (String, String, String, String) {
    let body = sid.strip_prefix("FDSN:").unwrap_or(sid);
    let parts: Vec<&str> = body.split('_').collect();
    if parts.len() >= 6 {
        let n = parts.len();
        let channel = format!("{}{}{}", parts[n - 3], parts[n - 2], parts[n - 1]);
        let location = parts[2..n - 3].join("_");
        (parts[0].into(), parts[1].into(), location, channel)
    } else {
        (String::new(), body.to_owned(), String::new(), String::new())
    }
}

/// The FDSN source identifier of codes: `FDSN:XX_TEST__B_H_Z`.
pub fn make_sid(net: &str, sta: &str, loc: &str, cha: &str) -> String {
    let c: Vec<char> = cha.chars().collect();
    let chan = if c.len() == 3 {
        format!("{}_{}_{}", c[0], c[1], c[2])
    } else {
        cha.to_owned()
    };
    format!("FDSN:{net}_{sta}_{loc}_{chan}")
}

fn read_v3(b: &[u8]) -> Result<(usize, Trace, Option<String>), String> {
    let sid_len = b[33] as usize;
    let extra_len = rd_u16(b, 34, false) as usize;
    let payload_len = rd_u32(b, 36, false) as usize;
    let length = 40usize
        .checked_add(sid_len)
        .and_then(|x| x.checked_add(extra_len))
        .and_then(|x| x.checked_add(payload_len))
        .ok_or("record length overflows")?;
    if length > b.len() {
        return Err(format!(
            "record claims {length} bytes but only {} remain in the file (truncated or damaged)",
            b.len()
        ));
    }
    let rec = &b[..length];
    let stored_crc = rd_u32(rec, 28, false);
    let mut copy = rec.to_vec();
    copy[28..32].fill(0);
    let crc = crc32c(&copy);
    if crc != stored_crc {
        return Err(format!(
            "CRC mismatch (stored {stored_crc:08x}, computed {crc:08x})"
        ));
    }
    let ns = rd_u32(rec, 4, false);
    let year = rd_u16(rec, 8, false) as i64;
    let doy = rd_u16(rec, 10, false) as u32;
    let (h, m, s) = (rec[12] as u32, rec[13] as u32, rec[14] as u32);
    let start = UtcTime::from_year_doy(year, doy, h, m, s.min(59), 0)
        .filter(|_| ns < NS_PER_S as u32)
        .ok_or_else(|| format!("start time out of range (year {year}, day {doy}, {h}:{m}:{s})"))?;
    let start = UtcTime(start.0 + if s == 60 { NS_PER_S } else { 0 } + ns as i64);
    let code = rec[15];
    let encoding =
        Encoding::from_code(code).ok_or_else(|| format!("encoding {code} is not supported"))?;
    let rate_or_period =
        f64::from_bits(u64::from_le_bytes(rec[16..24].try_into().expect("8 bytes")));
    let rate = if rate_or_period > 0.0 {
        rate_or_period
    } else if rate_or_period < 0.0 {
        -1.0 / rate_or_period
    } else {
        0.0
    };
    let nsamp = rd_u32(rec, 24, false) as usize;
    let sid = String::from_utf8_lossy(&rec[40..40 + sid_len]).into_owned();
    let payload = &rec[40 + sid_len + extra_len..];
    // miniSEED 3: Steim words are big-endian, everything else little-endian.
    let be = matches!(encoding, Encoding::Steim1 | Encoding::Steim2);
    let (samples, warning) = decode_payload(payload, nsamp, encoding, be)?;
    let (network, station, location, channel) = parse_sid(&sid);
    Ok((
        length,
        Trace {
            network,
            station,
            location,
            channel,
            start,
            sample_rate_hz: rate,
            samples,
            encoding: Some(encoding),
            record_count: 1,
        },
        warning,
    ))
}

/// Reads every record of a miniSEED 2 or 3 file.
pub fn read(bytes: &[u8]) -> MseedFile {
    let mut file = MseedFile::default();
    let mut at = 0usize;
    let mut index = 0usize;
    // While resynchronising after a damaged record, headers are only looked for.
    let mut searching_from: Option<usize> = None;
    while at + 40 <= bytes.len() {
        let rest = &bytes[at..];
        let result = if is_v3_start(rest) {
            Some((3u8, read_v3(rest)))
        } else {
            v2_header(rest).map(|h| (2u8, read_v2(rest, &h)))
        };
        match result {
            Some((version, Ok((len, trace, warning)))) => {
                index += 1;
                if let Some(from) = searching_from.take() {
                    file.problems.push(RecordProblem {
                        record: index,
                        offset: at,
                        message: format!("found a valid record again after {} unreadable bytes from offset {from}", at - from),
                    });
                }
                if let Some(w) = warning {
                    file.problems.push(RecordProblem {
                        record: index,
                        offset: at,
                        message: w,
                    });
                }
                file.records.push(Record {
                    offset: at,
                    length: len,
                    version,
                    trace,
                });
                at += len;
            }
            Some((_, Err(message))) => {
                index += 1;
                file.problems.push(RecordProblem {
                    record: index,
                    offset: at,
                    message,
                });
                searching_from.get_or_insert(at);
                at += 64;
            }
            None => {
                if searching_from.is_none() {
                    index += 1;
                    file.problems.push(RecordProblem {
                        record: index,
                        offset: at,
                        message: "not a valid miniSEED header (damaged record or not miniSEED); skipping to the next valid record"
                            .to_owned(),
                    });
                    searching_from = Some(at);
                }
                // miniSEED 2 records start on 64-byte boundaries; miniSEED 3
                // records can start anywhere.
                at += if bytes[at..]
                    .windows(3)
                    .take(64)
                    .skip(1)
                    .any(|w| w == b"MS\x03")
                {
                    1
                } else {
                    64
                };
            }
        }
    }
    // Trailing bytes too short for a header (a damaged record was already reported).
    if at < bytes.len() && searching_from.is_none() {
        let remaining = bytes.len() - at;
        if bytes[at..].iter().any(|&b| b != 0) {
            file.problems.push(RecordProblem {
                record: index + 1,
                offset: at,
                message: format!(
                    "file ends with {remaining} bytes that are not a whole record (truncated)"
                ),
            });
        }
    }
    file
}

/// Options for writing miniSEED.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions {
    /// Record length in bytes (a power of two, 256 to 65536).
    pub record_length: usize,
}

impl Default for WriteOptions {
    fn default() -> Self {
        Self { record_length: 512 }
    }
}

/// Writes traces as miniSEED 2, big-endian, with blockettes 1000 and 1001:
/// integers as Steim-2 (INT32 where a difference needs more than 30 bits),
/// floats as FLOAT32/FLOAT64, text as TEXT. Start times keep microseconds.
pub fn write(stream: &Stream, opts: WriteOptions) -> Result<Vec<u8>, String> {
    let len = opts.record_length;
    if !len.is_power_of_two() || !(256..=65536).contains(&len) {
        return Err(format!(
            "record length {len}: expected a power of two from 256 to 65536"
        ));
    }
    let mut out = Vec::new();
    let mut seq = 1u32;
    for t in &stream.traces {
        for code in [&t.network, &t.station, &t.location, &t.channel] {
            if !code.is_ascii() {
                return Err(format!("{}: codes must be ASCII for miniSEED 2", t.id()));
            }
        }
        if t.network.len() > 2 || t.station.len() > 5 || t.location.len() > 2 || t.channel.len() > 3
        {
            return Err(format!(
                "{}: codes too long for miniSEED 2 (network 2, station 5, location 2, channel 3)",
                t.id()
            ));
        }
        let data_offset = 64usize;
        let room = len - data_offset;
        let mut i = 0usize;
        let mut prev = 0i32;
        let n = t.len();
        while i < n || (n == 0 && i == 0) {
            let (encoding, payload, count) = match &t.samples {
                Samples::Int(v) => match steim::encode_steim2(&v[i..], prev, room / 64) {
                    Some((p, c)) => (Encoding::Steim2, p, c),
                    None => {
                        let c = (room / 4).min(n - i);
                        (
                            Encoding::Int32,
                            v[i..i + c].iter().flat_map(|x| x.to_be_bytes()).collect(),
                            c,
                        )
                    }
                },
                Samples::F32(v) => {
                    let c = (room / 4).min(n - i);
                    (
                        Encoding::Float32,
                        v[i..i + c].iter().flat_map(|x| x.to_be_bytes()).collect(),
                        c,
                    )
                }
                Samples::F64(v) => {
                    let c = (room / 8).min(n - i);
                    (
                        Encoding::Float64,
                        v[i..i + c].iter().flat_map(|x| x.to_be_bytes()).collect(),
                        c,
                    )
                }
                Samples::Text(s) => {
                    let c = room.min(n - i);
                    (Encoding::Text, s.as_bytes()[i..i + c].to_vec(), c)
                }
            };
            if let Samples::Int(v) = &t.samples
                && count > 0
            {
                prev = v[i + count - 1];
            }
            let mut rec = vec![0u8; len];
            rec[0..6].copy_from_slice(format!("{:06}", seq % 1_000_000).as_bytes());
            rec[6] = b'D';
            rec[7] = b' ';
            let put = |rec: &mut [u8], at: usize, width: usize, s: &str| {
                let mut field = vec![b' '; width];
                field[..s.len()].copy_from_slice(s.as_bytes());
                rec[at..at + width].copy_from_slice(&field);
            };
            put(&mut rec, 8, 5, &t.station);
            put(&mut rec, 13, 2, &t.location);
            put(&mut rec, 15, 3, &t.channel);
            put(&mut rec, 18, 2, &t.network);
            let start = t.time_of(i);
            let micros_total = start.0.div_euclid(1000);
            let (y, _, _, h, mi, s, _) = UtcTime(micros_total * 1000).fields();
            let doy = UtcTime(micros_total * 1000).day_of_year();
            let sub_micros = micros_total.rem_euclid(1_000_000);
            rec[20..22].copy_from_slice(&(y as u16).to_be_bytes());
            rec[22..24].copy_from_slice(&(doy as u16).to_be_bytes());
            rec[24] = h as u8;
            rec[25] = mi as u8;
            rec[26] = s as u8;
            rec[28..30].copy_from_slice(&((sub_micros / 100) as u16).to_be_bytes());
            rec[30..32].copy_from_slice(&(count as u16).to_be_bytes());
            let (factor, mult) = rate_to_factor(t.sample_rate_hz);
            rec[32..34].copy_from_slice(&factor.to_be_bytes());
            rec[34..36].copy_from_slice(&mult.to_be_bytes());
            rec[36] = 0x02; // no time correction to apply
            rec[39] = 2; // blockettes 1000 and 1001
            rec[44..46].copy_from_slice(&(data_offset as u16).to_be_bytes());
            rec[46..48].copy_from_slice(&48u16.to_be_bytes());
            // Blockette 1000: encoding, big-endian words, record length.
            rec[48..50].copy_from_slice(&1000u16.to_be_bytes());
            rec[50..52].copy_from_slice(&56u16.to_be_bytes());
            rec[52] = encoding.code();
            rec[53] = 1;
            rec[54] = len.trailing_zeros() as u8;
            // Blockette 1001: microseconds beyond the 100 µs of the header time.
            rec[56..58].copy_from_slice(&1001u16.to_be_bytes());
            rec[58..60].copy_from_slice(&0u16.to_be_bytes());
            rec[61] = (sub_micros % 100) as i8 as u8;
            rec[63] = (payload.len() / 64) as u8;
            if rate_from_factor(factor, mult) != t.sample_rate_hz && t.sample_rate_hz > 0.0 {
                return Err(format!(
                    "{}: sample rate {} Hz cannot be stored exactly in miniSEED 2",
                    t.id(),
                    t.sample_rate_hz
                ));
            }
            rec[data_offset..data_offset + payload.len()].copy_from_slice(&payload);
            out.extend_from_slice(&rec);
            seq += 1;
            i += count;
            if n == 0 {
                break;
            }
        }
    }
    Ok(out)
}

/// SEED factor and multiplier for a sample rate (exact for whole rates and
/// for whole sample periods).
pub fn rate_to_factor(rate: f64) -> (i16, i16) {
    if rate <= 0.0 || !rate.is_finite() {
        return (0, 0);
    }
    if rate >= 1.0 && rate.fract() == 0.0 && rate <= i16::MAX as f64 {
        return (rate as i16, 1);
    }
    let period = 1.0 / rate;
    if period.fract().abs() < 1e-9 && period <= i16::MAX as f64 {
        return (-(period.round() as i16), 1);
    }
    // A rational approximation factor / divisor with divisor up to 32767.
    let mut best = (0i16, 1i16, f64::INFINITY);
    for div in 1..=i16::MAX {
        let f = (rate * div as f64).round();
        if f < 1.0 || f > i16::MAX as f64 {
            continue;
        }
        let err = (f / div as f64 - rate).abs();
        if err < best.2 {
            best = (f as i16, -div, err);
            if err == 0.0 {
                break;
            }
        }
    }
    (best.0, best.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32c_known_value() {
        // RFC 3720 test vector: 32 bytes of zeros.
        assert_eq!(crc32c(&[0u8; 32]), 0x8A91_36AA);
        assert_eq!(crc32c(b"123456789"), 0xE306_9283);
    }

    #[test]
    fn rates_and_factors() {
        assert_eq!(rate_from_factor(100, 1), 100.0);
        assert_eq!(rate_from_factor(-10, 1), 0.1);
        assert_eq!(rate_from_factor(1, -10), 0.1);
        assert_eq!(rate_from_factor(-2, -5), 0.1);
        for r in [100.0, 40.0, 1.0, 0.1, 0.01, 200.0] {
            let (f, m) = rate_to_factor(r);
            assert!((rate_from_factor(f, m) - r).abs() < 1e-12, "{r}");
        }
    }

    #[test]
    fn sid_round_trip() {
        let sid = make_sid("IU", "COLA", "00", "LH1");
        assert_eq!(sid, "FDSN:IU_COLA_00_L_H_1");
        assert_eq!(
            parse_sid(&sid),
            ("IU".into(), "COLA".into(), "00".into(), "LH1".into())
        );
        assert_eq!(parse_sid("FDSN:XX_TEST__B_H_Z").2, "");
    }

    #[test]
    fn garbage_is_reported_not_decoded() {
        let f = read(&[0x5a; 1000]);
        assert!(f.records.is_empty());
        assert!(!f.problems.is_empty());
        assert!(read(&[]).records.is_empty());
    }
}
