//! End-to-end (tmux): after `agenda-tui add`, the browser opened with no corpus named shows
//! the seed plus the library: the title line says so, the added article's speaker is in the
//! Speakers index and its statements are listed under it. A library file that fails `check`
//! is named in the status line and left out.

mod common;

use common::{Tmux, binary};

const ARTICLE: &str = "Mongolian Foreign Minister Battsetseg Batmunkh said on Monday that Mongolia would deepen its partnership with Japan.\n\nBatmunkh also urged Russia and China to keep the rail corridor open.\n";

#[test]
fn the_browser_opens_the_seed_plus_what_was_added() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("ulaanbaatar.txt");
    std::fs::write(&article, ARTICLE).expect("write");
    let data = dir.path().join("data");
    let added = std::process::Command::new(env!("CARGO_BIN_EXE_agenda-tui"))
        .arg("add")
        .arg(&article)
        .env("AGENDA_TUI_DATA_DIR", &data)
        .output()
        .expect("run add");
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    std::fs::write(data.join("library/20991231T000000Z-1.json"), b"not json").expect("write");

    let command = format!(
        "export AGENDA_TUI_DATA_DIR='{}'; {}; sleep 600",
        data.display(),
        binary()
    );
    let tmux = Tmux::start(120, 30, &command);
    let first = tmux.wait_for_text("seed + library (1 batch)");
    assert!(first.contains("2 speakers"), "{first}");
    assert!(
        first.contains("Mongolia"),
        "the added speaker is listed: {first}"
    );
    let status = tmux.wait_for_text("20991231T000000Z-1.json");
    assert!(status.contains("left out"), "{status}");
    let lensed = tmux.press_until(&["Down"], "Mongolia selected", |screen| {
        screen.contains("Statements · Mongolia")
    });
    assert!(
        lensed.contains("deepen its partnership with Japan"),
        "the added statements are listed: {lensed}"
    );
    tmux.keys(&["q"]);
}
