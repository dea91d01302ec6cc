//! Visitor state of a `ThroughEarth` ("Through the Earth"): an Earth cross
//! section with its layers, a quake the visitor places on or under the
//! surface, P and S wavefronts advancing through the layers (core phases
//! included), the P shadow zone where the physics puts it, and the records
//! of surface stations drawing as the waves arrive.
//!
//! Everything comes from the tau-p rays of [`crate::domain::physics::taup`]:
//! a front is the point of every ray of the fan at the clock's time, a
//! station's arrivals are the first P and S arrivals at its distance.

use std::sync::Arc;

use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::physics::earth::EARTH_RADIUS_KM;
use crate::domain::physics::taup::{RayPoint, TauModel, Wave};

/// Rays per fan: enough for fronts that read as lines at 720 pixels.
const RAYS: usize = 140;
/// Deepest quake a visitor can place, km (the deepest known quakes are
/// about 700 km deep).
pub const MAX_DEPTH_KM: f64 = 700.0;

/// Colours of the picture, shared with the legend on screen.
pub mod colours {
    use crate::domain::draw::canvas::Rgba;
    /// Crust and mantle.
    pub const MANTLE: Rgba = Rgba::hex(0x7a4a32);
    /// Upper mantle, above 660 km.
    pub const UPPER_MANTLE: Rgba = Rgba::hex(0x8d5a3b);
    /// Liquid outer core.
    pub const OUTER_CORE: Rgba = Rgba::hex(0xc9813a);
    /// Solid inner core.
    pub const INNER_CORE: Rgba = Rgba::hex(0xe8b04a);
    /// P wavefronts through the mantle.
    pub const P: Rgba = crate::domain::draw::palette::P_WAVE;
    /// P waves that crossed the core.
    pub const CORE_P: Rgba = Rgba::hex(0xff7ab8);
    /// S wavefronts.
    pub const S: Rgba = crate::domain::draw::palette::S_WAVE;
    /// The shadow zone on the surface.
    pub const SHADOW: Rgba = Rgba::hex(0x9aa6b2);
}

/// A surface station and its first arrivals.
#[derive(Debug, Clone, PartialEq)]
pub struct Station {
    /// Distance from the quake, degrees.
    pub distance_deg: f64,
    /// First P-type arrival: phase name and time, s.
    pub p: Option<(String, f64)>,
    /// First S-type arrival: phase name and time, s.
    pub s: Option<(String, f64)>,
}

/// The exhibit's state.
pub struct ThroughEarth {
    tau: Arc<TauModel>,
    depth_km: f64,
    /// Where the quake is on the circle, degrees clockwise from the top.
    pub quake_angle_deg: f64,
    /// Seconds since the quake.
    pub clock_s: f64,
    fans: Vec<(&'static str, Vec<RayPoint>)>,
    /// The stations, clockwise from the quake.
    pub stations: Vec<Station>,
    station_deg: Vec<f64>,
    cmb_km: f64,
    icb_km: f64,
}

/// Whether a phase has crossed the core.
fn is_core(phase: &str) -> bool {
    phase.contains('K')
}

/// Whether a first arrival is one of the weak ones a station in or beyond
/// the shadow records: through the core or diffracted along it.
pub fn is_weak(phase: &str) -> bool {
    is_core(phase) || phase.ends_with("diff")
}

impl ThroughEarth {
    /// The exhibit for `model` with a quake `depth_km` deep and stations at
    /// `station_deg` from it. `None` if the model is unknown.
    pub fn new(model: &str, depth_km: f64, station_deg: &[f64]) -> Option<Self> {
        let tau = TauModel::shared(model)?;
        let (cmb_km, icb_km) = (EARTH_RADIUS_KM - tau.r_cmb, EARTH_RADIUS_KM - tau.r_icb);
        let mut e = Self {
            tau,
            depth_km: -1.0,
            quake_angle_deg: 0.0,
            clock_s: 0.0,
            fans: Vec::new(),
            stations: Vec::new(),
            station_deg: station_deg.to_vec(),
            cmb_km,
            icb_km,
        };
        e.set_depth(depth_km);
        Some(e)
    }

    /// The quake's depth, km.
    pub fn depth_km(&self) -> f64 {
        self.depth_km
    }

    /// Moves the quake to `depth_km` (0 to [`MAX_DEPTH_KM`]) and starts
    /// the clock again.
    pub fn set_depth(&mut self, depth_km: f64) {
        let d = if depth_km.is_finite() {
            depth_km.clamp(0.0, MAX_DEPTH_KM)
        } else {
            0.0
        };
        self.clock_s = 0.0;
        if (d - self.depth_km).abs() < 1e-9 {
            return;
        }
        self.depth_km = d;
        let src = self.tau.source(d);
        self.fans = src.ray_fan(Wave::P, RAYS);
        self.fans.extend(src.ray_fan(Wave::S, RAYS));
        self.stations = self
            .station_deg
            .iter()
            .map(|&deg| Station {
                distance_deg: deg,
                p: src.first(Wave::P, deg).map(|a| (a.phase, a.time_s)),
                s: src.first(Wave::S, deg).map(|a| (a.phase, a.time_s)),
            })
            .collect();
    }

    /// Advances the clock; it stops once every front has left the picture
    /// (the last station's S, or 25 minutes).
    pub fn advance(&mut self, seconds: f64) {
        if seconds.is_finite() && seconds > 0.0 {
            self.clock_s = (self.clock_s + seconds).min(self.end_s());
        }
    }

    /// When the show is over, s.
    pub fn end_s(&self) -> f64 {
        self.stations
            .iter()
            .filter_map(|s| s.s.as_ref().or(s.p.as_ref()).map(|a| a.1))
            .fold(1500.0f64, f64::max)
            + 60.0
    }

    /// The points of every front at the clock's time: phase, wave, point.
    pub fn fronts(&self) -> Vec<(&'static str, RayPoint)> {
        let t = self.clock_s;
        self.fans
            .iter()
            .filter_map(|(phase, path)| {
                path.windows(2).find_map(|w| {
                    let (a, b) = (w[0], w[1]);
                    (t >= a.time_s && t <= b.time_s && b.time_s > a.time_s).then(|| {
                        let f = (t - a.time_s) / (b.time_s - a.time_s);
                        (
                            *phase,
                            RayPoint {
                                distance_deg: a.distance_deg
                                    + f * (b.distance_deg - a.distance_deg),
                                depth_km: a.depth_km + f * (b.depth_km - a.depth_km),
                                time_s: t,
                            },
                        )
                    })
                })
            })
            .collect()
    }

    /// How far direct P has come back to the surface by now, and the
    /// nearest distance where outer-core P (PKP) has: the edges of the
    /// shadow zone once both are known, degrees.
    pub fn p_emergence(&self) -> (f64, f64) {
        let mut direct: f64 = 0.0;
        let mut core: f64 = 180.0;
        for (phase, path) in &self.fans {
            if phase.starts_with(['S', 's']) {
                continue;
            }
            let Some(end) = path.last() else { continue };
            if end.time_s > self.clock_s || end.depth_km > 1.0 {
                continue;
            }
            let d = end.distance_deg.rem_euclid(360.0);
            let d = if d > 180.0 { 360.0 - d } else { d };
            // The outer-core branch marks the far edge of the shadow; the
            // faint inner-core waves (PKIKP) come back inside it.
            if *phase == "PKP" {
                core = core.min(d);
            } else if !is_core(phase) && *phase != "PcP" {
                direct = direct.max(d);
            }
        }
        (direct, core)
    }

    /// The picture position of a point `distance_deg` clockwise from the
    /// quake and `depth_km` deep, on a square picture of `size` pixels.
    pub fn to_picture(&self, size: f32, distance_deg: f64, depth_km: f64) -> (f32, f32) {
        let c = size / 2.0;
        let r = EARTH_RADIUS * size * ((EARTH_RADIUS_KM - depth_km) / EARTH_RADIUS_KM) as f32;
        let a = (self.quake_angle_deg + distance_deg).to_radians() as f32;
        (c + r * a.sin(), c - r * a.cos())
    }

    /// A touch at (`u`, `v`), 0-1 across and down the picture: moves the
    /// quake to that direction, and to that depth when inside the upper
    /// mantle; the waves start again.
    pub fn touch(&mut self, u: f32, v: f32) {
        if !(u.is_finite() && v.is_finite()) {
            return;
        }
        let (x, y) = (u - 0.5, v - 0.5);
        let r = (x * x + y * y).sqrt() / EARTH_RADIUS;
        if r < 1e-3 {
            return;
        }
        self.quake_angle_deg = (x as f64).atan2(-(y as f64)).to_degrees().rem_euclid(360.0);
        let depth = ((1.0 - r as f64) * EARTH_RADIUS_KM).clamp(0.0, MAX_DEPTH_KM);
        // Touches near the rim put the quake at the surface.
        let depth = if depth < 60.0 { 10.0 } else { depth };
        self.set_depth(depth);
    }

    /// Draws the cross-section into `canvas` (square): layers, shadow zone
    /// once the fronts have shown it, fronts, the quake and the stations
    /// (bright once the P wave has arrived).
    pub fn draw(&self, canvas: &mut Canvas) {
        self.draw_layers(canvas);
        self.draw_waves(canvas);
    }

    /// The layers alone: they do not move, so a screen draws them once and
    /// copies them under every frame's waves.
    pub fn draw_layers(&self, canvas: &mut Canvas) {
        let size = canvas.width.min(canvas.height) as f32;
        let c = size / 2.0;
        let r_earth = EARTH_RADIUS * size;
        let r_of = |depth: f64| r_earth * ((EARTH_RADIUS_KM - depth) / EARTH_RADIUS_KM) as f32;
        canvas.fill_circle(c, c, r_earth, colours::UPPER_MANTLE);
        canvas.fill_circle(c, c, r_of(660.0), colours::MANTLE);
        canvas.fill_circle(c, c, r_of(self.cmb_km), colours::OUTER_CORE);
        canvas.fill_circle(c, c, r_of(self.icb_km), colours::INNER_CORE);
    }

    /// The moving parts over the layers.
    pub fn draw_waves(&self, canvas: &mut Canvas) {
        let size = canvas.width.min(canvas.height) as f32;
        let (direct, core) = self.p_emergence();
        if direct > 90.0 && core < 180.0 {
            // The shadow: between the farthest direct P and the nearest core P.
            for side in [1.0, -1.0] {
                let pts: Vec<(f32, f32)> = (0..=40)
                    .map(|i| {
                        let d = direct + (core - direct) * i as f64 / 40.0;
                        self.to_picture(size, side * d, -70.0)
                    })
                    .collect();
                canvas.stroke(&pts, size * 0.018, colours::SHADOW);
            }
        }
        let dot = (size / 240.0).max(1.5);
        for (phase, pt) in self.fronts() {
            let col = if phase.starts_with(['S', 's']) {
                colours::S
            } else if is_core(phase) {
                colours::CORE_P
            } else {
                colours::P
            };
            for side in [1.0, -1.0] {
                let (x, y) = self.to_picture(size, side * pt.distance_deg, pt.depth_km);
                canvas.fill_rect(x - dot, y - dot, 2.0 * dot, 2.0 * dot, col);
            }
        }
        for st in &self.stations {
            let (x, y) = self.to_picture(size, st.distance_deg, -120.0);
            let arrived = st.p.as_ref().is_some_and(|p| p.1 <= self.clock_s);
            let col = if arrived {
                Rgba::hex(0x7fe0a8)
            } else {
                Rgba::hex(0x44515c)
            };
            canvas.fill_polygon(
                &[
                    (x, y - size * 0.02),
                    (x + size * 0.014, y + size * 0.01),
                    (x - size * 0.014, y + size * 0.01),
                ],
                col,
            );
        }
        let (qx, qy) = self.to_picture(size, 0.0, self.depth_km);
        canvas.fill_circle(qx, qy, size * 0.016, Rgba::hex(0xe63946));
    }

    /// The stations' records, one row each: the time axis marked every
    /// 5 minutes of `window_s`, each trace drawn up to the clock, and the
    /// clock as a line.
    pub fn draw_records(&self, c: &mut Canvas, window_s: f64) {
        let rows = self.stations.len().max(1) as f32;
        let (w, row) = (c.width as f32, c.height as f32 / rows);
        for m in 1..(window_s / 300.0).ceil() as usize {
            let x = w * (m as f32 * 300.0) / window_s as f32;
            c.vspan(x as i32, 0, c.height as i32 - 1, Rgba::hex(0x25445e));
        }
        let n = (w / 2.0) as usize;
        for (i, st) in self.stations.iter().enumerate() {
            let trace = self.record(i, window_s, n);
            let marks: Vec<(f64, Rgba)> = [(&st.p, colours::P), (&st.s, colours::S)]
                .into_iter()
                .filter_map(|(a, col)| a.as_ref().map(|(_, t)| (*t, col.alpha(150))))
                .collect();
            let b = crate::domain::draw::strip::StripBox {
                x: 0.0,
                y: row * i as f32 + 2.0,
                w,
                h: row - 4.0,
                window_s: (0.0, window_s),
                full_scale: 1.2,
            };
            let t = crate::domain::draw::strip::StripTrace {
                samples: &trace,
                rate_hz: n as f64 / window_s,
                start_s: 0.0,
            };
            crate::domain::draw::strip::draw_strip(
                c,
                &b,
                &t,
                self.clock_s,
                Rgba::hex(0x7fe0a8),
                &marks,
            );
        }
        let x = w * (self.clock_s / window_s).min(1.0) as f32;
        c.stroke(&[(x, 0.0), (x, c.height as f32)], 1.5, Rgba::hex(0xe07a2f));
    }

    /// The record of station `i` at the clock's time: `n` samples of a
    /// teaching seismogram from the quake to `window_s`, zero after the
    /// clock: a P pulse (smaller for core phases), a larger S pulse.
    pub fn record(&self, i: usize, window_s: f64, n: usize) -> Vec<f32> {
        let Some(st) = self.stations.get(i) else {
            return Vec::new();
        };
        let pulse = |t: f64, at: f64, period: f64| {
            let x = (t - at) / period;
            if x < 0.0 {
                0.0
            } else {
                (std::f64::consts::TAU * x).sin() * (-x / 1.5).exp()
            }
        };
        (0..n)
            .map(|k| {
                let t = window_s * k as f64 / n.max(1) as f64;
                if t > self.clock_s {
                    return 0.0;
                }
                let mut v = 0.0;
                if let Some((phase, at)) = &st.p {
                    v += pulse(t, *at, 8.0) * if is_weak(phase) { 0.2 } else { 0.6 };
                }
                if let Some((phase, at)) = &st.s {
                    v += pulse(t, *at, 14.0) * if is_weak(phase) { 0.4 } else { 1.0 };
                }
                v as f32
            })
            .collect()
    }
}

/// The Earth's radius as a fraction of the picture's side.
const EARTH_RADIUS: f32 = 0.46;

#[cfg(test)]
mod tests {
    use super::*;

    const STATIONS: [f64; 5] = [30.0, 60.0, 90.0, 120.0, 150.0];

    #[test]
    fn station_arrivals_are_the_travel_times() {
        let e = ThroughEarth::new("iasp91", 33.0, &STATIONS).unwrap();
        let tau = TauModel::new(crate::domain::physics::earth::iasp91()).unwrap();
        let src = tau.source(33.0);
        for st in &e.stations {
            let p = src.first(Wave::P, st.distance_deg).unwrap();
            assert_eq!(st.p.as_ref().unwrap().1, p.time_s);
        }
        // Direct P at 30-90 degrees; only weak diffracted or core waves at
        // 120 and 150 (in and beyond the shadow).
        for (i, st) in e.stations.iter().enumerate() {
            let phase = &st.p.as_ref().unwrap().0;
            assert_eq!(is_weak(phase), i >= 3, "{phase} at {}", st.distance_deg);
        }
    }

    #[test]
    fn the_shadow_zone_appears_between_about_103_and_142_degrees() {
        let mut e = ThroughEarth::new("iasp91", 33.0, &STATIONS).unwrap();
        e.advance(1400.0);
        let (direct, core) = e.p_emergence();
        assert!((95.0..104.0).contains(&direct), "direct P to {direct}");
        assert!((140.0..150.0).contains(&core), "core P from {core}");
        // No front point reaches the surface inside the shadow but core phases.
        for t in (0..1400).step_by(10) {
            e.clock_s = t as f64;
            for (phase, pt) in e.fronts() {
                if phase.starts_with('P')
                    && pt.depth_km < 5.0
                    && (105.0..140.0).contains(&pt.distance_deg)
                {
                    assert!(is_core(phase) || phase == "PcP", "{phase} at {pt:?}");
                }
            }
        }
    }

    #[test]
    fn touches_move_the_quake_and_restart_the_waves() {
        let mut e = ThroughEarth::new("iasp91", 33.0, &STATIONS).unwrap();
        e.advance(300.0);
        // Right of the centre, a tenth of the radius below the surface.
        e.touch(0.5 + EARTH_RADIUS * 0.9, 0.5);
        assert!((e.quake_angle_deg - 90.0).abs() < 1e-3);
        assert!((e.depth_km() - 637.1).abs() < 1.0, "{}", e.depth_km());
        assert_eq!(e.clock_s, 0.0);
        e.touch(0.5, 0.5 - EARTH_RADIUS);
        assert!(e.quake_angle_deg.abs() < 1e-3 && e.depth_km() == 10.0);
        e.touch(f32::NAN, 0.2);
        e.set_depth(f64::INFINITY);
        assert_eq!(e.depth_km(), 0.0);
    }

    #[test]
    fn records_stay_silent_until_the_waves_arrive() {
        let mut e = ThroughEarth::new("iasp91", 33.0, &STATIONS).unwrap();
        let p = e.stations[0].p.as_ref().unwrap().1;
        e.advance(p - 5.0);
        assert!(e.record(0, 1500.0, 600).iter().all(|v| *v == 0.0));
        e.advance(60.0);
        assert!(e.record(0, 1500.0, 600).iter().any(|v| v.abs() > 0.1));
        assert!(e.record(9, 1500.0, 600).is_empty());
    }

    #[test]
    fn picture_shows_layers_fronts_and_quake() {
        let mut e = ThroughEarth::new("iasp91", 33.0, &STATIONS).unwrap();
        let mut c = Canvas::new(240, 240, Rgba::hex(0x102030));
        e.draw(&mut c);
        assert_eq!(c.pixel(120, 120), colours::INNER_CORE);
        e.advance(600.0);
        e.draw(&mut c);
        let front = c
            .rgba
            .chunks_exact(4)
            .filter(|p| p[..3] == [0xff, 0xf1, 0xc2])
            .count();
        assert!(front > 50, "{front} front pixels");
    }
}
