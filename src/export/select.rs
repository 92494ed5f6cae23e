//! Choosing the statements to export: [`ExportFilter`] and [`select`].

use crate::model::{Corpus, Statement};
use std::collections::HashSet;

/// Which statements to export. Every criterion that is set must hold (they combine with "and");
/// with none set, every statement is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportFilter {
    /// An entity the statement is about (one of its `targets`): an entity id, name or alias,
    /// compared without regard to case (`JPN`, `japan`, `Tokyo`).
    pub country: Option<String>,
    /// A leader the statement mentions or who speaks it: a leader's name or alias, compared
    /// without regard to case (`Moon Jae-in`, `moon`).
    pub leader: Option<String>,
    /// Text found, without regard to case, inside one of the statement's topic phrases.
    pub topic: Option<String>,
}

impl ExportFilter {
    /// True when no criterion is set.
    pub fn is_empty(&self) -> bool {
        self.country.is_none() && self.leader.is_none() && self.topic.is_none()
    }

    /// The criteria that name nothing in `corpus` (a country no entity has as id, name or
    /// alias; a leader no leader has as name or alias; a topic found in no topic phrase), each
    /// as a sentence for the user. Empty when every criterion names something.
    pub fn unmatched(&self, corpus: &Corpus) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(country) = &self.country
            && entity_ids(corpus, country).is_empty()
        {
            out.push(format!(
                "no entity has the id, name or alias \"{}\"",
                country.trim()
            ));
        }
        if let Some(leader) = &self.leader
            && leader_names(corpus, leader).is_empty()
        {
            out.push(format!(
                "no leader has the name or alias \"{}\"",
                leader.trim()
            ));
        }
        if let Some(topic) = &self.topic {
            let needle = topic.trim().to_lowercase();
            let found = corpus
                .statements
                .iter()
                .flat_map(|s| s.topics())
                .any(|t| t.to_lowercase().contains(&needle));
            if !found {
                out.push(format!("no topic phrase contains \"{}\"", topic.trim()));
            }
        }
        out
    }
}

/// True when `a` and `b` are equal ignoring case and surrounding spaces.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
}

/// Ids of the entities whose id, name or an alias is `wanted`.
fn entity_ids<'a>(corpus: &'a Corpus, wanted: &str) -> HashSet<&'a str> {
    corpus
        .entities
        .iter()
        .filter(|e| {
            same_name(&e.id, wanted)
                || same_name(&e.name, wanted)
                || e.aliases.iter().any(|a| same_name(a, wanted))
        })
        .map(|e| e.id.as_str())
        .collect()
}

/// Names of the leaders whose name or an alias is `wanted`.
fn leader_names<'a>(corpus: &'a Corpus, wanted: &str) -> HashSet<&'a str> {
    corpus
        .leaders
        .iter()
        .filter(|l| same_name(&l.name, wanted) || l.aliases.iter().any(|a| same_name(a, wanted)))
        .map(|l| l.name.as_str())
        .collect()
}

/// Indices (into `corpus.statements`, in corpus order) of the statements `filter` selects.
pub fn select(corpus: &Corpus, filter: &ExportFilter) -> Vec<u32> {
    let countries = filter.country.as_deref().map(|c| entity_ids(corpus, c));
    let leaders = filter.leader.as_deref().map(|l| leader_names(corpus, l));
    let topic = filter.topic.as_deref().map(|t| t.trim().to_lowercase());
    let keep = |s: &Statement| -> bool {
        let country_ok = countries
            .as_ref()
            .is_none_or(|ids| s.targets().iter().any(|t| ids.contains(t.as_str())));
        let leader_ok = leaders.as_ref().is_none_or(|names| {
            s.leaders().iter().any(|l| names.contains(l.as_str()))
                || s.speaker.as_deref().is_some_and(|sp| names.contains(sp))
        });
        let topic_ok = topic.as_ref().is_none_or(|needle| {
            s.topics()
                .iter()
                .any(|t| t.to_lowercase().contains(needle.as_str()))
        });
        country_ok && leader_ok && topic_ok
    };
    corpus
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| keep(s))
        .filter_map(|(i, _)| u32::try_from(i).ok())
        .collect()
}
