//! Export: choose statements with a filter and write them, each with its citation (outlet, byline,
//! date, url), as Markdown, CSV (RFC 4180) or a corpus format v1 sub-corpus that `check` accepts.
//!
//! Pure: [`select`] and [`render`] compute text; writing it is the caller's
//! (`commands::export`, or the browser's effects).

use crate::load::LoadError;
use crate::model::{Article, Corpus, Statement};
use crate::text;
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

mod csv;
mod json;
mod markdown;
mod select;

pub use csv::CSV_COLUMNS;
use csv::csv_text;
use json::json_text;
pub use json::sub_corpus;
use markdown::markdown;
pub use select::{ExportFilter, select};

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
    use crate::load;
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
            dateline: None,
            url: Some("https://example.org/a b".into()),
            speaker_country: "KOR".into(),
            body: body.into(),
        };
        let statement = |id: &str, start: usize, end: usize| Statement {
            id: id.into(),
            article: "a1".into(),
            text: body[start..end].into(),
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
    fn the_dateline_goes_into_every_format_and_only_when_known() {
        let mut corpus = seed();
        let plain = render(&corpus, &[0], ExportFormat::Markdown).expect("md");
        assert!(!plain.contains("Dateline"), "{plain}");
        corpus.articles[0].dateline = Some("SEOUL, Jan. 21 (Arirang)\u{1b}[2J".into());
        let md =
            render_with(&corpus, &[0], ExportFormat::Markdown, TextMode::Terminal).expect("md");
        assert!(md.contains("\nDateline: SEOUL, Jan. 21 (Arirang)"), "{md}");
        assert!(!md.contains('\u{1b}'), "{md}");
        let csv = render(&corpus, &[0], ExportFormat::Csv).expect("csv");
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        let header = reader.headers().expect("header").clone();
        let column = header.iter().position(|h| h == "dateline").expect("column");
        let row = reader.records().next().expect("row").expect("record");
        assert_eq!(&row[column], "SEOUL, Jan. 21 (Arirang)\u{1b}[2J");
        let json = render(&corpus, &[0], ExportFormat::Json).expect("json");
        let file = load::parse_corpus_file("out.json", json.as_bytes()).expect("valid");
        assert_eq!(file.articles[0].dateline, corpus.articles[0].dateline);
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
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(header, CSV_COLUMNS);
        let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
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
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
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
        file.articles[0].body = text.into();
        file.articles[0].title = text.to_string();
        file.statements.truncate(1);
        let statement = &mut file.statements[0];
        statement.text = text.into();
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
            let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
            let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
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
