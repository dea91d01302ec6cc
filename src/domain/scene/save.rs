//! Saving scene files the way a curator's save must work: atomically (a
//! crash or power cut leaves the old or the new file, never half of one)
//! and keeping the previous version as `NAME.bak`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::locate::{FieldPath, value_span};
use crate::domain::kiosk::pin::PinHash;

/// Errors while saving a scene file.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file system refused.
    #[error("cannot save {path}: {source}")]
    Io {
        /// The file being written.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The field to replace is not in the file.
    #[error("{path}: no `{field}` field found to replace")]
    FieldNotFound {
        /// The file.
        path: PathBuf,
        /// The field path.
        field: String,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SaveError + '_ {
    move |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The backup file kept beside `path`: `hall.ron` → `hall.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `contents` to `path` atomically: a temporary file in the same
/// folder is written and synced, the current file is copied to
/// [`backup_path`], and the temporary file is renamed over `path`.
pub fn atomic_write(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    atomic_write_then(path, contents, true, || {})
}

/// Writes `contents` to `path` atomically without a backup (history
/// files, kept drafts).
pub fn write_replacing(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    atomic_write_then(path, contents, false, || {})
}

/// [`atomic_write`], calling `before_rename` once the new text is safely
/// on disk but not yet in place (where a crash is tested).
pub fn atomic_write_then(
    path: &Path,
    contents: &[u8],
    keep_backup: bool,
    before_rename: impl FnOnce(),
) -> Result<(), SaveError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.saving-");
    remove_stale_temps(dir, &prefix);
    let tmp = dir.join(format!("{prefix}{}", std::process::id()));
    {
        let mut f = std::fs::File::create(&tmp).map_err(io(&tmp))?;
        if let Err(e) = f.write_all(contents).and_then(|()| f.sync_all()) {
            drop(f);
            let _ = std::fs::remove_file(&tmp);
            return Err(io(&tmp)(e));
        }
    }
    if keep_backup && path.exists() {
        let bak = backup_path(path);
        if let Err(e) = std::fs::copy(path, &bak) {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(&bak)(e));
        }
    }
    before_rename();
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(path)(e));
    }
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Temporary files a save killed half-way left behind.
fn remove_stale_temps(dir: &Path, prefix: &str) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        if e.file_name().to_string_lossy().starts_with(prefix) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The text of `hall.ron` with only its `curator_pin` value replaced, so
/// that the curator's comments and layout stay as they were.
pub fn replace_pin_hash(path: &Path, src: &str, pin: &PinHash) -> Result<String, SaveError> {
    let field = FieldPath::root().field("curator_pin");
    let span = value_span(src, &field).ok_or_else(|| SaveError::FieldNotFound {
        path: path.to_path_buf(),
        field: field.to_string(),
    })?;
    let value = format!(
        "(\n        salt: \"{}\",\n        iterations: {},\n        hash: \"{}\",\n    )",
        pin.salt, pin.iterations, pin.hash
    );
    let mut out = String::with_capacity(src.len() + value.len());
    out.push_str(&src[..span.start]);
    out.push_str(&value);
    out.push_str(&src[span.end..]);
    Ok(out)
}
