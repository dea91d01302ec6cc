use super::data::{self, shipped};
use super::mesh::{CutAway, Hit, cut_faces, sphere};
use super::texture::{self, TEXTURE, path_pieces, texel};
use super::*;

/// Points on a grid with the date line and both poles' neighbourhoods.
fn grid() -> Vec<(f64, f64)> {
    let mut pts = Vec::new();
    for lat in [
        -89.9, -89.0, -85.0, -60.0, -30.0, -1.0, 0.0, 12.5, 45.0, 70.0, 88.0, 89.9,
    ] {
        for lon in [
            -180.0, -179.99, -179.0, -120.0, -45.0, 0.0, 30.0, 106.5, 179.0, 179.99,
        ] {
            pts.push((lat, lon));
        }
    }
    pts
}

fn cameras() -> Vec<GlobeCamera> {
    let mut out = Vec::new();
    for (lat, lon, d) in [
        (0.0, 0.0, 4.0),
        (30.0, 105.0, 4.2),
        (0.0, 180.0, 3.0),
        (10.0, -179.5, 2.0),
        (85.0, 40.0, 4.0),
        (-85.0, -150.0, 3.5),
        (60.0, 170.0, 1.4),
    ] {
        out.push(GlobeCamera::new(lat, lon, d));
    }
    out
}

#[test]
fn a_tap_picks_the_point_drawn_under_it_within_a_pixel() {
    let mut checked = 0;
    for cam in cameras() {
        let v = cam.view(760, 640);
        for (lat, lon) in grid() {
            let Some((x, y)) = v.project_lat_lon(lat, lon) else {
                continue;
            };
            // Not at the very rim, where a pixel spans half the globe.
            let (o, d) = v.ray(x, y);
            let t = sphere_hit(o, d, 1.0).expect("a drawn point is on the globe");
            let p = add(o, scale(d, t));
            if dot(p, scale(d, -1.0)) < 0.05 {
                continue;
            }
            let (plat, plon) = v.pick(x, y).expect("the tap lands on the globe");
            assert!(
                angle_deg((lat, lon), (plat, plon)) < 1e-6,
                "{lat},{lon} picked as {plat},{plon} from {cam:?}"
            );
            let (x2, y2) = v.project_lat_lon(plat, plon).expect("still in view");
            assert!(
                (x - x2).hypot(y - y2) < 1.0,
                "{lat},{lon}: {x},{y} vs {x2},{y2}"
            );
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} points were in view");
}

#[test]
fn taps_on_every_pixel_give_points_that_draw_back_under_the_finger() {
    for cam in cameras() {
        let v = cam.view(760, 640);
        for y in (0..640).step_by(16) {
            for x in (0..760).step_by(16) {
                let (x, y) = (x as f64 + 0.5, y as f64 + 0.5);
                let Some((lat, lon)) = v.pick(x, y) else {
                    continue;
                };
                assert!((-90.0..=90.0).contains(&lat) && (-180.0..180.0).contains(&lon));
                let (x2, y2) = v.project(unit(lat, lon)).expect("in front");
                assert!(
                    (x - x2).hypot(y - y2) < 1.0,
                    "{x},{y} -> {lat},{lon} -> {x2},{y2}"
                );
            }
        }
    }
}

#[test]
fn the_far_side_is_not_drawn_and_the_centre_faces_the_eye() {
    let cam = GlobeCamera::new(30.0, 105.0, 4.0);
    let v = cam.view(800, 600);
    let (x, y) = v
        .project_lat_lon(30.0, 105.0)
        .expect("the centre is in view");
    assert!((x - 400.0).abs() < 1e-6 && (y - 300.0).abs() < 1e-6);
    assert!(
        v.project_lat_lon(-30.0, -75.0).is_none(),
        "the antipode is hidden"
    );
    // North is up, east is right.
    let (_, yn) = v.project_lat_lon(40.0, 105.0).expect("north of the centre");
    let (xe, _) = v.project_lat_lon(30.0, 115.0).expect("east of the centre");
    assert!(yn < 300.0 && xe > 400.0);
}

#[test]
fn the_texture_is_where_the_mesh_puts_it() {
    let m = sphere(24, 48, None);
    let (w, h) = TEXTURE;
    for (p, uv) in m.positions.iter().zip(&m.uvs) {
        let (lat, lon) = lat_lon([p[0] as f64, p[1] as f64, p[2] as f64]);
        if lat.abs() > 89.0 {
            continue; // every longitude is the pole
        }
        let (tx, ty) = texel(w, h, lat, lon);
        let (ux, uy) = (uv[0] * w as f32, uv[1] * h as f32);
        // The seam's two columns are the same longitude at x = 0 and x = w.
        let a = (tx - ux).abs();
        let dx = a.min((a - w as f32).abs());
        assert!(
            dx < 0.05 && (ty - uy).abs() < 0.05,
            "{lat},{lon}: {tx},{ty} vs {ux},{uy}"
        );
    }
    // Triangles face outwards.
    for t in m.indices.chunks(3) {
        let v = |i: u32| {
            let p = m.positions[i as usize];
            [p[0] as f64, p[1] as f64, p[2] as f64]
        };
        let (a, b, c) = (v(t[0]), v(t[1]), v(t[2]));
        let n = cross(sub(b, a), sub(c, a));
        if norm(n) > 1e-9 {
            assert!(dot(n, add(add(a, b), c)) > 0.0);
        }
    }
}

#[test]
fn plate_boundaries_run_on_across_the_date_line() {
    let steps = shipped::steps();
    assert_eq!(steps.len(), 5819);
    let (w, h) = TEXTURE;
    let mut crossing = 0;
    for s in steps {
        let pieces = path_pieces(w, h, &[s.start, s.end]);
        assert!(!pieces.is_empty() && pieces.len() <= 2);
        for piece in &pieces {
            for seg in piece.windows(2) {
                // No segment jumps across the picture.
                assert!((seg[1].0 - seg[0].0).abs() < w as f32 / 4.0, "{s:?}");
            }
        }
        if pieces.len() == 2 {
            crossing += 1;
            let a = *pieces[0].last().expect("a piece has points");
            let b = pieces[1][0];
            // One piece ends at one edge, the next starts at the other, at
            // the same latitude: one point of the sphere.
            assert!(
                (a.0 - b.0).abs() == w as f32 && (a.1 - b.1).abs() < 1e-3,
                "{s:?}: {a:?} {b:?}"
            );
            let pa = texture::lat_lon_of(w, h, a.0, a.1);
            let pb = texture::lat_lon_of(w, h, b.0, b.1);
            assert!(angle_deg(pa, pb) < 1e-3);
        }
        // The drawn step is as long on the sphere as the step itself.
        let drawn: f64 = pieces
            .iter()
            .flat_map(|p| p.windows(2))
            .map(|seg| {
                angle_deg(
                    texture::lat_lon_of(w, h, seg[0].0, seg[0].1),
                    texture::lat_lon_of(w, h, seg[1].0, seg[1].1),
                )
            })
            .sum();
        let real = angle_deg(s.start, s.end);
        assert!(
            (drawn - real).abs() < 0.02 + real * 0.02,
            "{s:?}: {drawn} vs {real}"
        );
    }
    assert!(crossing > 0, "some boundaries cross the date line");
}

#[test]
fn marks_near_the_poles_are_widened_to_stay_round() {
    let mut c = crate::domain::draw::Canvas::new(360, 180, texture::OCEAN);
    texture::disc(&mut c, 80.0, 179.5, 2.0, texture::LAND);
    // At 80° a round mark is 1/cos(80°) = 5.8 times wider on the texture,
    // and it wraps over the seam to the left edge.
    let row = c.height / 2 - 80;
    let lit = |x: u32| c.pixel(x, row) != texture::OCEAN;
    assert!(lit(359) && lit(0) && lit(4), "wrapped across the seam");
    assert!(!lit(20));
}

#[test]
fn a_drag_turns_the_globe_under_the_finger_and_a_fling_slows_down() {
    let mut g = Globe::new(GlobeCamera::new(0.0, 0.0, 4.0), (760, 640));
    let v0 = g.view();
    let (x0, y0) = v0.project_lat_lon(0.0, 10.0).expect("in view");
    g.down(1, x0 as f32, y0 as f32, 0.0);
    for i in 1..=10 {
        g.moved(1, x0 as f32 + 8.0 * i as f32, y0 as f32);
        g.camera.advance(1.0 / 60.0);
    }
    // The point follows the finger to within a few pixels.
    let (x1, _) = g.view().project_lat_lon(0.0, 10.0).expect("in view");
    assert!((x1 - (x0 + 80.0)).abs() < 8.0, "{x1} vs {}", x0 + 80.0);
    let lon_at_release = g.camera.lon;
    assert!(g.up(1, 0.3).is_none(), "a drag is no tap");
    assert!(g.camera.spinning());
    let mut t = 0.0;
    while g.camera.advance(1.0 / 60.0) {
        t += 1.0 / 60.0;
        assert!(t < 10.0, "the spin stops");
    }
    assert!(g.camera.lon < lon_at_release, "it spun on the same way");
    // Holding still before letting go leaves no spin.
    g.down(1, 100.0, 100.0, 20.0);
    g.moved(1, 140.0, 100.0);
    for _ in 0..30 {
        g.camera.advance(1.0 / 60.0);
    }
    g.up(1, 21.0);
    assert!(!g.camera.spinning());
    // Taps come back to the exhibit, a double tap goes home.
    assert_eq!(g.up(7, 30.0), None);
    g.down(2, 50.0, 60.0, 30.0);
    assert_eq!(g.up(2, 30.1), Some((50.0, 60.0)));
    g.down(2, 50.0, 60.0, 30.2);
    assert_eq!(g.up(2, 30.3), None);
    assert_eq!((g.camera.lat, g.camera.lon), (0.0, 0.0));
}

#[test]
fn the_view_stops_short_of_the_poles_and_zoom_is_bounded() {
    let mut cam = GlobeCamera::new(80.0, 0.0, 4.0);
    cam.apply(Gesture::Orbit(0.0, 5000.0), 640.0);
    assert_eq!(cam.lat, MAX_VIEW_LAT);
    let v = cam.view(760, 640);
    assert!(
        v.project_lat_lon(90.0, 0.0).is_some(),
        "the pole is in view"
    );
    for _ in 0..50 {
        cam.apply(Gesture::Pinch(2.0, 0.0, 0.0), 640.0);
    }
    assert_eq!(cam.distance, cam.distance_range.0);
    assert!(cam.distance > 1.0);
    cam.apply(Gesture::Pinch(f32::NAN, 0.0, 0.0), 640.0);
    cam.apply(Gesture::Orbit(f32::INFINITY, 0.0), 640.0);
    assert!(cam.lat.is_finite() && cam.lon.is_finite() && cam.distance.is_finite());
}

fn layered() -> CutAway {
    CutAway {
        from_lon: 150.0,
        width_deg: 90.0,
        rings: vec![(0.19, [1.0; 4]), (0.55, [0.5; 4]), (1.0, [0.2; 4])],
        highlight: Some(1),
    }
}

#[test]
fn the_cut_away_shows_its_faces_and_picks_the_ring_under_a_tap() {
    let cut = layered();
    assert!(cut.removed(200.0) && cut.removed(-160.0) && !cut.removed(100.0));
    assert!(!cut.removed(150.0) && !cut.removed(240.0));
    let m = sphere(18, 72, Some(&cut));
    for p in &m.positions {
        let (lat, lon) = lat_lon([p[0] as f64, p[1] as f64, p[2] as f64]);
        assert!(lat.abs() > 89.9 || !cut.removed(lon - 1e-3) || !cut.removed(lon + 1e-3));
    }
    let faces = cut_faces(&cut, 32);
    assert_eq!(faces.colors.len(), faces.positions.len());
    // Looking into the wedge from its middle longitude, on the equator.
    let cam = GlobeCamera::new(0.0, 195.0, 4.0);
    let v = cam.view(760, 640);
    let (o, d) = v.ray(380.0, 320.0);
    match cut.hit(o, d) {
        Some(Hit::Face(r)) => assert!(r < 0.05, "the centre, not {r}"),
        other => panic!("expected a face, got {other:?}"),
    }
    // A little off the centre towards the west face, at half the radius.
    let p = scale(unit(0.0, 150.0), 0.4);
    let (x, y) = v.project(p).expect("in view");
    match cut.hit(o, v.ray(x, y).1) {
        Some(Hit::Face(r)) => {
            assert!((r - 0.4).abs() < 1e-3, "{r}");
            assert_eq!(cut.ring_at(r), Some(1));
        }
        other => panic!("expected a face, got {other:?}"),
    }
    // From the other side the surface is hit.
    let v = GlobeCamera::new(0.0, 15.0, 4.0).view(760, 640);
    let (o, d) = v.ray(380.0, 320.0);
    match cut.hit(o, d) {
        Some(Hit::Surface(lat, lon)) => assert!(angle_deg((lat, lon), (0.0, 15.0)) < 1e-6),
        other => panic!("expected the surface, got {other:?}"),
    }
}

#[test]
fn the_shipped_land_steps_and_catalogue_read() {
    // 127 polygons, one with an inner ring.
    assert_eq!(shipped::land().len(), 128);
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/globe/earthquakes_m6_1900_2023.csv"),
    )
    .expect("the shipped catalogue");
    let quakes = data::parse_catalog(&text).expect("it reads");
    assert_eq!(quakes.len(), 13_857);
    assert!(quakes.windows(2).all(|w| w[0].year <= w[1].year));
    let wenchuan = quakes
        .iter()
        .find(|q| q.id == "usp000g650")
        .expect("Wenchuan");
    assert!((wenchuan.year - 2008.36).abs() < 0.01 && wenchuan.magnitude == 7.9);
    assert_eq!(quakes.iter().filter(|q| q.depth_km.is_none()).count(), 54);
}

#[test]
fn the_shipped_globe_data_is_the_trimmed_originals() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let from = root.join("../shared/data/geo");
    if !from.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/data/geo is absent but CI is set"
        );
        eprintln!("NOTICE: ../shared/data/geo absent: the trim check is skipped");
        return;
    }
    for (name, src, trim) in data::SHIPPED {
        let original = std::fs::read_to_string(from.join(src)).expect("the original");
        let made = match trim {
            None => original,
            Some(f) => f(&original).expect("it trims"),
        };
        let ours = std::fs::read_to_string(root.join("assets/globe").join(name)).expect(name);
        assert!(
            made == ours,
            "assets/globe/{name} is not what trim-geo makes from {src}"
        );
    }
}

#[test]
fn a_broken_catalogue_row_names_its_line() {
    let text = "time_utc,latitude,longitude,depth_km,magnitude,magnitude_type,place,event_type,event_id\n\
        2000-01-01T00:00:00Z,10,20,30,6.1,mw,here,earthquake,a\n\
        2000-01-02T00:00:00Z,100,20,30,6.1,mw,there,earthquake,b\n";
    let e = data::parse_catalog(text).expect_err("latitude 100");
    assert_eq!(e.line, 3);
    assert!(e.message.contains("latitude"), "{e}");
    let e = data::parse_catalog("a,b\n1,2\n").expect_err("no columns");
    assert!(e.message.contains("time_utc"));
    let ok = text
        .replace(",100,", ",10,")
        .replace("earthquake,b", "nuclear explosion,b");
    assert_eq!(data::parse_catalog(&ok).expect("reads").len(), 1);
}
