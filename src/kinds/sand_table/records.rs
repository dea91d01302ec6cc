//! A station's record on the sand table: up, north and east drawn as the
//! waves arrive, on one scale, with P and S marked.

use super::table::SandTable;
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::palette::{P_WAVE, S_WAVE};
use crate::domain::draw::strip::{StripBox, StripTrace, draw_strip};

impl SandTable {
    /// Draws station `i`'s three components (up, north, east) into `c`,
    /// one strip each, up to the clock's time with P and S marked.
    pub fn draw_record(&self, i: usize, c: &mut Canvas) {
        let (Some(q), Some(a)) = (
            self.quake.as_ref(),
            self.stations.get(i).and_then(|s| s.arrival.as_ref()),
        ) else {
            return;
        };
        let Some(rec) = &a.record else { return };
        let rows = 3.0;
        let row_h = c.height as f32 / rows;
        let window = (0.0, q.window_s);
        for k in 1..(q.window_s / 5.0).ceil() as usize {
            let x = c.width as f32 * (k as f32 * 5.0) / q.window_s as f32;
            c.vspan(x as i32, 0, c.height as i32 - 1, Rgba::hex(0x1f3a50));
        }
        // One scale for the three components, so their sizes compare.
        let peak = rec
            .zne
            .iter()
            .flat_map(|v| v.iter())
            .fold(0.0f32, |m, v| m.max(v.abs()));
        for (k, samples) in rec.zne.iter().enumerate() {
            let b = StripBox {
                x: 0.0,
                y: row_h * k as f32 + 1.0,
                w: c.width as f32,
                h: row_h - 2.0,
                window_s: window,
                full_scale: peak * 1.05,
            };
            let trace = StripTrace {
                samples,
                rate_hz: rec.rate_hz,
                start_s: rec.start_s,
            };
            draw_strip(
                c,
                &b,
                &trace,
                q.clock_s,
                Rgba::hex(0xe8eef3),
                &[(a.p_s, P_WAVE), (a.s_s, S_WAVE)],
            );
        }
        let x = (c.width as f64 * (q.clock_s / q.window_s).min(1.0)) as i32;
        c.vspan(x, 0, c.height as i32 - 1, Rgba::hex(0xe07a2f));
    }
}
