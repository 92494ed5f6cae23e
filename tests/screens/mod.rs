//! What the snapshot tests of whole screens share: an app over a corpus or the seed, keys, and a
//! frame drawn on ratatui's `TestBackend` (as a buffer or as text).

// Each test file uses its own share of these helpers.
#![allow(dead_code)]

use agenda_tui::app::{App, Msg};
use agenda_tui::load;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

/// An app over the corpus file `bytes` (named `name` in errors) on a `width`x`height` screen.
pub fn app_over(name: &str, bytes: &[u8], width: u16, height: u16) -> App {
    let file = load::parse_corpus_file(name, bytes).expect("valid corpus");
    let corpus = load::merge(name.into(), vec![(name.into(), file)]).expect("merge");
    let mut app = App::new(Arc::new(corpus));
    app.update(Msg::Resize(width, height));
    app
}

/// An app over the embedded seed corpus on a `width`x`height` screen.
pub fn seed_app(width: u16, height: u16) -> App {
    let mut app = App::new(Arc::new(load::embedded_seed().expect("seed")));
    app.update(Msg::Resize(width, height));
    app
}

/// Press a key with no modifiers.
pub fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Press each character of `text` in turn.
pub fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The app drawn once at its size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| agenda_tui::ui::draw(frame, app))
        .expect("draw");
    terminal
}

/// The app drawn once, as the text of each row.
pub fn screen_lines(app: &App) -> Vec<String> {
    let terminal = render(app);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

/// The app drawn once, as text: its rows joined by line breaks.
pub fn screen(app: &App) -> String {
    screen_lines(app).join("\n")
}
