//! A strong-motion record for the tower: ground acceleration in m/s²,
//! scaled to the scene's peak, cut to its strong part, with the period at
//! which it shakes hardest (the peak of its 5 %-damped pseudo-acceleration
//! response spectrum, the measure engineers use; Chopra 2012, *Dynamics of
//! Structures*, §6.6).

use crate::domain::physics::building::{Building, Response, Storey};
use crate::domain::text::Bilingual;

/// The longest part of a record the tower is shaken with, s.
pub const MAX_SHAKE_S: f64 = 24.0;
/// Damping of the response spectrum, fraction of critical.
pub const SPECTRUM_DAMPING: f64 = 0.05;

/// A record ready to shake a tower with.
#[derive(Debug, Clone, PartialEq)]
pub struct GroundRecord {
    /// Its name on its button.
    pub name: Bilingual,
    /// Ground acceleration, m/s², every `dt`.
    pub accel: Vec<f64>,
    /// The sample interval, s.
    pub dt: f64,
    /// The largest |acceleration|, m/s².
    pub peak: f64,
    /// The period it shakes hardest at, s.
    pub dominant_period_s: f64,
}

impl GroundRecord {
    /// From raw samples at `rate_hz` (any units): the mean removed, scaled
    /// so that its peak is `peak_m_s2`, and cut from a second before it
    /// first reaches a tenth of its peak (or a third of [`MAX_SHAKE_S`]
    /// before its peak, if later) to two seconds after it last does (at
    /// most [`MAX_SHAKE_S`] in all). `None` when it is flat or too short.
    pub fn new(name: Bilingual, samples: &[f64], rate_hz: f64, peak_m_s2: f64) -> Option<Self> {
        if samples.len() < 16 || rate_hz.is_nan() || rate_hz <= 0.0 || peak_m_s2.is_nan() || peak_m_s2 <= 0.0 {
            return None;
        }
        let mean = samples.iter().sum::<f64>() / samples.len() as f64;
        let centred: Vec<f64> = samples.iter().map(|s| s - mean).collect();
        let raw_peak = centred.iter().fold(0.0f64, |m, s| m.max(s.abs()));
        if raw_peak <= 0.0 || !raw_peak.is_finite() {
            return None;
        }
        let dt = 1.0 / rate_hz;
        let loud = |s: &f64| s.abs() >= 0.1 * raw_peak;
        let first = centred.iter().position(loud)?;
        let last = centred.iter().rposition(loud)?;
        // The strongest shaking, not the first arrival: a far quake's weak
        // P comes long before its S and surface waves.
        let strongest = centred
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
            .map_or(0, |(i, _)| i);
        let start = first
            .saturating_sub((1.0 / dt) as usize)
            .max(strongest.saturating_sub((MAX_SHAKE_S / 3.0 / dt) as usize));
        let end = (last + (2.0 / dt) as usize + 1)
            .min(centred.len())
            .min(start + (MAX_SHAKE_S / dt) as usize);
        let k = peak_m_s2 / raw_peak;
        let mut accel: Vec<f64> = centred[start..end].iter().map(|s| s * k).collect();
        // Half a second of cosine taper at each end: the shaking starts
        // and stops smoothly.
        let n = accel.len();
        let taper = ((0.5 / dt) as usize).min(n / 4);
        for i in 0..taper {
            let w = 0.5 - 0.5 * (std::f64::consts::PI * i as f64 / taper as f64).cos();
            accel[i] *= w;
            accel[n - 1 - i] *= w;
        }
        let peak = accel.iter().fold(0.0f64, |m, s| m.max(s.abs()));
        let mut r = Self {
            name,
            accel,
            dt,
            peak,
            dominant_period_s: 0.0,
        };
        r.dominant_period_s = r.dominant_period();
        Some(r)
    }

    /// How long it lasts, s.
    pub fn duration_s(&self) -> f64 {
        self.accel.len() as f64 * self.dt
    }

    /// The ground acceleration at `t` s, interpolated (0 outside).
    pub fn at(&self, t: f64) -> f64 {
        if t.is_nan() || t < 0.0 {
            return 0.0;
        }
        let f = t / self.dt;
        let i = f.floor() as usize;
        match (self.accel.get(i), self.accel.get(i + 1)) {
            (Some(&a), Some(&b)) => a + (b - a) * (f - i as f64),
            (Some(&a), None) => a,
            _ => 0.0,
        }
    }

    /// The 5 %-damped pseudo-acceleration (ω² times the peak displacement
    /// of a one-storey oscillator of that period), m/s², at `period_s`.
    pub fn spectral_acceleration(&self, period_s: f64) -> f64 {
        let omega = std::f64::consts::TAU / period_s;
        let m = 1.0;
        let one = Building {
            storeys: vec![Storey {
                mass_kg: m,
                stiffness_n_m: m * omega * omega,
                damping_n_s_m: 2.0 * SPECTRUM_DAMPING * m * omega,
                height_m: 1.0,
            }],
        };
        // At least 20 steps a period.
        let sub = ((self.dt / (period_s / 20.0)).ceil() as usize).max(1);
        let mut r = Response::new(&one, self.dt / sub as f64);
        let mut peak = 0.0f64;
        let steps = self.accel.len() * sub + (2.0 * period_s / r.dt) as usize;
        for s in 1..=steps {
            r.step(self.at(s as f64 * r.dt));
            peak = peak.max(r.u[0].abs());
        }
        omega * omega * peak
    }

    /// The period of the response spectrum's peak, s (0.05-3 s, steps of
    /// 5 % of the period).
    fn dominant_period(&self) -> f64 {
        let mut best = (0.0, 0.1);
        let mut t = 0.05;
        while t <= 3.0 {
            let sa = self.spectral_acceleration(t);
            if sa > best.0 {
                best = (sa, t);
            }
            t *= 1.05;
        }
        best.1
    }
}

/// Shear-wave speed at the source, km/s (Boore 2003, Table 4, western North
/// America, used for want of a regional set).
pub const BETA_KM_S: f64 = 3.5;
/// Stress drop, bars (Boore 2003).
pub const STRESS_DROP_BAR: f64 = 70.0;
/// Near-site high-frequency decay κ₀, s (Anderson & Hough 1984; a rock site).
pub const KAPPA_S: f64 = 0.04;

/// A synthetic accelerogram by the stochastic method (Boore 2003,
/// "Simulation of ground motion using the stochastic method", *Pure Appl.
/// Geophys.* 160): Gaussian noise under a Saragoni-Hart window lasting
/// 1/f_c + 0.05 R, its amplitude spectrum replaced by a Brune ω² source
/// (corner f_c = 4.906·10⁶ β (Δσ/M₀)^(1/3), M₀ in dyne·cm from
/// log₁₀ M₀ = 1.5 M + 16.05), geometric spreading (1/R to 40 km, then
/// R^-0.5), anelastic attenuation exp(−π f R / (Q β)) with
/// Q = 180 f^0.45 and the site's exp(−π κ₀ f). Its units are arbitrary:
/// the exhibit scales it to the scene's peak. A big, far quake comes out
/// slow (its high frequencies lost on the way), a small near one fast.
pub fn stochastic(magnitude: f64, distance_km: f64, rate_hz: f64, seed: u64) -> Vec<f64> {
    use rustfft::FftPlanner;
    use rustfft::num_complex::Complex64;
    let m0 = 10f64.powf(1.5 * magnitude + 16.05);
    let fc = 4.906e6 * BETA_KM_S * (STRESS_DROP_BAR / m0).cbrt();
    let r = distance_km.max(1.0);
    let duration = (1.0 / fc + 0.05 * r).min(60.0);
    let dt = 1.0 / rate_hz;
    // The window and a quiet second before and after it.
    let n_win = (duration / dt).ceil() as usize;
    let pad = rate_hz as usize;
    let n = (n_win + 2 * pad).next_power_of_two();
    let mut rng = crate::domain::random::Seeded::new(seed);
    // Saragoni-Hart window: w(t) = a (t/T_w)^b exp(−c t/T_w) with ε = 0.2,
    // η = 0.05 (Boore 2003, eq. 11-12).
    let (eps, eta) = (0.2f64, 0.05f64);
    let b = -eps * eta.ln() / (1.0 + eps * (eps.ln() - 1.0));
    let c = b / eps;
    let a = (std::f64::consts::E / eps).powf(b);
    let mut x: Vec<Complex64> = (0..n)
        .map(|i| {
            let k = i as f64 - pad as f64;
            let tw = k / n_win as f64;
            let w = if (0.0..=1.0).contains(&tw) { a * tw.powf(b) * (-c * tw).exp() } else { 0.0 };
            Complex64::new(w * rng.normal(), 0.0)
        })
        .collect();
    let mut planner = FftPlanner::new();
    planner.plan_fft_forward(n).process(&mut x);
    let rms = (x.iter().map(|v| v.norm_sqr()).sum::<f64>() / n as f64).sqrt().max(1e-300);
    let spreading = if r <= 40.0 { 1.0 / r } else { (1.0 / 40.0) * (40.0 / r).sqrt() };
    for (i, v) in x.iter_mut().enumerate() {
        let k = if i <= n / 2 { i } else { n - i };
        let f = k as f64 * rate_hz / n as f64;
        let source = (std::f64::consts::TAU * f).powi(2) / (1.0 + (f / fc).powi(2));
        let q = 180.0 * f.max(0.01).powf(0.45);
        let path = spreading * (-std::f64::consts::PI * f * r / (q * BETA_KM_S)).exp();
        let site = (-std::f64::consts::PI * KAPPA_S * f).exp();
        *v *= source * path * site / rms;
    }
    planner.plan_fft_inverse(n).process(&mut x);
    x.iter().take(n_win + 2 * pad).map(|v| v.re / n as f64).collect()
}
