//! Every recording under `../shared/data/waveforms` decodes to exactly the
//! answers ObsPy and libmseed gave (the sidecar JSON files); the corrupted
//! files give clear errors and keep the good records. Skipped, with a
//! notice, where the shared data is absent.

use std::path::{Path, PathBuf};

use serde_json::Value;

use quakehall::domain::waveform::sac::HeaderValue;
use quakehall::domain::waveform::{Samples, Trace, UtcTime, mseed, read_bytes};

use super::common::root;

/// The shared reference data, or `None` (with a notice) where it is absent.
pub fn shared_data() -> Option<PathBuf> {
    let dir = root().join("../shared/data");
    if dir.is_dir() {
        return Some(dir);
    }
    // In CI the data is always beside the checkout: its absence is a
    // broken setup, not a user's machine, and must not pass silently.
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    assert!(
        !ci,
        "../shared/data is absent but CI is set: the reference-data tests cannot run"
    );
    eprintln!("NOTICE: ../shared/data is absent: reference-data tests skipped");
    None
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json")
            && !p.to_string_lossy().contains("picks")
        {
            out.push(p);
        }
    }
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    a == b || (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-300)
}

/// Compares one of our traces with a reference trace; returns what differs.
fn compare(ours: &Trace, reference: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let mut check = |what: &str, ok: bool, got: String, want: &Value| {
        if !ok {
            diffs.push(format!("{what}: got {got}, want {want}"));
        }
    };
    for (field, got) in [
        ("network", &ours.network),
        ("station", &ours.station),
        ("location", &ours.location),
        ("channel", &ours.channel),
    ] {
        let want = &reference[field];
        check(
            field,
            want.as_str() == Some(got.as_str()),
            got.clone(),
            want,
        );
    }
    let want = &reference["start_time"];
    check(
        "start_time",
        want.as_str() == Some(ours.start.iso_micros().as_str()),
        ours.start.iso_micros(),
        want,
    );
    for key in ["start_time_ns", "start_time_ns_libmseed"] {
        if let Some(ns) = reference[key].as_i64() {
            check(
                key,
                ns == ours.start.0,
                ours.start.0.to_string(),
                &reference[key],
            );
        }
    }
    let want = &reference["sample_rate_hz"];
    check(
        "sample_rate_hz",
        want.as_f64()
            .is_some_and(|r| close(r, ours.sample_rate_hz, 1e-9)),
        ours.sample_rate_hz.to_string(),
        want,
    );
    let want = &reference["num_samples"];
    check(
        "num_samples",
        want.as_u64() == Some(ours.len() as u64),
        ours.len().to_string(),
        want,
    );
    if let Some(n) = reference["record_count"].as_u64() {
        check(
            "record_count",
            n == ours.record_count as u64,
            ours.record_count.to_string(),
            &reference["record_count"],
        );
    }
    if let (Some(enc), Some(want)) = (ours.encoding, reference["encoding"].as_str())
        && !want.contains("endian")
    {
        let same = enc.name() == want || (enc.name() == "TEXT" && want == "ASCII");
        check(
            "encoding",
            same,
            enc.name().to_owned(),
            &reference["encoding"],
        );
    }
    match &ours.samples {
        Samples::Text(s) => {
            // ObsPy shows the bytes as Latin-1.
            let latin1: String = s.bytes().map(|b| b as char).collect();
            let want = &reference["text"];
            check(
                "text",
                want.as_str() == Some(latin1.as_str()),
                latin1.clone(),
                want,
            );
        }
        Samples::Int(v) => {
            let ints = |k: &str| {
                reference[k]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_i64).collect::<Vec<_>>())
            };
            if let Some(first) = ints("first10") {
                check(
                    "first10",
                    v.iter()
                        .take(10)
                        .map(|&x| x as i64)
                        .eq(first.iter().copied()),
                    format!("{:?}", &v[..v.len().min(10)]),
                    &reference["first10"],
                );
            }
            if let Some(last) = ints("last10") {
                let tail = &v[v.len().saturating_sub(10)..];
                check(
                    "last10",
                    tail.iter().map(|&x| x as i64).eq(last.iter().copied()),
                    format!("{tail:?}"),
                    &reference["last10"],
                );
            }
            let sum: i64 = v.iter().map(|&x| x as i64).sum();
            check(
                "sum",
                reference["sum"].as_i64() == Some(sum),
                sum.to_string(),
                &reference["sum"],
            );
            let (mn, mx) = (
                v.iter().min().copied().unwrap_or(0),
                v.iter().max().copied().unwrap_or(0),
            );
            check(
                "min",
                reference["min"].as_i64() == Some(mn as i64),
                mn.to_string(),
                &reference["min"],
            );
            check(
                "max",
                reference["max"].as_i64() == Some(mx as i64),
                mx.to_string(),
                &reference["max"],
            );
        }
        other => {
            let v = other.to_f64();
            let floats = |k: &str| {
                reference[k]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_f64).collect::<Vec<_>>())
            };
            if let Some(first) = floats("first10") {
                let ok = v.iter().zip(&first).all(|(a, b)| close(*a, *b, 1e-9))
                    && v.len().min(10) == first.len();
                check(
                    "first10",
                    ok,
                    format!("{:?}", &v[..v.len().min(10)]),
                    &reference["first10"],
                );
            }
            if let Some(last) = floats("last10") {
                let tail = &v[v.len().saturating_sub(10)..];
                let ok = tail.iter().zip(&last).all(|(a, b)| close(*a, *b, 1e-9))
                    && tail.len() == last.len();
                check("last10", ok, format!("{tail:?}"), &reference["last10"]);
            }
            let sum: f64 = v.iter().sum();
            check(
                "sum",
                reference["sum"]
                    .as_f64()
                    .is_some_and(|s| close(s, sum, 1e-9)),
                sum.to_string(),
                &reference["sum"],
            );
            let mn = v.iter().copied().fold(f64::INFINITY, f64::min);
            let mx = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            check(
                "min",
                reference["min"]
                    .as_f64()
                    .is_some_and(|s| close(s, mn, 1e-12)),
                mn.to_string(),
                &reference["min"],
            );
            check(
                "max",
                reference["max"]
                    .as_f64()
                    .is_some_and(|s| close(s, mx, 1e-12)),
                mx.to_string(),
                &reference["max"],
            );
        }
    }
    diffs
}

#[test]
fn every_shared_recording_decodes_to_its_reference() {
    let Some(data) = shared_data() else { return };
    let mut jsons = Vec::new();
    json_files(&data.join("waveforms"), &mut jsons);
    jsons.retain(|p| !p.to_string_lossy().contains("/corrupt/"));
    jsons.sort();
    assert!(
        jsons.len() >= 40,
        "expected the shared recordings, found {}",
        jsons.len()
    );
    let mut failures = Vec::new();
    for json_path in &jsons {
        let reference: Value =
            serde_json::from_str(&std::fs::read_to_string(json_path).unwrap()).unwrap();
        let data_path = json_path.with_extension("");
        let name = data_path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&data_path).unwrap();
        let file = match read_bytes(&name, &bytes) {
            Ok(f) => f,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        if !file.problems.is_empty() {
            failures.push(format!("{name}: unexpected problems {:?}", file.problems));
        }
        let mut refs: Vec<&Value> = reference["traces"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        if reference["format"].as_str() == Some("miniSEED") {
            let records = mseed::read(&bytes);
            let want = reference["record_count"].as_u64().unwrap_or(0) as usize;
            if records.records.len() != want {
                failures.push(format!(
                    "{name}: {} records, want {want}",
                    records.records.len()
                ));
            }
            // ObsPy keeps out-of-order records apart; quakehall sorts and
            // merges them, which the channel summary describes.
            if refs.len() != file.stream.traces.len() {
                let summaries = reference["channels_summary"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                for (t, s) in file.stream.traces.iter().zip(&summaries) {
                    let v = t.samples.to_f64();
                    let sum: f64 = v.iter().sum();
                    let sid = mseed::make_sid(&t.network, &t.station, &t.location, &t.channel);
                    if s["sid"].as_str() != Some(sid.as_str())
                        || s["total_samples"].as_u64() != Some(t.len() as u64)
                        || s["sum"].as_f64() != Some(sum)
                        || s["first_sample_time"]
                            .as_str()
                            .is_some_and(|x| x != t.start.iso_micros())
                    {
                        failures.push(format!("{name}: merged {t} differs from summary {s}"));
                    }
                }
                if file.stream.traces.len() != summaries.len() {
                    failures.push(format!(
                        "{name}: {} merged traces, {} channel segments",
                        file.stream.traces.len(),
                        summaries.len()
                    ));
                }
                // Record by record in file order, the pieces are ObsPy's traces.
                for (r, want) in records.records.iter().zip(&refs) {
                    failures.extend(
                        compare(&r.trace, want)
                            .into_iter()
                            .map(|d| format!("{name} record at {}: {d}", r.offset)),
                    );
                }
                continue;
            }
        }
        refs.sort_by_key(|t| {
            (
                format!(
                    "{}.{}.{}.{}",
                    t["network"].as_str().unwrap_or(""),
                    t["station"].as_str().unwrap_or(""),
                    t["location"].as_str().unwrap_or(""),
                    t["channel"].as_str().unwrap_or("")
                ),
                t["start_time"].as_str().unwrap_or("").to_owned(),
            )
        });
        if refs.len() != file.stream.traces.len() {
            failures.push(format!(
                "{name}: {} traces, want {}",
                file.stream.traces.len(),
                refs.len()
            ));
            continue;
        }
        for (t, want) in file.stream.traces.iter().zip(&refs) {
            failures.extend(
                compare(t, want)
                    .into_iter()
                    .map(|d| format!("{name} {}: {d}", t.id())),
            );
        }
        if let (Some(header), Some(want)) = (&file.sac_header, reference["header"].as_object()) {
            for (key, value) in want {
                let ok = match header.get(key) {
                    Some(HeaderValue::Float(f)) => value.as_f64().is_some_and(|w| w as f32 == f),
                    Some(HeaderValue::Int(i)) => value.as_i64() == Some(i as i64),
                    Some(HeaderValue::Text(s)) => value.as_str() == Some(s.as_str()),
                    None => false,
                };
                if !ok {
                    failures.push(format!(
                        "{name} header {key}: got {:?}, want {value}",
                        header.get(key)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn corrupt(name: &str) -> Option<(Vec<u8>, Value)> {
    let dir = shared_data()?.join("waveforms/corrupt");
    let bytes = std::fs::read(dir.join(name)).unwrap();
    let reference =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap())
            .unwrap();
    Some((bytes, reference))
}

/// The complete records the JSON lists are returned exactly.
fn assert_complete_records(file: &mseed::MseedFile, reference: &Value) {
    for want in reference["complete_records"].as_array().unwrap() {
        let start = UtcTime::parse_iso(want["start_time"].as_str().unwrap()).unwrap();
        let r = file
            .records
            .iter()
            .find(|r| r.trace.start == start)
            .unwrap_or_else(|| panic!("record {} missing", want["record"]));
        let Samples::Int(v) = &r.trace.samples else {
            panic!("integers expected")
        };
        assert_eq!(v.len() as u64, want["num_samples"].as_u64().unwrap());
        assert_eq!(
            v.iter().map(|&x| x as i64).sum::<i64>(),
            want["sum"].as_i64().unwrap()
        );
        assert_eq!(
            v[..3].iter().map(|&x| x as i64).collect::<Vec<_>>(),
            want["first3"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_i64().unwrap())
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn truncated_file_keeps_complete_records_and_names_the_partial_one() {
    let Some((bytes, reference)) = corrupt("corrupt_truncated_mid_record.mseed") else {
        return;
    };
    let f = mseed::read(&bytes);
    assert_eq!(f.records.len(), 5);
    assert_complete_records(&f, &reference);
    assert_eq!(f.stream().traces[0].len(), 743);
    let p = &f.problems[0];
    assert_eq!((p.record, p.offset), (6, 2560), "{p}");
    assert!(p.message.contains("truncated"), "{p}");
}

#[test]
fn bad_header_is_reported_at_its_offset_and_never_decoded() {
    let Some((bytes, reference)) = corrupt("corrupt_bad_header_record2.mseed") else {
        return;
    };
    let f = mseed::read(&bytes);
    assert_complete_records(&f, &reference);
    assert!(
        f.records.iter().all(|r| r.offset != 512),
        "record 2 was decoded"
    );
    let p = &f.problems[0];
    assert_eq!((p.record, p.offset), (2, 512), "{p}");
    // Resynchronised: record 3 (a real record) is kept.
    assert!(f.records.iter().any(|r| r.offset == 1024));
}

#[test]
fn bogus_record_length_is_reported_not_followed() {
    let Some((bytes, reference)) = corrupt("corrupt_wrong_record_length.mseed") else {
        return;
    };
    let f = mseed::read(&bytes);
    assert_complete_records(&f, &reference);
    assert!(
        f.records.iter().all(|r| r.offset != 512),
        "record 2 was decoded"
    );
    let p = &f.problems[0];
    assert_eq!((p.record, p.offset), (2, 512), "{p}");
    assert!(p.message.contains("4096"), "{p}");
}

#[test]
fn written_files_read_back_bit_exact() {
    use quakehall::domain::waveform::{Format, sac};
    let Some(data) = shared_data() else { return };
    let mut files = Vec::new();
    json_files(&data.join("waveforms"), &mut files);
    files.retain(|p| !p.to_string_lossy().contains("/corrupt/"));
    let mut checked = 0;
    for json in files {
        let path = json.with_extension("");
        let bytes = std::fs::read(&path).unwrap();
        let original = read_bytes("original", &bytes).unwrap();
        let micros = |t: &Trace| t.start.0.div_euclid(1000);
        for record_length in [512, 4096] {
            let written =
                mseed::write(&original.stream, mseed::WriteOptions { record_length }).unwrap();
            let back = read_bytes("written", &written).unwrap();
            assert_eq!(back.format, Format::MiniSeed2);
            assert!(
                back.problems.is_empty(),
                "{}: {:?}",
                path.display(),
                back.problems
            );
            assert_eq!(
                back.stream.traces.len(),
                original.stream.traces.len(),
                "{}",
                path.display()
            );
            for (a, b) in original.stream.traces.iter().zip(&back.stream.traces) {
                assert_eq!(a.samples, b.samples, "{} {}", path.display(), a.id());
                assert_eq!(
                    (a.id(), micros(a)),
                    (b.id(), micros(b)),
                    "{}",
                    path.display()
                );
                assert!(
                    (a.sample_rate_hz - b.sample_rate_hz).abs() < 1e-9 * a.sample_rate_hz.max(1.0)
                );
            }
        }
        for t in &original.stream.traces {
            if matches!(t.samples, Samples::Text(_)) {
                continue;
            }
            // SAC's 32-bit floats hold integers exactly only up to 2^24:
            // larger ones are refused, never rounded.
            let inexact = matches!(&t.samples, Samples::Int(v) if v.iter().any(|x| x.unsigned_abs() > 1 << 24));
            let written = match sac::write(t, original.sac_header.as_ref()) {
                Ok(w) => {
                    assert!(!inexact, "{}: rounded into SAC", path.display());
                    w
                }
                Err(e) => {
                    assert!(inexact && e.contains("cannot be stored exactly"), "{e}");
                    continue;
                }
            };
            let back = read_bytes("written.sac", &written).unwrap();
            let b = &back.stream.traces[0];
            let as_f32: Vec<f32> = t.samples.to_f64().iter().map(|&x| x as f32).collect();
            assert_eq!(b.samples, Samples::F32(as_f32), "{}", path.display());
            assert_eq!(b.id(), t.id());
            assert!(
                (b.start.0 - t.start.0).abs() < 1000,
                "{}: {} vs {}",
                path.display(),
                b.start,
                t.start
            );
            if let Some(h) = &original.sac_header {
                let back_header = back.sac_header.as_ref().unwrap();
                // Picks keep their absolute time (to the f32 precision of SAC, ~1 µs).
                for pick in ["a", "t0"] {
                    let (x, y) = (h.pick_time(pick), back_header.pick_time(pick));
                    assert_eq!(x.is_some(), y.is_some(), "{pick}");
                    if let (Some(x), Some(y)) = (x, y) {
                        assert!((x.0 - y.0).abs() < 10_000, "{pick}: {x} vs {y}");
                    }
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 40);
}

#[test]
fn sac_picks_come_with_their_labels_and_phases() {
    use quakehall::domain::waveform::sac::pick_phase;
    let Some(data) = shared_data() else { return };
    let path = data.join("waveforms/obspy/seism.sac");
    let file = read_bytes("seism.sac", &std::fs::read(&path).unwrap()).unwrap();
    let header = file.sac_header.expect("a SAC header");
    let picks = header.picks();
    // The sidecar's header: A = 10.47 s labelled IPD0, T1 = 20.0 s unlabelled.
    let fields: Vec<&str> = picks.iter().map(|p| p.field).collect();
    assert_eq!(fields, ["a", "t1"]);
    assert_eq!(picks[0].label.as_deref(), Some("IPD0"));
    assert_eq!(picks[0].phase, Some('P'));
    assert_eq!(picks[1].phase, None);
    let reference = header.reference_time().unwrap();
    assert!((picks[0].time.secs_since(reference) - 10.47).abs() < 1e-4);
    for (label, phase) in [
        ("P", Some('P')),
        ("Pg", Some('P')),
        ("iPn", Some('P')),
        ("IPU0", Some('P')),
        ("eS", Some('S')),
        ("Sg", Some('S')),
        ("S1", Some('S')),
        ("PKP", None),
        ("F", None),
        ("XYZ", None),
        ("", None),
    ] {
        assert_eq!(pick_phase(label), phase, "{label:?}");
    }
}
