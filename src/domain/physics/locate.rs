//! Earthquake location from P and S arrival times (Geiger's method:
//! linearised least squares, Geiger 1912), started from a coarse-to-fine
//! grid search so that it cannot fall into a far local minimum. Travel
//! times come from the tau-p tables of an Earth model; station elevations
//! are corrected with the surface velocity.

use serde::{Deserialize, Serialize};

use super::geo::{distance_deg, km_per_deg};
use super::taup::{SourceTimes, TauModel, Wave};
use crate::domain::waveform::UtcTime;

/// One station and its picks, as `quakehall locate` reads them.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct StationPicks {
    /// `NET.STA`.
    pub id: String,
    /// Latitude, degrees.
    pub latitude: f64,
    /// Longitude, degrees.
    pub longitude: f64,
    /// Elevation, m.
    #[serde(default)]
    pub elevation_m: f64,
    /// Pick times by phase (`P`, `S`), ISO 8601 UTC.
    pub picks: std::collections::BTreeMap<String, String>,
}

/// The input file of `quakehall locate`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct PicksFile {
    /// The stations.
    pub stations: Vec<StationPicks>,
}

/// A located earthquake.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Solution {
    /// Latitude, degrees.
    pub latitude: f64,
    /// Longitude, degrees.
    pub longitude: f64,
    /// Depth, km.
    pub depth_km: f64,
    /// Origin time.
    #[serde(serialize_with = "iso")]
    pub origin_time: UtcTime,
    /// Root-mean-square residual, s.
    pub rms_s: f64,
    /// Number of picks used.
    pub picks: usize,
    /// One-standard-deviation uncertainties.
    pub uncertainty: Uncertainty,
}

fn iso<S: serde::Serializer>(t: &UtcTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.iso_micros())
}

/// One-standard-deviation uncertainties from the covariance of the last
/// least-squares step, scaled by the residual variance or, where the
/// residuals are smaller than picks can be (exact synthetic picks), by
/// [`READING_ERROR_S`] squared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Uncertainty {
    /// North-south, km.
    pub latitude_km: f64,
    /// East-west, km.
    pub longitude_km: f64,
    /// Depth, km.
    pub depth_km: f64,
    /// Origin time, s.
    pub origin_time_s: f64,
}

struct Obs {
    lat: f64,
    lon: f64,
    elevation_km: f64,
    wave: Wave,
    time: UtcTime,
}

/// The least a pick's error can be, s: the reading accuracy of a sharp
/// local onset at 100 Hz (about 0.1 s; Bormann, NMSOP-2 2012, ch. 11). An
/// uncertainty is never smaller than these picks allow, however well the
/// times happen to fit.
pub const READING_ERROR_S: f64 = 0.1;

/// Why an event could not be located.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LocateError {
    /// Fewer than four picks, or fewer than three stations.
    #[error("{0}: at least three stations and four picks are needed")]
    TooFew(String),
    /// A pick time could not be read.
    #[error("station {station}: pick {phase} {value:?} is not an ISO 8601 time")]
    BadTime {
        /// Station id.
        station: String,
        /// Phase.
        phase: String,
        /// The text.
        value: String,
    },
}

/// Travel times at a ladder of depths, interpolated between them.
struct DepthLadder<'a> {
    depths: Vec<f64>,
    sources: Vec<SourceTimes<'a>>,
}

impl<'a> DepthLadder<'a> {
    fn new(tau: &'a TauModel) -> Self {
        let mut depths: Vec<f64> = (0..=20).map(|i| i as f64 * 2.0).collect();
        depths.extend([
            50.0, 60.0, 80.0, 100.0, 150.0, 200.0, 300.0, 450.0, 600.0, 700.0,
        ]);
        let sources = depths.iter().map(|&d| tau.source(d)).collect();
        Self { depths, sources }
    }

    fn time(&self, wave: Wave, dist_deg: f64, depth: f64) -> Option<f64> {
        let depth = depth.clamp(0.0, 700.0);
        let k = self
            .depths
            .partition_point(|&d| d <= depth)
            .clamp(1, self.depths.len() - 1);
        let (d0, d1) = (self.depths[k - 1], self.depths[k]);
        let t0 = self.sources[k - 1].first_time(wave, dist_deg)?;
        let t1 = self.sources[k].first_time(wave, dist_deg)?;
        Some(t0 + (t1 - t0) * (depth - d0) / (d1 - d0))
    }
}

/// Predicted arrival time offsets (travel times with elevation correction).
fn predict(
    ladder: &DepthLadder,
    o: &Obs,
    lat: f64,
    lon: f64,
    depth: f64,
    v_surface: [f64; 2],
) -> Option<f64> {
    let d = distance_deg(lat, lon, o.lat, o.lon);
    let v = if o.wave == Wave::P {
        v_surface[0]
    } else {
        v_surface[1]
    };
    Some(ladder.time(o.wave, d, depth)? + o.elevation_km / v)
}

/// Locates from picks with `tau`'s Earth model.
pub fn locate(file: &PicksFile, tau: &TauModel) -> Result<Solution, LocateError> {
    let mut obs = Vec::new();
    for s in &file.stations {
        for (phase, value) in &s.picks {
            let wave = match phase.chars().next() {
                Some('P' | 'p') => Wave::P,
                Some('S' | 's') => Wave::S,
                _ => continue,
            };
            let time = UtcTime::parse_iso(value).ok_or_else(|| LocateError::BadTime {
                station: s.id.clone(),
                phase: phase.clone(),
                value: value.clone(),
            })?;
            obs.push(Obs {
                lat: s.latitude,
                lon: s.longitude,
                elevation_km: s.elevation_m / 1000.0,
                wave,
                time,
            });
        }
    }
    let stations = file.stations.iter().filter(|s| !s.picks.is_empty()).count();
    if obs.len() < 4 || stations < 3 {
        return Err(LocateError::TooFew(format!(
            "{} picks at {stations} stations",
            obs.len()
        )));
    }
    let ladder = DepthLadder::new(tau);
    let v_surface = [tau.velocity(Wave::P, 0.0), tau.velocity(Wave::S, 0.0)];
    let t_ref = obs.iter().map(|o| o.time).min().expect("picks exist");
    let rel: Vec<f64> = obs.iter().map(|o| o.time.secs_since(t_ref)).collect();
    // Residuals with the origin time solved for (the mean residual).
    let misfit = |lat: f64, lon: f64, depth: f64| -> Option<(f64, f64)> {
        let tt: Vec<f64> = obs
            .iter()
            .map(|o| predict(&ladder, o, lat, lon, depth, v_surface))
            .collect::<Option<_>>()?;
        let origin = rel.iter().zip(&tt).map(|(r, t)| r - t).sum::<f64>() / rel.len() as f64;
        let ss = rel
            .iter()
            .zip(&tt)
            .map(|(r, t)| (r - t - origin).powi(2))
            .sum::<f64>();
        Some((ss, origin))
    };
    // Coarse-to-fine grid search around the stations.
    let (lat0, lon0) = (
        obs.iter().map(|o| o.lat).sum::<f64>() / obs.len() as f64,
        obs.iter().map(|o| o.lon).sum::<f64>() / obs.len() as f64,
    );
    let mut best = (f64::INFINITY, lat0, lon0, 10.0, 0.0);
    let mut span = 2.0;
    let mut centre = (lat0, lon0);
    for _ in 0..4 {
        for i in -10..=10 {
            for j in -10..=10 {
                let lat = centre.0 + span * i as f64 / 10.0;
                let lon = centre.1 + span * j as f64 / 10.0;
                for depth in [0.0, 5.0, 10.0, 15.0, 20.0, 30.0, 50.0] {
                    if let Some((ss, origin)) = misfit(lat, lon, depth)
                        && ss < best.0
                    {
                        best = (ss, lat, lon, depth, origin);
                    }
                }
            }
        }
        centre = (best.1, best.2);
        span /= 8.0;
    }
    // Geiger iterations on (lat, lon, depth, origin), numerical derivatives.
    let (mut lat, mut lon, mut depth, mut origin) = (best.1, best.2, best.3, best.4);
    let kd = km_per_deg();
    let mut cov = [[0.0f64; 4]; 4];
    let mut ss = best.0;
    for _ in 0..20 {
        let coslat = lat.to_radians().cos().max(0.01);
        let h = [0.2 / kd, 0.2 / (kd * coslat), 0.2];
        let base: Option<Vec<f64>> = obs
            .iter()
            .map(|o| predict(&ladder, o, lat, lon, depth, v_surface))
            .collect();
        let Some(base) = base else { break };
        let mut g = vec![[0.0f64; 4]; obs.len()];
        let mut r = vec![0.0f64; obs.len()];
        for (k, o) in obs.iter().enumerate() {
            r[k] = rel[k] - origin - base[k];
            // Derivatives per km north, km east, km down, and per second.
            let dn =
                predict(&ladder, o, lat + h[0], lon, depth, v_surface).unwrap_or(base[k]) - base[k];
            let de =
                predict(&ladder, o, lat, lon + h[1], depth, v_surface).unwrap_or(base[k]) - base[k];
            let dz = if depth + h[2] <= 700.0 {
                predict(&ladder, o, lat, lon, depth + h[2], v_surface).unwrap_or(base[k]) - base[k]
            } else {
                0.0
            };
            g[k] = [dn / 0.2, de / 0.2, dz / 0.2, 1.0];
        }
        let (step, inv) = least_squares(&g, &r, 1e-6);
        cov = inv;
        lat += step[0] / kd;
        lon += step[1] / (kd * coslat);
        depth = (depth + step[2]).clamp(0.0, 700.0);
        origin += step[3];
        ss = r.iter().map(|x| x * x).sum();
        if step[..3].iter().map(|x| x * x).sum::<f64>().sqrt() < 0.001 && step[3].abs() < 1e-4 {
            break;
        }
    }
    if let Some((s2, o2)) = misfit(lat, lon, depth) {
        ss = s2;
        origin = o2;
    }
    let n = obs.len();
    let dof = n.saturating_sub(4).max(1) as f64;
    let var = (ss / dof).max(READING_ERROR_S * READING_ERROR_S);
    let sd = |i: usize| (cov[i][i] * var).max(0.0).sqrt();
    Ok(Solution {
        latitude: lat,
        longitude: lon,
        depth_km: depth,
        origin_time: t_ref.add_secs(origin),
        rms_s: (ss / n as f64).sqrt(),
        picks: n,
        uncertainty: Uncertainty {
            latitude_km: sd(0),
            longitude_km: sd(1),
            depth_km: sd(2),
            origin_time_s: sd(3),
        },
    })
}

/// Damped least squares for four unknowns: solves (GᵀG + λI) x = Gᵀr and
/// returns x and (GᵀG + λI)⁻¹.
fn least_squares(g: &[[f64; 4]], r: &[f64], damping: f64) -> ([f64; 4], [[f64; 4]; 4]) {
    let mut a = [[0.0f64; 4]; 4];
    let mut b = [0.0f64; 4];
    for (row, &ri) in g.iter().zip(r) {
        for i in 0..4 {
            b[i] += row[i] * ri;
            for j in 0..4 {
                a[i][j] += row[i] * row[j];
            }
        }
    }
    for (i, row) in a.iter_mut().enumerate() {
        row[i] += damping;
    }
    let inv = invert4(a);
    let mut x = [0.0f64; 4];
    for i in 0..4 {
        x[i] = (0..4).map(|j| inv[i][j] * b[j]).sum();
    }
    (x, inv)
}

/// Inverse of a 4x4 matrix by Gauss-Jordan elimination with partial pivoting.
fn invert4(mut a: [[f64; 4]; 4]) -> [[f64; 4]; 4] {
    let mut inv = [[0.0f64; 4]; 4];
    for (i, row) in inv.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    for c in 0..4 {
        let p = (c..4)
            .max_by(|&x, &y| a[x][c].abs().total_cmp(&a[y][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        inv.swap(c, p);
        let d = if a[c][c].abs() < 1e-300 {
            1e-300
        } else {
            a[c][c]
        };
        for j in 0..4 {
            a[c][j] /= d;
            inv[c][j] /= d;
        }
        for r in 0..4 {
            if r != c {
                let f = a[r][c];
                for j in 0..4 {
                    a[r][j] -= f * a[c][j];
                    inv[r][j] -= f * inv[c][j];
                }
            }
        }
    }
    inv
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::physics::earth::iasp91;
    use crate::domain::physics::geo::destination;

    /// Synthetic picks from a known event are located back onto it.
    #[test]
    fn recovers_a_synthetic_event() {
        let tau = TauModel::new(iasp91()).unwrap();
        let (elat, elon, edepth) = (29.5, 106.5, 12.0);
        let origin = UtcTime::parse_iso("2026-05-12T06:28:00Z").unwrap();
        let src = tau.source(edepth);
        let mut stations = Vec::new();
        for (k, az) in [10.0, 100.0, 190.0, 280.0, 45.0].iter().enumerate() {
            let (lat, lon) = destination(elat, elon, *az, 0.3 + 0.1 * k as f64);
            let d = distance_deg(elat, elon, lat, lon);
            let mut picks = std::collections::BTreeMap::new();
            for (name, wave) in [("P", Wave::P), ("S", Wave::S)] {
                let t = src.first(wave, d).unwrap().time_s;
                picks.insert(name.to_owned(), origin.add_secs(t).iso_micros());
            }
            stations.push(StationPicks {
                id: format!("XX.S{k}"),
                latitude: lat,
                longitude: lon,
                elevation_m: 0.0,
                picks,
            });
        }
        let sol = locate(&PicksFile { stations }, &tau).unwrap();
        let err_km = distance_deg(elat, elon, sol.latitude, sol.longitude) * km_per_deg();
        assert!(err_km < 0.5, "{err_km} km off: {sol:?}");
        assert!((sol.depth_km - edepth).abs() < 1.5, "{sol:?}");
        assert!(sol.origin_time.secs_since(origin).abs() < 0.1, "{sol:?}");
        assert!(sol.rms_s < 0.05);
    }

    #[test]
    fn too_few_picks_is_an_error() {
        let tau = TauModel::new(iasp91()).unwrap();
        let f = PicksFile {
            stations: Vec::new(),
        };
        assert!(matches!(locate(&f, &tau), Err(LocateError::TooFew(_))));
    }
}
