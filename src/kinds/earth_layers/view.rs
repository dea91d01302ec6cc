//! The screen of an `EarthLayers`: the cut-away globe (turn, zoom, tap a
//! layer), the six layers' buttons, and the chosen layer's facts.

use bevy::prelude::*;

use super::{EarthLayersParams, GLOBE_SIZE, picture, texts};
use crate::app::exhibits::layout::{body_row, colour, picture_frame, side_panel};
use crate::app::exhibits::{BodyCtx, KindView, Live, kind_plugin};
use crate::app::globe::{globe_node, globe_plugin};
use crate::app::widgets::{Lit, Localized, chip, label, palette, relabel, ui_label};
use crate::app::{AppSystems, UiLang};
use crate::domain::text::Bilingual;

/// The layers' screen.
pub fn plugin(app: &mut App) {
    kind_plugin::<EarthLayersParams>(app);
    globe_plugin::<EarthLayersParams>(app);
    app.add_systems(Update, show_choice.in_set(AppSystems::Refresh));
}

/// The button of layer `i`.
#[derive(Component)]
struct LayerChoice(usize);

/// What the chosen layer's card shows.
#[derive(Component, Clone, Copy, PartialEq, Eq)]
enum Facts {
    Name,
    Numbers,
    About,
}

impl KindView for EarthLayersParams {
    fn spawn(body: &mut ChildSpawnerCommands, ctx: &mut BodyCtx<Self>) {
        let lang = ctx.lang;
        let p = ctx.params().clone();
        let s = ctx.state();
        let chosen = s.chosen;
        let names: Vec<(Bilingual, Color)> = s
            .layers
            .iter()
            .map(|l| (l.name.to_bilingual(), colour(l.colour)))
            .collect();
        let model = s.model.clone();
        body.spawn(body_row()).with_children(|row| {
            globe_node::<EarthLayersParams>(
                row,
                picture::TEXTURE,
                picture_frame(GLOBE_SIZE.0 as f32 / GLOBE_SIZE.1 as f32),
            );
            row.spawn(side_panel(14.0)).with_children(|side| {
                side.spawn(label(&p.intro, lang, 26.0, palette::TEXT));
                side.spawn(Node {
                    flex_wrap: FlexWrap::Wrap,
                    column_gap: px(12),
                    row_gap: px(10),
                    ..default()
                })
                .with_children(|chips| {
                    for (i, (name, c)) in names.iter().enumerate() {
                        chips
                            .spawn((chip(name, lang, chosen == Some(i)), LayerChoice(i)))
                            .insert(BorderColor::all(*c))
                            .observe(choose);
                    }
                });
                side.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(8),
                    padding: UiRect::all(px(16)),
                    border_radius: BorderRadius::all(px(12)),
                    ..default()
                })
                .insert(BackgroundColor(palette::PANEL))
                .with_children(|card| {
                    card.spawn((Facts::Name, ui_label(&texts::CHOOSE_LAYER, lang, 32.0, palette::ACCENT)));
                    card.spawn((Facts::Numbers, label(&Bilingual::new("", ""), lang, 24.0, palette::TEXT)));
                    card.spawn((Facts::About, label(&Bilingual::new("", ""), lang, 22.0, palette::TEXT_DIM)));
                });
                side.spawn(Node {
                    flex_grow: 1.0,
                    ..default()
                });
                let credit = Bilingual::new(
                    format!("{}  ·  {}{}  ·  {}", texts::TO_SCALE.zh, texts::CREDIT.zh, model, texts::LAND_CREDIT.zh),
                    format!("{}  ·  {}{}  ·  {}", texts::TO_SCALE.en, texts::CREDIT.en, model, texts::LAND_CREDIT.en),
                );
                side.spawn(label(&credit, lang, 16.0, palette::TEXT_DIM));
            });
        });
    }
}

fn choose(
    click: On<Pointer<Click>>,
    choices: Query<&LayerChoice>,
    mut live: ResMut<Live<EarthLayersParams>>,
) {
    if let (Ok(c), Some(s)) = (choices.get(click.entity), live.state_mut()) {
        s.choose(c.0);
    }
}

/// Lights the chosen layer's button and fills its card.
fn show_choice(
    live: Res<Live<EarthLayersParams>>,
    lang: Res<UiLang>,
    mut chips: Query<(&LayerChoice, &mut Lit)>,
    mut texts_q: Query<(&Facts, &mut Text, &mut Localized)>,
) {
    let Some(s) = live.state() else { return };
    for (c, mut lit) in &mut chips {
        let on = s.chosen == Some(c.0);
        if lit.0 != on {
            lit.0 = on;
        }
    }
    let Some(layer) = s.chosen.and_then(|i| s.layers.get(i)) else {
        return;
    };
    for (f, mut t, mut l) in &mut texts_q {
        let new = match f {
            Facts::Name => layer.name.to_bilingual(),
            Facts::Numbers => layer.facts(),
            Facts::About => layer.about.to_bilingual(),
        };
        relabel(&mut t, &mut l, &new, lang.0);
    }
}
