//! The reader: one article or speech whole, scrolled line by line, stepped statement by
//! statement with `n`/`N`, its URL handed to the system opener with `o`. Esc gives back the
//! panes exactly as they were (the reader is an overlay; nothing under it changes).

use super::*;
use crate::reader::{GUTTER, ReaderView};
use std::sync::Arc;

/// The reader's state while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    /// Position of the article in `Corpus::articles`.
    pub article: usize,
    /// First drawn line.
    pub scroll: usize,
    /// The statement stepped to (corpus index), drawn highlighted.
    pub current: Option<u32>,
    /// The article laid out at `width` columns, built once when the reader opens (and again
    /// when the width changes), so scrolling and stepping do not lay it out again.
    pub view: Arc<ReaderView>,
    /// The width `view` was laid out for.
    pub width: usize,
    /// What closing the reader goes back to (the compare view it was opened from), else the
    /// panes.
    pub back: Option<Box<Overlay>>,
}

impl App {
    /// The reader, while it is open.
    pub fn reader(&self) -> Option<&Reader> {
        match &self.overlay {
            Overlay::Reader(reader) => Some(reader),
            _ => None,
        }
    }

    /// The statements of an article (corpus indices, in corpus order).
    pub fn article_statements(&self, article: usize) -> &[u32] {
        self.article_statements
            .get(article)
            .map_or(&[][..], Vec::as_slice)
    }

    /// The position in `Corpus::articles` of the selected statement's article.
    pub fn selected_article(&self) -> Option<usize> {
        let statement = self.selected_statement_index()?;
        let article = *self.statement_article.get(statement as usize)?;
        (article != u32::MAX).then_some(article as usize)
    }

    /// The reader's screen area: the whole screen less the footer, inside a border.
    pub fn reader_text_size(&self) -> (usize, usize) {
        let (width, height) = self.size;
        (
            usize::from(width).saturating_sub(2),
            usize::from(height).saturating_sub(3),
        )
    }

    /// The article laid out at the reader's width, search hits marked.
    pub fn reader_view(&self, article: usize) -> ReaderView {
        let (width, _) = self.reader_text_size();
        crate::reader::build(
            &self.corpus,
            article,
            self.article_statements(article),
            &|s| self.highlight_positions(s),
            width,
        )
    }

    /// Open the reader on the selected statement's article, scrolled to that statement.
    pub(super) fn open_reader(&mut self) -> bool {
        match self.selected_statement_index() {
            Some(statement) => self.open_reader_on(statement, None),
            None => {
                self.status = Some("Nothing to read: no statement selected".to_string());
                true
            }
        }
    }

    /// Open the reader on `statement`'s article, scrolled to it; closing it gives back `back`
    /// (else the panes).
    pub(super) fn open_reader_on(&mut self, statement: u32, back: Option<Box<Overlay>>) -> bool {
        let Some(article) = self
            .statement_article
            .get(statement as usize)
            .filter(|&&a| a != u32::MAX)
            .map(|&a| a as usize)
        else {
            self.status = Some("Nothing to read: the statement has no article".to_string());
            return true;
        };
        let view = self.reader_view(article);
        let scroll = line_of(&view, statement).map_or(0, |line| line.saturating_sub(2));
        self.overlay = Overlay::Reader(Reader {
            article,
            scroll,
            current: Some(statement),
            view: Arc::new(view),
            width: self.reader_text_size().0,
            back,
        });
        self.clamp_reader_scroll();
        true
    }

    /// Keys while the reader is open.
    pub(super) fn on_reader_key(&mut self, action: Action) -> bool {
        let Some(reader) = self.reader().cloned() else {
            return false;
        };
        let page = (self.reader_text_size().1 / 2).max(1) as isize;
        match action {
            Action::Back | Action::Quit | Action::OpenReader => {
                self.overlay = reader.back.map_or(Overlay::None, |back| *back);
            }
            Action::ForceQuit => self.effects.push(Effect::Quit),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::MoveDown => self.scroll_reader(1),
            Action::MoveUp => self.scroll_reader(-1),
            Action::HalfPageDown => self.scroll_reader(page),
            Action::HalfPageUp => self.scroll_reader(-page),
            Action::Top => self.scroll_reader(isize::MIN / 2),
            Action::Bottom => self.scroll_reader(isize::MAX / 2),
            Action::NextStatement => self.step_statement(&reader, 1),
            Action::PreviousStatement => self.step_statement(&reader, -1),
            Action::OpenUrl => self.open_url(reader.article),
            _ => return false,
        }
        true
    }

    pub(super) fn scroll_reader(&mut self, delta: isize) {
        if let Overlay::Reader(reader) = &mut self.overlay {
            reader.scroll = (reader.scroll as isize).saturating_add(delta).max(0) as usize;
        }
        self.clamp_reader_scroll();
    }

    /// Keep the reader's scroll within its lines, laying the article out again first when the
    /// width changed (the current statement stays in view).
    pub(super) fn clamp_reader_scroll(&mut self) {
        let (width, height) = self.reader_text_size();
        let Some(reader) = self.reader() else {
            return;
        };
        let relaid = (reader.width != width).then(|| {
            let view = self.reader_view(reader.article);
            let line = reader.current.and_then(|s| line_of(&view, s));
            (view, line)
        });
        if let Overlay::Reader(reader) = &mut self.overlay {
            if let Some((view, line)) = relaid {
                reader.view = Arc::new(view);
                reader.width = width;
                if let Some(line) = line {
                    reader.scroll = line.saturating_sub(2);
                }
            }
            reader.scroll = reader
                .scroll
                .min(reader.view.lines.len().saturating_sub(height));
        }
    }

    /// Step to the next (`delta` 1) or previous (-1) statement of the article, wrapping, and
    /// scroll it into view.
    fn step_statement(&mut self, reader: &Reader, delta: isize) {
        let order = &reader.view.statement_lines;
        if order.is_empty() {
            return;
        }
        let at = reader
            .current
            .and_then(|s| order.iter().position(|&(o, _)| o == s));
        let next = match at {
            Some(i) => step(i, delta, order.len(), true),
            None if delta > 0 => 0,
            None => order.len() - 1,
        };
        let (statement, line) = order[next];
        let height = self.reader_text_size().1;
        if let Overlay::Reader(open) = &mut self.overlay {
            open.current = Some(statement);
            if line < open.scroll || line + 2 > open.scroll + height {
                open.scroll = line.saturating_sub(2);
            }
        }
        self.clamp_reader_scroll();
    }

    /// Ask the shell to open the article's URL; without one, say so and do nothing.
    pub(super) fn open_url(&mut self, article: usize) {
        match self
            .corpus
            .articles
            .get(article)
            .and_then(|a| a.url.clone())
        {
            Some(url) if !url.trim().is_empty() => self.effects.push(Effect::OpenUrl(url)),
            _ => self.status = Some("This article has no URL: nothing opened".to_string()),
        }
    }

    /// `o` in the panes: open the selected statement's article URL.
    pub(super) fn open_selected_url(&mut self) {
        match self.selected_article() {
            Some(article) => self.open_url(article),
            None => self.status = Some("Nothing to open: no statement selected".to_string()),
        }
    }

    /// Columns of the reader's text (its width less the gutter).
    pub fn reader_text_width(&self) -> usize {
        self.reader_text_size().0.saturating_sub(GUTTER)
    }
}

/// The line a statement starts on.
pub fn line_of(view: &ReaderView, statement: u32) -> Option<usize> {
    view.statement_lines
        .iter()
        .find(|&&(s, _)| s == statement)
        .map(|&(_, line)| line)
}
