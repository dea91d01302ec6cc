//! The detective puzzles against what they must get right: the reference
//! answers they score against, the distances they read from S−P, their
//! scoring, and a visitor's round played through their state machines.

use std::sync::Arc;

use quakehall::domain::physics::geo::km_per_deg;
use quakehall::domain::physics::taup::TauModel;
use quakehall::domain::puzzle::reference::PickSource;
use quakehall::domain::puzzle::seismogram::MarkerKind;
use quakehall::domain::scene::Library;
use quakehall::kinds::find_waves::game::{Game, Stage};
use quakehall::kinds::{ExhibitKind, FindWavesParams, InKind, Kind, Opening};

use super::common::{HallCopy, root};

fn opening(moment: Option<usize>) -> Opening {
    Opening {
        moment,
        projectors: 0,
        assets: Some(Arc::from(root().join("assets").as_path())),
    }
}

fn shipped<K: Kind>(id: &str) -> K {
    let lib = Library::load(&root().join("scenes"), &root().join("assets"));
    let ex = lib
        .exhibits
        .iter()
        .find(|e| e.scene.id == id)
        .unwrap_or_else(|| panic!("{id} not shipped"));
    K::of(&ex.scene.kind).expect("its kind").clone()
}

fn find_waves() -> (FindWavesParams, Game) {
    let p: FindWavesParams = shipped("16-find-waves");
    let g = p.build(&opening(None)).unwrap();
    (p, g)
}

#[test]
fn s_minus_p_gives_back_the_distance_of_every_shipped_recording() {
    // The sidecars' own S−P and distances, against the model's inversion.
    let dir = root().join("assets/recordings");
    let tau = TauModel::shared("iasp91").unwrap();
    let mut n = 0;
    for event in ["local-rongchang", "regional-lushan", "teleseismic-honshu"] {
        for f in std::fs::read_dir(dir.join(event)).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let side: quakehall::domain::physics::synth::Sidecar =
                serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
            let first = |s: bool| {
                side.arrivals
                    .iter()
                    .filter(|a| a.phase.starts_with(['S', 's']) == s)
                    .map(|a| a.travel_time_s)
                    .fold(f64::INFINITY, f64::min)
            };
            let model = TauModel::shared(&side.event.model).unwrap_or(tau.clone());
            let d = model
                .source(side.event.depth_km)
                .distance_for_s_minus_p(first(true) - first(false))
                .unwrap()
                * km_per_deg();
            let off = (d - side.distance_km).abs() / side.distance_km;
            assert!(
                off < 0.02,
                "{}: {d:.1} km for {:.1} km",
                f.display(),
                side.distance_km
            );
            n += 1;
        }
    }
    assert!(n >= 6);
}

#[test]
fn find_waves_rounds_use_the_sidecar_truth_and_read_the_distance() {
    let (_, g) = find_waves();
    assert_eq!(g.rounds.len(), 4);
    for r in &g.rounds {
        assert_eq!(r.picks.p.unwrap().source, PickSource::Sidecar);
        assert_eq!(r.picks.s.unwrap().source, PickSource::Sidecar);
        assert!(r.s_s > r.p_s);
        // P and S are both inside the first view, with room around them.
        let (a, b) = r.view.view;
        assert!(
            a < r.p_s - 5.0 && r.s_s + 5.0 < b,
            "{:?} {} {}",
            r.view.view,
            r.p_s,
            r.s_s
        );
        assert!(r.view.components[0].is_vertical());
        assert_eq!(r.view.components.len(), 3);
    }
    // The hall's local record: 86 km in its sidecar; S−P read through the
    // Chongqing model at an assumed 10 km depth.
    let d = g.rounds[0].distance_km.unwrap();
    assert!((d - 86.2).abs() < 8.0, "{d}");
    // Honshu: about 30.9°.
    let d = g.rounds[3].distance_km.unwrap() / km_per_deg();
    assert!((d - 30.9).abs() < 1.0, "{d}°");
    // Tolerances follow the difficulty.
    assert!(g.rounds[0].tolerance_s.0 < g.rounds[2].tolerance_s.0);
    assert!(g.rounds[2].tolerance_s.0 < g.rounds[3].tolerance_s.0);
}

#[test]
fn a_visitor_plays_find_waves_to_the_end() {
    let (_, mut g) = find_waves();
    let rounds = g.rounds.len();
    for i in 0..rounds {
        assert_eq!(g.stage, Stage::Placing);
        assert!(!g.can_check());
        // Tap P right on the answer, drag S there from where the tap put it.
        let r = g.round();
        let (p, s) = (r.p_s, r.s_s);
        let frac_p = r.view.frac_of(p);
        g.tap(frac_p);
        g.tap(0.9);
        let width = 880.0;
        let view = g.view_mut();
        let x_s = view.frac_of(view.marker(MarkerKind::S).unwrap().t) as f32 * width;
        assert!(view.press(x_s, width));
        view.drag_to(view.frac_of(s) as f32 * width, width);
        view.release();
        assert!(g.can_check());
        g.check();
        assert_eq!(g.stage, Stage::Checked);
        let v = g.verdict.unwrap();
        assert!(
            v.p_error_s.abs() < 0.5 * g.round().tolerance_s.0,
            "round {i}: {v:?}"
        );
        assert_eq!(v.stars, (3, 3), "round {i}: {v:?}");
        g.next();
    }
    assert_eq!(g.stage, Stage::Finished);
    assert_eq!(g.total_stars, g.max_stars());
    g.restart();
    assert_eq!((g.stage, g.current, g.total_stars), (Stage::Placing, 0, 0));
}

#[test]
fn a_wrong_guess_earns_no_stars_and_shows_the_answer() {
    let (_, mut g) = find_waves();
    g.tap(0.01);
    g.tap(0.02);
    g.check();
    let v = g.verdict.unwrap();
    assert_eq!(v.stars, (0, 0), "{v:?}");
    assert_eq!(g.round().view.guides.len(), 2);
}

#[test]
fn hints_explain_then_show_where_to_look() {
    let (_, mut g) = find_waves();
    g.hint();
    assert_eq!(g.hints, 1);
    assert!(g.round().view.guides.is_empty());
    g.hint();
    assert_eq!(g.hints, 2);
    let band = g.round().view.guides[0];
    let p = g.round().p_s;
    assert!((band.t - band.half_width_s..=band.t + band.half_width_s).contains(&p));
    // Not centred on the answer: it shows where to look, not the answer.
    assert!((band.t - p).abs() > 0.0);
}

#[test]
fn shot_moments_open_round_n_checked() {
    let p: FindWavesParams = shipped("16-find-waves");
    let g = p.build(&opening(Some(3))).unwrap();
    assert_eq!((g.current, g.stage), (2, Stage::Checked));
    assert!(g.verdict.unwrap().stars.0 >= 2);
}

#[test]
fn a_round_whose_recording_is_missing_is_left_out() {
    let mut p: FindWavesParams = shipped("16-find-waves");
    p.rounds[1].recording = "recordings/none.mseed".into();
    let g = p.build(&opening(None)).unwrap();
    assert_eq!(g.rounds.len(), 3);
    p.rounds.truncate(2);
    p.rounds[0].recording = "recordings/none.mseed".into();
    p.rounds[1].recording = "recordings/none.mseed".into();
    assert!(p.build(&opening(None)).is_err());
    let _ = ExhibitKind::NAMES;
}

#[test]
fn validate_proposes_picks_for_a_recording_without_any() {
    let copy = HallCopy::new();
    // The station's "real" recording: no sidecar, no SAC picks.
    let rec = copy.assets().join("recordings/station");
    std::fs::create_dir_all(&rec).unwrap();
    std::fs::copy(
        copy.assets()
            .join("recordings/local-rongchang/SY.HALL.mseed"),
        rec.join("XX.ONE.mseed"),
    )
    .unwrap();
    let file = copy.scene("16-find-waves.ron");
    let text = std::fs::read_to_string(&file).unwrap().replace(
        "recordings/local-rongchang/SY.YCH.mseed",
        "recordings/station/XX.ONE.mseed",
    );
    std::fs::write(&file, &text).unwrap();
    let lib = Library::load(&copy.scenes(), &copy.assets());
    let warning = lib
        .problems
        .iter()
        .map(|p| p.to_string())
        .find(|p| p.contains("automatic picker proposes"))
        .unwrap_or_else(|| panic!("{:#?}", lib.problems));
    let (line, _) = super::common::position_of(&text, "recordings/station/XX.ONE.mseed");
    assert!(
        warning.contains(&format!("16-find-waves.ron:{line}:")),
        "{warning}"
    );
    assert!(warning.contains("p: \"2026-03-18T02:14:22.1"), "{warning}");
    // The proposed picks, written into the scene, take over.
    let fixed = text.replace(
        "(recording: \"recordings/station/XX.ONE.mseed\", difficulty: Easy)",
        "(recording: \"recordings/station/XX.ONE.mseed\", difficulty: Easy, p: \"2026-03-18T02:14:22.17Z\", s: \"2026-03-18T02:14:33.12Z\")",
    );
    assert_ne!(fixed, text);
    std::fs::write(&file, &fixed).unwrap();
    let lib = Library::load(&copy.scenes(), &copy.assets());
    assert!(lib.problems.is_empty(), "{:#?}", lib.problems);
    let ex = lib
        .exhibits
        .iter()
        .find(|e| e.scene.id == "16-find-waves")
        .unwrap();
    let p = FindWavesParams::of(&ex.scene.kind).unwrap();
    let g = p
        .build(&Opening {
            assets: Some(Arc::from(copy.assets().as_path())),
            ..Opening::default()
        })
        .unwrap();
    assert_eq!(g.rounds[1].picks.p.unwrap().source, PickSource::Scene);
}
