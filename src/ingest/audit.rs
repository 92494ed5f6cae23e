//! The audit of ingest on text nobody tuned on: seeded samples of statements from an ingested
//! corpus, hand judgements keyed by article and byte range, and their score.
//!
//! A judgement names its sentence by article id, byte range of the body and a hash of the
//! sentence text (never the text itself), so it can be re-resolved after the rules change and
//! statement ids shift: the range is used when the body still holds the same text there,
//! otherwise the body is searched for a span of the same length and hash. As in [`super::eval`],
//! the predicted targets of a sentence are the union of the targets of the statements that
//! overlap it, and its speaker is the `speaker_entity` of the statement where it starts.
//! `examples/audit_sample.rs` is the command line around this; see `docs/ingest.md`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

/// One statement of an ingested corpus, as far as the audit needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditStatement {
    /// Statement id.
    pub id: String,
    /// Article id.
    pub article: String,
    /// Byte offset of the statement in the article body.
    pub start: usize,
    /// Byte offset just past the statement.
    pub end: usize,
    /// Predicted targets.
    pub targets: Vec<String>,
    /// Predicted speaking government.
    pub speaker_entity: String,
    /// Predicted person, if any.
    pub speaker: Option<String>,
    /// Statement kind (`quote`, `reported`, `narrative`).
    pub kind: String,
    /// The statement text.
    pub text: String,
}

/// One article of an ingested corpus, as far as the audit needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditArticle {
    /// Article id.
    pub id: String,
    /// Article body (statement offsets point into it).
    pub body: String,
    /// The article's speaking government.
    pub speaker_country: String,
    /// The published date, when the article has one.
    pub published: Option<String>,
}

/// A record of a corpus file: the corpus JSON written by `agenda-tui ingest -o` has one
/// statement or article a line.
#[derive(Debug, Clone, PartialEq)]
pub enum CorpusRecord {
    /// A statement line.
    Statement(AuditStatement),
    /// An article line.
    Article(AuditArticle),
}

fn string_field(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_string)
}

/// Parse one statement or article out of a JSON object.
pub fn record_from_value(value: &Value) -> Option<CorpusRecord> {
    if let Some(body) = string_field(value, "body") {
        return Some(CorpusRecord::Article(AuditArticle {
            id: string_field(value, "id")?,
            body,
            speaker_country: string_field(value, "speaker_country").unwrap_or_default(),
            published: string_field(value, "published"),
        }));
    }
    let start = value.get("start")?.as_u64()? as usize;
    let end = value.get("end")?.as_u64()? as usize;
    Some(CorpusRecord::Statement(AuditStatement {
        id: string_field(value, "id")?,
        article: string_field(value, "article")?,
        start,
        end,
        targets: value
            .get("targets")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        speaker_entity: string_field(value, "speaker_entity").unwrap_or_default(),
        speaker: string_field(value, "speaker"),
        kind: string_field(value, "kind").unwrap_or_default(),
        text: string_field(value, "text").unwrap_or_default(),
    }))
}

/// Parse one line of a corpus file written one record a line (a trailing comma is
/// tolerated); `None` for the header and footer lines.
pub fn parse_corpus_line(line: &str) -> Option<CorpusRecord> {
    let object = line.trim().trim_end_matches(',');
    if !object.starts_with('{') || !object.ends_with('}') {
        return None;
    }
    let value: Value = serde_json::from_str(object).ok()?;
    record_from_value(&value)
}

/// FNV-1a (64 bit) of the text with white space collapsed, as 16 hex digits: names a sentence
/// without storing it.
pub fn text_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (n, word) in text.split_whitespace().enumerate() {
        if n > 0 {
            hash = (hash ^ u64::from(b' ')).wrapping_mul(0x0100_0000_01b3);
        }
        for byte in word.bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The sampling key of a statement id under a seed (splitmix64 of the seed and the id's hash):
/// a sample of K is the K statements with the smallest keys, so it is reproducible in one pass
/// and a sample under another seed that skips the first one's ids is disjoint from it.
pub fn sample_key(seed: u64, statement_id: &str) -> u64 {
    let id_hash = u64::from_str_radix(&text_hash(statement_id), 16).unwrap_or(0);
    let mut z = seed ^ id_hash;
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Collects the `count` statements with the smallest [`sample_key`]s.
#[derive(Debug)]
pub struct Sampler {
    seed: u64,
    count: usize,
    heap: BinaryHeap<(u64, String)>,
    chosen: HashMap<String, AuditStatement>,
}

impl Sampler {
    /// A sampler of `count` statements under `seed`.
    pub fn new(seed: u64, count: usize) -> Self {
        Sampler {
            seed,
            count,
            heap: BinaryHeap::new(),
            chosen: HashMap::new(),
        }
    }

    /// Offer one statement.
    pub fn offer(&mut self, statement: AuditStatement) {
        let key = sample_key(self.seed, &statement.id);
        if self.heap.len() < self.count {
            self.heap.push((key, statement.id.clone()));
            self.chosen.insert(statement.id.clone(), statement);
        } else if self.heap.peek().is_some_and(|(top, _)| key < *top) {
            if let Some((_, dropped)) = self.heap.pop() {
                self.chosen.remove(&dropped);
            }
            self.heap.push((key, statement.id.clone()));
            self.chosen.insert(statement.id.clone(), statement);
        }
    }

    /// The sample, ordered by statement id.
    pub fn finish(self) -> Vec<AuditStatement> {
        let mut sample: Vec<AuditStatement> = self.chosen.into_values().collect();
        sample.sort_by(|a, b| a.id.cmp(&b.id));
        sample
    }
}

/// A hand judgement of one sampled sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    /// Article id.
    pub article: String,
    /// Byte offset of the sentence in the body when it was sampled.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// [`text_hash`] of the sentence.
    pub hash: String,
    /// The statement id it had when sampled (for reference only; ids may shift).
    #[serde(default)]
    pub statement: String,
    /// The targets the annotation conventions give the sentence.
    pub gold_targets: Vec<String>,
    /// The government speaking in the sentence.
    pub gold_speaker: String,
    /// Why, briefly.
    #[serde(default)]
    pub note: String,
}

/// Where a judged sentence is in a body now: its range when the text there still has its hash,
/// else the first span of the same length and hash that starts a word.
pub fn resolve_span(body: &str, judgement: &Judgement) -> Option<(usize, usize)> {
    let length = judgement.end.checked_sub(judgement.start)?;
    if body
        .get(judgement.start..judgement.end)
        .is_some_and(|text| text_hash(text) == judgement.hash)
    {
        return Some((judgement.start, judgement.end));
    }
    body.char_indices()
        .filter(|&(at, c)| {
            !c.is_whitespace() && super::char_before(body, at).is_none_or(char::is_whitespace)
        })
        .map(|(at, _)| (at, at + length))
        .find(|&(start, end)| {
            body.get(start..end)
                .is_some_and(|text| text_hash(text) == judgement.hash)
        })
}

/// The score of a set of judgements against a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditScore {
    /// Judgements found in the corpus.
    pub resolved: usize,
    /// Judgements whose article or sentence is not in the corpus.
    pub unresolved: Vec<String>,
    /// Predicted (sentence, target) pairs in the gold.
    pub true_positives: usize,
    /// Predicted pairs not in the gold.
    pub false_positives: usize,
    /// Gold pairs not predicted.
    pub false_negatives: usize,
    /// Sentences whose statement has the gold speaking government.
    pub speakers_right: usize,
    /// One line per wrong target or speaker: `statement: FP X` / `FN X` / `SPK X (gold Y)`.
    pub errors: Vec<String>,
}

impl AuditScore {
    fn scores(&self) -> (f64, f64, f64) {
        super::eval::precision_recall_f1(
            self.true_positives,
            self.false_positives,
            self.false_negatives,
        )
    }
    /// Precision over (sentence, target) pairs.
    pub fn precision(&self) -> f64 {
        self.scores().0
    }
    /// Recall over (sentence, target) pairs.
    pub fn recall(&self) -> f64 {
        self.scores().1
    }
    /// F1 over (sentence, target) pairs.
    pub fn f1(&self) -> f64 {
        self.scores().2
    }
    /// Share of resolved sentences with the right speaking government.
    pub fn speaker_accuracy(&self) -> f64 {
        super::eval::ratio(self.speakers_right, self.resolved)
    }
}

/// Score judgements against the articles and statements of a corpus (statements of other
/// articles are ignored).
pub fn score(
    judgements: &[Judgement],
    articles: &[AuditArticle],
    statements: &[AuditStatement],
) -> AuditScore {
    let mut result = AuditScore::default();
    for judgement in judgements {
        let label = format!("{}@{}", judgement.article, judgement.start);
        let Some(article) = articles.iter().find(|a| a.id == judgement.article) else {
            result.unresolved.push(label);
            continue;
        };
        let Some((start, end)) = resolve_span(&article.body, judgement) else {
            result.unresolved.push(label);
            continue;
        };
        result.resolved += 1;
        let own: Vec<&AuditStatement> = statements
            .iter()
            .filter(|s| s.article == judgement.article && s.start < end && start < s.end)
            .collect();
        let speaking = own
            .iter()
            .find(|s| s.start <= start && start < s.end)
            .or_else(|| own.first());
        let label = speaking.map_or(label, |s| s.id.clone());
        match speaking {
            Some(s) if s.speaker_entity == judgement.gold_speaker => result.speakers_right += 1,
            Some(s) => result.errors.push(format!(
                "{label}: SPK {} (gold {})",
                s.speaker_entity, judgement.gold_speaker
            )),
            None => result.errors.push(format!("{label}: SPK none")),
        }
        let predicted: BTreeSet<&str> = own
            .iter()
            .flat_map(|s| s.targets.iter().map(String::as_str))
            .collect();
        let expected: BTreeSet<&str> = judgement.gold_targets.iter().map(String::as_str).collect();
        for target in &predicted {
            if expected.contains(target) {
                result.true_positives += 1;
            } else {
                result.false_positives += 1;
                result.errors.push(format!("{label}: FP {target}"));
            }
        }
        for target in expected.difference(&predicted) {
            result.false_negatives += 1;
            result.errors.push(format!("{label}: FN {target}"));
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(id: &str, start: usize, end: usize, targets: &[&str]) -> AuditStatement {
        AuditStatement {
            id: id.to_string(),
            article: "A".to_string(),
            start,
            end,
            targets: targets.iter().map(|t| t.to_string()).collect(),
            speaker_entity: "NZL".to_string(),
            speaker: None,
            kind: "reported".to_string(),
            text: String::new(),
        }
    }

    fn judgement(start: usize, end: usize, hash: &str, gold: &[&str]) -> Judgement {
        Judgement {
            article: "A".to_string(),
            start,
            end,
            hash: hash.to_string(),
            statement: String::new(),
            gold_targets: gold.iter().map(|t| t.to_string()).collect(),
            gold_speaker: "NZL".to_string(),
            note: String::new(),
        }
    }

    #[test]
    fn the_hash_ignores_white_space_differences() {
        assert_eq!(text_hash("We  thank\nFiji."), text_hash("We thank Fiji."));
        assert_ne!(text_hash("We thank Fiji."), text_hash("We thank Tonga."));
    }

    #[test]
    fn samples_are_reproducible_and_take_the_smallest_keys() {
        let take = |seed| {
            let mut sampler = Sampler::new(seed, 3);
            for n in 0..50 {
                sampler.offer(statement(&format!("A-s{n:02}"), 0, 1, &[]));
            }
            sampler.finish()
        };
        assert_eq!(take(7), take(7));
        assert_ne!(take(7), take(8));
        let sample = take(7);
        let largest = sample.iter().map(|s| sample_key(7, &s.id)).max().unwrap();
        let below = (0..50)
            .filter(|n| sample_key(7, &format!("A-s{n:02}")) <= largest)
            .count();
        assert_eq!(below, 3);
    }

    #[test]
    fn a_moved_sentence_is_found_again_and_scored_by_overlap() {
        let body = "Tonga thanks Fiji. We welcome the Pacific Islands Forum.";
        let sentence = "We welcome the Pacific Islands Forum.";
        let hash = text_hash(sentence);
        let moved = "Intro. Tonga thanks Fiji. We welcome the Pacific Islands Forum.";
        let old = judgement(19, 19 + sentence.len(), &hash, &["PACIFIC_ISLANDS"]);
        assert_eq!(resolve_span(body, &old), Some((19, body.len())));
        assert_eq!(resolve_span(moved, &old), Some((26, moved.len())));
        let articles = [AuditArticle {
            id: "A".to_string(),
            body: moved.to_string(),
            speaker_country: "NZL".to_string(),
            published: None,
        }];
        let statements = [
            statement("A-s1", 0, 25, &["FJI"]),
            statement("A-s2", 26, 45, &["PACIFIC_ISLANDS", "UN"]),
            statement("A-s3", 46, moved.len(), &[]),
        ];
        let got = score(&[old], &articles, &statements);
        assert_eq!(got.resolved, 1);
        assert_eq!(
            (got.true_positives, got.false_positives, got.false_negatives),
            (1, 1, 0)
        );
        assert_eq!(got.speakers_right, 1);
        assert_eq!(got.errors, vec!["A-s2: FP UN".to_string()]);
        let lost = judgement(0, 5, "0000000000000000", &[]);
        assert_eq!(score(&[lost], &articles, &statements).unresolved.len(), 1);
    }

    #[test]
    fn missed_targets_wrong_speakers_and_empty_golds_score_as_counted() {
        let body = "We thank Fiji. Tonga and Samoa met. We urge the Assembly to act.";
        let articles = [AuditArticle {
            id: "A".to_string(),
            body: body.to_string(),
            speaker_country: "NZL".to_string(),
            published: None,
        }];
        let mut other = statement("A-s2", 15, 35, &["TON"]);
        other.speaker_entity = "TON".to_string();
        let statements = [
            statement("A-s1", 0, 14, &["FJI"]),
            other,
            statement("A-s3", 36, body.len(), &[]),
        ];
        let judge = |start: usize, end: usize, gold: &[&str]| {
            judgement(start, end, &text_hash(&body[start..end]), gold)
        };
        let judgements = [
            judge(0, 14, &["FJI"]),
            judge(15, 35, &["TON", "WSM"]),
            judge(36, body.len(), &["UN"]),
        ];
        let got = score(&judgements, &articles, &statements);
        assert_eq!(got.resolved, 3);
        assert_eq!(
            (got.true_positives, got.false_positives, got.false_negatives),
            (2, 0, 2)
        );
        assert_eq!(got.speakers_right, 2);
        assert!((got.precision() - 1.0).abs() < 1e-9);
        assert!((got.recall() - 0.5).abs() < 1e-9);
        assert!((got.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert!((got.speaker_accuracy() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            got.errors,
            vec![
                "A-s2: SPK TON (gold NZL)".to_string(),
                "A-s2: FN WSM".to_string(),
                "A-s3: FN UN".to_string(),
            ]
        );
        let nothing = score(&[judge(36, body.len(), &[])], &articles, &statements);
        assert_eq!(
            (nothing.precision(), nothing.recall(), nothing.f1()),
            (1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn corpus_lines_parse_as_statements_and_articles() {
        let line = r#"{"id":"A-s01","article":"A","text":"x","start":0,"end":1,"targets":["UN"],"speaker_entity":"AFG","kind":"quote"},"#;
        let Some(CorpusRecord::Statement(s)) = parse_corpus_line(line) else {
            panic!("not a statement");
        };
        assert_eq!((s.start, s.end, s.targets), (0, 1, vec!["UN".to_string()]));
        let line = r#"{"id":"A","body":"x","speaker_country":"AFG"}],"entities":["#;
        assert!(parse_corpus_line(line).is_none());
        let line = r#"{"id":"A","body":"x","speaker_country":"AFG"}"#;
        assert!(matches!(
            parse_corpus_line(line),
            Some(CorpusRecord::Article(_))
        ));
        assert!(
            parse_corpus_line(r#"{"format":"agenda-corpus","version":1,"statements":["#).is_none()
        );
    }
}
