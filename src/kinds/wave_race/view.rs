//! The screen of a `WaveRace`: the map with its 100 km grid, the quake and
//! the hall, the fronts; beside it the guess buttons before the race, the
//! race clock and each runner's arrival during it, the verdict and "race
//! again" after it. Every part is spawned once; the stage of the race
//! decides which parts show.

use bevy::prelude::*;

use super::race::{Race, Runner, Stage};
use super::{RACE_P, RACE_S, RACE_SURFACE, RaceMap, WaveRaceParams};
use crate::app::exhibits::clock::clock_buttons;
use crate::app::exhibits::layout::{body_row, colour, map_labels, side_panel};
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin};
use crate::app::widgets::{
    Localized, TOUCH_PX, button, label, palette, relabel, ui_button, ui_label,
};
use crate::app::{AppSystems, UiLang};
use crate::domain::text::{Bilingual, Lang, ui};

/// The race's screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<WaveRaceParams>(app);
    app.add_systems(
        Update,
        (show_fronts, show_stage).in_set(AppSystems::Refresh),
    );
}

/// A front on the map.
#[derive(Component)]
struct FrontRing(Runner);

/// The parts of the side panel that come and go with the race's stage.
#[derive(Component, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The question and the guess buttons.
    Guess,
    /// The clock and the runners' arrivals.
    Race,
    /// Pause and speed, while the waves run.
    Clock,
    /// The verdict and "race again".
    Result,
}

/// Texts that follow the race.
#[derive(Component, Clone, Copy, PartialEq, Eq)]
enum RaceText {
    Clock,
    Runner(Runner),
    Arrival(Runner),
    Verdict,
}

fn runner_colour(r: Runner) -> Color {
    colour(match r {
        Runner::P => RACE_P,
        Runner::S => RACE_S,
        Runner::Surface => RACE_SURFACE,
    })
}

fn name(r: Runner) -> Bilingual {
    match r {
        Runner::P => ui::P_WAVE.to_bilingual(),
        Runner::S => ui::S_WAVE.to_bilingual(),
        Runner::Surface => ui::SURFACE_WAVES.to_bilingual(),
    }
}

impl RaceText {
    /// What the text says in `race` now.
    fn text(self, race: &Race) -> Bilingual {
        match self {
            RaceText::Clock => {
                let t = race.clock();
                Bilingual::new(
                    format!("地震后 {t:.0} 秒"),
                    format!("{t:.0} s after the quake"),
                )
            }
            RaceText::Runner(r) => {
                let n = name(r);
                if race.prediction == Some(r) {
                    Bilingual::new(
                        format!("{}（你的猜测）", n.zh),
                        format!("{} (your guess)", n.en),
                    )
                } else {
                    n
                }
            }
            RaceText::Arrival(r) if race.arrived(r) => Bilingual::new(
                format!("{:.1} 秒到达", race.arrival(r)),
                format!("arrives after {:.1} s", race.arrival(r)),
            ),
            RaceText::Arrival(_) => ui::ON_THE_WAY.to_bilingual(),
            RaceText::Verdict if race.guessed_right() == Some(true) => {
                ui::GUESSED_RIGHT.to_bilingual()
            }
            RaceText::Verdict => ui::GUESSED_WRONG.to_bilingual(),
        }
    }
}

impl KindView for WaveRaceParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let race = ctx.state().clone();
        let clock = ctx.run.clock;
        let map = RaceMap::new(&p);
        let (qx, qy) = map.at(p.quake.lat, p.quake.lon);
        let (hx, hy) = map.at(p.hall.lat, p.hall.lon);
        // The regional map under the race, with its towns and rivers.
        let backdrop = race.map.map(|m| (ctx.picture_node(0), m.labels(&super::race_points(&race))));
        body.spawn(body_row()).with_children(|row| {
            let mut map_node = row.spawn((
                Node {
                    height: percent(100),
                    aspect_ratio: Some(1.0),
                    flex_shrink: 0.0,
                    overflow: Overflow::clip(),
                    border_radius: BorderRadius::all(px(12)),
                    ..default()
                },
                BackgroundColor(Color::srgb_u8(0x16, 0x32, 0x4a)),
            ));
            if let Some((image, _)) = &backdrop {
                map_node.insert(image.clone());
            }
            map_node.with_children(|m| {
                if let Some((_, labels)) = &backdrop {
                    map_labels(m, labels, lang, 24.0);
                }
                // A 100 km grid gives the map its scale.
                let step = map.percent(100.0) as f32;
                let mut x = (qx as f32).rem_euclid(step);
                while x < 100.0 {
                    m.spawn(grid_line(x, true));
                    x += step;
                }
                let mut y = (qy as f32).rem_euclid(step);
                while y < 100.0 {
                    m.spawn(grid_line(y, false));
                    y += step;
                }
                for r in Runner::ALL.into_iter().rev() {
                    m.spawn((
                        FrontRing(r),
                        Visibility::Hidden,
                        Node {
                            position_type: PositionType::Absolute,
                            border: UiRect::all(px(6)),
                            border_radius: BorderRadius::all(percent(50)),
                            ..default()
                        },
                        BorderColor::all(runner_colour(r)),
                        Pickable::IGNORE,
                    ));
                }
                place(
                    m,
                    qx,
                    qy,
                    &p.quake.name,
                    Color::srgb_u8(0xe6, 0x39, 0x46),
                    lang,
                );
                place(m, hx, hy, &p.hall.name, palette::TEXT, lang);
                m.spawn((
                    Node {
                        position_type: PositionType::Absolute,
                        left: px(16),
                        bottom: px(12),
                        ..default()
                    },
                    children![label(
                        &Bilingual::new("网格：100 公里", "Grid: 100 km"),
                        lang,
                        24.0,
                        palette::TEXT_DIM
                    )],
                ));
            });
            row.spawn(side_panel(22.0)).with_children(|side| {
                side.spawn(label(&p.intro, lang, 32.0, palette::TEXT));
                side.spawn(label(
                    &Bilingual::new(
                        format!(
                            "{}到{}：{:.0} 公里，{:.1} 级",
                            p.quake.name.zh, p.hall.name.zh, race.distance_km, p.magnitude
                        ),
                        format!(
                            "{} to {}: {:.0} km, magnitude {:.1}",
                            p.quake.name.en, p.hall.name.en, race.distance_km, p.magnitude
                        ),
                    ),
                    lang,
                    30.0,
                    palette::TEXT_DIM,
                ));
                side.spawn((Part::Guess, section(22.0)))
                    .with_children(|guess| {
                        guess.spawn(ui_label(&ui::RACE_QUESTION, lang, 38.0, palette::ACCENT));
                        for r in Runner::ALL {
                            guess_button(guess, r, lang);
                        }
                    });
                side.spawn((Part::Race, section(22.0))).with_children(|running| {
                    running.spawn((
                        RaceText::Clock,
                        label(&RaceText::Clock.text(&race), lang, 40.0, palette::ACCENT),
                    ));
                    for r in Runner::ALL {
                        runner_row(running, r, &race, lang);
                    }
                    running
                        .spawn((
                            Part::Clock,
                            Node {
                                column_gap: px(14),
                                ..default()
                            },
                        ))
                        .with_children(|row| {
                            clock_buttons::<WaveRaceParams>(row, &clock, lang, true);
                        });
                });
                side.spawn((Part::Result, section(22.0)))
                    .with_children(|result| {
                        result.spawn((
                            RaceText::Verdict,
                            label(&RaceText::Verdict.text(&race), lang, 38.0, palette::ACCENT),
                        ));
                        result.spawn(ui_label(&ui::RACE_EXPLAIN, lang, 30.0, palette::TEXT));
                        result.spawn(ui_button(&ui::RACE_AGAIN, lang, true)).observe(
                            |_: On<Pointer<Click>>, mut live: ResMut<Live<WaveRaceParams>>| {
                                if let Some(race) = live.state_mut() {
                                    race.restart();
                                }
                            },
                        );
                    });
            });
        });
    }
}

fn section(gap: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(gap),
        ..default()
    }
}

fn guess_button(parent: &mut ChildSpawnerCommands, r: Runner, lang: Lang) {
    parent
        .spawn((button(&name(r), lang, false), BorderColor::all(runner_colour(r))))
        .insert(Node {
            min_height: px(TOUCH_PX),
            padding: UiRect::axes(px(28), px(12)),
            border: UiRect::left(px(16)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border_radius: BorderRadius::all(px(TOUCH_PX / 2.0)),
            ..default()
        })
        .observe(
            move |_: On<Pointer<Click>>, mut live: ResMut<Live<WaveRaceParams>>| {
                if let Some(race) = live.state_mut() {
                    race.predict(r);
                }
            },
        );
}

fn runner_row(parent: &mut ChildSpawnerCommands, r: Runner, race: &Race, lang: Lang) {
    parent
        .spawn(Node {
            column_gap: px(18),
            align_items: AlignItems::Center,
            ..default()
        })
        .with_children(|row| {
            row.spawn((
                Node {
                    width: px(40),
                    height: px(40),
                    flex_shrink: 0.0,
                    border_radius: BorderRadius::all(percent(50)),
                    ..default()
                },
                BackgroundColor(runner_colour(r)),
            ));
            for (text, colour) in [
                (RaceText::Runner(r), palette::TEXT),
                (RaceText::Arrival(r), palette::TEXT_DIM),
            ] {
                row.spawn((text, label(&text.text(race), lang, 32.0, colour)));
            }
        });
}

/// The fronts on the map, where the race clock has them.
fn show_fronts(
    live: Res<Live<WaveRaceParams>>,
    mut rings: Query<(&FrontRing, &mut Node, &mut Visibility)>,
) {
    let Some(run) = live.get() else { return };
    let (race, p) = (&run.state, &run.params);
    let map = RaceMap::new(p);
    let (qx, qy) = map.at(p.quake.lat, p.quake.lon);
    for (ring, mut node, mut vis) in &mut rings {
        let r = map.percent(race.front_km(ring.0)) as f32;
        let running = race.stage != Stage::Predict;
        *vis = if running && r > 0.0 {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        };
        node.left = percent(qx as f32 - r);
        node.top = percent(qy as f32 - r);
        node.width = percent(2.0 * r);
        node.height = percent(2.0 * r);
    }
}

/// The side panel's parts for the race's stage, and its texts.
fn show_stage(
    live: Res<Live<WaveRaceParams>>,
    lang: Res<UiLang>,
    mut parts: Query<(&Part, &mut Node)>,
    mut texts: Query<(&RaceText, &mut Text, &mut Localized)>,
) {
    let Some(race) = live.state() else { return };
    for (part, mut node) in &mut parts {
        let shown = match part {
            Part::Guess => race.stage == Stage::Predict,
            Part::Race => race.stage != Stage::Predict,
            Part::Clock => matches!(race.stage, Stage::Running(_)),
            Part::Result => race.guessed_right().is_some(),
        };
        let display = if shown { Display::Flex } else { Display::None };
        if node.display != display {
            node.display = display;
        }
    }
    for (which, mut text, mut loc) in &mut texts {
        relabel(&mut text, &mut loc, &which.text(race), lang.0);
    }
}

fn grid_line(at: f32, vertical: bool) -> impl Bundle {
    let node = if vertical {
        Node {
            position_type: PositionType::Absolute,
            left: percent(at),
            width: px(2),
            height: percent(100),
            ..default()
        }
    } else {
        Node {
            position_type: PositionType::Absolute,
            top: percent(at),
            height: px(2),
            width: percent(100),
            ..default()
        }
    };
    (
        node,
        BackgroundColor(Color::srgba(1.0, 1.0, 1.0, 0.07)),
        Pickable::IGNORE,
    )
}

fn place(m: &mut ChildSpawnerCommands, x: f64, y: f64, name: &Bilingual, dot: Color, lang: Lang) {
    // Names right of their dot, or left of it in the map's right half.
    let flip = x > 55.0;
    m.spawn((
        Node {
            position_type: PositionType::Absolute,
            left: if flip { auto() } else { percent(x as f32) },
            right: if flip {
                percent(100.0 - x as f32)
            } else {
                auto()
            },
            top: percent(y as f32),
            margin: if flip {
                UiRect::new(px(0), px(-14), px(-14), px(0))
            } else {
                UiRect::new(px(-14), px(0), px(-14), px(0))
            },
            flex_direction: if flip {
                FlexDirection::RowReverse
            } else {
                FlexDirection::Row
            },
            column_gap: px(10),
            align_items: AlignItems::Center,
            ..default()
        },
        Pickable::IGNORE,
    ))
    .with_children(|p| {
        p.spawn((
            Node {
                width: px(28),
                height: px(28),
                flex_shrink: 0.0,
                border_radius: BorderRadius::all(percent(50)),
                ..default()
            },
            BackgroundColor(dot),
        ));
        p.spawn(label(name, lang, 30.0, palette::TEXT));
    });
}
