//! The Earth's layers as the exhibit shows them, read from the radial
//! Earth model (`physics::earth`: iasp91, Kennett & Engdahl 1991, Table 1,
//! or ak135, Kennett, Engdahl & Buland 1995; densities from ak135): each
//! layer's depth range between the model's own discontinuities (Moho, 410,
//! 660, core-mantle and inner-core boundaries), its P and S speeds and
//! density at its top and bottom, and whether it is liquid (S speed zero).

use super::texts;
use crate::domain::draw::canvas::Rgba;
use crate::domain::globe::mesh::CutAway;
use crate::domain::physics::earth::{EARTH_RADIUS_KM, EarthModel, Side};
use crate::domain::text::Bilingual;
use crate::domain::text::ui::UiText;

/// One layer of the Earth.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// Its name.
    pub name: UiText,
    /// What it is, for a child.
    pub about: UiText,
    /// Depth of its top, km.
    pub top_km: f64,
    /// Depth of its bottom, km.
    pub bottom_km: f64,
    /// P speed at its top and bottom, km/s.
    pub vp: (f64, f64),
    /// S speed at its top and bottom, km/s (0: liquid).
    pub vs: (f64, f64),
    /// Density at its top and bottom, g/cm³.
    pub density: (f64, f64),
    /// Its colour on the cut.
    pub colour: Rgba,
}

impl Layer {
    /// Whether it is liquid: S waves do not travel in it.
    pub fn liquid(&self) -> bool {
        self.vs.0 == 0.0 && self.vs.1 == 0.0
    }

    /// What the exhibit says about it: depth, state, speeds and density.
    pub fn facts(&self) -> Bilingual {
        let km = |d: f64| format!("{d:.0}");
        let state = if self.liquid() { texts::LIQUID } else { texts::SOLID };
        let range = |(a, b): (f64, f64)| format!("{a:.2}–{b:.2}");
        let (s_zh, s_en) = if self.liquid() {
            (texts::S_ZERO.zh.to_string(), texts::S_ZERO.en.to_string())
        } else {
            (
                format!("{} 千米/秒", range(self.vs)),
                format!("{} km/s", range(self.vs)),
            )
        };
        Bilingual::new(
            format!(
                "{} {}–{} 千米 · {}\n{} {} 千米/秒\n{} {}\n{} {} 克/立方厘米",
                texts::DEPTH.zh,
                km(self.top_km),
                km(self.bottom_km),
                state.zh,
                texts::P_SPEED.zh,
                range(self.vp),
                texts::S_SPEED.zh,
                s_zh,
                texts::DENSITY.zh,
                range(self.density),
            ),
            format!(
                "{} {}–{} km · {}\n{} {} km/s\n{} {}\n{} {} g/cm³",
                texts::DEPTH.en,
                km(self.top_km),
                km(self.bottom_km),
                state.en,
                texts::P_SPEED.en,
                range(self.vp),
                texts::S_SPEED.en,
                s_en,
                texts::DENSITY.en,
                range(self.density),
            ),
        )
    }
}

/// The six layers of `model` from the surface down, or `None` if the model
/// lacks one of the five boundaries.
pub fn layers(model: &EarthModel) -> Option<Vec<Layer>> {
    let depth = |name: &str| model.boundary(name).map(|b| b.depth_km);
    let cuts = [
        0.0,
        depth("moho")?,
        depth("410")?,
        depth("660")?,
        depth("cmb")?,
        depth("icb")?,
        EARTH_RADIUS_KM,
    ];
    let named = [
        (texts::CRUST, texts::CRUST_ABOUT, Rgba::hex(0x9a8466)),
        (texts::UPPER_MANTLE, texts::UPPER_MANTLE_ABOUT, Rgba::hex(0xc4572f)),
        (texts::TRANSITION_ZONE, texts::TRANSITION_ZONE_ABOUT, Rgba::hex(0xa8432a)),
        (texts::LOWER_MANTLE, texts::LOWER_MANTLE_ABOUT, Rgba::hex(0x7e2f22)),
        (texts::OUTER_CORE, texts::OUTER_CORE_ABOUT, Rgba::hex(0xe58a2e)),
        (texts::INNER_CORE, texts::INNER_CORE_ABOUT, Rgba::hex(0xf6cf58)),
    ];
    Some(
        named
            .iter()
            .enumerate()
            .map(|(i, &(name, about, colour))| {
                let (top, bottom) = (cuts[i], cuts[i + 1]);
                let a = model.at(top, Side::Below);
                // The centre has no "below": take the value just above it.
                let b = model.at(bottom, Side::Above);
                Layer {
                    name,
                    about,
                    top_km: top,
                    bottom_km: bottom,
                    vp: (a.0, b.0),
                    vs: (a.1, b.1),
                    density: (a.2, b.2),
                    colour,
                }
            })
            .collect(),
    )
}

/// The layer holding `depth_km`.
pub fn layer_at(layers: &[Layer], depth_km: f64) -> Option<usize> {
    layers
        .iter()
        .position(|l| depth_km >= l.top_km - 1e-9 && depth_km <= l.bottom_km + 1e-9)
}

/// An sRGB byte as linear light (the renderer's vertex colours are linear).
fn linear(c: u8) -> f32 {
    let c = c as f32 / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// The cut-away of the globe for these layers: a quarter of the Earth
/// taken out from `from_lon`, its faces in the layers' colours to scale.
pub fn cut_away(layers: &[Layer], from_lon: f64, chosen: Option<usize>) -> CutAway {
    let rings = layers
        .iter()
        .rev()
        .map(|l| {
            let c = l.colour;
            (
                (EARTH_RADIUS_KM - l.top_km) / EARTH_RADIUS_KM,
                [linear(c.0), linear(c.1), linear(c.2), 1.0],
            )
        })
        .collect();
    CutAway {
        from_lon,
        width_deg: 90.0,
        rings,
        // Rings run from the centre out, layers from the surface in.
        highlight: chosen.map(|i| layers.len() - 1 - i),
    }
}
