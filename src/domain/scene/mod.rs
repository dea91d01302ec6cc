//! Scene files: the schema curators edit, parsing with precise errors,
//! validation, and the scenes folder as the running hall sees it.

pub mod library;
pub mod locate;
pub mod parse;
pub mod problem;
pub mod save;
pub mod schema;
pub mod validate;

pub use library::{Library, LoadedExhibit, ZoneView};
pub use problem::{Problem, Severity};
pub use schema::*;
