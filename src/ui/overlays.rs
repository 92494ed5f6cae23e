//! The overlays drawn over the panes: the help, the "go to" picker.

use super::*;

pub(super) fn draw_jump(frame: &mut Frame, app: &App, area: Rect) {
    let Some(picker) = app.jump() else {
        return;
    };
    let title = " Go to · Enter jumps · Esc closes ";
    draw_picker(
        frame,
        app,
        area,
        60,
        title,
        picker.choices.len(),
        picker.selected,
        |i| {
            let (tab, key) = picker.choices[i];
            let kind = match tab {
                crate::app::IndexTab::Countries => "country",
                crate::app::IndexTab::Leaders => "leader",
                crate::app::IndexTab::Topics => "topic",
                crate::app::IndexTab::Speakers => "speaker",
            };
            format!("{kind:<8}{}", sanitize(&app.key_name(key)))
        },
    );
}

/// A picker overlay: `len` rows labelled by `label`, scrolled so that row `selected` is in
/// view and drawn selected, in a box of at most `max_width` columns under `title`.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_picker(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    max_width: u16,
    title: &str,
    len: usize,
    selected: usize,
    label: impl Fn(usize) -> String,
) {
    let height = u16::try_from(len).unwrap_or(u16::MAX).saturating_add(2);
    let Some(inner) = draw_overlay(frame, app, area, max_width, height, title) else {
        return;
    };
    let visible = inner.height as usize;
    let offset = selected.saturating_sub(visible.saturating_sub(1));
    let lines: Vec<Line> = (offset..len.min(offset + visible))
        .map(|i| {
            let text = truncate_to_width(&label(i), inner.width as usize).into_owned();
            let style = if i == selected {
                app.theme.selected(true)
            } else {
                Style::new()
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Clear a centred box of at most `max_width` columns and `height` rows (both kept inside the
/// screen), draw its rounded border and title, and return the area inside; `None` when the
/// screen is too small for one.
pub(super) fn draw_overlay(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    max_width: u16,
    height: u16,
    title: &str,
) -> Option<Rect> {
    let rect = crate::layout::overlay(area, max_width, height)?;
    let width = rect.width;
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(app.theme.accent)
        .title(Span::styled(
            fit_title(title, width),
            app.theme.accent.add_modifier(Modifier::BOLD),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    Some(inner)
}

pub(super) fn draw_help(frame: &mut Frame, app: &App, area: Rect) {
    let Some(inner) = draw_overlay(
        frame,
        app,
        area,
        crate::layout::HELP_WIDTH,
        area.height,
        " Help · Esc to close ",
    ) else {
        return;
    };
    let rect = Rect::new(inner.x - 1, inner.y - 1, inner.width + 2, inner.height + 2);
    let entries = app.keymap.help_lines();
    let key_width = 20.min(inner.width as usize / 2);
    let scroll = app
        .help_scroll
        .min(entries.len().saturating_sub(inner.height as usize));
    let lines: Vec<Line> = entries
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .map(|(keys, what)| {
            if what.is_empty() {
                Line::styled(
                    truncate_to_width(keys, inner.width as usize).into_owned(),
                    app.theme.heading,
                )
            } else {
                let keys = truncate_to_width(keys, key_width).into_owned();
                let pad = key_width.saturating_sub(str_width(&keys));
                let rest =
                    truncate_to_width(what, (inner.width as usize).saturating_sub(key_width + 1))
                        .into_owned();
                Line::from(vec![
                    Span::styled(
                        format!("{keys}{} ", " ".repeat(pad)),
                        app.theme.accent.add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(rest),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    draw_scrollbar(
        frame,
        app,
        rect,
        entries.len(),
        scroll,
        inner.height as usize,
    );
}
