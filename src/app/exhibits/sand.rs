//! `SandTable` ("Chongqing sand table"): the relief of the Chongqing area
//! as a block of ground the visitor turns and zooms with touch gestures.
//! A tap on the ground sets off a quake of the chosen magnitude; the P and
//! S fronts sweep over the stations, which flash and draw their records.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::live::{
    BuiltFrom, OpenExhibit, body_row, clock_buttons, forget_on_leave, new_picture, show_picture,
    swatch, upload,
};
use crate::app::hall::RebuildScreen;
use crate::app::screens::ScreenCtx;
use crate::app::widgets::{Localized, chip, label, node_fraction, palette, ui_label};
use crate::app::{AppSystems, HallOptions, UiLang};
use crate::domain::art::canvas::{Canvas, Rgba};
use crate::domain::exhibit::clock::ExhibitClock;
use crate::domain::exhibit::earth::colours;
use crate::domain::exhibit::sand::{STATION_COLOURS, SandTable, TableView};
use crate::domain::kiosk::touch::{Gesture, TouchGestures};
use crate::domain::physics::intensity::roman;
use crate::domain::scene::{ExhibitKind, SandTableParams};
use crate::domain::text::{Bilingual, ui};

/// Size of the table's picture, pixels (4:3).
pub const TABLE_W: u32 = 720;
/// Height of the table's picture, pixels.
pub const TABLE_H: u32 = 540;
/// Size of one station's record picture, pixels.
const RECORD_W: u32 = 400;
const RECORD_H: u32 = 60;
const RECORD_BG: Rgba = Rgba::hex(0x102a3a);

/// The running table, kept across redraws, dropped on leaving.
#[derive(Resource, Default)]
pub struct SandSim {
    built: BuiltFrom<SandTableParams>,
    /// The exhibit's state.
    pub table: Option<SandTable>,
    gestures: TouchGestures,
    image: Option<Handle<Image>>,
    records: Vec<Handle<Image>>,
    /// Play, pause and speed.
    pub clock: ExhibitClock,
    /// The view straight down for a projector over a physical sand table
    /// (drawn only when the hall has projectors), and its picture.
    top: Option<TableView>,
    /// The top view's picture, shown by the first projector.
    pub top_image: Option<Handle<Image>>,
}

/// Size of the top view's picture (one 16:9 projector).
pub const TOP_W: u32 = 960;
/// Height of the top view's picture.
pub const TOP_H: u32 = 540;

/// Marks the table's picture (the node that takes the gestures).
#[derive(Component)]
pub struct TablePicture;

#[derive(Component)]
struct RecordPicture(usize);

#[derive(Component)]
struct StationReadout(usize);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SandSim>()
        .add_systems(
            Update,
            (run, show_readouts).chain().in_set(AppSystems::Update),
        )
        .add_systems(Update, attach_pictures.after(AppSystems::Redraw));
    forget_on_leave::<SandSim>(app);
}

fn run(
    open: OpenExhibit,
    time: Res<Time>,
    opts: Option<Res<HallOptions>>,
    mut sim: ResMut<SandSim>,
    images: Option<ResMut<Assets<Image>>>,
) {
    let Some((id, params)) = open.scene(|k| match k {
        ExhibitKind::SandTable(p) => Some(p),
        _ => None,
    }) else {
        return;
    };
    let projectors = opts.as_ref().map(|o| o.projectors).unwrap_or(0);
    let sim = &mut *sim;
    if sim.built.needs_build(id, params) {
        sim.table = match SandTable::new(params) {
            Ok(t) => Some(t),
            Err(e) => {
                error!("{id}: the sand table cannot be built: {e}");
                None
            }
        };
        sim.clock = ExhibitClock::new(params.speedup as f64);
        sim.gestures.clear();
        sim.records.clear();
        sim.top = None;
        if let (Some(t), Some(q)) = (sim.table.as_mut(), params.opening_quake) {
            t.quake_at(q.lat, q.lon);
            // `quakehall shot --open N` shows the quake N seconds on.
            if let Some(n) = opts.as_ref().and_then(|o| o.shot_open()) {
                t.advance(n as f64);
            }
        }
    }
    let Some(table) = sim.table.as_mut() else {
        return;
    };
    table.advance(sim.clock.story_seconds(time.delta_secs_f64()));
    table.draw(TABLE_W, TABLE_H);
    let Some(mut images) = images else { return };
    if projectors > 0 {
        let top = sim.top.get_or_insert_with(|| table.top_view());
        table.render(top, TOP_W, TOP_H);
        let handle = sim
            .top_image
            .get_or_insert_with(|| new_picture(&mut images, TOP_W, TOP_H, [14, 34, 51]))
            .clone();
        upload(
            &mut images,
            &handle,
            TOP_W,
            TOP_H,
            top.picture().rgba.clone(),
        );
    }
    let handle = sim
        .image
        .get_or_insert_with(|| new_picture(&mut images, TABLE_W, TABLE_H, [14, 34, 51]))
        .clone();
    upload(
        &mut images,
        &handle,
        TABLE_W,
        TABLE_H,
        table.view.picture().rgba.clone(),
    );
    let bg = [RECORD_BG.0, RECORD_BG.1, RECORD_BG.2];
    for i in 0..table.stations.len() {
        if sim.records.len() <= i {
            sim.records
                .push(new_picture(&mut images, RECORD_W, RECORD_H, bg));
        }
        let mut c = Canvas::new(RECORD_W, RECORD_H, RECORD_BG);
        table.draw_record(i, &mut c);
        upload(&mut images, &sim.records[i], RECORD_W, RECORD_H, c.rgba);
    }
}

fn attach_pictures(
    sim: Res<SandSim>,
    mut table: Query<&mut ImageNode, (With<TablePicture>, Without<RecordPicture>)>,
    mut records: Query<(&RecordPicture, &mut ImageNode), Without<TablePicture>>,
) {
    show_picture(sim.image.as_ref(), &mut table);
    for (r, mut node) in &mut records {
        if let Some(h) = sim.records.get(r.0)
            && node.image.id() != h.id()
        {
            node.image = h.clone();
        }
    }
}

/// What station `i`'s readout says now.
fn readout(table: &SandTable, i: usize) -> Bilingual {
    let (Some(q), Some(a)) = (
        table.quake.as_ref(),
        table.stations.get(i).and_then(|s| s.arrival.as_ref()),
    ) else {
        return Bilingual::new("—", "—");
    };
    let t = q.clock_s;
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if t >= a.p_s {
        zh.push(format!("P波 {:.1}秒", a.p_s));
        en.push(format!("P {:.1} s", a.p_s));
    }
    if t >= a.s_s {
        zh.push(format!("S波 {:.1}秒", a.s_s));
        en.push(format!("S {:.1} s", a.s_s));
        zh.push(format!("\n烈度 {}度", roman(a.intensity)));
        en.push(format!("\nintensity {}", roman(a.intensity)));
    }
    if zh.is_empty() {
        return ui::WAVES_COMING.to_bilingual();
    }
    Bilingual::new(
        zh.join("  ").replace(" \n", "\n"),
        en.join("  ").replace(" \n", "\n"),
    )
}

fn show_readouts(
    sim: Res<SandSim>,
    lang: Res<UiLang>,
    mut texts: Query<(&StationReadout, &mut Text, &mut Localized)>,
) {
    let Some(table) = sim.table.as_ref() else {
        return;
    };
    for (r, mut t, mut l) in &mut texts {
        let text = readout(table, r.0);
        let s = text.get(lang.0);
        if t.0 != s {
            t.0 = s.to_owned();
            l.0 = text;
        }
    }
}

/// Where a pointer at window position `pos` (logical pixels) falls on the
/// table's picture, in picture pixels.
fn picture_point(
    node: &ComputedNode,
    transform: &UiGlobalTransform,
    window: Option<&Window>,
    pos: Vec2,
) -> Option<Vec2> {
    let n = node_fraction(node, transform, window, pos)?;
    Some(n * Vec2::new(TABLE_W as f32, TABLE_H as f32))
}

fn pointer_key(id: &bevy::picking::pointer::PointerId) -> u64 {
    use bevy::picking::pointer::PointerId;
    match id {
        PointerId::Mouse => u64::MAX,
        PointerId::Touch(t) => *t,
        PointerId::Custom(u) => u.as_u64_pair().1,
    }
}

/// A tap sets off a quake; a double tap puts the view back.
fn gesture(sim: &mut SandSim, g: Gesture, now_s: f64) {
    match g {
        Gesture::Tap(x, y) => {
            if sim.table.as_mut().is_some_and(|t| t.tap(x, y, now_s)) {
                sim.clock.playing = true;
            }
        }
        other => turn(sim, other),
    }
}

type NodeQuery<'w, 's> = Query<'w, 's, (&'static ComputedNode, &'static UiGlobalTransform)>;

fn on_press(
    press: On<Pointer<Press>>,
    nodes: NodeQuery,
    window: Query<&Window, With<PrimaryWindow>>,
    time: Res<Time<Real>>,
    mut sim: ResMut<SandSim>,
) {
    let Ok((node, tf)) = nodes.get(press.entity) else {
        return;
    };
    if let Some(p) = picture_point(
        node,
        tf,
        window.single().ok(),
        press.pointer_location.position,
    ) {
        let now = time.elapsed_secs_f64();
        sim.gestures
            .down(pointer_key(&press.pointer_id), p.x, p.y, now);
    }
}

fn on_drag(
    drag: On<Pointer<Drag>>,
    nodes: NodeQuery,
    window: Query<&Window, With<PrimaryWindow>>,
    mut sim: ResMut<SandSim>,
) {
    let Ok((node, tf)) = nodes.get(drag.entity) else {
        return;
    };
    if let Some(p) = picture_point(
        node,
        tf,
        window.single().ok(),
        drag.pointer_location.position,
    ) && let Some(g) = sim.gestures.moved(pointer_key(&drag.pointer_id), p.x, p.y)
    {
        turn(&mut sim, g);
    }
}

/// Hands a gesture that is no tap to the camera.
fn turn(sim: &mut SandSim, g: Gesture) {
    if let Some(table) = sim.table.as_mut() {
        table.view.camera.apply(g, TABLE_H as f32);
    }
}

fn lift(sim: &mut SandSim, id: &bevy::picking::pointer::PointerId, now: f64) {
    if let Some(g) = sim.gestures.up(pointer_key(id), now) {
        gesture(sim, g, now);
    }
}

fn on_release(release: On<Pointer<Release>>, time: Res<Time<Real>>, mut sim: ResMut<SandSim>) {
    lift(&mut sim, &release.pointer_id, time.elapsed_secs_f64());
}

fn on_drag_end(end: On<Pointer<DragEnd>>, time: Res<Time<Real>>, mut sim: ResMut<SandSim>) {
    lift(&mut sim, &end.pointer_id, time.elapsed_secs_f64());
}

fn on_cancel(cancel: On<Pointer<Cancel>>, time: Res<Time<Real>>, mut sim: ResMut<SandSim>) {
    lift(&mut sim, &cancel.pointer_id, time.elapsed_secs_f64());
}

fn on_scroll(scroll: On<Pointer<Scroll>>, mut sim: ResMut<SandSim>) {
    // A mouse wheel notch zooms by a tenth.
    let scale = 1.1f32.powf(scroll.y.clamp(-10.0, 10.0));
    turn(&mut sim, Gesture::Pinch(scale, 0.0, 0.0));
}

fn colour(c: Rgba) -> Color {
    Color::srgb_u8(c.0, c.1, c.2)
}

/// Draws the screen: the table on the left; the intro, magnitude, station
/// records and controls on the right.
pub fn draw(commands: &mut Commands, body: Entity, p: &SandTableParams, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let clock = ctx.sand.clock;
    let chosen = ctx.sand.table.as_ref().map(|t| t.magnitude);
    commands.entity(body).with_children(|body| {
        body.spawn(body_row()).with_children(|row| {
            row.spawn((
                TablePicture,
                ImageNode::default(),
                Node {
                    height: percent(100),
                    aspect_ratio: Some(TABLE_W as f32 / TABLE_H as f32),
                    flex_shrink: 0.0,
                    border_radius: BorderRadius::all(px(12)),
                    ..default()
                },
            ))
            .with_children(|pic| {
                // The legend of the fronts, in the picture's corner.
                pic.spawn((
                    Node {
                        position_type: PositionType::Absolute,
                        left: px(18),
                        top: px(14),
                        column_gap: px(20),
                        ..default()
                    },
                    Pickable::IGNORE,
                ))
                .with_children(|legend| {
                    swatch(
                        legend,
                        colour(colours::P),
                        &ui::P_SHORT.to_bilingual(),
                        lang,
                        26.0,
                    );
                    swatch(
                        legend,
                        colour(colours::S),
                        &ui::S_SHORT.to_bilingual(),
                        lang,
                        26.0,
                    );
                });
            })
            .observe(on_press)
            .observe(on_drag)
            .observe(on_release)
            .observe(on_drag_end)
            .observe(on_cancel)
            .observe(on_scroll);
            row.spawn(Node {
                flex_direction: FlexDirection::Column,
                flex_grow: 1.0,
                flex_shrink: 1.0,
                min_width: px(0),
                row_gap: px(10),
                ..default()
            })
            .with_children(|side| {
                side.spawn(label(&p.intro, lang, 26.0, palette::TEXT));
                side.spawn(Node {
                    column_gap: px(14),
                    align_items: AlignItems::Center,
                    ..default()
                })
                .with_children(|mags| {
                    mags.spawn((
                        ui_label(&ui::MAGNITUDE, lang, 28.0, palette::ACCENT),
                        Node {
                            flex_shrink: 0.0,
                            ..default()
                        },
                    ));
                    for &m in &p.magnitudes {
                        let selected = chosen.is_some_and(|c| (c - m as f64).abs() < 1e-6);
                        let text = Bilingual::new(format!("{m}级"), format!("M{m}"));
                        mags.spawn(chip(&text, lang, selected)).observe(
                            move |_: On<Pointer<Click>>,
                                  mut sim: ResMut<SandSim>,
                                  mut rebuild: ResMut<RebuildScreen>| {
                                if let Some(t) = sim.table.as_mut() {
                                    t.magnitude = m as f64;
                                }
                                rebuild.0 = true;
                            },
                        );
                    }
                });
                side.spawn(ui_label(
                    &ui::THREE_COMPONENTS,
                    lang,
                    24.0,
                    palette::TEXT_DIM,
                ));
                let names = std::iter::once(&p.hall).chain(&p.stations);
                for (i, place) in names.enumerate() {
                    side.spawn(Node {
                        column_gap: px(12),
                        align_items: AlignItems::Center,
                        width: percent(100),
                        ..default()
                    })
                    .with_children(|st| {
                        st.spawn(Node {
                            flex_direction: FlexDirection::Column,
                            width: px(220),
                            flex_shrink: 0.0,
                            ..default()
                        })
                        .with_children(|names| {
                            let c = STATION_COLOURS[i % STATION_COLOURS.len()];
                            names.spawn(label(&place.name, lang, 26.0, colour(c)));
                            names.spawn((
                                StationReadout(i),
                                label(&Bilingual::new("—", "—"), lang, 19.0, palette::TEXT_DIM),
                            ));
                        });
                        st.spawn((
                            RecordPicture(i),
                            ImageNode::default(),
                            Node {
                                flex_grow: 1.0,
                                min_width: px(0),
                                height: px(RECORD_H as f32),
                                ..default()
                            },
                        ));
                    });
                }
                side.spawn(Node {
                    column_gap: px(14),
                    row_gap: px(10),
                    flex_wrap: FlexWrap::Wrap,
                    ..default()
                })
                .with_children(|buttons| {
                    clock_buttons::<SandSim>(buttons, clock, lang, true, |s| &mut s.clock);
                    buttons
                        .spawn(chip(&ui::RESET_VIEW.to_bilingual(), lang, false))
                        .observe(|_: On<Pointer<Click>>, mut sim: ResMut<SandSim>| {
                            if let Some(t) = sim.table.as_mut() {
                                t.view.camera.reset();
                            }
                        });
                });
            });
        });
    });
}
