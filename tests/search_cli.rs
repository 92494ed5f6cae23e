//! The headless `search` command, run as the built binary.

use std::process::{Command, Output};

/// The binary with no config file in reach (a `HOME` with none, no `XDG_CONFIG_HOME`, no
/// `AGENDA_TUI_CONFIG`).
fn agenda() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_agenda-tui"));
    command
        .env_remove("AGENDA_TUI_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("AGENDA_TUI_DATA_DIR")
        .env("HOME", env!("CARGO_TARGET_TMPDIR"));
    command
}

fn run(args: &[&str]) -> Output {
    agenda().args(args).output().expect("the binary runs")
}

/// A config file in `dir` whose `data` is `data`.
fn config_with_data(dir: &std::path::Path, data: &std::path::Path) -> std::path::PathBuf {
    let config = dir.join("config.toml");
    let value = toml_string(&data.display().to_string());
    std::fs::write(&config, format!("data = [{value}]\n")).expect("write config");
    config
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn search_reads_the_configs_data_unless_data_is_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    let japan = dir.path().join("japan.json");
    let japan_arg = japan.to_str().expect("UTF-8 path");
    let out = run(&[
        "export",
        "--country",
        "JPN",
        "--format",
        "json",
        "-o",
        japan_arg,
    ]);
    assert!(out.status.success());
    let config = config_with_data(dir.path(), &japan);
    let with_config = |args: &[&str]| {
        agenda()
            .env("AGENDA_TUI_CONFIG", &config)
            .args(args)
            .output()
            .expect("runs")
    };
    // The Putin statement is about Russia: in the seed, not in the Japan-only corpus.
    assert_eq!(run(&["search", "'putin"]).status.code(), Some(0));
    let out = with_config(&["search", "'putin"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = with_config(&["search", "japan"]);
    assert_eq!(out.status.code(), Some(0));
    for line in stdout(&out).lines() {
        assert!(
            line.split('\t').nth(2).is_some_and(|t| t.contains("JPN")),
            "{line}"
        );
    }
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus/seed.json");
    assert_eq!(
        with_config(&["--data", seed, "search", "'putin"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn a_missing_config_data_path_is_an_error_for_every_corpus_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = config_with_data(dir.path(), &dir.path().join("gone.json"));
    for args in [
        &[][..],
        &["search", "'putin"][..],
        &["export", "--format", "md"][..],
    ] {
        let out = agenda()
            .env("AGENDA_TUI_CONFIG", &config)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(message.contains("gone.json"), "{args:?}: {message}");
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn text_output_ranks_the_putin_statement_first() {
    let output = run(&["search", "putin"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let first = text.lines().next().expect("a result");
    let fields: Vec<&str> = first.split('\t').collect();
    assert_eq!(fields.len(), 4, "{first}");
    assert!(fields[0].parse::<i64>().is_ok());
    assert_eq!(fields[1], "arirang-2021-01-21-s11");
    assert_eq!(fields[2], "RUS");
    assert!(fields[3].contains("Vladimir Putin"));
}

#[test]
fn limit_caps_the_output() {
    let output = run(&["search", "a", "--limit", "3"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output).lines().count(), 3);
    let all = run(&["search", "--limit", "0", "year:2021"]);
    assert_eq!(stdout(&all).lines().count(), 15);
}

#[test]
fn json_lines_parse_and_carry_the_fields() {
    let output = run(&[
        "search",
        "xi",
        "jinp",
        "--json",
        "--data",
        "data/corpus/seed.json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let objects: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    assert!(!objects.is_empty());
    let first = &objects[0];
    for key in [
        "id", "score", "targets", "leaders", "topics", "article", "text",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["id"], "arirang-2021-01-21-s06");
    assert_eq!(first["targets"], serde_json::json!(["CHN"]));
    assert_eq!(first["leaders"], serde_json::json!(["Xi Jinping"]));
    assert!(first["score"].as_i64().is_some());
}

#[test]
fn no_match_exits_1_with_no_output() {
    let output = run(&["search", "'zzqqxx"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let json = run(&["search", "--json", "'zzqqxx"]);
    assert_eq!(json.status.code(), Some(1));
}

#[test]
fn bad_data_path_fails_without_results() {
    let output = run(&["search", "putin", "--data", "no/such/file.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(!output.stderr.is_empty());
}

#[test]
fn control_characters_are_not_printed() {
    let seed = std::fs::read_to_string("data/corpus/seed.json").expect("seed");
    let evil = seed.replace(
        "\"id\": \"arirang-2021-01-21-s11\"",
        "\"id\": \"evil\\u001b[2J\\u009b-s11\"",
    );
    assert_ne!(seed, evil);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("evil.json");
    std::fs::write(&path, evil).expect("write");
    let output = run(&[
        "search",
        "'Putin",
        "--data",
        path.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{9b}'),
        "{text:?}"
    );
    assert!(text.contains("evil\u{241b}[2J\u{fffd}-s11"), "{text:?}");
}

#[test]
fn scores_run_from_0_to_100() {
    for query in ["biden", "moon", "a", "xi jinp", "!japan", "country:JPN"] {
        let output = run(&["search", "--limit", "0", query]);
        for line in stdout(&output).lines() {
            let score: i64 = line
                .split('\t')
                .next()
                .unwrap_or("")
                .parse()
                .expect("score");
            assert!((0..=100).contains(&score), "{query}: {line}");
        }
    }
}

#[test]
fn only_statements_naming_biden_match_biden() {
    let output = run(&["search", "--limit", "0", "biden"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.lines().count() < 15,
        "the title must not make every statement match"
    );
    let first = text.lines().next().expect("a result");
    assert!(first.starts_with("100\t"), "{first}");
    assert!(first.contains("Joe Biden"), "{first}");
    let absent = run(&["search", "denuclear"]);
    assert_eq!(absent.status.code(), Some(1));
}

#[test]
fn a_bad_filter_exits_2_with_the_message() {
    for (query, message) in [
        ("year:abc", "year: expects a year"),
        ("kind:foo", "kind: must be quote, reported or narrative"),
        ("country:", "country: needs a value"),
    ] {
        let output = run(&["search", "putin", query]);
        assert_eq!(output.status.code(), Some(2), "{query}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{query}: {stderr}");
    }
}

#[test]
fn export_query_takes_filters_and_rejects_bad_ones() {
    let bad = run(&["export", "--query", "kind:foo", "--format", "json"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("kind: must be"));
    let biden = run(&["export", "--query", "biden", "--format", "json"]);
    assert_eq!(biden.status.code(), Some(0));
    let all = run(&["export", "--format", "json"]);
    assert!(biden.stdout.len() < all.stdout.len(), "not every statement");
}
