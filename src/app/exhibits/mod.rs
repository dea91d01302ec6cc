//! What every exhibit kind's screen needs, done once: the generic
//! [`kind_plugin`] builds a kind's state from the open scene (again after a
//! hot reload changed it), runs it on the exhibit clock, draws and uploads
//! its pictures, feeds the projectors, spawns its body when the exhibit
//! screen asks ([`ExhibitBody`]) and forgets everything when the visitor
//! leaves or the hall goes idle. A kind's `view.rs` supplies only its own
//! body ([`KindView`]) and the systems that keep that body up to date.

pub mod clock;
pub mod layout;
pub mod live;
pub mod puzzle;

use bevy::prelude::*;

pub use live::{BodyCtx, KindView, Live, Running, kind_plugin, observe_lift};

/// A kind's screen as a plugin (`kinds::VIEWS` lists one per kind).
pub type KindPlugin = fn(&mut App);

/// The exhibit screen has spawned `body` for the open exhibit: the open
/// exhibit's kind fills it.
#[derive(Event, Debug, Clone, Copy)]
pub struct ExhibitBody {
    /// The node to spawn into.
    pub body: Entity,
}

/// What the projector windows show: the picture of the open exhibit's
/// kind that asked for them, and how.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct ProjectorFeed(pub Option<(Handle<Image>, crate::kinds::Projection)>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ProjectorFeed>();
    for view in crate::kinds::VIEWS {
        view(app);
    }
}
