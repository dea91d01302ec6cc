//! `FaultTypes` ("Fault types"): 3D blocks of rock cut by a normal, a
//! reverse and a strike-slip fault. The visitor drags the moving block
//! along the fault plane; the hanging wall and footwall are named, the
//! stress that drives each fault is drawn (pull, push, shear), and a real
//! earthquake on a fault of that type is told.

pub mod blocks;
pub mod card;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use crate::domain::text::ui::UiText;
use blocks::{Blocks, Fault, FaultKind, PICTURE};

/// Parameters of a `FaultTypes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultTypesParams {
    /// What to do, shown beside the blocks.
    pub intro: Bilingual,
    /// The faults to choose from, one button each (1-3).
    pub faults: Vec<FaultExample>,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// One fault the visitor can choose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultExample {
    /// How it moves: Normal, Reverse or StrikeSlip.
    pub kind: FaultKind,
    /// Dip of the fault plane, degrees: 35-80 for normal and reverse
    /// faults, 90 for a strike-slip fault.
    pub dip_deg: f32,
    /// A real earthquake on a fault of this kind.
    pub example: Bilingual,
}

/// The name of a fault kind.
pub fn kind_name(k: FaultKind) -> UiText {
    match k {
        FaultKind::Normal => texts::NORMAL,
        FaultKind::Reverse => texts::REVERSE,
        FaultKind::StrikeSlip => texts::STRIKE_SLIP,
    }
}

/// What drives a fault kind (the stress arrows' meaning).
pub fn stress(k: FaultKind) -> UiText {
    match k {
        FaultKind::Normal => texts::PULL,
        FaultKind::Reverse => texts::PUSH,
        FaultKind::StrikeSlip => texts::SHEAR,
    }
}

/// The names of the fixed block and the moving one.
pub fn block_names(k: FaultKind) -> [UiText; 2] {
    match k {
        FaultKind::StrikeSlip => [texts::WEST_BLOCK, texts::EAST_BLOCK],
        _ => [texts::FOOTWALL, texts::HANGING_WALL],
    }
}

/// A visit: the faults and the blocks of the one chosen.
pub struct FaultShow {
    /// The faults, in the scene's order.
    pub faults: Vec<(Fault, Bilingual)>,
    /// The one shown.
    pub current: usize,
    /// Its blocks.
    pub blocks: Blocks,
}

impl FaultShow {
    /// Shows fault `i` at rest.
    pub fn choose(&mut self, i: usize) {
        if let Some(&(f, _)) = self.faults.get(i) {
            self.current = i;
            self.blocks.show(f);
        }
    }
}

impl Kind for FaultTypesParams {
    type State = FaultShow;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("faults"), self.faults.len(), 1, 3, "faults");
        for (i, f) in self.faults.iter().enumerate() {
            let fp = at.field("faults").index(i);
            c.text(&fp.field("example"), &f.example, 120);
            match f.kind {
                FaultKind::StrikeSlip => {
                    if f.dip_deg != 90.0 {
                        c.error(&fp.field("dip_deg"), "a strike-slip fault is drawn vertical: write 90");
                    }
                }
                _ => c.range_f32(&fp.field("dip_deg"), f.dip_deg, 35.0, 80.0, "degrees"),
            }
        }
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        t.extend(self.faults.iter().map(|f| f.example.clone()));
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }

    /// Opens on the first fault at rest; `shot --open N` shows fault N
    /// slid most of its way.
    fn build(&self, opening: &Opening) -> Result<FaultShow, String> {
        let faults: Vec<(Fault, Bilingual)> = self
            .faults
            .iter()
            .map(|f| {
                let dip = if f.kind == FaultKind::StrikeSlip { 90.0 } else { f.dip_deg as f64 };
                (Fault { kind: f.kind, dip_deg: dip.clamp(35.0, 90.0) }, f.example.clone())
            })
            .collect();
        let first = faults.first().ok_or("no fault to show")?.0;
        let mut s = FaultShow {
            faults,
            current: 0,
            blocks: Blocks::new(first),
        };
        if let Some(n) = opening.moment {
            s.choose(n.clamp(1, s.faults.len()) - 1);
            s.blocks.slip = blocks::MAX_SLIP * 0.7;
        }
        Ok(s)
    }

    fn pictures(_: &FaultShow) -> Vec<Picture> {
        vec![Picture::new(PICTURE.0, PICTURE.1, Rgba::hex(0x10283c))]
    }

    fn stale(s: &FaultShow, _: usize) -> bool {
        s.blocks.stale()
    }

    fn draw(s: &mut FaultShow, _: usize, canvas: &mut Canvas) {
        s.blocks.draw(canvas);
    }

    fn carry_over(old: &FaultShow, new: &mut FaultShow) {
        if old.current < new.faults.len() {
            new.choose(old.current);
            new.blocks.slip = old.blocks.slip;
        }
    }

    const CARDS: &'static [Card] = &[("fault-types", card::fault_types)];
}

#[cfg(test)]
mod tests;
