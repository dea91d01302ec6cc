//! `ThroughEarth` ("Through the Earth"): an Earth cross-section (iasp91 or
//! ak135 layers) where P, core-P and S fronts advance from a quake the
//! visitor places by touch; the P shadow zone is drawn once the fronts
//! have shown it; surface stations light up on P arrival and their records
//! draw as the waves arrive.

pub mod card;
pub mod earth;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use earth::ThroughEarth;

/// Parameters of a `ThroughEarth`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThroughEarthParams {
    /// What to do, shown beside the Earth.
    pub intro: Bilingual,
    /// The Earth model: "iasp91" or "ak135".
    pub model: String,
    /// Depth of the quake when the exhibit opens, km (0-700).
    pub depth_km: f64,
    /// Distances of the surface stations from the quake, degrees (1-8 of them).
    pub stations_deg: Vec<f64>,
    /// Seconds of travel per second on screen (1-300).
    pub speedup: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// Side of the cross-section picture, pixels.
pub const EARTH_PX: u32 = 640;
/// Width of the records picture, pixels.
pub const RECORDS_W: u32 = 640;
/// Height of one station's record, pixels.
pub const RECORD_ROW_PX: u32 = 48;
/// Seconds of record shown.
const RECORD_WINDOW_S: f64 = 1500.0;
const BACKGROUND: Rgba = Rgba::hex(0x102a3a);

/// The pictures: the cross-section, then the stations' records.
pub mod picture {
    /// The Earth's cross-section.
    pub const EARTH: usize = 0;
    /// The stations' records, one row each.
    pub const RECORDS: usize = 1;
}

/// The running exhibit: the cross-section, and its layers drawn once (they
/// never move) to copy under every frame's waves.
pub struct EarthSection {
    /// The cross-section, the quake and the stations.
    pub earth: ThroughEarth,
    layers: Option<Canvas>,
}

impl Kind for ThroughEarthParams {
    type State = EarthSection;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.earth_model(&at.field("model"), &self.model);
        c.range_f32(
            &at.field("depth_km"),
            self.depth_km as f32,
            0.0,
            700.0,
            "km",
        );
        c.range_f32(&at.field("speedup"), self.speedup, 1.0, 300.0, "x");
        c.count(
            &at.field("stations_deg"),
            self.stations_deg.len(),
            1,
            8,
            "stations",
        );
        for (i, d) in self.stations_deg.iter().enumerate() {
            c.range_f32(
                &at.field("stations_deg").index(i),
                *d as f32,
                1.0,
                179.0,
                "degrees",
            );
        }
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        vec![self.intro.clone()]
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }


    /// The quake at the scene's depth; `shot --open N` shows the waves N
    /// minutes after it.
    fn build(&self, opening: &Opening) -> Result<EarthSection, String> {
        let mut earth = ThroughEarth::new(&self.model, self.depth_km, &self.stations_deg)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", self.model))?;
        if let Some(n) = opening.moment {
            earth.advance(n as f64 * 60.0);
        }
        Ok(EarthSection {
            earth,
            layers: None,
        })
    }

    fn clock_pace(&self) -> Option<f64> {
        Some(self.speedup as f64)
    }

    fn advance(s: &mut EarthSection, dt: f64) {
        s.earth.advance(dt);
    }

    fn pictures(s: &EarthSection) -> Vec<Picture> {
        let rows = s.earth.stations.len().max(1) as u32;
        vec![
            Picture::new(EARTH_PX, EARTH_PX, BACKGROUND),
            Picture::new(RECORDS_W, rows * RECORD_ROW_PX, BACKGROUND),
        ]
    }

    fn draw(s: &mut EarthSection, index: usize, canvas: &mut Canvas) {
        if index == picture::EARTH {
            let earth = &s.earth;
            let layers = s.layers.get_or_insert_with(|| {
                let mut c = Canvas::new(canvas.width, canvas.height, BACKGROUND);
                earth.draw_layers(&mut c);
                c
            });
            canvas.rgba.copy_from_slice(&layers.rgba);
            earth.draw_waves(canvas);
        } else {
            canvas.clear(BACKGROUND);
            s.earth.draw_records(canvas, RECORD_WINDOW_S);
        }
    }

    const CARDS: &'static [Card] = &[("through-earth", card::through_earth)];
}
