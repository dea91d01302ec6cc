//! `EarthLayers` ("Inside the Earth"): a touch globe with a quarter of the
//! Earth cut away down to its centre, the layers on the cut drawn to scale
//! from the Earth model (iasp91 or ak135): crust, upper mantle, the
//! transition zone between the 410 and 660 km discontinuities, lower
//! mantle, liquid outer core and solid inner core. A tap on a layer (or
//! its button) shows its depth range, P and S speeds and density from the
//! model, and whether it is solid or liquid; for the outer core, why its
//! zero S speed leaves the S-wave shadow.

pub mod card;
pub mod layers;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::globe::data::shipped;
use crate::domain::globe::mesh::Hit;
use crate::domain::globe::texture::{self, LAND, OCEAN, TEXTURE};
use crate::domain::globe::{Globe, GlobeCamera, OnGlobe};
use crate::domain::physics::earth::{EARTH_RADIUS_KM, EarthModel};
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use layers::{Layer, cut_away, layer_at};

/// Parameters of an `EarthLayers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarthLayersParams {
    /// What to do, shown beside the globe.
    pub intro: Bilingual,
    /// The Earth model the layers come from: "iasp91" or "ak135".
    pub model: String,
    /// Western edge of the quarter cut away, degrees east (-180-180): the
    /// cut opens from there 90° eastwards.
    pub cut_lon: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// Where the shipped scene's cut begins: over the Pacific, so that Asia
/// stays whole beside it.
pub const CUT_LON_DEFAULT: f64 = 150.0;
/// The globe's picture on screen, pixels.
pub const GLOBE_SIZE: (u32, u32) = (720, 600);

/// The pictures.
pub mod picture {
    /// The globe's texture: ocean and land.
    pub const TEXTURE: usize = 0;
}

/// Draws the globe's texture into `c`: the land of Natural Earth on the
/// ocean.
pub fn draw_land(c: &mut Canvas) {
    c.clear(OCEAN);
    texture::fill_rings(c, shipped::land(), LAND);
}

/// A visit: the globe, the model's layers and the one chosen.
pub struct EarthInside {
    /// The globe the visitor turns.
    pub globe: Globe,
    /// The layers from the surface down.
    pub layers: Vec<Layer>,
    /// The layer shown, if any.
    pub chosen: Option<usize>,
    /// The model's name, for the credit.
    pub model: String,
    from_lon: f64,
    texture_drawn: bool,
}

impl EarthInside {
    /// A visit of the layers of `model` with the cut from `from_lon`.
    pub fn new(model: &EarthModel, from_lon: f64) -> Option<Self> {
        let layers = layers::layers(model)?;
        let mut camera = GlobeCamera::new(25.0, from_lon + 20.0, 4.0);
        camera.fov_deg = 30.0;
        let mut globe = Globe::new(camera, GLOBE_SIZE);
        globe.cut = Some(cut_away(&layers, from_lon, None));
        Some(Self {
            globe,
            layers,
            chosen: None,
            model: model.name.clone(),
            from_lon,
            texture_drawn: false,
        })
    }

    /// Shows layer `i` (from the surface down) and lights it on the cut.
    pub fn choose(&mut self, i: usize) {
        if i >= self.layers.len() || self.chosen == Some(i) {
            return;
        }
        self.chosen = Some(i);
        self.globe.cut = Some(cut_away(&self.layers, self.from_lon, Some(i)));
        self.globe.shape_version = self.globe.shape_version.wrapping_add(1);
    }

    /// The layer under picture pixel (`x`, `y`) of the globe: on the cut,
    /// the ring there; on the outer surface, the crust.
    pub fn layer_under(&self, x: f32, y: f32) -> Option<usize> {
        let cut = self.globe.cut.as_ref()?;
        let (o, d) = self.globe.view().ray(x as f64, y as f64);
        match cut.hit(o, d)? {
            Hit::Surface(..) => Some(0),
            Hit::Face(r) => layer_at(&self.layers, (1.0 - r) * EARTH_RADIUS_KM),
        }
    }
}

impl OnGlobe for EarthInside {
    fn globe(&self) -> &Globe {
        &self.globe
    }
    fn globe_mut(&mut self) -> &mut Globe {
        &mut self.globe
    }
    fn tap(&mut self, x: f32, y: f32) {
        if let Some(i) = self.layer_under(x, y) {
            self.choose(i);
        }
    }
}

impl Kind for EarthLayersParams {
    type State = EarthInside;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.earth_model(&at.field("model"), &self.model);
        if let Some(m) = EarthModel::by_name(&self.model)
            && layers::layers(&m).is_none()
        {
            c.error(
                &at.field("model"),
                "this model lacks one of the Moho, 410, 660, core-mantle and inner-core boundaries",
            );
        }
        c.range_f32(&at.field("cut_lon"), self.cut_lon, -180.0, 180.0, "degrees east");
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        if let Some(l) = EarthModel::by_name(&self.model).and_then(|m| layers::layers(&m)) {
            t.extend(l.iter().map(Layer::facts));
        }
        t
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }

    /// Opens on the globe with no layer chosen; `shot --open N` shows
    /// layer N (1 crust ... 6 inner core).
    fn build(&self, opening: &Opening) -> Result<EarthInside, String> {
        let model = EarthModel::by_name(&self.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", self.model))?;
        let mut s = EarthInside::new(&model, self.cut_lon as f64)
            .ok_or("the Earth model lacks one of its main boundaries")?;
        if let Some(n) = opening.moment {
            s.choose(n.clamp(1, s.layers.len()) - 1);
        }
        Ok(s)
    }

    fn pictures(_: &EarthInside) -> Vec<Picture> {
        let (w, h) = TEXTURE;
        vec![Picture::new(w, h, OCEAN)]
    }

    fn stale(s: &EarthInside, _: usize) -> bool {
        !s.texture_drawn
    }

    fn draw(s: &mut EarthInside, _: usize, canvas: &mut Canvas) {
        draw_land(canvas);
        s.texture_drawn = true;
    }

    fn carry_over(old: &EarthInside, new: &mut EarthInside) {
        new.globe.camera = old.globe.camera;
        if let Some(i) = old.chosen {
            new.choose(i);
        }
    }

    const CARDS: &'static [Card] = &[("earth-layers", card::earth_layers)];
}

#[cfg(test)]
mod tests;
