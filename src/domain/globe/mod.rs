//! The touch globe the Earth exhibits share (01 inside the Earth, 02 the
//! seismic belts): a camera that orbits the Earth as a finger turns it
//! (with inertia), pinch zoom, double tap home, and picking a tap back to
//! a latitude and longitude with the same projection the renderer uses.
//! The globe itself is drawn by Bevy's renderer as a lit sphere whose
//! texture ([`texture`]) and geometry ([`mesh`], a cut-away included) are
//! made here; [`data`] reads the shipped land, plate boundaries and
//! earthquake catalogue.
//!
//! World coordinates: the Earth is a unit sphere at the origin, y towards
//! the North Pole, z towards latitude 0 longitude 0, x towards 0° N 90° E
//! (Bevy's y-up, right-handed axes).

pub mod data;
pub mod mesh;
pub mod texture;

use crate::domain::touch::{Gesture, TouchGestures};

/// A point in world coordinates.
pub type V3 = [f64; 3];

/// The unit vector of latitude `lat` and longitude `lon`, degrees.
pub fn unit(lat: f64, lon: f64) -> V3 {
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    [la.cos() * lo.sin(), la.sin(), la.cos() * lo.cos()]
}

/// Latitude and longitude (degrees, longitude in [-180, 180)) of `p`.
pub fn lat_lon(p: V3) -> (f64, f64) {
    let r = norm(p).max(1e-12);
    let lat = (p[1] / r).clamp(-1.0, 1.0).asin().to_degrees();
    let lon = p[0].atan2(p[2]).to_degrees();
    (lat, wrap_lon(lon))
}

/// `lon` brought into [-180, 180).
pub fn wrap_lon(lon: f64) -> f64 {
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

pub(crate) fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

pub(crate) fn cross(a: V3, b: V3) -> V3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

pub(crate) fn norm(a: V3) -> f64 {
    dot(a, a).sqrt()
}

pub(crate) fn scale(a: V3, k: f64) -> V3 {
    [a[0] * k, a[1] * k, a[2] * k]
}

pub(crate) fn add(a: V3, b: V3) -> V3 {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}

pub(crate) fn sub(a: V3, b: V3) -> V3 {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

pub(crate) fn normalize(a: V3) -> V3 {
    scale(a, 1.0 / norm(a).max(1e-12))
}

/// Farthest a visitor may turn the view towards a pole: the view's centre
/// latitude, degrees (north stays up; at 85° the pole is in plain view).
pub const MAX_VIEW_LAT: f64 = 85.0;
/// How quickly a flung globe slows down: its spin falls by e in this many
/// seconds.
pub const SPIN_DECAY_S: f64 = 0.7;
/// Slower than this (degrees per second) a flung globe stops.
const SPIN_STOP: f64 = 2.0;

/// Where the visitor looks at the globe from: the latitude and longitude
/// at the centre of the view, the distance, and the spin a fling left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GlobeCamera {
    /// Latitude at the centre of the view, degrees.
    pub lat: f64,
    /// Longitude at the centre of the view, degrees.
    pub lon: f64,
    /// Distance of the eye from the Earth's centre, Earth radii.
    pub distance: f64,
    /// Vertical field of view, degrees.
    pub fov_deg: f64,
    /// Closest and farthest the visitor may zoom, Earth radii.
    pub distance_range: (f64, f64),
    /// Spin left by a fling: latitude and longitude degrees per second.
    spin: (f64, f64),
    /// Turning done by the finger since the last frame, degrees.
    moved: (f64, f64),
    /// Whether a finger holds the globe.
    held: bool,
    home: (f64, f64, f64),
}

impl GlobeCamera {
    /// A camera over (`lat`, `lon`) at `distance` Earth radii; a double
    /// tap returns here.
    pub fn new(lat: f64, lon: f64, distance: f64) -> Self {
        let lat = lat.clamp(-MAX_VIEW_LAT, MAX_VIEW_LAT);
        let lon = wrap_lon(lon);
        let distance = distance.clamp(1.2, 20.0);
        Self {
            lat,
            lon,
            distance,
            fov_deg: 30.0,
            distance_range: ((distance * 0.45).max(1.25), distance * 1.6),
            spin: (0.0, 0.0),
            moved: (0.0, 0.0),
            held: false,
            home: (lat, lon, distance),
        }
    }

    /// Back home, not spinning.
    pub fn reset(&mut self) {
        (self.lat, self.lon, self.distance) = self.home;
        self.spin = (0.0, 0.0);
        self.moved = (0.0, 0.0);
    }

    /// Whether it is still spinning from a fling.
    pub fn spinning(&self) -> bool {
        !self.held && (self.spin.0 != 0.0 || self.spin.1 != 0.0)
    }

    /// A finger took hold of the globe: a spinning globe stops under it.
    pub fn hold(&mut self) {
        self.held = true;
        self.spin = (0.0, 0.0);
        self.moved = (0.0, 0.0);
    }

    /// The last finger let go: the globe spins on as it was being turned.
    pub fn let_go(&mut self) {
        self.held = false;
        if self.spin.0.hypot(self.spin.1) < SPIN_STOP {
            self.spin = (0.0, 0.0);
        }
    }

    /// The globe's radius on a view `view_h` pixels high, pixels.
    pub fn radius_px(&self, view_h: f64) -> f64 {
        let focal = view_h / 2.0 / (self.fov_deg.to_radians() / 2.0).tan();
        focal / (self.distance * self.distance - 1.0).max(1e-6).sqrt()
    }

    /// Follows a gesture on a view `view_h` pixels high: one finger turns
    /// the globe so that the ground under it follows the finger, two zoom,
    /// a double tap goes home. Taps are the exhibit's and are ignored.
    pub fn apply(&mut self, g: Gesture, view_h: f32) {
        match g {
            Gesture::Orbit(dx, dy) => {
                // The point of the globe nearest the eye follows the finger.
                let focal = view_h as f64 / 2.0 / (self.fov_deg.to_radians() / 2.0).tan();
                let k = ((self.distance - 1.0) / focal.max(1.0)).to_degrees();
                let (dlat, dlon) = (dy as f64 * k, -dx as f64 * k);
                self.turn(dlat, dlon);
                self.moved.0 += dlat;
                self.moved.1 += dlon;
            }
            Gesture::Pinch(s, _, _) => {
                if s.is_finite() && s > 0.0 {
                    // Zoom on the height above the surface, which is what
                    // the eye sees grow.
                    let h = (self.distance - 1.0) / s as f64;
                    self.distance = (1.0 + h).clamp(self.distance_range.0, self.distance_range.1);
                }
            }
            Gesture::DoubleTap(..) => self.reset(),
            Gesture::Tap(..) => {}
        }
    }

    fn turn(&mut self, dlat: f64, dlon: f64) {
        if dlat.is_finite() && dlon.is_finite() {
            self.lat = (self.lat + dlat).clamp(-MAX_VIEW_LAT, MAX_VIEW_LAT);
            self.lon = wrap_lon(self.lon + dlon);
        }
    }

    /// Moves on by `dt` seconds: a held globe learns how fast the finger
    /// turns it, a free one spins on and slows down. True if it moved.
    pub fn advance(&mut self, dt: f64) -> bool {
        if !(dt.is_finite() && dt > 0.0) {
            return false;
        }
        if self.held {
            // The finger's speed, smoothed over a few frames; a finger that
            // stops before letting go leaves no spin.
            let k = (dt / 0.08).min(1.0);
            let (vlat, vlon) = (self.moved.0 / dt, self.moved.1 / dt);
            self.spin.0 += (vlat - self.spin.0) * k;
            self.spin.1 += (vlon - self.spin.1) * k;
            self.moved = (0.0, 0.0);
            return false;
        }
        if !self.spinning() {
            return false;
        }
        self.turn(self.spin.0 * dt, self.spin.1 * dt);
        let f = (-dt / SPIN_DECAY_S).exp();
        self.spin = (self.spin.0 * f, self.spin.1 * f);
        if self.spin.0.hypot(self.spin.1) < SPIN_STOP {
            self.spin = (0.0, 0.0);
        }
        true
    }

    /// Right, up and forward unit vectors of the eye: it looks at the
    /// Earth's centre with north up.
    pub fn axes(&self) -> (V3, V3, V3) {
        let f = scale(unit(self.lat, self.lon), -1.0);
        let north = [0.0, 1.0, 0.0];
        let u = normalize(sub(north, scale(f, dot(north, f))));
        let r = cross(f, u);
        (r, u, f)
    }

    /// Where the eye is.
    pub fn eye(&self) -> V3 {
        scale(unit(self.lat, self.lon), self.distance)
    }

    /// The view of a `w` by `h` pixel picture from here.
    pub fn view(&self, w: u32, h: u32) -> GlobeView {
        let (r, u, f) = self.axes();
        GlobeView {
            eye: self.eye(),
            r,
            u,
            f,
            focal: h as f64 / 2.0 / (self.fov_deg.to_radians() / 2.0).tan(),
            cx: w as f64 / 2.0,
            cy: h as f64 / 2.0,
        }
    }
}

/// A pinhole view of the globe: the same perspective projection Bevy's
/// camera uses (vertical field of view, eye looking at the centre).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GlobeView {
    /// The eye.
    pub eye: V3,
    /// Right, up and forward.
    pub r: V3,
    /// Up.
    pub u: V3,
    /// Forward.
    pub f: V3,
    /// Focal length, pixels.
    pub focal: f64,
    /// The picture's centre, pixels.
    pub cx: f64,
    /// The picture's centre, pixels.
    pub cy: f64,
}

impl GlobeView {
    /// Pixel position of world point `p`, if it is in front of the eye.
    pub fn project(&self, p: V3) -> Option<(f64, f64)> {
        let v = sub(p, self.eye);
        let z = dot(v, self.f);
        if z <= 1e-6 {
            return None;
        }
        Some((
            self.cx + dot(v, self.r) / z * self.focal,
            self.cy - dot(v, self.u) / z * self.focal,
        ))
    }

    /// Pixel position of the surface point (`lat`, `lon`), if it faces
    /// the eye (not behind the Earth).
    pub fn project_lat_lon(&self, lat: f64, lon: f64) -> Option<(f64, f64)> {
        let p = unit(lat, lon);
        if dot(p, sub(self.eye, p)) <= 0.0 {
            return None;
        }
        self.project(p)
    }

    /// The ray from the eye through pixel (`x`, `y`): origin and unit
    /// direction.
    pub fn ray(&self, x: f64, y: f64) -> (V3, V3) {
        let dx = (x - self.cx) / self.focal;
        let dy = (self.cy - y) / self.focal;
        let d = normalize(add(add(self.f, scale(self.r, dx)), scale(self.u, dy)));
        (self.eye, d)
    }

    /// The surface point under pixel (`x`, `y`), if the pixel shows the
    /// Earth: latitude and longitude, degrees.
    pub fn pick(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let (o, d) = self.ray(x, y);
        let t = sphere_hit(o, d, 1.0)?;
        Some(lat_lon(add(o, scale(d, t))))
    }
}

/// The nearest distance along the ray (`o`, unit `d`) where it enters the
/// sphere of radius `r` about the centre.
pub fn sphere_hit(o: V3, d: V3, r: f64) -> Option<f64> {
    let b = dot(o, d);
    let c = dot(o, o) - r * r;
    let disc = b * b - c;
    if disc < 0.0 {
        return None;
    }
    let t = -b - disc.sqrt();
    (t > 0.0).then_some(t)
}

/// Great-circle angle between two points, degrees.
pub fn angle_deg(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p, q) = (unit(a.0, a.1), unit(b.0, b.1));
    norm(cross(p, q)).atan2(dot(p, q)).to_degrees()
}

/// A globe on screen: its camera, the fingers on it, and its picture size.
#[derive(Debug, Clone, PartialEq)]
pub struct Globe {
    /// Where the visitor looks from.
    pub camera: GlobeCamera,
    /// The fingers on the globe's picture.
    pub gestures: TouchGestures,
    /// The rendered picture's size, pixels.
    pub size: (u32, u32),
    /// The cut-away, if the globe has one.
    pub cut: Option<mesh::CutAway>,
    /// Counts changes of the cut-away's geometry or colours (the renderer
    /// rebuilds its meshes when it changes).
    pub shape_version: u32,
}

impl Globe {
    /// A globe `size` pixels on screen seen from `camera`.
    pub fn new(camera: GlobeCamera, size: (u32, u32)) -> Self {
        Self {
            camera,
            gestures: TouchGestures::default(),
            size,
            cut: None,
            shape_version: 0,
        }
    }

    /// The view as it is now.
    pub fn view(&self) -> GlobeView {
        self.camera.view(self.size.0, self.size.1)
    }

    /// A finger came down at picture pixel (`x`, `y`).
    pub fn down(&mut self, id: u64, x: f32, y: f32, now_s: f64) {
        self.gestures.down(id, x, y, now_s);
        self.camera.hold();
    }

    /// A finger moved: the globe turns or zooms.
    pub fn moved(&mut self, id: u64, x: f32, y: f32) {
        if let Some(g) = self.gestures.moved(id, x, y) {
            self.camera.apply(g, self.size.1 as f32);
        }
    }

    /// A finger came up: a tap (returned for the exhibit to answer), or
    /// the end of a turn (the globe spins on), or a double tap (home).
    pub fn up(&mut self, id: u64, now_s: f64) -> Option<(f32, f32)> {
        let g = self.gestures.up(id, now_s);
        if self.gestures.fingers() == 0 {
            self.camera.let_go();
        }
        match g {
            Some(Gesture::Tap(x, y)) => Some((x, y)),
            Some(other) => {
                self.camera.apply(other, self.size.1 as f32);
                None
            }
            None => None,
        }
    }

    /// A mouse wheel notch: zoom by a tenth in or out.
    pub fn wheel(&mut self, notches: f32) {
        let s = 1.1f32.powf(notches.clamp(-10.0, 10.0));
        self.camera
            .apply(Gesture::Pinch(s, 0.0, 0.0), self.size.1 as f32);
    }

    /// Forgets the fingers (the screen changed).
    pub fn release_all(&mut self) {
        self.gestures.clear();
        self.camera.let_go();
    }
}

/// What a kind's state that shows a globe lets the globe's screen reach.
pub trait OnGlobe {
    /// The globe.
    fn globe(&self) -> &Globe;
    /// The globe, to turn.
    fn globe_mut(&mut self) -> &mut Globe;
    /// The visitor tapped picture pixel (`x`, `y`) of the globe.
    fn tap(&mut self, x: f32, y: f32);
}

#[cfg(test)]
mod tests;

/// Draws the globe on the CPU, one ray per pixel, lit as the renderer
/// lights it: for the cards `quakehall art` draws (the hall itself renders
/// the globe through Bevy). `texture` is the equirectangular picture; the
/// cut-away's faces show its rings.
pub fn paint(
    texture: &crate::domain::draw::Canvas,
    camera: &GlobeCamera,
    cut: Option<&mesh::CutAway>,
    size: (u32, u32),
    background: crate::domain::draw::canvas::Rgba,
) -> crate::domain::draw::Canvas {
    use crate::domain::draw::canvas::Rgba;
    let (w, h) = size;
    let mut c = crate::domain::draw::Canvas::new(w, h, background);
    let v = camera.view(w, h);
    let light = normalize(add(
        add(scale(v.f, -1.0), scale(v.r, -0.6)),
        scale(v.u, 0.5),
    ));
    let srgb = |l: f32| {
        let l = l.clamp(0.0, 1.0);
        let s = if l <= 0.003_130_8 {
            l * 12.92
        } else {
            1.055 * l.powf(1.0 / 2.4) - 0.055
        };
        (s * 255.0).round() as u8
    };
    for y in 0..h {
        for x in 0..w {
            let (o, d) = v.ray(x as f64 + 0.5, y as f64 + 0.5);
            let hit = match cut {
                Some(cut) => cut.hit(o, d),
                None => sphere_hit(o, d, 1.0).map(|t| {
                    let (lat, lon) = lat_lon(add(o, scale(d, t)));
                    mesh::Hit::Surface(lat, lon)
                }),
            };
            let (col, normal) = match hit {
                None => continue,
                Some(mesh::Hit::Surface(lat, lon)) => {
                    let (tx, ty) = texture::texel(texture.width, texture.height, lat, lon);
                    let px = texture.pixel(
                        (tx as u32).min(texture.width - 1),
                        (ty as u32).min(texture.height - 1),
                    );
                    (px, unit(lat, lon))
                }
                Some(mesh::Hit::Face(r)) => {
                    let cut = cut.expect("a face is hit only with a cut");
                    let i = cut.ring_at(r).unwrap_or(0);
                    let l = cut.rings.get(i).map_or([0.5; 4], |r| r.1);
                    let col = Rgba(srgb(l[0]), srgb(l[1]), srgb(l[2]), 255);
                    // Either face: the one facing the eye.
                    let t0 = unit(0.0, cut.from_lon);
                    let n = [t0[2], 0.0, -t0[0]];
                    let n = if dot(n, d) < 0.0 { n } else { scale(n, -1.0) };
                    (col, n)
                }
            };
            let k = (0.35 + 0.75 * dot(normal, light).max(0.0)).min(1.15) as f32;
            let shade = |ch: u8| (ch as f32 * k).round().min(255.0) as u8;
            c.blend_pixel(
                x as i32,
                y as i32,
                Rgba(shade(col.0), shade(col.1), shade(col.2), 255),
                1.0,
            );
        }
    }
    c
}
