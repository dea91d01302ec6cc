//! Drawing the sand table: a CPU 3D view of the relief and the block's
//! sides ([`crate::domain::draw::view3d`]), the fronts shaded onto them,
//! the epicentre and the stations. A still view is re-shaded, not
//! re-rasterised; a moving one is drawn at half size.

use super::table::{BLOCK_DEPTH_KM, Flash, STATION_COLOURS, SandTable};
use super::terrain::smoothstep;
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::palette::{P_WAVE, S_WAVE};
use crate::domain::draw::view3d::{GROUND, OrbitCamera, Raster, Vertex};
use crate::domain::physics::taup::Wave;

/// Cells per side of the relief mesh.
const MESH: usize = 96;
/// Surface number of the block's sides in the raster.
const SIDE: u8 = 2;
/// Width of a front's band on the ground and the sides, km.
const BAND_KM: f32 = 1.4;
/// The sky behind the table, top and bottom.
const BACKGROUND: (Rgba, Rgba) = (Rgba::hex(0x0e2233), Rgba::hex(0x1d3b52));


/// One view of the table: its camera and the last picture drawn from it.
#[derive(Debug, Clone)]
pub struct TableView {
    /// Where it looks from.
    pub camera: OrbitCamera,
    /// The last picture (and what ground each pixel shows).
    pub raster: Raster,
    /// The camera and size the raster's surfaces were drawn for.
    pub(super) geometry: Option<(OrbitCamera, u32, u32)>,
    /// The picture of that view without waves, RGBA per pixel.
    still: Vec<u8>,
    /// The picture at the size asked for (the raster doubled while the
    /// view moves).
    picture: Canvas,
}

impl TableView {
    /// A view from `camera`, nothing drawn yet.
    pub fn new(camera: OrbitCamera) -> Self {
        Self {
            camera,
            raster: Raster::new(1, 1, Rgba::hex(0)),
            geometry: None,
            still: Vec::new(),
            picture: Canvas::new(1, 1, Rgba::hex(0)),
        }
    }

    /// The last picture drawn, at the size asked for.
    pub fn picture(&self) -> &Canvas {
        &self.picture
    }

    /// The ground point (x, y km) at pixel (`x`, `y`) of the picture.
    pub fn ground_at(&self, x: f32, y: f32) -> Option<[f32; 2]> {
        let k = self.raster.canvas.width as f32 / self.picture.width.max(1) as f32;
        self.raster.ground_at(x * k, y * k)
    }
}

impl SandTable {
    /// Draws the table as the visitor's view sees it into a `w` by `h`
    /// picture (kept in the view's raster).
    pub fn draw(&mut self, w: u32, h: u32) {
        let placeholder = TableView::new(self.view.camera);
        let mut view = std::mem::replace(&mut self.view, placeholder);
        self.render(&mut view, w, h);
        self.view = view;
    }

    /// A view straight down on the whole table (for a projector over a
    /// physical sand table).
    pub fn top_view(&self) -> TableView {
        let (w, h) = self.size_km;
        let mut camera = OrbitCamera::new(0.0, 90.0, 1.0, [w / 2.0, h / 2.0, 0.0]);
        camera.fov_deg = 20.0;
        // Far enough for the whole table to fit the height of a 16:9 picture.
        camera.distance = h.max(w * 9.0 / 16.0) / 2.0 / (10f32).to_radians().tan() * 1.08;
        TableView::new(camera)
    }

    /// Draws the table as `view` sees it into a `w` by `h` picture. The
    /// relief is rasterised again only when the view has moved; otherwise
    /// the picture is re-shaded.
    /// While the view moves (its camera differs from the last picture's)
    /// it is drawn at half the size and doubled: turning the table stays
    /// smooth, and the first still frame is drawn sharp again.
    pub fn render(&self, view: &mut TableView, w: u32, h: u32) {
        let moving = view.geometry.is_some_and(|(cam, ..)| cam != view.camera);
        let (out_w, out_h) = (w, h);
        let (w, h) = if moving {
            ((w / 2).max(1), (h / 2).max(1))
        } else {
            (w, h)
        };
        let key = (view.camera, w, h);
        if view.geometry != Some(key) {
            self.rasterise(view, w, h);
            view.geometry = Some(key);
        }
        let t = self.quake.as_ref().map(|q| q.clock_s).unwrap_or(0.0);
        let (rp, rs, (qx, qy), (sp, ss, qz)) = match &self.quake {
            Some(q) => (
                q.fronts.surface_radius(Wave::P, t).map(|r| r as f32),
                q.fronts.surface_radius(Wave::S, t).map(|r| r as f32),
                q.xy,
                (
                    Some(q.fronts.sphere_radius(Wave::P, t) as f32),
                    Some(q.fronts.sphere_radius(Wave::S, t) as f32),
                    q.depth_km as f32,
                ),
            ),
            None => (None, None, (f32::NAN, f32::NAN), (None, None, 0.0)),
        };
        let band = |d: f32, r: Option<f32>| -> f32 {
            match r {
                Some(r) => 1.0 - smoothstep(BAND_KM * 0.5, BAND_KM, (d - r).abs()),
                None => 0.0,
            }
        };
        // The warm tint behind the S front fades over tens of kilometres:
        // tabulated every quarter kilometre rather than an exp per pixel.
        const TINT_STEP_KM: f32 = 0.25;
        let tint: Vec<f32> = (0..600)
            .map(|k| 0.35 * (-(k as f32 * TINT_STEP_KM) / 25.0).exp())
            .collect();
        let overlay = |mut c: [f32; 3], d: f32, rp: Option<f32>, rs: Option<f32>| {
            let d = if d.is_finite() { d } else { 1e9 };
            // Behind the S front the ground is shaking: a warm tint.
            if let Some(r) = rs
                && d < r
            {
                let k = tint
                    .get(((r - d) / TINT_STEP_KM) as usize)
                    .copied()
                    .unwrap_or(0.0);
                c = [0, 1, 2].map(|i| c[i] + ([255.0, 150.0, 80.0][i] - c[i]) * k);
            }
            for (k, col) in [(band(d, rp), P_WAVE), (band(d, rs), S_WAVE)] {
                if k > 0.0 {
                    let col = [col.0 as f32, col.1 as f32, col.2 as f32];
                    c = [0, 1, 2].map(|i| c[i] + (col[i] - c[i]) * k * 0.9);
                }
            }
            c.map(|v| v.clamp(0.0, 255.0) as u8)
        };
        let still = &view.still;
        // P is always ahead of S: nothing changes beyond the P front.
        let reach = rp.map(|r| r + BAND_KM).unwrap_or(-1.0);
        let sphere_reach = sp.map(|r| r + BAND_KM).unwrap_or(-1.0);
        view.raster
            .shade(BACKGROUND.0, BACKGROUND.1, |i, surface, a| {
                let c = [still[i * 4], still[i * 4 + 1], still[i * 4 + 2]];
                if surface == GROUND {
                    let d = (a[0] - qx).hypot(a[1] - qy);
                    if d.is_nan() || d > reach {
                        return c;
                    }
                    overlay(c.map(f32::from), d, rp, rs)
                } else {
                    let depth = (-a[2]).max(0.0);
                    let r = (a[0] - qx).hypot(a[1] - qy).hypot(depth - qz);
                    if r.is_nan() || r > sphere_reach {
                        return c;
                    }
                    overlay(c.map(f32::from), r, sp, ss)
                }
            });
        self.draw_markers(&view.camera, &mut view.raster);
        let src = &view.raster.canvas;
        if src.width == out_w && src.height == out_h {
            view.picture.clone_from(src);
        } else {
            if view.picture.width != out_w || view.picture.height != out_h {
                view.picture = Canvas::new(out_w, out_h, Rgba::hex(0));
            }
            let (sw, sh) = (src.width as usize, src.height as usize);
            let ow = out_w as usize;
            for y in 0..out_h as usize {
                let sy = (y * sh / out_h as usize).min(sh - 1);
                for x in 0..ow {
                    let sx = (x * sw / ow).min(sw - 1);
                    let (i, j) = ((y * ow + x) * 4, (sy * sw + sx) * 4);
                    view.picture.rgba[i..i + 4].copy_from_slice(&src.rgba[j..j + 4]);
                }
            }
        }
    }

    /// Rasterises the relief and the block's sides for the current view.
    fn rasterise(&self, view: &mut TableView, w: u32, h: u32) {
        if view.raster.canvas.width != w || view.raster.canvas.height != h {
            view.raster = Raster::new(w, h, Rgba::hex(0));
        }
        let raster = &mut view.raster;
        raster.clear();
        let proj = view.camera.projector(w, h);
        let (sw, sh) = self.size_km;
        let n = MESH + 1;
        let mut verts = Vec::with_capacity(n * n);
        for j in 0..n {
            for i in 0..n {
                let (x, y) = (i as f32 / MESH as f32 * sw, j as f32 / MESH as f32 * sh);
                verts.push(
                    proj.project([x, y, self.relief.surface_z(x, y)])
                        .map(|(px, py, z)| Vertex {
                            x: px,
                            y: py,
                            z,
                            attr: [x, y, 0.0, 0.0],
                        }),
                );
            }
        }
        for j in 0..MESH {
            for i in 0..MESH {
                let k = j * n + i;
                let (Some(a), Some(b), Some(c), Some(d)) =
                    (verts[k], verts[k + 1], verts[k + n], verts[k + n + 1])
                else {
                    continue;
                };
                raster.triangle([a, b, d], GROUND);
                raster.triangle([a, d, c], GROUND);
            }
        }
        // The four sides of the block, each lit a little differently.
        let rows = 10;
        for (corner0, corner1, light) in [
            ((0.0, 0.0), (sw, 0.0), 1.0),
            ((sw, 0.0), (sw, sh), 0.8),
            ((sw, sh), (0.0, sh), 0.6),
            ((0.0, sh), (0.0, 0.0), 0.9),
        ] {
            let col = |k: usize, row: usize| {
                let f = k as f32 / MESH as f32;
                let x = corner0.0 + (corner1.0 - corner0.0) * f;
                let y = corner0.1 + (corner1.1 - corner0.1) * f;
                let top = self.relief.surface_z(x, y);
                let g = row as f32 / rows as f32;
                let z = top + (-BLOCK_DEPTH_KM - top) * g;
                let true_z = if g == 0.0 { 0.0 } else { z.min(0.0) };
                proj.project([x, y, z]).map(|(px, py, pz)| Vertex {
                    x: px,
                    y: py,
                    z: pz,
                    attr: [x, y, true_z, light],
                })
            };
            for k in 0..MESH {
                for row in 0..rows {
                    let (Some(a), Some(b), Some(c), Some(d)) = (
                        col(k, row),
                        col(k + 1, row),
                        col(k, row + 1),
                        col(k + 1, row + 1),
                    ) else {
                        continue;
                    };
                    // Only the sides facing the camera.
                    if (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) < 0.0 {
                        continue;
                    }
                    raster.triangle([a, b, d], SIDE);
                    raster.triangle([a, d, c], SIDE);
                }
            }
        }
        // The colours without waves: relief and rock layers.
        let (relief, layers) = (&self.relief, &self.layers);
        raster.shade(BACKGROUND.0, BACKGROUND.1, |_, surface, a| {
            if surface == GROUND {
                relief.colour_at(a[0], a[1])
            } else {
                let depth = (-a[2]).max(0.0);
                let layer = layers.iter().filter(|&&d| depth > d).count();
                [
                    [181.0, 154.0, 106.0],
                    [150.0, 120.0, 96.0],
                    [118.0, 96.0, 86.0],
                ][layer.min(2)]
                .map(|v: f32| (v * a[3]) as u8)
            }
        });
        view.still.clone_from(&raster.canvas.rgba);
    }

    fn draw_markers(&self, camera: &OrbitCamera, raster: &mut Raster) {
        let proj = camera.projector(raster.canvas.width, raster.canvas.height);
        let scale = raster.canvas.height as f32 / 480.0;
        if let Some(q) = &self.quake {
            let (x, y) = q.xy;
            if let Some((px, py, _)) = proj.project([x, y, self.relief.surface_z(x, y)]) {
                let c = &mut raster.canvas;
                let pulse = (q.clock_s * 2.0).fract() as f32;
                if q.clock_s < 3.0 {
                    c.ring(
                        px,
                        py,
                        scale * (6.0 + 14.0 * pulse),
                        2.0 * scale,
                        Rgba::hex(0xff3b30).alpha(((1.0 - pulse) * 255.0) as u8),
                    );
                }
                epicentre_mark(c, px, py, 9.0 * scale, Rgba::hex(0xff3b30));
            }
        }
        for (i, st) in self.stations.iter().enumerate() {
            let (x, y) = st.xy;
            let ground = self.relief.surface_z(x, y);
            let Some((bx, by, bz)) = proj.project([x, y, ground]) else {
                continue;
            };
            let Some((tx, ty, _)) = proj.project([x, y, ground + 4.0]) else {
                continue;
            };
            let hidden = raster.hidden(bx, by, bz, 1.5);
            let colour = STATION_COLOURS[i % STATION_COLOURS.len()];
            let c = &mut raster.canvas;
            let alpha = if hidden { 110 } else { 255 };
            c.stroke(
                &[(bx, by), (tx, ty)],
                2.0 * scale,
                Rgba::hex(0xf4f1ea).alpha(alpha),
            );
            let r = if i == 0 { 8.0 } else { 6.5 } * scale;
            match self.flash(i) {
                Flash::P(k) => {
                    c.fill_circle(
                        tx,
                        ty,
                        r * (1.0 + 1.2 * k),
                        P_WAVE.alpha((255.0 * k) as u8),
                    );
                }
                Flash::S(k) => {
                    c.fill_circle(
                        tx,
                        ty,
                        r * (1.0 + 1.8 * k),
                        S_WAVE.alpha((255.0 * k) as u8),
                    );
                    c.ring(
                        tx,
                        ty,
                        r * (1.5 + 2.5 * (1.0 - k)),
                        2.0 * scale,
                        S_WAVE.alpha((200.0 * k) as u8),
                    );
                }
                _ => {}
            }
            c.fill_circle(tx, ty, r + 1.5 * scale, Rgba::hex(0x10202c).alpha(alpha));
            c.fill_circle(tx, ty, r, colour.alpha(alpha));
            if i == 0 {
                c.fill_circle(tx, ty, r * 0.4, Rgba::hex(0xffffff).alpha(alpha));
            }
        }
    }
}

/// The epicentre: a star outlined in white, to stand out on any ground.
fn epicentre_mark(c: &mut Canvas, x: f32, y: f32, r: f32, col: Rgba) {
    let pts: Vec<(f32, f32)> = (0..10)
        .map(|k| {
            let a = std::f32::consts::PI * (k as f32 / 5.0) - std::f32::consts::FRAC_PI_2;
            let rr = if k % 2 == 0 { r } else { r * 0.45 };
            (x + rr * a.cos(), y + rr * a.sin())
        })
        .collect();
    c.fill_polygon(&pts, Rgba::hex(0xffffff));
    let inner: Vec<(f32, f32)> = pts
        .iter()
        .map(|&(px, py)| (x + (px - x) * 0.72, y + (py - y) * 0.72))
        .collect();
    c.fill_polygon(&inner, col);
}


#[cfg(test)]
mod tests {
    use super::super::card::example_params;
    use super::*;

    fn params() -> super::super::SandTableParams {
        example_params()
    }

    #[test]
    fn the_top_view_shows_the_whole_table_from_straight_above() {
        let mut t = SandTable::new(&params()).unwrap();
        t.quake_at(29.70, 106.30);
        let mut top = t.top_view();
        let proj = top.camera.projector(960, 540);
        let (w, h) = t.size_km;
        for corner in [[0.0, 0.0, 0.0], [w, 0.0, 0.0], [0.0, h, 0.0], [w, h, 0.0]] {
            let (x, y, _) = proj.project(corner).unwrap();
            assert!(
                x > 0.0 && x < 960.0 && y > 0.0 && y < 540.0,
                "{corner:?} at {x} {y}"
            );
        }
        // North is up: the north-west corner is above the south-west one.
        assert!(proj.project([0.0, h, 0.0]).unwrap().1 < proj.project([0.0, 0.0, 0.0]).unwrap().1);
        t.render(&mut top, 960, 540);
        assert_eq!(top.picture().width, 960);
        // The visitor's view is untouched.
        assert_eq!(t.view.picture().width, 1);
    }

    #[test]
    fn the_picture_shows_the_relief_the_rings_and_the_records() {
        let mut t = SandTable::new(&params()).unwrap();
        t.quake_at(29.70, 106.30);
        let a = t.stations[0].arrival.clone().unwrap();
        t.advance(a.p_s + 0.2);
        t.draw(320, 200);
        let c = t.view.picture();
        let count = |f: &dyn Fn(Rgba) -> bool| {
            (0..c.height)
                .flat_map(|y| (0..c.width).map(move |x| (x, y)))
                .filter(|&(x, y)| f(c.pixel(x, y)))
                .count()
        };
        let green = count(&|p| p.1 > p.0 && p.1 as u16 > p.2 as u16 + 20);
        let ring = count(&|p| p.0 > 230 && p.1 > 220 && p.2 > 170);
        assert!(green > 5000, "relief drawn: {green}");
        assert!(ring > 50, "P ring drawn: {ring}");
        let mut rec = Canvas::new(300, 60, Rgba::hex(0));
        t.draw_record(0, &mut rec);
        let drawn = (0..60)
            .filter(|&y| rec.pixel(10, y) != Rgba::hex(0))
            .count();
        assert!(drawn >= 3, "three traces: {drawn}");
    }
}
