//! The key table: every binding the app reacts to, with the help text the `?` overlay shows. The
//! app dispatches through this table and the overlay is generated from it, so they cannot drift.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Something the user can ask for with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Select the previous row (wraps to the last).
    MoveUp,
    /// Select the next row (wraps to the first).
    MoveDown,
    /// Up by half a page (stops at the first row).
    HalfPageUp,
    /// Down by half a page (stops at the last row).
    HalfPageDown,
    /// To the first row.
    Top,
    /// To the last row.
    Bottom,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrevious,
    /// Focus the pane to the left.
    FocusLeft,
    /// Focus the pane to the right.
    FocusRight,
    /// Open the selection in the next pane; in the search bar, go to the selected result.
    Enter,
    /// Focus the search bar.
    FocusSearch,
    /// One step back: close the overlay, leave the search bar, or clear the search.
    Back,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Left pane: the Countries index.
    ShowCountries,
    /// Left pane: the Leaders index.
    ShowLeaders,
    /// Left pane: the Topics index.
    ShowTopics,
    /// Open the "go to" picker: a target, leader or topic of the selected statement.
    JumpTo,
    /// Export the statements in view to a file (asks for the format).
    Export,
    /// Copy the selected statement with its citation to the clipboard (OSC 52).
    Copy,
    /// Quit.
    Quit,
    /// Quit from anywhere, even while typing.
    ForceQuit,
    /// Suspend to the shell (resume with `fg`).
    Suspend,
    /// Search bar: cursor one character left.
    CursorLeft,
    /// Search bar: cursor one character right.
    CursorRight,
    /// Search bar: cursor to the start.
    CursorStart,
    /// Search bar: cursor to the end.
    CursorEnd,
    /// Search bar: delete the character before the cursor.
    DeleteBackward,
    /// Search bar: delete the character under the cursor.
    DeleteForward,
    /// Search bar: delete everything before the cursor.
    DeleteToStart,
    /// Search bar: delete the word before the cursor.
    DeleteWordBackward,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, including the search bar.
    Global,
    /// In the panes (not while typing in the search bar).
    Panes,
    /// While the search bar has focus.
    SearchBar,
}

/// One key: a code and the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Ctrl/Alt that must be held (Shift is part of the character and ignored).
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A key with no modifier.
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A key with Ctrl held.
    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// A character key with no modifier.
    pub const fn char(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }

    /// True when the event is this key. Shift is ignored (it is already in the character).
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let code_matches = match (self.code, event.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                if self.modifiers.contains(KeyModifiers::CONTROL) {
                    a.eq_ignore_ascii_case(&b)
                } else {
                    a == b
                }
            }
            (a, b) => a == b,
        };
        code_matches && (event.modifiers & relevant) == (self.modifiers & relevant)
    }

    /// How the key is written in the help overlay and the footer.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Delete => "Delete".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{name}")
        } else {
            name
        }
    }
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
                    &[c('f')],
                    JumpTo,
                    "go to a country, leader or topic of the statement",
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
                    Context::SearchBar,
                    &[p(K::Enter)],
                    Enter,
                    "go to the selected result",
                ),
                b(
                    Context::SearchBar,
                    &[p(K::Up), Key::ctrl('p')],
                    MoveUp,
                    "previous result",
                ),
                b(
                    Context::SearchBar,
                    &[p(K::Down), Key::ctrl('n')],
                    MoveDown,
                    "next result",
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

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
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
