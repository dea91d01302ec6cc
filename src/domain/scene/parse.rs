//! Turning RON text into the typed schema, with errors that name the field.

use std::path::Path;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::locate::FieldPath;
use super::problem::{Problem, Severity};

/// Options every scene file is read with: `Some(..)` may be left out around
/// optional values, and an exhibit kind is written `Ebook(pages: [..])`
/// rather than `Ebook((pages: [..]))`.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// Parses `src` (the text of `file`) into `T`. On failure the problem names
/// the line, column and field path where reading stopped.
pub fn parse_ron<T: DeserializeOwned>(file: &Path, src: &str) -> Result<T, Problem> {
    let opts = ron_options();
    let mut de = match ron::Deserializer::from_str_with_options(src, &opts) {
        Ok(de) => de,
        Err(e) => return Err(spanned_problem(file, src, "(file)", e)),
    };
    let value = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(v) => v,
        Err(e) => {
            let field = FieldPath::parse(&e.path().to_string()).to_string();
            let inner = e.into_inner();
            let spanned = de.span_error(inner);
            return Err(spanned_problem(file, src, &field, spanned));
        }
    };
    if let Err(e) = de.end() {
        let spanned = de.span_error(e);
        return Err(spanned_problem(file, src, "(file)", spanned));
    }
    Ok(value)
}

/// Moves a position forward over blanks and comments, so that an error
/// reported just after a `:` points at the value a curator must change.
fn skip_blank(src: &str, line: usize, col: usize) -> (usize, usize) {
    let Some(text) = src.lines().nth(line.saturating_sub(1)) else {
        return (line, col);
    };
    let rest: Vec<char> = text.chars().skip(col.saturating_sub(1)).collect();
    let blanks = rest.iter().take_while(|c| c.is_whitespace()).count();
    if blanks < rest.len() && !rest[blanks..].starts_with(&['/', '/']) {
        (line, col + blanks)
    } else {
        (line, col)
    }
}

fn spanned_problem(file: &Path, src: &str, field: &str, e: ron::error::SpannedError) -> Problem {
    let message = match &e.code {
        ron::Error::Eof => "the file ends too early: a bracket or quote is not closed".to_owned(),
        other => other.to_string(),
    };
    let (line, column) = skip_blank(src, e.span.start.line, e.span.start.col);
    Problem {
        severity: Severity::Error,
        file: file.to_path_buf(),
        line,
        column,
        field: field.to_owned(),
        message,
    }
}
