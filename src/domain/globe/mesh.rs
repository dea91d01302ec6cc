//! The globe's geometry for the renderer: a unit sphere as a latitude and
//! longitude grid whose texture coordinates match [`super::texture`], and
//! the cut-away of exhibit 01: a wedge of longitudes taken out of the
//! Earth, whose two flat faces show the layers in rings to scale.

use super::{V3, add, dot, scale, sphere_hit, unit, wrap_lon};

/// Vertices and triangles, as the renderer takes them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeshData {
    /// Positions.
    pub positions: Vec<[f32; 3]>,
    /// Unit normals.
    pub normals: Vec<[f32; 3]>,
    /// Texture coordinates (u right, v down).
    pub uvs: Vec<[f32; 2]>,
    /// Linear RGBA colour per vertex (empty: none).
    pub colors: Vec<[f32; 4]>,
    /// Triangles, counter-clockwise seen from outside.
    pub indices: Vec<u32>,
}

fn f3(p: V3) -> [f32; 3] {
    [p[0] as f32, p[1] as f32, p[2] as f32]
}

/// A wedge of longitudes taken out of the Earth down to its centre, for
/// looking inside.
#[derive(Debug, Clone, PartialEq)]
pub struct CutAway {
    /// Western edge of the removed wedge, degrees east.
    pub from_lon: f64,
    /// Its width, degrees of longitude (0-180).
    pub width_deg: f64,
    /// The rings shown on its faces from the centre out: outer radius
    /// (Earth radii, the last 1) and colour.
    pub rings: Vec<(f64, [f32; 4])>,
    /// The ring drawn brighter (the layer the visitor chose).
    pub highlight: Option<usize>,
}

/// What a ray from the eye meets first on a cut-away globe.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Hit {
    /// The outer surface at this latitude and longitude.
    Surface(f64, f64),
    /// A face of the cut at this distance from the centre (Earth radii).
    Face(f64),
}

impl CutAway {
    /// Whether longitude `lon` is inside the removed wedge.
    pub fn removed(&self, lon: f64) -> bool {
        let d = wrap_lon(lon - self.from_lon).rem_euclid(360.0);
        d > 0.0 && d < self.width_deg
    }

    /// The two faces' longitudes: the wedge's west and east edges.
    pub fn face_lons(&self) -> [f64; 2] {
        [self.from_lon, self.from_lon + self.width_deg]
    }

    /// The ring holding distance `r` from the centre.
    pub fn ring_at(&self, r: f64) -> Option<usize> {
        let mut inner = 0.0;
        for (i, &(outer, _)) in self.rings.iter().enumerate() {
            if r >= inner && r <= outer + 1e-9 {
                return Some(i);
            }
            inner = outer;
        }
        None
    }

    /// The first thing the ray (`o`, unit `d`) meets, if any.
    pub fn hit(&self, o: V3, d: V3) -> Option<Hit> {
        let mut best: Option<(f64, Hit)> = None;
        let mut offer = |t: f64, h: Hit| {
            if t > 0.0 && best.is_none_or(|(b, _)| t < b) {
                best = Some((t, h));
            }
        };
        if let Some(t) = sphere_hit(o, d, 1.0) {
            let (lat, lon) = super::lat_lon(add(o, scale(d, t)));
            if !self.removed(lon) {
                offer(t, Hit::Surface(lat, lon));
            }
        }
        for lon in self.face_lons() {
            // The face is the half-plane through the axis towards `lon`.
            let toward = unit(0.0, lon);
            let normal = [toward[2], 0.0, -toward[0]];
            let den = dot(d, normal);
            if den.abs() < 1e-12 {
                continue;
            }
            let t = -dot(o, normal) / den;
            let p = add(o, scale(d, t));
            let r = dot(p, p).sqrt();
            if r <= 1.0 && dot(p, toward) >= -1e-9 {
                offer(t, Hit::Face(r));
            }
        }
        best.map(|(_, h)| h)
    }
}

/// Columns of a grid over longitudes `from`..`to` (degrees, increasing,
/// may pass 180): each is (longitude, u); where the span passes the date
/// line a column is repeated with u = 1 and u = 0 so that the texture
/// does not run backwards across one strip of triangles.
fn columns(from: f64, to: f64, n: usize) -> Vec<(f64, f32)> {
    let n = n.max(1);
    let mut cols = Vec::new();
    let mut prev_k = f64::NAN;
    for i in 0..=n {
        let lon = from + (to - from) * i as f64 / n as f64;
        let uu = (lon + 180.0) / 360.0;
        let k = uu.floor();
        if i > 0 && k > prev_k {
            if (uu - k).abs() < 1e-12 {
                // This column is on the seam: it ends one side and, unless
                // it is the last, starts the other.
                cols.push((lon, 1.0));
                if i < n {
                    cols.push((lon, 0.0));
                }
                prev_k = k;
                continue;
            }
            let seam = k * 360.0 - 180.0;
            cols.push((seam, 1.0));
            cols.push((seam, 0.0));
        }
        cols.push((lon, (uu - k) as f32));
        prev_k = k;
    }
    cols
}

/// A unit sphere, `stacks` rows of latitude by `sectors` columns of
/// longitude, without the wedge of `cut` if given.
pub fn sphere(stacks: usize, sectors: usize, cut: Option<&CutAway>) -> MeshData {
    let (from, to) = match cut {
        Some(c) => {
            let start = c.from_lon + c.width_deg;
            (start, start + 360.0 - c.width_deg)
        }
        None => (-180.0, 180.0),
    };
    let n = ((sectors as f64) * (to - from) / 360.0).ceil() as usize;
    let cols = columns(from, to, n);
    let stacks = stacks.max(2);
    let mut m = MeshData::default();
    for row in 0..=stacks {
        let lat = 90.0 - 180.0 * row as f64 / stacks as f64;
        for &(lon, u) in &cols {
            let p = unit(lat, lon);
            m.positions.push(f3(p));
            m.normals.push(f3(p));
            m.uvs.push([u, row as f32 / stacks as f32]);
        }
    }
    let w = cols.len() as u32;
    for row in 0..stacks as u32 {
        for c in 0..w - 1 {
            // The zero-width strip at a repeated seam column is skipped.
            if cols[c as usize].0 == cols[c as usize + 1].0 {
                continue;
            }
            let a = row * w + c;
            let b = a + w;
            m.indices.extend_from_slice(&[a, b, a + 1, a + 1, b, b + 1]);
        }
    }
    m
}

/// The two flat faces of the cut, each a half disc from pole to pole, in
/// rings coloured by layer (the highlighted ring brighter), `segments`
/// steps of latitude per half disc.
pub fn cut_faces(cut: &CutAway, segments: usize) -> MeshData {
    let mut m = MeshData::default();
    let segments = segments.max(8);
    for (side, lon) in cut.face_lons().into_iter().enumerate() {
        let toward = unit(0.0, lon);
        // Faces look into the wedge: the west face eastwards, the east
        // face westwards.
        let east = [toward[2], 0.0, -toward[0]];
        let normal = if side == 0 { east } else { scale(east, -1.0) };
        let mut inner = 0.0;
        for (i, &(outer, col)) in cut.rings.iter().enumerate() {
            let col = if cut.highlight == Some(i) {
                [
                    (col[0] * 1.6 + 0.15).min(1.0),
                    (col[1] * 1.6 + 0.15).min(1.0),
                    (col[2] * 1.6 + 0.15).min(1.0),
                    col[3],
                ]
            } else {
                col
            };
            let base = m.positions.len() as u32;
            for s in 0..=segments {
                let phi = (-90.0 + 180.0 * s as f64 / segments as f64).to_radians();
                let dir = add(scale(toward, phi.cos()), [0.0, phi.sin(), 0.0]);
                for r in [inner, outer] {
                    m.positions.push(f3(scale(dir, r)));
                    m.normals.push(f3(normal));
                    m.uvs.push([0.0, 0.0]);
                    m.colors.push(col);
                }
            }
            for s in 0..segments as u32 {
                let (a, b) = (base + 2 * s, base + 2 * s + 1);
                let (c, d) = (a + 2, b + 2);
                // Wound to face `normal`.
                if side == 0 {
                    m.indices.extend_from_slice(&[a, c, b, b, c, d]);
                } else {
                    m.indices.extend_from_slice(&[a, b, c, b, d, c]);
                }
            }
            inner = outer;
        }
    }
    m
}
