//! Sound without Bevy: the interface sounds, synthesised rather than
//! shipped (a soft tick for a tap and a short swish for a page turn; quiet,
//! short, and fading to zero so that they never click), recordings made
//! audible ([`audify`]), and the [`voice::Voice`] through which an exhibit
//! plays one and reads back where the sound is.

pub mod audify;
pub mod listen;
pub mod voice;

use std::f32::consts::TAU;

/// Sample rate of every sound the hall makes, in Hz.
pub const SAMPLE_RATE: u32 = 44_100;

/// The interface sounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiSound {
    /// A button or card was tapped.
    Tap,
    /// A page was turned.
    PageTurn,
    /// A bronze ball dropping into a bronze toad's mouth.
    Clink,
}

impl UiSound {
    /// The sound as mono samples in -1..1 at [`SAMPLE_RATE`], scaled by
    /// `volume` (0 silent, 1 full).
    pub fn samples(self, volume: f32) -> Vec<f32> {
        let v = volume.clamp(0.0, 1.0);
        let mut s = match self {
            UiSound::Tap => tick(),
            UiSound::PageTurn => swish(),
            UiSound::Clink => clink(),
        };
        for x in &mut s {
            *x *= v;
        }
        s
    }
}

fn n_samples(seconds: f32) -> usize {
    (seconds * SAMPLE_RATE as f32) as usize
}

/// A 1.4 kHz tone of 40 ms with a 2 ms attack and an exponential decay.
fn tick() -> Vec<f32> {
    let n = n_samples(0.040);
    (0..n)
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let attack = (t / 0.002).min(1.0);
            let decay = (-t / 0.009).exp();
            let tail = 1.0 - i as f32 / n as f32;
            0.35 * attack * decay * tail * (TAU * 1400.0 * t).sin()
        })
        .collect()
}

/// 150 ms of noise through a one-pole low-pass whose corner sweeps down,
/// under a raised-sine envelope: the sound of a turning page.
fn swish() -> Vec<f32> {
    let n = n_samples(0.150);
    let mut state = 0x9E37_79B9u32;
    let mut low = 0.0f32;
    (0..n)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let white = (state as f32 / u32::MAX as f32) * 2.0 - 1.0;
            let p = i as f32 / n as f32;
            let corner_hz = 5000.0 - 4000.0 * p;
            let a = 1.0 - (-TAU * corner_hz / SAMPLE_RATE as f32).exp();
            low += a * (white - low);
            let env = (std::f32::consts::PI * p).sin().powi(2);
            0.3 * env * low
        })
        .collect()
}

/// 600 ms of struck bronze: a 1.5 kHz partial and two higher, inharmonic
/// ones at the ratios of a free bar's modes (2.76 and 5.40 times the
/// lowest; Fletcher & Rossing 1998, The Physics of Musical Instruments,
/// ch. 2), each dying away faster than the last, after a 1 ms attack.
fn clink() -> Vec<f32> {
    let n = n_samples(0.600);
    (0..n)
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let attack = (t / 0.001).min(1.0);
            let tail = 1.0 - i as f32 / n as f32;
            let ring: f32 = [
                (1500.0, 1.0, 0.20),
                (4140.0, 0.5, 0.09),
                (8100.0, 0.25, 0.04),
            ]
            .iter()
            .map(|&(f, a, tau): &(f32, f32, f32)| a * (-t / tau).exp() * (TAU * f * t).sin())
            .sum();
            0.22 * attack * tail * ring
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sounds_are_short_quiet_and_end_silently() {
        for s in [UiSound::Tap, UiSound::PageTurn, UiSound::Clink] {
            let x = s.samples(1.0);
            let secs = x.len() as f32 / SAMPLE_RATE as f32;
            assert!((0.02..=0.6).contains(&secs), "{s:?}: {secs} s");
            let peak = x.iter().fold(0.0f32, |m, v| m.max(v.abs()));
            assert!(peak > 0.02 && peak <= 0.4, "{s:?}: peak {peak}");
            assert!(
                x.first().unwrap().abs() < 0.01 && x.last().unwrap().abs() < 0.01,
                "{s:?} clicks"
            );
        }
    }

    #[test]
    fn volume_scales_and_zero_is_silent() {
        let full = UiSound::Tap.samples(1.0);
        let half = UiSound::Tap.samples(0.5);
        assert!(
            full.iter()
                .zip(&half)
                .all(|(a, b)| (a * 0.5 - b).abs() < 1e-6)
        );
        assert!(UiSound::PageTurn.samples(0.0).iter().all(|v| *v == 0.0));
        assert!(UiSound::Tap.samples(7.0) == full);
    }
}
