//! `ShakeTower` ("Little engineer"): the visitor builds a tower from
//! floors, braces, dampers and a weight, then shakes it with a
//! strong-motion record (the shipped ones synthetic, by the stochastic
//! method; a curator may point at a real accelerogram). The tower is a lumped-mass shear building
//! whose storeys sway with their natural periods (about 0.1 s per storey),
//! integrated with Newmark's average-acceleration method; a storey fails
//! when its drift passes a limit. A tall tower and a slow record, or a
//! short one and a fast record, resonate; braces and dampers help.

pub mod card;
pub mod record;
pub mod texts;
pub mod tower;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::puzzle::horizontal;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use crate::domain::waveform;
use record::GroundRecord;
use tower::{MAX_FLOORS, PICTURE_PX, Parts, Tower};

/// Parameters of a `ShakeTower`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShakeTowerParams {
    /// What to do, shown beside the tower.
    pub intro: Bilingual,
    /// The records to shake the tower with (1-4).
    pub records: Vec<ShakeRecord>,
    /// Floors of the tower when the exhibit opens (1-8).
    pub start_floors: u32,
    /// Mass of a floor, tonnes (10-2000).
    pub floor_mass_t: f32,
    /// Seconds of first period per storey (0.05-0.2): about 0.1 s for
    /// real buildings.
    pub period_per_storey_s: f32,
    /// A braced storey's stiffness over a plain one's (1.5-10).
    pub brace_stiffening: f32,
    /// The tower's own damping, fraction of critical (0.005-0.1).
    pub damping_ratio: f32,
    /// What the dampers add, fraction of critical (0.02-0.4).
    pub damper_ratio: f32,
    /// The weight on top, tonnes (0-5000).
    pub weight_t: f32,
    /// A storey's strength: the sideways force it bears before it breaks,
    /// as a fraction of the weight it carries (0.02-2). A storey fails
    /// when its drift passes strength over stiffness.
    pub strength_g: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// A strong-motion record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShakeRecord {
    /// Its name on its button.
    pub name: Bilingual,
    /// Where it comes from.
    pub source: RecordSource,
    /// The peak ground acceleration it is scaled to, m/s² (0.1-15).
    pub peak_m_s2: f32,
}

/// Where a record comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RecordSource {
    /// A recorded accelerogram (miniSEED or SAC) inside `assets/`: its
    /// horizontal channel shakes the tower.
    File(String),
    /// A synthetic accelerogram by the stochastic method (see
    /// `record::stochastic`).
    Stochastic {
        /// Moment magnitude (4-8.5).
        magnitude: f32,
        /// Distance from the source, km (1-500).
        distance_km: f32,
        /// Seed of its noise.
        seed: u64,
    },
}

/// Samples per second of a synthetic record.
pub const SYNTHETIC_RATE_HZ: f64 = 50.0;

impl ShakeTowerParams {
    fn parts(&self) -> Parts {
        Parts {
            floor_mass_kg: self.floor_mass_t as f64 * 1000.0,
            period_per_storey_s: self.period_per_storey_s as f64,
            brace_stiffening: self.brace_stiffening as f64,
            damping_ratio: self.damping_ratio as f64,
            damper_ratio: self.damper_ratio as f64,
            weight_kg: self.weight_t as f64 * 1000.0,
            strength_g: self.strength_g as f64,
        }
    }
}

fn load_record(assets: &std::path::Path, r: &ShakeRecord) -> Result<GroundRecord, String> {
    let (samples, rate) = match &r.source {
        RecordSource::File(rel) => {
            let file = waveform::read_file(&assets.join(rel)).map_err(|e| e.to_string())?;
            let trace = horizontal(&file.stream.traces).ok_or("the recording holds no samples")?;
            (trace.samples.to_f64(), trace.sample_rate_hz)
        }
        RecordSource::Stochastic {
            magnitude,
            distance_km,
            seed,
        } => (
            record::stochastic(*magnitude as f64, *distance_km as f64, SYNTHETIC_RATE_HZ, *seed),
            SYNTHETIC_RATE_HZ,
        ),
    };
    GroundRecord::new(r.name.clone(), &samples, rate, r.peak_m_s2 as f64)
        .ok_or_else(|| "the record is flat or shorter than 16 samples".to_owned())
}

impl Kind for ShakeTowerParams {
    type State = Tower;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("records"), self.records.len(), 1, 4, "records");
        for (i, r) in self.records.iter().enumerate() {
            let rp = at.field("records").index(i);
            c.text(&rp.field("name"), &r.name, 28);
            c.range_f32(&rp.field("peak_m_s2"), r.peak_m_s2, 0.1, 15.0, "m/s²");
            let sp = rp.field("source");
            let readable = match &r.source {
                RecordSource::File(rel) => {
                    c.asset(&sp, rel, &["mseed", "miniseed", "ms", "sac"]);
                    c.assets_dir().join(rel).is_file()
                }
                RecordSource::Stochastic {
                    magnitude,
                    distance_km,
                    ..
                } => {
                    c.range_f32(&sp.field("magnitude"), *magnitude, 4.0, 8.5, "magnitude");
                    c.range_f32(&sp.field("distance_km"), *distance_km, 1.0, 500.0, "km");
                    true
                }
            };
            if readable && let Err(e) = load_record(c.assets_dir(), r) {
                c.error(&sp, e);
            }
        }
        c.range_u32(&at.field("start_floors"), self.start_floors, 1, MAX_FLOORS as u32, "floors");
        c.range_f32(&at.field("floor_mass_t"), self.floor_mass_t, 10.0, 2000.0, "t");
        c.range_f32(&at.field("period_per_storey_s"), self.period_per_storey_s, 0.05, 0.2, "s");
        c.range_f32(&at.field("brace_stiffening"), self.brace_stiffening, 1.5, 10.0, "times");
        c.range_f32(&at.field("damping_ratio"), self.damping_ratio, 0.005, 0.1, "of critical");
        c.range_f32(&at.field("damper_ratio"), self.damper_ratio, 0.02, 0.4, "of critical");
        c.range_f32(&at.field("weight_t"), self.weight_t, 0.0, 5000.0, "t");
        c.range_f32(&at.field("strength_g"), self.strength_g, 0.02, 2.0, "of the weight carried");
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        t.extend(self.records.iter().map(|r| r.name.clone()));
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        let mut f = vec![self.preview.as_str()];
        f.extend(self.records.iter().filter_map(|r| match &r.source {
            RecordSource::File(rel) => Some(rel.as_str()),
            RecordSource::Stochastic { .. } => None,
        }));
        f
    }

    /// A plain tower waits to be shaken; `shot --open N` shakes it with
    /// record N (from 1) for a few seconds; N past the records shakes the
    /// tallest plain tower with the first record to its end.
    fn build(&self, opening: &Opening) -> Result<Tower, String> {
        let assets = opening.asset("");
        let records: Vec<GroundRecord> = self.records.iter().filter_map(|r| load_record(&assets, r).ok()).collect();
        if records.is_empty() {
            let why = self
                .records
                .first()
                .map(|r| load_record(&assets, r).err().unwrap_or_default())
                .unwrap_or_default();
            return Err(format!("no record to shake the tower with: {why}"));
        }
        let mut t = Tower::new(self.parts(), records, self.start_floors as usize);
        match opening.moment {
            Some(n) if n >= 1 && n <= t.records.len() => {
                t.choose_record(n - 1);
                t.shake();
                for _ in 0..60 {
                    t.advance(0.05);
                }
            }
            Some(_) => {
                while t.design.floors < MAX_FLOORS {
                    t.add_floor();
                }
                t.shake();
                for _ in 0..2000 {
                    t.advance(0.05);
                }
            }
            None => {}
        }
        Ok(t)
    }

    fn advance(t: &mut Tower, dt: f64) {
        t.advance(dt);
    }

    fn pictures(_: &Tower) -> Vec<Picture> {
        vec![Picture::new(PICTURE_PX, PICTURE_PX, Rgba::hex(0x1d3b5c))]
    }

    fn stale(t: &Tower, _: usize) -> bool {
        t.stale()
    }

    fn draw(t: &mut Tower, _: usize, canvas: &mut Canvas) {
        t.draw(canvas);
    }

    fn carry_over(old: &Tower, new: &mut Tower) {
        let d = old.design;
        while new.design.floors < d.floors {
            new.add_floor();
        }
        while new.design.floors > d.floors {
            new.remove_floor();
        }
        for j in 0..d.floors {
            if d.braced[j] != new.design.braced[j] {
                new.toggle_brace(j);
            }
        }
        if d.weight != new.design.weight {
            new.toggle_weight();
        }
        if d.dampers != new.design.dampers {
            new.toggle_dampers();
        }
        new.choose_record(old.record);
    }

    const CARDS: &'static [Card] = &[("shake-tower", card::shake_tower)];
}

#[cfg(test)]
mod tests;
