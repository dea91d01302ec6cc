//! `WaveRace` ("The wave race"): the visitor guesses which wave reaches the
//! hall first, then watches P, S and surface-wave fronts spread on a map
//! from the quake; each arrival time at the hall appears as it happens.

pub mod card;
pub mod race;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::map::{self, MapFrame, MapLabel, RegionalMap};
use crate::domain::physics::geo::{distance_deg, km_per_deg};
use crate::domain::physics::taup::TauModel;
use crate::domain::scene::Place;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use race::{Race, Runner};

/// Colour of the P runner, on the map and its card.
pub const RACE_P: Rgba = Rgba::hex(0xffb050);
/// Colour of the S runner.
pub const RACE_S: Rgba = Rgba::hex(0x5ab4ff);
/// Colour of the surface waves.
pub const RACE_SURFACE: Rgba = Rgba::hex(0x7fe0a8);

/// Parameters of a `WaveRace`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaveRaceParams {
    /// What to do, shown beside the map.
    pub intro: Bilingual,
    /// The quake's epicentre.
    pub quake: Place,
    /// Its depth, km.
    pub depth_km: f64,
    /// Its magnitude, shown on the map.
    pub magnitude: f32,
    /// The finish line.
    pub hall: Place,
    /// The Earth model of the travel times: "iasp91" or "ak135".
    pub model: String,
    /// Seconds of the race per second on screen (1-60).
    pub speedup: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

impl WaveRaceParams {
    /// Epicentral distance from the quake to the hall, km.
    pub fn distance_km(&self) -> f64 {
        distance_deg(self.quake.lat, self.quake.lon, self.hall.lat, self.hall.lon) * km_per_deg()
    }
}

impl Kind for WaveRaceParams {
    type State = Race;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        for (name, place) in [("quake", &self.quake), ("hall", &self.hall)] {
            let pp = at.field(name);
            c.text(&pp.field("name"), &place.name, 30);
            c.range_f32(&pp.field("lat"), place.lat as f32, -90.0, 90.0, "degrees");
            c.range_f32(&pp.field("lon"), place.lon as f32, -180.0, 180.0, "degrees");
        }
        c.range_f32(
            &at.field("depth_km"),
            self.depth_km as f32,
            0.0,
            700.0,
            "km",
        );
        c.range_f32(&at.field("magnitude"), self.magnitude, 0.0, 10.0, "");
        c.range_f32(&at.field("speedup"), self.speedup, 1.0, 60.0, "x");
        c.earth_model(&at.field("model"), &self.model);
        let km = self.distance_km();
        if !(20.0..=3000.0).contains(&km) {
            c.error(
                &at.field("hall"),
                format!("the hall is {km:.0} km from the quake: the race map needs 20-3000 km"),
            );
        }
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        vec![
            self.intro.clone(),
            self.quake.name.clone(),
            self.hall.name.clone(),
        ]
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }


    /// The race waits for a guess; `shot --open N` starts it with guess N
    /// (1 P, 2 S, 3 surface waves).
    fn build(&self, opening: &Opening) -> Result<Race, String> {
        let tau = TauModel::shared(&self.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", self.model))?;
        let mut race = Race::new(
            &tau.source(self.depth_km),
            (self.quake.lat, self.quake.lon),
            (self.hall.lat, self.hall.lon),
        )
        .ok_or("the model gives no P or S arrival at the hall")?;
        if let Some(n) = opening.moment {
            race.predict(Runner::ALL[n.clamp(1, 3) - 1]);
        }
        let m = RaceMap::new(self);
        race.map = m.has_backdrop().then_some(m);
        Ok(race)
    }

    /// The regional map under the race, where it covers the square.
    fn pictures(race: &Race) -> Vec<Picture> {
        race.map
            .map(|_| Picture::new(MAP_PX, MAP_PX, map::colours::BACKGROUND))
            .into_iter()
            .collect()
    }

    fn stale(race: &Race, _index: usize) -> bool {
        !race.map_drawn
    }

    fn draw(race: &mut Race, _index: usize, canvas: &mut Canvas) {
        if let Some(m) = race.map {
            let labels = m.labels(&race_points(race));
            map::draw(RegionalMap::shipped(), &m.frame, canvas, &labels);
            race.map_drawn = true;
        }
    }

    fn clock_pace(&self) -> Option<f64> {
        Some(self.speedup as f64)
    }

    fn advance(race: &mut Race, dt: f64) {
        race.advance(dt);
    }

    const CARDS: &'static [Card] = &[("wave-race", card::wave_race)];
}

/// The quake and the hall on the map, as fractions (kept clear of names).
pub fn race_points(race: &Race) -> Vec<(f64, f64)> {
    race.map
        .map(|m| vec![m.frame.at(race.quake.0, race.quake.1), m.frame.at(race.hall.0, race.hall.1), (0.12, 0.95)])
        .unwrap_or_default()
}

/// The square map around the quake and the hall, over the regional map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RaceMap {
    /// The projection.
    pub frame: MapFrame,
}

/// Side of the map's picture, px.
pub const MAP_PX: u32 = 720;

impl RaceMap {
    /// A map centred between the quake and the hall, with room around both.
    pub fn new(p: &WaveRaceParams) -> Self {
        Self {
            frame: MapFrame::new(
                (p.quake.lat + p.hall.lat) / 2.0,
                (p.quake.lon + p.hall.lon) / 2.0,
                (p.distance_km() * 0.8).max(60.0),
            ),
        }
    }

    /// Where a place is, in percent of the map from its top left
    /// (an equirectangular projection about the map's centre).
    pub fn at(&self, lat: f64, lon: f64) -> (f64, f64) {
        let (x, y) = self.frame.at(lat, lon);
        (100.0 * x, 100.0 * y)
    }

    /// A length in percent of the map's side.
    pub fn percent(&self, km: f64) -> f64 {
        100.0 * self.frame.frac(km)
    }

    /// Whether the regional map covers the whole square.
    pub fn has_backdrop(&self) -> bool {
        self.frame.inside_box()
    }

    /// The towns and rivers named on the map, clear of the quake and the
    /// hall (`keep`, in fractions).
    pub fn labels(&self, keep: &[(f64, f64)]) -> Vec<MapLabel> {
        map::labels(RegionalMap::shipped(), &self.frame, 6, 0.14, keep)
    }
}
