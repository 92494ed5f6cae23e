//! Export: choose statements with a filter and write them, each with its citation (outlet, byline,
//! date, url), as Markdown, CSV (RFC 4180) or a corpus format v1 sub-corpus that `check` accepts.
//!
//! Pure: [`select`] and [`render`] compute text; writing it is the caller's
//! (`commands::export`, or the browser's effects).

use crate::load::{self, LoadError};
use crate::model::{Article, Corpus, CorpusFile, Statement};
use crate::text;
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// The formats statements can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown, readable as is: a heading per article with its citation, a quote block per
    /// statement.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// CSV (RFC 4180), one row per statement with a header row.
    Csv,
    /// A corpus format v1 file holding the statements, their articles and what they reference.
    Json,
}

impl ExportFormat {
    /// Every format, in the order a prompt offers them.
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::Markdown,
        ExportFormat::Csv,
        ExportFormat::Json,
    ];

    /// The usual file name extension, without the dot: `md`, `csv`, `json`.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Which statements to export. Every criterion that is set must hold (they combine with "and");
/// with none set, every statement is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportFilter {
    /// An entity the statement is about (one of its `targets`): an entity id, name or alias,
    /// compared without regard to case (`JPN`, `japan`, `Tokyo`).
    pub country: Option<String>,
    /// A leader the statement mentions or who speaks it: a leader's name or alias, compared
    /// without regard to case (`Moon Jae-in`, `moon`).
    pub leader: Option<String>,
    /// Text found, without regard to case, inside one of the statement's topic phrases.
    pub topic: Option<String>,
}

impl ExportFilter {
    /// True when no criterion is set.
    pub fn is_empty(&self) -> bool {
        self.country.is_none() && self.leader.is_none() && self.topic.is_none()
    }

    /// The criteria that name nothing in `corpus` (a country no entity has as id, name or
    /// alias; a leader no leader has as name or alias; a topic found in no topic phrase), each
    /// as a sentence for the user. Empty when every criterion names something.
    pub fn unmatched(&self, corpus: &Corpus) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(country) = &self.country
            && entity_ids(corpus, country).is_empty()
        {
            out.push(format!(
                "no entity has the id, name or alias \"{}\"",
                country.trim()
            ));
        }
        if let Some(leader) = &self.leader
            && leader_names(corpus, leader).is_empty()
        {
            out.push(format!(
                "no leader has the name or alias \"{}\"",
                leader.trim()
            ));
        }
        if let Some(topic) = &self.topic {
            let needle = topic.trim().to_lowercase();
            let found = corpus
                .statements
                .iter()
                .flat_map(|s| &s.topics)
                .any(|t| t.to_lowercase().contains(&needle));
            if !found {
                out.push(format!("no topic phrase contains \"{}\"", topic.trim()));
            }
        }
        out
    }
}

/// True when `a` and `b` are equal ignoring case and surrounding spaces.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
}

/// Ids of the entities whose id, name or an alias is `wanted`.
fn entity_ids<'a>(corpus: &'a Corpus, wanted: &str) -> HashSet<&'a str> {
    corpus
        .entities
        .iter()
        .filter(|e| {
            same_name(&e.id, wanted)
                || same_name(&e.name, wanted)
                || e.aliases.iter().any(|a| same_name(a, wanted))
        })
        .map(|e| e.id.as_str())
        .collect()
}

/// Names of the leaders whose name or an alias is `wanted`.
fn leader_names<'a>(corpus: &'a Corpus, wanted: &str) -> HashSet<&'a str> {
    corpus
        .leaders
        .iter()
        .filter(|l| same_name(&l.name, wanted) || l.aliases.iter().any(|a| same_name(a, wanted)))
        .map(|l| l.name.as_str())
        .collect()
}

/// Indices (into `corpus.statements`, in corpus order) of the statements `filter` selects.
pub fn select(corpus: &Corpus, filter: &ExportFilter) -> Vec<u32> {
    let countries = filter.country.as_deref().map(|c| entity_ids(corpus, c));
    let leaders = filter.leader.as_deref().map(|l| leader_names(corpus, l));
    let topic = filter.topic.as_deref().map(|t| t.trim().to_lowercase());
    let keep = |s: &Statement| -> bool {
        let country_ok = countries
            .as_ref()
            .is_none_or(|ids| s.targets.iter().any(|t| ids.contains(t.as_str())));
        let leader_ok = leaders.as_ref().is_none_or(|names| {
            s.leaders.iter().any(|l| names.contains(l.as_str()))
                || s.speaker.as_deref().is_some_and(|sp| names.contains(sp))
        });
        let topic_ok = topic.as_ref().is_none_or(|needle| {
            s.topics
                .iter()
                .any(|t| t.to_lowercase().contains(needle.as_str()))
        });
        country_ok && leader_ok && topic_ok
    };
    corpus
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| keep(s))
        .filter_map(|(i, _)| u32::try_from(i).ok())
        .collect()
}

/// Whether text from the corpus is written as it is or made safe for a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextMode {
    /// Exactly as in the corpus (for files).
    #[default]
    Verbatim,
    /// Control characters and bidi overrides replaced by visible stand-ins (Markdown, CSV) or
    /// `\u` escapes (JSON, which keeps the values identical), for a terminal.
    Terminal,
}

/// Why an export failed.
#[derive(Debug)]
pub enum ExportError {
    /// A statement index past the end of the corpus.
    NoSuchStatement(u32),
    /// A statement names an article the corpus does not hold.
    MissingArticle {
        /// The statement's id.
        statement: String,
        /// The article id it names.
        article: String,
    },
    /// The CSV writer failed.
    Csv(String),
    /// The JSON serialiser failed.
    Json(String),
    /// The sub-corpus did not pass validation (the source corpus was inconsistent).
    InvalidSubCorpus(LoadError),
    /// Writing the result failed.
    Io {
        /// Where it was being written: a file path or "standard output".
        target: String,
        /// The operating system's explanation.
        message: String,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::NoSuchStatement(i) => {
                write!(f, "error: export: no statement at index {i}")
            }
            ExportError::MissingArticle { statement, article } => write!(
                f,
                "error: export: statement \"{statement}\" names unknown article \"{article}\""
            ),
            ExportError::Csv(message) => write!(f, "error: export: CSV: {message}"),
            ExportError::Json(message) => write!(f, "error: export: JSON: {message}"),
            ExportError::InvalidSubCorpus(err) => {
                writeln!(f, "error: export: the exported corpus would not be valid:")?;
                write!(f, "{err}")
            }
            ExportError::Io { target, message } => write!(f, "error: {target}: {message}"),
        }
    }
}

impl std::error::Error for ExportError {}

/// A statement with its article, looked up and checked.
struct Item<'a> {
    statement: &'a Statement,
    article: &'a Article,
}

/// The statements at `statements`, each once (the first time it is named), with their articles.
fn items<'a>(corpus: &'a Corpus, statements: &[u32]) -> Result<Vec<Item<'a>>, ExportError> {
    let mut seen = HashSet::new();
    statements
        .iter()
        .filter(|&&i| seen.insert(i))
        .map(|&i| {
            let statement = usize::try_from(i)
                .ok()
                .and_then(|i| corpus.statements.get(i))
                .ok_or(ExportError::NoSuchStatement(i))?;
            let article =
                corpus
                    .article(&statement.article)
                    .ok_or_else(|| ExportError::MissingArticle {
                        statement: statement.id.to_string(),
                        article: statement.article.to_string(),
                    })?;
            Ok(Item { statement, article })
        })
        .collect()
}

/// The exported text of `statements` (indices into `corpus.statements`, written in the order
/// given, a repeated index only once) in `format`, verbatim.
pub fn render(
    corpus: &Corpus,
    statements: &[u32],
    format: ExportFormat,
) -> Result<String, ExportError> {
    render_with(corpus, statements, format, TextMode::Verbatim)
}

/// Like [`render`], with the corpus text written as `mode` says.
pub fn render_with(
    corpus: &Corpus,
    statements: &[u32],
    format: ExportFormat,
    mode: TextMode,
) -> Result<String, ExportError> {
    render_headed(corpus, statements, format, mode, None)
}

/// Like [`render_with`]; a Markdown export starts with `heading` (what was exported, see
/// [`crate::subject::Subject::heading`]) when given.
pub fn render_headed(
    corpus: &Corpus,
    statements: &[u32],
    format: ExportFormat,
    mode: TextMode,
    heading: Option<&str>,
) -> Result<String, ExportError> {
    let items = items(corpus, statements)?;
    match format {
        ExportFormat::Markdown => Ok(markdown(corpus, &items, mode, heading)),
        ExportFormat::Csv => csv_text(&items, mode),
        ExportFormat::Json => json_text(corpus, &items, mode),
    }
}

/// `s` as `mode` wants it.
fn safe(s: &str, mode: TextMode) -> Cow<'_, str> {
    match mode {
        TextMode::Verbatim => Cow::Borrowed(s),
        TextMode::Terminal => text::sanitize(s),
    }
}

/// The citation of an article: outlet, byline, date and url, those that are known.
fn citation_parts(article: &Article) -> Vec<&str> {
    let mut parts = vec![article.source.as_str()];
    parts.extend(article.byline.as_deref());
    parts.extend(article.published.as_deref());
    parts.extend(article.url.as_deref());
    parts
}

/// One statement as plain text with its speaker and citation, for a clipboard or a message:
/// `"text" — Moon Jae-in (quote). Title. Arirang News, Kim Min-ji, 2021-01-21, http://…`
/// Verbatim; `None` when there is no such statement or its article is missing.
pub fn quote_with_citation(corpus: &Corpus, statement: u32) -> Option<String> {
    let item = items(corpus, &[statement]).ok()?.pop()?;
    let who = item.statement.speaker.as_deref().unwrap_or("narration");
    Some(format!(
        "\"{}\" — {who} ({}). {}. {}",
        item.statement.text,
        item.statement.kind.as_str(),
        item.article.title,
        citation_parts(item.article).join(", ")
    ))
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// `s` on one line with the characters Markdown would act on escaped.
fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `s` as the start of a Markdown line: inline escapes, plus a line-start marker (`#`, `-`,
/// `+`, `=`, `1.`) escaped so it stays text.
fn md_line(s: &str) -> String {
    let escaped = md_inline(s);
    let trimmed = escaped.trim_start();
    let lead = &escaped[..escaped.len() - trimmed.len()];
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let ordered_marker =
        digits > 0 && matches!(trimmed.as_bytes().get(digits), Some(b'.') | Some(b')'));
    if ordered_marker {
        format!("{lead}{}\\{}", &trimmed[..digits], &trimmed[digits..])
    } else if trimmed.starts_with(['#', '-', '+', '=']) {
        format!("{lead}\\{trimmed}")
    } else {
        escaped
    }
}

/// A url as a Markdown autolink when it can be one, else as escaped text.
fn md_url(url: &str) -> String {
    if !url.is_empty() && !url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        format!("<{url}>")
    } else {
        md_inline(url)
    }
}

fn md_citation(article: &Article, mode: TextMode) -> String {
    let mut parts: Vec<String> = vec![format!("*{}*", md_inline(&safe(&article.source, mode)))];
    parts.extend(article.byline.as_deref().map(|b| md_inline(&safe(b, mode))));
    parts.extend(
        article
            .published
            .as_deref()
            .map(|d| md_inline(&safe(d, mode))),
    );
    parts.extend(article.url.as_deref().map(|u| md_url(&safe(u, mode))));
    parts.join(", ")
}

fn markdown(corpus: &Corpus, items: &[Item<'_>], mode: TextMode, heading: Option<&str>) -> String {
    let mut out = String::new();
    let count = format!(
        "{} from {}",
        crate::text::plural(items.len(), "statement", "statements"),
        md_inline(&safe(&corpus.name, mode))
    );
    match heading {
        Some(heading) => out.push_str(&format!(
            "# {}\n\n{count}\n",
            md_inline(&safe(heading, mode))
        )),
        None => out.push_str(&format!("# {count}\n")),
    }
    let mut current: Option<&str> = None;
    for item in items {
        let (s, a) = (item.statement, item.article);
        if current != Some(a.id.as_str()) {
            current = Some(a.id.as_str());
            out.push_str(&format!("\n## {}\n\n", md_inline(&safe(&a.title, mode))));
            out.push_str(&format!("{}\n", md_citation(a, mode)));
        }
        let speaker = s.speaker.as_deref().unwrap_or("Narration");
        out.push_str(&format!(
            "\n### {} ({})\n\n",
            md_inline(&safe(speaker, mode)),
            s.kind.as_str()
        ));
        for line in safe(&s.text, mode).split('\n') {
            if line.trim().is_empty() {
                out.push_str(">\n");
            } else {
                out.push_str(&format!("> {}\n", md_line(line)));
            }
        }
        out.push('\n');
        let targets: Vec<String> = s
            .targets
            .iter()
            .map(|t| {
                let name = corpus.entity_name(t);
                if name == t {
                    md_inline(&safe(t, mode))
                } else {
                    format!(
                        "{} ({})",
                        md_inline(&safe(name, mode)),
                        md_inline(&safe(t, mode))
                    )
                }
            })
            .collect();
        let list = |values: &[crate::model::ShortText]| -> String {
            if values.is_empty() {
                "none".to_string()
            } else {
                values
                    .iter()
                    .map(|v| md_inline(&safe(v, mode)))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        };
        let targets = if targets.is_empty() {
            "none".to_string()
        } else {
            targets.join("; ")
        };
        out.push_str(&format!("- About: {targets}\n"));
        out.push_str(&format!("- Leaders: {}\n", list(&s.leaders)));
        out.push_str(&format!("- Topics: {}\n", list(&s.topics)));
        out.push_str(&format!(
            "- Source: {}, {}\n",
            md_inline(&safe(&a.title, mode)),
            md_citation(a, mode)
        ));
        out.push_str(&format!("- Statement: {}\n", md_inline(&safe(&s.id, mode))));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// CSV

/// The CSV header row; every row has these columns in this order. List columns (`targets`,
/// `leaders`, `topics`) join their values with `"; "`.
pub const CSV_COLUMNS: [&str; 16] = [
    "id",
    "article",
    "date",
    "source",
    "byline",
    "url",
    "title",
    "speaker",
    "speaker_entity",
    "kind",
    "targets",
    "leaders",
    "topics",
    "start",
    "end",
    "text",
];

fn csv_text(items: &[Item<'_>], mode: TextMode) -> Result<String, ExportError> {
    let csv_error = |e: csv::Error| ExportError::Csv(e.to_string());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(CSV_COLUMNS).map_err(csv_error)?;
    for item in items {
        let (s, a) = (item.statement, item.article);
        let opt = |v: Option<&str>| v.unwrap_or_default().to_string();
        let record: [String; 16] = [
            s.id.to_string(),
            a.id.clone(),
            opt(a.published.as_deref()),
            a.source.clone(),
            opt(a.byline.as_deref()),
            opt(a.url.as_deref()),
            a.title.clone(),
            opt(s.speaker.as_deref()),
            s.speaker_entity.to_string(),
            s.kind.as_str().to_string(),
            s.targets.join("; "),
            s.leaders.join("; "),
            s.topics.join("; "),
            s.start.to_string(),
            s.end.to_string(),
            s.text.clone(),
        ];
        writer
            .write_record(record.iter().map(|field| safe(field, mode).into_owned()))
            .map_err(csv_error)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.error().to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Csv(e.to_string()))
}

// ---------------------------------------------------------------------------------------------
// JSON

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
        leader_names.extend(item.statement.leaders.iter().map(|l| l.as_str()));
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
        entity_ids.extend(item.statement.targets.iter().map(|t| t.as_str()));
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

fn json_text(corpus: &Corpus, items: &[Item<'_>], mode: TextMode) -> Result<String, ExportError> {
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

/// The statements of `selected` that match the search `query` (fzf syntax), in corpus order.
pub fn matching_query(corpus: &Corpus, selected: &[u32], query: &str) -> Vec<u32> {
    let index = crate::search::SearchIndex::new(corpus);
    let parsed = crate::search::parse_query(query);
    let mut hits: Vec<u32> = crate::search::search(&index, &parsed, Some(selected))
        .into_iter()
        .map(|hit| hit.statement)
        .collect();
    hits.sort_unstable();
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, Leader, StatementKind};

    fn seed() -> Corpus {
        load::embedded_seed().expect("seed is valid")
    }

    fn filter(country: Option<&str>, leader: Option<&str>, topic: Option<&str>) -> ExportFilter {
        ExportFilter {
            country: country.map(str::to_string),
            leader: leader.map(str::to_string),
            topic: topic.map(str::to_string),
        }
    }

    /// A small corpus whose text carries control characters and Markdown syntax.
    fn hostile() -> Corpus {
        let body = "# Not a heading *bold* [link](x)\n\u{1b}[2J cleared\u{9b}31m red \u{202E}rtl.";
        let first_end = body.find('\n').unwrap_or(body.len());
        let article = Article {
            id: "a1".into(),
            title: "Title with \u{1b}]0;pwned\u{7} | pipe".into(),
            source: "Outlet".into(),
            published: Some("2024-02-29".into()),
            byline: None,
            url: Some("https://example.org/a b".into()),
            speaker_country: "KOR".into(),
            body: body.into(),
        };
        let statement = |id: &str, start: usize, end: usize| Statement {
            id: id.into(),
            article: "a1".into(),
            text: body[start..end].to_string(),
            start,
            end,
            targets: vec!["JPN".into()],
            speaker: Some("Moon Jae-in".into()),
            speaker_entity: "KOR".into(),
            kind: StatementKind::Quote,
            leaders: vec![],
            topics: vec!["a, \"quoted\"; topic".into()],
        };
        let entity = |id: &str, name: &str| Entity {
            id: id.into(),
            name: name.into(),
            kind: EntityKind::Country,
            aliases: vec![],
        };
        Corpus::from_parts(
            "hostile".into(),
            vec![article],
            vec![
                entity("KOR", "South Korea"),
                entity("JPN", "Japan"),
                entity("USA", "United States"),
            ],
            vec![Leader {
                name: "Moon Jae-in".into(),
                entity: "KOR".into(),
                role: "President".into(),
                aliases: vec![],
            }],
            vec![
                statement("s1", 0, first_end),
                statement("s2", first_end + 1, body.len()),
            ],
        )
    }

    #[test]
    fn no_filter_selects_everything_in_corpus_order() {
        let corpus = seed();
        let all = select(&corpus, &ExportFilter::default());
        assert_eq!(all, (0..15).collect::<Vec<u32>>());
    }

    #[test]
    fn country_matches_id_name_or_alias_in_any_case() {
        let corpus = seed();
        let by_id = select(&corpus, &filter(Some("JPN"), None, None));
        assert_eq!(by_id.len(), 3);
        for name in ["jpn", "Japan", "JAPAN", "tokyo", " Japan "] {
            assert_eq!(
                select(&corpus, &filter(Some(name), None, None)),
                by_id,
                "{name}"
            );
        }
        assert!(select(&corpus, &filter(Some("Atlantis"), None, None)).is_empty());
    }

    #[test]
    fn leader_matches_name_alias_or_speaker() {
        let corpus = seed();
        let xi = select(&corpus, &filter(None, Some("xi"), None));
        assert_eq!(xi, vec![5]);
        let moon = select(&corpus, &filter(None, Some("President Moon"), None));
        assert_eq!(
            moon,
            select(&corpus, &filter(None, Some("moon jae-in"), None))
        );
        assert!(moon.len() > 5);
    }

    #[test]
    fn topic_is_a_case_insensitive_substring_and_filters_combine() {
        let corpus = seed();
        let olympics = select(&corpus, &filter(None, None, Some("OLYMPICS")));
        assert_eq!(olympics, vec![7]);
        let both = select(
            &corpus,
            &filter(Some("JPN"), Some("Moon"), Some("relations")),
        );
        assert_eq!(both, vec![6]);
        assert!(select(&corpus, &filter(Some("RUS"), None, Some("olympics"))).is_empty());
    }

    #[test]
    fn unmatched_names_the_criteria_that_name_nothing() {
        let corpus = seed();
        assert!(
            filter(Some("JPN"), Some("Xi"), Some("COVID"))
                .unmatched(&corpus)
                .is_empty()
        );
        let reasons = filter(Some("XYZ"), Some("Nobody"), Some("zzz")).unmatched(&corpus);
        assert_eq!(reasons.len(), 3);
        assert!(reasons[0].contains("XYZ"));
    }

    #[test]
    fn formats_have_names_and_extensions() {
        use clap::ValueEnum;
        for format in ExportFormat::ALL {
            assert_eq!(
                ExportFormat::from_str(format.extension(), false),
                Ok(format)
            );
        }
        assert_eq!(
            ExportFormat::from_str("markdown", false),
            Ok(ExportFormat::Markdown)
        );
        assert!(ExportFormat::from_str("xml", false).is_err());
    }

    #[test]
    fn json_is_a_valid_sub_corpus_with_only_what_is_referenced() {
        let corpus = seed();
        let selected = select(&corpus, &filter(Some("CHN"), None, None));
        let json = render(&corpus, &selected, ExportFormat::Json).expect("renders");
        let file = load::parse_corpus_file("test", json.as_bytes()).expect("valid");
        assert_eq!(file.statements.len(), 2);
        assert_eq!(file.articles, corpus.articles);
        let leaders: Vec<&str> = file.leaders.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(leaders, ["Moon Jae-in", "Xi Jinping"]);
        let entities: Vec<&str> = file.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(entities, ["KOR", "CHN"]);
    }

    #[test]
    fn json_of_everything_is_the_whole_corpus() {
        let corpus = seed();
        let all = select(&corpus, &ExportFilter::default());
        let file = sub_corpus(&corpus, &all).expect("sub-corpus");
        let whole = corpus.to_file();
        assert_eq!(file.statements, whole.statements);
        assert_eq!(file.articles, whole.articles);
        assert_eq!(file.leaders, whole.leaders);
        assert!(file.entities.iter().all(|e| whole.entities.contains(e)));
    }

    #[test]
    fn csv_has_a_header_and_one_record_per_statement() {
        let corpus = seed();
        let selected = select(&corpus, &filter(Some("RUS"), None, None));
        let text = render(&corpus, &selected, ExportFormat::Csv).expect("renders");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(header, CSV_COLUMNS);
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][0], "arirang-2021-01-21-s10");
        assert_eq!(&rows[0][3], "Arirang News");
        assert_eq!(&rows[1][15], corpus.statements[10].text);
        assert!(text.ends_with("\r\n"));
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines_and_reads_back_verbatim() {
        let corpus = hostile();
        let text = render(&corpus, &[0, 1], ExportFormat::Csv).expect("renders");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(&rows[1][15], corpus.statements[1].text);
        assert_eq!(&rows[0][12], "a, \"quoted\"; topic");
        assert_eq!(&rows[0][6], corpus.articles[0].title);
    }

    #[test]
    fn markdown_carries_heading_quote_and_citation() {
        let corpus = seed();
        let text = render(&corpus, &[2], ExportFormat::Markdown).expect("renders");
        assert!(text.starts_with("# 1 statement from "));
        assert!(text.contains(
            "## S. Korea to strengthen ties with Indo-Pacific countries after Biden inauguration"
        ));
        assert!(text.contains(
            "*Arirang News*, Kim Min-ji, 2021-01-21, <http://s613643165.onlinehome.us/news/20210111187.html>"
        ));
        assert!(text.contains("### Moon Jae-in (quote)"));
        assert!(text.contains(&format!("> {}", corpus.statements[2].text)));
        assert!(text.contains("- About: Indo-Pacific (INDO\\_PACIFIC)"));
    }

    #[test]
    fn markdown_escapes_syntax_in_corpus_text() {
        let corpus = hostile();
        let text = render(&corpus, &[0], ExportFormat::Markdown).expect("renders");
        assert!(text.contains("> \\# Not a heading \\*bold\\* \\[link\\](x)"));
        assert!(text.contains("Title with \u{1b}\\]0;pwned\u{7} \\| pipe"));
        assert!(text.contains("https://example.org/a b"));
        assert!(!text.contains("<https://example.org/a b>"));
    }

    #[test]
    fn terminal_mode_keeps_control_characters_out_of_every_format() {
        let corpus = hostile();
        for format in ExportFormat::ALL {
            let text = render_with(&corpus, &[0, 1], format, TextMode::Terminal).expect("renders");
            let bad: Vec<char> = text
                .chars()
                .filter(|&c| text::is_unsafe_char(c) && c != '\n' && c != '\r')
                .collect();
            assert!(bad.is_empty(), "{format}: {bad:?}");
            let verbatim = render(&corpus, &[0, 1], format).expect("renders");
            assert!(
                verbatim.contains('\u{9b}'),
                "{format} verbatim keeps the text"
            );
        }
    }

    #[test]
    fn terminal_json_still_decodes_to_the_same_corpus() {
        let corpus = hostile();
        let safe =
            render_with(&corpus, &[1], ExportFormat::Json, TextMode::Terminal).expect("renders");
        let verbatim = render(&corpus, &[1], ExportFormat::Json).expect("renders");
        let a = load::parse_corpus_file("safe", safe.as_bytes()).expect("valid");
        let b = load::parse_corpus_file("verbatim", verbatim.as_bytes()).expect("valid");
        assert_eq!(a, b);
        assert!(safe.contains("\\u009b") && safe.contains("\\u202e"));
    }

    #[test]
    fn bad_indices_and_missing_articles_are_errors_not_panics() {
        let corpus = seed();
        assert!(matches!(
            render(&corpus, &[99], ExportFormat::Csv),
            Err(ExportError::NoSuchStatement(99))
        ));
        let mut broken = corpus.to_file();
        broken.statements[0].article = "gone".into();
        let broken = Corpus::from_parts(
            "broken".into(),
            broken.articles,
            broken.entities,
            broken.leaders,
            broken.statements,
        );
        for format in ExportFormat::ALL {
            assert!(matches!(
                render(&broken, &[0], format),
                Err(ExportError::MissingArticle { .. })
            ));
        }
        assert_eq!(quote_with_citation(&broken, 0), None);
        assert_eq!(quote_with_citation(&broken, 1000), None);
    }

    #[test]
    fn json_refuses_to_write_an_inconsistent_corpus() {
        let mut file = seed().to_file();
        file.statements[0].targets.push("NOWHERE".into());
        let corpus = Corpus::from_parts(
            "inconsistent".into(),
            file.articles,
            file.entities,
            file.leaders,
            file.statements,
        );
        assert!(matches!(
            render(&corpus, &[0], ExportFormat::Json),
            Err(ExportError::InvalidSubCorpus(_))
        ));
    }

    #[test]
    fn repeated_indices_are_exported_once() {
        let corpus = seed();
        let json = render(&corpus, &[3, 1, 3], ExportFormat::Json).expect("renders");
        let file = load::parse_corpus_file("test", json.as_bytes()).expect("valid");
        let ids: Vec<&str> = file.statements.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["arirang-2021-01-21-s04", "arirang-2021-01-21-s02"]);
    }

    #[test]
    fn empty_selection_renders_without_failing() {
        let corpus = seed();
        for format in ExportFormat::ALL {
            assert!(render(&corpus, &[], format).is_ok(), "{format}");
        }
    }

    #[test]
    fn quote_with_citation_names_speaker_and_source() {
        let corpus = seed();
        let text = quote_with_citation(&corpus, 2).expect("statement 2");
        assert!(text.starts_with(&format!(
            "\"{}\" — Moon Jae-in (quote).",
            corpus.statements[2].text
        )));
        assert!(text.ends_with("Arirang News, Kim Min-ji, 2021-01-21, http://s613643165.onlinehome.us/news/20210111187.html"));
    }

    /// A one-statement corpus whose article body, statement text and title are `text`.
    fn corpus_of(text: &str) -> Corpus {
        let mut file = hostile().to_file();
        file.articles[0].body = text.to_string();
        file.articles[0].title = text.to_string();
        file.statements.truncate(1);
        let statement = &mut file.statements[0];
        statement.text = text.to_string();
        statement.start = 0;
        statement.end = text.len();
        statement.topics = vec![format!("t{text}").into()];
        Corpus::from_parts(
            "any".into(),
            file.articles,
            file.entities,
            file.leaders,
            file.statements,
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 500, failure_persistence: None, ..Default::default() })]

        #[test]
        fn any_text_exports_in_every_format_and_reads_back(text in "\\PC{1,80}|[\\u{0}-\\u{9F}\\u{202A}-\\u{202E}#*>|\\[\\] \n]{1,40}") {
            let corpus = corpus_of(&text);
            let csv = render(&corpus, &[0], ExportFormat::Csv).expect("csv");
            let mut reader = csv::Reader::from_reader(csv.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
            proptest::prop_assert_eq!(&rows[0][15], text.as_str());
            let json = render(&corpus, &[0], ExportFormat::Json).expect("json");
            let file = load::parse_corpus_file("any", json.as_bytes()).expect("valid");
            proptest::prop_assert_eq!(&file.statements[0].text, &text);
            render(&corpus, &[0], ExportFormat::Markdown).expect("markdown");
            for format in ExportFormat::ALL {
                let shown = render_with(&corpus, &[0], format, TextMode::Terminal).expect("renders");
                proptest::prop_assert!(!shown.chars().any(|c| text::is_unsafe_char(c) && c != '\n' && c != '\r'));
            }
        }

        #[test]
        fn any_filter_selects_without_panicking(value in "\\PC{0,20}") {
            let corpus = seed();
            let f = filter(Some(&value), Some(&value), Some(&value));
            let _ = select(&corpus, &f);
            let _ = f.unmatched(&corpus);
        }
    }
}
