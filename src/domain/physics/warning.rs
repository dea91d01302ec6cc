//! Earthquake early warning: when the first stations detect the P wave,
//! when an alert can go out, how many seconds a city has before the S
//! wave, and the blind zone where the S wave arrives before any alert.

use super::geo::{distance_deg, km_per_deg};
use super::taup::{SourceTimes, Wave};

/// How a warning network works.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WarningSystem {
    /// Stations that must detect the P wave before an alert.
    pub stations_needed: usize,
    /// Seconds from the last needed detection to the alert reaching people
    /// (picking, locating, magnitude, sending).
    pub processing_s: f64,
}

impl Default for WarningSystem {
    /// Four stations and 4 s of processing: typical of regional networks.
    fn default() -> Self {
        Self {
            stations_needed: 4,
            processing_s: 4.0,
        }
    }
}

/// The timeline of one warning.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// P arrival at the first station, s after origin.
    pub first_detection_s: f64,
    /// When the alert goes out, s after origin.
    pub alert_s: f64,
    /// S arrival at the target, s after origin.
    pub s_at_target_s: f64,
    /// Seconds of warning at the target (negative: the S wave came first).
    pub warning_s: f64,
    /// Epicentral radius inside which no warning is possible, km.
    pub blind_zone_km: f64,
}

/// The warning for a source (`times` from its depth) at (`lat`, `lon`),
/// stations at `stations` (lat, lon) and a target; `None` when fewer
/// stations than needed can see the P wave.
pub fn warning(
    times: &SourceTimes,
    source: (f64, f64),
    stations: &[(f64, f64)],
    target: (f64, f64),
    system: WarningSystem,
) -> Option<Warning> {
    let mut p: Vec<f64> = stations
        .iter()
        .filter_map(|&(la, lo)| times.first_time(Wave::P, distance_deg(source.0, source.1, la, lo)))
        .collect();
    p.sort_by(f64::total_cmp);
    let needed = system.stations_needed.max(1);
    if p.len() < needed {
        return None;
    }
    let alert = p[needed - 1] + system.processing_s;
    let s_at = |km: f64| times.first_time(Wave::S, km / km_per_deg());
    let s_target = times.first_time(
        Wave::S,
        distance_deg(source.0, source.1, target.0, target.1),
    )?;
    // The S wave reaches the blind-zone edge exactly when the alert goes out.
    let (mut lo, mut hi) = (0.0f64, 2000.0f64);
    if s_at(lo)? >= alert {
        hi = 0.0;
    }
    for _ in 0..50 {
        let mid = 0.5 * (lo + hi);
        match s_at(mid) {
            Some(t) if t < alert => lo = mid,
            _ => hi = mid,
        }
    }
    Some(Warning {
        first_detection_s: p[0],
        alert_s: alert,
        s_at_target_s: s_target,
        warning_s: s_target - alert,
        blind_zone_km: hi,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::physics::earth::iasp91;
    use crate::domain::physics::geo::destination;
    use crate::domain::physics::taup::TauModel;

    #[test]
    fn a_distant_city_gets_warning_and_the_epicentre_does_not() {
        let tau = TauModel::new(iasp91()).unwrap();
        let times = tau.source(10.0);
        let src = (31.0, 103.4);
        let stations: Vec<(f64, f64)> = [0.0, 90.0, 180.0, 270.0, 45.0]
            .iter()
            .map(|&az| destination(src.0, src.1, az, 0.2))
            .collect();
        let city = destination(src.0, src.1, 100.0, 2.5);
        let w = warning(&times, src, &stations, city, WarningSystem::default()).unwrap();
        assert!(
            w.first_detection_s > 2.0 && w.first_detection_s < 6.0,
            "{w:?}"
        );
        assert!(w.warning_s > 30.0, "{w:?}");
        assert!(w.blind_zone_km > 20.0 && w.blind_zone_km < 80.0, "{w:?}");
        let at_epicentre = warning(&times, src, &stations, src, WarningSystem::default()).unwrap();
        assert!(at_epicentre.warning_s < 0.0);
        // At the edge of the blind zone the warning is zero.
        let edge = destination(src.0, src.1, 0.0, w.blind_zone_km / km_per_deg());
        let e = warning(&times, src, &stations, edge, WarningSystem::default()).unwrap();
        assert!(e.warning_s.abs() < 0.2, "{e:?}");
    }
}
