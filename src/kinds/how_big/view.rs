//! The screen of "How big was it?": the station's record (drag the S and A
//! flags), then the nomogram with its three scales (drag the ruler's two
//! ends), beside them what to do, what was measured, the hint and the
//! buttons; then the stars and the right reading, and at the end ten times
//! the swing and 32 times the energy. Spawned once; the stage decides
//! which parts show.

use bevy::prelude::*;

use super::game::{
    AMPLITUDE_COLOUR, DISTANCE_COLOUR, ENERGY_X, Game, NOMO_H, NOMO_W, RECORD_H, RECORD_W, SCALE_X, SWING_X, Stage,
    energy_ratio, format_mm, swing_ratio,
};
use super::texts as t;
use super::{Difficulty, HowBigParams};
use crate::app::exhibits::layout::{at, body_row, colour, side_panel};
use crate::app::exhibits::puzzle::{
    Follow, LitWhile, Show, ShownWhile, act, at_finger, button_saying, buttons_row, column,
    puzzle_plugin, says,
};
use crate::app::exhibits::{BodyCtx, KindView, observe_lift};
use crate::app::widgets::{label, palette, ui_button, ui_label};
use crate::domain::text::Bilingual;
use crate::domain::text::ui::UiText;

/// The puzzle's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<HowBigParams, Says, Part>(app);
}

/// The record's picture, which takes the S and A flags.
#[derive(Component)]
pub struct RecordPicture;

/// The nomogram's picture, which takes the ruler's ends.
#[derive(Component)]
pub struct NomogramPicture;

/// "Work out the size", lit once S−P and the swing are read.
#[derive(Component)]
pub struct NomogramButton;

/// "Check", lit once the ruler is laid.
#[derive(Component)]
pub struct CheckButton;

/// "Next quake" (or "see your stars").
#[derive(Component)]
pub struct NextButton;

/// Parts that come and go with the stage, and buttons lit when they can act.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Playing,
    Measuring,
    Nomogram,
    Scales,
    Laying,
    Checked,
    Finished,
    CanLay,
    CanCheck,
}

impl Show<Game> for Part {
    fn shown(self, g: &Game) -> bool {
        match self {
            Part::Playing => g.stage != Stage::Finished,
            Part::Measuring => g.stage == Stage::Measuring,
            Part::Nomogram => g.stage != Stage::Measuring,
            Part::Scales => matches!(g.stage, Stage::Laying | Stage::Checked),
            Part::Laying => g.stage == Stage::Laying,
            Part::Checked => g.stage == Stage::Checked,
            Part::Finished => g.stage == Stage::Finished,
            Part::CanLay => g.can_lay(),
            Part::CanCheck => g.can_check(),
        }
    }
}

/// Texts that follow the game.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Round,
    Hint,
    Distance,
    Swing,
    Reading,
    Verdict,
    Catalogue,
    Stars,
    Span,
    /// Under the swing bars at the end: the smaller and the bigger quake.
    Bar(bool),
    NextButton,
}

fn stars_text(n: u32) -> &'static str {
    ["☆☆☆", "★☆☆", "★★☆", "★★★"][n.min(3) as usize]
}

fn none() -> Bilingual {
    Bilingual::new("", "")
}

impl Follow<Game> for Says {
    fn text(self, g: &Game) -> Bilingual {
        let r = g.round();
        match self {
            Says::Round => {
                let d = match r.difficulty {
                    Difficulty::Easy => &t::EASY,
                    Difficulty::Medium => &t::MEDIUM,
                };
                let (i, n) = (g.current + 1, g.rounds.len());
                Bilingual::new(
                    format!("第 {i}/{n} 个地震，{}：{}", r.name.zh, d.zh),
                    format!("Quake {i} of {n}, {}: {}", r.name.en, d.en),
                )
            }
            Says::Hint => {
                let how = match r.difficulty {
                    Difficulty::Easy => &t::MEASURE_HOW_EASY,
                    Difficulty::Medium => &t::MEASURE_HOW,
                };
                let both = |a: &UiText, b: &UiText| {
                    Bilingual::new(format!("{}{}", a.zh, b.zh), format!("{} {}", a.en, b.en))
                };
                match (g.stage, g.hints) {
                    (Stage::Measuring, 0) => how.to_bilingual(),
                    (Stage::Measuring, 1) => t::MEASURE_WHY.to_bilingual(),
                    (Stage::Measuring, _) => both(&t::MEASURE_WHY, &t::LOOK_HERE),
                    (_, 0) => t::LAY_HOW.to_bilingual(),
                    (_, 1) => t::LAY_WHY.to_bilingual(),
                    _ => both(&t::LAY_WHY, &t::ENDS_ON_DOTS),
                }
            }
            Says::Distance => {
                let sp = r.used_sp.or(r.read_sp());
                let km = g.measured.map(|m| m.0).or(g.read_distance_km());
                match (sp, km) {
                    (Some(sp), Some(km)) => Bilingual::new(
                        format!("● 距离：S−P {sp:.1} 秒 → {km:.0} 公里（震源深 {:.0} 公里）", r.depth_km),
                        format!("● Distance: S−P {sp:.1} s → {km:.0} km ({:.0} km deep)", r.depth_km),
                    ),
                    _ => Bilingual::new("● 距离：S−P ?", "● Distance: S−P ?"),
                }
            }
            Says::Swing => match g.measured.map(|m| m.1).or(r.read_swing().map(|s| s.0)) {
                Some(mm) => Bilingual::new(
                    format!("● 最大摆动：{}", format_mm(mm)),
                    format!("● Biggest swing: {}", format_mm(mm)),
                ),
                None => Bilingual::new("● 最大摆动：?", "● Biggest swing: ?"),
            },
            Says::Reading => match g.reading() {
                Some(m) => Bilingual::new(
                    format!("尺子读数：ML {m:.1}"),
                    format!("The ruler reads ML {m:.1}"),
                ),
                None => none(),
            },
            Says::Verdict => match &g.verdict {
                Some(v) => {
                    let praise = match v.stars {
                        3 => &t::SPOT_ON,
                        2 => &t::CLOSE,
                        1 => &t::NEARLY,
                        _ => &t::SEE_LINE,
                    };
                    Bilingual::new(
                        format!(
                            "{} 你读出 ML {:.1}，这个记录的震级是 ML {:.1}。{}",
                            stars_text(v.stars),
                            v.reading,
                            v.ml,
                            praise.zh
                        ),
                        format!(
                            "{} You read ML {:.1}; this record's magnitude is ML {:.1}. {}",
                            stars_text(v.stars),
                            v.reading,
                            v.ml,
                            praise.en
                        ),
                    )
                }
                None => none(),
            },
            Says::Catalogue => match r.catalogue {
                Some(m) => Bilingual::new(
                    format!(
                        "地震目录里这个地震是 {m:.1} 级（矩震级）。不同的台站、不同的量法，得出的数会差零点几级。"
                    ),
                    format!(
                        "The catalogue gives this quake M {m:.1} (moment magnitude): each station and each way of measuring gives a number a few tenths apart."
                    ),
                ),
                None => none(),
            },
            Says::Stars => Bilingual::new(
                format!("你得到了 {} 颗星（共 {} 颗）！", g.total_stars, g.max_stars()),
                format!("You won {} of {} stars!", g.total_stars, g.max_stars()),
            ),
            Says::Span => match g.span() {
                Some((lo, hi)) => {
                    let d = hi - lo;
                    let (s, e) = (swing_ratio(d), energy_ratio(d));
                    Bilingual::new(
                        format!(
                            "你量的最大的地震（ML {hi:.1}）比最小的（ML {lo:.1}）大 {d:.1} 级：摆动大 {s:.0} 倍，能量大约 {e:.0} 倍。"
                        ),
                        format!(
                            "Your biggest quake (ML {hi:.1}) was {d:.1} steps above your smallest (ML {lo:.1}): {s:.0} times the swing, about {e:.0} times the energy."
                        ),
                    )
                }
                None => none(),
            },
            Says::Bar(big) => {
                let (lo, hi) = g.span().unwrap_or((r.ml, r.ml + 1.0));
                let m = if big { hi } else { lo };
                Bilingual::new(format!("ML {m:.1}"), format!("ML {m:.1}"))
            }
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

impl KindView for HowBigParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let intro = ctx.params().intro.clone();
        let g = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            row.spawn(Node {
                width: percent(58),
                flex_shrink: 0.0,
                flex_direction: FlexDirection::Column,
                justify_content: JustifyContent::Center,
                ..default()
            })
            .with_children(|left| {
                let mut rec = left.spawn((
                    ShownWhile(Part::Measuring),
                    RecordPicture,
                    ctx.picture_node(0),
                    Node {
                        width: percent(100),
                        aspect_ratio: Some(RECORD_W as f32 / RECORD_H as f32),
                        border_radius: BorderRadius::all(px(12)),
                        ..default()
                    },
                ));
                let w = RECORD_W as f32;
                rec.observe(at_finger::<HowBigParams, Press>(move |g, f| g.record_press(f.x * w, w)))
                    .observe(at_finger::<HowBigParams, Drag>(move |g, f| g.record_drag(f.x * w, w)));
                observe_lift::<HowBigParams>(&mut rec, |run, _, _| run.state.record_release());
                let mut nomo = left.spawn((
                    ShownWhile(Part::Nomogram),
                    NomogramPicture,
                    ctx.picture_node(1),
                    Node {
                        width: percent(100),
                        aspect_ratio: Some(NOMO_W as f32 / NOMO_H as f32),
                        border_radius: BorderRadius::all(px(12)),
                        ..default()
                    },
                ));
                nomo.observe(at_finger::<HowBigParams, Press>(|g, f| {
                    g.nomogram_press(f.x as f64, f.y as f64)
                }))
                .observe(at_finger::<HowBigParams, Drag>(|g, f| {
                    g.nomogram_drag(f.x as f64, f.y as f64)
                }));
                observe_lift::<HowBigParams>(&mut nomo, |run, _, _| run.state.nomogram_release());
                nomo.with_children(|n| {
                    // The scales' names over them.
                    n.spawn((ShownWhile(Part::Scales), cover()))
                    .with_children(|s| {
                        let names = [
                            (&t::DISTANCE, DISTANCE_COLOUR),
                            (&t::MAGNITUDE, crate::domain::draw::canvas::Rgba::hex(0xffffff)),
                            (&t::AMPLITUDE, AMPLITUDE_COLOUR),
                        ];
                        for (k, (name, col)) in names.into_iter().enumerate() {
                            s.spawn((
                                Pickable::IGNORE,
                                Node {
                                    position_type: PositionType::Absolute,
                                    left: percent(100.0 * (SCALE_X[k] - 0.16)),
                                    top: percent(1.5),
                                    width: percent(32),
                                    justify_content: JustifyContent::Center,
                                    ..default()
                                },
                                children![(ui_label(name, lang, 28.0, colour(col)), Pickable::IGNORE)],
                            ));
                        }
                        s.spawn((
                            Node {
                                position_type: PositionType::Absolute,
                                left: percent(3),
                                right: percent(3),
                                bottom: percent(1.5),
                                justify_content: JustifyContent::Center,
                                ..default()
                            },
                            Pickable::IGNORE,
                            children![(ui_label(&t::NOMOGRAM, lang, 18.0, palette::TEXT_DIM), Pickable::IGNORE)],
                        ));
                    });
                    // The end's legends over the bars and the blocks.
                    n.spawn((ShownWhile(Part::Finished), cover()))
                    .with_children(|f| {
                        f.spawn((at(0.04, 0.015), children![(ui_label(&t::SWING_LEGEND, lang, 26.0, colour(AMPLITUDE_COLOUR)), Pickable::IGNORE)]));
                        f.spawn((at(0.52, 0.015), children![(ui_label(&t::ENERGY_LEGEND, lang, 26.0, colour(DISTANCE_COLOUR)), Pickable::IGNORE)]));
                        for (big, k) in [(false, 0), (true, 1)] {
                            for x in [SWING_X[k], ENERGY_X[k]] {
                                f.spawn((at(x, 0.9), children![(says(Says::Bar(big), g, lang, 24.0, palette::TEXT), Pickable::IGNORE)]));
                            }
                        }
                    });
                });
            });
            row.spawn(side_panel(16.0)).with_children(|side| {
                side.spawn((ShownWhile(Part::Playing), says(Says::Round, g, lang, 26.0, palette::TEXT_DIM)));
                side.spawn((ShownWhile(Part::Measuring), column(14.0))).with_children(|p| {
                    p.spawn(label(&intro, lang, 26.0, palette::TEXT));
                    p.spawn(says(Says::Hint, g, lang, 28.0, palette::ACCENT));
                    p.spawn(says(Says::Distance, g, lang, 26.0, colour(DISTANCE_COLOUR)));
                    p.spawn(says(Says::Swing, g, lang, 26.0, colour(AMPLITUDE_COLOUR)));
                    p.spawn(buttons_row()).with_children(|b| {
                        b.spawn((
                            NomogramButton,
                            LitWhile(Part::CanLay),
                            ui_button(&t::TO_NOMOGRAM, lang, g.can_lay()),
                        ))
                        .observe(act::<HowBigParams>(Game::to_nomogram));
                        b.spawn(ui_button(&t::HINT, lang, false)).observe(act::<HowBigParams>(Game::hint));
                    });
                });
                side.spawn((ShownWhile(Part::Laying), column(14.0))).with_children(|p| {
                    p.spawn(says(Says::Hint, g, lang, 28.0, palette::ACCENT));
                    p.spawn(says(Says::Distance, g, lang, 26.0, colour(DISTANCE_COLOUR)));
                    p.spawn(says(Says::Swing, g, lang, 26.0, colour(AMPLITUDE_COLOUR)));
                    p.spawn(says(Says::Reading, g, lang, 32.0, palette::TEXT));
                    p.spawn(buttons_row()).with_children(|b| {
                        b.spawn((
                            CheckButton,
                            LitWhile(Part::CanCheck),
                            ui_button(&t::CHECK, lang, g.can_check()),
                        ))
                        .observe(act::<HowBigParams>(Game::check));
                        b.spawn(ui_button(&t::HINT, lang, false)).observe(act::<HowBigParams>(Game::hint));
                    });
                });
                side.spawn((ShownWhile(Part::Checked), column(14.0))).with_children(|c| {
                    c.spawn(says(Says::Verdict, g, lang, 32.0, palette::TEXT));
                    c.spawn(says(Says::Catalogue, g, lang, 24.0, palette::TEXT_DIM));
                    c.spawn(ui_label(&t::ONE_STEP, lang, 26.0, palette::ACCENT));
                    c.spawn((NextButton, button_saying(Says::NextButton, g, lang)))
                        .observe(act::<HowBigParams>(Game::next));
                });
                side.spawn((ShownWhile(Part::Finished), column(16.0))).with_children(|f| {
                    f.spawn(says(Says::Stars, g, lang, 40.0, palette::ACCENT));
                    f.spawn(says(Says::Span, g, lang, 28.0, palette::TEXT));
                    f.spawn(ui_label(&t::ONE_STEP, lang, 28.0, palette::TEXT));
                    f.spawn(ui_button(&t::PLAY_AGAIN, lang, true))
                        .observe(act::<HowBigParams>(Game::restart));
                });
            });
        });
    }
}

/// A node over the whole picture, not taking touches.
fn cover() -> (Node, Pickable) {
    (
        Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            ..default()
        },
        Pickable::IGNORE,
    )
}
