//! Stage 2, sentences: split the cleaned body into sentences, as byte spans of the body.
//!
//! Boundaries are `.`, `!` and `?` (with any closing quotes or brackets) followed by a space and
//! an upper-case letter, digit or opening quote; line ends after such punctuation; and paragraph
//! breaks. Protected: titles and other abbreviations ("Mr. Kim"), initials ("Antony J. Blinken"),
//! dotted abbreviations ("U.S. President", "3 p.m. Seoul") unless a typical sentence opener
//! follows. A full stop glued to the next sentence ("Korea.At a") is a boundary; a full stop
//! followed by a lower-case word (the typo "climate change,. especially") is not.

/// One sentence: a byte span of the body and the paragraph it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// 0-based paragraph number (paragraphs are separated by blank lines).
    pub paragraph: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sen", "rep", "gov", "st", "jr", "sr",
    "no", "nos", "vs", "capt", "maj", "sgt", "rev", "hon", "amb", "messrs", "fig", "approx",
    "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "adm", "cmdr", "pres", "gov't", "mt", "ft", "vol", "art", "para", "ch",
];

const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "However",
    "In",
    "On",
    "At",
    "A",
    "An",
    "Meanwhile",
    "Also",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "There",
    "Both",
    "As",
    "After",
    "Before",
    "Since",
    "While",
    "When",
    "If",
    "Yet",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
}

/// The word that ends just before byte `dot` (letters, digits, dots, apostrophes, hyphens).
fn word_before(text: &str, dot: usize) -> &str {
    let head = &text[..dot];
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

fn next_word(text: &str, from: usize) -> &str {
    let tail = &text[from..];
    let tail = tail.trim_start_matches(|c: char| is_opening(c));
    let end = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

/// Whether the full stop at byte `dot` (followed by space and `next`) ends a sentence.
fn full_stop_ends_sentence(text: &str, dot: usize, next_from: usize) -> bool {
    let word = word_before(text, dot);
    let bare = word.trim_end_matches('.');
    if bare.is_empty() {
        return true;
    }
    let lower = bare.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    let mut chars = bare.chars();
    if let (Some(first), None) = (chars.next(), chars.next())
        && first.is_uppercase()
    {
        return false;
    }
    if bare.contains('.') {
        return SENTENCE_OPENERS.contains(&next_word(text, next_from));
    }
    true
}

/// Split one run of text (no paragraph breaks) at `offset` in the body.
fn split_run(
    body: &str,
    run_start: usize,
    run_end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let text = &body[..run_end];
    let mut sentence_start = run_start;
    let mut iter = body[run_start..run_end].char_indices().peekable();
    while let Some((rel, c)) = iter.next() {
        let at = run_start + rel;
        let boundary_end: Option<usize> = match c {
            '.' | '!' | '?' => {
                let mut end = at + c.len_utf8();
                while let Some(&(r, n)) = iter.peek() {
                    if is_closing(n) || matches!(n, '.' | '!' | '?') {
                        end = run_start + r + n.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                let rest = &text[end..];
                let after_space = rest.trim_start_matches([' ', '\t']);
                let next_from = run_end - after_space.len();
                let next = after_space.chars().next();
                if rest.starts_with('\n') || next.is_none() {
                    Some(end)
                } else if after_space.len() < rest.len() {
                    let starts = next
                        .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || is_opening(n));
                    if starts && (c != '.' || full_stop_ends_sentence(text, at, next_from)) {
                        Some(end)
                    } else {
                        None
                    }
                } else if c == '.' && end == at + 1 {
                    let mut glued = rest.chars();
                    let before = word_before(text, at);
                    let glued_start = glued.next().is_some_and(char::is_uppercase)
                        && glued.next().is_some_and(char::is_lowercase);
                    let plain_word = before.chars().count() >= 2
                        && before.chars().all(char::is_alphabetic)
                        && before.chars().last().is_some_and(char::is_lowercase);
                    (glued_start && plain_word).then_some(end)
                } else {
                    None
                }
            }
            '\n' => {
                let line = body[sentence_start..at].trim_end();
                let ended = line.ends_with(['.', '!', '?', ':', '"', '”', '’', ')']);
                ended.then_some(at)
            }
            _ => None,
        };
        if let Some(end) = boundary_end {
            push_trimmed(body, sentence_start, end, paragraph, out);
            sentence_start = end;
        }
    }
    push_trimmed(body, sentence_start, run_end, paragraph, out);
}

fn push_trimmed(body: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    if start >= end {
        return;
    }
    let piece = &body[start..end];
    let leading = piece.len() - piece.trim_start().len();
    let trailing = piece.len() - piece.trim_end().len();
    let (s, e) = (start + leading, end - trailing);
    if s < e {
        out.push(Sentence {
            start: s,
            end: e,
            paragraph,
        });
    }
}

/// Split a body into sentences. Every non-blank character of the body is in exactly one
/// sentence.
pub fn split(body: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut run_start = 0;
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                let before = out.len();
                split_run(body, run_start, i, paragraph, &mut out);
                if out.len() > before {
                    paragraph += 1;
                }
                while j < bytes.len() && matches!(bytes[j], b'\n' | b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                run_start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    split_run(body, run_start, body.len(), paragraph, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        split(body).iter().map(|s| &body[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            texts(
                "U.S. President Joe Biden met Mr. Kim at 3 p.m. Seoul time. Antony J. Blinken and the U.N. chief came. The talks ended."
            ),
            vec![
                "U.S. President Joe Biden met Mr. Kim at 3 p.m. Seoul time.",
                "Antony J. Blinken and the U.N. chief came.",
                "The talks ended."
            ]
        );
    }

    #[test]
    fn dotted_abbreviation_before_an_opener_ends_the_sentence() {
        assert_eq!(
            texts("He visited the U.S. The trip was short."),
            vec!["He visited the U.S.", "The trip was short."]
        );
    }

    #[test]
    fn the_comma_full_stop_typo_is_one_sentence() {
        let body =
            "He called for work on climate change,. especially as Seoul will host the summit.";
        assert_eq!(texts(body), vec![body]);
    }

    #[test]
    fn glued_paragraphs_split() {
        assert_eq!(
            texts("talks with North Korea.At a meeting in Seoul, he spoke."),
            vec![
                "talks with North Korea.",
                "At a meeting in Seoul, he spoke."
            ]
        );
    }

    #[test]
    fn quotes_and_lines_and_paragraphs() {
        let body = "He said: \"We will go.\" Then he left.\nA new line starts here.\n\nStatement by the minister:\n\nIn Paris, she spoke.";
        let sentences = split(body);
        let got: Vec<&str> = sentences.iter().map(|s| &body[s.start..s.end]).collect();
        assert_eq!(
            got,
            vec![
                "He said: \"We will go.\"",
                "Then he left.",
                "A new line starts here.",
                "Statement by the minister:",
                "In Paris, she spoke."
            ]
        );
        let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, vec![0, 0, 0, 1, 2]);
    }

    #[test]
    fn wrapped_lines_join() {
        assert_eq!(
            texts("This sentence is wrapped\nacross two lines. Next one."),
            vec!["This sentence is wrapped\nacross two lines.", "Next one."]
        );
    }

    #[test]
    fn never_panics_on_odd_text() {
        for body in [
            "",
            ".",
            "..\n\n.",
            "é.É",
            "a.\u{2019}B",
            "?!\n\n\n",
            "U.S.",
            "x.Ü",
        ] {
            for s in split(body) {
                assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
            }
        }
    }
}
