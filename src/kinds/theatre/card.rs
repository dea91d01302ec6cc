//! The card of "How an earthquake forms", and the story it shows: the
//! shipped scene's, so the card and the tests tell the same story.

use super::story::Theatre;
use super::{Shot, StoryEvent, StoryStep, TheatreParams};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};
use crate::domain::text::Bilingual;

/// The card: just after the rupture, the fault broken at the hypocentre,
/// the P and S fronts on their way to the station.
pub fn earthquake_forms() -> Canvas {
    let mut c = Canvas::new(W, H, Rgba::hex(0x0d1b2a));
    if let Ok(mut t) = Theatre::new(&example_params()) {
        t.time_s = 21.0;
        t.draw(&mut c);
    }
    c
}

/// The shipped story (`scenes/05-earthquake-forms.ron`), for the preview
/// picture and the tests.
pub fn example_params() -> TheatreParams {
    let step = |at_s: f32, shot, event, zh: &str, en: &str| StoryStep {
        at_s,
        shot,
        event,
        caption: Bilingual::new(zh, en),
    };
    TheatreParams {
        intro: Bilingual::new("拖动时间条", "Drag the timeline"),
        model: "chongqing".into(),
        depth_km: 10.0,
        dip_deg: 60.0,
        station_km: 24.0,
        magnitude: 6.0,
        slow_motion: 0.5,
        steps: vec![
            step(
                0.0,
                Shot::Whole,
                StoryEvent::Narration,
                "地下",
                "Underground",
            ),
            step(4.0, Shot::Fault, StoryEvent::Stress, "挤压", "Pushed"),
            step(14.0, Shot::Fault, StoryEvent::Rupture, "破裂", "Breaks"),
            step(18.0, Shot::Whole, StoryEvent::Narration, "波", "Waves"),
            step(23.5, Shot::Station, StoryEvent::PArrives, "P", "P"),
            step(30.6, Shot::Station, StoryEvent::SArrives, "S", "S"),
        ],
        length_s: 46.0,
        preview: "pictures/earthquake-forms.png".into(),
    }
}

