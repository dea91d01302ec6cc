//! The card of "Magnitude and intensity": the rings of a magnitude 7 quake
//! near Rongchang over the regional map, the ring of degree VII chosen,
//! the square map's middle scaled to the card's width.

use super::rings::{MAP_PX, Rings};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::card_from_picture;

/// The card picture.
pub fn intensity_rings() -> Canvas {
    let mut r = Rings::new((29.45, 105.6), 330.0, (4.0, 8.0), 7.0, [10.0, 30.0]);
    r.choose(7);
    let mut map = Canvas::new(MAP_PX, MAP_PX, Rgba::hex(0x16324a));
    r.draw(&mut map);
    card_from_picture(&map)
}
