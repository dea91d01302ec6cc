//! The scene file schema: `scenes/hall.ron` and one `scenes/NN-slug.ron`
//! per exhibit, whose `kind` is one of [`crate::kinds`]. Every struct
//! denies unknown fields so that a curator's typo is reported, not silently
//! ignored.

use serde::{Deserialize, Serialize};

use crate::domain::kiosk::pin::PinHash;
use crate::domain::text::{Bilingual, Lang};
use crate::kinds::ExhibitKind;

/// The schema version this quakehall reads and writes. A file with another
/// version is reported, never guessed at.
pub const SCHEMA_VERSION: u32 = 1;

/// `scenes/hall.ron`: the hall as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HallConfig {
    /// Must equal [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The hall's name, shown on the attract loop and the home screen.
    pub title: Bilingual,
    /// A line under the title on the home screen.
    pub subtitle: Bilingual,
    /// Languages offered; the first is the one shown after a reset.
    pub languages: Vec<Lang>,
    /// Zones in the order the home screen shows them.
    pub zones: Vec<Zone>,
    /// Seconds without a touch before the hall returns to the attract loop.
    pub idle_timeout_s: f32,
    /// Volume of the interface sounds (taps, page turns), 0 (off) to 1.
    pub interface_volume: f32,
    /// The loudest any exhibit plays a recording as sound, 0 (silent) to
    /// 1: each exhibit's own `volume` is held under it.
    #[serde(default = "default_volume_limit")]
    pub volume_limit: f32,
    /// The attract loop.
    pub attract: AttractSettings,
    /// Kiosk behaviour.
    pub kiosk: KioskSettings,
    /// The curator PIN as a salted PBKDF2 hash, written by `quakehall set-pin`.
    pub curator_pin: PinHash,
}

impl HallConfig {
    /// Every text a visitor can read from the hall settings.
    pub fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut v = vec![self.title.clone(), self.subtitle.clone()];
        v.extend(self.zones.iter().map(|z| z.title.clone()));
        v
    }
}

/// The hall's `volume_limit` where `hall.ron` does not set one.
pub fn default_volume_limit() -> f32 {
    0.8
}

/// A zone of the hall: a group of exhibits on the home screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Short id that exhibit files name in their `zone` field.
    pub id: String,
    /// Zone heading.
    pub title: Bilingual,
    /// Exhibit ids in the order shown.
    pub exhibits: Vec<String>,
}

/// How the attract loop cycles through the exhibits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttractSettings {
    /// Seconds each exhibit is shown.
    pub slide_s: f32,
    /// Whether the attract loop also alternates the language of its texts.
    pub alternate_languages: bool,
}

/// Kiosk behaviour on open days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskSettings {
    /// Seconds a finger must rest on the top-left corner to open the PIN pad.
    pub corner_hold_s: f32,
    /// Wrong PINs allowed before the pad locks.
    pub pin_attempts: u32,
    /// Seconds the pad stays locked after too many wrong PINs.
    pub lockout_s: f32,
}

/// One exhibit: `scenes/NN-slug.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExhibitScene {
    /// Must equal [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Unique id, lower-case letters, digits and `-`; by convention the file
    /// name without `.ron`.
    pub id: String,
    /// The exhibit number on the hall's plan (1-99), shown on its card.
    pub number: u32,
    /// Title on the card and the exhibit screen.
    pub title: Bilingual,
    /// One or two sentences on the card.
    pub summary: Bilingual,
    /// The zone id (from `hall.ron`) this exhibit belongs to.
    pub zone: String,
    /// The exhibit kind and its parameters.
    pub kind: ExhibitKind,
    /// How loud the exhibit plays its recordings as sound, 0 (silent) to
    /// 1, never above the hall's `volume_limit`; without it, the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<f32>,
    /// Hidden from visitors (off the home screen and the attract loop)
    /// without being deleted; curators still open it.
    #[serde(default)]
    pub hidden: bool,
}

impl ExhibitScene {
    /// The gain the exhibit's sounds play at under the hall's `limit`.
    pub fn sound_gain(&self, limit: f32) -> f32 {
        let limit = limit.clamp(0.0, 1.0);
        self.volume.map_or(limit, |v| v.clamp(0.0, 1.0).min(limit))
    }

    /// The picture that stands for the exhibit on cards and in the attract
    /// loop.
    pub fn preview_picture(&self) -> Option<&str> {
        self.kind.preview()
    }

    /// Every text a visitor can read in this exhibit, in both languages
    /// (for font coverage checks).
    pub fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut v = vec![self.title.clone(), self.summary.clone()];
        v.extend(self.kind.visitor_texts());
        v
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_exhibit_plays_at_its_volume_never_above_the_halls_limit() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenes/14-sonify.ron");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut ex: super::ExhibitScene =
            crate::domain::scene::parse::parse_ron(&path, &text).unwrap();
        assert_eq!(ex.volume, Some(0.7), "as shipped");
        assert_eq!(ex.sound_gain(0.8), 0.7);
        assert_eq!(ex.sound_gain(0.5), 0.5, "the limit wins");
        ex.volume = None;
        assert_eq!(ex.sound_gain(0.8), 0.8, "without its own, the limit");
        ex.volume = Some(3.0);
        assert_eq!(ex.sound_gain(2.0), 1.0, "never beyond full scale");
    }
}
