//! The screen of "Magnitude and intensity": the regional map with the
//! rings (tap one; their numerals written in their bands); beside it what
//! to do, the magnitude and its slider, the shallow and deeper quakes,
//! what the chosen ring means, a button per degree, and the sources.

use bevy::prelude::*;

use super::rings::{LOWEST_RING, Rings};
use super::{IntensityRingsParams, texts as t};
use crate::app::AppSystems;
use crate::app::exhibits::Live;
use crate::app::exhibits::layout::{scale_label, body_row, map_labels, picture_frame, side_panel};
use crate::app::exhibits::puzzle::{
    Follow, LitWhile, Show, ShownWhile, act, at_finger, buttons_row, column, puzzle_plugin, says,
};
use crate::app::exhibits::{BodyCtx, KindView};
use crate::app::widgets::{Slider, chip, label, palette, plain, spawn_slider, ui_label};
use crate::domain::physics::intensity::{effects, roman};
use crate::domain::text::Bilingual;

/// The rings' screen.
pub fn plugin(app: &mut App) {
    puzzle_plugin::<IntensityRingsParams, Says, Part>(app);
    app.add_systems(Update, follow_slider.in_set(AppSystems::Update))
        .add_systems(Update, (show_slider, place_numerals).in_set(AppSystems::Refresh));
}

/// The magnitude's slider.
#[derive(Component)]
struct MagnitudeSlider;

/// The numeral of degree `.0` over the map.
#[derive(Component)]
struct Numeral(u8);

/// Parts that come and go, and buttons lit while they hold.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The deeper quake is shown.
    Deep,
    /// The shallow quake is shown.
    Shallow,
    /// Degree `.0` has a ring now.
    Degree(u8),
    /// Degree `.0` is the chosen one.
    Chosen(u8),
}

impl Show<Rings> for Part {
    fn shown(self, r: &Rings) -> bool {
        match self {
            Part::Deep => r.deep,
            Part::Shallow => !r.deep,
            Part::Degree(d) => (LOWEST_RING..=r.epicentral_degree()).contains(&d),
            Part::Chosen(d) => r.chosen == Some(d),
        }
    }
}

/// Texts that follow the rings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Magnitude,
    Epicentre,
    Chosen,
}

fn degree_name(d: u8) -> Bilingual {
    Bilingual::new(format!("{} 度", roman(d)), roman(d).to_owned())
}

impl Follow<Rings> for Says {
    fn text(self, r: &Rings) -> Bilingual {
        match self {
            Says::Magnitude => Bilingual::new(
                format!("{} {:.1} 级", t::MAGNITUDE.zh, r.magnitude),
                format!("{} {:.1}", t::MAGNITUDE.en, r.magnitude),
            ),
            Says::Epicentre => {
                let (h, e) = (r.depth_km(), roman(r.epicentral_degree()));
                Bilingual::new(
                    format!("震源深 {h:.0} 公里，震中烈度 {e} 度"),
                    format!("Focus {h:.0} km deep: intensity {e} at the epicentre"),
                )
            }
            Says::Chosen => match r.chosen {
                None => t::TAP_A_RING.to_bilingual(),
                Some(d) => {
                    let fx = effects(d);
                    let (zh_at, en_at) = match (r.tapped_km(), r.band_km(d)) {
                        (Some(km), _) => (
                            format!("你点的地方离震中 {km:.0} 公里。"),
                            format!("The place you tapped is {km:.0} km from the epicentre."),
                        ),
                        (None, Some((a, b))) if a < 0.5 => (
                            format!("震中周围 {b:.0} 公里以内。"),
                            format!("Within {b:.0} km of the epicentre."),
                        ),
                        (None, Some((a, b))) => (
                            format!("离震中 {a:.0}–{b:.0} 公里。"),
                            format!("{a:.0}–{b:.0} km from the epicentre."),
                        ),
                        (None, None) => (
                            "这次地震摇不到这么强。".to_owned(),
                            "This quake does not shake anywhere this hard.".to_owned(),
                        ),
                    };
                    Bilingual::new(
                        format!("烈度 {} 度：{}{}", roman(d), fx.zh, zh_at),
                        format!("Intensity {}: {} {}", roman(d), fx.en, en_at),
                    )
                }
            },
        }
    }
}

impl KindView for IntensityRingsParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let r = ctx.state();
        let [shallow, deep] = r.depths_km;
        body.spawn(body_row()).with_children(|row| {
            let mut map = row.spawn((ctx.picture_node(0), picture_frame(1.0)));
            map.observe(at_finger::<IntensityRingsParams, Press>(|r, f| {
                r.tap(f.x as f64, f.y as f64)
            }));
            map.with_children(|m| {
                map_labels(m, &r.labels, lang, 22.0);
                for d in LOWEST_RING..=12 {
                    m.spawn((
                        Numeral(d),
                        Node {
                            position_type: PositionType::Absolute,
                            padding: UiRect::axes(px(6), px(0)),
                            border_radius: BorderRadius::all(px(6)),
                            ..default()
                        },
                        BackgroundColor(palette::BACKGROUND.with_alpha(0.7)),
                        Visibility::Hidden,
                        Pickable::IGNORE,
                        children![(plain(roman(d), 22.0, Color::WHITE), Pickable::IGNORE)],
                    ));
                }
                scale_label(m, r.scale_bar(), &t::SCALE, lang, 20.0);
            });
            row.spawn(side_panel(12.0)).with_children(|side| {
                side.spawn(label(&p.intro, lang, 22.0, palette::TEXT));
                side.spawn(says(Says::Magnitude, r, lang, 40.0, palette::ACCENT));
                side.spawn(Node {
                    width: percent(100),
                    ..default()
                })
                .with_children(|s| spawn_slider(s, r.fraction() as f32, MagnitudeSlider));
                side.spawn(buttons_row()).with_children(|b| {
                    let name = |w: &crate::domain::text::ui::UiText, h: f64| {
                        Bilingual::new(format!("{} {h:.0} 公里", w.zh), format!("{} {h:.0} km", w.en))
                    };
                    b.spawn((LitWhile(Part::Shallow), chip(&name(&t::SHALLOW, shallow), lang, !r.deep)))
                        .observe(act::<IntensityRingsParams>(|r| r.set_deep(false)));
                    b.spawn((LitWhile(Part::Deep), chip(&name(&t::DEEP, deep), lang, r.deep)))
                        .observe(act::<IntensityRingsParams>(|r| r.set_deep(true)));
                });
                side.spawn(label(
                    &Bilingual::new(format!("★ {}", p.epicentre.name.zh), format!("★ {}", p.epicentre.name.en)),
                    lang,
                    20.0,
                    palette::TEXT_DIM,
                ));
                side.spawn(says(Says::Epicentre, r, lang, 22.0, palette::TEXT));
                side.spawn((
                    Node {
                        padding: UiRect::all(px(12)),
                        border_radius: BorderRadius::all(px(12)),
                        min_height: px(120),
                        width: percent(100),
                        ..default()
                    },
                    BackgroundColor(palette::PANEL),
                ))
                .with_children(|c| {
                    c.spawn(says(Says::Chosen, r, lang, 22.0, palette::TEXT));
                });
                side.spawn(Node {
                    flex_wrap: FlexWrap::Wrap,
                    column_gap: px(8),
                    row_gap: px(8),
                    ..default()
                })
                .with_children(|b| {
                    for d in LOWEST_RING..=12 {
                        b.spawn((
                            ShownWhile(Part::Degree(d)),
                            LitWhile(Part::Chosen(d)),
                            chip(&degree_name(d), lang, r.chosen == Some(d)),
                        ))
                        .observe(act::<IntensityRingsParams>(move |r| r.choose(d)));
                    }
                });
                side.spawn((ShownWhile(Part::Deep), column(0.0)))
                    .with_children(|c| {
                        c.spawn(ui_label(&t::DEEPER_SMALLER, lang, 18.0, palette::TEXT_DIM));
                    });
                side.spawn((ShownWhile(Part::Shallow), column(0.0)))
                    .with_children(|c| {
                        c.spawn(ui_label(&t::ONE_MAGNITUDE, lang, 18.0, palette::TEXT_DIM));
                    });
                side.spawn(Node {
                    flex_grow: 1.0,
                    ..default()
                });
                side.spawn(ui_label(&t::CREDIT, lang, 13.0, palette::TEXT_DIM));
            });
        });
    }
}

/// The visitor drags the magnitude.
fn follow_slider(
    sliders: Query<&Slider, (With<MagnitudeSlider>, Changed<Slider>)>,
    mut live: ResMut<Live<IntensityRingsParams>>,
) {
    let Some(r) = live.state_mut() else { return };
    for s in &sliders {
        if (r.fraction() as f32 - s.value).abs() > 1e-4 {
            r.set_fraction(s.value as f64);
        }
    }
}

/// Keeps the slider where the magnitude is (after a reload).
fn show_slider(
    live: Res<Live<IntensityRingsParams>>,
    mut sliders: Query<&mut Slider, With<MagnitudeSlider>>,
) {
    let Some(r) = live.state() else { return };
    let v = r.fraction() as f32;
    for mut s in &mut sliders {
        // The slider moves in tenths of a magnitude; a finger between two
        // is left where it is.
        let step = 0.1 / (r.magnitude_range.1 - r.magnitude_range.0).max(0.1) as f32;
        if (s.value - v).abs() > step {
            s.value = v;
        }
    }
}

/// Writes each ring's numeral in its band, where the band is wide enough.
fn place_numerals(live: Res<Live<IntensityRingsParams>>, mut numerals: Query<(&Numeral, &mut Node, &mut Visibility)>) {
    let Some(r) = live.state() else { return };
    let spots = r.numeral_spots(34.0);
    for (n, mut node, mut vis) in &mut numerals {
        match spots.iter().find(|s| s.0 == n.0) {
            Some(&(_, fx, fy)) => {
                let (l, tp) = (percent(100.0 * fx as f32), percent(100.0 * fy as f32));
                if node.left != l || node.top != tp {
                    node.left = l;
                    node.top = tp;
                    node.margin = UiRect::new(px(-16), px(0), px(-14), px(0));
                }
                if *vis != Visibility::Inherited {
                    *vis = Visibility::Inherited;
                }
            }
            None => {
                if *vis != Visibility::Hidden {
                    *vis = Visibility::Hidden;
                }
            }
        }
    }
}
