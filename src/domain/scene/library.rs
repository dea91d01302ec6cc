//! The scenes folder as the running hall sees it: every file parsed and
//! checked, the last good version of each file kept when a save breaks it,
//! and the problems listed for curators.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::check::Checker;
use super::locate::{FieldPath, value_span};
use super::parse::parse_ron;
use super::problem::{Problem, Severity};
use super::schema::*;
use super::validate::{check_exhibit, check_hall};
use crate::domain::text::{Bilingual, Lang};

/// The hall file's name inside the scenes folder.
pub const HALL_FILE: &str = "hall.ron";
/// Scene files larger than this are refused rather than read.
pub const MAX_SCENE_BYTES: u64 = 4 * 1024 * 1024;

/// One exhibit scene and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedExhibit {
    /// The file it was read from.
    pub file: PathBuf,
    /// The parsed scene.
    pub scene: ExhibitScene,
}

/// A zone of the home screen with its exhibits in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneView<'a> {
    /// The zone id.
    pub id: &'a str,
    /// The zone heading.
    pub title: &'a Bilingual,
    /// Its exhibits in order.
    pub exhibits: Vec<&'a ExhibitScene>,
}

/// Everything loaded from a scenes folder.
#[derive(Debug, Clone)]
pub struct Library {
    /// The scenes folder.
    pub scenes_dir: PathBuf,
    /// The assets folder that scene paths are relative to.
    pub assets_dir: PathBuf,
    /// The hall settings in use (last good version).
    pub hall: HallConfig,
    /// Where the hall settings in use came from.
    pub hall_source: HallSource,
    /// Exhibits in use (last good version of each file), sorted by file name.
    pub exhibits: Vec<LoadedExhibit>,
    /// Problems found in the most recent read of the folder.
    pub problems: Vec<Problem>,
    /// Increases whenever `hall` or `exhibits` change.
    pub generation: u64,
    fingerprint: Fingerprint,
    /// Texts read in place of files: the draft open in the curator's editor.
    drafts: HashMap<PathBuf, String>,
}

/// Where the hall settings in use were read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HallSource {
    /// `hall.ron`.
    HallFile,
    /// `hall.ron.bak`, the version before the last save, because `hall.ron` is broken.
    Backup,
    /// Built-in settings, because neither file could be used.
    BuiltIn,
}

/// Names, sizes and modification times of the scene files: when it
/// changes, the folder is read again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fingerprint(Vec<(PathBuf, u64, Option<SystemTime>)>);

impl Fingerprint {
    /// Reads the current fingerprint of `dir` (cheap: metadata only).
    pub fn of(dir: &Path) -> Self {
        let mut v: Vec<_> = scene_files(dir)
            .into_iter()
            .chain(std::iter::once(dir.join(HALL_FILE)))
            .map(|p| {
                let md = std::fs::metadata(&p).ok();
                let len = md.as_ref().map(|m| m.len()).unwrap_or(0);
                let mtime = md.and_then(|m| m.modified().ok());
                (p, len, mtime)
            })
            .collect();
        v.sort();
        Self(v)
    }
}

/// The exhibit scene files of `dir` (`*.ron` except `hall.ron`, hidden and
/// editor backup files), sorted by name.
pub fn scene_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            p.extension().is_some_and(|e| e == "ron")
                && name != HALL_FILE
                && !name.starts_with('.')
                && !name.starts_with('#')
                && p.is_file()
        })
        .collect();
    v.sort();
    v
}

/// Reads a scene file as UTF-8 text, refusing huge files.
pub fn read_scene_text(path: &Path) -> Result<String, Problem> {
    let md = std::fs::metadata(path)
        .map_err(|e| Problem::whole_file(path, format!("cannot read the file: {e}")))?;
    if md.len() > MAX_SCENE_BYTES {
        return Err(Problem::whole_file(
            path,
            format!(
                "the file is {} bytes: expected a scene file under {MAX_SCENE_BYTES} bytes",
                md.len()
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Problem::whole_file(path, format!("cannot read the file: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let good = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
        let line = 1 + good.matches('\n').count();
        let column = 1 + good.chars().rev().take_while(|&c| c != '\n').count();
        Problem {
            line,
            column,
            ..Problem::whole_file(
                path,
                format!("not UTF-8 text at byte {offset}: save the file as UTF-8"),
            )
        }
    })
}

/// The draft of `path` if one is being previewed, else the file's text.
fn text_of(path: &Path, drafts: &HashMap<PathBuf, String>) -> Result<String, Problem> {
    match drafts.get(path) {
        Some(text) => Ok(text.clone()),
        None => read_scene_text(path),
    }
}

/// A hall file read and checked on its own.
fn read_hall(
    path: &Path,
    assets_dir: &Path,
    drafts: &HashMap<PathBuf, String>,
) -> (Option<HallConfig>, Vec<Problem>) {
    let src = match text_of(path, drafts) {
        Ok(s) => s,
        Err(p) => return (None, vec![p]),
    };
    match parse_ron::<HallConfig>(path, &src) {
        Err(p) => (None, vec![p]),
        Ok(hall) => {
            let mut c = Checker::new(path, &src, assets_dir);
            check_hall(&mut c, &hall);
            (Some(hall), c.problems)
        }
    }
}

/// An exhibit file read and checked on its own.
fn read_exhibit(
    path: &Path,
    assets_dir: &Path,
    drafts: &HashMap<PathBuf, String>,
) -> (Option<ExhibitScene>, Vec<Problem>, String) {
    let src = match text_of(path, drafts) {
        Ok(s) => s,
        Err(p) => return (None, vec![p], String::new()),
    };
    match parse_ron::<ExhibitScene>(path, &src) {
        Err(p) => (None, vec![p], src),
        Ok(ex) => {
            let mut c = Checker::new(path, &src, assets_dir);
            check_exhibit(&mut c, &ex);
            (Some(ex), c.problems, src)
        }
    }
}

fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(Problem::is_error)
}

impl Library {
    /// Reads a scenes folder. Never fails: what cannot be used is listed in
    /// `problems`, and a broken or missing `hall.ron` falls back to its
    /// backup, then to built-in settings.
    pub fn load(scenes_dir: &Path, assets_dir: &Path) -> Self {
        let mut lib = Self {
            scenes_dir: scenes_dir.to_path_buf(),
            assets_dir: assets_dir.to_path_buf(),
            hall: HallConfig::built_in(),
            hall_source: HallSource::BuiltIn,
            exhibits: Vec::new(),
            problems: Vec::new(),
            generation: 0,
            fingerprint: Fingerprint::default(),
            drafts: HashMap::new(),
        };
        lib.read(true);
        lib
    }

    /// The assets folder that belongs to a scenes folder: `../assets`.
    pub fn default_assets_dir(scenes_dir: &Path) -> PathBuf {
        let parent = scenes_dir.parent().unwrap_or(Path::new("."));
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        parent.join("assets")
    }

    /// Reads the folder again if any scene file changed since the last read.
    /// Returns true when what the hall shows changed.
    pub fn reload_if_changed(&mut self) -> bool {
        if Fingerprint::of(&self.scenes_dir) == self.fingerprint {
            return false;
        }
        self.read(false)
    }

    /// Reads the folder again, keeping the last good version of every file
    /// whose new version has errors. Returns true when what the hall shows changed.
    pub fn reload(&mut self) -> bool {
        self.read(false)
    }

    fn read(&mut self, first: bool) -> bool {
        self.fingerprint = Fingerprint::of(&self.scenes_dir);
        let mut problems = Vec::new();
        let hall_path = self.scenes_dir.join(HALL_FILE);
        let (hall, hall_problems) = if hall_path.exists() {
            read_hall(&hall_path, &self.assets_dir, &self.drafts)
        } else {
            (
                None,
                vec![Problem::whole_file(
                    &hall_path,
                    "hall.ron is missing: expected the hall settings here (copy one from the shipped scenes/)",
                )],
            )
        };
        let hall_ok = hall.is_some() && !has_errors(&hall_problems);
        problems.extend(hall_problems);
        let (mut new_hall, mut new_source) = (self.hall.clone(), self.hall_source);
        if hall_ok {
            new_hall = hall.expect("checked above");
            new_source = HallSource::HallFile;
        } else if first || self.hall_source == HallSource::BuiltIn {
            let bak = self.scenes_dir.join(format!("{HALL_FILE}.bak"));
            if let (Some(h), p) = read_hall(&bak, &self.assets_dir, &HashMap::new())
                && !has_errors(&p)
            {
                new_hall = h;
                new_source = HallSource::Backup;
            } else if let Some(h) = hall {
                // Broken only in checks, not in parsing: better than built-in.
                new_hall = h;
                new_source = HallSource::HallFile;
            }
        }

        let previous: HashMap<PathBuf, LoadedExhibit> = self
            .exhibits
            .drain(..)
            .map(|e| (e.file.clone(), e))
            .collect();
        let mut exhibits = Vec::new();
        let mut sources = HashMap::new();
        let mut unreadable_ids = HashSet::new();
        for path in scene_files(&self.scenes_dir) {
            let (scene, ps, src) = read_exhibit(&path, &self.assets_dir, &self.drafts);
            let broken = has_errors(&ps);
            if scene.is_none()
                && let Some(span) = value_span(&src, &FieldPath::root().field("id"))
            {
                // The file names its id but does not parse: the hall's listing
                // of that id is not what is wrong.
                unreadable_ids.insert(src[span].trim_matches('"').to_owned());
            }
            problems.extend(ps);
            match (scene, previous.get(&path)) {
                (Some(s), None) => exhibits.push(LoadedExhibit {
                    file: path.clone(),
                    scene: s,
                }),
                (Some(s), Some(_)) if !broken => exhibits.push(LoadedExhibit {
                    file: path.clone(),
                    scene: s,
                }),
                (_, Some(prev)) => exhibits.push(prev.clone()),
                (None, None) => {}
            }
            sources.insert(path, src);
        }
        if new_source == HallSource::BuiltIn {
            new_hall.zones = zones_from_exhibits(&exhibits);
        }
        let hall_src = text_of(&hall_path, &self.drafts).unwrap_or_default();
        cross_check(
            &new_hall,
            &hall_path,
            &hall_src,
            &mut exhibits,
            &sources,
            &unreadable_ids,
            &mut problems,
        );
        problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));

        let changed = new_hall != self.hall || new_source != self.hall_source || {
            let old: Vec<_> = previous.values().map(|e| (&e.file, &e.scene)).collect();
            old.len() != exhibits.len()
                || exhibits
                    .iter()
                    .any(|e| previous.get(&e.file).map(|p| &p.scene) != Some(&e.scene))
        };
        self.hall = new_hall;
        self.hall_source = new_source;
        self.exhibits = exhibits;
        self.problems = problems;
        if changed || first {
            self.generation += 1;
        }
        changed
    }

    /// Reads the folder with `text` in place of the file `path` (the
    /// curator's draft), through the same checks as a saved file: a draft
    /// with errors is not shown, the last good version stays. `None` goes
    /// back to the file. Returns true when what the hall shows changed.
    pub fn preview_draft(&mut self, path: &Path, text: Option<String>) -> bool {
        match text {
            Some(t) => self.drafts.insert(path.to_path_buf(), t),
            None => self.drafts.remove(path),
        };
        self.read(false)
    }

    /// Whether a draft is shown in place of a file.
    pub fn has_drafts(&self) -> bool {
        !self.drafts.is_empty()
    }

    /// Number of errors (not warnings) in the last read.
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    /// An exhibit by id, or by its number (`15`).
    pub fn exhibit(&self, key: &str) -> Option<&ExhibitScene> {
        let by_id = self.exhibits.iter().find(|e| e.scene.id == key);
        let by_number = || {
            let n: u32 = key.trim().parse().ok()?;
            self.exhibits.iter().find(|e| e.scene.number == n)
        };
        by_id.or_else(by_number).map(|e| &e.scene)
    }

    /// The zones with their exhibits in the order the home screen shows
    /// them: the hall's listing first, then unlisted exhibits of the zone
    /// by number. Exhibits naming an unknown zone join the first zone;
    /// hidden exhibits are left out.
    pub fn zones(&self) -> Vec<ZoneView<'_>> {
        let mut placed = HashSet::new();
        let mut views: Vec<ZoneView> = self
            .hall
            .zones
            .iter()
            .map(|z| {
                let exhibits: Vec<&ExhibitScene> = z
                    .exhibits
                    .iter()
                    .filter_map(|id| self.exhibits.iter().find(|e| &e.scene.id == id))
                    .map(|e| &e.scene)
                    .filter(|s| placed.insert(s.id.clone()) && !s.hidden)
                    .collect();
                ZoneView {
                    id: &z.id,
                    title: &z.title,
                    exhibits,
                }
            })
            .collect();
        let mut rest: Vec<&ExhibitScene> = self
            .exhibits
            .iter()
            .map(|e| &e.scene)
            .filter(|s| !placed.contains(&s.id) && !s.hidden)
            .collect();
        rest.sort_by_key(|s| (s.number, s.id.clone()));
        for s in rest {
            let zi = views.iter().position(|v| v.id == s.zone).unwrap_or(0);
            if let Some(v) = views.get_mut(zi) {
                v.exhibits.push(s);
            }
        }
        views
    }

    /// Every exhibit in home-screen order.
    pub fn ordered_exhibits(&self) -> Vec<&ExhibitScene> {
        self.zones().into_iter().flat_map(|z| z.exhibits).collect()
    }
}

/// One zone per distinct `zone` id of the exhibits, used with the built-in
/// hall settings so that every exhibit stays reachable.
fn zones_from_exhibits(exhibits: &[LoadedExhibit]) -> Vec<Zone> {
    let mut zones: Vec<Zone> = Vec::new();
    for e in exhibits {
        if !zones.iter().any(|z| z.id == e.scene.zone) {
            zones.push(Zone {
                id: e.scene.zone.clone(),
                title: Bilingual::new(e.scene.zone.clone(), e.scene.zone.clone()),
                exhibits: Vec::new(),
            });
        }
    }
    if zones.is_empty() {
        zones = HallConfig::built_in().zones;
    }
    zones
}

/// Checks between files: unique ids, zones that exist, the hall's listing.
/// Duplicate ids are dropped (the first file by name wins) so that the hall
/// never shows two exhibits under one id.
fn cross_check(
    hall: &HallConfig,
    hall_path: &Path,
    hall_src: &str,
    exhibits: &mut Vec<LoadedExhibit>,
    sources: &HashMap<PathBuf, String>,
    unreadable_ids: &HashSet<String>,
    problems: &mut Vec<Problem>,
) {
    let src_of = |p: &Path| sources.get(p).map(String::as_str).unwrap_or("");
    let root = FieldPath::root();
    let mut first_by_id: HashMap<String, PathBuf> = HashMap::new();
    let mut first_by_number: HashMap<u32, PathBuf> = HashMap::new();
    exhibits.retain(|e| {
        if let Some(first) = first_by_id.get(&e.scene.id) {
            problems.push(Problem::at(
                Severity::Error,
                &e.file,
                src_of(&e.file),
                &root.field("id"),
                format!(
                    "duplicate id \"{}\": {} already uses it; expected a unique id (this file is not shown)",
                    e.scene.id,
                    first.display()
                ),
            ));
            return false;
        }
        first_by_id.insert(e.scene.id.clone(), e.file.clone());
        if let Some(first) = first_by_number.get(&e.scene.number) {
            problems.push(Problem::at(
                Severity::Warning,
                &e.file,
                src_of(&e.file),
                &root.field("number"),
                format!(
                    "exhibit number {} is also used by {}",
                    e.scene.number,
                    first.display()
                ),
            ));
        } else {
            first_by_number.insert(e.scene.number, e.file.clone());
        }
        true
    });
    let zone_ids: HashSet<&str> = hall.zones.iter().map(|z| z.id.as_str()).collect();
    let mut listed_in: HashMap<&str, &str> = HashMap::new();
    for (zi, z) in hall.zones.iter().enumerate() {
        for (ei, id) in z.exhibits.iter().enumerate() {
            listed_in.insert(id, &z.id);
            if !first_by_id.contains_key(id) && !unreadable_ids.contains(id) {
                problems.push(Problem::at(
                    Severity::Error,
                    hall_path,
                    hall_src,
                    &root.field("zones").index(zi).field("exhibits").index(ei),
                    format!("no scene file has id \"{id}\": expected scenes/{id}.ron (or remove it from the list)"),
                ));
            }
        }
    }
    for e in exhibits.iter() {
        let src = src_of(&e.file);
        if !zone_ids.contains(e.scene.zone.as_str()) {
            let known: Vec<&str> = hall.zones.iter().map(|z| z.id.as_str()).collect();
            problems.push(Problem::at(
                Severity::Error,
                &e.file,
                src,
                &root.field("zone"),
                format!(
                    "unknown zone \"{}\": expected one of {} (from hall.ron)",
                    e.scene.zone,
                    known.join(", ")
                ),
            ));
        }
        match listed_in.get(e.scene.id.as_str()) {
            None => problems.push(Problem::at(
                Severity::Warning,
                &e.file,
                src,
                &root.field("id"),
                format!(
                    "\"{}\" is not listed in hall.ron; it is shown at the end of zone \"{}\"",
                    e.scene.id, e.scene.zone
                ),
            )),
            Some(z) if *z != e.scene.zone => problems.push(Problem::at(
                Severity::Warning,
                &e.file,
                src,
                &root.field("zone"),
                format!("hall.ron lists this exhibit in zone \"{z}\"; it is shown there"),
            )),
            Some(_) => {}
        }
    }
}

impl HallConfig {
    /// Settings used only when neither `hall.ron` nor its backup can be
    /// read, so that the exhibits stay available. The curator PIN is the
    /// shipped default (see README) so that a curator can still get in.
    pub fn built_in() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            title: Bilingual::new("地震科普馆", "Earthquake Science Hall"),
            subtitle: Bilingual::new(
                "触摸展项，了解地震",
                "Touch an exhibit to explore earthquakes",
            ),
            languages: vec![Lang::Zh, Lang::En],
            zones: vec![Zone {
                id: "hall".into(),
                title: Bilingual::new("全部展项", "All exhibits"),
                exhibits: Vec::new(),
            }],
            idle_timeout_s: 90.0,
            interface_volume: 0.5,
            volume_limit: default_volume_limit(),
            attract: AttractSettings {
                slide_s: 6.0,
                alternate_languages: true,
            },
            kiosk: KioskSettings {
                corner_hold_s: 5.0,
                pin_attempts: 5,
                lockout_s: 60.0,
            },
            curator_pin: crate::domain::kiosk::pin::default_pin_hash(),
        }
    }
}
