//! What the touch puzzles share: the reference answers they score against
//! and the touch seismogram view. Each puzzle's own rules and state live in
//! its kind's folder (`src/kinds/`).

pub mod reference;
pub mod seismogram;
