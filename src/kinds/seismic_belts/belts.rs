//! A visit of "Plates and seismic belts": the catalogue's earthquakes on
//! the globe up to the year the visitor scrubs to, over the plate
//! boundaries coloured by how they move. The texture is drawn in layers:
//! land and boundaries once; the quakes on top, only the new ones as the
//! years run forward, all again when the visitor goes back or changes the
//! magnitude filter.

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::globe::data::{BoundaryType, Quake, Step};
use crate::domain::globe::texture::{self, LAND, OCEAN, TEXTURE};
use crate::domain::globe::{Globe, GlobeCamera, OnGlobe};
use crate::domain::text::Bilingual;

/// The first and last years of the scrubber.
pub const YEARS: (f64, f64) = (1900.0, 2024.0);
/// The globe's picture on screen, pixels.
pub const GLOBE_SIZE: (u32, u32) = (720, 600);
/// Farthest a tap may be from a quake's dot and still choose it, pixels of
/// the globe's picture (a finger's width).
pub const TAP_REACH_PX: f64 = 26.0;

/// The colours of the boundaries and of the quakes by depth.
pub mod colours {
    use crate::domain::draw::canvas::Rgba;
    /// Plates moving apart.
    pub const SPREADING: Rgba = Rgba::hex(0x6fd3ff);
    /// Plates sliding past each other.
    pub const TRANSFORM: Rgba = Rgba::hex(0xf2f2f2);
    /// Plates moving together.
    pub const CONVERGING: Rgba = Rgba::hex(0xff5fcf);
    /// Quakes shallower than 70 km.
    pub const SHALLOW: Rgba = Rgba::hex(0xff4a3d);
    /// Quakes 70-300 km deep.
    pub const INTERMEDIATE: Rgba = Rgba::hex(0xffc233);
    /// Quakes deeper than 300 km.
    pub const DEEP: Rgba = Rgba::hex(0x9b7bff);
    /// Quakes of unknown depth.
    pub const UNKNOWN: Rgba = Rgba::hex(0xb0b8c0);
}

/// A boundary type's colour.
pub fn boundary_colour(t: BoundaryType) -> Rgba {
    match t {
        BoundaryType::Spreading => colours::SPREADING,
        BoundaryType::Transform => colours::TRANSFORM,
        BoundaryType::Converging => colours::CONVERGING,
    }
}

/// A quake's colour by its depth (the usual shallow, intermediate and deep
/// classes: 70 and 300 km).
pub fn depth_colour(depth_km: Option<f64>) -> Rgba {
    match depth_km {
        None => colours::UNKNOWN,
        Some(d) if d < 70.0 => colours::SHALLOW,
        Some(d) if d < 300.0 => colours::INTERMEDIATE,
        Some(_) => colours::DEEP,
    }
}

/// A quake's dot radius on the texture, texels: M6 a small point, M9 a
/// large disc (the area grows about threefold per magnitude unit).
pub fn dot_radius(magnitude: f64) -> f32 {
    (1.2 + (magnitude - 6.0).max(0.0) * 1.7) as f32
}

/// The texture's fixed layer: land and plate boundaries.
pub fn base_texture(land: &[Vec<(f64, f64)>], steps: &[Step]) -> Canvas {
    let (w, h) = TEXTURE;
    let mut c = Canvas::new(w, h, OCEAN);
    texture::fill_rings(&mut c, land, LAND);
    for s in steps {
        let col = boundary_colour(s.class.boundary_type());
        texture::stroke_path(&mut c, &[s.start, s.end], 3.2, col);
    }
    c
}

/// Draws quake `q` on the texture.
pub fn draw_quake(c: &mut Canvas, q: &Quake) {
    let col = depth_colour(q.depth_km);
    let r = dot_radius(q.magnitude);
    // A dark rim keeps neighbours apart where the belts are crowded.
    texture::disc(c, q.lat, q.lon, r + 0.8, Rgba::hex(0x1a1010).alpha(150));
    texture::disc(c, q.lat, q.lon, r, col);
}

/// A visit.
pub struct Belts {
    /// The globe the visitor turns.
    pub globe: Globe,
    /// The catalogue's earthquakes, oldest first.
    pub quakes: Vec<Quake>,
    /// The year scrubbed to: quakes up to it are shown.
    pub year: f64,
    /// The smallest magnitude shown.
    pub min_magnitude: f64,
    /// Years per second while the years play.
    pub years_per_s: f64,
    /// Whether the years are playing.
    pub playing: bool,
    /// The quake the visitor tapped, if any (an index into `quakes`).
    pub chosen: Option<usize>,
    /// Where the hall stands: a name, latitude and longitude.
    pub home: (Bilingual, f64, f64),
    base: Option<Canvas>,
    land: &'static [Vec<(f64, f64)>],
    steps: &'static [Step],
    /// How many quakes (from the oldest) the texture shows, and for which
    /// filter; `None`: the texture must be drawn from its base again.
    drawn: Option<(usize, f64)>,
}

impl Belts {
    /// A visit over `quakes` (oldest first) with the years at the start.
    pub fn new(
        quakes: Vec<Quake>,
        land: &'static [Vec<(f64, f64)>],
        steps: &'static [Step],
        home: (Bilingual, f64, f64),
        years_per_s: f64,
        min_magnitude: f64,
    ) -> Self {
        let camera = GlobeCamera::new(20.0, 125.0, 4.0);
        Self {
            globe: Globe::new(camera, GLOBE_SIZE),
            quakes,
            year: YEARS.0,
            min_magnitude,
            years_per_s,
            playing: true,
            chosen: None,
            home,
            base: None,
            land,
            steps,
            drawn: None,
        }
    }

    /// The quakes shown are those before this: the start of the year
    /// shown (the years light up a whole year at a time), or all of them
    /// at the end.
    pub fn cutoff(&self) -> f64 {
        if self.year >= YEARS.1 {
            YEARS.1
        } else {
            self.year.floor()
        }
    }

    /// How many quakes (from the oldest) happened before `year`.
    pub fn count_before(&self, year: f64) -> usize {
        self.quakes.partition_point(|q| q.year < year)
    }

    /// Whether quake `q` is shown now.
    pub fn shown(&self, q: &Quake) -> bool {
        q.year < self.cutoff() && q.magnitude >= self.min_magnitude
    }

    /// How many quakes are shown now.
    pub fn shown_count(&self) -> usize {
        let n = self.count_before(self.cutoff());
        self.quakes[..n]
            .iter()
            .filter(|q| q.magnitude >= self.min_magnitude)
            .count()
    }

    /// Scrubs to `year` (held inside the catalogue's years).
    pub fn set_year(&mut self, year: f64) {
        if year.is_finite() {
            self.year = year.clamp(YEARS.0, YEARS.1);
        }
    }

    /// Shows only quakes of magnitude `m` and more.
    pub fn set_min_magnitude(&mut self, m: f64) {
        if m.is_finite() && m != self.min_magnitude {
            self.min_magnitude = m;
            if self.chosen.is_some_and(|i| self.quakes[i].magnitude < m) {
                self.chosen = None;
            }
        }
    }

    /// Plays the years from the start (or goes on where they stopped).
    pub fn play(&mut self) {
        if self.year >= YEARS.1 {
            self.year = YEARS.0;
        }
        self.playing = true;
    }

    /// Moves the years on by `dt` seconds while playing.
    pub fn advance(&mut self, dt: f64) {
        if self.playing && dt.is_finite() && dt > 0.0 {
            self.set_year(self.year + dt * self.years_per_s);
            if self.year >= YEARS.1 {
                self.playing = false;
            }
        }
    }

    /// Whether the texture shows something other than it should.
    pub fn stale(&self) -> bool {
        self.drawn != Some((self.count_before(self.cutoff()), self.min_magnitude))
    }

    /// Draws the texture: from the base again when the years went back or
    /// the filter changed, else only the quakes that came since.
    pub fn draw(&mut self, canvas: &mut Canvas) {
        let (land, steps) = (self.land, self.steps);
        let upto = self.count_before(self.cutoff());
        let base = self.base.get_or_insert_with(|| base_texture(land, steps));
        let from = match self.drawn {
            Some((n, m)) if m == self.min_magnitude && n <= upto => n,
            _ => {
                canvas.rgba.copy_from_slice(&base.rgba);
                0
            }
        };
        for q in &self.quakes[from..upto] {
            if q.magnitude >= self.min_magnitude {
                draw_quake(canvas, q);
            }
        }
        self.drawn = Some((upto, self.min_magnitude));
    }

    /// The shown quake nearest picture pixel (`x`, `y`) of the globe
    /// within a finger's reach, biggest first where dots overlap.
    pub fn quake_under(&self, x: f64, y: f64) -> Option<usize> {
        let v = self.globe.view();
        let px_per_texel = self.globe.camera.radius_px(self.globe.size.1 as f64)
            * std::f64::consts::TAU
            / TEXTURE.0 as f64;
        let mut best: Option<(f64, usize)> = None;
        for (i, q) in self.quakes.iter().enumerate() {
            if !self.shown(q) {
                continue;
            }
            let Some((qx, qy)) = v.project_lat_lon(q.lat, q.lon) else {
                continue;
            };
            let d = (qx - x).hypot(qy - y);
            let reach = TAP_REACH_PX.max(dot_radius(q.magnitude) as f64 * px_per_texel);
            if d > reach {
                continue;
            }
            // Nearer is better; a bigger quake wins a near tie.
            let score = d - q.magnitude * 2.0;
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// What the exhibit says about quake `i`: date, place, magnitude, depth.
    pub fn describe(&self, i: usize) -> Option<Bilingual> {
        use super::texts;
        let q = self.quakes.get(i)?;
        let date = q.time.get(..10).unwrap_or(&q.time);
        let depth = |unknown: &str, unit: &str| match q.depth_km {
            Some(d) => format!("{d:.0} {unit}"),
            None => unknown.to_string(),
        };
        let place = if q.place.is_empty() { "—" } else { q.place.as_str() };
        Some(Bilingual::new(
            format!(
                "{date}\n{place}\n{} {:.1}（{}）  {} {}",
                texts::MAGNITUDE.zh,
                q.magnitude,
                q.magnitude_type,
                texts::DEPTH.zh,
                depth(texts::DEPTH_UNKNOWN.zh, "千米"),
            ),
            format!(
                "{date}\n{place}\n{} {:.1} ({})  {} {}",
                capital(texts::MAGNITUDE.en),
                q.magnitude,
                q.magnitude_type,
                texts::DEPTH.en,
                depth(texts::DEPTH_UNKNOWN.en, "km"),
            ),
        ))
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

impl OnGlobe for Belts {
    fn globe(&self) -> &Globe {
        &self.globe
    }
    fn globe_mut(&mut self) -> &mut Globe {
        &mut self.globe
    }
    fn tap(&mut self, x: f32, y: f32) {
        self.chosen = self.quake_under(x as f64, y as f64);
    }
}
