//! A quake on the sand table: the P and S arrivals at every station (the
//! physics layer's first arrivals), the expected intensity there, and the
//! synthetic three-component record each station draws.

use super::table::SandTable;
use crate::domain::physics::fronts::LocalFronts;
use crate::domain::physics::geo::{distance_deg, km_per_deg};
use crate::domain::physics::intensity::expected_degree;
use crate::domain::physics::synth::{Motion, SynthSpec, SynthStation, synthesize};
use crate::domain::physics::taup::Wave;

/// A record of the three components at a station.
#[derive(Debug, Clone, PartialEq)]
pub struct Record3 {
    /// Samples per second.
    pub rate_hz: f64,
    /// Time of the first sample, s after the quake.
    pub start_s: f64,
    /// Up, north and east ground velocity (nm/s).
    pub zne: [Vec<f32>; 3],
}

/// When and how the quake reaches a station.
#[derive(Debug, Clone, PartialEq)]
pub struct StationArrival {
    /// Epicentral distance, km.
    pub distance_km: f64,
    /// First P arrival, s after the quake.
    pub p_s: f64,
    /// First S arrival, s after the quake.
    pub s_s: f64,
    /// Expected intensity (China scale, 1-12).
    pub intensity: u8,
    /// The synthetic record, if the synthesis succeeded.
    pub record: Option<Record3>,
}

/// The quake on the table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableQuake {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Position on the table, km.
    pub xy: (f32, f32),
    /// Depth, km.
    pub depth_km: f64,
    /// Magnitude.
    pub magnitude: f64,
    /// Seconds since the quake.
    pub clock_s: f64,
    /// Where its P and S fronts are.
    pub fronts: LocalFronts,
    /// Seconds of record shown.
    pub window_s: f64,
}

impl SandTable {
    /// Sets off a quake of the chosen magnitude under (`lat`, `lon`): the
    /// arrivals and records of every station, and the rings' curve.
    pub fn quake_at(&mut self, lat: f64, lon: f64) {
        let src = self.tau.source(self.depth_km);
        let kpd = km_per_deg();
        let (w, h) = self.size_km;
        let fronts = LocalFronts::new(&src, (w as f64).hypot(h as f64) + 5.0);
        self.seed = self.seed.wrapping_add(1);
        let spec = SynthSpec {
            source: Default::default(),
            origin: "2026-01-01T00:00:00".into(),
            latitude: lat,
            longitude: lon,
            depth_km: self.depth_km,
            magnitude: self.magnitude,
            mechanism: None,
            model: self.model.name.clone(),
            sample_rate_hz: 20.0,
            seed: self.seed,
            stations: self
                .stations
                .iter()
                .enumerate()
                .map(|(i, s)| SynthStation {
                    network: "QH".into(),
                    station: format!("T{i}"),
                    latitude: s.lat,
                    longitude: s.lon,
                })
                .collect(),
        };
        let records = synthesize(&spec, Motion::Velocity).ok();
        let mut window = 20.0f64;
        for (i, st) in self.stations.iter_mut().enumerate() {
            let deg = distance_deg(lat, lon, st.lat, st.lon);
            let p = src.first(Wave::P, deg);
            let s = src.first(Wave::S, deg);
            st.arrival = match (p, s) {
                (Some(p), Some(s)) => {
                    window = window.max(s.time_s + 15.0);
                    let record = records.as_ref().and_then(|r| r.get(i)).and_then(|r| {
                        let origin = crate::domain::waveform::UtcTime::parse_iso(&spec.origin)?;
                        let t = r.traces.first()?;
                        Some(Record3 {
                            rate_hz: t.sample_rate_hz,
                            start_s: t.start.secs_since(origin),
                            zne: [0, 1, 2].map(|c| {
                                r.traces
                                    .get(c)
                                    .map(|t| t.samples.to_f64().iter().map(|&v| v as f32).collect())
                                    .unwrap_or_default()
                            }),
                        })
                    });
                    Some(StationArrival {
                        distance_km: deg * kpd,
                        p_s: p.time_s,
                        s_s: s.time_s,
                        intensity: expected_degree(self.magnitude, deg * kpd),
                        record,
                    })
                }
                _ => None,
            };
        }
        self.quake = Some(TableQuake {
            lat,
            lon,
            xy: self.to_xy(lat, lon),
            depth_km: self.depth_km,
            magnitude: self.magnitude,
            clock_s: 0.0,
            fronts,
            window_s: window.min(120.0),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::card::example_params;
    use super::*;
    use crate::domain::physics::earth::EarthModel;
    use crate::domain::physics::taup::TauModel;

    fn params() -> super::super::SandTableParams {
        example_params()
    }

    #[test]
    fn arrivals_are_the_physics_layers_travel_times() {
        let mut t = SandTable::new(&params()).unwrap();
        t.quake_at(29.70, 106.30);
        let tau = TauModel::new(EarthModel::by_name("chongqing").unwrap()).unwrap();
        let src = tau.source(8.0);
        for st in &t.stations {
            let a = st.arrival.as_ref().expect("every station has arrivals");
            let deg = distance_deg(29.70, 106.30, st.lat, st.lon);
            assert_eq!(a.p_s, src.first(Wave::P, deg).unwrap().time_s);
            assert_eq!(a.s_s, src.first(Wave::S, deg).unwrap().time_s);
            assert!((a.distance_km - deg * km_per_deg()).abs() < 1e-9);
            // Local distances: P at crustal speeds, S later.
            let hyp = a.distance_km.hypot(8.0);
            assert!(a.p_s > hyp / 7.0 && a.p_s < hyp / 4.0, "{} {}", a.p_s, hyp);
            assert!(a.s_s > a.p_s * 1.5);
            // The synthetic record covers the arrivals and has three components.
            let r = a.record.as_ref().expect("records are synthesised");
            assert!(r.zne.iter().all(|c| !c.is_empty()));
            assert!(r.start_s <= a.p_s);
            assert!(r.start_s + r.zne[0].len() as f64 / r.rate_hz > a.s_s);
        }
    }

}
