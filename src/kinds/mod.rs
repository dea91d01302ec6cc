//! The exhibit kinds: the reusable exhibit types a scene file names in its
//! `kind` field. Each kind is one folder here holding everything that is
//! its own: its parameters as curators write them, their checks, its
//! visitor state as a plain state machine, its drawing, the card pictures
//! it draws, and (`view.rs`, the only file that uses Bevy, compiled with
//! the `app` feature) its screen. What every kind needs besides (building
//! from the scene, rebuilding on a hot reload, forgetting on leave and on
//! idle, the exhibit clock and its buttons, uploading its pictures,
//! `shot --open N`, the projectors, the generic tests, the bench) is done
//! once, for every kind, through the [`Kind`] trait.
//!
//! How to add a kind is in `src/kinds/README.md`; in short: a folder, one
//! line in the list below, and a scene file.

use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;

/// Most projector windows one hall machine drives beside its touchscreen.
pub const MAX_PROJECTORS: usize = 3;

/// How an exhibit is being opened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opening {
    /// The moment `quakehall shot --open N` asks for (from 1): a page, a
    /// panel, a guess, seconds into a story. Each kind says what N means.
    pub moment: Option<usize>,
    /// Projector windows beside the touchscreen (0-3).
    pub projectors: usize,
    /// The assets folder the scene's paths are relative to (recordings a
    /// kind reads when it opens); `None` where there is none.
    pub assets: Option<std::sync::Arc<std::path::Path>>,
}

impl Opening {
    /// The file at `rel` inside the assets folder (`rel` itself without one).
    pub fn asset(&self, rel: &str) -> std::path::PathBuf {
        match &self.assets {
            Some(dir) => dir.join(rel),
            None => std::path::PathBuf::from(rel),
        }
    }
}

/// A picture a running exhibit draws every frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picture {
    /// Width, pixels.
    pub width: u32,
    /// Height, pixels.
    pub height: u32,
    /// What it shows before the first frame is drawn.
    pub background: Rgba,
}

impl Picture {
    /// A `width` by `height` picture on `background`.
    pub const fn new(width: u32, height: u32, background: Rgba) -> Self {
        Self {
            width,
            height,
            background,
        }
    }
}

/// What the projector windows show while an exhibit is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Projection {
    /// Picture `n`, spread over all projectors as one wide view.
    Spanned(usize),
    /// Picture `n` on the first projector.
    First(usize),
}

/// A card picture a kind draws for the hall's shipped scenes: its file
/// name (without `.png`) and the function that draws it.
pub type Card = (&'static str, fn() -> Canvas);

/// What every exhibit kind implements for its parameters. Everything but
/// the checks, texts, files and the visitor state has a default, so a kind
/// without a clock or moving pictures (a book, a board) implements only
/// what it has.
pub trait Kind: InKind + Clone + PartialEq + std::fmt::Debug + Send + Sync + 'static {
    /// The visitor state of a running exhibit of this kind: a plain state
    /// machine, built from the parameters when the exhibit opens and
    /// dropped when the visitor leaves or the hall goes idle.
    type State: Send + Sync + 'static;

    /// Checks the parameters, writing problems at `at` (the `kind` field).
    fn check(&self, c: &mut Checker, at: &FieldPath);

    /// Every text a visitor can read in the exhibit.
    fn visitor_texts(&self) -> Vec<Bilingual>;

    /// Every file inside `assets/` the exhibit shows (pictures, recordings).
    fn files(&self) -> Vec<&str>;

    /// The picture that stands for the exhibit on its card and in the
    /// attract loop: by default the first picture of [`Kind::files`].
    fn preview(&self) -> Option<&str> {
        self.files().into_iter().find(|f| {
            let ext = f.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
            PICTURE_EXTENSIONS.contains(&ext.as_str())
        })
    }

    /// The state of a fresh visit. An error says why the parameters give
    /// no exhibit (the hall then shows the rest of the screen and logs it).
    fn build(&self, opening: &Opening) -> Result<Self::State, String>;

    /// Story seconds per second for kinds with an exhibit clock (play,
    /// pause and speed buttons); `None` for kinds without one.
    fn clock_pace(&self) -> Option<f64> {
        None
    }

    /// Moves the exhibit on by one frame of `dt` seconds: story seconds of
    /// the exhibit clock for kinds with one, seconds otherwise.
    fn advance(_state: &mut Self::State, _dt: f64) {}

    /// The pictures the exhibit draws every frame, in order.
    fn pictures(_state: &Self::State) -> Vec<Picture> {
        Vec::new()
    }

    /// Whether picture `index` shows something new since it was last
    /// drawn: only then is it drawn and uploaded again. By default always.
    fn stale(_state: &Self::State, _index: usize) -> bool {
        true
    }

    /// Draws picture `index` of [`Kind::pictures`] into `canvas` (of that
    /// size, holding the previous frame).
    fn draw(_state: &mut Self::State, _index: usize, _canvas: &mut Canvas) {}

    /// Keeps what the visitor did when a curator's save rebuilds the
    /// exhibit under their fingers (the page of a book): called with the
    /// state before the save and the new one.
    fn carry_over(_old: &Self::State, _new: &mut Self::State) {}

    /// Makes, ahead of the first visitor, what [`Kind::build`] would be
    /// slow to make (called on a thread of its own when the hall starts);
    /// by default nothing.
    fn warm_up(&self, _opening: &Opening) {}

    /// Whether the exhibit is in the middle of something a visitor
    /// watches without touching (a story running longer than the idle
    /// timeout): the hall's idle timer waits while it is. By default never.
    fn busy(_state: &Self::State) -> bool {
        false
    }

    /// Whether the exhibit plays sounds (its screen then tells curators
    /// when the hall has no audio output).
    fn sounds(&self) -> bool {
        false
    }

    /// The sound the exhibit plays now, if any: the hall hands a new voice
    /// to its audio output at the scene's volume, or moves it on with the
    /// clock where there is no output. Dropping the voice (with the state,
    /// when the visitor leaves or the hall goes idle) stops the sound.
    fn voice(_state: &mut Self::State) -> Option<&mut crate::domain::sound::voice::Voice> {
        None
    }

    /// What the projectors show while the exhibit is open.
    fn projection(_state: &Self::State) -> Option<Projection> {
        None
    }

    /// The card pictures the kind draws for the shipped scenes
    /// (`quakehall art` writes them into `assets/pictures`).
    const CARDS: &'static [Card] = &[];
}

/// Finding a kind's parameters in an [`ExhibitKind`]; written by
/// `exhibit_kinds!` for every kind in the list.
pub trait InKind: Sized {
    /// The kind's name as written in scene files: `Ebook`, `SandTable`.
    const NAME: &'static str;
    /// The parameters, if `kind` is of this kind.
    fn of(kind: &ExhibitKind) -> Option<&Self>;
}

/// Runs code that is generic over a kind, once for every kind in the list
/// (generic tests, benches): see [`visit_kinds`].
pub trait KindVisitor {
    /// Called once per kind.
    fn visit<K: Kind>(&mut self);
}

/// Declares the list of kinds: each line is `module::Variant(Params)`, the
/// kind's folder, its name in scene files, and its parameters type. From
/// this one list come the modules, the `ExhibitKind` enum curators write
/// in RON, and every dispatch over kinds.
macro_rules! exhibit_kinds {
    ($($(#[doc = $doc:expr])* $module:ident :: $variant:ident ($params:ident),)*) => {
        $(pub mod $module;)*
        $(pub use $module::$params;)*

        /// The reusable exhibit types. A curator makes a new exhibit of any
        /// kind by copying a scene file and changing its parameters.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub enum ExhibitKind {
            $($(#[doc = $doc])* $variant($params),)*
        }

        $(impl InKind for $params {
            const NAME: &'static str = stringify!($variant);
            fn of(kind: &ExhibitKind) -> Option<&Self> {
                match kind {
                    ExhibitKind::$variant(p) => Some(p),
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        })*

        impl ExhibitKind {
            /// The names of every kind, as written in scene files.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($variant)),*];

            /// The kind's name as written in scene files.
            pub fn name(&self) -> &'static str {
                match self {
                    $(ExhibitKind::$variant(_) => stringify!($variant),)*
                }
            }

            /// Checks the parameters, writing problems at `at`.
            pub fn check(&self, c: &mut Checker, at: &FieldPath) {
                match self {
                    $(ExhibitKind::$variant(p) => p.check(c, at),)*
                }
            }

            /// Every text a visitor can read in the exhibit.
            pub fn visitor_texts(&self) -> Vec<Bilingual> {
                match self {
                    $(ExhibitKind::$variant(p) => p.visitor_texts(),)*
                }
            }

            /// Every file inside `assets/` the exhibit shows.
            pub fn files(&self) -> Vec<&str> {
                match self {
                    $(ExhibitKind::$variant(p) => p.files(),)*
                }
            }

            /// Prepares what the exhibit would be slow to make when opened.
            pub fn warm_up(&self, opening: &Opening) {
                match self {
                    $(ExhibitKind::$variant(p) => p.warm_up(opening),)*
                }
            }

            /// The exhibit's card picture.
            pub fn preview(&self) -> Option<&str> {
                match self {
                    $(ExhibitKind::$variant(p) => p.preview(),)*
                }
            }
        }

        /// Calls `v.visit::<K>()` for every kind `K` in the list.
        pub fn visit_kinds(v: &mut impl KindVisitor) {
            $(v.visit::<$params>();)*
        }

        /// Every card picture the kinds draw.
        pub fn cards() -> Vec<Card> {
            let mut all = Vec::new();
            $(all.extend_from_slice(<$params as Kind>::CARDS);)*
            all
        }

        /// The screen of every kind, one plugin each (added by the app).
        #[cfg(feature = "app")]
        pub const VIEWS: &[crate::app::exhibits::KindPlugin] = &[$($module::view::plugin),*];
    };
}

exhibit_kinds! {
    /// A cut-away globe: tap the layers of the Earth for their depth,
    /// wave speeds and density from the Earth model.
    earth_layers::EarthLayers(EarthLayersParams),
    /// A globe of plate boundaries where the catalogue's earthquakes
    /// light up year by year along them.
    seismic_belts::SeismicBelts(SeismicBeltsParams),
    /// 3D blocks of a normal, a reverse and a strike-slip fault the
    /// visitor slides along the fault plane.
    fault_types::FaultTypes(FaultTypesParams),
    /// A fault held by friction the visitor loads until it snaps: strain,
    /// waves, a record, and the sizes of many quakes.
    elastic_rebound::ElasticRebound(ElasticReboundParams),
    /// A quake's P wave reaches the stations, the alert goes out and the
    /// cities count down to the S wave; the blind zone gets none.
    early_warning::EarlyWarning(EarlyWarningParams),
    /// The rings of the China intensity scale around a quake whose
    /// magnitude the visitor drags; tap a ring for what people feel.
    intensity_rings::IntensityRings(IntensityRingsParams),
    /// Illustrated scenes asking what to do when the ground shakes, the
    /// answers following the China Earthquake Administration's guidance.
    safety_quiz::SafetyQuiz(SafetyQuizParams),
    /// A tower of floors, braces and dampers the visitor builds and
    /// shakes with a strong-motion record.
    shake_tower::ShakeTower(ShakeTowerParams),
    /// A paged book of pictures and text.
    ebook::Ebook(EbookParams),
    /// A display board of panels that expand when tapped.
    board::Board(BoardParams),
    /// A live elastic-wave simulation the visitor touches to make waves.
    wave_tank::WaveTank(WaveTankParams),
    /// P, S and surface waves racing from a quake to the hall on a map.
    wave_race::WaveRace(WaveRaceParams),
    /// Waves crossing an Earth cross-section, with the P shadow zone.
    through_earth::ThroughEarth(ThroughEarthParams),
    /// A block of particles moving as P, S, Love or Rayleigh waves pass.
    wave_types::WaveTypes(WaveTypesParams),
    /// A 3D relief of the local area: tap to set off a quake, watch the
    /// waves sweep over the stations and their records draw.
    sand_table::SandTable(SandTableParams),
    /// A narrated animation of how an earthquake forms, paused and
    /// scrubbed by the visitor, over one screen or several projectors.
    theatre::Theatre(TheatreParams),
    /// A recording on which the visitor drags the P and S markers, scored
    /// against the reference picks; S−P gives the distance.
    find_waves::FindWaves(FindWavesParams),
    /// Stations on the regional map: S−P at each gives a circle, and the
    /// visitor pins the epicentre where the circles meet.
    where_quake::WhereQuake(WhereQuakeParams),
    /// One station's record of a quake: S−P and the biggest swing, laid
    /// across the local-magnitude nomogram, give its magnitude.
    how_big::HowBig(HowBigParams),
    /// Recording cards to sort into bins: local quake, distant quake,
    /// quarry blast, traffic.
    quake_or_not::QuakeOrNot(QuakeOrNotParams),
    /// One quake's records at several stations, shuffled: the visitor
    /// sorts them by distance until the P and S lines run through them.
    jigsaw::Jigsaw(JigsawParams),
    /// A mass on a spring in a frame: the visitor shakes the ground, the
    /// mass lags and a pen writes; then a record through two instruments.
    seismometer::Seismometer(SeismometerParams),
    /// Zhang Heng's seismoscope of AD 132 shaken by a recorded quake: a
    /// hanging column swings and one of eight dragons drops its ball.
    seismoscope::Seismoscope(SeismoscopeParams),
    /// A day of ground motion on a helicorder drum; a tap on a wiggle
    /// opens it in the seismogram view.
    helicorder::Helicorder(HelicorderParams),
    /// Recordings sped up into sound, heard while their trace and
    /// spectrogram scroll under the playhead.
    sonify::Sonify(SonifyParams),
}
