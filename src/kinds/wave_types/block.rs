//! Visitor state of a `WaveTypes` ("Four kinds of waves"): a block of
//! rock drawn as particles that move as a P, S, Love or Rayleigh wave
//! passes, from the particle motion of [`crate::domain::physics::motion`].
//! The block is the same 12 km by 6 km for every kind, so the longer, faster
//! P waves and the shorter, slower S and surface waves show as they are.
//! A tapped particle leaves a trail of its orbit.

use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::physics::motion::{Medium, WaveKind, displacement, speed};

/// Length of the block along the propagation, km.
pub const BLOCK_KM: f64 = 12.0;
/// Depth of the block, km.
pub const DEPTH_KM: f64 = 6.0;
/// Width of the block across the propagation, km.
pub const WIDTH_KM: f64 = 3.0;
const NX: usize = 37;
const NY: usize = 3;
const NZ: usize = 13;
/// How much the motion is exaggerated on screen: a displacement of one
/// (unit amplitude) is drawn this many km.
const AMPLITUDE_KM: f64 = 0.3;
/// Screen direction of the block's width (receding up and to the right).
const RECEDE: (f64, f64) = (0.55, -0.4);

/// The exhibit's state.
#[derive(Debug, Clone)]
pub struct WaveTypes {
    /// The wave shown.
    pub kind: WaveKind,
    /// The rock.
    pub medium: Medium,
    /// Period of the wave, s.
    pub period_s: f64,
    /// Wave time, s.
    pub clock_s: f64,
    /// Wave seconds per real second (1 normal, less for slow motion).
    pub rate: f64,
    /// The particle being traced (column, row on the front face).
    pub traced: Option<(usize, usize)>,
    trail: Vec<(f64, f64)>,
}

impl WaveTypes {
    /// A block of `medium` with waves of `period_s`.
    pub fn new(medium: Medium, period_s: f64) -> Self {
        Self {
            kind: WaveKind::P,
            medium,
            period_s,
            clock_s: 0.0,
            rate: 1.0,
            traced: None,
            trail: Vec::new(),
        }
    }

    /// Shows another kind of wave; the trace starts again.
    pub fn show(&mut self, kind: WaveKind) {
        self.kind = kind;
        self.trail.clear();
    }

    /// The wave's speed in this rock, km/s.
    pub fn speed_km_s(&self) -> f64 {
        speed(self.kind, &self.medium, self.period_s)
    }

    /// Its wavelength, km.
    pub fn wavelength_km(&self) -> f64 {
        self.speed_km_s() * self.period_s
    }

    /// Advances by `seconds` of real time.
    pub fn advance(&mut self, seconds: f64) {
        if !(seconds.is_finite() && seconds > 0.0) {
            return;
        }
        self.clock_s += seconds * self.rate;
        if let Some((ix, iz)) = self.traced {
            let p = self.project(ix, 0, iz);
            self.trail.push(p);
            // One period of trail is the whole orbit.
            let keep = (self.period_s / (seconds * self.rate).max(1e-6)).ceil() as usize + 1;
            if self.trail.len() > keep.max(8) {
                let cut = self.trail.len() - keep.max(8);
                self.trail.drain(..cut);
            }
        }
    }

    fn position(&self, ix: usize, iy: usize, iz: usize) -> (f64, f64, f64) {
        let x = BLOCK_KM * ix as f64 / (NX - 1) as f64;
        let y = WIDTH_KM * iy as f64 / (NY - 1) as f64;
        let d = DEPTH_KM * iz as f64 / (NZ - 1) as f64;
        (x, y, d)
    }

    /// Block coordinates (km along, km across from the front, km of height
    /// above the bottom) of a particle with its displacement.
    fn moved(&self, ix: usize, iy: usize, iz: usize) -> (f64, f64, f64) {
        let (x, y, d) = self.position(ix, iy, iz);
        let u = displacement(self.kind, &self.medium, self.period_s, x, d, self.clock_s);
        (
            x + AMPLITUDE_KM * u[0],
            y + AMPLITUDE_KM * u[1],
            DEPTH_KM - d + AMPLITUDE_KM * u[2],
        )
    }

    /// Picture position, in block km, of a particle (oblique projection).
    fn project(&self, ix: usize, iy: usize, iz: usize) -> (f64, f64) {
        let (x, y, h) = self.moved(ix, iy, iz);
        (x + RECEDE.0 * y, -h + RECEDE.1 * y)
    }

    /// Picture extent in block km: (left, top, width, height).
    fn extent() -> (f64, f64, f64, f64) {
        let pad = 0.6;
        let left = -pad;
        let top = -DEPTH_KM + RECEDE.1 * WIDTH_KM - pad;
        let width = BLOCK_KM + RECEDE.0 * WIDTH_KM + 2.0 * pad;
        let height = DEPTH_KM - RECEDE.1 * WIDTH_KM + 2.0 * pad;
        (left, top, width, height)
    }

    /// The picture's aspect ratio (width over height).
    pub fn aspect() -> f32 {
        let (_, _, w, h) = Self::extent();
        (w / h) as f32
    }

    /// A touch at (`u`, `v`), 0-1 across and down the picture: traces the
    /// nearest particle of the front face, or stops tracing far from any.
    pub fn touch(&mut self, u: f32, v: f32) {
        if !(u.is_finite() && v.is_finite()) {
            return;
        }
        let (l, t, w, h) = Self::extent();
        let (px, py) = (l + u as f64 * w, t + v as f64 * h);
        let mut best = None;
        for ix in 0..NX {
            for iz in 0..NZ {
                let (x, y) = self.project(ix, 0, iz);
                let d = (x - px).hypot(y - py);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, (ix, iz)));
                }
            }
        }
        self.trail.clear();
        self.traced = best.filter(|(d, _)| *d < 0.8).map(|(_, p)| p);
    }

    /// The traced particle's recent path, picture km.
    pub fn trail(&self) -> &[(f64, f64)] {
        &self.trail
    }

    /// Draws the block: far particles first and dimmer, the surface layer
    /// lighter, the traced particle and its orbit in red, and an arrow
    /// along the direction the wave travels.
    pub fn draw(&self, c: &mut Canvas) {
        let (l, t, w, h) = Self::extent();
        let s = (c.width as f64 / w).min(c.height as f64 / h);
        let to = |(x, y): (f64, f64)| (((x - l) * s) as f32, ((y - t) * s) as f32);
        let dot = (s * 0.07) as f32;
        for iy in (1..NY).rev() {
            let dim = 0.8 - 0.18 * iy as f32;
            for iz in 0..NZ {
                let (_, _, d) = self.position(0, 0, iz);
                let base = if d < self.medium.layer_km && self.kind == WaveKind::Love {
                    Rgba::hex(0xd9c7a3)
                } else {
                    Rgba::hex(0xa7b8c8)
                };
                let col = Rgba::hex(0x0b1c28).mix(base, dim);
                for ix in 0..NX {
                    let (x, y) = to(self.project(ix, iy, iz));
                    c.fill_rect(x - dot, y - dot, 2.0 * dot, 2.0 * dot, col);
                }
            }
        }
        // The front and top faces as a mesh, so that squeezing, shearing and
        // rolling read as a deforming block.
        let line = (s * 0.025) as f32;
        let mesh = Rgba::hex(0x5f7f99);
        let top = Rgba::hex(0x4a6a84);
        for iy in 0..NY {
            let pts: Vec<(f32, f32)> = (0..NX).map(|ix| to(self.project(ix, iy, 0))).collect();
            c.stroke(&pts, line, top);
        }
        for ix in 0..NX {
            let pts: Vec<(f32, f32)> = (0..NY).map(|iy| to(self.project(ix, iy, 0))).collect();
            c.stroke(&pts, line, top);
        }
        for iz in 0..NZ {
            let pts: Vec<(f32, f32)> = (0..NX).map(|ix| to(self.project(ix, 0, iz))).collect();
            c.stroke(&pts, line, mesh);
        }
        for ix in 0..NX {
            let pts: Vec<(f32, f32)> = (0..NZ).map(|iz| to(self.project(ix, 0, iz))).collect();
            c.stroke(&pts, line, mesh);
        }
        let front = Rgba::hex(0xdfe9f2);
        for iz in 0..NZ {
            for ix in 0..NX {
                let (x, y) = to(self.project(ix, 0, iz));
                c.fill_rect(x - dot, y - dot, 2.0 * dot, 2.0 * dot, front);
            }
        }
        if let Some((ix, iz)) = self.traced {
            let pts: Vec<(f32, f32)> = self.trail.iter().map(|p| to(*p)).collect();
            if pts.len() > 1 {
                c.stroke(&pts, (s * 0.05) as f32, Rgba::hex(0xe63946));
            }
            let (x, y) = to(self.project(ix, 0, iz));
            c.fill_circle(x, y, dot * 2.2, Rgba::hex(0xe63946));
        }
        // The direction of travel, above the block.
        let y = to((0.0, -DEPTH_KM - 0.35)).1;
        let (x0, x1) = (to((0.0, 0.0)).0, to((BLOCK_KM * 0.3, 0.0)).0);
        let head = (s * 0.25) as f32;
        let arrow = Rgba::hex(0xffb050);
        c.stroke(&[(x0, y), (x1, y)], (s * 0.06) as f32, arrow);
        c.fill_polygon(
            &[
                (x1 + head, y),
                (x1 - head * 0.3, y - head * 0.7),
                (x1 - head * 0.3, y + head * 0.7),
            ],
            arrow,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traced(kind: WaveKind, iz: usize) -> WaveTypes {
        let mut w = WaveTypes::new(Medium::default(), 1.0);
        w.show(kind);
        w.traced = Some((10, iz));
        for _ in 0..120 {
            w.advance(1.0 / 60.0);
        }
        w
    }

    fn spread(points: &[(f64, f64)]) -> (f64, f64) {
        let xs = points.iter().map(|p| p.0);
        let ys = points.iter().map(|p| p.1);
        let range = |v: &mut dyn Iterator<Item = f64>| {
            let (mut lo, mut hi) = (f64::MAX, f64::MIN);
            for x in v {
                lo = lo.min(x);
                hi = hi.max(x);
            }
            hi - lo
        };
        (range(&mut xs.clone()), range(&mut ys.clone()))
    }

    #[test]
    fn p_particles_swing_along_the_travel_and_s_particles_across_it() {
        let (dx, dy) = spread(traced(WaveKind::P, 4).trail());
        assert!(dx > 0.5 && dy < 1e-9, "P moves {dx} along, {dy} up");
        let (dx, dy) = spread(traced(WaveKind::S, 4).trail());
        assert!(dx < 1e-9 && dy > 0.5, "S moves {dx} along, {dy} up");
    }

    #[test]
    fn rayleigh_surface_orbit_is_a_retrograde_ellipse_taller_than_wide() {
        let w = traced(WaveKind::Rayleigh, 0);
        let trail = w.trail();
        let (dx, dy) = spread(trail);
        assert!((dy / dx - 1.468).abs() < 0.05, "{}", dy / dx);
        // Picture y grows downward: retrograde motion for a wave travelling
        // right turns anticlockwise on screen, a negative shoelace area.
        let area: f64 = trail
            .windows(2)
            .map(|p| p[0].0 * p[1].1 - p[1].0 * p[0].1)
            .sum();
        assert!(area < 0.0, "{area}");
        assert!(w.speed_km_s() < 0.93 * w.medium.vs && w.speed_km_s() > 0.91 * w.medium.vs);
    }

    #[test]
    fn love_particles_move_only_across_the_block() {
        let w = traced(WaveKind::Love, 0);
        let (dx, _) = spread(w.trail());
        // Across the block shows as a slant on screen: along x by RECEDE.0.
        assert!(dx > 0.1);
        let u = displacement(WaveKind::Love, &w.medium, 1.0, 3.0, 0.0, 0.3);
        assert!(u[0] == 0.0 && u[2] == 0.0 && u[1] != 0.0);
    }

    #[test]
    fn touches_pick_the_nearest_front_particle_or_none() {
        let mut w = WaveTypes::new(Medium::default(), 1.0);
        let (l, t, width, height) = WaveTypes::extent();
        let (x, y) = w.project(12, 0, 3);
        w.touch(((x - l) / width) as f32, ((y - t) / height) as f32);
        assert_eq!(w.traced, Some((12, 3)));
        w.touch(0.99, 0.01);
        assert_eq!(w.traced, None);
        w.touch(f32::NAN, 0.5);
        assert_eq!(w.traced, None);
    }

    #[test]
    fn every_kind_draws_differently() {
        let mut pictures = Vec::new();
        for kind in [WaveKind::P, WaveKind::S, WaveKind::Love, WaveKind::Rayleigh] {
            let mut w = WaveTypes::new(Medium::default(), 1.0);
            w.show(kind);
            w.advance(0.3);
            let mut c = Canvas::new(320, 200, Rgba::hex(0x102a3a));
            w.draw(&mut c);
            pictures.push(c.rgba);
        }
        for i in 0..4 {
            for j in i + 1..4 {
                assert_ne!(pictures[i], pictures[j]);
            }
        }
    }
}
