//! `WaveTank` ("Make waves"): a live simulation of P and S waves in a slice
//! of ground, drawn as a lit height surface; touching the rock sets off a
//! quake there; two meters compare a house on bedrock with a house on a
//! soft basin; "calm the ground" stops everything.

pub mod card;
pub mod tank;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Card, Kind, Opening, Picture};
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use tank::TankExhibit;

/// Rock of the wave tank.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RockParams {
    /// P speed, m/s.
    pub vp_m_s: f32,
    /// S speed, m/s.
    pub vs_m_s: f32,
    /// Density, kg/m³.
    pub density_kg_m3: f32,
}

/// A soft sedimentary basin at the surface of the wave tank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasinParams {
    /// Where its centre is, 0 (left edge) to 1 (right edge) of the slice
    /// shown on screen (inside the absorbing edges of the grid).
    pub centre: f32,
    /// Half of its width, m.
    pub half_width_m: f32,
    /// Its depth, m.
    pub depth_m: f32,
    /// Its rock.
    pub rock: RockParams,
    /// Its label on screen.
    pub label: Bilingual,
}

/// Parameters of a `WaveTank`: a vertical slice of ground, 2-D P-SV waves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaveTankParams {
    /// What to do, shown above the tank.
    pub intro: Bilingual,
    /// Cells across and down (128-512).
    pub cells: u32,
    /// Cell size, m.
    pub cell_m: f32,
    /// The bedrock.
    pub rock: RockParams,
    /// The bedrock's label on screen.
    pub rock_label: Bilingual,
    /// An optional soft basin.
    #[serde(default)]
    pub basin: Option<BasinParams>,
    /// Peak frequency of a touch's Ricker wavelet, Hz.
    pub source_hz: f32,
    /// Simulation steps per frame (1-20): how fast the waves run.
    pub steps_per_frame: u32,
    /// Set off one earthquake when the exhibit opens, so waves are moving
    /// before the first touch.
    pub start_with_quake: bool,
    /// Picture for the cards and the attract loop, inside `assets/`.
    pub preview: String,
}

/// A rock that can carry waves: speeds and density in range, P faster
/// than S by more than √2.
fn check_rock(c: &mut Checker, at: &FieldPath, r: &RockParams) {
    c.range_f32(&at.field("vp_m_s"), r.vp_m_s, 100.0, 14_000.0, "m/s");
    c.range_f32(&at.field("vs_m_s"), r.vs_m_s, 50.0, 8_000.0, "m/s");
    c.range_f32(
        &at.field("density_kg_m3"),
        r.density_kg_m3,
        1000.0,
        6000.0,
        "kg/m³",
    );
    c.p_faster_than_s(
        &at.field("vp_m_s"),
        r.vp_m_s as f64,
        r.vs_m_s as f64,
        "m/s",
    );
}

impl Kind for WaveTankParams {
    type State = TankExhibit;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        c.text(&at.field("intro"), &self.intro, 200);
        c.text(&at.field("rock_label"), &self.rock_label, 30);
        c.range_u32(&at.field("cells"), self.cells, 128, 512, "cells");
        c.range_f32(&at.field("cell_m"), self.cell_m, 1.0, 200.0, "m");
        c.range_f32(&at.field("source_hz"), self.source_hz, 0.5, 50.0, "Hz");
        c.range_u32(
            &at.field("steps_per_frame"),
            self.steps_per_frame,
            1,
            20,
            "steps",
        );
        c.asset(&at.field("preview"), &self.preview, PICTURE_EXTENSIONS);
        check_rock(c, &at.field("rock"), &self.rock);
        if let Some(b) = &self.basin {
            let bp = at.field("basin");
            c.text(&bp.field("label"), &b.label, 30);
            c.range_f32(
                &bp.field("centre"),
                b.centre,
                0.0,
                1.0,
                "(fraction of the width)",
            );
            let size = self.cells as f32 * self.cell_m;
            c.range_f32(
                &bp.field("half_width_m"),
                b.half_width_m,
                self.cell_m,
                size,
                "m",
            );
            c.range_f32(&bp.field("depth_m"), b.depth_m, self.cell_m, size, "m");
            check_rock(c, &bp.field("rock"), &b.rock);
        }
        // Waves need at least 8 cells per S wavelength at twice the peak frequency.
        let slowest = self
            .basin
            .as_ref()
            .map(|b| b.rock.vs_m_s)
            .unwrap_or(self.rock.vs_m_s)
            .min(self.rock.vs_m_s);
        let cells_per_wavelength = slowest / (2.0 * self.source_hz) / self.cell_m;
        if cells_per_wavelength < 8.0 {
            c.warn(
                &at.field("source_hz"),
                format!("only {cells_per_wavelength:.1} cells per S wavelength: waves will look ragged; lower source_hz or cell_m"),
            );
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        let mut v = vec![self.intro.clone(), self.rock_label.clone()];
        v.extend(self.basin.as_ref().map(|b| b.label.clone()));
        v
    }

    fn files(&self) -> Vec<&str> {
        vec![self.preview.as_str()]
    }


    fn build(&self, _: &Opening) -> Result<TankExhibit, String> {
        Ok(TankExhibit::new(self))
    }

    /// The tank runs `steps_per_frame` steps each frame, whatever the
    /// frame's length: on a slow machine the waves run slower, never
    /// unstably.
    fn advance(tank: &mut TankExhibit, _dt: f64) {
        tank.advance(tank.steps_per_frame);
    }

    fn pictures(tank: &TankExhibit) -> Vec<Picture> {
        let (w, h) = tank.picture_size();
        vec![Picture::new(w as u32, h as u32, Rgba::hex(0x000000))]
    }

    fn draw(tank: &mut TankExhibit, _: usize, canvas: &mut Canvas) {
        tank.shade(&mut canvas.rgba);
    }

    const CARDS: &'static [Card] = &[("make-waves", card::make_waves)];
}
