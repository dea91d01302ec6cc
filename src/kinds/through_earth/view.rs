//! The screen of a `ThroughEarth`: the cross-section (a touch places the
//! quake), the legend, the stations' records, replay and the clock.

use bevy::prelude::*;

use super::earth::colours;
use super::{RECORD_ROW_PX, RECORDS_W, ThroughEarthParams, picture};
use crate::app::exhibits::clock::clock_buttons;
use crate::app::exhibits::layout::{body_row, colour, side_panel, swatch};
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin};
use crate::app::widgets::{label, palette, plain, ui_button, ui_label};
use crate::domain::text::ui;

/// The cross-section's screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<ThroughEarthParams>(app);
}

impl KindView for ThroughEarthParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let clock = ctx.run.clock;
        body.spawn(body_row()).with_children(|row| {
            row.spawn((
                ctx.picture_node(picture::EARTH),
                Node {
                    height: percent(100),
                    aspect_ratio: Some(1.0),
                    flex_shrink: 0.0,
                    ..default()
                },
            ))
            .observe(
                |press: On<Pointer<Press>>, mut live: ResMut<Live<ThroughEarthParams>>| {
                    if let (Some(pos), Some(s)) = (press.hit.position, live.state_mut()) {
                        s.earth.touch(pos.x + 0.5, pos.y + 0.5);
                    }
                },
            );
            row.spawn(side_panel(18.0)).with_children(|side| {
                side.spawn(label(&p.intro, lang, 30.0, palette::TEXT));
                side.spawn(Node {
                    flex_wrap: FlexWrap::Wrap,
                    column_gap: px(28),
                    row_gap: px(10),
                    ..default()
                })
                .with_children(|legend| {
                    for (c, t) in [
                        (colours::P, &ui::FRONT_P),
                        (colours::CORE_P, &ui::FRONT_CORE_P),
                        (colours::S, &ui::FRONT_S),
                        (colours::SHADOW, &ui::SHADOW_ZONE),
                    ] {
                        swatch(legend, colour(c), &t.to_bilingual(), lang, 30.0);
                    }
                });
                side.spawn(ui_label(&ui::STATION_RECORDS, lang, 30.0, palette::ACCENT));
                side.spawn(Node {
                    column_gap: px(12),
                    ..default()
                })
                .with_children(|rec| {
                    rec.spawn(Node {
                        flex_direction: FlexDirection::Column,
                        flex_shrink: 0.0,
                        ..default()
                    })
                    .with_children(|names| {
                        for d in &p.stations_deg {
                            names.spawn((
                                Node {
                                    height: px(RECORD_ROW_PX as f32),
                                    align_items: AlignItems::Center,
                                    ..default()
                                },
                                children![plain(format!("{d:.0}°"), 26.0, palette::TEXT_DIM)],
                            ));
                        }
                    });
                    rec.spawn((
                        ctx.picture_node(picture::RECORDS),
                        Node {
                            width: px(RECORDS_W as f32),
                            height: px((RECORD_ROW_PX * p.stations_deg.len().max(1) as u32) as f32),
                            flex_shrink: 1.0,
                            ..default()
                        },
                    ));
                });
                side.spawn(Node {
                    column_gap: px(20),
                    ..default()
                })
                .with_children(|buttons| {
                    buttons.spawn(ui_button(&ui::REPLAY, lang, true)).observe(
                        |_: On<Pointer<Click>>, mut live: ResMut<Live<ThroughEarthParams>>| {
                            if let Some(run) = live.get_mut() {
                                run.state.earth.clock_s = 0.0;
                                run.clock.playing = true;
                            }
                        },
                    );
                    clock_buttons::<ThroughEarthParams>(buttons, &clock, lang, false);
                });
            });
        });
    }
}
