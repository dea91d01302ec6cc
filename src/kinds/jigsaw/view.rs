//! The screen of the seismogram jigsaw: the stack of records on the left
//! (press one and drag it up or down; it drops into the slot under the
//! finger), the stations' names and distances beside them once sorted; on
//! the right what to do, the hint, then "spread by real distance", the
//! travel-time curves' explanation and "next quake", and at the end the
//! stars of the visit. Spawned once; the stage decides which parts show.

use bevy::prelude::*;

use super::JigsawParams;
use super::MAX_RECORDS;
use super::game::{Game, STACK_H, STACK_W, Stage};
use super::texts as t;
use crate::app::exhibits::layout::{body_row, picture_frame, side_panel};
use crate::app::exhibits::puzzle::{
    UiPointer,
    Follow, NodeQuery, Show, ShownWhile, act, button_saying, column, picture_fraction,
    puzzle_plugin, says,
};
use crate::app::exhibits::{BodyCtx, KindView, Live, observe_lift};
use crate::app::widgets::{Localized, label, palette, relabel, ui_button, ui_label};
use crate::app::{AppSystems, UiLang};
use crate::domain::text::Bilingual;

/// The puzzle's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<JigsawParams, Says, Part>(app);
    app.add_systems(Update, show_names.in_set(AppSystems::Refresh));
}

/// The stack's picture, which takes the drags.
#[derive(Component)]
pub struct StackPicture;

/// "Spread by real distance".
#[derive(Component)]
pub struct CurvesButton;

/// "Next quake" (or "see your stars").
#[derive(Component)]
pub struct NextButton;

/// The name beside slot `k` (or, in the section, record `k`).
#[derive(Component, Clone, Copy)]
struct SlotName(usize);

/// Parts that come and go with the stage.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Sorting,
    Solved,
    Curves,
    Done,
    Finished,
}

impl Show<Game> for Part {
    fn shown(self, g: &Game) -> bool {
        match self {
            Part::Sorting => g.stage == Stage::Sorting,
            Part::Solved => g.stage == Stage::Solved,
            Part::Curves => g.stage == Stage::Curves,
            Part::Done => matches!(g.stage, Stage::Solved | Stage::Curves),
            Part::Finished => g.stage == Stage::Finished,
        }
    }
}

/// Texts that follow the game.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Round,
    Hint,
    Stars,
    NextButton,
}

impl Follow<Game> for Says {
    fn text(self, g: &Game) -> Bilingual {
        match self {
            Says::Round => {
                let (i, n) = (g.current + 1, g.rounds.len());
                Bilingual::new(format!("第 {i}/{n} 个地震"), format!("Quake {i} of {n}"))
            }
            Says::Hint => match g.hints {
                0 => t::HOW.to_bilingual(),
                1 => t::WHY.to_bilingual(),
                _ => Bilingual::new(
                    format!("{}{}", t::WHY.zh, t::LOOK_HERE.zh),
                    format!("{} {}", t::WHY.en, t::LOOK_HERE.en),
                ),
            },
            Says::Stars => Bilingual::new(
                format!("你得到了 {} 颗星（共 {} 颗）！", g.total_stars, g.max_stars()),
                format!("You won {} of {} stars!", g.total_stars, g.max_stars()),
            ),
            Says::NextButton => {
                if g.current + 1 < g.rounds.len() {
                    t::NEXT_QUAKE.to_bilingual()
                } else {
                    t::SEE_STARS.to_bilingual()
                }
            }
        }
    }
}

/// The name and distance beside slot (or record) `k`, and where it goes
/// (fraction of the picture's height); `None` while the stack is unsorted.
fn slot_name(g: &Game, k: usize) -> Option<(Bilingual, f32)> {
    let r = g.round();
    let (i, y) = match g.stage {
        Stage::Solved => (*g.order.get(k)?, g.slot_centre(k)),
        Stage::Curves => {
            let rec = r.records.get(k)?;
            (k, g.distance_y(rec.distance_km))
        }
        _ => return None,
    };
    let rec = r.records.get(i)?;
    Some((
        Bilingual::new(
            format!("{} {:.0} 公里", rec.name.zh, rec.distance_km),
            format!("{} {:.0} km", rec.name.en, rec.distance_km),
        ),
        y / STACK_H as f32,
    ))
}

impl KindView for JigsawParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let intro = ctx.params().intro.clone();
        let g = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            let mut stack = row.spawn((
                StackPicture,
                ctx.picture_node(0),
                picture_frame(STACK_W as f32 / STACK_H as f32),
            ));
            stack.observe(on_press).observe(on_drag);
            observe_lift::<JigsawParams>(&mut stack, |run, _, _| run.state.release());
            stack.with_children(|s| {
                for k in 0..MAX_RECORDS {
                    s.spawn((
                        SlotName(k),
                        Node {
                            position_type: PositionType::Absolute,
                            right: px(14),
                            top: percent(0),
                            margin: UiRect::top(px(-18)),
                            padding: UiRect::axes(px(10), px(2)),
                            border_radius: BorderRadius::all(px(8)),
                            display: Display::None,
                            ..default()
                        },
                        BackgroundColor(palette::BACKGROUND.with_alpha(0.8)),
                        Pickable::IGNORE,
                        children![(label(&Bilingual::new("", ""), lang, 26.0, palette::TEXT), Pickable::IGNORE)],
                    ));
                }
            });
            row.spawn(side_panel(18.0)).with_children(|side| {
                side.spawn(says(Says::Round, g, lang, 28.0, palette::TEXT_DIM));
                side.spawn((ShownWhile(Part::Sorting), column(18.0))).with_children(|p| {
                    p.spawn(label(&intro, lang, 30.0, palette::TEXT));
                    p.spawn(says(Says::Hint, g, lang, 30.0, palette::ACCENT));
                    p.spawn(ui_label(&t::LINES, lang, 26.0, palette::TEXT_DIM));
                    p.spawn(ui_button(&t::HINT, lang, false)).observe(act::<JigsawParams>(Game::hint));
                });
                side.spawn((ShownWhile(Part::Solved), column(18.0))).with_children(|p| {
                    p.spawn(ui_label(&t::SOLVED, lang, 32.0, palette::ACCENT));
                    p.spawn((CurvesButton, ui_button(&t::SHOW_CURVES, lang, true)))
                        .observe(act::<JigsawParams>(Game::show_curves));
                });
                side.spawn((ShownWhile(Part::Curves), column(18.0))).with_children(|p| {
                    p.spawn(ui_label(&t::CURVES, lang, 28.0, palette::TEXT));
                    p.spawn(ui_label(&t::AXES, lang, 24.0, palette::TEXT_DIM));
                });
                side.spawn((ShownWhile(Part::Done), column(18.0))).with_children(|p| {
                    p.spawn((NextButton, button_saying(Says::NextButton, g, lang)))
                        .observe(act::<JigsawParams>(Game::next));
                });
                side.spawn((ShownWhile(Part::Finished), column(18.0))).with_children(|f| {
                    f.spawn(says(Says::Stars, g, lang, 40.0, palette::ACCENT));
                    f.spawn(ui_label(&t::SECTION, lang, 30.0, palette::TEXT));
                    f.spawn(ui_button(&t::PLAY_AGAIN, lang, true))
                        .observe(act::<JigsawParams>(Game::restart));
                });
            });
        });
    }
}

/// The names by the stack, where the records are.
fn show_names(
    live: Res<Live<JigsawParams>>,
    lang: Res<UiLang>,
    mut names: Query<(&SlotName, &mut Node, &Children)>,
    mut labels: Query<(&mut Text, &mut Localized)>,
) {
    let Some(g) = live.state() else { return };
    for (slot, mut node, children) in &mut names {
        let want = slot_name(g, slot.0);
        let display = if want.is_some() { Display::Flex } else { Display::None };
        if node.display != display {
            node.display = display;
        }
        if let Some((text, y)) = want {
            let top = percent(100.0 * y);
            if node.top != top {
                node.top = top;
            }
            for c in children.iter() {
                if let Ok((mut t, mut loc)) = labels.get_mut(c) {
                    relabel(&mut t, &mut loc, &text, lang.0);
                }
            }
        }
    }
}

/// Where a pointer falls on the stack, px of its picture from the top.
fn stack_y(
    nodes: &NodeQuery,
    entity: Entity,
    window: &UiPointer,
    pos: Vec2,
) -> Option<f32> {
    picture_fraction(nodes, entity, window, pos).map(|f| f.y * STACK_H as f32)
}

fn on_press(
    press: On<Pointer<Press>>,
    nodes: NodeQuery,
    window: UiPointer,
    mut live: ResMut<Live<JigsawParams>>,
) {
    if let (Some(y), Some(g)) = (
        stack_y(&nodes, press.entity, &window, press.pointer_location.position),
        live.state_mut(),
    ) {
        g.press(y);
    }
}

fn on_drag(
    drag: On<Pointer<Drag>>,
    nodes: NodeQuery,
    window: UiPointer,
    mut live: ResMut<Live<JigsawParams>>,
) {
    if let (Some(y), Some(g)) = (
        stack_y(&nodes, drag.entity, &window, drag.pointer_location.position),
        live.state_mut(),
    ) {
        g.drag_to(y);
    }
}
