//! Reading corpus files: size and encoding limits, JSON parsing straight into the model, validation
//! with located problems, and merging several files into one [`Corpus`].

use crate::model::{Corpus, CorpusFile, FORMAT_NAME, FORMAT_VERSION};
use crate::progress::LoadProgress;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

mod merge;
mod validate;

pub use merge::{merge, merge_leaving_out};
use validate::validate_file;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 1 << 30;
/// At most this many problems are reported per load; the rest are counted.
pub const MAX_PROBLEMS: usize = 50;
/// The seed corpus shipped inside the binary.
pub const EMBEDDED_SEED: &str = include_str!("../../data/corpus/seed.json");
/// Display name of the embedded seed corpus.
pub const EMBEDDED_SEED_NAME: &str = "seed corpus (embedded)";

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole.
    File,
    /// A line and column (1-based), for syntax and encoding errors.
    LineColumn(usize, usize),
    /// A JSON path such as `statements[3].targets[0]`, with a line and column when known.
    Field(String, Option<(usize, usize)>),
}

/// One thing wrong with an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as the user named it.
    pub file: String,
    /// Where in the file.
    pub location: Location,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    fn new(file: &str, location: Location, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Location::File => write!(f, "{}: {}", self.file, self.message),
            Location::LineColumn(line, column) => {
                write!(f, "{}:{line}:{column}: {}", self.file, self.message)
            }
            Location::Field(path, Some((line, column))) => {
                write!(f, "{}:{line}:{column}: {path}: {}", self.file, self.message)
            }
            Location::Field(path, None) => write!(f, "{}: {path}: {}", self.file, self.message),
        }
    }
}

/// Why a load failed.
#[derive(Debug)]
pub enum LoadError {
    /// The data is invalid: every problem found, up to [`MAX_PROBLEMS`], and how many more there were.
    Invalid {
        /// The problems reported.
        problems: Vec<Problem>,
        /// How many further problems were left out.
        omitted: usize,
    },
    /// The file could not be read at all (missing, a directory, no permission...).
    Io {
        /// The file, as the user named it.
        file: String,
        /// The operating system's explanation.
        message: String,
    },
}

impl LoadError {
    /// The process exit status for this failure: 2 for invalid data, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            LoadError::Invalid { .. } => 2,
            LoadError::Io { .. } => 1,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Invalid { problems, omitted } => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "error: {p}")?;
                }
                if *omitted > 0 {
                    write!(f, "\n... and {omitted} more problems")?;
                }
                Ok(())
            }
            LoadError::Io { file, message } => write!(f, "error: {file}: {message}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Collects problems up to the cap and counts the rest.
#[derive(Debug, Default)]
struct Problems {
    list: Vec<Problem>,
    omitted: usize,
}

impl Problems {
    fn push(&mut self, problem: Problem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(problem);
        } else {
            self.omitted += 1;
        }
    }

    fn into_result<T>(self, value: T) -> Result<T, LoadError> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(LoadError::Invalid {
                problems: self.list,
                omitted: self.omitted,
            })
        }
    }
}

fn invalid(problem: Problem) -> LoadError {
    LoadError::Invalid {
        problems: vec![problem],
        omitted: 0,
    }
}

/// serde_json's message without its trailing " at line L column C".
fn bare_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(pos) if err.line() > 0 => text[..pos].to_string(),
        _ => text,
    }
}

/// Only the header, read first so that a foreign file is named as such rather than as a
/// pile of missing fields.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// Parse one corpus file from bytes and validate it on its own. `file` names it in problems.
pub fn parse_corpus_file(file: &str, bytes: &[u8]) -> Result<CorpusFile, LoadError> {
    parse_corpus_file_with(file, bytes, &LoadProgress::new())
}

/// [`parse_corpus_file`], reporting how far it is to `progress`.
pub fn parse_corpus_file_with(
    file: &str,
    bytes: &[u8],
    progress: &LoadProgress,
) -> Result<CorpusFile, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(file, bytes.len() as u64));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = crate::fsio::line_column(bytes, e.valid_up_to());
            return Err(invalid(Problem::new(
                file,
                Location::LineColumn(line, column),
                "not valid UTF-8 (corpus files must be UTF-8 JSON)",
            )));
        }
    };
    let first = text.char_indices().find(|(_, c)| !c.is_whitespace());
    if let Some((pos, c)) = first
        && c != '{'
    {
        let (line, column) = crate::fsio::line_column(bytes, pos);
        return Err(invalid(Problem::new(
            file,
            Location::LineColumn(line, column),
            "a corpus file must be a JSON object",
        )));
    }
    // The fast path parses once, straight into the model (a large file's two arrays ahead, on
    // both cores, then the rest without them). Only a file that fails is parsed again, more
    // slowly, to say where and why.
    let parsed = progress.parsing(text, || {
        crate::model::note_articles_ahead(text);
        if let Some(rest) = crate::model::without_arrays_ahead(text) {
            if let Ok(corpus) = serde_json::from_str::<CorpusFile>(&rest) {
                return Ok(corpus);
            }
            crate::model::forget_noted_bodies();
        }
        serde_json::from_str::<CorpusFile>(text)
    });
    crate::model::forget_noted_bodies();
    let corpus = match parsed {
        Ok(corpus) => corpus,
        Err(_) => return Err(locate_parse_error(file, text)),
    };
    if corpus.format != FORMAT_NAME {
        return Err(invalid(Problem::new(
            file,
            Location::Field("format".into(), None),
            format!(
                "unknown format \"{}\", expected \"{FORMAT_NAME}\"",
                corpus.format
            ),
        )));
    }
    if corpus.version != FORMAT_VERSION {
        return Err(invalid(Problem::new(
            file,
            Location::Field("version".into(), None),
            format!(
                "unsupported version {}, this build reads version {FORMAT_VERSION}",
                corpus.version
            ),
        )));
    }
    let mut problems = Problems::default();
    validate_file(file, &corpus, &mut problems);
    problems.into_result(corpus)
}

/// Why `text` does not parse as a corpus file: a foreign or future header first, then the JSON
/// path, line and column of the first syntax or type error.
fn locate_parse_error(file: &str, text: &str) -> LoadError {
    let header: Header = match serde_json::from_str(text) {
        Ok(header) => header,
        Err(e) => {
            let message = if e.is_data() {
                "a corpus file must be a JSON object".to_string()
            } else {
                bare_message(&e)
            };
            return invalid(Problem::new(
                file,
                Location::LineColumn(e.line(), e.column()),
                message,
            ));
        }
    };
    match header.format {
        Some(serde_json::Value::String(s)) if s == FORMAT_NAME => {}
        Some(other) => {
            return invalid(Problem::new(
                file,
                Location::Field("format".into(), None),
                format!("unknown format {other}, expected \"{FORMAT_NAME}\""),
            ));
        }
        None => {
            return invalid(Problem::new(
                file,
                Location::Field("format".into(), None),
                format!("missing field `format` (expected \"{FORMAT_NAME}\")"),
            ));
        }
    }
    match header.version {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION as u64) => {}
        Some(other) => {
            return invalid(Problem::new(
                file,
                Location::Field("version".into(), None),
                format!("unsupported version {other}, this build reads version {FORMAT_VERSION}"),
            ));
        }
        None => {
            return invalid(Problem::new(
                file,
                Location::Field("version".into(), None),
                "missing field `version`",
            ));
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, CorpusFile>(&mut de) {
        Ok(_) => invalid(Problem::new(
            file,
            Location::File,
            "not a valid corpus file",
        )),
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let at = (inner.line() > 0).then(|| (inner.line(), inner.column()));
            let location = if path == "." || path.is_empty() {
                match at {
                    Some((l, c)) => Location::LineColumn(l, c),
                    None => Location::File,
                }
            } else {
                Location::Field(path, at)
            };
            invalid(Problem::new(file, location, bare_message(&inner)))
        }
    }
}

/// The problem of a file over [`MAX_FILE_BYTES`].
fn too_large(file: &str, bytes: u64) -> LoadError {
    invalid(Problem::new(
        file,
        Location::File,
        format!("file is {bytes} bytes, over the {MAX_FILE_BYTES} byte limit"),
    ))
}

/// An operating-system failure on `path`.
fn io_error(path: &Path, error: &std::io::Error) -> LoadError {
    LoadError::Io {
        file: path.display().to_string(),
        message: error.to_string(),
    }
}

/// Read a file's bytes with the size limit checked first; I/O failures name the file.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let file = path.display().to_string();
    let io = |e: std::io::Error| io_error(path, &e);
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(LoadError::Io {
            file,
            message: "is a directory".into(),
        });
    }
    if !meta.is_file() {
        return Err(LoadError::Io {
            file,
            message: "not a regular file".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(&file, meta.len()));
    }
    std::fs::read(path).map_err(io)
}

/// Expand `--data`/`check` arguments: files as given, directories to their `*.json` files, sorted.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
        if meta.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| io_error(path, &e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
                .collect();
            if found.is_empty() {
                return Err(LoadError::Io {
                    file: path.display().to_string(),
                    message: "directory holds no *.json corpus files".into(),
                });
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Parse and validate one file from disk.
pub fn load_file(path: &Path) -> Result<CorpusFile, LoadError> {
    load_file_with(path, &LoadProgress::new())
}

/// [`load_file`], reporting how far it is to `progress` (the file must have been started
/// there with [`LoadProgress::start_file`]).
pub fn load_file_with(path: &Path, progress: &LoadProgress) -> Result<CorpusFile, LoadError> {
    let bytes = read_limited(path)?;
    parse_corpus_file_with(&path.display().to_string(), &bytes, progress)
}

/// Load and merge the corpora at `paths` (files or directories of `*.json`). Problems from all
/// files are gathered before failing.
pub fn load_paths(paths: &[PathBuf]) -> Result<Corpus, LoadError> {
    load_paths_with(paths, &LoadProgress::new())
}

/// [`load_paths`], reporting how far it is to `progress`.
pub fn load_paths_with(paths: &[PathBuf], progress: &LoadProgress) -> Result<Corpus, LoadError> {
    let files = expand_paths(paths)?;
    let mut parsed = Vec::with_capacity(files.len());
    let mut problems = Problems::default();
    for (n, path) in files.iter().enumerate() {
        let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
        progress.start_file(&path.display().to_string(), n + 1, files.len(), bytes);
        match load_file_with(path, progress) {
            Ok(corpus) => parsed.push((path.display().to_string(), corpus)),
            Err(LoadError::Invalid {
                problems: found,
                omitted,
            }) => {
                for p in found {
                    problems.push(p);
                }
                problems.omitted += omitted;
            }
            Err(io) => return Err(io),
        }
    }
    problems.into_result(())?;
    let name = match files.as_slice() {
        [one] => one.display().to_string(),
        many => format!("{} files", many.len()),
    };
    merge(name, parsed)
}

/// The corpora at `paths`, or the embedded seed corpus when no path is given.
pub fn load_or_seed(paths: &[PathBuf]) -> Result<Corpus, LoadError> {
    load_or_seed_with(paths, &LoadProgress::new())
}

/// [`load_or_seed`], reporting how far it is to `progress`.
pub fn load_or_seed_with(paths: &[PathBuf], progress: &LoadProgress) -> Result<Corpus, LoadError> {
    if paths.is_empty() {
        embedded_seed()
    } else {
        load_paths_with(paths, progress)
    }
}

/// The seed corpus compiled into the binary.
pub fn embedded_seed() -> Result<Corpus, LoadError> {
    let file = parse_corpus_file(EMBEDDED_SEED_NAME, EMBEDDED_SEED.as_bytes())?;
    merge(
        EMBEDDED_SEED_NAME.to_string(),
        vec![(EMBEDDED_SEED_NAME.to_string(), file)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_before_articles_share_their_bodies_and_are_still_checked() {
        let seed = embedded_seed().expect("seed");
        let file = seed.to_file();
        let json = |value: serde_json::Result<String>| value.expect("json");
        let text = format!(
            r#"{{"format": "{}", "version": {}, "statements": {}, "articles": {}, "entities": {}, "leaders": {}}}"#,
            file.format,
            file.version,
            json(serde_json::to_string(&file.statements)),
            json(serde_json::to_string(&file.articles)),
            json(serde_json::to_string(&file.entities)),
            json(serde_json::to_string(&file.leaders)),
        );
        assert!(text.find("\"statements\"") < text.find("\"articles\""));
        let parsed = parse_corpus_file("reordered.json", text.as_bytes()).expect("valid");
        assert_eq!(parsed, file);
        let body = &parsed.articles[0].body;
        assert!(parsed.statements.iter().all(|s| s.text.shares(body)));

        let first = &file.statements[0].text;
        let broken = text.replacen(&format!("\"{first}\""), "\"Not the body.\"", 1);
        let error = parse_corpus_file("reordered.json", broken.as_bytes())
            .expect_err("a text that differs from its body")
            .to_string();
        assert!(
            error.contains("statements[0].text: text is not equal to the article body"),
            "{error}"
        );
    }

    /// A file over the size from which statements are parsed on two threads, one statement
    /// a line as `ingest` writes them, statements first or last.
    fn large_file_text(file: &CorpusFile, statements_first: bool) -> String {
        let json = |value: serde_json::Result<String>| value.expect("json");
        let statements: Vec<String> = file
            .statements
            .iter()
            .map(|s| json(serde_json::to_string(s)))
            .collect();
        let statements = format!("[\n{}\n]", statements.join(",\n"));
        let articles = json(serde_json::to_string(&file.articles));
        let (first, second) = if statements_first {
            (("statements", &statements), ("articles", &articles))
        } else {
            (("articles", &articles), ("statements", &statements))
        };
        format!(
            r#"{{"format": "{}", "version": {}, "entities": {}, "leaders": {}, "{}": {}, "{}": {}}}"#,
            file.format,
            file.version,
            json(serde_json::to_string(&file.entities)),
            json(serde_json::to_string(&file.leaders)),
            first.0,
            first.1,
            second.0,
            second.1,
        )
    }

    #[test]
    fn a_large_file_parses_on_two_threads_as_in_one_pass_and_is_still_checked() {
        let seed = embedded_seed().expect("seed");
        let mut file = seed.to_file();
        let template = file.statements.clone();
        let mut n = 0;
        while file.statements.len() * 250 < 10 << 20 {
            for s in &template {
                let mut copy = s.clone();
                copy.id = format!("large-{n}").into();
                n += 1;
                file.statements.push(copy);
            }
        }
        for statements_first in [true, false] {
            let text = large_file_text(&file, statements_first);
            assert!(text.len() > 10 << 20);
            let parsed = parse_corpus_file("large.json", text.as_bytes()).expect("valid");
            assert_eq!(parsed, file);
            for s in &parsed.statements {
                let a = parsed
                    .articles
                    .iter()
                    .position(|a| a.id == s.article.as_str());
                assert!(s.text.shares(&parsed.articles[a.expect("article")].body));
            }
            // A statement near the end (parsed by the second thread) that is wrong is reported
            // where it is, by the one-pass parse.
            let last = file.statements.len() - 1;
            let id = format!("\"id\":\"{}\"", file.statements[last].id);
            let broken = text.replacen(&id, &format!("{id},\"extra\":1"), 1);
            let error = parse_corpus_file("large.json", broken.as_bytes())
                .expect_err("an unknown field")
                .to_string();
            assert!(error.contains(&format!("statements[{last}]")), "{error}");
            // Both arrays parsed ahead, the rest is parsed without them; a wrong entity there
            // is still reported where it is.
            crate::model::note_articles_ahead(&text);
            let rest = crate::model::without_arrays_ahead(&text).expect("both arrays ahead");
            crate::model::forget_noted_bodies();
            assert!(rest.len() < 64 << 10, "{} bytes left", rest.len());
            assert!(rest.contains("\"articles\":[]") && rest.contains("\"statements\":[]"));
            let broken = text.replacen("\"kind\":\"country\"", "\"kind\":\"country\",\"x\":1", 1);
            let error = parse_corpus_file("large.json", broken.as_bytes())
                .expect_err("an unknown field")
                .to_string();
            assert!(error.contains("entities[0]"), "{error}");
        }
    }

    #[test]
    fn statement_problems_are_listed_in_statement_order_up_to_the_cap() {
        let mut file = embedded_seed().expect("seed").to_file();
        let template = file.statements[0].clone();
        file.statements = (0..40)
            .map(|_| {
                let mut s = template.clone();
                s.id = "same".into();
                s.labels = crate::model::Labels::new(["NOWHERE".into()], [], []);
                s
            })
            .collect();
        let text = serde_json::to_string(&file).expect("json");
        let Err(LoadError::Invalid { problems, omitted }) =
            parse_corpus_file("p.json", text.as_bytes())
        else {
            panic!("invalid");
        };
        let paths: Vec<String> = problems
            .iter()
            .map(|p| match &p.location {
                Location::Field(path, _) => path.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            paths[..5],
            [
                "statements[0].targets[0]",
                "statements[1].id",
                "statements[1].targets[0]",
                "statements[2].id",
                "statements[2].targets[0]",
            ]
        );
        assert_eq!(
            (problems.len(), omitted),
            (MAX_PROBLEMS, 40 + 39 - MAX_PROBLEMS)
        );
    }

    #[test]
    fn embedded_seed_loads() {
        let corpus = embedded_seed().expect("seed is valid");
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(corpus.statements.len(), 15);
    }
}
