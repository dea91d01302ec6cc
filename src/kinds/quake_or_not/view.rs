//! The screen of "Quake or not?": the table (the viewer drawing the card
//! pressed, the cards, the four bins with their names) on the left; what
//! to do, the nudge after a wrong bin and the hint on the right, then what
//! tells each class apart as measured on its cards, and at the end the
//! stars of the visit. Spawned once; the stage decides which parts show.

use bevy::prelude::*;

use super::game::{BINS, Game, Stage, TABLE_H, TABLE_W, class_colour};
use super::texts as t;
use super::{Class, QuakeOrNotParams};
use crate::domain::sound::listen::button_text;
use crate::app::exhibits::layout::{body_row, colour, picture_frame, side_panel};
use crate::app::exhibits::puzzle::{
    Follow, Show, ShownWhile, act, at_finger, button_saying, column, puzzle_plugin, says,
};
use crate::app::exhibits::{BodyCtx, KindView, observe_lift};
use crate::app::widgets::{label, palette, ui_button, ui_label};
use crate::domain::text::Bilingual;
use crate::domain::text::ui::UiText;

/// The puzzle's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<QuakeOrNotParams, Says, Part>(app);
}

/// The table's picture, which takes the cards' drags.
#[derive(Component)]
pub struct TablePicture;

/// "Next cards" (or "see your stars").
#[derive(Component)]
pub struct NextButton;

/// Parts that come and go with the stage.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Sorting,
    Sorted,
    Finished,
    /// The explanation of a class, on a table that has it.
    Has(Class),
    /// No card in the viewer yet.
    Empty,
    /// The viewer's card can be heard.
    CanListen,
}

impl Show<Game> for Part {
    fn shown(self, g: &Game) -> bool {
        match self {
            Part::Sorting => g.stage == Stage::Sorting,
            Part::Sorted => g.stage == Stage::Sorted,
            Part::Finished => g.stage == Stage::Finished,
            Part::Has(c) => g.stage == Stage::Sorted && g.classes().contains(&c),
            Part::Empty => g.stage == Stage::Sorting && g.selected.is_none(),
            Part::CanListen => g.stage != Stage::Finished && g.can_listen(),
        }
    }
}

/// Texts that follow the game.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Round,
    Hint,
    Nudge,
    RoundStars,
    Explain(Class),
    Stars,
    NextButton,
    ListenButton,
}

/// A class's name.
pub fn class_name(c: Class) -> &'static UiText {
    match c {
        Class::LocalQuake => &t::LOCAL,
        Class::DistantQuake => &t::DISTANT,
        Class::QuarryBlast => &t::BLAST,
        Class::Traffic => &t::TRAFFIC,
    }
}

fn stars_text(n: u32) -> &'static str {
    ["☆☆☆", "★☆☆", "★★☆", "★★★"][n.min(3) as usize]
}

/// Means of a feature over the round's cards of `class`.
fn mean(g: &Game, class: Class, f: impl Fn(&super::game::Card) -> Option<f64>) -> Option<f64> {
    let v: Vec<f64> = g.round().cards.iter().filter(|c| c.class == class).filter_map(f).collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// What tells `class` apart, with what was measured on its cards.
fn explain(g: &Game, class: Class) -> Bilingual {
    let ps = mean(g, class, |c| c.features.p_over_s).unwrap_or(0.0);
    let sp = mean(g, class, |c| c.features.sp_s).unwrap_or(0.0);
    let hz = mean(g, class, |c| Some(c.features.median_hz)).unwrap_or(0.0);
    let clock = g
        .round()
        .cards
        .iter()
        .find(|c| c.class == class)
        .map_or((0, 0), |c| c.clock);
    let n = class_name(class);
    match class {
        Class::LocalQuake => Bilingual::new(
            format!("{}：P波之后很快来了更大的S波（S−P {sp:.0} 秒，P/S {ps:.1}）。", n.zh),
            format!("{}: P, then soon a bigger S (S−P {sp:.0} s, P/S {ps:.1}).", n.en),
        ),
        Class::DistantQuake => Bilingual::new(
            format!("{}：波又慢又长（约 {hz:.1} 赫兹），S波比P波晚了很久（S−P {sp:.0} 秒）。", n.zh),
            format!("{}: slow, long waves (about {hz:.1} Hz), and S long after P (S−P {sp:.0} s).", n.en),
        ),
        Class::QuarryBlast => Bilingual::new(
            format!(
                "{}：P波强，S波几乎没有（P/S {ps:.1}），而且是白天（{:02}:{:02}）。",
                n.zh, clock.0, clock.1
            ),
            format!(
                "{}: a strong P and hardly any S (P/S {ps:.1}), in the daytime ({:02}:{:02}).",
                n.en, clock.0, clock.1
            ),
        ),
        Class::Traffic => Bilingual::new(
            format!("{}：又快又小的抖动（约 {hz:.0} 赫兹），一会儿大一会儿小，没有P波也没有S波。", n.zh),
            format!("{}: small fast shaking (about {hz:.0} Hz) that comes and goes, with no P and no S.", n.en),
        ),
    }
}

impl Follow<Game> for Says {
    fn text(self, g: &Game) -> Bilingual {
        match self {
            Says::Round => {
                let (i, n) = (g.current + 1, g.rounds.len());
                Bilingual::new(format!("第 {i}/{n} 桌卡片"), format!("Cards {i} of {n}"))
            }
            Says::Hint => match g.hints {
                0 => t::HOW.to_bilingual(),
                1 => t::WHY.to_bilingual(),
                _ => Bilingual::new(
                    format!("{}{}", t::WHY.zh, t::GLOWS.zh),
                    format!("{} {}", t::WHY.en, t::GLOWS.en),
                ),
            },
            Says::Nudge => match g.miss {
                Some(m) => match g.round().cards.get(m.card).map(|c| c.class) {
                    Some(Class::LocalQuake) => t::AGAIN_LOCAL.to_bilingual(),
                    Some(Class::DistantQuake) => t::AGAIN_DISTANT.to_bilingual(),
                    Some(Class::QuarryBlast) => t::AGAIN_BLAST.to_bilingual(),
                    Some(Class::Traffic) => t::AGAIN_TRAFFIC.to_bilingual(),
                    None => Bilingual::new("", ""),
                },
                None => Bilingual::new("", ""),
            },
            Says::RoundStars => {
                let s = g.round_stars.last().copied().unwrap_or(0);
                Bilingual::new(
                    format!("{} 全部分好了！", stars_text(s)),
                    format!("{} All sorted!", stars_text(s)),
                )
            }
            Says::Explain(c) => explain(g, c),
            Says::Stars => Bilingual::new(
                format!("你得到了 {} 颗星（共 {} 颗）！", g.total_stars(), g.max_stars()),
                format!("You won {} of {} stars!", g.total_stars(), g.max_stars()),
            ),
            Says::NextButton => {
                if g.current + 1 < g.rounds.len() {
                    t::NEXT_TABLE.to_bilingual()
                } else {
                    t::SEE_STARS.to_bilingual()
                }
            }
            Says::ListenButton => button_text(g.is_listening()),
        }
    }
}

impl KindView for QuakeOrNotParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let intro = ctx.params().intro.clone();
        let g = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            let mut table = row.spawn((
                TablePicture,
                ctx.picture_node(0),
                picture_frame(TABLE_W as f32 / TABLE_H as f32),
            ));
            let (w, h) = (TABLE_W as f32, TABLE_H as f32);
            table
                .observe(at_finger::<QuakeOrNotParams, Press>(move |g, f| g.press(f.x * w, f.y * h)))
                .observe(at_finger::<QuakeOrNotParams, Drag>(move |g, f| g.drag(f.x * w, f.y * h)));
            observe_lift::<QuakeOrNotParams>(&mut table, |run, _, _| run.state.release());
            table.with_children(|tb| {
                tb.spawn((
                    ShownWhile(Part::Empty),
                    Node {
                        position_type: PositionType::Absolute,
                        width: percent(100),
                        height: percent(100.0 * super::game::VIEWER_H / TABLE_H as f32),
                        justify_content: JustifyContent::Center,
                        align_items: AlignItems::Center,
                        ..default()
                    },
                    Pickable::IGNORE,
                    children![(ui_label(&t::PRESS_A_CARD, lang, 32.0, palette::TEXT_DIM), Pickable::IGNORE)],
                ));
                for (k, &bin) in BINS.iter().enumerate() {
                    let (l, top, w, _) = Game::bin_rect(k);
                    tb.spawn((
                        Node {
                            position_type: PositionType::Absolute,
                            left: percent(100.0 * l / TABLE_W as f32),
                            width: percent(100.0 * w / TABLE_W as f32),
                            top: percent(100.0 * (top + 8.0) / TABLE_H as f32),
                            justify_content: JustifyContent::Center,
                            ..default()
                        },
                        Pickable::IGNORE,
                        children![(
                            ui_label(class_name(bin), lang, 24.0, colour(class_colour(bin))),
                            Pickable::IGNORE
                        )],
                    ));
                }
            });
            row.spawn(side_panel(16.0)).with_children(|side| {
                side.spawn((ShownWhile(Part::Sorting), column(16.0))).with_children(|p| {
                    p.spawn(says(Says::Round, g, lang, 26.0, palette::TEXT_DIM));
                    p.spawn(label(&intro, lang, 26.0, palette::TEXT));
                    p.spawn(says(Says::Hint, g, lang, 28.0, palette::ACCENT));
                    p.spawn(says(Says::Nudge, g, lang, 28.0, palette::TEXT));
                    p.spawn(ui_button(&t::HINT, lang, false))
                        .observe(act::<QuakeOrNotParams>(Game::hint));
                });
                side.spawn((
                    ShownWhile(Part::CanListen),
                    button_saying(Says::ListenButton, g, lang),
                ))
                .observe(act::<QuakeOrNotParams>(Game::listen));
                side.spawn((ShownWhile(Part::Sorted), column(12.0))).with_children(|p| {
                    p.spawn(says(Says::RoundStars, g, lang, 32.0, palette::TEXT));
                    for c in BINS {
                        p.spawn((
                            ShownWhile(Part::Has(c)),
                            says(Says::Explain(c), g, lang, 24.0, colour(class_colour(c))),
                        ));
                    }
                    p.spawn((NextButton, button_saying(Says::NextButton, g, lang)))
                        .observe(act::<QuakeOrNotParams>(Game::next));
                });
                side.spawn((ShownWhile(Part::Finished), column(16.0))).with_children(|f| {
                    f.spawn(says(Says::Stars, g, lang, 40.0, palette::ACCENT));
                    f.spawn(ui_label(&t::DETECTIVES, lang, 28.0, palette::TEXT));
                    f.spawn(ui_button(&t::PLAY_AGAIN, lang, true))
                        .observe(act::<QuakeOrNotParams>(Game::restart));
                });
            });
        });
    }
}
