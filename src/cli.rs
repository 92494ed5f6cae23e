//! The command line, defined once with clap (types only); the `commands` module dispatches
//! on it.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// A terminal browser for diplomatic agendas: the countries a government's statements are about,
/// who said what, and a fuzzy search over leaders and topics.
#[derive(Debug, Parser)]
#[command(name = "agenda-tui", version, about, long_about = None)]
pub struct Cli {
    /// The corpus the browser opens (also accepted before `search` and `export`).
    #[command(flatten)]
    pub corpus: CorpusArgs,

    /// Print the effective configuration and where it came from, then exit.
    #[arg(long)]
    pub print_config: bool,

    /// What to do; without a command the browser opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The corpus a command reads: given only to the commands that read one (the browser,
/// `search` and `export`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CorpusArgs {
    /// Load corpora from PATH instead of the embedded seed corpus (a file, or a directory of
    /// *.json files); repeat to merge several.
    #[arg(long = "data", value_name = "PATH")]
    pub data: Vec<PathBuf>,
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
    /// Turn raw news article texts into a corpus (each with its statements, targets, leaders and
    /// topics found).
    Ingest(IngestArgs),
    /// Score ingest against gold annotations in DIR (NAME.txt + NAME.gold.json).
    Eval(EvalArgs),
    /// Ingest articles into the personal library (one batch; articles already there skipped),
    /// which the browser, `search` and `export` open beside the seed when no corpus is named.
    Add(AddArgs),
    /// List the library's batches (id, date added, articles, statements, speakers, source
    /// files); `library remove ID` removes one.
    Library(LibraryArgs),
    /// Export the matching statements with their citations as Markdown, CSV or a corpus file.
    Export(ExportArgs),
    /// Print a shell completion script for bash, zsh, fish, elvish or powershell.
    Completions {
        /// The shell to complete in.
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    Man,
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
        /// The corpus to search.
        #[command(flatten)]
        corpus: CorpusArgs,
    },
}

/// `agenda-tui export`: the statements matching every filter given, with their citations.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// Only statements matching this search query.
    #[arg(long, value_name = "Q")]
    pub query: Option<String>,
    /// Only statements about this country, bloc or region (id, name or alias; any case).
    #[arg(long, value_name = "ID")]
    pub country: Option<String>,
    /// Only statements mentioning or spoken by this leader (name or alias; any case).
    #[arg(long, value_name = "NAME")]
    pub leader: Option<String>,
    /// Only statements with a topic phrase containing T (any case).
    #[arg(long, value_name = "T")]
    pub topic: Option<String>,
    /// Output format: md (Markdown), csv (RFC 4180) or json (a corpus file `check` accepts).
    #[arg(long, value_name = "FORMAT")]
    pub format: crate::export::ExportFormat,
    /// Write to FILE (whole or not at all) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The corpus to export from.
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// Arguments of `agenda-tui ingest`.
#[derive(Debug, Clone, clap::Args)]
pub struct IngestArgs {
    /// Article text files (UTF-8): clean bodies or web page dumps, one article each; a directory
    /// gives its .txt/.html files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Write the corpus here (whole or not at all) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "OUT.json")]
    pub output: Option<PathBuf>,
    /// Speaker country entity id (e.g. KOR); found in the text when absent.
    #[arg(long, value_name = "ID")]
    pub speaker: Option<String>,
    /// Publication date YYYY, YYYY-MM or YYYY-MM-DD; found in the text when absent.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Outlet name; found in the byline when absent.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Headline; found in the page dump when absent.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Where the article came from.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Extra gazetteer TSV file (its table chosen by its name; see GAZETTEER FILES in
    /// `agenda-tui man`); repeatable.
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,
    /// Per-file metadata: a CSV or TSV table with a header row (`file` plus any of
    /// speaker/country, published/year, source, title, url, speaker_name, speaker_post).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Write nothing when any file fails (without it, the good files are written).
    #[arg(long)]
    pub strict: bool,
    /// Also report the evidence for each article's speaker and the lines removed as boilerplate.
    #[arg(long)]
    pub verbose: bool,
}

/// Arguments of `agenda-tui eval`.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalArgs {
    /// Directory with NAME.txt, NAME.gold.json and optionally NAME.raw.txt files.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Extra gazetteer TSV file (as for `ingest`); repeatable.
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,
    /// List every wrong (sentence, target) pair and every wrong statement speaker.
    #[arg(long)]
    pub verbose: bool,
    /// Score only the odd or even articles (1-based index of the sorted names), or all.
    #[arg(long, value_name = "odd|even|all", default_value = "all")]
    pub split: crate::ingest::eval::Split,
    /// Print the report as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `agenda-tui add`.
#[derive(Debug, Clone, clap::Args)]
pub struct AddArgs {
    /// Article files as for `ingest`: text or saved HTML pages, directories of .txt/.html
    /// files, or `-` for standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Per-file metadata, as for `ingest --manifest`.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Extra gazetteer TSV file (as for `ingest`); repeatable.
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,
    /// Also report the evidence for each article's speaker and the lines removed as boilerplate.
    #[arg(long)]
    pub verbose: bool,
}

impl AddArgs {
    /// The same inputs as `ingest` arguments (no output file: the library is the output).
    pub fn as_ingest(&self) -> IngestArgs {
        IngestArgs {
            files: self.files.clone(),
            output: None,
            speaker: None,
            published: None,
            source: None,
            title: None,
            url: None,
            gazetteers: self.gazetteers.clone(),
            manifest: self.manifest.clone(),
            strict: false,
            verbose: self.verbose,
        }
    }
}

/// Arguments of `agenda-tui library`.
#[derive(Debug, Clone, clap::Args)]
pub struct LibraryArgs {
    /// Print the listing as JSON (an array of batches) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// What to do instead of listing.
    #[command(subcommand)]
    pub action: Option<LibraryAction>,
}

/// `agenda-tui library` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum LibraryAction {
    /// Remove one batch (its corpus file and its list of sources) from the library.
    Remove {
        /// The batch id, as `agenda-tui library` lists it.
        #[arg(value_name = "ID")]
        id: String,
    },
}
