//! `Board`: panels in a grid; tapping one opens it over the board with its
//! longer text and table; tapping outside or "close" shuts it.

use bevy::prelude::*;

use super::ExhibitSession;
use crate::app::hall::RebuildScreen;
use crate::app::screens::ScreenCtx;
use crate::app::widgets::{
    DragScroll, PointerTravel, label, palette, plain, scrim, ui_button, ui_label,
};
use crate::domain::scene::{BoardParams, Cell, Panel};
use crate::domain::text::{Lang, ui};

/// The scrolling grid of panels.
#[derive(Component)]
struct BoardScroll;

/// Draws the board and, if one is expanded, its open panel.
pub fn draw(commands: &mut Commands, body: Entity, board: &BoardParams, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let expanded = ctx.session.board.expanded();
    let pictures: Vec<Option<Handle<Image>>> = board
        .panels
        .iter()
        .map(|p| p.picture.as_deref().and_then(|path| ctx.picture(path)))
        .collect();
    let columns = board.columns.clamp(1, 4) as u16;
    commands.entity(body).with_children(|body| {
        body.spawn((
            BoardScroll,
            DragScroll::default(),
            Node {
                width: percent(100),
                flex_grow: 1.0,
                min_height: px(0),
                flex_direction: FlexDirection::Column,
                overflow: Overflow::scroll_y(),
                padding: UiRect::new(px(64), px(64), px(0), px(48)),
                row_gap: px(32),
                ..default()
            },
        ))
        .with_children(|list| {
            list.spawn((
                Node {
                    max_width: px(1600),
                    flex_shrink: 0.0,
                    ..default()
                },
                children![label(&board.intro, lang, 34.0, palette::TEXT_DIM)],
            ));
            list.spawn(Node {
                display: Display::Grid,
                grid_template_columns: RepeatedGridTrack::flex(columns, 1.0),
                column_gap: px(32),
                row_gap: px(32),
                flex_shrink: 0.0,
                ..default()
            })
            .with_children(|grid| {
                for (i, panel) in board.panels.iter().enumerate() {
                    panel_card(grid, i, panel, pictures[i].clone(), lang);
                }
            });
        });
        if let Some(i) = expanded
            && let Some(panel) = board.panels.get(i)
        {
            open_panel(body, panel, pictures[i].clone(), lang);
        }
    });
}

fn panel_card(
    grid: &mut ChildSpawnerCommands,
    i: usize,
    panel: &Panel,
    picture: Option<Handle<Image>>,
    lang: Lang,
) {
    let expandable = panel.detail.is_some() || panel.table.is_some();
    grid.spawn((
        Button,
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(28)),
            row_gap: px(16),
            min_height: px(300),
            border_radius: BorderRadius::all(px(24)),
            ..default()
        },
        BackgroundColor(palette::PANEL),
    ))
    .observe(
        move |_: On<Pointer<Click>>,
              travel: Res<PointerTravel>,
              mut session: ResMut<ExhibitSession>,
              mut rebuild: ResMut<RebuildScreen>| {
            if travel.is_tap() {
                session.board.tap(i);
                rebuild.0 = true;
            }
        },
    )
    .with_children(|c| {
        c.spawn((
            label(&panel.heading, lang, 40.0, palette::ACCENT),
            Pickable::IGNORE,
        ));
        if let Some(img) = picture {
            c.spawn((
                ImageNode::new(img),
                Node {
                    width: percent(100),
                    aspect_ratio: Some(1.5),
                    border_radius: BorderRadius::all(px(16)),
                    ..default()
                },
                Pickable::IGNORE,
            ));
        }
        c.spawn((
            label(&panel.text, lang, 30.0, palette::TEXT),
            Pickable::IGNORE,
        ));
        if expandable {
            c.spawn((
                Node {
                    margin: UiRect::top(px(8)),
                    ..default()
                },
                Pickable::IGNORE,
                children![(
                    ui_label(&ui::TAP_TO_EXPAND, lang, 26.0, palette::TEXT_DIM),
                    Pickable::IGNORE
                )],
            ));
        }
    });
}

fn close_panel(
    mut click: On<Pointer<Click>>,
    mut session: ResMut<ExhibitSession>,
    mut rebuild: ResMut<RebuildScreen>,
) {
    click.propagate(false);
    session.board.close();
    rebuild.0 = true;
}

fn open_panel(
    body: &mut ChildSpawnerCommands,
    panel: &Panel,
    picture: Option<Handle<Image>>,
    lang: Lang,
) {
    body.spawn(scrim(10))
        .observe(close_panel)
        .with_children(|scrim| {
            scrim
                .spawn((
                    Node {
                        width: px(1560),
                        max_height: px(900),
                        flex_direction: FlexDirection::Column,
                        padding: UiRect::all(px(48)),
                        row_gap: px(28),
                        border_radius: BorderRadius::all(px(32)),
                        overflow: Overflow::clip(),
                        ..default()
                    },
                    BackgroundColor(palette::PANEL),
                ))
                // Taps inside the open panel do not close it.
                .observe(|mut click: On<Pointer<Click>>| click.propagate(false))
                .with_children(|card| {
                    card.spawn(Node {
                        justify_content: JustifyContent::SpaceBetween,
                        align_items: AlignItems::Center,
                        column_gap: px(32),
                        ..default()
                    })
                    .with_children(|head| {
                        head.spawn(label(&panel.heading, lang, 60.0, palette::ACCENT));
                        head.spawn(ui_button(&ui::TAP_TO_CLOSE, lang, true))
                            .observe(close_panel);
                    });
                    card.spawn(Node {
                        column_gap: px(48),
                        ..default()
                    })
                    .with_children(|row| {
                        row.spawn(Node {
                            flex_direction: FlexDirection::Column,
                            flex_grow: 1.0,
                            flex_basis: px(0),
                            row_gap: px(24),
                            ..default()
                        })
                        .with_children(|text| {
                            text.spawn(label(&panel.text, lang, 36.0, palette::TEXT));
                            if let Some(detail) = &panel.detail {
                                text.spawn(label(detail, lang, 32.0, palette::TEXT_DIM));
                            }
                        });
                        if picture.is_some() || panel.table.is_some() {
                            row.spawn(Node {
                                flex_direction: FlexDirection::Column,
                                flex_grow: 1.0,
                                flex_basis: px(0),
                                row_gap: px(24),
                                ..default()
                            })
                            .with_children(|side| {
                                if let Some(img) = picture {
                                    side.spawn((
                                        ImageNode::new(img),
                                        Node {
                                            width: percent(100),
                                            aspect_ratio: Some(1.5),
                                            border_radius: BorderRadius::all(px(20)),
                                            ..default()
                                        },
                                    ));
                                }
                                if let Some(table) = &panel.table {
                                    table_node(side, table, lang);
                                }
                            });
                        }
                    });
                });
        });
}

fn table_node(parent: &mut ChildSpawnerCommands, table: &crate::domain::scene::Table, lang: Lang) {
    let n = table.columns.len().max(1) as u16;
    parent
        .spawn(Node {
            display: Display::Grid,
            grid_template_columns: RepeatedGridTrack::auto(n),
            column_gap: px(28),
            row_gap: px(14),
            ..default()
        })
        .with_children(|grid| {
            for col in &table.columns {
                grid.spawn(label(col, lang, 30.0, palette::ACCENT));
            }
            for row in &table.rows {
                for cell in row {
                    match cell {
                        Cell::Plain(s) => {
                            grid.spawn(plain(s.clone(), 30.0, palette::TEXT));
                        }
                        Cell::Text(t) => {
                            grid.spawn(label(t, lang, 30.0, palette::TEXT));
                        }
                    }
                }
            }
        });
}
