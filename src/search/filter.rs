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
    /// A value typed in capitals (`RUS`, `UN`, `USSR`) is kept as typed and is an id or
    /// abbreviation matched whole (see [`is_code`]); any other value is lower-cased and matches
    /// the start of a word.
    Country(String),
    /// `speaker:` the speaker: the person's name or the speaking government (id or name); a
    /// value in capitals is matched whole, as for `country:` (`speaker:RUS` is Russia, not Dean
    /// Rusk).
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
    let code_or_text = || {
        if is_code(value) {
            value.to_string()
        } else {
            text()
        }
    };
    let date = |value: &str| parse_period(value);
    let filter = match name.as_str() {
        "country" => Filter::Country(code_or_text()),
        "speaker" => Filter::Speaker(code_or_text()),
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

/// The filter names that narrow the dates (`year:`, `after:`, `before:`).
const DATE_FILTER_NAMES: [&str; 3] = ["year", "after", "before"];

/// True when `token` is written as a date filter (`after:2021`, `Year:abc`), valid or not.
pub fn is_date_token(token: &str) -> bool {
    token
        .split_once(':')
        .is_some_and(|(name, _)| DATE_FILTER_NAMES.contains(&name.to_ascii_lowercase().as_str()))
}

/// The one span of dates a query keeps: the days every one of its date filters allows, as an
/// inclusive range of `YYYYMMDD` numbers. The browser's year picker writes it into the query
/// ([`DateRange::query_tokens`]) and the title line names it ([`DateRange::label`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    /// First day allowed (`YYYYMMDD`; 1 when open).
    pub from: u32,
    /// Last day allowed (`YYYYMMDD`; `u32::MAX` when open).
    pub to: u32,
}

impl DateRange {
    /// The whole years `from..=to`.
    pub fn years(from: u16, to: u16) -> DateRange {
        DateRange {
            from: u32::from(from) * 10_000 + 101,
            to: u32::from(to) * 10_000 + 1231,
        }
    }

    /// The intersection of the filters' date spans; `None` when `filters` has no date filter.
    pub fn of_filters<'f>(filters: impl IntoIterator<Item = &'f Filter>) -> Option<DateRange> {
        filters
            .into_iter()
            .filter_map(|filter| match *filter {
                Filter::Date { from, to } => Some(DateRange {
                    from,
                    to: calendar_day(to),
                }),
                _ => None,
            })
            .reduce(|a, b| DateRange {
                from: a.from.max(b.from),
                to: a.to.min(b.to),
            })
    }

    /// True when the day `date` (`YYYYMMDD`, 0 for undated) is in the range.
    pub fn contains(self, date: u32) -> bool {
        (self.from..=self.to).contains(&date)
    }

    /// The whole years the range covers, when it is exactly whole years (`year:`, or `after:`
    /// and `before:` on years).
    pub fn whole_years(self) -> Option<(u16, u16)> {
        let (from, to) = (self.from, self.to);
        (from % 10_000 == 101 && to % 10_000 == 1231 && from / 10_000 <= to / 10_000)
            .then_some((from / 10_000, to / 10_000))
            .and_then(|(a, b)| Some((u16::try_from(a).ok()?, u16::try_from(b).ok()?)))
    }

    /// How the title line names the range: `2021`, `1990s`, `1990–1995`, `2021-03–2022-06-29`,
    /// `from 2021-03`, `until 2021`.
    pub fn label(self) -> String {
        if let Some((from, to)) = self.whole_years() {
            return if from == to {
                from.to_string()
            } else if from.is_multiple_of(10) && to == from + 9 {
                format!("{from}s")
            } else {
                format!("{from}–{to}")
            };
        }
        let open_start = self.from <= 10_101;
        let open_end = self.to >= 99_991_231;
        match (open_start, open_end) {
            (true, true) => "all dates".to_string(),
            (false, true) => format!("from {}", first_day_label(self.from)),
            (true, false) => format!("until {}", last_day_label(self.to)),
            (false, false) => format!("{}–{}", first_day_label(self.from), last_day_label(self.to)),
        }
    }
}

/// The filter tokens that keep the whole years `from..=to`: `year:2021`, or `after:1990
/// before:2000`.
pub fn year_span_tokens(from: u16, to: u16) -> String {
    if from == to {
        format!("year:{from}")
    } else {
        format!("after:{from} before:{}", to.saturating_add(1))
    }
}

/// `before:` ends on the number before a period's first day (`2030-01-00` for `before:2030`),
/// which no date falls between; as a calendar day that is the day before (`2029-12-31`).
fn calendar_day(day: u32) -> u32 {
    let (year, month, date) = (day / 10_000, day / 100 % 100, day % 100);
    match (month, date) {
        (0 | 1, 0) if year > 0 => (year - 1) * 10_000 + 1231,
        (2..=12, 0) => year * 10_000 + (month - 1) * 100 + days_in_month(year, month - 1),
        _ => day,
    }
}

/// A first day as short as it reads: `2021` for 1 January, `2021-03` for the first of a month.
fn first_day_label(day: u32) -> String {
    let (year, month, date) = (day / 10_000, day / 100 % 100, day % 100);
    match (month, date) {
        (1, 1) => format!("{year}"),
        (_, 1) => format!("{year}-{month:02}"),
        _ => format!("{year}-{month:02}-{date:02}"),
    }
}

/// A last day as short as it reads: `2021` for 31 December, `2021-02` for a month's last day.
fn last_day_label(day: u32) -> String {
    let (year, month, date) = (day / 10_000, day / 100 % 100, day % 100);
    if month == 12 && date == 31 {
        format!("{year}")
    } else if (1..=12).contains(&month) && date == days_in_month(year, month) {
        format!("{year}-{month:02}")
    } else {
        format!("{year}-{month:02}-{date:02}")
    }
}

/// Whether a filter value is written as a code: two or more characters, all capital ASCII
/// letters, digits, `_` or `.`, starting with a letter (`JPN`, `UN`, `USSR`, `U.S.`,
/// `INDO_PACIFIC`).
pub fn is_code(value: &str) -> bool {
    value.len() >= 2
        && value.starts_with(|c: char| c.is_ascii_uppercase())
        && value
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '.')
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
        assert_eq!(ok("country:JPN"), Filter::Country("JPN".into()));
        assert_eq!(ok("country:Japan"), Filter::Country("japan".into()));
        assert_eq!(ok("speaker:RUS"), Filter::Speaker("RUS".into()));
        assert!(is_code("U.S.") && is_code("INDO_PACIFIC") && is_code("G7"));
        assert!(!is_code("J") && !is_code("Jpn") && !is_code("7G"));
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

    fn range_of(query: &str) -> Option<DateRange> {
        DateRange::of_filters(
            &query
                .split_whitespace()
                .filter_map(|t| parse_filter(t)?.ok())
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn date_filters_make_one_range_with_a_label_and_tokens() {
        assert_eq!(range_of("climate kind:quote"), None);
        let decade = range_of("after:1990 before:2000").expect("a range");
        assert_eq!(decade, DateRange::years(1990, 1999));
        assert_eq!(decade.label(), "1990s");
        assert_eq!(
            range_of("year:2021").map(DateRange::label).as_deref(),
            Some("2021")
        );
        assert_eq!(
            range_of("after:1990 before:1996").expect("range").label(),
            "1990–1995"
        );
        assert_eq!(
            range_of("after:2021-03").expect("range").label(),
            "from 2021-03"
        );
        assert_eq!(
            range_of("before:2022").expect("range").label(),
            "until 2021"
        );
        assert_eq!(
            range_of("before:2024-02").expect("range").label(),
            "until 2024-01"
        );
        assert_eq!(
            range_of("after:2021-03-05 before:2022-06-30")
                .expect("range")
                .label(),
            "2021-03-05–2022-06-29"
        );
        let both = range_of("after:2015 year:2016 before:2020").expect("range");
        assert_eq!(both, DateRange::years(2016, 2016), "filters intersect");
        for (from, to) in [(1990, 1999), (2021, 2021), (1946, 2024)] {
            let written = year_span_tokens(from, to);
            assert_eq!(
                range_of(&written),
                Some(DateRange::years(from, to)),
                "{written}"
            );
        }
        assert!(decade.contains(19950601) && !decade.contains(20000101) && !decade.contains(0));
        assert!(is_date_token("After:2021") && is_date_token("year:abc"));
        assert!(!is_date_token("'after:2021") && !is_date_token("country:JPN"));
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
