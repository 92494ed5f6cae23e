//! The terminal shell: set-up and restore (also on error and panic), the event loop that turns
//! terminal events into messages, and redraws only when something changed.

use crate::app::{App, Effect, Msg};
use crate::effects;
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
    /// The search index, built after the first frame, is ready.
    IndexReady(std::sync::Arc<crate::search::SearchIndex>),
}

/// How the browser ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A termination signal arrived (its number).
    Signal(i32),
}

/// How the terminal is set up and how URLs are opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Capture the mouse (clicks and the wheel); off leaves the terminal's own selection working.
    pub mouse: bool,
    /// How `y` copies.
    pub clipboard: effects::Clipboard,
    /// The program (and its first arguments) that opens a URL; the URL is added as one more
    /// argument.
    pub opener: Vec<String>,
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
fn init_terminal(options: &Options) -> io::Result<DefaultTerminal> {
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
fn enable_input_modes(options: &Options) -> io::Result<()> {
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
fn suspend(terminal: &mut DefaultTerminal, options: &Options) -> io::Result<(u16, u16)> {
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
    let mut terminal = init_terminal(&options)?;
    let result = event_loop(&mut terminal, &mut app, &options, on_query, events);
    restore_terminal();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    options: &Options,
    mut on_query: impl FnMut(String),
    (sender, receiver): (Sender<LoopEvent>, Receiver<LoopEvent>),
) -> io::Result<Exit> {
    spawn_input_reader(sender);
    let size = terminal.size()?;
    app.update(Msg::Resize(size.width, size.height));
    terminal.draw(|frame| crate::ui::draw(frame, app))?;
    while let Ok(first) = receiver.recv() {
        let mut changed = false;
        let mut search = None;
        let mut requests = Vec::new();
        let mut next = Some(first);
        // Drain everything already queued (a held key, a paste, a burst of results) before
        // drawing once; only the last search asked for in the burst is started.
        while let Some(event) = next {
            panic_on_request_in_debug_builds(&event);
            let update = match event {
                LoopEvent::Msg(msg) => app.update(msg),
                LoopEvent::InputError(e) => return Err(e),
                LoopEvent::Signal(signal) => return Ok(Exit::Signal(signal)),
                LoopEvent::IndexReady(index) => {
                    app.search_index = Some(index);
                    app.indexing = false;
                    changed = true;
                    next = receiver.try_recv().ok();
                    continue;
                }
            };
            changed |= update.redraw;
            for effect in update.effects {
                match effect {
                    Effect::Quit => return Ok(Exit::Quit),
                    Effect::Suspend => {
                        let (width, height) = suspend(terminal, options)?;
                        app.update(Msg::Resize(width, height));
                        changed = true;
                    }
                    Effect::Search(query) => search = Some(query),
                    Effect::CancelSearch => search = None,
                    Effect::Export(..) | Effect::Copy(_) => requests.push(effect),
                    Effect::OpenUrl(url) => {
                        let status = effects::open_url(&options.opener, &url);
                        changed |= app.update(Msg::Status(status)).redraw;
                    }
                    Effect::SaveHistory { file, contents } => {
                        if let Some(status) = effects::save_history(&file, &contents) {
                            changed |= app.update(Msg::Status(status)).redraw;
                        }
                    }
                }
            }
            next = receiver.try_recv().ok();
        }
        if let Some(query) = search {
            on_query(query);
        }
        if let Some(status) = effects::perform(&app.corpus, requests, &options.clipboard) {
            changed |= app.update(Msg::Status(status)).redraw;
        }
        if changed {
            terminal.draw(|frame| crate::ui::draw(frame, app))?;
        }
    }
    Ok(Exit::Quit)
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
