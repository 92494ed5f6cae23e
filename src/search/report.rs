//! Output of the headless `search` command: text lines or JSON Lines.

use super::{Hit, QueryError, SearchIndex, search, try_parse_query};
use crate::model::Corpus;
use std::io::Write;

use crate::text::sanitize;

/// One result as a tab-separated text line: score (0–100), statement id, target ids (comma-separated)
/// and text, each sanitized.
pub fn text_line(corpus: &Corpus, hit: &Hit) -> String {
    let Some(statement) = corpus.statements.get(hit.statement as usize) else {
        return String::new();
    };
    format!(
        "{}\t{}\t{}\t{}",
        hit.score,
        sanitize(&statement.id),
        sanitize(&statement.targets().join(",")),
        sanitize(&statement.text)
    )
}

/// One result as a JSON object: `id`, `score`, `targets`, `leaders`, `topics`, `article`,
/// `speaker`, `speaker_entity`, `kind` and `text`.
pub fn json_line(corpus: &Corpus, hit: &Hit) -> String {
    let Some(s) = corpus.statements.get(hit.statement as usize) else {
        return String::new();
    };
    serde_json::json!({
        "id": s.id,
        "score": hit.score,
        "targets": s.targets(),
        "leaders": s.leaders(),
        "topics": s.topics(),
        "article": s.article,
        "speaker": s.speaker,
        "speaker_entity": s.speaker_entity,
        "kind": s.kind.as_str(),
        "text": s.text,
    })
    .to_string()
}

/// Search `corpus` for `query` and write at most `limit` results (all when 0) to `out`, one per
/// line, as text or JSON Lines. Returns whether anything matched, or the query's error (a bad
/// filter) before writing anything. Stops quietly when `out` fails (a closed pipe).
pub fn write_results(
    corpus: &Corpus,
    query: &str,
    limit: usize,
    json: bool,
    out: &mut dyn Write,
) -> Result<bool, QueryError> {
    let query = try_parse_query(query)?;
    let index = SearchIndex::new(corpus);
    let hits = search(&index, &query, None);
    let shown = if limit == 0 { hits.len() } else { limit };
    for hit in hits.iter().take(shown) {
        let line = if json {
            json_line(corpus, hit)
        } else {
            text_line(corpus, hit)
        };
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    let _ = out.flush();
    Ok(!hits.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lines_carry_no_control_characters() {
        let mut corpus = crate::load::embedded_seed().expect("seed");
        corpus.statements[0].text = "a\u{1b}[2Jb\u{9b}c\u{202e}".into();
        let line = text_line(
            &corpus,
            &Hit {
                statement: 0,
                score: 1,
            },
        );
        assert!(line.ends_with("a␛[2Jb\u{fffd}c\u{fffd}"), "{line}");
    }
}
