//! The Bevy layer: screens, exhibits and widgets drawn from the domain.
