//! The card of "Little engineer": a braced five-storey tower swaying on
//! shaking ground, its storeys coloured by their drift.

use super::record::GroundRecord;
use super::tower::{PICTURE_PX, Parts, Tower};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::card_from_picture;
use crate::domain::text::Bilingual;

/// The card picture.
pub fn shake_tower() -> Canvas {
    // A steady sine near the tower's period, for a card that always looks
    // the same.
    let rate = 100.0;
    let samples: Vec<f64> = (0..2000)
        .map(|i| {
            let t = i as f64 / rate;
            (std::f64::consts::TAU * t / 0.55).sin() * (t / 4.0).min(1.0) * (1.0 - t / 20.0).max(0.0)
        })
        .collect();
    let bg = Rgba::hex(0x1d3b5c);
    let Some(rec) = GroundRecord::new(Bilingual::new("", ""), &samples, rate, 2.0) else {
        return card_from_picture(&Canvas::new(PICTURE_PX, PICTURE_PX, bg));
    };
    let parts = Parts {
        floor_mass_kg: 1.0e5,
        period_per_storey_s: 0.1,
        brace_stiffening: 3.0,
        damping_ratio: 0.02,
        damper_ratio: 0.15,
        weight_kg: 2.0e5,
        strength_g: 0.3,
    };
    let mut t = Tower::new(parts, vec![rec], 5);
    t.toggle_brace(0);
    t.toggle_brace(1);
    t.shake();
    for _ in 0..86 {
        t.advance(0.05);
    }
    let mut c = Canvas::new(PICTURE_PX, PICTURE_PX, bg);
    t.draw(&mut c);
    card_from_picture(&c)
}
