//! The `ingest` and `eval` subcommands: arguments and runners called from `main`.

use super::{IngestOptions, Pipeline};
use crate::export::write_atomically;
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Largest input article read (bytes).
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// Arguments of `agenda-tui ingest`.
#[derive(Debug, Clone, Args)]
pub struct IngestArgs {
    /// Article text files (UTF-8): clean bodies or web page dumps; one article each.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Write the corpus here (whole or not at all) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "OUT.json")]
    pub output: Option<PathBuf>,
    /// Speaker country entity id (e.g. KOR); found in the text when absent.
    #[arg(long, value_name = "ID")]
    pub speaker: Option<String>,
    /// Publication date YYYY-MM-DD; found in the text when absent.
    #[arg(long, value_name = "YYYY-MM-DD")]
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
    /// Also report the lines removed as boilerplate.
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

/// A file name made into an article id: the stem, with anything but letters, digits, `-`, `_`
/// and `.` replaced by `-`.
pub fn article_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".raw.txt")
        .or_else(|| name.strip_suffix(".txt"))
        .unwrap_or(&name);
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if id.trim_matches('-').is_empty() {
        "article".to_string()
    } else {
        id
    }
}

fn read_article(path: &Path) -> Result<String, String> {
    let metadata = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !metadata.is_file() {
        return Err("not a file".to_string());
    }
    if metadata.len() > MAX_INPUT_BYTES {
        return Err(format!("larger than {MAX_INPUT_BYTES} bytes"));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "not valid UTF-8 text".to_string())
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
    let progress = args.files.len() > 3 && std::io::stderr().is_terminal();
    let mut articles = Vec::with_capacity(args.files.len());
    for (n, path) in args.files.iter().enumerate() {
        if progress {
            eprint!(
                "\r[{}/{}] {}\x1b[K",
                n + 1,
                args.files.len(),
                crate::text::sanitize(&path.display().to_string())
            );
        }
        let text = match read_article(path) {
            Ok(t) => t,
            Err(e) => {
                if progress {
                    eprintln!();
                }
                eprintln!("agenda-tui ingest: {}: {e}", path.display());
                return ExitCode::from(1);
            }
        };
        let options = IngestOptions {
            id: Some(article_id(path)),
            speaker: args.speaker.clone(),
            published: args.published.clone(),
            source: args.source.clone(),
            title: args.title.clone(),
            url: args.url.clone(),
            gazetteers: Vec::new(),
        };
        let ingested = match pipeline.ingest(&text, &options) {
            Ok(a) => a,
            Err(e) => {
                if progress {
                    eprintln!();
                }
                eprintln!("agenda-tui ingest: {}: {e}", path.display());
                return ExitCode::from(1);
            }
        };
        if progress {
            eprint!("\r\x1b[K");
        }
        let mut targets: Vec<&str> = Vec::new();
        for statement in &ingested.statements {
            for t in &statement.targets {
                if !targets.contains(&t.as_str()) {
                    targets.push(t);
                }
            }
        }
        eprintln!(
            "{}: {} statements, speaker {}, targets [{}], leaders [{}]",
            path.display(),
            ingested.statements.len(),
            ingested.article.speaker_country,
            targets.join(", "),
            ingested
                .leaders
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        if args.verbose {
            for reason in &ingested.speaker_reasons {
                eprintln!("  speaker {}: {reason}", ingested.article.speaker_country);
            }
            for line in &ingested.removed {
                eprintln!("  removed: {line}");
            }
        }
        articles.push(ingested);
    }
    let corpus = pipeline.build_corpus(articles);
    let json = match serde_json::to_string_pretty(&corpus) {
        Ok(j) => j + "\n",
        Err(e) => {
            eprintln!("agenda-tui ingest: cannot serialise the corpus: {e}");
            return ExitCode::from(1);
        }
    };
    let name = args
        .output
        .as_ref()
        .map_or("<stdout>".to_string(), |p| p.display().to_string());
    if let Err(e) = crate::load::parse_corpus_file(&name, json.as_bytes()) {
        eprintln!("agenda-tui ingest: internal error, the corpus does not pass check: {e}");
        return ExitCode::from(1);
    }
    match &args.output {
        Some(path) => {
            if let Err(e) = write_atomically(path, json.as_bytes()) {
                eprintln!("agenda-tui ingest: {}: cannot write: {e}", path.display());
                return ExitCode::from(1);
            }
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout
                .write_all(json.as_bytes())
                .and_then(|_| stdout.flush())
            {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
                eprintln!("agenda-tui ingest: cannot write to stdout: {e}");
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
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
    use super::*;

    #[test]
    fn article_ids_come_from_file_names() {
        assert_eq!(article_id(Path::new("/x/kbs-2022.raw.txt")), "kbs-2022");
        assert_eq!(article_id(Path::new("a b.txt")), "a-b");
        assert_eq!(article_id(Path::new("/")), "article");
    }

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
