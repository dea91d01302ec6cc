//! UTC time with nanosecond resolution, as seismic formats need it: miniSEED
//! 3 stores nanoseconds, miniSEED 2 and SAC tenths of milliseconds and
//! milliseconds. No leap seconds (as in miniSEED, SAC and ObsPy).

use std::fmt;

/// Nanoseconds in a second.
pub const NS_PER_S: i64 = 1_000_000_000;

/// An instant in UTC: nanoseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct UtcTime(pub i64);

/// Days from 1970-01-01 to the civil date (proleptic Gregorian), after
/// Howard Hinnant's `days_from_civil`.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Whether `y` is a leap year.
pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

impl UtcTime {
    /// From a calendar date and time of day.
    pub fn from_ymd_hms(y: i64, mo: u32, d: u32, h: u32, mi: u32, s: u32, ns: u32) -> Self {
        let days = days_from_civil(y, mo, d);
        Self(((days * 86_400 + h as i64 * 3600 + mi as i64 * 60 + s as i64) * NS_PER_S) + ns as i64)
    }

    /// From a year, day of year (1-366) and time of day, as seismic headers store it.
    /// `None` when a field is out of range.
    pub fn from_year_doy(y: i64, doy: u32, h: u32, mi: u32, s: u32, ns: u32) -> Option<Self> {
        let max_doy = if is_leap(y) { 366 } else { 365 };
        // A second of 60 is a leap second; like libmseed, it counts as the next second.
        if !(1..=max_doy).contains(&doy) || h > 23 || mi > 59 || s > 60 || ns >= NS_PER_S as u32 {
            return None;
        }
        // A corrupt header can hold any year: refuse those whose time does
        // not fit in 64-bit nanoseconds (about 1677-2262) instead of overflowing.
        let days = days_from_civil(y.clamp(-1_000_000, 1_000_000), 1, 1) + doy as i64 - 1;
        let secs = days * 86_400 + h as i64 * 3600 + mi as i64 * 60 + s as i64;
        let ns = secs.checked_mul(NS_PER_S)?.checked_add(ns as i64)?;
        (y.abs() <= 1_000_000).then_some(Self(ns))
    }

    /// Seconds since the epoch, as a float (for arithmetic, not for storage).
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / NS_PER_S as f64
    }

    /// This time plus `s` seconds (rounded to the nanosecond).
    pub fn add_secs(self, s: f64) -> Self {
        Self(self.0.saturating_add((s * NS_PER_S as f64).round() as i64))
    }

    /// Seconds from `earlier` to `self`.
    pub fn secs_since(self, earlier: UtcTime) -> f64 {
        (self.0 as i128 - earlier.0 as i128) as f64 / NS_PER_S as f64
    }

    /// Calendar fields: (year, month, day, hour, minute, second, nanosecond).
    pub fn fields(self) -> (i64, u32, u32, u32, u32, u32, u32) {
        let secs = self.0.div_euclid(NS_PER_S);
        let ns = self.0.rem_euclid(NS_PER_S) as u32;
        let days = secs.div_euclid(86_400);
        let sod = secs.rem_euclid(86_400) as u32;
        let (y, m, d) = civil_from_days(days);
        (y, m, d, sod / 3600, (sod / 60) % 60, sod % 60, ns)
    }

    /// Day of year (1-366) of this instant.
    pub fn day_of_year(self) -> u32 {
        let (y, ..) = self.fields();
        let days = self.0.div_euclid(NS_PER_S).div_euclid(86_400);
        (days - days_from_civil(y, 1, 1) + 1) as u32
    }

    /// ISO 8601 with microseconds, as ObsPy prints it: `2009-08-24T00:20:03.000000Z`.
    /// Sub-microsecond parts are rounded to the nearest microsecond.
    pub fn iso_micros(self) -> String {
        let rounded = UtcTime((self.0 + 500).div_euclid(1000) * 1000);
        let (y, mo, d, h, mi, s, ns) = rounded.fields();
        format!(
            "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{:06}Z",
            ns / 1000
        )
    }

    /// Parses ISO 8601 UTC (`2019-07-06T03:19:53.04Z`, `Z` or `+00:00`
    /// optional, up to 9 fractional digits).
    pub fn parse_iso(s: &str) -> Option<Self> {
        let s = s.trim();
        let s = s
            .strip_suffix('Z')
            .or_else(|| s.strip_suffix("+00:00"))
            .unwrap_or(s);
        let (date, time) = s.split_once(['T', ' ']).unwrap_or((s, "00:00:00"));
        let mut dp = date.split('-');
        let y: i64 = dp.next()?.parse().ok()?;
        let mo: u32 = dp.next()?.parse().ok()?;
        let d: u32 = dp.next()?.parse().ok()?;
        if dp.next().is_some() || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
            return None;
        }
        let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
        let mut tp = hms.split(':');
        let h: u32 = tp.next()?.parse().ok()?;
        let mi: u32 = tp.next().unwrap_or("0").parse().ok()?;
        let sec: u32 = tp.next().unwrap_or("0").parse().ok()?;
        if h > 23
            || mi > 59
            || sec > 60
            || frac.len() > 9
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let ns: u32 = if frac.is_empty() {
            0
        } else {
            format!("{frac:0<9}").parse().ok()?
        };
        Some(Self::from_ymd_hms(y, mo, d, h, mi, sec, ns))
    }
}

impl fmt::Display for UtcTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso_micros())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_over_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn absurd_header_years_are_refused_not_overflowed() {
        assert!(UtcTime::from_year_doy(i32::MAX as i64, 1, 0, 0, 0, 0).is_none());
        assert!(UtcTime::from_year_doy(-(i32::MAX as i64), 1, 0, 0, 0, 0).is_none());
        assert!(UtcTime::from_year_doy(5000, 1, 0, 0, 0, 0).is_none());
        assert!(UtcTime::from_year_doy(2200, 1, 0, 0, 0, 0).is_some());
        let t = UtcTime(i64::MAX - 5);
        assert_eq!(t.add_secs(1e30).0, i64::MAX);
        assert!(t.secs_since(UtcTime(i64::MIN)) > 0.0);
    }

    #[test]
    fn day_of_year_and_iso() {
        let t = UtcTime::from_year_doy(2009, 236, 0, 20, 3, 0).unwrap();
        assert_eq!(t.iso_micros(), "2009-08-24T00:20:03.000000Z");
        assert_eq!(t.day_of_year(), 236);
        let t = UtcTime::parse_iso("2012-05-12T00:00:00.123456789Z").unwrap();
        assert_eq!(t.0, 1_336_780_800_123_456_789);
        assert_eq!(t.iso_micros(), "2012-05-12T00:00:00.123457Z");
        assert_eq!(
            UtcTime::parse_iso("2019-07-06T03:19:53.04Z")
                .unwrap()
                .iso_micros(),
            "2019-07-06T03:19:53.040000Z"
        );
        assert!(UtcTime::from_year_doy(2010, 58, 77, 99, 0, 0).is_none());
        assert!(UtcTime::from_year_doy(2011, 366, 0, 0, 0, 0).is_none());
        assert!(UtcTime::parse_iso("not a time").is_none());
        assert_eq!(UtcTime(-1).iso_micros(), "1970-01-01T00:00:00.000000Z");
        assert_eq!(UtcTime(-1_000).iso_micros(), "1969-12-31T23:59:59.999999Z");
    }
}
