//! End-to-end: a key held down at 200 keys per second for 10 s against a large generated corpus.
//! The UI keeps answering, memory stays flat, and the final state equals the one the pure app
//! core reaches with the same keys applied one by one.
//!
//! 100k statements by default; `AGENDA_STORM_STATEMENTS=1000000` for the 1M run.

mod common;

#[path = "../examples/gen_corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use agenda_tui::app::{App, Msg};
use common::{Tmux, binary};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;
use std::time::{Duration, Instant};

const KEYS_PER_SECOND: u64 = 200;
const SECONDS: u64 = 10;

fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("VmRSS")
}

#[test]
fn holding_a_key_keeps_the_ui_responsive_memory_flat_and_the_state_exact() {
    let statements: usize = std::env::var("AGENDA_STORM_STATEMENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("storm.json");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    synth::write_corpus(&mut file, statements, 7).expect("generate");
    drop(file);

    // The expected final state, from the pure core: Tab to the statements, then every key.
    let corpus = agenda_tui::load::load_paths(std::slice::from_ref(&path)).expect("load");
    let mut app = App::new(Arc::new(corpus));
    app.update(Msg::Resize(120, 40));
    let key = |c| Msg::Key(KeyEvent::new(c, KeyModifiers::NONE));
    app.update(key(KeyCode::Tab));
    let presses = KEYS_PER_SECOND * SECONDS;
    for _ in 0..presses {
        app.update(key(KeyCode::Char('j')));
    }
    let expected = app.selected_statement_index().expect("a statement") as usize;
    let expected_text: String = app.corpus.statements[expected]
        .text
        .chars()
        .take(30)
        .collect();
    let expected_title = format!(
        "Statements · {}",
        app.key_name(app.selected_key().expect("row"))
    );

    let tmux = Tmux::start(
        120,
        40,
        &format!("{} --data '{}'", binary(), path.display()),
    );
    tmux.wait_for_text("4 Speakers");
    // The search index is built after the first frame: measure once it is, so that the storm
    // alone is measured.
    tmux.wait_for_text("search leaders");
    tmux.keys(&["Tab"]);
    tmux.wait_for("statements focused", |s| s.contains("┏ Statements"));
    let pid = tmux
        .program_pid()
        .unwrap_or_else(|| tmux.pane_format("#{pane_pid}").parse().expect("pid"));
    let before = resident_kib(pid);
    // 200 keys per second: one `j` every 5 ms, paced against the clock.
    let start = Instant::now();
    for n in 0..presses {
        let due = start + Duration::from_millis(n * 1000 / KEYS_PER_SECOND);
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
        tmux.keys(&["j"]);
    }
    let sent_in = start.elapsed();
    // The UI catches up and shows exactly the state the core computed.
    let screen = tmux.wait_for("the final state", |s| {
        s.contains(&expected_title) && s.contains(&expected_text)
    });
    let after = resident_kib(pid);
    assert!(
        after <= before + before / 10,
        "memory grew from {before} KiB to {after} KiB during the storm"
    );
    // Still responsive: the next key shows at once.
    tmux.keys(&["?"]);
    tmux.wait_for_text("Help · Esc to close");
    eprintln!(
        "{presses} keys in {:.1} s against {statements} statements; RSS {before} → {after} KiB\n{}",
        sent_in.as_secs_f64(),
        screen.lines().next().unwrap_or_default()
    );
}
