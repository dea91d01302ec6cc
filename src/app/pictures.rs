//! The pictures inside `assets/` the screens show (cards, e-book pages,
//! board panels), loaded once and kept, so that redraws and page turns
//! never wait for a picture to load again.

use std::collections::HashMap;

use bevy::prelude::*;

/// Handles of every picture the scenes use, kept alive so that redraws and
/// page turns never wait for a picture to load again.
#[derive(Resource, Default)]
pub struct PictureCache(HashMap<String, Handle<Image>>);

impl PictureCache {
    /// The picture at `path` inside `assets/`, loading it the first time.
    pub fn get(&mut self, server: Option<&AssetServer>, path: &str) -> Option<Handle<Image>> {
        if let Some(h) = self.0.get(path) {
            return Some(h.clone());
        }
        let h: Handle<Image> = server?.load(path.to_owned());
        self.0.insert(path.to_owned(), h.clone());
        Some(h)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PictureCache>();
}
