//! The matrix: speakers down, targets across (their codes), the top ones by count that fit,
//! each cell's count shaded by how large it is (no colour is needed to read it: the numbers are
//! there), the cursor's cell in the selection style and named in full under the grid.

use super::*;

pub(super) fn draw_matrix(frame: &mut Frame, app: &App, area: Rect) {
    let (Some(matrix), Some(fit)) = (app.matrix(), app.matrix_fit()) else {
        return;
    };
    frame.render_widget(Clear, area);
    let rect = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    let counts = &matrix.counts;
    let plural = crate::text::plural;
    let title = format!(
        " Matrix · {} of {} × {} of {}{} ",
        fit.rows,
        plural(counts.speakers.len(), "speaker", "speakers"),
        fit.cols,
        plural(counts.targets.len(), "target", "targets"),
        narrowing(app, true),
    );
    let block = view_block(app, &title, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let cursor = app.matrix_cell();
    let peak = counts.peak(fit.rows, fit.cols);
    let width = inner.width as usize;
    let cell = fit.cell_width.saturating_sub(1);
    let mut lines = heading(app, fit, cursor);
    for &(speaker, _) in counts.speakers.iter().take(fit.rows) {
        let name = sanitize(&app.corpus.entities[speaker].name).into_owned();
        let name = truncate_to_width(&name, fit.label_width).into_owned();
        let pad = fit.label_width.saturating_sub(str_width(&name));
        let on_row = cursor.is_some_and(|(s, _)| s == speaker);
        let label_style = if on_row {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(
            format!("{name}{}", " ".repeat(pad)),
            label_style,
        )];
        for &(target, _) in counts.targets.iter().take(fit.cols) {
            let count = counts.cell(speaker, target);
            let text = if count == 0 {
                "·".to_string()
            } else {
                count.to_string()
            };
            let style = if cursor == Some((speaker, target)) {
                app.theme.selected(true)
            } else {
                shade(app, count, peak)
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                format!(
                    "{}{text}",
                    " ".repeat(cell.saturating_sub(str_width(&text)))
                ),
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .take(inner.height.saturating_sub(1) as usize)
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((speaker, target)) = cursor
        && inner.height > 0
    {
        let entities = &app.corpus.entities;
        let about = format!(
            "{} → {}: {}",
            entities[speaker].name,
            entities[target].name,
            crate::text::plural(counts.cell(speaker, target), "statement", "statements")
        );
        let about = truncate_to_width(&sanitize(&about), width).into_owned();
        frame.render_widget(
            Paragraph::new(Line::styled(about, app.theme.accent)),
            Rect::new(inner.x, inner.bottom() - 1, inner.width, 1),
        );
    }
    draw_matrix_footer(frame, app, Rect::new(area.x, rect.bottom(), area.width, 1));
}

/// The heading of target codes, each right-aligned over its cell's counts; on two lines when
/// `fit.heading_lines` says so, the codes alternating between them, each with the room of its
/// own cell and the one before it (cut only past that).
fn heading(
    app: &App,
    fit: crate::app::MatrixFit,
    cursor: Option<(usize, usize)>,
) -> Vec<Line<'static>> {
    let counts = &app.matrix().expect("the matrix is open").counts;
    let cell = fit.cell_width.saturating_sub(1);
    let style = |target: usize| {
        if cursor.is_some_and(|(_, t)| t == target) {
            app.theme.heading.add_modifier(Modifier::UNDERLINED)
        } else {
            app.theme.heading
        }
    };
    let shown = counts.targets.iter().take(fit.cols);
    if fit.heading_lines < 2 {
        let mut header = vec![Span::raw(" ".repeat(fit.label_width))];
        for &(target, _) in shown {
            let code =
                truncate_to_width(&sanitize(&app.corpus.entities[target].id), cell).into_owned();
            let pad = cell.saturating_sub(str_width(&code));
            header.push(Span::styled(
                format!(" {}{code}", " ".repeat(pad)),
                style(target),
            ));
        }
        return vec![Line::from(header)];
    }
    let mut lines: [Vec<Span>; 2] = [Vec::new(), Vec::new()];
    let mut used = [0, 0];
    for (column, &(target, _)) in shown.enumerate() {
        let line = column % 2;
        let right = fit.label_width + (column + 1) * fit.cell_width;
        let room = (2 * fit.cell_width - 1).min(right.saturating_sub(used[line] + 1));
        let code = truncate_to_width(&sanitize(&app.corpus.entities[target].id), room).into_owned();
        let pad = right.saturating_sub(used[line] + str_width(&code));
        lines[line].push(Span::raw(" ".repeat(pad)));
        lines[line].push(Span::styled(code, style(target)));
        used[line] = right;
    }
    lines.into_iter().map(Line::from).collect()
}

/// What narrows the statements counted, as ` · by South Korea · 2010s · search “nuclear”`
/// (the lens left out when `with_lens` is false); empty when nothing does.
pub(super) fn narrowing(app: &App, with_lens: bool) -> String {
    let lens = app.lens_label().filter(|_| with_lens);
    let search = app
        .results
        .as_ref()
        .map(|hits| format!("search “{}”", hits.query));
    [lens, app.range_label(), search]
        .into_iter()
        .flatten()
        .map(|part| format!(" · {}", sanitize(&part)))
        .collect()
}

/// A count's shade: none dim, up to a third of the peak plain, up to two thirds the accent
/// colour, above that the heading style (bold), so the steps survive 16 colours and
/// `NO_COLOR` (bold) alike.
fn shade(app: &App, count: usize, peak: usize) -> Style {
    if count == 0 {
        app.theme.dim
    } else if count * 3 <= peak {
        Style::new()
    } else if count * 3 <= peak * 2 {
        app.theme.accent
    } else {
        app.theme.heading
    }
}

fn draw_matrix_footer(frame: &mut Frame, app: &App, rect: Rect) {
    if rect.y >= frame.area().bottom() {
        return;
    }
    let keymap = &app.keymap;
    let c = Context::Panes;
    let text = match &app.status {
        Some(status) => format!(" {}", sanitize(status)),
        None => [
            keys_hint(keymap, c, &[Action::MoveUp, Action::MoveDown], "speaker"),
            keys_hint(
                keymap,
                c,
                &[Action::FocusLeft, Action::FocusRight],
                "target",
            ),
            hint(keymap, c, Action::Back, "back"),
            hint(keymap, c, Action::Enter, "list the cell's statements"),
        ]
        .into_iter()
        .flatten()
        .fold(String::new(), |line, hint| format!("{line} {hint} ")),
    };
    let text = truncate_to_width(&text, rect.width as usize).into_owned();
    frame.render_widget(Paragraph::new(Line::styled(text, app.theme.dim)), rect);
}
