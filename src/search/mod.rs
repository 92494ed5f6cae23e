//! Fuzzy search over statements, pure and terminal-free.
//!
//! Every statement gets one *haystack*: its text first, then its topics, its target entities'
//! names and aliases, its leaders' names, aliases and roles, its speaker, and its article's title
//! and outlet, joined by single spaces. A [`Query`] (fzf syntax, see [`parse_query`]) is matched
//! against the haystacks with fuzzy-matcher's `SkimMatcherV2` (smart case), after a cheap
//! memchr-based subsequence prefilter that already decides whether a statement matches; the matrix
//! only runs to score the survivors. Passes use every core.
//!
//! ```
//! use agenda_tui::search::{parse_query, search, SearchCache, SearchIndex};
//! let corpus = agenda_tui::load::embedded_seed().unwrap();
//! let index = SearchIndex::new(&corpus);
//! let hits = search(&index, &parse_query("putin"), None);
//! assert_eq!(corpus.statements[hits[0].statement as usize].id, "arirang-2021-01-21-s11");
//! // While the user types, let a cache re-score only the previous matches:
//! let mut cache = SearchCache::new();
//! let _ = cache.search(&index, &parse_query("put"));
//! let again = cache.search(&index, &parse_query("putin"));
//! assert_eq!(again, hits);
//! ```
//!
//! Memory: the per-statement part (text and topics) lives in one `String` with offsets; the parts
//! that statements share (entities, leaders, speaker; article title and outlet) are interned once.

mod engine;
mod query;
pub mod report;
mod worker;

pub use engine::{highlight_positions, search};
pub use query::{Query, Term, TermKind, parse_query};
pub use worker::{PARTIAL_HITS, SearchOutcome, SearchWorker};

use crate::model::Corpus;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashMap;

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
/// `scores_do_not_depend_on_earlier_calls`), which would make scores depend on which statements
/// a thread happened to score before, and its `use_cache(false)` panics. A one-character call
/// first shrinks the matrix to 2×2 cells, all in row 0, which every call resets; the real call
/// then grows it with default cells, exactly as a new matcher would, at the cost of one tiny call.
fn scrub(matcher: &SkimMatcherV2) {
    let _ = matcher.fuzzy_match("a", "a");
}

/// One matching statement and its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Position of the statement in `Corpus::statements`.
    pub statement: u32,
    /// Sum of the SkimMatcherV2 scores of the query's positive terms (0 for an empty query).
    pub score: i64,
}

/// The searchable form of a corpus: one haystack per statement, stored compactly, and the matcher.
pub struct SearchIndex {
    /// Text, a space and the topics of every statement, back to back.
    own: String,
    /// `own[own_ends[i - 1]..own_ends[i]]` is statement `i`'s part (`own_ends[-1]` meaning 0).
    own_ends: Vec<usize>,
    /// Byte length of each statement's text (the head of its part).
    text_lens: Vec<u32>,
    /// Interned shared parts, back to back.
    shared: String,
    /// `shared[shared_ends[k - 1]..shared_ends[k]]` is interned part `k`.
    shared_ends: Vec<usize>,
    /// Interned part of each statement's entities, leaders and speaker.
    people_of: Vec<u32>,
    /// Interned part of each statement's article title and outlet.
    article_of: Vec<u32>,
    /// Built once; always used through [`SearchIndex::skim_score`] and
    /// [`SearchIndex::skim_indices`], which scrub its scratch state first.
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("statements", &self.len())
            .field("heap_bytes", &self.heap_bytes())
            .finish()
    }
}

/// Interns strings into one arena.
struct Interner {
    text: String,
    ends: Vec<usize>,
    ids: HashMap<String, u32>,
}

impl Interner {
    fn intern(&mut self, part: &str) -> u32 {
        if let Some(&id) = self.ids.get(part) {
            return id;
        }
        let id = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        self.text.push_str(part);
        self.ends.push(self.text.len());
        self.ids.insert(part.to_string(), id);
        id
    }
}

fn push_word(out: &mut String, word: &str) {
    if word.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

impl SearchIndex {
    /// Build the haystacks of every statement of `corpus`.
    pub fn new(corpus: &Corpus) -> Self {
        let n = corpus.statements.len();
        let mut own = String::with_capacity(
            corpus
                .statements
                .iter()
                .map(|s| s.text.len() + 1 + s.topics.iter().map(|t| t.len() + 1).sum::<usize>())
                .sum(),
        );
        let mut own_ends = Vec::with_capacity(n);
        let mut text_lens = Vec::with_capacity(n);
        let mut people_of = Vec::with_capacity(n);
        let mut article_of = Vec::with_capacity(n);
        let mut interner = Interner {
            text: String::new(),
            ends: Vec::new(),
            ids: HashMap::new(),
        };
        let empty = interner.intern("");
        let article_parts: Vec<u32> = corpus
            .articles
            .iter()
            .map(|a| interner.intern(&format!("{} {}", a.title, a.source)))
            .collect();
        let mut people = String::new();
        for statement in &corpus.statements {
            own.push_str(&statement.text);
            text_lens.push(u32::try_from(statement.text.len()).unwrap_or(u32::MAX));
            for topic in &statement.topics {
                own.push(' ');
                own.push_str(topic);
            }
            own_ends.push(own.len());

            people.clear();
            for target in &statement.targets {
                match corpus.entity(target) {
                    Some(entity) => {
                        push_word(&mut people, &entity.name);
                        for alias in &entity.aliases {
                            push_word(&mut people, alias);
                        }
                    }
                    None => push_word(&mut people, target),
                }
            }
            for name in &statement.leaders {
                push_word(&mut people, name);
                if let Some(leader) = corpus.leader(name) {
                    for alias in &leader.aliases {
                        push_word(&mut people, alias);
                    }
                    push_word(&mut people, &leader.role);
                }
            }
            if let Some(speaker) = &statement.speaker {
                push_word(&mut people, speaker);
            }
            people_of.push(interner.intern(&people));
            article_of.push(
                corpus
                    .article_position(&statement.article)
                    .and_then(|p| article_parts.get(p).copied())
                    .unwrap_or(empty),
            );
        }
        let Interner {
            mut text, mut ends, ..
        } = interner;
        text.shrink_to_fit();
        ends.shrink_to_fit();
        own.shrink_to_fit();
        SearchIndex {
            own,
            own_ends,
            text_lens,
            shared: text,
            shared_ends: ends,
            people_of,
            article_of,
            matcher: new_matcher(),
        }
    }

    /// Number of statements indexed.
    pub fn len(&self) -> usize {
        self.own_ends.len()
    }

    /// True when the corpus had no statements.
    pub fn is_empty(&self) -> bool {
        self.own_ends.is_empty()
    }

    /// Approximate heap memory held by the index, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.own.capacity()
            + self.own_ends.capacity() * size_of::<usize>()
            + self.text_lens.capacity() * size_of::<u32>()
            + self.shared.capacity()
            + self.shared_ends.capacity() * size_of::<usize>()
            + (self.people_of.capacity() + self.article_of.capacity()) * size_of::<u32>()
    }

    fn shared_part(&self, id: u32) -> &str {
        let k = id as usize;
        let end = self.shared_ends.get(k).copied().unwrap_or(0);
        let start = match k {
            0 => 0,
            _ => self.shared_ends.get(k - 1).copied().unwrap_or(end),
        };
        self.shared.get(start..end).unwrap_or("")
    }

    /// The three pieces of statement `i`'s haystack (own part, people part, article part); empty
    /// strings when `i` is out of range.
    fn parts(&self, i: usize) -> [&str; 3] {
        let Some(&end) = self.own_ends.get(i) else {
            return ["", "", ""];
        };
        let start = if i == 0 { 0 } else { self.own_ends[i - 1] };
        [
            self.own.get(start..end).unwrap_or(""),
            self.shared_part(self.people_of[i]),
            self.shared_part(self.article_of[i]),
        ]
    }

    /// The statement's text as indexed (empty when out of range).
    pub fn text(&self, statement: u32) -> &str {
        let i = statement as usize;
        let own = self.parts(i)[0];
        let len = self.text_lens.get(i).copied().unwrap_or(0) as usize;
        own.get(..len).unwrap_or(own)
    }

    /// The statement's whole haystack written into `out` (cleared first; empty when out of range).
    pub fn haystack_into(&self, statement: u32, out: &mut String) {
        out.clear();
        for part in self.parts(statement as usize) {
            push_word(out, part);
        }
    }

    /// The statement's whole haystack, as the matcher sees it (empty when out of range).
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
