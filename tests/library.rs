//! The personal library driven through the binary with a temporary `AGENDA_TUI_DATA_DIR`:
//! `add` writes one batch, adding the same articles again skips them by name and writes
//! nothing, `library` lists the batches, the seed plus the library is what `search` reads
//! when no corpus is named, a corrupt library file is named and left out, and `library
//! remove` removes a batch (an unknown id exits 2).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TOKYO: &str = "Japanese Prime Minister Fumio Kishida said on Thursday that Japan would resume shuttle diplomacy with South Korea.\n\nKishida also urged China to play a constructive role on North Korea.\n";

const SEOUL_PAGE: &str = r#"<!doctype html>
<html><head><title>Seoul and Canberra talk | Harbour Post</title>
<meta property="og:title" content="Seoul and Canberra agree on critical minerals">
<meta property="og:url" content="https://harbour.example.org/2023/minerals">
<meta name="author" content="Sam Lee">
<meta property="article:published_time" content="2023-05-02T08:00:00+10:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-notice"><p>This site uses cookies. Accept?</p></div>
<article>
<p>South Korean Foreign Minister Park Jin said on Tuesday that Seoul would work with Australia on critical minerals.</p>
<p>Park said the two countries shared concerns about North Korea&rsquo;s missile launches.</p>
</article>
<footer><p>&copy; Harbour Post</p></footer>
</body></html>"#;

const BERLIN: &str =
    "German Foreign Minister Annalena Baerbock said Germany would stand by Ukraine.\n";

/// A scratch directory with the articles and an empty data directory.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("tokyo.txt"), TOKYO).expect("write");
        std::fs::write(dir.path().join("seoul.html"), SEOUL_PAGE).expect("write");
        std::fs::write(dir.path().join("berlin.txt"), BERLIN).expect("write");
        Scratch { dir }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn library(&self) -> PathBuf {
        self.data_dir().join("library")
    }

    fn batch_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.library())
            .map(|entries| entries.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "json"));
        files.sort();
        files
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_agenda-tui"))
            .args(args)
            .env("AGENDA_TUI_DATA_DIR", self.data_dir())
            .env("XDG_CONFIG_HOME", "/nonexistent/agenda-tui-tests")
            .env_remove("AGENDA_TUI_CONFIG")
            .output()
            .expect("run agenda-tui")
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path_arg(path: &Path) -> String {
    path.display().to_string()
}

fn batch_id(path: &Path) -> String {
    path.file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn add_skips_what_is_held_lists_opens_and_removes() {
    let scratch = Scratch::new();
    let tokyo = path_arg(&scratch.file("tokyo.txt"));
    let seoul = path_arg(&scratch.file("seoul.html"));

    let out = scratch.run(&["add", &tokyo, &seoul]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("added 2 articles"),
        "one batch of two: {stderr}"
    );
    let batches = scratch.batch_files();
    assert_eq!(batches.len(), 1, "{batches:?}");
    let first = batch_id(&batches[0]);

    let again = scratch.run(&["add", &seoul, &tokyo]);
    let stderr = text(&again.stderr);
    assert!(again.status.success(), "{stderr}");
    for name in ["tokyo.txt", "seoul.html"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("skipped") && l.contains(name) && l.contains(&first)),
            "{name} skipped naming batch {first}: {stderr}"
        );
    }
    assert!(stderr.contains("nothing new"), "{stderr}");
    assert_eq!(
        scratch.batch_files().len(),
        1,
        "nothing new, nothing written"
    );

    let berlin = path_arg(&scratch.file("berlin.txt"));
    let out = scratch.run(&["add", &berlin]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let batches = scratch.batch_files();
    assert_eq!(batches.len(), 2);
    let second = batch_id(&batches[1]);

    let listing = scratch.run(&["library"]);
    assert!(listing.status.success());
    let listing = text(&listing.stdout);
    let first_line = listing
        .lines()
        .find(|l| l.starts_with(&first))
        .unwrap_or_else(|| panic!("{first} listed: {listing}"));
    let columns: Vec<&str> = first_line.split_whitespace().collect();
    assert_eq!(
        columns[4..6],
        ["2", "4"],
        "2 articles, 4 statements: {first_line}"
    );
    assert!(
        first_line.contains("JPN") && first_line.contains("KOR"),
        "{first_line}"
    );
    assert!(listing.contains("seoul.html"), "sources listed: {listing}");
    assert!(listing.contains("2 batches in"), "{listing}");

    let json = scratch.run(&["library", "--json"]);
    let parsed: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json listing");
    assert_eq!(parsed[1]["id"], second.as_str());
    assert_eq!(parsed[1]["articles"], 1);

    let found = scratch.run(&["search", "Park Jin minerals", "--limit", "1"]);
    assert!(
        text(&found.stdout).contains("critical minerals"),
        "search reads the seed plus the library: {}",
        text(&found.stdout)
    );
    let seed = scratch.run(&["search", "moon", "--limit", "1"]);
    assert!(seed.status.success(), "the seed is still there");

    std::fs::write(
        scratch.library().join("20991231T000000Z-1.json"),
        b"{\"format\": \"agenda-corpus\", \"version\": 1, \"articles\": [",
    )
    .expect("write corrupt batch");
    let found = scratch.run(&["search", "Baerbock", "--limit", "1"]);
    let stderr = text(&found.stderr);
    assert!(
        found.status.success(),
        "a corrupt library file is not fatal: {stderr}"
    );
    assert!(
        stderr.contains("left out") && stderr.contains("20991231T000000Z-1.json"),
        "the corrupt file is named: {stderr}"
    );
    let listing = text(&scratch.run(&["library"]).stdout);
    assert!(listing.contains("fails check"), "{listing}");

    let removed = scratch.run(&["library", "remove", &first]);
    assert!(removed.status.success(), "{}", text(&removed.stderr));
    assert_eq!(
        scratch.batch_files().len(),
        2,
        "the second and the corrupt one"
    );
    let gone = scratch.run(&["search", "Park Jin minerals", "--limit", "1"]);
    assert!(!text(&gone.stdout).contains("critical minerals"));

    let unknown = scratch.run(&["library", "remove", "no-such-batch"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains("no batch \"no-such-batch\""),
        "{}",
        text(&unknown.stderr)
    );
}

#[test]
fn with_data_the_library_is_not_read_and_add_takes_no_data_flag() {
    let scratch = Scratch::new();
    let out = scratch.run(&["add", &path_arg(&scratch.file("berlin.txt"))]);
    assert!(out.status.success());
    let fixture = format!("{}/tests/fixtures/dyads.json", env!("CARGO_MANIFEST_DIR"));
    let found = scratch.run(&["--data", &fixture, "search", "Baerbock", "--limit", "1"]);
    assert!(
        !text(&found.stdout).contains("Ukraine"),
        "--data keeps its meaning: {}",
        text(&found.stdout)
    );
    let misplaced = scratch.run(&["--data", &fixture, "add", "x.txt"]);
    assert_eq!(misplaced.status.code(), Some(2));
}

#[test]
fn a_saved_html_page_is_ingested_as_its_article() {
    let scratch = Scratch::new();
    let output = scratch.file("out.json");
    let out = scratch.run(&[
        "ingest",
        &path_arg(&scratch.file("seoul.html")),
        "-o",
        &path_arg(&output),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let corpus: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&output).expect("read")).expect("json");
    let article = &corpus["articles"][0];
    assert_eq!(
        article["title"],
        "Seoul and Canberra agree on critical minerals"
    );
    assert_eq!(article["byline"], "Sam Lee");
    assert_eq!(article["published"], "2023-05-02");
    assert_eq!(article["url"], "https://harbour.example.org/2023/minerals");
    let body = article["body"].as_str().expect("body");
    assert_eq!(body.split("\n\n").count(), 2, "both paragraphs: {body}");
    assert!(body.contains("North Korea’s missile launches"), "{body}");
    for leftover in ['<', '>', '&', '©'] {
        assert!(!body.contains(leftover), "{leftover} in {body}");
    }
    assert!(
        !body.contains("cookies") && !body.contains("Home"),
        "{body}"
    );
}

#[test]
fn add_streams_its_batch_into_place_and_fits_it_beside_the_library() {
    let scratch = Scratch::new();
    let tokyo = path_arg(&scratch.file("tokyo.txt"));
    let out = scratch.run(&["add", &tokyo]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // Another text under a name the library holds, and the same text twice in one run.
    let other = scratch.dir.path().join("other");
    std::fs::create_dir(&other).expect("mkdir");
    std::fs::write(other.join("tokyo.txt"), BERLIN).expect("write");
    std::fs::write(other.join("copy.txt"), BERLIN).expect("write");
    let out = scratch.run(&[
        "add",
        &path_arg(&other.join("tokyo.txt")),
        &path_arg(&other.join("copy.txt")),
    ]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("added 1 article"), "{stderr}");
    assert!(
        stderr.lines().any(|l| l.starts_with("skipped")
            && l.contains("copy.txt")
            && l.contains("this batch")),
        "{stderr}"
    );
    let batches = scratch.batch_files();
    assert_eq!(batches.len(), 2, "{batches:?}");
    let checked = scratch.run(&["check", &path_arg(&batches[1])]);
    assert!(checked.status.success(), "{}", text(&checked.stderr));
    let batch: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&batches[1]).expect("read")).expect("json");
    assert_eq!(
        batch["articles"][0]["id"], "tokyo-2",
        "a held id is not reused"
    );
    let found = scratch.run(&["search", "Baerbock", "--limit", "1"]);
    assert!(
        text(&found.stdout).contains("Baerbock") && !text(&found.stderr).contains("left out"),
        "the batch merges with the seed and the first batch: {}",
        text(&found.stderr)
    );

    // A run with nothing new and a run whose only file fails leave no file behind.
    let again = scratch.run(&["add", &tokyo]);
    assert!(again.status.success());
    let empty = scratch.dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let failed = scratch.run(&["add", &path_arg(&empty)]);
    assert!(!failed.status.success());
    let left: Vec<String> = std::fs::read_dir(scratch.library())
        .expect("library")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp") || name.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    assert_eq!(scratch.batch_files().len(), 2);
}
