//! The Bevy-free core of quakehall: everything a scientist or curator
//! would check is a pure function here, testable in milliseconds.
//! Nothing in this module may use Bevy (a test enforces it).

pub mod art;
pub mod clock;
pub mod draw;
pub mod editor;
pub mod globe;
pub mod kiosk;
pub mod map;
pub mod physics;
pub mod puzzle;
pub mod random;
pub mod scene;
pub mod sound;
pub mod text;
pub mod touch;
pub mod waveform;
