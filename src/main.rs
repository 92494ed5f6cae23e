//! The `agenda-tui` binary: parses the command line and runs the browser or a subcommand.

use agenda_tui::app::{App, Msg, SearchHits};
use agenda_tui::cli::{Cli, Command};
use agenda_tui::load::{self, LoadError};
use agenda_tui::search::{SearchIndex, SearchWorker};
use agenda_tui::tui;
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.print_config {
        return agenda_tui::config::print_config();
    }
    let result = match cli.command {
        Some(Command::Check { paths }) => run_check(&paths),
        Some(Command::Ingest(args)) => return agenda_tui::ingest::command::run_ingest(&args),
        Some(Command::Eval(args)) => return agenda_tui::ingest::command::run_eval(&args),
        Some(Command::Export(args)) => Ok(agenda_tui::export::run(&args, &cli.data)),
        Some(Command::Completions { shell }) => Ok(agenda_tui::generate::print_completions(shell)),
        Some(Command::Man) => Ok(agenda_tui::generate::print_man_page()),
        Some(Command::Search { query, limit, json }) => {
            run_search(&cli.data, &query.join(" "), limit, json)
        }
        None => run_browser(&cli.data),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(err.exit_code() as u8)
        }
    }
}

fn summary_line(
    name: &str,
    articles: usize,
    statements: usize,
    entities: usize,
    leaders: usize,
) -> String {
    format!(
        "{name}: ok: {articles} articles, {statements} statements, {entities} entities, {leaders} leaders"
    )
}

/// `agenda-tui check`: validate every file on its own, then the merge of all of them.
fn run_check(paths: &[PathBuf]) -> Result<ExitCode, LoadError> {
    let files = load::expand_paths(paths)?;
    let mut parsed = Vec::new();
    let mut failed = false;
    for path in &files {
        match load::load_file(path) {
            Ok(corpus) => {
                println!(
                    "{}",
                    summary_line(
                        &path.display().to_string(),
                        corpus.articles.len(),
                        corpus.statements.len(),
                        corpus.entities.len(),
                        corpus.leaders.len()
                    )
                );
                parsed.push((path.display().to_string(), corpus));
            }
            Err(err @ LoadError::Invalid { .. }) => {
                eprintln!("{err}");
                failed = true;
            }
            Err(err) => return Err(err),
        }
    }
    if failed {
        return Ok(ExitCode::from(2));
    }
    if parsed.len() > 1 {
        let merged = load::merge(format!("{} files", parsed.len()), parsed)?;
        println!(
            "{}",
            summary_line(
                "merged",
                merged.articles.len(),
                merged.statements.len(),
                merged.entities.len(),
                merged.leaders.len()
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The browser: load (refusing invalid data before the terminal is touched), then run the loop.
fn run_browser(data: &[PathBuf]) -> Result<ExitCode, LoadError> {
    let config = match agenda_tui::config::Config::load_from_env() {
        Ok((config, _source)) => config,
        Err(err) => {
            eprintln!("{err}");
            return Ok(ExitCode::from(err.exit_code()));
        }
    };
    let corpus = Arc::new(load::load_or_seed(&config.data_paths(data))?);
    // The browser's indexes and the search index are built side by side.
    let (mut app, index) = std::thread::scope(|scope| {
        let index = scope.spawn(|| Arc::new(SearchIndex::over(Arc::clone(&corpus))));
        let app = App::new(Arc::clone(&corpus));
        (app, index.join())
    });
    let index = match index {
        Ok(index) => index,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    app.keymap = config.keymap();
    app.theme = config.ui_theme();
    app.search_index = Some(Arc::clone(&index));
    let events = tui::channel();
    let results = events.0.clone();
    let worker = SearchWorker::spawn(index, move |outcome| {
        let hits = SearchHits::from_outcome(&outcome);
        let _ = results.send(tui::LoopEvent::Msg(Msg::SearchResults(hits)));
    });
    let options = tui::Options {
        mouse: config.mouse,
    };
    match tui::run(
        app,
        options,
        |query| {
            worker.submit(query);
        },
        events,
    ) {
        Ok(tui::Exit::Quit) => Ok(ExitCode::SUCCESS),
        Ok(tui::Exit::Signal(signal)) => Ok(ExitCode::from(128u8.saturating_add(signal as u8))),
        Err(e) => {
            eprintln!("error: terminal: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

/// `agenda-tui search`: ranked matches on stdout, exit 1 when there are none.
fn run_search(
    data: &[PathBuf],
    query: &str,
    limit: usize,
    json: bool,
) -> Result<ExitCode, LoadError> {
    let corpus = load::load_or_seed(data)?;
    let found = agenda_tui::search::report::write_results(
        &corpus,
        query,
        limit,
        json,
        &mut std::io::stdout().lock(),
    );
    Ok(match found {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("agenda-tui search: {error}");
            ExitCode::from(2)
        }
    })
}
