//! A day of ground motion for the drum: a real day file, or the synthetic
//! day the hall ships, made here from a seed: the microseism (the ocean's
//! 5-7 s hum, steady all day), cultural noise (1-10 Hz, loud by day and
//! quiet at night, as traffic and machines are; McNamara & Buland 2004,
//! BSSA 94), five quakes at the hall's station from `physics::synth`
//! (local, regional and distant) and a twelve-minute gap where the
//! station's power was off. Vertical ground velocity in nm/s at 100 Hz; a
//! missing sample is NaN.

use crate::domain::physics::synth::{
    Motion, NOISE_LEVEL, SynthSpec, SynthStation, synthesize,
};
use crate::domain::random::Seeded;
use crate::domain::text::Bilingual;
use crate::domain::waveform::{UtcTime, dsp};

/// Samples per second of the synthetic day.
pub const RATE_HZ: f64 = 100.0;
/// Beijing time is UTC + 8 h (China keeps one time zone, no summer time).
pub const BEIJING_OFFSET_S: f64 = 8.0 * 3600.0;

/// A quake on the day's drum.
#[derive(Debug, Clone, PartialEq)]
pub struct DayQuake {
    /// Where, as the caption names it.
    pub name: Bilingual,
    /// Magnitude.
    pub magnitude: f64,
    /// Epicentral distance from the station, km.
    pub distance_km: f64,
    /// Its first arrival at the station.
    pub arrives: UtcTime,
}

/// A day of one station's vertical ground velocity.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// The first sample's time.
    pub start: UtcTime,
    /// Samples per second.
    pub rate_hz: f64,
    /// Ground velocity, nm/s; NaN where there is no data.
    pub samples: Vec<f32>,
    /// The quakes on it, where known (the synthetic day's).
    pub quakes: Vec<DayQuake>,
}

/// 00:00 Beijing time on `date` ("2026-03-18"), in UTC (16:00 the day
/// before).
pub fn beijing_midnight(date: &str) -> Option<UtcTime> {
    UtcTime::parse_iso(&format!("{date}T00:00:00Z")).map(|t| t.add_secs(-BEIJING_OFFSET_S))
}

/// A quake of the synthetic day: Beijing time, name (zh, en), place
/// (latitude, longitude), depth in km, magnitude.
type PlannedQuake = (&'static str, (&'static str, &'static str), (f64, f64), f64, f64);

/// The synthetic day's quakes.
const QUAKES: [PlannedQuake; 5] = [
    ("02:37:10", ("铜梁 2.9级", "M2.9 at Tongliang"), (29.85, 105.95), 6.0, 2.9),
    ("09:14:25", ("荣昌 4.5级", "M4.5 at Rongchang"), (29.40, 105.59), 8.0, 4.5),
    ("13:52:40", ("云南昭通 5.6级", "M5.6 at Zhaotong, Yunnan"), (27.30, 103.70), 12.0, 5.6),
    ("19:26:05", ("尼泊尔 7.3级", "M7.3 in Nepal"), (28.20, 84.70), 15.0, 7.3),
    ("22:05:50", ("四川长宁 3.6级", "M3.6 at Changning, Sichuan"), (28.34, 104.90), 10.0, 3.6),
];
/// The names of the synthetic day's quakes (visitor texts).
pub fn quake_names() -> Vec<Bilingual> {
    QUAKES.iter().map(|q| Bilingual::new(q.1.0, q.1.1)).collect()
}

/// The gap: Beijing time it starts and its length, s.
const GAP: (&str, f64) = ("03:40:00", 720.0);
/// The hall's station.
const HALL: (f64, f64) = (29.56, 106.46);

/// Seconds after Beijing midnight of "hh:mm:ss".
fn clock_s(hms: &str) -> f64 {
    hms.split(':')
        .filter_map(|p| p.parse::<f64>().ok())
        .fold(0.0, |acc, v| acc * 60.0 + v)
}

/// A narrow-band noise: white noise through a two-pole resonator at `f_hz`
/// `bw_hz` wide, scaled to an RMS of `rms`.
fn resonant_noise(n: usize, rate: f64, f_hz: f64, bw_hz: f64, rms: f64, rng: &mut Seeded) -> Vec<f32> {
    let r = (-std::f64::consts::PI * bw_hz / rate).exp();
    let (a1, a2) = (2.0 * r * (std::f64::consts::TAU * f_hz / rate).cos(), -r * r);
    let (mut y1, mut y2) = (0.0f64, 0.0f64);
    let mut out: Vec<f32> = Vec::with_capacity(n);
    let mut sum = 0.0;
    for _ in 0..n {
        let y = a1 * y1 + a2 * y2 + rng.normal();
        y2 = y1;
        y1 = y;
        sum += y * y;
        out.push(y as f32);
    }
    let g = (rms / (sum / n.max(1) as f64).sqrt().max(1e-12)) as f32;
    out.iter_mut().for_each(|v| *v *= g);
    out
}

/// How busy the city is at `hour` Beijing time (0.25 at night, 1 by day,
/// rising from 6 and falling after 21).
fn cultural(hour: f64) -> f64 {
    let smooth = |x: f64| {
        let x = x.clamp(0.0, 1.0);
        x * x * (3.0 - 2.0 * x)
    };
    0.25 + 0.75 * (smooth((hour - 5.5) / 2.0) - smooth((hour - 21.0) / 2.0))
}

/// The synthetic day at the hall on `date` (Beijing), from `seed`.
pub fn synthetic_day(date: &str, seed: u64) -> Result<Day, String> {
    let start = beijing_midnight(date).ok_or_else(|| format!("\"{date}\" is not a date like 2026-03-18"))?;
    let n = (24.0 * 3600.0 * RATE_HZ) as usize;
    let mut rng = Seeded::new(seed);
    // The levels of the synthesis's own noise, so that the quakes' records
    // (which carry it) blend into the day.
    let level = NOISE_LEVEL * 2.0;
    let micro = resonant_noise(n, RATE_HZ, 0.17, 0.06, level * 20.0 / 2f64.sqrt(), &mut rng);
    let city = resonant_noise(n, RATE_HZ, 5.0, 6.0, level * 8.0, &mut rng);
    let mut samples: Vec<f32> = micro
        .iter()
        .zip(&city)
        .enumerate()
        .map(|(i, (m, c))| m + c * cultural(i as f64 / RATE_HZ / 3600.0) as f32)
        .collect();
    let mut quakes = Vec::new();
    for (k, &(hms, (zh, en), (lat, lon), depth_km, magnitude)) in QUAKES.iter().enumerate() {
        let origin = start.add_secs(clock_s(hms));
        let spec = SynthSpec {
            source: Default::default(),
            origin: origin.iso_micros(),
            latitude: lat,
            longitude: lon,
            depth_km,
            magnitude,
            mechanism: None,
            model: "iasp91".into(),
            sample_rate_hz: RATE_HZ,
            seed: seed.wrapping_add(k as u64 + 1),
            stations: vec![SynthStation {
                network: "SY".into(),
                station: "HALL".into(),
                latitude: HALL.0,
                longitude: HALL.1,
            }],
        };
        let rec = synthesize(&spec, Motion::Velocity).map_err(|e| e.to_string())?;
        let Some(r) = rec.first() else { continue };
        let Some(z) = r.traces.iter().find(|t| t.channel.ends_with('Z')) else {
            continue;
        };
        let mut x = z.samples.to_f64();
        dsp::taper(&mut x, 0.05, dsp::TaperKind::Hann);
        let off = (z.start.secs_since(start) * RATE_HZ).round() as i64;
        for (i, v) in x.iter().enumerate() {
            let j = off + i as i64;
            if (0..n as i64).contains(&j) {
                samples[j as usize] += *v as f32;
            }
        }
        let arrives = r
            .arrivals
            .iter()
            .filter_map(|a| UtcTime::parse_iso(&a.time))
            .min()
            .unwrap_or(origin);
        quakes.push(DayQuake {
            name: Bilingual::new(zh, en),
            magnitude,
            distance_km: r.distance_km,
            arrives,
        });
    }
    let g0 = (clock_s(GAP.0) * RATE_HZ) as usize;
    let g1 = (g0 + (GAP.1 * RATE_HZ) as usize).min(n);
    samples[g0..g1].iter_mut().for_each(|v| *v = f32::NAN);
    Ok(Day {
        start,
        rate_hz: RATE_HZ,
        samples,
        quakes,
    })
}

/// A day from a recording's vertical component, placed on the drum from
/// 00:00 Beijing time of its first sample's Beijing date; gaps between its
/// traces (and the rest of the day) are NaN. `gain` is nm/s per count.
pub fn recorded_day(traces: &[&crate::domain::waveform::Trace], gain: f64) -> Option<Day> {
    let first = traces.iter().map(|t| t.start).min()?;
    let rate = traces.first()?.sample_rate_hz;
    if rate.is_nan() || rate <= 0.0 || traces.iter().any(|t| (t.sample_rate_hz - rate).abs() > 1e-9) {
        return None;
    }
    let (y, mo, d, ..) = first.add_secs(BEIJING_OFFSET_S).fields();
    let start = beijing_midnight(&format!("{y:04}-{mo:02}-{d:02}"))?;
    let n = (24.0 * 3600.0 * rate).round() as usize;
    let mut samples = vec![f32::NAN; n];
    for t in traces {
        let off = (t.start.secs_since(start) * rate).round() as i64;
        for (i, v) in t.samples.to_f64().iter().enumerate() {
            let j = off + i as i64;
            if (0..n as i64).contains(&j) {
                samples[j as usize] = (v * gain) as f32;
            }
        }
    }
    Some(Day {
        start,
        rate_hz: rate,
        samples,
        quakes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_midnight_is_four_in_the_afternoon_utc_the_day_before() {
        let t = beijing_midnight("2026-03-18").unwrap();
        assert_eq!(t.iso_micros(), "2026-03-17T16:00:00.000000Z");
        assert!(beijing_midnight("March").is_none());
        assert_eq!(clock_s("02:37:10"), 9430.0);
    }

    #[test]
    fn the_city_is_loud_by_day_and_quiet_at_night() {
        assert!(cultural(3.0) < 0.3 && cultural(12.0) > 0.99 && cultural(23.5) < 0.3);
    }
}
