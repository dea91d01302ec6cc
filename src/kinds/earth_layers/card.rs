//! The card of "Inside the Earth": the globe with a quarter cut away and
//! its layers to scale.

use super::layers::{cut_away, layers};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};
use crate::domain::globe::{GlobeCamera, paint};
use crate::domain::physics::earth::iasp91;

/// The card picture.
pub fn earth_layers() -> Canvas {
    let bg = Rgba::hex(0x0a1622);
    let Some(l) = layers(&iasp91()) else {
        return Canvas::new(W, H, bg);
    };
    let cut = cut_away(&l, super::CUT_LON_DEFAULT, None);
    let mut cam = GlobeCamera::new(25.0, super::CUT_LON_DEFAULT + 20.0, 3.4);
    cam.fov_deg = 34.0;
    let (w, h) = crate::domain::globe::texture::TEXTURE;
    let mut land = Canvas::new(w, h, bg);
    super::draw_land(&mut land);
    paint(&land, &cam, Some(&cut), (W, H), bg)
}
