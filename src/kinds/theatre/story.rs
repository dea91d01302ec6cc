//! The story of a `Theatre` ("How an earthquake forms"): a narrated animation of a block
//! of crust cut open along a section. Stress bends the rocks on both sides
//! of a locked fault (elastic rebound, Reid 1910); the fault breaks at the
//! hypocentre and the rupture spreads along it; P and S fronts leave,
//! reach the surface and the station, whose seismometer writes the record.
//! The scene file holds the story (times, camera shots, captions, events);
//! the visitor pauses and scrubs it.
//!
//! The waves' times are the physics layer's (tau-p first arrivals for the
//! station's distance, fronts from [`crate::domain::physics::fronts`]); the record is a
//! [`crate::domain::physics::synth`] seismogram. The fault's slip is drawn
//! hugely exaggerated (metres drawn as most of a kilometre) so it can be seen.

use super::{Shot, StoryEvent, StoryStep, TheatreParams};
use crate::domain::draw::canvas::Rgba;
use crate::domain::physics::fronts::LocalFronts;
use crate::domain::physics::geo::{destination, km_per_deg};
use crate::domain::physics::synth::{Motion, SynthSpec, SynthStation, synthesize};
use crate::domain::physics::taup::{TauModel, Wave};

/// Seconds the camera takes to glide to a step's shot.
pub const GLIDE_S: f64 = 1.5;
/// Slip drawn on the fault once it has broken, km (exaggerated).
pub(super) const SLIP_DRAWN_KM: f64 = 1.2;
/// How far from the fault the bending of the rocks reaches, km.
pub(super) const BEND_KM: f64 = 4.0;
/// Rupture speed as a fraction of the S speed at the hypocentre; ruptures
/// typically run at 0.7-0.9 Vs (Heaton 1990).
const RUPTURE_VS: f64 = 0.8;

/// Sub-surface rupture length (km) of a quake of moment magnitude `m`,
/// all slip types: log10 RLD = -2.44 + 0.59 M (Wells & Coppersmith 1994,
/// Table 2A).
pub fn rupture_length_km(m: f64) -> f64 {
    10f64.powf(-2.44 + 0.59 * m)
}

/// The theatre's state: the story and where the visitor is in it.
#[derive(Debug, Clone)]
pub struct Theatre {
    steps: Vec<StoryStep>,
    /// Length of the story, s.
    pub length_s: f64,
    /// Story time, s.
    pub time_s: f64,
    rupture_at_s: f64,
    stress_from_s: f64,
    slow_motion: f64,
    pub(super) depth_km: f64,
    pub(super) dip: f64,
    /// Epicentral distance of the station, km.
    pub station_km: f64,
    /// Up-dip and down-dip ends of the rupture, km of depth.
    pub(super) rupture_depths: (f64, f64),
    rupture_speed: f64,
    pub(super) fronts: LocalFronts,
    /// First P and S arrival at the station, s after the rupture.
    pub arrivals: (f64, f64),
    /// The station's vertical record: samples (nm/s), rate, start (s after the rupture).
    pub(super) record: Option<(Vec<f32>, f64, f64)>,
    pub(super) layers: Vec<f64>,
}

fn smooth(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Colours of the rock layers, top down.
pub(super) const LAYER_COLOURS: [Rgba; 4] = [
    Rgba::hex(0xc9a66b),
    Rgba::hex(0x9c7a5c),
    Rgba::hex(0x7d6355),
    Rgba::hex(0x624f49),
];

impl Theatre {
    /// The theatre of a scene, or why it cannot be built.
    pub fn new(p: &TheatreParams) -> Result<Self, String> {
        let mut t = Self::story(p)?;
        // The record: a station due east of an epicentre in the area.
        let (lat, lon) = (29.5, 106.5);
        let (slat, slon) = destination(lat, lon, 90.0, p.station_km / km_per_deg());
        let spec = SynthSpec {
            source: Default::default(),
            origin: "2026-01-01T00:00:00".into(),
            latitude: lat,
            longitude: lon,
            depth_km: t.depth_km,
            magnitude: p.magnitude,
            mechanism: None,
            model: p.model.clone(),
            sample_rate_hz: 20.0,
            seed: 5,
            stations: vec![SynthStation {
                network: "QH".into(),
                station: "STAGE".into(),
                latitude: slat,
                longitude: slon,
            }],
        };
        t.record = synthesize(&spec, Motion::Velocity).ok().and_then(|r| {
            let origin = crate::domain::waveform::UtcTime::parse_iso(&spec.origin)?;
            let t = r.first()?.traces.first()?;
            let v: Vec<f32> = t.samples.to_f64().iter().map(|&x| x as f32).collect();
            Some((v, t.sample_rate_hz, t.start.secs_since(origin)))
        });
        Ok(t)
    }

    /// The story and its physics, without the station's record.
    fn story(p: &TheatreParams) -> Result<Self, String> {
        let tau = TauModel::shared(&p.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", p.model))?;
        let model = &tau.model;
        let depth = p.depth_km.clamp(1.0, 60.0);
        let src = tau.source(depth);
        let deg = p.station_km / km_per_deg();
        let pa = src
            .first(Wave::P, deg)
            .ok_or("no P arrival at the station")?
            .time_s;
        let sa = src
            .first(Wave::S, deg)
            .ok_or("no S arrival at the station")?
            .time_s;
        let fronts = LocalFronts::new(&src, p.station_km * 2.0 + 30.0);
        let rupture_at_s = p
            .steps
            .iter()
            .find(|s| s.event == StoryEvent::Rupture)
            .map(|s| s.at_s as f64)
            .ok_or("the story has no Rupture step")?;
        let stress_from_s = p
            .steps
            .iter()
            .find(|s| s.event == StoryEvent::Stress)
            .map(|s| s.at_s as f64)
            .unwrap_or(0.0)
            .min(rupture_at_s);
        let half = (rupture_length_km(p.magnitude) / 2.0).clamp(0.5, 20.0);
        let dip = p.dip_deg.clamp(10.0, 90.0).to_radians();
        let up = (depth - half * dip.sin()).max(0.8);
        let down = depth + half * dip.sin();
        let (_, vs, _) = model.at(depth, crate::domain::physics::earth::Side::Below);
        Ok(Self {
            steps: p.steps.clone(),
            length_s: p.length_s.max(1.0) as f64,
            time_s: 0.0,
            rupture_at_s,
            stress_from_s,
            slow_motion: p.slow_motion.clamp(0.05, 10.0),
            depth_km: depth,
            dip,
            station_km: p.station_km,
            rupture_depths: (up, down),
            rupture_speed: RUPTURE_VS * vs,
            fronts,
            arrivals: (pa, sa),
            record: None,
            layers: model
                .discontinuities()
                .into_iter()
                .filter(|&d| d > 0.0 && d < 60.0)
                .collect(),
        })
    }

    /// The story time at which `event` of the story `p` happens by the
    /// physics, without building the theatre: for scene validation, which
    /// runs on every reload (the travel times are remembered per model,
    /// depth and distance).
    pub fn event_time_for(p: &TheatreParams, event: StoryEvent) -> Option<f64> {
        use std::collections::HashMap;
        use std::sync::{Mutex, OnceLock};
        type Key = (String, u64, u64);
        type Seen = HashMap<Key, Option<(f64, f64)>>;
        static SEEN: OnceLock<Mutex<Seen>> = OnceLock::new();
        let rupture = p
            .steps
            .iter()
            .find(|s| s.event == StoryEvent::Rupture)?
            .at_s as f64;
        let key = (
            p.model.to_ascii_lowercase(),
            p.depth_km.to_bits(),
            p.station_km.to_bits(),
        );
        let mut seen = SEEN
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let arrivals = *seen.entry(key).or_insert_with(|| {
            let tau = TauModel::shared(&p.model)?;
            let src = tau.source(p.depth_km.clamp(1.0, 60.0));
            let deg = p.station_km / km_per_deg();
            Some((
                src.first(Wave::P, deg)?.time_s,
                src.first(Wave::S, deg)?.time_s,
            ))
        });
        let (pa, sa) = arrivals?;
        let slow = p.slow_motion.clamp(0.05, 10.0);
        match event {
            StoryEvent::PArrives => Some(rupture + pa / slow),
            StoryEvent::SArrives => Some(rupture + sa / slow),
            StoryEvent::Rupture => Some(rupture),
            StoryEvent::Stress | StoryEvent::Narration => None,
        }
    }

    /// The story time at which `event` happens by the physics: the rupture's
    /// own step, and the P and S arrivals at the station after it.
    pub fn event_time(&self, event: StoryEvent) -> Option<f64> {
        match event {
            StoryEvent::Rupture => Some(self.rupture_at_s),
            StoryEvent::PArrives => Some(self.rupture_at_s + self.arrivals.0 / self.slow_motion),
            StoryEvent::SArrives => Some(self.rupture_at_s + self.arrivals.1 / self.slow_motion),
            StoryEvent::Stress => Some(self.stress_from_s),
            StoryEvent::Narration => None,
        }
    }

    /// Moves the story on by `dt` seconds (to its end at most).
    pub fn advance(&mut self, dt: f64) {
        if dt.is_finite() && dt > 0.0 {
            self.time_s = (self.time_s + dt).min(self.length_s);
        }
    }

    /// Jumps to `fraction` (0-1) of the story.
    pub fn scrub(&mut self, fraction: f64) {
        if fraction.is_finite() {
            self.time_s = fraction.clamp(0.0, 1.0) * self.length_s;
        }
    }

    /// Whether the story has reached its end.
    pub fn finished(&self) -> bool {
        self.time_s >= self.length_s
    }

    /// Index of the step being shown.
    pub fn step_index(&self) -> usize {
        self.steps
            .iter()
            .rposition(|s| s.at_s as f64 <= self.time_s)
            .unwrap_or(0)
    }

    /// The step being shown.
    pub fn step(&self) -> Option<&StoryStep> {
        self.steps.get(self.step_index())
    }

    /// The steps' start times as fractions of the story (for the scrubber's ticks).
    pub fn step_marks(&self) -> Vec<f64> {
        self.steps
            .iter()
            .map(|s| (s.at_s as f64 / self.length_s).clamp(0.0, 1.0))
            .collect()
    }

    /// Seconds of the waves' travel since the rupture (`None` before it).
    pub fn wave_time(&self) -> Option<f64> {
        (self.time_s >= self.rupture_at_s)
            .then_some((self.time_s - self.rupture_at_s) * self.slow_motion)
    }

    /// How much stress has built up on the fault, 0 to 1.
    pub fn stress(&self) -> f64 {
        let span = (self.rupture_at_s - self.stress_from_s).max(1e-6);
        smooth((self.time_s - self.stress_from_s) / span)
    }

    /// Depths (up-dip, down-dip) the rupture has reached, km.
    pub fn ruptured(&self) -> Option<(f64, f64)> {
        let t = self.wave_time()?;
        let along = self.rupture_speed * t * self.dip.sin();
        let (up, down) = self.rupture_depths;
        Some((
            (self.depth_km - along).max(up),
            (self.depth_km + along).min(down),
        ))
    }

    /// How much of the slip a point at `depth` on the fault has made, 0-1.
    pub(super) fn released(&self, depth: f64) -> f64 {
        match self.ruptured() {
            Some((a, b)) if depth >= a - 1.0 && depth <= b + 1.0 => {
                let inside = (depth - a).min(b - depth);
                smooth((inside + 1.0) / 2.0)
            }
            _ => 0.0,
        }
    }

    /// Horizontal position of the fault at `depth`, km from its surface trace.
    pub fn fault_x(&self, depth: f64) -> f64 {
        depth / self.dip.tan().max(1e-3)
    }

    /// Where the hypocentre is: (x km, depth km).
    pub fn hypocentre(&self) -> (f64, f64) {
        (self.fault_x(self.depth_km), self.depth_km)
    }

    /// Where the station is along the section, km.
    pub fn station_x(&self) -> f64 {
        self.hypocentre().0 + self.station_km
    }

    /// Vertical displacement drawn at (x, depth), km (up positive): the
    /// hanging wall (right) is pushed up and the footwall down, bent near
    /// the locked fault while stress builds, offset once it has slipped.
    pub fn uplift(&self, x: f64, depth: f64) -> f64 {
        let d = x - self.fault_x(depth.min(self.rupture_depths.1 + 4.0));
        let side = if d >= 0.0 { 1.0 } else { -1.0 };
        let near = (-d.abs() / BEND_KM).exp();
        let fault_depth = depth.clamp(self.rupture_depths.0, self.rupture_depths.1);
        let released = self.released(fault_depth);
        // Fades with distance from the rupture along the section's depth.
        let reach = (-((depth - fault_depth).abs() / 6.0)).exp();
        side * SLIP_DRAWN_KM / 2.0 * reach * ((1.0 - near) * self.stress() + near * released)
    }

    /// The part of the section the camera frames now: centre x, centre
    /// depth and width, km.
    pub fn view(&self) -> (f64, f64, f64) {
        let shot = |s: Shot| -> (f64, f64, f64) {
            let (hx, hd) = self.hypocentre();
            let sx = self.station_x();
            match s {
                Shot::Whole => ((hx + sx) / 2.0 - 4.0, hd * 0.75, (sx - hx) + 34.0),
                Shot::Fault => (hx, hd * 0.8, 22.0 + hd),
                Shot::Station => (sx - 2.0, 3.0, 18.0),
            }
        };
        let i = self.step_index();
        let now = self.steps.get(i).map(|s| s.shot).unwrap_or(Shot::Whole);
        let before = if i > 0 { self.steps[i - 1].shot } else { now };
        let since = self
            .steps
            .get(i)
            .map(|s| self.time_s - s.at_s as f64)
            .unwrap_or(0.0);
        let k = smooth(since / GLIDE_S);
        let (a, b) = (shot(before), shot(now));
        (
            a.0 + (b.0 - a.0) * k,
            a.1 + (b.1 - a.1) * k,
            a.2 + (b.2 - a.2) * k,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::card::example_params;
    use super::*;

    #[test]
    fn the_story_follows_the_physics() {
        let mut t = Theatre::new(&example_params()).unwrap();
        let tau = TauModel::shared("chongqing").unwrap();
        let src = tau.source(10.0);
        let deg = 24.0 / km_per_deg();
        assert_eq!(t.arrivals.0, src.first(Wave::P, deg).unwrap().time_s);
        assert_eq!(t.arrivals.1, src.first(Wave::S, deg).unwrap().time_s);
        // In slow motion the arrivals come twice as late on the story clock.
        let p_at = t.event_time(StoryEvent::PArrives).unwrap();
        assert!((p_at - (14.0 + 2.0 * t.arrivals.0)).abs() < 1e-9);
        let p = example_params();
        for e in [
            StoryEvent::Rupture,
            StoryEvent::PArrives,
            StoryEvent::SArrives,
        ] {
            assert_eq!(Theatre::event_time_for(&p, e), t.event_time(e));
        }
        // Before the rupture: stress builds, nothing has broken, no waves.
        t.scrub(9.0 / 46.0);
        assert!(t.stress() > 0.3 && t.stress() < 0.7, "{}", t.stress());
        assert_eq!((t.ruptured(), t.wave_time()), (None, None));
        assert_eq!(t.step_index(), 1);
        // The rocks bend: far from the fault they have moved, at it not yet.
        let far = t.uplift(t.fault_x(10.0) + 15.0, 10.0);
        let at = t.uplift(t.fault_x(10.0) + 0.05, 10.0);
        assert!(far > 0.1 && at.abs() < far * 0.1, "{far} {at}");
        // After the rupture has run its length, the fault has slipped: the
        // two sides are offset at the fault.
        t.scrub(20.0 / 46.0);
        let (up, down) = t.ruptured().unwrap();
        assert!(up < 10.0 && down > 10.0);
        let x = t.fault_x(10.0);
        let jump = t.uplift(x + 0.01, 10.0) - t.uplift(x - 0.01, 10.0);
        assert!((jump - SLIP_DRAWN_KM).abs() < 0.1, "offset {jump}");
        // The P front reaches the station exactly at its arrival time.
        t.time_s = p_at;
        let r = t
            .fronts
            .surface_radius(Wave::P, t.wave_time().unwrap())
            .unwrap();
        assert!((r - 24.0).abs() < 0.1, "{r}");
        // Scrubbing never leaves the story.
        t.scrub(7.0);
        assert!(t.finished());
        t.scrub(f64::NAN);
        assert!(t.finished());
        t.scrub(-1.0);
        assert_eq!(t.time_s, 0.0);
    }

    #[test]
    fn rupture_length_follows_wells_and_coppersmith() {
        assert!((rupture_length_km(6.0) - 12.59).abs() < 0.01);
        assert!((rupture_length_km(7.0) - 48.98).abs() < 0.01);
    }
}
