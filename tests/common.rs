//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};

/// The project root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A scratch copy of the shipped `scenes/` and `assets/` folders, so a test
/// can break files without touching the real ones.
pub struct HallCopy {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
}

impl HallCopy {
    /// Copies `scenes/` and `assets/` into a fresh temporary folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&root().join("scenes"), &dir.path().join("scenes"));
        copy_dir(&root().join("assets"), &dir.path().join("assets"));
        Self { dir }
    }

    /// The copied scenes folder.
    pub fn scenes(&self) -> PathBuf {
        self.dir.path().join("scenes")
    }

    /// The copied assets folder.
    pub fn assets(&self) -> PathBuf {
        self.dir.path().join("assets")
    }

    /// A file of the copied scenes folder.
    pub fn scene(&self, name: &str) -> PathBuf {
        self.scenes().join(name)
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy");
        }
    }
}

/// Line and column (1-based, characters) of the first occurrence of `needle`.
pub fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let before = &text[..at];
    let line = 1 + before.matches('\n').count();
    let col = 1 + before.chars().rev().take_while(|&c| c != '\n').count();
    (line, col)
}
