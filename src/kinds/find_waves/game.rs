//! The rounds of "Find the P and S waves" as a plain state machine: the
//! visitor places the P and S markers on a recording, checks them against
//! the reference picks, reads the distance from S−P, and moves on to the
//! next recording; stars add up to a friendly end.

use crate::domain::draw::Canvas;
use crate::domain::draw::palette;
use crate::domain::puzzle::reference::ReferencePicks;
use crate::domain::puzzle::seismogram::{Guide, MarkerKind, Seismogram};
use crate::domain::sound::listen::Listen;
use crate::domain::sound::voice::Voice;
use crate::domain::waveform::pick::Phase;

use super::{Difficulty, TRACE_W};
use crate::domain::touch::{Gesture, TouchGestures};

/// How many stars a marker earns, by its error against the tolerance:
/// 3 within a third of it, 2 within it, 1 within three times it.
pub fn stars(error_s: f64, tolerance_s: f64) -> u32 {
    let e = error_s.abs();
    if !e.is_finite() {
        0
    } else if e <= tolerance_s / 3.0 {
        3
    } else if e <= tolerance_s {
        2
    } else if e <= 3.0 * tolerance_s {
        1
    } else {
        0
    }
}

/// One recording, ready to play.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// The view with its P and S markers.
    pub view: Seismogram,
    /// Reference P and S, s on the view's axis.
    pub p_s: f64,
    /// Reference S.
    pub s_s: f64,
    /// How far off still counts as right, s.
    pub tolerance_s: (f64, f64),
    /// How hard it is.
    pub difficulty: Difficulty,
    /// The epicentral distance read from the reference S−P, km.
    pub distance_km: Option<f64>,
    /// Where the reference picks came from (for curators and the log).
    pub picks: ReferencePicks,
    /// The station, `NET.STA`.
    pub station: String,
    /// The record on screen as sound, where the scene has a Listen button.
    pub listen: Option<Listen>,
}

/// Where the visitor is in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Placing the markers.
    Placing,
    /// Checked: the answers are shown with the stars.
    Checked,
    /// Every round played.
    Finished,
}

/// The result of a checked round.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// Visitor's P minus the reference, s.
    pub p_error_s: f64,
    /// Visitor's S minus the reference.
    pub s_error_s: f64,
    /// Stars for P and for S (0-3 each).
    pub stars: (u32, u32),
    /// The visitor's own S−P, s.
    pub s_minus_p_s: f64,
}

/// A visit to the exhibit.
#[derive(Debug, Clone, PartialEq)]
pub struct Game {
    /// The rounds, in the scene's order.
    pub rounds: Vec<Round>,
    /// The round being played.
    pub current: usize,
    /// Where in it.
    pub stage: Stage,
    /// The verdict of the current round, once checked.
    pub verdict: Option<Verdict>,
    /// Stars won so far.
    pub total_stars: u32,
    /// Hints asked for in this round (0, 1: the why, 2: where to look).
    pub hints: u32,
    /// The round and view revision last drawn.
    drawn: Option<(usize, u64)>,
    /// Fingers on the trace that are not holding a marker.
    gestures: TouchGestures,
    /// The finger holding a marker.
    held_by: Option<u64>,
}

impl Game {
    /// A fresh visit over `rounds` (at least one).
    pub fn new(rounds: Vec<Round>) -> Self {
        let mut g = Self {
            rounds,
            current: 0,
            stage: Stage::Placing,
            verdict: None,
            total_stars: 0,
            hints: 0,
            drawn: None,
            gestures: TouchGestures::default(),
            held_by: None,
        };
        g.start_round(0);
        g
    }

    fn start_round(&mut self, i: usize) {
        for r in &mut self.rounds {
            if let Some(l) = r.listen.as_mut() {
                l.stop();
            }
        }
        self.current = i;
        self.gestures.clear();
        self.held_by = None;
        self.stage = Stage::Placing;
        self.verdict = None;
        self.hints = 0;
        let r = &mut self.rounds[i];
        r.view.markers.clear();
        r.view.guides.clear();
        r.view.reset_view();
        r.view.set_clearer(false);
        r.view.add_marker(MarkerKind::P, 0.04);
        r.view.add_marker(MarkerKind::S, 0.10);
    }

    /// The round being played.
    pub fn round(&self) -> &Round {
        &self.rounds[self.current]
    }

    /// Its view, to zoom, pan and drag markers on.
    pub fn view_mut(&mut self) -> &mut Seismogram {
        &mut self.rounds[self.current].view
    }

    /// The next marker a tap places: the first not yet placed.
    pub fn next_unplaced(&self) -> Option<MarkerKind> {
        self.round()
            .view
            .markers
            .iter()
            .find(|m| !m.placed)
            .map(|m| m.kind)
    }

    /// A tap at `frac` of the trace's width that held no marker: places
    /// the next unplaced marker there (P, then S).
    pub fn tap(&mut self, frac: f64) {
        if self.stage != Stage::Placing {
            return;
        }
        if let Some(kind) = self.next_unplaced() {
            self.view_mut().place(kind, frac);
        }
    }

    /// A finger (or the mouse) `id` went down at (`x`, `y`) picture pixels
    /// of the trace: on a marker's flag or line it takes hold of it;
    /// elsewhere it may become a tap, a pan or, with a second finger, a
    /// pinch.
    pub fn pointer_down(&mut self, id: u64, x: f32, y: f32, now_s: f64) {
        if self.stage == Stage::Placing
            && self.held_by.is_none()
            && self.gestures.fingers() == 0
            && self.view_mut().press(x, TRACE_W as f32)
        {
            self.held_by = Some(id);
            return;
        }
        self.gestures.down(id, x, y, now_s);
    }

    /// The finger moved: the held marker follows, or the view pans and
    /// zooms.
    pub fn pointer_move(&mut self, id: u64, x: f32, y: f32) {
        let w = TRACE_W as f32;
        if self.held_by == Some(id) {
            self.view_mut().drag_to(x, w);
            return;
        }
        match self.gestures.moved(id, x, y) {
            Some(Gesture::Orbit(dx, _)) => self.view_mut().pan(-(dx / w) as f64),
            Some(Gesture::Pinch(factor, dx, _)) => {
                let view = self.view_mut();
                view.zoom(factor as f64, 0.5);
                view.pan(-(dx / w) as f64);
            }
            _ => {}
        }
    }

    /// The finger lifted: a tap places the next marker, a double tap puts
    /// the whole window back.
    pub fn pointer_up(&mut self, id: u64, now_s: f64) {
        if self.held_by == Some(id) {
            self.held_by = None;
            self.view_mut().release();
            return;
        }
        match self.gestures.up(id, now_s) {
            Some(Gesture::Tap(x, _)) => self.tap((x / TRACE_W as f32) as f64),
            Some(Gesture::DoubleTap(..)) => self.view_mut().reset_view(),
            _ => {}
        }
    }

    /// Whether both markers are down, so the answer can be checked.
    pub fn can_check(&self) -> bool {
        self.stage == Stage::Placing && self.next_unplaced().is_none()
    }

    /// Checks the markers against the reference picks.
    pub fn check(&mut self) {
        if !self.can_check() {
            return;
        }
        let r = &self.rounds[self.current];
        let at = |k| r.view.marker(k).map_or(f64::NAN, |m| m.t);
        let (p, s) = (at(MarkerKind::P), at(MarkerKind::S));
        let v = Verdict {
            p_error_s: p - r.p_s,
            s_error_s: s - r.s_s,
            stars: (
                stars(p - r.p_s, r.tolerance_s.0),
                stars(s - r.s_s, r.tolerance_s.1),
            ),
            s_minus_p_s: s - p,
        };
        self.total_stars += v.stars.0 + v.stars.1;
        self.verdict = Some(v);
        self.stage = Stage::Checked;
        let (ps, ss) = (r.p_s, r.s_s);
        let view = self.view_mut();
        view.guides = vec![
            Guide {
                t: ps,
                half_width_s: 0.0,
                colour: palette::P_WAVE.alpha(200),
            },
            Guide {
                t: ss,
                half_width_s: 0.0,
                colour: palette::S_WAVE.alpha(200),
            },
        ];
        view.revision = view.revision.wrapping_add(1);
    }

    /// On to the next recording, or to the end after the last.
    pub fn next(&mut self) {
        if self.stage != Stage::Checked {
            return;
        }
        if self.current + 1 < self.rounds.len() {
            self.start_round(self.current + 1);
        } else {
            self.stage = Stage::Finished;
        }
    }

    /// Plays the round's record as sound, or stops it.
    pub fn listen(&mut self) {
        if let Some(l) = self.rounds[self.current].listen.as_mut() {
            l.toggle();
        }
    }

    /// The round's sound while it plays.
    pub fn listening(&mut self) -> Option<&mut Voice> {
        self.rounds
            .get_mut(self.current)?
            .listen
            .as_mut()?
            .voice
            .as_mut()
    }

    /// Whether the round's record is playing as sound.
    pub fn is_listening(&self) -> bool {
        self.round().listen.as_ref().is_some_and(Listen::playing)
    }

    /// From the first recording again.
    pub fn restart(&mut self) {
        self.total_stars = 0;
        self.start_round(0);
    }

    /// Asks for a hint: first the why, then where to look (a band around
    /// the next marker's answer is shaded).
    pub fn hint(&mut self) {
        if self.stage != Stage::Placing {
            return;
        }
        self.hints = (self.hints + 1).min(2);
        if self.hints == 2 {
            let r = &self.rounds[self.current];
            let phase = match self.next_unplaced() {
                Some(MarkerKind::S) => Phase::S,
                _ => Phase::P,
            };
            let (t, tol, colour) = match phase {
                Phase::P => (r.p_s, r.tolerance_s.0, palette::P_WAVE),
                Phase::S => (r.s_s, r.tolerance_s.1, palette::S_WAVE),
            };
            // A band around the answer, off centre so it does not give the
            // answer away, only where to look.
            let view = self.view_mut();
            view.guides = vec![Guide {
                t: t + 1.5 * tol,
                half_width_s: 4.0 * tol,
                colour: colour.alpha(60),
            }];
            // Zoom so that the answer is in the middle third.
            let span = view.view.1 - view.view.0;
            view.set_view(t - span / 2.0, t + span / 2.0);
        }
    }

    /// Puts the markers near the answers and checks them: what `shot
    /// --open N` and the attract loop show.
    pub fn show_answer(&mut self) {
        if self.stage != Stage::Placing {
            return;
        }
        let r = &self.rounds[self.current];
        let (p, s) = (r.p_s + 0.3 * r.tolerance_s.0, r.s_s - 0.6 * r.tolerance_s.1);
        let view = self.view_mut();
        for m in &mut view.markers {
            m.t = if m.kind == MarkerKind::P { p } else { s };
            m.placed = true;
        }
        self.check();
    }

    /// Whether the recording changed since it was last drawn.
    pub fn stale(&self) -> bool {
        self.drawn != Some((self.current, self.round().view.revision))
    }

    /// Draws the current round's recording, when it changed since the last
    /// drawing into `c`.
    pub fn draw(&mut self, c: &mut Canvas) {
        let key = (self.current, self.round().view.revision);
        if !self.stale() {
            return;
        }
        self.round().view.draw(c);
        self.drawn = Some(key);
    }

    /// Most stars a visit can win.
    pub fn max_stars(&self) -> u32 {
        6 * self.rounds.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_follow_the_tolerance() {
        assert_eq!(stars(0.0, 1.0), 3);
        assert_eq!(stars(-0.33, 1.0), 3);
        assert_eq!(stars(0.9, 1.0), 2);
        assert_eq!(stars(-2.9, 1.0), 1);
        assert_eq!(stars(3.1, 1.0), 0);
        assert_eq!(stars(f64::NAN, 1.0), 0);
    }
}
