//! The card of "Elastic rebound": the fault just after a quake, its
//! springs strained and waves leaving.

use super::game::{FAULT, Rebound};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

/// The card picture.
pub fn elastic_rebound() -> Canvas {
    let mut r = Rebound::new(7);
    r.fast_left = 12;
    while r.fast_left > 0 {
        r.advance(1.0 / 60.0);
    }
    // Load to the edge and let the next one go for a moment.
    r.drag(0.4);
    for _ in 0..40 {
        r.advance(1.0 / 60.0);
        if !r.waves.is_empty() && r.waves[0].1 > 0.25 {
            break;
        }
    }
    let mut pic = Canvas::new(FAULT.0, FAULT.1, Rgba::hex(0x10202e));
    r.draw(0, &mut pic);
    let mut c = Canvas::new(W, H, Rgba::hex(0x10202e));
    let y0 = (H - FAULT.1) / 2;
    for y in 0..FAULT.1 {
        let src = &pic.rgba[(y * FAULT.0 * 4) as usize..((y + 1) * FAULT.0 * 4) as usize];
        let at = ((y + y0) * W * 4) as usize;
        c.rgba[at..at + src.len()].copy_from_slice(src);
    }
    c
}
