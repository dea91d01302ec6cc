//! quakehall: the exhibit engine of a seismology popular-science hall.
#[cfg(feature = "app")]
pub mod app;
pub mod domain;
