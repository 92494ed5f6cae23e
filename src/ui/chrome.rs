//! Pane chrome shared by every pane: focus, borders, titles, the scrollbar.

use super::*;

/// True when `pane` has the keyboard (not the search bar or an overlay).
pub(super) fn pane_has_focus(app: &App, pane: Pane) -> bool {
    app.focus == pane && !app.search_focused && !app.help_open()
}

/// A pane's border: thick and in the accent colour when focused.
pub(super) fn pane_frame(app: &App, pane: Pane) -> Block<'static> {
    focus_frame(app, pane_has_focus(app, pane))
}

/// A border that is thick and in the accent colour when `focused`, plain and dim otherwise.
pub(super) fn focus_frame(app: &App, focused: bool) -> Block<'static> {
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
pub(super) fn pane_block(app: &App, pane: Pane, title: String) -> Block<'static> {
    focus_block(app, pane_has_focus(app, pane), title)
}

/// [`focus_frame`] with a title, bold in the accent colour when `focused`.
pub(super) fn focus_block(app: &App, focused: bool, title: String) -> Block<'static> {
    let title_style = if focused {
        app.theme.accent.add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    focus_frame(app, focused).title(Span::styled(title, title_style))
}

/// The border of a full-screen view (reader, matrix): thick, accent, its title fitted to `width`.
pub(super) fn view_block(app: &App, title: &str, width: u16) -> Block<'static> {
    focus_block(app, true, fit_title(title, width))
}

/// Fit `title` into a block of `width` columns (leaving room for the corners).
pub(super) fn fit_title(title: &str, width: u16) -> String {
    truncate_to_width(title, (width as usize).saturating_sub(2)).into_owned()
}

pub(super) fn draw_scrollbar(
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
