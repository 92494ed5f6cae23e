//! Text converted to Markdown, read as plain text: heading marks and paired emphasis markers go.

use std::borrow::Cow;

/// Whether the marker of `len` bytes at `at` in `line` can open an emphasis: at the start of the
/// line or after a space or opening bracket, and followed by a letter, digit or quotation mark.
fn opens_emphasis(line: &str, at: usize, len: usize) -> bool {
    let before = line[..at].chars().next_back();
    let after = line[at + len..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || "([{\"'“‘—–-".contains(c))
        && after.is_some_and(|c| c.is_alphanumeric() || "\"'“‘$€£(".contains(c))
}

/// Whether the marker of `len` bytes at `at` in `line` can close an emphasis: after a letter,
/// digit or punctuation, and followed by the end of the line, a space or punctuation.
fn closes_emphasis(line: &str, at: usize, len: usize) -> bool {
    let before = line[..at].chars().next_back();
    let after = line[at + len..].chars().next();
    before.is_some_and(|c| !c.is_whitespace() && c != '*' && c != '_')
        && after.is_none_or(|c| {
            c.is_whitespace()
                || (c.is_ascii_punctuation() && c != '*' && c != '_')
                || "”’—–…".contains(c)
        })
}

/// The text of a line written in Markdown, as documents converted to Markdown print it:
/// heading marks ("### 2. Gratitude") and paired emphasis ("a **nuclear catastrophe is real**",
/// "the *Pact for the Future*", "__note__") go; a lone or unpaired asterisk, as scanning leaves
/// them ("die**, their homes"), stays.
pub fn strip_markdown(line: &str) -> Cow<'_, str> {
    let mut line_start = 0;
    let trimmed = line.trim_start();
    let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
        line_start = line.len() - trimmed.len() + hashes + 1;
    }
    if line_start == 0 && !line.contains(['*', '_']) {
        return Cow::Borrowed(line);
    }
    let line = &line[line_start..];
    let bytes = line.as_bytes();
    let mut remove: Vec<std::ops::Range<usize>> = Vec::new();
    for marker in ["**", "__", "*", "_"] {
        let mut open: Option<usize> = None;
        let mut at = 0;
        while let Some(found) = line[at..].find(marker) {
            let pos = at + found;
            at = pos + marker.len();
            let single = marker.len() == 1;
            let mark = bytes[pos];
            if single && (bytes.get(pos + 1) == Some(&mark) || (pos > 0 && bytes[pos - 1] == mark))
            {
                continue;
            }
            if remove.iter().any(|r| r.contains(&pos)) {
                continue;
            }
            match open {
                Some(start) if closes_emphasis(line, pos, marker.len()) => {
                    remove.push(start..start + marker.len());
                    remove.push(pos..pos + marker.len());
                    open = None;
                }
                _ if opens_emphasis(line, pos, marker.len()) => open = Some(pos),
                _ => {}
            }
        }
    }
    if remove.is_empty() {
        return Cow::Borrowed(line);
    }
    remove.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for range in remove {
        out.push_str(&line[from..range.start]);
        from = range.end;
    }
    out.push_str(&line[from..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_marks_go_and_stray_asterisks_stay() {
        let cases = [
            (
                "The danger of a **nuclear war is real**. For the **ninth year**, spending rose.",
                "The danger of a nuclear war is real. For the ninth year, spending rose.",
            ),
            (
                "We adopted the *Pact for the Future*, and we *should* act.",
                "We adopted the Pact for the Future, and we should act.",
            ),
            (
                "### 2. Gratitude to the International Community",
                "2. Gratitude to the International Community",
            ),
            (
                "a __firm__ commitment (**$2.44 trillion**)",
                "a firm commitment ($2.44 trillion)",
            ),
            (
                "thousands of people have just die**, their homes destroyed",
                "thousands of people have just die**, their homes destroyed",
            ),
            (
                "the arms race* a world-wide campaign and the second* stage",
                "the arms race* a world-wide campaign and the second* stage",
            ),
            (
                "see file_name_here and 5 * 3 = 15 and #hashtag",
                "see file_name_here and 5 * 3 = 15 and #hashtag",
            ),
            (
                "**Developed countries**, living on the same planet",
                "Developed countries, living on the same planet",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(strip_markdown(input), expected, "{input}");
        }
    }
}
