//! The screens: attract loop, home, exhibit. Each is drawn by one function
//! from the current state; a redraw despawns the screen root and draws it
//! again, which keeps hot reload, language change and page turns simple.

pub mod attract;
pub mod exhibit;
pub mod home;

use std::collections::HashMap;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::exhibits::ExhibitSession;
use super::hall::{Hall, RebuildScreen};
use super::{AppSystems, CurrentExhibit, HallOptions, Screen, UiLang};

/// The root entity of the screen being shown.
#[derive(Component)]
pub struct ScreenRoot;

/// Handles of every picture the scenes use, kept alive so that redraws and
/// page turns never wait for a picture to load again.
#[derive(Resource, Default)]
pub struct PictureCache(HashMap<String, Handle<Image>>);

impl PictureCache {
    /// The picture at `path` inside `assets/`, loading it the first time.
    pub fn get(&mut self, server: Option<&AssetServer>, path: &str) -> Option<Handle<Image>> {
        if let Some(h) = self.0.get(path) {
            return Some(h.clone());
        }
        let h: Handle<Image> = server?.load(path.to_owned());
        self.0.insert(path.to_owned(), h.clone());
        Some(h)
    }
}

/// Everything a screen needs to draw itself.
#[derive(SystemParam)]
pub struct ScreenCtx<'w> {
    /// The scenes.
    pub hall: Res<'w, Hall>,
    /// The language.
    pub lang: Res<'w, UiLang>,
    /// The exhibit being shown.
    pub current: Res<'w, CurrentExhibit>,
    /// The command line.
    pub opts: Option<Res<'w, HallOptions>>,
    /// Asset loading (absent in headless tests).
    pub server: Option<Res<'w, AssetServer>>,
    /// Loaded pictures.
    pub pictures: ResMut<'w, PictureCache>,
    /// Visitor state of the exhibit.
    pub session: Res<'w, ExhibitSession>,
    /// The wave race being run, if one is open.
    pub race: Res<'w, super::exhibits::race::RaceSim>,
    /// The particle block of "Four kinds of waves", if one is open.
    pub wave_types: Res<'w, super::exhibits::wave_types::WaveTypesSim>,
    /// The Earth cross-section of "Through the Earth", if one is open.
    pub earth: Res<'w, super::exhibits::earth::EarthSim>,
    /// The running sand table (its clock and chosen magnitude).
    pub sand: Res<'w, super::exhibits::sand::SandSim>,
    /// The running theatre (its clock and story).
    pub theatre: Res<'w, super::exhibits::theatre::TheatreSim>,
    /// The attract loop's current slide.
    pub slide: Res<'w, attract::AttractSlide>,
}

impl ScreenCtx<'_> {
    /// A picture handle, if pictures can be loaded here.
    pub fn picture(&mut self, path: &str) -> Option<Handle<Image>> {
        let server = self.server.as_deref();
        self.pictures.get(server, path)
    }

    /// Whether this hall is one exhibit on a dedicated kiosk (`--scene ID`),
    /// which has no home screen to go back to.
    pub fn dedicated(&self) -> bool {
        self.opts.as_ref().is_some_and(|o| o.is_dedicated())
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PictureCache>();
    app.add_plugins(attract::plugin);
    for screen in [Screen::Attract, Screen::Home, Screen::Exhibit] {
        app.add_systems(OnEnter(screen), request_redraw);
    }
    app.add_systems(Update, redraw.in_set(AppSystems::Redraw));
}

fn request_redraw(mut rebuild: ResMut<RebuildScreen>) {
    rebuild.0 = true;
}

fn redraw(
    mut commands: Commands,
    mut rebuild: ResMut<RebuildScreen>,
    roots: Query<Entity, With<ScreenRoot>>,
    state: Res<State<Screen>>,
    mut ctx: ScreenCtx,
) {
    if !rebuild.0 {
        return;
    }
    rebuild.0 = false;
    for e in &roots {
        commands.entity(e).despawn();
    }
    let screen = *state.get();
    let root = commands
        .spawn((
            ScreenRoot,
            DespawnOnExit(screen),
            Name::new(format!("{screen:?} screen")),
            Node {
                width: percent(100),
                height: percent(100),
                flex_direction: FlexDirection::Column,
                ..default()
            },
            BackgroundColor(super::widgets::palette::BACKGROUND),
        ))
        .id();
    match screen {
        Screen::Attract => attract::draw(&mut commands, root, &mut ctx),
        Screen::Home => home::draw(&mut commands, root, &mut ctx),
        Screen::Exhibit => exhibit::draw(&mut commands, root, &mut ctx),
    }
}
