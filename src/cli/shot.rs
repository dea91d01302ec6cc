//! `quakehall shot`: one screen rendered to a PNG (under `xvfb-run` when
//! there is no display).

use std::path::PathBuf;
use std::process::ExitCode;

use quakehall::domain::text::Lang;

use super::{HallArgs, parse_lang, parse_size};

/// What the curator sees on top of the screen.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CuratorView {
    /// The PIN pad.
    Pin,
    /// The curator overlay.
    Overlay,
    /// The scene editor open on the exhibit shown.
    Edit,
}

/// What to render.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    #[command(flatten)]
    pub hall: HallArgs,
    /// An exhibit id or number, `home` or `attract`.
    #[arg(long)]
    pub scene: String,
    /// The PNG to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Window size, like 1920x1080.
    #[arg(long, value_parser = parse_size, default_value = "1280x720")]
    pub size: (u32, u32),
    /// Frames to render before capturing.
    #[arg(long, default_value_t = 30)]
    pub frames: u32,
    /// Language: zh or en.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Show moment N of the exhibit: page N of an e-book, panel N of a
    /// board, the race with guess N, wave kind N, the story N seconds in...
    #[arg(long)]
    pub open: Option<usize>,
    /// Show the curator PIN pad or overlay on top.
    #[arg(long, value_enum)]
    pub curator: Option<CuratorView>,
    /// Open this many projector windows (0-3) and save each one beside
    /// OUT as OUT-projector-N.png.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=3))]
    pub projectors: u8,
    /// Also write the laid-out size of every touch target on the screen to
    /// this JSON file (for the touch-target test).
    #[arg(long)]
    pub targets: Option<PathBuf>,
    /// First redraw the whole screen N times (language changes) and print
    /// how many pictures and entities the hall held before and after.
    #[arg(long, default_value_t = 0)]
    pub redraws: u32,
}

/// Renders the screen and saves it.
#[cfg(feature = "app")]
pub fn run(args: Args) -> ExitCode {
    use quakehall::app::HallOptions;
    use quakehall::app::curator::CuratorMode;
    use quakehall::app::shot::ShotRequest;
    if let Some(code) = super::ensure_display(Some(args.size)) {
        return code;
    }
    let mut opts = HallOptions::for_root(".");
    opts.assets_dir = args.hall.assets_dir();
    opts.scenes_dir = args.hall.scenes;
    opts.scene = Some(args.scene);
    opts.size = args.size;
    opts.lang = args.lang;
    opts.projectors = args.projectors as usize;
    opts.shot = Some(ShotRequest {
        out: args.out,
        frames: args.frames.max(1),
        open: args.open,
        curator: args.curator.map(|c| match c {
            CuratorView::Pin => CuratorMode::PinPad,
            CuratorView::Overlay => CuratorMode::Open,
            CuratorView::Edit => CuratorMode::Edit,
        }),
        targets: args.targets,
        redraws: args.redraws,
    });
    super::run_app(opts)
}

/// Without the hall in this build: says how to get it.
#[cfg(not(feature = "app"))]
pub fn run(_: Args) -> ExitCode {
    super::without_hall("render screenshots")
}
