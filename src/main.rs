//! The `agenda-tui` binary: parses the command line and hands it to the commands.

use agenda_tui::cli::Cli;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    agenda_tui::commands::run(Cli::parse())
}
