//! The curator's scene editor, without Bevy: a form drawn from the scene
//! schema ([`form`]), a draft changed one value at a time in the file's own
//! text ([`draft`]), saves that are atomic and keep the earlier versions
//! ([`history`]), and the state machine the on-screen editor drives
//! ([`Editor`]): edit, undo, redo, save, revert, notice a change on disk.

pub mod draft;
pub mod form;
pub mod history;
pub mod keyboard;
pub mod texts;
pub mod tree;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use draft::{Draft, EditError};
use form::{Checked, FileKind, Row, check_text, has_errors, rows};
use tree::{Change, Node, diff, float_literal, str_literal};

use crate::domain::scene::locate::{FieldPath, value_span};
use crate::domain::scene::problem::Problem;
use crate::domain::scene::save::{SaveError, atomic_write};
use crate::domain::text::Lang;

/// One thing a curator does in the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Types into one language of the bilingual text at `path`.
    Text {
        /// The bilingual text.
        path: FieldPath,
        /// Which side.
        lang: Lang,
        /// The whole new text of that side.
        text: String,
    },
    /// Types into the one-line text at `path` (or picks a file for it).
    Line {
        /// The value.
        path: FieldPath,
        /// Its new text.
        text: String,
    },
    /// Sets the number at `path`.
    Number {
        /// The value.
        path: FieldPath,
        /// Its new value (rounded for whole numbers).
        value: f64,
    },
    /// Turns the flag at `path` on or off.
    Flag {
        /// The value.
        path: FieldPath,
        /// On or off.
        on: bool,
    },
    /// Switches the enum at `path` to `variant`.
    Choose {
        /// The value.
        path: FieldPath,
        /// The variant's name.
        variant: String,
    },
    /// Adds a copy of an item right after it.
    CopyItem {
        /// The list.
        list: FieldPath,
        /// The item.
        index: usize,
    },
    /// Removes an item.
    RemoveItem {
        /// The list.
        list: FieldPath,
        /// The item.
        index: usize,
    },
    /// Swaps two items (moves one up or down).
    SwapItems {
        /// The list.
        list: FieldPath,
        /// One item.
        a: usize,
        /// The other.
        b: usize,
    },
    /// Moves an item to the end of another list (an exhibit to another zone).
    MoveToList {
        /// The list it is in.
        from: FieldPath,
        /// The item.
        index: usize,
        /// The list it goes to.
        to: FieldPath,
    },
    /// Ends a run of typing (the field lost focus).
    Seal,
    /// Takes back the last change.
    Undo,
    /// Makes the last undone change again.
    Redo,
}

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveRefused {
    /// Nothing changed.
    #[error("nothing to save")]
    Unchanged,
    /// The draft has errors.
    #[error("the draft has {0} errors")]
    Errors(usize),
    /// The file changed on disk since it was opened.
    #[error("the file changed on disk since it was opened")]
    Conflict,
    /// The file system refused.
    #[error(transparent)]
    Io(#[from] SaveError),
}

/// The editor open on one scene file.
#[derive(Debug, Clone)]
pub struct Editor {
    /// Which schema the file follows.
    pub kind: FileKind,
    /// The file.
    pub file: PathBuf,
    assets_dir: PathBuf,
    /// The draft.
    pub draft: Draft,
    /// The file's text as last read or saved: what "unchanged" means.
    base: String,
    /// The draft parsed and checked.
    pub checked: Checked,
    /// The form's rows.
    pub rows: Vec<Row>,
    /// Problems the whole hall's read finds in this file beyond its own
    /// checks (an id another file uses too, an unknown zone).
    pub hall_problems: Vec<Problem>,
    /// The file's new text when it changed on disk while the form is open.
    pub conflict: Option<String>,
    remembered: HashMap<(String, String), String>,
}

impl Editor {
    /// Opens `file` as it is on disk.
    pub fn open(kind: FileKind, file: &Path, assets_dir: &Path) -> std::io::Result<Self> {
        let text = std::fs::read_to_string(file)?;
        Ok(Self::with_text(kind, file, assets_dir, text))
    }

    /// An editor whose file holds `text`.
    pub fn with_text(kind: FileKind, file: &Path, assets_dir: &Path, text: String) -> Self {
        let mut e = Self {
            kind,
            file: file.to_path_buf(),
            assets_dir: assets_dir.to_path_buf(),
            draft: Draft::new(text.clone()),
            base: text,
            checked: Checked::default(),
            rows: Vec::new(),
            hall_problems: Vec::new(),
            conflict: None,
            remembered: HashMap::new(),
        };
        e.refresh();
        e
    }

    /// The assets folder the file's paths are relative to.
    pub fn assets_dir(&self) -> &Path {
        &self.assets_dir
    }

    /// The text the draft started from (the file as last read or saved).
    pub fn base(&self) -> &str {
        &self.base
    }

    fn refresh(&mut self) {
        self.checked = check_text(self.kind, &self.file, self.draft.text(), &self.assets_dir);
        if self.checked.tree.is_none() && !self.rows.is_empty() {
            // A draft that no longer reads (a number too big for its type)
            // keeps the form it had, with the reason at the field, so that
            // the curator can put it right where it went wrong.
            for r in &mut self.rows {
                r.problems.clear();
            }
            form::attach_problems(&mut self.rows, &self.checked.problems);
            return;
        }
        self.rows = rows(
            self.kind,
            self.draft.text(),
            &self.checked,
            &self.remembered,
        );
    }

    /// The draft's tree, when it parses.
    pub fn tree(&self) -> Option<&Node> {
        self.checked.tree.as_ref()
    }

    /// Every problem of the draft: its own and those the hall finds.
    pub fn problems(&self) -> Vec<Problem> {
        let mut v = self.checked.problems.clone();
        for p in &self.hall_problems {
            if !v.contains(p) {
                v.push(p.clone());
            }
        }
        v
    }

    /// Whether the draft differs from the file.
    pub fn dirty(&self) -> bool {
        self.draft.text() != self.base
    }

    /// Whether Save may be pressed: something changed, no errors, and the
    /// file on disk is still the one the draft started from.
    pub fn can_save(&self) -> bool {
        self.dirty() && !has_errors(&self.problems()) && self.conflict.is_none()
    }

    /// Does one thing the curator did in the form.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        if self.unchanged_by(&edit) {
            return Ok(());
        }
        let d = &mut self.draft;
        match edit {
            Edit::Text { path, lang, text } => {
                let side = path.field(match lang {
                    Lang::Zh => "zh",
                    Lang::En => "en",
                });
                d.type_into(&side, &str_literal(&text))?;
            }
            Edit::Line { path, text } => d.type_into(&path, &str_literal(&text))?,
            Edit::Number { path, value } => {
                let literal = match self.checked.tree.as_ref().and_then(|t| t.get(&path)) {
                    Some(Node::Float { single, .. }) => float_literal(value, *single),
                    Some(Node::Some(inner)) if matches!(**inner, Node::Float { .. }) => {
                        float_literal(value, matches!(**inner, Node::Float { single: true, .. }))
                    }
                    _ => format!("{}", value.round() as i128),
                };
                d.type_into(&path, &literal)?;
            }
            Edit::Flag { path, on } => d.set(&path, if on { "true" } else { "false" })?,
            Edit::Choose { path, variant } => {
                let key = path.to_string();
                let current = self.checked.tree.as_ref().and_then(|t| match t.get(&path) {
                    Some(Node::Variant { variant, .. }) => Some(*variant),
                    _ => None,
                });
                if let (Some(cur), Some(span)) = (current, value_span(d.text(), &path)) {
                    let literal = d.text()[span].to_owned();
                    self.remembered
                        .insert((key.clone(), cur.to_owned()), literal);
                }
                let literal = self
                    .remembered
                    .get(&(key, variant.clone()))
                    .cloned()
                    .unwrap_or(variant);
                d.set(&path, &literal)?;
            }
            Edit::CopyItem { list, index } => d.copy_item(&list, index)?,
            Edit::RemoveItem { list, index } => d.remove_item(&list, index)?,
            Edit::SwapItems { list, a, b } => d.swap_items(&list, a, b)?,
            Edit::MoveToList { from, index, to } => d.move_item(&from, index, &to)?,
            Edit::Seal => {
                d.seal();
                return Ok(());
            }
            Edit::Undo => {
                d.undo();
            }
            Edit::Redo => {
                d.redo();
            }
        }
        self.refresh();
        Ok(())
    }

    /// Whether `edit` sets a value to what it already is (which must not
    /// rewrite its bytes: `1.50` stays `1.50`).
    fn unchanged_by(&self, edit: &Edit) -> bool {
        let Some(tree) = self.tree() else {
            return false;
        };
        let at = |p: &FieldPath| tree.get(p).map(Node::unwrapped);
        match edit {
            Edit::Text { path, lang, text } => {
                let side = path.field(if *lang == Lang::Zh { "zh" } else { "en" });
                at(&side) == Some(&Node::Str(text.clone()))
            }
            Edit::Line { path, text } => at(path) == Some(&Node::Str(text.clone())),
            Edit::Number { path, value } => match at(path) {
                Some(Node::Int(i)) => value.round() as i128 == *i,
                Some(Node::Float { v, single }) => {
                    float_literal(*v, *single) == float_literal(*value, *single)
                }
                _ => false,
            },
            Edit::Flag { path, on } => at(path) == Some(&Node::Bool(*on)),
            _ => false,
        }
    }

    /// Puts an earlier version's text in the draft (saved like any edit).
    pub fn revert_to(&mut self, text: &str) {
        self.draft.replace_all(text);
        self.refresh();
    }

    /// Reads the file on disk and notes a change another editor made.
    /// Returns true when a conflict was newly found.
    pub fn check_disk(&mut self) -> bool {
        let Ok(disk) = std::fs::read_to_string(&self.file) else {
            return false;
        };
        if disk == self.base || self.conflict.as_deref() == Some(disk.as_str()) {
            return false;
        }
        if !self.dirty() || disk == self.draft.text() {
            // Nothing of the curator's is at stake: follow the file.
            self.base = disk.clone();
            if self.draft.text() != disk {
                self.draft.replace_all(disk);
                self.refresh();
            }
            self.conflict = None;
            return false;
        }
        self.conflict = Some(disk);
        true
    }

    /// Drops the draft for the file's new text.
    pub fn reload_from_disk(&mut self) {
        if let Ok(disk) = std::fs::read_to_string(&self.file) {
            self.base = disk.clone();
            self.draft.replace_all(disk);
            self.conflict = None;
            self.refresh();
        }
    }

    /// Keeps the draft over the file's new text: the next save replaces it,
    /// as the curator chose (the replaced version goes into the history).
    pub fn keep_draft(&mut self) {
        if let Some(disk) = self.conflict.take() {
            self.base = disk;
        }
    }

    /// Saves the draft: atomically, the replaced version kept in the
    /// history, never over a file that changed since it was read.
    pub fn save(&mut self, now: SystemTime) -> Result<(), SaveRefused> {
        if !self.dirty() {
            return Err(SaveRefused::Unchanged);
        }
        let errors = self.problems().iter().filter(|p| p.is_error()).count();
        if errors > 0 {
            return Err(SaveRefused::Errors(errors));
        }
        let disk = std::fs::read_to_string(&self.file).ok();
        if let Some(d) = &disk
            && *d != self.base
        {
            self.conflict = Some(d.clone());
            return Err(SaveRefused::Conflict);
        }
        if let Some(old) = &disk {
            history::record(&self.file, old, now)?;
        }
        atomic_write(&self.file, self.draft.text().as_bytes())?;
        if self.kind == FileKind::Hall
            && let Some(old) = &disk
        {
            follow_zones(&self.file, old, self.draft.text(), now)?;
        }
        self.base = self.draft.text().to_owned();
        self.draft.seal();
        history::discard_draft(&self.file);
        Ok(())
    }

    /// What differs between the draft and `text` (an earlier version), in
    /// plain words.
    pub fn changes_from(&self, text: &str) -> Vec<Change> {
        let other = check_text(self.kind, &self.file, text, &self.assets_dir);
        match (other.tree.as_ref(), self.tree()) {
            (Some(a), Some(b)) => diff(a, b),
            _ => Vec::new(),
        }
    }

    /// Keeps the unsaved draft to offer again next time (the editor closed
    /// on idle).
    pub fn keep_unsaved(&self) -> Result<(), SaveError> {
        if self.dirty() {
            history::store_draft(&self.file, self.draft.text(), &self.base)
        } else {
            Ok(())
        }
    }

    /// Takes up a kept draft (as one undoable change). When the file
    /// changed since the draft was made from it, that is a conflict, as if
    /// it had changed while the form was open.
    pub fn resume(&mut self, kept: &history::StoredDraft) {
        self.draft.replace_all(kept.text.as_str());
        if let Some(b) = &kept.base
            && *b != self.base
        {
            self.conflict = Some(std::mem::replace(&mut self.base, b.clone()));
        }
        self.refresh();
        history::discard_draft(&self.file);
    }
}

/// After a save of the hall that moved exhibits to other zones, writes
/// each moved exhibit's own `zone` field to match (atomically, with history).
fn follow_zones(hall_file: &Path, old: &str, new: &str, now: SystemTime) -> Result<(), SaveError> {
    use crate::domain::scene::{ExhibitScene, HallConfig, parse::parse_ron};
    let zone_map = |text: &str| -> HashMap<String, String> {
        parse_ron::<HallConfig>(hall_file, text)
            .map(|h| {
                h.zones
                    .iter()
                    .flat_map(|z| z.exhibits.iter().map(|e| (e.clone(), z.id.clone())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (before, after) = (zone_map(old), zone_map(new));
    let dir = hall_file.parent().unwrap_or(Path::new("."));
    for f in crate::domain::scene::library::scene_files(dir) {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Ok(ex) = parse_ron::<ExhibitScene>(&f, &text) else {
            continue;
        };
        match (before.get(&ex.id), after.get(&ex.id)) {
            (Some(a), Some(b)) if a != b && ex.zone != *b => {
                let mut d = Draft::new(text.clone());
                if d.set(&FieldPath::root().field("zone"), &str_literal(b))
                    .is_ok()
                {
                    history::record(&f, &text, now)?;
                    atomic_write(&f, d.text().as_bytes())?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// A new exhibit of the same kind as the one in `file`: a copy with the
/// next free number, an id from it, listed after the original in its zone.
/// Returns the new file.
pub fn copy_exhibit(file: &Path, hall_file: &Path, now: SystemTime) -> Result<PathBuf, String> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let src: crate::domain::scene::ExhibitScene =
        crate::domain::scene::parse::parse_ron(file, &text).map_err(|p| p.to_string())?;
    let mut used_numbers = Vec::new();
    let mut used_ids = Vec::new();
    for f in crate::domain::scene::library::scene_files(dir) {
        if let Ok(t) = std::fs::read_to_string(&f)
            && let Ok(s) =
                crate::domain::scene::parse::parse_ron::<crate::domain::scene::ExhibitScene>(&f, &t)
        {
            used_numbers.push(s.number);
            used_ids.push(s.id);
        }
    }
    let number = (1..=99)
        .filter(|n| !used_numbers.contains(n))
        .find(|n| *n > src.number)
        .or_else(|| (1..=99).find(|n| !used_numbers.contains(n)))
        .ok_or("all exhibit numbers 1-99 are taken")?;
    let slug = src
        .id
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches('-');
    let mut id = format!("{number:02}-{slug}");
    let mut k = 2;
    while used_ids.contains(&id) || dir.join(format!("{id}.ron")).exists() {
        id = format!("{number:02}-{slug}-{k}");
        k += 1;
    }
    let root = FieldPath::root();
    let mut d = Draft::new(text);
    d.set(&root.field("id"), &str_literal(&id))
        .and_then(|()| d.set(&root.field("number"), &number.to_string()))
        .map_err(|e| e.to_string())?;
    let new_file = dir.join(format!("{id}.ron"));
    crate::domain::scene::save::write_replacing(&new_file, d.text().as_bytes())
        .map_err(|e| e.to_string())?;

    // List it after the original in the hall's zone.
    let hall_text =
        std::fs::read_to_string(hall_file).map_err(|e| format!("{}: {e}", hall_file.display()))?;
    let hall: crate::domain::scene::HallConfig =
        crate::domain::scene::parse::parse_ron(hall_file, &hall_text).map_err(|p| p.to_string())?;
    let place = hall.zones.iter().enumerate().find_map(|(zi, z)| {
        z.exhibits
            .iter()
            .position(|e| *e == src.id)
            .map(|ei| (zi, ei))
    });
    if let Some((zi, ei)) = place {
        let list = root.field("zones").index(zi).field("exhibits");
        let mut h = Draft::new(hall_text.clone());
        h.copy_item(&list, ei)
            .and_then(|()| h.set(&list.index(ei + 1), &str_literal(&id)))
            .map_err(|e| e.to_string())?;
        history::record(hall_file, &hall_text, now).map_err(|e| e.to_string())?;
        atomic_write(hall_file, h.text().as_bytes()).map_err(|e| e.to_string())?;
    }
    Ok(new_file)
}

#[cfg(test)]
mod tests;
