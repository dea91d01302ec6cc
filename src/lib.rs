//! quakehall: the exhibit engine of a seismology popular-science hall.
//!
//! `domain` is everything a scientist or curator would check, without
//! Bevy; `kinds` the exhibit types, one folder each (Bevy only in their
//! `view.rs`); `app` the Bevy layer that draws them and routes input.
#[cfg(feature = "app")]
pub mod app;
pub mod domain;
pub mod kinds;
