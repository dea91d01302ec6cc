//! How the seismoscope's ball is made to drop, following the reconstruction
//! the exhibit shows: the suspended pendulum of the study the China
//! Earthquake Administration and the State Administration of Cultural
//! Heritage began in 2002 (Feng Rui and colleagues; model completed in
//! 2005; Feng Rui et al., "张衡地动仪的科学复原", 物理 Wuli, the journal of
//! the Chinese Physical Society). Earlier models are different: Wang
//! Zhenduo's of 1951, the one in schoolbooks for decades, stood a rod
//! upright (sometimes called an inverted pendulum) to topple, which later
//! work found could not have worked. How Zhang Heng's instrument of AD 132
//! really worked is still debated: only 196 characters of the Book of the
//! Later Han describe it.
//!
//! In the suspended-pendulum model a heavy column (都柱) hangs inside the
//! vessel. The vessel moves with the ground; the column lags, so relative
//! to the vessel its foot swings the other way, a damped pendulum driven
//! by the ground's horizontal acceleration in both directions at once:
//! z'' + 2hω₀z' + ω₀²z = −u'' for the north and the east offset, with
//! ω₀ = √(g/L) (`domain::physics::oscillator`, stepped exactly). Around
//! the foot eight channels (八道) lead to the eight dragons; the first time
//! the foot swings as far as the gap it pushes a small ball into the
//! channel it swings towards, which trips that dragon's lever (牙机): the
//! dragon drops its ball into the toad's mouth, and the other seven stay
//! shut ("一龙发机，而七首不动").
//!
//! Which dragon that is depends on the wave that swings the column
//! hardest first. A P wave that pushes the ground away from the quake
//! swings the column's foot towards it: the dragon facing the epicentre
//! drops. A P wave that pulls the ground towards the quake (the quake's
//! dilatational quadrants), or S and surface waves swinging the column
//! across or back and forth, drop another one.

use crate::domain::physics::oscillator::Oscillator;

/// Gravity, m/s².
pub const G: f64 = 9.81;
/// Damping of the hanging column, as a fraction of critical: heavy bronze
/// swinging in air loses little, so it rings, and a wave near its period
/// swings it further (the resonance the reconstruction relies on).
pub const COLUMN_DAMPING: f64 = 0.05;
/// Names of the eight directions, clockwise from north.
pub const DIRECTIONS: [(&str, &str); 8] = [
    ("北", "north"),
    ("东北", "north-east"),
    ("东", "east"),
    ("东南", "south-east"),
    ("南", "south"),
    ("西南", "south-west"),
    ("西", "west"),
    ("西北", "north-west"),
];

/// The eight directions as the channels are marked.
pub const SHORT: [(&str, &str); 8] = [
    ("北", "N"),
    ("东北", "NE"),
    ("东", "E"),
    ("东南", "SE"),
    ("南", "S"),
    ("西南", "SW"),
    ("西", "W"),
    ("西北", "NW"),
];

/// The hanging column and its trigger.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    /// Its length from the pivot, m.
    pub length_m: f64,
    /// How far its foot must swing to push a ball into a channel, mm.
    pub gap_mm: f64,
}

/// The moment a dragon drops its ball.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drop {
    /// When, s from the record's first sample.
    pub t_s: f64,
    /// Which dragon (0 north, clockwise by 45°).
    pub dragon: usize,
    /// The direction the column's foot swung, degrees clockwise from north.
    pub towards_deg: f64,
}

/// How the column swung under a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Swing {
    /// The foot's offset from rest relative to the vessel, mm: (north,
    /// east), one per sample.
    pub offsets_mm: Vec<(f64, f64)>,
    /// Samples per second.
    pub rate_hz: f64,
    /// The drop, if the column swung as far as the gap.
    pub drop: Option<Drop>,
}

impl Column {
    /// Its natural period, s: 2π √(L/g).
    pub fn period_s(&self) -> f64 {
        std::f64::consts::TAU * (self.length_m / G).sqrt()
    }

    /// How the column swings under the ground's velocity to the north and
    /// to the east (`north`, `east`, nm/s, `rate_hz` samples a second).
    pub fn swing(&self, north: &[f64], east: &[f64], rate_hz: f64) -> Swing {
        let osc = Oscillator {
            period_s: self.period_s(),
            damping: COLUMN_DAMPING,
        };
        let n = north.len().min(east.len());
        // The record is the ground relative to the mass; the foot's offset
        // is the opposite. nm to mm.
        let zn = osc.record(&north[..n], rate_hz);
        let ze = osc.record(&east[..n], rate_hz);
        let offsets_mm: Vec<(f64, f64)> = zn.iter().zip(&ze).map(|(a, b)| (-a * 1e-6, -b * 1e-6)).collect();
        let drop = offsets_mm.iter().enumerate().find_map(|(i, &(dn, de))| {
            (dn.hypot(de) >= self.gap_mm).then(|| {
                let towards = de.atan2(dn).to_degrees().rem_euclid(360.0);
                Drop {
                    t_s: i as f64 / rate_hz,
                    dragon: dragon_facing(towards),
                    towards_deg: towards,
                }
            })
        });
        Swing {
            offsets_mm,
            rate_hz,
            drop,
        }
    }
}

/// The dragon facing `azimuth_deg` (clockwise from north): 0 north, 1
/// north-east ... 7 north-west.
pub fn dragon_facing(azimuth_deg: f64) -> usize {
    (((azimuth_deg.rem_euclid(360.0) + 22.5) / 45.0).floor() as usize) % 8
}

/// The angle between two directions, 0-180 degrees.
pub fn angle_between(a_deg: f64, b_deg: f64) -> f64 {
    let d = (a_deg - b_deg).rem_euclid(360.0);
    d.min(360.0 - d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dragons_face_the_eight_directions() {
        assert_eq!(dragon_facing(0.0), 0);
        assert_eq!(dragon_facing(359.0), 0);
        assert_eq!(dragon_facing(22.4), 0);
        assert_eq!(dragon_facing(22.6), 1);
        assert_eq!(dragon_facing(258.0), 6);
        assert_eq!(dragon_facing(-90.0), 6);
        assert_eq!(angle_between(350.0, 10.0), 20.0);
        assert_eq!(angle_between(90.0, 270.0), 180.0);
    }

    #[test]
    fn a_shove_to_the_east_swings_the_foot_west() {
        // The ground speeds up eastwards and stops: the vessel goes with it,
        // the hanging column lags, so its foot swings west of the vessel's
        // middle first, and the west dragon drops.
        let rate = 100.0;
        let column = Column {
            length_m: 1.5,
            gap_mm: 1.0,
        };
        let east: Vec<f64> = (0..1000)
            .map(|i| if (100..130).contains(&i) { 2e7 } else { 0.0 })
            .collect();
        let north = vec![0.0; 1000];
        let s = column.swing(&north, &east, rate);
        let d = s.drop.expect("a 6 mm shove swings it past 1 mm");
        assert_eq!(d.dragon, 6, "west, {}°", d.towards_deg);
        assert!(d.t_s > 1.0 && d.t_s < 1.4, "{}", d.t_s);
        assert!((column.period_s() - 2.457).abs() < 0.01);
    }
}
