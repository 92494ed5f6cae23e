//! Property tests: arbitrary corpora driven by arbitrary keys, pastes, mouse events, resizes and
//! search results never panic, keep every selection in bounds, and always draw a buffer exactly
//! the terminal's size. The loader never panics on arbitrary or mutated bytes.
//!
//! Case counts are set for CI (thousands of cases); raise them with `PROPTEST_CASES`. A failing
//! case is shrunk, printed, and its seed saved under `proptest-regressions/` for replay.

use agenda_tui::app::{App, Effect, Msg, SearchHits};
use agenda_tui::load::{self, LoadError};
use agenda_tui::model::{Article, Corpus, Entity, EntityKind, Leader, Statement, StatementKind};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::sync::Arc;

const ENTITY_IDS: [&str; 5] = ["KOR", "USA", "CHN", "ASEAN", "GLOBAL"];

/// Sentence text: ordinary words, wide characters, emoji, controls, and very long words.
fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[A-Za-z ,.'-]{1,120}",
        2 => "[가-힣 ]{1,60}",
        1 => "[\\u{1F1E6}-\\u{1F1FF}\\u{1F600}-\\u{1F64F} ]{1,30}",
        1 => "[\\u{0}-\\u{1F}\\u{7F}-\\u{9F}\\u{202A}-\\u{202E}a-z]{1,40}",
        1 => "[a-z]{2000,10000}",
        1 => any::<String>().prop_filter("non-empty", |s| !s.is_empty()),
    ]
}

fn statement_meta() -> impl Strategy<Value = (Vec<usize>, u8, bool)> {
    (
        prop::collection::vec(0..ENTITY_IDS.len(), 0..3),
        0u8..3,
        any::<bool>(),
    )
}

/// A valid corpus: 0-3 articles whose bodies are their sentences joined by spaces.
fn corpus() -> impl Strategy<Value = Corpus> {
    prop::collection::vec(
        prop::collection::vec((sentence(), statement_meta()), 0..12),
        0..4,
    )
    .prop_map(|articles| {
        let entities: Vec<Entity> = ENTITY_IDS
            .iter()
            .enumerate()
            .map(|(i, id)| Entity {
                id: id.to_string(),
                name: format!("{id} name {}", "한".repeat(i)),
                kind: [
                    EntityKind::Country,
                    EntityKind::Country,
                    EntityKind::Country,
                    EntityKind::Bloc,
                    EntityKind::Global,
                ][i],
                aliases: vec![],
            })
            .collect();
        let leaders = vec![Leader {
            name: "Moon Jae-in".into(),
            entity: "KOR".into(),
            role: "President".into(),
            aliases: vec![],
        }];
        let mut out_articles = Vec::new();
        let mut statements = Vec::new();
        for (a, sentences) in articles.into_iter().enumerate() {
            let id = format!("a{a}");
            let mut body = String::new();
            for (text, (targets, kind, with_leader)) in sentences {
                if !body.is_empty() {
                    body.push(' ');
                }
                let start = body.len();
                body.push_str(&text);
                let mut targets: Vec<agenda_tui::model::ShortText> =
                    targets.into_iter().map(|t| ENTITY_IDS[t].into()).collect();
                targets.dedup();
                statements.push(Statement {
                    id: format!("s{}", statements.len()).into(),
                    article: id.as_str().into(),
                    text: text.into(),
                    start,
                    end: body.len(),
                    targets,
                    speaker: with_leader.then(|| "Moon Jae-in".into()),
                    speaker_entity: "KOR".into(),
                    kind: [
                        StatementKind::Quote,
                        StatementKind::Reported,
                        StatementKind::Narrative,
                    ][kind as usize],
                    leaders: if with_leader {
                        vec!["Moon Jae-in".into()]
                    } else {
                        vec![]
                    },
                    topics: vec![format!("topic {a}").into()],
                });
            }
            out_articles.push(Article {
                id,
                title: format!("Article {a}"),
                source: "Outlet".into(),
                published: Some(format!("2021-0{}-01", a + 1)),
                byline: None,
                dateline: None,
                url: None,
                speaker_country: "KOR".into(),
                body: body.into(),
            });
        }
        Corpus::from_parts("prop".into(), out_articles, entities, leaders, statements)
    })
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        prop::sample::select(vec![
            'j', 'k', 'g', 'G', 'h', 'l', '/', '?', 'a', 'e', 'u', 'w', 'd', 'n', 'p', '한', ' '
        ])
        .prop_map(KeyCode::Char),
        any::<char>().prop_map(KeyCode::Char),
    ]
}

fn message() -> impl Strategy<Value = Msg> {
    let modifiers = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::CONTROL,
        KeyModifiers::SHIFT,
        KeyModifiers::ALT,
    ]);
    let kind = prop::sample::select(vec![
        KeyEventKind::Press,
        KeyEventKind::Press,
        KeyEventKind::Press,
        KeyEventKind::Release,
        KeyEventKind::Repeat,
    ]);
    let mouse_kind = prop::sample::select(vec![
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::ScrollUp,
        MouseEventKind::ScrollDown,
        MouseEventKind::Moved,
    ]);
    prop_oneof![
        20 => (key_code(), modifiers, kind).prop_map(|(code, modifiers, kind)| {
            let mut event = KeyEvent::new(code, modifiers);
            event.kind = kind;
            Msg::Key(event)
        }),
        3 => (mouse_kind, 0u16..450, 0u16..160).prop_map(|(kind, column, row)| Msg::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })),
        2 => (0u16..=400, 0u16..=150).prop_map(|(w, h)| Msg::Resize(w, h)),
        1 => any::<String>().prop_map(Msg::Paste),
    ]
}

/// Answer a pending query the way a search worker would: statements containing the query's
/// first character (case-insensitively), in corpus order.
fn answer(app: &App, effects: &[Effect]) -> Option<SearchHits> {
    let query = match effects.iter().rev().find_map(|e| match e {
        Effect::Search(query) => Some(Some(query.clone())),
        Effect::CancelSearch => Some(None),
        _ => None,
    }) {
        Some(Some(query)) => query,
        _ => return None,
    };
    let first = query
        .chars()
        .next()
        .map(|c| c.to_lowercase().to_string())
        .unwrap_or_default();
    let ranked: Vec<u32> = app
        .corpus
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.text.to_lowercase().contains(&first))
        .map(|(i, _)| i as u32)
        .collect();
    let matched = ranked.len();
    Some(SearchHits {
        query,
        ranked,
        complete: true,
        matched,
    })
}

fn check_invariants(app: &App) -> Result<(), TestCaseError> {
    prop_assert!(!app.items.is_empty(), "the All row is always there");
    prop_assert!(app.selected_item < app.items.len());
    prop_assert!(
        app.listed.is_empty() && app.selected_statement == 0
            || app.selected_statement < app.listed.len()
    );
    prop_assert!(app.query.text().is_char_boundary(app.query.cursor()));
    prop_assert!(app.query.cursor() <= app.query.text().len());
    for &s in &app.listed {
        prop_assert!((s as usize) < app.corpus.statements.len());
    }
    for row in &app.rows {
        if let agenda_tui::app::IndexRow::Item(i) = row {
            prop_assert!(*i < app.items.len());
        }
    }
    Ok(())
}

fn draw(app: &App) -> Result<(), TestCaseError> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| agenda_tui::ui::draw(f, app))
        .expect("draw");
    let area = terminal.backend().buffer().area;
    prop_assert_eq!((area.width, area.height), (w, h));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: Some(Box::new(FileFailurePersistence::Direct("tests/proptest-regressions/properties.txt"))), ..ProptestConfig::default() })]

    #[test]
    fn any_messages_on_any_corpus_keep_the_app_consistent(
        corpus in corpus(),
        messages in prop::collection::vec(message(), 0..40),
        width in 0u16..=400,
        height in 0u16..=150,
    ) {
        let mut app = App::new(Arc::new(corpus));
        app.update(Msg::Resize(width, height));
        check_invariants(&app)?;
        for (i, msg) in messages.into_iter().enumerate() {
            let update = app.update(msg);
            if let Some(hits) = answer(&app, &update.effects) {
                app.update(Msg::SearchResults(hits));
            }
            check_invariants(&app)?;
            if i % 8 == 0 {
                draw(&app)?;
            }
            if update.has(&Effect::Quit) {
                break;
            }
        }
        draw(&app)?;
    }
}

fn seed_bytes() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/corpus/seed.json"
    ))
    .expect("seed")
}

/// A load either succeeds with a consistent corpus or fails with located problems.
fn load_outcome(bytes: &[u8]) -> Result<(), TestCaseError> {
    match load::parse_corpus_file("fuzz.json", bytes) {
        Ok(file) => {
            for s in &file.statements {
                let body = &file
                    .articles
                    .iter()
                    .find(|a| a.id == s.article)
                    .expect("article")
                    .body;
                prop_assert_eq!(&body[s.start..s.end], s.text.as_str());
            }
        }
        Err(LoadError::Invalid { problems, .. }) => {
            prop_assert!(!problems.is_empty());
            for p in problems {
                prop_assert!(p.to_string().starts_with("fuzz.json"));
            }
        }
        Err(LoadError::Io { .. }) => prop_assert!(false, "no I/O happens here"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: Some(Box::new(FileFailurePersistence::Direct("tests/proptest-regressions/properties.txt"))), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        load_outcome(&bytes)?;
    }

    #[test]
    fn mutated_valid_corpora_load_or_give_located_errors(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)
    ) {
        let mut bytes = seed_bytes();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len().max(1));
            match op {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i.min(bytes.len()), byte),
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        load_outcome(&bytes)?;
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow(depth in 1usize..200_000, open in prop::sample::select(vec!['[', '{'])) {
        let text = format!("{{\"format\": \"agenda-corpus\", \"version\": 1, \"articles\": {}", open.to_string().repeat(depth));
        prop_assert!(load::parse_corpus_file("deep.json", text.as_bytes()).is_err());
    }
}
