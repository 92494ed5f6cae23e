//! `agenda-tui ingest`: raw news articles in, a corpus (format v1) out.
//!
//! The pipeline has one module per stage: [`clean`] → [`sentences`] → [`entities`] →
//! [`leaders`] → [`attribution`] → [`topics`], driven by the gazetteers of [`gazetteer`].
//! [`eval`] scores the result against gold annotations; `agenda-tui ingest` itself runs in `commands::ingest`.
//! See `docs/ingest.md`.

#![warn(missing_docs)]

pub mod article;
pub mod attribution;
pub mod audit;
pub mod batch;
pub mod briefing;
pub mod clean;
pub mod context;
pub mod dateline;
pub mod entities;
pub mod eval;
pub mod gazetteer;
pub mod html;
pub mod layout;
pub mod leaders;
pub mod manifest;
pub mod markdown;
pub mod names;
pub mod offices;
pub mod person;
pub mod sentences;
pub mod speaker;
pub mod topics;
pub mod verbs;

use crate::model::{Article, CorpusFile, Entity, Leader, Statement};
use entities::{EntityMatcher, MatcherError, Mention};
use gazetteer::{Gazetteer, GazetteerError};
use leaders::{FoundLeaders, LeaderMatcher};
use std::path::PathBuf;
use std::sync::OnceLock;
use topics::TopicMatcher;

/// The character just before byte `at`, if any (`at` must be a char boundary to get one).
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|head| head.chars().next_back())
}

/// The character at byte `at`, if any.
pub(crate) fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|tail| tail.chars().next())
}

/// What the caller knows about an article; everything is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IngestOptions {
    /// Article id (default: "article"); the CLI uses the file name.
    pub id: Option<String>,
    /// Entity id of the speaker country, overriding detection.
    pub speaker: Option<String>,
    /// Publication date `YYYY-MM-DD`, overriding the date found in the text.
    pub published: Option<String>,
    /// Outlet name, overriding the byline's.
    pub source: Option<String>,
    /// Headline, overriding the one found in the text.
    pub title: Option<String>,
    /// Where the article came from.
    pub url: Option<String>,
    /// Extra gazetteer files (see `docs/ingest.md`).
    pub gazetteers: Vec<PathBuf>,
    /// Who speaks for the article's speaker (a manifest's `speaker_name`): the speaker of every
    /// statement of the main speaker that names no other.
    pub speaker_name: Option<String>,
    /// That person's office (a manifest's `speaker_post`).
    pub speaker_post: Option<String>,
}

/// Why an article could not be ingested.
#[derive(Debug)]
pub enum IngestError {
    /// Nothing that looks like article text was left after cleaning.
    NoText,
    /// A `--speaker` that is not an entity id of the gazetteer.
    UnknownSpeaker(String),
    /// A `--published` date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    BadDate(String),
    /// An extra gazetteer could not be read.
    Gazetteer(GazetteerError),
    /// The matchers could not be built.
    Matcher(MatcherError),
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IngestError::NoText => write!(f, "no article text found"),
            IngestError::UnknownSpeaker(id) => {
                write!(f, "unknown speaker \"{id}\" (use an entity id such as KOR)")
            }
            IngestError::BadDate(date) => {
                write!(
                    f,
                    "invalid date \"{date}\", expected YYYY, YYYY-MM or YYYY-MM-DD"
                )
            }
            IngestError::Gazetteer(e) => write!(f, "{e}"),
            IngestError::Matcher(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for IngestError {}

/// One ingested article: the article, its statements, and the people named.
#[derive(Debug, Clone, PartialEq)]
pub struct IngestedArticle {
    /// The article with its cleaned body.
    pub article: Article,
    /// One statement per sentence of the body.
    pub statements: Vec<Statement>,
    /// People named in the statements.
    pub leaders: Vec<Leader>,
    /// Lines removed as boilerplate.
    pub removed: Vec<String>,
    /// The evidence that decided the article's speaker (empty when given by the caller).
    pub speaker_reasons: Vec<String>,
    /// The names among `leaders` whose country the text did not say, taken to be the speaker's
    /// ("President Gorbachev" in a Belgian speech): another article that says it wins.
    pub assumed_leaders: Vec<String>,
}

/// The compiled gazetteers: build once, ingest many articles.
#[derive(Debug, Clone)]
pub struct Pipeline {
    /// The gazetteers.
    pub gazetteer: Gazetteer,
    entities: EntityMatcher,
    leaders: LeaderMatcher,
    topics: TopicMatcher,
}

impl Pipeline {
    /// Compile a gazetteer.
    pub fn new(gazetteer: Gazetteer) -> Result<Pipeline, IngestError> {
        let entities = EntityMatcher::new(&gazetteer).map_err(IngestError::Matcher)?;
        let leaders = LeaderMatcher::new(&gazetteer).map_err(IngestError::Matcher)?;
        let topics = TopicMatcher::new(&gazetteer).map_err(IngestError::Matcher)?;
        Ok(Pipeline {
            gazetteer,
            entities,
            leaders,
            topics,
        })
    }

    /// The shipped gazetteers plus extra files.
    pub fn with_extra(paths: &[PathBuf]) -> Result<Pipeline, IngestError> {
        let mut gazetteer = Gazetteer::builtin();
        for path in paths {
            gazetteer.add_file(path).map_err(IngestError::Gazetteer)?;
        }
        Pipeline::new(gazetteer)
    }

    /// Ingest one article.
    pub fn ingest(
        &self,
        text: &str,
        options: &IngestOptions,
    ) -> Result<IngestedArticle, IngestError> {
        if let Some(date) = &options.published
            && !crate::model::is_valid_published(date)
        {
            return Err(IngestError::BadDate(date.clone()));
        }
        if let Some(id) = &options.speaker
            && self.gazetteer.entity(id).is_none()
        {
            return Err(IngestError::UnknownSpeaker(id.clone()));
        }
        let cleaned = clean::clean(text, &self.gazetteer);
        if cleaned.body.trim().is_empty() {
            return Err(IngestError::NoText);
        }
        let body = cleaned.body;
        let published = options.published.clone().or(cleaned.published);
        let body_date = published.clone().or_else(|| {
            let head_end = (0..=body.len().min(600))
                .rev()
                .find(|&i| body.is_char_boundary(i))
                .unwrap_or(0);
            clean::find_date(&body[..head_end])
        });

        let mut sentences = sentences::split(&body);
        // A wire dateline opens the story (the body, or a paragraph after a page's summary
        // line) but is not part of the statement it opens.
        // The article keeps it as metadata.
        let mut previous_paragraph = usize::MAX;
        let mut article_dateline = None;
        for sentence in sentences.iter_mut().take(3) {
            let opens_paragraph = sentence.paragraph != previous_paragraph;
            previous_paragraph = sentence.paragraph;
            let text = &body[sentence.start..sentence.end];
            if opens_paragraph
                && let Some(len) = dateline::dateline_len(text)
                && sentence.start + len < sentence.end
            {
                article_dateline = dateline::dateline(text);
                sentence.start += len;
                break;
            }
        }
        let mentions = self.entities.find(&body);
        let mut found = self
            .leaders
            .find(&body, body_date.as_deref(), &self.entities, &mentions);
        let (mut speaker_country, mut speaker_reasons) = match &options.speaker {
            Some(id) => (id.clone(), Vec::new()),
            None => {
                let decision = speaker::decide(&body, &mentions, &found, &self.entities);
                (decision.id, decision.reasons)
            }
        };
        // Archives code a state's speeches with today's code: Russia speaking in 1974 is the
        // Soviet Union.
        if let Some(date) = &published
            && let Some(predecessor) = self.gazetteer.predecessor_at(&speaker_country, date)
        {
            speaker_reasons.push(format!(
                "{speaker_country} on {date} was still {predecessor} (entities.tsv: since)"
            ));
            speaker_country = predecessor.to_string();
        }
        let mut assumed_leaders = Vec::new();
        for leader in &mut found.leaders {
            if leader.country.is_none() {
                leader.country = Some(speaker_country.clone());
                assumed_leaders.push(leader.name.clone());
            }
        }
        let attributions = attribution::attribute(
            &body,
            &sentences,
            &mentions,
            &self.entities,
            &found,
            &speaker_country,
        );

        let id = options.id.clone().unwrap_or_else(|| "article".to_string());
        let title = options
            .title
            .clone()
            // A speech's opening salutation is no heading ("Excellencies, Distinguished…").
            .or(cleaned
                .title
                .filter(|t| options.speaker_name.is_none() || !clean::is_salutation(t)))
            .or_else(|| {
                let speaker_name = options.speaker_name.as_deref()?;
                let country = self
                    .gazetteer
                    .entity(&speaker_country)
                    .map_or(speaker_country.as_str(), |e| e.name.as_str());
                Some(match &published {
                    Some(date) => format!("{speaker_name} ({country}), {date}"),
                    None => format!("{speaker_name} ({country})"),
                })
            })
            .unwrap_or_else(|| {
                let story = dateline::dateline_len(&body).unwrap_or(0);
                first_words(&body[story..], 12)
            });
        let source = options
            .source
            .clone()
            .or(cleaned.source)
            .unwrap_or_else(|| "unknown".to_string());
        let main_person = person::main_person(&body, &found, &speaker_country);
        let mut spoken: Vec<Option<usize>> = Vec::with_capacity(sentences.len());
        let width = sentences.len().to_string().len().max(2);
        let mut statements = Vec::with_capacity(sentences.len());
        for (n, (sentence, attribution)) in sentences.iter().zip(&attributions).enumerate() {
            let sentence_text = &body[sentence.start..sentence.end];
            let first_entity = mentions.partition_point(|m| m.start < sentence.start);
            let first_leader = found.mentions.partition_point(|m| m.start < sentence.start);
            let names: Vec<(usize, usize)> = mentions[first_entity..]
                .iter()
                .map(|m| (m.start, m.end))
                .take_while(|&(start, _)| start < sentence.end)
                .chain(
                    found.mentions[first_leader..]
                        .iter()
                        .map(|m| (m.start, m.end))
                        .take_while(|&(start, _)| start < sentence.end),
                )
                .filter(|&(_, end)| end <= sentence.end)
                .map(|(start, end)| (start - sentence.start, end - sentence.start))
                .collect();
            let (speaker, speaker_entity) =
                match (&attribution.speaker_side, attribution.speaker_leader) {
                    (Some((name, entity)), _) => {
                        // A side speaks through its person: the main person, or the last
                        // person of that side who spoke; else the side's office is named.
                        let person = if *entity == speaker_country {
                            main_person
                        } else {
                            person::last_person_of(&found, &spoken, entity)
                        };
                        let name =
                            person.map_or_else(|| name.clone(), |i| found.leaders[i].name.clone());
                        (Some(name), entity.clone())
                    }
                    (None, Some(leader)) => {
                        let leader = &found.leaders[leader];
                        (
                            Some(leader.name.clone()),
                            leader
                                .country
                                .clone()
                                .unwrap_or_else(|| speaker_country.clone()),
                        )
                    }
                    (None, None) => {
                        // The article's main person speaks its quoted and reported words;
                        // narration stays without a person.
                        let main = main_person
                            .filter(|_| attribution.kind != crate::model::StatementKind::Narrative)
                            .map(|i| found.leaders[i].name.clone());
                        (
                            options.speaker_name.clone().or(main),
                            speaker_country.clone(),
                        )
                    }
                };
            spoken.push(attribution.speaker_leader);
            statements.push(Statement {
                id: format!("{id}-s{:0width$}", n + 1).into(),
                article: id.as_str().into(),
                text: sentence_text.into(),
                start: crate::model::offset(sentence.start),
                end: crate::model::offset(sentence.end),
                speaker: speaker.map(Into::into),
                speaker_entity: speaker_entity.as_str().into(),
                kind: attribution.kind,
                labels: crate::model::Labels::new(
                    attribution
                        .targets
                        .iter()
                        .filter(|t| !self.gazetteer.same_party(t, &speaker_entity))
                        .map(Into::into),
                    attribution
                        .leaders
                        .iter()
                        .map(|&i| found.leaders[i].name.as_str().into()),
                    self.topics
                        .topics(sentence_text, &names)
                        .into_iter()
                        .map(Into::into),
                ),
            });
        }
        let mut leaders: Vec<Leader> = found
            .leaders
            .iter()
            .map(|l| Leader {
                name: l.name.clone(),
                entity: l.country.clone().unwrap_or_else(|| speaker_country.clone()),
                role: l.role.clone(),
                aliases: l.aliases.clone(),
            })
            .collect();
        // The person a manifest names speaks for the article's country: that is said, not
        // assumed ("Evo Morales Ayma" of Bolivia's speeches is Bolivia's, however often
        // Venezuela's speeches name him).
        // A bare "Mr. NASE" is a delegate's style, not a name to list among the leaders.
        if let Some(name) = &options.speaker_name {
            assumed_leaders.retain(|n| n != name);
            let full_name = name.split_whitespace().count() >= 2
                && !["Mr", "Mrs", "Ms", "Mr.", "Mrs.", "Ms.", "Sir", "Dr", "Dr."]
                    .iter()
                    .any(|style| name.split_whitespace().next() == Some(style));
            match leaders.iter_mut().find(|l| l.name == *name) {
                Some(leader) => leader.entity.clone_from(&speaker_country),
                None if !full_name => {}
                None => leaders.push(Leader {
                    name: name.clone(),
                    entity: speaker_country.clone(),
                    role: options.speaker_post.clone().unwrap_or_default(),
                    aliases: Vec::new(),
                }),
            }
        }
        Ok(IngestedArticle {
            article: Article {
                id,
                title,
                source,
                published,
                byline: cleaned.byline,
                dateline: article_dateline,
                url: options.url.clone(),
                speaker_country,
                body: body.into(),
            },
            statements,
            leaders,
            removed: cleaned.removed,
            speaker_reasons,
            assumed_leaders,
        })
    }

    /// The country whose agenda the article reports, weighed from the evidence of
    /// [`speaker::decide`].
    pub fn detect_speaker(&self, body: &str, mentions: &[Mention], found: &FoundLeaders) -> String {
        speaker::decide(body, mentions, found, &self.entities).id
    }

    /// The corpus entity for an id: the shipped seed corpus's definition when it has one (so
    /// ingested corpora merge with it), else name, kind and aliases from the gazetteer.
    pub fn entity(&self, id: &str) -> Option<Entity> {
        if let Some(seed) = seed_corpus()
            && let Some(entity) = seed.entity(id)
        {
            return Some(entity.clone());
        }
        self.gazetteer.entity(id).map(|e| {
            let mut aliases: Vec<String> = Vec::new();
            for alias in e.names.iter().chain(&e.capitals) {
                if !aliases.contains(alias) && *alias != e.name {
                    aliases.push(alias.clone());
                }
            }
            Entity {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                aliases,
            }
        })
    }

    /// One corpus from several ingested articles: article ids made unique, the entities and
    /// leaders they refer to listed once.
    pub fn build_corpus(&self, articles: Vec<IngestedArticle>) -> CorpusFile {
        let mut corpus = CorpusFile::empty();
        let mut parts = batch::CorpusParts::default();
        for ingested in articles {
            let ingested = parts.admit(ingested);
            corpus.articles.push(ingested.article);
            corpus.statements.extend(ingested.statements);
        }
        corpus.entities = parts.entities(self);
        corpus.leaders = parts.leaders();
        corpus
    }

    /// The corpus entity for an id, or a country named by its id when the gazetteer has none.
    pub fn entity_or_placeholder(&self, id: &str) -> Entity {
        self.entity(id).unwrap_or_else(|| Entity {
            id: id.to_string(),
            name: id.to_string(),
            kind: crate::model::EntityKind::Country,
            aliases: Vec::new(),
        })
    }

    /// Check one ingested article on its own with the validation of `agenda-tui check`.
    pub fn check_article(&self, ingested: &IngestedArticle) -> Result<(), String> {
        let mut parts = batch::CorpusParts::default();
        let admitted = parts.admit(ingested.clone());
        let corpus = CorpusFile {
            articles: vec![admitted.article],
            statements: admitted.statements,
            entities: parts.entities(self),
            leaders: parts.leaders(),
            ..CorpusFile::empty()
        };
        let json = serde_json::to_vec(&corpus).map_err(|e| e.to_string())?;
        crate::load::parse_corpus_file(&ingested.article.id, &json)
            .map(|_| ())
            .map_err(|e| format!("internal error, the article does not pass check: {e}"))
    }
}

/// The shipped seed corpus's definition of a person, when it has the same person for the same
/// country (so ingested corpora merge with the seed).
pub(crate) fn seed_leader(found: &Leader) -> Option<Leader> {
    seed_corpus()
        .and_then(|seed| seed.leader(&found.name))
        .filter(|seed_leader| seed_leader.entity == found.entity)
        .cloned()
}

fn first_words(body: &str, count: usize) -> String {
    let words: Vec<&str> = body.split_whitespace().take(count).collect();
    let mut title = words.join(" ");
    if body.split_whitespace().nth(count).is_some() {
        title.push('…');
    }
    title
}

/// The shipped seed corpus, whose entity and leader definitions ingest output reuses.
fn seed_corpus() -> Option<&'static crate::model::Corpus> {
    static SEED: OnceLock<Option<crate::model::Corpus>> = OnceLock::new();
    SEED.get_or_init(|| crate::load::embedded_seed().ok())
        .as_ref()
}

fn builtin_pipeline() -> Result<&'static Pipeline, IngestError> {
    static PIPELINE: OnceLock<Result<Pipeline, String>> = OnceLock::new();
    PIPELINE
        .get_or_init(|| Pipeline::new(Gazetteer::builtin()).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| IngestError::Matcher(MatcherError(e.clone())))
}

/// Ingest one article with the shipped gazetteers (plus `options.gazetteers`).
pub fn ingest_article(text: &str, options: &IngestOptions) -> Result<IngestedArticle, IngestError> {
    if options.gazetteers.is_empty() {
        builtin_pipeline()?.ingest(text, options)
    } else {
        Pipeline::with_extra(&options.gazetteers)?.ingest(text, options)
    }
}

/// One corpus from several ingested articles, with the shipped gazetteers' entity names.
pub fn build_corpus(articles: Vec<IngestedArticle>) -> Result<CorpusFile, IngestError> {
    Ok(builtin_pipeline()?.build_corpus(articles))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_passes_the_corpus_check() {
        let text = "Menu\n\nSeoul Seeks Closer Ties\n\nPresident Moon Jae-in said South Korea will work with Japan.\nHe expressed hope for talks with the U.S.\n\nThe economy grew. Prices fell in Ürümqi today.\n\nLeave a Reply\n";
        let first = ingest_article(text, &IngestOptions::default()).expect("ingest");
        let second = ingest_article(text, &IngestOptions::default()).expect("ingest");
        assert_eq!(first.article.speaker_country, "KOR");
        assert_eq!(first.article.title, "Seoul Seeks Closer Ties");
        let corpus = build_corpus(vec![first, second]).expect("corpus");
        let json = serde_json::to_vec(&corpus).expect("json");
        let parsed = crate::load::parse_corpus_file("test", &json).expect("valid corpus");
        assert_eq!(parsed.articles[1].id, "article-2");
        assert_eq!(parsed.articles.len(), 2);
        assert_eq!(parsed.statements.len(), 8);
        assert!(parsed.statements[0].targets().iter().any(|t| t == "JPN"));
    }

    #[test]
    fn a_speech_without_a_heading_is_titled_by_its_speaker_country_and_date() {
        let text = "Mr. President of the General Assembly,\nDistinguished delegates,\n\nIt is an honour to address this Assembly on behalf of my country today.\n";
        let options = IngestOptions {
            speaker: Some("AUS".into()),
            speaker_name: Some("Penny Wong".into()),
            published: Some("2024".into()),
            ..Default::default()
        };
        let speech = ingest_article(text, &options).expect("ingest");
        assert_eq!(speech.article.title, "Penny Wong (Australia), 2024");
        // The person the manifest names is listed, as the speaking country's, said not assumed.
        let wong = speech.leaders.iter().find(|l| l.name == "Penny Wong");
        assert_eq!(wong.map(|l| l.entity.as_str()), Some("AUS"));
        assert!(speech.assumed_leaders.is_empty());
        let styled = IngestOptions {
            speaker_name: Some("Mr. NASE".into()),
            ..options.clone()
        };
        let delegate = ingest_article(text, &styled).expect("ingest");
        assert!(delegate.leaders.iter().all(|l| l.name != "Mr. NASE"));
        let untitled = ingest_article(text, &IngestOptions::default()).expect("ingest");
        assert!(
            untitled.article.title.starts_with("It is an honour"),
            "{}",
            untitled.article.title
        );
    }

    #[test]
    fn a_dateline_agency_is_the_source_and_stays_out_of_the_title() {
        let text = "Nairobi, KNA – Foreign Minister Musalia Mudavadi said Kenya will deepen its trade ties with Uganda.\n";
        let article = ingest_article(text, &IngestOptions::default()).expect("ingest");
        assert_eq!(article.article.source, "KNA");
        assert_eq!(article.article.dateline.as_deref(), Some("Nairobi, KNA"));
        assert!(article.statements[0].text.starts_with("Foreign Minister"));
        let plain = ingest_article("Kenya will trade with Uganda.", &IngestOptions::default());
        assert_eq!(plain.expect("ingest").article.dateline, None);
        assert!(
            article
                .article
                .title
                .starts_with("Foreign Minister Musalia Mudavadi said"),
            "{}",
            article.article.title
        );
    }

    #[test]
    fn empty_and_bad_options_are_errors_not_panics() {
        assert!(matches!(
            ingest_article("  \n", &IngestOptions::default()),
            Err(IngestError::NoText)
        ));
        let options = IngestOptions {
            speaker: Some("XYZ".into()),
            ..Default::default()
        };
        assert!(matches!(
            ingest_article("Some text here.", &options),
            Err(IngestError::UnknownSpeaker(_))
        ));
        let options = IngestOptions {
            published: Some("2021-02-30".into()),
            ..Default::default()
        };
        assert!(matches!(
            ingest_article("Some text here.", &options),
            Err(IngestError::BadDate(_))
        ));
    }

    #[test]
    fn flags_override_what_is_found() {
        let options = IngestOptions {
            id: Some("a1".into()),
            speaker: Some("JPN".into()),
            published: Some("2020-01-02".into()),
            source: Some("Outlet".into()),
            title: Some("Title".into()),
            url: Some("http://example.org/".into()),
            gazetteers: Vec::new(),
            speaker_name: None,
            speaker_post: None,
        };
        let got = ingest_article("South Korea will talk to Japan.", &options).expect("ingest");
        assert_eq!(got.article.speaker_country, "JPN");
        assert_eq!(got.statements[0].targets(), vec!["KOR".to_string()]);
        assert_eq!(got.article.published.as_deref(), Some("2020-01-02"));
        assert_eq!(got.statements[0].id, "a1-s01");
    }

    #[test]
    fn a_state_is_not_the_target_of_the_state_it_continues() {
        let options = IngestOptions {
            speaker: Some("RUS".into()),
            ..Default::default()
        };
        let text = "The Soviet Union lost 27 million citizens in the war against fascism, and the \
            United Kingdom stood beside it.";
        let got = ingest_article(text, &options).expect("ingest");
        assert_eq!(got.statements[0].targets(), vec!["GBR".to_string()]);
    }
}
