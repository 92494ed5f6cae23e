//! Drawing: pure functions from the app state to a ratatui frame. Nothing here changes state.

mod chrome;
mod compare;
mod detail_pane;
mod footer;
mod index_pane;
mod matrix;
mod overlays;
mod reader_view;
mod search_bar;
mod statements_pane;

use crate::app::{App, IndexRow, ItemKey};
use crate::detail::{self, Role};
use crate::keymap::{Action, Context, Keymap};
use crate::layout::{Arrangement, MIN_HEIGHT, MIN_WIDTH, Pane};
use crate::text::{char_width, sanitize, str_width, truncate_to_width};
use chrome::*;
use compare::*;
use detail_pane::*;
use footer::*;
use index_pane::*;
use matrix::*;
use overlays::*;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use reader_view::*;
use search_bar::*;
use statements_pane::*;

/// Draw the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let layout = crate::layout::compute(area, app.shown_pane());
    if layout.arrangement == Arrangement::TooSmall {
        draw_too_small(frame, area);
        return;
    }
    draw_title(frame, app, layout.title);
    if let Some(tabs) = layout.tabs {
        draw_tabs(frame, app, tabs);
    }
    if let Some(rect) = layout.index {
        draw_index_pane(frame, app, rect);
    }
    if let Some(rect) = layout.statements {
        draw_statements(frame, app, rect);
    }
    if let Some(rect) = layout.detail {
        draw_detail(frame, app, rect);
    }
    draw_search(frame, app, layout.search);
    draw_footer(frame, app, layout.footer);
    if app.jump().is_some() {
        draw_jump(frame, app, area);
    }
    if app.span_picker().is_some() {
        draw_span_picker(frame, app, area);
    }
    if app.compare().is_some() {
        draw_compare(frame, app, area);
    }
    if app.matrix().is_some() {
        draw_matrix(frame, app, area);
    }
    if app.reader().is_some() {
        draw_reader(frame, app, area);
    }
    if app.help_open() {
        draw_help(frame, app, area);
    }
}

/// The "terminal too small" message, from the fullest wording down to a single character,
/// as the lines of the first one that fits `width`x`height` without breaking a word.
pub fn too_small_lines(width: u16, height: u16) -> Vec<String> {
    let need = format!("{MIN_WIDTH}×{MIN_HEIGHT}");
    let wordings = [
        format!("Terminal too small (need {need})"),
        format!("Too small (need {need})"),
        format!("Need {need}"),
        need,
        "Too small".to_string(),
        "small".to_string(),
        "!".to_string(),
    ];
    let (width, height) = (width as usize, height as usize);
    wordings
        .iter()
        .find_map(|wording| {
            let lines: Vec<String> = crate::text::wrap(wording, width)
                .iter()
                .map(|l| wording[l.start..l.end].to_string())
                .collect();
            let whole_words = lines.join(" ") == *wording;
            let fits = lines.len() <= height && lines.iter().all(|l| str_width(l) <= width);
            (whole_words && fits).then_some(lines)
        })
        .unwrap_or_default()
}

pub(super) fn draw_too_small(frame: &mut Frame, area: Rect) {
    let lines: Vec<Line> = too_small_lines(area.width, area.height)
        .into_iter()
        .map(Line::from)
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), rect);
}

pub(super) fn draw_title(frame: &mut Frame, app: &App, rect: Rect) {
    let filter = match &app.results {
        Some(hits) => format!("search “{}”", sanitize(&hits.query)),
        None => "none".to_string(),
    };
    // The lens and the date range come first: they change what every pane shows, so they stay on
    // screen when the line is cut.
    let mut spans = vec![Span::raw(" agenda-tui │ ")];
    for narrowing in [app.lens_label(), app.range_label()].into_iter().flatten() {
        spans.push(Span::styled(
            sanitize(&narrowing).into_owned(),
            app.theme.accent.add_modifier(Modifier::REVERSED),
        ));
        spans.push(Span::raw(" │ "));
    }
    let source = app
        .corpus_label
        .as_deref()
        .map(|label| format!("{}: ", sanitize(label)))
        .unwrap_or_default();
    spans.push(Span::raw(format!(
        "{source}{} │ filter: {filter}",
        app.corpus_summary()
    )));
    let mut used = 0;
    let width = rect.width as usize;
    let fitted: Vec<Span> = spans
        .into_iter()
        .map(|span| {
            let room = width.saturating_sub(used);
            let text = truncate_to_width(&span.content, room).into_owned();
            used += str_width(&text);
            Span::styled(text, span.style)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(Line::from(fitted)).style(Style::new().add_modifier(Modifier::BOLD)),
        rect,
    );
}

pub(super) fn draw_tabs(frame: &mut Frame, app: &App, rect: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", app.theme.dim));
        }
        let style = if pane == app.shown_pane() {
            app.theme.selected(true)
        } else {
            app.theme.dim
        };
        let title = match pane {
            Pane::Index => app.tab.title(),
            _ => pane.title(),
        };
        spans.push(Span::styled(title, style));
    }
    spans.push(Span::styled("   (Tab to switch)", app.theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), rect);
}
