//! Record sections a seismologist would accept: one panel per trace on a
//! shared UTC time axis, the channel id and peak amplitude on each panel,
//! every peak kept (min/max per pixel column), and picks or arrivals marked.

use super::dsp::minmax_columns;
use super::time::UtcTime;
use super::trace::{Samples, Trace};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::text::Font;

/// A vertical line on the plot: a pick or a predicted arrival.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Its time.
    pub time: UtcTime,
    /// Short label (`P`, `S`).
    pub label: String,
    /// Only on panels of this channel id (`None`: every panel).
    pub channel: Option<String>,
}

const BG: Rgba = Rgba::hex(0xffffff);
const INK: Rgba = Rgba::hex(0x1d2733);
const GRID: Rgba = Rgba::hex(0xe3e7eb);
const TRACE: Rgba = Rgba::hex(0x1f4e79);
const MARK: Rgba = Rgba::hex(0xc8412d);

/// A "nice" tick step so that `span_s` seconds get about `target` ticks.
pub fn tick_step(span_s: f64, target: f64) -> f64 {
    const STEPS: [f64; 22] = [
        0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0,
        600.0, 900.0, 1800.0, 3600.0, 7200.0, 21600.0, 43200.0,
    ];
    let ideal = span_s / target.max(1.0);
    STEPS
        .iter()
        .copied()
        .find(|&s| s >= ideal)
        .unwrap_or(86400.0)
}

fn label_time(t: UtcTime, step: f64) -> String {
    let (_, _, _, h, m, s, ns) = t.fields();
    if step < 1.0 {
        let decimals = if step < 0.1 { 2 } else { 1 };
        let frac = ns as f64 / 1e9;
        format!(
            "{h:02}:{m:02}:{:0width$.decimals$}",
            s as f64 + frac,
            width = decimals + 3
        )
    } else if step < 60.0 {
        format!("{h:02}:{m:02}:{s:02}")
    } else {
        format!("{h:02}:{m:02}")
    }
}

/// Draws `traces` one above the other, `width` pixels wide.
pub fn plot(traces: &[&Trace], markers: &[Marker], width: u32, font: Option<&Font>) -> Canvas {
    let panel_h = 170u32;
    let (left, right, top, bottom) = (110.0f32, 30.0f32, 70.0f32, 70.0f32);
    let height = (top + bottom) as u32 + panel_h * traces.len().max(1) as u32;
    let mut c = Canvas::new(width, height, BG);
    let plot_w = width as f32 - left - right;
    let numeric: Vec<&&Trace> = traces
        .iter()
        .filter(|t| !matches!(t.samples, Samples::Text(_)) && !t.is_empty())
        .collect();
    let Some(t0) = numeric.iter().map(|t| t.start).min() else {
        if let Some(f) = font {
            f.draw(&mut c, "no samples to plot", left, top + 40.0, 22.0, INK);
        }
        return c;
    };
    let t1 = numeric.iter().map(|t| t.end_time()).max().unwrap_or(t0);
    let span = t1.secs_since(t0).max(1e-6);
    let x_of = |t: UtcTime| left + (t.secs_since(t0) / span) as f32 * plot_w;
    let step = tick_step(span, 8.0);
    // Title: the date and what the axis means.
    if let Some(f) = font {
        let (y, mo, d, ..) = t0.fields();
        f.draw(
            &mut c,
            &format!(
                "{y:04}-{mo:02}-{d:02}  ·  time axis UTC, from {}",
                t0.iso_micros()
            ),
            left,
            40.0,
            22.0,
            INK,
        );
    }
    // Time grid and labels.
    let first_tick = (t0.as_secs_f64() / step).ceil() * step;
    let mut tick = first_tick;
    while tick <= t1.as_secs_f64() + 1e-9 {
        let t = UtcTime((tick * 1e9).round() as i64);
        let x = x_of(t);
        c.fill_rect(
            x - 0.5,
            top,
            1.0,
            panel_h as f32 * traces.len() as f32,
            GRID,
        );
        c.fill_rect(x - 0.5, height as f32 - bottom, 1.0, 8.0, INK);
        if let Some(f) = font {
            f.draw_centered(
                &mut c,
                &label_time(t, step),
                x,
                height as f32 - bottom + 30.0,
                18.0,
                INK,
            );
        }
        tick += step;
    }
    if let Some(f) = font {
        f.draw_centered(
            &mut c,
            "Time (UTC)",
            left + plot_w / 2.0,
            height as f32 - 14.0,
            20.0,
            INK,
        );
    }
    for (k, t) in traces.iter().enumerate() {
        let y0 = top + (k as u32 * panel_h) as f32;
        let mid = y0 + panel_h as f32 / 2.0;
        let half = panel_h as f32 / 2.0 - 14.0;
        c.fill_rect(left, y0 + panel_h as f32 - 1.0, plot_w, 1.0, GRID);
        c.fill_rect(left - 1.0, y0, 1.0, panel_h as f32, INK);
        if matches!(t.samples, Samples::Text(_)) || t.is_empty() {
            continue;
        }
        let values = t.samples.to_f64();
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let peak = values
            .iter()
            .fold(0.0f64, |m, v| m.max((v - mean).abs()))
            .max(f64::MIN_POSITIVE);
        let xa = x_of(t.start);
        let xb = x_of(t.end_time()).max(xa + 1.0);
        let cols = ((xb - xa).ceil() as usize).max(1);
        let mm = minmax_columns(&values, cols);
        let y_of = |v: f64| mid - ((v - mean) / peak) as f32 * half;
        let mut previous: Option<(f32, f32)> = None;
        for (i, (lo, hi)) in mm.iter().enumerate() {
            let x = xa + i as f32 * (xb - xa) / cols as f32;
            let (mut ya, mut yb) = (y_of(*hi), y_of(*lo));
            // Join to the previous column so that a steep line stays unbroken.
            if let Some((pa, pb)) = previous {
                ya = ya.min(pb);
                yb = yb.max(pa);
            }
            c.fill_rect(
                x,
                ya - 0.6,
                ((xb - xa) / cols as f32).max(1.0),
                (yb - ya) + 1.2,
                TRACE,
            );
            previous = Some((y_of(*hi), y_of(*lo)));
        }
        for m in markers
            .iter()
            .filter(|m| m.channel.as_deref().is_none_or(|id| id == t.id()))
        {
            if m.time < t0 || m.time > t1 {
                continue;
            }
            let x = x_of(m.time);
            c.fill_rect(x - 1.0, y0 + 6.0, 2.0, panel_h as f32 - 12.0, MARK);
            if let Some(f) = font {
                f.draw(&mut c, &m.label, x + 5.0, y0 + 26.0, 20.0, MARK);
            }
        }
        if let Some(f) = font {
            f.draw(&mut c, &t.id(), left + 10.0, y0 + 22.0, 18.0, INK);
            let unit = if matches!(t.samples, Samples::Int(_)) {
                "counts"
            } else {
                ""
            };
            f.draw_right(
                &mut c,
                &format!("peak {:.4} {unit}", peak),
                width as f32 - right - 8.0,
                y0 + 22.0,
                16.0,
                INK,
            );
            f.draw_right(
                &mut c,
                &format!("{:.3e}", peak),
                left - 10.0,
                mid - half + 6.0,
                14.0,
                INK,
            );
            f.draw_right(&mut c, "0", left - 10.0, mid + 5.0, 14.0, INK);
            f.draw_right(
                &mut c,
                &format!("{:.3e}", -peak),
                left - 10.0,
                mid + half + 4.0,
                14.0,
                INK,
            );
        }
        c.fill_rect(left - 6.0, mid - 0.5, 6.0, 1.0, INK);
    }
    c.fill_rect(left, height as f32 - bottom, plot_w, 1.0, INK);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_numbers() {
        assert_eq!(tick_step(30.0, 8.0), 5.0);
        assert_eq!(tick_step(4200.0, 8.0), 600.0);
        assert_eq!(tick_step(0.5, 8.0), 0.1);
    }

    #[test]
    fn plot_has_a_panel_per_trace_and_survives_empty_input() {
        let t = Trace {
            network: "XX".into(),
            station: "S".into(),
            location: "".into(),
            channel: "HHZ".into(),
            start: UtcTime(0),
            sample_rate_hz: 100.0,
            samples: Samples::F64((0..1000).map(|i| (i as f64 * 0.1).sin()).collect()),
            encoding: None,
            record_count: 1,
        };
        let c = plot(&[&t, &t], &[], 800, None);
        assert_eq!((c.width, c.height), (800, 70 + 70 + 340));
        let empty = plot(&[], &[], 400, None);
        assert_eq!(empty.width, 400);
    }
}
