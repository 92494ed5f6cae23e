//! `agenda-tui ingest` and `agenda-tui eval`: the pipeline of [`crate::ingest`] run over files,
//! with a progress bar, summaries and failures on standard error.

use super::{CommandError, CommandResult, Output};
use crate::cli::{EvalArgs, IngestArgs};
use crate::ingest::article::expand_inputs;
use crate::ingest::batch::{CorpusStream, FileResult, StreamTotals, run_batch};
use crate::ingest::manifest::Manifest;
use crate::ingest::{IngestOptions, IngestedArticle, Pipeline, eval};
use crate::text::sanitize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The pipeline with the extra gazetteers; a bad gazetteer exits 2.
pub(super) fn pipeline(command: &str, gazetteers: &[PathBuf]) -> Result<Pipeline, CommandError> {
    Pipeline::with_extra(gazetteers)
        .map_err(|e| CommandError::failed(format!("agenda-tui {command}: {e}"), 2))
}

/// A failure of `agenda-tui ingest` worded as `message`, exiting 1.
fn ingest_failed(message: impl std::fmt::Display) -> CommandError {
    CommandError::failed(format!("agenda-tui ingest: {message}"), 1)
}

/// The manifest named by `--manifest`, its entity ids checked against the gazetteer; a file
/// that cannot be read or parsed exits 2 (the message starts with `agenda-tui COMMAND:`).
pub(super) fn read_manifest(
    command: &str,
    path: Option<&Path>,
    pipeline: &Pipeline,
) -> Result<Option<Manifest>, CommandError> {
    let Some(path) = path else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        CommandError::failed(format!("agenda-tui {command}: {}: {e}", path.display()), 2)
    })?;
    let label = path.display().to_string();
    Manifest::parse(&label, &text, |id| pipeline.gazetteer.entity(id).is_some())
        .map(Some)
        .map_err(|e| CommandError::failed(format!("agenda-tui {command}: {e}"), 2))
}

/// The options every file starts from: the flags of the command line.
fn flag_options(args: &IngestArgs) -> IngestOptions {
    IngestOptions {
        id: None,
        speaker: args.speaker.clone(),
        published: args.published.clone(),
        source: args.source.clone(),
        title: args.title.clone(),
        url: args.url.clone(),
        gazetteers: Vec::new(),
        speaker_name: None,
        speaker_post: None,
    }
}

/// A progress bar over the input bytes, drawn on standard error when it is a terminal and
/// there is more than one file.
fn progress_bar(files: usize, total_bytes: u64) -> Option<indicatif::ProgressBar> {
    if files < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total_bytes);
    let style = indicatif::ProgressStyle::with_template(
        "{bar:30} {msg} files {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}",
    )
    .ok()?;
    bar.set_style(style);
    Some(bar)
}

/// Where the corpus goes: a temporary file renamed over `-o OUT` at the end, or a buffer for
/// standard output (so a failed `--strict` run prints nothing).
enum Sink {
    File(tempfile::NamedTempFile),
    Stdout(Vec<u8>),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::File(file) => file.write(buf),
            Sink::Stdout(buffer) => buffer.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::File(file) => file.flush(),
            Sink::Stdout(_) => Ok(()),
        }
    }
}

/// The sink for `-o OUT` (a temporary file beside it) or for standard output.
fn open_sink(output: Option<&Path>) -> std::io::Result<Sink> {
    match output {
        Some(path) => Ok(Sink::File(crate::fsio::temp_file_beside(path)?)),
        None => Ok(Sink::Stdout(Vec::new())),
    }
}

/// The summary printed for one ingested file, with warnings for what the text did not say.
fn summary_line(result: &FileResult, ingested: &IngestedArticle) -> String {
    let mut targets: Vec<&str> = Vec::new();
    for statement in &ingested.statements {
        for t in statement.targets() {
            if !targets.contains(&t.as_str()) {
                targets.push(t);
            }
        }
    }
    let warnings = result.warnings();
    let warning = if warnings.is_empty() {
        String::new()
    } else {
        format!(" (warning: {})", warnings.join(", "))
    };
    format!(
        "{}: {}, speaker {}, targets [{}], leaders [{}]{warning}",
        sanitize(&result.path.display().to_string()),
        crate::text::plural(ingested.statements.len(), "statement", "statements"),
        ingested.article.speaker_country,
        targets.join(", "),
        ingested
            .leaders
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The lines reported for one file: its summary, and with `verbose` the speaker's evidence
/// and the lines removed as boilerplate. A failed file reports nothing here.
fn result_lines(result: &FileResult, verbose: bool) -> Vec<String> {
    let Ok(ingested) = &result.outcome else {
        return Vec::new();
    };
    let mut lines = vec![summary_line(result, ingested)];
    if verbose {
        for reason in &ingested.speaker_reasons {
            lines.push(format!(
                "  speaker {}: {reason}",
                ingested.article.speaker_country
            ));
        }
        for line in &ingested.removed {
            lines.push(format!("  removed: {}", sanitize(line)));
        }
    }
    lines
}

/// Ingest `inputs`, handing each article to `take` with its path (`agenda-tui ingest` streams
/// it, `agenda-tui add` keeps it), reporting each file on standard error under a progress bar.
/// Returns the failures as "FILE: reason", made safe to print.
pub(super) fn ingest_inputs(
    pipeline: &Pipeline,
    args: &IngestArgs,
    inputs: &[PathBuf],
    manifest: Option<&Manifest>,
    take: impl FnMut(&Path, IngestedArticle) -> std::io::Result<()>,
) -> Result<Vec<String>, CommandError> {
    let total_bytes: u64 = inputs
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let bar = progress_bar(inputs.len(), total_bytes);
    let mut done = 0;
    let on_result = |result: &FileResult| {
        done += 1;
        if let Some(bar) = &bar {
            bar.inc(std::fs::metadata(&result.path).map_or(result.bytes, |m| m.len()));
            bar.set_message(format!("{done}/{}", inputs.len()));
        }
        let lines = result_lines(result, args.verbose);
        let print = || {
            let mut stderr = std::io::stderr().lock();
            for line in &lines {
                let _ = writeln!(stderr, "{line}");
            }
        };
        match &bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    };
    let flags = flag_options(args);
    let failures = run_batch(pipeline, inputs, &flags, manifest, take, on_result);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let failures = failures.map_err(|e| ingest_failed(format_args!("cannot write: {e}")))?;
    Ok(failures.iter().map(|f| sanitize(f).into_owned()).collect())
}

/// Put the finished corpus where it goes: rename the temporary file over `-o OUT` (and say
/// what was written), or write the buffer to standard output.
fn deliver(sink: Sink, output: Option<&Path>, totals: StreamTotals) -> Result<(), CommandError> {
    match sink {
        Sink::File(temp) => {
            let path = output.unwrap_or(Path::new("."));
            temp.as_file()
                .sync_all()
                .and_then(|_| temp.persist(path).map(|_| ()).map_err(|e| e.error))
                .map_err(|e| {
                    ingest_failed(format_args!("{}: cannot write: {e}", path.display()))
                })?;
            eprintln!(
                "wrote {} statements from {} articles to {}",
                totals.statements,
                totals.articles,
                path.display()
            );
            Ok(())
        }
        Sink::Stdout(buffer) => Output::new().with(|out| out.write_all(&buffer)),
    }
}

/// Turn the inputs into a corpus, streamed to `-o FILE` (whole or not at all) or standard
/// output. Files that fail are listed and the run exits 1; the good ones are written unless
/// `--strict` is given or none is good.
pub fn run_ingest(args: &IngestArgs) -> CommandResult {
    let pipeline = pipeline("ingest", &args.gazetteers)?;
    let manifest = read_manifest("ingest", args.manifest.as_deref(), &pipeline)?;
    let inputs = expand_inputs(&args.files).map_err(ingest_failed)?;
    let sink = open_sink(args.output.as_deref()).map_err(|e| {
        let name = args
            .output
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        ingest_failed(format_args!("{name}: cannot write: {e}"))
    })?;
    let mut stream =
        CorpusStream::new(sink).map_err(|e| ingest_failed(format_args!("cannot write: {e}")))?;
    let failures = ingest_inputs(&pipeline, args, &inputs, manifest.as_ref(), |_, article| {
        stream.push(article)
    })?;
    let (sink, totals) = stream
        .finish(&pipeline)
        .map_err(|e| ingest_failed(format_args!("cannot write: {e}")))?;
    for failure in &failures {
        eprintln!("agenda-tui ingest: {failure}");
    }
    let failed = format!("{} of {} files failed", failures.len(), inputs.len());
    if totals.articles == 0 || (args.strict && !failures.is_empty()) {
        if inputs.len() > 1 && !failures.is_empty() {
            return Err(ingest_failed(format_args!("{failed}; nothing written")));
        }
        return Ok(ExitCode::from(1));
    }
    deliver(sink, args.output.as_deref(), totals)?;
    if failures.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(ingest_failed(failed))
    }
}

/// Score the pipeline against the gold annotations in the directory (or one half of them) and
/// print the report as a table or, with `--json`, one JSON object.
pub fn run_eval(args: &EvalArgs) -> CommandResult {
    let pipeline = pipeline("eval", &args.gazetteers)?;
    let report = eval::evaluate_split(&pipeline, &args.dir, args.split)
        .map_err(|e| CommandError::failed(format!("agenda-tui eval: {e}"), 1))?;
    let text = if args.json {
        format!("{}\n", eval::report_json(&report))
    } else {
        eval::format_report(&report, args.verbose)
    };
    Output::new().write_str(&text)?;
    Ok(ExitCode::SUCCESS)
}
