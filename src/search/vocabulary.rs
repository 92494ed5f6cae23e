//! The corpus's words with postings, and how a query term matches a word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Posting flag: the word occurs in the statement's text.
pub(crate) const IN_TEXT: u8 = 1;
/// Posting flag: the word occurs in the statement's metadata (targets, leaders, speaker, topics).
pub(crate) const IN_METADATA: u8 = 2;

/// How well a term matches a word, best last (0: no match).
pub(crate) type Level = u8;
/// Close to the word: its letters within a short word, or one edit away.
pub(crate) const FUZZY: Level = 1;
/// The word starts with the term.
pub(crate) const PREFIX: Level = 2;
/// The word is the term.
pub(crate) const EXACT: Level = 3;

/// FxHash (rustc's hasher): fast for short keys; the keys are the corpus's own words.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by words.
pub(crate) type WordMap<'a, V> = HashMap<&'a str, V, BuildHasherDefault<FxHasher>>;

/// Whether the character at byte `at` of `text` (a char boundary) is a letter or digit, and its
/// length in bytes; ASCII is decided without decoding.
fn word_char(text: &str, at: usize) -> (bool, usize) {
    match text.as_bytes().get(at) {
        Some(&b) if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
        Some(_) => text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        None => (false, 1),
    }
}

/// The words of `text`: maximal runs of letters and digits, with their byte offsets.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            if at >= text.len() {
                return None;
            }
            let (is_word, len) = word_char(text, at);
            if is_word {
                break;
            }
            at += len;
        }
        let start = at;
        while at < text.len() {
            let (is_word, len) = word_char(text, at);
            if !is_word {
                break;
            }
            at += len;
        }
        text.get(start..at).map(|word| (start, word))
    })
}

/// One word's postings while building: delta-encoded statement numbers with flags.
#[derive(Default)]
struct Building {
    bytes: Vec<u8>,
    /// The last statement added, plus one (0: none yet).
    last: u32,
    /// Where the last entry starts in `bytes`.
    last_at: usize,
}

fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn read_varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (at, &byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * at);
        if byte & 0x80 == 0 {
            return Some((value, at + 1));
        }
    }
    None
}

impl Building {
    /// Append the postings of `later`, built from zero over statements that all come after
    /// this one's.
    fn append(&mut self, later: Building) {
        if later.bytes.is_empty() {
            return;
        }
        if self.last == 0 {
            *self = later;
            return;
        }
        let Some((first, used)) = read_varint(&later.bytes) else {
            return;
        };
        let statement_plus_one = first >> 2;
        let flags = first & 3;
        let delta = statement_plus_one.saturating_sub(u64::from(self.last));
        self.last_at = self.bytes.len();
        push_varint(&mut self.bytes, (delta << 2) | flags);
        let shift = self.bytes.len() - self.last_at;
        let rest = later.bytes.get(used..).unwrap_or(&[]);
        self.bytes.extend_from_slice(rest);
        self.last_at = if later.last_at == 0 {
            self.last_at
        } else {
            self.last_at + shift + later.last_at - used
        };
        self.last = later.last;
    }

    fn add(&mut self, statement: u32, flag: u8) {
        if self.last == statement + 1 {
            if let Some(first) = self.bytes.get_mut(self.last_at) {
                *first |= flag;
            }
            return;
        }
        let delta = u64::from(statement + 1 - self.last);
        self.last_at = self.bytes.len();
        push_varint(&mut self.bytes, (delta << 2) | u64::from(flag));
        self.last = statement + 1;
    }
}

/// Below this many statements the vocabulary is built on one thread.
const PARALLEL_BUILD_MIN: usize = 50_000;
/// At most this many threads build the vocabulary.
const MAX_BUILD_THREADS: usize = 4;

/// Words numbered in order of first appearance.
#[derive(Clone, Default)]
struct Dictionary<'a> {
    ids: WordMap<'a, u32>,
    order: Vec<&'a str>,
}

impl<'a> Dictionary<'a> {
    fn id_of(&mut self, word: &'a str) -> u32 {
        let next = u32::try_from(self.order.len()).unwrap_or(u32::MAX);
        *self.ids.entry(word).or_insert_with(|| {
            self.order.push(word);
            next
        })
    }
}

/// The distinct words of a corpus (case kept), their lower-case forms, and postings.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    /// Every word as written, back to back.
    words: String,
    /// End of each word in `words`.
    word_ends: Vec<u32>,
    /// Every word in lower case, back to back.
    lower: String,
    /// End of each lower-case word in `lower`.
    lower_ends: Vec<u32>,
    /// All postings back to back.
    postings: Vec<u8>,
    /// End of each word's postings in `postings`.
    posting_ends: Vec<usize>,
}

fn slice<'a>(arena: &'a str, ends: &[u32], id: usize) -> &'a str {
    let end = ends.get(id).copied().unwrap_or(0) as usize;
    let start = match id {
        0 => 0,
        _ => ends.get(id - 1).copied().unwrap_or(0) as usize,
    };
    arena.get(start..end).unwrap_or("")
}

impl Vocabulary {
    /// Index `count` statements: `text(i)` is statement `i`'s text; `groups` are metadata
    /// strings shared by statements, and `groups_of(i)` the two groups of statement `i`. Large
    /// corpora are split between threads.
    pub(crate) fn build<'a>(
        count: usize,
        text: impl Fn(usize) -> &'a str + Sync,
        groups: &[&'a str],
        groups_of: impl Fn(usize) -> [u32; 2] + Sync,
    ) -> Self {
        let mut base = Dictionary::default();
        let group_words: Vec<Vec<u32>> = groups
            .iter()
            .map(|group| {
                let mut found: Vec<u32> = words(group).map(|(_, w)| base.id_of(w)).collect();
                found.sort_unstable();
                found.dedup();
                found
            })
            .collect();
        let threads = if count < PARALLEL_BUILD_MIN {
            1
        } else {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(MAX_BUILD_THREADS)
        };
        let per_thread = count.div_ceil(threads).max(1);
        let part = |range: std::ops::Range<usize>| {
            let mut dictionary = base.clone();
            let mut building: Vec<Building> = Vec::new();
            building.resize_with(dictionary.order.len(), Building::default);
            let mut text_words: Vec<u32> = Vec::new();
            for i in range {
                text_words.clear();
                text_words.extend(words(text(i)).map(|(_, w)| dictionary.id_of(w)));
                if building.len() < dictionary.order.len() {
                    building.resize_with(dictionary.order.len(), Building::default);
                }
                let statement = u32::try_from(i).unwrap_or(u32::MAX);
                for &id in &text_words {
                    if let Some(postings) = building.get_mut(id as usize) {
                        postings.add(statement, IN_TEXT);
                    }
                }
                for group in groups_of(i) {
                    let shared = group_words
                        .get(group as usize)
                        .map_or(&[][..], Vec::as_slice);
                    for &id in shared {
                        if let Some(postings) = building.get_mut(id as usize) {
                            postings.add(statement, IN_METADATA);
                        }
                    }
                }
            }
            building.resize_with(dictionary.order.len(), Building::default);
            (dictionary.order, building)
        };
        let ranges: Vec<std::ops::Range<usize>> = (0..threads)
            .map(|t| (t * per_thread).min(count)..((t + 1) * per_thread).min(count))
            .collect();
        let parts: Vec<(Vec<&'a str>, Vec<Building>)> = if threads == 1 {
            ranges.into_iter().map(part).collect()
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = ranges
                    .into_iter()
                    .map(|range| scope.spawn(|| part(range)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        Vocabulary::from_parts(base, parts)
    }

    /// Merge the parts built side by side, in statement order, and pack them: each part's words
    /// get global ids, and its postings continue the ones before.
    fn from_parts<'a>(base: Dictionary<'a>, parts: Vec<(Vec<&'a str>, Vec<Building>)>) -> Self {
        let mut merged = base;
        let mut building: Vec<Building> = Vec::new();
        for (order, part_building) in parts {
            for (word, postings) in order.into_iter().zip(part_building) {
                let id = merged.id_of(word) as usize;
                if building.len() <= id {
                    building.resize_with(id + 1, Building::default);
                }
                if let Some(global) = building.get_mut(id) {
                    global.append(postings);
                }
            }
        }
        building.resize_with(merged.order.len(), Building::default);
        let order = merged.order;
        let mut vocabulary = Vocabulary {
            words: String::with_capacity(order.iter().map(|w| w.len()).sum()),
            word_ends: Vec::with_capacity(order.len()),
            lower: String::new(),
            lower_ends: Vec::with_capacity(order.len()),
            postings: Vec::with_capacity(building.iter().map(|b| b.bytes.len()).sum()),
            posting_ends: Vec::with_capacity(order.len()),
        };
        for (word, postings) in order.into_iter().zip(building) {
            vocabulary.words.push_str(word);
            vocabulary
                .word_ends
                .push(u32::try_from(vocabulary.words.len()).unwrap_or(u32::MAX));
            vocabulary.lower.push_str(&word.to_lowercase());
            vocabulary
                .lower_ends
                .push(u32::try_from(vocabulary.lower.len()).unwrap_or(u32::MAX));
            vocabulary.postings.extend_from_slice(&postings.bytes);
            vocabulary.posting_ends.push(vocabulary.postings.len());
        }
        vocabulary.lower.shrink_to_fit();
        vocabulary
    }

    /// Number of distinct words.
    pub(crate) fn len(&self) -> usize {
        self.word_ends.len()
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.words.capacity()
            + self.lower.capacity()
            + (self.word_ends.capacity() + self.lower_ends.capacity()) * size_of::<u32>()
            + self.postings.capacity()
            + self.posting_ends.capacity() * size_of::<usize>()
    }

    /// Word `id` as written.
    pub(crate) fn word(&self, id: usize) -> &str {
        slice(&self.words, &self.word_ends, id)
    }

    /// Word `id` in lower case.
    pub(crate) fn lower(&self, id: usize) -> &str {
        slice(&self.lower, &self.lower_ends, id)
    }

    /// Size in bytes of word `id`'s postings.
    pub(crate) fn posting_bytes(&self, id: usize) -> usize {
        let end = self.posting_ends.get(id).copied().unwrap_or(0);
        let start = match id {
            0 => 0,
            _ => self.posting_ends.get(id - 1).copied().unwrap_or(0),
        };
        end.saturating_sub(start)
    }

    /// Call `visit(statement, flags)` for every statement holding word `id`, ascending.
    pub(crate) fn for_each_posting(&self, id: usize, mut visit: impl FnMut(u32, u8)) {
        let end = self.posting_ends.get(id).copied().unwrap_or(0);
        let start = match id {
            0 => 0,
            _ => self.posting_ends.get(id - 1).copied().unwrap_or(0),
        };
        let bytes = self.postings.get(start..end).unwrap_or(&[]);
        let mut last: u64 = 0;
        let mut value: u64 = 0;
        let mut shift = 0;
        for &byte in bytes {
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 != 0 {
                shift += 7;
                continue;
            }
            last += value >> 2;
            visit((last - 1) as u32, (value & 3) as u8);
            value = 0;
            shift = 0;
        }
    }
}

/// A free term prepared for comparing with words.
#[derive(Debug, Clone)]
pub(crate) struct WordTerm {
    /// The term as compared: lower case unless it is case-sensitive.
    pub(crate) text: String,
    /// The term's characters.
    chars: Vec<char>,
    /// The term in lower case.
    lower: String,
    /// True when the term holds an upper-case letter (words are then compared as written).
    pub(crate) case_sensitive: bool,
}

/// Shortest term that matches letters scattered inside a word of at most one and a half times
/// its length (`olympcs` in "Olympics", not `iran` in "Ireland"); a term of two letters or more
/// also matches side by side inside a word of at most twice its length (`민국` in "대한민국").
const MIN_SCATTERED: usize = 3;
/// Shortest term that matches a word one edit away.
const MIN_EDITED: usize = 5;

impl WordTerm {
    /// Prepare `term` (smart case: case-sensitive when it holds an upper-case letter).
    pub(crate) fn new(term: &str, case_sensitive: bool) -> Self {
        let text = if case_sensitive {
            term.to_string()
        } else {
            term.to_lowercase()
        };
        WordTerm {
            chars: text.chars().collect(),
            lower: term.to_lowercase(),
            text,
            case_sensitive,
        }
    }

    /// How well the term matches a word, given the word as written and in lower case; `skim`
    /// scores letters (SkimMatcherV2, smart case). 0 when it does not match.
    pub(crate) fn level(
        &self,
        word: &str,
        lower: &str,
        skim: &dyn Fn(&str, &str) -> Option<i64>,
    ) -> Level {
        if self.case_sensitive && lower == self.lower && word != self.text {
            // Smart case: a case-sensitive term does not match the same word in another case.
            return 0;
        }
        let word = if self.case_sensitive { word } else { lower };
        if word == self.text {
            return EXACT;
        }
        if word.starts_with(&self.text) {
            return PREFIX;
        }
        let term_len = self.chars.len();
        if word.len() + 1 < term_len {
            return 0;
        }
        let word_len = word.chars().count();
        if term_len >= MIN_EDITED && word_len.abs_diff(term_len) <= 1 && one_edit(&self.chars, word)
        {
            return FUZZY;
        }
        if term_len >= 2 && word_len <= 2 * term_len && word.contains(self.text.as_str()) {
            return FUZZY;
        }
        if term_len >= MIN_SCATTERED
            && 2 * word_len <= 3 * term_len
            && is_subsequence(&self.chars, word)
            && skim(word, &self.text).is_some()
        {
            return FUZZY;
        }
        0
    }
}

fn is_subsequence(term: &[char], word: &str) -> bool {
    let mut wanted = term.iter().peekable();
    for c in word.chars() {
        if wanted.peek() == Some(&&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// True when `word` is at most one edit from `term`: one character inserted, deleted or
/// replaced, or two adjacent characters swapped (optimal string alignment distance ≤ 1).
pub(crate) fn one_edit(term: &[char], word: &str) -> bool {
    let word: Vec<char> = word.chars().collect();
    let prefix = term.iter().zip(&word).take_while(|(a, b)| a == b).count();
    let (a, b) = (&term[prefix..], &word[prefix..]);
    match (a.len(), b.len()) {
        (0, 0) => true,
        (x, y) if x == y => {
            a[1..] == b[1..] || (x >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..])
        }
        (x, y) if x + 1 == y => a == &b[1..],
        (x, y) if y + 1 == x => &a[1..] == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skim(word: &str, term: &str) -> Option<i64> {
        use fuzzy_matcher::FuzzyMatcher;
        crate::search::fresh_matcher().fuzzy_match(word, term)
    }

    fn level(term: &str, word: &str) -> Level {
        let t = WordTerm::new(term, term.chars().any(char::is_uppercase));
        t.level(word, &word.to_lowercase(), &skim)
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let found: Vec<(usize, &str)> = words("Moon Jae-in's 2021 문재인, ok").collect();
        assert_eq!(
            found,
            vec![
                (0, "Moon"),
                (5, "Jae"),
                (9, "in"),
                (12, "s"),
                (14, "2021"),
                (19, "문재인"),
                (30, "ok")
            ]
        );
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" -- ").count(), 0);
    }

    #[test]
    fn levels_follow_the_rules() {
        assert_eq!(level("biden", "Biden"), EXACT);
        assert_eq!(level("Biden", "biden"), 0);
        assert_eq!(level("olymp", "Olympics"), PREFIX);
        assert_eq!(level("bidne", "Biden"), FUZZY);
        assert_eq!(level("olympcs", "Olympics"), FUZZY);
        assert_eq!(level("sanctoins", "sanctions"), FUZZY);
        assert_eq!(level("sanctons", "sanctions"), FUZZY);
        assert_eq!(level("sanctionss", "sanctions"), FUZZY);
        assert_eq!(level("denuclear", "nuclear"), 0);
        assert_eq!(level("bidn", "Biden"), FUZZY);
        assert_eq!(level("bdn", "abandon"), 0, "too long for scattered letters");
        assert_eq!(
            level("iran", "Ireland"),
            0,
            "too long for scattered letters"
        );
        assert_eq!(level("xi", "exist"), 0, "two letters never scatter");
        assert_eq!(level("민국", "대한민국"), FUZZY, "inside a short word");
        assert_eq!(level("bidne", "bid"), 0);
    }

    #[test]
    fn one_edit_distance() {
        let t = |a: &str, b: &str| one_edit(&a.chars().collect::<Vec<_>>(), b);
        assert!(t("abc", "abc"));
        assert!(t("abc", "abd"));
        assert!(t("abc", "acb"));
        assert!(t("abc", "ab"));
        assert!(t("abc", "abcd"));
        assert!(t("abc", "xabc"));
        assert!(!t("abc", "cab"));
        assert!(!t("abc", "a"));
        assert!(!t("abcd", "badc"));
    }

    #[test]
    fn postings_round_trip_with_flags() {
        let texts = ["a b a", "", "b", "c"];
        let groups = ["", "a", "b"];
        let of = [[1, 0], [0, 0], [0, 2], [0, 0]];
        let v = Vocabulary::build(4, |i| texts[i], &groups, |i| of[i]);
        let find = |w: &str| (0..v.len()).find(|&id| v.word(id) == w).expect("word");
        let mut got = Vec::new();
        v.for_each_posting(find("a"), |s, f| got.push((s, f)));
        assert_eq!(got, vec![(0, IN_TEXT | IN_METADATA)]);
        got.clear();
        v.for_each_posting(find("b"), |s, f| got.push((s, f)));
        assert_eq!(got, vec![(0, IN_TEXT), (2, IN_TEXT | IN_METADATA)]);
        let many: Vec<String> = (0..120_000).map(|i| format!("w{} x", i % 7)).collect();
        let split = Vocabulary::build(
            many.len(),
            |i| many[i].as_str(),
            &["", "m"],
            |i| [0, if i % 5 == 0 { 1 } else { 0 }],
        );
        let find = |w: &str| {
            (0..split.len())
                .find(|&id| split.word(id) == w)
                .expect("word")
        };
        let mut got = Vec::new();
        split.for_each_posting(find("w3"), |s, f| got.push((s, f)));
        let expected: Vec<(u32, u8)> = (0..120_000u32)
            .filter(|i| i % 7 == 3)
            .map(|i| (i, IN_TEXT))
            .collect();
        assert_eq!(got, expected);
        let mut count = 0;
        split.for_each_posting(find("x"), |_, _| count += 1);
        assert_eq!(count, 120_000);
        let mut tagged = Vec::new();
        split.for_each_posting(find("m"), |s, f| tagged.push((s, f)));
        assert_eq!(tagged.len(), 24_000);
        assert!(tagged.iter().all(|&(s, f)| s % 5 == 0 && f == IN_METADATA));
        let big = Vocabulary::build(
            300,
            |i| if i % 150 == 0 { "x" } else { "" },
            &[""],
            |_| [0, 0],
        );
        let mut got = Vec::new();
        big.for_each_posting(0, |s, _| got.push(s));
        assert_eq!(got, vec![0, 150]);
    }
}
