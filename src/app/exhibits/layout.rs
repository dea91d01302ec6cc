//! Layout pieces the kinds' screens share: the row a live exhibit's body
//! is, and a legend swatch.

use bevy::prelude::*;

use crate::app::widgets::{label, palette, ui_label};
use crate::domain::text::{Bilingual, Lang};

/// The row a live exhibit's body is: its picture on the left, its side
/// panel on the right.
pub fn body_row() -> Node {
    Node {
        width: percent(100),
        flex_grow: 1.0,
        min_height: px(0),
        padding: UiRect::new(px(64), px(64), px(0), px(40)),
        column_gap: px(48),
        ..default()
    }
}

/// A live exhibit's picture in its body row: as tall as the row, as wide
/// as its `aspect` makes it, with rounded corners.
pub fn picture_frame(aspect: f32) -> Node {
    Node {
        height: percent(100),
        aspect_ratio: Some(aspect),
        flex_shrink: 0.0,
        border_radius: BorderRadius::all(px(12)),
        ..default()
    }
}

/// The side panel beside a live exhibit's picture, its items `gap` apart.
pub fn side_panel(gap: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        flex_grow: 1.0,
        flex_shrink: 1.0,
        min_width: px(0),
        row_gap: px(gap),
        ..default()
    }
}

/// A legend entry: a colour swatch of `size` pixels and its label.
pub fn swatch(
    parent: &mut ChildSpawnerCommands,
    color: Color,
    text: &Bilingual,
    lang: Lang,
    size: f32,
) {
    parent
        .spawn((
            Node {
                column_gap: px(size * 0.45),
                align_items: AlignItems::Center,
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|row| {
            row.spawn((
                Node {
                    width: px(size),
                    height: px(size),
                    flex_shrink: 0.0,
                    border_radius: BorderRadius::all(px(size / 5.0)),
                    ..default()
                },
                BackgroundColor(color),
                Pickable::IGNORE,
            ));
            row.spawn((
                label(text, lang, size * 0.8, palette::TEXT_DIM),
                Pickable::IGNORE,
            ));
        });
}

/// A node placed at fraction `(fx, fy)` of its picture (its top left
/// there), not taking touches: for labels laid over a picture.
pub fn at(fx: f32, fy: f32) -> (Node, Pickable) {
    (
        Node {
            position_type: PositionType::Absolute,
            left: percent(100.0 * fx),
            top: percent(100.0 * fy),
            ..default()
        },
        Pickable::IGNORE,
    )
}

/// A colour of the domain's pictures as a Bevy colour.
pub fn colour(c: crate::domain::draw::Rgba) -> Color {
    Color::srgb_u8(c.0, c.1, c.2)
}

/// Writes the names of a map's towns and rivers over it (a node whose
/// picture [`crate::domain::map::draw`] drew): each town's right of its
/// dot, or left of it in the map's right part; rivers in italics-blue.
pub fn map_labels(
    m: &mut ChildSpawnerCommands,
    labels: &[crate::domain::map::MapLabel],
    lang: Lang,
    size: f32,
) {
    use crate::domain::map::LabelKind;
    for l in labels {
        let colour = match l.kind {
            LabelKind::Town => palette::TEXT_DIM,
            LabelKind::River => Color::srgb_u8(0x8c, 0xc4, 0xf0),
        };
        let (dx, size) = match l.kind {
            LabelKind::Town => (12.0, size),
            LabelKind::River => (-0.0, size * 0.85),
        };
        m.spawn((
            beside_point(l.fx, l.fy, dx, -size * 0.7),
            Pickable::IGNORE,
            children![(label(&l.name, lang, size, colour), Pickable::IGNORE)],
        ));
    }
}

/// A node placed beside a point of a map at fractions `(fx, fy)` of its
/// size: `gap` px right of it, or left of it in the map's right part (so
/// that names stay on the map), its top `top` px from the point.
pub fn beside_point(fx: f64, fy: f64, gap: f32, top: f32) -> Node {
    let (x, y) = (100.0 * fx as f32, 100.0 * fy as f32);
    let flip = x > 72.0;
    Node {
        position_type: PositionType::Absolute,
        left: if flip { auto() } else { percent(x) },
        right: if flip { percent(100.0 - x) } else { auto() },
        top: percent(y),
        margin: if flip {
            UiRect::new(px(0), px(gap), px(top), px(0))
        } else {
            UiRect::new(px(gap), px(0), px(top), px(0))
        },
        ..default()
    }
}

/// The label of a map's scale bar (`bar`: its left, top and width as
/// fractions of the map, from `domain::map::scale_bar`), centred over it.
pub fn scale_label(
    m: &mut ChildSpawnerCommands,
    bar: (f64, f64, f64),
    text: &crate::domain::text::ui::UiText,
    lang: Lang,
    size: f32,
) {
    let (x, y, w) = bar;
    m.spawn((
        Node {
            position_type: PositionType::Absolute,
            left: percent(100.0 * x as f32),
            width: percent(100.0 * w as f32),
            bottom: percent(100.0 * (1.0 - y) as f32),
            margin: UiRect::bottom(px(12)),
            justify_content: JustifyContent::Center,
            ..default()
        },
        Pickable::IGNORE,
        children![(ui_label(text, lang, size, palette::TEXT), Pickable::IGNORE)],
    ));
}
