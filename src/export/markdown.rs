//! The Markdown export: a heading per statement with its quote and citation.

use super::{Item, TextMode, safe};
use crate::model::{Article, Corpus};

/// `s` on one line with the characters Markdown would act on escaped.
fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `s` as the start of a Markdown line: inline escapes, plus a line-start marker (`#`, `-`,
/// `+`, `=`, `1.`) escaped so it stays text.
fn md_line(s: &str) -> String {
    let escaped = md_inline(s);
    let trimmed = escaped.trim_start();
    let lead = &escaped[..escaped.len() - trimmed.len()];
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let ordered_marker =
        digits > 0 && matches!(trimmed.as_bytes().get(digits), Some(b'.') | Some(b')'));
    if ordered_marker {
        format!("{lead}{}\\{}", &trimmed[..digits], &trimmed[digits..])
    } else if trimmed.starts_with(['#', '-', '+', '=']) {
        format!("{lead}\\{trimmed}")
    } else {
        escaped
    }
}

/// A url as a Markdown autolink when it can be one, else as escaped text.
fn md_url(url: &str) -> String {
    if !url.is_empty() && !url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        format!("<{url}>")
    } else {
        md_inline(url)
    }
}

fn md_citation(article: &Article, mode: TextMode) -> String {
    let mut parts: Vec<String> = vec![format!("*{}*", md_inline(&safe(&article.source, mode)))];
    parts.extend(article.byline.as_deref().map(|b| md_inline(&safe(b, mode))));
    parts.extend(
        article
            .published
            .as_deref()
            .map(|d| md_inline(&safe(d, mode))),
    );
    parts.extend(article.url.as_deref().map(|u| md_url(&safe(u, mode))));
    parts.join(", ")
}

pub(super) fn markdown(
    corpus: &Corpus,
    items: &[Item<'_>],
    mode: TextMode,
    heading: Option<&str>,
) -> String {
    let mut out = String::new();
    let count = format!(
        "{} from {}",
        crate::text::plural(items.len(), "statement", "statements"),
        md_inline(&safe(&corpus.name, mode))
    );
    match heading {
        Some(heading) => out.push_str(&format!(
            "# {}\n\n{count}\n",
            md_inline(&safe(heading, mode))
        )),
        None => out.push_str(&format!("# {count}\n")),
    }
    let mut current: Option<&str> = None;
    for item in items {
        let (s, a) = (item.statement, item.article);
        if current != Some(a.id.as_str()) {
            current = Some(a.id.as_str());
            out.push_str(&format!("\n## {}\n\n", md_inline(&safe(&a.title, mode))));
            out.push_str(&format!("{}\n", md_citation(a, mode)));
            if let Some(dateline) = &a.dateline {
                out.push_str(&format!(
                    "\nDateline: {}\n",
                    md_inline(&safe(dateline, mode))
                ));
            }
        }
        let speaker = s.speaker.as_deref().unwrap_or("Narration");
        out.push_str(&format!(
            "\n### {} ({})\n\n",
            md_inline(&safe(speaker, mode)),
            s.kind.as_str()
        ));
        for line in safe(&s.text, mode).split('\n') {
            if line.trim().is_empty() {
                out.push_str(">\n");
            } else {
                out.push_str(&format!("> {}\n", md_line(line)));
            }
        }
        out.push('\n');
        let targets: Vec<String> = s
            .targets
            .iter()
            .map(|t| {
                let name = corpus.entity_name(t);
                if name == t {
                    md_inline(&safe(t, mode))
                } else {
                    format!(
                        "{} ({})",
                        md_inline(&safe(name, mode)),
                        md_inline(&safe(t, mode))
                    )
                }
            })
            .collect();
        let list = |values: &[crate::model::ShortText]| -> String {
            if values.is_empty() {
                "none".to_string()
            } else {
                values
                    .iter()
                    .map(|v| md_inline(&safe(v, mode)))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        };
        let targets = if targets.is_empty() {
            "none".to_string()
        } else {
            targets.join("; ")
        };
        out.push_str(&format!("- About: {targets}\n"));
        out.push_str(&format!("- Leaders: {}\n", list(&s.leaders)));
        out.push_str(&format!("- Topics: {}\n", list(&s.topics)));
        out.push_str(&format!(
            "- Source: {}, {}\n",
            md_inline(&safe(&a.title, mode)),
            md_citation(a, mode)
        ));
        out.push_str(&format!("- Statement: {}\n", md_inline(&safe(&s.id, mode))));
    }
    out
}
