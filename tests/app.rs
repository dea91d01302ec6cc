//! Headless app tests: the real plugins on `MinimalPlugins`, time driven by
//! hand, no window and no GPU.

use std::time::Duration;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bevy::window::{WindowCloseRequested, WindowPlugin};

use quakehall::app::curator::ProblemNotice;
use quakehall::app::exhibits::{Live, Running};
use quakehall::app::hall::Hall;
use quakehall::app::idle::VisitorActivity;
use quakehall::app::widgets::{Localized, ToggleLanguage};
use quakehall::app::{CurrentExhibit, HallOptions, Screen, UiLang};
use quakehall::domain::scene::check::is_cjk;
use quakehall::domain::text::Lang;
use quakehall::kinds::{
    EbookParams, Kind, SandTableParams, TheatreParams, ThroughEarthParams, WaveRaceParams,
    WaveTankParams, WaveTypesParams,
};

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

/// The running exhibit of kind `K`, if one is open.
fn live<K: Kind>(app: &App) -> Option<&Running<K>> {
    app.world().resource::<Live<K>>().get()
}

/// The running exhibit of kind `K`, to change.
fn live_mut<K: Kind>(app: &mut App) -> Mut<'_, Live<K>> {
    app.world_mut().resource_mut::<Live<K>>()
}

/// The visitor state of the running exhibit of kind `K`.
fn state<K: Kind>(app: &App) -> &K::State {
    &live::<K>(app).expect("the exhibit runs").state
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
        let mut live = live_mut::<EbookParams>(&mut app);
        let run = live.get_mut().expect("the book is open");
        assert_eq!(run.id, "15-station");
        assert!(run.state.next_page() && run.state.next_page());
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
    assert_eq!(state::<EbookParams>(&app).page(), 2);

    // One who walks away: back to attract, everything forgotten.
    step(&mut app, timeout + 1.0);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Attract
    );
    assert_eq!(app.world().resource::<CurrentExhibit>().0, None);
    assert!(live::<EbookParams>(&app).is_none());
    assert_eq!(app.world().resource::<UiLang>().0, Lang::Zh);
    // The next visitor opens the book at its first page.
    go(&mut app, Screen::Exhibit, Some("15-station"));
    assert_eq!(state::<EbookParams>(&app).page(), 0);
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
    std::fs::write(&path, &good[..good.floor_char_boundary(good.len() / 2)]).unwrap();
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
fn wave_tank_runs_while_open_restarts_on_edit_and_stops_on_leave() {
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("10-make-waves"));
    let time = |app: &App| live::<WaveTankParams>(app).map(|r| r.state.tank.time_s);
    let t0 = time(&app).expect("the tank runs while its exhibit is open");
    assert!(
        state::<WaveTankParams>(&app).tank.kinetic_energy() > 0.0,
        "the opening quake shakes"
    );

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
    let run = live::<WaveTankParams>(&app).unwrap();
    assert_eq!(run.params.steps_per_frame, 7);
    assert_eq!(run.state.steps_per_frame, 7);

    // Leaving stops it.
    go(&mut app, Screen::Home, None);
    assert!(time(&app).is_none());
}

#[test]
fn wave_race_starts_on_a_guess_and_shows_each_arrival() {
    use quakehall::kinds::wave_race::race::{Runner, Stage};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("07-wave-race"));
    assert_eq!(state::<WaveRaceParams>(&app).stage, Stage::Predict);
    step(&mut app, 5.0);
    assert_eq!(
        state::<WaveRaceParams>(&app).stage,
        Stage::Predict,
        "nothing runs before the guess"
    );
    live_mut::<WaveRaceParams>(&mut app)
        .state_mut()
        .unwrap()
        .predict(Runner::Surface);
    // Paused, the race stands still.
    let race_clock = |app: &App| state::<WaveRaceParams>(app).clock();
    live_mut::<WaveRaceParams>(&mut app)
        .get_mut()
        .unwrap()
        .clock
        .toggle();
    step(&mut app, 1.0);
    let paused = race_clock(&app);
    step(&mut app, 1.0);
    assert_eq!(race_clock(&app), paused);
    live_mut::<WaveRaceParams>(&mut app)
        .get_mut()
        .unwrap()
        .clock
        .toggle();
    // The shipped scene runs ten race seconds a second: two minutes of
    // waves take twelve seconds.
    step(&mut app, 15.0);
    let race = state::<WaveRaceParams>(&app).clone();
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
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("08-through-earth"));
    step(&mut app, 2.0);
    let clock = |app: &App| {
        let e = &state::<ThroughEarthParams>(app).earth;
        (e.clock_s, e.depth_km(), e.stations.len())
    };
    let (t, depth, stations) = clock(&app);
    // A minute of travel per second.
    assert!(t > 60.0, "{t}");
    assert_eq!((depth, stations), (33.0, 5));
    live_mut::<ThroughEarthParams>(&mut app)
        .state_mut()
        .unwrap()
        .earth
        .touch(0.5, 0.1);
    step(&mut app, 0.25);
    let (t, depth, _) = clock(&app);
    assert!(t < 60.0 && depth > 33.0, "{t} s, {depth} km");
    // Paused, the waves stand still; at double speed they run 120 s a second.
    live_mut::<ThroughEarthParams>(&mut app)
        .get_mut()
        .unwrap()
        .clock
        .toggle();
    step(&mut app, 1.0);
    let (paused_at, _, _) = clock(&app);
    step(&mut app, 1.0);
    assert_eq!(clock(&app).0, paused_at);
    {
        let mut live = live_mut::<ThroughEarthParams>(&mut app);
        let run = live.get_mut().unwrap();
        run.clock.toggle();
        run.clock.next_speed();
    }
    step(&mut app, 1.0);
    let ran = clock(&app).0 - paused_at;
    assert!((ran - 120.0).abs() < 1e-6, "{ran}");
    go(&mut app, Screen::Home, None);
    assert!(live::<ThroughEarthParams>(&app).is_none());
}

#[test]
fn four_kinds_of_waves_switch_on_a_tap_and_keep_moving() {
    use quakehall::domain::physics::motion::WaveKind;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("06-wave-types"));
    let now = |app: &App| {
        let w = state::<WaveTypesParams>(app);
        (w.kind, w.clock_s, w.speed_km_s())
    };
    let (kind, t0, speed) = now(&app);
    assert_eq!((kind, speed), (WaveKind::P, 6.0));
    // Choosing S shows its speed, without redrawing the screen.
    live_mut::<WaveTypesParams>(&mut app)
        .state_mut()
        .unwrap()
        .show(WaveKind::S);
    step(&mut app, 0.5);
    let (kind, t1, speed) = now(&app);
    assert_eq!(kind, WaveKind::S);
    assert!(t1 > t0);
    assert!((speed - 3.46).abs() < 1e-9);
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|(_, t)| t.starts_with("速度 3.46 公里/秒")),
        "{shown:?}"
    );
    // Dragging the slow-motion slider to its left end slows the waves to a
    // tenth; the right end is normal speed.
    let rate = |app: &App| state::<WaveTypesParams>(app).rate;
    assert_eq!(rate(&app), 1.0);
    let mut q = app
        .world_mut()
        .query::<&mut quakehall::app::widgets::Slider>();
    let mut sliders: Vec<_> = q.iter_mut(app.world_mut()).collect();
    assert_eq!(sliders.len(), 1);
    sliders[0].value = 0.0;
    step(&mut app, 0.25);
    assert!((rate(&app) - 0.1).abs() < 1e-9, "{}", rate(&app));
    let (_, before, _) = now(&app);
    step(&mut app, 1.0);
    let (_, after, _) = now(&app);
    assert!((after - before - 0.1).abs() < 1e-6, "{before} -> {after}");
}

#[test]
fn sand_table_quakes_on_a_tap_turns_and_reports_arrivals() {
    use quakehall::domain::touch::Gesture;
    use quakehall::kinds::sand_table::{TABLE_H, TABLE_W};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("09-sand-table"));
    let clock = |app: &App| {
        let t = &state::<SandTableParams>(app).table;
        t.quake.as_ref().map(|q| (q.clock_s, q.lat, q.magnitude))
    };
    // The opening quake runs in real time.
    let (t0, lat, _) = clock(&app).expect("the opening quake");
    assert!((lat - 29.40).abs() < 1e-9);
    step(&mut app, 1.0);
    let (t1, _, _) = clock(&app).unwrap();
    assert!((t1 - t0 - 1.0).abs() < 1e-6, "{t0} -> {t1}");
    // Once the hall's P wave has arrived, its readout says when.
    let p = state::<SandTableParams>(&app).table.stations[0]
        .arrival
        .as_ref()
        .unwrap()
        .p_s;
    step(&mut app, (p - t1) as f32 + 0.5);
    let want = format!("P波 {p:.1}秒");
    assert!(
        texts(&mut app).iter().any(|(_, t)| t.starts_with(&want)),
        "{want} not shown"
    );
    // Choose magnitude 5, then tap the middle of the picture: a new quake
    // of that size starts there.
    {
        let mut live = live_mut::<SandTableParams>(&mut app);
        let t = &mut live.state_mut().unwrap().table;
        t.magnitude = 5.0;
        assert!(t.tap(TABLE_W as f32 / 2.0, TABLE_H as f32 / 2.0, 100.0));
    }
    let (t2, lat2, m) = clock(&app).unwrap();
    assert_eq!((t2, m), (0.0, 5.0));
    assert!((lat2 - 29.40).abs() > 0.01, "the quake moved to the tap");
    // Dragging turns the table; a double tap puts it back.
    let home = {
        let mut live = live_mut::<SandTableParams>(&mut app);
        let t = &mut live.state_mut().unwrap().table;
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
    assert_eq!(state::<SandTableParams>(&app).table.view.camera, home);
    // A curator's edit rebuilds the table with the new depth.
    let path = copy.scene("09-sand-table.ron");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, good.replace("depth_km: 8.0", "depth_km: 12.0")).unwrap();
    step(&mut app, 1.0);
    assert_eq!(state::<SandTableParams>(&app).table.depth_km, 12.0);
    // Leaving forgets it.
    go(&mut app, Screen::Home, None);
    assert!(live::<SandTableParams>(&app).is_none());
}

#[test]
fn theatre_tells_its_story_scrubs_and_starts_again() {
    use quakehall::kinds::theatre::HOLD_S;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("05-earthquake-forms"));
    let now = |app: &App| {
        let t = &state::<TheatreParams>(app).theatre;
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
    live_mut::<TheatreParams>(&mut app)
        .state_mut()
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
    let toggle = |app: &mut App| {
        live_mut::<TheatreParams>(app)
            .get_mut()
            .unwrap()
            .clock
            .toggle()
    };
    toggle(&mut app);
    let (paused, _, _) = now(&app);
    step(&mut app, 1.0);
    assert_eq!(now(&app).0, paused);
    toggle(&mut app);
    // At the end it holds the last frame, then starts again.
    live_mut::<TheatreParams>(&mut app)
        .state_mut()
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

/// The hall's plugins with images (so that exhibits make their pictures),
/// already updated once.
fn with_images(copy: &HallCopy, projectors: usize) -> App {
    let (mut app, _) = bare(copy, false, false);
    app.add_plugins(bevy::asset::AssetPlugin::default())
        .init_asset::<Image>();
    app.world_mut().resource_mut::<HallOptions>().projectors = projectors;
    app.add_plugins(quakehall::app::plugin);
    app.update();
    app
}

#[test]
fn projectors_show_slices_of_the_theatre_and_the_title_otherwise() {
    use quakehall::app::projectors::{ProjectorWindow, slice};
    use quakehall::kinds::sand_table::{TOP_H, TOP_W};
    let copy = HallCopy::new();
    let mut app = with_images(&copy, 2);
    let windows = app
        .world_mut()
        .query::<(&Window, &ProjectorWindow)>()
        .iter(app.world())
        .count();
    assert_eq!(windows, 2);
    let shown = |app: &mut App| {
        let mut q = app.world_mut().query::<(&ImageNode, &Visibility)>();
        q.iter(app.world())
            .filter(|(i, v)| i.rect.is_some() && **v != Visibility::Hidden)
            .map(|(i, _)| i.rect.unwrap())
            .collect::<Vec<_>>()
    };
    // Home: the projectors show the title, no picture.
    go(&mut app, Screen::Home, None);
    assert!(shown(&mut app).is_empty());
    go(&mut app, Screen::Exhibit, Some("05-earthquake-forms"));
    step(&mut app, 0.5);
    let mut rects = shown(&mut app);
    rects.sort_by(|a, b| a.min.x.total_cmp(&b.min.x));
    let (w, h) = quakehall::kinds::theatre::stage_size(2);
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
    );
    // The sand table: the first projector shows the view from above.
    go(&mut app, Screen::Exhibit, Some("09-sand-table"));
    step(&mut app, 0.5);
    assert_eq!(
        shown(&mut app),
        vec![Rect::new(0.0, 0.0, TOP_W as f32, TOP_H as f32)]
    );
    // Back home the projectors let go of the picture.
    go(&mut app, Screen::Home, None);
    assert!(shown(&mut app).is_empty());
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

fn press_event() -> Press {
    use bevy::picking::backend::HitData;
    use bevy::picking::pointer::PointerButton;
    Press {
        button: PointerButton::Primary,
        hit: HitData::new(Entity::PLACEHOLDER, 0.0, None, None),
        count: 1,
    }
}

fn release_event() -> Release {
    use bevy::picking::backend::HitData;
    use bevy::picking::pointer::PointerButton;
    Release {
        button: PointerButton::Primary,
        hit: HitData::new(Entity::PLACEHOLDER, 0.0, None, None),
    }
}

fn click_event() -> Click {
    use bevy::picking::backend::HitData;
    use bevy::picking::pointer::PointerButton;
    Click {
        button: PointerButton::Primary,
        hit: HitData::new(Entity::PLACEHOLDER, 0.0, Some(Vec3::ZERO), None),
        duration: Duration::from_millis(80),
        count: 1,
    }
}

/// A tap on `entity`: press, release and click, as a finger makes them
/// (and the visitor activity the hall's input reading would note).
fn tap(app: &mut App, entity: Entity) {
    app.world_mut().write_message(VisitorActivity);
    let at = Vec2::new(400.0, 300.0);
    finger(app, entity, 9, at, press_event());
    finger(app, entity, 9, at, release_event());
    finger(app, entity, 9, at, click_event());
}

#[test]
fn sand_table_follows_real_pointer_events() {
    use bevy::picking::pointer::PointerButton;
    use quakehall::kinds::sand_table::view::TablePicture;
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
    let now = |app: &App| {
        let t = &state::<SandTableParams>(app).table;
        (t.quake.as_ref().map(|q| (q.lat, q.lon)), t.view.camera)
    };
    let (opening, home) = now(&app);
    // A tap in the middle of the picture: a quake under it.
    let centre = Vec2::new(400.0, 300.0);
    finger(&mut app, picture, 1, centre, press_event());
    finger(&mut app, picture, 1, centre, release_event());
    app.update();
    let (tapped, camera) = now(&app);
    assert_ne!(tapped, opening, "a new quake");
    assert_eq!(camera, home);
    // A one-finger drag turns the table and sets off nothing.
    finger(&mut app, picture, 2, centre, press_event());
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
        release_event(),
    );
    let (after_drag, turned) = now(&app);
    assert_eq!(after_drag, tapped, "a drag is no tap");
    assert!((turned.yaw_deg - home.yaw_deg).abs() > 10.0, "{turned:?}");
    // A double tap puts the view back (the first of the two taps comes
    // within the quake gap of nothing, so it may set off a quake).
    for _ in 0..2 {
        finger(&mut app, picture, 3, centre, press_event());
        finger(&mut app, picture, 3, centre, release_event());
    }
    app.update();
    assert_eq!(now(&app).1, home);
}

#[test]
fn dragging_the_timeline_and_the_slider_moves_the_story_and_the_waves() {
    use bevy::picking::pointer::PointerButton;
    use quakehall::app::widgets::Slider;
    use quakehall::kinds::theatre::view::Timeline;
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
        press_event(),
    );
    let t = &state::<TheatreParams>(&app).theatre;
    assert!((t.time_s - 0.25 * t.length_s).abs() < 1e-3, "{}", t.time_s);
    // Dragging on to three quarters.
    let drag = Drag {
        button: PointerButton::Primary,
        distance: Vec2::new(400.0, 0.0),
        delta: Vec2::new(400.0, 0.0),
    };
    finger(&mut app, timeline, 1, Vec2::new(700.0, 500.0), drag);
    let t = &state::<TheatreParams>(&app).theatre;
    assert!((t.time_s - 0.75 * t.length_s).abs() < 1e-3, "{}", t.time_s);

    go(&mut app, Screen::Exhibit, Some("06-wave-types"));
    let slider = app
        .world_mut()
        .query_filtered::<Entity, With<Slider>>()
        .single(app.world())
        .unwrap();
    lay_out(&mut app, slider, 400.0);
    // The left end of the slider (x = 300) is the slowest motion.
    finger(&mut app, slider, 2, Vec2::new(300.0, 500.0), press_event());
    app.update();
    let rate = state::<WaveTypesParams>(&app).rate;
    assert!((rate - 0.1).abs() < 1e-6, "{rate}");
}

#[test]
fn wave_exhibits_rebuild_when_a_curator_saves_their_scene() {
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
    assert_eq!(state::<WaveTypesParams>(&app).period_s, 2.0);

    go(&mut app, Screen::Exhibit, Some("07-wave-race"));
    edit("07-wave-race.ron", "speedup: 10.0,", "speedup: 20.0,");
    step(&mut app, 1.0);
    assert_eq!(live::<WaveRaceParams>(&app).unwrap().clock.pace, 20.0);

    go(&mut app, Screen::Exhibit, Some("08-through-earth"));
    edit(
        "08-through-earth.ron",
        "depth_km: 33.0,",
        "depth_km: 100.0,",
    );
    step(&mut app, 1.0);
    assert_eq!(state::<ThroughEarthParams>(&app).earth.depth_km(), 100.0);
}

/// Everything under the screen being shown.
fn screen_tree(app: &mut App) -> std::collections::HashSet<Entity> {
    use quakehall::app::screens::ScreenRoot;
    let roots: Vec<Entity> = app
        .world_mut()
        .query_filtered::<Entity, With<ScreenRoot>>()
        .iter(app.world())
        .collect();
    let mut all = std::collections::HashSet::new();
    let mut stack = roots;
    while let Some(e) = stack.pop() {
        all.insert(e);
        if let Some(children) = app.world().get::<Children>(e) {
            stack.extend(children.iter());
        }
    }
    all
}

/// The first entity with component `C`.
fn first_with<C: Component>(app: &mut App) -> Entity {
    app.world_mut()
        .query_filtered::<Entity, With<C>>()
        .iter(app.world())
        .next()
        .unwrap_or_else(|| panic!("no {}", std::any::type_name::<C>()))
}

#[test]
fn a_tap_changes_what_is_on_screen_without_rebuilding_it() {
    use quakehall::app::exhibits::clock::{ClockButton, ClockRole};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    // Play/pause in the theatre: the clock stops, the button says so, and
    // every entity of the screen is still the one it was.
    go(&mut app, Screen::Exhibit, Some("05-earthquake-forms"));
    let before = screen_tree(&mut app);
    let toggle = app
        .world_mut()
        .query::<(Entity, &ClockButton<TheatreParams>)>()
        .iter(app.world())
        .find(|(_, b)| b.0 == ClockRole::Toggle)
        .map(|(e, _)| e)
        .expect("a play/pause button");
    tap(&mut app, toggle);
    step(&mut app, 0.5);
    assert!(!live::<TheatreParams>(&app).unwrap().clock.playing);
    assert!(
        texts(&mut app).iter().any(|(_, t)| t == "继续"),
        "the button says play"
    );
    let after = screen_tree(&mut app);
    assert!(
        before.is_subset(&after),
        "{} entities of the screen were despawned by play/pause",
        before.difference(&after).count()
    );
    // A page turn in the e-book: the next page, the same entities.
    go(&mut app, Screen::Exhibit, Some("15-station"));
    let before = screen_tree(&mut app);
    let shown_first = texts(&mut app);
    let next = app
        .world_mut()
        .query::<(Entity, &Children, &Button)>()
        .iter(app.world())
        .map(|(e, c, _)| (e, c.iter().collect::<Vec<_>>()))
        .collect::<Vec<_>>()
        .into_iter()
        .find(|(_, children)| {
            children
                .iter()
                .any(|c| app.world().get::<Text>(*c).is_some_and(|t| t.0 == "下一页"))
        })
        .map(|(e, _)| e)
        .expect("the next-page button");
    tap(&mut app, next);
    step(&mut app, 0.5);
    assert_eq!(state::<EbookParams>(&app).page(), 1);
    assert!(texts(&mut app).iter().any(|(_, t)| t == "2 / 6"));
    assert_ne!(
        texts(&mut app),
        shown_first,
        "the page shows its new content"
    );
    let after = screen_tree(&mut app);
    assert!(
        before == after,
        "a page turn despawned {} and spawned {} entities",
        before.difference(&after).count(),
        after.difference(&before).count()
    );
}

/// Every entity under the exhibit body that reacts to a tap, a press or a
/// drag, and the events it reacts to.
fn controls(app: &mut App) -> Vec<Entity> {
    let world = app.world();
    let keys: Vec<_> = [
        world.event_key::<Pointer<Click>>(),
        world.event_key::<Pointer<Press>>(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let tree = screen_tree(app);
    let mut q = app
        .world_mut()
        .query::<(Entity, &bevy::ecs::observer::ObservedBy)>();
    let world = app.world();
    q.iter(world)
        .filter(|(e, _)| tree.contains(e))
        .filter(|(_, by)| {
            by.get().iter().any(|o| {
                world
                    .get::<bevy::ecs::observer::Observer>(*o)
                    .is_some_and(|obs| {
                        obs.descriptor()
                            .event_keys()
                            .iter()
                            .any(|k| keys.contains(k))
                    })
            })
        })
        .map(|(e, _)| e)
        .collect()
}

#[test]
fn hundreds_of_taps_leave_no_pictures_or_entities_behind() {
    use quakehall::app::widgets::LanguageToggle;
    let copy = HallCopy::new();
    let mut app = with_images(&copy, 0);
    let ids: Vec<String> = app
        .world()
        .resource::<Hall>()
        .exhibits
        .iter()
        .map(|e| e.scene.id.clone())
        .collect();
    let images = |app: &App| app.world().resource::<Assets<Image>>().len();
    let baseline = images(&app);
    for id in &ids {
        go(&mut app, Screen::Exhibit, Some(id));
        // One round of every control the exhibit has (the back button
        // would leave: it is tapped at the end), then many more.
        let round = |app: &mut App| {
            let back = quakehall::domain::text::ui::BACK_HOME.zh;
            for e in controls(app) {
                let leaves = app.world().get::<Children>(e).is_some_and(|c| {
                    c.iter()
                        .any(|c| app.world().get::<Text>(c).is_some_and(|t| t.0 == back))
                }) || app.world().get::<LanguageToggle>(e).is_some();
                if !leaves && app.world().get_entity(e).is_ok() {
                    tap(app, e);
                }
                app.update();
            }
        };
        round(&mut app);
        step(&mut app, 0.5);
        let (entities, pictures) = (app.world().entities().count_spawned(), images(&app));
        for _ in 0..60 {
            round(&mut app);
        }
        // A language change redraws the whole screen, twice.
        for _ in 0..2 {
            let toggle = first_with::<LanguageToggle>(&mut app);
            tap(&mut app, toggle);
            step(&mut app, 0.5);
        }
        step(&mut app, 0.5);
        assert_eq!(images(&app), pictures, "{id}: pictures after the taps");
        let now = app.world().entities().count_spawned();
        assert!(
            now <= entities + 8,
            "{id}: {entities} entities after one round of taps, {now} after 60 more"
        );
    }
    // Every exhibit's pictures are freed once the visitor has left.
    go(&mut app, Screen::Home, None);
    step(&mut app, 0.5);
    assert_eq!(images(&app), baseline, "pictures left after leaving");
}

/// The checks every exhibit kind must pass, run for each registered kind
/// (a kind added later is covered without writing them again).
struct EveryKind {
    checked: Vec<&'static str>,
}

impl quakehall::kinds::KindVisitor for EveryKind {
    fn visit<K: Kind>(&mut self) {
        use quakehall::domain::scene::parse::parse_ron;
        use quakehall::domain::scene::{ExhibitScene, Library};
        let name = K::NAME;
        let copy = HallCopy::new();
        // Its shipped scene parses and validates.
        let lib = Library::load(&copy.scenes(), &copy.assets());
        let loaded = lib
            .exhibits
            .iter()
            .find(|e| K::of(&e.scene.kind).is_some())
            .unwrap_or_else(|| panic!("{name}: no shipped scene of this kind"));
        let (id, file) = (loaded.scene.id.clone(), loaded.file.clone());
        assert!(
            !lib.problems.iter().any(|p| p.file == file && p.is_error()),
            "{name}: {:?}",
            lib.problems
        );
        // It opens in the headless app and draws a body and its pictures.
        let mut app = with_images(&copy, 0);
        go(&mut app, Screen::Exhibit, Some(&id));
        step(&mut app, 1.0);
        let run = live::<K>(&app).unwrap_or_else(|| panic!("{name}: not running"));
        assert_eq!(run.id, id);
        let pictures = K::pictures(&run.state);
        let images = app.world().resource::<Assets<Image>>();
        for (i, p) in pictures.iter().enumerate() {
            let h = run
                .picture(i)
                .unwrap_or_else(|| panic!("{name}: picture {i}"));
            let img = images.get(h.id()).expect("picture made");
            assert_eq!((img.width(), img.height()), (p.width, p.height), "{name}");
        }
        if let Some(h) = run.picture(0) {
            let data = images.get(h.id()).unwrap().data.clone().unwrap();
            assert!(
                data.chunks_exact(4).any(|px| px != &data[..4]),
                "{name}: its first picture is blank"
            );
        }
        let body = screen_tree(&mut app).len();
        assert!(body > 12, "{name}: only {body} entities on screen");
        // A curator's good save rebuilds it from the new scene.
        let good = std::fs::read_to_string(&file).unwrap();
        let at = good.find("kind:").expect("a kind field");
        let en = at
            + good[at..]
                .find("en: \"")
                .expect("an English text in the kind")
            + 5;
        let edited = format!("{}(new) {}", &good[..en], &good[en..]);
        std::fs::write(&file, &edited).unwrap();
        step(&mut app, 1.0);
        let scene: ExhibitScene = parse_ron(&file, &edited).expect("the edit parses");
        let wanted = K::of(&scene.kind).unwrap().clone();
        assert!(
            live::<K>(&app).is_some_and(|r| r.params == wanted),
            "{name}: not rebuilt from the saved scene"
        );
        assert!(
            texts(&mut app)
                .iter()
                .any(|(l, _)| l.as_ref().is_some_and(|l| l.0.en.contains("(new)"))),
            "{name}: the new text is not on screen"
        );
        // A broken save keeps the last good version running.
        std::fs::write(&file, &good[..good.floor_char_boundary(good.len() / 2)]).unwrap();
        step(&mut app, 1.0);
        assert_eq!(
            *app.world().resource::<State<Screen>>().get(),
            Screen::Exhibit
        );
        assert!(
            live::<K>(&app).is_some_and(|r| r.params == wanted),
            "{name}"
        );
        assert!(app.world().resource::<Hall>().error_count() > 0);
        std::fs::write(&file, &good).unwrap();
        step(&mut app, 1.0);
        // The hall going idle forgets it, pictures and all.
        let timeout = app.world().resource::<Hall>().hall.idle_timeout_s;
        step(&mut app, timeout + 1.0);
        assert_eq!(
            *app.world().resource::<State<Screen>>().get(),
            Screen::Attract
        );
        assert!(live::<K>(&app).is_none(), "{name}: not forgotten on idle");
        self.checked.push(name);
    }
}

#[test]
fn every_kind_opens_draws_reloads_and_resets() {
    let mut every = EveryKind {
        checked: Vec::new(),
    };
    quakehall::kinds::visit_kinds(&mut every);
    assert_eq!(every.checked, quakehall::kinds::ExhibitKind::NAMES);
}

#[test]
fn the_attract_loop_turns_its_slides_in_place() {
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    step(&mut app, 0.5);
    let first = app.world().resource::<Hall>().ordered_exhibits()[0]
        .title
        .clone();
    let second = app.world().resource::<Hall>().ordered_exhibits()[1]
        .title
        .clone();
    assert!(texts(&mut app).iter().any(|(_, t)| *t == first.zh));
    let before = screen_tree(&mut app);
    // Each exhibit is shown in Chinese, then in English, then the next
    // one: new texts, the same entities.
    let slide_s = app.world().resource::<Hall>().hall.attract.slide_s;
    step(&mut app, slide_s);
    assert_eq!(app.world().resource::<UiLang>().0, Lang::En);
    assert!(texts(&mut app).iter().any(|(_, t)| *t == first.en));
    step(&mut app, slide_s);
    assert_eq!(app.world().resource::<UiLang>().0, Lang::Zh);
    assert!(
        texts(&mut app).iter().any(|(_, t)| *t == second.zh),
        "{:?}",
        texts(&mut app)
    );
    assert_eq!(
        screen_tree(&mut app),
        before,
        "the attract screen was rebuilt"
    );
}

#[test]
fn find_the_waves_plays_a_round_through_real_pointer_events() {
    use bevy::picking::pointer::PointerButton;
    use quakehall::domain::puzzle::seismogram::MarkerKind;
    use quakehall::kinds::FindWavesParams;
    use quakehall::kinds::find_waves::game::Stage;
    use quakehall::kinds::find_waves::view::{CheckButton, NextButton, TracePicture};
    use quakehall::kinds::find_waves::{TRACE_H, TRACE_W};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("16-find-waves"));
    // Lay the picture out by hand at its own size, centred on (500, 360).
    let picture = first_with::<TracePicture>(&mut app);
    let (w, h) = (TRACE_W as f32, TRACE_H as f32);
    let centre = Vec2::new(500.0, 360.0);
    app.world_mut().entity_mut(picture).insert((
        ComputedNode {
            size: Vec2::new(w, h),
            ..default()
        },
        UiGlobalTransform::from_translation(centre),
    ));
    let left = centre.x - w / 2.0;
    let at_time = |app: &App, t: f64| {
        let view = &state::<FindWavesParams>(app).round().view;
        Vec2::new(left + view.frac_of(t) as f32 * w, centre.y + 100.0)
    };
    let (p, s) = {
        let r = state::<FindWavesParams>(&app).round();
        (r.p_s, r.s_s)
    };
    // A tap where P begins places P; a tap a little before S places S.
    let here = at_time(&app, p);
    finger(&mut app, picture, 1, here, press_event());
    finger(&mut app, picture, 1, here, release_event());
    app.update();
    let early = at_time(&app, s - 3.0);
    finger(&mut app, picture, 2, early, press_event());
    finger(&mut app, picture, 2, early, release_event());
    app.update();
    let g = state::<FindWavesParams>(&app);
    assert!(g.can_check(), "{:?}", g.round().view.markers);
    assert!((g.round().view.marker(MarkerKind::P).unwrap().t - p).abs() < 0.1);
    // Drag the S flag onto S.
    finger(&mut app, picture, 3, early, press_event());
    let target = at_time(&app, s);
    let drag = Drag {
        button: PointerButton::Primary,
        distance: target - early,
        delta: target - early,
    };
    finger(&mut app, picture, 3, target, drag);
    finger(&mut app, picture, 3, target, release_event());
    app.update();
    let got = state::<FindWavesParams>(&app)
        .round()
        .view
        .marker(MarkerKind::S)
        .unwrap()
        .t;
    assert!((got - s).abs() < 0.1, "S at {got}, want {s}");
    // Check, then on to the next recording.
    let check = first_with::<CheckButton>(&mut app);
    tap(&mut app, check);
    app.update();
    let g = state::<FindWavesParams>(&app);
    assert_eq!(g.stage, Stage::Checked);
    assert_eq!(g.verdict.unwrap().stars, (3, 3));
    let next = first_with::<NextButton>(&mut app);
    tap(&mut app, next);
    app.update();
    let g = state::<FindWavesParams>(&app);
    assert_eq!((g.current, g.stage), (1, Stage::Placing));
    assert_eq!(g.total_stars, 6);
}

#[test]
fn where_was_the_quake_plays_both_rounds_through_real_pointer_events() {
    use bevy::picking::pointer::PointerButton;
    use quakehall::kinds::WhereQuakeParams;
    use quakehall::kinds::where_quake::game::{STRIP_H, STRIP_W, Stage};
    use quakehall::kinds::where_quake::view::{
        CheckButton, CirclesButton, MapPicture, NextButton, RecordPicture,
    };
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("17-where-quake"));
    // Lay the map out by hand, 600 px square centred on (400, 400).
    let map = first_with::<MapPicture>(&mut app);
    let (side, centre) = (600.0f32, Vec2::new(400.0, 400.0));
    app.world_mut().entity_mut(map).insert((
        ComputedNode {
            size: Vec2::splat(side),
            ..default()
        },
        UiGlobalTransform::from_translation(centre),
    ));
    let on_map =
        |f: (f64, f64)| centre - Vec2::splat(side / 2.0) + Vec2::new(f.0 as f32, f.1 as f32) * side;
    // Round 1 gives S−P: a press lands the pin off, a drag brings it to
    // where the circles meet.
    let g = state::<WhereQuakeParams>(&app);
    assert_eq!(g.stage, Stage::Placing);
    let best = g.best_point().unwrap();
    let target = on_map(g.frame.at(best.0, best.1));
    let start = target + Vec2::new(-40.0, 30.0);
    finger(&mut app, map, 1, start, press_event());
    let drag = Drag {
        button: PointerButton::Primary,
        distance: target - start,
        delta: target - start,
    };
    finger(&mut app, map, 1, target, drag);
    finger(&mut app, map, 1, target, release_event());
    app.update();
    let check = first_with::<CheckButton>(&mut app);
    tap(&mut app, check);
    app.update();
    let g = state::<WhereQuakeParams>(&app);
    assert_eq!(g.stage, Stage::Checked);
    assert_eq!(g.verdict.unwrap().stars, 3, "{:?}", g.verdict);
    let next = first_with::<NextButton>(&mut app);
    tap(&mut app, next);
    app.update();
    // Round 2: read S on each record by dragging its flag.
    assert_eq!(state::<WhereQuakeParams>(&app).stage, Stage::Reading);
    let records: Vec<(Entity, usize)> = {
        let w = app.world_mut();
        let mut q = w.query::<(Entity, &RecordPicture)>();
        q.iter(w).map(|(e, r)| (e, r.0)).collect()
    };
    let (w, h) = (STRIP_W as f32, STRIP_H as f32);
    let n = state::<WhereQuakeParams>(&app).round().stations.len();
    for &(e, i) in records.iter().filter(|(_, i)| *i < n) {
        let rc = Vec2::new(640.0, 100.0 + 150.0 * i as f32);
        app.world_mut().entity_mut(e).insert((
            ComputedNode {
                size: Vec2::new(w, h),
                ..default()
            },
            UiGlobalTransform::from_translation(rc),
        ));
        let s = &state::<WhereQuakeParams>(&app).round().stations[i];
        let at = |t: f64| rc + Vec2::new((s.view.frac_of(t) as f32 - 0.5) * w, 10.0);
        let (from, to) = (at(s.sp_s - 2.0), at(s.sp_s));
        finger(&mut app, e, 10 + i as u64, from, press_event());
        let drag = Drag {
            button: PointerButton::Primary,
            distance: to - from,
            delta: to - from,
        };
        finger(&mut app, e, 10 + i as u64, to, drag);
        finger(&mut app, e, 10 + i as u64, to, release_event());
        app.update();
        let s = &state::<WhereQuakeParams>(&app).round().stations[i];
        let read = s.read_sp().unwrap();
        assert!(
            (read - s.sp_s).abs() < 0.1,
            "{}: read {read}, S−P {}",
            s.id,
            s.sp_s
        );
    }
    let circles = first_with::<CirclesButton>(&mut app);
    tap(&mut app, circles);
    app.update();
    let g = state::<WhereQuakeParams>(&app);
    assert_eq!(g.stage, Stage::Placing);
    let best = g.best_point().unwrap();
    let here = on_map(g.frame.at(best.0, best.1));
    finger(&mut app, map, 2, here, press_event());
    finger(&mut app, map, 2, here, release_event());
    app.update();
    tap(&mut app, check);
    app.update();
    let g = state::<WhereQuakeParams>(&app);
    assert_eq!(g.verdict.unwrap().stars, 3, "{:?}", g.verdict);
    tap(&mut app, next);
    app.update();
    let g = state::<WhereQuakeParams>(&app);
    assert_eq!(g.stage, Stage::Finished);
    assert_eq!(g.total_stars, 6);
}

#[test]
fn the_jigsaw_sorts_through_real_pointer_drags() {
    use bevy::picking::pointer::PointerButton;
    use quakehall::kinds::JigsawParams;
    use quakehall::kinds::jigsaw::game::{AXIS_PX, STACK_H, STACK_W, Stage};
    use quakehall::kinds::jigsaw::view::{CurvesButton, NextButton, StackPicture};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("20-jigsaw"));
    let stack = first_with::<StackPicture>(&mut app);
    let (w, h) = (STACK_W as f32, STACK_H as f32);
    let centre = Vec2::new(600.0, 400.0);
    app.world_mut().entity_mut(stack).insert((
        ComputedNode {
            size: Vec2::new(w, h),
            ..default()
        },
        UiGlobalTransform::from_translation(centre),
    ));
    let top = centre.y - h / 2.0;
    for _ in 0..2 {
        let mut id = 1;
        while state::<JigsawParams>(&app).stage == Stage::Sorting {
            let g = state::<JigsawParams>(&app);
            let n = g.order.len();
            let slot = (h - AXIS_PX) / n as f32;
            // Take the first slot that holds the wrong record and drag the
            // right one up into it.
            let sorted = g.sorted();
            let to = (0..n).find(|&k| g.order[k] != sorted[k]).unwrap();
            let from = g.order.iter().position(|&r| r == sorted[to]).unwrap();
            let (a, b) = (
                Vec2::new(centre.x, top + (from as f32 + 0.5) * slot),
                Vec2::new(centre.x, top + (to as f32 + 0.3) * slot),
            );
            finger(&mut app, stack, id, a, press_event());
            let drag = Drag {
                button: PointerButton::Primary,
                distance: b - a,
                delta: b - a,
            };
            finger(&mut app, stack, id, b, drag);
            finger(&mut app, stack, id, b, release_event());
            app.update();
            assert_eq!(state::<JigsawParams>(&app).order[to], sorted[to]);
            id += 1;
            assert!(id < 20, "sorting does not end");
        }
        let g = state::<JigsawParams>(&app);
        assert_eq!(g.stage, Stage::Solved);
        assert_eq!(g.order, g.sorted());
        let curves = first_with::<CurvesButton>(&mut app);
        tap(&mut app, curves);
        app.update();
        assert_eq!(state::<JigsawParams>(&app).stage, Stage::Curves);
        let next = first_with::<NextButton>(&mut app);
        tap(&mut app, next);
        app.update();
    }
    let g = state::<JigsawParams>(&app);
    assert_eq!(g.stage, Stage::Finished);
    assert_eq!(g.total_stars, 6);
}

#[test]
fn how_big_plays_two_rounds_through_real_pointer_events() {
    use bevy::picking::pointer::PointerButton;
    use quakehall::domain::puzzle::seismogram::{FLAGS_H, MarkerKind};
    use quakehall::kinds::HowBigParams;
    use quakehall::kinds::how_big::game::{NOMO_H, NOMO_W, RECORD_H, RECORD_W, Stage};
    use quakehall::kinds::how_big::view::{
        CheckButton, NextButton, NomogramButton, NomogramPicture, RecordPicture,
    };
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("18-how-big"));
    let centre = Vec2::new(500.0, 400.0);
    let lay = |app: &mut App, e: Entity, w: u32, h: u32| {
        app.world_mut().entity_mut(e).insert((
            ComputedNode {
                size: Vec2::new(w as f32, h as f32),
                ..default()
            },
            UiGlobalTransform::from_translation(centre),
        ));
    };
    let record = first_with::<RecordPicture>(&mut app);
    let nomogram = first_with::<NomogramPicture>(&mut app);
    lay(&mut app, record, RECORD_W, RECORD_H);
    lay(&mut app, nomogram, NOMO_W, NOMO_H);
    let on = |w: u32, h: u32, x: f32, y: f32| {
        centre - Vec2::new(w as f32, h as f32) / 2.0 + Vec2::new(x, y)
    };
    let mut id = 1;
    let mut drag = |app: &mut App, e: Entity, from: Vec2, to: Vec2| {
        finger(app, e, id, from, press_event());
        let d = Drag {
            button: PointerButton::Primary,
            distance: to - from,
            delta: to - from,
        };
        finger(app, e, id, to, d);
        finger(app, e, id, to, release_event());
        app.update();
        id += 1;
    };
    for round in 0..2 {
        assert_eq!(state::<HowBigParams>(&app).stage, Stage::Measuring);
        // Each flag from where it is onto its place: S (on a round to
        // read) where S begins, A on the biggest swing.
        for kind in [MarkerKind::S, MarkerKind::Amplitude] {
            let r = state::<HowBigParams>(&app).round();
            let Some(i) = r.view.markers.iter().position(|m| m.kind == kind) else {
                continue;
            };
            let w = RECORD_W as f32;
            let t = if kind == MarkerKind::S {
                r.sp_s
            } else {
                r.peak_s
            };
            let from = on(RECORD_W, RECORD_H, r.view.flag_x(i, w), FLAGS_H / 2.0);
            let to = on(
                RECORD_W,
                RECORD_H,
                r.view.frac_of(t) as f32 * w,
                FLAGS_H / 2.0,
            );
            drag(&mut app, record, from, to);
        }
        let g = state::<HowBigParams>(&app);
        assert!(g.can_lay(), "round {round}");
        let lay_button = first_with::<NomogramButton>(&mut app);
        tap(&mut app, lay_button);
        app.update();
        let g = state::<HowBigParams>(&app);
        assert_eq!(g.stage, Stage::Laying);
        // The ruler's ends: dragged from the middle of each scale onto
        // the visitor's marks.
        let marks = g.measured_y().unwrap();
        for (end, fx) in [(0, 0.1f32), (1, 0.9)] {
            let x = fx * NOMO_W as f32;
            let from = on(NOMO_W, NOMO_H, x, NOMO_H as f32 / 2.0);
            let to = on(NOMO_W, NOMO_H, x, marks[end] as f32);
            drag(&mut app, nomogram, from, to);
        }
        let g = state::<HowBigParams>(&app);
        assert!(g.can_check(), "{:?}", g.ruler);
        let check = first_with::<CheckButton>(&mut app);
        tap(&mut app, check);
        app.update();
        let g = state::<HowBigParams>(&app);
        assert_eq!(g.stage, Stage::Checked);
        assert_eq!(g.verdict.unwrap().stars, 3, "{:?}", g.verdict);
        let next = first_with::<NextButton>(&mut app);
        tap(&mut app, next);
        app.update();
    }
    let g = state::<HowBigParams>(&app);
    assert_eq!(
        (g.current, g.stage, g.total_stars),
        (2, Stage::Measuring, 6)
    );
}

#[test]
fn quake_or_not_sorts_a_table_through_real_pointer_drags() {
    use bevy::picking::pointer::PointerButton;
    use quakehall::kinds::QuakeOrNotParams;
    use quakehall::kinds::quake_or_not::game::{BINS, Game, Stage, TABLE_H, TABLE_W};
    use quakehall::kinds::quake_or_not::view::{NextButton, TablePicture};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("19-quake-or-not"));
    let table = first_with::<TablePicture>(&mut app);
    let centre = Vec2::new(560.0, 400.0);
    let (w, h) = (TABLE_W as f32, TABLE_H as f32);
    app.world_mut().entity_mut(table).insert((
        ComputedNode {
            size: Vec2::new(w, h),
            ..default()
        },
        UiGlobalTransform::from_translation(centre),
    ));
    let on = |x: f32, y: f32| centre - Vec2::new(w, h) / 2.0 + Vec2::new(x, y);
    let n = state::<QuakeOrNotParams>(&app).round().cards.len();
    for i in 0..n {
        let g = state::<QuakeOrNotParams>(&app);
        let (l, t, cw, ch) = g.slot(i);
        let k = BINS
            .iter()
            .position(|&b| b == g.round().cards[i].class)
            .unwrap();
        let (bl, bt, bw, bh) = Game::bin_rect(k);
        let (from, to) = (
            on(l + cw / 2.0, t + ch / 2.0),
            on(bl + bw / 2.0, bt + bh / 2.0),
        );
        let id = 1 + i as u64;
        finger(&mut app, table, id, from, press_event());
        let drag = Drag {
            button: PointerButton::Primary,
            distance: to - from,
            delta: to - from,
        };
        finger(&mut app, table, id, to, drag);
        finger(&mut app, table, id, to, release_event());
        app.update();
        assert!(state::<QuakeOrNotParams>(&app).placed[i], "card {i}");
    }
    let g = state::<QuakeOrNotParams>(&app);
    assert_eq!(g.stage, Stage::Sorted);
    assert_eq!(g.round_stars, vec![3]);
    let next = first_with::<NextButton>(&mut app);
    tap(&mut app, next);
    app.update();
    assert_eq!(
        (
            state::<QuakeOrNotParams>(&app).current,
            state::<QuakeOrNotParams>(&app).stage
        ),
        (1, Stage::Sorting)
    );
}

/// The button whose label reads `text` in either language.
fn button_reading(app: &mut App, text: &str) -> Entity {
    let mut labels = app.world_mut().query::<(&Localized, &ChildOf)>();
    let parents: Vec<Entity> = labels
        .iter(app.world())
        .filter(|(l, _)| l.0.zh == text || l.0.en == text)
        .map(|(_, p)| p.parent())
        .collect();
    let mut buttons = app.world_mut().query_filtered::<(), With<Button>>();
    parents
        .into_iter()
        .find(|&p| buttons.get(app.world(), p).is_ok())
        .unwrap_or_else(|| panic!("no button reading {text:?}"))
}

#[test]
fn sounds_of_the_earth_plays_in_step_and_stops_on_leave_and_idle() {
    use quakehall::domain::sound::SAMPLE_RATE;
    use quakehall::domain::sound::voice::STOP_FADE_S;
    use quakehall::kinds::SonifyParams;
    use quakehall::kinds::sonify::game::Heard;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("14-sonify"));
    assert_eq!(state::<SonifyParams>(&app).heard(), Heard::Choose);
    // No audio device here: the curators' notice is on screen.
    assert!(
        texts(&mut app)
            .iter()
            .any(|(_, t)| t.contains("声音不可用"))
    );
    let far = button_reading(&mut app, "很远的地震");
    tap(&mut app, far);
    app.update();
    let g = state::<SonifyParams>(&app);
    assert_eq!(g.chosen, 2);
    assert!(g.playing());
    // Without an output the sound runs on the clock: a second of it is
    // `speedup` seconds of the record.
    let (before, speedup) = (g.playhead_s(), g.quakes[2].sound.speedup);
    step(&mut app, 1.0);
    let moved = state::<SonifyParams>(&app).playhead_s() - before;
    assert!((moved - speedup).abs() < 1.0, "{moved}");
    // Leaving stops the sound: an output pulling it gets a short fade.
    let near = button_reading(&mut app, "近处的地震");
    tap(&mut app, near);
    let mut heard = live_mut::<SonifyParams>(&mut app)
        .state_mut()
        .and_then(|g| g.voice.as_mut())
        .and_then(|v| v.tap(1.0, 0.0))
        .expect("a fresh voice");
    assert_eq!(heard.by_ref().take(4410).count(), 4410);
    go(&mut app, Screen::Home, None);
    let fade = (STOP_FADE_S * SAMPLE_RATE as f64) as usize;
    assert_eq!(heard.count(), fade, "faded out and ended");
    // And so does the hall's idle reset.
    go(&mut app, Screen::Exhibit, Some("14-sonify"));
    let near = button_reading(&mut app, "近处的地震");
    tap(&mut app, near);
    let heard = live_mut::<SonifyParams>(&mut app)
        .state_mut()
        .and_then(|g| g.voice.as_mut())
        .and_then(|v| v.tap(1.0, 0.0))
        .expect("a fresh voice");
    step(&mut app, 100.0);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Attract
    );
    assert!(heard.count() <= fade);
}

#[test]
fn the_listen_buttons_of_16_and_19_play_the_record_on_screen() {
    use quakehall::kinds::{FindWavesParams, QuakeOrNotParams};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("16-find-waves"));
    let listen = button_reading(&mut app, "听一听");
    tap(&mut app, listen);
    app.update();
    assert!(state::<FindWavesParams>(&app).is_listening());
    step(&mut app, 0.5);
    let l = state::<FindWavesParams>(&app)
        .round()
        .listen
        .as_ref()
        .unwrap();
    assert!(l.heard_s().unwrap() > 0.0);
    let stop = button_reading(&mut app, "停");
    tap(&mut app, stop);
    app.update();
    assert!(!state::<FindWavesParams>(&app).is_listening());
    go(&mut app, Screen::Exhibit, Some("19-quake-or-not"));
    live_mut::<QuakeOrNotParams>(&mut app)
        .state_mut()
        .unwrap()
        .select(0);
    app.update();
    let listen = button_reading(&mut app, "听一听");
    tap(&mut app, listen);
    app.update();
    assert!(state::<QuakeOrNotParams>(&app).is_listening());
    // Another card in the viewer silences the first.
    live_mut::<QuakeOrNotParams>(&mut app)
        .state_mut()
        .unwrap()
        .select(1);
    assert!(!state::<QuakeOrNotParams>(&app).is_listening());
}

#[test]
fn early_warning_plays_a_quake_to_its_summary_through_taps() {
    use quakehall::kinds::EarlyWarningParams;
    use quakehall::kinds::early_warning::countdown::{CityState, Stage};
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("22-early-warning"));
    assert_eq!(state::<EarlyWarningParams>(&app).stage, Stage::Choosing);
    let wenchuan = button_reading(&mut app, "汶川 8.0级（2008）");
    tap(&mut app, wenchuan);
    app.update();
    let c = state::<EarlyWarningParams>(&app);
    assert_eq!((c.stage, c.current), (Stage::Running, 1));
    let alert = c.event().alert_s;
    // Real seconds: the alert, then the hall's countdown.
    step(&mut app, alert as f32 + 1.0);
    let c = state::<EarlyWarningParams>(&app);
    assert!(c.alerted(), "{} s", c.t);
    assert!(matches!(c.city_state(0), CityState::Counting { .. }));
    let shown: Vec<String> = texts(&mut app).into_iter().map(|(_, s)| s).collect();
    assert!(
        shown.iter().any(|s| s.starts_with("重庆 科技馆：还有")),
        "{shown:?}"
    );
    // The visitor watches without touching: the story (longer than the
    // idle timeout) holds the idle timer until it ends.
    let timeout = app.world().resource::<Hall>().hall.idle_timeout_s;
    step(&mut app, timeout);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Exhibit
    );
    assert_eq!(state::<EarlyWarningParams>(&app).stage, Stage::Done);
    let again = button_reading(&mut app, "再试一次");
    tap(&mut app, again);
    app.update();
    assert_eq!(state::<EarlyWarningParams>(&app).stage, Stage::Choosing);
}

#[test]
fn intensity_rings_follow_the_degree_buttons_and_a_press_on_the_map() {
    use quakehall::kinds::IntensityRingsParams;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("23-intensity-rings"));
    let vii = button_reading(&mut app, "VII 度");
    tap(&mut app, vii);
    app.update();
    assert_eq!(state::<IntensityRingsParams>(&app).chosen, Some(7));
    let shown: Vec<String> = texts(&mut app).into_iter().map(|(_, s)| s).collect();
    assert!(
        shown.iter().any(|s| s.starts_with("烈度 VII 度：")),
        "{shown:?}"
    );
    let deep = button_reading(&mut app, "深源 30 公里");
    tap(&mut app, deep);
    app.update();
    let r = state::<IntensityRingsParams>(&app);
    assert!(r.deep);
    assert!(r.epicentral_degree() < 8);
}

#[test]
fn the_little_engineer_builds_shakes_and_sees_the_result_through_taps() {
    use quakehall::kinds::ShakeTowerParams;
    use quakehall::kinds::shake_tower::tower::Stage;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("25-shake-tower"));
    let floors = state::<ShakeTowerParams>(&app).design.floors;
    let add = button_reading(&mut app, "加一层");
    tap(&mut app, add);
    app.update();
    assert_eq!(state::<ShakeTowerParams>(&app).design.floors, floors + 1);
    let braces = button_reading(&mut app, "加支撑");
    tap(&mut app, braces);
    let slow = button_reading(&mut app, "远处大地震（摇得慢）");
    tap(&mut app, slow);
    app.update();
    let tw = state::<ShakeTowerParams>(&app);
    assert!(tw.design.braced[..tw.design.floors].iter().all(|&b| b));
    assert_eq!(tw.record, 1);
    let shake = button_reading(&mut app, "开始摇晃！");
    tap(&mut app, shake);
    app.update();
    assert_eq!(state::<ShakeTowerParams>(&app).stage, Stage::Shaking);
    step(&mut app, 20.0);
    let tw = state::<ShakeTowerParams>(&app);
    assert_eq!(tw.stage, Stage::Result);
    assert!(
        tw.outcome.unwrap().failed.is_none(),
        "a braced tower stands the slow record"
    );
    let again = button_reading(&mut app, "重新设计");
    tap(&mut app, again);
    app.update();
    assert_eq!(state::<ShakeTowerParams>(&app).stage, Stage::Building);
}

#[test]
fn the_safety_quiz_plays_every_scene_to_its_friendly_end() {
    use quakehall::kinds::SafetyQuizParams;
    use quakehall::kinds::safety_quiz::quiz::Stage;
    let copy = HallCopy::new();
    let mut app = headless(&copy, false);
    go(&mut app, Screen::Exhibit, Some("24-safety-quiz"));
    let wrong = button_reading(&mut app, "马上跑出教室");
    tap(&mut app, wrong);
    app.update();
    assert_eq!(state::<SafetyQuizParams>(&app).stage, Stage::Asking);
    let n = state::<SafetyQuizParams>(&app).scenes.len();
    for _ in 0..n {
        let q = state::<SafetyQuizParams>(&app);
        let safe = q
            .scene()
            .answers
            .iter()
            .find(|a| a.safe)
            .unwrap()
            .text
            .zh
            .clone();
        let b = button_reading(&mut app, &safe);
        tap(&mut app, b);
        app.update();
        assert_eq!(state::<SafetyQuizParams>(&app).stage, Stage::Safe);
        let next = if state::<SafetyQuizParams>(&app).current + 1 < n {
            "下一个"
        } else {
            "看看我的星星"
        };
        let b = button_reading(&mut app, next);
        tap(&mut app, b);
        app.update();
    }
    let q = state::<SafetyQuizParams>(&app);
    assert_eq!(q.stage, Stage::Done);
    assert_eq!(
        q.stars() as usize,
        n - 1,
        "the first scene needed a second try"
    );
    let again = button_reading(&mut app, "再玩一次");
    tap(&mut app, again);
    app.update();
    assert_eq!(state::<SafetyQuizParams>(&app).stage, Stage::Asking);
}
