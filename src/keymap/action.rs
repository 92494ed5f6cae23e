//! What the user can ask for with a key, and the name each action has in the config file.

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
    /// Left pane: the Speakers index.
    ShowSpeakers,
    /// Set the speaker lens: the selected speaker, else the statement's speaker.
    SetLens,
    /// Clear the speaker lens.
    ClearLens,
    /// Pick a span of years (all, a decade, a year).
    PickYears,
    /// Statement rows newest first or in corpus order.
    ToggleOrder,
    /// Open the selected statement's article in the reader (or close the reader).
    OpenReader,
    /// Open the article's URL with the system opener.
    OpenUrl,
    /// Reader: the next statement of the article.
    NextStatement,
    /// Reader: the previous statement of the article.
    PreviousStatement,
    /// Open the "go to" picker: a target, leader or topic of the selected statement.
    JumpTo,
    /// Compare two rows side by side: the first press marks the left side, the second picks
    /// the right one.
    Compare,
    /// Open the matrix of speakers × targets.
    Matrix,
    /// Export the statements in view to a file (asks for the format).
    Export,
    /// Copy the selected statement with its citation to the clipboard (OSC 52).
    Copy,
    /// Export prompt: write Markdown.
    ExportMarkdown,
    /// Export prompt: write CSV.
    ExportCsv,
    /// Export prompt: write JSON.
    ExportJson,
    /// Quit.
    Quit,
    /// Quit from anywhere, even while typing.
    ForceQuit,
    /// Suspend to the shell (resume with `fg`).
    Suspend,
    /// From the panes: go to the next result of the search.
    NextResult,
    /// From the panes: go to the previous result of the search.
    PreviousResult,
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

impl Action {
    /// Every action with its config file name (the snake_case of its variant), in one table.
    pub const NAMES: [(Action, &'static str); 47] = [
        (Action::MoveUp, "move_up"),
        (Action::MoveDown, "move_down"),
        (Action::HalfPageUp, "half_page_up"),
        (Action::HalfPageDown, "half_page_down"),
        (Action::Top, "top"),
        (Action::Bottom, "bottom"),
        (Action::FocusNext, "focus_next"),
        (Action::FocusPrevious, "focus_previous"),
        (Action::FocusLeft, "focus_left"),
        (Action::FocusRight, "focus_right"),
        (Action::Enter, "enter"),
        (Action::FocusSearch, "focus_search"),
        (Action::Back, "back"),
        (Action::ToggleHelp, "toggle_help"),
        (Action::ShowCountries, "show_countries"),
        (Action::ShowLeaders, "show_leaders"),
        (Action::ShowTopics, "show_topics"),
        (Action::ShowSpeakers, "show_speakers"),
        (Action::SetLens, "set_lens"),
        (Action::ClearLens, "clear_lens"),
        (Action::PickYears, "pick_years"),
        (Action::ToggleOrder, "toggle_order"),
        (Action::OpenReader, "open_reader"),
        (Action::OpenUrl, "open_url"),
        (Action::NextStatement, "next_statement"),
        (Action::PreviousStatement, "previous_statement"),
        (Action::JumpTo, "jump_to"),
        (Action::Compare, "compare"),
        (Action::Matrix, "matrix"),
        (Action::Export, "export"),
        (Action::Copy, "copy"),
        (Action::ExportMarkdown, "export_markdown"),
        (Action::ExportCsv, "export_csv"),
        (Action::ExportJson, "export_json"),
        (Action::Quit, "quit"),
        (Action::ForceQuit, "force_quit"),
        (Action::Suspend, "suspend"),
        (Action::NextResult, "next_result"),
        (Action::PreviousResult, "previous_result"),
        (Action::CursorLeft, "cursor_left"),
        (Action::CursorRight, "cursor_right"),
        (Action::CursorStart, "cursor_start"),
        (Action::CursorEnd, "cursor_end"),
        (Action::DeleteBackward, "delete_backward"),
        (Action::DeleteForward, "delete_forward"),
        (Action::DeleteToStart, "delete_to_start"),
        (Action::DeleteWordBackward, "delete_word_backward"),
    ];

    /// The config file's name for this action.
    pub fn name(self) -> &'static str {
        Action::NAMES
            .iter()
            .find(|(action, _)| *action == self)
            .map_or("", |(_, name)| name)
    }

    /// The action the config file calls `name`.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::NAMES
            .iter()
            .find(|(_, known)| *known == name)
            .map(|(action, _)| *action)
    }
}
