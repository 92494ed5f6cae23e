//! A pseudo-terminal driver for end-to-end tests: the real binary runs inside a private tmux
//! server; tests send keys and poll the screen with generous deadlines (no fixed sleeps).

#![allow(dead_code)]

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// How long a wait may take before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(20);

/// One tmux server with one window running a shell command.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Start `command` (run by `sh -c`) in a `width`x`height` window.
    pub fn start(width: u16, height: u16, command: &str) -> Tmux {
        let socket = format!(
            "agenda-e2e-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let tmux = Tmux { socket };
        // The user's own config and colour preference must not leak into tests.
        // Nor may the tests write to the user's query history, or read the user's library.
        let state =
            std::env::temp_dir().join(format!("agenda-tui-tests-state-{}", std::process::id()));
        let command = format!(
            "export XDG_CONFIG_HOME=/nonexistent/agenda-tui-tests XDG_DATA_HOME=/nonexistent/agenda-tui-tests XDG_STATE_HOME='{}'; unset AGENDA_TUI_CONFIG AGENDA_TUI_STATE_DIR AGENDA_TUI_DATA_DIR NO_COLOR; {command}",
            state.display()
        );
        let out = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "sh",
            "-c",
            &command,
        ]);
        assert!(out.status.success(), "tmux new-session failed: {out:?}");
        tmux.run(&["set-option", "-g", "remain-on-exit", "on"]);
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux is installed (apt-get install tmux)")
    }

    /// Send keys in tmux `send-keys` syntax (`"q"`, `"C-c"`, `"Down"`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Send raw bytes to the program, as a terminal would (mouse reports, pastes).
    pub fn raw(&self, bytes: &[u8]) {
        let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let mut args = vec!["send-keys", "-t", "0", "-H"];
        args.extend(hex.iter().map(String::as_str));
        self.run(&args);
    }

    /// A left click at a 0-based cell, as an SGR mouse report (press and release).
    pub fn click(&self, column: u16, row: u16) {
        let (x, y) = (column + 1, row + 1);
        self.raw(format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m").as_bytes());
    }

    /// A wheel step down at a 0-based cell.
    pub fn wheel_down(&self, column: u16, row: u16) {
        self.raw(format!("\x1b[<65;{};{}M", column + 1, row + 1).as_bytes());
    }

    /// The process id of the pane's program (the first child of the pane's shell, or the
    /// shell itself when it exec'd).
    pub fn program_pid(&self) -> Option<u32> {
        let shell = self.pane_format("#{pane_pid}");
        let children = Command::new("pgrep").args(["-P", &shell]).output().ok()?;
        String::from_utf8_lossy(&children.stdout)
            .split_whitespace()
            .next()
            .and_then(|p| p.parse().ok())
    }

    /// Type literal text.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "0", "-l", text]);
    }

    /// The visible screen with its colours and attributes as escape sequences.
    pub fn screen_with_styles(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e", "-t", "0"]).stdout)
            .into_owned()
    }

    /// The visible screen as text.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    pub fn pane_format(&self, format: &str) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["display-message", "-p", "-t", "0", format])
                .stdout,
        )
        .trim()
        .to_string()
    }

    /// Start `command` only once the window's output is being recorded into `raw`, so that not a
    /// byte is missed (the command waits for a go-file written after `pipe-pane`).
    pub fn start_recorded(width: u16, height: u16, command: &str, raw: &std::path::Path) -> Tmux {
        let go = raw.with_extension("go");
        let gated = format!(
            "while [ ! -e '{}' ]; do sleep 0.05; done; {command}",
            go.display()
        );
        let tmux = Tmux::start(width, height, &gated);
        tmux.pipe_output_to(raw);
        std::fs::write(&go, "").expect("start the recorded command");
        tmux
    }

    /// Record every byte the pane's program writes into `path` (tmux pipe-pane).
    pub fn pipe_output_to(&self, path: &std::path::Path) {
        let out = self.run(&[
            "pipe-pane",
            "-o",
            "-t",
            "0",
            &format!("cat > '{}'", path.display()),
        ]);
        assert!(out.status.success(), "pipe-pane: {out:?}");
    }

    /// Resize the window.
    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "0",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Poll until `check` accepts the screen; panic with the last screen after the deadline.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Like `wait_for`, then go on capturing until two captures 150 ms apart are the same, and
    /// return that screen: a frame compared later for equality must be whole, not one caught
    /// while the terminal was still being written (as can happen on a loaded machine).
    pub fn wait_for_settled(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let mut screen = self.wait_for(what, &check);
        loop {
            std::thread::sleep(Duration::from_millis(150));
            let again = self.wait_for(what, &check);
            if again == screen {
                return screen;
            }
            screen = again;
        }
    }

    /// Send `keys` again and again until the screen satisfies `check` (for a key that may be
    /// swallowed, e.g. one that directly follows an Esc and would read as Alt-key).
    pub fn press_until(&self, keys: &[&str], what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            self.keys(keys);
            for _ in 0..10 {
                let screen = self.screen();
                if check(&screen) {
                    return screen;
                }
                std::thread::sleep(Duration::from_millis(30));
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out pressing {keys:?} for {what}; screen:\n{}",
                    self.screen()
                );
            }
        }
    }

    /// Poll until the screen contains `text`.
    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

/// The binary under test, quoted for `sh -c`.
pub fn binary() -> String {
    format!("'{}'", env!("CARGO_BIN_EXE_agenda-tui"))
}
