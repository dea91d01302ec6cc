use super::layers::layers;
use super::*;
use crate::domain::physics::earth::{Side, ak135, iasp91};

#[test]
fn the_layers_shown_are_the_earth_models() {
    for model in [iasp91(), ak135()] {
        let l = layers(&model).expect("both models have every boundary");
        assert_eq!(l.len(), 6);
        let b = |n: &str| model.boundary(n).expect(n).depth_km;
        let cuts = [0.0, b("moho"), b("410"), b("660"), b("cmb"), b("icb"), EARTH_RADIUS_KM];
        for (i, layer) in l.iter().enumerate() {
            assert_eq!((layer.top_km, layer.bottom_km), (cuts[i], cuts[i + 1]));
            let top = model.at(layer.top_km, Side::Below);
            let bottom = model.at(layer.bottom_km, Side::Above);
            assert_eq!(layer.vp, (top.0, bottom.0));
            assert_eq!(layer.vs, (top.1, bottom.1));
            assert_eq!(layer.density, (top.2, bottom.2));
            // What the visitor reads carries those numbers.
            let facts = layer.facts();
            assert!(facts.en.contains(&format!("{:.0}–{:.0} km", cuts[i], cuts[i + 1])), "{}", facts.en);
            assert!(facts.en.contains(&format!("{:.2}–{:.2} km/s", top.0, bottom.0)), "{}", facts.en);
            assert!(facts.zh.contains(&format!("{:.2}–{:.2}", top.2, bottom.2)), "{}", facts.zh);
        }
        // iasp91: Moho 35, 410, 660, CMB 2889, ICB 5153.9 (inner core radius 1217.1 km; Kennett & Engdahl 1991).
        if model.name == "iasp91" {
            assert_eq!(cuts[1..6], [35.0, 410.0, 660.0, 2889.0, 5153.9]);
        }
        let outer = &l[4];
        assert_eq!(outer.vs, (0.0, 0.0), "the outer core carries no S waves");
        assert!(outer.liquid() && !l[5].liquid() && !l[3].liquid());
        assert!(outer.facts().en.contains("liquid") && outer.facts().en.contains("S waves cannot pass"));
        assert!(l[5].vs.0 > 3.0, "the inner core is solid");
    }
}

#[test]
fn a_tap_on_the_cut_shows_the_layer_there() {
    let mut s = EarthInside::new(&iasp91(), CUT_LON_DEFAULT).expect("builds");
    let v = s.globe.view();
    // Points on the west face of the cut at chosen depths.
    for (depth, want) in [(10.0, 0), (200.0, 1), (500.0, 2), (1500.0, 3), (4000.0, 4), (6000.0, 5)] {
        let r = 1.0 - depth / EARTH_RADIUS_KM;
        let p = crate::domain::globe::unit(20.0, CUT_LON_DEFAULT);
        let (x, y) = v.project([p[0] * r, p[1] * r, p[2] * r]).expect("in view");
        assert_eq!(s.layer_under(x as f32, y as f32), Some(want), "at {depth} km");
        s.tap(x as f32, y as f32);
        assert_eq!(s.chosen, Some(want));
    }
    let cut = s.globe.cut.as_ref().expect("a cut");
    assert_eq!(cut.highlight, Some(0), "the inner core is the centre ring");
    // The outer surface is the crust; the sky nothing.
    let (x, y) = v.project_lat_lon(25.0, CUT_LON_DEFAULT - 40.0).expect("in view");
    assert_eq!(s.layer_under(x as f32, y as f32), Some(0));
    assert_eq!(s.layer_under(2.0, 2.0), None);
}

#[test]
fn the_rings_are_to_scale() {
    let s = EarthInside::new(&iasp91(), 0.0).expect("builds");
    let cut = s.globe.cut.as_ref().expect("a cut");
    let r: Vec<f64> = cut.rings.iter().map(|r| r.0).collect();
    assert_eq!(r.len(), 6);
    assert!((r[0] - (6371.0 - 5153.9) / 6371.0).abs() < 1e-12);
    assert!((r[1] - (6371.0 - 2889.0) / 6371.0).abs() < 1e-12);
    assert_eq!(r[5], 1.0);
}
