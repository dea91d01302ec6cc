use super::countdown::{CityState, Countdown, Event, Quake, Stage};
use super::*;
use crate::domain::physics::geo::{destination, distance_deg, km_per_deg};
use crate::domain::physics::warning::warning;

fn shipped_params() -> EarlyWarningParams {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("scenes/22-early-warning.ron");
    let text = std::fs::read_to_string(&path).expect("the shipped scene");
    let scene: crate::domain::scene::ExhibitScene =
        crate::domain::scene::parse::parse_ron(&path, &text).expect("it parses");
    <EarlyWarningParams as super::super::InKind>::of(&scene.kind)
        .expect("an EarlyWarning")
        .clone()
}

fn visit() -> (EarlyWarningParams, Countdown) {
    let p = shipped_params();
    let c = p.build(&Opening::default()).expect("it builds");
    (p, c)
}

fn stations(p: &EarlyWarningParams) -> Vec<(f64, f64)> {
    p.stations.iter().map(|s| (s.lat, s.lon)).collect()
}

#[test]
fn every_quake_of_the_list_is_worked_out() {
    let (p, c) = visit();
    assert_eq!(c.events.len(), p.quakes.len());
    assert_eq!(c.stage, Stage::Choosing);
    assert_eq!(c.detected(), 0);
}

#[test]
fn countdown_seconds_equal_the_physics_layers_warning_for_each_city() {
    let (p, mut c) = visit();
    let tau = TauModel::shared(&p.model).unwrap();
    let st = stations(&p);
    for (k, q) in p.quakes.iter().enumerate() {
        let times = tau.source(q.depth_km as f64);
        c.start(k);
        let alert = c.event().alert_s;
        // Just after the alert each city (outside the blind zone) counts
        // down exactly the seconds physics::warning gives it.
        c.advance(alert + 1e-6);
        for (i, city) in p.cities.iter().enumerate() {
            let w = warning(&times, (q.lat, q.lon), &st, (city.lat, city.lon), p.system()).unwrap();
            assert_eq!(c.event().cities[i].warning, w);
            assert!((w.alert_s - alert).abs() < 1e-9);
            match c.city_state(i) {
                CityState::Counting { seconds_left } => {
                    assert!(w.warning_s > 0.0);
                    assert!((seconds_left - w.warning_s).abs() < 1e-5, "{}: {seconds_left} vs {}", city.name.en, w.warning_s);
                }
                CityState::Shaking { warned_s, .. } => {
                    assert!(w.warning_s <= 1e-5, "{} shakes before its S wave", city.name.en);
                    assert_eq!(warned_s, w.warning_s);
                }
                CityState::Waiting => panic!("{} has no countdown after the alert", city.name.en),
            }
        }
        // Each city's countdown reaches zero when its S wave arrives.
        let mut order: Vec<(f64, usize)> = c.event().cities.iter().enumerate().map(|(i, w)| (w.warning.s_at_target_s, i)).collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (s_at, i) in order {
            if s_at <= c.t {
                continue;
            }
            c.advance(s_at - c.t - 0.01);
            assert!(matches!(c.city_state(i), CityState::Counting { seconds_left } if seconds_left <= 0.011));
            c.advance(0.02);
            assert!(matches!(c.city_state(i), CityState::Shaking { .. }));
        }
        c.advance(1e6);
        assert_eq!(c.stage, Stage::Done);
        c.again();
    }
}

#[test]
fn the_blind_zone_radius_is_the_physics_layers_and_divides_the_cities() {
    let (p, c) = visit();
    let tau = TauModel::shared(&p.model).unwrap();
    let st = stations(&p);
    for (e, q) in c.events.iter().zip(&p.quakes) {
        let times = tau.source(q.depth_km as f64);
        let w = warning(&times, (q.lat, q.lon), &st, (q.lat, q.lon), p.system()).unwrap();
        assert_eq!(e.blind_zone_km, w.blind_zone_km);
        assert!(e.blind_zone_km > 5.0 && e.blind_zone_km < 120.0, "{}", e.blind_zone_km);
        for cw in &e.cities {
            // Inside the blind zone no warning; outside, some.
            assert_eq!(cw.blind(), cw.distance_km < e.blind_zone_km, "{cw:?}");
        }
        // Points just inside and just outside the edge.
        for (az, sign) in [(0.0, -1.0), (120.0, 1.0)] {
            let d = (e.blind_zone_km + sign * 3.0) / km_per_deg();
            let at = destination(q.lat, q.lon, az, d);
            let w = warning(&times, (q.lat, q.lon), &st, at, p.system()).unwrap();
            assert_eq!(w.warning_s > 0.0, sign > 0.0);
        }
    }
    // The farther city gets more warning (Wenchuan: Chongqing more than Chengdu).
    let wenchuan = &c.events[1];
    assert!(wenchuan.cities[0].warning.warning_s > wenchuan.cities[1].warning.warning_s + 20.0);
}

#[test]
fn the_hall_gets_no_warning_for_a_quake_inside_its_blind_zone() {
    let (p, c) = visit();
    let tau = TauModel::shared(&p.model).unwrap();
    let hall = (p.cities[0].lat, p.cities[0].lon);
    // A quake 10 km from the hall.
    let at = destination(hall.0, hall.1, 200.0, 10.0 / km_per_deg());
    let quake = Quake {
        name: Bilingual::new("近", "near"),
        at,
        depth_km: 8.0,
        magnitude: 5.0,
    };
    let e = Event::new(&tau, quake, &stations(&p), &c.cities, p.system()).unwrap();
    assert!(distance_deg(at.0, at.1, hall.0, hall.1) * km_per_deg() < e.blind_zone_km);
    assert!(e.cities[0].blind());
    let mut run = Countdown::new(vec![e], c.stations.clone(), c.cities.clone());
    run.start(0);
    let mut counted = false;
    while run.stage == Stage::Running {
        run.advance(0.05);
        counted |= matches!(run.city_state(0), CityState::Counting { .. });
    }
    assert!(!counted, "the hall counted down inside the blind zone");
    assert!(matches!(run.city_state(0), CityState::Shaking { warned_s, .. } if warned_s <= 0.0));
}

#[test]
fn the_story_runs_detection_alert_countdown_summary_in_order() {
    let (_, mut c) = visit();
    c.start(1);
    let e = c.event().clone();
    let first = e.detections.iter().flatten().copied().fold(f64::INFINITY, f64::min);
    c.advance(first * 0.8);
    assert_eq!(c.detected(), 0);
    assert!(!c.alerted());
    assert!(c.fronts_km().0.is_some_and(|p| p > 0.0));
    c.advance(e.alert_s - c.t - 0.01);
    assert!(c.detected() >= 4);
    assert!(!c.alerted());
    c.advance(0.02);
    assert!(c.alerted());
    // The fronts: S behind P.
    let (p, s) = c.fronts_km();
    assert!(p.unwrap() > s.unwrap_or(0.0));
    let mut map = Canvas::new(MAP_PX, MAP_PX, map::colours::BACKGROUND);
    assert!(c.stale());
    c.draw(&mut map);
    assert!(!c.stale());
    c.advance(0.2);
    assert!(c.stale());
    c.advance(1e6);
    assert_eq!(c.stage, Stage::Done);
    assert_eq!(c.played, 1);
    c.again();
    assert_eq!(c.stage, Stage::Choosing);
}

#[test]
fn shot_moments_show_the_countdown_and_the_summary() {
    let p = shipped_params();
    let open = |n| p.build(&Opening { moment: Some(n), ..Opening::default() }).unwrap();
    let a = open(1);
    assert_eq!(a.stage, Stage::Running);
    assert!(a.alerted());
    assert!(matches!(a.city_state(0), CityState::Counting { .. }));
    assert_eq!(open(9).stage, Stage::Done);
}
