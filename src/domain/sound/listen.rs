//! The "listen" button of the puzzles: a recording played as sound,
//! sped up so that it lasts the time the scene asks for (within
//! [`SPEEDUP_RANGE`]). The sound is made on the first tap (a few
//! milliseconds), not when the exhibit opens, since most cards are never
//! listened to.

use std::sync::Arc;

use super::audify::{Audified, SPEEDUP_RANGE};
use super::voice::Voice;
use crate::domain::scene::check::{Checker, FieldPath};
use crate::domain::waveform::{Trace, UtcTime};

/// Shortest and longest sound a scene's `listen_s` may ask for, s.
pub const LISTEN_S_RANGE: (f32, f32) = (2.0, 30.0);

/// A recording's sound, and its voice while it plays. A copy has the same
/// sound but is silent (a sound plays once, from the state that started
/// it); two are equal when they would sound the same.
#[derive(Debug)]
pub struct Listen {
    record: Arc<[f64]>,
    rate_hz: f64,
    /// How many times faster than the ground moved.
    pub speedup: f64,
    clip: Option<Arc<[f32]>>,
    /// Set when the record proved unplayable (said once in the log).
    unplayable: bool,
    /// The sound, while it plays.
    pub voice: Option<Voice>,
}

impl Clone for Listen {
    fn clone(&self) -> Self {
        Self {
            record: self.record.clone(),
            rate_hz: self.rate_hz,
            speedup: self.speedup,
            clip: self.clip.clone(),
            unplayable: self.unplayable,
            voice: None,
        }
    }
}

impl PartialEq for Listen {
    fn eq(&self, other: &Self) -> bool {
        self.record == other.record
            && self.rate_hz == other.rate_hz
            && self.speedup == other.speedup
    }
}

/// How many times faster a record of `record_s` seconds must play to last
/// `listen_s`, within [`SPEEDUP_RANGE`].
pub fn speedup_for(record_s: f64, listen_s: f64) -> f64 {
    (record_s / listen_s.max(0.1)).clamp(SPEEDUP_RANGE.0, SPEEDUP_RANGE.1)
}

impl Listen {
    /// The record `x` (sampled at `rate_hz`), to last `listen_s` seconds.
    pub fn new(x: &[f64], rate_hz: f64, listen_s: f64) -> Self {
        let record_s = x.len() as f64 / rate_hz.max(1e-9);
        Self {
            record: x.into(),
            rate_hz,
            speedup: speedup_for(record_s, listen_s),
            clip: None,
            unplayable: false,
            voice: None,
        }
    }

    /// The part of record `z` from `a` to `b` seconds after `origin`, to
    /// last `listen_s` seconds: the window a puzzle shows.
    pub fn of_window(z: &Trace, origin: UtcTime, (a, b): (f64, f64), listen_s: f64) -> Self {
        let x = z.samples.to_f64();
        let rate = z.sample_rate_hz;
        let off = origin.secs_since(z.start);
        let index = |t: f64| (((off + t) * rate).round().max(0.0) as usize).min(x.len());
        let (i0, i1) = (index(a), index(b));
        Self::new(&x[i0..i1.max(i0)], rate, listen_s)
    }

    /// Starts the sound from its beginning, or stops it if it is playing.
    /// A record that cannot be played (too short) stays silent.
    pub fn toggle(&mut self) {
        if self.playing() {
            self.voice = None;
            return;
        }
        if self.clip.is_none() && !self.unplayable {
            match Audified::new(&self.record, self.rate_hz, self.speedup) {
                Ok(a) => self.clip = Some(a.samples),
                Err(e) => {
                    eprintln!("warning: listen: {e}");
                    self.unplayable = true;
                }
            }
        }
        self.voice = self.clip.clone().map(Voice::new);
    }

    /// Stops the sound.
    pub fn stop(&mut self) {
        self.voice = None;
    }

    /// Whether the sound is playing.
    pub fn playing(&self) -> bool {
        self.voice.as_ref().is_some_and(|v| !v.finished())
    }

    /// Where the sound is on the record while it plays, s from its first
    /// sample.
    pub fn heard_s(&self) -> Option<f64> {
        self.voice
            .as_ref()
            .filter(|v| !v.finished())
            .map(|v| v.position_s() * self.speedup)
    }
}

/// What the Listen button says: "Listen", or "Stop" while it plays.
pub fn button_text(playing: bool) -> crate::domain::text::Bilingual {
    use crate::domain::text::ui;
    if playing {
        ui::STOP_LISTENING
    } else {
        ui::LISTEN
    }
    .to_bilingual()
}

/// Checks a scene's `listen_s` at `at`.
pub fn check_listen_s(c: &mut Checker, at: &FieldPath, listen_s: Option<f32>) {
    if let Some(s) = listen_s {
        let (lo, hi) = LISTEN_S_RANGE;
        c.range_f32(at, s, lo, hi, "seconds");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_sped_up_to_last_what_the_scene_asks() {
        // 60 s at 100 Hz to last 3 s: 20 times faster.
        let x: Vec<f64> = (0..6000).map(|i| (i as f64 * 0.3).sin()).collect();
        let mut l = Listen::new(&x, 100.0, 3.0);
        assert!((l.speedup - 20.0).abs() < 1e-9);
        assert!(!l.playing() && l.heard_s().is_none());
        l.toggle();
        assert!(l.playing());
        let v = l.voice.as_mut().unwrap();
        assert!((v.duration_s() - 3.0).abs() < 0.01);
        v.run_silently(1.5);
        assert!((l.heard_s().unwrap() - 30.0).abs() < 0.01);
        l.toggle();
        assert!(!l.playing(), "a second tap stops it");
        // An hour-long record is held to the fastest speed-up.
        assert_eq!(speedup_for(3600.0 * 24.0, 3.0), SPEEDUP_RANGE.1);
    }
}
