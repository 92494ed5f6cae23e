//! Matching and ranking: free terms through the vocabulary, filters, operators, the 0–100
//! score, highlighting. Operators live in `operator`, ranking keys and passes in `keys`.

use super::filter::{Filter, starts_a_word};
use super::keys::{DATE_BITS, hit_of, key, par_chunks, sort_keys, thread_count};
use super::operator::{Operator, Substring};
use super::query::{Query, Term, TermKind};
use super::vocabulary::{
    EXACT, FUZZY, IN_METADATA, IN_TEXT, Level, PREFIX, WordMap, WordTerm, words,
};
use super::{Hit, SearchIndex};

/// Statements per unit of work.
const CHUNK: usize = 16_384;
/// Terms beyond this many do not count for proximity.
const MAX_PROXIMITY_TERMS: usize = 64;
/// Weight of how well the terms match (the rest is proximity and coverage of the text).
const MATCH_WEIGHT: f64 = 0.75;
/// A term found only in the metadata counts this fraction of a term found in the text.
const METADATA_FACTOR: f64 = 0.5;

/// Value of a match level in the score.
fn level_value(level: Level) -> f64 {
    match level {
        EXACT => 1.0,
        PREFIX => 0.8,
        FUZZY => 0.6,
        _ => 0.0,
    }
}

/// How one positive term matched a statement: best level in the text and in the metadata.
#[derive(Debug, Clone, Copy, Default)]
struct TermMatch {
    text: Level,
    metadata: Level,
}

impl TermMatch {
    fn value(self) -> f64 {
        if self.text > 0 {
            level_value(self.text)
        } else {
            METADATA_FACTOR * level_value(self.metadata)
        }
    }
}

/// The filters of a query, evaluated once per interned group.
struct FilterPlan {
    people_ok: Option<Vec<bool>>,
    topics_ok: Option<Vec<bool>>,
    article_ok: Option<Vec<bool>>,
    kinds: Vec<crate::model::StatementKind>,
}

fn any_item_starts(items: &str, value: &str) -> bool {
    items
        .split(['\t', '\n'])
        .any(|item| item.eq_ignore_ascii_case(value) || starts_a_word(item, value))
}

/// Whether one of the items is `value`, or starts a word with it — or, for a value typed as a
/// code (`RUS`), is exactly it.
fn any_item_matches(items: &str, value: &str) -> bool {
    if super::filter::is_code(value) {
        items.split(['\t', '\n']).any(|item| item == value)
    } else {
        any_item_starts(items, value)
    }
}

impl FilterPlan {
    fn new(index: &SearchIndex, filters: &[Filter]) -> Self {
        let people: Vec<&Filter> = filters
            .iter()
            .filter(|f| {
                matches!(
                    f,
                    Filter::Country(_) | Filter::Speaker(_) | Filter::Leader(_)
                )
            })
            .collect();
        let topics: Vec<&str> = filters
            .iter()
            .filter_map(|f| match f {
                Filter::Topic(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        let article: Vec<&Filter> = filters
            .iter()
            .filter(|f| {
                matches!(
                    f,
                    Filter::Source(_) | Filter::Title(_) | Filter::Date { .. }
                )
            })
            .collect();
        FilterPlan {
            people_ok: (!people.is_empty()).then(|| {
                index
                    .people
                    .iter()
                    .map(|p| {
                        people.iter().all(|f| match f {
                            Filter::Country(v) => any_item_matches(&p.targets, v),
                            Filter::Speaker(v) => any_item_matches(&p.speaker, v),
                            Filter::Leader(v) => any_item_starts(&p.leaders, v),
                            _ => true,
                        })
                    })
                    .collect()
            }),
            topics_ok: (!topics.is_empty()).then(|| {
                index
                    .topic_sets
                    .iter()
                    .map(|set| topics.iter().all(|v| any_item_starts(set, v)))
                    .collect()
            }),
            article_ok: (!article.is_empty()).then(|| {
                index
                    .articles
                    .iter()
                    .map(|a| {
                        article.iter().all(|f| match f {
                            Filter::Source(v) => starts_a_word(&a.source, v),
                            Filter::Title(v) => starts_a_word(&a.title, v),
                            Filter::Date { from, to } => a.date >= *from && a.date <= *to,
                            _ => true,
                        })
                    })
                    .collect()
            }),
            kinds: filters
                .iter()
                .filter_map(|f| match f {
                    Filter::Kind(k) => Some(*k),
                    _ => None,
                })
                .collect(),
        }
    }

    fn allows(&self, index: &SearchIndex, i: usize) -> bool {
        let ok = |table: &Option<Vec<bool>>, of: &[u32]| match table {
            None => true,
            Some(table) => of
                .get(i)
                .and_then(|&g| table.get(g as usize))
                .copied()
                .unwrap_or(false),
        };
        ok(&self.people_ok, &index.people_of)
            && ok(&self.topics_ok, &index.topics_of)
            && ok(&self.article_ok, &index.article_of)
            && self
                .kinds
                .iter()
                .all(|k| index.kinds.get(i).is_some_and(|own| own == k))
    }
}

/// Postings bytes above which a term's words are decoded on two threads.
const PARALLEL_DECODE_MIN: usize = 1 << 20;

/// For each statement, `text level << 2 | metadata level` of the best of `matched` words.
fn statement_levels(index: &SearchIndex, matched: &[(usize, Level)]) -> Vec<u8> {
    let vocabulary = &index.vocabulary;
    let fill = |words: &[(usize, Level)]| {
        let mut levels = vec![0u8; index.len()];
        for &(id, level) in words {
            vocabulary.for_each_posting(id, |statement, flags| {
                if let Some(cell) = levels.get_mut(statement as usize) {
                    let text = if flags & IN_TEXT != 0 { level } else { 0 };
                    let metadata = if flags & IN_METADATA != 0 { level } else { 0 };
                    *cell = ((*cell >> 2).max(text) << 2) | (*cell & 3).max(metadata);
                }
            });
        }
        levels
    };
    let total: usize = matched
        .iter()
        .map(|&(id, _)| vocabulary.posting_bytes(id))
        .sum();
    if total < PARALLEL_DECODE_MIN || thread_count() < 2 {
        return fill(matched);
    }
    // Two halves of about the same postings size, decoded side by side, then merged.
    let mut half = 0;
    let mut seen = 0;
    for (k, &(id, _)) in matched.iter().enumerate() {
        seen += vocabulary.posting_bytes(id);
        half = k + 1;
        if 2 * seen >= total {
            break;
        }
    }
    let (first, second) = matched.split_at(half);
    let (mut levels, other) = std::thread::scope(|scope| {
        let other = scope.spawn(|| fill(second));
        let mine = fill(first);
        (
            mine,
            other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        )
    });
    for (cell, &more) in levels.iter_mut().zip(&other) {
        *cell = ((*cell >> 2).max(more >> 2) << 2) | (*cell & 3).max(more & 3);
    }
    levels
}

/// A query prepared for a pass over one index.
pub(crate) struct Plan<'a> {
    index: &'a SearchIndex,
    query: &'a Query,
    /// Per free term: for each statement, `text level << 2 | metadata level`.
    free: Vec<Vec<u8>>,
    /// Words matched by free terms (as written) and which free terms they match.
    word_terms: WordMap<'a, u64>,
    /// The first bytes of the words in `word_terms`: other words need no lookup.
    first_bytes: [bool; 256],
    exact: Vec<Operator<'a>>,
    prefix: Vec<Operator<'a>>,
    exclude: Vec<Operator<'a>>,
    filters: FilterPlan,
    /// Positive terms (free, exact, prefix).
    positive: usize,
}

impl<'a> Plan<'a> {
    /// Match the query's free terms against the vocabulary and prepare the rest. `None` when
    /// cancelled.
    pub(crate) fn new(
        index: &'a SearchIndex,
        query: &'a Query,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Self> {
        let skim = |word: &str, term: &str| index.skim_score(word, term);
        let operator = |kind: TermKind| -> Vec<Operator<'a>> {
            query
                .terms
                .iter()
                .filter(|t| t.kind == kind)
                .map(|term| Operator {
                    term,
                    substring: Substring::new(&term.text, term.case_sensitive),
                })
                .collect()
        };
        let mut word_terms: WordMap<'a, u64> = WordMap::default();
        let mut free = Vec::new();
        let vocabulary = &index.vocabulary;
        for (t, term) in query
            .terms
            .iter()
            .filter(|t| t.kind == TermKind::Fuzzy)
            .enumerate()
        {
            if cancelled() {
                return None;
            }
            let prepared = WordTerm::new(&term.text, term.case_sensitive);
            let mut matched: Vec<(usize, Level)> = Vec::new();
            for id in 0..vocabulary.len() {
                let word = vocabulary.word(id);
                let level = prepared.level(word, vocabulary.lower(id), &skim);
                if level == 0 {
                    continue;
                }
                if t < MAX_PROXIMITY_TERMS {
                    *word_terms.entry(word).or_insert(0) |= 1 << t;
                }
                matched.push((id, level));
            }
            let levels = statement_levels(index, &matched);
            free.push(levels);
        }
        let mut first_bytes = [false; 256];
        for word in word_terms.keys() {
            if let Some(&first) = word.as_bytes().first() {
                first_bytes[first as usize] = true;
            }
        }
        let exact = operator(TermKind::Exact);
        let prefix = operator(TermKind::Prefix);
        Some(Plan {
            index,
            query,
            positive: free.len() + exact.len() + prefix.len(),
            free,
            word_terms,
            first_bytes,
            exact,
            prefix,
            exclude: operator(TermKind::Exclude),
            filters: FilterPlan::new(index, &query.filters),
        })
    }

    /// The ranking key of statement `i` when it matches: see [`key`].
    fn evaluate(&self, i: u32) -> Option<u64> {
        let at = i as usize;
        let mut total = 0.0;
        let mut in_text = 0usize;
        let mut free_in_text: u64 = 0;
        for (t, levels) in self.free.iter().enumerate() {
            let cell = *levels.get(at)?;
            if cell == 0 {
                return None;
            }
            let found = TermMatch {
                text: cell >> 2,
                metadata: cell & 3,
            };
            if found.text > 0 {
                in_text += 1;
                if t < MAX_PROXIMITY_TERMS {
                    free_in_text |= 1 << t;
                }
            }
            total += found.value();
        }
        if !self.filters.allows(self.index, at) {
            return None;
        }
        let needs_text = !self.prefix.is_empty()
            || !self.exact.is_empty()
            || !self.exclude.is_empty()
            || free_in_text.count_ones() >= 2;
        let text = if needs_text { self.index.text(i) } else { "" };
        for op in &self.prefix {
            if !op.is_prefix_of(text) {
                return None;
            }
            in_text += 1;
            total += level_value(EXACT);
        }
        if !self.exact.is_empty() || !self.exclude.is_empty() {
            let metadata = self.index.metadata(i);
            for op in &self.exact {
                let found = TermMatch {
                    text: op.level_in(text),
                    metadata: metadata.iter().map(|m| op.level_in(m)).max().unwrap_or(0),
                };
                if found.text == 0 && found.metadata == 0 {
                    return None;
                }
                if found.text > 0 {
                    in_text += 1;
                }
                total += found.value();
            }
            for op in &self.exclude {
                if op.occurs_in(text).is_some()
                    || metadata.iter().any(|m| op.occurs_in(m).is_some())
                {
                    return None;
                }
            }
        }
        let score = if self.positive == 0 {
            0
        } else {
            let matching = total / self.positive as f64;
            let spread = match free_in_text.count_ones() {
                0 | 1 => 1.0,
                k => f64::from(k) / self.window(text, free_in_text) as f64,
            };
            let coverage = in_text as f64 / self.positive as f64 * spread;
            (100.0 * (MATCH_WEIGHT * matching + (1.0 - MATCH_WEIGHT) * coverage)).round() as u8
        };
        Some(key(score.min(100), self.index.date(i), i))
    }

    /// The fewest consecutive words of `text` that hold a word of every free term in `wanted`.
    fn window(&self, text: &str, wanted: u64) -> usize {
        // The words holding a wanted term: (word number, terms), usually a handful.
        let mut inline = [(0u32, 0u64); 16];
        let mut held = 0;
        let mut spilled: Vec<(u32, u64)> = Vec::new();
        let mut number = 0u32;
        for (_, word) in words(text) {
            let first = word.as_bytes().first().copied().unwrap_or(0);
            if self.first_bytes[first as usize] {
                let terms = self.word_terms.get(word).copied().unwrap_or(0) & wanted;
                if terms != 0 {
                    if held < inline.len() {
                        inline[held] = (number, terms);
                        held += 1;
                    } else {
                        if spilled.is_empty() {
                            spilled.extend_from_slice(&inline);
                        }
                        spilled.push((number, terms));
                    }
                }
            }
            number += 1;
        }
        let found: &[(u32, u64)] = if spilled.is_empty() {
            &inline[..held]
        } else {
            &spilled
        };
        let mut counts = [0u32; MAX_PROXIMITY_TERMS];
        let mut covered: u64 = 0;
        let mut best = number.max(1) as usize;
        let mut left = 0;
        for &(at, terms) in found {
            for bit in Bits(terms) {
                counts[bit] += 1;
                covered |= 1 << bit;
            }
            while covered == wanted {
                let (start, leaving) = found[left];
                best = best.min((at - start) as usize + 1);
                for bit in Bits(leaving) {
                    counts[bit] -= 1;
                    if counts[bit] == 0 {
                        covered &= !(1 << bit);
                    }
                }
                left += 1;
            }
        }
        best
    }
}

/// The set bits of a mask.
struct Bits(u64);

impl Iterator for Bits {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        (self.0 != 0).then(|| {
            let bit = self.0.trailing_zeros() as usize;
            self.0 &= self.0 - 1;
            bit
        })
    }
}

/// The ranking keys of the statements among `candidates` (all when `None`) that match, in corpus
/// order. `None` when cancelled.
pub(crate) fn evaluate(
    plan: &Plan<'_>,
    candidates: Option<&[u32]>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<u64>> {
    let len = candidates.map_or(plan.index.len(), <[u32]>::len);
    let id_at = |k: usize| -> u32 {
        match candidates {
            Some(list) => list[k],
            None => k as u32,
        }
    };
    let chunks = par_chunks(len, CHUNK, cancelled, &|range, _| {
        range
            .filter_map(|k| plan.evaluate(id_at(k)))
            .collect::<Vec<u64>>()
    })?;
    if plan.query.is_empty() {
        // No terms, no filters: every statement in corpus order.
        return Some(
            chunks
                .concat()
                .into_iter()
                .map(|k| u64::from(k as u32) | (100 << (32 + DATE_BITS)))
                .collect(),
        );
    }
    Some(chunks.concat())
}

/// Every statement among `candidates` (all statements when `None`) matching `query`, best first:
/// higher score, then newer article, then corpus order. An empty query matches everything with
/// score 0, in corpus order. Uses every core.
pub fn search(index: &SearchIndex, query: &Query, candidates: Option<&[u32]>) -> Vec<Hit> {
    let never = || false;
    let Some(plan) = Plan::new(index, query, &never) else {
        return Vec::new();
    };
    let Some(mut keys) = evaluate(&plan, candidates, &never) else {
        return Vec::new();
    };
    sort_keys(&mut keys);
    keys.into_iter().map(hit_of).collect()
}

/// Char indices (not byte offsets) into the statement's TEXT of the characters `query` matches
/// there, ascending and without duplicates, for highlighting the rows on screen. Computed on
/// demand, one statement at a time.
///
/// A free term marks the words of the text it matches: a whole equal word, the start of a word
/// it begins, the letters SkimMatcherV2 aligns in a close word (the whole word for one edit). An
/// exact term marks its first occurrence; a prefix term the start of the text; exclusions and
/// filters nothing. Empty when `statement` is out of range.
pub fn highlight_positions(index: &SearchIndex, query: &Query, statement: u32) -> Vec<usize> {
    if statement as usize >= index.len() {
        return Vec::new();
    }
    let text = index.text(statement);
    let text_chars = text.chars().count();
    let skim = |word: &str, term: &str| index.skim_score(word, term);
    let mut positions = Vec::new();
    let free: Vec<(WordTerm, &Term)> = query
        .terms
        .iter()
        .filter(|t| t.kind == TermKind::Fuzzy)
        .map(|t| (WordTerm::new(&t.text, t.case_sensitive), t))
        .collect();
    if !free.is_empty() {
        let mut chars_before = 0;
        let mut bytes_seen = 0;
        for (at, word) in words(text) {
            chars_before += text[bytes_seen..at].chars().count();
            bytes_seen = at;
            let lower = word.to_lowercase();
            let word_chars = word.chars().count();
            for (prepared, term) in &free {
                let marked = match prepared.level(word, &lower, &skim) {
                    EXACT => 0..word_chars,
                    PREFIX => 0..term.text.chars().count().min(word_chars),
                    FUZZY => match index.skim_indices(word, &term.text) {
                        Some((_, found)) if lower.chars().count() == word_chars => {
                            positions.extend(found.into_iter().map(|p| chars_before + p));
                            0..0
                        }
                        _ => 0..word_chars,
                    },
                    _ => 0..0,
                };
                positions.extend(marked.map(|p| chars_before + p));
            }
        }
    }
    for term in &query.terms {
        let op = Operator {
            term,
            substring: Substring::new(&term.text, term.case_sensitive),
        };
        match term.kind {
            TermKind::Exact => {
                if let Some(at) = op.occurs_in(text) {
                    let first = text.get(..at).map_or(0, |s| s.chars().count());
                    positions.extend(first..first + term.text.chars().count());
                }
            }
            TermKind::Prefix => {
                if op.is_prefix_of(text) {
                    positions.extend(0..term.text.chars().count());
                }
            }
            TermKind::Fuzzy | TermKind::Exclude => {}
        }
    }
    positions.retain(|&p| p < text_chars);
    positions.sort_unstable();
    positions.dedup();
    positions
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn scrubbed_calls_equal_a_new_matcher(
            dirty_hay in "[aAbBcC _.é문x0-]{0,80}",
            dirty_pattern in "[abcABCé문x.0-]{1,5}",
            hay in "[aAbBcC _.é문x0-]{0,60}",
            pattern in "[abcABCé문x.0-]{1,4}",
        ) {
            let index = SearchIndex::new(&crate::model::Corpus::default());
            let _ = index.skim_indices(&dirty_hay, &dirty_pattern);
            let _ = index.skim_score(&dirty_hay, &dirty_pattern);
            let fresh = crate::search::fresh_matcher();
            prop_assert_eq!(index.skim_score(&hay, &pattern), fresh.fuzzy_match(&hay, &pattern));
            let _ = index.skim_score(&dirty_hay, &dirty_pattern);
            let fresh = crate::search::fresh_matcher();
            prop_assert_eq!(
                index.skim_indices(&hay, &pattern),
                fresh.fuzzy_indices(&hay, &pattern)
            );
        }
    }
}
