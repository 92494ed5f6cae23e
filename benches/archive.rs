//! Archive-scale benchmark: `cargo bench --bench archive`.
//!
//! One run, side by side on the same statements: agenda-tui's time to its first frame, resident
//! memory after a query and the time to switch speaker, lens, target and dyad, against
//! `fzf --filter` reading the same statement lines (one line per statement, as
//! `benches/search.rs` writes them) and its resident memory after the same query.
//!
//! The corpus is `AGENDA_ARCHIVE_CORPUS` (a corpus file, e.g. the ingested UN archive) or, when
//! unset, a synthetic corpus of `AGENDA_ARCHIVE_STATEMENTS` statements (default 1,000,000)
//! generated as `examples/gen_corpus` does. `AGENDA_ARCHIVE_RUNS` (default 3) fresh processes
//! measure agenda-tui; medians are reported. `AGENDA_ARCHIVE_QUERY` (default `nuclear`) is the
//! query typed into both. Each agenda-tui run is a fresh process (this benchmark re-executed
//! with `AGENDA_ARCHIVE_CHILD` set) so that its resident memory is the browser's alone.
//! `AGENDA_ARCHIVE_NO_FZF=1` skips fzf.
//!
//! First frame = what the user waits for once the process runs: `load::load_paths`, then
//! `commands::browse::prepare` (the browser's start-up step) and `spawn_search` (the search
//! worker, which builds the search index on its own thread), then the first draw on ratatui's
//! `TestBackend` at 160x50. "Search ready" is when that index is built. Switching (measured once
//! the index is ready) = one key through `App::update` plus the redraw.

#[path = "../examples/gen_corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use agenda_tui::app::{App, Msg, SearchHits};
use agenda_tui::commands::browse::{prepare, spawn_search};
use agenda_tui::load;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Screen size of the drawn frames.
const SIZE: (u16, u16) = (160, 50);
/// Times each switch is repeated in a run (median reported).
const SWITCHES: usize = 7;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Resident and peak resident memory of this process in MiB, from /proc/self/status.
fn memory_mib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| -> f64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// One key through `App::update`, then the redraw: milliseconds.
fn switch(app: &mut App, terminal: &mut Terminal<TestBackend>, code: KeyCode) -> f64 {
    let start = Instant::now();
    app.update(key(code));
    terminal
        .draw(|f| agenda_tui::ui::draw(f, app))
        .expect("draw");
    ms(start.elapsed())
}

/// The child process: measure agenda-tui on `corpus` and print `name value` lines.
fn measure(corpus: &Path) {
    let query: String = env_or("AGENDA_ARCHIVE_QUERY", "nuclear".to_string());
    let mut out = BTreeMap::new();
    let start = Instant::now();
    let loaded = load::load_paths(&[corpus.to_path_buf()]).expect("the corpus loads");
    out.insert("load_ms", ms(start.elapsed()));
    let statements = loaded.statements.len();
    // Interning during the parse: symbols read (one per id, list item and speaker) against
    // the lookups that missed their thread's cache and took the shared lock.
    let symbols_read: usize = loaded
        .statements
        .iter()
        .map(|s| {
            2 + usize::from(s.speaker.is_some())
                + s.targets().len()
                + s.leaders().len()
                + s.topics().len()
        })
        .sum();
    out.insert("symbols_read", symbols_read as f64);
    out.insert(
        "symbols_locked",
        agenda_tui::model::Sym::locked_lookups() as f64,
    );
    let mut app = prepare(loaded);
    out.insert("prepared_ms", ms(start.elapsed()));
    let (ready_tx, ready_rx) = mpsc::channel();
    let (tx, rx) = mpsc::channel();
    let worker = spawn_search(
        &mut app,
        move |index| {
            let _ = ready_tx.send((Instant::now(), index));
        },
        move |outcome| {
            let _ = tx.send(outcome);
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
    app.update(Msg::Resize(SIZE.0, SIZE.1));
    terminal
        .draw(|f| agenda_tui::ui::draw(f, &app))
        .expect("draw");
    out.insert("first_frame_ms", ms(start.elapsed()));
    let (rss, peak) = memory_mib();
    out.insert("rss_first_frame_mib", rss);
    out.insert("peak_first_frame_mib", peak);
    out.insert("statements", statements as f64);
    let (ready_at, index) = ready_rx
        .recv_timeout(Duration::from_secs(600))
        .expect("the search index is built");
    out.insert("search_ready_ms", ms(ready_at - start));
    out.insert(
        "index_heap_mib",
        index.heap_bytes() as f64 / (1024.0 * 1024.0),
    );
    let (rss, _) = memory_mib();
    out.insert("rss_search_ready_mib", rss);
    app.search_index = Some(std::sync::Arc::clone(&index));
    app.indexing = false;

    // Switching, on the Speakers index the browser opens on.
    let mut speaker_next = Vec::new();
    let mut lens_on = Vec::new();
    let mut lens_off = Vec::new();
    let mut target_next = Vec::new();
    let mut dyad_next = Vec::new();
    for round in 0..SWITCHES {
        app.update(key(KeyCode::Char('4')));
        app.update(key(KeyCode::Char('g')));
        for _ in 0..round % 3 {
            app.update(key(KeyCode::Down));
        }
        speaker_next.push(switch(&mut app, &mut terminal, KeyCode::Down));
        lens_on.push(switch(&mut app, &mut terminal, KeyCode::Enter));
        app.update(key(KeyCode::Char('1')));
        app.update(key(KeyCode::Char('g')));
        dyad_next.push(switch(&mut app, &mut terminal, KeyCode::Down));
        lens_off.push(switch(&mut app, &mut terminal, KeyCode::Char('B')));
        target_next.push(switch(&mut app, &mut terminal, KeyCode::Down));
    }
    out.insert("speaker_next_ms", median(speaker_next));
    out.insert("lens_on_ms", median(lens_on));
    out.insert("lens_off_ms", median(lens_off));
    out.insert("target_next_ms", median(target_next));
    out.insert("dyad_next_ms", median(dyad_next));

    // The query, typed into the search bar; results delivered as the shell delivers them.
    app.update(key(KeyCode::Char('/')));
    let start = Instant::now();
    let mut submitted = None;
    for c in query.chars() {
        for effect in app.update(key(KeyCode::Char(c))).effects {
            if let agenda_tui::app::Effect::Search(q) = effect {
                submitted = Some(q);
            }
        }
    }
    let generation = worker.submit(submitted.unwrap_or(query));
    while let Ok(outcome) = rx.recv_timeout(Duration::from_secs(300)) {
        if outcome.generation != generation {
            continue;
        }
        app.update(Msg::SearchResults(SearchHits::from_outcome(&outcome)));
        if outcome.complete {
            out.insert("query_matches", outcome.matched as f64);
            break;
        }
    }
    terminal
        .draw(|f| agenda_tui::ui::draw(f, &app))
        .expect("draw");
    out.insert("query_ms", ms(start.elapsed()));
    let (rss, peak) = memory_mib();
    out.insert("rss_after_query_mib", rss);
    out.insert("peak_after_query_mib", peak);

    if let Ok(lines) = std::env::var("AGENDA_ARCHIVE_LINES") {
        let mut file = BufWriter::new(std::fs::File::create(lines).expect("lines file"));
        let mut buf = String::new();
        for i in 0..index.len() as u32 {
            index.haystack_into(i, &mut buf);
            file.write_all(buf.as_bytes()).expect("write");
            file.write_all(b"\n").expect("write");
        }
        file.flush().expect("write");
    }
    for (name, value) in out {
        println!("{name} {value}");
    }
}

/// One agenda-tui run in a fresh process.
fn run_child(corpus: &Path, lines: Option<&Path>) -> BTreeMap<String, f64> {
    let mut command = Command::new(std::env::current_exe().expect("own path"));
    command.env("AGENDA_ARCHIVE_CHILD", corpus);
    match lines {
        Some(lines) => command.env("AGENDA_ARCHIVE_LINES", lines),
        None => command.env_remove("AGENDA_ARCHIVE_LINES"),
    };
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .expect("child runs");
    assert!(output.status.success(), "the measuring process failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| {
            let (name, value) = line.split_once(' ')?;
            Some((name.to_string(), value.parse().ok()?))
        })
        .collect()
}

/// Whole-process time of `fzf --filter QUERY < lines` and its peak resident memory (MiB, from
/// /usr/bin/time when it exists).
fn run_fzf(lines: &Path, query: &str) -> Option<(f64, Option<f64>)> {
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M", "fzf"]);
        c
    } else {
        Command::new("fzf")
    };
    let start = Instant::now();
    let output = command
        .args(["--filter", query])
        .stdin(std::fs::File::open(lines).ok()?)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let elapsed = ms(start.elapsed());
    let peak = timed
        .then(|| {
            let text = String::from_utf8_lossy(&output.stderr);
            text.lines().last()?.trim().parse::<f64>().ok()
        })
        .flatten()
        .map(|kb| kb / 1024.0);
    Some((elapsed, peak))
}

fn fzf_available() -> bool {
    Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn corpus_path(dir: &Path) -> PathBuf {
    if let Some(path) = std::env::var_os("AGENDA_ARCHIVE_CORPUS") {
        return PathBuf::from(path);
    }
    let statements: usize = env_or("AGENDA_ARCHIVE_STATEMENTS", 1_000_000);
    let path = dir.join(format!("synth-{statements}.json"));
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&path).expect("file"));
    synth::write_corpus(&mut out, statements, 7).expect("generate");
    out.flush().expect("generate");
    path
}

fn main() {
    if let Some(corpus) = std::env::var_os("AGENDA_ARCHIVE_CHILD") {
        measure(Path::new(&corpus));
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_path(dir.path());
    let lines = dir.path().join("lines.txt");
    let runs: usize = env_or("AGENDA_ARCHIVE_RUNS", 3).max(1);
    let query: String = env_or("AGENDA_ARCHIVE_QUERY", "nuclear".to_string());
    let file_mib = std::fs::metadata(&corpus).map_or(0.0, |m| m.len() as f64 / 1048576.0);

    let fzf = std::env::var_os("AGENDA_ARCHIVE_NO_FZF").is_none() && fzf_available();
    let mut results: Vec<BTreeMap<String, f64>> = Vec::new();
    let mut fzf_read = Vec::new();
    let mut fzf_query = Vec::new();
    let mut fzf_peak = Vec::new();
    // Interleaved (agenda-tui, then fzf) so that both see the same load on a busy machine.
    for run in 0..runs {
        results.push(run_child(&corpus, (run == 0).then_some(lines.as_path())));
        if fzf {
            // A query that matches nothing: the time to read (and scan) every line.
            if let Some((t, _)) = run_fzf(&lines, "zqxjvzqxjv") {
                fzf_read.push(t);
            }
            if let Some((t, peak)) = run_fzf(&lines, &query) {
                fzf_query.push(t);
                fzf_peak.extend(peak);
            }
        }
    }
    let stat = |name: &str| {
        median(
            results
                .iter()
                .filter_map(|r| r.get(name).copied())
                .collect(),
        )
    };
    let all = |name: &str, digits: usize| {
        results
            .iter()
            .filter_map(|r| r.get(name))
            .map(|v| format!("{v:.digits$}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let listed = |values: &[f64]| {
        values
            .iter()
            .map(|v| format!("{v:.0}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let lines_mib = std::fs::metadata(&lines).map_or(0.0, |m| m.len() as f64 / 1048576.0);

    println!(
        "\n## {} ({} statements)\n",
        corpus.display(),
        stat("statements")
    );
    println!(
        "corpus file {file_mib:.0} MiB, statement lines {lines_mib:.0} MiB; agenda-tui: {runs} fresh processes (medians, each run listed), 160x50; fzf: {runs} runs each\n"
    );
    println!("| what | agenda-tui | fzf 0.38 (`--filter`) | ratio |");
    println!("| --- | --- | --- | --- |");
    let fzf_read_ms = median(fzf_read.clone());
    println!(
        "| first frame / fzf reads every line | {:.0} ms ({}) | {:.0} ms ({}) | {:.2}× (target ≤ 2.5×) |",
        stat("first_frame_ms"),
        all("first_frame_ms", 0),
        fzf_read_ms,
        listed(&fzf_read),
        stat("first_frame_ms") / fzf_read_ms
    );
    println!(
        "| of which load / start-up step (indexes) | {:.0} ms / {:.0} ms | | |",
        stat("load_ms"),
        stat("prepared_ms") - stat("load_ms")
    );
    if results.iter().any(|r| r.contains_key("symbols_locked")) {
        println!(
            "| interning while loading: symbols read / lookups that took the shared lock | {:.0} / {:.0} | | |",
            stat("symbols_read"),
            stat("symbols_locked")
        );
    }
    if results.iter().any(|r| r.contains_key("search_ready_ms")) {
        println!(
            "| search ready (index built on the worker) | {:.0} ms ({}) | | |",
            stat("search_ready_ms"),
            all("search_ready_ms", 0)
        );
    }
    println!(
        "| resident at first frame / once the search index is built (its heap) | {:.0} / {:.0} MiB ({:.0} MiB) | | |",
        stat("rss_first_frame_mib"),
        stat("rss_search_ready_mib"),
        stat("index_heap_mib")
    );
    let fzf_peak_mib = median(fzf_peak.clone());
    println!(
        "| resident after `{query}` | {:.0} MiB ({}) | {:.0} MiB peak ({}) | {:.2}× (target ≤ 1×) |",
        stat("rss_after_query_mib"),
        all("rss_after_query_mib", 0),
        fzf_peak_mib,
        listed(&fzf_peak),
        stat("rss_after_query_mib") / fzf_peak_mib
    );
    println!(
        "| peak resident (first frame / after query) | {:.0} / {:.0} MiB | | |",
        stat("peak_first_frame_mib"),
        stat("peak_after_query_mib")
    );
    println!(
        "| `{query}`: typed to complete results drawn / fzf whole process | {:.0} ms ({} matches) | {:.0} ms | |",
        stat("query_ms"),
        stat("query_matches"),
        median(fzf_query)
    );
    println!();
    println!(
        "| switch (update + draw, median of {SWITCHES} per run) | median of runs | each run |"
    );
    println!("| --- | --- | --- |");
    for (name, label) in [
        ("speaker_next_ms", "next speaker (Speakers index, ↓)"),
        ("lens_on_ms", "lens on (Enter on a speaker)"),
        ("dyad_next_ms", "next target under the lens (dyad chart, ↓)"),
        ("lens_off_ms", "lens off (`B`)"),
        ("target_next_ms", "next target, no lens (↓)"),
    ] {
        println!("| {label} | {:.1} ms | {} |", stat(name), all(name, 1));
    }
    if !fzf {
        println!("\nfzf skipped or not installed: its columns are empty (apt-get install fzf).");
    }
}
