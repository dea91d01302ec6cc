//! The regional map of Sichuan, Chongqing and their neighbours: provinces,
//! rivers, lakes and towns from Natural Earth's 1:10m layers (public
//! domain; "Made with Natural Earth"), shipped in `assets/maps/` with their
//! credit, clipped to lon 100-112 E, lat 24-34 N. Exhibits draw it under
//! their stations and quakes ([`draw`]) in a square [`MapFrame`], and label
//! its towns and rivers in the visitor's language ([`labels`]).
//!
//! No national border is drawn: only the lines between two Chinese
//! provinces (the vertices neighbours share), never the edges of the clip
//! box, the coast or any line a province shares with no other province.

use std::collections::HashMap;
use std::sync::OnceLock;

use geojson::{FeatureCollection, GeometryValue, JsonObject, Position};

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::{Pt, Rgba};
use crate::domain::physics::geo::km_per_deg;
use crate::domain::text::Bilingual;

/// The box the shipped layers were clipped to: west, south, east, north,
/// degrees.
pub const BOX: [f64; 4] = [100.0, 24.0, 112.0, 34.0];

/// A ring or line of (longitude, latitude) points, degrees.
pub type Line = Vec<(f64, f64)>;

/// A province (admin-1 area).
#[derive(Debug, Clone, PartialEq)]
pub struct Province {
    /// ISO 3166-2 code (`CN-CQ`).
    pub code: String,
    /// Its name.
    pub name: Bilingual,
    /// Whether it is a Chinese province (only those are outlined).
    pub chinese: bool,
    /// Its polygons, each an exterior ring and its holes.
    pub polygons: Vec<Vec<Line>>,
}

/// A river (or a lake's centre line).
#[derive(Debug, Clone, PartialEq)]
pub struct River {
    /// Its name, where the map labels it.
    pub name: Option<Bilingual>,
    /// Natural Earth's rank: 1 the most important, 9 the least.
    pub rank: f32,
    /// Its lines.
    pub lines: Vec<Line>,
}

/// A town.
#[derive(Debug, Clone, PartialEq)]
pub struct Town {
    /// Its name.
    pub name: Bilingual,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Natural Earth's rank: 0 the most important, 10 the least.
    pub rank: u8,
    /// Population of the town and its surroundings.
    pub population: u64,
}

/// The regional map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegionalMap {
    /// The provinces.
    pub provinces: Vec<Province>,
    /// The lines between two Chinese provinces, each drawn once.
    pub province_lines: Vec<Line>,
    /// The rivers.
    pub rivers: Vec<River>,
    /// The lakes: polygons of rings.
    pub lakes: Vec<Vec<Line>>,
    /// The Chinese towns.
    pub towns: Vec<Town>,
}

/// Simplified Chinese names where Natural Earth 4.0 has none or a
/// traditional form, and two English spellings it has wrong.
const TOWN_NAMES: &[(&str, &str, &str)] = &[
    ("Wanzhou", "万州", "Wanzhou"),
    ("Fengjie", "奉节", "Fengjie"),
    ("Yishan", "宜山", "Yishan"),
    ("Yunxian", "郧县", "Yunxian"),
    ("Zhijiang", "芷江", "Zhijiang"),
    ("Rongzhag", "丹巴", "Danba"),
    ("Zhanyi", "沾益", "Zhanyi"),
    ("Huize", "会泽", "Huize"),
    ("Fulin", "汉源", "Hanyuan"),
    ("Guiyang", "贵阳", "Guiyang"),
    ("Lijiang", "丽江", "Lijiang"),
    ("Shaoyang", "邵阳", "Shaoyang"),
    ("Zicheng", "枝城", "Zhicheng"),
    ("Jinshi", "津市", "Jinshi"),
    ("Zhaotang", "昭通", "Zhaotong"),
    ("Lupanshui", "六盘水", "Liupanshui"),
];

/// The rivers the map names (Natural Earth has no Chinese river names).
const RIVER_NAMES: &[(&str, &str, &str)] = &[
    ("Chang Jiang", "长江", "Yangtze"),
    ("Jinsha", "金沙江", "Jinsha"),
    ("Jialing", "嘉陵江", "Jialing"),
    ("Tuo", "沱江", "Tuo"),
    ("Min", "岷江", "Min"),
    ("Wu", "乌江", "Wu"),
    ("Dadu", "大渡河", "Dadu"),
    ("Yalong", "雅砻江", "Yalong"),
    ("Han", "汉江", "Han"),
    ("Huang", "黄河", "Yellow River"),
];

fn prop<'a>(p: &'a JsonObject, key: &str) -> Option<&'a str> {
    p.get(key).and_then(|v| v.as_str())
}

fn line(ps: &[Position]) -> Line {
    ps.iter()
        .filter(|p| p.len() >= 2)
        .map(|p| (p[0], p[1]))
        .collect()
}

fn polygon(rings: &[Vec<Position>]) -> Vec<Line> {
    rings.iter().map(|r| line(r)).collect()
}

fn polygons(g: &GeometryValue) -> Vec<Vec<Line>> {
    match g {
        GeometryValue::Polygon { coordinates } => vec![polygon(coordinates)],
        GeometryValue::MultiPolygon { coordinates } => {
            coordinates.iter().map(|p| polygon(p)).collect()
        }
        _ => Vec::new(),
    }
}

fn lines(g: &GeometryValue) -> Vec<Line> {
    match g {
        GeometryValue::LineString { coordinates } => vec![line(coordinates)],
        GeometryValue::MultiLineString { coordinates } => {
            coordinates.iter().map(|l| line(l)).collect()
        }
        _ => Vec::new(),
    }
}

fn collection(name: &str, text: &str) -> Result<FeatureCollection, String> {
    serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))
}

impl RegionalMap {
    /// The map shipped in `assets/maps/`, read once.
    pub fn shipped() -> &'static RegionalMap {
        static MAP: OnceLock<RegionalMap> = OnceLock::new();
        MAP.get_or_init(|| {
            Self::parse(
                include_str!("../../../assets/maps/ne_10m_admin_1_states_provinces_region.geojson"),
                include_str!("../../../assets/maps/ne_10m_rivers_lake_centerlines_region.geojson"),
                include_str!("../../../assets/maps/ne_10m_lakes_region.geojson"),
                include_str!("../../../assets/maps/ne_10m_populated_places_region.geojson"),
            )
            // The shipped files are checked by a test: an error here is a
            // broken build, not a visitor's input.
            .unwrap_or_default()
        })
    }

    /// A map from the four GeoJSON layers' texts.
    pub fn parse(admin: &str, rivers: &str, lakes: &str, towns: &str) -> Result<Self, String> {
        let mut map = RegionalMap::default();
        for f in collection("provinces", admin)?.features {
            let (Some(g), Some(p)) = (f.geometry, f.properties) else {
                continue;
            };
            map.provinces.push(Province {
                code: prop(&p, "iso_3166_2").unwrap_or_default().to_owned(),
                name: Bilingual::new(
                    prop(&p, "name_zh").unwrap_or_default(),
                    prop(&p, "name_en").or(prop(&p, "name")).unwrap_or_default(),
                ),
                chinese: prop(&p, "adm0_a3") == Some("CHN"),
                polygons: polygons(&g.value),
            });
        }
        for f in collection("rivers", rivers)?.features {
            let (Some(g), Some(p)) = (f.geometry, f.properties) else {
                continue;
            };
            let ne = prop(&p, "name").unwrap_or_default();
            map.rivers.push(River {
                name: RIVER_NAMES
                    .iter()
                    .find(|(n, _, _)| *n == ne)
                    .map(|(_, zh, en)| Bilingual::new(*zh, *en)),
                rank: p.get("scalerank").and_then(|v| v.as_f64()).unwrap_or(9.0) as f32,
                lines: lines(&g.value),
            });
        }
        for f in collection("lakes", lakes)?.features {
            if let Some(g) = f.geometry {
                map.lakes.extend(polygons(&g.value));
            }
        }
        for f in collection("towns", towns)?.features {
            let Some(p) = f.properties else { continue };
            if prop(&p, "ADM0_A3") != Some("CHN") {
                continue;
            }
            let ne = prop(&p, "NAME").unwrap_or_default();
            let name = match TOWN_NAMES.iter().find(|(n, _, _)| *n == ne) {
                Some((_, zh, en)) => Bilingual::new(*zh, *en),
                None => match prop(&p, "NAME_ZH") {
                    Some(zh) => Bilingual::new(zh, ne),
                    // A town with no Chinese name is not labelled.
                    None => continue,
                },
            };
            let num = |k: &str| p.get(k).and_then(|v| v.as_f64());
            let (Some(lat), Some(lon)) = (num("LATITUDE"), num("LONGITUDE")) else {
                continue;
            };
            map.towns.push(Town {
                name,
                lat,
                lon,
                rank: num("SCALERANK").unwrap_or(10.0) as u8,
                population: num("POP_MAX").unwrap_or(0.0).max(0.0) as u64,
            });
        }
        map.province_lines = province_lines(&map.provinces);
        Ok(map)
    }
}

/// Whether a segment runs along an edge of the clip box.
fn on_box_edge(a: (f64, f64), b: (f64, f64)) -> bool {
    let eq = |x: f64, y: f64| (x - y).abs() < 1e-9;
    (eq(a.0, b.0) && (eq(a.0, BOX[0]) || eq(a.0, BOX[2])))
        || (eq(a.1, b.1) && (eq(a.1, BOX[1]) || eq(a.1, BOX[3])))
}

/// The lines between two Chinese provinces: the segments of a province's
/// rings whose two ends are also vertices of one other Chinese province
/// (Natural Earth's neighbours share their vertices), each drawn from the
/// province listed first, joined into polylines.
fn province_lines(provinces: &[Province]) -> Vec<Line> {
    let key = |p: (f64, f64)| ((p.0 * 1e6).round() as i64, (p.1 * 1e6).round() as i64);
    let mut owners: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, pr) in provinces.iter().enumerate().filter(|(_, p)| p.chinese) {
        for ring in pr.polygons.iter().flatten() {
            for &pt in ring {
                let o = owners.entry(key(pt)).or_default();
                if o.last() != Some(&i) {
                    o.push(i);
                }
            }
        }
    }
    let mut out: Vec<Line> = Vec::new();
    for (i, pr) in provinces.iter().enumerate().filter(|(_, p)| p.chinese) {
        for ring in pr.polygons.iter().flatten() {
            let mut current: Line = Vec::new();
            for seg in ring.windows(2) {
                let (a, b) = (seg[0], seg[1]);
                let shared = |p: (f64, f64)| owners.get(&key(p)).cloned().unwrap_or_default();
                let (sa, sb) = (shared(a), shared(b));
                let internal = !on_box_edge(a, b) && sa.iter().any(|&j| j > i && sb.contains(&j));
                if internal {
                    if current.last() != Some(&a) {
                        if current.len() >= 2 {
                            out.push(std::mem::take(&mut current));
                        }
                        current = vec![a];
                    }
                    current.push(b);
                } else if current.len() >= 2 {
                    out.push(std::mem::take(&mut current));
                } else {
                    current.clear();
                }
            }
            if current.len() >= 2 {
                out.push(current);
            }
        }
    }
    out
}

/// A square view of the map: an equirectangular projection about its
/// centre, with east-west distances shortened by the cosine of the
/// centre's latitude, so that a circle of given radius in km is round
/// (within 1 % over a few hundred km at these latitudes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapFrame {
    /// Latitude of the centre, degrees.
    pub lat0: f64,
    /// Longitude of the centre, degrees.
    pub lon0: f64,
    /// Half the side, km.
    pub half_km: f64,
}

impl MapFrame {
    /// A frame centred on `(lat0, lon0)` and `2 * half_km` across.
    pub fn new(lat0: f64, lon0: f64, half_km: f64) -> Self {
        Self {
            lat0,
            lon0,
            half_km: half_km.max(1.0),
        }
    }

    /// The smallest frame holding `points` (latitude, longitude) with
    /// `margin_km` around them, at least `2 * min_half_km` across.
    pub fn around(points: &[(f64, f64)], margin_km: f64, min_half_km: f64) -> Self {
        let (mut s, mut n, mut w, mut e) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
        for &(lat, lon) in points {
            s = s.min(lat);
            n = n.max(lat);
            w = w.min(lon);
            e = e.max(lon);
        }
        if points.is_empty() {
            return Self::new(29.56, 106.55, min_half_km);
        }
        let (lat0, lon0) = ((s + n) / 2.0, (w + e) / 2.0);
        let k = km_per_deg();
        let half = ((n - s) * k / 2.0).max((e - w) * k * lat0.to_radians().cos() / 2.0);
        Self::new(lat0, lon0, (half + margin_km).max(min_half_km))
    }

    /// Where a place is, as fractions of the side from the top left.
    pub fn at(&self, lat: f64, lon: f64) -> (f64, f64) {
        let k = km_per_deg();
        let x = (lon - self.lon0) * self.lat0.to_radians().cos() * k;
        let y = (lat - self.lat0) * k;
        (0.5 + self.frac(x), 0.5 - self.frac(y))
    }

    /// The place at fractions `(fx, fy)` of the side: latitude, longitude.
    pub fn lat_lon(&self, fx: f64, fy: f64) -> (f64, f64) {
        let k = km_per_deg();
        let x = (fx - 0.5) * 2.0 * self.half_km;
        let y = (0.5 - fy) * 2.0 * self.half_km;
        (
            self.lat0 + y / k,
            self.lon0 + x / (k * self.lat0.to_radians().cos()),
        )
    }

    /// A length, km, as a fraction of the side.
    pub fn frac(&self, km: f64) -> f64 {
        km / (2.0 * self.half_km)
    }

    /// The frame's corners lie inside the map's box.
    pub fn inside_box(&self) -> bool {
        let (n, w) = self.lat_lon(0.0, 0.0);
        let (s, e) = self.lat_lon(1.0, 1.0);
        w >= BOX[0] && s >= BOX[1] && e <= BOX[2] && n <= BOX[3]
    }
}

/// The map's colours, calm under the hall's bright markers.
pub mod colours {
    use super::Rgba;
    /// Outside the provinces (and the sea, far away).
    pub const BACKGROUND: Rgba = Rgba::hex(0x16324a);
    /// Land.
    pub const LAND: Rgba = Rgba::hex(0x24443c);
    /// Chongqing, the hall's home.
    pub const HOME: Rgba = Rgba::hex(0x2c5346);
    /// The lines between provinces.
    pub const PROVINCE_LINE: Rgba = Rgba::hex(0x7fa08e);
    /// Rivers and lakes.
    pub const WATER: Rgba = Rgba::hex(0x4f9bd4);
    /// Town dots.
    pub const TOWN: Rgba = Rgba::hex(0xe8eef4);
}

/// Draws `map` as `frame` shows it, filling all of `c`: land, the lines
/// between provinces, lakes, rivers and a dot for each labelled town.
pub fn draw(map: &RegionalMap, frame: &MapFrame, c: &mut Canvas, towns: &[MapLabel]) {
    let (w, h) = (c.width as f64, c.height as f64);
    let px = |&(lon, lat): &(f64, f64)| -> Pt {
        let (fx, fy) = frame.at(lat, lon);
        ((fx * w) as f32, (fy * h) as f32)
    };
    let scale = (w.min(h) / 640.0) as f32;
    c.clear(colours::BACKGROUND);
    for p in &map.provinces {
        let colour = if p.code == "CN-CQ" {
            colours::HOME
        } else {
            colours::LAND
        };
        for poly in &p.polygons {
            let rings: Vec<Vec<Pt>> = poly.iter().map(|r| r.iter().map(px).collect()).collect();
            if rings.iter().flatten().any(|&(x, y)| on_canvas(x, y, w, h)) || covers(&rings, w, h) {
                c.fill_polygons(&rings, colour);
            }
        }
    }
    for lake in &map.lakes {
        let rings: Vec<Vec<Pt>> = lake.iter().map(|r| r.iter().map(px).collect()).collect();
        c.fill_polygons(&rings, colours::WATER);
    }
    for l in &map.province_lines {
        let pts: Vec<Pt> = l.iter().map(px).collect();
        if pts.iter().any(|&(x, y)| on_canvas(x, y, w, h)) {
            c.stroke(
                &pts,
                1.6 * scale.max(0.5),
                colours::PROVINCE_LINE.alpha(200),
            );
        }
    }
    for r in &map.rivers {
        let width = (if r.rank <= 2.0 {
            4.0
        } else if r.rank <= 7.0 {
            2.6
        } else {
            1.8
        }) * scale.max(0.5);
        for l in &r.lines {
            let pts: Vec<Pt> = l.iter().map(px).collect();
            if pts.iter().any(|&(x, y)| on_canvas(x, y, w, h)) {
                c.stroke(&pts, width, colours::WATER);
            }
        }
    }
    for t in towns.iter().filter(|t| t.kind == LabelKind::Town) {
        let (x, y) = ((t.fx * w) as f32, (t.fy * h) as f32);
        c.fill_circle(x, y, 5.0 * scale.max(0.6), colours::BACKGROUND);
        c.fill_circle(x, y, 3.5 * scale.max(0.6), colours::TOWN);
    }
}

fn on_canvas(x: f32, y: f32, w: f64, h: f64) -> bool {
    x >= -2.0 && y >= -2.0 && (x as f64) <= w + 2.0 && (y as f64) <= h + 2.0
}

/// Whether rings with no vertex on the canvas still cover it (a province
/// larger than the view).
fn covers(rings: &[Vec<Pt>], w: f64, h: f64) -> bool {
    let (cx, cy) = ((w / 2.0) as f32, (h / 2.0) as f32);
    let mut inside = false;
    for r in rings {
        for i in 0..r.len() {
            let (a, b) = (r[i], r[(i + 1) % r.len()]);
            if (a.1 > cy) != (b.1 > cy) && cx < a.0 + (cy - a.1) / (b.1 - a.1) * (b.0 - a.0) {
                inside = !inside;
            }
        }
    }
    inside
}

/// A scale bar `km` long in the lower left corner of a map `side` pixels
/// square drawn with `frame`: where it lies, as fractions of the map (left,
/// top, width; for its label).
pub fn scale_bar(frame: &MapFrame, side: u32, km: f64) -> (f64, f64, f64) {
    let w = side as f64;
    (24.0 / w, (w - 28.0) / w, frame.frac(km))
}

/// Draws the scale bar of [`scale_bar`] into `c` (`side` pixels square).
pub fn draw_scale_bar(c: &mut Canvas, frame: &MapFrame, side: u32, km: f64) {
    let bar = (frame.frac(km) * side as f64) as f32;
    let (x0, y0) = (24.0, side as f32 - 28.0);
    c.fill_rect(x0 - 2.0, y0 - 2.0, bar + 4.0, 10.0, Rgba::hex(0x10202e));
    c.fill_rect(x0, y0, bar, 6.0, Rgba::hex(0xe8eef4));
}

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// A town (drawn with a dot).
    Town,
    /// A river.
    River,
}

/// A name to write on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLabel {
    /// The name.
    pub name: Bilingual,
    /// Where, as fractions of the side from the top left.
    pub fx: f64,
    /// Where, as fractions of the side from the top left.
    pub fy: f64,
    /// What it names.
    pub kind: LabelKind,
}

/// The names to write on `frame`: at most `max_towns` towns, the most
/// important first, none within `min_gap` (a fraction of the side) of a
/// town already named or of a point in `keep_clear` (fractions: the
/// exhibit's own stations and quakes), then the named rivers, each once
/// at a point of its course inside the frame.
pub fn labels(
    map: &RegionalMap,
    frame: &MapFrame,
    max_towns: usize,
    min_gap: f64,
    keep_clear: &[(f64, f64)],
) -> Vec<MapLabel> {
    let inside =
        |fx: f64, fy: f64, m: f64| (m..=1.0 - m).contains(&fx) && (m..=1.0 - m).contains(&fy);
    let mut towns: Vec<&Town> = map.towns.iter().collect();
    towns.sort_by(|a, b| a.rank.cmp(&b.rank).then(b.population.cmp(&a.population)));
    let mut out: Vec<MapLabel> = Vec::new();
    let near = |a: (f64, f64), b: (f64, f64), gap: f64| ((a.0 - b.0) / 2.5).hypot(a.1 - b.1) < gap;
    for t in towns {
        if out.len() >= max_towns {
            break;
        }
        let (fx, fy) = frame.at(t.lat, t.lon);
        if !inside(fx, fy, 0.06)
            || out.iter().any(|l| near((l.fx, l.fy), (fx, fy), min_gap))
            || keep_clear.iter().any(|&k| near(k, (fx, fy), min_gap * 0.8))
        {
            continue;
        }
        out.push(MapLabel {
            name: t.name.clone(),
            fx,
            fy,
            kind: LabelKind::Town,
        });
    }
    let mut named: Vec<&Bilingual> = Vec::new();
    for r in &map.rivers {
        let Some(name) = &r.name else { continue };
        if named.contains(&name) {
            continue;
        }
        // The course inside the frame; the label a third of the way along,
        // clear of the towns and the exhibit's points.
        let pts: Vec<(f64, f64)> = r
            .lines
            .iter()
            .flatten()
            .map(|&(lon, lat)| frame.at(lat, lon))
            .filter(|&(x, y)| inside(x, y, 0.1))
            .collect();
        if pts.len() < 4 {
            continue;
        }
        let clear = |p: (f64, f64)| {
            !out.iter().any(|l| near((l.fx, l.fy), p, min_gap * 0.8))
                && !keep_clear.iter().any(|&k| near(k, p, min_gap * 0.8))
        };
        let start = pts.len() / 3;
        if let Some(&(fx, fy)) = pts[start..]
            .iter()
            .chain(&pts[..start])
            .find(|&&p| clear(p))
        {
            named.push(name);
            out.push(MapLabel {
                name: name.clone(),
                fx,
                fy,
                kind: LabelKind::River,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::physics::geo::distance_deg;

    #[test]
    fn the_shipped_map_reads_whole() {
        let m = RegionalMap::shipped();
        assert_eq!(m.provinces.len(), 12, "Chinese provinces are kept");
        assert!(m.provinces.iter().all(|p| p.chinese));
        let cq = m.provinces.iter().find(|p| p.code == "CN-CQ").unwrap();
        assert_eq!(cq.name.zh, "重庆市");
        assert_eq!(m.rivers.len(), 25);
        assert!(
            m.rivers
                .iter()
                .any(|r| r.name.as_ref().is_some_and(|n| n.zh == "长江"))
        );
        let town = m.towns.iter().find(|t| t.name.en == "Chongqing").unwrap();
        assert_eq!(town.name.zh, "重庆");
        // Every town has both names and none is in traditional script.
        for t in &m.towns {
            assert!(!t.name.zh.is_empty() && !t.name.en.is_empty(), "{t:?}");
            assert!(!t.name.zh.contains(['陽', '麗', '貴']), "{t:?}");
        }
        assert!(m.towns.iter().any(|t| t.name.zh == "万州"));
    }

    #[test]
    fn province_lines_are_shared_borders_never_the_box_or_the_coast() {
        let m = RegionalMap::shipped();
        assert!(m.province_lines.len() > 10);
        let mut sichuan_chongqing = false;
        for l in &m.province_lines {
            for seg in l.windows(2) {
                assert!(!on_box_edge(seg[0], seg[1]), "a box edge is drawn: {seg:?}");
            }
            // The border between Sichuan and Chongqing passes near Guang'an.
            if l.iter()
                .any(|&(lon, lat)| distance_deg(30.45, 106.63, lat, lon) < 0.3)
            {
                sichuan_chongqing = true;
            }
        }
        assert!(sichuan_chongqing);
        // Guangxi's coast (south of 24 N is clipped; its south-western
        // corner at 24 N towards Vietnam is no shared line).
        for l in &m.province_lines {
            assert!(l.iter().all(|&(_, lat)| lat > BOX[1] - 1e-9));
        }
    }

    #[test]
    fn a_frame_maps_places_and_back() {
        let f = MapFrame::new(29.5, 106.0, 100.0);
        let (fx, fy) = f.at(29.5, 106.0);
        assert!((fx - 0.5).abs() < 1e-12 && (fy - 0.5).abs() < 1e-12);
        let (lat, lon) = f.lat_lon(0.2, 0.9);
        let (x, y) = f.at(lat, lon);
        assert!((x - 0.2).abs() < 1e-9 && (y - 0.9).abs() < 1e-9);
        // 50 km north is a quarter of the side up.
        let (_, y) = f.at(29.5 + 50.0 / km_per_deg(), 106.0);
        assert!((y - 0.25).abs() < 1e-9);
        // A point 50 km east is 50 km away on the sphere, to 1 %.
        let (lat, lon) = f.lat_lon(0.75, 0.5);
        let km = distance_deg(29.5, 106.0, lat, lon) * km_per_deg();
        assert!((km - 50.0).abs() < 0.5, "{km}");
        assert!(f.inside_box());
        assert!(!MapFrame::new(25.0, 101.0, 400.0).inside_box());
        let a = MapFrame::around(&[(29.0, 105.0), (30.0, 106.0)], 20.0, 10.0);
        for (lat, lon) in [(29.0, 105.0), (30.0, 106.0)] {
            let (x, y) = a.at(lat, lon);
            assert!((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y));
        }
    }

    #[test]
    fn the_map_draws_land_water_and_towns_around_chongqing() {
        let m = RegionalMap::shipped();
        let f = MapFrame::new(29.6, 106.3, 120.0);
        let labels = labels(m, &f, 8, 0.12, &[]);
        assert!(labels.iter().any(|l| l.name.en == "Chongqing"));
        assert!(
            labels
                .iter()
                .any(|l| l.kind == LabelKind::River && l.name.en == "Yangtze")
        );
        let mut c = Canvas::new(320, 320, Rgba::hex(0));
        draw(m, &f, &mut c, &labels);
        let count = |col: Rgba| {
            c.rgba
                .chunks(4)
                .filter(|p| p[0] == col.0 && p[1] == col.1 && p[2] == col.2)
                .count()
        };
        assert!(
            count(colours::HOME) > 20_000,
            "Chongqing fills most of the view"
        );
        assert!(count(colours::LAND) > 2_000, "Sichuan to the west");
        assert!(count(colours::WATER) > 300, "the Yangtze and Jialing");
        // Chongqing's dot where the town is.
        let (x, y) = f.at(29.565, 106.595);
        let p = c.pixel((x * 320.0) as u32, (y * 320.0) as u32);
        assert_eq!(p, colours::TOWN);
    }
}
