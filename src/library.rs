//! The personal library: corpora added with `agenda-tui add`, one corpus file per batch in
//! `DATA_DIR/library/`, opened beside the embedded seed when no corpus is named. This module
//! says where the library is, what it holds (by URL and by body), how a new batch is made to
//! fit beside it, and writes and removes batches; it reads and writes only its own files and
//! prints nothing.

use crate::load::{self, LoadError};
use crate::model::{Article, Corpus, CorpusFile, Entity, Leader, Statement};
use crate::progress::LoadProgress;
use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The library's directory inside the data directory.
pub const LIBRARY_DIR: &str = "library";

/// The ending of a batch's list of source files, beside its corpus file `ID.json`.
pub const SOURCES_SUFFIX: &str = ".sources.tsv";

/// How the name of the seed merged with the library starts.
pub const WITH_LIBRARY: &str = "seed + library";

/// The name the seed corpus goes by when it already holds an article.
pub const SEED_HOLDER: &str = "the seed corpus";

/// The data directory: `override_dir` (`AGENDA_TUI_DATA_DIR`), else
/// `$XDG_DATA_HOME/agenda-tui` (an absolute `XDG_DATA_HOME` only, as the XDG spec says), else
/// `$HOME/.local/share/agenda-tui`; `None` when none is set. Empty values count as unset.
pub fn data_dir(
    override_dir: Option<&OsStr>,
    xdg_data_home: Option<&OsStr>,
    home: Option<&OsStr>,
) -> Option<PathBuf> {
    let set = |value: Option<&OsStr>| value.filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = set(override_dir) {
        return Some(dir);
    }
    if let Some(xdg) = set(xdg_data_home).filter(|p| p.is_absolute()) {
        return Some(xdg.join("agenda-tui"));
    }
    set(home).map(|home| home.join(".local/share/agenda-tui"))
}

/// The library directory inside `data_dir`.
pub fn library_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(LIBRARY_DIR)
}

/// Days since 1970-01-01 to a (year, month, day) of the proleptic Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A batch id from the time it was added (Unix seconds, UTC) and a number that makes it
/// unique within that second: `20261201T011500Z-1`.
pub fn batch_id(unix_seconds: u64, n: u32) -> String {
    let days = (unix_seconds / 86_400) as i64;
    let seconds = unix_seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z-{n}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// When a batch id says its batch was added: `2026-12-01 01:15:00 UTC`; `None` for an id not
/// made by [`batch_id`].
pub fn added_label(id: &str) -> Option<String> {
    let bytes = id.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range.clone())
            .filter(|part| part.iter().all(u8::is_ascii_digit))
            .map(|_| &id[range])
    };
    let (date, time) = (digits(0..8)?, digits(9..15)?);
    if bytes.get(8) != Some(&b'T') || bytes.get(15) != Some(&b'Z') {
        return None;
    }
    Some(format!(
        "{}-{}-{} {}:{}:{} UTC",
        &date[..4],
        &date[4..6],
        &date[6..],
        &time[..2],
        &time[2..4],
        &time[4..]
    ))
}

/// One batch's corpus file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchFile {
    /// The batch id: the file's name without `.json`.
    pub id: String,
    /// The corpus file.
    pub path: PathBuf,
}

/// The batch files of the library at `dir`, sorted by id (oldest first); a library that does
/// not exist yet is empty.
pub fn batch_files(dir: &Path) -> std::io::Result<Vec<BatchFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files: Vec<BatchFile> = entries
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            let id = path
                .file_name()?
                .to_str()?
                .strip_suffix(".json")?
                .to_string();
            (!id.starts_with('.') && path.is_file()).then_some(BatchFile { id, path })
        })
        .collect();
    files.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(files)
}

/// The source files a batch was added from, as listed beside it (empty when the list is
/// missing or unreadable).
pub fn read_sources(dir: &Path, id: &str) -> Vec<String> {
    std::fs::read_to_string(dir.join(format!("{id}{SOURCES_SUFFIX}")))
        .map(|text| {
            text.lines()
                .filter(|line| !line.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// One batch as `agenda-tui library` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchSummary {
    /// The batch id.
    pub id: String,
    /// When it was added, from its id.
    pub added: Option<String>,
    /// Articles in it.
    pub articles: usize,
    /// Statements in it.
    pub statements: usize,
    /// The entity ids that speak in it, biggest first.
    pub speakers: Vec<String>,
    /// The files it was added from.
    pub sources: Vec<String>,
    /// Why the batch's file fails `check`, when it does (it is then left out of the browser).
    pub problem: Option<String>,
}

impl BatchSummary {
    /// The summary of a batch file that loaded.
    pub fn of(id: &str, corpus: &CorpusFile, sources: Vec<String>) -> BatchSummary {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for statement in &corpus.statements {
            *counts.entry(statement.speaker_entity.as_str()).or_default() += 1;
        }
        let mut speakers: Vec<(&str, usize)> = counts.into_iter().collect();
        speakers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        BatchSummary {
            id: id.to_string(),
            added: added_label(id),
            articles: corpus.articles.len(),
            statements: corpus.statements.len(),
            speakers: speakers.into_iter().map(|(s, _)| s.to_string()).collect(),
            sources,
            problem: None,
        }
    }

    /// The summary of a batch file that fails `check`.
    pub fn failed(id: &str, error: &LoadError, sources: Vec<String>) -> BatchSummary {
        BatchSummary {
            id: id.to_string(),
            added: added_label(id),
            articles: 0,
            statements: 0,
            speakers: Vec::new(),
            sources,
            problem: Some(error.to_string()),
        }
    }
}

/// Every batch of the library at `dir`, each file read and checked on its own.
pub fn summaries(dir: &Path) -> std::io::Result<Vec<BatchSummary>> {
    Ok(batch_files(dir)?
        .into_iter()
        .map(|batch| {
            let sources = read_sources(dir, &batch.id);
            match load::load_file(&batch.path) {
                Ok(corpus) => BatchSummary::of(&batch.id, &corpus, sources),
                Err(error) => BatchSummary::failed(&batch.id, &error, sources),
            }
        })
        .collect())
}

/// Why an article is already held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameAs {
    /// The same URL.
    Url,
    /// The same body text.
    Body,
}

impl SameAs {
    /// How the reason reads in a message: "same URL", "same text".
    pub fn label(self) -> &'static str {
        match self {
            SameAs::Url => "same URL",
            SameAs::Body => "same text",
        }
    }
}

/// A URL as compared for duplicates: without scheme, fragment, trailing slashes or case in
/// the host.
fn url_key(url: &str) -> Option<String> {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let rest = rest.trim_end_matches('/');
    if rest.is_empty() {
        return None;
    }
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    Some(format!("{}{path}", host.to_lowercase()))
}

/// A 64-bit FNV-1a hash of a body's words, lower-cased, so that spacing and line breaks do
/// not make a copy look new.
pub fn body_hash(body: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, word) in body.split_whitespace().enumerate() {
        if i > 0 {
            hash = (hash ^ u64::from(b' ')).wrapping_mul(0x0100_0000_01b3);
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    hash
}

/// What the seed and the library already hold: articles by URL and by body (each with the
/// batch that holds it), the ids taken, and the entity and leader definitions in use.
#[derive(Debug, Default)]
pub struct Holdings {
    urls: HashMap<String, String>,
    bodies: HashMap<u64, String>,
    article_ids: HashSet<String>,
    entities: HashMap<String, Entity>,
    leaders: HashMap<String, Leader>,
}

impl Holdings {
    /// Note every article, id and definition of `corpus`, held by `holder` (a batch id).
    /// Definitions seen first are kept.
    pub fn add_corpus(&mut self, holder: &str, corpus: &CorpusFile) {
        for article in &corpus.articles {
            self.add_article(holder, article);
        }
        for entity in &corpus.entities {
            self.entities
                .entry(entity.id.clone())
                .or_insert_with(|| entity.clone());
        }
        for leader in &corpus.leaders {
            self.leaders
                .entry(leader.name.clone())
                .or_insert_with(|| leader.clone());
        }
    }

    /// Note one article as held by `holder`.
    pub fn add_article(&mut self, holder: &str, article: &Article) {
        if let Some(key) = article.url.as_deref().and_then(url_key) {
            self.urls.entry(key).or_insert_with(|| holder.to_string());
        }
        self.bodies
            .entry(body_hash(&article.body))
            .or_insert_with(|| holder.to_string());
        self.article_ids.insert(article.id.clone());
    }

    /// The holder of an article with the same URL or the same body as `article`, and which.
    pub fn holder_of(&self, article: &Article) -> Option<(&str, SameAs)> {
        if let Some(holder) = article
            .url
            .as_deref()
            .and_then(url_key)
            .and_then(|key| self.urls.get(&key))
        {
            return Some((holder, SameAs::Url));
        }
        self.bodies
            .get(&body_hash(&article.body))
            .map(|holder| (holder.as_str(), SameAs::Body))
    }
}

/// Make one article of a batch being streamed fit beside what is held: an id the library holds
/// or this batch already used (`taken`, which it joins) becomes `-2`, `-3`… with its
/// statements' ids, as [`fit_batch`] does for a whole batch.
pub fn fit_article(
    article: &mut Article,
    statements: &mut [Statement],
    holdings: &Holdings,
    taken: &mut HashSet<String>,
) {
    let is_free = |id: &String| !holdings.article_ids.contains(id) && !taken.contains(id);
    if !is_free(&article.id) {
        let Some(new_id) = (2..)
            .map(|n| format!("{}-{n}", article.id))
            .find(|candidate| is_free(candidate))
        else {
            return;
        };
        let old_prefix = format!("{}-s", article.id);
        for statement in statements.iter_mut() {
            statement.article = new_id.as_str().into();
            if let Some(rest) = statement.id.strip_prefix(old_prefix.as_str()) {
                statement.id = format!("{new_id}-s{rest}").into();
            }
        }
        article.id = new_id;
    }
    taken.insert(article.id.clone());
}

/// Give a new batch's entities and leaders the definitions the library holds for them, and
/// define in the batch the entity of every held leader definition taken (as [`fit_batch`]).
pub fn fit_definitions(entities: &mut Vec<Entity>, leaders: &mut [Leader], holdings: &Holdings) {
    for leader in leaders.iter_mut() {
        if let Some(held) = holdings.leaders.get(&leader.name) {
            leader.clone_from(held);
        }
    }
    for entity in entities.iter_mut() {
        if let Some(held) = holdings.entities.get(&entity.id) {
            entity.clone_from(held);
        }
    }
    for leader in leaders.iter() {
        if !entities.iter().any(|e| e.id == leader.entity)
            && let Some(held) = holdings.entities.get(&leader.entity)
        {
            entities.push(held.clone());
        }
    }
}

/// Make a new batch fit beside what is held, so that it merges with the seed and every batch:
/// article ids already taken get `-2`, `-3`… (with their statements' ids), and an entity or
/// leader already defined takes the held definition (a leader's entity is then defined in the
/// batch too).
pub fn fit_batch(batch: &mut CorpusFile, holdings: &Holdings) {
    let mut taken: HashSet<String> = batch
        .articles
        .iter()
        .map(|a| a.id.clone())
        .filter(|id| !holdings.article_ids.contains(id))
        .collect();
    for article in &mut batch.articles {
        if !holdings.article_ids.contains(&article.id) {
            continue;
        }
        let free = |id: &String| !holdings.article_ids.contains(id) && !taken.contains(id);
        let Some(new_id) = (2..)
            .map(|n| format!("{}-{n}", article.id))
            .find(|candidate| free(candidate))
        else {
            continue;
        };
        taken.insert(new_id.clone());
        let old_prefix = format!("{}-s", article.id);
        for statement in &mut batch.statements {
            if statement.article.as_str() == article.id {
                statement.article = new_id.as_str().into();
                if let Some(rest) = statement.id.strip_prefix(old_prefix.as_str()) {
                    statement.id = format!("{new_id}-s{rest}").into();
                }
            }
        }
        article.id = new_id;
    }
    fit_definitions(&mut batch.entities, &mut batch.leaders, holdings);
}

/// A temporary file in the library at `dir` (made when missing) for a new batch to be
/// streamed into; [`persist_batch`] names it, and dropping it removes it.
pub fn new_batch_file(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    std::fs::create_dir_all(dir)?;
    crate::fsio::temp_file_beside(&dir.join("batch.json"))
}

/// Write a new batch into the library at `dir` (made when missing): its corpus file, named by
/// [`batch_id`] for `unix_seconds` and never over another batch, then the list of `sources`.
/// Returns the batch id.
pub fn write_batch(
    dir: &Path,
    unix_seconds: u64,
    batch: &CorpusFile,
    sources: &[String],
) -> std::io::Result<String> {
    let mut file = new_batch_file(dir)?;
    let mut out = std::io::BufWriter::new(&mut file);
    serde_json::to_writer(&mut out, batch).map_err(std::io::Error::other)?;
    out.flush()?;
    drop(out);
    persist_batch(dir, unix_seconds, file, sources)
}

/// Make the complete batch in `file` (from [`new_batch_file`]) part of the library at `dir`:
/// flushed to disk, then renamed to the first free [`batch_id`] for `unix_seconds` (never
/// over another batch), then the list of `sources` written beside it. Returns the batch id.
pub fn persist_batch(
    dir: &Path,
    unix_seconds: u64,
    file: tempfile::NamedTempFile,
    sources: &[String],
) -> std::io::Result<String> {
    file.as_file().sync_all()?;
    let mut file = file;
    let mut n = 1;
    let id = loop {
        let id = batch_id(unix_seconds, n);
        match file.persist_noclobber(dir.join(format!("{id}.json"))) {
            Ok(_) => break id,
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists && n < 10_000 => {
                file = e.file;
                n += 1;
            }
            Err(e) => return Err(e.error),
        }
    };
    let mut list = String::new();
    for source in sources {
        list.push_str(&crate::text::sanitize(source).replace(['\n', '\r'], " "));
        list.push('\n');
    }
    crate::fsio::write_atomically(&dir.join(format!("{id}{SOURCES_SUFFIX}")), list.as_bytes())?;
    Ok(id)
}

/// Remove batch `id` (or `id.json`) from the library at `dir`: its corpus file, then its list
/// of sources. `Ok(false)` when there is no such batch.
pub fn remove_batch(dir: &Path, id: &str) -> std::io::Result<bool> {
    let id = id.strip_suffix(".json").unwrap_or(id);
    let Some(batch) = batch_files(dir)?.into_iter().find(|b| b.id == id) else {
        return Ok(false);
    };
    std::fs::remove_file(&batch.path)?;
    match std::fs::remove_file(dir.join(format!("{id}{SOURCES_SUFFIX}"))) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(true),
    }
}

/// The library's files that load, each checked on its own, and the files that do not.
#[derive(Debug, Default)]
pub struct LoadedLibrary {
    /// (batch id, corpus) of every batch file that passes `check`, oldest first.
    pub batches: Vec<(String, CorpusFile)>,
    /// Every batch file left out, with why (the problems name the file).
    pub left_out: Vec<LoadError>,
}

/// Read and check every batch file of the library at `dir`, reporting to `progress`. A file
/// that fails is left out, not fatal; only a library directory that cannot be listed is an
/// error.
pub fn load_library(dir: &Path, progress: &LoadProgress) -> Result<LoadedLibrary, LoadError> {
    let files = batch_files(dir).map_err(|e| LoadError::Io {
        file: dir.display().to_string(),
        message: e.to_string(),
    })?;
    let mut loaded = LoadedLibrary::default();
    for (n, batch) in files.iter().enumerate() {
        let bytes = std::fs::metadata(&batch.path).map_or(0, |m| m.len());
        progress.start_file(&batch.path.display().to_string(), n + 1, files.len(), bytes);
        match load::load_file_with(&batch.path, progress) {
            Ok(corpus) => loaded.batches.push((batch.id.clone(), corpus)),
            Err(error) => loaded.left_out.push(error),
        }
    }
    Ok(loaded)
}

/// The embedded seed as a file, for holdings and merging.
fn seed_file() -> Result<CorpusFile, LoadError> {
    load::parse_corpus_file(load::EMBEDDED_SEED_NAME, load::EMBEDDED_SEED.as_bytes())
}

/// What the seed and the library at `dir` hold, and the library's files that fail `check`.
pub fn holdings(dir: &Path) -> Result<(Holdings, Vec<LoadError>), LoadError> {
    let mut holdings = Holdings::default();
    holdings.add_corpus(SEED_HOLDER, &seed_file()?);
    let library = load_library(dir, &LoadProgress::new())?;
    for (id, corpus) in &library.batches {
        holdings.add_corpus(&format!("batch {id}"), corpus);
    }
    Ok((holdings, library.left_out))
}

/// The browser's corpus when none is named: the embedded seed plus every batch of the library
/// at `dir` that passes `check` and merges with the others. Returns the corpus (named
/// `seed + library (N batches)` when it has batches) and the errors of the files left out.
pub fn open_with_seed(
    dir: &Path,
    progress: &LoadProgress,
) -> Result<(Corpus, Vec<LoadError>), LoadError> {
    let library = load_library(dir, progress)?;
    if library.batches.is_empty() {
        return Ok((load::embedded_seed()?, library.left_out));
    }
    let batches = library.batches.len();
    let mut files = vec![(load::EMBEDDED_SEED_NAME.to_string(), seed_file()?)];
    files.extend(library.batches.into_iter().map(|(id, corpus)| {
        let path = dir.join(format!("{id}.json"));
        (path.display().to_string(), corpus)
    }));
    let (mut corpus, conflicts) = load::merge_leaving_out(String::new(), files);
    corpus.name = format!(
        "{WITH_LIBRARY} ({})",
        crate::text::plural(batches - conflicts.len(), "batch", "batches")
    );
    let mut left_out = library.left_out;
    left_out.extend(conflicts.into_iter().map(|(_, error)| error));
    Ok((corpus, left_out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{IngestOptions, build_corpus, ingest_article};

    fn batch_of(texts: &[(&str, &str)]) -> CorpusFile {
        let articles = texts
            .iter()
            .map(|(id, text)| {
                let options = IngestOptions {
                    id: Some((*id).to_string()),
                    ..IngestOptions::default()
                };
                ingest_article(text, &options).expect("ingest")
            })
            .collect();
        build_corpus(articles).expect("corpus")
    }

    const TOKYO: &str = "Japanese Prime Minister Fumio Kishida said Japan would resume talks with South Korea.\n\nHe urged China to help on North Korea.\n";
    const SEOUL: &str =
        "South Korean President Yoon Suk Yeol said Seoul would deepen ties with Japan.\n";

    #[test]
    fn the_data_dir_follows_the_override_then_xdg_then_home() {
        let os = |s: &'static str| Some(OsStr::new(s));
        assert_eq!(
            data_dir(os("/d"), os("/x"), os("/h")),
            Some(PathBuf::from("/d"))
        );
        assert_eq!(
            data_dir(os(""), os("/x"), os("/h")),
            Some(PathBuf::from("/x/agenda-tui"))
        );
        assert_eq!(
            data_dir(None, os("relative"), os("/h")),
            Some(PathBuf::from("/h/.local/share/agenda-tui")),
            "a relative XDG_DATA_HOME is ignored"
        );
        assert_eq!(data_dir(None, None, None), None);
        assert_eq!(library_dir(Path::new("/d")), PathBuf::from("/d/library"));
    }

    #[test]
    fn batch_ids_carry_the_date_they_were_added() {
        assert_eq!(batch_id(0, 1), "19700101T000000Z-1");
        let id = batch_id(1_795_829_700, 2);
        assert_eq!(id, "20261128T013500Z-2");
        assert_eq!(added_label(&id).as_deref(), Some("2026-11-28 01:35:00 UTC"));
        assert_eq!(batch_id(951_782_400, 1), "20000229T000000Z-1", "a leap day");
        assert_eq!(added_label("my-batch"), None);
        assert_eq!(added_label("2026112XT013500Z-1"), None);
    }

    #[test]
    fn the_same_url_or_the_same_text_is_held_whatever_the_spacing() {
        let mut held = Holdings::default();
        let mut first = batch_of(&[("tokyo", TOKYO)]);
        first.articles[0].url = Some("https://News.example.org/a/1/".into());
        held.add_corpus("batch A", &first);
        let mut same_text = first.articles[0].clone();
        same_text.url = None;
        same_text.body = same_text.body.replace(' ', "\n  ").to_uppercase().into();
        assert_eq!(held.holder_of(&same_text), Some(("batch A", SameAs::Body)));
        let mut same_url = batch_of(&[("seoul", SEOUL)]).articles.remove(0);
        same_url.url = Some("http://news.example.org/a/1#top".into());
        assert_eq!(held.holder_of(&same_url), Some(("batch A", SameAs::Url)));
        same_url.url = Some("https://news.example.org/a/2".into());
        assert_eq!(held.holder_of(&same_url), None, "another URL, another text");
    }

    #[test]
    fn a_new_batch_is_made_to_fit_beside_the_held_ones() {
        let held_batch = batch_of(&[("talks", TOKYO)]);
        let mut held = Holdings::default();
        held.add_corpus("batch A", &held_batch);
        let mut changed = held_batch.leaders[0].clone();
        changed.role = "Someone else".into();
        let mut new = batch_of(&[("talks", SEOUL), ("talks", TOKYO)]);
        new.leaders.push(changed.clone());
        new.leaders
            .retain(|l| l.name != changed.name || l.role == changed.role);
        fit_batch(&mut new, &held);
        let ids: Vec<&str> = new.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["talks-3", "talks-2"]);
        assert!(
            new.statements
                .iter()
                .all(|s| s.id.starts_with(s.article.as_str()))
        );
        let leader = new
            .leaders
            .iter()
            .find(|l| l.name == changed.name)
            .expect("leader");
        assert_eq!(leader, &held_batch.leaders[0], "the held definition wins");
        let json = serde_json::to_vec(&new).expect("json");
        let parsed = load::parse_corpus_file("new", &json).expect("the batch passes check");
        let merged = load::merge(
            "both".into(),
            vec![("a".into(), held_batch), ("b".into(), parsed)],
        );
        assert!(merged.is_ok(), "{:?}", merged.err());
    }

    #[test]
    fn batches_are_written_listed_opened_and_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let library = dir.path().join("library");
        assert!(summaries(&library).expect("no library yet").is_empty());
        let batch = batch_of(&[("tokyo", TOKYO)]);
        let first =
            write_batch(&library, 1_795_829_700, &batch, &["/in/tokyo.txt".into()]).expect("write");
        let second = write_batch(&library, 1_795_829_700, &batch_of(&[("seoul", SEOUL)]), &[])
            .expect("write");
        assert_eq!(first, "20261128T013500Z-1");
        assert_eq!(second, "20261128T013500Z-2", "never over another batch");
        std::fs::write(library.join("20261128T013600Z-1.json"), b"{\"format\": 1").expect("write");
        let listed = summaries(&library).expect("list");
        assert_eq!(listed.len(), 3);
        assert_eq!(listed[0].sources, ["/in/tokyo.txt"]);
        assert_eq!((listed[0].articles, listed[0].statements), (1, 2));
        assert_eq!(listed[0].speakers, ["JPN"]);
        assert!(listed[2].problem.is_some());

        let (corpus, left_out) = open_with_seed(&library, &LoadProgress::new()).expect("open");
        assert_eq!(corpus.name, "seed + library (2 batches)");
        assert_eq!(
            corpus.articles.len(),
            3,
            "the seed's article and two batches"
        );
        assert_eq!(left_out.len(), 1);
        assert!(left_out[0].to_string().contains("20261128T013600Z-1.json"));

        assert!(remove_batch(&library, &format!("{first}.json")).expect("remove"));
        assert!(!remove_batch(&library, &first).expect("already gone"));
        assert!(!library.join(format!("{first}{SOURCES_SUFFIX}")).exists());
        assert_eq!(summaries(&library).expect("list").len(), 2);
    }

    #[test]
    fn a_batch_that_clashes_with_the_seed_is_left_out_not_fatal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let seed = seed_file().expect("seed");
        write_batch(dir.path(), 0, &seed, &[]).expect("write");
        let (corpus, left_out) = open_with_seed(dir.path(), &LoadProgress::new()).expect("open");
        assert_eq!(corpus.articles.len(), seed.articles.len());
        assert_eq!(corpus.name, "seed + library (0 batches)");
        assert_eq!(left_out.len(), 1);
        assert!(left_out[0].to_string().contains("duplicate article id"));
    }
}
