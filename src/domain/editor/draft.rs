//! A curator's draft of one scene file: its text, changed one value at a
//! time in place (the `locate` module finds where each value stands), so
//! that comments and layout of everything not edited stay byte for byte as
//! they were; with undo and redo of every change.

use std::ops::Range;

use crate::domain::scene::locate::{FieldPath, Seg, value_span};

/// The most changes kept for undo.
pub const UNDO_LIMIT: usize = 200;

/// Why an edit could not be made in the text.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The value is not in the file (and cannot be added there).
    #[error("`{0}` is not in the file")]
    Missing(String),
    /// The list has no such item.
    #[error("`{0}` has no item {1}")]
    NoItem(String, usize),
}

/// The text of one scene file as the curator is changing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    text: String,
    undo: Vec<String>,
    redo: Vec<String>,
    /// The value the last change typed into: further typing there joins
    /// that change, so one undo takes back a word, not a letter.
    typing: Option<FieldPath>,
}

impl Draft {
    /// A draft of `text` with nothing to undo.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            undo: Vec::new(),
            redo: Vec::new(),
            typing: None,
        }
    }

    /// The current text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether there is a change to undo / redo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone change to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Takes back the last change.
    pub fn undo(&mut self) -> bool {
        self.typing = None;
        match self.undo.pop() {
            Some(prev) => {
                self.redo.push(std::mem::replace(&mut self.text, prev));
                true
            }
            None => false,
        }
    }

    /// Makes the last undone change again.
    pub fn redo(&mut self) -> bool {
        self.typing = None;
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(&mut self.text, next));
                true
            }
            None => false,
        }
    }

    /// Ends the current run of typing: the next change is its own undo step.
    pub fn seal(&mut self) {
        self.typing = None;
    }

    fn commit(&mut self, text: String, typing: Option<FieldPath>) {
        if text == self.text {
            return;
        }
        let joins = typing.is_some() && typing == self.typing && !self.undo.is_empty();
        if !joins {
            self.undo.push(std::mem::take(&mut self.text));
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.text = text;
        self.redo.clear();
        self.typing = typing;
    }

    /// Replaces the whole text (a revert, a reload), as one undo step.
    pub fn replace_all(&mut self, text: impl Into<String>) {
        self.commit(text.into(), None);
    }

    /// Sets the value at `path` to the RON `literal`. A field the file
    /// leaves out (one with a default) is added to its struct.
    pub fn set(&mut self, path: &FieldPath, literal: &str) -> Result<(), EditError> {
        let text = set_value(&self.text, path, literal)?;
        self.commit(text, None);
        Ok(())
    }

    /// Like [`Draft::set`], for a value being typed: consecutive changes of
    /// the same value are one undo step until [`Draft::seal`].
    pub fn type_into(&mut self, path: &FieldPath, literal: &str) -> Result<(), EditError> {
        let text = set_value(&self.text, path, literal)?;
        self.commit(text, Some(path.clone()));
        Ok(())
    }

    /// Adds a copy of item `i` of the list at `list` right after it.
    pub fn copy_item(&mut self, list: &FieldPath, i: usize) -> Result<(), EditError> {
        let spans = item_spans(&self.text, list)?;
        let item = spans
            .get(i)
            .ok_or_else(|| EditError::NoItem(list.to_string(), i))?;
        let sep = separator(&self.text, &spans, i);
        let mut t = self.text.clone();
        let copy = format!("{sep}{}", &self.text[item.clone()]);
        t.insert_str(item.end, &copy);
        self.commit(t, None);
        Ok(())
    }

    /// Adds `literal` at the end of the list at `list`.
    pub fn append_item(&mut self, list: &FieldPath, literal: &str) -> Result<(), EditError> {
        let spans = item_spans(&self.text, list)?;
        let mut t = self.text.clone();
        match spans.last() {
            Some(last) => {
                let sep = separator(&self.text, &spans, spans.len() - 1);
                t.insert_str(last.end, &format!("{sep}{literal}"));
            }
            None => {
                let whole = value_span(&self.text, list)
                    .ok_or_else(|| EditError::Missing(list.to_string()))?;
                t.replace_range(whole, &format!("[{literal}]"));
            }
        }
        self.commit(t, None);
        Ok(())
    }

    /// Removes item `i` of the list at `list`.
    pub fn remove_item(&mut self, list: &FieldPath, i: usize) -> Result<(), EditError> {
        let spans = item_spans(&self.text, list)?;
        let t = remove_span(&self.text, &spans, i)
            .ok_or_else(|| EditError::NoItem(list.to_string(), i))?;
        self.commit(t, None);
        Ok(())
    }

    /// Swaps items `i` and `j` of the list at `list` (to move one up or down).
    pub fn swap_items(&mut self, list: &FieldPath, i: usize, j: usize) -> Result<(), EditError> {
        let spans = item_spans(&self.text, list)?;
        let (a, b) = (i.min(j), i.max(j));
        let (sa, sb) = match (spans.get(a), spans.get(b)) {
            (Some(x), Some(y)) if a != b => (x.clone(), y.clone()),
            _ => return Err(EditError::NoItem(list.to_string(), b)),
        };
        let mut t = self.text.clone();
        let (ta, tb) = (
            self.text[sa.clone()].to_owned(),
            self.text[sb.clone()].to_owned(),
        );
        t.replace_range(sb, &ta);
        t.replace_range(sa, &tb);
        self.commit(t, None);
        Ok(())
    }

    /// Moves item `i` of the list `from` to the end of the list `to` (an
    /// exhibit to another zone).
    pub fn move_item(
        &mut self,
        from: &FieldPath,
        i: usize,
        to: &FieldPath,
    ) -> Result<(), EditError> {
        let spans = item_spans(&self.text, from)?;
        let item = spans
            .get(i)
            .ok_or_else(|| EditError::NoItem(from.to_string(), i))?;
        let literal = self.text[item.clone()].to_owned();
        let removed = remove_span(&self.text, &spans, i)
            .ok_or_else(|| EditError::NoItem(from.to_string(), i))?;
        let mut moved = Draft::new(removed);
        moved.append_item(to, &literal)?;
        self.commit(moved.text, None);
        Ok(())
    }
}

/// `text` with the value at `path` replaced by `literal` (or added as a
/// new field of its struct when the file leaves it out).
pub fn set_value(text: &str, path: &FieldPath, literal: &str) -> Result<String, EditError> {
    let mut t = text.to_owned();
    if let Some(span) = value_span(text, path) {
        t.replace_range(span, literal);
        return Ok(t);
    }
    let (Some(Seg::Field(name)), Some(parent)) = (path.0.last(), parent_of(path)) else {
        return Err(EditError::Missing(path.to_string()));
    };
    let span = value_span(text, &parent).ok_or_else(|| EditError::Missing(path.to_string()))?;
    let body = &text[span.clone()];
    if !body.ends_with(')') {
        return Err(EditError::Missing(path.to_string()));
    }
    let close = span.end - 1;
    let before = text[..close].trim_end();
    let indent = format!("{}    ", line_indent(text, close));
    let lead = if before.ends_with(['(', ',']) {
        ""
    } else {
        ","
    };
    t.insert_str(before.len(), &format!("{lead}\n{indent}{name}: {literal},"));
    Ok(t)
}

fn parent_of(path: &FieldPath) -> Option<FieldPath> {
    let n = path.0.len().checked_sub(1)?;
    Some(FieldPath(path.0[..n].to_vec()))
}

/// The whitespace that starts the line holding byte `at`.
fn line_indent(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// Byte ranges of the items of the list at `list`.
fn item_spans(text: &str, list: &FieldPath) -> Result<Vec<Range<usize>>, EditError> {
    let whole = value_span(text, list).ok_or_else(|| EditError::Missing(list.to_string()))?;
    if !text[whole.clone()].starts_with('[') {
        return Err(EditError::Missing(list.to_string()));
    }
    Ok((0..)
        .map_while(|i| value_span(text, &list.index(i)))
        .take_while(|s| s.start >= whole.start && s.end <= whole.end)
        .collect())
}

/// What stands between items of the list: `,\n        ` or `, `.
fn separator(text: &str, spans: &[Range<usize>], i: usize) -> String {
    if i > 0 {
        return text[spans[i - 1].end..spans[i].start].to_owned();
    }
    if let Some(next) = spans.get(i + 1) {
        return text[spans[i].end..next.start].to_owned();
    }
    let start = spans[i].start;
    let line_start = text[..start].rfind('\n').map_or(0, |k| k + 1);
    if text[line_start..start].trim().is_empty() {
        format!(",\n{}", &text[line_start..start])
    } else {
        ", ".into()
    }
}

/// `text` without item `i` and its separator.
fn remove_span(text: &str, spans: &[Range<usize>], i: usize) -> Option<String> {
    let item = spans.get(i)?;
    let cut = if let Some(next) = spans.get(i + 1) {
        item.start..next.start
    } else if i > 0 {
        spans[i - 1].end..item.end
    } else {
        // The only item: its trailing comma goes too.
        let rest = &text[item.end..];
        let comma = rest
            .trim_start()
            .strip_prefix(',')
            .map_or(0, |after| rest.len() - after.len());
        item.start..item.end + comma
    };
    let mut t = text.to_owned();
    t.replace_range(cut, "");
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "// the hall's plan\n(\n    id: \"a\", // keep me\n    pages: [\n        (n: 1),\n        (n: 2),\n    ],\n    short: [\"x\"],\n    inline: [1, 2, 3],\n)\n";

    fn p(s: &str) -> FieldPath {
        FieldPath::parse(s)
    }

    #[test]
    fn setting_a_value_changes_only_its_bytes() {
        let mut d = Draft::new(SRC);
        d.set(&p("id"), "\"b\"").unwrap();
        assert_eq!(d.text(), SRC.replace("\"a\"", "\"b\""));
        d.set(&p("pages[1].n"), "7").unwrap();
        assert!(d.text().contains("(n: 7)") && d.text().contains("// keep me"));
    }

    #[test]
    fn a_left_out_field_is_added_to_its_struct() {
        let mut d = Draft::new(SRC);
        d.set(&p("hidden"), "true").unwrap();
        assert!(
            d.text()
                .ends_with("    inline: [1, 2, 3],\n    hidden: true,\n)\n"),
            "{}",
            d.text()
        );
        let mut d = Draft::new("(a: 1)");
        d.set(&p("b"), "2").unwrap();
        assert_eq!(d.text(), "(a: 1,\n    b: 2,)");
        assert!(Draft::new(SRC).set(&p("nope.deeper"), "1").is_err());
    }

    #[test]
    fn list_items_are_copied_removed_and_swapped_in_place() {
        let mut d = Draft::new(SRC);
        d.copy_item(&p("pages"), 1).unwrap();
        assert!(
            d.text()
                .contains("        (n: 2),\n        (n: 2),\n    ],"),
            "{}",
            d.text()
        );
        d.remove_item(&p("pages"), 0).unwrap();
        assert!(
            d.text()
                .contains("    pages: [\n        (n: 2),\n        (n: 2),\n    ],")
        );
        d.copy_item(&p("short"), 0).unwrap();
        assert!(d.text().contains("short: [\"x\", \"x\"],"), "{}", d.text());
        d.swap_items(&p("inline"), 0, 2).unwrap();
        assert!(d.text().contains("inline: [3, 2, 1],"));
        d.remove_item(&p("inline"), 2).unwrap();
        assert!(d.text().contains("inline: [3, 2],"));
        d.remove_item(&p("short"), 1).unwrap();
        d.remove_item(&p("short"), 0).unwrap();
        assert!(d.text().contains("short: [],"), "{}", d.text());
        d.append_item(&p("short"), "\"y\"").unwrap();
        assert!(d.text().contains("short: [\"y\"],"));
        assert!(d.remove_item(&p("short"), 5).is_err());
    }

    #[test]
    fn an_item_moves_to_another_list() {
        let mut d = Draft::new("(z: [(e: [\"a\", \"b\"]), (e: [\"c\"])])");
        d.move_item(&p("z[0].e"), 0, &p("z[1].e")).unwrap();
        assert_eq!(d.text(), "(z: [(e: [\"b\"]), (e: [\"c\", \"a\"])])");
    }

    #[test]
    fn undo_and_redo_walk_the_changes_and_typing_is_one_step() {
        let mut d = Draft::new(SRC);
        for word in ["\"b\"", "\"bo\"", "\"boo\""] {
            d.type_into(&p("id"), word).unwrap();
        }
        d.seal();
        d.set(&p("pages[0].n"), "9").unwrap();
        assert!(d.undo());
        assert!(d.text().contains("id: \"boo\"") && d.text().contains("(n: 1)"));
        assert!(d.undo(), "the typed word is one step");
        assert_eq!(d.text(), SRC);
        assert!(!d.undo());
        assert!(d.redo() && d.redo());
        assert!(d.text().contains("(n: 9)"));
        assert!(!d.redo());
        d.undo();
        d.set(&p("id"), "\"c\"").unwrap();
        assert!(!d.can_redo(), "a new change drops what was undone");
    }

    #[test]
    fn no_change_is_no_undo_step() {
        let mut d = Draft::new(SRC);
        d.set(&p("id"), "\"a\"").unwrap();
        assert!(!d.can_undo());
    }
}
