//! The screen of a `WaveTypes`: the particle block (a tap traces a
//! particle), a button per kind of wave, what the chosen wave does, its
//! speed and wavelength, and the slow-motion slider.

use bevy::prelude::*;

use super::{WAVES, WaveTypesParams};
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin};
use crate::app::widgets::{
    Lit, Localized, Slider, button, label, palette, relabel, spawn_slider, ui_label,
};
use crate::app::{AppSystems, UiLang};
use crate::domain::physics::motion::WaveKind;
use crate::domain::text::{Bilingual, ui};

use super::block::WaveTypes;

/// The wave block's screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<WaveTypesParams>(app);
    app.add_systems(Update, follow_slider.in_set(AppSystems::Update))
        .add_systems(Update, show_wave.in_set(AppSystems::Refresh));
}

/// Slowest slow motion: a tenth of the waves' real pace.
const SLOWEST: f64 = 0.1;

fn rate_to_slider(rate: f64) -> f32 {
    ((rate - SLOWEST) / (1.0 - SLOWEST)).clamp(0.0, 1.0) as f32
}

/// Marks the slow-motion slider.
#[derive(Component)]
struct SpeedSlider;

/// The button of one kind of wave.
#[derive(Component)]
struct WaveButton(WaveKind);

/// Texts that follow the chosen wave.
#[derive(Component, Clone, Copy)]
enum WaveText {
    About,
    SpeedAndLength,
}

fn kind_name(k: WaveKind) -> Bilingual {
    match k {
        WaveKind::P => ui::P_SHORT,
        WaveKind::S => ui::S_SHORT,
        WaveKind::Love => ui::LOVE_WAVE,
        WaveKind::Rayleigh => ui::RAYLEIGH_WAVE,
    }
    .to_bilingual()
}

impl WaveText {
    fn text(self, w: &WaveTypes) -> Bilingual {
        match self {
            WaveText::About => match w.kind {
                WaveKind::P => ui::ABOUT_P,
                WaveKind::S => ui::ABOUT_S,
                WaveKind::Love => ui::ABOUT_LOVE,
                WaveKind::Rayleigh => ui::ABOUT_RAYLEIGH,
            }
            .to_bilingual(),
            WaveText::SpeedAndLength => {
                let (speed, wavelength) = (w.speed_km_s(), w.wavelength_km());
                Bilingual::new(
                    format!("速度 {speed:.2} 公里/秒，波长 {wavelength:.1} 公里"),
                    format!("Speed {speed:.2} km/s, wavelength {wavelength:.1} km"),
                )
            }
        }
    }
}

impl KindView for WaveTypesParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let w = ctx.state().clone();
        body.spawn(Node {
            width: percent(100),
            flex_grow: 1.0,
            min_height: px(0),
            flex_direction: FlexDirection::Column,
            padding: UiRect::new(px(64), px(64), px(0), px(32)),
            row_gap: px(20),
            ..default()
        })
        .with_children(|col| {
            col.spawn(label(&p.intro, lang, 30.0, palette::TEXT_DIM));
            col.spawn(Node {
                flex_grow: 1.0,
                min_height: px(0),
                column_gap: px(40),
                ..default()
            })
            .with_children(|row| {
                row.spawn((
                    ctx.picture_node(0),
                    Node {
                        flex_grow: 1.0,
                        flex_basis: px(0),
                        min_width: px(0),
                        max_height: percent(100),
                        aspect_ratio: Some(WaveTypes::aspect()),
                        align_self: AlignSelf::FlexStart,
                        ..default()
                    },
                ))
                .observe(
                    |press: On<Pointer<Press>>, mut live: ResMut<Live<WaveTypesParams>>| {
                        if let (Some(pos), Some(w)) = (press.hit.position, live.state_mut()) {
                            w.touch(pos.x + 0.5, pos.y + 0.5);
                        }
                    },
                );
                row.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    width: px(460),
                    flex_shrink: 0.0,
                    row_gap: px(16),
                    ..default()
                })
                .with_children(|side| {
                    side.spawn(Node {
                        display: Display::Grid,
                        grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
                        column_gap: px(16),
                        row_gap: px(16),
                        ..default()
                    })
                    .with_children(|grid| {
                        for k in WAVES {
                            grid.spawn((button(&kind_name(k), lang, k == w.kind), WaveButton(k)))
                                .observe(
                                    move |_: On<Pointer<Click>>,
                                          mut live: ResMut<Live<WaveTypesParams>>| {
                                        if let Some(w) = live.state_mut() {
                                            w.show(k);
                                        }
                                    },
                                );
                        }
                    });
                    for t in [WaveText::About, WaveText::SpeedAndLength] {
                        let colour = match t {
                            WaveText::About => palette::TEXT,
                            WaveText::SpeedAndLength => palette::ACCENT,
                        };
                        side.spawn((t, label(&t.text(&w), lang, 30.0, colour)));
                    }
                    side.spawn(ui_label(&ui::TAP_A_PARTICLE, lang, 26.0, palette::TEXT_DIM));
                    // Slow motion: a slider from a tenth of normal speed
                    // (left) to normal speed (right).
                    side.spawn(Node {
                        flex_direction: FlexDirection::Column,
                        width: percent(100),
                        ..default()
                    })
                    .with_children(|col| {
                        col.spawn(Node {
                            width: percent(100),
                            ..default()
                        })
                        .with_children(|row| {
                            spawn_slider(row, rate_to_slider(w.rate), SpeedSlider);
                        });
                        col.spawn(Node {
                            width: percent(100),
                            justify_content: JustifyContent::SpaceBetween,
                            ..default()
                        })
                        .with_children(|row| {
                            row.spawn(ui_label(&ui::SLOW_MOTION, lang, 26.0, palette::TEXT_DIM));
                            row.spawn(ui_label(&ui::NORMAL_SPEED, lang, 26.0, palette::TEXT_DIM));
                        });
                    });
                });
            });
        });
    }
}

/// Follows the slow-motion slider.
fn follow_slider(
    sliders: Query<&Slider, (With<SpeedSlider>, Changed<Slider>)>,
    mut live: ResMut<Live<WaveTypesParams>>,
) {
    for s in &sliders {
        if let Some(w) = live.state_mut() {
            let rate = SLOWEST + (1.0 - SLOWEST) * s.value as f64;
            if (w.rate - rate).abs() > 1e-9 {
                w.rate = rate;
            }
        }
    }
}

/// Lights the chosen wave's button and says what it does.
fn show_wave(
    live: Res<Live<WaveTypesParams>>,
    lang: Res<UiLang>,
    mut buttons: Query<(&WaveButton, &mut Lit)>,
    mut texts: Query<(&WaveText, &mut Text, &mut Localized)>,
) {
    let Some(w) = live.state() else { return };
    for (b, mut lit) in &mut buttons {
        let on = b.0 == w.kind;
        if lit.0 != on {
            lit.0 = on;
        }
    }
    for (which, mut text, mut loc) in &mut texts {
        relabel(&mut text, &mut loc, &which.text(w), lang.0);
    }
}
