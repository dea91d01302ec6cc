//! Travel times against TauP (ObsPy 1.5.1) for iasp91 and ak135:
//! `../shared/data/traveltimes/*.csv`. First-arrival P and S rows within
//! 0.5 s, every other phase within 1.0 s; every miss is listed.

use quakehall::domain::physics::earth::EarthModel;
use quakehall::domain::physics::taup::TauModel;

use super::waveforms::shared_data;

#[test]
fn travel_times_agree_with_taup() {
    let Some(data) = shared_data() else { return };
    let mut misses = Vec::new();
    let mut worst = (0.0f64, String::new());
    let mut checked = 0;
    for model_name in ["iasp91", "ak135"] {
        let text =
            std::fs::read_to_string(data.join(format!("traveltimes/{model_name}.csv"))).unwrap();
        let tau = TauModel::new(EarthModel::by_name(model_name).unwrap()).unwrap();
        let mut rows: Vec<Vec<String>> = text
            .lines()
            .skip(1)
            .map(|l| l.split(',').map(str::to_owned).collect())
            .collect();
        rows.sort_by(|a, b| a[1].cmp(&b[1]));
        let mut current: Option<(String, quakehall::domain::physics::taup::SourceTimes)> = None;
        for r in &rows {
            let (depth, dist, phase, time): (f64, f64, &str, f64) = (
                r[1].parse().unwrap(),
                r[2].parse().unwrap(),
                &r[3],
                r[4].parse().unwrap(),
            );
            let (ray_param, takeoff, incident): (f64, f64, f64) = (
                r[5].parse().unwrap(),
                r[6].parse().unwrap(),
                r[7].parse().unwrap(),
            );
            if current.as_ref().is_none_or(|(d, _)| d != &r[1]) {
                current = Some((r[1].clone(), tau.source(depth)));
            }
            let src = &current.as_ref().unwrap().1;
            let tolerance = if matches!(phase, "P" | "S" | "p" | "s") {
                0.5
            } else {
                1.0
            };
            let ours = src.arrivals(dist, &[phase]).into_iter().next();
            checked += 1;
            match ours {
                None => misses.push(format!(
                    "{model_name} {depth} km {dist}°: {phase} missing (TauP {time:.2} s)"
                )),
                Some(a) => {
                    let err = (a.time_s - time).abs();
                    if err > worst.0 {
                        worst = (err, format!("{model_name} {depth} km {dist}° {phase}"));
                    }
                    let dp = (a.ray_param_s_deg() - ray_param).abs();
                    let dang = (a.takeoff_deg - takeoff)
                        .abs()
                        .max((a.incident_deg - incident).abs());
                    if dp > 0.01 * ray_param.max(1.0) || dang > 1.0 {
                        misses.push(format!(
                            "{model_name} {depth} km {dist}°: {phase} ray parameter {:.4} s/° (TauP {ray_param}), takeoff {:.2}° (TauP {takeoff}), incidence {:.2}° (TauP {incident})",
                            a.ray_param_s_deg(),
                            a.takeoff_deg,
                            a.incident_deg
                        ));
                    }
                    if err > tolerance {
                        misses.push(format!(
                            "{model_name} {depth} km {dist}°: {phase} {:.3} s, TauP {time:.3} s (off {err:.3} s)",
                            a.time_s
                        ));
                    }
                }
            }
        }
    }
    println!(
        "{checked} rows checked; worst difference {:.3} s at {}",
        worst.0, worst.1
    );
    assert!(
        misses.is_empty(),
        "{} of {checked} rows miss:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

#[test]
fn fast_first_arrivals_agree_with_exact_ones() {
    use quakehall::domain::physics::taup::Wave;
    let tau = TauModel::new(EarthModel::by_name("iasp91").unwrap()).unwrap();
    let mut worst = 0.0f64;
    for depth in [0.5, 10.0, 33.0, 100.0, 300.0, 600.0] {
        let src = tau.source(depth);
        for k in 0..60 {
            let dist = 0.5 + k as f64 * 3.0;
            for wave in [Wave::P, Wave::S] {
                let exact = src.first(wave, dist).map(|a| a.time_s);
                let fast = src.first_time(wave, dist);
                match (exact, fast) {
                    (Some(a), Some(b)) => worst = worst.max((a - b).abs()),
                    (a, b) => assert_eq!(a.is_some(), b.is_some(), "{depth} km {dist}° {wave:?}"),
                }
            }
        }
    }
    assert!(worst < 0.1, "fast path off by {worst:.3} s");
}
