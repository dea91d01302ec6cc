//! The stick-slip model of a fault behind "Elastic rebound": a
//! Burridge-Knopoff chain (Burridge & Knopoff 1967, Bull. Seismol. Soc.
//! Am. 57, 341-371; Carlson & Langer 1989, Phys. Rev. Lett. 62, 2632) of
//! blocks of rock along the fault, each tied to its neighbours by springs
//! (the rock's stiffness along the fault) and to the moving plate by a leaf
//! spring (the loading), held by friction that is stronger at rest than in
//! motion. The visitor moves the plate; strain builds in the leaf springs
//! until a block's force beats its static friction; it slips, loads its
//! neighbours, and an event may run along the fault: Reid's elastic
//! rebound (Reid 1910, The California Earthquake of April 18, 1906, vol.
//! 2). Energy leaves only by friction and by radiation (a damping force
//! η·v, the waves carrying energy away), and the bookkeeping of both is
//! kept so a test can check the balance.
//!
//! Units are the model's own: mass 1, leaf stiffness 1, static friction
//! about 1. Sizes turn into moment magnitudes through a stated patch of
//! fault per block (see [`Chain::magnitude`]).

use crate::domain::random::Seeded;

/// Blocks along the fault.
pub const BLOCKS: usize = 24;
/// Stiffness of the springs between neighbouring blocks.
pub const K_COIL: f64 = 6.0;
/// Stiffness of the leaf springs to the plate.
pub const K_LEAF: f64 = 1.0;
/// Dynamic friction as a fraction of each block's static friction.
pub const DYNAMIC: f64 = 0.55;
/// Radiation damping: force per unit velocity.
pub const ETA: f64 = 0.15;
/// Time step of the integration (the blocks' period is about 2.5).
pub const DT: f64 = 0.005;

/// Shear modulus of crustal rock, Pa (a common value, e.g. Hanks &
/// Kanamori 1979 use 3e10).
pub const RIGIDITY_PA: f64 = 3.0e10;
/// Fault area a block stands for, m² (2 km by 2 km).
pub const PATCH_M2: f64 = 4.0e6;
/// Metres of slip per model unit.
pub const SLIP_M: f64 = 0.25;

/// One earthquake: the blocks that slipped and by how much.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Model time it started.
    pub start: f64,
    /// The block that slipped first (the hypocentre).
    pub first: usize,
    /// Total slip summed over the blocks, model units.
    pub slip: f64,
    /// Blocks that slipped.
    pub blocks: usize,
}

impl Event {
    /// Its moment magnitude: M0 = μ·A·slip summed over the patches,
    /// Mw = (2/3)(log10 M0 − 9.1) (Hanks & Kanamori 1979, M0 in N·m).
    pub fn magnitude(&self) -> f64 {
        let m0 = RIGIDITY_PA * PATCH_M2 * self.slip * SLIP_M;
        2.0 / 3.0 * (m0.max(1.0).log10() - 9.1)
    }
}

/// Energy bookkeeping since the chain was made.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Ledger {
    /// Work done on the leaf springs by the moving plate.
    pub work_in: f64,
    /// Lost to friction.
    pub friction: f64,
    /// Carried away as waves (radiation damping).
    pub radiated: f64,
}

/// The chain of blocks.
#[derive(Debug, Clone)]
pub struct Chain {
    /// Block positions along the fault, relative to where they started.
    pub x: Vec<f64>,
    /// Their velocities.
    pub v: Vec<f64>,
    /// Each block's static friction (a little different each: real faults
    /// are not uniform, which is what gives events of many sizes).
    pub strength: Vec<f64>,
    /// The plate's position.
    pub plate: f64,
    /// Model time.
    pub t: f64,
    /// Energy in and out.
    pub ledger: Ledger,
    /// The events so far, oldest first.
    pub events: Vec<Event>,
    /// The event happening now.
    current: Option<(Event, Vec<f64>)>,
}

impl Chain {
    /// A chain at rest with friction varying by seed.
    pub fn new(seed: u64) -> Self {
        let mut r = Seeded::new(seed);
        let strength = (0..BLOCKS).map(|_| 1.0 + 0.5 * r.uniform()).collect();
        Self {
            x: vec![0.0; BLOCKS],
            v: vec![0.0; BLOCKS],
            strength,
            plate: 0.0,
            t: 0.0,
            ledger: Ledger::default(),
            events: Vec::new(),
            current: None,
        }
    }

    /// The spring force on block `i` (leaf and coils), before friction.
    pub fn force(&self, i: usize) -> f64 {
        let n = self.x.len();
        let mut f = K_LEAF * (self.plate - self.x[i]);
        // Free ends: a block at an end has one neighbour.
        if i > 0 {
            f += K_COIL * (self.x[i - 1] - self.x[i]);
        }
        if i + 1 < n {
            f += K_COIL * (self.x[i + 1] - self.x[i]);
        }
        f
    }

    /// Strain of block `i`'s leaf spring as a fraction of what makes it
    /// slip on its own (0 relaxed, 1 about to go).
    pub fn strain(&self, i: usize) -> f64 {
        (K_LEAF * (self.plate - self.x[i]) / self.strength[i]).clamp(0.0, 1.5)
    }

    /// Stored elastic energy plus kinetic energy.
    pub fn energy(&self) -> f64 {
        let mut e = 0.0;
        for i in 0..self.x.len() {
            let s = self.plate - self.x[i];
            e += 0.5 * K_LEAF * s * s + 0.5 * self.v[i] * self.v[i];
            if i + 1 < self.x.len() {
                let c = self.x[i + 1] - self.x[i];
                e += 0.5 * K_COIL * c * c;
            }
        }
        e
    }

    /// Whether an event is under way.
    pub fn slipping(&self) -> bool {
        self.current.is_some()
    }

    /// Moves the plate forward by `dx` (never back: plates do not undo
    /// their motion), counting the work it does on the leaf springs.
    pub fn load(&mut self, dx: f64) {
        if !(dx.is_finite() && dx > 0.0) {
            return;
        }
        // Work = ∫ F dplate with F = Σ k (plate − x) changing linearly.
        let n = self.x.len() as f64;
        let sum: f64 = self.x.iter().map(|x| self.plate - x).sum();
        self.ledger.work_in += K_LEAF * (sum * dx + 0.5 * n * dx * dx);
        self.plate += dx;
    }

    /// One time step: blocks at rest start when their force beats static
    /// friction; sliding ones feel dynamic friction and radiation damping
    /// and stop when they come to rest.
    pub fn step(&mut self) {
        let n = self.x.len();
        let forces: Vec<f64> = (0..n).map(|i| self.force(i)).collect();
        let mut any = false;
        for i in 0..n {
            let f = forces[i];
            if self.v[i] == 0.0 && f.abs() <= self.strength[i] {
                continue;
            }
            let dir = if self.v[i] != 0.0 { self.v[i].signum() } else { f.signum() };
            let fric = DYNAMIC * self.strength[i];
            let a = f - fric * dir - ETA * self.v[i];
            let v_new = self.v[i] + a * DT;
            if self.v[i] != 0.0 && v_new * self.v[i] <= 0.0 {
                // It comes to rest within this step: friction takes what
                // motion it had.
                self.ledger.friction += 0.5 * self.v[i] * self.v[i];
                self.v[i] = 0.0;
                continue;
            }
            // Semi-implicit step; friction and radiation are counted on
            // the distance actually moved.
            let v_mid = 0.5 * (self.v[i] + v_new);
            let dx = v_mid * DT;
            self.ledger.friction += fric * dx.abs();
            self.ledger.radiated += ETA * v_mid * v_mid * DT;
            self.x[i] += dx;
            self.v[i] = v_new;
            any = true;
            let (ev, slips) = self.current.get_or_insert_with(|| {
                (
                    Event {
                        start: self.t,
                        first: i,
                        slip: 0.0,
                        blocks: 0,
                    },
                    vec![0.0; n],
                )
            });
            slips[i] += dx.abs();
            ev.slip += dx.abs();
        }
        self.t += DT;
        if !any && self.v.iter().all(|&v| v == 0.0)
            && let Some((mut ev, slips)) = self.current.take()
        {
            ev.blocks = slips.iter().filter(|&&s| s > 1e-9).count();
            self.events.push(ev);
        }
    }

    /// Steps until no block moves (at most `max` steps).
    pub fn settle(&mut self, max: usize) {
        for _ in 0..max {
            self.step();
            if !self.slipping() && self.v.iter().all(|&v| v == 0.0) {
                break;
            }
        }
    }

    /// The ground velocity a station at block `at` and `distance` from
    /// the fault records: each moving block's velocity, weaker with
    /// distance (a simple stand-in for the waves).
    pub fn ground_velocity(&self, at: f64, distance: f64) -> f64 {
        self.v
            .iter()
            .enumerate()
            .map(|(i, v)| v / (1.0 + ((i as f64 - at).powi(2) + distance * distance).sqrt()))
            .sum()
    }
}
