//! Clicks and the wheel: focus and select what is under the pointer, or act on the open overlay.

use super::*;

impl App {
    pub(super) fn on_mouse(&mut self, mouse: MouseEvent) -> bool {
        let layout = self.layout();
        let (column, row) = (mouse.column, mouse.row);
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                if self.overlay != Overlay::None {
                    self.overlay = Overlay::None;
                    return true;
                }
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
                    // The title holds the tabs, drawn from the column after the corner.
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
                    return true;
                }
                if pane == Pane::Index && (row - rect.y) as usize > self.index_list_height() {
                    return true;
                }
                if row > rect.y && row + 1 < rect.bottom() {
                    let line = (row - rect.y - 1) as usize;
                    match pane {
                        Pane::Index => {
                            if let Some(IndexRow::Item(item)) =
                                self.rows.get(self.index_offset + line)
                            {
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
                true
            }
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let delta = if mouse.kind == MouseEventKind::ScrollDown {
                    3
                } else {
                    -3
                };
                if self.overlay == Overlay::Help {
                    self.help_scroll = (self.help_scroll as isize + delta).max(0) as usize;
                    return true;
                }
                if let Overlay::Jump(picker) = &mut self.overlay {
                    // The picker belongs to the selected statement: the wheel moves within it.
                    let len = picker.choices.len();
                    picker.selected = step(picker.selected, delta.signum(), len, false);
                    return true;
                }
                if self.overlay == Overlay::ExportPrompt {
                    return false;
                }
                match layout.pane_at(column, row) {
                    Some(pane) => {
                        self.move_in(pane, delta, false);
                        true
                    }
                    None => false,
                }
            }
            _ => false,
        }
    }
}
