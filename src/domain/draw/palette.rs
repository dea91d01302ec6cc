//! Colours every picture of the hall gives the same thing, so that a P
//! wave looks the same on the sand table, in the theatre and in the Earth.

use super::canvas::Rgba;

/// P wavefronts and P arrivals.
pub const P_WAVE: Rgba = Rgba::hex(0xfff1c2);
/// S wavefronts and S arrivals.
pub const S_WAVE: Rgba = Rgba::hex(0x5ab4ff);
