//! The screen of "Find the P and S waves": the recording on the left (tap
//! to place P then S, drag a flag to move it, one finger pans, two zoom,
//! a double tap shows the whole window); on the right what to do, the
//! hint, zoom and "make it clearer" buttons and "check", then the stars,
//! the why and the distance, and at the end the stars of the visit.
//! Spawned once; the stage decides which parts show.

use bevy::prelude::*;

use super::game::{Game, Stage, Verdict};
use super::texts as t;
use super::{Difficulty, FindWavesParams, TRACE_H, TRACE_W};
use crate::domain::sound::listen::button_text;
use crate::app::exhibits::layout::{body_row, picture_frame, side_panel};
use crate::app::exhibits::puzzle::{
    UiPointer,
    Follow, LitWhile, NodeQuery, SaysOnButton, Show, ShownWhile, act, button_saying, buttons_row,
    column, picture_fraction, puzzle_plugin, says,
};
use crate::app::exhibits::{BodyCtx, KindView, Live, observe_lift};
use crate::app::widgets::{chip, label, palette, pointer_key, ui_button, ui_label};
use crate::domain::puzzle::seismogram::MarkerKind;
use crate::domain::text::{Bilingual, ui};

/// The puzzle's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<FindWavesParams, Says, Part>(app);
}

/// Parts of the side panel that come and go with the stage, and buttons
/// lit when they can act.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Placing,
    Checked,
    Finished,
    /// Zoom and "make it clearer", while there is a recording to read.
    Tools,
    /// Both markers are down.
    CanCheck,
    /// The scene has a Listen button.
    CanListen,
}

impl Show<Game> for Part {
    fn shown(self, g: &Game) -> bool {
        match self {
            Part::Placing => g.stage == Stage::Placing,
            Part::Checked => g.stage == Stage::Checked,
            Part::Finished => g.stage == Stage::Finished,
            Part::Tools => g.stage != Stage::Finished,
            Part::CanCheck => g.can_check(),
            Part::CanListen => g.round().listen.is_some(),
        }
    }
}

/// Texts that follow the game.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Round,
    Hint,
    Verdict(MarkerKind),
    /// Why P or S looks as it does, for the flag that was further off.
    Why,
    Distance,
    Stars,
    NextButton,
    ClearerButton,
    ListenButton,
}

/// The "check" button, lit once both markers are down.
#[derive(Component)]
pub struct CheckButton;

/// The "next recording" (or "see your stars") button.
#[derive(Component)]
pub struct NextButton;

/// The recording's picture, which takes the taps, drags and pinches.
#[derive(Component)]
pub struct TracePicture;

fn stars_text(n: u32) -> &'static str {
    ["☆☆☆", "★☆☆", "★★☆", "★★★"][n.min(3) as usize]
}

fn verdict_line(kind: MarkerKind, v: &Verdict, tolerance: f64) -> Bilingual {
    let (err, stars) = match kind {
        MarkerKind::S => (v.s_error_s, v.stars.1),
        _ => (v.p_error_s, v.stars.0),
    };
    let praise = match stars {
        3 => &t::SPOT_ON,
        2 => &t::CLOSE,
        1 => &t::NEARLY,
        _ => &t::SEE_LINE,
    };
    let wave = kind.letter();
    let off = if err.abs() <= tolerance / 3.0 {
        Bilingual::new("", "")
    } else if err < 0.0 {
        Bilingual::new(
            format!("早了 {:.1} 秒。", -err),
            format!("{:.1} s early. ", -err),
        )
    } else {
        Bilingual::new(
            format!("晚了 {err:.1} 秒。"),
            format!("{err:.1} s late. "),
        )
    };
    Bilingual::new(
        format!("{wave}波 {} {}{}", stars_text(stars), off.zh, praise.zh),
        format!("{wave} {} {}{}", stars_text(stars), off.en, praise.en),
    )
}

impl Follow<Game> for Says {
    fn text(self, g: &Game) -> Bilingual {
        let r = g.round();
        match self {
            Says::Round => {
                let d = match r.difficulty {
                    Difficulty::Easy => &t::EASY,
                    Difficulty::Medium => &t::MEDIUM,
                    Difficulty::Hard => &t::HARD,
                };
                let (i, n) = (g.current + 1, g.rounds.len());
                Bilingual::new(
                    format!("第 {i}/{n} 段记录：{}", d.zh),
                    format!("Recording {i} of {n}: {}", d.en.to_lowercase()),
                )
            }
            Says::Hint => {
                let why = match g.next_unplaced() {
                    Some(MarkerKind::S) => &t::WHY_S,
                    _ => &t::WHY_P,
                };
                match g.hints {
                    0 => t::HOW.to_bilingual(),
                    1 => why.to_bilingual(),
                    _ => Bilingual::new(
                        format!("{}{}", why.zh, t::LOOK_HERE.zh),
                        format!("{} {}", why.en, t::LOOK_HERE.en),
                    ),
                }
            }
            Says::Verdict(kind) => match &g.verdict {
                Some(v) => {
                    let tol = if kind == MarkerKind::S {
                        r.tolerance_s.1
                    } else {
                        r.tolerance_s.0
                    };
                    verdict_line(kind, v, tol)
                }
                None => Bilingual::new("", ""),
            },
            Says::Why => match &g.verdict {
                Some(v) if v.stars.0.min(v.stars.1) < 3 => {
                    if v.stars.0 <= v.stars.1 {
                        t::WHY_P.to_bilingual()
                    } else {
                        t::WHY_S.to_bilingual()
                    }
                }
                _ => Bilingual::new("", ""),
            },
            Says::Distance => {
                let sp = r.s_s - r.p_s;
                match r.distance_km {
                    Some(km) => Bilingual::new(
                        format!(
                            "S波比P波晚到 {sp:.1} 秒，所以地震在大约 {} 公里外。",
                            round_km(km)
                        ),
                        format!(
                            "S came {sp:.1} s after P, so the quake was about {} km away.",
                            round_km(km)
                        ),
                    ),
                    None => Bilingual::new(
                        format!("S波比P波晚到 {sp:.1} 秒。"),
                        format!("S came {sp:.1} s after P."),
                    ),
                }
            }
            Says::Stars => Bilingual::new(
                format!("你得到了 {} 颗星（共 {} 颗）！", g.total_stars, g.max_stars()),
                format!("You won {} of {} stars!", g.total_stars, g.max_stars()),
            ),
            Says::NextButton => {
                if g.current + 1 < g.rounds.len() {
                    t::NEXT_RECORDING.to_bilingual()
                } else {
                    t::SEE_STARS.to_bilingual()
                }
            }
            Says::ListenButton => button_text(g.is_listening()),
            Says::ClearerButton => {
                if r.view.clearer {
                    t::AS_RECORDED.to_bilingual()
                } else {
                    t::CLEARER.to_bilingual()
                }
            }
        }
    }
}

/// A distance as people say it: to 10 km, or 100 km beyond 1000.
fn round_km(km: f64) -> String {
    let step = if km >= 1000.0 { 100.0 } else { 10.0 };
    format!("{:.0}", (km / step).round() * step)
}

impl KindView for FindWavesParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let intro = ctx.params().intro.clone();
        let g = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            let mut trace = row.spawn((
                TracePicture,
                ctx.picture_node(0),
                picture_frame(TRACE_W as f32 / TRACE_H as f32),
            ));
            trace.observe(on_press).observe(on_drag).observe(on_scroll);
            observe_lift::<FindWavesParams>(&mut trace, |run, key, now| {
                run.state.pointer_up(key, now)
            });
            row.spawn(side_panel(18.0)).with_children(|side| {
                side.spawn(says(Says::Round, g, lang, 30.0, palette::TEXT_DIM));
                side.spawn((ShownWhile(Part::Placing), column(18.0))).with_children(|p| {
                    p.spawn(label(&intro, lang, 30.0, palette::TEXT));
                    p.spawn(ui_label(&t::COMPONENTS, lang, 26.0, palette::TEXT_DIM));
                    p.spawn(says(Says::Hint, g, lang, 32.0, palette::ACCENT));
                    p.spawn(buttons_row()).with_children(|b| {
                        b.spawn((
                            CheckButton,
                            LitWhile(Part::CanCheck),
                            ui_button(&t::CHECK, lang, g.can_check()),
                        ))
                            .observe(act::<FindWavesParams>(Game::check));
                        b.spawn(ui_button(&t::HINT, lang, false))
                            .observe(act::<FindWavesParams>(Game::hint));
                    });
                });
                side.spawn((ShownWhile(Part::Checked), column(18.0))).with_children(|c| {
                    for kind in [MarkerKind::P, MarkerKind::S] {
                        let s = Says::Verdict(kind);
                        c.spawn(says(s, g, lang, 32.0, palette::TEXT));
                    }
                    c.spawn(says(Says::Why, g, lang, 26.0, palette::TEXT_DIM));
                    c.spawn(says(Says::Distance, g, lang, 30.0, palette::ACCENT));
                    c.spawn((NextButton, button_saying(Says::NextButton, g, lang)))
                        .observe(act::<FindWavesParams>(Game::next));
                });
                side.spawn((ShownWhile(Part::Finished), column(18.0))).with_children(|f| {
                    f.spawn(says(Says::Stars, g, lang, 40.0, palette::ACCENT));
                    f.spawn(ui_label(&t::DUTY, lang, 30.0, palette::TEXT));
                    f.spawn(ui_button(&t::PLAY_AGAIN, lang, true))
                        .observe(act::<FindWavesParams>(Game::restart));
                });
                side.spawn((ShownWhile(Part::Tools), buttons_row())).with_children(|b| {
                    b.spawn(chip(&ui::ZOOM_IN.to_bilingual(), lang, false))
                        .observe(act::<FindWavesParams>(|g: &mut Game| g.view_mut().zoom(2.0, 0.5)));
                    b.spawn(chip(&ui::ZOOM_OUT.to_bilingual(), lang, false))
                        .observe(act::<FindWavesParams>(|g: &mut Game| g.view_mut().zoom(0.5, 0.5)));
                    b.spawn((chip(&Says::ClearerButton.text(g), lang, false), SaysOnButton(Says::ClearerButton)))
                        .observe(act::<FindWavesParams>(|g: &mut Game| {
                            let on = !g.round().view.clearer;
                            g.view_mut().set_clearer(on);
                        }));
                    b.spawn((
                        ShownWhile(Part::CanListen),
                        chip(&Says::ListenButton.text(g), lang, false),
                        SaysOnButton(Says::ListenButton),
                    ))
                    .observe(act::<FindWavesParams>(Game::listen));
                });
            });
        });
    }
}

/// Where a pointer falls on the trace, in picture pixels.
fn trace_point(
    nodes: &NodeQuery,
    entity: Entity,
    window: &UiPointer,
    pos: Vec2,
) -> Option<Vec2> {
    picture_fraction(nodes, entity, window, pos).map(|n| n * Vec2::new(TRACE_W as f32, TRACE_H as f32))
}

fn on_press(
    press: On<Pointer<Press>>,
    nodes: NodeQuery,
    window: UiPointer,
    time: Res<Time<Real>>,
    mut live: ResMut<Live<FindWavesParams>>,
) {
    if let (Some(p), Some(g)) = (
        trace_point(&nodes, press.entity, &window, press.pointer_location.position),
        live.state_mut(),
    ) {
        g.pointer_down(pointer_key(&press.pointer_id), p.x, p.y, time.elapsed_secs_f64());
    }
}

fn on_drag(
    drag: On<Pointer<Drag>>,
    nodes: NodeQuery,
    window: UiPointer,
    mut live: ResMut<Live<FindWavesParams>>,
) {
    if let (Some(p), Some(g)) = (
        trace_point(&nodes, drag.entity, &window, drag.pointer_location.position),
        live.state_mut(),
    ) {
        g.pointer_move(pointer_key(&drag.pointer_id), p.x, p.y);
    }
}

fn on_scroll(scroll: On<Pointer<Scroll>>, mut live: ResMut<Live<FindWavesParams>>) {
    // A mouse wheel notch zooms by a tenth.
    if let Some(g) = live.state_mut() {
        g.view_mut().zoom(1.1f64.powf(scroll.y.clamp(-10.0, 10.0) as f64), 0.5);
    }
}
