//! Whole-screen snapshots of the browser on ratatui's `TestBackend`, at several sizes and with a
//! corpus of Hangul and emoji, plus a sweep of sizes that must all draw without a panic.

use agenda_tui::app::{App, Msg, SearchHits};
use agenda_tui::load;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

mod screens;
use screens::{press, render, screen_lines, seed_app};

/// A corpus whose names and text are Hangul and emoji, to check column alignment.
fn wide_corpus() -> App {
    let body = "한국 정부는 일본과의 관계를 개선하겠다고 밝혔습니다 🇰🇷🤝🇯🇵. 도쿄 올림픽이 양국 관계 개선의 기회가 되기를 희망했습니다 🏅.";
    let first_end = body.find(". ").expect("two sentences") + 1;
    let second_start = first_end + 1;
    let json = serde_json::json!({
        "format": "agenda-corpus", "version": 1,
        "articles": [{ "id": "kbs-ko", "title": "한일 관계 🇰🇷🇯🇵", "source": "KBS 뉴스", "published": "2022-07-22",
                        "byline": "김민지", "url": null, "speaker_country": "KOR", "body": body }],
        "entities": [
            { "id": "KOR", "name": "대한민국 🇰🇷", "kind": "country", "aliases": [] },
            { "id": "JPN", "name": "일본 🇯🇵", "kind": "country", "aliases": ["Japan"] }
        ],
        "leaders": [{ "name": "윤석열", "entity": "KOR", "role": "대통령", "aliases": [] }],
        "statements": [
            { "id": "s1", "article": "kbs-ko", "text": &body[..first_end], "start": 0, "end": first_end,
              "targets": ["JPN"], "speaker": "윤석열", "speaker_entity": "KOR", "kind": "reported",
              "leaders": ["윤석열"], "topics": ["한일 관계 🤝"] },
            { "id": "s2", "article": "kbs-ko", "text": &body[second_start..], "start": second_start, "end": body.len(),
              "targets": ["JPN"], "speaker": null, "speaker_entity": "KOR", "kind": "narrative",
              "leaders": [], "topics": ["도쿄 올림픽 🏅"] }
        ]
    });
    let file = load::parse_corpus_file("wide.json", json.to_string().as_bytes()).expect("valid");
    let corpus = load::merge("wide.json".into(), vec![("wide.json".into(), file)]).expect("merge");
    App::new(Arc::new(corpus))
}

#[test]
fn seed_at_80x24() {
    let app = seed_app(80, 24);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn seed_at_120x40_reading_the_olympics_statement() {
    let mut app = seed_app(120, 40);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn seed_at_40x12_single_pane() {
    let mut app = seed_app(40, 12);
    insta::assert_snapshot!("single_countries", render(&app).backend());
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!("single_detail", render(&app).backend());
}

#[test]
fn single_pane_tab_line_names_the_index_shown() {
    let mut app = seed_app(40, 12);
    press(&mut app, KeyCode::Char('2'));
    let screen = screen_lines(&app);
    assert!(
        screen[1].contains("Leaders") && !screen[1].contains("Countries"),
        "{screen:?}"
    );
    insta::assert_snapshot!("single_leaders", render(&app).backend());
}

#[test]
fn seed_too_small() {
    let app = seed_app(15, 4);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn help_overlay_at_80x24() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn search_results_at_100x30() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Char('/'));
    for c in "putin".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    app.update(Msg::SearchResults(SearchHits {
        query: "putin".into(),
        ranked: vec![10],
        complete: true,
        matched: 1,
    }));
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn hangul_and_emoji_keep_columns_aligned() {
    let mut app = wide_corpus();
    app.update(Msg::Resize(80, 24));
    press(&mut app, KeyCode::Tab);
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    // Every row of the buffer is exactly the terminal's width in columns.
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        let width: usize = (0..buffer.area.width)
            .map(|x| unicode_width::UnicodeWidthStr::width(buffer[(x, y)].symbol()).max(1))
            .sum::<usize>();
        assert!(width >= 80, "row {y} is {width} columns");
    }
}

#[test]
fn every_size_draws_without_a_panic() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Tab);
    for width in 0..=140u16 {
        for height in (0..=50u16).step_by(if width % 7 == 0 { 1 } else { 5 }) {
            app.update(Msg::Resize(width, height));
            let terminal = render(&app);
            assert_eq!(terminal.backend().buffer().area.width, width);
        }
    }
}

#[test]
fn leaders_index_at_100x30() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Char('2'));
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn topics_index_at_100x30() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Char('3'));
    insta::assert_snapshot!(render(&app).backend());
}

/// Three articles in January, March and June 2021 about Japan and China.
fn corpus_over_months() -> App {
    let mut articles = Vec::new();
    let mut statements = Vec::new();
    for (n, (date, target)) in [
        ("2021-01-21", "JPN"),
        ("2021-03-05", "JPN"),
        ("2021-03-20", "CHN"),
        ("2021-06-30", "JPN"),
    ]
    .iter()
    .enumerate()
    {
        let body = format!("Seoul spoke about {target} on {date}. Officials met again.");
        let first = body.find(". ").expect("two sentences") + 1;
        articles.push(
            serde_json::json!({ "id": format!("a{n}"), "title": format!("Report {n}"),
            "source": "Yonhap", "published": date, "byline": null, "url": null,
            "speaker_country": "KOR", "body": body }),
        );
        statements.push(serde_json::json!({ "id": format!("s{n}a"), "article": format!("a{n}"),
            "text": &body[..first], "start": 0, "end": first, "targets": [target], "speaker": null,
            "speaker_entity": "KOR", "kind": "narrative", "leaders": [], "topics": ["bilateral relations"] }));
        statements.push(serde_json::json!({ "id": format!("s{n}b"), "article": format!("a{n}"),
            "text": &body[first + 1..], "start": first + 1, "end": body.len(), "targets": [target],
            "speaker": null, "speaker_entity": "KOR", "kind": "narrative", "leaders": [], "topics": [] }));
    }
    let json = serde_json::json!({
        "format": "agenda-corpus", "version": 1, "articles": articles,
        "entities": [
            { "id": "KOR", "name": "South Korea", "kind": "country" },
            { "id": "JPN", "name": "Japan", "kind": "country" },
            { "id": "CHN", "name": "China", "kind": "country" }
        ],
        "leaders": [], "statements": statements
    });
    let file = load::parse_corpus_file("months.json", json.to_string().as_bytes()).expect("valid");
    let corpus =
        load::merge("months.json".into(), vec![("months.json".into(), file)]).expect("merge");
    App::new(Arc::new(corpus))
}

#[test]
fn monthly_chart_and_dated_rows_with_several_articles() {
    let mut app = corpus_over_months();
    app.update(Msg::Resize(120, 30));
    // One speaker: the Countries index opens on All statements; Japan is the first country.
    press(&mut app, KeyCode::Down);
    let chart = app.chart.clone().expect("a chart");
    assert_eq!(
        chart.counts,
        vec![2, 0, 2, 0, 0, 2],
        "Japan: January, March, June 2021"
    );
    assert_eq!(
        app.chart_caption().as_deref(),
        Some("per month, 2021-01–2021-06")
    );
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn the_left_title_is_drawn_where_clicks_expect_its_tabs() {
    for (width, height) in [(120, 40), (80, 24), (50, 20), (80, 12)] {
        let app = seed_app(width, height);
        let rect = app.layout().index.expect("index pane shown");
        let expected: String = app
            .tab_title(rect.width as usize)
            .into_iter()
            .map(|(_, piece)| piece)
            .collect();
        let terminal = render(&app);
        let buffer = terminal.backend().buffer();
        let drawn: String = (rect.x + 1..rect.x + 1 + expected.chars().count() as u16)
            .map(|x| buffer[(x, rect.y)].symbol().to_string())
            .collect();
        assert_eq!(drawn, expected, "{width}x{height}");
    }
}

#[test]
fn footer_and_help_show_the_keys_the_user_bound() {
    let config = agenda_tui::config::Config::parse(
        std::path::Path::new("/cfg/config.toml"),
        "[keys]\nmove_up = [\"Ctrl-p\"]\nmove_down = [\"Ctrl-n\"]\nfocus_next = [\"F6\"]\n\
         show_countries = [\"a\"]\nshow_leaders = [\"b\"]\nshow_topics = [\"c\"]\nshow_speakers = [\"d\"]\n\
         toggle_help = [\"F1\"]\nquit = [\"x\"]\n\
         export_markdown = [\"1\"]\nexport_csv = [\"2\"]\nexport_json = [\"F9\"]\n",
    )
    .expect("valid config");
    let mut app = seed_app(120, 30);
    app.keymap = config.keymap();
    let screen = screen_lines(&app);
    let footer = screen.last().expect("a footer").clone();
    for expected in [
        "Ctrl-p/Ctrl-n move",
        "F1 help",
        "x quit",
        "F6 panes",
        "a-d index",
    ] {
        assert!(footer.contains(expected), "{expected:?} in {footer:?}");
    }
    for stale in ["↑↓", "Tab panes", "1-3", "? help", "q quit"] {
        assert!(!footer.contains(stale), "{stale:?} in {footer:?}");
    }
    app.update(Msg::Key(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE)));
    assert!(app.help_open());
    let screen = screen_lines(&app);
    let footer = screen.last().expect("a footer");
    assert!(
        footer.contains("Esc/F1/x close help") && footer.contains("Ctrl-p/Ctrl-n scroll"),
        "{footer:?}"
    );
    let help = screen.join("\n");
    assert!(help.contains("Ctrl-p") && help.contains("F6"), "{help}");
    app.update(Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('e'),
        KeyModifiers::NONE,
    )));
    assert!(app.export_prompt_open());
    let screen = screen_lines(&app);
    let footer = screen.last().expect("a footer");
    assert!(
        footer.contains("1 Markdown   2 CSV   F9 JSON   (Esc cancels)"),
        "{footer:?}"
    );
    let ignored = app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::NONE,
    )));
    assert!(app.export_prompt_open() && ignored.effects.is_empty());
    let chosen = app.update(Msg::Key(KeyEvent::new(KeyCode::F(9), KeyModifiers::NONE)));
    assert!(
        matches!(
            chosen.effects.as_slice(),
            [agenda_tui::app::Effect::Export(
                agenda_tui::export::ExportFormat::Json,
                _,
                _
            )]
        ),
        "{:?}",
        chosen.effects
    );
}

#[test]
fn search_bar_with_a_bad_filter_keeps_the_last_good_results() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Char('/'));
    for c in "putin".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    app.update(Msg::SearchResults(SearchHits {
        query: "putin".into(),
        ranked: vec![10],
        complete: true,
        matched: 1,
    }));
    for c in " kind:foo".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn stepping_through_results_from_the_panes_with_n() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Char('/'));
    for c in "moon".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    app.update(Msg::SearchResults(SearchHits {
        query: "moon".into(),
        ranked: vec![1, 7, 3],
        complete: true,
        matched: 3,
    }));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    insta::assert_snapshot!(render(&app).backend());
}
