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
    /// Also write the laid-out size of every touch target here (JSON).
    pub targets: Option<PathBuf>,
    /// Redraw the whole screen this many times (language changes, a few
    /// frames apart) before capturing, and say how many pictures and
    /// entities the hall held before and after: a redraw must leave none
    /// behind.
    pub redraws: u32,
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
    /// Redraws made, and what the hall held after the first two.
    redraws: u32,
    held: Option<(usize, usize)>,
}

/// Frames between two redraws: more than the two frames after which the
/// text pipeline lets go of a font it has not used.
const REDRAW_EVERY: u32 = 6;

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
    app.init_resource::<ShotProgress>().add_systems(
        Last,
        (redraw_soak, take_shot, write_targets, finish).chain(),
    );
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
    if progress.requested || progress.frames < req.frames || progress.redraws < req.redraws {
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

/// After the warm-up frames, redraws the screen `redraws` times (changing
/// the language, an even number of times keeps it), then prints what the
/// hall held after the first two redraws and after the last.
fn redraw_soak(
    mut commands: Commands,
    opts: Res<HallOptions>,
    mut progress: ResMut<ShotProgress>,
    images: Option<Res<Assets<Image>>>,
    entities: Query<Entity>,
) {
    let Some(req) = &opts.shot else { return };
    if progress.redraws >= req.redraws || progress.frames < req.frames {
        return;
    }
    let since = progress.frames - req.frames;
    if !since.is_multiple_of(REDRAW_EVERY) {
        return;
    }
    let held = (
        images.map(|i| i.len()).unwrap_or(0),
        entities.iter().count(),
    );
    match progress.redraws {
        2 => progress.held = Some(held),
        n if n + 1 == req.redraws => {
            let (images0, entities0) = progress.held.unwrap_or(held);
            println!(
                "redraws: {} pictures and {} entities after 2 redraws, {} and {} after {}",
                images0, entities0, held.0, held.1, req.redraws
            );
        }
        _ => {}
    }
    progress.redraws += 1;
    if progress.redraws < req.redraws {
        commands.trigger(super::widgets::ToggleLanguage);
    }
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

/// A touch target on screen: an entity that reacts to taps or drags.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TouchTarget {
    /// The first text inside it (or its entity), to say which one it is.
    pub label: String,
    /// Laid-out width, logical pixels of the window.
    pub width: f32,
    /// Laid-out height, logical pixels of the window.
    pub height: f32,
    /// Where its centre is, logical pixels from the window's top left.
    pub centre: (f32, f32),
}

/// Every visible node with an observer of a tap, press or drag, and its
/// laid-out size: what a finger must hit.
pub fn touch_targets(world: &World) -> Vec<TouchTarget> {
    use bevy::ecs::observer::{ObservedBy, Observer};
    let keys: Vec<_> = [
        world.event_key::<Pointer<Click>>(),
        world.event_key::<Pointer<Press>>(),
        world.event_key::<Pointer<Release>>(),
        world.event_key::<Pointer<Drag>>(),
        world.event_key::<Pointer<DragStart>>(),
        world.event_key::<Pointer<DragEnd>>(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let Some(mut q) = world.try_query::<(Entity, &ObservedBy, &ComputedNode, &UiGlobalTransform)>()
    else {
        return Vec::new();
    };
    let displayed = |mut e: Entity| loop {
        if world
            .get::<Node>(e)
            .is_some_and(|n| n.display == Display::None)
            || world
                .get::<InheritedVisibility>(e)
                .is_some_and(|v| !v.get())
        {
            return false;
        }
        match world.get::<ChildOf>(e) {
            Some(parent) => e = parent.parent(),
            None => return true,
        }
    };
    let label = |e: Entity| {
        let mut stack = vec![e];
        while let Some(x) = stack.pop() {
            if let Some(t) = world.get::<Text>(x)
                && !t.0.trim().is_empty()
            {
                return t.0.clone();
            }
            if let Some(children) = world.get::<Children>(x) {
                stack.extend(children.iter().rev());
            }
        }
        format!("{e}")
    };
    // Laid-out sizes are in the window's physical pixels.
    let scale = world
        .try_query_filtered::<&Window, With<bevy::window::PrimaryWindow>>()
        .and_then(|mut w| w.iter(world).next().map(|w| w.scale_factor()))
        .unwrap_or(1.0);
    q.iter(world)
        .filter(|(_, by, _, _)| {
            by.get().iter().any(|o| {
                world.get::<Observer>(*o).is_some_and(|obs| {
                    obs.descriptor()
                        .event_keys()
                        .iter()
                        .any(|k| keys.contains(k))
                })
            })
        })
        .filter(|(e, _, _, _)| displayed(*e))
        .map(|(e, _, node, at)| {
            let size = node.size() / scale;
            let centre = at.translation / scale;
            TouchTarget {
                label: label(e),
                width: size.x,
                height: size.y,
                centre: (centre.x, centre.y),
            }
        })
        .collect()
}

/// Writes the touch targets once the screenshot is saved, if asked to.
fn write_targets(world: &World, mut done: Local<bool>) {
    if *done || !world.resource::<ShotProgress>().main_saved {
        return;
    }
    let Some(path) = world
        .get_resource::<HallOptions>()
        .and_then(|o| o.shot.as_ref())
        .and_then(|s| s.targets.clone())
    else {
        return;
    };
    *done = true;
    let targets = touch_targets(world);
    match serde_json::to_string_pretty(&targets)
        .map_err(|e| e.to_string())
        .and_then(|t| std::fs::write(&path, t).map_err(|e| e.to_string()))
    {
        Ok(()) => info!(
            "{} touch targets written to {}",
            targets.len(),
            path.display()
        ),
        Err(e) => error!("cannot write {}: {e}", path.display()),
    }
}
