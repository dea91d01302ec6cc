//! Kiosk operation as plain state machines: the curator PIN, idle timing,
//! the attract loop and the hidden corner gesture.

pub mod gesture;
pub mod idle;
pub mod pin;
