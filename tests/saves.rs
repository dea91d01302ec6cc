//! A curator's save killed at the worst moment: `kill -9` after the new
//! text is on disk and before it is renamed into place. Neither the old nor
//! the new version may be lost.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use quakehall::domain::scene::save::{atomic_write, atomic_write_then, backup_path};

const CHILD: &str = "QUAKEHALL_SAVE_CHILD";

/// Run by the test below in a process of its own: saves and stops between
/// writing the new text and renaming it, until it is killed.
#[test]
fn save_that_is_killed_half_way() {
    let Ok(file) = std::env::var(CHILD) else {
        return; // only as the child of the test below
    };
    let file = Path::new(&file);
    let _ = atomic_write_then(file, b"(new: 2)\n", true, || {
        std::fs::write(file.with_extension("ready"), b"").unwrap();
        std::thread::sleep(Duration::from_secs(120));
    });
    unreachable!("killed before the rename");
}

fn wait_for(path: &Path) {
    let start = Instant::now();
    while !path.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the child never got to the rename"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_kill_between_write_and_rename_loses_neither_version() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("15-station.ron");
    std::fs::write(&file, "(old: 1)\n").unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "saves::save_that_is_killed_half_way",
            "--nocapture",
        ])
        .env(CHILD, &file)
        .spawn()
        .unwrap();
    wait_for(&file.with_extension("ready"));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "(old: 1)\n",
        "the old version is whole"
    );
    assert_eq!(
        std::fs::read_to_string(backup_path(&file)).unwrap(),
        "(old: 1)\n"
    );
    let temps: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".saving-"))
        .collect();
    assert_eq!(temps.len(), 1, "the new text was written in full beside it");
    assert_eq!(
        std::fs::read_to_string(temps[0].path()).unwrap(),
        "(new: 2)\n"
    );

    // The next save goes through and leaves no temporary file behind.
    atomic_write(&file, b"(new: 3)\n").unwrap();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "(new: 3)\n");
    assert_eq!(
        std::fs::read_to_string(backup_path(&file)).unwrap(),
        "(old: 1)\n"
    );
    let left = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".saving-"))
        .count();
    assert_eq!(left, 0);
}
