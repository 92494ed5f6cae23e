//! The content of the detail pane, wrapped to a width: the statement, who said it, what it is
//! about, where it came from, and the sentences around it. Pure, so the app can count lines for
//! scrolling and the UI can draw the very same lines.

use crate::model::{Article, Corpus, Statement, StatementKind};
use crate::text::{sanitize, wrap};

/// How a piece of detail text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The statement itself.
    Statement,
    /// A matched character of the search query inside the statement.
    Match,
    /// A field label ("Speaker").
    Label,
    /// A field value.
    Value,
    /// A section heading.
    Heading,
    /// Context sentences around the statement.
    Dim,
}

/// One styled piece of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Already sanitized text.
    pub text: String,
    /// How to show it.
    pub role: Role,
}

/// One line of the detail pane.
pub type DetailLine = Vec<Piece>;

const LABEL_WIDTH: usize = 9;

fn piece(text: impl Into<String>, role: Role) -> Piece {
    Piece {
        text: text.into(),
        role,
    }
}

/// Wrap `text` to `width` and split it into pieces, marking the chars at `marked` (char indices)
/// with `mark` and the rest with `role`.
fn wrapped_marked(
    text: &str,
    width: usize,
    role: Role,
    marked: &[usize],
    mark: Role,
    indent: usize,
) -> Vec<DetailLine> {
    let clean = sanitize(text);
    let mut out = Vec::new();
    let mut char_base = 0;
    let mut byte_cursor = 0;
    for line in wrap(&clean, width.saturating_sub(indent).max(1)) {
        char_base += clean[byte_cursor..line.start].chars().count();
        let mut pieces: DetailLine = Vec::new();
        if indent > 0 {
            pieces.push(piece(" ".repeat(indent), Role::Value));
        }
        let mut current = String::new();
        let mut current_role = role;
        for (offset, c) in clean[line.start..line.end].chars().enumerate() {
            let r = if marked.binary_search(&(char_base + offset)).is_ok() {
                mark
            } else {
                role
            };
            if r != current_role && !current.is_empty() {
                pieces.push(piece(std::mem::take(&mut current), current_role));
            }
            current_role = r;
            current.push(c);
        }
        if !current.is_empty() {
            pieces.push(piece(current, current_role));
        }
        char_base += clean[line.start..line.end].chars().count();
        byte_cursor = line.end;
        out.push(pieces);
    }
    out
}

/// A labelled field: the label in the first column, the value wrapped beside it.
fn field(out: &mut Vec<DetailLine>, label: &str, value: &str, width: usize) {
    if value.is_empty() {
        return;
    }
    if width <= LABEL_WIDTH + 4 {
        out.push(vec![piece(label, Role::Label)]);
        out.extend(wrapped_marked(
            value,
            width,
            Role::Value,
            &[],
            Role::Value,
            0,
        ));
        return;
    }
    let lines = wrapped_marked(value, width - LABEL_WIDTH, Role::Value, &[], Role::Value, 0);
    for (i, mut line) in lines.into_iter().enumerate() {
        let head = if i == 0 {
            format!("{label:<LABEL_WIDTH$}")
        } else {
            " ".repeat(LABEL_WIDTH)
        };
        line.insert(0, piece(head, Role::Label));
        out.push(line);
    }
}

/// The detail lines of statement `index` of `corpus` at `width` columns, with the characters at
/// `marked` (char positions in the statement text, from the search) highlighted.
pub fn build(corpus: &Corpus, index: usize, marked: &[usize], width: usize) -> Vec<DetailLine> {
    let Some(statement) = corpus.statements.get(index) else {
        return Vec::new();
    };
    let width = width.max(1);
    let mut out = Vec::new();
    out.extend(wrapped_marked(
        &statement.text,
        width,
        Role::Statement,
        marked,
        Role::Match,
        0,
    ));
    out.push(Vec::new());

    facts(&mut out, corpus, statement, width);
    if let Some(article) = corpus.article(&statement.article) {
        source(&mut out, article, width);
        in_context(&mut out, corpus, index, width);
        also_in_article(&mut out, corpus, index, width);
    }
    out
}

/// Who speaks, what kind of statement it is, whom it is about, leaders and topics.
fn facts(out: &mut Vec<DetailLine>, corpus: &Corpus, statement: &Statement, width: usize) {
    let speaker_entity = corpus.entity_name(&statement.speaker_entity);
    // The person's role beside the country the statement is filed under; a person known
    // elsewhere for another country (or with no role) shows that country only, so the line
    // never contradicts the statement's own attribution.
    let speaker = match &statement.speaker {
        Some(name) => match corpus.leader(name) {
            Some(leader)
                if leader.entity == statement.speaker_entity.as_str()
                    && !leader.role.is_empty() =>
            {
                format!("{name} — {}, {speaker_entity}", leader.role)
            }
            _ => format!("{name} ({speaker_entity})"),
        },
        None => format!("{speaker_entity} (no named speaker)"),
    };
    field(out, "Speaker", &speaker, width);
    field(
        out,
        "Kind",
        kind_label(corpus.article(&statement.article), statement),
        width,
    );
    let about = if statement.targets().is_empty() {
        "no specific country".to_string()
    } else {
        statement
            .targets()
            .iter()
            .map(|t| format!("{} ({t})", corpus.entity_name(t)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    field(out, "About", &about, width);
    let leaders = statement
        .leaders()
        .iter()
        .map(|name| match corpus.leader(name) {
            Some(l) => format!("{name} ({}, {})", l.role, corpus.entity_name(&l.entity)),
            None => name.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ");
    field(out, "Leaders", &leaders, width);
    field(out, "Topics", &statement.topics().join("; "), width);
}

/// What a statement's kind says, for the Kind line. A narrative statement is the text's own
/// account, and whose account that is follows from the article's fields, never from its
/// wording: a reporter's when the article credits one (a byline, or a wire dateline); the
/// speaker's own when no reporter is credited and the statement is given to a named person of
/// the article's own government (a speech ingested with its speaker, a minister's release);
/// the text's account of a person of another government named as its speaker; otherwise the
/// text's own, with no reporter credited.
pub fn kind_label(article: Option<&Article>, statement: &Statement) -> &'static str {
    match statement.kind {
        StatementKind::Quote => "quote — the speaker's own words",
        StatementKind::Reported => "reported speech",
        StatementKind::Narrative => match article {
            Some(a) if a.byline.is_some() || a.dateline.is_some() => {
                "narrative — the reporter's account"
            }
            Some(a)
                if statement.speaker.is_some() && statement.speaker_entity == a.speaker_country =>
            {
                "narrative — the speaker's own account"
            }
            // A person of another government, named but not quoted.
            Some(_) if statement.speaker.is_some() => {
                "narrative — the text's account of the person named"
            }
            _ => "narrative — the text's own account",
        },
    }
}

/// The article's title, outlet, byline, date, dateline and url.
fn source(out: &mut Vec<DetailLine>, article: &Article, width: usize) {
    field(out, "Article", &article.title, width);
    let mut credit = article.source.clone();
    if let Some(byline) = &article.byline {
        credit.push_str(" · ");
        credit.push_str(byline);
    }
    if let Some(date) = &article.published {
        credit.push_str(" · ");
        credit.push_str(date);
    }
    field(out, "Source", &credit, width);
    if let Some(dateline) = &article.dateline {
        field(out, "Dateline", dateline, width);
    }
    if let Some(url) = &article.url {
        field(out, "URL", url, width);
    }
}

/// The statement between its neighbours from the same article, when it has any.
fn in_context(out: &mut Vec<DetailLine>, corpus: &Corpus, index: usize, width: usize) {
    let statement = &corpus.statements[index];
    let neighbour = |i: Option<usize>| {
        i.and_then(|i| corpus.statements.get(i))
            .filter(|s| s.article == statement.article)
    };
    let before = neighbour(index.checked_sub(1));
    let after = neighbour(index.checked_add(1));
    if before.is_some() || after.is_some() {
        out.push(Vec::new());
        out.push(vec![piece("In context", Role::Heading)]);
        if let Some(s) = before {
            out.extend(wrapped_marked(&s.text, width, Role::Dim, &[], Role::Dim, 2));
        }
        out.extend(wrapped_marked(
            &statement.text,
            width,
            Role::Value,
            &[],
            Role::Value,
            2,
        ));
        if let Some(s) = after {
            out.extend(wrapped_marked(&s.text, width, Role::Dim, &[], Role::Dim, 2));
        }
    }
}

/// For each target, the article's other statements about it.
fn also_in_article(out: &mut Vec<DetailLine>, corpus: &Corpus, index: usize, width: usize) {
    let statement = &corpus.statements[index];
    for target in statement.targets() {
        let others = same_article_about(corpus, index, target);
        if others.is_empty() {
            continue;
        }
        out.push(Vec::new());
        let heading = format!("Also in this article about {}", corpus.entity_name(target));
        out.extend(wrapped_marked(
            &heading,
            width,
            Role::Heading,
            &[],
            Role::Heading,
            0,
        ));
        for other in others {
            let text = format!("• {}", corpus.statements[other].text);
            out.extend(wrapped_marked(&text, width, Role::Dim, &[], Role::Dim, 2));
        }
    }
}

/// How far from a statement the article's other statements are looked for (articles are stored
/// contiguously; this bounds the work per drawn frame on huge corpora).
const SAME_ARTICLE_WINDOW: usize = 400;
/// At most this many other statements are listed per target.
const SAME_ARTICLE_LIMIT: usize = 5;

/// Other statements of the same article that target `target`, the nearest ones, in article order.
fn same_article_about(corpus: &Corpus, index: usize, target: &str) -> Vec<usize> {
    let statements = &corpus.statements;
    let article = &statements[index].article;
    let low = index.saturating_sub(SAME_ARTICLE_WINDOW);
    let high = (index + SAME_ARTICLE_WINDOW).min(statements.len().saturating_sub(1));
    let mut found: Vec<usize> = (low..=high)
        .filter(|&i| i != index)
        .filter(|&i| {
            statements[i].article == *article && statements[i].targets().iter().any(|t| t == target)
        })
        .collect();
    found.sort_by_key(|&i| i.abs_diff(index));
    found.truncate(SAME_ARTICLE_LIMIT);
    found.sort_unstable();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[DetailLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn the_dateline_has_its_own_line_when_the_article_has_one() {
        let mut corpus = crate::load::embedded_seed().expect("seed");
        let before = text(&build(&corpus, 0, &[], 80));
        assert!(!before.iter().any(|l| l.starts_with("Dateline")));
        corpus.articles[0].dateline = Some("SEOUL, Jan. 21 (Arirang)\u{1b}[2J".into());
        let after = text(&build(&corpus, 0, &[], 80));
        let source = after
            .iter()
            .position(|l| l.starts_with("Source"))
            .expect("source");
        assert!(
            after[source + 1].starts_with("Dateline SEOUL, Jan. 21 (Arirang)"),
            "{after:#?}"
        );
        assert!(!after[source + 1].contains('\u{1b}'));
    }
}
