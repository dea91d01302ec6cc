//! `SeismicBelts` ("Plates and seismic belts"): a touch globe with the
//! world's plate boundaries coloured by how they move (PB2002, Bird 2003:
//! spreading, transform, converging) and the catalogue's earthquakes of
//! magnitude 6 and more since 1900 lighting up in time order as the years
//! play or the visitor scrubs them (size by magnitude, colour by depth).
//! The Pacific Ring of Fire and the Alpine-Himalayan belt through China
//! draw themselves; a tap on a dot gives that quake's date, place,
//! magnitude and depth; a magnitude filter; the hall's city marked.

pub mod belts;
pub mod card;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::globe::data::{Quake, parse_catalog, shipped};
use crate::domain::globe::texture::{OCEAN, TEXTURE};
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use belts::Belts;

/// Parameters of a `SeismicBelts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeismicBeltsParams {
    /// What to do, shown beside the globe.
    pub intro: Bilingual,
    /// The earthquake catalogue, a CSV file inside `assets/` with the
    /// columns time_utc, latitude, longitude, depth_km, magnitude,
    /// magnitude_type, place, event_type, event_id (only rows whose
    /// event_type is "earthquake" are shown).
    pub catalog: String,
    /// The magnitude filter's choices, smallest first (1-4 of them, 5-9.5):
    /// the first is shown when the exhibit opens.
    pub magnitudes: Vec<f32>,
    /// Years per second while the years play (1-30).
    pub years_per_second: f32,
    /// The city marked on the globe: the hall's.
    pub home: HomeMark,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// A place marked on the globe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeMark {
    /// Its name.
    pub name: Bilingual,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

/// The pictures.
pub mod picture {
    /// The globe's texture.
    pub const TEXTURE: usize = 0;
}

fn read_catalog(path: &std::path::Path) -> Result<Vec<Quake>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut q = parse_catalog(&text).map_err(|e| e.to_string())?;
    // The years play in order whatever order the file has.
    q.sort_by(|a, b| a.year.total_cmp(&b.year));
    Ok(q)
}

impl Kind for SeismicBeltsParams {
    type State = Belts;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("magnitudes"), self.magnitudes.len(), 1, 4, "choices");
        for (i, m) in self.magnitudes.iter().enumerate() {
            c.range_f32(&at.field("magnitudes").index(i), *m, 5.0, 9.5, "magnitude");
        }
        if self.magnitudes.windows(2).any(|w| w[1] <= w[0]) {
            c.error(&at.field("magnitudes"), "list the magnitudes smallest first, each once");
        }
        c.range_f32(&at.field("years_per_second"), self.years_per_second, 1.0, 30.0, "years a second");
        c.text(&at.field("home").field("name"), &self.home.name, 12);
        c.range_f32(&at.field("home").field("lat"), self.home.lat as f32, -90.0, 90.0, "degrees north");
        c.range_f32(&at.field("home").field("lon"), self.home.lon as f32, -180.0, 180.0, "degrees east");
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        c.asset(&at.field("catalog"), &self.catalog, &["csv"]);
        let path = c.assets_dir().join(&self.catalog);
        if path.is_file() {
            match read_catalog(&path) {
                Err(e) => c.error(&at.field("catalog"), e),
                Ok(q) if q.is_empty() => c.error(&at.field("catalog"), "the catalogue holds no earthquake"),
                Ok(_) => {}
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone(), self.home.name.clone()];
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str(), self.catalog.as_str()]
    }

    /// Opens with the years playing from 1900; `shot --open N` shows the
    /// globe at the year 1900 + 10 N, still.
    fn build(&self, opening: &Opening) -> Result<Belts, String> {
        let quakes = read_catalog(&opening.asset(&self.catalog))
            .map_err(|e| format!("{}: {e}", self.catalog))?;
        let mut b = Belts::new(
            quakes,
            shipped::land(),
            shipped::steps(),
            (self.home.name.clone(), self.home.lat, self.home.lon),
            self.years_per_second as f64,
            self.magnitudes.first().copied().unwrap_or(6.0) as f64,
        );
        if let Some(n) = opening.moment {
            b.set_year(belts::YEARS.0 + 10.0 * n as f64);
            b.playing = false;
        }
        Ok(b)
    }

    fn advance(b: &mut Belts, dt: f64) {
        b.advance(dt);
    }

    fn pictures(_: &Belts) -> Vec<Picture> {
        let (w, h) = TEXTURE;
        vec![Picture::new(w, h, OCEAN)]
    }

    fn stale(b: &Belts, _: usize) -> bool {
        b.stale()
    }

    fn draw(b: &mut Belts, _: usize, canvas: &mut Canvas) {
        b.draw(canvas);
    }

    fn carry_over(old: &Belts, new: &mut Belts) {
        new.globe.camera = old.globe.camera;
        new.year = old.year;
        new.playing = old.playing;
        if new.quakes.len() == old.quakes.len() {
            new.chosen = old.chosen;
        }
    }

    const CARDS: &'static [Card] = &[("seismic-belts", card::seismic_belts)];
}

#[cfg(test)]
mod tests;
