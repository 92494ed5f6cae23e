//! The compare view: two statement lists with their counts, side by side (stacked on narrow
//! terminals), each above its chart; both charts on one time axis and one scale.

use super::*;
use crate::app::{Compare, compare_areas, compare_chart_height, keep_visible};

pub(super) fn draw_compare(frame: &mut Frame, app: &App, area: Rect) {
    let Some(compare) = app.compare() else {
        return;
    };
    frame.render_widget(Clear, area);
    let areas = compare_areas(area);
    let labels = compare
        .sides
        .map(|side| sanitize(&app.side_label(side)).into_owned());
    let counts = compare.listed.each_ref().map(Vec::len);
    let axis = compare
        .charts
        .iter()
        .flatten()
        .next()
        .map(|chart| format!(" · {}", chart.caption()))
        .unwrap_or_default();
    let heading = format!(
        " Compare · {} ({}) vs {} ({}){axis}{}",
        labels[0],
        counts[0],
        labels[1],
        counts[1],
        narrowing(app, false)
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            truncate_to_width(&heading, areas.heading.width as usize).into_owned(),
            app.theme.accent.add_modifier(Modifier::BOLD),
        )),
        areas.heading,
    );
    let charted = compare
        .charts
        .iter()
        .flatten()
        .any(|chart| chart.counts.len() > 1);
    for side in 0..2 {
        let title = format!(" {} ({}) ", labels[side], counts[side]);
        draw_side(
            frame,
            app,
            compare,
            side,
            areas.sides[side],
            &title,
            charted,
        );
    }
    draw_compare_footer(frame, app, areas.footer);
}

fn draw_side(
    frame: &mut Frame,
    app: &App,
    compare: &Compare,
    side: usize,
    rect: Rect,
    title: &str,
    charted: bool,
) {
    let focused = compare.focus == side;
    let block = focus_block(app, focused, fit_title(title, rect.width));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let chart_height = if charted {
        compare_chart_height(inner.height)
    } else {
        0
    };
    let list_height = inner.height.saturating_sub(chart_height);
    let listed = &compare.listed[side];
    let selected = compare.selected[side];
    let offset = keep_visible(compare.offsets[side], selected, usize::from(list_height))
        .min(listed.len().saturating_sub(usize::from(list_height)));
    let width = inner.width as usize;
    let mut lines: Vec<Line> = listed
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(list_height))
        .map(|(row, &index)| statement_line(app, index, width, row == selected, focused))
        .collect();
    if listed.is_empty() {
        lines.push(Line::styled(
            truncate_to_width("no statements", width).into_owned(),
            app.theme.dim,
        ));
    }
    let list_area = Rect::new(inner.x, inner.y, inner.width, list_height);
    frame.render_widget(Paragraph::new(lines), list_area);
    draw_scrollbar(
        frame,
        app,
        Rect::new(rect.x, rect.y, rect.width, list_height + 2),
        listed.len(),
        offset,
        usize::from(list_height),
    );
    if let Some(chart) = compare.charts[side].as_ref().filter(|_| chart_height > 0) {
        let chart_area = Rect::new(inner.x, list_area.bottom(), inner.width, chart_height);
        let peak = compare.shared_peak(width);
        let caption = format!("{} (max {peak})", chart.caption());
        draw_histogram(frame, app, chart_area, chart, &caption, Some(peak));
    }
}

fn draw_compare_footer(frame: &mut Frame, app: &App, rect: Rect) {
    let keymap = &app.keymap;
    let c = Context::Panes;
    let text = match &app.status {
        Some(status) => format!(" {}", sanitize(status)),
        None => [
            keys_hint(keymap, c, &[Action::MoveUp, Action::MoveDown], "move"),
            hint(keymap, c, Action::FocusNext, "other list"),
            hint(keymap, c, Action::Enter, "read"),
            hint(keymap, c, Action::Back, "back"),
            hint(keymap, c, Action::OpenUrl, "open URL"),
        ]
        .into_iter()
        .flatten()
        .fold(String::new(), |line, hint| format!("{line} {hint} ")),
    };
    let text = truncate_to_width(&text, rect.width as usize).into_owned();
    frame.render_widget(Paragraph::new(Line::styled(text, app.theme.dim)), rect);
}
