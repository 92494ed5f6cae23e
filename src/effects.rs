//! The browser's effects that touch the outside world: an export written to a new file in the
//! working directory, and a statement copied to the clipboard with OSC 52. Each returns the
//! message the footer shows.

use crate::app::Effect;
use crate::export::ExportFormat;
use crate::model::Corpus;

/// Carry out the export and copy effects, in order; the footer message for them (joined with
/// " · "), `None` when there were none. Other effects are not this module's and are skipped.
pub fn perform(corpus: &Corpus, effects: Vec<Effect>) -> Option<String> {
    let messages: Vec<String> = effects
        .into_iter()
        .filter_map(|effect| match effect {
            Effect::Export(format, statements) => {
                Some(export_to_new_file(corpus, format, &statements))
            }
            Effect::Copy(statement) => crate::export::quote_with_citation(corpus, statement)
                .map(|text| copy_with_osc52(&text)),
            _ => None,
        })
        .collect();
    (!messages.is_empty()).then(|| messages.join(" · "))
}

/// Write the statements to `agenda-tui-export[-N].EXT` in the working directory (never over an
/// existing file), whole or not at all.
fn export_to_new_file(corpus: &Corpus, format: ExportFormat, statements: &[u32]) -> String {
    let rendered = match crate::export::render(corpus, statements, format) {
        Ok(text) => text,
        Err(e) => return format!("Export failed: {e}"),
    };
    let extension = format.extension();
    let path = (0..1000)
        .map(|n| {
            let name = if n == 0 {
                format!("agenda-tui-export.{extension}")
            } else {
                format!("agenda-tui-export-{n}.{extension}")
            };
            std::path::PathBuf::from(name)
        })
        .find(|p| !p.exists());
    let Some(path) = path else {
        return "Export failed: too many agenda-tui-export files here".to_string();
    };
    match crate::fsio::write_atomically(&path, rendered.as_bytes()) {
        Ok(()) => {
            let shown = std::fs::canonicalize(&path).unwrap_or(path);
            format!(
                "Exported {} statement{} to {}",
                statements.len(),
                if statements.len() == 1 { "" } else { "s" },
                crate::text::sanitize(&shown.display().to_string())
            )
        }
        Err(e) => format!("Export failed: {}: {e}", path.display()),
    }
}

/// Terminals known not to take OSC 52 clipboard writes.
fn terminal_lacks_osc52() -> bool {
    match std::env::var("TERM") {
        Ok(term) => term.is_empty() || term == "dumb" || term == "linux",
        Err(_) => true,
    }
}

/// Put `text` on the clipboard with OSC 52 (works over SSH and in tmux with set-clipboard on).
fn copy_with_osc52(text: &str) -> String {
    use base64::Engine;
    use std::io::Write;
    if terminal_lacks_osc52() {
        return "This terminal cannot take clipboard writes (OSC 52); press e to export instead"
            .into();
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = std::io::stdout();
    match write!(out, "\u{1b}]52;c;{encoded}\u{7}").and_then(|()| out.flush()) {
        Ok(()) => "Copied the statement and its citation to the clipboard (OSC 52)".into(),
        Err(e) => format!("Copy failed: {e}"),
    }
}

/// Write the query history to `file` (creating its directory), whole or not at all; a message
/// for the footer when that failed.
pub fn save_history(file: &std::path::Path, contents: &str) -> Option<String> {
    let written = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
    .and_then(|()| crate::fsio::write_atomically(file, contents.as_bytes()));
    written
        .err()
        .map(|e| format!("Query history not saved: {}: {e}", file.display()))
}
