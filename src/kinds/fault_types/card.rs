//! The card of "Fault types": a normal fault's blocks, the hanging wall
//! slid down along the fault.

use super::blocks::{Blocks, Fault, FaultKind, MAX_SLIP};
use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

/// The card picture.
pub fn fault_types() -> Canvas {
    let mut b = Blocks::new(Fault {
        kind: FaultKind::Normal,
        dip_deg: 60.0,
    });
    b.slip = MAX_SLIP * 0.8;
    let mut c = Canvas::new(W, H, Rgba::hex(0x10283c));
    b.draw(&mut c);
    c
}
