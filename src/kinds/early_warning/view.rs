//! The screen of "Early-warning countdown": the regional map with the
//! fronts, the stations, the blind zone and each city's name and
//! countdown; beside it the quakes to choose from, then the story as it
//! runs (seconds since the quake, what the network is doing, the hall's
//! own countdown, the blind zone explained, play/pause and speed), then
//! each city's warning and intensity, what to do, and "try again".

use bevy::prelude::*;

use super::countdown::{CityState, Countdown, DETECTED, LabelSide, P_COLOUR, S_COLOUR, Stage};
use super::{EarlyWarningParams, MAX_CITIES, texts as t};
use crate::app::exhibits::clock::clock_buttons;
use crate::app::exhibits::layout::{scale_label, body_row, colour, map_labels, picture_frame, side_panel, swatch};
use crate::app::exhibits::puzzle::{Follow, Says as Following, Show, ShownWhile, act, buttons_row, column, puzzle_plugin, says};
use crate::app::exhibits::{BodyCtx, KindView, Live};
use crate::app::widgets::{button, label, palette, ui_button, ui_label};
use crate::domain::physics::intensity::roman;
use crate::domain::text::Bilingual;

/// The countdown's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<EarlyWarningParams, Says, Part>(app);
}

/// Parts that come and go with the stage.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Choosing,
    Running,
    Done,
    Alerted,
    /// City `i` exists.
    City(usize),
}

impl Show<Countdown> for Part {
    fn shown(self, c: &Countdown) -> bool {
        match self {
            Part::Choosing => c.stage == Stage::Choosing,
            Part::Running => c.stage == Stage::Running,
            Part::Done => c.stage == Stage::Done,
            Part::Alerted => c.alerted(),
            Part::City(i) => i < c.cities.len(),
        }
    }
}

/// Texts that follow the story.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Quake,
    Clock,
    Status,
    Hall,
    /// City `i`'s name and countdown on the map.
    OnMap(usize),
    /// City `i`'s line of the summary.
    Summary(usize),
}

fn seconds_left(s: f64) -> u32 {
    s.max(0.0).ceil() as u32
}

impl Follow<Countdown> for Says {
    fn text(self, c: &Countdown) -> Bilingual {
        let e = c.event();
        match self {
            Says::Quake => Bilingual::new(
                format!("{}，震源深 {:.0} 公里", e.quake.name.zh, e.quake.depth_km),
                format!("{}, {:.0} km deep", e.quake.name.en, e.quake.depth_km),
            ),
            Says::Clock => Bilingual::new(format!("地震后 {:.1} 秒", c.t), format!("{:.1} s after the quake", c.t)),
            Says::Status => {
                let n = c.detected();
                if c.alerted() {
                    Bilingual::new(
                        format!("{} 震后 {:.1} 秒发出预警。", t::ALERT_OUT.zh, e.alert_s),
                        format!("{} Sent {:.1} s after the quake.", t::ALERT_OUT.en, e.alert_s),
                    )
                } else if n > 0 {
                    Bilingual::new(
                        format!("{}（{n} 个台站）", t::DETECTING.zh),
                        format!("{} ({n} stations)", t::DETECTING.en),
                    )
                } else {
                    t::WAITING_P.to_bilingual()
                }
            }
            Says::Hall => city_line(c, 0, true),
            Says::OnMap(i) => match (c.cities.get(i), c.city_state(i)) {
                (None, _) => Bilingual::new("", ""),
                (Some(city), CityState::Waiting) => city.name.clone(),
                (Some(city), CityState::Counting { seconds_left: s }) => Bilingual::new(
                    format!("{} {} 秒", city.name.zh, seconds_left(s)),
                    format!("{} {} s", city.name.en, seconds_left(s)),
                ),
                (Some(city), CityState::Shaking { degree, .. }) => Bilingual::new(
                    format!("{} 摇晃！{} 度", city.name.zh, roman(degree)),
                    format!("{} shaking! {}", city.name.en, roman(degree)),
                ),
            },
            Says::Summary(i) => city_line(c, i, false),
        }
    }
}

/// What city `i` got: its countdown while it runs (`live`), else its
/// warning and intensity.
fn city_line(c: &Countdown, i: usize, live: bool) -> Bilingual {
    let (Some(city), Some(w)) = (c.cities.get(i), c.event().cities.get(i)) else {
        return Bilingual::new("", "");
    };
    let (n_zh, n_en) = (&city.name.zh, &city.name.en);
    match c.city_state(i) {
        CityState::Counting { seconds_left: s } if live => Bilingual::new(
            format!("{n_zh}：还有 {} 秒", seconds_left(s)),
            format!("{n_en}: {} s to go", seconds_left(s)),
        ),
        CityState::Waiting if live => Bilingual::new(format!("{n_zh}：等待预警……"), format!("{n_en}: waiting for the alert…")),
        _ if w.blind() => Bilingual::new(
            format!("{n_zh}（{:.0} 公里）：在盲区里，来不及预警；烈度 {} 度", w.distance_km, roman(w.degree)),
            format!("{n_en} ({:.0} km): in the blind zone, no warning; intensity {}", w.distance_km, roman(w.degree)),
        ),
        _ => Bilingual::new(
            format!(
                "{n_zh}（{:.0} 公里）：提前 {:.0} 秒；烈度 {} 度",
                w.distance_km,
                w.warning.warning_s,
                roman(w.degree)
            ),
            format!(
                "{n_en} ({:.0} km): {:.0} s of warning; intensity {}",
                w.distance_km,
                w.warning.warning_s,
                roman(w.degree)
            ),
        ),
    }
}

/// A box for a city's name on `side` of its dot at (`fx`, `fy`): a wide
/// strip beside the dot whose content is pushed against it.
fn city_label_node(fx: f64, fy: f64, side: LabelSide) -> Node {
    let (x, y) = (100.0 * fx as f32, 100.0 * fy as f32);
    let (w, h) = (40.0, 8.0);
    let gap = 16.0;
    let mut n = Node {
        position_type: PositionType::Absolute,
        width: percent(w),
        height: percent(h),
        align_items: AlignItems::Center,
        ..default()
    };
    match side {
        LabelSide::Right => {
            n.left = percent(x);
            n.top = percent(y - h / 2.0);
            n.margin = UiRect::left(px(gap));
            n.justify_content = JustifyContent::FlexStart;
        }
        LabelSide::Left => {
            n.left = percent(x - w);
            n.top = percent(y - h / 2.0);
            n.margin = UiRect::left(px(-gap));
            n.justify_content = JustifyContent::FlexEnd;
        }
        LabelSide::Above => {
            n.left = percent(x - w / 2.0);
            n.top = percent(y - h);
            n.margin = UiRect::top(px(-gap));
            n.justify_content = JustifyContent::Center;
            n.align_items = AlignItems::FlexEnd;
        }
        LabelSide::Below => {
            n.left = percent(x - w / 2.0);
            n.top = percent(y);
            n.margin = UiRect::top(px(gap));
            n.justify_content = JustifyContent::Center;
            n.align_items = AlignItems::FlexStart;
        }
    }
    n
}

fn start(i: usize) -> impl FnMut(On<Pointer<Click>>, ResMut<Live<EarlyWarningParams>>) {
    move |_: On<Pointer<Click>>, mut live: ResMut<Live<EarlyWarningParams>>| {
        if let Some(run) = live.get_mut() {
            run.state.start(i);
            run.clock.playing = true;
        }
    }
}

impl KindView for EarlyWarningParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let clock = ctx.run.clock;
        let p = ctx.params().clone();
        let c = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            row.spawn((ctx.picture_node(0), picture_frame(1.0), Pickable::IGNORE)).with_children(|m| {
                map_labels(m, &c.labels, lang, 20.0);
                for (i, city) in c.cities.iter().enumerate().take(MAX_CITIES) {
                    let (fx, fy) = c.frame.at(city.at.0, city.at.1);
                    let side = c.label_sides.get(i).copied().unwrap_or(LabelSide::Right);
                    m.spawn((city_label_node(fx, fy, side), Pickable::IGNORE)).with_children(|n| {
                        let size = if i == 0 { 24.0 } else { 20.0 };
                        n.spawn((
                            Node {
                                padding: UiRect::axes(px(8), px(2)),
                                border_radius: BorderRadius::all(px(8)),
                                ..default()
                            },
                            BackgroundColor(palette::BACKGROUND.with_alpha(0.75)),
                            Pickable::IGNORE,
                        ))
                        .with_children(|t| {
                            t.spawn((
                                Following(Says::OnMap(i)),
                                label(&Says::OnMap(i).text(c), lang, size, Color::WHITE),
                                Pickable::IGNORE,
                            ));
                        });
                    });
                }
                scale_label(m, c.scale_bar(), &t::SCALE, lang, 20.0);
            });
            row.spawn(side_panel(12.0)).with_children(|side| {
                side.spawn((ShownWhile(Part::Choosing), column(16.0))).with_children(|s| {
                    s.spawn(label(&p.intro, lang, 26.0, palette::TEXT));
                    s.spawn(ui_label(&t::CHOOSE, lang, 26.0, palette::ACCENT));
                    for (i, e) in c.events.iter().enumerate() {
                        s.spawn(button(&e.quake.name, lang, true)).observe(start(i));
                    }
                });
                side.spawn((ShownWhile(Part::Running), column(10.0))).with_children(|s| {
                    s.spawn(says(Says::Quake, c, lang, 22.0, palette::TEXT_DIM));
                    s.spawn(says(Says::Clock, c, lang, 30.0, palette::TEXT));
                    s.spawn(says(Says::Status, c, lang, 22.0, palette::TEXT));
                    s.spawn((
                        Node {
                            padding: UiRect::all(px(12)),
                            border_radius: BorderRadius::all(px(12)),
                            width: percent(100),
                            ..default()
                        },
                        BackgroundColor(palette::PANEL),
                    ))
                    .with_children(|b| {
                        b.spawn(says(Says::Hall, c, lang, 40.0, palette::ACCENT));
                    });
                    s.spawn((ShownWhile(Part::Alerted), column(0.0))).with_children(|b| {
                        b.spawn(ui_label(&t::BLIND_ZONE, lang, 20.0, palette::TEXT_DIM));
                    });
                    s.spawn(Node {
                        flex_wrap: FlexWrap::Wrap,
                        column_gap: px(16),
                        row_gap: px(2),
                        ..default()
                    })
                    .with_children(|legend| {
                        for (col, text) in [(P_COLOUR, t::LEGEND_P), (S_COLOUR, t::LEGEND_S), (DETECTED, t::LEGEND_STATION)] {
                            swatch(legend, colour(col), &text.to_bilingual(), lang, 18.0);
                        }
                    });
                    s.spawn(buttons_row()).with_children(|b| {
                        clock_buttons::<EarlyWarningParams>(b, &clock, lang, true);
                    });
                });
                side.spawn((ShownWhile(Part::Done), column(10.0))).with_children(|s| {
                    s.spawn(says(Says::Quake, c, lang, 24.0, palette::ACCENT));
                    for i in 0..MAX_CITIES {
                        s.spawn((ShownWhile(Part::City(i)), says(Says::Summary(i), c, lang, 22.0, palette::TEXT)));
                    }
                    s.spawn(ui_label(&t::WHAT_TO_DO, lang, 22.0, palette::TEXT_DIM));
                    s.spawn(ui_button(&t::AGAIN, lang, true)).observe(act::<EarlyWarningParams>(Countdown::again));
                });
                side.spawn(Node {
                    flex_grow: 1.0,
                    ..default()
                });
                side.spawn(ui_label(&t::SOURCE, lang, 13.0, palette::TEXT_DIM));
            });
        });
    }
}
