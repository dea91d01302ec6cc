//! The drum: a day laid out in lines of `line_s` seconds, the first at
//! 00:00 Beijing time, left to right and top to bottom as the pen wrote
//! them on the turning drum, in alternating colours, Beijing time on the
//! left and UTC on the right. Each column of a line is the smallest and
//! largest sample under it, read from per-block minima and maxima made once
//! (a pyramid's first floor: a column of a half-hour line covers about
//! thirteen blocks), so that drawing a day costs the same at any moment;
//! the raw record and the band-passed one ("filter") both have theirs.

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::puzzle::seismogram::{CLEARER_BAND_HZ, label};
use crate::domain::waveform::UtcTime;
use crate::domain::waveform::dsp::{self, Band};

use super::day::{BEIJING_OFFSET_S, Day};

/// Samples per block of the minima and maxima.
pub const BLOCK: usize = 16;
/// Left margin (Beijing time) and right margin (UTC) of the picture, px.
pub const MARGINS: (f32, f32) = (84.0, 84.0);
/// The colours of successive lines, as the pens of a four-colour drum.
const INKS: [Rgba; 4] = [
    Rgba::hex(0x1b1b1b),
    Rgba::hex(0xb3261e),
    Rgba::hex(0x1f4e8c),
    Rgba::hex(0x2e7d32),
];
/// The paper.
pub const PAPER: Rgba = Rgba::hex(0xf4efe2);
const HOUR_LABEL: Rgba = Rgba::hex(0x5a5046);
/// How far a swing may reach beyond its line, in line spacings.
const CLIP_LINES: f32 = 1.6;

/// The smallest and largest sample of each block; (NaN, NaN) where the
/// block has no data.
fn blocks(x: &[f32]) -> Vec<(f32, f32)> {
    x.chunks(BLOCK)
        .map(|c| {
            let (lo, hi) = c
                .iter()
                .filter(|v| v.is_finite())
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
            if lo > hi { (f32::NAN, f32::NAN) } else { (lo, hi) }
        })
        .collect()
}

/// A day on the drum.
#[derive(Debug, Clone, PartialEq)]
pub struct Drum {
    /// The first line's start (00:00 Beijing time).
    pub start: UtcTime,
    /// Seconds per line.
    pub line_s: f64,
    /// Lines in the day.
    pub lines: usize,
    /// Samples per second.
    pub rate_hz: f64,
    raw: Vec<(f32, f32)>,
    clear: Vec<(f32, f32)>,
    /// The swing drawn one line spacing high: raw, band-passed.
    unit: (f32, f32),
}

impl Drum {
    /// The drum of `day` in lines of `line_s` seconds.
    pub fn new(day: &Day, line_s: f64) -> Self {
        let rate = day.rate_hz;
        // Band-pass with the gaps held at zero, then put them back.
        let filled: Vec<f64> = day
            .samples
            .iter()
            .map(|&v| if v.is_finite() { v as f64 } else { 0.0 })
            .collect();
        let high = CLEARER_BAND_HZ.1.min(0.45 * rate);
        let clear: Vec<f32> = if high > CLEARER_BAND_HZ.0 * 1.5 {
            dsp::filter(&filled, Band::Pass(CLEARER_BAND_HZ.0, high), 2, rate, true)
                .iter()
                .zip(&day.samples)
                .map(|(&c, &v)| if v.is_finite() { c as f32 } else { f32::NAN })
                .collect()
        } else {
            day.samples.clone()
        };
        let (raw, clear) = (blocks(&day.samples), blocks(&clear));
        // One line spacing is sixteen times the day's typical block swing,
        // so that quiet hours are a thin line and quakes stand out.
        let unit = |b: &[(f32, f32)]| {
            let mut s: Vec<f32> = b.iter().filter(|p| p.0.is_finite()).map(|p| p.1 - p.0).collect();
            if s.is_empty() {
                return 1.0;
            }
            let mid = s.len() / 2;
            s.select_nth_unstable_by(mid, f32::total_cmp);
            (s[mid] * 16.0).max(1e-6)
        };
        let day_s = day.samples.len() as f64 / rate;
        Self {
            start: day.start,
            line_s,
            lines: (day_s / line_s).ceil() as usize,
            rate_hz: rate,
            unit: (unit(&raw), unit(&clear)),
            raw,
            clear,
        }
    }

    /// The line and the fraction along it (0-1) of time `t`; `None`
    /// outside the day.
    pub fn line_of(&self, t: UtcTime) -> Option<(usize, f64)> {
        let s = t.secs_since(self.start);
        let line = (s / self.line_s).floor();
        (s >= 0.0 && (line as usize) < self.lines).then(|| (line as usize, s / self.line_s - line))
    }

    /// The time at fraction `frac` (0-1) along line `line`.
    pub fn time_at(&self, line: usize, frac: f64) -> UtcTime {
        self.start.add_secs((line as f64 + frac.clamp(0.0, 1.0)) * self.line_s)
    }

    /// Where time `t` is drawn in a picture `width` wide whose line
    /// `top_line` is at the top, `pitch` px apart: (x, y of the line's
    /// middle).
    pub fn place_of(&self, t: UtcTime, width: f32, pitch: f32, scroll_px: f32) -> Option<(f32, f32)> {
        let (line, frac) = self.line_of(t)?;
        let x = MARGINS.0 + frac as f32 * (width - MARGINS.0 - MARGINS.1);
        Some((x, self.line_y(line, pitch, scroll_px)))
    }

    /// The time under a finger at (`x`, `y`), if it is on a line.
    pub fn time_under(&self, x: f32, y: f32, width: f32, pitch: f32, scroll_px: f32) -> Option<UtcTime> {
        let line = ((y + scroll_px) / pitch - 1.0).round();
        if line < 0.0 || line as usize >= self.lines {
            return None;
        }
        let frac = ((x - MARGINS.0) / (width - MARGINS.0 - MARGINS.1)) as f64;
        (0.0..=1.0).contains(&frac).then(|| self.time_at(line as usize, frac))
    }

    /// The middle of line `line` in the picture, px.
    fn line_y(&self, line: usize, pitch: f32, scroll_px: f32) -> f32 {
        (line as f32 + 1.0) * pitch - scroll_px
    }

    /// The smallest and largest sample from `t0` to `t1` s after the
    /// drum's start, in line spacings; `None` where there is no data.
    pub fn range(&self, t0: f64, t1: f64, clearer: bool) -> Option<(f32, f32)> {
        let (b, unit) = if clearer { (&self.clear, self.unit.1) } else { (&self.raw, self.unit.0) };
        let per = BLOCK as f64 / self.rate_hz;
        let i0 = (t0 / per).floor().max(0.0) as usize;
        let i1 = ((t1 / per).ceil() as usize).min(b.len());
        let (lo, hi) = b[i0.min(i1)..i1]
            .iter()
            .filter(|p| p.0.is_finite())
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), p| (lo.min(p.0), hi.max(p.1)));
        (lo <= hi).then(|| (lo / unit, hi / unit))
    }

    /// Total height of the drum's lines at `pitch`, px.
    pub fn height(&self, pitch: f32) -> f32 {
        (self.lines as f32 + 1.0) * pitch
    }

    /// Draws the lines visible in `c` with line `scroll_px / pitch` at the
    /// top, `pitch` px apart.
    pub fn draw(&self, c: &mut Canvas, pitch: f32, scroll_px: f32, clearer: bool) {
        c.clear(PAPER);
        let w = c.width as f32;
        let h = c.height as f32;
        let span = w - MARGINS.0 - MARGINS.1;
        let cols = span.max(1.0) as usize;
        let dt = self.line_s / cols as f64;
        let clip = CLIP_LINES * pitch;
        for line in 0..self.lines {
            let mid = self.line_y(line, pitch, scroll_px);
            if mid < -clip || mid > h + clip {
                continue;
            }
            let ink = INKS[line % INKS.len()];
            let t_line = line as f64 * self.line_s;
            for col in 0..cols {
                let t0 = t_line + col as f64 * dt;
                let Some((lo, hi)) = self.range(t0, t0 + dt, clearer) else {
                    continue;
                };
                // Up is up: larger values higher on the paper.
                let y0 = (mid - (hi * pitch).clamp(-clip, clip)).floor() as i32;
                let y1 = (mid - (lo * pitch).clamp(-clip, clip)).ceil() as i32;
                c.vspan(MARGINS.0 as i32 + col as i32, y0, y1.max(y0), ink);
            }
            // Every hour: Beijing time on the left, UTC on the right.
            let s = t_line;
            if (s % 3600.0).abs() < 1e-6 {
                let bj = (s / 3600.0).round() as i64 % 24;
                let utc_s = self.start.add_secs(s).as_secs_f64().rem_euclid(86_400.0);
                let utc = (utc_s / 3600.0).round() as i64 % 24;
                label(c, &format!("{bj:02}:00"), 10.0, mid + 7.0, 20.0, HOUR_LABEL, false);
                label(c, &format!("{utc:02}:00"), w - MARGINS.1 + 12.0, mid + 7.0, 20.0, HOUR_LABEL, false);
            }
        }
    }
}

/// "09:14:25" of `t` in Beijing time and in UTC.
pub fn clock_pair(t: UtcTime) -> (String, String) {
    let hms = |t: UtcTime| {
        let (_, _, _, h, m, s, _) = t.fields();
        format!("{h:02}:{m:02}:{s:02}")
    };
    (hms(t.add_secs(BEIJING_OFFSET_S)), hms(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quiet day with a swing every 1000 s and a gap from 03:40 to 03:52.
    fn day() -> Day {
        let start = super::super::day::beijing_midnight("2026-03-18").unwrap();
        let rate = 100.0;
        let samples: Vec<f32> = (0..8_640_000)
            .map(|i| {
                let s = i as f64 / rate;
                if (13_200.0..13_920.0).contains(&s) {
                    f32::NAN
                } else if (s % 1000.0) < 1.0 {
                    5.0 * (s * 30.0).sin() as f32
                } else {
                    (s * 7.0).sin() as f32
                }
            })
            .collect();
        Day {
            start,
            rate_hz: rate,
            samples,
            quakes: Vec::new(),
        }
    }

    #[test]
    fn a_tap_reads_the_time_of_the_sample_under_it_across_line_ends_and_midnight_utc() {
        let d = Drum::new(&day(), 1800.0);
        assert_eq!(d.lines, 48);
        let (w, pitch) = (1000.0, 26.0);
        let col_s = d.line_s / (w - MARGINS.0 - MARGINS.1) as f64;
        // Midnight UTC is 08:00 Beijing time: the start of line 16.
        let midnight = UtcTime::parse_iso("2026-03-18T00:00:00Z").unwrap();
        assert_eq!(d.line_of(midnight), Some((16, 0.0)));
        for scroll in [0.0, 300.0] {
            for t in [
                midnight.add_secs(-0.5),
                midnight,
                midnight.add_secs(0.5),
                d.start.add_secs(1799.9),
                d.start.add_secs(1800.1),
                d.start.add_secs(86_399.0),
                d.start.add_secs(45_123.4),
            ] {
                let (x, y) = d.place_of(t, w, pitch, scroll).unwrap();
                let back = d.time_under(x, y, w, pitch, scroll).unwrap();
                assert!(back.secs_since(t).abs() <= col_s, "{} -> {}", t.iso_micros(), back.iso_micros());
            }
        }
        assert!(d.line_of(d.start.add_secs(-1.0)).is_none());
        assert!(d.line_of(d.start.add_secs(86_400.0)).is_none());
        let (bj, utc) = clock_pair(midnight.add_secs(3723.0));
        assert_eq!((bj.as_str(), utc.as_str()), ("09:02:03", "01:02:03"));
    }

    #[test]
    fn a_gap_draws_as_a_gap() {
        let d = Drum::new(&day(), 1800.0);
        let mut c = Canvas::new(1000, 640, PAPER);
        let pitch = 26.0;
        d.draw(&mut c, pitch, 0.0, false);
        // 03:40-03:52 is on line 7 (03:30-04:00), a third to four fifths
        // along it: nothing drawn there, the line drawn either side.
        let ink_in = |c: &Canvas, x: f32, y: f32| {
            (-3..=3).any(|dy| c.pixel(x as u32, (y + dy as f32) as u32) != PAPER)
        };
        let (x_gap, y) = d.place_of(d.start.add_secs(13_500.0), 1000.0, pitch, 0.0).unwrap();
        let (x_before, _) = d.place_of(d.start.add_secs(12_700.0), 1000.0, pitch, 0.0).unwrap();
        let (x_after, _) = d.place_of(d.start.add_secs(14_100.0), 1000.0, pitch, 0.0).unwrap();
        assert!(!ink_in(&c, x_gap, y), "the gap is blank");
        assert!(ink_in(&c, x_before, y) && ink_in(&c, x_after, y));
        assert!(d.range(13_300.0, 13_800.0, false).is_none());
        assert!(d.range(13_300.0, 13_800.0, true).is_none(), "filtered too");
    }
}
