//! The card of "Find the P and S waves": a three-component record with its
//! P and S flags, P where the vertical first moves, S where the horizontals
//! swing hardest.

use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::palette;
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};
use crate::domain::random::Seeded;

/// The card picture.
pub fn find_waves() -> Canvas {
    let mut c = Canvas::new(W, H, Rgba::hex(0x10202e));
    let (w, h) = (W as f32, H as f32);
    let (p_at, s_at) = (0.30 * w, 0.55 * w);
    let mut r = Seeded::new(16);
    for (k, (p_amp, s_amp)) in [(0.35f32, 0.55f32), (0.12, 1.0), (0.15, 0.9)].into_iter().enumerate() {
        let top = 0.18 * h + k as f32 * 0.27 * h;
        let ph = 0.24 * h;
        c.fill_rect(0.0, top, w, ph, Rgba::hex(0x16324a));
        let mid = top + ph / 2.0;
        let mut pts = Vec::new();
        let mut x = 0.0;
        while x < w {
            let env = if x < p_at {
                0.03
            } else if x < s_at {
                p_amp * (-(x - p_at) / (0.2 * w)).exp() + 0.05
            } else {
                s_amp * (-(x - s_at) / (0.25 * w)).exp() + 0.04
            };
            let v = env * (r.normal() as f32).clamp(-2.5, 2.5) * 0.4;
            pts.push((x, mid - v * ph));
            x += 2.0;
        }
        c.stroke(&pts, 2.0, Rgba::hex(0xe8eef4));
    }
    for (x, col) in [(p_at, palette::P_WAVE), (s_at, palette::S_WAVE)] {
        c.fill_rect(x - 4.0, 0.12 * h, 8.0, 0.86 * h, col);
        c.fill_circle(x, 0.08 * h, 0.065 * h, col);
    }
    c
}
