//! What the touch puzzles share: the reference answers they score against,
//! the touch seismogram view and the magnitude nomogram. Each puzzle's own rules and state live in
//! its kind's folder (`src/kinds/`).

pub mod nomogram;
pub mod reference;
pub mod seismogram;

use crate::domain::waveform::Trace;

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
