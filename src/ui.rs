//! Drawing: pure functions from the app state to a ratatui frame. Nothing here changes state.

use crate::app::{App, IndexRow, ItemKey};
use crate::detail::{self, Role};
use crate::keymap::{Action, Context, Keymap};
use crate::layout::{Arrangement, MIN_HEIGHT, MIN_WIDTH, Pane};
use crate::text::{char_width, sanitize, str_width, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

/// Draw the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let layout = crate::layout::compute(area, app.focus);
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
    if app.help_open() {
        draw_help(frame, app, area);
    }
}

fn draw_jump(frame: &mut Frame, app: &App, area: Rect) {
    let Some(picker) = app.jump() else {
        return;
    };
    let height = u16::try_from(picker.choices.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let Some(inner) = draw_overlay(
        frame,
        app,
        area,
        60,
        height,
        " Go to · Enter jumps · Esc closes ",
    ) else {
        return;
    };
    let visible = inner.height as usize;
    let offset = picker.selected.saturating_sub(visible.saturating_sub(1));
    let lines: Vec<Line> = picker
        .choices
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, &(tab, key))| {
            let kind = match tab {
                crate::app::IndexTab::Countries => "country",
                crate::app::IndexTab::Leaders => "leader",
                crate::app::IndexTab::Topics => "topic",
            };
            let text = format!("{kind:<8}{}", sanitize(&app.key_name(key)));
            let text = truncate_to_width(&text, inner.width as usize).into_owned();
            let style = if i == picker.selected {
                app.theme.selected(true)
            } else {
                Style::new()
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let message = format!("Terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})");
    let lines: Vec<Line> = crate::text::wrap(&message, area.width as usize)
        .iter()
        .map(|l| Line::from(message[l.start..l.end].to_string()))
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), rect);
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn draw_title(frame: &mut Frame, app: &App, rect: Rect) {
    let corpus = &app.corpus;
    let filter = match &app.results {
        Some(hits) => format!("search “{}”", sanitize(&hits.query)),
        None => "none".to_string(),
    };
    let text = format!(
        " agenda-tui │ {} │ {} · {} │ filter: {}",
        sanitize(&corpus.name),
        plural(corpus.articles.len(), "article", "articles"),
        plural(corpus.statements.len(), "statement", "statements"),
        filter
    );
    let shown = truncate_to_width(&text, rect.width as usize).into_owned();
    frame.render_widget(
        Paragraph::new(shown).style(Style::new().add_modifier(Modifier::BOLD)),
        rect,
    );
}

fn draw_tabs(frame: &mut Frame, app: &App, rect: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", app.theme.dim));
        }
        let style = if pane == app.focus {
            app.theme.selected(true)
        } else {
            app.theme.dim
        };
        spans.push(Span::styled(pane.title(), style));
    }
    spans.push(Span::styled("   (Tab to switch)", app.theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), rect);
}

/// True when `pane` has the keyboard (not the search bar or an overlay).
fn pane_has_focus(app: &App, pane: Pane) -> bool {
    app.focus == pane && !app.search_focused && !app.help_open()
}

/// A pane's border: thick and in the accent colour when focused.
fn pane_frame(app: &App, pane: Pane) -> Block<'static> {
    let focused = pane_has_focus(app, pane);
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            app.theme.accent
        } else {
            app.theme.dim
        })
}

/// A pane's border with its title.
fn pane_block(app: &App, pane: Pane, title: String) -> Block<'static> {
    let title_style = if pane_has_focus(app, pane) {
        app.theme.accent.add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    pane_frame(app, pane).title(Span::styled(title, title_style))
}

/// Fit `title` into a block of `width` columns (leaving room for the corners).
fn fit_title(title: &str, width: u16) -> String {
    truncate_to_width(title, (width as usize).saturating_sub(2)).into_owned()
}

fn draw_index_pane(frame: &mut Frame, app: &App, rect: Rect) {
    let focused = app.focus == Pane::Index && !app.search_focused && !app.help_open();
    let mut title = Vec::new();
    for (tab, label) in app.tab_title(rect.width as usize) {
        let style = match tab {
            Some(tab) if tab == app.tab => {
                if focused {
                    app.theme
                        .accent
                        .add_modifier(Modifier::BOLD | Modifier::REVERSED)
                } else {
                    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                }
            }
            _ => app.theme.dim,
        };
        title.push(Span::styled(label, style));
    }
    let block = pane_frame(app, Pane::Index).title(Line::from(title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = inner.width as usize;
    let list_height = app.index_list_height().min(inner.height as usize);
    let mut lines = Vec::new();
    for row in app.rows.iter().skip(app.index_offset).take(list_height) {
        match *row {
            IndexRow::Heading(heading) => {
                lines.push(Line::styled(
                    truncate_to_width(heading, width).into_owned(),
                    app.theme.heading,
                ));
            }
            IndexRow::Item(i) => {
                let item = app.items[i];
                let mut name = sanitize(&app.key_name(item.key)).into_owned();
                if let ItemKey::Leader(l) = item.key {
                    name = format!("{name} · {}", sanitize(&app.corpus.leaders[l].entity));
                }
                let count = item.count.to_string();
                let indent = if item.key == ItemKey::All { "" } else { " " };
                let room = width.saturating_sub(count.len() + 1 + indent.len());
                let name = truncate_to_width(&name, room).into_owned();
                let gap = width.saturating_sub(indent.len() + str_width(&name) + count.len());
                let text = format!("{indent}{name}{}{count}", " ".repeat(gap));
                let text = truncate_to_width(&text, width).into_owned();
                let style = if i == app.selected_item {
                    app.theme.selected(focused)
                } else if item.key == ItemKey::All || item.key == ItemKey::Untargeted {
                    Style::new().add_modifier(Modifier::ITALIC)
                } else {
                    Style::new()
                };
                lines.push(Line::styled(text, style));
            }
        }
    }
    let list_area = Rect::new(inner.x, inner.y, inner.width, list_height as u16);
    frame.render_widget(Paragraph::new(lines), list_area);
    let chart_height = app.chart_height().min(inner.height as usize);
    if chart_height > 0 {
        let chart_area = Rect::new(
            inner.x,
            inner.bottom() - chart_height as u16,
            inner.width,
            chart_height as u16,
        );
        draw_monthly_chart(frame, app, chart_area);
    }
    draw_scrollbar(
        frame,
        app,
        rect,
        app.rows.len(),
        app.index_offset,
        list_height,
    );
}

/// Month number to `YYYY-MM`.
fn month_label(month: u32) -> String {
    format!("{:04}-{:02}", month / 12, month % 12 + 1)
}

/// Statements per month of the selected row, over the corpus's span, as a sparkline.
fn draw_monthly_chart(frame: &mut Frame, app: &App, area: Rect) {
    let Some((first, last)) = app.month_span else {
        return;
    };
    let width = area.width as usize;
    let peak = app.monthly.iter().copied().max().unwrap_or(0);
    let heading = truncate_to_width(&format!("per month (max {peak})"), width).into_owned();
    frame.render_widget(
        Paragraph::new(Line::styled(heading, app.theme.heading)),
        Rect::new(area.x, area.y, area.width, 1),
    );
    // Fold the months into at most `width` columns.
    let columns = width.max(1);
    let per_column = app.monthly.len().div_ceil(columns).max(1);
    let data: Vec<u64> = app
        .monthly
        .chunks(per_column)
        .map(|chunk| chunk.iter().sum())
        .collect();
    frame.render_widget(
        ratatui::widgets::Sparkline::default()
            .data(&data)
            .style(app.theme.accent),
        Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(2),
        ),
    );
    let from = month_label(first);
    let to = month_label(last);
    let gap = width.saturating_sub(from.len() + to.len());
    let axis = truncate_to_width(&format!("{from}{}{to}", " ".repeat(gap)), width).into_owned();
    frame.render_widget(
        Paragraph::new(Line::styled(axis, app.theme.dim)),
        Rect::new(area.x, area.bottom() - 1, area.width, 1),
    );
}

fn draw_scrollbar(
    frame: &mut Frame,
    app: &App,
    rect: Rect,
    total: usize,
    offset: usize,
    visible: usize,
) {
    if total <= visible || rect.height < 3 {
        return;
    }
    let mut state = ScrollbarState::new(total.saturating_sub(visible)).position(offset);
    let area = Rect::new(rect.x, rect.y + 1, rect.width, rect.height - 2);
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_style(app.theme.accent),
        area,
        &mut state,
    );
}

/// Spans for `text` cut to `width` columns with the chars at `marked` (char indices) highlighted.
fn highlighted_spans(
    app: &App,
    text: &str,
    width: usize,
    marked: &[usize],
    base: Style,
) -> Vec<Span<'static>> {
    let clean = sanitize(text);
    // When the longest run of matched characters (two or more in a row: a scattered fuzzy match
    // says little) lies beyond two thirds of the row, start the row shortly before it (after a
    // leading "…") so that the match is on screen.
    let run_start = longest_run_start(marked);
    let run_column =
        run_start.map(|first| clean.chars().take(first).map(char_width).sum::<usize>());
    let (clean, shifted): (std::borrow::Cow<str>, Vec<usize>) = match (run_start, run_column) {
        (Some(first), Some(column)) if width > 8 && column > width * 2 / 3 => {
            let skip = first.saturating_sub(width / 4);
            let mut shown = String::from("…");
            shown.extend(clean.chars().skip(skip));
            let marks = marked
                .iter()
                .filter(|&&m| m >= skip)
                .map(|&m| m - skip + 1)
                .collect();
            (std::borrow::Cow::Owned(shown), marks)
        }
        _ => (clean, marked.to_vec()),
    };
    let marked = shifted.as_slice();
    let cut = truncate_to_width(&clean, width);
    let mut spans = Vec::new();
    let mut current = String::new();
    let mut current_marked = false;
    let ellipsis_at = if cut.len() < clean.len() {
        cut.chars().count().saturating_sub(1)
    } else {
        usize::MAX
    };
    for (i, c) in cut.chars().enumerate() {
        let is_marked = i != ellipsis_at && marked.binary_search(&i).is_ok();
        if is_marked != current_marked && !current.is_empty() {
            let style = if current_marked {
                base.patch(app.theme.matched)
            } else {
                base
            };
            spans.push(Span::styled(std::mem::take(&mut current), style));
        }
        current_marked = is_marked;
        current.push(c);
    }
    if !current.is_empty() {
        let style = if current_marked {
            base.patch(app.theme.matched)
        } else {
            base
        };
        spans.push(Span::styled(current, style));
    }
    spans
}

/// The start of the longest run of consecutive positions in `marked` (sorted), when that run
/// has at least two positions.
fn longest_run_start(marked: &[usize]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut run_start = 0;
    for i in 0..marked.len() {
        if i == 0 || marked[i] != marked[i - 1] + 1 {
            run_start = i;
        }
        let length = i + 1 - run_start;
        if length >= 2 && best.is_none_or(|(_, best_length)| length > best_length) {
            best = Some((marked[run_start], length));
        }
    }
    best.map(|(start, _)| start)
}

fn draw_statements(frame: &mut Frame, app: &App, rect: Rect) {
    let name = app
        .selected_key()
        .map(|k| sanitize(&app.key_name(k)).into_owned())
        .unwrap_or_default();
    let title = format!(" Statements · {name} ({}) ", app.listed.len());
    let legend = fit_title(" Q quote · R reported · N narrative ", rect.width);
    let block = pane_block(app, Pane::Statements, fit_title(&title, rect.width))
        .title_bottom(Line::styled(legend, app.theme.dim).right_aligned());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = inner.width as usize;
    let focused = app.focus == Pane::Statements || app.search_focused;
    let several_articles = app.corpus.articles.len() > 1;
    let mut lines = Vec::new();
    if app.listed.is_empty() {
        let message = if app.is_filtering() {
            "no matches"
        } else {
            "no statements"
        };
        lines.push(Line::styled(
            truncate_to_width(message, width).into_owned(),
            app.theme.dim,
        ));
    }
    for (row, &index) in app
        .listed
        .iter()
        .enumerate()
        .skip(app.statements_offset)
        .take(inner.height as usize)
    {
        let statement = &app.corpus.statements[index as usize];
        let selected = row == app.selected_statement;
        let base = if selected {
            app.theme.selected(focused)
        } else {
            Style::new()
        };
        let (marker, marker_style) = app.theme.kind(statement.kind);
        let mut spans = vec![
            Span::styled(marker, if selected { base } else { marker_style }),
            Span::styled(" ", base),
        ];
        let mut used = 2;
        if several_articles && let Some(article) = app.corpus.article(&statement.article) {
            let prefix = format!(
                "{} {} ",
                article.published.as_deref().unwrap_or("undated   "),
                truncate_to_width(&sanitize(&article.source), 12)
            );
            let prefix = truncate_to_width(&prefix, width.saturating_sub(used)).into_owned();
            used += str_width(&prefix);
            spans.push(Span::styled(
                prefix,
                if selected { base } else { app.theme.dim },
            ));
        }
        let marked = app.highlight_positions(index);
        let room = width.saturating_sub(used);
        spans.extend(highlighted_spans(app, &statement.text, room, &marked, base));
        let drawn: usize = spans.iter().map(|s| str_width(&s.content)).sum();
        if selected && drawn < width {
            spans.push(Span::styled(" ".repeat(width - drawn), base));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_scrollbar(
        frame,
        app,
        rect,
        app.listed.len(),
        app.statements_offset,
        inner.height as usize,
    );
}

fn draw_detail(frame: &mut Frame, app: &App, rect: Rect) {
    let width = rect.width.saturating_sub(2) as usize;
    let height = rect.height.saturating_sub(2) as usize;
    let content = app
        .selected_statement_index()
        .map(|s| detail::build(&app.corpus, s as usize, &app.highlight_positions(s), width))
        .unwrap_or_default();
    let scroll = app.detail_scroll.min(content.len().saturating_sub(height));
    let title = if content.len() > height {
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

fn draw_search(frame: &mut Frame, app: &App, rect: Rect) {
    let width = rect.width as usize;
    let prompt = " / ";
    let prompt_style = if app.search_focused {
        app.theme.accent.add_modifier(Modifier::BOLD)
    } else {
        app.theme.dim
    };
    let waiting = !app.query.text().trim().is_empty()
        && app
            .results
            .as_ref()
            .is_none_or(|hits| hits.query != app.query.text() || !hits.complete);
    let count = match &app.results {
        Some(hits) => {
            let suffix = if waiting { " …" } else { "" };
            format!(" {}/{}{suffix} ", hits.matched, app.corpus.statements.len())
        }
        None if waiting => " searching… ".to_string(),
        None => String::new(),
    };
    let room = width.saturating_sub(str_width(prompt) + count.len());
    let input = sanitize(app.query.text()).into_owned();
    if input.is_empty() && !app.search_focused {
        let hint = truncate_to_width("search leaders, topics, countries, text (press /)", room)
            .into_owned();
        let line = Line::from(vec![
            Span::styled(prompt, prompt_style),
            Span::styled(hint, app.theme.dim),
        ]);
        frame.render_widget(Paragraph::new(line), rect);
        return;
    }
    // Scroll the input horizontally so the cursor stays visible.
    let cursor_chars = app.query.text()[..app.query.cursor()].chars().count();
    let chars: Vec<char> = input.chars().collect();
    let cursor_chars = cursor_chars.min(chars.len());
    // Walk back from the cursor while the text before it (and the cursor cell) still fits.
    let mut start = cursor_chars;
    let mut before_cursor = 0;
    while start > 0 && before_cursor + char_width(chars[start - 1]) < room {
        start -= 1;
        before_cursor += char_width(chars[start]);
    }
    let width_between =
        |a: usize, b: usize| chars[a..b].iter().map(|&c| char_width(c)).sum::<usize>();
    let mut shown = String::new();
    let mut used = 0;
    for &c in &chars[start..] {
        let w = char_width(c);
        if used + w > room {
            break;
        }
        shown.push(c);
        used += w;
    }
    let gap = room.saturating_sub(used);
    let line = Line::from(vec![
        Span::styled(prompt, prompt_style),
        Span::raw(shown),
        Span::raw(" ".repeat(gap)),
        Span::styled(count, app.theme.accent),
    ]);
    frame.render_widget(Paragraph::new(line), rect);
    if app.search_focused && !app.help_open() {
        let x = rect.x as usize + str_width(prompt) + width_between(start, cursor_chars);
        if x < rect.right() as usize {
            frame.set_cursor_position((x as u16, rect.y));
        }
    }
}

fn hint(keymap: &Keymap, context: Context, action: Action, what: &str) -> Option<String> {
    keymap
        .first_key(context, action)
        .map(|k| format!("{k} {what}"))
}

fn draw_footer(frame: &mut Frame, app: &App, rect: Rect) {
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

/// Clear a centred box of at most `max_width` columns and `height` rows (both kept inside the
/// screen), draw its rounded border and title, and return the area inside; `None` when the
/// screen is too small for one.
fn draw_overlay(
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

fn draw_help(frame: &mut Frame, app: &App, area: Rect) {
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
