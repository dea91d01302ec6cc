//! `Ebook`: a picture and its text per page; tap the arrows or swipe to
//! turn pages; dots show where you are.

use bevy::prelude::*;

use super::ExhibitSession;
use crate::app::audio::PlaySound;
use crate::app::hall::RebuildScreen;
use crate::app::screens::ScreenCtx;
use crate::app::widgets::{TOUCH_PX, label, palette, plain, ui_button};
use crate::domain::scene::EbookParams;
use crate::domain::sound::UiSound;
use crate::domain::text::ui;

/// The page area that takes swipes.
#[derive(Component)]
pub struct PageArea;

/// Draws the open page of the book.
pub fn draw(commands: &mut Commands, body: Entity, book: &EbookParams, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let state = ctx.session.book;
    let Some(page) = book.pages.get(state.page()).cloned() else {
        return;
    };
    let picture = ctx.picture(&page.picture);
    // Warm the cache for the next page so that turning is instant.
    if let Some(next) = book.pages.get(state.page() + 1) {
        ctx.picture(&next.picture);
    }
    commands.entity(body).with_children(|body| {
        body.spawn((
            PageArea,
            Node {
                width: percent(100),
                flex_grow: 1.0,
                min_height: px(0),
                padding: UiRect::axes(px(64), px(12)),
                column_gap: px(56),
                align_items: AlignItems::Center,
                ..default()
            },
        ))
        .observe(swipe)
        .with_children(|row| {
            row.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(16),
                    flex_shrink: 0.0,
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|pic| {
                let frame = Node {
                    width: px(1020),
                    height: px(680),
                    border_radius: BorderRadius::all(px(28)),
                    ..default()
                };
                match picture {
                    Some(img) => {
                        pic.spawn((ImageNode::new(img), frame, Pickable::IGNORE));
                    }
                    None => {
                        pic.spawn((frame, BackgroundColor(palette::PANEL), Pickable::IGNORE));
                    }
                }
                if let Some(caption) = &page.caption {
                    pic.spawn((
                        Node {
                            max_width: px(1020),
                            ..default()
                        },
                        Pickable::IGNORE,
                        children![(
                            label(caption, lang, 28.0, palette::TEXT_DIM),
                            Pickable::IGNORE
                        )],
                    ));
                }
            });
            row.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 1.0,
                    flex_basis: px(0),
                    row_gap: px(32),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|text| {
                text.spawn((
                    label(&page.heading, lang, 64.0, palette::ACCENT),
                    Pickable::IGNORE,
                ));
                text.spawn((
                    label(&page.text, lang, 38.0, palette::TEXT),
                    Pickable::IGNORE,
                ));
            });
        });
        // Page navigation.
        body.spawn(Node {
            width: percent(100),
            height: px(TOUCH_PX + 56.0),
            padding: UiRect::axes(px(64), px(20)),
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            flex_shrink: 0.0,
            ..default()
        })
        .with_children(|nav| {
            let mut prev = nav.spawn((ui_button(&ui::PREVIOUS, lang, false), PageStep(-1)));
            prev.observe(turn);
            if state.page() == 0 {
                prev.insert(Visibility::Hidden);
            }
            nav.spawn(Node {
                column_gap: px(22),
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|dots| {
                for i in 0..state.pages() {
                    let on = i == state.page();
                    let size = if on { 30.0 } else { 22.0 };
                    dots.spawn((
                        Node {
                            width: px(size),
                            height: px(size),
                            border_radius: BorderRadius::all(px(size / 2.0)),
                            ..default()
                        },
                        BackgroundColor(if on {
                            palette::ACCENT
                        } else {
                            palette::PANEL_HI
                        }),
                    ));
                }
                dots.spawn(plain(
                    format!("{} / {}", state.page() + 1, state.pages()),
                    34.0,
                    palette::TEXT_DIM,
                ));
            });
            let mut next = nav.spawn((ui_button(&ui::NEXT, lang, true), PageStep(1)));
            next.observe(turn);
            if state.page() + 1 >= state.pages() {
                next.insert(Visibility::Hidden);
            }
        });
    });
}

/// A page-turn button: +1 forward, -1 back.
#[derive(Component, Clone, Copy)]
struct PageStep(i32);

fn turn(
    click: On<Pointer<Click>>,
    steps: Query<&PageStep>,
    mut session: ResMut<ExhibitSession>,
    mut rebuild: ResMut<RebuildScreen>,
    mut sound: MessageWriter<PlaySound>,
) {
    let Ok(PageStep(step)) = steps.get(click.entity) else {
        return;
    };
    let turned = if *step > 0 {
        session.book.next_page()
    } else {
        session.book.previous_page()
    };
    if turned {
        rebuild.0 = true;
        sound.write(PlaySound(UiSound::PageTurn));
    }
}

fn swipe(
    end: On<Pointer<DragEnd>>,
    windows: Query<&Window>,
    mut session: ResMut<ExhibitSession>,
    mut rebuild: ResMut<RebuildScreen>,
    mut sound: MessageWriter<PlaySound>,
) {
    let width = windows.iter().next().map(|w| w.width()).unwrap_or(1280.0);
    if session.book.swipe(end.distance.x, end.distance.y, width) {
        rebuild.0 = true;
        sound.write(PlaySound(UiSound::PageTurn));
    }
}
