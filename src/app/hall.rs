//! The scenes folder as a resource: loaded at start, polled for changes
//! (hot reload within a second), broken saves keep the last good version.

use bevy::prelude::*;

use super::{AppSystems, CurrentExhibit, HallOptions, Screen, UiLang};
use crate::domain::scene::Library;
use crate::domain::text::Lang;

/// The loaded scenes.
#[derive(Resource, Debug, Deref, DerefMut)]
pub struct Hall(pub Library);

/// Set to redraw the current screen from the current state (after a hot
/// reload, a page turn, a language change).
#[derive(Resource, Debug, Default)]
pub struct RebuildScreen(pub bool);

/// The language every reset returns to.
#[derive(Resource, Debug, Clone, Copy)]
pub struct StartLang(pub Lang);

/// How often the scenes folder is checked for saved changes.
pub const POLL_SECONDS: f32 = 0.25;

#[derive(Resource)]
struct PollTimer(Timer);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<RebuildScreen>()
        .insert_resource(PollTimer(Timer::from_seconds(
            POLL_SECONDS,
            TimerMode::Repeating,
        )))
        .add_systems(PreStartup, load_hall)
        .add_systems(Update, poll_scene_files.in_set(AppSystems::TickTimers));
}

/// The language a reset returns to: the command line's, else the hall's first.
pub fn start_language(opts: &HallOptions, lib: &Library) -> Lang {
    opts.lang
        .or_else(|| lib.hall.languages.first().copied())
        .unwrap_or_default()
}

fn log_problems(lib: &Library) {
    for p in &lib.problems {
        if p.is_error() {
            error!("{p}");
        } else {
            warn!("{p}");
        }
    }
}

fn load_hall(
    mut commands: Commands,
    opts: Res<HallOptions>,
    mut lang: ResMut<UiLang>,
    mut current: ResMut<CurrentExhibit>,
    mut next: ResMut<NextState<Screen>>,
    font: Option<Res<super::fonts::UiFont>>,
) {
    let lib = Library::load(&opts.scenes_dir, &opts.assets_dir);
    info!(
        "hall: {} exhibits from {} ({} errors, {} warnings)",
        lib.exhibits.len(),
        opts.scenes_dir.display(),
        lib.error_count(),
        lib.problems.len() - lib.error_count()
    );
    log_problems(&lib);
    lang.0 = start_language(&opts, &lib);
    if opts.lang.is_none() && font.is_some_and(|f| f.missing.is_some()) {
        // Chinese would show as empty boxes: English stays readable.
        lang.0 = Lang::En;
    }
    commands.insert_resource(StartLang(lang.0));
    match opts.scene.as_deref() {
        None | Some("attract") => {}
        Some("home") => next.set(Screen::Home),
        Some(key) => match lib.exhibit(key) {
            Some(ex) => {
                current.0 = Some(ex.id.clone());
                next.set(Screen::Exhibit);
            }
            None => {
                error!("--scene {key}: no exhibit has this id or number; showing the attract loop")
            }
        },
    }
    commands.insert_resource(Hall(lib));
}

fn poll_scene_files(
    time: Res<Time>,
    mut timer: ResMut<PollTimer>,
    mut hall: ResMut<Hall>,
    mut rebuild: ResMut<RebuildScreen>,
    mut current: ResMut<CurrentExhibit>,
    state: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !timer.0.tick(time.delta()).just_finished() {
        return;
    }
    // Reading the folder must not mark the hall as changed unless it did,
    // or everything that redraws on change would redraw four times a second.
    let lib = hall.bypass_change_detection();
    let before = lib.problems.clone();
    let changed = lib.reload_if_changed();
    let problems_changed = lib.problems != before;
    if changed || problems_changed {
        hall.set_changed();
    }
    if problems_changed {
        log_problems(&hall);
        if hall.problems.is_empty() {
            info!("scenes: all problems fixed");
        }
        // The curator notice lists the problems: redraw it.
        rebuild.0 = true;
    }
    if !changed {
        return;
    }
    info!("scenes changed on disk: redrawing");
    rebuild.0 = true;
    if *state.get() == Screen::Exhibit
        && let Some(id) = &current.0
        && hall.exhibit(id).is_none()
    {
        warn!("exhibit {id} was removed: back to the home screen");
        current.0 = None;
        next.set(Screen::Home);
    }
}
