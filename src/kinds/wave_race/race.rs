//! Visitor state of a `WaveRace` ("The wave race"): a quake sends P, S
//! and surface waves towards the hall; the visitor first predicts which
//! arrives first, then watches the fronts spread at the speeds the physics
//! gives and sees each arrival time at the hall.
//!
//! Body-wave times come from the tau-p travel times of
//! [`crate::domain::physics::taup`], so the race agrees with TauP; the
//! front drawn on the map is where that first arrival has reached the
//! surface at the race clock's time.

use crate::domain::physics::geo::{distance_deg, km_per_deg};
use crate::domain::physics::taup::{SourceTimes, Wave};

/// Group speed of the surface waves that do most of the shaking far from a
/// shallow quake, km/s: 10-20 s Rayleigh waves in continental crust travel
/// at about 3 km/s (Stein & Wysession 2003, section 2.8; the middle of the
/// 3.9-2.9 km/s dispersed train of [`crate::domain::physics::synth`]).
pub const SURFACE_WAVE_KM_S: f64 = 3.0;

/// A runner of the race.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runner {
    /// The P wave.
    P,
    /// The S wave.
    S,
    /// The surface waves.
    Surface,
}

impl Runner {
    /// All runners, fastest first.
    pub const ALL: [Runner; 3] = [Runner::P, Runner::S, Runner::Surface];
}

/// Where the race is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stage {
    /// Waiting for the visitor's guess.
    Predict,
    /// The waves are travelling; seconds since the quake.
    Running(f64),
    /// Every wave has reached the hall.
    Finished,
}

/// One race from a quake to the hall.
#[derive(Debug, Clone)]
pub struct Race {
    /// Epicentral distance, km along the surface.
    pub distance_km: f64,
    /// Arrival time at the hall of P, S and the surface waves, s after the quake.
    pub arrival_s: [f64; 3],
    /// The visitor's guess.
    pub prediction: Option<Runner>,
    /// The stage.
    pub stage: Stage,
    /// First-arrival times of P and S against distance (0.1° steps out
    /// to a little beyond the hall), for the fronts.
    curve: Vec<(f64, f64, f64)>,
    /// The quake's epicentre: latitude, longitude.
    pub quake: (f64, f64),
    /// The hall.
    pub hall: (f64, f64),
    /// The regional map the race is shown on, where it has one.
    pub map: Option<super::RaceMap>,
    /// Whether the map's picture has been drawn.
    pub map_drawn: bool,
}

impl Race {
    /// A race from a quake at (`lat`, `lon`) to the hall at
    /// (`hall_lat`, `hall_lon`), with travel times from `source` (the
    /// model prepared for the quake's depth). `None` if the model has no
    /// P or S arrival at that distance.
    pub fn new(
        source: &SourceTimes<'_>,
        (lat, lon): (f64, f64),
        (hall_lat, hall_lon): (f64, f64),
    ) -> Option<Self> {
        let deg = distance_deg(lat, lon, hall_lat, hall_lon);
        let p = source.first(Wave::P, deg)?.time_s;
        let s = source.first(Wave::S, deg)?.time_s;
        let distance_km = deg * km_per_deg();
        let surface = distance_km / SURFACE_WAVE_KM_S;
        let steps = ((deg * 1.2 + 0.5) / 0.05).ceil() as usize;
        let curve = (0..=steps)
            .filter_map(|i| {
                let d = i as f64 * 0.05;
                Some((
                    d,
                    source.first_time(Wave::P, d)?,
                    source.first_time(Wave::S, d)?,
                ))
            })
            .collect();
        Some(Self {
            distance_km,
            arrival_s: [p, s, surface],
            prediction: None,
            stage: Stage::Predict,
            curve,
            quake: (lat, lon),
            hall: (hall_lat, hall_lon),
            map: None,
            map_drawn: false,
        })
    }

    /// Back to the start for the next visitor's guess ("race again").
    pub fn restart(&mut self) {
        self.prediction = None;
        self.stage = Stage::Predict;
    }

    /// Arrival time of `r` at the hall, s.
    pub fn arrival(&self, r: Runner) -> f64 {
        self.arrival_s[r as usize]
    }

    /// The runner that arrives first.
    pub fn winner(&self) -> Runner {
        Runner::ALL
            .into_iter()
            .min_by(|a, b| self.arrival(*a).total_cmp(&self.arrival(*b)))
            .unwrap_or(Runner::P)
    }

    /// The visitor's guess starts the race; later guesses are ignored.
    pub fn predict(&mut self, r: Runner) {
        if self.stage == Stage::Predict {
            self.prediction = Some(r);
            self.stage = Stage::Running(0.0);
        }
    }

    /// Whether the guess was right (once the race has finished).
    pub fn guessed_right(&self) -> Option<bool> {
        match (self.stage, self.prediction) {
            (Stage::Finished, Some(p)) => Some(p == self.winner()),
            _ => None,
        }
    }

    /// Advances the race clock by `seconds` of quake time.
    pub fn advance(&mut self, seconds: f64) {
        if let Stage::Running(t) = self.stage {
            let t = t + seconds.max(0.0);
            let last = self.arrival_s.iter().copied().fold(0.0, f64::max);
            self.stage = if t >= last {
                Stage::Finished
            } else {
                Stage::Running(t)
            };
        }
    }

    /// Seconds since the quake (the full race once finished).
    pub fn clock(&self) -> f64 {
        match self.stage {
            Stage::Predict => 0.0,
            Stage::Running(t) => t,
            Stage::Finished => self.arrival_s.iter().copied().fold(0.0, f64::max),
        }
    }

    /// Whether `r` has reached the hall.
    pub fn arrived(&self, r: Runner) -> bool {
        self.stage == Stage::Finished || self.clock() >= self.arrival(r)
    }

    /// How far the front of `r` has spread along the surface at the clock's
    /// time, km: where its first arrival time equals the clock.
    pub fn front_km(&self, r: Runner) -> f64 {
        let t = self.clock();
        match r {
            Runner::Surface => t * SURFACE_WAVE_KM_S,
            Runner::P | Runner::S => {
                let time = |c: &(f64, f64, f64)| if r == Runner::P { c.1 } else { c.2 };
                // First arrivals grow with distance: find the step that brackets t.
                let Some(i) = self.curve.iter().position(|c| time(c) >= t) else {
                    return self.curve.last().map_or(0.0, |c| c.0) * km_per_deg();
                };
                if i == 0 {
                    return 0.0;
                }
                let (a, b) = (&self.curve[i - 1], &self.curve[i]);
                let f = (t - time(a)) / (time(b) - time(a)).max(1e-9);
                (a.0 + f.clamp(0.0, 1.0) * (b.0 - a.0)) * km_per_deg()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::physics::earth::iasp91;
    use crate::domain::physics::taup::TauModel;

    /// The 2008 Wenchuan earthquake (USGS: 31.002°N 103.322°E, 19 km) and
    /// Chongqing's city centre.
    const WENCHUAN: (f64, f64) = (31.002, 103.322);
    const CHONGQING: (f64, f64) = (29.56, 106.55);

    #[test]
    fn arrivals_are_the_physics_layers_travel_times() {
        let tau = TauModel::new(iasp91()).unwrap();
        let src = tau.source(19.0);
        let race = Race::new(&src, WENCHUAN, CHONGQING).unwrap();
        let deg = distance_deg(WENCHUAN.0, WENCHUAN.1, CHONGQING.0, CHONGQING.1);
        assert_eq!(
            race.arrival(Runner::P),
            src.first(Wave::P, deg).unwrap().time_s
        );
        assert_eq!(
            race.arrival(Runner::S),
            src.first(Wave::S, deg).unwrap().time_s
        );
        assert!(
            (race.distance_km - 344.0).abs() < 15.0,
            "{}",
            race.distance_km
        );
        assert!((race.arrival(Runner::Surface) - race.distance_km / 3.0).abs() < 1e-9);
        assert_eq!(race.winner(), Runner::P);
        assert!(race.arrival(Runner::P) < race.arrival(Runner::S));
        assert!(race.arrival(Runner::S) < race.arrival(Runner::Surface));
    }

    #[test]
    fn fronts_reach_the_hall_exactly_when_the_waves_arrive() {
        let tau = TauModel::new(iasp91()).unwrap();
        let src = tau.source(19.0);
        let mut race = Race::new(&src, WENCHUAN, CHONGQING).unwrap();
        race.predict(Runner::S);
        let mut last = [0.0; 3];
        while race.stage != Stage::Finished {
            race.advance(0.5);
            for (i, r) in Runner::ALL.into_iter().enumerate() {
                let f = race.front_km(r);
                assert!(f + 1e-6 >= last[i], "{r:?} front went back");
                last[i] = f;
            }
        }
        for r in [Runner::P, Runner::S] {
            race.stage = Stage::Running(race.arrival(r));
            let f = race.front_km(r);
            // The first-arrival tables are within about 0.05 s of the exact times.
            assert!((f - race.distance_km).abs() < 1.0, "{r:?} at {f} km");
        }
        race.stage = Stage::Finished;
        assert_eq!(race.guessed_right(), Some(false));
    }

    #[test]
    fn a_guess_starts_the_race_once() {
        let tau = TauModel::new(iasp91()).unwrap();
        let src = tau.source(10.0);
        let mut race = Race::new(&src, (30.0, 105.0), CHONGQING).unwrap();
        assert_eq!(race.guessed_right(), None);
        race.advance(100.0);
        assert_eq!(race.stage, Stage::Predict, "no race before a guess");
        race.predict(Runner::P);
        race.predict(Runner::Surface);
        assert_eq!(race.prediction, Some(Runner::P));
        race.advance(f64::NAN);
        race.advance(1e6);
        assert_eq!(race.stage, Stage::Finished);
        assert!(Runner::ALL.into_iter().all(|r| race.arrived(r)));
        assert_eq!(race.guessed_right(), Some(true));
    }
}
