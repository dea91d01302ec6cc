//! Earlier versions of each scene file, kept by every curator's save in
//! `scenes/.history/` (the last [`KEEP`] per file), and the unsaved draft
//! an editor closed on idle leaves in `scenes/.drafts/`.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::domain::scene::save::{SaveError, write_replacing};

/// Versions kept per file.
pub const KEEP: usize = 20;

/// One earlier version of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// Where it is kept.
    pub path: PathBuf,
    /// When it was replaced by a save.
    pub saved: SystemTime,
}

impl Version {
    /// Its text.
    pub fn text(&self) -> std::io::Result<String> {
        std::fs::read_to_string(&self.path)
    }

    /// When it was replaced, in Beijing time (the hall's clock).
    pub fn when(&self) -> String {
        clock_label(self.saved)
    }
}

/// The history folder of the scenes folder holding `file`.
pub fn history_dir(file: &Path) -> PathBuf {
    file.parent().unwrap_or(Path::new(".")).join(".history")
}

/// The draft folder of the scenes folder holding `file`.
pub fn drafts_dir(file: &Path) -> PathBuf {
    file.parent().unwrap_or(Path::new(".")).join(".drafts")
}

fn name_of(file: &Path) -> String {
    file.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// `20261203T140509123Z`: sorts as it reads.
fn stamp(t: SystemTime) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let (y, mo, da, h, mi, s) = civil(d.as_secs() as i64);
    format!(
        "{y:04}{mo:02}{da:02}T{h:02}{mi:02}{s:02}{:03}Z",
        d.subsec_millis()
    )
}

fn parse_stamp(s: &str) -> Option<SystemTime> {
    let b = s.as_bytes();
    if b.len() != 19 || b[8] != b'T' || b[18] != b'Z' {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let days = days_from_civil(n(0..4)?, n(4..6)?, n(6..8)?);
    let secs = days * 86_400 + n(9..11)? * 3600 + n(11..13)? * 60 + n(13..15)?;
    let ms = n(15..18)?;
    Some(UNIX_EPOCH + Duration::from_millis((secs * 1000 + ms).max(0) as u64))
}

/// `2026-12-03 22:05:09` in Beijing time (UTC+8, no daylight saving).
pub fn clock_label(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs() as i64 + 8 * 3600;
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
}

/// Calendar date and time of a count of seconds since 1970 (proleptic
/// Gregorian; Howard Hinnant's days-from-civil algorithm, inverted).
fn civil(secs: i64) -> (i64, i64, i64, i64, i64, i64) {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Keeps `text`, the version of `file` a save is about to replace, and
/// drops the oldest beyond [`KEEP`].
pub fn record(file: &Path, text: &str, now: SystemTime) -> Result<PathBuf, SaveError> {
    let dir = history_dir(file);
    std::fs::create_dir_all(&dir).map_err(|source| SaveError::Io {
        path: dir.clone(),
        source,
    })?;
    let name = name_of(file);
    let mut t = now;
    let mut path = dir.join(format!("{name}.{}", stamp(t)));
    while path.exists() {
        t += Duration::from_millis(1);
        path = dir.join(format!("{name}.{}", stamp(t)));
    }
    write_replacing(&path, text.as_bytes())?;
    for old in versions(file).into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(&old.path);
    }
    Ok(path)
}

/// The kept versions of `file`, newest first.
pub fn versions(file: &Path) -> Vec<Version> {
    let prefix = format!("{}.", name_of(file));
    let Ok(rd) = std::fs::read_dir(history_dir(file)) else {
        return Vec::new();
    };
    let mut v: Vec<Version> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            let saved = parse_stamp(n.strip_prefix(&prefix)?)?;
            Some(Version {
                path: e.path(),
                saved,
            })
        })
        .collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.saved));
    v
}

fn draft_path(file: &Path) -> PathBuf {
    drafts_dir(file).join(name_of(file))
}

/// Keeps an unsaved draft of `file` to offer again next time, with the
/// text of the file it was made from (`base`), so that a change made to
/// the file meanwhile is noticed when the draft is taken up.
pub fn store_draft(file: &Path, text: &str, base: &str) -> Result<(), SaveError> {
    let dir = drafts_dir(file);
    std::fs::create_dir_all(&dir).map_err(|source| SaveError::Io {
        path: dir.clone(),
        source,
    })?;
    write_replacing(&base_path(file), base.as_bytes())?;
    write_replacing(&draft_path(file), text.as_bytes())
}

fn base_path(file: &Path) -> PathBuf {
    drafts_dir(file).join(format!("{}.base", name_of(file)))
}

/// A draft of `file` kept from an earlier session.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDraft {
    /// The draft.
    pub text: String,
    /// The file's text it was made from, when known.
    pub base: Option<String>,
    /// When it was kept.
    pub when: SystemTime,
}

/// The draft of `file` kept from an earlier session.
pub fn stored_draft(file: &Path) -> Option<StoredDraft> {
    let p = draft_path(file);
    let when = std::fs::metadata(&p).and_then(|m| m.modified()).ok()?;
    Some(StoredDraft {
        text: std::fs::read_to_string(&p).ok()?,
        base: std::fs::read_to_string(base_path(file)).ok(),
        when,
    })
}

/// Forgets the kept draft of `file`.
pub fn discard_draft(file: &Path) {
    let _ = std::fs::remove_file(draft_path(file));
    let _ = std::fs::remove_file(base_path(file));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_read_back_and_sort_as_times() {
        let t = UNIX_EPOCH + Duration::from_millis(1_796_306_709_123);
        let s = stamp(t);
        assert_eq!(s, "20261203T140509123Z");
        assert_eq!(parse_stamp(&s), Some(t));
        assert_eq!(clock_label(t), "2026-12-03 22:05:09");
        assert_eq!(civil(0), (1970, 1, 1, 0, 0, 0));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert!(parse_stamp("garbage").is_none());
    }

    #[test]
    fn history_keeps_the_last_twenty() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("15-station.ron");
        let t0 = UNIX_EPOCH + Duration::from_secs(1_796_306_709);
        for i in 0..25 {
            record(&file, &format!("version {i}"), t0 + Duration::from_secs(i)).unwrap();
        }
        let v = versions(&file);
        assert_eq!(v.len(), KEEP);
        assert_eq!(v[0].text().unwrap(), "version 24");
        assert_eq!(v[KEEP - 1].text().unwrap(), "version 5");
        // Two saves within a millisecond are both kept.
        record(&file, "again", t0 + Duration::from_secs(24)).unwrap();
        assert_eq!(versions(&file)[0].text().unwrap(), "again");
    }
}
