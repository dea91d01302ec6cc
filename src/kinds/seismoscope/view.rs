//! The screen of "Zhang Heng's seismoscope": the instrument from above
//! (the eight directions named on its channels) beside the quakes to set
//! on it, what happens, the legend of the two directions once a ball has
//! dropped, and the story.

use bevy::prelude::*;

use super::SeismoscopeParams;
use super::game::{CENTRE, DROPPED, PIC, Scope, Stage, TRUTH, Verdict, direction_name};
use super::mechanism::SHORT;
use super::texts as t;
use crate::app::exhibits::layout::{body_row, colour, picture_frame, side_panel, swatch};
use crate::app::exhibits::puzzle::{Follow, LitWhile, Show, ShownWhile, act, column, puzzle_plugin, says};
use crate::app::exhibits::{BodyCtx, KindView};
use crate::app::widgets::{button, label, palette, ui_label};
use crate::domain::text::Bilingual;

/// The exhibit's screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<SeismoscopeParams, Says, Part>(app);
}

/// Parts that follow the replay.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The button of quake `k`, lit while it is the one replayed.
    Chosen(usize),
    /// The legend, once a ball has dropped.
    Dropped,
}

impl Show<Scope> for Part {
    fn shown(self, g: &Scope) -> bool {
        match self {
            Part::Chosen(k) => g.chosen == Some(k),
            Part::Dropped => g.stage() == Stage::Dropped,
        }
    }
}

/// Texts that follow the replay.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    What,
    About,
}

impl Follow<Scope> for Says {
    fn text(self, g: &Scope) -> Bilingual {
        match self {
            Says::What => match g.stage() {
                Stage::Choose => t::CHOOSE.to_bilingual(),
                Stage::Shaking => t::SHAKING.to_bilingual(),
                Stage::Still => t::STILL.to_bilingual(),
                Stage::Dropped => {
                    let (Some(k), Some(q)) = (g.dropped(), g.quake()) else {
                        return Bilingual::default();
                    };
                    let dragon = direction_name(k as f64 * 45.0);
                    let truth = direction_name(q.epicentre_deg);
                    let judged = match g.verdict() {
                        Some(Verdict::Facing) => &t::FACING,
                        Some(Verdict::Beside) => &t::BESIDE,
                        Some(Verdict::Opposite) => &t::OPPOSITE,
                        _ => &t::ACROSS,
                    };
                    Bilingual::new(
                        format!(
                            "叮！朝{}的龙吐出了铜丸。震中在{}方（{:.0}°）。{}",
                            dragon.zh, truth.zh, q.epicentre_deg, judged.zh
                        ),
                        format!(
                            "Clink! The {} dragon dropped its ball. The epicentre is to the {} ({:.0}°). {}",
                            dragon.en, truth.en, q.epicentre_deg, judged.en
                        ),
                    )
                }
            },
            Says::About => g.quake().map_or_else(Bilingual::default, |q| q.about.clone()),
        }
    }
}

/// A short label centred near fraction `(fx, fy)` of the picture.
fn centred_at(fx: f32, fy: f32) -> (Node, Pickable) {
    (
        Node {
            position_type: PositionType::Absolute,
            left: percent(100.0 * fx),
            top: percent(100.0 * fy),
            margin: UiRect::new(px(-16), px(0), px(-14), px(0)),
            ..default()
        },
        Pickable::IGNORE,
    )
}

impl KindView for SeismoscopeParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let intro = ctx.params().intro.clone();
        let g = ctx.state();
        body.spawn(body_row()).with_children(|row| {
            row.spawn((ctx.picture_node(0), picture_frame(1.0), Pickable::IGNORE))
                .with_children(|over| {
                    for (k, &(zh, en)) in SHORT.iter().enumerate() {
                        let a = (k as f32 * 45.0).to_radians();
                        let r = 142.0;
                        let (x, y) = (CENTRE.0 + r * a.sin(), CENTRE.1 - r * a.cos());
                        over.spawn(centred_at(x / PIC as f32, y / PIC as f32)).with_children(|l| {
                            l.spawn(label(&Bilingual::new(zh, en), lang, 20.0, Color::srgb_u8(0xf4, 0xe6, 0xc8)));
                        });
                    }
                });
            row.spawn(side_panel(14.0)).with_children(|side| {
                side.spawn(label(&intro, lang, 26.0, palette::TEXT));
                side.spawn(column(12.0)).with_children(|b| {
                    for (k, q) in g.quakes.iter().enumerate() {
                        b.spawn((button(&q.name, lang, g.chosen == Some(k)), LitWhile(Part::Chosen(k))))
                            .observe(act::<SeismoscopeParams>(move |g: &mut Scope| g.play(k)));
                    }
                });
                side.spawn(says(Says::About, g, lang, 22.0, palette::TEXT_DIM));
                side.spawn(says(Says::What, g, lang, 26.0, palette::ACCENT));
                side.spawn((ShownWhile(Part::Dropped), column(6.0))).with_children(|l| {
                    swatch(l, colour(TRUTH), &t::TRUTH.to_bilingual(), lang, 22.0);
                    swatch(l, colour(DROPPED), &t::DROPPED.to_bilingual(), lang, 22.0);
                });
                side.spawn(ui_label(&t::DEBATED, lang, 18.0, palette::TEXT_DIM));
                side.spawn(ui_label(&t::LONGXI, lang, 18.0, palette::TEXT_DIM));
            });
        });
    }
}
