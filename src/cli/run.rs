//! `quakehall [run]`: the hall itself, in a window or as a kiosk.

use std::process::ExitCode;

use quakehall::domain::text::Lang;

use super::{HallArgs, parse_lang, parse_size};

/// How to run the hall.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    #[command(flatten)]
    pub hall: HallArgs,
    /// Kiosk mode: fullscreen, no cursor, no way out but the curator overlay.
    #[arg(long)]
    pub kiosk: bool,
    /// Open one exhibit (id or number) as a dedicated kiosk, or `home`.
    #[arg(long)]
    pub scene: Option<String>,
    /// Language at start and after each reset: zh or en.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Window size when not fullscreen, like 1280x720.
    #[arg(long, value_parser = parse_size, default_value = "1280x720")]
    pub size: (u32, u32),
    /// Projector windows for wide exhibits (0-3), fullscreen on the next
    /// monitors in kiosk mode.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=3))]
    pub projectors: u8,
}

/// Runs the hall until it is quit (never, in kiosk mode, but from the
/// curator overlay).
#[cfg(feature = "app")]
pub fn run(args: Args) -> ExitCode {
    use quakehall::app::HallOptions;
    if let Some(code) = super::ensure_display(None) {
        return code;
    }
    let mut opts = HallOptions::for_root(".");
    opts.assets_dir = args.hall.assets_dir();
    opts.scenes_dir = args.hall.scenes;
    opts.kiosk = args.kiosk;
    opts.dedicated = args.scene.is_some();
    opts.scene = args.scene;
    opts.lang = args.lang;
    opts.size = args.size;
    opts.projectors = args.projectors as usize;
    warm_up(&opts.scenes_dir, &opts.assets_dir);
    super::run_app(opts)
}

/// Prepares, on a thread of its own, what some exhibits would otherwise
/// make when a visitor first opens them (the drum recorder's day takes
/// about a second), so that nobody waits for it.
#[cfg(feature = "app")]
fn warm_up(scenes: &std::path::Path, assets: &std::path::Path) {
    let (scenes, assets) = (scenes.to_path_buf(), assets.to_path_buf());
    let spawned = std::thread::Builder::new()
        .name("warm-up".into())
        .spawn(move || {
            let lib = quakehall::domain::scene::Library::load(&scenes, &assets);
            let opening = quakehall::kinds::Opening {
                assets: Some(assets.as_path().into()),
                ..Default::default()
            };
            for ex in &lib.exhibits {
                ex.scene.kind.warm_up(&opening);
            }
        });
    if let Err(e) = spawned {
        eprintln!("warning: exhibits are prepared when first opened ({e})");
    }
}

/// Without the hall in this build: says how to get it.
#[cfg(not(feature = "app"))]
pub fn run(_: Args) -> ExitCode {
    super::without_hall("run the hall")
}
