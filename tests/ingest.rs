//! End-to-end tests of `agenda-tui ingest` and `agenda-tui eval`: quality floors on the
//! development set in `../shared/ingest-dev/`, the seed article against the shipped seed corpus,
//! the check on the output, and the `-o` write.

use agenda_tui::ingest::eval::{self, EvalReport};
use agenda_tui::ingest::{self, IngestOptions, Pipeline};
use std::path::{Path, PathBuf};
use std::process::Command;

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn dev_set() -> Option<PathBuf> {
    let dir = crate_root().join("../shared/ingest-dev");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not there", dir.display());
        None
    }
}

fn wide_dev_set() -> Option<PathBuf> {
    let dir = crate_root().join("../shared/ingest-dev-wide");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not there", dir.display());
        None
    }
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_agenda-tui"))
}

/// Floors just under what the pipeline reaches (see docs/ingest.md for the measured numbers).
const MICRO_F1_FLOOR: f64 = 0.96;
const ARTICLE_F1_FLOOR: f64 = 0.94;
const SPLIT_FLOOR: f64 = 0.99;
/// Statements name their person ([`eval::name_is_right`]): 1.000 on the dev set.
const SPEAKER_NAME_FLOOR: f64 = 0.99;

#[test]
fn dev_set_quality_does_not_fall() {
    let Some(dir) = dev_set() else { return };
    let pipeline = Pipeline::with_extra(&[]).expect("pipeline");
    let report = eval::evaluate_dir(&pipeline, &dir).expect("eval");
    print!("{}", eval::format_report(&report, true));
    assert!(report.clean.len() >= 6, "expected the six dev articles");
    let micro = EvalReport::micro(&report.clean);
    assert!(micro.f1() >= MICRO_F1_FLOOR, "micro F1 {:.3}", micro.f1());
    assert!(
        micro.split_accuracy() >= SPLIT_FLOOR,
        "split {:.3}",
        micro.split_accuracy()
    );
    assert_eq!(
        micro.leaders_found, micro.leaders,
        "every gold leader found"
    );
    for score in &report.clean {
        assert!(
            score.counts.f1() >= ARTICLE_F1_FLOOR,
            "{}: F1 {:.3}",
            score.name,
            score.counts.f1()
        );
        assert_eq!(score.speaker.0, score.speaker.1, "{}: speaker", score.name);
    }
    assert!(
        micro.speaker_accuracy() >= 0.99,
        "statement speakers {:.3}",
        micro.speaker_accuracy()
    );
    assert!(
        micro.name_accuracy() >= SPEAKER_NAME_FLOOR,
        "speaker names {:.3}",
        micro.name_accuracy()
    );
    assert!(!report.raw.is_empty(), "expected raw page dumps");
    for raw in &report.raw {
        let clean_name = raw.name.trim_end_matches(" (raw)");
        let clean = report
            .clean
            .iter()
            .find(|c| c.name == clean_name)
            .expect("clean twin");
        assert!(
            raw.counts.f1() >= clean.counts.f1() - 0.02,
            "{}: raw F1 {:.3} vs clean {:.3}",
            raw.name,
            raw.counts.f1(),
            clean.counts.f1()
        );
        assert_eq!(
            raw.counts.split_accuracy(),
            clean.counts.split_accuracy(),
            "{}",
            raw.name
        );
    }
}

/// Floors on `../shared/ingest-dev-wide`, set from held-out runs (`eval --split odd|even`, see
/// docs/ingest.md): micro F1 of the whole set (0.921) and of each half (round 3: even 0.894 held
/// out in 3a, odd 0.915 held out in 3b; 0.928 / 0.915 now), the share of statements with the
/// right speaking government (1.000) and with the right person (0.996).
const WIDE_MICRO_F1_FLOOR: f64 = 0.91;
const WIDE_HALF_F1_FLOOR: f64 = 0.89;
const WIDE_STATEMENT_SPEAKER_FLOOR: f64 = 0.99;
const WIDE_SPEAKER_NAME_FLOOR: f64 = 0.98;
const WIDE_ARTICLE_SPEAKERS_RIGHT: usize = 16;

#[test]
fn wide_dev_set_quality_does_not_fall() {
    let Some(dir) = wide_dev_set() else { return };
    let pipeline = Pipeline::with_extra(&[]).expect("pipeline");
    let report = eval::evaluate_dir(&pipeline, &dir).expect("eval");
    print!("{}", eval::format_report(&report, true));
    assert!(
        report.clean.len() >= 16,
        "expected the sixteen wide articles"
    );
    let micro = EvalReport::micro(&report.clean);
    assert!(
        micro.f1() >= WIDE_MICRO_F1_FLOOR,
        "micro F1 {:.3}",
        micro.f1()
    );
    assert!(
        micro.speaker_accuracy() >= WIDE_STATEMENT_SPEAKER_FLOOR,
        "statement speakers {:.3}",
        micro.speaker_accuracy()
    );
    assert!(
        micro.name_accuracy() >= WIDE_SPEAKER_NAME_FLOOR,
        "speaker names {:.3}",
        micro.name_accuracy()
    );
    let (right, _) = eval::speakers_right(&report.clean);
    assert!(
        right >= WIDE_ARTICLE_SPEAKERS_RIGHT,
        "{right} article speakers right"
    );
    for split in [eval::Split::Odd, eval::Split::Even] {
        let half = eval::evaluate_split(&pipeline, &dir, split).expect("eval half");
        let f1 = EvalReport::micro(&half.clean).f1();
        assert!(f1 >= WIDE_HALF_F1_FLOOR, "{split:?} half: micro F1 {f1:.3}");
    }
}

#[test]
fn eval_splits_a_directory_into_halves() {
    let Some(dir) = dev_set() else { return };
    let pipeline = Pipeline::with_extra(&[]).expect("pipeline");
    let all = eval::evaluate_split(&pipeline, &dir, eval::Split::All).expect("all");
    let odd = eval::evaluate_split(&pipeline, &dir, eval::Split::Odd).expect("odd");
    let even = eval::evaluate_split(&pipeline, &dir, eval::Split::Even).expect("even");
    let names = |r: &EvalReport| r.clean.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    assert_eq!(odd.clean.len() + even.clean.len(), all.clean.len());
    assert_eq!(names(&odd)[0], names(&all)[0]);
    assert_eq!(names(&even)[0], names(&all)[1]);
    let run = binary()
        .args(["eval", "--split", "even", "--json"])
        .arg(&dir)
        .output()
        .expect("run eval");
    assert!(run.status.success());
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).expect("json");
    assert_eq!(
        json["articles"].as_array().map(Vec::len),
        Some(even.clean.len())
    );
    assert!(json["micro"]["f1"].as_f64().is_some());
    assert!(json["micro"]["statement_speakers"].as_f64().is_some());
    assert!(json["micro"]["speaker_names"].as_f64().is_some());
}

#[test]
fn raw_dumps_give_title_date_and_byline() {
    let Some(dir) = dev_set() else { return };
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("dev file");
    let kbs = ingest::ingest_article(
        &read("kbs-2022-07-22-yoon-four-powers.raw.txt"),
        &IngestOptions::default(),
    )
    .expect("kbs");
    assert_eq!(
        kbs.article.title,
        "Yoon Calls for Building Relationship of Trust with Japan"
    );
    assert_eq!(kbs.article.published.as_deref(), Some("2022-07-22"));
    let aa = ingest::ingest_article(
        &read("aa-2025-05-15-fidan-rubio-antalya.raw.txt"),
        &IngestOptions::default(),
    )
    .expect("aa");
    assert_eq!(
        aa.article.byline.as_deref(),
        Some("Tugba Altun and Muhammet Tarhan")
    );
    assert!(
        aa.article
            .title
            .starts_with("Turkish foreign minister meets US secretary of state")
    );
    let baerbock = ingest::ingest_article(
        &read("auswaertiges-2021-12-08-baerbock-first-visit.raw.txt"),
        &IngestOptions::default(),
    )
    .expect("baerbock");
    assert_eq!(baerbock.article.published.as_deref(), Some("2021-12-08"));
    assert!(!baerbock.article.body.contains("Top of page"));
}

#[test]
fn statements_name_their_person_and_the_dateline_stays_out_of_them() {
    let Some(dir) = dev_set() else { return };
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("dev file");
    let baerbock = ingest::ingest_article(
        &read("auswaertiges-2021-12-08-baerbock-first-visit.txt"),
        &IngestOptions::default(),
    )
    .expect("baerbock");
    let spoken: Vec<&agenda_tui::model::Statement> = baerbock
        .statements
        .iter()
        .filter(|s| s.kind != agenda_tui::model::StatementKind::Narrative)
        .collect();
    assert!(spoken.len() >= 10);
    for statement in spoken {
        assert_eq!(
            statement.speaker.as_deref(),
            Some("Annalena Baerbock"),
            "{}",
            statement.text
        );
    }
    let aa = ingest::ingest_article(
        &read("aa-2025-05-15-fidan-rubio-antalya.txt"),
        &IngestOptions::default(),
    )
    .expect("aa");
    assert!(aa.article.body.starts_with("ANTALYA (AA) - "));
    assert!(
        aa.statements[0]
            .text
            .starts_with("Turkish Foreign Minister"),
        "{}",
        aa.statements[0].text
    );
    assert_eq!(aa.statements[0].speaker.as_deref(), Some("Hakan Fidan"));
}

/// Targets the pipeline adds to the seed corpus, each explained in docs/ingest.md.
const SEED_DIFFERENCES: &[(&str, &str)] = &[(
    "He expressed hope that the Tokyo Olympics",
    "NORTHEAST_ASIA",
)];

#[test]
fn the_seed_article_reproduces_the_seed_corpus_targets() {
    let root = crate_root();
    let text =
        std::fs::read_to_string(root.join("data/articles/arirang-2021-01-21-indo-pacific.txt"))
            .expect("seed article");
    let seed_bytes = std::fs::read(root.join("data/corpus/seed.json")).expect("seed corpus");
    let seed = agenda_tui::load::parse_corpus_file("seed.json", &seed_bytes).expect("seed parses");
    let ingested = ingest::ingest_article(&text, &IngestOptions::default()).expect("ingest");
    assert_eq!(ingested.article.body, seed.articles[0].body);
    assert_eq!(
        ingested.article.speaker_country,
        seed.articles[0].speaker_country
    );
    assert_eq!(ingested.article.byline.as_deref(), Some("Kim Min-ji"));
    assert_eq!(ingested.statements.len(), seed.statements.len());
    for (got, want) in ingested.statements.iter().zip(&seed.statements) {
        assert_eq!(got.text, want.text);
        assert_eq!((got.start, got.end), (want.start, want.end));
        for target in want.targets() {
            assert!(
                got.targets().contains(target),
                "{}: missing {target}",
                got.text
            );
        }
        for target in got.targets().iter().filter(|t| !want.targets().contains(t)) {
            assert!(
                SEED_DIFFERENCES
                    .iter()
                    .any(|(start, id)| got.text.starts_with(start) && id == target),
                "{}: unexpected {target}",
                got.text
            );
        }
    }
    let names: Vec<&str> = ingested.leaders.iter().map(|l| l.name.as_str()).collect();
    for leader in &seed.leaders {
        assert!(names.contains(&leader.name.as_str()), "{}", leader.name);
    }
}

#[test]
fn ingest_output_passes_check_and_is_written_atomically() {
    let root = crate_root();
    let seed_article = root.join("data/articles/arirang-2021-01-21-indo-pacific.txt");
    let mut inputs = vec![seed_article.clone()];
    if let Some(dir) = dev_set() {
        for entry in std::fs::read_dir(&dir).expect("dev dir").flatten() {
            let path = entry.path();
            if path.to_string_lossy().ends_with(".txt") {
                inputs.push(path);
            }
        }
    }
    let out_dir = tempfile::tempdir().expect("tempdir");
    let out = out_dir.path().join("corpus.json");
    let status = binary()
        .arg("ingest")
        .args(&inputs)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run ingest");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert_eq!(
        stderr.lines().count(),
        inputs.len() + 1,
        "one summary line per article and the total:\n{stderr}"
    );
    let total = format!("from {} articles to {}", inputs.len(), out.display());
    assert!(
        stderr
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("wrote ") && l.ends_with(&total)),
        "{stderr}"
    );
    let check = binary().arg("check").arg(&out).output().expect("run check");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let bytes = std::fs::read(&out).expect("output");
    let corpus = agenda_tui::load::parse_corpus_file("corpus.json", &bytes).expect("valid");
    assert_eq!(corpus.articles.len(), inputs.len());

    // A failing --strict run leaves the previous output untouched and no temp files behind.
    let missing = out_dir.path().join("missing.txt");
    let failed = binary()
        .arg("ingest")
        .arg("--strict")
        .arg(&seed_article)
        .arg(&missing)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run ingest");
    assert_eq!(failed.status.code(), Some(1));
    let message = String::from_utf8_lossy(&failed.stderr);
    assert!(
        message.lines().any(|l| l.contains("missing.txt: ")),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(std::fs::read(&out).expect("output"), bytes);
    assert_eq!(std::fs::read_dir(out_dir.path()).expect("dir").count(), 1);

    // Without --strict the batch goes past the bad file, writes the good one and exits 1.
    let pdf = out_dir.path().join("scan.txt");
    std::fs::write(&pdf, b"%PDF-1.4\n1 0 obj\n").expect("write pdf");
    let partial = binary()
        .arg("ingest")
        .arg(&missing)
        .arg(&seed_article)
        .arg(&pdf)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run ingest");
    assert_eq!(partial.status.code(), Some(1));
    let message = String::from_utf8_lossy(&partial.stderr);
    assert!(message.contains("missing.txt: "), "{message}");
    assert!(
        message.contains("scan.txt: not a text file: looks like a PDF document"),
        "{message}"
    );
    assert!(
        message.contains("wrote 15 statements from 1 articles"),
        "{message}"
    );
    let written =
        agenda_tui::load::parse_corpus_file("corpus.json", &std::fs::read(&out).expect("output"))
            .expect("valid");
    assert_eq!(written.articles.len(), 1);
}

#[test]
fn stdin_and_a_manifest_give_per_file_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "Mr. President, my delegation welcomes the progress made in the talks with Chile. We will continue to work with the Organization.\n";
    std::fs::write(dir.path().join("PER_40_1985.txt"), text).expect("write");
    let manifest = dir.path().join("manifest.tsv");
    std::fs::write(
        &manifest,
        "file\tcountry\tyear\tspeaker\tspeaker_post\nPER_40_1985.txt\tPER\t1985\tMr. Wagner\tMinister for Foreign Affairs\n",
    )
    .expect("write");
    let run = binary()
        .arg("ingest")
        .arg("--manifest")
        .arg(&manifest)
        .arg(dir.path())
        .output()
        .expect("run ingest");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let corpus = agenda_tui::load::parse_corpus_file("stdout", &run.stdout).expect("valid");
    assert_eq!(corpus.articles[0].speaker_country, "PER");
    assert_eq!(corpus.articles[0].published.as_deref(), Some("1985"));
    assert_eq!(corpus.statements[0].speaker.as_deref(), Some("Mr. Wagner"));
    assert!(!corpus.statements[0].targets().iter().any(|t| t == "PER"));

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "file,country,year\nPER_40_1985.txt,PER,85\n").expect("write");
    let run = binary()
        .arg("ingest")
        .arg("--manifest")
        .arg(&bad)
        .arg(dir.path())
        .output()
        .expect("run ingest");
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("bad.csv:2: published"));

    let mut child = binary()
        .args(["ingest", "--speaker", "PER", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let corpus = agenda_tui::load::parse_corpus_file("stdin", &out.stdout).expect("valid");
    assert_eq!(corpus.articles[0].id, "stdin");
}

#[test]
fn ingested_corpora_merge_with_the_seed_and_with_each_other() {
    let Some(dir) = dev_set() else { return };
    let pipeline = Pipeline::with_extra(&[]).expect("pipeline");
    let mut files = Vec::new();
    for name in [
        "kbs-2022-07-22-yoon-four-powers.txt",
        "mfa-2019-09-25-wang-yi-kang-kyung-wha.txt",
        "nhk-2018-05-15-diplomatic-bluebook.txt",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect("dev file");
        let options = IngestOptions {
            id: Some(name.trim_end_matches(".txt").to_string()),
            ..Default::default()
        };
        let article = pipeline.ingest(&text, &options).expect("ingest");
        files.push((name.to_string(), pipeline.build_corpus(vec![article])));
    }
    let seed_bytes = std::fs::read(crate_root().join("data/corpus/seed.json")).expect("seed");
    let seed = agenda_tui::load::parse_corpus_file("seed.json", &seed_bytes).expect("seed");
    files.push(("seed.json".to_string(), seed));
    let merged = agenda_tui::load::merge("all".into(), files).expect("merge");
    assert_eq!(merged.articles.len(), 4);
}

#[test]
fn stdout_flags_and_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("note.txt");
    std::fs::write(&article, "South Korea will work with Japan on trade.\n").expect("write");
    let run = binary()
        .args([
            "ingest",
            "--speaker",
            "KOR",
            "--published",
            "2024-05-01",
            "--source",
            "Desk",
        ])
        .args(["--title", "Note", "--url", "http://example.org/n"])
        .arg(&article)
        .output()
        .expect("run");
    assert!(run.status.success());
    let corpus = agenda_tui::load::parse_corpus_file("stdout", &run.stdout).expect("valid");
    let a = &corpus.articles[0];
    assert_eq!(
        (a.id.as_str(), a.title.as_str(), a.source.as_str()),
        ("note", "Note", "Desk")
    );
    assert_eq!(a.published.as_deref(), Some("2024-05-01"));
    assert_eq!(corpus.statements[0].targets(), vec!["JPN".to_string()]);

    let bad_utf8 = dir.path().join("bad.txt");
    std::fs::write(&bad_utf8, [0xff, 0xfe, b'a']).expect("write");
    for args in [
        vec!["ingest".to_string(), bad_utf8.display().to_string()],
        vec![
            "ingest".into(),
            "--speaker".into(),
            "XYZ".into(),
            article.display().to_string(),
        ],
        vec![
            "ingest".into(),
            "--published".into(),
            "2024-13-01".into(),
            article.display().to_string(),
        ],
        vec![
            "ingest".into(),
            "--gazetteer".into(),
            "/nonexistent/extra.tsv".into(),
            article.display().to_string(),
        ],
        vec!["eval".into(), dir.path().display().to_string()],
    ] {
        let run = binary().args(&args).output().expect("run");
        assert!(!run.status.success(), "{args:?}");
        let message = String::from_utf8_lossy(&run.stderr);
        assert_eq!(message.lines().count(), 1, "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{message}");
    }
}

#[test]
fn the_dateline_is_kept_and_the_summary_warns_of_an_unknown_source_or_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wire = dir.path().join("wire.txt");
    std::fs::write(
        &wire,
        "WASHINGTON, Jan 13 (Reuters) - The State Department said Japan would host the talks.\n",
    )
    .expect("write");
    let note = dir.path().join("note.txt");
    std::fs::write(&note, "South Korea will work with Japan on trade.\n").expect("write");
    let briefing = dir.path().join("briefing.txt");
    std::fs::write(
        &briefing,
        "Q: Can you confirm the reports?\n\nA: I have no information.\n",
    )
    .expect("write");
    let run = binary()
        .arg("ingest")
        .arg(&wire)
        .arg(&note)
        .arg(&briefing)
        .output()
        .expect("run");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    let summary = |name: &str| {
        stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no summary for {name}: {stderr}"))
            .to_string()
    };
    assert!(
        summary("wire.txt").ends_with("(warning: date unknown)"),
        "{stderr}"
    );
    assert!(
        summary("note.txt").ends_with("(warning: source unknown, date unknown)"),
        "{stderr}"
    );
    assert!(
        summary("briefing.txt").ends_with("date unknown, speaker unknown, pass --speaker)"),
        "{stderr}"
    );
    let corpus = agenda_tui::load::parse_corpus_file("stdout", &run.stdout).expect("valid");
    let wire = corpus
        .articles
        .iter()
        .find(|a| a.id == "wire")
        .expect("wire");
    assert_eq!(
        wire.dateline.as_deref(),
        Some("WASHINGTON, Jan 13 (Reuters)")
    );
    assert_eq!(wire.source, "Reuters");
    let first = corpus
        .statements
        .iter()
        .find(|s| s.article == "wire")
        .expect("a statement");
    assert!(
        first.text.starts_with("The State Department said"),
        "{}",
        first.text
    );
    let note = corpus
        .articles
        .iter()
        .find(|a| a.id == "note")
        .expect("note");
    assert_eq!(note.dateline, None);
    let json = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        json.matches("\"dateline\"").count(),
        1,
        "left out when none"
    );
}

#[test]
fn an_extra_gazetteer_extends_the_shipped_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let extra = dir.path().join("extra.tsv");
    std::fs::write(
        &extra,
        "ATL\tcountry\tAtlantis\tSunken Kingdom\tAtlantean\tPoseidonis\n",
    )
    .expect("write");
    let options = IngestOptions {
        speaker: Some("KOR".into()),
        gazetteers: vec![extra],
        ..Default::default()
    };
    let got = ingest::ingest_article(
        "Seoul will deepen ties with the Atlantean government.",
        &options,
    )
    .expect("ingest");
    assert_eq!(got.statements[0].targets(), vec!["ATL".to_string()]);
    let corpus = ingest::Pipeline::with_extra(&options.gazetteers)
        .expect("pipeline")
        .build_corpus(vec![got]);
    let json = serde_json::to_vec(&corpus).expect("json");
    agenda_tui::load::parse_corpus_file("extra", &json).expect("valid");
}

#[test]
fn eval_prints_a_table() {
    let Some(dir) = dev_set() else { return };
    let run = binary()
        .arg("eval")
        .arg(Path::new(&dir))
        .output()
        .expect("run eval");
    assert!(run.status.success());
    let table = String::from_utf8_lossy(&run.stdout);
    assert!(table.lines().any(|l| l.starts_with("micro ")), "{table}");
    assert!(table.contains("(raw)"));
}

mod never_panics {
    use agenda_tui::ingest::{self, IngestOptions};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_text_ingests_to_a_valid_corpus_or_a_clean_error(
            text in "(\\PC|[\\n .,:\"“”’'A-Z]){0,400}"
        ) {
            if let Ok(article) = ingest::ingest_article(&text, &IngestOptions::default()) {
                let corpus = ingest::build_corpus(vec![article]).expect("corpus");
                let json = serde_json::to_vec(&corpus).expect("json");
                prop_assert!(agenda_tui::load::parse_corpus_file("prop", &json).is_ok());
            }
        }

        #[test]
        fn news_like_text_ingests_to_a_valid_corpus(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("South Korea"), Just("U.S."), Just("Mr."), Just("Kim."), Just("President"),
                    Just("Moon"), Just("said"), Just("the two sides"), Just("On"), Just("China"),
                    Just("in"), Just("Seoul"), Just("\n"), Just("\n\n"), Just(","), Just("."),
                    Just("“We"), Just("will.”"), Just("Korea.At"), Just("é"), Just("Foreign Minister"),
                    Just("Ana"), Just("Lopez"), Just("2021-01-21"), Just("Leave a Reply"),
                ],
                0..80,
            )
        ) {
            let text = words.join(" ");
            if let Ok(article) = ingest::ingest_article(&text, &IngestOptions::default()) {
                let corpus = ingest::build_corpus(vec![article]).expect("corpus");
                let json = serde_json::to_vec(&corpus).expect("json");
                prop_assert!(agenda_tui::load::parse_corpus_file("prop", &json).is_ok());
            }
        }
    }
}

/// Thirty speeches of the UN General Debate archive (every 365th row of its manifest), unpacked
/// from `../shared/ungdc/` into a temporary directory: with the manifest, every speech gets its
/// country, year and speaker, page furniture and paragraph numbers do not become statements,
/// and the output passes the corpus check.
#[test]
fn a_sample_of_the_un_archive_ingests_with_its_manifest() {
    let shared = crate_root().join("../shared/ungdc");
    let archive = shared.join("ungdc-1946-2024.tar.xz");
    let manifest = shared.join("manifest.tsv");
    if !archive.is_file() || !manifest.is_file() {
        eprintln!("skipped: {} is not there", archive.display());
        return;
    }
    let rows: Vec<Vec<String>> = std::fs::read_to_string(&manifest)
        .expect("manifest")
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    let sample: Vec<&Vec<String>> = rows.iter().step_by(365).take(30).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let status = Command::new("tar")
        .arg("-xJf")
        .arg(&archive)
        .arg("-C")
        .arg(dir.path())
        .args(sample.iter().map(|row| format!("ungdc/{}", row[0])))
        .status()
        .expect("run tar");
    assert!(status.success(), "tar failed");
    let run = binary()
        .arg("ingest")
        .arg("--manifest")
        .arg(&manifest)
        .arg(dir.path().join("ungdc"))
        .output()
        .expect("run ingest");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let corpus = agenda_tui::load::parse_corpus_file("ungdc", &run.stdout).expect("valid corpus");
    assert_eq!(corpus.articles.len(), sample.len());
    for row in &sample {
        let id = row[0].trim_end_matches(".txt");
        let article = corpus
            .articles
            .iter()
            .find(|a| a.id == id)
            .expect("article");
        assert_eq!(article.speaker_country, row[1], "{id}");
        assert_eq!(article.published.as_deref(), Some(row[3].as_str()), "{id}");
        assert!(
            !article.body.contains('\u{feff}') && !article.body.contains('\r'),
            "{id}"
        );
    }
    let furniture = corpus
        .statements
        .iter()
        .filter(|s| !s.text.chars().any(char::is_alphabetic))
        .count();
    assert!(
        furniture * 200 <= corpus.statements.len(),
        "{furniture} of {} statements are bare numbers or furniture",
        corpus.statements.len()
    );
    let named = corpus
        .statements
        .iter()
        .filter(|s| s.speaker.is_some())
        .count();
    assert!(
        named * 2 > corpus.statements.len(),
        "speakers from the manifest"
    );
}
