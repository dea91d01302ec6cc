//! Widgets as functions returning bundles: bilingual labels, touch-sized
//! buttons, the language toggle and panels. Texts are `Localized` and follow
//! [`UiLang`]; every text gets the hall's CJK-capable font on spawn.

use bevy::picking::pointer::PointerInput;
use bevy::prelude::*;

use super::{AppSystems, UiLang, fonts::HallFont};
use crate::domain::text::{Bilingual, Lang, ui::UiText};

/// Smallest touch target, in design pixels (the UI is designed for 1920x1080
/// and scaled by `UiScale`, so this is 64 px on a 1280x720 screen).
pub const TOUCH_PX: f32 = 96.0;

/// Colours of the hall: calm dark blue background, warm accents.
pub mod palette {
    use bevy::prelude::Color;
    /// Page background.
    pub const BACKGROUND: Color = Color::srgb(0.063, 0.114, 0.161);
    /// Panels and cards.
    pub const PANEL: Color = Color::srgb(0.106, 0.176, 0.239);
    /// A pressed or highlighted panel.
    pub const PANEL_HI: Color = Color::srgb(0.149, 0.247, 0.333);
    /// Main text.
    pub const TEXT: Color = Color::srgb(0.945, 0.957, 0.965);
    /// Secondary text.
    pub const TEXT_DIM: Color = Color::srgb(0.70, 0.76, 0.80);
    /// Accent (buttons, highlights): seismic orange.
    pub const ACCENT: Color = Color::srgb(0.878, 0.478, 0.184);
    /// Text on the accent colour.
    pub const ON_ACCENT: Color = Color::srgb(0.10, 0.06, 0.03);
    /// Warnings for curators.
    pub const WARNING: Color = Color::srgb(0.95, 0.75, 0.25);
    /// Errors for curators.
    pub const ERROR: Color = Color::srgb(0.93, 0.36, 0.30);
    /// Dimmed backdrop behind overlays.
    pub const SCRIM: Color = Color::srgba(0.0, 0.0, 0.0, 0.72);
}

/// A text shown in the current [`UiLang`].
#[derive(Component, Debug, Clone, PartialEq)]
pub struct Localized(pub Bilingual);

/// How far the current press has travelled, so that a drag (scrolling,
/// swiping) is not also taken as a tap on what lies under the finger.
#[derive(Resource, Debug, Default)]
pub struct PointerTravel {
    /// Largest distance from the press point, in logical pixels.
    pub max_distance: f32,
}

impl PointerTravel {
    /// Whether the press that just ended was a tap rather than a drag.
    pub fn is_tap(&self) -> bool {
        self.max_distance < 24.0
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PointerTravel>()
        .add_message::<PointerInput>()
        .add_message::<Pointer<Press>>()
        .add_message::<Pointer<Drag>>()
        .add_observer(fill_localized)
        .add_observer(super::fonts::apply_font)
        .add_observer(on_toggle_language)
        .add_observer(drag_scroll_start)
        .add_observer(drag_scroll)
        .add_systems(
            Update,
            (
                track_pointer_travel.in_set(AppSystems::RecordInput),
                apply_language.in_set(AppSystems::Update),
                show_sliders.in_set(AppSystems::Update),
                show_lit.in_set(AppSystems::Refresh),
            ),
        );
}

/// A horizontal slider a finger drags (or taps): its value, 0 to 1,
/// follows the pointer along the track. Exhibits read the value where it
/// changed (`Changed<Slider>`).
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct Slider {
    /// The value, 0 (left) to 1 (right).
    pub value: f32,
    fill: Entity,
    knob: Entity,
}

/// Spawns a slider at `value` under `parent` with `extra` (a marker the
/// exhibit finds it by), a finger high and as wide as the layout gives it.
pub fn spawn_slider(parent: &mut ChildSpawnerCommands, value: f32, extra: impl Bundle) {
    let value = value.clamp(0.0, 1.0);
    let mut fill = Entity::PLACEHOLDER;
    let mut knob = Entity::PLACEHOLDER;
    let mut slider = parent.spawn((
        Node {
            flex_grow: 1.0,
            min_width: px(TOUCH_PX * 2.0),
            height: px(TOUCH_PX),
            align_items: AlignItems::Center,
            // Room for the knob at either end.
            margin: UiRect::horizontal(px(22)),
            ..default()
        },
        extra,
    ));
    slider.with_children(|s| {
        s.spawn((
            Node {
                width: percent(100),
                height: px(16),
                border_radius: BorderRadius::all(px(8)),
                overflow: Overflow::clip(),
                ..default()
            },
            BackgroundColor(palette::PANEL_HI),
            Pickable::IGNORE,
        ))
        .with_children(|track| {
            fill = track
                .spawn((
                    Node {
                        width: percent(100.0 * value),
                        height: percent(100),
                        ..default()
                    },
                    BackgroundColor(palette::ACCENT),
                    Pickable::IGNORE,
                ))
                .id();
        });
        knob = s
            .spawn((
                Node {
                    position_type: PositionType::Absolute,
                    left: percent(100.0 * value),
                    width: px(44),
                    height: px(44),
                    margin: UiRect::left(px(-22)),
                    border_radius: BorderRadius::all(px(22)),
                    ..default()
                },
                BackgroundColor(palette::TEXT),
                Pickable::IGNORE,
            ))
            .id();
    });
    slider
        .insert(Slider { value, fill, knob })
        .observe(
            |press: On<Pointer<Press>>, mut q: SliderQuery, w: UiPointer| {
                let pos = press.pointer_location.position;
                slide_to(press.entity, pos, &mut q, &w);
            },
        )
        .observe(
            |drag: On<Pointer<Drag>>, mut q: SliderQuery, w: UiPointer| {
                let pos = drag.pointer_location.position;
                slide_to(drag.entity, pos, &mut q, &w);
            },
        );
}

type SliderQuery<'w, 's> = Query<
    'w,
    's,
    (
        &'static mut Slider,
        &'static ComputedNode,
        &'static UiGlobalTransform,
    ),
>;
/// Turns pointer positions (window, logical pixels) into the interface's
/// own pixels: scaled to physical pixels and, while the hall is the
/// editor's live preview, moved into the interface camera's viewport.
#[derive(bevy::ecs::system::SystemParam)]
pub struct UiPointer<'w, 's> {
    windows: Query<'w, 's, &'static Window, With<bevy::window::PrimaryWindow>>,
    cameras: Query<'w, 's, &'static Camera, With<super::window::InterfaceCamera>>,
}

impl UiPointer<'_, '_> {
    /// `pos` in the physical pixels UI nodes are laid out in.
    pub fn to_ui(&self, pos: Vec2) -> Vec2 {
        let scale = self.windows.single().map_or(1.0, |w| w.scale_factor());
        let origin = self
            .cameras
            .iter()
            .find_map(|c| c.viewport.as_ref())
            .map_or(Vec2::ZERO, |v| v.physical_position.as_vec2());
        pos * scale - origin
    }
}

/// One number per pointer, for the domain's gesture readers: a finger's
/// touch id, the mouse as `u64::MAX`.
pub fn pointer_key(id: &bevy::picking::pointer::PointerId) -> u64 {
    use bevy::picking::pointer::PointerId;
    match id {
        PointerId::Mouse => u64::MAX,
        PointerId::Touch(t) => *t,
        PointerId::Custom(u) => u.as_u64_pair().1,
    }
}

/// Where a pointer at window position `pos` (logical pixels, as pointer
/// events give it) falls on a UI node: (0, 0) at its top-left corner, (1, 1)
/// at its bottom-right; `None` for a node not laid out yet.
pub fn node_fraction(
    node: &ComputedNode,
    transform: &UiGlobalTransform,
    pointer: &UiPointer,
    pos: Vec2,
) -> Option<Vec2> {
    node.normalize_point(*transform, pointer.to_ui(pos))
        .map(|n| n + Vec2::splat(0.5))
}

fn slide_to(entity: Entity, pos: Vec2, q: &mut SliderQuery, pointer: &UiPointer) {
    let Ok((mut slider, node, tf)) = q.get_mut(entity) else {
        return;
    };
    if let Some(n) = node_fraction(node, tf, pointer, pos) {
        let v = n.x.clamp(0.0, 1.0);
        if (slider.value - v).abs() > 1e-4 {
            slider.value = v;
        }
    }
}

fn show_sliders(sliders: Query<&Slider, Changed<Slider>>, mut nodes: Query<&mut Node>) {
    for s in &sliders {
        if let Ok(mut n) = nodes.get_mut(s.fill) {
            n.width = percent(100.0 * s.value);
        }
        if let Ok(mut n) = nodes.get_mut(s.knob) {
            n.left = percent(100.0 * s.value);
        }
    }
}

fn fill_localized(
    add: On<Add, Localized>,
    lang: Res<UiLang>,
    mut q: Query<(&Localized, &mut Text)>,
) {
    if let Ok((loc, mut text)) = q.get_mut(add.entity) {
        let s = loc.0.get(lang.0);
        if text.0 != s {
            text.0 = s.to_owned();
        }
    }
}

/// Re-texts every label when the language changes.
pub fn apply_language(lang: Res<UiLang>, mut q: Query<(&Localized, &mut Text)>) {
    if !lang.is_changed() {
        return;
    }
    for (loc, mut text) in &mut q {
        let s = loc.0.get(lang.0);
        if text.0 != s {
            text.0 = s.to_owned();
        }
    }
}

fn track_pointer_travel(
    mut presses: MessageReader<Pointer<Press>>,
    mut drags: MessageReader<Pointer<Drag>>,
    mut travel: ResMut<PointerTravel>,
) {
    if presses.read().next().is_some() {
        travel.max_distance = 0.0;
    }
    for d in drags.read() {
        travel.max_distance = travel.max_distance.max(d.distance.length());
    }
}

/// A bilingual label of `size` design pixels that wraps Chinese by character.
pub fn label(text: &Bilingual, lang: Lang, size: f32, color: Color) -> impl Bundle + use<> {
    (
        Text::new(text.get(lang)),
        Localized(text.clone()),
        HallFont,
        TextFont {
            font_size: FontSize::Px(size),
            ..default()
        },
        TextColor(color),
        TextLayout::new(Justify::Left, LineBreak::WordOrCharacter),
    )
}

/// A label of a fixed interface text.
pub fn ui_label(text: &UiText, lang: Lang, size: f32, color: Color) -> impl Bundle + use<> {
    label(&text.to_bilingual(), lang, size, color)
}

/// A text that reads the same in every language (a number, a date).
pub fn plain(text: impl Into<String>, size: f32, color: Color) -> impl Bundle {
    (
        Text::new(text.into()),
        HallFont,
        TextFont {
            font_size: FontSize::Px(size),
            ..default()
        },
        TextColor(color),
    )
}

/// Whether a button is lit (the accent colour): a primary action, or the
/// chosen one of several. Change it and the button restyles itself.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lit(pub bool);

/// Background and text colours of a lit and an unlit button.
fn button_colours(lit: bool) -> (Color, Color) {
    if lit {
        (palette::ACCENT, palette::ON_ACCENT)
    } else {
        (palette::PANEL_HI, palette::TEXT)
    }
}

/// A touch-sized button with a bilingual label. Attach its action with
/// `.observe(|_: On<Pointer<Click>>, ..| ..)`.
pub fn button(text: &Bilingual, lang: Lang, primary: bool) -> impl Bundle + use<> {
    let (bg, fg) = button_colours(primary);
    (
        Button,
        Lit(primary),
        Node {
            min_width: px(TOUCH_PX * 1.6),
            min_height: px(TOUCH_PX),
            padding: UiRect::axes(px(28), px(12)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border_radius: BorderRadius::all(px(TOUCH_PX / 2.0)),
            ..default()
        },
        BackgroundColor(bg),
        children![(label(text, lang, 40.0, fg), Pickable::IGNORE)],
    )
}

/// A button with a smaller label than [`button`] (still a finger wide and
/// high), for side panels that hold many controls; `selected` lights it.
pub fn chip(text: &Bilingual, lang: Lang, selected: bool) -> impl Bundle + use<> {
    let (bg, fg) = button_colours(selected);
    (
        Button,
        Lit(selected),
        Node {
            min_width: px(TOUCH_PX),
            min_height: px(TOUCH_PX),
            padding: UiRect::axes(px(18), px(8)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border_radius: BorderRadius::all(px(TOUCH_PX / 2.0)),
            ..default()
        },
        BackgroundColor(bg),
        children![(label(text, lang, 30.0, fg), Pickable::IGNORE)],
    )
}

/// Restyles buttons whose [`Lit`] changed.
fn show_lit(
    mut buttons: Query<(&Lit, &mut BackgroundColor, &Children), Changed<Lit>>,
    mut labels: Query<&mut TextColor>,
) {
    for (lit, mut bg, children) in &mut buttons {
        let (b, f) = button_colours(lit.0);
        bg.0 = b;
        for c in children.iter() {
            if let Ok(mut t) = labels.get_mut(c) {
                t.0 = f;
            }
        }
    }
}

/// Sets a label to `new` (shown in `lang`), touching it only if it differs.
pub fn relabel(text: &mut Text, loc: &mut Localized, new: &Bilingual, lang: Lang) {
    if loc.0 != *new {
        loc.0 = new.clone();
    }
    let s = new.get(lang);
    if text.0 != s {
        text.0 = s.to_owned();
    }
}

/// A button of a fixed interface text.
pub fn ui_button(text: &UiText, lang: Lang, primary: bool) -> impl Bundle + use<> {
    button(&text.to_bilingual(), lang, primary)
}

/// Marks a language toggle button.
#[derive(Component)]
pub struct LanguageToggle;

/// The 中/EN toggle: one button showing both, the active one bright.
pub fn language_toggle(lang: Lang) -> impl Bundle {
    let (zh, en) = match lang {
        Lang::Zh => (palette::ON_ACCENT, palette::TEXT_DIM),
        Lang::En => (palette::TEXT_DIM, palette::ON_ACCENT),
    };
    (
        Button,
        LanguageToggle,
        Node {
            min_width: px(TOUCH_PX * 2.0),
            min_height: px(TOUCH_PX),
            padding: UiRect::axes(px(20), px(8)),
            column_gap: px(14),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border_radius: BorderRadius::all(px(TOUCH_PX / 2.0)),
            ..default()
        },
        BackgroundColor(palette::ACCENT),
        children![
            (plain("中", 44.0, zh), Pickable::IGNORE),
            (plain("/", 36.0, palette::ON_ACCENT), Pickable::IGNORE),
            (plain("EN", 40.0, en), Pickable::IGNORE),
        ],
    )
}

/// Switch the visitor language (what the 中/EN toggle does).
#[derive(Event, Debug, Clone, Copy)]
pub struct ToggleLanguage;

/// The toggle button's action.
pub fn toggle_language(mut click: On<Pointer<Click>>, mut commands: Commands) {
    click.propagate(false);
    commands.trigger(ToggleLanguage);
}

/// Switches the language, and redraws the screen so that the toggle itself
/// shows the new state.
fn on_toggle_language(
    _: On<ToggleLanguage>,
    mut lang: ResMut<UiLang>,
    mut rebuild: ResMut<super::hall::RebuildScreen>,
) {
    lang.0 = lang.0.other();
    rebuild.0 = true;
}

/// A dimmed layer over the whole screen (or its parent) that centres its
/// child: the ground under every overlay.
pub fn scrim(z: i32) -> impl Bundle {
    (
        Node {
            position_type: PositionType::Absolute,
            left: px(0),
            right: px(0),
            top: px(0),
            bottom: px(0),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
        GlobalZIndex(z),
        BackgroundColor(palette::SCRIM),
    )
}

/// A rounded panel.
pub fn panel_node(padding: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        padding: UiRect::all(px(padding)),
        row_gap: px(padding * 0.6),
        border_radius: BorderRadius::all(px(24)),
        ..default()
    }
}

/// A node that scrolls when dragged by finger or mouse, along the axes its
/// `overflow` scrolls (`Overflow::scroll_y()`, `scroll_x()`). Nested ones
/// each follow their own axis of the same drag.
#[derive(Component, Default)]
#[require(ScrollPosition)]
pub struct DragScroll {
    start: Vec2,
}

fn drag_scroll_start(
    start: On<Pointer<DragStart>>,
    mut q: Query<(&ComputedNode, &mut DragScroll)>,
) {
    if let Ok((node, mut s)) = q.get_mut(start.entity) {
        s.start = node.scroll_position * node.inverse_scale_factor;
    }
}

fn drag_scroll(
    drag: On<Pointer<Drag>>,
    ui_scale: Option<Res<UiScale>>,
    mut q: Query<(&mut ScrollPosition, &DragScroll, &Node)>,
) {
    let scale = ui_scale.map(|s| s.0).unwrap_or(1.0).max(0.01);
    if let Ok((mut pos, s, node)) = q.get_mut(drag.entity) {
        if node.overflow.x == OverflowAxis::Scroll {
            pos.0.x = (s.start.x - drag.distance.x / scale).max(0.0);
        }
        if node.overflow.y == OverflowAxis::Scroll {
            pos.0.y = (s.start.y - drag.distance.y / scale).max(0.0);
        }
    }
}
