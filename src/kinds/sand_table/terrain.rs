//! The relief of the sand table: the Chongqing area's parallel ridges and
//! its Yangtze and Jialing valleys, generated from a schematic of their
//! courses (not survey data) on a grid, with the hill-shaded colours the
//! table is drawn in.

use crate::domain::random::ValueNoise;

/// A polyline on the table, km.
type Course = Vec<(f32, f32)>;

/// A ridge or a river of the relief.
struct Feature {
    /// Crest height of a ridge, water level of a river, m above sea level.
    value: f32,
    /// Half-width of the ridge or of the water, km.
    half_km: f32,
    /// Crest line or course (latitude, longitude).
    course: &'static [(f64, f64)],
}

/// The ridges of the fold belt east of the Sichuan basin that cross the
/// area, running north-north-east. A schematic after
/// published topographic maps of Chongqing (crests rounded to 100 m:
/// Jinyun Shan 952 m, the others 700-1,000 m here), not surveyed data.
const RIDGES: &[Feature] = &[
    // Huaying Shan, west of Beibei and Hechuan.
    Feature {
        value: 1000.0,
        half_km: 3.0,
        course: &[(29.78, 106.17), (29.95, 106.26), (30.15, 106.36)],
    },
    // Jinyun Shan (north) and Zhongliang Shan (south), west of the city.
    Feature {
        value: 900.0,
        half_km: 2.2,
        course: &[
            (29.20, 106.28),
            (29.45, 106.37),
            (29.62, 106.40),
            (29.85, 106.40),
            (30.05, 106.47),
        ],
    },
    // Tongluo Shan, east of the city.
    Feature {
        value: 850.0,
        half_km: 2.2,
        course: &[
            (29.20, 106.52),
            (29.45, 106.61),
            (29.70, 106.70),
            (30.10, 106.84),
        ],
    },
    // Mingyue Shan, further east.
    Feature {
        value: 950.0,
        half_km: 2.5,
        course: &[
            (29.25, 106.74),
            (29.55, 106.86),
            (29.85, 106.99),
            (30.15, 107.10),
        ],
    },
];

/// The rivers, schematic like [`RIDGES`].
const RIVERS: &[Feature] = &[
    // The Yangtze (Changjiang), past Jiangjin and the city to Changshou.
    Feature {
        value: 170.0,
        half_km: 0.55,
        course: &[
            (29.18, 105.95),
            (29.27, 106.12),
            (29.30, 106.25),
            (29.36, 106.33),
            (29.43, 106.42),
            (29.48, 106.48),
            (29.53, 106.55),
            (29.566, 106.585),
            (29.59, 106.65),
            (29.63, 106.76),
            (29.71, 106.88),
            (29.79, 106.98),
            (29.85, 107.12),
            (29.90, 107.20),
        ],
    },
    // The Jialing, from Hechuan past Beibei to its mouth at Chaotianmen.
    Feature {
        value: 175.0,
        half_km: 0.3,
        course: &[
            (30.15, 106.22),
            (30.00, 106.28),
            (29.90, 106.38),
            (29.83, 106.43),
            (29.75, 106.45),
            (29.67, 106.46),
            (29.60, 106.46),
            (29.58, 106.50),
            (29.57, 106.55),
            (29.566, 106.585),
        ],
    },
];

/// Texels per side of the relief's height and colour grids.
pub const TEX: usize = 320;

/// Colour of the rivers.
pub const WATER: [u8; 3] = [60, 125, 196];

/// Heights and colours of the ground.
#[derive(Debug, Clone)]
pub struct Relief {
    /// Width (east-west) and height (north-south) of the table, km.
    size_km: (f32, f32),
    /// Ground height (m above sea level) on a `TEX` by `TEX` grid.
    heights_m: Vec<f32>,
    /// Relief colours (hill-shaded) on the same grid.
    base: Vec<[u8; 3]>,
    /// How many times the relief is drawn taller than it is.
    pub exaggeration: f32,
}

impl Relief {
    /// The relief of a table `size_km` across, placing the ridges and
    /// rivers with `to_xy` (latitude, longitude to km east and north of
    /// the table's south-west corner), drawn `exaggeration` times taller.
    pub fn new(size_km: (f32, f32), exaggeration: f32, to_xy: impl Fn(f64, f64) -> (f32, f32)) -> Self {
        let lines = |set: &[Feature]| -> Vec<(f32, f32, Course)> {
            set.iter()
                .map(|f| {
                    let course = f.course.iter().map(|&(la, lo)| to_xy(la, lo));
                    (f.value, f.half_km, course.collect())
                })
                .collect()
        };
        let ridges = lines(RIDGES);
        let rivers = lines(RIVERS);
        let (w, h) = size_km;
        // Rolling red-bed hills of the valleys between the ridges, and the
        // ridges' crests rising and falling along them.
        let hills = ValueNoise::new(1, 7.0, w, h);
        let knolls = ValueNoise::new(2, 2.5, w, h);
        let crests = ValueNoise::new(3, 9.0, w, h);
        let mut heights = vec![0.0f32; TEX * TEX];
        let mut water = vec![false; TEX * TEX];
        for j in 0..TEX {
            for i in 0..TEX {
                let p = (
                    (i as f32 + 0.5) / TEX as f32 * w,
                    (j as f32 + 0.5) / TEX as f32 * h,
                );
                let mut z = 330.0 + 70.0 * hills.at(p.0, p.1) + 35.0 * knolls.at(p.0, p.1);
                for (crest, half, line) in &ridges {
                    let d = polyline_distance(p, line);
                    let along = 0.8 + 0.2 * crests.at(p.0, p.1);
                    z += (crest - 330.0) * along * (-(d / half) * (d / half)).exp();
                }
                for (level, half, line) in &rivers {
                    let d = polyline_distance(p, line);
                    if d < *half {
                        water[j * TEX + i] = true;
                    }
                    let f = smoothstep(*half, half + 3.5, d);
                    if z > *level {
                        z = level + (z - level) * f;
                    }
                }
                heights[j * TEX + i] = z;
            }
        }
        // Hill-shading with the light from the north-west, 45° up.
        let cell = (w / TEX as f32, h / TEX as f32);
        let light = {
            let l = [-1.0f32, 1.0, 1.414];
            let n = (l[0] * l[0] + l[1] * l[1] + l[2] * l[2]).sqrt();
            [l[0] / n, l[1] / n, l[2] / n]
        };
        let at = |i: usize, j: usize| heights[j.min(TEX - 1) * TEX + i.min(TEX - 1)];
        let mut base = vec![[0u8; 3]; TEX * TEX];
        for j in 0..TEX {
            for i in 0..TEX {
                if water[j * TEX + i] {
                    base[j * TEX + i] = WATER;
                    continue;
                }
                let ex = exaggeration / 1000.0;
                let dzdx = (at(i + 1, j) - at(i.saturating_sub(1), j)) * ex / (2.0 * cell.0);
                let dzdy = (at(i, j + 1) - at(i, j.saturating_sub(1))) * ex / (2.0 * cell.1);
                let n = [-dzdx, -dzdy, 1.0];
                let len = (n[0] * n[0] + n[1] * n[1] + 1.0).sqrt();
                let shade = ((n[0] * light[0] + n[1] * light[1] + n[2] * light[2]) / len).max(0.0);
                let c = hypsometric(heights[j * TEX + i]);
                let k = 0.45 + 0.75 * shade;
                base[j * TEX + i] = c.map(|v| (v * k).clamp(0.0, 255.0) as u8);
            }
        }
        Self {
            size_km,
            heights_m: heights,
            base,
            exaggeration,
        }
    }

    /// Ground height at a table position, m above sea level.
    pub fn height_m(&self, x: f32, y: f32) -> f32 {
        let fx = (x / self.size_km.0 * TEX as f32 - 0.5).clamp(0.0, (TEX - 1) as f32);
        let fy = (y / self.size_km.1 * TEX as f32 - 0.5).clamp(0.0, (TEX - 1) as f32);
        let (i, j) = (fx as usize, fy as usize);
        let (i1, j1) = ((i + 1).min(TEX - 1), (j + 1).min(TEX - 1));
        let (tx, ty) = (fx - i as f32, fy - j as f32);
        let h = |i: usize, j: usize| self.heights_m[j * TEX + i];
        let a = h(i, j) + (h(i1, j) - h(i, j)) * tx;
        let b = h(i, j1) + (h(i1, j1) - h(i, j1)) * tx;
        a + (b - a) * ty
    }

    /// Whether a table position is on a river.
    pub fn is_water(&self, x: f32, y: f32) -> bool {
        self.colour_at(x, y) == WATER
    }

    /// The hill-shaded colour of the ground at a table position.
    pub fn colour_at(&self, x: f32, y: f32) -> [u8; 3] {
        let i = ((x / self.size_km.0) * TEX as f32).clamp(0.0, (TEX - 1) as f32) as usize;
        let j = ((y / self.size_km.1) * TEX as f32).clamp(0.0, (TEX - 1) as f32) as usize;
        self.base[j * TEX + i]
    }

    /// Height of the drawn surface at a table position, km (exaggerated).
    pub fn surface_z(&self, x: f32, y: f32) -> f32 {
        self.height_m(x, y) / 1000.0 * self.exaggeration
    }

}

/// 0 below `e0`, 1 above `e1`, smooth between.
pub fn smoothstep(e0: f32, e1: f32, x: f32) -> f32 {
    let t = ((x - e0) / (e1 - e0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

fn segment_distance(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

fn polyline_distance(p: (f32, f32), line: &[(f32, f32)]) -> f32 {
    line.windows(2)
        .map(|s| segment_distance(p, s[0], s[1]))
        .fold(f32::INFINITY, f32::min)
}

/// Colour of ground at `h` m above sea level (green lowlands to brown
/// ridge crests).
fn hypsometric(h: f32) -> [f32; 3] {
    const STOPS: [(f32, [f32; 3]); 4] = [
        (150.0, [92.0, 140.0, 78.0]),
        (400.0, [138.0, 160.0, 90.0]),
        (700.0, [168.0, 143.0, 92.0]),
        (1100.0, [205.0, 190.0, 160.0]),
    ];
    let mut prev = STOPS[0];
    for s in STOPS {
        if h <= s.0 {
            let t = ((h - prev.0) / (s.0 - prev.0).max(1.0)).clamp(0.0, 1.0);
            return [0, 1, 2].map(|k| prev.1[k] + (s.1[k] - prev.1[k]) * t);
        }
        prev = s;
    }
    prev.1
}


#[cfg(test)]
mod tests {
    use super::super::card::example_params;
    use super::super::table::SandTable;

    fn params() -> super::super::SandTableParams {
        example_params()
    }

    #[test]
    fn relief_has_ridges_valleys_and_rivers_where_chongqing_has_them() {
        let t = SandTable::new(&params()).unwrap();
        let at = |lat, lon| {
            let (x, y) = t.to_xy(lat, lon);
            (t.relief.height_m(x, y), t.relief.is_water(x, y))
        };
        // Chaotianmen, where the Jialing meets the Yangtze: water, low.
        let (h, water) = at(29.566, 106.585);
        assert!(water && h < 200.0, "{h}");
        // The crest of Jinyun/Zhongliang Shan west of the city, and of
        // Tongluo Shan east of it, stand hundreds of metres above the valley
        // between them.
        let (west_ridge, _) = at(29.62, 106.40);
        let (east_ridge, _) = at(29.70, 106.70);
        let (valley, _) = at(29.66, 106.56);
        assert!(
            west_ridge > 650.0 && east_ridge > 650.0,
            "{west_ridge} {east_ridge}"
        );
        assert!(valley < 450.0, "{valley}");
        let (lat, lon) = t.to_latlon(t.to_xy(29.7, 106.9).0, t.to_xy(29.7, 106.9).1);
        assert!((lat - 29.7).abs() < 1e-5 && (lon - 106.9).abs() < 1e-5);
    }

}
