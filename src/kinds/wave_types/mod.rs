//! `WaveTypes` ("Four kinds of waves"): a 12 km by 6 km block of rock as
//! particles and a mesh, moving as a P, S, Love or Rayleigh wave passes
//! (one button each); its speed and wavelength in this rock; tap a particle
//! to trace its orbit; a slow-motion slider.

pub mod block;
pub mod card;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::physics::motion::{Medium, WaveKind};
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use block::WaveTypes;

/// Parameters of a `WaveTypes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaveTypesParams {
    /// What to do, shown beside the block.
    pub intro: Bilingual,
    /// P speed of the rock, km/s.
    pub vp_km_s: f64,
    /// S speed of the rock, km/s.
    pub vs_km_s: f64,
    /// S speed of the softer surface layer that carries Love waves, km/s.
    pub layer_vs_km_s: f64,
    /// Thickness of that layer, km.
    pub layer_km: f64,
    /// Period of the waves, s.
    pub period_s: f64,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

impl WaveTypesParams {
    /// The rock the scene describes.
    pub fn medium(&self) -> Medium {
        Medium {
            vp: self.vp_km_s,
            vs: self.vs_km_s,
            layer_vs: self.layer_vs_km_s,
            layer_km: self.layer_km,
            ..Medium::default()
        }
    }
}

/// The kinds of wave, in the order of their buttons.
pub const WAVES: [WaveKind; 4] = [WaveKind::P, WaveKind::S, WaveKind::Love, WaveKind::Rayleigh];

/// Width of the block's picture, pixels.
pub const PICTURE_W: u32 = 960;
const BACKGROUND: Rgba = Rgba::hex(0x102a3a);

impl Kind for WaveTypesParams {
    type State = WaveTypes;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.range_f32(&at.field("vp_km_s"), self.vp_km_s as f32, 1.0, 14.0, "km/s");
        c.range_f32(&at.field("vs_km_s"), self.vs_km_s as f32, 0.5, 8.0, "km/s");
        c.range_f32(&at.field("layer_km"), self.layer_km as f32, 0.1, 10.0, "km");
        c.range_f32(&at.field("period_s"), self.period_s as f32, 0.2, 10.0, "s");
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        c.p_faster_than_s(&at.field("vp_km_s"), self.vp_km_s, self.vs_km_s, "km/s");
        if !(self.layer_vs_km_s > 0.3 && self.layer_vs_km_s < self.vs_km_s) {
            c.error(
                &at.field("layer_vs_km_s"),
                format!(
                    "{} km/s: the surface layer must be slower than the rock below ({} km/s) for Love waves",
                    self.layer_vs_km_s, self.vs_km_s
                ),
            );
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        vec![self.intro.clone()]
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }


    /// P waves first; `shot --open N` shows wave N (1 P, 2 S, 3 Love,
    /// 4 Rayleigh) with a surface particle traced.
    fn build(&self, opening: &Opening) -> Result<WaveTypes, String> {
        let mut block = WaveTypes::new(self.medium(), self.period_s);
        if let Some(n) = opening.moment {
            block.show(WAVES[n.clamp(1, 4) - 1]);
            block.touch(0.3, 0.21);
        }
        Ok(block)
    }

    /// The block keeps its own pace: the slow-motion slider sets its rate.
    fn advance(block: &mut WaveTypes, dt: f64) {
        block.advance(dt);
    }

    fn pictures(_: &WaveTypes) -> Vec<Picture> {
        let h = (PICTURE_W as f32 / WaveTypes::aspect()).round() as u32;
        vec![Picture::new(PICTURE_W, h, BACKGROUND)]
    }

    fn draw(block: &mut WaveTypes, _: usize, canvas: &mut Canvas) {
        canvas.clear(BACKGROUND);
        block.draw(canvas);
    }

    const CARDS: &'static [Card] = &[("wave-types", card::wave_types)];
}
