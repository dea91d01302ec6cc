//! The screen of an `Ebook`: the page (picture, caption, heading, text),
//! the arrows, the dots and "3 / 6". Turning a page changes what the page's
//! nodes show; nothing is spawned again.

use bevy::prelude::*;

use super::EbookParams;
use crate::app::AppSystems;
use crate::app::UiLang;
use crate::app::audio::PlaySound;
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin};
use crate::app::pictures::PictureCache;
use crate::app::widgets::{Localized, TOUCH_PX, label, palette, plain, relabel, ui_button};
use crate::domain::sound::UiSound;
use crate::domain::text::{Bilingual, ui};

/// The e-book's screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<EbookParams>(app);
    app.add_systems(Update, show_page.in_set(AppSystems::Refresh));
}

/// The page area that takes swipes, and the page it shows.
#[derive(Component)]
pub struct PageArea {
    shown: Option<usize>,
}

/// The parts of the page that change with it.
#[derive(Component, Clone, Copy, PartialEq, Eq)]
enum PagePart {
    Picture,
    Caption,
    CaptionText,
    Heading,
    Text,
    Count,
}

/// A page dot.
#[derive(Component)]
struct PageDot(usize);

/// A page-turn button: +1 forward, -1 back.
#[derive(Component, Clone, Copy)]
struct PageStep(i32);

impl KindView for EbookParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let pages = ctx.state().pages();
        let empty = Bilingual::new("", "");
        body.spawn((
            PageArea { shown: None },
            Node {
                width: percent(100),
                flex_grow: 1.0,
                min_height: px(0),
                padding: UiRect::axes(px(64), px(12)),
                column_gap: px(56),
                align_items: AlignItems::Center,
                ..default()
            },
        ))
        .observe(swipe)
        .with_children(|row| {
            row.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(16),
                    flex_shrink: 0.0,
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|pic| {
                pic.spawn((
                    PagePart::Picture,
                    ImageNode::default(),
                    Node {
                        width: px(1020),
                        height: px(680),
                        border_radius: BorderRadius::all(px(28)),
                        ..default()
                    },
                    BackgroundColor(palette::PANEL),
                    Pickable::IGNORE,
                ));
                pic.spawn((
                    PagePart::Caption,
                    Node {
                        max_width: px(1020),
                        ..default()
                    },
                    Pickable::IGNORE,
                ))
                .with_children(|c| {
                    c.spawn((
                        PagePart::CaptionText,
                        label(&empty, lang, 28.0, palette::TEXT_DIM),
                        Pickable::IGNORE,
                    ));
                });
            });
            row.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 1.0,
                    flex_basis: px(0),
                    row_gap: px(32),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|text| {
                text.spawn((
                    PagePart::Heading,
                    label(&empty, lang, 64.0, palette::ACCENT),
                    Pickable::IGNORE,
                ));
                text.spawn((
                    PagePart::Text,
                    label(&empty, lang, 38.0, palette::TEXT),
                    Pickable::IGNORE,
                ));
            });
        });
        // Page navigation.
        body.spawn(Node {
            width: percent(100),
            height: px(TOUCH_PX + 56.0),
            padding: UiRect::axes(px(64), px(20)),
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            flex_shrink: 0.0,
            ..default()
        })
        .with_children(|nav| {
            nav.spawn((ui_button(&ui::PREVIOUS, lang, false), PageStep(-1)))
                .observe(turn);
            nav.spawn(Node {
                column_gap: px(22),
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|dots| {
                for i in 0..pages {
                    dots.spawn((
                        PageDot(i),
                        Node {
                            width: px(22),
                            height: px(22),
                            border_radius: BorderRadius::all(px(15)),
                            ..default()
                        },
                        BackgroundColor(palette::PANEL_HI),
                    ));
                }
                dots.spawn((PagePart::Count, plain("", 34.0, palette::TEXT_DIM)));
            });
            nav.spawn((ui_button(&ui::NEXT, lang, true), PageStep(1)))
                .observe(turn);
        });
    }
}

type PartQuery<'w, 's> = Query<
    'w,
    's,
    (
        &'static PagePart,
        Option<&'static mut Text>,
        Option<&'static mut Localized>,
        Option<&'static mut ImageNode>,
        &'static mut Node,
    ),
    Without<PageDot>,
>;

/// Shows the book's open page wherever the page area shows another.
#[allow(clippy::too_many_arguments)]
fn show_page(
    live: Res<Live<EbookParams>>,
    lang: Res<UiLang>,
    server: Option<Res<AssetServer>>,
    mut cache: ResMut<PictureCache>,
    mut areas: Query<&mut PageArea>,
    mut parts: PartQuery,
    mut dots: Query<(&PageDot, &mut Node, &mut BackgroundColor), Without<PagePart>>,
    mut steps: Query<(&PageStep, &mut Visibility)>,
) {
    let Some(run) = live.get() else { return };
    let book = run.state;
    let page_no = book.page();
    let Some(page) = run.params.pages.get(page_no) else {
        return;
    };
    let mut changed = false;
    for mut area in &mut areas {
        if area.shown != Some(page_no) {
            area.shown = Some(page_no);
            changed = true;
        }
    }
    if !changed {
        return;
    }
    let picture = cache.get(server.as_deref(), &page.picture);
    // Warm the cache for the next page so that turning is instant.
    if let Some(next) = run.params.pages.get(page_no + 1) {
        cache.get(server.as_deref(), &next.picture);
    }
    let count = format!("{} / {}", page_no + 1, book.pages());
    for (part, text, loc, image, mut node) in &mut parts {
        let words = match part {
            PagePart::Heading => Some(page.heading.clone()),
            PagePart::Text => Some(page.text.clone()),
            PagePart::CaptionText => Some(page.caption.clone().unwrap_or_default()),
            PagePart::Count => {
                if let Some(mut t) = text {
                    t.0 = count.clone();
                }
                continue;
            }
            PagePart::Caption => {
                node.display = if page.caption.is_some() {
                    Display::Flex
                } else {
                    Display::None
                };
                continue;
            }
            PagePart::Picture => {
                if let (Some(mut img), Some(h)) = (image, picture.clone()) {
                    img.image = h;
                }
                continue;
            }
        };
        if let (Some(mut t), Some(mut l), Some(w)) = (text, loc, words) {
            relabel(&mut t, &mut l, &w, lang.0);
        }
    }
    for (dot, mut node, mut bg) in &mut dots {
        let on = dot.0 == page_no;
        let size = if on { 30.0 } else { 22.0 };
        node.width = px(size);
        node.height = px(size);
        bg.0 = if on {
            palette::ACCENT
        } else {
            palette::PANEL_HI
        };
    }
    for (step, mut vis) in &mut steps {
        let hidden = if step.0 < 0 {
            page_no == 0
        } else {
            page_no + 1 >= book.pages()
        };
        *vis = if hidden {
            Visibility::Hidden
        } else {
            Visibility::Inherited
        };
    }
}

fn turn(
    click: On<Pointer<Click>>,
    steps: Query<&PageStep>,
    mut live: ResMut<Live<EbookParams>>,
    mut sound: MessageWriter<PlaySound>,
) {
    let (Ok(PageStep(step)), Some(book)) = (steps.get(click.entity), live.state_mut()) else {
        return;
    };
    let turned = if *step > 0 {
        book.next_page()
    } else {
        book.previous_page()
    };
    if turned {
        sound.write(PlaySound(UiSound::PageTurn));
    }
}

fn swipe(
    end: On<Pointer<DragEnd>>,
    windows: Query<&Window>,
    mut live: ResMut<Live<EbookParams>>,
    mut sound: MessageWriter<PlaySound>,
) {
    let width = windows.iter().next().map(|w| w.width()).unwrap_or(1280.0);
    if let Some(book) = live.state_mut()
        && book.swipe(end.distance.x, end.distance.y, width)
    {
        sound.write(PlaySound(UiSound::PageTurn));
    }
}
