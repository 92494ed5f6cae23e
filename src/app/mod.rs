//! The browser's state and its transitions. `App::update` takes one message (a key, a mouse
//! event, a paste, a resize, search results) and changes the state; it does no I/O, so every
//! transition is unit-tested without a terminal.

mod browse;
mod compare;
mod history;
mod index;
mod lens;
mod line_input;
mod matrix;
mod mouse;
mod msg;
mod overlay;
mod reader;
mod search;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests_analyst;

use crate::keymap::{Action, Context, Keymap};
use crate::layout::{self, Pane, ScreenLayout};
use crate::model::{Corpus, EntityKind};
pub use compare::fold_columns;
pub use compare::{Compare, CompareAreas, CompareSide, compare_areas, compare_chart_height};
pub use history::{HISTORY_LIMIT, SearchHistory};
use index::Facet;
pub use index::{IndexRow, IndexTab, ItemKey, ListItem};
pub use lens::SpanPicker;
pub use line_input::LineInput;
pub use matrix::{DyadCounts, Matrix, MatrixFit, count_dyads, matrix_fit};
pub use msg::{Effect, Msg, SearchHits, Update};
pub use overlay::{JumpPicker, Overlay};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
pub use reader::{Reader, line_of};
use std::sync::Arc;

/// The browser state.
#[derive(Debug, Clone)]
pub struct App {
    /// The corpus being browsed.
    pub corpus: Arc<Corpus>,
    /// The key table (drives dispatch and the help overlay).
    pub keymap: Keymap,
    /// Colours and emphasis.
    pub theme: crate::theme::Theme,
    targets: Facet,
    leaders: Facet,
    topic_facet: Facet,
    untargeted: Vec<u32>,
    /// Distinct topic phrases of the corpus, in first-seen order.
    pub topics: Vec<String>,
    speakers: Facet,
    article_dates: Vec<Option<crate::dates::PartialDate>>,
    statement_article: Vec<u32>,
    article_statements: Vec<Vec<u32>>,
    newest_order: Vec<u32>,
    newest_rank: Vec<u32>,
    /// The first and last article date of the corpus.
    pub date_span: Option<(crate::dates::PartialDate, crate::dates::PartialDate)>,
    /// The listed statements counted over time (the bucket chosen from the span).
    pub chart: Option<crate::dates::Histogram>,
    /// The speaker lens: only statements by this entity (position in `Corpus::entities`).
    pub lens: Option<usize>,
    /// The query's span of dates (its `year:`/`after:`/`before:`), the one date range of the
    /// panes: see `app/lens.rs`.
    pub range: Option<crate::search::DateRange>,
    /// Statement rows newest first (true) or in corpus order.
    pub newest_first: bool,
    /// The index the left pane shows.
    pub tab: IndexTab,
    /// Selectable rows of the left pane, in display order.
    pub items: Vec<ListItem>,
    /// Rows of the left pane as drawn (headings and items).
    pub rows: Vec<IndexRow>,
    /// Statements listed in the middle pane (indices into the corpus), in display order.
    pub listed: Vec<u32>,
    /// Selected position in `items`.
    pub selected_item: usize,
    /// Selected position in `listed`.
    pub selected_statement: usize,
    /// First drawn row of the left pane.
    pub index_offset: usize,
    /// First drawn row of the statements pane.
    pub statements_offset: usize,
    /// First drawn line of the detail pane.
    pub detail_scroll: usize,
    /// The focused pane (the search bar may hold the keyboard on top of it).
    pub focus: Pane,
    /// True while the search bar has the keyboard.
    pub search_focused: bool,
    /// The search bar's text and cursor.
    pub query: LineInput,
    /// Why the query in the bar cannot be searched (a bad field filter); the last good
    /// results stay meanwhile.
    pub query_error: Option<String>,
    /// Earlier queries, recalled with ↑ / ↓ in an empty bar.
    pub history: SearchHistory,
    /// Results of the active search; `None` when not searching.
    pub results: Option<SearchHits>,
    /// The search index, for highlighting matched characters (set by the shell).
    pub search_index: Option<Arc<crate::search::SearchIndex>>,
    /// True while the search index is being built after the first frame (the search bar says
    /// so; a query typed meanwhile runs when it is ready).
    pub indexing: bool,
    /// The parsed query of `results`.
    active_query: Option<crate::search::Query>,
    saved_selection: Option<(IndexTab, ItemKey, Option<u32>)>,
    /// First drawn line of the help overlay.
    pub help_scroll: usize,
    /// What is open over the panes (help, the go-to picker, the export prompt); keys and
    /// clicks go to it first.
    pub overlay: Overlay,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// A one-line message for the footer (export written, copied...), until the next key.
    pub status: Option<String>,
    /// Where the corpus came from, when the title line should say so (`seed + library (2
    /// batches)`).
    pub corpus_label: Option<String>,
    /// The left side of a comparison marked with `c`, while the right one is being picked.
    pub compare_left: Option<CompareSide>,
    /// Effects asked for during the current `update`, handed back when it returns.
    effects: Vec<Effect>,
}

/// The longest search query, in characters (a longer paste is cut): no one searches with more,
/// and it bounds the work of every keystroke.
pub const MAX_QUERY_CHARS: usize = line_input::MAX_CHARS;

/// Move a picker's `selected` row of `len` for a movement action (wrapping); false for any
/// other action.
fn move_in_list(selected: &mut usize, len: usize, action: Action) -> bool {
    *selected = match action {
        Action::MoveDown => step(*selected, 1, len, true),
        Action::MoveUp => step(*selected, -1, len, true),
        Action::Top => 0,
        Action::Bottom => len.saturating_sub(1),
        _ => return false,
    };
    true
}

/// Move `current` by `delta` within `0..len`, wrapping around when `wrap` is set, clamping
/// otherwise.
fn step(current: usize, delta: isize, len: usize, wrap: bool) -> usize {
    if len == 0 {
        return 0;
    }
    let target = current as isize + delta;
    if wrap {
        target.rem_euclid(len as isize) as usize
    } else {
        target.clamp(0, len as isize - 1) as usize
    }
}

/// The offset that keeps `selected` visible in a window of `height` rows, moving `offset` as
/// little as possible.
pub fn keep_visible(offset: usize, selected: usize, height: usize) -> usize {
    if height == 0 {
        return offset.min(selected);
    }
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}

impl App {
    /// A browser over `corpus` with the default key table, sized 80x24 until told otherwise.
    pub fn new(corpus: Arc<Corpus>) -> Self {
        // The facets are independent passes over the statements: built on both cores.
        let ((targets, leaders), ((topics, topic_facet), speakers)) = rayon::join(
            || {
                rayon::join(
                    || index::target_facet(&corpus),
                    || index::leader_facet(&corpus),
                )
            },
            || {
                rayon::join(
                    || index::topic_facet(&corpus),
                    || index::speaker_facet(&corpus),
                )
            },
        );
        let (untargeted, (article_dates, statement_article)) = rayon::join(
            || {
                (0..corpus.statements.len() as u32)
                    .filter(|&s| targets.of(s).is_empty())
                    .collect()
            },
            || index::article_dates(&corpus),
        );
        let (article_statements, (newest_order, newest_rank)) = rayon::join(
            || index::article_statements(&corpus, &statement_article),
            || index::newest_order(&article_dates, &statement_article),
        );
        let date_span = lens::date_span(&article_dates);
        let mut app = App {
            corpus,
            keymap: Keymap::default(),
            theme: crate::theme::Theme::default(),
            targets,
            leaders,
            topic_facet,
            untargeted,
            topics,
            speakers,
            article_dates,
            statement_article,
            article_statements,
            newest_order,
            newest_rank,
            date_span,
            chart: None,
            lens: None,
            range: None,
            newest_first: true,
            tab: IndexTab::Speakers,
            items: Vec::new(),
            rows: Vec::new(),
            listed: Vec::new(),
            selected_item: 0,
            selected_statement: 0,
            index_offset: 0,
            statements_offset: 0,
            detail_scroll: 0,
            focus: Pane::Index,
            search_focused: false,
            query: LineInput::default(),
            query_error: None,
            history: SearchHistory::default(),
            results: None,
            search_index: None,
            indexing: false,
            active_query: None,
            saved_selection: None,
            effects: Vec::new(),
            overlay: Overlay::None,
            help_scroll: 0,
            size: (80, 24),
            status: None,
            corpus_label: None,
            compare_left: None,
        };
        app.rebuild_items();
        app.rebuild_listed();
        app.scroll_into_view();
        app
    }

    /// The layout of the current terminal size and focus.
    pub fn layout(&self) -> ScreenLayout {
        layout::compute(Rect::new(0, 0, self.size.0, self.size.1), self.shown_pane())
    }

    /// What the statements in view are: the selected row of the index, narrowed by the search.
    pub fn export_subject(&self) -> crate::subject::Subject {
        use crate::subject::Subject;
        let by = |subject: Subject, e: usize| {
            let entity = &self.corpus.entities[e];
            subject.by(&entity.name, &entity.id)
        };
        let start = match self.lens {
            Some(speaker) => by(Subject::everything(), speaker),
            None => Subject::everything(),
        };
        let subject = match self.selected_key() {
            None | Some(ItemKey::All) => start,
            Some(ItemKey::Speaker(e)) => by(start, e),
            Some(ItemKey::Untargeted) => start.about_no_country(),
            Some(ItemKey::Entity(e)) => {
                let entity = &self.corpus.entities[e];
                start.about(&entity.name, &entity.id)
            }
            Some(ItemKey::Leader(l)) => start.leader(&self.corpus.leaders[l].name),
            Some(ItemKey::Topic(t)) => start.topic(&self.topics[t]),
        };
        match &self.results {
            Some(hits) => subject.query(&hits.query),
            None => subject,
        }
    }

    /// The pane shown when only one fits: the focused one, or the statements (the results)
    /// while the search bar has the keyboard.
    pub fn shown_pane(&self) -> Pane {
        if self.search_focused {
            Pane::Statements
        } else {
            self.focus
        }
    }

    /// The selected left-pane item.
    pub fn selected_key(&self) -> Option<ItemKey> {
        self.items.get(self.selected_item).map(|i| i.key)
    }

    /// The corpus index of the selected statement.
    pub fn selected_statement_index(&self) -> Option<u32> {
        self.listed.get(self.selected_statement).copied()
    }

    /// True while a search filters the panes.
    pub fn is_filtering(&self) -> bool {
        self.results.is_some()
    }

    /// Char indices of the statement's text that match the active search, sorted; empty when
    /// not searching.
    pub fn highlight_positions(&self, statement: u32) -> Vec<usize> {
        match (&self.search_index, &self.active_query) {
            (Some(index), Some(query)) => {
                crate::search::highlight_positions(index, query, statement)
            }
            _ => Vec::new(),
        }
    }

    /// The key-table context the keyboard is in.
    pub fn key_context(&self) -> Context {
        if matches!(self.overlay, Overlay::Reader(_)) {
            Context::Reader
        } else if self.search_focused {
            Context::SearchBar
        } else {
            Context::Panes
        }
    }

    /// Display name of a left-pane key.
    pub fn key_name(&self, key: ItemKey) -> String {
        match key {
            ItemKey::All if self.is_filtering() => "All matches".to_string(),
            ItemKey::All => "All statements".to_string(),
            ItemKey::Entity(i) => self.corpus.entities[i].name.clone(),
            ItemKey::Untargeted => "No specific country".to_string(),
            ItemKey::Leader(i) => self.corpus.leaders[i].name.clone(),
            ItemKey::Topic(i) => self.topics[i].clone(),
            ItemKey::Speaker(i) => self.corpus.entities[i].name.clone(),
        }
    }

    /// Apply one message: what changed on screen and what the shell should do.
    pub fn update(&mut self, msg: Msg) -> Update {
        let redraw = self.apply(msg);
        Update {
            redraw,
            effects: std::mem::take(&mut self.effects),
        }
    }

    /// Apply one message; true when the screen needs redrawing.
    fn apply(&mut self, msg: Msg) -> bool {
        let changed = match msg {
            Msg::Key(key) => self.on_key(key),
            Msg::Mouse(mouse) => self.on_mouse(mouse),
            Msg::Paste(text) => self.on_paste(&text),
            Msg::Resize(width, height) => {
                self.size = (width, height);
                self.clamp_reader_scroll();
                true
            }
            Msg::SearchResults(hits) => self.on_results(hits),
            Msg::Status(text) => {
                self.status = Some(text);
                true
            }
        };
        if changed {
            self.scroll_into_view();
        }
        changed
    }

    fn on_key(&mut self, key: KeyEvent) -> bool {
        if key.kind != KeyEventKind::Press {
            return false;
        }
        let had_status = self.status.take().is_some();
        if self.overlay == Overlay::ExportPrompt {
            return self.on_export_prompt_key(key) || had_status;
        }
        let Some(action) = self.keymap.action_for(self.key_context(), &key) else {
            return (self.search_focused && self.type_char(key)) || had_status;
        };
        if self.overlay == Overlay::Help {
            return self.on_help_key(action);
        }
        if matches!(self.overlay, Overlay::Jump(_)) {
            return self.on_jump_key(action);
        }
        if matches!(self.overlay, Overlay::Span(_)) {
            return self.on_span_key(action);
        }
        match self.overlay {
            Overlay::Reader(_) => return self.on_reader_key(action),
            Overlay::Compare(_) => return self.on_compare_key(action),
            Overlay::Matrix(_) => return self.on_matrix_key(action),
            _ => {}
        }
        self.perform(action)
    }

    /// The export prompt: the keys of its context pick the format; `back` cancels.
    fn on_export_prompt_key(&mut self, key: KeyEvent) -> bool {
        use crate::export::ExportFormat;
        let format = match self.keymap.action_for(Context::ExportPrompt, &key) {
            Some(Action::ForceQuit) => {
                self.effects.push(Effect::Quit);
                return true;
            }
            Some(Action::ExportMarkdown) => Some(ExportFormat::Markdown),
            Some(Action::ExportCsv) => Some(ExportFormat::Csv),
            Some(Action::ExportJson) => Some(ExportFormat::Json),
            Some(Action::Back) => None,
            _ => return false,
        };
        self.overlay = Overlay::None;
        if let Some(format) = format {
            let subject = self.export_subject();
            self.effects
                .push(Effect::Export(format, self.listed.clone(), subject));
        }
        true
    }

    fn on_jump_key(&mut self, action: Action) -> bool {
        let Overlay::Jump(picker) = &mut self.overlay else {
            return false;
        };
        if move_in_list(&mut picker.selected, picker.choices.len(), action) {
            return true;
        }
        match action {
            Action::Back | Action::JumpTo | Action::Quit => self.overlay = Overlay::None,
            Action::ForceQuit => self.effects.push(Effect::Quit),
            Action::Enter => {
                if let Some(&(tab, key)) = picker.choices.get(picker.selected) {
                    let statement = self.selected_statement_index();
                    self.overlay = Overlay::None;
                    self.show_tab(tab);
                    self.select_key_and_statement(key, statement);
                    self.focus = Pane::Statements;
                }
            }
            _ => return false,
        }
        true
    }

    /// Switch the left pane to `tab`, keeping any search.
    fn show_tab(&mut self, tab: IndexTab) {
        if self.tab == tab {
            return;
        }
        self.tab = tab;
        self.rebuild_items();
        self.select_first_value();
        self.selected_statement = 0;
        self.statements_offset = 0;
        self.index_offset = 0;
        self.detail_scroll = 0;
        self.rebuild_listed();
    }

    /// The picker's choices for the selected statement: targets, then leaders, then topics.
    fn jump_choices(&self) -> Vec<(IndexTab, ItemKey)> {
        let Some(s) = self.selected_statement_index() else {
            return Vec::new();
        };
        let mut choices = Vec::new();
        for &v in self.targets.of(s) {
            choices.push((IndexTab::Countries, ItemKey::Entity(v as usize)));
        }
        for &v in self.leaders.of(s) {
            choices.push((IndexTab::Leaders, ItemKey::Leader(v as usize)));
        }
        for &v in self.topic_facet.of(s) {
            choices.push((IndexTab::Topics, ItemKey::Topic(v as usize)));
        }
        choices
    }

    fn on_help_key(&mut self, action: Action) -> bool {
        match action {
            Action::Back | Action::ToggleHelp | Action::Quit => self.overlay = Overlay::None,
            Action::ForceQuit => self.effects.push(Effect::Quit),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::MoveDown => self.help_scroll += 1,
            Action::MoveUp => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::HalfPageDown => self.help_scroll += 5,
            Action::HalfPageUp => self.help_scroll = self.help_scroll.saturating_sub(5),
            Action::Top => self.help_scroll = 0,
            _ => return false,
        }
        true
    }

    /// Do what an action asks. Returns true when something changed.
    pub fn perform(&mut self, action: Action) -> bool {
        let pane = self.focus;
        match action {
            Action::MoveUp | Action::MoveDown if self.search_focused && self.recalls_history() => {
                return self.recall(if action == Action::MoveUp { -1 } else { 1 });
            }
            Action::MoveUp if self.search_focused => self.move_in(Pane::Statements, -1, true),
            Action::MoveDown if self.search_focused => self.move_in(Pane::Statements, 1, true),
            Action::NextResult => return self.step_result(1),
            Action::PreviousResult => return self.step_result(-1),
            Action::MoveUp => self.move_in(pane, -1, true),
            Action::MoveDown => self.move_in(pane, 1, true),
            Action::HalfPageUp => self.move_in(pane, -(self.page(pane) as isize), false),
            Action::HalfPageDown => self.move_in(pane, self.page(pane) as isize, false),
            Action::Top => self.move_to_end(pane, false),
            Action::Bottom => self.move_to_end(pane, true),
            Action::FocusNext => self.focus_step(1, true),
            Action::FocusPrevious => self.focus_step(-1, true),
            Action::FocusLeft => self.focus_step(-1, false),
            Action::FocusRight => self.focus_step(1, false),
            Action::Enter if self.search_focused => self.go_to_selected_result(),
            Action::Enter if pane == Pane::Detail => return self.open_reader(),
            Action::Enter if pane == Pane::Index && self.compare_left.is_some() => {
                return self.compare_key();
            }
            Action::Enter if pane == Pane::Index && self.tab == IndexTab::Speakers => {
                match self.selected_key() {
                    Some(ItemKey::Speaker(speaker)) => self.set_lens(speaker),
                    _ => self.focus_step(1, false),
                }
            }
            Action::Enter => self.focus_step(1, false),
            Action::FocusSearch => {
                self.search_focused = true;
                self.query.move_to_end();
            }
            Action::Back => return self.back(),
            Action::ToggleHelp => {
                self.overlay = Overlay::Help;
                self.help_scroll = 0;
            }
            Action::Quit | Action::ForceQuit => self.effects.push(Effect::Quit),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Export => {
                if self.listed.is_empty() {
                    self.status = Some("Nothing to export: no statements in view".into());
                } else {
                    self.overlay = Overlay::ExportPrompt;
                }
            }
            Action::Copy => match self.selected_statement_index() {
                Some(statement) => self.effects.push(Effect::Copy(statement)),
                None => self.status = Some("Nothing to copy: no statement selected".into()),
            },
            Action::ShowCountries => self.show_tab(IndexTab::Countries),
            Action::ShowLeaders => self.show_tab(IndexTab::Leaders),
            Action::ShowTopics => self.show_tab(IndexTab::Topics),
            Action::ShowSpeakers => self.show_tab(IndexTab::Speakers),
            Action::SetLens => match self.lens_candidate() {
                Some(speaker) => self.set_lens(speaker),
                None => self.status = Some("No speaker to set the lens to".to_string()),
            },
            Action::ClearLens => return self.clear_lens(),
            Action::PickYears => return self.open_span_picker(),
            Action::ToggleOrder => self.toggle_order(),
            Action::OpenReader => return self.open_reader(),
            Action::OpenUrl => self.open_selected_url(),
            Action::NextStatement | Action::PreviousStatement => return false,
            Action::Compare => return self.compare_key(),
            Action::Matrix => return self.open_matrix(),
            Action::JumpTo => {
                let choices = self.jump_choices();
                if choices.is_empty() {
                    return false;
                }
                self.overlay = Overlay::Jump(JumpPicker {
                    choices,
                    selected: 0,
                });
            }
            Action::CursorLeft => self.query.move_left(),
            Action::CursorRight => self.query.move_right(),
            Action::CursorStart => self.query.move_to_start(),
            Action::CursorEnd => self.query.move_to_end(),
            Action::DeleteBackward => self.edited(LineInput::delete_backward),
            Action::DeleteForward => self.edited(LineInput::delete_forward),
            Action::DeleteToStart => self.edited(LineInput::delete_to_start),
            Action::DeleteWordBackward => self.edited(LineInput::delete_word_backward),
            Action::ExportMarkdown | Action::ExportCsv | Action::ExportJson => return false,
        }
        true
    }

    /// Esc: close the overlay, leave the search bar, cancel a compare pick, or clear the search.
    fn back(&mut self) -> bool {
        if self.overlay == Overlay::Help {
            self.overlay = Overlay::None;
        } else if self.search_focused {
            self.search_focused = false;
        } else if self.compare_left.is_some() {
            self.compare_left = None;
        } else if self.is_filtering() || !self.query.is_empty() {
            self.clear_search();
        } else if self.lens.is_some() {
            self.clear_lens();
        } else {
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    /// The seed on the Countries index (Japan selected), where these tests start; the first
    /// screen itself is tested in `app/tests_analyst.rs`.
    fn seed_app() -> App {
        let mut app = App::new(Arc::new(load::embedded_seed().expect("seed")));
        app.update(Msg::Resize(120, 40));
        press(&mut app, KeyCode::Char('1'));
        app
    }

    fn press(app: &mut App, code: KeyCode) -> Update {
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    fn ctrl(app: &mut App, c: char) -> Update {
        app.update(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )))
    }

    /// Type `text` key by key; the effects asked for along the way.
    fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
        text.chars()
            .flat_map(|c| press(app, KeyCode::Char(c)).effects)
            .collect()
    }

    fn selected_name(app: &App) -> String {
        app.key_name(app.selected_key().expect("selection"))
    }

    fn item_names(app: &App) -> Vec<String> {
        app.items
            .iter()
            .map(|i| format!("{} {}", app.key_name(i.key), i.count))
            .collect()
    }

    #[test]
    fn countries_are_sorted_by_count_then_name_with_groups_apart() {
        let app = seed_app();
        assert_eq!(
            item_names(&app),
            vec![
                "All statements 15",
                "Japan 3",
                "United States 3",
                "China 2",
                "North Korea 2",
                "Russia 2",
                "Global issues 2",
                "Indo-Pacific 2",
                "ASEAN 1",
            ]
        );
        assert!(app.rows.contains(&IndexRow::Heading("States")));
        assert!(app.rows.contains(&IndexRow::Heading("Blocs & regions")));
        assert_eq!(selected_name(&app), "Japan");
        assert_eq!(app.listed.len(), 3);
    }

    #[test]
    fn arrows_and_vim_keys_move_and_wrap() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(selected_name(&app), "United States");
        press(&mut app, KeyCode::Up);
        press(&mut app, KeyCode::Up);
        assert_eq!(selected_name(&app), "All statements");
        press(&mut app, KeyCode::Up);
        assert_eq!(
            selected_name(&app),
            "ASEAN",
            "up from the first row wraps to the last"
        );
        press(&mut app, KeyCode::Down);
        assert_eq!(
            selected_name(&app),
            "All statements",
            "down from the last row wraps"
        );
        press(&mut app, KeyCode::Char('G'));
        assert_eq!(selected_name(&app), "ASEAN");
        press(&mut app, KeyCode::Home);
        assert_eq!(selected_name(&app), "All statements");
    }

    #[test]
    fn half_pages_clamp_instead_of_wrapping() {
        let mut app = seed_app();
        app.update(Msg::Resize(80, 24));
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Char('g'));
        ctrl(&mut app, 'd');
        assert_eq!(
            app.selected_statement, 2,
            "Japan has 3 statements; half a page stops at the end"
        );
        press(&mut app, KeyCode::PageUp);
        assert_eq!(app.selected_statement, 0);
    }

    #[test]
    fn selecting_a_country_lists_its_statements_and_resets_the_statement() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(app.selected_statement, 1);
        press(&mut app, KeyCode::BackTab);
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(selected_name(&app), "United States");
        assert_eq!(app.selected_statement, 0);
        let first = &app.corpus.statements[app.selected_statement_index().expect("one") as usize];
        assert!(first.targets.iter().any(|t| t == "USA"));
    }

    #[test]
    fn focus_moves_with_tab_arrows_and_enter() {
        let mut app = seed_app();
        assert_eq!(app.focus, Pane::Index);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.focus, Pane::Statements);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.focus, Pane::Detail);
        press(&mut app, KeyCode::Right);
        assert_eq!(app.focus, Pane::Detail, "→ stops at the last pane");
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.focus, Pane::Index, "Tab wraps");
        press(&mut app, KeyCode::Char('h'));
        assert_eq!(app.focus, Pane::Index, "← stops at the first pane");
        press(&mut app, KeyCode::BackTab);
        assert_eq!(app.focus, Pane::Detail);
    }

    #[test]
    fn esc_steps_back_one_thing_at_a_time() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('/'));
        assert!(app.search_focused);
        let effects = type_text(&mut app, "putin");
        assert_eq!(effects.last(), Some(&Effect::Search("putin".into())));
        app.update(Msg::SearchResults(SearchHits {
            query: "putin".into(),
            ranked: vec![10],
            complete: true,
            matched: 1,
        }));
        press(&mut app, KeyCode::Char('?'));
        assert!(!app.help_open(), "? is typed into the search bar");
        press(&mut app, KeyCode::Esc);
        assert!(!app.search_focused);
        assert!(app.is_filtering());
        press(&mut app, KeyCode::Char('?'));
        assert!(app.help_open());
        press(&mut app, KeyCode::Esc);
        assert!(!app.help_open());
        assert!(app.is_filtering());
        press(&mut app, KeyCode::Esc);
        assert!(!app.is_filtering());
        assert_eq!(app.query.text(), "");
        assert_eq!(
            selected_name(&app),
            "Japan",
            "selection before the search is back"
        );
        assert!(
            !press(&mut app, KeyCode::Esc).redraw,
            "nothing left to undo"
        );
    }

    #[test]
    fn search_results_narrow_the_panes_and_enter_goes_to_the_country_keeping_them() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "putin");
        app.update(Msg::SearchResults(SearchHits {
            query: "putin".into(),
            ranked: vec![10, 9],
            complete: true,
            matched: 2,
        }));
        assert_eq!(item_names(&app), vec!["All matches 2", "Russia 2"]);
        assert_eq!(app.selected_statement_index(), Some(10));
        press(&mut app, KeyCode::Enter);
        assert!(!app.search_focused);
        assert!(app.is_filtering(), "Enter keeps the results");
        assert_eq!(app.query.text(), "putin");
        assert_eq!(selected_name(&app), "Russia");
        assert_eq!(app.selected_statement_index(), Some(10));
        assert_eq!(app.focus, Pane::Statements);
    }

    #[test]
    fn stale_results_are_ignored() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "pu");
        let changed = app.update(Msg::SearchResults(SearchHits {
            query: "p".into(),
            ranked: vec![1],
            complete: true,
            matched: 1,
        }));
        assert!(!changed.redraw);
        assert!(!app.is_filtering());
    }

    #[test]
    fn search_bar_line_editing() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "moon jae");
        press(&mut app, KeyCode::Left);
        press(&mut app, KeyCode::Left);
        press(&mut app, KeyCode::Backspace);
        assert_eq!(app.query.text(), "moon ae");
        press(&mut app, KeyCode::Delete);
        assert_eq!(app.query.text(), "moon e");
        ctrl(&mut app, 'a');
        press(&mut app, KeyCode::Char('x'));
        assert_eq!(app.query.text(), "xmoon e");
        ctrl(&mut app, 'e');
        ctrl(&mut app, 'w');
        assert_eq!(app.query.text(), "xmoon ");
        ctrl(&mut app, 'w');
        assert_eq!(app.query.text(), "");
        type_text(&mut app, "한국");
        press(&mut app, KeyCode::Left);
        press(&mut app, KeyCode::Char('x'));
        assert_eq!(app.query.text(), "한x국");
        ctrl(&mut app, 'u');
        assert_eq!(app.query.text(), "국");
        app.update(Msg::Paste("clim\u{1b}[2J\nate".into()));
        assert_eq!(app.query.text(), "clim[2J ate국");
    }

    #[test]
    fn only_key_presses_count() {
        let mut app = seed_app();
        let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert!(!app.update(Msg::Key(release)).redraw);
        assert_eq!(selected_name(&app), "Japan");
    }

    #[test]
    fn quit_with_q_and_ctrl_c_from_the_search_bar() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('/'));
        assert!(!press(&mut app, KeyCode::Char('q')).has(&Effect::Quit));
        assert!(ctrl(&mut app, 'c').has(&Effect::Quit));
        let mut app = seed_app();
        assert!(press(&mut app, KeyCode::Char('q')).has(&Effect::Quit));
    }

    #[test]
    fn clicks_focus_and_select_and_the_wheel_scrolls() {
        let mut app = seed_app();
        let layout = app.layout();
        let index_pane = layout.index.expect("shown");
        // Row 1 inside the border is "All statements".
        let click = |column, row| {
            Msg::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        };
        app.update(click(index_pane.x + 2, index_pane.y + 1));
        assert_eq!(selected_name(&app), "All statements");
        let statements = layout.statements.expect("shown");
        app.update(click(statements.x + 3, statements.y + 3));
        assert_eq!(app.focus, Pane::Statements);
        assert_eq!(app.selected_statement, 2);
        app.update(Msg::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: statements.x + 3,
            row: statements.y + 3,
            modifiers: KeyModifiers::NONE,
        }));
        assert_eq!(app.selected_statement, 5);
        // A click on a heading selects nothing new.
        app.update(click(index_pane.x + 2, index_pane.y + 2));
        assert_eq!(selected_name(&app), "All statements");
    }

    #[test]
    fn leader_and_topic_indexes_list_statements_like_countries() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('2'));
        assert_eq!(app.tab, IndexTab::Leaders);
        assert_eq!(
            item_names(&app),
            vec![
                "All statements 15",
                "Moon Jae-in 9",
                "Joe Biden 1",
                "Vladimir Putin 1",
                "Xi Jinping 1"
            ]
        );
        assert_eq!(selected_name(&app), "Moon Jae-in");
        assert_eq!(app.listed.len(), 9);
        press(&mut app, KeyCode::Char('3'));
        assert_eq!(app.tab, IndexTab::Topics);
        let names = item_names(&app);
        assert!(names.contains(&"Tokyo Olympics 1".to_string()), "{names:?}");
        press(&mut app, KeyCode::Char('1'));
        assert_eq!(selected_name(&app), "Japan");
    }

    #[test]
    fn search_narrows_the_leader_index_too() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "putin");
        app.update(Msg::SearchResults(SearchHits {
            query: "putin".into(),
            ranked: vec![10],
            complete: true,
            matched: 1,
        }));
        assert_eq!(item_names(&app), vec!["All matches 1", "Vladimir Putin 1"]);
    }

    #[test]
    fn go_to_picker_jumps_to_a_leader_of_the_statement() {
        let mut app = seed_app();
        // Japan is selected; its second statement is the Olympics one, spoken by Moon.
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('f'));
        let picker = app.jump().cloned().expect("picker open");
        assert_eq!(picker.choices[0], (IndexTab::Countries, ItemKey::Entity(4)));
        let leader = picker
            .choices
            .iter()
            .position(|c| c.0 == IndexTab::Leaders)
            .expect("a leader choice");
        for _ in 0..leader {
            press(&mut app, KeyCode::Down);
        }
        press(&mut app, KeyCode::Enter);
        assert!(app.jump().is_none());
        assert_eq!(app.tab, IndexTab::Leaders);
        assert_eq!(selected_name(&app), "Moon Jae-in");
        assert_eq!(
            app.selected_statement_index(),
            Some(7),
            "the same statement stays selected"
        );
        press(&mut app, KeyCode::Char('f'));
        press(&mut app, KeyCode::Esc);
        assert!(app.jump().is_none());
    }

    #[test]
    fn export_asks_for_a_format_and_hands_the_statements_in_view_to_the_shell() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('e'));
        assert!(app.export_prompt_open());
        press(&mut app, KeyCode::Char('x'));
        assert!(
            app.export_prompt_open(),
            "other keys do not answer the prompt"
        );
        let update = press(&mut app, KeyCode::Char('c'));
        assert!(!app.export_prompt_open());
        assert_eq!(
            update.effects,
            [Effect::Export(
                crate::export::ExportFormat::Csv,
                app.listed.clone(),
                crate::subject::Subject::everything().about("Japan", "JPN")
            )],
            "the Japan statements in view, named after Japan"
        );
        press(&mut app, KeyCode::Char('e'));
        let update = press(&mut app, KeyCode::Esc);
        assert!(
            !app.export_prompt_open() && update.effects.is_empty(),
            "Esc cancels"
        );
        let update = press(&mut app, KeyCode::Char('y'));
        let selected = app.selected_statement_index().expect("a statement");
        assert_eq!(update.effects, [Effect::Copy(selected)]);
        app.update(Msg::Status("Copied".into()));
        assert_eq!(app.status.as_deref(), Some("Copied"));
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(app.status, None, "the next key clears the message");
    }

    fn search_and_answer(app: &mut App, query: &str, ranked: Vec<u32>) {
        press(app, KeyCode::Char('/'));
        type_text(app, query);
        let matched = ranked.len();
        app.update(Msg::SearchResults(SearchHits {
            query: app.query.text().to_string(),
            ranked,
            complete: true,
            matched,
        }));
    }

    #[test]
    fn enter_on_a_result_goes_to_its_country_from_any_index() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('2'));
        search_and_answer(&mut app, "olymp", vec![7]);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.tab, IndexTab::Countries);
        assert_eq!(selected_name(&app), "Japan");
        assert_eq!(app.selected_statement_index(), Some(7));
    }

    #[test]
    fn clearing_a_search_restores_the_index_and_row_held_before_it() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(selected_name(&app), "China");
        search_and_answer(&mut app, "moon", vec![1, 2, 3]);
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.tab, IndexTab::Countries);
        assert_eq!(selected_name(&app), "China");
    }

    #[test]
    fn a_search_abandoned_before_results_forgets_its_saved_selection() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "pu");
        ctrl(&mut app, 'u');
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(selected_name(&app), "United States");
        search_and_answer(&mut app, "x", vec![0]);
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Esc);
        assert_eq!(
            selected_name(&app),
            "United States",
            "not the row from the first search"
        );
    }

    #[test]
    fn the_wheel_moves_inside_an_open_picker_not_under_it() {
        let mut app = seed_app();
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Char('f'));
        let statement = app.selected_statement_index();
        let statements = app.layout().statements.expect("shown");
        app.update(Msg::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: statements.x + 2,
            row: statements.y + 2,
            modifiers: KeyModifiers::NONE,
        }));
        assert_eq!(app.selected_statement_index(), statement);
        assert_eq!(app.jump().map(|p| p.selected), Some(1));
    }

    #[test]
    fn clicks_on_the_left_title_hit_exactly_the_drawn_tab_labels() {
        for (width, height) in [(120, 40), (80, 24), (50, 20), (80, 12)] {
            let mut app = seed_app();
            app.update(Msg::Resize(width, height));
            let rect = app.layout().index.expect("index pane shown");
            let mut x = rect.x + 1;
            for (tab, label) in app.tab_title(rect.width as usize) {
                let cells = crate::text::str_width(&label) as u16;
                for column in x..x + cells {
                    let mut probe = app.clone();
                    probe.update(Msg::Mouse(MouseEvent {
                        kind: MouseEventKind::Down(MouseButton::Left),
                        column,
                        row: rect.y,
                        modifiers: KeyModifiers::NONE,
                    }));
                    let expected = tab.unwrap_or(IndexTab::Countries);
                    assert_eq!(
                        probe.tab, expected,
                        "{width}x{height} column {column} {label:?}"
                    );
                }
                x += cells;
            }
        }
    }

    #[test]
    fn a_huge_paste_is_cut_to_the_query_limit_and_messages_clear_on_any_key() {
        let mut app = seed_app();
        app.update(Msg::Paste("x".repeat(100_000)));
        assert_eq!(app.query.text().chars().count(), MAX_QUERY_CHARS);
        assert!(
            !app.update(Msg::Key(KeyEvent::new(
                KeyCode::Char('y'),
                KeyModifiers::NONE
            )))
            .redraw
        );
        press(&mut app, KeyCode::Esc);
        app.update(Msg::Status("Exported".into()));
        assert!(
            app.update(Msg::Key(KeyEvent::new(KeyCode::F(9), KeyModifiers::NONE)))
                .redraw,
            "an unbound key still clears the message and redraws"
        );
        assert_eq!(app.status, None);
    }

    #[test]
    fn help_scrolls_to_its_last_line_and_back_at_once() {
        let mut app = seed_app();
        app.update(Msg::Resize(80, 12));
        press(&mut app, KeyCode::Char('?'));
        for _ in 0..200 {
            press(&mut app, KeyCode::Char('j'));
        }
        let rows = layout::help_rows(Rect::new(0, 0, 80, 12));
        let last = app.keymap.help_lines().len() - rows;
        assert_eq!(app.help_scroll, last, "the last line is reachable");
        press(&mut app, KeyCode::Char('k'));
        assert_eq!(app.help_scroll, last - 1, "up moves at once");
    }

    #[test]
    fn an_empty_corpus_has_nothing_selected_and_does_not_panic() {
        let corpus = Corpus::default();
        let mut app = App::new(Arc::new(corpus));
        for code in [
            KeyCode::Down,
            KeyCode::Up,
            KeyCode::End,
            KeyCode::Tab,
            KeyCode::Enter,
            KeyCode::PageDown,
        ] {
            press(&mut app, code);
        }
        assert_eq!(app.selected_statement_index(), None);
        assert_eq!(item_names(&app), vec!["All statements 0"]);
    }

    #[test]
    fn every_statement_is_reachable_from_the_countries() {
        let mut app = seed_app();
        let mut seen = std::collections::BTreeSet::new();
        for item in 0..app.items.len() {
            app.select_item(item);
            seen.extend(app.listed.iter().copied());
        }
        assert_eq!(seen.len(), app.corpus.statements.len());
    }
}
