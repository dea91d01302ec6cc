//! Visitor-side state of each exhibit kind, as plain state machines the
//! Bevy layer drives and draws.

pub mod board;
pub mod book;
pub mod clock;
pub mod earth;
pub mod fronts;
pub mod race;
pub mod sand;
pub mod tank;
pub mod theatre;
pub mod wave_types;
