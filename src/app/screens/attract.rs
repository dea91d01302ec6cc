//! The attract loop: when nobody is at the screen, cycle through the
//! exhibits with their pictures; any touch starts a visit.

use bevy::prelude::*;

use super::ScreenCtx;
use crate::app::hall::{Hall, RebuildScreen, StartLang};
use crate::app::widgets::{TOUCH_PX, label, palette, plain, ui_label};
use crate::app::{AppSystems, Screen, UiLang};
use crate::domain::kiosk::idle::attract_slide;
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
            (advance_slides, pulse)
                .run_if(in_state(Screen::Attract))
                .in_set(AppSystems::Update),
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
    mut rebuild: ResMut<RebuildScreen>,
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
        rebuild.0 = true;
    }
    // Nobody is reading yet, so the loop may change the language freely.
    if alternate && lang.0 != slide_lang {
        lang.0 = slide_lang;
        rebuild.0 = true;
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

/// Draws the current slide.
pub fn draw(commands: &mut Commands, root: Entity, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let exhibits: Vec<_> = if ctx.dedicated() {
        ctx.current
            .0
            .as_deref()
            .and_then(|id| ctx.hall.exhibit(id))
            .into_iter()
            .cloned()
            .collect()
    } else {
        ctx.hall.ordered_exhibits().into_iter().cloned().collect()
    };
    let title = ctx.hall.hall.title.clone();
    let current = exhibits
        .get(ctx.slide.index.min(exhibits.len().saturating_sub(1)))
        .cloned();
    let picture = current
        .as_ref()
        .and_then(|e| e.preview_picture())
        .and_then(|p| ctx.picture(p));

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
        root.spawn(Node {
            width: percent(100),
            flex_grow: 1.0,
            padding: UiRect::axes(px(64), px(16)),
            column_gap: px(64),
            align_items: AlignItems::Center,
            ..default()
        })
        .with_children(|mid| {
            let Some(ex) = &current else {
                mid.spawn(ui_label(&ui::NO_EXHIBITS, lang, 64.0, palette::TEXT_DIM));
                return;
            };
            if let Some(img) = picture {
                mid.spawn((
                    ImageNode::new(img),
                    Node {
                        width: px(960),
                        height: px(640),
                        border_radius: BorderRadius::all(px(32)),
                        ..default()
                    },
                    Pickable::IGNORE,
                ));
            }
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
                    children![plain(format!("{:02}", ex.number), 56.0, palette::ON_ACCENT)],
                ));
                text.spawn(label(&ex.title, lang, 96.0, palette::TEXT));
                text.spawn(label(&ex.summary, lang, 44.0, palette::TEXT_DIM));
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
