//! "Chongqing sand table" (exhibit 09): a 3D relief of the Chongqing area
//! (its parallel ridges and the Yangtze and Jialing valleys) cut out as a
//! block of ground. A tap on the terrain sets off a quake below it; the P
//! and S fronts spread as hemispheres, seen as rings on the surface and as
//! arcs on the block's sides; each station flashes when they arrive and
//! draws its synthetic three-component record.
//!
//! Times come from the physics layer: a station's P and S arrivals are the
//! first arrivals of [`crate::domain::physics::taup`] for its distance (the
//! same numbers TauP gives), its record is made by
//! [`crate::domain::physics::synth::synthesize`], and the surface rings are
//! where that first arrival has reached at the clock's time. Under the
//! surface the fronts are drawn as spheres about the hypocentre whose rim
//! meets the surface ring: a picture of the layered crust's fronts, exact
//! where they meet the ground.

use super::earth::colours;
use super::fronts::LocalFronts;
use crate::domain::art::canvas::{Canvas, Rgba};
use crate::domain::art::strip::{StripBox, StripTrace, draw_strip};
use crate::domain::art::view3d::{GROUND, OrbitCamera, Raster, Vertex};
use crate::domain::physics::earth::EarthModel;
use crate::domain::physics::geo::{distance_deg, km_per_deg};
use crate::domain::physics::intensity::expected_degree;
use crate::domain::physics::synth::{Motion, SynthSpec, SynthStation, synthesize};
use crate::domain::physics::taup::{TauModel, Wave};
use crate::domain::scene::{Area, SandTableParams};

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

/// Depth of the block of ground under the table, km (true scale).
pub const BLOCK_DEPTH_KM: f32 = 30.0;
/// Texels per side of the relief's colour map.
const TEX: usize = 320;
/// Cells per side of the relief mesh.
const MESH: usize = 96;
/// Surface number of the block's sides in the raster.
const SIDE: u8 = 2;
/// Width of a front's band on the ground and the sides, km.
const BAND_KM: f32 = 1.4;

/// Station colours, hall first; used on the table and beside the records.
pub const STATION_COLOURS: [Rgba; 6] = [
    Rgba::hex(0xff9f1c),
    Rgba::hex(0xff70a6),
    Rgba::hex(0x2ec4b6),
    Rgba::hex(0xb388eb),
    Rgba::hex(0x9bc53d),
    Rgba::hex(0xe84855),
];

/// A record of the three components at a station.
#[derive(Debug, Clone, PartialEq)]
pub struct Record3 {
    /// Samples per second.
    pub rate_hz: f64,
    /// Time of the first sample, s after the quake.
    pub start_s: f64,
    /// Up, north and east ground velocity (nm/s).
    pub zne: [Vec<f32>; 3],
}

/// When and how the quake reaches a station.
#[derive(Debug, Clone, PartialEq)]
pub struct StationArrival {
    /// Epicentral distance, km.
    pub distance_km: f64,
    /// First P arrival, s after the quake.
    pub p_s: f64,
    /// First S arrival, s after the quake.
    pub s_s: f64,
    /// Expected intensity (China scale, 1-12).
    pub intensity: u8,
    /// The synthetic record, if the synthesis succeeded.
    pub record: Option<Record3>,
}

/// A station on the table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableStation {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Position on the table, km east and north of the south-west corner.
    pub xy: (f32, f32),
    /// The current quake's arrivals here.
    pub arrival: Option<StationArrival>,
}

/// What a station shows at the clock's time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Flash {
    /// Nothing has arrived yet.
    Waiting,
    /// The P wave is arriving: strength 1 fading to 0.
    P(f32),
    /// The P wave has passed, the S wave is still to come.
    BetweenPAndS,
    /// The S wave is arriving: strength 1 fading to 0.
    S(f32),
    /// Both have passed; the record goes on.
    After,
}

/// The quake on the table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableQuake {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Position on the table, km.
    pub xy: (f32, f32),
    /// Depth, km.
    pub depth_km: f64,
    /// Magnitude.
    pub magnitude: f64,
    /// Seconds since the quake.
    pub clock_s: f64,
    /// Where its P and S fronts are.
    pub fronts: LocalFronts,
    /// Seconds of record shown.
    pub window_s: f64,
}

/// The sand table: relief, stations, the quake and the view.
#[derive(Debug, Clone)]
pub struct SandTable {
    area: Area,
    /// Width (east-west) and height (north-south) of the table, km.
    pub size_km: (f32, f32),
    /// Ground height (m above sea level) on a `TEX` by `TEX` grid.
    heights_m: Vec<f32>,
    /// Relief colours (hill-shaded) on the same grid.
    base: Vec<[u8; 3]>,
    /// How many times the relief is drawn taller than it is.
    pub exaggeration: f32,
    model: EarthModel,
    tau: std::sync::Arc<TauModel>,
    /// Depths of the layer boundaries inside the block, km.
    layers: Vec<f32>,
    /// Depth of the quakes a tap sets off, km.
    pub depth_km: f64,
    /// The magnitude the next tap sets off.
    pub magnitude: f64,
    /// The stations, the hall first.
    pub stations: Vec<TableStation>,
    /// The current quake.
    pub quake: Option<TableQuake>,
    /// The view the visitor turns, and its last picture.
    pub view: TableView,
    /// Seed of the records' noise (changes with every quake).
    seed: u64,
    /// When the last tap set off a quake.
    last_tap_s: Option<f64>,
}

/// Shortest time between two quakes set off by taps, s.
pub const MIN_QUAKE_GAP_S: f64 = 0.4;

/// One view of the table: its camera and the last picture drawn from it.
#[derive(Debug, Clone)]
pub struct TableView {
    /// Where it looks from.
    pub camera: OrbitCamera,
    /// The last picture (and what ground each pixel shows).
    pub raster: Raster,
    /// The camera and size the raster's surfaces were drawn for.
    geometry: Option<(OrbitCamera, u32, u32)>,
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

fn smoothstep(e0: f32, e1: f32, x: f32) -> f32 {
    let t = ((x - e0) / (e1 - e0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Smooth value noise in -1..1 with features `cell` km across.
fn noise(x: f32, y: f32, cell: f32, seed: u32) -> f32 {
    let (fx, fy) = (x / cell, y / cell);
    let (ix, iy) = (fx.floor() as i32, fy.floor() as i32);
    let hash = |i: i32, j: i32| {
        let mut h = (i as u32).wrapping_mul(0x8da6_b343) ^ (j as u32).wrapping_mul(0xd816_3841);
        h ^= seed.wrapping_mul(0xcb1a_b31f);
        h ^= h >> 13;
        h = h.wrapping_mul(0x5bd1_e995);
        h ^= h >> 15;
        (h & 0xffff) as f32 / 32767.5 - 1.0
    };
    let (tx, ty) = (fx - ix as f32, fy - iy as f32);
    let (sx, sy) = (tx * tx * (3.0 - 2.0 * tx), ty * ty * (3.0 - 2.0 * ty));
    let a = hash(ix, iy) + (hash(ix + 1, iy) - hash(ix, iy)) * sx;
    let b = hash(ix, iy + 1) + (hash(ix + 1, iy + 1) - hash(ix, iy + 1)) * sx;
    a + (b - a) * sy
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

const WATER: [u8; 3] = [60, 125, 196];
/// The sky behind the table, top and bottom.
const BACKGROUND: (Rgba, Rgba) = (Rgba::hex(0x0e2233), Rgba::hex(0x1d3b52));

impl SandTable {
    /// Builds the table for a scene, or says why it cannot.
    pub fn new(p: &SandTableParams) -> Result<Self, String> {
        let tau = TauModel::shared(&p.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", p.model))?;
        let model = tau.model.clone();
        let a = p.area;
        let kpd = km_per_deg() as f32;
        let mid_lat = ((a.south + a.north) / 2.0).to_radians().cos() as f32;
        let size_km = (
            (a.east - a.west) as f32 * kpd * mid_lat,
            (a.north - a.south) as f32 * kpd,
        );
        if !(size_km.0 > 1.0 && size_km.1 > 1.0) {
            return Err("the area has no size".into());
        }
        let layers = model
            .discontinuities()
            .into_iter()
            .map(|d| d as f32)
            .filter(|&d| d > 0.0 && d < BLOCK_DEPTH_KM)
            .collect();
        let mut t = Self {
            area: a,
            size_km,
            heights_m: Vec::new(),
            base: Vec::new(),
            exaggeration: p.relief_exaggeration.clamp(1.0, 20.0),
            model,
            tau,
            layers,
            depth_km: p.depth_km.clamp(0.5, 40.0),
            magnitude: p.magnitudes.first().copied().unwrap_or(4.0) as f64,
            stations: Vec::new(),
            quake: None,
            view: TableView::new(OrbitCamera::new(
                0.0,
                48.0,
                size_km.0.max(size_km.1) * 1.4,
                [size_km.0 / 2.0, size_km.1 / 2.0 - size_km.1 * 0.08, 0.0],
            )),
            seed: 1,
            last_tap_s: None,
        };
        t.stations = std::iter::once(&p.hall)
            .chain(&p.stations)
            .map(|s| TableStation {
                lat: s.lat,
                lon: s.lon,
                xy: t.to_xy(s.lat, s.lon),
                arrival: None,
            })
            .collect();
        t.build_relief();
        Ok(t)
    }

    /// Table position (km east and north of the south-west corner) of a place.
    pub fn to_xy(&self, lat: f64, lon: f64) -> (f32, f32) {
        let a = self.area;
        (
            ((lon - a.west) / (a.east - a.west)) as f32 * self.size_km.0,
            ((lat - a.south) / (a.north - a.south)) as f32 * self.size_km.1,
        )
    }

    /// The place at a table position.
    pub fn to_latlon(&self, x: f32, y: f32) -> (f64, f64) {
        let a = self.area;
        (
            a.south + (y / self.size_km.1) as f64 * (a.north - a.south),
            a.west + (x / self.size_km.0) as f64 * (a.east - a.west),
        )
    }

    fn build_relief(&mut self) {
        let lines = |set: &[Feature]| -> Vec<(f32, f32, Course)> {
            set.iter()
                .map(|f| {
                    let course = f.course.iter().map(|&(la, lo)| self.to_xy(la, lo));
                    (f.value, f.half_km, course.collect())
                })
                .collect()
        };
        let ridges = lines(RIDGES);
        let rivers = lines(RIVERS);
        let (w, h) = self.size_km;
        let mut heights = vec![0.0f32; TEX * TEX];
        let mut water = vec![false; TEX * TEX];
        for j in 0..TEX {
            for i in 0..TEX {
                let p = (
                    (i as f32 + 0.5) / TEX as f32 * w,
                    (j as f32 + 0.5) / TEX as f32 * h,
                );
                // Rolling red-bed hills of the valleys between the ridges.
                let mut z = 330.0 + 70.0 * noise(p.0, p.1, 7.0, 1) + 35.0 * noise(p.0, p.1, 2.5, 2);
                for (crest, half, line) in &ridges {
                    let d = polyline_distance(p, line);
                    let along = 0.8 + 0.2 * noise(p.0, p.1, 9.0, 3);
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
                let ex = self.exaggeration / 1000.0;
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
        self.heights_m = heights;
        self.base = base;
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
        let i = ((x / self.size_km.0) * TEX as f32).clamp(0.0, (TEX - 1) as f32) as usize;
        let j = ((y / self.size_km.1) * TEX as f32).clamp(0.0, (TEX - 1) as f32) as usize;
        self.base[j * TEX + i] == WATER
    }

    /// Height of the drawn surface at a table position, km (exaggerated).
    fn surface_z(&self, x: f32, y: f32) -> f32 {
        self.height_m(x, y) / 1000.0 * self.exaggeration
    }

    /// Sets off a quake of the chosen magnitude under (`lat`, `lon`): the
    /// arrivals and records of every station, and the rings' curve.
    pub fn quake_at(&mut self, lat: f64, lon: f64) {
        let src = self.tau.source(self.depth_km);
        let kpd = km_per_deg();
        let (w, h) = self.size_km;
        let fronts = LocalFronts::new(&src, (w as f64).hypot(h as f64) + 5.0);
        self.seed = self.seed.wrapping_add(1);
        let spec = SynthSpec {
            origin: "2026-01-01T00:00:00".into(),
            latitude: lat,
            longitude: lon,
            depth_km: self.depth_km,
            magnitude: self.magnitude,
            mechanism: None,
            model: self.model.name.clone(),
            sample_rate_hz: 20.0,
            seed: self.seed,
            stations: self
                .stations
                .iter()
                .enumerate()
                .map(|(i, s)| SynthStation {
                    network: "QH".into(),
                    station: format!("T{i}"),
                    latitude: s.lat,
                    longitude: s.lon,
                })
                .collect(),
        };
        let records = synthesize(&spec, Motion::Velocity).ok();
        let mut window = 20.0f64;
        for (i, st) in self.stations.iter_mut().enumerate() {
            let deg = distance_deg(lat, lon, st.lat, st.lon);
            let p = src.first(Wave::P, deg);
            let s = src.first(Wave::S, deg);
            st.arrival = match (p, s) {
                (Some(p), Some(s)) => {
                    window = window.max(s.time_s + 15.0);
                    let record = records.as_ref().and_then(|r| r.get(i)).and_then(|r| {
                        let origin = crate::domain::waveform::UtcTime::parse_iso(&spec.origin)?;
                        let t = r.traces.first()?;
                        Some(Record3 {
                            rate_hz: t.sample_rate_hz,
                            start_s: t.start.secs_since(origin),
                            zne: [0, 1, 2].map(|c| {
                                r.traces
                                    .get(c)
                                    .map(|t| t.samples.to_f64().iter().map(|&v| v as f32).collect())
                                    .unwrap_or_default()
                            }),
                        })
                    });
                    Some(StationArrival {
                        distance_km: deg * kpd,
                        p_s: p.time_s,
                        s_s: s.time_s,
                        intensity: expected_degree(self.magnitude, deg * kpd),
                        record,
                    })
                }
                _ => None,
            };
        }
        self.quake = Some(TableQuake {
            lat,
            lon,
            xy: self.to_xy(lat, lon),
            depth_km: self.depth_km,
            magnitude: self.magnitude,
            clock_s: 0.0,
            fronts,
            window_s: window.min(120.0),
        });
    }

    /// A tap at pixel (`x`, `y`) of the last picture at `now_s` (any
    /// steady clock): a quake under the ground there, if the tap hit the
    /// ground and the last quake is at least [`MIN_QUAKE_GAP_S`] old (each
    /// quake synthesises five records; a hand drumming on the screen must
    /// not stall the hall). Returns whether it set one off.
    pub fn tap(&mut self, x: f32, y: f32, now_s: f64) -> bool {
        if self
            .last_tap_s
            .is_some_and(|t| now_s >= t && now_s - t < MIN_QUAKE_GAP_S)
        {
            return false;
        }
        let Some([gx, gy]) = self.view.ground_at(x, y) else {
            return false;
        };
        self.last_tap_s = Some(now_s);
        let (lat, lon) = self.to_latlon(gx, gy);
        self.quake_at(lat, lon);
        true
    }

    /// Moves the quake's clock on by `dt` seconds of travel.
    pub fn advance(&mut self, dt: f64) {
        if let Some(q) = self.quake.as_mut()
            && dt.is_finite()
            && dt > 0.0
        {
            q.clock_s = (q.clock_s + dt).min(q.window_s + 5.0);
        }
    }

    /// Whether the current quake's story has ended (records complete).
    pub fn finished(&self) -> bool {
        self.quake.as_ref().is_some_and(|q| q.clock_s >= q.window_s)
    }

    /// What station `i` shows now.
    pub fn flash(&self, i: usize) -> Flash {
        let (Some(q), Some(a)) = (
            self.quake.as_ref(),
            self.stations.get(i).and_then(|s| s.arrival.as_ref()),
        ) else {
            return Flash::Waiting;
        };
        let t = q.clock_s;
        if t < a.p_s {
            Flash::Waiting
        } else if t < a.s_s {
            let k = ((t - a.p_s) / 1.5) as f32;
            if k < 1.0 {
                Flash::P(1.0 - k)
            } else {
                Flash::BetweenPAndS
            }
        } else {
            let k = ((t - a.s_s) / 2.5) as f32;
            if k < 1.0 {
                Flash::S(1.0 - k)
            } else {
                Flash::After
            }
        }
    }

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
            for (k, col) in [(band(d, rp), colours::P), (band(d, rs), colours::S)] {
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
                    proj.project([x, y, self.surface_z(x, y)])
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
                let top = self.surface_z(x, y);
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
        let (base, layers) = (&self.base, &self.layers);
        raster.shade(BACKGROUND.0, BACKGROUND.1, |_, surface, a| {
            if surface == GROUND {
                let i = ((a[0] / sw) * TEX as f32).clamp(0.0, (TEX - 1) as f32) as usize;
                let j = ((a[1] / sh) * TEX as f32).clamp(0.0, (TEX - 1) as f32) as usize;
                base[j * TEX + i]
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
            if let Some((px, py, _)) = proj.project([x, y, self.surface_z(x, y)]) {
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
                star(c, px, py, 9.0 * scale, Rgba::hex(0xff3b30));
            }
        }
        for (i, st) in self.stations.iter().enumerate() {
            let (x, y) = st.xy;
            let ground = self.surface_z(x, y);
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
                        colours::P.alpha((255.0 * k) as u8),
                    );
                }
                Flash::S(k) => {
                    c.fill_circle(
                        tx,
                        ty,
                        r * (1.0 + 1.8 * k),
                        colours::S.alpha((255.0 * k) as u8),
                    );
                    c.ring(
                        tx,
                        ty,
                        r * (1.5 + 2.5 * (1.0 - k)),
                        2.0 * scale,
                        colours::S.alpha((200.0 * k) as u8),
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

    /// Draws station `i`'s three components (up, north, east) into `c`,
    /// one strip each, up to the clock's time with P and S marked.
    pub fn draw_record(&self, i: usize, c: &mut Canvas) {
        let (Some(q), Some(a)) = (
            self.quake.as_ref(),
            self.stations.get(i).and_then(|s| s.arrival.as_ref()),
        ) else {
            return;
        };
        let Some(rec) = &a.record else { return };
        let rows = 3.0;
        let row_h = c.height as f32 / rows;
        let window = (0.0, q.window_s);
        for k in 1..(q.window_s / 5.0).ceil() as usize {
            let x = c.width as f32 * (k as f32 * 5.0) / q.window_s as f32;
            c.vspan(x as i32, 0, c.height as i32 - 1, Rgba::hex(0x1f3a50));
        }
        // One scale for the three components, so their sizes compare.
        let peak = rec
            .zne
            .iter()
            .flat_map(|v| v.iter())
            .fold(0.0f32, |m, v| m.max(v.abs()));
        for (k, samples) in rec.zne.iter().enumerate() {
            let b = StripBox {
                x: 0.0,
                y: row_h * k as f32 + 1.0,
                w: c.width as f32,
                h: row_h - 2.0,
                window_s: window,
                full_scale: peak * 1.05,
            };
            let trace = StripTrace {
                samples,
                rate_hz: rec.rate_hz,
                start_s: rec.start_s,
            };
            draw_strip(
                c,
                &b,
                &trace,
                q.clock_s,
                Rgba::hex(0xe8eef3),
                &[(a.p_s, colours::P), (a.s_s, colours::S)],
            );
        }
        let x = (c.width as f64 * (q.clock_s / q.window_s).min(1.0)) as i32;
        c.vspan(x, 0, c.height as i32 - 1, Rgba::hex(0xe07a2f));
    }
}

/// A table like the shipped scene's (`scenes/09-sand-table.ron`), for the
/// preview picture and the tests.
pub fn example_params() -> SandTableParams {
    use crate::domain::scene::Place;
    use crate::domain::text::Bilingual;
    let place = |zh: &str, en: &str, lat, lon| Place {
        name: Bilingual::new(zh, en),
        lat,
        lon,
    };
    SandTableParams {
        intro: Bilingual::new("点一下沙盘", "Tap the table"),
        area: Area {
            south: 29.2,
            north: 30.1,
            west: 106.0,
            east: 107.15,
        },
        relief_exaggeration: 6.0,
        model: "chongqing".into(),
        depth_km: 8.0,
        magnitudes: vec![3.0, 4.0, 5.0, 6.0],
        hall: place("科技馆", "The hall", 29.56, 106.55),
        stations: vec![
            place("北碚", "Beibei", 29.83, 106.43),
            place("江津", "Jiangjin", 29.29, 106.26),
            place("长寿", "Changshou", 29.86, 107.08),
            place("璧山", "Bishan", 29.59, 106.23),
        ],
        speedup: 1.0,
        opening_quake: Some(crate::domain::scene::LatLon {
            lat: 29.40,
            lon: 106.62,
        }),
        preview: "pictures/sand-table.png".into(),
    }
}

/// A five-pointed star (the epicentre mark).
fn star(c: &mut Canvas, x: f32, y: f32, r: f32, col: Rgba) {
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
    use super::*;

    fn params() -> SandTableParams {
        example_params()
    }

    #[test]
    fn arrivals_are_the_physics_layers_travel_times() {
        let mut t = SandTable::new(&params()).unwrap();
        t.quake_at(29.70, 106.30);
        let tau = TauModel::new(EarthModel::by_name("chongqing").unwrap()).unwrap();
        let src = tau.source(8.0);
        for st in &t.stations {
            let a = st.arrival.as_ref().expect("every station has arrivals");
            let deg = distance_deg(29.70, 106.30, st.lat, st.lon);
            assert_eq!(a.p_s, src.first(Wave::P, deg).unwrap().time_s);
            assert_eq!(a.s_s, src.first(Wave::S, deg).unwrap().time_s);
            assert!((a.distance_km - deg * km_per_deg()).abs() < 1e-9);
            // Local distances: P at crustal speeds, S later.
            let hyp = a.distance_km.hypot(8.0);
            assert!(a.p_s > hyp / 7.0 && a.p_s < hyp / 4.0, "{} {}", a.p_s, hyp);
            assert!(a.s_s > a.p_s * 1.5);
            // The synthetic record covers the arrivals and has three components.
            let r = a.record.as_ref().expect("records are synthesised");
            assert!(r.zne.iter().all(|c| !c.is_empty()));
            assert!(r.start_s <= a.p_s);
            assert!(r.start_s + r.zne[0].len() as f64 / r.rate_hz > a.s_s);
        }
    }

    #[test]
    fn the_rings_reach_each_station_when_it_flashes() {
        let mut t = SandTable::new(&params()).unwrap();
        t.quake_at(29.70, 106.30);
        let q = t.quake.clone().unwrap();
        for i in 0..t.stations.len() {
            let a = t.stations[i].arrival.clone().unwrap();
            let (x, y) = t.stations[i].xy;
            let d = (x - q.xy.0).hypot(y - q.xy.1) as f64;
            // The table is flat-projected: its distances match the
            // great-circle ones to a fraction of a percent.
            assert!((d - a.distance_km).abs() < a.distance_km * 0.005 + 0.05);
            let rp = q.fronts.surface_radius(Wave::P, a.p_s).unwrap();
            let rs = q.fronts.surface_radius(Wave::S, a.s_s).unwrap();
            assert!(
                (rp - a.distance_km).abs() < 0.1,
                "P ring {rp} vs {}",
                a.distance_km
            );
            assert!(
                (rs - a.distance_km).abs() < 0.1,
                "S ring {rs} vs {}",
                a.distance_km
            );
            let at = |s: f64| {
                let mut t = t.clone();
                t.quake.as_mut().unwrap().clock_s = s;
                t.flash(i)
            };
            assert_eq!(at(a.p_s - 0.05), Flash::Waiting);
            assert!(matches!(at(a.p_s + 0.05), Flash::P(k) if k > 0.9));
            assert!(matches!(
                at(a.s_s - 0.05),
                Flash::P(_) | Flash::BetweenPAndS
            ));
            assert!(matches!(at(a.s_s + 0.05), Flash::S(k) if k > 0.9));
            assert_eq!(at(a.s_s + 10.0), Flash::After);
        }
        // Under the ground the front grows up from the hypocentre and its
        // rim is the surface ring.
        let f = &q.fronts;
        let first = f.time_at(Wave::P, 0.0).unwrap();
        assert!((f.sphere_radius(Wave::P, first / 2.0) - 4.0).abs() < 1e-6);
        let r = f.surface_radius(Wave::P, 10.0).unwrap();
        assert!((f.sphere_radius(Wave::P, 10.0) - r.hypot(8.0)).abs() < 1e-9);
    }

    #[test]
    fn relief_has_ridges_valleys_and_rivers_where_chongqing_has_them() {
        let t = SandTable::new(&params()).unwrap();
        let at = |lat, lon| {
            let (x, y) = t.to_xy(lat, lon);
            (t.height_m(x, y), t.is_water(x, y))
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

    #[test]
    fn a_tap_on_the_picture_sets_off_a_quake_under_that_spot() {
        let mut t = SandTable::new(&params()).unwrap();
        assert!(!t.tap(10.0, 10.0, 0.0), "no picture drawn yet");
        t.draw(320, 200);
        let (x, y) = t.to_xy(29.70, 106.30);
        let proj = t.view.camera.projector(320, 200);
        let (px, py, _) = proj.project([x, y, t.surface_z(x, y)]).unwrap();
        assert!(t.tap(px, py, 1.0));
        let q = t.quake.as_ref().unwrap();
        let km = distance_deg(q.lat, q.lon, 29.70, 106.30) * km_per_deg();
        assert!(km < 1.5, "quake {km:.2} km from the tap");
        // While the view turns it is drawn at half size and doubled; taps
        // still land where they should.
        t.view.camera.apply(
            crate::domain::kiosk::touch::Gesture::Orbit(40.0, 0.0),
            200.0,
        );
        t.draw(320, 200);
        assert_eq!(t.view.picture().width, 320);
        assert_eq!(t.view.raster.canvas.width, 160);
        let proj = t.view.camera.projector(320, 200);
        let (qx, qy, _) = proj.project([x, y, t.surface_z(x, y)]).unwrap();
        let [gx, gy] = t.view.ground_at(qx, qy).unwrap();
        assert!((gx - x).hypot(gy - y) < 2.5, "{gx} {gy} vs {x} {y}");
        // Still again: sharp.
        t.draw(320, 200);
        assert_eq!(t.view.raster.canvas.width, 320);
        // The sky is not ground; taps too soon after a quake are ignored.
        assert!(!t.tap(160.0, 1.0, 5.0));
        assert!(!t.tap(px, py, 1.2));
        assert!(t.tap(px, py, 1.5));
        // Time runs, the story ends, bad steps are ignored.
        t.advance(f64::NAN);
        t.advance(-5.0);
        assert_eq!(t.quake.as_ref().unwrap().clock_s, 0.0);
        t.advance(1e6);
        assert!(t.finished());
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
