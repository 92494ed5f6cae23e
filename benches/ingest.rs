//! Ingest throughput: a plain `Instant` loop printing MB/s on one core.
//!
//! Run with `cargo bench --bench ingest`. The input is the development articles in
//! `../shared/ingest-dev/` (the seed article when they are not there): first each article
//! ingested on its own, over and over, until a few MB have gone through; then one long article
//! made of their cleaned bodies at 1 MB and 4 MB (best of three runs), to show that time grows
//! linearly.

use agenda_tui::ingest::{IngestOptions, Pipeline};
use std::path::PathBuf;
use std::time::Instant;

const TARGET_BYTES: usize = 4 * 1024 * 1024;
/// Each long-article measurement is repeated and the fastest run is reported (the machine is
/// shared, so slower runs measure the other load, not ingest).
const RUNS: usize = 3;

fn articles() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/ingest-dev");
    let mut texts = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dev) {
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".txt"))
            .collect();
        paths.sort();
        for path in paths {
            if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push(text);
            }
        }
    }
    if texts.is_empty()
        && let Ok(text) =
            std::fs::read_to_string(root.join("data/articles/arirang-2021-01-21-indo-pacific.txt"))
    {
        texts.push(text);
    }
    texts
}

fn megabytes_per_second(bytes: usize, seconds: f64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / seconds.max(1e-9)
}

fn main() {
    let pipeline = match Pipeline::with_extra(&[]) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cannot build the pipeline: {e}");
            return;
        }
    };
    let texts = articles();
    if texts.is_empty() {
        eprintln!("no articles to benchmark");
        return;
    }
    let options = IngestOptions::default();

    let mut bytes = 0;
    let mut statements = 0;
    let start = Instant::now();
    while bytes < TARGET_BYTES {
        for text in &texts {
            if let Ok(article) = pipeline.ingest(text, &options) {
                statements += article.statements.len();
            }
            bytes += text.len();
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "articles one by one: {:.1} MB in {seconds:.2} s = {:.1} MB/s ({statements} statements)",
        bytes as f64 / (1024.0 * 1024.0),
        megabytes_per_second(bytes, seconds)
    );

    let bodies: Vec<std::sync::Arc<str>> = texts
        .iter()
        .filter_map(|t| pipeline.ingest(t, &options).ok())
        .map(|a| a.article.body)
        .collect();
    for size in [1024 * 1024, 4 * 1024 * 1024] {
        let mut long = String::with_capacity(size + 4096);
        while long.len() < size {
            for body in &bodies {
                long.push_str(body);
                long.push_str("\n\n");
            }
        }
        let mut seconds = f64::MAX;
        let mut count = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            let result = pipeline.ingest(&long, &options);
            seconds = seconds.min(start.elapsed().as_secs_f64());
            count = result.map(|a| a.statements.len()).unwrap_or(0);
        }
        println!(
            "one long article of {:.1} MB: {seconds:.2} s = {:.1} MB/s ({count} statements)",
            long.len() as f64 / (1024.0 * 1024.0),
            megabytes_per_second(long.len(), seconds)
        );
    }
}
