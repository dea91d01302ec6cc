//! The card of the seismogram jigsaw: records stacked by distance, the P
//! and S lines running down through them.

use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::palette;
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};
use crate::domain::random::Seeded;

/// The card picture.
pub fn jigsaw() -> Canvas {
    let mut c = Canvas::new(W, H, Rgba::hex(0x10202e));
    let (w, h) = (W as f32, H as f32);
    let n = 5;
    let mut r = Seeded::new(20);
    let mut ps = Vec::new();
    let mut ss = Vec::new();
    for k in 0..n {
        let top = 0.06 * h + k as f32 * 0.18 * h;
        let sh = 0.15 * h;
        c.fill_rect(0.0, top, w, sh, Rgba::hex(0x16324a));
        let mid = top + sh / 2.0;
        let p_at = (0.12 + 0.09 * k as f32) * w;
        let s_at = p_at + (0.08 + 0.07 * k as f32) * w;
        ps.push((p_at, mid));
        ss.push((s_at, mid));
        let mut pts = Vec::new();
        let mut x = 0.0;
        while x < w {
            let env = if x < p_at {
                0.03
            } else if x < s_at {
                0.25 * (-(x - p_at) / (0.15 * w)).exp() + 0.05
            } else {
                0.9 * (-(x - s_at) / (0.2 * w)).exp() + 0.04
            };
            let v = env * (r.normal() as f32).clamp(-2.5, 2.5) * 0.4;
            pts.push((x, mid - v * sh));
            x += 2.0;
        }
        c.stroke(&pts, 2.0, Rgba::hex(0xe8eef4));
    }
    c.stroke(&ps, 6.0, palette::P_WAVE);
    c.stroke(&ss, 6.0, palette::S_WAVE);
    c
}
