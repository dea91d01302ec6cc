//! The card of "Early-warning countdown": the Wenchuan quake's fronts
//! spreading over the regional map, the stations that heard P lit, the
//! blind zone and the cities.

use super::countdown::{City, Countdown, Event, MAP_PX, Quake};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::card_from_picture;
use crate::domain::physics::taup::TauModel;
use crate::domain::physics::warning::WarningSystem;
use crate::domain::text::Bilingual;

/// The card picture.
pub fn early_warning() -> Canvas {
    let bg = Rgba::hex(0x16324a);
    let Some(tau) = TauModel::shared("iasp91") else {
        return card_from_picture(&Canvas::new(MAP_PX, MAP_PX, bg));
    };
    let n = |s: &str| Bilingual::new(s, s);
    let stations = [
        (31.48, 103.59),
        (31.00, 103.62),
        (31.47, 104.68),
        (30.66, 104.07),
        (29.98, 103.01),
        (29.55, 103.77),
        (30.53, 105.59),
        (29.58, 105.06),
        (29.83, 106.40),
    ];
    let cities = [
        City { name: n("Chongqing"), at: (29.56, 106.55) },
        City { name: n("Chengdu"), at: (30.66, 104.07) },
    ];
    let quake = Quake {
        name: n("Wenchuan"),
        at: (31.0, 103.4),
        depth_km: 14.0,
        magnitude: 8.0,
    };
    let Some(e) = Event::new(&tau, quake, &stations, &cities, WarningSystem::default()) else {
        return card_from_picture(&Canvas::new(MAP_PX, MAP_PX, bg));
    };
    let st = stations.iter().map(|&(a, b)| (n(""), a, b)).collect();
    let mut c = Countdown::new(vec![e], st, cities.to_vec());
    c.start(0);
    let t = c.event().alert_s + 12.0;
    c.advance(t);
    let mut map = Canvas::new(MAP_PX, MAP_PX, bg);
    c.draw(&mut map);
    card_from_picture(&map)
}
