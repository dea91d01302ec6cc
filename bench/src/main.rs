//! Decoding and display benchmarks, each printing a ratio against a
//! reference measured in the same run:
//!
//! - Steim-1 and Steim-2 decoding of the shared real recordings, repeated
//!   to at least 100 MB of samples: quakehall's decoder against libmseed
//!   (through its Rust bindings) on exactly the same records.
//! - Min/max decimation of a 24-hour 100 Hz trace to 2000 columns, against
//!   one pass that only sums the samples (the memory-speed floor).
//! - Travel times: model setup, and first-arrival P and S queries from the
//!   tables against the same queries refined by exact integration.
//! - The 256x256 elastic wave tank: steps per second, against one pass that
//!   only copies its five fields (the memory-speed floor).
//! - Every shipped exhibit of every kind: its work per frame (advancing it
//!   and drawing its pictures), against copying its pictures; and the sand
//!   table turning under a finger against it standing still.
//!
//! Run: `cargo run --release --manifest-path bench/Cargo.toml` (needs
//! ../shared/data and libclang-dev).

use std::path::Path;
use std::time::Instant;

use mseed::{MSControlFlags, MSRecord};
use quakehall::domain::waveform::dsp::minmax_columns;
use quakehall::domain::waveform::{Encoding, Samples, mseed as qh};

fn steim_records(dir: &Path, out: &mut Vec<Vec<u8>>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            if !p.ends_with("corrupt") {
                steim_records(&p, out);
            }
            continue;
        }
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        for r in qh::read(&bytes).records {
            let rec = &bytes[r.offset..r.offset + r.length];
            // A record without blockette 1000 cannot be parsed on its own by
            // libmseed (it needs the record length): compare on the others.
            let libmseed_reads_it = MSRecord::parse(rec, MSControlFlags::MSF_UNPACKDATA)
                .ok()
                .and_then(|m| m.data_samples::<i32>().map(|s| s.len() == r.trace.len()))
                .unwrap_or(false);
            if r.version == 2
                && matches!(r.trace.encoding, Some(Encoding::Steim1 | Encoding::Steim2))
                && libmseed_reads_it
            {
                out.push(rec.to_vec());
            }
        }
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The benchmarks that need no libmseed comparison, by the name that runs
/// one alone (`cargo run --release -- seismogram`).
const NAMED: [(&str, fn()); 16] = [
    ("exhibits", exhibit_frames),
    ("sand-table", sand_table_turning),
    ("seismogram", seismogram_zoom),
    ("pin", pin_drag),
    ("ruler", ruler_drag),
    ("cards", card_play),
    ("sonify", sonify_playing),
    ("seismoscope", seismoscope_replay),
    ("helicorder", helicorder_scroll),
    ("globe", globe_turning),
    ("faults", fault_drag),
    ("rebound", rebound_loading),
    ("warning", warning_running),
    ("rings", rings_dragging),
    ("quiz", quiz_shaking),
    ("tower", tower_shaking),
];

fn main() {
    let only: Vec<String> = std::env::args().skip(1).collect();
    if !only.is_empty() {
        for name in &only {
            match NAMED.iter().find(|(n, _)| n == name) {
                Some((_, run)) => run(),
                None => {
                    let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
                    eprintln!("no benchmark {name:?}: one of {}", names.join(", "));
                    std::process::exit(2);
                }
            }
        }
        return;
    }
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/waveforms");
    let mut records = Vec::new();
    steim_records(&data, &mut records);
    if records.is_empty() {
        eprintln!(
            "no Steim records found under {} (is ../shared/data there?)",
            data.display()
        );
        std::process::exit(2);
    }
    // Repeat the real records until they hold at least 100 MB of samples.
    let per_pass: usize = records
        .iter()
        .map(|r| qh::read(r).records[0].trace.len())
        .sum();
    let passes = (100_000_000 / (per_pass * 4)).max(1) + 1;
    let mut buffer = Vec::new();
    let mut bounds = Vec::new();
    for _ in 0..passes {
        for r in &records {
            bounds.push((buffer.len(), r.len()));
            buffer.extend_from_slice(r);
        }
    }
    let total_samples = per_pass * passes;
    println!(
        "Steim decoding: {} records ({} real ones x {passes}), {:.1} M samples, {:.0} MB as int32",
        bounds.len(),
        records.len(),
        total_samples as f64 / 1e6,
        total_samples as f64 * 4.0 / 1e6
    );

    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    let (mut sum_ours, mut sum_theirs) = (0i64, 0i64);
    for _ in 0..3 {
        let t = Instant::now();
        let file = qh::read(&buffer);
        ours.push(t.elapsed().as_secs_f64());
        sum_ours = file
            .records
            .iter()
            .map(|r| match &r.trace.samples {
                Samples::Int(v) => v.iter().map(|&x| x as i64).sum::<i64>(),
                _ => 0,
            })
            .sum();
        assert_eq!(file.records.len(), bounds.len());

        let t = Instant::now();
        let mut s = 0i64;
        for &(off, len) in &bounds {
            let rec = MSRecord::parse(&buffer[off..off + len], MSControlFlags::MSF_UNPACKDATA)
                .expect("libmseed parses");
            if let Some(v) = rec.data_samples::<i32>() {
                s += v.iter().map(|&x| x as i64).sum::<i64>();
            }
        }
        theirs.push(t.elapsed().as_secs_f64());
        sum_theirs = s;
    }
    assert_eq!(
        sum_ours, sum_theirs,
        "quakehall and libmseed decoded different samples"
    );
    let (a, b) = (median(ours), median(theirs));
    println!(
        "  quakehall: {:.1} M samples/s",
        total_samples as f64 / a / 1e6
    );
    println!(
        "  libmseed:  {:.1} M samples/s",
        total_samples as f64 / b / 1e6
    );
    println!("  ratio quakehall/libmseed speed: {:.2}", b / a);

    // Display decimation: a day at 100 Hz to 2000 pixel columns.
    let n = 24 * 3600 * 100;
    let x: Vec<f64> = (0..n)
        .map(|i| ((i as f64) * 0.001).sin() * 1000.0 + (i % 97) as f64)
        .collect();
    let mut dec = Vec::new();
    let mut floor = Vec::new();
    for _ in 0..21 {
        let t = Instant::now();
        let cols = minmax_columns(&x, 2000);
        dec.push(t.elapsed().as_secs_f64());
        assert_eq!(cols.len(), 2000);
        let t = Instant::now();
        let s: f64 = x.iter().sum();
        floor.push(t.elapsed().as_secs_f64());
        assert!(s.is_finite());
    }
    let (d, f) = (median(dec), median(floor));
    println!("Display decimation of 24 h at 100 Hz ({n} samples) to 2000 columns:");
    println!("  min/max columns: {:.2} ms (goal: under 10 ms)", d * 1e3);
    println!("  one summing pass: {:.2} ms", f * 1e3);
    println!("  ratio decimation/summing pass: {:.2}", d / f);
    travel_times();
    wave_tank();
}

fn wave_tank() {
    use quakehall::domain::physics::tank::{Rock, SourceKind, WaveTank};
    let rock = Rock {
        vp: 3000.0,
        vs: 1732.0,
        rho: 2500.0,
    };
    let soft = Rock {
        vp: 1200.0,
        vs: 450.0,
        rho: 1800.0,
    };
    let mut t = WaveTank::new(256, 256, 10.0, rock).with_basin(128, 40, 20, soft);
    t.add_source(128, 150, SourceKind::VerticalForce, 6.0, 1e9);
    let steps = 600;
    let start = Instant::now();
    for _ in 0..steps {
        t.step();
    }
    let per_step = start.elapsed().as_secs_f64() / steps as f64;
    let fields: Vec<Vec<f64>> = (0..5).map(|k| vec![k as f64; 256 * 256]).collect();
    let mut copies = fields.clone();
    let start = Instant::now();
    for _ in 0..steps {
        for (c, f) in copies.iter_mut().zip(&fields) {
            c.copy_from_slice(f);
        }
        std::hint::black_box(&copies);
    }
    let copy = start.elapsed().as_secs_f64() / steps as f64;
    println!("Wave tank 256x256 (P-SV staggered grid, sponge, basin):");
    println!("  {:.0} steps per second (goal: 60)", 1.0 / per_step);
    println!(
        "  ratio step/copy of the five fields: {:.1}",
        per_step / copy
    );
    exhibit_frames();
    sand_table_turning();
    seismogram_zoom();
    pin_drag();
    ruler_drag();
    card_play();
}

/// Zooming and panning the puzzles' seismogram view over a one-hour,
/// three-component 100 Hz record at the puzzle's picture size: the work of
/// one frame (a new window and its drawing), against copying the picture
/// once (the memory-speed floor). Goal: under 4 ms a frame.
fn seismogram_zoom() {
    use quakehall::domain::draw::Canvas;
    use quakehall::domain::draw::canvas::Rgba;
    use quakehall::domain::puzzle::seismogram::Seismogram;
    use quakehall::domain::random::Seeded;
    use quakehall::domain::waveform::{Trace, UtcTime};
    let n = 360_000;
    let traces: Vec<Trace> = ["HHZ", "HHN", "HHE"]
        .iter()
        .enumerate()
        .map(|(k, ch)| {
            let mut r = Seeded::new(k as u64);
            Trace {
                network: "XX".into(),
                station: "BENCH".into(),
                location: String::new(),
                channel: (*ch).into(),
                start: UtcTime(0),
                sample_rate_hz: 100.0,
                samples: Samples::Int((0..n).map(|_| (r.normal() * 500.0) as i32).collect()),
                encoding: None,
                record_count: 1,
            }
        })
        .collect();
    let refs: Vec<&Trace> = traces.iter().collect();
    let built = Instant::now();
    let mut view = Seismogram::new(&refs, UtcTime(0), (0.0, 3600.0)).expect("a view");
    let build_ms = built.elapsed().as_secs_f64() * 1e3;
    let mut canvas = Canvas::new(880, 560, Rgba::hex(0));
    let mut frame_ms = Vec::new();
    // In to two seconds and out again, panning as a finger would.
    for step in 0..240 {
        let start = Instant::now();
        if step < 120 {
            view.zoom(1.06, 0.4);
        } else {
            view.zoom(1.0 / 1.06, 0.6);
        }
        view.pan(if step % 2 == 0 { 0.01 } else { -0.008 });
        view.draw(&mut canvas);
        frame_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let copy_ms = median(
        (0..50)
            .map(|_| {
                let start = Instant::now();
                let c = canvas.rgba.clone();
                std::hint::black_box(&c);
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    );
    let frame = median(frame_ms.clone());
    let mut sorted = frame_ms.clone();
    sorted.sort_by(f64::total_cmp);
    let p95 = sorted[sorted.len() * 95 / 100];
    let worst = sorted[sorted.len() - 1];
    println!(
        "seismogram view, 1 h x 3 components at 100 Hz, 880x560: median {frame:.2} ms a frame, \
         p95 {p95:.2} ms, worst {worst:.2} ms (goal < 4 ms); copying the picture {copy_ms:.3} ms, \
         ratio {:.1}; building its pyramids {build_ms:.0} ms once",
        frame / copy_ms
    );
}

/// Every shipped exhibit's work per frame, whatever its kind: advancing it
/// and drawing all its pictures at the app's sizes, over a minute of the
/// exhibit in motion, against copying those pictures once (the memory
/// speed floor, measured in the same run).
/// Exhibit 17 while a finger drags the pin over the map: each frame the
/// map is drawn again, from its cached layer of circles, with the pin.
fn pin_drag() {
    use quakehall::domain::draw::Canvas;

    use quakehall::kinds::{Kind, WhereQuakeParams};
    let Some((_, mut game)) = shipped::<WhereQuakeParams>("pin drag") else {
        return;
    };
    let spec = WhereQuakeParams::pictures(&game)[0];
    let mut c = Canvas::new(spec.width, spec.height, spec.background);
    game.draw(0, &mut c);
    game.map_press(0.2, 0.2);
    let mut frame_ms = Vec::new();
    for step in 0..240 {
        let f = step as f64 / 240.0;
        game.map_drag(0.2 + 0.6 * f, 0.2 + 0.5 * (f * 6.0).sin().abs());
        let start = Instant::now();
        game.draw(0, &mut c);
        frame_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let label = format!("17 pin drag, map {}x{}", spec.width, spec.height);
    report(&label, frame_ms, &c, "map");
}

/// Prints the median and p95 of `frame_ms` and their ratio to copying the
/// picture `c` once, measured in the same run.
/// The shipped scene of kind `K` opened as a fresh visit, with its
/// parameters; `None`, said, where the hall has none or it does not build.
fn shipped<K: quakehall::kinds::Kind>(what: &str) -> Option<(K, K::State)> {
    use quakehall::domain::scene::Library;
    use quakehall::kinds::Opening;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let lib = Library::load(&root.join("scenes"), &root.join("assets"));
    let Some(p) = lib
        .exhibits
        .iter()
        .find_map(|e| K::of(&e.scene.kind))
        .cloned()
    else {
        println!("{what}: no {} scene", K::NAME);
        return None;
    };
    let opening = Opening {
        moment: None,
        projectors: 0,
        assets: Some(lib.assets_dir.as_path().into()),
    };
    match p.build(&opening) {
        Ok(state) => Some((p, state)),
        Err(e) => {
            println!("{what}: does not build: {e}");
            None
        }
    }
}

fn report(label: &str, mut frame_ms: Vec<f64>, c: &quakehall::domain::draw::Canvas, what: &str) {
    let copy_ms = median(
        (0..50)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(c.rgba.clone());
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    );
    frame_ms.sort_by(f64::total_cmp);
    let med = frame_ms[frame_ms.len() / 2];
    println!(
        "{label}: median {med:.2} ms, p95 {:.2} ms (goal < 4 ms); ratio to copying the {what} {:.1}",
        frame_ms[frame_ms.len() * 95 / 100],
        med / copy_ms.max(1e-6)
    );
}

/// 14 while each quake plays: the trace and spectrogram scroll under the
/// playhead every frame (the voice moved on by a 60 fps frame, as without
/// an audio output), against copying both pictures.
fn sonify_playing() {
    use quakehall::domain::draw::Canvas;

    use quakehall::kinds::{Kind, SonifyParams};
    let Some((_, mut g)) = shipped::<SonifyParams>("sonify") else {
        return;
    };
    let specs = SonifyParams::pictures(&g);
    let mut canvases: Vec<Canvas> = specs
        .iter()
        .map(|s| Canvas::new(s.width, s.height, s.background))
        .collect();
    let mut both = Canvas::new(
        specs[0].width,
        specs[0].height + specs[1].height,
        specs[0].background,
    );
    for k in 0..g.quakes.len() {
        let tap = Instant::now();
        g.play(k);
        println!(
            "14 tap on {}: the sound is ready to start after {:.3} ms (made when the exhibit opens)",
            g.quakes[k].name.en,
            tap.elapsed().as_secs_f64() * 1e3
        );
        let frames = (g.quakes[k].sound.duration_s() * 60.0) as usize;
        let mut frame_ms = Vec::new();
        for _ in 0..frames {
            let start = Instant::now();
            if let Some(v) = SonifyParams::voice(&mut g) {
                v.run_silently(1.0 / 60.0);
            }
            SonifyParams::advance(&mut g, 1.0 / 60.0);
            for (i, c) in canvases.iter_mut().enumerate() {
                if SonifyParams::stale(&g, i) {
                    SonifyParams::draw(&mut g, i, c);
                }
            }
            frame_ms.push(start.elapsed().as_secs_f64() * 1e3);
        }
        both.rgba.clear();
        both.rgba
            .extend(canvases.iter().flat_map(|c| c.rgba.iter().copied()));
        let label = format!("14 {} playing ({frames} frames)", g.quakes[k].name.en);
        report(&label, frame_ms, &both, "trace and spectrogram");
    }
    // 16's Listen button makes its sound on the first tap.
    use quakehall::kinds::FindWavesParams;
    if let Some((_, mut game)) = shipped::<FindWavesParams>("listen") {
        for i in 0..game.rounds.len() {
            game.current = i;
            let tap = Instant::now();
            game.listen();
            println!(
                "16 first tap on Listen, recording {}: the sound is ready after {:.1} ms",
                i + 1,
                tap.elapsed().as_secs_f64() * 1e3
            );
            game.listen();
        }
    }
}

/// 12 while each quake's replay runs: the column's foot and its trail
/// move every frame and the whole instrument is drawn again, against
/// copying the picture.
fn seismoscope_replay() {
    use quakehall::domain::draw::Canvas;

    use quakehall::kinds::{Kind, SeismoscopeParams};
    let Some((_, mut g)) = shipped::<SeismoscopeParams>("seismoscope") else {
        return;
    };
    let spec = SeismoscopeParams::pictures(&g)[0];
    let mut c = Canvas::new(spec.width, spec.height, spec.background);
    for k in 0..g.quakes.len() {
        g.play(k);
        let (a, b) = g.quakes[k].window();
        let frames = ((b - a) / g.speed * 60.0) as usize;
        let mut frame_ms = Vec::new();
        for _ in 0..frames {
            let start = Instant::now();
            SeismoscopeParams::advance(&mut g, 1.0 / 60.0);
            if SeismoscopeParams::stale(&g, 0) {
                SeismoscopeParams::draw(&mut g, 0, &mut c);
            }
            frame_ms.push(start.elapsed().as_secs_f64() * 1e3);
        }
        let label = format!("12 {} replaying ({frames} frames)", g.quakes[k].name.en);
        report(&label, frame_ms, &c, "instrument");
    }
}

/// 13's drum while a finger scrolls the whole day past (8.64 M samples,
/// every visible line drawn again each frame), raw and filtered, against
/// copying the picture.
fn helicorder_scroll() {
    use quakehall::domain::draw::Canvas;

    use quakehall::kinds::helicorder::game::PITCH;
    use quakehall::kinds::{HelicorderParams, Kind};
    let t = Instant::now();
    let Some((_, mut r)) = shipped::<HelicorderParams>("helicorder") else {
        return;
    };
    println!(
        "13 the synthetic day made and laid on the drum in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let spec = HelicorderParams::pictures(&r)[0];
    let mut c = Canvas::new(spec.width, spec.height, spec.background);
    let (w, h) = (spec.width as f32, spec.height as f32);
    for clearer in [false, true] {
        if r.clearer != clearer {
            r.toggle_filter();
        }
        r.scroll_to_line(0);
        let mut frame_ms = Vec::new();
        // A finger dragging the drum from its top to its bottom, 8 px a frame.
        r.press(w / 2.0, h - 10.0);
        for k in 0..600 {
            let y = h - 10.0 - (k as f32 * 8.0) % (h - 20.0);
            if k > 0 && y > h - 20.0 {
                r.release(w / 2.0, y);
                r.press(w / 2.0, h - 10.0);
            }
            let start = Instant::now();
            r.drag(w / 2.0, y);
            if HelicorderParams::stale(&r, 0) {
                HelicorderParams::draw(&mut r, 0, &mut c);
            }
            frame_ms.push(start.elapsed().as_secs_f64() * 1e3);
        }
        r.release(w / 2.0, 0.0);
        let label = format!(
            "13 drum scrolling, {} ({:.0} px a line, {}x{})",
            if clearer { "filtered" } else { "raw" },
            PITCH,
            spec.width,
            spec.height
        );
        report(&label, frame_ms, &c, "drum");
    }
}

/// 18's nomogram while a finger drags the ruler's end: the scales are
/// drawn once, the marks and the ruler over them each frame.
fn ruler_drag() {
    use quakehall::domain::draw::Canvas;

    use quakehall::kinds::how_big::game::NOMO_H;
    use quakehall::kinds::{HowBigParams, Kind};
    let Some((_, mut game)) = shipped::<HowBigParams>("ruler drag") else {
        return;
    };
    // Measure the first round and go to the nomogram.
    let w = quakehall::kinds::how_big::game::RECORD_W as f32;
    let peak = game.round().peak_s;
    let x = (game.round().view.frac_of(peak) * w as f64) as f32;
    game.record_press(x, w);
    game.record_release();
    game.to_nomogram();
    let spec = HowBigParams::pictures(&game)[1];
    let mut c = Canvas::new(spec.width, spec.height, spec.background);
    game.draw(1, &mut c);
    game.nomogram_press(0.9, 0.3);
    let mut frame_ms = Vec::new();
    for step in 0..240 {
        let f = step as f64 / 240.0;
        game.nomogram_drag(0.9, 0.2 + 0.6 * (f * 6.0).sin().abs());
        let start = Instant::now();
        game.draw(1, &mut c);
        frame_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let label = format!(
        "18 ruler drag, nomogram {}x{} ({NOMO_H} tall)",
        spec.width, spec.height
    );
    report(&label, frame_ms, &c, "picture");
}

/// 19's table while a card plays (the viewer drawn further each frame)
/// and while a finger carries it.
fn card_play() {
    use quakehall::domain::draw::Canvas;

    use quakehall::kinds::quake_or_not::game::PLAY_S;
    use quakehall::kinds::{Kind, QuakeOrNotParams};
    let Some((_, mut game)) = shipped::<QuakeOrNotParams>("card play") else {
        return;
    };
    let spec = QuakeOrNotParams::pictures(&game)[0];
    let mut c = Canvas::new(spec.width, spec.height, spec.background);
    game.draw(&mut c);
    let (l, t, w, h) = game.slot(0);
    game.press(l + w / 2.0, t + h / 2.0);
    let mut frame_ms = Vec::new();
    let frames = (PLAY_S * 60.0) as usize;
    for step in 0..frames * 2 {
        game.advance(1.0 / 60.0);
        if step >= frames {
            // Then carried about by the finger.
            let f = (step - frames) as f32 / frames as f32;
            game.drag(100.0 + 800.0 * f, 300.0 + 100.0 * (f * 9.0).sin());
        }
        let start = Instant::now();
        game.draw(&mut c);
        frame_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let label = format!(
        "19 card playing and carried, table {}x{}",
        spec.width, spec.height
    );
    report(&label, frame_ms, &c, "table");
}

fn exhibit_frames() {
    use quakehall::domain::scene::Library;
    use quakehall::kinds::{Kind, KindVisitor, Opening, visit_kinds};

    struct Frames(Library);

    impl KindVisitor for Frames {
        fn visit<K: Kind>(&mut self) {
            use quakehall::domain::draw::Canvas;
            for ex in &self.0.exhibits {
                let Some(p) = K::of(&ex.scene.kind) else {
                    continue;
                };
                let opening = Opening {
                    moment: Some(1),
                    projectors: 0,
                    assets: Some(self.0.assets_dir.as_path().into()),
                };
                let Ok(mut state) = p.build(&opening) else {
                    println!("{}: does not build", ex.scene.id);
                    continue;
                };
                let pictures = K::pictures(&state);
                if pictures.is_empty() {
                    continue;
                }
                let mut canvases: Vec<Canvas> = pictures
                    .iter()
                    .map(|p| Canvas::new(p.width, p.height, p.background))
                    .collect();
                let frames = 400;
                let dt = 60.0 / frames as f64 * p.clock_pace().unwrap_or(1.0);
                let (mut work, mut copy) = (Vec::new(), Vec::new());
                for _ in 0..frames {
                    let start = Instant::now();
                    K::advance(&mut state, dt);
                    // As the app draws them: a picture only when it changed.
                    for (i, c) in canvases.iter_mut().enumerate() {
                        if K::stale(&state, i) {
                            K::draw(&mut state, i, c);
                        }
                    }
                    work.push(start.elapsed().as_secs_f64() * 1e3);
                    let start = Instant::now();
                    for c in &canvases {
                        std::hint::black_box(c.rgba.clone());
                    }
                    copy.push(start.elapsed().as_secs_f64() * 1e3);
                }
                work.sort_by(f64::total_cmp);
                copy.sort_by(f64::total_cmp);
                let median = work[work.len() / 2];
                let size: Vec<String> = pictures
                    .iter()
                    .map(|p| format!("{}x{}", p.width, p.height))
                    .collect();
                println!(
                    "{} ({}) per frame, pictures {}:",
                    ex.scene.id,
                    K::NAME,
                    size.join(" + ")
                );
                println!(
                    "  median {median:.2} ms, p95 {:.2} ms (goal < 4 ms); ratio to copying its pictures {:.1}",
                    work[work.len() * 95 / 100],
                    median / copy[copy.len() / 2].max(1e-6)
                );
            }
        }
    }

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let lib = Library::load(&root.join("scenes"), &root.join("assets"));
    visit_kinds(&mut Frames(lib));
}

/// The sand table while a finger turns it (rasterising again each frame)
/// against the still view (re-shading), and one tap's quake.
fn sand_table_turning() {
    use quakehall::domain::scene::{ExhibitScene, parse::parse_ron};
    use quakehall::domain::touch::Gesture;
    use quakehall::kinds::InKind;
    use quakehall::kinds::sand_table::{SandTableParams, table::SandTable};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenes/09-sand-table.ron");
    let src = std::fs::read_to_string(&path).expect("the shipped scene");
    let scene: ExhibitScene = parse_ron(&path, &src).expect("a valid scene");
    let p = SandTableParams::of(&scene.kind).expect("exhibit 09 is a sand table");
    let mut t = SandTable::new(p).expect("the table builds");
    let start = Instant::now();
    t.quake_at(29.40, 106.62);
    let quake_ms = start.elapsed().as_secs_f64() * 1e3;
    let frame = |t: &mut SandTable, turn: bool| {
        let start = Instant::now();
        if turn {
            t.view.camera.apply(Gesture::Orbit(2.0, 0.0), 540.0);
        }
        t.advance(1.0 / 30.0);
        t.draw(720, 540);
        start.elapsed().as_secs_f64() * 1e3
    };
    let mut still: Vec<f64> = (0..200).map(|_| frame(&mut t, false)).collect();
    let mut turning: Vec<f64> = (0..100).map(|_| frame(&mut t, true)).collect();
    for v in [&mut still, &mut turning] {
        v.sort_by(f64::total_cmp);
    }
    let med = |v: &[f64]| v[v.len() / 2];
    let p95 = |v: &[f64]| v[v.len() * 95 / 100];
    println!("09-sand-table while a finger turns it (720x540 table):");
    println!(
        "  median {:.2} ms, p95 {:.2} ms; ratio to the still view {:.1}",
        med(&turning),
        p95(&turning),
        med(&turning) / med(&still)
    );
    println!("  a tap's quake (travel times and five 3-component records): {quake_ms:.0} ms");
}

fn travel_times() {
    use quakehall::domain::physics::earth::iasp91;
    use quakehall::domain::physics::taup::{TauModel, Wave};
    let mut setups = Vec::new();
    let mut tau = None;
    for _ in 0..7 {
        let t = Instant::now();
        let m = TauModel::new(iasp91()).expect("model");
        setups.push(t.elapsed().as_secs_f64());
        tau = Some(m);
    }
    let tau = tau.expect("built");
    let mut sources = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let s = tau.source(10.0);
        sources.push(t.elapsed().as_secs_f64());
        std::hint::black_box(&s);
    }
    let src = tau.source(10.0);
    let n = 200_000;
    let dist = |i: usize| ((i * 7919) % 1800) as f64 / 10.0;
    let t = Instant::now();
    let mut acc = 0.0;
    for i in 0..n {
        let wave = if i % 2 == 0 { Wave::P } else { Wave::S };
        acc += src.first_time(wave, dist(i)).unwrap_or(0.0);
    }
    let fast = t.elapsed().as_secs_f64();
    let m = 200;
    let t = Instant::now();
    for i in 0..m {
        let wave = if i % 2 == 0 { Wave::P } else { Wave::S };
        acc += src.first(wave, dist(i)).map(|a| a.time_s).unwrap_or(0.0);
    }
    let exact = t.elapsed().as_secs_f64() / m as f64 * n as f64;
    std::hint::black_box(acc);
    println!("Travel times (iasp91):");
    println!(
        "  model setup: {:.1} ms (goal: under 50 ms)",
        median(setups) * 1e3
    );
    println!(
        "  source depth setup (all phases): {:.2} ms",
        median(sources) * 1e3
    );
    println!(
        "  first-arrival P/S queries from the tables: {:.0} per second (goal: 100000)",
        n as f64 / fast
    );
    println!(
        "  the same refined by exact integration: {:.0} per second",
        n as f64 / exact
    );
    println!("  ratio tables/exact speed: {:.0}", exact / fast);
}

/// 02 with every quake of the catalogue drawn while a finger turns the
/// globe: the per-frame work (the globe's camera and the exhibit's
/// advance; the texture is not drawn again) against copying the texture
/// once; then what scrubbing costs: the years running forward (only new
/// quakes drawn) and a filter change (everything drawn again).
fn globe_turning() {
    use quakehall::domain::draw::Canvas;
    use quakehall::domain::globe::OnGlobe;
    use quakehall::domain::touch::Gesture;
    use quakehall::kinds::{Kind, SeismicBeltsParams};
    let Some((_, mut b)) = shipped::<SeismicBeltsParams>("globe") else {
        return;
    };
    let spec = SeismicBeltsParams::pictures(&b)[0];
    let mut c = Canvas::new(spec.width, spec.height, spec.background);
    b.set_year(2024.0);
    b.playing = false;
    b.draw(&mut c);
    let mut turning = Vec::new();
    for i in 0..600 {
        let start = Instant::now();
        b.globe_mut().camera.apply(Gesture::Orbit(4.0, (i % 7) as f32 - 3.0), 600.0);
        b.globe_mut().camera.advance(1.0 / 60.0);
        SeismicBeltsParams::advance(&mut b, 1.0 / 60.0);
        if SeismicBeltsParams::stale(&b, 0) {
            SeismicBeltsParams::draw(&mut b, 0, &mut c);
        }
        std::hint::black_box(b.globe().view());
        turning.push(start.elapsed().as_secs_f64() * 1e3);
    }
    report(
        &format!("02 turning the globe, all {} quakes drawn", b.shown_count()),
        turning,
        &c,
        "texture",
    );
    b.set_year(1900.0);
    b.draw(&mut c);
    let mut forward = Vec::new();
    while b.year < 2024.0 {
        b.set_year(b.year + 0.1);
        let start = Instant::now();
        b.draw(&mut c);
        forward.push(start.elapsed().as_secs_f64() * 1e3);
    }
    report("02 the years playing (6 a second at 60 fps)", forward, &c, "texture");
    let mut redraw = Vec::new();
    for m in [7.0, 6.0, 8.0, 6.0, 7.0, 6.0] {
        b.set_min_magnitude(m);
        let start = Instant::now();
        b.draw(&mut c);
        redraw.push(start.elapsed().as_secs_f64() * 1e3);
    }
    report("02 a filter change (every quake drawn again)", redraw, &c, "texture");
}

/// 03 while a finger slides the block: the blocks drawn again each frame.
fn fault_drag() {
    use quakehall::domain::draw::Canvas;
    use quakehall::kinds::{FaultTypesParams, Kind};
    let Some((_, mut s)) = shipped::<FaultTypesParams>("faults") else {
        return;
    };
    let spec = FaultTypesParams::pictures(&s)[0];
    let mut c = Canvas::new(spec.width, spec.height, spec.background);
    let mut ms = Vec::new();
    for i in 0..240 {
        let (ax, ay) = s.blocks.drag_axis();
        let k = if (i / 60) % 2 == 0 { 0.02 } else { -0.02 };
        s.blocks.drag(ax * k, ay * k);
        let start = Instant::now();
        if FaultTypesParams::stale(&s, 0) {
            FaultTypesParams::draw(&mut s, 0, &mut c);
        }
        ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    report("03 sliding a fault's block (800x600)", ms, &c, "picture");
}

/// 04 while a finger loads the fault and events run: the model's steps
/// and the three pictures as they change.
fn rebound_loading() {
    use quakehall::domain::draw::Canvas;
    use quakehall::kinds::{ElasticReboundParams, Kind};
    let Some((_, mut r)) = shipped::<ElasticReboundParams>("rebound") else {
        return;
    };
    let mut cs: Vec<Canvas> = ElasticReboundParams::pictures(&r)
        .iter()
        .map(|p| Canvas::new(p.width, p.height, p.background))
        .collect();
    let mut ms = Vec::new();
    for _ in 0..600 {
        let start = Instant::now();
        r.drag(0.004);
        ElasticReboundParams::advance(&mut r, 1.0 / 60.0);
        for (i, c) in cs.iter_mut().enumerate() {
            if ElasticReboundParams::stale(&r, i) {
                ElasticReboundParams::draw(&mut r, i, c);
            }
        }
        ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    println!("  ({} events)", r.events().len());
    report("04 loading the fault by hand (960x340 + 960x150 + 400x280)", ms, &cs[0], "fault picture");
}

/// Frames of a kind's state: `act` before each frame (the visitor's
/// finger), then the kind's own advance and the drawing of every stale
/// picture, timed together.
fn kind_frames<K: quakehall::kinds::Kind>(
    what: &str,
    label: &str,
    frames: usize,
    mut act: impl FnMut(&mut K::State, usize),
) {
    use quakehall::domain::draw::Canvas;
    let Some((_, mut st)) = shipped::<K>(what) else {
        return;
    };
    let mut cs: Vec<Canvas> = K::pictures(&st)
        .iter()
        .map(|p| Canvas::new(p.width, p.height, p.background))
        .collect();
    let mut ms = Vec::new();
    for f in 0..frames {
        let start = Instant::now();
        act(&mut st, f);
        K::advance(&mut st, 1.0 / 60.0);
        for (i, c) in cs.iter_mut().enumerate() {
            if K::stale(&st, i) {
                K::draw(&mut st, i, c);
            }
        }
        ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    report(label, ms, &cs[0], "picture");
}

fn warning_running() {
    use quakehall::kinds::EarlyWarningParams;
    // The Wenchuan quake from origin to past the alert (60 s of story).
    kind_frames::<EarlyWarningParams>("warning", "22 the Wenchuan quake running (640x640 map)", 600, |c, f| {
        if f == 0 {
            c.start(1);
        }
        c.advance(0.1);
    });
}

fn rings_dragging() {
    use quakehall::kinds::IntensityRingsParams;
    // The magnitude slider dragged to and fro, a new magnitude every frame.
    kind_frames::<IntensityRingsParams>("rings", "23 dragging the magnitude (640x640 map)", 400, |r, f| {
        let x = (f % 100) as f64 / 100.0;
        r.set_fraction(if (f / 100) % 2 == 0 { x } else { 1.0 - x });
    });
}

fn quiz_shaking() {
    use quakehall::kinds::SafetyQuizParams;
    kind_frames::<SafetyQuizParams>("quiz", "24 a scene shaking (640x480 picture)", 150, |_, _| {});
}

fn tower_shaking() {
    use quakehall::kinds::ShakeTowerParams;
    // The tallest tower, braced, shaken by the slow record to its end.
    kind_frames::<ShakeTowerParams>("tower", "25 an 8-storey tower shaking (600x600 picture)", 900, |t, f| {
        if f == 0 {
            while t.design.floors < quakehall::kinds::shake_tower::tower::MAX_FLOORS {
                t.add_floor();
            }
            t.brace_all();
            t.choose_record(1);
            t.shake();
        }
    });
}
