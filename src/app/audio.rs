//! Interface sounds through rodio. Without an audio device the hall runs
//! silent and says so once; sound is never a reason to stop.

use bevy::prelude::*;
use rodio::buffer::SamplesBuffer;

use super::hall::Hall;
use crate::domain::sound::{SAMPLE_RATE, UiSound};

/// Play an interface sound.
#[derive(Message, Debug, Clone, Copy)]
pub struct PlaySound(pub UiSound);

/// The audio output, if one could be opened.
struct AudioOut(Option<rodio::MixerDeviceSink>);

/// Opens the default output; the core plugin's `PlaySound` messages are
/// played through it.
pub(super) fn plugin(app: &mut App) {
    let out = match rodio::DeviceSinkBuilder::open_default_sink() {
        Ok(mut sink) => {
            sink.log_on_drop(false);
            info!("audio: interface sounds on the default output");
            Some(sink)
        }
        Err(e) => {
            warn!("audio: no output device ({e}); the hall runs without sound");
            None
        }
    };
    app.insert_non_send(AudioOut(out))
        .add_systems(Update, play_sounds);
}

fn play_sounds(
    mut sounds: MessageReader<PlaySound>,
    out: NonSend<AudioOut>,
    hall: Option<Res<Hall>>,
) {
    let volume = hall.map(|h| h.hall.interface_volume).unwrap_or(0.5);
    for PlaySound(sound) in sounds.read() {
        let Some(sink) = &out.0 else { continue };
        if volume <= 0.0 {
            continue;
        }
        let (Some(ch), Some(rate)) = (
            std::num::NonZero::new(1u16),
            std::num::NonZero::new(SAMPLE_RATE),
        ) else {
            continue;
        };
        sink.mixer()
            .add(SamplesBuffer::new(ch, rate, sound.samples(volume)));
    }
}

/// Every tap on a button makes the tap sound.
pub(super) fn tap_sound(
    click: On<Pointer<Click>>,
    buttons: Query<(), With<Button>>,
    mut play: MessageWriter<PlaySound>,
) {
    if buttons.contains(click.entity) {
        play.write(PlaySound(UiSound::Tap));
    }
}
