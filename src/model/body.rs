//! [`BodySlice`]: a statement's text held once, as a slice of its article's body, and how
//! parsing a corpus file makes each text such a slice.

use super::{Article, Labels, ShortText, Statement, StatementKind, Sym};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;
use std::sync::Arc;

/// A statement's text: a byte range of its article's body, sharing the body's memory (the text
/// is held once). Reads as a `&str` (`Deref`), prints and serialises as the text itself.
#[derive(Clone)]
pub struct BodySlice {
    body: Arc<str>,
    start: u32,
    len: u32,
}

impl BodySlice {
    /// `body[range]`, sharing `body`; `None` when the range is outside it, not on character
    /// boundaries or beyond 4 GiB.
    pub fn of(body: &Arc<str>, range: std::ops::Range<usize>) -> Option<Self> {
        body.get(range.clone())?;
        Some(BodySlice {
            body: Arc::clone(body),
            start: u32::try_from(range.start).ok()?,
            len: u32::try_from(range.end - range.start).ok()?,
        })
    }

    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        let start = self.start as usize;
        &self.body[start..start + self.len as usize]
    }

    /// True when this text is a slice of `body` (not a copy of its own).
    pub fn shares(&self, body: &Arc<str>) -> bool {
        Arc::ptr_eq(&self.body, body)
    }

    /// True when this text holds its own copy (it spans all of its buffer): such a text may
    /// still be turned into a slice of its article's body.
    pub(super) fn is_own_copy(&self) -> bool {
        self.start == 0 && self.len as usize == self.body.len()
    }
}

impl std::ops::Deref for BodySlice {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for BodySlice {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for BodySlice {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Default for BodySlice {
    fn default() -> Self {
        BodySlice::from("")
    }
}

impl From<&str> for BodySlice {
    fn from(text: &str) -> Self {
        BodySlice::from(Arc::<str>::from(text))
    }
}

impl From<String> for BodySlice {
    fn from(text: String) -> Self {
        BodySlice::from(Arc::<str>::from(text))
    }
}

impl From<Arc<str>> for BodySlice {
    /// All of `text`, as a buffer of its own (texts over 4 GiB are cut at a character boundary).
    fn from(text: Arc<str>) -> Self {
        let mut len = text.len().min(u32::MAX as usize);
        while !text.is_char_boundary(len) {
            len -= 1;
        }
        BodySlice {
            body: text,
            start: 0,
            len: len as u32,
        }
    }
}

impl std::fmt::Display for BodySlice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for BodySlice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for BodySlice {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for BodySlice {}

impl std::hash::Hash for BodySlice {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for BodySlice {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for BodySlice {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for BodySlice {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<BodySlice> for str {
    fn eq(&self, other: &BodySlice) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<BodySlice> for &str {
    fn eq(&self, other: &BodySlice) -> bool {
        *self == other.as_str()
    }
}

impl Serialize for BodySlice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for BodySlice {
    /// A text of its own; [`CorpusFile`] parsing and [`Corpus::from_parts`] make it a slice of
    /// its article's body.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(BodySlice::from)
    }
}

/// How a corpus file's statement texts come to share their articles' bodies while it parses:
/// the articles (written before the statements) are noted for this thread, and each statement's
/// text, borrowed from the input, is compared with its body slice and not copied when equal. A
/// text that differs (or whose article comes later) is kept as its own copy, for `check` to
/// report and [`Corpus::from_parts`] to retry.
pub(super) mod shared_texts;

impl Serialize for Statement {
    /// The file format's object, fields in the order they have always been written.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Statement", 11)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("article", &self.article)?;
        out.serialize_field("text", &self.text)?;
        out.serialize_field("start", &self.start)?;
        out.serialize_field("end", &self.end)?;
        out.serialize_field("targets", self.targets())?;
        out.serialize_field("speaker", &self.speaker)?;
        out.serialize_field("speaker_entity", &self.speaker_entity)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("leaders", self.leaders())?;
        out.serialize_field("topics", self.topics())?;
        out.end()
    }
}

impl<'de> Deserialize<'de> for Statement {
    /// As written; the text is its own copy (a [`CorpusFile`](super::CorpusFile) shares it).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        shared_texts::StatementOnDisk::deserialize(deserializer)
            .map(|raw| raw.into_statement(&HashMap::new()))
    }
}

/// Forget what the last corpus file parsed on this thread noted of its articles (a file that
/// fails to parse may leave its bodies noted).
pub fn forget_noted_bodies() {
    shared_texts::forget();
}

/// Before parsing a corpus file whose statements come before its articles: note the articles'
/// bodies so that the statement texts share them as they parse (see [`BodySlice`]).
pub fn note_articles_ahead(text: &str) {
    shared_texts::note_articles_ahead(text);
}

/// After [`note_articles_ahead`] parsed both of a large file's arrays: the file's text with
/// them written `[]`, all that is left to parse (`None` when they were not both parsed ahead).
pub fn without_arrays_ahead(text: &str) -> Option<String> {
    shared_texts::without_arrays_ahead(text)
}

/// Make every statement text that holds its own copy a slice of its article's body, when it
/// equals that slice (texts parsed from a file already are).
pub(super) fn share_texts(
    articles: &[Article],
    article_index: &super::IdIndex,
    statements: &mut [Statement],
) {
    for statement in statements.iter_mut().filter(|s| s.text.is_own_copy()) {
        let Some(&a) = article_index.get(statement.article.as_str()) else {
            continue;
        };
        if let Some(slice) = BodySlice::of(&articles[a].body, statement.span())
            && slice.as_str() == statement.text.as_str()
        {
            statement.text = slice;
        }
    }
}
