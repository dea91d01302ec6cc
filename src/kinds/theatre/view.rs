//! The screen of a `Theatre`: the animation, its caption and the
//! station's record, replay, the clock, and a timeline the visitor drags
//! to scrub.

use bevy::prelude::*;

use super::{RECORD_H, RECORD_W, TheatreParams, picture};
use crate::app::exhibits::clock::clock_buttons;
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin};
use crate::app::widgets::{
    Localized, TOUCH_PX, UiPointer, label, node_fraction, palette, relabel, ui_button, ui_label,
};
use crate::app::{AppSystems, UiLang};
use crate::domain::text::{Bilingual, ui};

/// The theatre's screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<TheatreParams>(app);
    app.add_systems(Update, show_caption_and_time.in_set(AppSystems::Refresh));
}

#[derive(Component)]
struct Caption;

/// Marks the timeline the visitor drags to scrub.
#[derive(Component)]
pub struct Timeline;

#[derive(Component)]
struct TimelineFill;

impl KindView for TheatreParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let intro = ctx.params().intro.clone();
        let clock = ctx.run.clock;
        let marks = ctx.state().theatre.step_marks();
        let stage = <TheatreParams as crate::kinds::Kind>::pictures(ctx.state())[picture::STAGE];
        body.spawn(Node {
            width: percent(100),
            flex_grow: 1.0,
            min_height: px(0),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            padding: UiRect::new(px(64), px(64), px(0), px(32)),
            row_gap: px(16),
            ..default()
        })
        .with_children(|col| {
            col.spawn((
                ctx.picture_node(picture::STAGE),
                Node {
                    height: px(560),
                    max_width: percent(100),
                    aspect_ratio: Some(stage.width as f32 / stage.height as f32),
                    flex_shrink: 1.0,
                    min_height: px(0),
                    border_radius: BorderRadius::all(px(12)),
                    ..default()
                },
            ));
            col.spawn(Node {
                width: percent(100),
                column_gap: px(32),
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|row| {
                row.spawn((
                    Caption,
                    label(&Bilingual::new("", ""), lang, 34.0, palette::TEXT),
                    Node {
                        flex_grow: 1.0,
                        flex_shrink: 1.0,
                        min_width: px(0),
                        ..default()
                    },
                ));
                row.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    flex_shrink: 0.0,
                    row_gap: px(4),
                    ..default()
                })
                .with_children(|rec| {
                    rec.spawn(ui_label(&ui::STATION_RECORD, lang, 24.0, palette::TEXT_DIM));
                    rec.spawn((
                        ctx.picture_node(picture::RECORD),
                        Node {
                            width: px(RECORD_W as f32),
                            height: px(RECORD_H as f32),
                            ..default()
                        },
                    ));
                });
            });
            col.spawn(Node {
                width: percent(100),
                column_gap: px(20),
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|row| {
                row.spawn(ui_button(&ui::REPLAY, lang, false)).observe(
                    |_: On<Pointer<Click>>, mut live: ResMut<Live<TheatreParams>>| {
                        if let Some(run) = live.get_mut() {
                            run.state.replay();
                            run.clock.playing = true;
                        }
                    },
                );
                clock_buttons::<TheatreParams>(row, &clock, lang, false);
                timeline(row, &marks);
            });
            col.spawn(label(&intro, lang, 26.0, palette::TEXT_DIM));
        });
    }
}

/// The timeline: a finger-high track, filled up to now, a tick at each
/// step; press or drag anywhere on it to scrub.
fn timeline(row: &mut ChildSpawnerCommands, marks: &[f64]) {
    row.spawn((
        Timeline,
        Node {
            flex_grow: 1.0,
            height: px(TOUCH_PX),
            align_items: AlignItems::Center,
            ..default()
        },
    ))
    .with_children(|bar| {
        bar.spawn((
            Node {
                width: percent(100),
                height: px(20),
                border_radius: BorderRadius::all(px(10)),
                overflow: Overflow::clip(),
                ..default()
            },
            BackgroundColor(palette::PANEL_HI),
            Pickable::IGNORE,
        ))
        .with_children(|track| {
            track.spawn((
                TimelineFill,
                Node {
                    width: percent(0),
                    height: percent(100),
                    ..default()
                },
                BackgroundColor(palette::ACCENT),
                Pickable::IGNORE,
            ));
        });
        for m in marks {
            bar.spawn((
                Node {
                    position_type: PositionType::Absolute,
                    left: percent(100.0 * *m as f32),
                    width: px(6),
                    height: px(44),
                    margin: UiRect::left(px(-3)),
                    border_radius: BorderRadius::all(px(3)),
                    ..default()
                },
                BackgroundColor(palette::TEXT),
                Pickable::IGNORE,
            ));
        }
    })
    .observe(
        |press: On<Pointer<Press>>, nodes: NodeQuery, window: UiPointer, live: ResMut<Live<TheatreParams>>| {
            scrub_to(press.entity, press.pointer_location.position, &nodes, &window, live);
        },
    )
    .observe(
        |drag: On<Pointer<Drag>>, nodes: NodeQuery, window: UiPointer, live: ResMut<Live<TheatreParams>>| {
            scrub_to(drag.entity, drag.pointer_location.position, &nodes, &window, live);
        },
    );
}

type NodeQuery<'w, 's> = Query<'w, 's, (&'static ComputedNode, &'static UiGlobalTransform)>;

/// Scrubs to where a pointer is on the timeline.
fn scrub_to(
    entity: Entity,
    pos: Vec2,
    nodes: &NodeQuery,
    window: &UiPointer,
    mut live: ResMut<Live<TheatreParams>>,
) {
    let Ok((node, tf)) = nodes.get(entity) else {
        return;
    };
    if let Some(n) = node_fraction(node, tf, window, pos)
        && let Some(show) = live.state_mut()
    {
        show.scrub(n.x as f64);
    }
}

fn show_caption_and_time(
    live: Res<Live<TheatreParams>>,
    lang: Res<UiLang>,
    mut captions: Query<(&mut Text, &mut Localized), With<Caption>>,
    mut fills: Query<&mut Node, With<TimelineFill>>,
) {
    let Some(show) = live.state() else { return };
    let t = &show.theatre;
    let width = percent(100.0 * (t.time_s / t.length_s).clamp(0.0, 1.0) as f32);
    for mut node in &mut fills {
        if node.width != width {
            node.width = width;
        }
    }
    let Some(caption) = t.step().map(|s| &s.caption) else {
        return;
    };
    for (mut text, mut loc) in &mut captions {
        relabel(&mut text, &mut loc, caption, lang.0);
    }
}
