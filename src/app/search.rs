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
            self.query_changed();
        }
        true
    }

    /// Apply `edit` to the query and ask for a new search when the text changed.
    pub(super) fn edited(&mut self, edit: fn(&mut LineInput) -> bool) {
        if edit(&mut self.query) {
            self.query_changed();
        }
    }

    pub(super) fn query_changed(&mut self) {
        if self.query.text().trim().is_empty() {
            if self.is_filtering() {
                self.restore_selection();
            }
            // A search abandoned before its results came holds on to nothing.
            self.saved_selection = None;
            self.effects.push(Effect::CancelSearch);
            return;
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

    /// Leave search: clear the query and go back to the selection held before it.
    pub(super) fn clear_search(&mut self) {
        self.query.clear();
        self.effects.push(Effect::CancelSearch);
        self.restore_selection();
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

    /// Enter in the search bar: leave the search with the selected result shown in its country.
    pub(super) fn go_to_selected_result(&mut self) {
        let Some(statement) = self.selected_statement_index() else {
            self.search_focused = false;
            return;
        };
        let first_target = self.corpus.statements[statement as usize]
            .targets
            .iter()
            .find_map(|t| self.corpus.entity_position(t))
            .map_or(ItemKey::Untargeted, ItemKey::Entity);
        self.query.clear();
        self.effects.push(Effect::CancelSearch);
        self.saved_selection = None;
        self.search_focused = false;
        self.results = None;
        self.active_query = None;
        self.tab = IndexTab::Countries;
        self.rebuild_items();
        self.select_key_and_statement(first_target, Some(statement));
        self.focus = Pane::Statements;
    }
}
