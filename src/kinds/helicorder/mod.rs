//! `Helicorder` ("The drum recorder"): a day of ground motion at 100 Hz on
//! a helicorder drum, lines of 15 or 30 minutes in alternating colours
//! from 00:00 Beijing time, Beijing time on the left and UTC on the right;
//! a finger scrolls the day, a tap on a wiggle opens it in the touch
//! seismogram view, and "filter" band-passes the whole drum. The shipped
//! day is synthetic (`day`); a curator can point the scene at a real day
//! file instead.

pub mod card;
pub mod day;
pub mod drum;
pub mod game;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::puzzle::check_recording;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use crate::domain::waveform::{self, Trace};
use day::{Day, DayQuake};
use drum::Drum;
use game::{PIC_H, PIC_W, Recorder};

/// The shipped synthetic day's date (Beijing) and seed.
pub const SHIPPED_DATE: &str = "2026-03-18";
/// Its seed.
pub const SHIPPED_SEED: u64 = 13;

/// Parameters of a `Helicorder`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelicorderParams {
    /// What to do, shown beside the drum.
    pub intro: Bilingual,
    /// Minutes per line of the drum: 15 or 30.
    pub line_minutes: u32,
    /// The day on the drum.
    pub day: DaySource,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// Where the drum's day comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DaySource {
    /// The synthetic day the hall ships: a Beijing `date` ("2026-03-18")
    /// and a `seed` (the same seed, the same day).
    Synthetic {
        /// The day, Beijing time.
        date: String,
        /// The seed of its noise.
        seed: u64,
    },
    /// A real day: a miniSEED or SAC file inside `assets/` with a vertical
    /// component, its ground velocity `nm_s_per_count` nm/s per count; the
    /// drum shows the Beijing day of its first sample.
    Recorded {
        /// The file.
        recording: String,
        /// nm/s per count (the sensitivity inverted).
        nm_s_per_count: f64,
    },
}

/// A day made ready for the drum: the drum, the samples, the quakes.
type Prepared = (Arc<Drum>, Arc<[f32]>, Vec<DayQuake>);

/// The day of `source` read (or made) and laid on the drum. The last one
/// is kept for the next visitor: making the synthetic day and its blocks
/// takes about a second.
fn prepare(opening: &Opening, source: &DaySource, line_s: f64) -> Result<Prepared, String> {
    static LAST: Mutex<Option<(String, Prepared)>> = Mutex::new(None);
    // One at a time: a visitor who opens the exhibit while the hall's
    // warm-up is making the day waits for it rather than making it twice.
    static MAKING: Mutex<()> = Mutex::new(());
    let _making = MAKING.lock();
    let key = format!("{source:?} {line_s} {:?}", opening.assets);
    if let Ok(last) = LAST.lock()
        && let Some((k, p)) = last.as_ref()
        && *k == key
    {
        return Ok(p.clone());
    }
    let day = load_day(opening, source)?;
    let drum = Arc::new(Drum::new(&day, line_s));
    let prepared: Prepared = (drum, day.samples.into(), day.quakes);
    if let Ok(mut last) = LAST.lock() {
        *last = Some((key, prepared.clone()));
    }
    Ok(prepared)
}

/// The day of `source`.
fn load_day(opening: &Opening, source: &DaySource) -> Result<Day, String> {
    match source {
        DaySource::Synthetic { date, seed } => day::synthetic_day(date, *seed),
        DaySource::Recorded {
            recording,
            nm_s_per_count,
        } => {
            let file = waveform::read_file(&opening.asset(recording)).map_err(|e| e.to_string())?;
            let z: Vec<&Trace> = file
                .stream
                .traces
                .iter()
                .filter(|t| t.channel.ends_with(['Z', 'z', '3']))
                .collect();
            if z.is_empty() {
                return Err("no vertical component (a channel ending in Z or 3)".into());
            }
            day::recorded_day(&z, *nm_s_per_count).ok_or_else(|| "its traces have different sample rates".into())
        }
    }
}

impl Kind for HelicorderParams {
    type State = Recorder;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        if ![15, 30].contains(&self.line_minutes) {
            c.error(
                &at.field("line_minutes"),
                format!("{} is not a drum's line: write 15 or 30", self.line_minutes),
            );
        }
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        let dp = at.field("day");
        match &self.day {
            DaySource::Synthetic { date, .. } => {
                if day::beijing_midnight(date).is_none() {
                    c.error(&dp.field("date"), format!("\"{date}\" is not a date: write it like \"2026-03-18\""));
                }
            }
            DaySource::Recorded {
                recording,
                nm_s_per_count,
            } => {
                if !(nm_s_per_count.is_finite() && *nm_s_per_count > 0.0) {
                    c.error(&dp.field("nm_s_per_count"), "must be a positive number");
                }
                if check_recording(c, &dp, recording, [&None, &None]) {
                    let opening = Opening {
                        assets: Some(c.assets_dir().into()),
                        ..Opening::default()
                    };
                    if let Err(e) = load_day(&opening, &self.day) {
                        c.error(&dp.field("recording"), e);
                    }
                }
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        if let DaySource::Synthetic { .. } = self.day {
            t.extend(day::quake_names());
        }
        t
    }

    fn files(&self) -> Vec<&str> {
        let mut f = vec![self.preview.as_str()];
        if let DaySource::Recorded { recording, .. } = &self.day {
            f.push(recording);
        }
        f
    }

    /// Opens on the hour of the day's first quake. `shot --open N`: quake
    /// N open in the seismogram view (with the filter on from N = 2).
    fn build(&self, opening: &Opening) -> Result<Recorder, String> {
        let (drum, samples, quakes) = prepare(opening, &self.day, self.line_minutes as f64 * 60.0)?;
        let mut r = Recorder::from_parts(drum, samples, quakes);
        if let Some(n) = opening.moment
            && let Some(q) = r.quakes.get(n.saturating_sub(1)).cloned()
        {
            if n >= 2 {
                r.toggle_filter();
            }
            r.open_at(q.arrives.add_secs(30.0));
        }
        Ok(r)
    }

    /// Makes the day and lays it on the drum, for the first visitor.
    fn warm_up(&self, opening: &Opening) {
        if let Err(e) = prepare(opening, &self.day, self.line_minutes as f64 * 60.0) {
            eprintln!("warning: the drum's day: {e}");
        }
    }

    fn pictures(_: &Recorder) -> Vec<Picture> {
        vec![Picture::new(PIC_W, PIC_H, drum::PAPER)]
    }

    fn stale(r: &Recorder, _: usize) -> bool {
        r.stale()
    }

    fn draw(r: &mut Recorder, _: usize, canvas: &mut Canvas) {
        r.draw(canvas);
    }

    const CARDS: &'static [Card] = &[("helicorder", card::helicorder)];
}
