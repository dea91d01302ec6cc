//! `quakehall audify`: a recording sped up into sound, written to a WAV
//! file, the way exhibit 14 plays it: for a curator to hear a speed-up
//! before setting it, and to check the sound's spectrum.

use std::path::PathBuf;
use std::process::ExitCode;

use quakehall::domain::sound::SAMPLE_RATE;
use quakehall::domain::sound::audify::{Audified, dominant_hz, write_wav};
use quakehall::domain::waveform::{read_file, vertical};

/// What to make audible.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The recording (miniSEED or SAC); its vertical component is used.
    pub input: PathBuf,
    /// How many times faster than the ground moved (10-4000).
    #[arg(long)]
    pub speedup: f64,
    /// The WAV file to write (16-bit mono, 44.1 kHz).
    #[arg(long)]
    pub out: PathBuf,
}

/// Reads, audifies, writes; prints the sound's length, peak and the
/// frequency it is loudest at.
pub fn run(args: Args) -> ExitCode {
    let file = match read_file(&args.input) {
        Ok(f) => f,
        Err(e) => return super::fail(1, e),
    };
    let Some(z) = vertical(&file.stream.traces) else {
        return super::fail(
            1,
            format!(
                "{}: no vertical component (a channel ending in Z or 3)",
                args.input.display()
            ),
        );
    };
    let sound = match Audified::new(&z.samples.to_f64(), z.sample_rate_hz, args.speedup) {
        Ok(s) => s,
        Err(e) => return super::fail(1, format!("{}: {e}", args.input.display())),
    };
    if let Err(e) = write_wav(&args.out, &sound.samples) {
        return super::fail(1, e);
    }
    let peak = sound.samples.iter().fold(0.0f32, |m, v| m.max(v.abs()));
    let loudest = dominant_hz(&sound.samples, SAMPLE_RATE as f64);
    println!(
        "{}: {} at {} Hz, {:.0} times faster: {:.1} s of sound, peak {:.2} of full scale, loudest at {:.0} Hz (the ground's {:.3} Hz)",
        args.out.display(),
        z.id(),
        z.sample_rate_hz,
        args.speedup,
        sound.duration_s(),
        peak,
        loudest,
        loudest / args.speedup
    );
    ExitCode::SUCCESS
}
