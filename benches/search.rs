//! Search benchmark: `cargo bench --bench search`.
//!
//! For each size (default 100k and 1M statements; `AGENDA_BENCH_SIZES=10000,100000` to change) it
//! generates a synthetic corpus, then reports corpus load time, resident memory, a full matching
//! pass per query, what the UI sees from the background worker (time to the exact match count, to
//! a first screen of ranked results and to the final ranking), per-keystroke latency while typing
//! a 10-letter query letter by letter on the incremental path, and `fzf --filter` over the same
//! statements (each statement's own fields on one line), whole process, side by side.

#[path = "../examples/gen_corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use agenda_tui::load;
use agenda_tui::search::{
    SearchCache, SearchIndex, SearchOutcome, SearchWorker, parse_query, search,
};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// The queries of a full pass: selective (two words), a leader, no match, one letter, a typo,
/// a phrase, a word with a filter.
const QUERIES: &[&str] = &[
    "xi jinp",
    "putin",
    "zqxjv",
    "a",
    "olympcs",
    "climate change",
    "semiconductor country:JPN",
];
/// Typed letter by letter (10 characters).
const TYPED: &str = "xi jinping";
/// Rows on a first screen.
const SCREEN: usize = 20;

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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn fzf_available() -> bool {
    Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whole-process time of `fzf --filter QUERY < lines`, its output line count, and (when
/// /usr/bin/time exists) its peak resident memory in MiB.
fn run_fzf(lines: &Path, query: &str) -> Option<(f64, usize, Option<f64>)> {
    let input = std::fs::File::open(lines).ok()?;
    let start = Instant::now();
    let output = Command::new("fzf")
        .args(["--filter", query])
        .stdin(input)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let elapsed = ms(start.elapsed());
    let count = output.stdout.iter().filter(|&&b| b == b'\n').count();
    let peak = Path::new("/usr/bin/time")
        .exists()
        .then(|| {
            let input = std::fs::File::open(lines).ok()?;
            let out = Command::new("/usr/bin/time")
                .args(["-f", "%M", "fzf", "--filter", query])
                .stdin(input)
                .stdout(Stdio::null())
                .output()
                .ok()?;
            let text = String::from_utf8_lossy(&out.stderr);
            let kb: f64 = text.lines().last()?.trim().parse().ok()?;
            Some(kb / 1024.0)
        })
        .flatten();
    Some((elapsed, count, peak))
}

/// Times from submit to the exact count, to a first screen of ranked results, and to the final
/// ranking, as the UI sees them through the worker.
struct WorkerTimes {
    count: f64,
    first_screen: f64,
    complete: f64,
}

fn through_worker(
    worker: &SearchWorker,
    rx: &mpsc::Receiver<(Instant, SearchOutcome)>,
    query: &str,
) -> WorkerTimes {
    let start = Instant::now();
    let generation = worker.submit(query.to_string());
    let mut times = WorkerTimes {
        count: f64::NAN,
        first_screen: f64::NAN,
        complete: f64::NAN,
    };
    while let Ok((at, outcome)) = rx.recv_timeout(Duration::from_secs(120)) {
        if outcome.generation != generation {
            continue;
        }
        let t = ms(at - start);
        if times.count.is_nan() {
            times.count = t;
        }
        if times.first_screen.is_nan() && outcome.hits.len() >= SCREEN.min(outcome.matched) {
            times.first_screen = t;
        }
        if outcome.complete {
            times.complete = t;
            break;
        }
    }
    times
}

fn generate(dir: &Path, statements: usize) -> std::io::Result<(PathBuf, f64)> {
    let path = dir.join(format!("synth-{statements}.json"));
    let start = Instant::now();
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
    synth::write_corpus(&mut out, statements, 7)?;
    out.flush()?;
    Ok((path, ms(start.elapsed())))
}

fn bench_size(dir: &Path, statements: usize, fzf: bool) -> std::io::Result<()> {
    let (path, generated) = generate(dir, statements)?;
    let file_mib = std::fs::metadata(&path)?.len() as f64 / (1024.0 * 1024.0);
    println!("\n## {statements} statements\n");
    println!(
        "generated {file_mib:.0} MiB in {generated:.0} ms: {}",
        path.display()
    );

    let (rss_before, _) = memory_mib();
    let start = Instant::now();
    let corpus = load::load_paths(std::slice::from_ref(&path)).map_err(std::io::Error::other)?;
    let load_ms = ms(start.elapsed());
    let (rss_loaded, peak_loaded) = memory_mib();
    let corpus = Arc::new(corpus);
    let start = Instant::now();
    // As the browser builds it: over the shared corpus, texts not copied.
    let index = Arc::new(SearchIndex::over(Arc::clone(&corpus)));
    let index_ms = ms(start.elapsed());
    let (rss_indexed, peak_indexed) = memory_mib();

    println!();
    println!("| what | value |");
    println!("| --- | --- |");
    println!("| corpus load (`load::load_paths`) | {load_ms:.0} ms |");
    println!("| search index build | {index_ms:.0} ms |");
    println!(
        "| resident memory: before load / corpus loaded / with index | {rss_before:.0} / {rss_loaded:.0} / {rss_indexed:.0} MiB |"
    );
    println!(
        "| peak resident (after load / after index) | {peak_loaded:.0} / {peak_indexed:.0} MiB |"
    );
    println!(
        "| index heap (texts, metadata, vocabulary of {} words with postings) | {:.0} MiB |",
        index.word_count(),
        index.heap_bytes() as f64 / (1024.0 * 1024.0)
    );

    let lines = dir.join(format!("lines-{statements}.txt"));
    {
        let mut out = BufWriter::new(std::fs::File::create(&lines)?);
        let mut buf = String::new();
        for i in 0..index.len() as u32 {
            index.haystack_into(i, &mut buf);
            out.write_all(buf.as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }

    let (tx, rx) = mpsc::channel();
    let worker = SearchWorker::spawn(Arc::clone(&index), move |outcome| {
        let _ = tx.send((Instant::now(), outcome));
    });

    println!();
    println!(
        "| query | matches | full pass `search()` (median of 3) | worker: count | worker: first screen | worker: final ranking | fzf --filter (whole process) | fzf matches | fzf peak RSS |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for query in QUERIES {
        let parsed = parse_query(query);
        let mut runs = Vec::new();
        let mut count = 0;
        for _ in 0..3 {
            let start = Instant::now();
            let hits = search(&index, &parsed, None);
            runs.push(ms(start.elapsed()));
            count = hits.len();
        }
        let times = through_worker(&worker, &rx, query);
        let (fzf_ms, fzf_count, fzf_peak) = if fzf {
            run_fzf(&lines, query).map_or(("failed".into(), "-".into(), "-".into()), |(t, c, p)| {
                (
                    format!("{t:.0} ms"),
                    c.to_string(),
                    p.map_or("-".into(), |p| format!("{p:.0} MiB")),
                )
            })
        } else {
            ("not installed".into(), "-".into(), "-".into())
        };
        println!(
            "| `{query}` | {count} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {fzf_ms} | {fzf_count} | {fzf_peak} |",
            median(runs),
            times.count,
            times.first_screen,
            times.complete,
        );
    }

    // Typing letter by letter: the incremental path re-scores only the previous matches.
    let mut cache = SearchCache::new();
    let mut keystrokes = Vec::new();
    for end in 1..=TYPED.len() {
        let query = parse_query(&TYPED[..end]);
        let start = Instant::now();
        let _ = cache.search(&index, &query);
        keystrokes.push(ms(start.elapsed()));
    }
    let mut screens = Vec::new();
    let mut finals = Vec::new();
    for end in 1..=TYPED.len() {
        let times = through_worker(&worker, &rx, &TYPED[..end]);
        screens.push(times.first_screen);
        finals.push(times.complete);
    }
    let worst = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    println!();
    println!("typing `{TYPED}` letter by letter (each keystroke after the previous result):");
    println!();
    println!("| path | median | worst | per keystroke (ms) |");
    println!("| --- | --- | --- | --- |");
    let row = |name: &str, v: &[f64]| {
        let list: Vec<String> = v.iter().map(|t| format!("{t:.1}")).collect();
        println!(
            "| {name} | {:.1} ms | {:.1} ms | {} |",
            median(v.to_vec()),
            worst(v),
            list.join(" ")
        );
    };
    row("`SearchCache::search` (final ranking)", &keystrokes);
    row("worker: first screen", &screens);
    row("worker: final ranking", &finals);
    drop(worker);
    drop(index);
    drop(corpus);
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(&lines);
    Ok(())
}

fn main() -> std::io::Result<()> {
    // `cargo bench` passes `--bench`; nothing else is read from the command line.
    let sizes: Vec<usize> = std::env::var("AGENDA_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000]);
    // AGENDA_BENCH_NO_FZF=1 skips the (slow) fzf comparison while iterating.
    let fzf = std::env::var_os("AGENDA_BENCH_NO_FZF").is_none() && fzf_available();
    if !fzf {
        println!("fzf is not installed: skipping the fzf comparison (apt-get install -y fzf)");
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("# agenda-tui search benchmark ({threads} threads available)");
    let dir = tempfile::tempdir()?;
    for statements in sizes {
        bench_size(dir.path(), statements, fzf)?;
    }
    Ok(())
}
