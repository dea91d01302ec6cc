//! Distances and azimuths on a spherical Earth, with geographic latitudes
//! turned into geocentric ones (WGS84 flattening), as seismic location
//! programs do for travel-time distances.

use super::earth::EARTH_RADIUS_KM;

/// WGS84 flattening.
pub const FLATTENING: f64 = 1.0 / 298.257_223_563;

/// Geocentric latitude (degrees) of a geographic latitude (degrees).
pub fn geocentric_lat(lat_deg: f64) -> f64 {
    let e2 = FLATTENING * (2.0 - FLATTENING);
    ((1.0 - e2) * lat_deg.to_radians().tan())
        .atan()
        .to_degrees()
}

/// Epicentral distance in degrees between two points (geographic degrees).
pub fn distance_deg(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (
        geocentric_lat(lat1).to_radians(),
        geocentric_lat(lat2).to_radians(),
    );
    let dl = (lon2 - lon1).to_radians();
    // Haversine: accurate at small and large distances alike.
    let a = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    (2.0 * a.sqrt().min(1.0).asin()).to_degrees()
}

/// Azimuth (degrees clockwise from north) from point 1 to point 2.
pub fn azimuth_deg(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (
        geocentric_lat(lat1).to_radians(),
        geocentric_lat(lat2).to_radians(),
    );
    let dl = (lon2 - lon1).to_radians();
    let y = dl.sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
    y.atan2(x).to_degrees().rem_euclid(360.0)
}

/// Kilometres along the surface per degree of epicentral distance.
pub fn km_per_deg() -> f64 {
    EARTH_RADIUS_KM * std::f64::consts::PI / 180.0
}

/// The point `distance_deg` away from (lat, lon) along `azimuth_deg` (geocentric sphere).
pub fn destination(lat: f64, lon: f64, azimuth_deg: f64, distance_deg: f64) -> (f64, f64) {
    let (p1, l1) = (lat.to_radians(), lon.to_radians());
    let (az, d) = (azimuth_deg.to_radians(), distance_deg.to_radians());
    let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * az.cos()).asin();
    let l2 = l1 + (az.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
    (
        p2.to_degrees(),
        (l2.to_degrees() + 540.0).rem_euclid(360.0) - 180.0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ridgecrest_station_distance_matches_obspy_within_half_a_percent() {
        // CI.CCC from the 2019 Ridgecrest epicentre: ObsPy (WGS84 ellipsoid) 0.31003 deg, az 141.846.
        let d = distance_deg(35.7695, -117.5993333, 35.52495, -117.36453);
        assert!((d - 0.31003).abs() / 0.31003 < 0.005, "{d}");
        let az = azimuth_deg(35.7695, -117.5993333, 35.52495, -117.36453);
        assert!((az - 141.846).abs() < 0.5, "{az}");
        assert!((distance_deg(0.0, 0.0, 0.0, 180.0) - 180.0).abs() < 1e-9);
    }

    #[test]
    fn destination_inverts_distance_and_azimuth() {
        let (lat, lon) = destination(29.56, 106.55, 60.0, 3.0);
        assert!((azimuth_deg(29.56, 106.55, lat, lon) - 60.0).abs() < 0.5);
    }
}
