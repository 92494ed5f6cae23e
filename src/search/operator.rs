//! Substring search with smart case and the `'word`, `^word`, `!word` operators.

use super::query::Term;
use super::vocabulary::{EXACT, FUZZY, Level, PREFIX};
use aho_corasick::AhoCorasick;
use memchr::memmem;

/// A substring search with smart case.
pub(super) enum Substring {
    /// Case-sensitive (or nothing to fold).
    Exact(Box<memmem::Finder<'static>>),
    /// ASCII letters in either case, with aho-corasick's fast prefilters.
    Folded(AhoCorasick),
    /// ASCII letters in either case, scanning candidates of the first byte (if the automaton
    /// could not be built).
    FoldedScan(Vec<u8>),
}

impl Substring {
    pub(super) fn new(needle: &str, case_sensitive: bool) -> Self {
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
    pub(super) fn find(&self, hay: &[u8]) -> Option<usize> {
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

/// `'word`, `^word` or `!word`, prepared.
pub(super) struct Operator<'q> {
    pub(super) term: &'q Term,
    pub(super) substring: Substring,
}

impl Operator<'_> {
    /// Byte offset of the first occurrence in `hay`.
    pub(super) fn occurs_in(&self, hay: &str) -> Option<usize> {
        self.substring.find(hay.as_bytes())
    }

    /// `text` starts with the term (smart case).
    pub(super) fn is_prefix_of(&self, text: &str) -> bool {
        let needle = self.term.text.as_bytes();
        text.as_bytes().get(..needle.len()).is_some_and(|head| {
            if self.term.case_sensitive {
                head == needle
            } else {
                head.eq_ignore_ascii_case(needle)
            }
        })
    }

    /// EXACT when some occurrence in `hay` is a whole word, PREFIX for the start of a word,
    /// FUZZY for the inside of a word, 0 when absent.
    pub(super) fn level_in(&self, hay: &str) -> Level {
        let mut best = 0;
        let mut from = 0;
        let len = self.term.text.len();
        while let Some(found) = hay.get(from..).and_then(|rest| self.occurs_in(rest)) {
            let at = from + found;
            let starts = hay[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let ends = hay
                .get(at + len..)
                .and_then(|rest| rest.chars().next())
                .is_none_or(|c| !c.is_alphanumeric());
            best = best.max(match (starts, ends) {
                (true, true) => EXACT,
                (true, false) => PREFIX,
                _ => FUZZY,
            });
            if best == EXACT {
                break;
            }
            from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
