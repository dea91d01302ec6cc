//! The state of "How a seismometer works": the instrument shaking with the
//! ground the visitor drags, the pen's line on the turning drum beside the
//! ground's own motion, the natural-period slider, and the replay of a
//! recording through a 1 s and a 20 s instrument. No Bevy here.

use std::collections::VecDeque;

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::physics::oscillator::{Oscillator, Stepper};
use crate::domain::puzzle::seismogram::label;

/// The picture's size (the card's too).
pub const PIC_W: u32 = 960;
/// The picture's height.
pub const PIC_H: u32 = 640;
/// The shortest natural period the slider offers, s.
pub const SHORTEST_S: f64 = 1.0;
/// The longest, s.
pub const LONGEST_S: f64 = 20.0;
/// Simulation step, s: many per frame, each exact.
pub const STEP_S: f64 = 1.0 / 240.0;
/// Seconds of record the drum shows.
pub const DRUM_S: f64 = 6.0;
/// How far the ground may be dragged from rest, px.
pub const GROUND_MAX_PX: f64 = 45.0;
/// Samples of the drum's line per second.
const DRUM_RATE: f64 = 60.0;

/// The paper's left and right edges and its centre line at rest, px.
const PAPER: (f32, f32, f32) = (30.0, 560.0, 260.0);
/// The paper's half height, px.
const PAPER_HALF: f32 = 190.0;
/// The frame's posts, beam and base at rest, px.
const POSTS: (f32, f32) = (600.0, 900.0);
const BEAM_Y: f32 = 40.0;
const BASE_Y: f32 = 470.0;
/// The lever's pivot (on the frame) and the mass's centre at rest.
const PIVOT_X: f32 = 640.0;
const MASS: (f32, f32) = (720.0, 260.0);
/// The slider's band: top, bottom; its track's ends.
pub const SLIDER_Y: (f32, f32) = (548.0, 638.0);
const TRACK_X: (f32, f32) = (80.0, 880.0);
/// The slider knob's radius, px (88 px across on the picture, 65 px at
/// the size the screen shows it).
const KNOB_R: f32 = 44.0;

/// Pen ink, the ground's line, the paper.
pub const INK: Rgba = Rgba::hex(0x1f4e8c);
/// The ground's line on the paper (and its swatch).
pub const GROUND_LINE: Rgba = Rgba::hex(0xe0892f);
const PAPER_COLOUR: Rgba = Rgba::hex(0xf4efe2);
const BACKGROUND: Rgba = Rgba::hex(0x10202e);
const METAL: Rgba = Rgba::hex(0x8fa3b5);
const MASS_COLOUR: Rgba = Rgba::hex(0x3d4b59);
const ROCK: Rgba = Rgba::hex(0x8a6a3c);
const LABEL: Rgba = Rgba::hex(0x9fb4c8);

/// A shake the exhibit makes for the visitor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AutoShake {
    /// Its period, s.
    pub period_s: f64,
    /// Its size, px.
    pub amplitude_px: f64,
    /// How long it lasts, s.
    pub duration_s: f64,
    t: f64,
}

/// A quick shake: 0.3 s, well above a 1 s instrument's natural frequency.
pub const QUICK: (f64, f64, f64) = (0.3, 40.0, 4.0);
/// A slow sway: 8 s, well below it.
pub const SLOW: (f64, f64, f64) = (8.0, 45.0, 16.0);

/// What the pen does with the motion of the last seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The ground is still.
    Still,
    /// The pen copies the ground: the mass stays put.
    Copies,
    /// The pen writes part of it.
    Partly,
    /// The mass rides along: the pen hardly moves.
    RidesAlong,
}

/// What is on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The visitor shakes the instrument.
    Shake,
    /// A recording plays through two instruments.
    Replay,
}

/// A recording through a short- and a long-period instrument.
#[derive(Debug, Clone, PartialEq)]
pub struct Replay {
    /// Min and max per picture column, in the record's displacement unit:
    /// the ground, the short-period and the long-period record.
    pub columns: [Vec<(f32, f32)>; 3],
    /// The largest swing of each: each record is drawn at its own
    /// magnification, as a station shows its instruments.
    pub peaks: [f32; 3],
    /// Seconds covered.
    pub duration_s: f64,
    /// P and S, seconds from the start, where known.
    pub p_s: Option<f64>,
    /// The S.
    pub s_s: Option<f64>,
    /// Seconds the replay takes.
    pub replay_s: f64,
    /// How far it has played, s of record.
    pub playhead_s: f64,
}

/// The replay's panels: top and height of each, px.
pub const PANELS: [(f32, f32); 3] = [(40.0, 170.0), (240.0, 170.0), (440.0, 170.0)];
/// The replay's left and right edges, px.
pub const REPLAY_X: (f32, f32) = (40.0, 920.0);

impl Replay {
    /// Builds the replay of a vertical ground velocity `velocity` (`rate_hz`
    /// samples a second) through instruments of `periods` s (damping
    /// `damping`), to play in `replay_s` s.
    pub fn new(
        velocity: &[f64],
        rate_hz: f64,
        periods: (f64, f64),
        damping: f64,
        replay_s: f64,
        (p_s, s_s): (Option<f64>, Option<f64>),
    ) -> Option<Self> {
        use crate::domain::waveform::dsp::{self, Band};
        if velocity.len() < 16 || rate_hz <= 0.0 {
            return None;
        }
        // Below 100 s the ground's own displacement is what a visitor
        // wants to see; slower drift is the integration's, not the quake's.
        let mut v = velocity.to_vec();
        dsp::demean(&mut v);
        let v = dsp::filter(&v, Band::High(0.01), 2, rate_hz, true);
        let mut u = 0.0;
        let ground: Vec<f64> = v
            .iter()
            .map(|x| {
                u += x / rate_hz;
                u
            })
            .collect();
        let record = |t0: f64| {
            Oscillator {
                period_s: t0,
                damping,
            }
            .record(&v, rate_hz)
        };
        let traces = [ground, record(periods.0), record(periods.1)];
        let cols = (REPLAY_X.1 - REPLAY_X.0) as usize;
        let n = v.len();
        let columns = traces.map(|x| {
            (0..cols)
                .map(|c| {
                    let (a, b) = (c * n / cols, ((c + 1) * n / cols).max(c * n / cols + 1).min(n));
                    x[a..b].iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &s| {
                        (lo.min(s as f32), hi.max(s as f32))
                    })
                })
                .collect::<Vec<_>>()
        });
        let peaks = [0, 1, 2].map(|k| {
            columns[k]
                .iter()
                .fold(0.0f32, |m, &(lo, hi)| m.max(lo.abs()).max(hi.abs()))
                .max(1e-9)
        });
        Some(Self {
            columns,
            peaks,
            duration_s: n as f64 / rate_hz,
            p_s,
            s_s,
            replay_s: replay_s.max(1.0),
            playhead_s: 0.0,
        })
    }

    /// The largest swing of trace `k` (0 ground, 1 short, 2 long) between
    /// `t0` and `t1` s.
    pub fn peak_between(&self, k: usize, t0: f64, t1: f64) -> f32 {
        let cols = self.columns[k].len();
        let c = |t: f64| ((t / self.duration_s * cols as f64) as usize).min(cols);
        self.columns[k][c(t0)..c(t1).max(c(t0) + 1).min(cols)]
            .iter()
            .fold(0.0f32, |m, &(lo, hi)| m.max(lo.abs()).max(hi.abs()))
    }
}

/// What a finger holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Grab {
    /// The ground, pressed at picture height `y` when it was at `ground`.
    Ground { y: f32, ground: f64 },
    /// The slider's knob.
    Slider,
}

/// A visit to the seismometer.
#[derive(Debug, Clone, PartialEq)]
pub struct Game {
    /// The instrument's natural period, s.
    pub period_s: f64,
    /// Its damping.
    pub damping: f64,
    stepper: Stepper,
    /// The ground's height now, px (up positive).
    pub ground: f64,
    /// Where the finger (or the auto shake) wants it.
    target: f64,
    grab: Option<Grab>,
    /// The shake the exhibit is making, if any.
    pub auto: Option<AutoShake>,
    /// (ground, pen) at [`DRUM_RATE`], newest last.
    history: VecDeque<(f32, f32)>,
    since_sample: f64,
    /// Shaking or replaying.
    pub mode: Mode,
    /// The replay, where the scene has a readable recording.
    pub replay: Option<Replay>,
}

impl Game {
    /// At rest, with an instrument of `period_s` and `damping`.
    pub fn new(period_s: f64, damping: f64, replay: Option<Replay>) -> Self {
        let period_s = period_s.clamp(SHORTEST_S, LONGEST_S);
        Self {
            period_s,
            damping,
            stepper: Stepper::new(Oscillator { period_s, damping }, STEP_S),
            ground: 0.0,
            target: 0.0,
            grab: None,
            auto: None,
            history: VecDeque::new(),
            since_sample: 0.0,
            mode: Mode::Shake,
            replay,
        }
    }

    /// The instrument now.
    pub fn oscillator(&self) -> Oscillator {
        Oscillator {
            period_s: self.period_s,
            damping: self.damping,
        }
    }

    /// Sets the natural period (clamped to the slider's range); the mass
    /// keeps its motion, only the spring changes.
    pub fn set_period(&mut self, period_s: f64) {
        if !period_s.is_finite() {
            return;
        }
        let period_s = period_s.clamp(SHORTEST_S, LONGEST_S);
        let old = self.stepper.clone();
        self.period_s = period_s;
        self.stepper = Stepper::new(self.oscillator(), STEP_S);
        self.stepper.carry_motion(&old);
    }

    /// The pen's line: the ground relative to the mass, px.
    pub fn pen(&self) -> f64 {
        self.stepper.record()
    }

    /// Moves on by `dt` s of real time: the ground goes linearly to where
    /// the finger (or the auto shake) wants it, in exact steps.
    pub fn advance(&mut self, dt: f64) {
        let dt = dt.clamp(0.0, 0.1);
        if self.mode == Mode::Replay {
            if let Some(r) = &mut self.replay {
                r.playhead_s = (r.playhead_s + dt * r.duration_s / r.replay_s).min(r.duration_s);
            }
            return;
        }
        let steps = (dt / STEP_S).round() as usize;
        for _ in 0..steps {
            if let Some(a) = &mut self.auto {
                a.t += STEP_S;
                // Eased in and out so that the start is no jolt.
                let ease = (a.t / 0.5).min(1.0).min(((a.duration_s - a.t) / 0.5).max(0.0));
                self.target = ease * a.amplitude_px * (std::f64::consts::TAU * a.t / a.period_s).sin();
                if a.t >= a.duration_s {
                    self.auto = None;
                    self.target = 0.0;
                }
            }
            // The ground eases to the target over a few steps (a finger's
            // path arrives once a frame).
            let next = self.ground + (self.target - self.ground) * 0.25;
            self.stepper.step((next - self.ground) / STEP_S);
            self.ground = next;
            self.since_sample += STEP_S;
            if self.since_sample >= 1.0 / DRUM_RATE {
                self.since_sample -= 1.0 / DRUM_RATE;
                self.history.push_back((self.ground as f32, self.pen() as f32));
                if self.history.len() > (DRUM_S * DRUM_RATE) as usize {
                    self.history.pop_front();
                }
            }
        }
    }

    /// Runs `seconds` of the exhibit at 60 frames a second (to open it at
    /// a moment, for its card and in tests).
    pub fn run_for(&mut self, seconds: f64) {
        for _ in 0..(seconds * 60.0).round() as usize {
            self.advance(1.0 / 60.0);
        }
    }

    /// Starts a shake of (period, amplitude, duration).
    pub fn shake(&mut self, (period_s, amplitude_px, duration_s): (f64, f64, f64)) {
        self.mode = Mode::Shake;
        self.grab = None;
        self.auto = Some(AutoShake {
            period_s,
            amplitude_px,
            duration_s,
            t: 0.0,
        });
    }

    /// A finger went down at (`x`, `y`) of the picture.
    pub fn press(&mut self, x: f32, y: f32) {
        if self.mode != Mode::Shake {
            return;
        }
        if y >= SLIDER_Y.0 - 10.0 {
            self.grab = Some(Grab::Slider);
            self.slide_to(x);
        } else {
            self.auto = None;
            self.grab = Some(Grab::Ground {
                y,
                ground: self.ground,
            });
        }
    }

    /// The finger moved to (`x`, `y`).
    pub fn drag(&mut self, x: f32, y: f32) {
        match self.grab {
            Some(Grab::Ground { y: y0, ground }) => {
                self.target = (ground + (y0 - y) as f64).clamp(-GROUND_MAX_PX, GROUND_MAX_PX);
            }
            Some(Grab::Slider) => self.slide_to(x),
            None => {}
        }
    }

    /// The finger lifted: the ground stays where it was let go.
    pub fn release(&mut self) {
        self.grab = None;
    }

    fn slide_to(&mut self, x: f32) {
        let f = ((x - TRACK_X.0) / (TRACK_X.1 - TRACK_X.0)).clamp(0.0, 1.0) as f64;
        let p = SHORTEST_S * (LONGEST_S / SHORTEST_S).powf(f);
        // Whole seconds below 10 s, fives above: the numbers a visitor reads.
        let p = if p < 10.0 { p.round() } else { (p / 5.0).round() * 5.0 };
        if p != self.period_s {
            self.set_period(p);
        }
    }

    /// What the pen did with the last three seconds of motion.
    pub fn verdict(&self) -> Verdict {
        let n = (3.0 * DRUM_RATE) as usize;
        let recent: Vec<(f32, f32)> = self.history.iter().rev().take(n).copied().collect();
        if recent.len() < n / 2 {
            return Verdict::Still;
        }
        // The ground's motion about its mean (a ground left high is not
        // shaking), against the pen's.
        let mean = recent.iter().map(|p| p.0).sum::<f32>() / recent.len() as f32;
        let rms = |f: &dyn Fn(&(f32, f32)) -> f32| {
            (recent.iter().map(|p| f(p).powi(2)).sum::<f32>() / recent.len() as f32).sqrt()
        };
        let g = rms(&|p| p.0 - mean);
        let pen = rms(&|p| p.1);
        if g < 4.0 && pen < 4.0 {
            Verdict::Still
        } else if pen >= 0.7 * g {
            Verdict::Copies
        } else if pen <= 0.35 * g {
            Verdict::RidesAlong
        } else {
            Verdict::Partly
        }
    }

    /// Starts the replay (where there is one).
    pub fn start_replay(&mut self) {
        if let Some(r) = &mut self.replay {
            r.playhead_s = 0.0;
            self.mode = Mode::Replay;
            self.auto = None;
            self.grab = None;
        }
    }

    /// Back to shaking.
    pub fn stop_replay(&mut self) {
        self.mode = Mode::Shake;
    }

    /// Draws the picture.
    pub fn draw(&self, c: &mut Canvas) {
        c.clear(BACKGROUND);
        match (self.mode, &self.replay) {
            (Mode::Replay, Some(r)) => draw_replay(c, r),
            _ => self.draw_instrument(c),
        }
    }

    fn draw_instrument(&self, c: &mut Canvas) {
        let u = self.ground as f32;
        let z = self.stepper.mass_offset() as f32;
        // Everything on the ground moves up by u; the mass by u + z.
        let dy = -u;
        // The drum's paper and its lines.
        let (px0, px1, pc) = PAPER;
        let paper_c = pc + dy;
        c.fill_rect(px0, paper_c - PAPER_HALF, px1 - px0, 2.0 * PAPER_HALF, PAPER_COLOUR);
        for k in -3..=3 {
            let y = paper_c + k as f32 * 50.0;
            c.fill_rect(px0, y - 0.5, px1 - px0, 1.0, Rgba::hex(0xd9d2bf));
        }
        let n = self.history.len();
        let px_per_sample = (px1 - px0) / (DRUM_S * DRUM_RATE) as f32;
        let clip = |y: f32| y.clamp(paper_c - PAPER_HALF + 2.0, paper_c + PAPER_HALF - 2.0);
        let mut prev: Option<(i32, i32)> = None;
        for (i, &(g, _)) in self.history.iter().enumerate() {
            let x = px1 - (n - 1 - i) as f32 * px_per_sample;
            // Dashed: every other stretch of the ground's line.
            if ((n - 1 - i) / 6).is_multiple_of(2) {
                column_line(c, x as i32, clip(paper_c - g) as i32, &mut prev, 3, GROUND_LINE);
            } else {
                prev = None;
            }
        }
        let mut prev = None;
        for (i, &(_, p)) in self.history.iter().enumerate() {
            let x = px1 - (n - 1 - i) as f32 * px_per_sample;
            column_line(c, x as i32, clip(paper_c - p) as i32, &mut prev, 4, INK);
        }
        // The drum's edges, shaded as a cylinder, and its stand.
        c.gradient_rect(px0, paper_c - PAPER_HALF, px1 - px0, 24.0, Rgba::hex(0xb9b09a), PAPER_COLOUR);
        c.gradient_rect(px0, paper_c + PAPER_HALF - 24.0, px1 - px0, 24.0, PAPER_COLOUR, Rgba::hex(0xb9b09a));
        for x in [px0 + 40.0, px1 - 56.0] {
            c.fill_rect(x, paper_c + PAPER_HALF, 16.0, BASE_Y - pc - PAPER_HALF, METAL);
        }
        // The ground slab under it all, with its grip.
        c.fill_rect(0.0, BASE_Y + dy, 960.0, 40.0, ROCK);
        c.fill_rect(0.0, BASE_Y + 40.0 + dy, 960.0, 6.0, Rgba::hex(0x6e532d));
        for k in 0..5 {
            let x = 610.0 + k as f32 * 64.0;
            c.fill_rect(x, BASE_Y + 12.0 + dy, 40.0, 6.0, Rgba::hex(0xb08a55));
            c.fill_rect(x, BASE_Y + 24.0 + dy, 40.0, 6.0, Rgba::hex(0xb08a55));
        }
        // The frame.
        let (l, r) = POSTS;
        c.fill_rect(l, BEAM_Y + dy, 16.0, BASE_Y - BEAM_Y, METAL);
        c.fill_rect(r, BEAM_Y + dy, 16.0, BASE_Y - BEAM_Y, METAL);
        c.fill_rect(l, BEAM_Y + dy, r - l + 16.0, 16.0, METAL);
        // The pivot's bracket.
        c.fill_rect(l + 16.0, MASS.1 + dy - 4.0, PIVOT_X - l - 16.0, 8.0, METAL);
        // The mass, clamped inside the frame for drawing only.
        let my = (MASS.1 + dy - z).clamp(BEAM_Y + dy + 110.0, BASE_Y + dy - 90.0);
        let (mx, mw, mh) = (MASS.0, 110.0f32, 76.0f32);
        // Spring from the beam to the mass.
        let top = BEAM_Y + dy + 16.0;
        let bottom = my - mh / 2.0;
        let coils = 9;
        let mut pts = vec![(mx, top)];
        for k in 0..coils {
            let t = (k as f32 + 0.5) / coils as f32;
            let side = if k % 2 == 0 { -22.0 } else { 22.0 };
            pts.push((mx + side, top + 10.0 + t * (bottom - top - 20.0)));
        }
        pts.push((mx, bottom));
        c.stroke(&pts, 5.0, Rgba::hex(0xc9d6e2));
        // Damper: a cylinder on the base, a piston from the mass.
        c.fill_rect(mx - 18.0, BASE_Y + dy - 70.0, 36.0, 70.0, Rgba::hex(0x56687a));
        c.fill_rect(mx - 4.0, my + mh / 2.0, 8.0, (BASE_Y + dy - 60.0 - my - mh / 2.0).max(0.0), METAL);
        // The lever: mass, pivot, pen tip.
        let pivot = (PIVOT_X, MASS.1 + dy);
        let tip = (px1, 2.0 * pivot.1 - my);
        c.stroke(&[(mx, my), pivot, tip], 5.0, Rgba::hex(0xd7c9a3));
        c.fill_circle(pivot.0, pivot.1, 9.0, Rgba::hex(0xf0e6c8));
        c.fill_circle(tip.0, tip.1.clamp(paper_c - PAPER_HALF, paper_c + PAPER_HALF), 8.0, INK);
        c.fill_rect(mx - mw / 2.0, my - mh / 2.0, mw, mh, MASS_COLOUR);
        c.fill_rect(mx - mw / 2.0, my - mh / 2.0, mw, 8.0, Rgba::hex(0x5b6d80));
        self.draw_slider(c);
    }

    fn draw_slider(&self, c: &mut Canvas) {
        let (y0, y1) = SLIDER_Y;
        let mid = (y0 + y1) / 2.0;
        // The slider's own band, over the ground slab when that is low.
        c.fill_rect(0.0, y0 - 24.0, PIC_W as f32, PIC_H as f32 - y0 + 24.0, BACKGROUND);
        c.fill_rect(TRACK_X.0, mid - 5.0, TRACK_X.1 - TRACK_X.0, 10.0, Rgba::hex(0x24476a));
        let x_of = |p: f64| {
            TRACK_X.0 + (TRACK_X.1 - TRACK_X.0) * ((p / SHORTEST_S).ln() / (LONGEST_S / SHORTEST_S).ln()) as f32
        };
        for p in [1.0, 2.0, 5.0, 10.0, 20.0] {
            let x = x_of(p);
            c.fill_rect(x - 2.0, mid - 16.0, 4.0, 32.0, Rgba::hex(0x4a6f94));
            label(c, &format!("{p:.0} s"), x, y0 - 2.0, 22.0, LABEL, true);
        }
        let x = x_of(self.period_s);
        c.fill_circle(x, mid, KNOB_R, Rgba::hex(0xe8893a));
        label(c, &format!("{:.0}", self.period_s), x, mid + 10.0, 28.0, BACKGROUND, true);
    }
}

/// Joins column `x` at height `y` to the previous point with vertical
/// spans `width` px wide, one per column between them: a fast polyline
/// for traces.
fn column_line(c: &mut Canvas, x: i32, y: i32, prev: &mut Option<(i32, i32)>, width: i32, colour: Rgba) {
    let (x0, y0) = prev.unwrap_or((x, y));
    let half = width / 2;
    for col in x0.min(x)..=x.max(x0) {
        let t = if x == x0 { 1.0 } else { (col - x0) as f32 / (x - x0) as f32 };
        // Each column spans from its own height to the next column's, so
        // that steep stretches stay joined.
        let ya = y0 as f32 + (y - y0) as f32 * t;
        let tb = if x == x0 { 1.0 } else { ((col + 1 - x0) as f32 / (x - x0) as f32).min(1.0) };
        let yb = y0 as f32 + (y - y0) as f32 * tb;
        let (lo, hi) = (ya.min(yb) as i32 - half, ya.max(yb) as i32 + half);
        for k in 0..width {
            c.vspan(col + k - half, lo, hi, colour);
        }
    }
    *prev = Some((x, y));
}

fn draw_replay(c: &mut Canvas, r: &Replay) {
    let (x0, x1) = REPLAY_X;
    let cols = r.columns[0].len();
    let played = ((r.playhead_s / r.duration_s) * cols as f64).ceil() as usize;
    let x_of = |t: f64| x0 + (x1 - x0) * (t / r.duration_s) as f32;
    let colours = [GROUND_LINE, INK.mix(Rgba::hex(0xffffff), 0.35), INK.mix(Rgba::hex(0xffffff), 0.35)];
    for (k, &(top, h)) in PANELS.iter().enumerate() {
        c.fill_rect(x0, top, x1 - x0, h, Rgba::hex(0x16324a));
        let mid = top + h / 2.0;
        let scale = (h / 2.0 - 4.0) / r.peaks[k];
        let mut prev: Option<i32> = None;
        for (i, &(lo, hi)) in r.columns[k].iter().enumerate().take(played.min(cols)) {
            let (mut ya, mut yb) = ((mid - hi * scale) as i32, (mid - lo * scale) as i32);
            if let Some(p) = prev {
                ya = ya.min(p);
                yb = yb.max(p);
            }
            c.vspan(x0 as i32 + i as i32, ya, yb, colours[k]);
            prev = Some((mid - 0.5 * (hi + lo) * scale) as i32);
        }
        for (t, colour) in [(r.p_s, Rgba::hex(0xf6e7a1)), (r.s_s, Rgba::hex(0x5ab4ff))] {
            if let Some(t) = t.filter(|&t| t <= r.playhead_s) {
                c.fill_rect(x_of(t) - 1.5, top, 3.0, h, colour.alpha(200));
            }
        }
    }
    // The playhead.
    let x = x_of(r.playhead_s);
    c.fill_rect(x - 1.0, PANELS[0].0, 2.0, PANELS[2].0 + PANELS[2].1 - PANELS[0].0, Rgba::hex(0xe8893a));
    for (t, name) in [(r.p_s, "P"), (r.s_s, "S")] {
        if let Some(t) = t.filter(|&t| t <= r.playhead_s) {
            let y = PANELS[0].0 + PANELS[0].1 - 10.0;
            label(c, name, x_of(t) + 6.0, y, 26.0, Rgba::hex(0xe8eef4), false);
        }
    }
    label(
        c,
        &format!("{:.0} s", r.duration_s),
        x1,
        PANELS[2].0 + PANELS[2].1 + 24.0,
        20.0,
        LABEL,
        true,
    );
    label(c, "0 s", x0, PANELS[2].0 + PANELS[2].1 + 24.0, 20.0, LABEL, true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quick_shake_is_copied_and_a_slow_sway_is_not_by_a_one_second_instrument() {
        let mut g = Game::new(1.0, 0.7, None);
        assert_eq!(g.verdict(), Verdict::Still);
        g.shake(QUICK);
        g.run_for(3.0);
        assert_eq!(g.verdict(), Verdict::Copies);
        g.run_for(3.0);
        g.shake(SLOW);
        g.run_for(8.0);
        assert_eq!(g.verdict(), Verdict::RidesAlong);
        // The same sway through a 20 s instrument is written.
        g.set_period(20.0);
        g.run_for(8.0);
        assert_eq!(g.verdict(), Verdict::Copies);
    }

    #[test]
    fn dragging_the_ground_moves_it_within_its_limits_and_the_mass_lags() {
        let mut g = Game::new(20.0, 0.7, None);
        g.press(700.0, 300.0);
        g.drag(700.0, 260.0);
        g.run_for(0.2);
        assert!((g.ground - 40.0).abs() < 1.0, "{}", g.ground);
        // A 20 s mass has barely moved: the pen writes nearly all of it.
        assert!(g.pen() > 30.0, "{}", g.pen());
        g.drag(700.0, -1000.0);
        g.run_for(0.2);
        assert!((g.ground - GROUND_MAX_PX).abs() < 1e-3, "{}", g.ground);
        g.release();
    }

    #[test]
    fn the_slider_sets_whole_periods_from_one_to_twenty_seconds() {
        let mut g = Game::new(1.0, 0.7, None);
        g.press(TRACK_X.1 + 50.0, 600.0);
        assert_eq!(g.period_s, 20.0);
        g.drag(TRACK_X.0 - 50.0, 600.0);
        assert_eq!(g.period_s, 1.0);
        let mid = (TRACK_X.0 + TRACK_X.1) / 2.0;
        g.drag(mid, 600.0);
        // Halfway on a log scale: √20 ≈ 4.5, read as 4 or 5 s.
        assert!(g.period_s == 4.0 || g.period_s == 5.0, "{}", g.period_s);
        g.release();
    }
}
