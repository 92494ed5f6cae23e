//! The browser: load the corpus (refusing invalid data before the terminal is touched), build
//! the indexes, then run the terminal loop.

use super::{CommandError, CommandResult, load_config, load_corpus_then};
use crate::app::{App, Msg, SearchHits};
use crate::effects::Clipboard;
use crate::progress::Stage;
use crate::search::{SearchIndex, SearchWorker};
use crate::tui;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Open the browser on the corpus (see [`super::load_corpus`]); exit 128 + N on signal N.
pub fn run(cli_data: &[PathBuf]) -> CommandResult {
    let config = load_config()?;
    let (mut app, index) = load_corpus_then(cli_data, &config, |corpus, progress| {
        progress.set_stage(Stage::Indexing);
        let corpus = Arc::new(corpus);
        // The browser's indexes and the search index are built side by side.
        let (app, index) = std::thread::scope(|scope| {
            let index = scope.spawn(|| Arc::new(SearchIndex::over(Arc::clone(&corpus))));
            let app = App::new(Arc::clone(&corpus));
            (app, index.join())
        });
        match index {
            Ok(index) => Ok((app, index)),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })?;
    app.keymap = config.keymap();
    app.theme = config.ui_theme();
    app.search_index = Some(Arc::clone(&index));
    let events = tui::channel();
    let results = events.0.clone();
    let worker = SearchWorker::spawn(index, move |outcome| {
        let hits = SearchHits::from_outcome(&outcome);
        let _ = results.send(tui::LoopEvent::Msg(Msg::SearchResults(hits)));
    });
    let term = std::env::var("TERM").ok();
    let options = tui::Options {
        mouse: config.mouse,
        clipboard: Clipboard::choose(
            config.copy_command.as_deref(),
            std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
            term.as_deref(),
        ),
        opener: config.opener(),
    };
    let submit = |query| {
        worker.submit(query);
    };
    match tui::run(app, options, submit, events) {
        Ok(tui::Exit::Quit) => Ok(ExitCode::SUCCESS),
        Ok(tui::Exit::Signal(signal)) => Ok(ExitCode::from(128u8.saturating_add(signal as u8))),
        Err(e) => Err(CommandError::failed(format!("error: terminal: {e}"), 1)),
    }
}
