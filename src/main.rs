//! The `quakehall` command line: a clap front end over `src/cli/`, one file
//! per command. Without a subcommand it runs the hall. The seismology
//! commands also work in a build without Bevy:
//! `cargo run --no-default-features -- inspect FILE`.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// quakehall: the exhibit engine of the seismology hall.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: cli::run::Args,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the hall (the default).
    Run(cli::run::Args),
    /// Check every scene file; print every problem; exit 1 on errors.
    Validate(cli::validate::Args),
    /// Set the curator PIN (4-12 digits, read from standard input).
    SetPin(cli::set_pin::Args),
    /// Render one screen to a PNG and exit.
    Shot(cli::shot::Args),
    /// Frame times of an exhibit against a baseline 3D scene at the same size.
    Bench(cli::bench::Args),
    /// List the traces, gaps and problems of waveform files and folders.
    Inspect(cli::inspect::Args),
    /// Pick P and S automatically: one result per station and time window.
    Pick(cli::pick::Args),
    /// Convert between miniSEED and SAC (format from OUT's extension).
    Convert(cli::convert::Args),
    /// Speed a recording up into sound and write it to a WAV file.
    Audify(cli::audify::Args),
    /// Seismic travel times, like TauP's table.
    Traveltime(cli::traveltime::Args),
    /// Locate an earthquake from P and S picks (JSON).
    Locate(cli::locate::Args),
    /// Synthesise three-component records of an earthquake (marked synthetic).
    Synth(cli::synth::Args),
    /// Redraw the project's own pictures into assets/pictures.
    Art(cli::art::Args),
    /// Make the globe exhibits' data in assets/globe from the data team's originals.
    TrimGeo(cli::trim_geo::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => cli::run::run(cli.run),
        Some(Command::Run(args)) => cli::run::run(args),
        Some(Command::Validate(args)) => cli::validate::run(args),
        Some(Command::SetPin(args)) => cli::set_pin::run(args),
        Some(Command::Shot(args)) => cli::shot::run(args),
        Some(Command::Bench(args)) => cli::bench::run(args),
        Some(Command::Inspect(args)) => cli::inspect::run(args),
        Some(Command::Pick(args)) => cli::pick::run(args),
        Some(Command::Convert(args)) => cli::convert::run(args),
        Some(Command::Audify(args)) => cli::audify::run(args),
        Some(Command::Traveltime(args)) => cli::traveltime::run(args),
        Some(Command::Locate(args)) => cli::locate::run(args),
        Some(Command::Synth(args)) => cli::synth::run(args),
        Some(Command::Art(args)) => cli::art::run(args),
        Some(Command::TrimGeo(args)) => cli::trim_geo::run(args),
    }
}
