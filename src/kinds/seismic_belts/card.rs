//! The card of "Plates and seismic belts": the globe over the western
//! Pacific and Asia with every M6+ earthquake since 1900 and the plate
//! boundaries.

use super::belts::{base_texture, draw_quake};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};
use crate::domain::globe::data::{parse_catalog, shipped};
use crate::domain::globe::{GlobeCamera, paint};

/// The card picture.
pub fn seismic_belts() -> Canvas {
    let mut tex = base_texture(shipped::land(), shipped::steps());
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/globe/earthquakes_m6_1900_2023.csv"),
    )
    .unwrap_or_default();
    for q in parse_catalog(&text).unwrap_or_default() {
        draw_quake(&mut tex, &q);
    }
    let cam = GlobeCamera::new(15.0, 140.0, 3.3);
    paint(&tex, &cam, None, (W, H), Rgba::hex(0x0a1622))
}
