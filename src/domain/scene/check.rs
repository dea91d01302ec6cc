//! The problem list every scene check writes into: a `Checker` locates
//! each field in the file's text and offers the checks that scene files of
//! every kind need (both languages, ranges, counts, files inside
//! `assets/`, Earth models, elastic rocks).

use std::path::{Component, Path};

pub use super::locate::FieldPath;
use super::problem::{Problem, Severity};
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
    /// What each check learnt about the field it checked (its range, the
    /// files it may name): the curator's editor draws its controls from it.
    pub facts: Vec<(FieldPath, Fact)>,
}

/// What a check says a field may hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    /// A number from `lo` to `hi`, in `unit`.
    Range {
        /// Least allowed.
        lo: f64,
        /// Most allowed.
        hi: f64,
        /// Unit or words after the number.
        unit: String,
    },
    /// A list of `lo` to `hi` items.
    Count {
        /// Fewest items.
        lo: usize,
        /// Most items.
        hi: usize,
    },
    /// A file inside `assets/` with one of these extensions.
    Asset(Vec<&'static str>),
    /// A text of at most this many characters per language.
    Text(usize),
    /// One of these names.
    OneOf(Vec<&'static str>),
}

impl<'a> Checker<'a> {
    /// A checker for `file` (text `src`) whose asset paths are relative to `assets_dir`.
    pub fn new(file: &'a Path, src: &'a str, assets_dir: &'a Path) -> Self {
        Self {
            file,
            src,
            assets_dir,
            problems: Vec::new(),
            facts: Vec::new(),
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

    /// Records that the number at `path` belongs in `lo..=hi` (for checks
    /// that test a range their own way).
    pub fn learn_range(&mut self, path: &FieldPath, lo: f64, hi: f64, unit: &str) {
        self.facts.push((
            path.clone(),
            Fact::Range {
                lo,
                hi,
                unit: unit.to_owned(),
            },
        ));
    }

    /// Records a warning at `path`.
    pub fn warn(&mut self, path: &FieldPath, message: impl Into<String>) {
        self.push(Severity::Warning, path, message);
    }

    /// Both languages present; Chinese text actually Chinese; within `max_chars`.
    pub fn text(&mut self, path: &FieldPath, t: &Bilingual, max_chars: usize) {
        self.facts.push((path.clone(), Fact::Text(max_chars)));
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
        self.learn_range(path, lo.into(), hi.into(), unit);
        if !v.is_finite() || v < lo || v > hi {
            self.error(
                path,
                format!("{v} is out of range: expected {lo} to {hi} {unit}"),
            );
        }
    }

    /// An integer within `lo..=hi`.
    pub fn range_u32(&mut self, path: &FieldPath, v: u32, lo: u32, hi: u32, what: &str) {
        self.learn_range(path, lo.into(), hi.into(), what);
        if v < lo || v > hi {
            self.error(
                path,
                format!("{v} is out of range: expected {lo} to {hi} {what}"),
            );
        }
    }

    /// A list length within `lo..=hi`.
    pub fn count(&mut self, path: &FieldPath, n: usize, lo: usize, hi: usize, what: &str) {
        self.facts.push((path.clone(), Fact::Count { lo, hi }));
        if n < lo || n > hi {
            self.error(path, format!("{n} {what}: expected {lo} to {hi}"));
        }
    }

    /// A path relative to `assets/` that stays inside it, has one of
    /// `extensions` and names an existing file.
    pub fn asset(&mut self, path: &FieldPath, rel: &str, extensions: &[&'static str]) {
        self.facts
            .push((path.clone(), Fact::Asset(extensions.to_vec())));
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

impl Checker<'_> {
    /// The file being checked.
    pub fn file(&self) -> &Path {
        self.file
    }

    /// The assets folder the file's paths are relative to (for checks that
    /// read what a path names, such as a recording's reference picks).
    pub fn assets_dir(&self) -> &Path {
        self.assets_dir
    }

    /// One of the Earth models the physics layer knows.
    pub fn earth_model(&mut self, path: &FieldPath, name: &str) {
        use crate::domain::physics::earth::EarthModel;
        self.facts
            .push((path.clone(), Fact::OneOf(EarthModel::NAMES.to_vec())));
        if crate::domain::physics::earth::EarthModel::by_name(name).is_none() {
            self.error(
                path,
                format!(
                    "unknown Earth model \"{name}\": use \"iasp91\", \"ak135\" or \"chongqing\""
                ),
            );
        }
    }

    /// An elastic solid needs Vp > √2 Vs (a positive Lamé λ, Poisson's
    /// ratio above zero).
    pub fn p_faster_than_s(&mut self, path: &FieldPath, vp: f64, vs: f64, unit: &str) {
        let least = vs * std::f64::consts::SQRT_2;
        if vp < least {
            self.error(
                path,
                format!("P speed {vp} {unit} must exceed √2 times the S speed ({least:.2} {unit})"),
            );
        }
    }
}
