//! The rounds of "How big was it?" as a plain state machine. On the
//! station's record, simulated as a Wood-Anderson seismometer would have
//! drawn it (the instrument Richter's scale is defined on), the visitor
//! drags the S flag (P is marked; on an easy round S is too) and the A
//! flag onto the biggest swing: S−P gives the distance, the swing's height
//! the amplitude. Then the visitor lays a ruler across the nomogram, from
//! that distance on the left scale to that amplitude on the right, and
//! reads the magnitude where it crosses the middle. It is scored against
//! the record's own IASPEI (2013) ML at the true distance; the end shows
//! that one step of magnitude is ten times the swing and about 32 times
//! the energy.

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::draw::palette;
use crate::domain::physics::geo::km_per_deg;
use crate::domain::physics::magnitude::energy_joules;
use crate::domain::physics::taup::TauModel;
use crate::domain::puzzle::nomogram::{Nomogram, trace_mm};
use crate::domain::puzzle::seismogram::{
    AXIS_H, FLAGS_H, Guide, MarkerKind, Seismogram, label, label_width,
};
use crate::domain::text::Bilingual;

use super::Difficulty;

/// Size of the record picture, px.
pub const RECORD_W: u32 = 900;
/// Height of the record picture, px.
pub const RECORD_H: u32 = 540;
/// Size of the nomogram picture, px.
pub const NOMO_W: u32 = 900;
/// Height of the nomogram picture, px.
pub const NOMO_H: u32 = 640;
/// Where the nomogram's three scales are, as fractions of its width:
/// distance, magnitude, amplitude.
pub const SCALE_X: [f32; 3] = [0.2, 0.5, 0.8];
/// Half the time window around the A flag in which its swing is measured,
/// s: a finger's width on the record.
pub const SWING_HALF_S: f64 = 0.6;
/// How near (px) a ruler's end dropped by a finger snaps onto the
/// visitor's own measurement on its scale.
pub const SNAP_PX: f64 = 16.0;

/// The colour of the distance (S−P) on the record and the nomogram.
pub const DISTANCE_COLOUR: Rgba = palette::S_WAVE;
/// The colour of the amplitude (the A flag's swing).
pub const AMPLITUDE_COLOUR: Rgba = Rgba::hex(0xffb050);
/// The colour of the ruler and the magnitude it reads.
pub const RULER_COLOUR: Rgba = Rgba::hex(0xffffff);
/// The colour of the right answer's line.
pub const ANSWER_COLOUR: Rgba = Rgba::hex(0x7fe0a8);

/// Stars for a reading `error` magnitude units from the record's ML: 3
/// within 0.2 (about what two horizontals of one station differ by), 2
/// within 0.4, 1 within 0.8.
pub fn stars(error: f64) -> u32 {
    match error.abs() {
        e if !e.is_finite() => 0,
        e if e <= 0.2 => 3,
        e if e <= 0.4 => 2,
        e if e <= 0.8 => 1,
        _ => 0,
    }
}

/// How many times the swing on the record of a quake `steps` magnitude
/// units bigger: ten per step (Richter 1935: the scale is log10 of the
/// amplitude).
pub fn swing_ratio(steps: f64) -> f64 {
    10f64.powf(steps)
}

/// How many times the radiated energy of a quake `steps` magnitude units
/// bigger: 10^1.5 ≈ 32 per step (Gutenberg & Richter 1956, log10 E =
/// 1.5 M + 4.8, [`energy_joules`]).
pub fn energy_ratio(steps: f64) -> f64 {
    energy_joules(steps) / energy_joules(0.0)
}

/// The hypocentral distance, km, of a quake `depth_km` deep whose first S
/// comes `sp` s after its first P in `tau`'s Earth model.
pub fn hypocentral_km(tau: &TauModel, depth_km: f64, sp: f64) -> Option<f64> {
    let epi = tau.source(depth_km).distance_for_s_minus_p(sp)? * km_per_deg();
    Some(epi.hypot(depth_km))
}

/// One quake at one station.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// The station's name.
    pub name: Bilingual,
    /// The Wood-Anderson record of its horizontal with the bigger swing,
    /// in mm of the instrument's trace, P at time zero.
    pub view: Seismogram,
    /// The reference S−P, s.
    pub sp_s: f64,
    /// The quake's depth, km (the network's, told to the visitor).
    pub depth_km: f64,
    /// The true hypocentral distance, km.
    pub distance_km: f64,
    /// The record's biggest swing, mm of the Wood-Anderson trace (zero to
    /// peak), and when it is (s after P).
    pub peak_mm: f64,
    /// When the biggest swing is, s after P.
    pub peak_s: f64,
    /// The record's IASPEI (2013) ML at the true distance: the answer.
    pub ml: f64,
    /// The quake's magnitude in the catalogue, where known (a synthetic
    /// quake's moment magnitude), shown beside the answer.
    pub catalogue: Option<f64>,
    /// Whether S−P is given or read.
    pub difficulty: Difficulty,
    /// The S−P the distance came from, fixed when the ruler is laid.
    pub used_sp: Option<f64>,
}

impl Round {
    /// The S−P the visitor has: the S flag's time once placed (given on
    /// an easy round).
    pub fn read_sp(&self) -> Option<f64> {
        match self.difficulty {
            Difficulty::Easy => Some(self.sp_s),
            Difficulty::Medium => self
                .view
                .marker(MarkerKind::S)
                .filter(|m| m.placed)
                .map(|m| m.t),
        }
    }

    /// The swing under the A flag, once placed: the largest excursion of
    /// the trace within [`SWING_HALF_S`] of it, mm, and the flag's time.
    pub fn read_swing(&self) -> Option<(f64, f64)> {
        let m = self.view.marker(MarkerKind::Amplitude).filter(|m| m.placed)?;
        Some((self.swing_at(m.t), m.t))
    }

    /// The largest excursion of the trace within [`SWING_HALF_S`] of `t`, mm.
    pub fn swing_at(&self, t: f64) -> f64 {
        self.view
            .components
            .first()
            .and_then(|c| c.range(t - SWING_HALF_S, t + SWING_HALF_S, false))
            .map_or(0.0, |(lo, hi)| lo.abs().max(hi.abs()) as f64)
    }
}

/// Where the visitor is in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading S−P and the biggest swing on the record.
    Measuring,
    /// Laying the ruler across the nomogram.
    Laying,
    /// Checked: the right line and the record's ML are shown.
    Checked,
    /// Every round played: ten times the swing, 32 times the energy.
    Finished,
}

/// The result of a checked round.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// What the visitor's ruler reads.
    pub reading: f64,
    /// The record's ML.
    pub ml: f64,
    /// Stars (0-3).
    pub stars: u32,
}

/// A visit to the exhibit.
#[derive(Debug, Clone)]
pub struct Game {
    /// The rounds, in the scene's order.
    pub rounds: Vec<Round>,
    /// The round being played.
    pub current: usize,
    /// Where in it.
    pub stage: Stage,
    /// The visitor's distance (hypocentral, km) and swing (mm), fixed when
    /// the ruler is laid.
    pub measured: Option<(f64, f64)>,
    /// The ruler's ends on the left and right scales, px down the
    /// nomogram, once dropped there.
    pub ruler: [Option<f64>; 2],
    /// The verdict of the current round, once checked.
    pub verdict: Option<Verdict>,
    /// The verdicts of the rounds played in this visit.
    pub played: Vec<Verdict>,
    /// Stars won so far.
    pub total_stars: u32,
    /// Hints asked for in this stage (0, 1: what to do, 2: where).
    pub hints: u32,
    /// The nomogram's scales.
    pub nomogram: Nomogram,
    tau: std::sync::Arc<TauModel>,
    /// Bumped when the nomogram's drawing changes.
    revision: u64,
    /// What each picture last showed: (round, revision).
    drawn: [Option<(usize, u64)>; 2],
    /// The nomogram's scales, drawn once: only the marks and the ruler
    /// over them change.
    scales: Option<Canvas>,
    /// The ruler's end a finger holds.
    held_end: Option<usize>,
    /// Whether a finger is on the record.
    holding_record: bool,
}

impl PartialEq for Game {
    fn eq(&self, o: &Self) -> bool {
        self.rounds == o.rounds
            && self.current == o.current
            && self.stage == o.stage
            && self.measured == o.measured
            && self.ruler == o.ruler
            && self.verdict == o.verdict
            && self.total_stars == o.total_stars
            && self.hints == o.hints
    }
}

impl Game {
    /// A fresh visit over `rounds` (at least one); distances from `tau`.
    pub fn new(rounds: Vec<Round>, tau: std::sync::Arc<TauModel>) -> Self {
        let mut g = Self {
            rounds,
            current: 0,
            stage: Stage::Measuring,
            measured: None,
            ruler: [None; 2],
            verdict: None,
            played: Vec::new(),
            total_stars: 0,
            hints: 0,
            nomogram: Nomogram::new(NOMO_H as f64),
            tau,
            revision: 0,
            drawn: [None; 2],
            scales: None,
            held_end: None,
            holding_record: false,
        };
        g.start_round(0);
        g
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    fn start_round(&mut self, i: usize) {
        self.current = i;
        self.stage = Stage::Measuring;
        self.measured = None;
        self.ruler = [None; 2];
        self.verdict = None;
        self.hints = 0;
        self.held_end = None;
        self.holding_record = false;
        let r = &mut self.rounds[i];
        r.used_sp = None;
        let v = &mut r.view;
        v.markers.clear();
        v.guides.clear();
        v.guides.push(Guide {
            t: 0.0,
            half_width_s: 0.0,
            colour: palette::P_WAVE,
        });
        v.reset_view();
        if r.difficulty == Difficulty::Easy {
            v.guides.push(Guide {
                t: r.sp_s,
                half_width_s: 0.0,
                colour: DISTANCE_COLOUR,
            });
        } else {
            v.add_marker(MarkerKind::S, 0.93);
        }
        v.add_marker(MarkerKind::Amplitude, 0.07);
        self.changed();
    }

    /// The round being played.
    pub fn round(&self) -> &Round {
        &self.rounds[self.current]
    }

    /// The visitor's hypocentral distance from the S−P read so far, km.
    pub fn read_distance_km(&self) -> Option<f64> {
        let r = self.round();
        hypocentral_km(&self.tau, r.depth_km, r.read_sp()?)
    }

    /// Whether S−P and the swing are read, so that the ruler can be laid.
    pub fn can_lay(&self) -> bool {
        self.stage == Stage::Measuring
            && self.read_distance_km().is_some()
            && self.round().read_swing().is_some_and(|(a, _)| a > 0.0)
    }

    /// From the record to the nomogram, with the distance and swing read.
    pub fn to_nomogram(&mut self) {
        if !self.can_lay() {
            return;
        }
        let (Some(r_km), Some((a_mm, _))) = (self.read_distance_km(), self.round().read_swing())
        else {
            return;
        };
        self.measured = Some((r_km, a_mm));
        let sp = self.round().read_sp();
        self.rounds[self.current].used_sp = sp;
        self.stage = Stage::Laying;
        self.hints = 0;
        self.holding_record = false;
        self.changed();
    }

    /// Where on the nomogram (px down) the visitor's distance and swing are.
    pub fn measured_y(&self) -> Option<[f64; 2]> {
        let (r_km, a_mm) = self.measured?;
        Some([
            self.nomogram.distance_y(r_km),
            self.nomogram.amplitude_y(a_mm / trace_mm(1.0)),
        ])
    }

    /// What the ruler reads, once both ends are down.
    pub fn reading(&self) -> Option<f64> {
        let [Some(l), Some(r)] = self.ruler else {
            return None;
        };
        Some(self.nomogram.reading(l, r))
    }

    /// Whether the ruler is laid, so that it can be checked.
    pub fn can_check(&self) -> bool {
        self.stage == Stage::Laying && self.reading().is_some()
    }

    /// Scores the ruler's reading against the record's ML.
    pub fn check(&mut self) {
        let Some(reading) = self.reading().filter(|_| self.can_check()) else {
            return;
        };
        let ml = self.round().ml;
        let v = Verdict {
            reading,
            ml,
            stars: stars(reading - ml),
        };
        self.total_stars += v.stars;
        self.verdict = Some(v);
        self.played.push(v);
        self.stage = Stage::Checked;
        self.held_end = None;
        self.changed();
    }

    /// On to the next round, or the end.
    pub fn next(&mut self) {
        if self.stage != Stage::Checked {
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
        self.played.clear();
        self.start_round(0);
    }

    /// Most stars a visit can win.
    pub fn max_stars(&self) -> u32 {
        3 * self.rounds.len() as u32
    }

    /// The smallest and the biggest ML of the rounds played, once two
    /// differ: what the end compares.
    pub fn span(&self) -> Option<(f64, f64)> {
        let lo = self.played.iter().map(|v| v.ml).fold(f64::INFINITY, f64::min);
        let hi = self.played.iter().map(|v| v.ml).fold(f64::NEG_INFINITY, f64::max);
        (hi - lo > 0.05).then_some((lo, hi))
    }

    /// One more hint: first what to do, then where (lit bands at S and at
    /// the biggest swing on the record; the ruler's ends on the visitor's
    /// own marks on the nomogram).
    pub fn hint(&mut self) {
        if !matches!(self.stage, Stage::Measuring | Stage::Laying) {
            return;
        }
        self.hints = (self.hints + 1).min(2);
        if self.hints == 2 {
            match self.stage {
                Stage::Measuring => {
                    let r = &mut self.rounds[self.current];
                    let mut bands = vec![Guide {
                        t: r.peak_s,
                        half_width_s: 1.0,
                        colour: AMPLITUDE_COLOUR.alpha(60),
                    }];
                    if r.difficulty == Difficulty::Medium {
                        bands.push(Guide {
                            t: r.sp_s,
                            half_width_s: (0.12 * r.sp_s).max(0.8),
                            colour: DISTANCE_COLOUR.alpha(60),
                        });
                    }
                    for b in bands {
                        if !r.view.guides.contains(&b) {
                            r.view.guides.push(b);
                            r.view.revision = r.view.revision.wrapping_add(1);
                        }
                    }
                }
                _ => {
                    if let Some(y) = self.measured_y() {
                        self.ruler = [Some(y[0]), Some(y[1])];
                    }
                }
            }
        }
        self.changed();
    }

    /// A finger went down on the record at `x` of its width `w`: it takes
    /// the flag under it, else the A flag (the S flag while S is not yet
    /// down on a round to read) jumps to the finger.
    pub fn record_press(&mut self, x: f32, w: f32) {
        if self.stage != Stage::Measuring || !x.is_finite() {
            return;
        }
        let r = &mut self.rounds[self.current];
        if !r.view.press(x, w) {
            let s_down = r.view.marker(MarkerKind::S).is_none_or(|m| m.placed);
            let kind = if s_down {
                MarkerKind::Amplitude
            } else {
                MarkerKind::S
            };
            r.view.place(kind, (x / w.max(1.0)) as f64);
            r.view.press(x, w);
        }
        self.holding_record = true;
    }

    /// The finger moved on the record.
    pub fn record_drag(&mut self, x: f32, w: f32) {
        if self.holding_record && self.stage == Stage::Measuring && x.is_finite() {
            self.rounds[self.current].view.drag_to(x, w);
        }
    }

    /// The finger lifted from the record.
    pub fn record_release(&mut self) {
        self.holding_record = false;
        self.rounds[self.current].view.release();
    }

    /// A finger went down on the nomogram at fractions `(fx, fy)`: it takes
    /// the ruler's end on its side (left or right of the middle scale),
    /// which follows it up and down.
    pub fn nomogram_press(&mut self, fx: f64, fy: f64) {
        if self.stage != Stage::Laying || !(fx.is_finite() && fy.is_finite()) {
            return;
        }
        let end = usize::from(fx > SCALE_X[1] as f64);
        self.held_end = Some(end);
        self.move_end(end, fy);
    }

    /// The finger moved on the nomogram.
    pub fn nomogram_drag(&mut self, _fx: f64, fy: f64) {
        if let Some(end) = self.held_end.filter(|_| self.stage == Stage::Laying && fy.is_finite()) {
            self.move_end(end, fy);
        }
    }

    /// The finger lifted from the nomogram: an end dropped near the
    /// visitor's own mark snaps onto it.
    pub fn nomogram_release(&mut self) {
        let Some(end) = self.held_end.take() else {
            return;
        };
        if let (Some(y), Some(marks)) = (self.ruler[end], self.measured_y())
            && (y - marks[end]).abs() <= SNAP_PX
        {
            self.ruler[end] = Some(marks[end]);
            self.changed();
        }
    }

    fn move_end(&mut self, end: usize, fy: f64) {
        let [lo, hi] = self.scale_span(end);
        let y = (fy * NOMO_H as f64).clamp(lo, hi);
        if self.ruler[end] != Some(y) {
            self.ruler[end] = Some(y);
            self.changed();
        }
    }

    /// The top and bottom of scale `end` (0 distance, 1 amplitude), px.
    pub fn scale_span(&self, end: usize) -> [f64; 2] {
        let n = &self.nomogram;
        if end == 0 {
            [n.distance_y(DISTANCES_KM[DISTANCES_KM.len() - 1]), n.distance_y(DISTANCES_KM[0])]
        } else {
            let a = |mm: f64| n.amplitude_y(mm / trace_mm(1.0));
            [a(AMPLITUDES_MM[AMPLITUDES_MM.len() - 1]), a(AMPLITUDES_MM[0])]
        }
    }

    /// Whether picture `index` (0 the record, 1 the nomogram) shows
    /// something new since it was last drawn.
    pub fn stale(&self, index: usize) -> bool {
        self.drawn.get(index).copied().flatten() != Some(self.picture_key(index))
    }

    fn picture_key(&self, index: usize) -> (usize, u64) {
        let rev = if index == 0 {
            self.round().view.revision
        } else {
            self.revision
        };
        (self.current, rev)
    }

    /// Draws picture `index` into `c`.
    pub fn draw(&mut self, index: usize, c: &mut Canvas) {
        let key = self.picture_key(index);
        if index == 0 {
            self.draw_record(c);
        } else if self.stage == Stage::Finished {
            self.draw_steps(c);
        } else {
            self.draw_nomogram(c);
        }
        if let Some(d) = self.drawn.get_mut(index) {
            *d = Some(key);
        }
    }

    /// The record, and the swing under the A flag bracketed with its size.
    fn draw_record(&self, c: &mut Canvas) {
        let r = self.round();
        r.view.draw(c);
        let Some((a, t)) = r.read_swing() else {
            return;
        };
        let v = &r.view;
        let Some(comp) = v.components.first() else {
            return;
        };
        let (w, h) = (c.width as f32, c.height as f32);
        let (t0, t1) = v.view;
        let full = comp.peak_between(t0, t1, false).max(1e-9) as f64;
        let ph = (h - FLAGS_H - AXIS_H).max(10.0);
        let mid = FLAGS_H + ph / 2.0;
        let scale = (ph / 2.0 - 3.0) as f64 / full;
        let x = (v.frac_of(t) * w as f64) as f32;
        let half = (v.frac_of(t + SWING_HALF_S) - v.frac_of(t)) as f32 * w;
        for sign in [-1.0f32, 1.0] {
            let y = mid + sign * (a * scale) as f32;
            c.fill_rect(x - half - 10.0, y - 1.5, 2.0 * half + 20.0, 3.0, AMPLITUDE_COLOUR);
        }
        // Its size beside it, on a dark plate so that the trace does not
        // run through the numbers.
        let top = mid - (a * scale) as f32;
        let text = format_mm(a);
        let tw = label_width(&text, 26.0);
        let lx = if x + half + 24.0 + tw > w {
            x - half - 24.0 - tw
        } else {
            x + half + 18.0
        };
        let base = (top + 26.0).max(FLAGS_H + 30.0);
        c.fill_rect(lx - 6.0, base - 28.0, tw + 12.0, 36.0, Rgba::hex(0x10202e).alpha(220));
        label(c, &text, lx, base, 26.0, AMPLITUDE_COLOUR, false);
    }

    fn px(&self, frac: f32) -> f32 {
        frac * NOMO_W as f32
    }

    /// The nomogram: three scales (drawn once), the visitor's marks, the
    /// ruler, and once checked the right line.
    fn draw_nomogram(&mut self, c: &mut Canvas) {
        if self.scales.as_ref().is_none_or(|s| s.rgba.len() != c.rgba.len()) {
            let mut s = Canvas::new(c.width, c.height, Rgba::hex(0x10202e));
            self.draw_scales(&mut s);
            self.scales = Some(s);
        }
        if let Some(s) = &self.scales {
            c.rgba.copy_from_slice(&s.rgba);
        }
        let n = &self.nomogram;
        let [xl, xm, xr] = SCALE_X.map(|f| self.px(f));
        let amp_y = |mm: f64| n.amplitude_y(mm / trace_mm(1.0)) as f32;
        // The visitor's marks: a dot on each outer scale.
        if let Some([yl, yr]) = self.measured_y() {
            for (x, y, col) in [(xl, yl, DISTANCE_COLOUR), (xr, yr, AMPLITUDE_COLOUR)] {
                c.fill_circle(x, y as f32, 15.0, Rgba::hex(0x10202e));
                c.fill_circle(x, y as f32, 11.0, col);
            }
        }
        // Once checked, the right line: true distance to the record's swing.
        if matches!(self.stage, Stage::Checked) {
            let r = self.round();
            let (yl, yr) = (n.distance_y(r.distance_km), amp_y(r.peak_mm) as f64);
            line(c, (xl, yl as f32), (xr, yr as f32), 5.0, ANSWER_COLOUR);
            let ym = n.magnitude_y(r.ml) as f32;
            c.fill_circle(xm, ym, 10.0, ANSWER_COLOUR);
        }
        // The ruler, dim until both its ends are down: its ends are big
        // handles; where it crosses the middle a ring shows what it reads.
        let ends = [0, 1].map(|e| {
            let [a, b] = self.scale_span(e);
            self.ruler[e].unwrap_or(0.5 * (a + b)) as f32
        });
        let laid = self.reading().is_some();
        let col = if laid { RULER_COLOUR } else { RULER_COLOUR.alpha(110) };
        line(c, (xl, ends[0]), (xr, ends[1]), 4.0, col);
        if laid {
            c.ring(xm, 0.5 * (ends[0] + ends[1]), 16.0, 4.0, RULER_COLOUR);
        }
        for (e, x) in [xl, xr].into_iter().enumerate() {
            c.ring(x, ends[e], 26.0, 5.0, col);
            if self.ruler[e].is_some() {
                c.fill_circle(x, ends[e], 6.0, RULER_COLOUR);
            }
        }
    }


    /// The three scales with their ticks and numbers.
    fn draw_scales(&self, c: &mut Canvas) {
        let n = &self.nomogram;
        let [xl, xm, xr] = SCALE_X.map(|f| self.px(f));
        let tick_col = Rgba::hex(0x9fb4c8);
        let bar = |c: &mut Canvas, x: f32, [a, b]: [f64; 2], col: Rgba| {
            c.fill_rect(x - 3.0, a as f32, 6.0, (b - a) as f32, col);
        };
        // The distance scale, ticks to the left.
        bar(c, xl, self.scale_span(0), tick_col);
        for &km in &DISTANCES_KM {
            let y = n.distance_y(km) as f32;
            c.fill_rect(xl - 22.0, y - 1.5, 22.0, 3.0, tick_col);
            let text = format_km(km);
            label(c, &text, xl - 30.0 - label_width(&text, 24.0), y + 9.0, 24.0, tick_col, false);
        }
        for km in minor_ticks(&DISTANCES_KM) {
            let y = n.distance_y(km) as f32;
            c.fill_rect(xl - 11.0, y - 1.0, 11.0, 2.0, tick_col);
        }
        // The amplitude scale, ticks to the right, mm of the trace.
        bar(c, xr, self.scale_span(1), tick_col);
        let amp_y = |mm: f64| n.amplitude_y(mm / trace_mm(1.0)) as f32;
        for &mm in &AMPLITUDES_MM {
            let y = amp_y(mm);
            c.fill_rect(xr, y - 1.5, 22.0, 3.0, tick_col);
            label(c, &format_tick_mm(mm), xr + 30.0, y + 9.0, 24.0, tick_col, false);
        }
        for mm in minor_ticks(&AMPLITUDES_MM) {
            c.fill_rect(xr, amp_y(mm) - 1.0, 11.0, 2.0, tick_col);
        }
        // The magnitude scale, ticks both sides.
        let (m_lo, m_hi) = MAGNITUDES;
        c.fill_rect(xm - 3.0, n.magnitude_y(m_hi) as f32, 6.0, ((m_hi - m_lo) * 0.5 * n.step) as f32, tick_col);
        for k in (2 * m_lo as i32)..=(2 * m_hi as i32) {
            let ml = k as f64 / 2.0;
            let y = n.magnitude_y(ml) as f32;
            let len = if k % 2 == 0 { 18.0 } else { 9.0 };
            c.fill_rect(xm - len, y - 1.5, 2.0 * len, 3.0, tick_col);
            if k % 2 == 0 {
                label(c, &format!("{}", k / 2), xm + 26.0, y + 9.0, 26.0, tick_col, false);
            }
        }
    }

    /// The end: one step of magnitude as swing and as energy, between the
    /// smallest and the biggest quake played (or one step where they are
    /// the same).
    fn draw_steps(&self, c: &mut Canvas) {
        c.clear(Rgba::hex(0x10202e));
        let steps = self.span().map_or(1.0, |(lo, hi)| hi - lo);
        let (w, h) = (NOMO_W as f32, NOMO_H as f32);
        let floor = h - 70.0;
        // The swings: two bars, ten times taller per step.
        let tall = floor - 60.0;
        let small = (tall as f64 / swing_ratio(steps)).max(2.0) as f32;
        for (x, bh) in [(SWING_X[0] * w, small), (SWING_X[1] * w, tall)] {
            c.fill_rect(x, floor - bh, 0.1 * w, bh, AMPLITUDE_COLOUR);
        }
        c.fill_rect(0.06 * w, floor, 0.34 * w, 4.0, Rgba::hex(0x9fb4c8));
        // The energies: one block for the smaller quake, as many as the
        // ratio says for the bigger, stacked up from the floor.
        let blocks = energy_ratio(steps).round().clamp(1.0, 2000.0) as usize;
        let side = if blocks > 400 {
            8.0
        } else if blocks > 100 {
            14.0
        } else {
            24.0
        };
        let (x0, x1) = (ENERGY_X[0] * w, 0.96 * w);
        c.fill_rect(x0, floor - 24.0, 24.0, 24.0, DISTANCE_COLOUR);
        let xg = ENERGY_X[1] * w;
        let per_row = (((x1 - xg) / (side + 3.0)) as usize).max(1);
        for k in 0..blocks {
            let (row, col) = (k / per_row, k % per_row);
            let y = floor - (row as f32 + 1.0) * (side + 3.0);
            if y < 60.0 {
                break;
            }
            c.fill_rect(xg + col as f32 * (side + 3.0), y, side, side, DISTANCE_COLOUR);
        }
        c.fill_rect(x0 - 0.02 * w, floor, x1 - x0 + 0.02 * w, 4.0, Rgba::hex(0x9fb4c8));
    }
}

/// Where the end's swing bars are, as fractions of its width.
pub const SWING_X: [f32; 2] = [0.1, 0.26];
/// Where the end's energy blocks start: the smaller quake's, the bigger's.
pub const ENERGY_X: [f32; 2] = [0.52, 0.64];

/// The distance scale's labelled ticks, km.
pub const DISTANCES_KM: [f64; 7] = [10.0, 20.0, 50.0, 100.0, 200.0, 400.0, 600.0];
/// The amplitude scale's labelled ticks, mm of the Wood-Anderson trace.
pub const AMPLITUDES_MM: [f64; 7] = [0.01, 0.1, 1.0, 10.0, 100.0, 1000.0, 5000.0];
/// The magnitude scale's ends.
pub const MAGNITUDES: (f64, f64) = (0.0, 7.5);

/// Unlabelled ticks at 2-9 times each decade between the labelled ones.
fn minor_ticks(labelled: &[f64]) -> Vec<f64> {
    let (lo, hi) = (labelled[0], labelled[labelled.len() - 1]);
    let mut out = Vec::new();
    let mut decade = 10f64.powf(lo.log10().floor());
    while decade < hi {
        for k in 2..10 {
            let v = decade * k as f64;
            if v > lo && v < hi && !labelled.iter().any(|&l| (l / v - 1.0).abs() < 1e-9) {
                out.push(v);
            }
        }
        decade *= 10.0;
    }
    out
}

fn line(c: &mut Canvas, a: (f32, f32), b: (f32, f32), width: f32, col: Rgba) {
    c.stroke(&[a, b], width, col);
}

/// A distance for the scale, "50 km".
pub fn format_km(km: f64) -> String {
    format!("{km:.0} km")
}

/// A tick of the amplitude scale, "0.01 mm", "1000 mm".
pub fn format_tick_mm(mm: f64) -> String {
    if mm < 1.0 {
        format!("{mm} mm")
    } else {
        format!("{mm:.0} mm")
    }
}

/// A swing as the record shows it, with two or three figures.
pub fn format_mm(mm: f64) -> String {
    if mm >= 100.0 {
        format!("{mm:.0} mm")
    } else if mm >= 10.0 {
        format!("{mm:.1} mm")
    } else {
        format!("{mm:.2} mm")
    }
}
