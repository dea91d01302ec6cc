//! Particle motion of the four kinds of seismic waves in a block of rock,
//! for the "Four kinds of waves" exhibit: P (along the ray), S (across it),
//! Love (horizontal and transverse, in a layer over a half-space) and
//! Rayleigh (retrograde ellipses at the surface, decaying with depth).
//!
//! Coordinates: x along propagation, y horizontal across it, depth d ≥ 0
//! downwards; displacements are returned as [x, y, up].

/// An elastic medium: a surface layer over a half-space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Medium {
    /// P speed of the half-space, km/s.
    pub vp: f64,
    /// S speed of the half-space, km/s.
    pub vs: f64,
    /// Density of the half-space, g/cm³.
    pub rho: f64,
    /// S speed of the surface layer (for Love waves), km/s.
    pub layer_vs: f64,
    /// Density of the surface layer, g/cm³.
    pub layer_rho: f64,
    /// Thickness of the surface layer, km.
    pub layer_km: f64,
}

impl Default for Medium {
    /// Granite-like crust (a Poisson solid, Vp = √3·Vs) under 2 km of softer rock.
    fn default() -> Self {
        Self {
            vp: 6.0,
            vs: 6.0 / 3f64.sqrt(),
            rho: 2.7,
            layer_vs: 2.4,
            layer_rho: 2.4,
            layer_km: 2.0,
        }
    }
}

/// The wave kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaveKind {
    /// Compressional.
    P,
    /// Shear (vertically polarised).
    S,
    /// Love: horizontally polarised surface wave.
    Love,
    /// Rayleigh: elliptical surface wave.
    Rayleigh,
}

/// Rayleigh speed over S speed in a Poisson solid: the root of the
/// Rayleigh equation, 0.9194 (e.g. Stein & Wysession 2003, section 2.7).
pub const RAYLEIGH_RATIO_POISSON: f64 = 0.919_402;

/// Rayleigh wave speed of a half-space from its P and S speeds, by solving
/// the Rayleigh equation (2 − c²/β²)² = 4 √(1 − c²/α²) √(1 − c²/β²).
pub fn rayleigh_speed(vp: f64, vs: f64) -> f64 {
    let f = |c: f64| {
        let (a, b) = (c * c / (vp * vp), c * c / (vs * vs));
        (2.0 - b).powi(2) - 4.0 * (1.0 - a).sqrt() * (1.0 - b).sqrt()
    };
    let (mut lo, mut hi) = (0.5 * vs, vs * (1.0 - 1e-12));
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if f(lo) * f(mid) <= 0.0 {
            hi = mid
        } else {
            lo = mid
        }
    }
    0.5 * (lo + hi)
}

/// Fundamental Love-wave speed (km/s) at `period_s` for a layer over a
/// half-space: the root of tan(kH·√(c²/β₁²−1)) = μ₂√(1−c²/β₂²) / (μ₁√(c²/β₁²−1))
/// between the layer's and the half-space's S speeds (Love 1911; Stein &
/// Wysession 2003, section 2.7).
pub fn love_speed(m: &Medium, period_s: f64) -> f64 {
    let (b1, b2) = (m.layer_vs, m.vs);
    let (mu1, mu2) = (m.layer_rho * b1 * b1, m.rho * b2 * b2);
    let omega = 2.0 * std::f64::consts::PI / period_s;
    let g = |c: f64| {
        let k = omega / c;
        let s1 = (c * c / (b1 * b1) - 1.0).max(0.0).sqrt();
        let s2 = (1.0 - c * c / (b2 * b2)).max(0.0).sqrt();
        // Written without the tangent's poles: sin·μ₁s₁ − cos·μ₂s₂.
        (k * m.layer_km * s1).sin() * mu1 * s1 - (k * m.layer_km * s1).cos() * mu2 * s2
    };
    // The fundamental mode: the first sign change from β₁ upwards.
    let n = 2000;
    let mut prev = (b1 * (1.0 + 1e-9), g(b1 * (1.0 + 1e-9)));
    for i in 1..=n {
        let c = b1 + (b2 - b1) * i as f64 / n as f64 * (1.0 - 1e-9);
        let v = g(c);
        if prev.1 * v <= 0.0 {
            let (mut lo, mut hi) = (prev.0, c);
            for _ in 0..60 {
                let mid = 0.5 * (lo + hi);
                if g(lo) * g(mid) <= 0.0 {
                    hi = mid
                } else {
                    lo = mid
                }
            }
            return 0.5 * (lo + hi);
        }
        prev = (c, v);
    }
    b2
}

/// Speed of a wave kind in the medium (km/s; Love at `period_s`).
pub fn speed(kind: WaveKind, m: &Medium, period_s: f64) -> f64 {
    match kind {
        WaveKind::P => m.vp,
        WaveKind::S => m.vs,
        WaveKind::Rayleigh => rayleigh_speed(m.vp, m.vs),
        WaveKind::Love => love_speed(m, period_s),
    }
}

/// Displacement [x, y, up] at distance `x_km`, depth `depth_km`, time `t_s`
/// of a harmonic wave of unit amplitude and period `period_s`.
///
/// Rayleigh follows the Poisson-solid eigenfunctions (Stein & Wysession
/// 2003, section 2.7): horizontal (e^{−0.8475kd} − 0.5773 e^{−0.3933kd}) sin θ,
/// up (−0.8475 e^{−0.8475kd} + 1.4679 e^{−0.3933kd}) cos θ, θ = kx − ωt:
/// retrograde at the surface, the vertical 1.47 times the horizontal,
/// prograde below about 0.19 wavelengths. Those eigenfunctions hold for
/// λ = μ; other media use the same shape with their own Rayleigh speed.
pub fn displacement(
    kind: WaveKind,
    m: &Medium,
    period_s: f64,
    x_km: f64,
    depth_km: f64,
    t_s: f64,
) -> [f64; 3] {
    let c = speed(kind, m, period_s);
    let omega = 2.0 * std::f64::consts::PI / period_s;
    let k = omega / c;
    let theta = k * x_km - omega * t_s;
    let d = depth_km.max(0.0);
    match kind {
        WaveKind::P => [theta.sin(), 0.0, 0.0],
        WaveKind::S => [0.0, 0.0, theta.sin()],
        WaveKind::Rayleigh => {
            let (e1, e2) = ((-0.8475 * k * d).exp(), (-0.3933 * k * d).exp());
            [
                (e1 - 0.5773 * e2) * theta.sin(),
                0.0,
                (-0.8475 * e1 + 1.4679 * e2) * theta.cos(),
            ]
        }
        WaveKind::Love => {
            // Cosine standing across the layer, exponential decay below it.
            let b1 = m.layer_vs;
            let s1 = (c * c / (b1 * b1) - 1.0).max(0.0).sqrt();
            let s2 = (1.0 - c * c / (m.vs * m.vs)).max(0.0).sqrt();
            let amp = if d <= m.layer_km {
                (k * s1 * d).cos()
            } else {
                (k * s1 * m.layer_km).cos() * (-k * s2 * (d - m.layer_km)).exp()
            };
            [0.0, amp * theta.sin(), 0.0]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orbit(kind: WaveKind, depth: f64) -> Vec<[f64; 3]> {
        let m = Medium::default();
        (0..64)
            .map(|i| displacement(kind, &m, 1.0, 0.0, depth, i as f64 / 64.0))
            .collect()
    }

    #[test]
    fn p_moves_along_and_s_across_the_ray() {
        for u in orbit(WaveKind::P, 0.5) {
            assert!(u[1] == 0.0 && u[2] == 0.0);
        }
        for u in orbit(WaveKind::S, 0.5) {
            assert!(u[0] == 0.0);
        }
        let m = Medium::default();
        assert_eq!(speed(WaveKind::P, &m, 1.0), 6.0);
        assert!(
            (speed(WaveKind::P, &m, 1.0) / speed(WaveKind::S, &m, 1.0) - 3f64.sqrt()).abs() < 1e-12
        );
    }

    #[test]
    fn rayleigh_is_slower_than_s_and_retrograde_at_the_surface() {
        let m = Medium::default();
        let c = rayleigh_speed(m.vp, m.vs);
        assert!(
            (c / m.vs - RAYLEIGH_RATIO_POISSON).abs() < 1e-4,
            "{}",
            c / m.vs
        );
        // Signed area of the orbit in the (x, up) plane: positive when the
        // particle goes backwards at the top (retrograde for +x travel).
        let area = |o: &[[f64; 3]]| -> f64 {
            (0..o.len())
                .map(|i| {
                    let (a, b) = (o[i], o[(i + 1) % o.len()]);
                    a[0] * b[2] - b[0] * a[2]
                })
                .sum::<f64>()
        };
        let surface = orbit(WaveKind::Rayleigh, 0.0);
        assert!(area(&surface) > 0.0, "not retrograde");
        let (h, v) = (
            surface.iter().map(|u| u[0].abs()).fold(0.0, f64::max),
            surface.iter().map(|u| u[2].abs()).fold(0.0, f64::max),
        );
        assert!(
            (v / h - 1.468).abs() < 0.01,
            "vertical/horizontal {}",
            v / h
        );
        // Deeper than about 0.19 wavelengths the motion turns prograde.
        let wavelength = c * 1.0;
        assert!(area(&orbit(WaveKind::Rayleigh, 0.3 * wavelength)) < 0.0);
        // And it dies away with depth.
        let deep = orbit(WaveKind::Rayleigh, 2.0 * wavelength);
        assert!(deep.iter().all(|u| u[2].abs() < 0.05));
    }

    #[test]
    fn love_waves_are_horizontal_transverse_and_between_the_two_s_speeds() {
        let m = Medium::default();
        for period in [0.5, 1.0, 5.0] {
            let c = love_speed(&m, period);
            assert!(c > m.layer_vs && c < m.vs, "{period}: {c}");
        }
        // Longer periods feel the faster half-space: dispersion.
        assert!(love_speed(&m, 5.0) > love_speed(&m, 0.5));
        for u in orbit(WaveKind::Love, 1.0) {
            assert!(u[0] == 0.0 && u[2] == 0.0);
        }
        let deep = orbit(WaveKind::Love, 30.0);
        assert!(deep.iter().all(|u| u[1].abs() < 0.05));
    }
}
