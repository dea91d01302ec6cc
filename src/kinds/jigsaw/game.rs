//! The rounds of the seismogram jigsaw as a plain state machine: the
//! records of one quake at stations at different distances lie in a
//! shuffled stack, every one on the same time axis from the quake's origin.
//! The visitor drags them up and down; wherever two neighbours are in the
//! right order (the nearer above) the pieces of the P and S lines between
//! them light up, and once the whole stack is in order by distance the lines
//! run through it. Then the records move to their true distances and the
//! travel-time curves of the Earth model are laid over them.

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::draw::palette;
use crate::domain::puzzle::seismogram::{Component, label, nice_step};
use crate::domain::random::Seeded;
use crate::domain::text::Bilingual;

/// Size of the stack's picture, px.
pub const STACK_W: u32 = 900;
/// Height of the stack's picture, px.
pub const STACK_H: u32 = 640;
/// Height of the time axis at the bottom, px.
pub const AXIS_PX: f32 = 40.0;
/// Width of the distance axis on the left of the section, px.
pub const LEFT_PX: f32 = 84.0;

/// One record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The station's name.
    pub name: Bilingual,
    /// Epicentral distance, km.
    pub distance_km: f64,
    /// The record: one component, time zero at the quake's origin.
    pub trace: Component,
    /// Reference P, s after the origin.
    pub p_s: f64,
    /// Reference S.
    pub s_s: f64,
}

/// One quake's records.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// The records, in the scene's order.
    pub records: Vec<Record>,
    /// First P and S against distance from the Earth model: (km, P s, S s).
    pub curves: Vec<(f64, f64, f64)>,
    /// Seconds shown, from the origin.
    pub window_s: f64,
}

/// Where the visitor is in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Ordering the stack.
    Sorting,
    /// In order: the P and S lines run through the stack.
    Solved,
    /// The records at their true distances under the travel-time curves.
    Curves,
    /// Every round played.
    Finished,
}

/// A visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Game {
    /// The rounds.
    pub rounds: Vec<Round>,
    /// The round being played.
    pub current: usize,
    /// Where in it.
    pub stage: Stage,
    /// Which record lies in each slot, top to bottom.
    pub order: Vec<usize>,
    /// Hints asked for in this round (0, 1: what to look for, 2: P marked).
    pub hints: u32,
    /// Stars won so far (3 a round, one less per hint).
    pub total_stars: u32,
    /// Moves made in this round.
    pub moves: u32,
    /// The record a finger holds: (slot it came from, finger's y, px).
    held: Option<(usize, f32)>,
    seed: u64,
    revision: u64,
    drawn: Option<(usize, u64)>,
}

impl Game {
    /// A fresh visit; `seed` shuffles the stacks.
    pub fn new(rounds: Vec<Round>, seed: u64) -> Self {
        let mut g = Self {
            rounds,
            current: 0,
            stage: Stage::Sorting,
            order: Vec::new(),
            hints: 0,
            total_stars: 0,
            moves: 0,
            held: None,
            seed,
            revision: 0,
            drawn: None,
        };
        g.start_round(0);
        g
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    fn start_round(&mut self, i: usize) {
        self.current = i;
        self.stage = Stage::Sorting;
        self.hints = 0;
        self.moves = 0;
        self.held = None;
        let n = self.rounds[i].records.len();
        // A shuffle with no record in its place and not simply reversed, so
        // that there is always something to do.
        let mut rng = Seeded::new(self.seed.wrapping_add(i as u64 * 7919));
        let sorted = self.sorted();
        loop {
            let mut order: Vec<usize> = (0..n).collect();
            for k in (1..n).rev() {
                let j = rng.below(k + 1);
                order.swap(k, j);
            }
            let reversed: Vec<usize> = sorted.iter().rev().copied().collect();
            if n < 3 || (order.iter().zip(&sorted).all(|(a, b)| a != b) && order != reversed) {
                self.order = order;
                break;
            }
        }
        self.seed = self.seed.wrapping_add(1);
        self.changed();
    }

    /// The round being played.
    pub fn round(&self) -> &Round {
        &self.rounds[self.current]
    }

    /// The records in distance order, nearest first.
    pub fn sorted(&self) -> Vec<usize> {
        let r = &self.rounds[self.current];
        let mut s: Vec<usize> = (0..r.records.len()).collect();
        s.sort_by(|&a, &b| r.records[a].distance_km.total_cmp(&r.records[b].distance_km));
        s
    }

    /// Whether the records in slots `k` and `k + 1` are in the right order.
    pub fn pair_in_order(&self, k: usize) -> bool {
        let r = self.round();
        match (self.order.get(k), self.order.get(k + 1)) {
            (Some(&a), Some(&b)) => r.records[a].distance_km <= r.records[b].distance_km,
            _ => false,
        }
    }

    /// Whether the whole stack is in order by distance.
    pub fn in_order(&self) -> bool {
        (0..self.order.len().saturating_sub(1)).all(|k| self.pair_in_order(k))
    }

    fn slot_h(&self) -> f32 {
        (STACK_H as f32 - AXIS_PX) / self.order.len().max(1) as f32
    }

    /// The slot under a finger at `y` px of the picture.
    pub fn slot_at(&self, y: f32) -> usize {
        ((y / self.slot_h()).floor().max(0.0) as usize).min(self.order.len().saturating_sub(1))
    }

    /// A finger went down at `y`: it takes the record there.
    pub fn press(&mut self, y: f32) {
        if self.stage == Stage::Sorting && y.is_finite() {
            self.held = Some((self.slot_at(y), y));
            self.changed();
        }
    }

    /// The finger moved to `y`: the record follows it.
    pub fn drag_to(&mut self, y: f32) {
        if let Some((from, _)) = self.held
            && y.is_finite()
        {
            self.held = Some((from, y));
            self.changed();
        }
    }

    /// The finger lifted: the record goes into the slot under it, the
    /// others close up; in order, the round is solved.
    pub fn release(&mut self) {
        let Some((from, y)) = self.held.take() else {
            return;
        };
        let to = self.slot_at(y);
        if to != from {
            let rec = self.order.remove(from);
            self.order.insert(to, rec);
            self.moves += 1;
        }
        if self.in_order() {
            self.stage = Stage::Solved;
            self.total_stars += 3u32.saturating_sub(self.hints);
        }
        self.changed();
    }

    /// Moves the record in slot `from` to slot `to` (as a drag would).
    pub fn move_record(&mut self, from: usize, to: usize) {
        if self.stage != Stage::Sorting || from >= self.order.len() {
            return;
        }
        let h = self.slot_h();
        self.press((from as f32 + 0.5) * h);
        self.drag_to((to as f32 + 0.5) * h);
        self.release();
    }

    /// The record held, if any: its slot of origin.
    pub fn held(&self) -> Option<usize> {
        self.held.map(|h| h.0)
    }

    /// From the solved stack to the section under the travel-time curves.
    pub fn show_curves(&mut self) {
        if self.stage == Stage::Solved {
            self.stage = Stage::Curves;
            self.changed();
        }
    }

    /// On to the next quake, or the end.
    pub fn next(&mut self) {
        if !matches!(self.stage, Stage::Solved | Stage::Curves) {
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
        self.total_stars = 0;
        self.start_round(0);
    }

    /// Most stars a visit can win.
    pub fn max_stars(&self) -> u32 {
        3 * self.rounds.len() as u32
    }

    /// One more hint: first what to look for, then each record's P marked.
    pub fn hint(&mut self) {
        if self.stage == Stage::Sorting {
            self.hints = (self.hints + 1).min(2);
            self.changed();
        }
    }

    /// Whether the picture shows something new since it was last drawn.
    pub fn stale(&self) -> bool {
        self.drawn != Some((self.current, self.revision))
    }

    /// Where slot `k`'s record is drawn: its centre line, px.
    pub fn slot_centre(&self, k: usize) -> f32 {
        (k as f32 + 0.5) * self.slot_h()
    }

    /// In the section: where a distance is, px from the top.
    pub fn distance_y(&self, km: f64) -> f32 {
        let max = self.max_distance();
        let top = 0.5 * self.slot_h().min(90.0);
        let bottom = STACK_H as f32 - AXIS_PX - top;
        top + (bottom - top) * (km / max) as f32
    }

    fn max_distance(&self) -> f64 {
        self.round()
            .records
            .iter()
            .map(|r| r.distance_km)
            .fold(1.0, f64::max)
    }

    /// Draws the stack or the section.
    pub fn draw(&mut self, c: &mut Canvas) {
        self.drawn = Some((self.current, self.revision));
        c.clear(BACKGROUND);
        let (w, h) = (c.width as f32, c.height as f32);
        let section = self.stage == Stage::Curves;
        let left = if section { LEFT_PX } else { 0.0 };
        let r = self.round();
        let span = r.window_s;
        let x_of = |t: f64| left + (t / span) as f32 * (w - left);
        let sh = self.slot_h();
        // Seconds grid and axis.
        let step = nice_step(span / 8.0);
        let mut t = 0.0;
        while t <= span {
            c.vspan(x_of(t) as i32, 0, (h - AXIS_PX) as i32, GRID);
            // Numbers too near an edge to fit are left out.
            let x = x_of(t);
            if x > left + 14.0 && x < w - 14.0 {
                label(c, &format!("{t:.0}"), x, h - 12.0, 20.0, LABEL, true);
            }
            t += step;
        }
        // Where each record is drawn, and how tall.
        let placed: Vec<(usize, f32, f32)> = if section {
            let amp = (sh * 0.42).min(40.0);
            r.records
                .iter()
                .enumerate()
                .map(|(i, rec)| (i, self.distance_y(rec.distance_km), amp))
                .collect()
        } else {
            self.order
                .iter()
                .enumerate()
                .map(|(k, &i)| {
                    let y = match self.held {
                        Some((from, fy)) if from == k => fy.clamp(sh / 2.0, h - AXIS_PX - sh / 2.0),
                        _ => self.slot_centre(k),
                    };
                    (i, y, sh * 0.42)
                })
                .collect()
        };
        for (k, &(i, y, amp)) in placed.iter().enumerate() {
            let held = !section && self.held.map(|hh| hh.0) == Some(k);
            if !section {
                let top = y - sh / 2.0 + 3.0;
                c.fill_rect(0.0, top, w, sh - 6.0, if held { PANEL_HI } else { PANEL });
            }
            draw_trace(c, &r.records[i].trace, y, amp, span, left, w, if held { TRACE_HI } else { TRACE });
        }
        // The P and S lines between neighbours in order (the whole way
        // once solved), or the model's curves over the section.
        if section {
            for (col, which) in [(palette::P_WAVE, 1), (palette::S_WAVE, 2)] {
                let pts: Vec<(f32, f32)> = r
                    .curves
                    .iter()
                    .filter(|c| c.0 <= self.max_distance() * 1.02)
                    .map(|c| (x_of(if which == 1 { c.1 } else { c.2 }), self.distance_y(c.0)))
                    .collect();
                c.stroke(&pts, 3.0, col);
            }
            let max = self.max_distance();
            let step = nice_step(max / 5.0);
            let mut d = 0.0;
            while d <= max * 1.001 {
                let y = self.distance_y(d);
                c.fill_rect(left - 10.0, y - 1.0, 10.0, 2.0, LABEL);
                label(c, &format!("{d:.0}"), left - 14.0 - 20.0, y + 7.0, 20.0, LABEL, true);
                d += step;
            }
        } else if self.held.is_none() {
            for k in 0..self.order.len().saturating_sub(1) {
                if !self.pair_in_order(k) {
                    continue;
                }
                let (a, b) = (&r.records[self.order[k]], &r.records[self.order[k + 1]]);
                let (ya, yb) = (self.slot_centre(k), self.slot_centre(k + 1));
                for (ta, tb, col) in [(a.p_s, b.p_s, palette::P_WAVE), (a.s_s, b.s_s, palette::S_WAVE)] {
                    c.stroke(&[(x_of(ta), ya), (x_of(tb), yb)], 4.0, col.alpha(230));
                }
            }
        }
        if self.stage == Stage::Sorting && self.hints >= 2 {
            for &(i, y, amp) in &placed {
                let x = x_of(r.records[i].p_s);
                c.fill_rect(x - 2.0, y - amp, 4.0, 2.0 * amp, palette::P_WAVE.alpha(200));
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_trace(c: &mut Canvas, comp: &Component, y: f32, amp: f32, span: f64, left: f32, w: f32, col: Rgba) {
    let cols = (w - left).max(1.0) as usize;
    let full = comp.peak_between(0.0, span, false).max(1e-9);
    let scale = amp / full;
    let mut prev: Option<i32> = None;
    for col_i in 0..cols {
        let ta = span * col_i as f64 / cols as f64;
        let tb = span * (col_i + 1) as f64 / cols as f64;
        let Some((lo, hi)) = comp.range(ta, tb, false) else {
            prev = None;
            continue;
        };
        let (mut ya, mut yb) = ((y - hi * scale) as i32, (y - lo * scale) as i32);
        if let Some(p) = prev {
            ya = ya.min(p);
            yb = yb.max(p);
        }
        c.vspan(left as i32 + col_i as i32, ya, yb, col);
        prev = Some((y - 0.5 * (hi + lo) * scale) as i32);
    }
}

const BACKGROUND: Rgba = Rgba::hex(0x10202e);
const PANEL: Rgba = Rgba::hex(0x16324a);
const PANEL_HI: Rgba = Rgba::hex(0x24476a);
const GRID: Rgba = Rgba::hex(0x1d3c58);
const TRACE: Rgba = Rgba::hex(0xe8eef4);
const TRACE_HI: Rgba = Rgba::hex(0xfff1c2);
const LABEL: Rgba = Rgba::hex(0x9fb4c8);
