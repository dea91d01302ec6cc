//! `quakehall bench`: frame times of an exhibit against a baseline scene
//! (a camera, a light and one mesh) at the same window size. Each is run in
//! its own process (a process can open only one window event loop), which
//! prints one JSON line; the parent compares them.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::HallOptions;

/// Frames rendered before timing starts (pictures and fonts load).
const WARMUP_FRAMES: u32 = 20;

/// What a timing run measured.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FrameTimes {
    /// Median frame time, ms.
    pub median_ms: f64,
    /// 95th-percentile frame time, ms.
    pub p95_ms: f64,
}

impl FrameTimes {
    /// Median and 95th percentile of `ms` (empty: zeros).
    pub fn of(ms: &[f64]) -> Self {
        if ms.is_empty() {
            return Self {
                median_ms: 0.0,
                p95_ms: 0.0,
            };
        }
        let mut v = ms.to_vec();
        v.sort_by(f64::total_cmp);
        let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
        Self {
            median_ms: at(0.5),
            p95_ms: at(0.95),
        }
    }
}

/// The frames still to time, and the times so far.
#[derive(Resource)]
struct FrameLog {
    warmup: u32,
    left: u32,
    ms: Vec<f64>,
}

fn log_frame(time: Res<Time<Real>>, mut log: ResMut<FrameLog>, mut exit: MessageWriter<AppExit>) {
    if log.warmup > 0 {
        log.warmup -= 1;
        return;
    }
    if log.left == 0 {
        return;
    }
    log.ms.push(time.delta_secs_f64() * 1e3);
    log.left -= 1;
    if log.left == 0 {
        let times = FrameTimes::of(&log.ms);
        println!("{}", serde_json::to_string(&times).unwrap_or_default());
        exit.write(AppExit::Success);
    }
}

fn timed(app: &mut App, frames: u32) {
    app.insert_resource(FrameLog {
        warmup: WARMUP_FRAMES,
        left: frames.max(1),
        ms: Vec::new(),
    })
    .add_systems(Last, log_frame);
}

/// The hall showing `opts.scene`, timed for `frames` frames.
pub fn exhibit_app(opts: HallOptions, frames: u32) -> App {
    let mut app = super::build_app(opts);
    timed(&mut app, frames);
    app
}

#[derive(Component)]
struct Spin;

/// The baseline: a lit, slowly turning cube, timed for `frames` frames.
pub fn baseline_app(opts: &HallOptions, frames: u32) -> App {
    let mut app = App::new();
    app.add_plugins(super::window::default_plugins(opts));
    app.add_systems(Startup, baseline_scene).add_systems(
        Update,
        |time: Res<Time>, mut q: Query<&mut Transform, With<Spin>>| {
            for mut t in &mut q {
                t.rotate_y(time.delta_secs() * 0.5);
            }
        },
    );
    timed(&mut app, frames);
    app
}

fn baseline_scene(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    commands.spawn((
        Camera3d::default(),
        Transform::from_xyz(2.5, 2.0, 3.5).looking_at(Vec3::ZERO, Vec3::Y),
    ));
    commands.spawn((
        DirectionalLight::default(),
        Transform::from_xyz(3.0, 5.0, 2.0).looking_at(Vec3::ZERO, Vec3::Y),
    ));
    commands.spawn((
        Spin,
        Mesh3d(meshes.add(Cuboid::new(1.5, 1.5, 1.5))),
        MeshMaterial3d(materials.add(Color::srgb(0.8, 0.5, 0.3))),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles() {
        let ms: Vec<f64> = (1..=100).map(f64::from).collect();
        let t = FrameTimes::of(&ms);
        assert_eq!((t.median_ms, t.p95_ms), (51.0, 95.0));
        assert_eq!(FrameTimes::of(&[]).median_ms, 0.0);
    }
}
