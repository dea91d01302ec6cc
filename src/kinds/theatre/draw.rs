//! Drawing the theatre: the block of crust as the camera frames it (the
//! sky and the ground on top, a village, the rock layers of the cut face
//! bent and offset, the fault, the stress arrows, the fronts, the station)
//! and the station's record. Each part is its own function over one
//! [`Frame`], the projection of the section onto the picture.

use super::story::{BEND_KM, LAYER_COLOURS, SLIP_DRAWN_KM, Theatre};
use crate::domain::draw::canvas::{Canvas, Pt, Rgba};
use crate::domain::draw::palette::{P_WAVE, S_WAVE};
use crate::domain::draw::strip::{StripBox, StripTrace, draw_strip};
use crate::domain::physics::taup::Wave;

/// Where the section is on the picture this frame.
struct Frame {
    /// Picture size, pixels.
    w: usize,
    h: usize,
    /// Centre of the view along the section, km.
    cx: f64,
    /// Width of the shot, km (what a 2:1 picture shows).
    view_km: f64,
    /// Km per pixel.
    kpp: f64,
    /// Half the picture's width, km.
    half_km: f64,
    /// Row of depth 0.
    ground_row: f64,
    /// How far back the block's top face reaches, km.
    top_km: f64,
    /// Screen direction of "back" on the top face, pixels per km.
    shear: (f64, f64),
}

impl Frame {
    /// The frame of `t`'s current shot on a `c`-sized picture.
    fn new(t: &Theatre, c: &Canvas) -> Self {
        let (w, h) = (c.width as usize, c.height as usize);
        let (cx, cd, vw) = t.view();
        // The shot's width fills a 2:1 picture; a wider one (spanning
        // several projectors) shows more of the section on both sides.
        let kpp = vw / (2.0 * h as f64);
        Self {
            w,
            h,
            cx,
            view_km: vw,
            kpp,
            half_km: w as f64 / 2.0 * kpp,
            // Depth 0 sits two fifths down the picture at the view's centre depth.
            ground_row: (h as f64 * 0.55 - cd / kpp).max(h as f64 * 0.15),
            // The top face of the block rises behind the section, sheared up
            // and to the right.
            top_km: vw * 0.18,
            shear: (0.55 / kpp, -0.45 / kpp),
        }
    }

    /// The pixel of the section point `x` km along it, `d` km deep.
    fn to_px(&self, x: f64, d: f64) -> Pt {
        (
            (self.w as f64 / 2.0 + (x - self.cx) / self.kpp) as f32,
            (self.ground_row + d / self.kpp) as f32,
        )
    }

    /// The pixel of the ground point `x` km along the section, `back` km
    /// behind it on the top face.
    fn on_top(&self, x: f64, back: f64) -> Pt {
        let (px, py) = self.to_px(x, 0.0);
        (
            px + (back * self.shear.0) as f32,
            py + (back * self.shear.1) as f32,
        )
    }

    /// The section's left and right ends on the picture, km (with room for
    /// the top face's shear).
    fn x_range(&self) -> (f64, f64) {
        (
            self.cx - self.half_km - self.top_km,
            self.cx + self.half_km + self.top_km,
        )
    }
}

impl Theatre {
    /// Draws the section as the camera frames it now.
    pub fn draw(&self, c: &mut Canvas) {
        let f = Frame::new(self, c);
        sky(&f, c);
        self.ground_and_village(&f, c);
        self.rock_layers(&f, c);
        self.fault(&f, c);
        self.stress_arrows(&f, c);
        self.fronts_and_hypocentre(&f, c);
        self.station(&f, c);
    }

    /// The ground seen from above (a parallelogram filled row by row: its
    /// slanted sides are off the picture or short), fields and a village on
    /// it, the station's hut left clear.
    fn ground_and_village(&self, f: &Frame, c: &mut Canvas) {
        let (x_left, x_right) = f.x_range();
        let (l0, g0) = f.to_px(x_left, 0.0);
        let (r0, _) = f.to_px(x_right, 0.0);
        let back = f.on_top(x_left, f.top_km);
        let (first, last) = (back.1.max(0.0), g0.min(f.h as f32));
        let field = Rgba::hex(0x6f9a5a);
        for row in first.floor() as usize..last.ceil().max(0.0) as usize {
            let k = ((g0 - row as f32 - 0.5) / (g0 - back.1)).clamp(0.0, 1.0);
            let shift = k * (back.0 - l0);
            let (a, b) = (
                (l0 + shift).max(0.0) as usize,
                ((r0 + shift).max(0.0) as usize).min(f.w),
            );
            for px in c.rgba[(row * f.w + a) * 4..(row * f.w + b.max(a)) * 4].chunks_exact_mut(4)
            {
                px.copy_from_slice(&[field.0, field.1, field.2, 255]);
            }
        }
        let houses = (6.0 * f.half_km / (f.view_km / 2.0)).round().max(1.0) as usize;
        for k in 0..houses {
            let x = f.cx - f.half_km * 0.9
                + k as f64 * f.half_km * 1.8 / (houses as f64 - 0.6).max(1.0);
            let back = f.top_km * (0.3 + 0.1 * (k % 3) as f64);
            // Keep the station's hut clear.
            if (x + back * f.shear.0 * f.kpp - self.station_x()).abs() < 2.5 {
                continue;
            }
            let (hx, hy) = f.on_top(x, back);
            let s = (0.5 / f.kpp) as f32;
            c.fill_rect(hx - s, hy - s, 2.0 * s, s, Rgba::hex(0xe8dcc0));
            c.fill_polygon(
                &[
                    (hx - 1.2 * s, hy - s),
                    (hx + 1.2 * s, hy - s),
                    (hx, hy - 1.9 * s),
                ],
                Rgba::hex(0xb5533c),
            );
        }
    }

    /// The front face: the rock layers pixel by pixel, bent and offset,
    /// warm where strain is stored. Each layer is striped every kilometre
    /// so the bending shows; the displacement is sampled down each column
    /// and interpolated, and each column's runs of colour are painted row
    /// by row afterwards so the writes go along memory.
    fn rock_layers(&self, f: &Frame, c: &mut Canvas) {
        let (w, h) = (f.w, f.h);
        let (x_left, x_right) = f.x_range();
        let x0 = (f.to_px(x_left, 0.0).0).max(0.0) as usize;
        let x1 = (f.to_px(x_right, 0.0).0).min(w as f32) as usize;
        let bottom_km = (h as f64 - f.ground_row) * f.kpp;
        const SAMPLES: usize = 16;
        let stress = self.stress();
        let mut runs: Vec<Vec<(i32, [u8; 3])>> = vec![Vec::new(); w];
        // What depends on depth alone, once per frame: the fault's place
        // (for the bending and for the stored strain), how far it has
        // slipped there, and the fading away from the rupture.
        let per_depth: Vec<(f64, f64, f64, f64, f64)> = (0..=SAMPLES)
            .map(|k| {
                let d = bottom_km * k as f64 / SAMPLES as f64;
                let fd = d.clamp(self.rupture_depths.0, self.rupture_depths.1);
                (
                    self.fault_x(d.min(self.rupture_depths.1 + 4.0)),
                    self.fault_x(fd),
                    self.released(fd),
                    (-((d - fd).abs() / 6.0)).exp(),
                    (-((d - fd).abs() / 4.0)).exp(),
                )
            })
            .collect();
        for (col, col_runs) in runs.iter_mut().enumerate().take(x1).skip(x0) {
            let x = f.cx + (col as f64 - w as f64 / 2.0) * f.kpp;
            let lift: Vec<f64> = per_depth
                .iter()
                .map(|&(fx, _, rel, reach, _)| {
                    let d = x - fx;
                    let near = (-d.abs() / BEND_KM).exp();
                    d.signum() * SLIP_DRAWN_KM / 2.0 * reach * ((1.0 - near) * stress + near * rel)
                })
                .collect();
            let heat: Vec<f64> = per_depth
                .iter()
                .map(|&(_, fxh, rel, _, fade)| {
                    stress * (1.0 - rel) * (-(x - fxh).abs() / BEND_KM).exp() * fade
                })
                .collect();
            let at = |v: &[f64], d: f64| {
                let f = (d / bottom_km * SAMPLES as f64).clamp(0.0, SAMPLES as f64);
                let i = (f as usize).min(SAMPLES - 1);
                v[i] + (v[i + 1] - v[i]) * (f - i as f64)
            };
            // Where each stripe and layer boundary (by its original depth)
            // is drawn in this column now.
            let mut depths: Vec<f64> = (0..=(bottom_km + 3.0) as usize).map(|k| k as f64).collect();
            depths.extend(self.layers.iter().copied());
            depths.sort_by(f64::total_cmp);
            let row_of = |d: f64| f.ground_row + (d - at(&lift, d.max(0.0))) / f.kpp;
            for pair in depths.windows(2) {
                let (da, db) = (pair[0], pair[1]);
                if db <= da {
                    continue;
                }
                let mid = (da + db) / 2.0;
                let layer = self.layers.iter().filter(|&&b| mid > b).count();
                let mut colour = LAYER_COLOURS[layer.min(LAYER_COLOURS.len() - 1)];
                if mid.floor() as i64 % 2 == 1 {
                    colour = colour.mix(Rgba::hex(0x000000), 0.1);
                }
                let (ra, rb) = (row_of(da).max(0.0), row_of(db).min(h as f64));
                let mut row = ra.round() as i32;
                let end = rb.round() as i32;
                while row < end {
                    let stop = (row + 8).min(end);
                    let d0 = ((row + stop) as f64 / 2.0 - f.ground_row) * f.kpp;
                    let warm = at(&heat, d0.max(0.0));
                    let c2 = if warm > 0.01 {
                        colour.mix(Rgba::hex(0xff6a3d), (warm * 0.6) as f32)
                    } else {
                        colour
                    };
                    col_runs.push((row, [c2.0, c2.1, c2.2]));
                    row = stop;
                }
            }
            col_runs.push((h as i32, [0, 0, 0]));
        }
        let mut cursor = vec![0usize; w];
        let first = (x0..x1)
            .filter_map(|col| runs[col].first().map(|r| r.0))
            .min()
            .unwrap_or(h as i32)
            .max(0) as usize;
        for row in first..h {
            let line = &mut c.rgba[row * w * 4..(row + 1) * w * 4];
            for col in x0..x1 {
                let r = &runs[col];
                let k = &mut cursor[col];
                while *k + 1 < r.len() && r[*k + 1].0 <= row as i32 {
                    *k += 1;
                }
                if r.len() > 1 && r[*k].0 <= row as i32 && *k + 1 < r.len() {
                    let px = &mut line[col * 4..col * 4 + 4];
                    let rgb = r[*k].1;
                    px.copy_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
                }
            }
        }
    }

    /// The fault: a dark line, the broken part glowing.
    fn fault(&self, f: &Frame, c: &mut Canvas) {
        let fault_end = self.rupture_depths.1 + 6.0;
        let fault: Vec<Pt> = (0..=40)
            .map(|k| {
                let d = fault_end * k as f64 / 40.0;
                f.to_px(self.fault_x(d), d)
            })
            .collect();
        c.stroke(&fault, 2.5, Rgba::hex(0x2a1a14));
        if let Some((a, b)) = self.ruptured() {
            let part: Vec<Pt> = (0..=20)
                .map(|k| {
                    let d = a + (b - a) * k as f64 / 20.0;
                    f.to_px(self.fault_x(d), d)
                })
                .collect();
            c.stroke(&part, 9.0, Rgba::hex(0xff3b30).alpha(110));
            c.stroke(&part, 4.0, Rgba::hex(0xffd166));
        }
    }

    /// Arrows pushing the blocks together while stress builds.
    fn stress_arrows(&self, f: &Frame, c: &mut Canvas) {
        let s = self.stress() * (1.0 - self.released(self.depth_km));
        if s <= 0.02 {
            return;
        }
        let (hx, hd) = self.hypocentre();
        for (side, dir) in [(-1.0, 1.0f32), (1.0, -1.0)] {
            let (ax, ay) = f.to_px(hx + side * (BEND_KM * 2.2), hd - 1.0);
            let len = (2.5 / f.kpp) as f32 * s as f32;
            let col = Rgba::hex(0xfff3e0).alpha((120.0 + 135.0 * s) as u8);
            c.stroke(&[(ax - dir * len, ay), (ax + dir * len, ay)], 5.0, col);
            let tip = ax + dir * len;
            c.fill_polygon(
                &[
                    (tip + dir * 14.0, ay),
                    (tip - dir * 4.0, ay - 12.0),
                    (tip - dir * 4.0, ay + 12.0),
                ],
                col,
            );
        }
    }

    /// The fronts (arcs below the ground on the section, half rings on the
    /// top face) and the hypocentre, pulsing once the rock has broken.
    fn fronts_and_hypocentre(&self, f: &Frame, c: &mut Canvas) {
        let (hx, hd) = self.hypocentre();
        if let Some(t) = self.wave_time() {
            for (wave, col) in [(Wave::S, S_WAVE), (Wave::P, P_WAVE)] {
                let r = self.fronts.sphere_radius(wave, t);
                let arc: Vec<(f64, f64)> = (0..=96)
                    .map(|k| {
                        let a = std::f64::consts::TAU * k as f64 / 96.0;
                        (hx + r * a.cos(), hd + r * a.sin())
                    })
                    .collect();
                for piece in arc.split(|&(_, d)| d < 0.0) {
                    if piece.len() >= 2 {
                        let pts: Vec<Pt> = piece.iter().map(|&(x, d)| f.to_px(x, d)).collect();
                        c.stroke(&pts, 4.0, col);
                    }
                }
                if let Some(rs) = self.fronts.surface_radius(wave, t) {
                    let ring: Vec<Pt> = (0..=60)
                        .map(|k| {
                            let a = std::f64::consts::PI * k as f64 / 60.0;
                            let back = (rs * a.sin()).min(f.top_km);
                            f.on_top(hx + rs * a.cos(), back)
                        })
                        .collect();
                    c.stroke(&ring, 3.0, col.alpha(220));
                }
            }
            let (px, py) = f.to_px(hx, hd);
            let pulse = (1.0 - (t * 1.5).fract()) as f32;
            c.fill_circle(
                px,
                py,
                10.0 + 8.0 * pulse,
                Rgba::hex(0xff3b30).alpha((160.0 * pulse) as u8),
            );
        }
        let (px, py) = f.to_px(hx, hd);
        c.fill_circle(px, py, 7.0, Rgba::hex(0xffffff));
        c.fill_circle(px, py, 5.0, Rgba::hex(0xff3b30));
    }

    /// The station: a hut on the ground with a pier going down to bedrock,
    /// flashing as the P and the S wave arrive.
    fn station(&self, f: &Frame, c: &mut Canvas) {
        let sx = self.station_x();
        let (gx, gy) = f.to_px(sx, -self.uplift(sx, 0.0));
        let s = (0.5 / f.kpp).clamp(6.0, 22.0) as f32;
        let flash = match self.wave_time() {
            Some(t) if t >= self.arrivals.1 && t < self.arrivals.1 + 2.0 => Some(S_WAVE),
            Some(t) if t >= self.arrivals.0 && t < self.arrivals.0 + 2.0 => Some(P_WAVE),
            _ => None,
        };
        if let Some(col) = flash {
            c.fill_circle(gx, gy - s, 2.2 * s, col.alpha(120));
        }
        c.fill_rect(gx - s, gy - 1.4 * s, 2.0 * s, 1.4 * s, Rgba::hex(0xf4f1ea));
        c.fill_polygon(
            &[
                (gx - 1.3 * s, gy - 1.4 * s),
                (gx + 1.3 * s, gy - 1.4 * s),
                (gx, gy - 2.3 * s),
            ],
            Rgba::hex(0x2e86ab),
        );
        c.fill_rect(gx - 0.15 * s, gy, 0.3 * s, 1.6 * s, Rgba::hex(0x3a3a3a));
        c.fill_circle(gx, gy + 1.8 * s, 0.45 * s, Rgba::hex(0xff9f1c));
    }

    /// Draws the station's vertical record up to now into `c`, P and S marked.
    pub fn draw_record(&self, c: &mut Canvas) {
        let Some((samples, rate, start)) = &self.record else {
            return;
        };
        let window = (
            0.0,
            self.arrivals.1 + (self.arrivals.1 - self.arrivals.0) * 3.0 + 8.0,
        );
        let now = self.wave_time().unwrap_or(-1.0);
        let peak = samples.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        for k in 1..(window.1 / 5.0).ceil() as usize {
            let x = c.width as f64 * k as f64 * 5.0 / window.1;
            c.vspan(x as i32, 0, c.height as i32 - 1, Rgba::hex(0x1f3a50));
        }
        let b = StripBox {
            x: 0.0,
            y: 2.0,
            w: c.width as f32,
            h: c.height as f32 - 4.0,
            window_s: window,
            full_scale: peak * 1.05,
        };
        let trace = StripTrace {
            samples,
            rate_hz: *rate,
            start_s: *start,
        };
        let cursor = draw_strip(
            c,
            &b,
            &trace,
            now,
            Rgba::hex(0xe8eef3),
            &[(self.arrivals.0, P_WAVE), (self.arrivals.1, S_WAVE)],
        );
        if now >= 0.0 {
            c.vspan(cursor as i32, 0, c.height as i32 - 1, Rgba::hex(0xe07a2f));
        }
    }
}

/// The sky, only above the ground, where the block does not cover it.
fn sky(f: &Frame, c: &mut Canvas) {
    let sky_top = Rgba::hex(0x0d1b2a);
    let sky_bottom = Rgba::hex(0x274a66);
    let rows = ((f.ground_row + SLIP_DRAWN_KM / f.kpp).ceil().max(0.0) as usize).min(f.h);
    let mut line = vec![0u8; f.w * 4];
    for y in 0..rows {
        let col = sky_top.mix(sky_bottom, y as f32 / f.h as f32);
        for px in line.chunks_exact_mut(4) {
            px.copy_from_slice(&[col.0, col.1, col.2, 255]);
        }
        c.rgba[y * f.w * 4..(y + 1) * f.w * 4].copy_from_slice(&line);
    }
}

#[cfg(test)]
mod tests {
    use super::super::card::example_params;
    use super::super::story::GLIDE_S;
    use super::*;

    #[test]
    fn the_camera_glides_between_shots_and_the_picture_shows_the_waves() {
        let mut t = Theatre::new(&example_params()).unwrap();
        t.time_s = 3.9;
        let whole = t.view();
        t.time_s = 4.0 + GLIDE_S;
        let fault = t.view();
        assert!(fault.2 < whole.2, "zooms in on the fault");
        t.time_s = 4.0 + GLIDE_S / 2.0;
        let mid = t.view();
        assert!(mid.2 < whole.2 && mid.2 > fault.2);
        let mut c = Canvas::new(480, 240, Rgba::hex(0));
        t.time_s = 20.0;
        t.draw(&mut c);
        let p_pixels = (0..240)
            .flat_map(|y| (0..480).map(move |x| (x, y)))
            .filter(|&(x, y)| c.pixel(x, y) == P_WAVE)
            .count();
        assert!(p_pixels > 30, "{p_pixels}");
        assert!(t.record.is_some(), "the record is synthesised");
        let mut rec = Canvas::new(300, 50, Rgba::hex(0));
        t.time_s = 40.0;
        t.draw_record(&mut rec);
        assert!((0..50).any(|y| rec.pixel(100, y) != Rgba::hex(0)));
        assert!(
            (0..50).all(|y| rec.pixel(200, y) == Rgba::hex(0)),
            "not after now"
        );
    }
}
