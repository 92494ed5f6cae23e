//! The person who speaks: the article's main speaker, credited statements and sides.
//!
//! - A credit line names the person whose words follow ("Statement by Foreign Minister Ana
//!   Ruiz", "Remarks by President X at…", "Message from Secretary-General Y").
//! - The article's main person is the one of the speaking government with the most evidence:
//!   credited (10), acting or speaking as the subject in the lead (10) or later (4), as the
//!   article speaker is weighed (`speaker.rs`). A person only mentioned is not enough: with no
//!   such evidence there is no main person (ingest never invents a speaker).

use super::entities::{EntityMatcher, Mention, NameForm};
use super::leaders::FoundLeaders;
use super::speaker;

/// Nouns that credit the words that follow to the person after "by"/"from".
const CREDIT_NOUNS: &[&str] = &[
    "statement",
    "remarks",
    "speech",
    "address",
    "message",
    "op-ed",
    "article",
    "interview",
    "declaration",
    "briefing",
];

/// Lower-case words that may stand between the credit and the name ("by the foreign minister").
const CREDIT_TITLE_WORDS: &[&str] = &[
    "the",
    "foreign",
    "minister",
    "president",
    "prime",
    "secretary",
    "of",
    "state",
    "deputy",
    "vice",
    "general",
    "spokesperson",
    "spokesman",
    "spokeswoman",
];

/// True when the name at `start` is credited with the text: "Statement by Foreign Minister X",
/// "Remarks by President X", "a message from Secretary-General X".
pub fn is_credited(body: &str, start: usize) -> bool {
    let before = speaker::clause_before(body, start);
    let mut words = before
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .rev()
        .filter(|w| !w.is_empty());
    for word in words.by_ref() {
        let lower = word.to_lowercase();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if lower == "by" || lower == "from" {
            return words
                .next()
                .is_some_and(|noun| CREDIT_NOUNS.contains(&noun.to_lowercase().as_str()));
        }
        if !(capitalised || CREDIT_TITLE_WORDS.contains(&lower.as_str())) {
            return false;
        }
    }
    false
}

/// The article's main person: the leader of `country` with the most evidence of speaking for
/// it (credited, or the acting subject), if any.
pub fn main_person(body: &str, found: &FoundLeaders, country: &str) -> Option<usize> {
    let lead = speaker::lead_end(body);
    let mut points: Vec<(usize, u32)> = Vec::new();
    for mention in &found.mentions {
        if found.leaders[mention.leader].country.as_deref() != Some(country)
            || super::briefing::in_question(body, mention.start)
        {
            continue;
        }
        let possessive =
            body[mention.end..].starts_with("'s") || body[mention.end..].starts_with("’s");
        let gained = if is_credited(body, mention.start) {
            10
        } else if possessive || speaker::is_other_side(body, mention.start) {
            0
        } else if speaker::acts(body, mention.end) {
            if mention.start < lead { 10 } else { 4 }
        } else {
            0
        };
        if gained == 0 {
            continue;
        }
        match points
            .iter_mut()
            .find(|(leader, _)| *leader == mention.leader)
        {
            Some(entry) => entry.1 += gained,
            None => points.push((mention.leader, gained)),
        }
    }
    // The most points; ties go to the person named first.
    points
        .iter()
        .enumerate()
        .max_by_key(|(order, (_, p))| (*p, std::cmp::Reverse(*order)))
        .map(|(_, (leader, _))| *leader)
}

/// The person who last spoke for `country` among the statements so far (`speakers`: the
/// speaking leader of each earlier statement), for a side that speaks ("The ROK side hopes").
pub fn last_person_of(
    found: &FoundLeaders,
    speakers: &[Option<usize>],
    country: &str,
) -> Option<usize> {
    speakers
        .iter()
        .rev()
        .flatten()
        .copied()
        .find(|&i| found.leaders[i].country.as_deref() == Some(country))
}

/// Another country's office that is the subject of a reporting verb in the sentence ("China's
/// defence ministry said", "the Russian foreign ministry stated"): its name and country.
fn reporting_office(
    body: &str,
    mentions: &[Mention],
    matcher: &EntityMatcher,
    speaker_country: &str,
) -> Option<(String, String)> {
    mentions.iter().filter(|m| !m.venue).find_map(|mention| {
        let id = matcher.targets(mention).first()?;
        if id == speaker_country
            || matcher.kind(id) != Some(crate::model::EntityKind::Country)
            || speaker::is_other_side(body, mention.start)
        {
            return None;
        }
        let office_end = super::offices::office_end(body, mention.end)?;
        let verb = super::context::verb_after(body, office_end);
        super::verbs::REPORTING_VERBS
            .contains(&verb)
            .then(|| (body[mention.start..office_end].to_string(), id.clone()))
    })
}

/// Another government speaking a sentence: its office reporting, or itself answering.
pub(super) fn other_government(
    body: &str,
    sentence_start: usize,
    mentions: &[Mention],
    matcher: &EntityMatcher,
    speaker_country: &str,
) -> Option<(String, String)> {
    reporting_office(body, mentions, matcher, speaker_country)
        .or_else(|| answering_government(body, sentence_start, mentions, matcher, speaker_country))
}

/// Words that may open a sentence before its subject.
const SENTENCE_CONJUNCTIONS: &[&str] = &["But", "And", "Yet", "However", "Meanwhile", "Still"];

/// "Ankara rejected the criticism.", "Beijing denied the report.": another government named
/// by its capital or name, opening the sentence and answering, speaks it.
fn answering_government(
    body: &str,
    sentence_start: usize,
    mentions: &[Mention],
    matcher: &EntityMatcher,
    speaker_country: &str,
) -> Option<(String, String)> {
    let first = mentions.first().filter(|m| !m.venue)?;
    let id = matcher.targets(first).first()?;
    let lead = body.get(sentence_start..first.start)?;
    // "But Moscow said…", "However, Beijing denied…": a conjunction may open the sentence.
    let opens = lead
        .trim_start_matches(['"', '“'])
        .split([' ', ','])
        .all(|word| word.is_empty() || SENTENCE_CONJUNCTIONS.contains(&word));
    let answering = [
        "rejected",
        "denied",
        "dismissed",
        "protested",
        "retorted",
        "responded",
    ];
    let verb = super::context::verb_after(body, first.end);
    (opens
        && id != speaker_country
        && matcher.kind(id) == Some(crate::model::EntityKind::Country)
        && matches!(first.form, NameForm::Name | NameForm::Capital)
        && (answering.contains(&verb) || super::verbs::REPORTING_VERBS.contains(&verb)))
    .then(|| (body[first.start..first.end].to_string(), id.clone()))
}

/// The speaker of "A and B agreed": of a joint subject, the person of the article's own
/// country when one is ("Kenyan President Ruto and Ethiopian Prime Minister Abiy agreed" in a
/// Kenyan report is Kenya's statement about Ethiopia), else the one next to the verb.
/// `subject` ends with the mention before the verb.
pub(crate) fn joint_subject_speaker<'a>(
    body: &str,
    subject: &'a [super::leaders::LeaderMention],
    leaders: &super::leaders::FoundLeaders,
    speaker_country: &str,
) -> &'a super::leaders::LeaderMention {
    let last = &subject[subject.len() - 1];
    if let [.., first, _] = subject
        && let Some(between) = body.get(first.end..last.start)
        && between.starts_with(" and ")
        && between.len() <= 60
        && !between.contains([',', '.', ';', '"', '“', '”'])
        && leaders.leaders[first.leader].country.as_deref() == Some(speaker_country)
    {
        return first;
    }
    last
}

/// Whether `written` is `full` with its given names cut to initials ("S Jaishankar" and "S.
/// Jaishankar" for "Subrahmanyam Jaishankar", "J. F. Kennedy" for "John Fitzgerald Kennedy"):
/// the same number of names, the last written whole and equal, every other one an initial of
/// the name in its place.
pub(crate) fn initials_fit(written: &str, full: &str) -> bool {
    let written: Vec<&str> = written.split_whitespace().collect();
    let full: Vec<&str> = full.split_whitespace().collect();
    if written.len() < 2 || written.len() != full.len() || written.last() != full.last() {
        return false;
    }
    let given = written.len() - 1;
    written[..given]
        .iter()
        .zip(&full[..given])
        .all(|(initial, name)| {
            let letter = initial.strip_suffix('.').unwrap_or(initial);
            letter.chars().count() == 1
                && letter.chars().all(char::is_uppercase)
                && name.starts_with(letter)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::entities::EntityMatcher;
    use crate::ingest::gazetteer::Gazetteer;
    use crate::ingest::leaders::LeaderMatcher;

    fn main_name(body: &str, country: &str) -> Option<String> {
        let gazetteer = Gazetteer::builtin();
        let matcher = EntityMatcher::new(&gazetteer).expect("entities");
        let leader_matcher = LeaderMatcher::new(&gazetteer).expect("leaders");
        let mentions = matcher.find(body);
        let mut found = leader_matcher.find(body, Some("2020-03-01"), &matcher, &mentions);
        for leader in &mut found.leaders {
            leader.country.get_or_insert_with(|| country.to_string());
        }
        main_person(body, &found, country).map(|i| found.leaders[i].name.clone())
    }

    #[test]
    fn a_credit_line_names_the_speaker() {
        assert!(is_credited(
            "Remarks by Foreign Minister Ana Ruiz at the forum",
            28
        ));
        assert!(!is_credited("He met Foreign Minister Ana Ruiz", 24));
        assert_eq!(
            main_name(
                "Remarks by Foreign Minister Ana Ruiz at the opening of the embassy.\n\nWe will open more missions.",
                "PER"
            )
            .as_deref(),
            Some("Ana Ruiz")
        );
    }

    #[test]
    fn the_acting_subject_of_the_speaking_side_is_the_main_person() {
        assert_eq!(
            main_name(
                "Kenyan Foreign Minister Amina Mohamed held talks with her Ugandan counterpart Sam Kutesa on trade.",
                "KEN"
            )
            .as_deref(),
            Some("Amina Mohamed")
        );
    }

    #[test]
    fn a_person_only_mentioned_is_not_the_main_person() {
        assert_eq!(
            main_name(
                "Peru's foreign ministry protested. The letter was sent to Foreign Minister Ana Ruiz.",
                "PER"
            ),
            None
        );
    }

    #[test]
    fn initials_stand_for_given_names() {
        assert!(initials_fit("S Jaishankar", "Subrahmanyam Jaishankar"));
        assert!(initials_fit("S. Jaishankar", "Subrahmanyam Jaishankar"));
        assert!(initials_fit("J. F. Kennedy", "John Fitzgerald Kennedy"));
        assert!(!initials_fit("R Jaishankar", "Subrahmanyam Jaishankar"));
        assert!(!initials_fit("Jaishankar", "Subrahmanyam Jaishankar"));
        assert!(!initials_fit("Sam Jaishankar", "Subrahmanyam Jaishankar"));
        assert!(!initials_fit("S Kennedy", "Subrahmanyam Jaishankar"));
    }
}
