//! The JSON export: a self-contained corpus format v1 sub-corpus that `check` accepts.

use super::{ExportError, Item, TextMode, items};
use crate::load;
use crate::model::{Corpus, CorpusFile};
use crate::text;
use std::collections::HashSet;

/// The self-contained corpus file holding `statements` (indices into `corpus.statements`, kept
/// in the order given), their articles with full bodies (so offsets stay valid), the leaders
/// they mention or who speak them, and every entity any of these reference. Articles, leaders
/// and entities keep corpus order.
pub fn sub_corpus(corpus: &Corpus, statements: &[u32]) -> Result<CorpusFile, ExportError> {
    let items = items(corpus, statements)?;
    Ok(sub_corpus_of(corpus, &items))
}

fn sub_corpus_of(corpus: &Corpus, items: &[Item<'_>]) -> CorpusFile {
    let mut file = CorpusFile::empty();
    let article_ids: HashSet<&str> = items.iter().map(|i| i.article.id.as_str()).collect();
    let mut leader_names: HashSet<&str> = HashSet::new();
    for item in items {
        leader_names.extend(item.statement.leaders().iter().map(|l| l.as_str()));
        if let Some(speaker) = item.statement.speaker.as_deref()
            && corpus.leader(speaker).is_some()
        {
            leader_names.insert(speaker);
        }
    }
    file.articles = corpus
        .articles
        .iter()
        .filter(|a| article_ids.contains(a.id.as_str()))
        .cloned()
        .collect();
    file.leaders = corpus
        .leaders
        .iter()
        .filter(|l| leader_names.contains(l.name.as_str()))
        .cloned()
        .collect();
    let mut entity_ids: HashSet<&str> = HashSet::new();
    entity_ids.extend(file.articles.iter().map(|a| a.speaker_country.as_str()));
    entity_ids.extend(file.leaders.iter().map(|l| l.entity.as_str()));
    for item in items {
        entity_ids.insert(item.statement.speaker_entity.as_str());
        entity_ids.extend(item.statement.targets().iter().map(|t| t.as_str()));
    }
    file.entities = corpus
        .entities
        .iter()
        .filter(|e| entity_ids.contains(e.id.as_str()))
        .cloned()
        .collect();
    file.statements = items.iter().map(|i| i.statement.clone()).collect();
    file
}

/// `json` with every character a terminal could act on written as a `\u` escape. serde_json
/// already escapes C0 controls inside strings (the line breaks left are its layout); the rest
/// (DEL, C1, bidi controls) can only occur inside strings, where an escape denotes the same
/// character.
fn escape_for_terminal(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && text::is_unsafe_char(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub(super) fn json_text(
    corpus: &Corpus,
    items: &[Item<'_>],
    mode: TextMode,
) -> Result<String, ExportError> {
    let file = sub_corpus_of(corpus, items);
    let mut json =
        serde_json::to_string_pretty(&file).map_err(|e| ExportError::Json(e.to_string()))?;
    json.push('\n');
    load::parse_corpus_file("exported corpus", json.as_bytes())
        .map_err(ExportError::InvalidSubCorpus)?;
    Ok(match mode {
        TextMode::Verbatim => json,
        TextMode::Terminal => escape_for_terminal(&json),
    })
}
