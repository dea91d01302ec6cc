//! The inertial seismometer: a mass on a spring with a damper, hung in a
//! frame fixed to the ground. The mass lags the frame, and the pen on the
//! mass writes their relative motion on a drum turning with the frame.
//!
//! With z the mass's position relative to the frame and u the ground's,
//! z'' + 2hω₀z' + ω₀²z = −u'' (ω₀ = 2π/T₀ the natural angular frequency,
//! h the fraction of critical damping; Aki & Richards 2002, *Quantitative
//! Seismology*, §10.1; Bormann (ed.) 2012, *New Manual of Seismological
//! Observatory Practice* (NMSOP-2), ch. 5, eq. 5.6). The record is r = −z,
//! drawn so that the ground going up draws the line up: for a sinusoid of
//! angular frequency ω,
//! r/u = ω² / (ω² − ω₀² − 2ihω₀ω) ([`Oscillator::response`]),
//! which is 1 well above the natural frequency (the mass stays still and
//! the pen writes the ground's motion) and (ω/ω₀)² well below it (the mass
//! rides along and the pen hardly moves).
//!
//! [`Stepper`] integrates it exactly (to rounding) for ground motion that
//! is piecewise linear in displacement: between two samples u'' = 0 and
//! the state (z, z') moves by the matrix exponential of the free
//! oscillator over the step; at a sample the ground's velocity changes and
//! z' (the mass's velocity less the ground's, the mass's own velocity
//! being continuous) jumps by minus that change. A recorded ground
//! velocity, constant over each sample interval, is such a motion, as is a
//! finger's path sampled every frame. Stable for any step and any damping.

/// A seismometer's mechanics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Oscillator {
    /// Natural period T₀, s.
    pub period_s: f64,
    /// Damping h, fraction of critical (0.7 for most instruments).
    pub damping: f64,
}

impl Oscillator {
    /// ω₀, rad/s.
    pub fn omega0(&self) -> f64 {
        std::f64::consts::TAU / self.period_s
    }

    /// The record over the ground's displacement for a sinusoid of `period_s`:
    /// (amplitude ratio, phase of the record after the ground, rad).
    pub fn response(&self, period_s: f64) -> (f64, f64) {
        let w = std::f64::consts::TAU / period_s;
        let w0 = self.omega0();
        // ω² / (a + ib), a = ω² − ω₀², b = −2hω₀ω.
        let (a, b) = (w * w - w0 * w0, -2.0 * self.damping * w0 * w);
        let amp = w * w / (a * a + b * b).sqrt();
        let phase = -(b.atan2(a));
        (amp, phase)
    }

    /// The record of a recorded ground velocity (`velocity`, any unit per
    /// second, `rate_hz` samples a second, constant over each interval):
    /// the pen's line in the unit of displacement (nm from nm/s), one value
    /// per sample.
    pub fn record(&self, velocity: &[f64], rate_hz: f64) -> Vec<f64> {
        let mut s = Stepper::new(*self, 1.0 / rate_hz);
        velocity
            .iter()
            .map(|&v| {
                s.step(v);
                s.record()
            })
            .collect()
    }
}

/// Exact time stepping of an [`Oscillator`] at a fixed step.
#[derive(Debug, Clone, PartialEq)]
pub struct Stepper {
    /// exp(AΔ) of the free oscillator, A = [[0, 1], [−ω₀², −2hω₀]].
    phi: [[f64; 2]; 2],
    /// The step, s.
    pub dt: f64,
    /// z: the mass relative to the frame.
    z: f64,
    /// z'.
    v: f64,
    /// The ground's velocity over the last step.
    ground_v: f64,
}

impl Stepper {
    /// At rest, stepping by `dt` seconds.
    pub fn new(osc: Oscillator, dt: f64) -> Self {
        let w0 = osc.omega0();
        let a = [[0.0, dt], [-w0 * w0 * dt, -2.0 * osc.damping * w0 * dt]];
        Self {
            phi: expm2(a),
            dt,
            z: 0.0,
            v: 0.0,
            ground_v: 0.0,
        }
    }

    /// One step during which the ground moves at `ground_velocity`.
    pub fn step(&mut self, ground_velocity: f64) {
        self.v -= ground_velocity - self.ground_v;
        self.ground_v = ground_velocity;
        let [[a, b], [c, d]] = self.phi;
        let (z, v) = (self.z, self.v);
        self.z = a * z + b * v;
        self.v = c * z + d * v;
    }

    /// The record: the ground relative to the mass (−z).
    pub fn record(&self) -> f64 {
        -self.z
    }

    /// Where the mass is relative to the frame (z).
    pub fn mass_offset(&self) -> f64 {
        self.z
    }

    /// Takes over `other`'s motion (the mass's offset and velocity, the
    /// ground's velocity): a spring changed under a moving mass.
    pub fn carry_motion(&mut self, other: &Stepper) {
        (self.z, self.v, self.ground_v) = (other.z, other.v, other.ground_v);
    }
}

/// exp(M) of a 2x2 matrix by scaling and squaring with a Taylor series
/// (Moler & Van Loan 2003, SIAM Review 45(1), method 3): accurate to
/// rounding for any damping, under- or over-critical.
fn expm2(m: [[f64; 2]; 2]) -> [[f64; 2]; 2] {
    let norm = m.iter().flatten().fold(0.0f64, |a, v| a.max(v.abs()));
    let squarings = if norm > 0.25 {
        (norm / 0.25).log2().ceil() as i32
    } else {
        0
    };
    let scale = 0.5f64.powi(squarings);
    let a = m.map(|r| r.map(|v| v * scale));
    let mul = |x: [[f64; 2]; 2], y: [[f64; 2]; 2]| {
        [
            [
                x[0][0] * y[0][0] + x[0][1] * y[1][0],
                x[0][0] * y[0][1] + x[0][1] * y[1][1],
            ],
            [
                x[1][0] * y[0][0] + x[1][1] * y[1][0],
                x[1][0] * y[0][1] + x[1][1] * y[1][1],
            ],
        ]
    };
    let mut sum = [[1.0, 0.0], [0.0, 1.0]];
    let mut term = sum;
    for k in 1..=16 {
        term = mul(term, a).map(|r| r.map(|v| v / k as f64));
        for i in 0..2 {
            for j in 0..2 {
                sum[i][j] += term[i][j];
            }
        }
    }
    for _ in 0..squarings {
        sum = mul(sum, sum);
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Amplitude and phase of the steady record of a unit sine of
    /// `period_s`, by least squares over whole periods after the start has
    /// died away.
    fn measured(osc: Oscillator, period_s: f64) -> (f64, f64) {
        let dt = (period_s / 400.0).min(0.01);
        let w = std::f64::consts::TAU / period_s;
        let settle = 40.0 * osc.period_s.max(period_s);
        let n_settle = (settle / dt) as usize;
        let n_fit = (10.0 * period_s / dt).round() as usize;
        let mut s = Stepper::new(osc, dt);
        let (mut sc, mut cc, mut ss, mut sr, mut cr) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for i in 0..n_settle + n_fit {
            // The ground's velocity over step i: the chord of sin(ωt).
            let (t0, t1) = (i as f64 * dt, (i + 1) as f64 * dt);
            s.step(((w * t1).sin() - (w * t0).sin()) / dt);
            if i >= n_settle {
                let (si, co) = ((w * t1).sin(), (w * t1).cos());
                let r = s.record();
                ss += si * si;
                cc += co * co;
                sc += si * co;
                sr += si * r;
                cr += co * r;
            }
        }
        // r ≈ a sin + b cos.
        let det = ss * cc - sc * sc;
        let a = (sr * cc - cr * sc) / det;
        let b = (cr * ss - sr * sc) / det;
        ((a * a + b * b).sqrt(), b.atan2(a))
    }

    #[test]
    fn the_pen_follows_the_damped_oscillators_transfer_function() {
        for osc in [
            Oscillator {
                period_s: 1.0,
                damping: 0.7,
            },
            Oscillator {
                period_s: 20.0,
                damping: 0.7,
            },
            Oscillator {
                period_s: 1.0,
                damping: 0.2,
            },
            Oscillator {
                period_s: 5.0,
                damping: 1.5,
            },
        ] {
            for period in [0.2, 0.5, 1.0, 5.0, 20.0] {
                let (amp, phase) = measured(osc, period);
                let (want_amp, want_phase) = osc.response(period);
                assert!(
                    (amp / want_amp - 1.0).abs() < 0.01,
                    "{osc:?} at {period} s: amplitude {amp} vs {want_amp}"
                );
                let dphase = (phase - want_phase + std::f64::consts::PI)
                    .rem_euclid(std::f64::consts::TAU)
                    - std::f64::consts::PI;
                assert!(
                    dphase.abs() < 0.01,
                    "{osc:?} at {period} s: phase {phase} vs {want_phase}"
                );
            }
        }
    }

    #[test]
    fn a_one_second_instrument_hardly_records_a_twenty_second_wave() {
        let short = Oscillator {
            period_s: 1.0,
            damping: 0.7,
        };
        let long = Oscillator {
            period_s: 20.0,
            damping: 0.7,
        };
        let (a_short, _) = measured(short, 20.0);
        let (a_long, _) = measured(long, 20.0);
        // Well below its natural frequency the record falls as (T₀/T)².
        assert!(
            (a_short / (1.0f64 / 20.0).powi(2) - 1.0).abs() < 0.01,
            "{a_short}"
        );
        assert!((a_short / short.response(20.0).0 - 1.0).abs() < 0.01);
        // The long-period instrument writes it at 1/(2h) of the ground, as
        // its response says at its own period.
        assert!((a_long / (1.0 / 1.4) - 1.0).abs() < 0.01, "{a_long}");
        // Both write a quick 0.2 s shake almost as the ground moved.
        for osc in [short, long] {
            assert!((measured(osc, 0.2).0 - 1.0).abs() < 0.05);
        }
    }

    #[test]
    fn the_step_is_stable_for_any_step_length() {
        let osc = Oscillator {
            period_s: 1.0,
            damping: 0.05,
        };
        let mut s = Stepper::new(osc, 5.0);
        s.step(1.0);
        for _ in 0..1000 {
            s.step(0.0);
            assert!(s.record().is_finite() && s.record().abs() < 10.0);
        }
    }
}
