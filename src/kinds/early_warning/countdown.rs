//! The visitor state of "Early-warning countdown": a quake from the
//! curator's list on the regional map; the P and S fronts spread from it;
//! the network's stations light as P reaches them; once enough have and
//! the processing time has passed the alert goes out, and each city counts
//! down the seconds until its S wave arrives. Inside the blind zone the S
//! wave has come before the alert: no warning there. Every number is
//! [`warning::warning`]'s, the expected intensities
//! [`intensity::intensity_at`]'s.

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::map::{self, MapFrame, MapLabel, RegionalMap};
use crate::domain::physics::fronts::LocalFronts;
use crate::domain::physics::geo::{distance_deg, km_per_deg};
use crate::domain::physics::intensity;
use crate::domain::physics::taup::{TauModel, Wave};
use crate::domain::physics::warning::{Warning, WarningSystem, warning};
use crate::domain::text::Bilingual;

/// The map's side, pixels.
pub const MAP_PX: u32 = 640;
/// Seconds the last S arrival stays on screen before the summary.
pub const HOLD_S: f64 = 3.0;

/// Colour of the P front.
pub const P_COLOUR: Rgba = Rgba::hex(0xffb050);
/// Colour of the S front (the shaking).
pub const S_COLOUR: Rgba = Rgba::hex(0xff4b4b);
/// Colour of a station that has detected P.
pub const DETECTED: Rgba = Rgba::hex(0xffd23f);
/// Colour of the blind zone.
pub const BLIND: Rgba = Rgba::hex(0x9b2c6e);

/// A quake of the curator's list.
#[derive(Debug, Clone, PartialEq)]
pub struct Quake {
    /// Its name.
    pub name: Bilingual,
    /// Epicentre: latitude, longitude.
    pub at: (f64, f64),
    /// Focal depth, km.
    pub depth_km: f64,
    /// Magnitude (surface-wave), for the intensities.
    pub magnitude: f64,
}

/// A city that receives the alert.
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    /// Its name.
    pub name: Bilingual,
    /// Latitude, longitude.
    pub at: (f64, f64),
}

/// One city's side of one quake.
#[derive(Debug, Clone, PartialEq)]
pub struct CityWarning {
    /// Epicentral distance, km.
    pub distance_km: f64,
    /// The physics layer's warning for the city.
    pub warning: Warning,
    /// The degree it is expected to shake to (1-12).
    pub degree: u8,
}

impl CityWarning {
    /// Whether the city is inside the blind zone (the S wave comes first).
    pub fn blind(&self) -> bool {
        self.warning.warning_s <= 0.0
    }
}

/// One quake worked out: when each station detects it, the alert, each
/// city's warning, the blind zone and the fronts.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The quake.
    pub quake: Quake,
    /// P arrival at each station, s after origin (`None`: out of reach).
    pub detections: Vec<Option<f64>>,
    /// When the alert goes out, s after origin.
    pub alert_s: f64,
    /// Radius of the blind zone, km.
    pub blind_zone_km: f64,
    /// Each city's warning, in the cities' order.
    pub cities: Vec<CityWarning>,
    /// The fronts, out to beyond the farthest city.
    pub fronts: LocalFronts,
    /// When the story ends: the last city's S plus [`HOLD_S`].
    pub end_s: f64,
}

impl Event {
    /// Works out `quake` for the network's `stations` and `system` and the
    /// `cities`; `None` when fewer stations than needed see its P wave.
    pub fn new(
        tau: &TauModel,
        quake: Quake,
        stations: &[(f64, f64)],
        cities: &[City],
        system: WarningSystem,
    ) -> Option<Self> {
        let times = tau.source(quake.depth_km);
        let at = quake.at;
        let detections = stations
            .iter()
            .map(|&(la, lo)| times.first_time(Wave::P, distance_deg(at.0, at.1, la, lo)))
            .collect();
        let mut warnings = Vec::new();
        for c in cities {
            let w = warning(&times, at, stations, c.at, system)?;
            let distance_km = distance_deg(at.0, at.1, c.at.0, c.at.1) * km_per_deg();
            let i = intensity::intensity_at(quake.magnitude, distance_km, quake.depth_km);
            warnings.push(CityWarning {
                distance_km,
                degree: i.round().clamp(1.0, 12.0) as u8,
                warning: w,
            });
        }
        let first = warnings.first()?.warning.clone();
        let reach = warnings.iter().map(|w| w.distance_km).fold(first.blind_zone_km, f64::max);
        let last_s = warnings.iter().map(|w| w.warning.s_at_target_s).fold(first.alert_s, f64::max);
        Some(Self {
            quake,
            detections,
            alert_s: first.alert_s,
            blind_zone_km: first.blind_zone_km,
            cities: warnings,
            fronts: LocalFronts::new(&times, reach * 1.15 + 20.0),
            end_s: last_s + HOLD_S,
        })
    }
}

/// Where the visit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for the visitor to choose a quake.
    Choosing,
    /// The quake is running.
    Running,
    /// Every city has been shaken: the summary.
    Done,
}

/// The visit.
#[derive(Debug, Clone)]
pub struct Countdown {
    /// The quakes worked out, in the curator's order.
    pub events: Vec<Event>,
    /// The network's stations: name, latitude, longitude.
    pub stations: Vec<(Bilingual, f64, f64)>,
    /// The cities; the first is the hall's.
    pub cities: Vec<City>,
    /// The quake chosen.
    pub current: usize,
    /// The stage.
    pub stage: Stage,
    /// Seconds since the quake's origin.
    pub t: f64,
    /// The map's view.
    pub frame: MapFrame,
    /// The names written on the map.
    pub labels: Vec<MapLabel>,
    /// Quakes played through in this visit.
    pub played: u32,
    /// Where each city's name goes beside its dot.
    pub label_sides: Vec<LabelSide>,
    base: Canvas,
    /// What the map last showed (a key of what it draws).
    drawn: Option<(usize, Stage, i64)>,
}

impl PartialEq for Countdown {
    fn eq(&self, o: &Self) -> bool {
        self.events == o.events
            && self.stations == o.stations
            && self.cities == o.cities
            && self.current == o.current
            && self.stage == o.stage
            && self.t == o.t
            && self.played == o.played
    }
}

impl Countdown {
    /// A fresh visit over `events` (at least one).
    pub fn new(events: Vec<Event>, stations: Vec<(Bilingual, f64, f64)>, cities: Vec<City>) -> Self {
        let mut points: Vec<(f64, f64)> = events.iter().map(|e| e.quake.at).collect();
        points.extend(cities.iter().map(|c| c.at));
        let frame = MapFrame::around(&points, 70.0, 150.0);
        let mut keep: Vec<(f64, f64)> = points.iter().map(|&(a, b)| frame.at(a, b)).collect();
        keep.extend(stations.iter().map(|s| frame.at(s.1, s.2)));
        // The cities carry their own names (and countdowns): the map names
        // only rivers and a few towns away from them.
        let labels = map::labels(RegionalMap::shipped(), &frame, 3, 0.16, &keep);
        let mut base = Canvas::new(MAP_PX, MAP_PX, map::colours::BACKGROUND);
        map::draw(RegionalMap::shipped(), &frame, &mut base, &labels);
        let label_sides = label_sides(&frame, &events, &stations, &cities);
        Self {
            label_sides,
            events,
            stations,
            cities,
            current: 0,
            stage: Stage::Choosing,
            t: 0.0,
            frame,
            labels,
            played: 0,
            base,
            drawn: None,
        }
    }

    /// The quake chosen, worked out.
    pub fn event(&self) -> &Event {
        &self.events[self.current.min(self.events.len() - 1)]
    }

    /// Starts quake `i` from its origin time.
    pub fn start(&mut self, i: usize) {
        self.current = i.min(self.events.len() - 1);
        self.t = 0.0;
        self.stage = Stage::Running;
    }

    /// Back to choosing a quake.
    pub fn again(&mut self) {
        self.stage = Stage::Choosing;
        self.t = 0.0;
    }

    /// Moves the story on by `dt` story seconds.
    pub fn advance(&mut self, dt: f64) {
        if self.stage != Stage::Running || !dt.is_finite() {
            return;
        }
        self.t += dt.max(0.0);
        if self.t >= self.event().end_s {
            self.t = self.event().end_s;
            self.stage = Stage::Done;
            self.played += 1;
        }
    }

    /// Whether the alert has gone out.
    pub fn alerted(&self) -> bool {
        self.stage != Stage::Choosing && self.t >= self.event().alert_s
    }

    /// How many stations have detected the P wave.
    pub fn detected(&self) -> usize {
        if self.stage == Stage::Choosing {
            return 0;
        }
        self.event().detections.iter().filter(|d| d.is_some_and(|p| p <= self.t)).count()
    }

    /// What city `i` shows now.
    pub fn city_state(&self, i: usize) -> CityState {
        let Some(c) = self.event().cities.get(i) else {
            return CityState::Waiting;
        };
        if self.stage == Stage::Choosing {
            return CityState::Waiting;
        }
        let s = c.warning.s_at_target_s;
        if self.t >= s {
            CityState::Shaking {
                degree: c.degree,
                warned_s: c.warning.warning_s,
            }
        } else if self.alerted() {
            CityState::Counting { seconds_left: s - self.t }
        } else {
            CityState::Waiting
        }
    }

    /// The P and S fronts' radii along the surface now, km (`None` before
    /// each reaches the surface).
    pub fn fronts_km(&self) -> (Option<f64>, Option<f64>) {
        if self.stage == Stage::Choosing {
            return (None, None);
        }
        let f = &self.event().fronts;
        (f.surface_radius(Wave::P, self.t), f.surface_radius(Wave::S, self.t))
    }

    /// Whether the map shows something new since it was last drawn.
    pub fn stale(&self) -> bool {
        self.drawn != Some(self.key())
    }

    /// The map changes with the quake, the stage and the time (drawn at
    /// most every twentieth of a story second).
    fn key(&self) -> (usize, Stage, i64) {
        let t = if self.stage == Stage::Running { (self.t * 20.0) as i64 } else { -1 };
        (self.current, self.stage, t)
    }

    fn px(&self, lat: f64, lon: f64) -> (f32, f32) {
        let (x, y) = self.frame.at(lat, lon);
        ((x * MAP_PX as f64) as f32, (y * MAP_PX as f64) as f32)
    }

    fn km_px(&self, km: f64) -> f32 {
        (self.frame.frac(km) * MAP_PX as f64) as f32
    }

    /// Draws the map: the blind zone once the alert is out, the S front's
    /// shaking disc and the P front's ring, the stations (lit when they
    /// have detected P), the cities and the epicentre.
    pub fn draw(&mut self, c: &mut Canvas) {
        if c.rgba.len() == self.base.rgba.len() {
            c.rgba.copy_from_slice(&self.base.rgba);
        } else {
            c.clear(map::colours::BACKGROUND);
        }
        let e = self.event();
        let (x, y) = self.px(e.quake.at.0, e.quake.at.1);
        if self.stage != Stage::Choosing {
            let (p, s) = self.fronts_km();
            let ring = |c: &mut Canvas, r: f32, w: f32, col: Rgba| c.fill_annulus(x, y, (r - w / 2.0).max(0.0), r + w / 2.0, col);
            if self.alerted() {
                let r = self.km_px(e.blind_zone_km);
                c.fill_annulus(x, y, 0.0, r, BLIND.alpha(120));
                ring(c, r, 3.0, BLIND.mix(Rgba::hex(0xffffff), 0.4));
            }
            if let Some(s) = s {
                let r = self.km_px(s);
                c.fill_annulus(x, y, 0.0, r, S_COLOUR.alpha(55));
                ring(c, r, 5.0, S_COLOUR);
            }
            if let Some(p) = p {
                ring(c, self.km_px(p), 3.5, P_COLOUR);
            }
        }
        for (k, st) in self.stations.iter().enumerate() {
            let (sx, sy) = self.px(st.1, st.2);
            let lit = self.stage != Stage::Choosing
                && e.detections.get(k).copied().flatten().is_some_and(|p| p <= self.t);
            let tri = |h: f32| vec![(sx, sy - h), (sx + h * 0.9, sy + h * 0.6), (sx - h * 0.9, sy + h * 0.6)];
            c.fill_polygon(&tri(12.0), Rgba::hex(0x10202e));
            c.fill_polygon(&tri(8.0), if lit { DETECTED } else { Rgba::hex(0x9aa8b4) });
        }
        for (i, city) in self.cities.iter().enumerate() {
            let (cx, cy) = self.px(city.at.0, city.at.1);
            let colour = match self.city_state(i) {
                CityState::Shaking { .. } => S_COLOUR,
                CityState::Counting { .. } => Rgba::hex(0x7fe0a8),
                CityState::Waiting => Rgba::hex(0xffffff),
            };
            let r = if i == 0 { 13.0 } else { 10.0 };
            c.fill_circle(cx, cy, r + 3.0, Rgba::hex(0x10202e));
            c.fill_circle(cx, cy, r, colour);
            if i == 0 {
                c.fill_circle(cx, cy, 4.0, Rgba::hex(0x10202e));
            }
        }
        c.fill_star(x, y, 22.0, Rgba::hex(0x10202e));
        c.fill_star(x, y, 17.0, Rgba::hex(0xffffff));
        map::draw_scale_bar(c, &self.frame, MAP_PX, 100.0);
        self.drawn = Some(self.key());
    }

    /// Where the scale bar lies, as fractions of the map: left, top, width.
    pub fn scale_bar(&self) -> (f64, f64, f64) {
        map::scale_bar(&self.frame, MAP_PX, 100.0)
    }
}

/// What a city shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CityState {
    /// Before the alert: nothing yet.
    Waiting,
    /// Alerted: seconds until its S wave.
    Counting {
        /// Seconds left.
        seconds_left: f64,
    },
    /// Its S wave has come.
    Shaking {
        /// The degree it shakes to.
        degree: u8,
        /// The warning it had, s (negative: none, the S wave came first).
        warned_s: f64,
    },
}

/// A side of a dot for its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelSide {
    /// To the right.
    Right,
    /// To the left.
    Left,
    /// Above.
    Above,
    /// Below.
    Below,
}

impl LabelSide {
    /// Where a name of `width` by `height` (fractions of the map) sits
    /// beside a dot at (`fx`, `fy`): its centre.
    pub fn centre(self, fx: f64, fy: f64, width: f64, height: f64) -> (f64, f64) {
        let gap = 0.03;
        match self {
            LabelSide::Right => (fx + gap + width / 2.0, fy),
            LabelSide::Left => (fx - gap - width / 2.0, fy),
            LabelSide::Above => (fx, fy - gap - height / 2.0),
            LabelSide::Below => (fx, fy + gap + height / 2.0),
        }
    }
}

/// Each city's side for its name: of the four, the one whose label lies
/// on the map and farthest from the epicentres, the other cities, the
/// labels already placed and the stations (the hall's placed first).
fn label_sides(
    frame: &MapFrame,
    events: &[Event],
    stations: &[(Bilingual, f64, f64)],
    cities: &[City],
) -> Vec<LabelSide> {
    // A name is about a quarter of the map wide and a twentieth high.
    let (w, h) = (0.26, 0.05);
    let mut avoid: Vec<(f64, f64, f64)> = Vec::new();
    avoid.extend(events.iter().map(|e| {
        let (x, y) = frame.at(e.quake.at.0, e.quake.at.1);
        (x, y, 3.0)
    }));
    avoid.extend(cities.iter().map(|c| {
        let (x, y) = frame.at(c.at.0, c.at.1);
        (x, y, 2.0)
    }));
    avoid.extend(stations.iter().map(|s| {
        let (x, y) = frame.at(s.1, s.2);
        (x, y, 0.5)
    }));
    let mut out = Vec::new();
    for c in cities {
        let (fx, fy) = frame.at(c.at.0, c.at.1);
        let score = |side: LabelSide| {
            let (cx, cy) = side.centre(fx, fy, w, h);
            let off_map = cx - w / 2.0 < 0.0 || cx + w / 2.0 > 1.0 || cy - h / 2.0 < 0.0 || cy + h / 2.0 > 1.0;
            let crowd: f64 = avoid
                .iter()
                .map(|&(x, y, weight)| {
                    // Distance from the label's box, in label sizes.
                    let dx = ((x - cx).abs() - w / 2.0).max(0.0) / w;
                    let dy = ((y - cy).abs() - h / 2.0).max(0.0) / h;
                    weight / (0.05 + dx * dx + dy * dy)
                })
                .sum();
            crowd + if off_map { 1e6 } else { 0.0 }
        };
        let best = [LabelSide::Right, LabelSide::Left, LabelSide::Above, LabelSide::Below]
            .into_iter()
            .min_by(|a, b| score(*a).total_cmp(&score(*b)))
            .unwrap_or(LabelSide::Right);
        let (cx, cy) = best.centre(fx, fy, w, h);
        // The placed label keeps the next ones away.
        for k in [-1.0, 0.0, 1.0] {
            avoid.push((cx + k * w / 3.0, cy, 2.0));
        }
        out.push(best);
    }
    out
}
