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
    /// Projector windows saved so far, and whether the main one is.
    projectors_saved: usize,
    main_saved: bool,
    frames_since_main: u32,
}

/// Where projector `i`'s picture goes beside the main one: `x.png` ->
/// `x-projector-1.png`.
pub fn projector_path(out: &std::path::Path, i: usize) -> PathBuf {
    let stem = out.file_stem().unwrap_or_default().to_string_lossy();
    out.with_file_name(format!("{stem}-projector-{}.png", i + 1))
}

/// Captures tried before a blank one is saved as it is.
const MAX_ATTEMPTS: u32 = 40;
/// Frames between captures when one came out blank.
const RETRY_FRAMES: u32 = 3;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ShotProgress>()
        .add_systems(Last, (take_shot, finish));
}

fn take_shot(
    mut commands: Commands,
    opts: Res<HallOptions>,
    mut progress: ResMut<ShotProgress>,
    assets: Option<Res<AssetServer>>,
    images: Query<&ImageNode>,
    projectors: Query<(Entity, &super::projectors::ProjectorWindow)>,
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
    if progress.attempts == 1 {
        for (window, p) in &projectors {
            let path = projector_path(&out, p.0);
            commands.spawn(Screenshot::window(window)).observe(
                move |shot: On<ScreenshotCaptured>, mut progress: ResMut<ShotProgress>| {
                    match shot.image.clone().try_into_dynamic() {
                        Ok(img) => match img.to_rgb8().save(&path) {
                            Ok(()) => info!("projector screenshot saved to {}", path.display()),
                            Err(e) => error!("cannot save {}: {e}", path.display()),
                        },
                        Err(e) => error!("cannot read a projector screenshot: {e}"),
                    }
                    progress.projectors_saved += 1;
                },
            );
        }
    }
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
                    // `finish` exits once the projector windows are saved too.
                    progress.main_saved = true;
                }
                Err(e) => {
                    error!("cannot save the screenshot to {}: {e}", out.display());
                    exit.write(AppExit::error());
                }
            }
        },
    );
}

/// Exits once the main screenshot and every projector's are saved (or
/// after a minute of frames, if a projector never answers).
fn finish(
    mut progress: ResMut<ShotProgress>,
    projectors: Query<(), With<super::projectors::ProjectorWindow>>,
    mut exit: MessageWriter<AppExit>,
) {
    if !progress.main_saved {
        return;
    }
    progress.frames_since_main += 1;
    let all = progress.projectors_saved >= projectors.iter().count();
    if all || progress.frames_since_main > 600 {
        if !all {
            warn!("some projector screenshots were not saved");
        }
        exit.write(AppExit::Success);
        progress.main_saved = false;
    }
}
