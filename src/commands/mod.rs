//! The commands: the only code that prints, exits or reads the environment on behalf of a
//! command. [`run`] dispatches a parsed [`Cli`]; every command returns an exit status or one
//! [`CommandError`]; [`Output`] is the one writer to standard output; [`load_corpus`] is the one
//! rule for which corpus files a command reads.

pub mod add;
pub mod browse;
pub mod check;
pub mod export;
pub mod ingest;
pub mod library;
mod manual;
pub mod meta;
mod progress;
pub mod search;

use crate::cli::{Cli, Command};
use crate::config::{Config, ConfigError};
use crate::export::ExportError;
use crate::load::{self, LoadError};
use crate::model::Corpus;
use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Why a command failed; its message goes to standard error and [`CommandError::exit_code`]
/// becomes the process exit status.
#[derive(Debug)]
pub enum CommandError {
    /// The corpus could not be loaded.
    Load(LoadError),
    /// The configuration could not be used.
    Config(ConfigError),
    /// An export could not be rendered or written.
    Export(ExportError),
    /// Any other failure, already worded for the user.
    Failed {
        /// The message, as printed.
        message: String,
        /// The exit status.
        code: u8,
    },
}

impl CommandError {
    /// A failure worded as `message` that exits with `code`.
    pub fn failed(message: impl Into<String>, code: u8) -> CommandError {
        CommandError::Failed {
            message: message.into(),
            code,
        }
    }

    /// The process exit status: 2 for invalid data or config, 1 for other failures unless the
    /// command chose otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            CommandError::Load(err) => err.exit_code(),
            CommandError::Config(err) => err.exit_code(),
            CommandError::Export(_) => 1,
            CommandError::Failed { code, .. } => *code,
        }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::Load(err) => err.fmt(f),
            CommandError::Config(err) => err.fmt(f),
            CommandError::Export(err) => err.fmt(f),
            CommandError::Failed { message, .. } => f.write_str(message),
        }
    }
}

impl std::error::Error for CommandError {}

impl From<LoadError> for CommandError {
    fn from(err: LoadError) -> Self {
        CommandError::Load(err)
    }
}

impl From<ConfigError> for CommandError {
    fn from(err: ConfigError) -> Self {
        CommandError::Config(err)
    }
}

impl From<ExportError> for CommandError {
    fn from(err: ExportError) -> Self {
        CommandError::Export(err)
    }
}

/// What a command ends with: an exit status, or a failure to report.
pub type CommandResult = Result<ExitCode, CommandError>;

/// Run the command `cli` names and return the process exit status; a failure is printed to
/// standard error here, once.
pub fn run(cli: Cli) -> ExitCode {
    let result = match corpus_flag_misplaced(&cli) {
        Some(err) => Err(err),
        None => dispatch(cli),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(err.exit_code())
        }
    }
}

/// `--data` given before a command that reads no corpus: an error rather than ignored.
fn corpus_flag_misplaced(cli: &Cli) -> Option<CommandError> {
    let name = match &cli.command {
        _ if cli.corpus.data.is_empty() => return None,
        None | Some(Command::Search { .. } | Command::Export(_)) => return None,
        Some(Command::Check { .. }) => "check",
        Some(Command::Ingest(_)) => "ingest",
        Some(Command::Eval(_)) => "eval",
        Some(Command::Add(_)) => "add",
        Some(Command::Library(_)) => "library",
        Some(Command::Completions { .. }) => "completions",
        Some(Command::Man) => "man",
    };
    Some(CommandError::failed(
        format!(
            "error: --data does not apply to `{name}`; it names the corpus of the browser, `search` and `export`"
        ),
        2,
    ))
}

/// Run the command `cli` names.
fn dispatch(cli: Cli) -> CommandResult {
    let data =
        |own: &[PathBuf]| -> Vec<PathBuf> { cli.corpus.data.iter().chain(own).cloned().collect() };
    if cli.print_config {
        return meta::print_config();
    }
    match &cli.command {
        Some(Command::Check { paths }) => check::run(paths),
        Some(Command::Ingest(args)) => ingest::run_ingest(args),
        Some(Command::Eval(args)) => ingest::run_eval(args),
        Some(Command::Add(args)) => add::run(args),
        Some(Command::Library(args)) => library::run(args),
        Some(Command::Export(args)) => export::run(args, &data(&args.corpus.data)),
        Some(Command::Completions { shell }) => meta::print_completions(*shell),
        Some(Command::Man) => meta::print_man_page(),
        Some(Command::Search {
            query,
            limit,
            json,
            corpus,
        }) => search::run(&data(&corpus.data), &query.join(" "), *limit, *json),
        None => browse::run(&cli.corpus.data),
    }
}

/// The configuration the environment names (see [`Config::load_from_env`]).
pub fn load_config() -> Result<Config, CommandError> {
    Ok(Config::load_from_env()?.0)
}

/// The one rule for which corpus a command reads: the `--data` paths when given, else the
/// config's `data`, else the embedded seed plus the personal library (see
/// [`library::library_dir`]). A path that cannot be read is an error, never a fall-back to the
/// seed; a library file that fails `check` is named on standard error and left out. A terminal
/// shows the loading line meanwhile.
pub fn load_corpus(cli_data: &[PathBuf], config: &Config) -> Result<Corpus, CommandError> {
    load_corpus_then(cli_data, config, |corpus, _, _| Ok(corpus))
}

/// [`load_corpus`], then `then` with the corpus, the messages naming the library files left
/// out, and the loading line still showing (it can set the stage to
/// [`crate::progress::Stage::Indexing`]).
pub fn load_corpus_then<T>(
    cli_data: &[PathBuf],
    config: &Config,
    then: impl FnOnce(Corpus, &crate::progress::LoadProgress, &[String]) -> Result<T, CommandError>,
) -> Result<T, CommandError> {
    let paths = config.data_paths(cli_data);
    let library = paths
        .is_empty()
        .then(library::library_dir)
        .flatten()
        .filter(|dir| dir.is_dir());
    let (result, left_out) =
        progress::showing_progress(!paths.is_empty() || library.is_some(), |progress| {
            let (corpus, left_out) = match &library {
                Some(dir) => {
                    let (corpus, errors) = crate::library::open_with_seed(dir, progress)?;
                    (corpus, library::left_out_messages(&errors))
                }
                None => (load::load_or_seed_with(&paths, progress)?, Vec::new()),
            };
            Ok::<_, CommandError>((then(corpus, progress, &left_out), left_out))
        })?;
    for message in &left_out {
        eprintln!("{message}");
    }
    result
}

/// Standard output for a command. A reader that stops early (`| head`) is not an error: the
/// first broken pipe closes the output quietly and later writes are skipped.
#[derive(Debug, Default)]
pub struct Output {
    closed: bool,
}

impl Output {
    /// Standard output, open.
    pub fn new() -> Output {
        Output::default()
    }

    /// True when standard output is a terminal (text is then made safe to show).
    pub fn is_terminal(&self) -> bool {
        io::stdout().is_terminal()
    }

    /// Write `text` and flush.
    pub fn write_str(&mut self, text: &str) -> Result<(), CommandError> {
        self.with(|out| out.write_all(text.as_bytes()))
    }

    /// Run `write` on standard output, then flush.
    pub fn with(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), CommandError> {
        if self.closed {
            return Ok(());
        }
        let mut stdout = io::stdout().lock();
        match write(&mut stdout).and_then(|()| stdout.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(CommandError::failed(
                format!("error: standard output: {e}"),
                1,
            )),
        }
    }
}
