//! The command line as a user types it (the built binary).

use std::process::Command;

use serde_json::Value;

use super::common::{HallCopy, root};
use super::waveforms::shared_data;

fn quakehall(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_quakehall"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("run quakehall");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn validate_exits_0_on_the_shipped_scenes_and_1_on_a_broken_copy() {
    let (code, out, _) = quakehall(&["validate", "scenes"]);
    assert_eq!(code, 0, "{out}");
    let copy = HallCopy::new();
    let file = copy.scene("15-station.ron");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("number: 15,", "number: 15,\n    colour: \"red\",");
    std::fs::write(&file, text).unwrap();
    let (code, out, _) = quakehall(&["validate", copy.scenes().to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("15-station.ron:7:5: error: colour"), "{out}");
}

#[test]
fn inspect_json_lists_every_shared_file() {
    let Some(data) = shared_data() else { return };
    let dir = data.join("waveforms");
    let (code, out, err) = quakehall(&["inspect", "--json", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let items: Vec<Value> = serde_json::from_str(&out).expect("JSON array");
    assert!(items.len() >= 70, "{} items", items.len());
    for item in &items {
        for key in [
            "network",
            "station",
            "location",
            "channel",
            "start_time",
            "end_time",
            "sample_rate_hz",
            "num_samples",
            "encoding",
        ] {
            assert!(item.get(key).is_some(), "{key} missing in {item}");
        }
        let t = item["start_time"].as_str().unwrap();
        assert!(t.ends_with('Z') && t.len() == 27, "{t}");
    }
    // An explicitly named file that is not a recording is an error entry.
    let readme = dir.join("README.md");
    let (code, out, _) = quakehall(&["inspect", "--json", readme.to_str().unwrap()]);
    assert_eq!(code, 1);
    let items: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert!(
        items[0]["error"]
            .as_str()
            .unwrap()
            .contains("not miniSEED or SAC")
    );
}

#[test]
fn convert_preserves_every_sample_both_ways() {
    let Some(data) = shared_data() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let sac_in = data.join("waveforms/obspy/BW.RJOB..EHZ.2009-08-24.be.sac");
    let mseed_out = tmp.path().join("rjob.mseed");
    let sac_out = tmp.path().join("rjob.sac");
    assert_eq!(
        quakehall(&[
            "convert",
            sac_in.to_str().unwrap(),
            mseed_out.to_str().unwrap()
        ])
        .0,
        0
    );
    assert_eq!(
        quakehall(&[
            "convert",
            mseed_out.to_str().unwrap(),
            sac_out.to_str().unwrap()
        ])
        .0,
        0
    );
    let a = quakehall::domain::waveform::read_file(&sac_in).unwrap();
    let b = quakehall::domain::waveform::read_file(&sac_out).unwrap();
    assert_eq!(a.stream.traces[0].samples, b.stream.traces[0].samples);
    assert_eq!(a.stream.traces[0].start, b.stream.traces[0].start);
    // Integers too large for SAC's 32-bit floats are refused, not rounded.
    let big = data.join("waveforms/libmseed/reference-testdata-steim2.mseed2");
    let (code, _, err) = quakehall(&[
        "convert",
        big.to_str().unwrap(),
        tmp.path().join("x.sac").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot be stored exactly"), "{err}");
}

#[test]
fn locate_and_traveltime_print_the_documented_json() {
    let (code, out, err) = quakehall(&[
        "traveltime",
        "--model",
        "iasp91",
        "--depth",
        "10",
        "--distance",
        "30",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let items: Vec<Value> = serde_json::from_str(&out).unwrap();
    let p = items.iter().find(|a| a["phase"] == "P").expect("P");
    for key in [
        "time_s",
        "ray_param_s_per_deg",
        "takeoff_angle_deg",
        "incident_angle_deg",
    ] {
        assert!(p[key].as_f64().is_some(), "{key}");
    }
    assert!((p["time_s"].as_f64().unwrap() - 368.73).abs() < 0.5);

    let Some((picks, _)) = super::locate::ridgecrest_picks() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("picks.json");
    std::fs::write(&file, serde_json::to_string(&picks).unwrap()).unwrap();
    let (code, out, err) = quakehall(&["locate", file.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{err}");
    let sol: Value = serde_json::from_str(&out).unwrap();
    for key in [
        "latitude",
        "longitude",
        "depth_km",
        "origin_time",
        "rms_s",
        "uncertainty",
    ] {
        assert!(sol.get(key).is_some(), "{key} missing: {sol}");
    }
}

#[test]
fn pick_prints_one_object_per_station_window_with_iso_times() {
    let (code, out, err) = quakehall(&["pick", "assets/recordings/local-rongchang", "--json"]);
    assert_eq!(code, 0, "{err}");
    let all: Value = serde_json::from_str(&out).unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 4, "{out}");
    for w in all {
        assert!(w["id"].as_str().unwrap().starts_with("SY."), "{w}");
        for field in ["start_time", "end_time"] {
            assert!(w[field].as_str().unwrap().ends_with('Z'), "{w}");
        }
        let phases: Vec<&str> = w["picks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["phase"].as_str().unwrap())
            .collect();
        assert_eq!(phases, ["P", "S"], "{w}");
        let p = &w["picks"][0];
        // ISO 8601 with microseconds: 2026-03-18T02:14:22.174398Z.
        assert_eq!(p["time"].as_str().unwrap().len(), 27, "{p}");
        assert!(p["channel"].as_str().unwrap().ends_with('Z'), "{p}");
        assert!(p["snr"].as_f64().unwrap() > 4.0, "{p}");
    }
    let (code, out, _) = quakehall(&["pick", "assets/recordings/regional-lushan"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("SY.HALL.00 | 2026-04-20T00:03:06"), "{out}");
    assert!(out.contains("| P 2026-04-20T00:03:36.3"), "{out}");
}

#[test]
fn audify_writes_a_1_hz_sine_sped_up_400_times_as_a_400_hz_wav() {
    use quakehall::domain::sound::audify::{PEAK, dominant_hz, read_wav};
    use quakehall::domain::waveform::{Samples, Stream, Trace, UtcTime, mseed};
    let dir = tempfile::tempdir().unwrap();
    // 800 s of a 1 Hz wave recorded at 20 Hz: two seconds of sound.
    let rate = 20.0;
    let trace = Trace {
        network: "SY".into(),
        station: "SINE".into(),
        location: "00".into(),
        channel: "HHZ".into(),
        start: UtcTime::parse_iso("2026-01-01T00:00:00Z").unwrap(),
        sample_rate_hz: rate,
        samples: Samples::Int(
            (0..16_000)
                .map(|i| (1e5 * (std::f64::consts::TAU * i as f64 / rate).sin()).round() as i32)
                .collect(),
        ),
        encoding: None,
        record_count: 0,
    };
    let input = dir.path().join("sine.mseed");
    let bytes = mseed::write(
        &Stream {
            traces: vec![trace],
        },
        mseed::WriteOptions::default(),
    )
    .unwrap();
    std::fs::write(&input, bytes).unwrap();
    let wav = dir.path().join("sine.wav");
    let (code, out, err) = quakehall(&[
        "audify",
        input.to_str().unwrap(),
        "--speedup",
        "400",
        "--out",
        wav.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("loudest at 400 Hz"), "{out}");
    let (s, wav_rate) = read_wav(&wav).unwrap();
    assert_eq!(wav_rate, 44_100);
    assert!((s.len() as f64 / 44_100.0 - 2.0).abs() < 0.01);
    assert!((dominant_hz(&s, 44_100.0) - 400.0).abs() <= 1.0);
    let peak = s.iter().fold(0.0f32, |m, v| m.max(v.abs()));
    assert!(peak <= PEAK + 1e-4 && peak > 0.8, "peak {peak}");
    // Faded in and out: silent at the ends, full in the middle.
    assert!(s[0].abs() < 1e-3 && s[s.len() - 1].abs() < 1e-3);
    let loud = |a: usize, b: usize| s[a..b].iter().fold(0.0f32, |m, v| m.max(v.abs()));
    assert!(loud(0, 441) < 0.1 * loud(20_000, 30_000));
    assert!(loud(s.len() - 441, s.len()) < 0.1 * loud(20_000, 30_000));
    // A nonsense speed-up is refused with a reason.
    let (code, _, err) = quakehall(&[
        "audify",
        input.to_str().unwrap(),
        "--speedup",
        "2",
        "--out",
        wav.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("speed-up"), "{err}");
}
