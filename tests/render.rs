//! Render smoke tests: the real binary under xvfb with Mesa's software
//! Vulkan renders home, attract and every exhibit in both languages to a
//! non-blank PNG, and Chinese appears as Chinese, not as empty boxes.

use std::path::{Path, PathBuf};
use std::process::Command;

use quakehall::domain::draw::{Canvas, decode_png};
use quakehall::domain::scene::Library;
use quakehall::domain::text::{missing_glyphs, ui};

use super::common::root;

const SIZE: &str = "1280x720";

fn shot(scene: &str, lang: &str, out: &Path, no_cjk_font: bool) -> (Canvas, String) {
    shot_with(scene, lang, out, no_cjk_font, &[])
}

fn shot_with(
    scene: &str,
    lang: &str,
    out: &Path,
    no_cjk_font: bool,
    extra: &[&str],
) -> (Canvas, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quakehall"));
    cmd.current_dir(root())
        .args([
            "shot", "--scene", scene, "--lang", lang, "--size", SIZE, "--frames", "8", "--out",
        ])
        .arg(out)
        .args(extra);
    if no_cjk_font {
        cmd.env("FONTCONFIG_FILE", fontconfig_without_cjk());
    }
    let output = cmd.output().expect("run quakehall shot");
    let log = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "shot {scene} {lang} failed:\n{log}"
    );
    let png = std::fs::read(out).unwrap_or_else(|e| panic!("{}: {e}\n{log}", out.display()));
    (decode_png(&png).expect("valid PNG"), log)
}

/// Distinct colours and the share of pixels that differ from the most
/// common one: a blank or single-colour frame scores near zero.
fn busyness(c: &Canvas) -> (usize, f64) {
    let mut counts = std::collections::HashMap::new();
    for px in c.rgba.chunks_exact(4) {
        *counts
            .entry([px[0] >> 3, px[1] >> 3, px[2] >> 3])
            .or_insert(0usize) += 1;
    }
    let total = (c.width * c.height) as usize;
    let top = counts.values().copied().max().unwrap_or(0);
    (counts.len(), 1.0 - top as f64 / total as f64)
}

fn diff_fraction(a: &Canvas, b: &Canvas) -> f64 {
    let differing = a
        .rgba
        .chunks_exact(4)
        .zip(b.rgba.chunks_exact(4))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 24))
        .count();
    differing as f64 / (a.width * a.height) as f64
}

/// A fontconfig setup that sees every installed font except the CJK ones,
/// as on a machine where fonts-noto-cjk is not installed.
fn fontconfig_without_cjk() -> PathBuf {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let fonts = dir.join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    fn link_fonts(from: &Path, to: &Path) {
        for e in std::fs::read_dir(from).into_iter().flatten().flatten() {
            let p = e.path();
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            if p.is_dir() {
                link_fonts(&p, to);
            } else if !name.contains("CJK") && (name.ends_with(".ttf") || name.ends_with(".otf")) {
                let _ = std::os::unix::fs::symlink(&p, to.join(&name));
            }
        }
    }
    link_fonts(Path::new("/usr/share/fonts"), &fonts);
    let conf = dir.join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n\
             <fontconfig><dir>{}</dir><cachedir>{}</cachedir></fontconfig>\n",
            fonts.display(),
            dir.join("cache").display()
        ),
    )
    .unwrap();
    conf
}

fn out_dir() -> PathBuf {
    let dir = std::env::var_os("QUAKEHALL_SHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("quakehall-shots"));
    std::fs::create_dir_all(&dir).expect("shots folder");
    dir
}

#[test]
fn every_screen_renders_in_both_languages() {
    let lib = Library::load(&root().join("scenes"), &root().join("assets"));
    let mut scenes = vec!["attract".to_owned(), "home".to_owned()];
    scenes.extend(lib.ordered_exhibits().iter().map(|e| e.id.clone()));
    let dir = out_dir();
    for scene in &scenes {
        for lang in ["zh", "en"] {
            let out = dir.join(format!("{scene}-{lang}.png"));
            let targets = dir.join(format!("{scene}-{lang}-targets.json"));
            let (img, log) = shot_with(
                scene,
                lang,
                &out,
                false,
                &["--targets", targets.to_str().unwrap()],
            );
            assert_touch_targets(&format!("{scene} {lang}"), &targets, 3);
            assert_eq!((img.width, img.height), (1280, 720), "{scene} {lang}");
            let (colours, busy) = busyness(&img);
            assert!(
                colours > 40 && busy > 0.08,
                "{scene} {lang} looks blank: {colours} colours, {busy:.3} busy\n{log}"
            );
            assert!(!log.contains("panicked"), "{scene} {lang}:\n{log}");
        }
    }
}

/// Every laid-out touch target of the screen whose targets were written
/// to `file` is at least a finger (64 px on the 1280x720 screen) both
/// ways; there are at least `least` of them.
fn assert_touch_targets(what: &str, file: &Path, least: usize) {
    use quakehall::app::shot::TouchTarget;
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{what}: {e}"));
    let targets: Vec<TouchTarget> = serde_json::from_str(&text).expect("targets JSON");
    assert!(
        targets.len() >= least,
        "{what}: only {} touch targets",
        targets.len()
    );
    for t in &targets {
        assert!(
            t.width >= 63.5 && t.height >= 63.5,
            "{what}: {:?} is {:.0} x {:.0} px",
            t.label,
            t.width,
            t.height
        );
    }
}

/// Which of the home screen's zones (from 0, among those shown) holds `id`.
fn zone_of(lib: &Library, id: &str) -> usize {
    lib.hall
        .zones
        .iter()
        .filter(|z| z.exhibits.iter().any(|e| lib.exhibit(e).is_some()))
        .position(|z| z.exhibits.iter().any(|e| e == id))
        .unwrap_or(usize::MAX)
}

#[test]
fn home_shows_every_exhibit_at_once_or_one_swipe_away() {
    use quakehall::app::shot::TouchTarget;
    let lib = Library::load(&root().join("scenes"), &root().join("assets"));
    let dir = out_dir();
    for lang in ["zh", "en"] {
        let targets = dir.join(format!("home-whole-{lang}-targets.json"));
        shot_with(
            "home",
            lang,
            &dir.join(format!("home-whole-{lang}.png")),
            false,
            &["--targets", targets.to_str().unwrap()],
        );
        let found: Vec<TouchTarget> =
            serde_json::from_str(&std::fs::read_to_string(&targets).unwrap()).unwrap();
        for ex in lib.ordered_exhibits() {
            let number = format!("{:02}", ex.number);
            let card = found
                .iter()
                .find(|t| t.label == number)
                .unwrap_or_else(|| panic!("{lang}: no card for {}", ex.id));
            let (x, y) = card.centre;
            let (hw, hh) = (card.width / 2.0, card.height / 2.0);
            // Four zones fit side by side; the others are one swipe to the
            // left away (the screen says so).
            let on_screen = x - hw >= 0.0 && x + hw <= 1280.0;
            let one_swipe = x - hw >= 0.0 && x + hw <= 2.0 * 1280.0;
            assert!(
                (on_screen || one_swipe && zone_of(&lib, &ex.id) >= 4)
                    && y - hh >= 0.0
                    && y + hh <= 720.0,
                "{lang}: {}'s card at {:?} is neither on the screen nor one swipe away",
                ex.id,
                card.centre
            );
            if zone_of(&lib, &ex.id) < 4 {
                assert!(
                    on_screen,
                    "{lang}: {} is in one of the first four zones",
                    ex.id
                );
            }
        }
    }
}

#[test]
fn the_curator_pin_pad_and_overlay_are_touch_sized() {
    let dir = out_dir();
    for mode in ["pin", "overlay"] {
        let out = dir.join(format!("curator-{mode}.png"));
        let targets = dir.join(format!("curator-{mode}-targets.json"));
        shot_with(
            "home",
            "zh",
            &out,
            false,
            &["--curator", mode, "--targets", targets.to_str().unwrap()],
        );
        assert_touch_targets(&format!("curator {mode}"), &targets, 3);
    }
}

#[test]
fn the_editor_opens_on_the_exhibit_beside_its_preview() {
    let dir = out_dir();
    let (plain, _) = shot("15-station", "zh", &dir.join("editor-off.png"), false);
    let (edit, log) = shot_with(
        "15-station",
        "zh",
        &dir.join("editor-on.png"),
        false,
        &["--curator", "edit"],
    );
    assert!(log.contains("15-station.ron opened"), "{log}");
    // The form covers the left half; the exhibit, shrunk, the top right.
    assert!(
        diff_fraction(&plain, &edit) > 0.4,
        "{}",
        diff_fraction(&plain, &edit)
    );
    assert!(busyness(&edit).1 > 0.2);
}

#[test]
fn chinese_renders_with_the_cjk_font_not_as_boxes() {
    // Every character a visitor can read is in the font...
    let font =
        quakehall::app::fonts::find_cjk_font().expect("the CJK font (fonts-noto-cjk) is installed");
    let bytes = std::fs::read(&font).expect("read font");
    let lib = Library::load(&root().join("scenes"), &root().join("assets"));
    let mut texts = lib.hall.visitor_texts();
    for e in &lib.exhibits {
        texts.extend(e.scene.visitor_texts());
    }
    texts.extend(ui::ALL.iter().map(|t| t.to_bilingual()));
    let all: Vec<&str> = texts
        .iter()
        .flat_map(|t| [t.zh.as_str(), t.en.as_str()])
        .collect();
    let missing =
        missing_glyphs(&bytes, quakehall::app::fonts::CJK_FAMILY, all).expect("font readable");
    assert!(
        missing.is_empty(),
        "characters without a glyph: {missing:?}"
    );

    // ...and the renderer really uses it: the same Chinese screen rendered
    // on a system without the CJK font (boxes instead of characters) looks
    // clearly different, and the hall names the package to install.
    let dir = out_dir();
    let (with_font, _) = shot("15-station", "zh", &dir.join("font-with.png"), false);
    let (without, log) = shot("15-station", "zh", &dir.join("font-without.png"), true);
    assert!(
        log.contains("fonts-noto-cjk"),
        "the missing font is not named:\n{log}"
    );
    let d = diff_fraction(&with_font, &without);
    assert!(
        d > 0.01,
        "rendering without the CJK font changed only {d:.4} of the pixels"
    );
}

#[test]
fn bench_prints_the_documented_json() {
    let out = Command::new(env!("CARGO_BIN_EXE_quakehall"))
        .current_dir(root())
        .args([
            "bench", "--scene", "10", "--frames", "5", "--size", "320x180", "--json",
        ])
        .output()
        .expect("run quakehall bench");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    let v: serde_json::Value = serde_json::from_str(text.trim()).expect("one JSON object");
    assert_eq!(v["scene"], "10-make-waves");
    for field in ["median_ms", "p95_ms", "baseline_median_ms", "ratio"] {
        let x = v[field].as_f64().unwrap_or(-1.0);
        assert!(x > 0.0 && x.is_finite(), "{field}: {}", v[field]);
    }
    assert!(v["p95_ms"].as_f64() >= v["median_ms"].as_f64());
}

#[test]
fn redrawing_a_screen_leaves_no_pictures_or_entities_behind() {
    // Each redraw lays out every text again: glyph atlases are pictures
    // too, and a font reloaded between redraws would make new ones each
    // time (14 MB a redraw, as once happened on the attract loop).
    let dir = out_dir();
    for scene in ["home", "15-station", "09-sand-table"] {
        let out = dir.join(format!("redraws-{scene}.png"));
        let (_, log) = shot_with(scene, "zh", &out, false, &["--redraws", "21"]);
        let line = log
            .lines()
            .find(|l| l.starts_with("redraws: "))
            .unwrap_or_else(|| panic!("{scene}: no redraw counts in\n{log}"));
        let numbers: Vec<usize> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|w| w.parse().ok())
            .collect();
        let [pictures, entities, _, pictures_after, entities_after, _] = numbers[..] else {
            panic!("{scene}: {line}");
        };
        assert_eq!(pictures_after, pictures, "{scene}: {line}");
        assert!(entities_after <= entities + 2, "{scene}: {line}");
    }
}
