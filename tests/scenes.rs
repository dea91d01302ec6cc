//! Scene files: every shipped scene validates; every kind of curator
//! mistake gives an error naming file, line, column and field; none panics.

use quakehall::domain::scene::Problem;
use quakehall::domain::scene::library::{HallSource, Library};
use quakehall::domain::scene::save::{atomic_write, backup_path, replace_pin_hash};
use quakehall::kinds::ExhibitKind;

use super::common::{HallCopy, position_of, root};

fn load(copy: &HallCopy) -> Library {
    Library::load(&copy.scenes(), &copy.assets())
}

/// The ids of the shipped scene files (their names without `.ron`).
fn shipped_ids() -> Vec<String> {
    std::fs::read_dir(root().join("scenes"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter_map(|n| n.strip_suffix(".ron").map(str::to_owned))
        .filter(|n| n != "hall")
        .collect()
}

#[test]
fn shipped_scenes_parse_and_validate_without_errors() {
    let lib = Library::load(&root().join("scenes"), &root().join("assets"));
    let problems: Vec<String> = lib.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        problems.is_empty(),
        "shipped scenes have problems:\n{}",
        problems.join("\n")
    );
    assert_eq!(lib.hall_source, HallSource::HallFile);
    let ids: Vec<&str> = lib
        .ordered_exhibits()
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    // Every scene file, in the hall's order: the zones list them by
    // number.
    let mut files = shipped_ids();
    files.sort();
    assert_eq!(ids, files);
    assert!(matches!(
        lib.exhibit("7").map(|e| &e.kind),
        Some(ExhibitKind::WaveRace(_))
    ));
    assert!(matches!(
        lib.exhibit("10").map(|e| &e.kind),
        Some(ExhibitKind::WaveTank(_))
    ));
    assert!(matches!(
        lib.exhibit("15").map(|e| &e.kind),
        Some(ExhibitKind::Ebook(_))
    ));
    assert!(matches!(
        lib.exhibit("27-great-earthquakes").map(|e| &e.kind),
        Some(ExhibitKind::Board(_))
    ));
}

/// One broken variant of a shipped file and what must be reported.
struct Case {
    name: &'static str,
    file: &'static str,
    /// Text to replace (first occurrence) and its replacement.
    from: &'static str,
    to: &'static str,
    /// The problem must be at the first occurrence of this text in the broken
    /// file (line exact, column within it).
    at: &'static str,
    field: &'static str,
    message: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "unknown field",
        file: "15-station.ron",
        from: "number: 15,",
        to: "number: 15,\n    colour: \"red\",",
        at: "colour",
        field: "colour",
        message: "Unexpected field named `colour`",
    },
    Case {
        name: "wrong type",
        file: "15-station.ron",
        from: "number: 15,",
        to: "number: \"fifteen\",",
        at: "\"fifteen\"",
        field: "number",
        message: "Expected integer",
    },
    Case {
        name: "missing zh text",
        file: "15-station.ron",
        from: "zh: \"十三道门\"",
        to: "zh: \"\"",
        at: "zh: \"\"",
        field: "kind.pages[1].heading.zh",
        message: "missing Chinese text",
    },
    Case {
        name: "path escaping assets",
        file: "15-station.ron",
        from: "\"pictures/station-doors.png\"",
        to: "\"../../secret/doors.png\"",
        at: "\"../../secret/doors.png\"",
        field: "kind.pages[1].picture",
        message: "leaves the assets/ folder",
    },
    Case {
        name: "absolute path",
        file: "27-great-earthquakes.ron",
        from: "\"pictures/magnitude-energy.png\"",
        to: "\"/home/curator/energy.png\"",
        at: "\"/home/curator/energy.png\"",
        field: "kind.panels[8].picture",
        message: "absolute path",
    },
    Case {
        name: "missing picture file",
        file: "15-station.ron",
        from: "\"pictures/station-doors.png\"",
        to: "\"pictures/no-such-picture.png\"",
        at: "\"pictures/no-such-picture.png\"",
        field: "kind.pages[1].picture",
        message: "does not exist",
    },
    Case {
        name: "number out of range",
        file: "27-great-earthquakes.ron",
        from: "number: 27,",
        to: "number: 270,",
        at: "270",
        field: "number",
        message: "out of range",
    },
    Case {
        name: "board columns out of range",
        file: "27-great-earthquakes.ron",
        from: "columns: 4,",
        to: "columns: 9,",
        at: "9,",
        field: "kind.columns",
        message: "out of range",
    },
    Case {
        name: "table row with a missing cell",
        file: "27-great-earthquakes.ron",
        from: "[\"1964\", (zh: \"美国阿拉斯加\", en: \"Alaska, USA\"), \"9.2\"]",
        to: "[\"1964\", \"9.2\"]",
        at: "[\"1964\", \"9.2\"]",
        field: "kind.panels[9].table.rows[1]",
        message: "2 cells: expected 3",
    },
    Case {
        name: "unknown exhibit kind",
        file: "15-station.ron",
        from: "kind: Ebook(",
        to: "kind: Quiz(",
        at: "Quiz",
        field: "kind",
        message: "Quiz",
    },
    Case {
        name: "unknown zone",
        file: "15-station.ron",
        from: "zone: \"station\",",
        to: "zone: \"basement\",",
        at: "\"basement\"",
        field: "zone",
        message: "unknown zone \"basement\"",
    },
    Case {
        name: "exhibit louder than full volume",
        file: "14-sonify.ron",
        from: "volume: 0.7,",
        to: "volume: 1.5,",
        at: "1.5,",
        field: "volume",
        message: "out of range",
    },
    Case {
        name: "a sound that would last too long",
        file: "14-sonify.ron",
        from: "speedup: 500.0,",
        to: "speedup: 20.0,",
        at: "20.0,",
        field: "kind.quakes[2].speedup",
        message: "raise the speed-up to 22",
    },
    Case {
        name: "idle timeout out of range",
        file: "hall.ron",
        from: "idle_timeout_s: 90.0,",
        to: "idle_timeout_s: 1.0,",
        at: "1.0,",
        field: "idle_timeout_s",
        message: "out of range",
    },
    Case {
        name: "hall lists a scene that does not exist",
        file: "hall.ron",
        from: "exhibits: [\"11-seismometer\", \"12-seismoscope\", \"13-helicorder\", \"14-sonify\", \"15-station\"],",
        to: "exhibits: [\"11-seismometer\", \"12-seismoscope\", \"13-helicorder\", \"14-sonify\", \"15-station\", \"16-picks\"],",
        at: "\"16-picks\"",
        field: "zones[2].exhibits[5]",
        message: "no scene file has id \"16-picks\"",
    },
    Case {
        name: "basin rock faster in S than its P allows",
        file: "10-make-waves.ron",
        from: "rock: (vp_m_s: 1500.0, vs_m_s: 600.0,",
        to: "rock: (vp_m_s: 700.0, vs_m_s: 600.0,",
        at: "700.0",
        field: "kind.basin.rock.vp_m_s",
        message: "must exceed √2 times the S speed",
    },
    Case {
        name: "wave tank too fast to stay on screen",
        file: "10-make-waves.ron",
        from: "steps_per_frame: 6,",
        to: "steps_per_frame: 60,",
        at: "60,",
        field: "kind.steps_per_frame",
        message: "out of range",
    },
    Case {
        name: "wave race with an unknown Earth model",
        file: "07-wave-race.ron",
        from: "model: \"iasp91\",",
        to: "model: \"prem\",",
        at: "\"prem\"",
        field: "kind.model",
        message: "unknown Earth model \"prem\"",
    },
    Case {
        name: "wave race quake at the hall",
        file: "07-wave-race.ron",
        from: "lat: 31.002, lon: 103.322",
        to: "lat: 29.56, lon: 106.55",
        at: "(name: (zh: \"重庆",
        field: "kind.hall",
        message: "the race map needs 20-3000 km",
    },
    Case {
        name: "station beyond the antipode",
        file: "08-through-earth.ron",
        from: "stations_deg: [30.0, 60.0, 90.0, 120.0, 150.0],",
        to: "stations_deg: [30.0, 60.0, 90.0, 120.0, 190.0],",
        at: "190.0",
        field: "kind.stations_deg[4]",
        message: "out of range",
    },
    Case {
        name: "sand-table station off the table",
        file: "09-sand-table.ron",
        from: "lat: 29.86, lon: 107.08",
        to: "lat: 29.86, lon: 107.38",
        at: "(name: (zh: \"长寿\"",
        field: "kind.stations[2]",
        message: "outside the area",
    },
    Case {
        name: "sand-table area too small",
        file: "09-sand-table.ron",
        from: "north: 30.1,",
        to: "north: 29.21,",
        at: "(south: 29.2",
        field: "kind.area",
        message: "must be 20-300 km",
    },
    Case {
        name: "sand-table quake too deep for the crust",
        file: "09-sand-table.ron",
        from: "depth_km: 8.0,",
        to: "depth_km: 80.0,",
        at: "80.0",
        field: "kind.depth_km",
        message: "out of range",
    },
    Case {
        name: "sand-table opening quake off the table",
        file: "09-sand-table.ron",
        from: "opening_quake: (lat: 29.40, lon: 106.62),",
        to: "opening_quake: (lat: 31.40, lon: 106.62),",
        at: "(lat: 31.40",
        field: "kind.opening_quake",
        message: "outside the area",
    },
    Case {
        name: "theatre story with two ruptures",
        file: "05-earthquake-forms.ron",
        from: "at_s: 17.0, shot: Whole, event: Narration,",
        to: "at_s: 17.0, shot: Whole, event: Rupture,",
        at: "[\n            (\n                at_s: 0.0",
        field: "kind.steps",
        message: "2 steps are a Rupture",
    },
    Case {
        name: "theatre steps out of order",
        file: "05-earthquake-forms.ron",
        from: "at_s: 17.0,",
        to: "at_s: 12.0,",
        at: "12.0,",
        field: "kind.steps[3].at_s",
        message: "list the steps in time order",
    },
    Case {
        name: "Love-wave layer faster than the rock below",
        file: "06-wave-types.ron",
        from: "layer_vs_km_s: 2.4,",
        to: "layer_vs_km_s: 4.0,",
        at: "4.0,",
        field: "kind.layer_vs_km_s",
        message: "must be slower than the rock below",
    },
    Case {
        name: "wrong schema version",
        file: "27-great-earthquakes.ron",
        from: "schema_version: 1,",
        to: "schema_version: 7,",
        at: "7,",
        field: "schema_version",
        message: "version 7 is not known",
    },
];

#[test]
fn each_broken_scene_names_file_line_column_and_field() {
    let mut failures = Vec::new();
    for case in CASES {
        let copy = HallCopy::new();
        let path = copy.scene(case.file);
        let original = std::fs::read_to_string(&path).expect("read shipped scene");
        assert!(
            original.contains(case.from),
            "{}: pattern not in {}",
            case.name,
            case.file
        );
        let broken = original.replacen(case.from, case.to, 1);
        std::fs::write(&path, &broken).expect("write");
        let lib = load(&copy);
        let (line, col) = position_of(&broken, case.at);
        let width = case.at.chars().count();
        let hit = lib.problems.iter().find(|p: &&Problem| {
            p.is_error()
                && p.file == path
                && p.line == line
                && (col..=col + width).contains(&p.column)
                && p.field == case.field
                && p.message.contains(case.message)
        });
        if hit.is_none() {
            failures.push(format!(
                "{}: expected {}:{line}:{col} field {} containing {:?}; got:\n  {}",
                case.name,
                case.file,
                case.field,
                case.message,
                lib.problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn duplicate_id_is_reported_in_the_copy_and_the_original_kept() {
    let copy = HallCopy::new();
    let src = std::fs::read_to_string(copy.scene("15-station.ron")).unwrap();
    let dup = copy.scene("16-station-copy.ron");
    std::fs::write(&dup, src.replace("number: 15,", "number: 16,")).unwrap();
    let lib = load(&copy);
    let (line, col) = position_of(&src, "\"15-station\"");
    let p = lib
        .problems
        .iter()
        .find(|p| p.file == dup && p.is_error() && p.message.contains("duplicate id"))
        .unwrap_or_else(|| panic!("no duplicate-id error: {:?}", lib.problems));
    assert_eq!((p.line, p.column, p.field.as_str()), (line, col, "id"));
    assert_eq!(
        lib.ordered_exhibits()
            .iter()
            .filter(|e| e.id == "15-station")
            .count(),
        1
    );
}

#[test]
fn truncated_files_report_where_they_end_and_never_panic() {
    let copy = HallCopy::new();
    for name in ["15-station.ron", "27-great-earthquakes.ron", "hall.ron"] {
        let path = copy.scene(name);
        let full = std::fs::read_to_string(root().join("scenes").join(name)).unwrap();
        let chars: Vec<char> = full.chars().collect();
        // Every cut point in the first 400 characters, then a coarser sweep.
        let cuts = (0..chars.len().min(400)).chain((400..chars.len()).step_by(37));
        for cut in cuts {
            let text: String = chars[..cut].iter().collect();
            std::fs::write(&path, &text).unwrap();
            let lib = load(&copy);
            assert!(
                lib.problems.iter().any(|p| p.file == path && p.is_error()),
                "{name} cut at {cut} gave no error"
            );
        }
        let half: String = chars[..chars.len() / 2].iter().collect();
        std::fs::write(&path, &half).unwrap();
        let lib = load(&copy);
        let p = lib.problems.iter().find(|p| p.file == path).unwrap();
        let last_line = half.lines().count();
        assert!(p.line >= last_line.saturating_sub(1), "{name}: {p}");
        std::fs::write(&path, &full).unwrap();
    }
}

#[test]
fn garbage_bytes_never_panic() {
    let copy = HallCopy::new();
    let path = copy.scene("15-station.ron");
    let mut seed = 0x2545F491u32;
    for len in [0usize, 1, 2, 7, 64, 500, 4000] {
        let mut bytes = Vec::with_capacity(len);
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let alphabet = b"(),[]:\"zh en\\#!r/*x9\n\xff\xe4\xb8";
            bytes.push(alphabet[seed as usize % alphabet.len()]);
        }
        std::fs::write(&path, &bytes).unwrap();
        let lib = load(&copy);
        assert!(lib.problems.iter().any(|p| p.file == path), "len {len}");
    }
}

#[test]
fn non_utf8_file_names_the_byte() {
    let copy = HallCopy::new();
    let path = copy.scene("15-station.ron");
    std::fs::write(&path, b"(\n  id: \"a\xff\",\n)").unwrap();
    let lib = load(&copy);
    let p = lib.problems.iter().find(|p| p.file == path).unwrap();
    assert!(p.message.contains("not UTF-8 text at byte 10"), "{p}");
    assert_eq!((p.line, p.column), (2, 9));
}

#[test]
fn broken_save_keeps_the_last_good_version() {
    let copy = HallCopy::new();
    let mut lib = load(&copy);
    let generation = lib.generation;
    let path = copy.scene("15-station.ron");
    let good = std::fs::read_to_string(&path).unwrap();

    // A good edit is picked up.
    std::fs::write(&path, good.replace("走进地震台", "走进重庆地震台")).unwrap();
    assert!(lib.reload());
    assert_eq!(lib.exhibit("15").unwrap().title.zh, "走进重庆地震台");
    assert!(lib.generation > generation);

    // A broken edit is reported and the last good version stays.
    std::fs::write(&path, &good[..good.floor_char_boundary(good.len() / 3)]).unwrap();
    lib.reload();
    assert_eq!(lib.exhibit("15").unwrap().title.zh, "走进重庆地震台");
    assert!(lib.problems.iter().any(|p| p.file == path && p.is_error()));

    // A parseable edit with an error (missing English) also keeps the last good one.
    std::fs::write(
        &path,
        good.replace("en: \"Inside the seismic station\"", "en: \"\""),
    )
    .unwrap();
    lib.reload();
    assert_eq!(
        lib.exhibit("15").unwrap().title.en,
        "Inside the seismic station"
    );
    assert_eq!(lib.exhibit("15").unwrap().title.zh, "走进重庆地震台");

    // Fixing it clears the problem.
    std::fs::write(&path, &good).unwrap();
    lib.reload();
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.exhibit("15").unwrap().title.zh, "走进地震台");
}

#[test]
fn broken_hall_falls_back_to_backup_then_built_in() {
    let copy = HallCopy::new();
    let hall = copy.scene("hall.ron");
    let good = std::fs::read_to_string(&hall).unwrap();
    std::fs::write(backup_path(&hall), &good).unwrap();
    std::fs::write(&hall, "(schema_version: 1,").unwrap();
    let lib = load(&copy);
    assert_eq!(lib.hall_source, HallSource::Backup);
    assert_eq!(lib.ordered_exhibits().len(), shipped_ids().len());

    std::fs::remove_file(backup_path(&hall)).unwrap();
    let lib = load(&copy);
    assert_eq!(lib.hall_source, HallSource::BuiltIn);
    assert_eq!(
        lib.ordered_exhibits().len(),
        shipped_ids().len(),
        "every exhibit stays reachable"
    );
    assert!(lib.problems.iter().any(|p| p.file == hall));
}

#[test]
fn set_pin_rewrites_only_the_hash_atomically_with_backup() {
    use quakehall::domain::kiosk::pin::{hash_pin, verify_pin};
    let copy = HallCopy::new();
    let hall = copy.scene("hall.ron");
    let before = std::fs::read_to_string(&hall).unwrap();
    let new_hash = hash_pin("13579");
    let after = replace_pin_hash(&hall, &before, &new_hash).unwrap();
    atomic_write(&hall, after.as_bytes()).unwrap();
    assert_eq!(std::fs::read_to_string(backup_path(&hall)).unwrap(), before);
    let lib = load(&copy);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert!(verify_pin("13579", &lib.hall.curator_pin));
    assert!(!verify_pin("2468", &lib.hall.curator_pin));
    // Comments survive.
    assert!(after.contains("// Seconds without a touch"));
    assert!(!after.contains("13579"), "the PIN itself is never written");
}

#[test]
fn an_unlisted_copied_scene_joins_its_zone_with_a_warning() {
    let copy = HallCopy::new();
    let src = std::fs::read_to_string(copy.scene("27-great-earthquakes.ron")).unwrap();
    let new = src
        .replace(
            "id: \"27-great-earthquakes\"",
            "id: \"28-more-earthquakes\"",
        )
        .replace("number: 27,", "number: 28,");
    std::fs::write(copy.scene("28-more-earthquakes.ron"), new).unwrap();
    let lib = load(&copy);
    assert_eq!(lib.error_count(), 0, "{:?}", lib.problems);
    let history = lib.zones().into_iter().find(|z| z.id == "history").unwrap();
    let ids: Vec<&str> = history.exhibits.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["27-great-earthquakes", "28-more-earthquakes"]);
    assert!(
        lib.problems
            .iter()
            .any(|p| p.message.contains("not listed in hall.ron"))
    );
}

#[test]
fn theatre_captions_must_agree_with_the_travel_times() {
    let copy = HallCopy::new();
    let path = copy.scene("05-earthquake-forms.ron");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, good.replace("at_s: 23.5,", "at_s: 20.0,")).unwrap();
    let lib = load(&copy);
    let warning = lib
        .problems
        .iter()
        .find(|p| p.field == "kind.steps[4].at_s")
        .expect("a warning on the early P caption");
    assert!(!warning.is_error(), "a warning, the story still plays");
    assert!(
        warning.message.contains("reaches the station at 23.5 s"),
        "{}",
        warning.message
    );
}
