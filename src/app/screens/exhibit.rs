//! The exhibit screen: a top bar (home, number and title, language) over
//! the body, which the open exhibit's kind fills ([`ExhibitBody`]).

use bevy::prelude::*;

use super::ScreenCtx;
use crate::app::exhibits::ExhibitBody;
use crate::app::idle::ResetHall;
use crate::app::widgets::{label, language_toggle, palette, plain, toggle_language, ui_button};
use crate::app::{AppSystems, CurrentExhibit, HallOptions, Screen};
use crate::domain::text::ui;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, forget_visit.in_set(AppSystems::Update));
}

/// After a reset the hall forgets which exhibit was open; a dedicated
/// kiosk keeps its one exhibit.
fn forget_visit(
    mut resets: MessageReader<ResetHall>,
    mut current: ResMut<CurrentExhibit>,
    opts: Option<Res<HallOptions>>,
) {
    if resets.read().count() > 0 && !opts.is_some_and(|o| o.is_dedicated()) {
        current.0 = None;
    }
}

/// Draws the exhibit screen for the current exhibit.
pub fn draw(commands: &mut Commands, root: Entity, ctx: &mut ScreenCtx) {
    let lang = ctx.lang.0;
    let Some(ex) = ctx.current.0.as_deref().and_then(|id| ctx.hall.exhibit(id)) else {
        // The exhibit vanished (deleted while shown): the home screen is next.
        return;
    };
    let (number, title) = (ex.number, ex.title.clone());
    let dedicated = ctx.dedicated();
    commands.entity(root).with_children(|root| {
        root.spawn(Node {
            width: percent(100),
            height: px(150),
            padding: UiRect::axes(px(48), px(24)),
            column_gap: px(36),
            align_items: AlignItems::Center,
            flex_shrink: 0.0,
            ..default()
        })
        .with_children(|bar| {
            if !dedicated {
                bar.spawn(ui_button(&ui::BACK_HOME, lang, false)).observe(
                    |_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| {
                        next.set(Screen::Home);
                    },
                );
            }
            bar.spawn((
                Node {
                    padding: UiRect::axes(px(20), px(6)),
                    border_radius: BorderRadius::all(px(28)),
                    flex_shrink: 0.0,
                    ..default()
                },
                BackgroundColor(palette::ACCENT),
                children![plain(format!("{number:02}"), 44.0, palette::ON_ACCENT)],
            ));
            bar.spawn((
                Node {
                    flex_grow: 1.0,
                    flex_shrink: 1.0,
                    ..default()
                },
                children![label(&title, lang, 64.0, palette::TEXT)],
            ));
            bar.spawn(language_toggle(lang)).observe(toggle_language);
        });
    });
    let body = commands
        .spawn(Node {
            width: percent(100),
            flex_grow: 1.0,
            min_height: px(0),
            flex_direction: FlexDirection::Column,
            ..default()
        })
        .id();
    commands.entity(root).add_child(body);
    commands.trigger(ExhibitBody { body });
}
