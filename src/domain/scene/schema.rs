//! The scene file schema: `scenes/hall.ron` and one `scenes/NN-slug.ron`
//! per exhibit. Every struct denies unknown fields so that a curator's typo
//! is reported, not silently ignored.

use serde::{Deserialize, Serialize};

use crate::domain::text::{Bilingual, Lang};

/// The schema version this quakehall reads and writes. A file with another
/// version is reported, never guessed at.
pub const SCHEMA_VERSION: u32 = 1;

/// `scenes/hall.ron`: the hall as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HallConfig {
    /// Must equal [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The hall's name, shown on the attract loop and the home screen.
    pub title: Bilingual,
    /// A line under the title on the home screen.
    pub subtitle: Bilingual,
    /// Languages offered; the first is the one shown after a reset.
    pub languages: Vec<Lang>,
    /// Zones in the order the home screen shows them.
    pub zones: Vec<Zone>,
    /// Seconds without a touch before the hall returns to the attract loop.
    pub idle_timeout_s: f32,
    /// Volume of the interface sounds (taps, page turns), 0 (off) to 1.
    pub interface_volume: f32,
    /// The attract loop.
    pub attract: AttractSettings,
    /// Kiosk behaviour.
    pub kiosk: KioskSettings,
    /// The curator PIN as a salted PBKDF2 hash, written by `quakehall set-pin`.
    pub curator_pin: PinHash,
}

impl HallConfig {
    /// Every text a visitor can read from the hall settings.
    pub fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut v = vec![self.title.clone(), self.subtitle.clone()];
        v.extend(self.zones.iter().map(|z| z.title.clone()));
        v
    }
}

/// A zone of the hall: a group of exhibits on the home screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Short id that exhibit files name in their `zone` field.
    pub id: String,
    /// Zone heading.
    pub title: Bilingual,
    /// Exhibit ids in the order shown.
    pub exhibits: Vec<String>,
}

/// How the attract loop cycles through the exhibits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttractSettings {
    /// Seconds each exhibit is shown.
    pub slide_s: f32,
    /// Whether the attract loop also alternates the language of its texts.
    pub alternate_languages: bool,
}

/// Kiosk behaviour on open days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskSettings {
    /// Seconds a finger must rest on the top-left corner to open the PIN pad.
    pub corner_hold_s: f32,
    /// Wrong PINs allowed before the pad locks.
    pub pin_attempts: u32,
    /// Seconds the pad stays locked after too many wrong PINs.
    pub lockout_s: f32,
}

/// A salted PBKDF2-HMAC-SHA256 hash of the curator PIN. The PIN itself is
/// never stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinHash {
    /// Random salt, hex.
    pub salt: String,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// Derived key, hex (32 bytes).
    pub hash: String,
}

/// One exhibit: `scenes/NN-slug.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExhibitScene {
    /// Must equal [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Unique id, lower-case letters, digits and `-`; by convention the file
    /// name without `.ron`.
    pub id: String,
    /// The exhibit number on the hall's plan (1-99), shown on its card.
    pub number: u32,
    /// Title on the card and the exhibit screen.
    pub title: Bilingual,
    /// One or two sentences on the card.
    pub summary: Bilingual,
    /// The zone id (from `hall.ron`) this exhibit belongs to.
    pub zone: String,
    /// The exhibit kind and its parameters.
    pub kind: ExhibitKind,
}

impl ExhibitScene {
    /// The picture that stands for the exhibit on cards and in the attract
    /// loop: the first picture it shows, if it has one.
    pub fn preview_picture(&self) -> Option<&str> {
        match &self.kind {
            ExhibitKind::Ebook(b) => b.pages.first().map(|p| p.picture.as_str()),
            ExhibitKind::Board(b) => b.panels.iter().find_map(|p| p.picture.as_deref()),
            ExhibitKind::WaveTank(t) => Some(t.preview.as_str()),
            ExhibitKind::WaveRace(r) => Some(r.preview.as_str()),
            ExhibitKind::ThroughEarth(e) => Some(e.preview.as_str()),
            ExhibitKind::WaveTypes(w) => Some(w.preview.as_str()),
            ExhibitKind::SandTable(t) => Some(t.preview.as_str()),
            ExhibitKind::Theatre(t) => Some(t.preview.as_str()),
        }
    }

    /// Every text a visitor can read in this exhibit, in both languages
    /// (for font coverage checks).
    pub fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut v = vec![self.title.clone(), self.summary.clone()];
        match &self.kind {
            ExhibitKind::Ebook(b) => {
                for p in &b.pages {
                    v.extend([p.heading.clone(), p.text.clone()]);
                    v.extend(p.caption.clone());
                }
            }
            ExhibitKind::Board(b) => {
                v.push(b.intro.clone());
                for p in &b.panels {
                    v.extend([p.heading.clone(), p.text.clone()]);
                    v.extend(p.detail.clone());
                    if let Some(t) = &p.table {
                        v.extend(t.columns.iter().cloned());
                        for cell in t.rows.iter().flatten() {
                            v.push(match cell {
                                Cell::Plain(s) => Bilingual::new(s.clone(), s.clone()),
                                Cell::Text(t) => t.clone(),
                            });
                        }
                    }
                }
            }
            ExhibitKind::WaveTank(t) => {
                v.extend([t.intro.clone(), t.rock_label.clone()]);
                v.extend(t.basin.as_ref().map(|b| b.label.clone()));
            }
            ExhibitKind::WaveRace(r) => {
                v.extend([r.intro.clone(), r.quake.name.clone(), r.hall.name.clone()]);
            }
            ExhibitKind::ThroughEarth(e) => v.push(e.intro.clone()),
            ExhibitKind::WaveTypes(w) => v.push(w.intro.clone()),
            ExhibitKind::SandTable(t) => {
                v.extend([t.intro.clone(), t.hall.name.clone()]);
                v.extend(t.stations.iter().map(|s| s.name.clone()));
            }
            ExhibitKind::Theatre(t) => {
                v.push(t.intro.clone());
                v.extend(t.steps.iter().map(|s| s.caption.clone()));
            }
        }
        v
    }

    /// Every picture the exhibit shows, for preloading.
    pub fn pictures(&self) -> Vec<&str> {
        match &self.kind {
            ExhibitKind::Ebook(b) => b.pages.iter().map(|p| p.picture.as_str()).collect(),
            ExhibitKind::Board(b) => b
                .panels
                .iter()
                .filter_map(|p| p.picture.as_deref())
                .collect(),
            ExhibitKind::WaveTank(t) => vec![t.preview.as_str()],
            ExhibitKind::WaveRace(r) => vec![r.preview.as_str()],
            ExhibitKind::ThroughEarth(e) => vec![e.preview.as_str()],
            ExhibitKind::WaveTypes(w) => vec![w.preview.as_str()],
            ExhibitKind::SandTable(t) => vec![t.preview.as_str()],
            ExhibitKind::Theatre(t) => vec![t.preview.as_str()],
        }
    }
}

/// The reusable exhibit types. A curator makes a new exhibit of any kind by
/// copying a scene file and changing its parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum ExhibitKind {
    /// A paged book of pictures and text.
    Ebook(EbookParams),
    /// A display board of panels that expand when tapped.
    Board(BoardParams),
    /// A live elastic-wave simulation the visitor touches to make waves.
    WaveTank(WaveTankParams),
    /// P, S and surface waves racing from a quake to the hall on a map.
    WaveRace(WaveRaceParams),
    /// Waves crossing an Earth cross-section, with the P shadow zone.
    ThroughEarth(ThroughEarthParams),
    /// A block of particles moving as P, S, Love or Rayleigh waves pass.
    WaveTypes(WaveTypesParams),
    /// A 3D relief of the local area: tap to set off a quake, watch the
    /// waves sweep over the stations and their records draw.
    SandTable(SandTableParams),
    /// A narrated animation of how an earthquake forms, paused and
    /// scrubbed by the visitor, over one screen or several projectors.
    Theatre(TheatreParams),
}

impl ExhibitKind {
    /// The kind's name as written in scene files.
    pub fn name(&self) -> &'static str {
        match self {
            ExhibitKind::Ebook(_) => "Ebook",
            ExhibitKind::Board(_) => "Board",
            ExhibitKind::WaveTank(_) => "WaveTank",
            ExhibitKind::WaveRace(_) => "WaveRace",
            ExhibitKind::ThroughEarth(_) => "ThroughEarth",
            ExhibitKind::WaveTypes(_) => "WaveTypes",
            ExhibitKind::SandTable(_) => "SandTable",
            ExhibitKind::Theatre(_) => "Theatre",
        }
    }
}

/// Parameters of an `Ebook`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EbookParams {
    /// The pages in reading order.
    pub pages: Vec<Page>,
}

/// One page of an `Ebook`: a picture beside a heading and text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Page heading.
    pub heading: Bilingual,
    /// Body text.
    pub text: Bilingual,
    /// Picture, a path inside `assets/`.
    pub picture: String,
    /// Caption under the picture.
    #[serde(default)]
    pub caption: Option<Bilingual>,
}

/// Parameters of a `Board`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardParams {
    /// An introduction above the panels.
    pub intro: Bilingual,
    /// Panels per row (1-4).
    pub columns: u32,
    /// The panels in reading order.
    pub panels: Vec<Panel>,
}

/// One panel of a `Board`: always shows heading, picture and text; tapping
/// it opens the detail text and table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Panel {
    /// Panel heading.
    pub heading: Bilingual,
    /// Short text always shown.
    pub text: Bilingual,
    /// Optional picture, a path inside `assets/`.
    #[serde(default)]
    pub picture: Option<String>,
    /// Longer text shown when the panel is expanded.
    #[serde(default)]
    pub detail: Option<Bilingual>,
    /// Optional table shown when the panel is expanded.
    #[serde(default)]
    pub table: Option<Table>,
}

/// A small table on a board panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Column headings.
    pub columns: Vec<Bilingual>,
    /// Rows; each must have one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell: a plain string that reads the same in both languages
/// (`"1976-07-28"`, `"7.8"`) or a bilingual text (`(zh: "唐山", en: "Tangshan")`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// The same in every language.
    Plain(String),
    /// Different per language.
    Text(Bilingual),
}

impl Cell {
    /// The cell's text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Cell::Plain(s) => s,
            Cell::Text(t) => t.get(lang),
        }
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CellVisitor;
        impl<'de> serde::de::Visitor<'de> for CellVisitor {
            type Value = Cell;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or (zh: \"…\", en: \"…\")")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Cell, E> {
                Ok(Cell::Plain(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Cell, E> {
                Ok(Cell::Plain(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Cell, A::Error> {
                Bilingual::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Cell::Text)
            }
        }
        d.deserialize_any(CellVisitor)
    }
}

/// Rock of the wave tank.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RockParams {
    /// P speed, m/s.
    pub vp_m_s: f32,
    /// S speed, m/s.
    pub vs_m_s: f32,
    /// Density, kg/m³.
    pub density_kg_m3: f32,
}

/// A soft sedimentary basin at the surface of the wave tank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasinParams {
    /// Where its centre is, 0 (left edge) to 1 (right edge) of the slice
    /// shown on screen (inside the absorbing edges of the grid).
    pub centre: f32,
    /// Half of its width, m.
    pub half_width_m: f32,
    /// Its depth, m.
    pub depth_m: f32,
    /// Its rock.
    pub rock: RockParams,
    /// Its label on screen.
    pub label: Bilingual,
}

/// A named place on the surface.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Its name on the map.
    pub name: Bilingual,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

/// Parameters of a `WaveRace`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaveRaceParams {
    /// What to do, shown beside the map.
    pub intro: Bilingual,
    /// The quake's epicentre.
    pub quake: Place,
    /// Its depth, km.
    pub depth_km: f64,
    /// Its magnitude, shown on the map.
    pub magnitude: f32,
    /// The finish line.
    pub hall: Place,
    /// The Earth model of the travel times: "iasp91" or "ak135".
    pub model: String,
    /// Seconds of the race per second on screen (1-60).
    pub speedup: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// Parameters of a `WaveTypes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaveTypesParams {
    /// What to do, shown beside the block.
    pub intro: Bilingual,
    /// P speed of the rock, km/s.
    pub vp_km_s: f64,
    /// S speed of the rock, km/s.
    pub vs_km_s: f64,
    /// S speed of the softer surface layer that carries Love waves, km/s.
    pub layer_vs_km_s: f64,
    /// Thickness of that layer, km.
    pub layer_km: f64,
    /// Period of the waves, s.
    pub period_s: f64,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// The edges of a map area, degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Southern edge, degrees north.
    pub south: f64,
    /// Northern edge, degrees north.
    pub north: f64,
    /// Western edge, degrees east.
    pub west: f64,
    /// Eastern edge, degrees east.
    pub east: f64,
}

/// What the theatre's camera frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shot {
    /// The whole block of ground, the fault and the station.
    Whole,
    /// Close on the fault and the hypocentre.
    Fault,
    /// Close on the station and its seismometer.
    Station,
}

/// What happens at a step of the theatre's story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StoryEvent {
    /// Only a caption (and camera move).
    Narration,
    /// The rocks on both sides of the fault start to be pushed: stress builds.
    Stress,
    /// The fault breaks at the hypocentre and the waves leave.
    Rupture,
    /// The P wave reaches the station (checked against the physics).
    PArrives,
    /// The S wave reaches the station (checked against the physics).
    SArrives,
}

/// One step of the theatre's story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryStep {
    /// When it starts, seconds from the beginning of the story.
    pub at_s: f32,
    /// What the camera frames (it glides there over a second and a half).
    pub shot: Shot,
    /// What happens.
    pub event: StoryEvent,
    /// The caption shown from this step until the next.
    pub caption: Bilingual,
}

/// Parameters of a `Theatre`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TheatreParams {
    /// What the visitor can do, shown under the picture.
    pub intro: Bilingual,
    /// The Earth model of the waves' travel times and the record.
    pub model: String,
    /// Depth of the hypocentre, km (3-25).
    pub depth_km: f64,
    /// Dip of the fault, degrees (30-90).
    pub dip_deg: f64,
    /// Distance from the epicentre to the station, km (5-60).
    pub station_km: f64,
    /// Magnitude of the quake (for the record), 2-7.
    pub magnitude: f64,
    /// Seconds of the waves' travel per second of the story after the
    /// rupture (0.1-2): below 1 is slow motion.
    pub slow_motion: f64,
    /// The story in order (2-20 steps, one `Rupture`).
    pub steps: Vec<StoryStep>,
    /// Seconds the story lasts; it starts again a few seconds later.
    pub length_s: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// A point on the map.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LatLon {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

/// Parameters of a `SandTable`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SandTableParams {
    /// What to do, shown beside the table.
    pub intro: Bilingual,
    /// The area on the table (20-300 km across). The relief is the
    /// Chongqing area's own, generated by `domain::exhibit::sand`.
    pub area: Area,
    /// How many times the relief is drawn taller than it is (1-20); the
    /// ground below is drawn true to scale.
    pub relief_exaggeration: f32,
    /// The Earth model of the travel times and records ("chongqing" for
    /// the local crust).
    pub model: String,
    /// Depth of the quakes a tap sets off, km (1-40).
    pub depth_km: f64,
    /// Magnitudes the visitor chooses from (1-4 of them, 1.0-7.0).
    pub magnitudes: Vec<f32>,
    /// The hall's own station, first in the list of records.
    pub hall: Place,
    /// The other stations (0-5).
    pub stations: Vec<Place>,
    /// Seconds of travel per second on screen (0.25-10).
    pub speedup: f32,
    /// A quake set off when the exhibit opens, so the waves are moving
    /// before the first touch.
    #[serde(default)]
    pub opening_quake: Option<LatLon>,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// Parameters of a `ThroughEarth`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThroughEarthParams {
    /// What to do, shown beside the Earth.
    pub intro: Bilingual,
    /// The Earth model: "iasp91" or "ak135".
    pub model: String,
    /// Depth of the quake when the exhibit opens, km (0-700).
    pub depth_km: f64,
    /// Distances of the surface stations from the quake, degrees (1-8 of them).
    pub stations_deg: Vec<f64>,
    /// Seconds of travel per second on screen (1-300).
    pub speedup: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// Parameters of a `WaveTank`: a vertical slice of ground, 2-D P-SV waves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaveTankParams {
    /// What to do, shown above the tank.
    pub intro: Bilingual,
    /// Cells across and down (128-512).
    pub cells: u32,
    /// Cell size, m.
    pub cell_m: f32,
    /// The bedrock.
    pub rock: RockParams,
    /// The bedrock's label on screen.
    pub rock_label: Bilingual,
    /// An optional soft basin.
    #[serde(default)]
    pub basin: Option<BasinParams>,
    /// Peak frequency of a touch's Ricker wavelet, Hz.
    pub source_hz: f32,
    /// Simulation steps per frame (1-20): how fast the waves run.
    pub steps_per_frame: u32,
    /// Set off one earthquake when the exhibit opens, so waves are moving
    /// before the first touch.
    pub start_with_quake: bool,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}
