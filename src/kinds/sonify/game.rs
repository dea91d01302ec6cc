//! The state of "Sounds of the Earth": the quakes a visitor can hear, each
//! a recording made audible, the voice that plays the chosen one, and the
//! two pictures that scroll with the sound: the record's trace and its
//! spectrogram, with a playhead where the sound is. No Bevy here.

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::draw::palette;
use crate::domain::puzzle::seismogram::{Guide, Seismogram, label};
use crate::domain::sound::audify::{Audified, LOWEST_HEARD_HZ};
use crate::domain::sound::voice::Voice;
use crate::domain::text::Bilingual;
use crate::domain::waveform::dsp;

/// The trace picture's size.
pub const TRACE_W: u32 = 1000;
/// Its height.
pub const TRACE_H: u32 = 290;
/// The spectrogram picture's size.
pub const SPEC_W: u32 = TRACE_W;
/// Its height.
pub const SPEC_H: u32 = 250;
/// The highest pitch the spectrogram shows, heard Hz.
pub const HIGHEST_HEARD_HZ: f64 = 4000.0;
/// Decibels below the loudest that the spectrogram's colours span.
const DB_RANGE: f64 = 60.0;
/// Where the playhead stands in the scrolling window (fraction of the width).
pub const PLAYHEAD_AT: f64 = 1.0 / 3.0;
/// The window shown, as a fraction of the record.
const WINDOW_OF_RECORD: f64 = 0.4;
/// Seconds of S before its coda, at least: the S "thump" and what follows.
const S_LASTS_S: f64 = 8.0;

const BACKGROUND: Rgba = Rgba::hex(0x10202e);
const PLAYHEAD: Rgba = Rgba::hex(0xffd34d);
const AXIS: Rgba = Rgba::hex(0x9fb4c8);
/// Surface waves' colour (as on the other exhibits' pictures).
pub const SURFACE: Rgba = Rgba::hex(0x7ee08a);

/// Times on the record, s from its first sample.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Phases {
    /// The P arrival.
    pub p: Option<f64>,
    /// The S arrival.
    pub s: Option<f64>,
    /// The start of the surface waves, where they come apart from S.
    pub surface: Option<f64>,
}

/// What the visitor is hearing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// Nothing chosen yet: "tap a quake".
    Choose,
    /// Before the P wave: the ground's quiet hum.
    Quiet,
    /// The P wave's crack.
    P,
    /// The S wave's thump.
    S,
    /// The long roar of the surface waves.
    Surface,
    /// The shaking dying away (the coda).
    Fading,
    /// The sound has ended: tap again.
    Ended,
}

impl Phases {
    /// What is heard at record time `t`.
    pub fn at(&self, t: f64) -> Heard {
        match (self.p, self.s, self.surface) {
            (_, _, Some(sw)) if t >= sw => Heard::Surface,
            (_, Some(s), surface) if t >= s => {
                let s_end = surface.unwrap_or(s + S_LASTS_S.max(s - self.p.unwrap_or(s)));
                if t < s_end { Heard::S } else { Heard::Fading }
            }
            (Some(p), _, _) if t >= p => Heard::P,
            _ => Heard::Quiet,
        }
    }
}

/// One quake the visitor can hear.
#[derive(Debug)]
pub struct Quake {
    /// Its button.
    pub name: Bilingual,
    /// What it is, shown while it plays.
    pub about: Bilingual,
    /// Its record on screen (the vertical component).
    pub view: Seismogram,
    /// Its record as sound.
    pub sound: Audified,
    /// Its arrivals.
    pub phases: Phases,
    /// The spectrogram, one column per window and [`SPEC_H`] rows (top is
    /// high), coloured; with the record time of each column.
    spec: Canvas,
    spec_times: Vec<f64>,
    /// The heard frequencies at the top and bottom rows, Hz.
    pub heard_hz: (f64, f64),
}

impl Quake {
    /// A quake from the vertical record `z` (sampled at `rate_hz`), heard
    /// `speedup` times faster; `view` shows the same record.
    pub fn new(z: &[f64], rate_hz: f64, speedup: f64, view: Seismogram, phases: Phases) -> Result<Self, String> {
        let sound = Audified::new(z, rate_hz, speedup)?;
        let (spec, spec_times, heard_hz) = spectrogram_picture(z, rate_hz, speedup);
        let mut q = Self {
            name: Bilingual::default(),
            about: Bilingual::default(),
            view,
            sound,
            phases,
            spec,
            spec_times,
            heard_hz,
        };
        q.view.guides = [(phases.p, palette::P_WAVE), (phases.s, palette::S_WAVE), (phases.surface, SURFACE)]
            .into_iter()
            .filter_map(|(t, colour)| {
                t.map(|t| Guide {
                    t,
                    half_width_s: 0.0,
                    colour,
                })
            })
            .collect();
        q.follow(0.0);
        Ok(q)
    }

    /// The record's length, s.
    pub fn record_s(&self) -> f64 {
        self.view.data.1 - self.view.data.0
    }

    /// Scrolls the window so that record time `t` stands at
    /// [`PLAYHEAD_AT`] of the width (or as near as the record's ends let it).
    fn follow(&mut self, t: f64) {
        let span = (self.record_s() * WINDOW_OF_RECORD).max(10.0);
        let t0 = self.view.data.0 + t - PLAYHEAD_AT * span;
        self.view.set_view(t0, t0 + span);
    }

    /// Where record time `t` is across the window (0-1).
    pub fn frac_of(&self, t: f64) -> f64 {
        self.view.frac_of(self.view.data.0 + t)
    }
}

/// The spectrogram of `z` as a picture: log frequency from the bottom of
/// hearing (20 Hz heard) to [`HIGHEST_HEARD_HZ`] or the record's Nyquist
/// frequency, power in dB coloured over [`DB_RANGE`].
fn spectrogram_picture(z: &[f64], rate_hz: f64, speedup: f64) -> (Canvas, Vec<f64>, (f64, f64)) {
    let f_lo = LOWEST_HEARD_HZ / speedup;
    let f_hi = (HIGHEST_HEARD_HZ / speedup).min(0.5 * rate_hz);
    // Bins no wider than half the lowest frequency shown, within reason.
    let nfft = ((2.0 * rate_hz / f_lo) as usize).next_power_of_two().clamp(64, 4096);
    let nfft = nfft.min(z.len().next_power_of_two() / 2).max(16);
    let step = (nfft / 8).max(1);
    let mut x = z.to_vec();
    dsp::demean(&mut x);
    let sg = dsp::spectrogram(&x, rate_hz, nfft, step);
    let cols = sg.power_db.len().max(1);
    let mut c = Canvas::new(cols as u32, SPEC_H, BACKGROUND);
    let top = sg
        .power_db
        .iter()
        .flat_map(|row| row.iter().copied())
        .fold(f64::NEG_INFINITY, f64::max);
    let df = rate_hz / nfft as f64;
    // Each row's place between two bins, so that the few bins of the low
    // pitches blend rather than stand as blocks.
    let bins: Vec<(usize, f64)> = (0..SPEC_H)
        .map(|y| {
            let frac = 1.0 - (y as f64 + 0.5) / SPEC_H as f64;
            let at = (f_lo * (f_hi / f_lo).powf(frac) / df).min((nfft / 2) as f64 - 1.0);
            (at.floor() as usize, at.fract())
        })
        .collect();
    for (i, row) in sg.power_db.iter().enumerate() {
        for (y, &(b, w)) in bins.iter().enumerate() {
            let db = row[b] * (1.0 - w) + row[b + 1] * w;
            let level = ((db - (top - DB_RANGE)) / DB_RANGE).clamp(0.0, 1.0);
            let k = ((y as u32 * cols as u32) + i as u32) as usize * 4;
            let col = heat(level as f32);
            c.rgba[k..k + 4].copy_from_slice(&[col.0, col.1, col.2, 255]);
        }
    }
    (c, sg.times_s, (f_hi * speedup, f_lo * speedup))
}

/// Dark blue through purple and orange to pale yellow: quiet to loud.
fn heat(v: f32) -> Rgba {
    const STOPS: [Rgba; 5] = [
        Rgba::hex(0x10202e),
        Rgba::hex(0x3b1f6e),
        Rgba::hex(0xb5367a),
        Rgba::hex(0xf78a3c),
        Rgba::hex(0xfcf5b0),
    ];
    let x = v.clamp(0.0, 1.0) * (STOPS.len() - 1) as f32;
    let i = (x.floor() as usize).min(STOPS.len() - 2);
    STOPS[i].mix(STOPS[i + 1], x - i as f32)
}

/// The exhibit's state.
#[derive(Debug)]
pub struct Listening {
    /// The quakes, in the scene's order.
    pub quakes: Vec<Quake>,
    /// The one on screen.
    pub chosen: usize,
    /// Its sound, once the visitor tapped it.
    pub voice: Option<Voice>,
    /// Held where a screenshot asked (`shot --open N`): the sound stays
    /// where it was put until the next tap.
    pub held: bool,
    /// What each picture last showed (quake, window, playhead x), so that
    /// an unchanged one is not drawn again.
    drawn: [Option<(usize, u64, i32)>; 2],
}

impl Listening {
    /// The exhibit at rest on its first quake.
    pub fn new(quakes: Vec<Quake>) -> Self {
        Self {
            quakes,
            chosen: 0,
            voice: None,
            held: false,
            drawn: [None; 2],
        }
    }

    /// Plays quake `k` from its start (again, if it is the one playing).
    pub fn play(&mut self, k: usize) {
        if k >= self.quakes.len() {
            return;
        }
        self.chosen = k;
        self.held = false;
        self.voice = Some(Voice::new(self.quakes[k].sound.samples.clone()));
        self.quakes[k].follow(0.0);
    }

    /// The quake on screen.
    pub fn quake(&self) -> Option<&Quake> {
        self.quakes.get(self.chosen)
    }

    /// Where the sound is on the record, s from its first sample.
    pub fn playhead_s(&self) -> f64 {
        match (&self.voice, self.quake()) {
            (Some(v), Some(q)) => q.sound.record_time(v.position_s()).min(q.record_s()),
            _ => 0.0,
        }
    }

    /// Whether a sound is playing.
    pub fn playing(&self) -> bool {
        self.voice.as_ref().is_some_and(|v| !v.finished())
    }

    /// What the visitor hears now.
    pub fn heard(&self) -> Heard {
        match (&self.voice, self.quake()) {
            (None, _) | (_, None) => Heard::Choose,
            (Some(v), Some(_)) if v.finished() => Heard::Ended,
            (Some(_), Some(q)) => q.phases.at(self.playhead_s()),
        }
    }

    /// Keeps the window on the playhead (a still playhead leaves the view,
    /// and so the pictures, as they are).
    pub fn advance(&mut self) {
        let t = self.playhead_s();
        if let Some(q) = self.quakes.get_mut(self.chosen) {
            q.follow(t);
        }
    }

    /// The playhead's x in a picture `width` wide.
    fn playhead_x(&self, width: u32) -> i32 {
        self.quake()
            .map_or(0, |q| (q.frac_of(self.playhead_s()) * width as f64).round() as i32)
    }

    fn key(&self, width: u32) -> Option<(usize, u64, i32)> {
        self.quake()
            .map(|q| (self.chosen, q.view.revision, self.playhead_x(width)))
    }

    /// Whether picture `index` would look different from when last drawn.
    pub fn stale(&self, index: usize) -> bool {
        let w = if index == 0 { TRACE_W } else { SPEC_W };
        self.drawn.get(index).is_none_or(|d| *d != self.key(w))
    }

    /// Draws picture `index`: 0 the trace, 1 the spectrogram.
    pub fn draw(&mut self, index: usize, c: &mut Canvas) {
        if let Some(slot) = self.drawn.get_mut(index) {
            *slot = None;
        }
        let Some(q) = self.quake() else {
            c.clear(BACKGROUND);
            return;
        };
        let x = self.playhead_x(c.width);
        if index == 0 {
            q.view.draw(c);
            for (t, name, colour) in [(q.phases.p, "P", palette::P_WAVE), (q.phases.s, "S", palette::S_WAVE)] {
                if let Some(t) = t {
                    let fx = (q.frac_of(t) * c.width as f64) as f32;
                    label(c, name, fx, 40.0, 26.0, colour, true);
                }
            }
        } else {
            self.draw_spectrogram(q, c);
        }
        let h = c.height as i32;
        for dx in -1..=1 {
            c.vspan(x + dx, 0, h - 1, PLAYHEAD);
        }
        c.fill_circle(x as f32, 10.0, 9.0, PLAYHEAD);
        let key = self.key(c.width);
        if let Some(slot) = self.drawn.get_mut(index) {
            *slot = key;
        }
    }

    /// The spectrogram's columns under the window, the part still to come
    /// dimmed; the heard pitch marked on the left.
    fn draw_spectrogram(&self, q: &Quake, c: &mut Canvas) {
        let (w, h) = (c.width as usize, c.height as usize);
        let (t0, t1) = q.view.view;
        let start = q.view.data.0;
        let now = self.playhead_s();
        let cols = q.spec.width as usize;
        let rows = (q.spec.height as usize).min(h);
        c.clear(BACKGROUND);
        if q.spec_times.is_empty() {
            return;
        }
        let mut col = 0usize;
        for x in 0..w {
            let t = t0 + (x as f64 + 0.5) / w as f64 * (t1 - t0) - start;
            // The last window centred at or before t (times increase); the
            // first and last windows stretch to the record's ends.
            while col + 1 < q.spec_times.len() && q.spec_times[col + 1] <= t {
                col += 1;
            }
            if t < 0.0 || t > q.record_s() {
                continue;
            }
            let dim = t > now;
            for y in 0..rows {
                let src = (y * cols + col.min(cols - 1)) * 4;
                let dst = (y * w + x) * 4;
                let p = &q.spec.rgba[src..src + 4];
                if dim {
                    c.rgba[dst] = p[0] / 3 + BACKGROUND.0 / 2;
                    c.rgba[dst + 1] = p[1] / 3 + BACKGROUND.1 / 2;
                    c.rgba[dst + 2] = p[2] / 3 + BACKGROUND.2 / 2;
                } else {
                    c.rgba[dst..dst + 3].copy_from_slice(&p[..3]);
                }
                c.rgba[dst + 3] = 255;
            }
        }
        // Heard pitch, on a log axis.
        let (hi, lo) = q.heard_hz;
        for f in [50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0] {
            if f < lo || f > hi {
                continue;
            }
            let y = ((hi / f).ln() / (hi / lo).ln() * h as f64) as f32;
            if !(14.0..h as f32 - 4.0).contains(&y) {
                continue;
            }
            c.fill_rect(0.0, y, 14.0, 2.0, AXIS);
            let text = if f >= 1000.0 { format!("{} kHz", f / 1000.0) } else { format!("{f} Hz") };
            // A dark edge keeps the numbers readable over loud colours.
            for (dx, dy) in [(-1.0, 0.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0)] {
                label(c, &text, 20.0 + dx, y + 8.0 + dy, 20.0, BACKGROUND, false);
            }
            label(c, &text, 20.0, y + 8.0, 20.0, AXIS, false);
        }
    }

    /// Plays quake `k` and moves its sound on `seconds` as if heard, then
    /// holds it there, for cards and screenshots.
    pub fn run_for(&mut self, k: usize, seconds: f64) {
        self.play(k);
        if let Some(v) = self.voice.as_mut() {
            v.run_silently(seconds);
        }
        self.advance();
        self.held = true;
    }

    /// The sound to hand to the output or move on, unless held.
    pub fn voice_mut(&mut self) -> Option<&mut Voice> {
        if self.held { None } else { self.voice.as_mut() }
    }
}

/// A made-up record for the card and the tests: 200 s at 50 Hz, a 4 Hz
/// burst from 40 s (the P) and a bigger 1 Hz one from 70 s (the S), with
/// a decaying coda; with `noisy`, seeded ground noise and a rougher coda.
pub fn demo_quake(phases: Phases, noisy: bool) -> Quake {
    use crate::domain::random::Seeded;
    use crate::domain::waveform::{Samples, Trace, UtcTime};
    let rate = 50.0;
    let mut r = Seeded::new(14);
    let z: Vec<f64> = (0..10_000)
        .map(|i| {
            let t = i as f64 / rate;
            let n = if noisy { 0.05 * r.normal() } else { 0.0 };
            let p = if (40.0..50.0).contains(&t) {
                (25.0 * t).sin() * (-(t - 40.0) / 4.0).exp() * (1.0 + 4.0 * n)
            } else {
                0.0
            };
            let s = if t >= 70.0 {
                let env = if t < 90.0 { 4.0 } else { 4.0 * (-(t - 90.0) / 15.0).exp() };
                env * (6.3 * t).sin() * (1.0 + 3.0 * n)
            } else {
                0.0
            };
            p + s + 0.01 * (3.0 * t).cos() + n
        })
        .collect();
    let start = UtcTime::parse_iso("2026-01-01T00:00:00Z").unwrap_or_default();
    let trace = Trace {
        network: "SY".into(),
        station: "DEMO".into(),
        location: "00".into(),
        channel: "HHZ".into(),
        start,
        sample_rate_hz: rate,
        samples: Samples::F64(z.clone()),
        encoding: None,
        record_count: 0,
    };
    let view = Seismogram::new(&[&trace], start, (0.0, 200.0)).expect("a record to show");
    Quake::new(&z, rate, 40.0, view, phases).expect("a record to play")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quake(phases: Phases) -> Quake {
        demo_quake(phases, false)
    }

    const PHASES: Phases = Phases {
        p: Some(40.0),
        s: Some(70.0),
        surface: None,
    };

    #[test]
    fn what_is_heard_follows_the_arrivals() {
        assert_eq!(PHASES.at(10.0), Heard::Quiet);
        assert_eq!(PHASES.at(45.0), Heard::P);
        assert_eq!(PHASES.at(75.0), Heard::S);
        assert_eq!(PHASES.at(130.0), Heard::Fading);
        let far = Phases {
            surface: Some(150.0),
            ..PHASES
        };
        assert_eq!(far.at(120.0), Heard::S);
        assert_eq!(far.at(160.0), Heard::Surface);
    }

    #[test]
    fn the_playhead_is_where_the_sound_is_and_the_window_follows() {
        let mut g = Listening::new(vec![quake(PHASES)]);
        assert_eq!(g.heard(), Heard::Choose);
        g.play(0);
        // 200 s at 40x: 5 s of sound; 1.125 s in is 45 s of record.
        for _ in 0..135 {
            g.voice.as_mut().unwrap().run_silently(1.0 / 120.0);
        }
        g.advance();
        assert!((g.playhead_s() - 45.0).abs() < 0.05, "{}", g.playhead_s());
        assert_eq!(g.heard(), Heard::P);
        let q = g.quake().unwrap();
        assert!((q.frac_of(g.playhead_s()) - PLAYHEAD_AT).abs() < 1e-6, "scrolled");
        g.voice.as_mut().unwrap().run_silently(10.0);
        assert_eq!(g.heard(), Heard::Ended);
        assert!(!g.playing());
    }

    #[test]
    fn the_spectrogram_shows_the_s_burst_lower_than_the_p() {
        let q = quake(PHASES);
        // Heard: 4 Hz x 40 = 160 Hz (P), 1 Hz x 40 = 40 Hz (S).
        let (hi, lo) = q.heard_hz;
        let row_of = |f: f64| ((hi / f).ln() / (hi / lo).ln() * SPEC_H as f64) as u32;
        let col_at = |t: f64| q.spec_times.iter().position(|&c| c >= t).unwrap() as u32;
        let bright = |x: u32, y: u32| {
            let p = q.spec.pixel(x, y);
            p.0 as u32 + p.1 as u32 + p.2 as u32
        };
        let (p_col, s_col) = (col_at(45.0), col_at(80.0));
        assert!(bright(p_col, row_of(160.0)) > bright(p_col, row_of(40.0)) + 100);
        assert!(bright(s_col, row_of(40.0)) > bright(s_col, row_of(160.0)) + 100);
    }

    #[test]
    fn pictures_are_drawn_only_when_the_playhead_moves() {
        let mut g = Listening::new(vec![quake(PHASES)]);
        let mut c = Canvas::new(TRACE_W, TRACE_H, BACKGROUND);
        let mut s = Canvas::new(SPEC_W, SPEC_H, BACKGROUND);
        g.run_for(0, 1.0);
        assert!(g.stale(0) && g.stale(1));
        g.draw(0, &mut c);
        g.draw(1, &mut s);
        assert!(!g.stale(0) && !g.stale(1));
        let x = g.playhead_x(TRACE_W) as u32;
        assert_eq!(c.pixel(x, TRACE_H / 2), PLAYHEAD);
        assert!(g.voice_mut().is_none(), "held where it was put");
        g.voice.as_mut().unwrap().run_silently(0.5);
        g.advance();
        assert!(g.stale(0) && g.stale(1));
        g.play(0);
        assert!(g.voice_mut().is_some(), "a tap lets it play");
        // Once the sound has ended the pictures stay as they are.
        g.voice.as_mut().unwrap().run_silently(60.0);
        g.advance();
        g.draw(0, &mut c);
        g.draw(1, &mut s);
        g.advance();
        assert!(!g.stale(0) && !g.stale(1), "nothing new to draw");
    }
}
