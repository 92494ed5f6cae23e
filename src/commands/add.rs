//! `agenda-tui add`: ingest articles (the same inputs and pipeline as `agenda-tui ingest`)
//! into the personal library as one new batch, skipping articles it already holds.
//!
//! The batch is streamed as `ingest -o` streams its output: each new article is written as its
//! file finishes into a temporary file in the library, which is renamed into place at the end
//! (or removed when nothing was new or the run fails), so memory stays bounded however large
//! the batch. What is remembered per article is only what de-duplication needs (its URL, a
//! hash of its body, its id) and where it came from.

use super::library::{left_out_messages, required_library_dir};
use super::{CommandError, CommandResult, ingest};
use crate::cli::AddArgs;
use crate::ingest::IngestedArticle;
use crate::ingest::article::expand_inputs;
use crate::ingest::batch::CorpusStream;
use crate::library::{self, Holdings};
use crate::text::{plural, sanitize};
use std::collections::HashSet;
use std::process::ExitCode;

/// A failure of `agenda-tui add` worded as `message`, exiting `code`.
fn add_failed(message: impl std::fmt::Display, code: u8) -> CommandError {
    CommandError::failed(format!("agenda-tui add: {message}"), code)
}

/// What one `add` run remembers of the articles it has seen: the sources of those kept, the
/// messages for those skipped, and what this batch holds (for duplicates within it).
#[derive(Default)]
struct NewArticles {
    sources: Vec<String>,
    skipped: Vec<String>,
    this_batch: Holdings,
    ids: HashSet<String>,
}

impl NewArticles {
    /// `article` from `path`, made to fit beside the library, unless the library (or this
    /// batch) already has it.
    fn offer(
        &mut self,
        held: &Holdings,
        path: &std::path::Path,
        mut article: IngestedArticle,
    ) -> Option<IngestedArticle> {
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
        if let Some((holder, same)) = holder {
            self.skipped.push(format!(
                "skipped {name}: already in {holder} ({})",
                same.label()
            ));
            return None;
        }
        library::fit_article(
            &mut article.article,
            &mut article.statements,
            held,
            &mut self.ids,
        );
        self.this_batch.add_article("this batch", &article.article);
        self.sources.push(source);
        Some(article)
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
    let cannot_write =
        |e: std::io::Error| add_failed(format_args!("{}: cannot write: {e}", dir.display()), 1);
    let file = library::new_batch_file(&dir).map_err(cannot_write)?;
    let mut stream = CorpusStream::new(file).map_err(cannot_write)?;
    let mut new = NewArticles::default();
    let failures = ingest::ingest_inputs(
        &pipeline,
        &ingest_args,
        &inputs,
        manifest.as_ref(),
        |path, article| match new.offer(&held, path, article) {
            Some(article) => stream.push(article),
            None => Ok(()),
        },
    )?;
    let (file, totals) = stream
        .finish_with(&pipeline, |entities, leaders| {
            library::fit_definitions(entities, leaders, &held);
        })
        .map_err(cannot_write)?;
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
    if totals.articles == 0 {
        eprintln!("nothing new: the library is unchanged");
        return Ok(status);
    }
    let id = library::persist_batch(&dir, now(), file, &new.sources).map_err(cannot_write)?;
    eprintln!(
        "added {} ({}) to the library as batch {id}",
        plural(totals.articles, "article", "articles"),
        plural(totals.statements, "statement", "statements"),
    );
    if !failures.is_empty() {
        return Err(add_failed(
            format_args!("{} of {} files failed", failures.len(), inputs.len()),
            1,
        ));
    }
    Ok(status)
}
