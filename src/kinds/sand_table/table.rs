//! The sand table: its block of ground, the stations on it, the quake a
//! tap sets off and how each station flashes as the waves arrive. The
//! relief is in [`super::terrain`], the quake's arrivals and records in
//! [`super::quake`], the drawing in [`super::render`] and
//! [`super::records`].

use super::SandTableParams;
use super::quake::{StationArrival, TableQuake};
use super::render::TableView;
use super::terrain::Relief;
use crate::domain::draw::canvas::Rgba;
use crate::domain::draw::view3d::OrbitCamera;
use crate::domain::physics::earth::EarthModel;
use crate::domain::physics::geo::km_per_deg;
use crate::domain::physics::taup::TauModel;
use crate::domain::scene::Area;

/// Depth of the block of ground under the table, km (true scale).
pub const BLOCK_DEPTH_KM: f32 = 30.0;

/// Station colours, hall first; used on the table and beside the records.
pub const STATION_COLOURS: [Rgba; 6] = [
    Rgba::hex(0xff9f1c),
    Rgba::hex(0xff70a6),
    Rgba::hex(0x2ec4b6),
    Rgba::hex(0xb388eb),
    Rgba::hex(0x9bc53d),
    Rgba::hex(0xe84855),
];

/// A station on the table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableStation {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Position on the table, km east and north of the south-west corner.
    pub xy: (f32, f32),
    /// The current quake's arrivals here.
    pub arrival: Option<StationArrival>,
}

/// What a station shows at the clock's time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Flash {
    /// Nothing has arrived yet.
    Waiting,
    /// The P wave is arriving: strength 1 fading to 0.
    P(f32),
    /// The P wave has passed, the S wave is still to come.
    BetweenPAndS,
    /// The S wave is arriving: strength 1 fading to 0.
    S(f32),
    /// Both have passed; the record goes on.
    After,
}

/// The sand table: relief, stations, the quake and the view.
#[derive(Debug, Clone)]
pub struct SandTable {
    area: Area,
    /// Width (east-west) and height (north-south) of the table, km.
    pub size_km: (f32, f32),
    /// The ground's heights and colours.
    pub relief: Relief,
    pub(super) model: EarthModel,
    pub(super) tau: std::sync::Arc<TauModel>,
    /// Depths of the layer boundaries inside the block, km.
    pub(super) layers: Vec<f32>,
    /// Depth of the quakes a tap sets off, km.
    pub depth_km: f64,
    /// The magnitude the next tap sets off.
    pub magnitude: f64,
    /// The stations, the hall first.
    pub stations: Vec<TableStation>,
    /// The current quake.
    pub quake: Option<TableQuake>,
    /// The view the visitor turns, and its last picture.
    pub view: TableView,
    /// Seed of the records' noise (changes with every quake).
    pub(super) seed: u64,
    /// When the last tap set off a quake.
    last_tap_s: Option<f64>,
}

/// Shortest time between two quakes set off by taps, s.
pub const MIN_QUAKE_GAP_S: f64 = 0.4;

impl SandTable {
    /// Builds the table for a scene, or says why it cannot.
    pub fn new(p: &SandTableParams) -> Result<Self, String> {
        let tau = TauModel::shared(&p.model)
            .ok_or_else(|| format!("unknown Earth model \"{}\"", p.model))?;
        let model = tau.model.clone();
        let a = p.area;
        let kpd = km_per_deg() as f32;
        let mid_lat = ((a.south + a.north) / 2.0).to_radians().cos() as f32;
        let size_km = (
            (a.east - a.west) as f32 * kpd * mid_lat,
            (a.north - a.south) as f32 * kpd,
        );
        if !(size_km.0 > 1.0 && size_km.1 > 1.0) {
            return Err("the area has no size".into());
        }
        let layers = model
            .discontinuities()
            .into_iter()
            .map(|d| d as f32)
            .filter(|&d| d > 0.0 && d < BLOCK_DEPTH_KM)
            .collect();
        let to_xy = |lat: f64, lon: f64| {
            (
                ((lon - a.west) / (a.east - a.west)) as f32 * size_km.0,
                ((lat - a.south) / (a.north - a.south)) as f32 * size_km.1,
            )
        };
        let relief = Relief::new(size_km, p.relief_exaggeration.clamp(1.0, 20.0), to_xy);
        let mut t = Self {
            area: a,
            size_km,
            relief,
            model,
            tau,
            layers,
            depth_km: p.depth_km.clamp(0.5, 40.0),
            magnitude: p.magnitudes.first().copied().unwrap_or(4.0) as f64,
            stations: Vec::new(),
            quake: None,
            view: TableView::new(OrbitCamera::new(
                0.0,
                48.0,
                size_km.0.max(size_km.1) * 1.4,
                [size_km.0 / 2.0, size_km.1 / 2.0 - size_km.1 * 0.08, 0.0],
            )),
            seed: 1,
            last_tap_s: None,
        };
        t.stations = std::iter::once(&p.hall)
            .chain(&p.stations)
            .map(|s| TableStation {
                lat: s.lat,
                lon: s.lon,
                xy: t.to_xy(s.lat, s.lon),
                arrival: None,
            })
            .collect();
        Ok(t)
    }

    /// Table position (km east and north of the south-west corner) of a place.
    pub fn to_xy(&self, lat: f64, lon: f64) -> (f32, f32) {
        let a = self.area;
        (
            ((lon - a.west) / (a.east - a.west)) as f32 * self.size_km.0,
            ((lat - a.south) / (a.north - a.south)) as f32 * self.size_km.1,
        )
    }

    /// The place at a table position.
    pub fn to_latlon(&self, x: f32, y: f32) -> (f64, f64) {
        let a = self.area;
        (
            a.south + (y / self.size_km.1) as f64 * (a.north - a.south),
            a.west + (x / self.size_km.0) as f64 * (a.east - a.west),
        )
    }

    /// A tap at pixel (`x`, `y`) of the last picture at `now_s` (any
    /// steady clock): a quake under the ground there, if the tap hit the
    /// ground and the last quake is at least [`MIN_QUAKE_GAP_S`] old (each
    /// quake synthesises five records; a hand drumming on the screen must
    /// not stall the hall). Returns whether it set one off.
    pub fn tap(&mut self, x: f32, y: f32, now_s: f64) -> bool {
        if self
            .last_tap_s
            .is_some_and(|t| now_s >= t && now_s - t < MIN_QUAKE_GAP_S)
        {
            return false;
        }
        let Some([gx, gy]) = self.view.ground_at(x, y) else {
            return false;
        };
        self.last_tap_s = Some(now_s);
        let (lat, lon) = self.to_latlon(gx, gy);
        self.quake_at(lat, lon);
        true
    }

    /// Moves the quake's clock on by `dt` seconds of travel.
    pub fn advance(&mut self, dt: f64) {
        if let Some(q) = self.quake.as_mut()
            && dt.is_finite()
            && dt > 0.0
        {
            q.clock_s = (q.clock_s + dt).min(q.window_s + 5.0);
        }
    }

    /// Whether the current quake's story has ended (records complete).
    pub fn finished(&self) -> bool {
        self.quake.as_ref().is_some_and(|q| q.clock_s >= q.window_s)
    }

    /// What station `i` shows now.
    pub fn flash(&self, i: usize) -> Flash {
        let (Some(q), Some(a)) = (
            self.quake.as_ref(),
            self.stations.get(i).and_then(|s| s.arrival.as_ref()),
        ) else {
            return Flash::Waiting;
        };
        let t = q.clock_s;
        if t < a.p_s {
            Flash::Waiting
        } else if t < a.s_s {
            let k = ((t - a.p_s) / 1.5) as f32;
            if k < 1.0 {
                Flash::P(1.0 - k)
            } else {
                Flash::BetweenPAndS
            }
        } else {
            let k = ((t - a.s_s) / 2.5) as f32;
            if k < 1.0 {
                Flash::S(1.0 - k)
            } else {
                Flash::After
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::card::example_params;
    use super::*;
    use crate::domain::physics::geo::distance_deg;
    use crate::domain::physics::taup::Wave;

    fn params() -> SandTableParams {
        example_params()
    }

    #[test]
    fn the_rings_reach_each_station_when_it_flashes() {
        let mut t = SandTable::new(&params()).unwrap();
        t.quake_at(29.70, 106.30);
        let q = t.quake.clone().unwrap();
        for i in 0..t.stations.len() {
            let a = t.stations[i].arrival.clone().unwrap();
            let (x, y) = t.stations[i].xy;
            let d = (x - q.xy.0).hypot(y - q.xy.1) as f64;
            // The table is flat-projected: its distances match the
            // great-circle ones to a fraction of a percent.
            assert!((d - a.distance_km).abs() < a.distance_km * 0.005 + 0.05);
            let rp = q.fronts.surface_radius(Wave::P, a.p_s).unwrap();
            let rs = q.fronts.surface_radius(Wave::S, a.s_s).unwrap();
            assert!(
                (rp - a.distance_km).abs() < 0.1,
                "P ring {rp} vs {}",
                a.distance_km
            );
            assert!(
                (rs - a.distance_km).abs() < 0.1,
                "S ring {rs} vs {}",
                a.distance_km
            );
            let at = |s: f64| {
                let mut t = t.clone();
                t.quake.as_mut().unwrap().clock_s = s;
                t.flash(i)
            };
            assert_eq!(at(a.p_s - 0.05), Flash::Waiting);
            assert!(matches!(at(a.p_s + 0.05), Flash::P(k) if k > 0.9));
            assert!(matches!(
                at(a.s_s - 0.05),
                Flash::P(_) | Flash::BetweenPAndS
            ));
            assert!(matches!(at(a.s_s + 0.05), Flash::S(k) if k > 0.9));
            assert_eq!(at(a.s_s + 10.0), Flash::After);
        }
        // Under the ground the front grows up from the hypocentre and its
        // rim is the surface ring.
        let f = &q.fronts;
        let first = f.time_at(Wave::P, 0.0).unwrap();
        assert!((f.sphere_radius(Wave::P, first / 2.0) - 4.0).abs() < 1e-6);
        let r = f.surface_radius(Wave::P, 10.0).unwrap();
        assert!((f.sphere_radius(Wave::P, 10.0) - r.hypot(8.0)).abs() < 1e-9);
    }

    #[test]
    fn a_tap_on_the_picture_sets_off_a_quake_under_that_spot() {
        let mut t = SandTable::new(&params()).unwrap();
        assert!(!t.tap(10.0, 10.0, 0.0), "no picture drawn yet");
        t.draw(320, 200);
        let (x, y) = t.to_xy(29.70, 106.30);
        let proj = t.view.camera.projector(320, 200);
        let (px, py, _) = proj.project([x, y, t.relief.surface_z(x, y)]).unwrap();
        assert!(t.tap(px, py, 1.0));
        let q = t.quake.as_ref().unwrap();
        let km = distance_deg(q.lat, q.lon, 29.70, 106.30) * km_per_deg();
        assert!(km < 1.5, "quake {km:.2} km from the tap");
        // While the view turns it is drawn at half size and doubled; taps
        // still land where they should.
        t.view.camera.apply(
            crate::domain::touch::Gesture::Orbit(40.0, 0.0),
            200.0,
        );
        t.draw(320, 200);
        assert_eq!(t.view.picture().width, 320);
        assert_eq!(t.view.raster.canvas.width, 160);
        let proj = t.view.camera.projector(320, 200);
        let (qx, qy, _) = proj.project([x, y, t.relief.surface_z(x, y)]).unwrap();
        let [gx, gy] = t.view.ground_at(qx, qy).unwrap();
        assert!((gx - x).hypot(gy - y) < 2.5, "{gx} {gy} vs {x} {y}");
        // Still again: sharp.
        t.draw(320, 200);
        assert_eq!(t.view.raster.canvas.width, 320);
        // The sky is not ground; taps too soon after a quake are ignored.
        assert!(!t.tap(160.0, 1.0, 5.0));
        assert!(!t.tap(px, py, 1.2));
        assert!(t.tap(px, py, 1.5));
        // Time runs, the story ends, bad steps are ignored.
        t.advance(f64::NAN);
        t.advance(-5.0);
        assert_eq!(t.quake.as_ref().unwrap().clock_s, 0.0);
        t.advance(1e6);
        assert!(t.finished());
    }

}
