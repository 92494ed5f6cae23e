//! Stage 4, leaders: find the people named, from the leader gazetteer (resolved by the article's
//! date) and from patterns ("President X", "Foreign Minister X", "spokesperson X") for people the
//! gazetteer does not know.

use super::entities::{EntityMatcher, Mention, NameForm};
use super::gazetteer::Gazetteer;
use super::names::{COUNTERPART, NAME_PARTICLES, NOT_NAMES, ROLES};
use super::{char_after, char_before};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A person found in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundLeader {
    /// Full name.
    pub name: String,
    /// Entity id of the country, when known (else the article's speaker is assumed later).
    pub country: Option<String>,
    /// Office.
    pub role: String,
    /// Short forms used in the article (surname, "President X").
    pub aliases: Vec<String>,
}

/// Where a leader is named in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeaderMention {
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset one past the name.
    pub end: usize,
    /// Index into the found leaders.
    pub leader: usize,
}

/// Leaders and their mentions, in body order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FoundLeaders {
    /// Distinct people.
    pub leaders: Vec<FoundLeader>,
    /// Every mention, sorted by position.
    pub mentions: Vec<LeaderMention>,
}

impl FoundLeaders {
    /// The position of `leader` among the people found, adding it when new (a known person
    /// without a country takes the new one's).
    fn add(&mut self, leader: FoundLeader) -> usize {
        match self.leaders.iter().position(|l| l.name == leader.name) {
            Some(i) => {
                if self.leaders[i].country.is_none() {
                    self.leaders[i].country = leader.country;
                }
                i
            }
            None => {
                self.leaders.push(leader);
                self.leaders.len() - 1
            }
        }
    }

    /// Record a mention at `start..end` of a person from the leader gazetteer.
    fn mention_entry(&mut self, entry: &super::gazetteer::LeaderEntry, start: usize, end: usize) {
        let leader = self.add(FoundLeader {
            name: entry.name.clone(),
            country: Some(entry.country.clone()),
            role: entry.role.clone(),
            aliases: entry.aliases.clone(),
        });
        self.mentions.push(LeaderMention { start, end, leader });
    }
}

/// The longest phrase naming a post between a title and its holder's name ("in the Jordanian
/// city of Amman"), in bytes.
const MAX_POST_LEN: usize = 60;

/// How long a title in apposition after a name may be before the country that ends it.
const MAX_TITLE_LEN: usize = 100;

/// True when `start..end` overlaps a span of `sorted` (spans sorted by start, not overlapping).
fn overlaps(sorted: &[(usize, usize)], start: usize, end: usize) -> bool {
    let after = sorted.partition_point(|&(s, _)| s < end);
    after > 0 && sorted[after - 1].1 > start
}

/// The compiled leader gazetteer and role patterns.
#[derive(Debug, Clone)]
pub struct LeaderMatcher {
    names: AhoCorasick,
    /// For each name pattern: (leader entry index, is the full name).
    name_entries: Vec<Vec<(usize, bool)>>,
    roles: AhoCorasick,
    entries: Vec<super::gazetteer::LeaderEntry>,
}

fn is_name_token(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !NOT_NAMES.contains(&token)
}

/// Up to four capitalised name tokens starting at `from` (after spaces); returns the span.
fn name_after(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let skipped = rest.len() - rest.trim_start_matches(' ').len();
    if skipped == 0 {
        return None;
    }
    let start = from + skipped;
    let mut end = start;
    let mut count = 0;
    let mut cursor = start;
    while count < 4 {
        let tail = &text[cursor..];
        let token_len = tail
            .char_indices()
            .find(|(_, c)| !(c.is_alphabetic() || *c == '-' || *c == '\''))
            .map_or(tail.len(), |(i, _)| i);
        let token = &tail[..token_len];
        if token.is_empty() || !is_name_token(token) {
            break;
        }
        let initial = token.chars().count() == 1 && tail[token_len..].starts_with(". ");
        if initial && count == 0 {
            break;
        }
        count += 1;
        end = cursor + token_len;
        if initial {
            end += 1;
        }
        // "President Kennedy's Alliance for Progress": a possessive ends the name.
        if token.ends_with("'s") || token.ends_with("’s") {
            break;
        }
        let mut after = &text[end..];
        let mut skip = 0;
        // "da Silva", "von der Leyen": particles between capitalised parts.
        while let Some(particle) = after.strip_prefix(' ').and_then(|rest| {
            NAME_PARTICLES
                .iter()
                .find(|p| rest.starts_with(&format!("{p} ")))
        }) {
            skip += particle.len() + 1;
            after = &after[particle.len() + 1..];
        }
        if after.starts_with(' ') && after[1..].chars().next().is_some_and(char::is_uppercase) {
            cursor = end + skip + 1;
        } else {
            break;
        }
    }
    for possessive in ["'s", "’s"] {
        if text[start..end].ends_with(possessive) && end - possessive.len() > start {
            end -= possessive.len();
        }
    }
    if text[start..end].ends_with('.') {
        end -= 1;
        while end > start && !text[..end].ends_with(|c: char| c.is_alphabetic()) {
            end -= 1;
        }
        end = text[..end].trim_end().len().max(start);
        if let Some(space) = text[start..end].rfind(' ') {
            end = start + space;
        }
    }
    (count > 0 && end > start).then_some((start, end))
}

impl LeaderMatcher {
    /// Compile the leader names, aliases and role patterns.
    pub fn new(gazetteer: &Gazetteer) -> Result<LeaderMatcher, super::entities::MatcherError> {
        let mut strings: Vec<String> = Vec::new();
        let mut name_entries: Vec<Vec<(usize, bool)>> = Vec::new();
        for (index, entry) in gazetteer.leaders.iter().enumerate() {
            let forms = std::iter::once((entry.name.as_str(), true))
                .chain(entry.aliases.iter().map(|a| (a.as_str(), a.contains(' '))));
            for (form, full) in forms {
                match strings.iter().position(|s| s == form) {
                    Some(i) => name_entries[i].push((index, full)),
                    None => {
                        strings.push(form.to_string());
                        name_entries.push(vec![(index, full)]);
                    }
                }
            }
        }
        let build = |patterns: &[String]| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(patterns)
                .map_err(|e| super::entities::MatcherError(e.to_string()))
        };
        let names = build(&strings)?;
        let role_strings: Vec<String> = ROLES.iter().map(|(r, _)| r.to_string()).collect();
        let roles = build(&role_strings)?;
        Ok(LeaderMatcher {
            names,
            name_entries,
            roles,
            entries: gazetteer.leaders.clone(),
        })
    }

    /// Of several gazetteer rows for the same name, the one in office on `date` (the latest
    /// to take office when several are), else the first.
    fn pick_entry(
        &self,
        candidates: impl Iterator<Item = usize>,
        date: Option<&str>,
    ) -> Option<usize> {
        let candidates: Vec<usize> = candidates.collect();
        date.and_then(|d| {
            candidates
                .iter()
                .copied()
                .filter(|&i| self.entries[i].in_office_on(d))
                .max_by(|&a, &b| self.entries[a].from.cmp(&self.entries[b].from))
        })
        .or_else(|| candidates.first().copied())
    }

    /// Find the leaders of a body. `date` (`YYYY-MM-DD`) resolves surnames to office holders.
    pub fn find(
        &self,
        text: &str,
        date: Option<&str>,
        entity_matcher: &EntityMatcher,
        entity_mentions: &[Mention],
    ) -> FoundLeaders {
        let mut found = FoundLeaders::default();
        let country_of_mention = |m: &Mention| -> Option<String> {
            if m.venue || !matches!(m.form, NameForm::Name | NameForm::Demonym) {
                return None;
            }
            entity_matcher.targets(m).first().cloned()
        };

        // Role patterns: "Turkish Foreign Minister Hakan Fidan", "Foreign Minister X of Japan".
        for role_match in self.roles.find_iter(text) {
            let (role_start, role_end) = (role_match.start(), role_match.end());
            if char_before(text, role_start).is_some_and(char::is_alphanumeric)
                || char_after(text, role_end).is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            // "Argentina's Foreign Minister, Rafael Bielsa, said": a name set off by commas.
            let appositive = || {
                text[role_end..]
                    .starts_with(", ")
                    .then(|| name_after(text, role_end + 1))
                    .flatten()
                    .filter(|&(_, end)| text[end..].starts_with(','))
            };
            // "Iranian Charge d'Affaires in the Jordanian city of Amman Ali Asghar Naseri told":
            // the post's place between the title and the name.
            let posted = || {
                let rest = &text[role_end..];
                [" in ", " to ", " at "]
                    .iter()
                    .any(|p| rest.starts_with(p))
                    .then_some(())?;
                let first = entity_mentions.partition_point(|m| m.start < role_end);
                entity_mentions[first..]
                    .iter()
                    .take_while(|m| m.end <= role_end + MAX_POST_LEN)
                    .take_while(|m| !text[role_end..m.start].contains([',', '.', ';']))
                    .find_map(|m| {
                        name_after(text, m.end).filter(|&(start, end)| {
                            start == m.end + 1 && text[start..end].split(' ').count() >= 2
                        })
                    })
            };
            // A counterpart is found only when named at once ("his Argentine counterpart Alberto
            // Fernandez"); one set off by commas is found by the post named later, if at all.
            let counterpart = ROLES[role_match.pattern().as_usize()].1 == COUNTERPART;
            let Some((name_start, mut name_end)) = name_after(text, role_end)
                .or_else(|| appositive().filter(|_| !counterpart))
                .or_else(|| posted().filter(|_| !counterpart))
            else {
                continue;
            };
            let captured = &text[name_start..name_end];
            let mut fitting: Vec<(usize, usize)> = Vec::new();
            for (index, entry) in self.entries.iter().enumerate() {
                let forms = std::iter::once(&entry.name)
                    .chain(entry.aliases.iter().filter(|a| a.contains(' ')));
                for form in forms {
                    let fits = captured == form.as_str()
                        || captured
                            .strip_prefix(form.as_str())
                            .is_some_and(|rest| rest.starts_with(' '));
                    if fits && !fitting.iter().any(|&(i, _)| i == index) {
                        fitting.push((index, form.len()));
                    }
                }
                if !fitting.iter().any(|&(i, _)| i == index)
                    && super::person::initials_fit(captured, &entry.name)
                {
                    fitting.push((index, captured.len()));
                }
            }
            let known = self
                .pick_entry(fitting.iter().map(|&(i, _)| i), date)
                .map(|i| &self.entries[i]);
            if let Some(&(_, len)) = fitting
                .iter()
                .find(|&&(i, _)| Some(&self.entries[i]) == known)
            {
                name_end = name_start + len;
            }
            let name = &text[name_start..name_end];
            let tokens = name.split_whitespace().count();
            if known.is_none() && tokens < 2 {
                continue;
            }
            let mut role = ROLES[role_match.pattern().as_usize()].1.to_string();
            if role == COUNTERPART
                && let Some(previous) = found.mentions.last()
            {
                role.clone_from(&found.leaders[previous.leader].role);
            }
            let before = entity_mentions
                .get(
                    entity_mentions
                        .partition_point(|m| m.end <= role_start)
                        .wrapping_sub(1),
                )
                .filter(|m| {
                    let between = text.get(m.end..role_start).unwrap_or("x");
                    // "Turkish Foreign Ministry spokesman": the office between the demonym and
                    // the title.
                    let office = between.len() <= 40
                        && between.split_whitespace().all(|w| {
                            w.starts_with(char::is_uppercase)
                                || matches!(w, "foreign" | "ministry" | "of" | "affairs")
                        });
                    m.end <= role_start
                        && (between.trim().is_empty()
                            || matches!(between, "'s " | "’s ")
                            || (office && !between.trim().is_empty()))
                });
            let after = entity_mentions
                .get(entity_mentions.partition_point(|m| m.start < name_end))
                .filter(|m| m.start - name_end <= 8 && text[name_end..m.start].contains(" of "));
            // "Leonid Brezhnev, General Secretary of the Central Committee of the Communist
            // Party of the Soviet Union": a title in apposition that ends in a country.
            let titled = || {
                let rest = text[name_end..].strip_prefix(", ")?;
                let from = name_end + 2;
                let first = entity_mentions.partition_point(|m| m.start < from);
                let mention = entity_mentions.get(first)?;
                let between = text.get(from..mention.start)?;
                let words: Vec<&str> = between.split_whitespace().collect();
                let title_like = rest.starts_with(char::is_uppercase)
                    || rest.starts_with("the ") && rest[4..].starts_with(char::is_uppercase);
                (title_like
                    && between.len() <= MAX_TITLE_LEN
                    && words.contains(&"of")
                    && matches!(words.last(), Some(&"of" | &"the"))
                    && words.iter().all(|w| {
                        w.starts_with(char::is_uppercase)
                            || matches!(*w, "of" | "the" | "and" | "for")
                    }))
                .then_some(mention)
            };
            // A Secretary-General of no named body is the UN's ("Secretary-General Kurt
            // Waldheim"); "NATO Secretary-General Mark Rutte" names its own.
            // "Kremlin spokesman Dmitry Peskov", "Beijing's envoy": a seat of government right
            // before the title is the government.
            let seat = |m: &Mention| {
                (m.form == NameForm::Capital
                    && !m.venue
                    && matches!(text.get(m.end..role_start), Some(" " | "'s " | "’s ")))
                .then(|| entity_matcher.targets(m).first().cloned())
                .flatten()
            };
            let country = before
                .and_then(|m| country_of_mention(m).or_else(|| seat(m)))
                .or_else(|| after.and_then(country_of_mention))
                .or_else(|| titled().and_then(country_of_mention))
                .or_else(|| {
                    role.starts_with("Secretary-General")
                        .then(|| "UN".to_string())
                });
            let leader = match known {
                Some(entry) => FoundLeader {
                    name: entry.name.clone(),
                    country: Some(entry.country.clone()),
                    role: entry.role.clone(),
                    aliases: entry.aliases.clone(),
                },
                None => {
                    let parts: Vec<&str> = name.split_whitespace().collect();
                    let mut aliases = Vec::new();
                    // "Sir Alec Douglas-Home" is not "Sir", "U Thant" not "U".
                    if let Some(first) = parts.first()
                        && first.chars().count() > 2
                        && !super::names::STYLES.contains(first)
                    {
                        aliases.push(first.to_string());
                    }
                    if let Some(last) = parts.last()
                        && parts.len() > 1
                    {
                        aliases.push(last.to_string());
                    }
                    FoundLeader {
                        name: name.to_string(),
                        country,
                        role,
                        aliases,
                    }
                }
            };
            let index = found.add(leader);
            found.mentions.push(LeaderMention {
                start: name_start,
                end: name_end,
                leader: index,
            });
        }

        // Gazetteer names: full names first, then short aliases resolved by date.
        let mut pattern_spans: Vec<(usize, usize)> =
            found.mentions.iter().map(|m| (m.start, m.end)).collect();
        pattern_spans.sort_unstable();
        let mut short_matches: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.names.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            if char_before(text, start).is_some_and(char::is_alphanumeric)
                || char_after(text, end).is_some_and(char::is_alphanumeric)
                || overlaps(&pattern_spans, start, end)
            {
                continue;
            }
            let entries = &self.name_entries[m.pattern().as_usize()];
            if entries.iter().any(|(_, full)| *full) {
                if let Some(i) = self.pick_entry(entries.iter().map(|&(i, _)| i), date) {
                    found.mention_entry(&self.entries[i], start, end);
                }
            } else {
                short_matches.push((start, end, m.pattern().as_usize()));
            }
        }
        for (start, end, pattern) in short_matches {
            if name_after(text, end).is_some_and(|(s, _)| s == end + 1) {
                continue;
            }
            let alias = &text[start..end];
            if let Some(i) = found
                .leaders
                .iter()
                .position(|l| l.aliases.iter().any(|a| a == alias))
            {
                found.mentions.push(LeaderMention {
                    start,
                    end,
                    leader: i,
                });
                continue;
            }
            let entries = &self.name_entries[pattern];
            let chosen = match date {
                Some(d) => entries
                    .iter()
                    .find(|(i, _)| self.entries[*i].in_office_on(d)),
                None if entries.len() == 1 => entries.first(),
                None => None,
            };
            if let Some(&(i, _)) = chosen {
                found.mention_entry(&self.entries[i], start, end);
            }
        }

        // Short forms of everyone found: first and last name tokens ("Kang" after "Kang In-sun",
        // "Wang" after "Wang Yi").
        for leader in &mut found.leaders {
            let parts: Vec<&str> = leader.name.split_whitespace().collect();
            if parts.len() > 1 {
                for part in [parts[0], parts[parts.len() - 1]] {
                    if part.chars().count() >= 3
                        && !super::names::STYLES.contains(&part)
                        && !leader.aliases.iter().any(|a| a == part)
                    {
                        leader.aliases.push(part.to_string());
                    }
                }
            }
        }
        let pattern_aliases: Vec<(usize, String)> = found
            .leaders
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                l.aliases
                    .iter()
                    .filter(|a| !a.contains(' '))
                    .map(move |a| (i, a.clone()))
            })
            .collect();
        found.mentions.sort_by_key(|m| m.start);
        let taken: Vec<(usize, usize)> = found.mentions.iter().map(|m| (m.start, m.end)).collect();
        let mut extra = Vec::new();
        let alias_strings: Vec<&str> = pattern_aliases.iter().map(|(_, a)| a.as_str()).collect();
        if let Ok(automaton) = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&alias_strings)
        {
            for m in automaton.find_iter(text) {
                let (start, end) = (m.start(), m.end());
                if char_before(text, start).is_some_and(char::is_alphanumeric)
                    || char_after(text, end).is_some_and(char::is_alphanumeric)
                    || overlaps(&taken, start, end)
                    || name_after(text, end).is_some_and(|(s, _)| s == end + 1)
                {
                    continue;
                }
                let leader = pattern_aliases[m.pattern().as_usize()].0;
                extra.push(LeaderMention { start, end, leader });
            }
        }
        found.mentions.extend(extra);
        found.mentions.sort_by_key(|m| m.start);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, date: Option<&str>) -> FoundLeaders {
        let gazetteer = Gazetteer::builtin();
        let entities = EntityMatcher::new(&gazetteer).expect("entities");
        let leaders = LeaderMatcher::new(&gazetteer).expect("leaders");
        let mentions = entities.find(text);
        leaders.find(text, date, &entities, &mentions)
    }

    fn names(found: &FoundLeaders) -> Vec<(&str, Option<&str>)> {
        found
            .leaders
            .iter()
            .map(|l| (l.name.as_str(), l.country.as_deref()))
            .collect()
    }

    #[test]
    fn possessives_are_stripped_and_give_the_country() {
        let found = run(
            "Kenya's Foreign Minister Musalia Mudavadi's trip and President Lula's visit.",
            None,
        );
        assert_eq!(names(&found)[0], ("Musalia Mudavadi", Some("KEN")));
        assert!(found.leaders.iter().all(|l| !l.name.ends_with("'s")));
    }

    #[test]
    fn roles_follow_the_term_dates() {
        let before = run("Wang Yi met the envoy.", Some("2023-07-15"));
        let after = run("Wang Yi met the envoy.", Some("2023-09-01"));
        assert_ne!(before.leaders[0].role, "Foreign Minister");
        assert_eq!(after.leaders[0].role, "Foreign Minister");
    }

    #[test]
    fn a_known_name_is_not_extended_by_following_capitals() {
        let found = run(
            "U.S. President Joe Biden Administration officials came.",
            None,
        );
        assert_eq!(names(&found), vec![("Joe Biden", Some("USA"))]);
    }

    #[test]
    fn gazetteer_names_and_surnames_resolve_by_date() {
        let found = run("President Moon met Putin.", Some("2021-01-21"));
        assert_eq!(
            names(&found),
            vec![
                ("Moon Jae-in", Some("KOR")),
                ("Vladimir Putin", Some("RUS"))
            ]
        );
        let found = run("Trump spoke.", Some("2019-01-01"));
        assert_eq!(names(&found), vec![("Donald Trump", Some("USA"))]);
    }

    #[test]
    fn role_patterns_find_unknown_people_with_their_country() {
        let found = run(
            "Indonesian Foreign Minister Sugiono Wibowo met Foreign Minister Ana Lopez of Peru. Presidential spokesperson Kang In-sun said Kang had left.",
            None,
        );
        assert_eq!(
            names(&found),
            vec![
                ("Sugiono Wibowo", Some("IDN")),
                ("Ana Lopez", Some("PER")),
                ("Kang In-sun", None)
            ]
        );
        assert_eq!(found.mentions.len(), 4);
    }

    #[test]
    fn particles_stay_inside_names_and_a_counterpart_takes_the_post_before() {
        let found = run(
            "Brazilian President Luiz Inacio Lula da Silva met his Argentine counterpart \
             Alberto Fernandez and European Commission President Ursula von der Leyen.",
            None,
        );
        assert_eq!(
            names(&found),
            vec![
                ("Luiz Inacio Lula da Silva", Some("BRA")),
                ("Alberto Fernandez", Some("ARG")),
                ("Ursula von der Leyen", Some("EU")),
            ]
        );
        assert_eq!(found.leaders[1].role, "President");
    }

    #[test]
    fn an_office_between_nationality_and_title_keeps_the_country() {
        let found = run(
            "Turkish Foreign Ministry spokesman Oncu Keceli said the EU should respect the courts.",
            None,
        );
        assert_eq!(names(&found), vec![("Oncu Keceli", Some("TUR"))]);
    }

    #[test]
    fn a_possessive_ends_a_name_and_styles_are_not_aliases() {
        let found = run(
            "President Kennedy's Alliance for Progress. Foreign Secretary Sir Alec Douglas-Home.",
            None,
        );
        assert!(found.leaders.iter().all(|l| !l.name.contains("Alliance")));
        let alec = found
            .leaders
            .iter()
            .find(|l| l.name.contains("Douglas-Home"));
        assert!(
            alec.is_some_and(|l| !l.aliases.iter().any(|a| a == "Sir")),
            "{:?}",
            found.leaders
        );
    }

    #[test]
    fn a_secretary_general_of_no_named_body_is_the_uns() {
        let found = run(
            "Secretary-General Kurt Waldheim met NATO Secretary-General Mark Rutte.",
            None,
        );
        assert_eq!(
            names(&found),
            vec![("Kurt Waldheim", Some("UN")), ("Mark Rutte", Some("NATO"))]
        );
    }

    #[test]
    fn a_title_in_apposition_gives_the_country() {
        let found = run(
            "President Leonid Brezhnev, General Secretary of the Central Committee of the \
             Communist Party of the Soviet Union, spoke.",
            None,
        );
        assert_eq!(names(&found), vec![("Leonid Brezhnev", Some("SUN"))]);
        let visit = run(
            "President Anna Novak, who visited the capital of Japan, spoke.",
            None,
        );
        assert_eq!(names(&visit), vec![("Anna Novak", None)]);
    }

    #[test]
    fn a_post_between_title_and_name_is_skipped() {
        let found = run(
            "Kenyan Ambassador to Japan Erastus Mwencha told reporters. Ambassador in Tokyo, we said.",
            None,
        );
        assert_eq!(names(&found), vec![("Erastus Mwencha", Some("KEN"))]);
    }

    #[test]
    fn initials_stay_inside_names_and_short_forms_are_found() {
        let found = run(
            "Secretary of State Antony J. Blinken met Foreign Minister Wang Yi. Wang said so. Blinken agreed.",
            Some("2023-03-03"),
        );
        assert_eq!(
            names(&found),
            vec![("Antony Blinken", Some("USA")), ("Wang Yi", Some("CHN"))]
        );
        assert_eq!(found.mentions.len(), 4);
    }

    #[test]
    fn a_surname_before_another_given_name_is_someone_else() {
        let found = run("Kang In-sun said so.", Some("2019-01-01"));
        assert!(found.leaders.is_empty());
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "",
            "President",
            "President é",
            "Foreign Minister Ü",
            "President Moon",
        ] {
            let _ = run(text, None);
        }
    }
}
