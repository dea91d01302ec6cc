//! `ElasticRebound` ("Elastic rebound"): Reid's elastic rebound as a game.
//! The visitor drags a plate along a fault held by friction (a
//! stick-slip chain of blocks and springs, [`model`]); strain builds in
//! the springs and is drawn; the fault snaps, waves leave, the station's
//! record shows them; event after event, of many sizes, and once there
//! are enough a small magnitude-frequency plot shows that small quakes
//! are common and big ones rare.

pub mod card;
pub mod game;
pub mod model;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use game::{FAULT, PLOT, RECORD, Rebound};

/// Parameters of an `ElasticRebound`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElasticReboundParams {
    /// What to do, shown beside the fault.
    pub intro: Bilingual,
    /// Which fault (how its friction varies from block to block): any
    /// whole number; each gives a different sequence of quakes.
    pub seed: u32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// The pictures.
pub mod picture {
    /// The fault and its springs.
    pub const FAULT: usize = 0;
    /// The station's record.
    pub const RECORD: usize = 1;
    /// The magnitude-frequency plot.
    pub const PLOT: usize = 2;
}

impl Kind for ElasticReboundParams {
    type State = Rebound;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }

    /// A fresh fault at rest; `shot --open N` shows it after N
    /// fast-forwarded events.
    fn build(&self, opening: &Opening) -> Result<Rebound, String> {
        let mut r = Rebound::new(self.seed as u64);
        if let Some(n) = opening.moment {
            r.fast_left = n;
            while r.fast_left > 0 {
                r.advance(1.0 / 60.0);
            }
        }
        Ok(r)
    }

    fn advance(r: &mut Rebound, dt: f64) {
        r.advance(dt);
    }

    fn pictures(_: &Rebound) -> Vec<Picture> {
        vec![
            Picture::new(FAULT.0, FAULT.1, Rgba::hex(0x10202e)),
            Picture::new(RECORD.0, RECORD.1, Rgba::hex(0xf4efe2)),
            Picture::new(PLOT.0, PLOT.1, Rgba::hex(0x182a3a)),
        ]
    }

    fn stale(r: &Rebound, i: usize) -> bool {
        r.stale(i)
    }

    fn draw(r: &mut Rebound, i: usize, canvas: &mut Canvas) {
        r.draw(i, canvas);
    }

    const CARDS: &'static [Card] = &[("elastic-rebound", card::elastic_rebound)];
}

#[cfg(test)]
mod tests;
