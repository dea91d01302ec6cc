//! The visitor state of "Magnitude and intensity": one quake on the
//! regional map, its magnitude on a slider, its depth one of two, and the
//! rings of the China seismic intensity scale around its epicentre from
//! the attenuation relation ([`intensity`]); a tap on the map (or a
//! degree's button) chooses the ring there and shows what it means.

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::map::{self, MapFrame, MapLabel, RegionalMap};
use crate::domain::physics::intensity;

/// The map's side, pixels.
pub const MAP_PX: u32 = 640;

/// The lowest degree drawn as a ring: below IV few people notice.
pub const LOWEST_RING: u8 = 3;

/// Colours of the degrees I-XII, cool to hot (after the colour ramp of
/// intensity maps: pale blue where barely felt, through green and yellow,
/// to red and deep red where buildings fall).
pub const DEGREE_COLOURS: [Rgba; 12] = [
    Rgba::hex(0xdfe8f7),
    Rgba::hex(0xbfccff),
    Rgba::hex(0xa0e6ff),
    Rgba::hex(0x80ffff),
    Rgba::hex(0x7aff93),
    Rgba::hex(0xffff00),
    Rgba::hex(0xffc800),
    Rgba::hex(0xff9100),
    Rgba::hex(0xff0000),
    Rgba::hex(0xc80000),
    Rgba::hex(0x960040),
    Rgba::hex(0x640064),
];

/// The colour of `degree` (1-12).
pub fn degree_colour(degree: u8) -> Rgba {
    DEGREE_COLOURS[degree.clamp(1, 12) as usize - 1]
}

/// One ring: the area shaken to `degree` or more.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ring {
    /// The degree (1-12).
    pub degree: u8,
    /// Its radius, km from the epicentre.
    pub radius_km: f64,
}

/// The rings of a quake of `magnitude` at `depth_km`, from the epicentral
/// degree outwards down to [`LOWEST_RING`]; each radius is
/// [`intensity::ring_radius_km`].
pub fn rings(magnitude: f64, depth_km: f64) -> Vec<Ring> {
    let top = intensity::epicentral_degree(magnitude, depth_km);
    (LOWEST_RING..=top)
        .rev()
        .map(|degree| Ring {
            degree,
            radius_km: intensity::ring_radius_km(magnitude, degree, depth_km),
        })
        .filter(|r| r.radius_km > 0.0)
        .collect()
}

/// The visit.
#[derive(Debug, Clone)]
pub struct Rings {
    /// The epicentre: latitude, longitude.
    pub epicentre: (f64, f64),
    /// The magnitude now.
    pub magnitude: f64,
    /// The slider's ends.
    pub magnitude_range: (f64, f64),
    /// The two depths, km: the first shallow, the second deeper.
    pub depths_km: [f64; 2],
    /// Whether the deeper quake is shown.
    pub deep: bool,
    /// The degree chosen (tapped), if any.
    pub chosen: Option<u8>,
    /// Where the map was last tapped: latitude, longitude.
    pub tapped: Option<(f64, f64)>,
    /// The map's view.
    pub frame: MapFrame,
    /// The names written on the map.
    pub labels: Vec<MapLabel>,
    base: Canvas,
    revision: u64,
    drawn: Option<u64>,
}

impl PartialEq for Rings {
    fn eq(&self, o: &Self) -> bool {
        self.epicentre == o.epicentre
            && self.magnitude == o.magnitude
            && self.magnitude_range == o.magnitude_range
            && self.depths_km == o.depths_km
            && self.deep == o.deep
            && self.chosen == o.chosen
            && self.tapped == o.tapped
            && self.frame == o.frame
    }
}

impl Rings {
    /// A fresh visit: the quake at `epicentre`, the map `half_km` each way
    /// about it, the magnitude `start` of `range`, the shallow depth shown.
    pub fn new(epicentre: (f64, f64), half_km: f64, range: (f64, f64), start: f64, depths_km: [f64; 2]) -> Self {
        let frame = MapFrame::new(epicentre.0, epicentre.1, half_km);
        let keep = [frame.at(epicentre.0, epicentre.1)];
        let labels = map::labels(RegionalMap::shipped(), &frame, 9, 0.12, &keep);
        let mut base = Canvas::new(MAP_PX, MAP_PX, map::colours::BACKGROUND);
        map::draw(RegionalMap::shipped(), &frame, &mut base, &labels);
        Self {
            epicentre,
            magnitude: start.clamp(range.0, range.1),
            magnitude_range: range,
            depths_km,
            deep: false,
            chosen: None,
            tapped: None,
            frame,
            labels,
            base,
            revision: 0,
            drawn: None,
        }
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    /// The depth shown, km.
    pub fn depth_km(&self) -> f64 {
        self.depths_km[usize::from(self.deep)]
    }

    /// The rings shown now, innermost (highest degree) first.
    pub fn rings(&self) -> Vec<Ring> {
        rings(self.magnitude, self.depth_km())
    }

    /// The shallow quake's rings, drawn faintly under the deeper one's.
    pub fn shallow_rings(&self) -> Vec<Ring> {
        rings(self.magnitude, self.depths_km[0])
    }

    /// The epicentral degree now.
    pub fn epicentral_degree(&self) -> u8 {
        intensity::epicentral_degree(self.magnitude, self.depth_km())
    }

    /// Moves the slider to `fraction` (0-1) of its range; the magnitude
    /// steps by 0.1, as catalogues give it.
    pub fn set_fraction(&mut self, fraction: f64) {
        let (lo, hi) = self.magnitude_range;
        let m = (lo + fraction.clamp(0.0, 1.0) * (hi - lo)) * 10.0;
        self.set_magnitude(m.round() / 10.0);
    }

    /// Where the magnitude stands on the slider (0-1).
    pub fn fraction(&self) -> f64 {
        let (lo, hi) = self.magnitude_range;
        if hi > lo { (self.magnitude - lo) / (hi - lo) } else { 0.0 }
    }

    /// Sets the magnitude (kept within the slider's ends). A chosen degree
    /// the quake no longer reaches is let go; a tapped place keeps its
    /// degree, which follows the magnitude.
    pub fn set_magnitude(&mut self, m: f64) {
        let m = m.clamp(self.magnitude_range.0, self.magnitude_range.1);
        if m != self.magnitude {
            self.magnitude = m;
            self.follow_tap();
            self.changed();
        }
    }

    /// Shows the shallow (`false`) or the deeper (`true`) quake.
    pub fn set_deep(&mut self, deep: bool) {
        if deep != self.deep {
            self.deep = deep;
            self.follow_tap();
            self.changed();
        }
    }

    fn follow_tap(&mut self) {
        if let Some((lat, lon)) = self.tapped {
            self.chosen = Some(self.degree_at(lat, lon));
        } else if self.chosen.is_some_and(|d| d > self.epicentral_degree()) {
            self.chosen = None;
        }
    }

    /// The degree a place at (`lat`, `lon`) is shaken to (1-12), its
    /// distance measured on the map as the rings are drawn (within 1 % of
    /// the great-circle distance over the map).
    pub fn degree_at(&self, lat: f64, lon: f64) -> u8 {
        let (ex, ey) = self.frame.at(self.epicentre.0, self.epicentre.1);
        let (x, y) = self.frame.at(lat, lon);
        let d = (x - ex).hypot(y - ey) * 2.0 * self.frame.half_km;
        let i = intensity::intensity_at(self.magnitude, d, self.depth_km());
        i.round().clamp(1.0, 12.0) as u8
    }

    /// How far the tapped place is from the epicentre, km (on the map).
    pub fn tapped_km(&self) -> Option<f64> {
        let (lat, lon) = self.tapped?;
        let (ex, ey) = self.frame.at(self.epicentre.0, self.epicentre.1);
        let (x, y) = self.frame.at(lat, lon);
        Some((x - ex).hypot(y - ey) * 2.0 * self.frame.half_km)
    }

    /// The band of `degree`: from its inner edge (the next degree's ring,
    /// 0 at the epicentre) to its ring, km; `None` where it has no ring.
    pub fn band_km(&self, degree: u8) -> Option<(f64, f64)> {
        let rings = self.rings();
        let k = rings.iter().position(|r| r.degree == degree)?;
        let inner = if k > 0 { rings[k - 1].radius_km } else { 0.0 };
        Some((inner, rings[k].radius_km))
    }

    /// A tap on the map at fractions (`fx`, `fy`) of its side: the degree
    /// there is chosen and the place marked.
    pub fn tap(&mut self, fx: f64, fy: f64) {
        let (lat, lon) = self.frame.lat_lon(fx.clamp(0.0, 1.0), fy.clamp(0.0, 1.0));
        self.tapped = Some((lat, lon));
        self.chosen = Some(self.degree_at(lat, lon));
        self.changed();
    }

    /// Chooses `degree` from its button (no place marked).
    pub fn choose(&mut self, degree: u8) {
        self.tapped = None;
        self.chosen = Some(degree.clamp(1, 12));
        self.changed();
    }

    /// Where to write each ring's numeral, as fractions of the map: in the
    /// middle of its band on a line south-east of the epicentre, for the
    /// bands wide enough to hold one (`min_px` pixels) and on the map.
    pub fn numeral_spots(&self, min_px: f64) -> Vec<(u8, f64, f64)> {
        let rings = self.rings();
        let (cx, cy) = self.frame.at(self.epicentre.0, self.epicentre.1);
        let (dx, dy) = (0.8f64, 0.6f64);
        let mut out = Vec::new();
        for (k, r) in rings.iter().enumerate() {
            let inner = rings.get(k.wrapping_sub(1)).filter(|_| k > 0).map_or(0.0, |i| i.radius_km);
            let band = self.frame.frac(r.radius_km - inner) * MAP_PX as f64;
            if band < min_px {
                continue;
            }
            let mid = self.frame.frac(0.5 * (r.radius_km + inner));
            let (fx, fy) = (cx + mid * dx, cy + mid * dy);
            if (0.03..0.97).contains(&fx) && (0.03..0.97).contains(&fy) {
                out.push((r.degree, fx, fy));
            }
        }
        out
    }

    /// Whether the map shows something new since it was last drawn.
    pub fn stale(&self) -> bool {
        self.drawn != Some(self.revision)
    }

    fn px(&self, lat: f64, lon: f64) -> (f32, f32) {
        let (x, y) = self.frame.at(lat, lon);
        ((x * MAP_PX as f64) as f32, (y * MAP_PX as f64) as f32)
    }

    fn km_px(&self, km: f64) -> f32 {
        (self.frame.frac(km) * MAP_PX as f64) as f32
    }

    /// Draws the map: each ring's band in its degree's colour over the
    /// regional map (the chosen one brighter and outlined), the shallow
    /// quake's rings as faint lines when the deeper one is shown, the
    /// epicentre, and the tapped place.
    pub fn draw(&mut self, c: &mut Canvas) {
        if c.rgba.len() == self.base.rgba.len() {
            c.rgba.copy_from_slice(&self.base.rgba);
        } else {
            c.clear(map::colours::BACKGROUND);
        }
        let (x, y) = self.px(self.epicentre.0, self.epicentre.1);
        let rings = self.rings();
        // Outermost first; each band is the annulus between its ring and
        // the next one in, so that colours never mix.
        for k in (0..rings.len()).rev() {
            let r = rings[k];
            let outer = self.km_px(r.radius_km).max(1.0);
            let inner = if k > 0 { self.km_px(rings[k - 1].radius_km) } else { 0.0 };
            let chosen = self.chosen == Some(r.degree);
            let alpha = if chosen { 215 } else { 120 };
            c.fill_annulus(x, y, inner, outer, degree_colour(r.degree).alpha(alpha));
            ring(c, x, y, outer, 2.0, degree_colour(r.degree).mix(Rgba::hex(0x000000), 0.35));
        }
        if self.deep {
            for r in self.shallow_rings() {
                ring(c, x, y, self.km_px(r.radius_km), 1.5, Rgba::hex(0xffffff).alpha(150));
            }
        }
        if let Some(d) = self.chosen
            && let Some(k) = rings.iter().position(|r| r.degree == d)
        {
            ring(c, x, y, self.km_px(rings[k].radius_km), 4.0, Rgba::hex(0xffffff));
            if k > 0 {
                ring(c, x, y, self.km_px(rings[k - 1].radius_km), 2.5, Rgba::hex(0xffffff).alpha(200));
            }
        }
        c.fill_star(x, y, 20.0, Rgba::hex(0x10202e));
        c.fill_star(x, y, 15.0, Rgba::hex(0xffffff));
        if let Some((lat, lon)) = self.tapped {
            let (tx, ty) = self.px(lat, lon);
            c.fill_circle(tx, ty, 11.0, Rgba::hex(0x10202e));
            c.fill_circle(tx, ty, 7.5, Rgba::hex(0xffffff));
            c.fill_circle(tx, ty, 3.5, Rgba::hex(0x10202e));
        }
        map::draw_scale_bar(c, &self.frame, MAP_PX, 100.0);
        self.drawn = Some(self.revision);
    }

    /// Where the scale bar lies, as fractions of the map: left, top, width.
    pub fn scale_bar(&self) -> (f64, f64, f64) {
        map::scale_bar(&self.frame, MAP_PX, 100.0)
    }
}

/// A circle `width` wide about (`x`, `y`) by the canvas's fast annulus.
pub fn ring(c: &mut Canvas, x: f32, y: f32, r: f32, width: f32, col: Rgba) {
    c.fill_annulus(x, y, (r - width / 2.0).max(0.0), r + width / 2.0, col);
}
