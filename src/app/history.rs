//! The query history: earlier queries recalled with ↑ / ↓ in an empty search bar. Pure: the
//! shell reads the file into [`SearchHistory::parse`] and writes [`SearchHistory::render`]
//! when `update` asks with [`super::Effect::SaveHistory`].

use std::path::PathBuf;

/// At most this many queries are kept (the oldest are dropped).
pub const HISTORY_LIMIT: usize = 500;

/// Earlier queries, oldest first, and where the user is while recalling them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchHistory {
    /// The queries, oldest first, without duplicates.
    pub entries: Vec<String>,
    /// The file the shell keeps them in; `None` keeps them for this run only.
    pub file: Option<PathBuf>,
    /// The entry shown in the bar while recalling; `None` when not recalling.
    recalling: Option<usize>,
}

impl SearchHistory {
    /// Read a history file's text: one query per line; control characters, blank lines and
    /// lines that were not UTF-8 are dropped, duplicates keep their latest place, only the last [`HISTORY_LIMIT`] stay.
    /// Never fails: whatever cannot be read as a query is skipped.
    pub fn parse(text: &str, file: Option<PathBuf>) -> Self {
        let mut history = SearchHistory {
            file,
            ..SearchHistory::default()
        };
        // Lines that were not UTF-8 (decoded with replacement characters) are skipped.
        for line in text.lines().filter(|line| !line.contains('\u{FFFD}')) {
            let query: String = line.chars().filter(|c| !c.is_control()).collect();
            history.remember(&query);
        }
        history
    }

    /// The file's text: one query per line, oldest first.
    pub fn render(&self) -> String {
        let mut text = self.entries.join("\n");
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }

    /// Add `query` as the newest entry (moving it if already there); false when it is blank or
    /// already the newest.
    pub fn remember(&mut self, query: &str) -> bool {
        let query = query.trim();
        self.recalling = None;
        if query.is_empty() || self.entries.last().is_some_and(|last| last == query) {
            return false;
        }
        self.entries.retain(|entry| entry != query);
        self.entries.push(query.to_string());
        let excess = self.entries.len().saturating_sub(HISTORY_LIMIT);
        self.entries.drain(..excess);
        true
    }

    /// True while ↑ / ↓ walk the history.
    pub fn is_recalling(&self) -> bool {
        self.recalling.is_some()
    }

    /// Stop recalling (the user edited the query).
    pub fn stop_recalling(&mut self) {
        self.recalling = None;
    }

    /// One step older (`-1`) or newer (`1`): the entry to show, or `Some("")` when stepping
    /// newer past the newest; `None` when there is nothing to recall.
    pub fn step(&mut self, direction: isize) -> Option<&str> {
        let newest = self.entries.len().checked_sub(1)?;
        let next = match (self.recalling, direction < 0) {
            (None, true) => Some(newest),
            (None, false) => return None,
            (Some(at), true) => Some(at.saturating_sub(1)),
            (Some(at), false) if at < newest => Some(at + 1),
            (Some(_), false) => None,
        };
        self.recalling = next;
        Some(next.map_or("", |at| self.entries[at].as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_drops_blanks_control_characters_and_duplicates_and_caps() {
        let history = SearchHistory::parse("putin\n\n\u{1b}[2Jmoon\n\u{FFFD}x\nputin\n", None);
        assert_eq!(history.entries, ["[2Jmoon", "putin"]);
        let many: String = (0..HISTORY_LIMIT + 20).map(|i| format!("q{i}\n")).collect();
        let history = SearchHistory::parse(&many, None);
        assert_eq!(history.entries.len(), HISTORY_LIMIT);
        assert_eq!(history.entries[0], "q20");
        assert_eq!(SearchHistory::parse(&history.render(), None), history);
    }

    #[test]
    fn stepping_walks_older_then_back_to_an_empty_bar() {
        let mut history = SearchHistory::parse("a\nb\nc\n", None);
        assert_eq!(history.step(1), None);
        assert_eq!(history.step(-1), Some("c"));
        assert_eq!(history.step(-1), Some("b"));
        assert_eq!(history.step(-1), Some("a"));
        assert_eq!(history.step(-1), Some("a"));
        assert_eq!(history.step(1), Some("b"));
        assert_eq!(history.step(1), Some("c"));
        assert_eq!(history.step(1), Some(""));
        assert!(!history.is_recalling());
        assert_eq!(SearchHistory::default().step(-1), None);
    }
}
