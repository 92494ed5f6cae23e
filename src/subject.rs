//! What an export is of, said twice: as a heading ("Statements about Japan, 2021") and as a
//! file name (`agenda-tui-JPN-2021.md`). Built from the export command's filters or the
//! browser's selection; pure.

use crate::model::Corpus;

/// The criteria an export was selected by, each as a heading phrase and a file-name tag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    /// Heading phrases in order, e.g. "about Japan", "matching “moon”".
    phrases: Vec<String>,
    /// File-name tags in order, e.g. "JPN", "search-moon".
    tags: Vec<String>,
}

impl Subject {
    /// Every statement: no criterion.
    pub fn everything() -> Subject {
        Subject::default()
    }

    /// Statements about the entity `name` (id `id`).
    pub fn about(mut self, name: &str, id: &str) -> Subject {
        self.phrases.push(format!("about {}", name.trim()));
        self.tags.push(slug(id));
        self
    }

    /// Statements spoken by the country or bloc `name` (id `id`).
    pub fn by(mut self, name: &str, id: &str) -> Subject {
        self.phrases.push(format!("by {}", name.trim()));
        self.tags.push(format!("by-{}", slug(id)));
        self
    }

    /// Statements about no country.
    pub fn about_no_country(mut self) -> Subject {
        self.phrases.push("about no specific country".into());
        self.tags.push("no-country".into());
        self
    }

    /// Statements by or naming the leader `name`.
    pub fn leader(mut self, name: &str) -> Subject {
        self.phrases.push(format!("by or naming {}", name.trim()));
        self.tags.push(slug(name));
        self
    }

    /// Statements with a topic containing `topic`.
    pub fn topic(mut self, topic: &str) -> Subject {
        self.phrases.push(format!("on “{}”", topic.trim()));
        self.tags.push(slug(topic));
        self
    }

    /// Statements matching the search `query`.
    pub fn query(mut self, query: &str) -> Subject {
        self.phrases.push(format!("matching “{}”", query.trim()));
        self.tags.push(format!("search-{}", slug(query)));
        self
    }

    /// The heading: "Statements about Japan, 2021", "All statements, 2021–2023".
    pub fn heading(&self, years: Option<(u16, u16)>) -> String {
        let mut out = if self.phrases.is_empty() {
            "All statements".to_string()
        } else {
            format!("Statements {}", self.phrases.join(", "))
        };
        match years {
            Some((first, last)) if first == last => out.push_str(&format!(", {first}")),
            Some((first, last)) => out.push_str(&format!(", {first}–{last}")),
            None => {}
        }
        out
    }

    /// The file name without its extension: `agenda-tui-JPN-2021`, `agenda-tui-all-2021-2023`.
    pub fn file_stem(&self, years: Option<(u16, u16)>) -> String {
        let mut parts = vec!["agenda-tui".to_string()];
        let tags: Vec<&String> = self.tags.iter().filter(|t| !t.is_empty()).collect();
        if tags.is_empty() {
            parts.push("all".into());
        } else {
            parts.extend(tags.into_iter().cloned());
        }
        match years {
            Some((first, last)) if first == last => parts.push(first.to_string()),
            Some((first, last)) => parts.push(format!("{first}-{last}")),
            None => {}
        }
        parts.join("-")
    }
}

/// The first and last publication year of the articles of `statements`, when any is dated.
pub fn year_span(corpus: &Corpus, statements: &[u32]) -> Option<(u16, u16)> {
    let years = statements.iter().filter_map(|&s| {
        let statement = corpus.statements.get(s as usize)?;
        let published = corpus.article(&statement.article)?.published.as_deref()?;
        published.get(..4)?.parse::<u16>().ok()
    });
    years.fold(None, |span, year| match span {
        None => Some((year, year)),
        Some((first, last)) => Some((first.min(year), last.max(year))),
    })
}

/// `text` for a file name: letters and digits kept (ASCII upper case kept, as in ids), every
/// other run of characters one `-`, at most 40 characters.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_and_file_name_say_what_was_exported() {
        let japan = Subject::everything().about("Japan", "JPN");
        assert_eq!(
            japan.heading(Some((2021, 2021))),
            "Statements about Japan, 2021"
        );
        assert_eq!(japan.file_stem(Some((2021, 2021))), "agenda-tui-JPN-2021");
        let all = Subject::everything();
        assert_eq!(all.heading(Some((2021, 2023))), "All statements, 2021–2023");
        assert_eq!(all.file_stem(None), "agenda-tui-all");
        let searched = Subject::everything()
            .leader("Moon Jae-in")
            .query("'tokyo ^olymp");
        assert_eq!(
            searched.heading(None),
            "Statements by or naming Moon Jae-in, matching “'tokyo ^olymp”"
        );
        assert_eq!(
            searched.file_stem(None),
            "agenda-tui-Moon-Jae-in-search-tokyo-olymp"
        );
    }

    #[test]
    fn file_names_never_hold_separators_or_controls() {
        let hostile = Subject::everything().topic("../../etc/passwd\u{1b}[2J");
        let stem = hostile.file_stem(None);
        assert_eq!(stem, "agenda-tui-etc-passwd-2J");
        assert!(!stem.contains('/') && !stem.contains('\u{1b}'));
    }

    #[test]
    fn the_year_span_covers_the_dated_articles() {
        let corpus = crate::load::embedded_seed().expect("seed");
        let all: Vec<u32> = (0..corpus.statements.len() as u32).collect();
        assert_eq!(year_span(&corpus, &all), Some((2021, 2021)));
        assert_eq!(year_span(&corpus, &[]), None);
    }
}
