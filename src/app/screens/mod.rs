//! The screens: attract loop, home, exhibit. Each is drawn by one function
//! from the current state when it is entered; a redraw (a hot reload, a
//! language change) despawns the screen root and draws it again. What a
//! visitor changes (a page, a play button, a slider) and what the attract
//! loop cycles through are updated in place.

pub mod attract;
pub mod exhibit;
pub mod home;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::hall::{Hall, RebuildScreen};
use super::pictures::PictureCache;
use super::{AppSystems, CurrentExhibit, HallOptions, Screen, UiLang};

/// The root entity of the screen being shown.
#[derive(Component)]
pub struct ScreenRoot;

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
    app.add_plugins((attract::plugin, exhibit::plugin, home::plugin));
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
