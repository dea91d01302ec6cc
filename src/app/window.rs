//! The window: windowed for development and curators, borderless
//! fullscreen without a cursor in kiosk mode, where closing the window,
//! Esc, Alt+F4 and Ctrl+Q do nothing (only the curator overlay quits).
//! The interface is designed at 1920x1080 and scaled to the window.

use bevy::prelude::*;
use bevy::window::{
    CursorOptions, ExitCondition, WindowCloseRequested, WindowMode, WindowResolution,
};

use super::HallOptions;

/// The size the interface is designed at.
pub const DESIGN_SIZE: Vec2 = Vec2::new(1920.0, 1080.0);

/// `DefaultPlugins` set up for the hall.
pub fn default_plugins(opts: &HallOptions) -> impl PluginGroup {
    DefaultPlugins.set(window_plugin(opts)).set(AssetPlugin {
        file_path: opts.assets_dir.to_string_lossy().into_owned(),
        ..default()
    })
}

/// The window settings for these options.
pub fn window_plugin(opts: &HallOptions) -> bevy::window::WindowPlugin {
    let mut window = Window {
        title: "quakehall".into(),
        resolution: WindowResolution::new(opts.size.0, opts.size.1).with_scale_factor_override(1.0),
        ..default()
    };
    if opts.kiosk {
        window.mode = WindowMode::BorderlessFullscreen(MonitorSelection::Current);
        window.decorations = false;
    }
    bevy::window::WindowPlugin {
        primary_window: Some(window),
        primary_cursor_options: Some(CursorOptions {
            visible: !opts.kiosk,
            ..default()
        }),
        exit_condition: if opts.kiosk {
            ExitCondition::DontExit
        } else {
            ExitCondition::OnPrimaryClosed
        },
        close_when_requested: !opts.kiosk,
    }
}

/// Where the hall is drawn when not on the whole window: the curator's
/// editor shows it as a live preview beside the form. Fractions of the
/// window (left, top, width, height).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Default)]
pub struct PreviewArea(pub Option<Rect>);

/// The camera the interface is drawn with.
#[derive(Component)]
pub struct InterfaceCamera;

/// UI scaling and the kiosk's refusal to quit.
pub fn plugin(app: &mut App) {
    app.insert_resource(UiScale(1.0))
        .init_resource::<PreviewArea>()
        .insert_resource(ClearColor(super::widgets::palette::BACKGROUND))
        .add_systems(Startup, spawn_camera)
        .add_systems(Update, (fit_ui_scale, exit_keys, log_close_requests));
}

/// The camera the interface is drawn with (3D exhibits bring their own).
fn spawn_camera(mut commands: Commands) {
    commands.spawn((
        Camera2d,
        InterfaceCamera,
        IsDefaultUiCamera,
        Name::new("interface camera"),
    ));
}

/// Scales the design to the window (or to the preview area in it),
/// keeping everything visible.
fn fit_ui_scale(
    windows: Query<Ref<Window>, With<bevy::window::PrimaryWindow>>,
    area: Res<PreviewArea>,
    mut scale: ResMut<UiScale>,
    mut cameras: Query<&mut Camera, With<InterfaceCamera>>,
) {
    let Some(w) = windows.iter().next() else {
        return;
    };
    if !w.is_changed() && !area.is_changed() {
        return;
    }
    let (pos, size) = match area.0 {
        Some(r) => (
            r.min * Vec2::new(w.width(), w.height()),
            r.size() * Vec2::new(w.width(), w.height()),
        ),
        None => (Vec2::ZERO, Vec2::new(w.width(), w.height())),
    };
    let s = (size.x / DESIGN_SIZE.x)
        .min(size.y / DESIGN_SIZE.y)
        .max(0.05);
    if (scale.0 - s).abs() > 1e-4 {
        scale.0 = s;
    }
    let f = w.scale_factor();
    let viewport = area.0.map(|_| bevy::camera::Viewport {
        physical_position: (pos * f).as_uvec2(),
        physical_size: (size * f).as_uvec2().max(UVec2::ONE),
        ..default()
    });
    let key = |v: &Option<bevy::camera::Viewport>| {
        v.as_ref().map(|v| (v.physical_position, v.physical_size))
    };
    for mut cam in &mut cameras {
        if key(&cam.viewport) != key(&viewport) {
            cam.viewport = viewport.clone();
        }
    }
}

/// Ctrl+Q quits a windowed hall; a kiosk ignores every key.
pub fn exit_keys(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    opts: Option<Res<HallOptions>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(keys) = keys else { return };
    let kiosk = opts.is_none_or(|o| o.kiosk);
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if ctrl && keys.just_pressed(KeyCode::KeyQ) {
        if kiosk {
            info!("kiosk mode: Ctrl+Q ignored (curators quit from the curator overlay)");
        } else {
            exit.write(AppExit::Success);
        }
    }
}

fn log_close_requests(
    mut close: MessageReader<WindowCloseRequested>,
    opts: Option<Res<HallOptions>>,
) {
    if opts.is_some_and(|o| o.kiosk) {
        for _ in close.read() {
            info!("kiosk mode: window close request ignored");
        }
    }
}
