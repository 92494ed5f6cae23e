//! The query language (fzf's extended search syntax, the subset the search bar supports).

/// How one term of a query must match a statement's haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// `word`: the characters appear in this order, not necessarily adjacent; scored by SkimMatcherV2.
    Fuzzy,
    /// `'word`: the word appears as an exact substring anywhere in the haystack.
    Exact,
    /// `^word`: the statement text starts with the word (the haystack starts with the text, so this
    /// is fzf's line prefix).
    Prefix,
    /// `!word`: the word does not appear as an exact substring anywhere in the haystack.
    Exclude,
}

/// One space-separated term of a query, with its operator removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// What the term requires.
    pub kind: TermKind,
    /// The word to look for, never empty.
    pub text: String,
    /// Smart case: true when the word holds an ASCII upper-case letter. Otherwise ASCII letters
    /// match either case (as SkimMatcherV2 compares; other characters match exactly).
    pub case_sensitive: bool,
}

impl Term {
    fn new(kind: TermKind, text: &str) -> Self {
        Term {
            kind,
            text: text.to_string(),
            case_sensitive: text.bytes().any(|b| b.is_ascii_uppercase()),
        }
    }

    /// True for the kinds that contribute a score (all but [`TermKind::Exclude`]).
    pub fn is_positive(&self) -> bool {
        self.kind != TermKind::Exclude
    }
}

/// A parsed search query: every term must hold for a statement to match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The text the query was parsed from.
    pub raw: String,
    /// The terms in the order typed. Empty means "match everything".
    pub terms: Vec<Term>,
}

impl Query {
    /// True when the query has no terms and so matches every statement with score 0.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every statement matching `self` also matches `previous`, so that `self` can be
    /// searched among `previous`'s matches only (what fzf's cache does while the user types on).
    ///
    /// Holds when each term of `previous` has a counterpart at the same position in `self` of the
    /// same kind that extends it (`put` → `puti`), and exclusions are unchanged; extra terms at the
    /// end only narrow further.
    pub fn refines(&self, previous: &Query) -> bool {
        previous.terms.len() <= self.terms.len()
            && previous
                .terms
                .iter()
                .zip(&self.terms)
                .all(|(old, new)| match (old.kind, new.kind) {
                    (TermKind::Exclude, TermKind::Exclude) => {
                        old.text == new.text && old.case_sensitive == new.case_sensitive
                    }
                    (a, b) if a == b => {
                        new.text.starts_with(&old.text)
                            && (new.case_sensitive || !old.case_sensitive)
                    }
                    _ => false,
                })
    }
}

/// Parse a query typed in fzf's syntax.
///
/// Terms are separated by whitespace and all must match:
/// - `word`: fuzzy (the letters in order, scored by SkimMatcherV2);
/// - `'word`: exact substring;
/// - `^word`: prefix of the statement text;
/// - `!word`: the statement must not contain `word` as an exact substring.
///
/// Case is smart per term: a term with an upper-case ASCII letter is case-sensitive. An operator
/// with nothing after it (`'`, `^`, `!`) is ignored while the user is still typing.
pub fn parse_query(input: &str) -> Query {
    let terms = input
        .split_whitespace()
        .filter_map(|token| {
            let (kind, text) = if let Some(rest) = token.strip_prefix('!') {
                (TermKind::Exclude, rest.strip_prefix('\'').unwrap_or(rest))
            } else if let Some(rest) = token.strip_prefix('\'') {
                (TermKind::Exact, rest)
            } else if let Some(rest) = token.strip_prefix('^') {
                (TermKind::Prefix, rest)
            } else {
                (TermKind::Fuzzy, token)
            };
            (!text.is_empty()).then(|| Term::new(kind, text))
        })
        .collect();
    Query {
        raw: input.to_string(),
        terms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(q: &str) -> Vec<(TermKind, String, bool)> {
        parse_query(q)
            .terms
            .into_iter()
            .map(|t| (t.kind, t.text, t.case_sensitive))
            .collect()
    }

    #[test]
    fn operators_are_parsed_like_fzf() {
        assert_eq!(
            kinds("  xi 'Jin ^South !visit  "),
            vec![
                (TermKind::Fuzzy, "xi".into(), false),
                (TermKind::Exact, "Jin".into(), true),
                (TermKind::Prefix, "South".into(), true),
                (TermKind::Exclude, "visit".into(), false),
            ]
        );
        assert_eq!(
            kinds("!'abc"),
            vec![(TermKind::Exclude, "abc".into(), false)]
        );
    }

    #[test]
    fn bare_operators_and_blank_input_are_ignored() {
        assert!(parse_query("").is_empty());
        assert!(parse_query(" \t ").is_empty());
        assert!(parse_query("' ^ !").is_empty());
        assert_eq!(parse_query("ab '").terms.len(), 1);
    }

    #[test]
    fn refinement_follows_typing() {
        let r = |new: &str, old: &str| parse_query(new).refines(&parse_query(old));
        assert!(r("puti", "put"));
        assert!(r("put in", "put"));
        assert!(r("putI", "put"));
        assert!(r("'abc", "'ab"));
        assert!(r("^abc x", "^ab"));
        assert!(r("a !x", "a !x"));
        assert!(r("anything", ""));
        assert!(!r("pu", "put"));
        assert!(!r("!xy", "!x"));
        assert!(!r("'put", "put"));
        assert!(!r("put", "Put"));
        assert!(!r("b a", "a"));
    }
}
