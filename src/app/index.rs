//! The index the left pane shows: its tabs, its rows and items, and the facets (countries,
//! leaders, topics) built once from the corpus.

use crate::dates::PartialDate;
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
    /// The statements spoken by one country or bloc (its position in `Corpus::entities`).
    Speaker(usize),
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
    /// Countries and blocs that speak.
    Speakers,
}

impl IndexTab {
    /// Tabs in display order.
    pub const ALL: [IndexTab; 4] = [
        IndexTab::Countries,
        IndexTab::Leaders,
        IndexTab::Topics,
        IndexTab::Speakers,
    ];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            IndexTab::Countries => "Countries",
            IndexTab::Leaders => "Leaders",
            IndexTab::Topics => "Topics",
            IndexTab::Speakers => "Speakers",
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
                .targets()
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
                .leaders()
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
    // Each phrase as written is keyed once: most statements repeat a phrase already seen.
    let mut written_ids: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
    let mut topic_offsets: Vec<u32> = Vec::with_capacity(count + 1);
    let mut topic_values: Vec<u32> = Vec::new();
    topic_offsets.push(0);
    for statement in &corpus.statements {
        for topic in statement.topics().iter() {
            let id = match written_ids.get(topic.as_str()) {
                Some(&id) => id,
                None => {
                    let key = topic_key(topic);
                    let id = match topic_ids.get(&key) {
                        Some(&id) => id,
                        None => {
                            let shown = topic.split_whitespace().collect::<Vec<_>>().join(" ");
                            topics.push(shown);
                            topic_ids.insert(key, topics.len() as u32 - 1);
                            topics.len() as u32 - 1
                        }
                    };
                    written_ids.insert(topic.as_str(), id);
                    id
                }
            };
            topic_values.push(id);
        }
        topic_offsets.push(topic_values.len() as u32);
    }
    let facet = Facet::build(count, topics.len(), |s, out| {
        out.extend_from_slice(
            &topic_values[topic_offsets[s] as usize..topic_offsets[s + 1] as usize],
        )
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

/// The country or bloc that speaks each statement.
pub(super) fn speaker_facet(corpus: &Corpus) -> Facet {
    Facet::build(corpus.statements.len(), corpus.entities.len(), |s, out| {
        out.extend(
            corpus
                .entity_position(&corpus.statements[s].speaker_entity)
                .map(|p| p as u32),
        );
    })
}

/// The date of each article (when it has a readable one) and the article of each statement
/// (`u32::MAX` when unknown).
pub(super) fn article_dates(corpus: &Corpus) -> (Vec<Option<PartialDate>>, Vec<u32>) {
    let dates = corpus
        .articles
        .iter()
        .map(|a| a.published.as_deref().and_then(PartialDate::parse))
        .collect();
    // Statements come article by article: the previous statement's article is looked up once.
    let mut previous: Option<(&str, u32)> = None;
    let statement_article = corpus
        .statements
        .iter()
        .map(|s| match previous {
            Some((id, position)) if id == s.article.as_str() => position,
            _ => {
                let position = corpus
                    .article_position(&s.article)
                    .map_or(u32::MAX, |a| a as u32);
                previous = Some((s.article.as_str(), position));
                position
            }
        })
        .collect();
    (dates, statement_article)
}

/// The statements of each article.
pub(super) fn article_statements(corpus: &Corpus, statement_article: &[u32]) -> Vec<Vec<u32>> {
    let mut by_article = vec![Vec::new(); corpus.articles.len()];
    for (s, &a) in statement_article.iter().enumerate() {
        if let Some(list) = by_article.get_mut(a as usize) {
            list.push(s as u32);
        }
    }
    by_article
}

/// The statements newest first (dated ones by date, newest first, then undated ones; ties in
/// corpus order), and each statement's place in that order.
pub(super) fn newest_order(
    dates: &[Option<PartialDate>],
    statement_article: &[u32],
) -> (Vec<u32>, Vec<u32>) {
    let key = |s: u32| {
        let date = statement_article
            .get(s as usize)
            .and_then(|&a| dates.get(a as usize).copied().flatten());
        std::cmp::Reverse(date.map_or(0, PartialDate::sort_key))
    };
    let mut order: Vec<u32> = (0..statement_article.len() as u32).collect();
    order.sort_by_key(|&s| key(s));
    let mut rank = vec![0u32; order.len()];
    for (position, &s) in order.iter().enumerate() {
        rank[s as usize] = position as u32;
    }
    (order, rank)
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
