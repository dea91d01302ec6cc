//! The card of "How a seismometer works": the instrument in the middle of
//! a quick shake, drawn by the exhibit itself.

use super::game::{Game, QUICK};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

/// The card picture.
pub fn seismometer() -> Canvas {
    let mut g = Game::new(1.0, 0.7, None);
    g.shake(QUICK);
    g.run_for(2.5);
    let mut c = Canvas::new(W, H, Rgba::hex(0x10202e));
    g.draw(&mut c);
    c
}
