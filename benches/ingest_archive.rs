//! Archive ingest: the whole UN General Debate Corpus through the batch path that
//! `agenda-tui ingest --manifest` uses, once on one worker and once on every core, reporting
//! wall-clock MB/s, CPU seconds and peak resident memory.
//!
//! Run with `cargo bench --bench ingest_archive`. The speeches come from
//! `AGENDA_TUI_UNGDC_DIR` (a directory of the unpacked `.txt` files) or else are unpacked from
//! `../shared/ungdc/ungdc-1946-2024.tar.xz` into `target/ungdc-cache/` on the first run. The
//! corpus is serialized in full and discarded (written to a sink), so the figures include
//! writing but not the disk.

use agenda_tui::ingest::batch::{CorpusStream, run_batch};
use agenda_tui::ingest::manifest::Manifest;
use agenda_tui::ingest::{IngestOptions, Pipeline};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn speeches_dir(root: &Path) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("AGENDA_TUI_UNGDC_DIR") {
        return Some(PathBuf::from(dir));
    }
    let cache = root.join("target/ungdc-cache");
    let dir = cache.join("ungdc");
    if !dir.is_dir() {
        let archive = root.join("../shared/ungdc/ungdc-1946-2024.tar.xz");
        std::fs::create_dir_all(&cache).ok()?;
        eprintln!("unpacking {} into {}", archive.display(), cache.display());
        let status = Command::new("tar")
            .arg("-xJf")
            .arg(&archive)
            .arg("-C")
            .arg(&cache)
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
    }
    Some(dir)
}

/// User + system CPU seconds of this process so far (Linux `/proc/self/stat`).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Peak resident memory of this process so far, in MiB (`VmHWM`).
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn run(pipeline: &Pipeline, paths: &[PathBuf], manifest: &Manifest, threads: usize) {
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("cannot build a pool of {threads}: {e}");
            return;
        }
    };
    let (cpu_before, started) = (cpu_seconds(), Instant::now());
    let mut bytes = 0u64;
    let outcome = pool.install(|| {
        let mut stream = CorpusStream::new(std::io::sink())?;
        let failures = run_batch(
            pipeline,
            paths,
            &IngestOptions::default(),
            Some(manifest),
            |_, ingested| stream.push(ingested),
            |result| bytes += result.bytes,
        )?;
        let (_, totals) = stream.finish(pipeline)?;
        Ok::<_, std::io::Error>((totals, failures.len()))
    });
    let wall = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_before;
    match outcome {
        Ok((totals, failed)) => {
            let mb = bytes as f64 / 1e6;
            println!(
                "{threads} worker(s): {} files ({failed} failed), {mb:.1} MB, {} statements in {wall:.2} s = {:.1} MB/s wall; {cpu:.1} CPU s = {:.1} MB per CPU second; CPU use {:.0} %; peak RSS so far {:.0} MiB",
                paths.len(),
                totals.statements,
                mb / wall,
                mb / cpu.max(1e-9),
                100.0 * cpu / wall,
                peak_mib()
            );
        }
        Err(e) => eprintln!("{threads} worker(s): failed: {e}"),
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(dir) = speeches_dir(&root) else {
        eprintln!("no UN archive to benchmark (set AGENDA_TUI_UNGDC_DIR)");
        return;
    };
    let manifest_path = root.join("../shared/ungdc/manifest.tsv");
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("cannot list {}: {e}", dir.display());
            return;
        }
    };
    paths.sort();
    let pipeline = match Pipeline::with_extra(&[]) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cannot build the pipeline: {e}");
            return;
        }
    };
    let manifest_text = match std::fs::read_to_string(&manifest_path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {}: {e}", manifest_path.display());
            return;
        }
    };
    let label = manifest_path.display().to_string();
    let manifest = match Manifest::parse(&label, &manifest_text, |id| {
        pipeline.gazetteer.entity(id).is_some()
    }) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("UN archive ingest, {} speeches, {cores} cores", paths.len());
    run(&pipeline, &paths, &manifest, 1);
    run(&pipeline, &paths, &manifest, cores);
}
