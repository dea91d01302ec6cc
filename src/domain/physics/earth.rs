//! Radial Earth models: P and S velocity and density at any depth, and the
//! named boundaries (Moho, 410, 660, core-mantle, inner-core).
//!
//! - **iasp91**: Kennett, B.L.N. & Engdahl, E.R. (1991), Traveltimes for
//!   global earthquake location and phase identification, Geophys. J. Int.
//!   105, 429-465, Table 1: velocities as polynomials in normalised radius.
//!   iasp91 defines no density; densities here follow ak135 at the same depth.
//! - **ak135**: Kennett, B.L.N., Engdahl, E.R. & Buland, R. (1995),
//!   Constraints on seismic velocities in the Earth from traveltimes,
//!   Geophys. J. Int. 122, 108-124: the published table, velocities linear
//!   in depth between its rows.
//! - **chongqing**: a layered crust for local events in the eastern Sichuan
//!   Basin over the ak135 mantle: sediments, upper and lower crust, Moho at
//!   42 km (CRUST1.0, Laske et al. 2013, gives 40-45 km there). A teaching
//!   model for the sand table, not a published regional model.

/// Earth radius used by all models, km.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// One row of a model table: depth (km), Vp, Vs (km/s), density (g/cm³).
/// Two rows with the same depth are a discontinuity (above, then below).
pub type Node = (f64, f64, f64, f64);

/// A radial Earth model as rows linear in depth between them.
#[derive(Debug, Clone, PartialEq)]
pub struct EarthModel {
    /// Model name (`iasp91`, `ak135`).
    pub name: String,
    /// The rows, depth increasing to the centre.
    pub nodes: Vec<Node>,
}

/// A named boundary of a model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Boundary {
    /// Depth in km.
    pub depth_km: f64,
}

/// Which side of a discontinuity a value is wanted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Just above (shallower).
    Above,
    /// Just below (deeper).
    Below,
}

impl EarthModel {
    /// The names [`EarthModel::by_name`] knows.
    pub const NAMES: [&'static str; 3] = ["iasp91", "ak135", "chongqing"];

    /// A model by name: `iasp91`, `ak135` or `chongqing`.
    pub fn by_name(name: &str) -> Option<EarthModel> {
        match name.to_ascii_lowercase().as_str() {
            "iasp91" => Some(iasp91()),
            "ak135" => Some(ak135()),
            "chongqing" => Some(chongqing()),
            _ => None,
        }
    }

    /// Reads a TauP `.tvel` table (two comment lines, then depth, Vp, Vs, density).
    pub fn from_tvel(name: &str, text: &str) -> Result<EarthModel, String> {
        let mut nodes = Vec::new();
        for (i, line) in text.lines().enumerate().skip(2) {
            let f: Vec<f64> = line
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            if f.is_empty() {
                continue;
            }
            if f.len() < 3 {
                return Err(format!("line {}: expected depth, Vp, Vs[, density]", i + 1));
            }
            nodes.push((f[0], f[1], f[2], f.get(3).copied().unwrap_or(0.0)));
        }
        if nodes.len() < 2 {
            return Err("a model needs at least two rows".into());
        }
        Ok(EarthModel {
            name: name.into(),
            nodes,
        })
    }

    fn locate(&self, depth: f64, side: Side) -> (Node, Node) {
        let n = &self.nodes;
        let depth = depth.clamp(n[0].0, n[n.len() - 1].0);
        // The interval whose depth range contains `depth`, choosing at a
        // discontinuity the interval above or below.
        let mut best = (n[0], n[1]);
        for w in n.windows(2) {
            let (a, b) = (w[0], w[1]);
            if b.0 <= a.0 {
                continue;
            }
            let inside = match side {
                Side::Above => depth > a.0 && depth <= b.0,
                Side::Below => depth >= a.0 && depth < b.0,
            };
            if inside {
                return (a, b);
            }
            best = (a, b);
        }
        best
    }

    fn interp(&self, depth: f64, side: Side, f: impl Fn(&Node) -> f64) -> f64 {
        let (a, b) = self.locate(depth, side);
        if b.0 <= a.0 {
            return f(&a);
        }
        let t = ((depth - a.0) / (b.0 - a.0)).clamp(0.0, 1.0);
        f(&a) + t * (f(&b) - f(&a))
    }

    /// P velocity (km/s) at `depth_km` (below a discontinuity at that depth).
    pub fn vp(&self, depth_km: f64) -> f64 {
        self.interp(depth_km, Side::Below, |n| n.1)
    }

    /// S velocity (km/s) at `depth_km` (0 in the liquid outer core).
    pub fn vs(&self, depth_km: f64) -> f64 {
        self.interp(depth_km, Side::Below, |n| n.2)
    }

    /// Density (g/cm³) at `depth_km`.
    pub fn density(&self, depth_km: f64) -> f64 {
        self.interp(depth_km, Side::Below, |n| n.3)
    }

    /// Vp, Vs and density on one side of `depth_km`.
    pub fn at(&self, depth_km: f64, side: Side) -> (f64, f64, f64) {
        (
            self.interp(depth_km, side, |n| n.1),
            self.interp(depth_km, side, |n| n.2),
            self.interp(depth_km, side, |n| n.3),
        )
    }

    /// Depths where the model is discontinuous.
    pub fn discontinuities(&self) -> Vec<f64> {
        self.nodes
            .windows(2)
            .filter(|w| w[0].0 == w[1].0)
            .map(|w| w[0].0)
            .collect()
    }

    /// A named boundary: `moho`, `410`, `660`, `cmb` (core-mantle) or `icb`
    /// (inner-core), found from the velocities rather than assumed.
    pub fn boundary(&self, name: &str) -> Option<Boundary> {
        let d = self.discontinuities();
        let depth =
            match name {
                // The first jump to mantle velocities.
                "moho" => d.iter().copied().find(|&z| {
                    self.at(z, Side::Below).0 > 7.6 && self.at(z, Side::Above).0 < 7.6
                })?,
                "410" => d
                    .iter()
                    .copied()
                    .filter(|z| (*z - 410.0).abs() < 30.0)
                    .min_by(|a, b| (a - 410.0).abs().total_cmp(&(b - 410.0).abs()))?,
                "660" => d
                    .iter()
                    .copied()
                    .filter(|z| (*z - 660.0).abs() < 30.0)
                    .min_by(|a, b| (a - 660.0).abs().total_cmp(&(b - 660.0).abs()))?,
                // Where S disappears (the liquid outer core begins) and comes back.
                "cmb" => d.iter().copied().find(|&z| {
                    self.at(z, Side::Below).1 == 0.0 && self.at(z, Side::Above).1 > 0.0
                })?,
                "icb" => d.iter().copied().find(|&z| {
                    self.at(z, Side::Below).1 > 0.0 && self.at(z, Side::Above).1 == 0.0
                })?,
                _ => return None,
            };
        Some(Boundary { depth_km: depth })
    }
}

/// iasp91 velocities at depth `d` km on one side of a discontinuity
/// (Kennett & Engdahl 1991, Table 1; x = r / 6371 km).
pub fn iasp91_velocity(d: f64, side: Side) -> (f64, f64) {
    let x = (EARTH_RADIUS_KM - d) / EARTH_RADIUS_KM;
    let below = |z: f64| d > z || (d == z && side == Side::Below);
    if !below(20.0) {
        (5.80, 3.36)
    } else if !below(35.0) {
        (6.50, 3.75)
    } else if !below(120.0) {
        (8.78541 - 0.74953 * x, 6.706231 - 2.248585 * x)
    } else if !below(210.0) {
        (25.41389 - 17.69722 * x, 5.75020 - 1.27420 * x)
    } else if !below(410.0) {
        (30.78765 - 23.25415 * x, 15.24213 - 11.08552 * x)
    } else if !below(660.0) {
        (29.38896 - 21.40656 * x, 17.70732 - 13.50652 * x)
    } else if !below(760.0) {
        (25.96984 - 16.93412 * x, 20.76890 - 16.53147 * x)
    } else if !below(2740.0) {
        (
            25.1486 - 41.1538 * x + 51.9932 * x * x - 26.6083 * x * x * x,
            12.9303 - 21.2590 * x + 27.8988 * x * x - 14.1080 * x * x * x,
        )
    } else if !below(2889.0) {
        (14.49470 - 1.47089 * x, 8.16616 - 1.58206 * x)
    } else if !below(5153.9) {
        (10.03904 + 3.75665 * x - 13.67046 * x * x, 0.0)
    } else {
        (11.24094 - 4.09689 * x * x, 3.56454 - 3.45241 * x * x)
    }
}

/// The iasp91 model sampled every 10 km (and at each discontinuity, on
/// both sides), so that velocities linear between rows follow the
/// published polynomials to better than 0.001 km/s.
pub fn iasp91() -> EarthModel {
    let discontinuities = [
        20.0, 35.0, 120.0, 210.0, 410.0, 660.0, 760.0, 2740.0, 2889.0, 5153.9,
    ];
    let reference = ak135();
    let mut depths: Vec<f64> = (0..=637).map(|i| i as f64 * 10.0).collect();
    depths.push(EARTH_RADIUS_KM);
    depths.extend(discontinuities);
    depths.sort_by(f64::total_cmp);
    depths.dedup();
    let mut nodes = Vec::new();
    for d in depths {
        let sides: &[Side] = if discontinuities.contains(&d) {
            &[Side::Above, Side::Below]
        } else {
            &[Side::Below]
        };
        for &side in sides {
            let (vp, vs) = iasp91_velocity(d, side);
            nodes.push((d, vp, vs, reference.at(d, side).2));
        }
    }
    EarthModel {
        name: "iasp91".into(),
        nodes,
    }
}

/// ak135 as published (Kennett, Engdahl & Buland 1995).
pub fn ak135() -> EarthModel {
    EarthModel {
        name: "ak135".into(),
        nodes: AK135.to_vec(),
    }
}

/// A layered crust for local events around Chongqing over the ak135 mantle.
pub fn chongqing() -> EarthModel {
    let mut nodes = vec![
        (0.0, 4.60, 2.60, 2.45),
        (5.0, 4.60, 2.60, 2.45),
        (5.0, 6.05, 3.50, 2.75),
        (22.0, 6.15, 3.55, 2.78),
        (22.0, 6.60, 3.78, 2.92),
        (42.0, 6.80, 3.88, 2.98),
        (42.0, 8.05, 4.48, 3.33),
    ];
    nodes.extend(AK135.iter().copied().filter(|n| n.0 > 42.0));
    EarthModel {
        name: "chongqing".into(),
        nodes,
    }
}

/// ak135, Kennett, Engdahl & Buland (1995), Table 1: depth (km), Vp, Vs
/// (km/s), density (g/cm³).
#[rustfmt::skip]
pub const AK135: &[Node] = &[
    (0.000, 5.8000, 3.4600, 2.7200),
    (20.000, 5.8000, 3.4600, 2.7200),
    (20.000, 6.5000, 3.8500, 2.9200),
    (35.000, 6.5000, 3.8500, 2.9200),
    (35.000, 8.0400, 4.4800, 3.3198),
    (77.500, 8.0450, 4.4900, 3.3455),
    (120.000, 8.0500, 4.5000, 3.3713),
    (165.000, 8.1750, 4.5090, 3.3985),
    (210.000, 8.3000, 4.5180, 3.4258),
    (210.000, 8.3000, 4.5230, 3.4258),
    (260.000, 8.4825, 4.6090, 3.4561),
    (310.000, 8.6650, 4.6960, 3.4864),
    (360.000, 8.8475, 4.7830, 3.5167),
    (410.000, 9.0300, 4.8700, 3.5470),
    (410.000, 9.3600, 5.0800, 3.7557),
    (460.000, 9.5280, 5.1860, 3.8175),
    (510.000, 9.6960, 5.2920, 3.8793),
    (560.000, 9.8640, 5.3980, 3.9410),
    (610.000, 10.0320, 5.5040, 4.0028),
    (660.000, 10.2000, 5.6100, 4.0646),
    (660.000, 10.7900, 5.9600, 4.3714),
    (710.000, 10.9229, 6.0897, 4.4010),
    (760.000, 11.0558, 6.2095, 4.4305),
    (809.500, 11.1353, 6.2426, 4.4596),
    (859.000, 11.2221, 6.2798, 4.4885),
    (908.500, 11.3068, 6.3160, 4.5173),
    (958.000, 11.3896, 6.3512, 4.5459),
    (1007.500, 11.4705, 6.3854, 4.5744),
    (1057.000, 11.5495, 6.4187, 4.6028),
    (1106.500, 11.6269, 6.4510, 4.6310),
    (1156.000, 11.7026, 6.4828, 4.6591),
    (1205.500, 11.7766, 6.5138, 4.6870),
    (1255.000, 11.8491, 6.5439, 4.7148),
    (1304.500, 11.9200, 6.5727, 4.7424),
    (1354.000, 11.9895, 6.6008, 4.7699),
    (1403.500, 12.0577, 6.6285, 4.7973),
    (1453.000, 12.1245, 6.6555, 4.8245),
    (1502.500, 12.1912, 6.6815, 4.8515),
    (1552.000, 12.2550, 6.7073, 4.8785),
    (1601.500, 12.3185, 6.7326, 4.9052),
    (1651.000, 12.3819, 6.7573, 4.9319),
    (1700.500, 12.4426, 6.7815, 4.9584),
    (1750.000, 12.5031, 6.8052, 4.9847),
    (1799.500, 12.5631, 6.8286, 5.0109),
    (1849.000, 12.6221, 6.8515, 5.0370),
    (1898.500, 12.6804, 6.8742, 5.0629),
    (1948.000, 12.7382, 6.8972, 5.0887),
    (1997.500, 12.7956, 6.9194, 5.1143),
    (2047.000, 12.8526, 6.9418, 5.1398),
    (2096.500, 12.9096, 6.9627, 5.1652),
    (2146.000, 12.9668, 6.9855, 5.1904),
    (2195.500, 13.0222, 7.0063, 5.2154),
    (2245.000, 13.0783, 7.0281, 5.2403),
    (2294.500, 13.1336, 7.0500, 5.2651),
    (2344.000, 13.1894, 7.0720, 5.2898),
    (2393.500, 13.2465, 7.0931, 5.3142),
    (2443.000, 13.3018, 7.1144, 5.3386),
    (2492.500, 13.3585, 7.1369, 5.3628),
    (2542.000, 13.4156, 7.1586, 5.3869),
    (2591.500, 13.4741, 7.1807, 5.4108),
    (2640.000, 13.5312, 7.2031, 5.4345),
    (2690.000, 13.5900, 7.2258, 5.4582),
    (2740.000, 13.6494, 7.2490, 5.4817),
    (2740.000, 13.6494, 7.2490, 5.4817),
    (2789.670, 13.6530, 7.2597, 5.5051),
    (2839.330, 13.6566, 7.2704, 5.5284),
    (2891.500, 13.6602, 7.2811, 5.5515),
    (2891.500, 8.0000, 0.0000, 9.9145),
    (2939.330, 8.0382, 0.0000, 9.9942),
    (2989.660, 8.1283, 0.0000, 10.0722),
    (3039.990, 8.2213, 0.0000, 10.1485),
    (3090.320, 8.3122, 0.0000, 10.2233),
    (3140.660, 8.4001, 0.0000, 10.2964),
    (3190.990, 8.4861, 0.0000, 10.3679),
    (3241.320, 8.5692, 0.0000, 10.4378),
    (3291.650, 8.6496, 0.0000, 10.5062),
    (3341.980, 8.7283, 0.0000, 10.5731),
    (3392.310, 8.8036, 0.0000, 10.6385),
    (3442.640, 8.8761, 0.0000, 10.7023),
    (3492.970, 8.9461, 0.0000, 10.7647),
    (3543.300, 9.0138, 0.0000, 10.8257),
    (3593.640, 9.0792, 0.0000, 10.8852),
    (3643.970, 9.1426, 0.0000, 10.9434),
    (3694.300, 9.2042, 0.0000, 11.0001),
    (3744.630, 9.2634, 0.0000, 11.0555),
    (3794.960, 9.3205, 0.0000, 11.1095),
    (3845.290, 9.3760, 0.0000, 11.1623),
    (3895.620, 9.4297, 0.0000, 11.2137),
    (3945.950, 9.4814, 0.0000, 11.2639),
    (3996.280, 9.5306, 0.0000, 11.3127),
    (4046.620, 9.5777, 0.0000, 11.3604),
    (4096.950, 9.6232, 0.0000, 11.40690),
    (4147.280, 9.6673, 0.0000, 11.4521),
    (4197.610, 9.7100, 0.0000, 11.4962),
    (4247.940, 9.7513, 0.0000, 11.5391),
    (4298.270, 9.7914, 0.0000, 11.5809),
    (4348.600, 9.8304, 0.0000, 11.6216),
    (4398.930, 9.8682, 0.0000, 11.6612),
    (4449.260, 9.9051, 0.0000, 11.6998),
    (4499.600, 9.9410, 0.0000, 11.7373),
    (4549.930, 9.9761, 0.0000, 11.7737),
    (4600.260, 10.0103, 0.0000, 11.8092),
    (4650.590, 10.0439, 0.0000, 11.8437),
    (4700.920, 10.0768, 0.0000, 11.8772),
    (4801.580, 10.1415, 0.0000, 11.94140),
    (4851.910, 10.1739, 0.0000, 11.9722),
    (4902.240, 10.2049, 0.0000, 12.0001),
    (4952.580, 10.2329, 0.0000, 12.0311),
    (5002.910, 10.2565, 0.0000, 12.0593),
    (5053.240, 10.2745, 0.0000, 12.0867),
    (5103.570, 10.2854, 0.0000, 12.1133),
    (5153.500, 10.2890, 0.0000, 12.1391),
    (5153.500, 11.0427, 3.5043, 12.7037),
    (5204.610, 11.0585, 3.5187, 12.7289),
    (5255.320, 11.0718, 3.5314, 12.7530),
    (5306.040, 11.0850, 3.5435, 12.7760),
    (5356.750, 11.0983, 3.5551, 12.7980),
    (5407.460, 11.1166, 3.5661, 12.8188),
    (5458.170, 11.1316, 3.5765, 12.8387),
    (5508.890, 11.1457, 3.5864, 12.8574),
    (5559.600, 11.1590, 3.5957, 12.8751),
    (5610.310, 11.1715, 3.6044, 12.8917),
    (5661.020, 11.1832, 3.6126, 12.9072),
    (5711.740, 11.1941, 3.6202, 12.9217),
    (5813.160, 11.2134, 3.6337, 12.9474),
    (5863.870, 11.2219, 3.6396, 12.9586),
    (5914.590, 11.2295, 3.6450, 12.9688),
    (5965.300, 11.2364, 3.6498, 12.9779),
    (6016.010, 11.2424, 3.6540, 12.9859),
    (6066.720, 11.2477, 3.6577, 12.9929),
    (6117.440, 11.2521, 3.6608, 12.9988),
    (6168.150, 11.2557, 3.6633, 13.0036),
    (6218.860, 11.2586, 3.6653, 13.0074),
    (6269.570, 11.2606, 3.6667, 13.0100),
    (6320.290, 11.2618, 3.6675, 13.0117),
    (6371.000, 11.2622, 3.6678, 13.0122),];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_found_from_the_velocities() {
        let m = iasp91();
        assert_eq!(m.boundary("moho").unwrap().depth_km, 35.0);
        assert_eq!(m.boundary("410").unwrap().depth_km, 410.0);
        assert_eq!(m.boundary("660").unwrap().depth_km, 660.0);
        assert_eq!(m.boundary("cmb").unwrap().depth_km, 2889.0);
        assert_eq!(m.boundary("icb").unwrap().depth_km, 5153.9);
        let a = ak135();
        assert!((a.boundary("cmb").unwrap().depth_km - 2891.5).abs() < 0.01);
        assert!((a.boundary("icb").unwrap().depth_km - 5153.5).abs() < 0.01);
        assert_eq!(chongqing().boundary("moho").unwrap().depth_km, 42.0);
    }

    #[test]
    fn values_on_both_sides_of_a_discontinuity() {
        let m = iasp91();
        assert_eq!(m.at(35.0, Side::Above).0, 6.5);
        assert_eq!(
            m.at(35.0, Side::Below).0,
            8.04 + (8.78541 - 0.74953 * (6336.0 / 6371.0) - 8.04)
        );
        assert_eq!(m.vs(3000.0), 0.0);
        assert!(m.vs(6000.0) > 3.0);
    }
}
