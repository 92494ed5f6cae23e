//! Side by side (`c`): two selections — two countries, two speakers, or one speaker's
//! statements about two countries — as two statement lists with their counts and their charts
//! on one time axis (same bucket, same span, same scale). The first `c` marks the selected index
//! row (under the lens of the moment) as the left side; `c` again, or Enter on the index pane,
//! picks the row selected then as the right side; Esc cancels the pick or closes the view, and
//! the panes under it never change.

use super::*;
use crate::dates::{Histogram, PartialDate};

/// Below this many columns the two sides are stacked rather than side by side.
pub const COMPARE_SIDE_BY_SIDE_WIDTH: u16 = 100;

/// One side of a comparison: an index row and the speaker lens it was chosen under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareSide {
    /// The speaker lens when the row was chosen.
    pub lens: Option<usize>,
    /// The index row.
    pub key: ItemKey,
}

/// The compare view's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compare {
    /// The left and right selections.
    pub sides: [CompareSide; 2],
    /// Each side's statements, in the panes' order.
    pub listed: [Vec<u32>; 2],
    /// Each side's chart: one span and one bucket for both (`None` without dates).
    pub charts: [Option<Histogram>; 2],
    /// The selected row of each list.
    pub selected: [usize; 2],
    /// The first drawn row of each list.
    pub offsets: [usize; 2],
    /// The list with the keyboard: 0 left, 1 right.
    pub focus: usize,
}

impl Compare {
    /// The selected statement of the focused list.
    pub fn selected_statement(&self) -> Option<u32> {
        let side = self.focus.min(1);
        self.listed[side].get(self.selected[side]).copied()
    }

    /// The highest count of a chart column when each chart is folded into `columns` columns:
    /// the one scale both charts are drawn to.
    pub fn shared_peak(&self, columns: usize) -> u64 {
        self.charts
            .iter()
            .flatten()
            .flat_map(|chart| fold_columns(&chart.counts, columns))
            .max()
            .unwrap_or(0)
    }
}

/// `counts` summed into at most `columns` columns (consecutive buckets together).
pub fn fold_columns(counts: &[u64], columns: usize) -> Vec<u64> {
    let per_column = counts.len().div_ceil(columns.max(1)).max(1);
    counts.chunks(per_column).map(|c| c.iter().sum()).collect()
}

/// Where the compare view draws: its heading line, the two sides (each a bordered box), and the
/// footer line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareAreas {
    /// The heading line.
    pub heading: Rect,
    /// The left (or top) and right (or bottom) boxes.
    pub sides: [Rect; 2],
    /// The footer line.
    pub footer: Rect,
}

/// The compare view's geometry in `area`: side by side from
/// [`COMPARE_SIDE_BY_SIDE_WIDTH`] columns, else one box above the other.
pub fn compare_areas(area: Rect) -> CompareAreas {
    let heading = Rect::new(area.x, area.y, area.width, area.height.min(1));
    let footer_y = area.bottom().saturating_sub(1).max(heading.bottom());
    let footer = Rect::new(area.x, footer_y, area.width, area.bottom() - footer_y);
    let body_height = footer_y.saturating_sub(heading.bottom());
    let body = Rect::new(area.x, heading.bottom(), area.width, body_height);
    let sides = if area.width >= COMPARE_SIDE_BY_SIDE_WIDTH {
        let left = body.width / 2;
        [
            Rect::new(body.x, body.y, left, body.height),
            Rect::new(body.x + left, body.y, body.width - left, body.height),
        ]
    } else {
        let top = body.height / 2;
        [
            Rect::new(body.x, body.y, body.width, top),
            Rect::new(body.x, body.y + top, body.width, body.height - top),
        ]
    };
    CompareAreas {
        heading,
        sides,
        footer,
    }
}

/// Rows of a side's chart for a box of `inner_height` rows (none when the list would keep
/// fewer than 4 rows).
pub fn compare_chart_height(inner_height: u16) -> u16 {
    match inner_height {
        30.. => 8,
        8.. => 4,
        _ => 0,
    }
}

impl App {
    /// The compare view, while it is open.
    pub fn compare(&self) -> Option<&Compare> {
        match &self.overlay {
            Overlay::Compare(compare) => Some(compare),
            _ => None,
        }
    }

    /// The side the current selection makes: the selected index row under the lens.
    fn current_side(&self) -> Option<CompareSide> {
        self.selected_key().map(|key| CompareSide {
            lens: self.lens,
            key,
        })
    }

    /// A side as the view names it: `Japan`, `by South Korea · Japan`, `by South Korea`.
    pub fn side_label(&self, side: CompareSide) -> String {
        let row = self.key_name(side.key);
        let by = side
            .lens
            .and_then(|e| self.corpus.entities.get(e))
            .map(|e| format!("by {}", e.name));
        match (by, side.key) {
            (Some(by), ItemKey::All) => by,
            (Some(by), _) => format!("{by} · {row}"),
            (None, _) => row,
        }
    }

    /// The statements of a side: its row under its lens, within the years and the search,
    /// in the panes' order.
    pub fn side_statements(&self, side: CompareSide) -> Vec<u32> {
        let mut listed = self.unordered_statements_of(side.key);
        listed.retain(|&s| self.admits_by(side.lens, s));
        if self.newest_first && self.results.is_none() {
            listed.sort_by_key(|&s| self.newest_rank.get(s as usize).copied());
        }
        listed
    }

    /// `c` in the panes: mark the left side, or pick the right side and open the view.
    pub(super) fn compare_key(&mut self) -> bool {
        match self.compare_left {
            Some(left) => self.pick_compare_right(left),
            None => match self.current_side() {
                Some(side) => self.compare_left = Some(side),
                None => self.status = Some("Nothing to compare: no row selected".to_string()),
            },
        }
        true
    }

    /// Open the compare view of `left` and the current selection.
    pub(super) fn pick_compare_right(&mut self, left: CompareSide) {
        let Some(right) = self.current_side() else {
            return;
        };
        self.compare_left = None;
        let sides = [left, right];
        let listed = sides.map(|side| self.side_statements(side));
        let charts = self.shared_charts(&listed);
        self.overlay = Overlay::Compare(Compare {
            sides,
            listed,
            charts,
            selected: [0, 0],
            offsets: [0, 0],
            focus: 0,
        });
    }

    /// Both sides' charts over one span with one bucket (the one the two lists together call
    /// for), so their columns line up.
    fn shared_charts(&self, listed: &[Vec<u32>; 2]) -> [Option<Histogram>; 2] {
        let span = self.chart_span();
        let dates = |list: &[u32]| -> Vec<PartialDate> {
            list.iter()
                .filter_map(|&s| self.statement_date(s))
                .collect()
        };
        let (left, right) = (dates(&listed[0]), dates(&listed[1]));
        let both = left.iter().chain(right.iter()).copied();
        let bucket = Histogram::build(both, span, None).map(|chart| chart.bucket);
        [left, right].map(|dates| Histogram::build(dates.into_iter(), span, bucket))
    }

    /// Rows of a side's list at the current size.
    pub fn compare_list_height(&self) -> usize {
        let areas = compare_areas(Rect::new(0, 0, self.size.0, self.size.1));
        let inner = areas.sides[0].height.saturating_sub(2);
        let charted = self
            .compare()
            .is_some_and(|c| c.charts.iter().flatten().any(|h| h.counts.len() > 1));
        let chart = if charted {
            compare_chart_height(inner)
        } else {
            0
        };
        usize::from(inner.saturating_sub(chart))
    }

    /// Keys while the compare view is open.
    pub(super) fn on_compare_key(&mut self, action: Action) -> bool {
        let height = self.compare_list_height();
        let Overlay::Compare(compare) = &mut self.overlay else {
            return false;
        };
        let side = compare.focus.min(1);
        let len = compare.listed[side].len();
        let selected = &mut compare.selected[side];
        let page = (height / 2).max(1) as isize;
        match action {
            Action::MoveUp | Action::MoveDown | Action::Top | Action::Bottom => {
                super::move_in_list(selected, len, action);
            }
            Action::HalfPageUp => *selected = step(*selected, -page, len, false),
            Action::HalfPageDown => *selected = step(*selected, page, len, false),
            Action::FocusNext | Action::FocusPrevious => compare.focus = 1 - side,
            Action::FocusLeft => compare.focus = 0,
            Action::FocusRight => compare.focus = 1,
            Action::Enter | Action::OpenReader => {
                let Some(statement) = compare.selected_statement() else {
                    return false;
                };
                let back = Box::new(self.overlay.clone());
                return self.open_reader_on(statement, Some(back));
            }
            Action::OpenUrl => {
                if let Some(statement) = compare.selected_statement() {
                    match self.statement_article.get(statement as usize) {
                        Some(&article) if article != u32::MAX => self.open_url(article as usize),
                        _ => self.status = Some("Nothing to open: no article".to_string()),
                    }
                }
            }
            Action::Back | Action::Quit | Action::Compare => self.overlay = Overlay::None,
            Action::ForceQuit => self.effects.push(Effect::Quit),
            Action::Suspend => self.effects.push(Effect::Suspend),
            _ => return false,
        }
        if let Overlay::Compare(compare) = &mut self.overlay {
            compare.offsets[side] =
                keep_visible(compare.offsets[side], compare.selected[side], height);
        }
        true
    }
}

#[cfg(test)]
#[path = "tests_side_by_side.rs"]
mod tests;
