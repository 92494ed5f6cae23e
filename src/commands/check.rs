//! `agenda-tui check`: validate corpus files and print a summary of each.

use super::{CommandResult, Output};
use crate::load::{self, LoadError};
use crate::model::{Corpus, CorpusFile};
use crate::text::plural;
use std::path::PathBuf;
use std::process::ExitCode;

/// How many articles, statements, entities and leaders a corpus holds.
type Counts = [usize; 4];

/// The one-line summary of a valid corpus.
fn summary_line(name: &str, [articles, statements, entities, leaders]: Counts) -> String {
    format!(
        "{name}: ok: {}, {}, {}, {}\n",
        plural(articles, "article", "articles"),
        plural(statements, "statement", "statements"),
        plural(entities, "entity", "entities"),
        plural(leaders, "leader", "leaders"),
    )
}

/// The counts of a file.
fn file_counts(file: &CorpusFile) -> Counts {
    [
        file.articles.len(),
        file.statements.len(),
        file.entities.len(),
        file.leaders.len(),
    ]
}

/// The counts of a merged corpus.
fn corpus_counts(corpus: &Corpus) -> Counts {
    [
        corpus.articles.len(),
        corpus.statements.len(),
        corpus.entities.len(),
        corpus.leaders.len(),
    ]
}

/// Validate every file on its own (exit 2 when one is invalid), then the merge of all of them.
pub fn run(paths: &[PathBuf]) -> CommandResult {
    let files = load::expand_paths(paths)?;
    let mut out = Output::new();
    let mut parsed = Vec::new();
    let mut failed = false;
    for (n, path) in files.iter().enumerate() {
        let name = path.display().to_string();
        let loaded = super::progress::showing_progress(true, |progress| {
            let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
            progress.start_file(&name, n + 1, files.len(), bytes);
            load::load_file_with(path, progress)
        });
        match loaded {
            Ok(file) => {
                out.write_str(&summary_line(&name, file_counts(&file)))?;
                parsed.push((name, file));
            }
            Err(err @ LoadError::Invalid { .. }) => {
                eprintln!("{err}");
                failed = true;
            }
            Err(err) => return Err(err.into()),
        }
    }
    if failed {
        return Ok(ExitCode::from(2));
    }
    if parsed.len() > 1 {
        let merged = load::merge(format!("{} files", parsed.len()), parsed)?;
        out.write_str(&summary_line("merged", corpus_counts(&merged)))?;
    }
    Ok(ExitCode::SUCCESS)
}
