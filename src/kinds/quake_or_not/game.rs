//! The rounds of "Quake or not?" as a plain state machine. A round deals
//! recording cards onto the table; a card pressed plays its record in the
//! viewer above (drawn as it goes, the way a drum would draw it) and
//! follows the finger; dropped on one of the four bins (local quake,
//! distant quake, quarry blast, traffic) it stays there if that is what it
//! is, or slides back to its place with a nudge of what to look at. Once
//! every card is in its bin, each class's telling features are shown as
//! measured on its cards. Stars count the cards placed at the first try.

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::puzzle::features::Features;
use crate::domain::puzzle::seismogram::{Seismogram, label};
use crate::domain::sound::listen::Listen;
use crate::domain::sound::voice::Voice;

use super::Class;

/// Size of the table picture, px.
pub const TABLE_W: u32 = 1000;
/// Height of the table picture, px.
pub const TABLE_H: u32 = 640;
/// The viewer's height at the top of the table, px.
pub const VIEWER_H: f32 = 230.0;
/// Where the row of cards is: top and bottom, px.
pub const CARDS_Y: (f32, f32) = (250.0, 400.0);
/// Where the bins are: top and bottom, px.
pub const BINS_Y: (f32, f32) = (420.0, 640.0);
/// Most cards a round may deal.
pub const MAX_CARDS: usize = 6;
/// Seconds the viewer takes to draw a card's whole record.
pub const PLAY_S: f64 = 3.0;
/// Width of a card's miniature trace, in columns.
const MINI_COLUMNS: usize = 120;

/// The bins' order on the table, left to right.
pub const BINS: [Class; 4] = [
    Class::LocalQuake,
    Class::DistantQuake,
    Class::QuarryBlast,
    Class::Traffic,
];

/// The colour of a class's bin.
pub fn class_colour(c: Class) -> Rgba {
    match c {
        Class::LocalQuake => Rgba::hex(0xff8a5b),
        Class::DistantQuake => Rgba::hex(0x5ab4ff),
        Class::QuarryBlast => Rgba::hex(0xffd23f),
        Class::Traffic => Rgba::hex(0x7fe0a8),
    }
}

/// Stars for a round by the cards that went to a wrong bin first: 3 with
/// none, 2 with one, 1 with two or three, and still 1 with more: every
/// sorted table earns a star.
pub fn stars(wrong_drops: u32) -> u32 {
    match wrong_drops {
        0 => 3,
        1 => 2,
        _ => 1,
    }
}

/// One recording card.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// What it is.
    pub class: Class,
    /// Its record in the viewer: the vertical, time from the window's start.
    pub view: Seismogram,
    /// Its miniature: the smallest and largest sample of each column,
    /// scaled to ±1.
    pub mini: Vec<(f32, f32)>,
    /// What tells it apart, measured on the record.
    pub features: Features,
    /// The hour and minute it was recorded, on the hall's clocks.
    pub clock: (u32, u32),
    /// The record in the viewer as sound, where the scene has a Listen
    /// button.
    pub listen: Option<Listen>,
}

impl Card {
    /// A card of `class` showing `view`, its miniature drawn from the
    /// view's first component.
    pub fn new(class: Class, view: Seismogram, features: Features) -> Self {
        let (t0, t1) = view.home;
        let mini: Vec<(f32, f32)> = (0..MINI_COLUMNS)
            .map(|i| {
                let a = t0 + (t1 - t0) * i as f64 / MINI_COLUMNS as f64;
                let b = t0 + (t1 - t0) * (i + 1) as f64 / MINI_COLUMNS as f64;
                view.components
                    .first()
                    .and_then(|c| c.range(a, b, false))
                    .unwrap_or((0.0, 0.0))
            })
            .collect();
        let full = mini
            .iter()
            .fold(0.0f32, |m, &(lo, hi)| m.max(lo.abs()).max(hi.abs()))
            .max(1e-9);
        let mini = mini.iter().map(|&(lo, hi)| (lo / full, hi / full)).collect();
        let minutes = (features.local_hour * 60.0).round() as u32 % (24 * 60);
        Self {
            class,
            view,
            mini,
            features,
            clock: (minutes / 60, minutes % 60),
            listen: None,
        }
    }
}

/// One table of cards.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// The cards, in the order dealt (their places on the table).
    pub cards: Vec<Card>,
}

/// Where the visitor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Cards still on the table.
    Sorting,
    /// Every card in its bin: the telling features are shown.
    Sorted,
    /// Every round played.
    Finished,
}

/// The last drop into a wrong bin, for the nudge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Miss {
    /// The card.
    pub card: usize,
    /// The bin it was dropped on.
    pub bin: Class,
}

/// What the table's layer showed: round, layer revision, carried card.
type LayerKey = (usize, u64, Option<usize>);

/// A visit to the exhibit.
#[derive(Debug, Clone)]
pub struct Game {
    /// The rounds, in the scene's order.
    pub rounds: Vec<Round>,
    /// The round being played.
    pub current: usize,
    /// Where in it.
    pub stage: Stage,
    /// Which cards are in their bins.
    pub placed: Vec<bool>,
    /// The card in the viewer.
    pub selected: Option<usize>,
    /// Seconds into playing the selected card.
    pub play_s: f64,
    /// The last wrong drop, until the next drop.
    pub miss: Option<Miss>,
    /// Wrong drops in this round.
    pub wrong_drops: u32,
    /// Stars of the rounds played.
    pub round_stars: Vec<u32>,
    /// Hints asked for in this round (0, 1: what to do, 2: where).
    pub hints: u32,
    /// The card a finger holds and where the finger is (px).
    pub held: Option<(usize, f32, f32)>,
    /// Bumped when anything on the table changes.
    revision: u64,
    /// Bumped when anything but the viewer's pen and a carried card moves.
    layer_revision: u64,
    drawn: Option<(usize, u64)>,
    /// The table without the viewer and the carried card, and what it showed.
    layer: Option<(LayerKey, Canvas)>,
    /// The selected card's whole record in the viewer, and which it is.
    viewer: Option<((usize, usize), Canvas)>,
}

impl PartialEq for Game {
    fn eq(&self, o: &Self) -> bool {
        self.rounds == o.rounds
            && self.current == o.current
            && self.stage == o.stage
            && self.placed == o.placed
            && self.selected == o.selected
            && self.round_stars == o.round_stars
    }
}

impl Game {
    /// A fresh visit over `rounds` (at least one, each with cards).
    pub fn new(rounds: Vec<Round>) -> Self {
        let mut g = Self {
            rounds,
            current: 0,
            stage: Stage::Sorting,
            placed: Vec::new(),
            selected: None,
            play_s: 0.0,
            miss: None,
            wrong_drops: 0,
            round_stars: Vec::new(),
            hints: 0,
            held: None,
            revision: 0,
            layer_revision: 0,
            drawn: None,
            layer: None,
            viewer: None,
        };
        g.start_round(0);
        g
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
        self.layer_revision = self.layer_revision.wrapping_add(1);
    }

    /// Only the viewer's pen or a carried card moved.
    fn moved(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    fn start_round(&mut self, i: usize) {
        self.hush();
        self.current = i;
        self.stage = Stage::Sorting;
        self.placed = vec![false; self.rounds[i].cards.len()];
        self.selected = None;
        self.play_s = 0.0;
        self.miss = None;
        self.wrong_drops = 0;
        self.hints = 0;
        self.held = None;
        self.changed();
    }

    /// The round being played.
    pub fn round(&self) -> &Round {
        &self.rounds[self.current]
    }

    /// Stars won so far.
    pub fn total_stars(&self) -> u32 {
        self.round_stars.iter().sum()
    }

    /// Most stars a visit can win.
    pub fn max_stars(&self) -> u32 {
        3 * self.rounds.len() as u32
    }

    /// The classes of the current round's cards, in the bins' order.
    pub fn classes(&self) -> Vec<Class> {
        BINS.into_iter()
            .filter(|b| self.round().cards.iter().any(|c| c.class == *b))
            .collect()
    }

    /// Moves the viewer's drawing on by `dt` seconds.
    pub fn advance(&mut self, dt: f64) {
        if self.selected.is_some() && self.play_s < PLAY_S && dt.is_finite() && dt > 0.0 {
            self.play_s = (self.play_s + dt).min(PLAY_S);
            self.moved();
        }
    }

    /// Stops every card's sound.
    fn hush(&mut self) {
        for r in &mut self.rounds {
            for c in &mut r.cards {
                if let Some(l) = c.listen.as_mut() {
                    l.stop();
                }
            }
        }
    }

    /// Plays the viewer's card as sound, or stops it.
    pub fn listen(&mut self) {
        let Some(i) = self.selected else { return };
        let playing = self.is_listening();
        self.hush();
        if !playing && let Some(l) = self.rounds[self.current].cards.get_mut(i).and_then(|c| c.listen.as_mut()) {
            l.toggle();
        }
    }

    /// Whether the viewer's card is playing as sound.
    pub fn is_listening(&self) -> bool {
        self.selected
            .and_then(|i| self.round().cards.get(i))
            .and_then(|c| c.listen.as_ref())
            .is_some_and(Listen::playing)
    }

    /// Whether the viewer's card has a sound to play.
    pub fn can_listen(&self) -> bool {
        self.selected
            .and_then(|i| self.round().cards.get(i))
            .is_some_and(|c| c.listen.is_some())
    }

    /// The sound playing, if any.
    pub fn listening(&mut self) -> Option<&mut Voice> {
        let i = self.selected?;
        self.rounds
            .get_mut(self.current)?
            .cards
            .get_mut(i)?
            .listen
            .as_mut()?
            .voice
            .as_mut()
    }

    /// Plays card `i` in the viewer from its start.
    pub fn select(&mut self, i: usize) {
        if i < self.round().cards.len() {
            if self.selected != Some(i) {
                self.hush();
            }
            self.selected = Some(i);
            self.play_s = 0.0;
            self.changed();
        }
    }

    /// Where card slot `i` is on the table: left, top, width, height (px).
    pub fn slot(&self, i: usize) -> (f32, f32, f32, f32) {
        let n = self.round().cards.len().max(1) as f32;
        let gap = 16.0;
        let w = ((TABLE_W as f32 - gap * (n + 1.0)) / n).min(200.0);
        let total = n * w + (n - 1.0) * gap;
        let x0 = (TABLE_W as f32 - total) / 2.0;
        (x0 + i as f32 * (w + gap), CARDS_Y.0, w, CARDS_Y.1 - CARDS_Y.0)
    }

    /// Where bin `k` is on the table: left, top, width, height (px).
    pub fn bin_rect(k: usize) -> (f32, f32, f32, f32) {
        let gap = 16.0;
        let w = (TABLE_W as f32 - gap * 5.0) / 4.0;
        (gap + k as f32 * (w + gap), BINS_Y.0, w, BINS_Y.1 - BINS_Y.0 - 8.0)
    }

    fn card_at(&self, x: f32, y: f32) -> Option<usize> {
        (0..self.round().cards.len()).find(|&i| {
            let (l, t, w, h) = self.slot(i);
            !self.placed[i] && x >= l && x <= l + w && y >= t && y <= t + h
        })
    }

    fn bin_at(x: f32, y: f32) -> Option<Class> {
        (0..BINS.len()).find_map(|k| {
            let (l, t, w, h) = Self::bin_rect(k);
            (x >= l && x <= l + w && y >= t - 20.0 && y <= t + h).then_some(BINS[k])
        })
    }

    /// A finger went down on the table at `(x, y)` px: a card there is
    /// played in the viewer and taken; a bin there takes the card in the
    /// viewer (a tap instead of a drag).
    pub fn press(&mut self, x: f32, y: f32) {
        if self.stage != Stage::Sorting || !(x.is_finite() && y.is_finite()) {
            return;
        }
        if let Some(i) = self.card_at(x, y) {
            if self.selected != Some(i) {
                self.select(i);
            }
            self.held = Some((i, x, y));
            self.changed();
        } else if let (Some(bin), Some(i)) = (Self::bin_at(x, y), self.selected)
            && !self.placed[i]
        {
            self.drop_on(i, bin);
        }
    }

    /// The finger moved: a held card follows it.
    pub fn drag(&mut self, x: f32, y: f32) {
        if let Some((i, _, _)) = self.held
            && x.is_finite()
            && y.is_finite()
        {
            self.held = Some((i, x, y));
            self.moved();
        }
    }

    /// The finger lifted: a held card over a bin is dropped there; anywhere
    /// else it goes back to its place.
    pub fn release(&mut self) {
        let Some((i, x, y)) = self.held.take() else {
            return;
        };
        if let Some(bin) = Self::bin_at(x, y) {
            self.drop_on(i, bin);
        }
        self.changed();
    }

    /// Card `i` dropped on `bin`.
    pub fn drop_on(&mut self, i: usize, bin: Class) {
        if self.stage != Stage::Sorting || i >= self.placed.len() || self.placed[i] {
            return;
        }
        if self.round().cards[i].class == bin {
            self.placed[i] = true;
            self.miss = None;
            if self.placed.iter().all(|&p| p) {
                self.round_stars.push(stars(self.wrong_drops));
                self.stage = Stage::Sorted;
                self.held = None;
            }
        } else {
            self.wrong_drops += 1;
            self.miss = Some(Miss { card: i, bin });
        }
        self.changed();
    }

    /// One more hint: first what to do, then the card in the viewer (or
    /// the first on the table) glows with its bin.
    pub fn hint(&mut self) {
        if self.stage != Stage::Sorting {
            return;
        }
        self.hints = (self.hints + 1).min(2);
        if self.hints == 2
            && self.selected.is_none_or(|i| self.placed[i])
            && let Some(i) = self.placed.iter().position(|p| !p)
        {
            self.select(i);
        }
        self.changed();
    }

    /// The bin the hint lights: that of the card in the viewer.
    pub fn hinted_bin(&self) -> Option<Class> {
        let i = self.selected.filter(|&i| self.hints >= 2 && !self.placed[i])?;
        Some(self.round().cards[i].class)
    }

    /// On to the next round, or the end.
    pub fn next(&mut self) {
        if self.stage != Stage::Sorted {
            return;
        }
        if self.current + 1 < self.rounds.len() {
            self.start_round(self.current + 1);
        } else {
            self.stage = Stage::Finished;
            self.changed();
        }
    }

    /// A new visit from the first round.
    pub fn restart(&mut self) {
        self.round_stars.clear();
        self.start_round(0);
    }

    /// Whether the table shows something new since it was last drawn.
    pub fn stale(&self) -> bool {
        self.drawn != Some((self.current, self.revision))
    }

    /// Draws the table: the viewer, the cards left on it, the bins with
    /// their cards, and the card a finger holds. All but the viewer's pen
    /// and the carried card is kept as a layer between changes.
    pub fn draw(&mut self, c: &mut Canvas) {
        self.drawn = Some((self.current, self.revision));
        let key = (self.current, self.layer_revision, self.held.map(|h| h.0));
        if self.layer.as_ref().is_none_or(|(k, l)| *k != key || l.rgba.len() != c.rgba.len()) {
            let mut l = Canvas::new(c.width, c.height, Rgba::hex(0x10202e));
            self.draw_layer(&mut l);
            self.layer = Some((key, l));
        }
        if let Some((_, l)) = &self.layer {
            c.rgba.copy_from_slice(&l.rgba);
        }
        self.draw_viewer(c);
        if let Some((i, x, y)) = self.held {
            let (_, _, w, h) = self.slot(i);
            self.draw_card(c, i, (x - w / 2.0, y - h / 2.0, w, h), true);
        }
    }

    /// The bins with their cards and the cards left on the table.
    fn draw_layer(&self, c: &mut Canvas) {
        let hinted = self.hinted_bin();
        for (k, &bin) in BINS.iter().enumerate() {
            let (l, t, w, h) = Self::bin_rect(k);
            let col = class_colour(bin);
            let missed = self.miss.is_some_and(|m| m.bin == bin);
            let glow = hinted == Some(bin);
            c.fill_rect(l, t, w, h, col.alpha(if glow { 90 } else { 34 }));
            let edge = if missed { Rgba::hex(0xffffff) } else { col };
            let e = if glow || missed { 6.0 } else { 3.0 };
            c.fill_rect(l, t, w, e, edge);
            c.fill_rect(l, t + h - e, w, e, edge);
            c.fill_rect(l, t, e, h, edge);
            c.fill_rect(l + w - e, t, e, h, edge);
            draw_icon(c, bin, l + w / 2.0, t + 0.5 * h, 0.24 * h);
            // The cards in it, small, along its bottom.
            let inside: Vec<usize> = (0..self.placed.len())
                .filter(|&i| self.placed[i] && self.round().cards[i].class == bin)
                .collect();
            for (j, &i) in inside.iter().enumerate() {
                let (cw, ch) = (0.3 * w, 0.22 * h);
                let x = l + 10.0 + j as f32 * (cw + 6.0);
                self.draw_card(c, i, (x, t + h - ch - 10.0, cw, ch), false);
            }
        }
        for i in 0..self.round().cards.len() {
            if self.placed[i] || self.held.is_some_and(|h| h.0 == i) {
                continue;
            }
            let r = self.slot(i);
            self.draw_card(c, i, r, self.selected == Some(i));
        }
    }

    fn draw_viewer(&mut self, c: &mut Canvas) {
        let w = TABLE_W as f32;
        if self.stage == Stage::Finished {
            // The visit's stars, big, where the records were.
            c.fill_rect(0.0, 0.0, w, VIEWER_H, Rgba::hex(0x16324a));
            let n = self.max_stars().max(1);
            let step = (w / (n as f32 + 1.0)).min(120.0);
            let x0 = w / 2.0 - step * (n as f32 - 1.0) / 2.0;
            for k in 0..n {
                let x = x0 + k as f32 * step;
                c.fill_star(x, VIEWER_H / 2.0, 0.42 * step, Rgba::hex(0x10202e));
                if k < self.total_stars() {
                    c.fill_star(x, VIEWER_H / 2.0, 0.36 * step, Rgba::hex(0xffd23f));
                }
            }
            return;
        }
        let Some(i) = self.selected else {
            c.fill_rect(0.0, 0.0, w, VIEWER_H, Rgba::hex(0x16324a));
            return;
        };
        let key = (self.current, i);
        if self.viewer.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut v = Canvas::new(TABLE_W, VIEWER_H as u32, Rgba::hex(0x10202e));
            self.draw_record(i, &mut v);
            self.viewer = Some((key, v));
        }
        if let Some((_, v)) = &self.viewer
            && v.rgba.len() <= c.rgba.len()
        {
            c.rgba[..v.rgba.len()].copy_from_slice(&v.rgba);
        }
        // The part not yet drawn is blank, the pen at its edge.
        let reveal = (self.play_s / PLAY_S).clamp(0.0, 1.0) as f32;
        let x = reveal * w;
        if reveal < 1.0 {
            c.fill_rect(x, 56.0, w - x, VIEWER_H - 56.0 - 34.0, Rgba::hex(0x16324a));
            c.fill_rect(x - 2.0, 56.0, 4.0, VIEWER_H - 56.0 - 34.0, Rgba::hex(0xff8a5b));
        }
    }

    /// Card `i`'s whole record, its number and its clock, into the viewer.
    fn draw_record(&self, i: usize, c: &mut Canvas) {
        let card = &self.round().cards[i];
        card.view.draw(c);
        // The card's number, and a clock with the time it was recorded.
        let text = Rgba::hex(0xe8eef4);
        label(c, &format!("{}", i + 1), 16.0, 40.0, 30.0, text, false);
        let (h, m) = card.clock;
        let (cx, cy, r) = (74.0, 28.0, 17.0);
        c.ring(cx, cy, r, 3.0, text);
        let hand = |turn: f32, len: f32| {
            let a = std::f32::consts::TAU * turn - std::f32::consts::FRAC_PI_2;
            [(cx, cy), (cx + len * a.cos(), cy + len * a.sin())]
        };
        c.stroke(&hand((h % 12) as f32 / 12.0 + m as f32 / 720.0, 0.55 * r), 3.0, text);
        c.stroke(&hand(m as f32 / 60.0, 0.85 * r), 2.0, text);
        label(c, &format!("{h:02}:{m:02}"), 102.0, 40.0, 30.0, text, false);
    }

    fn draw_card(&self, c: &mut Canvas, i: usize, (l, t, w, h): (f32, f32, f32, f32), lit: bool) {
        let card = &self.round().cards[i];
        c.fill_rect(l, t, w, h, Rgba::hex(0x16324a));
        if lit {
            let e = 4.0;
            let col = Rgba::hex(0xff8a5b);
            c.fill_rect(l, t, w, e, col);
            c.fill_rect(l, t + h - e, w, e, col);
            c.fill_rect(l, t, e, h, col);
            c.fill_rect(l + w - e, t, e, h, col);
        }
        let mid = t + 0.58 * h;
        let amp = 0.36 * h;
        let n = card.mini.len().max(1) as f32;
        for (k, &(lo, hi)) in card.mini.iter().enumerate() {
            let x = l + 6.0 + (w - 12.0) * k as f32 / n;
            let (a, b) = (mid - hi * amp, mid - lo * amp);
            c.fill_rect(x, a, ((w - 12.0) / n).max(1.0), (b - a).max(1.5), Rgba::hex(0xe8eef4));
        }
        if h > 80.0 {
            label(c, &format!("{}", i + 1), l + 10.0, t + 30.0, 26.0, Rgba::hex(0x9fb4c8), false);
        }
    }
}

/// A bin's picture: a shaking house (a quake nearby), the globe (a quake
/// far away), a burst (a blast), a car (traffic).
fn draw_icon(c: &mut Canvas, class: Class, x: f32, y: f32, r: f32) {
    let col = class_colour(class);
    let dark = Rgba::hex(0x10202e);
    match class {
        Class::LocalQuake => {
            c.fill_polygon(&[(x - r, y), (x, y - 0.9 * r), (x + r, y)], col);
            c.fill_rect(x - 0.75 * r, y, 1.5 * r, 0.8 * r, col);
            c.fill_rect(x - 0.2 * r, y + 0.3 * r, 0.4 * r, 0.5 * r, dark);
            for s in [-1.0f32, 1.0] {
                let bx = x + s * 1.25 * r;
                c.stroke(&[(bx, y - 0.4 * r), (bx + s * 0.2 * r, y), (bx, y + 0.4 * r)], 4.0, col);
            }
        }
        Class::DistantQuake => {
            // The globe: meridians as ellipses, the equator and two
            // parallels, and a wave coming round it.
            c.fill_circle(x, y, r, col);
            c.ring_ellipse(x, y, 0.45 * r, r, 3.0, dark);
            c.fill_rect(x - 1.5, y - r, 3.0, 2.0 * r, dark);
            c.fill_rect(x - r, y - 1.5, 2.0 * r, 3.0, dark);
            for dy in [-0.5f32, 0.5] {
                let half = (1.0 - dy * dy).sqrt() * r;
                c.fill_rect(x - half, y + dy * r - 1.5, 2.0 * half, 3.0, dark);
            }
            let arc: Vec<(f32, f32)> = (0..=16)
                .map(|i| {
                    let a = std::f32::consts::PI * (1.1 + 0.8 * i as f32 / 16.0);
                    (x + 1.2 * r * a.cos(), y + 1.2 * r * a.sin())
                })
                .collect();
            c.stroke(&arc, 4.0, col);
        }
        Class::QuarryBlast => {
            c.fill_star(x, y, 1.1 * r, col);
            c.fill_circle(x, y, 0.35 * r, Rgba::hex(0xff8a5b));
        }
        Class::Traffic => {
            c.fill_rect(x - r, y - 0.2 * r, 2.0 * r, 0.6 * r, col);
            c.fill_polygon(
                &[(x - 0.55 * r, y - 0.2 * r), (x - 0.3 * r, y - 0.65 * r), (x + 0.4 * r, y - 0.65 * r), (x + 0.65 * r, y - 0.2 * r)],
                col,
            );
            for s in [-0.55f32, 0.55] {
                c.fill_circle(x + s * r, y + 0.45 * r, 0.25 * r, dark);
                c.fill_circle(x + s * r, y + 0.45 * r, 0.12 * r, col);
            }
        }
    }
}

/// The card picture's drawing of a bin, for the card of the kind.
pub fn icon(c: &mut Canvas, class: Class, x: f32, y: f32, r: f32) {
    draw_icon(c, class, x, y, r);
}
