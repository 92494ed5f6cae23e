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

pub(super) fn draw_footer(frame: &mut Frame, app: &App, rect: Rect) {
    let keymap = &app.keymap;
    let message = if app.export_prompt_open() {
        Some(format!(
            " Export {} statement{} as:  m Markdown   c CSV   j JSON   (Esc cancels)",
            app.listed.len(),
            if app.listed.len() == 1 { "" } else { "s" }
        ))
    } else {
        app.status
            .as_ref()
            .map(|status| format!(" {}", sanitize(status)))
    };
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
    let hints: Vec<String> = if app.jump().is_some() {
        vec!["↑↓ choose".into(), "Enter go".into(), "Esc close".into()]
    } else if app.help_open() {
        vec!["Esc/?/q close help".into(), "↑↓ scroll".into()]
    } else if app.search_focused {
        [
            Some("type to filter".to_string()),
            Some("↑↓ results".to_string()),
            hint(keymap, Context::SearchBar, Action::Enter, "go to result"),
            hint(keymap, Context::SearchBar, Action::Back, "leave bar"),
            hint(keymap, Context::SearchBar, Action::ForceQuit, "quit"),
        ]
        .into_iter()
        .flatten()
        .collect()
    } else {
        let c = Context::Panes;
        let mut hints = vec![Some("↑↓ move".to_string())];
        match app.focus {
            Pane::Index | Pane::Statements => hints.push(hint(keymap, c, Action::Enter, "open")),
            Pane::Detail => hints.push(Some("PgUp/PgDn scroll".into())),
        }
        hints.push(hint(keymap, c, Action::FocusSearch, "search"));
        if app.is_filtering() {
            hints.push(hint(keymap, c, Action::Back, "clear search"));
        }
        hints.push(hint(keymap, c, Action::ToggleHelp, "help"));
        hints.push(hint(keymap, c, Action::Quit, "quit"));
        hints.push(Some("Tab panes".into()));
        if app.focus == Pane::Index {
            hints.push(Some("1-3 index".into()));
        } else {
            hints.push(hint(keymap, c, Action::JumpTo, "go to"));
        }
        hints.into_iter().flatten().collect()
    };
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
