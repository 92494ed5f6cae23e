//! Dates as articles give them (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), their order, and the
//! buckets a chart counts them in (days, months, years, decades), chosen from the span shown.
//! Pure: no I/O, no terminal.

use std::fmt;

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year (1..=9999).
    pub year: u16,
    /// The month (1..=12), when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a calendar date); `None` for anything else.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let number = |part: &str, digits: usize| -> Option<u16> {
            (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let mut parts = text.split('-');
        let year = number(parts.next()?, 4).filter(|&y| y >= 1)?;
        let month = match parts.next() {
            None => return Some(PartialDate::year_only(year)),
            Some(part) => number(part, 2).filter(|m| (1..=12).contains(m))? as u8,
        };
        let day = match parts.next() {
            None => None,
            Some(part) => {
                let day = number(part, 2)? as u8;
                (day >= 1 && day <= days_in_month(year, month)).then_some(day)?;
                Some(day)
            }
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate {
            year,
            month: Some(month),
            day,
        })
    }

    /// A date known to the year only.
    pub fn year_only(year: u16) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// The finest bucket this date can be counted in.
    pub fn precision(self) -> Bucket {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Bucket::Day,
            (Some(_), None) => Bucket::Month,
            _ => Bucket::Year,
        }
    }

    /// A number that orders dates (unknown parts count as the start of the period): sorting by
    /// it puts `2021` before `2021-01-05`.
    pub fn sort_key(self) -> u32 {
        u32::from(self.year) * 10_000
            + u32::from(self.month.unwrap_or(0)) * 100
            + u32::from(self.day.unwrap_or(0))
    }

    /// Days since 0001-01-01 of the first day this date covers.
    pub fn day_number(self) -> u32 {
        let year = u32::from(self.year) - 1;
        let mut days = year * 365 + year / 4 - year / 100 + year / 400;
        let month = self.month.unwrap_or(1);
        for m in 1..month {
            days += u32::from(days_in_month(self.year, m));
        }
        days + u32::from(self.day.unwrap_or(1)) - 1
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// How long a chart column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    /// One day.
    Day,
    /// One calendar month.
    Month,
    /// One calendar year.
    Year,
    /// Ten years, from a year ending in 0.
    Decade,
}

impl Bucket {
    /// "day", "month", "year" or "decade".
    pub fn name(self) -> &'static str {
        match self {
            Bucket::Day => "day",
            Bucket::Month => "month",
            Bucket::Year => "year",
            Bucket::Decade => "decade",
        }
    }

    /// The bucket that shows a span from `first` to `last` in a readable number of columns:
    /// days up to three months, months up to six years, years up to 150 years, else decades.
    /// Never finer than `coarsest`, the least precise date counted (a year-only date cannot be
    /// put in a month).
    pub fn for_span(first: PartialDate, last: PartialDate, coarsest: Bucket) -> Bucket {
        let days = last.day_number().saturating_sub(first.day_number());
        let years = last.year.saturating_sub(first.year);
        let by_span = if days <= 92 {
            Bucket::Day
        } else if years <= 6 {
            Bucket::Month
        } else if years <= 150 {
            Bucket::Year
        } else {
            Bucket::Decade
        };
        by_span.max(coarsest)
    }

    /// The number of this bucket that holds `date` (consecutive buckets have consecutive
    /// numbers). A date less precise than the bucket goes into the bucket of its start.
    pub fn index(self, date: PartialDate) -> u32 {
        match self {
            Bucket::Day => date.day_number(),
            Bucket::Month => u32::from(date.year) * 12 + u32::from(date.month.unwrap_or(1)) - 1,
            Bucket::Year => u32::from(date.year),
            Bucket::Decade => u32::from(date.year) / 10,
        }
    }

    /// The label of the bucket numbered `index`: `2021-03-04`, `2021-03`, `2021`, `1990s`.
    pub fn label(self, index: u32) -> String {
        match self {
            Bucket::Day => day_from_number(index).to_string(),
            Bucket::Month => format!("{:04}-{:02}", index / 12, index % 12 + 1),
            Bucket::Year => format!("{index:04}"),
            Bucket::Decade => format!("{}s", index * 10),
        }
    }
}

/// The date of a day number (see [`PartialDate::day_number`]).
fn day_from_number(number: u32) -> PartialDate {
    let mut year: u16 = (number / 366 + 1).min(9999) as u16;
    while year < 9999 && PartialDate::year_only(year + 1).day_number() <= number {
        year += 1;
    }
    let mut rest = number - PartialDate::year_only(year).day_number();
    let mut month = 1;
    while month < 12 && rest >= u32::from(days_in_month(year, month)) {
        rest -= u32::from(days_in_month(year, month));
        month += 1;
    }
    PartialDate {
        year,
        month: Some(month),
        day: Some(rest as u8 + 1),
    }
}

/// Counts of dated items per bucket over a span, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    /// What one column counts.
    pub bucket: Bucket,
    /// The number of the first bucket.
    pub first: u32,
    /// Items per bucket, from `first` on (at least one bucket).
    pub counts: Vec<u64>,
}

impl Histogram {
    /// Count `dates` (the dated items) per bucket over `first..=last`, with the bucket chosen by
    /// [`Bucket::for_span`], or `forced` when given (never finer than the dates allow). `None`
    /// when there is nothing to span.
    pub fn build(
        dates: impl Iterator<Item = PartialDate> + Clone,
        span: Option<(PartialDate, PartialDate)>,
        forced: Option<Bucket>,
    ) -> Option<Histogram> {
        let coarsest = dates
            .clone()
            .map(PartialDate::precision)
            .max()
            .unwrap_or(Bucket::Day);
        let (first, last) = span?;
        let bucket = forced
            .unwrap_or_else(|| Bucket::for_span(first, last, coarsest))
            .max(coarsest);
        let start = bucket.index(first);
        let end = bucket.index(last).max(start);
        let mut counts = vec![0u64; (end - start + 1) as usize];
        for date in dates {
            let i = bucket.index(date);
            if (start..=end).contains(&i) {
                counts[(i - start) as usize] += 1;
            }
        }
        Some(Histogram {
            bucket,
            first: start,
            counts,
        })
    }

    /// The number of the last bucket.
    pub fn last(&self) -> u32 {
        self.first + self.counts.len() as u32 - 1
    }

    /// `per year, 1946–2024` (one bucket: `per year, 2021`).
    pub fn caption(&self) -> String {
        let from = self.bucket.label(self.first);
        if self.counts.len() == 1 {
            format!("per {}, {from}", self.bucket.name())
        } else {
            format!(
                "per {}, {from}–{}",
                self.bucket.name(),
                self.bucket.label(self.last())
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect(text)
    }

    #[test]
    fn three_precisions_parse_and_nothing_else_does() {
        assert_eq!(date("1946"), PartialDate::year_only(1946));
        assert_eq!(date("2021-03").precision(), Bucket::Month);
        assert_eq!(date("2024-02-29").precision(), Bucket::Day);
        for bad in [
            "",
            "21",
            "2021-1",
            "2021-13",
            "2023-02-29",
            "2021-01-2x",
            "0000",
            "2021-01-01-01",
            "２０２１",
            "2021-",
        ] {
            assert_eq!(PartialDate::parse(bad), None, "{bad:?}");
        }
        assert_eq!(date("2021-03-04").to_string(), "2021-03-04");
        assert_eq!(date("2021-03").to_string(), "2021-03");
    }

    #[test]
    fn day_numbers_round_trip_through_labels() {
        for text in ["0001-01-01", "1946-09-21", "2000-02-29", "2024-12-31"] {
            let d = date(text);
            assert_eq!(Bucket::Day.label(d.day_number()), text);
        }
        assert_eq!(
            date("2021-03-01").day_number() - date("2021-02-28").day_number(),
            1
        );
    }

    #[test]
    fn the_bucket_follows_the_span_and_the_dates_precision() {
        let pick = |a, b| Bucket::for_span(date(a), date(b), Bucket::Day);
        assert_eq!(pick("2021-01-01", "2021-02-15"), Bucket::Day);
        assert_eq!(pick("2018-01-01", "2021-12-31"), Bucket::Month);
        assert_eq!(pick("1946", "2024"), Bucket::Year);
        assert_eq!(pick("1700", "2024"), Bucket::Decade);
        assert_eq!(
            Bucket::for_span(date("2021-01-01"), date("2021-01-09"), Bucket::Year),
            Bucket::Year
        );
    }

    #[test]
    fn histogram_counts_and_captions() {
        let dates = ["1946", "1946", "1950-05", "2024-09-24"].map(date);
        let h = Histogram::build(dates.iter().copied(), Some((dates[0], dates[3])), None)
            .expect("span");
        assert_eq!(h.bucket, Bucket::Year);
        assert_eq!(h.caption(), "per year, 1946–2024");
        assert_eq!(h.counts.len(), 79);
        assert_eq!((h.counts[0], h.counts[4], h.counts[78]), (2, 1, 1));
        let decades = Histogram::build(
            dates.iter().copied(),
            Some((dates[0], dates[3])),
            Some(Bucket::Decade),
        )
        .expect("span");
        assert_eq!(decades.caption(), "per decade, 1940s–2020s");
        assert_eq!(decades.counts, vec![2, 1, 0, 0, 0, 0, 0, 0, 1]);
        let days = [date("2021-01-21")];
        let one =
            Histogram::build(days.iter().copied(), Some((days[0], days[0])), None).expect("span");
        assert_eq!(one.caption(), "per day, 2021-01-21");
        assert!(Histogram::build(std::iter::empty(), None, None).is_none());
    }
}
