//! Audification: a recording played so many times faster that ground
//! motion becomes sound. A seismometer's 0.05-20 Hz lies below hearing;
//! sped up 400 times a 1 Hz wave becomes a 400 Hz tone and an hour's record
//! lasts nine seconds (the method of Kilb et al. 2012, "Listen, watch,
//! learn: SeisSound video products", Seismological Research Letters 83).
//!
//! The record is detrended, everything that would be heard below 20 Hz is
//! taken out (speakers cannot play it and it would only eat the headroom),
//! it is resampled to [`SAMPLE_RATE`] with the anti-aliasing sinc of
//! [`dsp::resample`], normalised to [`PEAK`] and faded in and out over
//! [`FADE_S`], so that it never clips and never clicks.

use std::sync::Arc;

use rustfft::FftPlanner;
use rustfft::num_complex::Complex32;

use super::SAMPLE_RATE;
use crate::domain::waveform::dsp::{self, Band};

/// Loudest sample of an audified record before the volume is applied:
/// below full scale, so that no volume up to 1 can clip it.
pub const PEAK: f32 = 0.9;
/// The raised-cosine fade at each end, s (a quarter of the sound at most).
pub const FADE_S: f64 = 0.2;
/// The slowest and fastest speed-up a curator may set: 10 makes a local
/// quake's 5-20 Hz into 50-200 Hz; 4000 makes a long-period record's
/// 0.01 Hz into 40 Hz.
pub const SPEEDUP_RANGE: (f64, f64) = (10.0, 4000.0);
/// Lowest frequency worth keeping, as heard, Hz: the bottom of hearing.
pub const LOWEST_HEARD_HZ: f64 = 20.0;
/// The longest sound a record may make, s: longer would keep a visitor
/// (and the memory for its samples) waiting.
pub const LONGEST_S: f64 = 60.0;

/// A recording made audible.
#[derive(Debug, Clone, PartialEq)]
pub struct Audified {
    /// Mono samples at [`SAMPLE_RATE`], at most [`PEAK`] in size.
    pub samples: Arc<[f32]>,
    /// How many times faster than the ground moved.
    pub speedup: f64,
}

impl Audified {
    /// The record `x` (sampled at `rate_hz`) played `speedup` times faster.
    pub fn new(x: &[f64], rate_hz: f64, speedup: f64) -> Result<Self, String> {
        if !(rate_hz.is_finite() && rate_hz > 0.0) {
            return Err(format!("sample rate {rate_hz} Hz cannot be played"));
        }
        if !(SPEEDUP_RANGE.0..=SPEEDUP_RANGE.1).contains(&speedup) {
            return Err(format!(
                "speed-up {speedup} is outside {}-{}",
                SPEEDUP_RANGE.0, SPEEDUP_RANGE.1
            ));
        }
        if x.len() < 16 {
            return Err("too short to play".into());
        }
        let seconds = x.len() as f64 / rate_hz / speedup;
        if seconds > LONGEST_S {
            return Err(format!(
                "the sound would last {seconds:.0} s (longest {LONGEST_S:.0} s): raise the speed-up"
            ));
        }
        let mut y = x.to_vec();
        dsp::detrend_linear(&mut y);
        let low = LOWEST_HEARD_HZ / speedup;
        if low < 0.4 * rate_hz {
            y = dsp::filter(&y, Band::High(low), 2, rate_hz, true);
        }
        let mut s = dsp::time_compress(&y, rate_hz, speedup, SAMPLE_RATE as f64);
        // `time_compress` scales to 0.9 of full scale; hold it to PEAK.
        let peak = s.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        if peak > PEAK {
            s.iter_mut().for_each(|v| *v *= PEAK / peak);
        }
        fade(&mut s);
        Ok(Self {
            samples: s.into(),
            speedup,
        })
    }

    /// How long the sound lasts, s.
    pub fn duration_s(&self) -> f64 {
        self.samples.len() as f64 / SAMPLE_RATE as f64
    }

    /// The record's time (s from its first sample) heard `audio_s` seconds
    /// into the sound.
    pub fn record_time(&self, audio_s: f64) -> f64 {
        audio_s * self.speedup
    }
}

/// Raised-cosine fade in and out over [`FADE_S`] (or a quarter of `s`).
fn fade(s: &mut [f32]) {
    let n = ((FADE_S * SAMPLE_RATE as f64) as usize).min(s.len() / 4);
    let len = s.len();
    for i in 0..n {
        let g = 0.5 - 0.5 * (std::f32::consts::PI * i as f32 / n as f32).cos();
        s[i] *= g;
        s[len - 1 - i] *= g;
    }
}

/// The frequency with the most power in `s` (sampled at `rate_hz`), Hz:
/// the peak of its Hann-windowed spectrum.
pub fn dominant_hz(s: &[f32], rate_hz: f64) -> f64 {
    let n = s.len();
    if n < 4 {
        return 0.0;
    }
    let mut buf: Vec<Complex32> = s
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let w = 0.5 - 0.5 * (std::f32::consts::TAU * i as f32 / n as f32).cos();
            Complex32::new(v * w, 0.0)
        })
        .collect();
    FftPlanner::new().plan_fft_forward(n).process(&mut buf);
    let (k, _) = buf[1..n / 2]
        .iter()
        .enumerate()
        .fold((0, 0.0f32), |(bk, bp), (k, c)| {
            let p = c.norm_sqr();
            if p > bp { (k + 1, p) } else { (bk, bp) }
        });
    k as f64 * rate_hz / n as f64
}

/// Writes `s` as a 16-bit mono WAV file at [`SAMPLE_RATE`].
pub fn write_wav(path: &std::path::Path, s: &[f32]) -> Result<(), String> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: SAMPLE_RATE,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let fail = |e: hound::Error| format!("{}: {e}", path.display());
    let mut w = hound::WavWriter::create(path, spec).map_err(fail)?;
    for &v in s {
        w.write_sample((v.clamp(-1.0, 1.0) * i16::MAX as f32).round() as i16)
            .map_err(fail)?;
    }
    w.finalize().map_err(fail)
}

/// Reads a mono 16-bit WAV file written by [`write_wav`]: its samples in
/// -1..1 and its sample rate.
pub fn read_wav(path: &std::path::Path) -> Result<(Vec<f32>, u32), String> {
    let fail = |e: hound::Error| format!("{}: {e}", path.display());
    let mut r = hound::WavReader::open(path).map_err(fail)?;
    let rate = r.spec().sample_rate;
    let s = r
        .samples::<i16>()
        .map(|v| v.map(|v| v as f32 / i16::MAX as f32))
        .collect::<Result<Vec<_>, _>>()
        .map_err(fail)?;
    Ok((s, rate))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sine(f: f64, rate: f64, seconds: f64) -> Vec<f64> {
        (0..(rate * seconds) as usize)
            .map(|i| (std::f64::consts::TAU * f * i as f64 / rate).sin())
            .collect()
    }

    #[test]
    fn a_1_hz_sine_sped_up_400_times_is_a_400_hz_tone() {
        // 800 s of a 1 Hz wave at 20 Hz: two seconds of sound.
        let a = Audified::new(&sine(1.0, 20.0, 800.0), 20.0, 400.0).unwrap();
        assert!((a.duration_s() - 2.0).abs() < 0.01, "{}", a.duration_s());
        let f = dominant_hz(&a.samples, SAMPLE_RATE as f64);
        assert!((f - 400.0).abs() <= 1.0, "peak at {f} Hz");
        assert!((a.record_time(1.0) - 400.0).abs() < 1e-9);
    }

    #[test]
    fn never_beyond_full_scale_and_faded_at_both_ends() {
        // A square-ish record full of sharp steps rings in the resampler.
        let x: Vec<f64> = (0..20_000)
            .map(|i| if (i / 37) % 2 == 0 { 5e6 } else { -5e6 })
            .collect();
        let a = Audified::new(&x, 100.0, 40.0).unwrap();
        let peak = a.samples.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        assert!(peak <= PEAK + 1e-6 && peak > 0.5, "peak {peak}");
        let n = (FADE_S * SAMPLE_RATE as f64) as usize;
        let rms = |s: &[f32]| (s.iter().map(|v| v * v).sum::<f32>() / s.len() as f32).sqrt();
        let len = a.samples.len();
        assert!(a.samples[0].abs() < 1e-3 && a.samples[len - 1].abs() < 1e-3);
        // The first and last 10 ms are much quieter than the middle.
        let edge = SAMPLE_RATE as usize / 100;
        let middle = rms(&a.samples[n..len - n]);
        assert!(rms(&a.samples[..edge]) < 0.05 * middle);
        assert!(rms(&a.samples[len - edge..]) < 0.05 * middle);
        // ...and rise smoothly through the fade.
        assert!(rms(&a.samples[n / 2..n / 2 + edge]) < rms(&a.samples[n..n + edge]));
    }

    #[test]
    fn nonsense_is_refused_with_a_reason() {
        let x = sine(1.0, 20.0, 100.0);
        assert!(Audified::new(&x, 0.0, 100.0).unwrap_err().contains("rate"));
        assert!(
            Audified::new(&x, 20.0, 1.0)
                .unwrap_err()
                .contains("speed-up")
        );
        assert!(
            Audified::new(&x[..5], 20.0, 100.0)
                .unwrap_err()
                .contains("short")
        );
        let day = vec![0.0; 8_640_000];
        assert!(
            Audified::new(&day, 100.0, 10.0)
                .unwrap_err()
                .contains("raise")
        );
    }

    #[test]
    fn a_written_wav_reads_back_with_its_spectrum() {
        let a = Audified::new(&sine(2.0, 50.0, 120.0), 50.0, 100.0).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two-hundred.wav");
        write_wav(&path, &a.samples).unwrap();
        let (back, rate) = read_wav(&path).unwrap();
        assert_eq!((back.len(), rate), (a.samples.len(), SAMPLE_RATE));
        assert!((dominant_hz(&back, rate as f64) - 200.0).abs() <= 1.0);
        let err = back
            .iter()
            .zip(a.samples.iter())
            .fold(0.0f32, |m, (x, y)| m.max((x - y).abs()));
        assert!(err < 1e-4, "16-bit rounding only: {err}");
    }
}
