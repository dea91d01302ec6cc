//! The screen of a `SandTable`: the table's picture, which takes the
//! gestures (tap: a quake; one finger: turn; two: zoom and pan; double tap:
//! back home), the legend of the fronts; beside it the magnitudes, each
//! station's name, readout and record, the clock and "reset view".

use bevy::prelude::*;

use super::table::STATION_COLOURS;
use super::{RECORD_H, SandShow, SandTableParams, TABLE_H, TABLE_W, table::SandTable};
use crate::app::exhibits::clock::clock_buttons;
use crate::app::exhibits::layout::{body_row, colour, picture_frame, side_panel, swatch};
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin, observe_lift};
use crate::app::widgets::{UiPointer, Lit, Localized, chip, label, node_fraction, palette, pointer_key, relabel, ui_label};
use crate::app::{AppSystems, UiLang};
use crate::domain::draw::palette::{P_WAVE, S_WAVE};
use crate::domain::physics::intensity::roman;
use crate::domain::text::{Bilingual, ui};
use crate::domain::touch::Gesture;

/// The table's screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<SandTableParams>(app);
    app.add_systems(Update, show_readouts.in_set(AppSystems::Refresh));
}

/// Marks the table's picture (the node that takes the gestures).
#[derive(Component)]
pub struct TablePicture;

/// Station `i`'s readout.
#[derive(Component)]
struct StationReadout(usize);

/// The button of one magnitude.
#[derive(Component)]
struct MagnitudeChoice(f64);

impl KindView for SandTableParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let clock = ctx.run.clock;
        let chosen = ctx.state().table.magnitude;
        body.spawn(body_row()).with_children(|row| {
            let mut table = row.spawn((
                TablePicture,
                ctx.picture_node(0),
                picture_frame(TABLE_W as f32 / TABLE_H as f32),
            ));
            table.with_children(|pic| {
                // The legend of the fronts, in the picture's corner.
                pic.spawn((
                    Node {
                        position_type: PositionType::Absolute,
                        left: px(18),
                        top: px(14),
                        column_gap: px(20),
                        ..default()
                    },
                    Pickable::IGNORE,
                ))
                .with_children(|legend| {
                    swatch(legend, colour(P_WAVE), &ui::P_SHORT.to_bilingual(), lang, 26.0);
                    swatch(legend, colour(S_WAVE), &ui::S_SHORT.to_bilingual(), lang, 26.0);
                });
            })
            .observe(on_press)
            .observe(on_drag)
            .observe(on_scroll);
            observe_lift::<SandTableParams>(&mut table, |run, key, now| {
                if let Some(g) = run.state.gestures.up(key, now) {
                    gesture(run, g, now);
                }
            });
            row.spawn(side_panel(10.0)).with_children(|side| {
                side.spawn(label(&p.intro, lang, 26.0, palette::TEXT));
                side.spawn(Node {
                    column_gap: px(14),
                    align_items: AlignItems::Center,
                    ..default()
                })
                .with_children(|mags| {
                    mags.spawn((
                        ui_label(&ui::MAGNITUDE, lang, 28.0, palette::ACCENT),
                        Node {
                            flex_shrink: 0.0,
                            ..default()
                        },
                    ));
                    for &m in &p.magnitudes {
                        let m = m as f64;
                        let text = Bilingual::new(format!("{m}级"), format!("M{m}"));
                        mags.spawn((chip(&text, lang, same(chosen, m)), MagnitudeChoice(m)))
                            .observe(choose_magnitude);
                    }
                });
                side.spawn(ui_label(
                    &ui::THREE_COMPONENTS,
                    lang,
                    24.0,
                    palette::TEXT_DIM,
                ));
                let names = std::iter::once(&p.hall).chain(&p.stations);
                for (i, place) in names.enumerate() {
                    side.spawn(Node {
                        column_gap: px(12),
                        align_items: AlignItems::Center,
                        width: percent(100),
                        ..default()
                    })
                    .with_children(|st| {
                        st.spawn(Node {
                            flex_direction: FlexDirection::Column,
                            width: px(220),
                            flex_shrink: 0.0,
                            ..default()
                        })
                        .with_children(|names| {
                            let c = STATION_COLOURS[i % STATION_COLOURS.len()];
                            names.spawn(label(&place.name, lang, 26.0, colour(c)));
                            names.spawn((
                                StationReadout(i),
                                label(&Bilingual::new("—", "—"), lang, 19.0, palette::TEXT_DIM),
                            ));
                        });
                        st.spawn((
                            ctx.picture_node(SandShow::record_picture(i)),
                            Node {
                                flex_grow: 1.0,
                                min_width: px(0),
                                height: px(RECORD_H as f32),
                                ..default()
                            },
                        ));
                    });
                }
                side.spawn(Node {
                    column_gap: px(14),
                    row_gap: px(10),
                    flex_wrap: FlexWrap::Wrap,
                    ..default()
                })
                .with_children(|buttons| {
                    clock_buttons::<SandTableParams>(buttons, &clock, lang, true);
                    buttons
                        .spawn(chip(&ui::RESET_VIEW.to_bilingual(), lang, false))
                        .observe(
                            |_: On<Pointer<Click>>, mut live: ResMut<Live<SandTableParams>>| {
                                if let Some(s) = live.state_mut() {
                                    s.table.view.camera.reset();
                                }
                            },
                        );
                });
            });
        });
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// A magnitude chip: the next tap's quake has that size.
fn choose_magnitude(
    click: On<Pointer<Click>>,
    choices: Query<&MagnitudeChoice>,
    mut lits: Query<(&MagnitudeChoice, &mut Lit)>,
    mut live: ResMut<Live<SandTableParams>>,
) {
    let (Ok(choice), Some(s)) = (choices.get(click.entity), live.state_mut()) else {
        return;
    };
    s.table.magnitude = choice.0;
    for (c, mut lit) in &mut lits {
        lit.0 = same(c.0, choice.0);
    }
}

/// What station `i`'s readout says now.
fn readout(table: &SandTable, i: usize) -> Bilingual {
    let (Some(q), Some(a)) = (
        table.quake.as_ref(),
        table.stations.get(i).and_then(|s| s.arrival.as_ref()),
    ) else {
        return Bilingual::new("—", "—");
    };
    let t = q.clock_s;
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if t >= a.p_s {
        zh.push(format!("P波 {:.1}秒", a.p_s));
        en.push(format!("P {:.1} s", a.p_s));
    }
    if t >= a.s_s {
        zh.push(format!("S波 {:.1}秒", a.s_s));
        en.push(format!("S {:.1} s", a.s_s));
        zh.push(format!("\n烈度 {}度", roman(a.intensity)));
        en.push(format!("\nintensity {}", roman(a.intensity)));
    }
    if zh.is_empty() {
        return ui::WAVES_COMING.to_bilingual();
    }
    Bilingual::new(
        zh.join("  ").replace(" \n", "\n"),
        en.join("  ").replace(" \n", "\n"),
    )
}

fn show_readouts(
    live: Res<Live<SandTableParams>>,
    lang: Res<UiLang>,
    mut texts: Query<(&StationReadout, &mut Text, &mut Localized)>,
) {
    let Some(s) = live.state() else { return };
    for (r, mut t, mut l) in &mut texts {
        relabel(&mut t, &mut l, &readout(&s.table, r.0), lang.0);
    }
}

/// Where a pointer at window position `pos` (logical pixels) falls on the
/// table's picture, in picture pixels.
fn picture_point(
    node: &ComputedNode,
    transform: &UiGlobalTransform,
    window: &UiPointer,
    pos: Vec2,
) -> Option<Vec2> {
    let n = node_fraction(node, transform, window, pos)?;
    Some(n * Vec2::new(TABLE_W as f32, TABLE_H as f32))
}


/// A tap sets off a quake (and plays the clock); other gestures turn the
/// table.
fn gesture(run: &mut crate::app::exhibits::Running<SandTableParams>, g: Gesture, now_s: f64) {
    match g {
        Gesture::Tap(x, y) => {
            if run.state.table.tap(x, y, now_s) {
                run.clock.playing = true;
            }
        }
        other => turn(&mut run.state, other),
    }
}

type NodeQuery<'w, 's> = Query<'w, 's, (&'static ComputedNode, &'static UiGlobalTransform)>;

fn on_press(
    press: On<Pointer<Press>>,
    nodes: NodeQuery,
    window: UiPointer,
    time: Res<Time<Real>>,
    mut live: ResMut<Live<SandTableParams>>,
) {
    let (Ok((node, tf)), Some(s)) = (nodes.get(press.entity), live.state_mut()) else {
        return;
    };
    if let Some(p) = picture_point(
        node,
        tf,
        &window,
        press.pointer_location.position,
    ) {
        let now = time.elapsed_secs_f64();
        s.gestures
            .down(pointer_key(&press.pointer_id), p.x, p.y, now);
    }
}

fn on_drag(
    drag: On<Pointer<Drag>>,
    nodes: NodeQuery,
    window: UiPointer,
    mut live: ResMut<Live<SandTableParams>>,
) {
    let (Ok((node, tf)), Some(s)) = (nodes.get(drag.entity), live.state_mut()) else {
        return;
    };
    if let Some(p) = picture_point(
        node,
        tf,
        &window,
        drag.pointer_location.position,
    ) && let Some(g) = s.gestures.moved(pointer_key(&drag.pointer_id), p.x, p.y)
    {
        turn(s, g);
    }
}

/// Hands a gesture that is no tap to the camera.
fn turn(s: &mut SandShow, g: Gesture) {
    s.table.view.camera.apply(g, TABLE_H as f32);
}

fn on_scroll(scroll: On<Pointer<Scroll>>, mut live: ResMut<Live<SandTableParams>>) {
    // A mouse wheel notch zooms by a tenth.
    let scale = 1.1f32.powf(scroll.y.clamp(-10.0, 10.0));
    if let Some(s) = live.state_mut() {
        turn(s, Gesture::Pinch(scale, 0.0, 0.0));
    }
}
