//! Batches: articles ingested in parallel (rayon) and the corpus streamed to a writer as files
//! finish, so memory stays bounded however large the archive; [`super::article`] says which
//! files the inputs are and reads them.
//!
//! The streamed corpus is one JSON object whose `statements` array is written first, then
//! `articles` (spooled to a temporary file meanwhile), then `entities` and `leaders`; key order
//! does not matter to the corpus format.

use super::article::{article_id, read_article};
use super::manifest::Manifest;
use super::{IngestOptions, IngestedArticle, Pipeline};
use crate::model::{Entity, Leader};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The options for one file: the run's flags first, then the file's manifest row, then
/// whatever the text says.
pub fn options_for(
    path: &Path,
    flags: &IngestOptions,
    manifest: Option<&Manifest>,
) -> IngestOptions {
    let row = manifest.and_then(|m| m.row_for(path));
    let pick = |flag: &Option<String>, from_row: Option<&Option<String>>| {
        flag.clone().or_else(|| from_row.cloned().flatten())
    };
    IngestOptions {
        id: Some(article_id(path)),
        speaker: pick(&flags.speaker, row.map(|r| &r.speaker)),
        published: pick(&flags.published, row.map(|r| &r.published)),
        source: pick(&flags.source, row.map(|r| &r.source)),
        title: pick(&flags.title, row.map(|r| &r.title)),
        url: pick(&flags.url, row.map(|r| &r.url)),
        gazetteers: Vec::new(),
        speaker_name: pick(&flags.speaker_name, row.map(|r| &r.speaker_name)),
        speaker_post: pick(&flags.speaker_post, row.map(|r| &r.speaker_post)),
    }
}

/// The outcome of one input file.
#[derive(Debug)]
pub struct FileResult {
    /// The input path as given.
    pub path: PathBuf,
    /// Bytes read.
    pub bytes: u64,
    /// The article, or why the file was not ingested.
    pub outcome: Result<IngestedArticle, String>,
}

impl FileResult {
    /// Warnings for the summary line: what the text did not say.
    pub fn warnings(&self) -> Vec<&'static str> {
        let mut warnings = Vec::new();
        if let Ok(article) = &self.outcome {
            if article.article.source == "unknown" {
                warnings.push("source unknown");
            }
            if article.article.published.is_none() {
                warnings.push("date unknown");
            }
            // The speaker decision's "nothing found" (see `speaker::SpeakerDecision`).
            if article.article.speaker_country == "GLOBAL" {
                warnings.push("speaker unknown, pass --speaker");
            }
        }
        warnings
    }
}

/// Read and ingest one file. The article is also checked on its own with the corpus
/// validation of `agenda-tui check`.
pub fn ingest_file(
    pipeline: &Pipeline,
    path: &Path,
    flags: &IngestOptions,
    manifest: Option<&Manifest>,
) -> FileResult {
    let input = read_article(path);
    let bytes = input.as_ref().map_or(0, |t| t.text.len() as u64);
    let outcome = input.and_then(|input| {
        let mut options = options_for(path, flags, manifest);
        input.fill(&mut options);
        let mut ingested = pipeline
            .ingest(&input.text, &options)
            .map_err(|e| e.to_string())?;
        input.finish(&mut ingested);
        pipeline.check_article(&ingested)?;
        Ok(ingested)
    });
    FileResult {
        path: path.to_path_buf(),
        bytes,
        outcome,
    }
}

/// Read and ingest files in parallel, in input order.
pub fn ingest_files(
    pipeline: &Pipeline,
    paths: &[PathBuf],
    flags: &IngestOptions,
    manifest: Option<&Manifest>,
) -> Vec<FileResult> {
    paths
        .par_iter()
        .map(|path| ingest_file(pipeline, path, flags, manifest))
        .collect()
}

/// Finished files that may wait for the writer before the workers pause.
const RESULTS_IN_FLIGHT: usize = 64;

/// Ingest `paths` on all worker threads while the results are written in input order: the
/// workers take files from one queue in input order (so no worker runs far ahead and no round
/// waits for its slowest file), and the writer reorders the few that finish early. Each result
/// goes to `on_result` (for summaries and progress), then, when it is an article, to `take`
/// with its path (a [`CorpusStream`] writes it). Returns the failures as "FILE: reason".
pub fn run_batch(
    pipeline: &Pipeline,
    paths: &[PathBuf],
    flags: &IngestOptions,
    manifest: Option<&Manifest>,
    mut take: impl FnMut(&Path, IngestedArticle) -> std::io::Result<()>,
    mut on_result: impl FnMut(&FileResult),
) -> std::io::Result<Vec<String>> {
    let next_file = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let workers = rayon::current_num_threads().clamp(1, paths.len().max(1));
    let (sender, receiver) =
        std::sync::mpsc::sync_channel::<(usize, FileResult)>(RESULTS_IN_FLIGHT);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (next_file, stop) = (&next_file, &stop);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let index = next_file.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = paths.get(index) else { break };
                    let result = ingest_file(pipeline, path, flags, manifest);
                    if sender.send((index, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let written = write_in_order(receiver, &mut take, &mut on_result);
        if written.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        written
    })
}

/// Take `(index, result)` pairs in any order and hand them on in index order.
fn write_in_order(
    receiver: std::sync::mpsc::Receiver<(usize, FileResult)>,
    take: &mut impl FnMut(&Path, IngestedArticle) -> std::io::Result<()>,
    on_result: &mut impl FnMut(&FileResult),
) -> std::io::Result<Vec<String>> {
    let mut waiting: BTreeMap<usize, FileResult> = BTreeMap::new();
    let mut next = 0;
    let mut failures = Vec::new();
    for (index, result) in receiver {
        waiting.insert(index, result);
        while let Some(result) = waiting.remove(&next) {
            next += 1;
            on_result(&result);
            match result.outcome {
                Ok(ingested) => take(&result.path, ingested)?,
                Err(e) => failures.push(format!("{}: {e}", result.path.display())),
            }
        }
    }
    Ok(failures)
}

/// What a corpus needs besides its articles and statements: the ids taken, the entities and
/// the people referred to (one leader per person).
#[derive(Debug, Default)]
pub struct CorpusParts {
    used_ids: HashSet<String>,
    entity_ids: Vec<String>,
    entity_set: HashSet<String>,
    /// People named, each once, in first-mention order (countries settled by [`CorpusParts::leaders`]).
    leaders: Vec<Leader>,
    /// Per name: its place in `leaders` and, per country given to the person, whether a text
    /// said it (not only assumed it) and in how many articles.
    leader_votes: HashMap<String, (usize, Vec<CountryVote>)>,
}

/// The country one article gave a person.
#[derive(Debug)]
struct CountryVote {
    entity: String,
    role: String,
    said: bool,
    articles: usize,
}

impl CorpusParts {
    fn want_entity(&mut self, id: &str) {
        if self.entity_set.insert(id.to_string()) {
            self.entity_ids.push(id.to_string());
        }
    }

    /// Take an article in: a repeated id gets `-2`, `-3`…; its entities and leaders are noted.
    pub fn admit(&mut self, mut ingested: IngestedArticle) -> IngestedArticle {
        let base = ingested.article.id.clone();
        if self.used_ids.contains(&base) {
            let mut n = 2;
            while self.used_ids.contains(&format!("{base}-{n}")) {
                n += 1;
            }
            let new_id = format!("{base}-{n}");
            let prefix = format!("{base}-s");
            for statement in &mut ingested.statements {
                statement.article = new_id.as_str().into();
                if let Some(rest) = statement.id.strip_prefix(&prefix) {
                    statement.id = format!("{new_id}-s{rest}").into();
                }
            }
            ingested.article.id = new_id;
        }
        self.used_ids.insert(ingested.article.id.clone());
        self.want_entity(&ingested.article.speaker_country.clone());
        for statement in &ingested.statements {
            self.want_entity(&statement.speaker_entity.clone());
            for target in statement.targets() {
                self.want_entity(target);
            }
        }
        let assumed = std::mem::take(&mut ingested.assumed_leaders);
        for found in std::mem::take(&mut ingested.leaders) {
            let said = !assumed.contains(&found.name);
            let leader = super::seed_leader(&found).unwrap_or(found);
            self.want_entity(&leader.entity.clone());
            let (_, votes) = self
                .leader_votes
                .entry(leader.name.clone())
                .or_insert_with(|| (self.leaders.len(), Vec::new()));
            match votes
                .iter_mut()
                .find(|v| v.entity == leader.entity && v.said == said)
            {
                Some(vote) => vote.articles += 1,
                None => votes.push(CountryVote {
                    entity: leader.entity.clone(),
                    role: leader.role.clone(),
                    said,
                    articles: 1,
                }),
            }
            if votes.len() == 1 && votes[0].articles == 1 {
                self.leaders.push(leader);
            }
        }
        ingested
    }

    /// The people named, each once: a person's country is the one the texts said most often,
    /// else (no text said one) the speaker's country assumed most often ("President Fidel
    /// Castro" in Cuba's speeches and in one Burkinabe speech is Cuba's).
    pub fn leaders(&mut self) -> Vec<Leader> {
        let mut leaders = std::mem::take(&mut self.leaders);
        for (at, votes) in self.leader_votes.values() {
            let best = votes
                .iter()
                .enumerate()
                .max_by_key(|(order, v)| (v.said, v.articles, std::cmp::Reverse(*order)));
            if let (Some(leader), Some((_, vote))) = (leaders.get_mut(*at), best) {
                leader.entity.clone_from(&vote.entity);
                leader.role.clone_from(&vote.role);
            }
        }
        self.leader_votes.clear();
        leaders
    }

    /// The entities referred to, in first-use order.
    pub fn entities(&self, pipeline: &Pipeline) -> Vec<Entity> {
        self.entity_ids
            .iter()
            .map(|id| pipeline.entity_or_placeholder(id))
            .collect()
    }
}

/// Counts of a finished stream.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamTotals {
    /// Articles written.
    pub articles: usize,
    /// Statements written.
    pub statements: usize,
}

/// A corpus written as articles arrive.
pub struct CorpusStream<W: Write> {
    out: BufWriter<W>,
    articles: BufWriter<std::fs::File>,
    parts: CorpusParts,
    totals: StreamTotals,
}

impl<W: Write> CorpusStream<W> {
    /// Start a corpus on `out`.
    pub fn new(out: W) -> std::io::Result<CorpusStream<W>> {
        let mut out = BufWriter::with_capacity(1 << 20, out);
        write!(
            out,
            "{{\"format\":\"{}\",\"version\":{},\"statements\":[",
            crate::model::FORMAT_NAME,
            crate::model::FORMAT_VERSION
        )?;
        Ok(CorpusStream {
            out,
            articles: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            parts: CorpusParts::default(),
            totals: StreamTotals::default(),
        })
    }

    /// Write one article and its statements.
    pub fn push(&mut self, ingested: IngestedArticle) -> std::io::Result<()> {
        let ingested = self.parts.admit(ingested);
        for statement in &ingested.statements {
            if self.totals.statements > 0 {
                self.out.write_all(b",")?;
            }
            self.out.write_all(b"\n")?;
            serde_json::to_writer(&mut self.out, statement)?;
            self.totals.statements += 1;
        }
        if self.totals.articles > 0 {
            self.articles.write_all(b",")?;
        }
        self.articles.write_all(b"\n")?;
        serde_json::to_writer(&mut self.articles, &ingested.article)?;
        self.totals.articles += 1;
        Ok(())
    }

    /// Articles and statements written so far.
    pub fn totals(&self) -> StreamTotals {
        self.totals
    }

    /// Close the corpus: the spooled articles, the entities and the leaders.
    pub fn finish(self, pipeline: &Pipeline) -> std::io::Result<(W, StreamTotals)> {
        self.finish_with(pipeline, |_, _| {})
    }

    /// Close the corpus as [`CorpusStream::finish`] does, with the entities and leaders as
    /// `fit` leaves them (a library batch takes the definitions the library holds).
    pub fn finish_with(
        mut self,
        pipeline: &Pipeline,
        fit: impl FnOnce(&mut Vec<Entity>, &mut Vec<Leader>),
    ) -> std::io::Result<(W, StreamTotals)> {
        let mut entities = self.parts.entities(pipeline);
        let mut leaders = self.parts.leaders();
        fit(&mut entities, &mut leaders);
        self.out.write_all(b"\n],\"articles\":[")?;
        let mut spool = self.articles.into_inner().map_err(|e| e.into_error())?;
        spool.rewind()?;
        std::io::copy(&mut spool, &mut self.out)?;
        self.out.write_all(b"\n],\"entities\":")?;
        serde_json::to_writer(&mut self.out, &entities)?;
        self.out.write_all(b",\"leaders\":")?;
        serde_json::to_writer(&mut self.out, &leaders)?;
        self.out.write_all(b"}\n")?;
        let out = self.out.into_inner().map_err(|e| e.into_error())?;
        Ok((out, self.totals))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_is_written_in_input_order_with_its_failures_listed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut paths = Vec::new();
        for n in 0..40 {
            let path = dir.path().join(format!("file-{n:02}.txt"));
            let body = if n == 7 {
                String::new()
            } else {
                "Foreign Minister Park Jin said South Korea will work with Japan.\n"
                    .repeat(1 + n % 5)
            };
            std::fs::write(&path, body).expect("write");
            paths.push(path);
        }
        let pipeline = Pipeline::with_extra(&[]).expect("pipeline");
        let mut stream = CorpusStream::new(Vec::new()).expect("stream");
        let mut seen = Vec::new();
        let failures = run_batch(
            &pipeline,
            &paths,
            &IngestOptions::default(),
            None,
            |_, ingested| stream.push(ingested),
            |result| seen.push(result.path.clone()),
        )
        .expect("batch");
        assert_eq!(seen, paths, "results are handed on in input order");
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(failures[0].contains("file-07.txt"), "{failures:?}");
        let (bytes, totals) = stream.finish(&pipeline).expect("finish");
        assert_eq!(totals.articles, 39);
        let corpus = crate::load::parse_corpus_file("batch", &bytes).expect("valid corpus");
        let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "articles keep the input order");
    }

    #[test]
    fn a_streamed_corpus_passes_the_check() {
        let pipeline = Pipeline::with_extra(&[]).expect("pipeline");
        let text = "President Moon Jae-in said South Korea will work with Japan.\n\nHe expressed hope for talks with the U.S.\n";
        let mut stream = CorpusStream::new(Vec::new()).expect("stream");
        for _ in 0..2 {
            let article = pipeline
                .ingest(text, &IngestOptions::default())
                .expect("ingest");
            stream.push(article).expect("push");
        }
        let (bytes, totals) = stream.finish(&pipeline).expect("finish");
        assert_eq!(totals.articles, 2);
        let corpus = crate::load::parse_corpus_file("stream", &bytes).expect("valid corpus");
        assert_eq!(corpus.articles[1].id, "article-2");
        assert_eq!(corpus.statements.len(), totals.statements);
        assert_eq!(corpus.leaders.len(), 1);
    }

    #[test]
    fn a_leaders_country_said_in_one_article_wins_over_one_assumed_in_another() {
        let pipeline = Pipeline::with_extra(&[]).expect("pipeline");
        let options = |speaker: &str| IngestOptions {
            speaker: Some(speaker.to_string()),
            ..IngestOptions::default()
        };
        let assumed = pipeline
            .ingest(
                "President Anna Lindqvist said the cold war was over.\n",
                &options("BEL"),
            )
            .expect("ingest");
        assert_eq!(assumed.assumed_leaders, vec!["Anna Lindqvist"]);
        let said = pipeline
            .ingest(
                "Swedish President Anna Lindqvist said the cold war was over.\n",
                &options("CRI"),
            )
            .expect("ingest");
        assert!(said.assumed_leaders.is_empty());
        let mut parts = CorpusParts::default();
        parts.admit(assumed);
        parts.admit(said);
        let leaders = parts.leaders();
        assert_eq!(leaders.len(), 1);
        assert_eq!(leaders[0].entity, "SWE");
    }
}
