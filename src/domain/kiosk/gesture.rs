//! The hidden curator gesture: a finger held on the top-left corner for a
//! few seconds. Visitors tapping the corner by chance never trigger it.

/// Size of the corner square, in logical pixels.
pub const CORNER_PX: f32 = 96.0;

/// Whether a pointer at (`x`, `y`) (logical pixels from the top-left) is in the corner.
pub fn in_corner(x: f32, y: f32) -> bool {
    x >= 0.0 && y >= 0.0 && x <= CORNER_PX && y <= CORNER_PX
}

/// Detects a hold of `hold_s` seconds; fires once per hold.
#[derive(Debug, Clone, PartialEq)]
pub struct CornerHold {
    /// Seconds the corner must be held.
    pub hold_s: f64,
    since_s: Option<f64>,
    fired: bool,
}

impl CornerHold {
    /// A detector for holds of `hold_s` seconds.
    pub fn new(hold_s: f64) -> Self {
        Self {
            hold_s,
            since_s: None,
            fired: false,
        }
    }

    /// Updates with whether a pointer is pressed in the corner at `now_s`.
    /// Returns true once, when the hold has lasted long enough.
    pub fn update(&mut self, now_s: f64, pressed_in_corner: bool) -> bool {
        if !pressed_in_corner {
            self.since_s = None;
            self.fired = false;
            return false;
        }
        let since = *self.since_s.get_or_insert(now_s);
        if !self.fired && now_s - since >= self.hold_s {
            self.fired = true;
            return true;
        }
        false
    }

    /// How far the hold has got, 0 to 1 (for a discreet progress ring).
    pub fn progress(&self, now_s: f64) -> f64 {
        match self.since_s {
            Some(s) if !self.fired => ((now_s - s) / self.hold_s).clamp(0.0, 1.0),
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_once_after_hold() {
        let mut g = CornerHold::new(5.0);
        assert!(!g.update(0.0, true));
        assert!(!g.update(4.9, true));
        assert!(g.update(5.0, true));
        assert!(!g.update(6.0, true));
        assert!(!g.update(7.0, false));
        assert!(!g.update(8.0, true));
        assert!(g.update(13.0, true));
    }

    #[test]
    fn releasing_restarts_the_hold() {
        let mut g = CornerHold::new(5.0);
        g.update(0.0, true);
        g.update(3.0, false);
        assert!(!g.update(6.0, true));
        assert!(g.update(11.0, true));
    }

    #[test]
    fn corner_bounds() {
        assert!(in_corner(0.0, 0.0));
        assert!(in_corner(90.0, 10.0));
        assert!(!in_corner(200.0, 10.0));
        assert!(!in_corner(-1.0, 10.0));
    }
}
