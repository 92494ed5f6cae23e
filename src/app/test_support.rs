//! What the app's unit tests share: an app over a corpus file's text, and keys pressed.

use super::{App, Msg, Update};
use crate::load;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

/// An app over the corpus file `bytes` (named `name` in errors), on a 120x40 screen.
pub(crate) fn app_over(name: &str, bytes: &[u8]) -> App {
    let file = load::parse_corpus_file(name, bytes).expect("valid corpus");
    let corpus = load::merge(name.into(), vec![(name.into(), file)]).expect("merge");
    let mut app = App::new(Arc::new(corpus));
    app.update(Msg::Resize(120, 40));
    app
}

/// Press a key with no modifiers.
pub(crate) fn press(app: &mut App, code: KeyCode) -> Update {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Press a character key.
pub(crate) fn key(app: &mut App, c: char) -> Update {
    press(app, KeyCode::Char(c))
}
