//! Browsing: the index rows and statements listed for the selection, selection moves, paging
//! and scrolling.

use super::*;

impl App {
    /// The facet behind a tab.
    pub(super) fn facet(&self, tab: IndexTab) -> &Facet {
        match tab {
            IndexTab::Countries => &self.targets,
            IndexTab::Leaders => &self.leaders,
            IndexTab::Topics => &self.topic_facet,
            IndexTab::Speakers => &self.speakers,
        }
    }

    /// Select the first row below "All", or "All" when there is none.
    pub(super) fn select_first_value(&mut self) {
        self.selected_item = self
            .items
            .iter()
            .position(|i| i.key != ItemKey::All)
            .unwrap_or(0);
    }

    /// The statements a row lists: its statements among the search results (in rank order)
    /// or the corpus, kept to the lens and the years, newest first unless corpus order is
    /// chosen (search results stay in rank order).
    pub(super) fn statements_of(&self, key: ItemKey) -> Vec<u32> {
        let newest = self.newest_first && self.results.is_none();
        // Under the lens alone, "All" is the lens speaker's statements (ordered below).
        let lens_only = self.lens.is_some() && !self.range_narrows() && self.results.is_none();
        let mut listed = if key == ItemKey::All && lens_only {
            self.lens_statements().to_vec()
        } else if newest && key == ItemKey::All {
            self.newest_order.clone()
        } else {
            self.unordered_statements_of(key)
        };
        if self.lens_active() {
            listed.retain(|&s| self.admits(s));
        }
        if newest && (key != ItemKey::All || lens_only) {
            listed.sort_by_key(|&s| self.newest_rank.get(s as usize).copied());
        }
        listed
    }

    /// The statements of the lens speaker, in corpus order (none without a lens).
    fn lens_statements(&self) -> &[u32] {
        self.lens
            .and_then(|speaker| self.speakers.by_value.get(speaker))
            .map_or(&[], Vec::as_slice)
    }

    pub(super) fn unordered_statements_of(&self, key: ItemKey) -> Vec<u32> {
        let (facet, value) = match key {
            ItemKey::All => {
                return match &self.results {
                    Some(hits) => hits.ranked.clone(),
                    None => (0..self.corpus.statements.len() as u32).collect(),
                };
            }
            ItemKey::Untargeted => {
                return match &self.results {
                    Some(hits) => hits
                        .ranked
                        .iter()
                        .copied()
                        .filter(|&s| self.targets.of(s).is_empty())
                        .collect(),
                    None => self.untargeted.clone(),
                };
            }
            ItemKey::Entity(v) => (&self.targets, v),
            ItemKey::Leader(v) => (&self.leaders, v),
            ItemKey::Topic(v) => (&self.topic_facet, v),
            ItemKey::Speaker(v) => (&self.speakers, v),
        };
        match &self.results {
            Some(hits) => hits
                .ranked
                .iter()
                .copied()
                .filter(|&s| facet.of(s).contains(&(value as u32)))
                .collect(),
            None => facet.by_value.get(value).cloned().unwrap_or_default(),
        }
    }

    /// The statements the index counts when a search, the lens or the years narrow them;
    /// `None` for the whole corpus.
    pub(super) fn narrowed_pool(&self) -> Option<Vec<u32>> {
        if !self.lens_active() {
            return self.results.as_ref().map(|hits| hits.ranked.clone());
        }
        let pool = match &self.results {
            Some(hits) => hits
                .ranked
                .iter()
                .copied()
                .filter(|&s| self.admits(s))
                .collect(),
            // The lens alone: its speaker's statements, without a pass over the corpus.
            None if !self.range_narrows() => self.lens_statements().to_vec(),
            None => (0..self.corpus.statements.len() as u32)
                .filter(|&s| self.admits(s))
                .collect(),
        };
        Some(pool)
    }

    /// Recompute the left pane for the current tab: values by count then name; for countries,
    /// states apart from blocs and regions.
    pub(super) fn rebuild_items(&mut self) {
        let counts = self.value_counts();
        let groups = self.index_groups(&counts.by_value);
        self.items.clear();
        self.rows.clear();
        self.items.push(ListItem {
            key: ItemKey::All,
            count: counts.total,
        });
        self.rows.push(IndexRow::Item(0));
        for (heading, group) in groups {
            if group.is_empty() {
                continue;
            }
            self.rows.push(IndexRow::Heading(heading));
            for item in group {
                self.rows.push(IndexRow::Item(self.items.len()));
                self.items.push(item);
            }
        }
        if self.tab == IndexTab::Countries && counts.untargeted > 0 {
            self.rows.push(IndexRow::Heading("Other"));
            self.rows.push(IndexRow::Item(self.items.len()));
            self.items.push(ListItem {
                key: ItemKey::Untargeted,
                count: counts.untargeted,
            });
        }
        self.selected_item = self.selected_item.min(self.items.len().saturating_sub(1));
    }

    /// How many statements in view each value of the current tab has.
    fn value_counts(&self) -> ValueCounts {
        let facet = self.facet(self.tab);
        let mut by_value = vec![0usize; facet.by_value.len()];
        let mut untargeted = 0;
        let total;
        match self.narrowed_pool() {
            Some(pool) => {
                total = pool.len();
                for &s in &pool {
                    let values = facet.of(s);
                    for &v in values {
                        by_value[v as usize] += 1;
                    }
                    untargeted += usize::from(values.is_empty());
                }
            }
            None => {
                total = self.corpus.statements.len();
                for (v, list) in facet.by_value.iter().enumerate() {
                    by_value[v] = list.len();
                }
                untargeted = self.untargeted.len();
            }
        }
        ValueCounts {
            by_value,
            untargeted,
            total,
        }
    }

    /// The index rows under their headings: for countries, states apart from blocs and regions.
    fn index_groups(&self, counts: &[usize]) -> Vec<(&'static str, Vec<ListItem>)> {
        let sorted = |keep: &dyn Fn(usize) -> bool| self.sorted_items(counts, keep);
        match self.tab {
            IndexTab::Countries | IndexTab::Speakers => {
                let entities = &self.corpus.entities;
                vec![
                    (
                        "States",
                        sorted(&|v| entities[v].kind == EntityKind::Country),
                    ),
                    (
                        "Blocs & regions",
                        sorted(&|v| entities[v].kind != EntityKind::Country),
                    ),
                ]
            }
            IndexTab::Leaders => vec![("Leaders", sorted(&|_| true))],
            IndexTab::Topics => vec![("Topics", sorted(&|_| true))],
        }
    }

    /// The values that `keep` accepts and that have statements, by count then name.
    fn sorted_items(&self, counts: &[usize], keep: &dyn Fn(usize) -> bool) -> Vec<ListItem> {
        let make_key = |v: usize| match self.tab {
            IndexTab::Countries => ItemKey::Entity(v),
            IndexTab::Leaders => ItemKey::Leader(v),
            IndexTab::Topics => ItemKey::Topic(v),
            IndexTab::Speakers => ItemKey::Speaker(v),
        };
        let mut items: Vec<(usize, usize)> = counts
            .iter()
            .enumerate()
            .filter(|&(v, &count)| count > 0 && keep(v))
            .map(|(v, &count)| (v, count))
            .collect();
        // Most statements first, then by name without regard to case.
        items.sort_by_cached_key(|&(v, count)| {
            (
                std::cmp::Reverse(count),
                self.value_name(v).to_lowercase(),
                v,
            )
        });
        items
            .into_iter()
            .map(|(v, count)| ListItem {
                key: make_key(v),
                count,
            })
            .collect()
    }

    /// The sort name of value `v` of the current tab.
    pub(super) fn value_name(&self, v: usize) -> &str {
        match self.tab {
            IndexTab::Countries => &self.corpus.entities[v].name,
            IndexTab::Leaders => &self.corpus.leaders[v].name,
            IndexTab::Topics => &self.topics[v],
            IndexTab::Speakers => &self.corpus.entities[v].name,
        }
    }

    pub(super) fn rebuild_listed(&mut self) {
        self.listed = match self.selected_key() {
            Some(key) => self.statements_of(key),
            None => Vec::new(),
        };
        self.selected_statement = self
            .selected_statement
            .min(self.listed.len().saturating_sub(1));
        self.rebuild_chart();
    }

    /// The drawn row of an item of the left pane.
    pub fn row_of_item(&self, item: usize) -> usize {
        self.rows
            .iter()
            .position(|r| *r == IndexRow::Item(item))
            .unwrap_or(0)
    }

    /// Keep each pane's selection on screen after a change.
    pub(super) fn scroll_into_view(&mut self) {
        let layout = self.layout();
        let row = self.row_of_item(self.selected_item);
        let index_height = self.index_list_height();
        // Keep the selection on screen, and no blank rows below while rows above are hidden.
        self.index_offset = keep_visible(self.index_offset, row, index_height)
            .min(self.rows.len().saturating_sub(index_height));
        // Show the heading above the first item of a group when scrolled to it, when there is
        // room for both.
        if index_height >= 2
            && self.index_offset > 0
            && self.index_offset == row
            && row > 0
            && let IndexRow::Heading(_) = self.rows[row - 1]
        {
            self.index_offset = row - 1;
        }
        let statements_height = layout.inner_height(Pane::Statements);
        self.statements_offset = keep_visible(
            self.statements_offset,
            self.selected_statement,
            statements_height,
        )
        .min(self.listed.len().saturating_sub(statements_height));
        // Building the detail lines to count them is only needed when scrolled at all.
        if self.detail_scroll > 0 {
            self.detail_scroll = self.detail_scroll.min(self.detail_max_scroll());
        }
        // The last help line can be reached and no further: Up answers at once.
        let help_rows = layout::help_rows(Rect::new(0, 0, self.size.0, self.size.1));
        let help_max = self.keymap.help_lines().len().saturating_sub(help_rows);
        self.help_scroll = self.help_scroll.min(help_max);
    }

    /// Rows of the time chart at the bottom of the left pane (0 when not shown: a span of one
    /// bucket, or a short pane).
    pub fn chart_height(&self) -> usize {
        let several_buckets = self.chart.as_ref().is_some_and(|c| c.counts.len() > 1);
        if several_buckets && self.layout().inner_height(Pane::Index) >= 14 {
            4
        } else {
            0
        }
    }

    /// Rows of the left pane's list (its inner height less the chart).
    pub fn index_list_height(&self) -> usize {
        self.layout()
            .inner_height(Pane::Index)
            .saturating_sub(self.chart_height())
    }

    /// The left pane's title as pieces: each tab's label (with the tab it selects) and the
    /// separators between them, fitted to `width` columns.
    ///
    /// Where every title does not fit, the current tab keeps its name and the others show their
    /// key and initial, or their key alone. The pieces include their spaces and are drawn one
    /// after the other from the column after the pane's corner, so mouse clicks map onto them
    /// exactly.
    pub fn tab_title(&self, width: usize) -> Vec<(Option<IndexTab>, String)> {
        let space = || (None, " ".to_string());
        let mut full = vec![space()];
        for (i, &tab) in IndexTab::ALL.iter().enumerate() {
            if i > 0 {
                full.extend([(None, "·".to_string()), space()]);
            }
            full.extend([(Some(tab), format!("{} {}", i + 1, tab.title())), space()]);
        }
        let fits = |pieces: &[(Option<IndexTab>, String)]| {
            pieces
                .iter()
                .map(|(_, t)| crate::text::str_width(t))
                .sum::<usize>()
                <= width.saturating_sub(2)
        };
        if fits(&full) {
            return full;
        }
        // Narrower: the current tab in full, the others by key and initial ("1C 2L 3T 4 Speakers"),
        // and when even that does not fit, by key alone.
        let fitted = |other: &dyn Fn(usize, IndexTab) -> String| {
            let mut pieces = vec![space()];
            for (i, &tab) in IndexTab::ALL.iter().enumerate() {
                let label = if tab == self.tab {
                    format!("{} {}", i + 1, tab.title())
                } else {
                    other(i + 1, tab)
                };
                pieces.extend([(Some(tab), label), space()]);
            }
            pieces
        };
        let initials = fitted(&|key, tab| format!("{key}{}", &tab.title()[..1]));
        if fits(&initials) {
            return initials;
        }
        fitted(&|key, _| key.to_string())
    }

    /// The largest useful detail scroll for the current size.
    pub fn detail_max_scroll(&self) -> usize {
        let layout = self.layout();
        let width = layout.inner_width(Pane::Detail);
        let height = layout.inner_height(Pane::Detail);
        if width == 0 {
            return 0;
        }
        let lines = self.selected_statement_index().map_or(0, |s| {
            crate::detail::build(
                &self.corpus,
                s as usize,
                &self.highlight_positions(s),
                width,
            )
            .len()
        });
        lines.saturating_sub(height)
    }

    pub(super) fn select_item(&mut self, item: usize) {
        if item != self.selected_item {
            self.selected_item = item;
            self.selected_statement = 0;
            self.statements_offset = 0;
            self.detail_scroll = 0;
        }
        self.rebuild_listed();
    }

    pub(super) fn select_statement(&mut self, statement: usize) {
        if statement != self.selected_statement {
            self.selected_statement = statement;
            self.detail_scroll = 0;
        }
    }

    pub(super) fn page(&self, pane: Pane) -> usize {
        (self.layout().inner_height(pane) / 2).max(1)
    }

    /// Move the focused pane's selection (or scroll, for the detail pane) by `delta`.
    pub(super) fn move_in(&mut self, pane: Pane, delta: isize, wrap: bool) {
        match pane {
            Pane::Index => {
                let item = step(self.selected_item, delta, self.items.len(), wrap);
                self.select_item(item);
            }
            Pane::Statements => {
                let statement = step(self.selected_statement, delta, self.listed.len(), wrap);
                self.select_statement(statement);
            }
            Pane::Detail => {
                let max = self.detail_max_scroll();
                self.detail_scroll =
                    (self.detail_scroll as isize + delta).clamp(0, max as isize) as usize;
            }
        }
    }

    pub(super) fn move_to_end(&mut self, pane: Pane, last: bool) {
        match pane {
            Pane::Index => {
                let item = if last {
                    self.items.len().saturating_sub(1)
                } else {
                    0
                };
                self.select_item(item);
            }
            Pane::Statements => {
                let statement = if last {
                    self.listed.len().saturating_sub(1)
                } else {
                    0
                };
                self.select_statement(statement);
            }
            Pane::Detail => {
                self.detail_scroll = if last { self.detail_max_scroll() } else { 0 };
            }
        }
    }

    pub(super) fn focus_step(&mut self, delta: isize, wrap: bool) {
        let current = Pane::ALL.iter().position(|&p| p == self.focus).unwrap_or(0);
        self.focus = Pane::ALL[step(current, delta, Pane::ALL.len(), wrap)];
    }
}

/// Statement counts for the index: per value of the tab, with no target, and in all.
struct ValueCounts {
    by_value: Vec<usize>,
    untargeted: usize,
    total: usize,
}
