//! The dependency rules of docs/architecture.md, checked on the source text of `src/`:
//! core modules never use the shell modules and print nothing, `ui` never takes `&mut App`, and
//! the top-level modules import each other without a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules that must stay pure: no terminal, no stdout, no configuration, no command line.
const CORE: [&str; 13] = [
    "model", "text", "fsio", "load", "search", "ingest", "export", "detail", "subject", "progress",
    "dates", "reader", "library",
];
/// Modules a core module must never use.
const SHELL: [&str; 6] = ["app", "ui", "tui", "config", "cli", "commands"];
/// What printing or exiting looks like in source text.
const PRINTING: [&str; 8] = [
    "print!(",
    "println!(",
    "eprint!(",
    "eprintln!(",
    "dbg!(",
    "process::exit",
    "io::stdout",
    "io::stderr",
];
/// Most lines a file of `src/` may have outside its `#[cfg(test)]` module.
const MAX_LINES: usize = 600;

/// One source file: its top-level module and its text outside tests and comments.
struct Source {
    path: String,
    module: String,
    code: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of `text` before its `#[cfg(test)]` module, without comment lines.
fn code_of(text: &str) -> String {
    text.lines()
        .take_while(|line| line.trim() != "#[cfg(test)]")
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every file of `src/` except the crate roots and test-only module files.
fn sources() -> Vec<Source> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(&src).ok()?.to_string_lossy().into_owned();
            let first = relative
                .split('/')
                .next()?
                .trim_end_matches(".rs")
                .to_string();
            if first == "lib" || first == "main" || relative.ends_with("/tests.rs") {
                return None;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            Some(Source {
                path: relative,
                module: first,
                code: code_of(&text),
            })
        })
        .collect()
}

/// The top-level modules `code` names through `crate::` paths (`crate::a::b`, `crate::{a, b}`).
fn uses(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(group.split(',').map(ident).filter(|m| !m.is_empty()));
        } else {
            out.insert(ident(rest));
        }
    }
    out.remove("");
    out
}

/// Every broken rule, one sentence each.
fn violations(sources: &[Source]) -> Vec<String> {
    let mut found = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in sources {
        let used = uses(&source.code);
        let core = CORE.contains(&source.module.as_str());
        for module in &used {
            if core && SHELL.contains(&module.as_str()) {
                found.push(format!("{}: core module uses crate::{module}", source.path));
            }
        }
        if core {
            for pattern in PRINTING {
                if source.code.contains(pattern) {
                    found.push(format!("{}: core module prints ({pattern})", source.path));
                }
            }
        }
        if source.module == "ui" && source.code.contains("&mut App") {
            found.push(format!("{}: ui takes &mut App", source.path));
        }
        let edges = graph.entry(source.module.clone()).or_default();
        edges.extend(used.into_iter().filter(|m| *m != source.module));
    }
    found.extend(cycles(&graph));
    found
}

/// One sentence per import cycle found among the modules of `graph`.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            found.push(format!("import cycle: {}", cycle.join(" → ")));
            return;
        }
        if !done.insert(node.to_string()) {
            return;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done, found);
        }
        path.pop();
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, graph, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

#[test]
fn the_source_keeps_the_dependency_rules() {
    let sources = sources();
    assert!(sources.len() > 20, "found only {} files", sources.len());
    let found = violations(&sources);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_core_module_using_app_or_printing_breaks_the_rules() {
    let source = |path: &str, module: &str, code: &str| Source {
        path: path.into(),
        module: module.into(),
        code: code.into(),
    };
    let found = violations(&[
        source("detail.rs", "detail", "use crate::app::App;"),
        source("load.rs", "load", "fn f() { println!(\"x\"); }"),
        source("ui/list.rs", "ui", "fn draw(app: &mut App) {}"),
        source("app/mod.rs", "app", "use crate::{detail, ui};"),
    ]);
    assert!(
        found
            .iter()
            .any(|f| f.contains("detail.rs: core module uses crate::app"))
    );
    assert!(
        found
            .iter()
            .any(|f| f.contains("load.rs: core module prints"))
    );
    assert!(found.iter().any(|f| f.contains("ui takes &mut App")));
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("import cycle: app → detail → app")),
        "{found:?}"
    );
}

#[test]
fn files_stay_small_outside_their_tests() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut over = Vec::new();
    for path in files {
        let relative = path
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&path).expect("readable");
        let lines = text
            .lines()
            .take_while(|l| l.trim() != "#[cfg(test)]")
            .count();
        if lines > MAX_LINES {
            over.push(format!("{relative}: {lines} lines"));
        }
    }
    assert!(
        over.is_empty(),
        "over {MAX_LINES} lines: {}",
        over.join(", ")
    );
}
