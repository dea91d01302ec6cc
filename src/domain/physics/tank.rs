//! A live two-dimensional elastic (P-SV) wave simulation for the "Make
//! waves" exhibit: the velocity-stress staggered grid of Virieux (1986,
//! Geophysics 51, 889-901), second order in space and time, with a free
//! surface on top (zero normal and shear stress) and absorbing sponge
//! layers on the other sides (Cerjan et al. 1985, Geophysics 50, 705-708).
//! A visitor's touch adds a Ricker-wavelet source; a soft sedimentary basin
//! slows the waves, amplifies them and traps them.

/// Rock properties of a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rock {
    /// P speed, m/s.
    pub vp: f64,
    /// S speed, m/s.
    pub vs: f64,
    /// Density, kg/m³.
    pub rho: f64,
}

/// What a source pushes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// An explosion: pressure on both normal stresses (P waves only in a
    /// uniform medium).
    Explosion,
    /// A vertical force: P and S waves.
    VerticalForce,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Source {
    ix: usize,
    iz: usize,
    kind: SourceKind,
    f0: f64,
    t0: f64,
    start: f64,
    amplitude: f64,
}

/// Ricker wavelet of peak frequency `f0` centred on 0.
pub fn ricker(t: f64, f0: f64) -> f64 {
    let a = (std::f64::consts::PI * f0 * t).powi(2);
    (1.0 - 2.0 * a) * (-a).exp()
}

/// The simulation state.
#[derive(Debug, Clone)]
pub struct WaveTank {
    /// Cells across.
    pub nx: usize,
    /// Cells down.
    pub nz: usize,
    /// Cell size, m.
    pub dx: f64,
    /// Time step, s (from the stability limit).
    pub dt: f64,
    /// Time since the start, s.
    pub time_s: f64,
    vx: Vec<f64>,
    vz: Vec<f64>,
    txx: Vec<f64>,
    tzz: Vec<f64>,
    txz: Vec<f64>,
    buoyancy: Vec<f64>,
    lam: Vec<f64>,
    mu: Vec<f64>,
    sponge: Vec<f64>,
    rock: Vec<Rock>,
    sources: Vec<Source>,
}

/// Width of the absorbing sponge, cells.
pub const SPONGE_CELLS: usize = 40;
/// Cerjan's damping constant for that width and this grid's time step.
const SPONGE_STRENGTH: f64 = 0.008;

impl WaveTank {
    /// A tank of `nx` by `nz` cells of `dx` metres, all of `rock`.
    pub fn new(nx: usize, nz: usize, dx: f64, rock: Rock) -> Self {
        let n = nx * nz;
        let mut t = Self {
            nx,
            nz,
            dx,
            dt: 0.0,
            time_s: 0.0,
            vx: vec![0.0; n],
            vz: vec![0.0; n],
            txx: vec![0.0; n],
            tzz: vec![0.0; n],
            txz: vec![0.0; n],
            buoyancy: vec![0.0; n],
            lam: vec![0.0; n],
            mu: vec![0.0; n],
            sponge: vec![1.0; n],
            rock: vec![rock; n],
            sources: Vec::new(),
        };
        t.rebuild();
        t
    }

    /// Fills a half-disc basin of softer `rock` centred on column `cx`,
    /// reaching `depth_cells` down and `half_width_cells` across.
    pub fn with_basin(
        mut self,
        cx: usize,
        half_width_cells: usize,
        depth_cells: usize,
        rock: Rock,
    ) -> Self {
        for iz in 0..self.nz {
            for ix in 0..self.nx {
                let u = (ix as f64 - cx as f64) / half_width_cells.max(1) as f64;
                let w = iz as f64 / depth_cells.max(1) as f64;
                if u * u + w * w <= 1.0 {
                    self.rock[iz * self.nx + ix] = rock;
                }
            }
        }
        self.rebuild();
        self
    }

    /// The rock of cell (`ix`, `iz`).
    pub fn rock_at(&self, ix: usize, iz: usize) -> Rock {
        self.rock[iz * self.nx + ix]
    }

    fn rebuild(&mut self) {
        let vmax = self.rock.iter().map(|r| r.vp).fold(0.0, f64::max).max(1.0);
        // Stability of the 2-D staggered grid: dt ≤ dx / (vp √2); keep a margin.
        self.dt = 0.5 * self.dx / (vmax * std::f64::consts::SQRT_2);
        for (i, r) in self.rock.iter().enumerate() {
            self.buoyancy[i] = 1.0 / r.rho;
            self.mu[i] = r.rho * r.vs * r.vs;
            self.lam[i] = r.rho * r.vp * r.vp - 2.0 * self.mu[i];
        }
        // Sponge on the sides and bottom (the top is the free surface).
        let a = SPONGE_STRENGTH;
        for iz in 0..self.nz {
            for ix in 0..self.nx {
                let d = ix.min(self.nx - 1 - ix).min(self.nz - 1 - iz);
                let g = if d < SPONGE_CELLS {
                    let x = (SPONGE_CELLS - d) as f64;
                    (-(a * x).powi(2)).exp()
                } else {
                    1.0
                };
                self.sponge[iz * self.nx + ix] = g;
            }
        }
    }

    /// Adds a Ricker source of peak frequency `f0` Hz at cell (`ix`, `iz`),
    /// starting now.
    pub fn add_source(&mut self, ix: usize, iz: usize, kind: SourceKind, f0: f64, amplitude: f64) {
        let ix = ix.clamp(1, self.nx - 2);
        let iz = iz.clamp(1, self.nz - 2);
        self.sources.push(Source {
            ix,
            iz,
            kind,
            f0,
            t0: 1.2 / f0,
            start: self.time_s,
            amplitude,
        });
    }

    /// Stops everything: the reset button.
    pub fn reset(&mut self) {
        for f in [
            &mut self.vx,
            &mut self.vz,
            &mut self.txx,
            &mut self.tzz,
            &mut self.txz,
        ] {
            f.iter_mut().for_each(|v| *v = 0.0);
        }
        self.sources.clear();
        self.time_s = 0.0;
    }

    /// Advances one time step.
    pub fn step(&mut self) {
        let (nx, nz) = (self.nx, self.nz);
        let k = self.dt / self.dx;
        // Velocities from stress gradients.
        for iz in 1..nz - 1 {
            for ix in 1..nx - 1 {
                let i = iz * nx + ix;
                let dtxx = self.txx[i] - self.txx[i - 1];
                let dtxz_z = self.txz[i] - self.txz[i - nx];
                self.vx[i] += k * self.buoyancy[i] * (dtxx + dtxz_z);
                let dtxz_x = self.txz[i + 1] - self.txz[i];
                let dtzz = self.tzz[i + nx] - self.tzz[i];
                self.vz[i] += k * self.buoyancy[i] * (dtxz_x + dtzz);
            }
        }
        // Sources.
        for s in &self.sources {
            let t = self.time_s - s.start - s.t0;
            if t > 3.0 / s.f0 {
                continue;
            }
            let w = s.amplitude * ricker(t, s.f0) * self.dt;
            let i = s.iz * nx + s.ix;
            match s.kind {
                SourceKind::Explosion => {
                    self.txx[i] += w;
                    self.tzz[i] += w;
                }
                SourceKind::VerticalForce => self.vz[i] += w * self.buoyancy[i] / self.dx,
            }
        }
        // Stresses from velocity gradients.
        for iz in 1..nz - 1 {
            for ix in 1..nx - 1 {
                let i = iz * nx + ix;
                let dvx = self.vx[i + 1] - self.vx[i];
                let dvz = self.vz[i] - self.vz[i - nx];
                let (l, m) = (self.lam[i], self.mu[i]);
                self.txx[i] += k * ((l + 2.0 * m) * dvx + l * dvz);
                self.tzz[i] += k * (l * dvx + (l + 2.0 * m) * dvz);
                let dvx_z = self.vx[i + nx] - self.vx[i];
                let dvz_x = self.vz[i] - self.vz[i - 1];
                self.txz[i] += k * m * (dvx_z + dvz_x);
            }
        }
        // Free surface: no normal or shear stress on the top row.
        for ix in 0..nx {
            self.tzz[ix] = 0.0;
            self.txz[ix] = 0.0;
        }
        // Absorbing sponge.
        for (i, &g) in self.sponge.iter().enumerate() {
            if g < 1.0 {
                self.vx[i] *= g;
                self.vz[i] *= g;
                self.txx[i] *= g;
                self.tzz[i] *= g;
                self.txz[i] *= g;
            }
        }
        self.time_s += self.dt;
    }

    /// Vertical particle velocity of cell (`ix`, `iz`), m/s.
    pub fn vz_at(&self, ix: usize, iz: usize) -> f64 {
        self.vz[iz * self.nx + ix]
    }

    /// Horizontal particle velocity of cell (`ix`, `iz`), m/s.
    pub fn vx_at(&self, ix: usize, iz: usize) -> f64 {
        self.vx[iz * self.nx + ix]
    }

    /// Speed of the ground motion in every cell (for the lit height surface).
    pub fn speed_field(&self) -> Vec<f32> {
        self.vx
            .iter()
            .zip(&self.vz)
            .map(|(a, b)| (a * a + b * b).sqrt() as f32)
            .collect()
    }

    /// Kinetic energy of the whole tank (per unit thickness, J/m).
    pub fn kinetic_energy(&self) -> f64 {
        let area = self.dx * self.dx;
        self.rock
            .iter()
            .zip(self.vx.iter().zip(&self.vz))
            .map(|(r, (a, b))| 0.5 * r.rho * (a * a + b * b))
            .sum::<f64>()
            * area
    }

    /// Kinetic plus strain energy of the whole tank (per unit thickness, J/m).
    pub fn energy(&self) -> f64 {
        let area = self.dx * self.dx;
        let mut e = 0.0;
        for i in 0..self.vx.len() {
            let r = &self.rock[i];
            let modulus = r.rho * r.vp * r.vp;
            e += 0.5 * r.rho * (self.vx[i].powi(2) + self.vz[i].powi(2))
                + 0.5 * (self.txx[i].powi(2) + self.tzz[i].powi(2)) / modulus
                + self.txz[i].powi(2) / (r.rho * r.vs * r.vs).max(1.0);
        }
        e * area
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROCK: Rock = Rock {
        vp: 3000.0,
        vs: 1732.0,
        rho: 2500.0,
    };

    /// Times of the largest vertical velocity at two cells during one run.
    fn peak_times(
        t: &mut WaveTank,
        steps: usize,
        a: (usize, usize),
        b: (usize, usize),
    ) -> (f64, f64) {
        let (mut pa, mut pb) = ((0.0, 0.0), (0.0, 0.0));
        for _ in 0..steps {
            t.step();
            let (va, vb) = (t.vz_at(a.0, a.1).abs(), t.vz_at(b.0, b.1).abs());
            if va > pa.0 {
                pa = (va, t.time_s);
            }
            if vb > pb.0 {
                pb = (vb, t.time_s);
            }
        }
        (pa.1, pb.1)
    }

    #[test]
    fn p_and_s_fronts_travel_at_the_rock_speeds() {
        let (n, dx) = (260, 5.0);
        let (sx, sz) = (130, 130);
        // The delay between two receivers on one ray is (r2 - r1) / speed,
        // whatever the pulse shape.
        let (f0, r1, r2) = (25.0, 25usize, 55usize);
        let mut t = WaveTank::new(n, n, dx, ROCK);
        t.add_source(sx, sz, SourceKind::Explosion, f0, 1e9);
        let steps = ((r2 as f64 * dx / ROCK.vp + 3.0 / f0) / t.dt) as usize;
        let (a, b) = peak_times(&mut t, steps, (sx, sz + r1), (sx, sz + r2));
        let vp = (r2 - r1) as f64 * dx / (b - a);
        assert!((vp - ROCK.vp).abs() / ROCK.vp < 0.02, "P speed {vp}");
        // S from a vertical force, sideways, at a lower frequency so that
        // the shorter S wavelength still spans many cells.
        let (f0, r1, r2) = (10.0, 30usize, 80usize);
        let mut t = WaveTank::new(n, n, dx, ROCK);
        t.add_source(sx, sz, SourceKind::VerticalForce, f0, 1e9);
        let steps = ((r2 as f64 * dx / ROCK.vs + 3.0 / f0) / t.dt) as usize;
        let (a, b) = peak_times(&mut t, steps, (sx - r1, sz), (sx - r2, sz));
        let vs = (r2 - r1) as f64 * dx / (b - a);
        assert!((vs - ROCK.vs).abs() / ROCK.vs < 0.02, "S speed {vs}");
    }

    #[test]
    fn energy_stays_bounded_for_ten_thousand_steps() {
        let mut t = WaveTank::new(100, 100, 5.0, ROCK).with_basin(
            50,
            15,
            8,
            Rock {
                vp: 1500.0,
                vs: 600.0,
                rho: 1900.0,
            },
        );
        t.add_source(50, 55, SourceKind::VerticalForce, 25.0, 1e9);
        let (mut peak, mut peak_kinetic): (f64, f64) = (0.0, 0.0);
        for _ in 0..200 {
            t.step();
            peak = peak.max(t.energy());
            peak_kinetic = peak_kinetic.max(t.kinetic_energy());
        }
        for k in 0..10_000 {
            t.step();
            let e = t.energy();
            assert!(
                e.is_finite() && e <= peak * 1.05,
                "step {k}: energy {e} grew past {peak}"
            );
        }
        // What still moves has been absorbed (a force leaves a static strain).
        let moving = t.kinetic_energy() / peak_kinetic;
        assert!(moving < 1e-3, "waves still moving: {moving}");
    }

    #[test]
    fn absorbing_sides_reflect_less_than_five_percent() {
        // The same shot with the right-hand boundary near (small tank) and
        // far away (wide tank), the free surface equally far in both: the
        // difference at a receiver is what the absorbing sides reflect.
        let f0 = 20.0;
        let run = |nx: usize, sx: usize| {
            let mut t = WaveTank::new(nx, 260, 5.0, ROCK);
            t.add_source(sx, 130, SourceKind::Explosion, f0, 1e9);
            let mut trace = Vec::new();
            for _ in 0..520 {
                t.step();
                trace.push(t.vx_at(sx + 40, 130));
            }
            trace
        };
        let small = run(180, 90);
        let wide = run(400, 200);
        let incident = wide.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let reflected = small
            .iter()
            .zip(&wide)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(
            reflected / incident < 0.05,
            "reflection {:.3}",
            reflected / incident
        );
    }

    #[test]
    fn a_soft_basin_amplifies_shaking() {
        let soft = Rock {
            vp: 1200.0,
            vs: 450.0,
            rho: 1800.0,
        };
        let run = |basin: bool| {
            let mut t = WaveTank::new(160, 100, 10.0, ROCK);
            if basin {
                t = t.with_basin(80, 30, 20, soft);
            }
            t.add_source(40, 70, SourceKind::VerticalForce, 6.0, 1e9);
            let mut peak: f64 = 0.0;
            for _ in 0..1200 {
                t.step();
                for ix in 60..100 {
                    peak = peak.max(t.vx_at(ix, 2).abs().max(t.vz_at(ix, 2).abs()));
                }
            }
            peak
        };
        let (rock, basin) = (run(false), run(true));
        assert!(basin > 1.5 * rock, "basin {basin} vs rock {rock}");
    }
}
