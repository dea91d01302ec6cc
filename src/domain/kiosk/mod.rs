//! Kiosk operation as plain state machines: the curator PIN, idle timing,
//! the attract loop, the hidden corner gesture and touch gestures.

pub mod gesture;
pub mod idle;
pub mod pin;
pub mod touch;
