//! The loading screen of big corpora: one line on standard error, redrawn while the corpus
//! loads (file, size, stage, statements parsed, a bar), then erased, with carriage returns and
//! spaces only. Only when standard error is a terminal; a pipe gets nothing extra.

use crate::progress::{LoadProgress, Snapshot, Stage};
use crate::text::{sanitize, str_width, truncate_to_width};
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the line is redrawn.
const REDRAW_EVERY: Duration = Duration::from_millis(80);
/// Columns of the bar.
const BAR_WIDTH: usize = 20;

/// `n` with thousands separated by commas: 1,234,567.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The progress line for `snapshot`, at most `width` columns: bar and percentage first, then
/// what is being read and how far.
pub fn progress_line(snapshot: &Snapshot, width: usize) -> String {
    let fraction = snapshot.fraction();
    let filled = ((fraction * BAR_WIDTH as f64).round() as usize).min(BAR_WIDTH);
    let bar = format!(
        "[{}{}] {:>3}%",
        "█".repeat(filled),
        "░".repeat(BAR_WIDTH - filled),
        (fraction * 100.0).round() as usize
    );
    let file = if snapshot.files > 1 {
        format!(
            "{} ({} of {})",
            sanitize(&snapshot.file),
            snapshot.file_number,
            snapshot.files
        )
    } else {
        sanitize(&snapshot.file).into_owned()
    };
    let megabytes = snapshot.bytes as f64 / 1_000_000.0;
    let mut line = format!(
        "{bar} {} {file} ({megabytes:.1} MB)",
        snapshot.stage.label()
    );
    if snapshot.stage == Stage::Parsing || snapshot.statements > 0 {
        line.push_str(&format!(": {} ", grouped(snapshot.statements)));
        if snapshot.expected > 0 {
            line.push_str(&format!("of ~{} ", grouped(snapshot.expected)));
        }
        line.push_str("statements");
    }
    truncate_to_width(&line, width).into_owned()
}

/// Run `work` with the loading line drawn on standard error while it runs (when standard error
/// is a terminal and `paths_given`: the embedded seed loads at once).
pub fn showing_progress<T>(paths_given: bool, work: impl FnOnce(&LoadProgress) -> T) -> T {
    if !paths_given || !io::stderr().is_terminal() {
        return work(&LoadProgress::new());
    }
    let progress = LoadProgress::watched();
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let drawer = scope.spawn(|| {
            let mut err = io::stderr();
            // Columns drawn last time: a shorter line is padded over them, and the line is
            // erased with spaces at the end (no escape sequences: `\r` and spaces only).
            let mut drawn: usize = 0;
            while !done.load(Ordering::Acquire) {
                let snapshot = progress.snapshot();
                if snapshot.files > 0 {
                    // A terminal that reports no size (0 columns) gets 80.
                    let width = ratatui::crossterm::terminal::size()
                        .ok()
                        .filter(|&(columns, _)| columns > 0)
                        .map_or(80, |(columns, _)| columns as usize)
                        .saturating_sub(1);
                    let line = progress_line(&snapshot, width);
                    let shown = str_width(&line);
                    let pad = " ".repeat(drawn.saturating_sub(shown));
                    let _ = write!(err, "\r{line}{pad}").and_then(|()| err.flush());
                    drawn = shown;
                }
                std::thread::park_timeout(REDRAW_EVERY);
            }
            if drawn > 0 {
                let blank = " ".repeat(drawn);
                let _ = write!(err, "\r{blank}\r").and_then(|()| err.flush());
            }
        });
        let out = work(&progress);
        done.store(true, Ordering::Release);
        drawer.thread().unpark();
        let _ = drawer.join();
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(stage: Stage, statements: usize, expected: usize) -> Snapshot {
        Snapshot {
            file: "un.json".into(),
            file_number: 1,
            files: 1,
            bytes: 632_400_000,
            stage,
            statements,
            expected,
        }
    }

    #[test]
    fn the_line_says_file_size_stage_and_statements() {
        let line = progress_line(&snapshot(Stage::Parsing, 412_000, 1_000_000), 200);
        assert_eq!(
            line,
            "[█████████░░░░░░░░░░░]  43% parsing un.json (632.4 MB): 412,000 of ~1,000,000 statements"
        );
        let reading = progress_line(&snapshot(Stage::Reading, 0, 0), 200);
        assert_eq!(
            reading,
            "[░░░░░░░░░░░░░░░░░░░░]   0% reading un.json (632.4 MB)"
        );
    }

    #[test]
    fn the_line_fits_the_terminal_and_hides_control_characters() {
        let mut hostile = snapshot(Stage::Parsing, 1, 2);
        hostile.file = "evil\u{1b}[2J.json".into();
        for width in 0..120 {
            let line = progress_line(&hostile, width);
            assert!(str_width(&line) <= width, "{width}: {line}");
            assert!(!line.contains('\u{1b}'), "{line}");
        }
    }

    #[test]
    fn without_paths_the_work_runs_without_a_line() {
        assert_eq!(showing_progress(false, |_| 7), 7);
    }
}
