//! The search bar: the query with its cursor, or a hint when empty.

use super::*;

pub(super) fn draw_search(frame: &mut Frame, app: &App, rect: Rect) {
    let width = rect.width as usize;
    let prompt = " / ";
    let prompt_style = if app.search_focused {
        app.theme.accent.add_modifier(Modifier::BOLD)
    } else {
        app.theme.dim
    };
    let waiting = app.query_error.is_none()
        && !app.query.text().trim().is_empty()
        && !app.query_is_only_dates()
        && app
            .results
            .as_ref()
            .is_none_or(|hits| hits.query != app.query.text() || !hits.complete);
    let count = match &app.results {
        Some(hits) => {
            let suffix = if waiting { " …" } else { "" };
            format!(" {}/{}{suffix} ", hits.matched, app.corpus.statements.len())
        }
        None if app.indexing => " indexing… ".to_string(),
        None if waiting => " searching… ".to_string(),
        None => String::new(),
    };
    let room = width.saturating_sub(str_width(prompt) + count.len());
    let input = sanitize(app.query.text()).into_owned();
    if input.is_empty() && !app.search_focused {
        let hint = if app.indexing {
            "indexing the statements for search… (press / to type meanwhile)"
        } else {
            "search leaders, topics, countries, text (press /)"
        };
        let hint = truncate_to_width(hint, room).into_owned();
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
