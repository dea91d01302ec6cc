//! Location of the real 2019 Ridgecrest Mw 7.1 mainshock from the
//! automatic P picks at ten CI stations
//! (`../shared/data/waveforms/ridgecrest-2019-m7.1/ci38457511_stations_picks.json`):
//! the epicentre must fall within 5 km of the published one and the origin
//! time within 1 s.

use std::collections::BTreeMap;

use serde_json::Value;

use quakehall::domain::physics::earth::EarthModel;
use quakehall::domain::physics::geo::{distance_deg, km_per_deg};
use quakehall::domain::physics::locate::{PicksFile, StationPicks, locate};
use quakehall::domain::physics::taup::TauModel;
use quakehall::domain::waveform::UtcTime;

use super::waveforms::shared_data;

/// The shared picks in `quakehall locate`'s input format.
pub fn ridgecrest_picks() -> Option<(PicksFile, Value)> {
    let data = shared_data()?;
    let path = data.join("waveforms/ridgecrest-2019-m7.1/ci38457511_stations_picks.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let stations = v["stations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let mut picks = BTreeMap::new();
            picks.insert(
                "P".to_owned(),
                s["P_pick"]["P"].as_str().unwrap().to_owned(),
            );
            StationPicks {
                id: format!(
                    "{}.{}",
                    s["network"].as_str().unwrap(),
                    s["station"].as_str().unwrap()
                ),
                latitude: s["latitude"].as_f64().unwrap(),
                longitude: s["longitude"].as_f64().unwrap(),
                elevation_m: s["elevation_m"].as_f64().unwrap_or(0.0),
                picks,
            }
        })
        .collect();
    Some((PicksFile { stations }, v["event"].clone()))
}

#[test]
fn ridgecrest_is_located_within_5_km_and_1_s() {
    let Some((picks, event)) = ridgecrest_picks() else {
        return;
    };
    for model in ["iasp91", "ak135"] {
        let tau = TauModel::new(EarthModel::by_name(model).unwrap()).unwrap();
        let sol = locate(&picks, &tau).unwrap();
        let (lat, lon) = (
            event["latitude"].as_f64().unwrap(),
            event["longitude"].as_f64().unwrap(),
        );
        let origin = UtcTime::parse_iso(event["origin_time"].as_str().unwrap()).unwrap();
        let off_km = distance_deg(lat, lon, sol.latitude, sol.longitude) * km_per_deg();
        let dt = sol.origin_time.secs_since(origin);
        println!(
            "{model}: {:.4} {:.4} depth {:.1} km, {} ({off_km:.2} km and {dt:+.2} s from the published solution), rms {:.3} s, ±{:.1}/{:.1} km",
            sol.latitude,
            sol.longitude,
            sol.depth_km,
            sol.origin_time,
            sol.rms_s,
            sol.uncertainty.latitude_km,
            sol.uncertainty.longitude_km
        );
        assert!(off_km < 5.0, "{model}: epicentre {off_km:.2} km off");
        assert!(dt.abs() < 1.0, "{model}: origin time {dt:.2} s off");
    }
}
