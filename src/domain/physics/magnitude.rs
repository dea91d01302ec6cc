//! Magnitudes and energy, each formula with its source.

/// Local magnitude from the peak horizontal ground displacement
/// `amplitude_nm` (nm) of a Wood-Anderson-simulated record (the trace
/// amplitude divided by the instrument's magnification 2080) at
/// hypocentral distance `r_km`: the IASPEI (2013) standard,
/// ML = log10(A) + 1.11 log10(R) + 0.00189 R − 2.09 (Hutton & Boore 1987).
/// Valid for about 10-600 km.
pub fn ml_iaspei(amplitude_nm: f64, r_km: f64) -> f64 {
    amplitude_nm.max(f64::MIN_POSITIVE).log10() + 1.11 * r_km.max(1.0).log10() + 0.00189 * r_km
        - 2.09
}

/// Natural period of the standard Wood-Anderson seismometer, s (IASPEI
/// 2013, the ML standard: 0.8 s, damping 0.7, magnification 2080).
pub const WOOD_ANDERSON_PERIOD_S: f64 = 0.8;
/// Damping of the standard Wood-Anderson seismometer (IASPEI 2013).
pub const WOOD_ANDERSON_DAMPING: f64 = 0.7;
/// Magnification of the standard Wood-Anderson seismometer (IASPEI 2013).
pub const WOOD_ANDERSON_GAIN: f64 = 2080.0;

/// The ground displacement a standard Wood-Anderson seismometer would
/// record, in the units of `velocity` times seconds (nm from nm/s), before
/// its magnification: the ground velocity through
/// s / (s² + 2hω₀s + ω₀²), by the bilinear transform pre-warped at ω₀.
/// The peak of this, in nm, is the A of [`ml_iaspei`].
pub fn wood_anderson(velocity: &[f64], sample_rate_hz: f64) -> Vec<f64> {
    let w0 = std::f64::consts::TAU / WOOD_ANDERSON_PERIOD_S;
    let h = WOOD_ANDERSON_DAMPING;
    let k = w0 / (w0 / (2.0 * sample_rate_hz)).tan();
    let a0 = k * k + 2.0 * h * w0 * k + w0 * w0;
    let sos = [
        k / a0,
        0.0,
        -k / a0,
        1.0,
        (2.0 * w0 * w0 - 2.0 * k * k) / a0,
        (k * k - 2.0 * h * w0 * k + w0 * w0) / a0,
    ];
    crate::domain::waveform::dsp::sosfilt(&[sos], velocity)
}

/// A local magnitude read from a record.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalMagnitude {
    /// IASPEI (2013) ML.
    pub ml: f64,
    /// The peak Wood-Anderson-simulated displacement, nm (zero to peak).
    pub amplitude_nm: f64,
    /// The channel it was read on.
    pub channel: String,
    /// When the peak is.
    pub time: crate::domain::waveform::UtcTime,
}

/// The IASPEI ML of a station's horizontal records of ground velocity in
/// nm/s (channels ending in N, E, 1 or 2) at hypocentral distance `r_km`:
/// each demeaned and passed through [`wood_anderson`], the larger peak of
/// the two read as A (IASPEI 2013 allows either horizontal; the larger is
/// the common practice of Chinese networks). `None` without horizontals.
pub fn local_magnitude(
    traces: &[&crate::domain::waveform::Trace],
    r_km: f64,
) -> Option<LocalMagnitude> {
    traces
        .iter()
        .filter(|t| t.channel.ends_with(['N', 'E', 'n', 'e', '1', '2']) && t.sample_rate_hz > 0.0)
        .filter_map(|t| {
            let mut x = t.samples.to_f64();
            crate::domain::waveform::dsp::demean(&mut x);
            let y = wood_anderson(&x, t.sample_rate_hz);
            let (i, a) = y
                .iter()
                .enumerate()
                .map(|(i, v)| (i, v.abs()))
                .max_by(|a, b| a.1.total_cmp(&b.1))?;
            Some(LocalMagnitude {
                ml: ml_iaspei(a, r_km),
                amplitude_nm: a,
                channel: t.channel.clone(),
                time: t.time_of(i),
            })
        })
        .max_by(|a, b| a.amplitude_nm.total_cmp(&b.amplitude_nm))
}

/// The Wood-Anderson response to ground displacement at `freq_hz`: the
/// ratio of the recorded (unmagnified) to the ground amplitude.
pub fn wood_anderson_response(freq_hz: f64) -> f64 {
    let w = std::f64::consts::TAU * freq_hz;
    let w0 = std::f64::consts::TAU / WOOD_ANDERSON_PERIOD_S;
    let h = WOOD_ANDERSON_DAMPING;
    w * w / ((w0 * w0 - w * w).powi(2) + (2.0 * h * w0 * w).powi(2)).sqrt()
}

/// Surface-wave magnitude, IASPEI (2013) standard Ms_20 (Vaněk et al. 1962):
/// Ms = log10(A/T) + 1.66 log10(Δ) + 0.3, with A the vertical Rayleigh-wave
/// ground displacement in nm at period T (18-22 s) and Δ in degrees (20-160).
pub fn ms_iaspei(amplitude_nm: f64, period_s: f64, distance_deg: f64) -> f64 {
    (amplitude_nm / period_s).max(f64::MIN_POSITIVE).log10()
        + 1.66 * distance_deg.max(1e-3).log10()
        + 0.3
}

/// Surface-wave magnitude as China's national standard GB 17740-2017 writes
/// it: MS = lg(A/T)max + 1.66 lg Δ + 3.5, with A the vector sum of the two
/// horizontal ground displacements in µm and Δ in degrees.
pub fn ms_china(amplitude_um: f64, period_s: f64, distance_deg: f64) -> f64 {
    (amplitude_um / period_s).max(f64::MIN_POSITIVE).log10()
        + 1.66 * distance_deg.max(1e-3).log10()
        + 3.5
}

/// Moment magnitude from the seismic moment in N·m (Hanks & Kanamori 1979;
/// IASPEI 2013): Mw = (2/3)(log10 M0 − 9.1).
pub fn mw_from_moment(m0_nm: f64) -> f64 {
    2.0 / 3.0 * (m0_nm.max(f64::MIN_POSITIVE).log10() - 9.1)
}

/// Seismic moment (N·m) of a moment magnitude (inverse of [`mw_from_moment`]).
pub fn moment_from_mw(mw: f64) -> f64 {
    10f64.powf(1.5 * mw + 9.1)
}

/// Radiated energy in joules (Gutenberg & Richter 1956): log10 E = 1.5 M + 4.8.
pub fn energy_joules(magnitude: f64) -> f64 {
    10f64.powf(1.5 * magnitude + 4.8)
}

/// Joules in one tonne of TNT (the convention of nuclear-yield comparisons).
pub const TNT_TONNE_J: f64 = 4.184e9;

/// The energy of `magnitude` in tonnes of TNT, for visitors.
pub fn tnt_tonnes(magnitude: f64) -> f64 {
    energy_joules(magnitude) / TNT_TONNE_J
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moment_magnitudes_of_known_earthquakes() {
        // Tohoku 2011: M0 about 4.0e22 N·m gives Mw 9.0 (USGS W-phase).
        assert!((mw_from_moment(4.0e22) - 9.0).abs() < 0.05);
        assert!((mw_from_moment(moment_from_mw(6.3)) - 6.3).abs() < 1e-12);
    }

    #[test]
    fn one_magnitude_step_is_about_32_times_the_energy() {
        assert!((energy_joules(7.0) / energy_joules(6.0) - 31.62).abs() < 0.01);
        // M 6 releases about 15 kt of TNT, like the 1945 Hiroshima bomb.
        assert!((tnt_tonnes(6.0) / 15_000.0 - 1.0).abs() < 0.1);
    }

    #[test]
    fn the_wood_anderson_filter_has_the_instruments_response() {
        // Steady sinusoids of ground velocity: the peak of the simulated
        // record against the analytic response, from 0.2 to 10 Hz.
        let rate = 100.0;
        for f in [0.2, 0.5, 1.25, 2.0, 5.0, 10.0] {
            let w = std::f64::consts::TAU * f;
            let n = (60.0 * rate) as usize;
            let v: Vec<f64> = (0..n)
                .map(|i| (w * i as f64 / rate).sin() * 1000.0)
                .collect();
            let y = wood_anderson(&v, rate);
            let peak = y[n / 2..].iter().fold(0.0f64, |m, x| m.max(x.abs()));
            let want = 1000.0 / w * wood_anderson_response(f);
            // The bilinear transform integrates like the trapezoid rule:
            // exact at ω₀, (ωT/2)/tan(ωT/2) lower towards Nyquist (-3 % at
            // 10 Hz and 100 Hz sampling; ML's waves are 1-5 Hz).
            let tol = if f > 5.0 { 0.06 } else { 0.01 };
            assert!((peak / want - 1.0).abs() < tol, "{f} Hz: {peak} vs {want}");
        }
        // Flat above its natural frequency, damped to 1/(2h) at it.
        assert!((wood_anderson_response(20.0) - 1.0).abs() < 0.01);
        assert!((wood_anderson_response(1.25) - 1.0 / 1.4).abs() < 1e-9);
    }

    #[test]
    fn ml_of_the_reference_event() {
        // Richter's anchor: a 1 mm Wood-Anderson trace (1e6 nm / 2080 of
        // ground motion) at 100 km is ML 3.0.
        assert!((ml_iaspei(1e6 / 2080.0, 100.0) - 3.0).abs() < 0.01);
        // China's and IASPEI's Ms agree: µm + 3.5 equals nm + 0.3 up to 0.2 units.
        assert!((ms_china(1.0, 20.0, 50.0) - ms_iaspei(1000.0, 20.0, 50.0) - 0.2).abs() < 1e-9);
    }
}
