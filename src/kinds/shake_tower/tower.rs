//! The visitor state of "Little engineer": a tower of floors, braces,
//! dampers and a weight on top, a shear building
//! ([`crate::domain::physics::building`]) shaken by a strong-motion record.
//! A storey fails when its drift (the sway of its floor over the one
//! below) passes its limit, its strength over its stiffness; then the tower comes down. The picture
//! shows the tower swaying (exaggerated), each storey coloured by how near
//! its limit it is, and the record running under it.

use super::record::GroundRecord;
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::physics::building::{Building, Mode, Response, Storey};

/// The most floors.
pub const MAX_FLOORS: usize = 8;
/// The picture's side, pixels.
pub const PICTURE_PX: u32 = 600;
/// The record strip at the picture's foot, pixels.
pub const STRIP_PX: f32 = 84.0;
/// The simulation's longest step, s.
pub const MAX_STEP_S: f64 = 0.004;
/// Seconds the collapse takes on screen.
pub const COLLAPSE_S: f64 = 1.2;

/// How the parts behave, from the scene.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parts {
    /// Mass of a floor, kg.
    pub floor_mass_kg: f64,
    /// Seconds of first period per storey: the storey stiffness is
    /// k = m (4/τ)², so that an n-storey tower's first period is about
    /// n τ (a uniform shear building: ω₁ = 2 sqrt(k/m) sin(π/(2(2n+1)))
    /// ≈ π sqrt(k/m)/(2n+1); Chopra 2012, §12.3).
    pub period_per_storey_s: f64,
    /// A braced storey's stiffness over a plain one's.
    pub brace_stiffening: f64,
    /// The tower's own damping, fraction of critical in its first mode.
    pub damping_ratio: f64,
    /// What the dampers add, fraction of critical in the first mode.
    pub damper_ratio: f64,
    /// The weight on the top floor, kg.
    pub weight_kg: f64,
    /// A storey's strength: the sideways force it bears before its
    /// columns break, as a fraction of the weight it carries (the floors
    /// above it and its own). Braces add strength as they add stiffness.
    /// A storey fails when its drift passes strength / stiffness: the
    /// drift limit of each storey.
    pub strength_g: f64,
}

/// The height of a storey, m (for the building's records only: the
/// drift limits come from strength and stiffness).
pub const STOREY_HEIGHT_M: f64 = 3.0;

/// Standard gravity, m/s².
pub const G: f64 = 9.80665;

/// What the visitor built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Design {
    /// Floors (1 to [`MAX_FLOORS`]).
    pub floors: usize,
    /// Which storeys are braced, from the ground up.
    pub braced: [bool; MAX_FLOORS],
    /// Whether the weight sits on the top floor.
    pub weight: bool,
    /// Whether every storey has a damper.
    pub dampers: bool,
}

impl Design {
    /// A plain tower of `floors` floors.
    pub fn plain(floors: usize) -> Self {
        Self {
            floors: floors.clamp(1, MAX_FLOORS),
            braced: [false; MAX_FLOORS],
            weight: false,
            dampers: false,
        }
    }

    /// The shear building it is: masses, stiffnesses and damping. The
    /// damping is stiffness-proportional, c = (2ζ/ω₁) k, giving ζ in the
    /// first mode of the undamped tower.
    pub fn building(&self, p: &Parts) -> Building {
        let m = p.floor_mass_kg;
        let k = m * (4.0 / p.period_per_storey_s).powi(2);
        let mut storeys: Vec<Storey> = (0..self.floors)
            .map(|j| Storey {
                mass_kg: m,
                stiffness_n_m: if self.braced[j] { k * p.brace_stiffening } else { k },
                damping_n_s_m: 0.0,
                height_m: STOREY_HEIGHT_M,
            })
            .collect();
        if self.weight
            && let Some(top) = storeys.last_mut()
        {
            top.mass_kg += p.weight_kg;
        }
        let zeta = p.damping_ratio + if self.dampers { p.damper_ratio } else { 0.0 };
        let b = Building { storeys: storeys.clone() };
        let w1 = b.modes().first().map_or(1.0, |m| m.omega);
        for s in &mut storeys {
            s.damping_n_s_m = 2.0 * zeta / w1 * s.stiffness_n_m;
        }
        Building { storeys }
    }
}

/// Each storey's drift limit, m: its strength over its stiffness. A plain
/// storey's strength is `strength_g` times the weight it carries; braces
/// multiply strength and stiffness alike, so the limit is the plain
/// storey's whether braced or not.
pub fn drift_limits(b: &Building, p: &Parts) -> Vec<f64> {
    let k_plain = p.floor_mass_kg * (4.0 / p.period_per_storey_s).powi(2);
    (0..b.len())
        .map(|j| {
            let carried: f64 = b.storeys[j..].iter().map(|s| s.mass_kg).sum();
            p.strength_g * G * carried / k_plain
        })
        .collect()
}

/// Where the visit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Building the tower.
    Building,
    /// The ground is shaking.
    Shaking,
    /// The record is over or the tower has come down.
    Result,
}

/// How a shake ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// The storey that failed first (from 0, the ground storey), if any.
    pub failed: Option<usize>,
    /// When, s into the record.
    pub at_s: f64,
    /// The largest drift of any storey over its limit (1: at the limit).
    pub worst: f64,
    /// The tower's first period, s.
    pub period_s: f64,
    /// The record's dominant period, s.
    pub record_period_s: f64,
}

impl Outcome {
    /// Whether the tower's period is near the record's (within a third):
    /// resonance.
    pub fn resonant(&self) -> bool {
        (self.period_s - self.record_period_s).abs() <= self.record_period_s / 3.0
    }
}

/// The visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Tower {
    /// How the parts behave.
    pub parts: Parts,
    /// The tower now.
    pub design: Design,
    /// The records to shake it with.
    pub records: Vec<GroundRecord>,
    /// The record chosen.
    pub record: usize,
    /// The stage.
    pub stage: Stage,
    /// Seconds into the record.
    pub t: f64,
    /// The tower's modes (as built).
    pub modes: Vec<Mode>,
    /// Each storey's largest drift over its limit so far in this shake.
    pub worst: Vec<f64>,
    /// How the last shake ended.
    pub outcome: Option<Outcome>,
    /// Shakes finished in this visit.
    pub shakes: u32,
    /// Each storey's drift limit as built, m.
    pub limits: Vec<f64>,
    /// Seconds since the last shake ended (the collapse plays over them).
    pub after_s: f64,
    response: Option<Response>,
    revision: u64,
    drawn: Option<u64>,
}

impl Tower {
    /// A fresh visit: a plain tower of `floors` floors.
    pub fn new(parts: Parts, records: Vec<GroundRecord>, floors: usize) -> Self {
        let design = Design::plain(floors);
        let b = design.building(&parts);
        let modes = b.modes();
        let limits = drift_limits(&b, &parts);
        Self {
            parts,
            design,
            records,
            record: 0,
            stage: Stage::Building,
            t: 0.0,
            modes,
            worst: vec![0.0; MAX_FLOORS],
            outcome: None,
            shakes: 0,
            limits,
            after_s: 0.0,
            response: None,
            revision: 0,
            drawn: None,
        }
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    fn redesign(&mut self, d: Design) {
        if self.stage != Stage::Building || d == self.design {
            return;
        }
        self.design = d;
        let b = d.building(&self.parts);
        self.modes = b.modes();
        self.limits = drift_limits(&b, &self.parts);
        self.outcome = None;
        self.changed();
    }

    /// The tower's first period, s.
    pub fn period_s(&self) -> f64 {
        self.modes.first().map_or(0.0, Mode::period_s)
    }

    /// Adds a floor (up to [`MAX_FLOORS`]).
    pub fn add_floor(&mut self) {
        let mut d = self.design;
        d.floors = (d.floors + 1).min(MAX_FLOORS);
        self.redesign(d);
    }

    /// Takes the top floor off (down to one).
    pub fn remove_floor(&mut self) {
        let mut d = self.design;
        if d.floors > 1 {
            d.floors -= 1;
            d.braced[d.floors] = false;
        }
        self.redesign(d);
    }

    /// Braces storey `j` or takes its brace off.
    pub fn toggle_brace(&mut self, j: usize) {
        let mut d = self.design;
        if j < d.floors {
            d.braced[j] = !d.braced[j];
        }
        self.redesign(d);
    }

    /// Braces every storey, or none when all are.
    pub fn brace_all(&mut self) {
        let mut d = self.design;
        let all = d.braced[..d.floors].iter().all(|&b| b);
        for b in &mut d.braced[..d.floors] {
            *b = !all;
        }
        self.redesign(d);
    }

    /// Puts the weight on top or takes it off.
    pub fn toggle_weight(&mut self) {
        let mut d = self.design;
        d.weight = !d.weight;
        self.redesign(d);
    }

    /// Fits dampers or takes them out.
    pub fn toggle_dampers(&mut self) {
        let mut d = self.design;
        d.dampers = !d.dampers;
        self.redesign(d);
    }

    /// Chooses record `i` (while building, or after a shake).
    pub fn choose_record(&mut self, i: usize) {
        if self.stage != Stage::Shaking && i < self.records.len() && i != self.record {
            self.record = i;
            self.outcome = None;
            self.stage = Stage::Building;
            self.changed();
        }
    }

    /// The record chosen.
    pub fn chosen_record(&self) -> &GroundRecord {
        &self.records[self.record.min(self.records.len() - 1)]
    }

    /// Starts shaking the tower with the chosen record.
    pub fn shake(&mut self) {
        if self.stage == Stage::Shaking {
            return;
        }
        let b = self.design.building(&self.parts);
        let rec = self.chosen_record();
        let sub = (rec.dt / MAX_STEP_S).ceil().max(1.0);
        self.response = Some(Response::new(&b, rec.dt / sub));
        self.t = 0.0;
        self.worst = vec![0.0; MAX_FLOORS];
        self.outcome = None;
        self.stage = Stage::Shaking;
        self.changed();
    }

    /// Back to building (the same tower).
    pub fn rebuild(&mut self) {
        self.stage = Stage::Building;
        self.response = None;
        self.t = 0.0;
        self.changed();
    }

    /// Moves the shake on by `dt` seconds.
    pub fn advance(&mut self, dt: f64) {
        if !dt.is_finite() || dt <= 0.0 {
            return;
        }
        if self.stage == Stage::Result {
            if self.collapse().is_some_and(|p| p < 1.0) {
                self.after_s += dt;
                self.changed();
            }
            return;
        }
        if self.stage != Stage::Shaking {
            return;
        }
        let rec = &self.records[self.record.min(self.records.len() - 1)];
        let end = rec.duration_s() + 1.0;
        let Some(r) = self.response.as_mut() else { return };
        let target = (self.t + dt.min(0.25)).min(end);
        let mut failed = None;
        while r.t + r.dt <= target + 1e-12 {
            r.step(rec.at(r.t + r.dt));
            for j in 0..self.design.floors {
                let ratio = r.drift(j).abs() / self.limits[j];
                if ratio > self.worst[j] {
                    self.worst[j] = ratio;
                }
                if ratio > 1.0 && failed.is_none() {
                    failed = Some(j);
                }
            }
            if failed.is_some() {
                break;
            }
        }
        self.t = if failed.is_some() { r.t } else { target };
        if failed.is_some() || self.t >= end {
            self.outcome = Some(Outcome {
                failed,
                at_s: self.t,
                worst: self.worst.iter().copied().fold(0.0, f64::max),
                period_s: self.modes.first().map_or(0.0, Mode::period_s),
                record_period_s: rec.dominant_period_s,
            });
            self.stage = Stage::Result;
            self.after_s = 0.0;
            self.shakes += 1;
        }
        self.changed();
    }

    /// How far the collapse has got (0-1), once a storey has failed.
    pub fn collapse(&self) -> Option<f64> {
        let o = self.outcome?;
        o.failed.map(|_| (self.after_s / COLLAPSE_S).min(1.0))
    }

    /// Storey `j`'s drift now over its limit (signed).
    pub fn drift_ratio(&self, j: usize) -> f64 {
        let limit = self.limits.get(j).copied().unwrap_or(f64::INFINITY);
        self.response.as_ref().map_or(0.0, |r| r.drift(j) / limit)
    }

    /// Which storey a finger at fraction `fy` of the picture's height is
    /// on, if any.
    pub fn storey_at(&self, fy: f64) -> Option<usize> {
        let (ground, h) = self.layout();
        let y = fy * PICTURE_PX as f64;
        let j = ((ground as f64 - y) / h as f64).floor();
        (j >= 0.0 && (j as usize) < self.design.floors).then_some(j as usize)
    }

    /// The ground line's height and a storey's height on the picture, px.
    fn layout(&self) -> (f32, f32) {
        let ground = PICTURE_PX as f32 - STRIP_PX - 34.0;
        let h = ((ground - 70.0) / MAX_FLOORS as f32).min(64.0);
        (ground, h)
    }

    /// Whether the picture shows something new since it was last drawn.
    pub fn stale(&self) -> bool {
        self.drawn != Some(self.revision)
    }

    /// Draws the picture: the sky, the ground (shaking), the tower with
    /// each storey's columns coloured by its drift, braces, dampers, the
    /// weight, and the record with where the shake has got to.
    pub fn draw(&mut self, c: &mut Canvas) {
        let w = PICTURE_PX as f32;
        let (ground, sh) = self.layout();
        c.gradient_rect(0.0, 0.0, w, ground, Rgba::hex(0x1d3b5c), Rgba::hex(0x3f6d8e));
        let rec = self.chosen_record();
        let ag = if self.stage == Stage::Shaking { rec.at(self.t) } else { 0.0 };
        let jolt = (ag / rec.peak.max(1e-9)) as f32 * 8.0;
        c.fill_rect(0.0, ground, w, PICTURE_PX as f32 - ground, Rgba::hex(0x5b4632));
        c.fill_rect(0.0, ground, w, 10.0, Rgba::hex(0x6f8f3a));
        let cx = w / 2.0 + jolt;
        let width = 150.0f32;
        // Sway drawn so that a storey at its limit leans by a third of the
        // tower's width.
        let px_per_ratio = width / 3.0;
        let collapse = self.collapse().map(|p| p as f32);
        let failed = self.outcome.and_then(|o| o.failed);
        let mut x_below = cx;
        let mut y_below = ground;
        let mut offset = 0.0f32;
        for j in 0..self.design.floors {
            let ratio = self.drift_ratio(j);
            offset += (ratio as f32) * px_per_ratio;
            let mut h = sh;
            if let (Some(f), Some(p)) = (failed, collapse)
                && j >= f
            {
                // The failed storey folds; those above come down with it.
                h = if j == f { sh * (1.0 - 0.8 * p) } else { sh };
                offset += if j == f { p * width * 0.25 } else { 0.0 };
            }
            let x_top = cx + offset;
            let y_top = y_below - h;
            let worst = if self.stage == Stage::Building { 0.0 } else { ratio.abs() };
            let col = drift_colour(worst);
            let broken = failed == Some(j);
            let half = width / 2.0 - 8.0;
            for side in [-1.0f32, 1.0] {
                let pts = [(x_below + side * half, y_below), (x_top + side * half, y_top)];
                c.stroke(&pts, 9.0, Rgba::hex(0x10202e));
                c.stroke(&pts, 6.0, if broken { Rgba::hex(0xe63946) } else { col });
            }
            if self.design.braced[j] {
                for side in [-1.0f32, 1.0] {
                    c.stroke(&[(x_below - side * half, y_below), (x_top + side * half, y_top)], 4.0, Rgba::hex(0xffd23f));
                }
            }
            if self.design.dampers {
                let (mx, my) = ((x_below + x_top) / 2.0, (y_below + y_top) / 2.0);
                c.fill_rect(mx - 14.0, my - 7.0, 28.0, 14.0, Rgba::hex(0x7fe0a8));
                c.fill_rect(mx - 14.0, my - 2.0, 28.0, 4.0, Rgba::hex(0x10202e));
            }
            // The floor slab on top of the storey.
            c.fill_rect(x_top - width / 2.0, y_top - 8.0, width, 10.0, Rgba::hex(0xd8dee6));
            // Windows.
            if h > 30.0 && !broken {
                for k in [-1.0f32, 1.0] {
                    c.fill_rect((x_below + x_top) / 2.0 + k * 36.0 - 14.0, y_top + 10.0, 28.0, (h - 26.0).max(4.0), Rgba::hex(0x9ccdf0).alpha(170));
                }
            }
            x_below = x_top;
            y_below = y_top;
        }
        if self.design.weight {
            c.fill_rect(x_below - 40.0, y_below - 38.0, 80.0, 30.0, Rgba::hex(0x303a44));
            c.fill_rect(x_below - 32.0, y_below - 44.0, 64.0, 8.0, Rgba::hex(0x485560));
        }
        // The record, and how far the shake has got.
        let top = PICTURE_PX as f32 - STRIP_PX;
        c.fill_rect(0.0, top, w, STRIP_PX, Rgba::hex(0x10202e));
        let n = rec.accel.len().max(2);
        let step = (n / 600).max(1);
        let mid = top + STRIP_PX / 2.0;
        let pts: Vec<(f32, f32)> = (0..n)
            .step_by(step)
            .map(|i| (i as f32 / n as f32 * w, mid - (rec.accel[i] / rec.peak.max(1e-9)) as f32 * (STRIP_PX / 2.0 - 6.0)))
            .collect();
        c.stroke(&pts, 1.5, Rgba::hex(0x8fb8d8));
        if self.stage != Stage::Building {
            let x = (self.t / rec.duration_s()).min(1.0) as f32 * w;
            c.fill_rect(x - 1.5, top, 3.0, STRIP_PX, Rgba::hex(0xffd23f));
        }
        self.drawn = Some(self.revision);
    }
}

/// Green when calm, through yellow, to red at the limit.
pub fn drift_colour(ratio: f64) -> Rgba {
    let r = ratio.clamp(0.0, 1.0) as f32;
    if r < 0.5 {
        Rgba::hex(0x7fe0a8).mix(Rgba::hex(0xffd23f), r * 2.0)
    } else {
        Rgba::hex(0xffd23f).mix(Rgba::hex(0xe63946), (r - 0.5) * 2.0)
    }
}
