//! The `ingest` and `eval` subcommands: arguments and runners called from `main`.

use super::{IngestOptions, Pipeline};
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use super::batch::{MAX_INPUT_BYTES, article_id};

/// Arguments of `agenda-tui ingest`.
#[derive(Debug, Clone, Args)]
pub struct IngestArgs {
    /// Article text files (UTF-8): clean bodies or web page dumps, one article each; a directory
    /// gives its .txt/.html files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Write the corpus here (whole or not at all) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "OUT.json")]
    pub output: Option<PathBuf>,
    /// Speaker country entity id (e.g. KOR); found in the text when absent.
    #[arg(long, value_name = "ID")]
    pub speaker: Option<String>,
    /// Publication date YYYY, YYYY-MM or YYYY-MM-DD; found in the text when absent.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Outlet name; found in the byline when absent.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Headline; found in the page dump when absent.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Where the article came from.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Extra gazetteer TSV file (see docs/ingest.md); repeatable.
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,
    /// Per-file metadata: a CSV or TSV table with a header row (`file` plus any of
    /// speaker/country, published/year, source, title, url, speaker_name, speaker_post).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Write nothing when any file fails (without it, the good files are written).
    #[arg(long)]
    pub strict: bool,
    /// Also report the evidence for each article's speaker and the lines removed as boilerplate.
    #[arg(long)]
    pub verbose: bool,
}

/// Arguments of `agenda-tui eval`.
#[derive(Debug, Clone, Args)]
pub struct EvalArgs {
    /// Directory with NAME.txt, NAME.gold.json and optionally NAME.raw.txt files.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Extra gazetteer TSV file; repeatable.
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,
    /// List every wrong (sentence, target) pair and every wrong statement speaker.
    #[arg(long)]
    pub verbose: bool,
    /// Score only the odd or even articles (1-based index of the sorted names), or all.
    #[arg(long, value_name = "odd|even|all", default_value = "all")]
    pub split: super::eval::Split,
    /// Print the report as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

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

fn open_sink(output: Option<&Path>) -> std::io::Result<Sink> {
    match output {
        Some(path) => {
            let dir = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            let mut builder = tempfile::Builder::new();
            builder.prefix(".agenda-tui-").suffix(".tmp");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                builder.permissions(std::fs::Permissions::from_mode(0o666));
            }
            Ok(Sink::File(builder.tempfile_in(dir)?))
        }
        None => Ok(Sink::Stdout(Vec::new())),
    }
}

fn summary_line(result: &super::batch::FileResult, ingested: &super::IngestedArticle) -> String {
    let mut targets: Vec<&str> = Vec::new();
    for statement in &ingested.statements {
        for t in &statement.targets {
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
        "{}: {} statements, speaker {}, targets [{}], leaders [{}]{warning}",
        crate::text::sanitize(&result.path.display().to_string()),
        ingested.statements.len(),
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

/// Run `agenda-tui ingest`.
pub fn run_ingest(args: &IngestArgs) -> ExitCode {
    let pipeline = match Pipeline::with_extra(&args.gazetteers) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("agenda-tui ingest: {e}");
            return ExitCode::from(2);
        }
    };
    let manifest = match &args.manifest {
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(e) => {
                    eprintln!("agenda-tui ingest: {}: {e}", path.display());
                    return ExitCode::from(2);
                }
            };
            let label = path.display().to_string();
            match super::manifest::Manifest::parse(&label, &text, |id| {
                pipeline.gazetteer.entity(id).is_some()
            }) {
                Ok(manifest) => Some(manifest),
                Err(e) => {
                    eprintln!("agenda-tui ingest: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        None => None,
    };
    let inputs = match super::batch::expand_inputs(&args.files) {
        Ok(inputs) => inputs,
        Err(e) => {
            eprintln!("agenda-tui ingest: {e}");
            return ExitCode::from(1);
        }
    };
    let flags = IngestOptions {
        id: None,
        speaker: args.speaker.clone(),
        published: args.published.clone(),
        source: args.source.clone(),
        title: args.title.clone(),
        url: args.url.clone(),
        gazetteers: Vec::new(),
        speaker_name: None,
        speaker_post: None,
    };
    let sink = match open_sink(args.output.as_deref()) {
        Ok(sink) => sink,
        Err(e) => {
            let name = args
                .output
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            eprintln!("agenda-tui ingest: {name}: cannot write: {e}");
            return ExitCode::from(1);
        }
    };
    let mut stream = match super::batch::CorpusStream::new(sink) {
        Ok(stream) => stream,
        Err(e) => {
            eprintln!("agenda-tui ingest: cannot write: {e}");
            return ExitCode::from(1);
        }
    };
    let total_bytes: u64 = inputs
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let bar = progress_bar(inputs.len(), total_bytes);
    let mut done = 0;
    let on_result = |result: &super::batch::FileResult| {
        done += 1;
        if let Some(bar) = &bar {
            bar.inc(std::fs::metadata(&result.path).map_or(result.bytes, |m| m.len()));
            bar.set_message(format!("{done}/{}", inputs.len()));
        }
        let Ok(ingested) = &result.outcome else {
            return;
        };
        let mut lines = vec![summary_line(result, ingested)];
        if args.verbose {
            for reason in &ingested.speaker_reasons {
                lines.push(format!(
                    "  speaker {}: {reason}",
                    ingested.article.speaker_country
                ));
            }
            for line in &ingested.removed {
                lines.push(format!("  removed: {}", crate::text::sanitize(line)));
            }
        }
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
    let failures = match super::batch::run_batch(
        &pipeline,
        &inputs,
        &flags,
        manifest.as_ref(),
        &mut stream,
        on_result,
    ) {
        Ok(failures) => failures,
        Err(e) => {
            eprintln!("agenda-tui ingest: cannot write: {e}");
            return ExitCode::from(1);
        }
    };
    let failures: Vec<String> = failures
        .iter()
        .map(|f| crate::text::sanitize(f).into_owned())
        .collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let (sink, totals) = match stream.finish(&pipeline) {
        Ok(done) => done,
        Err(e) => {
            eprintln!("agenda-tui ingest: cannot write: {e}");
            return ExitCode::from(1);
        }
    };
    for failure in &failures {
        eprintln!("agenda-tui ingest: {failure}");
    }
    let write_nothing = totals.articles == 0 || (args.strict && !failures.is_empty());
    if write_nothing {
        if inputs.len() > 1 && !failures.is_empty() {
            eprintln!(
                "agenda-tui ingest: {} of {} files failed; nothing written",
                failures.len(),
                inputs.len()
            );
        }
        return ExitCode::from(1);
    }
    match sink {
        Sink::File(temp) => {
            let path = args.output.as_deref().unwrap_or(Path::new("."));
            if let Err(e) = temp
                .as_file()
                .sync_all()
                .and_then(|_| temp.persist(path).map(|_| ()).map_err(|e| e.error))
            {
                eprintln!("agenda-tui ingest: {}: cannot write: {e}", path.display());
                return ExitCode::from(1);
            }
            eprintln!(
                "wrote {} statements from {} articles to {}",
                totals.statements,
                totals.articles,
                path.display()
            );
        }
        Sink::Stdout(buffer) => {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(&buffer).and_then(|_| stdout.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                eprintln!("agenda-tui ingest: cannot write to stdout: {e}");
                return ExitCode::from(1);
            }
        }
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "agenda-tui ingest: {} of {} files failed",
            failures.len(),
            inputs.len()
        );
        ExitCode::from(1)
    }
}

/// Run `agenda-tui eval`.
pub fn run_eval(args: &EvalArgs) -> ExitCode {
    let pipeline = match Pipeline::with_extra(&args.gazetteers) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("agenda-tui eval: {e}");
            return ExitCode::from(2);
        }
    };
    match super::eval::evaluate_split(&pipeline, &args.dir, args.split) {
        Ok(report) => {
            if args.json {
                println!("{}", super::eval::report_json(&report));
            } else {
                print!("{}", super::eval::format_report(&report, args.verbose));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("agenda-tui eval: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::export::write_atomically;

    #[test]
    fn atomic_write_replaces_the_file_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.json");
        write_atomically(&path, b"first").expect("write");
        write_atomically(&path, b"second").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        let leftovers = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(leftovers, 1);
    }
}
