//! Idle timing and the attract loop, as pure functions of time so that
//! tests can drive them with any clock.

use crate::domain::text::Lang;

/// Tracks the last visitor input; idle after `timeout_s` without one.
#[derive(Debug, Clone, PartialEq)]
pub struct IdleClock {
    /// Seconds without input before the hall resets.
    pub timeout_s: f64,
    last_input_s: f64,
}

impl IdleClock {
    /// A clock that counts from `now_s`.
    pub fn new(timeout_s: f64, now_s: f64) -> Self {
        Self {
            timeout_s,
            last_input_s: now_s,
        }
    }

    /// A visitor touched, clicked, dragged or typed at `now_s`.
    pub fn input(&mut self, now_s: f64) {
        self.last_input_s = self.last_input_s.max(now_s);
    }

    /// Seconds since the last input.
    pub fn idle_for(&self, now_s: f64) -> f64 {
        (now_s - self.last_input_s).max(0.0)
    }

    /// Whether the visitor has walked away.
    pub fn is_idle(&self, now_s: f64) -> bool {
        self.idle_for(now_s) >= self.timeout_s
    }
}

/// Which exhibit the attract loop shows at time `t_s` after it started, and
/// in which language: each exhibit for `slide_s`; with `alternate`, every
/// exhibit is shown first in Chinese, then again in English.
pub fn attract_slide(t_s: f64, exhibits: usize, slide_s: f64, alternate: bool) -> (usize, Lang) {
    if exhibits == 0 || slide_s <= 0.0 || !t_s.is_finite() {
        return (0, Lang::Zh);
    }
    let n = (t_s.max(0.0) / slide_s).floor() as u64;
    if alternate {
        let lang = if n.is_multiple_of(2) {
            Lang::Zh
        } else {
            Lang::En
        };
        (((n / 2) % exhibits as u64) as usize, lang)
    } else {
        ((n % exhibits as u64) as usize, Lang::Zh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_after_timeout_and_input_resets_it() {
        let mut c = IdleClock::new(60.0, 0.0);
        assert!(!c.is_idle(59.9));
        assert!(c.is_idle(60.0));
        c.input(50.0);
        assert!(!c.is_idle(100.0));
        assert!(c.is_idle(110.0));
        // An out-of-order timestamp never moves the clock back.
        c.input(10.0);
        assert!(c.is_idle(110.0));
    }

    #[test]
    fn attract_cycles_exhibits_and_languages() {
        assert_eq!(attract_slide(0.0, 3, 5.0, true), (0, Lang::Zh));
        assert_eq!(attract_slide(5.0, 3, 5.0, true), (0, Lang::En));
        assert_eq!(attract_slide(10.0, 3, 5.0, true), (1, Lang::Zh));
        assert_eq!(attract_slide(30.0, 3, 5.0, true), (0, Lang::Zh));
        assert_eq!(attract_slide(12.0, 3, 5.0, false), (2, Lang::Zh));
        assert_eq!(attract_slide(f64::NAN, 3, 5.0, false), (0, Lang::Zh));
        assert_eq!(attract_slide(1e12, 0, 5.0, false), (0, Lang::Zh));
    }
}
