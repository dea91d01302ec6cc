//! `Seismoscope` ("Zhang Heng's seismoscope"): the instrument of AD 132,
//! eight dragons on a bronze vessel and eight toads below, shaken by the
//! horizontal motion of a recorded quake. A heavy column hangs inside (the
//! suspended-pendulum reconstruction, `mechanism`); the first time its foot
//! swings as far as the gap, the dragon it swings towards drops its ball
//! with a clink, and the true direction to the epicentre is drawn beside
//! it. The story of the Longxi report and the honest word that how the
//! instrument worked is still debated go with it.

pub mod card;
pub mod game;
pub mod mechanism;
pub mod texts;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::puzzle::check_recording;
use crate::domain::puzzle::reference::{reference_picks, sidecar};
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use crate::domain::waveform::{self, Trace};
use game::{PIC, Quake, Scope};
use mechanism::Column;

/// Parameters of a `Seismoscope`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeismoscopeParams {
    /// What to do, shown beside the instrument.
    pub intro: Bilingual,
    /// The quakes to set on it, one button each (1-4).
    pub quakes: Vec<ScopeQuake>,
    /// The hanging column's length, m (0.5-3): its period is 2π√(L/g),
    /// 2.5 s for 1.5 m.
    pub column_m: f32,
    /// How far the column's foot must swing to push a ball into a channel,
    /// mm (0.01-20): smaller is more sensitive.
    pub gap_mm: f32,
    /// Record seconds a replay shows per second (1-20).
    pub speed: f32,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// One quake to set on the instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeQuake {
    /// Its button.
    pub name: Bilingual,
    /// What it is, shown while it plays.
    pub about: Bilingual,
    /// A recording of ground velocity, miniSEED or SAC, inside `assets/`,
    /// with north and east components.
    pub recording: String,
    /// The direction from the recording's station to the epicentre,
    /// degrees clockwise from north (the back-azimuth); without it, a
    /// synthetic sidecar's.
    #[serde(default)]
    pub epicentre_deg: Option<f32>,
    /// nm/s per count, for a real recording (its sensitivity inverted); a
    /// synthetic recording's sidecar says nm/s.
    #[serde(default)]
    pub nm_s_per_count: Option<f64>,
}

/// The north and east components of `traces`.
fn north_east(traces: &[Trace]) -> Option<(&Trace, &Trace)> {
    let find = |ends: [char; 2]| {
        traces
            .iter()
            .filter(|t| t.channel.ends_with(ends) && t.sample_rate_hz > 0.0 && t.len() >= 16)
            .max_by_key(|t| t.len())
    };
    let (n, e) = (find(['N', 'n'])?, find(['E', 'e'])?);
    (n.sample_rate_hz == e.sample_rate_hz).then_some((n, e))
}

/// Quake `q` swinging `column`, read from `assets`.
fn load_quake(opening: &Opening, column: &Column, q: &ScopeQuake) -> Result<Quake, String> {
    let path = opening.asset(&q.recording);
    let file = waveform::read_file(&path).map_err(|e| e.to_string())?;
    let (n, e) = north_east(&file.stream.traces).ok_or("no north and east components")?;
    let side = sidecar(&path);
    let gain = q
        .nm_s_per_count
        .or(side.as_ref().filter(|s| s.units == "nm/s").map(|_| 1.0))
        .ok_or("the recording's units are not known: write nm_s_per_count:")?;
    let epicentre_deg = q
        .epicentre_deg
        .map(f64::from)
        .or(side.as_ref().map(|s| s.back_azimuth_deg))
        .ok_or("the direction to the epicentre is not known: write epicentre_deg:")?;
    let start = n.start.max(e.start);
    let skip = |t: &Trace| (start.secs_since(t.start) * t.sample_rate_hz).round().max(0.0) as usize;
    let scaled = |t: &Trace| -> Vec<f64> {
        t.samples.to_f64().iter().skip(skip(t)).map(|v| v * gain).collect()
    };
    let swing = column.swing(&scaled(n), &scaled(e), n.sample_rate_hz);
    let picks = reference_picks(&path, &file, None, None);
    Ok(Quake {
        name: q.name.clone(),
        about: q.about.clone(),
        swing,
        epicentre_deg,
        p_s: picks.p.map(|p| p.time.secs_since(start)),
    })
}

impl SeismoscopeParams {
    /// The column the scene describes.
    pub fn column(&self) -> Column {
        Column {
            length_m: self.column_m as f64,
            gap_mm: self.gap_mm as f64,
        }
    }
}

impl Kind for SeismoscopeParams {
    type State = Scope;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.count(&at.field("quakes"), self.quakes.len(), 1, 4, "quakes");
        c.range_f32(&at.field("column_m"), self.column_m, 0.5, 3.0, "m");
        c.range_f32(&at.field("gap_mm"), self.gap_mm, 0.01, 20.0, "mm");
        c.range_f32(&at.field("speed"), self.speed, 1.0, 20.0, "record seconds a second");
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        let opening = Opening {
            assets: Some(c.assets_dir().into()),
            ..Opening::default()
        };
        for (i, q) in self.quakes.iter().enumerate() {
            let qp = at.field("quakes").index(i);
            c.text(&qp.field("name"), &q.name, 16);
            c.text(&qp.field("about"), &q.about, 80);
            if let Some(d) = q.epicentre_deg {
                c.range_f32(&qp.field("epicentre_deg"), d, 0.0, 360.0, "degrees clockwise from north");
            }
            if q.nm_s_per_count.is_some_and(|g| !(g.is_finite() && g > 0.0)) {
                c.error(&qp.field("nm_s_per_count"), "must be a positive number");
            }
            if !check_recording(c, &qp, &q.recording, [&None, &None]) {
                continue;
            }
            match load_quake(&opening, &self.column(), q) {
                Err(e) => {
                    let field = if e.contains("nm_s_per_count") {
                        "nm_s_per_count"
                    } else if e.contains("epicentre_deg") {
                        "epicentre_deg"
                    } else {
                        "recording"
                    };
                    c.error(&qp.field(field), e);
                }
                Ok(quake) if quake.swing.drop.is_none() => c.warn(
                    &qp.field("recording"),
                    "this quake never swings the column as far as the gap: no dragon will drop its ball (make gap_mm smaller)",
                ),
                Ok(_) => {}
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut t = vec![self.intro.clone()];
        for q in &self.quakes {
            t.push(q.name.clone());
            t.push(q.about.clone());
        }
        for names in [mechanism::DIRECTIONS, mechanism::SHORT] {
            t.extend(names.iter().map(|&(zh, en)| Bilingual::new(zh, en)));
        }
        t.extend(texts::ALL.iter().map(|u| u.to_bilingual()));
        t
    }

    fn files(&self) -> Vec<&str> {
        let mut f = vec![self.preview.as_str()];
        f.extend(self.quakes.iter().map(|q| q.recording.as_str()));
        f
    }

    /// Opens at rest. A quake whose recording cannot be used is left out
    /// with a warning. `shot --open N`: quake N's replay run until a
    /// second after its ball dropped (or to its end).
    fn build(&self, opening: &Opening) -> Result<Scope, String> {
        let column = self.column();
        let quakes: Vec<Quake> = self
            .quakes
            .iter()
            .filter_map(|q| {
                load_quake(opening, &column, q)
                    .map_err(|e| eprintln!("warning: {}: {e}: left out", q.recording))
                    .ok()
            })
            .collect();
        if quakes.is_empty() {
            return Err("no quake could be set on the instrument".into());
        }
        let mut g = Scope::new(quakes, self.speed as f64, self.gap_mm as f64);
        if let Some(n) = opening.moment {
            let k = n.clamp(1, g.quakes.len()) - 1;
            let (a, b) = g.quakes[k].window();
            let until = g.quakes[k].swing.drop.map_or(b, |d| d.t_s + self.speed as f64);
            g.run_for(k, (until - a) / self.speed as f64);
        }
        Ok(g)
    }

    fn advance(g: &mut Scope, dt: f64) {
        g.advance(dt);
    }

    fn pictures(_: &Scope) -> Vec<Picture> {
        vec![Picture::new(PIC, PIC, Rgba::hex(0x10202e))]
    }

    fn stale(g: &Scope, _: usize) -> bool {
        g.stale()
    }

    fn draw(g: &mut Scope, _: usize, canvas: &mut Canvas) {
        g.draw(canvas);
    }

    fn sounds(&self) -> bool {
        true
    }

    fn voice(g: &mut Scope) -> Option<&mut crate::domain::sound::voice::Voice> {
        g.clink.as_mut()
    }

    const CARDS: &'static [Card] = &[("seismoscope", card::seismoscope)];
}
