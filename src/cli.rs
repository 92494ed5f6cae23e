//! The command line, defined once with clap; `main` dispatches on it.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// A terminal browser for diplomatic agendas: the countries a government's statements are about,
/// who said what, and a fuzzy search over leaders and topics.
#[derive(Debug, Parser)]
#[command(name = "agenda-tui", version, about, long_about = None)]
pub struct Cli {
    /// Load corpora from PATH instead of the embedded seed corpus (a file, or a directory of
    /// *.json files); repeat to merge several.
    #[arg(long = "data", value_name = "PATH", global = true)]
    pub data: Vec<PathBuf>,

    /// What to do; without a command the browser opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands besides the browser.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate corpus files and print a one-line summary of each (exit 2 when invalid).
    Check {
        /// Corpus files or directories of *.json files.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Turn raw news article texts into a corpus (see docs/ingest.md).
    Ingest(crate::ingest::command::IngestArgs),
    /// Score ingest against gold annotations in DIR (NAME.txt + NAME.gold.json).
    Eval(crate::ingest::command::EvalArgs),
}
