//! The screen of "The drum recorder": the drum (or the close-up a tap
//! opened) beside what to do, the line length, the filter switch and, in a
//! close-up, what was tapped and the way back.

use bevy::prelude::*;

use super::HelicorderParams;
use super::drum::clock_pair;
use super::game::{PIC_H, PIC_W, Recorder};
use super::texts as t;
use crate::app::exhibits::layout::{body_row, picture_frame, side_panel};
use crate::app::exhibits::puzzle::{
    Follow, SaysOnButton, Show, ShownWhile, act, at_finger, buttons_row, column, puzzle_plugin, says,
};
use crate::app::exhibits::{BodyCtx, KindView};
use crate::app::widgets::{chip, label, palette, ui_button, ui_label};
use crate::domain::text::{Bilingual, ui};

/// The exhibit's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<HelicorderParams, Says, Part>(app);
}

/// The drum's picture, which takes the drags and taps.
#[derive(Component)]
pub struct DrumPicture;

/// Parts that come and go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Drum,
    Zoom,
}

impl Show<Recorder> for Part {
    fn shown(self, r: &Recorder) -> bool {
        match self {
            Part::Drum => r.zoom.is_none(),
            Part::Zoom => r.zoom.is_some(),
        }
    }
}

/// Texts that follow the state.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Line,
    Tapped,
    Filter,
}

impl Follow<Recorder> for Says {
    fn text(self, r: &Recorder) -> Bilingual {
        match self {
            Says::Line => {
                let m = (r.drum.line_s / 60.0).round();
                Bilingual::new(
                    format!("{}{m:.0}{}。{}", t::LINE.zh, t::MINUTES.zh, t::LEFT_RIGHT.zh),
                    format!("{} {m:.0} {}. {}", t::LINE.en, t::MINUTES.en, t::LEFT_RIGHT.en),
                )
            }
            Says::Tapped => {
                let Some(z) = &r.zoom else {
                    return Bilingual::default();
                };
                let (bj, utc) = clock_pair(z.at);
                let what = match z.quake.and_then(|k| r.quakes.get(k)) {
                    Some(q) => Bilingual::new(
                        format!("{}，离本馆{:.0}公里。", q.name.zh, q.distance_km),
                        format!("{}, {:.0} km from the hall.", q.name.en, q.distance_km),
                    ),
                    None => t::NOTHING.to_bilingual(),
                };
                Bilingual::new(
                    format!("北京时间 {bj}（UTC {utc}）：{}", what.zh),
                    format!("{bj} Beijing time ({utc} UTC): {}", what.en),
                )
            }
            Says::Filter => if r.clearer { &t::FILTER_ON } else { &t::FILTER_OFF }.to_bilingual(),
        }
    }
}

impl KindView for HelicorderParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let intro = ctx.params().intro.clone();
        let r = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            let (w, h) = (PIC_W as f32, PIC_H as f32);
            // A press always starts a new gesture, so a finger that slid off
            // the picture leaves nothing held.
            row.spawn((DrumPicture, ctx.picture_node(0), picture_frame(w / h)))
                .observe(at_finger::<HelicorderParams, Press>(move |r, f| r.press(f.x * w, f.y * h)))
                .observe(at_finger::<HelicorderParams, Drag>(move |r, f| r.drag(f.x * w, f.y * h)))
                .observe(at_finger::<HelicorderParams, Release>(move |r, f| r.release(f.x * w, f.y * h)));
            row.spawn(side_panel(16.0)).with_children(|side| {
                side.spawn((ShownWhile(Part::Drum), column(14.0))).with_children(|d| {
                    d.spawn(label(&intro, lang, 24.0, palette::TEXT));
                    d.spawn(says(Says::Line, r, lang, 20.0, palette::TEXT_DIM));
                    d.spawn(ui_label(&t::GAP, lang, 20.0, palette::TEXT_DIM));
                });
                side.spawn((ShownWhile(Part::Zoom), column(14.0))).with_children(|z| {
                    z.spawn(says(Says::Tapped, r, lang, 26.0, palette::ACCENT));
                    z.spawn(ui_label(&t::ZOOM_HOW, lang, 20.0, palette::TEXT_DIM));
                    z.spawn(buttons_row()).with_children(|b| {
                        for (text, factor) in [(&ui::ZOOM_IN, 2.0), (&ui::ZOOM_OUT, 0.5)] {
                            b.spawn(chip(&text.to_bilingual(), lang, false)).observe(act::<HelicorderParams>(
                                move |r: &mut Recorder| {
                                    if let Some(z) = r.zoom.as_mut() {
                                        z.view.zoom(factor, 0.5);
                                    }
                                },
                            ));
                        }
                    });
                    z.spawn(ui_button(&t::BACK, lang, true))
                        .observe(act::<HelicorderParams>(Recorder::close));
                });
                side.spawn((chip(&Says::Filter.text(r), lang, r.clearer), SaysOnButton(Says::Filter)))
                    .observe(act::<HelicorderParams>(Recorder::toggle_filter));
                side.spawn(ui_label(&t::FILTER_SAYS, lang, 18.0, palette::TEXT_DIM));
            });
        });
    }
}
