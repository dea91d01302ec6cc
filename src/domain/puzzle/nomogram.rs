//! The Richter nomogram of the IASPEI (2013) local magnitude, for a visitor
//! to lay a line across: three vertical scales, distance on the left,
//! amplitude on the right, magnitude in the middle. With
//! ML = log10(A) + g(R), g(R) = 1.11 log10 R + 0.00189 R − 2.09
//! ([`crate::domain::physics::magnitude::ml_iaspei`]), the left scale is
//! placed by g(R) and the right by log10 A, both with the same step per
//! unit; the middle scale, halfway between, is then at half their sum, so
//! any straight line through a distance and an amplitude crosses it at
//! exactly their ML.

use crate::domain::physics::magnitude::{WOOD_ANDERSON_GAIN, ml_iaspei};

/// The nomogram's three scales on a picture `height` pixels tall.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nomogram {
    /// Pixels per unit of log10 A, of g(R), and per two units of ML.
    pub step: f64,
    /// Where g(R) = 0 is on the left scale.
    pub left_zero: f64,
    /// Where log10 A = 0 (A = 1 nm) is on the right scale.
    pub right_zero: f64,
}

/// The distance term of [`ml_iaspei`]: g(R), R hypocentral, km.
pub fn distance_term(r_km: f64) -> f64 {
    ml_iaspei(1.0, r_km)
}

impl Nomogram {
    /// Scales for hypocentral distances of 10-600 km, amplitudes of
    /// 1 nm-3 mm of ground motion and ML −1 to 8, on a picture `height`
    /// pixels tall.
    pub fn new(height: f64) -> Self {
        Self {
            step: height / 8.0,
            left_zero: 0.6 * height,
            right_zero: 0.95 * height,
        }
    }

    /// Where hypocentral distance `r_km` is on the left scale.
    pub fn distance_y(&self, r_km: f64) -> f64 {
        self.left_zero - self.step * distance_term(r_km)
    }

    /// Where a peak ground displacement of `amplitude_nm` is on the right.
    pub fn amplitude_y(&self, amplitude_nm: f64) -> f64 {
        self.right_zero - self.step * amplitude_nm.max(f64::MIN_POSITIVE).log10()
    }

    /// Where `ml` is on the middle scale.
    pub fn magnitude_y(&self, ml: f64) -> f64 {
        0.5 * (self.left_zero + self.right_zero) - 0.5 * self.step * ml
    }

    /// The ML a line from `left_y` on the distance scale to `right_y` on
    /// the amplitude scale reads where it crosses the middle scale.
    pub fn reading(&self, left_y: f64, right_y: f64) -> f64 {
        ((self.left_zero - left_y) + (self.right_zero - right_y)) / self.step
    }

    /// The distance at `y` on the left scale, km (g is increasing: found by
    /// bisection between 1 and 2000 km).
    pub fn distance_at(&self, y: f64) -> f64 {
        let want = (self.left_zero - y) / self.step;
        let (mut lo, mut hi) = (1.0f64, 2000.0f64);
        for _ in 0..60 {
            let mid = (lo * hi).sqrt();
            if distance_term(mid) < want {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        (lo * hi).sqrt()
    }

    /// The ground displacement at `y` on the right scale, nm.
    pub fn amplitude_at(&self, y: f64) -> f64 {
        10f64.powf((self.right_zero - y) / self.step)
    }
}

/// A ground displacement in nm as the trace of a Wood-Anderson seismometer
/// shows it, mm (magnified 2080 times), as Richter's nomogram labels it.
pub fn trace_mm(amplitude_nm: f64) -> f64 {
    amplitude_nm * WOOD_ANDERSON_GAIN * 1e-6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_line_reads_the_iaspei_ml() {
        let n = Nomogram::new(640.0);
        for r in [10.0, 30.0, 86.0, 200.0, 600.0] {
            for a in [3.0, 250.0, 7.2e4, 2.0e6] {
                let got = n.reading(n.distance_y(r), n.amplitude_y(a));
                assert!((got - ml_iaspei(a, r)).abs() < 1e-9, "{r} km, {a} nm");
                // And the middle scale's tick for that ML is where the
                // line crosses it: halfway between the two ends.
                let mid = 0.5 * (n.distance_y(r) + n.amplitude_y(a));
                assert!((n.magnitude_y(got) - mid).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn the_scales_read_back_and_fit_the_picture() {
        let n = Nomogram::new(640.0);
        for r in [10.0, 55.0, 600.0] {
            assert!((n.distance_at(n.distance_y(r)) / r - 1.0).abs() < 1e-9);
            assert!((0.0..=640.0).contains(&n.distance_y(r)));
        }
        for a in [1.0, 1e3, 3e6] {
            assert!((n.amplitude_at(n.amplitude_y(a)) / a - 1.0).abs() < 1e-9);
            assert!((0.0..=640.0).contains(&n.amplitude_y(a)));
        }
        for ml in [-1.0, 8.0] {
            assert!((0.0..=640.0).contains(&n.magnitude_y(ml)));
        }
        // Richter's anchor: 1 mm on the Wood-Anderson trace at 100 km is 3.
        let a = 1.0 / trace_mm(1.0);
        assert!((n.reading(n.distance_y(100.0), n.amplitude_y(a)) - 3.0).abs() < 0.01);
    }
}
