//! The self-contained checks of one corpus file: ids, references, offsets, text, dates.

use super::{Location, Problem, Problems};
use crate::model::{CorpusFile, is_valid_published};
use std::collections::HashMap;

/// Every self-contained check of one corpus file: ids, references, offsets, text, dates.
pub(super) fn validate_file(file: &str, corpus: &CorpusFile, problems: &mut Problems) {
    let field =
        |path: String, message: String| Problem::new(file, Location::Field(path, None), message);
    let entity_ids = check_entities(corpus, problems, &field);
    let leader_names = check_leaders(corpus, &entity_ids, problems, &field);
    let article_ids = check_articles(corpus, &entity_ids, problems, &field);
    let known = Known {
        entity_ids: &entity_ids,
        leader_names: &leader_names,
        article_ids: &article_ids,
    };
    check_statements(corpus, &known, problems, &field);
}

/// A problem at a field path, with its message.
type FieldProblem<'f> = &'f dyn Fn(String, String) -> Problem;
/// Position of each id (or name) in its list.
type Ids<'a> = HashMap<&'a str, usize, foldhash::fast::RandomState>;

/// The ids a statement may refer to.
struct Known<'k, 'a> {
    entity_ids: &'k Ids<'a>,
    leader_names: &'k Ids<'a>,
    article_ids: &'k Ids<'a>,
}

/// Entities: ids and names present, ids unique. Returns where each id is.
fn check_entities<'a>(
    corpus: &'a CorpusFile,
    problems: &mut Problems,
    field: FieldProblem<'_>,
) -> Ids<'a> {
    let mut entity_ids: Ids<'a> = Ids::default();
    for (i, entity) in corpus.entities.iter().enumerate() {
        if entity.id.trim().is_empty() {
            problems.push(field(format!("entities[{i}].id"), "empty id".into()));
        }
        if entity.name.trim().is_empty() {
            problems.push(field(format!("entities[{i}].name"), "empty name".into()));
        }
        if let Some(first) = entity_ids.insert(&entity.id, i) {
            problems.push(field(
                format!("entities[{i}].id"),
                format!(
                    "duplicate entity id \"{}\" (first at entities[{first}])",
                    entity.id
                ),
            ));
        }
    }
    entity_ids
}

/// Leaders: names present and unique, entities known. Returns where each name is.
fn check_leaders<'a>(
    corpus: &'a CorpusFile,
    entity_ids: &Ids<'_>,
    problems: &mut Problems,
    field: FieldProblem<'_>,
) -> Ids<'a> {
    let mut leader_names: Ids<'a> = Ids::default();
    for (i, leader) in corpus.leaders.iter().enumerate() {
        if leader.name.trim().is_empty() {
            problems.push(field(format!("leaders[{i}].name"), "empty name".into()));
        }
        if let Some(first) = leader_names.insert(&leader.name, i) {
            problems.push(field(
                format!("leaders[{i}].name"),
                format!(
                    "duplicate leader \"{}\" (first at leaders[{first}])",
                    leader.name
                ),
            ));
        }
        if !entity_ids.contains_key(leader.entity.as_str()) {
            problems.push(field(
                format!("leaders[{i}].entity"),
                format!("unknown entity \"{}\"", leader.entity),
            ));
        }
    }
    leader_names
}

/// Articles: ids present and unique, speaker country known, `published` a date, a dateline one
/// line. Returns where each id is.
fn check_articles<'a>(
    corpus: &'a CorpusFile,
    entity_ids: &Ids<'_>,
    problems: &mut Problems,
    field: FieldProblem<'_>,
) -> Ids<'a> {
    let mut article_ids: Ids<'a> = Ids::default();
    for (i, article) in corpus.articles.iter().enumerate() {
        if article.id.trim().is_empty() {
            problems.push(field(format!("articles[{i}].id"), "empty id".into()));
        }
        if let Some(first) = article_ids.insert(&article.id, i) {
            problems.push(field(
                format!("articles[{i}].id"),
                format!(
                    "duplicate article id \"{}\" (first at articles[{first}])",
                    article.id
                ),
            ));
        }
        if !entity_ids.contains_key(article.speaker_country.as_str()) {
            problems.push(field(
                format!("articles[{i}].speaker_country"),
                format!("unknown entity \"{}\"", article.speaker_country),
            ));
        }
        if let Some(dateline) = &article.dateline
            && (dateline.trim().is_empty() || dateline.contains(['\n', '\r']))
        {
            problems.push(field(
                format!("articles[{i}].dateline"),
                "a dateline is one line of text, not empty".into(),
            ));
        }
        if let Some(date) = &article.published
            && !is_valid_published(date)
        {
            problems.push(field(
                format!("articles[{i}].published"),
                format!("invalid date \"{date}\", expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ));
        }
    }
    article_ids
}

/// Statements: ids unique, text inside its article's body, every reference known.
fn check_statements(
    corpus: &CorpusFile,
    known: &Known<'_, '_>,
    problems: &mut Problems,
    field: FieldProblem<'_>,
) {
    let Known {
        entity_ids,
        leader_names,
        article_ids,
    } = *known;
    let mut statement_ids: Ids<'_> = Ids::default();
    for (i, statement) in corpus.statements.iter().enumerate() {
        let at = |name: &str| format!("statements[{i}].{name}");
        if statement.id.trim().is_empty() {
            problems.push(field(at("id"), "empty id".into()));
        }
        if let Some(first) = statement_ids.insert(&statement.id, i) {
            problems.push(field(
                at("id"),
                format!(
                    "duplicate statement id \"{}\" (first at statements[{first}])",
                    statement.id
                ),
            ));
        }
        if statement.text.is_empty() {
            problems.push(field(at("text"), "empty text".into()));
        }
        match article_ids.get(statement.article.as_str()) {
            None => problems.push(field(
                at("article"),
                format!("unknown article \"{}\"", statement.article),
            )),
            Some(&a) => check_span(&corpus.articles[a].body, statement, &at, problems, field),
        }
        for (t, target) in statement.targets.iter().enumerate() {
            if !entity_ids.contains_key(target.as_str()) {
                problems.push(field(
                    format!("statements[{i}].targets[{t}]"),
                    format!("unknown entity \"{target}\""),
                ));
            }
        }
        if !entity_ids.contains_key(statement.speaker_entity.as_str()) {
            problems.push(field(
                at("speaker_entity"),
                format!("unknown entity \"{}\"", statement.speaker_entity),
            ));
        }
        for (l, leader) in statement.leaders.iter().enumerate() {
            if !leader_names.contains_key(leader.as_str()) {
                problems.push(field(
                    format!("statements[{i}].leaders[{l}]"),
                    format!("unknown leader \"{leader}\""),
                ));
            }
        }
        for (t, topic) in statement.topics.iter().enumerate() {
            if topic.trim().is_empty() {
                problems.push(field(
                    format!("statements[{i}].topics[{t}]"),
                    "empty topic".into(),
                ));
            }
        }
    }
}

/// `start`/`end` inside the body, on character boundaries, and `text` equal to the slice.
fn check_span(
    body: &str,
    statement: &crate::model::Statement,
    at: &dyn Fn(&str) -> String,
    problems: &mut Problems,
    field: &dyn Fn(String, String) -> Problem,
) {
    let (start, end) = (statement.start, statement.end);
    if start > end {
        problems.push(field(
            at("start"),
            format!("start {start} is after end {end}"),
        ));
        return;
    }
    if end > body.len() {
        problems.push(field(
            at("end"),
            format!(
                "end {end} is past the end of the article body ({} bytes)",
                body.len()
            ),
        ));
        return;
    }
    for (name, offset) in [("start", start), ("end", end)] {
        if !body.is_char_boundary(offset) {
            problems.push(field(
                at(name),
                format!("{name} {offset} is not on a character boundary of the body"),
            ));
            return;
        }
    }
    if body[start..end] != statement.text {
        problems.push(field(
            at("text"),
            format!("text is not equal to the article body at {start}..{end}"),
        ));
    }
}
