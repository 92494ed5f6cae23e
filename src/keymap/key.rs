//! One key: a code with modifiers, how it matches a terminal event, how it is shown in help,
//! and how it is written in the config file (`FromStr` and `Display`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;
use std::str::FromStr;

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

/// Named keys, as written in the config (matched without regard to case), with their codes.
const KEY_NAMES: [(&str, KeyCode); 21] = [
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgUp", KeyCode::PageUp),
    ("PageUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("PageDown", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Tab", KeyCode::Tab),
    ("Enter", KeyCode::Enter),
    ("Return", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Escape", KeyCode::Esc),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Del", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Ins", KeyCode::Insert),
    ("Space", KeyCode::Char(' ')),
];

/// Strip a modifier prefix such as `Ctrl-` (any case) when something follows it.
fn strip_modifier<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    (head.eq_ignore_ascii_case(prefix) && s.len() > prefix.len()).then(|| &s[prefix.len()..])
}

/// A key as written in the config: a single character (`j`, `G`, `?`), a name (`Up`, `PgDn`,
/// `Enter`, `Esc`, `Space`, `F5`...), optionally after `Ctrl-` and/or `Alt-`; `Shift-Tab`, and
/// `Shift-` with a letter (the same as the capital letter). The error says what is wrong.
impl FromStr for Key {
    type Err = String;

    fn from_str(text: &str) -> Result<Key, String> {
        parse(text)
    }
}

/// The parser behind [`Key::from_str`]: modifiers, then the key, then what Shift- and Ctrl-
/// make of it.
fn parse(text: &str) -> Result<Key, String> {
    let (rest, modifiers, shift) = strip_modifiers(text);
    let invalid = |why: &str| format!("invalid key \"{text}\": {why}");
    let code = key_code(rest).map_err(invalid)?;
    let code = if shift {
        if modifiers.contains(KeyModifiers::CONTROL) {
            return Err(invalid(
                "Ctrl- and Shift- together cannot be told apart from Ctrl- alone",
            ));
        }
        shifted(code).map_err(invalid)?
    } else {
        code
    };
    let code = match code {
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        other => other,
    };
    Ok(Key { code, modifiers })
}

/// The `Ctrl-`, `Alt-` and `Shift-` prefixes of `text`: the rest, the modifiers, and whether
/// Shift- was written.
fn strip_modifiers(text: &str) -> (&str, KeyModifiers, bool) {
    let mut rest = text;
    let mut modifiers = KeyModifiers::NONE;
    let mut shift = false;
    loop {
        if let Some(r) = strip_modifier(rest, "Ctrl-") {
            modifiers |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = strip_modifier(rest, "Alt-") {
            modifiers |= KeyModifiers::ALT;
            rest = r;
        } else if let Some(r) = strip_modifier(rest, "Shift-") {
            shift = true;
            rest = r;
        } else {
            break;
        }
    }
    (rest, modifiers, shift)
}

/// The key `rest` names: a single character, F1 to F24 or a key name; `Err` says why not.
fn key_code(rest: &str) -> Result<KeyCode, &'static str> {
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (None, _) => return Err("empty"),
        (Some(c), None) => {
            if crate::text::is_unsafe_char(c) || (c.is_whitespace() && c != ' ') {
                return Err("not a key a terminal can send; use a key name");
            }
            KeyCode::Char(c)
        }
        _ => {
            let function = rest
                .strip_prefix(['F', 'f'])
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|n| n.parse::<u8>().ok());
            match function {
                Some(n) if (1..=24).contains(&n) => KeyCode::F(n),
                Some(_) => return Err("function keys are F1 to F24"),
                None => KEY_NAMES
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(rest))
                    .map(|&(_, code)| code)
                    .ok_or(
                        "expected a single character, a key name (Up, Down, Left, Right, \
                             PgUp, PgDn, Home, End, Tab, Enter, Esc, Backspace, Delete, Insert, \
                             Space, F1-F24), with Ctrl-, Alt- or Shift- before it",
                    )?,
            }
        }
    };
    Ok(code)
}

/// What Shift- makes of `code`: Tab becomes Shift-Tab, a letter its capital; `Err` says why
/// nothing else can be shifted.
fn shifted(code: KeyCode) -> Result<KeyCode, &'static str> {
    match code {
        KeyCode::Tab => Ok(KeyCode::BackTab),
        KeyCode::Char(c) if c.is_alphabetic() => {
            let mut upper = c.to_uppercase();
            match (upper.next(), upper.next()) {
                (Some(u), None) => Ok(KeyCode::Char(u)),
                _ => Err("this letter has no single capital"),
            }
        }
        KeyCode::Char(_) => Err(
            "Shift- goes with a letter or Tab; write the shifted character itself (\"?\", \"G\")",
        ),
        _ => {
            Err("Shift- goes with a letter or Tab only (the terminal does not report it otherwise)")
        }
    }
}

/// A key written the way the config reads it back: `Ctrl-d`, `PgDn`, `Shift-Tab`, `Space` (the
/// help overlay uses [`Key::label`] instead).
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&written(self))
    }
}

/// The text behind [`Key`]'s `Display`.
fn written(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::F(n) => format!("F{n}"),
        code => KEY_NAMES
            .iter()
            .find(|(_, known)| *known == code)
            .map_or_else(|| format!("{code:?}"), |(name, _)| (*name).to_string()),
    };
    let mut out = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl-");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        out.push_str("Alt-");
    }
    out.push_str(&name);
    out
}
