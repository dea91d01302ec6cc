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

mod where_quake {
    use super::*;
    use quakehall::domain::physics::geo::distance_deg;
    use quakehall::domain::physics::taup::Wave;
    use quakehall::kinds::WhereQuakeParams;
    use quakehall::kinds::where_quake::game::{self, Game, STRIP_W, Stage};

    fn game() -> Game {
        let p: WhereQuakeParams = shipped("17-where-quake");
        p.build(&opening(None)).unwrap()
    }

    fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
        distance_deg(a.0, a.1, b.0, b.1) * km_per_deg()
    }

    /// Puts every record's S flag at the reference S, as a careful reader.
    fn read_every_s(g: &mut Game) {
        for i in 0..g.round().stations.len() {
            let s = &g.round().stations[i];
            let parked = s.view.marker(MarkerKind::S).unwrap().t;
            let w = STRIP_W as f32;
            let x0 = s.view.frac_of(parked) as f32 * w;
            let x1 = s.view.frac_of(s.sp_s) as f32 * w;
            g.strip_press(i, x0, w);
            g.strip_drag(i, x1, w);
            g.strip_release();
        }
    }

    #[test]
    fn stars_follow_the_distance_from_the_epicentre() {
        assert_eq!(game::stars(0.0), 3);
        assert_eq!(game::stars(5.0), 3);
        assert_eq!(game::stars(5.1), 2);
        assert_eq!(game::stars(15.0), 2);
        assert_eq!(game::stars(39.9), 1);
        assert_eq!(game::stars(40.1), 0);
        assert_eq!(game::stars(f64::NAN), 0);
    }

    #[test]
    fn circle_radii_are_the_physics_layers_s_minus_p_inverted() {
        let tau = TauModel::shared("chongqing").unwrap();
        let mut g = game();
        let mut n = 0;
        for round in 0..g.rounds.len() {
            if g.stage == Stage::Reading {
                read_every_s(&mut g);
                g.draw_circles();
            }
            assert_eq!(g.stage, Stage::Placing);
            let r = g.round();
            let src = tau.source(r.depth_km);
            for s in &r.stations {
                let radius = s.radius_km.unwrap();
                let d = radius / km_per_deg();
                let sp = src.first_time(Wave::S, d).unwrap() - src.first_time(Wave::P, d).unwrap();
                assert!((sp - s.sp_s).abs() < 0.02, "{}: {sp} vs {}", s.id, s.sp_s);
                // With the quake's own depth, the radius is the true
                // epicentral distance.
                let truth = km(r.truth, (s.lat, s.lon));
                assert!(
                    (radius - truth).abs() < 1.0,
                    "round {round} {}: {radius} vs {truth}",
                    s.id
                );
                n += 1;
            }
            g.map_press(0.5, 0.5);
            g.check();
            g.next();
        }
        assert_eq!(n, 8);
    }

    #[test]
    fn the_best_answer_is_within_the_engines_uncertainty_of_the_epicentre() {
        let mut g = game();
        for _ in 0..g.rounds.len() {
            if g.stage == Stage::Reading {
                read_every_s(&mut g);
                g.draw_circles();
            }
            let best = g.best_point().unwrap();
            let r = g.round();
            let sol = r.solution.as_ref().expect("the engine locates it");
            let u = &sol.uncertainty;
            let sigma = u.latitude_km.hypot(u.longitude_km);
            let off = km(best, r.truth);
            let engine_off = km((sol.latitude, sol.longitude), r.truth);
            println!(
                "best {off:.2} km, engine {engine_off:.2} km off, uncertainty ±{:.2}/{:.2} km",
                u.latitude_km, u.longitude_km
            );
            assert!(
                off <= sigma,
                "best answer {off:.2} km off, uncertainty {sigma:.2} km"
            );
            assert!(
                engine_off <= sigma,
                "engine {engine_off:.2} km off, uncertainty {sigma:.2} km"
            );
            assert!(
                sigma < 5.0,
                "a four-station local location is good to a few km: {sigma}"
            );
            g.map_press(0.5, 0.5);
            g.check();
            g.next();
        }
    }

    #[test]
    fn a_visitor_locates_every_quake_to_the_end() {
        let mut g = game();
        assert_eq!(g.stage, Stage::Placing, "the easy round gives S−P");
        assert!(!g.can_check());
        for round in 0..g.rounds.len() {
            if g.stage == Stage::Reading {
                assert!(!g.can_draw_circles());
                g.draw_circles();
                assert_eq!(g.stage, Stage::Reading, "not before every S is read");
                read_every_s(&mut g);
                assert!(g.can_draw_circles());
                g.draw_circles();
            }
            assert_eq!(g.stage, Stage::Placing);
            // The finger lands a little off, then drags the pin where the
            // circles meet.
            let (lat, lon) = g.best_point().unwrap();
            let (fx, fy) = g.frame.at(lat, lon);
            g.map_press(fx + 0.05, fy - 0.04);
            g.map_drag(fx, fy);
            g.map_release();
            assert!(g.can_check());
            g.check();
            assert_eq!(g.stage, Stage::Checked);
            let v = g.verdict.unwrap();
            assert_eq!(v.stars, 3, "round {round}: {v:?}");
            assert!(v.engine_error_km.unwrap() < 3.0, "{v:?}");
            // Dragging after the check moves nothing.
            g.map_press(0.1, 0.1);
            assert_eq!(g.pin.map(|p| km(p, (lat, lon)) < 1.0), Some(true));
            g.next();
        }
        assert_eq!(g.stage, Stage::Finished);
        assert_eq!(g.total_stars, g.max_stars());
        g.restart();
        assert_eq!((g.stage, g.current, g.total_stars), (Stage::Placing, 0, 0));
        assert!(g.pin.is_none());
    }

    #[test]
    fn a_pin_far_away_earns_no_stars_and_shows_where_it_was() {
        let mut g = game();
        g.map_press(0.0, 0.0);
        g.map_release();
        g.check();
        let v = g.verdict.unwrap();
        assert_eq!(v.stars, 0, "{v:?}");
        assert!(v.error_km > 40.0);
        assert_eq!(g.stage, Stage::Checked);
        // The truth is drawn: a yellow star where the epicentre is.
        let mut c = quakehall::domain::draw::Canvas::new(
            640,
            640,
            quakehall::domain::draw::canvas::Rgba::hex(0),
        );
        g.draw(0, &mut c);
        let (x, y) = g.frame.at(g.round().truth.0, g.round().truth.1);
        let p = c.pixel((x * 640.0) as u32, (y * 640.0) as u32);
        assert_eq!((p.0, p.1, p.2), (0xff, 0xd2, 0x3f), "{p:?}");
        assert!(!g.stale(0), "drawn once, not again until it changes");
    }

    #[test]
    fn hints_say_what_to_do_then_light_where_to_look() {
        let mut g = game();
        // Easy round: the map's hint lights where the circles meet.
        let mut before = quakehall::domain::draw::Canvas::new(
            640,
            640,
            quakehall::domain::draw::canvas::Rgba::hex(0),
        );
        g.draw(0, &mut before);
        g.hint();
        assert!(!g.stale(0) || g.hints == 1);
        g.hint();
        assert_eq!(g.hints, 2);
        assert!(g.stale(0));
        let mut after = before.clone();
        g.draw(0, &mut after);
        let (lat, lon) = g.best_point().unwrap();
        let (x, y) = g.frame.at(lat, lon);
        let (x, y) = ((x * 640.0) as u32 + 6, (y * 640.0) as u32 + 6);
        assert_ne!(
            before.pixel(x, y),
            after.pixel(x, y),
            "the glow where the circles meet"
        );
        // The round to read: bands around each S.
        g.map_press(0.5, 0.5);
        g.check();
        g.next();
        assert_eq!(g.stage, Stage::Reading);
        g.hint();
        g.hint();
        for s in &g.round().stations {
            let band = s.view.guides.iter().find(|b| b.half_width_s > 0.0).unwrap();
            assert!((band.t - band.half_width_s..=band.t + band.half_width_s).contains(&s.sp_s));
        }
    }

    #[test]
    fn shot_moments_open_round_n_checked() {
        let p: WhereQuakeParams = shipped("17-where-quake");
        let g = p.build(&opening(Some(2))).unwrap();
        assert_eq!((g.current, g.stage), (1, Stage::Checked));
        assert!(g.verdict.unwrap().stars >= 2, "{:?}", g.verdict);
        let g = p.build(&opening(Some(3))).unwrap();
        assert_eq!(g.stage, Stage::Finished);
    }

    #[test]
    fn validate_says_where_a_round_lacks_stations_or_an_epicentre() {
        let copy = HallCopy::new();
        let file = copy.scene("17-where-quake.ron");
        let text = std::fs::read_to_string(&file).unwrap();
        // The second round down to two stations.
        let cut = text.replacen(
            "                    (recording: \"recordings/local-tongliang/SY.BBE.mseed\", name: (zh: \"北碚\", en: \"Beibei\")),\n",
            "",
            1,
        ).replacen(
            "                    (recording: \"recordings/local-tongliang/SY.JJI.mseed\", name: (zh: \"江津\", en: \"Jiangjin\")),\n",
            "",
            1,
        );
        assert_ne!(cut, text);
        std::fs::write(&file, &cut).unwrap();
        let lib = Library::load(&copy.scenes(), &copy.assets());
        let problem = lib
            .problems
            .iter()
            .map(|p| p.to_string())
            .find(|p| p.contains("rounds[1].stations"))
            .unwrap_or_else(|| panic!("{:#?}", lib.problems));
        assert!(problem.contains("17-where-quake.ron:"), "{problem}");
        assert!(problem.contains("3"), "{problem}");
    }
}

mod jigsaw {
    use super::*;
    use quakehall::kinds::JigsawParams;
    use quakehall::kinds::jigsaw::game::{Game, STACK_H, Stage};

    fn game() -> Game {
        let p: JigsawParams = shipped("20-jigsaw");
        p.build(&opening(None)).unwrap()
    }

    #[test]
    fn records_are_the_sidecars_distances_and_the_curves_pass_their_arrivals() {
        let g = game();
        for r in &g.rounds {
            for rec in &r.records {
                // The curves: the tau-p layer's first P and S at each distance.
                let at = |which: usize| {
                    let c = r
                        .curves
                        .windows(2)
                        .find(|w| (w[0].0..=w[1].0).contains(&rec.distance_km))
                        .unwrap();
                    let f = (rec.distance_km - c[0].0) / (c[1].0 - c[0].0);
                    let (a, b) = if which == 1 {
                        (c[0].1, c[1].1)
                    } else {
                        (c[0].2, c[1].2)
                    };
                    a + f * (b - a)
                };
                assert!(
                    (at(1) - rec.p_s).abs() < 0.3,
                    "{}: P {} vs curve {}",
                    rec.name.en,
                    rec.p_s,
                    at(1)
                );
                assert!(
                    (at(2) - rec.s_s).abs() < 0.5,
                    "{}: S {} vs curve {}",
                    rec.name.en,
                    rec.s_s,
                    at(2)
                );
            }
        }
        let d: Vec<f64> = g.rounds[0]
            .records
            .iter()
            .map(|r| r.distance_km.round())
            .collect();
        assert_eq!(d, vec![58.0, 76.0, 118.0, 148.0, 203.0]);
    }

    #[test]
    fn the_stack_starts_muddled_and_its_solved_order_is_distance_order() {
        let mut g = game();
        assert_eq!(g.stage, Stage::Sorting);
        let sorted = g.sorted();
        assert!(
            g.order.iter().zip(&sorted).all(|(a, b)| a != b),
            "no record starts in its place: {:?}",
            g.order
        );
        assert!(!g.in_order());
        quakehall::kinds::jigsaw::solve(&mut g);
        assert_eq!(g.stage, Stage::Solved);
        assert_eq!(g.order, sorted);
        let d: Vec<f64> = g
            .order
            .iter()
            .map(|&i| g.round().records[i].distance_km)
            .collect();
        assert!(d.windows(2).all(|w| w[0] < w[1]), "{d:?}");
        // And P and S come later and further apart down the stack.
        let r = g.round();
        let p: Vec<f64> = g.order.iter().map(|&i| r.records[i].p_s).collect();
        let sp: Vec<f64> = g
            .order
            .iter()
            .map(|&i| r.records[i].s_s - r.records[i].p_s)
            .collect();
        assert!(p.windows(2).all(|w| w[0] < w[1]) && sp.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(g.total_stars, 3);
    }

    #[test]
    fn lines_light_between_neighbours_in_order_as_the_visitor_drags() {
        let mut g = game();
        let lit = |g: &Game| {
            (0..g.order.len() - 1)
                .filter(|&k| g.pair_in_order(k))
                .count()
        };
        let before = lit(&g);
        // Drag the nearest record from wherever it is to the top, by its
        // picture's pixels.
        let nearest = g.sorted()[0];
        let from = g.order.iter().position(|&r| r == nearest).unwrap();
        let slot =
            (STACK_H as f32 - quakehall::kinds::jigsaw::game::AXIS_PX) / g.order.len() as f32;
        g.press((from as f32 + 0.5) * slot);
        assert_eq!(g.held(), Some(from));
        g.drag_to(0.2 * slot);
        g.release();
        assert_eq!(g.order[0], nearest);
        assert_eq!(g.moves, 1);
        assert!(lit(&g) + 1 >= before, "{} then {}", before, lit(&g));
        // Dropping a record where it was is no move.
        g.press(0.5 * slot);
        g.release();
        assert_eq!(g.moves, 1);
    }

    #[test]
    fn a_visit_sorts_every_stack_to_the_end_and_hints_cost_a_star() {
        let mut g = game();
        g.hint();
        g.hint();
        g.hint();
        assert_eq!(g.hints, 2);
        quakehall::kinds::jigsaw::solve(&mut g);
        assert_eq!(g.total_stars, 1);
        g.show_curves();
        assert_eq!(g.stage, Stage::Curves);
        g.next();
        assert_eq!((g.current, g.stage), (1, Stage::Sorting));
        assert!(!g.in_order());
        quakehall::kinds::jigsaw::solve(&mut g);
        g.next();
        assert_eq!(g.stage, Stage::Finished);
        assert_eq!(g.total_stars, 4);
        g.restart();
        assert_eq!((g.current, g.stage, g.total_stars), (0, Stage::Sorting, 0));
        assert!(!g.in_order());
    }

    #[test]
    fn the_section_draws_records_at_their_distances_under_the_curves() {
        let p: JigsawParams = shipped("20-jigsaw");
        let mut g = p.build(&opening(Some(1))).unwrap();
        assert_eq!(g.stage, Stage::Curves);
        let mut c = quakehall::domain::draw::Canvas::new(
            900,
            640,
            quakehall::domain::draw::canvas::Rgba::hex(0),
        );
        g.draw(&mut c);
        assert!(!g.stale());
        // The farthest record lies lower than the nearest.
        let r = g.round();
        let near = g.distance_y(r.records[0].distance_km);
        let far = g.distance_y(r.records[4].distance_km);
        assert!(far > near + 300.0, "{near} {far}");
        let g = p.build(&opening(Some(3))).unwrap();
        assert_eq!(g.stage, Stage::Finished);
    }
}

mod how_big {
    use super::*;
    use quakehall::domain::physics::magnitude::{local_magnitude, ml_iaspei};
    use quakehall::domain::physics::synth::Sidecar;
    use quakehall::domain::puzzle::nomogram::trace_mm;
    use quakehall::domain::waveform;
    use quakehall::kinds::HowBigParams;
    use quakehall::kinds::how_big::game::{
        self, Game, NOMO_H, RECORD_W, Stage, energy_ratio, hypocentral_km, stars, swing_ratio,
    };

    fn game() -> (HowBigParams, Game) {
        let p: HowBigParams = shipped("18-how-big");
        let g = p.build(&opening(None)).unwrap();
        assert_eq!(g.rounds.len(), p.rounds.len());
        (p, g)
    }

    /// Drags the flag `kind` of the current record to `t` s after P.
    fn drag_flag(g: &mut Game, kind: MarkerKind, t: f64) {
        let w = RECORD_W as f32;
        let v = &g.round().view;
        let i = v.markers.iter().position(|m| m.kind == kind).unwrap();
        let from = v.flag_x(i, w);
        let to = (v.frac_of(t) * w as f64) as f32;
        g.record_press(from, w);
        g.record_drag(to, w);
        g.record_release();
    }

    /// Measures the current round exactly and lays the ruler on the marks.
    fn measure_and_lay(g: &mut Game) {
        let (sp, peak) = (g.round().sp_s, g.round().peak_s);
        if g.round().view.marker(MarkerKind::S).is_some() {
            drag_flag(g, MarkerKind::S, sp);
        }
        drag_flag(g, MarkerKind::Amplitude, peak);
        assert!(g.can_lay());
        g.to_nomogram();
        assert_eq!(g.stage, Stage::Laying);
        let [yl, yr] = g.measured_y().unwrap();
        let h = NOMO_H as f64;
        g.nomogram_press(0.1, yl / h);
        g.nomogram_release();
        g.nomogram_press(0.9, yr / h);
        g.nomogram_release();
    }

    #[test]
    fn scoring_and_the_steps_against_analytic_cases() {
        assert_eq!(stars(0.0), 3);
        assert_eq!(stars(-0.2), 3);
        assert_eq!(stars(0.3), 2);
        assert_eq!(stars(-0.7), 1);
        assert_eq!(stars(1.2), 0);
        assert_eq!(stars(f64::NAN), 0);
        assert!((swing_ratio(1.0) - 10.0).abs() < 1e-9);
        assert!((swing_ratio(2.0) - 100.0).abs() < 1e-9);
        // 10^1.5 per step: about 32 times, 1000 times for two.
        assert!((energy_ratio(1.0) - 31.62).abs() < 0.01);
        assert!((energy_ratio(2.0) - 1000.0).abs() < 1e-6);
    }

    #[test]
    fn the_distance_from_s_minus_p_is_the_models_inverted() {
        let tau = TauModel::shared("chongqing").unwrap();
        for (depth, km) in [(6.0, 59.0), (8.0, 75.0), (10.0, 118.0)] {
            let src = tau.source(depth);
            let deg = km / km_per_deg();
            use quakehall::domain::physics::taup::Wave;
            let p = src.first_time(Wave::P, deg).unwrap();
            let s = src.first_time(Wave::S, deg).unwrap();
            let r = hypocentral_km(&tau, depth, s - p).unwrap();
            assert!((r - km.hypot(depth)).abs() < 0.1, "{km} km: {r}");
        }
    }

    #[test]
    fn each_answer_is_the_records_own_iaspei_ml_at_the_true_distance() {
        let (p, g) = game();
        for (r, sr) in g.rounds.iter().zip(&p.rounds) {
            let path = root().join("assets").join(&sr.recording);
            let file = waveform::read_file(&path).unwrap();
            let side: Sidecar = serde_json::from_str(
                &std::fs::read_to_string(path.with_extension("json")).unwrap(),
            )
            .unwrap();
            let dist = side.distance_km.hypot(side.event.depth_km);
            assert!((r.distance_km - dist).abs() < 1e-9);
            let traces: Vec<_> = file.stream.traces.iter().collect();
            let lm = local_magnitude(&traces, dist).unwrap();
            // The swing on the drawn record is the physics layer's peak.
            assert!(
                (r.peak_mm / trace_mm(lm.amplitude_nm) - 1.0).abs() < 0.01,
                "{}: {} mm against {} nm",
                sr.recording,
                r.peak_mm,
                lm.amplitude_nm
            );
            assert!(
                (r.ml - lm.ml).abs() < 0.01,
                "{}: {} vs {}",
                sr.recording,
                r.ml,
                lm.ml
            );
            assert_eq!(r.catalogue, Some(side.event.magnitude));
            // The peak is in the S wave, inside the record shown.
            assert!(r.peak_s > r.sp_s - 0.5, "{}", sr.recording);
            assert!(r.view.view.0 < r.peak_s && r.peak_s < r.view.view.1);
        }
        // Three quakes of different sizes: the end has steps to show.
        let mls: Vec<f64> = g.rounds.iter().map(|r| r.ml).collect();
        let spread = mls.iter().cloned().fold(f64::NEG_INFINITY, f64::max)
            - mls.iter().cloned().fold(f64::INFINITY, f64::min);
        assert!(spread > 1.0, "{mls:?}");
    }

    #[test]
    fn a_ruler_on_the_right_marks_reads_the_records_ml() {
        let (_, mut g) = game();
        for k in 0..g.rounds.len() {
            measure_and_lay(&mut g);
            let (r_km, a_mm) = g.measured.unwrap();
            let r = g.round();
            assert!(
                (r_km - r.distance_km).abs() < 2.0,
                "{r_km} vs {}",
                r.distance_km
            );
            assert!((a_mm - r.peak_mm).abs() < 1e-9);
            // The ruler reads exactly the IASPEI formula of what was read.
            let reading = g.reading().unwrap();
            assert!((reading - ml_iaspei(a_mm / trace_mm(1.0), r_km)).abs() < 1e-9);
            g.check();
            let v = g.verdict.unwrap();
            assert!((v.reading - v.ml).abs() < 0.05, "round {k}: {v:?}");
            assert_eq!(v.stars, 3);
            g.next();
        }
        assert_eq!(g.stage, Stage::Finished);
        assert_eq!(g.total_stars, g.max_stars());
        let (lo, hi) = g.span().unwrap();
        assert!(hi - lo > 1.0);
        g.restart();
        assert_eq!(
            (g.current, g.stage, g.total_stars),
            (0, Stage::Measuring, 0)
        );
        assert!(g.played.is_empty());
    }

    #[test]
    fn a_smaller_swing_reads_smaller_and_a_far_ruler_still_ends_kindly() {
        let (_, mut g) = game();
        // The A flag on the P wave's swing instead of the biggest.
        drag_flag(&mut g, MarkerKind::Amplitude, 1.0);
        g.to_nomogram();
        let (_, a) = g.measured.unwrap();
        assert!(a < 0.5 * g.round().peak_mm, "{a} vs {}", g.round().peak_mm);
        let [yl, yr] = g.measured_y().unwrap();
        let h = NOMO_H as f64;
        g.nomogram_press(0.1, yl / h);
        g.nomogram_release();
        g.nomogram_press(0.9, yr / h);
        g.nomogram_release();
        g.check();
        let v = g.verdict.unwrap();
        assert!(v.reading < v.ml - 0.3, "{v:?}");
        // Nothing is lost: the round goes on to the next quake.
        g.next();
        assert_eq!((g.current, g.stage), (1, Stage::Measuring));
        // A ruler dropped far from the marks does not snap to them.
        measure_and_lay(&mut g);
        g.nomogram_press(0.9, 0.95);
        g.nomogram_release();
        g.check();
        assert_eq!(g.verdict.unwrap().stars, 0);
        g.next();
        assert_eq!(g.current, 2);
    }

    #[test]
    fn hints_light_the_swing_and_lay_the_ruler_on_the_marks() {
        let (_, mut g) = game();
        assert!(!g.can_lay());
        g.hint();
        assert!(g.round().view.guides.iter().all(|b| b.half_width_s == 0.0));
        g.hint();
        let r = g.round();
        let band = r.view.guides.iter().find(|b| b.half_width_s > 0.0).unwrap();
        assert!((band.t - band.half_width_s..=band.t + band.half_width_s).contains(&r.peak_s));
        let peak = g.round().peak_s;
        drag_flag(&mut g, MarkerKind::Amplitude, peak);
        g.to_nomogram();
        assert_eq!(g.hints, 0);
        g.hint();
        assert!(g.reading().is_none());
        g.hint();
        let marks = g.measured_y().unwrap();
        assert_eq!(g.ruler, [Some(marks[0]), Some(marks[1])]);
        assert!(g.can_check());
        // An end dropped near its mark snaps onto it.
        g.nomogram_press(0.9, (marks[1] + 10.0) / NOMO_H as f64);
        g.nomogram_release();
        assert_eq!(g.ruler[1], Some(marks[1]));
    }

    #[test]
    fn shot_moments_open_round_n_checked() {
        let p: HowBigParams = shipped("18-how-big");
        let g = p.build(&opening(Some(2))).unwrap();
        assert_eq!((g.current, g.stage), (1, Stage::Checked));
        assert!(g.verdict.unwrap().stars >= 1, "{:?}", g.verdict);
        let g = p.build(&opening(Some(4))).unwrap();
        assert_eq!(g.stage, Stage::Finished);
        assert_eq!(g.played.len(), 3);
        let _ = game::SWING_HALF_S;
    }

    #[test]
    fn validate_asks_for_the_units_of_a_real_recording() {
        let copy = HallCopy::new();
        // The station's "real" recording: no sidecar to say it is nm/s.
        let rec = copy.assets().join("recordings/station");
        std::fs::create_dir_all(&rec).unwrap();
        std::fs::copy(
            copy.assets()
                .join("recordings/local-tongliang/SY.HALL.mseed"),
            rec.join("XX.ONE.mseed"),
        )
        .unwrap();
        let file = copy.scene("18-how-big.ron");
        let text = std::fs::read_to_string(&file).unwrap().replace(
            "recordings/local-tongliang/SY.HALL.mseed",
            "recordings/station/XX.ONE.mseed",
        );
        std::fs::write(&file, &text).unwrap();
        let lib = Library::load(&copy.scenes(), &copy.assets());
        let problems: Vec<String> = lib.problems.iter().map(|p| p.to_string()).collect();
        assert!(
            problems.iter().any(|p| p.contains("18-how-big.ron:")
                && p.contains("rounds[0]")
                && p.contains("automatic picker proposes")),
            "{problems:#?}"
        );
        let fixed = text.replace(
            "recording: \"recordings/station/XX.ONE.mseed\",",
            "recording: \"recordings/station/XX.ONE.mseed\", p: \"2026-05-09T10:41:36.83Z\", s: \"2026-05-09T10:41:44.49Z\", distance_km: 59.0,",
        );
        std::fs::write(&file, &fixed).unwrap();
        let lib = Library::load(&copy.scenes(), &copy.assets());
        let problem = lib
            .problems
            .iter()
            .map(|p| p.to_string())
            .find(|p| p.contains("nm_s_per_count"))
            .unwrap_or_else(|| panic!("{:#?}", lib.problems));
        assert!(problem.contains("rounds[0].nm_s_per_count"), "{problem}");
        let fixed = fixed.replace(
            "distance_km: 59.0,",
            "distance_km: 59.0, nm_s_per_count: 1.0,",
        );
        std::fs::write(&file, &fixed).unwrap();
        let lib = Library::load(&copy.scenes(), &copy.assets());
        assert!(lib.problems.is_empty(), "{:#?}", lib.problems);
    }
}

mod quake_or_not {
    use super::*;
    use quakehall::domain::physics::synth::{Sidecar, Source};
    use quakehall::domain::puzzle::features::features;
    use quakehall::domain::waveform::{self, UtcTime};
    use quakehall::kinds::QuakeOrNotParams;
    use quakehall::kinds::quake_or_not::Class;
    use quakehall::kinds::quake_or_not::game::{BINS, Game, PLAY_S, Stage, TABLE_W};

    fn game() -> Game {
        let p: QuakeOrNotParams = shipped("19-quake-or-not");
        let g = p.build(&opening(None)).unwrap();
        assert_eq!(g.rounds.len(), p.rounds.len());
        g
    }

    #[test]
    fn each_class_has_the_features_its_explanation_names() {
        let g = game();
        let mut seen = Vec::new();
        for r in &g.rounds {
            for c in &r.cards {
                let f = c.features;
                seen.push(c.class);
                match c.class {
                    Class::LocalQuake => {
                        // P, then a bigger S, soon after.
                        assert!(f.p_over_s.unwrap() < 0.7, "{f:?}");
                        assert!(f.sp_s.unwrap() < 30.0, "{f:?}");
                    }
                    Class::DistantQuake => {
                        // Slow long waves, S long after P.
                        assert!(f.sp_s.unwrap() > 30.0, "{f:?}");
                        assert!(f.median_hz < 1.5, "{f:?}");
                    }
                    Class::QuarryBlast => {
                        // Strong P, hardly any S, in the daytime.
                        assert!(f.p_over_s.unwrap() > 1.5, "{f:?}");
                        assert!((8.0..18.0).contains(&f.local_hour), "{f:?}");
                    }
                    Class::Traffic => {
                        // Small fast shaking with no P and no S.
                        assert_eq!((f.p_over_s, f.sp_s), (None, None));
                        assert!(f.median_hz > 4.0, "{f:?}");
                    }
                }
            }
        }
        for b in BINS {
            assert!(seen.contains(&b), "no {b:?} card");
        }
    }

    #[test]
    fn every_synthetic_quake_and_blast_is_told_apart_by_its_p_over_s() {
        // On every shipped synthetic record within 250 km, from its true
        // P and S: the quakes' S is the bigger, the blasts' P.
        let dir = root().join("assets/recordings");
        let mut n = 0;
        for ev in std::fs::read_dir(&dir).unwrap().flatten() {
            if !ev.path().is_dir() {
                continue;
            }
            for f in std::fs::read_dir(ev.path()).unwrap().flatten() {
                let path = f.path();
                if path.extension().is_none_or(|e| e != "mseed") {
                    continue;
                }
                let side: Sidecar = serde_json::from_str(
                    &std::fs::read_to_string(path.with_extension("json")).unwrap(),
                )
                .unwrap();
                if side.distance_km > 250.0 || side.event.source == Source::Traffic {
                    continue;
                }
                let first = |s: bool| {
                    side.arrivals
                        .iter()
                        .filter(|a| a.phase.starts_with(['S', 's']) == s)
                        .map(|a| UtcTime::parse_iso(&a.time).unwrap())
                        .min()
                };
                let file = waveform::read_file(&path).unwrap();
                let ft = features(&file.stream.traces, first(false), first(true)).unwrap();
                let ps = ft.p_over_s.unwrap();
                match side.event.source {
                    Source::Explosion => assert!(ps > 1.5, "{}: {ps}", path.display()),
                    _ => assert!(ps < 0.8, "{}: {ps}", path.display()),
                }
                n += 1;
            }
        }
        assert!(n >= 14, "{n} records");
    }

    fn drop_each_right(g: &mut Game) {
        for i in 0..g.round().cards.len() {
            let class = g.round().cards[i].class;
            g.drop_on(i, class);
        }
    }

    #[test]
    fn a_right_table_earns_three_stars_and_a_wrong_bin_nudges() {
        let mut g = game();
        // A card dropped on the wrong bin stays on the table.
        let class = g.round().cards[0].class;
        let wrong = *BINS.iter().find(|&&b| b != class).unwrap();
        g.drop_on(0, wrong);
        assert!(!g.placed[0]);
        assert_eq!(g.miss.unwrap().bin, wrong);
        drop_each_right(&mut g);
        assert!(g.miss.is_none());
        assert_eq!(g.stage, Stage::Sorted);
        assert_eq!(g.round_stars, vec![2]);
        g.next();
        assert_eq!((g.current, g.stage), (1, Stage::Sorting));
        drop_each_right(&mut g);
        assert_eq!(g.round_stars, vec![2, 3]);
        g.next();
        assert_eq!(g.stage, Stage::Finished);
        assert_eq!(g.total_stars(), 5);
        g.restart();
        assert_eq!(
            (g.current, g.stage, g.total_stars()),
            (0, Stage::Sorting, 0)
        );
    }

    #[test]
    fn a_card_is_dragged_into_a_bin_or_tapped_there_and_plays_as_it_goes() {
        let mut g = game();
        let bin_centre = |class: Class| {
            let k = BINS.iter().position(|&b| b == class).unwrap();
            let (l, t, w, h) = Game::bin_rect(k);
            (l + w / 2.0, t + h / 2.0)
        };
        let slot_centre = |g: &Game, i: usize| {
            let (l, t, w, h) = g.slot(i);
            (l + w / 2.0, t + h / 2.0)
        };
        // Pressed: it plays from the start, drawn over PLAY_S seconds.
        let (x, y) = slot_centre(&g, 0);
        g.press(x, y);
        assert_eq!(g.selected, Some(0));
        assert_eq!(g.play_s, 0.0);
        g.advance(1.0);
        assert!((g.play_s - 1.0).abs() < 1e-9);
        g.advance(10.0);
        assert_eq!(g.play_s, PLAY_S);
        // Dropped away from the bins, it goes back.
        g.drag(TABLE_W as f32 / 2.0, 60.0);
        g.release();
        assert!(!g.placed[0] && g.held.is_none());
        // Dragged onto its bin, it stays there.
        g.press(x, y);
        let (bx, by) = bin_centre(g.round().cards[0].class);
        g.drag(bx, by);
        g.release();
        assert!(g.placed[0]);
        // Or: press a card, lift, then tap its bin.
        let (x, y) = slot_centre(&g, 1);
        g.press(x, y);
        g.release();
        assert_eq!(g.selected, Some(1));
        let (bx, by) = bin_centre(g.round().cards[1].class);
        g.press(bx, by);
        assert!(g.placed[1]);
        assert_eq!(g.wrong_drops, 0);
    }

    #[test]
    fn the_second_hint_lights_the_right_bin() {
        let mut g = game();
        g.hint();
        assert_eq!(g.hinted_bin(), None);
        g.hint();
        assert_eq!(g.selected, Some(0));
        assert_eq!(g.hinted_bin(), Some(g.round().cards[0].class));
    }

    #[test]
    fn shot_moments_open_round_n_sorted() {
        let p: QuakeOrNotParams = shipped("19-quake-or-not");
        let g = p.build(&opening(Some(2))).unwrap();
        assert_eq!((g.current, g.stage), (1, Stage::Sorted));
        assert_eq!(g.round_stars, vec![2, 2]);
        let g = p.build(&opening(Some(3))).unwrap();
        assert_eq!(g.stage, Stage::Finished);
    }

    #[test]
    fn validate_names_a_class_its_recording_contradicts() {
        let copy = HallCopy::new();
        let file = copy.scene("19-quake-or-not.ron");
        let text = std::fs::read_to_string(&file).unwrap();
        let needle = "(recording: \"recordings/blast-beibei/SY.HALL.mseed\", class: QuarryBlast)";
        let bad = text.replace(
            needle,
            "(recording: \"recordings/blast-beibei/SY.HALL.mseed\", class: LocalQuake)",
        );
        assert_ne!(bad, text);
        std::fs::write(&file, &bad).unwrap();
        let lib = Library::load(&copy.scenes(), &copy.assets());
        let problem = lib
            .problems
            .iter()
            .map(|p| p.to_string())
            .find(|p| p.contains("rounds[0].cards[1].class"))
            .unwrap_or_else(|| panic!("{:#?}", lib.problems));
        let (line, _) = super::super::common::position_of(&bad, "recordings/blast-beibei");
        assert!(
            problem.contains(&format!("19-quake-or-not.ron:{line}:")),
            "{problem}"
        );
        assert!(problem.contains("Explosion"), "{problem}");
    }
}
