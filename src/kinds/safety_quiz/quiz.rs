//! The visitor state of "When the ground shakes": five short scenes (at
//! school, at home, high in a building, outdoors, in a car), each a
//! picture the project draws and a question with big answer buttons. A
//! right answer earns a star, shows the child doing it and says why; a
//! wrong one says kindly what would happen and lets the child choose
//! again. The end is a friendly screen of stars and the four rules.

use crate::domain::text::Bilingual;

/// Where a scene happens: which picture it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Setting {
    /// A classroom: desks, a window, a door.
    School,
    /// A living room: a sturdy table, a tall bookcase, a window.
    Home,
    /// High in a building: a lift, the stairs, a window, an inner wall.
    HighBuilding,
    /// A street: tall buildings, a power pole, an open square.
    Outdoors,
    /// A car on a road with an overpass ahead.
    Car,
}

/// An answer to a scene's question.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// What the button says.
    pub text: Bilingual,
    /// Whether it is the safe thing to do.
    pub safe: bool,
    /// Why (said when chosen).
    pub why: Bilingual,
}

/// One scene.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Its picture.
    pub setting: Setting,
    /// The question.
    pub question: Bilingual,
    /// The answers (2-4), in the order shown.
    pub answers: Vec<Answer>,
}

/// Where the visit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The ground is shaking: choose.
    Asking,
    /// The safe answer was chosen.
    Safe,
    /// Every scene is done: the stars and the rules.
    Done,
}

/// The visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    /// The scenes, in order.
    pub scenes: Vec<Scene>,
    /// The scene now.
    pub current: usize,
    /// The stage.
    pub stage: Stage,
    /// The answer last chosen in this scene, if any.
    pub chosen: Option<usize>,
    /// Answers chosen in this scene so far.
    pub tries: u32,
    /// Scenes whose safe answer came first time.
    pub first_time: u32,
    /// Seconds since the scene began (the shaking in its picture).
    pub t: f64,
    /// Bumped when the picture changes.
    revision: u64,
    drawn: Option<(u64, i64)>,
}

impl Quiz {
    /// A fresh visit over `scenes` (at least one).
    pub fn new(scenes: Vec<Scene>) -> Self {
        Self {
            scenes,
            current: 0,
            stage: Stage::Asking,
            chosen: None,
            tries: 0,
            first_time: 0,
            t: 0.0,
            revision: 0,
            drawn: None,
        }
    }

    /// The scene now.
    pub fn scene(&self) -> &Scene {
        &self.scenes[self.current.min(self.scenes.len() - 1)]
    }

    /// Chooses answer `i`: safe, the scene is won; not, it says why and
    /// the child chooses again.
    pub fn choose(&mut self, i: usize) {
        if self.stage != Stage::Asking || i >= self.scene().answers.len() {
            return;
        }
        self.chosen = Some(i);
        self.tries += 1;
        if self.scene().answers[i].safe {
            if self.tries == 1 {
                self.first_time += 1;
            }
            self.stage = Stage::Safe;
        }
        self.revision += 1;
    }

    /// On to the next scene, or the end.
    pub fn next(&mut self) {
        if self.stage != Stage::Safe {
            return;
        }
        if self.current + 1 < self.scenes.len() {
            self.current += 1;
            self.stage = Stage::Asking;
        } else {
            self.stage = Stage::Done;
        }
        self.chosen = None;
        self.tries = 0;
        self.t = 0.0;
        self.revision += 1;
    }

    /// From the first scene again.
    pub fn restart(&mut self) {
        *self = Self::new(std::mem::take(&mut self.scenes));
        self.revision = 1;
    }

    /// Moves the picture's shaking on.
    pub fn advance(&mut self, dt: f64) {
        if dt.is_finite() && dt > 0.0 {
            self.t += dt;
        }
    }

    /// Whether the picture shakes now (while a scene asks, for its first
    /// few seconds and again after a wrong answer).
    pub fn shaking(&self) -> bool {
        self.stage == Stage::Asking && self.t < SHAKE_S
    }

    /// Whether the picture shows something new: a new stage or answer, or
    /// a frame of its shaking (30 a second).
    pub fn stale(&self) -> bool {
        self.drawn != Some(self.key())
    }

    fn key(&self) -> (u64, i64) {
        let frame = if self.shaking() { (self.t * 30.0) as i64 } else { -1 };
        (self.revision, frame)
    }

    /// Notes the picture as drawn.
    pub fn mark_drawn(&mut self) {
        self.drawn = Some(self.key());
    }

    /// Stars won: one for each scene the child got right first time.
    pub fn stars(&self) -> u32 {
        self.first_time
    }
}

/// Seconds the picture shakes when a scene begins.
pub const SHAKE_S: f64 = 2.5;
