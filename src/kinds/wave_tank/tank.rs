//! Visitor state of a `WaveTank` ("Make waves"): the wave tank a scene
//! describes, the visitor's touches, and the lit height surface the screen
//! shows (drawn here into an RGBA buffer, so it is tested without a GPU).
//!
//! The picture shows only the part of the grid inside the absorbing
//! sponges: the visible slice starts at the free surface and ends where the
//! sponge begins, so visitors never see waves fading into a wall.

use crate::domain::physics::tank::{Rock, SPONGE_CELLS, SourceKind, WaveTank};
use super::{RockParams, WaveTankParams};

/// Amplitude of a touch's vertical force (arbitrary: the picture's gain
/// follows the waves, so only ratios between sources matter).
const TOUCH_AMPLITUDE: f64 = 1e9;
/// How long the shaking meters remember a peak, s of simulated time.
const METER_MEMORY_S: f64 = 0.6;
/// How long a touch stays marked on the picture, s of simulated time.
const TOUCH_MARK_S: f64 = 0.25;
/// Rows of sky above the ground in the picture, where the houses stand.
pub const SKY_ROWS: usize = 8;

fn rock(p: &RockParams) -> Rock {
    Rock {
        vp: p.vp_m_s as f64,
        vs: p.vs_m_s as f64,
        rho: p.density_kg_m3 as f64,
    }
}

/// A surface point whose shaking is shown as a meter (a house on bedrock, a
/// house on the basin).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Meter {
    /// Column of the visible slice.
    pub column: usize,
    /// Peak ground speed over the last [`METER_MEMORY_S`], m/s.
    pub recent_peak: f64,
    /// Time of that peak, s.
    peak_time: f64,
}

/// The exhibit's state.
#[derive(Debug, Clone)]
pub struct TankExhibit {
    /// The simulation.
    pub tank: WaveTank,
    /// Peak frequency of a touch, Hz.
    pub source_hz: f64,
    /// First visible column and the number of visible columns and rows.
    x0: usize,
    width: usize,
    height: usize,
    /// Largest vertical speed seen lately: the picture's gain.
    gain_peak: f64,
    /// Touches still marked: column, row (visible slice), time.
    touches: Vec<(usize, usize, f64)>,
    /// Shaking meters: bedrock first, then the basin if there is one.
    pub meters: Vec<Meter>,
    /// Column of the basin's centre in the visible slice, if any.
    basin: Option<(usize, usize, usize)>,
    /// Simulation steps per frame of the screen.
    pub steps_per_frame: u32,
}

impl TankExhibit {
    /// The tank a scene describes. The grid is `cells` square; the basin's
    /// centre is a fraction of the visible width.
    pub fn new(p: &WaveTankParams) -> Self {
        let n = Self::grid_cells(p);
        let dx = p.cell_m as f64;
        let x0 = SPONGE_CELLS;
        let width = n - 2 * SPONGE_CELLS;
        let height = n - SPONGE_CELLS;
        let mut tank = WaveTank::new(n, n, dx, rock(&p.rock));
        let mut basin = None;
        if let Some(b) = &p.basin {
            let cx = x0 + (b.centre.clamp(0.0, 1.0) as f64 * (width - 1) as f64).round() as usize;
            let half = ((b.half_width_m as f64 / dx).round() as usize).max(1);
            let depth = ((b.depth_m as f64 / dx).round() as usize).max(1);
            tank = tank.with_basin(cx, half, depth, rock(&b.rock));
            basin = Some((cx - x0, half, depth));
        }
        let mut meters = vec![Meter {
            // The bedrock house stands as far from the basin as the slice allows.
            column: match basin {
                Some((c, _, _)) if c < width / 2 => width * 4 / 5,
                _ => width / 5,
            },
            recent_peak: 0.0,
            peak_time: 0.0,
        }];
        if let Some((c, _, _)) = basin {
            meters.push(Meter {
                column: c,
                recent_peak: 0.0,
                peak_time: 0.0,
            });
        }
        let mut ex = Self {
            tank,
            source_hz: p.source_hz as f64,
            x0,
            width,
            height,
            gain_peak: 0.0,
            touches: Vec::new(),
            meters,
            basin,
            steps_per_frame: p.steps_per_frame,
        };
        if p.start_with_quake {
            ex.start_quake();
        }
        ex
    }

    fn grid_cells(p: &WaveTankParams) -> usize {
        (p.cells as usize).clamp(2 * SPONGE_CELLS + 16, 1024)
    }

    /// The picture size a scene's tank will have, before building it.
    pub fn picture_size_for(p: &WaveTankParams) -> (usize, usize) {
        let n = Self::grid_cells(p);
        (n - 2 * SPONGE_CELLS, n - SPONGE_CELLS + SKY_ROWS)
    }

    /// Width and height of the picture, pixels: one per visible cell and
    /// [`SKY_ROWS`] of sky.
    pub fn picture_size(&self) -> (usize, usize) {
        (self.width, self.height + SKY_ROWS)
    }

    /// The basin as (centre column, half width, depth) in cells of the
    /// visible slice.
    pub fn basin(&self) -> Option<(usize, usize, usize)> {
        self.basin
    }

    /// The quake set off when the exhibit opens: deep, and as far from the
    /// house on bedrock as from the house on the basin, so the meters
    /// compare the ground and not the distance.
    pub fn start_quake(&mut self) {
        let mid = self.meters.iter().map(|m| m.column).sum::<usize>() as f32
            / self.meters.len().max(1) as f32;
        let u = if self.meters.len() > 1 {
            (mid + 0.5) / self.width as f32
        } else {
            0.5
        };
        self.touch(u, 0.7);
    }

    /// A touch at (`u`, `v`), each 0-1 across and down the picture.
    pub fn touch(&mut self, u: f32, v: f32) {
        if !(u.is_finite() && v.is_finite()) {
            return;
        }
        let col = ((u.clamp(0.0, 1.0) * self.width as f32) as usize).min(self.width - 1);
        let picture_row = (v.clamp(0.0, 1.0) * (self.height + SKY_ROWS) as f32) as usize;
        // A touch in the sky or on the very surface starts just below it:
        // a force right at the surface makes mostly surface noise.
        let row = picture_row
            .saturating_sub(SKY_ROWS)
            .clamp(3, self.height - 2);
        self.tank.add_source(
            self.x0 + col,
            row,
            SourceKind::VerticalForce,
            self.source_hz,
            TOUCH_AMPLITUDE,
        );
        self.touches.push((col, row, self.tank.time_s));
    }

    /// The reset button: still ground, no sources.
    pub fn reset(&mut self) {
        self.tank.reset();
        self.touches.clear();
        self.gain_peak = 0.0;
        for m in &mut self.meters {
            m.recent_peak = 0.0;
            m.peak_time = 0.0;
        }
    }

    /// Advances `steps` time steps and updates the meters.
    pub fn advance(&mut self, steps: u32) {
        for _ in 0..steps {
            self.tank.step();
            let now = self.tank.time_s;
            for m in &mut self.meters {
                let ix = self.x0 + m.column;
                let v = self.tank.vx_at(ix, 1).hypot(self.tank.vz_at(ix, 1));
                if v >= m.recent_peak || now - m.peak_time > METER_MEMORY_S {
                    m.recent_peak = v;
                    m.peak_time = now;
                }
            }
        }
        let now = self.tank.time_s;
        self.touches.retain(|t| now - t.2 < TOUCH_MARK_S);
    }

    /// Meter readings scaled 0-1 against the larger of the two, so the
    /// difference between bedrock and basin is what shows.
    pub fn meter_levels(&self) -> Vec<f32> {
        let top = self
            .meters
            .iter()
            .map(|m| m.recent_peak)
            .fold(0.0, f64::max);
        self.meters
            .iter()
            .map(|m| {
                if top > 0.0 {
                    (m.recent_peak / top) as f32
                } else {
                    0.0
                }
            })
            .collect()
    }

    /// Draws the lit height surface into `rgba` (`picture_size` pixels,
    /// four bytes each), under a strip of sky with the meters' houses. Height is the vertical ground velocity, lit from
    /// the upper left; upward motion is tinted warm, downward cool; the
    /// basin's rock is sandy brown, the bedrock slate blue.
    pub fn shade(&mut self, rgba: &mut [u8]) {
        let (w, h) = (self.width, self.height);
        if rgba.len() < w * (h + SKY_ROWS) * 4 {
            return;
        }
        for px in rgba[..w * SKY_ROWS * 4].chunks_exact_mut(4) {
            px.copy_from_slice(&[0x1b, 0x2d, 0x3d, 255]);
        }
        let ground = &mut rgba[w * SKY_ROWS * 4..];
        let mut peak = 0.0f64;
        let mut heights = vec![0.0f32; w * h];
        for iz in 0..h {
            for ix in 0..w {
                let v = self.tank.vz_at(self.x0 + ix, iz);
                peak = peak.max(v.abs());
                heights[iz * w + ix] = v as f32;
            }
        }
        // The gain falls slowly after a quake, so fading waves stay visible
        // without turning numerical dust into waves.
        self.gain_peak = peak.max(self.gain_peak * 0.97);
        let gain = if self.gain_peak > 0.0 {
            (1.0 / self.gain_peak) as f32
        } else {
            0.0
        };
        for x in heights.iter_mut() {
            *x = (*x * gain * 1.6).tanh();
        }
        let light = {
            let (lx, ly, lz) = (-0.55f32, -0.55, 0.63);
            let n = (lx * lx + ly * ly + lz * lz).sqrt();
            (lx / n, ly / n, lz / n)
        };
        const RELIEF: f32 = 6.0;
        let bedrock = [0x3b as f32, 0x5a as f32, 0x78 as f32];
        let sediment = [0x9a as f32, 0x76 as f32, 0x45 as f32];
        let up = [255.0, 0xb0 as f32, 0x50 as f32];
        let down = [0x5a as f32, 0xb4 as f32, 255.0];
        let soft_vs = self.tank.rock_at(self.x0, self.tank.nz - 1).vs * 0.8;
        for iz in 0..h {
            for ix in 0..w {
                let at = |x: usize, z: usize| heights[z.min(h - 1) * w + x.min(w - 1)];
                let hx = at(ix + 1, iz) - at(ix.saturating_sub(1), iz);
                let hz = at(ix, iz + 1) - at(ix, iz.saturating_sub(1));
                let (nx, ny, nz) = (-hx * RELIEF, -hz * RELIEF, 1.0f32);
                let nn = (nx * nx + ny * ny + nz * nz).sqrt();
                let diffuse = ((nx * light.0 + ny * light.1 + nz * light.2) / nn).max(0.0);
                let hv = heights[iz * w + ix];
                let soft = self.tank.rock_at(self.x0 + ix, iz).vs < soft_vs;
                let base = if soft { sediment } else { bedrock };
                // Deeper ground is a little darker.
                let depth_shade = 1.0 - 0.25 * iz as f32 / h as f32;
                let tint = if hv >= 0.0 { up } else { down };
                let mix = hv.abs().min(1.0) * 0.75;
                let lit = 0.45 + 0.75 * diffuse;
                let p = (iz * w + ix) * 4;
                for k in 0..3 {
                    let c = (base[k] * depth_shade * (1.0 - mix) + tint[k] * mix) * lit;
                    ground[p + k] = c.clamp(0.0, 255.0) as u8;
                }
                ground[p + 3] = 255;
            }
        }
        // Grass along the free surface.
        for ix in 0..w {
            ground[ix * 4..ix * 4 + 4].copy_from_slice(&[0x7f, 0xb0, 0x69, 255]);
        }
        // The two houses the meters watch: white, with a red roof.
        for m in &self.meters {
            for (dz, half, colour) in [
                (SKY_ROWS - 6, 1usize, [0xe6, 0x39, 0x46, 255]),
                (SKY_ROWS - 5, 3, [0xe6, 0x39, 0x46, 255]),
                (SKY_ROWS - 4, 4, [0xe6, 0x39, 0x46, 255]),
                (SKY_ROWS - 3, 3, [0xf1, 0xf4, 0xf6, 255]),
                (SKY_ROWS - 2, 3, [0xf1, 0xf4, 0xf6, 255]),
                (SKY_ROWS - 1, 3, [0xf1, 0xf4, 0xf6, 255]),
            ] {
                for x in m.column.saturating_sub(half)..=(m.column + half).min(w - 1) {
                    let p = (dz * w + x) * 4;
                    rgba[p..p + 4].copy_from_slice(&colour);
                }
            }
        }
        // Fresh touches: a red dot that shrinks as the quake starts.
        let now = self.tank.time_s;
        for &(cx, cz, t) in &self.touches {
            let r = (4.0 * (1.0 - (now - t) / TOUCH_MARK_S)).max(1.5);
            let ri = r.ceil() as isize;
            for dz in -ri..=ri {
                for dxp in -ri..=ri {
                    if ((dxp * dxp + dz * dz) as f64) > r * r {
                        continue;
                    }
                    let (x, z) = (cx as isize + dxp, cz as isize + dz);
                    if x >= 0 && z >= 0 && (x as usize) < w && (z as usize) < h {
                        let p = ((z as usize + SKY_ROWS) * w + x as usize) * 4;
                        rgba[p..p + 4].copy_from_slice(&[0xe6, 0x39, 0x46, 255]);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::BasinParams;
    use crate::domain::text::Bilingual;

    fn params(basin: bool) -> WaveTankParams {
        let b = |s: &str| Bilingual {
            zh: s.into(),
            en: s.into(),
        };
        WaveTankParams {
            intro: b("intro"),
            cells: 160,
            cell_m: 5.0,
            rock: RockParams {
                vp_m_s: 3000.0,
                vs_m_s: 1732.0,
                density_kg_m3: 2500.0,
            },
            rock_label: b("rock"),
            basin: basin.then(|| BasinParams {
                centre: 0.6,
                half_width_m: 100.0,
                depth_m: 50.0,
                rock: RockParams {
                    vp_m_s: 1200.0,
                    vs_m_s: 450.0,
                    density_kg_m3: 1800.0,
                },
                label: b("basin"),
            }),
            source_hz: 8.0,
            steps_per_frame: 6,
            start_with_quake: false,
            preview: "pictures/make-waves.png".into(),
        }
    }

    #[test]
    fn picture_covers_the_slice_inside_the_sponges() {
        let ex = TankExhibit::new(&params(false));
        assert_eq!(ex.picture_size(), (80, 120 + SKY_ROWS));
        assert_eq!(
            TankExhibit::picture_size_for(&params(false)),
            ex.picture_size()
        );
    }

    #[test]
    fn still_ground_is_flat_and_a_touch_makes_waves() {
        let mut ex = TankExhibit::new(&params(true));
        let (w, h) = ex.picture_size();
        let mut a = vec![0u8; w * h * 4];
        ex.advance(10);
        ex.shade(&mut a);
        // No touch: every bedrock pixel below the grass is the same colour.
        let row = 100 + SKY_ROWS;
        let first = a[(row * w) * 4..(row * w) * 4 + 4].to_vec();
        assert!((0..w).all(|x| a[(row * w + x) * 4..(row * w + x) * 4 + 4] == first[..]));
        ex.touch(0.2, 0.6);
        ex.advance((TOUCH_MARK_S / ex.tank.dt) as u32 + 10);
        let mut b = vec![0u8; w * h * 4];
        ex.shade(&mut b);
        let changed = (0..w * h)
            .filter(|&i| a[i * 4..i * 4 + 3] != b[i * 4..i * 4 + 3])
            .count();
        assert!(changed > w * h / 10, "only {changed} pixels moved");
        // The touch is marked while fresh, then forgotten.
        assert!(ex.touches.is_empty());
    }

    #[test]
    fn basin_house_shakes_harder_than_bedrock_house() {
        let mut ex = TankExhibit::new(&params(true));
        // A quake under the far side of the bedrock house.
        ex.touch(0.15, 0.8);
        let mut best = [0.0f64; 2];
        for _ in 0..150 {
            ex.advance(6);
            for (b, m) in best.iter_mut().zip(&ex.meters) {
                *b = b.max(m.recent_peak);
            }
        }
        assert_eq!(ex.meters.len(), 2);
        assert!(
            best[1] > 1.5 * best[0],
            "basin {} vs bedrock {}",
            best[1],
            best[0]
        );
        let levels = ex.meter_levels();
        assert!(levels.iter().all(|l| (0.0..=1.0).contains(l)));
    }

    #[test]
    fn reset_stills_everything_and_bad_touches_are_ignored() {
        let mut ex = TankExhibit::new(&params(true));
        ex.touch(f32::NAN, 0.5);
        ex.touch(7.0, -3.0); // clamped into the slice
        ex.advance(60);
        assert!(ex.tank.kinetic_energy() > 0.0);
        ex.reset();
        assert_eq!(ex.tank.kinetic_energy(), 0.0);
        assert_eq!(ex.meter_levels(), vec![0.0, 0.0]);
        ex.advance(30);
        assert_eq!(ex.tank.kinetic_energy(), 0.0);
    }

    #[test]
    fn opening_quake_is_as_far_from_both_houses() {
        let mut p = params(true);
        p.start_with_quake = true;
        let ex = TankExhibit::new(&p);
        let (col, _, _) = ex.touches[0];
        let d: Vec<usize> = ex.meters.iter().map(|m| m.column.abs_diff(col)).collect();
        assert!(d[0].abs_diff(d[1]) <= 1, "{d:?}");
        assert!(d[0] >= ex.picture_size().0 / 6);
    }
}
