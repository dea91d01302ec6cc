//! The automatic picker against truths it did not make: the shipped
//! synthetic recordings' sidecars, and the real records of
//! `../shared/data/waveforms` with the picks and TauP predictions in their
//! sidecars.

use std::path::Path;

use quakehall::domain::physics::synth::Sidecar;
use quakehall::domain::random::Seeded;
use quakehall::domain::waveform::pick::{self, Phase, PickedWindow};
use quakehall::domain::waveform::{self, Samples, Stream, Trace, UtcTime};

use super::common::root;
use super::waveforms::shared_data;

fn picked(path: &Path) -> Vec<PickedWindow> {
    let f = waveform::read_file(path).unwrap_or_else(|e| panic!("{e}"));
    pick::pick_stream(&f.stream)
}

fn stream_of(paths: &[&Path]) -> Stream {
    let mut s = Stream { traces: Vec::new() };
    for p in paths {
        let f = waveform::read_file(p).unwrap_or_else(|e| panic!("{e}"));
        s.traces.extend(f.stream.traces);
    }
    s
}

#[test]
fn picks_on_the_shipped_synthetics_are_within_a_tenth_of_a_second_of_the_truth() {
    let dir = root().join("assets/recordings");
    let (mut checked, mut bad) = (0, Vec::new());
    for event in std::fs::read_dir(&dir).unwrap() {
        let event = event.unwrap().path();
        if !event.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&event).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_none_or(|e| e != "mseed") {
                continue;
            }
            let sidecar: Sidecar =
                serde_json::from_str(&std::fs::read_to_string(f.with_extension("json")).unwrap())
                    .unwrap();
            if sidecar.arrivals.is_empty() {
                // Traffic: no quake to pick (see the note in the README).
                continue;
            }
            let first = |s: bool| {
                sidecar
                    .arrivals
                    .iter()
                    .filter(|a| a.phase.starts_with(['S', 's']) == s)
                    .map(|a| UtcTime::parse_iso(&a.time).unwrap())
                    .min()
                    .unwrap()
            };
            let windows = picked(&f);
            assert_eq!(windows.len(), 1, "{}", f.display());
            let w = &windows[0];
            let p = w
                .pick(Phase::P)
                .unwrap_or_else(|| panic!("{}: no P", f.display()));
            let blast =
                sidecar.event.source == quakehall::domain::physics::synth::Source::Explosion;
            let dp = p.time.secs_since(first(false));
            // A quarry blast's S is weak against its P coda, and its Rg, a
            // second or two later, moves the horizontals most: the picker
            // must not call that surface wave S. A blast may have no S
            // pick (analysts rarely pick one either); any other record
            // must have one.
            let ds = match (w.pick(Phase::S), blast) {
                (Some(s), _) => Some(s.time.secs_since(first(true))),
                (None, true) => None,
                (None, false) => panic!("{}: no S", f.display()),
            };
            println!(
                "{}: P {dp:+.3} s (snr {:.1}), S {}",
                f.display(),
                p.snr,
                ds.map_or("none".into(), |d| format!("{d:+.3} s"))
            );
            if dp.abs() > 0.1 || ds.is_some_and(|d| d.abs() > 0.3) {
                bad.push(format!(
                    "{}: P off by {dp:+.3} s, S by {ds:?} s",
                    f.display()
                ));
            }
            checked += 1;
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(checked >= 6, "only {checked} recordings");
}

#[test]
fn picks_on_real_records_are_within_half_a_second_of_their_reference() {
    let Some(data) = shared_data() else { return };
    let w = data.join("waveforms");
    // BW.RJOB: the P pick of its sidecar.
    let rjob = picked(&w.join("obspy/BW.RJOB.2009-08-24.example.float64.mseed"));
    let p = rjob[0].pick(Phase::P).expect("BW.RJOB P");
    let d = p
        .time
        .secs_since(UtcTime::parse_iso("2009-08-24T00:20:07.700000Z").unwrap());
    println!("BW.RJOB P {d:+.3} s");
    assert!(d.abs() <= 0.5, "BW.RJOB P off by {d:.3} s");
    // Ridgecrest and South Napa: three components per station; the
    // sidecar's P pick, or the iasp91 first P where it has none.
    for event in ["ridgecrest-2019-m7.1", "south-napa-2014-m6.0"] {
        let dir = w.join(event);
        let mut zs: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let n = p.file_name().unwrap().to_string_lossy().to_string();
                n.contains("HNZ") && n.ends_with(".mseed")
            })
            .collect();
        zs.sort();
        assert!(!zs.is_empty());
        for z in zs {
            let name = z.file_name().unwrap().to_string_lossy().to_string();
            let n = z.with_file_name(name.replace("HNZ", "HNN"));
            let e = z.with_file_name(name.replace("HNZ", "HNE"));
            let side: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(z.with_file_name(format!("{name}.json"))).unwrap(),
            )
            .unwrap();
            let reference = side["picks"]["P"].as_str().map_or_else(
                || {
                    let origin =
                        UtcTime::parse_iso(side["event"]["origin_time"].as_str().unwrap()).unwrap();
                    origin.add_secs(
                        side["predicted_arrivals_taup"]["iasp91"]["first_P"]["travel_time_s"]
                            .as_f64()
                            .unwrap(),
                    )
                },
                |t| UtcTime::parse_iso(t).unwrap(),
            );
            let windows = pick::pick_stream(&stream_of(&[&z, &n, &e]));
            assert_eq!(windows.len(), 1, "{name}");
            let p = windows[0]
                .pick(Phase::P)
                .unwrap_or_else(|| panic!("{name}: no P"));
            let d = p.time.secs_since(reference);
            println!("{name}: P {d:+.3} s (snr {:.1})", p.snr);
            assert!(d.abs() <= 0.5, "{name}: P off by {d:.3} s");
        }
    }
}

fn noise_trace(channel: &str, seed: u64, rate: f64, seconds: f64) -> Trace {
    let mut r = Seeded::new(seed);
    let n = (rate * seconds) as usize;
    // Broadband noise over a 0.2 Hz microseism, as at a quiet station.
    let x: Vec<i32> = (0..n)
        .map(|i| {
            let t = i as f64 / rate;
            (300.0 * r.normal() + 2000.0 * (2.0 * std::f64::consts::PI * 0.2 * t).sin()) as i32
        })
        .collect();
    Trace {
        network: "XX".into(),
        station: "NOIS".into(),
        location: String::new(),
        channel: channel.into(),
        start: UtcTime::parse_iso("2026-01-01T00:00:00Z").unwrap(),
        sample_rate_hz: rate,
        samples: Samples::Int(x),
        encoding: None,
        record_count: 1,
    }
}

#[test]
fn pure_noise_gives_no_pick() {
    for seed in 0..6 {
        let s = Stream {
            traces: vec![
                noise_trace("HHZ", seed, 100.0, 300.0),
                noise_trace("HHN", seed + 100, 100.0, 300.0),
                noise_trace("HHE", seed + 200, 100.0, 300.0),
            ],
        };
        let w = pick::pick_stream(&s);
        assert_eq!(w.len(), 1);
        assert!(w[0].picks.is_empty(), "seed {seed}: {:?}", w[0].picks);
    }
}

#[test]
fn a_file_of_many_windows_gives_one_result_per_window() {
    let Some(data) = shared_data() else { return };
    let w = picked(&data.join("waveforms/obspy/gaps.mseed"));
    assert_eq!(w.len(), 4, "{w:?}");
    for pair in w.windows(2) {
        assert!(pair[0].end < pair[1].start);
        assert_eq!(pair[0].id, "BW.BGLD.");
    }
}

/// A synthetic recording's sidecar is its whole truth: traffic has no P or
/// S to score against (the picker, which a passing vehicle can trigger, is
/// not asked), and a blast's reference S is its true S, not its Rg.
#[test]
fn puzzles_take_traffic_and_blast_answers_from_their_sidecars() {
    use quakehall::domain::puzzle::reference::{PickSource, reference_picks};
    let dir = root().join("assets/recordings");
    for (name, has_arrivals) in [
        ("traffic-hall/SY.HALL.mseed", false),
        ("traffic-yongchuan/SY.YCH.mseed", false),
        ("blast-beibei/SY.HALL.mseed", true),
    ] {
        let path = dir.join(name);
        let file = waveform::read_file(&path).unwrap();
        let r = reference_picks(&path, &file, None, None);
        if has_arrivals {
            for pick in [r.p, r.s] {
                assert_eq!(pick.map(|p| p.source), Some(PickSource::Sidecar), "{name}");
            }
            let sidecar: Sidecar = serde_json::from_str(
                &std::fs::read_to_string(path.with_extension("json")).unwrap(),
            )
            .unwrap();
            let s = sidecar
                .arrivals
                .iter()
                .filter(|a| a.phase.starts_with(['S', 's']))
                .filter_map(|a| UtcTime::parse_iso(&a.time))
                .min();
            let s = s.unwrap();
            assert_eq!(r.s.unwrap().time, s, "{name}");
        } else {
            assert_eq!((r.p, r.s), (None, None), "{name}");
        }
    }
}
