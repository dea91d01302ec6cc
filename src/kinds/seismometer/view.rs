//! The screen of "How a seismometer works": the instrument's picture (drag
//! the ground; the slider along its foot sets the natural period), beside
//! it what the pen did, the legend and the shake buttons; in the replay,
//! the names of its three traces over them and what they show.

use bevy::prelude::*;

use super::game::{GROUND_LINE, Game, INK, Mode, PANELS, PIC_H, PIC_W, QUICK, REPLAY_X, SLOW, Verdict};
use super::texts as t;
use super::{REPLAY_PERIODS, SeismometerParams};
use crate::app::exhibits::layout::{at, body_row, colour, side_panel, swatch};
use crate::app::exhibits::puzzle::{
    Follow, Show, ShownWhile, act, at_finger, buttons_row, column, puzzle_plugin, says,
};
use crate::app::exhibits::{BodyCtx, KindView, observe_lift};
use crate::app::widgets::{label, palette, ui_button, ui_label};
use crate::domain::text::Bilingual;

/// The exhibit's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<SeismometerParams, Says, Part>(app);
}

/// The instrument's picture, which takes the ground and the slider.
#[derive(Component)]
pub struct InstrumentPicture;

/// Parts that come and go with the mode.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Shaking,
    Replaying,
    HasReplay,
}

impl Show<Game> for Part {
    fn shown(self, g: &Game) -> bool {
        match self {
            Part::Shaking => g.mode == Mode::Shake,
            Part::Replaying => g.mode == Mode::Replay,
            Part::HasReplay => g.mode == Mode::Shake && g.replay.is_some(),
        }
    }
}

/// Texts that follow the game.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Period,
    Verdict,
    /// The replay's trace `k` (0 the ground, 1 and 2 the instruments).
    Trace(usize),
}

/// "1 s, a short-period seismometer".
fn instrument_name(period_s: f64) -> Bilingual {
    let kind = if period_s < 5.0 { &t::SHORT_PERIOD } else { &t::LONG_PERIOD };
    Bilingual::new(
        format!("{period_s:.0} 秒：{}", kind.zh),
        format!("{period_s:.0} s: {}", kind.en),
    )
}

impl Follow<Game> for Says {
    fn text(self, g: &Game) -> Bilingual {
        match self {
            Says::Period => {
                let n = instrument_name(g.period_s);
                Bilingual::new(format!("固有周期 {}", n.zh), format!("Natural period {}", n.en))
            }
            Says::Verdict => match g.verdict() {
                Verdict::Still => t::STILL,
                Verdict::Copies => t::COPIES,
                Verdict::Partly => t::PARTLY,
                Verdict::RidesAlong => t::RIDES,
            }
            .to_bilingual(),
            Says::Trace(0) => t::REPLAY_GROUND.to_bilingual(),
            Says::Trace(k) => {
                instrument_name(if k == 1 { REPLAY_PERIODS.0 } else { REPLAY_PERIODS.1 })
            }
        }
    }
}

impl KindView for SeismometerParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let g = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            let (w, h) = (PIC_W as f32, PIC_H as f32);
            let mut pic = row.spawn((
                InstrumentPicture,
                ctx.picture_node(0),
                Node {
                    width: percent(62),
                    flex_shrink: 0.0,
                    align_self: AlignSelf::Center,
                    aspect_ratio: Some(w / h),
                    border_radius: BorderRadius::all(px(12)),
                    ..default()
                },
            ));
            pic.observe(at_finger::<SeismometerParams, Press>(move |g, f| {
                g.press(f.x * w, f.y * h)
            }))
            .observe(at_finger::<SeismometerParams, Drag>(move |g, f| {
                g.drag(f.x * w, f.y * h)
            }));
            observe_lift::<SeismometerParams>(&mut pic, |run, _, _| run.state.release());
            pic.with_children(|over| {
                over.spawn((ShownWhile(Part::Replaying), Node {
                    position_type: PositionType::Absolute,
                    width: percent(100),
                    height: percent(100),
                    ..default()
                }, Pickable::IGNORE))
                .with_children(|names| {
                    for (k, &(top, _)) in PANELS.iter().enumerate() {
                        names.spawn(at((REPLAY_X.0 + 10.0) / w, (top + 6.0) / h)).with_children(|n| {
                            n.spawn(says(Says::Trace(k), g, lang, 22.0, palette::TEXT));
                        });
                    }
                });
            });
            row.spawn(side_panel(22.0)).with_children(|side| {
                side.spawn((ShownWhile(Part::Shaking), column(18.0))).with_children(|s| {
                    s.spawn(label(&p.intro, lang, 28.0, palette::TEXT));
                    s.spawn(says(Says::Period, g, lang, 28.0, palette::TEXT));
                    // Room for the longest caption, so that the buttons
                    // below stay where a finger found them.
                    s.spawn(Node {
                        width: percent(100),
                        min_height: px(140),
                        ..default()
                    })
                    .with_children(|v| {
                        v.spawn(says(Says::Verdict, g, lang, 28.0, palette::ACCENT));
                    });
                    swatch(s, colour(INK), &t::PEN.to_bilingual(), lang, 30.0);
                    swatch(s, colour(GROUND_LINE), &t::GROUND.to_bilingual(), lang, 30.0);
                    s.spawn(buttons_row()).with_children(|b| {
                        b.spawn(ui_button(&t::QUICK, lang, true))
                            .observe(act::<SeismometerParams>(|g: &mut Game| g.shake(QUICK)));
                        b.spawn(ui_button(&t::SLOW, lang, true))
                            .observe(act::<SeismometerParams>(|g: &mut Game| g.shake(SLOW)));
                    });
                    s.spawn((ShownWhile(Part::HasReplay), ui_button(&t::REPLAY, lang, false)))
                        .observe(act::<SeismometerParams>(Game::start_replay));
                });
                side.spawn((ShownWhile(Part::Replaying), column(18.0))).with_children(|r| {
                    if let Some(rp) = &p.replay {
                        r.spawn(label(&rp.name, lang, 28.0, palette::TEXT));
                    }
                    r.spawn(ui_label(&t::REPLAY_SAYS, lang, 26.0, palette::TEXT_DIM));
                    r.spawn(ui_button(&t::BACK, lang, true))
                        .observe(act::<SeismometerParams>(Game::stop_replay));
                });
            });
        });
    }
}
