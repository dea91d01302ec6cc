//! `Theatre` ("How an earthquake forms"): a narrated animation of a block
//! of crust cut open: stress bends the striped rock layers beside a locked
//! fault (warm where strain is stored), the fault breaks at the hypocentre
//! and the rupture runs along it, the layers spring back offset, P and S
//! fronts spread to the surface and the station, whose seismometer draws
//! its record; the caption follows the story; play/pause, replay, speed,
//! a timeline to drag; the story starts again a few seconds after it ends,
//! so the exhibit keeps telling it to an empty room; spans the projectors
//! as one wide view when there are any.

pub mod card;
pub mod draw;
pub mod story;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, MAX_PROJECTORS, Opening, Picture, Projection};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use story::Theatre;

/// What the theatre's camera frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shot {
    /// The whole block of ground, the fault and the station.
    Whole,
    /// Close on the fault and the hypocentre.
    Fault,
    /// Close on the station and its seismometer.
    Station,
}

/// What happens at a step of the theatre's story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StoryEvent {
    /// Only a caption (and camera move).
    Narration,
    /// The rocks on both sides of the fault start to be pushed: stress builds.
    Stress,
    /// The fault breaks at the hypocentre and the waves leave.
    Rupture,
    /// The P wave reaches the station (checked against the physics).
    PArrives,
    /// The S wave reaches the station (checked against the physics).
    SArrives,
}

/// One step of the theatre's story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryStep {
    /// When it starts, seconds from the beginning of the story.
    pub at_s: f32,
    /// What the camera frames (it glides there over a second and a half).
    pub shot: Shot,
    /// What happens.
    pub event: StoryEvent,
    /// The caption shown from this step until the next.
    pub caption: Bilingual,
}

/// Parameters of a `Theatre`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TheatreParams {
    /// What the visitor can do, shown under the picture.
    pub intro: Bilingual,
    /// The Earth model of the waves' travel times and the record.
    pub model: String,
    /// Depth of the hypocentre, km (3-25).
    pub depth_km: f64,
    /// Dip of the fault, degrees (30-90).
    pub dip_deg: f64,
    /// Distance from the epicentre to the station, km (5-60).
    pub station_km: f64,
    /// Magnitude of the quake (for the record), 2-7.
    pub magnitude: f64,
    /// Seconds of the waves' travel per second of the story after the
    /// rupture (0.1-2): below 1 is slow motion.
    pub slow_motion: f64,
    /// The story in order (2-20 steps, one `Rupture`).
    pub steps: Vec<StoryStep>,
    /// Seconds the story lasts; it starts again a few seconds later.
    pub length_s: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// Height of the animation's picture, pixels.
pub const STAGE_H: u32 = 512;
/// Size of the station record's picture, pixels.
pub const RECORD_W: u32 = 480;
/// Height of the station record's picture, pixels.
pub const RECORD_H: u32 = 90;
/// Seconds the last frame stays before the story starts again.
pub const HOLD_S: f64 = 6.0;
const STAGE_BG: Rgba = Rgba::hex(0x0d1b2a);
const RECORD_BG: Rgba = Rgba::hex(0x102a3a);

/// The pictures: the stage, then the station's record.
pub mod picture {
    /// The animation.
    pub const STAGE: usize = 0;
    /// The station's record.
    pub const RECORD: usize = 1;
}

/// Size of the animation's picture: 2:1 on one screen, as wide as the
/// projectors together (16:9 each) when there are any.
pub fn stage_size(projectors: usize) -> (u32, u32) {
    match projectors.min(MAX_PROJECTORS) {
        0 => (2 * STAGE_H, STAGE_H),
        n => (
            (n as f32 * 16.0 / 9.0 * STAGE_H as f32).round() as u32,
            STAGE_H,
        ),
    }
}

/// The running theatre: the story, and how long its last frame has been
/// held before it starts again.
pub struct TheatreShow {
    /// The story and where it is.
    pub theatre: Theatre,
    /// Seconds the finished story has been held.
    pub held_s: f64,
    stage: (u32, u32),
}

impl TheatreShow {
    /// From the start (replay, or a visitor's tap on the timeline).
    pub fn replay(&mut self) {
        self.theatre.time_s = 0.0;
        self.held_s = 0.0;
    }

    /// Jumps to `fraction` (0-1) of the story.
    pub fn scrub(&mut self, fraction: f64) {
        self.theatre.scrub(fraction);
        self.held_s = 0.0;
    }
}

impl Kind for TheatreParams {
    type State = TheatreShow;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        check_story(c, at, self);
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut v = vec![self.intro.clone()];
        v.extend(self.steps.iter().map(|s| s.caption.clone()));
        v
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }


    /// The story from its start; `shot --open N` N seconds in.
    fn build(&self, opening: &Opening) -> Result<TheatreShow, String> {
        let mut theatre = Theatre::new(self)?;
        if let Some(n) = opening.moment {
            theatre.time_s = (n as f64).min(theatre.length_s);
        }
        Ok(TheatreShow {
            theatre,
            held_s: 0.0,
            stage: stage_size(opening.projectors),
        })
    }

    fn clock_pace(&self) -> Option<f64> {
        Some(1.0)
    }

    /// The story runs to its end, holds the last frame for [`HOLD_S`], and
    /// starts again.
    fn advance(s: &mut TheatreShow, dt: f64) {
        if s.theatre.finished() {
            s.held_s += dt;
            if s.held_s >= HOLD_S {
                s.replay();
            }
        } else {
            s.theatre.advance(dt);
        }
    }

    fn pictures(s: &TheatreShow) -> Vec<Picture> {
        vec![
            Picture::new(s.stage.0, s.stage.1, STAGE_BG),
            Picture::new(RECORD_W, RECORD_H, RECORD_BG),
        ]
    }

    fn draw(s: &mut TheatreShow, index: usize, canvas: &mut Canvas) {
        if index == picture::STAGE {
            canvas.clear(STAGE_BG);
            s.theatre.draw(canvas);
        } else {
            canvas.clear(RECORD_BG);
            s.theatre.draw_record(canvas);
        }
    }

    /// The stage spans the projectors as one wide view.
    fn projection(_: &TheatreShow) -> Option<Projection> {
        Some(Projection::Spanned(picture::STAGE))
    }

    const CARDS: &'static [Card] = &[("earthquake-forms", card::earthquake_forms)];
}

fn check_story(c: &mut Checker, kind: &FieldPath, t: &TheatreParams) {
    c.text(&kind.field("intro"), &t.intro, 200);
    c.earth_model(&kind.field("model"), &t.model);
    c.range_f32(&kind.field("depth_km"), t.depth_km as f32, 3.0, 25.0, "km");
    c.range_f32(
        &kind.field("dip_deg"),
        t.dip_deg as f32,
        30.0,
        90.0,
        "degrees",
    );
    c.range_f32(
        &kind.field("station_km"),
        t.station_km as f32,
        5.0,
        60.0,
        "km",
    );
    c.range_f32(&kind.field("magnitude"), t.magnitude as f32, 2.0, 7.0, "");
    c.range_f32(
        &kind.field("slow_motion"),
        t.slow_motion as f32,
        0.1,
        2.0,
        "x",
    );
    c.range_f32(&kind.field("length_s"), t.length_s, 5.0, 600.0, "s");
    c.asset(&kind.field("preview"), &t.preview, PICTURE_EXTENSIONS);
    let steps = kind.field("steps");
    c.count(&steps, t.steps.len(), 2, 20, "steps");
    let ruptures = t
        .steps
        .iter()
        .filter(|s| s.event == StoryEvent::Rupture)
        .count();
    if ruptures != 1 {
        c.error(
            &steps,
            format!("{ruptures} steps are a Rupture: the story needs exactly one"),
        );
    }
    let mut last = f32::NEG_INFINITY;
    for (i, s) in t.steps.iter().enumerate() {
        let sp = steps.index(i);
        c.text(&sp.field("caption"), &s.caption, 120);
        if !(s.at_s >= 0.0 && s.at_s <= t.length_s) {
            c.error(
                &sp.field("at_s"),
                format!(
                    "{} s: a step must start within the story (0-{} s)",
                    s.at_s, t.length_s
                ),
            );
        } else if s.at_s < last {
            c.error(
                &sp.field("at_s"),
                format!(
                    "{} s comes before the step above ({last} s): list the steps in time order",
                    s.at_s
                ),
            );
        }
        last = last.max(s.at_s);
    }
    // Captions that say a wave has arrived must come when the physics says so.
    for (i, s) in t.steps.iter().enumerate() {
        if !matches!(s.event, StoryEvent::PArrives | StoryEvent::SArrives) {
            continue;
        }
        if let Some(when) = Theatre::event_time_for(t, s.event)
            && (when - s.at_s as f64).abs() > 1.0
        {
            c.warn(
                &steps.index(i).field("at_s"),
                format!(
                    "{} s: by the travel times this wave reaches the station at {when:.1} s of the story",
                    s.at_s
                ),
            );
        }
    }
}
