//! The card of "Sounds of the Earth": a record and its spectrogram with
//! the playhead in the S wave, drawn by the exhibit itself, over a
//! loudspeaker sending out the sound.

use super::game::{Listening, Phases, SPEC_H, SPEC_W, TRACE_H, TRACE_W, demo_quake};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

/// The card picture.
pub fn sonify() -> Canvas {
    let phases = Phases {
        p: Some(40.0),
        s: Some(70.0),
        surface: None,
    };
    let mut g = Listening::new(vec![demo_quake(phases, true)]);
    // 80 s into the record: the S wave's thump.
    g.run_for(0, 2.0);
    let mut c = Canvas::new(W, H, Rgba::hex(0x10202e));
    let mut trace = Canvas::new(TRACE_W, TRACE_H, Rgba::hex(0x10202e));
    let mut spec = Canvas::new(SPEC_W, SPEC_H, Rgba::hex(0x10202e));
    g.draw(0, &mut trace);
    g.draw(1, &mut spec);
    paste(&mut c, &trace, 0);
    paste(&mut c, &spec, TRACE_H + 10);
    // A loudspeaker and its sound at the foot.
    let (cx, cy) = (W as f32 / 2.0 - 40.0, (TRACE_H + SPEC_H + 10) as f32 + 45.0);
    let cone = Rgba::hex(0xe8eef4);
    c.fill_rect(cx - 30.0, cy - 14.0, 20.0, 28.0, cone);
    c.fill_polygon(&[(cx - 10.0, cy - 14.0), (cx + 16.0, cy - 34.0), (cx + 16.0, cy + 34.0), (cx - 10.0, cy + 14.0)], cone);
    for (k, r) in [34.0f32, 52.0, 70.0].into_iter().enumerate() {
        let col = Rgba::hex(0xffd34d).mix(Rgba::hex(0x10202e), k as f32 * 0.25);
        arc(&mut c, cx + 20.0, cy, r, col);
    }
    c
}

/// Copies `src` into `c` from row `top`, cropped to `c`'s width.
fn paste(c: &mut Canvas, src: &Canvas, top: u32) {
    let w = src.width.min(c.width) as usize;
    for y in 0..src.height.min(c.height.saturating_sub(top)) {
        let s = (y * src.width) as usize * 4;
        let d = ((y + top) * c.width) as usize * 4;
        c.rgba[d..d + w * 4].copy_from_slice(&src.rgba[s..s + w * 4]);
    }
}

/// The right-hand part of a ring: a sound wave leaving the speaker.
fn arc(c: &mut Canvas, cx: f32, cy: f32, r: f32, col: Rgba) {
    let pts: Vec<(f32, f32)> = (-8..=8)
        .map(|i| {
            let a = i as f32 * 0.07;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    c.stroke(&pts, 6.0, col);
}
