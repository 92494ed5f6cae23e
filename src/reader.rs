//! The reader's lines: a whole article body wrapped to a width, its statements marked by kind
//! with a note of who speaks about whom, and search hits marked. Built from `&Corpus`; pure.

use crate::model::{Corpus, StatementKind};
use crate::text::{sanitize, wrap};

/// What a piece of a reader line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReaderRole {
    /// The headline.
    Title,
    /// Source, date, byline, URL.
    Meta,
    /// Body text outside every statement.
    Body,
    /// Text of a statement of this kind.
    Statement(StatementKind),
    /// Characters of a statement that match the search.
    Hit,
    /// The note under a statement: its kind, speaker and targets.
    Note,
}

/// A run of text with one role; `statement` is the corpus index of the statement it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderSpan {
    /// The text, sanitised.
    pub text: String,
    /// What it is.
    pub role: ReaderRole,
    /// The statement it belongs to, if any.
    pub statement: Option<u32>,
}

/// One drawn line of the reader.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReaderLine {
    /// The kind of the statement that starts on this line (drawn in the gutter).
    pub starts: Option<StatementKind>,
    /// The runs of text, left to right.
    pub spans: Vec<ReaderSpan>,
}

/// An article laid out for reading.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReaderView {
    /// The lines, top to bottom.
    pub lines: Vec<ReaderLine>,
    /// Each statement of the article in body order, with the line it starts on.
    pub statement_lines: Vec<(u32, usize)>,
}

/// Columns the gutter takes (kind marker and a space).
pub const GUTTER: usize = 2;

/// A statement of the article with its byte range in the body and its hits as body byte ranges.
struct Marked {
    index: u32,
    start: usize,
    end: usize,
    kind: StatementKind,
    hits: Vec<(usize, usize)>,
}

/// Lay out article `article` at `width` columns (the gutter included). `statements` are the
/// corpus indices of the article's statements (any order); `hits(s)` gives the char positions
/// of statement `s`'s text that match the search (empty when not searching).
pub fn build(
    corpus: &Corpus,
    article: usize,
    statements: &[u32],
    hits: &dyn Fn(u32) -> Vec<usize>,
    width: usize,
) -> ReaderView {
    let mut view = ReaderView::default();
    let Some(source) = corpus.articles.get(article) else {
        return view;
    };
    let text_width = width.saturating_sub(GUTTER).max(1);
    let body = &*source.body;
    let marked = marked_statements(corpus, body, statements, hits);
    header_lines(&mut view, source, text_width);
    let mut next = 0;
    let mut paragraph_start = 0;
    let mut blank_before = false;
    for paragraph in body.split('\n') {
        let offset = paragraph_start;
        paragraph_start += paragraph.len() + 1;
        if paragraph.trim().is_empty() {
            blank_before = true;
            continue;
        }
        if blank_before && !view.lines.is_empty() {
            view.lines.push(ReaderLine::default());
        }
        blank_before = false;
        // Each statement starts a line of its own, so its gutter mark and note are its alone.
        let paragraph_end = offset + paragraph.len();
        let mut cuts: Vec<usize> = marked
            .iter()
            .map(|m| m.start)
            .filter(|&c| c > offset && c < paragraph_end)
            .collect();
        cuts.dedup();
        cuts.push(paragraph_end);
        let mut piece_start = offset;
        for cut in cuts {
            let piece = &body[piece_start..cut];
            let lead = piece.len() - piece.trim_start().len();
            for wrapped in wrap(piece.trim_start(), text_width) {
                let start = piece_start + lead + wrapped.start;
                let end = piece_start + lead + wrapped.end;
                if start >= end {
                    continue;
                }
                let line = body_line(body, start, end, &marked, &mut view, next);
                view.lines.push(line);
                next = push_notes(&mut view, corpus, &marked, next, end);
            }
            next = push_notes(&mut view, corpus, &marked, next, cut);
            piece_start = cut;
        }
    }
    view
}

/// The notes of the statements from `next` on that end by byte `end`; the first left open.
fn push_notes(
    view: &mut ReaderView,
    corpus: &Corpus,
    marked: &[Marked],
    mut next: usize,
    end: usize,
) -> usize {
    while next < marked.len() && marked[next].end <= end {
        view.lines.push(note_line(corpus, marked[next].index));
        next += 1;
    }
    next
}

fn marked_statements(
    corpus: &Corpus,
    body: &str,
    statements: &[u32],
    hits: &dyn Fn(u32) -> Vec<usize>,
) -> Vec<Marked> {
    let mut marked: Vec<Marked> = statements
        .iter()
        .filter_map(|&index| {
            let statement = corpus.statements.get(index as usize)?;
            let (start, end) = (statement.start, statement.end.min(body.len()));
            if start >= end || !body.is_char_boundary(start) || !body.is_char_boundary(end) {
                return None;
            }
            let positions = hits(index);
            let mut ranges = Vec::new();
            if !positions.is_empty() {
                for (i, (at, c)) in body[start..end].char_indices().enumerate() {
                    if positions.binary_search(&i).is_ok() {
                        ranges.push((start + at, start + at + c.len_utf8()));
                    }
                }
            }
            Some(Marked {
                index,
                start,
                end,
                kind: statement.kind,
                hits: ranges,
            })
        })
        .collect();
    marked.sort_by_key(|m| (m.start, m.end));
    marked
}

fn header_lines(view: &mut ReaderView, article: &crate::model::Article, width: usize) {
    let plain = |text: String, role| ReaderLine {
        starts: None,
        spans: vec![ReaderSpan {
            text,
            role,
            statement: None,
        }],
    };
    let title = sanitize(&article.title).into_owned();
    for line in wrap(&title, width) {
        view.lines.push(plain(
            title[line.start..line.end].to_string(),
            ReaderRole::Title,
        ));
    }
    let mut meta = vec![sanitize(&article.source).into_owned()];
    meta.extend(
        article
            .published
            .as_deref()
            .map(|d| sanitize(d).into_owned()),
    );
    meta.extend(article.byline.as_deref().map(|b| sanitize(b).into_owned()));
    meta.extend(
        article
            .dateline
            .as_deref()
            .map(|d| sanitize(d).into_owned()),
    );
    let meta = meta.join(" · ");
    for line in wrap(&meta, width) {
        view.lines.push(plain(
            meta[line.start..line.end].to_string(),
            ReaderRole::Meta,
        ));
    }
    if let Some(url) = &article.url {
        view.lines
            .push(plain(sanitize(url).into_owned(), ReaderRole::Meta));
    }
    view.lines.push(ReaderLine::default());
}

/// The body bytes `start..end` as spans, split where statements and hits begin and end.
fn body_line(
    body: &str,
    start: usize,
    end: usize,
    marked: &[Marked],
    view: &mut ReaderView,
    from: usize,
) -> ReaderLine {
    let mut line = ReaderLine::default();
    let line_number = view.lines.len();
    let mut cuts = vec![start, end];
    let overlapping: Vec<&Marked> = marked[from.min(marked.len())..]
        .iter()
        .take_while(|m| m.start < end)
        .filter(|m| m.end > start)
        .collect();
    for m in &overlapping {
        if m.start >= start && m.start < end {
            line.starts.get_or_insert(m.kind);
            view.statement_lines.push((m.index, line_number));
        }
        cuts.extend([m.start, m.end]);
        for &(a, b) in &m.hits {
            cuts.extend([a, b]);
        }
    }
    cuts.retain(|&c| c >= start && c <= end);
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let owner = overlapping.iter().find(|m| m.start <= a && a < m.end);
        let role = match owner {
            Some(m) if m.hits.iter().any(|&(h, e)| h <= a && a < e) => ReaderRole::Hit,
            Some(m) => ReaderRole::Statement(m.kind),
            None => ReaderRole::Body,
        };
        let text = sanitize(&body[a..b]).into_owned();
        match line.spans.last_mut() {
            Some(last) if last.role == role && last.statement == owner.map(|m| m.index) => {
                last.text.push_str(&text)
            }
            _ => line.spans.push(ReaderSpan {
                text,
                role,
                statement: owner.map(|m| m.index),
            }),
        }
    }
    line
}

/// `↳ reported · Moon Jae-in (KOR) → Japan, United States`.
fn note_line(corpus: &Corpus, index: u32) -> ReaderLine {
    let statement = &corpus.statements[index as usize];
    let mut text = format!("↳ {}", statement.kind.as_str());
    let speaker = match &statement.speaker {
        Some(name) => format!("{name} ({})", statement.speaker_entity),
        None => corpus.entity_name(&statement.speaker_entity).to_string(),
    };
    text.push_str(&format!(" · {speaker}"));
    if !statement.targets.is_empty() {
        let targets: Vec<&str> = statement
            .targets
            .iter()
            .map(|t| corpus.entity_name(t))
            .collect();
        text.push_str(&format!(" → {}", targets.join(", ")));
    }
    ReaderLine {
        starts: None,
        spans: vec![ReaderSpan {
            text: sanitize(&text).into_owned(),
            role: ReaderRole::Note,
            statement: Some(index),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Corpus {
        crate::load::embedded_seed().expect("seed")
    }

    fn all_statements(corpus: &Corpus) -> Vec<u32> {
        (0..corpus.statements.len() as u32).collect()
    }

    fn text_of(line: &ReaderLine) -> String {
        line.spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn every_statement_is_marked_once_in_body_order_with_a_note() {
        let corpus = seed();
        let view = build(&corpus, 0, &all_statements(&corpus), &|_| Vec::new(), 60);
        let order: Vec<u32> = view.statement_lines.iter().map(|&(s, _)| s).collect();
        let mut by_start = all_statements(&corpus);
        by_start.sort_by_key(|&s| corpus.statements[s as usize].start);
        assert_eq!(order, by_start);
        let notes = view
            .lines
            .iter()
            .filter(|l| l.spans.iter().any(|s| s.role == ReaderRole::Note))
            .count();
        assert_eq!(notes, corpus.statements.len());
        for &(s, line) in &view.statement_lines {
            assert!(view.lines[line].starts.is_some(), "gutter marks {s}");
            assert!(
                view.lines[line]
                    .spans
                    .iter()
                    .any(|span| span.statement == Some(s)),
                "statement {s} is on its line"
            );
        }
        for line in &view.lines {
            assert!(crate::text::str_width(&text_of(line)) <= 58, "{line:?}");
        }
    }

    #[test]
    fn the_header_names_the_dateline_when_the_article_has_one() {
        let mut corpus = seed();
        let header = |corpus: &Corpus| -> String {
            let view = build(corpus, 0, &all_statements(corpus), &|_| Vec::new(), 40);
            view.lines
                .iter()
                .filter(|l| l.spans.iter().any(|s| s.role == ReaderRole::Meta))
                .map(text_of)
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert!(!header(&corpus).contains("SEOUL"));
        corpus.articles[0].dateline = Some("SEOUL, Jan. 21 (Arirang)".into());
        let view = build(&corpus, 0, &all_statements(&corpus), &|_| Vec::new(), 40);
        let meta = view
            .lines
            .iter()
            .map(text_of)
            .filter(|l| l.contains("Arirang"));
        assert!(
            meta.clone().count() >= 2,
            "the meta line wraps at 40 columns"
        );
        assert!(meta.clone().all(|l| crate::text::str_width(&l) <= 38));
        assert!(
            header(&corpus).contains("· SEOUL, Jan. 21 (Arirang)"),
            "{}",
            header(&corpus)
        );
    }

    #[test]
    fn hits_are_marked_inside_their_statement() {
        let corpus = seed();
        let statement = 0u32;
        let hits = |s: u32| {
            if s == statement {
                vec![0, 1, 2]
            } else {
                Vec::new()
            }
        };
        let view = build(&corpus, 0, &all_statements(&corpus), &hits, 80);
        let hit: String = view
            .lines
            .iter()
            .flat_map(|l| &l.spans)
            .filter(|s| s.role == ReaderRole::Hit)
            .map(|s| s.text.as_str())
            .collect();
        let expected: String = corpus.statements[0].text.chars().take(3).collect();
        assert_eq!(hit, expected);
    }

    #[test]
    fn a_missing_article_or_a_zero_width_does_not_panic() {
        let corpus = seed();
        assert!(
            build(&corpus, 99, &[], &|_| Vec::new(), 80)
                .lines
                .is_empty()
        );
        let narrow = build(&corpus, 0, &all_statements(&corpus), &|_| Vec::new(), 0);
        assert!(!narrow.lines.is_empty());
    }
}
