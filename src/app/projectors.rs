//! Projector windows (`--projectors N`): extra windows, one per projector.
//! Together they show the theatre's animation as one wide view, each its
//! own slice, while the touchscreen shows the whole view with the caption
//! and the controls; over a physical sand table the first shows the sand
//! table's view from straight above. In kiosk mode each goes fullscreen on
//! the next monitor. Otherwise they show the hall's title.

use bevy::camera::RenderTarget;
use bevy::prelude::*;
use bevy::window::{WindowRef, WindowResolution};

use super::exhibits::ProjectorFeed;
use super::hall::Hall;
use super::widgets::{label, palette};
use super::{AppSystems, HallOptions, UiLang};
use crate::kinds::Projection;

pub use crate::kinds::MAX_PROJECTORS;

/// A projector's window, `0` the leftmost.
#[derive(Component, Debug, Clone, Copy)]
pub struct ProjectorWindow(pub usize);

/// The picture a projector shows.
#[derive(Component)]
struct ProjectorPicture(usize);

/// The hall's title projector `0` shows when it has no picture.
#[derive(Component)]
struct ProjectorTitle(usize);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, open_projectors)
        .add_systems(Update, show_on_projectors.in_set(AppSystems::Refresh));
}

/// The part of a picture `width` by `height` that projector `i` of `n` shows.
pub fn slice(i: usize, n: usize, width: f32, height: f32) -> Rect {
    let n = n.max(1) as f32;
    let i = (i as f32).min(n - 1.0);
    Rect::new(width * i / n, 0.0, width * (i + 1.0) / n, height)
}

fn open_projectors(
    mut commands: Commands,
    opts: Option<Res<HallOptions>>,
    hall: Option<Res<Hall>>,
) {
    let Some(opts) = opts else { return };
    let n = opts.projectors.min(MAX_PROJECTORS);
    let title = hall.map(|h| h.0.hall.title.clone());
    for i in 0..n {
        let mut window = Window {
            title: format!("quakehall projector {}", i + 1),
            resolution: WindowResolution::new(960, 540).with_scale_factor_override(1.0),
            ..default()
        };
        if opts.kiosk {
            window.mode =
                bevy::window::WindowMode::BorderlessFullscreen(MonitorSelection::Index(i + 1));
            window.decorations = false;
        }
        let cursor = bevy::window::CursorOptions {
            visible: !opts.kiosk,
            ..default()
        };
        let win = commands.spawn((window, cursor, ProjectorWindow(i))).id();
        let camera = commands
            .spawn((
                Camera2d,
                Camera {
                    order: 10 + i as isize,
                    ..default()
                },
                RenderTarget::Window(WindowRef::Entity(win)),
                Name::new(format!("projector {} camera", i + 1)),
            ))
            .id();
        commands
            .spawn((
                Node {
                    width: percent(100),
                    height: percent(100),
                    justify_content: JustifyContent::Center,
                    align_items: AlignItems::Center,
                    ..default()
                },
                BackgroundColor(palette::BACKGROUND),
                UiTargetCamera(camera),
            ))
            .with_children(|root| {
                root.spawn((
                    ProjectorPicture(i),
                    ImageNode::default(),
                    Node {
                        position_type: PositionType::Absolute,
                        width: percent(100),
                        height: percent(100),
                        ..default()
                    },
                    Visibility::Hidden,
                ));
                if let Some(t) = &title {
                    root.spawn((
                        ProjectorTitle(i),
                        label(t, opts.lang.unwrap_or_default(), 64.0, palette::TEXT_DIM),
                    ));
                }
            });
    }
}

/// Points the projectors at the picture the open exhibit feeds them: each
/// its slice of a spanned view, or the first one a whole picture; without
/// a feed they show the title.
fn show_on_projectors(
    feed: Res<ProjectorFeed>,
    opts: Option<Res<HallOptions>>,
    images: Option<Res<Assets<Image>>>,
    lang: Res<UiLang>,
    mut pictures: Query<
        (&ProjectorPicture, &mut ImageNode, &mut Visibility),
        Without<ProjectorTitle>,
    >,
    mut titles: Query<
        (
            &ProjectorTitle,
            &mut Visibility,
            &mut Text,
            &super::widgets::Localized,
        ),
        Without<ProjectorPicture>,
    >,
) {
    let n = opts.map(|o| o.projectors.min(MAX_PROJECTORS)).unwrap_or(0);
    let fed = feed.0.as_ref().and_then(|(h, how)| {
        let size = images.as_ref()?.get(h.id())?.size_f32();
        Some((h, *how, size))
    });
    let mut showing = [false; MAX_PROJECTORS];
    for (p, mut node, mut vis) in &mut pictures {
        let show = match fed {
            Some((h, Projection::Spanned(_), s)) => Some((h, slice(p.0, n, s.x, s.y))),
            Some((h, Projection::First(_), s)) if p.0 == 0 => {
                Some((h, Rect::new(0.0, 0.0, s.x, s.y)))
            }
            _ => None,
        };
        match show {
            Some((handle, rect)) => {
                if node.image.id() != handle.id() {
                    node.image = handle.clone();
                }
                if node.rect != Some(rect) {
                    node.rect = Some(rect);
                }
                *vis = Visibility::Inherited;
                if let Some(s) = showing.get_mut(p.0) {
                    *s = true;
                }
            }
            None => {
                *vis = Visibility::Hidden;
                // Let go of a picture the exhibit no longer draws.
                if node.image != Handle::default() {
                    node.image = Handle::default();
                    node.rect = None;
                }
            }
        }
    }
    for (t, mut vis, mut text, l) in &mut titles {
        *vis = if showing.get(t.0).copied().unwrap_or(false) {
            Visibility::Hidden
        } else {
            Visibility::Inherited
        };
        let want = l.0.get(lang.0);
        if text.0 != want {
            text.0 = want.to_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_tile_the_picture() {
        assert_eq!(
            slice(0, 1, 1024.0, 512.0),
            Rect::new(0.0, 0.0, 1024.0, 512.0)
        );
        let parts: Vec<Rect> = (0..3).map(|i| slice(i, 3, 2730.0, 512.0)).collect();
        assert_eq!(parts[0].min.x, 0.0);
        assert_eq!(parts[2].max.x, 2730.0);
        assert_eq!(parts[0].max.x, parts[1].min.x);
        assert_eq!(parts[1].max.x, parts[2].min.x);
        // An out-of-range index shows the last slice, never nothing.
        assert_eq!(slice(7, 3, 2730.0, 512.0), parts[2]);
    }
}
