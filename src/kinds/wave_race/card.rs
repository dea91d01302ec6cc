//! The card of "The wave race": three fronts leaving a quake for the hall,
//! P ahead, then S, then the surface waves, spaced as their speeds are.

use super::{RACE_P, RACE_S, RACE_SURFACE};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

const RED: Rgba = Rgba::hex(0xc8412d);
const WHITE: Rgba = Rgba::hex(0xffffff);

/// The card picture.
pub fn wave_race() -> Canvas {
    let mut c = Canvas::new(W, H, Rgba::hex(0x16324a));
    for i in 1..8 {
        let x = i as f32 * W as f32 / 8.0;
        c.stroke(&[(x, 0.0), (x, H as f32)], 1.5, Rgba::hex(0x25445e));
        let y = i as f32 * H as f32 / 8.0;
        c.stroke(&[(0.0, y), (W as f32, y)], 1.5, Rgba::hex(0x25445e));
    }
    let (qx, qy) = (250.0, 360.0);
    // Radii in proportion to 7.8, 4.5 and 3.0 km/s at the same moment.
    for (r, col) in [(560.0, RACE_P), (323.0, RACE_S), (215.0, RACE_SURFACE)] {
        c.ring(qx, qy, r, 10.0, col);
    }
    c.fill_star(qx, qy, 34.0, RED);
    let (hx, hy) = (830.0, 250.0);
    c.fill_rect(hx - 36.0, hy - 20.0, 72.0, 56.0, WHITE);
    c.fill_polygon(
        &[
            (hx - 50.0, hy - 18.0),
            (hx, hy - 62.0),
            (hx + 50.0, hy - 18.0),
        ],
        RED,
    );
    c
}

