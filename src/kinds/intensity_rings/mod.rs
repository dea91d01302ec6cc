//! `IntensityRings` ("Magnitude and intensity"): one magnitude, many
//! intensities. A quake on the regional map, its magnitude on a slider,
//! and around its epicentre the rings of the China seismic intensity scale
//! (GB/T 17742-2020) from the attenuation relation for western China
//! ([`crate::domain::physics::intensity`]); a tap on a ring (or a degree's
//! button) says what people there feel and see, in both languages; a
//! second quake of the same magnitude but deeper shows smaller rings.

pub mod card;
pub mod rings;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::map::{MapFrame, colours};
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use rings::{MAP_PX, Rings};

/// Parameters of an `IntensityRings`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntensityRingsParams {
    /// What to do, shown beside the map.
    pub intro: Bilingual,
    /// Where the quake is: on the regional map (lon 100-112 E, lat 24-34 N).
    pub epicentre: NamedPlace,
    /// The magnitude slider.
    pub magnitude: MagnitudeSlider,
    /// The two focal depths, km (1-60): a shallow quake, then a deeper one
    /// of the same magnitude.
    pub depths_km: Vec<f32>,
    /// Half the map's side, km (150-450): the map shows this far each way
    /// from the epicentre, and must stay on the regional map.
    pub half_km: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// A named place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedPlace {
    /// Its name, shown beside the map.
    pub name: Bilingual,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

/// A magnitude slider's ends and where it starts (surface-wave magnitude,
/// 3-8.5: the range of the attenuation relation's quakes).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MagnitudeSlider {
    /// The left end.
    pub min: f32,
    /// The right end.
    pub max: f32,
    /// Where it stands when the exhibit opens.
    pub start: f32,
}

impl Kind for IntensityRingsParams {
    type State = Rings;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        let e = at.field("epicentre");
        c.text(&e.field("name"), &self.epicentre.name, 16);
        c.range_f32(&e.field("lat"), self.epicentre.lat as f32, 24.0, 34.0, "degrees north");
        c.range_f32(&e.field("lon"), self.epicentre.lon as f32, 100.0, 112.0, "degrees east");
        let m = at.field("magnitude");
        let s = self.magnitude;
        c.range_f32(&m.field("min"), s.min, 3.0, 8.5, "magnitude");
        c.range_f32(&m.field("max"), s.max, 3.0, 8.5, "magnitude");
        if s.max <= s.min {
            c.error(&m.field("max"), "the right end must be above the left end (min)");
        } else if !(s.min..=s.max).contains(&s.start) {
            c.error(&m.field("start"), format!("start on the slider, between {} and {}", s.min, s.max));
        }
        let d = at.field("depths_km");
        c.count(&d, self.depths_km.len(), 2, 2, "depths (the shallow one, then the deeper one)");
        for (i, v) in self.depths_km.iter().enumerate() {
            c.range_f32(&d.index(i), *v, 1.0, 60.0, "km");
        }
        if let [a, b] = self.depths_km[..]
            && b <= a
        {
            c.error(&d.index(1), "the second quake must be deeper than the first");
        }
        c.range_f32(&at.field("half_km"), self.half_km, 150.0, 450.0, "km");
        let frame = MapFrame::new(self.epicentre.lat, self.epicentre.lon, self.half_km as f64);
        if !frame.inside_box() {
            c.error(
                &at.field("half_km"),
                "the map would run off the regional map (lon 100-112 E, lat 24-34 N): make half_km smaller or move the epicentre inwards",
            );
        }
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone(), self.epicentre.name.clone()];
        t.extend((1..=12).map(crate::domain::physics::intensity::effects));
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }

    /// `shot --open N` chooses the ring of degree N + 4 (V, VI...) at the
    /// magnitude that opens; N above 4 shows the deeper quake with its
    /// ring of degree N − 1.
    fn build(&self, opening: &Opening) -> Result<Rings, String> {
        let depth = |i: usize| self.depths_km.get(i).copied().unwrap_or(10.0 * (1 + 2 * i) as f32) as f64;
        let mut r = Rings::new(
            (self.epicentre.lat, self.epicentre.lon),
            self.half_km as f64,
            (self.magnitude.min as f64, self.magnitude.max as f64),
            self.magnitude.start as f64,
            [depth(0), depth(1)],
        );
        match opening.moment {
            Some(n) if n <= 4 => r.choose(n as u8 + 4),
            Some(n) => {
                r.set_deep(true);
                r.choose((n - 1).min(12) as u8);
            }
            None => {}
        }
        Ok(r)
    }

    fn pictures(_: &Rings) -> Vec<Picture> {
        vec![Picture::new(MAP_PX, MAP_PX, colours::BACKGROUND)]
    }

    fn stale(r: &Rings, _: usize) -> bool {
        r.stale()
    }

    fn draw(r: &mut Rings, _: usize, canvas: &mut Canvas) {
        r.draw(canvas);
    }

    fn carry_over(old: &Rings, new: &mut Rings) {
        new.set_magnitude(old.magnitude);
        new.set_deep(old.deep);
        if old.tapped.is_none()
            && let Some(d) = old.chosen
        {
            new.choose(d);
        }
    }

    const CARDS: &'static [Card] = &[("intensity-rings", card::intensity_rings)];
}

#[cfg(test)]
mod tests;
