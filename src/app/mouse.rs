//! Clicks and the wheel: focus and select what is under the pointer, or act on the open overlay.

use super::*;

impl App {
    /// A mouse event; true when the screen needs redrawing.
    pub(super) fn on_mouse(&mut self, mouse: MouseEvent) -> bool {
        let (column, row) = (mouse.column, mouse.row);
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => self.on_click(column, row),
            MouseEventKind::ScrollDown => self.on_wheel(column, row, 3),
            MouseEventKind::ScrollUp => self.on_wheel(column, row, -3),
            _ => false,
        }
    }

    /// A left click: does nothing in the reader, the compare view or the matrix (Esc closes
    /// them); closes another open overlay, else focuses the search bar or the pane under the
    /// pointer and selects the row or tab clicked.
    fn on_click(&mut self, column: u16, row: u16) -> bool {
        if matches!(
            self.overlay,
            Overlay::Reader(_) | Overlay::Compare(_) | Overlay::Matrix(_)
        ) {
            return false;
        }
        if self.overlay != Overlay::None {
            self.overlay = Overlay::None;
            return true;
        }
        let layout = self.layout();
        if layout
            .search
            .contains(ratatui::layout::Position::new(column, row))
            && layout.search.width > 0
        {
            self.search_focused = true;
            self.query.move_to_end();
            return true;
        }
        let Some(pane) = layout.pane_at(column, row) else {
            return false;
        };
        self.search_focused = false;
        self.focus = pane;
        let rect = layout.pane(pane).unwrap_or_default();
        if pane == Pane::Index && row == rect.y {
            self.click_index_title(rect, column);
            return true;
        }
        if pane == Pane::Index && (row - rect.y) as usize > self.index_list_height() {
            return true;
        }
        if row > rect.y && row + 1 < rect.bottom() {
            self.click_row(pane, (row - rect.y - 1) as usize);
        }
        true
    }

    /// A click on the index pane's title, which holds the tabs drawn from the column after the
    /// corner: shows the index whose label was hit.
    fn click_index_title(&mut self, rect: Rect, column: u16) {
        let mut x = rect.x as usize + 1;
        for (tab, label) in self.tab_title(rect.width as usize) {
            let width = crate::text::str_width(&label);
            if let Some(tab) = tab
                && (x..x + width).contains(&(column as usize))
            {
                self.show_tab(tab);
            }
            x += width;
        }
    }

    /// A click on drawn row `line` (0 = first inside the border) of `pane`: selects it.
    fn click_row(&mut self, pane: Pane, line: usize) {
        match pane {
            Pane::Index => {
                if let Some(IndexRow::Item(item)) = self.rows.get(self.index_offset + line) {
                    self.select_item(*item);
                }
            }
            Pane::Statements => {
                let index = self.statements_offset + line;
                if index < self.listed.len() {
                    self.select_statement(index);
                }
            }
            Pane::Detail => {}
        }
    }

    /// The wheel moved `delta` rows: scrolls the help, moves within the go-to picker, or moves
    /// in the pane under the pointer.
    fn on_wheel(&mut self, column: u16, row: u16, delta: isize) -> bool {
        match &mut self.overlay {
            Overlay::Help => {
                self.help_scroll = (self.help_scroll as isize + delta).max(0) as usize;
                true
            }
            Overlay::Jump(picker) => {
                // The picker belongs to the selected statement: the wheel moves within it.
                let len = picker.choices.len();
                picker.selected = step(picker.selected, delta.signum(), len, false);
                true
            }
            Overlay::Span(picker) => {
                let len = picker.choices.len();
                picker.selected = step(picker.selected, delta.signum(), len, false);
                true
            }
            Overlay::Reader(_) => {
                self.scroll_reader(delta);
                true
            }
            Overlay::Compare(compare) => {
                // The wheel moves the focused list's selection (without wrapping around).
                let side = compare.focus.min(1);
                let len = compare.listed[side].len();
                compare.selected[side] = step(compare.selected[side], delta, len, false);
                true
            }
            Overlay::ExportPrompt | Overlay::Matrix(_) => false,
            Overlay::None => match self.layout().pane_at(column, row) {
                Some(pane) => {
                    self.move_in(pane, delta, false);
                    true
                }
                None => false,
            },
        }
    }
}
