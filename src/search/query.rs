//! The query language: fzf's extended search syntax (the subset the search bar supports) plus
//! field filters (`country:JPN`, see [`super::filter`]).

use super::filter::{Filter, QueryError, parse_filter};

/// How one term of a query must match a statement's haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// `word`: a word of the statement equal to it, starting with it, or close to it (its letters
    /// within one short word, or one letter missing, extra, wrong or swapped).
    Fuzzy,
    /// `'word`: the word appears as an exact substring in the statement's own fields.
    Exact,
    /// `^word`: the statement text starts with the word.
    Prefix,
    /// `!word`: the word does not appear as an exact substring in the statement's own fields.
    Exclude,
}

/// One space-separated term of a query, with its operator removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// What the term requires.
    pub kind: TermKind,
    /// The word to look for, never empty.
    pub text: String,
    /// Smart case: true when the word holds an upper-case letter. Otherwise letters match
    /// either case.
    pub case_sensitive: bool,
}

impl Term {
    fn new(kind: TermKind, text: &str) -> Self {
        Term {
            kind,
            text: text.to_string(),
            case_sensitive: text.chars().any(char::is_uppercase),
        }
    }

    /// True for the kinds that contribute a score (all but [`TermKind::Exclude`]).
    pub fn is_positive(&self) -> bool {
        self.kind != TermKind::Exclude
    }
}

/// A parsed search query: every term and every filter must hold for a statement to match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The text the query was parsed from.
    pub raw: String,
    /// The terms in the order typed. Empty means "match everything".
    pub terms: Vec<Term>,
    /// The field filters in the order typed.
    pub filters: Vec<Filter>,
}

impl Query {
    /// True when the query has neither terms nor filters and so matches every statement with
    /// score 0, in corpus order.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.filters.is_empty()
    }

    /// True when the query holds date filters and nothing else: a span of dates, which the
    /// browser keeps without a search.
    pub fn is_only_dates(&self) -> bool {
        self.terms.is_empty()
            && !self.filters.is_empty()
            && self
                .filters
                .iter()
                .all(|f| matches!(f, Filter::Date { .. }))
    }

    /// True when every statement matching `self` also matches `previous`, so that `self` can be
    /// searched among `previous`'s matches only.
    ///
    /// Holds when `self` keeps `previous`'s terms and filters unchanged and only adds more (every
    /// term and filter must hold, so each addition narrows). A longer word is not a refinement:
    /// `puti` may match words (`reputing`) that `put` does not.
    pub fn refines(&self, previous: &Query) -> bool {
        self.terms.starts_with(&previous.terms)
            && previous.filters.iter().all(|f| self.filters.contains(f))
    }
}

/// Parse a query, ignoring filters that are wrong (see [`try_parse_query`] to report them):
/// what a live search bar runs while the user is still typing.
pub fn parse_query(input: &str) -> Query {
    parse(input, &mut |_| {})
}

/// Parse a query typed in fzf's syntax with field filters.
///
/// Tokens are separated by whitespace and all must hold:
/// - `word`: a word of the statement's own fields equal to it, starting with it or close to it;
/// - `'word`: exact substring;
/// - `^word`: prefix of the statement text;
/// - `!word`: the statement must not contain `word` as an exact substring;
/// - `name:value`: a field filter (see [`Filter`]); `!` and `'` before one make it a plain term.
///
/// Case is smart per term: a term with an upper-case letter is case-sensitive. An operator with
/// nothing after it (`'`, `^`, `!`) is ignored while the user is still typing. The first wrong
/// filter (`year:abc`, `kind:foo`, `country:`) is an error.
pub fn try_parse_query(input: &str) -> Result<Query, QueryError> {
    let mut first_error = None;
    let query = parse(input, &mut |error| {
        first_error.get_or_insert(error);
    });
    match first_error {
        Some(error) => Err(error),
        None => Ok(query),
    }
}

fn parse(input: &str, on_error: &mut dyn FnMut(QueryError)) -> Query {
    let mut terms = Vec::new();
    let mut filters = Vec::new();
    for token in input.split_whitespace() {
        match parse_filter(token) {
            Some(Ok(filter)) => {
                filters.push(filter);
                continue;
            }
            Some(Err(error)) => {
                on_error(error);
                continue;
            }
            None => {}
        }
        let (kind, text) = if let Some(rest) = token.strip_prefix('!') {
            (TermKind::Exclude, rest.strip_prefix('\'').unwrap_or(rest))
        } else if let Some(rest) = token.strip_prefix('\'') {
            (TermKind::Exact, rest)
        } else if let Some(rest) = token.strip_prefix('^') {
            (TermKind::Prefix, rest)
        } else {
            (TermKind::Fuzzy, token)
        };
        if !text.is_empty() {
            terms.push(Term::new(kind, text));
        }
    }
    Query {
        raw: input.to_string(),
        terms,
        filters,
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
    fn filters_are_taken_out_of_the_terms() {
        let query = try_parse_query("biden country:JPN 'x:y").expect("valid");
        assert_eq!(query.terms.len(), 2);
        assert_eq!(query.filters, vec![Filter::Country("JPN".into())]);
        let error = try_parse_query("biden year:abc").expect_err("bad year");
        assert_eq!(error.token, "year:abc");
        assert_eq!(parse_query("biden year:abc").terms.len(), 1);
        assert!(parse_query("year:abc").filters.is_empty());
    }

    #[test]
    fn refinement_follows_typing() {
        let r = |new: &str, old: &str| parse_query(new).refines(&parse_query(old));
        assert!(r("put in", "put"));
        assert!(r("put country:JPN", "put"));
        assert!(r("put year:2021 kind:quote", "put kind:quote"));
        assert!(r("a !x", "a !x"));
        assert!(r("anything", ""));
        assert!(!r("puti", "put"));
        assert!(!r("put", "put kind:quote"));
        assert!(!r("pu", "put"));
        assert!(!r("!xy", "!x"));
        assert!(!r("'put", "put"));
        assert!(!r("put", "Put"));
        assert!(!r("b a", "a"));
    }
}
