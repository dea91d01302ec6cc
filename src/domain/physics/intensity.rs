//! Seismic intensity on the China seismic intensity scale (GB/T 17742-2020,
//! 中国地震烈度表), degrees I to XII, and the expected intensity at a
//! distance from an attenuation relation for western China.

use crate::domain::text::Bilingual;

/// Intensity attenuation for western China (Wang Suyun, Yu Yanxiang et al.
/// 2000, the relation behind China's seismic zonation map GB 18306):
/// long axis Ia = 5.643 + 1.538 M − 2.109 ln(Ra + 25),
/// short axis Ib = 2.941 + 1.363 M − 1.494 ln(Rb + 7),
/// M surface-wave magnitude, R epicentral distance in km. Returns the
/// long-axis, short-axis and mean (for a round isoseismal) intensities.
pub fn western_china(magnitude: f64, distance_km: f64) -> (f64, f64, f64) {
    let r = distance_km.max(0.0);
    let ia = 5.643 + 1.538 * magnitude - 2.109 * (r + 25.0).ln();
    let ib = 2.941 + 1.363 * magnitude - 1.494 * (r + 7.0).ln();
    (ia, ib, 0.5 * (ia + ib))
}

/// The expected degree (1-12) at `distance_km`: the mean relation, rounded
/// and kept on the scale.
pub fn expected_degree(magnitude: f64, distance_km: f64) -> u8 {
    western_china(magnitude, distance_km)
        .2
        .round()
        .clamp(1.0, 12.0) as u8
}

/// The distance (km) at which the mean intensity falls to `degree`, or 0
/// when even the epicentre is below it.
pub fn radius_of_degree(magnitude: f64, degree: u8) -> f64 {
    let target = degree as f64 - 0.5;
    if western_china(magnitude, 0.0).2 < target {
        return 0.0;
    }
    let (mut lo, mut hi) = (0.0f64, 5000.0f64);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if western_china(magnitude, mid).2 > target {
            lo = mid
        } else {
            hi = mid
        }
    }
    lo
}

/// The depth, km, of the quakes whose isoseismals the relation of
/// [`western_china`] was fitted to, taken as its source depth: they are
/// shallow crustal quakes, most of them 10-20 km deep (Wang Suyun et al.
/// 2000). For another depth the exhibit measures distance from the focus.
pub const REFERENCE_DEPTH_KM: f64 = 10.0;

/// The epicentral distance the relation of [`western_china`] sees for a
/// point `distance_km` from the epicentre of a quake `depth_km` deep: the
/// one at which a quake at [`REFERENCE_DEPTH_KM`] has the same distance
/// from its focus, sqrt(Δ² + h² − h₀²) (0 where that is negative). At the
/// reference depth it is the distance itself; a deeper focus is farther
/// from everyone, most of all from those near the epicentre.
pub fn equivalent_distance_km(distance_km: f64, depth_km: f64) -> f64 {
    let d = distance_km.max(0.0);
    let h = depth_km.max(0.0);
    (d * d + h * h - REFERENCE_DEPTH_KM * REFERENCE_DEPTH_KM)
        .max(0.0)
        .sqrt()
}

/// The mean intensity (the relation's, not rounded) `distance_km` from the
/// epicentre of a quake of `magnitude` at `depth_km`.
pub fn intensity_at(magnitude: f64, distance_km: f64, depth_km: f64) -> f64 {
    western_china(magnitude, equivalent_distance_km(distance_km, depth_km)).2
}

/// The radius (km from the epicentre) of the ring inside which a quake of
/// `magnitude` at `depth_km` shakes to `degree` or more, the mean intensity
/// there being `degree − 0.5`; 0 when even the epicentre is below it.
pub fn ring_radius_km(magnitude: f64, degree: u8, depth_km: f64) -> f64 {
    let target = degree as f64 - 0.5;
    if intensity_at(magnitude, 0.0, depth_km) < target {
        return 0.0;
    }
    let r = radius_of_degree(magnitude, degree);
    let h0 = REFERENCE_DEPTH_KM;
    let h = depth_km.max(0.0);
    (r * r + h0 * h0 - h * h).max(0.0).sqrt()
}

/// The epicentral degree (1-12) of a quake of `magnitude` at `depth_km`.
pub fn epicentral_degree(magnitude: f64, depth_km: f64) -> u8 {
    intensity_at(magnitude, 0.0, depth_km)
        .round()
        .clamp(1.0, 12.0) as u8
}

/// Roman numeral of a degree.
pub fn roman(degree: u8) -> &'static str {
    [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ]
    .get(degree.clamp(1, 12) as usize - 1)
    .copied()
    .unwrap_or("?")
}

/// What people feel and see at each degree, summarised from GB/T 17742-2020.
pub fn effects(degree: u8) -> Bilingual {
    let (zh, en) = match degree.clamp(1, 12) {
        1 => (
            "无感，只有仪器能记录到。",
            "Not felt; only instruments record it.",
        ),
        2 => (
            "室内个别静止中的人有感觉。",
            "Felt by a few people at rest indoors.",
        ),
        3 => (
            "室内少数静止中的人有感觉，悬挂物轻微摆动。",
            "Felt by a few people indoors; hanging objects swing slightly.",
        ),
        4 => (
            "室内多数人、室外少数人有感觉，门窗作响。",
            "Felt by most people indoors and some outdoors; windows and doors rattle.",
        ),
        5 => (
            "室内绝大多数人有感觉，多数人从梦中惊醒，墙面可能出现细裂缝。",
            "Felt by nearly everyone indoors; many sleepers wake; fine cracks may appear in plaster.",
        ),
        6 => (
            "多数人站立不稳，惊慌外逃；家具移动，少数房屋轻微损坏。",
            "Many people lose their balance and run outside; furniture moves; a few buildings are slightly damaged.",
        ),
        7 => (
            "大多数人惊逃户外，骑车的人有感觉；房屋中等破坏，河岸出现塌方。",
            "Most people run outside, even cyclists feel it; buildings are moderately damaged; river banks slump.",
        ),
        8 => (
            "多数人摇晃颠簸，行走困难；房屋严重破坏，地面出现裂缝。",
            "People are thrown about and can hardly walk; buildings are heavily damaged; the ground cracks.",
        ),
        9 => (
            "行动的人摔倒；多数房屋严重破坏甚至倒塌，地面裂缝很多。",
            "People in motion fall; many buildings are destroyed or collapse; many ground cracks.",
        ),
        10 => (
            "骑车的人会摔倒；大多数房屋倒塌，山崩和地震断裂出现。",
            "Cyclists fall; most buildings collapse; landslides and surface faulting appear.",
        ),
        11 => (
            "房屋普遍倒塌，地震断裂延续很长，大量山崩滑坡。",
            "Almost all buildings collapse; long surface ruptures; many landslides.",
        ),
        _ => (
            "几乎全部毁坏，地面剧烈变化，山河改观。",
            "Nearly total destruction; the landscape itself is changed.",
        ),
    };
    Bilingual::new(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intensity_falls_with_distance_and_grows_with_magnitude() {
        // A shallow M 8.0 (like Wenchuan 2008, epicentral XI) near the source.
        assert!(western_china(8.0, 0.0).0 >= 10.5);
        let mut last = 13.0;
        for r in [0.0, 10.0, 30.0, 100.0, 300.0, 1000.0] {
            let i = western_china(7.0, r).2;
            assert!(i < last);
            last = i;
        }
        assert!(expected_degree(5.0, 300.0) <= 3);
        assert!(radius_of_degree(7.0, 8) > radius_of_degree(7.0, 9));
        assert_eq!(radius_of_degree(3.0, 10), 0.0);
    }

    #[test]
    fn every_degree_has_both_languages() {
        for d in 1..=12 {
            let e = effects(d);
            assert!(!e.zh.is_empty() && !e.en.is_empty());
        }
        assert_eq!(roman(7), "VII");
    }

    #[test]
    fn rings_at_a_depth_meet_the_relation_and_shrink_deeper() {
        for m in [4.5, 6.0, 7.0, 8.0] {
            for d in 3..=11u8 {
                let shallow = ring_radius_km(m, d, REFERENCE_DEPTH_KM);
                // At the reference depth the ring is the relation's own.
                assert!((shallow - radius_of_degree(m, d)).abs() < 1e-9);
                let deep = ring_radius_km(m, d, 30.0);
                assert!(deep <= shallow, "M{m} degree {d}");
                if deep > 0.0 {
                    // On the ring the relation gives exactly degree − 0.5.
                    let i = intensity_at(m, deep, 30.0);
                    assert!((i - (d as f64 - 0.5)).abs() < 1e-6, "M{m} {d}: {i}");
                    // Far out the depth hardly matters.
                    if shallow > 300.0 {
                        assert!(shallow - deep < 2.0);
                    }
                }
            }
            assert!(epicentral_degree(m, 30.0) <= epicentral_degree(m, REFERENCE_DEPTH_KM));
        }
    }
}
