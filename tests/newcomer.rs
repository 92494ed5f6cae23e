//! Issue 14, seen from outside: flags only where they apply, help that sends nobody to files an
//! installed binary does not have, config errors all at once, the topics index merged and in
//! case-insensitive order.

use agenda_tui::app::{App, IndexTab, Msg};
use agenda_tui::load;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

fn run(home: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_agenda-tui"));
    command
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("AGENDA_TUI_DATA_DIR")
        .env_remove("AGENDA_TUI_CONFIG")
        .env_remove("NO_COLOR")
        .args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn data_is_refused_where_no_corpus_is_read() {
    let home = tempfile::tempdir().expect("home");
    let article = home.path().join("article.txt");
    std::fs::write(
        &article,
        "Seoul, Jan. 5 (Yonhap) -- President Moon said Japan matters.\n",
    )
    .expect("article");
    let article = article.to_str().expect("UTF-8");
    for args in [
        vec!["ingest", article, "--data", "/nonexistent"],
        vec!["man", "--data", "/nonexistent"],
        vec!["check", "--data", "/nonexistent", "x.json"],
    ] {
        let out = run(home.path(), &args, &[]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(text(&out.stderr).contains("--data"), "{args:?}");
    }
    let out = run(
        home.path(),
        &["--data", "/nonexistent", "ingest", article],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--data does not apply to `ingest`"),
        "{}",
        text(&out.stderr)
    );
    for command in ["ingest", "man", "check", "eval", "completions"] {
        let out = run(home.path(), &[command, "--help"], &[]);
        assert!(!text(&out.stdout).contains("--data"), "{command} --help");
    }
    for command in ["search", "export"] {
        let out = run(home.path(), &[command, "--help"], &[]);
        assert!(text(&out.stdout).contains("--data"), "{command} --help");
    }
    // Where it applies it still works, before or after the command.
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus/seed.json");
    for args in [
        vec!["--data", seed, "search", "putin"],
        vec!["search", "putin", "--data", seed],
    ] {
        let out = run(home.path(), &args, &[]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn help_never_points_at_the_source_tree() {
    let home = tempfile::tempdir().expect("home");
    for args in [
        vec!["--help"],
        vec!["ingest", "--help"],
        vec!["eval", "--help"],
        vec!["export", "--help"],
        vec!["search", "--help"],
        vec!["man"],
    ] {
        let out = run(home.path(), &args, &[]);
        assert!(!text(&out.stdout).contains("docs/"), "{args:?}");
    }
}

#[test]
fn a_config_with_several_mistakes_reports_them_all() {
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("config.toml");
    std::fs::write(&config, "mouse = 3\n[theme]\naccent = \"nope\"\n").expect("config");
    let out = run(
        home.path(),
        &["search", "putin"],
        &[("AGENDA_TUI_CONFIG", &config)],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let shown = config.display().to_string();
    assert!(stderr.contains(&format!("{shown}:1:9:")), "{stderr}");
    assert!(stderr.contains(&format!("{shown}:3:10:")), "{stderr}");
}

#[test]
fn topics_differing_by_case_space_or_plural_are_one_row_in_name_order() {
    let body = "A said one. B said two. C said three.";
    let json = serde_json::json!({
        "format": "agenda-corpus", "version": 1,
        "articles": [{ "id": "a", "title": "t", "source": "s", "published": "2021-01-01",
                       "byline": null, "url": null, "speaker_country": "KOR", "body": body }],
        "entities": [{ "id": "KOR", "name": "South Korea", "kind": "country", "aliases": [] }],
        "leaders": [],
        "statements": [
            { "id": "s1", "article": "a", "text": "A said one.", "start": 0, "end": 11,
              "targets": [], "speaker": null, "speaker_entity": "KOR", "kind": "narrative",
              "leaders": [], "topics": ["Xi Jinping visit", "Sanctions"] },
            { "id": "s2", "article": "a", "text": "B said two.", "start": 12, "end": 23,
              "targets": [], "speaker": null, "speaker_entity": "KOR", "kind": "narrative",
              "leaders": [], "topics": ["sanction ", "climate change"] },
            { "id": "s3", "article": "a", "text": "C said three.", "start": 24, "end": 37,
              "targets": [], "speaker": null, "speaker_entity": "KOR", "kind": "narrative",
              "leaders": [], "topics": ["Climate  Change"] }
        ]
    });
    let file = load::parse_corpus_file("t.json", json.to_string().as_bytes()).expect("valid");
    let corpus = load::merge("t.json".into(), vec![("t.json".into(), file)]).expect("merge");
    let mut app = App::new(Arc::new(corpus));
    app.update(Msg::Resize(100, 30));
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('3'),
        KeyModifiers::NONE,
    )));
    assert_eq!(app.tab, IndexTab::Topics);
    let rows: Vec<(String, usize)> = app
        .items
        .iter()
        .skip(1)
        .map(|item| (app.key_name(item.key), item.count))
        .collect();
    assert_eq!(
        rows,
        [
            ("climate change".to_string(), 2),
            ("Sanctions".to_string(), 2),
            ("Xi Jinping visit".to_string(), 1),
        ]
    );
}

#[test]
fn a_pipe_gets_no_loading_line() {
    let home = tempfile::tempdir().expect("home");
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus/seed.json");
    for args in [vec!["check", seed], vec!["search", "--data", seed, "putin"]] {
        let out = run(home.path(), &args, &[]);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}: {}", text(&out.stderr));
        assert!(!text(&out.stdout).contains('\r'), "{args:?}");
    }
}

#[test]
fn with_several_articles_the_statement_keeps_half_the_row() {
    let text =
        "Jaishankar also met his counterpart and discussed trade, connectivity and security.";
    let article = |id: &str, source: &str, date: &str| {
        serde_json::json!({ "id": id, "title": "t", "source": source, "published": date,
                            "byline": null, "url": null, "speaker_country": "IND", "body": text })
    };
    let statement = |id: &str, article: &str| {
        serde_json::json!({ "id": id, "article": article, "text": text, "start": 0, "end": text.len(),
                            "targets": ["JPN"], "speaker": null, "speaker_entity": "IND",
                            "kind": "reported", "leaders": [], "topics": [] })
    };
    let json = serde_json::json!({
        "format": "agenda-corpus", "version": 1,
        "articles": [article("a", "Press Trust of India", "2023-07-14"),
                     article("b", "The Hindustan Times Digital", "2023-07-15")],
        "entities": [{ "id": "IND", "name": "India", "kind": "country", "aliases": [] },
                     { "id": "JPN", "name": "Japan", "kind": "country", "aliases": [] }],
        "leaders": [],
        "statements": [statement("s1", "a"), statement("s2", "b")]
    });
    let file = load::parse_corpus_file("t.json", json.to_string().as_bytes()).expect("valid");
    let corpus = load::merge("t.json".into(), vec![("t.json".into(), file)]).expect("merge");
    for width in [60u16, 80, 120, 160] {
        let mut app = App::new(Arc::new(corpus.clone()));
        app.update(Msg::Resize(width, 30));
        let inner = app
            .layout()
            .inner_width(agenda_tui::layout::Pane::Statements);
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, 30))
            .expect("terminal");
        terminal
            .draw(|frame| agenda_tui::ui::draw(frame, &app))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        let screen: String = (0..30)
            .map(|y| {
                (0..width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        let half: String = text.chars().take(inner / 2 - 1).collect();
        assert!(
            screen.contains(&half),
            "{width}: {half:?} not shown in\n{screen}"
        );
    }
}
