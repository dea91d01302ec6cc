//! `Seismometer` ("How a seismometer works"): a mass on a spring with a
//! damper in a frame standing on the ground, and a lever that turns the
//! mass's lag into a pen's line on a drum. The visitor drags the ground (or
//! taps "quick shake" or "slow sway") and sees the frame, the drum and the
//! pen's paper move while the heavy mass lags; a slider changes the natural
//! period from a short-period 1 s to a long-period 20 s instrument. The
//! physics is the damped oscillator of `domain::physics::oscillator`,
//! stepped exactly. "Replay a real record" passes a recording through a
//! 1 s and a 20 s instrument, so that the visitor sees the first miss the
//! slow surface waves the second records.

pub mod card;
pub mod game;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::puzzle::check_recording;
use crate::domain::puzzle::reference::reference_picks;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use crate::domain::waveform::{self, UtcTime, vertical};
use game::{Game, LONGEST_S, PIC_H, PIC_W, QUICK, Replay, SHORTEST_S, SLOW};

/// Parameters of a `Seismometer`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeismometerParams {
    /// What to do, shown beside the instrument.
    pub intro: Bilingual,
    /// The natural period the instrument opens with, s (1-20).
    pub period_s: f32,
    /// Its damping, as a fraction of critical (0.2-1.5; most instruments
    /// are built near 0.7).
    pub damping: f32,
    /// A recording to replay through a 1 s and a 20 s instrument; without
    /// one there is no replay button.
    #[serde(default)]
    pub replay: Option<ReplayParams>,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// The record replayed through two instruments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplayParams {
    /// A recording of ground velocity, miniSEED or SAC, inside `assets/`,
    /// with a vertical component.
    pub recording: String,
    /// What it is, shown over the replay.
    pub name: Bilingual,
    /// Seconds the replay of the whole recording takes (10-120).
    pub replay_s: f32,
    /// The P to mark, ISO 8601 UTC; without it, the SAC header's, the
    /// sidecar's or the automatic picker's.
    #[serde(default)]
    pub p: Option<String>,
    /// The S, the same way.
    #[serde(default)]
    pub s: Option<String>,
}

/// The periods of the replay's two instruments, s.
pub const REPLAY_PERIODS: (f64, f64) = (SHORTEST_S, LONGEST_S);

/// The replay of `r`, read from `assets`.
fn load_replay(opening: &Opening, r: &ReplayParams, damping: f64) -> Result<Replay, String> {
    let path = opening.asset(&r.recording);
    let file = waveform::read_file(&path).map_err(|e| e.to_string())?;
    let z = vertical(&file.stream.traces).ok_or("no vertical component")?;
    let time = |t: &Option<String>| t.as_deref().and_then(UtcTime::parse_iso);
    let picks = reference_picks(&path, &file, time(&r.p), time(&r.s));
    let rel = |p: Option<crate::domain::puzzle::reference::ReferencePick>| {
        p.map(|p| p.time.secs_since(z.start))
    };
    Replay::new(
        &z.samples.to_f64(),
        z.sample_rate_hz,
        REPLAY_PERIODS,
        damping,
        r.replay_s as f64,
        (rel(picks.p), rel(picks.s)),
    )
    .ok_or_else(|| "too short to replay".to_string())
}

impl Kind for SeismometerParams {
    type State = Game;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.range_f32(&at.field("period_s"), self.period_s, SHORTEST_S as f32, LONGEST_S as f32, "s");
        c.range_f32(&at.field("damping"), self.damping, 0.2, 1.5, "(fraction of critical)");
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        if let Some(r) = &self.replay {
            let rp = at.field("replay");
            c.text(&rp.field("name"), &r.name, 60);
            c.range_f32(&rp.field("replay_s"), r.replay_s, 10.0, 120.0, "s");
            if check_recording(c, &rp, &r.recording, [&r.p, &r.s]) {
                match waveform::read_file(&c.assets_dir().join(&r.recording)) {
                    Err(e) => c.error(&rp.field("recording"), e.to_string()),
                    Ok(f) if vertical(&f.stream.traces).is_none() => c.error(
                        &rp.field("recording"),
                        "no vertical component (a channel ending in Z or 3) to replay",
                    ),
                    Ok(_) => {}
                }
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        t.extend(self.replay.as_ref().map(|r| r.name.clone()));
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        let mut f = vec![self.preview.as_str()];
        f.extend(self.replay.as_ref().map(|r| r.recording.as_str()));
        f
    }

    /// Opens at rest. A replay that cannot be read is left out with a
    /// warning: the instrument works without it. `shot --open N`: 1 a
    /// quick shake, 2 a slow sway through the 1 s instrument, 3 the same
    /// through a 20 s one, 4 the replay played to its end.
    fn build(&self, opening: &Opening) -> Result<Game, String> {
        let damping = self.damping as f64;
        let replay = self.replay.as_ref().and_then(|r| {
            load_replay(opening, r, damping)
                .map_err(|e| eprintln!("warning: replay {}: {e}: left out", r.recording))
                .ok()
        });
        let mut g = Game::new(self.period_s as f64, damping, replay);
        match opening.moment {
            Some(1) => {
                g.shake(QUICK);
                g.run_for(2.6);
            }
            Some(n @ (2 | 3)) => {
                g.set_period(if n == 2 { SHORTEST_S } else { LONGEST_S });
                g.shake(SLOW);
                g.run_for(6.0);
            }
            Some(n) if n >= 4 => {
                g.start_replay();
                g.run_for(self.replay.as_ref().map_or(0.0, |r| r.replay_s as f64) + 1.0);
            }
            _ => {}
        }
        Ok(g)
    }

    fn advance(g: &mut Game, dt: f64) {
        g.advance(dt);
    }

    fn pictures(_: &Game) -> Vec<Picture> {
        vec![Picture::new(PIC_W, PIC_H, Rgba::hex(0x10202e))]
    }

    fn draw(g: &mut Game, _: usize, canvas: &mut Canvas) {
        g.draw(canvas);
    }

    const CARDS: &'static [Card] = &[("seismometer", card::seismometer)];
}
