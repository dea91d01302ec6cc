//! The state of "The drum recorder": a day on the drum, scrolled by a
//! finger dragged up and down, the whole drum filtered or not, and a tap on
//! a wiggle opening it in the touch seismogram view (pinch, pan, "back to
//! the drum"). No Bevy here.

use std::sync::Arc;

use super::day::{Day, DayQuake};
use super::drum::Drum;
use crate::domain::draw::Canvas;
use crate::domain::draw::palette;
use crate::domain::puzzle::seismogram::{Guide, Seismogram};
use crate::domain::waveform::{Samples, Trace, UtcTime};

/// The picture's size.
pub const PIC_W: u32 = 1000;
/// Its height.
pub const PIC_H: u32 = 620;
/// Line spacing on the drum, px.
pub const PITCH: f32 = 26.0;
/// A finger that moves less than this between press and lift has tapped.
const TAP_PX: f32 = 14.0;
/// The window a tap opens: seconds before and after the tapped time.
pub const ZOOM_S: (f64, f64) = (40.0, 200.0);
/// A quake counts as tapped when its first arrival is this close to the
/// tapped time, s (before, after: a tap usually lands on the big swing
/// that follows the first arrival).
const NEAR_S: (f64, f64) = (60.0, 600.0);

/// What the finger is doing on the drum.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Finger {
    start: (f32, f32),
    last_x: f32,
    scroll_at_start: f32,
    moved: bool,
}

/// The open window of the seismogram view.
#[derive(Debug, Clone, PartialEq)]
pub struct Zoom {
    /// The view.
    pub view: Seismogram,
    /// The tapped time.
    pub at: UtcTime,
    /// The quake there, if the day knows one.
    pub quake: Option<usize>,
}

/// The exhibit's state.
#[derive(Debug)]
pub struct Recorder {
    /// The drum.
    pub drum: Arc<Drum>,
    /// The day's samples (for the seismogram view).
    samples: Arc<[f32]>,
    /// The quakes the day knows.
    pub quakes: Vec<DayQuake>,
    /// How far the drum is scrolled, px.
    pub scroll_px: f32,
    /// The whole drum band-passed.
    pub clearer: bool,
    /// The seismogram view, when a tap opened one.
    pub zoom: Option<Zoom>,
    finger: Option<Finger>,
    drawn: Option<(i64, bool, Option<u64>)>,
}

impl Recorder {
    /// The drum of `day` in lines of `line_s` seconds, scrolled to the
    /// hour of the first quake.
    pub fn new(day: Day, line_s: f64) -> Self {
        let drum = Arc::new(Drum::new(&day, line_s));
        Self::from_parts(drum, day.samples.into(), day.quakes)
    }

    /// The same from a day already laid on the drum.
    pub fn from_parts(drum: Arc<Drum>, samples: Arc<[f32]>, quakes: Vec<DayQuake>) -> Self {
        let mut r = Self {
            drum,
            samples,
            quakes,
            scroll_px: 0.0,
            clearer: false,
            zoom: None,
            finger: None,
            drawn: None,
        };
        if let Some(q) = r.quakes.first()
            && let Some((line, _)) = r.drum.line_of(q.arrives)
        {
            r.scroll_to_line(line.saturating_sub(3));
        }
        r
    }

    fn max_scroll(&self) -> f32 {
        (self.drum.height(PITCH) - PIC_H as f32).max(0.0)
    }

    /// Puts line `line` at the top.
    pub fn scroll_to_line(&mut self, line: usize) {
        self.scroll_px = (line as f32 * PITCH).clamp(0.0, self.max_scroll());
    }

    /// A finger down at (`x`, `y`) on the picture.
    pub fn press(&mut self, x: f32, y: f32) {
        self.finger = Some(Finger {
            start: (x, y),
            last_x: x,
            scroll_at_start: self.scroll_px,
            moved: false,
        });
    }

    /// The finger moved to (`x`, `y`): the drum follows it up or down;
    /// an open view pans with it.
    pub fn drag(&mut self, x: f32, y: f32) {
        let max = self.max_scroll();
        let Some(f) = self.finger.as_mut() else { return };
        let (dx, dy) = (x - f.start.0, y - f.start.1);
        if dx.hypot(dy) > TAP_PX {
            f.moved = true;
        }
        if let Some(z) = self.zoom.as_mut() {
            z.view.pan(-((x - f.last_x) / PIC_W as f32) as f64);
            f.last_x = x;
        } else if f.moved {
            self.scroll_px = (f.scroll_at_start - dy).clamp(0.0, max);
        }
    }

    /// The finger lifted at (`x`, `y`): a tap opens the seismogram view
    /// there.
    pub fn release(&mut self, x: f32, y: f32) {
        let Some(f) = self.finger.take() else { return };
        if !f.moved
            && self.zoom.is_none()
            && let Some(t) = self.drum.time_under(x, y, PIC_W as f32, PITCH, self.scroll_px)
        {
            self.open_at(t);
        }
    }

    /// Opens the seismogram view around `t` (on the quake there, if one).
    pub fn open_at(&mut self, t: UtcTime) {
        let quake = self.quakes.iter().position(|q| {
            let d = t.secs_since(q.arrives);
            (-NEAR_S.0..=NEAR_S.1).contains(&d)
        });
        let centre = quake.map_or(t, |k| self.quakes[k].arrives.add_secs(ZOOM_S.0 * 0.5));
        let from = centre.add_secs(-ZOOM_S.0);
        let rate = self.drum.rate_hz;
        let i0 = (from.secs_since(self.drum.start) * rate).max(0.0) as usize;
        let i1 = ((centre.add_secs(ZOOM_S.1).secs_since(self.drum.start)) * rate).max(0.0) as usize;
        let (i0, i1) = (i0.min(self.samples.len()), i1.min(self.samples.len()));
        if i1 <= i0 + 16 {
            return;
        }
        // Missing samples show as the zero line in the close-up.
        let x: Vec<f64> = self.samples[i0..i1]
            .iter()
            .map(|&v| if v.is_finite() { v as f64 } else { 0.0 })
            .collect();
        let start = self.drum.start.add_secs(i0 as f64 / rate);
        let trace = Trace {
            network: "SY".into(),
            station: "HALL".into(),
            location: "00".into(),
            channel: "HHZ".into(),
            start,
            sample_rate_hz: rate,
            samples: Samples::F64(x),
            encoding: None,
            record_count: 0,
        };
        let span = (i1 - i0) as f64 / rate;
        if let Some(mut view) = Seismogram::new(&[&trace], start, (0.0, span)) {
            view.set_clearer(self.clearer);
            if let Some(q) = quake.map(|k| &self.quakes[k]) {
                view.guides.push(Guide {
                    t: q.arrives.secs_since(start),
                    half_width_s: 0.0,
                    colour: palette::P_WAVE,
                });
            }
            self.zoom = Some(Zoom {
                view,
                at: t,
                quake,
            });
        }
    }

    /// Back to the drum.
    pub fn close(&mut self) {
        self.zoom = None;
    }

    /// Filters the whole drum (and the open view), or not.
    pub fn toggle_filter(&mut self) {
        self.clearer = !self.clearer;
        if let Some(z) = self.zoom.as_mut() {
            z.view.set_clearer(self.clearer);
        }
    }

    fn key(&self) -> (i64, bool, Option<u64>) {
        (
            (self.scroll_px * 4.0) as i64,
            self.clearer,
            self.zoom.as_ref().map(|z| z.view.revision),
        )
    }

    /// Whether the picture would look different from when last drawn.
    pub fn stale(&self) -> bool {
        self.drawn != Some(self.key())
    }

    /// Draws the drum, or the seismogram view when one is open.
    pub fn draw(&mut self, c: &mut Canvas) {
        self.drawn = Some(self.key());
        match &self.zoom {
            Some(z) => z.view.draw(c),
            None => self.drum.draw(c, PITCH, self.scroll_px, self.clearer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recorder() -> Recorder {
        let start = super::super::day::beijing_midnight("2026-03-18").unwrap();
        let rate = 100.0;
        let samples: Vec<f32> = (0..8_640_000).map(|i| ((i as f64) * 0.07).sin() as f32).collect();
        let arrives = start.add_secs(9.0 * 3600.0 + 15.0 * 60.0);
        let day = Day {
            start,
            rate_hz: rate,
            samples,
            quakes: vec![DayQuake {
                name: crate::domain::text::Bilingual::new("荣昌", "Rongchang"),
                magnitude: 4.5,
                distance_km: 86.0,
                arrives,
            }],
        };
        Recorder::new(day, 1800.0)
    }

    #[test]
    fn a_drag_scrolls_and_a_tap_opens_the_quake_under_the_finger() {
        let mut r = recorder();
        // Opens three lines above the quake's (09:00-09:30 is line 18).
        assert_eq!(r.scroll_px, 15.0 * PITCH);
        r.press(500.0, 300.0);
        r.drag(500.0, 200.0);
        r.release(500.0, 200.0);
        assert_eq!(r.scroll_px, 15.0 * PITCH + 100.0, "dragged up, the drum rolls on");
        assert!(r.zoom.is_none(), "a drag is not a tap");
        let (x, y) = r
            .drum
            .place_of(r.quakes[0].arrives.add_secs(30.0), PIC_W as f32, PITCH, r.scroll_px)
            .unwrap();
        r.press(x, y);
        r.release(x + 3.0, y);
        let z = r.zoom.as_ref().expect("a tap opens the view");
        assert_eq!(z.quake, Some(0));
        assert!(r.stale());
        r.toggle_filter();
        assert!(r.zoom.as_ref().unwrap().view.clearer);
        r.close();
        assert!(r.zoom.is_none() && r.clearer);
    }
}
