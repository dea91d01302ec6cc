//! A sound an exhibit plays, and where it is. The exhibit's state owns a
//! [`Voice`]; the hall's audio output pulls its samples through the
//! [`Tap`] the voice hands out once, and every sample pulled moves the
//! voice's position on, so that a playhead drawn from
//! [`Voice::position_s`] is where the sound is, whatever the frame rate.
//! An output pulls ahead of what the speaker plays by one to two of its
//! buffers; it says how far ([`Voice::tap`]'s latency, one and a half
//! buffers), and the position is that much behind the samples pulled.
//! Without an audio output the hall moves the voice on by the frame's time
//! instead ([`Voice::run_silently`]), so the pictures behave the same.
//!
//! A voice stops when it is dropped (the visitor left, the hall went idle,
//! a curator's save rebuilt the exhibit) or told to: the tap then fades out
//! over [`STOP_FADE_S`] rather than cutting the wave (which clicks).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::SAMPLE_RATE;

/// The fade when a sound is stopped before its end, s.
pub const STOP_FADE_S: f64 = 0.03;

#[derive(Debug, Default)]
struct Shared {
    /// Samples handed to the output (or passed silently).
    played: AtomicU64,
    /// Set to stop the sound.
    stop: AtomicBool,
    /// Set by the tap when it has given its last sample.
    ended: AtomicBool,
}

/// How a voice reaches the ear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    /// Not yet handed to an output.
    Waiting,
    /// Through the tap, on an output.
    Output,
    /// Nowhere (no audio output): moved on by the clock.
    Silent,
}

/// A sound an exhibit plays: mono samples at [`SAMPLE_RATE`].
#[derive(Debug)]
pub struct Voice {
    clip: Arc<[f32]>,
    shared: Arc<Shared>,
    route: Route,
    silent_s: f64,
    latency_s: f64,
}

impl Voice {
    /// A voice that will play `clip` from its start.
    pub fn new(clip: Arc<[f32]>) -> Self {
        Self {
            clip,
            shared: Arc::default(),
            route: Route::Waiting,
            silent_s: 0.0,
            latency_s: 0.0,
        }
    }

    /// Seconds of the sound heard so far.
    pub fn position_s(&self) -> f64 {
        let pulled = self.shared.played.load(Ordering::Relaxed) as f64 / SAMPLE_RATE as f64;
        (pulled - self.latency_s).max(0.0)
    }

    /// How long the whole sound lasts, s.
    pub fn duration_s(&self) -> f64 {
        self.clip.len() as f64 / SAMPLE_RATE as f64
    }

    /// Whether the sound has ended (played out or stopped).
    pub fn finished(&self) -> bool {
        self.shared.ended.load(Ordering::Relaxed)
            || (self.route != Route::Output && self.shared.stop.load(Ordering::Relaxed))
            || self.shared.played.load(Ordering::Relaxed) >= self.clip.len() as u64
    }

    /// Stops the sound (with a short fade).
    pub fn stop(&self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }

    /// The tap an output pulls the samples through, at `gain` (0-1), the
    /// first time it is asked for; `None` after that. `latency_s` is how
    /// far the output pulls ahead of the speaker.
    pub fn tap(&mut self, gain: f32, latency_s: f64) -> Option<Tap> {
        if self.route != Route::Waiting {
            return None;
        }
        self.route = Route::Output;
        self.latency_s = latency_s.max(0.0);
        Some(Tap {
            clip: self.clip.clone(),
            shared: self.shared.clone(),
            gain: gain.clamp(0.0, 1.0),
            next: 0,
            fading: None,
        })
    }

    /// Moves a voice that no output plays on by `dt` seconds, as if heard.
    /// A voice already on an output is left to it.
    pub fn run_silently(&mut self, dt: f64) {
        if self.route == Route::Output || self.shared.stop.load(Ordering::Relaxed) {
            return;
        }
        self.route = Route::Silent;
        self.silent_s += dt.max(0.0);
        let n = ((self.silent_s * SAMPLE_RATE as f64) as u64).min(self.clip.len() as u64);
        self.shared.played.store(n, Ordering::Relaxed);
    }
}

impl Drop for Voice {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The samples of a [`Voice`] as an output pulls them.
#[derive(Debug)]
pub struct Tap {
    clip: Arc<[f32]>,
    shared: Arc<Shared>,
    gain: f32,
    next: usize,
    /// Samples left of the stop fade, once stopping.
    fading: Option<usize>,
}

impl Tap {
    /// Samples left, at most (for the output's bookkeeping).
    pub fn remaining(&self) -> usize {
        match self.fading {
            Some(n) => n.min(self.clip.len() - self.next),
            None => self.clip.len() - self.next,
        }
    }

    fn end(&mut self) -> Option<f32> {
        self.shared.ended.store(true, Ordering::Relaxed);
        None
    }
}

impl Iterator for Tap {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        if self.fading.is_none() && self.shared.stop.load(Ordering::Relaxed) {
            self.fading = Some((STOP_FADE_S * SAMPLE_RATE as f64) as usize);
        }
        let fade = match self.fading {
            Some(0) => return self.end(),
            Some(n) => {
                self.fading = Some(n - 1);
                n as f32 / (STOP_FADE_S * SAMPLE_RATE as f64) as f32
            }
            None => 1.0,
        };
        let Some(&v) = self.clip.get(self.next) else {
            return self.end();
        };
        self.next += 1;
        self.shared
            .played
            .store(self.next as u64, Ordering::Relaxed);
        Some(v * self.gain * fade)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.remaining()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ramp(n: usize) -> Arc<[f32]> {
        (0..n).map(|i| 0.5 * (i as f32 * 0.01).sin()).collect()
    }

    #[test]
    fn the_position_is_the_samples_the_output_pulled() {
        let mut v = Voice::new(ramp(44_100));
        let mut tap = v.tap(0.5, 0.0).unwrap();
        assert!(v.tap(0.5, 0.0).is_none(), "handed out once");
        let got: Vec<f32> = tap.by_ref().take(11_025).collect();
        assert!((v.position_s() - 0.25).abs() < 1e-9);
        assert!(
            (got[100] - 0.25 * (1.0f32).sin()).abs() < 1e-6,
            "gain applied"
        );
        assert!(!v.finished());
        assert_eq!(tap.by_ref().count(), 44_100 - 11_025);
        assert!(v.finished());
        assert!((v.position_s() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_playhead_is_within_one_video_frame_of_the_sound() {
        // An output pulls 512-sample buffers as the sound card needs them,
        // keeping one to two buffers ahead of what the speaker plays; a
        // 60 fps screen reads the position once a frame.
        let frame = 1.0 / 60.0;
        let buffer = 512usize;
        let mut v = Voice::new(ramp(5 * 44_100));
        let latency = 1.5 * buffer as f64 / SAMPLE_RATE as f64;
        let mut tap = v.tap(1.0, latency).unwrap();
        let mut pulled = 0usize;
        let mut worst = 0.0f64;
        for f in 0..280 {
            let now = f as f64 * frame;
            // The card keeps one buffer queued ahead of what it plays.
            while (pulled as f64) < (now * SAMPLE_RATE as f64) + buffer as f64 {
                pulled += tap.by_ref().take(buffer).count();
            }
            let heard = now;
            worst = worst.max((v.position_s() - heard).abs());
        }
        assert!(worst < frame, "playhead {worst:.4} s from the sound");
    }

    #[test]
    fn a_dropped_voice_fades_out_and_ends() {
        let mut v = Voice::new(ramp(44_100));
        let mut tap = v.tap(1.0, 0.0).unwrap();
        let before: Vec<f32> = tap.by_ref().take(1000).collect();
        drop(v);
        let after: Vec<f32> = tap.by_ref().collect();
        let n = (STOP_FADE_S * SAMPLE_RATE as f64) as usize;
        assert_eq!(after.len(), n, "a short fade, then silence");
        // No step: the fade starts where the sound was and falls to zero.
        assert!((after[0] - before[999]).abs() < 0.02);
        assert!(after[n - 1].abs() < 0.01);
        assert_eq!(tap.next(), None);
    }

    #[test]
    fn without_an_output_the_voice_runs_on_the_clock() {
        let mut v = Voice::new(ramp(44_100));
        for _ in 0..30 {
            v.run_silently(1.0 / 60.0);
        }
        assert!((v.position_s() - 0.5).abs() < 1e-3);
        assert!(v.tap(1.0, 0.0).is_none(), "already silent");
        v.run_silently(10.0);
        assert!(v.finished() && (v.position_s() - 1.0).abs() < 1e-9);
        let w = Voice::new(ramp(100));
        w.stop();
        assert!(w.finished());
    }
}
