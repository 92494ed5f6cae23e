//! `agenda-tui export`: select statements with filters and write them to a file or standard
//! output.

use super::{CommandError, CommandResult, Output, load_config, load_corpus};
use crate::cli::ExportArgs;
use crate::export::{
    ExportError, ExportFilter, TextMode, matching_query, render, render_with, select,
};
use crate::fsio::write_atomically;
use std::process::ExitCode;

/// Refuse a filter flag given with an empty value.
fn check_flags(args: &ExportArgs) -> Result<(), CommandError> {
    for (flag, value) in [
        ("--query", &args.query),
        ("--country", &args.country),
        ("--leader", &args.leader),
        ("--topic", &args.topic),
    ] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(CommandError::failed(
                format!("error: {flag} needs a non-empty value"),
                1,
            ));
        }
    }
    Ok(())
}

/// Load the corpus (see [`super::load_corpus`]), select, render, and write to `-o FILE` or
/// standard output. Exit status: 0 when statements were written, 1 when none matched or
/// writing failed, 2 for invalid data or config.
pub fn run(args: &ExportArgs, cli_data: &[std::path::PathBuf]) -> CommandResult {
    check_flags(args)?;
    let config = load_config()?;
    let corpus = load_corpus(cli_data, &config)?;
    let filter = ExportFilter {
        country: args.country.clone(),
        leader: args.leader.clone(),
        topic: args.topic.clone(),
    };
    let mut selected = select(&corpus, &filter);
    if let Some(query) = &args.query {
        if let Err(error) = crate::search::try_parse_query(query) {
            return Err(CommandError::failed(
                format!("agenda-tui export: {error}"),
                2,
            ));
        }
        selected = matching_query(&corpus, &selected, query);
    }
    if selected.is_empty() {
        let reasons = filter.unmatched(&corpus);
        let message = if reasons.is_empty() {
            "agenda-tui export: no statement matches".to_string()
        } else {
            format!(
                "agenda-tui export: no statement matches: {}",
                reasons.join("; ")
            )
        };
        return Err(CommandError::failed(message, 1));
    }
    match &args.output {
        Some(path) => {
            let text = render(&corpus, &selected, args.format)?;
            write_atomically(path, text.as_bytes()).map_err(|e| ExportError::Io {
                target: path.display().to_string(),
                message: e.to_string(),
            })?;
            let plural = if selected.len() == 1 { "" } else { "s" };
            eprintln!(
                "agenda-tui export: {} statement{plural} written to {}",
                selected.len(),
                path.display()
            );
        }
        None => {
            let mut out = Output::new();
            let mode = if out.is_terminal() {
                TextMode::Terminal
            } else {
                TextMode::Verbatim
            };
            out.write_str(&render_with(&corpus, &selected, args.format, mode)?)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
