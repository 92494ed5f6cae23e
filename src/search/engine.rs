//! Matching: the memchr prefilter, scoring with SkimMatcherV2, passes on every core, highlighting.

use super::query::{Query, Term, TermKind};
use super::{Hit, SearchIndex};
use aho_corasick::AhoCorasick;
use memchr::memmem;
use std::cmp::Ordering;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering as AtomicOrdering};

/// Statements per unit of work in the prefilter.
const FILTER_CHUNK: usize = 8192;
/// At most this many likely top hits are picked per prefilter chunk (plenty for a first screen;
/// looking for more would slow down broad queries).
const LIKELY_TOP_PER_CHUNK: usize = 64;
/// Statements per unit of work while scoring.
const SCORE_CHUNK: usize = 1024;
/// Below this many hits sorting is not split across threads.
const PARALLEL_SORT_MIN: usize = 50_000;

/// One character of a term as the prefilter looks for it.
enum Needle {
    /// An ASCII byte matched exactly.
    Byte(u8),
    /// An ASCII letter in either case.
    Either(u8, u8),
    /// A non-ASCII character, matched exactly (as SkimMatcherV2 does).
    Bytes(Box<memmem::Finder<'static>>),
}

impl Needle {
    fn new(c: char, case_sensitive: bool) -> Self {
        if c.is_ascii() {
            let b = c as u8;
            if !case_sensitive && b.is_ascii_alphabetic() {
                Needle::Either(b.to_ascii_lowercase(), b.to_ascii_uppercase())
            } else {
                Needle::Byte(b)
            }
        } else {
            let mut buf = [0u8; 4];
            Needle::Bytes(Box::new(
                memmem::Finder::new(c.encode_utf8(&mut buf).as_bytes()).into_owned(),
            ))
        }
    }

    fn len(&self) -> usize {
        match self {
            Needle::Byte(_) | Needle::Either(..) => 1,
            Needle::Bytes(f) => f.needle().len(),
        }
    }

    fn find(&self, hay: &[u8]) -> Option<usize> {
        match self {
            Needle::Byte(b) => memchr::memchr(*b, hay),
            Needle::Either(a, b) => memchr::memchr2(*a, *b, hay),
            Needle::Bytes(f) => f.find(hay),
        }
    }

    fn rfind(&self, hay: &[u8]) -> Option<usize> {
        match self {
            Needle::Byte(b) => memchr::memrchr(*b, hay),
            Needle::Either(a, b) => memchr::memrchr2(*a, *b, hay),
            Needle::Bytes(f) => memmem::rfind(hay, f.needle()),
        }
    }
}

/// A substring search with smart case.
enum Substring {
    /// Case-sensitive (or nothing to fold).
    Exact(Box<memmem::Finder<'static>>),
    /// ASCII letters in either case, with aho-corasick's fast prefilters.
    Folded(AhoCorasick),
    /// ASCII letters in either case, scanning candidates of the first byte (if the automaton
    /// could not be built).
    FoldedScan(Vec<u8>),
}

impl Substring {
    fn new(needle: &str, case_sensitive: bool) -> Self {
        let bytes = needle.as_bytes();
        if case_sensitive || !bytes.iter().any(u8::is_ascii_alphabetic) {
            return Substring::Exact(Box::new(memmem::Finder::new(bytes).into_owned()));
        }
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([bytes])
            .map_or_else(|_| Substring::FoldedScan(bytes.to_vec()), Substring::Folded)
    }

    /// Byte offset of the first occurrence in `hay`.
    fn find(&self, hay: &[u8]) -> Option<usize> {
        match self {
            Substring::Exact(finder) => finder.find(hay),
            Substring::Folded(automaton) => automaton.find(hay).map(|m| m.start()),
            Substring::FoldedScan(needle) => find_folded(hay, needle),
        }
    }
}

/// First position of `needle` in `hay`, folding ASCII case.
fn find_folded(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut from = 0;
    while let Some(found) = memchr::memchr2(lower, upper, hay.get(from..)?) {
        let at = from + found;
        let window = hay.get(at..at + needle.len())?;
        if window.eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A term prepared for fast checks.
struct Prepared<'q> {
    term: &'q Term,
    needles: Vec<Needle>,
    substring: Substring,
}

impl<'q> Prepared<'q> {
    fn new(term: &'q Term) -> Self {
        Prepared {
            term,
            needles: term
                .text
                .chars()
                .map(|c| Needle::new(c, term.case_sensitive))
                .collect(),
            substring: Substring::new(&term.text, term.case_sensitive),
        }
    }

    /// The characters of the term appear in order across the parts (separators never matter:
    /// terms hold no whitespace).
    fn is_subsequence(&self, parts: &[&str; 3]) -> bool {
        let mut part = 0;
        let mut pos = 0;
        for needle in &self.needles {
            loop {
                let Some(hay) = parts.get(part) else {
                    return false;
                };
                match needle.find(&hay.as_bytes()[pos..]) {
                    Some(found) => {
                        pos += found + needle.len();
                        break;
                    }
                    None => {
                        part += 1;
                        pos = 0;
                    }
                }
            }
        }
        true
    }

    /// `hay` holds the term as a substring (smart case: ASCII letters fold unless case-sensitive).
    fn occurs_in(&self, hay: &str) -> bool {
        self.substring.find(hay.as_bytes()).is_some()
    }

    /// `text` starts with the term (smart case).
    fn is_prefix_of(&self, text: &str) -> bool {
        let needle = self.term.text.as_bytes();
        text.as_bytes().get(..needle.len()).is_some_and(|head| {
            if self.term.case_sensitive {
                head == needle
            } else {
                head.eq_ignore_ascii_case(needle)
            }
        })
    }

    /// The part of `hay` that decides SkimMatcherV2's score for the term, which is the same on it
    /// as on the whole of `hay` and cheaper to compute (the matcher's cost grows with the length
    /// of what it is given):
    /// - it ends with the last occurrence of the term's last character: no match ends later, and
    ///   the score does not depend on what follows a match;
    /// - it starts at the last space before the first occurrence of the term's first character:
    ///   no match starts earlier, unmatched leading characters cost nothing, and every character
    ///   after the space keeps its previous character, hence its bonus (the space itself, whose
    ///   bonus changes as the first character, can never be matched: terms hold no whitespace).
    fn match_window(&self, hay: &str) -> Option<Range<usize>> {
        let bytes = hay.as_bytes();
        let first = self.needles.first()?.find(bytes)?;
        let start = memchr::memrchr(b' ', &bytes[..first]).unwrap_or(0);
        let last = self.needles.last()?;
        let end = last.rfind(bytes)? + last.len();
        (start <= end).then_some(start..end)
    }
}

/// A query prepared for a pass.
pub(crate) struct Matcher<'a> {
    index: &'a SearchIndex,
    terms: Vec<Prepared<'a>>,
    needs_haystack: bool,
}

impl<'a> Matcher<'a> {
    pub(crate) fn new(index: &'a SearchIndex, query: &'a Query) -> Self {
        let terms: Vec<Prepared<'a>> = query.terms.iter().map(Prepared::new).collect();
        let needs_haystack = terms
            .iter()
            .any(|t| matches!(t.term.kind, TermKind::Exact | TermKind::Exclude));
        Matcher {
            index,
            terms,
            needs_haystack,
        }
    }

    /// Whether statement `i` matches; exact, so scoring never rejects a statement that passed.
    /// `buf` is scratch space for the assembled haystack.
    fn matches(&self, i: u32, buf: &mut String) -> bool {
        let parts = self.index.parts(i as usize);
        for t in &self.terms {
            let ok = match t.term.kind {
                TermKind::Fuzzy | TermKind::Exact => t.is_subsequence(&parts),
                TermKind::Prefix => t.is_prefix_of(self.index.text(i)),
                TermKind::Exclude => true,
            };
            if !ok {
                return false;
            }
        }
        if self.needs_haystack {
            self.index.haystack_into(i, buf);
            for t in &self.terms {
                let ok = match t.term.kind {
                    TermKind::Exact => t.occurs_in(buf),
                    TermKind::Exclude => !t.occurs_in(buf),
                    TermKind::Fuzzy | TermKind::Prefix => true,
                };
                if !ok {
                    return false;
                }
            }
        }
        true
    }

    /// Whether every fuzzy term occurs in statement `i` as a plain substring: likely a top hit.
    fn is_likely_top(&self, i: u32) -> bool {
        let parts = self.index.parts(i as usize);
        self.terms
            .iter()
            .filter(|t| t.term.kind == TermKind::Fuzzy)
            .all(|t| parts.iter().any(|p| t.occurs_in(p)))
    }

    /// Score of a statement known to match.
    fn score(&self, i: u32, buf: &mut String) -> Option<i64> {
        self.index.haystack_into(i, buf);
        let mut total = 0i64;
        for t in self.terms.iter().filter(|t| t.term.is_positive()) {
            let window = t.match_window(buf)?;
            total += self.index.skim_score(buf.get(window)?, &t.term.text)?;
        }
        Some(total)
    }
}

/// Best first; ties in corpus order.
pub(crate) fn rank(a: &Hit, b: &Hit) -> Ordering {
    b.score.cmp(&a.score).then(a.statement.cmp(&b.statement))
}

/// Worker threads for a pass: every core.
fn thread_count() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Run `work` over `0..len` in chunks on every core; results in chunk order. `None` when
/// `cancelled` turned true (checked before every chunk).
fn par_chunks<T: Send>(
    len: usize,
    chunk: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
    work: &(dyn Fn(Range<usize>, &mut String) -> T + Sync),
) -> Option<Vec<T>> {
    let chunks = len.div_ceil(chunk);
    let threads = thread_count().min(chunks).max(1);
    let next = AtomicUsize::new(0);
    let stopped = AtomicBool::new(false);
    let run = || {
        let mut buf = String::new();
        let mut done = Vec::new();
        loop {
            let c = next.fetch_add(1, AtomicOrdering::Relaxed);
            if c >= chunks {
                break;
            }
            if stopped.load(AtomicOrdering::Relaxed) || cancelled() {
                stopped.store(true, AtomicOrdering::Relaxed);
                break;
            }
            let start = c * chunk;
            done.push((c, work(start..(start + chunk).min(len), &mut buf)));
        }
        done
    };
    let mut results: Vec<(usize, T)> = if threads <= 1 {
        run()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (1..threads).map(|_| scope.spawn(run)).collect();
            let mut all = run();
            for handle in handles {
                match handle.join() {
                    Ok(part) => all.extend(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            all
        })
    };
    if stopped.load(AtomicOrdering::Relaxed) {
        return None;
    }
    results.sort_unstable_by_key(|(c, _)| *c);
    Some(results.into_iter().map(|(_, t)| t).collect())
}

/// The statements among `candidates` (all when `None`) that match: first some where every
/// fuzzy term occurs as a substring (likely top hits, up to [`LIKELY_TOP_PER_CHUNK`] per chunk),
/// then the rest, each in corpus order, and how many come first. `None` when cancelled.
pub(crate) fn filter(
    matcher: &Matcher<'_>,
    candidates: Option<&[u32]>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<(Vec<u32>, usize)> {
    let len = candidates.map_or(matcher.index.len(), <[u32]>::len);
    let id_at = |k: usize| -> u32 {
        match candidates {
            Some(list) => list[k],
            None => k as u32,
        }
    };
    let chunks = par_chunks(len, FILTER_CHUNK, cancelled, &|range, buf| {
        let mut preferred = Vec::new();
        let mut rest = Vec::new();
        for k in range {
            let i = id_at(k);
            if !matcher.matches(i, buf) {
                continue;
            }
            if preferred.len() < LIKELY_TOP_PER_CHUNK && matcher.is_likely_top(i) {
                preferred.push(i);
            } else {
                rest.push(i);
            }
        }
        (preferred, rest)
    })?;
    let total: usize = chunks.iter().map(|(p, r)| p.len() + r.len()).sum();
    let mut out = Vec::with_capacity(total);
    for (preferred, _) in &chunks {
        out.extend_from_slice(preferred);
    }
    let preferred_count = out.len();
    for (_, rest) in &chunks {
        out.extend_from_slice(rest);
    }
    Some((out, preferred_count))
}

/// Scores of `statements` (all known to match), unsorted. `None` when cancelled.
pub(crate) fn score(
    matcher: &Matcher<'_>,
    statements: &[u32],
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Hit>> {
    let chunks = par_chunks(statements.len(), SCORE_CHUNK, cancelled, &|range, buf| {
        statements[range]
            .iter()
            .map(|&i| Hit {
                statement: i,
                score: matcher.score(i, buf).unwrap_or(0),
            })
            .collect::<Vec<Hit>>()
    })?;
    Some(chunks.concat())
}

/// Sort hits best first (ties in corpus order), on two threads when there are many.
pub(crate) fn sort_hits(mut hits: Vec<Hit>) -> Vec<Hit> {
    if hits.len() < PARALLEL_SORT_MIN || thread_count() < 2 {
        hits.sort_unstable_by(rank);
        return hits;
    }
    let mid = hits.len() / 2;
    let (left, right) = hits.split_at_mut(mid);
    std::thread::scope(|scope| {
        scope.spawn(|| left.sort_unstable_by(rank));
        right.sort_unstable_by(rank);
    });
    let mut out = Vec::with_capacity(hits.len());
    let (mut a, mut b) = (0, mid);
    while a < mid && b < hits.len() {
        if rank(&hits[a], &hits[b]) == Ordering::Greater {
            out.push(hits[b]);
            b += 1;
        } else {
            out.push(hits[a]);
            a += 1;
        }
    }
    out.extend_from_slice(&hits[a..mid]);
    out.extend_from_slice(&hits[b..]);
    out
}

/// Every statement among `candidates` (all statements when `None`; a candidate list must be in
/// ascending order for ties to come out in corpus order) matching `query`, best first, ties in
/// corpus order. An empty query matches everything with score 0. Uses every core.
pub fn search(index: &SearchIndex, query: &Query, candidates: Option<&[u32]>) -> Vec<Hit> {
    let never = || false;
    let matcher = Matcher::new(index, query);
    let Some((matches, _)) = filter(&matcher, candidates, &never) else {
        return Vec::new();
    };
    if query.is_empty() {
        let mut matches = matches;
        matches.sort_unstable();
        return matches
            .into_iter()
            .map(|statement| Hit {
                statement,
                score: 0,
            })
            .collect();
    }
    score(&matcher, &matches, &never).map_or_else(Vec::new, sort_hits)
}

/// Char indices (not byte offsets) into the statement's TEXT of the characters `query` matches
/// there, ascending and without duplicates, for highlighting the rows on screen. Computed on
/// demand, one statement at a time.
///
/// A fuzzy term is aligned within the text when it matches there, otherwise within the whole
/// haystack, keeping only the positions that fall in the text. An exact term highlights its first
/// occurrence in the text; a prefix term the start of the text; exclusions nothing. Empty when
/// `statement` is out of range.
pub fn highlight_positions(index: &SearchIndex, query: &Query, statement: u32) -> Vec<usize> {
    if statement as usize >= index.len() {
        return Vec::new();
    }
    let text = index.text(statement);
    let text_chars = text.chars().count();
    let mut positions = Vec::new();
    let mut haystack: Option<String> = None;
    for term in &query.terms {
        let prepared = Prepared::new(term);
        match term.kind {
            TermKind::Fuzzy => {
                if let Some((_, found)) = index.skim_indices(text, &term.text) {
                    positions.extend(found);
                } else {
                    let hay = haystack.get_or_insert_with(|| index.haystack(statement));
                    if let Some((_, found)) = index.skim_indices(hay, &term.text) {
                        positions.extend(found.into_iter().filter(|&p| p < text_chars));
                    }
                }
            }
            TermKind::Exact => {
                if let Some(at) = prepared.substring.find(text.as_bytes()) {
                    let first = text.get(..at).map_or(0, |s| s.chars().count());
                    positions.extend(first..first + term.text.chars().count());
                }
            }
            TermKind::Prefix => {
                if prepared.is_prefix_of(text) {
                    positions.extend(0..term.text.chars().count());
                }
            }
            TermKind::Exclude => {}
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
    use crate::search::parse_query;
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

        #[test]
        fn the_match_window_scores_like_the_whole_haystack(
            hay in "[aAbBcC _.é문x0-]{0,60}",
            pattern in "[abcABCé문x.0-]{1,4}",
        ) {
            let query = parse_query(&pattern);
            let term = Prepared::new(&query.terms[0]);
            let full = crate::search::fresh_matcher().fuzzy_match(&hay, &pattern);
            let windowed = term
                .match_window(&hay)
                .and_then(|w| crate::search::fresh_matcher().fuzzy_match(&hay[w], &pattern));
            prop_assert_eq!(full, windowed);
        }
    }

    #[test]
    fn folded_substring_search_agrees_with_the_automaton() {
        for (hay, needle) in [
            ("Xi Jinping visit", "jinp"),
            ("xx", "xxx"),
            ("aAbB", "ab"),
            ("문재인 Moon", "moon"),
            ("", "a"),
        ] {
            let automaton = Substring::new(needle, false);
            assert_eq!(
                find_folded(hay.as_bytes(), needle.as_bytes()),
                automaton.find(hay.as_bytes()),
                "{hay} / {needle}"
            );
        }
    }
}
