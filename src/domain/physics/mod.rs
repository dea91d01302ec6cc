//! Seismic physics: Earth models, travel times and rays, location,
//! magnitude and shaking. No Bevy here; every formula cites its source.

pub mod earth;
pub mod geo;
pub mod locate;
pub mod taup;
