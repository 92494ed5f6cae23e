//! Corpus types (format `agenda-corpus`, version 1) and the merged, indexed corpus the app reads.
//!
//! The serde structs here are the file format itself: loading parses straight into them with no
//! intermediate `serde_json::Value`. See `docs/corpus-format.md`.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

mod body;
pub use body::{BodySlice, forget_noted_bodies, note_articles_ahead};
use body::{share_texts, shared_texts};

/// A short string (ids, names, topic phrases) stored inline when it has at most 24 bytes: a
/// million statements then need a few allocations each instead of a dozen.
pub type ShortText = compact_str::CompactString;
use std::collections::HashMap;

/// Positions by id (a fast hash, randomly seeded per process: ids come from corpus files).
pub(crate) type IdIndex = HashMap<String, usize, foldhash::fast::RandomState>;

/// The value of the `format` field every corpus file carries.
pub const FORMAT_NAME: &str = "agenda-corpus";
/// The only corpus format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// One corpus file as it is stored on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusFile {
    /// Always `"agenda-corpus"`.
    pub format: String,
    /// Always `1` for this format.
    pub version: u32,
    /// The source articles, each with its cleaned body.
    #[serde(deserialize_with = "shared_texts::articles")]
    pub articles: Vec<Article>,
    /// Countries, blocs, regions and `GLOBAL`.
    pub entities: Vec<Entity>,
    /// People named in statements.
    pub leaders: Vec<Leader>,
    /// Sentences of article bodies with their annotations (counted as they parse, for a
    /// loading screen: see [`crate::progress`]). Each text is matched against its article's
    /// body as it parses and then shares it (see [`BodySlice`]).
    #[serde(deserialize_with = "shared_texts::statements")]
    pub statements: Vec<Statement>,
}

impl CorpusFile {
    /// An empty corpus with the right format header.
    pub fn empty() -> Self {
        CorpusFile {
            format: FORMAT_NAME.to_string(),
            version: FORMAT_VERSION,
            articles: Vec::new(),
            entities: Vec::new(),
            leaders: Vec::new(),
            statements: Vec::new(),
        }
    }
}

/// A source article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Unique article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Outlet, e.g. "Arirang News".
    pub source: String,
    /// Publication date `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    /// Reporter line, when known.
    pub byline: Option<String>,
    /// The wire dateline that opens the story, as written without its dash or colon
    /// ("WASHINGTON, Jan 13 (Reuters)"), when there is one; it is not part of any statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// Where the article came from, when known.
    pub url: Option<String>,
    /// Entity id of the government whose agenda the article reports.
    pub speaker_country: String,
    /// The cleaned article text; statements are byte ranges of it (and share it).
    #[serde(with = "shared_texts::arc_text")]
    pub body: Arc<str>,
}

/// What sort of place or group an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A state (ISO 3166-1 alpha-3 id).
    Country,
    /// A bloc or organisation: ASEAN, EU, UN, NATO, G7...
    Bloc,
    /// A region: INDO_PACIFIC, NORTHEAST_ASIA, MIDDLE_EAST...
    Region,
    /// Global issues (climate change, developing countries).
    Global,
}

impl EntityKind {
    /// Lower-case name as written in corpus files.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Bloc => "bloc",
            EntityKind::Region => "region",
            EntityKind::Global => "global",
        }
    }
}

/// A country, bloc, region or `GLOBAL`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// ISO 3166-1 alpha-3 for states, upper-case names for blocs and regions.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Country, bloc, region or global.
    pub kind: EntityKind,
    /// Other names the entity goes by.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A person named in statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leader {
    /// Full name; statements refer to leaders by this name.
    pub name: String,
    /// Entity id of the leader's country or organisation.
    pub entity: String,
    /// Office held at the time of the articles, e.g. "President".
    pub role: String,
    /// Other names the leader goes by.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// How a statement conveys its speaker's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// The speaker's own words (with or without quotation marks).
    Quote,
    /// Reported speech: "Moon said that...".
    Reported,
    /// The text's own narration: the reporter's in news, the speaker's in a speech.
    Narrative,
}

impl StatementKind {
    /// Lower-case name as written in corpus files.
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Quote => "quote",
            StatementKind::Reported => "reported",
            StatementKind::Narrative => "narrative",
        }
    }
}

/// One sentence of an article body with its annotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Unique statement id.
    pub id: ShortText,
    /// Id of the article whose body holds the text.
    pub article: ShortText,
    /// The sentence, verbatim: equal to `body[start..end]` (in memory, a slice of the body).
    pub text: BodySlice,
    /// Byte offset of the text in the body.
    pub start: usize,
    /// Byte offset one past the end of the text in the body.
    pub end: usize,
    /// Entity ids the statement is about (possibly empty).
    pub targets: Vec<ShortText>,
    /// Person or body who speaks, when there is one.
    pub speaker: Option<ShortText>,
    /// Entity id of the speaker's government.
    pub speaker_entity: ShortText,
    /// Quote, reported speech or narrative.
    pub kind: StatementKind,
    /// Names of leaders mentioned (each a `leaders[].name`).
    #[serde(default)]
    pub leaders: Vec<ShortText>,
    /// Short topic phrases.
    #[serde(default)]
    pub topics: Vec<ShortText>,
}

/// Several corpus files merged, with lookups from ids to positions.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// A display name: the file name, or "seed corpus".
    pub name: String,
    /// All articles, in file order.
    pub articles: Vec<Article>,
    /// All entities (identical duplicates across files merged).
    pub entities: Vec<Entity>,
    /// All leaders (identical duplicates across files merged).
    pub leaders: Vec<Leader>,
    /// All statements, in file order.
    pub statements: Vec<Statement>,
    article_index: IdIndex,
    entity_index: IdIndex,
    leader_index: IdIndex,
}

impl Corpus {
    /// Build a corpus from already validated parts and index it.
    pub fn from_parts(
        name: String,
        articles: Vec<Article>,
        entities: Vec<Entity>,
        leaders: Vec<Leader>,
        mut statements: Vec<Statement>,
    ) -> Self {
        let article_index: IdIndex = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let entity_index = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let leader_index = leaders
            .iter()
            .enumerate()
            .map(|(i, l)| (l.name.clone(), i))
            .collect();
        share_texts(&articles, &article_index, &mut statements);
        Corpus {
            name,
            articles,
            entities,
            leaders,
            statements,
            article_index,
            entity_index,
            leader_index,
        }
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_index.get(id).map(|&i| &self.articles[i])
    }

    /// Position of the article with this id.
    pub fn article_position(&self, id: &str) -> Option<usize> {
        self.article_index.get(id).copied()
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index.get(id).map(|&i| &self.entities[i])
    }

    /// Position of the entity with this id.
    pub fn entity_position(&self, id: &str) -> Option<usize> {
        self.entity_index.get(id).copied()
    }

    /// Position of the leader with this name.
    pub fn leader_position(&self, name: &str) -> Option<usize> {
        self.leader_index.get(name).copied()
    }

    /// The leader with this name.
    pub fn leader(&self, name: &str) -> Option<&Leader> {
        self.leader_index.get(name).map(|&i| &self.leaders[i])
    }

    /// The display name of an entity id, or the id itself when unknown.
    pub fn entity_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.entity(id).map_or(id, |e| e.name.as_str())
    }

    /// Back into one file-format value (for export and tests).
    pub fn to_file(&self) -> CorpusFile {
        CorpusFile {
            format: FORMAT_NAME.to_string(),
            version: FORMAT_VERSION,
            articles: self.articles.clone(),
            entities: self.entities.clone(),
            leaders: self.leaders.clone(),
            statements: self.statements.clone(),
        }
    }
}

/// True when `s` is a publication date: a year `YYYY`, a month `YYYY-MM` or a calendar date
/// `YYYY-MM-DD` (archives often know only the year or the month).
pub fn is_valid_published(s: &str) -> bool {
    let b = s.as_bytes();
    let year_ok = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) && &s[..4] != "0000";
    match b.len() {
        4 => year_ok,
        7 => {
            year_ok
                && b[4] == b'-'
                && b[5..7].iter().all(u8::is_ascii_digit)
                && matches!(s[5..7].parse::<u32>(), Ok(1..=12))
        }
        _ => is_valid_date(s),
    }
}

/// True when `s` is a valid calendar date written `YYYY-MM-DD`.
pub fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(is_valid_date("2021-01-21"));
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("2021-13-01"));
        assert!(!is_valid_date("2021-1-21"));
        assert!(!is_valid_date("21-01-2021"));
        assert!(!is_valid_date("2021-01-2x"));
        assert!(!is_valid_date("0000-01-01"));
    }

    /// A two-statement file: the first text equals its body slice, the second does not.
    fn file_json(statements_first: bool) -> String {
        let articles = r#""articles": [{"id": "a", "title": "T", "source": "S",
            "published": null, "byline": null, "url": null, "speaker_country": "KOR",
            "body": "One \"two\". Three four."}]"#;
        let statements = r#""statements": [
            {"id": "s1", "article": "a", "text": "One \"two\".", "start": 0, "end": 10,
             "targets": [], "speaker": null, "speaker_entity": "KOR", "kind": "narrative"},
            {"id": "s2", "article": "a", "text": "Three fore.", "start": 11, "end": 22,
             "targets": [], "speaker": null, "speaker_entity": "KOR", "kind": "narrative"}]"#;
        let (first, second) = if statements_first {
            (statements, articles)
        } else {
            (articles, statements)
        };
        format!(
            r#"{{"format": "agenda-corpus", "version": 1, {first}, "entities": [],
            "leaders": [], {second}}}"#
        )
    }

    #[test]
    fn statement_texts_share_their_article_body_when_equal() {
        let file: CorpusFile = serde_json::from_str(&file_json(false)).expect("parses");
        forget_noted_bodies();
        let body = &file.articles[0].body;
        assert!(file.statements[0].text.shares(body), "escaped text, equal");
        assert_eq!(file.statements[0].text, "One \"two\".");
        assert!(!file.statements[1].text.shares(body), "a differing text");
        assert_eq!(file.statements[1].text, "Three fore.", "kept as written");
        let written = serde_json::to_value(&file).expect("serialises");
        assert_eq!(written["statements"][0]["text"], "One \"two\".");
        assert_eq!(written["statements"][1]["text"], "Three fore.");
    }

    #[test]
    fn statements_before_their_articles_are_shared_when_the_corpus_is_built() {
        let file: CorpusFile = serde_json::from_str(&file_json(true)).expect("parses");
        forget_noted_bodies();
        assert!(!file.statements[0].text.shares(&file.articles[0].body));
        let corpus = Corpus::from_parts(
            "c".into(),
            file.articles,
            file.entities,
            file.leaders,
            file.statements,
        );
        let body = &corpus.articles[0].body;
        assert!(corpus.statements[0].text.shares(body));
        assert!(!corpus.statements[1].text.shares(body));
        assert_eq!(corpus.statements[1].text, "Three fore.");
    }

    #[test]
    fn statements_before_their_articles_share_them_when_noted_ahead() {
        let text = file_json(true);
        note_articles_ahead(&text);
        let file: CorpusFile = serde_json::from_str(&text).expect("parses");
        forget_noted_bodies();
        let body = &file.articles[0].body;
        assert!(file.statements[0].text.shares(body), "shared while parsing");
        assert!(!file.statements[1].text.shares(body), "a differing text");
        assert_eq!(file.statements[1].text, "Three fore.");
    }

    #[test]
    fn a_body_slice_is_checked_against_its_body() {
        let body: Arc<str> = Arc::from("añb");
        assert_eq!(BodySlice::of(&body, 0..3).as_deref(), Some("añ"));
        assert!(BodySlice::of(&body, 0..2).is_none(), "inside ñ");
        assert!(BodySlice::of(&body, 2..9).is_none(), "past the end");
        assert_eq!(BodySlice::from("x").to_string(), "x");
    }

    #[test]
    fn published_may_be_a_year_a_month_or_a_date() {
        assert!(is_valid_published("1978"));
        assert!(is_valid_published("1978-09"));
        assert!(is_valid_published("1978-09-29"));
        assert!(!is_valid_published("0000"));
        assert!(!is_valid_published("1978-13"));
        assert!(!is_valid_published("1978-9"));
        assert!(!is_valid_published("78"));
        assert!(!is_valid_published("1978-02-30"));
    }
}
