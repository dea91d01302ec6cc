//! The rounds of "Where was the quake?" as a plain state machine. On a
//! round to read, the visitor first drags the S marker on each station's
//! record (P is marked) to read S−P; on an easy round S−P is given. Each
//! S−P becomes a circle on the map, of the radius at which the Earth
//! model's S arrives that long after its P; the visitor drags the pin to
//! where the circles meet, checks, and sees how many km it was from the
//! true epicentre, and where the engine's own location puts it, with its
//! uncertainty. Stars add up to a friendly end.

use std::sync::Arc;

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::map::{self, MapFrame, MapLabel, RegionalMap};
use crate::domain::physics::geo::{distance_deg, km_per_deg};
use crate::domain::physics::locate::Solution;
use crate::domain::physics::taup::TauModel;
use crate::domain::puzzle::seismogram::{Guide, MarkerKind, Seismogram};
use crate::domain::text::Bilingual;

use super::Difficulty;

/// Side of the map picture, px.
pub const MAP_PX: u32 = 640;
/// Size of one station's record, px.
pub const STRIP_W: u32 = 900;
/// Height of one station's record, px.
pub const STRIP_H: u32 = 176;
/// Most stations a round may have (one record picture each).
pub const MAX_STATIONS: usize = 5;

/// The stations' colours, on the map and beside their records.
pub const STATION_COLOURS: [Rgba; MAX_STATIONS] = [
    Rgba::hex(0xffb050),
    Rgba::hex(0x5ab4ff),
    Rgba::hex(0x7fe0a8),
    Rgba::hex(0xf59ad8),
    Rgba::hex(0xfff07a),
];

/// How many stars a pin earns by its distance from the true epicentre:
/// 3 within 5 km (a finger's width on the map), 2 within 15 km, 1 within
/// 40 km.
pub fn stars(error_km: f64) -> u32 {
    match error_km {
        e if !e.is_finite() => 0,
        e if e <= 5.0 => 3,
        e if e <= 15.0 => 2,
        e if e <= 40.0 => 1,
        _ => 0,
    }
}

/// The epicentral distance, km, at which the first S arrives `sp` seconds
/// after the first P from a quake at `depth_km` in `tau`'s Earth model:
/// the circle's radius.
pub fn radius_km(tau: &TauModel, depth_km: f64, sp: f64) -> Option<f64> {
    tau.source(depth_km)
        .distance_for_s_minus_p(sp)
        .map(|d| d * km_per_deg())
}

/// One station of a round.
#[derive(Debug, Clone, PartialEq)]
pub struct Station {
    /// `NET.STA`.
    pub id: String,
    /// Its name on the map.
    pub name: Bilingual,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// The reference S−P, s.
    pub sp_s: f64,
    /// Its record, with P at time zero and the S marker to drag.
    pub view: Seismogram,
    /// The circle's radius on the map, km, once S−P is known.
    pub radius_km: Option<f64>,
}

impl Station {
    /// The S−P the visitor read (the S marker's time), once placed.
    pub fn read_sp(&self) -> Option<f64> {
        self.view
            .marker(MarkerKind::S)
            .filter(|m| m.placed)
            .map(|m| m.t)
    }
}

/// One quake to locate.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// The stations.
    pub stations: Vec<Station>,
    /// The true epicentre: latitude, longitude.
    pub truth: (f64, f64),
    /// The depth the circles assume, km.
    pub depth_km: f64,
    /// The engine's own location from the P and S times.
    pub solution: Option<Solution>,
    /// Whether S−P is given or read.
    pub difficulty: Difficulty,
}

/// Where the visitor is in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading S−P on each record (rounds to read).
    Reading,
    /// Dragging the pin to where the circles meet.
    Placing,
    /// Checked: the true epicentre and the engine's location are shown.
    Checked,
    /// Every round played.
    Finished,
}

/// The result of a checked round.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// The pin's distance from the true epicentre, km.
    pub error_km: f64,
    /// Stars (0-3).
    pub stars: u32,
    /// The engine's location's distance from the true epicentre, km.
    pub engine_error_km: Option<f64>,
}

/// A visit to the exhibit.
#[derive(Debug, Clone)]
pub struct Game {
    /// The rounds, in the scene's order.
    pub rounds: Vec<Round>,
    /// The round being played.
    pub current: usize,
    /// Where in it.
    pub stage: Stage,
    /// The pin: latitude, longitude, once put down.
    pub pin: Option<(f64, f64)>,
    /// The verdict of the current round, once checked.
    pub verdict: Option<Verdict>,
    /// Stars won so far.
    pub total_stars: u32,
    /// Hints asked for in this stage (0, 1: what to do, 2: where to look).
    pub hints: u32,
    /// The map's view, the same for every round.
    pub frame: MapFrame,
    /// The names written on the map.
    pub labels: Vec<MapLabel>,
    tau: Arc<TauModel>,
    base: Canvas,
    /// Bumped when the map's drawing changes.
    revision: u64,
    /// Bumped when anything on the map but the pin changes.
    layer_revision: u64,
    /// The map with everything but the pin, and what it showed.
    layer: Option<((usize, u64), Canvas)>,
    /// What each picture last showed: (round, revision).
    drawn: Vec<Option<(usize, u64)>>,
    /// The record a finger is on.
    held_strip: Option<usize>,
    /// Whether a finger holds the pin.
    holding_pin: bool,
}

impl PartialEq for Game {
    fn eq(&self, o: &Self) -> bool {
        self.rounds == o.rounds
            && self.current == o.current
            && self.stage == o.stage
            && self.pin == o.pin
            && self.verdict == o.verdict
            && self.total_stars == o.total_stars
            && self.hints == o.hints
    }
}

impl Game {
    /// A fresh visit over `rounds` (at least one), circles from `tau`.
    pub fn new(rounds: Vec<Round>, tau: Arc<TauModel>) -> Self {
        let mut points: Vec<(f64, f64)> = Vec::new();
        for r in &rounds {
            points.push(r.truth);
            points.extend(r.stations.iter().map(|s| (s.lat, s.lon)));
        }
        let frame = MapFrame::around(&points, 35.0, 60.0);
        let mut keep: Vec<(f64, f64)> = points.iter().map(|&(a, b)| frame.at(a, b)).collect();
        // The legend's corner.
        keep.push((0.1, 0.95));
        let labels = map::labels(RegionalMap::shipped(), &frame, 8, 0.13, &keep);
        let mut base = Canvas::new(MAP_PX, MAP_PX, map::colours::BACKGROUND);
        map::draw(RegionalMap::shipped(), &frame, &mut base, &labels);
        let mut g = Self {
            rounds,
            current: 0,
            stage: Stage::Reading,
            pin: None,
            verdict: None,
            total_stars: 0,
            hints: 0,
            frame,
            labels,
            tau,
            base,
            revision: 0,
            layer_revision: 0,
            layer: None,
            drawn: vec![None; 1 + MAX_STATIONS],
            held_strip: None,
            holding_pin: false,
        };
        g.start_round(0);
        g
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
        self.layer_revision = self.layer_revision.wrapping_add(1);
    }

    fn start_round(&mut self, i: usize) {
        self.current = i;
        self.pin = None;
        self.verdict = None;
        self.hints = 0;
        self.held_strip = None;
        self.holding_pin = false;
        let tau = self.tau.clone();
        let r = &mut self.rounds[i];
        for s in &mut r.stations {
            s.view.markers.clear();
            s.view.guides.clear();
            s.view.guides.push(Guide {
                t: 0.0,
                half_width_s: 0.0,
                colour: crate::domain::draw::palette::P_WAVE,
            });
            s.view.reset_view();
            s.radius_km = None;
        }
        match r.difficulty {
            Difficulty::Easy => {
                for s in &mut r.stations {
                    s.radius_km = radius_km(&tau, r.depth_km, s.sp_s);
                }
                self.stage = Stage::Placing;
            }
            Difficulty::Medium => {
                for s in &mut r.stations {
                    s.view.add_marker(MarkerKind::S, 0.9);
                }
                self.stage = Stage::Reading;
            }
        }
        self.changed();
    }

    /// The round being played.
    pub fn round(&self) -> &Round {
        &self.rounds[self.current]
    }

    /// Whether every record's S marker is down.
    pub fn can_draw_circles(&self) -> bool {
        self.stage == Stage::Reading && self.round().stations.iter().all(|s| s.read_sp().is_some())
    }

    /// From the records to the map: each read S−P becomes a circle.
    pub fn draw_circles(&mut self) {
        if !self.can_draw_circles() {
            return;
        }
        let tau = self.tau.clone();
        let r = &mut self.rounds[self.current];
        for s in &mut r.stations {
            s.radius_km = s.read_sp().and_then(|sp| radius_km(&tau, r.depth_km, sp));
        }
        self.stage = Stage::Placing;
        self.hints = 0;
        self.changed();
    }

    /// Whether the pin is down, so that the round can be checked.
    pub fn can_check(&self) -> bool {
        self.stage == Stage::Placing && self.pin.is_some()
    }

    /// Scores the pin against the true epicentre.
    pub fn check(&mut self) {
        let Some((lat, lon)) = self.pin.filter(|_| self.can_check()) else {
            return;
        };
        let r = self.round();
        let km = |a: (f64, f64)| distance_deg(a.0, a.1, r.truth.0, r.truth.1) * km_per_deg();
        let error_km = km((lat, lon));
        let v = Verdict {
            error_km,
            stars: stars(error_km),
            engine_error_km: r.solution.as_ref().map(|s| km((s.latitude, s.longitude))),
        };
        self.total_stars += v.stars;
        self.verdict = Some(v);
        self.stage = Stage::Checked;
        self.holding_pin = false;
        self.changed();
    }

    /// On to the next round, or the end.
    pub fn next(&mut self) {
        if self.stage != Stage::Checked {
            return;
        }
        if self.current + 1 < self.rounds.len() {
            self.start_round(self.current + 1);
        } else {
            self.stage = Stage::Finished;
            self.changed();
        }
    }

    /// A new visit from the first round.
    pub fn restart(&mut self) {
        self.total_stars = 0;
        self.start_round(0);
    }

    /// Most stars a visit can win.
    pub fn max_stars(&self) -> u32 {
        3 * self.rounds.len() as u32
    }

    /// One more hint: first what to do, then where to look (a lit band
    /// around each S, or a glow where the circles meet).
    pub fn hint(&mut self) {
        if !matches!(self.stage, Stage::Reading | Stage::Placing) {
            return;
        }
        self.hints = (self.hints + 1).min(2);
        if self.hints == 2 && self.stage == Stage::Reading {
            let r = &mut self.rounds[self.current];
            for s in &mut r.stations {
                let band = Guide {
                    t: s.sp_s,
                    half_width_s: (0.12 * s.sp_s).max(0.8),
                    colour: crate::domain::draw::palette::S_WAVE.alpha(60),
                };
                if !s.view.guides.contains(&band) {
                    s.view.guides.push(band);
                    s.view.revision = s.view.revision.wrapping_add(1);
                }
            }
        }
        self.changed();
    }

    /// Where the circles meet best: the point whose distances to the
    /// stations differ least (in the least-squares sense) from the circles'
    /// radii, found on a grid over the map and refined.
    pub fn best_point(&self) -> Option<(f64, f64)> {
        let r = self.round();
        let circles: Vec<(f64, f64, f64)> = r
            .stations
            .iter()
            .filter_map(|s| Some((s.lat, s.lon, s.radius_km?)))
            .collect();
        best_point(&circles, &self.frame)
    }

    /// A finger went down on the map at fractions `(fx, fy)`: the pin goes
    /// there and follows the finger.
    pub fn map_press(&mut self, fx: f64, fy: f64) {
        if self.stage != Stage::Placing || !(fx.is_finite() && fy.is_finite()) {
            return;
        }
        self.holding_pin = true;
        self.move_pin(fx, fy);
    }

    /// The finger moved on the map.
    pub fn map_drag(&mut self, fx: f64, fy: f64) {
        if self.holding_pin && self.stage == Stage::Placing && fx.is_finite() && fy.is_finite() {
            self.move_pin(fx, fy);
        }
    }

    /// The finger lifted from the map.
    pub fn map_release(&mut self) {
        self.holding_pin = false;
    }

    fn move_pin(&mut self, fx: f64, fy: f64) {
        let p = self.frame.lat_lon(fx.clamp(0.0, 1.0), fy.clamp(0.0, 1.0));
        if self.pin != Some(p) {
            self.pin = Some(p);
            // Only the pin moved: the circles under it are kept.
            self.revision = self.revision.wrapping_add(1);
        }
    }

    /// A finger went down on record `i` at `x` of its width `w`: it takes
    /// the S flag if it is there, else the flag jumps to the finger.
    pub fn strip_press(&mut self, i: usize, x: f32, w: f32) {
        if self.stage != Stage::Reading || !x.is_finite() {
            return;
        }
        let Some(s) = self.rounds[self.current].stations.get_mut(i) else {
            return;
        };
        if !s.view.press(x, w) {
            s.view.place(MarkerKind::S, (x / w.max(1.0)) as f64);
            s.view.press(x, w);
        }
        self.held_strip = Some(i);
    }

    /// The finger moved on record `i`.
    pub fn strip_drag(&mut self, i: usize, x: f32, w: f32) {
        if self.held_strip != Some(i) || self.stage != Stage::Reading || !x.is_finite() {
            return;
        }
        if let Some(s) = self.rounds[self.current].stations.get_mut(i) {
            s.view.drag_to(x, w);
        }
    }

    /// The finger lifted from a record.
    pub fn strip_release(&mut self) {
        if let Some(i) = self.held_strip.take()
            && let Some(s) = self.rounds[self.current].stations.get_mut(i)
        {
            s.view.release();
        }
    }

    /// Whether picture `index` (0 the map, then the records) shows
    /// something new since it was last drawn.
    pub fn stale(&self, index: usize) -> bool {
        self.drawn.get(index).copied().flatten() != Some(self.picture_key(index))
    }

    fn picture_key(&self, index: usize) -> (usize, u64) {
        let rev = if index == 0 {
            self.revision
        } else {
            self.round()
                .stations
                .get(index - 1)
                .map_or(u64::MAX, |s| s.view.revision)
        };
        (self.current, rev)
    }

    /// Draws picture `index` into `c`: the map, or record `index - 1`.
    pub fn draw(&mut self, index: usize, c: &mut Canvas) {
        let key = self.picture_key(index);
        if index == 0 {
            self.draw_map(c);
        } else if let Some(s) = self.round().stations.get(index - 1) {
            s.view.draw(c);
        } else {
            c.clear(map::colours::BACKGROUND);
        }
        if let Some(d) = self.drawn.get_mut(index) {
            *d = Some(key);
        }
    }

    fn px(&self, lat: f64, lon: f64) -> (f32, f32) {
        let (x, y) = self.frame.at(lat, lon);
        ((x * MAP_PX as f64) as f32, (y * MAP_PX as f64) as f32)
    }

    fn km_px(&self, km: f64) -> f32 {
        (self.frame.frac(km) * MAP_PX as f64) as f32
    }

    /// Draws the map: the layer under the pin (drawn again only when
    /// something but the pin changed), then the pin.
    fn draw_map(&mut self, c: &mut Canvas) {
        let key = (self.current, self.layer_revision);
        if self.layer.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut layer = self.base.clone();
            self.draw_layer(&mut layer);
            self.layer = Some((key, layer));
        }
        match &self.layer {
            Some((_, layer)) if layer.rgba.len() == c.rgba.len() => c.rgba.copy_from_slice(&layer.rgba),
            _ => c.clear(map::colours::BACKGROUND),
        }
        if let Some((lat, lon)) = self.pin {
            let (x, y) = self.px(lat, lon);
            // A pin: a round head above the point, its tip on the point.
            c.fill_polygon(&[(x - 9.0, y - 26.0), (x + 9.0, y - 26.0), (x, y)], Rgba::hex(0x10202e));
            c.fill_circle(x, y - 32.0, 16.0, Rgba::hex(0x10202e));
            c.fill_circle(x, y - 32.0, 12.0, Rgba::hex(0xe63946));
            c.fill_polygon(&[(x - 6.0, y - 27.0), (x + 6.0, y - 27.0), (x, y - 3.0)], Rgba::hex(0xe63946));
            c.fill_circle(x, y - 32.0, 4.5, Rgba::hex(0xffffff));
        }
    }

    /// Everything on the map but the pin, over the base map in `c`.
    fn draw_layer(&self, c: &mut Canvas) {
        let r = self.round();
        if self.stage != Stage::Reading {
            if self.stage == Stage::Placing
                && self.hints >= 2
                && let Some((lat, lon)) = self.best_point()
            {
                let (x, y) = self.px(lat, lon);
                c.fill_circle(x, y, self.km_px(12.0).max(18.0), Rgba::hex(0xffffff).alpha(70));
            }
            for (k, s) in r.stations.iter().enumerate() {
                if let Some(km) = s.radius_km {
                    let (x, y) = self.px(s.lat, s.lon);
                    let col = STATION_COLOURS[k % MAX_STATIONS];
                    c.fill_circle(x, y, self.km_px(km), col.alpha(28));
                    c.ring(x, y, self.km_px(km), 4.0, col);
                }
            }
        }
        if matches!(self.stage, Stage::Checked | Stage::Finished) {
            if let Some(sol) = &r.solution {
                let (x, y) = self.px(sol.latitude, sol.longitude);
                let u = &sol.uncertainty;
                let (rx, ry) = (
                    self.km_px(u.longitude_km).max(7.0),
                    self.km_px(u.latitude_km).max(7.0),
                );
                c.fill_ellipse(x, y, rx, ry, Rgba::hex(0xffffff).alpha(60));
                c.ring_ellipse(x, y, rx, ry, 2.5, Rgba::hex(0xffffff));
                c.fill_circle(x, y, 4.0, Rgba::hex(0xffffff));
            }
            let (x, y) = self.px(r.truth.0, r.truth.1);
            c.fill_star(x, y, 24.0, Rgba::hex(0x10202e));
            c.fill_star(x, y, 19.0, Rgba::hex(0xffd23f));
        }
        for (k, s) in r.stations.iter().enumerate() {
            let (x, y) = self.px(s.lat, s.lon);
            let col = STATION_COLOURS[k % MAX_STATIONS];
            let tri = |h: f32| vec![(x, y - h), (x + h * 0.9, y + h * 0.6), (x - h * 0.9, y + h * 0.6)];
            c.fill_polygon(&tri(17.0), Rgba::hex(0x10202e));
            c.fill_polygon(&tri(12.0), col);
        }
        map::draw_scale_bar(c, &self.frame, MAP_PX, 50.0);
    }

    /// Where the scale bar ends, as fractions of the map (for its label).
    pub fn scale_bar(&self) -> (f64, f64, f64) {
        map::scale_bar(&self.frame, MAP_PX, 50.0)
    }
}

/// The point whose distances to the circles' centres `(lat, lon, radius
/// km)` best match their radii (least squares), searched on a grid over
/// `frame` and refined about the best node.
pub fn best_point(circles: &[(f64, f64, f64)], frame: &MapFrame) -> Option<(f64, f64)> {
    if circles.len() < 2 {
        return None;
    }
    let kd = km_per_deg();
    let misfit = |lat: f64, lon: f64| -> f64 {
        circles
            .iter()
            .map(|&(a, b, r)| (distance_deg(lat, lon, a, b) * kd - r).powi(2))
            .sum()
    };
    let mut best = (f64::INFINITY, 0.5, 0.5);
    let mut span = 0.5;
    let mut centre = (0.5, 0.5);
    for _ in 0..6 {
        for i in -20..=20 {
            for j in -20..=20 {
                let fx = centre.0 + span * i as f64 / 20.0;
                let fy = centre.1 + span * j as f64 / 20.0;
                let (lat, lon) = frame.lat_lon(fx, fy);
                let m = misfit(lat, lon);
                if m < best.0 {
                    best = (m, fx, fy);
                }
            }
        }
        centre = (best.1, best.2);
        span /= 8.0;
    }
    Some(frame.lat_lon(best.1, best.2))
}
