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

/// UI scaling and the kiosk's refusal to quit.
pub fn plugin(app: &mut App) {
    app.insert_resource(UiScale(1.0))
        .insert_resource(ClearColor(super::widgets::palette::BACKGROUND))
        .add_systems(Startup, spawn_camera)
        .add_systems(Update, (fit_ui_scale, exit_keys, log_close_requests));
}

/// The camera the interface is drawn with (3D exhibits bring their own).
fn spawn_camera(mut commands: Commands) {
    commands.spawn((Camera2d, Name::new("interface camera")));
}

/// Scales the design to the window, keeping everything visible.
fn fit_ui_scale(
    windows: Query<&Window, (Changed<Window>, With<bevy::window::PrimaryWindow>)>,
    mut scale: ResMut<UiScale>,
) {
    if let Some(w) = windows.iter().next() {
        let s = (w.width() / DESIGN_SIZE.x)
            .min(w.height() / DESIGN_SIZE.y)
            .max(0.1);
        if (scale.0 - s).abs() > 1e-4 {
            scale.0 = s;
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
