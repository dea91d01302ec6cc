//! Curator mode: a finger held on the top-left corner opens a PIN pad; the
//! right PIN opens the curator overlay (scene problems, reload, quit). Five
//! wrong PINs lock the pad for a minute. Scene problems are shown on screen
//! to curators only: always in windowed mode, in kiosk mode only here.

use bevy::prelude::*;

use super::fonts::UiFont;
use super::hall::Hall;
use super::idle::ResetHall;
use super::widgets::{TOUCH_PX, label, palette, plain, scrim, ui_button, ui_label};
use super::{AppSystems, HallOptions, UiLang};
use crate::domain::kiosk::gesture::{CornerHold, in_corner};
use crate::domain::kiosk::pin::{DEFAULT_PIN, PinGate, PinOutcome, verify_pin};
use crate::domain::text::{Bilingual, ui};

/// Where the curator overlay stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CuratorMode {
    /// Not shown.
    #[default]
    Closed,
    /// The PIN pad is open.
    PinPad,
    /// The curator overlay is open (PIN accepted).
    Open,
    /// The scene editor is open (from the overlay).
    Edit,
}

/// The curator overlay's state.
#[derive(Resource, Debug)]
pub struct Curator {
    /// What is shown.
    pub mode: CuratorMode,
    /// Digits typed so far.
    pub entry: String,
    /// The last message of the PIN pad.
    pub message: Option<Bilingual>,
    /// Wrong-PIN counting and lockout.
    pub gate: PinGate,
    /// Whether the hall still has the shipped PIN.
    pub default_pin: bool,
    hold: CornerHold,
}

impl Default for Curator {
    fn default() -> Self {
        Self {
            mode: CuratorMode::Closed,
            entry: String::new(),
            message: None,
            gate: PinGate::new(5, 60.0),
            default_pin: false,
            hold: CornerHold::new(5.0),
        }
    }
}

/// Root of the curator overlay.
#[derive(Component)]
struct CuratorRoot;

/// Root of the curators' problem notice.
#[derive(Component)]
pub struct ProblemNotice;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Curator>()
        .add_systems(Startup, configure)
        .add_systems(
            Update,
            (
                corner_gesture.in_set(AppSystems::RecordInput),
                close_on_reset.in_set(AppSystems::Update),
                draw_overlay.in_set(AppSystems::Redraw),
            ),
        );
}

fn configure(
    hall: Option<Res<Hall>>,
    opts: Option<Res<HallOptions>>,
    mut curator: ResMut<Curator>,
) {
    if let Some(mode) = opts.and_then(|o| o.shot.as_ref().and_then(|s| s.curator)) {
        curator.mode = mode;
    }
    if let Some(h) = hall {
        let k = &h.hall.kiosk;
        curator.gate = PinGate::new(k.pin_attempts, k.lockout_s as f64);
        curator.hold = CornerHold::new(k.corner_hold_s as f64);
        curator.default_pin = verify_pin(DEFAULT_PIN, &h.hall.curator_pin);
        if curator.default_pin {
            warn!("{}", ui::DEFAULT_PIN_WARNING.en);
        }
    }
}

/// Opens the PIN pad when the top-left corner is held long enough.
fn corner_gesture(
    time: Res<Time>,
    mouse: Option<Res<ButtonInput<MouseButton>>>,
    touches: Option<Res<Touches>>,
    windows: Query<&Window>,
    mut curator: ResMut<Curator>,
) {
    let mouse_in_corner = mouse.is_some_and(|m| m.pressed(MouseButton::Left))
        && windows
            .iter()
            .filter_map(|w| w.cursor_position())
            .any(|p| in_corner(p.x, p.y));
    let touch_in_corner =
        touches.is_some_and(|t| t.iter().any(|t| in_corner(t.position().x, t.position().y)));
    let held = mouse_in_corner || touch_in_corner;
    let c = curator.bypass_change_detection();
    if c.hold.update(time.elapsed_secs_f64(), held) && c.mode == CuratorMode::Closed {
        info!("curator gesture: PIN pad opened");
        c.mode = CuratorMode::PinPad;
        c.entry.clear();
        c.message = None;
        curator.set_changed();
    }
}

fn close_on_reset(mut resets: MessageReader<ResetHall>, mut curator: ResMut<Curator>) {
    if resets.read().count() > 0 && curator.mode != CuratorMode::Closed {
        // A curator who walked away must not leave the way out open.
        curator.mode = CuratorMode::Closed;
        curator.entry.clear();
        curator.message = None;
    }
}

/// A key of the PIN pad.
#[derive(Component, Debug, Clone, Copy)]
enum Key {
    Digit(char),
    Clear,
    Enter,
}

fn press_key(
    mut click: On<Pointer<Click>>,
    keys: Query<&Key>,
    mut curator: ResMut<Curator>,
    hall: Res<Hall>,
    time: Res<Time>,
) {
    click.propagate(false);
    let Ok(key) = keys.get(click.entity) else {
        return;
    };
    match *key {
        Key::Digit(d) if curator.entry.len() < 12 => curator.entry.push(d),
        Key::Digit(_) => {}
        Key::Clear => curator.entry.clear(),
        Key::Enter => {
            let entry = std::mem::take(&mut curator.entry);
            let now = time.elapsed_secs_f64();
            let outcome = curator.gate.try_pin(now, &entry, &hall.hall.curator_pin);
            curator.message = pin_message(outcome);
            if outcome == PinOutcome::Accepted {
                info!("curator overlay opened");
                curator.mode = CuratorMode::Open;
            }
        }
    }
}

/// What the PIN pad says after a try.
fn pin_message(outcome: PinOutcome) -> Option<Bilingual> {
    match outcome {
        PinOutcome::Accepted => None,
        PinOutcome::Wrong { remaining } => {
            warn!("wrong curator PIN ({remaining} tries left)");
            Some(Bilingual::new(
                format!("{}，还剩{remaining}次机会", ui::WRONG_PIN.zh),
                format!("{}: {remaining} tries left", ui::WRONG_PIN.en),
            ))
        }
        PinOutcome::Locked { seconds_left } => {
            warn!("curator PIN pad locked for {seconds_left:.0} s");
            let s = seconds_left.ceil() as u64;
            Some(Bilingual::new(
                format!("{}（{s}秒）", ui::LOCKED.zh),
                format!("{} ({s} s)", ui::LOCKED.en),
            ))
        }
    }
}

/// Closes the PIN pad or the overlay.
fn close_overlay(mut click: On<Pointer<Click>>, mut curator: ResMut<Curator>) {
    click.propagate(false);
    curator.mode = CuratorMode::Closed;
    curator.entry.clear();
    curator.message = None;
}

/// The curator overlay's roots, redrawn together.
type OverlayRoots = Or<(With<CuratorRoot>, With<ProblemNotice>)>;

#[allow(clippy::too_many_arguments)]
fn draw_overlay(
    mut commands: Commands,
    curator: Res<Curator>,
    hall: Res<Hall>,
    lang: Res<UiLang>,
    opts: Option<Res<HallOptions>>,
    font: Option<Res<UiFont>>,
    roots: Query<Entity, OverlayRoots>,
    mut first: Local<bool>,
) {
    if *first && !curator.is_changed() && !hall.is_changed() && !lang.is_changed() {
        return;
    }
    *first = true;
    for e in &roots {
        commands.entity(e).despawn();
    }
    let lang = lang.0;
    let kiosk = opts.as_ref().is_some_and(|o| o.kiosk);
    let shot = opts.as_ref().is_some_and(|o| o.shot.is_some());
    let font_missing = font.and_then(|f| f.missing.clone());

    // Problems for curators: on screen in windowed mode (a curator at a desk),
    // in kiosk mode only inside the curator overlay.
    let mut notices: Vec<(Color, String)> = Vec::new();
    if let Some(why) = &font_missing {
        notices.push((palette::ERROR, why.clone()));
    }
    for p in &hall.problems {
        let c = if p.is_error() {
            palette::ERROR
        } else {
            palette::WARNING
        };
        notices.push((c, p.to_string()));
    }
    if !kiosk && !shot && curator.mode == CuratorMode::Closed && !notices.is_empty() {
        let shown = notices.len().min(4);
        commands
            .spawn((
                ProblemNotice,
                Node {
                    position_type: PositionType::Absolute,
                    left: px(24),
                    right: px(24),
                    bottom: px(24),
                    flex_direction: FlexDirection::Column,
                    padding: UiRect::all(px(18)),
                    row_gap: px(6),
                    border_radius: BorderRadius::all(px(14)),
                    ..default()
                },
                GlobalZIndex(50),
                BackgroundColor(Color::srgba(0.05, 0.05, 0.07, 0.92)),
                Pickable::IGNORE,
            ))
            .with_children(|n| {
                n.spawn((
                    ui_label(&ui::SCENE_PROBLEMS, lang, 26.0, palette::TEXT),
                    Pickable::IGNORE,
                ));
                for (c, text) in notices.iter().take(shown) {
                    n.spawn((plain(text.clone(), 22.0, *c), Pickable::IGNORE));
                }
                if notices.len() > shown {
                    n.spawn((
                        plain(
                            format!("… +{}", notices.len() - shown),
                            22.0,
                            palette::TEXT_DIM,
                        ),
                        Pickable::IGNORE,
                    ));
                }
            });
    }

    if matches!(curator.mode, CuratorMode::Closed | CuratorMode::Edit) {
        return;
    }
    commands
        .spawn((CuratorRoot, scrim(100)))
        // The overlay swallows taps so nothing behind it reacts.
        .observe(|mut click: On<Pointer<Click>>| click.propagate(false))
        .with_children(|scrim| match curator.mode {
            CuratorMode::PinPad => pin_pad(scrim, &curator, lang),
            CuratorMode::Open => overlay(scrim, &curator, &notices, lang),
            CuratorMode::Closed | CuratorMode::Edit => {}
        });
}

fn card_node(width: f32) -> Node {
    Node {
        width: px(width),
        max_height: percent(92),
        flex_direction: FlexDirection::Column,
        align_items: AlignItems::Center,
        padding: UiRect::all(px(40)),
        row_gap: px(24),
        border_radius: BorderRadius::all(px(28)),
        ..default()
    }
}

fn pin_pad(scrim: &mut ChildSpawnerCommands, curator: &Curator, lang: crate::domain::text::Lang) {
    scrim
        .spawn((card_node(620.0), BackgroundColor(palette::PANEL)))
        .with_children(|card| {
            card.spawn(ui_label(&ui::ENTER_PIN, lang, 40.0, palette::TEXT));
            let dots: String = "●".repeat(curator.entry.chars().count());
            card.spawn((
                Node {
                    min_height: px(64),
                    align_items: AlignItems::Center,
                    ..default()
                },
                children![plain(
                    if dots.is_empty() { " ".into() } else { dots },
                    48.0,
                    palette::ACCENT
                )],
            ));
            if let Some(msg) = &curator.message {
                card.spawn(label(msg, lang, 30.0, palette::ERROR));
            }
            card.spawn(Node {
                display: Display::Grid,
                grid_template_columns: RepeatedGridTrack::px(3, TOUCH_PX * 1.4),
                column_gap: px(20),
                row_gap: px(20),
                ..default()
            })
            .with_children(|grid| {
                let keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9']
                    .map(|d| (Key::Digit(d), Bilingual::new(d.to_string(), d.to_string())))
                    .into_iter()
                    .chain([
                        (Key::Clear, ui::CLEAR.to_bilingual()),
                        (Key::Digit('0'), Bilingual::new("0", "0")),
                        (Key::Enter, ui::OK.to_bilingual()),
                    ]);
                for (key, text) in keys {
                    let primary = matches!(key, Key::Enter);
                    grid.spawn((
                        Button,
                        Node {
                            height: px(TOUCH_PX * 1.2),
                            justify_content: JustifyContent::Center,
                            align_items: AlignItems::Center,
                            border_radius: BorderRadius::all(px(24)),
                            ..default()
                        },
                        BackgroundColor(if primary {
                            palette::ACCENT
                        } else {
                            palette::PANEL_HI
                        }),
                        children![(
                            label(
                                &text,
                                lang,
                                44.0,
                                if primary {
                                    palette::ON_ACCENT
                                } else {
                                    palette::TEXT
                                }
                            ),
                            Pickable::IGNORE
                        )],
                    ))
                    .insert(key)
                    .observe(press_key);
                }
            });
            card.spawn(ui_button(&ui::CANCEL, lang, false))
                .observe(close_overlay);
        });
}

fn overlay(
    scrim: &mut ChildSpawnerCommands,
    curator: &Curator,
    notices: &[(Color, String)],
    lang: crate::domain::text::Lang,
) {
    scrim
        .spawn((card_node(1600.0), BackgroundColor(palette::PANEL)))
        .with_children(|card| {
            card.spawn(ui_label(&ui::CURATOR, lang, 52.0, palette::ACCENT));
            if curator.default_pin {
                card.spawn(ui_label(
                    &ui::DEFAULT_PIN_WARNING,
                    lang,
                    28.0,
                    palette::WARNING,
                ));
            }
            card.spawn(ui_label(&ui::SCENE_PROBLEMS, lang, 34.0, palette::TEXT));
            card.spawn((
                super::widgets::DragScroll::default(),
                Node {
                    width: percent(100),
                    max_height: px(520),
                    flex_direction: FlexDirection::Column,
                    overflow: Overflow::scroll_y(),
                    row_gap: px(8),
                    ..default()
                },
            ))
            .with_children(|list| {
                if notices.is_empty() {
                    list.spawn(ui_label(&ui::NO_PROBLEMS, lang, 28.0, palette::TEXT_DIM));
                }
                for (c, text) in notices {
                    list.spawn((plain(text.clone(), 24.0, *c), Pickable::IGNORE));
                }
            });
            card.spawn(Node {
                column_gap: px(28),
                ..default()
            })
            .with_children(|row| {
                row.spawn(ui_button(
                    &crate::domain::editor::texts::EDIT_SCENES,
                    lang,
                    false,
                ))
                .observe(
                    |mut click: On<Pointer<Click>>, mut curator: ResMut<Curator>| {
                        click.propagate(false);
                        info!("curator opened the scene editor");
                        curator.mode = CuratorMode::Edit;
                    },
                );
                row.spawn(ui_button(&ui::RELOAD, lang, false)).observe(
                    |mut click: On<Pointer<Click>>,
                     mut hall: ResMut<Hall>,
                     mut rebuild: ResMut<super::hall::RebuildScreen>| {
                        click.propagate(false);
                        hall.reload();
                        rebuild.0 = true;
                    },
                );
                row.spawn(ui_button(&ui::EXIT_HALL, lang, false)).observe(
                    |mut click: On<Pointer<Click>>, mut exit: MessageWriter<AppExit>| {
                        click.propagate(false);
                        info!("curator quit the hall");
                        exit.write(AppExit::Success);
                    },
                );
                row.spawn(ui_button(&ui::CLOSE_OVERLAY, lang, true))
                    .observe(close_overlay);
            });
        });
}
