//! What the touch puzzles share: the reference answers they score against,
//! the touch seismogram view and the magnitude nomogram. Each puzzle's own rules and state live in
//! its kind's folder (`src/kinds/`).

pub mod features;
pub mod nomogram;
pub mod reference;
pub mod seismogram;

use crate::domain::scene::check::{Checker, FieldPath};
use crate::domain::waveform::{Trace, UtcTime};
use reference::{PickSource, ReferencePicks};

/// Files a recording may be: miniSEED or SAC.
pub const RECORDING_EXTENSIONS: &[&str] = &["mseed", "miniseed", "msd", "sac"];

/// Checks a puzzle recording written at `at`: its own picks (`p` and `s`,
/// ISO 8601 times, where written) and that its file is there. True when
/// the file can be read for the rest of the checks.
pub fn check_recording(
    c: &mut Checker,
    at: &FieldPath,
    recording: &str,
    [p, s]: [&Option<String>; 2],
) -> bool {
    for (name, t) in [("p", p), ("s", s)] {
        if let Some(t) = t {
            check_time(c, &at.field(name), t);
        }
    }
    let before = c.problems.len();
    c.asset(&at.field("recording"), recording, RECORDING_EXTENSIONS);
    c.problems.len() == before
}

/// An error at `at` unless `t` is an ISO 8601 time.
pub fn check_time(c: &mut Checker, at: &FieldPath, t: &str) {
    if UtcTime::parse_iso(t).is_none() {
        c.error(
            at,
            format!("\"{t}\" is not a time: write it like \"2026-03-18T02:14:22.17Z\""),
        );
    }
}

/// A warning where a recording's picks are not confirmed, proposing the
/// automatic ones for the curator to write into the scene.
pub fn check_picks(c: &mut Checker, at: &FieldPath, picks: &ReferencePicks) {
    match (picks.p, picks.s) {
        (None, _) | (_, None) => c.warn(
            &at.field("recording"),
            "no reference P and S for this recording, and the automatic picker finds none: \
             write them as p: and s: (the round is left out until then)",
        ),
        (Some(p), Some(s)) if p.source == PickSource::Automatic || s.source == PickSource::Automatic => {
            c.warn(
                &at.field("recording"),
                format!(
                    "no reference picks in the scene, the SAC header or a sidecar: the automatic \
                     picker proposes p: \"{}\", s: \"{}\"; check them and write them into the round",
                    p.time.iso_micros(),
                    s.time.iso_micros()
                ),
            )
        }
        _ => {}
    }
}

/// The rounds of a puzzle that can be played: each loaded by `load`, one
/// that cannot be left out with a warning rather than shown broken; an
/// error saying `none` when none can.
pub fn playable<R, T>(
    rounds: &[R],
    load: impl Fn(&R) -> Result<T, String>,
    none: &str,
) -> Result<Vec<T>, String> {
    let out: Vec<T> = rounds
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            load(r)
                .map_err(|e| eprintln!("warning: round {}: {e}: left out", i + 1))
                .ok()
        })
        .collect();
    if out.is_empty() {
        return Err(none.to_owned());
    }
    Ok(out)
}

/// The epicentral distance a SAC header gives, km: DIST, or from STLA/STLO
/// and EVLA/EVLO.
pub fn sac_distance_km(h: &crate::domain::waveform::sac::SacHeader) -> Option<f64> {
    if let Some(d) = h.float("dist") {
        return Some(d as f64);
    }
    let (a, b, c, d) = (
        h.float("stla")?,
        h.float("stlo")?,
        h.float("evla")?,
        h.float("evlo")?,
    );
    Some(
        crate::domain::physics::geo::distance_deg(a as f64, b as f64, c as f64, d as f64)
            * crate::domain::physics::geo::km_per_deg(),
    )
}

/// Opens a puzzle of `rounds` rounds at `shot --open N`'s moment: rounds
/// 1 to N each played by `play`, all but the last then left by `next`, so
/// that round N shows played; N past the last round shows the end.
pub fn open_at<G>(
    game: &mut G,
    moment: Option<usize>,
    rounds: usize,
    play: impl Fn(&mut G),
    next: impl Fn(&mut G),
) {
    let Some(n) = moment else { return };
    let n = n.clamp(1, rounds + 1);
    for k in 1..=n.min(rounds) {
        play(game);
        if k < n {
            next(game);
        }
    }
}

/// A station's horizontal record, east first, where S is strongest and P
/// still shows; the longest segment of it; any record where there is none.
pub fn horizontal(traces: &[Trace]) -> Option<&Trace> {
    let longest = |ends: &[char]| {
        traces
            .iter()
            .filter(|t| ends.is_empty() || t.channel.ends_with(ends))
            .max_by_key(|t| t.len())
    };
    longest(&['E', 'e', '2'])
        .or_else(|| longest(&['N', 'n', '1']))
        .or_else(|| longest(&[]))
}
