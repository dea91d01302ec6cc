//! The state of "Zhang Heng's seismoscope": the quakes a visitor can set
//! on it, the replay of one (the column swinging inside the vessel as the
//! record's horizontal motion shakes it, until a dragon drops its ball),
//! and the picture: the instrument seen from above, eight dragons on its
//! rim, eight toads below them, the column's foot among the eight channels,
//! and once a ball has dropped, the true direction to the epicentre. No
//! Bevy here.

use std::sync::Arc;

use super::mechanism::{DIRECTIONS, Swing, angle_between, dragon_facing};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::sound::UiSound;
use crate::domain::sound::voice::Voice;
use crate::domain::text::Bilingual;

/// The picture's size (square).
pub const PIC: u32 = 640;
/// The vessel's centre and radius, px.
pub const CENTRE: (f32, f32) = (320.0, 320.0);
const VESSEL_R: f32 = 190.0;
/// Where the dragons' mouths and the toads' mouths are, px from the centre.
pub const DRAGON_R: f32 = 236.0;
/// Radius of the toads' mouths, px.
pub const TOAD_R: f32 = 292.0;
/// The gap the column's foot must swing, drawn at this radius, px.
const GAP_PX: f32 = 96.0;
/// Seconds of record shown before the drop, and after it.
pub const LEAD_S: f64 = 20.0;
/// Seconds of record after the drop.
pub const TAIL_S: f64 = 10.0;
/// Seconds a dropping ball takes to fall into the toad.
const FALL_S: f64 = 0.5;
/// Seconds of the foot's trail drawn, of the record.
const TRAIL_S: f64 = 3.0;

const BACKGROUND: Rgba = Rgba::hex(0x10202e);
const BRONZE: Rgba = Rgba::hex(0x8c6a3f);
const BRONZE_DARK: Rgba = Rgba::hex(0x5b4428);
const GOLD: Rgba = Rgba::hex(0xe7b54a);
const BALL: Rgba = Rgba::hex(0xd9a25b);
const TOAD: Rgba = Rgba::hex(0x4f8f5a);
const TOAD_DARK: Rgba = Rgba::hex(0x2f5a38);
const CHANNEL: Rgba = Rgba::hex(0x3a2c1c);
const FOOT: Rgba = Rgba::hex(0x2b2f36);
/// The true direction to the epicentre (and its legend swatch).
pub const TRUTH: Rgba = Rgba::hex(0xe2574c);
/// The dragon that dropped (and its legend swatch).
pub const DROPPED: Rgba = GOLD;

/// One quake the visitor can set on the instrument.
#[derive(Debug)]
pub struct Quake {
    /// Its button.
    pub name: Bilingual,
    /// What it is.
    pub about: Bilingual,
    /// How the column swings under its record.
    pub swing: Swing,
    /// The direction from the instrument to the epicentre, degrees
    /// clockwise from north (the back-azimuth).
    pub epicentre_deg: f64,
    /// The record's P arrival, s from its first sample.
    pub p_s: Option<f64>,
}

impl Quake {
    /// The stretch of record the replay shows: from a little before the
    /// drop (or P) to a little after.
    pub fn window(&self) -> (f64, f64) {
        let end = self.swing.offsets_mm.len() as f64 / self.swing.rate_hz;
        let at = self
            .swing
            .drop
            .map(|d| d.t_s)
            .or(self.p_s)
            .unwrap_or(end / 3.0);
        ((at - LEAD_S).max(0.0), (at + TAIL_S).min(end))
    }
}

/// Where the visitor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Nothing set going yet.
    Choose,
    /// The ground shaking, no ball dropped yet.
    Shaking,
    /// A ball has dropped (the replay may still run).
    Dropped,
    /// The replay ended without a drop.
    Still,
}

/// How the dropped ball compares with the truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The dragon facing the epicentre.
    Facing,
    /// A neighbour of it.
    Beside,
    /// The opposite side.
    Opposite,
    /// Somewhere across.
    Across,
}

/// The exhibit's state.
#[derive(Debug)]
pub struct Scope {
    /// The quakes, in the scene's order.
    pub quakes: Vec<Quake>,
    /// The one set going, if any.
    pub chosen: Option<usize>,
    /// Record time of the replay, s from the record's first sample.
    pub t: f64,
    /// Record seconds per second of the replay.
    pub speed: f64,
    /// The column's gap, mm (drawn as the ring around its foot).
    pub gap_mm: f64,
    /// The clink of the ball in the toad's mouth, once it dropped.
    pub clink: Option<Voice>,
    clink_clip: Arc<[f32]>,
    drawn: Option<(Option<usize>, i64)>,
    /// The still part of the picture and what it showed.
    layer: Option<((Option<usize>, bool), Canvas)>,
}

impl Scope {
    /// At rest, replays running `speed` record seconds a second, the
    /// column's trigger `gap_mm` from rest.
    pub fn new(quakes: Vec<Quake>, speed: f64, gap_mm: f64) -> Self {
        Self {
            quakes,
            chosen: None,
            t: 0.0,
            speed: speed.max(0.1),
            gap_mm,
            clink: None,
            clink_clip: UiSound::Clink.samples(1.0).into(),
            drawn: None,
            layer: None,
        }
    }

    /// Sets quake `k` going from the start of its window.
    pub fn play(&mut self, k: usize) {
        let Some(q) = self.quakes.get(k) else { return };
        self.chosen = Some(k);
        self.t = q.window().0;
        self.clink = None;
    }

    /// The quake being replayed.
    pub fn quake(&self) -> Option<&Quake> {
        self.chosen.and_then(|k| self.quakes.get(k))
    }

    /// Where the replay is.
    pub fn stage(&self) -> Stage {
        let Some(q) = self.quake() else {
            return Stage::Choose;
        };
        match q.swing.drop {
            Some(d) if self.t >= d.t_s => Stage::Dropped,
            _ if self.t >= q.window().1 => Stage::Still,
            _ => Stage::Shaking,
        }
    }

    /// The dragon that dropped its ball, once it has.
    pub fn dropped(&self) -> Option<usize> {
        (self.stage() == Stage::Dropped)
            .then(|| self.quake().and_then(|q| q.swing.drop.map(|d| d.dragon)))
            .flatten()
    }

    /// How the dropped dragon compares with the direction to the epicentre.
    pub fn verdict(&self) -> Option<Verdict> {
        let q = self.quake()?;
        let k = self.dropped()?;
        let off = angle_between(k as f64 * 45.0, q.epicentre_deg);
        Some(if k == dragon_facing(q.epicentre_deg) {
            Verdict::Facing
        } else if off <= 67.5 {
            Verdict::Beside
        } else if off >= 157.5 {
            Verdict::Opposite
        } else {
            Verdict::Across
        })
    }

    /// Moves the replay on by `dt` seconds.
    pub fn advance(&mut self, dt: f64) {
        let Some(q) = self.quake() else { return };
        let (_, end) = q.window();
        let before = self.stage();
        self.t = (self.t + dt.max(0.0) * self.speed).min(end + FALL_S * self.speed);
        if before == Stage::Shaking && self.stage() == Stage::Dropped {
            self.clink = Some(Voice::new(self.clink_clip.clone()));
        }
    }

    /// The column foot's offset now, mm (north, east).
    fn foot_mm(&self, q: &Quake) -> (f64, f64) {
        let i = (self.t * q.swing.rate_hz) as usize;
        q.swing
            .offsets_mm
            .get(i.min(q.swing.offsets_mm.len().saturating_sub(1)))
            .copied()
            .unwrap_or((0.0, 0.0))
    }

    fn key(&self) -> (Option<usize>, i64) {
        (self.chosen, (self.t * 120.0) as i64)
    }

    /// Whether the picture would look different from when last drawn.
    pub fn stale(&self) -> bool {
        self.drawn != Some(self.key())
    }

    /// What the still part of the picture shows: the dropped dragon and
    /// whether its ball has landed.
    fn layer_key(&self) -> (Option<usize>, bool) {
        (self.dropped(), self.fell().is_some_and(|f| f >= 1.0))
    }

    /// How far the dropped ball has fallen (0-1), once a ball dropped.
    fn fell(&self) -> Option<f64> {
        self.dropped()?;
        let d = self.quake()?.swing.drop?;
        Some(((self.t - d.t_s) / self.speed / FALL_S).clamp(0.0, 1.0))
    }

    /// Draws the still part: the vessel, its channels, the toads and the
    /// dragons with their balls.
    fn draw_layer(&self, c: &mut Canvas) {
        c.clear(BACKGROUND);
        let (cx, cy) = CENTRE;
        let at = |deg: f64, r: f32| {
            let a = deg.to_radians() as f32;
            (cx + r * a.sin(), cy - r * a.cos())
        };
        let dropped = self.dropped();
        // The vessel, its rim, and the eight channels inside.
        c.fill_circle(cx, cy, VESSEL_R + 10.0, BRONZE_DARK);
        c.fill_circle(cx, cy, VESSEL_R, BRONZE);
        c.ring(cx, cy, VESSEL_R - 22.0, 4.0, BRONZE_DARK);
        for k in 0..8 {
            let lit = dropped == Some(k);
            let end = at(k as f64 * 45.0, VESSEL_R - 26.0);
            c.stroke(&[CENTRE, end], 16.0, if lit { GOLD } else { CHANNEL });
        }
        c.ring(cx, cy, GAP_PX, 3.0, BRONZE_DARK.mix(GOLD, 0.35));
        // Toads, and the dragons with their balls.
        let fell = self.fell();
        for k in 0..8 {
            let deg = k as f64 * 45.0;
            let (tx, ty) = at(deg, TOAD_R);
            c.fill_circle(tx, ty, 26.0, TOAD);
            c.fill_circle(tx, ty, 13.0, TOAD_DARK);
            let (ex1, ey1) = at(deg - 9.0, TOAD_R + 16.0);
            let (ex2, ey2) = at(deg + 9.0, TOAD_R + 16.0);
            c.fill_circle(ex1, ey1, 6.0, TOAD_DARK);
            c.fill_circle(ex2, ey2, 6.0, TOAD_DARK);
            // The dragon's head on the rim, pointing out and down.
            let base_l = at(deg - 7.0, VESSEL_R - 4.0);
            let base_r = at(deg + 7.0, VESSEL_R - 4.0);
            let snout = at(deg, DRAGON_R + 6.0);
            let colour = if dropped == Some(k) { GOLD } else { GOLD.mix(BRONZE, 0.45) };
            c.fill_polygon(&[base_l, snout, base_r], colour);
            let (hx, hy) = at(deg, VESSEL_R + 6.0);
            c.fill_circle(hx, hy, 17.0, colour);
            // Eyes and horns, so that a head reads as a dragon's.
            for side in [-1.0, 1.0] {
                let (ex, ey) = at(deg + side * 4.5, VESSEL_R + 10.0);
                c.fill_circle(ex, ey, 3.5, BRONZE_DARK);
                let horn = [at(deg + side * 3.5, VESSEL_R - 2.0), at(deg + side * 6.5, VESSEL_R - 20.0)];
                c.stroke(&horn, 4.0, colour);
            }
            // A falling ball is drawn over the layer, frame by frame.
            let ball_r = match (dropped, fell) {
                (Some(d), Some(f)) if d == k && f < 1.0 => continue,
                (Some(d), Some(_)) if d == k => TOAD_R,
                _ => DRAGON_R,
            };
            ball(c, at(deg, ball_r));
        }
    }

    /// Draws the instrument from above.
    pub fn draw(&mut self, c: &mut Canvas) {
        let gap_mm = self.gap_mm;
        self.drawn = Some(self.key());
        // The still part is drawn once per change (a ball dropping), then
        // copied; only the column's foot moves every frame.
        let key = self.layer_key();
        let fresh = self
            .layer
            .as_ref()
            .is_some_and(|(k, l)| *k == key && l.width == c.width && l.height == c.height);
        if !fresh {
            let mut l = Canvas::new(c.width, c.height, BACKGROUND);
            self.draw_layer(&mut l);
            self.layer = Some((key, l));
        }
        if let Some((_, l)) = &self.layer {
            c.rgba.copy_from_slice(&l.rgba);
        }
        let (cx, cy) = CENTRE;
        let at = |deg: f64, r: f32| {
            let a = deg.to_radians() as f32;
            (cx + r * a.sin(), cy - r * a.cos())
        };
        let q = self.quake();
        let dropped = self.dropped();
        if let (Some(k), Some(f)) = (dropped, self.fell())
            && f < 1.0
        {
            ball(c, at(k as f64 * 45.0, DRAGON_R + (TOAD_R - DRAGON_R) * f as f32));
        }
        // The column's foot, with its trail: true to scale up to the gap,
        // then squeezed so that a far bigger swing still stays inside.
        let to_px = |(n, e): (f64, f64)| {
            let r = n.hypot(e) / gap_mm.max(1e-9);
            if r < 1e-12 {
                return CENTRE;
            }
            let room = (VESSEL_R - 34.0 - GAP_PX) as f64;
            let px = if r <= 1.0 {
                r * GAP_PX as f64
            } else {
                GAP_PX as f64 + room * (1.0 - (-(r - 1.0) / 3.0).exp())
            } as f32;
            let k = px / (r as f32 * gap_mm as f32);
            (cx + e as f32 * k, cy - n as f32 * k)
        };
        if let Some(q) = q {
            let rate = q.swing.rate_hz;
            let i1 = (self.t * rate) as usize;
            let i0 = ((self.t - TRAIL_S).max(0.0) * rate) as usize;
            let step = ((i1 - i0.min(i1)) / 120).max(1);
            let trail: Vec<(f32, f32)> = q.swing.offsets_mm
                [i0.min(q.swing.offsets_mm.len())..i1.min(q.swing.offsets_mm.len())]
                .iter()
                .step_by(step)
                .map(|&o| to_px(o))
                .collect();
            if trail.len() > 1 {
                c.stroke(&trail, 3.0, BRONZE_DARK.mix(GOLD, 0.6));
            }
            let (fx, fy) = to_px(self.foot_mm(q));
            c.fill_circle(fx, fy, 24.0, FOOT);
            c.ring(fx, fy, 24.0, 3.0, GOLD.mix(FOOT, 0.5));
        } else {
            c.fill_circle(cx, cy, 24.0, FOOT);
            c.ring(cx, cy, 24.0, 3.0, GOLD.mix(FOOT, 0.5));
        }
        // The true direction, once the ball has dropped: an arrow from the
        // middle to the rim.
        if let (Some(q), Some(_)) = (q, dropped) {
            let deg = q.epicentre_deg;
            let tip = at(deg, VESSEL_R + 4.0);
            c.stroke(&[CENTRE, at(deg, VESSEL_R - 30.0)], 9.0, TRUTH);
            c.fill_polygon(&[at(deg - 7.0, VESSEL_R - 40.0), tip, at(deg + 7.0, VESSEL_R - 40.0)], TRUTH);
        }
    }

    /// Sets quake `k` going and runs the replay `seconds` on, for cards
    /// and screenshots.
    pub fn run_for(&mut self, k: usize, seconds: f64) {
        self.play(k);
        let mut left = seconds;
        while left > 0.0 {
            let dt = left.min(1.0 / 60.0);
            self.advance(dt);
            left -= dt;
        }
        self.clink = None;
    }
}

/// A bronze ball at `(x, y)`, lit from the top left.
fn ball(c: &mut Canvas, (x, y): (f32, f32)) {
    c.fill_circle(x, y, 11.0, BALL);
    c.fill_circle(x - 5.0, y - 5.0, 3.0, BALL.mix(Rgba::hex(0xffffff), 0.5));
}

/// "north-east" and "东北" for the direction `deg`.
pub fn direction_name(deg: f64) -> Bilingual {
    let (zh, en) = DIRECTIONS[dragon_facing(deg)];
    Bilingual::new(zh, en)
}

#[cfg(test)]
mod tests {
    use super::super::mechanism::Drop;
    use super::*;

    fn quake(drop_deg: f64, epicentre_deg: f64) -> Quake {
        let rate = 50.0;
        let offsets_mm: Vec<(f64, f64)> = (0..3000)
            .map(|i| {
                let t = i as f64 / rate;
                let r = if t > 25.0 { 2.0 * ((t - 25.0) * 2.5).sin() } else { 0.0 };
                let a = drop_deg.to_radians();
                (r * a.cos(), r * a.sin())
            })
            .collect();
        let drop = offsets_mm
            .iter()
            .position(|o| o.0.hypot(o.1) >= 1.0)
            .map(|i| Drop {
                t_s: i as f64 / rate,
                dragon: dragon_facing(drop_deg),
                towards_deg: drop_deg,
            });
        Quake {
            name: Bilingual::new("近", "near"),
            about: Bilingual::default(),
            swing: Swing {
                offsets_mm,
                rate_hz: rate,
                drop,
            },
            epicentre_deg,
            p_s: Some(25.0),
        }
    }

    #[test]
    fn the_replay_drops_one_ball_with_a_clink_and_judges_it() {
        let mut g = Scope::new(vec![quake(260.0, 258.0), quake(80.0, 258.0)], 4.0, 1.0);
        assert_eq!(g.stage(), Stage::Choose);
        g.play(0);
        assert_eq!(g.stage(), Stage::Shaking);
        assert!(g.t > 0.0 && g.t < 25.0, "starts before the drop: {}", g.t);
        for _ in 0..(60 * 6) {
            g.advance(1.0 / 60.0);
        }
        assert_eq!(g.stage(), Stage::Dropped);
        assert_eq!(g.dropped(), Some(6));
        assert!(g.clink.is_some(), "the ball clinks into the toad");
        assert_eq!(g.verdict(), Some(Verdict::Facing));
        g.play(1);
        assert!(g.clink.is_none());
        g.run_for(1, 8.0);
        assert_eq!(g.verdict(), Some(Verdict::Opposite));
    }

    #[test]
    fn the_picture_shows_the_dropped_ball_in_the_toads_mouth() {
        let mut g = Scope::new(vec![quake(260.0, 258.0)], 4.0, 1.0);
        let mut c = Canvas::new(PIC, PIC, BACKGROUND);
        g.draw(&mut c);
        let (cx, cy) = CENTRE;
        let ball_at = |c: &Canvas, deg: f64, r: f32| {
            let a = deg.to_radians() as f32;
            c.pixel((cx + r * a.sin()) as u32, (cy - r * a.cos()) as u32)
        };
        assert_eq!(ball_at(&c, 270.0, DRAGON_R), BALL, "in the west dragon's mouth");
        g.run_for(0, 8.0);
        g.draw(&mut c);
        assert_eq!(ball_at(&c, 270.0, TOAD_R), BALL, "in the west toad's mouth");
        assert_eq!(ball_at(&c, 90.0, DRAGON_R), BALL, "the east dragon keeps its ball");
        assert!(!g.stale());
    }
}
