//! A small 3D view drawn on the CPU: an orbiting camera a visitor turns and
//! zooms with [`crate::domain::touch`] gestures, and a z-buffered
//! triangle rasteriser that shades each pixel with the exhibit's own
//! colouring and remembers which point of the ground it shows (so a tap can
//! be turned back into a place).
//!
//! World coordinates are kilometres: x east, y north, z up.

use super::canvas::{Canvas, Rgba};
use crate::domain::touch::Gesture;

/// Where the camera looks from, as the visitor left it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrbitCamera {
    /// Compass direction the camera looks towards, degrees (0 = north).
    pub yaw_deg: f32,
    /// Angle below the horizontal, degrees (90 = straight down).
    pub pitch_deg: f32,
    /// Distance from the point looked at, km.
    pub distance: f32,
    /// The point looked at.
    pub target: [f32; 3],
    /// Vertical field of view, degrees.
    pub fov_deg: f32,
    home: (f32, f32, f32, [f32; 3]),
    /// Closest and farthest the visitor may zoom, km.
    pub distance_range: (f32, f32),
}

/// Lowest and steepest view a visitor may orbit to, degrees below horizontal.
pub const PITCH_RANGE: (f32, f32) = (12.0, 89.0);

impl OrbitCamera {
    /// A camera looking at `target` from `distance` away; a double tap
    /// returns here.
    pub fn new(yaw_deg: f32, pitch_deg: f32, distance: f32, target: [f32; 3]) -> Self {
        let distance = distance.max(1e-3);
        Self {
            yaw_deg,
            pitch_deg: pitch_deg.clamp(PITCH_RANGE.0, PITCH_RANGE.1),
            distance,
            target,
            fov_deg: 40.0,
            home: (yaw_deg, pitch_deg, distance, target),
            distance_range: (distance * 0.35, distance * 2.0),
        }
    }

    /// Back to where it started.
    pub fn reset(&mut self) {
        let (y, p, d, t) = self.home;
        (self.yaw_deg, self.pitch_deg, self.distance, self.target) = (y, p, d, t);
    }

    /// Follows a gesture made on a view `view_h` pixels high. Taps are not
    /// the camera's business and are ignored; a double tap resets.
    pub fn apply(&mut self, g: Gesture, view_h: f32) {
        let view_h = view_h.max(1.0);
        match g {
            Gesture::Orbit(dx, dy) => {
                // A drag the height of the view turns the table half round.
                self.yaw_deg = (self.yaw_deg - dx / view_h * 180.0).rem_euclid(360.0);
                self.pitch_deg =
                    (self.pitch_deg + dy / view_h * 90.0).clamp(PITCH_RANGE.0, PITCH_RANGE.1);
            }
            Gesture::Pinch(scale, dx, dy) => {
                if scale.is_finite() && scale > 0.0 {
                    self.distance =
                        (self.distance / scale).clamp(self.distance_range.0, self.distance_range.1);
                }
                // Pan so the ground under the fingers follows them.
                let km_per_px =
                    2.0 * self.distance * (self.fov_deg.to_radians() / 2.0).tan() / view_h;
                let (r, u, _) = self.axes();
                // Screen-up moved onto the ground: forward along the table.
                let fwd = [u[0], u[1]];
                let len = fwd[0].hypot(fwd[1]).max(1e-6);
                let (fx, fy) = (fwd[0] / len, fwd[1] / len);
                if dx.is_finite() && dy.is_finite() {
                    self.target[0] -= (r[0] * dx - fx * dy) * km_per_px;
                    self.target[1] -= (r[1] * dx - fy * dy) * km_per_px;
                }
                let (_, _, _, home) = self.home;
                let reach = self.distance_range.1;
                for (t, h) in self.target.iter_mut().zip(home).take(2) {
                    *t = t.clamp(h - reach, h + reach);
                }
            }
            Gesture::DoubleTap(..) => self.reset(),
            Gesture::Tap(..) => {}
        }
    }

    /// Right, up and forward unit vectors of the camera.
    pub fn axes(&self) -> ([f32; 3], [f32; 3], [f32; 3]) {
        let (y, p) = (self.yaw_deg.to_radians(), self.pitch_deg.to_radians());
        let f = [y.sin() * p.cos(), y.cos() * p.cos(), -p.sin()];
        let r = [y.cos(), -y.sin(), 0.0];
        // u = r × f
        let u = [
            r[1] * f[2] - r[2] * f[1],
            r[2] * f[0] - r[0] * f[2],
            r[0] * f[1] - r[1] * f[0],
        ];
        (r, u, f)
    }

    /// The camera's position.
    pub fn eye(&self) -> [f32; 3] {
        let (_, _, f) = self.axes();
        [
            self.target[0] - f[0] * self.distance,
            self.target[1] - f[1] * self.distance,
            self.target[2] - f[2] * self.distance,
        ]
    }

    /// A projector for a `w` by `h` pixel view from where the camera is now.
    pub fn projector(&self, w: u32, h: u32) -> Projector {
        let (r, u, f) = self.axes();
        Projector {
            eye: self.eye(),
            r,
            u,
            f,
            focal: h as f32 / 2.0 / (self.fov_deg.to_radians() / 2.0).tan(),
            cx: w as f32 / 2.0,
            cy: h as f32 / 2.0,
        }
    }
}

/// Projects world points onto the view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projector {
    eye: [f32; 3],
    r: [f32; 3],
    u: [f32; 3],
    f: [f32; 3],
    focal: f32,
    cx: f32,
    cy: f32,
}

/// Nearest distance in front of the camera that is drawn, km.
const NEAR_KM: f32 = 0.5;

impl Projector {
    /// Screen position (pixels) and distance in front of the camera (km) of
    /// `p`, or `None` if it is behind the camera.
    pub fn project(&self, p: [f32; 3]) -> Option<(f32, f32, f32)> {
        let v = [p[0] - self.eye[0], p[1] - self.eye[1], p[2] - self.eye[2]];
        let dot = |a: [f32; 3]| v[0] * a[0] + v[1] * a[1] + v[2] * a[2];
        let z = dot(self.f);
        if z < NEAR_KM {
            return None;
        }
        Some((
            self.cx + dot(self.r) / z * self.focal,
            self.cy - dot(self.u) / z * self.focal,
            z,
        ))
    }
}

/// A projected vertex: screen position, distance and what the shader
/// interpolates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Vertex {
    /// Screen x, pixels.
    pub x: f32,
    /// Screen y, pixels.
    pub y: f32,
    /// Distance in front of the camera, km.
    pub z: f32,
    /// Values interpolated across the triangle for the shader.
    pub attr: [f32; 4],
}

/// Surface number of the ground in a [`Raster`]: its pixels remember the
/// ground point they show (attributes 0 and 1, x and y km).
pub const GROUND: u8 = 1;

/// A deferred, z-buffered picture: rasterising stores, per pixel, which
/// surface is nearest and its interpolated attributes; shading turns them
/// into colours. A view that has not moved is re-shaded without
/// rasterising again, which is what an animation on a still view needs.
#[derive(Debug, Clone)]
pub struct Raster {
    /// The colour.
    pub canvas: Canvas,
    /// 1 / distance of the nearest surface per pixel (0 = nothing).
    inv_z: Vec<f32>,
    /// The nearest surface per pixel (0 = background).
    surface: Vec<u8>,
    /// Its attributes.
    attr: Vec<[f32; 4]>,
}

impl Raster {
    /// A `w` by `h` raster with nothing drawn, filled with `bg`.
    pub fn new(w: u32, h: u32, bg: Rgba) -> Self {
        let n = (w * h) as usize;
        Self {
            canvas: Canvas::new(w, h, bg),
            inv_z: vec![0.0; n],
            surface: vec![0; n],
            attr: vec![[0.0; 4]; n],
        }
    }

    /// Forgets every surface.
    pub fn clear(&mut self) {
        self.inv_z.fill(0.0);
        self.surface.fill(0);
    }

    fn index(&self, x: f32, y: f32) -> Option<usize> {
        let (w, h) = (self.canvas.width as f32, self.canvas.height as f32);
        (x >= 0.0 && y >= 0.0 && x < w && y < h).then(|| y as usize * w as usize + x as usize)
    }

    /// The ground point (x, y km) drawn at pixel (`x`, `y`), if any.
    pub fn ground_at(&self, x: f32, y: f32) -> Option<[f32; 2]> {
        let i = self.index(x, y)?;
        (self.surface[i] == GROUND).then(|| [self.attr[i][0], self.attr[i][1]])
    }

    /// Whether a point `z` km in front of the camera at pixel (`x`, `y`)
    /// is hidden by something nearer (with `slack_km` allowance).
    pub fn hidden(&self, x: f32, y: f32, z: f32, slack_km: f32) -> bool {
        self.index(x, y).is_some_and(|i| {
            let iz = self.inv_z[i];
            iz > 0.0 && 1.0 / iz < z - slack_km
        })
    }

    /// Rasterises a triangle of `surface` (1-255), nearer surfaces winning.
    /// Attributes are interpolated linearly on screen, so keep triangles small.
    pub fn triangle(&mut self, v: [Vertex; 3], surface: u8) {
        let [a, b, c] = v;
        let area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        if area.abs() < 1e-6 || !area.is_finite() || surface == 0 {
            return;
        }
        let w = self.canvas.width as i32;
        let h = self.canvas.height as i32;
        let x0 = (a.x.min(b.x).min(c.x).floor() as i32).max(0);
        let x1 = (a.x.max(b.x).max(c.x).ceil() as i32).min(w - 1);
        let y0 = (a.y.min(b.y).min(c.y).floor() as i32).max(0);
        let y1 = (a.y.max(b.y).max(c.y).ceil() as i32).min(h - 1);
        if x0 > x1 || y0 > y1 {
            return;
        }
        let inv = 1.0 / area;
        let iz = [1.0 / a.z, 1.0 / b.z, 1.0 / c.z];
        for py in y0..=y1 {
            let sy = py as f32 + 0.5;
            for px in x0..=x1 {
                let sx = px as f32 + 0.5;
                let w0 = ((b.x - sx) * (c.y - sy) - (b.y - sy) * (c.x - sx)) * inv;
                let w1 = ((c.x - sx) * (a.y - sy) - (c.y - sy) * (a.x - sx)) * inv;
                let w2 = 1.0 - w0 - w1;
                if w0 < 0.0 || w1 < 0.0 || w2 < 0.0 {
                    continue;
                }
                let i = (py * w + px) as usize;
                let z = w0 * iz[0] + w1 * iz[1] + w2 * iz[2];
                if z <= self.inv_z[i] {
                    continue;
                }
                self.inv_z[i] = z;
                self.surface[i] = surface;
                let at = &mut self.attr[i];
                for (k, out) in at.iter_mut().enumerate() {
                    *out = w0 * a.attr[k] + w1 * b.attr[k] + w2 * c.attr[k];
                }
            }
        }
    }

    /// Colours every pixel: `shade(pixel index, surface, attributes)` where
    /// a surface was drawn, a vertical gradient from `top` to `bottom`
    /// elsewhere.
    pub fn shade<F: Fn(usize, u8, &[f32; 4]) -> [u8; 3]>(
        &mut self,
        top: Rgba,
        bottom: Rgba,
        shade: F,
    ) {
        let (w, h) = (self.canvas.width as usize, self.canvas.height as usize);
        for y in 0..h {
            let bg = top.mix(bottom, y as f32 / h.max(2) as f32);
            for x in 0..w {
                let i = y * w + x;
                let c = match self.surface[i] {
                    0 => [bg.0, bg.1, bg.2],
                    s => shade(i, s, &self.attr[i]),
                };
                self.canvas.rgba[i * 4..i * 4 + 4].copy_from_slice(&[c[0], c[1], c[2], 255]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_projects_to_the_middle_and_the_far_side_to_the_top() {
        let cam = OrbitCamera::new(0.0, 45.0, 100.0, [0.0, 0.0, 0.0]);
        let p = cam.projector(400, 300);
        let (x, y, z) = p.project([0.0, 0.0, 0.0]).unwrap();
        assert!((x - 200.0).abs() < 1e-3 && (y - 150.0).abs() < 1e-3);
        assert!((z - 100.0).abs() < 1e-3);
        // Looking north: a point to the north is higher on screen, one to
        // the east is to the right.
        assert!(p.project([0.0, 10.0, 0.0]).unwrap().1 < 150.0);
        assert!(p.project([10.0, 0.0, 0.0]).unwrap().0 > 200.0);
        // Behind the camera: not drawn.
        assert_eq!(p.project(cam.eye()), None);
    }

    #[test]
    fn gestures_orbit_zoom_pan_and_reset_within_limits() {
        let mut cam = OrbitCamera::new(0.0, 45.0, 100.0, [0.0, 0.0, 0.0]);
        cam.apply(Gesture::Orbit(150.0, 0.0), 300.0);
        assert_eq!(cam.yaw_deg, 270.0);
        cam.apply(Gesture::Orbit(0.0, 10_000.0), 300.0);
        assert_eq!(cam.pitch_deg, PITCH_RANGE.1);
        cam.apply(Gesture::Pinch(2.0, 0.0, 0.0), 300.0);
        assert_eq!(cam.distance, 50.0);
        cam.apply(Gesture::Pinch(0.01, 0.0, 0.0), 300.0);
        assert_eq!(cam.distance, 200.0);
        cam.apply(Gesture::Pinch(f32::NAN, f32::NAN, 1.0), 300.0);
        assert_eq!(cam.distance, 200.0);
        cam.reset();
        // Dragging two fingers right moves the ground right: the camera
        // target moves west (looking north).
        cam.apply(Gesture::Pinch(1.0, 30.0, 0.0), 300.0);
        assert!(cam.target[0] < 0.0 && cam.target[1].abs() < 1e-3);
        cam.apply(Gesture::Pinch(1.0, 1e9, 0.0), 300.0);
        assert!(cam.target[0] >= -200.0);
        cam.apply(Gesture::DoubleTap(0.0, 0.0), 300.0);
        assert_eq!(cam, OrbitCamera::new(0.0, 45.0, 100.0, [0.0, 0.0, 0.0]));
    }

    #[test]
    fn nearer_triangles_win_and_ground_points_are_remembered() {
        let mut r = Raster::new(20, 20, Rgba::hex(0));
        let tri = |z: f32, g: f32| {
            [(0.0, 0.0), (20.0, 0.0), (0.0, 20.0)].map(|(x, y)| Vertex {
                x,
                y,
                z,
                attr: [g, g, 0.0, 0.0],
            })
        };
        let paint = |_, s: u8, a: &[f32; 4]| [s * 100, a[0] as u8, 0];
        r.triangle(tri(5.0, 1.0), GROUND);
        r.triangle(tri(10.0, 2.0), GROUND);
        r.shade(Rgba::hex(0x102030), Rgba::hex(0x102030), paint);
        assert_eq!(r.canvas.pixel(2, 2), Rgba(100, 1, 0, 255));
        assert_eq!(r.canvas.pixel(19, 19), Rgba::hex(0x102030), "background");
        assert_eq!(r.ground_at(2.5, 2.5), Some([1.0, 1.0]));
        assert!(r.hidden(2.5, 2.5, 8.0, 0.5) && !r.hidden(2.5, 2.5, 5.2, 0.5));
        r.triangle(tri(1.0, 3.0), 2);
        r.shade(Rgba::hex(0), Rgba::hex(0), paint);
        assert_eq!(r.canvas.pixel(2, 2), Rgba(200, 3, 0, 255));
        assert_eq!(
            r.ground_at(2.5, 2.5),
            None,
            "a wall in front hides the ground"
        );
        assert_eq!(r.ground_at(19.5, 19.5), None, "outside the triangle");
        assert_eq!(r.ground_at(-1.0, f32::NAN), None);
        r.clear();
        assert_eq!(r.ground_at(2.5, 2.5), None);
    }
}
