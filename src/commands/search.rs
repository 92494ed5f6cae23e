//! `agenda-tui search`: ranked matches on standard output.

use super::{CommandError, CommandResult, Output, load_config, load_corpus};
use crate::search::report::write_results;
use std::path::PathBuf;
use std::process::ExitCode;

/// Search the corpus (chosen as every command chooses it, see [`super::load_corpus`]) for
/// `query` and print at most `limit` results; exit 1 when there are none.
pub fn run(cli_data: &[PathBuf], query: &str, limit: usize, json: bool) -> CommandResult {
    let config = load_config()?;
    let corpus = load_corpus(cli_data, &config)?;
    let mut found = Ok(false);
    Output::new().with(|out| {
        found = write_results(&corpus, query, limit, json, out);
        Ok(())
    })?;
    match found {
        Ok(true) => Ok(ExitCode::SUCCESS),
        Ok(false) => Ok(ExitCode::from(1)),
        Err(error) => Err(CommandError::failed(
            format!("agenda-tui search: {error}"),
            2,
        )),
    }
}
