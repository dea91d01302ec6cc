//! What is wrong with a scene file, and where: file, line, column, field.

use std::fmt;
use std::path::{Path, PathBuf};

use super::locate::{FieldPath, locate};

/// How bad a problem is. Errors make `quakehall validate` fail and keep the
/// last good version of the file on screen; warnings are shown to curators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth fixing; the exhibit still works.
    Warning,
    /// The file (or this part of it) cannot be used.
    Error,
}

/// One problem in one scene file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as given to the loader.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Path of the field in the file (`kind.pages[2].text.zh`), or `(file)`.
    pub field: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Problem {
    /// A problem at the value `path` of the file whose text is `src`.
    pub fn at(
        severity: Severity,
        file: &Path,
        src: &str,
        path: &FieldPath,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = locate(src, path);
        Self {
            severity,
            file: file.to_path_buf(),
            line,
            column,
            field: path.to_string(),
            message: message.into(),
        }
    }

    /// A problem with the file as a whole (cannot be read, is missing).
    pub fn whole_file(file: &Path, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line: 1,
            column: 1,
            field: FieldPath::root().to_string(),
            message: message.into(),
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(
            f,
            "{}:{}:{}: {sev}: {}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.field,
            self.message
        )
    }
}
