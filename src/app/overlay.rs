//! What can be open over the panes. One value at a time, so the modes cannot overlap: a key
//! or a click while an overlay is open goes to it.

use super::compare::Compare;
use super::lens::SpanPicker;
use super::matrix::Matrix;
use super::reader::Reader;
use super::{App, IndexTab, ItemKey};

/// What is open over the panes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing: keys go to the panes or the search bar.
    #[default]
    None,
    /// The help overlay (its scroll is `App::help_scroll`).
    Help,
    /// The "go to" picker.
    Jump(JumpPicker),
    /// The export prompt, asking for a format.
    ExportPrompt,
    /// The year-span picker.
    Span(SpanPicker),
    /// The reader, showing one article whole.
    Reader(Reader),
    /// Two selections side by side.
    Compare(Compare),
    /// The matrix of speakers × targets.
    Matrix(Matrix),
}

/// The "go to" picker over the selected statement's targets, leaders and topics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumpPicker {
    /// Where each choice leads.
    pub choices: Vec<(IndexTab, ItemKey)>,
    /// The highlighted choice.
    pub selected: usize,
}

impl App {
    /// True while the help overlay is open.
    pub fn help_open(&self) -> bool {
        self.overlay == Overlay::Help
    }

    /// The "go to" picker, while it is open.
    pub fn jump(&self) -> Option<&JumpPicker> {
        match &self.overlay {
            Overlay::Jump(picker) => Some(picker),
            _ => None,
        }
    }

    /// The year-span picker, while it is open.
    pub fn span_picker(&self) -> Option<&SpanPicker> {
        match &self.overlay {
            Overlay::Span(picker) => Some(picker),
            _ => None,
        }
    }

    /// True while the export prompt asks for a format.
    pub fn export_prompt_open(&self) -> bool {
        self.overlay == Overlay::ExportPrompt
    }
}
