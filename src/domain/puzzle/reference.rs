//! The reference answers a puzzle scores a visitor against, for any
//! recording, taken in this order for each phase:
//!
//! 1. the scene file's own picks (a curator's or an analyst's);
//! 2. the picks in a SAC header (A and T0-T9, by their labels; an unlabelled
//!    A counts as P);
//! 3. the truth in the sidecar of a synthetic recording (`NET.STA.json`
//!    beside `NET.STA.mseed`, written by `quakehall synth`);
//! 4. otherwise (no sidecar: a real recording) the automatic picker
//!    ([`crate::domain::waveform::pick`]), whose picks a curator is shown
//!    to confirm.

use std::path::Path;

use crate::domain::physics::synth::Sidecar;
use crate::domain::waveform::pick::{self, Phase};
use crate::domain::waveform::{UtcTime, WaveformFile};

/// Where a reference pick came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickSource {
    /// Written in the scene file.
    Scene,
    /// From the SAC header.
    SacHeader,
    /// The synthetic recording's own truth.
    Sidecar,
    /// Found by the automatic picker: to be confirmed by a curator.
    Automatic,
}

impl PickSource {
    /// How a curator is told where the pick came from.
    pub fn describe(self) -> &'static str {
        match self {
            PickSource::Scene => "the scene file",
            PickSource::SacHeader => "the SAC header",
            PickSource::Sidecar => "the synthetic recording's sidecar",
            PickSource::Automatic => "the automatic picker (please confirm)",
        }
    }
}

/// A reference pick.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReferencePick {
    /// When.
    pub time: UtcTime,
    /// From where.
    pub source: PickSource,
}

/// The reference P and S of one recording (either may be missing).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ReferencePicks {
    /// The first P.
    pub p: Option<ReferencePick>,
    /// The first S.
    pub s: Option<ReferencePick>,
}

impl ReferencePicks {
    /// The pick of `phase`.
    pub fn get(&self, phase: Phase) -> Option<ReferencePick> {
        match phase {
            Phase::P => self.p,
            Phase::S => self.s,
        }
    }
}

/// The reference picks of the recording `file` read from `path`, with the
/// scene's own picks `scene_p` and `scene_s` first.
pub fn reference_picks(
    path: &Path,
    file: &WaveformFile,
    scene_p: Option<UtcTime>,
    scene_s: Option<UtcTime>,
) -> ReferencePicks {
    let mut r = ReferencePicks {
        p: scene_p.map(|time| ReferencePick {
            time,
            source: PickSource::Scene,
        }),
        s: scene_s.map(|time| ReferencePick {
            time,
            source: PickSource::Scene,
        }),
    };
    if let Some(h) = &file.sac_header {
        let picks = h.picks();
        let first = |phase: char| {
            picks
                .iter()
                .filter(|p| {
                    p.phase == Some(phase) || (phase == 'P' && p.field == "a" && p.label.is_none())
                })
                .map(|p| p.time)
                .min()
        };
        fill(&mut r.p, first('P'), PickSource::SacHeader);
        fill(&mut r.s, first('S'), PickSource::SacHeader);
    }
    if (r.p.is_none() || r.s.is_none())
        && let Some(side) = sidecar(path)
    {
        let first = |s_type: bool| {
            side.arrivals
                .iter()
                .filter(|a| a.phase.starts_with(['S', 's']) == s_type)
                .filter_map(|a| UtcTime::parse_iso(&a.time))
                .min()
        };
        fill(&mut r.p, first(false), PickSource::Sidecar);
        fill(&mut r.s, first(true), PickSource::Sidecar);
        // The sidecar is the whole truth of a synthetic recording: a phase
        // it does not list is not there (traffic has neither), and the
        // picker, which a passing lorry can trigger, is not asked.
        return r;
    }
    if r.p.is_none() || r.s.is_none() {
        // The window with the most samples is the recording's main one.
        let windows = pick::pick_stream(&file.stream);
        if let Some(w) = windows.iter().max_by_key(|w| w.end.0 - w.start.0) {
            fill(
                &mut r.p,
                w.pick(Phase::P).map(|p| p.time),
                PickSource::Automatic,
            );
            fill(
                &mut r.s,
                w.pick(Phase::S).map(|p| p.time),
                PickSource::Automatic,
            );
        }
    }
    r
}

fn fill(slot: &mut Option<ReferencePick>, time: Option<UtcTime>, source: PickSource) {
    if slot.is_none() {
        *slot = time.map(|time| ReferencePick { time, source });
    }
}

/// The synthetic sidecar beside `path` (same name, `.json`), when there is
/// one that says it is synthetic.
pub fn sidecar(path: &Path) -> Option<Sidecar> {
    let text = std::fs::read_to_string(path.with_extension("json")).ok()?;
    let side: Sidecar = serde_json::from_str(&text).ok()?;
    side.synthetic.then_some(side)
}
