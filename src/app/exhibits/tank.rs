//! `WaveTank` ("Make waves"): a live P-SV simulation of a slice of ground,
//! shown as a lit height surface. Touching the rock sets off a quake there;
//! two meters compare how hard a house on bedrock and a house on the soft
//! basin shake; a button calms the ground.

use bevy::prelude::*;

use super::live::{
    BuiltFrom, OpenExhibit, body_row, forget_on_leave, new_picture, show_picture, swatch,
};
use crate::app::AppSystems;
use crate::app::screens::ScreenCtx;
use crate::domain::exhibit::tank::TankExhibit;
use crate::domain::scene::{ExhibitKind, WaveTankParams};
use crate::domain::text::{Bilingual, Lang, ui};

use super::super::widgets::{label, palette, ui_button, ui_label};

/// The running simulation, kept across redraws (a language change must not
/// stop the waves) and dropped when the visitor leaves or the hall resets.
#[derive(Resource, Default)]
pub struct TankSim {
    built: BuiltFrom<WaveTankParams>,
    /// The exhibit's state.
    pub sim: Option<TankExhibit>,
    /// The picture the screen shows.
    image: Option<Handle<Image>>,
}

impl TankSim {
    /// The scene parameters the running simulation was built from.
    pub fn scene(&self) -> Option<&WaveTankParams> {
        self.built.params()
    }
}

/// Marks the picture of the tank.
#[derive(Component)]
struct TankPicture;

/// Marks the coloured part of meter `0` (bedrock) or `1` (basin).
#[derive(Component)]
struct MeterFill(usize);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TankSim>()
        .add_systems(
            Update,
            (run, show_meters).chain().in_set(AppSystems::Update),
        )
        .add_systems(Update, attach_picture.after(AppSystems::Redraw));
    forget_on_leave::<TankSim>(app);
}

/// Builds the simulation when a tank exhibit is open (again after a hot
/// reload changed its scene), advances it and redraws its picture.
fn run(open: OpenExhibit, mut tank: ResMut<TankSim>, images: Option<ResMut<Assets<Image>>>) {
    let Some((id, params)) = open.scene(|k| match k {
        ExhibitKind::WaveTank(p) => Some(p),
        _ => None,
    }) else {
        return;
    };
    let TankSim { built, sim, image } = &mut *tank;
    if built.needs_build(id, params) {
        *sim = Some(TankExhibit::new(params));
        *image = None;
    }
    let Some(sim) = sim.as_mut() else { return };
    sim.advance(params.steps_per_frame);
    let Some(mut images) = images else { return };
    let (w, h) = sim.picture_size();
    let handle = image
        .get_or_insert_with(|| new_picture(&mut images, w as u32, h as u32, [0, 0, 0]))
        .clone();
    if let Some(mut img) = images.get_mut(handle.id())
        && let Some(data) = img.data.as_mut()
    {
        sim.shade(data);
    }
}

/// Gives a newly drawn tank picture the simulation's image.
fn attach_picture(tank: Res<TankSim>, mut pictures: Query<&mut ImageNode, With<TankPicture>>) {
    show_picture(tank.image.as_ref(), &mut pictures);
}

fn show_meters(tank: Res<TankSim>, mut fills: Query<(&MeterFill, &mut Node)>) {
    let Some(sim) = tank.sim.as_ref() else { return };
    let levels = sim.meter_levels();
    for (fill, mut node) in &mut fills {
        let level = levels.get(fill.0).copied().unwrap_or(0.0);
        let width = percent(100.0 * level.clamp(0.0, 1.0));
        if node.width != width {
            node.width = width;
        }
    }
}

/// Draws the tank screen: the intro, the picture, its legend and meters.
pub fn draw(commands: &mut Commands, body: Entity, p: &WaveTankParams, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let (w, h) = TankExhibit::picture_size_for(p);
    let aspect = w as f32 / h as f32;
    commands.entity(body).with_children(|body| {
        body.spawn(body_row()).with_children(|row| {
            row.spawn((
                TankPicture,
                ImageNode::default(),
                Node {
                    height: percent(100),
                    aspect_ratio: Some(aspect),
                    flex_shrink: 0.0,
                    border_radius: BorderRadius::all(px(12)),
                    ..default()
                },
            ))
            .observe(|press: On<Pointer<Press>>, mut tank: ResMut<TankSim>| {
                let Some(pos) = press.hit.position else {
                    return;
                };
                if let Some(sim) = tank.sim.as_mut() {
                    sim.touch(pos.x + 0.5, pos.y + 0.5);
                }
            });
            row.spawn(Node {
                flex_direction: FlexDirection::Column,
                flex_grow: 1.0,
                flex_shrink: 1.0,
                min_width: px(0),
                row_gap: px(28),
                ..default()
            })
            .with_children(|side| {
                side.spawn(label(&p.intro, lang, 34.0, palette::TEXT));
                swatch(
                    side,
                    Color::srgb_u8(0x3b, 0x5a, 0x78),
                    &p.rock_label,
                    lang,
                    40.0,
                );
                if let Some(b) = &p.basin {
                    swatch(side, Color::srgb_u8(0x9a, 0x76, 0x45), &b.label, lang, 40.0);
                }
                swatch(
                    side,
                    Color::srgb_u8(0xff, 0xb0, 0x50),
                    &ui::GROUND_UP.to_bilingual(),
                    lang,
                    40.0,
                );
                swatch(
                    side,
                    Color::srgb_u8(0x5a, 0xb4, 0xff),
                    &ui::GROUND_DOWN.to_bilingual(),
                    lang,
                    40.0,
                );
                if let Some(b) = &p.basin {
                    side.spawn(ui_label(&ui::HOUSE_SHAKING, lang, 34.0, palette::ACCENT));
                    meter(side, 0, &p.rock_label, lang);
                    meter(side, 1, &b.label, lang);
                }
                side.spawn(ui_button(&ui::CALM_GROUND, lang, true)).observe(
                    |_: On<Pointer<Click>>, mut tank: ResMut<TankSim>| {
                        if let Some(sim) = tank.sim.as_mut() {
                            sim.reset();
                        }
                    },
                );
            });
        });
    });
}

fn meter(side: &mut ChildSpawnerCommands, i: usize, text: &Bilingual, lang: Lang) {
    side.spawn(Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(8),
        ..default()
    })
    .with_children(|m| {
        m.spawn(label(text, lang, 30.0, palette::TEXT_DIM));
        m.spawn((
            Node {
                width: percent(100),
                height: px(36),
                border_radius: BorderRadius::all(px(18)),
                overflow: Overflow::clip(),
                ..default()
            },
            BackgroundColor(palette::PANEL),
        ))
        .with_children(|bar| {
            bar.spawn((
                MeterFill(i),
                Node {
                    width: percent(0),
                    height: percent(100),
                    ..default()
                },
                BackgroundColor(palette::ACCENT),
            ));
        });
    });
}
