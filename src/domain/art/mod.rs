//! The hall's own illustrations, drawn by code so that every picture the
//! hall shows is ours and can be regenerated: `quakehall art` writes them
//! to `assets/pictures/`, and a test checks the shipped files match. This
//! catalogue sits on top: the exhibits' cards are drawn by running the
//! exhibits themselves, with the drawing floor of [`crate::domain::draw`].

pub mod pictures;

use std::path::Path;

use crate::domain::draw::encode_png;

/// Writes every illustration into `dir` as `NAME.png`; returns the paths.
pub fn write_all(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, draw) in pictures::all() {
        let bytes = encode_png(&draw()).map_err(std::io::Error::other)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}
