//! Stage 3, entities: find countries, blocs, regions and `GLOBAL` cues with the gazetteers.
//!
//! All names are matched in one aho-corasick pass over the body; among overlapping matches that
//! sit on word boundaries the leftmost, then longest wins ("South Korea" over "Korea"; the blocker
//! "South China Sea" over "China"). Capitals used as venues ("in Seoul") or in event names
//! ("Tokyo Olympics") and blocs named as the occasion of a meeting ("on the sidelines of the
//! NATO meeting") are marked as venues, which are not targets.

use super::gazetteer::Gazetteer;
use super::{char_after, char_before};
use crate::model::EntityKind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// How an entity is named in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// A name, formal name or abbreviation ("South Korea", "ROK").
    Name,
    /// A demonym ("Chinese", "South Korean").
    Demonym,
    /// A capital or seat of government ("Seoul", "the White House").
    Capital,
    /// A phrase from the phrase table: a cue ("climate change") or a blocker.
    Phrase,
}

#[derive(Debug, Clone)]
struct PatternInfo {
    targets: Vec<String>,
    form: NameForm,
    bloc: bool,
    /// Counts only beside another mention of one of its targets.
    needs_context: bool,
}

/// One entity mention in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the match.
    pub start: usize,
    /// Byte offset one past the match.
    pub end: usize,
    /// Which gazetteer pattern matched.
    pattern: usize,
    /// How the entity is named.
    pub form: NameForm,
    /// A venue or event name: not a target.
    pub venue: bool,
}

/// The compiled entity gazetteer.
#[derive(Debug, Clone)]
pub struct EntityMatcher {
    automaton: AhoCorasick,
    patterns: Vec<PatternInfo>,
    kinds: HashMap<String, EntityKind>,
}

/// Error building the matcher (only when the gazetteer has no usable names).
#[derive(Debug, Clone, PartialEq)]
pub struct MatcherError(pub String);

impl std::fmt::Display for MatcherError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot build the gazetteer matcher: {}", self.0)
    }
}

impl std::error::Error for MatcherError {}

fn capitalised(phrase: &str) -> String {
    let mut chars = phrase.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

const VENUE_WORDS: &[&str] = &["in", "In", "at", "At"];
/// Nouns for a government that make "in" + capital the government, not a venue ("the regime in
/// Pretoria", "the authorities in Hanoi", "the Government in Phnom Penh").
const GOVERNMENT_NOUNS: &[&str] = &[
    "regime",
    "regimes",
    "Government",
    "government",
    "authorities",
    "rulers",
    "leadership",
    "junta",
    "administration",
];
const EVENT_WORDS: &[&str] = &[
    "Olympics",
    "Olympic",
    "Games",
    "Expo",
    "Marathon",
    "Declaration",
    "Process",
    "process",
    "Charter",
    "Agreement",
    "Accord",
    "Treaty",
    "Conference",
    "Forum",
    "Summit",
    "Accords",
    "Convention",
    "Protocol",
    "Consensus",
    "Platform",
    "Plan",
    "Programme",
    "Program",
    "Talks",
    "Round",
    "talks",
    "negotiations",
    "conference",
    "summit",
    "agreement",
    "agreements",
    "accord",
    "accords",
    "round",
    "consensus",
];

/// Phrases after which a bloc names the occasion of a meeting, not a target.
const OCCASION_CUES: &[&str] = &[
    "Addressing",
    "addressing",
    "speaking at",
    "Speaking at",
    "here at",
    "Through",
    "through",
    "sidelines of",
    "margins of",
    "margin of",
    "on the occasion of",
];

/// Words that make "in"/"at" + a country's name the place of an event, not a party to it ("the
/// XIII International AIDS Conference in South Africa", "a summit held in Japan", "told a news
/// conference in India"); at most four words away. Not verbs: "the coup organized in Chile"
/// and "what took place in Chile" are about Chile.
const HOSTED_EVENT_WORDS: &[&str] = &[
    "conference",
    "conferences",
    "summit",
    "summits",
    "meeting",
    "meetings",
    "session",
    "forum",
    "ceremony",
    "congress",
    "games",
    "olympics",
    "expo",
    "briefing",
];

/// Nouns that make a demonym before them a people, not its government ("the Croatian
/// civilian populations", "the Albanian, Hungarian and Serbian communities").
const PEOPLE_NOUNS: &[&str] = &[
    "population",
    "populations",
    "community",
    "communities",
    "minority",
    "minorities",
    "nationals",
    "civilians",
    "refugees",
    "diaspora",
    "language",
];

/// Words that may stand between a demonym and a people noun.
const PEOPLE_LINKS: &[&str] = &[
    "and", "or", "other", "civilian", "ethnic", "national", "local",
];

/// True when the words after a demonym (through a list of demonyms) reach a people noun.
fn names_a_people(text: &str, end: usize) -> bool {
    let mut to = (end + 80).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let clause = text[end..to]
        .split(['.', ';', ':', '(', ')', '\n'])
        .next()
        .unwrap_or_default();
    for word in clause
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        if PEOPLE_NOUNS.contains(&word) {
            return true;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if !(capitalised || PEOPLE_LINKS.contains(&word)) {
            return false;
        }
    }
    false
}

/// Nouns that make "a"/"an" and a demonym one person or craft of that nationality, not its
/// government ("a Mozambican man", "a Malaysian passenger plane").
const INDIVIDUAL_NOUNS: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "child",
    "national",
    "citizen",
    "passenger",
    "tourist",
    "student",
    "intellectual",
    "philosopher",
    "thinker",
    "writer",
    "poet",
    "novelist",
    "author",
    "journalist",
    "scientist",
    "scholar",
    "professor",
    "historian",
    "economist",
    "artist",
    "friend",
    "plane",
    "airliner",
    "aircraft",
];

/// True for "a Mozambican man", "an Australian citizen", "a Malaysian passenger plane": the
/// indefinite article before the demonym and an individual noun within its next two words.
fn names_one_of_them(text: &str, mention: &Mention) -> bool {
    matches!(previous_word(text, mention.start), "a" | "an")
        && text[mention.end..]
            .split(' ')
            .skip(1)
            .take(2)
            .any(|w| INDIVIDUAL_NOUNS.contains(&w.trim_end_matches([',', '.', ';'])))
}

/// Words right after a place that make it the place of a meeting.
const TRIP_PURPOSES: &[&str] = &[
    " to meet ",
    " for talks with",
    " for a meeting with",
    " for meetings with",
];

fn previous_word(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end_matches([' ', '\t', '\n']);
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// Whether the name starting at `at` follows "in"/"at" that follows, within four words of
/// the same clause, a word of `HOSTED_EVENT_WORDS`.
fn hosts_an_event(text: &str, at: usize) -> bool {
    let venue_word = previous_word(text, at);
    if venue_word != "in" && venue_word != "at" {
        return false;
    }
    let head = text[..at].trim_end_matches([' ', '\t', '\n']);
    let clause = &head[..head.len() - venue_word.len()];
    let clause = clause
        .rsplit([',', '.', ';', ':', '(', '"', '“'])
        .next()
        .unwrap_or(clause);
    clause.split_whitespace().rev().take(4).any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        HOSTED_EVENT_WORDS
            .iter()
            .any(|event| event.eq_ignore_ascii_case(word))
    })
}

fn following_word(text: &str, at: usize) -> &str {
    let tail = text[at..].trim_start_matches([' ', '\t']);
    let end = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

impl EntityMatcher {
    /// Compile the entity names, demonyms, capitals and phrases of a gazetteer.
    pub fn new(gazetteer: &Gazetteer) -> Result<EntityMatcher, MatcherError> {
        let mut strings: Vec<String> = Vec::new();
        let mut patterns: Vec<PatternInfo> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        // A name with an apostrophe is also written with the typographic one ("People’s").
        let mut add =
            |text: &str, targets: &[String], form: NameForm, bloc: bool, needs_context: bool| {
                let text = text.trim();
                if text.is_empty() {
                    return;
                }
                let typographic = text.contains('\'').then(|| text.replace('\'', "’"));
                for text in std::iter::once(text).chain(typographic.as_deref()) {
                    match seen.get(text) {
                        Some(&i) => {
                            let info: &mut PatternInfo = &mut patterns[i];
                            for t in targets {
                                if !info.targets.contains(t) {
                                    info.targets.push(t.clone());
                                }
                            }
                        }
                        None => {
                            seen.insert(text.to_string(), strings.len());
                            strings.push(text.to_string());
                            patterns.push(PatternInfo {
                                targets: targets.to_vec(),
                                form,
                                bloc,
                                needs_context,
                            });
                        }
                    }
                }
            };
        for entity in &gazetteer.entities {
            let ids = [entity.id.clone()];
            let bloc = entity.kind == EntityKind::Bloc;
            add(&entity.name, &ids, NameForm::Name, bloc, false);
            for name in &entity.names {
                add(name, &ids, NameForm::Name, bloc, false);
            }
            for demonym in &entity.demonyms {
                add(demonym, &ids, NameForm::Demonym, bloc, false);
            }
            for capital in &entity.capitals {
                add(capital, &ids, NameForm::Capital, bloc, false);
            }
        }
        for phrase in &gazetteer.phrases {
            let context = phrase.needs_context;
            add(
                &phrase.phrase,
                &phrase.targets,
                NameForm::Phrase,
                false,
                context,
            );
            if phrase.case_insensitive {
                let lower = phrase.phrase.to_lowercase();
                add(&lower, &phrase.targets, NameForm::Phrase, false, context);
                let upper = capitalised(&phrase.phrase);
                add(&upper, &phrase.targets, NameForm::Phrase, false, context);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&strings)
            .map_err(|e| MatcherError(e.to_string()))?;
        let kinds = gazetteer
            .entities
            .iter()
            .map(|e| (e.id.clone(), e.kind))
            .collect();
        Ok(EntityMatcher {
            automaton,
            patterns,
            kinds,
        })
    }

    /// The kind of an entity id, when the gazetteer knows it.
    pub fn kind(&self, id: &str) -> Option<EntityKind> {
        self.kinds.get(id).copied()
    }

    /// True for countries and blocs: the targets that context carries to later sentences.
    pub fn is_carried(&self, id: &str) -> bool {
        matches!(
            self.kind(id),
            Some(EntityKind::Country | EntityKind::Bloc) | None
        )
    }

    /// The entity ids a mention counts for (empty for blockers).
    pub fn targets(&self, mention: &Mention) -> &[String] {
        &self.patterns[mention.pattern].targets
    }

    /// All mentions in `text`, in order, non-overlapping, leftmost-longest on word boundaries.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (start, mut end, pattern) = (m.start(), m.end(), m.pattern().as_usize());
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            if char_before(text, start).is_some_and(char::is_alphanumeric) {
                continue;
            }
            let info = &self.patterns[pattern];
            if info.form == NameForm::Demonym
                && char_after(text, end) == Some('s')
                && !char_after(text, end + 1).is_some_and(char::is_alphanumeric)
            {
                end += 1;
            }
            if char_after(text, end).is_some_and(char::is_alphanumeric) {
                continue;
            }
            candidates.push((start, end, pattern));
        }
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut mentions: Vec<Mention> = Vec::new();
        let mut covered_to = 0;
        for (start, end, pattern) in candidates {
            if start < covered_to {
                continue;
            }
            covered_to = end;
            let info = &self.patterns[pattern];
            let mut mention = Mention {
                start,
                end,
                pattern,
                form: info.form,
                venue: false,
            };
            mention.venue = self.is_venue(text, &mention, mentions.last());
            mentions.push(mention);
        }
        // "North-South" is Korea's only in a text that names Korea otherwise.
        let named: Vec<&String> = mentions
            .iter()
            .filter(|m| !self.patterns[m.pattern].needs_context)
            .flat_map(|m| &self.patterns[m.pattern].targets)
            .collect();
        mentions.retain(|m| {
            let info = &self.patterns[m.pattern];
            !info.needs_context || info.targets.iter().any(|t| named.contains(&t))
        });
        mentions
    }

    fn is_venue(&self, text: &str, mention: &Mention, previous: Option<&Mention>) -> bool {
        let info = &self.patterns[mention.pattern];
        // "travelled to Singapore to meet", "flew to Geneva for talks with": where a meeting
        // happens, not whom it is about.
        let after = &text[mention.end..];
        if TRIP_PURPOSES
            .iter()
            .any(|purpose| after.starts_with(purpose))
        {
            return true;
        }
        if info.form == NameForm::Capital {
            // "the Vienna talks", "the Oslo Accords": an event named after a city; "the
            // Seoul-Tokyo talks" are between the two governments.
            let joined = |c: Option<char>| matches!(c, Some('-' | '–' | '—' | '/'));
            if EVENT_WORDS.contains(&following_word(text, mention.end))
                && !joined(text[..mention.start].chars().next_back())
                && !joined(text[mention.end..].chars().next())
            {
                return true;
            }
            let venue_word = previous_word(text, mention.start);
            if VENUE_WORDS.contains(&venue_word) {
                let word_start = text[..mention.start]
                    .trim_end_matches([' ', '\t', '\n'])
                    .len()
                    - venue_word.len();
                if !GOVERNMENT_NOUNS.contains(&previous_word(text, word_start)) {
                    return true;
                }
            }
            // "the Charter of Paris", "the Treaty of Rome": a document named after a city.
            let before = text[..mention.start].trim_end();
            if let Some(head) = before.strip_suffix(" of")
                && EVENT_WORDS.contains(&previous_word(text, head.len()))
            {
                return true;
            }
            if let Some(prev) = previous
                && prev.venue
                && prev.form == NameForm::Capital
                && mention.start >= prev.end
                && mention.start - prev.end <= 6
            {
                let between = text[prev.end..mention.start].trim();
                if between == "," || between == "and" || between == ", and" {
                    return true;
                }
            }
        }
        if info.form == NameForm::Name && !info.bloc && hosts_an_event(text, mention.start) {
            return true;
        }
        if info.form == NameForm::Demonym
            && (names_a_people(text, mention.end)
                || names_one_of_them(text, mention)
                || previous_word(text, mention.start) == "fellow")
        {
            return true;
        }
        if info.bloc {
            let mut from = mention.start.saturating_sub(60);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let window = &text[from..mention.start];
            let occasion = OCCASION_CUES
                .iter()
                .filter_map(|cue| window.rfind(cue).map(|pos| pos + cue.len()))
                .max();
            if let Some(cue_end) = occasion {
                let between = &window[cue_end..];
                if !between.contains([',', '.', ';']) && between.split_whitespace().count() <= 4 {
                    return true;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets_of(text: &str) -> Vec<(String, bool)> {
        let matcher = EntityMatcher::new(&Gazetteer::builtin()).expect("matcher");
        matcher
            .find(text)
            .iter()
            .flat_map(|m| {
                matcher
                    .targets(m)
                    .iter()
                    .map(|t| (t.clone(), m.venue))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    fn ids(text: &str) -> Vec<String> {
        targets_of(text)
            .into_iter()
            .filter(|(_, venue)| !venue)
            .map(|(id, _)| id)
            .collect()
    }

    #[test]
    fn longest_match_wins_and_blockers_block() {
        assert_eq!(ids("South Korea and North Korea"), vec!["KOR", "PRK"]);
        assert_eq!(ids("patrols in the South China Sea"), Vec::<String>::new());
        assert_eq!(ids("the Korean Peninsula situation"), vec!["PRK"]);
        assert_eq!(ids("inter-Korean talks"), vec!["PRK", "KOR"]);
        assert_eq!(
            ids("the North-South dialogue on trade"),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("Pyongyang and the North-South talks"),
            vec!["PRK", "PRK", "KOR"]
        );
        assert_eq!(ids("evil in the world"), Vec::<String>::new());
        assert_eq!(ids("a more peaceful world"), vec!["GLOBAL"]);
        assert_eq!(ids("the intention of the Assembly"), vec!["UN"]);
        assert_eq!(ids("The General Assembly must act"), vec!["UN"]);
        assert_eq!(
            ids("at this session of the General Assembly"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn names_with_an_apostrophe_match_either_apostrophe() {
        assert_eq!(
            ids("the Democratic People's Republic of Korea"),
            vec!["PRK"]
        );
        assert_eq!(
            ids("the Democratic People’s Republic of Korea"),
            vec!["PRK"]
        );
        assert_eq!(ids("the Group of 77 and China"), Vec::<String>::new());
        assert_eq!(ids("the unity of the Arab nation"), vec!["MIDDLE_EAST"]);
    }

    #[test]
    fn abbreviations_demonyms_and_capitals() {
        assert_eq!(ids("U.S. President and the ROK side"), vec!["USA", "KOR"]);
        assert_eq!(ids("Chinese President Xi"), vec!["CHN"]);
        assert_eq!(ids("the Seoul-Washington alliance"), vec!["KOR", "USA"]);
        assert_eq!(ids("Americans and Japan’s"), vec!["USA", "JPN"]);
        assert_eq!(
            ids("the USA, the UK and the PRC"),
            vec!["USA", "GBR", "CHN"]
        );
    }

    #[test]
    fn word_boundaries_are_respected() {
        assert_eq!(ids("USAID and Chinatown"), Vec::<String>::new());
        assert_eq!(ids("Omani and Indians"), vec!["OMN", "IND"]);
    }

    #[test]
    fn venues_are_not_targets() {
        assert_eq!(ids("progress at the Vienna talks"), Vec::<String>::new());
        assert_eq!(ids("the Seoul-Tokyo talks"), vec!["KOR", "JPN"]);
        assert_eq!(
            ids("a talk with a French intellectual"),
            Vec::<String>::new()
        );
        assert_eq!(ids("the Expo in Busan"), Vec::<String>::new());
        assert_eq!(
            ids("In Paris, Brussels and Warsaw, she spoke"),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("a visit to Paris, Brussels and Warsaw"),
            vec!["FRA", "EU", "POL"]
        );
        assert_eq!(ids("the Tokyo Olympics"), Vec::<String>::new());
        assert_eq!(
            ids("on the sidelines of the informal NATO meeting"),
            Vec::<String>::new()
        );
        assert_eq!(ids("between Washington and Tehran"), vec!["USA", "IRN"]);
        assert_eq!(
            ids("the Treaty of Lisbon and the Minsk process"),
            Vec::<String>::new()
        );
        assert_eq!(ids("she flew to Kenya to meet Ruto"), Vec::<String>::new());
        // A country hosting an event is its place; what happens there is about it.
        assert_eq!(
            ids("the International AIDS Conference in South Africa showed"),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("told a news conference in Brazil"),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("the summit held last week in Japan"),
            Vec::<String>::new()
        );
        assert_eq!(ids("the coup organized in Chile"), vec!["CHL"]);
        assert_eq!(ids("the situation in Angola"), vec!["AGO"]);
        assert_eq!(ids("a meeting, in Iraq"), vec!["IRQ"]);
        // A government named by the capital it sits in is the government.
        assert_eq!(ids("the regime in Pretoria"), vec!["ZAF"]);
        assert_eq!(ids("the authorities in Hanoi refused"), vec!["VNM"]);
        assert_eq!(ids("talks in Hanoi"), Vec::<String>::new());
    }

    #[test]
    fn global_issues_the_un_and_territories_by_phrase() {
        assert_eq!(
            ids("the shelling may amount to crimes against humanity"),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("world public opinion was shocked"),
            Vec::<String>::new()
        );
        assert_eq!(ids("the future of humanity"), vec!["GLOBAL"]);
        assert_eq!(ids("the people of Western Sahara"), vec!["ESH"]);
        assert_eq!(ids("actions in the Sahel"), vec!["AFRICA"]);
        assert_eq!(
            ids("the attention of the global community"),
            Vec::<String>::new()
        );
        assert_eq!(ids("Small Island Developing States"), vec!["GLOBAL"]);
        assert_eq!(ids("how this body can help"), vec!["UN"]);
    }

    #[test]
    fn demonyms_of_peoples_are_not_governments() {
        assert_eq!(
            ids("the Serbian, Bosnian and Croatian communities fled"),
            Vec::<String>::new()
        );
        assert_eq!(ids("Somali refugees"), Vec::<String>::new());
        assert_eq!(
            ids("the Serbian, Croatian and other ethnic communities"),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("an Ethiopian airliner and a Sudanese man, fellow Africans"),
            Vec::<String>::new()
        );
        assert_eq!(ids("a Sudanese delegation"), vec!["SDN"]);
        assert_eq!(
            ids("the Kenyan government and Kenyan forces"),
            vec!["KEN", "KEN"]
        );
    }

    #[test]
    fn global_cues_match_in_any_case() {
        assert_eq!(
            ids("Climate change and developing countries"),
            vec!["GLOBAL", "GLOBAL"]
        );
        assert_eq!(
            ids("the Gulf countries and South Asia"),
            vec!["MIDDLE_EAST", "ASIA"]
        );
    }

    #[test]
    fn odd_text_never_panics() {
        let matcher = EntityMatcher::new(&Gazetteer::builtin()).expect("matcher");
        for text in ["", "é", "Koreaé", "ÜS", "Seoul", "in\u{feff}Seoul"] {
            let _ = matcher.find(text);
        }
    }
}
