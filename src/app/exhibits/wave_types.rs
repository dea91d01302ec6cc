//! `WaveTypes` ("Four kinds of waves"): a block of particles moving as a P,
//! S, Love or Rayleigh wave passes; buttons choose the wave, a tap traces a
//! particle's orbit, slow motion shows it clearly.

use bevy::prelude::*;

use super::live::{BuiltFrom, OpenExhibit, forget_on_leave, new_picture, show_picture, upload};
use crate::app::AppSystems;
use crate::app::hall::RebuildScreen;
use crate::app::screens::ScreenCtx;
use crate::app::widgets::{Slider, button, label, palette, spawn_slider, ui_label};
use crate::domain::art::canvas::{Canvas, Rgba};
use crate::domain::exhibit::wave_types::WaveTypes;
use crate::domain::physics::motion::{Medium, WaveKind};
use crate::domain::scene::{ExhibitKind, WaveTypesParams};
use crate::domain::text::{Bilingual, ui};

/// Width of the picture, pixels.
const PICTURE_W: u32 = 960;
const BACKGROUND: Rgba = Rgba::hex(0x102a3a);

/// The running block, kept across redraws, dropped on leaving.
#[derive(Resource, Default)]
pub struct WaveTypesSim {
    built: BuiltFrom<WaveTypesParams>,
    /// The exhibit's state.
    pub sim: Option<WaveTypes>,
    image: Option<Handle<Image>>,
}

#[derive(Component)]
struct BlockPicture;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<WaveTypesSim>()
        .add_systems(
            Update,
            (follow_slider, run).chain().in_set(AppSystems::Update),
        )
        .add_systems(Update, attach_picture.after(AppSystems::Redraw));
    forget_on_leave::<WaveTypesSim>(app);
}

/// The rock a scene describes.
pub fn medium(p: &WaveTypesParams) -> Medium {
    Medium {
        vp: p.vp_km_s,
        vs: p.vs_km_s,
        layer_vs: p.layer_vs_km_s,
        layer_km: p.layer_km,
        ..Medium::default()
    }
}

fn picture_h() -> u32 {
    (PICTURE_W as f32 / WaveTypes::aspect()).round() as u32
}

fn run(
    open: OpenExhibit,
    time: Res<Time>,
    mut sim: ResMut<WaveTypesSim>,
    mut rebuild: ResMut<RebuildScreen>,
    opts: Option<Res<crate::app::HallOptions>>,
    images: Option<ResMut<Assets<Image>>>,
) {
    let Some((id, params)) = open.scene(|k| match k {
        ExhibitKind::WaveTypes(p) => Some(p),
        _ => None,
    }) else {
        return;
    };
    if sim.built.needs_build(id, params) {
        let mut block = WaveTypes::new(medium(params), params.period_s);
        // `quakehall shot --open N` shows wave N with a surface particle traced.
        if let Some(n) = opts.and_then(|o| o.shot_open()) {
            block.show(KINDS[n.clamp(1, 4) - 1]);
            block.touch(0.3, 0.21);
        }
        sim.sim = Some(block);
        rebuild.0 = true;
    }
    let WaveTypesSim {
        sim: block, image, ..
    } = &mut *sim;
    let Some(block) = block.as_mut() else { return };
    block.advance(time.delta_secs_f64());
    let Some(mut images) = images else { return };
    let (w, h) = (PICTURE_W, picture_h());
    let bg = [BACKGROUND.0, BACKGROUND.1, BACKGROUND.2];
    let handle = image
        .get_or_insert_with(|| new_picture(&mut images, w, h, bg))
        .clone();
    let mut c = Canvas::new(w, h, BACKGROUND);
    block.draw(&mut c);
    upload(&mut images, &handle, w, h, c.rgba);
}

/// Slowest slow motion: a tenth of the waves' real pace.
const SLOWEST: f64 = 0.1;

fn rate_to_slider(rate: f64) -> f32 {
    ((rate - SLOWEST) / (1.0 - SLOWEST)).clamp(0.0, 1.0) as f32
}

/// Marks the slow-motion slider.
#[derive(Component)]
struct SpeedSlider;

/// Follows the slow-motion slider.
fn follow_slider(
    sliders: Query<&Slider, (With<SpeedSlider>, Changed<Slider>)>,
    mut sim: ResMut<WaveTypesSim>,
) {
    for s in &sliders {
        if let Some(w) = sim.sim.as_mut() {
            let rate = SLOWEST + (1.0 - SLOWEST) * s.value as f64;
            if (w.rate - rate).abs() > 1e-9 {
                w.rate = rate;
            }
        }
    }
}

fn attach_picture(sim: Res<WaveTypesSim>, mut q: Query<&mut ImageNode, With<BlockPicture>>) {
    show_picture(sim.image.as_ref(), &mut q);
}

const KINDS: [WaveKind; 4] = [WaveKind::P, WaveKind::S, WaveKind::Love, WaveKind::Rayleigh];

fn kind_name(k: WaveKind) -> Bilingual {
    match k {
        WaveKind::P => ui::P_SHORT,
        WaveKind::S => ui::S_SHORT,
        WaveKind::Love => ui::LOVE_WAVE,
        WaveKind::Rayleigh => ui::RAYLEIGH_WAVE,
    }
    .to_bilingual()
}

fn kind_about(k: WaveKind) -> Bilingual {
    match k {
        WaveKind::P => ui::ABOUT_P,
        WaveKind::S => ui::ABOUT_S,
        WaveKind::Love => ui::ABOUT_LOVE,
        WaveKind::Rayleigh => ui::ABOUT_RAYLEIGH,
    }
    .to_bilingual()
}

/// Draws the screen: the block, then the wave buttons, what the chosen
/// wave does, its speed and wavelength, and slow motion.
pub fn draw(commands: &mut Commands, body: Entity, p: &WaveTypesParams, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let (kind, rate, speed, wavelength) = ctx
        .wave_types
        .sim
        .as_ref()
        .map(|w| (w.kind, w.rate, w.speed_km_s(), w.wavelength_km()))
        .unwrap_or((WaveKind::P, 1.0, p.vp_km_s, p.vp_km_s * p.period_s));
    commands.entity(body).with_children(|body| {
        body.spawn(Node {
            width: percent(100),
            flex_grow: 1.0,
            min_height: px(0),
            flex_direction: FlexDirection::Column,
            padding: UiRect::new(px(64), px(64), px(0), px(32)),
            row_gap: px(20),
            ..default()
        })
        .with_children(|col| {
            col.spawn(label(&p.intro, lang, 30.0, palette::TEXT_DIM));
            col.spawn(Node {
                flex_grow: 1.0,
                min_height: px(0),
                column_gap: px(40),
                ..default()
            })
            .with_children(|row| {
                row.spawn((
                    BlockPicture,
                    ImageNode::default(),
                    Node {
                        flex_grow: 1.0,
                        flex_basis: px(0),
                        min_width: px(0),
                        max_height: percent(100),
                        aspect_ratio: Some(WaveTypes::aspect()),
                        align_self: AlignSelf::FlexStart,
                        ..default()
                    },
                ))
                .observe(
                    |press: On<Pointer<Press>>, mut sim: ResMut<WaveTypesSim>| {
                        let Some(pos) = press.hit.position else {
                            return;
                        };
                        if let Some(w) = sim.sim.as_mut() {
                            w.touch(pos.x + 0.5, pos.y + 0.5);
                        }
                    },
                );
                row.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    width: px(460),
                    flex_shrink: 0.0,
                    row_gap: px(16),
                    ..default()
                })
                .with_children(|side| {
                    side.spawn(Node {
                        display: Display::Grid,
                        grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
                        column_gap: px(16),
                        row_gap: px(16),
                        ..default()
                    })
                    .with_children(|grid| {
                        for k in KINDS {
                            grid.spawn(button(&kind_name(k), lang, k == kind)).observe(
                                move |_: On<Pointer<Click>>,
                                      mut sim: ResMut<WaveTypesSim>,
                                      mut rebuild: ResMut<RebuildScreen>| {
                                    if let Some(w) = sim.sim.as_mut() {
                                        w.show(k);
                                        rebuild.0 = true;
                                    }
                                },
                            );
                        }
                    });
                    side.spawn(label(&kind_about(kind), lang, 30.0, palette::TEXT));
                    side.spawn(label(
                        &Bilingual::new(
                            format!("速度 {speed:.2} 公里/秒，波长 {wavelength:.1} 公里"),
                            format!("Speed {speed:.2} km/s, wavelength {wavelength:.1} km"),
                        ),
                        lang,
                        30.0,
                        palette::ACCENT,
                    ));
                    side.spawn(ui_label(&ui::TAP_A_PARTICLE, lang, 26.0, palette::TEXT_DIM));
                    // Slow motion: a slider from a tenth of normal speed
                    // (left) to normal speed (right).
                    side.spawn(Node {
                        flex_direction: FlexDirection::Column,
                        width: percent(100),
                        ..default()
                    })
                    .with_children(|col| {
                        col.spawn(Node {
                            width: percent(100),
                            ..default()
                        })
                        .with_children(|row| {
                            spawn_slider(row, rate_to_slider(rate), SpeedSlider);
                        });
                        col.spawn(Node {
                            width: percent(100),
                            justify_content: JustifyContent::SpaceBetween,
                            ..default()
                        })
                        .with_children(|row| {
                            row.spawn(ui_label(&ui::SLOW_MOTION, lang, 26.0, palette::TEXT_DIM));
                            row.spawn(ui_label(&ui::NORMAL_SPEED, lang, 26.0, palette::TEXT_DIM));
                        });
                    });
                });
            });
        });
    });
}
