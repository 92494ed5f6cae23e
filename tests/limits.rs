//! Input limits and interrupted writes: oversized, odd and special files get a clear one-line
//! error and a non-zero exit; a write killed with SIGKILL leaves the previous file intact.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn agenda(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agenda-tui"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent/agenda-tui-tests")
        .env_remove("AGENDA_TUI_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run agenda-tui")
}

fn check(path: &Path) -> Output {
    agenda(&["check".as_ref(), path.as_os_str()])
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// One line of error, naming the file.
fn assert_one_line_error(out: &Output, code: i32, file: &Path, what: &str) {
    let text = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{text}");
    assert_eq!(text.trim_end().lines().count(), 1, "one line: {text}");
    assert!(
        text.contains(&file.display().to_string()),
        "names the file: {text}"
    );
    assert!(text.contains(what), "says {what:?}: {text}");
}

#[test]
fn a_corpus_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let huge = dir.path().join("huge.json");
    // A sparse file: 1 GiB + 1 byte on paper, nothing on disk.
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len((1 << 30) + 1))
        .expect("sparse file");
    assert_one_line_error(&check(&huge), 2, &huge, "over the 1073741824 byte limit");
}

#[test]
fn a_directory_a_fifo_and_a_missing_file_are_clear_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sub = dir.path().join("not-a-file.json");
    std::fs::create_dir(&sub).expect("mkdir");
    // Named directly, a directory is expanded to its *.json files: none here.
    assert_one_line_error(&check(&sub), 1, &sub, "no *.json corpus files");
    let fifo = dir.path().join("pipe.json");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    // A FIFO would block a naive reader forever; it is refused at once.
    assert_one_line_error(&check(&fifo), 1, &fifo, "not a regular file");
    let missing = dir.path().join("missing.json");
    assert_one_line_error(&check(&missing), 1, &missing, "No such file");
    // The browser refuses the same way, before touching the terminal.
    let out = agenda(&["--data".as_ref(), fifo.as_os_str()]);
    assert_one_line_error(&out, 1, &fifo, "not a regular file");
    // Ingest: a directory and a FIFO as input.
    let out = agenda(&["ingest".as_ref(), sub.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("not-a-file.json"), "{}", stderr(&out));
    let out = agenda(&["ingest".as_ref(), fifo.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_hundred_megabyte_single_line_corpus_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("long-line.json");
    let word = "diplomacy ".repeat(10_000_000);
    let body = word.trim_end();
    let json = serde_json::json!({
        "format": "agenda-corpus", "version": 1,
        "articles": [{ "id": "a", "title": "t", "source": "s", "speaker_country": "KOR", "body": body }],
        "entities": [{ "id": "KOR", "name": "South Korea", "kind": "country" }],
        "leaders": [],
        "statements": [{ "id": "s", "article": "a", "text": body, "start": 0, "end": body.len(),
                          "targets": [], "speaker_entity": "KOR", "kind": "narrative" }]
    });
    std::fs::write(&path, json.to_string()).expect("write");
    let out = check(&path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_fifty_megabyte_article_and_a_hundred_megabyte_line_are_refused_by_ingest() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in [
        ("fifty.txt", 50 * 1024 * 1024),
        ("line.txt", 100 * 1024 * 1024),
    ] {
        let path = dir.path().join(name);
        std::fs::File::create(&path)
            .and_then(|f| f.set_len(bytes))
            .expect("sparse file");
        let out = agenda(&["ingest".as_ref(), path.as_os_str()]);
        assert_one_line_error(&out, 1, &path, "larger than");
    }
}

#[test]
fn sigkill_during_a_write_leaves_the_previous_file_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Input: many articles, so that the run (and the write at its end) takes a while.
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ingest-dev");
    let mut inputs = Vec::new();
    for copy in 0..60 {
        for entry in std::fs::read_dir(&dev).expect("dev set") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let target = dir.path().join(format!(
                    "{copy}-{}",
                    path.file_name().expect("name").to_string_lossy()
                ));
                std::fs::copy(&path, &target).expect("copy");
                inputs.push(target);
            }
        }
    }
    let out_file = dir.path().join("corpus.json");
    let previous = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/corpus/seed.json"
    ))
    .expect("seed");
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_agenda-tui"))
            .arg("ingest")
            .args(&inputs)
            .arg("-o")
            .arg(&out_file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn ingest")
    };
    // One full run tells how long the work takes; the write is its last part.
    let started = std::time::Instant::now();
    let status = spawn().wait().expect("ingest");
    assert!(status.success());
    let full = started.elapsed();
    // Kill at a range of moments, most of them near the end, where the write happens.
    for percent in [10u32, 50, 80, 90, 95, 97, 99, 100, 102, 105] {
        std::fs::write(&out_file, &previous).expect("previous corpus");
        let mut child = spawn();
        std::thread::sleep(full * percent / 100);
        let delay_ms = (full * percent / 100).as_millis();
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&out_file).expect("output still there");
        if now != previous {
            // The write finished before the kill: then it is a whole, valid corpus.
            assert_eq!(
                check(&out_file).status.code(),
                Some(0),
                "killed after {delay_ms} ms: a partial file"
            );
        }
        let strays: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.') || n.contains("tmp"))
            .collect();
        // A killed process cannot clean its temp file; it must never be mistaken for the output.
        for stray in &strays {
            assert!(!stray.ends_with("corpus.json"), "stray {stray}");
        }
    }
}
