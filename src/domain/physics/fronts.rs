//! Where the P and S fronts of a local quake are, for the exhibits that
//! draw them (the sand table, the theatre). On the surface a front is where
//! the first arrival of the physics layer's travel times has reached at the
//! clock's time; below it the front is drawn as a sphere about the
//! hypocentre whose rim is that surface ring (growing straight up until it
//! reaches the surface): a picture of the layered crust's fronts that is
//! exact where they meet the ground.

use crate::domain::physics::geo::km_per_deg;
use crate::domain::physics::taup::{SourceTimes, Wave};

/// Distance step of the travel-time curve, km.
pub const CURVE_STEP_KM: f64 = 0.25;

/// The fronts of one quake.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalFronts {
    /// Depth of the quake, km.
    pub depth_km: f64,
    /// First-arrival times of P and S (s) every [`CURVE_STEP_KM`] of distance.
    curve: Vec<(f64, f64)>,
}

impl LocalFronts {
    /// The fronts of a quake at `src`'s depth, out to `reach_km` along the surface.
    pub fn new(src: &SourceTimes<'_>, reach_km: f64) -> Self {
        let kpd = km_per_deg();
        let steps = (reach_km.clamp(1.0, 2000.0) / CURVE_STEP_KM).ceil() as usize;
        let curve = (0..=steps)
            .map(|k| {
                let deg = k as f64 * CURVE_STEP_KM / kpd;
                (
                    src.first_time(Wave::P, deg).unwrap_or(f64::INFINITY),
                    src.first_time(Wave::S, deg).unwrap_or(f64::INFINITY),
                )
            })
            .collect();
        Self {
            depth_km: src.depth_km,
            curve,
        }
    }

    /// First-arrival time of `wave` at `d_km` along the surface.
    pub fn time_at(&self, wave: Wave, d_km: f64) -> Option<f64> {
        if d_km.is_nan() || d_km < 0.0 {
            return None;
        }
        let f = d_km / CURVE_STEP_KM;
        let i = f.floor() as usize;
        let pick = |k: usize| {
            self.curve
                .get(k)
                .map(|c| if wave == Wave::P { c.0 } else { c.1 })
        };
        let a = pick(i)?;
        let b = pick(i + 1).unwrap_or(a);
        Some(a + (b - a) * (f - i as f64))
    }

    /// How far along the surface `wave`'s first arrival has got at `t`, km
    /// (`None` before it reaches the surface).
    pub fn surface_radius(&self, wave: Wave, t: f64) -> Option<f64> {
        let times: Vec<f64> = (0..self.curve.len())
            .filter_map(|k| self.time_at(wave, k as f64 * CURVE_STEP_KM))
            .collect();
        let first = *times.first()?;
        if t.is_nan() || t < first {
            return None;
        }
        let k = times.partition_point(|&x| x <= t);
        if k >= times.len() {
            return Some((times.len() - 1) as f64 * CURVE_STEP_KM);
        }
        let (t0, t1) = (times[k - 1], times[k]);
        let frac = if t1 > t0 { (t - t0) / (t1 - t0) } else { 0.0 };
        Some((k as f64 - 1.0 + frac) * CURVE_STEP_KM)
    }

    /// Radius about the hypocentre of `wave`'s front at `t`, km.
    pub fn sphere_radius(&self, wave: Wave, t: f64) -> f64 {
        let z = self.depth_km;
        match self.surface_radius(wave, t) {
            Some(r) => r.hypot(z),
            None => {
                let first = self.time_at(wave, 0.0).unwrap_or(1.0).max(1e-6);
                z * (t / first).max(0.0)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::physics::earth::EarthModel;
    use crate::domain::physics::taup::TauModel;

    #[test]
    fn fronts_follow_the_travel_times_and_grow_from_the_hypocentre() {
        let tau = TauModel::new(EarthModel::by_name("chongqing").unwrap()).unwrap();
        let src = tau.source(10.0);
        let f = LocalFronts::new(&src, 60.0);
        for d in [0.0, 7.3, 25.0, 59.0] {
            let t = src.first_time(Wave::P, d / km_per_deg()).unwrap();
            assert!((f.time_at(Wave::P, d).unwrap() - t).abs() < 0.01, "{d} km");
            assert!((f.surface_radius(Wave::P, t).unwrap() - d).abs() < 0.05);
        }
        let first = f.time_at(Wave::S, 0.0).unwrap();
        assert_eq!(f.surface_radius(Wave::S, first * 0.9), None);
        assert!((f.sphere_radius(Wave::S, first * 0.5) - 5.0).abs() < 1e-9);
        assert_eq!(f.time_at(Wave::P, f64::NAN), None);
        assert_eq!(f.surface_radius(Wave::P, f64::NAN), None);
        // Beyond the curve: the last radius.
        assert!(f.surface_radius(Wave::P, 1e6).unwrap() >= 60.0);
    }
}
