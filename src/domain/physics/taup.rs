//! Travel times and ray paths in a spherical Earth by the tau-p method
//! (Buland & Chapman 1983, Bull. Seism. Soc. Am. 73, 1271-1302; Crotwell,
//! Owens & Ritsema 1999, TauP, Seism. Res. Lett. 70, 154-160). The model is
//! cut into thin shells; in each, slowness follows the Bullen law
//! η(r) = r/v(r) = A·r^B, for which distance and time have closed forms:
//! Δ = [acos(p/η)]/B and T = [√(η²−p²)]/B between the shell's ends (ray
//! parameter p = r·sin(i)/v in s/rad). Cumulative sums from each region's
//! top are tabulated once per model on a ray-parameter grid that includes
//! the slowness at every shell boundary, so any source depth and phase is
//! assembled from legs without integrating again; answers are then refined
//! by bisection with exact integration.

use super::earth::{EARTH_RADIUS_KM, EarthModel, Side};

/// Compressional or shear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wave {
    /// P.
    P,
    /// S.
    S,
}

/// Thickest shell, km: thin enough that the Bullen law and velocities
/// linear in depth agree to well under 0.01 s over the whole Earth.
const MAX_SHELL_KM: f64 = 10.0;
/// Radius treated as the Earth's centre, km.
const CENTRE_KM: f64 = 1e-3;
/// Head waves travel at most this far along the Moho (TauP's default).
pub const MAX_REFRACTION_DEG: f64 = 20.0;
/// Diffracted waves travel at most this far along the core (TauP's default).
pub const MAX_DIFFRACTION_DEG: f64 = 60.0;

#[derive(Debug, Clone)]
struct Shell {
    r_top: f64,
    r_bot: f64,
    /// Velocities at top and bottom, [P, S].
    v_top: [f64; 2],
    v_bot: [f64; 2],
}

/// One shell's contribution for ray parameter `p`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    /// Crossed: (distance rad, time s).
    Through(f64, f64),
    /// The ray turns inside (or at the top of) the shell.
    Turn(f64, f64),
    /// The wave cannot exist here (S in a liquid).
    Blocked,
}

fn eta(r: f64, v: f64) -> f64 {
    if v > 0.0 { r / v } else { f64::INFINITY }
}

/// Distance and time across part of a shell from radius `ra` down to `rb`,
/// velocity `va` at `ra` and `vb` at `rb`.
fn piece(p: f64, ra: f64, rb: f64, va: f64, vb: f64) -> Piece {
    if va <= 0.0 || vb <= 0.0 {
        return Piece::Blocked;
    }
    let (et, eb) = (eta(ra, va), eta(rb, vb));
    if p >= et {
        return Piece::Turn(0.0, 0.0);
    }
    if ra <= rb {
        return Piece::Through(0.0, 0.0);
    }
    // The shell at the centre: velocity constant there, so η = r/v and
    // every ray turns (a ray with p = 0 passes straight through).
    if rb <= CENTRE_KM {
        return Piece::Turn((p / et).clamp(-1.0, 1.0).acos(), (et * et - p * p).sqrt());
    }
    let lr = (ra / rb).ln();
    let b = (et / eb).ln() / lr;
    if p > eb {
        // Turning inside: η decreases downward here (b > 0).
        let b = b.max(1e-12);
        return Piece::Turn(
            (p / et).clamp(-1.0, 1.0).acos() / b,
            (et * et - p * p).sqrt() / b,
        );
    }
    if b.abs() < 1e-9 {
        let s = (et * et - p * p).sqrt();
        return Piece::Through(p / s * lr, et * et / s * lr);
    }
    let d = ((p / et).clamp(-1.0, 1.0).acos() - (p / eb).clamp(-1.0, 1.0).acos()) / b;
    let t = ((et * et - p * p).sqrt() - (eb * eb - p * p).max(0.0).sqrt()) / b;
    Piece::Through(d, t)
}

/// How a leg ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LegEnd {
    /// The ray turned (or was totally reflected) inside the leg.
    Turned,
    /// The ray reached the bottom of the leg.
    Reached,
    /// The wave cannot travel there.
    Blocked,
}

/// Regions of the Earth in which legs are tabulated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Mantle,
    OuterCore,
    InnerCore,
}

/// Cumulative distance and time of a leg from a region's top down to each
/// shell boundary, per ray parameter.
#[derive(Debug, Clone)]
struct LegTable {
    /// Index range of shells of the region.
    shells: std::ops::Range<usize>,
    /// `dist[i][k]`, `time[i][k]`: from the region top down to the top of
    /// shell `shells.start + k`, for grid ray parameter `i`; the last entry
    /// is the whole leg (to the turning point or region bottom).
    dist: Vec<Vec<f64>>,
    time: Vec<Vec<f64>>,
    end: Vec<LegEnd>,
}

/// A travel-time model: shells, ray-parameter grid and leg tables.
#[derive(Debug, Clone)]
pub struct TauModel {
    /// The Earth model.
    pub model: EarthModel,
    shells: Vec<Shell>,
    /// Radii of the core-mantle boundary, inner-core boundary and Moho, km.
    pub r_cmb: f64,
    /// Inner-core boundary radius, km.
    pub r_icb: f64,
    /// Moho radius, km.
    pub r_moho: f64,
    grid: Vec<f64>,
    /// Leg tables [wave][region].
    tables: Vec<LegTable>,
}

fn wave_index(w: Wave) -> usize {
    match w {
        Wave::P => 0,
        Wave::S => 1,
    }
}

impl TauModel {
    /// The named model ("iasp91", "ak135", "chongqing"), prepared once per
    /// process and shared: preparing one takes tens of milliseconds, and
    /// scene validation asks for it on every reload.
    pub fn shared(name: &str) -> Option<std::sync::Arc<TauModel>> {
        use std::collections::HashMap;
        use std::sync::{Arc, Mutex, OnceLock};
        static MODELS: OnceLock<Mutex<HashMap<String, Arc<TauModel>>>> = OnceLock::new();
        let key = name.to_ascii_lowercase();
        let mut map = MODELS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(m) = map.get(&key) {
            return Some(m.clone());
        }
        let m = Arc::new(TauModel::new(EarthModel::by_name(&key)?).ok()?);
        map.insert(key, m.clone());
        Some(m)
    }

    /// Prepares a model for travel-time queries.
    pub fn new(model: EarthModel) -> Result<Self, String> {
        let cmb = model
            .boundary("cmb")
            .ok_or("model has no core-mantle boundary")?
            .depth_km;
        let icb = model
            .boundary("icb")
            .ok_or("model has no inner-core boundary")?
            .depth_km;
        let moho = model.boundary("moho").map(|b| b.depth_km).unwrap_or(35.0);
        let mut shells = Vec::new();
        for w in model.nodes.windows(2) {
            let (a, b) = (w[0], w[1]);
            if b.0 <= a.0 {
                continue;
            }
            let pieces = ((b.0 - a.0) / MAX_SHELL_KM).ceil().max(1.0) as usize;
            for k in 0..pieces {
                let (z0, z1) = (
                    a.0 + (b.0 - a.0) * k as f64 / pieces as f64,
                    a.0 + (b.0 - a.0) * (k + 1) as f64 / pieces as f64,
                );
                let lerp = |fa: f64, fb: f64, z: f64| fa + (fb - fa) * (z - a.0) / (b.0 - a.0);
                shells.push(Shell {
                    r_top: EARTH_RADIUS_KM - z0,
                    r_bot: (EARTH_RADIUS_KM - z1).max(CENTRE_KM),
                    v_top: [lerp(a.1, b.1, z0), lerp(a.2, b.2, z0)],
                    v_bot: [lerp(a.1, b.1, z1), lerp(a.2, b.2, z1)],
                });
            }
        }
        let (r_cmb, r_icb) = (EARTH_RADIUS_KM - cmb, EARTH_RADIUS_KM - icb);
        // The grid: every shell boundary's slowness (P and S, both sides)
        // plus an even spread, so that no turning depth is skipped.
        let mut grid: Vec<f64> = Vec::new();
        for s in &shells {
            for w in 0..2 {
                for (r, v) in [(s.r_top, s.v_top[w]), (s.r_bot, s.v_bot[w])] {
                    let e = eta(r, v);
                    if e.is_finite() && r > CENTRE_KM {
                        grid.push(e);
                    }
                }
            }
        }
        let top = grid.iter().copied().fold(0.0, f64::max);
        grid.extend((0..=600).map(|i| top * i as f64 / 600.0));
        grid.sort_by(f64::total_cmp);
        grid.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
        let mut m = TauModel {
            model,
            shells,
            r_cmb,
            r_icb,
            r_moho: EARTH_RADIUS_KM - moho,
            grid,
            tables: Vec::new(),
        };
        for wave in [Wave::P, Wave::S] {
            for region in [Region::Mantle, Region::OuterCore, Region::InnerCore] {
                let t = m.build_table(wave, region);
                m.tables.push(t);
            }
        }
        Ok(m)
    }

    fn region_shells(&self, region: Region) -> std::ops::Range<usize> {
        let (top, bot) = match region {
            Region::Mantle => (EARTH_RADIUS_KM, self.r_cmb),
            Region::OuterCore => (self.r_cmb, self.r_icb),
            Region::InnerCore => (self.r_icb, 0.0),
        };
        let start = self
            .shells
            .iter()
            .position(|s| s.r_top <= top + 1e-9)
            .unwrap_or(0);
        let end = self
            .shells
            .iter()
            .position(|s| s.r_top <= bot + 1e-9)
            .unwrap_or(self.shells.len());
        start..end.max(start)
    }

    fn build_table(&self, wave: Wave, region: Region) -> LegTable {
        let range = self.region_shells(region);
        let w = wave_index(wave);
        let mut dist = Vec::with_capacity(self.grid.len());
        let mut time = Vec::with_capacity(self.grid.len());
        let mut end = Vec::with_capacity(self.grid.len());
        for &p in &self.grid {
            let (mut d, mut t) = (0.0, 0.0);
            let mut ds = vec![0.0];
            let mut ts = vec![0.0];
            let mut how = LegEnd::Reached;
            for s in &self.shells[range.clone()] {
                match piece(p, s.r_top, s.r_bot, s.v_top[w], s.v_bot[w]) {
                    Piece::Through(a, b) => {
                        d += a;
                        t += b;
                        ds.push(d);
                        ts.push(t);
                    }
                    Piece::Turn(a, b) => {
                        d += a;
                        t += b;
                        ds.push(d);
                        ts.push(t);
                        how = LegEnd::Turned;
                        break;
                    }
                    Piece::Blocked => {
                        how = LegEnd::Blocked;
                        break;
                    }
                }
            }
            dist.push(ds);
            time.push(ts);
            end.push(how);
        }
        LegTable {
            shells: range,
            dist,
            time,
            end,
        }
    }

    fn table(&self, wave: Wave, region: Region) -> &LegTable {
        let r = match region {
            Region::Mantle => 0,
            Region::OuterCore => 1,
            Region::InnerCore => 2,
        };
        &self.tables[wave_index(wave) * 3 + r]
    }

    /// Velocity of `wave` just below depth `depth_km`.
    pub fn velocity(&self, wave: Wave, depth_km: f64) -> f64 {
        let (vp, vs, _) = self.model.at(depth_km, Side::Below);
        match wave {
            Wave::P => vp,
            Wave::S => vs,
        }
    }

    /// Slowness η = r/v (s/rad) of `wave` at depth `depth_km` on `side`.
    pub fn eta_at(&self, wave: Wave, depth_km: f64, side: Side) -> f64 {
        let (vp, vs, _) = self.model.at(depth_km, side);
        eta(
            EARTH_RADIUS_KM - depth_km,
            if wave == Wave::P { vp } else { vs },
        )
    }

    /// The parts of the shells between radius `ra` and `rb` (below it):
    /// (top radius, bottom radius, velocity at top, velocity at bottom) of `wave`.
    fn pieces_between(
        &self,
        wave: Wave,
        ra: f64,
        rb: f64,
    ) -> impl Iterator<Item = (f64, f64, f64, f64)> + '_ {
        let w = wave_index(wave);
        self.shells
            .iter()
            .filter(move |s| s.r_bot < ra && s.r_top > rb)
            .map(move |s| {
                let (top, bot) = (s.r_top.min(ra), s.r_bot.max(rb));
                let v_at = |r: f64| {
                    s.v_top[w] + (s.r_top - r) / (s.r_top - s.r_bot) * (s.v_bot[w] - s.v_top[w])
                };
                (top, bot, v_at(top), v_at(bot))
            })
    }

    /// Exact leg of `wave` with ray parameter `p` from radius `ra` down to `rb`.
    pub fn leg(&self, wave: Wave, p: f64, ra: f64, rb: f64) -> (f64, f64, LegEnd) {
        let (mut d, mut t) = (0.0, 0.0);
        for (top, bot, vt, vb) in self.pieces_between(wave, ra, rb) {
            match piece(p, top, bot, vt, vb) {
                Piece::Through(a, b) => {
                    d += a;
                    t += b;
                }
                Piece::Turn(a, b) => return (d + a, t + b, LegEnd::Turned),
                Piece::Blocked => return (d, t, LegEnd::Blocked),
            }
        }
        (d, t, LegEnd::Reached)
    }

    /// Tabulated leg from the surface down to radius `r` (inside the mantle)
    /// for grid index `i`: exact table part plus the partial shell.
    fn mantle_to(&self, wave: Wave, i: usize, r: f64) -> Option<(f64, f64)> {
        let tab = self.table(wave, Region::Mantle);
        let p = self.grid[i];
        let k = self.shells[tab.shells.clone()]
            .iter()
            .position(|s| s.r_bot < r)?;
        let ds = &tab.dist[i];
        // The ray must still be travelling at the top of that shell.
        if k >= ds.len() || (k == ds.len() - 1 && tab.end[i] != LegEnd::Reached) {
            return None;
        }
        let s = &self.shells[tab.shells.start + k];
        let w = wave_index(wave);
        let f = (s.r_top - r) / (s.r_top - s.r_bot);
        let vr = s.v_top[w] + f * (s.v_bot[w] - s.v_top[w]);
        match piece(p, s.r_top, r, s.v_top[w], vr) {
            Piece::Through(a, b) if p < eta(r, vr) => Some((ds[k] + a, tab.time[i][k] + b)),
            _ => None,
        }
    }
}

/// A seismic phase quakehall computes, by its TauP name.
pub const PHASES: [&str; 17] = [
    "P", "S", "p", "s", "Pn", "Sn", "pP", "sS", "PcP", "ScS", "PKP", "PKiKP", "PKIKP", "SKS",
    "Pdiff", "Sdiff", "SKIKS",
];

/// One arrival.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrival {
    /// TauP phase name.
    pub phase: String,
    /// Travel time, s.
    pub time_s: f64,
    /// Ray parameter, s/rad.
    pub ray_param_s_rad: f64,
    /// Epicentral distance the ray travels (may exceed 180° before folding), degrees.
    pub distance_deg: f64,
    /// Takeoff angle from the downward vertical at the source, degrees (> 90: up-going).
    pub takeoff_deg: f64,
    /// Incidence angle from the vertical at the receiver, degrees.
    pub incident_deg: f64,
}

impl Arrival {
    /// Ray parameter in s/deg (as TauP prints it).
    pub fn ray_param_s_deg(&self) -> f64 {
        self.ray_param_s_rad * std::f64::consts::PI / 180.0
    }
}

/// How a phase's ray is built from legs.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// Up-going from the source straight to the receiver.
    Up(Wave),
    /// Down-going, turning in the crust or mantle.
    Down(Wave),
    /// Surface reflection of an up-going wave, then as `Down`.
    Depth(Wave),
    /// Reflected from the core-mantle boundary.
    CoreReflection(Wave),
    /// Mantle `Wave` down, outer-core P turning above the inner core.
    OuterCore(Wave),
    /// Mantle `Wave`, reflected from the inner core.
    InnerReflection(Wave),
    /// Mantle `Wave`, through the outer core, P turning in the inner core.
    InnerCore(Wave),
    /// Head wave along the top of the mantle.
    Head,
    /// Diffracted along the core-mantle boundary.
    Diffracted,
}

fn shape(phase: &str) -> Option<Shape> {
    Some(match phase {
        "p" => Shape::Up(Wave::P),
        "s" => Shape::Up(Wave::S),
        "P" => Shape::Down(Wave::P),
        "S" => Shape::Down(Wave::S),
        "pP" => Shape::Depth(Wave::P),
        "sS" => Shape::Depth(Wave::S),
        "PcP" => Shape::CoreReflection(Wave::P),
        "ScS" => Shape::CoreReflection(Wave::S),
        "PKP" => Shape::OuterCore(Wave::P),
        "SKS" => Shape::OuterCore(Wave::S),
        "PKiKP" => Shape::InnerReflection(Wave::P),
        "PKIKP" => Shape::InnerCore(Wave::P),
        "SKIKS" => Shape::InnerCore(Wave::S),
        "Pn" => Shape::Head,
        "Sn" => Shape::Head,
        "Pdiff" => Shape::Diffracted,
        "Sdiff" => Shape::Diffracted,
        _ => return None,
    })
}

/// A head or diffracted wave: where it starts and how it continues.
#[derive(Debug, Clone, Copy)]
struct Grazing {
    wave: Wave,
    p: f64,
    d_crit: f64,
    t_crit: f64,
    limit: f64,
}

/// One point of a branch: (position on the grid, p s/rad, distance rad,
/// time s). Samples at most one grid step apart form a continuous branch.
type Sample = (f64, f64, f64, f64);

/// Travel times from one source depth, for any distance.
#[derive(Debug, Clone)]
pub struct SourceTimes<'a> {
    tau: &'a TauModel,
    /// Source depth, km.
    pub depth_km: f64,
    r_src: f64,
    /// Per phase: where it exists on the ray-parameter grid.
    branches: Vec<(&'static str, Vec<Sample>)>,
    /// Head and diffracted waves from this depth.
    grazing_params: Vec<Grazing>,
}

impl TauModel {
    /// Prepares the travel times of every phase from `depth_km`.
    pub fn source(&self, depth_km: f64) -> SourceTimes<'_> {
        let depth_km = depth_km.clamp(0.0, EARTH_RADIUS_KM - self.r_cmb - 1.0);
        let r_src = EARTH_RADIUS_KM - depth_km;
        let mut st = SourceTimes {
            tau: self,
            depth_km,
            r_src,
            branches: Vec::new(),
            grazing_params: Vec::new(),
        };
        for name in ["Pn", "Sn", "Pdiff", "Sdiff"] {
            if let Some(g) = st.grazing_start(name) {
                st.grazing_params.push(g);
            }
        }
        for name in PHASES {
            let Some(sh) = shape(name) else { continue };
            if matches!(sh, Shape::Head | Shape::Diffracted) {
                continue;
            }
            let mut samples: Vec<Sample> = (0..self.grid.len())
                .filter_map(|i| {
                    st.sample(sh, i)
                        .map(|(d, t)| (i as f64, self.grid[i], d, t))
                })
                .collect();
            // Branches end where the ray leaves the source horizontally or
            // grazes a boundary: add those ends exactly, just inside each
            // critical slowness, between its grid neighbours.
            let mut critical = vec![
                self.eta_at(Wave::P, depth_km, Side::Below),
                self.eta_at(Wave::S, depth_km, Side::Below),
            ];
            for r in [self.r_cmb, self.r_icb] {
                let z = EARTH_RADIUS_KM - r;
                for w in [Wave::P, Wave::S] {
                    for side in [Side::Above, Side::Below] {
                        critical.push(self.eta_at(w, z, side));
                    }
                }
            }
            for c in critical.into_iter().filter(|c| c.is_finite()) {
                for edge in [c * (1.0 - 1e-9), c * (1.0 + 1e-9)] {
                    if let Some((d, t)) = st.exact(sh, edge) {
                        let pos = self.grid.partition_point(|&g| g < edge) as f64 - 0.5;
                        let at = samples.partition_point(|s| s.0 < pos);
                        samples.insert(at, (pos, edge, d, t));
                    }
                }
            }
            st.branches.push((name, samples));
        }
        st
    }
}

impl SourceTimes<'_> {
    /// Distance and time of `shape` at grid index `i` from the tables.
    fn sample(&self, sh: Shape, i: usize) -> Option<(f64, f64)> {
        self.compose(sh, self.tau.grid[i], &TableLegs { st: self, i })
    }

    /// Takeoff and incidence angles of `wave` with ray parameter `p`.
    fn angles(&self, wave: Wave, p: f64, upgoing: bool) -> (f64, f64) {
        let vs = self.tau.velocity(wave, self.depth_km);
        let v0 = self.tau.velocity(wave, 0.0);
        let s = (p * vs / self.r_src).clamp(-1.0, 1.0).asin().to_degrees();
        let takeoff = if upgoing { 180.0 - s } else { s };
        let incident = (p * v0 / EARTH_RADIUS_KM)
            .clamp(-1.0, 1.0)
            .asin()
            .to_degrees();
        (takeoff, incident)
    }

    /// Exact distance and time of a phase at ray parameter `p` (integrating again).
    fn exact(&self, sh: Shape, p: f64) -> Option<(f64, f64)> {
        self.compose(sh, p, &ExactLegs { st: self, p })
    }

    /// Distance and time of `sh` with ray parameter `p` from its legs: the
    /// one place that knows how each phase is put together (a down-going
    /// ray is its leg below the source twice plus the leg above it once).
    fn compose(&self, sh: Shape, p: f64, legs: &impl Legs) -> Option<(f64, f64)> {
        // A ray that turns below the source must leave it downwards.
        let leaves_down = |w: Wave| p < self.tau.eta_at(w, self.depth_km, Side::Below);
        match sh {
            Shape::Up(w) => legs.up(w),
            Shape::Down(w) | Shape::Depth(w) => {
                let (sd, st) = legs.up(w)?;
                let (d, t, e) = legs.down(w)?;
                if e != LegEnd::Turned || !leaves_down(w) {
                    return None;
                }
                let (dd, tt) = (2.0 * d + sd, 2.0 * t + st);
                if matches!(sh, Shape::Depth(_)) {
                    Some((dd + 2.0 * sd, tt + 2.0 * st))
                } else {
                    Some((dd, tt))
                }
            }
            Shape::CoreReflection(w) => {
                let (sd, st) = legs.up(w)?;
                let (d, t, e) = legs.down(w)?;
                (e == LegEnd::Reached).then_some((2.0 * d + sd, 2.0 * t + st))
            }
            Shape::OuterCore(w) | Shape::InnerReflection(w) | Shape::InnerCore(w) => {
                let (sd, st) = legs.up(w)?;
                let (d, t, e) = legs.down(w)?;
                if e != LegEnd::Reached {
                    return None;
                }
                let (kd, kt, ke) = legs.outer_core();
                let (dd, tt) = (2.0 * d + sd + 2.0 * kd, 2.0 * t + st + 2.0 * kt);
                match sh {
                    Shape::OuterCore(_) => (ke == LegEnd::Turned).then_some((dd, tt)),
                    Shape::InnerReflection(_) => (ke == LegEnd::Reached).then_some((dd, tt)),
                    _ => {
                        let (id, it, ie) = legs.inner_core();
                        (ke == LegEnd::Reached && ie == LegEnd::Turned)
                            .then_some((dd + 2.0 * id, tt + 2.0 * it))
                    }
                }
            }
            Shape::Head | Shape::Diffracted => None,
        }
    }

    /// Every arrival of `phases` (all known phases when empty) at
    /// `distance_deg`, earliest first; several branches of one phase
    /// (triplications) each give an arrival.
    pub fn arrivals(&self, distance_deg: f64, phases: &[&str]) -> Vec<Arrival> {
        let want = |name: &str| phases.is_empty() || phases.contains(&name);
        let target = distance_deg.rem_euclid(360.0);
        let target = if target > 180.0 {
            360.0 - target
        } else {
            target
        }
        .to_radians();
        let mut out = Vec::new();
        for (name, samples) in &self.branches {
            if !want(name) {
                continue;
            }
            let Some(sh) = shape(name) else { continue };
            let wave = phase_wave(name);
            for pair in samples.windows(2) {
                let ((i0, p0, d0, _), (i1, p1, d1, _)) = (pair[0], pair[1]);
                // Only neighbours on the grid form a branch segment.
                if i1 - i0 > 1.0 {
                    continue;
                }
                for goal in [target, 2.0 * std::f64::consts::PI - target] {
                    if (d0 - goal) * (d1 - goal) > 0.0 || d0 == d1 {
                        continue;
                    }
                    // Where the branch jumps between grid neighbours (a caustic
                    // on a discontinuity), interpolate as TauP does: dT/dΔ = p.
                    let (_, _, _, t0) = pair[0];
                    let interpolated = || {
                        let p = p0 + (goal - d0) / (d1 - d0) * (p1 - p0);
                        (p, goal, t0 + 0.5 * (p0 + p) * (goal - d0))
                    };
                    if let Some((p, d, t)) = self
                        .refine(sh, p0, p1, goal)
                        .or_else(|| Some(interpolated()))
                    {
                        let upgoing = matches!(sh, Shape::Up(_)) || matches!(sh, Shape::Depth(_));
                        let (takeoff, incident) = self.angles(wave, p, upgoing);
                        out.push(Arrival {
                            phase: name.to_string(),
                            time_s: t,
                            ray_param_s_rad: p,
                            distance_deg: d.to_degrees(),
                            takeoff_deg: takeoff,
                            incident_deg: incident,
                        });
                    }
                }
            }
        }
        for name in ["Pn", "Sn", "Pdiff", "Sdiff"] {
            if want(name)
                && let Some(a) = self.grazing(name, target)
            {
                out.push(a);
            }
        }
        out.sort_by(|a, b| a.time_s.total_cmp(&b.time_s));
        out.dedup_by(|a, b| a.phase == b.phase && (a.time_s - b.time_s).abs() < 1e-6);
        out
    }

    /// Bisection on the exact distance between grid neighbours `p0`, `p1`.
    fn refine(&self, sh: Shape, p0: f64, p1: f64, goal: f64) -> Option<(f64, f64, f64)> {
        let (mut a, mut b) = (p0, p1);
        let (mut fa, _) = self.exact(sh, a).map(|(d, t)| (d - goal, t))?;
        let mut best = None;
        for _ in 0..50 {
            let m = 0.5 * (a + b);
            let Some((d, t)) = self.exact(sh, m) else {
                // The branch ends inside the interval: keep the side that exists.
                b = m;
                continue;
            };
            best = Some((m, d, t));
            let fm = d - goal;
            if fm == 0.0 || (b - a) < 1e-10 {
                break;
            }
            if (fa < 0.0) == (fm < 0.0) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        best.filter(|(_, d, _)| (d - goal).abs() < 1e-6)
    }

    /// Head waves (Pn, Sn) and core-diffracted waves (Pdiff, Sdiff): the ray
    /// grazing the boundary, then travelling along it at its speed.
    fn grazing(&self, name: &str, target: f64) -> Option<Arrival> {
        let g = self.grazing_start(name)?;
        if target < g.d_crit || target > g.d_crit + g.limit {
            return None;
        }
        let (takeoff, incident) = self.angles(g.wave, g.p, false);
        Some(Arrival {
            phase: name.into(),
            time_s: g.t_crit + g.p * (target - g.d_crit),
            ray_param_s_rad: g.p,
            distance_deg: target.to_degrees(),
            takeoff_deg: takeoff,
            incident_deg: incident,
        })
    }

    /// Where a head (`Pn`, `Sn`) or diffracted (`Pdiff`, `Sdiff`) wave
    /// starts from this source: the ray grazing the boundary.
    fn grazing_start(&self, name: &str) -> Option<Grazing> {
        let tau = self.tau;
        let wave = phase_wave(name);
        let head = name.ends_with('n');
        let (r_b, limit) = if head {
            (tau.r_moho, MAX_REFRACTION_DEG)
        } else {
            (tau.r_cmb, MAX_DIFFRACTION_DEG)
        };
        let depth_b = EARTH_RADIUS_KM - r_b;
        if self.r_src <= r_b {
            return None;
        }
        // Slowness at the top of the layer below (head wave) or at the bottom
        // of the mantle (diffraction).
        let p = if head {
            tau.eta_at(wave, depth_b, Side::Below)
        } else {
            tau.eta_at(wave, depth_b, Side::Above)
        };
        let (sd, stt, se) = tau.leg(wave, p * (1.0 - 1e-12), EARTH_RADIUS_KM, self.r_src);
        let (d, t, e) = tau.leg(wave, p * (1.0 - 1e-12), self.r_src, r_b);
        if se != LegEnd::Reached || e != LegEnd::Reached {
            return None;
        }
        Some(Grazing {
            wave,
            p,
            d_crit: 2.0 * d + sd,
            t_crit: 2.0 * t + stt,
            limit: limit.to_radians(),
        })
    }

    /// The first-arrival time of P-type or S-type waves from the tables
    /// alone (no refinement): fast enough for animations and for millions
    /// of queries, within about 0.05 s of [`SourceTimes::first`].
    pub fn first_time(&self, wave: Wave, distance_deg: f64) -> Option<f64> {
        let target = distance_deg.rem_euclid(360.0);
        let target = if target > 180.0 {
            360.0 - target
        } else {
            target
        }
        .to_radians();
        let names: &[&str] = match wave {
            Wave::P => &["p", "P", "PKP", "PKIKP", "PKiKP"],
            Wave::S => &["s", "S", "SKS", "SKIKS"],
        };
        let mut best = f64::INFINITY;
        for (name, samples) in &self.branches {
            if !names.contains(name) {
                continue;
            }
            for pair in samples.windows(2) {
                let ((i0, p0, d0, t0), (i1, p1, d1, _)) = (pair[0], pair[1]);
                if i1 - i0 > 1.0 || (d0 - target) * (d1 - target) > 0.0 || d0 == d1 {
                    continue;
                }
                let p = p0 + (target - d0) / (d1 - d0) * (p1 - p0);
                best = best.min(t0 + 0.5 * (p0 + p) * (target - d0));
            }
        }
        for g in self.grazing_params.iter().filter(|g| g.wave == wave) {
            if target >= g.d_crit && target <= g.d_crit + g.limit {
                best = best.min(g.t_crit + g.p * (target - g.d_crit));
            }
        }
        best.is_finite().then_some(best)
    }

    /// The epicentral distance, degrees, at which the first S comes
    /// `s_minus_p` seconds after the first P: the reading of S−P a
    /// seismologist makes with a travel-time chart, here from this model's
    /// own times. S−P grows with distance over 0-100° (before the core
    /// shadow); `None` outside that.
    pub fn distance_for_s_minus_p(&self, s_minus_p: f64) -> Option<f64> {
        let sp = |d: f64| Some(self.first_time(Wave::S, d)? - self.first_time(Wave::P, d)?);
        if !(s_minus_p.is_finite() && s_minus_p > 0.0) {
            return None;
        }
        let (mut lo, mut hi) = (0.001, 100.0);
        if sp(hi)? < s_minus_p || sp(lo)? > s_minus_p {
            return None;
        }
        for _ in 0..60 {
            let mid = 0.5 * (lo + hi);
            if sp(mid)? < s_minus_p {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some(0.5 * (lo + hi))
    }

    /// The first arrival of P-type (`Wave::P`) or S-type waves: the earliest
    /// of the direct, head and diffracted phases of that type.
    pub fn first(&self, wave: Wave, distance_deg: f64) -> Option<Arrival> {
        let names: &[&str] = match wave {
            Wave::P => &["p", "P", "Pn", "Pdiff", "PKP", "PKIKP", "PKiKP"],
            Wave::S => &["s", "S", "Sn", "Sdiff", "SKS", "SKIKS"],
        };
        self.arrivals(distance_deg, names).into_iter().next()
    }
}

/// A point on a ray: epicentral distance (degrees), depth (km) and the
/// time since the origin (s).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RayPoint {
    /// Distance along the surface from the epicentre, degrees.
    pub distance_deg: f64,
    /// Depth, km.
    pub depth_km: f64,
    /// Time since the origin, s.
    pub time_s: f64,
}

impl TauModel {
    /// The path of `wave` with ray parameter `p` going down from radius
    /// `ra` to `rb` (or to its turning point): (distance rad, radius, time)
    /// at every shell boundary, several points inside the turning shell,
    /// and how the leg ended.
    fn leg_path(&self, wave: Wave, p: f64, ra: f64, rb: f64) -> (Vec<(f64, f64, f64)>, LegEnd) {
        let mut pts = vec![(0.0, ra, 0.0)];
        let (mut d, mut t) = (0.0, 0.0);
        for (top, bot, vt, vb) in self.pieces_between(wave, ra, rb) {
            // Velocity inside the piece (linear in radius), for stepping to the turning point.
            let v_at = |r: f64| vt + (top - r) / (top - bot).max(1e-12) * (vb - vt);
            match piece(p, top, bot, v_at(top), v_at(bot)) {
                Piece::Through(a, b) => {
                    d += a;
                    t += b;
                    pts.push((d, bot, t));
                }
                Piece::Turn(..) => {
                    // Step down towards the turning radius.
                    let et = eta(top, v_at(top));
                    let eb = eta(bot, v_at(bot));
                    let r_turn = if bot <= CENTRE_KM {
                        (p * v_at(bot)).max(0.0)
                    } else if p >= et {
                        top
                    } else {
                        let b = (et / eb).ln() / (top / bot).ln();
                        top * (p / et).powf(1.0 / b.max(1e-12))
                    };
                    for k in 1..=6 {
                        let r = top - (top - r_turn) * (k as f64 / 6.0);
                        if let Piece::Through(a, b) | Piece::Turn(a, b) = piece(
                            p,
                            top,
                            r.max(r_turn + 1e-9).min(top),
                            v_at(top),
                            v_at(r.max(CENTRE_KM)),
                        ) {
                            pts.push((d + a, r, t + b));
                        }
                    }
                    return (pts, LegEnd::Turned);
                }
                Piece::Blocked => return (pts, LegEnd::Blocked),
            }
        }
        (pts, LegEnd::Reached)
    }
}

impl SourceTimes<'_> {
    /// The path of an arrival from the source to the receiver, for drawing.
    pub fn ray_path(&self, arrival: &Arrival) -> Vec<RayPoint> {
        let Some(sh) = shape(&arrival.phase) else {
            return Vec::new();
        };
        let tau = self.tau;
        let p = arrival.ray_param_s_rad;
        let (rs, re, rc, ri) = (self.r_src, EARTH_RADIUS_KM, tau.r_cmb, tau.r_icb);
        // (wave, from radius, to radius): downward legs and upward legs.
        let mut legs: Vec<(Wave, f64, f64, bool)> = Vec::new();
        let down = |legs: &mut Vec<(Wave, f64, f64, bool)>, w, a, b| legs.push((w, a, b, true));
        let up = |legs: &mut Vec<(Wave, f64, f64, bool)>, w, a, b| legs.push((w, a, b, false));
        match sh {
            Shape::Up(w) => up(&mut legs, w, re, rs),
            Shape::Down(w) => {
                down(&mut legs, w, rs, rc);
                up(&mut legs, w, re, rc);
            }
            Shape::Depth(w) => {
                up(&mut legs, w, re, rs);
                down(&mut legs, w, re, rc);
                up(&mut legs, w, re, rc);
            }
            Shape::CoreReflection(w) => {
                down(&mut legs, w, rs, rc);
                up(&mut legs, w, re, rc);
            }
            Shape::OuterCore(w) => {
                down(&mut legs, w, rs, rc);
                down(&mut legs, Wave::P, rc, ri);
                up(&mut legs, Wave::P, rc, ri);
                up(&mut legs, w, re, rc);
            }
            Shape::InnerReflection(w) => {
                down(&mut legs, w, rs, rc);
                down(&mut legs, Wave::P, rc, ri);
                up(&mut legs, Wave::P, rc, ri);
                up(&mut legs, w, re, rc);
            }
            Shape::InnerCore(w) => {
                down(&mut legs, w, rs, rc);
                down(&mut legs, Wave::P, rc, ri);
                down(&mut legs, Wave::P, ri, 0.0);
                up(&mut legs, Wave::P, ri, 0.0);
                up(&mut legs, Wave::P, rc, ri);
                up(&mut legs, w, re, rc);
            }
            Shape::Head | Shape::Diffracted => {
                let r_b = if matches!(sh, Shape::Head) {
                    tau.r_moho
                } else {
                    rc
                };
                let w = phase_wave(&arrival.phase);
                down(&mut legs, w, rs, r_b);
                legs.push((w, r_b, r_b, true));
                up(&mut legs, w, re, r_b);
            }
        }
        let mut out = vec![RayPoint {
            distance_deg: 0.0,
            depth_km: self.depth_km,
            time_s: 0.0,
        }];
        let (mut d0, mut t0) = (0.0, 0.0);
        for (k, &(w, a, b, is_down)) in legs.iter().enumerate() {
            if a == b {
                // Along the boundary (head or diffracted wave): whatever
                // distance the ray still has to cover.
                let (_, up_d, up_t) = {
                    let (pts, _) = tau.leg_path(w, p, re, a);
                    let last = pts.last().copied().unwrap_or((0.0, a, 0.0));
                    (0, last.0, last.2)
                };
                let along = arrival.distance_deg.to_radians() - d0 - up_d;
                let _ = (k, up_t);
                d0 += along.max(0.0);
                t0 += along.max(0.0) * p;
                out.push(RayPoint {
                    distance_deg: d0.to_degrees(),
                    depth_km: EARTH_RADIUS_KM - a,
                    time_s: t0,
                });
                continue;
            }
            let (pts, _) = tau.leg_path(w, p, a, b);
            let total = pts.last().copied().unwrap_or((0.0, a, 0.0));
            let seq: Vec<(f64, f64, f64)> = if is_down {
                pts
            } else {
                pts.iter()
                    .rev()
                    .map(|&(d, r, t)| (total.0 - d, r, total.2 - t))
                    .collect()
            };
            for (d, r, t) in seq {
                out.push(RayPoint {
                    distance_deg: (d0 + d).to_degrees(),
                    depth_km: EARTH_RADIUS_KM - r,
                    time_s: t0 + t,
                });
            }
            d0 += total.0;
            t0 += total.2;
        }
        out
    }

    /// Rays of `wave` leaving the source at `rays` angles from straight
    /// down to horizontal (and as many up-going), each with its phase name
    /// and path: direct waves, core reflections and, for P, the waves
    /// through the outer and inner core. For drawing ray fans.
    pub fn ray_fan(&self, wave: Wave, rays: usize) -> Vec<(&'static str, Vec<RayPoint>)> {
        let tau = self.tau;
        let eta_src = tau.eta_at(wave, self.depth_km, Side::Below);
        let phases: &[&'static str] = match wave {
            Wave::P => &["P", "p", "PKP", "PKIKP", "PcP"],
            Wave::S => &["S", "s", "ScS"],
        };
        let mut out = Vec::new();
        for k in 0..rays.max(2) {
            let p = eta_src * (k as f64 / (rays.max(2) - 1) as f64) * (1.0 - 1e-9);
            for &phase in phases {
                let Some(sh) = shape(phase) else { continue };
                let Some((d, t)) = self.exact(sh, p) else {
                    continue;
                };
                let a = Arrival {
                    phase: phase.into(),
                    time_s: t,
                    ray_param_s_rad: p,
                    distance_deg: d.to_degrees(),
                    takeoff_deg: 0.0,
                    incident_deg: 0.0,
                };
                out.push((phase, self.ray_path(&a)));
            }
        }
        out
    }

    /// Where the front of `wave` (P, or S in the mantle) is at `time_s`
    /// after the origin: the point of every ray of [`SourceTimes::ray_fan`]
    /// at that time, with its phase. P rays that reach the core carry on as
    /// core P waves, so the shadow zone shows by itself.
    pub fn wavefront(&self, wave: Wave, time_s: f64, rays: usize) -> Vec<(&'static str, RayPoint)> {
        self.ray_fan(wave, rays)
            .into_iter()
            .filter_map(|(phase, path)| point_at_time(&path, time_s).map(|pt| (phase, pt)))
            .collect()
    }
}

/// The point of a path at `time_s`, interpolated; `None` before the start
/// or after the ray has left the Earth.
fn point_at_time(path: &[RayPoint], time_s: f64) -> Option<RayPoint> {
    for w in path.windows(2) {
        let (a, b) = (w[0], w[1]);
        if time_s >= a.time_s && time_s <= b.time_s && b.time_s > a.time_s {
            let f = (time_s - a.time_s) / (b.time_s - a.time_s);
            return Some(RayPoint {
                distance_deg: a.distance_deg + f * (b.distance_deg - a.distance_deg),
                depth_km: a.depth_km + f * (b.depth_km - a.depth_km),
                time_s,
            });
        }
    }
    None
}

/// The wave a phase leaves the source as.
fn phase_wave(name: &str) -> Wave {
    if name.starts_with(['S', 's']) {
        Wave::S
    } else {
        Wave::P
    }
}

/// The legs a phase is made of, each as (distance rad, time s, how it
/// ended): read from the tables at a grid point, or integrated exactly at
/// any ray parameter. [`SourceTimes::compose`] puts them together.
trait Legs {
    /// From the source up to the surface.
    fn up(&self, w: Wave) -> Option<(f64, f64)>;
    /// From the source down to where the ray turns in the mantle or meets
    /// the core.
    fn down(&self, w: Wave) -> Option<(f64, f64, LegEnd)>;
    /// P through the outer core, to where it turns or meets the inner core.
    fn outer_core(&self) -> (f64, f64, LegEnd);
    /// P into the inner core.
    fn inner_core(&self) -> (f64, f64, LegEnd);
}

/// Legs from the prepared tables, at grid index `i`.
struct TableLegs<'a, 'b> {
    st: &'a SourceTimes<'b>,
    i: usize,
}

impl TableLegs<'_, '_> {
    /// The whole leg of region `r` from its top, from the table.
    fn whole(&self, w: Wave, r: Region) -> (f64, f64, LegEnd) {
        let t = self.st.tau.table(w, r);
        let i = self.i;
        (
            t.dist[i].last().copied().unwrap_or(0.0),
            t.time[i].last().copied().unwrap_or(0.0),
            t.end[i],
        )
    }
}

impl Legs for TableLegs<'_, '_> {
    fn up(&self, w: Wave) -> Option<(f64, f64)> {
        self.st.tau.mantle_to(w, self.i, self.st.r_src)
    }

    fn down(&self, w: Wave) -> Option<(f64, f64, LegEnd)> {
        // The mantle leg from the surface, less the part above the source.
        let (sd, st) = self.up(w)?;
        let (md, mt, end) = self.whole(w, Region::Mantle);
        Some((md - sd, mt - st, end))
    }

    fn outer_core(&self) -> (f64, f64, LegEnd) {
        self.whole(Wave::P, Region::OuterCore)
    }

    fn inner_core(&self) -> (f64, f64, LegEnd) {
        self.whole(Wave::P, Region::InnerCore)
    }
}

/// Legs integrated again at ray parameter `p`.
struct ExactLegs<'a, 'b> {
    st: &'a SourceTimes<'b>,
    p: f64,
}

impl Legs for ExactLegs<'_, '_> {
    fn up(&self, w: Wave) -> Option<(f64, f64)> {
        let (d, t, e) = self.st.tau.leg(w, self.p, EARTH_RADIUS_KM, self.st.r_src);
        (e == LegEnd::Reached).then_some((d, t))
    }

    fn down(&self, w: Wave) -> Option<(f64, f64, LegEnd)> {
        let tau = self.st.tau;
        Some(tau.leg(w, self.p, self.st.r_src, tau.r_cmb))
    }

    fn outer_core(&self) -> (f64, f64, LegEnd) {
        let tau = self.st.tau;
        tau.leg(Wave::P, self.p, tau.r_cmb, tau.r_icb)
    }

    fn inner_core(&self) -> (f64, f64, LegEnd) {
        let tau = self.st.tau;
        tau.leg(Wave::P, self.p, tau.r_icb, 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::physics::earth;

    /// A homogeneous sphere: rays are straight chords, so the direct P time
    /// is the chord length over the speed.
    #[test]
    fn homogeneous_sphere_gives_straight_rays() {
        let v = 8.0;
        let m = EarthModel {
            name: "uniform".into(),
            nodes: vec![
                (0.0, v, 4.0, 3.0),
                (2000.0, v, 4.0, 3.0),
                (2000.0, 9.0, 0.0, 10.0),
                (5000.0, 9.0, 0.0, 10.0),
                (5000.0, 10.0, 3.0, 12.0),
                (6371.0, 10.0, 3.0, 12.0),
            ],
        };
        let tau = TauModel::new(m).unwrap();
        let src = tau.source(0.0);
        for deg in [5.0f64, 10.0, 20.0, 30.0] {
            let chord = 2.0 * EARTH_RADIUS_KM * (deg.to_radians() / 2.0).sin();
            let a = src.first(Wave::P, deg).unwrap();
            assert!(
                (a.time_s - chord / v).abs() < 1e-3,
                "{deg}: {} vs {}",
                a.time_s,
                chord / v
            );
        }
    }

    #[test]
    fn ray_paths_end_at_the_receiver_at_the_arrival_time() {
        let tau = TauModel::new(earth::iasp91()).unwrap();
        let src = tau.source(100.0);
        for (phase, dist) in [
            ("P", 40.0),
            ("PKIKP", 150.0),
            ("ScS", 30.0),
            ("pP", 50.0),
            ("Pdiff", 120.0),
            ("p", 3.0),
        ] {
            let a = src
                .arrivals(dist, &[phase])
                .into_iter()
                .next()
                .unwrap_or_else(|| panic!("{phase}"));
            let path = src.ray_path(&a);
            let end = path.last().unwrap();
            assert!(
                (end.distance_deg - dist).abs() < 0.05,
                "{phase}: ends at {}",
                end.distance_deg
            );
            assert!(
                end.depth_km.abs() < 0.5,
                "{phase}: ends at depth {}",
                end.depth_km
            );
            assert!(
                (end.time_s - a.time_s).abs() < 0.5,
                "{phase}: {} vs {}",
                end.time_s,
                a.time_s
            );
            assert!((path[0].depth_km - 100.0).abs() < 1e-9);
        }
        let pkikp = src.arrivals(150.0, &["PKIKP"]).remove(0);
        let deepest = src
            .ray_path(&pkikp)
            .iter()
            .map(|p| p.depth_km)
            .fold(0.0, f64::max);
        assert!(deepest > 5153.9, "PKIKP turns in the inner core");
    }

    #[test]
    fn p_fronts_leave_a_shadow_between_about_103_and_142_degrees() {
        let tau = TauModel::new(earth::iasp91()).unwrap();
        let src = tau.source(10.0);
        // Where each ray comes back to the surface.
        let fan = src.ray_fan(Wave::P, 600);
        let emerge = |names: &[&str]| -> Vec<f64> {
            fan.iter()
                .filter(|(ph, path)| {
                    names.contains(ph) && path.last().is_some_and(|p| p.depth_km < 1.0)
                })
                .map(|(_, path)| path.last().unwrap().distance_deg)
                .collect()
        };
        // Direct P reaches about 98-100 degrees and no farther; the outer-core
        // waves come back only beyond about 143 degrees (the PKP caustic).
        let max_direct = emerge(&["P", "p"]).into_iter().fold(0.0, f64::max);
        assert!(max_direct > 95.0 && max_direct < 103.0, "{max_direct}");
        let min_core = emerge(&["PKP"]).into_iter().fold(180.0, f64::min);
        assert!(min_core > 142.0 && min_core < 150.0, "{min_core}");
        // A front half-way through the crossing has points in the mantle and the core.
        let front = src.wavefront(Wave::P, 600.0, 200);
        assert!(front.iter().any(|(_, p)| p.depth_km > 2889.0));
        assert!(front.iter().any(|(_, p)| p.depth_km < 2889.0));
    }

    #[test]
    fn iasp91_p_at_30_degrees_is_about_six_minutes() {
        let tau = TauModel::new(earth::iasp91()).unwrap();
        let a = tau.source(10.0).first(Wave::P, 30.0).unwrap();
        assert_eq!(a.phase, "P");
        assert!((a.time_s - 370.0).abs() < 5.0, "{}", a.time_s);
    }
}
