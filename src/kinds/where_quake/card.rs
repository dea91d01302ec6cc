//! The card of "Where was the quake?": three stations, their circles
//! crossing at one point, and the pin on it.

use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

use super::game::STATION_COLOURS;

/// The card picture.
pub fn where_quake() -> Canvas {
    let mut c = Canvas::new(W, H, crate::domain::map::colours::BACKGROUND);
    let (w, h) = (W as f32, H as f32);
    // Land with a river across it.
    c.fill_rect(0.0, 0.0, w, h, crate::domain::map::colours::LAND);
    let river: Vec<(f32, f32)> = (0..=40)
        .map(|i| {
            let x = i as f32 / 40.0 * w;
            (x, 0.72 * h - 0.1 * h * (x / w * 6.0).sin())
        })
        .collect();
    c.stroke(&river, 6.0, crate::domain::map::colours::WATER);
    let quake = (0.52 * w, 0.45 * h);
    let stations = [(0.22 * w, 0.25 * h), (0.80 * w, 0.30 * h), (0.45 * w, 0.85 * h)];
    for (k, &(x, y)) in stations.iter().enumerate() {
        let r = ((x - quake.0).powi(2) + (y - quake.1).powi(2)).sqrt();
        c.fill_circle(x, y, r, STATION_COLOURS[k].alpha(30));
        c.ring(x, y, r, 5.0, STATION_COLOURS[k]);
    }
    for (k, &(x, y)) in stations.iter().enumerate() {
        let tri = |s: f32| vec![(x, y - s), (x + 0.9 * s, y + 0.6 * s), (x - 0.9 * s, y + 0.6 * s)];
        c.fill_polygon(&tri(0.07 * h), Rgba::hex(0x10202e));
        c.fill_polygon(&tri(0.05 * h), STATION_COLOURS[k]);
    }
    let (x, y) = quake;
    let s = 0.05 * h;
    c.fill_polygon(&[(x - 0.5 * s, y - 1.6 * s), (x + 0.5 * s, y - 1.6 * s), (x, y)], Rgba::hex(0x10202e));
    c.fill_circle(x, y - 2.0 * s, s, Rgba::hex(0x10202e));
    c.fill_circle(x, y - 2.0 * s, 0.75 * s, Rgba::hex(0xe63946));
    c.fill_circle(x, y - 2.0 * s, 0.28 * s, Rgba::hex(0xffffff));
    c
}
