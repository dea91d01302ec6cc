//! The project's own illustrations, drawn by code so that every picture the
//! hall shows is ours and can be regenerated: `quakehall art` writes them
//! to `assets/pictures/`, and a test checks the shipped files match.

pub mod canvas;
pub mod pictures;
pub mod strip;
pub mod text;
pub mod view3d;

use std::path::Path;

pub use canvas::{Canvas, Rgba};

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

/// Writes every illustration into `dir` as `NAME.png`; returns the paths.
pub fn write_all(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, draw) in pictures::ALL {
        let bytes = encode_png(&draw()).map_err(std::io::Error::other)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}
