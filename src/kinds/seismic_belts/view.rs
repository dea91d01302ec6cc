//! The screen of a `SeismicBelts`: the globe (turn, zoom, tap a quake)
//! with the hall's city and the chosen quake marked over it; beside it the
//! year and its scrubber, play, the magnitude filter, the chosen quake's
//! facts, the legend and the data's credit.

use bevy::prelude::*;

use super::belts::{GLOBE_SIZE, YEARS, colours};
use super::{SeismicBeltsParams, picture, texts};
use crate::app::exhibits::layout::{body_row, colour, picture_frame, side_panel, swatch};
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin};
use crate::app::globe::{globe_node, globe_plugin};
use crate::app::widgets::{
    Lit, Localized, Slider, chip, label, palette, plain, relabel, spawn_slider, ui_label,
};
use crate::app::{AppSystems, UiLang};
use crate::domain::text::Bilingual;

/// The belts' screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<SeismicBeltsParams>(app);
    globe_plugin::<SeismicBeltsParams>(app);
    app.add_systems(Update, follow_slider.in_set(AppSystems::Update))
        .add_systems(Update, (show_years, place_marks).in_set(AppSystems::Refresh));
}

#[derive(Component)]
struct YearSlider;

#[derive(Component)]
struct YearText;

#[derive(Component, Clone, Copy)]
enum Readout {
    Count,
    Chosen,
}

#[derive(Component)]
struct MagnitudeChoice(f64);

#[derive(Component)]
struct PlayYears;

/// A mark over the globe.
#[derive(Component, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Home,
    Chosen,
}

fn year_fraction(y: f64) -> f32 {
    ((y - YEARS.0) / (YEARS.1 - YEARS.0)) as f32
}

fn mark_node() -> Node {
    Node {
        position_type: PositionType::Absolute,
        ..default()
    }
}

impl KindView for SeismicBeltsParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let s = ctx.state();
        let year = s.year;
        let min_mag = s.min_magnitude;
        let home = s.home.0.clone();
        body.spawn(body_row()).with_children(|row| {
            globe_node::<SeismicBeltsParams>(
                row,
                picture::TEXTURE,
                picture_frame(GLOBE_SIZE.0 as f32 / GLOBE_SIZE.1 as f32),
            )
            .with_children(|g| {
                // The hall's city: a white dot and its name.
                g.spawn((Mark::Home, mark_node(), Pickable::IGNORE, Visibility::Hidden))
                    .with_children(|m| {
                        m.spawn((
                            Node {
                                width: px(16),
                                height: px(16),
                                margin: UiRect::new(px(-8), px(0), px(-8), px(0)),
                                border: UiRect::all(px(3)),
                                border_radius: BorderRadius::MAX,
                                ..default()
                            },
                            BackgroundColor(Color::WHITE),
                            BorderColor::all(Color::BLACK),
                        ));
                        m.spawn((
                            Node {
                                margin: UiRect::left(px(6)),
                                top: px(-16),
                                ..default()
                            },
                            children![label(&home, lang, 22.0, Color::WHITE)],
                        ));
                    });
                // The chosen quake: a ring round its dot.
                g.spawn((
                    Mark::Chosen,
                    mark_node(),
                    Pickable::IGNORE,
                    Visibility::Hidden,
                    children![(
                        Node {
                            width: px(40),
                            height: px(40),
                            margin: UiRect::new(px(-20), px(0), px(-20), px(0)),
                            border: UiRect::all(px(4)),
                            border_radius: BorderRadius::MAX,
                            ..default()
                        },
                        BorderColor::all(Color::WHITE),
                    )],
                ));
            });
            row.spawn(side_panel(10.0)).with_children(|side| {
                side.spawn(label(&p.intro, lang, 22.0, palette::TEXT));
                side.spawn(Node {
                    align_items: AlignItems::Baseline,
                    column_gap: px(18),
                    ..default()
                })
                .with_children(|r| {
                    r.spawn((YearText, plain(format!("{:.0}", year.floor()), 48.0, palette::ACCENT)));
                    r.spawn((Readout::Count, label(&Bilingual::new("", ""), lang, 22.0, palette::TEXT)));
                });
                side.spawn(Node {
                    width: percent(100),
                    ..default()
                })
                .with_children(|r| spawn_slider(r, year_fraction(year), YearSlider));
                side.spawn(Node {
                    column_gap: px(10),
                    row_gap: px(8),
                    flex_wrap: FlexWrap::Wrap,
                    align_items: AlignItems::Center,
                    ..default()
                })
                .with_children(|r| {
                    r.spawn((chip(&texts::PLAY_YEARS.to_bilingual(), lang, false), PlayYears))
                        .observe(|_: On<Pointer<Click>>, mut live: ResMut<Live<SeismicBeltsParams>>| {
                            if let Some(s) = live.state_mut() {
                                s.play();
                            }
                        });
                    for &m in &p.magnitudes {
                        let m = m as f64;
                        let t = Bilingual::new(format!("{m}级以上"), format!("M{m}+"));
                        r.spawn((chip(&t, lang, m == min_mag), MagnitudeChoice(m)))
                            .observe(choose_magnitude);
                    }
                });
                side.spawn((
                    Node {
                        padding: UiRect::all(px(12)),
                        border_radius: BorderRadius::all(px(12)),
                        min_height: px(96),
                        ..default()
                    },
                    BackgroundColor(palette::PANEL),
                ))
                .with_children(|c| {
                    c.spawn((
                        Readout::Chosen,
                        ui_label(&texts::TAP_A_QUAKE, lang, 22.0, palette::TEXT),
                    ));
                });
                side.spawn(Node {
                    flex_wrap: FlexWrap::Wrap,
                    column_gap: px(16),
                    row_gap: px(2),
                    ..default()
                })
                .with_children(|legend| {
                    for (c, t) in [
                        (colours::SPREADING, texts::SPREADING),
                        (colours::TRANSFORM, texts::TRANSFORM),
                        (colours::CONVERGING, texts::CONVERGING),
                        (colours::SHALLOW, texts::SHALLOW),
                        (colours::INTERMEDIATE, texts::INTERMEDIATE),
                        (colours::DEEP, texts::DEEP),
                    ] {
                        swatch(legend, colour(c), &t.to_bilingual(), lang, 17.0);
                    }
                });
                side.spawn(ui_label(&texts::BELTS, lang, 18.0, palette::TEXT_DIM));
                side.spawn(Node {
                    flex_grow: 1.0,
                    ..default()
                });
                side.spawn(ui_label(&texts::CREDIT, lang, 13.0, palette::TEXT_DIM));
            });
        });
    }
}

fn choose_magnitude(
    click: On<Pointer<Click>>,
    choices: Query<&MagnitudeChoice>,
    mut live: ResMut<Live<SeismicBeltsParams>>,
) {
    if let (Ok(c), Some(s)) = (choices.get(click.entity), live.state_mut()) {
        s.set_min_magnitude(c.0);
    }
}

/// The visitor drags the years: they stop playing and follow the finger.
fn follow_slider(
    sliders: Query<&Slider, (With<YearSlider>, Changed<Slider>)>,
    mut live: ResMut<Live<SeismicBeltsParams>>,
) {
    let Some(s) = live.state_mut() else { return };
    for sl in &sliders {
        if (year_fraction(s.year) - sl.value).abs() > 1e-4 {
            s.playing = false;
            s.set_year(YEARS.0 + sl.value as f64 * (YEARS.1 - YEARS.0));
        }
    }
}

#[allow(clippy::type_complexity)]
fn show_years(
    live: Res<Live<SeismicBeltsParams>>,
    lang: Res<UiLang>,
    mut sliders: Query<&mut Slider, With<YearSlider>>,
    mut year: Query<&mut Text, (With<YearText>, Without<Readout>)>,
    mut readouts: Query<(&Readout, &mut Text, &mut Localized), Without<YearText>>,
    mut chips: Query<(&MagnitudeChoice, &mut Lit)>,
    mut play: Query<&mut Lit, (With<PlayYears>, Without<MagnitudeChoice>)>,
) {
    let Some(s) = live.state() else { return };
    for mut sl in &mut sliders {
        let v = year_fraction(s.year);
        if (sl.value - v).abs() > 1e-4 {
            sl.value = v;
        }
    }
    let y = format!("{:.0}", s.year.floor().min(YEARS.1 - 1.0));
    for mut t in &mut year {
        if t.0 != y {
            t.0 = y.clone();
        }
    }
    let n = s.shown_count();
    for (r, mut t, mut l) in &mut readouts {
        let new = match r {
            Readout::Count => Bilingual::new(
                format!("{} {n} {}", texts::SINCE.zh, texts::QUAKES_SHOWN.zh),
                format!("{n} {} {}", texts::QUAKES_SHOWN.en, texts::SINCE.en),
            ),
            Readout::Chosen => match s.chosen.and_then(|i| s.describe(i)) {
                Some(d) => d,
                None => texts::TAP_A_QUAKE.to_bilingual(),
            },
        };
        relabel(&mut t, &mut l, &new, lang.0);
    }
    for (c, mut lit) in &mut chips {
        let on = c.0 == s.min_magnitude;
        if lit.0 != on {
            lit.0 = on;
        }
    }
    for mut lit in &mut play {
        if lit.0 != s.playing {
            lit.0 = s.playing;
        }
    }
}

/// Puts the marks over the points of the globe they mark, hidden when the
/// points are on the far side.
fn place_marks(
    live: Res<Live<SeismicBeltsParams>>,
    mut marks: Query<(&Mark, &mut Node, &mut Visibility)>,
) {
    let Some(s) = live.state() else { return };
    let v = s.globe.view();
    let (w, h) = (s.globe.size.0 as f64, s.globe.size.1 as f64);
    for (m, mut node, mut vis) in &mut marks {
        let at = match m {
            Mark::Home => Some((s.home.1, s.home.2)),
            Mark::Chosen => s.chosen.map(|i| (s.quakes[i].lat, s.quakes[i].lon)),
        };
        let pos = at.and_then(|(lat, lon)| v.project_lat_lon(lat, lon));
        let want = if pos.is_some() { Visibility::Inherited } else { Visibility::Hidden };
        if *vis != want {
            *vis = want;
        }
        if let Some((x, y)) = pos {
            let (l, t) = (percent((x / w * 100.0) as f32), percent((y / h * 100.0) as f32));
            if node.left != l || node.top != t {
                node.left = l;
                node.top = t;
            }
        }
    }
}
