//! The domain stays free of Bevy, so it compiles and tests in seconds: all
//! of `src/domain`, and every file of every kind's folder but its `view.rs`.

use super::common::root;

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn domain_never_uses_bevy() {
    let mut files = Vec::new();
    rust_files(&root().join("src/domain"), &mut files);
    let mut kinds = Vec::new();
    rust_files(&root().join("src/kinds"), &mut kinds);
    assert!(
        kinds.iter().any(|f| f.ends_with("view.rs")),
        "kinds' views not found"
    );
    files.extend(kinds.into_iter().filter(|f| !f.ends_with("view.rs")));
    assert!(files.len() > 5, "domain sources not found");
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read");
        for (i, line) in text.lines().enumerate() {
            let l = line.trim_start();
            assert!(
                !(l.starts_with("use bevy") || l.contains("bevy::") || l.contains("bevy_")),
                "{}:{} uses Bevy: {line}",
                f.display(),
                i + 1
            );
        }
    }
}
