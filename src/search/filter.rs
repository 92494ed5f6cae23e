//! Field filters of the query language (`country:JPN`, `year:2021`, …): parsing and the checks
//! that do not need the index.

use crate::model::StatementKind;
use std::fmt;

/// The filter names the query language knows, as typed before the colon.
pub const FILTER_NAMES: &[&str] = &[
    "country", "speaker", "leader", "topic", "source", "title", "kind", "year", "after", "before",
];

/// A restriction on a statement's fields, written `name:value` in a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// `country:` a target: its entity id (`JPN`) or a word of its name or aliases (`japan`).
    Country(String),
    /// `speaker:` the speaker: the person's name or the speaking government (id or name).
    Speaker(String),
    /// `leader:` a leader mentioned: a word of the name or of an alias.
    Leader(String),
    /// `topic:` a word of one of the statement's topics.
    Topic(String),
    /// `source:` a word of the article's outlet.
    Source(String),
    /// `title:` a word of the article's title.
    Title(String),
    /// `kind:` quote, reported or narrative.
    Kind(StatementKind),
    /// `year:`, `after:`, `before:` the article's publication date lies in this inclusive range
    /// of `YYYYMMDD` numbers: `after:P` from the first day of P on, `before:P` up to the day
    /// before P begins (as in mail search: `after:2021 before:2022` is the year 2021).
    Date {
        /// First day allowed.
        from: u32,
        /// Last day allowed.
        to: u32,
    },
}

/// A query that cannot be used as typed; `message` says why and what would work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// The offending token as typed.
    pub token: String,
    /// A sentence for the user.
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for QueryError {}

/// A date as typed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as its first and last day (`YYYYMMDD`).
fn parse_period(value: &str) -> Option<(u32, u32)> {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = number(parts.first()?, 4)?;
    match parts.len() {
        1 => Some((year * 10_000 + 101, year * 10_000 + 1231)),
        2 => {
            let month = number(parts[1], 2).filter(|m| (1..=12).contains(m))?;
            let base = year * 10_000 + month * 100;
            Some((base + 1, base + days_in_month(year, month)))
        }
        3 => {
            let month = number(parts[1], 2).filter(|m| (1..=12).contains(m))?;
            let day =
                number(parts[2], 2).filter(|d| *d >= 1 && *d <= days_in_month(year, month))?;
            let date = year * 10_000 + month * 100 + day;
            Some((date, date))
        }
        _ => None,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A publication date as stored in a corpus (`YYYY`, `YYYY-MM` or `YYYY-MM-DD…`), as the
/// `YYYYMMDD` of its first day; 0 when absent or unreadable (such statements fail every date
/// filter and sort as oldest).
pub fn date_number(published: Option<&str>) -> u32 {
    published
        .map(|p| p.get(..10).unwrap_or(p))
        .and_then(parse_period)
        .map_or(0, |(from, _)| from)
}

/// The filter written as `token`, when its name (before the first colon) is a filter name:
/// `None` for an ordinary word, `Some(Err)` for a filter whose value is missing or wrong.
pub fn parse_filter(token: &str) -> Option<Result<Filter, QueryError>> {
    let (name, value) = token.split_once(':')?;
    let name = name.to_ascii_lowercase();
    if !FILTER_NAMES.contains(&name.as_str()) {
        return None;
    }
    let error = |message: String| {
        Some(Err(QueryError {
            token: token.to_string(),
            message,
        }))
    };
    if value.is_empty() {
        return error(format!(
            "{name}: needs a value, for example {}",
            example(&name)
        ));
    }
    let text = || value.to_lowercase();
    let date = |value: &str| parse_period(value);
    let filter = match name.as_str() {
        "country" => Filter::Country(text()),
        "speaker" => Filter::Speaker(text()),
        "leader" => Filter::Leader(text()),
        "topic" => Filter::Topic(text()),
        "source" => Filter::Source(text()),
        "title" => Filter::Title(text()),
        "kind" => match value.to_ascii_lowercase().as_str() {
            "quote" => Filter::Kind(StatementKind::Quote),
            "reported" => Filter::Kind(StatementKind::Reported),
            "narrative" => Filter::Kind(StatementKind::Narrative),
            _ => {
                return error(format!(
                    "kind: must be quote, reported or narrative, not “{value}”"
                ));
            }
        },
        "year" => match date(value).filter(|_| value.len() == 4) {
            Some((from, to)) => Filter::Date { from, to },
            None => return error(format!("year: expects a year such as 2021, not “{value}”")),
        },
        "after" => match date(value) {
            Some((from, _)) => Filter::Date { from, to: u32::MAX },
            None => return error(bad_date(&name, value)),
        },
        _ => match date(value) {
            Some((start, _)) => Filter::Date {
                from: 1,
                to: start - 1,
            },
            None => return error(bad_date(&name, value)),
        },
    };
    Some(Ok(filter))
}

fn bad_date(name: &str, value: &str) -> String {
    format!("{name}: expects a date as YYYY, YYYY-MM or YYYY-MM-DD, not “{value}”")
}

fn example(name: &str) -> &'static str {
    match name {
        "country" => "country:JPN",
        "speaker" => "speaker:KOR",
        "leader" => "leader:putin",
        "topic" => "topic:olympics",
        "source" => "source:arirang",
        "title" => "title:biden",
        "kind" => "kind:quote",
        "year" => "year:2021",
        "after" => "after:2021-01",
        _ => "before:2022-06-30",
    }
}

/// True when `value` (lower case) starts a word of `field`: at its start or after a character
/// that is not a letter or digit (`moon` in "Moon Jae-in", `jae` too, `oon` not).
pub fn starts_a_word(field: &str, value: &str) -> bool {
    if value.is_empty() {
        return false;
    }
    let lower = field.to_lowercase();
    lower.match_indices(value).any(|(at, _)| {
        lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_a_year_or_a_month_are_read() {
        assert_eq!(date_number(Some("1962")), 19620101);
        assert_eq!(date_number(Some("1962-09")), 19620901);
        assert_eq!(date_number(Some("1962-09-20")), 19620920);
        assert_eq!(date_number(Some("1962-09-20T10:00")), 19620920);
        assert_eq!(date_number(None), 0);
        assert_eq!(date_number(Some("soon")), 0);
    }

    fn ok(token: &str) -> Filter {
        parse_filter(token)
            .expect("a filter")
            .expect("a valid filter")
    }

    fn err(token: &str) -> String {
        parse_filter(token)
            .expect("a filter")
            .expect_err("an error")
            .message
    }

    #[test]
    fn filters_parse() {
        assert_eq!(ok("country:JPN"), Filter::Country("jpn".into()));
        assert_eq!(ok("Speaker:Moon"), Filter::Speaker("moon".into()));
        assert_eq!(ok("kind:Quote"), Filter::Kind(StatementKind::Quote));
        assert_eq!(
            ok("year:2021"),
            Filter::Date {
                from: 20210101,
                to: 20211231
            }
        );
        assert_eq!(
            ok("after:2021-02"),
            Filter::Date {
                from: 20210201,
                to: u32::MAX
            }
        );
        assert_eq!(
            ok("before:2024-02"),
            Filter::Date {
                from: 1,
                to: 20240200
            }
        );
        assert_eq!(
            ok("before:2022-06-30"),
            Filter::Date {
                from: 1,
                to: 20220629
            }
        );
    }

    #[test]
    fn other_words_with_colons_are_not_filters() {
        assert!(parse_filter("http://x").is_none());
        assert!(parse_filter("note:").is_none());
        assert!(parse_filter("plain").is_none());
    }

    #[test]
    fn bad_filters_say_why() {
        assert!(err("year:abc").contains("year: expects a year"));
        assert!(err("year:2021-01").contains("year: expects a year"));
        assert!(err("kind:foo").contains("quote, reported or narrative"));
        assert!(err("country:").contains("country: needs a value"));
        assert!(err("after:2021-13").contains("YYYY-MM-DD"));
        assert!(err("before:2021-02-30").contains("YYYY-MM-DD"));
    }

    #[test]
    fn dates_and_words() {
        assert_eq!(date_number(Some("2021-01-21")), 20210121);
        assert_eq!(date_number(Some("2021-01-21T10:00:00Z")), 20210121);
        assert_eq!(date_number(Some("soon")), 0);
        assert_eq!(date_number(None), 0);
        assert!(starts_a_word("Moon Jae-in", "jae"));
        assert!(starts_a_word("Moon Jae-in", "moon"));
        assert!(!starts_a_word("Moon Jae-in", "oon"));
        assert!(!starts_a_word("", "a"));
    }
}
