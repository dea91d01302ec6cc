//! The home screen: the hall at a glance. The zones stand side by side as
//! columns, each with its exhibits as compact cards (picture, number,
//! title): four zones of six exhibits fit on the screen at once. More zones
//! are one swipe to the left, a zone with more cards one swipe up, and the
//! screen says so.

use bevy::prelude::*;

use super::ScreenCtx;
use crate::app::widgets::{
    DragScroll, PointerTravel, label, language_toggle, palette, plain, toggle_language, ui_label,
};
use crate::app::{AppSystems, CurrentExhibit, Screen};
use crate::domain::scene::ExhibitScene;
use crate::domain::text::{Bilingual, Lang, ui};

/// Height of a card, design pixels (80 px on a 1280x720 screen).
pub const CARD_H: f32 = 120.0;
/// Width of a zone's column, design pixels: four fit across the screen.
pub const ZONE_W: f32 = 420.0;

/// An exhibit's card: its scene and picture.
type Card = (ExhibitScene, Option<Handle<Image>>);

/// A zone's scrolling list of cards.
#[derive(Component)]
pub struct ZoneList;

/// The row of zones, which scrolls sideways when they do not all fit.
#[derive(Component)]
pub struct ZoneRow;

/// A hint that a list has more than is shown: below (a zone's cards) or
/// to the right (the zones).
#[derive(Component)]
struct MoreHint {
    list: Entity,
    sideways: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        show_more_below
            .run_if(in_state(Screen::Home))
            .in_set(AppSystems::Refresh),
    );
}

/// Draws the home screen.
pub fn draw(commands: &mut Commands, root: Entity, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let hall = ctx.hall.hall.clone();
    let zones: Vec<(Bilingual, Vec<ExhibitScene>)> = ctx
        .hall
        .zones()
        .into_iter()
        .filter(|z| !z.exhibits.is_empty())
        .map(|z| (z.title.clone(), z.exhibits.into_iter().cloned().collect()))
        .collect();
    let zones: Vec<(Bilingual, Vec<Card>)> = zones
        .into_iter()
        .map(|(title, exhibits)| {
            let cards = exhibits
                .into_iter()
                .map(|ex| {
                    let pic = ex.preview_picture().and_then(|p| ctx.picture(p));
                    (ex, pic)
                })
                .collect();
            (title, cards)
        })
        .collect();

    commands.entity(root).with_children(|root| {
        root.spawn(Node {
            width: percent(100),
            padding: UiRect::new(px(64), px(64), px(28), px(16)),
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            column_gap: px(40),
            flex_shrink: 0.0,
            ..default()
        })
        .with_children(|bar| {
            bar.spawn(Node {
                flex_direction: FlexDirection::Column,
                row_gap: px(6),
                flex_shrink: 1.0,
                ..default()
            })
            .with_children(|t| {
                t.spawn(label(&hall.title, lang, 64.0, palette::TEXT));
                t.spawn(label(&hall.subtitle, lang, 30.0, palette::TEXT_DIM));
            });
            bar.spawn(language_toggle(lang)).observe(toggle_language);
        });
        root.spawn(Node {
            width: percent(100),
            flex_grow: 1.0,
            min_height: px(0),
            ..default()
        })
        .with_children(|area| {
            let row = area
                .spawn((
                    ZoneRow,
                    DragScroll::default(),
                    Node {
                        width: percent(100),
                        height: percent(100),
                        overflow: Overflow::scroll_x(),
                        padding: UiRect::new(px(64), px(64), px(0), px(24)),
                        column_gap: px(32),
                        ..default()
                    },
                ))
                .with_children(|columns| {
                    for (title, cards) in &zones {
                        zone_column(columns, title, cards, lang);
                    }
                })
                .id();
            more_hint(area, row, true, lang);
        });
    });
}

/// One zone: its title over its cards.
fn zone_column(columns: &mut ChildSpawnerCommands, title: &Bilingual, cards: &[Card], lang: Lang) {
    columns
        .spawn(Node {
            flex_direction: FlexDirection::Column,
            width: px(ZONE_W),
            flex_shrink: 0.0,
            row_gap: px(12),
            ..default()
        })
        .with_children(|zone| {
            zone.spawn((
                Node {
                    height: px(84),
                    align_items: AlignItems::FlexEnd,
                    flex_shrink: 0.0,
                    overflow: Overflow::clip(),
                    ..default()
                },
                children![label(title, lang, 34.0, palette::ACCENT)],
            ));
            let list = zone
                .spawn((
                    ZoneList,
                    DragScroll::default(),
                    Node {
                        flex_direction: FlexDirection::Column,
                        flex_grow: 1.0,
                        min_height: px(0),
                        overflow: Overflow::scroll_y(),
                        row_gap: px(12),
                        ..default()
                    },
                ))
                .with_children(|list| {
                    for (ex, pic) in cards {
                        card(list, ex, pic.clone(), lang);
                    }
                })
                .id();
            more_hint(zone, list, false, lang);
        });
}

/// A pill saying that `list` has more to show, below it or at its right.
fn more_hint(parent: &mut ChildSpawnerCommands, list: Entity, sideways: bool, lang: Lang) {
    let (node, text) = if sideways {
        (
            // Above the zones' titles, under the language button: clear
            // of every card.
            Node {
                position_type: PositionType::Absolute,
                right: px(64),
                top: px(-24),
                ..default()
            },
            &ui::MORE_TO_THE_RIGHT,
        )
    } else {
        (
            Node {
                position_type: PositionType::Absolute,
                bottom: px(-18),
                left: px(0),
                right: px(0),
                justify_content: JustifyContent::Center,
                ..default()
            },
            &ui::MORE_BELOW,
        )
    };
    parent
        .spawn((
            MoreHint { list, sideways },
            node,
            Visibility::Hidden,
            Pickable::IGNORE,
        ))
        .with_children(|hint| {
            hint.spawn((
                Node {
                    padding: UiRect::axes(px(24), px(6)),
                    border_radius: BorderRadius::all(px(24)),
                    ..default()
                },
                BackgroundColor(palette::PANEL_HI),
                Pickable::IGNORE,
                children![(ui_label(text, lang, 26.0, palette::TEXT), Pickable::IGNORE)],
            ));
        });
}

fn card(
    list: &mut ChildSpawnerCommands,
    ex: &ExhibitScene,
    picture: Option<Handle<Image>>,
    lang: Lang,
) {
    let id = ex.id.clone();
    list.spawn((
        Button,
        Node {
            width: percent(100),
            height: px(CARD_H),
            flex_shrink: 0.0,
            column_gap: px(16),
            padding: UiRect::all(px(8)),
            align_items: AlignItems::Center,
            border_radius: BorderRadius::all(px(22)),
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
        let mut thumb = c.spawn((
            Node {
                height: percent(100),
                aspect_ratio: Some(1.5),
                flex_shrink: 0.0,
                border_radius: BorderRadius::all(px(14)),
                overflow: Overflow::clip(),
                ..default()
            },
            BackgroundColor(palette::PANEL_HI),
            Pickable::IGNORE,
        ));
        if let Some(img) = picture {
            thumb.insert(ImageNode::new(img));
        }
        thumb.with_children(|t| {
            t.spawn((
                Node {
                    position_type: PositionType::Absolute,
                    left: px(6),
                    top: px(6),
                    padding: UiRect::axes(px(10), px(2)),
                    border_radius: BorderRadius::all(px(16)),
                    ..default()
                },
                BackgroundColor(palette::ACCENT),
                Pickable::IGNORE,
                children![(
                    plain(format!("{:02}", ex.number), 26.0, palette::ON_ACCENT),
                    Pickable::IGNORE
                )],
            ));
        });
        c.spawn((
            Node {
                flex_grow: 1.0,
                flex_shrink: 1.0,
                min_width: px(0),
                ..default()
            },
            Pickable::IGNORE,
            children![(
                label(&ex.title, lang, 30.0, palette::TEXT),
                Pickable::IGNORE
            )],
        ));
    });
}

/// Shows a list's hint while part of it is out of sight, until the
/// visitor has scrolled to its end.
fn show_more_below(
    lists: Query<(&ComputedNode, &ScrollPosition)>,
    mut hints: Query<(&MoreHint, &mut Visibility)>,
) {
    for (hint, mut vis) in &mut hints {
        let Ok((node, scroll)) = lists.get(hint.list) else {
            continue;
        };
        let k = node.inverse_scale_factor();
        let (shown, content, at) = if hint.sideways {
            (node.size().x * k, node.content_size().x * k, scroll.0.x)
        } else {
            (node.size().y * k, node.content_size().y * k, scroll.0.y)
        };
        let more = content > shown + 2.0 && at + shown < content - 2.0;
        let want = if more {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        };
        if *vis != want {
            *vis = want;
        }
    }
}
