//! The corpus format: the seed against the gold annotation and the JSON Schema, and a table of
//! malformed files that each get a located error from `agenda-tui check`.

use agenda_tui::load::{self, LoadError};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seed_text() -> String {
    std::fs::read_to_string(root().join("data/corpus/seed.json")).expect("seed corpus readable")
}

fn seed_value() -> Value {
    serde_json::from_str(&seed_text()).expect("seed is JSON")
}

/// (sentence, target) pairs of the gold annotation.
fn gold_pairs(gold: &Value) -> BTreeSet<(String, String)> {
    let mut pairs = BTreeSet::new();
    for (target, sentences) in gold["countries"].as_object().expect("countries") {
        for s in sentences.as_array().expect("sentences") {
            pairs.insert((s.as_str().expect("str").to_string(), target.clone()));
        }
    }
    pairs
}

#[test]
fn seed_corpus_agrees_with_gold_annotation_f1_is_one() {
    let gold_path = root().join("../shared/ingest-dev/arirang-2021-01-21-indo-pacific.gold.json");
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("gold readable"))
            .expect("gold is JSON");
    let corpus = load::embedded_seed().expect("seed valid");
    let article = &corpus.articles[0];
    // Scoring as in ingest-dev/README.md: a sentence's predicted targets are the union of the
    // targets of the statements whose byte range overlaps the sentence.
    let mut predicted = BTreeSet::new();
    let mut search_from = 0;
    for sentence in gold["annotated_sentences"].as_array().expect("sentences") {
        let sentence = sentence.as_str().expect("str");
        let start = article.body[search_from..]
            .find(sentence)
            .map(|p| p + search_from)
            .unwrap_or_else(|| panic!("gold sentence not in body: {sentence}"));
        let end = start + sentence.len();
        search_from = end;
        for st in corpus
            .statements
            .iter()
            .filter(|st| st.start < end && start < st.end)
        {
            for t in &st.targets {
                predicted.insert((sentence.to_string(), t.to_string()));
            }
        }
    }
    let gold = gold_pairs(&gold);
    let true_positives = predicted.intersection(&gold).count() as f64;
    let precision = true_positives / predicted.len() as f64;
    let recall = true_positives / gold.len() as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    assert_eq!(f1, 1.0, "precision {precision} recall {recall}");
}

#[test]
fn seed_has_every_sentence_as_a_statement_and_no_boilerplate() {
    let corpus = load::embedded_seed().expect("seed valid");
    let article = &corpus.articles[0];
    assert_eq!(article.source, "Arirang News");
    assert_eq!(article.byline.as_deref(), Some("Kim Min-ji"));
    assert_eq!(article.published.as_deref(), Some("2021-01-21"));
    assert!(!article.body.contains("Leave a Reply"));
    assert!(!article.body.contains("Arirang News"));
    // Statements cover the body: only whitespace lies between consecutive statements.
    let mut covered = 0;
    for st in &corpus.statements {
        assert!(article.body[covered..st.start].trim().is_empty());
        covered = st.end;
    }
    assert!(article.body[covered..].trim().is_empty());
    let leaders: BTreeMap<_, _> = corpus
        .leaders
        .iter()
        .map(|l| (l.name.as_str(), (l.entity.as_str(), l.role.as_str())))
        .collect();
    assert_eq!(leaders["Moon Jae-in"], ("KOR", "President"));
    assert_eq!(leaders["Joe Biden"], ("USA", "President"));
    assert_eq!(leaders["Xi Jinping"], ("CHN", "President"));
    assert_eq!(leaders["Vladimir Putin"], ("RUS", "President"));
    assert!(corpus.statements.iter().all(|s| !s.topics.is_empty()));
}

#[test]
fn shipped_raw_article_is_the_shared_seed() {
    let ours = std::fs::read(root().join("data/articles/arirang-2021-01-21-indo-pacific.txt"))
        .expect("raw article");
    let shared = std::fs::read(root().join("../shared/seed/arirang-2021-01-21-indo-pacific.txt"))
        .expect("shared seed");
    assert_eq!(ours, shared);
}

#[test]
fn seed_corpus_is_valid_against_the_json_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("data/corpus.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&seed_value())
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema is not vacuous: a wrong kind is refused.
    let mut bad = seed_value();
    bad["statements"][0]["kind"] = Value::from("rumour");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn a_dateline_is_optional_and_one_line_in_check_and_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("data/corpus.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    assert!(seed_value()["articles"][0].get("dateline").is_none());
    for (dateline, valid) in [
        (Value::from("SEOUL, Jan. 21 (Arirang)"), true),
        (Value::Null, true),
        (Value::from(""), false),
        (Value::from("  "), false),
        (Value::from("SEOUL,\nJan. 21"), false),
    ] {
        let mut value = seed_value();
        value["articles"][0]["dateline"] = dateline.clone();
        assert_eq!(validator.is_valid(&value), valid, "schema: {dateline}");
        let text = serde_json::to_string(&value).expect("serialise");
        let checked = problems_of_text(&text);
        assert_eq!(checked.is_empty(), valid, "check: {dateline}: {checked:?}");
        if valid {
            let corpus = load::parse_corpus_file("ok.json", text.as_bytes()).expect("valid");
            assert_eq!(corpus.articles[0].dateline.as_deref(), dateline.as_str());
        }
    }
}

/// Apply `mutate` to the seed and return the problems `parse_corpus_file` reports.
fn problems_of(mutate: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut value = seed_value();
    mutate(&mut value);
    let text = serde_json::to_string_pretty(&value).expect("serialise");
    problems_of_text(&text)
}

fn problems_of_text(text: &str) -> Vec<String> {
    match load::parse_corpus_file("bad.json", text.as_bytes()) {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid { problems, .. }) => {
            problems.iter().map(|p| p.to_string()).collect()
        }
        Err(other) => panic!("unexpected {other}"),
    }
}

fn assert_problem(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p.contains(expected)),
        "expected a problem containing {expected:?}, got {problems:#?}"
    );
}

#[test]
fn malformed_files_each_get_a_located_error() {
    type Mutation = Box<dyn FnOnce(&mut Value)>;
    let table: Vec<(&str, Mutation, &str)> = vec![
        (
            "unknown target",
            Box::new(|v| v["statements"][3]["targets"][0] = "XYZ".into()),
            "bad.json: statements[3].targets[0]: unknown entity \"XYZ\"",
        ),
        (
            "unknown article",
            Box::new(|v| v["statements"][1]["article"] = "nope".into()),
            "bad.json: statements[1].article: unknown article \"nope\"",
        ),
        (
            "unknown leader",
            Box::new(|v| v["statements"][5]["leaders"][0] = "Kim Jong-un".into()),
            "statements[5].leaders[0]: unknown leader \"Kim Jong-un\"",
        ),
        (
            "leader with unknown entity",
            Box::new(|v| v["leaders"][0]["entity"] = "ATL".into()),
            "leaders[0].entity: unknown entity \"ATL\"",
        ),
        (
            "unknown speaker entity",
            Box::new(|v| v["statements"][0]["speaker_entity"] = "ROK".into()),
            "statements[0].speaker_entity: unknown entity \"ROK\"",
        ),
        (
            "unknown speaker country",
            Box::new(|v| v["articles"][0]["speaker_country"] = "XX".into()),
            "articles[0].speaker_country: unknown entity \"XX\"",
        ),
        (
            "duplicate statement id",
            Box::new(|v| v["statements"][2]["id"] = v["statements"][1]["id"].clone()),
            "statements[2].id: duplicate statement id \"arirang-2021-01-21-s02\" (first at statements[1])",
        ),
        (
            "duplicate entity id",
            Box::new(|v| v["entities"][1]["id"] = "KOR".into()),
            "entities[1].id: duplicate entity id \"KOR\" (first at entities[0])",
        ),
        (
            "end out of range",
            Box::new(|v| v["statements"][14]["end"] = 999_999.into()),
            "statements[14].end: end 999999 is past the end of the article body",
        ),
        (
            "start after end",
            Box::new(|v| v["statements"][0]["start"] = 500.into()),
            "statements[0].start: start 500 is after end",
        ),
        (
            "text differs from body",
            Box::new(|v| v["statements"][4]["text"] = "On China Moon expressed hope".into()),
            "statements[4].text: text is not equal to the article body",
        ),
        (
            "empty text",
            Box::new(|v| {
                v["statements"][0]["text"] = "".into();
                v["statements"][0]["end"] = 0.into();
            }),
            "statements[0].text: empty text",
        ),
        (
            "invalid date",
            Box::new(|v| v["articles"][0]["published"] = "2021-02-30".into()),
            "articles[0].published: invalid date \"2021-02-30\"",
        ),
        (
            "dateline of two lines",
            Box::new(|v| v["articles"][0]["dateline"] = "SEOUL,\nJan 21".into()),
            "articles[0].dateline: a dateline is one line of text, not empty",
        ),
        (
            "blank dateline",
            Box::new(|v| v["articles"][0]["dateline"] = " ".into()),
            "articles[0].dateline: a dateline is one line of text, not empty",
        ),
        (
            "wrong type",
            Box::new(|v| v["statements"][0]["start"] = "0".into()),
            "statements[0].start: invalid type: string \"0\", expected usize",
        ),
        (
            "missing field",
            Box::new(|v| {
                v["statements"][2]
                    .as_object_mut()
                    .expect("obj")
                    .remove("kind");
            }),
            "statements[2]: missing field `kind`",
        ),
        (
            "unknown kind",
            Box::new(|v| v["entities"][0]["kind"] = "empire".into()),
            "entities[0].kind: unknown variant `empire`",
        ),
        (
            "unknown field",
            Box::new(|v| v["statements"][0]["speakr"] = "x".into()),
            "statements[0].speakr: unknown field `speakr`",
        ),
        (
            "unknown format",
            Box::new(|v| v["format"] = "other-corpus".into()),
            "bad.json: format: unknown format \"other-corpus\"",
        ),
        (
            "unknown version",
            Box::new(|v| v["version"] = 2.into()),
            "bad.json: version: unsupported version 2",
        ),
    ];
    for (name, mutate, expected) in table {
        let problems = problems_of(mutate);
        assert!(!problems.is_empty(), "{name}: accepted");
        assert_problem(&problems, expected);
    }
}

#[test]
fn off_boundary_offsets_are_refused() {
    // A body with a multi-byte character; an offset inside it is not a char boundary.
    let problems = problems_of(|v| {
        let body = v["articles"][0]["body"].as_str().expect("body").to_string();
        let apostrophe = body.find('’').expect("seed has a curly apostrophe");
        v["statements"][1]["end"] = (apostrophe + 1).into();
    });
    assert_problem(&problems, "statements[1].end: end");
    assert_problem(&problems, "not on a character boundary");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let problems = problems_of(|v| {
        v["statements"][0]["targets"][0] = "AAA".into();
        v["statements"][7]["targets"][0] = "BBB".into();
        v["articles"][0]["published"] = "yesterday".into();
    });
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn syntax_and_encoding_errors_have_line_and_column() {
    let problems =
        problems_of_text("{\n  \"format\": \"agenda-corpus\",\n  \"version\": 1,\n  oops\n}");
    assert_problem(&problems, "bad.json:4:3: key must be a string");
    let problems = problems_of_text("[1, 2]");
    assert_problem(
        &problems,
        "bad.json:1:1: a corpus file must be a JSON object",
    );
    let bytes = b"{\n \"format\": \"agenda-\xff\"}";
    match load::parse_corpus_file("bad.json", bytes) {
        Err(LoadError::Invalid { problems, .. }) => {
            assert_eq!(
                problems[0].to_string(),
                "bad.json:2:20: not valid UTF-8 (corpus files must be UTF-8 JSON)"
            )
        }
        other => panic!("unexpected {other:?}"),
    }
    let deep = format!(
        "{{\"format\": {}{}, \"version\": 1}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_problem(&problems_of_text(&deep), "recursion limit exceeded");
}

fn check(args: &[&Path]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_agenda-tui"))
        .arg("check")
        .args(args)
        .output()
        .expect("run agenda-tui");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_command_summarises_valid_files_and_locates_invalid_ones() {
    let (code, stdout, _) = check(&[&root().join("data/corpus")]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("seed.json: ok: 1 article, 15 statements, 10 entities, 4 leaders"),
        "{stdout}"
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        seed_text().replace("\"INDO_PACIFIC\"\n      ]", "\"INDO_PACIFIK\"\n      ]"),
    )
    .expect("write");
    let (code, _, stderr) = check(&[&bad]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("statements[0].targets[1]: unknown entity \"INDO_PACIFIK\""),
        "{stderr}"
    );

    let (code, _, stderr) = check(&[&dir.path().join("missing.json")]);
    assert_eq!(code, 1);
    assert!(stderr.contains("missing.json"), "{stderr}");
}

#[test]
fn merging_files_with_the_same_ids_names_both_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    std::fs::write(&a, seed_text()).expect("write");
    std::fs::write(&b, seed_text()).expect("write");
    let (code, _, stderr) = check(&[&a, &b]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("b.json: articles[0].id: duplicate article id"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("also in {}", a.display())),
        "{stderr}"
    );
}
