//! `QuakeOrNot` ("Quake or not?"): recording cards to sort into four bins,
//! local quake, distant quake, quarry blast and traffic. A card pressed
//! plays its record; once the table is sorted, what tells each class apart
//! is shown as measured on its cards: the P/S amplitude ratio, S−P, the
//! frequency content and the hour (`domain::puzzle::features`).

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
use crate::domain::physics::synth::Source;
use crate::domain::puzzle::features::features;
use crate::domain::puzzle::reference::{reference_picks, sidecar};
use crate::domain::puzzle::seismogram::Seismogram;
use crate::domain::puzzle::{open_at, check_picks, check_recording, playable};
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::sound::listen::{Listen, check_listen_s};
use crate::domain::text::Bilingual;
use crate::domain::waveform::{self, UtcTime};
use game::{Game, MAX_CARDS, Round, TABLE_H, TABLE_W};

/// Parameters of a `QuakeOrNot`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuakeOrNotParams {
    /// What to do, shown beside the table.
    pub intro: Bilingual,
    /// The tables of cards, one per round, in the order played (1-4).
    pub rounds: Vec<SortRound>,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
    /// How long the Listen button's sound lasts, s (2-30): the card in the
    /// viewer is sped up to fit (`domain::sound::listen`). Without it
    /// there is no Listen button.
    #[serde(default)]
    pub listen_s: Option<f32>,
}

/// One table of cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SortRound {
    /// The cards, in the order dealt (2-6).
    pub cards: Vec<SortCard>,
}

/// One recording card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SortCard {
    /// The recording, miniSEED or SAC, inside `assets/`.
    pub recording: String,
    /// What it is: the bin it belongs in.
    pub class: Class,
    /// The reference P of a quake or a blast, ISO 8601 UTC; without it,
    /// the SAC header's, the sidecar's or the automatic picker's.
    #[serde(default)]
    pub p: Option<String>,
    /// The reference S, the same way.
    #[serde(default)]
    pub s: Option<String>,
}

/// The four kinds of record, one bin each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Class {
    /// A quake nearby: P, then a bigger S a few seconds later.
    LocalQuake,
    /// A quake far away: long slow waves, S long after P.
    DistantQuake,
    /// A quarry blast: strong P, hardly any S, in the daytime.
    QuarryBlast,
    /// Traffic: small fast shaking that comes and goes, no P and no S.
    Traffic,
}

/// Builds one card from its recording; with `listen_s`, its sound too.
fn load_card(assets: &Path, c: &SortCard, listen_s: Option<f32>) -> Result<game::Card, String> {
    let path = assets.join(&c.recording);
    let file = waveform::read_file(&path).map_err(|e| e.to_string())?;
    let traces = &file.stream.traces;
    let z = traces
        .iter()
        .filter(|t| t.channel.ends_with(['Z', 'z']))
        .max_by_key(|t| t.len())
        .or_else(|| traces.iter().max_by_key(|t| t.len()))
        .ok_or("nothing to draw")?;
    let start = z.start;
    let duration = z.len() as f64 / z.sample_rate_hz.max(1e-9);
    let (p, s) = if c.class == Class::Traffic {
        (None, None)
    } else {
        let time = |t: &Option<String>| t.as_deref().and_then(UtcTime::parse_iso);
        let picks = reference_picks(&path, &file, time(&c.p), time(&c.s));
        match (picks.p, picks.s) {
            (Some(p), Some(s)) if s.time.secs_since(p.time) > 0.0 => (Some(p.time), Some(s.time)),
            _ => return Err("no reference P and S".into()),
        }
    };
    let f = features(traces, p, s).ok_or("no vertical component to measure")?;
    // The window: from a little before P to well after S; traffic whole.
    let (a, b) = match (p, s) {
        (Some(p), Some(s)) => {
            let sp = s.secs_since(p);
            (
                p.secs_since(start) - (0.3 * sp).max(5.0),
                s.secs_since(start) + (1.5 * sp).max(20.0),
            )
        }
        _ => (0.0, duration),
    };
    let (a, b) = (a.max(0.0), b.min(duration));
    let origin = start.add_secs(a);
    let view = Seismogram::new(&[z], origin, (0.0, b - a)).ok_or("nothing to draw")?;
    let mut card = game::Card::new(c.class, view, f);
    card.listen = listen_s.map(|secs| Listen::of_window(z, origin, (0.0, b - a), secs as f64));
    Ok(card)
}

/// The class a synthetic recording's sidecar says it is, where it does.
fn sidecar_source(assets: &Path, c: &SortCard) -> Option<Source> {
    sidecar(&assets.join(&c.recording)).map(|s| s.event.source)
}

impl Kind for QuakeOrNotParams {
    type State = Game;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("rounds"), self.rounds.len(), 1, 4, "rounds");
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        check_listen_s(c, &at.field("listen_s"), self.listen_s);
        for (i, r) in self.rounds.iter().enumerate() {
            let rp = at.field("rounds").index(i);
            c.count(&rp.field("cards"), r.cards.len(), 2, MAX_CARDS, "cards");
            for (k, card) in r.cards.iter().enumerate() {
                let cp = rp.field("cards").index(k);
                if !check_recording(c, &cp, &card.recording, [&card.p, &card.s]) {
                    continue;
                }
                let source = sidecar_source(c.assets_dir(), card);
                let agrees = match source {
                    None => true,
                    Some(Source::Explosion) => card.class == Class::QuarryBlast,
                    Some(Source::Traffic) => card.class == Class::Traffic,
                    Some(Source::Earthquake) => {
                        matches!(card.class, Class::LocalQuake | Class::DistantQuake)
                    }
                };
                if !agrees {
                    c.error(
                        &cp.field("class"),
                        format!("the recording's sidecar says it is {source:?}, not {:?}", card.class),
                    );
                }
                if card.class != Class::Traffic {
                    let path = c.assets_dir().join(&card.recording);
                    match waveform::read_file(&path) {
                        Err(e) => c.error(&cp.field("recording"), e.to_string()),
                        Ok(file) => {
                            let time = |t: &Option<String>| t.as_deref().and_then(UtcTime::parse_iso);
                            check_picks(c, &cp, &reference_picks(&path, &file, time(&card.p), time(&card.s)));
                        }
                    }
                }
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
        for r in &self.rounds {
            f.extend(r.cards.iter().map(|c| c.recording.as_str()));
        }
        f
    }

    /// `shot --open N` shows round N sorted, one card first into a wrong
    /// bin; one more than the rounds, the end.
    fn build(&self, opening: &Opening) -> Result<Game, String> {
        let assets = opening.asset("");
        let rounds = playable(
            &self.rounds,
            |r| {
                let cards: Vec<game::Card> = r
                    .cards
                    .iter()
                    .filter_map(|c| {
                        load_card(&assets, c, self.listen_s)
                            .map_err(|e| eprintln!("warning: {}: {e}: card left out", c.recording))
                            .ok()
                    })
                    .collect();
                if cards.len() < 2 {
                    return Err("fewer than two cards".to_owned());
                }
                Ok(Round { cards })
            },
            "no round has two cards that can be shown",
        )?;
        let mut game = Game::new(rounds);
        let rounds = game.rounds.len();
        open_at(&mut game, opening.moment, rounds, sort_nearly_right, Game::next);
        Ok(game)
    }

    fn advance(game: &mut Game, dt: f64) {
        game.advance(dt);
    }

    fn pictures(_: &Game) -> Vec<Picture> {
        vec![Picture::new(TABLE_W, TABLE_H, Rgba::hex(0x10202e))]
    }

    fn stale(game: &Game, _: usize) -> bool {
        game.stale()
    }

    fn draw(game: &mut Game, _: usize, canvas: &mut Canvas) {
        game.draw(canvas);
    }

    fn sounds(&self) -> bool {
        self.listen_s.is_some()
    }

    fn voice(game: &mut Game) -> Option<&mut crate::domain::sound::voice::Voice> {
        game.listening()
    }

    const CARDS: &'static [Card] = &[("quake-or-not", card::quake_or_not)];
}

/// Sorts the current table as a visitor who nearly has it: the first card
/// first into the bin after its own, then every card into its bin, the
/// last one played through.
pub fn sort_nearly_right(game: &mut Game) {
    let n = game.round().cards.len();
    if n > 0 {
        let class = game.round().cards[0].class;
        let k = game::BINS.iter().position(|&b| b == class).unwrap_or(0);
        game.drop_on(0, game::BINS[(k + 1) % game::BINS.len()]);
    }
    for i in 0..n {
        game.select(i);
        game.advance(game::PLAY_S);
        let class = game.round().cards[i].class;
        game.drop_on(i, class);
    }
}
