//! `WaveRace` ("The wave race"): the visitor guesses which wave reaches the
//! hall first, then P, S and surface-wave fronts spread on a map from the
//! quake at the speeds the travel times give, and each arrival time at the
//! hall is shown.

use bevy::prelude::*;

use super::live::{BuiltFrom, OpenExhibit, body_row, clock_buttons, forget_on_leave};
use crate::app::hall::RebuildScreen;
use crate::app::screens::ScreenCtx;
use crate::app::widgets::{Localized, TOUCH_PX, button, label, palette, ui_button, ui_label};
use crate::app::{AppSystems, UiLang};
use crate::domain::art::canvas::Rgba;
use crate::domain::art::pictures::{RACE_P, RACE_S, RACE_SURFACE};
use crate::domain::exhibit::clock::ExhibitClock;
use crate::domain::exhibit::race::{Race, Runner, Stage};
use crate::domain::physics::geo::{distance_deg, km_per_deg};
use crate::domain::physics::taup::TauModel;
use crate::domain::scene::{ExhibitKind, WaveRaceParams};
use crate::domain::text::{Bilingual, Lang, ui};

/// The race being run, kept across redraws and dropped on leaving.
#[derive(Resource, Default)]
pub struct RaceSim {
    built: BuiltFrom<WaveRaceParams>,
    /// The race.
    pub race: Option<Race>,
    /// How many runners had arrived when the screen was last drawn.
    arrived_drawn: usize,
    /// Play, pause and speed (at the scene's `speedup`).
    pub clock: ExhibitClock,
}

/// A front on the map.
#[derive(Component)]
struct FrontRing(Runner);

/// The race clock's text.
#[derive(Component)]
struct RaceClock;

fn colour(r: Runner) -> Color {
    let c: Rgba = match r {
        Runner::P => RACE_P,
        Runner::S => RACE_S,
        Runner::Surface => RACE_SURFACE,
    };
    Color::srgb_u8(c.0, c.1, c.2)
}

fn name(r: Runner) -> Bilingual {
    match r {
        Runner::P => ui::P_WAVE.to_bilingual(),
        Runner::S => ui::S_WAVE.to_bilingual(),
        Runner::Surface => ui::SURFACE_WAVES.to_bilingual(),
    }
}

fn clock_text(t: f64) -> Bilingual {
    Bilingual::new(
        format!("地震后 {t:.0} 秒"),
        format!("{t:.0} s after the quake"),
    )
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<RaceSim>().add_systems(
        Update,
        (run, show_fronts).chain().in_set(AppSystems::Update),
    );
    forget_on_leave::<RaceSim>(app);
}

/// A race for the scene, or `None` if its model or places give none.
pub fn race_for(p: &WaveRaceParams) -> Option<Race> {
    let tau = TauModel::shared(&p.model)?;
    let source = tau.source(p.depth_km);
    Race::new(
        &source,
        (p.quake.lat, p.quake.lon),
        (p.hall.lat, p.hall.lon),
    )
}

fn run(
    open: OpenExhibit,
    time: Res<Time>,
    opts: Option<Res<crate::app::HallOptions>>,
    mut sim: ResMut<RaceSim>,
    mut rebuild: ResMut<RebuildScreen>,
) {
    let Some((id, params)) = open.scene(|k| match k {
        ExhibitKind::WaveRace(p) => Some(p),
        _ => None,
    }) else {
        return;
    };
    if sim.built.needs_build(id, params) {
        sim.race = race_for(params);
        sim.arrived_drawn = 0;
        sim.clock = ExhibitClock::new(params.speedup as f64);
        // `quakehall shot --open N` starts the race with guess N.
        if let (Some(race), Some(n)) = (sim.race.as_mut(), opts.and_then(|o| o.shot_open())) {
            race.predict(Runner::ALL[n.clamp(1, 3) - 1]);
        }
        rebuild.0 = true;
    }
    let RaceSim {
        race,
        arrived_drawn,
        clock,
        ..
    } = &mut *sim;
    let Some(race) = race.as_mut() else { return };
    race.advance(clock.story_seconds(time.delta_secs_f64()));
    let arrived = Runner::ALL.iter().filter(|r| race.arrived(**r)).count();
    if arrived != *arrived_drawn {
        *arrived_drawn = arrived;
        rebuild.0 = true;
    }
}

fn show_fronts(
    sim: Res<RaceSim>,
    lang: Res<UiLang>,
    mut rings: Query<(&FrontRing, &mut Node, &mut Visibility)>,
    mut clocks: Query<(&mut Text, &mut Localized), With<RaceClock>>,
) {
    let (Some(race), Some(p)) = (sim.race.as_ref(), sim.built.params()) else {
        return;
    };
    let map = MapFrame::new(p);
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
    let text = clock_text(race.clock());
    for (mut t, mut l) in &mut clocks {
        let s = text.get(lang.0);
        if t.0 != s {
            t.0 = s.to_owned();
            l.0 = text.clone();
        }
    }
}

/// The square map around the quake and the hall, in km from its centre.
struct MapFrame {
    lat0: f64,
    lon0: f64,
    half_km: f64,
}

impl MapFrame {
    fn new(p: &WaveRaceParams) -> Self {
        let km = distance_deg(p.quake.lat, p.quake.lon, p.hall.lat, p.hall.lon) * km_per_deg();
        Self {
            lat0: (p.quake.lat + p.hall.lat) / 2.0,
            lon0: (p.quake.lon + p.hall.lon) / 2.0,
            half_km: (km * 0.8).max(60.0),
        }
    }

    /// Where a place is, in percent of the map from its top left.
    fn at(&self, lat: f64, lon: f64) -> (f64, f64) {
        let k = km_per_deg();
        let x = (lon - self.lon0) * self.lat0.to_radians().cos() * k;
        let y = (lat - self.lat0) * k;
        (50.0 + self.percent(x), 50.0 - self.percent(y))
    }

    /// A length in percent of the map's side.
    fn percent(&self, km: f64) -> f64 {
        km / (2.0 * self.half_km) * 100.0
    }
}

/// Draws the race screen.
pub fn draw(commands: &mut Commands, body: Entity, p: &WaveRaceParams, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let map = MapFrame::new(p);
    let (qx, qy) = map.at(p.quake.lat, p.quake.lon);
    let (hx, hy) = map.at(p.hall.lat, p.hall.lon);
    // The running race lives in `RaceSim`; its stage decides what is drawn.
    let race = ctx.race.race.clone();
    commands.entity(body).with_children(|body| {
        body.spawn(body_row()).with_children(|row| {
            row.spawn((
                Node {
                    height: percent(100),
                    aspect_ratio: Some(1.0),
                    flex_shrink: 0.0,
                    overflow: Overflow::clip(),
                    border_radius: BorderRadius::all(px(12)),
                    ..default()
                },
                BackgroundColor(Color::srgb_u8(0x16, 0x32, 0x4a)),
            ))
            .with_children(|m| {
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
                        BorderColor::all(colour(r)),
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
            row.spawn(Node {
                flex_direction: FlexDirection::Column,
                flex_grow: 1.0,
                flex_shrink: 1.0,
                min_width: px(0),
                row_gap: px(22),
                ..default()
            })
            .with_children(|side| {
                side.spawn(label(&p.intro, lang, 32.0, palette::TEXT));
                if let Some(race) = &race {
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
                    stage_panel(side, race, ctx.race.clock, lang);
                }
            });
        });
    });
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
        BackgroundColor(Color::srgb_u8(0x25, 0x44, 0x5e)),
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

/// The guess buttons before the race; the clock and each runner's arrival
/// during it; the result and "race again" after it.
fn stage_panel(side: &mut ChildSpawnerCommands, race: &Race, pace: ExhibitClock, lang: Lang) {
    if race.stage == Stage::Predict {
        side.spawn(ui_label(&ui::RACE_QUESTION, lang, 38.0, palette::ACCENT));
        for r in Runner::ALL {
            side.spawn((button(&name(r), lang, false), BorderColor::all(colour(r))))
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
                    move |_: On<Pointer<Click>>,
                          mut sim: ResMut<RaceSim>,
                          mut rebuild: ResMut<RebuildScreen>| {
                        if let Some(race) = sim.race.as_mut() {
                            race.predict(r);
                            rebuild.0 = true;
                        }
                    },
                );
        }
        return;
    }
    let clock = clock_text(race.clock());
    side.spawn((label(&clock, lang, 40.0, palette::ACCENT), RaceClock));
    for r in Runner::ALL {
        let arrival = if race.arrived(r) {
            Bilingual::new(
                format!("{:.1} 秒到达", race.arrival(r)),
                format!("arrives after {:.1} s", race.arrival(r)),
            )
        } else {
            ui::ON_THE_WAY.to_bilingual()
        };
        side.spawn(Node {
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
                BackgroundColor(colour(r)),
            ));
            let mine = race.prediction == Some(r);
            let n = name(r);
            let who = if mine {
                Bilingual::new(
                    format!("{}（你的猜测）", n.zh),
                    format!("{} (your guess)", n.en),
                )
            } else {
                n
            };
            row.spawn(label(&who, lang, 32.0, palette::TEXT));
            row.spawn(label(&arrival, lang, 32.0, palette::TEXT_DIM));
        });
    }
    if matches!(race.stage, Stage::Running(_)) {
        side.spawn(Node {
            column_gap: px(14),
            ..default()
        })
        .with_children(|row| {
            clock_buttons::<RaceSim>(row, pace, lang, true, |s| &mut s.clock);
        });
    }
    if let Some(right) = race.guessed_right() {
        let verdict = if right {
            &ui::GUESSED_RIGHT
        } else {
            &ui::GUESSED_WRONG
        };
        side.spawn(ui_label(verdict, lang, 38.0, palette::ACCENT));
        side.spawn(ui_label(&ui::RACE_EXPLAIN, lang, 30.0, palette::TEXT));
        side.spawn(ui_button(&ui::RACE_AGAIN, lang, true)).observe(
            |_: On<Pointer<Click>>,
             mut sim: ResMut<RaceSim>,
             mut rebuild: ResMut<RebuildScreen>| {
                // Forgetting the scene makes `run` start a fresh race.
                sim.built.forget();
                rebuild.0 = true;
            },
        );
    }
}
