//! `agenda-tui eval DIR`: score ingest against gold annotations.
//!
//! For every `NAME.txt` with a `NAME.gold.json` beside it (and `NAME.raw.txt` when present), the
//! article is ingested with no flags. For each gold sentence in `annotated_sentences`, the
//! predicted targets are the union of the targets of the statements overlapping it; precision,
//! recall and F1 are counted over (sentence, target) pairs and micro-averaged. Sentence-split
//! accuracy is the share of gold sentences that are exactly one statement; leader recall the
//! share of gold leaders found by name. Statement-speaker accuracy is the share of gold sentences
//! whose speaking government (the gold `other_speakers` entry, else the article's speaker) is the
//! `speaker_entity` of the statement that starts the sentence; speaker-name accuracy the share
//! whose statement names its person as [`name_is_right`] says.
//!
//! `Split` selects half of a directory by sorted file index (1-based: odd or even), so rules can be
//! developed on one half and measured on the other.

use super::{IngestOptions, Pipeline};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Counts for one article (or a sum of articles).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// Predicted (sentence, target) pairs that are in the gold.
    pub true_positives: usize,
    /// Predicted pairs not in the gold.
    pub false_positives: usize,
    /// Gold pairs not predicted.
    pub false_negatives: usize,
    /// Gold sentences that are exactly one statement.
    pub sentences_split_right: usize,
    /// Gold sentences.
    pub sentences: usize,
    /// Gold leaders found.
    pub leaders_found: usize,
    /// Gold leaders.
    pub leaders: usize,
    /// Gold sentences whose statement has the gold speaking government.
    pub speakers_right: usize,
    /// Gold sentences whose statement names its person as the rule of [`name_is_right`] says.
    pub names_right: usize,
}

/// `part / whole`, or 1 when there is nothing to count.
pub(super) fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Precision, recall and F1 of true positives, false positives and false negatives.
pub(super) fn precision_recall_f1(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f1)
}

impl Counts {
    fn scores(&self) -> (f64, f64, f64) {
        precision_recall_f1(
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
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        self.scores().2
    }
    /// Share of gold sentences split exactly.
    pub fn split_accuracy(&self) -> f64 {
        ratio(self.sentences_split_right, self.sentences)
    }
    /// Share of gold leaders found.
    pub fn leader_recall(&self) -> f64 {
        ratio(self.leaders_found, self.leaders)
    }
    /// Share of gold sentences whose statement has the gold speaking government.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speakers_right, self.sentences)
    }
    /// Share of gold sentences whose statement's person is right ([`name_is_right`]).
    pub fn name_accuracy(&self) -> f64 {
        ratio(self.names_right, self.sentences)
    }
    fn add(&mut self, other: &Counts) {
        self.speakers_right += other.speakers_right;
        self.names_right += other.names_right;
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
        self.sentences_split_right += other.sentences_split_right;
        self.sentences += other.sentences;
        self.leaders_found += other.leaders_found;
        self.leaders += other.leaders;
    }
}

/// Whether a gold name and a found name are the same person: equal but for case and full
/// stops ("Ferdinand Marcos Jr" and "Ferdinand Marcos Jr."), or the gold name written with
/// initials ("S Jaishankar" for the gazetteer's "Subrahmanyam Jaishankar").
pub fn same_person(gold: &str, found: &str) -> bool {
    let plain = |name: &str| {
        name.split_whitespace()
            .map(|word| word.trim_end_matches('.').to_lowercase())
            .collect::<Vec<String>>()
    };
    plain(gold) == plain(found) || super::person::initials_fit(gold, found)
}

/// The rule for a statement's person (`Statement.speaker`), against the gold `leaders` (name,
/// country) and the gold speaking government of the sentence:
/// - a person the gold lists is right only when they are of the speaking government;
/// - any other name (an office, a person the gold does not list) is right only when the gold
///   lists nobody of the speaking government;
/// - no name is right for narration, or when the gold lists nobody of the speaking government
///   (quoted and reported words of a government whose person the text names need the person).
pub fn name_is_right(
    name: Option<&str>,
    narrative: bool,
    expected_speaker: &str,
    gold_leaders: &[(&str, &str)],
) -> bool {
    let of_side = |who: &str| {
        gold_leaders
            .iter()
            .any(|(leader, country)| *country == expected_speaker && same_person(leader, who))
    };
    let side_named = gold_leaders
        .iter()
        .any(|(_, country)| *country == expected_speaker);
    match name {
        Some(who) if gold_leaders.iter().any(|(l, _)| same_person(l, who)) => of_side(who),
        Some(_) => !side_named,
        None => narrative || !side_named,
    }
}

/// The score of one article file.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleScore {
    /// `NAME`, with " (raw)" for page dumps.
    pub name: String,
    /// The counts.
    pub counts: Counts,
    /// The speaker found, and the gold speaker.
    pub speaker: (String, String),
    /// Wrong pairs, for `--verbose`: (sentence number, target, "FP" or "FN"), and wrong
    /// statement speakers (sentence number, speaker found, "SPK").
    pub errors: Vec<(usize, String, &'static str)>,
}

/// Which half of a directory to score, by the 1-based index of the sorted annotated names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Split {
    /// Every annotated article.
    #[default]
    All,
    /// Articles 1, 3, 5, …
    Odd,
    /// Articles 2, 4, 6, …
    Even,
}

impl Split {
    /// True when the article at 0-based `index` of the sorted names belongs to this split.
    pub fn keeps(self, index: usize) -> bool {
        match self {
            Split::All => true,
            Split::Odd => index.is_multiple_of(2),
            Split::Even => !index.is_multiple_of(2),
        }
    }
}

impl std::str::FromStr for Split {
    type Err = String;
    fn from_str(s: &str) -> Result<Split, String> {
        match s {
            "all" => Ok(Split::All),
            "odd" => Ok(Split::Odd),
            "even" => Ok(Split::Even),
            other => Err(format!("unknown split \"{other}\" (odd, even or all)")),
        }
    }
}

/// All scores of a directory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalReport {
    /// One row per clean article.
    pub clean: Vec<ArticleScore>,
    /// One row per raw page dump.
    pub raw: Vec<ArticleScore>,
}

impl EvalReport {
    /// Micro-averaged counts over rows.
    pub fn micro(rows: &[ArticleScore]) -> Counts {
        let mut total = Counts::default();
        for row in rows {
            total.add(&row.counts);
        }
        total
    }
}

/// Score one article text against its parsed gold annotation.
pub fn score_article(
    pipeline: &Pipeline,
    name: &str,
    text: &str,
    gold: &Value,
) -> Result<ArticleScore, String> {
    let options = IngestOptions {
        id: Some(name.to_string()),
        ..Default::default()
    };
    let ingested = pipeline.ingest(text, &options).map_err(|e| e.to_string())?;
    let body = &ingested.article.body;
    let sentences: Vec<&str> = gold
        .get("annotated_sentences")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let countries = gold.get("countries").and_then(Value::as_object);
    let mut counts = Counts {
        sentences: sentences.len(),
        ..Default::default()
    };
    let gold_speaker = gold
        .get("speaker_country")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let other_speakers: Vec<(&str, &str)> = gold
        .get("other_speakers")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|o| Some((o.get("sentence")?.as_str()?, o.get("speaker")?.as_str()?)))
                .collect()
        })
        .unwrap_or_default();
    let gold_leaders: Vec<(&str, &str)> = gold
        .get("leaders")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|l| {
                    Some((
                        l.get("name")?.as_str()?,
                        l.get("country").and_then(Value::as_str).unwrap_or_default(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut errors = Vec::new();
    let mut cursor = 0;
    for (n, sentence) in sentences.iter().enumerate() {
        let span = body
            .get(cursor..)
            .and_then(|tail| tail.find(sentence))
            .map(|i| i + cursor)
            .or_else(|| body.find(sentence))
            .map(|start| (start, start + sentence.len()))
            // Datelines are stripped on both sides: ingest starts the first statement after
            // it, and so does the gold sentence.
            .map(|(start, end)| {
                let dateline = super::dateline::dateline_len(&body[start..end]).unwrap_or(0);
                (start + dateline, end)
            });
        let mut predicted: BTreeSet<&str> = BTreeSet::new();
        let expected_speaker = other_speakers
            .iter()
            .find(|(text, _)| text == sentence)
            .map_or(gold_speaker.as_str(), |(_, speaker)| *speaker);
        if let Some((start, end)) = span {
            cursor = end;
            let speaking = ingested
                .statements
                .iter()
                .find(|s| (s.start as usize) <= start && start < s.end as usize)
                .or_else(|| {
                    ingested
                        .statements
                        .iter()
                        .find(|s| (s.start as usize) < end && start < s.end as usize)
                });
            if let Some(statement) = speaking {
                if statement.speaker_entity.as_str() == expected_speaker {
                    counts.speakers_right += 1;
                } else {
                    errors.push((n + 1, statement.speaker_entity.to_string(), "SPK"));
                }
                let narrative = statement.kind == crate::model::StatementKind::Narrative;
                let name = statement.speaker.as_deref();
                if name_is_right(name, narrative, expected_speaker, &gold_leaders) {
                    counts.names_right += 1;
                } else {
                    errors.push((n + 1, name.unwrap_or("no person").to_string(), "NAME"));
                }
            }
            for statement in &ingested.statements {
                if (statement.start as usize) < end && start < statement.end as usize {
                    predicted.extend(statement.targets().iter().map(|t| t.as_str()));
                }
                if statement.span() == (start..end) {
                    counts.sentences_split_right += 1;
                }
            }
        }
        let expected: BTreeSet<&str> = countries
            .map(|c| {
                c.iter()
                    .filter(|(_, list)| {
                        list.as_array()
                            .is_some_and(|l| l.iter().any(|s| s.as_str() == Some(sentence)))
                    })
                    .map(|(id, _)| id.as_str())
                    .collect()
            })
            .unwrap_or_default();
        for target in &predicted {
            if expected.contains(target) {
                counts.true_positives += 1;
            } else {
                counts.false_positives += 1;
                errors.push((n + 1, target.to_string(), "FP"));
            }
        }
        for target in expected.difference(&predicted) {
            counts.false_negatives += 1;
            errors.push((n + 1, target.to_string(), "FN"));
        }
    }
    counts.leaders = gold_leaders.len();
    counts.leaders_found = gold_leaders
        .iter()
        .filter(|(name, _)| ingested.leaders.iter().any(|l| same_person(name, &l.name)))
        .count();
    Ok(ArticleScore {
        name: name.to_string(),
        counts,
        speaker: (ingested.article.speaker_country, gold_speaker),
        errors,
    })
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("{}: not valid UTF-8 text", path.display()))
}

/// Score every annotated article of a directory.
pub fn evaluate_dir(pipeline: &Pipeline, dir: &Path) -> Result<EvalReport, String> {
    evaluate_split(pipeline, dir, Split::All)
}

/// Score one half (or all) of the annotated articles of a directory.
pub fn evaluate_split(pipeline: &Pipeline, dir: &Path, split: Split) -> Result<EvalReport, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if let Some(name) = file_name.strip_suffix(".gold.json") {
            names.push(name.to_string());
        }
    }
    names.sort();
    let mut report = EvalReport::default();
    names.retain(|name| dir.join(format!("{name}.txt")).is_file());
    for (index, name) in names.into_iter().enumerate() {
        if !split.keeps(index) {
            continue;
        }
        let text_path: PathBuf = dir.join(format!("{name}.txt"));
        let gold_path = dir.join(format!("{name}.gold.json"));
        let gold: Value = serde_json::from_str(&read_text(&gold_path)?)
            .map_err(|e| format!("{}: {e}", gold_path.display()))?;
        let text = read_text(&text_path)?;
        report.clean.push(
            score_article(pipeline, &name, &text, &gold)
                .map_err(|e| format!("{}: {e}", text_path.display()))?,
        );
        let raw_path = dir.join(format!("{name}.raw.txt"));
        if raw_path.is_file() {
            let raw = read_text(&raw_path)?;
            report.raw.push(
                score_article(pipeline, &format!("{name} (raw)"), &raw, &gold)
                    .map_err(|e| format!("{}: {e}", raw_path.display()))?,
            );
        }
    }
    if report.clean.is_empty() {
        return Err(format!(
            "{}: no NAME.txt with a NAME.gold.json beside it",
            dir.display()
        ));
    }
    Ok(report)
}

fn row(name: &str, counts: &Counts, speaker: &str) -> String {
    format!(
        "{name:<52} {:>5.3} {:>5.3} {:>5.3} {:>6.3} {:>7.3} {:>7.3} {:>7.3}  {speaker}",
        counts.precision(),
        counts.recall(),
        counts.f1(),
        counts.split_accuracy(),
        counts.leader_recall(),
        counts.speaker_accuracy(),
        counts.name_accuracy()
    )
}

/// Articles whose speaker country is the gold one, and the number of articles.
pub fn speakers_right(rows: &[ArticleScore]) -> (usize, usize) {
    let right = rows.iter().filter(|r| r.speaker.0 == r.speaker.1).count();
    (right, rows.len())
}

fn counts_json(counts: &Counts) -> Value {
    serde_json::json!({
        "precision": counts.precision(),
        "recall": counts.recall(),
        "f1": counts.f1(),
        "split": counts.split_accuracy(),
        "leaders": counts.leader_recall(),
        "statement_speakers": counts.speaker_accuracy(),
        "speaker_names": counts.name_accuracy(),
        "true_positives": counts.true_positives,
        "false_positives": counts.false_positives,
        "false_negatives": counts.false_negatives,
        "sentences": counts.sentences,
    })
}

/// The report as one JSON object: `articles` and `raw` (one object per file) and `micro` /
/// `micro_raw` totals, with `article_speakers_right` counting articles whose speaker is right.
pub fn report_json(report: &EvalReport) -> Value {
    let rows = |rows: &[ArticleScore]| -> Value {
        rows.iter()
            .map(|r| {
                let mut object = counts_json(&r.counts);
                object["name"] = Value::from(r.name.clone());
                object["speaker"] = Value::from(r.speaker.0.clone());
                object["gold_speaker"] = Value::from(r.speaker.1.clone());
                object["speaker_right"] = Value::from(r.speaker.0 == r.speaker.1);
                object
            })
            .collect()
    };
    let micro = |list: &[ArticleScore]| {
        let mut object = counts_json(&EvalReport::micro(list));
        let (right, total) = speakers_right(list);
        object["article_speakers_right"] = Value::from(right);
        object["articles"] = Value::from(total);
        object
    };
    serde_json::json!({
        "articles": rows(&report.clean),
        "micro": micro(&report.clean),
        "raw": rows(&report.raw),
        "micro_raw": micro(&report.raw),
    })
}

/// The report as a table.
pub fn format_report(report: &EvalReport, verbose: bool) -> String {
    let mut out = format!(
        "{:<52} {:>5} {:>5} {:>5} {:>6} {:>7} {:>7} {:>7}  speaker\n",
        "article", "P", "R", "F1", "split", "leaders", "st.spk", "st.name"
    );
    for (rows, label) in [(&report.clean, "micro"), (&report.raw, "micro (raw)")] {
        if rows.is_empty() {
            continue;
        }
        for score in rows.iter() {
            let speaker = if score.speaker.0 == score.speaker.1 {
                score.speaker.0.clone()
            } else {
                format!("{} (gold {})", score.speaker.0, score.speaker.1)
            };
            out.push_str(&row(&score.name, &score.counts, &speaker));
            out.push('\n');
            if verbose {
                for (n, target, what) in &score.errors {
                    out.push_str(&format!("    s{n} {what} {target}\n"));
                }
            }
        }
        let (right, total) = speakers_right(rows);
        out.push_str(&row(
            label,
            &EvalReport::micro(rows),
            &format!("{right}/{total} right"),
        ));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_is_the_same_written_with_initials_or_without_full_stops() {
        assert!(same_person("S Jaishankar", "Subrahmanyam Jaishankar"));
        assert!(same_person("Ferdinand Marcos Jr", "Ferdinand Marcos Jr."));
        assert!(same_person("mao ning", "Mao Ning"));
        assert!(!same_person("Wang Yi", "Wang Wenbin"));
        assert!(!same_person("Jaishankar", "Subrahmanyam Jaishankar"));
    }

    #[test]
    fn a_statement_person_is_right_only_for_its_side() {
        let gold = [("Ana Ruiz", "PER"), ("Mauro Vieira", "BRA")];
        assert!(name_is_right(Some("Ana Ruiz"), false, "PER", &gold));
        assert!(!name_is_right(Some("Mauro Vieira"), false, "PER", &gold));
        assert!(!name_is_right(None, false, "PER", &gold));
        assert!(name_is_right(None, true, "PER", &gold));
        assert!(!name_is_right(Some("Peru side"), false, "PER", &gold));
        assert!(name_is_right(None, false, "CHL", &gold));
        assert!(name_is_right(Some("Chile's ministry"), false, "CHL", &gold));
    }

    #[test]
    fn pairs_are_counted_per_gold_sentence() {
        let pipeline = Pipeline::with_extra(&[]).expect("pipeline");
        let gold: Value = serde_json::json!({
            "speaker_country": "KOR",
            "countries": {"JPN": ["South Korea will talk to Japan."], "CHN": ["Prices fell in Seoul."]},
            "annotated_sentences": ["South Korea will talk to Japan.", "Prices fell in Seoul."],
            "leaders": [{"name": "Moon Jae-in"}]
        });
        let score = score_article(
            &pipeline,
            "t",
            "South Korea will talk to Japan.\n\nPrices fell in Seoul.",
            &gold,
        )
        .expect("score");
        assert_eq!(score.counts.true_positives, 1);
        assert_eq!(score.counts.false_negatives, 1);
        assert_eq!(score.counts.false_positives, 0);
        assert_eq!(score.counts.sentences_split_right, 2);
        assert_eq!(score.counts.leaders_found, 0);
        assert!((score.counts.f1() - 2.0 / 3.0).abs() < 1e-9);
    }
}
