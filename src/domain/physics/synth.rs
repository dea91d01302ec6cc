//! Synthetic seismograms for the hall's recordings and puzzles: three
//! components of ground motion at each station from a point source, with
//! the arrivals of the tau-p model, amplitudes that follow the physics, and
//! seeded noise. A teaching synthesis, not a full wavefield: each phase is
//! a far-field pulse,
//!
//! - source: Brune (1970) ω² spectrum, corner frequency
//!   fc = 0.4906 β (Δσ/M0)^(1/3) (SI units; Δσ = 3 MPa), moment from Mw
//!   (Hanks & Kanamori 1979);
//! - amplitude: far-field body waves u = R M0 / (4π ρ v³ r) (Aki & Richards
//!   2002, eq. 4.32) with mean radiation coefficients 0.52 (P) and 0.63 (S)
//!   (Boore & Boatwright 1984) or the double-couple pattern of a given
//!   mechanism (Aki & Richards eq. 4.84-4.86), free-surface factor 2;
//! - attenuation: causal constant Q, exp(−π f t*) with its dispersion
//!   (Kjartansson 1979), t* = T/Q with Qp = 600 and Qs = 300 in the
//!   crust and upper mantle, t*P = 1 s and t*S = 4 s for teleseismic paths
//!   (Shearer 2019, Introduction to Seismology, ch. 6);
//! - coda: scattered energy after S decaying as t⁻¹ exp(−π f t / Qc)
//!   (Aki & Chouet 1975), Qc = 200;
//! - surface waves for shallow events: a dispersed Rayleigh train (group
//!   velocities 3.9 to 2.9 km/s, long periods first) on the vertical and
//!   radial components and a Love train on the transverse, sized so that the
//!   IASPEI Ms formula gives back the magnitude.

use rustfft::FftPlanner;
use rustfft::num_complex::Complex64 as C;
use serde::{Deserialize, Serialize};

use super::earth::EARTH_RADIUS_KM;
use super::geo::{azimuth_deg, distance_deg, km_per_deg};
use super::magnitude::moment_from_mw;
use super::taup::{TauModel, Wave};
use crate::domain::random::Seeded;
use crate::domain::waveform::{Samples, Trace, UtcTime};

/// A station to synthesise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SynthStation {
    /// Network code.
    pub network: String,
    /// Station code.
    pub station: String,
    /// Latitude, degrees.
    pub latitude: f64,
    /// Longitude, degrees.
    pub longitude: f64,
}

impl std::str::FromStr for SynthStation {
    type Err = String;

    /// A station as written on the command line: `NET.STA:LAT:LON`
    /// (`CQ.HALL:29.56:106.55`).
    fn from_str(s: &str) -> Result<Self, String> {
        let expected =
            || format!("station {s:?}: expected NET.STA:LAT:LON, like CQ.HALL:29.56:106.55");
        let mut parts = s.split(':');
        let (Some(id), Some(lat), Some(lon), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(expected());
        };
        let (network, station) = id.split_once('.').ok_or_else(expected)?;
        if network.is_empty() || station.is_empty() {
            return Err(expected());
        }
        let latitude: f64 = lat
            .trim()
            .parse()
            .map_err(|_| format!("station {s:?}: latitude {lat:?} is not a number"))?;
        let longitude: f64 = lon
            .trim()
            .parse()
            .map_err(|_| format!("station {s:?}: longitude {lon:?} is not a number"))?;
        if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
            return Err(format!(
                "station {s:?}: expected a latitude of -90 to 90 and a longitude of -180 to 180 degrees"
            ));
        }
        Ok(Self {
            network: network.into(),
            station: station.into(),
            latitude,
            longitude,
        })
    }
}

/// A double-couple mechanism, degrees (Aki & Richards convention).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Mechanism {
    /// Strike.
    pub strike: f64,
    /// Dip.
    pub dip: f64,
    /// Rake.
    pub rake: f64,
}

/// What shakes the ground.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// A double-couple earthquake (the mechanism's radiation, or the mean).
    #[default]
    Earthquake,
    /// A quarry blast: an explosion at the surface pushes out equally in
    /// every direction (isotropic P radiation, 1) and makes little S (only
    /// by conversion and scattering: [`EXPLOSION_S_RADIATION`]), and being
    /// shallow it excites a strong short-period Rayleigh wave, Rg (Kafka
    /// 1990, Rg as a depth discriminant for earthquakes and explosions,
    /// BSSA 80). Low P/S amplitude ratios tell earthquakes from explosions
    /// at local and regional distances (Kim, Simpson & Richards 1993,
    /// BSSA 83; Walter, Mayeda & Patton 1995, BSSA 85).
    Explosion,
    /// Traffic and other cultural noise: no source and no P or S, only
    /// vehicles passing near the station, each a swell of broadband 1-20 Hz
    /// shaking lasting a few seconds (Peterson 1993 places cultural noise
    /// above 1 Hz; McNamara & Buland 2004, BSSA 94, its daily cycle).
    /// The spec's place is the road's; depth and magnitude are not used.
    Traffic,
}

/// The S radiation of an explosion relative to its P (0.63 for an
/// earthquake's mean): S from a blast is what its P converts and scatters
/// near the surface, a few times weaker than the P (Kim, Simpson &
/// Richards 1993 find P/S ratios above 1 for blasts, below 1 for quakes).
pub const EXPLOSION_S_RADIATION: f64 = 0.12;

/// The Rg wave of a shallow blast relative to the peak of its P, on the
/// vertical: Rg stands out on local blast records, after a weak S (Kafka
/// 1990).
pub const RG_TO_P: f64 = 0.8;

/// What to synthesise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SynthSpec {
    /// What shakes the ground: an earthquake unless said.
    #[serde(default)]
    pub source: Source,
    /// Origin time.
    pub origin: String,
    /// Epicentre latitude, degrees.
    pub latitude: f64,
    /// Epicentre longitude, degrees.
    pub longitude: f64,
    /// Depth, km.
    pub depth_km: f64,
    /// Moment magnitude.
    pub magnitude: f64,
    /// Mechanism, or mean radiation when absent.
    #[serde(default)]
    pub mechanism: Option<Mechanism>,
    /// Earth model name.
    #[serde(default = "default_model")]
    pub model: String,
    /// Samples per second.
    #[serde(default = "default_rate")]
    pub sample_rate_hz: f64,
    /// Seed of the noise.
    #[serde(default)]
    pub seed: u64,
    /// The stations.
    pub stations: Vec<SynthStation>,
}

fn default_model() -> String {
    "iasp91".into()
}

fn default_rate() -> f64 {
    100.0
}

/// Ground-motion quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Motion {
    /// Displacement (nm).
    Displacement,
    /// Velocity (nm/s).
    Velocity,
    /// Acceleration (nm/s²).
    Acceleration,
}

impl std::str::FromStr for Motion {
    type Err = String;

    /// `velocity`, `displacement` or `acceleration`.
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "velocity" => Ok(Motion::Velocity),
            "displacement" => Ok(Motion::Displacement),
            "acceleration" => Ok(Motion::Acceleration),
            _ => Err(format!(
                "motion {s:?}: expected velocity, displacement or acceleration"
            )),
        }
    }
}

/// A predicted arrival at a station, for puzzles to score against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrueArrival {
    /// Phase name.
    pub phase: String,
    /// Absolute time, ISO 8601.
    pub time: String,
    /// Seconds after the origin.
    pub travel_time_s: f64,
}

/// The three components at one station and what they contain.
#[derive(Debug, Clone, PartialEq)]
pub struct StationRecord {
    /// The station.
    pub station: SynthStation,
    /// Epicentral distance, km.
    pub distance_km: f64,
    /// Back-azimuth (station to source), degrees.
    pub back_azimuth_deg: f64,
    /// Z, N, E traces (integer nm, nm/s or nm/s²).
    pub traces: Vec<Trace>,
    /// The true arrivals.
    pub arrivals: Vec<TrueArrival>,
}

impl StationRecord {
    /// The first P-type arrival (P, Pn, Pg, p...) and the first S-type one.
    pub fn first_p_and_s(&self) -> (Option<&TrueArrival>, Option<&TrueArrival>) {
        let first = |s_type: bool| {
            self.arrivals
                .iter()
                .filter(|a| a.phase.starts_with(['S', 's']) == s_type)
                .min_by(|x, y| x.travel_time_s.total_cmp(&y.travel_time_s))
        };
        (first(false), first(true))
    }
}

/// Why a synthesis was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SynthError {
    /// A parameter outside what the synthesis supports.
    #[error("{0}")]
    Invalid(String),
}

/// Double-couple radiation coefficients for P, SV and SH at takeoff `i`
/// (from the downward vertical) and azimuth `phi` (degrees) (Aki & Richards
/// 2002, eq. 4.84-4.86).
pub fn radiation(m: &Mechanism, takeoff_deg: f64, azimuth_deg: f64) -> (f64, f64, f64) {
    let (s, d, r) = (
        m.strike.to_radians(),
        m.dip.to_radians(),
        m.rake.to_radians(),
    );
    let (i, phi) = (takeoff_deg.to_radians(), azimuth_deg.to_radians());
    let a = phi - s;
    let rp = r.cos() * d.sin() * i.sin().powi(2) * (2.0 * a).sin()
        - r.cos() * d.cos() * (2.0 * i).sin() * a.cos()
        + r.sin() * (2.0 * d).sin() * (i.cos().powi(2) - i.sin().powi(2) * a.sin().powi(2))
        + r.sin() * (2.0 * d).cos() * (2.0 * i).sin() * a.sin();
    let rsv = r.sin() * (2.0 * d).cos() * (2.0 * i).cos() * a.sin()
        - r.cos() * d.cos() * (2.0 * i).cos() * a.cos()
        + 0.5 * r.cos() * d.sin() * (2.0 * i).sin() * (2.0 * a).sin()
        - 0.5 * r.sin() * (2.0 * d).sin() * (2.0 * i).sin() * (1.0 + a.sin().powi(2));
    let rsh = r.cos() * d.cos() * i.cos() * a.sin()
        + r.cos() * d.sin() * i.sin() * (2.0 * a).cos()
        + r.sin() * (2.0 * d).cos() * i.cos() * a.cos()
        - 0.5 * r.sin() * (2.0 * d).sin() * i.sin() * (2.0 * a).sin();
    (rp, rsv, rsh)
}

/// Causal attenuation on an FFT grid of `nfft` bins spaced `df` apart, for
/// a path of `t_star`: the amplitude falls as exp(−π f t*) and the phase is
/// the minimum phase of that amplitude (Futterman 1962, JGR 67: a causal
/// attenuation operator is minimum-phase), found through the folded real
/// cepstrum (Oppenheim & Schafer 2010, Discrete-Time Signal Processing,
/// §13.8). Such a pulse creeps out of its front (for t* = 4 s, the
/// teleseismic S of Shearer 2019, it stays below 1% of its peak for about
/// 3 s); the operator is advanced so that the pulse begins (reaches
/// [`ONSET_FRACTION`] of its peak) at the model's travel time. That is
/// where an analyst picks it, and where the travel-time tables put it:
/// iasp91 and ak135 were fitted to picked onsets of the ISC bulletin
/// (Kennett & Engdahl 1991, GJI 105; Kennett, Engdahl & Buland 1995, GJI
/// 122). A zero-phase exp(−π f t*) would instead leak half the pulse ahead
/// of the arrival. Returns bins 0..=nfft/2.
fn causal_attenuation(t_star: f64, nfft: usize, df: f64) -> Vec<C> {
    let half = nfft / 2;
    if t_star <= 0.0 {
        return vec![C::new(1.0, 0.0); half + 1];
    }
    let mut planner = FftPlanner::new();
    let log_amp = |b: usize| -std::f64::consts::PI * (b.min(nfft - b) as f64 * df) * t_star;
    let mut cep: Vec<C> = (0..nfft).map(|b| C::new(log_amp(b), 0.0)).collect();
    planner.plan_fft_inverse(nfft).process(&mut cep);
    let scale = 1.0 / nfft as f64;
    for (k, c) in cep.iter_mut().enumerate() {
        let fold = if k == 0 || k == half {
            1.0
        } else if k < half {
            2.0
        } else {
            0.0
        };
        *c = C::new(c.re * scale * fold, 0.0);
    }
    planner.plan_fft_forward(nfft).process(&mut cep);
    let mut op: Vec<C> = cep.iter().map(|c| c.exp()).collect();
    // Its impulse response, to find where it emerges.
    let mut h = op.clone();
    planner.plan_fft_inverse(nfft).process(&mut h);
    let peak = h.iter().fold(0.0f64, |m, c| m.max(c.re.abs()));
    let emerges = h[..half]
        .iter()
        .position(|c| c.re.abs() >= ONSET_FRACTION * peak)
        .unwrap_or(0);
    let lead_s = emerges as f64 / (nfft as f64 * df);
    op.truncate(half + 1);
    for (b, v) in op.iter_mut().enumerate() {
        *v *= C::from_polar(1.0, 2.0 * std::f64::consts::PI * b as f64 * df * lead_s);
    }
    op
}

/// The fraction of its peak at which an attenuated pulse counts as begun.
const ONSET_FRACTION: f64 = 0.01;

/// Brune corner frequency (Hz) for moment `m0` (N·m), shear speed `beta`
/// (m/s) and stress drop `stress_pa`: fc = 0.4906 β (Δσ/M0)^(1/3).
pub fn corner_frequency(m0: f64, beta: f64, stress_pa: f64) -> f64 {
    0.4906 * beta * (stress_pa / m0).cbrt()
}

/// Synthesises every station of `spec`.
pub fn synthesize(spec: &SynthSpec, motion: Motion) -> Result<Vec<StationRecord>, SynthError> {
    let bad = |m: String| Err(SynthError::Invalid(m));
    if !(0.0..=700.0).contains(&spec.depth_km) {
        return bad(format!("depth {} km: expected 0 to 700", spec.depth_km));
    }
    if !(-1.0..=9.6).contains(&spec.magnitude) {
        return bad(format!("magnitude {}: expected -1 to 9.6", spec.magnitude));
    }
    if !(1.0..=1000.0).contains(&spec.sample_rate_hz) {
        return bad(format!(
            "sample rate {} Hz: expected 1 to 1000",
            spec.sample_rate_hz
        ));
    }
    let origin = UtcTime::parse_iso(&spec.origin).ok_or_else(|| {
        SynthError::Invalid(format!("origin {:?} is not an ISO 8601 time", spec.origin))
    })?;
    if spec.source == Source::Traffic {
        return Ok(synthesize_traffic(spec, origin, motion));
    }
    let tau = TauModel::shared(&spec.model)
        .ok_or_else(|| SynthError::Invalid(format!("unknown model {:?}", spec.model)))?;
    let model = &tau.model;
    let src = tau.source(spec.depth_km);
    let m0 = moment_from_mw(spec.magnitude);
    let (vp_src, vs_src, rho_src) = model.at(spec.depth_km, super::earth::Side::Below);
    let fc = corner_frequency(m0, vs_src * 1000.0, 3.0e6);
    let mut out = Vec::new();
    for (k, st) in spec.stations.iter().enumerate() {
        let delta = distance_deg(spec.latitude, spec.longitude, st.latitude, st.longitude);
        let az = azimuth_deg(spec.latitude, spec.longitude, st.latitude, st.longitude);
        let back_az = azimuth_deg(st.latitude, st.longitude, spec.latitude, spec.longitude);
        let dist_km = delta * km_per_deg();
        let arrivals = src.arrivals(delta, &[]);
        let first_p = arrivals.iter().find(|a| {
            matches!(
                a.phase.as_str(),
                "p" | "P" | "Pn" | "Pdiff" | "PKP" | "PKIKP"
            )
        });
        let first_s = arrivals
            .iter()
            .find(|a| matches!(a.phase.as_str(), "s" | "S" | "Sn" | "Sdiff" | "SKS"));
        let Some(p_arr) = first_p else {
            return bad(format!(
                "{}.{}: no P arrival at {delta:.1} degrees",
                st.network, st.station
            ));
        };
        let s_time = first_s.map(|a| a.time_s).unwrap_or(p_arr.time_s * 1.8);
        let teleseismic = delta > 20.0;
        let rate = spec.sample_rate_hz;
        // From 30 s before P to well into the coda (and surface waves).
        let surface_end = if spec.depth_km < 60.0 {
            dist_km / 2.6 + 60.0
        } else {
            0.0
        };
        let start_s = (p_arr.time_s - 30.0).max(-10.0);
        let end_s = (s_time + (s_time - p_arr.time_s).max(20.0) * 3.0 + 60.0).max(surface_end);
        let n = (((end_s - start_s) * rate).ceil() as usize).clamp(64, 4_000_000);
        let nfft = (n * 5 / 4).next_power_of_two();
        let df = rate / nfft as f64;
        let bins = nfft / 2 + 1;
        // Spectra of Z, N, E displacement (m).
        let mut spec_zne = vec![vec![C::new(0.0, 0.0); bins]; 3];
        let hyp_km = (dist_km * dist_km + spec.depth_km * spec.depth_km)
            .sqrt()
            .max(1.0);
        let mut add_phase = |a: &super::taup::Arrival, zne: [f64; 3], t_star: f64| {
            let t = a.time_s - start_s;
            let attenuation = causal_attenuation(t_star, nfft, df);
            for (b, f) in (0..bins).map(|b| (b, b as f64 * df)) {
                let w = 2.0 * std::f64::consts::PI * f;
                let source = C::new(1.0, f / fc).powi(-2);
                let shift = C::from_polar(1.0, -w * t);
                let v = source * shift * attenuation[b];
                for c in 0..3 {
                    spec_zne[c][b] += v * zne[c];
                }
            }
        };
        let baz_r = back_az.to_radians();
        // Radial points away from the source: the opposite of the back-azimuth.
        let (rn, re) = (-(baz_r.cos()), -(baz_r.sin()));
        let (tn, te) = (-re, rn);
        for a in arrivals.iter().filter(|a| {
            matches!(
                a.phase.as_str(),
                "p" | "P"
                    | "Pn"
                    | "pP"
                    | "PcP"
                    | "PKP"
                    | "PKIKP"
                    | "Pdiff"
                    | "s"
                    | "S"
                    | "Sn"
                    | "sS"
                    | "ScS"
                    | "SKS"
                    | "Sdiff"
            )
        }) {
            let is_p = !a.phase.starts_with(['S', 's']) || a.phase == "SKS";
            let wave = if a.phase.starts_with(['S', 's']) {
                Wave::S
            } else {
                Wave::P
            };
            let v_src = if wave == Wave::P { vp_src } else { vs_src } * 1000.0;
            let (rp, rsv, rsh) = match (&spec.mechanism, spec.source) {
                (_, Source::Explosion) => (
                    1.0,
                    EXPLOSION_S_RADIATION / 2f64.sqrt(),
                    EXPLOSION_S_RADIATION / 2f64.sqrt(),
                ),
                (Some(m), _) => radiation(m, a.takeoff_deg, az),
                (None, _) => (0.52, 0.63 / 2f64.sqrt(), 0.63 / 2f64.sqrt()),
            };
            // Body-wave spreading: 1/r (km → m) locally; for teleseismic paths
            // 1/r over the chord, a common simplification.
            let r_m = if teleseismic {
                2.0 * EARTH_RADIUS_KM * (delta.to_radians() / 2.0).sin() * 1000.0
            } else {
                hyp_km * 1000.0
            };
            let base =
                m0 / (4.0 * std::f64::consts::PI * rho_src * 1000.0 * v_src.powi(3) * r_m) * 2.0;
            // Later phases lose energy at reflections and conversions.
            let phase_factor = match a.phase.as_str() {
                "pP" | "sS" => 0.5,
                "PcP" | "ScS" => 0.2,
                "PKP" | "PKIKP" | "SKS" => 0.3,
                "Pdiff" | "Sdiff" => 0.1,
                "Pn" | "Sn" => 0.3,
                _ => 1.0,
            };
            let inc = a.incident_deg.to_radians();
            let travel = a.time_s;
            let (q, tstar_tele) = if wave == Wave::P {
                (600.0, 1.0)
            } else {
                (300.0, 4.0)
            };
            let t_star = if teleseismic { tstar_tele } else { travel / q };
            let zne = if is_p && wave == Wave::P {
                let amp = base * rp.abs().max(0.05) * phase_factor * rp.signum();
                [amp * inc.cos(), amp * inc.sin() * rn, amp * inc.sin() * re]
            } else {
                let sv = base * rsv * phase_factor;
                let sh = base * rsh * phase_factor;
                [
                    -sv * inc.sin(),
                    sv * inc.cos() * rn + sh * tn,
                    sv * inc.cos() * re + sh * te,
                ]
            };
            add_phase(a, zne, t_star);
        }
        // To the time domain, as the requested motion.
        let planner = FftPlanner::new();
        let inverse = planner_inverse(&planner, nfft);
        let mut comps: Vec<Vec<f64>> = Vec::with_capacity(3);
        for s in &spec_zne {
            let mut full = vec![C::new(0.0, 0.0); nfft];
            for (b, &v) in s.iter().enumerate() {
                let w = C::new(0.0, 2.0 * std::f64::consts::PI * b as f64 * df);
                let v = match motion {
                    Motion::Displacement => v,
                    Motion::Velocity => v * w,
                    Motion::Acceleration => v * w * w,
                };
                full[b] = v;
                if b > 0 && b < nfft - b {
                    full[nfft - b] = v.conj();
                }
            }
            inverse.process(&mut full);
            // The spectra are continuous (m·s): u(t) = ∫ U(f) e^(2πift) df,
            // so the inverse sum is weighted by df (m → nm).
            comps.push(full[..n].iter().map(|c| c.re * df * 1e9).collect());
        }
        let mut rng = Seeded::stream(spec.seed, k as u64);
        add_coda_and_surface_waves(
            &mut comps,
            spec,
            &src,
            delta,
            dist_km,
            start_s,
            rate,
            s_time,
            fc,
            motion,
            (rn, re, tn, te),
            &mut rng,
        );
        if spec.source == Source::Explosion {
            add_rg(
                &mut comps,
                dist_km,
                start_s,
                rate,
                p_arr.time_s,
                (rn, re),
                &mut rng,
            );
        }
        add_noise(&mut comps, rate, motion, &mut rng);
        let traces = to_traces(&comps, st, origin.add_secs(start_s), rate);
        out.push(StationRecord {
            station: st.clone(),
            distance_km: dist_km,
            back_azimuth_deg: back_az,
            traces,
            arrivals: arrivals
                .iter()
                .map(|a| TrueArrival {
                    phase: a.phase.clone(),
                    time: origin.add_secs(a.time_s).iso_micros(),
                    travel_time_s: a.time_s,
                })
                .collect(),
        });
    }
    Ok(out)
}

/// Z, N and E traces of integer samples from three components.
fn to_traces(comps: &[Vec<f64>], st: &SynthStation, start: UtcTime, rate: f64) -> Vec<Trace> {
    comps
        .iter()
        .zip(["HHZ", "HHN", "HHE"])
        .map(|(x, cha)| Trace {
            network: st.network.clone(),
            station: st.station.clone(),
            location: "00".into(),
            channel: cha.into(),
            start,
            sample_rate_hz: rate,
            samples: Samples::Int(
                x.iter()
                    .map(|v| {
                        v.round()
                            .clamp(i32::MIN as f64 / 2.0, i32::MAX as f64 / 2.0)
                            as i32
                    })
                    .collect(),
            ),
            encoding: None,
            record_count: 0,
        })
        .collect()
}

/// Group velocities of the synthetic surface-wave trains, km/s (fast,
/// slow): fundamental-mode Rayleigh and Love waves of continental paths
/// at 10-40 s period (Shearer 2019, Introduction to Seismology, ch. 8).
pub const SURFACE_GROUP_KM_S: (f64, f64) = (3.9, 2.9);

/// Group velocities of the Rg train, km/s (fast, slow), and its periods, s
/// (long first, then short): the fundamental-mode Rayleigh wave of the
/// top kilometres of rock, slower in the sandstones and shales of the
/// Sichuan basin than the 3 km/s of crystalline rock (Kafka 1990: 0.5-2 s).
const RG_GROUP_KM_S: (f64, f64) = (2.4, 1.5);
/// Periods of the Rg train, s: long first, then short.
const RG_PERIOD_S: (f64, f64) = (1.6, 0.6);

/// The Rg train of a shallow blast: a dispersed, elliptical Rayleigh wave
/// on the vertical and radial components, [`RG_TO_P`] times the P's peak.
fn add_rg(
    comps: &mut [Vec<f64>],
    dist_km: f64,
    start_s: f64,
    rate: f64,
    p_time_s: f64,
    (rn, re): (f64, f64),
    rng: &mut Seeded,
) {
    let n = comps[0].len();
    let ip = (((p_time_s - start_s) * rate).max(0.0) as usize).min(n.saturating_sub(1));
    let p_peak = comps[0][ip..(ip + 2 * rate as usize).min(n)]
        .iter()
        .fold(0.0f64, |m, v| m.max(v.abs()));
    let (t0, t1) = (
        dist_km / RG_GROUP_KM_S.0 - start_s,
        dist_km / RG_GROUP_KM_S.1 - start_s,
    );
    let span = (t1 - t0).max(2.0);
    let ph0 = rng.uniform() * std::f64::consts::TAU;
    let mut phase = ph0;
    #[allow(clippy::needless_range_loop)] // two components written at once
    for i in 0..n {
        let t = i as f64 / rate;
        let f = (t - t0) / span;
        if !(0.0..=1.6).contains(&f) {
            continue;
        }
        let period = RG_PERIOD_S.0 - (RG_PERIOD_S.0 - RG_PERIOD_S.1) * f.min(1.0);
        phase += std::f64::consts::TAU / period / rate;
        // Rises over the fastest group velocities, fades after the slowest.
        let env = if f < 0.3 {
            (std::f64::consts::PI * f / 0.6).sin().powi(2)
        } else if f <= 1.0 {
            1.0
        } else {
            (std::f64::consts::PI * (f - 1.0) / 1.2).cos().powi(2)
        };
        let a = RG_TO_P * p_peak * env;
        comps[0][i] += a * phase.sin();
        let radial = 0.7 * a * phase.cos();
        comps[1][i] += radial * rn;
        comps[2][i] += radial * re;
    }
}

/// Length of a traffic record, s.
pub const TRAFFIC_RECORD_S: f64 = 150.0;

/// A record of traffic at each station: the background noise and vehicles
/// passing, one every 12 s on average, each a swell of band-passed noise
/// (its own dominant frequency, 4-15 Hz) with a Gaussian envelope 1.5-4 s
/// wide, 3-12 times the noise, strongest at stations nearest the road.
fn synthesize_traffic(spec: &SynthSpec, origin: UtcTime, motion: Motion) -> Vec<StationRecord> {
    let rate = spec.sample_rate_hz;
    let n = (TRAFFIC_RECORD_S * rate) as usize;
    let scale = NOISE_LEVEL
        * match motion {
            Motion::Displacement => 0.3,
            Motion::Velocity => 20.0,
            Motion::Acceleration => 1500.0,
        };
    spec.stations
        .iter()
        .enumerate()
        .map(|(k, st)| {
            let delta = distance_deg(spec.latitude, spec.longitude, st.latitude, st.longitude);
            let dist_km = delta * km_per_deg();
            let mut rng = Seeded::stream(spec.seed, k as u64);
            let mut comps = vec![vec![0.0; n]; 3];
            // Nearer the road, stronger: halved every 2 km.
            let near = 0.5f64.powf(dist_km / 2.0);
            let mut t = 4.0 * rng.uniform();
            while t < TRAFFIC_RECORD_S {
                let width = 1.5 + 2.5 * rng.uniform();
                let amp = scale * near * (3.0 + 9.0 * rng.uniform());
                let f0 = 4.0 + 11.0 * rng.uniform();
                let f0 = f0.min(0.4 * rate);
                let a = (-std::f64::consts::TAU * f0 / rate).exp();
                let i0 = ((t - 4.0 * width) * rate).max(0.0) as usize;
                let i1 = (((t + 4.0 * width) * rate) as usize).min(n);
                for c in comps.iter_mut() {
                    let (mut lp, mut lp2) = (0.0, 0.0);
                    for (i, v) in c.iter_mut().enumerate().take(i1).skip(i0) {
                        let x = rng.normal();
                        lp = a * lp + (1.0 - a) * x;
                        lp2 = a * lp2 + (1.0 - a) * lp;
                        let dt = i as f64 / rate - t;
                        let env = (-0.5 * (dt / width).powi(2)).exp();
                        *v += amp * env * (lp - lp2) * 6.0;
                    }
                }
                t += -12.0 * (1.0 - rng.uniform()).max(1e-9).ln();
            }
            add_noise(&mut comps, rate, motion, &mut rng);
            StationRecord {
                station: st.clone(),
                distance_km: dist_km,
                back_azimuth_deg: azimuth_deg(
                    st.latitude,
                    st.longitude,
                    spec.latitude,
                    spec.longitude,
                ),
                traces: to_traces(&comps, st, origin, rate),
                arrivals: Vec::new(),
            }
        })
        .collect()
}

/// The sidecar written beside each synthetic miniSEED file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sidecar {
    /// Always true: these are not real recordings.
    pub synthetic: bool,
    /// What made them.
    pub generator: String,
    /// Sample units.
    pub units: String,
    /// The event, as synthesised.
    pub event: SidecarEvent,
    /// The station.
    pub station: SynthStation,
    /// Epicentral distance, km.
    pub distance_km: f64,
    /// Back-azimuth, degrees.
    pub back_azimuth_deg: f64,
    /// The true arrivals at this station.
    pub arrivals: Vec<TrueArrival>,
}

/// The event part of a sidecar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SidecarEvent {
    /// Origin time.
    pub origin_time: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Depth, km.
    pub depth_km: f64,
    /// Moment magnitude (not used for traffic).
    pub magnitude: f64,
    /// What shook the ground: an earthquake where the sidecar does not say.
    #[serde(default)]
    pub source: Source,
    /// Earth model.
    pub model: String,
    /// Noise seed.
    pub seed: u64,
}

/// Writes `NET.STA.mseed` (Steim-2, 4096-byte records) and `NET.STA.json`
/// for one station into `dir`; returns their paths.
pub fn write_station(
    spec: &SynthSpec,
    r: &StationRecord,
    motion: Motion,
    dir: &std::path::Path,
) -> Result<Vec<std::path::PathBuf>, String> {
    let stem = format!("{}.{}", r.station.network, r.station.station);
    let stream = crate::domain::waveform::Stream {
        traces: r.traces.clone(),
    };
    let bytes = crate::domain::waveform::mseed::write(
        &stream,
        crate::domain::waveform::mseed::WriteOptions {
            record_length: 4096,
        },
    )?;
    let mseed = dir.join(format!("{stem}.mseed"));
    std::fs::write(&mseed, bytes).map_err(|e| format!("{}: {e}", mseed.display()))?;
    let sidecar = Sidecar {
        synthetic: true,
        generator: format!(
            "quakehall synth {} (simplified far-field synthesis; see src/domain/physics/synth.rs)",
            env!("CARGO_PKG_VERSION")
        ),
        units: match motion {
            Motion::Displacement => "nm",
            Motion::Velocity => "nm/s",
            Motion::Acceleration => "nm/s^2",
        }
        .into(),
        event: SidecarEvent {
            origin_time: spec.origin.clone(),
            latitude: spec.latitude,
            longitude: spec.longitude,
            depth_km: spec.depth_km,
            magnitude: spec.magnitude,
            source: spec.source,
            model: spec.model.clone(),
            seed: spec.seed,
        },
        station: r.station.clone(),
        distance_km: r.distance_km,
        back_azimuth_deg: r.back_azimuth_deg,
        arrivals: r.arrivals.clone(),
    };
    let json = dir.join(format!("{stem}.json"));
    let text = serde_json::to_string_pretty(&sidecar).map_err(|e| e.to_string())?;
    std::fs::write(&json, text + "\n").map_err(|e| format!("{}: {e}", json.display()))?;
    Ok(vec![mseed, json])
}

fn planner_inverse(_: &FftPlanner<f64>, n: usize) -> std::sync::Arc<dyn rustfft::Fft<f64>> {
    FftPlanner::new().plan_fft_inverse(n)
}

/// Scattered coda after S and, for shallow events, dispersed surface waves.
#[allow(clippy::too_many_arguments)]
fn add_coda_and_surface_waves(
    comps: &mut [Vec<f64>],
    spec: &SynthSpec,
    src: &super::taup::SourceTimes,
    delta: f64,
    dist_km: f64,
    start_s: f64,
    rate: f64,
    s_time: f64,
    fc: f64,
    motion: Motion,
    (rn, re, tn, te): (f64, f64, f64, f64),
    rng: &mut Seeded,
) {
    let n = comps[0].len();
    // Coda after P: weaker scattered energy until S.
    let p_arrival = src
        .arrivals(delta, &[])
        .into_iter()
        .next()
        .map(|a| a.time_s);
    if let Some(tp) = p_arrival {
        let p_index = (((tp - start_s) * rate) as usize).min(n.saturating_sub(1));
        let s_limit = (((s_time - start_s) * rate) as usize).min(n);
        let p_peak = comps
            .iter()
            .map(|c| {
                c[p_index..(p_index + 3 * rate as usize).min(n)]
                    .iter()
                    .fold(0.0f64, |m, v| m.max(v.abs()))
            })
            .fold(0.0, f64::max);
        let a = (-2.0 * std::f64::consts::PI * fc.clamp(0.3, 4.0).min(rate / 4.0) / rate).exp();
        for c in comps.iter_mut() {
            let (mut lp, mut lp2) = (0.0, 0.0);
            for (i, v) in c.iter_mut().enumerate().take(s_limit).skip(p_index) {
                let t = (i - p_index) as f64 / rate;
                lp = a * lp + (1.0 - a) * rng.normal();
                lp2 = a * lp2 + (1.0 - a) * lp;
                *v += 0.25 * p_peak * (1.0 + 0.5 * t).recip() * (lp - lp2) * 6.0;
            }
        }
    }
    // Coda: filtered noise with an envelope starting at the S peak level.
    let s_index = (((s_time - start_s) * rate) as usize).min(n.saturating_sub(1));
    let s_peak = comps
        .iter()
        .map(|c| {
            c[s_index.saturating_sub((rate as usize) / 2)..(s_index + 2 * rate as usize).min(n)]
                .iter()
                .fold(0.0f64, |m, v| m.max(v.abs()))
        })
        .fold(0.0, f64::max);
    let fcoda = fc.clamp(0.5, 8.0).min(rate / 4.0);
    let alpha = (-2.0 * std::f64::consts::PI * fcoda / rate).exp();
    for c in comps.iter_mut() {
        let mut lp = 0.0;
        let mut lp2 = 0.0;
        for (i, v) in c.iter_mut().enumerate().skip(s_index) {
            let t = (i - s_index) as f64 / rate;
            let x = rng.normal();
            lp = alpha * lp + (1.0 - alpha) * x;
            lp2 = alpha * lp2 + (1.0 - alpha) * lp;
            let env = 0.35
                * s_peak
                * (1.0 + t).recip()
                * (-std::f64::consts::PI * fcoda * t / 200.0).exp();
            *v += env * (lp - lp2) * 6.0;
        }
    }
    // Surface waves of 6-30 s period: shallow sources at regional and
    // teleseismic distances (the Ms formula that sizes them holds from
    // about 20 degrees; below 2 degrees local records are dominated by S
    // and its coda instead).
    if spec.depth_km > 60.0 || delta < 2.0 {
        return;
    }
    // Size: invert the IASPEI Ms formula for the vertical displacement at T = 20 s.
    // The Ms formula holds from 20 degrees; nearer, its distance term is
    // held at 10 degrees so that regional trains stay a few times the S wave.
    let d = delta.max(10.0);
    let a20_nm =
        20.0 * 10f64.powf(spec.magnitude - 1.66 * d.log10() - 0.3) * (-spec.depth_km / 30.0).exp();
    let (u_fast, u_slow) = SURFACE_GROUP_KM_S;
    let (t0, t1) = (dist_km / u_fast - start_s, dist_km / u_slow - start_s);
    // Shorter paths disperse less and carry shorter periods.
    let (period_long, period_short) = ((5.0 + 0.8 * delta).min(30.0), (3.0 + 0.1 * delta).min(6.0));
    let fall_s = (0.5 * (t1 - t0)).max(10.0);
    // Multipathing makes real trains beat: a slow random modulation.
    let beats: Vec<(f64, f64)> = (0..4)
        .map(|_| {
            (
                0.004 + 0.02 * rng.uniform(),
                std::f64::consts::TAU * rng.uniform(),
            )
        })
        .collect();
    #[allow(clippy::needless_range_loop)] // three components written at once
    for i in 0..n {
        let t = i as f64 / rate;
        if t < t0 || t > t1 + 4.0 * fall_s {
            continue;
        }
        let f = ((t - t0) / (t1 - t0)).clamp(0.0, 1.0);
        // Long periods first (normal dispersion).
        let period = period_long - (period_long - period_short) * f;
        let modulation = 1.0
            + 0.35
                * beats
                    .iter()
                    .map(|(fr, ph)| (std::f64::consts::TAU * fr * t + ph).sin())
                    .sum::<f64>()
                / 2.0;
        let rise = (f * 4.0).min(1.0);
        let fall = if t > t1 {
            // Exponential decay, brought smoothly to zero at the window's end.
            let x = (t - t1) / (4.0 * fall_s);
            (-(t - t1) / fall_s).exp() * (0.5 + 0.5 * (std::f64::consts::PI * x).cos())
        } else {
            1.0
        };
        let taper =
            rise * rise * fall * modulation * (0.6 + 0.4 * (std::f64::consts::PI * f).sin());
        let phase = 2.0 * std::f64::consts::PI * (t - t0) / period * (1.0 - 0.25 * f);
        let disp = a20_nm * taper * (period / 20.0).powf(0.5);
        let (dz, dr, dl) = match motion {
            Motion::Displacement => (
                disp * phase.cos(),
                disp * phase.sin(),
                0.8 * disp * (phase * 1.1).cos(),
            ),
            Motion::Velocity => {
                let w = 2.0 * std::f64::consts::PI / period;
                (
                    -disp * w * phase.sin(),
                    disp * w * phase.cos(),
                    -0.8 * disp * w * (phase * 1.1).sin(),
                )
            }
            Motion::Acceleration => {
                let w = 2.0 * std::f64::consts::PI / period;
                (
                    -disp * w * w * phase.cos(),
                    -disp * w * w * phase.sin(),
                    -0.8 * disp * w * w * (phase * 1.1).cos(),
                )
            }
        };
        // Rayleigh: retrograde ellipse, radial 0.7 of vertical; Love: transverse.
        comps[0][i] += dz;
        comps[1][i] += 0.7 * dr * rn + dl * tn;
        comps[2][i] += 0.7 * dr * re + dl * te;
    }
}

/// How loud the background is: a station on the sediments of a city's
/// basin, with a microseism of about 1.3 µm ground displacement at 0.2 Hz
/// (1.6 µm/s) and cultural noise of some hundred nm/s at 1-10 Hz, between
/// Peterson's (1993, USGS Open-File Report 93-322) new low and high noise
/// models at those periods.
pub const NOISE_LEVEL: f64 = 40.0;

/// Seeded background noise: a microseism at about 0.2 Hz and broadband noise.
fn add_noise(comps: &mut [Vec<f64>], rate: f64, motion: Motion, rng: &mut Seeded) {
    let scale = NOISE_LEVEL
        * match motion {
            Motion::Displacement => 1.0,
            Motion::Velocity => 2.0,
            Motion::Acceleration => 5.0,
        };
    let ph = rng.uniform() * std::f64::consts::TAU;
    for c in comps.iter_mut() {
        let mut lp = 0.0;
        let a = (-2.0 * std::f64::consts::PI * 2.0 / rate).exp();
        for (i, v) in c.iter_mut().enumerate() {
            let t = i as f64 / rate;
            lp = a * lp + (1.0 - a) * rng.normal();
            *v += scale * (20.0 * (2.0 * std::f64::consts::PI * 0.2 * t + ph).sin() + 8.0 * lp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pulse through `t_star` of attenuation, arriving 20 s into 80 s.
    fn attenuated_pulse(t_star: f64) -> Vec<f64> {
        let (rate, n, at) = (20.0, 2048usize, 20.0);
        let df = rate / n as f64;
        let op = causal_attenuation(t_star, n, df);
        let mut spec: Vec<C> = (0..n)
            .map(|b| {
                if b > n / 2 {
                    return C::new(0.0, 0.0);
                }
                let f = b as f64 * df;
                C::from_polar(1.0, -2.0 * std::f64::consts::PI * f * at) * op[b]
            })
            .collect();
        // Hermitian, so the pulse is real.
        for b in 1..n / 2 {
            spec[n - b] = spec[b].conj();
        }
        FftPlanner::new().plan_fft_inverse(n).process(&mut spec);
        spec.iter().map(|c| c.re).collect()
    }

    #[test]
    fn an_attenuated_pulse_begins_at_its_arrival_and_not_before() {
        for t_star in [0.03, 1.0, 4.0] {
            let x = attenuated_pulse(t_star);
            let arrival = 20 * 20;
            let peak = x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            let begins = x
                .iter()
                .position(|v| v.abs() >= ONSET_FRACTION * peak)
                .unwrap();
            let lag = (begins as f64 - arrival as f64) / 20.0;
            assert!(lag.abs() <= 0.05, "t* {t_star}: begins {lag} s after");
            let energy = |a: usize, b: usize| x[a..b].iter().map(|v| v * v).sum::<f64>();
            let before = energy(0, arrival) / energy(0, x.len());
            assert!(before < 1e-3, "t* {t_star}: {before} of the energy before");
        }
    }

    fn spec(mag: f64, stations: Vec<(f64, f64)>) -> SynthSpec {
        SynthSpec {
            source: Source::Earthquake,
            origin: "2026-05-12T06:00:00Z".into(),
            latitude: 29.5,
            longitude: 106.5,
            depth_km: 10.0,
            magnitude: mag,
            mechanism: None,
            model: "iasp91".into(),
            sample_rate_hz: 50.0,
            seed: 7,
            stations: stations
                .into_iter()
                .enumerate()
                .map(|(i, (la, lo))| SynthStation {
                    network: "SY".into(),
                    station: format!("S{i}"),
                    latitude: la,
                    longitude: lo,
                })
                .collect(),
        }
    }

    #[test]
    fn stations_parse_from_the_command_line_form() {
        let s: SynthStation = "CQ.HALL:29.56:106.55".parse().unwrap();
        assert_eq!((s.network.as_str(), s.station.as_str()), ("CQ", "HALL"));
        assert_eq!((s.latitude, s.longitude), (29.56, 106.55));
        let west: SynthStation = "CI.CLC:35.82:-117.60".parse().unwrap();
        assert_eq!(west.longitude, -117.60);
        for bad in [
            "CQ:29:106",
            "CQ.HALL:29",
            "CQ.HALL:north:106",
            "CQ.HALL:95:106",
            ".X:1:2",
        ] {
            let e = bad.parse::<SynthStation>().unwrap_err();
            assert!(e.contains(bad), "{e}");
        }
    }

    fn peak(x: &[i32]) -> f64 {
        x.iter().map(|v| (*v as f64).abs()).fold(0.0, f64::max)
    }

    #[test]
    fn p_arrives_when_the_model_says_and_not_before() {
        let s = spec(4.5, vec![(29.9, 106.8)]);
        let rec = &synthesize(&s, Motion::Velocity).unwrap()[0];
        let z = match &rec.traces[0].samples {
            Samples::Int(v) => v.clone(),
            _ => unreachable!(),
        };
        let p = rec
            .arrivals
            .iter()
            .find(|a| a.phase == "P" || a.phase == "p")
            .unwrap();
        let p_time = UtcTime::parse_iso(&p.time).unwrap();
        let ip = (p_time.secs_since(rec.traces[0].start) * 50.0) as usize;
        let before = peak(&z[..ip - 25]);
        let after = peak(&z[ip..ip + 100]);
        assert!(
            after > 20.0 * before,
            "P not clear: before {before}, after {after}"
        );
        // S is larger than P on the horizontals.
        let n = match &rec.traces[1].samples {
            Samples::Int(v) => v.clone(),
            _ => unreachable!(),
        };
        let s_time = UtcTime::parse_iso(
            &rec.arrivals
                .iter()
                .find(|a| a.phase == "S" || a.phase == "s")
                .unwrap()
                .time,
        )
        .unwrap();
        let is = (s_time.secs_since(rec.traces[0].start) * 50.0) as usize;
        assert!(peak(&n[is..is + 150]) > 1.5 * peak(&n[ip..ip + 100]));
    }

    #[test]
    fn long_period_displacement_scales_with_moment() {
        let far = vec![(30.5, 107.5)];
        let a = synthesize(&spec(3.0, far.clone()), Motion::Displacement).unwrap();
        let b = synthesize(&spec(4.0, far), Motion::Displacement).unwrap();
        let pa = match &a[0].traces[0].samples {
            Samples::Int(v) => peak(v),
            _ => 0.0,
        };
        let pb = match &b[0].traces[0].samples {
            Samples::Int(v) => peak(v),
            _ => 0.0,
        };
        // Below the corner frequency displacement grows with M0 (x31.6 per unit);
        // above it less: between the two for a small event.
        let ratio = pb / pa;
        assert!(ratio > 5.0 && ratio < 40.0, "{ratio}");
    }

    #[test]
    fn the_same_seed_gives_the_same_record() {
        let s = spec(4.0, vec![(29.8, 106.6)]);
        assert_eq!(
            synthesize(&s, Motion::Velocity).unwrap(),
            synthesize(&s, Motion::Velocity).unwrap()
        );
        let mut t = s.clone();
        t.seed = 8;
        assert_ne!(
            synthesize(&s, Motion::Velocity).unwrap(),
            synthesize(&t, Motion::Velocity).unwrap()
        );
    }

    #[test]
    fn radiation_pattern_of_a_vertical_strike_slip() {
        // Strike-slip on a vertical fault: P nodal along strike, maximal at 45°.
        let m = Mechanism {
            strike: 0.0,
            dip: 90.0,
            rake: 0.0,
        };
        assert!(radiation(&m, 90.0, 0.0).0.abs() < 1e-12);
        assert!((radiation(&m, 90.0, 45.0).0.abs() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn bad_parameters_are_refused() {
        let mut s = spec(4.0, vec![(29.8, 106.6)]);
        s.depth_km = 900.0;
        assert!(synthesize(&s, Motion::Velocity).is_err());
        let mut s = spec(4.0, vec![(29.8, 106.6)]);
        s.origin = "yesterday".into();
        assert!(synthesize(&s, Motion::Velocity).is_err());
    }
}
