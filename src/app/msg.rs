//! What comes into `update` ([`Msg`]) and what it asks the shell to do ([`Effect`]).

use crate::export::ExportFormat;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};

/// Everything that can happen to the browser.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// The mouse was clicked, scrolled or moved.
    Mouse(MouseEvent),
    /// Text was pasted (bracketed paste).
    Paste(String),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// The search worker finished (or progressed on) a query.
    SearchResults(SearchHits),
    /// A message for the footer from the shell (an export written, a copy made, an error).
    Status(String),
}

/// Ranked results of one query, as the search worker delivers them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchHits {
    /// The query these results answer.
    pub query: String,
    /// Matching statement indices, best first (ties in corpus order).
    pub ranked: Vec<u32>,
    /// False while the worker is still scoring (partial results).
    pub complete: bool,
    /// How many statements match in all (known before `ranked` is complete).
    pub matched: usize,
}

impl SearchHits {
    /// Results of a worker pass, as the app keeps them.
    pub fn from_outcome(outcome: &crate::search::SearchOutcome) -> Self {
        SearchHits {
            query: outcome.query.clone(),
            ranked: outcome.hits.iter().map(|hit| hit.statement).collect(),
            complete: outcome.complete,
            matched: outcome.matched,
        }
    }
}

/// Something `update` wants done that needs I/O or a thread; the shell (`tui`) carries it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Run this search (it replaces a search asked for earlier and not yet started).
    Search(String),
    /// Forget a search asked for and not yet started: the query was cleared.
    CancelSearch,
    /// Write these statements in this format to a new file named (and headed) after what
    /// they are.
    Export(ExportFormat, Vec<u32>, crate::subject::Subject),
    /// Copy this statement with its citation to the clipboard.
    Copy(u32),
    /// Open this URL with the system opener (one argument, never through a shell).
    OpenUrl(String),
    /// Write the query history (`contents`) to `file`, whole or not at all.
    SaveHistory {
        /// The history file.
        file: std::path::PathBuf,
        /// Its new text.
        contents: String,
    },
    /// Suspend to the shell.
    Suspend,
    /// Quit.
    Quit,
}

/// The outcome of one `update`: whether the screen needs redrawing, and the effects to carry
/// out, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Update {
    /// True when the screen needs redrawing.
    pub redraw: bool,
    /// What to do, in the order asked.
    pub effects: Vec<Effect>,
}

impl Update {
    /// True when `effect` is among the effects.
    pub fn has(&self, effect: &Effect) -> bool {
        self.effects.contains(effect)
    }
}
