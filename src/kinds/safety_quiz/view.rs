//! The screen of "When the ground shakes": the scene's picture (shaking
//! while it asks); beside it which scene of how many, the question, a big
//! button per answer, what the chosen one leads to and why, and "next";
//! at the end the stars, the rules and "play again", with the guidance
//! the answers follow.

use bevy::prelude::*;

use super::quiz::{Quiz, Stage};
use super::{MAX_ANSWERS, SafetyQuizParams, texts as t};
use crate::app::exhibits::layout::{body_row, picture_frame, side_panel};
use crate::app::exhibits::puzzle::{
    Follow, LitWhile, Show, ShownWhile, act, button_saying, column, puzzle_plugin, says,
};
use crate::app::exhibits::{BodyCtx, KindView};
use crate::app::widgets::{label, palette, ui_button, ui_label};
use crate::domain::text::Bilingual;

/// The quiz's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<SafetyQuizParams, Says, Part>(app);
}

/// Parts that come and go with the stage.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Playing,
    Safe,
    Done,
    /// Answer `k` exists in this scene.
    Answer(usize),
    /// Answer `k` has not been chosen wrongly (its button stays lit).
    Open(usize),
    /// Something has been chosen in this scene.
    Chosen,
}

impl Show<Quiz> for Part {
    fn shown(self, q: &Quiz) -> bool {
        match self {
            Part::Playing => q.stage != Stage::Done,
            Part::Safe => q.stage == Stage::Safe,
            Part::Done => q.stage == Stage::Done,
            Part::Answer(k) => q.stage != Stage::Done && k < q.scene().answers.len(),
            Part::Open(k) => q.chosen != Some(k) || q.stage == Stage::Safe,
            Part::Chosen => q.chosen.is_some(),
        }
    }
}

/// Texts that follow the quiz.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Progress,
    Question,
    Answer(usize),
    Feedback,
    Next,
    Stars,
}

impl Follow<Quiz> for Says {
    fn text(self, q: &Quiz) -> Bilingual {
        let s = q.scene();
        match self {
            Says::Progress => {
                let (i, n) = (q.current + 1, q.scenes.len());
                Bilingual::new(format!("第 {i}/{n} 题"), format!("Scene {i} of {n}"))
            }
            Says::Question => s.question.clone(),
            Says::Answer(k) => s.answers.get(k).map_or(Bilingual::new("", ""), |a| a.text.clone()),
            Says::Feedback => match q.chosen.and_then(|k| s.answers.get(k)) {
                Some(a) => {
                    let head = if a.safe { &t::WELL_DONE } else { &t::NOT_QUITE };
                    Bilingual::new(format!("{}{}", head.zh, a.why.zh), format!("{} {}", head.en, a.why.en))
                }
                None => Bilingual::new("", ""),
            },
            Says::Next => {
                if q.current + 1 < q.scenes.len() {
                    t::NEXT.to_bilingual()
                } else {
                    t::SEE_STARS.to_bilingual()
                }
            }
            Says::Stars => {
                let (n, all) = (q.stars() as usize, q.scenes.len());
                let stars: String = "★".repeat(n) + &"☆".repeat(all.saturating_sub(n));
                Bilingual::new(
                    format!("{stars}  {n} 个一次就答对！"),
                    format!("{stars}  {n} right first time!"),
                )
            }
        }
    }
}

impl KindView for SafetyQuizParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let q = ctx.state();
        let (w, h) = super::draw::PICTURE;
        body.spawn(body_row()).with_children(|row| {
            row.spawn((ctx.picture_node(0), picture_frame(w as f32 / h as f32)));
            row.spawn(side_panel(14.0)).with_children(|side| {
                side.spawn((ShownWhile(Part::Playing), column(14.0))).with_children(|c| {
                    c.spawn(label(&p.intro, lang, 22.0, palette::TEXT_DIM));
                    c.spawn(says(Says::Progress, q, lang, 22.0, palette::TEXT_DIM));
                    c.spawn(says(Says::Question, q, lang, 32.0, palette::TEXT));
                    for k in 0..MAX_ANSWERS {
                        c.spawn((
                            ShownWhile(Part::Answer(k)),
                            LitWhile(Part::Open(k)),
                            button_saying(Says::Answer(k), q, lang),
                        ))
                        .observe(act::<SafetyQuizParams>(move |q| q.choose(k)));
                    }
                    c.spawn((ShownWhile(Part::Chosen), column(0.0))).with_children(|f| {
                        f.spawn(says(Says::Feedback, q, lang, 24.0, palette::ACCENT));
                    });
                    c.spawn((ShownWhile(Part::Safe), column(0.0))).with_children(|n| {
                        n.spawn(button_saying(Says::Next, q, lang)).observe(act::<SafetyQuizParams>(Quiz::next));
                    });
                });
                side.spawn((ShownWhile(Part::Done), column(14.0))).with_children(|c| {
                    c.spawn(says(Says::Stars, q, lang, 40.0, palette::ACCENT));
                    c.spawn(ui_label(&t::THE_END, lang, 28.0, palette::TEXT));
                    for r in &p.rules {
                        c.spawn(label(&Bilingual::new(format!("• {}", r.zh), format!("• {}", r.en)), lang, 28.0, palette::TEXT));
                    }
                    c.spawn(ui_button(&t::AGAIN, lang, true)).observe(act::<SafetyQuizParams>(Quiz::restart));
                });
                side.spawn(Node {
                    flex_grow: 1.0,
                    ..default()
                });
                side.spawn(label(&p.source, lang, 14.0, palette::TEXT_DIM));
            });
        });
    }
}
