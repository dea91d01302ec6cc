//! The open data the globe exhibits ship in `assets/globe/` (credits and
//! licences beside them in that folder):
//!
//! - land: Natural Earth 1:110m land polygons (public domain), verbatim;
//! - plate boundaries: the PB2002 model's 5,819 boundary steps with their
//!   class (Bird 2003, G-cubed 4(3):1027, doi:10.1029/2001GC000252;
//!   ODC-By 1.0, credit "Hugo Ahlenius, Nordpil and Peter Bird"), trimmed
//!   to the columns drawn;
//! - earthquakes: the USGS ANSS ComCat M >= 6 catalogue 1900-2023 (U.S.
//!   public domain; rows before 1980 are ISC-GEM solutions, CC BY-SA 3.0),
//!   its earthquakes only (the 70 explosions left out).
//!
//! [`trim_catalog`] and [`trim_steps`] make the shipped files from the data
//! team's originals (`quakehall trim-geo`); a test checks that they give
//! exactly the shipped files.

use crate::domain::waveform::time::UtcTime;

/// One earthquake of the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Quake {
    /// Origin time, UTC, as the catalogue writes it.
    pub time: String,
    /// Origin time as a year with its fraction (1976.57).
    pub year: f64,
    /// Epicentre latitude, degrees.
    pub lat: f64,
    /// Epicentre longitude, degrees.
    pub lon: f64,
    /// Hypocentre depth, km (the catalogue leaves some empty).
    pub depth_km: Option<f64>,
    /// Preferred magnitude (ComCat's, not homogenised).
    pub magnitude: f64,
    /// Its type (mw, ms, mb...).
    pub magnitude_type: String,
    /// The catalogue's place text (English).
    pub place: String,
    /// ComCat event id.
    pub id: String,
}

/// What is wrong with a catalogue or steps file, and on which line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct DataError {
    /// Line number, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn err(line: usize, message: impl Into<String>) -> DataError {
    DataError {
        line,
        message: message.into(),
    }
}

/// The catalogue's columns, in order.
pub const CATALOG_COLUMNS: [&str; 9] = [
    "time_utc",
    "latitude",
    "longitude",
    "depth_km",
    "magnitude",
    "magnitude_type",
    "place",
    "event_type",
    "event_id",
];

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes())
}

fn header_index(rdr: &mut csv::Reader<&[u8]>, names: &[&str]) -> Result<Vec<usize>, DataError> {
    let head = rdr
        .headers()
        .map_err(|e| err(1, format!("unreadable header: {e}")))?
        .clone();
    names
        .iter()
        .map(|n| {
            head.iter()
                .position(|h| h.trim() == *n)
                .ok_or_else(|| err(1, format!("no column {n:?}")))
        })
        .collect()
}

fn number(s: &str, line: usize, what: &str, range: (f64, f64)) -> Result<f64, DataError> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| err(line, format!("{what} {s:?} is not a number")))?;
    if !(v.is_finite() && v >= range.0 && v <= range.1) {
        return Err(err(
            line,
            format!("{what} {v} is outside {}..{}", range.0, range.1),
        ));
    }
    Ok(v)
}

/// A time as a year with its fraction.
pub fn decimal_year(t: UtcTime) -> f64 {
    use crate::domain::waveform::time::days_from_civil;
    let secs = t.0 as f64 / 1e9;
    let day = (t.0.div_euclid(crate::domain::waveform::time::NS_PER_S)).div_euclid(86_400);
    let (y, ..) = crate::domain::waveform::time::civil_from_days(day);
    let start = days_from_civil(y, 1, 1) as f64 * 86_400.0;
    let end = days_from_civil(y + 1, 1, 1) as f64 * 86_400.0;
    y as f64 + (secs - start) / (end - start)
}

/// The catalogue's earthquakes (rows whose `event_type` is `earthquake`),
/// oldest first as the file holds them. A row that cannot be read is an
/// error naming its line.
pub fn parse_catalog(text: &str) -> Result<Vec<Quake>, DataError> {
    let mut rdr = reader(text);
    let ix = header_index(&mut rdr, &CATALOG_COLUMNS)?;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            err(line, format!("unreadable row: {e}"))
        })?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let f = |i: usize| rec.get(ix[i]).unwrap_or("");
        if f(7).trim() != "earthquake" {
            continue;
        }
        let t = UtcTime::parse_iso(f(0))
            .ok_or_else(|| err(line, format!("time {:?} is not ISO 8601", f(0))))?;
        let depth = f(3).trim();
        out.push(Quake {
            time: f(0).to_string(),
            year: decimal_year(t),
            lat: number(f(1), line, "latitude", (-90.0, 90.0))?,
            lon: number(f(2), line, "longitude", (-180.0, 180.0))?,
            depth_km: if depth.is_empty() {
                None
            } else {
                Some(number(depth, line, "depth", (-10.0, 800.0))?)
            },
            magnitude: number(f(4), line, "magnitude", (-2.0, 10.0))?,
            magnitude_type: f(5).to_string(),
            place: f(6).to_string(),
            id: f(8).to_string(),
        });
    }
    Ok(out)
}

/// The catalogue to ship: the header and every row whose `event_type` is
/// `earthquake`, each line copied unchanged.
pub fn trim_catalog(text: &str) -> Result<String, DataError> {
    let mut rdr = reader(text);
    let ix = header_index(&mut rdr, &["event_type"])?[0];
    let mut keep = vec![true];
    for rec in rdr.records() {
        let rec = rec.map_err(|e| err(0, format!("unreadable row: {e}")))?;
        keep.push(rec.get(ix).is_some_and(|t| t.trim() == "earthquake"));
    }
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() != keep.len() {
        return Err(err(
            0,
            "a row spans several lines: the trim copies lines and cannot keep it whole",
        ));
    }
    let mut out = String::new();
    for (l, k) in lines.iter().zip(keep) {
        if k {
            out.push_str(l);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The class of a plate boundary step (PB2002's seven classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepClass {
    /// Oceanic spreading ridge (OSR).
    SpreadingRidge,
    /// Continental rift (CRB).
    Rift,
    /// Oceanic transform fault (OTF).
    OceanicTransform,
    /// Continental transform fault (CTF).
    ContinentalTransform,
    /// Subduction zone (SUB).
    Subduction,
    /// Oceanic convergent boundary (OCB).
    OceanicConvergent,
    /// Continental convergent boundary (CCB): mountain belts.
    ContinentalConvergent,
}

/// How a boundary moves, as the globe colours it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoundaryType {
    /// The plates move apart (ridges and rifts).
    Spreading,
    /// The plates slide past each other (transforms).
    Transform,
    /// The plates move together (subduction and collision).
    Converging,
}

impl StepClass {
    /// The class from its PB2002 code.
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code.trim() {
            "OSR" => Self::SpreadingRidge,
            "CRB" => Self::Rift,
            "OTF" => Self::OceanicTransform,
            "CTF" => Self::ContinentalTransform,
            "SUB" => Self::Subduction,
            "OCB" => Self::OceanicConvergent,
            "CCB" => Self::ContinentalConvergent,
            _ => return None,
        })
    }

    /// Spreading, transform or converging.
    pub fn boundary_type(self) -> BoundaryType {
        match self {
            Self::SpreadingRidge | Self::Rift => BoundaryType::Spreading,
            Self::OceanicTransform | Self::ContinentalTransform => BoundaryType::Transform,
            Self::Subduction | Self::OceanicConvergent | Self::ContinentalConvergent => {
                BoundaryType::Converging
            }
        }
    }
}

/// One step of a plate boundary.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The boundary, as PB2002 names it (`AF-AN`, `PA\\NA`...).
    pub boundary: String,
    /// Start (lat, lon), degrees.
    pub start: (f64, f64),
    /// End (lat, lon), degrees.
    pub end: (f64, f64),
    /// Speed of the left plate against the right, mm per year.
    pub velocity_mm_a: f64,
    /// Its class.
    pub class: StepClass,
}

/// The shipped steps file's columns.
pub const STEP_COLUMNS: [&str; 8] = [
    "SeqNum",
    "PlateBoundIdentifer",
    "StartLong",
    "StartLat",
    "FinalLong",
    "FinalLat",
    "VelocityLeft",
    "StepClass",
];

/// The PB2002 steps to ship: the columns the globe draws, values copied as
/// text.
pub fn trim_steps(text: &str) -> Result<String, DataError> {
    let mut rdr = reader(text);
    let ix = header_index(&mut rdr, &STEP_COLUMNS)?;
    let mut out = STEP_COLUMNS.join(",");
    out.push('\n');
    for rec in rdr.records() {
        let rec = rec.map_err(|e| err(0, format!("unreadable row: {e}")))?;
        let row: Vec<&str> = ix.iter().map(|&i| rec.get(i).unwrap_or("")).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    Ok(out)
}

/// Reads the shipped steps file.
pub fn parse_steps(text: &str) -> Result<Vec<Step>, DataError> {
    let mut rdr = reader(text);
    let ix = header_index(&mut rdr, &STEP_COLUMNS)?;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| err(0, format!("unreadable row: {e}")))?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let f = |i: usize| rec.get(ix[i]).unwrap_or("");
        let lat = (-90.0, 90.0);
        let lon = (-180.0, 180.0);
        out.push(Step {
            boundary: f(1).to_string(),
            start: (
                number(f(3), line, "StartLat", lat)?,
                number(f(2), line, "StartLong", lon)?,
            ),
            end: (
                number(f(5), line, "FinalLat", lat)?,
                number(f(4), line, "FinalLong", lon)?,
            ),
            velocity_mm_a: number(f(6), line, "VelocityLeft", (0.0, 1000.0))?,
            class: StepClass::from_code(f(7))
                .ok_or_else(|| err(line, format!("unknown step class {:?}", f(7))))?,
        });
    }
    Ok(out)
}

/// Land polygons: rings of (lon, lat) from a GeoJSON FeatureCollection of
/// Polygons and MultiPolygons (outer rings; Natural Earth's 1:110m land
/// has no holes).
pub fn parse_land(text: &str) -> Result<Vec<Vec<(f64, f64)>>, String> {
    use geojson::{FeatureCollection, GeometryValue};
    let fc: FeatureCollection = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let ring = |r: &Vec<geojson::Position>| -> Vec<(f64, f64)> {
        r.iter()
            .filter(|p| p.len() >= 2)
            .map(|p| (p[0], p[1]))
            .collect()
    };
    let mut rings = Vec::new();
    for f in fc.features {
        match f.geometry.map(|g| g.value) {
            Some(GeometryValue::Polygon { coordinates }) => {
                rings.extend(coordinates.iter().map(ring));
            }
            Some(GeometryValue::MultiPolygon { coordinates }) => {
                for p in &coordinates {
                    rings.extend(p.iter().map(ring));
                }
            }
            _ => {}
        }
    }
    Ok(rings)
}

/// How the trim makes a shipped file from its original's text.
pub type Trim = fn(&str) -> Result<String, DataError>;

/// The files `quakehall trim-geo` writes into `assets/globe/`: (name
/// there, original under the data team's geo folder, how it is made;
/// `None`: copied unchanged).
pub const SHIPPED: [(&str, &str, Option<Trim>); 4] = [
    ("ne_110m_land.geojson", "land/ne_110m_land.geojson", None),
    ("PB2002_LICENSE.md", "plates/LICENSE.md", None),
    (
        "pb2002_steps.csv",
        "plates/PB2002_steps.csv",
        Some(trim_steps),
    ),
    (
        "earthquakes_m6_1900_2023.csv",
        "catalog/earthquakes_m6_1900_2023.csv",
        Some(trim_catalog),
    ),
];

/// The files shipped in `assets/globe/`, read into the binary (a test
/// checks them, so reading them cannot fail in a built hall).
pub mod shipped {
    use std::sync::OnceLock;

    use super::{Step, parse_land, parse_steps};

    /// The land file's text.
    pub const LAND: &str = include_str!("../../../assets/globe/ne_110m_land.geojson");
    /// The steps file's text.
    pub const STEPS: &str = include_str!("../../../assets/globe/pb2002_steps.csv");

    /// The land polygons, read once.
    pub fn land() -> &'static [Vec<(f64, f64)>] {
        static L: OnceLock<Vec<Vec<(f64, f64)>>> = OnceLock::new();
        L.get_or_init(|| parse_land(LAND).unwrap_or_default())
    }

    /// The plate boundary steps, read once.
    pub fn steps() -> &'static [Step] {
        static S: OnceLock<Vec<Step>> = OnceLock::new();
        S.get_or_init(|| parse_steps(STEPS).unwrap_or_default())
    }
}
