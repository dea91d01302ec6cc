//! The globe's texture: an equirectangular picture (longitude -180..180
//! left to right, latitude 90..-90 top to bottom) that the renderer wraps
//! round the sphere. Lines crossing the date line are cut at the seam and
//! go on from the other edge; marks near the poles are widened by
//! 1/cos(latitude) so that they stay round on the sphere.

use crate::domain::draw::canvas::{Canvas, Pt, Rgba};

/// The texture's size: 2048 by 1024 gives about one texel per screen pixel
/// at the centre of a globe 650 pixels across.
pub const TEXTURE: (u32, u32) = (2048, 1024);

/// Ocean blue.
pub const OCEAN: Rgba = Rgba::hex(0x1d4e7a);
/// Land green-brown.
pub const LAND: Rgba = Rgba::hex(0x7a8f5a);

/// Texture pixel of (`lat`, `lon`) on a `w` by `h` texture.
pub fn texel(w: u32, h: u32, lat: f64, lon: f64) -> Pt {
    (
        ((lon + 180.0) / 360.0 * w as f64) as f32,
        ((90.0 - lat) / 180.0 * h as f64) as f32,
    )
}

/// Latitude and longitude of texture pixel (`x`, `y`).
pub fn lat_lon_of(w: u32, h: u32, x: f32, y: f32) -> (f64, f64) {
    (
        90.0 - y as f64 / h as f64 * 180.0,
        x as f64 / w as f64 * 360.0 - 180.0,
    )
}

/// A path of (lat, lon) points as pieces of texture pixels: where a step
/// crosses the date line (a jump of more than 180° of longitude) the path
/// is cut at the seam, at the latitude where the step crosses it, and goes
/// on from the other edge.
pub fn path_pieces(w: u32, h: u32, pts: &[(f64, f64)]) -> Vec<Vec<Pt>> {
    let mut pieces: Vec<Vec<Pt>> = Vec::new();
    let mut cur: Vec<Pt> = Vec::new();
    for (i, &(lat, lon)) in pts.iter().enumerate() {
        if i > 0 {
            let (plat, plon) = pts[i - 1];
            let d = lon - plon;
            if d.abs() > 180.0 {
                // Crossing eastwards (d < 0: 179 → -179) leaves by the right
                // edge; westwards by the left.
                let east = d < 0.0;
                let lon_b = if east { lon + 360.0 } else { lon - 360.0 };
                let seam = if east { 180.0 } else { -180.0 };
                let t = (seam - plon) / (lon_b - plon);
                let lat_s = plat + (lat - plat) * t;
                cur.push(texel(w, h, lat_s, seam));
                pieces.push(std::mem::take(&mut cur));
                cur.push(texel(w, h, lat_s, -seam));
            }
        }
        cur.push(texel(w, h, lat, lon));
    }
    if !cur.is_empty() {
        pieces.push(cur);
    }
    pieces
}

/// How much wider than tall a round mark at `lat` is on the texture
/// (1/cos(lat), held under 12 near the poles).
pub fn stretch(lat: f64) -> f32 {
    (1.0 / lat.to_radians().cos().max(1.0 / 12.0)) as f32
}

/// A filled, anti-aliased disc at (`lat`, `lon`) of radius `r` texels (as
/// seen on the sphere): an ellipse on the texture, drawn again across the
/// seam when it reaches over it.
pub fn disc(c: &mut Canvas, lat: f64, lon: f64, r: f32, col: Rgba) {
    let (x, y) = texel(c.width, c.height, lat, lon);
    let rx = r * stretch(lat);
    ellipse_fast(c, x, y, rx, r, col);
    let w = c.width as f32;
    if x - rx < 0.0 {
        ellipse_fast(c, x + w, y, rx, r, col);
    }
    if x + rx > w {
        ellipse_fast(c, x - w, y, rx, r, col);
    }
}

/// An ellipse by its distance field, one pass over its box (much quicker
/// than the polygon rasteriser for the thousands of small marks a
/// catalogue draws).
pub fn ellipse_fast(c: &mut Canvas, cx: f32, cy: f32, rx: f32, ry: f32, col: Rgba) {
    if !(cx.is_finite() && cy.is_finite() && rx > 0.0 && ry > 0.0) {
        return;
    }
    let x0 = (cx - rx - 1.0).floor().max(0.0) as i32;
    let x1 = (cx + rx + 1.0).ceil().min(c.width as f32 - 1.0) as i32;
    let y0 = (cy - ry - 1.0).floor().max(0.0) as i32;
    let y1 = (cy + ry + 1.0).ceil().min(c.height as f32 - 1.0) as i32;
    for y in y0..=y1 {
        let dy = (y as f32 + 0.5 - cy) / ry;
        for x in x0..=x1 {
            let dx = (x as f32 + 0.5 - cx) / rx;
            // Signed distance to the edge in pixels, roughly.
            let d = (dx * dx + dy * dy).sqrt();
            let edge = (1.0 - d) * rx.min(ry);
            let cover = (edge + 0.5).clamp(0.0, 1.0);
            if cover > 0.0 {
                c.blend_pixel(x, y, col, cover);
            }
        }
    }
}

/// Draws a path of (lat, lon) points `width` texels wide (as seen on the
/// sphere), cut at the date line, by stamping discs along it every half
/// texel (so that it widens near the poles as the texture does).
pub fn stroke_path(c: &mut Canvas, pts: &[(f64, f64)], width: f32, col: Rgba) {
    let (w, h) = (c.width, c.height);
    for piece in path_pieces(w, h, pts) {
        for seg in piece.windows(2) {
            let ((ax, ay), (bx, by)) = (seg[0], seg[1]);
            let n = ((bx - ax).hypot(by - ay) * 2.0).ceil().max(1.0) as usize;
            for i in 0..=n {
                let t = i as f32 / n as f32;
                let (x, y) = (ax + (bx - ax) * t, ay + (by - ay) * t);
                let (lat, _) = lat_lon_of(w, h, x, y);
                let r = width / 2.0;
                ellipse_fast(c, x, y, r * stretch(lat), r, col);
            }
        }
    }
}

/// Fills polygons given as rings of (lon, lat) points (GeoJSON order): on
/// an equirectangular texture a ring in plane longitude and latitude is
/// exactly its area on the sphere (the land and plates files are cut at
/// the date line and closed along the poles for this).
pub fn fill_rings(c: &mut Canvas, rings: &[Vec<(f64, f64)>], col: Rgba) {
    let (w, h) = (c.width, c.height);
    let pts: Vec<Vec<Pt>> = rings
        .iter()
        .map(|r| r.iter().map(|&(lon, lat)| texel(w, h, lat, lon)).collect())
        .collect();
    c.fill_polygons(&pts, col);
}
