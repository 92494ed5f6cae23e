//! Audit ingest on an ingested corpus nobody tuned on (see "The UN archive audit" in
//! `docs/ingest.md`).
//!
//! ```text
//! audit_sample sample --corpus C.json --seed N --count K [--exclude S.jsonl]... [--blind] -o S.jsonl
//! audit_sample score  --corpus C.json --gold J.jsonl [--verbose]
//! audit_sample files  --gold J.jsonl
//! audit_sample archive --corpus C.json --manifest M.tsv
//! ```
//!
//! `sample` draws K statements (the K smallest seeded keys, skipping the statement ids of
//! `--exclude` files) and writes one JSON line each: ids, byte range, text hash, the statement
//! text and its paragraph for reading, and, unless `--blind`, the predicted speaker, targets and
//! kind. The sample holds article text: keep it out of the repository. `score` resolves hand
//! judgements (article, byte range, hash, gold targets, gold speaker; no text) in a corpus and
//! prints target P/R/F1 and speaker accuracy. `files` lists the judged article ids, so that only
//! those speeches need ingesting. `archive` checks a whole ingested archive against its manifest
//! (`file`, `country`, `year` columns): the speaking country of every article (the manifest's,
//! or the state it continues at that date, as `entities.tsv` says), the year, and the share of
//! statements that are page furniture (no run of two letters).

use agenda_tui::ingest::audit::{
    AuditArticle, AuditStatement, CorpusRecord, Judgement, Sampler, parse_corpus_line, score,
    text_hash,
};
use serde_json::json;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::process::ExitCode;

/// Command-line options shared by the subcommands.
#[derive(Default)]
struct Options {
    corpus: Option<String>,
    seed: u64,
    count: usize,
    exclude: Vec<String>,
    gold: Option<String>,
    manifest: Option<String>,
    output: Option<String>,
    blind: bool,
    verbose: bool,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        count: 80,
        ..Default::default()
    };
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        let mut value = || {
            iter.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--corpus" => options.corpus = Some(value()?),
            "--seed" => options.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--count" => options.count = value()?.parse().map_err(|e| format!("--count: {e}"))?,
            "--exclude" => options.exclude.push(value()?),
            "--gold" => options.gold = Some(value()?),
            "--manifest" => options.manifest = Some(value()?),
            "-o" | "--output" => options.output = Some(value()?),
            "--blind" => options.blind = true,
            "--verbose" => options.verbose = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(options)
}

/// Stream a corpus file, handing every record to `keep`.
fn read_corpus(path: &str, mut keep: impl FnMut(CorpusRecord)) -> Result<(), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if let Some(record) = parse_corpus_line(&line) {
            keep(record);
        }
    }
    Ok(())
}

fn read_jsonl<T: serde::de::DeserializeOwned>(path: &str) -> Result<Vec<T>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1)))
        .collect()
}

/// The line of the body around a statement (the archive's paragraphs are lines).
fn paragraph_of(body: &str, start: usize, end: usize) -> &str {
    let from = body[..start].rfind('\n').map_or(0, |i| i + 1);
    let to = body[end..].find('\n').map_or(body.len(), |i| end + i);
    &body[from..to]
}

fn sample(options: &Options) -> Result<(), String> {
    let corpus = options.corpus.as_deref().ok_or("--corpus is required")?;
    let output = options.output.as_deref().ok_or("-o is required")?;
    let mut excluded: HashSet<String> = HashSet::new();
    for path in &options.exclude {
        for line in read_jsonl::<serde_json::Value>(path)? {
            if let Some(id) = line.get("statement").and_then(|v| v.as_str()) {
                excluded.insert(id.to_string());
            }
        }
    }
    let mut articles: Vec<AuditArticle> = Vec::new();
    let mut chosen: Option<Vec<AuditStatement>> = None;
    let mut wanted: HashSet<String> = HashSet::new();
    let mut pending = Some(Sampler::new(options.seed, options.count));
    read_corpus(corpus, |record| match record {
        CorpusRecord::Statement(statement) => {
            if let Some(sampler) = pending.as_mut()
                && !excluded.contains(&statement.id)
            {
                sampler.offer(statement);
            }
        }
        CorpusRecord::Article(article) => {
            if let Some(sampler) = pending.take() {
                let sample = sampler.finish();
                wanted = sample.iter().map(|s| s.article.clone()).collect();
                chosen = Some(sample);
            }
            if wanted.contains(&article.id) {
                articles.push(article);
            }
        }
    })?;
    let sample = chosen.unwrap_or_else(|| pending.map(Sampler::finish).unwrap_or_default());
    let mut out = String::new();
    for statement in &sample {
        let body = articles
            .iter()
            .find(|a| a.id == statement.article)
            .map_or("", |a| a.body.as_str());
        let text = body.get(statement.start..statement.end).unwrap_or("");
        let paragraph = if text.is_empty() {
            ""
        } else {
            paragraph_of(body, statement.start, statement.end)
        };
        let mut line = json!({
            "statement": statement.id,
            "article": statement.article,
            "start": statement.start,
            "end": statement.end,
            "hash": text_hash(text),
            "text": text,
            "paragraph": paragraph,
        });
        if !options.blind {
            line["speaker_entity"] = json!(statement.speaker_entity);
            line["speaker"] = json!(statement.speaker);
            line["targets"] = json!(statement.targets);
            line["kind"] = json!(statement.kind);
        }
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(output, out).map_err(|e| format!("{output}: {e}"))?;
    eprintln!("wrote {} sampled statements to {output}", sample.len());
    Ok(())
}

fn run_score(options: &Options) -> Result<(), String> {
    let corpus = options.corpus.as_deref().ok_or("--corpus is required")?;
    let gold_path = options.gold.as_deref().ok_or("--gold is required")?;
    let judgements: Vec<Judgement> = read_jsonl(gold_path)?;
    let wanted: HashSet<&str> = judgements.iter().map(|j| j.article.as_str()).collect();
    let mut articles = Vec::new();
    let mut statements = Vec::new();
    read_corpus(corpus, |record| match record {
        CorpusRecord::Statement(s) if wanted.contains(s.article.as_str()) => statements.push(s),
        CorpusRecord::Article(a) if wanted.contains(a.id.as_str()) => articles.push(a),
        _ => {}
    })?;
    let result = score(&judgements, &articles, &statements);
    if options.verbose {
        for error in &result.errors {
            println!("{error}");
        }
    }
    for label in &result.unresolved {
        println!("unresolved {label}");
    }
    println!(
        "{gold_path}: resolved {}/{}  TP {} FP {} FN {}  P {:.3} R {:.3} F1 {:.3}  speakers {}/{} = {:.3}",
        result.resolved,
        judgements.len(),
        result.true_positives,
        result.false_positives,
        result.false_negatives,
        result.precision(),
        result.recall(),
        result.f1(),
        result.speakers_right,
        result.resolved,
        result.speaker_accuracy()
    );
    Ok(())
}

fn files(options: &Options) -> Result<(), String> {
    let gold_path = options.gold.as_deref().ok_or("--gold is required")?;
    let judgements: Vec<Judgement> = read_jsonl(gold_path)?;
    let mut seen = HashSet::new();
    let mut out = std::io::stdout().lock();
    for judgement in &judgements {
        if seen.insert(judgement.article.as_str()) {
            writeln!(out, "{}", judgement.article).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Check an ingested archive against its manifest: speaking country, year, furniture.
fn archive(options: &Options) -> Result<(), String> {
    let corpus = options.corpus.as_deref().ok_or("--corpus is required")?;
    let manifest_path = options
        .manifest
        .as_deref()
        .ok_or("--manifest is required")?;
    let text =
        std::fs::read_to_string(manifest_path).map_err(|e| format!("{manifest_path}: {e}"))?;
    let gazetteer = agenda_tui::ingest::gazetteer::Gazetteer::builtin();
    let manifest = agenda_tui::ingest::manifest::Manifest::parse(manifest_path, &text, |id| {
        gazetteer.entity(id).is_some()
    })?;
    // Article ids are the file names without their extension.
    let rows: std::collections::HashMap<String, (String, String)> = manifest
        .rows
        .into_iter()
        .map(|row| {
            let id = std::path::Path::new(&row.file)
                .file_stem()
                .map_or(row.file.clone(), |s| s.to_string_lossy().into_owned());
            let country = row.speaker.unwrap_or_default();
            (id, (country, row.published.unwrap_or_default()))
        })
        .collect();
    let (mut articles, mut same, mut predecessor, mut years) = (0usize, 0usize, 0usize, 0usize);
    let mut wrong: Vec<String> = Vec::new();
    let (mut statements, mut furniture) = (0usize, 0usize);
    read_corpus(corpus, |record| match record {
        CorpusRecord::Article(article) => {
            articles += 1;
            let Some((country, year)) = rows.get(&article.id) else {
                wrong.push(format!("{} (not in the manifest)", article.id));
                return;
            };
            if article.speaker_country == *country {
                same += 1;
            } else if gazetteer.predecessor_at(country, year)
                == Some(article.speaker_country.as_str())
            {
                predecessor += 1;
            } else {
                wrong.push(format!(
                    "{} ({} for {country})",
                    article.id, article.speaker_country
                ));
            }
            if article
                .published
                .as_deref()
                .is_some_and(|p| p.starts_with(year.as_str()))
            {
                years += 1;
            }
        }
        CorpusRecord::Statement(statement) => {
            statements += 1;
            let chars: Vec<char> = statement.text.chars().collect();
            if !chars
                .windows(2)
                .any(|w| w[0].is_alphabetic() && w[1].is_alphabetic())
            {
                furniture += 1;
            }
        }
    })?;
    println!(
        "articles {articles}: speaking country the manifest's {same}, the state it continued at that date {predecessor}, other {}",
        wrong.len()
    );
    for id in wrong.iter().take(20) {
        println!("  {id}");
    }
    println!("year the manifest's: {years}/{articles}");
    println!(
        "statements {statements}, furniture (no run of two letters) {furniture} = {:.2} %",
        100.0 * furniture as f64 / statements.max(1) as f64
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("usage: audit_sample sample|score|files [OPTIONS] (see the doc comment)");
        return ExitCode::from(2);
    };
    let result = parse_options(rest).and_then(|options| match command.as_str() {
        "sample" => sample(&options),
        "score" => run_score(&options),
        "files" => files(&options),
        "archive" => archive(&options),
        other => Err(format!("unknown command {other}")),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("audit_sample: {message}");
            ExitCode::from(2)
        }
    }
}
