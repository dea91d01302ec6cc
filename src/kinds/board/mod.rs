//! `Board`: a display board of panels in a grid; tapping a panel opens its
//! longer text and table over the board, tapping outside or "close" shuts
//! it.

pub mod state;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Kind, Opening};
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::{Bilingual, Lang};
use state::BoardState;

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

impl Kind for BoardParams {
    type State = BoardState;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 300);
        c.range_u32(&at.field("columns"), self.columns, 1, 4, "panels per row");
        let panels = at.field("panels");
        c.count(&panels, self.panels.len(), 1, 24, "panels");
        for (i, p) in self.panels.iter().enumerate() {
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
                check_table(c, &pp.field("table"), t);
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut v = vec![self.intro.clone()];
        for p in &self.panels {
            v.extend([p.heading.clone(), p.text.clone()]);
            v.extend(p.detail.clone());
            if let Some(t) = &p.table {
                v.extend(t.columns.iter().cloned());
                v.extend(t.rows.iter().flatten().map(|cell| match cell {
                    Cell::Plain(s) => Bilingual::new(s.clone(), s.clone()),
                    Cell::Text(t) => t.clone(),
                }));
            }
        }
        v
    }

    fn files(&self) -> Vec<&str> {
        self.panels
            .iter()
            .filter_map(|p| p.picture.as_deref())
            .collect()
    }


    /// Opens with every panel closed; `shot --open N` with panel N open.
    fn build(&self, opening: &Opening) -> Result<BoardState, String> {
        let mut state = BoardState::default();
        if let Some(n) = opening.moment {
            state.tap(n.saturating_sub(1));
        }
        Ok(state)
    }
}

fn check_table(c: &mut Checker, at: &FieldPath, t: &Table) {
    c.count(&at.field("columns"), t.columns.len(), 1, 6, "columns");
    for (ci, col) in t.columns.iter().enumerate() {
        c.text(&at.field("columns").index(ci), col, 30);
    }
    c.count(&at.field("rows"), t.rows.len(), 1, 20, "rows");
    for (ri, row) in t.rows.iter().enumerate() {
        let rp = at.field("rows").index(ri);
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
