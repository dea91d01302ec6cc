//! A visit of "Elastic rebound": the chain of blocks under the visitor's
//! plate, the waves each event sends out, the station's record, and the
//! magnitude-frequency plot of the events so far. Drawn on the CPU; each
//! picture only when it changed.

use std::sync::OnceLock;

use super::model::{BLOCKS, Chain, Event};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::text::Font;

/// The fault picture, pixels.
pub const FAULT: (u32, u32) = (960, 340);
/// The record, pixels.
pub const RECORD: (u32, u32) = (960, 150);
/// The magnitude-frequency plot, pixels.
pub const PLOT: (u32, u32) = (400, 280);
/// Model time per second on screen.
pub const MODEL_PER_S: f64 = 3.0;
/// Plate travel a finger's drag across the whole picture gives.
pub const DRAG_TRAVEL: f64 = 1.5;
/// Events a fast-forward runs.
pub const FAST_EVENTS: usize = 100;
/// Record samples kept (one per step in view).
const RECORD_LEN: usize = 900;
/// Pixels per model unit of slip.
const PX_PER_UNIT: f64 = 26.0;
/// How long a wave ring is drawn, s.
const WAVE_S: f64 = 1.6;

const BG: Rgba = Rgba::hex(0x10202e);
const PLATE: Rgba = Rgba::hex(0x51606c);
const GROUND: Rgba = Rgba::hex(0x6b4f36);
const BLOCK: Rgba = Rgba::hex(0xa88a64);
const WAVE: Rgba = Rgba::hex(0xffd84a);

/// A visit.
pub struct Rebound {
    /// The fault.
    pub chain: Chain,
    /// The station's record: ground velocity, newest last.
    pub record: Vec<f32>,
    /// Wave rings: the block they left from and their age, s.
    pub waves: Vec<(usize, f64)>,
    /// Events still to run in a fast-forward.
    pub fast_left: usize,
    /// Where the view is centred along the fault (follows the blocks
    /// slowly, so that they stay in view as the plate carries them on).
    pub view_ref: f64,
    seen_events: usize,
    announced: bool,
    /// The last ground velocity recorded (the record is its change: the
    /// ground's acceleration, as a strong-motion station writes it).
    last_g: f32,
    stale: [bool; 3],
}

fn strain_colour(s: f64) -> Rgba {
    // Green (relaxed) through yellow to red (about to slip).
    let s = s.clamp(0.0, 1.0) as f32;
    if s < 0.5 {
        Rgba::hex(0x5fd36f).mix(Rgba::hex(0xffd84a), s * 2.0)
    } else {
        Rgba::hex(0xffd84a).mix(Rgba::hex(0xff4a3d), (s - 0.5) * 2.0)
    }
}

fn font() -> Option<&'static Font> {
    static FONT: OnceLock<Option<Font>> = OnceLock::new();
    FONT.get_or_init(|| Font::system_sans().ok()).as_ref()
}

impl Rebound {
    /// A fresh fault (friction varying by `seed`).
    pub fn new(seed: u64) -> Self {
        Self {
            chain: Chain::new(seed),
            record: vec![0.0; RECORD_LEN],
            waves: Vec::new(),
            fast_left: 0,
            view_ref: 0.0,
            seen_events: 0,
            announced: false,
            last_g: 0.0,
            stale: [true; 3],
        }
    }

    /// The finger dragged the plate by `fraction` of the picture's width.
    /// While the fault slips the plate waits: a real plate moves a few
    /// centimetres a year, nothing in the seconds a quake lasts.
    pub fn drag(&mut self, fraction: f64) {
        if fraction > 0.0 && fraction.is_finite() && !self.chain.slipping() {
            self.chain.load(fraction * DRAG_TRAVEL);
            self.stale[0] = true;
        }
    }

    /// Runs a century of loading: [`FAST_EVENTS`] events, a few a frame.
    pub fn fast_forward(&mut self) {
        self.fast_left = FAST_EVENTS;
    }

    /// Loads the plate just far enough for the weakest block to slip.
    fn load_to_next(&mut self) {
        let c = &self.chain;
        let need = (0..BLOCKS)
            .map(|i| (c.strength[i] - c.force(i)) / super::model::K_LEAF)
            .fold(f64::INFINITY, f64::min);
        self.chain.load(need.max(0.0) + 1e-6);
    }

    /// Moves on by `dt` seconds.
    pub fn advance(&mut self, dt: f64) {
        if !(dt.is_finite() && dt > 0.0) {
            return;
        }
        let dt = dt.min(0.1);
        if self.fast_left > 0 {
            // A few whole events a frame, each loaded just to failure.
            for _ in 0..4 {
                if self.fast_left == 0 {
                    break;
                }
                let before = self.chain.events.len();
                self.load_to_next();
                // The event runs to its end; the station records it, a
                // sample every fourth step (the record shows the century's
                // last events one after another).
                for k in 0..20_000 {
                    self.chain.step();
                    if k % 4 == 0 {
                        let a = self.ground_acceleration();
                        self.record.push(a);
                    }
                    if !self.chain.slipping() {
                        break;
                    }
                }
                if self.chain.events.len() > before {
                    self.fast_left -= 1;
                }
            }
            if self.record.len() > RECORD_LEN {
                let extra = self.record.len() - RECORD_LEN;
                self.record.drain(..extra);
            }
            self.stale = [true; 3];
        } else {
            let steps = (dt * MODEL_PER_S / super::model::DT).round() as usize;
            let moving = self.chain.slipping();
            for _ in 0..steps {
                self.chain.step();
                let a = self.ground_acceleration();
                if moving || self.chain.slipping() || a != 0.0 || self.record.last() != Some(&0.0) {
                    self.record.push(a);
                }
            }
            if self.record.len() > RECORD_LEN {
                let extra = self.record.len() - RECORD_LEN;
                self.record.drain(..extra);
                self.stale[1] = true;
            }
            if moving || self.chain.slipping() {
                self.stale[0] = true;
            }
        }
        // Waves leave from where each event began: when one starts, or
        // (one begun and ended within this frame) when it is counted.
        let n = self.chain.events.len();
        let starting = self.chain.slipping() && !self.announced;
        if starting {
            if let Some(i) = self.chain.v.iter().position(|&v| v != 0.0) {
                self.waves.push((i, 0.0));
            }
            self.announced = true;
        }
        if n > self.seen_events {
            if (!self.announced || n > self.seen_events + 1)
                && let Some(ev) = self.chain.events.last()
            {
                self.waves.push((ev.first, 0.0));
            }
            self.announced = self.chain.slipping();
            self.seen_events = n;
            self.stale[1] = true;
            self.stale[2] = true;
        }
        if self.waves.len() > 8 {
            let extra = self.waves.len() - 8;
            self.waves.drain(..extra);
        }
        for w in &mut self.waves {
            w.1 += dt;
        }
        let before = self.waves.len();
        self.waves.retain(|w| w.1 < WAVE_S);
        if !self.waves.is_empty() || before != self.waves.len() {
            self.stale[0] = true;
        }
        // The view follows the blocks gently when they rest.
        if !self.chain.slipping() {
            let mean = self.chain.x.iter().sum::<f64>() / BLOCKS as f64;
            let k = (dt / 0.8).min(1.0);
            if (mean - self.view_ref).abs() > 1e-4 {
                self.view_ref += (mean - self.view_ref) * k;
                self.stale[0] = true;
            }
        }
    }

    /// The change of the station's ground velocity since the last sample.
    fn ground_acceleration(&mut self) -> f32 {
        let g = self.chain.ground_velocity(BLOCKS as f64 * 0.75, 6.0) as f32;
        let a = g - self.last_g;
        self.last_g = g;
        a
    }

    /// Whether picture `i` changed.
    pub fn stale(&self, i: usize) -> bool {
        self.stale.get(i).copied().unwrap_or(false)
    }

    /// The events so far.
    pub fn events(&self) -> &[Event] {
        &self.chain.events
    }

    /// Draws picture `i`: 0 the fault, 1 the record, 2 the plot.
    pub fn draw(&mut self, i: usize, c: &mut Canvas) {
        match i {
            0 => self.draw_fault(c),
            1 => self.draw_record(c),
            _ => self.draw_plot(c),
        }
        if let Some(s) = self.stale.get_mut(i) {
            *s = false;
        }
    }

    fn block_x(&self, w: f64, i: usize) -> f64 {
        let gap = w / (BLOCKS as f64 + 1.0);
        gap * (i as f64 + 1.0) + (self.chain.x[i] - self.view_ref) * PX_PER_UNIT
    }

    fn draw_fault(&self, c: &mut Canvas) {
        let (w, h) = (c.width as f64, c.height as f64);
        c.clear(BG);
        let plate_y = h * 0.12;
        let plate_h = h * 0.2;
        let fault_y = h * 0.68;
        // The moving plate, its stripes showing how far it has gone.
        c.fill_rect(0.0, plate_y as f32, w as f32, plate_h as f32, PLATE);
        let shift = ((self.chain.plate - self.view_ref) * PX_PER_UNIT).rem_euclid(40.0);
        let mut x = shift - 40.0;
        while x < w {
            c.fill_polygon(
                &[
                    (x as f32, plate_y as f32),
                    ((x + 16.0) as f32, plate_y as f32),
                    ((x + 6.0) as f32, (plate_y + plate_h) as f32),
                    ((x - 10.0) as f32, (plate_y + plate_h) as f32),
                ],
                PLATE.mix(Rgba::hex(0xffffff), 0.18),
            );
            x += 40.0;
        }
        // The ground below the fault.
        c.fill_rect(0.0, (fault_y + 26.0) as f32, w as f32, (h - fault_y - 26.0) as f32, GROUND);
        c.fill_rect(0.0, (fault_y + 24.0) as f32, w as f32, 3.0, Rgba::hex(0x2a1c10));
        let gap = w / (BLOCKS as f64 + 1.0);
        let bw = gap * 0.72;
        for i in 0..BLOCKS {
            let bx = self.block_x(w, i);
            let anchor = gap * (i as f64 + 1.0) + (self.chain.plate - self.view_ref) * PX_PER_UNIT;
            // The leaf spring from the plate down to the block, leaning as
            // it is strained, coloured by how near it is to slipping.
            let col = strain_colour(self.chain.strain(i));
            let (top, bottom) = (plate_y + plate_h, fault_y - 22.0);
            let pts: Vec<(f32, f32)> = (0..=12)
                .map(|k| {
                    let t = k as f64 / 12.0;
                    let zig = if k == 0 || k == 12 { 0.0 } else if k % 2 == 0 { 7.0 } else { -7.0 };
                    let x = anchor + (bx - anchor) * t + zig;
                    (x as f32, (top + (bottom - top) * t) as f32)
                })
                .collect();
            c.stroke(&pts, 3.0, col);
            // The block; bright while it slips.
            let moving = self.chain.v[i] != 0.0;
            let fill = if moving { Rgba::hex(0xfff2c0) } else { BLOCK };
            c.fill_rect((bx - bw / 2.0) as f32, (fault_y - 22.0) as f32, bw as f32, 46.0, fill);
            if i + 1 < BLOCKS {
                let nx = self.block_x(w, i + 1);
                c.stroke(
                    &[((bx + bw / 2.0) as f32, fault_y as f32), ((nx - bw / 2.0) as f32, fault_y as f32)],
                    2.0,
                    Rgba::hex(0xd0d8e0),
                );
            }
        }
        for &(first, age) in &self.waves {
            let cx = self.block_x(w, first);
            let r = 10.0 + age * 420.0;
            let a = ((1.0 - age / WAVE_S) * 230.0).clamp(0.0, 255.0) as u8;
            for k in 0..3 {
                let rr = r - k as f64 * 26.0;
                if rr > 4.0 {
                    ring_band(c, cx, fault_y, rr, 4.0, WAVE.alpha(a));
                }
            }
        }
    }

    fn draw_record(&self, c: &mut Canvas) {
        let (w, h) = (c.width as f32, c.height as f32);
        c.clear(Rgba::hex(0xf4efe2));
        c.fill_rect(0.0, h / 2.0, w, 1.0, Rgba::hex(0xc8bfa8));
        // Scaled to the loud part of the record, not its one sharpest
        // sample (a block stopping dead), which is clipped as on paper.
        let mut loud: Vec<f32> = self.record.iter().map(|v| v.abs()).filter(|v| *v > 0.0).collect();
        loud.sort_by(f32::total_cmp);
        let peak = loud
            .get(loud.len().saturating_sub(1) * 95 / 100)
            .copied()
            .unwrap_or(0.0)
            .max(1e-4);
        let n = self.record.len().max(2);
        let pts: Vec<(f32, f32)> = self
            .record
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let y = (v / peak).clamp(-1.1, 1.1);
                (i as f32 / (n - 1) as f32 * w, h / 2.0 - y * h * 0.42)
            })
            .collect();
        c.stroke(&pts, 1.6, Rgba::hex(0x1a2a3a));
    }

    /// The cumulative magnitude-frequency plot: for each magnitude, the
    /// number of events at least that big, on a log scale (Gutenberg and
    /// Richter's way of counting).
    fn draw_plot(&self, c: &mut Canvas) {
        let (w, h) = (c.width as f32, c.height as f32);
        c.clear(Rgba::hex(0x182a3a));
        let (l, r, t, b) = (46.0, w - 12.0, 12.0, h - 34.0);
        c.fill_rect(l, b, r - l, 2.0, Rgba::hex(0x9fb4c8));
        c.fill_rect(l, t, 2.0, b - t, Rgba::hex(0x9fb4c8));
        let mags: Vec<f64> = self.chain.events.iter().map(Event::magnitude).collect();
        let (m0, m1) = (3.5, 6.5);
        let x_of = |m: f64| l + ((m - m0) / (m1 - m0)) as f32 * (r - l);
        let max_n = (mags.len().max(10)) as f64;
        let y_of = |n: f64| b - ((n.max(1.0).log10()) / max_n.log10()) as f32 * (b - t);
        if let Some(f) = font() {
            for m in [4, 5, 6] {
                let x = x_of(m as f64);
                c.fill_rect(x - 1.0, b, 2.0, 6.0, Rgba::hex(0x9fb4c8));
                f.draw_centered(c, &format!("M{m}"), x, h - 8.0, 16.0, Rgba::hex(0x9fb4c8));
            }
            for n in [1.0, 10.0, 100.0, 1000.0] {
                if n <= max_n {
                    let y = y_of(n);
                    c.fill_rect(l - 6.0, y - 1.0, 6.0, 2.0, Rgba::hex(0x9fb4c8));
                    f.draw_right(c, &format!("{n}"), l - 9.0, y + 6.0, 15.0, Rgba::hex(0x9fb4c8));
                }
            }
        }
        let mut m = m0;
        while m <= m1 {
            let n = mags.iter().filter(|&&x| x >= m).count();
            if n > 0 {
                c.fill_circle(x_of(m), y_of(n as f64), 5.0, Rgba::hex(0xffd84a));
            }
            m += 0.1;
        }
    }
}

/// A ring `width` wide at radius `r` about (`cx`, `cy`), drawn row by row
/// over its band only (a filled-polygon ring costs its whole disc), edges
/// softened over a pixel.
fn ring_band(c: &mut Canvas, cx: f64, cy: f64, r: f64, width: f64, col: Rgba) {
    let (ro, ri) = (r + width / 2.0, (r - width / 2.0).max(0.0));
    let y0 = (cy - ro).floor().max(0.0) as i32;
    let y1 = (cy + ro).ceil().min(c.height as f64 - 1.0) as i32;
    for y in y0..=y1 {
        let dy = y as f64 + 0.5 - cy;
        if dy.abs() > ro {
            continue;
        }
        let xo = (ro * ro - dy * dy).sqrt();
        let xi = if dy.abs() < ri { (ri * ri - dy * dy).sqrt() } else { 0.0 };
        for (a, b) in [(cx - xo, cx - xi), (cx + xi, cx + xo)] {
            let (xa, xb) = (a.floor().max(0.0) as i32, b.ceil().min(c.width as f64 - 1.0) as i32);
            for x in xa..=xb {
                let px = x as f64 + 0.5;
                let d = ((px - cx).hypot(dy) - r).abs();
                let cover = (width / 2.0 + 0.5 - d).clamp(0.0, 1.0) as f32;
                if cover > 0.0 {
                    c.blend_pixel(x, y, col, cover);
                }
            }
        }
    }
}
