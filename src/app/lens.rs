//! The analyst's narrowing of every pane: the speaker lens ("by South Korea"), the date range,
//! the order of statement rows (newest first or corpus order), the time chart of the listed
//! statements, and the title line's summary of the corpus.
//!
//! The date range is one thing with one home: the query's `year:`/`after:`/`before:` filters
//! ([`App::range`]). `t` writes the span it picks into the query (replacing any date filters
//! there), typing them is the same as picking, the title line names it, and clearing the search
//! clears it. It is applied once: by `admits` when the query holds only dates (no search runs),
//! else by the search engine together with the rest of the query (the results are already in
//! the range and are not filtered again).

use super::*;
use crate::dates::{Bucket, Histogram, PartialDate};
use crate::search::DateRange;
use crate::search::filter::{is_date_token, year_span_tokens};

/// The year-span picker: "All years", then decades and single years, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanPicker {
    /// Each choice: `None` for all years, else the first and last year.
    pub choices: Vec<Option<(u16, u16)>>,
    /// The highlighted choice.
    pub selected: usize,
}

impl SpanPicker {
    /// The label of a choice: `All years`, `1990s`, `2021`.
    pub fn label(choice: Option<(u16, u16)>) -> String {
        match choice {
            None => "All years".to_string(),
            Some((from, to)) if from == to => from.to_string(),
            Some((from, to)) if from.is_multiple_of(10) && to == from + 9 => format!("{from}s"),
            Some((from, to)) => format!("{from}–{to}"),
        }
    }
}

impl App {
    /// The date of a statement's article, when it has one.
    pub fn statement_date(&self, statement: u32) -> Option<PartialDate> {
        let article = *self.statement_article.get(statement as usize)?;
        self.article_dates.get(article as usize).copied().flatten()
    }

    /// True when the lens or the date range narrows the panes here (rather than in the search).
    pub fn lens_active(&self) -> bool {
        self.lens.is_some() || self.range_narrows()
    }

    /// The date range `admits` applies: the range when no search results stand for it (a query
    /// of dates alone); with results, the engine has applied it already.
    pub(super) fn range_narrows(&self) -> bool {
        self.range.is_some() && self.results.is_none()
    }

    /// The day of a statement's article as `YYYYMMDD` (its first day when only the month or
    /// year is known), 0 when undated: the number the search's date filters compare.
    fn statement_day(&self, statement: u32) -> u32 {
        self.statement_date(statement).map_or(0, |d| {
            u32::from(d.year) * 10_000
                + u32::from(d.month.unwrap_or(1)) * 100
                + u32::from(d.day.unwrap_or(1))
        })
    }

    /// True when the statement passes the speaker lens and the span of years.
    pub(super) fn admits(&self, statement: u32) -> bool {
        self.admits_by(self.lens, statement)
    }

    /// True when the statement is by `lens` (any speaker when `None`) and in the span of years.
    pub(super) fn admits_by(&self, lens: Option<usize>, statement: u32) -> bool {
        let speaker_ok =
            lens.is_none_or(|speaker| self.speakers.of(statement).contains(&(speaker as u32)));
        let dates_ok = !self.range_narrows()
            || self
                .range
                .is_some_and(|range| range.contains(self.statement_day(statement)));
        speaker_ok && dates_ok
    }

    /// The lens as the title line shows it: `by South Korea`.
    pub fn lens_label(&self) -> Option<String> {
        self.lens
            .and_then(|e| self.corpus.entities.get(e))
            .map(|e| format!("by {}", e.name))
    }

    /// The date range as the title line shows it (`1990s`, `from 2021-03`).
    pub fn range_label(&self) -> Option<String> {
        self.range.map(DateRange::label)
    }

    /// True when `choice` of the year picker is the date range in force.
    pub fn is_current_span(&self, choice: Option<(u16, u16)>) -> bool {
        self.range == choice.map(|(from, to)| DateRange::years(from, to))
    }

    /// What the corpus holds, for the title line: `3 speakers · 4 articles · 15 statements ·
    /// 2018–2021`.
    pub fn corpus_summary(&self) -> String {
        let count = crate::text::plural;
        let speakers = self
            .speakers
            .by_value
            .iter()
            .filter(|l| !l.is_empty())
            .count();
        let mut parts = vec![
            count(speakers, "speaker", "speakers"),
            count(self.corpus.articles.len(), "article", "articles"),
            count(self.corpus.statements.len(), "statement", "statements"),
        ];
        if let Some((first, last)) = self.date_span {
            parts.push(if first.year == last.year {
                first.year.to_string()
            } else {
                format!("{}–{}", first.year, last.year)
            });
        }
        parts.join(" · ")
    }

    /// Set the speaker lens to entity `speaker` and show the Countries index under it, so that
    /// choosing a target next gives the dyad.
    pub(super) fn set_lens(&mut self, speaker: usize) {
        self.lens = Some(speaker);
        self.tab = IndexTab::Countries;
        self.relist_from_top();
    }

    /// The speaker the lens key picks: the selected speaker row, else the selected statement's
    /// speaker.
    pub(super) fn lens_candidate(&self) -> Option<usize> {
        if let Some(ItemKey::Speaker(speaker)) = self.selected_key()
            && self.focus == Pane::Index
        {
            return Some(speaker);
        }
        let statement = self.selected_statement_index()?;
        self.speakers.of(statement).first().map(|&e| e as usize)
    }

    /// Drop the speaker lens; false when there was none.
    pub(super) fn clear_lens(&mut self) -> bool {
        if self.lens.take().is_none() {
            return false;
        }
        self.relist_keeping_row();
        true
    }

    /// Newest first or corpus order.
    pub(super) fn toggle_order(&mut self) {
        self.newest_first = !self.newest_first;
        let statement = self.selected_statement_index();
        self.rebuild_listed();
        self.selected_statement = statement
            .and_then(|s| self.listed.iter().position(|&l| l == s))
            .unwrap_or(0);
        self.status = Some(
            if self.newest_first {
                "Statements newest first"
            } else {
                "Statements in corpus order"
            }
            .to_string(),
        );
    }

    /// The year-span choices of this corpus: all years, its decades, its years (newest first).
    pub(super) fn span_choices(&self) -> Vec<Option<(u16, u16)>> {
        let mut years: Vec<u16> = self
            .article_dates
            .iter()
            .flatten()
            .map(|d| d.year)
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let mut decades: Vec<u16> = years.iter().map(|y| y - y % 10).collect();
        decades.dedup();
        let mut choices = vec![None];
        if decades.len() > 1 {
            choices.extend(decades.iter().map(|&d| Some((d, d + 9))));
        }
        choices.extend(years.iter().map(|&y| Some((y, y))));
        choices
    }

    /// Open the year-span picker on the current span; false when the corpus has no dates.
    pub(super) fn open_span_picker(&mut self) -> bool {
        let choices = self.span_choices();
        if choices.len() < 2 {
            self.status = Some("No dated articles: no years to choose from".to_string());
            return true;
        }
        let selected = choices
            .iter()
            .position(|&c| self.is_current_span(c))
            .unwrap_or(0);
        self.overlay = Overlay::Span(SpanPicker { choices, selected });
        true
    }

    /// Keys while the year-span picker is open.
    pub(super) fn on_span_key(&mut self, action: Action) -> bool {
        let Overlay::Span(picker) = &mut self.overlay else {
            return false;
        };
        if super::move_in_list(&mut picker.selected, picker.choices.len(), action) {
            return true;
        }
        match action {
            Action::Back | Action::PickYears | Action::Quit => self.overlay = Overlay::None,
            Action::ForceQuit => self.effects.push(Effect::Quit),
            Action::Enter => {
                let choice = picker.choices.get(picker.selected).copied().flatten();
                self.overlay = Overlay::None;
                self.write_span_into_query(choice);
            }
            _ => return false,
        }
        true
    }

    /// Write the years `choice` into the query in place of its date filters (none for all
    /// years), as if typed: the query then holds the one date range.
    fn write_span_into_query(&mut self, choice: Option<(u16, u16)>) {
        let mut tokens: Vec<String> = self
            .query
            .text()
            .split_whitespace()
            .filter(|token| !is_date_token(token))
            .map(str::to_string)
            .collect();
        tokens.extend(choice.map(|(from, to)| year_span_tokens(from, to)));
        self.query.clear();
        self.query.paste(&tokens.join(" "));
        self.history.stop_recalling();
        self.query_changed();
    }

    /// Rebuild the index and the listing after the lens or the date range changed, staying on
    /// the same row when it still lists something.
    pub(super) fn relist_keeping_row(&mut self) {
        let key = self.selected_key();
        self.rebuild_items();
        self.selected_item = key
            .and_then(|k| self.items.iter().position(|i| i.key == k))
            .unwrap_or(0);
        self.selected_statement = 0;
        self.statements_offset = 0;
        self.detail_scroll = 0;
        self.rebuild_listed();
    }

    /// Rebuild the index on its "All" row and list from the top.
    fn relist_from_top(&mut self) {
        self.rebuild_items();
        self.selected_item = 0;
        self.index_offset = 0;
        self.selected_statement = 0;
        self.statements_offset = 0;
        self.detail_scroll = 0;
        self.rebuild_listed();
    }

    /// The chart of the listed statements over the chosen years (else the corpus's dates): the
    /// bucket follows the span; with a speaker lens on a target (a dyad), year by year.
    pub(super) fn rebuild_chart(&mut self) {
        let span = self.chart_span();
        let forced = self.dyad().map(|_| Bucket::Year);
        let dates = self.listed.iter().filter_map(|&s| self.statement_date(s));
        self.chart = Histogram::build(dates, span, forced);
    }

    /// The span every chart covers: the date range, its open ends at the corpus's first and
    /// last dates; else the corpus's dates.
    pub(super) fn chart_span(&self) -> Option<(PartialDate, PartialDate)> {
        let Some(range) = self.range else {
            return self.date_span;
        };
        let (first, last) = self.date_span?;
        let day = |number: u32| {
            let year = u16::try_from(number / 10_000)
                .ok()
                .filter(|y| (1..=9999).contains(y))?;
            let (month, date) = ((number / 100 % 100) as u8, (number % 100) as u8);
            Some(match (month, date) {
                (1, 1) => PartialDate::year_only(year),
                _ => PartialDate {
                    year,
                    month: Some(month).filter(|m| (1..=12).contains(m)),
                    day: Some(date).filter(|d| (1..=31).contains(d)),
                },
            })
        };
        let from = day(range.from).unwrap_or(first);
        let to = day(range.to).unwrap_or(last);
        (from <= to).then_some((from, to))
    }

    /// The speaker lens and the selected target, when both are set: the dyad the chart shows.
    pub fn dyad(&self) -> Option<(usize, usize)> {
        match (self.lens, self.selected_key()) {
            (Some(speaker), Some(ItemKey::Entity(target))) => Some((speaker, target)),
            _ => None,
        }
    }

    /// The chart's heading: `per year, 1946–2024`, or for a dyad `KOR → JPN per year, …`.
    pub fn chart_caption(&self) -> Option<String> {
        let chart = self.chart.as_ref()?;
        Some(match self.dyad() {
            Some((speaker, target)) => format!(
                "{} → {} {}",
                self.corpus.entities[speaker].id,
                self.corpus.entities[target].id,
                chart.caption()
            ),
            None => chart.caption(),
        })
    }
}

/// The first and last article date of the corpus.
pub(super) fn date_span(dates: &[Option<PartialDate>]) -> Option<(PartialDate, PartialDate)> {
    let dated = dates.iter().flatten().copied();
    dated.clone().min().zip(dated.max())
}
