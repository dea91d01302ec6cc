//! The clock of an animated exhibit: play and pause, a speed the visitor
//! picks, and a stop at the end of the story. Exhibits keep their own time
//! in story seconds (seconds after the quake); this turns screen seconds
//! into story seconds.

/// Speeds a visitor can cycle through, as multiples of the scene's pace.
pub const SPEEDS: [f64; 3] = [0.5, 1.0, 2.0];

/// Play, pause and speed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExhibitClock {
    /// Story seconds per screen second at speed 1 (the scene's pace).
    pub pace: f64,
    /// Index into [`SPEEDS`].
    speed: usize,
    /// Whether time runs.
    pub playing: bool,
}

impl Default for ExhibitClock {
    fn default() -> Self {
        Self::new(1.0)
    }
}

impl ExhibitClock {
    /// A running clock at the scene's `pace` and normal speed.
    pub fn new(pace: f64) -> Self {
        Self {
            pace: if pace.is_finite() && pace > 0.0 {
                pace
            } else {
                1.0
            },
            speed: 1,
            playing: true,
        }
    }

    /// Story seconds that pass in `screen_s` screen seconds (none while
    /// paused or for a bad interval).
    pub fn story_seconds(&self, screen_s: f64) -> f64 {
        if self.playing && screen_s.is_finite() && screen_s > 0.0 {
            screen_s * self.pace * SPEEDS[self.speed]
        } else {
            0.0
        }
    }

    /// Pauses a running clock, runs a paused one.
    pub fn toggle(&mut self) {
        self.playing = !self.playing;
    }

    /// The current speed multiple.
    pub fn speed(&self) -> f64 {
        SPEEDS[self.speed]
    }

    /// The next speed, slowest after fastest.
    pub fn next_speed(&mut self) {
        self.speed = (self.speed + 1) % SPEEDS.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pace_speed_and_pause() {
        let mut c = ExhibitClock::new(60.0);
        assert_eq!(c.story_seconds(0.5), 30.0);
        c.next_speed();
        assert_eq!((c.speed(), c.story_seconds(0.5)), (2.0, 60.0));
        c.next_speed();
        assert_eq!((c.speed(), c.story_seconds(0.5)), (0.5, 15.0));
        c.toggle();
        assert_eq!(c.story_seconds(10.0), 0.0);
        c.toggle();
        assert_eq!(c.story_seconds(f64::NAN), 0.0);
        assert_eq!(c.story_seconds(-1.0), 0.0);
        assert_eq!(ExhibitClock::new(f64::INFINITY).pace, 1.0);
    }
}
