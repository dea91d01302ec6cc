//! What the live exhibits (wave tank, race, Earth, wave kinds) share: the
//! open scene of their kind, rebuilding when a hot reload changes it,
//! forgetting their state when the visitor leaves or the hall resets, and
//! the CPU-drawn picture they show as a texture.

use bevy::asset::RenderAssetUsages;
use bevy::ecs::query::QueryFilter;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use crate::app::hall::Hall;
use crate::app::hall::RebuildScreen;
use crate::app::idle::ResetHall;
use crate::app::widgets::{button, chip, label, palette};
use crate::app::{AppSystems, CurrentExhibit, Screen};
use crate::domain::exhibit::clock::ExhibitClock;
use crate::domain::scene::ExhibitKind;
use crate::domain::text::ui;
use crate::domain::text::{Bilingual, Lang};

/// The exhibit on screen, if the exhibit screen is showing one.
#[derive(SystemParam)]
pub struct OpenExhibit<'w> {
    state: Res<'w, State<Screen>>,
    current: Res<'w, CurrentExhibit>,
    hall: Res<'w, Hall>,
}

impl OpenExhibit<'_> {
    /// The open exhibit's id and parameters, when `pick` finds its kind.
    pub fn scene<P>(&self, pick: fn(&ExhibitKind) -> Option<&P>) -> Option<(&str, &P)> {
        if *self.state.get() != Screen::Exhibit {
            return None;
        }
        let ex = self
            .current
            .0
            .as_deref()
            .and_then(|id| self.hall.exhibit(id))?;
        pick(&ex.kind).map(|p| (ex.id.as_str(), p))
    }
}

/// The scene a running exhibit was built from.
#[derive(Debug, Clone)]
pub struct BuiltFrom<P>(Option<(String, P)>);

impl<P> Default for BuiltFrom<P> {
    fn default() -> Self {
        Self(None)
    }
}

impl<P: Clone + PartialEq> BuiltFrom<P> {
    /// Whether exhibit `id` with `params` needs building (first time, another
    /// exhibit, or a hot reload changed it); remembers them if so.
    pub fn needs_build(&mut self, id: &str, params: &P) -> bool {
        let same = self.0.as_ref().is_some_and(|(i, p)| i == id && p == params);
        if !same {
            self.0 = Some((id.to_owned(), params.clone()));
        }
        !same
    }

    /// The parameters it was built from.
    pub fn params(&self) -> Option<&P> {
        self.0.as_ref().map(|(_, p)| p)
    }

    /// Forgets them, so the next frame builds afresh.
    pub fn forget(&mut self) {
        self.0 = None;
    }
}

/// Resets the resource `R` when the visitor leaves the exhibit screen and
/// when the hall resets.
pub fn forget_on_leave<R: Resource + Default>(app: &mut App) {
    app.add_systems(OnExit(Screen::Exhibit), |mut commands: Commands| {
        commands.insert_resource(R::default());
    })
    .add_systems(
        Update,
        (|mut resets: MessageReader<ResetHall>, mut commands: Commands| {
            if resets.read().count() > 0 {
                commands.insert_resource(R::default());
            }
        })
        .in_set(AppSystems::Update),
    );
}

/// A `w` by `h` texture for a picture drawn on the CPU each frame.
pub fn new_picture(
    images: &mut Assets<Image>,
    w: u32,
    h: u32,
    background: [u8; 3],
) -> Handle<Image> {
    images.add(Image::new_fill(
        Extent3d {
            width: w,
            height: h,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        &[background[0], background[1], background[2], 255],
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::default(),
    ))
}

/// Replaces the picture's pixels with `rgba`, if its size is still `w` by `h`.
pub fn upload(images: &mut Assets<Image>, handle: &Handle<Image>, w: u32, h: u32, rgba: Vec<u8>) {
    if let Some(mut img) = images.get_mut(handle.id())
        && img.width() == w
        && img.height() == h
    {
        img.data = Some(rgba);
    }
}

/// Points the image nodes `nodes` at `picture` (newly drawn screens start
/// with an empty image node).
pub fn show_picture<F: QueryFilter>(
    picture: Option<&Handle<Image>>,
    nodes: &mut Query<&mut ImageNode, F>,
) {
    let Some(h) = picture else { return };
    for mut node in nodes {
        if node.image.id() != h.id() {
            node.image = h.clone();
        }
    }
}

/// The row a live exhibit's body is: its picture on the left, its side
/// panel on the right.
pub fn body_row() -> Node {
    Node {
        width: percent(100),
        flex_grow: 1.0,
        min_height: px(0),
        padding: UiRect::new(px(64), px(64), px(0), px(40)),
        column_gap: px(48),
        ..default()
    }
}

/// A legend entry: a colour swatch of `size` pixels and its label.
pub fn swatch(
    parent: &mut ChildSpawnerCommands,
    color: Color,
    text: &Bilingual,
    lang: Lang,
    size: f32,
) {
    parent
        .spawn(Node {
            column_gap: px(size * 0.45),
            align_items: AlignItems::Center,
            ..default()
        })
        .with_children(|row| {
            row.spawn((
                Node {
                    width: px(size),
                    height: px(size),
                    flex_shrink: 0.0,
                    border_radius: BorderRadius::all(px(size / 5.0)),
                    ..default()
                },
                BackgroundColor(color),
            ));
            row.spawn(label(text, lang, size * 0.8, palette::TEXT_DIM));
        });
}

/// The play/pause and speed buttons of the exhibit clock `clock_of` finds
/// in resource `R`, spawned into `row`; `compact` uses [`chip`]s.
pub fn clock_buttons<R: Resource + Component<Mutability = bevy::ecs::component::Mutable>>(
    row: &mut ChildSpawnerCommands,
    clock: ExhibitClock,
    lang: Lang,
    compact: bool,
    clock_of: fn(&mut R) -> &mut ExhibitClock,
) {
    fn spawn<'a>(
        row: &'a mut ChildSpawnerCommands,
        text: &Bilingual,
        lang: Lang,
        compact: bool,
    ) -> EntityCommands<'a> {
        if compact {
            row.spawn(chip(text, lang, false))
        } else {
            row.spawn(button(text, lang, false))
        }
    }
    let toggle = if clock.playing { &ui::PAUSE } else { &ui::PLAY };
    spawn(row, &toggle.to_bilingual(), lang, compact).observe(
        move |_: On<Pointer<Click>>, mut r: ResMut<R>, mut rebuild: ResMut<RebuildScreen>| {
            clock_of(&mut r).toggle();
            rebuild.0 = true;
        },
    );
    let speed = Bilingual::new(
        format!("速度 ×{}", clock.speed()),
        format!("Speed ×{}", clock.speed()),
    );
    spawn(row, &speed, lang, compact).observe(
        move |_: On<Pointer<Click>>, mut r: ResMut<R>, mut rebuild: ResMut<RebuildScreen>| {
            clock_of(&mut r).next_speed();
            rebuild.0 = true;
        },
    );
}
