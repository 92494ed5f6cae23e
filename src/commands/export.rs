//! `agenda-tui export`: select statements with filters and write them to a file or standard
//! output.

use super::{CommandError, CommandResult, Output, load_config, load_corpus};
use crate::cli::ExportArgs;
use crate::export::{ExportError, ExportFilter, TextMode, matching_query, render_headed, select};
use crate::fsio::write_atomically;
use crate::model::Corpus;
use crate::subject::{Subject, year_span};
use crate::text::plural;
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
        return Err(CommandError::failed(
            format!(
                "agenda-tui export: no statement matches: {}",
                why_nothing(&corpus, &filter, args.query.as_deref())
            ),
            1,
        ));
    }
    let heading =
        subject(&corpus, &filter, args.query.as_deref()).heading(year_span(&corpus, &selected));
    match &args.output {
        Some(path) => {
            let text = render_headed(
                &corpus,
                &selected,
                args.format,
                TextMode::Verbatim,
                Some(&heading),
            )?;
            write_atomically(path, text.as_bytes()).map_err(|e| ExportError::Io {
                target: path.display().to_string(),
                message: e.to_string(),
            })?;
            eprintln!(
                "agenda-tui export: {} written to {}",
                crate::text::plural(selected.len(), "statement", "statements"),
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
            let text = render_headed(&corpus, &selected, args.format, mode, Some(&heading))?;
            out.write_str(&text)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Why nothing was selected, naming the filters: those that name nothing in the corpus, else
/// those that select nothing on their own, else the combination (with each one's count).
fn why_nothing(corpus: &Corpus, filter: &ExportFilter, query: Option<&str>) -> String {
    let unknown = filter.unmatched(corpus);
    if !unknown.is_empty() {
        return unknown.join("; ");
    }
    let everything = select(corpus, &ExportFilter::default());
    let alone = |one: ExportFilter| select(corpus, &one).len();
    let mut counts: Vec<(String, usize)> = Vec::new();
    if let Some(country) = &filter.country {
        let n = alone(ExportFilter {
            country: Some(country.clone()),
            ..ExportFilter::default()
        });
        counts.push((format!("--country {}", country.trim()), n));
    }
    if let Some(leader) = &filter.leader {
        let n = alone(ExportFilter {
            leader: Some(leader.clone()),
            ..ExportFilter::default()
        });
        counts.push((format!("--leader {}", leader.trim()), n));
    }
    if let Some(topic) = &filter.topic {
        let n = alone(ExportFilter {
            topic: Some(topic.clone()),
            ..ExportFilter::default()
        });
        counts.push((format!("--topic {}", topic.trim()), n));
    }
    if let Some(query) = query {
        let n = matching_query(corpus, &everything, query).len();
        counts.push((format!("--query {}", query.trim()), n));
    }
    let empty: Vec<&str> = counts
        .iter()
        .filter(|(_, n)| *n == 0)
        .map(|(flag, _)| flag.as_str())
        .collect();
    if !empty.is_empty() {
        return format!("{} selects no statement", empty.join(" and "));
    }
    let each: Vec<String> = counts
        .iter()
        .map(|(flag, n)| format!("{flag} alone: {}", plural(*n, "statement", "statements")))
        .collect();
    format!("the filters together select none ({})", each.join("; "))
}

/// What the filters select, for the Markdown heading.
fn subject(corpus: &Corpus, filter: &ExportFilter, query: Option<&str>) -> Subject {
    let mut subject = Subject::everything();
    if let Some(country) = &filter.country {
        let wanted = country.trim();
        let entity = corpus.entities.iter().find(|e| {
            e.id.eq_ignore_ascii_case(wanted)
                || e.name.to_lowercase() == wanted.to_lowercase()
                || e.aliases
                    .iter()
                    .any(|a| a.to_lowercase() == wanted.to_lowercase())
        });
        subject = match entity {
            Some(entity) => subject.about(&entity.name, &entity.id),
            None => subject.about(wanted, wanted),
        };
    }
    if let Some(leader) = &filter.leader {
        subject = subject.leader(leader);
    }
    if let Some(topic) = &filter.topic {
        subject = subject.topic(topic);
    }
    if let Some(query) = query {
        subject = subject.query(query);
    }
    subject
}
