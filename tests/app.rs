//! Headless app tests: the real plugins on `MinimalPlugins`, time driven by
//! hand, no window and no GPU.

use std::time::Duration;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bevy::window::{WindowCloseRequested, WindowPlugin};

use quakehall::app::curator::ProblemNotice;
use quakehall::app::exhibits::ExhibitSession;
use quakehall::app::exhibits::tank::TankSim;
use quakehall::app::hall::Hall;
use quakehall::app::idle::VisitorActivity;
use quakehall::app::widgets::{Localized, ToggleLanguage};
use quakehall::app::{CurrentExhibit, HallOptions, Screen, UiLang};
use quakehall::domain::scene::validate::is_cjk;
use quakehall::domain::text::Lang;

use super::common::HallCopy;

const STEP: Duration = Duration::from_millis(250);

/// The hall's plugins on `MinimalPlugins` (and keyboard and mouse input
/// when `input`), time advancing by `STEP` per update. Not yet updated.
fn bare(copy: &HallCopy, kiosk: bool, input: bool) -> (App, HallOptions) {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    if input {
        app.add_plugins(bevy::input::InputPlugin);
    }
    app.insert_resource(TimeUpdateStrategy::ManualDuration(STEP));
    let mut opts = HallOptions::for_root(copy.dir.path());
    opts.kiosk = kiosk;
    app.insert_resource(opts.clone());
    (app, opts)
}

fn headless(copy: &HallCopy, kiosk: bool) -> App {
    let (mut app, _) = bare(copy, kiosk, false);
    app.add_plugins(quakehall::app::plugin);
    app.update();
    app
}

fn step(app: &mut App, seconds: f32) {
    let n = (seconds / STEP.as_secs_f32()).ceil() as usize;
    for _ in 0..n {
        app.update();
    }
}

fn go(app: &mut App, screen: Screen, exhibit: Option<&str>) {
    app.world_mut().resource_mut::<CurrentExhibit>().0 = exhibit.map(str::to_owned);
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(screen);
    step(app, 0.5);
    assert_eq!(*app.world().resource::<State<Screen>>().get(), screen);
}

/// Whether a problem notice is on screen.
fn notice_shown(app: &mut App) -> bool {
    app.world_mut()
        .query::<&ProblemNotice>()
        .iter(app.world())
        .next()
        .is_some()
}

fn texts(app: &mut App) -> Vec<(Option<Localized>, String)> {
    let mut q = app.world_mut().query::<(&Text, Option<&Localized>)>();
    q.iter(app.world())
        .map(|(t, l)| (l.cloned(), t.0.clone()))
        .collect()
}

#[test]
fn starts_on_the_attract_loop_in_chinese() {
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    step(&mut app, 0.5);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Attract
    );
    assert_eq!(app.world().resource::<UiLang>().0, Lang::Zh);
    let all = texts(&mut app);
    assert!(all.iter().any(|(_, t)| t == "触摸开始"), "{all:?}");
}

#[test]
fn idle_timeout_returns_to_attract_and_clears_exhibit_state() {
    let copy = HallCopy::new();
    let mut app = headless(&copy, true);
    go(&mut app, Screen::Exhibit, Some("15-station"));
    {
        let mut session = app.world_mut().resource_mut::<ExhibitSession>();
        assert_eq!(session.exhibit.as_deref(), Some("15-station"));
        assert!(session.book.next_page() && session.book.next_page());
    }
    app.world_mut().resource_mut::<UiLang>().0 = Lang::En;
    let timeout = app.world().resource::<Hall>().hall.idle_timeout_s;

    // A visitor who keeps touching keeps the exhibit.
    for _ in 0..4 {
        step(&mut app, timeout * 0.5);
        app.world_mut().write_message(VisitorActivity);
    }
    step(&mut app, 0.5);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Exhibit
    );
    assert_eq!(app.world().resource::<ExhibitSession>().book.page(), 2);

    // One who walks away: back to attract, everything forgotten.
    step(&mut app, timeout + 1.0);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Attract
    );
    assert_eq!(app.world().resource::<CurrentExhibit>().0, None);
    let session = app.world().resource::<ExhibitSession>();
    assert_eq!(session.exhibit, None);
    assert_eq!(session.book.page(), 0);
    assert_eq!(app.world().resource::<UiLang>().0, Lang::Zh);
}

#[test]
fn language_toggle_changes_every_text() {
    let copy = HallCopy::new();
    for (screen, exhibit) in [
        (Screen::Home, None),
        (Screen::Exhibit, Some("15-station")),
        (Screen::Exhibit, Some("27-great-earthquakes")),
    ] {
        let mut app = headless(&copy, false);
        go(&mut app, screen, exhibit);
        let before = texts(&mut app);
        assert!(before.len() > 5, "{screen:?}: too few texts");
        for (loc, t) in &before {
            if let Some(l) = loc {
                assert_eq!(t, &l.0.zh, "{screen:?}");
            }
        }
        app.world_mut().trigger(ToggleLanguage);
        step(&mut app, 0.5);
        assert_eq!(app.world().resource::<UiLang>().0, Lang::En);
        let after = texts(&mut app);
        let mut localized = 0;
        for (loc, t) in &after {
            match loc {
                Some(l) => {
                    localized += 1;
                    assert_eq!(t, &l.0.en, "{screen:?}");
                }
                // Texts that are not localized must read the same in both
                // languages, apart from the toggle's own 中.
                None => assert!(
                    t == "中" || !t.chars().any(is_cjk),
                    "{screen:?}: Chinese text {t:?} does not follow the language"
                ),
            }
        }
        assert!(localized > 5);
        app.world_mut().trigger(ToggleLanguage);
        step(&mut app, 0.5);
        assert!(
            texts(&mut app)
                .iter()
                .all(|(l, t)| l.as_ref().is_none_or(|l| t == &l.0.zh))
        );
    }
}

#[test]
fn kiosk_mode_ignores_exit_requests() {
    for kiosk in [true, false] {
        let copy = HallCopy::new();
        let (mut app, opts) = bare(&copy, kiosk, true);
        app.add_plugins(quakehall::app::window::window_plugin(&opts));
        app.add_plugins((quakehall::app::plugin, quakehall::app::window::plugin));
        app.update();
        let window = app
            .world_mut()
            .query_filtered::<Entity, With<Window>>()
            .single(app.world())
            .expect("one window");

        // Ctrl+Q, Esc and Alt+F4.
        {
            let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
            keys.press(KeyCode::ControlLeft);
            keys.press(KeyCode::KeyQ);
            keys.press(KeyCode::Escape);
            keys.press(KeyCode::AltLeft);
            keys.press(KeyCode::F4);
        }
        // The window's close button (and Alt+F4 through the window manager).
        app.world_mut()
            .write_message(WindowCloseRequested { window });
        app.update();
        app.update();
        let window_still_there = app.world().get_entity(window).is_ok();
        if kiosk {
            assert!(app.should_exit().is_none(), "kiosk exited");
            assert!(window_still_there, "kiosk window was closed");
        } else {
            assert!(
                app.should_exit().is_some() || !window_still_there,
                "windowed hall ignored Ctrl+Q and close"
            );
        }
    }
    let copy = HallCopy::new();
    let mut opts = HallOptions::for_root(copy.dir.path());
    opts.kiosk = true;
    let wp: WindowPlugin = quakehall::app::window::window_plugin(&opts);
    assert!(!wp.close_when_requested);
    assert!(matches!(
        wp.exit_condition,
        bevy::window::ExitCondition::DontExit
    ));
    assert!(!wp.primary_cursor_options.unwrap().visible);
}

#[test]
fn hot_reload_shows_good_saves_and_keeps_the_old_scene_on_broken_ones() {
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("15-station"));
    let path = copy.scene("15-station.ron");
    let good = std::fs::read_to_string(&path).unwrap();

    // A good save appears on screen within a second.
    std::fs::write(&path, good.replace("走进地震台", "走进重庆地震台")).unwrap();
    step(&mut app, 1.0);
    assert!(texts(&mut app).iter().any(|(_, t)| t == "走进重庆地震台"));
    assert!(!notice_shown(&mut app));

    // A broken save keeps the last good version and shows the problem.
    std::fs::write(&path, &good[..good.len() / 2]).unwrap();
    step(&mut app, 1.0);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Exhibit
    );
    assert!(texts(&mut app).iter().any(|(_, t)| t == "走进重庆地震台"));
    assert!(app.world().resource::<Hall>().error_count() > 0);
    assert!(notice_shown(&mut app));
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|(_, t)| t.contains("15-station.ron:") && t.contains("error")),
        "{shown:?}"
    );

    // Fixing it clears the notice.
    std::fs::write(&path, &good).unwrap();
    step(&mut app, 1.0);
    assert!(texts(&mut app).iter().any(|(_, t)| t == "走进地震台"));
    assert!(!notice_shown(&mut app));
}

#[test]
fn kiosk_shows_problems_to_curators_only() {
    let copy = HallCopy::new();
    let mut app = headless(&copy, true);
    go(&mut app, Screen::Home, None);
    std::fs::write(copy.scene("15-station.ron"), "(broken").unwrap();
    step(&mut app, 1.0);
    assert!(app.world().resource::<Hall>().error_count() > 0);
    assert!(!notice_shown(&mut app));
    // The exhibit is still listed (last good version).
    assert!(texts(&mut app).iter().any(|(_, t)| t == "走进地震台"));
}

#[test]
fn wrong_pins_lock_the_curator_pad() {
    use quakehall::app::curator::{Curator, CuratorMode};
    use quakehall::domain::kiosk::pin::PinOutcome;
    let copy = HallCopy::new();
    let mut app = headless(&copy, true);
    step(&mut app, 0.5);
    let pin = app.world().resource::<Hall>().hall.curator_pin.clone();
    let now = app.world().resource::<Time>().elapsed_secs_f64();
    let mut curator = app.world_mut().resource_mut::<Curator>();
    assert_eq!(curator.mode, CuratorMode::Closed);
    for _ in 0..4 {
        assert!(matches!(
            curator.gate.try_pin(now, "0000", &pin),
            PinOutcome::Wrong { .. }
        ));
    }
    assert!(matches!(
        curator.gate.try_pin(now, "0000", &pin),
        PinOutcome::Locked { .. }
    ));
    assert!(matches!(
        curator.gate.try_pin(now + 59.0, "2468", &pin),
        PinOutcome::Locked { .. }
    ));
    assert_eq!(
        curator.gate.try_pin(now + 61.0, "2468", &pin),
        PinOutcome::Accepted
    );
}

#[test]
fn holding_the_corner_five_seconds_opens_the_pin_pad() {
    use quakehall::app::curator::{Curator, CuratorMode};
    let copy = HallCopy::new();
    let (mut app, _) = bare(&copy, true, true);
    app.add_plugins(quakehall::app::plugin);
    let mut window = Window::default();
    window.set_cursor_position(Some(Vec2::new(20.0, 30.0)));
    app.world_mut().spawn(window);
    app.update();

    let press = |app: &mut App, down: bool| {
        let mut mouse = app.world_mut().resource_mut::<ButtonInput<MouseButton>>();
        if down {
            mouse.press(MouseButton::Left);
        } else {
            mouse.release(MouseButton::Left);
        }
    };
    // A three-second press is a visitor's tap gone long: nothing happens.
    press(&mut app, true);
    step(&mut app, 3.0);
    press(&mut app, false);
    step(&mut app, 0.5);
    assert_eq!(app.world().resource::<Curator>().mode, CuratorMode::Closed);
    // Five seconds on the corner opens the PIN pad.
    press(&mut app, true);
    step(&mut app, 5.5);
    assert_eq!(app.world().resource::<Curator>().mode, CuratorMode::PinPad);
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|(l, _)| l.as_ref().is_some_and(|l| l.0.zh == "请输入管理密码")),
        "{shown:?}"
    );
}

#[test]
fn every_button_is_a_comfortable_touch_target() {
    use quakehall::app::curator::{Curator, CuratorMode};
    use quakehall::app::widgets::TOUCH_PX;
    let copy = HallCopy::new();
    let mut app = headless(&copy, true);
    app.world_mut().resource_mut::<Curator>().mode = CuratorMode::PinPad;
    let screens = [
        (Screen::Attract, None),
        (Screen::Home, None),
        (Screen::Exhibit, Some("15-station")),
        (Screen::Exhibit, Some("27-great-earthquakes")),
        (Screen::Exhibit, Some("06-wave-types")),
        (Screen::Exhibit, Some("07-wave-race")),
        (Screen::Exhibit, Some("08-through-earth")),
        (Screen::Exhibit, Some("09-sand-table")),
        (Screen::Exhibit, Some("10-make-waves")),
    ];
    let mut checked = 0;
    for (screen, exhibit) in screens {
        if screen != Screen::Attract {
            go(&mut app, screen, exhibit);
        } else {
            step(&mut app, 0.5);
        }
        let mut q = app.world_mut().query_filtered::<&Node, With<Button>>();
        for node in q.iter(app.world()) {
            let px = |v: Val| if let Val::Px(p) = v { p } else { 0.0 };
            let tall = px(node.height).max(px(node.min_height));
            let wide = px(node.width).max(px(node.min_width));
            let width_from_layout = matches!(node.width, Val::Auto | Val::Percent(_));
            assert!(
                tall >= TOUCH_PX,
                "{screen:?}: a button {tall} px tall: {node:?}"
            );
            assert!(
                wide >= TOUCH_PX || width_from_layout,
                "{screen:?}: a button {wide} px wide"
            );
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} buttons found");
}

#[test]
fn wave_tank_runs_while_open_restarts_on_edit_and_stops_on_leave() {
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("10-make-waves"));
    let time = |app: &App| {
        let tank = app.world().resource::<TankSim>();
        tank.sim.as_ref().map(|s| s.tank.time_s)
    };
    let t0 = time(&app).expect("the tank runs while its exhibit is open");
    {
        let tank = app.world().resource::<TankSim>();
        let sim = tank.sim.as_ref().unwrap();
        assert!(sim.tank.kinetic_energy() > 0.0, "the opening quake shakes");
    }

    // A language change redraws the screen but keeps the waves going.
    app.world_mut().trigger(ToggleLanguage);
    step(&mut app, 0.5);
    assert_eq!(app.world().resource::<UiLang>().0, Lang::En);
    let t1 = time(&app).unwrap();
    assert!(t1 > t0);

    // A curator's edit restarts the tank with the new numbers.
    let path = copy.scene("10-make-waves.ron");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        good.replace("steps_per_frame: 6", "steps_per_frame: 7"),
    )
    .unwrap();
    step(&mut app, 1.0);
    let tank = app.world().resource::<TankSim>();
    assert_eq!(tank.scene().map(|p| p.steps_per_frame), Some(7));

    // Leaving stops it.
    go(&mut app, Screen::Home, None);
    assert!(time(&app).is_none());
}

#[test]
fn wave_race_starts_on_a_guess_and_shows_each_arrival() {
    use quakehall::app::exhibits::race::RaceSim;
    use quakehall::domain::exhibit::race::{Runner, Stage};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("07-wave-race"));
    {
        let sim = app.world().resource::<RaceSim>();
        let race = sim.race.as_ref().expect("the race is ready");
        assert_eq!(race.stage, Stage::Predict);
    }
    step(&mut app, 5.0);
    assert_eq!(
        app.world()
            .resource::<RaceSim>()
            .race
            .as_ref()
            .unwrap()
            .stage,
        Stage::Predict,
        "nothing runs before the guess"
    );
    app.world_mut()
        .resource_mut::<RaceSim>()
        .race
        .as_mut()
        .unwrap()
        .predict(Runner::Surface);
    // Paused, the race stands still.
    let race_clock = |app: &App| {
        app.world()
            .resource::<RaceSim>()
            .race
            .as_ref()
            .unwrap()
            .clock()
    };
    app.world_mut().resource_mut::<RaceSim>().clock.toggle();
    step(&mut app, 1.0);
    let paused = race_clock(&app);
    step(&mut app, 1.0);
    assert_eq!(race_clock(&app), paused);
    app.world_mut().resource_mut::<RaceSim>().clock.toggle();
    // The shipped scene runs ten race seconds a second: two minutes of
    // waves take twelve seconds.
    step(&mut app, 15.0);
    let race = app.world().resource::<RaceSim>().race.clone().unwrap();
    assert_eq!(race.stage, Stage::Finished);
    assert_eq!(race.guessed_right(), Some(false));
    let shown = texts(&mut app);
    for r in Runner::ALL {
        let want = format!("{:.1} 秒到达", race.arrival(r));
        assert!(
            shown.iter().any(|(_, t)| *t == want),
            "{want} not in {shown:?}"
        );
    }
    assert!(shown.iter().any(|(_, t)| t == "没猜对，再试一次吧。"));
}

#[test]
fn through_the_earth_runs_and_a_touch_moves_the_quake() {
    use quakehall::app::exhibits::earth::EarthSim;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("08-through-earth"));
    step(&mut app, 2.0);
    let clock = |app: &App| {
        let sim = app.world().resource::<EarthSim>();
        let e = sim.sim.as_ref().expect("the Earth is shown");
        (e.clock_s, e.depth_km(), e.stations.len())
    };
    let (t, depth, stations) = clock(&app);
    // A minute of travel per second.
    assert!(t > 60.0, "{t}");
    assert_eq!((depth, stations), (33.0, 5));
    app.world_mut()
        .resource_mut::<EarthSim>()
        .sim
        .as_mut()
        .unwrap()
        .touch(0.5, 0.1);
    step(&mut app, 0.25);
    let (t, depth, _) = clock(&app);
    assert!(t < 60.0 && depth > 33.0, "{t} s, {depth} km");
    // Paused, the waves stand still; at double speed they run 120 s a second.
    app.world_mut().resource_mut::<EarthSim>().clock.toggle();
    step(&mut app, 1.0);
    let (paused_at, _, _) = clock(&app);
    step(&mut app, 1.0);
    assert_eq!(clock(&app).0, paused_at);
    {
        let mut sim = app.world_mut().resource_mut::<EarthSim>();
        sim.clock.toggle();
        sim.clock.next_speed();
    }
    step(&mut app, 1.0);
    let ran = clock(&app).0 - paused_at;
    assert!((ran - 120.0).abs() < 1e-6, "{ran}");
    go(&mut app, Screen::Home, None);
    assert!(app.world().resource::<EarthSim>().sim.is_none());
}

#[test]
fn four_kinds_of_waves_switch_on_a_tap_and_keep_moving() {
    use quakehall::app::exhibits::wave_types::WaveTypesSim;
    use quakehall::domain::physics::motion::WaveKind;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("06-wave-types"));
    let state = |app: &App| {
        let sim = app.world().resource::<WaveTypesSim>();
        let w = sim.sim.as_ref().expect("the block is shown");
        (w.kind, w.clock_s, w.speed_km_s())
    };
    let (kind, t0, speed) = state(&app);
    assert_eq!((kind, speed), (WaveKind::P, 6.0));
    // The wave buttons are the kind names; choosing S redraws with its speed.
    app.world_mut()
        .resource_mut::<WaveTypesSim>()
        .sim
        .as_mut()
        .unwrap()
        .show(WaveKind::S);
    app.world_mut()
        .resource_mut::<quakehall::app::hall::RebuildScreen>()
        .0 = true;
    step(&mut app, 0.5);
    let (kind, t1, speed) = state(&app);
    assert_eq!(kind, WaveKind::S);
    assert!(t1 > t0);
    assert!((speed - 3.46).abs() < 1e-9);
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|(_, t)| t.starts_with("速度 3.46 公里/秒")),
        "{shown:?}"
    ); // Dragging the slow-motion slider to its left end slows the waves to a
    // tenth; the right end is normal speed.
    let rate = |app: &App| {
        app.world()
            .resource::<WaveTypesSim>()
            .sim
            .as_ref()
            .unwrap()
            .rate
    };
    assert_eq!(rate(&app), 1.0);
    let mut q = app
        .world_mut()
        .query::<&mut quakehall::app::widgets::Slider>();
    let mut sliders: Vec<_> = q.iter_mut(app.world_mut()).collect();
    assert_eq!(sliders.len(), 1);
    sliders[0].value = 0.0;
    step(&mut app, 0.25);
    assert!((rate(&app) - 0.1).abs() < 1e-9, "{}", rate(&app));
    let (_, before, _) = state(&app);
    step(&mut app, 1.0);
    let (_, after, _) = state(&app);
    assert!((after - before - 0.1).abs() < 1e-6, "{before} -> {after}");
}

#[test]
fn sand_table_quakes_on_a_tap_turns_and_reports_arrivals() {
    use quakehall::app::exhibits::sand::{SandSim, TABLE_H, TABLE_W};
    use quakehall::domain::kiosk::touch::Gesture;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("09-sand-table"));
    let clock = |app: &App| {
        let sim = app.world().resource::<SandSim>();
        let t = sim.table.as_ref().expect("the table is shown");
        t.quake.as_ref().map(|q| (q.clock_s, q.lat, q.magnitude))
    };
    // The opening quake runs in real time.
    let (t0, lat, _) = clock(&app).expect("the opening quake");
    assert!((lat - 29.40).abs() < 1e-9);
    step(&mut app, 1.0);
    let (t1, _, _) = clock(&app).unwrap();
    assert!((t1 - t0 - 1.0).abs() < 1e-6, "{t0} -> {t1}");
    // Once the hall's P wave has arrived, its readout says when.
    let p = {
        let sim = app.world().resource::<SandSim>();
        let t = sim.table.as_ref().unwrap();
        t.stations[0].arrival.as_ref().unwrap().p_s
    };
    step(&mut app, (p - t1) as f32 + 0.5);
    let want = format!("P波 {p:.1}秒");
    assert!(
        texts(&mut app).iter().any(|(_, t)| t.starts_with(&want)),
        "{want} not shown"
    );
    // Choose magnitude 5, then tap the middle of the picture: a new quake
    // of that size starts there.
    {
        let mut sim = app.world_mut().resource_mut::<SandSim>();
        let t = sim.table.as_mut().unwrap();
        t.magnitude = 5.0;
        assert!(t.tap(TABLE_W as f32 / 2.0, TABLE_H as f32 / 2.0, 100.0));
    }
    let (t2, lat2, m) = clock(&app).unwrap();
    assert_eq!((t2, m), (0.0, 5.0));
    assert!((lat2 - 29.40).abs() > 0.01, "the quake moved to the tap");
    // Dragging turns the table; a double tap puts it back.
    let home = {
        let mut sim = app.world_mut().resource_mut::<SandSim>();
        let t = sim.table.as_mut().unwrap();
        let home = t.view.camera;
        t.view
            .camera
            .apply(Gesture::Orbit(100.0, 0.0), TABLE_H as f32);
        assert_ne!(t.view.camera.yaw_deg, home.yaw_deg);
        t.view
            .camera
            .apply(Gesture::DoubleTap(0.0, 0.0), TABLE_H as f32);
        home
    };
    step(&mut app, 0.25);
    let sim = app.world().resource::<SandSim>();
    assert_eq!(sim.table.as_ref().unwrap().view.camera, home);
    // A curator's edit rebuilds the table with the new depth.
    let path = copy.scene("09-sand-table.ron");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, good.replace("depth_km: 8.0", "depth_km: 12.0")).unwrap();
    step(&mut app, 1.0);
    let sim = app.world().resource::<SandSim>();
    assert_eq!(sim.table.as_ref().unwrap().depth_km, 12.0);
    // Leaving forgets it.
    go(&mut app, Screen::Home, None);
    assert!(app.world().resource::<SandSim>().table.is_none());
}

#[test]
fn theatre_tells_its_story_scrubs_and_starts_again() {
    use quakehall::app::exhibits::theatre::{HOLD_S, TheatreSim};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("05-earthquake-forms"));
    let now = |app: &App| {
        let sim = app.world().resource::<TheatreSim>();
        let t = sim.theatre.as_ref().expect("the story is shown");
        (t.time_s, t.step_index(), t.length_s)
    };
    let (t0, first, length) = now(&app);
    assert_eq!(first, 0);
    assert!(
        texts(&mut app)
            .iter()
            .any(|(_, t)| t.starts_with("重庆的地下"))
    );
    step(&mut app, 1.0);
    assert!((now(&app).0 - t0 - 1.0).abs() < 1e-6);
    // Scrubbing to the rupture shows its caption.
    app.world_mut()
        .resource_mut::<TheatreSim>()
        .theatre
        .as_mut()
        .unwrap()
        .scrub(14.5 / length);
    step(&mut app, 0.25);
    assert_eq!(now(&app).1, 2);
    assert!(
        texts(&mut app)
            .iter()
            .any(|(_, t)| t.starts_with("岩石再也承受不住"))
    );
    // Paused, the story stands still.
    app.world_mut().resource_mut::<TheatreSim>().clock.toggle();
    let (paused, _, _) = now(&app);
    step(&mut app, 1.0);
    assert_eq!(now(&app).0, paused);
    app.world_mut().resource_mut::<TheatreSim>().clock.toggle();
    // At the end it holds the last frame, then starts again.
    app.world_mut()
        .resource_mut::<TheatreSim>()
        .theatre
        .as_mut()
        .unwrap()
        .scrub(1.0);
    step(&mut app, HOLD_S as f32 - 1.0);
    assert_eq!(now(&app).0, length);
    step(&mut app, 1.5);
    assert!(now(&app).0 < 1.0, "started again");
    // A curator's edit of the story takes effect at once.
    let path = copy.scene("05-earthquake-forms.ron");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, good.replace("length_s: 46.0", "length_s: 50.0")).unwrap();
    step(&mut app, 1.0);
    assert_eq!(now(&app).2, 50.0);
}

#[test]
fn projectors_show_slices_of_the_theatre_and_the_title_otherwise() {
    use quakehall::app::projectors::{ProjectorWindow, slice};
    let copy = HallCopy::new();
    let (mut app, _) = bare(&copy, false, false);
    app.add_plugins(bevy::asset::AssetPlugin::default())
        .init_asset::<Image>();
    app.world_mut().resource_mut::<HallOptions>().projectors = 2;
    app.add_plugins(quakehall::app::plugin);
    app.update();
    let windows = app
        .world_mut()
        .query::<(&Window, &ProjectorWindow)>()
        .iter(app.world())
        .count();
    assert_eq!(windows, 2);
    let shown = |app: &mut App| {
        let mut q = app.world_mut().query::<(&ImageNode, &Visibility)>();
        q.iter(app.world())
            .filter(|(i, _)| i.rect.is_some())
            .map(|(i, v)| (i.rect.unwrap(), *v))
            .collect::<Vec<_>>()
    };
    // Home: the projectors show the title, no picture.
    go(&mut app, Screen::Home, None);
    assert!(shown(&mut app).is_empty());
    go(&mut app, Screen::Exhibit, Some("05-earthquake-forms"));
    step(&mut app, 0.5);
    let mut rects: Vec<Rect> = shown(&mut app)
        .into_iter()
        .filter(|(_, v)| *v != Visibility::Hidden)
        .map(|(r, _)| r)
        .collect();
    rects.sort_by(|a, b| a.min.x.total_cmp(&b.min.x));
    let (w, h) = quakehall::app::exhibits::theatre::stage_size(2);
    assert_eq!(
        rects,
        vec![
            slice(0, 2, w as f32, h as f32),
            slice(1, 2, w as f32, h as f32)
        ]
    );
    assert!(
        w as f32 / h as f32 > 3.5,
        "two 16:9 projectors side by side"
    ); // The sand table: the first projector shows the view from above.
    go(&mut app, Screen::Exhibit, Some("09-sand-table"));
    step(&mut app, 0.5);
    let visible: Vec<Rect> = shown(&mut app)
        .into_iter()
        .filter(|(_, v)| *v != Visibility::Hidden)
        .map(|(r, _)| r)
        .collect();
    use quakehall::app::exhibits::sand::{TOP_H, TOP_W};
    assert_eq!(
        visible,
        vec![Rect::new(0.0, 0.0, TOP_W as f32, TOP_H as f32)]
    );
}

/// Sends a pointer event to `entity` as a finger would (observers run at
/// once; the frame is not advanced).
fn finger<E: std::fmt::Debug + Clone + bevy::reflect::Reflect>(
    app: &mut App,
    entity: Entity,
    id: u64,
    at: Vec2,
    event: E,
) {
    use bevy::camera::NormalizedRenderTarget;
    use bevy::picking::pointer::{Location, PointerId};
    let location = Location {
        target: NormalizedRenderTarget::None {
            width: 1280,
            height: 720,
        },
        position: at,
    };
    app.world_mut()
        .trigger(Pointer::new(PointerId::Touch(id), location, event, entity));
}

#[test]
fn sand_table_follows_real_pointer_events() {
    use bevy::picking::backend::HitData;
    use bevy::picking::pointer::PointerButton;
    use quakehall::app::exhibits::sand::{SandSim, TablePicture};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("09-sand-table"));
    // Lay the picture out by hand (headless tests have no UI layout): 720
    // by 540 pixels with its centre at (400, 300).
    let picture = app
        .world_mut()
        .query_filtered::<Entity, With<TablePicture>>()
        .single(app.world())
        .expect("the table's picture");
    app.world_mut().entity_mut(picture).insert((
        ComputedNode {
            size: Vec2::new(720.0, 540.0),
            ..default()
        },
        UiGlobalTransform::from_translation(Vec2::new(400.0, 300.0)),
    ));
    let hit = HitData::new(Entity::PLACEHOLDER, 0.0, None, None);
    let press = Press {
        button: PointerButton::Primary,
        hit: hit.clone(),
        count: 1,
    };
    let release = Release {
        button: PointerButton::Primary,
        hit,
    };
    let state = |app: &App| {
        let sim = app.world().resource::<SandSim>();
        let t = sim.table.as_ref().unwrap();
        (t.quake.as_ref().map(|q| (q.lat, q.lon)), t.view.camera)
    };
    let (opening, home) = state(&app);
    // A tap in the middle of the picture: a quake under it.
    let centre = Vec2::new(400.0, 300.0);
    finger(&mut app, picture, 1, centre, press.clone());
    finger(&mut app, picture, 1, centre, release.clone());
    app.update();
    let (tapped, camera) = state(&app);
    assert_ne!(tapped, opening, "a new quake");
    assert_eq!(camera, home);
    // A one-finger drag turns the table and sets off nothing.
    finger(&mut app, picture, 2, centre, press.clone());
    for k in 1..=5 {
        let at = centre + Vec2::new(20.0 * k as f32, 0.0);
        let drag = Drag {
            button: PointerButton::Primary,
            distance: at - centre,
            delta: Vec2::new(20.0, 0.0),
        };
        finger(&mut app, picture, 2, at, drag);
    }
    finger(
        &mut app,
        picture,
        2,
        centre + Vec2::new(100.0, 0.0),
        release.clone(),
    );
    let (after_drag, turned) = state(&app);
    assert_eq!(after_drag, tapped, "a drag is no tap");
    assert!((turned.yaw_deg - home.yaw_deg).abs() > 10.0, "{turned:?}");
    // A double tap puts the view back (the first of the two taps comes
    // within the quake gap of nothing, so it may set off a quake).
    for _ in 0..2 {
        finger(&mut app, picture, 3, centre, press.clone());
        finger(&mut app, picture, 3, centre, release.clone());
    }
    app.update();
    assert_eq!(state(&app).1, home);
}

#[test]
fn dragging_the_timeline_and_the_slider_moves_the_story_and_the_waves() {
    use bevy::picking::backend::HitData;
    use bevy::picking::pointer::PointerButton;
    use quakehall::app::exhibits::theatre::{TheatreSim, Timeline};
    use quakehall::app::exhibits::wave_types::WaveTypesSim;
    use quakehall::app::widgets::Slider;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    // Lays a node out by hand: `w` pixels wide, centred on (500, 500).
    let lay_out = |app: &mut App, e: Entity, w: f32| {
        app.world_mut().entity_mut(e).insert((
            ComputedNode {
                size: Vec2::new(w, 96.0),
                ..default()
            },
            UiGlobalTransform::from_translation(Vec2::new(500.0, 500.0)),
        ));
    };
    let press = Press {
        button: PointerButton::Primary,
        hit: HitData::new(Entity::PLACEHOLDER, 0.0, None, None),
        count: 1,
    };
    go(&mut app, Screen::Exhibit, Some("05-earthquake-forms"));
    let timeline = app
        .world_mut()
        .query_filtered::<Entity, With<Timeline>>()
        .single(app.world())
        .unwrap();
    lay_out(&mut app, timeline, 800.0);
    // A quarter of the way along the track (it spans x = 100..900).
    finger(
        &mut app,
        timeline,
        1,
        Vec2::new(300.0, 500.0),
        press.clone(),
    );
    let sim = app.world().resource::<TheatreSim>();
    let t = sim.theatre.as_ref().unwrap();
    assert!((t.time_s - 0.25 * t.length_s).abs() < 1e-3, "{}", t.time_s);
    // Dragging on to three quarters.
    let drag = Drag {
        button: PointerButton::Primary,
        distance: Vec2::new(400.0, 0.0),
        delta: Vec2::new(400.0, 0.0),
    };
    finger(&mut app, timeline, 1, Vec2::new(700.0, 500.0), drag);
    let sim = app.world().resource::<TheatreSim>();
    let t = sim.theatre.as_ref().unwrap();
    assert!((t.time_s - 0.75 * t.length_s).abs() < 1e-3, "{}", t.time_s);

    go(&mut app, Screen::Exhibit, Some("06-wave-types"));
    let slider = app
        .world_mut()
        .query_filtered::<Entity, With<Slider>>()
        .single(app.world())
        .unwrap();
    lay_out(&mut app, slider, 400.0);
    // The left end of the slider (x = 300) is the slowest motion.
    finger(&mut app, slider, 2, Vec2::new(300.0, 500.0), press);
    app.update();
    let rate = app
        .world()
        .resource::<WaveTypesSim>()
        .sim
        .as_ref()
        .unwrap()
        .rate;
    assert!((rate - 0.1).abs() < 1e-6, "{rate}");
}

#[test]
fn wave_exhibits_rebuild_when_a_curator_saves_their_scene() {
    use quakehall::app::exhibits::earth::EarthSim;
    use quakehall::app::exhibits::race::RaceSim;
    use quakehall::app::exhibits::wave_types::WaveTypesSim;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    let edit = |file: &str, from: &str, to: &str| {
        let path = copy.scene(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from} not in {file}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
    };
    go(&mut app, Screen::Exhibit, Some("06-wave-types"));
    edit("06-wave-types.ron", "period_s: 1.0,", "period_s: 2.0,");
    step(&mut app, 1.0);
    let period = |app: &App| {
        let sim = app.world().resource::<WaveTypesSim>();
        sim.sim.as_ref().unwrap().period_s
    };
    assert_eq!(period(&app), 2.0);

    go(&mut app, Screen::Exhibit, Some("07-wave-race"));
    edit("07-wave-race.ron", "speedup: 10.0,", "speedup: 20.0,");
    step(&mut app, 1.0);
    assert_eq!(app.world().resource::<RaceSim>().clock.pace, 20.0);

    go(&mut app, Screen::Exhibit, Some("08-through-earth"));
    edit(
        "08-through-earth.ron",
        "depth_km: 33.0,",
        "depth_km: 100.0,",
    );
    step(&mut app, 1.0);
    let depth = app
        .world()
        .resource::<EarthSim>()
        .sim
        .as_ref()
        .unwrap()
        .depth_km();
    assert_eq!(depth, 100.0);
}
