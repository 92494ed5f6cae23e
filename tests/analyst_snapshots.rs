//! Snapshots of the analyst's views (issue 13): the Speakers index, the lens in the title line,
//! the year chart of a dyad, the year picker and the reader, at 80x24 and 160x50.

mod screens;
use agenda_tui::app::{App, Msg, SearchHits};
use ratatui::crossterm::event::KeyCode;
use screens::{app_over, keys, press, render, screen};
use std::sync::Arc;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 50)];

fn dyads(width: u16, height: u16) -> App {
    let text = include_str!("fixtures/dyads.json");
    app_over("dyads.json", text.as_bytes(), width, height)
}

#[test]
fn speakers_index_is_the_first_screen() {
    for (width, height) in SIZES {
        let app = dyads(width, height);
        assert!(screen(&app).contains("3 speakers · 12 articles"));
        insta::assert_snapshot!(
            format!("speakers_index_{width}x{height}"),
            render(&app).backend()
        );
    }
}

#[test]
fn lens_title_and_the_dyad_year_chart() {
    for (width, height) in SIZES {
        let mut app = dyads(width, height);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Down);
        let text = screen(&app);
        assert!(text.contains("by South Korea"), "{text}");
        if height >= 40 {
            assert!(text.contains("KOR → JPN per year, 1946–2024"), "{text}");
        }
        insta::assert_snapshot!(
            format!("lens_dyad_{width}x{height}"),
            render(&app).backend()
        );
    }
}

#[test]
fn year_picker_and_a_decade_in_the_title() {
    for (width, height) in SIZES {
        let mut app = dyads(width, height);
        keys(&mut app, "t");
        insta::assert_snapshot!(
            format!("year_picker_{width}x{height}"),
            render(&app).backend()
        );
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
        assert!(screen(&app).contains("2010s"));
        insta::assert_snapshot!(
            format!("years_2010s_{width}x{height}"),
            render(&app).backend()
        );
    }
}

#[test]
fn reader_marks_statements_targets_and_search_hits() {
    for (width, height) in SIZES {
        let mut app = dyads(width, height);
        press(&mut app, KeyCode::Char('/'));
        for c in "nuclear".chars() {
            press(&mut app, KeyCode::Char(c));
        }
        let index = Arc::new(agenda_tui::search::SearchIndex::new(&app.corpus));
        let query = agenda_tui::search::parse_query("nuclear");
        let hits = agenda_tui::search::search(&index, &query, None);
        app.search_index = Some(index);
        app.update(Msg::SearchResults(SearchHits {
            query: "nuclear".into(),
            ranked: hits.iter().map(|h| h.statement).collect(),
            complete: true,
            matched: hits.len(),
        }));
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Tab);
        keys(&mut app, "rn");
        let text = screen(&app);
        assert!(text.contains("Reader · General Debate"), "{text}");
        assert!(text.contains("↳ "), "{text}");
        insta::assert_snapshot!(format!("reader_{width}x{height}"), render(&app).backend());
    }
}
