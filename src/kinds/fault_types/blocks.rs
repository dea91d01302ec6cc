//! Two blocks of rock cut by a fault, drawn in 3D on the CPU
//! ([`crate::domain::draw::view3d`]): the footwall stays, the hanging wall
//! (for a strike-slip fault, the east block) moves along the fault plane
//! as the visitor drags it, in the direction the fault's type allows:
//!
//! - normal fault: the hanging wall slides down the dip (pulled apart);
//! - reverse fault: it is pushed up the dip (squeezed);
//! - strike-slip fault: the blocks slide horizontally along the strike
//!   (left-lateral here, as the Kunlun fault of the 2001 M7.8 Kokoxili
//!   quake: across the fault, the far side moves to the left).
//!
//! World units: x east, y north, z up; the fault strikes north and (when
//! it dips) dips east, so the hanging wall is the eastern block.

use serde::{Deserialize, Serialize};

use crate::domain::draw::canvas::{Canvas, Pt, Rgba};
use crate::domain::draw::view3d::{OrbitCamera, Raster, Vertex};
use crate::domain::touch::{Gesture, TouchGestures};

/// Half the blocks' width across the fault.
pub const HALF_W: f64 = 3.2;
/// Half their length along the fault.
pub const HALF_L: f64 = 2.0;
/// Their depth.
pub const DEPTH: f64 = 2.0;
/// The farthest the hanging wall slides.
pub const MAX_SLIP: f64 = 1.1;
/// The picture, pixels.
pub const PICTURE: (u32, u32) = (800, 600);

/// How a fault moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FaultKind {
    /// Pulled apart: the hanging wall moves down.
    Normal,
    /// Pushed together: the hanging wall moves up.
    Reverse,
    /// Sheared: the blocks slide past each other horizontally.
    StrikeSlip,
}

impl FaultKind {
    /// The dip a fault of this kind is drawn with by default, degrees.
    pub fn typical_dip(self) -> f64 {
        match self {
            FaultKind::Normal => 60.0,
            FaultKind::Reverse => 40.0,
            FaultKind::StrikeSlip => 90.0,
        }
    }
}

/// One fault shown: its kind and dip.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fault {
    /// How it moves.
    pub kind: FaultKind,
    /// Dip of its plane from the horizontal, degrees (90 for strike-slip).
    pub dip_deg: f64,
}

type V3 = [f64; 3];

impl Fault {
    /// The unit direction the hanging wall (east block) moves in.
    pub fn slip_direction(&self) -> V3 {
        let d = self.dip_deg.to_radians();
        match self.kind {
            // Down the dip: east and down.
            FaultKind::Normal => [d.cos(), 0.0, -d.sin()],
            FaultKind::Reverse => [-d.cos(), 0.0, d.sin()],
            // Left-lateral: seen from the west block, the east block moves
            // left, i.e. north.
            FaultKind::StrikeSlip => [0.0, 1.0, 0.0],
        }
    }

    /// Where the fault plane meets the bottom of the blocks (x), the top
    /// meeting it at x = 0.
    fn bottom_x(&self) -> f64 {
        if self.dip_deg >= 89.99 {
            0.0
        } else {
            DEPTH / self.dip_deg.to_radians().tan()
        }
    }

    /// The blocks' cross-sections in the x-z plane: footwall, hanging wall.
    pub fn sections(&self) -> [[(f64, f64); 4]; 2] {
        let b = self.bottom_x();
        [
            [(-HALF_W, 0.0), (0.0, 0.0), (b, -DEPTH), (-HALF_W, -DEPTH)],
            [(0.0, 0.0), (HALF_W, 0.0), (HALF_W, -DEPTH), (b, -DEPTH)],
        ]
    }
}

/// The faults' blocks as a visitor plays with them.
#[derive(Debug, Clone)]
pub struct Blocks {
    /// The fault shown.
    pub fault: Fault,
    /// How far the hanging wall has moved along [`Fault::slip_direction`].
    pub slip: f64,
    /// The fixed view.
    pub camera: OrbitCamera,
    /// The fingers on the picture.
    pub gestures: TouchGestures,
    raster: Raster,
    drawn: Option<(Fault, f64)>,
}

/// Rock colours of the layers, from the top down (a band every 0.4).
const STRATA: [Rgba; 5] = [
    Rgba::hex(0xc9a66b),
    Rgba::hex(0x9c6b43),
    Rgba::hex(0xd8c49a),
    Rgba::hex(0x7d5a45),
    Rgba::hex(0xb38a5a),
];
const GRASS: Rgba = Rgba::hex(0x6f9a4a);
const SKY: (Rgba, Rgba) = (Rgba::hex(0x10283c), Rgba::hex(0x1f4058));
/// The stress arrows' colours: pull, push, shear.
pub const PULL: Rgba = Rgba::hex(0x6fd3ff);
/// Push.
pub const PUSH: Rgba = Rgba::hex(0xff8a3d);
/// Shear.
pub const SHEAR: Rgba = Rgba::hex(0xffd84a);

impl Blocks {
    /// The blocks of `fault`, at rest.
    pub fn new(fault: Fault) -> Self {
        let (w, h) = PICTURE;
        Self {
            fault,
            slip: 0.0,
            camera: OrbitCamera::new(-30.0, 28.0, 11.5, [0.4, 0.0, -0.9]),
            gestures: TouchGestures::default(),
            raster: Raster::new(w, h, SKY.0),
            drawn: None,
        }
    }

    /// Shows `fault`, at rest.
    pub fn show(&mut self, fault: Fault) {
        self.fault = fault;
        self.slip = 0.0;
        self.gestures.clear();
    }

    /// Where the hanging wall (east block) has moved to.
    pub fn offset(&self) -> V3 {
        let d = self.fault.slip_direction();
        [d[0] * self.slip, d[1] * self.slip, d[2] * self.slip]
    }

    /// The screen direction, pixels per unit of slip, in which dragging
    /// moves the hanging wall.
    pub fn drag_axis(&self) -> (f64, f64) {
        let p = self.camera.projector(PICTURE.0, PICTURE.1);
        let c = [HALF_W as f32 / 2.0, 0.0, 0.0];
        let d = self.fault.slip_direction();
        let e = [c[0] + d[0] as f32, c[1] + d[1] as f32, c[2] + d[2] as f32];
        match (p.project(c), p.project(e)) {
            (Some(a), Some(b)) => ((b.0 - a.0) as f64, (b.1 - a.1) as f64),
            _ => (1.0, 0.0),
        }
    }

    /// A finger dragged by (`dx`, `dy`) pixels: the hanging wall follows
    /// the part of the drag along its direction, within its travel.
    pub fn drag(&mut self, dx: f64, dy: f64) {
        let (ax, ay) = self.drag_axis();
        let len2 = ax * ax + ay * ay;
        if len2 < 1e-9 || !(dx.is_finite() && dy.is_finite()) {
            return;
        }
        let ds = (dx * ax + dy * ay) / len2;
        self.slip = (self.slip + ds).clamp(0.0, MAX_SLIP);
    }

    /// A pointer went down, moved or came up (picture pixels).
    pub fn down(&mut self, id: u64, x: f32, y: f32, now_s: f64) {
        self.gestures.down(id, x, y, now_s);
    }

    /// A pointer moved.
    pub fn moved(&mut self, id: u64, x: f32, y: f32) {
        if let Some(Gesture::Orbit(dx, dy)) = self.gestures.moved(id, x, y) {
            self.drag(dx as f64, dy as f64);
        }
    }

    /// A pointer came up.
    pub fn up(&mut self, id: u64, now_s: f64) {
        self.gestures.up(id, now_s);
    }

    /// Whether the picture shows something else than the blocks now.
    pub fn stale(&self) -> bool {
        self.drawn != Some((self.fault, self.slip))
    }

    /// Where world point `p` is on the picture, as a fraction of its size.
    pub fn fraction(&self, p: V3) -> Option<(f64, f64)> {
        let pr = self.camera.projector(PICTURE.0, PICTURE.1);
        let (x, y, _) = pr.project([p[0] as f32, p[1] as f32, p[2] as f32])?;
        Some((x as f64 / PICTURE.0 as f64, y as f64 / PICTURE.1 as f64))
    }

    /// The middle of each block's top, where its name goes: footwall,
    /// hanging wall.
    pub fn label_points(&self) -> [V3; 2] {
        let o = self.offset();
        [
            [-HALF_W * 0.55, -HALF_L * 0.4, 0.0],
            [HALF_W * 0.6 + o[0], -HALF_L * 0.4 + o[1], o[2]],
        ]
    }

    /// Draws the blocks, the stress arrows and (at rest) the way to drag.
    pub fn draw(&mut self, canvas: &mut Canvas) {
        let (w, h) = (canvas.width, canvas.height);
        if self.raster.canvas.width != w || self.raster.canvas.height != h {
            self.raster = Raster::new(w, h, SKY.0);
        }
        self.raster.clear();
        let p = self.camera.projector(w, h);
        let eye = self.camera.eye();
        let sections = self.fault.sections();
        let offsets = [[0.0; 3], self.offset()];
        for (i, sec) in sections.iter().enumerate() {
            let o = offsets[i];
            // The prism's faces: two caps, four sides.
            let mut quads: Vec<[V3; 4]> = Vec::new();
            let at = |(x, z): (f64, f64), y: f64| [x, y, z];
            let s = |y: f64| sec.map(|q| at(q, y));
            let (south, north) = (s(-HALF_L), s(HALF_L));
            // Wound so that (q1 - q0) x (q3 - q0) points out of the block.
            quads.push([south[3], south[2], south[1], south[0]]);
            quads.push(north);
            for k in 0..4 {
                let k2 = (k + 1) % 4;
                quads.push([south[k], south[k2], north[k2], north[k]]);
            }
            for q in quads {
                self.quad(&p, eye, q, o, i as u8 + 1);
            }
        }
        self.raster.shade(SKY.0, SKY.1, |_, _, a| {
            let base = if a[2] > 0.5 {
                GRASS
            } else {
                let band = ((-a[0]) / 0.4).floor().max(0.0) as usize;
                STRATA[band % STRATA.len()]
            };
            let k = a[1].clamp(0.0, 1.3);
            [
                (base.0 as f32 * k).min(255.0) as u8,
                (base.1 as f32 * k).min(255.0) as u8,
                (base.2 as f32 * k).min(255.0) as u8,
            ]
        });
        canvas.rgba.copy_from_slice(&self.raster.canvas.rgba);
        self.draw_arrows(canvas);
        self.drawn = Some((self.fault, self.slip));
    }

    /// One face, cut into small triangles so that the layers' bands
    /// (interpolated on screen) stay straight.
    fn quad(
        &mut self,
        p: &crate::domain::draw::view3d::Projector,
        eye: [f32; 3],
        q: [V3; 4],
        o: V3,
        surface: u8,
    ) {
        let sub = |a: V3, b: V3| [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
        let cr = |a: V3, b: V3| {
            [
                a[1] * b[2] - a[2] * b[1],
                a[2] * b[0] - a[0] * b[2],
                a[0] * b[1] - a[1] * b[0],
            ]
        };
        let n = cr(sub(q[1], q[0]), sub(q[3], q[0]));
        let len = (n[0] * n[0] + n[1] * n[1] + n[2] * n[2]).sqrt();
        if len < 1e-9 {
            return;
        }
        let n = [n[0] / len, n[1] / len, n[2] / len];
        // Faces turned away from the eye are not drawn.
        let c = [
            (q[0][0] + q[2][0]) / 2.0 + o[0],
            (q[0][1] + q[2][1]) / 2.0 + o[1],
            (q[0][2] + q[2][2]) / 2.0 + o[2],
        ];
        let to_eye = [eye[0] as f64 - c[0], eye[1] as f64 - c[1], eye[2] as f64 - c[2]];
        if n[0] * to_eye[0] + n[1] * to_eye[1] + n[2] * to_eye[2] <= 0.0 {
            return;
        }
        let light = [0.35, -0.6, 0.72];
        let lk = 0.55 + 0.6 * (n[0] * light[0] + n[1] * light[1] + n[2] * light[2]).max(0.0);
        let top = if n[2] > 0.9 { 1.0 } else { 0.0 };
        const N: usize = 8;
        let lerp = |a: V3, b: V3, t: f64| {
            [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
        };
        let point = |u: f64, v: f64| lerp(lerp(q[0], q[1], u), lerp(q[3], q[2], u), v);
        let vert = |w: V3| -> Option<Vertex> {
            let (x, y, z) = p.project([(w[0] + o[0]) as f32, (w[1] + o[1]) as f32, (w[2] + o[2]) as f32])?;
            // The layers are the rock's own: they move with the block.
            Some(Vertex { x, y, z, attr: [w[2] as f32, lk as f32, top, 0.0] })
        };
        for i in 0..N {
            for j in 0..N {
                let (u0, u1) = (i as f64 / N as f64, (i + 1) as f64 / N as f64);
                let (v0, v1) = (j as f64 / N as f64, (j + 1) as f64 / N as f64);
                let (Some(a), Some(b), Some(c), Some(d)) = (
                    vert(point(u0, v0)),
                    vert(point(u1, v0)),
                    vert(point(u1, v1)),
                    vert(point(u0, v1)),
                ) else {
                    continue;
                };
                self.raster.triangle([a, b, c], surface);
                self.raster.triangle([a, c, d], surface);
            }
        }
    }

    fn arrow(&self, canvas: &mut Canvas, from: V3, to: V3, col: Rgba, width: f32) {
        let p = self.camera.projector(canvas.width, canvas.height);
        let f = |v: V3| p.project([v[0] as f32, v[1] as f32, v[2] as f32]).map(|(x, y, _)| (x, y));
        let (Some(a), Some(b)) = (f(from), f(to)) else { return };
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = dx.hypot(dy);
        if len < 1.0 {
            return;
        }
        let (ux, uy) = (dx / len, dy / len);
        let head = (width * 3.2).min(len * 0.6);
        let base = (b.0 - ux * head, b.1 - uy * head);
        canvas.stroke(&[a, base], width, col);
        let tri: [Pt; 3] = [
            b,
            (base.0 - uy * head * 0.6, base.1 + ux * head * 0.6),
            (base.0 + uy * head * 0.6, base.1 - ux * head * 0.6),
        ];
        canvas.fill_polygon(&tri, col);
    }

    fn draw_arrows(&self, canvas: &mut Canvas) {
        let z = -DEPTH * 0.45;
        let (a, b) = (HALF_W + 0.3, HALF_W + 1.6);
        match self.fault.kind {
            FaultKind::Normal => {
                self.arrow(canvas, [-a, -HALF_L, z], [-b, -HALF_L, z], PULL, 9.0);
                let o = self.offset();
                self.arrow(canvas, [a + o[0], -HALF_L, z + o[2]], [b + o[0], -HALF_L, z + o[2]], PULL, 9.0);
            }
            FaultKind::Reverse => {
                self.arrow(canvas, [-b, -HALF_L, z], [-a, -HALF_L, z], PUSH, 9.0);
                let o = self.offset();
                self.arrow(canvas, [b + o[0], -HALF_L, z + o[2]], [a + o[0], -HALF_L, z + o[2]], PUSH, 9.0);
            }
            FaultKind::StrikeSlip => {
                let o = self.offset();
                self.arrow(canvas, [-HALF_W * 0.5, 0.9, 0.02], [-HALF_W * 0.5, -0.9, 0.02], SHEAR, 9.0);
                self.arrow(
                    canvas,
                    [HALF_W * 0.5, -0.9 + o[1], 0.02],
                    [HALF_W * 0.5, 0.9 + o[1], 0.02],
                    SHEAR,
                    9.0,
                );
            }
        }
        if self.slip < 0.05 {
            // At rest: the way to drag, a white arrow along the slip.
            let d = self.fault.slip_direction();
            let c = match self.fault.kind {
                FaultKind::StrikeSlip => [HALF_W * 0.5, -HALF_L, -DEPTH * 0.5],
                _ => [HALF_W * 0.6, -HALF_L, 0.05],
            };
            let e = [c[0] + d[0] * 0.9, c[1] + d[1] * 0.9, c[2] + d[2] * 0.9];
            self.arrow(canvas, c, e, Rgba::hex(0xffffff), 6.0);
        }
    }
}
