//! The card of "The drum recorder": a few hours of the shipped synthetic
//! day on the drum, drawn by the exhibit itself.

use super::day::synthetic_day;
use super::drum::{Drum, PAPER};
use crate::domain::draw::Canvas;
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

/// The card picture: 07:00-13:00 Beijing time in half-hour lines, the
/// Rongchang quake in the middle.
pub fn helicorder() -> Canvas {
    let mut c = Canvas::new(W, H, PAPER);
    if let Ok(day) = synthetic_day(super::SHIPPED_DATE, super::SHIPPED_SEED) {
        let d = Drum::new(&day, 1800.0);
        let pitch = 48.0;
        d.draw(&mut c, pitch, 13.0 * pitch, false);
    }
    c
}
