//! Signal processing against ObsPy 1.5.1's answers for the real local
//! earthquake BW.RJOB (`../shared/data/dsp/BW.RJOB..EHZ.dsp.json`), each
//! case within the tolerance the file states.

use serde_json::Value;

use quakehall::domain::waveform::dsp::{self, Band, TaperKind};
use quakehall::domain::waveform::read_file;

use super::waveforms::shared_data;

fn case(reference: &Value, name: &str) -> Vec<f64> {
    reference["cases"][name]["values"]
        .as_array()
        .unwrap_or_else(|| panic!("case {name} missing"))
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

/// Largest difference relative to the reference's largest magnitude.
fn rel_error(got: &[f64], want: &[f64], skip: usize) -> f64 {
    assert_eq!(got.len(), want.len());
    let peak = want.iter().fold(0.0f64, |m, v| m.max(v.abs())).max(1e-300);
    got.iter()
        .zip(want)
        .skip(skip)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max)
        / peak
}

#[test]
fn processing_matches_obspy_case_by_case() {
    let Some(data) = shared_data() else { return };
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("dsp/BW.RJOB..EHZ.dsp.json")).unwrap(),
    )
    .unwrap();
    let file = read_file(&data.join("waveforms/obspy/BW.RJOB..EHZ.2009-08-24.le.sac")).unwrap();
    let trace = &file.stream.traces[0];
    let rate = trace.sample_rate_hz;
    let input = trace.samples.to_f64();
    // The JSON keeps 16 significant digits: equal to the f32 samples within that.
    assert!(rel_error(&input, &case(&reference, "input"), 0) < 1e-14);
    let mut demeaned = input.clone();
    dsp::demean(&mut demeaned);

    let mut results: Vec<(&str, f64, f64)> = Vec::new();
    let mut check = |name: &'static str, got: Vec<f64>, skip: usize, tol: f64| {
        let e = rel_error(&got, &case(&reference, name), skip);
        results.push((name, e, tol));
    };
    check("demean", demeaned.clone(), 0, 1e-12);
    let mut detrended = input.clone();
    dsp::detrend_linear(&mut detrended);
    check("detrend_linear", detrended, 0, 1e-12);
    let mut tapered = demeaned.clone();
    dsp::taper(&mut tapered, 0.05, TaperKind::Hann);
    check("demean_taper_hann_5pct", tapered, 0, 1e-12);
    let band = dsp::filter(&demeaned, Band::Pass(1.0, 10.0), 4, rate, false);
    check("bandpass_1_10_c4", band.clone(), 0, 1e-6);
    check(
        "bandpass_1_10_c4_zerophase",
        dsp::filter(&demeaned, Band::Pass(1.0, 10.0), 4, rate, true),
        0,
        1e-6,
    );
    check(
        "highpass_2_c2",
        dsp::filter(&demeaned, Band::High(2.0), 2, rate, false),
        0,
        1e-6,
    );
    check(
        "lowpass_5_c4",
        dsp::filter(&demeaned, Band::Low(5.0), 4, rate, false),
        0,
        1e-6,
    );
    check("envelope", dsp::envelope(&demeaned), 0, 1e-6);
    let classic = dsp::classic_sta_lta(&band, 20, 200);
    let want_classic = case(&reference, "classic_sta_lta");
    let abs_err = |got: &[f64], want: &[f64]| {
        got.iter()
            .zip(want)
            .skip(200)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max)
    };
    let classic_err = abs_err(&classic, &want_classic);
    let recursive_err = abs_err(
        &dsp::recursive_sta_lta(&band, 20, 200),
        &case(&reference, "recursive_sta_lta"),
    );
    let report: Vec<String> = results
        .iter()
        .map(|(n, e, t)| format!("{n}: {e:.2e} (tolerance {t:.0e})"))
        .chain([
            format!("classic_sta_lta: abs {classic_err:.2e}"),
            format!("recursive_sta_lta: abs {recursive_err:.2e}"),
        ])
        .collect();
    println!("{}", report.join("\n"));
    for (n, e, t) in &results {
        assert!(e <= t, "{n}: {e:.3e} > {t:.0e}\n{}", report.join("\n"));
    }
    assert!(
        classic_err <= 1e-6 && recursive_err <= 1e-6,
        "{}",
        report.join("\n")
    );

    let trig = &reference["classic_sta_lta_trigger_onsets"];
    let want: Vec<(usize, usize)> = trig["sample_pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p[0].as_u64().unwrap() as usize,
                p[1].as_u64().unwrap() as usize,
            )
        })
        .collect();
    let got = dsp::trigger_onset(
        &want_classic,
        trig["on"].as_f64().unwrap(),
        trig["off"].as_f64().unwrap(),
    );
    assert_eq!(got, want);
}
