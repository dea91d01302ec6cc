//! Exhibit kinds: one module each, drawing the body of the exhibit screen
//! from the scene's parameters and the visitor's state.

pub mod board;
pub mod earth;
pub mod ebook;
pub mod live;
pub mod race;
pub mod sand;
pub mod tank;
pub mod theatre;
pub mod wave_types;

use bevy::prelude::*;

use super::idle::ResetHall;
use super::screens::ScreenCtx;
use super::{AppSystems, CurrentExhibit, Screen};
use crate::domain::exhibit::{board::BoardState, book::Book};
use crate::domain::scene::{ExhibitKind, ExhibitScene};

/// What the visitor has done in the open exhibit. Reset when an exhibit
/// opens and when the hall goes idle.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct ExhibitSession {
    /// The exhibit this state belongs to.
    pub exhibit: Option<String>,
    /// Page of an `Ebook`.
    pub book: Book,
    /// Expanded panel of a `Board`.
    pub board: BoardState,
}

impl Default for ExhibitSession {
    fn default() -> Self {
        Self {
            exhibit: None,
            book: Book::new(0),
            board: BoardState::default(),
        }
    }
}

impl ExhibitSession {
    /// A fresh session for `ex`.
    pub fn for_exhibit(ex: &ExhibitScene) -> Self {
        let pages = match &ex.kind {
            ExhibitKind::Ebook(b) => b.pages.len(),
            _ => 0,
        };
        Self {
            exhibit: Some(ex.id.clone()),
            book: Book::new(pages),
            board: BoardState::default(),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        tank::plugin,
        race::plugin,
        earth::plugin,
        wave_types::plugin,
        sand::plugin,
        theatre::plugin,
    ));
    app.init_resource::<ExhibitSession>()
        .add_systems(OnEnter(Screen::Exhibit), open_session)
        .add_systems(Update, clear_on_reset.in_set(AppSystems::Update));
}

fn open_session(
    current: Res<CurrentExhibit>,
    hall: Res<super::hall::Hall>,
    opts: Option<Res<super::HallOptions>>,
    mut session: ResMut<ExhibitSession>,
) {
    *session = match current.0.as_deref().and_then(|id| hall.exhibit(id)) {
        Some(ex) => ExhibitSession::for_exhibit(ex),
        None => ExhibitSession::default(),
    };
    // `quakehall shot --open N` shows page or panel N.
    if let Some(n) = opts.and_then(|o| o.shot_open()) {
        let i = n.saturating_sub(1);
        session.book.go_to(i);
        session.board.tap(i);
    }
}

fn clear_on_reset(
    mut resets: MessageReader<ResetHall>,
    mut session: ResMut<ExhibitSession>,
    mut current: ResMut<CurrentExhibit>,
    opts: Option<Res<super::HallOptions>>,
) {
    if resets.read().count() == 0 {
        return;
    }
    *session = ExhibitSession::default();
    // A dedicated kiosk keeps its one exhibit; the hall forgets the visit.
    if !opts.is_some_and(|o| o.is_dedicated()) {
        current.0 = None;
    }
}

/// Draws the body of `ex` under `body`.
pub fn draw_body(commands: &mut Commands, body: Entity, ex: &ExhibitScene, ctx: &mut ScreenCtx) {
    match &ex.kind {
        ExhibitKind::Ebook(params) => ebook::draw(commands, body, params, ctx),
        ExhibitKind::Board(params) => board::draw(commands, body, params, ctx),
        ExhibitKind::WaveTank(params) => tank::draw(commands, body, params, ctx),
        ExhibitKind::WaveRace(params) => race::draw(commands, body, params, ctx),
        ExhibitKind::ThroughEarth(params) => earth::draw(commands, body, params, ctx),
        ExhibitKind::WaveTypes(params) => wave_types::draw(commands, body, params, ctx),
        ExhibitKind::SandTable(params) => sand::draw(commands, body, params, ctx),
        ExhibitKind::Theatre(params) => theatre::draw(commands, body, params, ctx),
    }
}
