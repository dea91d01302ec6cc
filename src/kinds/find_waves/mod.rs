//! `FindWaves` ("Find the P and S waves"): the visitor drags the P and S
//! markers onto a recording, is scored against the reference picks with a
//! tolerance that follows the recording's difficulty, learns why (P comes
//! first, is smaller and strongest on the vertical; S is larger, later and
//! strongest on the horizontals), and reads the quake's distance from S−P.
//! A new recording each round.

pub mod card;
pub mod game;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening};
use crate::domain::physics::geo::km_per_deg;
use crate::domain::physics::taup::TauModel;
use crate::domain::puzzle::reference::{ReferencePicks, reference_picks};
use crate::domain::puzzle::{open_at, check_picks, check_recording, playable};
use crate::domain::puzzle::seismogram::Seismogram;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use crate::domain::sound::listen::{Listen, check_listen_s};
use crate::domain::waveform::{self, Trace, UtcTime, WaveformFile, vertical};
use game::{Game, Round};

/// Parameters of a `FindWaves`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindWavesParams {
    /// What to do, shown beside the recording.
    pub intro: Bilingual,
    /// The recordings, one per round, in the order played (1-8).
    pub rounds: Vec<FindRound>,
    /// The Earth model that turns S−P into a distance: "chongqing",
    /// "iasp91" or "ak135".
    pub model: String,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
    /// How long the Listen button's sound lasts, s (2-30): the recording
    /// on screen is sped up to fit (`domain::sound::listen`). Without it
    /// there is no Listen button.
    #[serde(default)]
    pub listen_s: Option<f32>,
}

/// One round: a recording and how hard it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindRound {
    /// The recording, miniSEED or SAC, inside `assets/`.
    pub recording: String,
    /// `NET.STA` of the station to show, when the file holds several.
    #[serde(default)]
    pub station: Option<String>,
    /// How hard its arrivals are to see.
    pub difficulty: Difficulty,
    /// The reference P, ISO 8601 UTC (`"2026-03-18T02:14:22.17Z"`); without
    /// it, the SAC header's, the synthetic sidecar's or the automatic
    /// picker's (which `validate` proposes for confirmation).
    #[serde(default)]
    pub p: Option<String>,
    /// The reference S, the same way.
    #[serde(default)]
    pub s: Option<String>,
}

/// How hard a recording is to read, which sets how far off a marker may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Difficulty {
    /// A clean local record: sharp onsets.
    Easy,
    /// A regional or noisier record.
    Medium,
    /// A teleseismic record: emergent onsets minutes apart.
    Hard,
}

impl Difficulty {
    /// How far from the reference a P and an S marker still count as right,
    /// s. Five to ten times what an analyst allows for such onsets (about
    /// 0.1 s for a sharp local P, 0.3 s for its S, a second or more at
    /// teleseismic distances; Bormann, NMSOP-2 2012, ch. 11), since a
    /// child's finger is wider than an analyst's cursor.
    pub fn tolerance_s(self) -> (f64, f64) {
        match self {
            Difficulty::Easy => (0.6, 1.2),
            Difficulty::Medium => (1.5, 3.0),
            Difficulty::Hard => (5.0, 10.0),
        }
    }
}

/// Width of the trace on screen the tolerances are judged against, px: a
/// marker within [`MIN_TOLERANCE_PX`] of the answer at the first zoom is
/// right whatever the difficulty.
pub const TRACE_W: u32 = 880;
/// Height of the seismogram picture, px.
pub const TRACE_H: u32 = 560;
/// Least tolerance, in pixels of the first zoom.
pub const MIN_TOLERANCE_PX: f64 = 10.0;

/// The reference picks of a round's recording, and the file they came
/// from (to show a curator where each comes from).
pub fn round_picks(
    assets: &Path,
    round: &FindRound,
) -> Result<(WaveformFile, ReferencePicks), String> {
    let path = assets.join(&round.recording);
    let file = waveform::read_file(&path).map_err(|e| e.to_string())?;
    let time = |t: &Option<String>| t.as_deref().and_then(UtcTime::parse_iso);
    let picks = reference_picks(&path, &file, time(&round.p), time(&round.s));
    Ok((file, picks))
}

/// The traces of one station in `file`: `station` (`NET.STA`) or the
/// first in the file.
fn station_traces<'a>(file: &'a WaveformFile, station: Option<&str>) -> (String, Vec<&'a Trace>) {
    let id = |t: &Trace| format!("{}.{}", t.network, t.station);
    let want = station
        .map(str::to_owned)
        .or_else(|| file.stream.traces.first().map(id))
        .unwrap_or_default();
    let mut traces: Vec<&Trace> = file.stream.traces.iter().filter(|t| id(t) == want).collect();
    // The longest segment of each channel.
    traces.sort_by(|a, b| a.channel.cmp(&b.channel).then(b.len().cmp(&a.len())));
    traces.dedup_by(|a, b| a.channel == b.channel);
    (want, traces)
}

/// Builds one round from its recording; with `listen_s`, its sound too.
fn load_round(assets: &Path, r: &FindRound, tau: &TauModel, listen_s: Option<f32>) -> Result<Round, String> {
    let (file, picks) = round_picks(assets, r)?;
    let (station, traces) = station_traces(&file, r.station.as_deref());
    let (Some(p), Some(s)) = (picks.p, picks.s) else {
        return Err(format!("{}: no reference P and S", r.recording));
    };
    let origin = traces
        .iter()
        .map(|t| t.start)
        .min()
        .ok_or_else(|| format!("{}: no station {station}", r.recording))?;
    let (p_s, s_s) = (p.time.secs_since(origin), s.time.secs_since(origin));
    let sp = s_s - p_s;
    if sp <= 0.0 {
        return Err(format!("{}: the reference S is not after P", r.recording));
    }
    // Some noise before P, S and its coda after, but not the surface waves
    // of a distant quake, which would dwarf both.
    let window = (
        p_s - (0.5 * sp).clamp(8.0, 60.0),
        s_s + (1.2 * sp).clamp(12.0, 60.0),
    );
    let view = Seismogram::new(&traces, origin, window)
        .ok_or_else(|| format!("{}: nothing to draw", r.recording))?;
    let listen = listen_s.and_then(|secs| {
        let z = vertical(traces.iter().copied())?;
        Some(Listen::of_window(z, origin, view.home, secs as f64))
    });
    let shown = view.view.1 - view.view.0;
    let least = shown * MIN_TOLERANCE_PX / TRACE_W as f64;
    let (tp, ts) = r.difficulty.tolerance_s();
    let distance_km = tau
        .source(10.0)
        .distance_for_s_minus_p(sp)
        .map(|d| d * km_per_deg());
    Ok(Round {
        view,
        p_s,
        s_s,
        tolerance_s: (tp.max(least), ts.max(least)),
        difficulty: r.difficulty,
        distance_km,
        picks,
        station,
        listen,
    })
}

impl Kind for FindWavesParams {
    type State = Game;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("rounds"), self.rounds.len(), 1, 8, "rounds");
        c.earth_model(&at.field("model"), &self.model);
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        check_listen_s(c, &at.field("listen_s"), self.listen_s);
        for (i, r) in self.rounds.iter().enumerate() {
            let rp = at.field("rounds").index(i);
            if !check_recording(c, &rp, &r.recording, [&r.p, &r.s]) {
                continue;
            }
            match round_picks(c.assets_dir(), r) {
                Err(e) => c.error(&rp.field("recording"), e),
                Ok((_, picks)) => check_picks(c, &rp, &picks),
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        let mut f = vec![self.preview.as_str()];
        f.extend(self.rounds.iter().map(|r| r.recording.as_str()));
        f
    }

    /// `shot --open N` shows round N with the markers placed a little off
    /// the answers and checked; one more than the rounds, the end.
    fn build(&self, opening: &Opening) -> Result<Game, String> {
        let tau = TauModel::shared(&self.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", self.model))?;
        let assets = opening.asset("");
        let rounds = playable(
            &self.rounds,
            |r| load_round(&assets, r, &tau, self.listen_s),
            "no round has a recording with reference picks",
        )?;
        let mut game = Game::new(rounds);
        let rounds = game.rounds.len();
        open_at(&mut game, opening.moment, rounds, Game::show_answer, Game::next);
        Ok(game)
    }

    fn pictures(_: &Game) -> Vec<super::Picture> {
        vec![super::Picture::new(TRACE_W, TRACE_H, crate::domain::draw::canvas::Rgba::hex(0x10202e))]
    }

    fn stale(game: &Game, _index: usize) -> bool {
        game.stale()
    }

    fn draw(game: &mut Game, _index: usize, canvas: &mut crate::domain::draw::Canvas) {
        game.draw(canvas);
    }

    fn sounds(&self) -> bool {
        self.listen_s.is_some()
    }

    fn voice(game: &mut Game) -> Option<&mut crate::domain::sound::voice::Voice> {
        game.listening()
    }

    const CARDS: &'static [Card] = &[("find-waves", card::find_waves)];
}
