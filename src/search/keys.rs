//! Ranking keys (score, date, corpus order in one `u64`), their sort, and passes on every core.

use super::Hit;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering as AtomicOrdering};

/// Below this many hits sorting is not split across threads.
const PARALLEL_SORT_MIN: usize = 50_000;

/// Bits of the date part of a key.
pub(super) const DATE_BITS: u32 = 25;

/// A date `YYYYMMDD` as a day number that orders like the date (0 when unknown).
fn day_number(date: u32) -> u64 {
    if date == 0 {
        return 0;
    }
    let (year, month, day) = (date / 10_000, (date / 100) % 100, date % 100);
    (u64::from(year) * 372 + u64::from(month.saturating_sub(1)) * 31 + u64::from(day))
        .min((1 << DATE_BITS) - 1)
}

/// The ranking key: ascending keys are best first — higher score, then newer date, then corpus
/// order.
pub(super) fn key(score: u8, date: u32, statement: u32) -> u64 {
    (u64::from(100 - score.min(100)) << (32 + DATE_BITS))
        | (((1 << DATE_BITS) - 1 - day_number(date)) << 32)
        | u64::from(statement)
}

/// The hit a ranking key stands for.
pub(crate) fn hit_of(key: u64) -> Hit {
    Hit {
        statement: key as u32,
        score: 100 - (key >> (32 + DATE_BITS)) as i64,
    }
}

/// Worker threads for a pass: every core.
pub(super) fn thread_count() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Run `work` over `0..len` in chunks on every core; results in chunk order. `None` when
/// `cancelled` turned true (checked before every chunk).
pub(super) fn par_chunks<T: Send>(
    len: usize,
    chunk: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
    work: &(dyn Fn(Range<usize>, &mut String) -> T + Sync),
) -> Option<Vec<T>> {
    let chunks = len.div_ceil(chunk);
    let threads = thread_count().min(chunks).max(1);
    let next = AtomicUsize::new(0);
    let stopped = AtomicBool::new(false);
    let run = || {
        let mut buf = String::new();
        let mut done = Vec::new();
        loop {
            let c = next.fetch_add(1, AtomicOrdering::Relaxed);
            if c >= chunks {
                break;
            }
            if stopped.load(AtomicOrdering::Relaxed) || cancelled() {
                stopped.store(true, AtomicOrdering::Relaxed);
                break;
            }
            let start = c * chunk;
            done.push((c, work(start..(start + chunk).min(len), &mut buf)));
        }
        done
    };
    let mut results: Vec<(usize, T)> = if threads <= 1 {
        run()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (1..threads).map(|_| scope.spawn(run)).collect();
            let mut all = run();
            for handle in handles {
                match handle.join() {
                    Ok(part) => all.extend(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            all
        })
    };
    if stopped.load(AtomicOrdering::Relaxed) {
        return None;
    }
    results.sort_unstable_by_key(|(c, _)| *c);
    Some(results.into_iter().map(|(_, t)| t).collect())
}

/// Sort keys best first, on two threads when there are many.
pub(crate) fn sort_keys(keys: &mut [u64]) {
    if keys.len() < PARALLEL_SORT_MIN || thread_count() < 2 {
        keys.sort_unstable();
        return;
    }
    let mid = keys.len() / 2;
    {
        let (left, right) = keys.split_at_mut(mid);
        std::thread::scope(|scope| {
            scope.spawn(|| left.sort_unstable());
            right.sort_unstable();
        });
    }
    let mut merged = Vec::with_capacity(keys.len());
    let (mut a, mut b) = (0, mid);
    while a < mid && b < keys.len() {
        if keys[b] < keys[a] {
            merged.push(keys[b]);
            b += 1;
        } else {
            merged.push(keys[a]);
            a += 1;
        }
    }
    merged.extend_from_slice(&keys[a..mid]);
    merged.extend_from_slice(&keys[b..]);
    keys.copy_from_slice(&merged);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_score_then_date_then_corpus_order() {
        assert!(key(90, 20200101, 5) < key(80, 20250101, 1));
        assert!(key(80, 20250101, 9) < key(80, 20200101, 1));
        assert!(key(80, 20200101, 1) < key(80, 20200101, 2));
        assert!(key(80, 20200101, 1) < key(80, 0, 0));
        let hit = hit_of(key(73, 20211231, 42));
        assert_eq!((hit.statement, hit.score), (42, 73));
    }
}
