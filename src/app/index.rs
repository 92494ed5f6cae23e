//! The index the left pane shows: its tabs, its rows and items, and the facets (countries,
//! leaders, topics) built once from the corpus.

use crate::model::Corpus;
use std::collections::HashMap;

/// What a row of the left pane stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKey {
    /// Every statement (or, while searching, every match).
    All,
    /// The statements targeting one entity (its position in `Corpus::entities`).
    Entity(usize),
    /// Statements with no target.
    Untargeted,
    /// The statements naming or spoken by one leader (position in `Corpus::leaders`).
    Leader(usize),
    /// The statements tagged with one topic (position in `App::topics`).
    Topic(usize),
}

/// Which index the left pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndexTab {
    /// Countries, blocs and regions the statements are about.
    Countries,
    /// Leaders named in or speaking the statements.
    Leaders,
    /// Topic phrases.
    Topics,
}

impl IndexTab {
    /// Tabs in display order.
    pub const ALL: [IndexTab; 3] = [IndexTab::Countries, IndexTab::Leaders, IndexTab::Topics];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            IndexTab::Countries => "Countries",
            IndexTab::Leaders => "Leaders",
            IndexTab::Topics => "Topics",
        }
    }
}

/// For one kind of value (entities, leaders or topics): the values of every statement in
/// compressed rows, and the statements of every value.
#[derive(Debug, Clone, Default)]
pub(super) struct Facet {
    pub(super) offsets: Vec<u32>,
    pub(super) values: Vec<u32>,
    pub(super) by_value: Vec<Vec<u32>>,
}

impl Facet {
    /// Build from `values_of(statement, out)`, which pushes the value ids of a statement.
    pub(super) fn build(
        statements: usize,
        value_count: usize,
        mut values_of: impl FnMut(usize, &mut Vec<u32>),
    ) -> Self {
        let mut facet = Facet {
            offsets: Vec::with_capacity(statements + 1),
            values: Vec::new(),
            by_value: vec![Vec::new(); value_count],
        };
        facet.offsets.push(0);
        let mut scratch = Vec::new();
        for s in 0..statements {
            scratch.clear();
            values_of(s, &mut scratch);
            scratch.sort_unstable();
            scratch.dedup();
            for &v in &scratch {
                facet.by_value[v as usize].push(s as u32);
            }
            facet.values.extend_from_slice(&scratch);
            facet.offsets.push(facet.values.len() as u32);
        }
        facet
    }

    /// The value ids of statement `s`.
    pub(super) fn of(&self, s: u32) -> &[u32] {
        let s = s as usize;
        match (self.offsets.get(s), self.offsets.get(s + 1)) {
            (Some(&a), Some(&b)) => &self.values[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// One selectable row of the left pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListItem {
    /// What the row selects.
    pub key: ItemKey,
    /// How many statements (or matches) it lists.
    pub count: usize,
}

/// A drawn row of the left pane: a group heading or an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexRow {
    /// A heading such as "Countries"; not selectable.
    Heading(&'static str),
    /// The item at this position of `App::items`.
    Item(usize),
}

/// The entities each statement targets.
pub(super) fn target_facet(corpus: &Corpus) -> Facet {
    Facet::build(corpus.statements.len(), corpus.entities.len(), |s, out| {
        out.extend(
            corpus.statements[s]
                .targets
                .iter()
                .filter_map(|t| corpus.entity_position(t))
                .map(|p| p as u32),
        );
    })
}

/// The leaders each statement mentions or is spoken by.
pub(super) fn leader_facet(corpus: &Corpus) -> Facet {
    Facet::build(corpus.statements.len(), corpus.leaders.len(), |s, out| {
        let statement = &corpus.statements[s];
        out.extend(
            statement
                .leaders
                .iter()
                .chain(statement.speaker.iter())
                .filter_map(|name| corpus.leader_position(name))
                .map(|p| p as u32),
        );
    })
}

/// The distinct topics, in first-seen order, and the topics of each statement. Phrases that
/// differ only by case, spacing or a plural `s` are one topic (see [`topic_key`]), shown as
/// first written (spaces tidied), so its count is the sum of theirs.
pub(super) fn topic_facet(corpus: &Corpus) -> (Vec<String>, Facet) {
    let count = corpus.statements.len();
    let mut topics: Vec<String> = Vec::new();
    let mut topic_ids: HashMap<String, u32> = HashMap::new();
    let mut statement_topics: Vec<Vec<u32>> = Vec::with_capacity(count);
    for statement in &corpus.statements {
        let ids = statement
            .topics
            .iter()
            .map(|topic| {
                let key = topic_key(topic);
                match topic_ids.get(&key) {
                    Some(&id) => id,
                    None => {
                        let shown = topic.split_whitespace().collect::<Vec<_>>().join(" ");
                        topics.push(shown);
                        topic_ids.insert(key, topics.len() as u32 - 1);
                        topics.len() as u32 - 1
                    }
                }
            })
            .collect();
        statement_topics.push(ids);
    }
    let facet = Facet::build(count, topics.len(), |s, out| {
        out.extend_from_slice(&statement_topics[s])
    });
    (topics, facet)
}

/// The form under which topic phrases are merged: lower case, one space between words, and a
/// plural last word made singular (`Sanctions` and `sanction`, `Olympics` and `olympic`,
/// `policies` and `policy`; `crisis`, `press` and `status` stay as they are).
pub(super) fn topic_key(topic: &str) -> String {
    let lower = topic.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    let singular = words.last().map(|last| {
        if let Some(stem) = last.strip_suffix("ies").filter(|s| s.chars().count() >= 2) {
            format!("{stem}y")
        } else if last.chars().count() > 3
            && last.ends_with('s')
            && !["ss", "us", "is"].iter().any(|end| last.ends_with(end))
        {
            last[..last.len() - 1].to_string()
        } else {
            last.to_string()
        }
    });
    if let Some(singular) = &singular {
        words.pop();
        words.push(singular);
    }
    words.join(" ")
}

/// The month of each statement (from its article's date) and the first and last month of the
/// corpus.
pub(super) fn statement_months(corpus: &Corpus) -> (Vec<Option<u32>>, Option<(u32, u32)>) {
    let article_month: Vec<Option<u32>> = corpus
        .articles
        .iter()
        .map(|a| a.published.as_deref().and_then(super::month_of))
        .collect();
    let statement_month = corpus
        .statements
        .iter()
        .map(|s| {
            corpus
                .article_position(&s.article)
                .and_then(|a| article_month[a])
        })
        .collect();
    let months = article_month.iter().flatten();
    let month_span = months
        .clone()
        .min()
        .zip(months.max())
        .map(|(a, b)| (*a, *b));
    (statement_month, month_span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_merge_across_case_spacing_and_plural() {
        assert_eq!(topic_key("Sanctions"), "sanction");
        assert_eq!(topic_key("  sanction "), "sanction");
        assert_eq!(topic_key("Tokyo  Olympics"), "tokyo olympic");
        assert_eq!(topic_key("energy policies"), "energy policy");
        assert_eq!(topic_key("climate crisis"), "climate crisis");
        assert_eq!(topic_key("freedom of the press"), "freedom of the press");
        assert_eq!(topic_key("gas"), "gas");
    }
}
