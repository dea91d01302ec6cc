//! The screen of "Sounds of the Earth": the quakes as big buttons beside
//! the record's trace and its spectrogram, which scroll under the playhead
//! while the sound plays, and a caption of what is heard now.

use bevy::prelude::*;

use super::SonifyParams;
use super::game::{Heard, Listening, SPEC_H, SPEC_W, TRACE_H, TRACE_W};
use super::texts as t;
use crate::app::exhibits::layout::{body_row, side_panel};
use crate::app::exhibits::puzzle::{Follow, LitWhile, Show, act, column, puzzle_plugin, says};
use crate::app::exhibits::{BodyCtx, KindView};
use crate::app::widgets::{button, label, palette, ui_label};
use crate::domain::text::Bilingual;

/// The exhibit's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<SonifyParams, Says, Part>(app);
}

/// Parts that follow the game: the button of quake `k` is lit while it is
/// the one on screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Chosen(usize),
}

impl Show<Listening> for Part {
    fn shown(self, g: &Listening) -> bool {
        match self {
            Part::Chosen(k) => g.chosen == k,
        }
    }
}

/// Texts that follow the game.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Heard,
    About,
}

impl Follow<Listening> for Says {
    fn text(self, g: &Listening) -> Bilingual {
        match self {
            Says::Heard => match g.heard() {
                Heard::Choose => &t::CHOOSE,
                Heard::Quiet => &t::QUIET,
                Heard::P => &t::P,
                Heard::S => &t::S,
                Heard::Surface => &t::SURFACE,
                Heard::Fading => &t::FADING,
                Heard::Ended => &t::ENDED,
            }
            .to_bilingual(),
            Says::About => g.quake().map_or_else(Bilingual::default, |q| {
                let x = q.sound.speedup;
                Bilingual::new(
                    format!("{}（{x:.0} {}）", q.about.zh, t::FASTER.zh),
                    format!("{} ({x:.0} {})", q.about.en, t::FASTER.en),
                )
            }),
        }
    }
}

impl KindView for SonifyParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let g = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            row.spawn(Node {
                width: percent(30),
                flex_shrink: 0.0,
                ..side_panel(18.0)
            })
            .with_children(|side| {
                side.spawn(label(&p.intro, lang, 28.0, palette::TEXT));
                side.spawn(column(16.0)).with_children(|b| {
                    for (k, q) in g.quakes.iter().enumerate() {
                        b.spawn((button(&q.name, lang, g.chosen == k), LitWhile(Part::Chosen(k))))
                            .observe(act::<SonifyParams>(move |g: &mut Listening| g.play(k)));
                    }
                });
                side.spawn(says(Says::About, g, lang, 24.0, palette::TEXT_DIM));
            });
            row.spawn(Node {
                flex_direction: FlexDirection::Column,
                flex_grow: 1.0,
                min_width: px(0),
                row_gap: px(8),
                ..default()
            })
            .with_children(|col| {
                col.spawn(ui_label(&t::TRACE, lang, 22.0, palette::TEXT_DIM));
                for (i, (w, h)) in [(TRACE_W, TRACE_H), (SPEC_W, SPEC_H)].into_iter().enumerate() {
                    if i == 1 {
                        col.spawn(ui_label(&t::PITCH, lang, 22.0, palette::TEXT_DIM));
                    }
                    col.spawn((
                        ctx.picture_node(i),
                        Node {
                            width: percent(100),
                            aspect_ratio: Some(w as f32 / h as f32),
                            border_radius: BorderRadius::all(px(10)),
                            ..default()
                        },
                        Pickable::IGNORE,
                    ));
                }
                // Room for two lines, so that the pictures stay put.
                col.spawn(Node {
                    width: percent(100),
                    min_height: px(80),
                    margin: UiRect::top(px(6)),
                    ..default()
                })
                .with_children(|c| {
                    c.spawn(says(Says::Heard, g, lang, 32.0, palette::ACCENT));
                });
            });
        });
    }
}
