//! The shipped recordings are the project's own synthetics: each folder is
//! exactly what its spec produces, and every sidecar says "synthetic".

use quakehall::domain::physics::synth::{Motion, SynthSpec, synthesize};
use quakehall::domain::waveform::read_file;

use super::common::root;

#[test]
fn shipped_recordings_are_what_their_specs_make_and_say_so() {
    let dir = root().join("assets/recordings");
    let mut specs = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let path = e.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".synth.json") else {
            continue;
        };
        specs += 1;
        let spec: SynthSpec =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let records = synthesize(&spec, Motion::Velocity).unwrap();
        for r in records {
            let id = format!("{}.{}", r.station.network, r.station.station);
            let base = dir.join(stem).join(&id);
            let file = read_file(&dir.join(stem).join(format!("{id}.mseed"))).unwrap();
            assert!(file.problems.is_empty(), "{:?}", file.problems);
            assert_eq!(file.stream.traces.len(), r.traces.len());
            for want in &r.traces {
                let got = file
                    .stream
                    .traces
                    .iter()
                    .find(|t| t.id() == want.id())
                    .expect("channel present");
                assert_eq!(
                    want.samples,
                    got.samples,
                    "{} differs from its spec: run quakehall synth",
                    base.display()
                );
            }
            let sidecar: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(dir.join(stem).join(format!("{id}.json"))).unwrap(),
            )
            .unwrap();
            assert_eq!(sidecar["synthetic"], true);
            assert!(
                sidecar["arrivals"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a["phase"] == "P" || a["phase"] == "p")
            );
        }
    }
    assert_eq!(specs, 5);
}
