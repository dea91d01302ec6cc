//! The card of the sand table, and the table it shows: like the shipped
//! scene's, so the card and the tests see the same Chongqing.

use super::SandTableParams;
use super::table::SandTable;
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};
use crate::domain::scene::{Area, LatLon, Place};
use crate::domain::text::Bilingual;

/// The card: the table a few seconds after a quake south of the city, P
/// and S rings on the relief, the stations lit as the waves pass.
pub fn sand_table() -> Canvas {
    let p = example_params();
    let Ok(mut t) = SandTable::new(&p) else {
        return Canvas::new(W, H, Rgba::hex(0x0e2233));
    };
    if let Some(q) = p.opening_quake {
        t.quake_at(q.lat, q.lon);
    }
    t.advance(7.0);
    t.draw(W, H);
    t.view.picture().clone()
}

/// A table like the shipped scene's (`scenes/09-sand-table.ron`), for the
/// preview picture and the tests.
pub fn example_params() -> SandTableParams {
    let place = |zh: &str, en: &str, lat, lon| Place {
        name: Bilingual::new(zh, en),
        lat,
        lon,
    };
    SandTableParams {
        intro: Bilingual::new("点一下沙盘", "Tap the table"),
        area: Area {
            south: 29.2,
            north: 30.1,
            west: 106.0,
            east: 107.15,
        },
        relief_exaggeration: 6.0,
        model: "chongqing".into(),
        depth_km: 8.0,
        magnitudes: vec![3.0, 4.0, 5.0, 6.0],
        hall: place("科技馆", "The hall", 29.56, 106.55),
        stations: vec![
            place("北碚", "Beibei", 29.83, 106.43),
            place("江津", "Jiangjin", 29.29, 106.26),
            place("长寿", "Changshou", 29.86, 107.08),
            place("璧山", "Bishan", 29.59, 106.23),
        ],
        speedup: 1.0,
        opening_quake: Some(LatLon {
            lat: 29.40,
            lon: 106.62,
        }),
        preview: "pictures/sand-table.png".into(),
    }
}

