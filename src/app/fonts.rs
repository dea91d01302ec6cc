//! The hall's font: Noto Sans CJK from the system, so that Chinese renders
//! as Chinese. Without it the hall still runs, in English, and says which
//! package to install.
//!
//! The font file is read once into a font asset and kept for the life of
//! the hall. Left to font discovery, the text pipeline drops a system
//! font's data two frames after its last use and maps the file again when
//! a screen is next drawn; the reloaded data has a new identity, so every
//! redraw (an attract slide, a language change) rasterised every glyph
//! into new atlases that were never freed: 14 MB per redraw. A registered
//! font is found first by its family name and never dropped.

use std::path::PathBuf;

use bevy::prelude::*;

/// The font family every text uses when it is installed.
pub const CJK_FAMILY: &str = "Noto Sans CJK SC";
/// The Debian/Ubuntu package that provides it.
pub const CJK_PACKAGE: &str = "fonts-noto-cjk";

/// Marks a text that must use the hall font.
#[derive(Component, Default)]
pub struct HallFont;

/// The font in use, found at start-up.
#[derive(Resource, Debug, Clone)]
pub struct UiFont {
    /// What texts are given.
    pub source: FontSource,
    /// The font file, when found.
    pub file: Option<PathBuf>,
    /// Why no CJK font is in use, if none is.
    pub missing: Option<String>,
    /// The font file's data as a font asset, held for the life of the hall.
    pub asset: Option<Handle<Font>>,
}

impl Default for UiFont {
    /// The family by name; used by headless tests that need no glyphs.
    fn default() -> Self {
        Self {
            source: FontSource::Family(CJK_FAMILY.into()),
            file: None,
            missing: None,
            asset: None,
        }
    }
}

/// Finds the file of the CJK font through fontconfig (`fc-match`), checking
/// that the match really is a CJK font rather than fontconfig's fallback.
pub fn find_cjk_font() -> Result<PathBuf, String> {
    let missing = format!(
        "no CJK font found: Chinese text cannot be shown. Install the package {CJK_PACKAGE} \
         (sudo apt-get install {CJK_PACKAGE}) and restart the hall"
    );
    let out = std::process::Command::new("fc-match")
        .args([
            "-f",
            "%{family}\n%{file}",
            &format!("{CJK_FAMILY}:lang=zh-cn"),
        ])
        .output();
    let Ok(out) = out else {
        // No fontconfig tools: look where Debian puts the font.
        let p = PathBuf::from("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        return if p.is_file() { Ok(p) } else { Err(missing) };
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let family = lines.next().unwrap_or("");
    let file = PathBuf::from(lines.next().unwrap_or(""));
    if family.contains("CJK") && file.is_file() {
        Ok(file)
    } else {
        Err(missing)
    }
}

pub(super) fn plugin(app: &mut App) {
    let font = match find_cjk_font() {
        Ok(file) => {
            info!("hall font: {CJK_FAMILY} from {}", file.display());
            UiFont {
                source: FontSource::Family(CJK_FAMILY.into()),
                file: Some(file),
                missing: None,
                asset: None,
            }
        }
        Err(why) => {
            error!("{why}");
            UiFont {
                source: FontSource::default(),
                file: None,
                missing: Some(why),
                asset: None,
            }
        }
    };
    app.insert_resource(font)
        .add_systems(PreStartup, keep_font_resident);
}

/// Reads the CJK font file into a font asset (see the module's notes).
fn keep_font_resident(mut font: ResMut<UiFont>, fonts: Option<ResMut<Assets<Font>>>) {
    let (Some(mut fonts), Some(file)) = (fonts, font.file.clone()) else {
        return;
    };
    match std::fs::read(&file) {
        Ok(bytes) => font.asset = Some(fonts.add(Font::from_bytes(bytes))),
        Err(e) => warn!(
            "cannot read {} ({e}); texts use the font through discovery",
            file.display()
        ),
    }
}

/// Gives every new hall text the hall font.
pub(super) fn apply_font(
    add: On<Add, HallFont>,
    font: Option<Res<UiFont>>,
    mut q: Query<&mut TextFont>,
) {
    let source = font.map(|f| f.source.clone()).unwrap_or_default();
    if let Ok(mut tf) = q.get_mut(add.entity) {
        tf.font = source;
    }
}
