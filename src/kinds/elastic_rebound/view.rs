//! The screen of an `ElasticRebound`: the fault (a finger drags the plate
//! to the right) over the station's record; beside them the counts, the
//! fast-forward, and the magnitude-frequency plot.

use bevy::prelude::*;

use super::game::{FAULT, PLOT, RECORD};
use super::{ElasticReboundParams, picture, texts};
use crate::app::exhibits::layout::{body_row, side_panel};
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin};
use crate::app::widgets::{Localized, UiPointer, chip, label, node_fraction, palette, relabel, ui_label};
use crate::app::{AppSystems, UiLang};
use crate::domain::text::Bilingual;

/// The fault's screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<ElasticReboundParams>(app);
    app.add_systems(Update, show_counts.in_set(AppSystems::Refresh));
}

#[derive(Component, Clone, Copy)]
enum Says {
    Counts,
    Now,
}

/// Where the finger was last on the fault's picture (a fraction of its
/// width), per drag.
#[derive(Component, Default)]
struct LastX(Option<f32>);

impl KindView for ElasticReboundParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        body.spawn(body_row()).with_children(|row| {
            row.spawn(Node {
                flex_direction: FlexDirection::Column,
                width: percent(60),
                flex_shrink: 0.0,
                row_gap: px(8),
                ..default()
            })
            .with_children(|col| {
                col.spawn((
                    ctx.picture_node(picture::FAULT),
                    Node {
                        width: percent(100),
                        aspect_ratio: Some(FAULT.0 as f32 / FAULT.1 as f32),
                        border_radius: BorderRadius::all(px(12)),
                        ..default()
                    },
                    LastX::default(),
                ))
                .observe(on_drag)
                .observe(|ev: On<Pointer<DragEnd>>, mut q: Query<&mut LastX>| {
                    if let Ok(mut l) = q.get_mut(ev.entity) {
                        l.0 = None;
                    }
                });
                col.spawn(ui_label(&texts::SEISMOGRAM, lang, 20.0, palette::TEXT_DIM));
                col.spawn((
                    ctx.picture_node(picture::RECORD),
                    Node {
                        width: percent(100),
                        aspect_ratio: Some(RECORD.0 as f32 / RECORD.1 as f32),
                        border_radius: BorderRadius::all(px(8)),
                        ..default()
                    },
                ));
                col.spawn(ui_label(&texts::REID, lang, 16.0, palette::TEXT_DIM));
            });
            row.spawn(side_panel(10.0)).with_children(|side| {
                side.spawn(label(&p.intro, lang, 24.0, palette::TEXT));
                side.spawn(ui_label(&texts::STRAIN, lang, 20.0, palette::TEXT_DIM));
                side.spawn((Says::Now, label(&Bilingual::new("", ""), lang, 24.0, palette::ACCENT)));
                side.spawn((Says::Counts, label(&Bilingual::new("", ""), lang, 22.0, palette::TEXT)));
                side.spawn(chip(&texts::FAST.to_bilingual(), lang, false)).observe(
                    |_: On<Pointer<Click>>, mut live: ResMut<Live<ElasticReboundParams>>| {
                        if let Some(s) = live.state_mut() {
                            s.fast_forward();
                        }
                    },
                );
                side.spawn(ui_label(&texts::PLOT, lang, 22.0, palette::ACCENT));
                side.spawn((
                    ctx.picture_node(picture::PLOT),
                    Node {
                        width: px(PLOT.0 as f32),
                        aspect_ratio: Some(PLOT.0 as f32 / PLOT.1 as f32),
                        flex_shrink: 0.0,
                        ..default()
                    },
                ));
                side.spawn(ui_label(&texts::PLOT_AXES, lang, 16.0, palette::TEXT_DIM));
            });
        });
    }
}

/// A finger moving right on the fault drags the plate with it.
fn on_drag(
    drag: On<Pointer<Drag>>,
    mut nodes: Query<(&ComputedNode, &UiGlobalTransform, &mut LastX)>,
    pointer: UiPointer,
    mut live: ResMut<Live<ElasticReboundParams>>,
) {
    let Ok((node, tf, mut last)) = nodes.get_mut(drag.entity) else { return };
    let Some(f) = node_fraction(node, tf, &pointer, drag.pointer_location.position) else { return };
    if let (Some(prev), Some(s)) = (last.0, live.state_mut()) {
        s.drag((f.x - prev) as f64);
    }
    last.0 = Some(f.x);
}

fn show_counts(
    live: Res<Live<ElasticReboundParams>>,
    lang: Res<UiLang>,
    mut says: Query<(&Says, &mut Text, &mut Localized)>,
) {
    let Some(s) = live.state() else { return };
    let ev = s.events();
    for (w, mut t, mut l) in &mut says {
        let new = match w {
            Says::Now => {
                if s.chain.slipping() || s.waves.iter().any(|w| w.1 < 1.2) {
                    texts::SNAP.to_bilingual()
                } else {
                    texts::DRAG.to_bilingual()
                }
            }
            Says::Counts => match ev.last() {
                None => Bilingual::new(format!("0 {}", texts::EVENTS.zh), format!("0 {}", texts::EVENTS.en)),
                Some(last) => {
                    let big = ev.iter().map(|e| e.magnitude()).fold(f64::MIN, f64::max);
                    Bilingual::new(
                        format!(
                            "{} {}  ·  刚才 {:.1}级  ·  {} {:.1}级",
                            ev.len(),
                            texts::EVENTS.zh,
                            last.magnitude(),
                            texts::LARGEST.zh,
                            big
                        ),
                        format!(
                            "{} {}  ·  last M{:.1}  ·  {} M{:.1}",
                            ev.len(),
                            texts::EVENTS.en,
                            last.magnitude(),
                            texts::LARGEST.en,
                            big
                        ),
                    )
                }
            },
        };
        relabel(&mut t, &mut l, &new, lang.0);
    }
}
