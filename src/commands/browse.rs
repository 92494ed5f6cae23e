//! The browser: load the corpus (refusing invalid data before the terminal is touched), build
//! the indexes, then run the terminal loop.

use super::{CommandError, CommandResult, load_config, load_corpus_then};
use crate::app::{App, Msg, SearchHistory, SearchHits};
use crate::effects::Clipboard;
use crate::model::Corpus;
use crate::progress::Stage;
use crate::search::{SearchIndex, SearchWorker};
use crate::tui;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Open the browser on the corpus (see [`super::load_corpus`]); exit 128 + N on signal N.
pub fn run(cli_data: &[PathBuf]) -> CommandResult {
    let config = load_config()?;
    let mut app = load_corpus_then(cli_data, &config, |corpus, progress, left_out| {
        progress.set_stage(Stage::Indexing);
        let label = corpus
            .name
            .starts_with(crate::library::WITH_LIBRARY)
            .then(|| corpus.name.clone());
        let mut app = prepare(corpus);
        app.corpus_label = label;
        if !left_out.is_empty() {
            app.status = Some(left_out.join("; "));
        }
        Ok(app)
    })?;
    app.keymap = config.keymap();
    app.theme = config.ui_theme();
    app.history = read_history(history_file());
    let events = tui::channel();
    let results = events.0.clone();
    let ready = events.0.clone();
    let worker = spawn_search(
        &mut app,
        move |index| {
            let _ = ready.send(tui::LoopEvent::IndexReady(index));
        },
        move |outcome| {
            let hits = SearchHits::from_outcome(&outcome);
            let _ = results.send(tui::LoopEvent::Msg(Msg::SearchResults(hits)));
        },
    );
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

/// What the browser builds from a loaded corpus before its first frame: the app's own indexes
/// (`benches/archive.rs` times this same step). The search index is built afterwards, on the
/// search worker: see [`spawn_search`].
pub fn prepare(corpus: Corpus) -> App {
    let app = App::new(Arc::new(corpus));
    release_free_memory();
    app
}

/// Give the heap's free pages back to the system (glibc keeps what a load freed, such as
/// parsing's short-lived strings, resident otherwise); nothing elsewhere.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim only returns unused heap pages to the system; it takes no
        // pointers and is safe to call from any thread at any time.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// Start the search worker on `app`'s corpus: it builds the search index first (the app says
/// "indexing…" meanwhile), hands it to `on_ready` (for the app, to highlight matches), then
/// answers queries through `on_result`.
pub fn spawn_search(
    app: &mut App,
    on_ready: impl FnOnce(Arc<SearchIndex>) + Send + 'static,
    on_result: impl Fn(crate::search::SearchOutcome) + Send + 'static,
) -> SearchWorker {
    let corpus = Arc::clone(&app.corpus);
    app.indexing = true;
    SearchWorker::spawn_building(
        move || {
            let index = Arc::new(SearchIndex::over(corpus));
            release_free_memory();
            index
        },
        on_ready,
        on_result,
    )
}

/// The query history file: `$AGENDA_TUI_STATE_DIR/history`, else
/// `$XDG_STATE_HOME/agenda-tui/history`, else `~/.local/state/agenda-tui/history`; `None` when
/// none of these is set.
fn history_file() -> Option<PathBuf> {
    let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let dir = match non_empty("AGENDA_TUI_STATE_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => non_empty("XDG_STATE_HOME")
            .map(PathBuf::from)
            .or_else(|| non_empty("HOME").map(|home| PathBuf::from(home).join(".local/state")))?
            .join("agenda-tui"),
    };
    Some(dir.join("history"))
}

/// The history kept in `file`: empty when it is missing, unreadable or not text (the browser
/// never fails over its history); only its last 64 KiB are read.
fn read_history(file: Option<PathBuf>) -> SearchHistory {
    const MAX_BYTES: u64 = 64 * 1024;
    let text = file.as_deref().and_then(|path| {
        use std::io::{Read, Seek, SeekFrom};
        let mut opened = std::fs::File::open(path).ok()?;
        let len = opened.metadata().ok()?.len();
        opened
            .seek(SeekFrom::Start(len.saturating_sub(MAX_BYTES)))
            .ok()?;
        let mut bytes = Vec::new();
        opened.take(MAX_BYTES).read_to_end(&mut bytes).ok()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    });
    SearchHistory::parse(text.as_deref().unwrap_or(""), file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corrupt_missing_or_unreadable_history_is_an_empty_or_partial_one() {
        let dir = std::env::temp_dir().join(format!("agenda-tui-history-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("history");
        std::fs::write(&file, b"moon\n\xff\xfe\x00garbage\x1b[2J\nputin\n").expect("write");
        let history = read_history(Some(file.clone()));
        assert_eq!(
            history.entries,
            ["moon", "putin"],
            "the undecodable line is dropped"
        );
        assert_eq!(history.file, Some(file));
        assert!(read_history(Some(dir.join("missing"))).entries.is_empty());
        assert!(
            read_history(Some(dir.clone())).entries.is_empty(),
            "a directory"
        );
        assert!(read_history(None).entries.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
