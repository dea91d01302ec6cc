//! Text for the project's own pictures and plots: glyph outlines from a
//! system font (through ttf-parser), filled by the canvas's rasteriser.

use std::path::PathBuf;

use super::canvas::{Canvas, Pt, Rgba};

/// A font file in memory.
#[derive(Debug, Clone)]
pub struct Font {
    data: Vec<u8>,
    index: u32,
}

/// Families tried, in order, for plot labels.
pub const SANS_FAMILIES: [&str; 3] = ["DejaVu Sans", "Noto Sans CJK SC", "sans-serif"];

impl Font {
    /// A font from file bytes (face `index` of a collection).
    pub fn from_bytes(data: Vec<u8>, index: u32) -> Result<Self, String> {
        ttf_parser::Face::parse(&data, index).map_err(|e| format!("not a usable font: {e}"))?;
        Ok(Self { data, index })
    }

    /// A sans-serif system font found through fontconfig.
    pub fn system_sans() -> Result<Self, String> {
        for family in SANS_FAMILIES {
            let Ok(out) = std::process::Command::new("fc-match")
                .args(["-f", "%{file}\n%{index}", family])
                .output()
            else {
                break;
            };
            let text = String::from_utf8_lossy(&out.stdout);
            let mut lines = text.lines();
            let file = PathBuf::from(lines.next().unwrap_or(""));
            let index: u32 = lines
                .next()
                .and_then(|l| l.trim().parse().ok())
                .unwrap_or(0);
            if let Ok(data) = std::fs::read(&file)
                && let Ok(font) = Font::from_bytes(data, index)
            {
                return Ok(font);
            }
        }
        Err("no system font found (install fonts-dejavu-core or fonts-noto-cjk): the plot has no labels".into())
    }

    fn face(&self) -> ttf_parser::Face<'_> {
        ttf_parser::Face::parse(&self.data, self.index).expect("checked when loaded")
    }

    /// Width of `text` at `size` pixels.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let face = self.face();
        let scale = size / face.units_per_em() as f32;
        text.chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .unwrap_or(face.units_per_em() / 2) as f32
                    * scale
            })
            .sum()
    }

    /// Draws `text` with its baseline starting at (`x`, `y`).
    pub fn draw(&self, c: &mut Canvas, text: &str, x: f32, y: f32, size: f32, color: Rgba) {
        let face = self.face();
        let scale = size / face.units_per_em() as f32;
        let mut pen = x;
        for ch in text.chars() {
            let Some(g) = face.glyph_index(ch) else {
                pen += size * 0.5;
                continue;
            };
            let mut outline = Outline {
                rings: Vec::new(),
                current: Vec::new(),
                origin: (pen, y),
                scale,
                last: (0.0, 0.0),
            };
            if face.outline_glyph(g, &mut outline).is_some() {
                outline.finish();
                c.fill_polygons(&outline.rings, color);
            }
            pen += face.glyph_hor_advance(g).unwrap_or(0) as f32 * scale;
        }
    }

    /// Draws `text` so that its right end is at `x`.
    pub fn draw_right(&self, c: &mut Canvas, text: &str, x: f32, y: f32, size: f32, color: Rgba) {
        let w = self.width(text, size);
        self.draw(c, text, x - w, y, size, color);
    }

    /// Draws `text` centred on `x`.
    pub fn draw_centered(
        &self,
        c: &mut Canvas,
        text: &str,
        x: f32,
        y: f32,
        size: f32,
        color: Rgba,
    ) {
        let w = self.width(text, size);
        self.draw(c, text, x - w / 2.0, y, size, color);
    }
}

/// Collects a glyph's contours as polygons, flattening curves.
struct Outline {
    rings: Vec<Vec<Pt>>,
    current: Vec<Pt>,
    origin: Pt,
    scale: f32,
    last: Pt,
}

impl Outline {
    fn map(&self, x: f32, y: f32) -> Pt {
        (
            self.origin.0 + x * self.scale,
            self.origin.1 - y * self.scale,
        )
    }

    fn finish(&mut self) {
        if self.current.len() >= 3 {
            self.rings.push(std::mem::take(&mut self.current));
        }
        self.current.clear();
    }
}

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.finish();
        let p = self.map(x, y);
        self.current.push(p);
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.map(x, y);
        self.current.push(p);
        self.last = (x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x0, y0) = self.last;
        for k in 1..=6 {
            let t = k as f32 / 6.0;
            let u = 1.0 - t;
            let px = u * u * x0 + 2.0 * u * t * x1 + t * t * x;
            let py = u * u * y0 + 2.0 * u * t * y1 + t * t * y;
            let p = self.map(px, py);
            self.current.push(p);
        }
        self.last = (x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (x0, y0) = self.last;
        for k in 1..=8 {
            let t = k as f32 / 8.0;
            let u = 1.0 - t;
            let px = u * u * u * x0 + 3.0 * u * u * t * x1 + 3.0 * u * t * t * x2 + t * t * t * x;
            let py = u * u * u * y0 + 3.0 * u * u * t * y1 + 3.0 * u * t * t * y2 + t * t * t * y;
            let p = self.map(px, py);
            self.current.push(p);
        }
        self.last = (x, y);
    }

    fn close(&mut self) {
        self.finish();
    }
}
