//! End-to-end: the search bar in the real binary under tmux — a query, Enter, stepping with
//! `n` / `N`, and the query history recalled in a second run (AGENDA_TUI_STATE_DIR).

mod common;

use common::{Tmux, binary};

/// Start the browser on the seed with its state (the history) in `state_dir`.
fn start_browser(state_dir: &std::path::Path) -> Tmux {
    let command = format!(
        "export AGENDA_TUI_STATE_DIR='{}'; {}; echo \"AFTER-BROWSER rc=$?\"; sleep 600",
        state_dir.display(),
        binary()
    );
    let tmux = Tmux::start(100, 30, &command);
    tmux.wait_for_text("1 Countries");
    tmux
}

/// The selected statement, as the first line of the detail pane shows it.
fn selected_row(screen: &str) -> String {
    screen
        .lines()
        .skip_while(|line| !line.contains("Detail ("))
        .nth(1)
        .unwrap_or("")
        .to_string()
}

#[test]
fn enter_keeps_the_results_n_steps_and_history_survives_a_restart() {
    let state = std::env::temp_dir().join(format!("agenda-tui-e2e-history-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&state);
    let tmux = start_browser(&state);
    tmux.keys(&["/"]);
    tmux.type_text("moon");
    tmux.wait_for("results counted", |s| s.contains("/15"));
    tmux.keys(&["Enter"]);
    let first = tmux.wait_for("bar closed with the query kept", |s| {
        s.contains("/ moon") && s.contains("next/previous result")
    });
    let first_row = selected_row(&first);
    tmux.keys(&["n"]);
    let second = tmux.wait_for("n moved", |s| selected_row(s) != first_row);
    let second_row = selected_row(&second);
    tmux.keys(&["n"]);
    tmux.wait_for("n moved again", |s| {
        let row = selected_row(s);
        row != second_row && row != first_row
    });
    tmux.keys(&["N"]);
    tmux.wait_for("N moved back", |s| selected_row(s) == second_row);
    tmux.keys(&["q"]);
    tmux.wait_for_text("AFTER-BROWSER rc=0");
    let saved = std::fs::read_to_string(state.join("history")).expect("history written");
    assert_eq!(saved, "moon\n");

    let tmux = start_browser(&state);
    tmux.keys(&["/", "Up"]);
    tmux.wait_for("the earlier query recalled", |s| s.contains("/ moon"));
    tmux.keys(&["C-c"]);
    tmux.wait_for_text("AFTER-BROWSER rc=0");
    let _ = std::fs::remove_dir_all(&state);
}
