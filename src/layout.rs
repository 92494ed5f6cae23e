//! Where everything goes on screen, computed from the terminal size alone. Both the drawing code
//! and the mouse handling use this, so a click lands on what was drawn there.

use ratatui::layout::Rect;

/// Below this size only a "terminal too small" message is drawn.
pub const MIN_WIDTH: u16 = 20;
/// Below this height only a "terminal too small" message is drawn.
pub const MIN_HEIGHT: u16 = 6;

/// The three browsing panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The index pane on the left: countries, leaders or topics (the index shown).
    Index,
    /// The statements of the selected entity.
    Statements,
    /// The selected statement in full.
    Detail,
}

impl Pane {
    /// Panes in focus order, left to right.
    pub const ALL: [Pane; 3] = [Pane::Index, Pane::Statements, Pane::Detail];

    /// The pane title; the drawing names the index pane after the index it shows.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Index => "Index",
            Pane::Statements => "Statements",
            Pane::Detail => "Detail",
        }
    }
}

/// How the panes are arranged at the current size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// Three columns side by side (wide terminals).
    Columns,
    /// The index pane on the left; statements above the detail on the right.
    Stacked,
    /// Only the focused pane, with a tab line naming the others (narrow or short terminals).
    Single,
    /// Too small for anything but a message.
    TooSmall,
}

/// The rectangles of one frame. Panes not shown at this size are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenLayout {
    /// The arrangement chosen for this size.
    pub arrangement: Arrangement,
    /// The whole terminal.
    pub area: Rect,
    /// The title line.
    pub title: Rect,
    /// The tab line of the single-pane arrangement.
    pub tabs: Option<Rect>,
    /// The index pane (with its border).
    pub index: Option<Rect>,
    /// The statements pane (with its border).
    pub statements: Option<Rect>,
    /// The detail pane (with its border).
    pub detail: Option<Rect>,
    /// The search bar line.
    pub search: Rect,
    /// The key-hint footer line.
    pub footer: Rect,
}

impl ScreenLayout {
    /// The rectangle of a pane, when shown.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Index => self.index,
            Pane::Statements => self.statements,
            Pane::Detail => self.detail,
        }
    }

    /// The pane under a terminal cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        Pane::ALL.into_iter().find(|&p| {
            self.pane(p)
                .is_some_and(|r| r.contains(ratatui::layout::Position::new(column, row)))
        })
    }

    /// Rows inside a pane's border (0 when the pane is hidden).
    pub fn inner_height(&self, pane: Pane) -> usize {
        self.pane(pane)
            .map_or(0, |r| r.height.saturating_sub(2) as usize)
    }

    /// Columns inside a pane's border (0 when the pane is hidden).
    pub fn inner_width(&self, pane: Pane) -> usize {
        self.pane(pane)
            .map_or(0, |r| r.width.saturating_sub(2) as usize)
    }
}

/// Lay out a terminal of `area` with `focus` the focused pane (shown alone when space is short).
pub fn compute(area: Rect, focus: Pane) -> ScreenLayout {
    let line = |y: u16| Rect::new(area.x, y, area.width, 1);
    let empty = Rect::new(area.x, area.y, 0, 0);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return ScreenLayout {
            arrangement: Arrangement::TooSmall,
            area,
            title: empty,
            tabs: None,
            index: None,
            statements: None,
            detail: None,
            search: empty,
            footer: empty,
        };
    }
    let title = line(area.y);
    let footer = line(area.y + area.height - 1);
    let search = line(area.y + area.height - 2);
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 3);
    let base = ScreenLayout {
        arrangement: Arrangement::Single,
        area,
        title,
        tabs: None,
        index: None,
        statements: None,
        detail: None,
        search,
        footer,
    };
    if area.width >= 110 && area.height >= 12 {
        return columns(base, body);
    }
    if area.width >= 60 && area.height >= 16 {
        return stacked(base, body);
    }
    single(base, body, focus)
}

/// Three columns side by side in `body`.
fn columns(base: ScreenLayout, body: Rect) -> ScreenLayout {
    let index_width = (body.width / 5).clamp(26, 36);
    let rest = body.width - index_width;
    let statements_width = rest / 2;
    let detail_width = rest - statements_width;
    ScreenLayout {
        arrangement: Arrangement::Columns,
        index: Some(Rect::new(body.x, body.y, index_width, body.height)),
        statements: Some(Rect::new(
            body.x + index_width,
            body.y,
            statements_width,
            body.height,
        )),
        detail: Some(Rect::new(
            body.x + index_width + statements_width,
            body.y,
            detail_width,
            body.height,
        )),
        ..base
    }
}

/// The index on the left of `body`, statements above the detail on the right.
fn stacked(base: ScreenLayout, body: Rect) -> ScreenLayout {
    let index_width = (body.width / 4).clamp(22, 28);
    let right_width = body.width - index_width;
    let right_x = body.x + index_width;
    let statements_height = (body.height * 2 / 5).max(5);
    let detail_height = body.height - statements_height;
    ScreenLayout {
        arrangement: Arrangement::Stacked,
        index: Some(Rect::new(body.x, body.y, index_width, body.height)),
        statements: Some(Rect::new(right_x, body.y, right_width, statements_height)),
        detail: Some(Rect::new(
            right_x,
            body.y + statements_height,
            right_width,
            detail_height,
        )),
        ..base
    }
}

/// Only the focused pane, under a tab line at the top of `body`.
fn single(base: ScreenLayout, body: Rect, focus: Pane) -> ScreenLayout {
    let tabs = Rect::new(body.x, body.y, body.width, 1);
    let pane = Rect::new(body.x, body.y + 1, body.width, body.height - 1);
    let mut single = ScreenLayout {
        tabs: Some(tabs),
        ..base
    };
    match focus {
        Pane::Index => single.index = Some(pane),
        Pane::Statements => single.statements = Some(pane),
        Pane::Detail => single.detail = Some(pane),
    }
    single
}

/// Widest the help overlay gets.
pub const HELP_WIDTH: u16 = 72;

/// A box centred in `area`, at most `max_width` columns and `height` rows and kept two cells off
/// the edges; `None` when the area is too small for one.
pub fn overlay(area: Rect, max_width: u16, height: u16) -> Option<Rect> {
    let width = area.width.saturating_sub(4).min(max_width);
    let height = height.min(area.height.saturating_sub(2));
    if width < 10 || height < 3 {
        return None;
    }
    Some(Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    ))
}

/// Rows of help text the help overlay shows in `area` (inside its border).
pub fn help_rows(area: Rect) -> usize {
    overlay(area, HELP_WIDTH, area.height).map_or(0, |r| r.height.saturating_sub(2) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrangements_follow_the_size() {
        let at = |w, h| compute(Rect::new(0, 0, w, h), Pane::Index).arrangement;
        assert_eq!(at(120, 40), Arrangement::Columns);
        assert_eq!(at(80, 24), Arrangement::Stacked);
        assert_eq!(at(50, 20), Arrangement::Single);
        assert_eq!(at(80, 10), Arrangement::Single);
        assert_eq!(at(10, 10), Arrangement::TooSmall);
        assert_eq!(at(0, 0), Arrangement::TooSmall);
    }

    #[test]
    fn every_rect_lies_inside_the_terminal() {
        for w in 0..=130u16 {
            for h in 0..=45u16 {
                for focus in Pane::ALL {
                    let area = Rect::new(0, 0, w, h);
                    let l = compute(area, focus);
                    let rects = [
                        Some(l.title),
                        l.tabs,
                        l.index,
                        l.statements,
                        l.detail,
                        Some(l.search),
                        Some(l.footer),
                    ];
                    for r in rects.into_iter().flatten() {
                        assert!(r.right() <= w && r.bottom() <= h, "{w}x{h} {r:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn single_arrangement_shows_the_focused_pane() {
        let l = compute(Rect::new(0, 0, 40, 20), Pane::Detail);
        assert!(l.detail.is_some() && l.index.is_none() && l.statements.is_none());
        assert_eq!(l.pane_at(5, 5), Some(Pane::Detail));
    }
}
