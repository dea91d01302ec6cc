//! The touch seismogram view the puzzles share: one to three components of
//! a recording stacked one above the other on a time axis in seconds, that
//! a visitor zooms with two fingers, pans with one, and reads with markers
//! (P, S, an amplitude, a time window) dragged onto it. A "make it
//! clearer" switch shows the trace band-passed. Drawing takes the smallest
//! and largest sample of each pixel column from a min/max pyramid, so no
//! peak is lost at any zoom and a one-hour 100 Hz record costs a few
//! lookups per column, not a pass over its samples.

use std::sync::OnceLock;

use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::palette;
use crate::domain::draw::text::Font;
use crate::domain::waveform::dsp::{self, Band};
use crate::domain::waveform::{Trace, UtcTime};

/// Band of "make it clearer": where local and regional quakes stand out of
/// the microseism and the hum of a city (Havskov & Alguacil 2016,
/// Instrumentation in Earthquake Seismology, ch. 3).
pub const CLEARER_BAND_HZ: (f64, f64) = (1.0, 10.0);
/// The narrowest window a visitor can zoom to, s.
pub const MIN_SPAN_S: f64 = 2.0;
/// Half the width of a marker's grab zone, picture pixels: a 64 px target.
pub const GRAB_HALF_PX: f32 = 40.0;
/// Height of the time axis under the panels, pixels.
pub const AXIS_H: f32 = 34.0;
/// Height of the strip of marker flags over the panels, pixels.
pub const FLAGS_H: f32 = 56.0;

/// Min/max of every block of 2^k samples, for k = 0, 1, 2, ...
#[derive(Debug, Clone, PartialEq)]
struct Pyramid {
    levels: Vec<Vec<(f32, f32)>>,
}

impl Pyramid {
    fn new(x: &[f32]) -> Self {
        let mut levels = vec![x.iter().map(|&v| (v, v)).collect::<Vec<_>>()];
        while levels.last().is_some_and(|l| l.len() > 1) {
            let prev = levels.last().expect("not empty");
            let next: Vec<(f32, f32)> = prev
                .chunks(2)
                .map(|c| {
                    c.iter()
                        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &(a, b)| {
                            (lo.min(a), hi.max(b))
                        })
                })
                .collect();
            levels.push(next);
        }
        Self { levels }
    }

    fn len(&self) -> usize {
        self.levels.first().map_or(0, Vec::len)
    }

    /// Min and max of samples `a..b` (exact: whole blocks, largest first).
    fn range(&self, mut a: usize, b: usize) -> Option<(f32, f32)> {
        let b = b.min(self.len());
        if a >= b {
            return None;
        }
        let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
        while a < b {
            let mut k = 0;
            while k + 1 < self.levels.len()
                && a.is_multiple_of(1 << (k + 1))
                && a + (1 << (k + 1)) <= b
            {
                k += 1;
            }
            let (l, h) = self.levels[k][a >> k];
            lo = lo.min(l);
            hi = hi.max(h);
            a += 1 << k;
        }
        Some((lo, hi))
    }
}

/// One component of the recording.
#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    /// Its channel code (`HHZ`).
    pub channel: String,
    /// Seconds from the view's origin to its first sample.
    pub start_s: f64,
    /// Samples per second.
    pub rate_hz: f64,
    raw: Pyramid,
    clear: Pyramid,
    /// Largest absolute sample, raw and band-passed.
    peak: (f32, f32),
}

impl Component {
    /// A component from a trace, with `origin` as time zero.
    pub fn new(trace: &Trace, origin: UtcTime) -> Self {
        let mut x = trace.samples.to_f64();
        dsp::demean(&mut x);
        let rate = trace.sample_rate_hz;
        let high = CLEARER_BAND_HZ.1.min(0.45 * rate);
        let clear = if high > CLEARER_BAND_HZ.0 * 1.5 {
            dsp::filter(&x, Band::Pass(CLEARER_BAND_HZ.0, high), 2, rate, true)
        } else {
            x.clone()
        };
        let raw: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        let clear: Vec<f32> = clear.iter().map(|&v| v as f32).collect();
        let peak = |v: &[f32]| v.iter().fold(0.0f32, |m, s| m.max(s.abs()));
        Self {
            channel: trace.channel.clone(),
            start_s: trace.start.secs_since(origin),
            rate_hz: rate,
            peak: (peak(&raw), peak(&clear)),
            raw: Pyramid::new(&raw),
            clear: Pyramid::new(&clear),
        }
    }

    /// Seconds covered.
    pub fn duration_s(&self) -> f64 {
        self.raw.len() as f64 / self.rate_hz
    }

    /// Whether it records vertical motion.
    pub fn is_vertical(&self) -> bool {
        self.channel.ends_with(['Z', 'z', '3'])
    }

    /// Min and max between `t0` and `t1` s, raw or band-passed.
    pub fn range(&self, t0: f64, t1: f64, clearer: bool) -> Option<(f32, f32)> {
        let i = |t: f64| ((t - self.start_s) * self.rate_hz).floor().max(0.0) as usize;
        let p = if clearer { &self.clear } else { &self.raw };
        p.range(i(t0), i(t1).max(i(t0) + 1))
    }

    /// Largest absolute sample between `t0` and `t1`.
    pub fn peak_between(&self, t0: f64, t1: f64, clearer: bool) -> f32 {
        self.range(t0, t1, clearer)
            .map_or(0.0, |(lo, hi)| lo.abs().max(hi.abs()))
    }
}

/// What a marker marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerKind {
    /// The P arrival.
    P,
    /// The S arrival.
    S,
    /// The largest swing.
    Amplitude,
    /// The start of a time window.
    From,
    /// The end of a time window.
    To,
}

impl MarkerKind {
    /// The letter on its flag.
    pub fn letter(self) -> &'static str {
        match self {
            MarkerKind::P => "P",
            MarkerKind::S => "S",
            MarkerKind::Amplitude => "A",
            MarkerKind::From => "[",
            MarkerKind::To => "]",
        }
    }

    /// Its colour, the hall's colour for the wave.
    pub fn colour(self) -> Rgba {
        match self {
            MarkerKind::P => palette::P_WAVE,
            MarkerKind::S => palette::S_WAVE,
            MarkerKind::Amplitude => Rgba::hex(0xffb050),
            MarkerKind::From | MarkerKind::To => Rgba::hex(0xb8c4d0),
        }
    }
}

/// A marker on the time axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    /// What it marks.
    pub kind: MarkerKind,
    /// Where, s from the origin.
    pub t: f64,
    /// Whether the visitor has put it somewhere (markers start parked).
    pub placed: bool,
}

/// A reference time drawn as a thin line (the answer, after checking).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guide {
    /// Where, s from the origin.
    pub t: f64,
    /// Half its width, s (0: a thin line; more: a shaded band, for hints).
    pub half_width_s: f64,
    /// Its colour.
    pub colour: Rgba,
}

/// The view: components, the window shown, the markers.
#[derive(Debug, Clone, PartialEq)]
pub struct Seismogram {
    /// The components, vertical first.
    pub components: Vec<Component>,
    /// Time zero of the axis.
    pub origin: UtcTime,
    /// The time span of the data, s.
    pub data: (f64, f64),
    /// The window shown, s.
    pub view: (f64, f64),
    /// The window the view returns to.
    pub home: (f64, f64),
    /// Band-passed ("make it clearer").
    pub clearer: bool,
    /// The markers.
    pub markers: Vec<Marker>,
    /// Lines drawn under the markers.
    pub guides: Vec<Guide>,
    /// The marker a finger holds.
    held: Option<usize>,
    /// Bumped on every change, so that a view redraws only when needed.
    pub revision: u64,
}

impl Seismogram {
    /// A view of `traces` (1-3 components of one station), vertical first,
    /// with `origin` as time zero, showing `window` s.
    pub fn new(traces: &[&Trace], origin: UtcTime, window: (f64, f64)) -> Option<Self> {
        let mut components: Vec<Component> = traces
            .iter()
            .filter(|t| t.sample_rate_hz > 0.0 && !t.is_empty())
            .take(3)
            .map(|t| Component::new(t, origin))
            .collect();
        if components.is_empty() {
            return None;
        }
        // Z, then N (or 1), then E (or 2).
        components.sort_by_key(|c| match component_name(&c.channel) {
            "Z" => 0,
            "N" => 1,
            "E" => 2,
            _ => 3,
        });
        let data = components
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), c| {
                (a.min(c.start_s), b.max(c.start_s + c.duration_s()))
            });
        let mut s = Self {
            components,
            origin,
            data,
            view: window,
            home: window,
            clearer: false,
            markers: Vec::new(),
            guides: Vec::new(),
            held: None,
            revision: 0,
        };
        s.set_view(window.0, window.1);
        s.home = s.view;
        // The axis font is read from disk once, here, not in the first
        // frame a finger moves.
        axis_font();
        Some(s)
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    /// Shows `t0..t1`, kept inside the data and no narrower than
    /// [`MIN_SPAN_S`]; a view that stays where it was is no change (nothing
    /// to draw again).
    pub fn set_view(&mut self, t0: f64, t1: f64) {
        let full = (self.data.1 - self.data.0).max(MIN_SPAN_S);
        let span = (t1 - t0).clamp(MIN_SPAN_S, full);
        let mid = 0.5 * (t0 + t1);
        let mut a = mid - span / 2.0;
        a = a.clamp(self.data.0, (self.data.1 - span).max(self.data.0));
        if !a.is_finite() {
            return;
        }
        if self.view != (a, a + span) {
            self.view = (a, a + span);
            self.changed();
        }
    }

    /// Zooms by `factor` (> 1: closer) about the time at `frac` (0-1) of
    /// the width.
    pub fn zoom(&mut self, factor: f64, frac: f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let (t0, t1) = self.view;
        let at = t0 + (t1 - t0) * frac.clamp(0.0, 1.0);
        let span = (t1 - t0) / factor;
        let left = (at - t0) / (t1 - t0);
        self.set_view(at - left * span, at - left * span + span);
    }

    /// Moves the view by `frac` of its width (> 0: later).
    pub fn pan(&mut self, frac: f64) {
        if !frac.is_finite() {
            return;
        }
        let (t0, t1) = self.view;
        let d = (t1 - t0) * frac;
        self.set_view(t0 + d, t1 + d);
    }

    /// Back to the window it started with.
    pub fn reset_view(&mut self) {
        let (a, b) = self.home;
        self.set_view(a, b);
    }

    /// Switches "make it clearer".
    pub fn set_clearer(&mut self, on: bool) {
        self.clearer = on;
        self.changed();
    }

    /// The time at `frac` (0-1) of the width.
    pub fn time_at(&self, frac: f64) -> f64 {
        self.view.0 + (self.view.1 - self.view.0) * frac
    }

    /// Where time `t` is, as a fraction of the width.
    pub fn frac_of(&self, t: f64) -> f64 {
        (t - self.view.0) / (self.view.1 - self.view.0)
    }

    /// Adds a marker of `kind` parked at `frac` of the current view.
    pub fn add_marker(&mut self, kind: MarkerKind, frac: f64) {
        let t = self.time_at(frac);
        self.markers.push(Marker {
            kind,
            t,
            placed: false,
        });
        self.changed();
    }

    /// The marker of `kind`.
    pub fn marker(&self, kind: MarkerKind) -> Option<&Marker> {
        self.markers.iter().find(|m| m.kind == kind)
    }

    /// The marker whose grab zone holds `x` of a picture `width` pixels wide.
    pub fn marker_near(&self, x: f32, width: f32) -> Option<usize> {
        self.markers
            .iter()
            .enumerate()
            .map(|(i, _)| (i, (self.flag_x(i, width) - x).abs()))
            .filter(|&(_, d)| d <= GRAB_HALF_PX)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }

    /// Where a marker's flag is drawn on a picture `width` wide: at its
    /// time, or held at the nearer edge while its time is out of view, so
    /// that a visitor who zoomed or panned away can still take it back.
    /// Flags waiting at the same edge stand side by side.
    pub fn flag_x(&self, i: usize, width: f32) -> f32 {
        let r = FLAGS_H / 2.0;
        let at = |m: &Marker| self.frac_of(m.t) as f32 * width;
        let m = &self.markers[i];
        let x = at(m);
        let before = |left: bool| {
            self.markers[..i]
                .iter()
                .filter(|o| if left { at(o) < r } else { at(o) > width - r })
                .count() as f32
        };
        if x < r {
            r + before(true) * FLAGS_H
        } else if x > width - r {
            width - r - before(false) * FLAGS_H
        } else {
            x
        }
    }

    /// Whether a marker's time is inside the view.
    fn in_view(&self, m: &Marker) -> bool {
        (self.view.0..=self.view.1).contains(&m.t)
    }

    /// A finger went down at `x` of `width`: it holds the marker there, if
    /// any. Returns whether it did.
    pub fn press(&mut self, x: f32, width: f32) -> bool {
        self.held = self.marker_near(x, width);
        self.held.is_some()
    }

    /// The held marker, if any.
    pub fn held(&self) -> Option<MarkerKind> {
        self.held.map(|i| self.markers[i].kind)
    }

    /// The finger moved to `x` of `width`: the held marker follows it.
    pub fn drag_to(&mut self, x: f32, width: f32) {
        if let Some(i) = self.held {
            let t = self
                .time_at((x / width.max(1.0)) as f64)
                .clamp(self.data.0, self.data.1);
            self.markers[i].t = t;
            self.markers[i].placed = true;
            self.changed();
        }
    }

    /// The finger lifted.
    pub fn release(&mut self) {
        self.held = None;
    }

    /// Puts the marker of `kind` at `frac` of the width (a tap).
    pub fn place(&mut self, kind: MarkerKind, frac: f64) {
        let t = self.time_at(frac.clamp(0.0, 1.0));
        if let Some(m) = self.markers.iter_mut().find(|m| m.kind == kind) {
            m.t = t;
            m.placed = true;
            self.changed();
        }
    }

    /// Draws the view into `c`: flags on top, one panel per component, the
    /// time axis at the bottom.
    pub fn draw(&self, c: &mut Canvas) {
        let (w, h) = (c.width as f32, c.height as f32);
        c.clear(BACKGROUND);
        let panels_top = FLAGS_H;
        let panels_h = (h - FLAGS_H - AXIS_H).max(10.0);
        let n = self.components.len().max(1);
        let gap = 6.0;
        let ph = (panels_h - gap * (n as f32 - 1.0)) / n as f32;
        let (t0, t1) = self.view;
        let span = t1 - t0;
        let x_of = |t: f64| ((t - t0) / span * w as f64) as f32;
        // Seconds grid.
        let step = nice_step(span / 8.0);
        let mut tick = (t0 / step).ceil() * step;
        let mut ticks = Vec::new();
        while tick <= t1 {
            ticks.push(tick);
            tick += step;
        }
        // One scale for all components of the window, so that a visitor
        // can compare them (S is larger on the horizontals).
        let full = self
            .components
            .iter()
            .map(|c| c.peak_between(t0, t1, self.clearer))
            .fold(0.0f32, f32::max)
            .max(1e-9);
        for (k, comp) in self.components.iter().enumerate() {
            let top = panels_top + k as f32 * (ph + gap);
            c.fill_rect(0.0, top, w, ph, PANEL);
            for &t in &ticks {
                c.vspan(x_of(t) as i32, top as i32, (top + ph) as i32 - 1, GRID);
            }
            let mid = top + ph / 2.0;
            let scale = (ph / 2.0 - 3.0) / full;
            let cols = w as usize;
            let mut prev: Option<i32> = None;
            for col in 0..cols {
                let ta = t0 + span * col as f64 / cols as f64;
                let tb = t0 + span * (col + 1) as f64 / cols as f64;
                let Some((lo, hi)) = comp.range(ta, tb, self.clearer) else {
                    prev = None;
                    continue;
                };
                let (mut ya, mut yb) = ((mid - hi * scale) as i32, (mid - lo * scale) as i32);
                if let Some(p) = prev {
                    ya = ya.min(p);
                    yb = yb.max(p);
                }
                c.vspan(col as i32, ya, yb, TRACE);
                prev = Some((mid - 0.5 * (hi + lo) * scale) as i32);
            }
            label(
                c,
                component_name(&comp.channel),
                10.0,
                top + 26.0,
                22.0,
                LABEL,
                false,
            );
        }
        let axis_top = panels_top + panels_h;
        if let Some(f) = axis_font() {
            for &t in &ticks {
                let text = format_seconds(t, step);
                let x = x_of(t);
                if f.width(&text, 20.0) / 2.0 < x.min(w - x) {
                    label(c, &text, x, axis_top + 26.0, 20.0, LABEL, true);
                }
            }
        }
        for g in &self.guides {
            let (a, b) = (x_of(g.t - g.half_width_s), x_of(g.t + g.half_width_s));
            let (a, b) = (a.min(b - 3.0), b.max(a + 3.0));
            c.fill_rect(a, panels_top, b - a, panels_h, g.colour);
        }
        for (i, m) in self.markers.iter().enumerate() {
            let col = m.kind.colour();
            let alpha = if m.placed { 255 } else { 170 };
            if self.in_view(m) {
                c.fill_rect(x_of(m.t) - 2.0, panels_top, 4.0, panels_h, col.alpha(alpha));
            }
            // The flag: a big round handle with the marker's letter, at the
            // edge (with a dimmer ring) while its time is out of view.
            let x = self.flag_x(i, w);
            if !self.in_view(m) {
                c.ring(x, FLAGS_H / 2.0, FLAGS_H / 2.0 - 2.0, 4.0, TRACE);
            }
            c.fill_circle(x, FLAGS_H / 2.0, FLAGS_H / 2.0 - 3.0, col.alpha(alpha));
            label(
                c,
                m.kind.letter(),
                x,
                FLAGS_H / 2.0 + 11.0,
                32.0,
                BACKGROUND,
                true,
            );
        }
    }
}

const BACKGROUND: Rgba = Rgba::hex(0x10202e);
const PANEL: Rgba = Rgba::hex(0x16324a);
const GRID: Rgba = Rgba::hex(0x24476a);
const TRACE: Rgba = Rgba::hex(0xe8eef4);
const LABEL: Rgba = Rgba::hex(0x9fb4c8);

/// The font of the axis's numbers (none on a machine without fonts: the
/// view then shows no numbers, and still works).
fn axis_font() -> Option<&'static Font> {
    static FONT: OnceLock<Option<Font>> = OnceLock::new();
    FONT.get_or_init(|| Font::system_sans().ok()).as_ref()
}

/// Draws `text` with its baseline at `y`, from `x` or centred on it. Each
/// text is rasterised once into a coverage mask and then only blended, so
/// that the axis's numbers cost next to nothing while a finger zooms.
pub fn label(c: &mut Canvas, text: &str, x: f32, y: f32, size: f32, colour: Rgba, centred: bool) {
    type Masks = std::collections::HashMap<(String, u32), Canvas>;
    static MASKS: std::sync::Mutex<Option<Masks>> = std::sync::Mutex::new(None);
    let Some(font) = axis_font() else { return };
    let Ok(mut guard) = MASKS.lock() else { return };
    let masks = guard.get_or_insert_with(Masks::new);
    if masks.len() > 512 {
        masks.clear();
    }
    let key = (text.to_owned(), size.to_bits());
    let mask = masks.entry(key).or_insert_with(|| {
        let w = font.width(text, size).ceil() as u32 + 4;
        let h = (size * 1.4).ceil() as u32;
        let mut m = Canvas::new(w.max(1), h.max(1), Rgba(0, 0, 0, 0));
        font.draw(&mut m, text, 2.0, size, size, Rgba::hex(0xffffff));
        m
    });
    let left = if centred {
        x - mask.width as f32 / 2.0
    } else {
        x - 2.0
    }
    .round();
    let (left, top) = (left as i32, (y - size).round() as i32);
    for my in 0..mask.height {
        for mx in 0..mask.width {
            let a = mask.rgba[((my * mask.width + mx) * 4 + 3) as usize];
            if a > 0 {
                let x = left + mx as i32;
                c.blend_pixel(x, top + my as i32, colour, a as f32 / 255.0);
            }
        }
    }
}

/// How wide [`label`] draws `text` at `size`, px (0 without a font).
pub fn label_width(text: &str, size: f32) -> f32 {
    axis_font().map_or(0.0, |f| f.width(text, size))
}

/// Z, N or E (or the channel code itself).
fn component_name(channel: &str) -> &str {
    match channel.chars().last() {
        Some('Z' | 'z') => "Z",
        Some('N' | 'n' | '1') => "N",
        Some('E' | 'e' | '2') => "E",
        _ => channel,
    }
}

/// 1, 2 or 5 times a power of ten, at least `rough`.
pub fn nice_step(rough: f64) -> f64 {
    if !(rough.is_finite() && rough > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|&s| s >= rough)
        .unwrap_or(10.0 * p)
}

/// `12 s`, or `12.5 s` when the step is under a second.
fn format_seconds(t: f64, step: f64) -> String {
    // A tick a hair below zero is zero, not "-0 s".
    let t = if t.abs() < step * 1e-6 { 0.0 } else { t };
    if step < 1.0 {
        format!("{t:.1} s")
    } else {
        format!("{t:.0} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::waveform::Samples;

    fn trace(channel: &str, x: Vec<i32>, rate: f64) -> Trace {
        Trace {
            network: "XX".into(),
            station: "T".into(),
            location: String::new(),
            channel: channel.into(),
            start: UtcTime(0),
            sample_rate_hz: rate,
            samples: Samples::Int(x),
            encoding: None,
            record_count: 1,
        }
    }

    #[test]
    fn the_pyramid_gives_the_exact_min_and_max_of_any_range() {
        let x: Vec<f32> = (0..1000)
            .map(|i| ((i * 7919) % 1013) as f32 - 500.0)
            .collect();
        let p = Pyramid::new(&x);
        for (a, b) in [(0, 1000), (3, 4), (17, 513), (500, 999), (1, 2), (256, 768)] {
            let want = x[a..b]
                .iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(l, h), &v| {
                    (l.min(v), h.max(v))
                });
            assert_eq!(p.range(a, b), Some(want), "{a}..{b}");
        }
        assert_eq!(p.range(5, 5), None);
    }

    #[test]
    fn a_single_spike_is_drawn_at_every_zoom() {
        // An hour at 100 Hz with one spike at 1800 s.
        let mut x = vec![0; 360_000];
        x[180_000] = 1000;
        x[0] = -1;
        let t = trace("HHZ", x, 100.0);
        let mut s = Seismogram::new(&[&t], UtcTime(0), (0.0, 3600.0)).unwrap();
        for _ in 0..8 {
            let mut c = Canvas::new(400, 200, BACKGROUND);
            s.draw(&mut c);
            let col = (s.frac_of(1800.0) * 400.0) as u32;
            let lit = (col.saturating_sub(1)..=(col + 1).min(399))
                .flat_map(|x| (FLAGS_H as u32..(200 - AXIS_H as u32)).map(move |y| (x, y)))
                .filter(|&(x, y)| c.pixel(x, y) == TRACE)
                .count();
            assert!(lit > 20, "span {:?}: spike lost ({lit} px)", s.view);
            s.zoom(3.0, s.frac_of(1800.0));
        }
        assert!(s.view.1 - s.view.0 >= MIN_SPAN_S);
    }

    #[test]
    fn zoom_and_pan_stay_inside_the_data() {
        let t = trace("HHZ", vec![0; 6000], 100.0);
        let mut s = Seismogram::new(&[&t], UtcTime(0), (0.0, 60.0)).unwrap();
        s.zoom(4.0, 0.5);
        assert!((s.view.1 - s.view.0 - 15.0).abs() < 1e-9);
        s.pan(10.0);
        assert!((s.view.1 - 60.0).abs() < 1e-9, "{:?}", s.view);
        s.zoom(0.01, 0.5);
        assert_eq!(s.view, (0.0, 60.0));
        s.zoom(f64::NAN, 0.5);
        s.pan(f64::INFINITY);
        assert_eq!(s.view, (0.0, 60.0));
    }

    #[test]
    fn a_marker_is_held_within_its_grab_zone_and_follows_the_finger() {
        let t = trace("HHZ", vec![0; 6000], 100.0);
        let mut s = Seismogram::new(&[&t], UtcTime(0), (0.0, 60.0)).unwrap();
        s.add_marker(MarkerKind::P, 0.5);
        assert!(!s.press(600.0 - 2.0 * GRAB_HALF_PX, 1200.0));
        assert!(s.press(600.0 + GRAB_HALF_PX - 1.0, 1200.0));
        s.drag_to(300.0, 1200.0);
        s.release();
        let m = s.marker(MarkerKind::P).unwrap();
        assert!((m.t - 15.0).abs() < 1e-9 && m.placed);
        // The grab zone is at least the hall's 64 px touch target.
        const { assert!(2.0 * GRAB_HALF_PX >= 64.0) };
    }

    #[test]
    fn a_marker_out_of_view_waits_at_the_edge_and_can_be_taken_back() {
        let t = trace("HHZ", vec![0; 6000], 100.0);
        let mut s = Seismogram::new(&[&t], UtcTime(0), (0.0, 60.0)).unwrap();
        s.add_marker(MarkerKind::P, 0.1);
        s.add_marker(MarkerKind::S, 0.05);
        s.set_view(30.0, 60.0);
        assert_eq!(s.flag_x(0, 1200.0), FLAGS_H / 2.0);
        // A second flag waiting at the same edge stands beside the first.
        assert_eq!(s.flag_x(1, 1200.0), FLAGS_H * 1.5);
        assert!(s.press(FLAGS_H / 2.0, 1200.0));
        s.drag_to(600.0, 1200.0);
        assert!((s.marker(MarkerKind::P).unwrap().t - 45.0).abs() < 1e-9);
    }

    #[test]
    fn nice_steps_are_one_two_or_five() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(12.0), 20.0);
        assert_eq!(nice_step(450.0), 500.0);
    }
}
