//! The attract loop: when nobody is at the screen, cycle through the
//! exhibits with their pictures; any touch starts a visit. The screen is
//! drawn once; each slide changes its picture and texts in place.

use bevy::prelude::*;

use super::ScreenCtx;
use crate::app::hall::{Hall, StartLang};
use crate::app::pictures::PictureCache;
use crate::app::widgets::{Localized, TOUCH_PX, label, palette, plain, relabel, ui_label};
use crate::app::{AppSystems, CurrentExhibit, HallOptions, Screen, UiLang};
use crate::domain::kiosk::idle::attract_slide;
use crate::domain::scene::{ExhibitScene, Library};
use crate::domain::text::{Lang, ui};

/// Which exhibit the loop shows now.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct AttractSlide {
    /// Index into the hall's exhibits in home-screen order.
    pub index: usize,
}

/// When the loop started (seconds on the app clock).
#[derive(Resource, Debug, Default)]
struct AttractStart(f64);

/// The pulsing "touch to start" pill.
#[derive(Component)]
struct Pulse;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AttractSlide>()
        .init_resource::<AttractStart>()
        .add_systems(OnEnter(Screen::Attract), start_loop)
        .add_systems(
            Update,
            (
                (advance_slides, pulse).in_set(AppSystems::Update),
                show_slide.in_set(AppSystems::Refresh),
            )
                .run_if(in_state(Screen::Attract)),
        );
}

fn start_loop(time: Res<Time>, mut start: ResMut<AttractStart>, mut slide: ResMut<AttractSlide>) {
    start.0 = time.elapsed_secs_f64();
    *slide = AttractSlide::default();
}

fn advance_slides(
    time: Res<Time>,
    start: Res<AttractStart>,
    hall: Res<Hall>,
    opts: Option<Res<crate::app::HallOptions>>,
    mut slide: ResMut<AttractSlide>,
    mut lang: ResMut<UiLang>,
) {
    let n = hall.ordered_exhibits().len();
    let a = &hall.hall.attract;
    // A hall started in one language (`--lang`) keeps it.
    let alternate = a.alternate_languages && opts.is_none_or(|o| o.lang.is_none());
    let (index, slide_lang) = attract_slide(
        time.elapsed_secs_f64() - start.0,
        n,
        a.slide_s as f64,
        alternate,
    );
    if slide.index != index {
        slide.index = index;
    }
    // Nobody is reading yet, so the loop may change the language freely
    // (every label follows it by itself).
    if alternate && lang.0 != slide_lang {
        lang.0 = slide_lang;
    }
}

fn pulse(time: Res<Time>, mut q: Query<&mut BackgroundColor, With<Pulse>>) {
    let t = (time.elapsed_secs() * 2.2).sin() * 0.5 + 0.5;
    for mut bg in &mut q {
        bg.0 = palette::ACCENT.with_alpha(0.55 + 0.45 * t);
    }
}

/// Any touch on the attract loop: start a visit in the hall's language.
fn start_visit(
    _: On<Pointer<Click>>,
    mut next: ResMut<NextState<Screen>>,
    start: Option<Res<StartLang>>,
    mut lang: ResMut<UiLang>,
    opts: Option<Res<crate::app::HallOptions>>,
) {
    if let Some(s) = start {
        lang.0 = s.0;
    }
    next.set(first_screen(opts.as_deref()));
}

/// Where a visit starts: the exhibit on a dedicated kiosk, else home.
fn first_screen(opts: Option<&crate::app::HallOptions>) -> Screen {
    if opts.is_some_and(|o| o.is_dedicated()) {
        Screen::Exhibit
    } else {
        Screen::Home
    }
}

/// A button that starts the visit in one language.
#[derive(Component, Clone, Copy)]
struct LangChoice(Lang);

fn choose_language(
    mut click: On<Pointer<Click>>,
    choices: Query<&LangChoice>,
    mut lang: ResMut<UiLang>,
    mut next: ResMut<NextState<Screen>>,
    opts: Option<Res<crate::app::HallOptions>>,
) {
    click.propagate(false);
    if let Ok(choice) = choices.get(click.entity) {
        lang.0 = choice.0;
    }
    next.set(first_screen(opts.as_deref()));
}

/// The exhibits the loop shows: the hall's in home-screen order, or the
/// one exhibit of a dedicated kiosk.
fn slides<'a>(
    hall: &'a Library,
    current: &CurrentExhibit,
    opts: Option<&HallOptions>,
) -> Vec<&'a ExhibitScene> {
    if opts.is_some_and(|o| o.is_dedicated()) {
        current
            .0
            .as_deref()
            .and_then(|id| hall.exhibit(id))
            .into_iter()
            .collect()
    } else {
        hall.ordered_exhibits()
    }
}

/// The parts of the slide that change with it.
#[derive(Component, Clone, Copy, PartialEq, Eq)]
enum SlidePart {
    Picture,
    Number,
    Title,
    Summary,
}

/// The slide's card, and the exhibit it shows now.
#[derive(Component)]
struct SlideCard {
    shown: Option<String>,
}

/// A part of the slide and what of it can change.
type SlideParts = (
    &'static SlidePart,
    Option<&'static mut Text>,
    Option<&'static mut Localized>,
    Option<&'static mut ImageNode>,
);

/// Shows the current slide's exhibit wherever the card shows another.
#[allow(clippy::too_many_arguments)]
fn show_slide(
    hall: Res<Hall>,
    current: Res<CurrentExhibit>,
    opts: Option<Res<HallOptions>>,
    slide: Res<AttractSlide>,
    lang: Res<UiLang>,
    server: Option<Res<AssetServer>>,
    mut cache: ResMut<PictureCache>,
    mut cards: Query<&mut SlideCard>,
    mut parts: Query<SlideParts>,
) {
    let exhibits = slides(&hall, &current, opts.as_deref());
    let Some(ex) = exhibits
        .get(slide.index.min(exhibits.len().saturating_sub(1)))
        .copied()
    else {
        return;
    };
    let mut changed = false;
    for mut card in &mut cards {
        if card.shown.as_deref() != Some(ex.id.as_str()) {
            card.shown = Some(ex.id.clone());
            changed = true;
        }
    }
    if !changed && !hall.is_changed() {
        return;
    }
    let picture = ex
        .preview_picture()
        .and_then(|p| cache.get(server.as_deref(), p));
    for (part, text, loc, image) in &mut parts {
        match part {
            SlidePart::Picture => {
                if let Some(mut img) = image {
                    img.image = picture.clone().unwrap_or_default();
                }
            }
            SlidePart::Number => {
                if let Some(mut t) = text {
                    t.0 = format!("{:02}", ex.number);
                }
            }
            SlidePart::Title | SlidePart::Summary => {
                let words = if *part == SlidePart::Title {
                    &ex.title
                } else {
                    &ex.summary
                };
                if let (Some(mut t), Some(mut l)) = (text, loc) {
                    relabel(&mut t, &mut l, words, lang.0);
                }
            }
        }
    }
}

/// Draws the attract screen; [`show_slide`] fills in the slide.
pub fn draw(commands: &mut Commands, root: Entity, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let empty = slides(&ctx.hall, &ctx.current, ctx.opts.as_deref()).is_empty();
    let title = ctx.hall.hall.title.clone();
    let blank = crate::domain::text::Bilingual::new("", "");

    commands.entity(root).observe(start_visit);
    commands.entity(root).with_children(|root| {
        // Top: the hall's name and the language choice.
        root.spawn(Node {
            width: percent(100),
            height: px(150),
            padding: UiRect::axes(px(64), px(24)),
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            ..default()
        })
        .with_children(|bar| {
            bar.spawn(label(&title, lang, 56.0, palette::TEXT));
            bar.spawn(Node {
                column_gap: px(20),
                ..default()
            })
            .with_children(|langs| {
                for (l, name) in [(Lang::Zh, "中文"), (Lang::En, "English")] {
                    langs
                        .spawn((
                            Button,
                            Node {
                                min_width: px(TOUCH_PX * 1.8),
                                min_height: px(TOUCH_PX),
                                justify_content: JustifyContent::Center,
                                align_items: AlignItems::Center,
                                border_radius: BorderRadius::all(px(TOUCH_PX / 2.0)),
                                ..default()
                            },
                            BackgroundColor(palette::PANEL_HI),
                            children![(plain(name, 40.0, palette::TEXT), Pickable::IGNORE)],
                        ))
                        .insert(LangChoice(l))
                        .observe(choose_language);
                }
            });
        });
        // Middle: picture and title of the exhibit on show.
        root.spawn((
            SlideCard { shown: None },
            Node {
                width: percent(100),
                flex_grow: 1.0,
                padding: UiRect::axes(px(64), px(16)),
                column_gap: px(64),
                align_items: AlignItems::Center,
                ..default()
            },
        ))
        .with_children(|mid| {
            if empty {
                mid.spawn(ui_label(&ui::NO_EXHIBITS, lang, 64.0, palette::TEXT_DIM));
                return;
            }
            mid.spawn((
                SlidePart::Picture,
                ImageNode::default(),
                Node {
                    width: px(960),
                    height: px(640),
                    border_radius: BorderRadius::all(px(32)),
                    ..default()
                },
                Pickable::IGNORE,
            ));
            mid.spawn(Node {
                flex_direction: FlexDirection::Column,
                flex_grow: 1.0,
                flex_basis: px(0),
                row_gap: px(28),
                ..default()
            })
            .with_children(|text| {
                text.spawn((
                    Node {
                        width: px(120),
                        height: px(120),
                        justify_content: JustifyContent::Center,
                        align_items: AlignItems::Center,
                        border_radius: BorderRadius::all(px(60)),
                        ..default()
                    },
                    BackgroundColor(palette::ACCENT),
                    children![(SlidePart::Number, plain("", 56.0, palette::ON_ACCENT))],
                ));
                text.spawn((SlidePart::Title, label(&blank, lang, 96.0, palette::TEXT)));
                text.spawn((
                    SlidePart::Summary,
                    label(&blank, lang, 44.0, palette::TEXT_DIM),
                ));
            });
        });
        // Bottom: the invitation, in both languages at once.
        root.spawn(Node {
            width: percent(100),
            height: px(200),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        })
        .with_children(|bottom| {
            bottom.spawn((
                Pulse,
                Node {
                    padding: UiRect::axes(px(72), px(28)),
                    column_gap: px(36),
                    align_items: AlignItems::Center,
                    border_radius: BorderRadius::all(px(64)),
                    ..default()
                },
                BackgroundColor(palette::ACCENT),
                children![
                    plain(ui::TOUCH_TO_START.zh, 64.0, palette::ON_ACCENT),
                    plain(ui::TOUCH_TO_START.en, 52.0, palette::ON_ACCENT),
                ],
            ));
        });
    });
}
