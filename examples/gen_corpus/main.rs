//! Write a synthetic corpus for benchmarks (dev-only):
//!
//! ```text
//! cargo run --release --example gen_corpus -- --statements 100000 --seed 7 -o /tmp/synth-100k.json
//! ```
//!
//! The file is a valid corpus v1 (`agenda-tui check` accepts it); the same seed gives the same file.

mod synth;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: gen_corpus --statements N [--seed S] -o FILE";

struct Options {
    statements: usize,
    seed: u64,
    output: String,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut statements = None;
    let mut seed = 1;
    let mut output = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--statements" | "-n" => {
                statements = Some(value()?.parse().map_err(|e| format!("--statements: {e}"))?);
            }
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "-o" | "--output" => output = Some(value()?.clone()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Options {
        statements: statements.ok_or("--statements is required")?,
        seed,
        output: output.ok_or("-o FILE is required")?,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse(&args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("gen_corpus: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = std::fs::File::create(&options.output).and_then(|file| {
        let mut out = BufWriter::with_capacity(1 << 20, file);
        synth::write_corpus(&mut out, options.statements, options.seed)?;
        out.flush()
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", options.output);
            ExitCode::FAILURE
        }
    }
}
