//! The key table: every binding the app reacts to, with the help text the `?` overlay shows. The
//! app dispatches through this table and the overlay is generated from it, so they cannot drift.

mod action;
mod key;

pub use action::Action;
pub use key::Key;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, including the search bar.
    Global,
    /// In the panes (not while typing in the search bar).
    Panes,
    /// While the search bar has focus.
    SearchBar,
    /// While the reader is open.
    Reader,
    /// While the export prompt asks for a format.
    ExportPrompt,
}

impl Context {
    /// The contexts a global binding reaches.
    pub const SPECIFIC: [Context; 4] = [
        Context::Panes,
        Context::SearchBar,
        Context::ExportPrompt,
        Context::Reader,
    ];
}

/// One entry of the key table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys that trigger it.
    pub keys: Vec<Key>,
    /// What it does.
    pub action: Action,
    /// The help overlay's description.
    pub help: &'static str,
}

/// The key table the app dispatches through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Bindings in the order the help overlay lists them.
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// The default key table. It is data, one entry per binding in help order, and is kept in
    /// one piece on purpose even though it is the longest function outside the ingest pipelines.
    fn default() -> Self {
        use Action::*;
        use KeyCode as K;
        let b = |context, keys: &[Key], action, help| Binding {
            context,
            keys: keys.to_vec(),
            action,
            help,
        };
        let p = Key::plain;
        let c = Key::char;
        Keymap {
            bindings: vec![
                b(
                    Context::Panes,
                    &[p(K::Up), c('k')],
                    MoveUp,
                    "previous row (wraps around)",
                ),
                b(
                    Context::Panes,
                    &[p(K::Down), c('j')],
                    MoveDown,
                    "next row (wraps around)",
                ),
                b(
                    Context::Panes,
                    &[p(K::PageUp), Key::ctrl('u')],
                    HalfPageUp,
                    "up half a page",
                ),
                b(
                    Context::Panes,
                    &[p(K::PageDown), Key::ctrl('d')],
                    HalfPageDown,
                    "down half a page",
                ),
                b(Context::Panes, &[p(K::Home), c('g')], Top, "first row"),
                b(Context::Panes, &[p(K::End), c('G')], Bottom, "last row"),
                b(Context::Panes, &[p(K::Tab)], FocusNext, "next pane"),
                b(
                    Context::Panes,
                    &[p(K::BackTab)],
                    FocusPrevious,
                    "previous pane",
                ),
                b(
                    Context::Panes,
                    &[p(K::Left), c('h')],
                    FocusLeft,
                    "pane to the left",
                ),
                b(
                    Context::Panes,
                    &[p(K::Right), c('l')],
                    FocusRight,
                    "pane to the right",
                ),
                b(
                    Context::Panes,
                    &[p(K::Enter)],
                    Enter,
                    "open the selection in the next pane",
                ),
                b(
                    Context::Panes,
                    &[c('/')],
                    FocusSearch,
                    "search leaders, topics, countries, text",
                ),
                b(
                    Context::Panes,
                    &[c('1')],
                    ShowCountries,
                    "left pane: countries",
                ),
                b(Context::Panes, &[c('2')], ShowLeaders, "left pane: leaders"),
                b(Context::Panes, &[c('3')], ShowTopics, "left pane: topics"),
                b(
                    Context::Panes,
                    &[c('4')],
                    ShowSpeakers,
                    "left pane: speakers (Enter sets the lens)",
                ),
                b(
                    Context::Panes,
                    &[c('b')],
                    SetLens,
                    "lens: only statements by this speaker, on every pane",
                ),
                b(
                    Context::Panes,
                    &[c('B')],
                    ClearLens,
                    "clear the speaker lens",
                ),
                b(
                    Context::Panes,
                    &[c('t')],
                    PickYears,
                    "pick a span of years (sets after:/before:)",
                ),
                b(
                    Context::Panes,
                    &[c('s')],
                    ToggleOrder,
                    "statements newest first / in corpus order",
                ),
                b(
                    Context::Panes,
                    &[c('r')],
                    OpenReader,
                    "read the whole article (also Enter on the detail pane)",
                ),
                b(
                    Context::Panes,
                    &[c('o')],
                    OpenUrl,
                    "open the article's URL in the browser",
                ),
                b(
                    Context::Panes,
                    &[c('f')],
                    JumpTo,
                    "go to a country, leader or topic of the statement",
                ),
                b(
                    Context::Panes,
                    &[c('c')],
                    Compare,
                    "compare: press on one row, then on a second",
                ),
                b(
                    Context::Panes,
                    &[c('m')],
                    Matrix,
                    "matrix: speakers × targets (Enter opens a cell)",
                ),
                b(
                    Context::Panes,
                    &[c('e')],
                    Export,
                    "export the statements in view to a file",
                ),
                b(
                    Context::Panes,
                    &[c('y')],
                    Copy,
                    "copy the statement with its citation",
                ),
                b(Context::Panes, &[c('n')], NextResult, "next search result"),
                b(
                    Context::Panes,
                    &[c('N')],
                    PreviousResult,
                    "previous search result",
                ),
                b(Context::Panes, &[c('?')], ToggleHelp, "this help"),
                b(Context::Panes, &[c('q')], Quit, "quit"),
                b(
                    Context::Global,
                    &[p(K::Esc)],
                    Back,
                    "back: close help, leave search, clear search",
                ),
                b(
                    Context::Global,
                    &[Key::ctrl('c')],
                    ForceQuit,
                    "quit from anywhere",
                ),
                b(
                    Context::Global,
                    &[Key::ctrl('z')],
                    Suspend,
                    "suspend to the shell (fg resumes)",
                ),
                b(
                    Context::Reader,
                    &[p(K::Up), c('k')],
                    MoveUp,
                    "scroll up a line",
                ),
                b(
                    Context::Reader,
                    &[p(K::Down), c('j')],
                    MoveDown,
                    "scroll down a line",
                ),
                b(
                    Context::Reader,
                    &[p(K::PageUp), Key::ctrl('u')],
                    HalfPageUp,
                    "up half a page",
                ),
                b(
                    Context::Reader,
                    &[p(K::PageDown), Key::ctrl('d'), c(' ')],
                    HalfPageDown,
                    "down half a page",
                ),
                b(Context::Reader, &[p(K::Home), c('g')], Top, "top"),
                b(Context::Reader, &[p(K::End), c('G')], Bottom, "end"),
                b(
                    Context::Reader,
                    &[c('n')],
                    NextStatement,
                    "next statement of the article",
                ),
                b(
                    Context::Reader,
                    &[c('N')],
                    PreviousStatement,
                    "previous statement of the article",
                ),
                b(
                    Context::Reader,
                    &[c('o')],
                    OpenUrl,
                    "open the article's URL in the browser",
                ),
                b(
                    Context::Reader,
                    &[c('q'), c('r')],
                    OpenReader,
                    "close the reader (as Esc)",
                ),
                b(
                    Context::SearchBar,
                    &[p(K::Enter)],
                    Enter,
                    "go to the selected result",
                ),
                b(
                    Context::SearchBar,
                    &[p(K::Up), Key::ctrl('p')],
                    MoveUp,
                    "previous result (empty bar: earlier query)",
                ),
                b(
                    Context::SearchBar,
                    &[p(K::Down), Key::ctrl('n')],
                    MoveDown,
                    "next result (recalling: later query)",
                ),
                b(Context::SearchBar, &[p(K::Left)], CursorLeft, "cursor left"),
                b(
                    Context::SearchBar,
                    &[p(K::Right)],
                    CursorRight,
                    "cursor right",
                ),
                b(
                    Context::SearchBar,
                    &[p(K::Home), Key::ctrl('a')],
                    CursorStart,
                    "cursor to start",
                ),
                b(
                    Context::SearchBar,
                    &[p(K::End), Key::ctrl('e')],
                    CursorEnd,
                    "cursor to end",
                ),
                b(
                    Context::SearchBar,
                    &[p(K::Backspace)],
                    DeleteBackward,
                    "delete before cursor",
                ),
                b(
                    Context::SearchBar,
                    &[p(K::Delete)],
                    DeleteForward,
                    "delete under cursor",
                ),
                b(
                    Context::SearchBar,
                    &[Key::ctrl('u')],
                    DeleteToStart,
                    "delete to start",
                ),
                b(
                    Context::SearchBar,
                    &[Key::ctrl('w')],
                    DeleteWordBackward,
                    "delete word before cursor",
                ),
                b(
                    Context::ExportPrompt,
                    &[c('m')],
                    ExportMarkdown,
                    "export as Markdown",
                ),
                b(Context::ExportPrompt, &[c('c')], ExportCsv, "export as CSV"),
                b(
                    Context::ExportPrompt,
                    &[c('j')],
                    ExportJson,
                    "export as JSON",
                ),
            ],
        }
    }
}

impl Keymap {
    /// The action bound to `event` in `context` (global bindings apply everywhere).
    pub fn action_for(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .filter(|b| b.context == context || b.context == Context::Global)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    }

    /// The label of the first key bound to `action` in `context`, for footer hints.
    pub fn first_key(&self, context: Context, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.action == action && (b.context == context || b.context == Context::Global))
            .and_then(|b| b.keys.first())
            .map(Key::label)
    }

    /// The lines of the help overlay, generated from this table: (keys, description), with
    /// headings as lines without a description.
    pub fn help_lines(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (context, heading) in [
            (Context::Panes, "In the panes"),
            (Context::SearchBar, "In the search bar"),
            (Context::Reader, "In the reader"),
            (Context::Global, "Anywhere"),
        ] {
            out.push((heading.to_string(), String::new()));
            for binding in self.bindings.iter().filter(|b| b.context == context) {
                out.push((Keymap::labels(binding), binding.help.to_string()));
            }
            if context == Context::SearchBar {
                out.push((
                    "(letters)".into(),
                    "type the query; matches update live".into(),
                ));
            }
            out.push((String::new(), String::new()));
        }
        out.push(("Search syntax".into(), String::new()));
        for (example, meaning) in [
            ("xi jin", "every space-separated term must match (fuzzy)"),
            ("'summit", "exact substring"),
            ("^South", "statement text starts with it"),
            ("!trade", "exclude statements containing it"),
            ("Moon", "an upper-case letter makes a term case-sensitive"),
            ("country:JPN", "a target: code or name (country:japan)"),
            (
                "speaker:moon",
                "the speaker: person or country (speaker:KOR)",
            ),
            ("leader:putin", "a leader named in the statement"),
            ("topic:olympics", "a topic of the statement"),
            ("source:arirang", "the article's outlet"),
            ("title:biden", "a word of the article's title"),
            ("kind:quote", "quote, reported or narrative"),
            ("year:2021", "the article's year"),
            (
                "after:2021-01",
                "from a date on (YYYY, YYYY-MM or YYYY-MM-DD)",
            ),
            (
                "before:2022-06-30",
                "before a date (before:2022 ends on 2021-12-31)",
            ),
        ] {
            out.push((example.into(), meaning.into()));
        }
        out.push((String::new(), String::new()));
        out.push(("Mouse".into(), String::new()));
        out.push(("click".into(), "focus a pane and select the row".into()));
        out.push(("wheel".into(), "scroll the pane under the pointer".into()));
        out
    }

    /// All labels of the keys of a binding, joined for display: `↑ k`.
    pub fn labels(binding: &Binding) -> String {
        binding
            .keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Every action the default key table binds, once each, in table order.
pub fn bindable_actions() -> Vec<Action> {
    let mut actions: Vec<Action> = Vec::new();
    for binding in Keymap::default().bindings {
        if !actions.contains(&binding.action) {
            actions.push(binding.action);
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn help_and_readme_list_every_field_filter() {
        let help = Keymap::default().help_lines();
        let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
        for name in crate::search::filter::FILTER_NAMES {
            let written = format!("{name}:");
            assert!(
                help.iter().any(|(keys, _)| keys.starts_with(&written)),
                "help lacks {written}"
            );
            assert!(
                readme.contains(&format!("`{written}")),
                "README lacks {written}"
            );
        }
    }

    #[test]
    fn shifted_characters_match_without_naming_shift() {
        let map = Keymap::default();
        let g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(map.action_for(Context::Panes, &g), Some(Action::Bottom));
        let help = key(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(
            map.action_for(Context::Panes, &help),
            Some(Action::ToggleHelp)
        );
        let back_tab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            map.action_for(Context::Panes, &back_tab),
            Some(Action::FocusPrevious)
        );
    }

    #[test]
    fn control_keys_need_control() {
        let map = Keymap::default();
        let plain_u = key(KeyCode::Char('u'), KeyModifiers::NONE);
        assert_eq!(map.action_for(Context::Panes, &plain_u), None);
        let ctrl_u = key(KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(
            map.action_for(Context::Panes, &ctrl_u),
            Some(Action::HalfPageUp)
        );
        assert_eq!(
            map.action_for(Context::SearchBar, &ctrl_u),
            Some(Action::DeleteToStart)
        );
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            map.action_for(Context::SearchBar, &ctrl_c),
            Some(Action::ForceQuit)
        );
    }

    #[test]
    fn typing_letters_in_the_search_bar_is_not_bound() {
        let map = Keymap::default();
        for c in ['q', 'j', 'k', '/', '?', 'g'] {
            let event = key(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(map.action_for(Context::SearchBar, &event), None, "{c}");
        }
    }

    #[test]
    fn labels_are_readable() {
        assert_eq!(Key::ctrl('d').label(), "Ctrl-d");
        assert_eq!(Key::plain(KeyCode::PageDown).label(), "PgDn");
        assert_eq!(Key::char('G').label(), "G");
    }
}
