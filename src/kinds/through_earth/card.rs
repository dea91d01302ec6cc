//! The card of "Through the Earth": the Earth ten minutes after a shallow
//! quake, P fronts through the mantle and core, S fronts behind them.

use super::earth::ThroughEarth;
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

/// The card picture.
pub fn through_earth() -> Canvas {
    let mut c = Canvas::new(W, H, Rgba::hex(0x102a3a));
    let Some(mut e) = ThroughEarth::new("iasp91", 33.0, &[30.0, 60.0, 90.0, 120.0, 150.0]) else {
        return c;
    };
    e.quake_angle_deg = 300.0;
    e.advance(660.0);
    let mut disc = Canvas::new(H, H, Rgba::hex(0x102a3a));
    e.draw(&mut disc);
    let x0 = ((W - H) / 2) as usize;
    for y in 0..H as usize {
        let src = &disc.rgba[y * H as usize * 4..(y + 1) * H as usize * 4];
        let at = (y * W as usize + x0) * 4;
        c.rgba[at..at + src.len()].copy_from_slice(src);
    }
    c
}

