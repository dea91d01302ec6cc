//! The card of "Four kinds of waves": the particle block as a Rayleigh
//! wave passes, one particle's orbit traced.

use super::block::WaveTypes;
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};
use crate::domain::physics::motion::{Medium, WaveKind};

/// The card picture.
pub fn wave_types() -> Canvas {
    let mut w = WaveTypes::new(Medium::default(), 1.0);
    w.show(WaveKind::Rayleigh);
    w.traced = Some((14, 0));
    for _ in 0..90 {
        w.advance(1.0 / 60.0);
    }
    let mut c = Canvas::new(W, H, Rgba::hex(0x102a3a));
    w.draw(&mut c);
    c
}

