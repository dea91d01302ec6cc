//! The screen of a `Board`: panels in a grid; tapping one opens it over
//! the board with its longer text and table; tapping outside or "close"
//! shuts it. Opening and closing spawn and despawn only the open panel.

use bevy::prelude::*;

use super::{BoardParams, Cell, Panel, Table};
use crate::app::UiLang;
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin};
use crate::app::pictures::PictureCache;
use crate::app::widgets::{
    DragScroll, PointerTravel, label, palette, plain, scrim, ui_button, ui_label,
};
use crate::domain::text::{Lang, ui};

/// The board's screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<BoardParams>(app);
}

/// The body the open panel is spawned into.
#[derive(Component)]
struct BoardBody;

/// The open panel over the board.
#[derive(Component)]
struct OpenPanel;

/// Panel `i`'s card.
#[derive(Component)]
struct PanelCard(usize);

impl KindView for BoardParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let board = ctx.params().clone();
        let expanded = ctx.state().expanded();
        let pictures: Vec<Option<Handle<Image>>> = board
            .panels
            .iter()
            .map(|p| p.picture.as_deref().and_then(|path| ctx.asset_picture(path)))
            .collect();
        let columns = board.columns.clamp(1, 4) as u16;
        let root = body.target_entity();
        body.commands().entity(root).insert(BoardBody);
        body.spawn((
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
    }
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
    .insert(PanelCard(i))
    .observe(tap_panel)
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

/// A tap on a card opens its panel (or closes it when it was open); a drag
/// over the cards scrolls and opens nothing.
#[allow(clippy::too_many_arguments)]
fn tap_panel(
    click: On<Pointer<Click>>,
    mut commands: Commands,
    cards: Query<&PanelCard>,
    travel: Res<PointerTravel>,
    mut live: ResMut<Live<BoardParams>>,
    bodies: Query<Entity, With<BoardBody>>,
    open: Query<Entity, With<OpenPanel>>,
    lang: Res<UiLang>,
    (server, mut cache): (Option<Res<AssetServer>>, ResMut<PictureCache>),
) {
    let (Ok(card), Some(run)) = (cards.get(click.entity), live.get_mut()) else {
        return;
    };
    if !travel.is_tap() {
        return;
    }
    run.state.tap(card.0);
    for e in &open {
        commands.entity(e).despawn();
    }
    let expanded = run.state.expanded().and_then(|k| run.params.panels.get(k));
    if let (Some(panel), Ok(body)) = (expanded, bodies.single()) {
        let picture = panel
            .picture
            .as_deref()
            .and_then(|p| cache.get(server.as_deref(), p));
        commands
            .entity(body)
            .with_children(|b| open_panel(b, panel, picture, lang.0));
    }
}

fn close_panel(
    mut click: On<Pointer<Click>>,
    mut commands: Commands,
    mut live: ResMut<Live<BoardParams>>,
    open: Query<Entity, With<OpenPanel>>,
) {
    click.propagate(false);
    if let Some(state) = live.state_mut() {
        state.close();
    }
    for e in &open {
        commands.entity(e).despawn();
    }
}

fn open_panel(
    body: &mut ChildSpawnerCommands,
    panel: &Panel,
    picture: Option<Handle<Image>>,
    lang: Lang,
) {
    body.spawn((OpenPanel, scrim(10)))
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

fn table_node(parent: &mut ChildSpawnerCommands, table: &Table, lang: Lang) {
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
