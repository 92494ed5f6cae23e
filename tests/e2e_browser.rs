//! End-to-end: the real binary in a pseudo-terminal (tmux), driven by keys, read off the screen.

mod common;

use common::{Tmux, binary};

/// Run the browser between two shell markers so that the restored main screen can be checked.
fn start_browser(width: u16, height: u16, args: &str) -> Tmux {
    let command = format!(
        "echo BEFORE-BROWSER; {} {args}; echo \"AFTER-BROWSER rc=$?\"; sleep 600",
        binary()
    );
    let tmux = Tmux::start(width, height, &command);
    tmux.wait_for_text("1 Countries");
    // One speaker: the first screen is the Countries index on All statements; these tests
    // start on its first country.
    tmux.keys(&["j"]);
    tmux.wait_for_text("Statements · Japan");
    tmux
}

fn assert_restored(tmux: &Tmux) {
    let screen = tmux.wait_for_text("AFTER-BROWSER rc=0");
    assert!(
        screen.contains("BEFORE-BROWSER"),
        "main screen is back:\n{screen}"
    );
    assert!(
        !screen.contains("Statements"),
        "nothing of the browser is left:\n{screen}"
    );
    assert_eq!(
        tmux.pane_format("#{alternate_on}"),
        "0",
        "alternate screen left"
    );
    assert_eq!(tmux.pane_format("#{cursor_flag}"), "1", "cursor shown");
    assert_eq!(
        tmux.pane_format("#{mouse_any_flag}"),
        "0",
        "mouse capture off"
    );
}

#[test]
fn browse_the_seed_read_the_olympics_statement_and_quit_with_q() {
    let tmux = start_browser(100, 30, "");
    let screen = tmux.wait_for_text("ASEAN");
    for name in [
        "United States",
        "China",
        "Japan",
        "Russia",
        "North Korea",
        "Indo-Pacific",
        "Global issues",
        "ASEAN",
    ] {
        assert!(screen.contains(name), "{name} listed:\n{screen}");
    }
    // Go to the end of the list, then walk up to Japan by its position at the top.
    tmux.keys(&["G"]);
    tmux.wait_for("ASEAN selected", |s| s.contains("Statements · ASEAN (1)"));
    tmux.keys(&["g", "j"]);
    tmux.wait_for_text("Statements · Japan (3)");
    tmux.keys(&["Enter", "Down"]);
    tmux.wait_for("the Olympics statement in the detail pane", |s| {
        s.contains("Tokyo Olympics") && s.contains("reported speech")
    });
    tmux.keys(&["?"]);
    tmux.wait_for_text("Help · Esc to close");
    tmux.keys(&["Escape"]);
    tmux.wait_for("help closed", |s| !s.contains("Help · Esc to close"));
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

#[test]
fn resizing_small_and_back_redraws_and_ctrl_c_quits() {
    let tmux = start_browser(80, 24, "");
    tmux.resize(14, 5);
    tmux.wait_for_text("Terminal too");
    tmux.resize(45, 14);
    tmux.wait_for_text("Countries │ Statements │ Detail");
    tmux.resize(120, 40);
    // Polled as a whole: a capture may land between two halves of a redraw.
    tmux.wait_for("full layout", |s| {
        s.contains("Statements · Japan") && s.contains("Detail") && s.contains("ASEAN")
    });
    tmux.keys(&["/"]);
    tmux.type_text("q");
    tmux.keys(&["C-c"]);
    assert_restored(&tmux);
}

#[test]
fn invalid_data_is_refused_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\": \"agenda-corpus\", \"version\": 1, oops}",
    )
    .expect("write");
    let command = format!(
        "echo BEFORE-BROWSER; {} --data '{}'; echo \"AFTER-BROWSER rc=$?\"; sleep 600",
        binary(),
        bad.display()
    );
    let tmux = Tmux::start(80, 24, &command);
    let screen = tmux.wait_for_text("AFTER-BROWSER rc=2");
    assert!(
        screen.contains("bad.json:1:43: key must be a string"),
        "{screen}"
    );
    assert_eq!(tmux.pane_format("#{alternate_on}"), "0");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_exit() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let command = format!(
            "echo BEFORE-BROWSER; {} & pid=$!; echo $pid > /dev/null; wait $pid; echo \"AFTER-BROWSER rc=$?\"; sleep 600",
            binary()
        );
        // Run in the foreground so it owns the terminal, then signal it from outside.
        let command = command.replace(" & pid=$!; echo $pid > /dev/null; wait $pid;", ";");
        let tmux = Tmux::start(80, 24, &command);
        tmux.wait_for_text("1 Countries");
        let pid = tmux.pane_format("#{pane_pid}");
        // The pane's process is the shell; the browser is its child.
        let children = std::process::Command::new("pgrep")
            .args(["-P", &pid])
            .output()
            .expect("pgrep");
        let child = String::from_utf8_lossy(&children.stdout).trim().to_string();
        assert!(!child.is_empty(), "browser process found");
        let status = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child])
            .status()
            .expect("kill");
        assert!(status.success());
        let screen = tmux.wait_for_text(&format!("AFTER-BROWSER rc={code}"));
        assert!(screen.contains("BEFORE-BROWSER"), "{screen}");
        assert_eq!(
            tmux.pane_format("#{alternate_on}"),
            "0",
            "SIG{signal}: alternate screen left"
        );
        assert_eq!(
            tmux.pane_format("#{mouse_any_flag}"),
            "0",
            "SIG{signal}: mouse capture off"
        );
    }
}

#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_full_redraw() {
    let tmux = Tmux::start(80, 24, "PS1='prompt$ ' bash --norc --noprofile -i");
    tmux.wait_for_text("prompt$");
    tmux.type_text(&binary());
    tmux.keys(&["Enter"]);
    tmux.wait_for_text("1 Countries");
    // One speaker: the first screen is the Countries index on All statements; these tests
    // start on its first country.
    tmux.keys(&["j"]);
    tmux.wait_for_text("Statements · Japan");
    tmux.keys(&["C-z"]);
    let screen = tmux.wait_for_text("Stopped");
    assert!(!screen.contains("Statements · Japan"), "{screen}");
    assert_eq!(tmux.pane_format("#{alternate_on}"), "0");
    assert_eq!(
        tmux.pane_format("#{cursor_flag}"),
        "1",
        "cursor shown while suspended"
    );
    // The window changes size while the browser is stopped: it learns the new size on resuming.
    tmux.resize(120, 40);
    tmux.type_text("fg");
    tmux.keys(&["Enter"]);
    tmux.wait_for("redrawn at the new size", |s| {
        s.contains("Statements · Japan")
            && s.lines().nth(1).is_some_and(|l| l.chars().count() > 100)
    });
    tmux.keys(&["j"]);
    tmux.wait_for_text("Statements · United States");
    // At 120x40 the detail pane is the right column; a click there focuses it.
    tmux.click(110, 10);
    tmux.wait_for("detail focused", |s| s.contains("┏ Detail"));
    tmux.keys(&["q"]);
    tmux.wait_for("prompt after quitting", |s| {
        s.trim_end().ends_with("prompt$")
    });
}

#[test]
fn the_mouse_alone_reaches_a_statement() {
    let tmux = start_browser(120, 40, "");
    // Layout at 120x40: countries pane from column 0, width 26; rows start at 1 (title line).
    // Row 2 is "All statements"; click it, then a statement, then wheel in the statements pane.
    tmux.click(5, 2);
    tmux.wait_for_text("Statements · All statements (15)");
    let screen = tmux.screen();
    let line = screen
        .lines()
        .position(|l| l.contains("The Indo-Pacific region, including"))
        .expect("row shown");
    let column = screen
        .lines()
        .nth(line)
        .and_then(|l| l.find("The Indo-Pacific"))
        .map(|c| l_chars(&screen, line, c))
        .expect("column");
    tmux.click(column as u16, line as u16);
    tmux.wait_for("detail of the clicked statement", |s| {
        s.contains("Indo-Pacific transition")
    });
    tmux.wheel_down(column as u16, line as u16);
    tmux.wait_for("wheel moved the selection three rows", |s| {
        s.contains("Xi Jinping visit to South Korea")
    });
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

/// The display column of byte offset `byte` in line `line` of a captured screen.
fn l_chars(screen: &str, line: usize, byte: usize) -> usize {
    screen
        .lines()
        .nth(line)
        .map_or(0, |l| l[..byte].chars().count())
}

#[test]
fn an_idle_browser_uses_no_cpu() {
    let tmux = start_browser(100, 30, "");
    let pid = tmux.program_pid().expect("browser pid");
    let cpu_ticks = || -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
        let fields: Vec<&str> = stat
            .rsplit(')')
            .next()
            .expect("fields")
            .split_whitespace()
            .collect();
        // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
        fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime")
    };
    let before = cpu_ticks();
    std::thread::sleep(std::time::Duration::from_secs(2));
    let after = cpu_ticks();
    // A busy-polling loop burns ~200 ticks in 2 s; a blocked one none (allow 2 for noise).
    assert!(
        after - before <= 2,
        "idle browser used {} ticks of CPU in 2 s",
        after - before
    );
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

#[test]
fn search_for_putin_highlights_and_enter_goes_to_russia() {
    let tmux = start_browser(120, 40, "");
    tmux.keys(&["/"]);
    tmux.type_text("putin");
    // The Russia statement about Putin's visit ranks first and is selected; its detail shows.
    tmux.wait_for("ranked results, best first", |s| {
        let first_row = s.lines().nth(2).unwrap_or_default();
        s.contains("Statements · All matches")
            && first_row.contains("Vladimir Putin and to promote")
            && s.contains("About    Russia (RUS)")
    });
    // The matched letters are drawn in the match style (light red in the default theme).
    let highlighted = |s: &str| s.contains("\u{1b}[38;5;9mPutin");
    let mut styled = tmux.screen_with_styles();
    let start = std::time::Instant::now();
    while !highlighted(&styled) && start.elapsed() < common::DEADLINE {
        styled = tmux.screen_with_styles();
    }
    assert!(highlighted(&styled), "Putin highlighted:\n{styled}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the statement in its country, search kept", |s| {
        s.contains("Statements · Russia (")
            && s.contains("Putin visit to Seoul")
            && s.contains("filter: search “putin”")
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for("Esc cleared the kept search", |s| {
        s.contains("filter: none")
    });
    tmux.press_until(&["?"], "help after Esc", |s| {
        s.contains("Help · Esc to close")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("help closed", |s| !s.contains("Help · Esc to close"));
    tmux.keys(&["q"]);
    assert_restored(&tmux);
}

#[test]
fn a_panic_restores_the_terminal_before_its_message_prints() {
    // Debug builds panic on F12 when AGENDA_TUI_TEST_PANIC is set (tests run the debug binary).
    let command = format!(
        "echo BEFORE-BROWSER; AGENDA_TUI_TEST_PANIC=1 {}; echo \"AFTER-BROWSER rc=$?\"; sleep 600",
        binary()
    );
    let tmux = Tmux::start(100, 30, &command);
    tmux.wait_for_text("1 Countries");
    // One speaker: the first screen is the Countries index on All statements; these tests
    // start on its first country.
    tmux.keys(&["j"]);
    tmux.wait_for_text("Statements · Japan");
    tmux.keys(&["F12"]);
    let screen = tmux.wait_for_text("AFTER-BROWSER rc=101");
    assert!(
        screen.contains("test panic requested with F12"),
        "the message is on the main screen:\n{screen}"
    );
    assert!(screen.contains("BEFORE-BROWSER"), "{screen}");
    assert!(!screen.contains("Statements · Japan"), "{screen}");
    assert_eq!(tmux.pane_format("#{alternate_on}"), "0");
    assert_eq!(tmux.pane_format("#{mouse_any_flag}"), "0");
    assert_eq!(tmux.pane_format("#{cursor_flag}"), "1");
}
