//! The one integration-test crate (one link instead of many). Domain tests
//! need no Bevy; app and render tests are compiled with the `app` feature.

mod common;
mod domain_wall;
mod dsp;
mod fuzz;
mod instruments;
mod locate;
mod picks;
mod pictures;
mod puzzles;
mod recordings;
mod saves;
mod scenes;
mod traveltimes;
mod waveforms;

#[cfg(feature = "app")]
mod app;
#[cfg(feature = "app")]
mod cli;
#[cfg(feature = "app")]
mod render;
