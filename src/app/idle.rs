//! Idle handling: any touch, click or key counts as a visitor; after the
//! hall's idle timeout without one, everything returns to the attract loop
//! and every exhibit forgets its state.

use bevy::picking::pointer::PointerInput;
use bevy::prelude::*;

use super::hall::{Hall, StartLang};
use super::{AppSystems, HallOptions, Screen, UiLang};
use crate::domain::kiosk::idle::IdleClock;

/// When the last visitor input happened.
#[derive(Resource, Debug)]
pub struct Idle(pub IdleClock);

/// Someone touched, clicked, dragged or typed.
#[derive(Message, Debug, Clone, Copy, Default)]
pub struct VisitorActivity;

/// Return to the attract loop and clear every exhibit's state.
#[derive(Message, Debug, Clone, Copy, Default)]
pub struct ResetHall;

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(Idle(IdleClock::new(90.0, 0.0)))
        .add_message::<VisitorActivity>()
        .add_message::<ResetHall>()
        .add_message::<PointerInput>()
        .add_systems(
            Update,
            (
                record_input.in_set(AppSystems::RecordInput),
                (note_activity, check_idle, reset_hall)
                    .chain()
                    .in_set(AppSystems::Update),
            ),
        );
}

fn record_input(
    mut pointer: MessageReader<PointerInput>,
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mouse: Option<Res<ButtonInput<MouseButton>>>,
    touches: Option<Res<Touches>>,
    mut activity: MessageWriter<VisitorActivity>,
) {
    // Read every source (no short-circuit) so that no message is left unread.
    let pointer_moved = pointer.read().count() > 0;
    let key = keys.is_some_and(|k| k.get_just_pressed().next().is_some());
    let click = mouse.is_some_and(|m| m.get_just_pressed().next().is_some());
    let touch = touches.is_some_and(|t| t.iter().next().is_some());
    let any = pointer_moved || key || click || touch;
    if any {
        activity.write(VisitorActivity);
    }
}

fn note_activity(
    mut activity: MessageReader<VisitorActivity>,
    time: Res<Time>,
    mut idle: ResMut<Idle>,
) {
    if activity.read().count() > 0 {
        idle.0.input(time.elapsed_secs_f64());
    }
}

fn check_idle(
    time: Res<Time>,
    mut idle: ResMut<Idle>,
    hall: Option<Res<Hall>>,
    opts: Option<Res<HallOptions>>,
    state: Res<State<Screen>>,
    mut reset: MessageWriter<ResetHall>,
) {
    if opts.is_some_and(|o| o.shot.is_some()) {
        return;
    }
    if let Some(h) = hall {
        idle.0.timeout_s = h.hall.idle_timeout_s as f64;
    }
    let now = time.elapsed_secs_f64();
    if *state.get() != Screen::Attract && idle.0.is_idle(now) {
        info!(
            "no visitor for {:.0} s: back to the attract loop",
            idle.0.timeout_s
        );
        reset.write(ResetHall);
        // Count the next timeout from the reset.
        idle.0.input(now);
    }
}

fn reset_hall(
    mut resets: MessageReader<ResetHall>,
    mut next: ResMut<NextState<Screen>>,
    start: Option<Res<StartLang>>,
    mut lang: ResMut<UiLang>,
    mut rebuild: ResMut<super::hall::RebuildScreen>,
) {
    if resets.read().count() == 0 {
        return;
    }
    next.set(Screen::Attract);
    if let Some(s) = start {
        lang.0 = s.0;
    }
    rebuild.0 = true;
}
