//! The curator's scene editor on the kiosk (bevy_egui): the form of one
//! scene file on the left, the hall itself as a live preview at the top
//! right, and below it the buttons, the history, the file picker or the
//! on-screen keyboard. Everything it does goes through
//! [`crate::domain::editor::Editor`]; this file only draws and forwards.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use bevy::camera::visibility::RenderLayers;
use bevy::camera::{CameraOutputMode, ClearColorConfig};
use bevy::prelude::*;
use bevy_egui::{
    EguiContexts, EguiGlobalSettings, EguiPlugin, EguiPrimaryContextPass, PrimaryEguiContext, egui,
};

use super::curator::{Curator, CuratorMode};
use super::fonts::UiFont;
use super::hall::{Hall, RebuildScreen};
use super::idle::ResetHall;
use super::window::PreviewArea;
use super::{CurrentExhibit, Screen, UiLang};
use crate::domain::editor::form::{FileKind, Row, Widget, has_errors, unplaced};
use crate::domain::editor::keyboard::{Key, Keyboard};
use crate::domain::editor::texts as t;
use crate::domain::editor::tree::float_literal;
use crate::domain::editor::{Edit, Editor, SaveRefused, copy_exhibit, history};
use crate::domain::scene::library::HALL_FILE;
use crate::domain::scene::locate::FieldPath;
use crate::domain::scene::problem::Problem;
use crate::domain::text::Lang;
use crate::domain::text::ui::UiText;

/// The size the editor is laid out at, in egui points (scaled to the window).
const DESIGN: egui::Vec2 = egui::vec2(1280.0, 720.0);
/// The least size of anything a finger presses.
const TOUCH: f32 = 64.0;
/// Where the hall is drawn while the editor is open: the top right quarter.
const PREVIEW: Rect = Rect {
    min: Vec2::new(0.5, 0.0),
    max: Vec2::new(1.0, 0.5),
};

/// Seconds between looks at the file on disk (another editor's save).
const DISK_CHECK_S: f64 = 0.5;
/// Seconds between preview updates while the curator types.
const PREVIEW_S: f64 = 0.3;

/// The editor's state.
#[derive(Resource, Default)]
pub struct SceneEditor {
    /// The file open in the form, if any (else the file list shows).
    pub open: Option<OpenFile>,
    fonts_set: bool,
}

/// A text box the keyboard types into.
#[derive(Debug, Clone, PartialEq)]
enum Focus {
    Text(FieldPath, Lang),
    Line(FieldPath),
    Number(FieldPath),
}

/// What the lower right pane shows.
#[derive(Debug, Clone, PartialEq)]
enum Pane {
    Status,
    History,
    Pick {
        path: FieldPath,
        extensions: Vec<&'static str>,
    },
}

/// One file open in the editor.
pub struct OpenFile {
    /// The editor's state machine.
    pub ed: Editor,
    focus: Option<Focus>,
    number_text: String,
    kb: Keyboard,
    pane: Pane,
    message: Option<(bool, UiText)>,
    offer: Option<(history::StoredDraft, String)>,
    previewed: Option<String>,
    last_preview: f64,
    last_disk: f64,
    thumbs: HashMap<String, Option<egui::TextureHandle>>,
    /// What the open pane lists, read when it opens (not every frame):
    /// the kept versions with their changes, or the files to pick from.
    listed: Listed,
}

/// The contents of the history or file pane, read once when it opens.
#[derive(Default)]
enum Listed {
    #[default]
    Nothing,
    /// Kept versions: when, text, what differs from the draft.
    Versions(Vec<(String, String, Vec<String>)>),
    /// Files inside `assets/`, relative to it.
    Files(Vec<String>),
}

impl OpenFile {
    fn new(ed: Editor) -> Self {
        let offer = history::stored_draft(&ed.file)
            .filter(|kept| kept.text != ed.base())
            .map(|kept| {
                let when = history::clock_label(kept.when);
                (kept, when)
            });
        Self {
            ed,
            focus: None,
            number_text: String::new(),
            kb: Keyboard::default(),
            pane: Pane::Status,
            message: None,
            offer,
            previewed: None,
            last_preview: f64::NEG_INFINITY,
            last_disk: 0.0,
            thumbs: HashMap::new(),
            listed: Listed::Nothing,
        }
    }
}

/// What a tap in the editor asks for; applied after the frame's UI is drawn.
enum Action {
    Edit(Edit),
    Open(FileKind, PathBuf),
    Files,
    Close,
    Save,
    Revert(String),
    CopyExhibit,
    ReloadDisk,
    KeepMine,
    Resume,
    Discard,
    Pane(Pane),
    Focus(Option<Focus>),
    NumberText(FieldPath, String),
    Key(Key),
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .insert_resource(EguiGlobalSettings {
            auto_create_primary_context: false,
            ..default()
        })
        .init_resource::<SceneEditor>()
        .add_systems(Startup, spawn_editor_camera)
        .add_systems(EguiPrimaryContextPass, draw_editor)
        .add_systems(
            Update,
            (close_on_reset, follow_mode, sync_preview)
                .chain()
                .in_set(super::AppSystems::TickTimers),
        );
}

/// The camera egui draws the editor with.
#[derive(Component)]
struct EditorCamera;

/// egui draws on a camera of its own, over the hall's, so that the hall's
/// camera can shrink to the preview area. It is off unless the editor is
/// open: a second full-window camera costs visitors a third of a frame on
/// a software renderer.
fn spawn_editor_camera(mut commands: Commands) {
    commands.spawn((
        Name::new("editor camera"),
        EditorCamera,
        PrimaryEguiContext,
        Camera2d,
        RenderLayers::none(),
        Camera {
            order: 50,
            is_active: false,
            output_mode: CameraOutputMode::Write {
                blend_state: Some(bevy::render::render_resource::BlendState::ALPHA_BLENDING),
                clear_color: ClearColorConfig::None,
            },
            clear_color: ClearColorConfig::Custom(Color::NONE),
            ..default()
        },
    ));
}

fn close_on_reset(
    mut resets: MessageReader<ResetHall>,
    mut editor: ResMut<SceneEditor>,
    mut hall: ResMut<Hall>,
    mut rebuild: ResMut<RebuildScreen>,
) {
    if resets.read().count() > 0 && editor.open.is_some() {
        close(&mut editor, &mut hall, &mut rebuild);
    }
}

/// Leaves the file: an unsaved draft is kept for next time, and the hall
/// goes back to the saved files.
fn close(editor: &mut SceneEditor, hall: &mut Hall, rebuild: &mut RebuildScreen) {
    if let Some(open) = editor.open.take() {
        if open.ed.dirty() {
            match open.ed.keep_unsaved() {
                Ok(()) => info!("editor: unsaved draft of {} kept", open.ed.file.display()),
                Err(e) => warn!("editor: the unsaved draft could not be kept: {e}"),
            }
        }
        hall.preview_draft(&open.ed.file, None);
        rebuild.0 = true;
    }
}

/// Opens the exhibit on screen when the editor is entered there, and
/// closes the file when curator mode ends.
#[allow(clippy::too_many_arguments)]
fn follow_mode(
    curator: Res<Curator>,
    mut editor: ResMut<SceneEditor>,
    mut hall: ResMut<Hall>,
    mut rebuild: ResMut<RebuildScreen>,
    current: Res<CurrentExhibit>,
    screen: Res<State<Screen>>,
    mut area: ResMut<PreviewArea>,
    mut windows: Query<&mut Window, With<bevy::window::PrimaryWindow>>,
    mut cameras: Query<&mut Camera, With<EditorCamera>>,
    mut was_editing: Local<bool>,
) {
    let editing = curator.mode == CuratorMode::Edit;
    for mut cam in &mut cameras {
        if cam.is_active != editing {
            cam.is_active = editing;
        }
    }
    if editing != *was_editing {
        // An attached keyboard's input method writes Chinese into the form.
        for mut w in &mut windows {
            w.ime_enabled = editing;
        }
    }
    if editing && !*was_editing && editor.open.is_none() && *screen.get() == Screen::Exhibit {
        let file = current
            .0
            .as_ref()
            .and_then(|id| hall.exhibits.iter().find(|e| e.scene.id == *id))
            .map(|e| e.file.clone());
        if let Some(file) = file {
            open_file(&mut editor, &hall, FileKind::Exhibit, &file);
        }
    }
    if !editing && editor.open.is_some() {
        close(&mut editor, &mut hall, &mut rebuild);
    }
    *was_editing = editing;
    let want = PreviewArea(editing.then_some(PREVIEW));
    if *area != want {
        *area = want;
        rebuild.0 = true;
    }
}

fn open_file(editor: &mut SceneEditor, hall: &Hall, kind: FileKind, file: &Path) {
    match Editor::open(kind, file, &hall.assets_dir) {
        Ok(ed) => {
            info!("editor: {} opened", file.display());
            editor.open = Some(OpenFile::new(ed));
        }
        Err(e) => error!("editor: cannot open {}: {e}", file.display()),
    }
}

/// Shows the draft in the hall (same checks and reload as a saved file)
/// and watches the file on disk.
fn sync_preview(
    time: Res<Time>,
    mut editor: ResMut<SceneEditor>,
    mut hall: ResMut<Hall>,
    mut rebuild: ResMut<RebuildScreen>,
) {
    let now = time.elapsed_secs_f64();
    let Some(open) = editor.open.as_mut() else {
        return;
    };
    if now - open.last_disk >= DISK_CHECK_S {
        open.last_disk = now;
        if open.ed.check_disk() {
            warn!(
                "editor: {} changed on disk while open",
                open.ed.file.display()
            );
        }
    }
    let text = open.ed.draft.text();
    if open.previewed.as_deref() == Some(text) || now - open.last_preview < PREVIEW_S {
        return;
    }
    open.last_preview = now;
    open.previewed = Some(text.to_owned());
    let hall = hall.as_mut();
    let changed = hall.preview_draft(&open.ed.file, Some(text.to_owned()));
    open.ed.hall_problems = hall
        .problems
        .iter()
        .filter(|p| p.file == open.ed.file)
        .cloned()
        .collect();
    if changed {
        rebuild.0 = true;
    }
}

fn set_style(ctx: &egui::Context, font: Option<&UiFont>) {
    let mut fonts = egui::FontDefinitions::default();
    if let Some(path) = font.and_then(|f| f.file.clone())
        && let Ok(bytes) = std::fs::read(&path)
    {
        let mut data = egui::FontData::from_owned(bytes);
        if path.extension().is_some_and(|e| e == "ttc") {
            data.index = 2; // Noto Sans CJK collections: JP, KR, SC, TC, HK
        }
        fonts
            .font_data
            .insert("cjk".into(), std::sync::Arc::new(data));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push("cjk".into());
        }
    }
    ctx.set_fonts(fonts);
    ctx.all_styles_mut(|s| {
        use egui::{FontFamily, FontId, TextStyle};
        s.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(26.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(20.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(20.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(16.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(18.0, FontFamily::Monospace),
            ),
        ]
        .into();
        s.spacing.interact_size = egui::vec2(TOUCH, TOUCH);
        s.spacing.item_spacing = egui::vec2(8.0, 8.0);
        s.spacing.slider_width = 300.0;
        // A solid bar beside the form, as wide as any touch target: a drag
        // that starts on a text box selects text, so the bar is how a
        // finger scrolls.
        s.spacing.scroll = egui::style::ScrollStyle::solid();
        s.spacing.scroll.bar_width = TOUCH;
        s.visuals = egui::Visuals::dark();
    });
}

#[allow(clippy::too_many_arguments)]
fn draw_editor(
    mut contexts: EguiContexts,
    mut editor: ResMut<SceneEditor>,
    mut curator: ResMut<Curator>,
    mut hall: ResMut<Hall>,
    mut rebuild: ResMut<RebuildScreen>,
    mut current: ResMut<CurrentExhibit>,
    mut next: ResMut<NextState<Screen>>,
    lang: Res<UiLang>,
    font: Option<Res<UiFont>>,
    windows: Query<&Window, With<bevy::window::PrimaryWindow>>,
) -> Result {
    if curator.mode != CuratorMode::Edit {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    if !editor.fonts_set {
        set_style(&ctx, font.as_deref());
        editor.fonts_set = true;
    }
    if let Some(w) = windows.iter().next() {
        let zoom = (w.width() / DESIGN.x).min(w.height() / DESIGN.y).max(0.25);
        if (ctx.zoom_factor() - zoom).abs() > 1e-3 {
            ctx.set_zoom_factor(zoom);
        }
    }
    let lang = lang.0;
    let mut actions = Vec::new();
    let screen = ctx.content_rect();
    let mut root = egui::Ui::new(
        ctx.clone(),
        "editor".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(screen),
    );
    let half = screen.width() / 2.0;
    egui::Panel::left("editor form")
        .exact_size(half)
        .resizable(false)
        .show(&mut root, |ui| match editor.open.as_mut() {
            Some(open) => form(ui, open, lang, &mut actions),
            None => file_list(ui, &hall, lang, &mut actions),
        });
    let pane_rect = egui::Rect::from_min_max(
        egui::pos2(screen.min.x + half, screen.min.y + screen.height() / 2.0),
        screen.max,
    );
    egui::Area::new("editor tools".into())
        .fixed_pos(pane_rect.min)
        .show(&ctx, |ui| {
            ui.painter()
                .rect_filled(pane_rect, 0.0, ui.visuals().panel_fill);
            ui.set_max_size(pane_rect.size());
            ui.set_min_size(pane_rect.size());
            let inner = egui::Frame::new().inner_margin(8.0);
            inner.show(ui, |ui| match editor.open.as_mut() {
                Some(open) => tools(ui, open, lang, &mut actions),
                None => {
                    if big(ui, t::CLOSE.get(lang), 160.0).clicked() {
                        actions.push(Action::Close);
                    }
                }
            });
        });

    for a in actions {
        apply(
            a,
            &mut editor,
            &mut curator,
            &mut hall,
            &mut rebuild,
            &mut current,
            &mut next,
        );
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn apply(
    action: Action,
    editor: &mut SceneEditor,
    curator: &mut Curator,
    hall: &mut Hall,
    rebuild: &mut RebuildScreen,
    current: &mut CurrentExhibit,
    next: &mut NextState<Screen>,
) {
    match action {
        Action::Open(kind, file) => {
            close(editor, hall, rebuild);
            open_file(editor, hall, kind, &file);
            match hall.exhibits.iter().find(|e| e.file == file) {
                Some(e) => {
                    current.0 = Some(e.scene.id.clone());
                    next.set(Screen::Exhibit);
                }
                None => next.set(Screen::Home),
            }
            return;
        }
        Action::Files => {
            close(editor, hall, rebuild);
            return;
        }
        Action::Close => {
            close(editor, hall, rebuild);
            curator.mode = CuratorMode::Closed;
            return;
        }
        _ => {}
    }
    let Some(open) = editor.open.as_mut() else {
        return;
    };
    match action {
        Action::Edit(e) => {
            if matches!(e, Edit::Undo | Edit::Redo) {
                open.focus = None;
            }
            if let Err(err) = open.ed.apply(e) {
                warn!("editor: {err}");
            }
            open.message = None;
        }
        Action::Save => match open.ed.save(SystemTime::now()) {
            Ok(()) => {
                info!("editor: {} saved", open.ed.file.display());
                open.message = Some((true, t::SAVED));
                // The history listed before this save is out of date.
                open.pane = Pane::Status;
                open.listed = Listed::Nothing;
                hall.reload();
                rebuild.0 = true;
            }
            Err(SaveRefused::Unchanged) => open.message = Some((true, t::NOTHING_TO_SAVE)),
            Err(SaveRefused::Errors(_)) => open.message = Some((false, t::CANNOT_SAVE)),
            Err(SaveRefused::Conflict) => open.message = None,
            Err(SaveRefused::Io(e)) => {
                error!("editor: {e}");
                open.message = Some((false, t::CANNOT_SAVE));
            }
        },
        Action::Revert(text) => {
            open.ed.revert_to(&text);
            open.pane = Pane::Status;
            open.message = Some((true, t::REVERTED));
        }
        Action::CopyExhibit => {
            let hall_file = hall.scenes_dir.join(HALL_FILE);
            match copy_exhibit(&open.ed.file, &hall_file, SystemTime::now()) {
                Ok(new) => {
                    info!("editor: copied as {}", new.display());
                    hall.reload();
                    let id = hall
                        .exhibits
                        .iter()
                        .find(|e| e.file == new)
                        .map(|e| e.scene.id.clone());
                    close(editor, hall, rebuild);
                    open_file(editor, hall, FileKind::Exhibit, &new);
                    if let Some(o) = editor.open.as_mut() {
                        o.message = Some((true, t::COPIED));
                    }
                    if let Some(id) = id {
                        current.0 = Some(id);
                        next.set(Screen::Exhibit);
                    }
                }
                Err(e) => error!("editor: copy failed: {e}"),
            }
        }
        Action::ReloadDisk => open.ed.reload_from_disk(),
        Action::KeepMine => open.ed.keep_draft(),
        Action::Resume => {
            if let Some((kept, _)) = open.offer.take() {
                open.ed.resume(&kept);
            }
        }
        Action::Discard => {
            open.offer = None;
            history::discard_draft(&open.ed.file);
        }
        Action::Pane(p) => {
            open.listed = match &p {
                Pane::Status => Listed::Nothing,
                Pane::History => Listed::Versions(
                    history::versions(&open.ed.file)
                        .into_iter()
                        .filter_map(|v| {
                            let text = v.text().ok()?;
                            let changes = open.ed.changes_from(&text);
                            Some((
                                v.when(),
                                text,
                                changes.iter().map(|c| c.to_string()).collect(),
                            ))
                        })
                        .collect(),
                ),
                Pane::Pick { extensions, .. } => {
                    Listed::Files(asset_files(open.ed.assets_dir(), extensions))
                }
            };
            open.pane = p;
        }
        Action::Focus(f) => {
            if f != open.focus {
                let _ = open.ed.apply(Edit::Seal);
                if let Some(Focus::Number(path)) = &f {
                    open.number_text = number_now(&open.ed.rows, path).unwrap_or_default();
                }
                open.focus = f;
                open.kb = Keyboard::default();
            }
        }
        Action::NumberText(path, text) => {
            open.number_text = text;
            if let Ok(v) = open.number_text.trim().parse::<f64>() {
                let _ = open.ed.apply(Edit::Number { path, value: v });
            }
        }
        Action::Key(key) => {
            open.message = None;
            type_key(open, key);
        }
        Action::Open(..) | Action::Files | Action::Close => {}
    }
}

/// The number at `path` as the form shows it.
fn number_now(rows: &[Row], path: &FieldPath) -> Option<String> {
    rows.iter()
        .find(|r| r.path == *path)
        .and_then(|r| match &r.widget {
            Widget::Int { value, .. } => Some(value.to_string()),
            Widget::Float { value, single, .. } => Some(float_literal(*value, *single)),
            _ => None,
        })
}

/// The on-screen keyboard types into the focused box.
fn type_key(open: &mut OpenFile, key: Key) {
    let Some(focus) = open.focus.clone() else {
        return;
    };
    let value = |rows: &[Row], path: &FieldPath, lang: Option<Lang>| -> String {
        rows.iter()
            .find(|r| r.path == *path)
            .map(|r| match (&r.widget, lang) {
                (Widget::Text { zh, .. }, Some(Lang::Zh)) => zh.clone(),
                (Widget::Text { en, .. }, Some(Lang::En)) => en.clone(),
                (Widget::Line { value, .. }, _) => value.clone(),
                _ => String::new(),
            })
            .unwrap_or_default()
    };
    let mut text = match &focus {
        Focus::Text(p, l) => value(&open.ed.rows, p, Some(*l)),
        Focus::Line(p) => value(&open.ed.rows, p, None),
        Focus::Number(_) => open.number_text.clone(),
    };
    if !open.kb.press(key, &mut text) {
        open.focus = None;
        let _ = open.ed.apply(Edit::Seal);
        return;
    }
    let edit = match focus {
        Focus::Text(path, lang) => Edit::Text { path, lang, text },
        Focus::Line(path) => Edit::Line { path, text },
        Focus::Number(path) => {
            open.number_text = text.clone();
            match text.trim().parse::<f64>() {
                Ok(value) => Edit::Number { path, value },
                Err(_) => return,
            }
        }
    };
    let _ = open.ed.apply(edit);
}

fn big(ui: &mut egui::Ui, text: &str, width: f32) -> egui::Response {
    ui.add_sized([width, TOUCH], egui::Button::new(text))
}

fn file_list(ui: &mut egui::Ui, hall: &Hall, lang: Lang, actions: &mut Vec<Action>) {
    ui.heading(t::CHOOSE_FILE.get(lang));
    egui::ScrollArea::vertical().show(ui, |ui| {
        let w = ui.available_width();
        if big(ui, t::HALL_FILE.get(lang), w).clicked() {
            actions.push(Action::Open(
                FileKind::Hall,
                hall.scenes_dir.join(HALL_FILE),
            ));
        }
        let mut exhibits: Vec<_> = hall.exhibits.iter().collect();
        exhibits.sort_by_key(|e| e.scene.number);
        for e in exhibits {
            let hidden = if e.scene.hidden { " 🚫" } else { "" };
            let label = format!("{:02}  {}{hidden}", e.scene.number, e.scene.title.get(lang));
            if big(ui, &label, w).clicked() {
                actions.push(Action::Open(FileKind::Exhibit, e.file.clone()));
            }
        }
    });
}

fn problem_lines(ui: &mut egui::Ui, problems: &[Problem]) {
    for p in problems {
        let c = if p.is_error() {
            egui::Color32::from_rgb(255, 110, 100)
        } else {
            egui::Color32::from_rgb(240, 190, 80)
        };
        ui.colored_label(c, format!("⚠ {}", p.message));
    }
}

fn form(ui: &mut egui::Ui, open: &mut OpenFile, lang: Lang, actions: &mut Vec<Action>) {
    let name = open
        .ed
        .file
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    ui.horizontal(|ui| {
        if big(ui, t::BACK_TO_FILES.get(lang), 140.0).clicked() {
            actions.push(Action::Files);
        }
        ui.heading(format!("{name}{}", if open.ed.dirty() { " ●" } else { "" }));
    });
    let zone_ids: Vec<(usize, String)> = match open
        .ed
        .tree()
        .and_then(|t| t.get(&FieldPath::root().field("zones")))
    {
        Some(crate::domain::editor::tree::Node::Seq(zs)) => zs
            .iter()
            .enumerate()
            .filter_map(|(i, z)| match z.get(&FieldPath::root().field("id")) {
                Some(crate::domain::editor::tree::Node::Str(s)) => Some((i, s.clone())),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let unplaced_now: Vec<Problem> = unplaced(&open.ed.rows, &open.ed.problems())
                .into_iter()
                .cloned()
                .collect();
            problem_lines(ui, &unplaced_now);
            for row in open.ed.rows.clone() {
                ui.push_id(row.path.to_string(), |ui| {
                    draw_row(ui, open, &row, lang, &zone_ids, actions);
                });
            }
            ui.add_space(120.0);
        });
}

fn draw_row(
    ui: &mut egui::Ui,
    open: &OpenFile,
    row: &Row,
    lang: Lang,
    zones: &[(usize, String)],
    actions: &mut Vec<Action>,
) {
    let indent = row.depth as f32 * 18.0;
    let label = |ui: &mut egui::Ui, extra: &str| {
        if !row.label.is_empty() || !extra.is_empty() {
            ui.horizontal(|ui| {
                ui.add_space(indent);
                ui.strong(format!("{}{extra}", row.label));
            });
        }
    };
    let focused = |f: Focus| open.focus.as_ref() == Some(&f);
    match &row.widget {
        Widget::Group => label(ui, ""),
        Widget::Text { zh, en, max } => {
            let extra = max.map(|m| format!("  (≤ {m})")).unwrap_or_default();
            label(ui, &extra);
            ui.horizontal(|ui| {
                ui.add_space(indent);
                let w = (ui.available_width() - 8.0) / 2.0;
                for (l, value) in [(Lang::Zh, zh), (Lang::En, en)] {
                    let mut s = value.clone();
                    let hint = if l == Lang::Zh { t::ZH } else { t::EN }.get(lang);
                    let r = ui.add(
                        egui::TextEdit::multiline(&mut s)
                            .hint_text(hint)
                            .desired_width(w)
                            .desired_rows(2)
                            .min_size(egui::vec2(w, TOUCH)),
                    );
                    let f = Focus::Text(row.path.clone(), l);
                    if r.gained_focus() || (r.clicked() && !focused(f.clone())) {
                        actions.push(Action::Focus(Some(f)));
                    }
                    if r.changed() {
                        actions.push(Action::Edit(Edit::Text {
                            path: row.path.clone(),
                            lang: l,
                            text: s,
                        }));
                    }
                }
            });
        }
        Widget::Line { value, files } => {
            label(ui, "");
            ui.horizontal(|ui| {
                ui.add_space(indent);
                let mut s = value.clone();
                let w = ui.available_width() - if files.is_some() { 176.0 } else { 0.0 };
                let r = ui.add(
                    egui::TextEdit::singleline(&mut s)
                        .desired_width(w)
                        .min_size(egui::vec2(w, TOUCH)),
                );
                let f = Focus::Line(row.path.clone());
                if r.gained_focus() || (r.clicked() && !focused(f.clone())) {
                    actions.push(Action::Focus(Some(f)));
                }
                if r.changed() {
                    actions.push(Action::Edit(Edit::Line {
                        path: row.path.clone(),
                        text: s,
                    }));
                }
                if let Some(ext) = files
                    && big(ui, t::CHOOSE.get(lang), 150.0).clicked()
                {
                    actions.push(Action::Pane(Pane::Pick {
                        path: row.path.clone(),
                        extensions: ext.clone(),
                    }));
                }
            });
        }
        Widget::Int { range, .. } | Widget::Float { range, .. } => {
            let (v, whole) = match &row.widget {
                Widget::Int { value, .. } => (*value as f64, true),
                Widget::Float { value, .. } => (*value, false),
                _ => (0.0, false),
            };
            let extra = range
                .map(|(lo, hi)| format!("  ({} {lo} – {hi})", t::ALLOWED.get(lang)))
                .unwrap_or_default();
            label(ui, &extra);
            ui.horizontal(|ui| {
                ui.add_space(indent);
                let f = Focus::Number(row.path.clone());
                let shown = if focused(f.clone()) {
                    open.number_text.clone()
                } else {
                    number_now(&open.ed.rows, &row.path).unwrap_or_default()
                };
                let step = step_of(v, *range, whole);
                if big(ui, "−", TOUCH).clicked() {
                    actions.push(Action::Edit(Edit::Number {
                        path: row.path.clone(),
                        value: v - step,
                    }));
                }
                let mut s = shown;
                let r = ui.add(
                    egui::TextEdit::singleline(&mut s)
                        .desired_width(130.0)
                        .min_size(egui::vec2(130.0, TOUCH)),
                );
                if r.gained_focus() || (r.clicked() && !focused(f.clone())) {
                    actions.push(Action::Focus(Some(f.clone())));
                }
                if r.changed() {
                    actions.push(Action::NumberText(row.path.clone(), s.clone()));
                }
                if big(ui, "+", TOUCH).clicked() {
                    actions.push(Action::Edit(Edit::Number {
                        path: row.path.clone(),
                        value: v + step,
                    }));
                }
                if focused(f) && s.trim().parse::<f64>().is_err() {
                    ui.colored_label(
                        egui::Color32::from_rgb(255, 110, 100),
                        t::NOT_A_NUMBER.get(lang),
                    );
                } else if let Some((lo, hi)) = range {
                    let mut x = v;
                    let r = ui.add_sized(
                        [ui.available_width(), TOUCH],
                        egui::Slider::new(&mut x, *lo..=*hi)
                            .show_value(false)
                            .clamping(egui::SliderClamping::Never),
                    );
                    if r.changed() {
                        let x = if whole { x.round() } else { x };
                        actions.push(Action::Edit(Edit::Number {
                            path: row.path.clone(),
                            value: x,
                        }));
                    }
                }
            });
        }
        Widget::Flag(on) => {
            label(ui, "");
            ui.horizontal(|ui| {
                ui.add_space(indent);
                for (val, text) in [(true, t::YES), (false, t::NO)] {
                    let r = ui.add_sized(
                        [120.0, TOUCH],
                        egui::Button::selectable(*on == val, text.get(lang)),
                    );
                    if r.clicked() && *on != val {
                        actions.push(Action::Edit(Edit::Flag {
                            path: row.path.clone(),
                            on: val,
                        }));
                    }
                }
            });
        }
        Widget::Name { current, options } => {
            label(ui, "");
            ui.horizontal_wrapped(|ui| {
                ui.add_space(indent);
                for name in options {
                    let on = current == name;
                    let r = ui.add_sized([140.0, TOUCH], egui::Button::selectable(on, *name));
                    if r.clicked() && !on {
                        actions.push(Action::Edit(Edit::Line {
                            path: row.path.clone(),
                            text: (*name).to_owned(),
                        }));
                        actions.push(Action::Edit(Edit::Seal));
                    }
                }
            });
        }
        Widget::Choice { current, options } => {
            label(ui, "");
            ui.horizontal_wrapped(|ui| {
                ui.add_space(indent);
                let _ = ui.add_sized(
                    [140.0, TOUCH],
                    egui::Button::selectable(true, current.as_str()),
                );
                for (name, _) in options {
                    if ui
                        .add_sized(
                            [140.0, TOUCH],
                            egui::Button::selectable(false, name.as_str()),
                        )
                        .clicked()
                    {
                        actions.push(Action::Edit(Edit::Choose {
                            path: row.path.clone(),
                            variant: name.clone(),
                        }));
                    }
                }
            });
        }
        Widget::List { len, range } => {
            let extra = match range {
                Some((lo, hi)) => format!(
                    "  ({len} {}, {} {lo} – {hi})",
                    t::ITEMS.get(lang),
                    t::ALLOWED.get(lang)
                ),
                None => format!("  ({len} {})", t::ITEMS.get(lang)),
            };
            label(ui, &extra);
        }
        Widget::Item { list, index, len } => {
            ui.horizontal_wrapped(|ui| {
                ui.add_space(indent);
                ui.strong(format!("#{}", index + 1));
                let (i, n) = (*index, *len);
                if ui
                    .add_enabled(
                        i > 0,
                        egui::Button::new(format!("▲ {}", t::MOVE_UP.get(lang)))
                            .min_size(egui::vec2(TOUCH * 1.5, TOUCH)),
                    )
                    .clicked()
                {
                    actions.push(Action::Edit(Edit::SwapItems {
                        list: list.clone(),
                        a: i - 1,
                        b: i,
                    }));
                }
                if ui
                    .add_enabled(
                        i + 1 < n,
                        egui::Button::new(format!("▼ {}", t::MOVE_DOWN.get(lang)))
                            .min_size(egui::vec2(TOUCH * 1.5, TOUCH)),
                    )
                    .clicked()
                {
                    actions.push(Action::Edit(Edit::SwapItems {
                        list: list.clone(),
                        a: i,
                        b: i + 1,
                    }));
                }
                if big(ui, t::COPY_ITEM.get(lang), 110.0).clicked() {
                    actions.push(Action::Edit(Edit::CopyItem {
                        list: list.clone(),
                        index: i,
                    }));
                }
                if big(ui, t::REMOVE_ITEM.get(lang), 100.0).clicked() {
                    actions.push(Action::Edit(Edit::RemoveItem {
                        list: list.clone(),
                        index: i,
                    }));
                }
                // An exhibit in a zone of the hall can move to another zone.
                let in_zone = list.0.len() == 3
                    && list.to_string().ends_with(".exhibits")
                    && list.to_string().starts_with("zones[");
                if in_zone {
                    for (zi, zid) in zones {
                        let to = FieldPath::root()
                            .field("zones")
                            .index(*zi)
                            .field("exhibits");
                        if to != *list
                            && big(ui, &format!("{} {zid}", t::MOVE_TO.get(lang)), 150.0).clicked()
                        {
                            actions.push(Action::Edit(Edit::MoveToList {
                                from: list.clone(),
                                index: i,
                                to,
                            }));
                        }
                    }
                }
            });
        }
        Widget::Absent => {
            label(ui, &format!("  — {}", t::NOT_SET.get(lang)));
        }
    }
    if !row.problems.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.add_space(indent);
            ui.vertical(|ui| problem_lines(ui, &row.problems));
        });
    }
}

/// What − and + add: one for whole numbers, else a tenth of the value's
/// decade (or of the allowed range when the value is zero).
fn step_of(v: f64, range: Option<(f64, f64)>, whole: bool) -> f64 {
    if whole {
        return 1.0;
    }
    let scale = if v != 0.0 {
        v.abs()
    } else {
        range.map_or(1.0, |(lo, hi)| (hi - lo).abs().max(1e-9))
    };
    10f64.powf(scale.log10().floor()) / 10.0
}

fn tools(ui: &mut egui::Ui, open: &mut OpenFile, lang: Lang, actions: &mut Vec<Action>) {
    let problems = open.ed.problems();
    let errors = problems.iter().filter(|p| p.is_error()).count();
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        if ui
            .add_enabled(
                open.ed.draft.can_undo(),
                egui::Button::new(t::UNDO.get(lang)).min_size(egui::vec2(76.0, TOUCH)),
            )
            .clicked()
        {
            actions.push(Action::Edit(Edit::Undo));
        }
        if ui
            .add_enabled(
                open.ed.draft.can_redo(),
                egui::Button::new(t::REDO.get(lang)).min_size(egui::vec2(76.0, TOUCH)),
            )
            .clicked()
        {
            actions.push(Action::Edit(Edit::Redo));
        }
        let save = if errors > 0 {
            format!("{} ⚠{errors}", t::SAVE.get(lang))
        } else {
            t::SAVE.get(lang).to_owned()
        };
        let r = ui.add_enabled(
            open.ed.can_save(),
            egui::Button::new(egui::RichText::new(save).strong())
                .min_size(egui::vec2(120.0, TOUCH)),
        );
        if r.clicked() {
            actions.push(Action::Save);
        }
        let hist = open.pane == Pane::History;
        if ui
            .add(
                egui::Button::selectable(hist, t::HISTORY.get(lang))
                    .min_size(egui::vec2(90.0, TOUCH)),
            )
            .clicked()
        {
            actions.push(Action::Pane(if hist {
                Pane::Status
            } else {
                Pane::History
            }));
        }
        if open.ed.kind == FileKind::Exhibit && big(ui, t::COPY_EXHIBIT.get(lang), 120.0).clicked()
        {
            actions.push(Action::CopyExhibit);
        }
        if big(ui, t::CLOSE.get(lang), 76.0).clicked() {
            actions.push(Action::Close);
        }
    });
    if open.focus.is_some() {
        keyboard(ui, open, actions);
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(disk) = &open.ed.conflict {
                let _ = disk;
                ui.colored_label(
                    egui::Color32::from_rgb(240, 190, 80),
                    t::CHANGED_ON_DISK.get(lang),
                );
                ui.horizontal(|ui| {
                    if big(ui, t::RELOAD_FILE.get(lang), 280.0).clicked() {
                        actions.push(Action::ReloadDisk);
                    }
                    if big(ui, t::KEEP_MINE.get(lang), 200.0).clicked() {
                        actions.push(Action::KeepMine);
                    }
                });
            }
            if let Some((_, when)) = &open.offer {
                ui.label(format!("{} ({when})", t::DRAFT_WAITING.get(lang)));
                ui.horizontal(|ui| {
                    if big(ui, t::CONTINUE_DRAFT.get(lang), 200.0).clicked() {
                        actions.push(Action::Resume);
                    }
                    if big(ui, t::DISCARD_DRAFT.get(lang), 160.0).clicked() {
                        actions.push(Action::Discard);
                    }
                });
            }
            if let Some((ok, msg)) = &open.message {
                let ok = *ok;
                let c = if ok {
                    egui::Color32::from_rgb(120, 220, 140)
                } else {
                    egui::Color32::from_rgb(255, 110, 100)
                };
                ui.colored_label(c, msg.get(lang));
            } else if has_errors(&problems) {
                ui.colored_label(
                    egui::Color32::from_rgb(255, 110, 100),
                    t::CANNOT_SAVE.get(lang),
                );
            }
            match open.pane.clone() {
                Pane::Status => {}
                Pane::History => history_list(ui, open, lang, actions),
                Pane::Pick { path, .. } => pick_list(ui, open, &path, actions),
            }
        });
}

fn history_list(ui: &mut egui::Ui, open: &OpenFile, lang: Lang, actions: &mut Vec<Action>) {
    let Listed::Versions(versions) = &open.listed else {
        return;
    };
    if versions.is_empty() {
        ui.label(t::NO_HISTORY.get(lang));
    }
    for (when, text, changes) in versions {
        ui.separator();
        ui.horizontal(|ui| {
            ui.strong(when);
            if big(ui, t::REVERT.get(lang), 160.0).clicked() {
                actions.push(Action::Revert(text.clone()));
            }
        });
        for c in changes.iter().take(3) {
            ui.label(egui::RichText::new(c).small());
        }
        if changes.len() > 3 {
            ui.label(
                egui::RichText::new(format!(
                    "+{} {}",
                    changes.len() - 3,
                    t::MORE_CHANGES.get(lang)
                ))
                .small(),
            );
        }
    }
}

/// Files under `assets/` with one of `extensions`, as paths relative to it.
fn asset_files(assets: &Path, extensions: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![assets.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| extensions.contains(&x.to_ascii_lowercase().as_str()))
                && let Ok(rel) = p.strip_prefix(assets)
            {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

fn pick_list(ui: &mut egui::Ui, open: &mut OpenFile, path: &FieldPath, actions: &mut Vec<Action>) {
    let assets = open.ed.assets_dir().to_path_buf();
    let files = match &open.listed {
        Listed::Files(f) => f.clone(),
        _ => Vec::new(),
    };
    let current = open
        .ed
        .rows
        .iter()
        .find(|r| r.path == *path)
        .and_then(|r| match &r.widget {
            Widget::Line { value, .. } => Some(value.clone()),
            _ => None,
        })
        .unwrap_or_default();
    for rel in files {
        ui.horizontal(|ui| {
            let thumb = open
                .thumbs
                .entry(rel.clone())
                .or_insert_with(|| thumbnail(ui.ctx(), &assets.join(&rel)))
                .clone();
            match thumb {
                Some(tex) => {
                    ui.add(egui::Image::new(&tex).fit_to_exact_size(egui::vec2(114.0, TOUCH)));
                }
                None => trace_preview(ui, &assets.join(&rel)),
            }
            let r = ui.add_sized(
                [ui.available_width(), TOUCH],
                egui::Button::selectable(rel == current, rel.as_str()),
            );
            if r.clicked() {
                actions.push(Action::Edit(Edit::Line {
                    path: path.clone(),
                    text: rel.clone(),
                }));
                actions.push(Action::Edit(Edit::Seal));
                actions.push(Action::Pane(Pane::Status));
            }
        });
    }
}

/// A small picture of a picture file, or `None` for other files.
fn thumbnail(ctx: &egui::Context, path: &Path) -> Option<egui::TextureHandle> {
    let img = image::open(path).ok()?;
    let small = img.thumbnail(228, 128).to_rgba8();
    let (w, h) = small.dimensions();
    let color = egui::ColorImage::from_rgba_unmultiplied([w as usize, h as usize], small.as_raw());
    Some(ctx.load_texture(path.to_string_lossy(), color, egui::TextureOptions::LINEAR))
}

/// A recording's first trace drawn small.
fn trace_preview(ui: &mut egui::Ui, path: &Path) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(114.0, TOUCH), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 4.0, egui::Color32::from_gray(30));
    let id = egui::Id::new(("trace", path.to_string_lossy().into_owned()));
    let points: Option<std::sync::Arc<Vec<f32>>> = ui.ctx().data_mut(|d| d.get_temp(id));
    let points = points.unwrap_or_else(|| {
        let v = crate::domain::waveform::read_file(path)
            .ok()
            .and_then(|f| f.stream.traces.first().map(|t| t.samples.to_f64()))
            .map(|s| envelope(&s, 114))
            .unwrap_or_default();
        let v = std::sync::Arc::new(v);
        ui.ctx().data_mut(|d| d.insert_temp(id, v.clone()));
        v
    });
    let n = points.len().max(1) as f32;
    let line: Vec<egui::Pos2> = points
        .iter()
        .enumerate()
        .map(|(i, y)| {
            egui::pos2(
                rect.left() + rect.width() * i as f32 / n,
                rect.center().y - y * rect.height() * 0.45,
            )
        })
        .collect();
    ui.painter().add(egui::Shape::line(
        line,
        egui::Stroke::new(1.5, egui::Color32::from_rgb(120, 200, 255)),
    ));
}

/// The largest deviation from the mean in each of `n` slices, alternating
/// sign so that the line looks like the trace, scaled to ±1.
fn envelope(s: &[f64], n: usize) -> Vec<f32> {
    if s.is_empty() {
        return Vec::new();
    }
    let mean = s.iter().sum::<f64>() / s.len() as f64;
    let chunk = s.len().div_ceil(n).max(1);
    let peaks: Vec<f64> = s
        .chunks(chunk)
        .map(|c| c.iter().map(|x| (x - mean).abs()).fold(0.0, f64::max))
        .collect();
    let top = peaks.iter().copied().fold(1e-12, f64::max);
    peaks
        .iter()
        .enumerate()
        .map(|(i, p)| ((p / top) * if i % 2 == 0 { 1.0 } else { -1.0 }) as f32)
        .collect()
}

fn keyboard(ui: &mut egui::Ui, open: &OpenFile, actions: &mut Vec<Action>) {
    let kb = open.kb;
    let width = ui.available_width();
    ui.spacing_mut().item_spacing.y = 4.0;
    for row in kb.rows() {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 3.0;
            let wide = row.len() < 10;
            for key in row {
                let w = match key {
                    Key::Space if wide => width - 4.0 * 96.0 - 4.0 * 3.0,
                    _ if wide => 96.0,
                    _ => (width - 9.0 * 3.0) / 10.0,
                };
                if ui
                    .add_sized([w, TOUCH], egui::Button::new(key.face(&kb)))
                    .clicked()
                {
                    actions.push(Action::Key(key));
                }
            }
        });
    }
}
