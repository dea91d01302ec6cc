//! The commands of `quakehall`, one file each; `main.rs` is only the clap
//! front end. The seismology commands (`inspect`, `pick`, `convert`,
//! `traveltime`, `locate`, `synth`, `validate`, `set-pin`, `art`) need nothing of Bevy;
//! the hall commands (`run`, `shot`, `bench`) need the default features and
//! say how to get them in a build without.

pub mod art;
pub mod audify;
pub mod bench;
pub mod convert;
pub mod inspect;
pub mod locate;
pub mod pick;
pub mod run;
pub mod set_pin;
pub mod shot;
pub mod synth;
pub mod traveltime;
pub mod trim_geo;
pub mod validate;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use quakehall::domain::scene::Library;
use quakehall::domain::text::Lang;

/// Where the hall's files are.
#[derive(clap::Args, Debug, Clone)]
pub struct HallArgs {
    /// The scenes folder.
    #[arg(long, default_value = "scenes")]
    pub scenes: PathBuf,
    /// The assets folder (default: `assets` beside the scenes folder).
    #[arg(long)]
    pub assets: Option<PathBuf>,
}

impl HallArgs {
    /// The assets folder, made absolute: the asset loader would otherwise
    /// resolve it against the executable's folder.
    #[cfg_attr(not(feature = "app"), allow(dead_code))]
    pub fn assets_dir(&self) -> PathBuf {
        assets_for(&self.scenes, self.assets.as_deref())
    }
}

/// The assets folder of the scenes folder `scenes` (or `assets` if given),
/// absolute.
pub fn assets_for(scenes: &Path, assets: Option<&Path>) -> PathBuf {
    let dir = assets
        .map(Path::to_path_buf)
        .unwrap_or_else(|| Library::default_assets_dir(scenes));
    std::path::absolute(&dir).unwrap_or(dir)
}

/// `zh` or `en` from the command line.
pub fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}: expected zh or en"))
}

/// A window size like `1280x720`.
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("size {s:?}: expected WIDTHxHEIGHT like 1280x720"))?;
    let w: u32 = w
        .trim()
        .parse()
        .map_err(|_| format!("size {s:?}: bad width"))?;
    let h: u32 = h
        .trim()
        .parse()
        .map_err(|_| format!("size {s:?}: bad height"))?;
    if !(160..=8192).contains(&w) || !(120..=8192).contains(&h) {
        return Err(format!("size {s:?}: expected 160x120 to 8192x8192"));
    }
    Ok((w, h))
}

/// Prints `error: {message}` and returns `code`.
pub fn fail(code: u8, message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(code)
}

/// What a hall command says in a build without the hall (Bevy).
#[cfg(not(feature = "app"))]
pub fn without_hall(what: &str) -> ExitCode {
    fail(
        2,
        format!(
            "this quakehall was built without the hall, so it cannot {what}.\n\
             Build it with the default features: `./quakehall` in the project folder \
             (or `cargo run -- ...`) builds and runs the whole hall."
        ),
    )
}

#[cfg(feature = "app")]
pub use hall::{ensure_display, run_app};

/// Opening the hall's window, shared by `run`, `shot` and `bench`.
#[cfg(feature = "app")]
mod hall {
    use std::process::ExitCode;

    use quakehall::app::{HallOptions, build_app};

    fn has_display() -> bool {
        std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty())
            || std::env::var_os("WAYLAND_DISPLAY").is_some_and(|d| !d.is_empty())
    }

    /// Without a display, `shot` and `bench` (`for_size`) run themselves
    /// again under `xvfb-run`; the hall itself explains how to do so.
    pub fn ensure_display(for_size: Option<(u32, u32)>) -> Option<ExitCode> {
        if has_display() {
            return None;
        }
        let xvfb = std::process::Command::new("xvfb-run")
            .arg("--help")
            .output()
            .is_ok();
        match for_size {
            Some((w, h)) if xvfb && std::env::var_os("QUAKEHALL_UNDER_XVFB").is_none() => {
                let exe = std::env::current_exe().ok()?;
                let status = std::process::Command::new("xvfb-run")
                    .args(["-a", "-s", &format!("-screen 0 {w}x{h}x24")])
                    .arg(exe)
                    .args(std::env::args_os().skip(1))
                    .env("QUAKEHALL_UNDER_XVFB", "1")
                    .status();
                Some(match status {
                    Ok(s) if s.success() => ExitCode::SUCCESS,
                    Ok(_) => ExitCode::FAILURE,
                    Err(e) => super::fail(1, format!("cannot start xvfb-run: {e}")),
                })
            }
            _ => Some(super::fail(
                2,
                "no display (DISPLAY and WAYLAND_DISPLAY are unset).\n\
                 To run the hall without a screen, use a virtual one:\n\
                 \x20   xvfb-run -a -s \"-screen 0 1920x1080x24\" ./quakehall ...\n\
                 (Debian/Ubuntu: sudo apt-get install xvfb)",
            )),
        }
    }

    /// Runs the hall with `opts` until it exits.
    pub fn run_app(opts: HallOptions) -> ExitCode {
        exit_code(build_app(opts).run())
    }

    /// The process exit code of a Bevy app's exit.
    pub fn exit_code(exit: bevy::app::AppExit) -> ExitCode {
        match exit {
            bevy::app::AppExit::Success => ExitCode::SUCCESS,
            bevy::app::AppExit::Error(code) => ExitCode::from(code.get()),
        }
    }
}

#[cfg(feature = "app")]
pub use hall::exit_code;

/// Draws `traces` with `markers` on one time axis and writes the PNG.
pub fn save_plot(
    traces: &[&quakehall::domain::waveform::Trace],
    markers: &[quakehall::domain::waveform::plot::Marker],
    width: u32,
    out: &Path,
) -> ExitCode {
    use quakehall::domain::draw::{encode_png, text::Font};
    let font = match Font::system_sans() {
        Ok(f) => Some(f),
        Err(e) => {
            eprintln!("warning: {e}; the plot has no labels");
            None
        }
    };
    let canvas = quakehall::domain::waveform::plot::plot(traces, markers, width, font.as_ref());
    match encode_png(&canvas)
        .map_err(|e| e.to_string())
        .and_then(|bytes| std::fs::write(out, bytes).map_err(|e| e.to_string()))
    {
        Ok(()) => {
            eprintln!("plot written to {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(1, format!("cannot write {}: {e}", out.display())),
    }
}

/// The travel-time model of an Earth model name, or the exit code after
/// saying what is wrong.
pub fn tau_model(
    model: &str,
) -> Result<std::sync::Arc<quakehall::domain::physics::taup::TauModel>, ExitCode> {
    quakehall::domain::physics::taup::TauModel::shared(model).ok_or_else(|| {
        fail(
            2,
            format!("unknown model {model:?}: expected iasp91, ak135 or chongqing"),
        )
    })
}
