//! `quakehall synth`: three-component synthetic records of an earthquake
//! at a set of stations, written as `NET.STA.mseed` with a `NET.STA.json`
//! sidecar of the true arrivals, and marked synthetic.

use std::path::PathBuf;
use std::process::ExitCode;

use quakehall::domain::physics::synth::{
    Motion, SynthSpec, SynthStation, synthesize, write_station,
};
use quakehall::domain::waveform::UtcTime;
use quakehall::domain::waveform::plot::Marker;

/// The event and stations, from a spec file or the options.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// A spec file (JSON: origin, latitude, longitude, depth_km,
    /// magnitude, mechanism, model, sample_rate_hz, seed, stations);
    /// or give the event with the options below.
    pub spec: Option<PathBuf>,
    /// Origin time, ISO 8601 UTC.
    #[arg(long)]
    pub origin: Option<String>,
    /// Epicentre latitude.
    #[arg(long, allow_hyphen_values = true)]
    pub lat: Option<f64>,
    /// Epicentre longitude.
    #[arg(long, allow_hyphen_values = true)]
    pub lon: Option<f64>,
    /// Depth, km.
    #[arg(long, default_value_t = 10.0)]
    pub depth: f64,
    /// Moment magnitude.
    #[arg(long)]
    pub mag: Option<f64>,
    /// A station as NET.STA:LAT:LON (repeat for more).
    #[arg(long = "station", allow_hyphen_values = true)]
    pub stations: Vec<SynthStation>,
    /// Earth model.
    #[arg(long, default_value = "iasp91")]
    pub model: String,
    /// Noise seed.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Samples per second.
    #[arg(long, default_value_t = 100.0)]
    pub rate: f64,
    /// Ground motion: velocity, displacement or acceleration.
    #[arg(long, default_value = "velocity")]
    pub motion: Motion,
    /// Folder for NET.STA.mseed and NET.STA.json.
    #[arg(long, default_value = ".")]
    pub out: PathBuf,
    /// Also draw the records with their arrivals.
    #[arg(long)]
    pub plot: Option<PathBuf>,
}

impl Args {
    /// The spec: read from the file, or made from the options.
    fn spec(&self) -> Result<SynthSpec, String> {
        if let Some(path) = &self.spec {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            return serde_json::from_str(&text)
                .map_err(|e| format!("{}:{}:{}: {e}", path.display(), e.line(), e.column()));
        }
        let (Some(origin), Some(latitude), Some(longitude), Some(magnitude)) =
            (self.origin.clone(), self.lat, self.lon, self.mag)
        else {
            return Err(
                "give a spec file, or --origin, --lat, --lon, --mag and at least one --station"
                    .into(),
            );
        };
        if self.stations.is_empty() {
            return Err("at least one --station NET.STA:LAT:LON is needed".into());
        }
        Ok(SynthSpec {
            source: Default::default(),
            origin,
            latitude,
            longitude,
            depth_km: self.depth,
            magnitude,
            mechanism: None,
            model: self.model.clone(),
            sample_rate_hz: self.rate,
            seed: self.seed,
            stations: self.stations.clone(),
        })
    }
}

/// At most this many traces are drawn.
const MAX_PANELS: usize = 12;

/// Synthesises, writes and (optionally) draws the records.
pub fn run(args: Args) -> ExitCode {
    let spec = match args.spec() {
        Ok(s) => s,
        Err(e) => return super::fail(2, e),
    };
    let records = match synthesize(&spec, args.motion) {
        Ok(r) => r,
        Err(e) => return super::fail(1, e),
    };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        return super::fail(1, format!("cannot create {}: {e}", args.out.display()));
    }
    for r in &records {
        match write_station(&spec, r, args.motion, &args.out) {
            Ok(paths) => {
                for p in paths {
                    println!("{}", p.display());
                }
            }
            Err(e) => return super::fail(1, e),
        }
    }
    let Some(path) = &args.plot else {
        return ExitCode::SUCCESS;
    };
    let traces: Vec<_> = records
        .iter()
        .flat_map(|r| r.traces.iter())
        .take(MAX_PANELS)
        .collect();
    let mut markers = Vec::new();
    for r in &records {
        let (p, s) = r.first_p_and_s();
        for a in [p, s].into_iter().flatten() {
            let Some(time) = UtcTime::parse_iso(&a.time) else {
                continue;
            };
            markers.extend(r.traces.iter().map(|t| Marker {
                time,
                label: a.phase.clone(),
                channel: Some(t.id()),
            }));
        }
    }
    super::save_plot(&traces, &markers, 1600, path)
}
