//! The card of "Zhang Heng's seismoscope": the instrument from above just
//! after the west dragon dropped its ball, drawn by the exhibit itself
//! from a made-up swing.

use super::game::{PIC, Quake, Scope};
use super::mechanism::{Drop, Swing};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};
use crate::domain::text::Bilingual;

/// The card picture.
pub fn seismoscope() -> Canvas {
    let rate = 50.0;
    // A growing swing to the west-south-west and back.
    let offsets_mm: Vec<(f64, f64)> = (0..2000)
        .map(|i| {
            let t = i as f64 / rate;
            let r = if t > 20.0 { 0.25 * (t - 20.0) * ((t - 20.0) * 2.6).sin() } else { 0.0 };
            let a = 255f64.to_radians();
            (r * a.cos(), r * a.sin())
        })
        .collect();
    let first = offsets_mm.iter().position(|o| o.0.hypot(o.1) >= 1.0).unwrap_or(0);
    let quake = Quake {
        name: Bilingual::default(),
        about: Bilingual::default(),
        swing: Swing {
            offsets_mm,
            rate_hz: rate,
            drop: Some(Drop {
                t_s: first as f64 / rate,
                dragon: 6,
                towards_deg: 255.0,
            }),
        },
        epicentre_deg: 258.0,
        p_s: Some(20.0),
    };
    let mut g = Scope::new(vec![quake], 4.0, 1.0);
    g.run_for(0, 6.5);
    let mut pic = Canvas::new(PIC, PIC, Rgba::hex(0x10202e));
    g.draw(&mut pic);
    let mut c = Canvas::new(W, H, Rgba::hex(0x10202e));
    let left = (W - PIC) / 2;
    for y in 0..PIC.min(H) {
        let s = (y * PIC) as usize * 4;
        let d = (y * W + left) as usize * 4;
        c.rgba[d..d + PIC as usize * 4].copy_from_slice(&pic.rgba[s..s + PIC as usize * 4]);
    }
    c
}
