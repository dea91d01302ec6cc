//! The home screen: the hall's zones in order, each with its exhibit
//! cards. Drag to scroll; tap a card to open the exhibit.

use bevy::prelude::*;

use super::ScreenCtx;
use crate::app::widgets::{
    DragScroll, PointerTravel, label, language_toggle, palette, plain, toggle_language,
};
use crate::app::{CurrentExhibit, Screen};

/// The scrolling list of zones.
#[derive(Component)]
pub struct HomeScroll;

/// Draws the home screen.
pub fn draw(commands: &mut Commands, root: Entity, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let hall = ctx.hall.hall.clone();
    let zones: Vec<(
        crate::domain::text::Bilingual,
        Vec<crate::domain::scene::ExhibitScene>,
    )> = ctx
        .hall
        .zones()
        .into_iter()
        .filter(|z| !z.exhibits.is_empty())
        .map(|z| (z.title.clone(), z.exhibits.into_iter().cloned().collect()))
        .collect();
    let mut cards = Vec::new();
    for (_, exhibits) in &zones {
        for ex in exhibits {
            let pic = ex.preview_picture().and_then(|p| ctx.picture(p));
            cards.push(pic);
        }
    }
    let mut pictures = cards.into_iter();

    commands.entity(root).with_children(|root| {
        root.spawn(Node {
            width: percent(100),
            padding: UiRect::new(px(64), px(64), px(36), px(20)),
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            column_gap: px(40),
            ..default()
        })
        .with_children(|bar| {
            bar.spawn(Node {
                flex_direction: FlexDirection::Column,
                row_gap: px(8),
                flex_shrink: 1.0,
                ..default()
            })
            .with_children(|t| {
                t.spawn(label(&hall.title, lang, 72.0, palette::TEXT));
                t.spawn(label(&hall.subtitle, lang, 34.0, palette::TEXT_DIM));
            });
            bar.spawn(language_toggle(lang)).observe(toggle_language);
        });
        root.spawn((
            HomeScroll,
            DragScroll::default(),
            Node {
                width: percent(100),
                flex_grow: 1.0,
                min_height: px(0),
                flex_direction: FlexDirection::Row,
                flex_wrap: FlexWrap::Wrap,
                align_content: AlignContent::FlexStart,
                align_items: AlignItems::FlexStart,
                overflow: Overflow::scroll_y(),
                padding: UiRect::new(px(64), px(64), px(8), px(64)),
                column_gap: px(72),
                row_gap: px(48),
                ..default()
            },
        ))
        .with_children(|list| {
            for (title, exhibits) in &zones {
                list.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    align_self: AlignSelf::FlexStart,
                    row_gap: px(24),
                    flex_shrink: 0.0,
                    ..default()
                })
                .with_children(|zone| {
                    zone.spawn(label(title, lang, 48.0, palette::ACCENT));
                    zone.spawn(Node {
                        flex_wrap: FlexWrap::Wrap,
                        align_items: AlignItems::FlexStart,
                        column_gap: px(36),
                        row_gap: px(36),
                        ..default()
                    })
                    .with_children(|row| {
                        for ex in exhibits {
                            let pic = pictures.next().flatten();
                            card(row, ex, pic, lang);
                        }
                    });
                });
            }
        });
    });
}

fn card(
    row: &mut ChildSpawnerCommands,
    ex: &crate::domain::scene::ExhibitScene,
    picture: Option<Handle<Image>>,
    lang: crate::domain::text::Lang,
) {
    let id = ex.id.clone();
    row.spawn((
        Button,
        Node {
            width: px(520),
            // One height for every card keeps the grid calm.
            height: px(700),
            align_self: AlignSelf::FlexStart,
            flex_direction: FlexDirection::Column,
            border_radius: BorderRadius::all(px(28)),
            overflow: Overflow::clip(),
            ..default()
        },
        BackgroundColor(palette::PANEL),
    ))
    .observe(
        move |_: On<Pointer<Click>>,
              travel: Res<PointerTravel>,
              mut current: ResMut<CurrentExhibit>,
              mut next: ResMut<NextState<Screen>>| {
            if travel.is_tap() {
                current.0 = Some(id.clone());
                next.set(Screen::Exhibit);
            }
        },
    )
    .with_children(|c| {
        if let Some(img) = picture {
            c.spawn((
                ImageNode::new(img),
                Node {
                    width: px(520),
                    height: px(347),
                    ..default()
                },
                Pickable::IGNORE,
            ));
        }
        c.spawn((
            Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(28)),
                row_gap: px(12),
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|t| {
            t.spawn((
                Node {
                    column_gap: px(18),
                    align_items: AlignItems::Center,
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|h| {
                h.spawn((
                    Node {
                        padding: UiRect::axes(px(16), px(4)),
                        border_radius: BorderRadius::all(px(20)),
                        ..default()
                    },
                    BackgroundColor(palette::ACCENT),
                    Pickable::IGNORE,
                    children![(
                        plain(format!("{:02}", ex.number), 32.0, palette::ON_ACCENT),
                        Pickable::IGNORE
                    )],
                ));
                h.spawn((
                    label(&ex.title, lang, 44.0, palette::TEXT),
                    Pickable::IGNORE,
                ));
            });
            t.spawn((
                label(&ex.summary, lang, 28.0, palette::TEXT_DIM),
                Pickable::IGNORE,
            ));
        });
    });
}
