//! Signal processing on sample arrays, matching ObsPy 1.5 (and through it
//! SciPy) case by case: demean, detrend, taper, Butterworth filters as
//! second-order sections, Hilbert envelope, STA/LTA and trigger onsets;
//! plus what the hall needs to show and play recordings: min/max
//! decimation per pixel column, spectrograms and anti-aliased resampling
//! for time compression.

use rustfft::FftPlanner;
use rustfft::num_complex::Complex64 as C;

/// Removes the mean.
pub fn demean(x: &mut [f64]) {
    if x.is_empty() {
        return;
    }
    let mean = x.iter().sum::<f64>() / x.len() as f64;
    x.iter_mut().for_each(|v| *v -= mean);
}

/// Removes the least-squares straight line (ObsPy `detrend('linear')`).
pub fn detrend_linear(x: &mut [f64]) {
    let n = x.len();
    if n < 2 {
        demean(x);
        return;
    }
    let nf = n as f64;
    let mean_t = (nf - 1.0) / 2.0;
    let mean_x = x.iter().sum::<f64>() / nf;
    let (mut sxt, mut stt) = (0.0, 0.0);
    for (i, &v) in x.iter().enumerate() {
        let dt = i as f64 - mean_t;
        sxt += dt * (v - mean_x);
        stt += dt * dt;
    }
    let slope = sxt / stt;
    for (i, v) in x.iter_mut().enumerate() {
        *v -= mean_x + slope * (i as f64 - mean_t);
    }
}

/// Taper windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaperKind {
    /// Hann (raised cosine over the tapered part).
    Hann,
    /// Cosine (sine-shaped ramp).
    Cosine,
}

/// A symmetric window of `m` points (SciPy `windows.hann`/`cosine`, `sym=True`).
fn window(kind: TaperKind, m: usize) -> Vec<f64> {
    match kind {
        TaperKind::Hann => {
            if m == 1 {
                return vec![1.0];
            }
            (0..m)
                .map(|n| 0.5 - 0.5 * (2.0 * std::f64::consts::PI * n as f64 / (m - 1) as f64).cos())
                .collect()
        }
        TaperKind::Cosine => (0..m)
            .map(|n| (std::f64::consts::PI * (n as f64 + 0.5) / m as f64).sin())
            .collect(),
    }
}

/// Tapers both ends over `max_percentage` of the samples each, as ObsPy's
/// `Trace.taper(max_percentage, type)` does.
pub fn taper(x: &mut [f64], max_percentage: f64, kind: TaperKind) {
    let n = x.len();
    let wlen = ((max_percentage * n as f64) as usize).min(n / 2);
    if wlen == 0 {
        return;
    }
    let sides = if 2 * wlen == n {
        window(kind, 2 * wlen)
    } else {
        window(kind, 2 * wlen + 1)
    };
    for i in 0..wlen {
        x[i] *= sides[i];
        x[n - wlen + i] *= sides[sides.len() - wlen + i];
    }
}

/// One second-order section: b0, b1, b2, a0 (= 1), a1, a2.
pub type Sos = [f64; 6];

/// Butterworth band types.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Band {
    /// Low-pass at `0` Hz.
    Low(f64),
    /// High-pass at `0` Hz.
    High(f64),
    /// Band-pass between the two frequencies (Hz).
    Pass(f64, f64),
}

/// Designs a digital Butterworth filter as second-order sections, the way
/// SciPy's `iirfilter(..., ftype='butter', output='zpk')` and `zpk2sos` do:
/// analogue prototype, frequency transformation with pre-warping, bilinear
/// transform. `corners` is the prototype order (4 corners give 8 poles for
/// a band-pass, as in ObsPy).
pub fn butterworth(band: Band, corners: usize, sample_rate_hz: f64) -> Vec<Sos> {
    let corners = corners.max(1);
    let nyquist = 0.5 * sample_rate_hz;
    let fs = 2.0;
    let warp =
        |f: f64| 2.0 * fs * (std::f64::consts::PI * (f / nyquist).min(1.0 - 1e-9) / fs).tan();
    // Analogue prototype: poles on the left unit half circle.
    let proto: Vec<C> = (0..corners)
        .map(|k| {
            let m = -(corners as f64) + 1.0 + 2.0 * k as f64;
            -C::from_polar(1.0, std::f64::consts::PI * m / (2.0 * corners as f64))
        })
        .collect();
    let (zeros, poles, gain) = match band {
        Band::Low(f) => {
            let wo = warp(f);
            (
                Vec::new(),
                proto.iter().map(|p| p * wo).collect::<Vec<_>>(),
                wo.powi(corners as i32),
            )
        }
        Band::High(f) => {
            let wo = warp(f);
            let poles: Vec<C> = proto.iter().map(|p| wo / p).collect();
            let k = (proto.iter().fold(C::new(1.0, 0.0), |acc, p| acc * -p))
                .re
                .recip();
            (vec![C::new(0.0, 0.0); corners], poles, k)
        }
        Band::Pass(f1, f2) => {
            let (w1, w2) = (warp(f1), warp(f2));
            let (wo, bw) = ((w1 * w2).sqrt(), w2 - w1);
            let mut poles = Vec::with_capacity(2 * corners);
            for p in &proto {
                let half = p * (bw / 2.0);
                let root = (half * half - wo * wo).sqrt();
                poles.push(half + root);
                poles.push(half - root);
            }
            (
                vec![C::new(0.0, 0.0); corners],
                poles,
                bw.powi(corners as i32),
            )
        }
    };
    // Bilinear transform.
    let fs2 = 2.0 * fs;
    let zd: Vec<C> = zeros
        .iter()
        .map(|z| (fs2 + z) / (fs2 - z))
        .chain(std::iter::repeat_n(
            C::new(-1.0, 0.0),
            poles.len() - zeros.len(),
        ))
        .collect();
    let pd: Vec<C> = poles.iter().map(|p| (fs2 + p) / (fs2 - p)).collect();
    let num = zeros
        .iter()
        .fold(C::new(1.0, 0.0), |acc, z| acc * (fs2 - z));
    let den = poles
        .iter()
        .fold(C::new(1.0, 0.0), |acc, p| acc * (fs2 - p));
    let k = gain * (num / den).re;
    zpk_to_sos(&zd, &pd, k)
}

/// Pairs poles (conjugate pairs, or two real ones) and zeros into sections.
fn zpk_to_sos(zeros: &[C], poles: &[C], k: f64) -> Vec<Sos> {
    // Poles with non-negative imaginary part stand for their pair.
    let mut complex_poles: Vec<C> = poles.iter().copied().filter(|p| p.im > 1e-12).collect();
    let mut real_poles: Vec<f64> = poles
        .iter()
        .filter(|p| p.im.abs() <= 1e-12)
        .map(|p| p.re)
        .collect();
    // Poles closest to the unit circle last (SciPy's ordering, best numerics).
    complex_poles.sort_by(|a, b| {
        (1.0 - a.norm())
            .abs()
            .total_cmp(&(1.0 - b.norm()).abs())
            .reverse()
    });
    real_poles.sort_by(|a, b| {
        (1.0 - a.abs())
            .abs()
            .total_cmp(&(1.0 - b.abs()).abs())
            .reverse()
    });
    let mut real_zeros: Vec<f64> = zeros
        .iter()
        .filter(|z| z.im.abs() <= 1e-12)
        .map(|z| z.re)
        .collect();
    real_zeros.sort_by(|a, b| a.total_cmp(b));
    let mut sections: Vec<Sos> = Vec::new();
    let take_zero_pair = |real_zeros: &mut Vec<f64>| -> (f64, f64, f64) {
        match (real_zeros.pop(), real_zeros.pop()) {
            (Some(a), Some(b)) => (1.0, -(a + b), a * b),
            (Some(a), None) => (1.0, -a, 0.0),
            _ => (1.0, 0.0, 0.0),
        }
    };
    for p in complex_poles {
        let (b0, b1, b2) = take_zero_pair(&mut real_zeros);
        sections.push([b0, b1, b2, 1.0, -2.0 * p.re, p.norm_sqr()]);
    }
    while !real_poles.is_empty() {
        let a = real_poles.remove(0);
        let (a1, a2) = match real_poles.first().copied() {
            Some(b) => {
                real_poles.remove(0);
                (-(a + b), a * b)
            }
            None => (-a, 0.0),
        };
        let (b0, b1, b2) = take_zero_pair(&mut real_zeros);
        sections.push([b0, b1, b2, 1.0, a1, a2]);
    }
    if let Some(first) = sections.first_mut() {
        first[0] *= k;
        first[1] *= k;
        first[2] *= k;
    }
    sections
}

/// Runs second-order sections over `x` (direct form II transposed, zero
/// initial state), as SciPy's `sosfilt`.
pub fn sosfilt(sos: &[Sos], x: &[f64]) -> Vec<f64> {
    let mut y = x.to_vec();
    for s in sos {
        let (b0, b1, b2, a1, a2) = (s[0], s[1], s[2], s[4], s[5]);
        let (mut z1, mut z2) = (0.0, 0.0);
        for v in y.iter_mut() {
            let input = *v;
            let out = b0 * input + z1;
            z1 = b1 * input - a1 * out + z2;
            z2 = b2 * input - a2 * out;
            *v = out;
        }
    }
    y
}

/// Filters `x` with a Butterworth filter: causal, or forward and backward
/// (zero phase, squared magnitude), as ObsPy's `filter(..., zerophase)`.
pub fn filter(
    x: &[f64],
    band: Band,
    corners: usize,
    sample_rate_hz: f64,
    zerophase: bool,
) -> Vec<f64> {
    let sos = butterworth(band, corners, sample_rate_hz);
    let first = sosfilt(&sos, x);
    if !zerophase {
        return first;
    }
    let mut rev: Vec<f64> = first.into_iter().rev().collect();
    rev = sosfilt(&sos, &rev);
    rev.reverse();
    rev
}

/// The analytic signal's magnitude (SciPy `hilbert`, ObsPy `envelope`).
pub fn envelope(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    if n == 0 {
        return Vec::new();
    }
    let mut planner = FftPlanner::new();
    let mut buf: Vec<C> = x.iter().map(|&v| C::new(v, 0.0)).collect();
    planner.plan_fft_forward(n).process(&mut buf);
    // Keep DC (and Nyquist for even n), double positive, zero negative frequencies.
    for (i, c) in buf.iter_mut().enumerate() {
        let h = if i == 0 || (n.is_multiple_of(2) && i == n / 2) {
            1.0
        } else if i < n.div_ceil(2) {
            2.0
        } else {
            0.0
        };
        *c *= h;
    }
    planner.plan_fft_inverse(n).process(&mut buf);
    buf.iter().map(|c| c.norm() / n as f64).collect()
}

/// Classic STA/LTA (ObsPy `classic_sta_lta`): mean square over the last
/// `nsta` samples divided by that over the last `nlta`; zero until the
/// long window is full.
pub fn classic_sta_lta(x: &[f64], nsta: usize, nlta: usize) -> Vec<f64> {
    let n = x.len();
    let mut out = vec![0.0; n];
    if nsta == 0 || nlta == 0 || n == 0 {
        return out;
    }
    let mut cum = Vec::with_capacity(n + 1);
    cum.push(0.0);
    for &v in x {
        cum.push(cum.last().copied().unwrap_or(0.0) + v * v);
    }
    for (i, o) in out.iter_mut().enumerate().skip(nlta.saturating_sub(1)) {
        let sta = (cum[i + 1] - cum[(i + 1).saturating_sub(nsta)]) / nsta as f64;
        let lta = (cum[i + 1] - cum[(i + 1).saturating_sub(nlta)]) / nlta as f64;
        *o = sta / lta.max(f64::MIN_POSITIVE);
    }
    out
}

/// Recursive STA/LTA (ObsPy `recursive_sta_lta`): exponential averages of
/// the squared signal; zero for the first `nlta` samples.
pub fn recursive_sta_lta(x: &[f64], nsta: usize, nlta: usize) -> Vec<f64> {
    let n = x.len();
    let mut out = vec![0.0; n];
    if nsta == 0 || nlta == 0 {
        return out;
    }
    let (csta, clta) = (1.0 / nsta as f64, 1.0 / nlta as f64);
    let (mut sta, mut lta) = (0.0f64, 1e-99f64);
    for i in 1..n {
        let sq = x[i] * x[i];
        sta = csta * sq + (1.0 - csta) * sta;
        lta = clta * sq + (1.0 - clta) * lta;
        out[i] = sta / lta;
    }
    out.iter_mut().take(nlta.min(n)).for_each(|v| *v = 0.0);
    out
}

/// Trigger on/off sample pairs (ObsPy `trigger_onset`): on where the
/// characteristic function first exceeds `on`, off where it next falls to
/// `off` or below. A trigger still on at the end closes at the last sample.
pub fn trigger_onset(cf: &[f64], on: f64, off: f64) -> Vec<(usize, usize)> {
    let mut picks = Vec::new();
    let mut i = 0;
    while i < cf.len() {
        if cf[i] > on {
            let start = i;
            let mut j = i;
            while j + 1 < cf.len() && cf[j + 1] > off {
                j += 1;
            }
            picks.push((start, j));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    picks
}

/// Minimum and maximum of each of `columns` equal slices of `x`, so that a
/// drawing `columns` pixels wide shows every peak.
pub fn minmax_columns(x: &[f64], columns: usize) -> Vec<(f64, f64)> {
    let n = x.len();
    if n == 0 || columns == 0 {
        return Vec::new();
    }
    (0..columns)
        .map(|c| {
            let a = c * n / columns;
            let b = ((c + 1) * n / columns).max(a + 1).min(n);
            let slice = &x[a.min(n - 1)..b];
            slice
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                    (lo.min(v), hi.max(v))
                })
        })
        .collect()
}

/// A spectrogram: power in dB per time window and frequency bin.
#[derive(Debug, Clone, PartialEq)]
pub struct Spectrogram {
    /// Centre time of each window, seconds from the first sample.
    pub times_s: Vec<f64>,
    /// Frequency of each bin, Hz (0 to Nyquist).
    pub freqs_hz: Vec<f64>,
    /// `power_db[window][bin]`.
    pub power_db: Vec<Vec<f64>>,
}

/// Short-time Fourier transform with a Hann window of `nfft` samples,
/// advancing by `step` samples.
pub fn spectrogram(x: &[f64], sample_rate_hz: f64, nfft: usize, step: usize) -> Spectrogram {
    let nfft = nfft.max(2);
    let step = step.max(1);
    let win = window(TaperKind::Hann, nfft);
    let wpow: f64 = win.iter().map(|w| w * w).sum();
    let fft = FftPlanner::new().plan_fft_forward(nfft);
    let bins = nfft / 2 + 1;
    let mut out = Spectrogram {
        times_s: Vec::new(),
        freqs_hz: (0..bins)
            .map(|k| k as f64 * sample_rate_hz / nfft as f64)
            .collect(),
        power_db: Vec::new(),
    };
    let mut start = 0;
    while start + nfft <= x.len() {
        let mut buf: Vec<C> = x[start..start + nfft]
            .iter()
            .zip(&win)
            .map(|(&v, &w)| C::new(v * w, 0.0))
            .collect();
        fft.process(&mut buf);
        let row = buf[..bins]
            .iter()
            .map(|c| 10.0 * (c.norm_sqr() / (wpow * sample_rate_hz)).max(1e-30).log10())
            .collect();
        out.times_s
            .push((start as f64 + nfft as f64 / 2.0) / sample_rate_hz);
        out.power_db.push(row);
        start += step;
    }
    out
}

/// Resamples from `rate_in` to `rate_out` with a Lanczos-windowed sinc
/// whose cut-off is the lower of the two Nyquist frequencies, so nothing
/// above the output Nyquist frequency folds back (no aliasing).
pub fn resample(x: &[f64], rate_in: f64, rate_out: f64) -> Vec<f64> {
    const LOBES: f64 = 8.0;
    if x.is_empty() || !(rate_in > 0.0 && rate_out > 0.0) {
        return Vec::new();
    }
    let ratio = rate_in / rate_out;
    // Widen the kernel when going down so that it is also the low-pass.
    let scale = ratio.max(1.0);
    let half = LOBES * scale;
    let n_out = ((x.len() as f64) / ratio).floor() as usize;
    let pi = std::f64::consts::PI;
    // The kernel's two sines, sin(πu) and sin(πu/LOBES) with u = (t − i)/scale,
    // step by a fixed angle from one tap to the next: they are rotated
    // from the first tap's rather than evaluated at every tap (the same
    // values to rounding, some twenty times fewer sines).
    let (d_main, d_win) = (pi / scale, pi / (scale * LOBES));
    let (sd_main, cd_main) = d_main.sin_cos();
    let (sd_win, cd_win) = d_win.sin_cos();
    (0..n_out)
        .map(|j| {
            let t = j as f64 * ratio;
            let lo = ((t - half).ceil().max(0.0)) as usize;
            let hi = ((t + half).floor() as usize).min(x.len() - 1);
            let u0 = (t - lo as f64) / scale;
            let (mut s_main, mut c_main) = (pi * u0).sin_cos();
            let (mut s_win, mut c_win) = (pi * u0 / LOBES).sin_cos();
            let (mut acc, mut wsum) = (0.0, 0.0);
            for (k, &v) in x.iter().enumerate().take(hi + 1).skip(lo) {
                let u = (t - k as f64) / scale;
                let w = if u.abs() < 1e-12 {
                    1.0
                } else {
                    let pu = pi * u;
                    (s_main / pu) * (s_win / (pu / LOBES))
                };
                acc += v * w;
                wsum += w;
                // Next tap: u falls by 1/scale, both angles by their step.
                (s_main, c_main) = (
                    s_main * cd_main - c_main * sd_main,
                    c_main * cd_main + s_main * sd_main,
                );
                (s_win, c_win) = (
                    s_win * cd_win - c_win * sd_win,
                    c_win * cd_win + s_win * sd_win,
                );
            }
            if wsum.abs() > 1e-12 { acc / wsum } else { 0.0 }
        })
        .collect()
}

/// Plays a recording `speedup` times faster as audio at `audio_rate_hz`:
/// a 10-minute record with `speedup` 60 lasts 10 s. The result is
/// normalised to a peak of 0.9 and anti-aliased by [`resample`].
pub fn time_compress(x: &[f64], sample_rate_hz: f64, speedup: f64, audio_rate_hz: f64) -> Vec<f32> {
    let mut centred = x.to_vec();
    demean(&mut centred);
    let y = resample(&centred, sample_rate_hz * speedup, audio_rate_hz);
    let peak = y.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let gain = if peak > 0.0 { 0.9 / peak } else { 0.0 };
    y.iter().map(|v| (v * gain) as f32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(f: f64, rate: f64, n: usize) -> Vec<f64> {
        (0..n)
            .map(|i| (2.0 * std::f64::consts::PI * f * i as f64 / rate).sin())
            .collect()
    }

    fn rms(x: &[f64]) -> f64 {
        (x.iter().map(|v| v * v).sum::<f64>() / x.len() as f64).sqrt()
    }

    #[test]
    fn detrend_removes_a_line_exactly() {
        let mut x: Vec<f64> = (0..100).map(|i| 3.0 + 0.5 * i as f64).collect();
        detrend_linear(&mut x);
        assert!(x.iter().all(|v| v.abs() < 1e-9));
    }

    #[test]
    fn lowpass_passes_low_and_stops_high_tones() {
        let rate = 100.0;
        let low = filter(&tone(1.0, rate, 4000), Band::Low(5.0), 4, rate, true);
        let high = filter(&tone(20.0, rate, 4000), Band::Low(5.0), 4, rate, true);
        assert!((rms(&low[500..3500]) - 0.5f64.sqrt()).abs() < 0.01);
        assert!(rms(&high[500..3500]) < 1e-3);
        // At the corner a zero-phase filter gives half the amplitude (-6 dB).
        let corner = filter(&tone(5.0, rate, 4000), Band::Low(5.0), 4, rate, true);
        assert!((rms(&corner[500..3500]) / 0.5f64.sqrt() - 0.5).abs() < 0.01);
    }

    #[test]
    fn envelope_of_a_tone_is_flat() {
        let x = tone(5.0, 100.0, 1000);
        let e = envelope(&x);
        assert!(e[100..900].iter().all(|v| (v - 1.0).abs() < 1e-6));
    }

    #[test]
    fn minmax_keeps_every_peak() {
        let mut x = vec![0.0; 1_000_000];
        x[123_457] = 9.0;
        x[999_999] = -4.0;
        let cols = minmax_columns(&x, 2000);
        assert_eq!(cols.len(), 2000);
        assert_eq!(cols.iter().map(|c| c.1).fold(f64::MIN, f64::max), 9.0);
        assert_eq!(cols.last().unwrap().0, -4.0);
    }

    #[test]
    fn resampling_by_rotated_sines_equals_the_kernel_evaluated_at_each_tap() {
        let x: Vec<f64> = (0..400).map(|i| ((i * 7919) % 101) as f64 - 50.0).collect();
        let sinc = |t: f64| {
            if t.abs() < 1e-12 {
                1.0
            } else {
                (std::f64::consts::PI * t).sin() / (std::f64::consts::PI * t)
            }
        };
        for (rate_in, rate_out) in [(100.0, 441.0), (100.0, 37.0), (8000.0, 44_100.0)] {
            let got = resample(&x, rate_in, rate_out);
            let ratio = rate_in / rate_out;
            let scale = ratio.max(1.0);
            let half = 8.0 * scale;
            for (j, &g) in got.iter().enumerate() {
                let t = j as f64 * ratio;
                let lo = ((t - half).ceil().max(0.0)) as usize;
                let hi = ((t + half).floor() as usize).min(x.len() - 1);
                let (mut acc, mut wsum) = (0.0, 0.0);
                for (i, &v) in x.iter().enumerate().take(hi + 1).skip(lo) {
                    let u = (t - i as f64) / scale;
                    let w = sinc(u) * sinc(u / 8.0);
                    acc += v * w;
                    wsum += w;
                }
                let want = if wsum.abs() > 1e-12 { acc / wsum } else { 0.0 };
                assert!(
                    (g - want).abs() < 1e-9,
                    "{rate_in}->{rate_out} at {j}: {g} vs {want}"
                );
            }
        }
    }

    #[test]
    fn time_compression_keeps_audible_tones_and_removes_aliases() {
        // 10 minutes at 100 Hz played in 10 s: speed-up 60, 6 kHz effective.
        let rate = 100.0;
        let n = 60_000;
        let out_rate = 8000.0;
        // 20 Hz becomes 1200 Hz: kept.
        let kept = time_compress(&tone(20.0, rate, n), rate, 60.0, out_rate);
        assert_eq!(kept.len(), 80_000);
        // 10 minutes at 200 Hz with an 80 Hz tone sped up 60 times: 4.8 kHz,
        // above the 4 kHz Nyquist frequency of 8 kHz audio: must vanish.
        let alias_in = tone(80.0, 200.0, 120_000);
        let mut mixed: Vec<f64> = tone(10.0, 200.0, 120_000)
            .iter()
            .zip(&alias_in)
            .map(|(a, b)| a + b)
            .collect();
        let y = resample(&mixed, 200.0 * 60.0, out_rate);
        let pure = resample(&tone(10.0, 200.0, 120_000), 200.0 * 60.0, out_rate);
        let err: Vec<f64> = y.iter().zip(&pure).map(|(a, b)| a - b).collect();
        assert!(
            rms(&err[1000..y.len() - 1000]) < 0.01,
            "alias leaked: {}",
            rms(&err)
        );
        mixed.clear();
    }

    #[test]
    fn spectrogram_puts_a_tone_in_its_bin() {
        let rate = 100.0;
        let s = spectrogram(&tone(12.5, rate, 2000), rate, 256, 128);
        assert_eq!(s.freqs_hz.len(), 129);
        assert_eq!(s.power_db.len(), s.times_s.len());
        for row in &s.power_db {
            let peak = row
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .unwrap()
                .0;
            assert!((s.freqs_hz[peak] - 12.5).abs() < rate / 256.0);
        }
    }

    #[test]
    fn upsampling_a_band_limited_signal_is_accurate() {
        let y = resample(&tone(3.0, 50.0, 2000), 50.0, 200.0);
        let want = tone(3.0, 200.0, y.len());
        let err: Vec<f64> = y.iter().zip(&want).map(|(a, b)| a - b).collect();
        assert!(rms(&err[200..y.len() - 200]) < 1e-3, "{}", rms(&err));
    }

    #[test]
    fn trigger_onset_pairs() {
        let cf = [0.0, 4.0, 5.0, 2.0, 1.0, 0.5, 3.5, 2.0, 2.0];
        assert_eq!(trigger_onset(&cf, 3.0, 1.5), vec![(1, 3), (6, 8)]);
    }
}
