//! The card of "Quake or not?": the four bins' pictures.

use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

use super::game::{BINS, class_colour, icon};

/// The card picture.
pub fn quake_or_not() -> Canvas {
    let mut c = Canvas::new(W, H, Rgba::hex(0x10202e));
    let (w, h) = (W as f32, H as f32);
    for (k, &b) in BINS.iter().enumerate() {
        let (col, row) = (k % 2, k / 2);
        let (l, t) = (0.06 * w + col as f32 * 0.46 * w, 0.06 * h + row as f32 * 0.46 * h);
        let (bw, bh) = (0.42 * w, 0.42 * h);
        c.fill_rect(l, t, bw, bh, class_colour(b).alpha(40));
        c.fill_rect(l, t, bw, 6.0, class_colour(b));
        c.fill_rect(l, t + bh - 6.0, bw, 6.0, class_colour(b));
        c.fill_rect(l, t, 6.0, bh, class_colour(b));
        c.fill_rect(l + bw - 6.0, t, 6.0, bh, class_colour(b));
        icon(&mut c, b, l + bw / 2.0, t + bh / 2.0, 0.3 * bh);
    }
    c
}
