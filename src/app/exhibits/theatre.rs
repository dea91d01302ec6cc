//! `Theatre` ("How an earthquake forms"): the narrated animation with its
//! caption, the station's record, a timeline the visitor drags to scrub,
//! and play/pause, replay and speed. The story starts again a few seconds
//! after it ends, so the exhibit keeps telling it to an empty room.

use bevy::prelude::*;

use super::live::{
    BuiltFrom, OpenExhibit, clock_buttons, forget_on_leave, new_picture, show_picture, upload,
};
use crate::app::screens::ScreenCtx;
use crate::app::widgets::{
    Localized, TOUCH_PX, label, node_fraction, palette, ui_button, ui_label,
};
use crate::app::{AppSystems, HallOptions, UiLang};
use crate::domain::art::canvas::{Canvas, Rgba};
use crate::domain::exhibit::clock::ExhibitClock;
use crate::domain::exhibit::theatre::Theatre;
use crate::domain::scene::{ExhibitKind, TheatreParams};
use crate::domain::text::{Bilingual, ui};

/// Height of the animation's picture, pixels.
pub const STAGE_H: u32 = 512;

/// Size of the animation's picture: 2:1 on one screen, as wide as the
/// projectors together (16:9 each) when there are any.
pub fn stage_size(projectors: usize) -> (u32, u32) {
    match projectors.min(crate::app::projectors::MAX_PROJECTORS) {
        0 => (2 * STAGE_H, STAGE_H),
        n => (
            (n as f32 * 16.0 / 9.0 * STAGE_H as f32).round() as u32,
            STAGE_H,
        ),
    }
}
const RECORD_W: u32 = 480;
const RECORD_H: u32 = 90;
const RECORD_BG: Rgba = Rgba::hex(0x102a3a);
/// Seconds the last frame stays before the story starts again.
pub const HOLD_S: f64 = 6.0;

/// The running theatre, kept across redraws, dropped on leaving.
#[derive(Resource, Default)]
pub struct TheatreSim {
    built: BuiltFrom<TheatreParams>,
    /// The story and where it is.
    pub theatre: Option<Theatre>,
    /// The picture of the animation (also shown by the projector windows).
    pub image: Option<Handle<Image>>,
    record: Option<Handle<Image>>,
    /// Play, pause and speed.
    pub clock: ExhibitClock,
    held_s: f64,
    shown_step: Option<usize>,
}

#[derive(Component)]
struct StagePicture;

#[derive(Component)]
struct RecordPicture;

#[derive(Component)]
struct Caption;

/// Marks the timeline the visitor drags to scrub.
#[derive(Component)]
pub struct Timeline;

#[derive(Component)]
struct TimelineFill;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TheatreSim>()
        .add_systems(
            Update,
            (run, show_caption_and_time)
                .chain()
                .in_set(AppSystems::Update),
        )
        .add_systems(Update, attach_pictures.after(AppSystems::Redraw));
    forget_on_leave::<TheatreSim>(app);
}

fn run(
    open: OpenExhibit,
    time: Res<Time>,
    opts: Option<Res<HallOptions>>,
    mut sim: ResMut<TheatreSim>,
    images: Option<ResMut<Assets<Image>>>,
) {
    let Some((id, params)) = open.scene(|k| match k {
        ExhibitKind::Theatre(p) => Some(p),
        _ => None,
    }) else {
        return;
    };
    let projectors = opts.as_ref().map(|o| o.projectors).unwrap_or(0);
    let sim = &mut *sim;
    if sim.built.needs_build(id, params) {
        sim.theatre = match Theatre::new(params) {
            Ok(mut t) => {
                // `quakehall shot --open N` shows the story N seconds in.
                if let Some(n) = opts.as_ref().and_then(|o| o.shot_open()) {
                    t.time_s = (n as f64).min(t.length_s);
                }
                Some(t)
            }
            Err(e) => {
                error!("{id}: the theatre cannot be built: {e}");
                None
            }
        };
        sim.clock = ExhibitClock::new(1.0);
        sim.held_s = 0.0;
        sim.shown_step = None;
    }
    let dt = sim.clock.story_seconds(time.delta_secs_f64());
    let Some(t) = sim.theatre.as_mut() else {
        return;
    };
    if t.finished() {
        sim.held_s += dt;
        if sim.held_s >= HOLD_S {
            t.time_s = 0.0;
            sim.held_s = 0.0;
        }
    } else {
        t.advance(dt);
    }
    let Some(mut images) = images else { return };
    let (w, h) = stage_size(projectors);
    let mut c = Canvas::new(w, h, Rgba::hex(0x0d1b2a));
    t.draw(&mut c);
    let handle = sim
        .image
        .get_or_insert_with(|| new_picture(&mut images, w, h, [13, 27, 42]))
        .clone();
    upload(&mut images, &handle, w, h, c.rgba);
    let mut r = Canvas::new(RECORD_W, RECORD_H, RECORD_BG);
    t.draw_record(&mut r);
    let bg = [RECORD_BG.0, RECORD_BG.1, RECORD_BG.2];
    let handle = sim
        .record
        .get_or_insert_with(|| new_picture(&mut images, RECORD_W, RECORD_H, bg))
        .clone();
    upload(&mut images, &handle, RECORD_W, RECORD_H, r.rgba);
}

fn attach_pictures(
    sim: Res<TheatreSim>,
    mut stage: Query<&mut ImageNode, (With<StagePicture>, Without<RecordPicture>)>,
    mut record: Query<&mut ImageNode, (With<RecordPicture>, Without<StagePicture>)>,
) {
    show_picture(sim.image.as_ref(), &mut stage);
    show_picture(sim.record.as_ref(), &mut record);
}

fn show_caption_and_time(
    mut sim: ResMut<TheatreSim>,
    lang: Res<UiLang>,
    mut captions: Query<(&mut Text, &mut Localized), With<Caption>>,
    mut fills: Query<&mut Node, With<TimelineFill>>,
) {
    let Some(t) = sim.theatre.as_ref() else {
        return;
    };
    let fraction = (t.time_s / t.length_s).clamp(0.0, 1.0) as f32;
    for mut node in &mut fills {
        node.width = percent(100.0 * fraction);
    }
    let step = t.step_index();
    let caption = t.step().map(|s| s.caption.clone());
    let redraw_all = captions.iter().any(|(_, l)| Some(&l.0) != caption.as_ref());
    if sim.shown_step == Some(step) && !redraw_all {
        return;
    }
    sim.shown_step = Some(step);
    let Some(caption) = caption else { return };
    for (mut text, mut l) in &mut captions {
        text.0 = caption.get(lang.0).to_owned();
        l.0 = caption.clone();
    }
}

/// Scrubs to where a pointer is on the timeline.
fn scrub_to(
    entity: Entity,
    pos: Vec2,
    nodes: &Query<(&ComputedNode, &UiGlobalTransform)>,
    window: Option<&Window>,
    sim: &mut TheatreSim,
) {
    let Ok((node, tf)) = nodes.get(entity) else {
        return;
    };
    if let Some(n) = node_fraction(node, tf, window, pos)
        && let Some(t) = sim.theatre.as_mut()
    {
        t.scrub(n.x as f64);
        sim.held_s = 0.0;
    }
}

/// Draws the screen: the animation, its caption and record, the timeline
/// and the buttons.
pub fn draw(commands: &mut Commands, body: Entity, p: &TheatreParams, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let clock = ctx.theatre.clock;
    let (stage_w, stage_h) = stage_size(ctx.opts.as_ref().map(|o| o.projectors).unwrap_or(0));
    let marks = ctx
        .theatre
        .theatre
        .as_ref()
        .map(|t| t.step_marks())
        .unwrap_or_default();
    commands.entity(body).with_children(|body| {
        body.spawn(Node {
            width: percent(100),
            flex_grow: 1.0,
            min_height: px(0),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            padding: UiRect::new(px(64), px(64), px(0), px(32)),
            row_gap: px(16),
            ..default()
        })
        .with_children(|col| {
            col.spawn((
                StagePicture,
                ImageNode::default(),
                Node {
                    height: px(560),
                    max_width: percent(100),
                    aspect_ratio: Some(stage_w as f32 / stage_h as f32),
                    flex_shrink: 1.0,
                    min_height: px(0),
                    border_radius: BorderRadius::all(px(12)),
                    ..default()
                },
            ));
            col.spawn(Node {
                width: percent(100),
                column_gap: px(32),
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|row| {
                row.spawn((
                    Caption,
                    label(&Bilingual::new("", ""), lang, 34.0, palette::TEXT),
                    Node {
                        flex_grow: 1.0,
                        flex_shrink: 1.0,
                        min_width: px(0),
                        ..default()
                    },
                ));
                row.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    flex_shrink: 0.0,
                    row_gap: px(4),
                    ..default()
                })
                .with_children(|rec| {
                    rec.spawn(ui_label(&ui::STATION_RECORD, lang, 24.0, palette::TEXT_DIM));
                    rec.spawn((
                        RecordPicture,
                        ImageNode::default(),
                        Node {
                            width: px(RECORD_W as f32),
                            height: px(RECORD_H as f32),
                            ..default()
                        },
                    ));
                });
            });
            col.spawn(Node {
                width: percent(100),
                column_gap: px(20),
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|row| {
                row.spawn(ui_button(&ui::REPLAY, lang, false)).observe(
                    |_: On<Pointer<Click>>, mut sim: ResMut<TheatreSim>| {
                        if let Some(t) = sim.theatre.as_mut() {
                            t.time_s = 0.0;
                        }
                        sim.held_s = 0.0;
                        sim.clock.playing = true;
                    },
                );
                clock_buttons::<TheatreSim>(row, clock, lang, false, |s| &mut s.clock);
                // The timeline: a finger-high track, filled up to now, a
                // tick at each step; press or drag anywhere on it to scrub.
                row.spawn((
                    Timeline,
                    Node {
                        flex_grow: 1.0,
                        height: px(TOUCH_PX),
                        align_items: AlignItems::Center,
                        ..default()
                    },
                ))
                .with_children(|bar| {
                    bar.spawn((
                        Node {
                            width: percent(100),
                            height: px(20),
                            border_radius: BorderRadius::all(px(10)),
                            overflow: Overflow::clip(),
                            ..default()
                        },
                        BackgroundColor(palette::PANEL_HI),
                        Pickable::IGNORE,
                    ))
                    .with_children(|track| {
                        track.spawn((
                            TimelineFill,
                            Node {
                                width: percent(0),
                                height: percent(100),
                                ..default()
                            },
                            BackgroundColor(palette::ACCENT),
                            Pickable::IGNORE,
                        ));
                    });
                    for m in &marks {
                        bar.spawn((
                            Node {
                                position_type: PositionType::Absolute,
                                left: percent(100.0 * *m as f32),
                                width: px(6),
                                height: px(44),
                                margin: UiRect::left(px(-3)),
                                border_radius: BorderRadius::all(px(3)),
                                ..default()
                            },
                            BackgroundColor(palette::TEXT),
                            Pickable::IGNORE,
                        ));
                    }
                })
                .observe(
                    |press: On<Pointer<Press>>,
                     nodes: Query<(&ComputedNode, &UiGlobalTransform)>,
                     window: Query<&Window, With<bevy::window::PrimaryWindow>>,
                     mut sim: ResMut<TheatreSim>| {
                        let pos = press.pointer_location.position;
                        scrub_to(press.entity, pos, &nodes, window.single().ok(), &mut sim);
                    },
                )
                .observe(
                    |drag: On<Pointer<Drag>>,
                     nodes: Query<(&ComputedNode, &UiGlobalTransform)>,
                     window: Query<&Window, With<bevy::window::PrimaryWindow>>,
                     mut sim: ResMut<TheatreSim>| {
                        let pos = drag.pointer_location.position;
                        scrub_to(drag.entity, pos, &nodes, window.single().ok(), &mut sim);
                    },
                );
            });
            col.spawn(label(&p.intro, lang, 26.0, palette::TEXT_DIM));
        });
    });
}
