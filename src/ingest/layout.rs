//! Part of stage 1, clean: undo the layout of printed and scanned documents (byte-order marks,
//! line endings, printed paragraph numbers, hyphenation at line ends, hard-wrapped lines, one
//! paragraph a line) before boilerplate is dropped.

/// Whether a line ends like a sentence: on a full stop, question or exclamation mark, colon,
/// closing quotation mark or parenthesis.
pub(super) fn ends_like_sentence(line: &str) -> bool {
    let trimmed = line.trim_end();
    trimmed.ends_with(['.', '!', '?', ':', '"', '”', '’', ')', '\''])
}

/// A printed paragraph number alone or at the start of a line ("25." or "25. The …").
fn paragraph_number_len(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || line.as_bytes().get(digits) != Some(&b'.') {
        return None;
    }
    let rest = &line[digits + 1..];
    if rest.trim().is_empty() {
        return Some(line.len());
    }
    let spaces = rest.len() - rest.trim_start().len();
    let next = rest.trim_start().chars().next();
    (spaces > 0 && next.is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '\'')))
        .then_some(digits + 1 + spaces)
}

/// True when most lines are hard-wrapped: of medium length and not ending like a sentence.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let text_lines: Vec<&&str> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    if text_lines.len() < 8 {
        return false;
    }
    let wrapped = text_lines
        .iter()
        .filter(|l| {
            let chars = l.chars().count();
            (25..=100).contains(&chars) && !ends_like_sentence(l.trim_end())
        })
        .count();
    wrapped * 2 > text_lines.len()
}

/// Whether a line can open a paragraph: it starts (after indentation) with a capital, a digit
/// or an opening quotation mark.
fn starts_like_paragraph(line: &str) -> bool {
    line.trim_start()
        .starts_with(|c: char| c.is_uppercase() || c.is_numeric() || "\"“'‘".contains(c))
}

/// The median length in characters of the text lines.
fn median_width(lines: &[&str]) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim_end().chars().count())
        .collect();
    widths.sort_unstable();
    widths.get(widths.len() / 2).copied().unwrap_or(0)
}

/// True when the text is printed one paragraph a line: at least eight lines, few blank lines
/// (fewer than one for four text lines) and most text lines long prose (150 characters or more,
/// ending like a sentence). Such a line break is a paragraph break.
fn is_paragraph_per_line(lines: &[&str]) -> bool {
    let text_lines: Vec<&&str> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    let blank = lines.len() - text_lines.len();
    if text_lines.len() < 8 || blank * 4 >= text_lines.len() {
        return false;
    }
    let long = text_lines
        .iter()
        .filter(|l| l.chars().count() >= 150 && ends_like_sentence(l.trim_end()))
        .count();
    long * 2 > text_lines.len()
}

/// Undo the layout of printed and scanned documents: byte-order marks go, CRLF, bare CR and form
/// feeds become line breaks, Markdown marks go (`markdown::strip_markdown`), printed paragraph numbers ("25.") become paragraph breaks, a word
/// hyphenated at a line end is joined ("co-\noperation" → "cooperation"), and in hard-wrapped
/// text the lines of a paragraph are joined with spaces.
pub fn normalise_layout(text: &str) -> String {
    let text = text.replace('\u{feff}', "");
    let text = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\u{c}', "\n\n");
    let raw_lines: Vec<&str> = text
        .strip_suffix('\n')
        .unwrap_or(&text)
        .split('\n')
        .collect();
    let wrapped = is_hard_wrapped(&raw_lines);
    let line_paragraphs = !wrapped && is_paragraph_per_line(&raw_lines);
    let width = if wrapped { median_width(&raw_lines) } else { 0 };
    let mut previous_width = 0;
    let mut out = String::with_capacity(text.len());
    let mut in_paragraph = false;
    let end_line = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for raw in raw_lines {
        let unmarked = super::markdown::strip_markdown(raw);
        let mut line = unmarked.trim_end();
        if let Some(skip) = paragraph_number_len(line.trim_start()) {
            line = line.trim_start()[skip..].trim_start();
            end_line(&mut out);
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            in_paragraph = false;
            if line.is_empty() {
                continue;
            }
        }
        if line.trim().is_empty() {
            end_line(&mut out);
            out.push('\n');
            in_paragraph = false;
            continue;
        }
        if in_paragraph {
            let hyphenated = out.ends_with('-')
                && out[..out.len() - 1].ends_with(char::is_alphabetic)
                && line.trim_start().starts_with(char::is_lowercase);
            if hyphenated {
                out.pop();
                out.push_str(line.trim_start());
            } else if wrapped
                && ends_like_sentence(out.trim_end())
                && (previous_width * 4 < width * 3 || line.starts_with([' ', '\t']))
                && starts_like_paragraph(line)
            {
                out.push_str("\n\n");
                out.push_str(line.trim_start());
            } else if wrapped {
                out.push(' ');
                out.push_str(line.trim_start());
            } else if line_paragraphs
                && ends_like_sentence(out.trim_end())
                && line.trim_start().starts_with(|c: char| {
                    c.is_uppercase() || c.is_numeric() || "\"“'‘".contains(c)
                })
            {
                out.push_str("\n\n");
                out.push_str(line);
            } else {
                out.push('\n');
                out.push_str(line);
            }
        } else {
            end_line(&mut out);
            out.push_str(line);
        }
        in_paragraph = true;
        previous_width = line.chars().count();
    }
    if text.ends_with('\n') {
        end_line(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hard_wrapped_speech_breaks_paragraphs_at_short_sentence_ends_and_indents() {
        let text = "On behalf of the delegation of my country I should like to\n\
            congratulate the President on his election to the presidency\n\
            of the Assembly at this session.\n\
            The situation in the Pacific remains of great concern to us\n\
            and to every small island State that depends on the ocean\n\
            for its food and its livelihood, as the Assembly knows well.\n\
            \x20 We therefore call on all States to ratify the Convention\n\
            on the Law of the Sea without delay and to implement it in\n\
            good faith, as we have done since it was opened for signature.\n";
        let out = normalise_layout(text);
        assert_eq!(out.matches("\n\n").count(), 2, "{out}");
        assert!(out.contains("session.\n\nThe situation"), "{out}");
        assert!(out.contains("knows well.\n\nWe therefore"), "{out}");
    }

    #[test]
    fn a_speech_printed_one_paragraph_a_line_keeps_its_paragraphs() {
        let paragraph = |topic: &str| {
            format!(
                "The situation in {topic} remains of deep concern to my delegation, which has followed every stage of the negotiations closely. We call on all parties to show restraint."
            )
        };
        let topics = [
            "Fiji", "Tonga", "Samoa", "Vanuatu", "Palau", "Nauru", "Tuvalu", "Kiribati",
        ];
        let text: Vec<String> = topics.iter().map(|t| paragraph(t)).collect();
        let out = normalise_layout(&text.join("\n"));
        assert_eq!(out.matches("\n\n").count(), 7, "{out}");
        let short = "One sentence a line.\nAnother sentence here.\n".repeat(5);
        assert!(!normalise_layout(&short).contains("\n\n"));
    }

    #[test]
    fn printed_layout_is_undone() {
        let text = "\u{feff}1. Mr. President, on behalf of my\r\ndelegation I offer you my sincere con-\r\ngratulations on your election to the\r\noffice of President of the General\r\nAssembly.\r\n2.\r\nAllow me to pay a tribute to your\r\npredecessor for the service he gave\r\nthis Organization as President of the\r\nlast session of the Assembly.\u{c}Page two\r\n";
        let out = normalise_layout(text);
        assert!(out.starts_with("Mr. President, on behalf of my delegation I offer you my sincere congratulations on your election"), "{out}");
        assert!(out.contains("Assembly.\n\nAllow me"), "{out}");
        assert!(!out.contains('\r') && !out.contains('\u{feff}') && !out.contains('\u{c}'));
    }

    #[test]
    fn unwrapped_text_keeps_its_lines() {
        let text = "Title of the page\nBy Ana Lopez\n\nThe minister said so. Nothing else.\n";
        assert_eq!(normalise_layout(text), text);
    }
}
