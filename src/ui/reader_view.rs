//! The reader: one article whole over the panes, statements marked by kind in the gutter and
//! by style, the note of speaker and targets under each, search hits and the current statement
//! marked, the footer line saying which keys move.

use super::*;
use crate::reader::{GUTTER, ReaderRole};

pub(super) fn draw_reader(frame: &mut Frame, app: &App, area: Rect) {
    let Some(reader) = app.reader() else {
        return;
    };
    let rect = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    frame.render_widget(Clear, area);
    let view = &reader.view;
    let article = &app.corpus.articles[reader.article];
    let statements = view.statement_lines.len();
    let position = reader
        .current
        .and_then(|s| view.statement_lines.iter().position(|&(o, _)| o == s))
        .map_or(String::new(), |i| format!("{}/{statements} · ", i + 1));
    let title = format!(" Reader · {} ", sanitize(&article.title));
    let status = format!(" {position}{statements} statements ");
    let block = view_block(app, &title, rect.width)
        .title_bottom(Line::styled(fit_title(&status, rect.width), app.theme.dim).right_aligned());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = inner.width as usize;
    let lines: Vec<Line> = view
        .lines
        .iter()
        .skip(reader.scroll)
        .take(inner.height as usize)
        .map(|line| {
            let mut spans = Vec::new();
            match line.starts {
                Some(kind) => {
                    let (marker, style) = app.theme.kind(kind);
                    spans.push(Span::styled(format!("{marker:<GUTTER$}"), style));
                }
                None => spans.push(Span::raw(" ".repeat(GUTTER))),
            }
            let mut used = GUTTER;
            for span in &line.spans {
                let room = width.saturating_sub(used);
                if room == 0 {
                    break;
                }
                let text = truncate_to_width(&span.text, room).into_owned();
                used += str_width(&text);
                let current = span.statement.is_some() && span.statement == reader.current;
                spans.push(Span::styled(text, role_style(app, span.role, current)));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    draw_scrollbar(
        frame,
        app,
        rect,
        view.lines.len(),
        reader.scroll,
        inner.height as usize,
    );
    let footer = Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1);
    draw_reader_footer(frame, app, footer);
}

fn role_style(app: &App, role: ReaderRole, current: bool) -> Style {
    let style = match role {
        ReaderRole::Title => app.theme.heading.add_modifier(Modifier::BOLD),
        ReaderRole::Meta | ReaderRole::Note => app.theme.dim,
        ReaderRole::Body => Style::new(),
        ReaderRole::Statement(kind) => app.theme.kind(kind).1,
        ReaderRole::Hit => app.theme.matched,
    };
    if current && role != ReaderRole::Note {
        style.patch(app.theme.selected(true))
    } else {
        style
    }
}

fn draw_reader_footer(frame: &mut Frame, app: &App, rect: Rect) {
    use crate::keymap::Action;
    let key = |action| {
        app.keymap
            .first_key(Context::Reader, action)
            .unwrap_or_default()
    };
    let text = match &app.status {
        Some(status) => sanitize(status).into_owned(),
        None => format!(
            " {}/{} statements · {} scroll · {} open URL · {} back",
            key(Action::NextStatement),
            key(Action::PreviousStatement),
            key(Action::MoveDown),
            key(Action::OpenUrl),
            key(Action::Back),
        ),
    };
    let text = truncate_to_width(&text, rect.width as usize).into_owned();
    frame.render_widget(Paragraph::new(Line::styled(text, app.theme.dim)), rect);
}

pub(super) fn draw_span_picker(frame: &mut Frame, app: &App, area: Rect) {
    let Some(picker) = app.span_picker() else {
        return;
    };
    let title = " Years · Enter picks ";
    let (len, selected) = (picker.choices.len(), picker.selected);
    super::overlays::draw_picker(frame, app, area, 34, title, len, selected, |i| {
        let choice = picker.choices[i];
        let mark = if app.is_current_span(choice) {
            "● "
        } else {
            "  "
        };
        format!("{mark}{}", crate::app::SpanPicker::label(choice))
    });
}
