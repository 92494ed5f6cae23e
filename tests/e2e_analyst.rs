//! End-to-end (tmux): the speaker lens, the reader, and `o` handing a hostile URL to a fake
//! opener that records its argv — the URL must arrive as one argument, verbatim, with nothing
//! in it executed.

mod common;

use common::{Tmux, binary};
use std::path::Path;

fn fixture() -> String {
    format!("{}/tests/fixtures/dyads.json", env!("CARGO_MANIFEST_DIR"))
}

/// The browser on the fixture, with `env` set before it starts.
fn start(width: u16, height: u16, env: &str) -> Tmux {
    let command = format!(
        "{env} {} --data '{}'; echo \"AFTER-BROWSER rc=$?\"; sleep 600",
        binary(),
        fixture()
    );
    let tmux = Tmux::start(width, height, &command);
    tmux.wait_for_text("3 speakers");
    // The search index is built after the first frame; until then the search bar says so. Wait
    // for it, so that screens compared later differ only by what the keys did.
    tmux.wait_for_text("search leaders");
    tmux
}

#[test]
fn the_lens_narrows_the_panes_and_b_clears_it() {
    let tmux = start(100, 30, "");
    // Each screen is polled until all of it is there: a capture may land mid-draw.
    tmux.wait_for("the overview with the speakers index", |s| {
        s.contains("Statements · All statements (36)") && s.contains("4 Speakers")
    });
    tmux.keys(&["Down", "Down", "Enter"]);
    tmux.wait_for("the lens on South Korea's 12 statements", |s| {
        s.contains("by South Korea") && (s.contains("All statements    12") || s.contains("(12)"))
    });
    tmux.keys(&["j", "Tab"]);
    tmux.wait_for_text("Statements · Japan (4)");
    tmux.keys(&["B"]);
    tmux.wait_for("lens cleared", |s| {
        !s.contains("by South Korea") && s.contains("Statements · Japan (8)")
    });
    tmux.keys(&["q"]);
    tmux.wait_for_text("AFTER-BROWSER rc=0");
}

#[test]
fn the_reader_steps_statements_and_esc_returns_to_the_same_row() {
    for (width, height) in [(80, 24), (120, 40)] {
        let tmux = start(width, height, "");
        tmux.keys(&["Tab", "j"]);
        let before = tmux.wait_for_settled("the second statement selected", |s| {
            s.contains("f go to") && s.contains("item 2.")
        });
        tmux.keys(&["r"]);
        // Polled until the whole frame is there: a capture may land mid-draw.
        tmux.wait_for("the reader drawn whole on the second statement", |s| {
            s.contains("Reader · General Debate 2024")
                && s.contains("2/3 · 3 statements")
                && s.contains("↳ quote · United States → Japan")
        });
        tmux.keys(&["n"]);
        tmux.wait_for_text("3/3 · 3 statements");
        tmux.keys(&["n"]);
        tmux.wait_for_text("1/3 · 3 statements");
        tmux.keys(&["Escape"]);
        // The screen must come back to exactly what it was (polled: a frame may be mid-draw).
        tmux.wait_for("back exactly where we were", |s| s == before);
        tmux.keys(&["q"]);
        tmux.wait_for_text("AFTER-BROWSER rc=0");
    }
}

#[test]
fn o_passes_a_hostile_url_as_one_verbatim_argument_to_the_opener() {
    let dir = tempfile::tempdir().expect("temp dir");
    let record = dir.path().join("argv.txt");
    let opener = dir.path().join("opener.sh");
    std::fs::write(
        &opener,
        format!(
            "#!/bin/sh\nprintf 'argc=%s\\n' \"$#\" >> '{0}'\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\" >> '{0}'; done\n",
            record.display()
        ),
    )
    .expect("write opener");
    make_executable(&opener);
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("open_command = [\"{}\", \"--new-tab\"]\n", opener.display()),
    )
    .expect("write config");
    let pwned = Path::new("/tmp/pwned-agenda");
    let _ = std::fs::remove_file(pwned);
    let tmux = start(
        120,
        40,
        &format!("AGENDA_TUI_CONFIG='{}'", config.display()),
    );
    tmux.keys(&["Tab", "r"]);
    tmux.wait_for_text("Reader · General Debate 2024");
    tmux.keys(&["o"]);
    tmux.wait_for_text("Opened https://example.org/a b?q=$(touch");
    let url = "https://example.org/a b?q=$(touch /tmp/pwned-agenda);x=`id`&y='z'";
    let expected = format!("argc=2\n[--new-tab]\n[{url}]\n");
    let start = std::time::Instant::now();
    let recorded = loop {
        let text = std::fs::read_to_string(&record).unwrap_or_default();
        if text.len() >= expected.len() || start.elapsed() > common::DEADLINE {
            break text;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(recorded, expected);
    assert!(!pwned.exists(), "nothing in the URL was executed");
    // An article without a URL opens nothing and says so.
    tmux.keys(&["Escape"]);
    tmux.wait_for("reader closed", |s| !s.contains("Reader ·"));
    tmux.press_until(&["s"], "corpus order", |s| {
        s.contains("Statements in corpus order")
    });
    tmux.keys(&["g", "j", "j", "j", "o"]);
    tmux.wait_for_text("This article has no URL: nothing opened");
    assert_eq!(
        std::fs::read_to_string(&record).unwrap_or_default(),
        expected
    );
    tmux.keys(&["q"]);
    tmux.wait_for_text("AFTER-BROWSER rc=0");
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = std::fs::metadata(path).expect("metadata").permissions();
    permissions.set_mode(0o755);
    std::fs::set_permissions(path, permissions).expect("chmod");
}
