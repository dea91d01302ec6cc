//! What tells a record's source apart, measured the way exhibit 19's
//! explanations name it: the P/S amplitude ratio (explosions make strong P
//! and little S), S−P (the distance), the frequency content (distant quakes
//! arrive as slow waves, traffic as fast small shaking) and the hour
//! (quarries blast in the daytime).

use rustfft::FftPlanner;
use rustfft::num_complex::Complex64 as C;

use crate::domain::waveform::dsp::{self, Band};
use crate::domain::waveform::{Trace, UtcTime};

/// Band of the P/S ratio, Hz: high enough to leave out a blast's Rg and
/// the microseism, as the high-frequency P/S discriminants do (Kim,
/// Simpson & Richards 1993 use 5-25 Hz; Walter, Mayeda & Patton 1995,
/// 6-8 Hz Pg/Lg).
pub const P_S_BAND_HZ: (f64, f64) = (3.0, 12.0);
/// Band over which the median frequency is taken, Hz: above the ocean
/// microseism (0.1-0.3 Hz, Peterson 1993), up to where traffic fades.
pub const FREQUENCY_BAND_HZ: (f64, f64) = (0.3, 20.0);
/// Hours between UTC and the hall's clocks (Beijing time, UTC+8).
pub const LOCAL_UTC_OFFSET_H: f64 = 8.0;

/// The telling features of one station's record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features {
    /// Peak of the vertical from P to S over the peak of the horizontals
    /// from S for as long again (at least 4 s), both in [`P_S_BAND_HZ`];
    /// `None` without a P and an S.
    pub p_over_s: Option<f64>,
    /// S−P, s, where both are known.
    pub sp_s: Option<f64>,
    /// The frequency below which half the vertical's power lies, Hz, over
    /// the quake's waves (from P to three S−P after S) or the whole record.
    pub median_hz: f64,
    /// The hour of the day of P (or of the record's start) on the hall's
    /// clocks, 0-24.
    pub local_hour: f64,
}

fn component<'a>(traces: &'a [Trace], ends: &[char]) -> Vec<&'a Trace> {
    traces
        .iter()
        .filter(|t| t.channel.ends_with(ends) && t.sample_rate_hz > 0.0 && !t.is_empty())
        .collect()
}

/// Samples of `t` from `a` to `b` (absolute times), band-passed in `band`
/// (its top held below Nyquist), demeaned.
fn window(t: &Trace, a: UtcTime, b: UtcTime, band: Option<(f64, f64)>) -> Vec<f64> {
    let mut x = t.samples.to_f64();
    dsp::demean(&mut x);
    let rate = t.sample_rate_hz;
    if let Some((lo, hi)) = band {
        let hi = hi.min(0.45 * rate);
        if hi > lo * 1.2 {
            x = dsp::filter(&x, Band::Pass(lo, hi), 2, rate, true);
        }
    }
    let i = |u: UtcTime| (u.secs_since(t.start) * rate).clamp(0.0, x.len() as f64) as usize;
    let (ia, ib) = (i(a), i(b));
    if ia >= ib {
        return Vec::new();
    }
    x[ia..ib].to_vec()
}

fn peak(x: &[f64]) -> f64 {
    x.iter().fold(0.0f64, |m, v| m.max(v.abs()))
}

/// The frequency below which half the power of `x` (sampled at `rate`)
/// in `band` lies, Hz (Hann-tapered periodogram).
pub fn median_frequency(x: &[f64], rate: f64, band: (f64, f64)) -> f64 {
    let n = x.len();
    if n < 16 {
        return 0.0;
    }
    let nfft = n.next_power_of_two();
    let mut buf: Vec<C> = (0..nfft)
        .map(|i| {
            if i < n {
                let w = 0.5 - 0.5 * (std::f64::consts::TAU * i as f64 / (n - 1) as f64).cos();
                C::new(x[i] * w, 0.0)
            } else {
                C::new(0.0, 0.0)
            }
        })
        .collect();
    FftPlanner::new().plan_fft_forward(nfft).process(&mut buf);
    let df = rate / nfft as f64;
    let power: Vec<(f64, f64)> = (1..nfft / 2)
        .map(|b| (b as f64 * df, buf[b].norm_sqr()))
        .filter(|&(f, _)| f >= band.0 && f <= band.1)
        .collect();
    let total: f64 = power.iter().map(|p| p.1).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let mut acc = 0.0;
    for &(f, p) in &power {
        acc += p;
        if acc >= 0.5 * total {
            return f;
        }
    }
    band.1
}

/// The features of a station's record `traces` with its P and S (where
/// the record has a quake or a blast in it).
pub fn features(traces: &[Trace], p: Option<UtcTime>, s: Option<UtcTime>) -> Option<Features> {
    let z = component(traces, &['Z', 'z'])
        .into_iter()
        .max_by_key(|t| t.len())?;
    let horizontals = component(traces, &['N', 'E', 'n', 'e', '1', '2']);
    let start = z.start;
    let end = z.time_of(z.len().saturating_sub(1));
    let (p_over_s, sp_s) = match (p, s) {
        (Some(p), Some(s)) if s.secs_since(p) > 0.0 => {
            let sp = s.secs_since(p);
            let p_amp = peak(&window(z, p, s.add_secs(-0.1 * sp), Some(P_S_BAND_HZ)));
            let s_end = s.add_secs(sp.max(4.0));
            let s_amp = horizontals
                .iter()
                .map(|h| peak(&window(h, s, s_end, Some(P_S_BAND_HZ))))
                .fold(0.0f64, f64::max);
            ((s_amp > 0.0).then(|| p_amp / s_amp), Some(sp))
        }
        _ => (None, None),
    };
    let (a, b) = match (p, sp_s) {
        (Some(p), Some(sp)) => (p.add_secs(-1.0), p.add_secs(sp * 4.0)),
        _ => (start, end),
    };
    let x = window(z, a, b, None);
    let median_hz = median_frequency(&x, z.sample_rate_hz, FREQUENCY_BAND_HZ);
    let at = p.unwrap_or(start);
    let secs_of_day = (at.as_secs_f64() + LOCAL_UTC_OFFSET_H * 3600.0).rem_euclid(86_400.0);
    Some(Features {
        p_over_s,
        sp_s,
        median_hz,
        local_hour: secs_of_day / 3600.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_frequency_of_a_tone_is_the_tone() {
        let rate = 100.0;
        for f in [0.8, 3.0, 11.0] {
            let x: Vec<f64> = (0..4000)
                .map(|i| (std::f64::consts::TAU * f * i as f64 / rate).sin())
                .collect();
            let m = median_frequency(&x, rate, FREQUENCY_BAND_HZ);
            assert!((m - f).abs() < 0.05, "{f} Hz: {m}");
        }
        // Two tones of equal power: between them.
        let x: Vec<f64> = (0..8000)
            .map(|i| {
                let t = i as f64 / rate;
                (std::f64::consts::TAU * 2.0 * t).sin() + (std::f64::consts::TAU * 8.0 * t).sin()
            })
            .collect();
        let m = median_frequency(&x, rate, FREQUENCY_BAND_HZ);
        assert!((2.0..=8.0).contains(&m), "{m}");
    }
}
