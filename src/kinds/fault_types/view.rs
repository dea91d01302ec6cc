//! The screen of a `FaultTypes`: the blocks (a finger slides the moving
//! one along the fault) with the blocks' names over them; beside them the
//! faults' buttons, what drives the chosen one, its real example and
//! "put it back".

use bevy::prelude::*;

use super::blocks::{PICTURE, PULL, PUSH, SHEAR};
use super::{FaultTypesParams, block_names, kind_name, stress, texts};
use crate::app::exhibits::layout::{body_row, colour, picture_frame, side_panel};
use crate::app::exhibits::puzzle::{NodeQuery, picture_fraction};
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin, observe_lift};
use crate::app::widgets::{
    Lit, Localized, UiPointer, chip, label, palette, pointer_key, relabel, ui_button,
    ui_label,
};
use crate::app::{AppSystems, UiLang};
use crate::domain::text::Bilingual;
use crate::kinds::fault_types::blocks::FaultKind;

/// The faults' screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<FaultTypesParams>(app);
    app.add_systems(Update, (show_fault, place_names).in_set(AppSystems::Refresh));
}

#[derive(Component)]
struct FaultChoice(usize);

#[derive(Component, Clone, Copy)]
enum Says {
    Stress,
    Example,
}

/// The name of block 0 (fixed) or 1 (moving), over the picture.
#[derive(Component)]
struct BlockName(usize);

fn stress_colour(k: FaultKind) -> Color {
    colour(match k {
        FaultKind::Normal => PULL,
        FaultKind::Reverse => PUSH,
        FaultKind::StrikeSlip => SHEAR,
    })
}

impl KindView for FaultTypesParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let current = ctx.state().current;
        body.spawn(body_row()).with_children(|row| {
            let mut pic = row.spawn((
                ctx.picture_node(0),
                picture_frame(PICTURE.0 as f32 / PICTURE.1 as f32),
            ));
            pic.with_children(|pic| {
                for i in 0..2 {
                    pic.spawn((
                        BlockName(i),
                        Node {
                            position_type: PositionType::Absolute,
                            padding: UiRect::axes(px(10), px(4)),
                            border_radius: BorderRadius::all(px(8)),
                            ..default()
                        },
                        BackgroundColor(Color::srgba(0.0, 0.0, 0.0, 0.55)),
                        Pickable::IGNORE,
                        children![(label(&Bilingual::new("", ""), lang, 26.0, Color::WHITE), Pickable::IGNORE)],
                    ));
                }
            })
            .observe(on_press)
            .observe(on_drag);
            observe_lift::<FaultTypesParams>(&mut pic, |run, key, now| run.state.blocks.up(key, now));
            row.spawn(side_panel(16.0)).with_children(|side| {
                side.spawn(label(&p.intro, lang, 26.0, palette::TEXT));
                side.spawn(Node {
                    flex_wrap: FlexWrap::Wrap,
                    column_gap: px(12),
                    row_gap: px(10),
                    ..default()
                })
                .with_children(|chips| {
                    for (i, f) in p.faults.iter().enumerate() {
                        chips
                            .spawn((chip(&kind_name(f.kind).to_bilingual(), lang, i == current), FaultChoice(i)))
                            .observe(choose);
                    }
                });
                side.spawn((Says::Stress, label(&Bilingual::new("", ""), lang, 26.0, palette::TEXT)));
                side.spawn((Says::Example, label(&Bilingual::new("", ""), lang, 24.0, palette::TEXT_DIM)));
                side.spawn(ui_label(&texts::DRAG, lang, 22.0, palette::TEXT_DIM));
                side.spawn(ui_button(&texts::AGAIN, lang, false)).observe(
                    |_: On<Pointer<Click>>, mut live: ResMut<Live<FaultTypesParams>>| {
                        if let Some(s) = live.state_mut() {
                            s.blocks.slip = 0.0;
                        }
                    },
                );
            });
        });
    }
}

fn choose(click: On<Pointer<Click>>, q: Query<&FaultChoice>, mut live: ResMut<Live<FaultTypesParams>>) {
    if let (Ok(c), Some(s)) = (q.get(click.entity), live.state_mut()) {
        s.choose(c.0);
    }
}

/// The pointer's place on the blocks' picture, in its pixels.
fn point(nodes: &NodeQuery, e: Entity, pointer: &UiPointer, pos: Vec2) -> Option<Vec2> {
    Some(picture_fraction(nodes, e, pointer, pos)? * Vec2::new(PICTURE.0 as f32, PICTURE.1 as f32))
}

fn on_press(
    press: On<Pointer<Press>>,
    nodes: NodeQuery,
    pointer: UiPointer,
    time: Res<Time<Real>>,
    mut live: ResMut<Live<FaultTypesParams>>,
) {
    let Some(s) = live.state_mut() else { return };
    if let Some(p) = point(&nodes, press.entity, &pointer, press.pointer_location.position) {
        s.blocks.down(pointer_key(&press.pointer_id), p.x, p.y, time.elapsed_secs_f64());
    }
}

fn on_drag(drag: On<Pointer<Drag>>, nodes: NodeQuery, pointer: UiPointer, mut live: ResMut<Live<FaultTypesParams>>) {
    let Some(s) = live.state_mut() else { return };
    if let Some(p) = point(&nodes, drag.entity, &pointer, drag.pointer_location.position) {
        s.blocks.moved(pointer_key(&drag.pointer_id), p.x, p.y);
    }
}

fn show_fault(
    live: Res<Live<FaultTypesParams>>,
    lang: Res<UiLang>,
    mut chips: Query<(&FaultChoice, &mut Lit)>,
    mut says: Query<(&Says, &mut Text, &mut Localized, &mut TextColor)>,
) {
    let Some(s) = live.state() else { return };
    for (c, mut lit) in &mut chips {
        let on = c.0 == s.current;
        if lit.0 != on {
            lit.0 = on;
        }
    }
    let kind = s.blocks.fault.kind;
    let example = s.faults.get(s.current).map(|f| f.1.clone()).unwrap_or_default();
    for (which, mut t, mut l, mut col) in &mut says {
        let new = match which {
            Says::Stress => {
                let c = stress_colour(kind);
                if col.0 != c {
                    col.0 = c;
                }
                stress(kind).to_bilingual()
            }
            Says::Example => Bilingual::new(
                format!("{}{}", texts::EXAMPLE.zh, example.zh),
                format!("{}{}", texts::EXAMPLE.en, example.en),
            ),
        };
        relabel(&mut t, &mut l, &new, lang.0);
    }
}

/// Keeps the blocks' names over the blocks as the moving one slides.
fn place_names(
    live: Res<Live<FaultTypesParams>>,
    lang: Res<UiLang>,
    mut names: Query<(&BlockName, &mut Node, &Children)>,
    mut texts_q: Query<(&mut Text, &mut Localized)>,
) {
    let Some(s) = live.state() else { return };
    let points = s.blocks.label_points();
    let words = block_names(s.blocks.fault.kind);
    for (b, mut node, children) in &mut names {
        if let Some((fx, fy)) = s.blocks.fraction(points[b.0]) {
            let (l, t) = (percent((fx * 100.0) as f32 - 6.0), percent((fy * 100.0) as f32 - 4.0));
            if node.left != l || node.top != t {
                node.left = l;
                node.top = t;
            }
        }
        for c in children.iter() {
            if let Ok((mut t, mut l)) = texts_q.get_mut(c) {
                relabel(&mut t, &mut l, &words[b.0].to_bilingual(), lang.0);
            }
        }
    }
}
