//! The detail pane: the selected statement in full.

use super::*;

pub(super) fn draw_detail(frame: &mut Frame, app: &App, rect: Rect) {
    let width = rect.width.saturating_sub(2) as usize;
    let height = rect.height.saturating_sub(2) as usize;
    let content = app
        .selected_statement_index()
        .map(|s| detail::build(&app.corpus, s as usize, &app.highlight_positions(s), width))
        .unwrap_or_default();
    let scroll = app.detail_scroll.min(content.len().saturating_sub(height));
    let title = if height > 0 && content.len() > height {
        format!(
            " Detail ({}–{} of {} lines) ",
            scroll + 1,
            (scroll + height).min(content.len()),
            content.len()
        )
    } else {
        " Detail ".to_string()
    };
    let block = pane_block(app, Pane::Detail, fit_title(&title, rect.width));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let lines: Vec<Line> = content
        .iter()
        .skip(scroll)
        .take(height)
        .map(|pieces| {
            Line::from(
                pieces
                    .iter()
                    .map(|p| {
                        let style = match p.role {
                            Role::Statement => Style::new().add_modifier(Modifier::BOLD),
                            Role::Match => app.theme.matched,
                            Role::Label => app.theme.accent,
                            Role::Value => Style::new(),
                            Role::Heading => app.theme.heading,
                            Role::Dim => app.theme.dim,
                        };
                        Span::styled(p.text.clone(), style)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    if lines.is_empty() {
        let message = truncate_to_width("Select a statement to read it here.", width).into_owned();
        frame.render_widget(Paragraph::new(Line::styled(message, app.theme.dim)), inner);
    } else {
        frame.render_widget(Paragraph::new(lines), inner);
    }
    draw_scrollbar(frame, app, rect, content.len(), scroll, height);
}
