//! Readers against arbitrary bytes: random files and real files damaged by
//! bit flips, truncation, splicing and bogus lengths. No input may panic,
//! read out of bounds (Rust would panic) or hang.
//!
//! In the test suite this runs for a few seconds. For a long run:
//! `QUAKEHALL_FUZZ_SECONDS=600 cargo test --release --no-default-features --test main fuzz -- --nocapture`
//! (seed with `QUAKEHALL_FUZZ_SEED`).

use std::time::{Duration, Instant};

use quakehall::domain::random::Seeded;
use quakehall::domain::scene::{ExhibitScene, HallConfig};
use quakehall::domain::waveform::{mseed, read_bytes, sac};

use super::common::root;

fn seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    // Real recordings when ../shared/data is there, and the scenes.
    let dirs = super::waveforms::shared_data()
        .map(|d| d.join("waveforms"))
        .into_iter()
        .chain([root().join("scenes")]);
    fn walk(d: &std::path::Path, out: &mut Vec<Vec<u8>>) {
        for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if !p.to_string_lossy().ends_with(".json")
                && std::fs::metadata(&p).is_ok_and(|m| m.len() < 200_000)
                && let Ok(b) = std::fs::read(&p)
            {
                out.push(b);
            }
        }
    }
    for d in dirs {
        walk(&d, &mut out);
    }
    // Files written by quakehall itself, and tiny valid headers.
    out.push(vec![0u8; 700]);
    out
}

fn mutate(rng: &mut Seeded, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut b = if seeds.is_empty() || rng.below(8) == 0 {
        (0..rng.below(5000)).map(|_| rng.bits() as u8).collect()
    } else {
        seeds[rng.below(seeds.len())].clone()
    };
    for _ in 0..1 + rng.below(8) {
        if b.is_empty() {
            break;
        }
        match rng.below(6) {
            0 => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(b.len());
                b[i] = rng.bits() as u8;
            }
            2 => b.truncate(rng.below(b.len())),
            3 => {
                // A bogus length or count: overwrite 2 or 4 bytes with extremes.
                let i = rng.below(b.len());
                for k in 0..4.min(b.len() - i) {
                    b[i + k] = if rng.below(2) == 0 { 0xff } else { 0x00 };
                }
            }
            4 => {
                let other = &seeds[rng
                    .below(seeds.len().max(1))
                    .min(seeds.len().saturating_sub(1))];
                if !other.is_empty() {
                    let at = rng.below(b.len());
                    let from = rng.below(other.len());
                    let len = rng.below(other.len() - from);
                    b.splice(at..at, other[from..from + len].iter().copied());
                }
            }
            _ => {
                let at = rng.below(b.len());
                let len = rng.below(64).min(b.len() - at);
                b.drain(at..at + len);
            }
        }
    }
    b
}

#[test]
fn readers_never_panic_on_arbitrary_bytes() {
    let seconds: u64 = std::env::var("QUAKEHALL_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let seed: u64 = std::env::var("QUAKEHALL_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234);
    let seeds = seeds();
    let mut rng = Seeded::new(seed);
    let start = Instant::now();
    let mut runs = 0u64;
    while start.elapsed() < Duration::from_secs(seconds) {
        let bytes = mutate(&mut rng, &seeds);
        let _ = mseed::read(&bytes);
        let _ = sac::read(&bytes);
        let _ = read_bytes("fuzz", &bytes);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let path = std::path::Path::new("fuzz.ron");
            let _ = quakehall::domain::scene::parse::parse_ron::<ExhibitScene>(path, text);
            let _ = quakehall::domain::scene::parse::parse_ron::<HallConfig>(path, text);
        }
        runs += 1;
    }
    println!("fuzz: {runs} inputs in {seconds} s, seed {seed}, no panic");
    assert!(runs > 100);
}
