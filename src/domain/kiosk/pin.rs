//! The curator PIN: stored only as a salted PBKDF2-HMAC-SHA256 hash
//! (RFC 8018), checked by a gate that locks after too many wrong tries.

use pbkdf2::pbkdf2_hmac;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// Iterations for new hashes. The PIN space is small, so this slows a
/// stolen-file attack without making a tap on the kiosk feel slow.
pub const PBKDF2_ITERATIONS: u32 = 100_000;
/// The PIN of the shipped `hall.ron` and of the built-in fallback settings.
/// The README tells installers to change it with `quakehall set-pin`.
pub const DEFAULT_PIN: &str = "2468";
/// The salt of [`default_pin_hash`], fixed so that the shipped file is reproducible.
const DEFAULT_SALT: &str = "71756b6568616c6c2d64656661756c74";

/// A salted PBKDF2-HMAC-SHA256 hash of the curator PIN. The PIN itself is
/// never stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinHash {
    /// Random salt, hex.
    pub salt: String,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// Derived key, hex (32 bytes).
    pub hash: String,
}

/// Whether `pin` is acceptable: 4 to 12 digits.
pub fn check_pin_format(pin: &str) -> Result<(), String> {
    let n = pin.chars().count();
    if !(4..=12).contains(&n) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err("a PIN is 4 to 12 digits (the kiosk PIN pad has only digits)".into());
    }
    Ok(())
}

fn derive(pin: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, iterations, &mut out);
    out
}

/// Hashes `pin` with `salt`.
pub fn hash_pin_with_salt(pin: &str, salt: &[u8], iterations: u32) -> PinHash {
    PinHash {
        salt: hex::encode(salt),
        iterations,
        hash: hex::encode(derive(pin, salt, iterations)),
    }
}

/// Hashes `pin` with a fresh random salt.
pub fn hash_pin(pin: &str) -> PinHash {
    let mut salt = [0u8; 16];
    rand::rngs::StdRng::from_os_rng().fill(&mut salt);
    hash_pin_with_salt(pin, &salt, PBKDF2_ITERATIONS)
}

/// The hash of [`DEFAULT_PIN`] (computed once).
pub fn default_pin_hash() -> PinHash {
    static HASH: std::sync::OnceLock<PinHash> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        let salt = hex::decode(DEFAULT_SALT).expect("constant is valid hex");
        hash_pin_with_salt(DEFAULT_PIN, &salt, PBKDF2_ITERATIONS)
    })
    .clone()
}

/// Why a stored hash cannot be used, if it cannot.
pub fn check_hash_format(h: &PinHash) -> Result<(), String> {
    let salt = hex::decode(&h.salt).map_err(|_| "salt is not hex".to_string())?;
    if salt.len() < 8 {
        return Err("salt is shorter than 8 bytes".into());
    }
    let hash = hex::decode(&h.hash).map_err(|_| "hash is not hex".to_string())?;
    if hash.len() != 32 {
        return Err(format!("hash has {} bytes: expected 32", hash.len()));
    }
    if !(1_000..=10_000_000).contains(&h.iterations) {
        return Err(format!(
            "iterations {} out of range: expected 1000 to 10000000",
            h.iterations
        ));
    }
    Ok(())
}

/// Whether `pin` matches `stored`, comparing in constant time.
pub fn verify_pin(pin: &str, stored: &PinHash) -> bool {
    if check_hash_format(stored).is_err() {
        return false;
    }
    let (Ok(salt), Ok(expected)) = (hex::decode(&stored.salt), hex::decode(&stored.hash)) else {
        return false;
    };
    let got = derive(pin, &salt, stored.iterations);
    got.iter()
        .zip(expected.iter())
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
}

/// What the PIN pad says after a try.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PinOutcome {
    /// Correct: open the curator overlay.
    Accepted,
    /// Wrong; this many tries remain before the lock.
    Wrong {
        /// Tries left.
        remaining: u32,
    },
    /// Locked; try again after this many seconds. No PIN is checked while locked.
    Locked {
        /// Seconds until the pad unlocks.
        seconds_left: f64,
    },
}

/// Counts wrong PINs and locks the pad for `lockout_s` after `max_attempts`.
#[derive(Debug, Clone, PartialEq)]
pub struct PinGate {
    max_attempts: u32,
    lockout_s: f64,
    failures: u32,
    locked_until_s: Option<f64>,
}

impl PinGate {
    /// A gate allowing `max_attempts` wrong PINs before locking for `lockout_s`.
    pub fn new(max_attempts: u32, lockout_s: f64) -> Self {
        Self {
            max_attempts: max_attempts.max(1),
            lockout_s,
            failures: 0,
            locked_until_s: None,
        }
    }

    /// Seconds left on the lock at `now_s`, if locked.
    pub fn locked_for(&self, now_s: f64) -> Option<f64> {
        self.locked_until_s
            .filter(|&until| now_s < until)
            .map(|until| until - now_s)
    }

    /// Tries `pin` at time `now_s` (seconds on any monotonic clock).
    pub fn try_pin(&mut self, now_s: f64, pin: &str, stored: &PinHash) -> PinOutcome {
        if let Some(left) = self.locked_for(now_s) {
            return PinOutcome::Locked { seconds_left: left };
        }
        if self.locked_until_s.take().is_some() {
            self.failures = 0;
        }
        if verify_pin(pin, stored) {
            self.failures = 0;
            return PinOutcome::Accepted;
        }
        self.failures += 1;
        if self.failures >= self.max_attempts {
            self.locked_until_s = Some(now_s + self.lockout_s);
            return PinOutcome::Locked {
                seconds_left: self.lockout_s,
            };
        }
        PinOutcome::Wrong {
            remaining: self.max_attempts - self.failures,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fast(pin: &str) -> PinHash {
        hash_pin_with_salt(pin, b"0123456789abcdef", 1_000)
    }

    #[test]
    fn verifies_right_pin_only() {
        let h = fast("1234");
        assert!(verify_pin("1234", &h));
        assert!(!verify_pin("1235", &h));
        assert!(!verify_pin("", &h));
        assert_ne!(h.hash, "1234");
        assert!(!h.salt.is_empty());
    }

    #[test]
    fn random_salts_differ() {
        let (a, b) = (hash_pin("1234"), hash_pin("1234"));
        assert_ne!(a.salt, b.salt);
        assert_ne!(a.hash, b.hash);
        assert!(verify_pin("1234", &a) && verify_pin("1234", &b));
    }

    #[test]
    fn default_hash_matches_default_pin() {
        assert!(verify_pin(DEFAULT_PIN, &default_pin_hash()));
    }

    #[test]
    fn five_wrong_pins_lock_for_a_minute() {
        let h = fast("2468");
        let mut gate = PinGate::new(5, 60.0);
        for i in 0..4 {
            assert_eq!(
                gate.try_pin(i as f64, "0000", &h),
                PinOutcome::Wrong { remaining: 4 - i }
            );
        }
        assert!(matches!(
            gate.try_pin(4.0, "0000", &h),
            PinOutcome::Locked { .. }
        ));
        // Even the right PIN is refused while locked.
        assert!(
            matches!(gate.try_pin(30.0, "2468", &h), PinOutcome::Locked { seconds_left } if (seconds_left - 34.0).abs() < 1e-9)
        );
        assert_eq!(gate.try_pin(64.5, "2468", &h), PinOutcome::Accepted);
    }

    #[test]
    fn lock_expires_and_counting_restarts() {
        let h = fast("2468");
        let mut gate = PinGate::new(2, 10.0);
        gate.try_pin(0.0, "1", &h);
        assert!(matches!(
            gate.try_pin(1.0, "1", &h),
            PinOutcome::Locked { .. }
        ));
        assert_eq!(
            gate.try_pin(12.0, "1", &h),
            PinOutcome::Wrong { remaining: 1 }
        );
    }

    #[test]
    fn malformed_stored_hash_never_accepts() {
        let mut h = fast("1234");
        h.hash = "zz".into();
        assert!(!verify_pin("1234", &h));
        assert!(check_hash_format(&h).is_err());
    }

    #[test]
    fn pin_format() {
        assert!(check_pin_format("2468").is_ok());
        assert!(check_pin_format("24a8").is_err());
        assert!(check_pin_format("123").is_err());
    }
}
