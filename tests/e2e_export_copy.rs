//! End-to-end: `e` exports the statements in view to a new file named after them and says
//! where; `y` copies the selected statement with its citation through OSC 52 outside tmux,
//! tmux's buffer inside it, or the configured `copy_command`, and says which.

mod common;

use base64::Engine;
use common::{Tmux, binary};

#[test]
fn e_exports_the_statements_in_view_and_y_copies_with_osc52() {
    let dir = tempfile::tempdir().expect("tempdir");
    let raw = dir.path().join("raw.bin");
    let command = format!(
        "cd '{}'; TERM=xterm-256color env -u TMUX {}; echo DONE; sleep 600",
        dir.path().display(),
        binary()
    );
    let tmux = Tmux::start_recorded(100, 30, &command, &raw);
    tmux.wait_for_text("1 Countries");
    // One speaker: the first screen is the Countries index on All statements; these tests
    // start on its first country.
    tmux.keys(&["j"]);
    tmux.wait_for_text("Statements · Japan (3)");
    tmux.keys(&["e"]);
    tmux.wait_for_text("Export 3 statements as:");
    tmux.keys(&["j"]);
    let exported = dir.path().join("agenda-tui-JPN-2021.json");
    tmux.wait_for_text("Exported 3 statements to");
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_agenda-tui"))
        .arg("check")
        .arg(&exported)
        .output()
        .expect("check");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // A second export never overwrites the first.
    tmux.keys(&["e"]);
    tmux.wait_for_text("Export 3 statements as:");
    tmux.keys(&["m"]);
    tmux.wait_for_text("agenda-tui-JPN-2021.md");
    tmux.keys(&["e"]);
    tmux.wait_for_text("Export 3 statements as:");
    tmux.keys(&["m"]);
    tmux.wait_for_text("agenda-tui-JPN-2021-1.md");
    let markdown =
        std::fs::read_to_string(dir.path().join("agenda-tui-JPN-2021.md")).expect("markdown");
    assert!(
        markdown.starts_with("# Statements about Japan, 2021\n"),
        "{markdown}"
    );

    tmux.keys(&["y"]);
    tmux.wait_for_text("Sent the statement and its citation to the terminal (OSC 52)");
    tmux.keys(&["q"]);
    tmux.wait_for_text("DONE");
    let output = String::from_utf8_lossy(&std::fs::read(&raw).expect("raw")).into_owned();
    let start = output.find("\u{1b}]52;c;").expect("an OSC 52 write") + 5;
    let end = start + output[start..].find('\u{7}').expect("BEL ends OSC 52");
    let payload = &output[start + 2..end];
    let copied = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .expect("base64");
    let copied = String::from_utf8(copied).expect("utf-8");
    assert!(copied.contains("As for Japan Moon said"), "{copied}");
    assert!(copied.contains("Arirang News"), "the citation: {copied}");
}

#[test]
fn y_inside_tmux_fills_the_tmux_buffer_and_says_so() {
    let command = format!("TERM=xterm-256color {}; echo DONE; sleep 600", binary());
    let tmux = Tmux::start(100, 30, &command);
    tmux.wait_for_text("1 Countries");
    tmux.keys(&["j"]);
    tmux.wait_for_text("Statements · Japan (3)");
    tmux.keys(&["y"]);
    tmux.wait_for_text("to the tmux buffer");
    let buffer = tmux.run(&["show-buffer"]);
    let text = String::from_utf8_lossy(&buffer.stdout);
    assert!(text.contains("As for Japan Moon said"), "{text}");
    assert!(text.contains("Arirang News"), "{text}");
}

#[test]
fn y_with_a_copy_command_runs_it_without_a_shell_and_names_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copied = dir.path().join("copied $HOME;.txt");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("copy_command = \"tee '{}'\"\n", copied.display()),
    )
    .expect("config");
    let command = format!(
        "AGENDA_TUI_CONFIG='{}' {}; echo DONE; sleep 600",
        config.display(),
        binary()
    );
    let tmux = Tmux::start(100, 30, &command);
    tmux.wait_for_text("1 Countries");
    tmux.keys(&["j"]);
    tmux.wait_for_text("Statements · Japan (3)");
    tmux.keys(&["y"]);
    tmux.wait_for_text("Copied the statement and its citation with tee");
    let text = std::fs::read_to_string(&copied).expect("the fake clipboard got the text");
    assert!(text.contains("As for Japan Moon said"), "{text}");
}
