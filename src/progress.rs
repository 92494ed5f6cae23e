//! How far a corpus load has got, for a loading screen on another thread: the file, its size,
//! the stage, and statements parsed out of an estimate. Atomics only on the hot path; the
//! parser counts statements through a per-thread hook, so loads on other threads (tests in
//! parallel) never mix their counts.

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};
use std::cell::RefCell;
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// What a load is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading a file's bytes.
    Reading,
    /// Parsing a file's JSON.
    Parsing,
    /// Validating and merging.
    Checking,
    /// Building the browser's and the search's indexes.
    Indexing,
}

impl Stage {
    /// The stage as shown: "reading".
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Parsing => "parsing",
            Stage::Checking => "checking",
            Stage::Indexing => "building indexes",
        }
    }
}

/// The progress of one load, shared between the loader and whoever shows it.
#[derive(Debug, Default)]
pub struct LoadProgress {
    watched: AtomicBool,
    file: Mutex<String>,
    file_number: AtomicUsize,
    files: AtomicUsize,
    bytes: AtomicU64,
    stage: AtomicU8,
    expected: AtomicUsize,
    statements: Arc<AtomicUsize>,
}

/// A copy of the progress at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The file being loaded (empty before the first).
    pub file: String,
    /// Its position among the files, from 1.
    pub file_number: usize,
    /// How many files there are.
    pub files: usize,
    /// Its size in bytes.
    pub bytes: u64,
    /// What the load is doing.
    pub stage: Stage,
    /// Statements parsed so far in this file.
    pub statements: usize,
    /// About how many statements it holds (0 when unknown).
    pub expected: usize,
}

impl Snapshot {
    /// How far the file is, 0.0 to 1.0: reading counts for the first tenth, parsing for the
    /// next eight tenths (by statements), checking and indexing for the rest.
    pub fn fraction(&self) -> f64 {
        let parsed = if self.expected == 0 {
            0.0
        } else {
            (self.statements as f64 / self.expected as f64).min(1.0)
        };
        match self.stage {
            Stage::Reading => 0.0,
            Stage::Parsing => 0.1 + 0.8 * parsed,
            Stage::Checking => 0.9,
            Stage::Indexing => 0.95,
        }
    }
}

impl LoadProgress {
    /// A load that has not started, and that nobody watches: no statement estimate is made
    /// and nothing is counted.
    pub fn new() -> LoadProgress {
        LoadProgress::default()
    }

    /// A load that has not started, shown while it runs: statements are estimated and counted.
    pub fn watched() -> LoadProgress {
        let progress = LoadProgress::default();
        progress.watched.store(true, Ordering::Relaxed);
        progress
    }

    /// Start file `number` (from 1) of `files`: `name`, `bytes` long, being read.
    pub fn start_file(&self, name: &str, number: usize, files: usize, bytes: u64) {
        if let Ok(mut file) = self.file.lock() {
            *file = name.to_string();
        }
        self.file_number.store(number, Ordering::Relaxed);
        self.files.store(files, Ordering::Relaxed);
        self.bytes.store(bytes, Ordering::Relaxed);
        self.expected.store(0, Ordering::Relaxed);
        self.statements.store(0, Ordering::Relaxed);
        self.set_stage(Stage::Reading);
    }

    /// Move to `stage`.
    pub fn set_stage(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// Parse `text` with statements counted when watched: the estimate is taken from `text`
    /// (occurrences of the statement-only key `"speaker_entity"`), and `parse` runs with this
    /// thread's count going to this progress.
    pub fn parsing<T>(&self, text: &str, parse: impl FnOnce() -> T) -> T {
        if !self.watched.load(Ordering::Relaxed) {
            self.set_stage(Stage::Parsing);
            let out = parse();
            self.set_stage(Stage::Checking);
            return out;
        }
        let expected = memchr::memmem::find_iter(text.as_bytes(), b"\"speaker_entity\"").count();
        self.expected.store(expected, Ordering::Relaxed);
        self.set_stage(Stage::Parsing);
        COUNTER.with(|c| *c.borrow_mut() = Some(Arc::clone(&self.statements)));
        let out = parse();
        COUNTER.with(|c| *c.borrow_mut() = None);
        self.set_stage(Stage::Checking);
        out
    }

    /// The progress now.
    pub fn snapshot(&self) -> Snapshot {
        let stage = match self.stage.load(Ordering::Relaxed) {
            s if s == Stage::Parsing as u8 => Stage::Parsing,
            s if s == Stage::Checking as u8 => Stage::Checking,
            s if s == Stage::Indexing as u8 => Stage::Indexing,
            _ => Stage::Reading,
        };
        Snapshot {
            file: self.file.lock().map(|f| f.clone()).unwrap_or_default(),
            file_number: self.file_number.load(Ordering::Relaxed),
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            stage,
            statements: self.statements.load(Ordering::Relaxed),
            expected: self.expected.load(Ordering::Relaxed),
        }
    }
}

thread_local! {
    /// Where this thread's parser counts statements, while a [`LoadProgress::parsing`] runs.
    static COUNTER: RefCell<Option<Arc<AtomicUsize>>> = const { RefCell::new(None) };
}

/// Where this thread's parser counts statements (while a [`LoadProgress::parsing`] runs), for
/// a parse that shares the work with other threads.
pub(crate) fn this_thread_counter() -> Option<Arc<AtomicUsize>> {
    COUNTER.with(|c| c.borrow().clone())
}

/// How often (in statements) the count is published.
const COUNT_EVERY: usize = 1024;

/// Deserialize a list of statements, counting them for this thread's [`LoadProgress`] (for
/// `#[serde(deserialize_with)]`; without a load in progress it is a plain `Vec`).
pub fn counted_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    counted_vec_with(deserializer, |item: T| item)
}

/// [`counted_vec`], each element turned into its final form by `finish` as soon as it parses
/// (so that what it was parsed from is not held for the whole list).
pub fn counted_vec_with<'de, D, T, U>(
    deserializer: D,
    finish: impl FnMut(T) -> U,
) -> Result<Vec<U>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Counted<T, F>(F, std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>, U, F: FnMut(T) -> U> Visitor<'de> for Counted<T, F> {
        type Value = Vec<U>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Vec<U>, A::Error> {
            let counter = COUNTER.with(|c| c.borrow().clone());
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
            while let Some(item) = seq.next_element::<T>()? {
                out.push((self.0)(item));
                if out.len().is_multiple_of(COUNT_EVERY)
                    && let Some(counter) = &counter
                {
                    counter.store(out.len(), Ordering::Relaxed);
                }
            }
            if let Some(counter) = &counter {
                counter.store(out.len(), Ordering::Relaxed);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_seq(Counted(finish, std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_counts_the_statements_of_this_thread_only() {
        let progress = LoadProgress::watched();
        let text = include_str!("../data/corpus/seed.json");
        progress.start_file("seed.json", 1, 1, text.len() as u64);
        assert_eq!(progress.snapshot().stage, Stage::Reading);
        let file = progress.parsing(text, || {
            serde_json::from_str::<crate::model::CorpusFile>(text).expect("seed parses")
        });
        let seen = progress.snapshot();
        assert_eq!(seen.statements, file.statements.len());
        assert_eq!(seen.expected, file.statements.len());
        assert_eq!(seen.stage, Stage::Checking);
        assert!((seen.fraction() - 0.9).abs() < 1e-9);
        // A parse outside `parsing` counts nowhere; an unwatched load counts nothing.
        let other = LoadProgress::watched();
        let _: crate::model::CorpusFile = serde_json::from_str(text).expect("parses");
        assert_eq!(other.snapshot().statements, 0);
        let unwatched = LoadProgress::new();
        unwatched
            .parsing(text, || {
                serde_json::from_str::<crate::model::CorpusFile>(text)
            })
            .expect("parses");
        assert_eq!(unwatched.snapshot().statements, 0);
    }
}
