//! `agenda-tui library`: list the personal library's batches or remove one; also where the
//! library is (from the environment) and how a left-out library file is reported.

use super::{CommandError, CommandResult, Output};
use crate::cli::{LibraryAction, LibraryArgs};
use crate::library::{self, BatchSummary};
use crate::load::LoadError;
use crate::text::sanitize;
use std::path::PathBuf;
use std::process::ExitCode;

/// The environment variable that names the whole data directory.
pub const DATA_DIR_ENV: &str = "AGENDA_TUI_DATA_DIR";

/// The library directory: `$AGENDA_TUI_DATA_DIR/library`, else
/// `$XDG_DATA_HOME/agenda-tui/library`, else `~/.local/share/agenda-tui/library`; `None` when
/// none of these is set.
pub fn library_dir() -> Option<PathBuf> {
    let var = std::env::var_os;
    library::data_dir(
        var(DATA_DIR_ENV).as_deref(),
        var("XDG_DATA_HOME").as_deref(),
        var("HOME").as_deref(),
    )
    .map(|dir| library::library_dir(&dir))
}

/// The library directory, or an error (exit 2) when no location can be worked out.
pub(super) fn required_library_dir(command: &str) -> Result<PathBuf, CommandError> {
    library_dir().ok_or_else(|| {
        CommandError::failed(
            format!(
                "agenda-tui {command}: no library location: set {DATA_DIR_ENV}, XDG_DATA_HOME or HOME"
            ),
            2,
        )
    })
}

/// One message per library file left out of a corpus, naming the file and why.
pub fn left_out_messages(errors: &[LoadError]) -> Vec<String> {
    errors
        .iter()
        .map(|error| {
            let reason = error.to_string();
            let reason = reason.strip_prefix("error: ").unwrap_or(&reason);
            sanitize(&format!("library file left out: {reason}")).into_owned()
        })
        .collect()
}

/// The listing as a table: one line per batch, the sources and any problem under it.
fn table(dir: &std::path::Path, batches: &[BatchSummary]) -> String {
    if batches.is_empty() {
        return format!(
            "the library is empty ({}); add articles with `agenda-tui add FILE...`\n",
            sanitize(&dir.display().to_string())
        );
    }
    let mut out = format!(
        "{:<20} {:<23} {:>8} {:>10}  SPEAKERS\n",
        "ID", "ADDED", "ARTICLES", "STATEMENTS"
    );
    for batch in batches {
        out.push_str(&format!(
            "{:<20} {:<23} {:>8} {:>10}  {}\n",
            sanitize(&batch.id),
            batch.added.as_deref().unwrap_or("-"),
            batch.articles,
            batch.statements,
            sanitize(&batch.speakers.join(", "))
        ));
        if !batch.sources.is_empty() {
            out.push_str(&format!(
                "    from {}\n",
                sanitize(&batch.sources.join(", "))
            ));
        }
        if let Some(problem) = &batch.problem {
            let problem = problem.strip_prefix("error: ").unwrap_or(problem);
            out.push_str(&format!(
                "    fails check, left out: {}\n",
                sanitize(problem).replace('\n', "; ")
            ));
        }
    }
    out.push_str(&format!(
        "{} in {}\n",
        crate::text::plural(batches.len(), "batch", "batches"),
        sanitize(&dir.display().to_string())
    ));
    out
}

/// The listing as one JSON array.
fn json(batches: &[BatchSummary]) -> String {
    let list: Vec<serde_json::Value> = batches
        .iter()
        .map(|batch| {
            serde_json::json!({
                "id": batch.id,
                "added": batch.added,
                "articles": batch.articles,
                "statements": batch.statements,
                "speakers": batch.speakers,
                "sources": batch.sources,
                "problem": batch.problem,
            })
        })
        .collect();
    format!("{}\n", serde_json::Value::Array(list))
}

/// List the batches, or remove one (an unknown id exits 2).
pub fn run(args: &LibraryArgs) -> CommandResult {
    let dir = required_library_dir("library")?;
    let failed = |e: std::io::Error| {
        CommandError::failed(format!("agenda-tui library: {}: {e}", dir.display()), 1)
    };
    match &args.action {
        Some(LibraryAction::Remove { id }) => {
            if !library::remove_batch(&dir, id).map_err(failed)? {
                return Err(CommandError::failed(
                    format!(
                        "agenda-tui library: no batch \"{}\" in {}; `agenda-tui library` lists them",
                        sanitize(id),
                        dir.display()
                    ),
                    2,
                ));
            }
            eprintln!("removed batch {}", sanitize(id.trim_end_matches(".json")));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let batches = library::summaries(&dir).map_err(failed)?;
            let text = if args.json {
                json(&batches)
            } else {
                table(&dir, &batches)
            };
            Output::new().write_str(&text)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
