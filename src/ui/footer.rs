//! The footer: key hints, the export prompt, status messages.

use super::*;

pub(super) fn hint(
    keymap: &Keymap,
    context: Context,
    action: Action,
    what: &str,
) -> Option<String> {
    keymap
        .first_key(context, action)
        .map(|k| format!("{k} {what}"))
}

/// A hint for several actions at once, from the first key of each: `↑↓ move` when every key
/// is one character, `1-3 index` for a run of consecutive characters, `PgUp/PgDn scroll`
/// otherwise. `None` when an action has no key.
pub(super) fn keys_hint(
    keymap: &Keymap,
    context: Context,
    actions: &[Action],
    what: &str,
) -> Option<String> {
    let keys: Vec<String> = actions
        .iter()
        .map(|&action| keymap.first_key(context, action))
        .collect::<Option<_>>()?;
    let chars: Vec<char> = keys
        .iter()
        .filter_map(|k| {
            let mut chars = k.chars();
            chars.next().filter(|_| chars.next().is_none())
        })
        .collect();
    let consecutive = chars.len() > 2
        && chars
            .windows(2)
            .all(|w| (w[0] as u32).checked_add(1) == Some(w[1] as u32));
    let joined = match (chars.len() == keys.len(), consecutive) {
        (true, true) => format!("{}-{}", chars[0], chars[chars.len() - 1]),
        (true, false) => keys.concat(),
        (false, _) => keys.join("/"),
    };
    Some(format!("{joined} {what}"))
}

/// The hints while an overlay is open, `None` when none is.
fn overlay_hints(app: &App, context: Context) -> Option<Vec<Option<String>>> {
    let keymap = &app.keymap;
    let up_down = [Action::MoveUp, Action::MoveDown];
    if app.jump().is_some() || app.span_picker().is_some() {
        Some(vec![
            keys_hint(keymap, context, &up_down, "choose"),
            hint(keymap, context, Action::Enter, "go"),
            hint(keymap, context, Action::Back, "close"),
        ])
    } else if app.help_open() {
        let closing = [Action::Back, Action::ToggleHelp, Action::Quit];
        Some(vec![
            keys_hint(keymap, context, &closing, "close help"),
            keys_hint(keymap, context, &up_down, "scroll"),
        ])
    } else {
        None
    }
}

/// The one-line message that replaces the hints: the export prompt, or a status.
fn footer_message(app: &App) -> Option<String> {
    if app.export_prompt_open() {
        let keymap = &app.keymap;
        let formats: Vec<String> = [
            (Action::ExportMarkdown, "Markdown"),
            (Action::ExportCsv, "CSV"),
            (Action::ExportJson, "JSON"),
        ]
        .into_iter()
        .filter_map(|(action, name)| hint(keymap, Context::ExportPrompt, action, name))
        .collect();
        let cancel = keymap
            .first_key(Context::ExportPrompt, Action::Back)
            .map(|key| format!("   ({key} cancels)"))
            .unwrap_or_default();
        Some(format!(
            " Export {} as:  {}{cancel}",
            crate::text::plural(app.listed.len(), "statement", "statements"),
            formats.join("   ")
        ))
    } else if let Some(error) = app.query_error.as_ref().filter(|_| app.search_focused) {
        Some(format!(" ⚠ {}", sanitize(error)))
    } else if let Some(status) = &app.status {
        Some(format!(" {}", sanitize(status)))
    } else {
        app.compare_left.map(|left| compare_prompt(app, left))
    }
}

/// While the right side of a comparison is picked: what the left side is and how to go on.
fn compare_prompt(app: &App, left: crate::app::CompareSide) -> String {
    let keymap = &app.keymap;
    let key = |action| keymap.first_key(Context::Panes, action).unwrap_or_default();
    format!(
        " compare: {} on a second row · {} cancels · left: {}",
        key(Action::Compare),
        key(Action::Back),
        sanitize(&app.side_label(left)),
    )
}

/// The key hints for where the keyboard is, from the keymap.
fn footer_hints(app: &App) -> Vec<String> {
    let keymap = &app.keymap;
    let up_down = [Action::MoveUp, Action::MoveDown];
    if let Some(hints) = overlay_hints(app, app.key_context()) {
        hints.into_iter().flatten().collect()
    } else if app.search_focused {
        [
            Some("type to filter".to_string()),
            keys_hint(keymap, Context::SearchBar, &up_down, "results"),
            hint(keymap, Context::SearchBar, Action::Enter, "go to result"),
            hint(keymap, Context::SearchBar, Action::Back, "leave bar"),
            hint(keymap, Context::SearchBar, Action::ForceQuit, "quit"),
        ]
        .into_iter()
        .flatten()
        .collect()
    } else {
        let c = Context::Panes;
        let mut hints = vec![keys_hint(keymap, c, &up_down, "move")];
        match app.focus {
            Pane::Index | Pane::Statements => hints.push(hint(keymap, c, Action::Enter, "open")),
            Pane::Detail => {
                let paging = [Action::HalfPageUp, Action::HalfPageDown];
                hints.push(keys_hint(keymap, c, &paging, "scroll"));
                hints.push(hint(keymap, c, Action::OpenReader, "read"));
            }
        }
        if app.lens.is_some() {
            hints.push(hint(keymap, c, Action::ClearLens, "clear lens"));
        }
        hints.push(hint(keymap, c, Action::FocusSearch, "search"));
        if app.is_filtering() {
            let stepping = [Action::NextResult, Action::PreviousResult];
            hints.push(keys_hint(keymap, c, &stepping, "next/previous result"));
            hints.push(hint(keymap, c, Action::Back, "clear search"));
        }
        hints.push(hint(keymap, c, Action::ToggleHelp, "help"));
        hints.push(hint(keymap, c, Action::Quit, "quit"));
        hints.push(hint(keymap, c, Action::FocusNext, "panes"));
        if app.focus == Pane::Index {
            let indexes = [
                Action::ShowCountries,
                Action::ShowLeaders,
                Action::ShowTopics,
                Action::ShowSpeakers,
            ];
            hints.push(keys_hint(keymap, c, &indexes, "index"));
        } else {
            hints.push(hint(keymap, c, Action::JumpTo, "go to"));
        }
        hints.into_iter().flatten().collect()
    }
}

/// The footer line: the message when there is one, else as many hints as fit.
pub(super) fn draw_footer(frame: &mut Frame, app: &App, rect: Rect) {
    let message = footer_message(app);
    if let Some(message) = message {
        let shown = truncate_to_width(&message, rect.width as usize).into_owned();
        frame.render_widget(
            Paragraph::new(Line::styled(
                shown,
                app.theme.accent.add_modifier(Modifier::BOLD),
            )),
            rect,
        );
        return;
    }
    let hints = footer_hints(app);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (i, h) in hints.iter().enumerate() {
        let sep = if i == 0 { "" } else { "  " };
        let w = str_width(h) + sep.len();
        if used + w > rect.width as usize {
            break;
        }
        used += w;
        spans.push(Span::raw(sep));
        let (key, rest) = h.split_once(' ').unwrap_or((h, ""));
        spans.push(Span::styled(
            key.to_string(),
            app.theme.accent.add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::styled(format!(" {rest}"), app.theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), rect);
}
