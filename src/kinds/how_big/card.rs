//! The card of "How big was it?": a record with its biggest swing
//! bracketed under the three scales of the nomogram and a ruler laid
//! across them.

use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

use super::game::{AMPLITUDE_COLOUR, DISTANCE_COLOUR, RULER_COLOUR, SCALE_X};

/// The card picture.
pub fn how_big() -> Canvas {
    let mut c = Canvas::new(W, H, Rgba::hex(0x10202e));
    let (w, h) = (W as f32, H as f32);
    let tick = Rgba::hex(0x9fb4c8);
    let [xl, xm, xr] = SCALE_X.map(|f| f * w);
    let (top, bottom) = (0.06 * h, 0.56 * h);
    for (x, n) in [(xl, 6), (xm, 8), (xr, 7)] {
        c.fill_rect(x - 0.006 * w, top, 0.012 * w, bottom - top, tick);
        for k in 0..=n {
            let y = top + (bottom - top) * k as f32 / n as f32;
            c.fill_rect(x - 0.03 * w, y - 0.004 * h, 0.06 * w, 0.008 * h, tick);
        }
    }
    let (yl, yr) = (0.42 * h, 0.14 * h);
    c.stroke(&[(xl, yl), (xr, yr)], 0.012 * h, RULER_COLOUR);
    c.ring(xm, 0.5 * (yl + yr), 0.045 * h, 0.012 * h, RULER_COLOUR);
    for (x, y, col) in [(xl, yl, DISTANCE_COLOUR), (xr, yr, AMPLITUDE_COLOUR)] {
        c.fill_circle(x, y, 0.05 * h, Rgba::hex(0x10202e));
        c.fill_circle(x, y, 0.038 * h, col);
    }
    // The record: a small P, then S swinging hard and dying away.
    let (p0, p1) = (0.64 * h, 0.96 * h);
    c.fill_rect(0.04 * w, p0, 0.92 * w, p1 - p0, Rgba::hex(0x16324a));
    let mid = 0.5 * (p0 + p1);
    let amp = 0.42 * (p1 - p0);
    let swing = |x: f32| {
        let (tp, ts) = (0.2, 0.48);
        let env = |t0: f32, a: f32, decay: f32| {
            if x < t0 {
                0.0
            } else {
                a * (-(x - t0) / decay).exp()
            }
        };
        let e = env(tp, 0.18, 0.2) + env(ts, 1.0, 0.12);
        e * (x * 150.0).sin() * (1.0 + 0.3 * (x * 37.0).cos())
    };
    let pts: Vec<(f32, f32)> = (0..=600)
        .map(|i| {
            let f = 0.05 + 0.9 * i as f32 / 600.0;
            (f * w, mid - amp * swing(f).clamp(-1.2, 1.2) / 1.2)
        })
        .collect();
    c.stroke(&pts, 3.0, Rgba::hex(0xe8eef4));
    let (peak_x, peak) = pts
        .iter()
        .map(|&(x, y)| (x, (y - mid).abs()))
        .fold((0.0, 0.0), |a, b| if b.1 > a.1 { b } else { a });
    for y in [mid - peak, mid + peak] {
        c.fill_rect(peak_x - 0.05 * w, y - 2.5, 0.1 * w, 5.0, AMPLITUDE_COLOUR);
    }
    c.fill_rect(0.2 * w - 2.0, p0, 4.0, p1 - p0, Rgba::hex(0xfff1c2));
    c.fill_rect(0.48 * w - 2.0, p0, 4.0, p1 - p0, DISTANCE_COLOUR);
    c
}
