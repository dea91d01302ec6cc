//! Seismic physics: Earth models, travel times and rays, location,
//! magnitude and shaking. No Bevy here; every formula cites its source.

pub mod building;
pub mod earth;
pub mod fronts;
pub mod geo;
pub mod intensity;
pub mod locate;
pub mod magnitude;
pub mod motion;
pub mod oscillator;
pub mod synth;
pub mod tank;
pub mod taup;
pub mod warning;
