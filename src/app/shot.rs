//! `quakehall shot`: render one screen for a number of frames, save a PNG
//! of the window, and exit (non-zero if the picture could not be saved).

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

use super::HallOptions;

/// What to capture.
#[derive(Debug, Clone)]
pub struct ShotRequest {
    /// Where the PNG goes.
    pub out: PathBuf,
    /// Frames to render before capturing (lets pictures and fonts load).
    pub frames: u32,
    /// Open page or panel N (from 1) of the exhibit before capturing.
    pub open: Option<usize>,
    /// Show the curator PIN pad or overlay over the screen.
    pub curator: Option<crate::app::curator::CuratorMode>,
}

#[derive(Resource, Default)]
struct ShotProgress {
    frames: u32,
    requested: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ShotProgress>()
        .add_systems(Last, take_shot);
}

fn take_shot(
    mut commands: Commands,
    opts: Res<HallOptions>,
    mut progress: ResMut<ShotProgress>,
    assets: Option<Res<AssetServer>>,
    images: Query<&ImageNode>,
) {
    let Some(req) = &opts.shot else { return };
    progress.frames += 1;
    if progress.requested || progress.frames < req.frames {
        return;
    }
    // Wait (up to 10x the frames) for every picture on screen to load.
    let loading = assets.is_some_and(|a| {
        images.iter().any(|i| {
            !a.is_loaded_with_dependencies(i.image.id())
                && a.get_load_state(i.image.id())
                    .is_some_and(|s| s.is_loading())
        })
    });
    if loading && progress.frames < req.frames * 10 {
        return;
    }
    progress.requested = true;
    let out = req.out.clone();
    commands.spawn(Screenshot::primary_window()).observe(
        move |shot: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
            let result = shot
                .image
                .clone()
                .try_into_dynamic()
                .map_err(|e| e.to_string())
                .and_then(|img| img.to_rgb8().save(&out).map_err(|e| e.to_string()));
            match result {
                Ok(()) => {
                    info!("screenshot saved to {}", out.display());
                    exit.write(AppExit::Success);
                }
                Err(e) => {
                    error!("cannot save the screenshot to {}: {e}", out.display());
                    exit.write(AppExit::error());
                }
            }
        },
    );
}
