//! Word-level search over statements, pure and terminal-free.
//!
//! A term of a query matches the *words* of a statement's own fields: its text, its speaker
//! (name, role, government), its targets (names and aliases), its leaders (names, aliases, roles)
//! and its topics. The article's title and outlet are reached only through the `title:` and
//! `source:` filters. The index keeps a vocabulary of the corpus's words with postings (which
//! statements hold each word, in the text or in the metadata); a term is matched against the
//! vocabulary — the word itself, words it starts, and close words (SkimMatcherV2 letters within a
//! word at most twice the term's length; one letter missing, extra, wrong or swapped for terms of
//! five or more letters) — and the statements come from the postings. Ranking and the 0–100 score
//! are explained in `docs/search.md`.
//!
//! ```
//! use agenda_tui::search::{parse_query, search, SearchCache, SearchIndex};
//! let corpus = agenda_tui::load::embedded_seed().unwrap();
//! let index = SearchIndex::new(&corpus);
//! let hits = search(&index, &parse_query("putin"), None);
//! assert_eq!(corpus.statements[hits[0].statement as usize].id, "arirang-2021-01-21-s11");
//! assert_eq!(hits[0].score, 100);
//! // While the user types, let a cache search only the previous matches when that is exact:
//! let mut cache = SearchCache::new();
//! let _ = cache.search(&index, &parse_query("putin"));
//! let narrower = cache.search(&index, &parse_query("putin kind:quote"));
//! assert!(narrower.len() <= hits.len());
//! ```

mod engine;
pub mod filter;
mod keys;
mod operator;
mod query;
pub mod report;
mod vocabulary;
mod worker;

pub use engine::{highlight_positions, search};
pub use filter::{DateRange, Filter, QueryError};
pub use query::{Query, Term, TermKind, parse_query, try_parse_query};
pub use worker::{PARTIAL_HITS, SearchOutcome, SearchWorker};

use crate::model::{Corpus, StatementKind};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;
use vocabulary::{FxHasher, Vocabulary};

/// SkimMatcherV2 with smart case, as built once per index.
fn new_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().smart_case()
}

/// A matcher that has never scored anything: the reference the scrubbed calls must equal.
#[cfg(test)]
pub(crate) fn fresh_matcher() -> SkimMatcherV2 {
    new_matcher()
}

/// fuzzy-matcher 0.3.7 keeps a scratch matrix per thread and does not clear it between calls:
/// cells left over from an earlier call can change a later score (see the test
/// `scores_do_not_depend_on_earlier_calls`), and its `use_cache(false)` panics. A one-character
/// call first shrinks the matrix to 2×2 cells, all in row 0, which every call resets; the real
/// call then grows it with default cells, exactly as a new matcher would.
fn scrub(matcher: &SkimMatcherV2) {
    let _ = matcher.fuzzy_match("a", "a");
}

/// One matching statement and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Position of the statement in `Corpus::statements`.
    pub statement: u32,
    /// Relevance from 0 to 100 (100: every term is a word of the text, side by side; 0 for an
    /// empty query or one with only filters and exclusions). See `docs/search.md`.
    pub score: i64,
}

/// What the filters look at in one article.
#[derive(Debug, Clone, Default)]
struct ArticleFacets {
    title: String,
    source: String,
    /// Publication date as `YYYYMMDD` (0 when unknown).
    date: u32,
}

/// The metadata shared by statements with the same targets, leaders and speaker, interned.
#[derive(Debug, Clone, Default)]
struct People {
    /// Targets' names and aliases, leaders' names, aliases and roles, the speaker, the speaker's
    /// role and government: what free terms match as metadata.
    words: String,
    /// Targets, one per line: id, name and aliases separated by tabs.
    targets: String,
    /// The speaker's name, the speaking government's id, name and aliases, tab-separated.
    speaker: String,
    /// Leaders, names and aliases, tab-separated.
    leaders: String,
}

/// Where an index reads the statements' texts from.
enum Texts {
    /// Its own copy: `all[ends[i - 1]..ends[i]]` is statement `i`'s text (`ends[-1]` = 0).
    Owned { all: String, ends: Vec<usize> },
    /// The corpus it was built from, shared (no copy).
    Shared(Arc<Corpus>),
}

/// The searchable form of a corpus: the statements' texts, their metadata (interned), the
/// vocabulary with postings, and the matcher.
pub struct SearchIndex {
    /// Number of statements.
    count: usize,
    /// Where the statements' texts are read from.
    texts: Texts,
    /// Interned metadata groups.
    people: Vec<People>,
    /// Each statement's metadata group.
    people_of: Vec<u32>,
    /// Interned topic lists, topics separated by tabs.
    topic_sets: Vec<String>,
    /// Each statement's topic list.
    topics_of: Vec<u32>,
    /// Per article: title, outlet, date.
    articles: Vec<ArticleFacets>,
    /// Each statement's article (`u32::MAX` when unknown).
    article_of: Vec<u32>,
    /// Each statement's kind.
    kinds: Vec<StatementKind>,
    /// The corpus's words and where they occur.
    vocabulary: Vocabulary,
    /// Built once; always used through [`SearchIndex::skim_score`] and
    /// [`SearchIndex::skim_indices`], which scrub its scratch state first.
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("statements", &self.len())
            .field("words", &self.vocabulary.len())
            .field("heap_bytes", &self.heap_bytes())
            .finish()
    }
}

fn push_item(out: &mut String, separator: char, item: &str) {
    if item.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(separator);
    }
    out.push_str(item);
}

impl People {
    fn of(corpus: &Corpus, statement: &crate::model::Statement) -> Self {
        let mut people = People::default();
        for target in statement.targets() {
            let mut line = target.to_string();
            match corpus.entity(target) {
                Some(entity) => {
                    push_item(&mut people.words, ' ', &entity.name);
                    push_item(&mut line, '\t', &entity.name);
                    // Global issues' aliases are cues ("climate change"), not names: as words
                    // they would make every statement about any global issue match them.
                    let names_words = entity.kind != crate::model::EntityKind::Global;
                    for alias in &entity.aliases {
                        if names_words {
                            push_item(&mut people.words, ' ', alias);
                        }
                        push_item(&mut line, '\t', alias);
                    }
                }
                None => push_item(&mut people.words, ' ', target),
            }
            push_item(&mut people.targets, '\n', &line);
        }
        for name in statement.leaders() {
            push_item(&mut people.words, ' ', name);
            push_item(&mut people.leaders, '\t', name);
            if let Some(leader) = corpus.leader(name) {
                for alias in &leader.aliases {
                    push_item(&mut people.words, ' ', alias);
                    push_item(&mut people.leaders, '\t', alias);
                }
                push_item(&mut people.words, ' ', &leader.role);
            }
        }
        if let Some(speaker) = &statement.speaker {
            push_item(&mut people.words, ' ', speaker);
            push_item(&mut people.speaker, '\t', speaker);
            if let Some(leader) = corpus.leader(speaker) {
                push_item(&mut people.words, ' ', &leader.role);
                for alias in &leader.aliases {
                    push_item(&mut people.speaker, '\t', alias);
                }
            }
        }
        push_item(&mut people.speaker, '\t', &statement.speaker_entity);
        if let Some(entity) = corpus.entity(&statement.speaker_entity) {
            push_item(&mut people.words, ' ', &entity.name);
            push_item(&mut people.speaker, '\t', &entity.name);
            for alias in &entity.aliases {
                push_item(&mut people.speaker, '\t', alias);
            }
        }
        people
    }
}

impl SearchIndex {
    /// Build the index of every statement of `corpus`, with its own copy of their texts.
    pub fn new(corpus: &Corpus) -> Self {
        let mut all = String::with_capacity(corpus.statements.iter().map(|s| s.text.len()).sum());
        let mut ends = Vec::with_capacity(corpus.statements.len());
        for statement in &corpus.statements {
            all.push_str(&statement.text);
            ends.push(all.len());
        }
        Self::build(corpus, Texts::Owned { all, ends })
    }

    /// Build the index of every statement of a shared `corpus`, reading the statements' texts
    /// from it instead of copying them (what the browser uses: the index then adds little to
    /// the corpus's memory).
    pub fn over(corpus: Arc<Corpus>) -> Self {
        let texts = Texts::Shared(Arc::clone(&corpus));
        Self::build(&corpus, texts)
    }

    fn build(corpus: &Corpus, texts: Texts) -> Self {
        type PeopleKey<'a> = (
            &'a [crate::model::Sym],
            &'a [crate::model::Sym],
            Option<&'a str>,
            &'a str,
        );
        let n = corpus.statements.len();
        let mut people = Vec::new();
        let mut people_ids: HashMap<PeopleKey<'_>, u32, BuildHasherDefault<FxHasher>> =
            HashMap::default();
        let mut people_of = Vec::with_capacity(n);
        let mut topic_sets = Vec::new();
        let mut topic_ids: HashMap<&[crate::model::Sym], u32, BuildHasherDefault<FxHasher>> =
            HashMap::default();
        let mut topics_of = Vec::with_capacity(n);
        let mut article_of = Vec::with_capacity(n);
        let mut kinds = Vec::with_capacity(n);
        let articles: Vec<ArticleFacets> = corpus
            .articles
            .iter()
            .map(|a| ArticleFacets {
                title: a.title.clone(),
                source: a.source.clone(),
                date: filter::date_number(a.published.as_deref()),
            })
            .collect();
        let mut last_article: (&str, u32) = ("", u32::MAX);
        for statement in &corpus.statements {
            let key: PeopleKey<'_> = (
                statement.targets(),
                statement.leaders(),
                statement.speaker.as_deref(),
                &statement.speaker_entity,
            );
            let next = u32::try_from(people.len()).unwrap_or(u32::MAX);
            let id = *people_ids.entry(key).or_insert_with(|| {
                people.push(People::of(corpus, statement));
                next
            });
            people_of.push(id);
            let next = u32::try_from(topic_sets.len()).unwrap_or(u32::MAX);
            let id = *topic_ids.entry(statement.topics()).or_insert_with(|| {
                let mut topics = String::new();
                for topic in statement.topics() {
                    push_item(&mut topics, '\t', topic);
                }
                topic_sets.push(topics);
                next
            });
            topics_of.push(id);
            // Statements of one article are usually consecutive: look its position up once.
            if last_article.0 != statement.article.as_str() {
                last_article = (
                    statement.article.as_str(),
                    corpus
                        .article_position(&statement.article)
                        .and_then(|p| u32::try_from(p).ok())
                        .unwrap_or(u32::MAX),
                );
            }
            article_of.push(last_article.1);
            kinds.push(statement.kind);
        }
        drop((people_ids, topic_ids));
        let groups: Vec<&str> = people
            .iter()
            .map(|p| p.words.as_str())
            .chain(topic_sets.iter().map(String::as_str))
            .collect();
        let people_count = u32::try_from(people.len()).unwrap_or(u32::MAX);
        let vocabulary = Vocabulary::build(
            n,
            |i| corpus.statements.get(i).map_or("", |s| s.text.as_str()),
            &groups,
            |i| [people_of[i], people_count.saturating_add(topics_of[i])],
        );
        SearchIndex {
            count: n,
            texts,
            people,
            people_of,
            topic_sets,
            topics_of,
            articles,
            article_of,
            kinds,
            vocabulary,
            matcher: new_matcher(),
        }
    }

    /// Number of statements indexed.
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when the corpus had no statements.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Number of distinct words (as written, case kept) in the vocabulary.
    pub fn word_count(&self) -> usize {
        self.vocabulary.len()
    }

    /// Approximate heap memory held by the index, in bytes (not counting a shared corpus).
    pub fn heap_bytes(&self) -> usize {
        let people: usize = self
            .people
            .iter()
            .map(|p| {
                size_of::<People>()
                    + p.words.capacity()
                    + p.targets.capacity()
                    + p.speaker.capacity()
                    + p.leaders.capacity()
            })
            .sum();
        let topics: usize = self
            .topic_sets
            .iter()
            .map(|t| size_of::<String>() + t.capacity())
            .sum();
        let articles: usize = self
            .articles
            .iter()
            .map(|a| size_of::<ArticleFacets>() + a.title.capacity() + a.source.capacity())
            .sum();
        let texts = match &self.texts {
            Texts::Owned { all, ends } => all.capacity() + ends.capacity() * size_of::<usize>(),
            Texts::Shared(_) => 0,
        };
        texts
            + people
            + topics
            + articles
            + (self.people_of.capacity() + self.topics_of.capacity() + self.article_of.capacity())
                * size_of::<u32>()
            + self.kinds.capacity() * size_of::<StatementKind>()
            + self.vocabulary.heap_bytes()
    }

    /// The statement's text as indexed (empty when out of range).
    pub fn text(&self, statement: u32) -> &str {
        let i = statement as usize;
        match &self.texts {
            Texts::Owned { all, ends } => match ends.get(i) {
                Some(&end) => all.get(start_of(ends, i)..end).unwrap_or(""),
                None => "",
            },
            Texts::Shared(corpus) => corpus.statements.get(i).map_or("", |s| s.text.as_str()),
        }
    }

    /// The statement's metadata words (targets, leaders, speaker) and topics.
    fn metadata(&self, statement: u32) -> [&str; 2] {
        let i = statement as usize;
        let people = self
            .people_of
            .get(i)
            .and_then(|&p| self.people.get(p as usize))
            .map_or("", |p| p.words.as_str());
        let topics = self
            .topics_of
            .get(i)
            .and_then(|&t| self.topic_sets.get(t as usize))
            .map_or("", String::as_str);
        [people, topics]
    }

    /// The article date of a statement as `YYYYMMDD` (0 when unknown).
    fn date(&self, statement: u32) -> u32 {
        self.article_of
            .get(statement as usize)
            .and_then(|&a| self.articles.get(a as usize))
            .map_or(0, |a| a.date)
    }

    /// The statement's own fields, as free terms see them: text, topics, then the metadata
    /// words, joined by single spaces (cleared first; empty when out of range).
    pub fn haystack_into(&self, statement: u32, out: &mut String) {
        out.clear();
        if statement as usize >= self.len() {
            return;
        }
        push_item(out, ' ', self.text(statement));
        let [people, topics] = self.metadata(statement);
        for topic in topics.split('\t') {
            push_item(out, ' ', topic);
        }
        push_item(out, ' ', people);
    }

    /// The statement's own fields as one string (see [`SearchIndex::haystack_into`]).
    pub fn haystack(&self, statement: u32) -> String {
        let mut out = String::new();
        self.haystack_into(statement, &mut out);
        out
    }

    /// SkimMatcherV2's score of `pattern` in `choice` (smart case), independent of earlier calls.
    pub fn skim_score(&self, choice: &str, pattern: &str) -> Option<i64> {
        scrub(&self.matcher);
        self.matcher.fuzzy_match(choice, pattern)
    }

    /// SkimMatcherV2's score and matched char indices of `pattern` in `choice` (smart case),
    /// independent of earlier calls.
    pub fn skim_indices(&self, choice: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        scrub(&self.matcher);
        self.matcher.fuzzy_indices(choice, pattern)
    }
}

/// Start of item `i` in an arena whose item ends are `ends`.
fn start_of(ends: &[usize], i: usize) -> usize {
    match i {
        0 => 0,
        _ => ends.get(i - 1).copied().unwrap_or(0),
    }
}

/// Remembers the last completed search so that a query extending it (see [`Query::refines`])
/// re-scores only its matches, as fzf's cache does.
#[derive(Debug, Default, Clone)]
pub struct SearchCache {
    last: Option<(Query, Vec<u32>)>,
}

impl SearchCache {
    /// An empty cache.
    pub fn new() -> Self {
        SearchCache::default()
    }

    /// The statements to search for `query`: the previous matches (ascending) when `query`
    /// refines the last stored query, `None` (search everything) otherwise.
    pub fn candidates(&self, query: &Query) -> Option<&[u32]> {
        match &self.last {
            Some((previous, matches)) if query.refines(previous) => Some(matches),
            _ => None,
        }
    }

    /// Remember the complete result of `query`.
    pub fn store(&mut self, query: &Query, hits: &[Hit]) {
        let mut matches: Vec<u32> = hits.iter().map(|h| h.statement).collect();
        matches.sort_unstable();
        self.last = Some((query.clone(), matches));
    }

    /// Forget the last search.
    pub fn clear(&mut self) {
        self.last = None;
    }

    /// Search with the cache: only the previous matches when `query` refines the last query, then
    /// remember the result.
    pub fn search(&mut self, index: &SearchIndex, query: &Query) -> Vec<Hit> {
        let hits = search(index, query, self.candidates(query));
        self.store(query, &hits);
        hits
    }
}

#[cfg(test)]
mod tests;
