//! End-to-end: with `NO_COLOR` set the browser writes no colour codes at all, and the selection
//! stays visible through reverse video.

mod common;

use common::{Tmux, binary};

/// The parameter lists of every SGR sequence (`ESC [ params m`) in `output`.
fn sgr_sequences(output: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = output;
    while let Some(start) = rest.find("\u{1b}[") {
        let after = &rest[start + 2..];
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            .unwrap_or(after.len());
        if after[end..].starts_with('m') {
            found.push(after[..end].to_string());
        }
        rest = &after[end..];
    }
    found
}

fn is_colour(param: &str) -> bool {
    matches!(
        param.parse::<u32>(),
        Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
    )
}

fn record(no_color: bool) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let raw = dir.path().join("raw.bin");
    let env = if no_color { "NO_COLOR=1" } else { "" };
    let command = format!("{env} {}; echo DONE; sleep 600", binary());
    let tmux = Tmux::start_recorded(100, 30, &command, &raw);
    tmux.wait_for_text("1 Countries");
    // One speaker: the first screen is the Countries index on All statements; these tests
    // start on its first country.
    tmux.keys(&["j"]);
    tmux.wait_for_text("Statements · Japan");
    tmux.keys(&["Tab", "j", "?"]);
    tmux.wait_for_text("Help · Esc to close");
    tmux.keys(&["q"]);
    tmux.wait_for("help closed", |s| !s.contains("Help · Esc"));
    tmux.keys(&["q"]);
    tmux.wait_for_text("DONE");
    String::from_utf8_lossy(&std::fs::read(&raw).expect("raw")).into_owned()
}

#[test]
fn no_color_means_no_colour_codes_but_a_visible_selection() {
    let coloured = record(false);
    let colour_params = |output: &str| -> Vec<String> {
        sgr_sequences(output)
            .into_iter()
            .filter(|params| params.split(';').any(is_colour))
            .collect()
    };
    assert!(
        !colour_params(&coloured).is_empty(),
        "the default theme does use colour"
    );
    let plain = record(true);
    let found = colour_params(&plain);
    assert!(found.is_empty(), "colour codes with NO_COLOR: {found:?}");
    assert!(
        sgr_sequences(&plain)
            .iter()
            .any(|p| p.split(';').any(|x| x == "7")),
        "reverse video marks the selection"
    );
}

#[test]
fn a_remapped_key_from_the_config_works_and_the_help_shows_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys]\nmove_down = [\"n\"]\nquit = [\"x\"]\n").expect("config");
    let command = format!(
        "AGENDA_TUI_CONFIG='{}' NO_COLOR=1 {}; echo \"AFTER rc=$?\"; sleep 600",
        config.display(),
        binary()
    );
    let tmux = Tmux::start(100, 30, &command);
    tmux.wait_for_text("1 Countries");
    // One speaker: the first screen is the Countries index on All statements. `j` no longer
    // moves down here, so go to the first country by switching tabs and back.
    tmux.keys(&["2", "1"]);
    tmux.wait_for_text("Statements · Japan");
    tmux.keys(&["j"]);
    tmux.keys(&["n"]);
    tmux.wait_for_text("Statements · United States");
    tmux.keys(&["?"]);
    let help = tmux.wait_for_text("Help · Esc to close");
    assert!(
        help.lines().any(|l| l.contains(" n ") || l.contains("│n ")),
        "help lists n:\n{help}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("help closed", |s| !s.contains("Help · Esc"));
    tmux.keys(&["q"]);
    tmux.keys(&["x"]);
    tmux.wait_for_text("AFTER rc=0");
}

#[test]
fn an_invalid_config_is_a_located_error_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "mouse = true\n[keys]\nmove_dwn = [\"n\"]\n").expect("config");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_agenda-tui"))
        .env("AGENDA_TUI_CONFIG", &config)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("config.toml:3:1"), "{stderr}");
}
