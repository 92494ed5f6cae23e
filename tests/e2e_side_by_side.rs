//! End-to-end (tmux): the matrix on a corpus ingested from `../shared/ingest-dev` (one cell
//! opened, its count checked against the statements pane), and the compare view (pick, read,
//! back exactly where it was).

mod common;

use common::{Tmux, binary};

/// The cell line under the matrix: `Speaker → Target: N statements`, as (target, N).
fn cell_line(screen: &str) -> Option<(String, usize)> {
    screen.lines().find_map(|line| {
        let line = line.trim_matches(|c: char| c == '┃' || c.is_whitespace());
        let (_, rest) = line.split_once(" → ")?;
        let (target, count) = rest.rsplit_once(": ")?;
        let count = count.split_whitespace().next()?.parse().ok()?;
        Some((target.to_string(), count))
    })
}

#[test]
fn a_matrix_cell_opens_exactly_its_statements() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("dev.json");
    let shared = format!("{}/../shared/ingest-dev", env!("CARGO_MANIFEST_DIR"));
    let mut articles: Vec<String> = std::fs::read_dir(&shared)
        .expect("../shared/ingest-dev")
        .map(|entry| entry.expect("entry").path().display().to_string())
        .filter(|path| path.ends_with(".txt") && !path.ends_with(".raw.txt"))
        .collect();
    articles.sort();
    let ingest = std::process::Command::new(env!("CARGO_BIN_EXE_agenda-tui"))
        .arg("ingest")
        .args(&articles)
        .arg("-o")
        .arg(&corpus)
        .output()
        .expect("ingest runs");
    assert!(ingest.status.success(), "{ingest:?}");
    let command = format!(
        "{} --data '{}'; echo \"AFTER-BROWSER rc=$?\"; sleep 600",
        binary(),
        corpus.display()
    );
    let tmux = Tmux::start(100, 30, &command);
    tmux.wait_for_text("speakers");
    tmux.keys(&["m"]);
    let mut screen = tmux.wait_for("the matrix", |s| cell_line(s).is_some());
    // The second speaker's row, then right along it to a cell with statements; each key is
    // waited for (the cell line changes), so no screen read is stale.
    let mut key = "Down";
    for _ in 0..40 {
        let shown = cell_line(&screen);
        tmux.keys(&[key]);
        screen = tmux.wait_for("the cursor to move", |s| cell_line(s) != shown);
        if cell_line(&screen).is_some_and(|(_, count)| count > 0) {
            break;
        }
        key = "Right";
    }
    let (target, count) = cell_line(&screen).expect("the cell line");
    assert!(count > 0, "{screen}");
    tmux.keys(&["Enter"]);
    let opened = tmux.wait_for_text(&format!("Statements · {target} ({count})"));
    assert!(
        opened.contains("│ by "),
        "the lens is on the cell's speaker: {opened}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for_text("AFTER-BROWSER rc=0");
}

#[test]
fn compare_picks_two_rows_reads_one_and_esc_comes_back_exactly() {
    let fixture = format!("{}/tests/fixtures/dyads.json", env!("CARGO_MANIFEST_DIR"));
    let command = format!(
        "{} --data '{fixture}'; echo \"AFTER-BROWSER rc=$?\"; sleep 600",
        binary()
    );
    let tmux = Tmux::start(80, 24, &command);
    tmux.wait_for_text("3 speakers");
    // South Korea's lens, then its statements about Japan and about the United States.
    tmux.keys(&["Down", "Down", "Enter", "Down"]);
    tmux.wait_for("Japan selected under the lens", |s| {
        s.contains("by South Korea") && s.contains("Statements · Japan (4)")
    });
    tmux.keys(&["c"]);
    tmux.wait_for_text("compare: c on a second row");
    tmux.keys(&["Down"]);
    let before = tmux.wait_for_settled("the second row", |s| {
        s.contains("Statements · United States (4)")
    });
    tmux.keys(&["c"]);
    // Both lists, both charts on one scale, the footer: the whole frame is drawn.
    let whole = |s: &str, focused: &str| {
        s.contains("Compare · by South Korea · Japan (4) vs by South Korea · United States (4)")
            && s.matches("per year, 1946–2024 (max 1)").count() == 2
            && s.contains("Esc back")
            && s.contains(focused)
    };
    tmux.wait_for("the compare view", |s| {
        whole(s, "┏ by South Korea · Japan (4)")
    });
    tmux.keys(&["Tab"]);
    let compare = tmux.wait_for_settled("the right list focused", |s| {
        whole(s, "┏ by South Korea · United States (4)") && s.contains("┌ by South Korea · Japan")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for_text("Reader · General Debate");
    tmux.keys(&["Escape"]);
    tmux.wait_for("the compare view again, as it was", |s| s == compare);
    tmux.keys(&["Escape"]);
    // The panes as they were when the second row was picked (the footer then held the prompt).
    let without_footer =
        |s: &str| -> Vec<String> { s.lines().rev().skip(1).map(str::to_string).collect() };
    tmux.wait_for("the panes as they were", |s| {
        without_footer(s) == without_footer(&before)
    });
    tmux.keys(&["q"]);
    tmux.wait_for_text("AFTER-BROWSER rc=0");
}
