//! The search session: typing and pasting into the query, asking for a search, taking results,
//! and restoring the selection held before the search.

use super::*;

impl App {
    pub(super) fn type_char(&mut self, key: KeyEvent) -> bool {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return false;
        }
        match key.code {
            KeyCode::Char(c) => {
                let typed = self.query.insert_char(c);
                if typed {
                    self.history.stop_recalling();
                    self.query_changed();
                }
                typed
            }
            _ => false,
        }
    }

    pub(super) fn on_paste(&mut self, text: &str) -> bool {
        if !self.search_focused {
            self.search_focused = true;
            self.query.move_to_end();
        }
        if self.query.paste(text) {
            self.history.stop_recalling();
            self.query_changed();
        }
        true
    }

    /// Apply `edit` to the query and ask for a new search when the text changed.
    pub(super) fn edited(&mut self, edit: fn(&mut LineInput) -> bool) {
        if edit(&mut self.query) {
            self.history.stop_recalling();
            self.query_changed();
        }
    }

    pub(super) fn query_changed(&mut self) {
        self.query_error = None;
        if self.query.text().trim().is_empty() {
            let had_range = self.range.take().is_some();
            if self.is_filtering() {
                self.restore_selection();
            } else if had_range {
                self.relist_keeping_row();
            }
            // A search abandoned before its results came holds on to nothing.
            self.saved_selection = None;
            self.effects.push(Effect::CancelSearch);
            return;
        }
        let query = match crate::search::try_parse_query(self.query.text()) {
            Ok(query) => query,
            Err(error) => {
                // The last good results (and date range) stay; the worker is not asked.
                self.query_error = Some(error.to_string());
                self.effects.push(Effect::CancelSearch);
                return;
            }
        };
        let range = crate::search::DateRange::of_filters(&query.filters);
        if query.is_only_dates() {
            // A span of dates alone is no search: the panes keep to it (`admits`), fast.
            self.effects.push(Effect::CancelSearch);
            if self.range != range || self.is_filtering() {
                self.range = range;
                self.results = None;
                self.active_query = None;
                self.relist_keeping_row();
            }
            return;
        }
        // With anything else the engine applies the dates with the rest of the query; until its
        // results come, the panes keep to the new range.
        let range_changed = self.range != range;
        self.range = range;
        if range_changed && !self.is_filtering() {
            self.relist_keeping_row();
        }
        if self.saved_selection.is_none() {
            self.saved_selection = Some((
                self.tab,
                self.selected_key().unwrap_or(ItemKey::All),
                self.selected_statement_index(),
            ));
        }
        self.effects
            .push(Effect::Search(self.query.text().to_string()));
    }

    pub(super) fn on_results(&mut self, hits: SearchHits) -> bool {
        if hits.query != self.query.text() || self.query.text().trim().is_empty() {
            return false;
        }
        // A later pass of the same query (partial results growing into the final ranking)
        // keeps what the user selected meanwhile; a new query starts from its best match.
        let same_query = self.results.as_ref().is_some_and(|r| r.query == hits.query);
        let keep_key = self
            .selected_key()
            .filter(|_| self.is_filtering() && (same_query || !self.search_focused));
        let kept_statement = self.selected_statement_index().filter(|_| same_query);
        if !same_query {
            self.active_query = Some(crate::search::parse_query(&hits.query));
        }
        self.results = Some(hits);
        self.rebuild_items();
        let item = keep_key
            .and_then(|k| self.items.iter().position(|i| i.key == k))
            .unwrap_or(0);
        self.selected_item = item;
        self.rebuild_listed();
        let statement = kept_statement
            .and_then(|s| self.listed.iter().position(|&l| l == s))
            .unwrap_or(0);
        if !same_query || statement != self.selected_statement {
            self.statements_offset = 0;
            self.detail_scroll = 0;
        }
        self.selected_statement = statement;
        true
    }

    /// Leave search: clear the query (and with it the date range) and go back to the selection
    /// held before it.
    pub(super) fn clear_search(&mut self) {
        self.query.clear();
        self.effects.push(Effect::CancelSearch);
        self.range = None;
        if self.is_filtering() || self.saved_selection.is_some() {
            self.restore_selection();
        } else {
            self.relist_keeping_row();
        }
    }

    /// True when the query in the bar is a span of dates and nothing else: the panes keep to it
    /// without a search (so nothing is awaited).
    pub fn query_is_only_dates(&self) -> bool {
        crate::search::try_parse_query(self.query.text()).is_ok_and(|q| q.is_only_dates())
    }

    pub(super) fn restore_selection(&mut self) {
        self.results = None;
        self.active_query = None;
        let (tab, key, statement) =
            self.saved_selection
                .take()
                .unwrap_or((self.tab, ItemKey::All, None));
        self.tab = tab;
        self.rebuild_items();
        self.select_key_and_statement(key, statement);
    }

    pub(super) fn select_key_and_statement(&mut self, key: ItemKey, statement: Option<u32>) {
        self.selected_item = self.items.iter().position(|i| i.key == key).unwrap_or(0);
        self.rebuild_listed();
        self.selected_statement = statement
            .and_then(|s| self.listed.iter().position(|&l| l == s))
            .unwrap_or(0);
        self.detail_scroll = 0;
    }

    /// Enter in the search bar: close the bar and show the selected result in its country,
    /// keeping the query and the results (`n` / `N` step through them, Esc clears them).
    pub(super) fn go_to_selected_result(&mut self) {
        self.search_focused = false;
        self.remember_query();
        if self.query_is_only_dates() {
            return;
        }
        if let Some(statement) = self.selected_statement_index() {
            self.show_result(statement);
        }
    }

    /// Add the query in the bar to the history and ask the shell to save it.
    fn remember_query(&mut self) {
        if self.query_error.is_some() || !self.history.remember(self.query.text()) {
            return;
        }
        if let Some(file) = &self.history.file {
            self.effects.push(Effect::SaveHistory {
                file: file.clone(),
                contents: self.history.render(),
            });
        }
    }

    /// Select `statement` in the Countries index, under its first target, in the statements
    /// pane.
    fn show_result(&mut self, statement: u32) {
        let first_target = self.corpus.statements[statement as usize]
            .targets
            .iter()
            .find_map(|t| self.corpus.entity_position(t))
            .map_or(ItemKey::Untargeted, ItemKey::Entity);
        self.tab = IndexTab::Countries;
        self.rebuild_items();
        self.select_key_and_statement(first_target, Some(statement));
        self.focus = Pane::Statements;
    }

    /// `n` / `N` from the panes: the next (`1`) or previous (`-1`) result in the ranking after
    /// the selected statement, wrapping around. False when there is no search.
    pub(super) fn step_result(&mut self, direction: isize) -> bool {
        let Some(ranked) = self.results.as_ref().map(|r| &r.ranked) else {
            return false;
        };
        if ranked.is_empty() {
            return false;
        }
        let at = self
            .selected_statement_index()
            .and_then(|s| ranked.iter().position(|&r| r == s));
        let next = match at {
            Some(at) => step(at, direction, ranked.len(), true),
            None if direction < 0 => ranked.len() - 1,
            None => 0,
        };
        let statement = ranked[next];
        self.show_result(statement);
        true
    }

    /// ↑ / ↓ in the search bar recall queries when there are some and the bar is empty or
    /// already recalling.
    pub(super) fn recalls_history(&self) -> bool {
        !self.history.entries.is_empty() && (self.query.is_empty() || self.history.is_recalling())
    }

    /// Show the query one step older (`-1`) or newer (`1`) in the history.
    pub(super) fn recall(&mut self, direction: isize) -> bool {
        let Some(query) = self.history.step(direction).map(str::to_string) else {
            return false;
        };
        self.query.clear();
        self.query.paste(&query);
        self.query_changed();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn seed_app() -> App {
        let mut app = App::new(Arc::new(crate::load::embedded_seed().expect("seed")));
        app.update(Msg::Resize(120, 40));
        app
    }

    fn press(app: &mut App, code: KeyCode) -> Update {
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
        text.chars()
            .flat_map(|c| press(app, KeyCode::Char(c)).effects)
            .collect()
    }

    fn answer(app: &mut App, ranked: Vec<u32>) {
        let matched = ranked.len();
        app.update(Msg::SearchResults(SearchHits {
            query: app.query.text().to_string(),
            ranked,
            complete: true,
            matched,
        }));
    }

    #[test]
    fn a_bad_filter_shows_a_message_and_keeps_the_last_good_results() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "putin");
        answer(&mut app, vec![10, 9]);
        let effects = type_text(&mut app, " year:abc");
        assert_eq!(effects.last(), Some(&Effect::CancelSearch));
        assert!(
            !effects.contains(&Effect::Search("putin year:abc".into())),
            "a bad query is not searched"
        );
        let message = app.query_error.clone().expect("a message");
        assert!(message.contains("year"), "{message}");
        assert_eq!(
            app.results.as_ref().map(|r| r.ranked.clone()),
            Some(vec![10, 9])
        );
        let update = press(&mut app, KeyCode::Backspace);
        assert_eq!(
            app.query_error.as_ref().map(|m| m.contains("year")),
            Some(true)
        );
        assert!(!update.has(&Effect::Search("putin year:ab".into())));
        for _ in 0.."year:ab".len() {
            press(&mut app, KeyCode::Backspace);
        }
        assert_eq!(app.query_error, None);
        assert!(app.is_filtering());
        for bad in ["kind:foo", "country:"] {
            let mut app = seed_app();
            press(&mut app, KeyCode::Char('/'));
            type_text(&mut app, bad);
            assert!(app.query_error.is_some(), "{bad}");
        }
    }

    #[test]
    fn n_and_shift_n_step_through_the_results_from_the_panes() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "moon");
        answer(&mut app, vec![3, 1, 7]);
        let update = press(&mut app, KeyCode::Enter);
        assert!(
            update.effects.is_empty(),
            "no history file: nothing to save"
        );
        assert_eq!(app.selected_statement_index(), Some(3));
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(app.selected_statement_index(), Some(1));
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(app.selected_statement_index(), Some(7));
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(app.selected_statement_index(), Some(3), "wraps");
        app.update(Msg::Key(KeyEvent::new(
            KeyCode::Char('N'),
            KeyModifiers::SHIFT,
        )));
        assert_eq!(app.selected_statement_index(), Some(7));
        assert_eq!(app.focus, Pane::Statements);
        press(&mut app, KeyCode::Esc);
        assert!(!app.is_filtering(), "Esc clears the kept search");
        assert!(
            !press(&mut app, KeyCode::Char('n')).redraw,
            "n does nothing without a search"
        );
    }

    #[test]
    fn enter_remembers_the_query_and_asks_to_save_the_history() {
        let mut app = seed_app();
        let file = PathBuf::from("/state/history");
        app.history = SearchHistory::parse("olympics\n", Some(file.clone()));
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "moon");
        answer(&mut app, vec![1]);
        let update = press(&mut app, KeyCode::Enter);
        assert_eq!(
            update.effects,
            vec![Effect::SaveHistory {
                file,
                contents: "olympics\nmoon\n".into()
            }]
        );
        press(&mut app, KeyCode::Char('/'));
        app.update(Msg::Key(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL,
        )));
        let update = press(&mut app, KeyCode::Up);
        assert_eq!(app.query.text(), "moon");
        assert!(update.has(&Effect::Search("moon".into())));
        press(&mut app, KeyCode::Up);
        assert_eq!(app.query.text(), "olympics");
        press(&mut app, KeyCode::Down);
        assert_eq!(app.query.text(), "moon");
        press(&mut app, KeyCode::Down);
        assert_eq!(app.query.text(), "", "past the newest: an empty bar");
    }

    #[test]
    fn arrows_in_a_typed_query_move_through_results_not_history() {
        let mut app = seed_app();
        app.history = SearchHistory::parse("olympics\n", None);
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "moon");
        answer(&mut app, vec![3, 1]);
        press(&mut app, KeyCode::Down);
        assert_eq!(app.query.text(), "moon");
        assert_eq!(app.selected_statement_index(), Some(1));
    }
}
