//! `agenda-tui search`: ranked matches on standard output.

use super::{CommandResult, Output, load_config, load_corpus};
use crate::search::report::write_results;
use std::path::PathBuf;
use std::process::ExitCode;

/// Search the corpus (chosen as every command chooses it, see [`super::load_corpus`]) for
/// `query` and print at most `limit` results; exit 1 when there are none.
pub fn run(cli_data: &[PathBuf], query: &str, limit: usize, json: bool) -> CommandResult {
    let config = load_config()?;
    let corpus = load_corpus(cli_data, &config)?;
    let mut found = false;
    Output::new().with(|out| {
        found = write_results(&corpus, query, limit, json, out);
        Ok(())
    })?;
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
