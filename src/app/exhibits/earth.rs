//! `ThroughEarth` ("Through the Earth"): an Earth cross-section where P and
//! S fronts advance through the layers from a quake the visitor places,
//! the P shadow zone appears, and surface stations record the waves.

use bevy::prelude::*;

use super::live::{
    BuiltFrom, OpenExhibit, body_row, clock_buttons, forget_on_leave, new_picture, show_picture,
    swatch, upload,
};
use crate::app::AppSystems;
use crate::app::screens::ScreenCtx;
use crate::app::widgets::{label, palette, plain, ui_button, ui_label};
use crate::domain::art::canvas::{Canvas, Rgba};
use crate::domain::exhibit::clock::ExhibitClock;
use crate::domain::exhibit::earth::{ThroughEarth, colours};
use crate::domain::scene::{ExhibitKind, ThroughEarthParams};
use crate::domain::text::ui;

/// Side of the cross-section picture, pixels.
const EARTH_PX: u32 = 640;
/// Size of the records picture, pixels.
const RECORDS_W: u32 = 640;
/// Height of one station's record, pixels.
const RECORD_ROW_PX: u32 = 48;
/// Seconds of record shown.
const RECORD_WINDOW_S: f64 = 1500.0;
const BACKGROUND: Rgba = Rgba::hex(0x102a3a);

/// The running cross-section, kept across redraws, dropped on leaving.
#[derive(Resource, Default)]
pub struct EarthSim {
    built: BuiltFrom<ThroughEarthParams>,
    /// The exhibit's state.
    pub sim: Option<ThroughEarth>,
    layers: Option<Canvas>,
    earth_image: Option<Handle<Image>>,
    records_image: Option<Handle<Image>>,
    /// Play, pause and speed.
    pub clock: ExhibitClock,
}

#[derive(Component)]
struct EarthPicture;

#[derive(Component)]
struct RecordsPicture;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EarthSim>()
        .add_systems(Update, run.in_set(AppSystems::Update))
        .add_systems(Update, attach_pictures.after(AppSystems::Redraw));
    forget_on_leave::<EarthSim>(app);
}

const BG: [u8; 3] = [BACKGROUND.0, BACKGROUND.1, BACKGROUND.2];

fn run(
    open: OpenExhibit,
    time: Res<Time>,
    opts: Option<Res<crate::app::HallOptions>>,
    mut sim: ResMut<EarthSim>,
    images: Option<ResMut<Assets<Image>>>,
) {
    let Some((id, params)) = open.scene(|k| match k {
        ExhibitKind::ThroughEarth(p) => Some(p),
        _ => None,
    }) else {
        return;
    };
    if sim.built.needs_build(id, params) {
        sim.sim = ThroughEarth::new(&params.model, params.depth_km, &params.stations_deg);
        // `quakehall shot --open N` shows the waves N minutes after the quake.
        if let (Some(e), Some(n)) = (sim.sim.as_mut(), opts.and_then(|o| o.shot_open())) {
            e.advance(n as f64 * 60.0);
        }
        sim.clock = ExhibitClock::new(params.speedup as f64);
        sim.layers = None;
        // The number of stations may have changed.
        sim.records_image = None;
    }
    let EarthSim {
        sim: state,
        layers,
        earth_image,
        records_image,
        clock,
        ..
    } = &mut *sim;
    let Some(earth) = state.as_mut() else { return };
    earth.advance(clock.story_seconds(time.delta_secs_f64()));
    let Some(mut images) = images else { return };
    let layers = layers.get_or_insert_with(|| {
        let mut c = Canvas::new(EARTH_PX, EARTH_PX, BACKGROUND);
        earth.draw_layers(&mut c);
        c
    });
    let mut picture = layers.clone();
    earth.draw_waves(&mut picture);
    let handle = earth_image
        .get_or_insert_with(|| new_picture(&mut images, EARTH_PX, EARTH_PX, BG))
        .clone();
    upload(&mut images, &handle, EARTH_PX, EARTH_PX, picture.rgba);
    let rows = earth.stations.len().max(1) as u32;
    let mut records = Canvas::new(RECORDS_W, rows * RECORD_ROW_PX, BACKGROUND);
    earth.draw_records(&mut records, RECORD_WINDOW_S);
    let handle = records_image
        .get_or_insert_with(|| new_picture(&mut images, RECORDS_W, rows * RECORD_ROW_PX, BG))
        .clone();
    upload(
        &mut images,
        &handle,
        records.width,
        records.height,
        records.rgba,
    );
}

fn attach_pictures(
    sim: Res<EarthSim>,
    mut earth: Query<&mut ImageNode, (With<EarthPicture>, Without<RecordsPicture>)>,
    mut records: Query<&mut ImageNode, (With<RecordsPicture>, Without<EarthPicture>)>,
) {
    show_picture(sim.earth_image.as_ref(), &mut earth);
    show_picture(sim.records_image.as_ref(), &mut records);
}

fn colour(c: Rgba) -> Color {
    Color::srgb_u8(c.0, c.1, c.2)
}

/// Draws the screen: the Earth on the left; the intro, legend, station
/// records and replay on the right.
pub fn draw(commands: &mut Commands, body: Entity, p: &ThroughEarthParams, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let clock = ctx.earth.clock;
    commands.entity(body).with_children(|body| {
        body.spawn(body_row()).with_children(|row| {
            row.spawn((
                EarthPicture,
                ImageNode::default(),
                Node {
                    height: percent(100),
                    aspect_ratio: Some(1.0),
                    flex_shrink: 0.0,
                    ..default()
                },
            ))
            .observe(|press: On<Pointer<Press>>, mut sim: ResMut<EarthSim>| {
                let Some(pos) = press.hit.position else {
                    return;
                };
                if let Some(earth) = sim.sim.as_mut() {
                    earth.touch(pos.x + 0.5, pos.y + 0.5);
                }
            });
            row.spawn(Node {
                flex_direction: FlexDirection::Column,
                flex_grow: 1.0,
                flex_shrink: 1.0,
                min_width: px(0),
                row_gap: px(18),
                ..default()
            })
            .with_children(|side| {
                side.spawn(label(&p.intro, lang, 30.0, palette::TEXT));
                side.spawn(Node {
                    flex_wrap: FlexWrap::Wrap,
                    column_gap: px(28),
                    row_gap: px(10),
                    ..default()
                })
                .with_children(|legend| {
                    for (c, t) in [
                        (colours::P, &ui::FRONT_P),
                        (colours::CORE_P, &ui::FRONT_CORE_P),
                        (colours::S, &ui::FRONT_S),
                        (colours::SHADOW, &ui::SHADOW_ZONE),
                    ] {
                        swatch(legend, colour(c), &t.to_bilingual(), lang, 30.0);
                    }
                });
                side.spawn(ui_label(&ui::STATION_RECORDS, lang, 30.0, palette::ACCENT));
                side.spawn(Node {
                    column_gap: px(12),
                    ..default()
                })
                .with_children(|rec| {
                    rec.spawn(Node {
                        flex_direction: FlexDirection::Column,
                        flex_shrink: 0.0,
                        ..default()
                    })
                    .with_children(|names| {
                        for d in &p.stations_deg {
                            names.spawn((
                                Node {
                                    height: px(RECORD_ROW_PX as f32),
                                    align_items: AlignItems::Center,
                                    ..default()
                                },
                                children![plain(format!("{d:.0}°"), 26.0, palette::TEXT_DIM)],
                            ));
                        }
                    });
                    rec.spawn((
                        RecordsPicture,
                        ImageNode::default(),
                        Node {
                            width: px(RECORDS_W as f32),
                            height: px((RECORD_ROW_PX * p.stations_deg.len().max(1) as u32) as f32),
                            flex_shrink: 1.0,
                            ..default()
                        },
                    ));
                });
                side.spawn(Node {
                    column_gap: px(20),
                    ..default()
                })
                .with_children(|buttons| {
                    buttons.spawn(ui_button(&ui::REPLAY, lang, true)).observe(
                        |_: On<Pointer<Click>>, mut sim: ResMut<EarthSim>| {
                            if let Some(earth) = sim.sim.as_mut() {
                                earth.clock_s = 0.0;
                            }
                            sim.clock.playing = true;
                        },
                    );
                    clock_buttons::<EarthSim>(buttons, clock, lang, false, |s| &mut s.clock);
                });
            });
        });
    });
}
