//! `agenda-tui export`, `--print-config`, `completions` and `man`, run as the built binary on the
//! embedded seed corpus: JSON round trips through `check`, CSV reads back with the csv crate,
//! filters, citations, whole-or-nothing output files, the config's data paths, and text written
//! to a terminal carrying no escape sequences.

mod common;

use agenda_tui::load;
use common::{Tmux, binary};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary with a private, empty environment for configuration: HOME in `home`, no
/// `XDG_CONFIG_HOME`, no `AGENDA_TUI_CONFIG`, no `NO_COLOR`.
fn agenda(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_agenda-tui"));
    command
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("AGENDA_TUI_DATA_DIR")
        .env_remove("AGENDA_TUI_CONFIG")
        .env_remove("NO_COLOR");
    command
}

fn run(home: &Path, args: &[&str]) -> Output {
    agenda(home).args(args).output().expect("binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("header row")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader.records().map(|r| r.expect("RFC 4180 row")).collect();
    (header, rows)
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn json_export_round_trips_through_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("all.json");
    let out = run(
        dir.path(),
        &["export", "--format", "json", "-o", path_str(&file)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "nothing on stdout with -o");
    assert!(
        stderr(&out).contains("15 statements written to"),
        "{}",
        stderr(&out)
    );
    let check = run(dir.path(), &["check", path_str(&file)]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        // Every entity but NORTHEAST_ASIA, which no statement references.
        stdout(&check).contains("ok: 1 article, 15 statements, 9 entities, 4 leaders"),
        "{}",
        stdout(&check)
    );
    let exported = load::load_file(&file).expect("valid");
    let seed = load::embedded_seed().expect("seed");
    assert_eq!(exported.statements, seed.statements);
    assert_eq!(exported.articles, seed.articles);
}

#[test]
fn filtered_json_is_a_valid_smaller_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("japan.json");
    let out = run(
        dir.path(),
        &[
            "export",
            "--country",
            "JPN",
            "--format",
            "json",
            "-o",
            path_str(&file),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let check = run(dir.path(), &["check", path_str(&file)]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        stdout(&check).contains("ok: 1 article, 3 statements, 2 entities, 1 leader"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn csv_reads_back_with_the_text_of_the_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["export", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = csv_rows(&stdout(&out));
    for column in [
        "id", "date", "source", "byline", "url", "title", "speaker", "kind", "targets", "leaders",
        "topics", "text",
    ] {
        assert!(header.iter().any(|h| h == column), "column {column}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    let seed = load::embedded_seed().expect("seed");
    assert_eq!(rows.len(), 15);
    for (row, statement) in rows.iter().zip(&seed.statements) {
        assert_eq!(&row[col("id")], statement.id);
        assert_eq!(&row[col("text")], statement.text);
        assert_eq!(&row[col("source")], "Arirang News");
        assert_eq!(&row[col("byline")], "Kim Min-ji");
        assert_eq!(&row[col("date")], "2021-01-21");
        assert_eq!(
            &row[col("url")],
            "http://s613643165.onlinehome.us/news/20210111187.html"
        );
        assert_eq!(&row[col("targets")], statement.targets().join("; "));
    }
}

#[test]
fn country_filter_selects_the_three_statements_about_japan() {
    let dir = tempfile::tempdir().expect("tempdir");
    for country in ["JPN", "japan", "Tokyo"] {
        let out = run(
            dir.path(),
            &["export", "--country", country, "--format", "csv"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let (_, rows) = csv_rows(&stdout(&out));
        let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
        assert_eq!(
            ids,
            [
                "arirang-2021-01-21-s07",
                "arirang-2021-01-21-s08",
                "arirang-2021-01-21-s09"
            ],
            "{country}"
        );
    }
}

#[test]
fn markdown_shows_each_statement_with_its_citation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(
        dir.path(),
        &["export", "--leader", "Putin", "--format", "md"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("# Statements by or naming Putin, 2021\n\n1 statement from seed corpus"),
        "{text}"
    );
    assert!(
        text.contains("*Arirang News*, Kim Min-ji, 2021-01-21, <http://s613643165.onlinehome.us/news/20210111187.html>"),
        "{text}"
    );
    assert!(text.contains("\n> "), "quote block: {text}");
    assert!(text.contains("- Leaders: Vladimir Putin"), "{text}");
}

#[test]
fn filters_combine_and_no_match_exits_1_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(
        dir.path(),
        &[
            "export",
            "--country",
            "RUS",
            "--topic",
            "olympics",
            "--format",
            "md",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains(
            "no statement matches: the filters together select none (--country RUS alone: 2 statements; --topic olympics alone: 1 statement)"
        ),
        "{}",
        stderr(&out)
    );
    // A country the corpus knows that no statement is about is named as the reason.
    let out = run(
        dir.path(),
        &["export", "--country", "KOR", "--format", "md"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no statement matches: --country KOR selects no statement"),
        "{}",
        stderr(&out)
    );
    let out = run(
        dir.path(),
        &["export", "--country", "Atlantis", "--format", "csv"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("\"Atlantis\""), "{}", stderr(&out));
}

#[test]
fn query_selects_the_matching_statements() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(
        dir.path(),
        &["export", "--query", "putin", "--format", "csv"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let texts: Vec<String> = reader
        .records()
        .map(|r| r.expect("record")[15].to_string())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("Vladimir Putin")),
        "{texts:?}"
    );
    // Combined with a filter, both must hold.
    let out = run(
        dir.path(),
        &[
            "export",
            "--query",
            "'dwell",
            "--country",
            "JPN",
            "--format",
            "md",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let markdown = String::from_utf8_lossy(&out.stdout);
    assert!(markdown.contains("As for Japan Moon said"), "{markdown}");
    assert!(!markdown.contains("Tokyo Olympics"), "{markdown}");
    let out = run(
        dir.path(),
        &["export", "--query", "zzzqqq", "--format", "md"],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn output_file_is_whole_or_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = tempfile::tempdir().expect("home");
    // A directory where the file should go: the rename fails, no temporary file is left.
    let blocked = dir.path().join("out.csv");
    std::fs::create_dir(&blocked).expect("mkdir");
    let out = run(
        home.path(),
        &["export", "--format", "csv", "-o", path_str(&blocked)],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("out.csv"), "{}", stderr(&out));
    assert_eq!(file_names(dir.path()), ["out.csv"]);
    assert!(file_names(&blocked).is_empty());
    // A directory that does not exist: nothing is created.
    let nowhere = dir.path().join("missing/out.md");
    let out = run(
        home.path(),
        &["export", "--format", "md", "-o", path_str(&nowhere)],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(file_names(dir.path()), ["out.csv"]);
    // Nothing matches: an existing file is left as it was.
    let existing = dir.path().join("keep.md");
    std::fs::write(&existing, "precious").expect("write");
    let out = run(
        home.path(),
        &[
            "export",
            "--topic",
            "zzz",
            "--format",
            "md",
            "-o",
            path_str(&existing),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&existing).expect("read"),
        "precious"
    );
    assert_eq!(file_names(dir.path()), ["keep.md", "out.csv"]);
    // Success replaces it completely.
    let out = run(
        home.path(),
        &["export", "--format", "md", "-o", path_str(&existing)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&existing).expect("read");
    assert!(
        text.starts_with("# All statements, 2021\n\n15 statements"),
        "{text}"
    );
    assert_eq!(file_names(dir.path()), ["keep.md", "out.csv"]);
}

#[test]
fn invalid_data_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": \"agenda-corpus\", \"version\": 1,").expect("write");
    let out = run(
        dir.path(),
        &["export", "--data", path_str(&bad), "--format", "csv"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.json:1:"), "{}", stderr(&out));
}

fn write_config(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

#[test]
fn config_data_paths_are_used_without_data_and_overridden_by_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let japan = dir.path().join("japan.json");
    let out = run(
        dir.path(),
        &[
            "export",
            "--country",
            "JPN",
            "--format",
            "json",
            "-o",
            path_str(&japan),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let config = write_config(dir.path(), "data = [\"japan.json\"]\n");
    let out = agenda(dir.path())
        .env("AGENDA_TUI_CONFIG", &config)
        .args(["export", "--format", "csv"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(csv_rows(&stdout(&out)).1.len(), 3);
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/corpus/seed.json");
    let out = agenda(dir.path())
        .env("AGENDA_TUI_CONFIG", &config)
        .args(["export", "--data", path_str(&seed), "--format", "csv"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(csv_rows(&stdout(&out)).1.len(), 15);
}

#[test]
fn a_bad_config_is_a_located_error_never_a_default() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = write_config(
        dir.path(),
        "mouse = true\n[theme]\naccent = \"ultraviolet\"\n",
    );
    for args in [&["--print-config"][..], &["export", "--format", "md"][..]] {
        let out = agenda(dir.path())
            .env("AGENDA_TUI_CONFIG", &config)
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let expected = format!("{}:3:10: unknown colour \"ultraviolet\"", config.display());
        assert!(
            stderr(&out).contains(&expected),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty());
    }
    let missing = dir.path().join("nope.toml");
    let out = agenda(dir.path())
        .env("AGENDA_TUI_CONFIG", &missing)
        .arg("--print-config")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nope.toml"), "{}", stderr(&out));
}

#[test]
fn print_config_shows_the_effective_config_and_its_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["--print-config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let default_path = dir.path().join(".config/agenda-tui/config.toml");
    assert!(
        text.contains(&format!(
            "# source: defaults (no file at {})",
            default_path.display()
        )),
        "{text}"
    );
    assert!(text.contains("mouse = true"), "{text}");
    assert!(text.contains("# quit = [\"q\"]"), "{text}");

    let xdg = dir.path().join("xdg");
    std::fs::create_dir_all(xdg.join("agenda-tui")).expect("mkdir");
    let file = xdg.join("agenda-tui/config.toml");
    std::fs::write(&file, "mouse = false\n[keys]\nquit = [\"x\", \"Ctrl-q\"]\n").expect("write");
    let out = agenda(dir.path())
        .env("XDG_CONFIG_HOME", &xdg)
        .env("NO_COLOR", "1")
        .arg("--print-config")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("# source: {}", file.display())),
        "{text}"
    );
    assert!(text.contains("# NO_COLOR is set"), "{text}");
    assert!(text.contains("mouse = false"), "{text}");
    assert!(text.contains("\nquit = [\"x\", \"Ctrl-q\"]"), "{text}");
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let dir = tempfile::tempdir().expect("tempdir");
    for shell in ["bash", "zsh", "fish"] {
        let out = run(dir.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(
            script.contains("export") && script.contains("print-config"),
            "{shell}"
        );
    }
    let out = run(dir.path(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2), "clap refuses an unknown shell");
    let out = run(dir.path(), &["man"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.contains(".TH agenda-tui 1"), "{page}");
    assert!(page.contains("completions"), "{page}");
}

/// A corpus whose text carries escape sequences, each between two marker letters.
fn hostile_corpus() -> String {
    let payload = "A\u{1b}[2JB C\u{1b}]0;pwned-title\u{7}D E\u{9b}31mF G\u{202e}H";
    let sentence = format!("The minister said {payload} today.");
    serde_json::json!({
        "format": "agenda-corpus", "version": 1,
        "articles": [{ "id": "evil", "title": format!("Title {payload}"), "source": "Outlet",
                        "published": "2024-01-01", "byline": payload, "url": null,
                        "speaker_country": "KOR", "body": sentence }],
        "entities": [{ "id": "KOR", "name": "South Korea", "kind": "country", "aliases": [] }],
        "leaders": [],
        "statements": [{ "id": "s1", "article": "evil", "text": sentence, "start": 0,
                         "end": sentence.len(), "targets": ["KOR"], "speaker": null,
                         "speaker_entity": "KOR", "kind": "narrative", "leaders": [],
                         "topics": [payload] }]
    })
    .to_string()
}

#[test]
fn text_written_to_a_terminal_carries_no_escape_sequences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("evil.json");
    std::fs::write(&corpus, hostile_corpus()).expect("write corpus");
    let injected = ["A\u{1b}[2JB", "C\u{1b}]0;", "E\u{9b}", "G\u{202e}H"];
    for format in ["md", "csv", "json"] {
        let raw = dir.path().join(format!("raw-{format}.bin"));
        let command = format!(
            "HOME='{}' {} export --data '{}' --format {format}; echo EXIT=$?; sleep 600",
            dir.path().display(),
            binary(),
            corpus.display()
        );
        let tmux = Tmux::start_recorded(200, 50, &command, &raw);
        let screen = tmux.wait_for_text("EXIT=");
        assert!(screen.contains("EXIT=0"), "{format}: {screen}");
        drop(tmux);
        let bytes = std::fs::read(&raw).expect("raw output");
        let text = String::from_utf8_lossy(&bytes);
        let stand_in = if format == "json" {
            "A\\u001b"
        } else {
            "A\u{241b}"
        };
        assert!(text.contains(stand_in), "{format}: {text}");
        for payload in injected {
            assert!(
                !text.contains(payload),
                "{format}: {payload:?} reached the terminal"
            );
        }
        assert!(
            !text.contains('\u{1b}'),
            "{format}: ESC reached the terminal: {text:?}"
        );
    }
    // The same export to a file keeps the text verbatim.
    let file = dir.path().join("evil.csv");
    let out = run(
        dir.path(),
        &[
            "export",
            "--data",
            path_str(&corpus),
            "--format",
            "csv",
            "-o",
            path_str(&file),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, rows) = csv_rows(&std::fs::read_to_string(&file).expect("read"));
    assert!(rows[0][15].contains("A\u{1b}[2JB"));
}
