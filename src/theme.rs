//! Colours and emphasis. The default theme uses the terminal's 16 colours; with `NO_COLOR` set
//! (no-color.org) the monochrome theme keeps selection and matches visible with reverse video,
//! bold and underline only.

use crate::model::StatementKind;
use ratatui::style::{Color, Modifier, Style};

/// Every style the UI draws with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Focused borders, labels, key names.
    pub accent: Style,
    /// Secondary text: hints, context sentences, unfocused tabs.
    pub dim: Style,
    /// Group and section headings.
    pub heading: Style,
    /// Matched characters of the search query.
    pub matched: Style,
    /// The selected row of the focused pane.
    pub selected_focused: Style,
    /// The selected row of an unfocused pane.
    pub selected_unfocused: Style,
    /// Marker of quote statements.
    pub quote: Style,
    /// Marker of reported statements.
    pub reported: Style,
    /// Marker of narrative statements.
    pub narrative: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            accent: Style::new().fg(Color::Cyan),
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            matched: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            selected_focused: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            quote: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            reported: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            narrative: Style::new().fg(Color::Magenta),
        }
    }
}

impl Theme {
    /// No colour at all: emphasis by modifiers only.
    pub fn monochrome() -> Self {
        Theme {
            accent: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().add_modifier(Modifier::BOLD),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected_focused: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            quote: Style::new().add_modifier(Modifier::BOLD),
            reported: Style::new().add_modifier(Modifier::BOLD),
            narrative: Style::new(),
        }
    }

    /// The selection style for a focused or unfocused pane.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            self.selected_focused
        } else {
            self.selected_unfocused
        }
    }

    /// The one-letter marker of a statement kind and its style.
    pub fn kind(&self, kind: StatementKind) -> (&'static str, Style) {
        match kind {
            StatementKind::Quote => ("Q", self.quote),
            StatementKind::Reported => ("R", self.reported),
            StatementKind::Narrative => ("N", self.narrative),
        }
    }
}
