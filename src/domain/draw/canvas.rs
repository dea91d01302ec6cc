//! A small anti-aliased rasteriser for the project's own illustrations:
//! filled polygons by scanline coverage, strokes, circles and gradients.
//! Enough to draw clear diagrams without shipping anyone else's pictures.

/// An RGBA colour, 0-255 per channel, straight (not premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    /// An opaque colour from `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Self {
        Rgba((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8, 255)
    }

    /// The same colour with alpha `a`.
    pub const fn alpha(self, a: u8) -> Self {
        Rgba(self.0, self.1, self.2, a)
    }

    /// Linear mix: `t = 0` gives `self`, `t = 1` gives `other`.
    pub fn mix(self, other: Rgba, t: f32) -> Rgba {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| (a as f32 + (b as f32 - a as f32) * t).round() as u8;
        Rgba(
            m(self.0, other.0),
            m(self.1, other.1),
            m(self.2, other.2),
            m(self.3, other.3),
        )
    }
}

/// A 2D point in pixels.
pub type Pt = (f32, f32);

/// An RGBA image being drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Canvas {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels, row by row, 4 bytes each.
    pub rgba: Vec<u8>,
}

const SUB: usize = 4;

impl Canvas {
    /// A canvas filled with `bg`.
    pub fn new(width: u32, height: u32, bg: Rgba) -> Self {
        let mut rgba = Vec::with_capacity((width * height * 4) as usize);
        for _ in 0..width * height {
            rgba.extend_from_slice(&[bg.0, bg.1, bg.2, bg.3]);
        }
        Self {
            width,
            height,
            rgba,
        }
    }

    /// Fills the whole canvas with `bg`, as [`Canvas::new`] does, keeping
    /// its memory (for pictures redrawn every frame).
    pub fn clear(&mut self, bg: Rgba) {
        for px in self.rgba.chunks_exact_mut(4) {
            px.copy_from_slice(&[bg.0, bg.1, bg.2, bg.3]);
        }
    }

    /// The pixel at (`x`, `y`).
    pub fn pixel(&self, x: u32, y: u32) -> Rgba {
        let i = ((y * self.width + x) * 4) as usize;
        Rgba(
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        )
    }

    fn blend(&mut self, x: usize, y: usize, c: Rgba, coverage: f32) {
        let a = (c.3 as f32 / 255.0) * coverage.clamp(0.0, 1.0);
        if a <= 0.0 {
            return;
        }
        let i = (y * self.width as usize + x) * 4;
        let p = &mut self.rgba[i..i + 4];
        let dst_a = p[3] as f32 / 255.0;
        let out_a = a + dst_a * (1.0 - a);
        for (k, src) in [c.0, c.1, c.2].into_iter().enumerate() {
            let v = (src as f32 * a + p[k] as f32 * dst_a * (1.0 - a)) / out_a.max(1e-6);
            p[k] = v.round().clamp(0.0, 255.0) as u8;
        }
        p[3] = (out_a * 255.0).round() as u8;
    }

    /// Fills the polygon `pts` (even-odd rule) with `c`, anti-aliased.
    pub fn fill_polygon(&mut self, pts: &[Pt], c: Rgba) {
        self.fill_polygons(&[pts.to_vec()], c);
    }

    /// Fills several polygons as one shape (even-odd: inner rings make holes).
    pub fn fill_polygons(&mut self, rings: &[Vec<Pt>], c: Rgba) {
        let edges: Vec<(Pt, Pt)> = rings
            .iter()
            .filter(|r| r.len() >= 3)
            .flat_map(|r| (0..r.len()).map(move |i| (r[i], r[(i + 1) % r.len()])))
            .filter(|(a, b)| a.1 != b.1)
            .collect();
        if edges.is_empty() {
            return;
        }
        let ymin = edges
            .iter()
            .map(|(a, b)| a.1.min(b.1))
            .fold(f32::INFINITY, f32::min);
        let ymax = edges
            .iter()
            .map(|(a, b)| a.1.max(b.1))
            .fold(f32::NEG_INFINITY, f32::max);
        let y0 = ymin.floor().max(0.0) as usize;
        let y1 = (ymax.ceil().max(0.0) as usize).min(self.height as usize);
        let w = self.width as usize;
        let mut cover = vec![0f32; w + 2];
        let mut xs: Vec<f32> = Vec::new();
        for y in y0..y1 {
            // Only the columns this row touched are non-zero (cleared below).
            let (mut lo, mut hi) = (w, 0usize);
            for s in 0..SUB {
                let sy = y as f32 + (s as f32 + 0.5) / SUB as f32;
                xs.clear();
                for &((ax, ay), (bx, by)) in &edges {
                    if (sy >= ay.min(by)) && (sy < ay.max(by)) {
                        xs.push(ax + (sy - ay) * (bx - ax) / (by - ay));
                    }
                }
                xs.sort_by(|a, b| a.total_cmp(b));
                for pair in xs.chunks_exact(2) {
                    let (xa, xb) = (pair[0].clamp(0.0, w as f32), pair[1].clamp(0.0, w as f32));
                    if xa.is_nan() || xb.is_nan() || xb <= xa {
                        continue;
                    }
                    let (ia, ib) = (xa.floor() as usize, xb.floor() as usize);
                    lo = lo.min(ia);
                    hi = hi.max(ib + 1);
                    let wgt = 1.0 / SUB as f32;
                    if ia == ib {
                        cover[ia] += (xb - xa) * wgt;
                    } else {
                        cover[ia] += (ia as f32 + 1.0 - xa) * wgt;
                        for v in &mut cover[ia + 1..ib] {
                            *v += wgt;
                        }
                        cover[ib] += (xb - ib as f32) * wgt;
                    }
                }
            }
            for (x, &cov) in cover.iter().enumerate().take(hi.min(w)).skip(lo) {
                if cov > 0.0 {
                    self.blend(x, y, c, cov);
                }
            }
            if lo < hi {
                cover[lo..(hi + 1).min(w + 2)].fill(0.0);
            }
        }
    }

    /// Paints the pixels of column `x` from row `y0` to `y1` (inclusive, in
    /// either order) with `c`, no anti-aliasing: the fast path for traces.
    pub fn vspan(&mut self, x: i32, y0: i32, y1: i32, c: Rgba) {
        let (w, h) = (self.width as i32, self.height as i32);
        if x < 0 || x >= w {
            return;
        }
        let (lo, hi) = (y0.min(y1).max(0), y0.max(y1).min(h - 1));
        if lo > hi {
            return;
        }
        if c.3 == 255 {
            // One stride down the column: no per-pixel index arithmetic.
            let stride = w as usize * 4;
            let start = (lo as usize * w as usize + x as usize) * 4;
            let px = [c.0, c.1, c.2, 255];
            for i in (start..start + (hi - lo) as usize * stride + 1).step_by(stride) {
                self.rgba[i..i + 4].copy_from_slice(&px);
            }
        } else {
            for y in lo..=hi {
                self.blend(x as usize, y as usize, c, 1.0);
            }
        }
    }

    /// Blends `c` at `coverage` (0-1) into the pixel at (`x`, `y`), if it
    /// is on the canvas: for masks laid over a picture.
    pub fn blend_pixel(&mut self, x: i32, y: i32, c: Rgba, coverage: f32) {
        if x >= 0 && y >= 0 && (x as u32) < self.width && (y as u32) < self.height {
            self.blend(x as usize, y as usize, c, coverage);
        }
    }

    /// Fills the annulus between radii `r_in` and `r_out` about
    /// (`cx`, `cy`) (a disc when `r_in` is 0), anti-aliased by each
    /// pixel's distance from the edges. Row by row it visits only the
    /// pixels between the two circles, each once: the fast path for the
    /// big discs and thin rings of maps (wavefronts, intensity bands),
    /// where the polygon rasteriser would scan every edge on every row.
    pub fn fill_annulus(&mut self, cx: f32, cy: f32, r_in: f32, r_out: f32, c: Rgba) {
        if !(cx.is_finite() && cy.is_finite() && r_out.is_finite()) || r_out <= 0.0 {
            return;
        }
        let r_in = r_in.clamp(0.0, r_out);
        let (w, h) = (self.width as i32, self.height as i32);
        let y0 = ((cy - r_out - 1.0).floor() as i32).max(0);
        let y1 = ((cy + r_out + 1.0).ceil() as i32).min(h - 1);
        let a = c.3 as u32;
        let (sr, sg, sb) = (c.0 as u32 * a, c.1 as u32 * a, c.2 as u32 * a);
        // Pixels wholly between the circles (r_in + 0.5 <= d <= r_out - 0.5)
        // take the colour at full strength.
        let (solid_in, solid_out) = (if r_in > 0.0 { r_in + 0.5 } else { 0.0 }, r_out - 0.5);
        for y in y0..=y1 {
            let dy = y as f32 + 0.5 - cy;
            let half_out = (r_out + 1.0) * (r_out + 1.0) - dy * dy;
            if half_out <= 0.0 {
                continue;
            }
            let half_out = half_out.sqrt();
            // Columns wholly inside the inner circle are skipped.
            let inner = r_in - 1.0;
            let half_in = if inner > 0.0 && dy.abs() < inner {
                (inner * inner - dy * dy).sqrt()
            } else {
                -1.0
            };
            let so = if solid_out > 0.0 && dy.abs() < solid_out {
                (solid_out * solid_out - dy * dy).sqrt()
            } else {
                -1.0
            };
            let si = if dy.abs() < solid_in {
                (solid_in * solid_in - dy * dy).sqrt()
            } else {
                0.0
            };
            let xa = ((cx - half_out).floor() as i32).max(0);
            let xb = ((cx + half_out).ceil() as i32).min(w - 1);
            let row = y as usize * self.width as usize;
            let mut x = xa;
            while x <= xb {
                let dx = x as f32 + 0.5 - cx;
                if half_in > 0.0 && dx > -half_in && dx < half_in {
                    x = ((cx + half_in).floor() as i32).max(x + 1);
                    continue;
                }
                let adx = dx.abs();
                let i = (row + x as usize) * 4;
                if adx <= so && adx >= si && self.rgba[i + 3] == 255 {
                    let p = &mut self.rgba[i..i + 3];
                    let keep = 255 - a;
                    p[0] = ((sr + p[0] as u32 * keep + 127) / 255) as u8;
                    p[1] = ((sg + p[1] as u32 * keep + 127) / 255) as u8;
                    p[2] = ((sb + p[2] as u32 * keep + 127) / 255) as u8;
                } else {
                    let d = (dx * dx + dy * dy).sqrt();
                    let inside = if r_in > 0.0 {
                        (d - r_in + 0.5).clamp(0.0, 1.0)
                    } else {
                        1.0
                    };
                    let cover = (r_out - d + 0.5).clamp(0.0, 1.0) * inside;
                    if cover > 0.0 {
                        self.blend(x as usize, y as usize, c, cover);
                    }
                }
                x += 1;
            }
        }
    }

    /// Fills an axis-aligned rectangle, anti-aliased: each pixel is covered
    /// by the share of its area inside the rectangle. (The fast path for
    /// the many small rectangles of particles, bars and gradients: no
    /// polygon edges to scan.)
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, c: Rgba) {
        let (x0, x1) = (x.max(0.0), (x + w).min(self.width as f32));
        let (y0, y1) = (y.max(0.0), (y + h).min(self.height as f32));
        if !(x1 > x0 && y1 > y0) {
            return;
        }
        let share =
            |lo: f32, hi: f32, p: usize| (hi.min(p as f32 + 1.0) - lo.max(p as f32)).max(0.0);
        let (px0, px1) = (
            x0.floor() as usize,
            (x1.ceil() as usize).min(self.width as usize),
        );
        // The columns every row covers whole: filled a row at a time.
        let (full0, full1) = (x0.ceil() as usize, (x1.floor() as usize).min(px1));
        let whole_rows = c.3 == 255 && full1 > full0;
        let opaque = [c.0, c.1, c.2, 255];
        let mut filled: Option<usize> = None;
        for py in y0.floor() as usize..(y1.ceil() as usize).min(self.height as usize) {
            let cy = share(y0, y1, py);
            if cy >= 1.0 && whole_rows {
                let base = py * self.width as usize;
                for px in (px0..full0).chain(full1..px1) {
                    let cov = share(x0, x1, px);
                    if cov > 0.0 {
                        self.blend(px, py, c, cov);
                    }
                }
                let (a, b) = ((base + full0) * 4, (base + full1) * 4);
                // The first whole row pixel by pixel, the others copied
                // from it in one move each.
                match filled {
                    Some(from) => self.rgba.copy_within(from..from + (b - a), a),
                    None => {
                        for p in self.rgba[a..b].chunks_exact_mut(4) {
                            p.copy_from_slice(&opaque);
                        }
                        filled = Some(a);
                    }
                }
                continue;
            }
            for px in px0..px1 {
                let cov = share(x0, x1, px) * cy;
                if cov >= 1.0 && c.3 == 255 {
                    let i = (py * self.width as usize + px) * 4;
                    self.rgba[i..i + 4].copy_from_slice(&[c.0, c.1, c.2, 255]);
                } else if cov > 0.0 {
                    self.blend(px, py, c, cov);
                }
            }
        }
    }

    /// Fills a rectangle with a vertical gradient from `top` to `bottom`.
    pub fn gradient_rect(&mut self, x: f32, y: f32, w: f32, h: f32, top: Rgba, bottom: Rgba) {
        let steps = h.ceil().max(1.0) as usize;
        for i in 0..steps {
            let t = i as f32 / steps.max(2).saturating_sub(1) as f32;
            self.fill_rect(x, y + i as f32, w, 1.0, top.mix(bottom, t));
        }
    }

    /// Fills an ellipse.
    pub fn fill_ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, c: Rgba) {
        self.fill_polygon(&ellipse(cx, cy, rx, ry), c);
    }

    /// Fills a circle.
    pub fn fill_circle(&mut self, cx: f32, cy: f32, r: f32, c: Rgba) {
        self.fill_ellipse(cx, cy, r, r, c);
    }

    /// A five-pointed star of outer radius `r` around (`x`, `y`), point up:
    /// the mark of an epicentre.
    pub fn fill_star(&mut self, x: f32, y: f32, r: f32, c: Rgba) {
        let pts: Vec<Pt> = (0..10)
            .map(|i| {
                let a = -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::PI / 5.0;
                let rr = if i % 2 == 0 { r } else { r * 0.45 };
                (x + rr * a.cos(), y + rr * a.sin())
            })
            .collect();
        self.fill_polygon(&pts, c);
    }

    /// Draws a ring (circle outline) of `width`.
    pub fn ring(&mut self, cx: f32, cy: f32, r: f32, width: f32, c: Rgba) {
        let outer = ellipse(cx, cy, r + width / 2.0, r + width / 2.0);
        let inner = ellipse(
            cx,
            cy,
            (r - width / 2.0).max(0.0),
            (r - width / 2.0).max(0.0),
        );
        self.fill_polygons(&[outer, inner], c);
    }

    /// Draws an elliptical ring of `width`.
    pub fn ring_ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, width: f32, c: Rgba) {
        let hw = width / 2.0;
        let outer = ellipse(cx, cy, rx + hw, ry + hw);
        let inner = ellipse(cx, cy, (rx - hw).max(0.0), (ry - hw).max(0.0));
        self.fill_polygons(&[outer, inner], c);
    }

    /// Draws a polyline of `width` with round joins and caps.
    pub fn stroke(&mut self, pts: &[Pt], width: f32, c: Rgba) {
        // One shape so that overlapping pieces do not darken where they meet.
        let hw = width / 2.0;
        let mut rings: Vec<Vec<Pt>> = Vec::new();
        for seg in pts.windows(2) {
            let ((ax, ay), (bx, by)) = (seg[0], seg[1]);
            let (dx, dy) = (bx - ax, by - ay);
            let len = (dx * dx + dy * dy).sqrt();
            if len < 1e-6 {
                continue;
            }
            let (nx, ny) = (-dy / len * hw, dx / len * hw);
            rings.push(vec![
                (ax + nx, ay + ny),
                (bx + nx, by + ny),
                (bx - nx, by - ny),
                (ax - nx, ay - ny),
            ]);
        }
        // Non-zero union is approximated by drawing pieces one by one; with
        // opaque colours the result is identical, with translucent ones the
        // joins are drawn once per piece.
        for r in &rings {
            self.fill_polygon(r, c);
        }
        if width >= 2.5 {
            for &(x, y) in pts {
                self.fill_circle(x, y, hw, c);
            }
        }
    }
}

/// Points of an ellipse outline, enough for a smooth edge at any size.
pub fn ellipse(cx: f32, cy: f32, rx: f32, ry: f32) -> Vec<Pt> {
    let n = ((rx.max(ry) * 2.0) as usize).clamp(32, 720);
    (0..n)
        .map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            (cx + rx * a.cos(), cy + ry * a.sin())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rectangle_coverage_is_exact() {
        let mut c = Canvas::new(10, 10, Rgba(0, 0, 0, 255));
        c.fill_rect(2.0, 2.0, 4.0, 4.0, Rgba(255, 255, 255, 255));
        assert_eq!(c.pixel(3, 3), Rgba(255, 255, 255, 255));
        assert_eq!(c.pixel(1, 1), Rgba(0, 0, 0, 255));
        assert_eq!(c.pixel(6, 3), Rgba(0, 0, 0, 255));
    }

    #[test]
    fn half_covered_pixel_is_grey() {
        let mut c = Canvas::new(4, 4, Rgba(0, 0, 0, 255));
        c.fill_rect(0.0, 0.0, 1.5, 4.0, Rgba(255, 255, 255, 255));
        let p = c.pixel(1, 1);
        assert!((120..=136).contains(&p.0), "{p:?}");
    }

    #[test]
    fn an_opaque_rectangle_with_fractional_edges_covers_each_pixel_by_its_share() {
        // Whole rows and columns take the row-at-a-time path, the edges
        // are blended: every pixel must read its covered share of white.
        let mut c = Canvas::new(12, 8, Rgba(0, 0, 0, 255));
        let (x, y, w, h) = (2.5f32, 1.0f32, 6.75f32, 4.5f32);
        c.fill_rect(x, y, w, h, Rgba(255, 255, 255, 255));
        let share = |lo: f32, hi: f32, p: u32| (hi.min(p as f32 + 1.0) - lo.max(p as f32)).max(0.0);
        for py in 0..8 {
            for px in 0..12 {
                let cov = share(x, x + w, px) * share(y, y + h, py);
                let got = c.pixel(px, py).0 as f32 / 255.0;
                assert!((got - cov).abs() < 0.01, "({px}, {py}): {got} vs {cov}");
            }
        }
    }

    #[test]
    fn vspan_paints_its_column_inclusive_and_clipped() {
        let mut c = Canvas::new(5, 6, Rgba(0, 0, 0, 255));
        c.vspan(2, 4, 1, Rgba(7, 8, 9, 255));
        c.vspan(3, -10, 100, Rgba(1, 1, 1, 255));
        c.vspan(9, 0, 5, Rgba(1, 1, 1, 255));
        for y in 0..6 {
            let expect = if (1..=4).contains(&y) {
                Rgba(7, 8, 9, 255)
            } else {
                Rgba(0, 0, 0, 255)
            };
            assert_eq!(c.pixel(2, y), expect, "row {y}");
            assert_eq!(c.pixel(3, y), Rgba(1, 1, 1, 255));
            assert_eq!(c.pixel(1, y), Rgba(0, 0, 0, 255));
        }
    }

    #[test]
    fn circle_area_matches_pi_r_squared() {
        let mut c = Canvas::new(100, 100, Rgba(0, 0, 0, 255));
        c.fill_circle(50.0, 50.0, 30.0, Rgba(255, 255, 255, 255));
        let area: f32 = (0..100)
            .flat_map(|y| (0..100).map(move |x| (x, y)))
            .map(|(x, y)| c.pixel(x, y).0 as f32 / 255.0)
            .sum();
        let expected = std::f32::consts::PI * 900.0;
        assert!(
            (area - expected).abs() / expected < 0.01,
            "{area} vs {expected}"
        );
    }

    #[test]
    fn an_annulus_covers_its_area_and_matches_the_polygon_ring() {
        let area = |c: &Canvas| -> f32 {
            (0..c.height)
                .flat_map(|y| (0..c.width).map(move |x| (x, y)))
                .map(|(x, y)| c.pixel(x, y).0 as f32 / 255.0)
                .sum()
        };
        let white = Rgba(255, 255, 255, 255);
        for (r_in, r_out) in [(0.0f32, 30.0f32), (12.5, 30.0), (28.0, 31.0)] {
            let mut a = Canvas::new(100, 100, Rgba(0, 0, 0, 255));
            a.fill_annulus(50.3, 49.6, r_in, r_out, white);
            let want = std::f32::consts::PI * (r_out * r_out - r_in * r_in);
            assert!(
                (area(&a) - want).abs() / want < 0.01,
                "{r_in}-{r_out}: {} vs {want}",
                area(&a)
            );
            // Pixel by pixel within a shade of the polygon rasteriser's.
            let mut b = Canvas::new(100, 100, Rgba(0, 0, 0, 255));
            let mid = (r_in + r_out) / 2.0;
            b.ring(50.3, 49.6, mid, r_out - r_in, white);
            let worst = a
                .rgba
                .iter()
                .zip(&b.rgba)
                .map(|(p, q)| (*p as i32 - *q as i32).abs())
                .max()
                .unwrap();
            assert!(worst <= 80, "{r_in}-{r_out}: {worst}");
        }
        // Half-transparent over an opaque picture: the same as blending.
        let mut c = Canvas::new(20, 20, Rgba(0, 0, 200, 255));
        c.fill_annulus(10.0, 10.0, 0.0, 8.0, Rgba(255, 0, 0, 128));
        let p = c.pixel(10, 10);
        assert!(
            (p.0 as i32 - 128).abs() <= 1 && (p.2 as i32 - 100).abs() <= 1,
            "{p:?}"
        );
        // Off the canvas: nothing, and no panic.
        c.fill_annulus(-500.0, 10.0, 0.0, 8.0, Rgba(255, 0, 0, 255));
        c.fill_annulus(10.0, 10.0, 0.0, f32::NAN, Rgba(255, 0, 0, 255));
    }

    #[test]
    fn shapes_outside_canvas_are_clipped() {
        let mut c = Canvas::new(8, 8, Rgba(0, 0, 0, 255));
        c.fill_rect(-100.0, -100.0, 1000.0, 1000.0, Rgba(9, 9, 9, 255));
        c.stroke(&[(-5.0, -5.0), (50.0, 50.0)], 3.0, Rgba(1, 2, 3, 255));
        c.fill_polygon(
            &[(f32::NAN, 0.0), (1.0, 1.0), (2.0, 0.0)],
            Rgba(1, 1, 1, 255),
        );
        assert_eq!(c.pixel(0, 7), Rgba(9, 9, 9, 255));
    }
}
