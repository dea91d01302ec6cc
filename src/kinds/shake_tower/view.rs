//! The screen of "Little engineer": the tower on its shaking ground (tap a
//! storey to brace it) with the record under it; beside it what to do, the
//! tower's period, the parts to add, the records, "shake it", then how it
//! went and why (resonance or not), and "change the tower".

use bevy::prelude::*;

use super::tower::{Stage, Tower};
use super::{ShakeTowerParams, texts as t};
use crate::app::exhibits::layout::{body_row, picture_frame, side_panel};
use crate::app::exhibits::puzzle::{
    Follow, LitWhile, Show, ShownWhile, act, at_finger, buttons_row, column, puzzle_plugin, says,
};
use crate::app::exhibits::{BodyCtx, KindView};
use crate::app::widgets::{chip, label, palette, ui_button, ui_label};
use crate::domain::text::Bilingual;

/// The tower's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<ShakeTowerParams, Says, Part>(app);
}

/// Parts that come and go, and buttons lit while they hold.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Building,
    Shaking,
    Result,
    Fell,
    AllBraced,
    Dampers,
    Weight,
    /// Record `i` is chosen.
    Record(usize),
}

impl Show<Tower> for Part {
    fn shown(self, tw: &Tower) -> bool {
        match self {
            Part::Building => tw.stage == Stage::Building,
            Part::Shaking => tw.stage == Stage::Shaking,
            Part::Result => tw.stage == Stage::Result,
            Part::Fell => tw.outcome.is_some_and(|o| o.failed.is_some()),
            Part::AllBraced => tw.design.braced[..tw.design.floors].iter().all(|&b| b),
            Part::Dampers => tw.design.dampers,
            Part::Weight => tw.design.weight,
            Part::Record(i) => tw.record == i,
        }
    }
}

/// Texts that follow the tower.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Tower,
    Clock,
    Verdict,
    Why,
}

impl Follow<Tower> for Says {
    fn text(self, tw: &Tower) -> Bilingual {
        let (n, p) = (tw.design.floors, tw.period_s());
        match self {
            Says::Tower => Bilingual::new(
                format!("你的楼：{n} 层，自己摆一个来回要 {p:.2} 秒"),
                format!("Your tower: {n} floors, swaying back and forth once every {p:.2} s"),
            ),
            Says::Clock => {
                let r = tw.chosen_record();
                Bilingual::new(
                    format!("摇晃中……{:.1} / {:.0} 秒", tw.t.min(r.duration_s()), r.duration_s()),
                    format!("Shaking… {:.1} of {:.0} s", tw.t.min(r.duration_s()), r.duration_s()),
                )
            }
            Says::Verdict => match tw.outcome {
                Some(o) => match o.failed {
                    Some(j) => Bilingual::new(
                        format!("{} 第 {} 层先断了（{:.1} 秒时）。", t::FELL.zh, j + 1, o.at_s),
                        format!("{} Storey {} broke first, after {:.1} s.", t::FELL.en, j + 1, o.at_s),
                    ),
                    None => Bilingual::new(
                        format!("{} 最危险的一层用掉了它强度的 {:.0}%。", t::STOOD.zh, 100.0 * o.worst),
                        format!("{} The hardest-hit storey used {:.0}% of its strength.", t::STOOD.en, 100.0 * o.worst),
                    ),
                },
                None => Bilingual::new("", ""),
            },
            Says::Why => match tw.outcome {
                Some(o) => {
                    let (zh, en) = if o.resonant() {
                        (t::RESONANCE.zh, t::RESONANCE.en)
                    } else {
                        (t::NO_RESONANCE.zh, t::NO_RESONANCE.en)
                    };
                    Bilingual::new(
                        format!("大楼 {:.2} 秒，地面最使劲的节奏 {:.2} 秒。{zh}", o.period_s, o.record_period_s),
                        format!("Tower {:.2} s, the ground's strongest beat {:.2} s. {en}", o.period_s, o.record_period_s),
                    )
                }
                None => Bilingual::new("", ""),
            },
        }
    }
}

impl KindView for ShakeTowerParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let tw = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            row.spawn((ctx.picture_node(0), picture_frame(1.0)))
                .observe(at_finger::<ShakeTowerParams, Press>(|tw, f| {
                    if tw.stage == Stage::Building
                        && let Some(j) = tw.storey_at(f.y as f64)
                    {
                        tw.toggle_brace(j);
                    }
                }));
            row.spawn(side_panel(12.0)).with_children(|side| {
                side.spawn(label(&p.intro, lang, 24.0, palette::TEXT));
                side.spawn(says(Says::Tower, tw, lang, 24.0, palette::ACCENT));
                side.spawn((ShownWhile(Part::Building), column(12.0))).with_children(|b| {
                    b.spawn(buttons_row()).with_children(|r| {
                        r.spawn(chip(&t::ADD_FLOOR.to_bilingual(), lang, false))
                            .observe(act::<ShakeTowerParams>(Tower::add_floor));
                        r.spawn(chip(&t::REMOVE_FLOOR.to_bilingual(), lang, false))
                            .observe(act::<ShakeTowerParams>(Tower::remove_floor));
                        r.spawn((LitWhile(Part::AllBraced), chip(&t::BRACES.to_bilingual(), lang, false)))
                            .observe(act::<ShakeTowerParams>(Tower::brace_all));
                        r.spawn((LitWhile(Part::Dampers), chip(&t::DAMPERS.to_bilingual(), lang, false)))
                            .observe(act::<ShakeTowerParams>(Tower::toggle_dampers));
                        r.spawn((LitWhile(Part::Weight), chip(&t::WEIGHT.to_bilingual(), lang, false)))
                            .observe(act::<ShakeTowerParams>(Tower::toggle_weight));
                    });
                    b.spawn(ui_label(&t::TAP_A_STOREY, lang, 18.0, palette::TEXT_DIM));
                });
                side.spawn(ui_label(&t::RECORD, lang, 20.0, palette::TEXT_DIM));
                side.spawn(buttons_row()).with_children(|r| {
                    for (i, rec) in tw.records.iter().enumerate() {
                        r.spawn((LitWhile(Part::Record(i)), chip(&rec.name, lang, tw.record == i)))
                            .observe(act::<ShakeTowerParams>(move |tw| tw.choose_record(i)));
                    }
                });
                side.spawn((ShownWhile(Part::Building), column(0.0))).with_children(|b| {
                    b.spawn(ui_button(&t::SHAKE, lang, true)).observe(act::<ShakeTowerParams>(Tower::shake));
                });
                side.spawn((ShownWhile(Part::Shaking), column(0.0))).with_children(|b| {
                    b.spawn(says(Says::Clock, tw, lang, 28.0, palette::TEXT));
                });
                side.spawn((ShownWhile(Part::Result), column(10.0))).with_children(|b| {
                    b.spawn(says(Says::Verdict, tw, lang, 28.0, palette::ACCENT));
                    b.spawn(says(Says::Why, tw, lang, 20.0, palette::TEXT));
                    b.spawn((ShownWhile(Part::Fell), column(0.0))).with_children(|f| {
                        f.spawn(ui_label(&t::TRY_BRACES, lang, 20.0, palette::TEXT_DIM));
                    });
                    b.spawn(buttons_row()).with_children(|r| {
                        r.spawn(ui_button(&t::BUILD_AGAIN, lang, true))
                            .observe(act::<ShakeTowerParams>(Tower::rebuild));
                        r.spawn(ui_button(&t::SHAKE, lang, false)).observe(act::<ShakeTowerParams>(Tower::shake));
                    });
                });
                side.spawn(ui_label(&t::LEGEND, lang, 17.0, palette::TEXT_DIM));
                side.spawn(Node {
                    flex_grow: 1.0,
                    ..default()
                });
                side.spawn(ui_label(&t::SOURCE, lang, 13.0, palette::TEXT_DIM));
            });
        });
    }
}
