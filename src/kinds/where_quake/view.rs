//! The screen of "Where was the quake?": on a round to read, the stations'
//! records one above the other (drag each S flag; P is marked), then the
//! regional map with the stations, their circles and the pin to drag to
//! where the circles meet; beside it what to do, each station's S−P and
//! distance, the hint and "check", then the stars, the true epicentre and
//! the engine's location, and at the end the stars of the visit. Spawned
//! once; the stage decides which parts show.

use bevy::prelude::*;

use super::game::{Game, MAX_STATIONS, STATION_COLOURS, STRIP_H, STRIP_W, Stage};
use super::texts as t;
use super::{Difficulty, WhereQuakeParams};
use crate::app::exhibits::layout::{scale_label, 
    beside_point, body_row, colour, map_labels, picture_frame, side_panel,
};
use crate::app::exhibits::puzzle::{
    Follow, LitWhile, Show, ShownWhile, act, at_finger, button_saying, buttons_row, column,
    puzzle_plugin, says,
};
use crate::app::exhibits::{BodyCtx, KindView, observe_lift};
use crate::app::widgets::{label, palette, ui_button, ui_label};
use crate::domain::text::{Bilingual, Lang};

/// The puzzle's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<WhereQuakeParams, Says, Part>(app);
}

/// The map's picture, which takes the pin.
#[derive(Component)]
pub struct MapPicture;

/// Station `i`'s record, which takes its S flag.
#[derive(Component, Clone, Copy)]
pub struct RecordPicture(pub usize);

/// The "draw the circles" button.
#[derive(Component)]
pub struct CirclesButton;

/// The "check" button, lit once the pin is down.
#[derive(Component)]
pub struct CheckButton;

/// The "next quake" (or "see your stars") button.
#[derive(Component)]
pub struct NextButton;

/// Parts that come and go with the stage, and buttons lit when they can act.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Map,
    Records,
    Reading,
    Placing,
    Checked,
    Finished,
    /// Station `i`'s row (record or S−P line), while the round has it.
    Station(usize),
    /// A station's name on the map, shown on its round.
    OnMap(usize),
    /// Every S is read.
    CanDrawCircles,
    /// The pin is down.
    CanCheck,
}

impl Show<Game> for Part {
    fn shown(self, g: &Game) -> bool {
        match self {
            Part::Map => g.stage != Stage::Reading,
            Part::Records | Part::Reading => g.stage == Stage::Reading,
            Part::Placing => g.stage == Stage::Placing,
            Part::Checked => g.stage == Stage::Checked,
            Part::Finished => g.stage == Stage::Finished,
            Part::Station(i) => i < g.round().stations.len(),
            Part::OnMap(k) => k == g.current,
            Part::CanDrawCircles => g.can_draw_circles(),
            Part::CanCheck => g.can_check(),
        }
    }
}

/// Texts that follow the game.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Round,
    Hint,
    /// Station `i`'s name and S−P, beside its record and in the list.
    Station(usize),
    Verdict,
    Engine,
    Stars,
    NextButton,
}

fn stars_text(n: u32) -> &'static str {
    ["☆☆☆", "★☆☆", "★★☆", "★★★"][n.min(3) as usize]
}

impl Follow<Game> for Says {
    fn text(self, g: &Game) -> Bilingual {
        let r = g.round();
        match self {
            Says::Round => {
                let d = match r.difficulty {
                    Difficulty::Easy => &t::EASY,
                    Difficulty::Medium => &t::MEDIUM,
                };
                let (i, n) = (g.current + 1, g.rounds.len());
                Bilingual::new(
                    format!("第 {i}/{n} 个地震：{}", d.zh),
                    format!("Quake {i} of {n}: {}", d.en),
                )
            }
            Says::Hint => match (g.stage, g.hints) {
                (Stage::Reading, 0) => t::READ_HOW.to_bilingual(),
                (Stage::Reading, 1) => t::READ_WHY.to_bilingual(),
                (Stage::Reading, _) => Bilingual::new(
                    format!("{}{}", t::READ_WHY.zh, t::LOOK_HERE.zh),
                    format!("{} {}", t::READ_WHY.en, t::LOOK_HERE.en),
                ),
                (_, 0) => t::PLACE_HOW.to_bilingual(),
                (_, 1) => t::PLACE_WHY.to_bilingual(),
                _ => Bilingual::new(
                    format!("{}{}", t::PLACE_WHY.zh, t::CIRCLES_MEET.zh),
                    format!("{} {}", t::PLACE_WHY.en, t::CIRCLES_MEET.en),
                ),
            },
            Says::Station(i) => match r.stations.get(i) {
                None => Bilingual::new("", ""),
                Some(s) => {
                    let sp = match g.stage {
                        Stage::Reading => s.read_sp(),
                        _ => s.read_sp().or(Some(s.sp_s)).filter(|_| s.radius_km.is_some()),
                    };
                    let sp = sp.or((r.difficulty == Difficulty::Easy).then_some(s.sp_s));
                    match (sp, s.radius_km.filter(|_| g.stage != Stage::Reading)) {
                        (Some(sp), Some(km)) => Bilingual::new(
                            format!("▲ {}：S−P {sp:.1} 秒 → {km:.0} 公里", s.name.zh),
                            format!("▲ {}: S−P {sp:.1} s → {km:.0} km", s.name.en),
                        ),
                        (Some(sp), None) => Bilingual::new(
                            format!("▲ {}：S−P {sp:.1} 秒", s.name.zh),
                            format!("▲ {}: S−P {sp:.1} s", s.name.en),
                        ),
                        _ => Bilingual::new(
                            format!("▲ {}：S−P ?", s.name.zh),
                            format!("▲ {}: S−P ?", s.name.en),
                        ),
                    }
                }
            },
            Says::Verdict => match &g.verdict {
                Some(v) => {
                    let praise = match v.stars {
                        3 => &t::SPOT_ON,
                        2 => &t::CLOSE,
                        1 => &t::NEARLY,
                        _ => &t::SEE_STAR,
                    };
                    Bilingual::new(
                        format!(
                            "{} 你的图钉离震中 {:.0} 公里。{}",
                            stars_text(v.stars),
                            v.error_km,
                            praise.zh
                        ),
                        format!(
                            "{} Your pin is {:.0} km from the epicentre. {}",
                            stars_text(v.stars),
                            v.error_km,
                            praise.en
                        ),
                    )
                }
                None => Bilingual::new("", ""),
            },
            Says::Engine => match (&r.solution, g.verdict.and_then(|v| v.engine_error_km)) {
                (Some(sol), Some(off)) => {
                    let u = sol.uncertainty.latitude_km.max(sol.uncertainty.longitude_km);
                    Bilingual::new(
                        format!(
                            "电脑用所有P波和S波的到达时间算出的位置（白圈）离震中 {off:.1} 公里，误差约 ±{u:.1} 公里，深度 {:.0} 公里。",
                            sol.depth_km
                        ),
                        format!(
                            "The computer, from every P and S arrival time, puts it (white ring) {off:.1} km from the epicentre, give or take {u:.1} km, {:.0} km deep.",
                            sol.depth_km
                        ),
                    )
                }
                _ => Bilingual::new("", ""),
            },
            Says::Stars => Bilingual::new(
                format!("你得到了 {} 颗星（共 {} 颗）！", g.total_stars, g.max_stars()),
                format!("You won {} of {} stars!", g.total_stars, g.max_stars()),
            ),
            Says::NextButton => {
                if g.current + 1 < g.rounds.len() {
                    t::NEXT_QUAKE.to_bilingual()
                } else {
                    t::SEE_STARS.to_bilingual()
                }
            }
        }
    }
}

fn station_colour(i: usize) -> Color {
    colour(STATION_COLOURS[i % MAX_STATIONS])
}

impl KindView for WhereQuakeParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let intro = ctx.params().intro.clone();
        let g = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            // The map, with the names of its towns, rivers and stations.
            let mut map = row.spawn((
                ShownWhile(Part::Map),
                MapPicture,
                ctx.picture_node(0),
                picture_frame(1.0),
            ));
            map.observe(at_finger::<WhereQuakeParams, Press>(|g, f| {
                g.map_press(f.x as f64, f.y as f64)
            }))
            .observe(at_finger::<WhereQuakeParams, Drag>(|g, f| {
                g.map_drag(f.x as f64, f.y as f64)
            }));
            observe_lift::<WhereQuakeParams>(&mut map, |run, _, _| run.state.map_release());
            map.with_children(|m| {
                map_labels(m, &g.labels, lang, 26.0);
                for (k, r) in g.rounds.iter().enumerate() {
                    m.spawn((
                        ShownWhile(Part::OnMap(k)),
                        Node {
                            position_type: PositionType::Absolute,
                            width: percent(100),
                            height: percent(100),
                            ..default()
                        },
                        Pickable::IGNORE,
                    ))
                    .with_children(|n| station_names(n, g, &r.stations, lang));
                }
                scale_label(m, g.scale_bar(), &t::SCALE, lang, 24.0);
            });
            // The records, one per station, P at the same place on each.
            row.spawn((
                ShownWhile(Part::Records),
                Node {
                    width: percent(60),
                    height: percent(100),
                    flex_shrink: 0.0,
                    flex_direction: FlexDirection::Column,
                    row_gap: px(10),
                    ..default()
                },
            ))
            .with_children(|recs| {
                for i in 0..MAX_STATIONS {
                    let mut rec = recs.spawn((
                        ShownWhile(Part::Station(i)),
                        RecordPicture(i),
                        ctx.picture_node(1 + i),
                        Node {
                            width: percent(100),
                            aspect_ratio: Some(STRIP_W as f32 / STRIP_H as f32),
                            flex_shrink: 1.0,
                            min_height: px(0),
                            border_radius: BorderRadius::all(px(10)),
                            ..default()
                        },
                    ));
                    let w = STRIP_W as f32;
                    rec.observe(at_finger::<WhereQuakeParams, Press>(move |g, f| {
                        g.strip_press(i, f.x * w, w)
                    }))
                    .observe(at_finger::<WhereQuakeParams, Drag>(move |g, f| {
                        g.strip_drag(i, f.x * w, w)
                    }));
                    observe_lift::<WhereQuakeParams>(&mut rec, |run, _, _| {
                        run.state.strip_release()
                    });
                    rec.with_children(|r| {
                        r.spawn((
                            Node {
                                position_type: PositionType::Absolute,
                                left: px(14),
                                top: px(6),
                                ..default()
                            },
                            Pickable::IGNORE,
                            children![(
                                says(Says::Station(i), g, lang, 26.0, station_colour(i)),
                                Pickable::IGNORE
                            )],
                        ));
                    });
                }
            });
            row.spawn(side_panel(16.0)).with_children(|side| {
                side.spawn(says(Says::Round, g, lang, 28.0, palette::TEXT_DIM));
                side.spawn((ShownWhile(Part::Reading), column(16.0))).with_children(|p| {
                    p.spawn(label(&intro, lang, 28.0, palette::TEXT));
                    p.spawn(says(Says::Hint, g, lang, 30.0, palette::ACCENT));
                    p.spawn(buttons_row()).with_children(|b| {
                        b.spawn((
                            CirclesButton,
                            LitWhile(Part::CanDrawCircles),
                            ui_button(&t::DRAW_CIRCLES, lang, g.can_draw_circles()),
                        ))
                            .observe(act::<WhereQuakeParams>(Game::draw_circles));
                        b.spawn(ui_button(&t::HINT, lang, false)).observe(act::<WhereQuakeParams>(Game::hint));
                    });
                });
                side.spawn((ShownWhile(Part::Placing), column(16.0))).with_children(|p| {
                    p.spawn(label(&intro, lang, 26.0, palette::TEXT));
                    p.spawn(says(Says::Hint, g, lang, 28.0, palette::ACCENT));
                    for i in 0..MAX_STATIONS {
                        p.spawn((
                            ShownWhile(Part::Station(i)),
                            says(Says::Station(i), g, lang, 28.0, station_colour(i)),
                        ));
                    }
                    p.spawn(buttons_row()).with_children(|b| {
                        b.spawn((
                            CheckButton,
                            LitWhile(Part::CanCheck),
                            ui_button(&t::CHECK, lang, g.can_check()),
                        ))
                            .observe(act::<WhereQuakeParams>(Game::check));
                        b.spawn(ui_button(&t::HINT, lang, false)).observe(act::<WhereQuakeParams>(Game::hint));
                    });
                });
                side.spawn((ShownWhile(Part::Checked), column(16.0))).with_children(|c| {
                    c.spawn(says(Says::Verdict, g, lang, 34.0, palette::TEXT));
                    c.spawn(says(Says::Engine, g, lang, 26.0, palette::TEXT_DIM));
                    c.spawn(ui_label(&t::LEGEND, lang, 24.0, palette::TEXT_DIM));
                    c.spawn((NextButton, button_saying(Says::NextButton, g, lang)))
                        .observe(act::<WhereQuakeParams>(Game::next));
                });
                side.spawn((ShownWhile(Part::Finished), column(16.0))).with_children(|f| {
                    f.spawn(says(Says::Stars, g, lang, 40.0, palette::ACCENT));
                    f.spawn(ui_label(&t::NETWORK, lang, 30.0, palette::TEXT));
                    f.spawn(ui_button(&t::PLAY_AGAIN, lang, true))
                        .observe(act::<WhereQuakeParams>(Game::restart));
                });
            });
        });
    }
}

/// The stations' names over the map, beside their triangles.
fn station_names(m: &mut ChildSpawnerCommands, g: &Game, stations: &[super::game::Station], lang: Lang) {
    for (i, s) in stations.iter().enumerate() {
        let (fx, fy) = g.frame.at(s.lat, s.lon);
        let mut node = beside_point(fx, fy, 24.0, 4.0);
        node.padding = UiRect::axes(px(8), px(2));
        node.border_radius = BorderRadius::all(px(8));
        m.spawn((
            node,
            BackgroundColor(palette::BACKGROUND.with_alpha(0.75)),
            Pickable::IGNORE,
            children![(label(&s.name, lang, 28.0, station_colour(i)), Pickable::IGNORE)],
        ));
    }
}
