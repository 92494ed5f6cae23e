//! The terminal shell: set-up and restore (also on error and panic), the event loop that turns
//! terminal events into messages, and redraws only when something changed.

use crate::app::{App, Msg};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;
use std::io;
use std::sync::mpsc::{self, Receiver, Sender};

/// Something that wakes the event loop.
#[derive(Debug)]
pub enum LoopEvent {
    /// A message for the app.
    Msg(Msg),
    /// Reading terminal events failed.
    InputError(io::Error),
    /// SIGTERM, SIGHUP or SIGINT arrived.
    Signal(i32),
}

/// How the browser ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A termination signal arrived (its number).
    Signal(i32),
}

/// How the terminal is set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Capture the mouse (clicks and the wheel); off leaves the terminal's own selection working.
    pub mouse: bool,
}

/// Turn a terminal event into an app message (focus changes and the like are dropped).
pub fn message_of(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) => Some(Msg::Key(key)),
        Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(width, height) => Some(Msg::Resize(width, height)),
        _ => None,
    }
}

/// Put the terminal back as it was: mouse capture and bracketed paste off, raw mode off, main
/// screen, cursor shown. Safe to call more than once.
pub fn restore_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let _ = execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

/// Raw mode, alternate screen, mouse capture and bracketed paste, with a panic hook that restores
/// the terminal before the panic message prints.
fn init_terminal(options: Options) -> io::Result<DefaultTerminal> {
    let previous = std::panic::take_hook();
    // A panic on any thread (the search worker, the input reader) ends the program: the
    // terminal is restored, the message printed on the main screen, and the process exits
    // rather than drawing on in a restored terminal.
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
        std::process::exit(101);
    }));
    let terminal = ratatui::try_init()?;
    enable_input_modes(options)?;
    Ok(terminal)
}

/// Bracketed paste always; mouse capture when asked for.
fn enable_input_modes(options: Options) -> io::Result<()> {
    execute!(io::stdout(), EnableBracketedPaste)?;
    if options.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Read terminal events on a thread of their own and forward them to the loop. Blocking reads:
/// an idle browser uses no CPU.
fn spawn_input_reader(sender: Sender<LoopEvent>) {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let event = match event::read() {
                    Ok(event) => match message_of(event) {
                        Some(msg) => LoopEvent::Msg(msg),
                        None => continue,
                    },
                    Err(e) => LoopEvent::InputError(e),
                };
                let failed = matches!(event, LoopEvent::InputError(_));
                if sender.send(event).is_err() || failed {
                    return;
                }
            }
        })
        .map(|_| ())
        .unwrap_or_else(|e| eprintln!("cannot start the input thread: {e}"));
}

/// Forward SIGTERM, SIGHUP and SIGINT into the loop so that it ends and restores the terminal.
fn spawn_signal_listener(sender: Sender<LoopEvent>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _ = sender.send(LoopEvent::Signal(signal));
            }
        })?;
    Ok(())
}

/// Give the terminal back, stop the process (as Ctrl-z does in a shell), and take the terminal
/// again when resumed with `fg`.
/// Returns the terminal's size on resuming (it may have changed while stopped, and a stopped
/// process gets no resize event).
fn suspend(terminal: &mut DefaultTerminal, options: Options) -> io::Result<(u16, u16)> {
    restore_terminal();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    enable_input_modes(options)?;
    // Not `Terminal::clear`: it queries the cursor position, which the blocked input thread
    // would swallow. A resize clears the screen and forces a full redraw without asking.
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    Ok((size.width, size.height))
}

/// Run the browser until the user quits or a termination signal arrives. The terminal is
/// restored on every way out.
pub fn run(
    mut app: App,
    options: Options,
    on_query: impl FnMut(String),
    events: (Sender<LoopEvent>, Receiver<LoopEvent>),
) -> io::Result<Exit> {
    spawn_signal_listener(events.0.clone())?;
    let mut terminal = init_terminal(options)?;
    let result = event_loop(&mut terminal, &mut app, options, on_query, events);
    restore_terminal();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    options: Options,
    mut on_query: impl FnMut(String),
    (sender, receiver): (Sender<LoopEvent>, Receiver<LoopEvent>),
) -> io::Result<Exit> {
    spawn_input_reader(sender);
    let size = terminal.size()?;
    app.update(Msg::Resize(size.width, size.height));
    terminal.draw(|frame| crate::ui::draw(frame, app))?;
    while let Ok(first) = receiver.recv() {
        let mut changed = false;
        let mut next = Some(first);
        // Drain everything already queued (a held key, a paste, a burst of results) before
        // drawing once.
        while let Some(event) = next {
            panic_on_request_in_debug_builds(&event);
            match event {
                LoopEvent::Msg(msg) => changed |= app.update(msg),
                LoopEvent::InputError(e) => return Err(e),
                LoopEvent::Signal(signal) => return Ok(Exit::Signal(signal)),
            }
            if app.should_quit {
                return Ok(Exit::Quit);
            }
            if app.suspend_requested {
                app.suspend_requested = false;
                let (width, height) = suspend(terminal, options)?;
                app.update(Msg::Resize(width, height));
                changed = true;
            }
            next = receiver.try_recv().ok();
        }
        if let Some(query) = app.pending_query.take() {
            on_query(query);
        }
        if let Some(status) = perform_file_and_clipboard_requests(app) {
            changed |= app.update(Msg::Status(status));
        }
        if changed {
            terminal.draw(|frame| crate::ui::draw(frame, app))?;
        }
    }
    Ok(Exit::Quit)
}

/// Carry out what the app asked for that needs I/O: an export to a file, a clipboard copy.
/// Returns the message to show in the footer.
fn perform_file_and_clipboard_requests(app: &mut App) -> Option<String> {
    let exported = app
        .pending_export
        .take()
        .map(|(format, statements)| export_to_new_file(app, format, &statements));
    let copied = app
        .pending_copy
        .take()
        .and_then(|statement| crate::export::quote_with_citation(&app.corpus, statement))
        .map(|text| copy_with_osc52(&text));
    match (exported, copied) {
        (Some(a), Some(b)) => Some(format!("{a} · {b}")),
        (a, b) => a.or(b),
    }
}

/// Write the statements to `agenda-tui-export[-N].EXT` in the working directory (never over an
/// existing file), whole or not at all.
fn export_to_new_file(
    app: &App,
    format: crate::export::ExportFormat,
    statements: &[u32],
) -> String {
    let rendered = match crate::export::render(&app.corpus, statements, format) {
        Ok(text) => text,
        Err(e) => return format!("Export failed: {e}"),
    };
    let extension = format.extension();
    let path = (0..1000)
        .map(|n| {
            let name = if n == 0 {
                format!("agenda-tui-export.{extension}")
            } else {
                format!("agenda-tui-export-{n}.{extension}")
            };
            std::path::PathBuf::from(name)
        })
        .find(|p| !p.exists());
    let Some(path) = path else {
        return "Export failed: too many agenda-tui-export files here".to_string();
    };
    match crate::fsio::write_atomically(&path, rendered.as_bytes()) {
        Ok(()) => {
            let shown = std::fs::canonicalize(&path).unwrap_or(path);
            format!(
                "Exported {} statement{} to {}",
                statements.len(),
                if statements.len() == 1 { "" } else { "s" },
                crate::text::sanitize(&shown.display().to_string())
            )
        }
        Err(e) => format!("Export failed: {}: {e}", path.display()),
    }
}

/// Terminals known not to take OSC 52 clipboard writes.
fn terminal_lacks_osc52() -> bool {
    match std::env::var("TERM") {
        Ok(term) => term.is_empty() || term == "dumb" || term == "linux",
        Err(_) => true,
    }
}

/// Put `text` on the clipboard with OSC 52 (works over SSH and in tmux with set-clipboard on).
fn copy_with_osc52(text: &str) -> String {
    use base64::Engine;
    use std::io::Write;
    if terminal_lacks_osc52() {
        return "This terminal cannot take clipboard writes (OSC 52); press e to export instead"
            .into();
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    match write!(out, "\u{1b}]52;c;{encoded}\u{7}").and_then(|()| out.flush()) {
        Ok(()) => "Copied the statement and its citation to the clipboard (OSC 52)".into(),
        Err(e) => format!("Copy failed: {e}"),
    }
}

/// Debug builds only, for the end-to-end test of the panic hook: with `AGENDA_TUI_TEST_PANIC`
/// set, F12 panics inside the event loop. Release builds have no such key.
fn panic_on_request_in_debug_builds(event: &LoopEvent) {
    #[cfg(debug_assertions)]
    if let LoopEvent::Msg(Msg::Key(key)) = event
        && key.code == ratatui::crossterm::event::KeyCode::F(12)
        && std::env::var_os("AGENDA_TUI_TEST_PANIC").is_some()
    {
        panic!("test panic requested with F12");
    }
    #[cfg(not(debug_assertions))]
    let _ = event;
}

/// A channel pair for [`run`]; clone the sender to deliver search results into the loop.
pub fn channel() -> (Sender<LoopEvent>, Receiver<LoopEvent>) {
    mpsc::channel()
}
