use super::game::Rebound;
use super::model::{BLOCKS, Chain, K_LEAF};

/// Loads `c` just to the next failure and lets the event run out.
fn next_event(c: &mut Chain) {
    let need = (0..BLOCKS)
        .map(|i| (c.strength[i] - c.force(i)) / K_LEAF)
        .fold(f64::INFINITY, f64::min);
    c.load(need.max(0.0) + 1e-6);
    c.settle(50_000);
}

#[test]
fn the_fault_keeps_its_energy_apart_from_friction_and_radiation() {
    let mut c = Chain::new(3);
    let e0 = c.energy();
    // Slow loading by hand, as a finger would, and events in between.
    for _ in 0..400 {
        c.load(0.01);
        for _ in 0..40 {
            c.step();
        }
    }
    for _ in 0..30 {
        next_event(&mut c);
    }
    assert!(c.events.len() > 30, "{} events", c.events.len());
    let l = c.ledger;
    let balance = e0 + l.work_in - l.friction - l.radiated;
    let e = c.energy();
    assert!(l.friction > 0.0 && l.radiated > 0.0);
    assert!(
        (e - balance).abs() < 0.01 * l.work_in,
        "stored {e:.4} vs in {:.4} − friction {:.4} − radiated {:.4} = {balance:.4}",
        l.work_in,
        l.friction,
        l.radiated
    );
    // Nothing moves without the plate: a resting chain stays at rest.
    let before = (c.x.clone(), c.energy());
    for _ in 0..1000 {
        c.step();
    }
    assert_eq!((c.x.clone(), c.energy()), before);
}

#[test]
fn small_events_are_common_and_big_ones_rare() {
    let mut c = Chain::new(11);
    for _ in 0..600 {
        next_event(&mut c);
    }
    let mags: Vec<f64> = c.events.iter().map(|e| e.magnitude()).collect();
    let (lo, hi) = mags
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &m| (a.min(m), b.max(m)));
    assert!(hi - lo > 1.0, "sizes from M{lo:.1} to M{hi:.1}");
    // Counts in three equal bins of magnitude fall from small to big.
    let third = (hi - lo) / 3.0;
    let bin = |k: usize| {
        mags.iter()
            .filter(|&&m| {
                let a = lo + third * k as f64;
                m >= a && (m < a + third || (k == 2 && m <= hi))
            })
            .count()
    };
    let (a, b, d) = (bin(0), bin(1), bin(2));
    assert!(a > b && b > d && d > 0, "{a} {b} {d}");
    // Some events break the whole fault, most only a few blocks.
    let whole = c.events.iter().filter(|e| e.blocks == BLOCKS).count();
    let few = c.events.iter().filter(|e| e.blocks <= 3).count();
    assert!(few > whole, "{few} small vs {whole} whole-fault events");
}

#[test]
fn a_drag_loads_the_fault_until_it_snaps_and_sends_waves() {
    let mut r = Rebound::new(5);
    let mut frames = 0;
    while r.events().is_empty() {
        r.drag(0.005);
        r.advance(1.0 / 60.0);
        frames += 1;
        assert!(frames < 2000, "the fault never snapped");
    }
    // Dragging back does not unload it.
    let plate = r.chain.plate;
    r.drag(-0.5);
    assert_eq!(r.chain.plate, plate);
    for _ in 0..30 {
        r.advance(1.0 / 60.0);
    }
    assert!(!r.waves.is_empty() || r.events().len() == 1);
    assert!(r.record.iter().any(|&v| v != 0.0), "the station recorded it");
    r.fast_forward();
    while r.fast_left > 0 {
        r.advance(1.0 / 60.0);
    }
    assert!(r.events().len() >= 101);
}
