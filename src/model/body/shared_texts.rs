//! How a corpus file's statement texts come to share their articles' bodies while it parses:
//! the articles (written before the statements) are noted for this thread, and each statement's
//! text, borrowed from the input, is compared with its body slice and not copied when equal. A
//! text that differs (or whose article comes later) is kept as its own copy, for `check` to
//! report and [`Corpus::from_parts`] to retry.

use super::*;
use std::borrow::Cow;
use std::cell::RefCell;

thread_local! {
    /// The bodies of the articles of the file parsing on this thread, by article id.
    static BODIES: RefCell<HashMap<String, Arc<str>>> = RefCell::new(HashMap::new());
    /// The articles of the file parsing on this thread, when parsed ahead of its statements.
    static AHEAD: RefCell<Option<Vec<Article>>> = const { RefCell::new(None) };
    /// The statements of the file parsing on this thread, when parsed ahead on two threads.
    static STATEMENTS_AHEAD: RefCell<Option<Vec<Statement>>> = const { RefCell::new(None) };
    /// Where the two arrays parsed ahead are in the file's text (articles, statements),
    /// when both were.
    static RANGES_AHEAD: RefCell<Option<[std::ops::Range<usize>; 2]>> =
        const { RefCell::new(None) };
}

/// From this many bytes after the statements key, the statements are parsed ahead in two
/// halves on two threads (a small file is parsed in one pass).
const PARALLEL_FROM_BYTES: usize = 8 << 20;

/// `Arc<str>` as a JSON string (without serde's `rc` feature).
pub mod arc_text {
    use super::*;

    pub fn serialize<S: Serializer>(text: &Arc<str>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<str>, D::Error> {
        String::deserialize(deserializer).map(Arc::from)
    }
}

/// The articles, their bodies noted for the statements that follow. An article whose body
/// was noted ahead (see [`note_articles_ahead`]) keeps that body: it is held once.
pub fn articles<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Article>, D::Error> {
    if let Some(ahead) = AHEAD.with(|ahead| ahead.borrow_mut().take()) {
        // Parsed ahead from this very array (see `value_after_key`): only skipped here.
        serde::de::IgnoredAny::deserialize(deserializer)?;
        return Ok(ahead);
    }
    struct Articles;
    impl<'de> serde::de::Visitor<'de> for Articles {
        type Value = Vec<Article>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<Article>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
            BODIES.with(|noted| {
                let noted = noted.borrow();
                while let Some(mut article) = seq.next_element::<Article>()? {
                    if let Some(body) = noted.get(&article.id)
                        && *body == article.body
                    {
                        article.body = Arc::clone(body);
                    }
                    out.push(article);
                }
                Ok(())
            })?;
            Ok(out)
        }
    }
    let articles = deserializer.deserialize_seq(Articles)?;
    let bodies = articles
        .iter()
        .map(|a| (a.id.clone(), Arc::clone(&a.body)))
        .collect();
    BODIES.with(|noted| *noted.borrow_mut() = bodies);
    Ok(articles)
}

/// The statements, each text a slice of its noted article's body when it equals it.
pub fn statements<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Statement>, D::Error> {
    if let Some(ahead) = STATEMENTS_AHEAD.with(|ahead| ahead.borrow_mut().take()) {
        // Parsed ahead from this very array (see `note_statements_ahead`): only skipped here.
        serde::de::IgnoredAny::deserialize(deserializer)?;
        return Ok(ahead);
    }
    BODIES.with(|noted| {
        let bodies = noted.borrow();
        crate::progress::counted_vec_with(deserializer, |raw: StatementOnDisk<'de>| {
            raw.into_statement(&bodies)
        })
    })
}

/// When a file's statements come before its articles (`ingest` streams them so), parse the
/// articles first and note their bodies, so that statement texts share them as they parse.
/// Any failure here only means texts are not shared while parsing; the parse proper reports
/// what is wrong with the file.
pub fn note_articles_ahead(text: &str) {
    let (Some(articles), Some(statements)) = (
        value_after_key(text, "articles"),
        value_after_key(text, "statements"),
    ) else {
        return;
    };
    let parallel = text.len() - statements >= PARALLEL_FROM_BYTES;
    if articles < statements && !parallel {
        return;
    }
    let mut stream =
        serde_json::Deserializer::from_str(&text[articles..]).into_iter::<ArticlesAhead>();
    if !matches!(stream.next(), Some(Ok(ArticlesAhead))) {
        forget();
        return;
    }
    let articles_end = articles + stream.byte_offset();
    if parallel && let Some(statements_end) = note_statements_ahead(text, statements, articles) {
        let ranges = [articles..articles_end, statements..statements_end];
        RANGES_AHEAD.with(|ahead| *ahead.borrow_mut() = Some(ranges));
    }
}

/// The articles array, parsed and noted ahead (see [`articles_ahead`]).
struct ArticlesAhead;

impl<'de> Deserialize<'de> for ArticlesAhead {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        articles_ahead(deserializer).map(|()| ArticlesAhead)
    }
}

/// When both arrays were parsed ahead (see [`note_articles_ahead`]): the file's text with
/// each of them written `[]`, so that parsing the rest (the header, entities and leaders)
/// does not read through them again.
pub fn without_arrays_ahead(text: &str) -> Option<String> {
    let [mut first, mut second] = RANGES_AHEAD.with(|ahead| ahead.borrow().clone())?;
    if second.start < first.start {
        std::mem::swap(&mut first, &mut second);
    }
    if first.end > second.start || second.end > text.len() {
        return None;
    }
    let kept = text.len() - first.len() - second.len();
    let mut rest = String::with_capacity(kept + 4);
    rest.push_str(text.get(..first.start)?);
    rest.push_str("[]");
    rest.push_str(text.get(first.end..second.start)?);
    rest.push_str("[]");
    rest.push_str(text.get(second.end..)?);
    Some(rest)
}

/// Parse the statements array (its value starts at `start`) in two halves, one on another
/// thread, split at an element boundary near the middle (a `,` then a line break then `{`:
/// a line break is never inside a JSON string). The halves must chain exactly (the first
/// ends at the split, the second at the array's `]`), else nothing is noted and the parse
/// proper reads the array as usual (and reports what is wrong with it). Returns where the
/// array ends (one past its `]`) when noted.
fn note_statements_ahead(text: &str, start: usize, articles: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let first = skip_space(bytes, start);
    if bytes.get(first) != Some(&b'[') {
        return None;
    }
    let first = skip_space(bytes, first + 1);
    let end_guess = if articles > start {
        articles
    } else {
        text.len()
    };
    let split = element_boundary_after(bytes, first + (end_guess - first) / 2)?;
    let counter = crate::progress::this_thread_counter();
    let parsed = BODIES.with(|noted| {
        let bodies = &*noted.borrow();
        std::thread::scope(|scope| {
            let second = scope.spawn(|| parse_elements(text, split, None, bodies, &counter));
            let head = parse_elements(text, first, Some(split), bodies, &counter);
            let tail = second.join().ok().flatten();
            let ((mut head, _), (tail, end)) = (head?, tail?);
            head.extend(tail);
            Some((head, end))
        })
    });
    let (statements, end) = parsed?;
    STATEMENTS_AHEAD.with(|ahead| *ahead.borrow_mut() = Some(statements));
    Some(end)
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
        at += 1;
    }
    at
}

/// The first `{` at or after `from` that follows a `,` and white space holding a line break.
fn element_boundary_after(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(found) = memchr::memchr(b'\n', bytes.get(at..)?) {
        let line_break = at + found;
        let mut before = line_break;
        while before > 0 && bytes[before - 1].is_ascii_whitespace() {
            before -= 1;
        }
        let next = skip_space(bytes, line_break);
        if before > 0 && bytes[before - 1] == b',' && bytes.get(next) == Some(&b'{') {
            return Some(next);
        }
        at = line_break + 1;
    }
    None
}

/// Statements from `at` (an element's start) up to `stop` (the next element's start, which
/// must be reached exactly) or, without `stop`, up to the array's closing `]`; and where
/// they end (`stop`, or one past the `]`).
fn parse_elements(
    text: &str,
    mut at: usize,
    stop: Option<usize>,
    bodies: &HashMap<String, Arc<str>>,
    counter: &Option<Arc<std::sync::atomic::AtomicUsize>>,
) -> Option<(Vec<Statement>, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    loop {
        let mut stream =
            serde_json::Deserializer::from_str(&text[at..]).into_iter::<StatementOnDisk<'_>>();
        let raw = stream.next()?.ok()?;
        at += stream.byte_offset();
        out.push(raw.into_statement(bodies));
        if out.len().is_multiple_of(1024)
            && let Some(counter) = counter
        {
            counter.fetch_add(1024, std::sync::atomic::Ordering::Relaxed);
        }
        at = skip_space(bytes, at);
        match bytes.get(at) {
            Some(b',') => at = skip_space(bytes, at + 1),
            Some(b']') if stop.is_none() => {
                at += 1;
                break;
            }
            _ => return None,
        }
        match stop {
            Some(stop) if at == stop => break,
            Some(stop) if at > stop => return None,
            _ => {}
        }
    }
    if let Some(counter) = counter {
        let rest = out.len() % 1024;
        counter.fetch_add(rest, std::sync::atomic::Ordering::Relaxed);
    }
    Some((out, at))
}

fn articles_ahead<'de, D: Deserializer<'de>>(deserializer: D) -> Result<(), D::Error> {
    let parsed = articles(deserializer)?;
    AHEAD.with(|ahead| *ahead.borrow_mut() = Some(parsed));
    Ok(())
}

/// Where the value of the first `"key":` of `text` starts. Inside a JSON string a quote is
/// always escaped, so a quoted key followed by a colon is a key; in a valid corpus file
/// (every object denies unknown fields) `articles` and `statements` are only top-level keys,
/// so when the file parses, the articles parsed ahead are the file's own.
fn value_after_key(text: &str, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let finder = memchr::memmem::Finder::new(quoted.as_bytes());
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = finder.find(&bytes[from..]) {
        let after = from + found + quoted.len();
        let colon = after
            + bytes[after..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
        if bytes.get(colon) == Some(&b':') {
            return Some(colon + 1);
        }
        from = after;
    }
    None
}

/// Forget the bodies noted on this thread (after a file that failed to parse).
pub fn forget() {
    BODIES.with(|noted| drop(std::mem::take(&mut *noted.borrow_mut())));
    AHEAD.with(|ahead| drop(ahead.borrow_mut().take()));
    STATEMENTS_AHEAD.with(|ahead| drop(ahead.borrow_mut().take()));
    RANGES_AHEAD.with(|ahead| *ahead.borrow_mut() = None);
}

thread_local! {
    /// The symbols of the lists of the statement parsing on this thread: each list is
    /// appended here, and the statement takes them in one allocation.
    static LISTS: RefCell<Vec<Sym>> = const { RefCell::new(Vec::new()) };
}

/// A list of symbols as it parses: where in this thread's [`LISTS`] it was appended.
#[derive(Default)]
struct ListOnDisk(std::ops::Range<usize>);

impl<'de> Deserialize<'de> for ListOnDisk {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct List;
        impl<'de> serde::de::Visitor<'de> for List {
            type Value = ListOnDisk;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<ListOnDisk, A::Error> {
                let start = LISTS.with(|lists| lists.borrow().len());
                while let Some(sym) = seq.next_element::<Sym>()? {
                    LISTS.with(|lists| lists.borrow_mut().push(sym));
                }
                Ok(ListOnDisk(start..LISTS.with(|lists| lists.borrow().len())))
            }
        }
        deserializer.deserialize_seq(List)
    }
}

/// A byte offset: any unsigned number as JSON has it, then one that fits a `u32` (a corpus
/// file is at most 1 GiB).
fn offset<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let at = usize::deserialize(deserializer)?;
    u32::try_from(at).map_err(|_| serde::de::Error::custom(format!("offset {at} is over 4 GiB")))
}

/// A statement as written, its text borrowed from the input when it has no escapes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Statement")]
pub struct StatementOnDisk<'a> {
    id: ShortText,
    article: Sym,
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(deserialize_with = "offset")]
    start: u32,
    #[serde(deserialize_with = "offset")]
    end: u32,
    targets: ListOnDisk,
    speaker: Option<Sym>,
    speaker_entity: Sym,
    kind: StatementKind,
    #[serde(default)]
    leaders: ListOnDisk,
    #[serde(default)]
    topics: ListOnDisk,
}

impl StatementOnDisk<'_> {
    pub(in crate::model) fn into_statement(self, bodies: &HashMap<String, Arc<str>>) -> Statement {
        let span = self.start as usize..self.end as usize;
        let shared = bodies
            .get(self.article.as_str())
            .filter(|body| body.get(span.clone()) == Some(&*self.text))
            .and_then(|body| BodySlice::of(body, span));
        let labels = LISTS.with(|lists| {
            let mut lists = lists.borrow_mut();
            let symbols: Box<[Sym]> = [&self.targets.0, &self.leaders.0, &self.topics.0]
                .into_iter()
                .flat_map(|range| lists.get(range.clone()).unwrap_or(&[]).iter().copied())
                .collect();
            lists.clear();
            let leaders_from = self.targets.0.len();
            Labels::from_parts(symbols, leaders_from, leaders_from + self.leaders.0.len())
        });
        Statement {
            text: shared.unwrap_or_else(|| BodySlice::from(&*self.text)),
            id: self.id,
            article: self.article,
            start: self.start,
            end: self.end,
            speaker: self.speaker,
            speaker_entity: self.speaker_entity,
            kind: self.kind,
            labels,
        }
    }
}
