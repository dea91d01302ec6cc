//! Checks beyond parsing: texts in both languages, numbers in range, files
//! that exist inside `assets/`, and (across files) unique ids and zones.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path};

use super::locate::FieldPath;
use super::problem::{Problem, Severity};
use super::schema::*;
use crate::domain::text::Bilingual;

/// Picture formats the hall can show.
pub const PICTURE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg"];

/// Collects problems of one file, locating each field in its source.
pub struct Checker<'a> {
    file: &'a Path,
    src: &'a str,
    assets_dir: &'a Path,
    /// Problems found so far.
    pub problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// A checker for `file` (text `src`) whose asset paths are relative to `assets_dir`.
    pub fn new(file: &'a Path, src: &'a str, assets_dir: &'a Path) -> Self {
        Self {
            file,
            src,
            assets_dir,
            problems: Vec::new(),
        }
    }

    fn push(&mut self, severity: Severity, path: &FieldPath, message: impl Into<String>) {
        self.problems
            .push(Problem::at(severity, self.file, self.src, path, message));
    }

    /// Records an error at `path`.
    pub fn error(&mut self, path: &FieldPath, message: impl Into<String>) {
        self.push(Severity::Error, path, message);
    }

    /// Records a warning at `path`.
    pub fn warn(&mut self, path: &FieldPath, message: impl Into<String>) {
        self.push(Severity::Warning, path, message);
    }

    /// Both languages present; Chinese text actually Chinese; within `max_chars`.
    pub fn text(&mut self, path: &FieldPath, t: &Bilingual, max_chars: usize) {
        if t.zh.trim().is_empty() {
            self.error(
                &path.field("zh"),
                "missing Chinese text: expected a non-empty zh string (every visitor text needs zh and en)",
            );
        } else if !t.zh.chars().any(is_cjk) {
            self.warn(
                &path.field("zh"),
                "the zh text contains no Chinese characters; was the English copied here?",
            );
        }
        if t.en.trim().is_empty() {
            self.error(
                &path.field("en"),
                "missing English text: expected a non-empty en string (every visitor text needs zh and en)",
            );
        }
        for (lang, s) in [("zh", &t.zh), ("en", &t.en)] {
            let n = s.chars().count();
            if n > max_chars {
                self.warn(
                    &path.field(lang),
                    format!("{n} characters; at most {max_chars} fit on screen here"),
                );
            }
        }
    }

    /// A number within `lo..=hi`.
    pub fn range_f32(&mut self, path: &FieldPath, v: f32, lo: f32, hi: f32, unit: &str) {
        if !v.is_finite() || v < lo || v > hi {
            self.error(
                path,
                format!("{v} is out of range: expected {lo} to {hi} {unit}"),
            );
        }
    }

    /// An integer within `lo..=hi`.
    pub fn range_u32(&mut self, path: &FieldPath, v: u32, lo: u32, hi: u32, what: &str) {
        if v < lo || v > hi {
            self.error(
                path,
                format!("{v} is out of range: expected {lo} to {hi} {what}"),
            );
        }
    }

    /// A list length within `lo..=hi`.
    pub fn count(&mut self, path: &FieldPath, n: usize, lo: usize, hi: usize, what: &str) {
        if n < lo || n > hi {
            self.error(path, format!("{n} {what}: expected {lo} to {hi}"));
        }
    }

    /// A path relative to `assets/` that stays inside it, has one of
    /// `extensions` and names an existing file.
    pub fn asset(&mut self, path: &FieldPath, rel: &str, extensions: &[&str]) {
        if let Err(msg) = check_asset_path(self.assets_dir, rel, extensions) {
            self.error(path, msg);
        }
    }
}

/// Why `rel` is not a usable file inside `assets_dir`, if it is not.
pub fn check_asset_path(assets_dir: &Path, rel: &str, extensions: &[&str]) -> Result<(), String> {
    if rel.trim().is_empty() {
        return Err(
            "empty path: expected a file inside assets/, like \"pictures/tunnel.png\"".into(),
        );
    }
    let p = Path::new(rel);
    if p.is_absolute() || rel.starts_with('/') || rel.starts_with('\\') || rel.contains(':') {
        return Err(format!(
            "\"{rel}\" is an absolute path: expected a path inside assets/, like \"pictures/tunnel.png\""
        ));
    }
    if p.components().any(|c| {
        matches!(
            c,
            Component::ParentDir | Component::RootDir | Component::Prefix(_)
        )
    }) || rel.contains('\\')
    {
        return Err(format!(
            "\"{rel}\" leaves the assets/ folder: expected a path inside assets/ without \"..\""
        ));
    }
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !extensions.contains(&ext.as_str()) {
        return Err(format!(
            "\"{rel}\" has the wrong type: expected one of .{}",
            extensions.join(", .")
        ));
    }
    let full = assets_dir.join(p);
    if !full.is_file() {
        return Err(format!(
            "\"{rel}\" does not exist: expected a file at {}",
            full.display()
        ));
    }
    Ok(())
}

/// Whether `c` is a CJK ideograph or CJK punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 48
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn schema_version(c: &mut Checker, v: u32) {
    if v != SCHEMA_VERSION {
        c.error(
            &FieldPath::root().field("schema_version"),
            format!("version {v} is not known: expected {SCHEMA_VERSION}"),
        );
    }
}

/// Problems of `hall.ron` on its own.
pub fn check_hall(c: &mut Checker, hall: &HallConfig) {
    let root = FieldPath::root();
    schema_version(c, hall.schema_version);
    c.text(&root.field("title"), &hall.title, 40);
    c.text(&root.field("subtitle"), &hall.subtitle, 120);
    c.count(
        &root.field("languages"),
        hall.languages.len(),
        1,
        2,
        "languages",
    );
    let mut seen = HashSet::new();
    for (i, l) in hall.languages.iter().enumerate() {
        if !seen.insert(*l) {
            c.error(
                &root.field("languages").index(i),
                format!("{} is listed twice", l.code()),
            );
        }
    }
    c.range_f32(
        &root.field("idle_timeout_s"),
        hall.idle_timeout_s,
        10.0,
        3600.0,
        "seconds",
    );
    c.range_f32(
        &root.field("attract").field("slide_s"),
        hall.attract.slide_s,
        2.0,
        60.0,
        "seconds",
    );
    let kiosk = root.field("kiosk");
    c.range_f32(
        &kiosk.field("corner_hold_s"),
        hall.kiosk.corner_hold_s,
        2.0,
        30.0,
        "seconds",
    );
    c.range_u32(
        &kiosk.field("pin_attempts"),
        hall.kiosk.pin_attempts,
        1,
        20,
        "attempts",
    );
    c.range_f32(
        &kiosk.field("lockout_s"),
        hall.kiosk.lockout_s,
        10.0,
        3600.0,
        "seconds",
    );
    let pin = root.field("curator_pin");
    if let Err(msg) = crate::domain::kiosk::pin::check_hash_format(&hall.curator_pin) {
        c.error(
            &pin,
            format!("{msg}; run `quakehall set-pin` to write a new one"),
        );
    }
    let mut zone_ids = HashSet::new();
    let mut listed: HashMap<&str, usize> = HashMap::new();
    for (zi, z) in hall.zones.iter().enumerate() {
        let zp = root.field("zones").index(zi);
        if !is_valid_id(&z.id) {
            c.error(
                &zp.field("id"),
                format!(
                    "\"{}\" is not a valid id: expected lower-case letters, digits and -",
                    z.id
                ),
            );
        }
        if !zone_ids.insert(z.id.as_str()) {
            c.error(
                &zp.field("id"),
                format!("zone id \"{}\" is used twice", z.id),
            );
        }
        c.text(&zp.field("title"), &z.title, 40);
        for (ei, e) in z.exhibits.iter().enumerate() {
            if let Some(prev) = listed.insert(e.as_str(), zi) {
                c.error(
                    &zp.field("exhibits").index(ei),
                    format!(
                        "exhibit \"{e}\" is already listed in zone \"{}\"",
                        hall.zones[prev].id
                    ),
                );
            }
        }
    }
    c.count(&root.field("zones"), hall.zones.len(), 1, 12, "zones");
}

/// Problems of one exhibit file on its own.
pub fn check_exhibit(c: &mut Checker, ex: &ExhibitScene) {
    let root = FieldPath::root();
    schema_version(c, ex.schema_version);
    if !is_valid_id(&ex.id) {
        c.error(
            &root.field("id"),
            format!("\"{}\" is not a valid id: expected lower-case letters, digits and - (like \"15-station\")", ex.id),
        );
    }
    if let Some(stem) = c.file.file_stem().and_then(|s| s.to_str())
        && stem != ex.id
    {
        c.warn(&root.field("id"), format!("id \"{}\" differs from the file name \"{stem}.ron\"; keep them equal so the file is easy to find", ex.id));
    }
    c.range_u32(
        &root.field("number"),
        ex.number,
        1,
        99,
        "(the exhibit number on the hall plan)",
    );
    c.text(&root.field("title"), &ex.title, 40);
    c.text(&root.field("summary"), &ex.summary, 160);
    let kind = root.field("kind");
    match &ex.kind {
        ExhibitKind::WaveTypes(w) => {
            c.text(&kind.field("intro"), &w.intro, 200);
            c.range_f32(&kind.field("vp_km_s"), w.vp_km_s as f32, 1.0, 14.0, "km/s");
            c.range_f32(&kind.field("vs_km_s"), w.vs_km_s as f32, 0.5, 8.0, "km/s");
            c.range_f32(&kind.field("layer_km"), w.layer_km as f32, 0.1, 10.0, "km");
            c.range_f32(&kind.field("period_s"), w.period_s as f32, 0.2, 10.0, "s");
            c.asset(&kind.field("preview"), &w.preview, PICTURE_EXTENSIONS);
            p_exceeds_s(c, &kind.field("vp_km_s"), w.vp_km_s, w.vs_km_s, "km/s");
            if !(w.layer_vs_km_s > 0.3 && w.layer_vs_km_s < w.vs_km_s) {
                c.error(
                    &kind.field("layer_vs_km_s"),
                    format!(
                        "{} km/s: the surface layer must be slower than the rock below ({} km/s) for Love waves",
                        w.layer_vs_km_s, w.vs_km_s
                    ),
                );
            }
        }
        ExhibitKind::SandTable(t) => sand_table(c, &kind, t),
        ExhibitKind::Theatre(t) => theatre(c, &kind, t),
        ExhibitKind::ThroughEarth(e) => {
            c.text(&kind.field("intro"), &e.intro, 200);
            earth_model(c, &kind.field("model"), &e.model);
            c.range_f32(&kind.field("depth_km"), e.depth_km as f32, 0.0, 700.0, "km");
            c.range_f32(&kind.field("speedup"), e.speedup, 1.0, 300.0, "x");
            c.count(
                &kind.field("stations_deg"),
                e.stations_deg.len(),
                1,
                8,
                "stations",
            );
            for (i, d) in e.stations_deg.iter().enumerate() {
                c.range_f32(
                    &kind.field("stations_deg").index(i),
                    *d as f32,
                    1.0,
                    179.0,
                    "degrees",
                );
            }
            c.asset(&kind.field("preview"), &e.preview, PICTURE_EXTENSIONS);
        }
        ExhibitKind::WaveRace(race) => {
            c.text(&kind.field("intro"), &race.intro, 200);
            for (name, place) in [("quake", &race.quake), ("hall", &race.hall)] {
                let pp = kind.field(name);
                c.text(&pp.field("name"), &place.name, 30);
                c.range_f32(&pp.field("lat"), place.lat as f32, -90.0, 90.0, "degrees");
                c.range_f32(&pp.field("lon"), place.lon as f32, -180.0, 180.0, "degrees");
            }
            c.range_f32(
                &kind.field("depth_km"),
                race.depth_km as f32,
                0.0,
                700.0,
                "km",
            );
            c.range_f32(&kind.field("magnitude"), race.magnitude, 0.0, 10.0, "");
            c.range_f32(&kind.field("speedup"), race.speedup, 1.0, 60.0, "x");
            if crate::domain::physics::earth::EarthModel::by_name(&race.model).is_none() {
                c.error(
                    &kind.field("model"),
                    format!(
                        "unknown Earth model \"{}\": use \"iasp91\", \"ak135\" or \"chongqing\"",
                        race.model
                    ),
                );
            }
            let km = crate::domain::physics::geo::distance_deg(
                race.quake.lat,
                race.quake.lon,
                race.hall.lat,
                race.hall.lon,
            ) * crate::domain::physics::geo::km_per_deg();
            if !(20.0..=3000.0).contains(&km) {
                c.error(
                    &kind.field("hall"),
                    format!("the hall is {km:.0} km from the quake: the race map needs 20-3000 km"),
                );
            }
            c.asset(&kind.field("preview"), &race.preview, PICTURE_EXTENSIONS);
        }
        ExhibitKind::WaveTank(tank) => {
            c.text(&kind.field("intro"), &tank.intro, 200);
            c.text(&kind.field("rock_label"), &tank.rock_label, 30);
            c.range_u32(&kind.field("cells"), tank.cells, 128, 512, "cells");
            c.range_f32(&kind.field("cell_m"), tank.cell_m, 1.0, 200.0, "m");
            c.range_f32(&kind.field("source_hz"), tank.source_hz, 0.5, 50.0, "Hz");
            c.range_u32(
                &kind.field("steps_per_frame"),
                tank.steps_per_frame,
                1,
                20,
                "steps",
            );
            c.asset(&kind.field("preview"), &tank.preview, PICTURE_EXTENSIONS);
            rock(c, &kind.field("rock"), &tank.rock);
            if let Some(b) = &tank.basin {
                let bp = kind.field("basin");
                c.text(&bp.field("label"), &b.label, 30);
                c.range_f32(
                    &bp.field("centre"),
                    b.centre,
                    0.0,
                    1.0,
                    "(fraction of the width)",
                );
                let size = tank.cells as f32 * tank.cell_m;
                c.range_f32(
                    &bp.field("half_width_m"),
                    b.half_width_m,
                    tank.cell_m,
                    size,
                    "m",
                );
                c.range_f32(&bp.field("depth_m"), b.depth_m, tank.cell_m, size, "m");
                rock(c, &bp.field("rock"), &b.rock);
            }
            // Waves need at least 8 cells per S wavelength at twice the peak frequency.
            let slowest = tank
                .basin
                .as_ref()
                .map(|b| b.rock.vs_m_s)
                .unwrap_or(tank.rock.vs_m_s)
                .min(tank.rock.vs_m_s);
            let cells_per_wavelength = slowest / (2.0 * tank.source_hz) / tank.cell_m;
            if cells_per_wavelength < 8.0 {
                c.warn(
                    &kind.field("source_hz"),
                    format!("only {cells_per_wavelength:.1} cells per S wavelength: waves will look ragged; lower source_hz or cell_m"),
                );
            }
        }
        ExhibitKind::Ebook(book) => {
            let pages = kind.field("pages");
            c.count(&pages, book.pages.len(), 1, 40, "pages");
            for (i, p) in book.pages.iter().enumerate() {
                let pp = pages.index(i);
                c.text(&pp.field("heading"), &p.heading, 40);
                c.text(&pp.field("text"), &p.text, 400);
                c.asset(&pp.field("picture"), &p.picture, PICTURE_EXTENSIONS);
                if let Some(cap) = &p.caption {
                    c.text(&pp.field("caption"), cap, 120);
                }
            }
        }
        ExhibitKind::Board(board) => {
            c.text(&kind.field("intro"), &board.intro, 300);
            c.range_u32(
                &kind.field("columns"),
                board.columns,
                1,
                4,
                "panels per row",
            );
            let panels = kind.field("panels");
            c.count(&panels, board.panels.len(), 1, 24, "panels");
            for (i, p) in board.panels.iter().enumerate() {
                let pp = panels.index(i);
                c.text(&pp.field("heading"), &p.heading, 40);
                c.text(&pp.field("text"), &p.text, 200);
                if let Some(pic) = &p.picture {
                    c.asset(&pp.field("picture"), pic, PICTURE_EXTENSIONS);
                }
                if let Some(d) = &p.detail {
                    c.text(&pp.field("detail"), d, 600);
                }
                if let Some(t) = &p.table {
                    let tp = pp.field("table");
                    c.count(&tp.field("columns"), t.columns.len(), 1, 6, "columns");
                    for (ci, col) in t.columns.iter().enumerate() {
                        c.text(&tp.field("columns").index(ci), col, 30);
                    }
                    c.count(&tp.field("rows"), t.rows.len(), 1, 20, "rows");
                    for (ri, row) in t.rows.iter().enumerate() {
                        let rp = tp.field("rows").index(ri);
                        if row.len() != t.columns.len() {
                            c.error(
                                &rp,
                                format!(
                                    "{} cells: expected {}, one per column",
                                    row.len(),
                                    t.columns.len()
                                ),
                            );
                        }
                        for (ci, cell) in row.iter().enumerate() {
                            match cell {
                                Cell::Plain(s) if s.trim().is_empty() => {
                                    c.error(
                                        &rp.index(ci),
                                        "empty cell: expected text (use \"-\" for none)",
                                    );
                                }
                                Cell::Text(t) => c.text(&rp.index(ci), t, 60),
                                Cell::Plain(_) => {}
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A rock that can carry waves: positive speeds, P faster than S by more
/// than √2 (a positive Lamé λ), a plausible density.
fn earth_model(c: &mut Checker, path: &FieldPath, name: &str) {
    if !["iasp91", "ak135", "chongqing"].contains(&name.to_ascii_lowercase().as_str()) {
        c.error(
            path,
            format!("unknown Earth model \"{name}\": use \"iasp91\", \"ak135\" or \"chongqing\""),
        );
    }
}

fn rock(c: &mut Checker, path: &FieldPath, r: &RockParams) {
    c.range_f32(&path.field("vp_m_s"), r.vp_m_s, 100.0, 14_000.0, "m/s");
    c.range_f32(&path.field("vs_m_s"), r.vs_m_s, 50.0, 8_000.0, "m/s");
    c.range_f32(
        &path.field("density_kg_m3"),
        r.density_kg_m3,
        1000.0,
        6000.0,
        "kg/m³",
    );
    p_exceeds_s(
        c,
        &path.field("vp_m_s"),
        r.vp_m_s as f64,
        r.vs_m_s as f64,
        "m/s",
    );
}

/// An elastic solid needs Vp > √2 Vs (a positive Lamé λ, Poisson's ratio
/// above zero).
fn p_exceeds_s(c: &mut Checker, path: &FieldPath, vp: f64, vs: f64, unit: &str) {
    let least = vs * std::f64::consts::SQRT_2;
    if vp < least {
        c.error(
            path,
            format!("P speed {vp} {unit} must exceed √2 times the S speed ({least:.2} {unit})"),
        );
    }
}

fn sand_table(c: &mut Checker, kind: &FieldPath, t: &SandTableParams) {
    c.text(&kind.field("intro"), &t.intro, 200);
    let a = &t.area;
    let ap = kind.field("area");
    c.range_f32(&ap.field("south"), a.south as f32, -80.0, 80.0, "degrees");
    c.range_f32(&ap.field("north"), a.north as f32, -80.0, 80.0, "degrees");
    c.range_f32(&ap.field("west"), a.west as f32, -180.0, 180.0, "degrees");
    c.range_f32(&ap.field("east"), a.east as f32, -180.0, 180.0, "degrees");
    let km = crate::domain::physics::geo::km_per_deg();
    let tall = (a.north - a.south) * km;
    let wide = (a.east - a.west) * km * a.south.to_radians().cos();
    let area_ok = (20.0..=300.0).contains(&tall) && (20.0..=300.0).contains(&wide);
    if !area_ok {
        c.error(
            &ap,
            format!("the area is {wide:.0} km wide and {tall:.0} km tall: each must be 20-300 km (south below north, west of east)"),
        );
    }
    let inside =
        |lat: f64, lon: f64| (a.south..=a.north).contains(&lat) && (a.west..=a.east).contains(&lon);
    c.range_f32(
        &kind.field("relief_exaggeration"),
        t.relief_exaggeration,
        1.0,
        20.0,
        "x",
    );
    earth_model(c, &kind.field("model"), &t.model);
    c.range_f32(&kind.field("depth_km"), t.depth_km as f32, 1.0, 40.0, "km");
    c.count(
        &kind.field("magnitudes"),
        t.magnitudes.len(),
        1,
        4,
        "magnitudes",
    );
    for (i, m) in t.magnitudes.iter().enumerate() {
        c.range_f32(&kind.field("magnitudes").index(i), *m, 1.0, 7.0, "");
    }
    c.count(&kind.field("stations"), t.stations.len(), 0, 5, "stations");
    let places = std::iter::once((kind.field("hall"), &t.hall)).chain(
        t.stations
            .iter()
            .enumerate()
            .map(|(i, s)| (kind.field("stations").index(i), s)),
    );
    for (pp, place) in places {
        c.text(&pp.field("name"), &place.name, 20);
        if area_ok && !inside(place.lat, place.lon) {
            c.error(
                &pp,
                format!(
                    "({}, {}) is outside the area: stations must stand on the table",
                    place.lat, place.lon
                ),
            );
        }
    }
    c.range_f32(&kind.field("speedup"), t.speedup, 0.25, 10.0, "x");
    if let Some(LatLon { lat, lon }) = t.opening_quake
        && area_ok
        && !inside(lat, lon)
    {
        c.error(
            &kind.field("opening_quake"),
            format!("({lat}, {lon}) is outside the area: the quake must be on the table"),
        );
    }
    c.asset(&kind.field("preview"), &t.preview, PICTURE_EXTENSIONS);
}

fn theatre(c: &mut Checker, kind: &FieldPath, t: &TheatreParams) {
    c.text(&kind.field("intro"), &t.intro, 200);
    earth_model(c, &kind.field("model"), &t.model);
    c.range_f32(&kind.field("depth_km"), t.depth_km as f32, 3.0, 25.0, "km");
    c.range_f32(
        &kind.field("dip_deg"),
        t.dip_deg as f32,
        30.0,
        90.0,
        "degrees",
    );
    c.range_f32(
        &kind.field("station_km"),
        t.station_km as f32,
        5.0,
        60.0,
        "km",
    );
    c.range_f32(&kind.field("magnitude"), t.magnitude as f32, 2.0, 7.0, "");
    c.range_f32(
        &kind.field("slow_motion"),
        t.slow_motion as f32,
        0.1,
        2.0,
        "x",
    );
    c.range_f32(&kind.field("length_s"), t.length_s, 5.0, 600.0, "s");
    c.asset(&kind.field("preview"), &t.preview, PICTURE_EXTENSIONS);
    let steps = kind.field("steps");
    c.count(&steps, t.steps.len(), 2, 20, "steps");
    let ruptures = t
        .steps
        .iter()
        .filter(|s| s.event == StoryEvent::Rupture)
        .count();
    if ruptures != 1 {
        c.error(
            &steps,
            format!("{ruptures} steps are a Rupture: the story needs exactly one"),
        );
    }
    let mut last = f32::NEG_INFINITY;
    for (i, s) in t.steps.iter().enumerate() {
        let sp = steps.index(i);
        c.text(&sp.field("caption"), &s.caption, 120);
        if !(s.at_s >= 0.0 && s.at_s <= t.length_s) {
            c.error(
                &sp.field("at_s"),
                format!(
                    "{} s: a step must start within the story (0-{} s)",
                    s.at_s, t.length_s
                ),
            );
        } else if s.at_s < last {
            c.error(
                &sp.field("at_s"),
                format!(
                    "{} s comes before the step above ({last} s): list the steps in time order",
                    s.at_s
                ),
            );
        }
        last = last.max(s.at_s);
    }
    // Captions that say a wave has arrived must come when the physics says so.
    for (i, s) in t.steps.iter().enumerate() {
        if !matches!(s.event, StoryEvent::PArrives | StoryEvent::SArrives) {
            continue;
        }
        if let Some(when) = crate::domain::exhibit::theatre::Theatre::event_time_for(t, s.event)
            && (when - s.at_s as f64).abs() > 1.0
        {
            c.warn(
                &steps.index(i).field("at_s"),
                format!(
                    "{} s: by the travel times this wave reaches the station at {when:.1} s of the story",
                    s.at_s
                ),
            );
        }
    }
}
