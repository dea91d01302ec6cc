//! The station's instruments (exhibits 11-14) on the shipped recordings.

use quakehall::domain::physics::oscillator::Oscillator;
use quakehall::domain::physics::synth::Sidecar;
use quakehall::domain::waveform::{self, UtcTime};
use quakehall::kinds::seismometer::game::Replay;

use super::common::root;

/// The shipped teleseismic record through a 1 s and a 20 s instrument, as
/// exhibit 11 replays it: the surface waves' first two minutes, their
/// longest periods (the synthetic train's group speed is 3.9 km/s there,
/// falling to 2.9 km/s for its shortest periods), are as big on the 20 s
/// record as in the ground and almost missing from the 1 s record, as
/// their responses at 20 s say.
#[test]
fn a_short_period_instrument_misses_the_slow_surface_waves_a_long_period_one_records() {
    let path = root().join("assets/recordings/teleseismic-honshu/SY.HALL.mseed");
    let file = waveform::read_file(&path).unwrap();
    let side: Sidecar =
        serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap())
            .unwrap();
    let z = file
        .stream
        .traces
        .iter()
        .find(|t| t.channel.ends_with('Z'))
        .unwrap();
    let origin = UtcTime::parse_iso(&side.event.origin_time).unwrap();
    let arrival = side.distance_km / 3.9 - z.start.secs_since(origin);
    let v = z.samples.to_f64();
    let r = Replay::new(&v, z.sample_rate_hz, (1.0, 20.0), 0.7, 40.0, (None, None)).unwrap();
    let window = |k| r.peak_between(k, arrival, arrival + 120.0);
    let (short, long) = (
        (window(1) / window(0)) as f64,
        (window(2) / window(0)) as f64,
    );
    println!("slow surface waves against the ground: 1 s instrument {short:.4}, 20 s {long:.3}");
    assert!(long > 0.6, "{long}");
    assert!(short < 0.05, "{short}");
    let respond = |t0: f64, t: f64| {
        Oscillator {
            period_s: t0,
            damping: 0.7,
        }
        .response(t)
        .0
    };
    assert!(
        short < 2.0 * respond(1.0, 20.0),
        "{short} against {}",
        respond(1.0, 20.0)
    );
}

/// Zhang Heng's seismoscope (exhibit 12) under synthetic quakes from eight
/// back-azimuths, 300 km away, a vertical strike-slip fault striking
/// N22.5°E: no station on a nodal plane, four in the compressional
/// quadrants (P pushes the ground away from the quake), four in the
/// dilatational ones (P pulls it towards the quake). With a column sensitive
/// enough for P to swing it past the gap first, the reconstruction
/// predicts the dragon facing the epicentre where P pushes and the
/// opposite one where it pulls; the test checks each and prints how often
/// the dragon faced the epicentre. A less sensitive column, swung first by
/// S, is reported too.
#[test]
fn the_seismoscope_drops_the_dragon_its_pendulum_predicts_from_eight_directions() {
    use quakehall::domain::physics::geo::{destination, km_per_deg};
    use quakehall::domain::physics::synth::{
        Mechanism, Motion, SynthSpec, SynthStation, radiation, synthesize,
    };
    use quakehall::kinds::seismoscope::mechanism::{
        Column, DIRECTIONS, angle_between, dragon_facing,
    };
    let (lat, lon) = (29.56, 106.46);
    let mech = Mechanism {
        strike: 22.5,
        dip: 90.0,
        rake: 0.0,
    };
    let stations: Vec<SynthStation> = (0..8)
        .map(|k| {
            let (la, lo) = destination(lat, lon, k as f64 * 45.0, 300.0 / km_per_deg());
            SynthStation {
                network: "SY".into(),
                station: format!("A{k}"),
                latitude: la,
                longitude: lo,
            }
        })
        .collect();
    let spec = SynthSpec {
        source: Default::default(),
        origin: "2026-05-01T00:00:00Z".into(),
        latitude: lat,
        longitude: lon,
        depth_km: 10.0,
        magnitude: 5.5,
        mechanism: Some(mech),
        model: "iasp91".into(),
        sample_rate_hz: 50.0,
        seed: 12,
        stations,
    };
    let records = synthesize(&spec, Motion::Velocity).unwrap();
    let comps = |r: &quakehall::domain::physics::synth::StationRecord| {
        let get = |c: char| {
            r.traces
                .iter()
                .find(|t| t.channel.ends_with(c))
                .unwrap()
                .samples
                .to_f64()
        };
        (get('N'), get('E'), r.traces[0].start)
    };
    let first = |r: &quakehall::domain::physics::synth::StationRecord, phase: char| {
        r.arrivals
            .iter()
            .filter(|a| a.phase.starts_with(phase))
            .map(|a| quakehall::domain::waveform::UtcTime::parse_iso(&a.time).unwrap())
            .min()
            .unwrap()
    };
    // A column 1.5 m long, its gap half the smallest swing P gives it.
    let probe = Column {
        length_m: 1.5,
        gap_mm: f64::INFINITY,
    };
    let peak = |r: &quakehall::domain::physics::synth::StationRecord, before_s: bool| {
        let (n, e, start) = comps(r);
        let s = probe.swing(&n, &e, 50.0);
        let p = first(r, 'P').secs_since(start);
        let s_at = first(r, 'S').secs_since(start);
        let end = if before_s {
            (s_at * 50.0) as usize
        } else {
            s.offsets_mm.len()
        };
        s.offsets_mm[(p * 50.0) as usize..end]
            .iter()
            .map(|o| o.0.hypot(o.1))
            .fold(0.0f64, f64::max)
    };
    let p_swing = records
        .iter()
        .map(|r| peak(r, true))
        .fold(f64::INFINITY, f64::min);
    let p_most = records.iter().map(|r| peak(r, true)).fold(0.0, f64::max);
    let any_swing = records
        .iter()
        .map(|r| peak(r, false))
        .fold(f64::INFINITY, f64::min);
    // Past every P swing, within every station's biggest swing.
    let later = (1.2 * p_most).max(0.8 * any_swing).min(0.95 * any_swing);
    println!(
        "P swings the column {p_swing:.2}-{p_most:.2} mm; the least biggest swing {any_swing:.2} mm"
    );
    for (gap, label) in [(0.5 * p_swing, "P"), (later, "later waves")] {
        let column = Column {
            length_m: 1.5,
            gap_mm: gap,
        };
        let mut facing = 0;
        println!("column gap {gap:.2e} mm (swung first by {label}):");
        for (k, r) in records.iter().enumerate() {
            let (n, e, start) = comps(r);
            let drop = column.swing(&n, &e, 50.0).drop.expect("a ball drops");
            let towards = dragon_facing(r.back_azimuth_deg);
            // The station lies k x 45° from the quake.
            let pushes = radiation(&mech, 60.0, k as f64 * 45.0).0 > 0.0;
            let s_at = first(r, 'S').secs_since(start);
            println!(
                "  epicentre to the {:10} ({:5.1}°), P {}: the {} dragon drops at {:.1} s (S at {:.1} s)",
                DIRECTIONS[towards].1,
                r.back_azimuth_deg,
                if pushes { "pushes" } else { "pulls " },
                DIRECTIONS[drop.dragon].1,
                drop.t_s,
                s_at
            );
            if label == "P" {
                assert!(drop.t_s < s_at, "P swings it first");
                let predicted = if pushes { towards } else { (towards + 4) % 8 };
                assert_eq!(
                    drop.dragon, predicted,
                    "{}: {:.0}°",
                    r.station.station, drop.towards_deg
                );
            }
            if drop.dragon == towards {
                facing += 1;
            }
            assert!(angle_between(drop.towards_deg, drop.dragon as f64 * 45.0) <= 22.5);
        }
        println!("  the dragon facing the epicentre dropped at {facing} of 8 stations");
        if label == "P" {
            assert_eq!(facing, 4, "the four compressional stations");
        }
    }
}

/// Exhibit 12's shipped quakes on its shipped column: each drops a ball
/// (the scene's gap is within every quake's biggest swing), and the test
/// prints which dragon, when, and how it compares with the epicentre.
#[test]
fn the_shipped_quakes_each_drop_a_ball_on_the_shipped_seismoscope() {
    use quakehall::domain::scene::Library;
    use quakehall::kinds::seismoscope::game::Stage;
    use quakehall::kinds::seismoscope::mechanism::DIRECTIONS;
    use quakehall::kinds::{InKind, Kind, Opening, SeismoscopeParams};
    let lib = Library::load(&root().join("scenes"), &root().join("assets"));
    let p = lib
        .exhibits
        .iter()
        .find_map(|e| SeismoscopeParams::of(&e.scene.kind))
        .expect("exhibit 12 ships");
    let opening = Opening {
        assets: Some(root().join("assets").as_path().into()),
        ..Opening::default()
    };
    let mut g = p.build(&opening).unwrap();
    assert_eq!(g.quakes.len(), p.quakes.len(), "every quake loads");
    for k in 0..g.quakes.len() {
        let q = &g.quakes[k];
        let most = q
            .swing
            .offsets_mm
            .iter()
            .map(|o| o.0.hypot(o.1))
            .fold(0.0, f64::max);
        let d = q
            .swing
            .drop
            .unwrap_or_else(|| panic!("{}: swings {most:.3} mm at most", q.name.en));
        println!(
            "{}: swings up to {most:.2} mm; the {} dragon drops {:.1} s after P; epicentre {:.0}°",
            q.name.en,
            DIRECTIONS[d.dragon].1,
            d.t_s - q.p_s.unwrap_or(0.0),
            q.epicentre_deg
        );
        let (a, b) = q.window();
        g.run_for(k, (b - a) / g.speed + 1.0);
        assert_eq!(g.stage(), Stage::Dropped);
        println!("  {:?}", g.verdict().unwrap());
    }
}
