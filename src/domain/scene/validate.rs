//! Checks beyond parsing of the hall file and of an exhibit file's own
//! fields; each kind checks its parameters itself ([`crate::kinds::Kind`]),
//! and checks across files (unique ids, zones) are the library's.

use std::collections::{HashMap, HashSet};

use super::check::{Checker, FieldPath};
use super::schema::*;

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 48
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn schema_version(c: &mut Checker, v: u32) {
    if v != SCHEMA_VERSION {
        c.error(
            &FieldPath::root().field("schema_version"),
            format!("version {v} is not known: expected {SCHEMA_VERSION}"),
        );
    }
}

/// Problems of `hall.ron` on its own.
pub fn check_hall(c: &mut Checker, hall: &HallConfig) {
    let root = FieldPath::root();
    schema_version(c, hall.schema_version);
    c.text(&root.field("title"), &hall.title, 40);
    c.text(&root.field("subtitle"), &hall.subtitle, 120);
    c.count(
        &root.field("languages"),
        hall.languages.len(),
        1,
        2,
        "languages",
    );
    let mut seen = HashSet::new();
    for (i, l) in hall.languages.iter().enumerate() {
        if !seen.insert(*l) {
            c.error(
                &root.field("languages").index(i),
                format!("{} is listed twice", l.code()),
            );
        }
    }
    c.range_f32(
        &root.field("idle_timeout_s"),
        hall.idle_timeout_s,
        10.0,
        3600.0,
        "seconds",
    );
    for (name, v) in [
        ("interface_volume", hall.interface_volume),
        ("volume_limit", hall.volume_limit),
    ] {
        c.range_f32(&root.field(name), v, 0.0, 1.0, "(0 silent, 1 full)");
    }
    c.range_f32(
        &root.field("attract").field("slide_s"),
        hall.attract.slide_s,
        2.0,
        60.0,
        "seconds",
    );
    let kiosk = root.field("kiosk");
    c.range_f32(
        &kiosk.field("corner_hold_s"),
        hall.kiosk.corner_hold_s,
        2.0,
        30.0,
        "seconds",
    );
    c.range_u32(
        &kiosk.field("pin_attempts"),
        hall.kiosk.pin_attempts,
        1,
        20,
        "attempts",
    );
    c.range_f32(
        &kiosk.field("lockout_s"),
        hall.kiosk.lockout_s,
        10.0,
        3600.0,
        "seconds",
    );
    let pin = root.field("curator_pin");
    if let Err(msg) = crate::domain::kiosk::pin::check_hash_format(&hall.curator_pin) {
        c.error(
            &pin,
            format!("{msg}; run `quakehall set-pin` to write a new one"),
        );
    }
    let mut zone_ids = HashSet::new();
    let mut listed: HashMap<&str, usize> = HashMap::new();
    for (zi, z) in hall.zones.iter().enumerate() {
        let zp = root.field("zones").index(zi);
        if !is_valid_id(&z.id) {
            c.error(
                &zp.field("id"),
                format!(
                    "\"{}\" is not a valid id: expected lower-case letters, digits and -",
                    z.id
                ),
            );
        }
        if !zone_ids.insert(z.id.as_str()) {
            c.error(
                &zp.field("id"),
                format!("zone id \"{}\" is used twice", z.id),
            );
        }
        c.text(&zp.field("title"), &z.title, 40);
        for (ei, e) in z.exhibits.iter().enumerate() {
            if let Some(prev) = listed.insert(e.as_str(), zi) {
                c.error(
                    &zp.field("exhibits").index(ei),
                    format!(
                        "exhibit \"{e}\" is already listed in zone \"{}\"",
                        hall.zones[prev].id
                    ),
                );
            }
        }
    }
    c.count(&root.field("zones"), hall.zones.len(), 1, 12, "zones");
}

/// Problems of one exhibit file on its own.
pub fn check_exhibit(c: &mut Checker, ex: &ExhibitScene) {
    let root = FieldPath::root();
    schema_version(c, ex.schema_version);
    if !is_valid_id(&ex.id) {
        c.error(
            &root.field("id"),
            format!("\"{}\" is not a valid id: expected lower-case letters, digits and - (like \"15-station\")", ex.id),
        );
    }
    if let Some(stem) = c.file().file_stem().and_then(|s| s.to_str())
        && stem != ex.id
    {
        c.warn(&root.field("id"), format!("id \"{}\" differs from the file name \"{stem}.ron\"; keep them equal so the file is easy to find", ex.id));
    }
    c.range_u32(
        &root.field("number"),
        ex.number,
        1,
        99,
        "(the exhibit number on the hall plan)",
    );
    c.text(&root.field("title"), &ex.title, 40);
    c.text(&root.field("summary"), &ex.summary, 160);
    if let Some(v) = ex.volume {
        c.range_f32(&root.field("volume"), v, 0.0, 1.0, "(0 silent, 1 full)");
    }
    ex.kind.check(c, &root.field("kind"));
}
