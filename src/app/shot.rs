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
    attempts: u32,
}

/// Captures tried before a blank one is saved as it is.
const MAX_ATTEMPTS: u32 = 40;
/// Frames between captures when one came out blank.
const RETRY_FRAMES: u32 = 3;

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
    progress.attempts += 1;
    let out = req.out.clone();
    commands.spawn(Screenshot::primary_window()).observe(
        move |shot: On<ScreenshotCaptured>,
              mut progress: ResMut<ShotProgress>,
              mut exit: MessageWriter<AppExit>| {
            let img = match shot.image.clone().try_into_dynamic() {
                Ok(img) => img.to_rgb8(),
                Err(e) => {
                    error!("cannot read the screenshot: {e}");
                    exit.write(AppExit::error());
                    return;
                }
            };
            // The renderer compiles its pipelines in the background, so the
            // first frames can come out empty: try again a few frames later.
            let first = img.pixels().next().copied();
            let blank = img.pixels().all(|p| Some(*p) == first);
            if blank && progress.attempts < MAX_ATTEMPTS {
                progress.requested = false;
                progress.frames = progress.frames.saturating_sub(RETRY_FRAMES);
                return;
            }
            match img.save(&out) {
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
