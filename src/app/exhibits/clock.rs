//! The exhibit clock's buttons for every kind with a clock: play/pause and
//! speed ×½/×1/×2. A tap changes the clock of the running exhibit; the
//! buttons' labels follow it without redrawing anything else.

use std::marker::PhantomData;

use bevy::prelude::*;

use super::live::Live;
use crate::app::widgets::{Localized, button, chip, relabel};
use crate::app::{AppSystems, UiLang};
use crate::domain::clock::ExhibitClock;
use crate::domain::text::{Bilingual, Lang, ui};
use crate::kinds::Kind;

/// What a clock button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockRole {
    /// Play or pause.
    Toggle,
    /// The next speed.
    Speed,
}

impl ClockRole {
    /// What the button says while the clock is `clock`.
    fn text(self, clock: &ExhibitClock) -> Bilingual {
        match self {
            ClockRole::Toggle if clock.playing => ui::PAUSE.to_bilingual(),
            ClockRole::Toggle => ui::PLAY.to_bilingual(),
            ClockRole::Speed => Bilingual::new(
                format!("速度 ×{}", clock.speed()),
                format!("Speed ×{}", clock.speed()),
            ),
        }
    }
}

/// Marks a clock button of kind `K`.
#[derive(Component, Debug)]
pub struct ClockButton<K>(pub ClockRole, PhantomData<K>);

/// Spawns the play/pause and speed buttons of kind `K`'s clock (now
/// `clock`) into `row`; `compact` makes them [`chip`]s.
pub fn clock_buttons<K: Kind>(
    row: &mut ChildSpawnerCommands,
    clock: &ExhibitClock,
    lang: Lang,
    compact: bool,
) {
    for role in [ClockRole::Toggle, ClockRole::Speed] {
        let text = role.text(clock);
        let mut b = if compact {
            row.spawn(chip(&text, lang, false))
        } else {
            row.spawn(button(&text, lang, false))
        };
        b.insert(ClockButton::<K>(role, PhantomData))
            .observe(press::<K>);
    }
}

fn press<K: Kind>(
    click: On<Pointer<Click>>,
    buttons: Query<&ClockButton<K>>,
    mut live: ResMut<Live<K>>,
) {
    let (Ok(b), Some(run)) = (buttons.get(click.entity), live.get_mut()) else {
        return;
    };
    match b.0 {
        ClockRole::Toggle => run.clock.toggle(),
        ClockRole::Speed => run.clock.next_speed(),
    }
}

/// The clock buttons of kind `K` say what the clock is doing.
pub(super) fn plugin<K: Kind>(app: &mut App) {
    app.add_systems(Update, show_clock::<K>.in_set(AppSystems::Refresh));
}

fn show_clock<K: Kind>(
    live: Res<Live<K>>,
    lang: Res<UiLang>,
    buttons: Query<(&ClockButton<K>, &Children)>,
    mut labels: Query<(&mut Text, &mut Localized)>,
) {
    let Some(run) = live.get() else { return };
    for (b, children) in &buttons {
        let want = b.0.text(&run.clock);
        for child in children.iter() {
            if let Ok((mut text, mut loc)) = labels.get_mut(child) {
                relabel(&mut text, &mut loc, &want, lang.0);
            }
        }
    }
}
