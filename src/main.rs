//! The `quakehall` command line (filled in by the app layer).
fn main() {}
