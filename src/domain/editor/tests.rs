//! The editor's state machine driven as the on-screen form drives it.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::form::{FileKind, Widget};
use super::*;

/// A copy of the shipped scenes folder (and the path of its assets).
fn hall_copy() -> (tempfile::TempDir, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let scenes = dir.path().join("scenes");
    std::fs::create_dir(&scenes).unwrap();
    for e in std::fs::read_dir(root.join("scenes")).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "ron") {
            std::fs::copy(e.path(), scenes.join(e.file_name())).unwrap();
        }
    }
    (dir, root.join("assets"))
}

fn t0() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_796_306_709)
}

fn p(s: &str) -> FieldPath {
    FieldPath::parse(s)
}

fn open(dir: &tempfile::TempDir, assets: &Path, name: &str) -> Editor {
    let kind = if name == "hall.ron" {
        FileKind::Hall
    } else {
        FileKind::Exhibit
    };
    Editor::open(kind, &dir.path().join("scenes").join(name), assets).unwrap()
}

fn shipped_names() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenes");
    let mut v: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_shipped_scene_opens_and_round_trips_through_its_form() {
    let (dir, assets) = hall_copy();
    for name in shipped_names() {
        let mut ed = open(&dir, &assets, &name);
        let original = ed.draft.text().to_owned();
        assert!(ed.problems().is_empty(), "{name}: {:?}", ed.problems());
        assert!(ed.rows.len() > 5, "{name}: {} rows", ed.rows.len());
        // Every value written back as the form shows it: no byte changes.
        for row in ed.rows.clone() {
            let edit = match &row.widget {
                Widget::Text { zh, .. } => Edit::Text {
                    path: row.path.clone(),
                    lang: Lang::Zh,
                    text: zh.clone(),
                },
                Widget::Line { value, .. } => Edit::Line {
                    path: row.path.clone(),
                    text: value.clone(),
                },
                Widget::Name { current, .. } => Edit::Line {
                    path: row.path.clone(),
                    text: current.clone(),
                },
                Widget::Int { value, .. } => Edit::Number {
                    path: row.path.clone(),
                    value: *value as f64,
                },
                Widget::Float { value, .. } => Edit::Number {
                    path: row.path.clone(),
                    value: *value,
                },
                Widget::Flag(on) => Edit::Flag {
                    path: row.path.clone(),
                    on: *on,
                },
                _ => continue,
            };
            ed.apply(edit).unwrap();
        }
        assert_eq!(ed.draft.text(), original, "{name}");
        assert!(!ed.dirty() && !ed.can_save());
        assert!(matches!(ed.save(t0()), Err(SaveRefused::Unchanged)));
        assert_eq!(
            std::fs::read_to_string(&ed.file).unwrap(),
            original,
            "{name}"
        );
    }
}

#[test]
fn editing_one_text_changes_only_that_values_bytes() {
    let (dir, assets) = hall_copy();
    for name in shipped_names() {
        let mut ed = open(&dir, &assets, &name);
        let before = ed.draft.text().to_owned();
        let Some(Widget::Text { en, .. }) = ed
            .rows
            .iter()
            .find(|r| r.path == p("title"))
            .map(|r| r.widget.clone())
        else {
            panic!("{name}: no title row")
        };
        let new = format!("{en} — \"new\"");
        ed.apply(Edit::Text {
            path: p("title"),
            lang: Lang::En,
            text: new.clone(),
        })
        .unwrap();
        let after = ed.draft.text();
        let old_lit = str_literal(&en);
        let at = before.find(&old_lit).unwrap();
        let expect = format!(
            "{}{}{}",
            &before[..at],
            str_literal(&new),
            &before[at + old_lit.len()..]
        );
        assert_eq!(after, expect, "{name}");
        let Some(Node::Str(s)) = ed.tree().unwrap().get(&p("title.en")) else {
            panic!()
        };
        assert_eq!(*s, new);
        ed.save(t0()).unwrap();
        assert_eq!(std::fs::read_to_string(&ed.file).unwrap(), expect);
    }
}

#[test]
fn undo_and_redo_in_sequence() {
    let (dir, assets) = hall_copy();
    let mut ed = open(&dir, &assets, "15-station.ron");
    let v0 = ed.draft.text().to_owned();
    for t in ["S", "St", "Sta"] {
        ed.apply(Edit::Text {
            path: p("title"),
            lang: Lang::En,
            text: t.into(),
        })
        .unwrap();
    }
    ed.apply(Edit::Seal).unwrap();
    let v1 = ed.draft.text().to_owned();
    ed.apply(Edit::CopyItem {
        list: p("kind.pages"),
        index: 5,
    })
    .unwrap();
    let v2 = ed.draft.text().to_owned();
    ed.apply(Edit::Number {
        path: p("number"),
        value: 150.0,
    })
    .unwrap();
    assert!(!ed.can_save(), "150 is out of range");
    let n = ed.rows.iter().find(|r| r.path == p("number")).unwrap();
    assert!(n.problems[0].message.contains("out of range"));
    ed.apply(Edit::Undo).unwrap();
    assert_eq!(ed.draft.text(), v2);
    assert!(ed.can_save());
    ed.apply(Edit::Undo).unwrap();
    assert_eq!(ed.draft.text(), v1);
    ed.apply(Edit::Undo).unwrap();
    assert_eq!(ed.draft.text(), v0, "the typed title is one step");
    ed.apply(Edit::Redo).unwrap();
    ed.apply(Edit::Redo).unwrap();
    assert_eq!(ed.draft.text(), v2);
    let pages = ed.tree().unwrap().get(&p("kind.pages")).unwrap();
    assert!(matches!(pages, Node::Seq(items) if items.len() == 7));
    ed.apply(Edit::SwapItems {
        list: p("kind.pages"),
        a: 0,
        b: 1,
    })
    .unwrap();
    ed.apply(Edit::RemoveItem {
        list: p("kind.pages"),
        index: 6,
    })
    .unwrap();
    ed.apply(Edit::Undo).unwrap();
    ed.apply(Edit::Undo).unwrap();
    assert_eq!(ed.draft.text(), v2);
}

#[test]
fn history_keeps_twenty_and_reverts_exactly() {
    let (dir, assets) = hall_copy();
    let mut ed = open(&dir, &assets, "15-station.ron");
    let mut saved = vec![ed.draft.text().to_owned()];
    for i in 0..22 {
        ed.apply(Edit::Text {
            path: p("title"),
            lang: Lang::En,
            text: format!("Station {i}"),
        })
        .unwrap();
        ed.save(t0() + Duration::from_secs(i)).unwrap();
        saved.push(ed.draft.text().to_owned());
    }
    let versions = history::versions(&ed.file);
    assert_eq!(versions.len(), history::KEEP);
    // Newest first: the version replaced by the last save is the 21st saved.
    assert_eq!(versions[0].text().unwrap(), saved[21]);
    assert_eq!(versions[19].text().unwrap(), saved[2]);
    let changes = ed.changes_from(&versions[19].text().unwrap());
    assert_eq!(changes.len(), 1);
    assert_eq!(
        changes[0].to_string(),
        "title.en: \"Station 1\" → \"Station 21\""
    );
    ed.revert_to(&versions[19].text().unwrap());
    ed.save(t0() + Duration::from_secs(100)).unwrap();
    assert_eq!(
        std::fs::read_to_string(&ed.file).unwrap(),
        saved[2],
        "byte for byte"
    );
    let bak = crate::domain::scene::save::backup_path(&ed.file);
    assert_eq!(std::fs::read_to_string(bak).unwrap(), saved[22]);
}

#[test]
fn a_change_on_disk_is_noticed_and_never_overwritten_silently() {
    let (dir, assets) = hall_copy();
    let mut ed = open(&dir, &assets, "15-station.ron");
    ed.apply(Edit::Text {
        path: p("title"),
        lang: Lang::En,
        text: "Mine".into(),
    })
    .unwrap();
    let theirs = ed.base().replace("Inside the seismic station", "Theirs");
    std::fs::write(&ed.file, &theirs).unwrap();
    assert!(ed.check_disk());
    assert!(!ed.can_save());
    assert!(matches!(ed.save(t0()), Err(SaveRefused::Conflict)));
    assert_eq!(std::fs::read_to_string(&ed.file).unwrap(), theirs);
    // Keep my draft: the save replaces theirs, which goes into the history.
    ed.keep_draft();
    ed.save(t0()).unwrap();
    assert!(
        std::fs::read_to_string(&ed.file)
            .unwrap()
            .contains("\"Mine\"")
    );
    assert_eq!(history::versions(&ed.file)[0].text().unwrap(), theirs);
    // Or reload: the draft follows the file.
    ed.apply(Edit::Text {
        path: p("title"),
        lang: Lang::En,
        text: "Mine again".into(),
    })
    .unwrap();
    std::fs::write(&ed.file, &theirs).unwrap();
    assert!(ed.check_disk());
    ed.reload_from_disk();
    assert_eq!(ed.draft.text(), theirs);
    assert!(!ed.dirty());
    // Without a draft of its own, the form follows the file quietly.
    let third = theirs.replace("Theirs", "Third");
    std::fs::write(&ed.file, &third).unwrap();
    assert!(!ed.check_disk());
    assert_eq!(ed.draft.text(), third);
}

#[test]
fn a_number_too_big_to_read_keeps_the_form_and_says_so_at_the_field() {
    let (dir, assets) = hall_copy();
    let mut ed = open(&dir, &assets, "15-station.ron");
    let rows = ed.rows.len();
    ed.apply(Edit::Number {
        path: p("number"),
        value: 99_999_999_999.0,
    })
    .unwrap();
    assert!(ed.tree().is_none(), "a u32 cannot hold it");
    assert_eq!(ed.rows.len(), rows, "the form stays");
    let n = ed
        .rows
        .iter()
        .find(|r| r.path == p("number") && matches!(r.widget, Widget::Int { .. }))
        .unwrap();
    assert_eq!(n.problems.len(), 1, "{:?}", ed.problems());
    assert!(!ed.can_save());
    ed.apply(Edit::Number {
        path: p("number"),
        value: 15.0,
    })
    .unwrap();
    assert!(ed.tree().is_some() && !ed.dirty());
}

#[test]
fn a_draft_with_errors_cannot_be_saved() {
    let (dir, assets) = hall_copy();
    let mut ed = open(&dir, &assets, "15-station.ron");
    let before = ed.base().to_owned();
    ed.apply(Edit::Line {
        path: p("kind.pages[0].picture"),
        text: "pictures/nope.png".into(),
    })
    .unwrap();
    assert!(!ed.can_save());
    assert!(matches!(ed.save(t0()), Err(SaveRefused::Errors(1))));
    assert_eq!(std::fs::read_to_string(&ed.file).unwrap(), before);
    ed.apply(Edit::Line {
        path: p("kind.pages[0].picture"),
        text: "pictures/station-doors.png".into(),
    })
    .unwrap();
    assert!(ed.can_save());
}

#[test]
fn an_unsaved_draft_is_kept_and_offered_again() {
    let (dir, assets) = hall_copy();
    let mut ed = open(&dir, &assets, "15-station.ron");
    ed.apply(Edit::Text {
        path: p("summary"),
        lang: Lang::Zh,
        text: "草稿".into(),
    })
    .unwrap();
    ed.keep_unsaved().unwrap();
    let kept = history::stored_draft(&ed.file).unwrap();
    assert_eq!(kept.text, ed.draft.text());
    let mut again = open(&dir, &assets, "15-station.ron");
    assert!(!again.dirty());
    again.resume(&kept);
    assert!(again.dirty() && again.can_save());
    assert!(history::stored_draft(&ed.file).is_none(), "taken up");

    // A draft kept before someone else changed the file is not saved over it.
    ed.keep_unsaved().unwrap();
    let theirs = ed.base().replace("Inside the seismic station", "Theirs");
    std::fs::write(&ed.file, &theirs).unwrap();
    let mut third = open(&dir, &assets, "15-station.ron");
    third.resume(&history::stored_draft(&ed.file).unwrap());
    assert_eq!(third.conflict.as_deref(), Some(theirs.as_str()));
    assert!(!third.can_save());
    assert!(matches!(third.save(t0()), Err(SaveRefused::Conflict)));
    // The library never reads kept drafts or history as scenes.
    let lib = crate::domain::scene::Library::load(&dir.path().join("scenes"), &assets);
    assert!(!lib.exhibit("15").unwrap().summary.zh.contains("草稿"));
}

#[test]
fn zones_reorder_move_and_hide_exhibits() {
    let (dir, assets) = hall_copy();
    let mut hall = open(&dir, &assets, "hall.ron");
    let ids = |ed: &Editor, z: usize| -> Vec<String> {
        match ed.tree().unwrap().get(&p(&format!("zones[{z}].exhibits"))) {
            Some(Node::Seq(items)) => items
                .iter()
                .map(|n| n.short().trim_matches('"').to_owned())
                .collect(),
            _ => panic!(),
        }
    };
    let first = ids(&hall, 1);
    hall.apply(Edit::SwapItems {
        list: p("zones[1].exhibits"),
        a: 0,
        b: 1,
    })
    .unwrap();
    assert_eq!(ids(&hall, 1)[0], first[1]);
    let moved = ids(&hall, 1)[0].clone();
    hall.apply(Edit::MoveToList {
        from: p("zones[1].exhibits"),
        index: 0,
        to: p("zones[2].exhibits"),
    })
    .unwrap();
    assert_eq!(ids(&hall, 2).last(), Some(&moved));
    assert!(hall.can_save(), "{:?}", hall.problems());
    hall.save(t0()).unwrap();

    let mut ex = open(&dir, &assets, "15-station.ron");
    ex.apply(Edit::Flag {
        path: p("hidden"),
        on: true,
    })
    .unwrap();
    ex.save(t0()).unwrap();
    let lib = crate::domain::scene::Library::load(&dir.path().join("scenes"), &assets);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert!(
        lib.ordered_exhibits().iter().all(|e| e.id != "15-station"),
        "hidden from visitors"
    );
    assert!(lib.exhibit("15-station").is_some(), "not deleted");
    let zone_of = |id: &str| {
        lib.zones()
            .into_iter()
            .find(|z| z.exhibits.iter().any(|e| e.id == id))
            .map(|z| z.id.to_owned())
    };
    assert_eq!(
        zone_of(&moved).as_deref(),
        Some(lib.hall.zones[2].id.as_str())
    );
}

#[test]
fn copying_an_exhibit_makes_a_new_one_of_the_same_kind() {
    let (dir, assets) = hall_copy();
    let scenes = dir.path().join("scenes");
    let new = copy_exhibit(
        &scenes.join("15-station.ron"),
        &scenes.join("hall.ron"),
        t0(),
    )
    .unwrap();
    let lib = crate::domain::scene::Library::load(&scenes, &assets);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    let copy = lib.exhibits.iter().find(|e| e.file == new).unwrap();
    let orig = lib.exhibit("15-station").unwrap();
    assert_ne!(copy.scene.number, orig.number);
    assert_eq!(copy.scene.id, format!("{:02}-station", copy.scene.number));
    assert_eq!(copy.scene.kind, orig.kind);
    let order: Vec<&str> = lib
        .ordered_exhibits()
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    let at = order.iter().position(|i| *i == "15-station").unwrap();
    assert_eq!(order[at + 1], copy.scene.id, "listed after the original");
}

#[test]
fn the_preview_shows_a_good_draft_and_never_a_broken_one() {
    let (dir, assets) = hall_copy();
    let scenes = dir.path().join("scenes");
    let mut lib = crate::domain::scene::Library::load(&scenes, &assets);
    let mut ed = open(&dir, &assets, "15-station.ron");
    ed.apply(Edit::Text {
        path: p("title"),
        lang: Lang::En,
        text: "Preview".into(),
    })
    .unwrap();
    assert!(lib.preview_draft(&ed.file, Some(ed.draft.text().to_owned())));
    assert_eq!(lib.exhibit("15").unwrap().title.en, "Preview");
    ed.apply(Edit::Number {
        path: p("number"),
        value: 0.0,
    })
    .unwrap();
    lib.preview_draft(&ed.file, Some(ed.draft.text().to_owned()));
    assert_eq!(
        lib.exhibit("15-station").unwrap().title.en,
        "Preview",
        "last good draft stays"
    );
    assert!(lib.problems.iter().any(|p| p.field == "number"));
    lib.preview_draft(&ed.file, None);
    assert_eq!(
        lib.exhibit("15").unwrap().title.en,
        "Inside the seismic station"
    );
    assert!(lib.problems.is_empty());
}
