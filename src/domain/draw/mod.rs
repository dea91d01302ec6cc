//! The drawing floor: a small anti-aliased rasteriser (canvas), text from
//! a system font, the seismogram strip and a CPU 3D view, and PNG encoding.
//! Everything that draws (plots, exhibits, the hall's pictures) builds on
//! this; nothing here knows about exhibits or recordings.

pub mod canvas;
pub mod palette;
pub mod strip;
pub mod text;
pub mod view3d;

pub use canvas::{Canvas, Rgba};

/// Width of every illustration of the hall (cards, e-book pages), pixels.
pub const ILLUSTRATION_W: u32 = 960;
/// Height of every illustration, pixels (3:2).
pub const ILLUSTRATION_H: u32 = 640;

/// Encodes a canvas as PNG bytes (deterministic for equal pixels).
pub fn encode_png(c: &Canvas) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, c.width, c.height);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header()?;
        w.write_image_data(&c.rgba)?;
    }
    Ok(out)
}

/// Decodes PNG bytes to RGBA8 pixels (for checks), or why it could not.
pub fn decode_png(bytes: &[u8]) -> Result<Canvas, String> {
    let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().map_err(|e| e.to_string())?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| "image too large".to_string())?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    let px = (info.width * info.height) as usize;
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf[..px * 4].to_vec(),
        png::ColorType::Rgb => buf[..px * 3]
            .chunks_exact(3)
            .flat_map(|c| [c[0], c[1], c[2], 255])
            .collect(),
        png::ColorType::Grayscale => buf[..px].iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::GrayscaleAlpha => buf[..px * 2]
            .chunks_exact(2)
            .flat_map(|c| [c[0], c[0], c[0], c[1]])
            .collect(),
        other => return Err(format!("unsupported colour type {other:?}")),
    };
    Ok(Canvas {
        width: info.width,
        height: info.height,
        rgba,
    })
}

/// A card picture ([`ILLUSTRATION_W`] by [`ILLUSTRATION_H`]) from an
/// exhibit's picture (a map, a scene): scaled to the card's width, its
/// middle band (rows past its edges repeat them).
pub fn card_from_picture(src: &Canvas) -> Canvas {
    let (w, h) = (ILLUSTRATION_W, ILLUSTRATION_H);
    let mut card = Canvas::new(w, h, Rgba::hex(0x000000));
    if src.width == 0 || src.height == 0 {
        return card;
    }
    let scale = w as f32 / src.width as f32;
    let top = (src.height as f32 * scale - h as f32) / 2.0;
    for y in 0..h {
        let sy = (((y as f32 + top) / scale).max(0.0) as u32).min(src.height - 1);
        for x in 0..w {
            let sx = ((x as f32 / scale) as u32).min(src.width - 1);
            let p = src.pixel(sx, sy);
            let i = ((y * w + x) * 4) as usize;
            card.rgba[i..i + 4].copy_from_slice(&[p.0, p.1, p.2, 255]);
        }
    }
    card
}
