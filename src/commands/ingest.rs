//! `agenda-tui ingest` and `agenda-tui eval`: the pipeline of [`crate::ingest`] run over files,
//! with progress and summaries on standard error.

use super::{CommandError, CommandResult, Output};
use crate::cli::{EvalArgs, IngestArgs};
use crate::fsio::write_atomically;
use crate::ingest::article::{article_id, read_article};
use crate::ingest::{IngestOptions, IngestedArticle, Pipeline, eval};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// The pipeline with the extra gazetteers; a bad gazetteer exits 2.
fn pipeline(command: &str, gazetteers: &[std::path::PathBuf]) -> Result<Pipeline, CommandError> {
    Pipeline::with_extra(gazetteers)
        .map_err(|e| CommandError::failed(format!("agenda-tui {command}: {e}"), 2))
}

/// Read and ingest the article at `path`.
fn ingest_file(
    pipeline: &Pipeline,
    args: &IngestArgs,
    path: &Path,
) -> Result<IngestedArticle, String> {
    let text = read_article(path)?;
    let options = IngestOptions {
        id: Some(article_id(path)),
        speaker: args.speaker.clone(),
        published: args.published.clone(),
        source: args.source.clone(),
        title: args.title.clone(),
        url: args.url.clone(),
        gazetteers: Vec::new(),
    };
    pipeline.ingest(&text, &options).map_err(|e| e.to_string())
}

/// The summary printed for one ingested article.
fn summary(path: &Path, ingested: &IngestedArticle) -> String {
    let mut targets: Vec<&str> = Vec::new();
    for statement in &ingested.statements {
        for t in &statement.targets {
            if !targets.contains(&t.as_str()) {
                targets.push(t);
            }
        }
    }
    let leaders: Vec<&str> = ingested.leaders.iter().map(|l| l.name.as_str()).collect();
    format!(
        "{}: {}, speaker {}, targets [{}], leaders [{}]",
        path.display(),
        crate::text::plural(ingested.statements.len(), "statement", "statements"),
        ingested.article.speaker_country,
        targets.join(", "),
        leaders.join(", ")
    )
}

/// Ingest every file of `args`, reporting each on standard error (with a progress line on a
/// terminal when there are more than three).
fn ingest_all(
    pipeline: &Pipeline,
    args: &IngestArgs,
) -> Result<Vec<IngestedArticle>, CommandError> {
    let progress = args.files.len() > 3 && std::io::stderr().is_terminal();
    let mut articles = Vec::with_capacity(args.files.len());
    for (n, path) in args.files.iter().enumerate() {
        if progress {
            let shown = crate::text::sanitize(&path.display().to_string()).into_owned();
            eprint!("\r[{}/{}] {shown}\x1b[K", n + 1, args.files.len());
        }
        let ingested = ingest_file(pipeline, args, path).map_err(|e| {
            if progress {
                eprintln!();
            }
            CommandError::failed(format!("agenda-tui ingest: {}: {e}", path.display()), 1)
        })?;
        if progress {
            eprint!("\r\x1b[K");
        }
        eprintln!("{}", summary(path, &ingested));
        if args.verbose {
            for line in &ingested.removed {
                eprintln!("  removed: {line}");
            }
        }
        articles.push(ingested);
    }
    Ok(articles)
}

/// Turn the files into a corpus, check it, and write it to `-o FILE` or standard output.
pub fn run_ingest(args: &IngestArgs) -> CommandResult {
    let pipeline = pipeline("ingest", &args.gazetteers)?;
    let articles = ingest_all(&pipeline, args)?;
    let corpus = pipeline.build_corpus(articles);
    let json = serde_json::to_string_pretty(&corpus).map_err(|e| {
        CommandError::failed(
            format!("agenda-tui ingest: cannot serialise the corpus: {e}"),
            1,
        )
    })? + "\n";
    let name = args
        .output
        .as_ref()
        .map_or("<stdout>".to_string(), |p| p.display().to_string());
    if let Err(e) = crate::load::parse_corpus_file(&name, json.as_bytes()) {
        return Err(CommandError::failed(
            format!("agenda-tui ingest: internal error, the corpus does not pass check: {e}"),
            1,
        ));
    }
    match &args.output {
        Some(path) => write_atomically(path, json.as_bytes()).map_err(|e| {
            CommandError::failed(
                format!("agenda-tui ingest: {}: cannot write: {e}", path.display()),
                1,
            )
        })?,
        None => Output::new().write_str(&json)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Score the pipeline against the gold annotations in the directory and print the report.
pub fn run_eval(args: &EvalArgs) -> CommandResult {
    let pipeline = pipeline("eval", &args.gazetteers)?;
    let report = eval::evaluate_dir(&pipeline, &args.dir)
        .map_err(|e| CommandError::failed(format!("agenda-tui eval: {e}"), 1))?;
    Output::new().write_str(&eval::format_report(&report, args.verbose))?;
    Ok(ExitCode::SUCCESS)
}
