//! The screen of a `WaveTank`: the tank's picture (a touch sets off a
//! quake there), its legend, the two shaking meters and "calm the ground".

use bevy::prelude::*;

use super::WaveTankParams;
use crate::app::AppSystems;
use crate::app::exhibits::layout::{body_row, picture_frame, side_panel, swatch};
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin};
use crate::app::widgets::{label, palette, ui_button, ui_label};
use crate::domain::text::{Bilingual, Lang, ui};

/// The tank's screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<WaveTankParams>(app);
    app.add_systems(Update, show_meters.in_set(AppSystems::Refresh));
}

/// Marks the coloured part of meter `0` (bedrock) or `1` (basin).
#[derive(Component)]
struct MeterFill(usize);

impl KindView for WaveTankParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let (w, h) = ctx.state().picture_size();
        body.spawn(body_row()).with_children(|row| {
            row.spawn((ctx.picture_node(0), picture_frame(w as f32 / h as f32)))
            .observe(
                |press: On<Pointer<Press>>, mut live: ResMut<Live<WaveTankParams>>| {
                    if let (Some(pos), Some(tank)) = (press.hit.position, live.state_mut()) {
                        tank.touch(pos.x + 0.5, pos.y + 0.5);
                    }
                },
            );
            row.spawn(side_panel(28.0)).with_children(|side| {
                side.spawn(label(&p.intro, lang, 34.0, palette::TEXT));
                swatch(
                    side,
                    Color::srgb_u8(0x3b, 0x5a, 0x78),
                    &p.rock_label,
                    lang,
                    40.0,
                );
                if let Some(b) = &p.basin {
                    swatch(side, Color::srgb_u8(0x9a, 0x76, 0x45), &b.label, lang, 40.0);
                }
                swatch(
                    side,
                    Color::srgb_u8(0xff, 0xb0, 0x50),
                    &ui::GROUND_UP.to_bilingual(),
                    lang,
                    40.0,
                );
                swatch(
                    side,
                    Color::srgb_u8(0x5a, 0xb4, 0xff),
                    &ui::GROUND_DOWN.to_bilingual(),
                    lang,
                    40.0,
                );
                if let Some(b) = &p.basin {
                    side.spawn(ui_label(&ui::HOUSE_SHAKING, lang, 34.0, palette::ACCENT));
                    meter(side, 0, &p.rock_label, lang);
                    meter(side, 1, &b.label, lang);
                }
                side.spawn(ui_button(&ui::CALM_GROUND, lang, true)).observe(
                    |_: On<Pointer<Click>>, mut live: ResMut<Live<WaveTankParams>>| {
                        if let Some(tank) = live.state_mut() {
                            tank.reset();
                        }
                    },
                );
            });
        });
    }
}

fn show_meters(live: Res<Live<WaveTankParams>>, mut fills: Query<(&MeterFill, &mut Node)>) {
    let Some(tank) = live.state() else { return };
    let levels = tank.meter_levels();
    for (fill, mut node) in &mut fills {
        let level = levels.get(fill.0).copied().unwrap_or(0.0);
        let width = percent(100.0 * level.clamp(0.0, 1.0));
        if node.width != width {
            node.width = width;
        }
    }
}

fn meter(side: &mut ChildSpawnerCommands, i: usize, text: &Bilingual, lang: Lang) {
    side.spawn(Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(8),
        ..default()
    })
    .with_children(|m| {
        m.spawn(label(text, lang, 30.0, palette::TEXT_DIM));
        m.spawn((
            Node {
                width: percent(100),
                height: px(36),
                border_radius: BorderRadius::all(px(18)),
                overflow: Overflow::clip(),
                ..default()
            },
            BackgroundColor(palette::PANEL),
        ))
        .with_children(|bar| {
            bar.spawn((
                MeterFill(i),
                Node {
                    width: percent(0),
                    height: percent(100),
                    ..default()
                },
                BackgroundColor(palette::ACCENT),
            ));
        });
    });
}
