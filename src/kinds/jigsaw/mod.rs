//! `Jigsaw` ("Seismogram jigsaw"): the records of one quake at stations at
//! different distances, shuffled, on one time axis from the quake's origin.
//! The visitor drags them into order by distance; the P and S lines light
//! up between neighbours in the right order and run through the whole stack
//! once it is sorted; then the records move to their true distances under
//! the Earth model's travel-time curves from the tau-p layer.

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
use crate::domain::physics::geo::km_per_deg;
use crate::domain::physics::taup::{TauModel, Wave};
use crate::domain::puzzle::{open_at, RECORDING_EXTENSIONS, check_picks, check_time, horizontal, playable};
use crate::domain::puzzle::reference::{ReferencePicks, reference_picks, sidecar};
use crate::domain::puzzle::seismogram::Component;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use crate::domain::waveform::{self, UtcTime};
use game::{Game, Record, Round, STACK_H, STACK_W};

/// Most records in one stack.
pub const MAX_RECORDS: usize = 7;

/// Parameters of a `Jigsaw`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JigsawParams {
    /// What to do, shown beside the stack.
    pub intro: Bilingual,
    /// The quakes, one stack each, in the order played (1-4).
    pub rounds: Vec<JigsawRound>,
    /// The Earth model of the travel-time curves: "chongqing", "iasp91"
    /// or "ak135".
    pub model: String,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// One quake's records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JigsawRound {
    /// The records (3-7): one station each.
    pub records: Vec<JigsawRecord>,
    /// The quake's origin time, ISO 8601 UTC; without it, the synthetic
    /// recordings' sidecar's.
    #[serde(default)]
    pub origin: Option<String>,
    /// The quake's depth, km; without it, the sidecar's or the SAC
    /// header's (EVDP), else 10 km.
    #[serde(default)]
    pub depth_km: Option<f64>,
}

/// One station's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JigsawRecord {
    /// The recording, miniSEED or SAC, inside `assets/`.
    pub recording: String,
    /// The station's name, shown once the stack is sorted.
    pub name: Bilingual,
    /// Its distance from the epicentre, km; without it, the sidecar's or
    /// the SAC header's (DIST, or from STLA/STLO and EVLA/EVLO).
    #[serde(default)]
    pub distance_km: Option<f64>,
}

/// What one recording gives.
struct Loaded {
    file: waveform::WaveformFile,
    picks: ReferencePicks,
    distance_km: Option<f64>,
    origin: Option<UtcTime>,
    depth_km: Option<f64>,
}

fn load(assets: &Path, r: &JigsawRecord) -> Result<Loaded, String> {
    let path = assets.join(&r.recording);
    let file = waveform::read_file(&path).map_err(|e| e.to_string())?;
    let picks = reference_picks(&path, &file, None, None);
    let side = sidecar(&path);
    let h = file.sac_header.as_ref();
    let sac_distance = h.and_then(crate::domain::puzzle::sac_distance_km);
    let distance_km = r
        .distance_km
        .or(side.as_ref().map(|s| s.distance_km))
        .or(sac_distance);
    let origin = side
        .as_ref()
        .and_then(|s| UtcTime::parse_iso(&s.event.origin_time));
    let depth_km = side
        .as_ref()
        .map(|s| s.event.depth_km)
        .or(h.and_then(|h| h.float("evdp")).map(|d| d as f64));
    Ok(Loaded {
        file,
        picks,
        distance_km,
        origin,
        depth_km,
    })
}

fn load_round(assets: &Path, r: &JigsawRound, tau: &TauModel) -> Result<Round, String> {
    let loaded: Vec<Loaded> = r
        .records
        .iter()
        .map(|rec| load(assets, rec))
        .collect::<Result<_, _>>()?;
    let origin = r
        .origin
        .as_deref()
        .and_then(UtcTime::parse_iso)
        .or(loaded.iter().find_map(|l| l.origin))
        .ok_or("no origin time: write origin: \"2026-06-17T14:55:43.2Z\"")?;
    let depth = r
        .depth_km
        .or(loaded.iter().find_map(|l| l.depth_km))
        .unwrap_or(10.0);
    let mut records = Vec::new();
    for (rec, l) in r.records.iter().zip(&loaded) {
        let (Some(p), Some(s)) = (l.picks.p, l.picks.s) else {
            return Err(format!("{}: no reference P and S", rec.recording));
        };
        let distance_km = l
            .distance_km
            .ok_or_else(|| format!("{}: how far is it? write distance_km:", rec.recording))?;
        let trace = horizontal(&l.file.stream.traces)
            .ok_or_else(|| format!("{}: nothing to draw", rec.recording))?;
        records.push(Record {
            name: rec.name.clone(),
            distance_km,
            trace: Component::new(trace, origin),
            p_s: p.time.secs_since(origin),
            s_s: s.time.secs_since(origin),
        });
    }
    let max_d = records.iter().map(|r| r.distance_km).fold(1.0, f64::max);
    let last_s = records.iter().map(|r| r.s_s).fold(0.0, f64::max);
    let first_p = records.iter().map(|r| r.p_s).fold(f64::INFINITY, f64::min);
    let src = tau.source(depth);
    let curves = (0..=100)
        .filter_map(|i| {
            let km = max_d * 1.05 * i as f64 / 100.0;
            let deg = km / km_per_deg();
            Some((km, src.first_time(Wave::P, deg)?, src.first_time(Wave::S, deg)?))
        })
        .collect();
    Ok(Round {
        records,
        curves,
        window_s: last_s + 0.4 * (last_s - first_p).max(5.0),
    })
}

impl Kind for JigsawParams {
    type State = Game;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("rounds"), self.rounds.len(), 1, 4, "rounds");
        c.earth_model(&at.field("model"), &self.model);
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        for (i, r) in self.rounds.iter().enumerate() {
            let rp = at.field("rounds").index(i);
            c.count(&rp.field("records"), r.records.len(), 3, MAX_RECORDS, "records");
            if let Some(o) = &r.origin {
                check_time(c, &rp.field("origin"), o);
            }
            let mut origin = r.origin.is_some();
            let mut distances: Vec<f64> = Vec::new();
            for (k, rec) in r.records.iter().enumerate() {
                let fp = rp.field("records").index(k);
                c.text(&fp.field("name"), &rec.name, 16);
                let before = c.problems.len();
                c.asset(&fp.field("recording"), &rec.recording, RECORDING_EXTENSIONS);
                if c.problems.len() > before {
                    continue;
                }
                match load(c.assets_dir(), rec) {
                    Err(e) => c.error(&fp.field("recording"), e),
                    Ok(l) => {
                        check_picks(c, &fp, &l.picks);
                        origin |= l.origin.is_some();
                        match l.distance_km {
                            Some(d) => distances.push(d),
                            None => c.error(
                                &fp.field("distance_km"),
                                "the recording does not say how far the station is: write distance_km:",
                            ),
                        }
                    }
                }
            }
            if !origin {
                c.error(
                    &rp.field("origin"),
                    "no origin time in the scene or the recordings: write origin:",
                );
            }
            distances.sort_by(f64::total_cmp);
            if distances.windows(2).any(|w| w[1] - w[0] < 5.0) {
                c.warn(
                    &rp.field("records"),
                    "two stations are within 5 km of the same distance: their order is hard to see",
                );
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        for r in &self.rounds {
            t.extend(r.records.iter().map(|s| s.name.clone()));
        }
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        let mut f = vec![self.preview.as_str()];
        for r in &self.rounds {
            f.extend(r.records.iter().map(|s| s.recording.as_str()));
        }
        f
    }

    /// The stack starts shuffled; `shot --open N` shows round N sorted and
    /// spread under its curves, one more than the rounds the end.
    fn build(&self, opening: &Opening) -> Result<Game, String> {
        let tau = TauModel::shared(&self.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", self.model))?;
        let assets = opening.asset("");
        let rounds = playable(
            &self.rounds,
            |r| load_round(&assets, r, &tau),
            "no round has three records with reference picks",
        )?;
        let mut game = Game::new(rounds, 20);
        let rounds = game.rounds.len();
        open_at(&mut game, opening.moment, rounds, |g| {
            solve(g);
            g.show_curves();
        }, Game::next);
        Ok(game)
    }

    fn pictures(_: &Game) -> Vec<Picture> {
        vec![Picture::new(STACK_W, STACK_H, Rgba::hex(0x10202e))]
    }

    fn stale(game: &Game, _index: usize) -> bool {
        game.stale()
    }

    fn draw(game: &mut Game, _index: usize, canvas: &mut Canvas) {
        game.draw(canvas);
    }

    const CARDS: &'static [Card] = &[("jigsaw", card::jigsaw)];
}

/// Sorts the stack as a visitor would: each record dragged to its place.
pub fn solve(game: &mut Game) {
    let sorted = game.sorted();
    for (to, want) in sorted.iter().enumerate() {
        if let Some(from) = game.order.iter().position(|r| r == want)
            && from != to
        {
            game.move_record(from, to);
        }
    }
}
