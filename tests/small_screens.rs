//! Issue 14, item 1: a sweep of terminal sizes holding the small-screen invariants — the
//! selected row is always on screen, a pane's counter never reads "1–0", the too-small message
//! fits whole words, and a search always shows its results.

use agenda_tui::app::{App, IndexRow, Msg, SearchHits};
use agenda_tui::layout::{Arrangement, Pane};
use agenda_tui::load;
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;

mod screens;
use screens::{press, screen_lines as screen};

/// The states a newcomer reaches in the first minute, each at `width`x`height`.
fn states(width: u16, height: u16) -> Vec<(&'static str, App)> {
    let corpus = Arc::new(load::embedded_seed().expect("seed"));
    let fresh = || {
        let mut app = App::new(corpus.clone());
        app.update(Msg::Resize(width, height));
        app
    };
    let mut out = vec![("index", fresh())];
    let mut statements = fresh();
    press(&mut statements, KeyCode::Tab);
    press(&mut statements, KeyCode::Char('G'));
    out.push(("statements, last row", statements));
    let detail = || {
        let mut app = fresh();
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        app
    };
    out.push(("detail", detail()));
    let mut searching = detail();
    press(&mut searching, KeyCode::Char('/'));
    for c in "moon".chars() {
        press(&mut searching, KeyCode::Char(c));
    }
    let everything: Vec<u32> = (0..corpus.statements.len() as u32).collect();
    searching.update(Msg::SearchResults(SearchHits {
        query: "moon".into(),
        matched: everything.len(),
        ranked: everything,
        complete: true,
    }));
    out.push(("search typed from the detail pane", searching));
    for tab in ['2', '3'] {
        let mut other = fresh();
        press(&mut other, KeyCode::Char(tab));
        press(&mut other, KeyCode::Char('G'));
        out.push(("another index, last row", other));
    }
    out
}

fn check_invariants(name: &str, app: &App, width: u16, height: u16) {
    let lines = screen(app);
    let at = format!("{name} at {width}x{height}:\n{}", lines.join("\n"));
    let layout = app.layout();
    if layout.arrangement == Arrangement::TooSmall {
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        let shown = words.join(" ");
        let wordings = [
            "Terminal too small (need 20×6)",
            "Too small (need 20×6)",
            "Need 20×6",
            "20×6",
            "Too small",
            "small",
            "!",
        ];
        assert!(wordings.contains(&shown.as_str()), "{at}");
        return;
    }
    assert!(!lines.join("\n").contains("–0 of"), "counter 1–0: {at}");
    if app.search_focused {
        assert!(layout.statements.is_some(), "search without results: {at}");
    }
    if layout.index.is_some() {
        let height = app.index_list_height();
        let row = app.row_of_item(app.selected_item);
        assert!(height >= 1, "index pane without a row: {at}");
        assert!(
            (app.index_offset..app.index_offset + height).contains(&row),
            "selected index row {row} off screen (offset {}, {height} rows): {at}",
            app.index_offset
        );
        assert!(matches!(app.rows.get(row), Some(IndexRow::Item(_))), "{at}");
    }
    if layout.statements.is_some() && !app.listed.is_empty() {
        let height = layout.inner_height(Pane::Statements);
        assert!(height >= 1, "statements pane without a row: {at}");
        assert!(
            (app.statements_offset..app.statements_offset + height)
                .contains(&app.selected_statement),
            "selected statement off screen: {at}"
        );
    }
    if layout.detail.is_some() {
        assert!(
            layout.inner_height(Pane::Detail) >= 1,
            "detail pane without a row: {at}"
        );
    }
}

#[test]
fn every_size_keeps_the_small_screen_invariants() {
    for width in (1..=40).chain([59, 60, 79, 80, 109, 110, 120]) {
        for height in (1..=18).chain([24, 40]) {
            for (name, app) in states(width, height) {
                check_invariants(name, &app, width, height);
            }
        }
    }
}

#[test]
fn the_too_small_message_is_whole_at_the_sizes_the_issue_names() {
    assert_eq!(
        agenda_tui::ui::too_small_lines(10, 3),
        ["Too small", "(need", "20×6)"]
    );
    assert_eq!(agenda_tui::ui::too_small_lines(1, 1), ["!"]);
    assert_eq!(
        agenda_tui::ui::too_small_lines(40, 3),
        ["Terminal too small (need 20×6)"]
    );
}
