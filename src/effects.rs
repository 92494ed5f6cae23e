//! The browser's effects that touch the outside world: an export written to a new file in the
//! working directory, and a statement copied to the clipboard (a configured command, tmux's
//! buffer, or OSC 52). Each returns the message the footer shows, saying what was done.

use crate::app::Effect;
use crate::export::ExportFormat;
use crate::model::Corpus;
use crate::subject::{Subject, year_span};

/// How `y` puts text on the clipboard; chosen once by the browse command from the config and
/// the environment (see [`Clipboard::choose`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clipboard {
    /// Run this program with these arguments (no shell) and write the text to its input.
    Command(Vec<String>),
    /// Inside tmux: `tmux load-buffer -w -` (tmux's buffer, and the outer terminal's clipboard
    /// when tmux can reach it).
    Tmux,
    /// Send OSC 52 to the terminal, which decides whether it reaches the clipboard.
    Osc52,
    /// No way known (a `dumb` or `linux` terminal, no `TERM`): say so.
    Unavailable,
}

impl Clipboard {
    /// The configured `copy_command` when there is one, else tmux's buffer inside tmux
    /// (`TMUX` set), else OSC 52 unless `TERM` names a terminal without it.
    pub fn choose(copy_command: Option<&[String]>, in_tmux: bool, term: Option<&str>) -> Self {
        if let Some(argv) = copy_command.filter(|argv| !argv.is_empty()) {
            return Clipboard::Command(argv.to_vec());
        }
        if in_tmux {
            return Clipboard::Tmux;
        }
        match term {
            None | Some("" | "dumb" | "linux") => Clipboard::Unavailable,
            Some(_) => Clipboard::Osc52,
        }
    }

    /// Put `text` on the clipboard; the message says what was actually done.
    pub fn copy(&self, text: &str) -> String {
        match self {
            Clipboard::Command(argv) => {
                let program = crate::text::sanitize(&argv[0]).into_owned();
                match run_with_input(argv, text) {
                    Ok(()) => format!("Copied the statement and its citation with {program}"),
                    Err(e) => format!("Copy failed: {program}: {e}"),
                }
            }
            Clipboard::Tmux => {
                let argv = ["tmux", "load-buffer", "-w", "-"].map(String::from);
                match run_with_input(&argv, text) {
                    Ok(()) => "Copied the statement and its citation to the tmux buffer (paste with tmux's prefix ])".into(),
                    Err(e) => format!("Copy failed: tmux load-buffer: {e}"),
                }
            }
            Clipboard::Osc52 => copy_with_osc52(text),
            Clipboard::Unavailable => {
                "This terminal cannot take clipboard writes (OSC 52); set copy_command in the config or press e to export".into()
            }
        }
    }
}

/// Run `argv` (no shell), write `text` to its standard input and wait; an error when it cannot
/// start or exits with a failure.
fn run_with_input(argv: &[String], text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let (program, args) = argv
        .split_first()
        .ok_or_else(|| std::io::Error::other("empty command"))?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let written = child
        .stdin
        .take()
        .map_or(Ok(()), |mut stdin| stdin.write_all(text.as_bytes()));
    let status = child.wait()?;
    // A command that failed says so by its status, also when it closed its input first.
    if !status.success() {
        return Err(std::io::Error::other(format!("exited with {status}")));
    }
    written
}

/// Carry out the export and copy effects, in order; the footer message for them (joined with
/// " · "), `None` when there were none. Other effects are not this module's and are skipped.
pub fn perform(corpus: &Corpus, effects: Vec<Effect>, clipboard: &Clipboard) -> Option<String> {
    let messages: Vec<String> = effects
        .into_iter()
        .filter_map(|effect| match effect {
            Effect::Export(format, statements, subject) => {
                Some(export_to_new_file(corpus, format, &statements, &subject))
            }
            Effect::Copy(statement) => crate::export::quote_with_citation(corpus, statement)
                .map(|text| clipboard.copy(&text)),
            _ => None,
        })
        .collect();
    (!messages.is_empty()).then(|| messages.join(" · "))
}

/// Start `opener` (a program and its first arguments) with `url` as one more argument, directly
/// (never through a shell, so nothing in the URL is interpreted), without waiting for it; the
/// footer message says what was done.
pub fn open_url(opener: &[String], url: &str) -> String {
    let shown = crate::text::sanitize(url);
    let Some((program, arguments)) = opener.split_first() else {
        return format!("Cannot open {shown}: no open_command configured");
    };
    let started = std::process::Command::new(program)
        .args(arguments)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let program_shown = crate::text::sanitize(program);
    match started {
        Ok(mut child) => {
            // Reap the opener when it exits; the browser does not wait for it.
            let _ = std::thread::Builder::new()
                .name("opener".into())
                .spawn(move || child.wait());
            format!("Opened {shown} with {program_shown}")
        }
        Err(e) => format!("Cannot open {shown} with {program_shown}: {e}"),
    }
}

/// Write the statements to `STEM[-N].EXT` in the working directory, the stem naming what was
/// exported (`agenda-tui-JPN-2021`), never over an existing file, whole or not at all.
fn export_to_new_file(
    corpus: &Corpus,
    format: ExportFormat,
    statements: &[u32],
    subject: &Subject,
) -> String {
    let years = year_span(corpus, statements);
    let heading = subject.heading(years);
    let rendered = match crate::export::render_headed(
        corpus,
        statements,
        format,
        crate::export::TextMode::Verbatim,
        Some(&heading),
    ) {
        Ok(text) => text,
        Err(e) => return format!("Export failed: {e}"),
    };
    let extension = format.extension();
    let stem = subject.file_stem(years);
    let path = (0..1000)
        .map(|n| {
            let name = if n == 0 {
                format!("{stem}.{extension}")
            } else {
                format!("{stem}-{n}.{extension}")
            };
            std::path::PathBuf::from(name)
        })
        .find(|p| !p.exists());
    let Some(path) = path else {
        return format!("Export failed: too many {stem} files here");
    };
    match crate::fsio::write_atomically(&path, rendered.as_bytes()) {
        Ok(()) => {
            let shown = std::fs::canonicalize(&path).unwrap_or(path);
            format!(
                "Exported {} to {}",
                crate::text::plural(statements.len(), "statement", "statements"),
                crate::text::sanitize(&shown.display().to_string())
            )
        }
        Err(e) => format!("Export failed: {}: {e}", path.display()),
    }
}

/// Send `text` to the terminal with OSC 52; whether it reaches the clipboard is the terminal's
/// choice, and the message says so.
fn copy_with_osc52(text: &str) -> String {
    use base64::Engine;
    use std::io::Write;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = std::io::stdout();
    match write!(out, "\u{1b}]52;c;{encoded}\u{7}").and_then(|()| out.flush()) {
        Ok(()) => "Sent the statement and its citation to the terminal (OSC 52)".into(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_command_wins_then_tmux_then_osc52() {
        let argv = vec!["wl-copy".to_string()];
        assert_eq!(
            Clipboard::choose(Some(&argv), true, Some("xterm")),
            Clipboard::Command(argv.clone())
        );
        assert_eq!(
            Clipboard::choose(None, true, Some("screen")),
            Clipboard::Tmux
        );
        assert_eq!(
            Clipboard::choose(None, false, Some("xterm-256color")),
            Clipboard::Osc52
        );
        assert_eq!(
            Clipboard::choose(Some(&[]), false, Some("dumb")),
            Clipboard::Unavailable
        );
        assert_eq!(Clipboard::choose(None, false, None), Clipboard::Unavailable);
    }

    #[test]
    fn a_fake_copy_command_receives_the_text_and_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("clipboard.txt");
        let argv = vec!["tee".to_string(), out.display().to_string()];
        let message = Clipboard::Command(argv).copy("Moon said “peace”; $(rm -rf ~) stays text");
        assert_eq!(message, "Copied the statement and its citation with tee");
        assert_eq!(
            std::fs::read_to_string(&out).expect("written"),
            "Moon said “peace”; $(rm -rf ~) stays text"
        );
    }

    #[test]
    fn a_failing_copy_command_says_it_failed() {
        let argv = vec!["false".to_string()];
        let message = Clipboard::Command(argv).copy("text");
        assert!(
            message.starts_with("Copy failed: false: exited with"),
            "{message}"
        );
        let missing = vec!["/nonexistent/agenda-tui-copy".to_string()];
        let message = Clipboard::Command(missing).copy("text");
        assert!(
            message.starts_with("Copy failed: /nonexistent/agenda-tui-copy:"),
            "{message}"
        );
    }
}
