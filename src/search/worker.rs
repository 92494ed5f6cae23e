//! A background search thread so the UI never waits for the matcher.

use super::engine::{Plan, evaluate};
use super::keys::{hit_of, sort_keys};
use super::{Hit, SearchCache, SearchIndex, parse_query};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

/// Hits carried by a partial result: enough for a screen or two.
pub const PARTIAL_HITS: usize = 256;

/// A result of a search pass, delivered by [`SearchWorker`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOutcome {
    /// The generation [`SearchWorker::submit`] returned for this query.
    pub generation: u64,
    /// The query text as submitted.
    pub query: String,
    /// Best first, ties in corpus order. Complete: every match. Partial: the best of the
    /// statements scored so far, at most [`PARTIAL_HITS`] (possibly none yet).
    pub hits: Vec<Hit>,
    /// The exact number of matching statements (known before scoring finishes).
    pub matched: usize,
    /// True for the final result of the query; partial results may come before it.
    pub complete: bool,
    /// Statements in the index, for a `matched/total` display.
    pub total_statements: usize,
}

#[derive(Default)]
struct Pending {
    request: Option<(u64, String)>,
    shutdown: bool,
}

struct Shared {
    /// The generation of the latest submitted query; a pass for an older one is stale.
    generation: AtomicU64,
    pending: Mutex<Pending>,
    wake: Condvar,
    /// Held while a result is checked for staleness and delivered, and by `submit` while it
    /// publishes a new generation: no stale result is delivered once `submit` has returned.
    delivery: Mutex<()>,
    /// True once the index is built: before that, dropping the worker does not wait for it.
    ready: AtomicBool,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs searches on a background thread; results go to a callback, stale ones never.
///
/// Each [`submit`](SearchWorker::submit) starts a new generation. A pass checks the generation
/// between chunks and abandons its work once a newer query is submitted; a result of an older
/// generation is never delivered after `submit` has returned. A query that extends the previous
/// completed one re-scores only its matches.
///
/// ```
/// use agenda_tui::search::{SearchIndex, SearchWorker, highlight_positions, parse_query};
/// use std::sync::{Arc, mpsc};
/// let corpus = agenda_tui::load::embedded_seed().unwrap();
/// let index = Arc::new(SearchIndex::new(&corpus));
/// // The UI passes a closure that sends into its event channel.
/// let (events, inbox) = mpsc::channel();
/// let worker = SearchWorker::spawn(Arc::clone(&index), move |outcome| {
///     let _ = events.send(outcome);
/// });
/// let generation = worker.submit("putin".to_string());
/// let outcome = loop {
///     let outcome = inbox.recv().unwrap();
///     // Partial results (complete == false) may come first; show them, then replace them.
///     if outcome.generation == generation && outcome.complete {
///         break outcome;
///     }
/// };
/// let best = outcome.hits[0].statement;
/// assert_eq!(corpus.statements[best as usize].id, "arirang-2021-01-21-s11");
/// // Char indices into the statement text, for the rows on screen only.
/// let marks = highlight_positions(&index, &parse_query(&outcome.query), best);
/// assert_eq!(marks.len(), 5);
/// ```
pub struct SearchWorker {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for SearchWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchWorker")
            .field("generation", &self.generation())
            .finish()
    }
}

impl SearchWorker {
    /// Start the worker thread. `on_result` runs on that thread, e.g. sending into the UI's event
    /// channel; it must be quick and must not call [`submit`](SearchWorker::submit) (that would
    /// deadlock).
    pub fn spawn(
        index: Arc<SearchIndex>,
        on_result: impl Fn(SearchOutcome) + Send + 'static,
    ) -> Self {
        Self::spawn_building(move || index, |_| {}, on_result)
    }

    /// Start the worker thread, which first builds its index with `build` (so that the browser
    /// draws its first frame without waiting for it) and hands it to `on_ready`. Queries
    /// submitted meanwhile wait; only the last of them runs once the index is ready.
    pub fn spawn_building(
        build: impl FnOnce() -> Arc<SearchIndex> + Send + 'static,
        on_ready: impl FnOnce(Arc<SearchIndex>) + Send + 'static,
        on_result: impl Fn(SearchOutcome) + Send + 'static,
    ) -> Self {
        let shared = Arc::new(Shared {
            generation: AtomicU64::new(0),
            pending: Mutex::new(Pending::default()),
            wake: Condvar::new(),
            delivery: Mutex::new(()),
            ready: AtomicBool::new(false),
        });
        let thread_shared = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                let index = build();
                thread_shared.ready.store(true, Ordering::SeqCst);
                on_ready(Arc::clone(&index));
                run(&thread_shared, &index, &on_result)
            })
            .ok();
        SearchWorker { shared, thread }
    }

    /// Search for `query` (fzf syntax) in the background, superseding any earlier query. Returns
    /// the generation that the results for it will carry.
    pub fn submit(&self, query: String) -> u64 {
        let generation = self.shared.generation.fetch_add(1, Ordering::SeqCst) + 1;
        {
            let _delivering = lock(&self.shared.delivery);
            let mut pending = lock(&self.shared.pending);
            pending.request = Some((generation, query));
        }
        self.shared.wake.notify_one();
        generation
    }

    /// The generation of the latest submitted query (0 before the first).
    pub fn generation(&self) -> u64 {
        self.shared.generation.load(Ordering::SeqCst)
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        self.shared.generation.fetch_add(1, Ordering::SeqCst);
        lock(&self.shared.pending).shutdown = true;
        self.shared.wake.notify_one();
        if let Some(thread) = self.thread.take()
            && self.shared.ready.load(Ordering::SeqCst)
        {
            let _ = thread.join();
        }
    }
}

fn run(shared: &Shared, index: &SearchIndex, on_result: &dyn Fn(SearchOutcome)) {
    let mut cache = SearchCache::new();
    loop {
        let (generation, raw) = {
            let mut pending = lock(&shared.pending);
            loop {
                if pending.shutdown {
                    return;
                }
                if let Some(request) = pending.request.take() {
                    break request;
                }
                pending = shared
                    .wake
                    .wait(pending)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        };
        let pass = Pass {
            shared,
            index,
            on_result,
            generation,
            raw: &raw,
        };
        pass.run(&mut cache);
    }
}

/// One query's pass on the worker thread.
struct Pass<'a> {
    shared: &'a Shared,
    index: &'a SearchIndex,
    on_result: &'a dyn Fn(SearchOutcome),
    generation: u64,
    raw: &'a str,
}

impl Pass<'_> {
    fn is_stale(&self) -> bool {
        self.shared.generation.load(Ordering::SeqCst) != self.generation
    }

    /// Deliver unless stale; false when stale.
    fn deliver(&self, hits: Vec<Hit>, matched: usize, complete: bool) -> bool {
        let _delivering = lock(&self.shared.delivery);
        if self.is_stale() {
            return false;
        }
        (self.on_result)(SearchOutcome {
            generation: self.generation,
            query: self.raw.to_string(),
            hits,
            matched,
            complete,
            total_statements: self.index.len(),
        });
        true
    }

    fn run(&self, cache: &mut SearchCache) {
        let query = parse_query(self.raw);
        let shared = self.shared;
        let generation = self.generation;
        let stale = move || shared.generation.load(Ordering::SeqCst) != generation;
        let Some(plan) = Plan::new(self.index, &query, &stale) else {
            return;
        };
        let Some(mut keys) = evaluate(&plan, cache.candidates(&query), &stale) else {
            return;
        };
        let matched = keys.len();
        if matched > PARTIAL_HITS {
            // The count and a first screen before the complete ranking.
            let mut top = keys.clone();
            top.select_nth_unstable(PARTIAL_HITS);
            top.truncate(PARTIAL_HITS);
            top.sort_unstable();
            if !self.deliver(top.into_iter().map(hit_of).collect(), matched, false) {
                return;
            }
        }
        sort_keys(&mut keys);
        let hits: Vec<Hit> = keys.into_iter().map(hit_of).collect();
        cache.store(&query, &hits);
        self.deliver(hits, matched, true);
    }
}
