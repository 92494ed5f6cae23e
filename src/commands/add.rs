//! `agenda-tui add`: ingest articles (the same inputs and pipeline as `agenda-tui ingest`)
//! into the personal library as one new batch, skipping articles it already holds.

use super::library::{left_out_messages, required_library_dir};
use super::{CommandError, CommandResult, ingest};
use crate::cli::AddArgs;
use crate::ingest::IngestedArticle;
use crate::ingest::article::expand_inputs;
use crate::library::{self, Holdings};
use crate::text::{plural, sanitize};
use std::process::ExitCode;

/// A failure of `agenda-tui add` worded as `message`, exiting `code`.
fn add_failed(message: impl std::fmt::Display, code: u8) -> CommandError {
    CommandError::failed(format!("agenda-tui add: {message}"), code)
}

/// The articles of one `add` run that are new, and the messages for those skipped.
#[derive(Default)]
struct NewArticles {
    kept: Vec<IngestedArticle>,
    sources: Vec<String>,
    skipped: Vec<String>,
    this_batch: Holdings,
}

impl NewArticles {
    /// Keep `article` from `path` unless the library (or this batch) already has it.
    fn offer(&mut self, held: &Holdings, path: &std::path::Path, article: IngestedArticle) {
        let holder = held
            .holder_of(&article.article)
            .map(|(holder, same)| (holder.to_string(), same))
            .or_else(|| {
                self.this_batch
                    .holder_of(&article.article)
                    .map(|(_, same)| ("this batch".to_string(), same))
            });
        let name = sanitize(&path.display().to_string()).into_owned();
        let source = if path.as_os_str() == crate::ingest::article::STDIN {
            "(standard input)".to_string()
        } else {
            std::fs::canonicalize(path).map_or_else(
                |_| name.clone(),
                |full| sanitize(&full.display().to_string()).into_owned(),
            )
        };
        match holder {
            Some((holder, same)) => self.skipped.push(format!(
                "skipped {name}: already in {holder} ({})",
                same.label()
            )),
            None => {
                self.this_batch.add_article("this batch", &article.article);
                self.sources.push(source);
                self.kept.push(article);
            }
        }
    }
}

/// Seconds since the Unix epoch, for the batch id.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Ingest the inputs and write what is new as one batch of the library (nothing when nothing
/// is new). Files that fail are listed and the run exits 1; the good ones are still added.
pub fn run(args: &AddArgs) -> CommandResult {
    let dir = required_library_dir("add")?;
    let ingest_args = args.as_ingest();
    let pipeline = ingest::pipeline("add", &args.gazetteers)?;
    let manifest = ingest::read_manifest("add", args.manifest.as_deref(), &pipeline)?;
    let inputs = expand_inputs(&args.files).map_err(|e| add_failed(e, 1))?;
    let (held, left_out) = library::holdings(&dir)?;
    for message in left_out_messages(&left_out) {
        eprintln!("{message}");
    }
    let mut new = NewArticles::default();
    let failures = ingest::ingest_inputs(
        &pipeline,
        &ingest_args,
        &inputs,
        manifest.as_ref(),
        |path, article| {
            new.offer(&held, path, article);
            Ok(())
        },
    )?;
    for message in &new.skipped {
        eprintln!("{message}");
    }
    for failure in &failures {
        eprintln!("agenda-tui add: {failure}");
    }
    let status = if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if new.kept.is_empty() {
        eprintln!("nothing new: the library is unchanged");
        return Ok(status);
    }
    let mut batch = pipeline.build_corpus(new.kept);
    library::fit_batch(&mut batch, &held);
    let json = serde_json::to_vec(&batch).map_err(|e| add_failed(e, 1))?;
    crate::load::parse_corpus_file("the new batch", &json).map_err(|e| {
        add_failed(
            format_args!("internal error, the batch fails check: {e}"),
            1,
        )
    })?;
    let id = library::write_batch(&dir, now(), &batch, &new.sources)
        .map_err(|e| add_failed(format_args!("{}: cannot write: {e}", dir.display()), 1))?;
    eprintln!(
        "added {} ({}) to the library as batch {id}",
        plural(batch.articles.len(), "article", "articles"),
        plural(batch.statements.len(), "statement", "statements"),
    );
    if !failures.is_empty() {
        return Err(add_failed(
            format_args!("{} of {} files failed", failures.len(), inputs.len()),
            1,
        ));
    }
    Ok(status)
}
