//! `EarlyWarning` ("Early-warning countdown"): a map of Chongqing and its
//! neighbours; a quake from the curator's list (a scenario near Rongchang,
//! the 2008 Wenchuan earthquake); the network's stations detect its P
//! wave, the alert goes out after the network's detection and processing
//! time, and a countdown runs at the hall and at the other cities until
//! the S wave arrives. The blind zone, where the S wave comes before any
//! alert, is drawn and explained; each city's expected intensity comes
//! from the attenuation relation. Every number is the physics layer's
//! (`physics::warning`, `physics::intensity`).

pub mod card;
pub mod countdown;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::map::{self, BOX, MapFrame};
use crate::domain::physics::taup::TauModel;
use crate::domain::physics::warning::WarningSystem;
use crate::domain::scene::Place;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use countdown::{City, Countdown, Event, MAP_PX, Quake};

/// Most quakes in the list, cities and stations.
pub const MAX_QUAKES: usize = 4;
/// Most cities counting down.
pub const MAX_CITIES: usize = 6;
/// Most stations of the network.
pub const MAX_STATIONS: usize = 40;

/// Parameters of an `EarlyWarning`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlyWarningParams {
    /// What to do, shown beside the map.
    pub intro: Bilingual,
    /// The quakes the visitor chooses from (1-4), on the regional map.
    pub quakes: Vec<ScenarioQuake>,
    /// The warning network's stations (4-40), on the regional map.
    pub stations: Vec<Place>,
    /// The cities that count down (1-6); the first is the hall's.
    pub cities: Vec<Place>,
    /// Stations that must detect the P wave before the alert (1-10).
    pub stations_needed: u32,
    /// Seconds from the last needed detection to the alert reaching people
    /// (picking, locating, sizing, sending; 0-30).
    pub processing_s: f32,
    /// The Earth model of the travel times: "chongqing", "iasp91" or "ak135".
    pub model: String,
    /// Story seconds per second on screen at normal speed (1-5): 1 runs
    /// the countdown in real seconds.
    pub pace: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// A quake of the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioQuake {
    /// Its name on its button.
    pub name: Bilingual,
    /// Epicentre, degrees north.
    pub lat: f64,
    /// Epicentre, degrees east.
    pub lon: f64,
    /// Focal depth, km (1-60).
    pub depth_km: f32,
    /// Surface-wave magnitude (4-8.5).
    pub magnitude: f32,
}

impl EarlyWarningParams {
    fn system(&self) -> WarningSystem {
        WarningSystem {
            stations_needed: self.stations_needed.max(1) as usize,
            processing_s: self.processing_s.max(0.0) as f64,
        }
    }

    fn events(&self, tau: &TauModel) -> Vec<Result<Event, String>> {
        let stations: Vec<(f64, f64)> = self.stations.iter().map(|s| (s.lat, s.lon)).collect();
        let cities = self.city_list();
        self.quakes
            .iter()
            .map(|q| {
                let quake = Quake {
                    name: q.name.clone(),
                    at: (q.lat, q.lon),
                    depth_km: q.depth_km as f64,
                    magnitude: q.magnitude as f64,
                };
                Event::new(tau, quake, &stations, &cities, self.system()).ok_or_else(|| {
                    format!(
                        "fewer than {} stations see the P wave of {}",
                        self.stations_needed, q.name.en
                    )
                })
            })
            .collect()
    }

    fn city_list(&self) -> Vec<City> {
        self.cities
            .iter()
            .map(|c| City {
                name: c.name.clone(),
                at: (c.lat, c.lon),
            })
            .collect()
    }
}

fn on_map(c: &mut Checker, at: &FieldPath, lat: f64, lon: f64) {
    c.range_f32(&at.field("lat"), lat as f32, BOX[1] as f32, BOX[3] as f32, "degrees north (on the regional map)");
    c.range_f32(&at.field("lon"), lon as f32, BOX[0] as f32, BOX[2] as f32, "degrees east (on the regional map)");
}

impl Kind for EarlyWarningParams {
    type State = Countdown;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("quakes"), self.quakes.len(), 1, MAX_QUAKES, "quakes");
        for (i, q) in self.quakes.iter().enumerate() {
            let qp = at.field("quakes").index(i);
            c.text(&qp.field("name"), &q.name, 30);
            on_map(c, &qp, q.lat, q.lon);
            c.range_f32(&qp.field("depth_km"), q.depth_km, 1.0, 60.0, "km");
            c.range_f32(&qp.field("magnitude"), q.magnitude, 4.0, 8.5, "magnitude");
        }
        c.count(&at.field("stations"), self.stations.len(), 4, MAX_STATIONS, "stations");
        for (i, s) in self.stations.iter().enumerate() {
            let sp = at.field("stations").index(i);
            c.text(&sp.field("name"), &s.name, 16);
            on_map(c, &sp, s.lat, s.lon);
        }
        c.count(&at.field("cities"), self.cities.len(), 1, MAX_CITIES, "cities");
        for (i, s) in self.cities.iter().enumerate() {
            let sp = at.field("cities").index(i);
            c.text(&sp.field("name"), &s.name, 10);
            on_map(c, &sp, s.lat, s.lon);
        }
        c.range_u32(&at.field("stations_needed"), self.stations_needed, 1, 10, "stations");
        if self.stations_needed as usize > self.stations.len() {
            c.error(&at.field("stations_needed"), "more stations needed than the network has");
        }
        c.range_f32(&at.field("processing_s"), self.processing_s, 0.0, 30.0, "s");
        c.range_f32(&at.field("pace"), self.pace, 1.0, 5.0, "story seconds a second");
        c.earth_model(&at.field("model"), &self.model);
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        if let Some(tau) = TauModel::shared(&self.model) {
            for (i, e) in self.events(&tau).into_iter().enumerate() {
                if let Err(e) = e {
                    c.error(&at.field("quakes").index(i), e);
                }
            }
        }
        let mut points: Vec<(f64, f64)> = self.quakes.iter().map(|q| (q.lat, q.lon)).collect();
        points.extend(self.cities.iter().map(|c| (c.lat, c.lon)));
        if !points.is_empty() && !MapFrame::around(&points, 70.0, 150.0).inside_box() {
            c.warn(
                &at.field("cities"),
                "the quakes and cities spread beyond the regional map: its edge will show",
            );
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        t.extend(self.quakes.iter().map(|q| q.name.clone()));
        t.extend(self.cities.iter().map(|c| c.name.clone()));
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }

    fn clock_pace(&self) -> Option<f64> {
        Some(self.pace as f64)
    }

    /// Waits for the visitor's choice; `shot --open N` runs quake N
    /// (from 1) to a moment after its alert; N past the list shows the
    /// summary of the first.
    fn build(&self, opening: &Opening) -> Result<Countdown, String> {
        let tau = TauModel::shared(&self.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", self.model))?;
        let events: Vec<Event> = self.events(&tau).into_iter().filter_map(Result::ok).collect();
        if events.is_empty() {
            return Err("no quake of the list has enough stations to be warned of".into());
        }
        let stations = self.stations.iter().map(|s| (s.name.clone(), s.lat, s.lon)).collect();
        let mut c = Countdown::new(events, stations, self.city_list());
        if let Some(n) = opening.moment {
            if n >= 1 && n <= c.events.len() {
                c.start(n - 1);
                let t = c.event().alert_s + 0.4 * c.event().cities[0].warning.warning_s.max(4.0);
                c.advance(t);
            } else {
                c.start(0);
                c.advance(f64::MAX / 4.0);
            }
        }
        Ok(c)
    }

    fn advance(c: &mut Countdown, dt: f64) {
        c.advance(dt);
    }

    /// A quake's story (up to a minute and a half in real seconds) holds
    /// the idle timer: a visitor watching a countdown is not touching.
    fn busy(c: &Countdown) -> bool {
        c.stage == countdown::Stage::Running
    }

    fn pictures(_: &Countdown) -> Vec<Picture> {
        vec![Picture::new(MAP_PX, MAP_PX, map::colours::BACKGROUND)]
    }

    fn stale(c: &Countdown, _: usize) -> bool {
        c.stale()
    }

    fn draw(c: &mut Countdown, _: usize, canvas: &mut Canvas) {
        c.draw(canvas);
    }

    const CARDS: &'static [Card] = &[("early-warning", card::early_warning)];
}

#[cfg(test)]
mod tests;
