//! Snapshots of what an article's fields make of the detail pane and the reader: the wire
//! dateline on its own line, and the narrative kind labelled by who tells it (a reporter when
//! the article credits one, the speaker in a speech, else the text itself), at 80x24 and
//! 160x50.

mod screens;
use agenda_tui::app::App;
use ratatui::crossterm::event::KeyCode;
use screens::{app_over, keys, press, render, screen};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 50)];

fn genres(width: u16, height: u16) -> App {
    let text = include_str!("fixtures/genres.json");
    app_over("genres.json", text.as_bytes(), width, height)
}

/// Move the statements pane's selection to the statement with id `id`.
fn select(app: &mut App, id: &str) {
    press(app, KeyCode::Tab);
    for _ in 0..app.corpus.statements.len() {
        let at = app.selected_statement_index().expect("a statement");
        if app.corpus.statements[at as usize].id == id {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("{id} is not listed");
}

#[test]
fn a_wire_story_shows_its_dateline_and_the_reporter_narrates() {
    for (width, height) in SIZES {
        let mut app = genres(width, height);
        select(&mut app, "wire-2021-s1");
        let text = screen(&app);
        assert!(text.contains("WASHINGTON, Jan 13 (Reuters)"), "{text}");
        assert!(
            text.contains("narrative — the reporter's account"),
            "{text}"
        );
        insta::assert_snapshot!(
            format!("wire_detail_{width}x{height}"),
            render(&app).backend()
        );
    }
}

#[test]
fn a_speech_is_narrated_by_its_speaker_and_an_uncredited_text_by_itself() {
    for (width, height) in SIZES {
        let mut app = genres(width, height);
        select(&mut app, "speech-2018-s1");
        let text = screen(&app);
        assert!(
            text.contains("narrative — the speaker's own account"),
            "{text}"
        );
        assert!(!text.contains("reporter"), "{text}");
        insta::assert_snapshot!(
            format!("speech_detail_{width}x{height}"),
            render(&app).backend()
        );
        let mut app = genres(width, height);
        select(&mut app, "release-2019-s1");
        let text = screen(&app);
        assert!(
            text.contains("narrative — the text's own account"),
            "{text}"
        );
    }
}

#[test]
fn the_reader_header_names_the_dateline() {
    for (width, height) in SIZES {
        let mut app = genres(width, height);
        select(&mut app, "wire-2021-s1");
        keys(&mut app, "r");
        let text = screen(&app);
        assert!(text.contains("Reuters · 2021-01-13 · WASHINGTON"), "{text}");
        insta::assert_snapshot!(
            format!("wire_reader_{width}x{height}"),
            render(&app).backend()
        );
    }
}
