//! tantivy against agenda-tui's own vocabulary index, on the benchmark's synthetic corpus:
//! `cargo run --release -- [STATEMENTS]` (default 1,000,000) from `tools/tantivy-probe`.
//!
//! Both index the statement texts; the times are for counting the matches and taking the first
//! 20 (tantivy: `Count` and `TopDocs` by BM25; ours: `search()`, which also ranks every match).

#[path = "../../../examples/gen_corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use agenda_tui::search::{SearchIndex, parse_query, search};
use std::io::Write;
use std::sync::Arc;
use std::time::Instant;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{FuzzyTermQuery, PhraseQuery, Query, RegexQuery, TermQuery};
use tantivy::schema::{INDEXED, IndexRecordOption, STORED, Schema, TEXT, Value};
use tantivy::{Index, IndexWriter, TantivyDocument, Term, doc};

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn dir_mib(path: &std::path::Path) -> f64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len() as f64)
                .sum::<f64>()
        })
        .unwrap_or(0.0)
        / (1024.0 * 1024.0)
}

fn median_ms(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let statements: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile_dir()?;
    let path = dir.join("synth.json");
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
        synth::write_corpus(&mut out, statements, 7)?;
        out.flush()?;
    }
    let corpus = Arc::new(agenda_tui::load::load_paths(std::slice::from_ref(&path))?);
    std::fs::remove_file(&path)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("# tantivy probe: {statements} statements, {threads} threads\n");

    let before = rss_mib();
    let start = Instant::now();
    let ours = SearchIndex::over(Arc::clone(&corpus));
    let ours_build = start.elapsed().as_secs_f64() * 1000.0;
    let ours_rss = rss_mib() - before;

    let mut builder = Schema::builder();
    let text = builder.add_text_field("text", TEXT);
    let position = builder.add_u64_field("position", INDEXED | STORED);
    let schema = builder.build();
    let index_dir = dir.join("tantivy");
    std::fs::create_dir_all(&index_dir)?;
    let before = rss_mib();
    let start = Instant::now();
    let index = Index::create_in_dir(&index_dir, schema)?;
    {
        let mut writer: IndexWriter = index.writer_with_num_threads(threads, 400_000_000)?;
        for (i, s) in corpus.statements.iter().enumerate() {
            writer.add_document(doc!(text => s.text.as_str(), position => i as u64))?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
    }
    let tantivy_build = start.elapsed().as_secs_f64() * 1000.0;
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let tantivy_rss = rss_mib() - before;
    println!("| index | build | resident memory added | on disk |");
    println!("| --- | --- | --- | --- |");
    println!(
        "| own vocabulary index (`SearchIndex::over`) | {ours_build:.0} ms | {ours_rss:.0} MiB (heap {:.0} MiB) | - |",
        ours.heap_bytes() as f64 / (1024.0 * 1024.0)
    );
    println!(
        "| tantivy 0.24 (text field, positions) | {tantivy_build:.0} ms | {tantivy_rss:.0} MiB (includes the writer's freed buffers) | {:.0} MiB |",
        dir_mib(&index_dir)
    );

    let term = |w: &str| Term::from_field_text(text, w);
    let cases: Vec<(&str, &str, Box<dyn Query>)> = vec![
        (
            "putin",
            "term",
            Box::new(TermQuery::new(term("putin"), IndexRecordOption::WithFreqs)),
        ),
        (
            "climate change",
            "phrase",
            Box::new(PhraseQuery::new(vec![term("climate"), term("change")])),
        ),
        (
            "olympcs",
            "fuzzy, distance 1 with transpositions",
            Box::new(FuzzyTermQuery::new(term("olympcs"), 1, true)),
        ),
        (
            "jinp",
            "prefix (regex `jinp.*`)",
            Box::new(RegexQuery::from_pattern("jinp.*", text)?),
        ),
        (
            "a",
            "term",
            Box::new(TermQuery::new(term("a"), IndexRecordOption::WithFreqs)),
        ),
    ];
    println!();
    println!(
        "| query | tantivy kind | tantivy matches | tantivy count + top 20 (median of 5) | own matches | own `search()` (all ranked, median of 5) |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    for (typed, kind, query) in &cases {
        let mut found = 0;
        let tantivy_ms = median_ms(|| {
            let (count, top) = searcher
                .search(query.as_ref(), &(Count, TopDocs::with_limit(20)))
                .unwrap_or_default();
            found = count;
            for (_, address) in top {
                let document: TantivyDocument = searcher.doc(address).unwrap_or_default();
                let _ = document.get_first(position).and_then(|v| v.as_u64());
            }
        });
        let parsed = parse_query(typed);
        let mut own = 0;
        let own_ms = median_ms(|| own = search(&ours, &parsed, None).len());
        println!("| `{typed}` | {kind} | {found} | {tantivy_ms:.1} ms | {own} | {own_ms:.1} ms |");
    }
    Ok(())
}

/// A fresh directory under the system's temp dir.
fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("tantivy-probe-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
