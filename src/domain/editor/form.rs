//! The form of one scene file: a row per value of its tree, each with the
//! control its type calls for (two text boxes for a bilingual text, a
//! number with the range its check allows, a choice of the enum's variants,
//! a list's add/remove/move buttons, a file picker for pictures and
//! recordings) and the validator's problems at that value. Nothing here
//! names a kind: the rows come from the schema types and their checks.

use std::collections::HashMap;
use std::path::Path;

use super::tree::Node;
use crate::domain::scene::check::{Checker, Fact};
use crate::domain::scene::locate::{FieldPath, Seg, value_span};
use crate::domain::scene::parse::{parse_ron, ron_options};
use crate::domain::scene::problem::{Problem, Severity};
use crate::domain::scene::schema::{ExhibitScene, HallConfig};
use crate::domain::scene::validate::{check_exhibit, check_hall};

/// Which schema a file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `hall.ron`.
    Hall,
    /// An exhibit's scene.
    Exhibit,
}

/// The control a row shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Widget {
    /// A heading for a group of values (a struct inside the file).
    Group,
    /// A bilingual text: Chinese and English side by side.
    Text {
        /// The Chinese text.
        zh: String,
        /// The English text.
        en: String,
        /// Characters that fit on screen, per language.
        max: Option<usize>,
    },
    /// A one-line text (an id, a file path).
    Line {
        /// The text.
        value: String,
        /// For a file inside `assets/`, the extensions it may have.
        files: Option<Vec<&'static str>>,
    },
    /// A whole number.
    Int {
        /// The value.
        value: i128,
        /// The range its check allows.
        range: Option<(f64, f64)>,
    },
    /// A number with a fraction.
    Float {
        /// The value.
        value: f64,
        /// Whether the schema holds it as `f32`.
        single: bool,
        /// The range its check allows.
        range: Option<(f64, f64)>,
    },
    /// On or off.
    Flag(bool),
    /// A name from a fixed list (an Earth model).
    Name {
        /// The name in the file.
        current: String,
        /// The names the check accepts.
        options: Vec<&'static str>,
    },
    /// One of an enum's variants.
    Choice {
        /// The variant in the file.
        current: String,
        /// Variants it can switch to (written as their RON literal).
        options: Vec<(String, String)>,
    },
    /// A list heading.
    List {
        /// Items in it.
        len: usize,
        /// How many items its check allows.
        range: Option<(usize, usize)>,
    },
    /// The buttons of one list item (move up/down, copy, remove).
    Item {
        /// The list.
        list: FieldPath,
        /// The item's place, from 0.
        index: usize,
        /// Items in the list.
        len: usize,
    },
    /// An optional value the file leaves out.
    Absent,
}

/// One row of the form.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The value's place in the file.
    pub path: FieldPath,
    /// Nesting depth (for indentation).
    pub depth: usize,
    /// The field's name (or the item's number).
    pub label: String,
    /// Its control.
    pub widget: Widget,
    /// The validator's problems at this value.
    pub problems: Vec<Problem>,
}

/// A scene file parsed and checked as the hall would.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The value tree, when the text parses.
    pub tree: Option<Node>,
    /// Every problem the file's own checks find.
    pub problems: Vec<Problem>,
    /// What the checks say each field may hold, by path.
    pub facts: HashMap<String, Fact>,
}

/// Parses and checks `text` (of `file`) the way the hall reads that file.
pub fn check_text(kind: FileKind, file: &Path, text: &str, assets_dir: &Path) -> Checked {
    let mut c = Checker::new(file, text, assets_dir);
    let tree = match kind {
        FileKind::Hall => parse_ron::<HallConfig>(file, text).map(|h| {
            check_hall(&mut c, &h);
            Node::of(&h)
        }),
        FileKind::Exhibit => parse_ron::<ExhibitScene>(file, text).map(|e| {
            check_exhibit(&mut c, &e);
            Node::of(&e)
        }),
    };
    let mut problems = c.problems;
    let tree = match tree {
        Ok(t) => Some(t),
        Err(p) => {
            problems.push(p);
            None
        }
    };
    let facts = c
        .facts
        .into_iter()
        .map(|(p, f)| (p.to_string(), f))
        .collect();
    Checked {
        tree,
        problems,
        facts,
    }
}

/// Whether `text` reads as a file of `kind` (checks aside).
pub fn parses(kind: FileKind, text: &str) -> Result<(), ron::Error> {
    let opts = ron_options();
    let r = match kind {
        FileKind::Hall => opts.from_str::<HallConfig>(text).map(|_| ()),
        FileKind::Exhibit => opts.from_str::<ExhibitScene>(text).map(|_| ()),
    };
    r.map_err(|e| e.code)
}

/// The variants the enum value at `path` can switch to by writing only
/// their name: the parser lists the enum's variants for an unknown one,
/// and each is tried in place.
pub fn bare_variants(kind: FileKind, text: &str, path: &FieldPath) -> Vec<String> {
    let Some(span) = value_span(text, path) else {
        return Vec::new();
    };
    let mut probe = text.to_owned();
    probe.replace_range(span.clone(), "QuakehallNoSuchVariant");
    let expected = match parses(kind, &probe) {
        Err(ron::Error::NoSuchEnumVariant { expected, .. }) => expected,
        _ => return Vec::new(),
    };
    expected
        .iter()
        .filter(|v| {
            let mut t = text.to_owned();
            t.replace_range(span.clone(), v);
            parses(kind, &t).is_ok()
        })
        .map(|v| (*v).to_owned())
        .collect()
}

/// The rows of the form for `checked` (of text `text`), with `remembered`
/// variant contents offered as choices too (`(path, variant) -> literal`).
pub fn rows(
    kind: FileKind,
    text: &str,
    checked: &Checked,
    remembered: &HashMap<(String, String), String>,
) -> Vec<Row> {
    let Some(tree) = &checked.tree else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let b = Builder {
        kind,
        text,
        facts: &checked.facts,
        remembered,
    };
    if let Some(fields) = tree.fields() {
        for (name, v) in fields {
            b.value(&FieldPath::root().field(name), name, v, 0, &mut out);
        }
    }
    attach_problems(&mut out, &checked.problems);
    out
}

struct Builder<'a> {
    kind: FileKind,
    text: &'a str,
    facts: &'a HashMap<String, Fact>,
    remembered: &'a HashMap<(String, String), String>,
}

impl Builder<'_> {
    fn fact(&self, path: &FieldPath) -> Option<&Fact> {
        self.facts.get(&path.to_string())
    }

    fn range(&self, path: &FieldPath) -> Option<(f64, f64)> {
        match self.fact(path) {
            Some(Fact::Range { lo, hi, .. }) => Some((*lo, *hi)),
            _ => None,
        }
    }

    fn push(
        &self,
        out: &mut Vec<Row>,
        path: &FieldPath,
        label: &str,
        depth: usize,
        widget: Widget,
    ) {
        out.push(Row {
            path: path.clone(),
            depth,
            label: label.to_owned(),
            widget,
            problems: Vec::new(),
        });
    }

    fn value(&self, path: &FieldPath, label: &str, v: &Node, depth: usize, out: &mut Vec<Row>) {
        if path.0 == [Seg::Field("schema_version".into())] {
            return; // not the curator's to change
        }
        match v {
            Node::Some(inner) => self.value(path, label, inner, depth, out),
            Node::None => self.push(out, path, label, depth, Widget::Absent),
            n if n.is_bilingual() => {
                let get = |k: &str| match n.fields().and_then(|f| f.iter().find(|(n, _)| *n == k)) {
                    Some((_, Node::Str(s))) => s.clone(),
                    _ => String::new(),
                };
                let max = match self.fact(path) {
                    Some(Fact::Text(m)) => Some(*m),
                    _ => None,
                };
                let w = Widget::Text {
                    zh: get("zh"),
                    en: get("en"),
                    max,
                };
                self.push(out, path, label, depth, w);
            }
            Node::Str(s) if matches!(self.fact(path), Some(Fact::OneOf(_))) => {
                let Some(Fact::OneOf(options)) = self.fact(path) else {
                    return;
                };
                let w = Widget::Name {
                    current: s.clone(),
                    options: options.clone(),
                };
                self.push(out, path, label, depth, w);
            }
            Node::Str(s) => {
                let files = match self.fact(path) {
                    Some(Fact::Asset(ext)) => Some(ext.clone()),
                    _ => None,
                };
                let w = Widget::Line {
                    value: s.clone(),
                    files,
                };
                self.push(out, path, label, depth, w);
            }
            Node::Int(i) => {
                let w = Widget::Int {
                    value: *i,
                    range: self.range(path),
                };
                self.push(out, path, label, depth, w);
            }
            Node::Float { v, single } => {
                let w = Widget::Float {
                    value: *v,
                    single: *single,
                    range: self.range(path),
                };
                self.push(out, path, label, depth, w);
            }
            Node::Bool(b) => self.push(out, path, label, depth, Widget::Flag(*b)),
            Node::Seq(items) => {
                let range = match self.fact(path) {
                    Some(Fact::Count { lo, hi }) => Some((*lo, *hi)),
                    _ => None,
                };
                let len = items.len();
                self.push(out, path, label, depth, Widget::List { len, range });
                for (i, item) in items.iter().enumerate() {
                    let ip = path.index(i);
                    let w = Widget::Item {
                        list: path.clone(),
                        index: i,
                        len,
                    };
                    let label = format!("{}", i + 1);
                    self.push(out, &ip, &label, depth + 1, w);
                    match item.unwrapped() {
                        Node::Struct { fields, .. } if !item.is_bilingual() => {
                            for (name, v) in fields {
                                self.value(&ip.field(name), name, v, depth + 2, out);
                            }
                        }
                        _ => self.value(&ip, "", item, depth + 2, out),
                    }
                }
            }
            Node::Struct { fields, .. } => {
                self.push(out, path, label, depth, Widget::Group);
                for (name, v) in fields {
                    self.value(&path.field(name), name, v, depth + 1, out);
                }
            }
            Node::Variant {
                variant, content, ..
            } => {
                let key = path.to_string();
                let mut options: Vec<(String, String)> = bare_variants(self.kind, self.text, path)
                    .into_iter()
                    .filter(|o| o != variant)
                    .map(|o| (o.clone(), o))
                    .collect();
                for ((p, v), lit) in self.remembered {
                    if *p == key && v != variant && !options.iter().any(|(o, _)| o == v) {
                        options.push((v.clone(), lit.clone()));
                    }
                }
                options.sort();
                let w = Widget::Choice {
                    current: (*variant).to_owned(),
                    options,
                };
                self.push(out, path, label, depth, w);
                match content.unwrapped() {
                    Node::Struct { fields, .. } if !content.is_bilingual() => {
                        for (name, v) in fields {
                            self.value(&path.field(name), name, v, depth + 1, out);
                        }
                    }
                    Node::Unit => {}
                    other => self.value(path, "", other, depth + 1, out),
                }
            }
            Node::Unit | Node::Map(_) => {}
        }
    }
}

/// Puts each problem on the row of the deepest value that holds it.
pub fn attach_problems(rows: &mut [Row], problems: &[Problem]) {
    for p in problems {
        let best = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                let rp = r.path.to_string();
                p.field == rp
                    || p.field.starts_with(&format!("{rp}."))
                    || p.field.starts_with(&format!("{rp}["))
            })
            .max_by_key(|(i, r)| (r.path.0.len(), *i))
            .map(|(i, _)| i);
        if let Some(i) = best {
            rows[i].problems.push(p.clone());
        }
    }
}

/// Problems no row holds (the whole file, or a place the form does not show).
pub fn unplaced<'a>(rows: &[Row], problems: &'a [Problem]) -> Vec<&'a Problem> {
    problems
        .iter()
        .filter(|p| !rows.iter().any(|r| r.problems.contains(p)))
        .collect()
}

/// Whether any of `problems` is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn form_of(name: &str) -> (String, Checked, Vec<Row>) {
        let file = root().join("scenes").join(name);
        let text = std::fs::read_to_string(&file).unwrap();
        let kind = if name == "hall.ron" {
            FileKind::Hall
        } else {
            FileKind::Exhibit
        };
        let checked = check_text(kind, &file, &text, &root().join("assets"));
        let rows = rows(kind, &text, &checked, &HashMap::new());
        (text, checked, rows)
    }

    fn row<'a>(rows: &'a [Row], path: &str) -> &'a Row {
        rows.iter()
            .find(|r| r.path.to_string() == path)
            .unwrap_or_else(|| panic!("no row {path}"))
    }

    #[test]
    fn the_ebooks_form_has_texts_pictures_and_pages() {
        let (_, checked, rows) = form_of("15-station.ron");
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        assert!(
            matches!(&row(&rows, "title").widget, Widget::Text { zh, max: Some(40), .. } if zh == "走进地震台")
        );
        assert!(matches!(
            &row(&rows, "number").widget,
            Widget::Int {
                value: 15,
                range: Some((1.0, 99.0))
            }
        ));
        assert!(matches!(
            &row(&rows, "kind.pages").widget,
            Widget::List {
                range: Some((1, 40)),
                ..
            }
        ));
        assert!(matches!(
            &row(&rows, "kind.pages[0]").widget,
            Widget::Item { index: 0, .. }
        ));
        assert!(
            matches!(&row(&rows, "kind.pages[2].picture").widget, Widget::Line { files: Some(f), .. } if f.contains(&"png"))
        );
        assert!(matches!(row(&rows, "hidden").widget, Widget::Flag(false)));
        assert!(!rows.iter().any(|r| r.path.to_string() == "schema_version"));
    }

    #[test]
    fn an_enum_offers_the_variants_that_need_no_more_than_their_name() {
        let (_, _, rows) = form_of("13-helicorder.ron");
        let day = row(&rows, "kind.day");
        let Widget::Choice { current, options } = &day.widget else {
            panic!("{day:?}")
        };
        assert_eq!(current, "Synthetic");
        // `Recorded` needs a recording and a gain: not offered bare.
        assert!(options.iter().all(|(o, _)| o != "Recorded"), "{options:?}");
        let (_, _, wave_race) = form_of("07-wave-race.ron");
        let model = row(&wave_race, "kind.model");
        assert_eq!(
            model.widget,
            Widget::Name {
                current: "iasp91".into(),
                options: vec!["iasp91", "ak135", "chongqing"]
            },
            "an Earth model is chosen, not typed"
        );
        let (_, _, hall) = form_of("hall.ron");
        let lang = hall.iter().find(|r| {
            r.path.to_string() == "languages[0]" && matches!(r.widget, Widget::Choice { .. })
        });
        let Some(Widget::Choice { current, options }) = lang.map(|r| &r.widget) else {
            panic!("languages[0] is a choice")
        };
        assert_eq!(current, "zh");
        assert_eq!(options, &[("en".to_owned(), "en".to_owned())]);
    }

    #[test]
    fn a_problem_shows_at_its_field() {
        let (text, _, _) = form_of("15-station.ron");
        let file = root().join("scenes/15-station.ron");
        let bad = text.replace("number: 15", "number: 150");
        let checked = check_text(FileKind::Exhibit, &file, &bad, &root().join("assets"));
        let rows = rows(FileKind::Exhibit, &bad, &checked, &HashMap::new());
        let n = row(&rows, "number");
        assert_eq!(n.problems.len(), 1);
        assert!(n.problems[0].message.contains("out of range"));
        assert!(has_errors(&checked.problems));
        assert!(unplaced(&rows, &checked.problems).is_empty());
    }
}
