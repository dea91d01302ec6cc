//! The hall's one audio output, through rodio: the interface sounds and
//! the recordings exhibits play as sound (their [`Voice`]s). Without an
//! audio device the hall runs silent and says so once in the log; exhibits
//! that play sound show a small notice for curators, and their voices move
//! on with the clock so that every picture still behaves. Sound is never a
//! reason to stop.

use bevy::prelude::*;
use rodio::buffer::SamplesBuffer;
use rodio::cpal::BufferSize;

use super::hall::Hall;
use crate::domain::sound::voice::{Tap, Voice};
use crate::domain::sound::{SAMPLE_RATE, UiSound};

/// Play an interface sound.
#[derive(Message, Debug, Clone, Copy)]
pub struct PlaySound(pub UiSound);

/// Frames of the output's buffer asked for: about 11 ms at 44.1-48 kHz,
/// so that what the speaker plays stays within a video frame of what the
/// exhibit shows (rodio's default is 50 ms).
const BUFFER_FRAMES: u32 = 512;

/// The device sink, kept open for the whole run (not `Send`).
struct AudioSink(#[allow(dead_code)] Option<rodio::MixerDeviceSink>);

/// Where sounds go: the output's mixer, if an output could be opened.
#[derive(Resource, Clone, Default)]
pub struct AudioOutput {
    mixer: Option<rodio::mixer::Mixer>,
    /// How far the output pulls ahead of the speaker, s.
    latency_s: f64,
}

impl AudioOutput {
    /// Whether sound can be heard.
    pub fn available(&self) -> bool {
        self.mixer.is_some()
    }

    /// Plays `voice` at `gain` the first frame it is asked (later frames
    /// leave it to the output), or moves it on by `dt` without an output.
    pub fn play(&self, voice: &mut Voice, gain: f32, dt: f64) {
        match &self.mixer {
            Some(m) => {
                if let Some(tap) = voice.tap(gain, self.latency_s) {
                    m.add(TapSource(tap));
                }
            }
            None => voice.run_silently(dt),
        }
    }
}

/// A voice's samples as a rodio source: mono at [`SAMPLE_RATE`].
struct TapSource(Tap);

impl Iterator for TapSource {
    type Item = rodio::Sample;

    fn next(&mut self) -> Option<rodio::Sample> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl rodio::Source for TapSource {
    fn current_span_len(&self) -> Option<usize> {
        None
    }

    fn channels(&self) -> rodio::ChannelCount {
        rodio::ChannelCount::MIN
    }

    fn sample_rate(&self) -> rodio::SampleRate {
        rodio::SampleRate::new(SAMPLE_RATE).unwrap_or(rodio::SampleRate::MIN)
    }

    fn total_duration(&self) -> Option<std::time::Duration> {
        None
    }
}

/// Opens the default output with a short buffer (or, failing that, as the
/// device likes): the sink and its mixer.
fn open_output() -> Result<(rodio::MixerDeviceSink, AudioOutput), rodio::DeviceSinkError> {
    let mut sink = rodio::DeviceSinkBuilder::from_default_device()
        .map(|b| b.with_buffer_size(BufferSize::Fixed(BUFFER_FRAMES)))
        .and_then(|b| b.open_stream())
        .or_else(|_| rodio::DeviceSinkBuilder::open_default_sink())?;
    sink.log_on_drop(false);
    let config = sink.config();
    let rate = config.sample_rate().get() as f64;
    let frames = match config.buffer_size() {
        BufferSize::Fixed(n) => *n as f64,
        BufferSize::Default => 0.05 * rate,
    };
    let out = AudioOutput {
        mixer: Some(sink.mixer().clone()),
        // The device pulls one to two buffers ahead of the speaker.
        latency_s: 1.5 * frames / rate,
    };
    Ok((sink, out))
}

/// Opens the default output; the core plugin's `PlaySound` messages and
/// the exhibits' voices are played through it.
pub(super) fn plugin(app: &mut App) {
    let (sink, out) = match open_output() {
        Ok((sink, out)) => {
            info!(
                "audio: sound on the default output ({:.0} ms ahead of the speaker)",
                out.latency_s * 1000.0
            );
            (Some(sink), out)
        }
        Err(e) => {
            warn!("audio: no output device ({e}); the hall runs without sound");
            (None, AudioOutput::default())
        }
    };
    app.insert_non_send(AudioSink(sink))
        .insert_resource(out)
        .add_systems(Update, play_sounds);
}

fn play_sounds(
    mut sounds: MessageReader<PlaySound>,
    out: Res<AudioOutput>,
    hall: Option<Res<Hall>>,
) {
    let volume = hall.map(|h| h.hall.interface_volume).unwrap_or(0.5);
    for PlaySound(sound) in sounds.read() {
        let Some(mixer) = &out.mixer else { continue };
        if volume <= 0.0 {
            continue;
        }
        let (Some(ch), Some(rate)) = (
            std::num::NonZero::new(1u16),
            std::num::NonZero::new(SAMPLE_RATE),
        ) else {
            continue;
        };
        mixer.add(SamplesBuffer::new(ch, rate, sound.samples(volume)));
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
