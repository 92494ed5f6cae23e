//! The index pane: countries, leaders, topics or speakers with counts, and the time chart.

use super::*;

pub(super) fn draw_index_pane(frame: &mut Frame, app: &App, rect: Rect) {
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
        draw_time_chart(frame, app, chart_area);
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

/// The listed statements over time (bucket chosen from the span), as a sparkline with its
/// caption and the first and last bucket under it.
pub(super) fn draw_time_chart(frame: &mut Frame, app: &App, area: Rect) {
    let (Some(chart), Some(caption)) = (&app.chart, app.chart_caption()) else {
        return;
    };
    let peak = chart.counts.iter().copied().max().unwrap_or(0);
    draw_histogram(
        frame,
        app,
        area,
        chart,
        &format!("{caption} (max {peak})"),
        None,
    );
}

/// A histogram as a sparkline under its caption (`full`, else `full` cut before its last
/// " (" when it does not fit) and above its first and last bucket, folded into the area's
/// columns; drawn to the scale `peak` when given (so that two charts compare), else to its own
/// highest column.
pub(super) fn draw_histogram(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    chart: &crate::dates::Histogram,
    full: &str,
    peak: Option<u64>,
) {
    let width = area.width as usize;
    let data = crate::app::fold_columns(&chart.counts, width);
    let caption = full.rsplit_once(" (").map_or(full, |(caption, _)| caption);
    let heading = if str_width(full) <= width {
        full.to_string()
    } else {
        truncate_to_width(caption, width).into_owned()
    };
    frame.render_widget(
        Paragraph::new(Line::styled(heading, app.theme.heading)),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let mut sparkline = ratatui::widgets::Sparkline::default()
        .data(&data)
        .style(app.theme.accent);
    if let Some(peak) = peak {
        sparkline = sparkline.max(peak.max(1));
    }
    frame.render_widget(
        sparkline,
        Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(2),
        ),
    );
    let from = chart.bucket.label(chart.first);
    let to = chart.bucket.label(chart.last());
    let gap = width.saturating_sub(from.len() + to.len());
    let axis = truncate_to_width(&format!("{from}{}{to}", " ".repeat(gap)), width).into_owned();
    frame.render_widget(
        Paragraph::new(Line::styled(axis, app.theme.dim)),
        Rect::new(area.x, area.bottom() - 1, area.width, 1),
    );
}
