//! The statements pane: the statements of the selection, with the search matches marked.

use super::*;

/// Spans for `text` cut to `width` columns with the chars at `marked` (char indices) highlighted.
pub(super) fn highlighted_spans(
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
pub(super) fn longest_run_start(marked: &[usize]) -> Option<usize> {
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

/// The date and outlet before a statement when the corpus has several articles, in at most
/// `budget` columns (so the statement keeps the rest of the row): date and short outlet, else
/// the date, else a compact date (`21-01-21`), else nothing.
pub(super) fn article_prefix(published: Option<&str>, source: &str, budget: usize) -> String {
    let date = published.unwrap_or("undated");
    let compact = match published {
        Some(d) if d.len() == 10 && d.is_ascii() => &d[2..],
        Some(d) => d,
        None => "n.d.",
    };
    let outlet = short_outlet(&sanitize(source));
    [
        format!("{date} {outlet} "),
        format!("{date} "),
        format!("{compact} "),
    ]
    .into_iter()
    .find(|prefix| str_width(prefix) <= budget)
    .map(|prefix| sanitize(&prefix).into_owned())
    .unwrap_or_default()
}

/// An outlet's name in at most 10 columns: as it is when short, its initials when it has three
/// or more capitalised words ("Press Trust of India" → "PTI"), else its first word, cut.
fn short_outlet(source: &str) -> String {
    let source = source.trim();
    if str_width(source) <= 10 {
        return source.to_string();
    }
    let capitals: Vec<char> = source
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    if capitals.len() >= 3 {
        return capitals.into_iter().take(10).collect();
    }
    let first = source.split_whitespace().next().unwrap_or("");
    truncate_to_width(first, 10).into_owned()
}

pub(super) fn draw_statements(frame: &mut Frame, app: &App, rect: Rect) {
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
        let selected = row == app.selected_statement;
        lines.push(statement_line(app, index, width, selected, focused));
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

/// One statement row, `width` columns: its kind marker, the date and outlet when the corpus
/// has several articles, its text with the search matches marked; the selection style when
/// `selected` (as the focused pane's when `focused`).
pub(super) fn statement_line(
    app: &App,
    index: u32,
    width: usize,
    selected: bool,
    focused: bool,
) -> Line<'static> {
    let statement = &app.corpus.statements[index as usize];
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
    if app.corpus.articles.len() > 1
        && let Some(article) = app.corpus.article(&statement.article)
    {
        let budget = (width / 2).saturating_sub(used);
        let prefix = article_prefix(article.published.as_deref(), &article.source, budget);
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
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_prefix_shrinks_and_goes_before_the_statement_does() {
        let date = Some("2023-07-14");
        assert_eq!(
            article_prefix(date, "Press Trust of India", 40),
            "2023-07-14 PTI "
        );
        assert_eq!(
            article_prefix(date, "Arirang News", 40),
            "2023-07-14 Arirang "
        );
        assert_eq!(article_prefix(date, "Arirang News", 12), "2023-07-14 ");
        assert_eq!(article_prefix(date, "Arirang News", 10), "23-07-14 ");
        assert_eq!(article_prefix(date, "Arirang News", 8), "");
        assert_eq!(article_prefix(None, "KBS", 40), "undated KBS ");
        assert_eq!(article_prefix(None, "KBS", 6), "n.d. ");
        assert_eq!(
            article_prefix(date, "Evil\u{1b}[2J Outlet", 40),
            "2023-07-14 Evil␛[2J "
        );
    }
}
