//! What the puzzles' screens share: texts and buttons whose words follow
//! the game, parts that show with its stage, buttons that act on it, and
//! where a finger falls on a picture. A puzzle's view says only which texts
//! and parts it has ([`Follow`], [`Show`]) and lays them out.

use bevy::prelude::*;

use super::{Live, kind_plugin};
use crate::app::AppSystems;
use crate::app::UiLang;
use crate::app::exhibits::KindView;
use crate::app::widgets::{Lit, Localized, button, label, node_fraction, relabel};
use crate::domain::text::{Bilingual, Lang};

/// A text of a puzzle's screen that follows its game.
pub trait Follow<S>: Copy + Send + Sync + 'static {
    /// What it says in `game` now.
    fn text(self, game: &S) -> Bilingual;
}

/// A part of a puzzle's screen that comes and goes with its game.
pub trait Show<S>: Copy + Send + Sync + 'static {
    /// Whether it shows in `game` now.
    fn shown(self, game: &S) -> bool;
}

/// A label whose text is `T`'s.
#[derive(Component, Clone, Copy)]
pub struct Says<T>(pub T);

/// A button whose label is `T`'s.
#[derive(Component, Clone, Copy)]
pub struct SaysOnButton<T>(pub T);

/// A node shown while `T` says so.
#[derive(Component, Clone, Copy)]
pub struct ShownWhile<T>(pub T);

/// A button lit while `T` says so (its action can be taken).
#[derive(Component, Clone, Copy)]
pub struct LitWhile<T>(pub T);

/// A puzzle's screen: the kind's generic plugin, and one system that keeps
/// its texts `T` and parts `P` in step with the game.
pub fn puzzle_plugin<K, T, P>(app: &mut App)
where
    K: KindView,
    T: Follow<K::State>,
    P: Show<K::State>,
{
    kind_plugin::<K>(app);
    app.add_systems(Update, refresh::<K, T, P>.in_set(AppSystems::Refresh));
}

#[allow(clippy::type_complexity)]
fn refresh<K, T, P>(
    live: Res<Live<K>>,
    lang: Res<UiLang>,
    mut parts: Query<(&ShownWhile<P>, &mut Node)>,
    mut lit: Query<(&LitWhile<P>, &mut Lit)>,
    mut texts: Query<(&Says<T>, &mut Text, &mut Localized)>,
    buttons: Query<(&SaysOnButton<T>, &Children)>,
    mut labels: Query<(&mut Text, &mut Localized), Without<Says<T>>>,
) where
    K: KindView,
    T: Follow<K::State>,
    P: Show<K::State>,
{
    let Some(g) = live.state() else { return };
    for (part, mut node) in &mut parts {
        let display = if part.0.shown(g) {
            Display::Flex
        } else {
            Display::None
        };
        if node.display != display {
            node.display = display;
        }
    }
    for (when, mut l) in &mut lit {
        let want = when.0.shown(g);
        if l.0 != want {
            l.0 = want;
        }
    }
    for (which, mut text, mut loc) in &mut texts {
        relabel(&mut text, &mut loc, &which.0.text(g), lang.0);
    }
    for (which, children) in &buttons {
        for c in children.iter() {
            if let Ok((mut text, mut loc)) = labels.get_mut(c) {
                relabel(&mut text, &mut loc, &which.0.text(g), lang.0);
            }
        }
    }
}

/// A click observer that does `f` to the running game.
pub fn act<K: KindView>(
    f: impl Fn(&mut K::State) + Send + Sync + 'static,
) -> impl FnMut(On<Pointer<Click>>, ResMut<Live<K>>) {
    move |_: On<Pointer<Click>>, mut live: ResMut<Live<K>>| {
        if let Some(g) = live.state_mut() {
            f(g);
        }
    }
}

/// A label saying `t` in `game`, as wide as its panel, so that it is
/// measured at the width it is drawn at and wraps the same way.
pub fn says<S, T: Follow<S>>(t: T, game: &S, lang: Lang, size: f32, colour: Color) -> impl Bundle {
    (
        Says(t),
        label(&t.text(game), lang, size, colour),
        Node {
            width: percent(100),
            ..default()
        },
    )
}

/// A lit button whose label is `t` in `game`.
pub fn button_saying<S, T: Follow<S>>(t: T, game: &S, lang: Lang) -> impl Bundle {
    (button(&t.text(game), lang, true), SaysOnButton(t))
}

/// A column of a side panel, its items `gap` apart.
pub fn column(gap: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(gap),
        ..default()
    }
}

/// A row of buttons that wraps.
pub fn buttons_row() -> Node {
    Node {
        flex_wrap: FlexWrap::Wrap,
        column_gap: px(14),
        row_gap: px(14),
        ..default()
    }
}

/// An observer of the pointer event `E` (a press, a drag) on a picture
/// that hands `f` the running game and where the finger is, as fractions
/// of the picture's size from its top left.
pub fn at_finger<K, E>(
    f: impl Fn(&mut K::State, Vec2) + Send + Sync + 'static,
) -> impl FnMut(On<Pointer<E>>, NodeQuery, UiPointer, ResMut<Live<K>>)
where
    K: KindView,
    E: std::fmt::Debug + Clone + Reflect + Send + Sync + 'static,
{
    move |ev: On<Pointer<E>>, nodes: NodeQuery, window: UiPointer, mut live: ResMut<Live<K>>| {
        if let (Some(at), Some(g)) = (
            picture_fraction(&nodes, ev.entity, &window, ev.pointer_location.position),
            live.state_mut(),
        ) {
            f(g, at);
        }
    }
}

pub use crate::app::widgets::UiPointer;

/// The nodes' layout, to find where a finger falls on a picture.
pub type NodeQuery<'w, 's> = Query<'w, 's, (&'static ComputedNode, &'static UiGlobalTransform)>;

/// Where a pointer at `pos` falls on the picture `entity`, as fractions of
/// its size from its top left.
pub fn picture_fraction(
    nodes: &NodeQuery,
    entity: Entity,
    pointer: &UiPointer,
    pos: Vec2,
) -> Option<Vec2> {
    let (node, tf) = nodes.get(entity).ok()?;
    node_fraction(node, tf, pointer, pos)
}
