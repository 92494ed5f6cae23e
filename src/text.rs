//! Text made safe and measured for the terminal: control characters neutralised, widths in
//! display columns (Hangul, CJK and emoji count two), wrapping and cutting on character boundaries.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// True for characters that must never reach a terminal as they are: C0 and C1 controls, DEL, and
/// the bidirectional overrides/isolates that reorder what is shown.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The harmless visible stand-in for an unsafe character: control pictures for C0 and DEL
/// (`␛` for ESC), U+FFFD for C1 controls and bidi controls. Tabs and line breaks become spaces.
fn visible_stand_in(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// `n` followed by `one` when `n` is 1, else by `many`: "1 article", "2 articles", "0 articles".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `s` with every unsafe character replaced by a visible stand-in; borrowed when already clean.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if is_unsafe_char(c) {
                    visible_stand_in(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// Display width of a character in terminal columns (0 for combining marks).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width of a string in terminal columns, measured per grapheme cluster as terminals
/// draw it (a flag such as 🇰🇷 is one two-column cluster).
pub fn str_width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// `s` cut to at most `width` columns, ending in `…` when something was cut. Never splits a
/// character or grapheme cluster; a wide one that would straddle the edge is left out.
pub fn truncate_to_width(s: &str, width: usize) -> Cow<'_, str> {
    if str_width(s) <= width {
        return Cow::Borrowed(s);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > width - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// A piece of a wrapped line: the byte range of the source text it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrappedLine {
    /// Byte offset of the first character shown.
    pub start: usize,
    /// Byte offset one past the last character shown (trailing spaces excluded).
    pub end: usize,
}

/// Word-wrap `s` to `width` columns. Lines break at spaces; a word longer than the width is
/// broken between characters. Returns byte ranges so callers can style parts of the text.
pub fn wrap(s: &str, width: usize) -> Vec<WrappedLine> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let mut last_space: Option<usize> = None;
    for (i, g) in s.grapheme_indices(true) {
        let w = g.width();
        if g == " " {
            last_space = Some(i);
            used += w;
            continue;
        }
        if used + w > width {
            match last_space {
                Some(space) => {
                    lines.push(WrappedLine {
                        start,
                        end: trim_end(s, start, space),
                    });
                    start = space + 1;
                    used = str_width(&s[start..i]);
                }
                None => {
                    if i > start {
                        lines.push(WrappedLine { start, end: i });
                    }
                    start = i;
                    used = 0;
                }
            }
            last_space = None;
        }
        used += w;
    }
    lines.push(WrappedLine {
        start,
        end: trim_end(s, start, s.len()),
    });
    lines
}

fn trim_end(s: &str, start: usize, end: usize) -> usize {
    start + s[start..end].trim_end_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(s: &str, width: usize) -> Vec<&str> {
        wrap(s, width).iter().map(|l| &s[l.start..l.end]).collect()
    }

    #[test]
    fn escape_sequences_become_visible_text() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(sanitize("bell\u{7}"), "bell\u{2407}");
        assert_eq!(sanitize("c1\u{9b}x"), "c1\u{FFFD}x");
        assert_eq!(sanitize("rtl\u{202E}x"), "rtl\u{FFFD}x");
        assert_eq!(sanitize("tab\there"), "tab here");
        assert!(matches!(sanitize("clean 한국"), Cow::Borrowed(_)));
    }

    #[test]
    fn widths_count_wide_characters_twice() {
        assert_eq!(str_width("abc"), 3);
        assert_eq!(str_width("한국"), 4);
        assert_eq!(str_width("🇰🇷"), 2);
        assert_eq!(str_width("e\u{301}"), 1);
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate_to_width("한국어", 4), "한…");
        assert_eq!(truncate_to_width("한국어", 5), "한국…");
        assert_eq!(truncate_to_width("한국어", 6), "한국어");
        assert_eq!(truncate_to_width("abc", 0), "");
        assert_eq!(truncate_to_width("abcdef", 1), "…");
        assert_eq!(truncate_to_width("ab🇰🇷🇯🇵", 5), "ab🇰🇷…");
        assert_eq!(truncate_to_width("ab🇰🇷🇯🇵", 4), "ab…");
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_inside_long_words() {
        assert_eq!(
            wrapped("the quick brown fox", 10),
            vec!["the quick", "brown fox"]
        );
        assert_eq!(wrapped("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(
            wrapped("한국어 문장입니다", 6),
            vec!["한국어", "문장입", "니다"]
        );
        assert_eq!(wrapped("", 5), vec![""]);
        assert_eq!(wrapped("a  b", 1), vec!["a", "b"]);
        assert_eq!(wrapped("🇰🇷🇯🇵🇺🇸", 4), vec!["🇰🇷🇯🇵", "🇺🇸"]);
    }

    #[test]
    fn wrapped_lines_fit_the_width() {
        let s = "Hangul 한국어와 emoji 🇰🇷🎌 mixed with averyveryverylongwordthatneverends here";
        for width in 1..30 {
            for line in wrap(s, width) {
                assert!(
                    str_width(&s[line.start..line.end]) <= width.max(2),
                    "{width}"
                );
            }
        }
    }
}
