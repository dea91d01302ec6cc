//! The Bevy layer: screens, exhibits and widgets drawn from the domain.
//! One plugin per feature; this file wires them together and holds the
//! few types every feature shares.

pub mod audio;
pub mod bench;
pub mod curator;
pub mod editor;
pub mod exhibits;
pub mod fonts;
pub mod globe;
pub mod hall;
pub mod idle;
pub mod pictures;
pub mod projectors;
pub mod screens;
pub mod shot;
pub mod widgets;
pub mod window;

use std::path::PathBuf;

use bevy::prelude::*;

use crate::domain::text::Lang;

/// How the hall was started (from the command line).
#[derive(Resource, Debug, Clone)]
pub struct HallOptions {
    /// The scenes folder (`scenes/`).
    pub scenes_dir: PathBuf,
    /// The assets folder scene paths are relative to (`assets/`).
    pub assets_dir: PathBuf,
    /// Kiosk mode: fullscreen, no cursor, no way out but the curator overlay.
    pub kiosk: bool,
    /// Open this exhibit (id or number), `home` or `attract` at start.
    pub scene: Option<String>,
    /// The hall is the one exhibit of `scene` on its own kiosk: no home
    /// screen, and idle resets return to that exhibit's attract loop.
    pub dedicated: bool,
    /// Language at start (and after every reset); `None`: the hall's first.
    pub lang: Option<Lang>,
    /// Window size in logical pixels when not fullscreen.
    pub size: (u32, u32),
    /// Render this many frames, save a screenshot here, and exit.
    pub shot: Option<shot::ShotRequest>,
    /// Projector windows beside the touchscreen (0-3) for wide exhibits.
    pub projectors: usize,
}

impl HallOptions {
    /// Options for the shipped hall in `root` (which holds `scenes/` and `assets/`).
    pub fn for_root(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        Self {
            scenes_dir: root.join("scenes"),
            assets_dir: root.join("assets"),
            kiosk: false,
            scene: None,
            dedicated: false,
            lang: None,
            size: (1280, 720),
            shot: None,
            projectors: 0,
        }
    }
}

/// The screens of the hall. Every entity a screen spawns carries
/// `DespawnOnExit(screen)`, so a reset is one `NextState::set`.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Nobody is here: cycle exhibit titles and previews.
    #[default]
    Attract,
    /// Zones and exhibit cards.
    Home,
    /// One exhibit.
    Exhibit,
}

/// The language every visitor text is shown in.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UiLang(pub Lang);

/// The exhibit the `Exhibit` screen shows (its id).
#[derive(Resource, Debug, Clone, PartialEq, Eq, Default)]
pub struct CurrentExhibit(pub Option<String>);

/// Global order of the per-frame work. New variants go into the
/// `configure_sets` chain below, nowhere else.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Timers and file polling.
    TickTimers,
    /// Read visitor input.
    RecordInput,
    /// Everything else: visitor actions, exhibits advancing.
    Update,
    /// Respawn what must be redrawn (a hot reload, a language change),
    /// once all changes of the frame are in.
    Redraw,
    /// Bring what is on screen (freshly drawn or not) in line with the
    /// state: texts, pictures, visibility; nothing is spawned here.
    Refresh,
}

/// Everything but the window and renderer: used by the hall and, with
/// `MinimalPlugins`, by headless tests.
pub fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::TickTimers,
            AppSystems::RecordInput,
            AppSystems::Update,
            AppSystems::Redraw,
            AppSystems::Refresh,
        )
            .chain(),
    );
    app.init_state::<Screen>()
        .init_resource::<UiLang>()
        .init_resource::<CurrentExhibit>()
        .init_resource::<audio::AudioOutput>()
        .add_message::<audio::PlaySound>()
        .add_observer(audio::tap_sound);
    app.add_plugins((
        hall::plugin,
        pictures::plugin,
        widgets::plugin,
        idle::plugin,
        screens::plugin,
        exhibits::plugin,
        curator::plugin,
        projectors::plugin,
    ));
}

impl HallOptions {
    /// `quakehall shot --open N`: the page, panel, guess or moment N a
    /// screenshot asks the open exhibit to show.
    pub fn shot_open(&self) -> Option<usize> {
        self.shot.as_ref().and_then(|s| s.open)
    }

    /// Whether this hall is one exhibit on a dedicated kiosk.
    pub fn is_dedicated(&self) -> bool {
        self.dedicated
            && self
                .scene
                .as_deref()
                .is_some_and(|s| s != "home" && s != "attract")
    }
}

/// The full windowed hall.
pub fn build_app(opts: HallOptions) -> App {
    let mut app = App::new();
    app.add_plugins(window::default_plugins(&opts));
    app.insert_resource(opts.clone());
    app.add_plugins((
        plugin,
        fonts::plugin,
        window::plugin,
        shot::plugin,
        editor::plugin,
    ));
    if opts.shot.is_none() {
        app.add_plugins(audio::plugin);
    }
    app
}
