//! `SafetyQuiz` ("When the ground shakes"): short illustrated scenes (at
//! school, at home, high in a building, outdoors, in a car; pictures drawn
//! by the project) each asking what to do when the ground shakes. The safe
//! answers follow the China Earthquake Administration's public guidance
//! (drop, cover and hold on; away from windows; no lifts; after the
//! shaking, to an open space), which the exhibit cites; a wrong answer says
//! kindly why and lets the child choose again; a friendly end of stars and
//! the rules.

pub mod draw;
pub mod quiz;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use quiz::{Answer, Quiz, Scene, Setting};

/// Most scenes, and most answers to one.
pub const MAX_SCENES: usize = 8;
/// Most answers to a scene's question.
pub const MAX_ANSWERS: usize = 4;

/// Parameters of a `SafetyQuiz`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyQuizParams {
    /// What to do, shown beside the first scene.
    pub intro: Bilingual,
    /// The scenes, in order (1-8).
    pub scenes: Vec<QuizScene>,
    /// The rules shown at the end (1-6).
    pub rules: Vec<Bilingual>,
    /// Where the answers come from, shown under them.
    pub source: Bilingual,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// One scene.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizScene {
    /// Its picture: `School`, `Home`, `HighBuilding`, `Outdoors` or `Car`.
    pub setting: Setting,
    /// The question.
    pub question: Bilingual,
    /// The answers (2-4), exactly one of them safe.
    pub answers: Vec<QuizAnswer>,
}

/// An answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizAnswer {
    /// What its button says.
    pub text: Bilingual,
    /// Whether it is the safe thing to do.
    pub safe: bool,
    /// Why, said when it is chosen.
    pub why: Bilingual,
}

impl Kind for SafetyQuizParams {
    type State = Quiz;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 120);
        c.count(&at.field("scenes"), self.scenes.len(), 1, MAX_SCENES, "scenes");
        for (i, s) in self.scenes.iter().enumerate() {
            let sp = at.field("scenes").index(i);
            c.text(&sp.field("question"), &s.question, 80);
            c.count(&sp.field("answers"), s.answers.len(), 2, MAX_ANSWERS, "answers");
            for (k, a) in s.answers.iter().enumerate() {
                let ap = sp.field("answers").index(k);
                c.text(&ap.field("text"), &a.text, 60);
                c.text(&ap.field("why"), &a.why, 160);
            }
            let safe = s.answers.iter().filter(|a| a.safe).count();
            if safe != 1 {
                c.error(
                    &sp.field("answers"),
                    format!("exactly one answer must be safe: true ({safe} are)"),
                );
            }
        }
        c.count(&at.field("rules"), self.rules.len(), 1, 6, "rules");
        for (i, r) in self.rules.iter().enumerate() {
            c.text(&at.field("rules").index(i), r, 60);
        }
        c.text(&at.field("source"), &self.source, 120);
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone(), self.source.clone()];
        for s in &self.scenes {
            t.push(s.question.clone());
            for a in &s.answers {
                t.push(a.text.clone());
                t.push(a.why.clone());
            }
        }
        t.extend(self.rules.iter().cloned());
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }

    /// The first scene asks; `shot --open N` shows scene N answered
    /// safely; N past the scenes, the end.
    fn build(&self, opening: &Opening) -> Result<Quiz, String> {
        let scenes: Vec<Scene> = self
            .scenes
            .iter()
            .filter(|s| s.answers.iter().filter(|a| a.safe).count() == 1)
            .map(|s| Scene {
                setting: s.setting,
                question: s.question.clone(),
                answers: s
                    .answers
                    .iter()
                    .map(|a| Answer {
                        text: a.text.clone(),
                        safe: a.safe,
                        why: a.why.clone(),
                    })
                    .collect(),
            })
            .collect();
        if scenes.is_empty() {
            return Err("no scene has exactly one safe answer".into());
        }
        let mut q = Quiz::new(scenes);
        if let Some(n) = opening.moment {
            let n = n.max(1);
            for _ in 1..n.min(q.scenes.len() + 1) {
                play_safely(&mut q);
                q.next();
            }
            if n <= q.scenes.len() {
                play_safely(&mut q);
            }
        }
        Ok(q)
    }

    fn advance(q: &mut Quiz, dt: f64) {
        q.advance(dt);
    }

    fn pictures(_: &Quiz) -> Vec<Picture> {
        let (w, h) = draw::PICTURE;
        vec![Picture::new(w, h, Rgba::hex(0xf1e6d0))]
    }

    fn stale(q: &Quiz, _: usize) -> bool {
        q.stale()
    }

    fn draw(q: &mut Quiz, _: usize, canvas: &mut Canvas) {
        let jolt = if q.shaking() { (q.t * 47.0).sin() as f32 * 7.0 } else { 0.0 };
        let setting = match q.stage {
            quiz::Stage::Done => q.scenes.last().map_or(Setting::School, |s| s.setting),
            _ => q.scene().setting,
        };
        draw::draw(canvas, setting, jolt, q.stage != quiz::Stage::Asking);
        q.mark_drawn();
    }

    const CARDS: &'static [Card] = &[("safety-quiz", card)];
}

/// Chooses the safe answer of the scene now.
pub fn play_safely(q: &mut Quiz) {
    if let Some(i) = q.scene().answers.iter().position(|a| a.safe) {
        q.choose(i);
    }
}

/// The card: the classroom with the child safe under the desk.
fn card() -> Canvas {
    let (w, h) = draw::PICTURE;
    let mut c = Canvas::new(w, h, Rgba::hex(0xf1e6d0));
    draw::draw(&mut c, Setting::School, 0.0, true);
    crate::domain::draw::card_from_picture(&c)
}

#[cfg(test)]
mod tests;
