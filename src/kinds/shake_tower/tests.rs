use super::record::GroundRecord;
use super::tower::{Design, Parts, Stage, Tower};
use super::*;
use crate::domain::physics::building::Response;

fn shipped_params() -> ShakeTowerParams {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("scenes/25-shake-tower.ron");
    let text = std::fs::read_to_string(&path).expect("the shipped scene");
    let scene: crate::domain::scene::ExhibitScene =
        crate::domain::scene::parse::parse_ron(&path, &text).expect("it parses");
    <ShakeTowerParams as super::super::InKind>::of(&scene.kind)
        .expect("a ShakeTower")
        .clone()
}

fn opening() -> Opening {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    Opening {
        assets: Some(root.join("assets").as_path().into()),
        ..Opening::default()
    }
}

fn visit() -> Tower {
    shipped_params().build(&opening()).expect("it builds")
}

/// The worst drift over the limit of `design` shaken by record `r`.
fn shake(t: &Tower, design: Design, r: usize) -> (f64, Option<usize>) {
    let mut t = t.clone();
    t.stage = Stage::Building;
    t.choose_record(r);
    // Apply the design through the visitor's own actions.
    while t.design.floors < design.floors {
        t.add_floor();
    }
    while t.design.floors > design.floors {
        t.remove_floor();
    }
    for j in 0..design.floors {
        if t.design.braced[j] != design.braced[j] {
            t.toggle_brace(j);
        }
    }
    if t.design.dampers != design.dampers {
        t.toggle_dampers();
    }
    if t.design.weight != design.weight {
        t.toggle_weight();
    }
    t.shake();
    while t.stage == Stage::Shaking {
        t.advance(0.1);
    }
    let o = t.outcome.unwrap();
    (o.worst, o.failed)
}

/// A tower of `n` floors as the visitor builds it, without damping, for
/// the free-vibration checks.
fn undamped(n: usize) -> (Parts, crate::domain::physics::building::Building) {
    let mut p = visit().parts;
    p.damping_ratio = 0.0;
    (p, Design::plain(n).building(&p))
}

/// The period of free vibration: the mean time between upward zero
/// crossings of the top floor, released from its sway under a steady push
/// at every floor.
#[allow(clippy::needless_range_loop)]
fn free_period(b: &crate::domain::physics::building::Building) -> f64 {
    let k = b.stiffness();
    let n = b.len();
    // The static sway under a unit push at each floor: K u = 1, by
    // Gaussian elimination.
    let mut a = k.clone();
    let mut u = vec![1.0; n];
    for p in 0..n {
        for i in p + 1..n {
            let f = a[i][p] / a[p][p];
            for j in p..n {
                a[i][j] -= f * a[p][j];
            }
            u[i] -= f * u[p];
        }
    }
    for i in (0..n).rev() {
        for j in i + 1..n {
            u[i] -= a[i][j] * u[j];
        }
        u[i] /= a[i][i];
    }
    let mut r = Response::new(b, 0.0005).displaced(&u);
    let mut ups = Vec::new();
    let mut last = r.u[n - 1];
    while ups.len() < 12 && r.t < 60.0 {
        r.step(0.0);
        let now = r.u[n - 1];
        if last < 0.0 && now >= 0.0 {
            // Interpolate the crossing within the step.
            ups.push(r.t - r.dt * now / (now - last));
        }
        last = now;
    }
    (ups[ups.len() - 1] - ups[0]) / (ups.len() - 1) as f64
}

#[test]
fn free_vibration_periods_equal_the_eigenvalue_analysis() {
    for n in [1usize, 5] {
        let (_, b) = undamped(n);
        let eig = b.modes()[0].period_s();
        let sim = free_period(&b);
        assert!((sim - eig).abs() < 0.01 * eig, "{n} storeys: simulated {sim:.4} s, eigenvalues {eig:.4} s");
    }
    // About 0.1 s a storey.
    let (_, five) = undamped(5);
    let t5 = five.modes()[0].period_s();
    assert!((0.4..0.65).contains(&t5), "{t5}");
}

#[test]
fn a_sine_at_resonance_gives_the_largest_drift() {
    let (_, b) = undamped(5);
    let mut b = b;
    // A little damping, so that resonance is finite.
    let w1 = b.modes()[0].omega;
    for s in &mut b.storeys {
        s.damping_n_s_m = 2.0 * 0.02 / w1 * s.stiffness_n_m;
    }
    let t1 = b.modes()[0].period_s();
    let drift = |period: f64| {
        let mut r = Response::new(&b, 0.002);
        let mut worst = 0.0f64;
        while r.t < 20.0 {
            let t = r.t + r.dt;
            r.step((std::f64::consts::TAU * t / period).sin());
            worst = worst.max(r.drift(0).abs());
        }
        worst
    };
    let at = drift(t1);
    for f in [0.5, 0.7, 0.85, 1.15, 1.4, 2.0] {
        assert!(drift(t1 * f) < at, "a sine of {:.2} s drifts more than one at the period {t1:.2} s", t1 * f);
    }
}

#[test]
fn energy_is_bounded_without_input() {
    let t = visit();
    let b = t.design.building(&t.parts);
    let mut r = Response::new(&b, 0.004).displaced(&[0.01, -0.005, 0.02, 0.0, 0.01]);
    let e0 = r.energy();
    let mut last = e0;
    for _ in 0..5000 {
        r.step(0.0);
        let e = r.energy();
        // Damped: never more than it had.
        assert!(e <= last * (1.0 + 1e-9));
        last = e;
    }
    assert!(last < 0.5 * e0);
}

#[test]
fn resonance_decides_which_towers_fall_and_braces_and_dampers_help() {
    let t = visit();
    let (fast, slow) = (0, 1);
    assert!(t.records[fast].dominant_period_s < 0.3);
    assert!(t.records[slow].dominant_period_s > 0.5);
    let short = Design::plain(1);
    let tall = Design::plain(8);
    // A short tower falls to the fast record, not the slow one; a tall
    // tower the other way round.
    assert!(shake(&t, short, fast).1.is_some());
    assert!(shake(&t, short, slow).1.is_none());
    assert!(shake(&t, tall, slow).1.is_some());
    assert!(shake(&t, tall, fast).1.is_none());
    for bad in [(short, fast), (tall, slow)] {
        let mut braced = bad.0;
        braced.braced = [true; super::tower::MAX_FLOORS];
        assert!(shake(&t, braced, bad.1).1.is_none(), "braces save {} floors", bad.0.floors);
        let mut damped = bad.0;
        damped.dampers = true;
        assert!(shake(&t, damped, bad.1).0 < shake(&t, bad.0, bad.1).0);
    }
}

#[test]
fn a_visit_plays_through_to_its_result() {
    let mut t = visit();
    assert_eq!(t.stage, Stage::Building);
    t.add_floor();
    t.toggle_brace(0);
    t.toggle_weight();
    assert!(t.design.braced[0] && t.design.weight);
    let before = t.period_s();
    t.toggle_weight();
    assert!(t.period_s() < before, "a weight on top makes the tower slower");
    t.shake();
    // The design is fixed while it shakes.
    t.add_floor();
    assert_eq!(t.design.floors, 6);
    let mut c = Canvas::new(super::tower::PICTURE_PX, super::tower::PICTURE_PX, Rgba::hex(0));
    while t.stage == Stage::Shaking {
        t.advance(1.0 / 30.0);
        if t.stale() {
            t.draw(&mut c);
        }
    }
    assert_eq!(t.stage, Stage::Result);
    let o = t.outcome.unwrap();
    assert!(o.period_s > 0.0 && o.record_period_s > 0.0);
    assert_eq!(t.shakes, 1);
    t.rebuild();
    assert_eq!(t.stage, Stage::Building);
    t.remove_floor();
    assert_eq!(t.design.floors, 5);
}

#[test]
fn a_record_from_a_file_shakes_the_tower_too() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let r = ShakeRecord {
        name: Bilingual::new("本地", "local"),
        source: RecordSource::File("recordings/local-rongchang/SY.HALL.mseed".into()),
        peak_m_s2: 2.0,
    };
    let g = load_record(&root.join("assets"), &r).expect("a miniSEED record loads");
    assert!((g.peak - 2.0).abs() < 1e-9);
    assert!(g.duration_s() <= super::record::MAX_SHAKE_S + 1e-9);
    let bad = ShakeRecord {
        source: RecordSource::File("recordings/none.mseed".into()),
        ..r
    };
    assert!(load_record(&root.join("assets"), &bad).is_err());
}

#[test]
fn a_synthetic_record_is_the_same_every_time() {
    let a = super::record::stochastic(6.0, 30.0, 50.0, 3);
    let b = super::record::stochastic(6.0, 30.0, 50.0, 3);
    assert_eq!(a, b);
    let g = GroundRecord::new(Bilingual::new("", ""), &a, 50.0, 1.0).unwrap();
    assert!(g.accel.iter().all(|x| x.is_finite()));
}
