//! `HowBig` ("How big was it?"): one station's record of a quake, drawn as
//! a standard Wood-Anderson seismometer would have drawn it. The visitor
//! reads S−P (the distance) and the biggest swing (the amplitude), lays a
//! ruler across the nomogram of the IASPEI (2013) local magnitude from the
//! distance to the amplitude, and reads the magnitude in the middle; it is
//! scored against the record's own ML at the true distance. The end shows
//! that one step of magnitude is ten times the swing and about 32 times
//! the energy.

pub mod card;
pub mod game;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::physics::magnitude::{local_magnitude, ml_iaspei, wood_anderson};
use crate::domain::physics::taup::TauModel;
use crate::domain::puzzle::nomogram::trace_mm;
use crate::domain::puzzle::reference::{reference_picks, sidecar};
use crate::domain::puzzle::seismogram::{MarkerKind, Seismogram};
use crate::domain::puzzle::{open_at, check_picks, check_recording, playable, sac_distance_km};
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use crate::domain::waveform::{self, Samples, Trace, UtcTime};
use game::{Game, NOMO_H, NOMO_W, RECORD_H, RECORD_W, Round};

/// Parameters of a `HowBig`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HowBigParams {
    /// What to do, shown beside the record.
    pub intro: Bilingual,
    /// The quakes, one per round, in the order played (1-6).
    pub rounds: Vec<SizeRound>,
    /// The Earth model that turns S−P into a distance: "chongqing",
    /// "iasp91" or "ak135".
    pub model: String,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// One quake at one station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SizeRound {
    /// `Easy`: S−P is marked on the record; `Medium`: the visitor reads it.
    pub difficulty: Difficulty,
    /// The recording of ground velocity, miniSEED or SAC, inside `assets/`,
    /// with at least one horizontal component.
    pub recording: String,
    /// The station's name.
    pub name: Bilingual,
    /// The reference P, ISO 8601 UTC; without it, the SAC header's, the
    /// sidecar's or the automatic picker's (which `validate` proposes).
    #[serde(default)]
    pub p: Option<String>,
    /// The reference S, the same way.
    #[serde(default)]
    pub s: Option<String>,
    /// The true epicentral distance, km; without it, the sidecar's or the
    /// SAC header's (DIST, or from STLA/STLO and EVLA/EVLO).
    #[serde(default)]
    pub distance_km: Option<f64>,
    /// The quake's depth, km; without it, the sidecar's or the SAC
    /// header's (EVDP), else 10 km.
    #[serde(default)]
    pub depth_km: Option<f64>,
    /// Ground velocity in nm/s of one count of the recording (the
    /// station's sensitivity inverted); not needed for a synthetic
    /// recording, whose sidecar says its samples are nm/s.
    #[serde(default)]
    pub nm_s_per_count: Option<f64>,
    /// The quake's magnitude in a catalogue, shown beside the record's ML;
    /// without it, a synthetic recording's own.
    #[serde(default)]
    pub magnitude: Option<f64>,
}

/// Whether S−P is given or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Difficulty {
    /// S−P is marked on the record: the visitor finds the biggest swing.
    Easy,
    /// The visitor reads S−P and the biggest swing.
    Medium,
}

/// The most seconds of record shown after P, whatever the distance.
const MAX_AFTER_P_S: f64 = 120.0;

/// Builds one round from its recording.
fn load_round(assets: &Path, r: &SizeRound) -> Result<Round, String> {
    let path = assets.join(&r.recording);
    let file = waveform::read_file(&path).map_err(|e| e.to_string())?;
    let time = |t: &Option<String>| t.as_deref().and_then(UtcTime::parse_iso);
    let picks = reference_picks(&path, &file, time(&r.p), time(&r.s));
    let (Some(p), Some(s)) = (picks.p, picks.s) else {
        return Err("no reference P and S".into());
    };
    let sp_s = s.time.secs_since(p.time);
    if sp_s <= 0.0 {
        return Err("the reference S is not after P".into());
    }
    let side = sidecar(&path);
    let h = file.sac_header.as_ref();
    let scale = r
        .nm_s_per_count
        .or(side.as_ref().filter(|s| s.units == "nm/s").map(|_| 1.0))
        .ok_or("the recording's units are not known: write nm_s_per_count:")?;
    let epi = r
        .distance_km
        .or(side.as_ref().map(|s| s.distance_km))
        .or(h.and_then(sac_distance_km))
        .ok_or("how far was the quake? write distance_km:")?;
    let depth_km = r
        .depth_km
        .or(side.as_ref().map(|s| s.event.depth_km))
        .or(h.and_then(|h| h.float("evdp")).map(|d| d as f64))
        .unwrap_or(10.0);
    let distance_km = epi.hypot(depth_km);
    // The horizontals in nm/s.
    let velocity: Vec<Trace> = file
        .stream
        .traces
        .iter()
        .map(|t| {
            let x: Vec<f64> = t.samples.to_f64().iter().map(|v| v * scale).collect();
            Trace {
                samples: Samples::F64(x),
                ..t.clone()
            }
        })
        .collect();
    let refs: Vec<&Trace> = velocity.iter().collect();
    let lm = local_magnitude(&refs, distance_km).ok_or("no horizontal component")?;
    let trace = velocity
        .iter()
        .filter(|t| t.channel == lm.channel)
        .max_by_key(|t| t.len())
        .ok_or("no horizontal component")?;
    // As a Wood-Anderson seismometer draws it: mm of its trace.
    let mut x = trace.samples.to_f64();
    waveform::dsp::demean(&mut x);
    let wa: Vec<f64> = wood_anderson(&x, trace.sample_rate_hz)
        .iter()
        .map(|&nm| trace_mm(nm))
        .collect();
    let wa = Trace {
        samples: Samples::F64(wa),
        ..trace.clone()
    };
    let peak_s = lm.time.secs_since(p.time);
    let after = (sp_s + (0.8 * sp_s).max(15.0)).max(peak_s + 4.0).min(MAX_AFTER_P_S);
    let view = Seismogram::new(&[&wa], p.time, (-4.0, after)).ok_or("nothing to draw")?;
    let mut round = Round {
        name: r.name.clone(),
        view,
        sp_s,
        depth_km,
        distance_km,
        peak_mm: 0.0,
        peak_s,
        ml: 0.0,
        catalogue: r.magnitude.or(side.as_ref().map(|s| s.event.magnitude)),
        difficulty: r.difficulty,
        used_sp: None,
    };
    // The answer is what the visitor's own measure gives at the peak, so
    // that a flag right on it reads exactly the record's ML.
    round.peak_mm = round.swing_at(peak_s);
    round.ml = ml_iaspei(round.peak_mm / trace_mm(1.0), distance_km);
    Ok(round)
}

impl Kind for HowBigParams {
    type State = Game;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("rounds"), self.rounds.len(), 1, 6, "rounds");
        c.earth_model(&at.field("model"), &self.model);
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        for (i, r) in self.rounds.iter().enumerate() {
            let rp = at.field("rounds").index(i);
            c.text(&rp.field("name"), &r.name, 16);
            if let Some(d) = r.depth_km {
                c.range_f32(&rp.field("depth_km"), d as f32, 0.0, 60.0, "km");
            }
            if let Some(d) = r.distance_km {
                // The range the IASPEI ML formula is made for.
                c.range_f32(&rp.field("distance_km"), d as f32, 10.0, 600.0, "km");
            }
            if let Some(g) = r.nm_s_per_count
                && !(g.is_finite() && g > 0.0)
            {
                c.error(&rp.field("nm_s_per_count"), "must be a positive number");
            }
            if let Some(m) = r.magnitude {
                c.range_f32(&rp.field("magnitude"), m as f32, -1.0, 9.5, "");
            }
            if !check_recording(c, &rp, &r.recording, [&r.p, &r.s]) {
                continue;
            }
            let path = c.assets_dir().join(&r.recording);
            match waveform::read_file(&path) {
                Err(e) => c.error(&rp.field("recording"), e.to_string()),
                Ok(file) => {
                    let time = |t: &Option<String>| t.as_deref().and_then(UtcTime::parse_iso);
                    check_picks(c, &rp, &reference_picks(&path, &file, time(&r.p), time(&r.s)));
                    if let Err(e) = load_round(c.assets_dir(), r) {
                        let field = if e.contains("nm_s_per_count") {
                            "nm_s_per_count"
                        } else if e.contains("distance_km") {
                            "distance_km"
                        } else {
                            "recording"
                        };
                        if !e.contains("reference P and S") {
                            c.error(&rp.field(field), e);
                        }
                    }
                }
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        t.extend(self.rounds.iter().map(|r| r.name.clone()));
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        let mut f = vec![self.preview.as_str()];
        f.extend(self.rounds.iter().map(|r| r.recording.as_str()));
        f
    }

    /// `shot --open N` shows round N measured and laid a little off the
    /// answers, and checked; one more than the rounds, the end.
    fn build(&self, opening: &Opening) -> Result<Game, String> {
        let tau = TauModel::shared(&self.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", self.model))?;
        let assets = opening.asset("");
        let rounds = playable(
            &self.rounds,
            |r| load_round(&assets, r),
            "no round has a recording with reference picks and a known distance",
        )?;
        let mut game = Game::new(rounds, tau);
        let rounds = game.rounds.len();
        open_at(&mut game, opening.moment, rounds, play_nearly_right, Game::next);
        Ok(game)
    }

    fn pictures(_: &Game) -> Vec<Picture> {
        vec![
            Picture::new(RECORD_W, RECORD_H, Rgba::hex(0x10202e)),
            Picture::new(NOMO_W, NOMO_H, Rgba::hex(0x10202e)),
        ]
    }

    fn stale(game: &Game, index: usize) -> bool {
        game.stale(index)
    }

    fn draw(game: &mut Game, index: usize, canvas: &mut Canvas) {
        game.draw(index, canvas);
    }

    const CARDS: &'static [Card] = &[("how-big", card::how_big)];
}

/// Plays the current round as a visitor who nearly has it: S a little
/// late, the A flag a little off the biggest swing, the ruler's ends a few
/// pixels off the marks, checked.
pub fn play_nearly_right(game: &mut Game) {
    let w = RECORD_W as f32;
    let r = game.round();
    let x = |t: f64| (r.view.frac_of(t) * w as f64) as f32;
    let (xs, xa) = (x(r.sp_s + 0.3), x(r.peak_s + 0.2));
    // Each flag is taken where it is and dragged to its place.
    for (kind, to) in [(MarkerKind::S, xs), (MarkerKind::Amplitude, xa)] {
        let r = game.round();
        let Some(i) = r.view.markers.iter().position(|m| m.kind == kind) else {
            continue;
        };
        let from = r.view.flag_x(i, w);
        game.record_press(from, w);
        game.record_drag(to, w);
        game.record_release();
    }
    game.to_nomogram();
    if let Some([yl, yr]) = game.measured_y() {
        let h = NOMO_H as f64;
        game.nomogram_press(0.1, (yl + 3.0) / h);
        game.nomogram_release();
        game.nomogram_press(0.9, (yr - 30.0) / h);
        game.nomogram_release();
    }
    game.check();
}
