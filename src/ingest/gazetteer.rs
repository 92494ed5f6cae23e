//! Gazetteers: entities (countries, blocs, regions), phrases (cues and blockers), leaders, topics
//! and boilerplate cues, read from tab-separated files.
//!
//! The shipped files in `data/` are embedded in the binary; `--gazetteer PATH` adds more. The
//! formats are documented in `docs/ingest.md` and in the comment lines at the top of each file.

use crate::model::EntityKind;
use std::collections::HashMap;

const ENTITIES_TSV: &str = include_str!("../../data/gazetteer/entities.tsv");
const PHRASES_TSV: &str = include_str!("../../data/gazetteer/phrases.tsv");
const LEADERS_TSV: &str = include_str!("../../data/gazetteer/leaders.tsv");
const TOPICS_TSV: &str = include_str!("../../data/topics.tsv");
const BOILERPLATE_TSV: &str = include_str!("../../data/boilerplate.tsv");

/// A country, bloc or region known to the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityEntry {
    /// Entity id (ISO alpha-3 or an upper-case bloc/region id).
    pub id: String,
    /// Country, bloc, region or global.
    pub kind: EntityKind,
    /// Display name.
    pub name: String,
    /// Common and formal names and abbreviations.
    pub names: Vec<String>,
    /// Adjectives and nouns for the people ("Chinese", "South Korean").
    pub demonyms: Vec<String>,
    /// Capitals and seats of government, used as metonyms for the government.
    pub capitals: Vec<String>,
    /// Ids of the states this one continues (the Russian Federation continues the Soviet
    /// Union's UN membership): the same party when one speaks of the other.
    pub continues: Vec<String>,
    /// The date (`YYYY-MM-DD`) from which the state is this one and no longer the one it
    /// continues: a speech of Russia's before 1991-12-26 was the Soviet Union's.
    pub since: Option<String>,
}

/// A phrase that maps to entity ids, or blocks a shorter name (no ids).
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseEntry {
    /// The phrase as written.
    pub phrase: String,
    /// Entity ids it counts for; empty for a blocker.
    pub targets: Vec<String>,
    /// Also match the lower-case and capitalised forms.
    pub case_insensitive: bool,
    /// Counts only in a text that names one of its targets otherwise ("North-South" is Korea's
    /// only beside Korea; in a speech on trade it is the rich and the poor countries).
    pub needs_context: bool,
}

/// A head of state or government or a foreign minister, with the term of office.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderEntry {
    /// Full name.
    pub name: String,
    /// Entity id of the country or organisation.
    pub country: String,
    /// Office, e.g. "President".
    pub role: String,
    /// First day in office, `YYYY-MM-DD`, when known.
    pub from: Option<String>,
    /// Last day in office, `YYYY-MM-DD`; `None` while in office.
    pub to: Option<String>,
    /// Other names (surnames, titles with surnames).
    pub aliases: Vec<String>,
}

impl LeaderEntry {
    /// True when the leader was in office on `date` (`YYYY-MM-DD`; string order is date order).
    pub fn in_office_on(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|from| from <= date)
            && self.to.as_deref().is_none_or(|to| date <= to)
    }
}

/// A topic of the lexicon and the cues that signal it.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicEntry {
    /// Short topic phrase.
    pub topic: String,
    /// Words and phrases that signal the topic (case-insensitive).
    pub cues: Vec<String>,
}

/// What a boilerplate cue does to the line it is found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoilerplateAction {
    /// Drop the line.
    Line,
    /// Drop the line and everything after it, once the article body has started.
    Footer,
}

/// All gazetteers the pipeline uses.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Countries, blocs and regions (plus `GLOBAL`).
    pub entities: Vec<EntityEntry>,
    /// Cues and blockers.
    pub phrases: Vec<PhraseEntry>,
    /// Leaders with their terms.
    pub leaders: Vec<LeaderEntry>,
    /// The topic lexicon.
    pub topics: Vec<TopicEntry>,
    /// Lower-case boilerplate cues.
    pub boilerplate: Vec<(BoilerplateAction, String)>,
    index: HashMap<String, usize>,
}

/// A gazetteer file that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct GazetteerError {
    /// The file, as given.
    pub file: String,
    /// 1-based line number, 0 for the whole file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for GazetteerError {}

/// Which table a gazetteer file holds, decided by its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// `id kind name names demonyms capitals`.
    Entities,
    /// `phrase targets case`.
    Phrases,
    /// `name country role from to aliases`.
    Leaders,
    /// `topic cues`.
    Topics,
    /// `kind phrase`.
    Boilerplate,
}

impl TableKind {
    /// The table a file holds: a name containing "leaders", "phrases", "topics" or "boilerplate"
    /// selects that table; anything else holds entities.
    pub fn from_file_name(name: &str) -> TableKind {
        let lower = name.to_lowercase();
        if lower.contains("leaders") {
            TableKind::Leaders
        } else if lower.contains("phrases") {
            TableKind::Phrases
        } else if lower.contains("topics") {
            TableKind::Topics
        } else if lower.contains("boilerplate") {
            TableKind::Boilerplate
        } else {
            TableKind::Entities
        }
    }
}

fn split_list(field: Option<&&str>) -> Vec<String> {
    field
        .map(|f| {
            f.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn optional_date(field: Option<&&str>) -> Option<String> {
    field
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
        .map(str::to_string)
}

fn parse_kind(kind: &str) -> Option<EntityKind> {
    match kind.trim() {
        "country" => Some(EntityKind::Country),
        "bloc" => Some(EntityKind::Bloc),
        "region" => Some(EntityKind::Region),
        "global" => Some(EntityKind::Global),
        _ => None,
    }
}

impl Gazetteer {
    /// The gazetteers shipped in `data/`, embedded in the binary.
    pub fn builtin() -> Gazetteer {
        let mut gazetteer = Gazetteer::default();
        gazetteer.add_entity(EntityEntry {
            id: "GLOBAL".into(),
            kind: EntityKind::Global,
            name: "Global issues".into(),
            names: Vec::new(),
            demonyms: Vec::new(),
            capitals: Vec::new(),
            continues: Vec::new(),
            since: None,
        });
        let shipped = [
            (
                "data/gazetteer/entities.tsv",
                TableKind::Entities,
                ENTITIES_TSV,
            ),
            (
                "data/gazetteer/phrases.tsv",
                TableKind::Phrases,
                PHRASES_TSV,
            ),
            (
                "data/gazetteer/leaders.tsv",
                TableKind::Leaders,
                LEADERS_TSV,
            ),
            ("data/topics.tsv", TableKind::Topics, TOPICS_TSV),
            (
                "data/boilerplate.tsv",
                TableKind::Boilerplate,
                BOILERPLATE_TSV,
            ),
        ];
        for (file, kind, text) in shipped {
            // The shipped tables are checked by the unit tests, so an error here cannot happen in
            // a tested build; any row that did fail would simply be skipped.
            let _ = gazetteer.add_table(file, kind, text);
        }
        gazetteer
    }

    /// Read an extra gazetteer file (the table is chosen by [`TableKind::from_file_name`]).
    pub fn add_file(&mut self, path: &std::path::Path) -> Result<(), GazetteerError> {
        let file = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| GazetteerError {
            file: file.clone(),
            line: 0,
            message: format!("cannot read gazetteer: {e}"),
        })?;
        let text = String::from_utf8(bytes).map_err(|_| GazetteerError {
            file: file.clone(),
            line: 0,
            message: "gazetteer is not valid UTF-8".into(),
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.add_table(&file, TableKind::from_file_name(&name), &text)
    }

    /// Parse one table and add its rows. Entity rows with a known id add names to that entity.
    pub fn add_table(
        &mut self,
        file: &str,
        kind: TableKind,
        text: &str,
    ) -> Result<(), GazetteerError> {
        for (number, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let error = |message: &str| GazetteerError {
                file: file.to_string(),
                line: number + 1,
                message: message.to_string(),
            };
            let first = fields.first().map(|f| f.trim()).unwrap_or_default();
            if first.is_empty() {
                return Err(error("empty first column"));
            }
            match kind {
                TableKind::Entities => {
                    let entity_kind =
                        fields.get(1).and_then(|k| parse_kind(k)).ok_or_else(|| {
                            error("second column must be country, bloc, region or global")
                        })?;
                    let name = fields.get(2).map(|n| n.trim()).unwrap_or_default();
                    if name.is_empty() {
                        return Err(error("missing name (third column)"));
                    }
                    let entry = EntityEntry {
                        id: first.to_string(),
                        kind: entity_kind,
                        name: name.to_string(),
                        names: split_list(fields.get(3)),
                        demonyms: split_list(fields.get(4)),
                        capitals: split_list(fields.get(5)),
                        continues: split_list(fields.get(6)),
                        since: match fields.get(7).map(|d| d.trim()).filter(|d| !d.is_empty()) {
                            Some(date) if crate::model::is_valid_published(date) => {
                                Some(date.to_string())
                            }
                            Some(_) => {
                                return Err(error(
                                    "eighth column (since) must be a date YYYY, YYYY-MM or YYYY-MM-DD",
                                ));
                            }
                            None => None,
                        },
                    };
                    self.add_entity(entry);
                }
                TableKind::Phrases => {
                    let targets = match fields.get(1).map(|t| t.trim()) {
                        Some("-") => Vec::new(),
                        Some(t) if !t.is_empty() => split_list(Some(&t)),
                        _ => return Err(error("missing targets (second column, '-' for none)")),
                    };
                    let case_insensitive = fields.get(2).map(|c| c.trim()) == Some("ci");
                    let needs_context = match fields.get(3).map(|c| c.trim()) {
                        None | Some("") => false,
                        Some("context") => true,
                        Some(_) => return Err(error("fourth column must be 'context' or empty")),
                    };
                    self.phrases.push(PhraseEntry {
                        phrase: first.to_string(),
                        targets,
                        case_insensitive,
                        needs_context,
                    });
                }
                TableKind::Leaders => {
                    let country = fields.get(1).map(|c| c.trim()).unwrap_or_default();
                    let role = fields.get(2).map(|r| r.trim()).unwrap_or_default();
                    if country.is_empty() || role.is_empty() {
                        return Err(error("a leader needs name, country and role"));
                    }
                    self.leaders.push(LeaderEntry {
                        name: first.to_string(),
                        country: country.to_string(),
                        role: role.to_string(),
                        from: optional_date(fields.get(3)),
                        to: optional_date(fields.get(4)),
                        aliases: split_list(fields.get(5)),
                    });
                }
                TableKind::Topics => {
                    let cues = split_list(fields.get(1));
                    if cues.is_empty() {
                        return Err(error("a topic needs cues (second column)"));
                    }
                    self.topics.push(TopicEntry {
                        topic: first.to_string(),
                        cues,
                    });
                }
                TableKind::Boilerplate => {
                    let action = match first {
                        "line" => BoilerplateAction::Line,
                        "footer" => BoilerplateAction::Footer,
                        _ => return Err(error("first column must be line or footer")),
                    };
                    let phrase = fields.get(1).map(|p| p.trim()).unwrap_or_default();
                    if phrase.is_empty() {
                        return Err(error("missing phrase (second column)"));
                    }
                    self.boilerplate.push((action, phrase.to_lowercase()));
                }
            }
        }
        Ok(())
    }

    fn add_entity(&mut self, entry: EntityEntry) {
        match self.index.get(&entry.id) {
            Some(&i) => {
                let existing = &mut self.entities[i];
                existing.names.extend(entry.names);
                existing.names.push(entry.name);
                existing.demonyms.extend(entry.demonyms);
                existing.capitals.extend(entry.capitals);
                existing.continues.extend(entry.continues);
                if entry.since.is_some() {
                    existing.since = entry.since;
                }
            }
            None => {
                self.index.insert(entry.id.clone(), self.entities.len());
                self.entities.push(entry);
            }
        }
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&EntityEntry> {
        self.index.get(id).map(|&i| &self.entities[i])
    }

    /// Whether two ids are one party: the same id, or a state and the state it continues
    /// (`RUS` and `SUN`), so that neither is a target of the other's statements.
    pub fn same_party(&self, a: &str, b: &str) -> bool {
        let continues = |x: &str, y: &str| {
            self.entity(x)
                .is_some_and(|e| e.continues.iter().any(|c| c == y))
        };
        a == b || continues(a, b) || continues(b, a)
    }

    /// The state that `id` continues when `published` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) falls
    /// before the date it became itself: Russia (`RUS`, since 1991-12-26) speaking in 1974 is
    /// the Soviet Union (`SUN`). `None` when the date is not surely earlier (a year alone that is
    /// the year of the change) or the state has no single predecessor.
    pub fn predecessor_at(&self, id: &str, published: &str) -> Option<&str> {
        let entity = self.entity(id)?;
        let since = entity.since.as_deref()?;
        let [predecessor] = entity.continues.as_slice() else {
            return None;
        };
        let precision = published.len().min(since.len());
        let before = published.get(..precision)? < since.get(..precision)?;
        before.then_some(predecessor.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_tables_parse_without_errors() {
        let mut gazetteer = Gazetteer::default();
        for (kind, text) in [
            (TableKind::Entities, ENTITIES_TSV),
            (TableKind::Phrases, PHRASES_TSV),
            (TableKind::Leaders, LEADERS_TSV),
            (TableKind::Topics, TOPICS_TSV),
            (TableKind::Boilerplate, BOILERPLATE_TSV),
        ] {
            gazetteer
                .add_table("shipped", kind, text)
                .expect("shipped table");
        }
    }

    #[test]
    fn a_state_and_the_state_it_continues_are_one_party() {
        let gazetteer = Gazetteer::builtin();
        assert!(gazetteer.same_party("RUS", "SUN"));
        assert!(gazetteer.same_party("SUN", "RUS"));
        assert!(gazetteer.same_party("JPN", "JPN"));
        assert!(!gazetteer.same_party("UKR", "SUN"));
        assert!(!gazetteer.same_party("RUS", "UKR"));
    }

    #[test]
    fn a_state_before_the_date_it_became_itself_is_its_predecessor() {
        let gazetteer = Gazetteer::builtin();
        assert_eq!(gazetteer.predecessor_at("RUS", "1974"), Some("SUN"));
        assert_eq!(gazetteer.predecessor_at("RUS", "1991-09-24"), Some("SUN"));
        // The year of the change alone does not say which side of it the text is.
        assert_eq!(gazetteer.predecessor_at("RUS", "1991"), None);
        assert_eq!(gazetteer.predecessor_at("RUS", "1992"), None);
        assert_eq!(gazetteer.predecessor_at("RUS", "1991-12-26"), None);
        assert_eq!(gazetteer.predecessor_at("FRA", "1950"), None);
        assert_eq!(gazetteer.predecessor_at("XXX", "1950"), None);
    }

    #[test]
    fn a_since_that_is_not_a_date_is_a_located_error() {
        let mut gazetteer = Gazetteer::default();
        let table = "XRU\tcountry\tX\t\t\t\tSUN\tlast year\n";
        let err = gazetteer
            .add_table("extra.tsv", TableKind::Entities, table)
            .expect_err("not a date");
        let message = err.to_string();
        assert!(
            message.contains("extra.tsv") && message.contains("since"),
            "{message}"
        );
    }

    #[test]
    fn every_un_member_observer_territory_and_historical_state_is_there() {
        let gazetteer = Gazetteer::builtin();
        let countries = gazetteer
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Country)
            .count();
        // UN members, two observers, Taiwan, Kosovo and Western Sahara, five historical states.
        assert_eq!(countries, 193 + 2 + 3 + 5);
        for id in [
            "TWN", "XKX", "ESH", "PSE", "VAT", "KOR", "PRK", "USA", "GBR", "CHN",
        ] {
            assert!(gazetteer.entity(id).is_some(), "{id}");
        }
        for id in [
            "ASEAN",
            "EU",
            "UN",
            "NATO",
            "G7",
            "G20",
            "AU",
            "INDO_PACIFIC",
            "NORTHEAST_ASIA",
            "ASIA",
            "MIDDLE_EAST",
            "EUROPE",
            "AFRICA",
            "LATIN_AMERICA",
            "PACIFIC_ISLANDS",
            "GLOBAL",
        ] {
            assert!(gazetteer.entity(id).is_some(), "{id}");
        }
    }

    #[test]
    fn phrases_and_leaders_and_topics_are_loaded() {
        let gazetteer = Gazetteer::builtin();
        assert!(
            gazetteer
                .phrases
                .iter()
                .any(|p| p.phrase == "South China Sea" && p.targets.is_empty())
        );
        assert!(gazetteer.leaders.iter().any(|l| l.name == "Moon Jae-in"));
        assert!(gazetteer.topics.iter().any(|t| t.topic == "sanctions"));
        assert!(!gazetteer.boilerplate.is_empty());
    }

    #[test]
    fn extra_entity_rows_merge_into_known_ids() {
        let mut gazetteer = Gazetteer::builtin();
        gazetteer
            .add_table(
                "extra",
                TableKind::Entities,
                "KOR\tcountry\tHanguk\t\t\tSejong\n",
            )
            .expect("extra");
        let korea = gazetteer.entity("KOR").expect("KOR");
        assert!(korea.names.contains(&"Hanguk".to_string()));
        assert!(korea.capitals.contains(&"Sejong".to_string()));
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let mut gazetteer = Gazetteer::default();
        let err = gazetteer
            .add_table("x.tsv", TableKind::Entities, "# c\nFOO\tplanet\tFoo\n")
            .expect_err("bad kind");
        assert_eq!(err.line, 2);
        assert!(err.to_string().starts_with("x.tsv:2:"));
    }

    #[test]
    fn terms_resolve_by_date() {
        let gazetteer = Gazetteer::builtin();
        let moon = gazetteer
            .leaders
            .iter()
            .find(|l| l.name == "Moon Jae-in")
            .expect("moon");
        assert!(moon.in_office_on("2021-01-21"));
        assert!(!moon.in_office_on("2023-01-01"));
    }
}
