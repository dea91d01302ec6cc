//! quakehall: the exhibit engine of a seismology popular-science hall.
pub mod domain;
#[cfg(feature = "app")]
pub mod app;
