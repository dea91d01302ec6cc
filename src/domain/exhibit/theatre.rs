//! "How an earthquake forms" (exhibit 05): a narrated animation of a block
//! of crust cut open along a section. Stress bends the rocks on both sides
//! of a locked fault (elastic rebound, Reid 1910); the fault breaks at the
//! hypocentre and the rupture spreads along it; P and S fronts leave,
//! reach the surface and the station, whose seismometer writes the record.
//! The scene file holds the story (times, camera shots, captions, events);
//! the visitor pauses and scrubs it.
//!
//! The waves' times are the physics layer's (tau-p first arrivals for the
//! station's distance, fronts from [`super::fronts`]); the record is a
//! [`crate::domain::physics::synth`] seismogram. The fault's slip is drawn
//! hugely exaggerated (metres drawn as most of a kilometre) so it can be seen.

use super::earth::colours;
use super::fronts::LocalFronts;
use crate::domain::art::canvas::{Canvas, Rgba};
use crate::domain::art::strip::{StripBox, StripTrace, draw_strip};
use crate::domain::physics::geo::{destination, km_per_deg};
use crate::domain::physics::synth::{Motion, SynthSpec, SynthStation, synthesize};
use crate::domain::physics::taup::{TauModel, Wave};
use crate::domain::scene::{Shot, StoryEvent, StoryStep, TheatreParams};

/// Seconds the camera takes to glide to a step's shot.
pub const GLIDE_S: f64 = 1.5;
/// Slip drawn on the fault once it has broken, km (exaggerated).
const SLIP_DRAWN_KM: f64 = 1.2;
/// How far from the fault the bending of the rocks reaches, km.
const BEND_KM: f64 = 4.0;
/// Rupture speed as a fraction of the S speed at the hypocentre; ruptures
/// typically run at 0.7-0.9 Vs (Heaton 1990).
const RUPTURE_VS: f64 = 0.8;

/// Sub-surface rupture length (km) of a quake of moment magnitude `m`,
/// all slip types: log10 RLD = -2.44 + 0.59 M (Wells & Coppersmith 1994,
/// Table 2A).
pub fn rupture_length_km(m: f64) -> f64 {
    10f64.powf(-2.44 + 0.59 * m)
}

/// The theatre's state: the story and where the visitor is in it.
#[derive(Debug, Clone)]
pub struct Theatre {
    steps: Vec<StoryStep>,
    /// Length of the story, s.
    pub length_s: f64,
    /// Story time, s.
    pub time_s: f64,
    rupture_at_s: f64,
    stress_from_s: f64,
    slow_motion: f64,
    depth_km: f64,
    dip: f64,
    /// Epicentral distance of the station, km.
    pub station_km: f64,
    /// Up-dip and down-dip ends of the rupture, km of depth.
    rupture_depths: (f64, f64),
    rupture_speed: f64,
    fronts: LocalFronts,
    /// First P and S arrival at the station, s after the rupture.
    pub arrivals: (f64, f64),
    /// The station's vertical record: samples (nm/s), rate, start (s after the rupture).
    record: Option<(Vec<f32>, f64, f64)>,
    layers: Vec<f64>,
}

fn smooth(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Colours of the rock layers, top down.
const LAYER_COLOURS: [Rgba; 4] = [
    Rgba::hex(0xc9a66b),
    Rgba::hex(0x9c7a5c),
    Rgba::hex(0x7d6355),
    Rgba::hex(0x624f49),
];

impl Theatre {
    /// The theatre of a scene, or why it cannot be built.
    pub fn new(p: &TheatreParams) -> Result<Self, String> {
        let mut t = Self::story(p)?;
        // The record: a station due east of an epicentre in the area.
        let (lat, lon) = (29.5, 106.5);
        let (slat, slon) = destination(lat, lon, 90.0, p.station_km / km_per_deg());
        let spec = SynthSpec {
            origin: "2026-01-01T00:00:00".into(),
            latitude: lat,
            longitude: lon,
            depth_km: t.depth_km,
            magnitude: p.magnitude,
            mechanism: None,
            model: p.model.clone(),
            sample_rate_hz: 20.0,
            seed: 5,
            stations: vec![SynthStation {
                network: "QH".into(),
                station: "STAGE".into(),
                latitude: slat,
                longitude: slon,
            }],
        };
        t.record = synthesize(&spec, Motion::Velocity).ok().and_then(|r| {
            let origin = crate::domain::waveform::UtcTime::parse_iso(&spec.origin)?;
            let t = r.first()?.traces.first()?;
            let v: Vec<f32> = t.samples.to_f64().iter().map(|&x| x as f32).collect();
            Some((v, t.sample_rate_hz, t.start.secs_since(origin)))
        });
        Ok(t)
    }

    /// The story and its physics, without the station's record.
    fn story(p: &TheatreParams) -> Result<Self, String> {
        let tau = TauModel::shared(&p.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", p.model))?;
        let model = &tau.model;
        let depth = p.depth_km.clamp(1.0, 60.0);
        let src = tau.source(depth);
        let deg = p.station_km / km_per_deg();
        let pa = src
            .first(Wave::P, deg)
            .ok_or("no P arrival at the station")?
            .time_s;
        let sa = src
            .first(Wave::S, deg)
            .ok_or("no S arrival at the station")?
            .time_s;
        let fronts = LocalFronts::new(&src, p.station_km * 2.0 + 30.0);
        let rupture_at_s = p
            .steps
            .iter()
            .find(|s| s.event == StoryEvent::Rupture)
            .map(|s| s.at_s as f64)
            .ok_or("the story has no Rupture step")?;
        let stress_from_s = p
            .steps
            .iter()
            .find(|s| s.event == StoryEvent::Stress)
            .map(|s| s.at_s as f64)
            .unwrap_or(0.0)
            .min(rupture_at_s);
        let half = (rupture_length_km(p.magnitude) / 2.0).clamp(0.5, 20.0);
        let dip = p.dip_deg.clamp(10.0, 90.0).to_radians();
        let up = (depth - half * dip.sin()).max(0.8);
        let down = depth + half * dip.sin();
        let (_, vs, _) = model.at(depth, crate::domain::physics::earth::Side::Below);
        Ok(Self {
            steps: p.steps.clone(),
            length_s: p.length_s.max(1.0) as f64,
            time_s: 0.0,
            rupture_at_s,
            stress_from_s,
            slow_motion: p.slow_motion.clamp(0.05, 10.0),
            depth_km: depth,
            dip,
            station_km: p.station_km,
            rupture_depths: (up, down),
            rupture_speed: RUPTURE_VS * vs,
            fronts,
            arrivals: (pa, sa),
            record: None,
            layers: model
                .discontinuities()
                .into_iter()
                .filter(|&d| d > 0.0 && d < 60.0)
                .collect(),
        })
    }

    /// The story time at which `event` of the story `p` happens by the
    /// physics, without building the theatre: for scene validation, which
    /// runs on every reload (the travel times are remembered per model,
    /// depth and distance).
    pub fn event_time_for(p: &TheatreParams, event: StoryEvent) -> Option<f64> {
        use std::collections::HashMap;
        use std::sync::{Mutex, OnceLock};
        type Key = (String, u64, u64);
        type Seen = HashMap<Key, Option<(f64, f64)>>;
        static SEEN: OnceLock<Mutex<Seen>> = OnceLock::new();
        let rupture = p
            .steps
            .iter()
            .find(|s| s.event == StoryEvent::Rupture)?
            .at_s as f64;
        let key = (
            p.model.to_ascii_lowercase(),
            p.depth_km.to_bits(),
            p.station_km.to_bits(),
        );
        let mut seen = SEEN
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let arrivals = *seen.entry(key).or_insert_with(|| {
            let tau = TauModel::shared(&p.model)?;
            let src = tau.source(p.depth_km.clamp(1.0, 60.0));
            let deg = p.station_km / km_per_deg();
            Some((
                src.first(Wave::P, deg)?.time_s,
                src.first(Wave::S, deg)?.time_s,
            ))
        });
        let (pa, sa) = arrivals?;
        let slow = p.slow_motion.clamp(0.05, 10.0);
        match event {
            StoryEvent::PArrives => Some(rupture + pa / slow),
            StoryEvent::SArrives => Some(rupture + sa / slow),
            StoryEvent::Rupture => Some(rupture),
            StoryEvent::Stress | StoryEvent::Narration => None,
        }
    }

    /// The story time at which `event` happens by the physics: the rupture's
    /// own step, and the P and S arrivals at the station after it.
    pub fn event_time(&self, event: StoryEvent) -> Option<f64> {
        match event {
            StoryEvent::Rupture => Some(self.rupture_at_s),
            StoryEvent::PArrives => Some(self.rupture_at_s + self.arrivals.0 / self.slow_motion),
            StoryEvent::SArrives => Some(self.rupture_at_s + self.arrivals.1 / self.slow_motion),
            StoryEvent::Stress => Some(self.stress_from_s),
            StoryEvent::Narration => None,
        }
    }

    /// Moves the story on by `dt` seconds (to its end at most).
    pub fn advance(&mut self, dt: f64) {
        if dt.is_finite() && dt > 0.0 {
            self.time_s = (self.time_s + dt).min(self.length_s);
        }
    }

    /// Jumps to `fraction` (0-1) of the story.
    pub fn scrub(&mut self, fraction: f64) {
        if fraction.is_finite() {
            self.time_s = fraction.clamp(0.0, 1.0) * self.length_s;
        }
    }

    /// Whether the story has reached its end.
    pub fn finished(&self) -> bool {
        self.time_s >= self.length_s
    }

    /// Index of the step being shown.
    pub fn step_index(&self) -> usize {
        self.steps
            .iter()
            .rposition(|s| s.at_s as f64 <= self.time_s)
            .unwrap_or(0)
    }

    /// The step being shown.
    pub fn step(&self) -> Option<&StoryStep> {
        self.steps.get(self.step_index())
    }

    /// The steps' start times as fractions of the story (for the scrubber's ticks).
    pub fn step_marks(&self) -> Vec<f64> {
        self.steps
            .iter()
            .map(|s| (s.at_s as f64 / self.length_s).clamp(0.0, 1.0))
            .collect()
    }

    /// Seconds of the waves' travel since the rupture (`None` before it).
    pub fn wave_time(&self) -> Option<f64> {
        (self.time_s >= self.rupture_at_s)
            .then_some((self.time_s - self.rupture_at_s) * self.slow_motion)
    }

    /// How much stress has built up on the fault, 0 to 1.
    pub fn stress(&self) -> f64 {
        let span = (self.rupture_at_s - self.stress_from_s).max(1e-6);
        smooth((self.time_s - self.stress_from_s) / span)
    }

    /// Depths (up-dip, down-dip) the rupture has reached, km.
    pub fn ruptured(&self) -> Option<(f64, f64)> {
        let t = self.wave_time()?;
        let along = self.rupture_speed * t * self.dip.sin();
        let (up, down) = self.rupture_depths;
        Some((
            (self.depth_km - along).max(up),
            (self.depth_km + along).min(down),
        ))
    }

    /// How much of the slip a point at `depth` on the fault has made, 0-1.
    fn released(&self, depth: f64) -> f64 {
        match self.ruptured() {
            Some((a, b)) if depth >= a - 1.0 && depth <= b + 1.0 => {
                let inside = (depth - a).min(b - depth);
                smooth((inside + 1.0) / 2.0)
            }
            _ => 0.0,
        }
    }

    /// Horizontal position of the fault at `depth`, km from its surface trace.
    pub fn fault_x(&self, depth: f64) -> f64 {
        depth / self.dip.tan().max(1e-3)
    }

    /// Where the hypocentre is: (x km, depth km).
    pub fn hypocentre(&self) -> (f64, f64) {
        (self.fault_x(self.depth_km), self.depth_km)
    }

    /// Where the station is along the section, km.
    pub fn station_x(&self) -> f64 {
        self.hypocentre().0 + self.station_km
    }

    /// Vertical displacement drawn at (x, depth), km (up positive): the
    /// hanging wall (right) is pushed up and the footwall down, bent near
    /// the locked fault while stress builds, offset once it has slipped.
    pub fn uplift(&self, x: f64, depth: f64) -> f64 {
        let d = x - self.fault_x(depth.min(self.rupture_depths.1 + 4.0));
        let side = if d >= 0.0 { 1.0 } else { -1.0 };
        let near = (-d.abs() / BEND_KM).exp();
        let fault_depth = depth.clamp(self.rupture_depths.0, self.rupture_depths.1);
        let released = self.released(fault_depth);
        // Fades with distance from the rupture along the section's depth.
        let reach = (-((depth - fault_depth).abs() / 6.0)).exp();
        side * SLIP_DRAWN_KM / 2.0 * reach * ((1.0 - near) * self.stress() + near * released)
    }

    /// The part of the section the camera frames now: centre x, centre
    /// depth and width, km.
    pub fn view(&self) -> (f64, f64, f64) {
        let shot = |s: Shot| -> (f64, f64, f64) {
            let (hx, hd) = self.hypocentre();
            let sx = self.station_x();
            match s {
                Shot::Whole => ((hx + sx) / 2.0 - 4.0, hd * 0.75, (sx - hx) + 34.0),
                Shot::Fault => (hx, hd * 0.8, 22.0 + hd),
                Shot::Station => (sx - 2.0, 3.0, 18.0),
            }
        };
        let i = self.step_index();
        let now = self.steps.get(i).map(|s| s.shot).unwrap_or(Shot::Whole);
        let before = if i > 0 { self.steps[i - 1].shot } else { now };
        let since = self
            .steps
            .get(i)
            .map(|s| self.time_s - s.at_s as f64)
            .unwrap_or(0.0);
        let k = smooth(since / GLIDE_S);
        let (a, b) = (shot(before), shot(now));
        (
            a.0 + (b.0 - a.0) * k,
            a.1 + (b.1 - a.1) * k,
            a.2 + (b.2 - a.2) * k,
        )
    }

    /// Draws the section as the camera frames it now.
    pub fn draw(&self, c: &mut Canvas) {
        let (w, h) = (c.width as usize, c.height as usize);
        let (cx, cd, vw) = self.view();
        // The shot's width fills a 2:1 picture; a wider one (spanning
        // several projectors) shows more of the section on both sides.
        let kpp = vw / (2.0 * h as f64);
        let half_km = w as f64 / 2.0 * kpp;
        // Depth 0 sits two fifths down the picture at the view's centre depth.
        let ground_row = (h as f64 * 0.55 - cd / kpp).max(h as f64 * 0.15);
        let to_px = |x: f64, d: f64| {
            (
                (w as f64 / 2.0 + (x - cx) / kpp) as f32,
                (ground_row + d / kpp) as f32,
            )
        };
        // The top face of the block rises behind the section, sheared up
        // and to the right.
        let top_km = vw * 0.18;
        let shear = (0.55 / kpp, -0.45 / kpp);
        // The sky: only above the ground, where the block does not cover it.
        let sky_top = Rgba::hex(0x0d1b2a);
        let sky_bottom = Rgba::hex(0x274a66);
        let sky_rows = ((ground_row + SLIP_DRAWN_KM / kpp).ceil().max(0.0) as usize).min(h);
        let mut line = vec![0u8; w * 4];
        for y in 0..sky_rows {
            let col = sky_top.mix(sky_bottom, y as f32 / h as f32);
            for px in line.chunks_exact_mut(4) {
                px.copy_from_slice(&[col.0, col.1, col.2, 255]);
            }
            c.rgba[y * w * 4..(y + 1) * w * 4].copy_from_slice(&line);
        }
        let x_left = cx - half_km - top_km;
        let x_right = cx + half_km + top_km;
        let (l0, g0) = to_px(x_left, 0.0);
        let (r0, _) = to_px(x_right, 0.0);
        let top = [
            (l0, g0),
            (r0, g0),
            (
                r0 + (top_km * shear.0) as f32,
                g0 + (top_km * shear.1) as f32,
            ),
            (
                l0 + (top_km * shear.0) as f32,
                g0 + (top_km * shear.1) as f32,
            ),
        ];
        // The ground seen from above: a parallelogram filled row by row
        // (its slanted sides are off the picture or short).
        let (back, front) = (top[3].1.max(0.0), g0.min(h as f32));
        let field = Rgba::hex(0x6f9a5a);
        for row in back.floor() as usize..front.ceil().max(0.0) as usize {
            let k = ((g0 - row as f32 - 0.5) / (g0 - top[3].1)).clamp(0.0, 1.0);
            let shift = k * (top[3].0 - l0);
            let (a, b) = (
                (l0 + shift).max(0.0) as usize,
                ((r0 + shift).max(0.0) as usize).min(w),
            );
            for px in c.rgba[(row * w + a) * 4..(row * w + b.max(a)) * 4].chunks_exact_mut(4) {
                px.copy_from_slice(&[field.0, field.1, field.2, 255]);
            }
        }
        // Fields and a village on the ground, the station hut at its place.
        let on_top = |x: f64, back: f64| {
            let (px, py) = to_px(x, 0.0);
            (px + (back * shear.0) as f32, py + (back * shear.1) as f32)
        };
        let houses = (6.0 * half_km / (vw / 2.0)).round().max(1.0) as usize;
        for k in 0..houses {
            let x = cx - half_km * 0.9 + k as f64 * half_km * 1.8 / (houses as f64 - 0.6).max(1.0);
            let back = top_km * (0.3 + 0.1 * (k % 3) as f64);
            // Keep the station's hut clear.
            if (x + back * shear.0 * kpp - self.station_x()).abs() < 2.5 {
                continue;
            }
            let (hx, hy) = on_top(x, back);
            let s = (0.5 / kpp) as f32;
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
        // The front face: the rock layers pixel by pixel, bent and offset.
        // Each layer is striped every kilometre so the bending shows; the
        // displacement is sampled down each column and interpolated.
        let x0 = (to_px(x_left, 0.0).0).max(0.0) as usize;
        let x1 = (to_px(x_right, 0.0).0).min(w as f32) as usize;
        let bottom_km = (h as f64 - ground_row) * kpp;
        const SAMPLES: usize = 16;
        let stress = self.stress();
        // Each column's runs of colour (first row, colour), painted row by
        // row afterwards so the writes go along memory.
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
            let x = cx + (col as f64 - w as f64 / 2.0) * kpp;
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
            let row_of = |d: f64| ground_row + (d - at(&lift, d.max(0.0))) / kpp;
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
                    let d0 = ((row + stop) as f64 / 2.0 - ground_row) * kpp;
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
        // The fault: a dark line, the broken part glowing.
        let fault_end = self.rupture_depths.1 + 6.0;
        let fault: Vec<(f32, f32)> = (0..=40)
            .map(|k| {
                let d = fault_end * k as f64 / 40.0;
                to_px(self.fault_x(d), d)
            })
            .collect();
        c.stroke(&fault, 2.5, Rgba::hex(0x2a1a14));
        if let Some((a, b)) = self.ruptured() {
            let part: Vec<(f32, f32)> = (0..=20)
                .map(|k| {
                    let d = a + (b - a) * k as f64 / 20.0;
                    to_px(self.fault_x(d), d)
                })
                .collect();
            c.stroke(&part, 9.0, Rgba::hex(0xff3b30).alpha(110));
            c.stroke(&part, 4.0, Rgba::hex(0xffd166));
        }
        // Stress arrows pushing the blocks together.
        let s = self.stress() * (1.0 - self.released(self.depth_km));
        if s > 0.02 {
            let (hx, hd) = self.hypocentre();
            for (side, dir) in [(-1.0, 1.0f32), (1.0, -1.0)] {
                let (ax, ay) = to_px(hx + side * (BEND_KM * 2.2), hd - 1.0);
                let len = (2.5 / kpp) as f32 * s as f32;
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
        // The fronts: arcs below the ground on the section, half rings on the top face.
        let (hx, hd) = self.hypocentre();
        if let Some(t) = self.wave_time() {
            for (wave, col) in [(Wave::S, colours::S), (Wave::P, colours::P)] {
                let r = self.fronts.sphere_radius(wave, t);
                let arc: Vec<(f64, f64)> = (0..=96)
                    .map(|k| {
                        let a = std::f64::consts::TAU * k as f64 / 96.0;
                        (hx + r * a.cos(), hd + r * a.sin())
                    })
                    .collect();
                for piece in arc.split(|&(_, d)| d < 0.0) {
                    if piece.len() >= 2 {
                        let pts: Vec<(f32, f32)> =
                            piece.iter().map(|&(x, d)| to_px(x, d)).collect();
                        c.stroke(&pts, 4.0, col);
                    }
                }
                if let Some(rs) = self.fronts.surface_radius(wave, t) {
                    let ring: Vec<(f32, f32)> = (0..=60)
                        .map(|k| {
                            let a = std::f64::consts::PI * k as f64 / 60.0;
                            let back = (rs * a.sin()).min(top_km);
                            on_top(hx + rs * a.cos(), back)
                        })
                        .collect();
                    c.stroke(&ring, 3.0, col.alpha(220));
                }
            }
            let (px, py) = to_px(hx, hd);
            let pulse = (1.0 - (t * 1.5).fract()) as f32;
            c.fill_circle(
                px,
                py,
                10.0 + 8.0 * pulse,
                Rgba::hex(0xff3b30).alpha((160.0 * pulse) as u8),
            );
        }
        let (px, py) = to_px(hx, hd);
        c.fill_circle(px, py, 7.0, Rgba::hex(0xffffff));
        c.fill_circle(px, py, 5.0, Rgba::hex(0xff3b30));
        // The station: a hut on the ground with a pier going down to bedrock.
        let sx = self.station_x();
        let (gx, gy) = to_px(sx, -self.uplift(sx, 0.0));
        let s = (0.5 / kpp).clamp(6.0, 22.0) as f32;
        let flash = match self.wave_time() {
            Some(t) if t >= self.arrivals.1 && t < self.arrivals.1 + 2.0 => Some(colours::S),
            Some(t) if t >= self.arrivals.0 && t < self.arrivals.0 + 2.0 => Some(colours::P),
            _ => None,
        };
        if let Some(f) = flash {
            c.fill_circle(gx, gy - s, 2.2 * s, f.alpha(120));
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
            &[(self.arrivals.0, colours::P), (self.arrivals.1, colours::S)],
        );
        if now >= 0.0 {
            c.vspan(cursor as i32, 0, c.height as i32 - 1, Rgba::hex(0xe07a2f));
        }
    }
}

/// The shipped story (`scenes/05-earthquake-forms.ron`), for the preview
/// picture and the tests.
pub fn example_params() -> TheatreParams {
    use crate::domain::text::Bilingual;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_follows_the_physics() {
        let mut t = Theatre::new(&example_params()).unwrap();
        let tau = TauModel::shared("chongqing").unwrap();
        let src = tau.source(10.0);
        let deg = 24.0 / km_per_deg();
        assert_eq!(t.arrivals.0, src.first(Wave::P, deg).unwrap().time_s);
        assert_eq!(t.arrivals.1, src.first(Wave::S, deg).unwrap().time_s);
        // In slow motion the arrivals come twice as late on the story clock.
        let p_at = t.event_time(StoryEvent::PArrives).unwrap();
        assert!((p_at - (14.0 + 2.0 * t.arrivals.0)).abs() < 1e-9);
        let p = example_params();
        for e in [
            StoryEvent::Rupture,
            StoryEvent::PArrives,
            StoryEvent::SArrives,
        ] {
            assert_eq!(Theatre::event_time_for(&p, e), t.event_time(e));
        }
        // Before the rupture: stress builds, nothing has broken, no waves.
        t.scrub(9.0 / 46.0);
        assert!(t.stress() > 0.3 && t.stress() < 0.7, "{}", t.stress());
        assert_eq!((t.ruptured(), t.wave_time()), (None, None));
        assert_eq!(t.step_index(), 1);
        // The rocks bend: far from the fault they have moved, at it not yet.
        let far = t.uplift(t.fault_x(10.0) + 15.0, 10.0);
        let at = t.uplift(t.fault_x(10.0) + 0.05, 10.0);
        assert!(far > 0.1 && at.abs() < far * 0.1, "{far} {at}");
        // After the rupture has run its length, the fault has slipped: the
        // two sides are offset at the fault.
        t.scrub(20.0 / 46.0);
        let (up, down) = t.ruptured().unwrap();
        assert!(up < 10.0 && down > 10.0);
        let x = t.fault_x(10.0);
        let jump = t.uplift(x + 0.01, 10.0) - t.uplift(x - 0.01, 10.0);
        assert!((jump - SLIP_DRAWN_KM).abs() < 0.1, "offset {jump}");
        // The P front reaches the station exactly at its arrival time.
        t.time_s = p_at;
        let r = t
            .fronts
            .surface_radius(Wave::P, t.wave_time().unwrap())
            .unwrap();
        assert!((r - 24.0).abs() < 0.1, "{r}");
        // Scrubbing never leaves the story.
        t.scrub(7.0);
        assert!(t.finished());
        t.scrub(f64::NAN);
        assert!(t.finished());
        t.scrub(-1.0);
        assert_eq!(t.time_s, 0.0);
    }

    #[test]
    fn rupture_length_follows_wells_and_coppersmith() {
        assert!((rupture_length_km(6.0) - 12.59).abs() < 0.01);
        assert!((rupture_length_km(7.0) - 48.98).abs() < 0.01);
    }

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
            .filter(|&(x, y)| c.pixel(x, y) == colours::P)
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
