//! [`Sym`]: a short string that repeats across statements (an article id, an entity id, a
//! leader's name, a topic phrase) held once per process and named by a `u32`; and [`Labels`],
//! a statement's targets, leaders and topics in one boxed slice of them.
//!
//! The table of strings only grows: a symbol reads its string without a lock (each slot is
//! written once, before the symbol exists). Interning looks in a per-thread cache first, so the
//! lock on the shared map is taken once per distinct string and thread, not once per statement:
//! the two threads that parse a large file's statements do not contend.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex, OnceLock, PoisonError};

/// An interned string: `Copy`, four bytes, equal when the strings are equal, ordered and hashed
/// as its string (so sorting by symbols sorts by the strings). Reads as `&str` (`Deref`);
/// prints, serialises and deserialises as the string itself.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Sym(NonZeroU32);

/// Slots in the first chunk of the table; chunk `c` has `FIRST_CHUNK << c` slots.
const FIRST_CHUNK: usize = 1024;
/// Enough chunks for every `u32` symbol: `FIRST_CHUNK * (2^CHUNKS - 1) > u32::MAX`.
const CHUNKS: usize = 23;

type Slot = OnceLock<&'static str>;
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// The process's symbols: the strings by number (chunks that never move, so readers need no
/// lock) and the numbers by string (behind a lock, for interning).
struct Table {
    chunks: [OnceLock<Box<[Slot]>>; CHUNKS],
    ids: Mutex<FastMap<&'static str, Sym>>,
    /// How many times interning missed its thread's cache and took the lock.
    locked_lookups: AtomicUsize,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| Table {
    chunks: [const { OnceLock::new() }; CHUNKS],
    ids: Mutex::new(FastMap::default()),
    locked_lookups: AtomicUsize::new(0),
});

thread_local! {
    /// The symbols this thread has interned (or looked up) before, by string.
    static CACHE: RefCell<FastMap<&'static str, Sym>> = RefCell::new(FastMap::default());
}

/// The chunk and the position in it of slot `index`.
fn slot_of(index: usize) -> (usize, usize) {
    let bucket = index / FIRST_CHUNK + 1;
    let chunk = (usize::BITS - 1 - bucket.leading_zeros()) as usize;
    (chunk, index - FIRST_CHUNK * ((1 << chunk) - 1))
}

impl Sym {
    /// The symbol of `text`, interned on first use.
    pub fn new(text: &str) -> Sym {
        CACHE.with(|cache| {
            if let Some(&sym) = cache.borrow().get(text) {
                return sym;
            }
            let sym = Sym::intern_shared(text);
            cache.borrow_mut().insert(sym.as_str(), sym);
            sym
        })
    }

    /// Look `text` up in the shared map (under its lock), adding it when new.
    fn intern_shared(text: &str) -> Sym {
        let table = &*TABLE;
        table.locked_lookups.fetch_add(1, Ordering::Relaxed);
        let mut ids = table.ids.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(&sym) = ids.get(text) {
            return sym;
        }
        let index = ids.len();
        let number = u32::try_from(index + 1)
            .ok()
            .and_then(NonZeroU32::new)
            .expect("fewer than 2^32 distinct symbols in one process");
        let (chunk, offset) = slot_of(index);
        let slots = table.chunks[chunk]
            .get_or_init(|| (0..FIRST_CHUNK << chunk).map(|_| OnceLock::new()).collect());
        let held: &'static str = Box::leak(Box::from(text));
        // The slot is new (numbers are handed out under the lock), so this is its only write.
        let _ = slots[offset].set(held);
        let sym = Sym(number);
        ids.insert(held, sym);
        sym
    }

    /// The string, held for the rest of the process.
    pub fn as_str(self) -> &'static str {
        let (chunk, offset) = slot_of(self.0.get() as usize - 1);
        TABLE.chunks[chunk]
            .get()
            .and_then(|slots| slots[offset].get())
            .copied()
            .unwrap_or("")
    }

    /// The symbol's number (distinct symbols have distinct numbers), for dense tables.
    pub fn number(self) -> u32 {
        self.0.get()
    }

    /// How many times, since the process started, interning missed its thread's cache and
    /// took the shared lock (a measure of contention: once per distinct string and thread).
    pub fn locked_lookups() -> usize {
        TABLE.locked_lookups.load(Ordering::Relaxed)
    }
}

impl std::ops::Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::hash::Hash for Sym {
    /// As the string (equal symbols have equal strings), so that `Borrow<str>` holds.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Sym {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Sym {
    /// By the strings.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self == other {
            std::cmp::Ordering::Equal
        } else {
            self.as_str().cmp(other.as_str())
        }
    }
}

impl From<&str> for Sym {
    fn from(text: &str) -> Self {
        Sym::new(text)
    }
}

impl From<&String> for Sym {
    fn from(text: &String) -> Self {
        Sym::new(text)
    }
}

impl From<String> for Sym {
    fn from(text: String) -> Self {
        Sym::new(&text)
    }
}

impl From<Sym> for String {
    fn from(sym: Sym) -> Self {
        sym.as_str().to_string()
    }
}

impl std::fmt::Display for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Sym> for str {
    fn eq(&self, other: &Sym) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Serialize for Sym {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Sym {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Sym;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Sym, E> {
                Ok(Sym::new(text))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

/// A statement's targets, leaders and topics: one boxed slice of symbols (targets, then
/// leaders, then topics) and where the second and third lists start.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Labels {
    symbols: Box<[Sym]>,
    leaders_from: u32,
    topics_from: u32,
}

impl Labels {
    /// The three lists, in one allocation (none when all are empty).
    pub fn new(
        targets: impl IntoIterator<Item = Sym>,
        leaders: impl IntoIterator<Item = Sym>,
        topics: impl IntoIterator<Item = Sym>,
    ) -> Self {
        let mut symbols: Vec<Sym> = targets.into_iter().collect();
        let leaders_from = symbols.len();
        symbols.extend(leaders);
        let topics_from = symbols.len();
        symbols.extend(topics);
        Labels::from_parts(symbols.into_boxed_slice(), leaders_from, topics_from)
    }

    /// From the symbols and where leaders and topics start (a corpus file is at most 1 GiB,
    /// so its lists are far below `u32::MAX` long).
    pub(super) fn from_parts(symbols: Box<[Sym]>, leaders_from: usize, topics_from: usize) -> Self {
        let cap = |at: usize| u32::try_from(at.min(symbols.len())).unwrap_or(u32::MAX);
        Labels {
            leaders_from: cap(leaders_from),
            topics_from: cap(topics_from.max(leaders_from)),
            symbols,
        }
    }

    /// Entity ids the statement is about.
    pub fn targets(&self) -> &[Sym] {
        &self.symbols[..self.leaders_from as usize]
    }

    /// Names of leaders mentioned.
    pub fn leaders(&self) -> &[Sym] {
        &self.symbols[self.leaders_from as usize..self.topics_from as usize]
    }

    /// Topic phrases.
    pub fn topics(&self) -> &[Sym] {
        &self.symbols[self.topics_from as usize..]
    }
}

impl std::fmt::Debug for Labels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Labels")
            .field("targets", &self.targets())
            .field("leaders", &self.leaders())
            .field("topics", &self.topics())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symbol_reads_back_its_string_and_equal_strings_are_one_symbol() {
        let a = Sym::new("KOR");
        let b = Sym::from(String::from("KOR"));
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "KOR");
        assert_ne!(Sym::new("JPN"), a);
        assert_eq!(Sym::new(""), "");
        let from_other_thread = std::thread::spawn(|| Sym::new("KOR"))
            .join()
            .expect("joins");
        assert_eq!(from_other_thread, a, "one table for every thread");
    }

    #[test]
    fn symbols_sort_by_their_strings() {
        let mut syms: Vec<Sym> = ["zz-later", "aa-first", "mm-middle"]
            .into_iter()
            .map(Sym::new)
            .collect();
        syms.sort();
        let strings: Vec<&str> = syms.iter().map(|s| s.as_str()).collect();
        assert_eq!(strings, ["aa-first", "mm-middle", "zz-later"]);
    }

    #[test]
    fn slots_fill_chunk_after_chunk() {
        assert_eq!(slot_of(0), (0, 0));
        assert_eq!(slot_of(1023), (0, 1023));
        assert_eq!(slot_of(1024), (1, 0));
        assert_eq!(slot_of(3071), (1, 2047));
        assert_eq!(slot_of(3072), (2, 0));
        assert_eq!(slot_of(u32::MAX as usize - 1).0, CHUNKS - 1);
    }

    #[test]
    fn many_symbols_from_two_threads_read_back() {
        let make = |prefix: &'static str| {
            move || {
                (0..5000)
                    .map(|i| Sym::new(&format!("{prefix}-{i}")))
                    .collect::<Vec<_>>()
            }
        };
        let other = std::thread::spawn(make("left"));
        let here = make("right")();
        let there = other.join().expect("joins");
        for (i, (l, r)) in there.iter().zip(&here).enumerate() {
            assert_eq!(l.as_str(), format!("left-{i}"));
            assert_eq!(r.as_str(), format!("right-{i}"));
        }
    }

    #[test]
    fn labels_keep_three_lists_apart() {
        let syms = |list: &[&str]| list.iter().map(|s| Sym::new(s)).collect::<Vec<_>>();
        let labels = Labels::new(syms(&["USA", "GLOBAL"]), syms(&[]), syms(&["trade"]));
        assert_eq!(labels.targets(), syms(&["USA", "GLOBAL"]).as_slice());
        assert!(labels.leaders().is_empty());
        assert_eq!(labels.topics(), syms(&["trade"]).as_slice());
        assert!(Labels::default().targets().is_empty());
    }
}
