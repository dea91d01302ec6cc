//! Steim-1 and Steim-2 compression (SEED manual, appendix B): 64-byte
//! frames of sixteen 32-bit words; the first word of each frame holds a
//! 2-bit code per word saying how many differences it packs. Frame 0 also
//! carries the first sample (X0) and the last (Xn), which the decoder uses
//! as an integrity check.

/// Why a Steim payload could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SteimError {
    /// The frames ran out before the promised number of samples.
    #[error("Steim data ends after {got} of {expected} samples")]
    TooFewSamples {
        /// Samples the header promised.
        expected: usize,
        /// Samples found.
        got: usize,
    },
    /// The payload is shorter than one frame.
    #[error("Steim payload of {0} bytes is shorter than one 64-byte frame")]
    NoFrame(usize),
    /// The header promises more samples than the frames can hold.
    #[error("{expected} samples cannot fit in {frames} Steim frames (at most {max})")]
    CannotHold {
        /// Samples the header promised.
        expected: usize,
        /// Frames in the payload.
        frames: usize,
        /// The most those frames can hold.
        max: usize,
    },
    /// A Steim-2 word used a reserved sub-code.
    #[error("Steim-2 word {word} of frame {frame} uses a reserved code")]
    BadCode {
        /// Frame index.
        frame: usize,
        /// Word index in the frame.
        word: usize,
    },
}

/// Which Steim variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Steim {
    /// Steim-1: 8, 16 or 32-bit differences.
    One,
    /// Steim-2: 4 to 30-bit differences.
    Two,
}

/// The low `bits` bits of `v` as a signed number (higher bits are ignored).
#[inline(always)]
fn sign_extend(v: u32, bits: u32) -> i32 {
    let shift = 32 - bits;
    ((v << shift) as i32) >> shift
}

/// Decodes `n` samples from `payload`, whose 32-bit words are big-endian
/// when `big_endian` (the usual case) or little-endian. Returns the samples
/// and whether the last one equals the frame's reverse integration constant.
pub fn decode(
    payload: &[u8],
    n: usize,
    variant: Steim,
    big_endian: bool,
) -> Result<(Vec<i32>, bool), SteimError> {
    // One copy of the loop per variant and word order, without branches on
    // either inside it.
    match (variant, big_endian) {
        (Steim::One, true) => decode_as::<false, true>(payload, n),
        (Steim::One, false) => decode_as::<false, false>(payload, n),
        (Steim::Two, true) => decode_as::<true, true>(payload, n),
        (Steim::Two, false) => decode_as::<true, false>(payload, n),
    }
}

#[inline(always)]
fn rd<const BE: bool>(b: &[u8]) -> u32 {
    let b: [u8; 4] = [b[0], b[1], b[2], b[3]];
    if BE {
        u32::from_be_bytes(b)
    } else {
        u32::from_le_bytes(b)
    }
}

fn decode_as<const TWO: bool, const BE: bool>(
    payload: &[u8],
    n: usize,
) -> Result<(Vec<i32>, bool), SteimError> {
    if n == 0 {
        return Ok((Vec::new(), true));
    }
    if payload.len() < 64 {
        return Err(SteimError::NoFrame(payload.len()));
    }
    let variant = if TWO { Steim::Two } else { Steim::One };
    // Never allocate for more samples than the frames can hold, whatever
    // a damaged header claims.
    let frames = payload.len() / 64;
    let max = frames * if TWO { 7 * 15 } else { 4 * 15 };
    if n > max {
        return Err(SteimError::CannotHold {
            expected: n,
            frames,
            max,
        });
    }
    let x0 = rd::<BE>(&payload[4..8]) as i32;
    let xn = rd::<BE>(&payload[8..12]) as i32;
    // The first difference refers to the previous record, so starting the
    // running sum at X0 less that difference makes the first sample X0 and
    // every difference can be added the same way.
    let Some(d0) = first_difference(payload, variant, BE) else {
        return Err(SteimError::TooFewSamples {
            expected: n,
            got: 0,
        });
    };
    // Room for the last word's extra differences; trimmed to `n` at the end.
    let mut out: Vec<i32> = Vec::with_capacity(n + 8);
    let mut last = x0.wrapping_sub(d0);
    macro_rules! emit {
        ($d:expr) => {{
            last = last.wrapping_add($d);
            out.push(last);
        }};
    }
    // Several differences of one word: one capacity check for all of them.
    macro_rules! emit_all {
        ([$($d:expr),+]) => {{
            let mut sums = [$($d),+];
            for v in &mut sums {
                last = last.wrapping_add(*v);
                *v = last;
            }
            out.extend_from_slice(&sums);
        }};
    }
    'frames: for (f, frame) in payload.chunks_exact(64).enumerate() {
        let ctrl = rd::<BE>(&frame[0..4]);
        for w in if f == 0 { 3 } else { 1 }..16 {
            let code = (ctrl >> (30 - 2 * w)) & 3;
            let bytes = &frame[w * 4..w * 4 + 4];
            match code {
                0 => continue,
                // Four bytes are read in file order whatever the word order
                // (as libmseed does for little-endian Steim).
                1 => {
                    emit_all!([
                        bytes[0] as i8 as i32,
                        bytes[1] as i8 as i32,
                        bytes[2] as i8 as i32,
                        bytes[3] as i8 as i32
                    ]);
                }
                // Steim-1: two 16-bit differences, each in the word order.
                2 if !TWO => {
                    let (a, b) = ([bytes[0], bytes[1]], [bytes[2], bytes[3]]);
                    if BE {
                        emit_all!([i16::from_be_bytes(a) as i32, i16::from_be_bytes(b) as i32]);
                    } else {
                        emit_all!([i16::from_le_bytes(a) as i32, i16::from_le_bytes(b) as i32]);
                    }
                }
                _ if !TWO => emit!(rd::<BE>(bytes) as i32),
                2 => {
                    let v = rd::<BE>(bytes);
                    match v >> 30 {
                        1 => emit!(sign_extend(v & 0x3fff_ffff, 30)),
                        2 => {
                            emit_all!([
                                sign_extend((v >> 15) & 0x7fff, 15),
                                sign_extend(v & 0x7fff, 15)
                            ]);
                        }
                        3 => {
                            emit_all!([
                                sign_extend((v >> 20) & 0x3ff, 10),
                                sign_extend((v >> 10) & 0x3ff, 10),
                                sign_extend(v & 0x3ff, 10)
                            ]);
                        }
                        _ => return Err(SteimError::BadCode { frame: f, word: w }),
                    }
                }
                _ => {
                    let v = rd::<BE>(bytes);
                    match v >> 30 {
                        0 => {
                            emit_all!([
                                sign_extend(v >> 24, 6),
                                sign_extend(v >> 18, 6),
                                sign_extend(v >> 12, 6),
                                sign_extend(v >> 6, 6),
                                sign_extend(v, 6)
                            ]);
                        }
                        1 => {
                            emit_all!([
                                sign_extend(v >> 25, 5),
                                sign_extend(v >> 20, 5),
                                sign_extend(v >> 15, 5),
                                sign_extend(v >> 10, 5),
                                sign_extend(v >> 5, 5),
                                sign_extend(v, 5)
                            ]);
                        }
                        2 => {
                            emit_all!([
                                sign_extend(v >> 24, 4),
                                sign_extend(v >> 20, 4),
                                sign_extend(v >> 16, 4),
                                sign_extend(v >> 12, 4),
                                sign_extend(v >> 8, 4),
                                sign_extend(v >> 4, 4),
                                sign_extend(v, 4)
                            ]);
                        }
                        _ => return Err(SteimError::BadCode { frame: f, word: w }),
                    }
                }
            }
            if out.len() >= n {
                break 'frames;
            }
        }
    }
    if out.len() < n {
        return Err(SteimError::TooFewSamples {
            expected: n,
            got: out.len(),
        });
    }
    out.truncate(n);
    let ok = out.last() == Some(&xn);
    Ok((out, ok))
}

/// The first difference of the payload (the one relative to the previous
/// record), or `None` when the frames hold no data.
fn first_difference(payload: &[u8], variant: Steim, big_endian: bool) -> Option<i32> {
    for (f, frame) in payload.chunks_exact(64).enumerate() {
        let rd = |b: &[u8]| -> u32 {
            let b: [u8; 4] = [b[0], b[1], b[2], b[3]];
            if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        let ctrl = rd(&frame[0..4]);
        for w in if f == 0 { 3 } else { 1 }..16 {
            let code = (ctrl >> (30 - 2 * w)) & 3;
            let bytes = &frame[w * 4..w * 4 + 4];
            let v = rd(bytes);
            let d = match (variant, code) {
                (_, 0) => continue,
                (_, 1) => bytes[0] as i8 as i32,
                (Steim::One, 2) => {
                    let b = [bytes[0], bytes[1]];
                    (if big_endian {
                        i16::from_be_bytes(b)
                    } else {
                        i16::from_le_bytes(b)
                    }) as i32
                }
                (Steim::One, _) => v as i32,
                (Steim::Two, 2) => match v >> 30 {
                    1 => sign_extend(v & 0x3fff_ffff, 30),
                    2 => sign_extend((v >> 15) & 0x7fff, 15),
                    _ => sign_extend((v >> 20) & 0x3ff, 10),
                },
                (Steim::Two, _) => match v >> 30 {
                    0 => sign_extend((v >> 24) & 0x3f, 6),
                    1 => sign_extend((v >> 25) & 0x1f, 5),
                    _ => sign_extend((v >> 24) & 0xf, 4),
                },
            };
            return Some(d);
        }
    }
    None
}

/// How many differences of which width one Steim-2 word can hold, densest
/// first: (count, bits, dnib, code).
const STEIM2_PACKINGS: [(usize, u32, u32, u32); 7] = [
    (7, 4, 2, 3),
    (6, 5, 1, 3),
    (5, 6, 0, 3),
    (4, 8, 0, 1),
    (3, 10, 3, 2),
    (2, 15, 2, 2),
    (1, 30, 1, 2),
];

fn fits(d: i32, bits: u32) -> bool {
    let lim = 1i64 << (bits - 1);
    (-lim..lim).contains(&(d as i64))
}

/// Encodes as many of `samples` as fit into `max_frames` Steim-2 frames
/// (big-endian words). `previous` is the last sample of the previous record
/// (for the first difference; 0 at the start of a series). Returns the
/// payload and how many samples it holds, or `None` when a difference
/// needs more than 30 bits (the caller then stores integers uncompressed).
pub fn encode_steim2(
    samples: &[i32],
    previous: i32,
    max_frames: usize,
) -> Option<(Vec<u8>, usize)> {
    if samples.is_empty() || max_frames == 0 {
        return Some((Vec::new(), 0));
    }
    let diff = |i: usize| -> i64 {
        let prev = if i == 0 { previous } else { samples[i - 1] };
        samples[i] as i64 - prev as i64
    };
    let mut words: Vec<u32> = Vec::with_capacity(max_frames * 16);
    let mut i = 0usize;
    let mut frames = 0usize;
    while frames < max_frames && i < samples.len() {
        let mut frame = [0u32; 16];
        let mut ctrl = 0u32;
        let first_word = if frames == 0 { 3 } else { 1 };
        for (w, slot) in frame.iter_mut().enumerate().skip(first_word) {
            if i >= samples.len() {
                break;
            }
            let mut packed = false;
            for &(count, bits, dnib, code) in &STEIM2_PACKINGS {
                if i + count > samples.len() && count > 1 {
                    continue;
                }
                let ds: Vec<i64> = (i..i + count).map(diff).collect();
                if ds
                    .iter()
                    .any(|&d| d < i32::MIN as i64 || d > i32::MAX as i64 || !fits(d as i32, bits))
                {
                    continue;
                }
                let mut v: u32 = if code == 1 { 0 } else { dnib << 30 };
                let mask = (1u32 << bits) - 1;
                // Differences are right-aligned in the word, first one highest.
                for (k, &d) in ds.iter().enumerate() {
                    let shift = bits * (count - 1 - k) as u32;
                    v |= ((d as i32 as u32) & mask) << shift;
                }
                *slot = v;
                ctrl |= code << (30 - 2 * w as u32);
                i += count;
                packed = true;
                break;
            }
            if !packed {
                return None;
            }
        }
        frame[0] = ctrl;
        words.extend_from_slice(&frame);
        frames += 1;
    }
    if words.len() >= 3 {
        words[1] = samples[0] as u32;
        words[2] = samples[i - 1] as u32;
    }
    let bytes = words.iter().flat_map(|w| w.to_be_bytes()).collect();
    Some((bytes, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steim2_round_trip_for_every_difference_width() {
        let mut x = Vec::new();
        let mut v = 0i32;
        for i in 0..3000i32 {
            let step = match i % 7 {
                0 => 3,
                1 => -9,
                2 => 25,
                3 => -100,
                4 => 400,
                5 => -12_000,
                _ => 300_000_000 / (1 + i % 5),
            };
            v = v.wrapping_add(step).clamp(-400_000_000, 400_000_000);
            x.push(v);
        }
        let mut decoded = Vec::new();
        let mut prev = 0;
        let mut rest = &x[..];
        while !rest.is_empty() {
            let (payload, n) = encode_steim2(rest, prev, 7).unwrap();
            assert!(n > 0);
            let (d, ok) = decode(&payload, n, Steim::Two, true).unwrap();
            assert!(ok);
            decoded.extend_from_slice(&d);
            prev = rest[n - 1];
            rest = &rest[n..];
        }
        assert_eq!(decoded, x);
    }

    #[test]
    fn huge_differences_are_refused() {
        assert!(encode_steim2(&[i32::MIN, i32::MAX], 0, 7).is_none());
    }

    #[test]
    fn short_payload_is_an_error_not_a_panic() {
        assert_eq!(
            decode(&[0u8; 10], 5, Steim::One, true),
            Err(SteimError::NoFrame(10))
        );
        assert!(matches!(
            decode(&[0u8; 64], 5, Steim::Two, true),
            Err(SteimError::TooFewSamples { .. })
        ));
    }
}
