//! The seismogram strip: one trace drawn into a box of a canvas the way a
//! recorder draws it, up to "now", with the arrivals marked. Each pixel
//! column draws the smallest and largest sample it covers, so a trace of
//! any length costs one pass over its samples and one span per column.

use super::canvas::{Canvas, Rgba};

/// A trace to draw.
#[derive(Debug, Clone, Copy)]
pub struct StripTrace<'a> {
    /// The samples.
    pub samples: &'a [f32],
    /// Samples per second.
    pub rate_hz: f64,
    /// Time of the first sample, s (on the exhibit's clock).
    pub start_s: f64,
}

/// Where and how to draw it.
#[derive(Debug, Clone, Copy)]
pub struct StripBox {
    /// Left edge, pixels.
    pub x: f32,
    /// Top edge, pixels.
    pub y: f32,
    /// Width, pixels.
    pub w: f32,
    /// Height, pixels.
    pub h: f32,
    /// Times at the left and right edges, s.
    pub window_s: (f64, f64),
    /// Sample value that reaches the box's top or bottom edge.
    pub full_scale: f32,
}

/// Draws `trace` into `b` up to `now_s` in `color`, and a tick of each
/// `(time, colour)` in `marks` that has already happened. Returns the pixel
/// column of `now_s` (where a cursor would go).
pub fn draw_strip(
    c: &mut Canvas,
    b: &StripBox,
    trace: &StripTrace<'_>,
    now_s: f64,
    color: Rgba,
    marks: &[(f64, Rgba)],
) -> f32 {
    let (t0, t1) = b.window_s;
    let span = (t1 - t0).max(1e-9);
    let cols = b.w.max(0.0) as i32;
    let x_of = |t: f64| b.x + ((t - t0) / span * cols as f64) as f32;
    let mid = b.y + (b.h - 1.0) / 2.0;
    let scale = if b.full_scale > 0.0 && b.full_scale.is_finite() {
        (b.h - 1.0) / 2.0 / b.full_scale
    } else {
        0.0
    };
    let y_of = |v: f32| {
        let v = if v.is_finite() { v } else { 0.0 };
        (mid - v * scale).clamp(b.y, b.y + b.h - 1.0).round() as i32
    };
    for &(t, col) in marks {
        if t <= now_s && t >= t0 && t <= t1 {
            let x = x_of(t) as i32;
            c.vspan(x, b.y as i32, (b.y + b.h) as i32 - 1, col);
        }
    }
    let end = now_s.min(t1);
    let rate = trace.rate_hz;
    if !(rate > 0.0 && rate.is_finite()) || trace.samples.is_empty() || end <= t0 {
        return x_of(now_s.clamp(t0, t1));
    }
    let index = |t: f64| ((t - trace.start_s) * rate).floor();
    let n = trace.samples.len() as f64;
    let mut prev: Option<i32> = None;
    for col in 0..cols {
        let ta = t0 + span * col as f64 / cols as f64;
        if ta > end {
            break;
        }
        let tb = (t0 + span * (col + 1) as f64 / cols as f64).min(end);
        let (ia, ib) = (index(ta).max(0.0), index(tb).min(n - 1.0));
        let x = b.x as i32 + col;
        if ia > ib {
            // Before the first or after the last sample: a flat line.
            let y = y_of(0.0);
            c.vspan(x, y, y, color);
            prev = Some(y);
            continue;
        }
        let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
        for &v in &trace.samples[ia as usize..=ib as usize] {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        let (mut ya, mut yb) = (y_of(hi), y_of(lo));
        // Join to the previous column so steep stretches have no gaps.
        if let Some(p) = prev {
            ya = ya.min(p);
            yb = yb.max(p);
        }
        c.vspan(x, ya, yb, color);
        prev = Some(y_of(trace.samples[ib as usize]));
    }
    x_of(now_s.clamp(t0, t1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(c: &Canvas, x: u32) -> Vec<u32> {
        (0..c.height)
            .filter(|&y| c.pixel(x, y) != Rgba::hex(0))
            .collect()
    }

    #[test]
    fn a_spike_lands_in_its_column_and_nothing_after_now_is_drawn() {
        // 10 s at 10 Hz, a spike at 4 s; box 100 px for 0-10 s.
        let mut s = vec![0.0f32; 100];
        s[40] = 1.0;
        let trace = StripTrace {
            samples: &s,
            rate_hz: 10.0,
            start_s: 0.0,
        };
        let b = StripBox {
            x: 0.0,
            y: 0.0,
            w: 100.0,
            h: 21.0,
            window_s: (0.0, 10.0),
            full_scale: 1.0,
        };
        let mut c = Canvas::new(100, 21, Rgba::hex(0));
        let cursor = draw_strip(
            &mut c,
            &b,
            &trace,
            6.0,
            Rgba::hex(0xffffff),
            &[(4.0, Rgba::hex(0xff0000)), (8.0, Rgba::hex(0x00ff00))],
        );
        assert_eq!(cursor, 60.0);
        // The spike reaches the top in column 40; quiet columns are one
        // pixel at the middle.
        assert_eq!(drawn(&c, 40), (0..21).collect::<Vec<_>>(), "spike and tick");
        assert_eq!(drawn(&c, 20), vec![10]);
        assert_eq!(c.pixel(40, 0), Rgba::hex(0xffffff));
        // After "now" nothing, and the later mark is not shown yet.
        assert!(drawn(&c, 70).is_empty() && drawn(&c, 80).is_empty());
        // The mark at 4 s shows below the spike; the trace is drawn over it.
        assert_eq!(c.pixel(40, 20), Rgba::hex(0xff0000));
        let mut c2 = Canvas::new(100, 21, Rgba::hex(0));
        draw_strip(
            &mut c2,
            &b,
            &trace,
            3.0,
            Rgba::hex(0xffffff),
            &[(4.0, Rgba::hex(0xff0000))],
        );
        assert!(drawn(&c2, 40).is_empty());
    }

    #[test]
    fn bad_input_draws_a_flat_line_or_nothing() {
        let s = [f32::NAN, f32::INFINITY, 0.0];
        let b = StripBox {
            x: 0.0,
            y: 0.0,
            w: 30.0,
            h: 11.0,
            window_s: (0.0, 3.0),
            full_scale: 0.0,
        };
        let mut c = Canvas::new(30, 11, Rgba::hex(0));
        let t = StripTrace {
            samples: &s,
            rate_hz: 1.0,
            start_s: 0.0,
        };
        draw_strip(&mut c, &b, &t, 10.0, Rgba::hex(0xffffff), &[]);
        assert_eq!(drawn(&c, 5), vec![5]);
        let none = StripTrace {
            samples: &[],
            rate_hz: f64::NAN,
            start_s: 0.0,
        };
        let mut c = Canvas::new(30, 11, Rgba::hex(0));
        draw_strip(&mut c, &b, &none, 10.0, Rgba::hex(0xffffff), &[]);
        assert!(drawn(&c, 5).is_empty());
    }
}
