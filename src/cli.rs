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
    /// Search statements (fzf syntax) and print the ranked results (exit 1 when none match).
    Search {
        /// The query: `word` fuzzy, `'word` exact, `^word` prefix of the text, `!word` excluded;
        /// every term must match. Several arguments are joined with spaces.
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Print at most N results (0 for all).
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
        /// Write JSON Lines, one object per result.
        #[arg(long)]
        json: bool,
    },
}
