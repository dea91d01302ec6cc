use super::rings::{LOWEST_RING, MAP_PX, Rings, degree_colour, rings};
use super::*;
use crate::domain::physics::intensity::{
    REFERENCE_DEPTH_KM, intensity_at, radius_of_degree, ring_radius_km, western_china,
};

fn shipped_params() -> IntensityRingsParams {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("scenes/23-intensity-rings.ron");
    let text = std::fs::read_to_string(&path).expect("the shipped scene");
    let scene: crate::domain::scene::ExhibitScene =
        crate::domain::scene::parse::parse_ron(&path, &text).expect("it parses");
    <IntensityRingsParams as super::super::InKind>::of(&scene.kind)
        .expect("an IntensityRings")
        .clone()
}

fn visit() -> Rings {
    shipped_params().build(&Opening::default()).expect("it builds")
}

#[test]
fn ring_radii_are_the_attenuation_relations_distances_for_each_degree() {
    let mut r = visit();
    let (lo, hi) = r.magnitude_range;
    for step in 0..=10 {
        r.set_fraction(step as f64 / 10.0);
        let m = r.magnitude;
        assert!((lo..=hi).contains(&m));
        for deep in [false, true] {
            r.set_deep(deep);
            let h = r.depth_km();
            let shown = r.rings();
            assert!(!shown.is_empty(), "M{m} at {h} km shows no ring");
            for ring in &shown {
                assert_eq!(ring.radius_km, ring_radius_km(m, ring.degree, h));
                // On the ring the relation's mean intensity is the
                // degree's lower edge: degree − 0.5.
                let i = intensity_at(m, ring.radius_km, h);
                assert!((i - (ring.degree as f64 - 0.5)).abs() < 1e-6, "M{m} {h} km {ring:?}: {i}");
                if h == REFERENCE_DEPTH_KM {
                    // The relation's own distance, straight from its formula.
                    let (_, _, mean) = western_china(m, radius_of_degree(m, ring.degree));
                    assert!((mean - (ring.degree as f64 - 0.5)).abs() < 1e-6);
                }
            }
            // Every degree from the epicentre's down to the lowest ring, once
            // each, bigger ring for smaller degree.
            let degrees: Vec<u8> = shown.iter().map(|x| x.degree).collect();
            let want: Vec<u8> = (LOWEST_RING..=r.epicentral_degree()).rev().collect();
            assert_eq!(degrees, want, "M{m} at {h} km");
            assert!(shown.windows(2).all(|w| w[1].radius_km > w[0].radius_km));
        }
    }
}

#[test]
fn the_deeper_quake_of_the_same_magnitude_has_smaller_rings() {
    let r = visit();
    let [shallow, deep] = r.depths_km;
    assert!(deep > shallow);
    for m in [5.0, 6.0, 7.0, 8.0] {
        let a = rings(m, shallow);
        let b = rings(m, deep);
        assert!(b.len() <= a.len());
        for rb in &b {
            let ra = a.iter().find(|x| x.degree == rb.degree).expect("the shallow quake has it too");
            assert!(rb.radius_km < ra.radius_km, "M{m} {}", rb.degree);
        }
        // The inner rings lose most: the epicentre is where depth matters.
        let inner = |v: &[super::rings::Ring]| v.first().map(|x| x.degree).unwrap_or(0);
        assert!(inner(&b) <= inner(&a));
    }
    // A magnitude 7 quake 30 km deep loses at least one degree at its epicentre.
    assert!(rings(7.0, 30.0)[0].degree < rings(7.0, 10.0)[0].degree);
}

#[test]
fn a_tap_inside_a_ring_chooses_its_degree_and_the_map_shows_it() {
    let mut r = visit();
    r.set_magnitude(7.0);
    let (cx, cy) = r.frame.at(r.epicentre.0, r.epicentre.1);
    let shown = r.rings();
    for (k, ring) in shown.iter().enumerate() {
        let f = r.frame.frac(ring.radius_km);
        // Just inside its outer edge (north of the epicentre, on the map).
        if cy - f * 0.98 < 0.02 {
            continue;
        }
        r.tap(cx, cy - f * 0.98);
        assert_eq!(r.chosen, Some(ring.degree), "ring {k}");
        // Just outside, the next degree down.
        r.tap(cx, cy - f * 1.02);
        assert_eq!(r.chosen, Some(ring.degree - 1));
        // The map paints that band in the degree's colour.
        r.choose(ring.degree);
        let mut c = Canvas::new(MAP_PX, MAP_PX, colours::BACKGROUND);
        r.draw(&mut c);
        let inner = if k > 0 { r.frame.frac(shown[k - 1].radius_km) } else { 0.0 };
        let mid = 0.5 * (f + inner);
        let (x, y) = ((cx + mid * 0.0) * MAP_PX as f64, (cy - mid) * MAP_PX as f64);
        if mid * MAP_PX as f64 > 25.0 {
            let p = c.pixel(x as u32, y as u32);
            let want = degree_colour(ring.degree);
            let close = |a: u8, b: u8| (a as i32 - b as i32).abs() < 70;
            assert!(close(p.0, want.0) && close(p.1, want.1) && close(p.2, want.2), "{ring:?}: {p:?} vs {want:?}");
        }
    }
    // The tapped place keeps its degree as the magnitude grows.
    r.tap(cx + 0.3, cy);
    let before = r.chosen.unwrap();
    r.set_magnitude(8.0);
    assert!(r.chosen.unwrap() > before);
}

#[test]
fn the_map_is_drawn_again_only_when_something_changed() {
    let mut r = visit();
    let mut c = Canvas::new(MAP_PX, MAP_PX, colours::BACKGROUND);
    assert!(r.stale());
    r.draw(&mut c);
    assert!(!r.stale());
    r.set_magnitude(r.magnitude);
    assert!(!r.stale(), "the same magnitude again changes nothing");
    r.set_fraction(1.0);
    assert!(r.stale());
    r.draw(&mut c);
    r.set_deep(true);
    assert!(r.stale());
}

#[test]
fn numerals_sit_inside_their_own_bands() {
    let mut r = visit();
    r.set_magnitude(7.5);
    let (cx, cy) = r.frame.at(r.epicentre.0, r.epicentre.1);
    let spots = r.numeral_spots(30.0);
    assert!(spots.len() >= 3, "{spots:?}");
    for (d, fx, fy) in spots {
        let (lat, lon) = r.frame.lat_lon(fx, fy);
        assert_eq!(r.degree_at(lat, lon), d);
        assert!(fx > cx && fy > cy);
    }
}

#[test]
fn shot_moments_choose_a_ring() {
    let p = shipped_params();
    let open = |n| p.build(&Opening { moment: Some(n), ..Opening::default() }).unwrap();
    assert_eq!(open(2).chosen, Some(6));
    let deep = open(7);
    assert!(deep.deep);
    assert_eq!(deep.chosen, Some(6));
}

#[test]
fn the_slider_steps_by_a_tenth() {
    let mut r = visit();
    r.set_fraction(0.37);
    let m10 = r.magnitude * 10.0;
    assert!((m10 - m10.round()).abs() < 1e-9);
    assert!((r.fraction() - 0.37).abs() < 0.05);
}
