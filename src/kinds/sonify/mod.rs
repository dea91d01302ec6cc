//! `Sonify` ("Sounds of the Earth"): recordings sped up into audible sound
//! (audification, `domain::sound::audify`): a nearby, a farther and a
//! distant quake, each at the speed-up its curator set, played through the
//! hall's audio output while the record's trace and its spectrogram scroll
//! under a playhead that is where the sound is. Captions say what is heard
//! at the playhead: the quiet hum, P's crack, S's thump, the long roar of
//! surface waves, the shaking dying away.

pub mod card;
pub mod game;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::physics::synth::SURFACE_GROUP_KM_S;
use crate::domain::puzzle::check_recording;
use crate::domain::puzzle::reference::{reference_picks, sidecar};
use crate::domain::puzzle::seismogram::Seismogram;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::sound::audify::{LONGEST_S, SPEEDUP_RANGE};
use crate::domain::text::Bilingual;
use crate::domain::waveform::{self, UtcTime, vertical};
use game::{Listening, Phases, Quake, SPEC_H, SPEC_W, TRACE_H, TRACE_W};

/// Parameters of a `Sonify`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SonifyParams {
    /// What to do, shown beside the quakes.
    pub intro: Bilingual,
    /// The quakes to hear, one button each (1-4).
    pub quakes: Vec<QuakeSound>,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// One quake to hear.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuakeSound {
    /// Its button ("A nearby quake").
    pub name: Bilingual,
    /// What it is, shown while it plays.
    pub about: Bilingual,
    /// A recording of ground velocity, miniSEED or SAC, inside `assets/`,
    /// with a vertical component.
    pub recording: String,
    /// How many times faster than the ground moved it is played (10-4000):
    /// a local quake's 5-20 Hz needs about 20-40 to be heard, a distant
    /// quake's 0.05-1 Hz a few hundred. The sound may last 60 s at most.
    pub speedup: f32,
    /// The P, ISO 8601 UTC; without it, the SAC header's, the sidecar's or
    /// the automatic picker's.
    #[serde(default)]
    pub p: Option<String>,
    /// The S, the same way.
    #[serde(default)]
    pub s: Option<String>,
    /// Where the surface waves begin, ISO 8601 UTC; without it, for a
    /// synthetic recording, when the fastest of them arrive, if that is a
    /// minute or more after S (nearer, they ride in S's coda).
    #[serde(default)]
    pub surface: Option<String>,
}

/// The surface waves' start on a synthetic record that starts at `start`:
/// the fastest group velocity of the synthesis over the distance, where
/// that is at least a minute after S.
fn synthetic_surface(path: &std::path::Path, start: UtcTime, s: Option<f64>) -> Option<f64> {
    let side = sidecar(path)?;
    let origin = UtcTime::parse_iso(&side.event.origin_time)?;
    let t = origin.secs_since(start) + side.distance_km / SURFACE_GROUP_KM_S.0;
    (t - s? >= 60.0).then_some(t)
}

/// Quake `q`, read from `assets`.
fn load_quake(opening: &Opening, q: &QuakeSound) -> Result<Quake, String> {
    let path = opening.asset(&q.recording);
    let file = waveform::read_file(&path).map_err(|e| e.to_string())?;
    let z = vertical(&file.stream.traces).ok_or("no vertical component")?;
    let time = |t: &Option<String>| t.as_deref().and_then(UtcTime::parse_iso);
    let picks = reference_picks(&path, &file, time(&q.p), time(&q.s));
    let rel = |t: UtcTime| t.secs_since(z.start);
    let (p, s) = (picks.p.map(|p| rel(p.time)), picks.s.map(|s| rel(s.time)));
    let surface = time(&q.surface)
        .map(rel)
        .or_else(|| synthetic_surface(&path, z.start, s));
    let duration = z.len() as f64 / z.sample_rate_hz;
    let view = Seismogram::new(&[z], z.start, (0.0, duration)).ok_or("nothing to draw")?;
    let mut quake = Quake::new(
        &z.samples.to_f64(),
        z.sample_rate_hz,
        q.speedup as f64,
        view,
        Phases { p, s, surface },
    )?;
    quake.name = q.name.clone();
    quake.about = q.about.clone();
    Ok(quake)
}

impl Kind for SonifyParams {
    type State = Listening;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("quakes"), self.quakes.len(), 1, 4, "quakes");
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        for (i, q) in self.quakes.iter().enumerate() {
            let qp = at.field("quakes").index(i);
            c.text(&qp.field("name"), &q.name, 16);
            c.text(&qp.field("about"), &q.about, 80);
            let (lo, hi) = SPEEDUP_RANGE;
            c.range_f32(&qp.field("speedup"), q.speedup, lo as f32, hi as f32, "times");
            if let Some(t) = &q.surface {
                crate::domain::puzzle::check_time(c, &qp.field("surface"), t);
            }
            if !check_recording(c, &qp, &q.recording, [&q.p, &q.s]) {
                continue;
            }
            match waveform::read_file(&c.assets_dir().join(&q.recording)) {
                Err(e) => c.error(&qp.field("recording"), e.to_string()),
                Ok(f) => match vertical(&f.stream.traces) {
                    None => c.error(
                        &qp.field("recording"),
                        "no vertical component (a channel ending in Z or 3) to play",
                    ),
                    Some(z) => {
                        let secs = z.len() as f64 / z.sample_rate_hz / q.speedup as f64;
                        if secs > LONGEST_S {
                            c.error(
                                &qp.field("speedup"),
                                format!(
                                    "the sound would last {secs:.0} s (longest {LONGEST_S:.0} s): raise the speed-up to {:.0} or more",
                                    (z.len() as f64 / z.sample_rate_hz / LONGEST_S).ceil()
                                ),
                            );
                        }
                    }
                },
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        for q in &self.quakes {
            t.push(q.name.clone());
            t.push(q.about.clone());
        }
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        let mut f = vec![self.preview.as_str()];
        f.extend(self.quakes.iter().map(|q| q.recording.as_str()));
        f
    }

    /// Opens at rest on the first quake. A quake whose recording cannot be
    /// played is left out with a warning. `shot --open N`: quake N held a
    /// minute into its surface waves, or 3 s into its S, or 45% of the way
    /// through its sound.
    fn build(&self, opening: &Opening) -> Result<Listening, String> {
        let quakes: Vec<Quake> = self
            .quakes
            .iter()
            .filter_map(|q| {
                load_quake(opening, q)
                    .map_err(|e| eprintln!("warning: {}: {e}: left out", q.recording))
                    .ok()
            })
            .collect();
        if quakes.is_empty() {
            return Err("no quake could be played".into());
        }
        let mut g = Listening::new(quakes);
        if let Some(n) = opening.moment {
            let k = n.clamp(1, g.quakes.len()) - 1;
            let q = &g.quakes[k];
            let at = match (q.phases.surface, q.phases.s) {
                (Some(t), _) => (t + 60.0).min(q.record_s()),
                (None, Some(s)) => (s + 3.0).min(q.record_s()),
                _ => 0.45 * q.record_s(),
            };
            let secs = at / q.sound.speedup;
            g.run_for(k, secs);
        }
        Ok(g)
    }

    fn advance(g: &mut Listening, _dt: f64) {
        g.advance();
    }

    fn pictures(_: &Listening) -> Vec<Picture> {
        vec![
            Picture::new(TRACE_W, TRACE_H, Rgba::hex(0x10202e)),
            Picture::new(SPEC_W, SPEC_H, Rgba::hex(0x10202e)),
        ]
    }

    fn stale(g: &Listening, index: usize) -> bool {
        g.stale(index)
    }

    fn draw(g: &mut Listening, index: usize, canvas: &mut Canvas) {
        g.draw(index, canvas);
    }

    fn sounds(&self) -> bool {
        true
    }

    fn voice(g: &mut Listening) -> Option<&mut crate::domain::sound::voice::Voice> {
        g.voice_mut()
    }

    const CARDS: &'static [Card] = &[("sonify", card::sonify)];
}
