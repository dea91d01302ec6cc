use super::belts::{Belts, YEARS};
use super::*;
use crate::domain::globe::{OnGlobe, angle_deg};

fn shipped_params() -> (SeismicBeltsParams, Opening) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("scenes/02-seismic-belts.ron");
    let text = std::fs::read_to_string(&path).expect("the shipped scene");
    let scene: crate::domain::scene::ExhibitScene =
        crate::domain::scene::parse::parse_ron(&path, &text).expect("it parses");
    let p = <SeismicBeltsParams as super::super::InKind>::of(&scene.kind)
        .expect("a SeismicBelts")
        .clone();
    let opening = Opening {
        assets: Some(root.join("assets").as_path().into()),
        ..Opening::default()
    };
    (p, opening)
}

fn visit() -> Belts {
    let (p, o) = shipped_params();
    p.build(&o).expect("it builds")
}

/// A checksum of the quakes as the catalogue writes them.
fn checksum<'a>(rows: impl Iterator<Item = [&'a str; 5]>) -> (usize, String) {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let mut n = 0;
    for r in rows {
        h.update(r.join("|").as_bytes());
        h.update(b"\n");
        n += 1;
    }
    (n, hex::encode(h.finalize()))
}

#[test]
fn the_exhibit_shows_exactly_the_catalogues_earthquakes() {
    let b = visit();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // The data team's original when it is here (CI has it), else the shipped file.
    let original = root.join("../shared/data/geo/catalog/earthquakes_m6_1900_2023.csv");
    let file = if original.is_file() {
        original
    } else {
        assert!(std::env::var_os("CI").is_none(), "../shared/data is absent but CI is set");
        root.join("assets/globe/earthquakes_m6_1900_2023.csv")
    };
    let text = std::fs::read_to_string(file).expect("the catalogue");
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr
        .records()
        .map(|r| r.expect("a row"))
        .filter(|r| &r[7] == "earthquake")
        .collect();
    let theirs = checksum(rows.iter().map(|r| [&r[0], &r[1], &r[2], &r[4], &r[8]]));
    let lat: Vec<String> = b.quakes.iter().map(|q| q.lat.to_string()).collect();
    let lon: Vec<String> = b.quakes.iter().map(|q| q.lon.to_string()).collect();
    let mag: Vec<String> = b.quakes.iter().map(|q| q.magnitude.to_string()).collect();
    let ours = checksum(b.quakes.iter().enumerate().map(|(i, q)| {
        [q.time.as_str(), lat[i].as_str(), lon[i].as_str(), mag[i].as_str(), q.id.as_str()]
    }));
    assert_eq!(ours, theirs);
    assert_eq!(ours.0, 13_857);
}

#[test]
fn great_quakes_are_where_the_catalogue_puts_them() {
    let mut b = visit();
    b.globe.camera.distance = 3.0;
    for (id, lat, lon, mag, year) in [
        ("usp000g650", 31.002, 103.322, 7.9, 2008),
        ("official20110311054624120_30", 38.297, 142.373, 9.1, 2011),
        ("official19600522191120_30", -38.143, -73.407, 9.5, 1960),
    ] {
        let (i, q) = b
            .quakes
            .iter()
            .enumerate()
            .find(|(_, q)| q.id == id)
            .map(|(i, q)| (i, q.clone()))
            .expect(id);
        assert_eq!((q.lat, q.lon, q.magnitude, q.year.floor() as i32), (lat, lon, mag, year));
        // Turned to face it, after its year, a tap on its dot chooses it.
        b.set_year(2024.0);
        b.globe.camera = crate::domain::globe::GlobeCamera::new(lat, lon, 3.0);
        let (x, y) = b.globe.view().project_lat_lon(lat, lon).expect("in view");
        assert!((x - 360.0).abs() < 1e-6 && (y - 300.0).abs() < 1e-6);
        b.tap(x as f32, y as f32);
        assert_eq!(b.chosen, Some(i), "{id}");
        let text = b.describe(i).expect("a description");
        assert!(text.en.contains(&format!("{mag:.1}")) && text.en.starts_with(&q.time[..10]), "{}", text.en);
        // Before it happened it is not there to tap.
        b.set_year(year as f64 - 1.0);
        b.tap(x as f32, y as f32);
        assert_ne!(b.chosen, Some(i));
        assert!(angle_deg((q.lat, q.lon), (lat, lon)) < 1e-9);
    }
}

#[test]
fn the_years_light_the_quakes_in_order_and_the_filter_hides_small_ones() {
    let mut b = visit();
    assert_eq!(b.year, YEARS.0);
    assert_eq!(b.shown_count(), 0);
    let mut c = Canvas::new(TEXTURE.0, TEXTURE.1, OCEAN);
    let mut last = 0;
    while b.playing {
        b.advance(0.5);
        let n = b.shown_count();
        assert!(n >= last);
        last = n;
        if b.stale() {
            b.draw(&mut c);
        }
        assert!(!b.stale());
    }
    assert_eq!(last, 13_857);
    b.set_min_magnitude(8.0);
    assert!(b.stale());
    assert_eq!(b.shown_count(), b.quakes.iter().filter(|q| q.magnitude >= 8.0).count());
    assert_eq!(b.shown_count(), 98);
    // Drawn from the base again: the same picture as drawing those alone.
    b.draw(&mut c);
    let mut fresh = Belts::new(b.quakes.clone(), shipped::land(), shipped::steps(), b.home.clone(), 1.0, 8.0);
    fresh.set_year(YEARS.1);
    let mut c2 = Canvas::new(TEXTURE.0, TEXTURE.1, OCEAN);
    fresh.draw(&mut c2);
    assert!(c.rgba == c2.rgba);
    b.play();
    assert_eq!(b.year, YEARS.0, "playing again starts in 1900");
}
