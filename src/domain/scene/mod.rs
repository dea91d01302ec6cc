//! Scene files: the schema curators edit, parsing with precise errors,
//! validation, and the scenes folder as the running hall sees it.
//!
//! Layers, bottom up: `locate`, `problem`, `parse` and `check` (the problem
//! list every check writes into) and `common` (places and areas) are what
//! the exhibit kinds of [`crate::kinds`] build on; `schema`, `validate` and
//! `library` (the hall's files) sit above the kinds.

pub mod check;
pub mod common;
pub mod library;
pub mod locate;
pub mod parse;
pub mod problem;
pub mod save;
pub mod schema;
pub mod validate;

pub use common::{Area, LatLon, Place};
pub use library::{Library, LoadedExhibit, ZoneView};
pub use problem::{Problem, Severity};
pub use schema::*;
