//! The lifecycle of a running exhibit, once for every kind: [`Live<K>`]
//! holds the open exhibit's state, clock and pictures; [`kind_plugin`]
//! builds it when the exhibit screen is drawn (again when a hot reload
//! changed the scene), advances and draws it every frame, and drops it,
//! pictures and all, when the visitor leaves or the hall resets.

use bevy::asset::RenderAssetUsages;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use super::{ExhibitBody, ProjectorFeed};
use crate::app::audio::AudioOutput;
use crate::app::hall::Hall;
use crate::app::idle::ResetHall;
use crate::app::pictures::PictureCache;
use crate::app::widgets::{palette, ui_label};
use crate::app::{AppSystems, CurrentExhibit, HallOptions, Screen, UiLang};
use crate::domain::clock::ExhibitClock;
use crate::domain::draw::Canvas;
use crate::domain::text::{Lang, ui};
use crate::kinds::{InKind, Kind, Opening, Picture};

/// A kind's screen: what it spawns into the exhibit's body. Everything
/// else (state, clock, pictures, reset) is [`kind_plugin`]'s.
pub trait KindView: Kind {
    /// Spawns the exhibit's body, once per drawing of the exhibit screen
    /// (on opening, after a hot reload, after a language change). What
    /// changes while the visitor plays is updated in place by the kind's
    /// own systems, never by spawning the body again.
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>);
}

/// One exhibit of kind `K` running on screen.
pub struct Running<K: Kind> {
    /// The exhibit's id.
    pub id: String,
    /// The scene parameters it was built from.
    pub params: K,
    /// The visitor's state.
    pub state: K::State,
    /// Play, pause and speed (for kinds with a clock).
    pub clock: ExhibitClock,
    pictures: Vec<LivePicture>,
}

/// A picture a running exhibit draws every frame, and where it goes.
struct LivePicture {
    canvas: Canvas,
    image: Option<Handle<Image>>,
}

impl<K: Kind> Running<K> {
    /// The texture of picture `index` of [`Kind::pictures`], once made.
    pub fn picture(&self, index: usize) -> Option<&Handle<Image>> {
        self.pictures.get(index).and_then(|p| p.image.as_ref())
    }
}

/// The running exhibit of kind `K`, if one is open.
#[derive(Resource)]
pub struct Live<K: Kind>(Option<Running<K>>);

impl<K: Kind> Default for Live<K> {
    fn default() -> Self {
        Self(None)
    }
}

impl<K: Kind> Live<K> {
    /// The running exhibit.
    pub fn get(&self) -> Option<&Running<K>> {
        self.0.as_ref()
    }

    /// The running exhibit, to change.
    pub fn get_mut(&mut self) -> Option<&mut Running<K>> {
        self.0.as_mut()
    }

    /// The visitor's state.
    pub fn state(&self) -> Option<&K::State> {
        self.0.as_ref().map(|r| &r.state)
    }

    /// The visitor's state, to change.
    pub fn state_mut(&mut self) -> Option<&mut K::State> {
        self.0.as_mut().map(|r| &mut r.state)
    }

    /// Builds the exhibit `id` from `params` unless it is running already
    /// from exactly these; pictures are made in `images` when there are any.
    fn ensure(
        &mut self,
        id: &str,
        params: &K,
        opening: &Opening,
        images: Option<&mut Assets<Image>>,
    ) {
        if self
            .0
            .as_ref()
            .is_some_and(|r| r.id == id && r.params == *params)
        {
            return;
        }
        let old = self.0.take();
        let mut state = match params.build(opening) {
            Ok(s) => s,
            Err(e) => {
                error!("{id}: the exhibit cannot be shown: {e}");
                drop_pictures(old, images);
                return;
            }
        };
        if let Some(old) = old.as_ref().filter(|o| o.id == id) {
            K::carry_over(&old.state, &mut state);
        }
        let mut images = images;
        drop_pictures(old, images.as_deref_mut());
        let pictures = K::pictures(&state)
            .into_iter()
            .map(|spec| LivePicture {
                canvas: Canvas::new(spec.width, spec.height, spec.background),
                image: images.as_deref_mut().map(|i| new_image(i, &spec)),
            })
            .collect();
        self.0 = Some(Running {
            id: id.to_owned(),
            clock: ExhibitClock::new(params.clock_pace().unwrap_or(1.0)),
            params: params.clone(),
            state,
            pictures,
        });
    }

    /// Forgets the running exhibit and frees its pictures.
    fn forget(&mut self, images: Option<&mut Assets<Image>>) {
        drop_pictures(self.0.take(), images);
    }
}

/// Frees the textures of an exhibit that is no longer running.
fn drop_pictures<K: Kind>(old: Option<Running<K>>, images: Option<&mut Assets<Image>>) {
    if let (Some(old), Some(images)) = (old, images) {
        for p in old.pictures.into_iter().filter_map(|p| p.image) {
            images.remove(&p);
        }
    }
}

/// A texture for a picture drawn on the CPU.
fn new_image(images: &mut Assets<Image>, p: &Picture) -> Handle<Image> {
    let bg = p.background;
    images.add(Image::new_fill(
        Extent3d {
            width: p.width,
            height: p.height,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        &[bg.0, bg.1, bg.2, 255],
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::default(),
    ))
}

/// What a kind's [`KindView::spawn`] is given.
pub struct BodyCtx<'a, K: Kind> {
    /// The running exhibit.
    pub run: &'a Running<K>,
    /// The language shown.
    pub lang: Lang,
    pictures: &'a mut PictureCache,
    server: Option<&'a AssetServer>,
}

impl<K: Kind> BodyCtx<'_, K> {
    /// The scene's parameters.
    pub fn params(&self) -> &K {
        &self.run.params
    }

    /// The visitor's state.
    pub fn state(&self) -> &K::State {
        &self.run.state
    }

    /// The picture at `path` inside `assets/` (e-book pages, panels).
    pub fn asset_picture(&mut self, path: &str) -> Option<Handle<Image>> {
        self.pictures.get(self.server, path)
    }

    /// An image node showing picture `index` of [`Kind::pictures`] (the
    /// texture every frame of the exhibit is drawn into).
    pub fn picture_node(&self, index: usize) -> ImageNode {
        self.run
            .picture(index)
            .map(|h| ImageNode::new(h.clone()))
            .unwrap_or_default()
    }
}

/// The exhibit on screen, if the exhibit screen is showing one.
#[derive(SystemParam)]
pub struct OpenExhibit<'w> {
    state: Res<'w, State<Screen>>,
    current: Res<'w, CurrentExhibit>,
    hall: Res<'w, Hall>,
}

impl OpenExhibit<'_> {
    /// The open exhibit's id and parameters, if it is of kind `K`.
    pub fn scene<K: InKind>(&self) -> Option<(&str, &K)> {
        if *self.state.get() != Screen::Exhibit {
            return None;
        }
        let ex = self
            .current
            .0
            .as_deref()
            .and_then(|id| self.hall.exhibit(id))?;
        K::of(&ex.kind).map(|p| (ex.id.as_str(), p))
    }

    /// The gain the open exhibit's sounds play at: its scene's volume under
    /// the hall's limit.
    pub fn sound_gain(&self) -> f32 {
        let limit = self.hall.hall.volume_limit;
        self.current
            .0
            .as_deref()
            .and_then(|id| self.hall.exhibit(id))
            .map_or(0.0, |ex| ex.sound_gain(limit))
    }

    /// The assets folder the open scenes' paths are relative to.
    pub fn assets_dir(&self) -> &std::path::Path {
        &self.hall.0.assets_dir
    }
}

/// Everything a kind needs on screen: its state built from the open
/// scene, its clock, its pictures, its body, and forgetting it all.
pub fn kind_plugin<K: KindView>(app: &mut App) {
    app.init_resource::<Live<K>>()
        .add_observer(spawn_body::<K>)
        .add_systems(OnExit(Screen::Exhibit), forget::<K>)
        .add_systems(
            Update,
            (forget_on_reset::<K>, tick::<K>)
                .chain()
                .in_set(AppSystems::Update),
        )
        .add_systems(Update, hold_while_busy::<K>.in_set(AppSystems::RecordInput));
    super::clock::plugin::<K>(app);
}

/// Holds the idle timer while the open exhibit says it is busy (a story
/// the visitor is watching), without counting it as a touch.
fn hold_while_busy<K: KindView>(
    live: Res<Live<K>>,
    time: Res<Time>,
    idle: Option<ResMut<crate::app::idle::Idle>>,
) {
    if let (Some(run), Some(mut idle)) = (live.get(), idle)
        && run.clock.playing
        && K::busy(&run.state)
    {
        idle.0.input(time.elapsed_secs_f64());
    }
}

/// How the hall was started, as a kind's build sees it.
fn opening(opts: Option<&HallOptions>, assets: &std::path::Path) -> Opening {
    Opening {
        moment: opts.and_then(|o| o.shot_open()),
        projectors: opts.map(|o| o.projectors).unwrap_or(0),
        assets: Some(assets.into()),
    }
}

#[allow(clippy::too_many_arguments)]
fn spawn_body<K: KindView>(
    ev: On<ExhibitBody>,
    mut commands: Commands,
    open: OpenExhibit,
    mut live: ResMut<Live<K>>,
    lang: Res<UiLang>,
    opts: Option<Res<HallOptions>>,
    mut cache: ResMut<PictureCache>,
    server: Option<Res<AssetServer>>,
    mut images: Option<ResMut<Assets<Image>>>,
    audio: Res<AudioOutput>,
) {
    let Some((id, params)) = open.scene::<K>() else {
        return;
    };
    let silent = params.sounds() && !audio.available();
    let opening = opening(opts.as_deref(), open.assets_dir());
    live.ensure(id, params, &opening, images.as_deref_mut());
    let lang = lang.0;
    let Some(run) = live.get() else {
        // The scene gives no exhibit (logged): a calm word, not an error.
        commands.entity(ev.body).with_children(|b| {
            b.spawn((
                Node {
                    margin: UiRect::all(px(96)),
                    ..default()
                },
                children![ui_label(
                    &ui::EXHIBIT_RESTING,
                    lang,
                    48.0,
                    palette::TEXT_DIM
                )],
            ));
        });
        return;
    };
    let mut ctx = BodyCtx {
        run,
        lang,
        pictures: &mut cache,
        server: server.as_deref(),
    };
    commands.entity(ev.body).with_children(|b| {
        K::spawn(b, &mut ctx);
        if silent {
            // For the curators: small, in a corner, nothing a child minds.
            b.spawn((
                Node {
                    position_type: PositionType::Absolute,
                    right: px(12),
                    bottom: px(6),
                    ..default()
                },
                Pickable::IGNORE,
                children![ui_label(
                    &ui::SOUND_UNAVAILABLE,
                    lang,
                    16.0,
                    palette::TEXT_DIM
                )],
            ));
        }
    });
}

/// Advances the open exhibit by one frame, draws its pictures, and tells
/// the projectors what to show. An exhibit no longer open (its scene was
/// edited into another kind, or removed) is forgotten.
fn tick<K: Kind>(
    open: OpenExhibit,
    time: Res<Time>,
    mut live: ResMut<Live<K>>,
    mut images: Option<ResMut<Assets<Image>>>,
    opts: Option<Res<HallOptions>>,
    mut feed: ResMut<ProjectorFeed>,
    audio: Res<AudioOutput>,
) {
    let Some(id) = live.get().map(|r| r.id.clone()) else {
        return;
    };
    if open.scene::<K>().is_none_or(|(open_id, _)| open_id != id) {
        live.forget(images.as_deref_mut());
        return;
    }
    let gain = open.sound_gain();
    let run = live.get_mut().expect("checked above");
    let real_dt = time.delta_secs_f64();
    let dt = if run.params.clock_pace().is_some() {
        run.clock.story_seconds(real_dt)
    } else {
        real_dt
    };
    K::advance(&mut run.state, dt);
    if let Some(voice) = K::voice(&mut run.state) {
        audio.play(voice, gain, real_dt);
    }
    // Drawn even without a screen to show it on (headless tests): what a
    // picture shows is also where a tap lands.
    for (i, p) in run.pictures.iter_mut().enumerate() {
        if !K::stale(&run.state, i) {
            continue;
        }
        K::draw(&mut run.state, i, &mut p.canvas);
        if let (Some(h), Some(images)) = (&p.image, images.as_deref_mut())
            && let Some(mut img) = images.get_mut(h.id())
            && let Some(data) = img.data.as_mut()
            && data.len() == p.canvas.rgba.len()
        {
            data.copy_from_slice(&p.canvas.rgba);
        }
    }
    let projectors = opts.map(|o| o.projectors).unwrap_or(0);
    let wanted = K::projection(&run.state)
        .filter(|_| projectors > 0)
        .and_then(|proj| {
            let index = match proj {
                crate::kinds::Projection::Spanned(i) | crate::kinds::Projection::First(i) => i,
            };
            Some((run.picture(index)?.clone(), proj))
        });
    if feed.0 != wanted {
        feed.0 = wanted;
    }
}

fn forget<K: Kind>(
    mut live: ResMut<Live<K>>,
    mut images: Option<ResMut<Assets<Image>>>,
    mut feed: ResMut<ProjectorFeed>,
) {
    if live.get().is_some() {
        live.forget(images.as_deref_mut());
        feed.0 = None;
    }
}

fn forget_on_reset<K: Kind>(
    mut resets: MessageReader<ResetHall>,
    live: ResMut<Live<K>>,
    images: Option<ResMut<Assets<Image>>>,
    feed: ResMut<ProjectorFeed>,
) {
    if resets.read().count() > 0 {
        forget(live, images, feed);
    }
}

/// Observers on `e` that call `lift(exhibit, pointer, now)` whenever a
/// pointer leaves it: released, its drag ended, or cancelled (a finger slid
/// off the screen), so that a gesture or a held marker always ends.
pub fn observe_lift<K: Kind>(e: &mut EntityCommands, lift: fn(&mut Running<K>, u64, f64)) {
    use crate::app::widgets::pointer_key;
    e.observe(
        move |ev: On<Pointer<Release>>, time: Res<Time<Real>>, mut live: ResMut<Live<K>>| {
            if let Some(run) = live.get_mut() {
                lift(run, pointer_key(&ev.pointer_id), time.elapsed_secs_f64());
            }
        },
    )
    .observe(
        move |ev: On<Pointer<DragEnd>>, time: Res<Time<Real>>, mut live: ResMut<Live<K>>| {
            if let Some(run) = live.get_mut() {
                lift(run, pointer_key(&ev.pointer_id), time.elapsed_secs_f64());
            }
        },
    )
    .observe(
        move |ev: On<Pointer<Cancel>>, time: Res<Time<Real>>, mut live: ResMut<Live<K>>| {
            if let Some(run) = live.get_mut() {
                lift(run, pointer_key(&ev.pointer_id), time.elapsed_secs_f64());
            }
        },
    );
}
