//! `WhereQuake` ("Where was the quake?"): three or more stations of the
//! Chongqing area on the regional map. The visitor reads S−P on each
//! station's record (or is given it on an easy round); each S−P becomes a
//! circle of the radius at which the Earth model's S arrives that long
//! after its P; the visitor drags the pin to where the circles meet and is
//! scored in km from the true epicentre; then the engine's own location
//! (`domain::physics::locate`, from every P and S time) and its
//! uncertainty are shown.

pub mod card;
pub mod game;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::physics::locate::{PicksFile, StationPicks, locate};
use crate::domain::physics::taup::TauModel;
use crate::domain::puzzle::{open_at, check_picks, check_recording, horizontal, playable};
use crate::domain::puzzle::reference::{ReferencePicks, reference_picks, sidecar};
use crate::domain::puzzle::seismogram::Seismogram;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::scene::common::LatLon;
use crate::domain::text::Bilingual;
use crate::domain::waveform::{self, UtcTime, WaveformFile};
use game::{Game, MAP_PX, MAX_STATIONS, Round, STRIP_H, STRIP_W, Station};

/// Parameters of a `WhereQuake`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhereQuakeParams {
    /// What to do, shown beside the map.
    pub intro: Bilingual,
    /// The quakes, one per round, in the order played (1-6).
    pub rounds: Vec<LocateRound>,
    /// The Earth model of the circles and of the engine's location:
    /// "chongqing", "iasp91" or "ak135".
    pub model: String,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// One quake to locate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocateRound {
    /// `Easy`: S−P is given at each station; `Medium`: the visitor reads it.
    pub difficulty: Difficulty,
    /// The stations and their recordings (3-5).
    pub stations: Vec<LocateStation>,
    /// The true epicentre; without it, the synthetic recordings' sidecar's
    /// or the SAC header's (EVLA, EVLO).
    #[serde(default)]
    pub epicentre: Option<LatLon>,
    /// The quake's depth, km, which the circles assume; without it, the
    /// sidecar's or the SAC header's (EVDP), else 10 km.
    #[serde(default)]
    pub depth_km: Option<f64>,
}

/// One station of a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocateStation {
    /// The recording, miniSEED or SAC, inside `assets/`.
    pub recording: String,
    /// The station's name on the map.
    pub name: Bilingual,
    /// Where it is; without it, the SAC header's (STLA, STLO) or the
    /// synthetic recording's sidecar's.
    #[serde(default)]
    pub at: Option<LatLon>,
    /// The reference P, ISO 8601 UTC; without it, the SAC header's, the
    /// sidecar's or the automatic picker's (which `validate` proposes).
    #[serde(default)]
    pub p: Option<String>,
    /// The reference S, the same way.
    #[serde(default)]
    pub s: Option<String>,
}

/// Whether S−P is given or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Difficulty {
    /// S−P is written beside each station.
    Easy,
    /// The visitor reads S−P on each record.
    Medium,
}

/// What a station's recording gives: its record, reference picks and place.
struct Loaded {
    file: WaveformFile,
    picks: ReferencePicks,
    at: Option<LatLon>,
    event: Option<(LatLon, f64)>,
}

fn load_station(assets: &Path, st: &LocateStation) -> Result<Loaded, String> {
    let path = assets.join(&st.recording);
    let file = waveform::read_file(&path).map_err(|e| e.to_string())?;
    let time = |t: &Option<String>| t.as_deref().and_then(UtcTime::parse_iso);
    let picks = reference_picks(&path, &file, time(&st.p), time(&st.s));
    let side = sidecar(&path);
    let header = file.sac_header.as_ref();
    let sac_pair = |a: &str, b: &str| {
        let h = header?;
        Some(LatLon {
            lat: h.float(a)? as f64,
            lon: h.float(b)? as f64,
        })
    };
    let at = st
        .at
        .or_else(|| sac_pair("stla", "stlo"))
        .or_else(|| {
            side.as_ref().map(|s| LatLon {
                lat: s.station.latitude,
                lon: s.station.longitude,
            })
        });
    let event = side
        .as_ref()
        .map(|s| {
            (
                LatLon {
                    lat: s.event.latitude,
                    lon: s.event.longitude,
                },
                s.event.depth_km,
            )
        })
        .or_else(|| {
            Some((
                sac_pair("evla", "evlo")?,
                header?.float("evdp").map_or(10.0, |d| d as f64),
            ))
        });
    Ok(Loaded {
        file,
        picks,
        at,
        event,
    })
}

/// Builds one round from its recordings.
fn load_round(assets: &Path, r: &LocateRound, tau: &TauModel) -> Result<Round, String> {
    let mut stations = Vec::new();
    let mut picks_file = PicksFile {
        stations: Vec::new(),
    };
    let mut event = None;
    let loaded: Vec<(usize, Loaded)> = r
        .stations
        .iter()
        .enumerate()
        .map(|(i, s)| load_station(assets, s).map(|l| (i, l)))
        .collect::<Result<_, _>>()?;
    let max_sp = loaded
        .iter()
        .filter_map(|(_, l)| Some(l.picks.s?.time.secs_since(l.picks.p?.time)))
        .fold(0.0f64, f64::max);
    for (i, l) in &loaded {
        let st = &r.stations[*i];
        let (Some(p), Some(s)) = (l.picks.p, l.picks.s) else {
            return Err(format!("{}: no reference P and S", st.recording));
        };
        let at = l
            .at
            .ok_or_else(|| format!("{}: where is the station? write at: (lat: .., lon: ..)", st.recording))?;
        let sp = s.time.secs_since(p.time);
        if sp <= 0.0 {
            return Err(format!("{}: the reference S is not after P", st.recording));
        }
        let trace = horizontal(&l.file.stream.traces).ok_or_else(|| format!("{}: nothing to draw", st.recording))?;
        // P at time zero, the same seconds for every record, so that the
        // visitor sees the farther stations' S come later.
        let view = Seismogram::new(&[trace], p.time, (-3.0, max_sp * 1.35 + 4.0))
            .ok_or_else(|| format!("{}: nothing to draw", st.recording))?;
        event = event.or(l.event);
        let id = trace.network.clone() + "." + &trace.station;
        let mut picks = BTreeMap::new();
        picks.insert("P".to_owned(), p.time.iso_micros());
        picks.insert("S".to_owned(), s.time.iso_micros());
        picks_file.stations.push(StationPicks {
            id: id.clone(),
            latitude: at.lat,
            longitude: at.lon,
            elevation_m: 0.0,
            picks,
        });
        stations.push(Station {
            id,
            name: st.name.clone(),
            lat: at.lat,
            lon: at.lon,
            sp_s: sp,
            view,
            radius_km: None,
        });
    }
    let truth = r
        .epicentre
        .or(event.map(|e| e.0))
        .ok_or("no true epicentre: write epicentre: (lat: .., lon: ..)")?;
    let depth_km = r.depth_km.or(event.map(|e| e.1)).unwrap_or(10.0);
    Ok(Round {
        stations,
        truth: (truth.lat, truth.lon),
        depth_km,
        solution: locate(&picks_file, tau).ok(),
        difficulty: r.difficulty,
    })
}

impl Kind for WhereQuakeParams {
    type State = Game;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("rounds"), self.rounds.len(), 1, 6, "rounds");
        c.earth_model(&at.field("model"), &self.model);
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        for (i, r) in self.rounds.iter().enumerate() {
            let rp = at.field("rounds").index(i);
            c.count(&rp.field("stations"), r.stations.len(), 3, MAX_STATIONS, "stations");
            if let Some(d) = r.depth_km {
                c.range_f32(&rp.field("depth_km"), d as f32, 0.0, 60.0, "km");
            }
            let mut event = None;
            for (k, s) in r.stations.iter().enumerate() {
                let sp = rp.field("stations").index(k);
                c.text(&sp.field("name"), &s.name, 16);
                if !check_recording(c, &sp, &s.recording, [&s.p, &s.s]) {
                    continue;
                }
                match load_station(c.assets_dir(), s) {
                    Err(e) => c.error(&sp.field("recording"), e),
                    Ok(l) => {
                        check_picks(c, &sp, &l.picks);
                        if l.at.is_none() {
                            c.error(
                                &sp.field("at"),
                                "the recording does not say where the station is: write at: (lat: .., lon: ..)",
                            );
                        }
                        event = event.or(l.event);
                    }
                }
            }
            if r.epicentre.is_none() && event.is_none() {
                c.error(
                    &rp.field("epicentre"),
                    "no true epicentre in the scene or the recordings: write epicentre: (lat: .., lon: ..)",
                );
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        for r in &self.rounds {
            t.extend(r.stations.iter().map(|s| s.name.clone()));
        }
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        let mut f = vec![self.preview.as_str()];
        for r in &self.rounds {
            f.extend(r.stations.iter().map(|s| s.recording.as_str()));
        }
        f
    }

    /// `shot --open N` shows round N read (a little off the answers, on a
    /// round to read), the pin a few km from where the circles meet, and
    /// checked; one more than the rounds, the end.
    fn build(&self, opening: &Opening) -> Result<Game, String> {
        let tau = TauModel::shared(&self.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", self.model))?;
        let assets = opening.asset("");
        let rounds = playable(
            &self.rounds,
            |r| load_round(&assets, r, &tau),
            "no round has three stations with reference picks",
        )?;
        let mut game = Game::new(rounds, tau);
        let rounds = game.rounds.len();
        open_at(&mut game, opening.moment, rounds, play_nearly_right, Game::next);
        Ok(game)
    }

    fn pictures(_: &Game) -> Vec<Picture> {
        let mut p = vec![Picture::new(MAP_PX, MAP_PX, crate::domain::map::colours::BACKGROUND)];
        p.extend((0..MAX_STATIONS).map(|_| Picture::new(STRIP_W, STRIP_H, Rgba::hex(0x10202e))));
        p
    }

    fn stale(game: &Game, index: usize) -> bool {
        game.stale(index)
    }

    fn draw(game: &mut Game, index: usize, canvas: &mut Canvas) {
        game.draw(index, canvas);
    }

    const CARDS: &'static [Card] = &[("where-quake", card::where_quake)];
}

/// Plays the current round as a visitor who nearly has it: each S a
/// little late, the pin 3 km north of where the circles meet, checked.
pub fn play_nearly_right(game: &mut Game) {
    let stations = game.round().stations.len();
    for i in 0..stations {
        let s = &game.round().stations[i];
        let (t, view) = (s.sp_s + 0.3, &s.view);
        let x = (view.frac_of(t) * STRIP_W as f64) as f32;
        game.strip_press(i, x, STRIP_W as f32);
        game.strip_release();
    }
    game.draw_circles();
    if let Some((lat, lon)) = game.best_point() {
        let (fx, fy) = game.frame.at(lat + 3.0 / crate::domain::physics::geo::km_per_deg(), lon);
        game.map_press(fx, fy);
        game.map_release();
    }
    game.check();
}
