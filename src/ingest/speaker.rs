//! The article's speaker: whose agenda an article reports, weighed from evidence.
//!
//! Each piece of evidence gives points to a country (or a bloc, when the bloc speaks through
//! an office or a title) and the country with most points wins; ties go to the one named first.
//!
//! - A person who acts or speaks as the subject ("Foreign Minister X said", "X has condemned",
//!   "X met with", "X received a call") — strongest in the first paragraph.
//! - An office, spokesperson or statement of a country ("Nigeria's foreign ministry", "the
//!   senior Iranian diplomat", "the Chinese side", "EU foreign policy chief", "Tanzania's policy").
//! - A country as the subject of a finite verb ("the United States will respond").
//! - A dateline city ("ISLAMABAD, Apr 05 (APP):") as a weak prior; people named by title only
//!   ("Foreign Minister Mohammad Ishaq Dar") are taken to be of the dateline's country.
//! - Other mentions weakly, but never the other side: after "with", "from", "to", "by", or
//!   "counterpart" ("his Iranian counterpart", "a call from US Secretary of State Blinken").
//! - Questions at a press conference (paragraphs starting `Q:`) are not the speaker's words.
//! - Evidence in a paragraph that opens by contrast ("But Moscow said…", "However, …") answers
//!   the story and counts 1; an office outside the first paragraph counts as much as a person
//!   acting there (a Kremlin spokesman's reply is not the story's own voice).

use super::briefing::{asked_for_its_view, in_question, turn_at};
use super::context::in_subject_position;
use super::entities::{EntityMatcher, Mention, NameForm};
use super::leaders::FoundLeaders;
use super::offices::{BLOC_OFFICES, OFFICES, bloc_office_before, office_after};
use super::verbs::ACTING_VERBS;
use crate::model::EntityKind;
use std::collections::HashMap;

/// The speaker country found, with the evidence that decided it.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerDecision {
    /// Entity id of the speaker (a country or a bloc); `GLOBAL` when nothing was found.
    pub id: String,
    /// Points per candidate, best first.
    pub scores: Vec<(String, u32)>,
    /// The evidence for the winner, strongest first ("subject in the lead: Nigeria's foreign
    /// ministry (+10)").
    pub reasons: Vec<String>,
}

/// Present-tense verbs of stance that make a preceding country their subject ("Tuvalu
/// believes", "Peru rejects").
const STANCE_VERBS: &[&str] = &[
    "believes",
    "celebrates",
    "shares",
    "acknowledges",
    "feels",
    "supports",
    "welcomes",
    "condemns",
    "calls",
    "urges",
    "reaffirms",
    "appreciates",
    "recognizes",
    "recognises",
    "continues",
    "looks",
    "expects",
    "wishes",
    "joins",
    "commends",
    "notes",
    "considers",
    "attaches",
    "rejects",
    "regrets",
    "deplores",
    "remains",
    "stands",
    "hopes",
    "wants",
    "intends",
    "plans",
    "seeks",
    "aims",
    "will",
    "would",
    "should",
    "must",
    "said",
    "says",
];

/// Lower-case words right before a name that make it the other side.
const OTHER_SIDE_CUES: &[&str] = &[
    "with",
    "from",
    "to",
    "by",
    "and",
    "counterpart",
    "counterparts",
    "meet",
    "met",
    "received",
    "visited",
    "hosted",
    "welcomed",
    "thank",
    "thanked",
    "against",
    "on",
    "of",
    "for",
    "in",
    "at",
    "called",
    "told",
    "urged",
    "invited",
];

/// Lower-case words right before a name that make it the party met, called or received (the
/// other party of "the talks" and "the ministers"): a narrower set than [`OTHER_SIDE_CUES`],
/// without "by", "to", "of"… ("a visit to Seoul by President Putin" is no meeting).
const MET_PARTY_CUES: &[&str] = &[
    "with",
    "from",
    "counterpart",
    "counterparts",
    "meet",
    "met",
    "meets",
    "received",
    "hosted",
    "welcomed",
    "called",
    "phoned",
];

/// Lower-case title words skipped when looking for the word before a name.
const TITLE_WORDS: &[&str] = &[
    "foreign",
    "minister",
    "secretary",
    "of",
    "state",
    "president",
    "prime",
    "vice",
    "deputy",
    "chairman",
    "leader",
    "the",
    "his",
    "her",
    "their",
    "top",
    "diplomat",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "senior",
    "chief",
    "policy",
    "affairs",
    "defence",
    "defense",
    "counterpart",
    "counterparts",
];

fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub(crate) fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The text of the current sentence before `at` (at most 80 bytes).
pub(crate) fn clause_before(body: &str, at: usize) -> &str {
    let from = floor_boundary(body, at.saturating_sub(80));
    let window = &body[from..at];
    let cut = window
        .rfind(['.', '\n', ';', '?', '!', ':'])
        .map_or(0, |i| i + 1);
    &window[cut..]
}

/// True when the name at `start` is the other side: the first lower-case word before it (past
/// titles, capitalised words and possessives) is "with", "from", "counterpart"…, or it comes
/// right after "counterpart".
pub fn is_other_side(body: &str, start: usize) -> bool {
    other_side_before(body, start, OTHER_SIDE_CUES)
}

/// True when the name at `start` is the party met, called or received ("held talks with her
/// German counterpart Annalena Baerbock", "a call from US Secretary of State Antony Blinken").
pub fn is_met_party(body: &str, start: usize) -> bool {
    other_side_before(body, start, MET_PARTY_CUES)
}

fn other_side_before(body: &str, start: usize, cues: &[&str]) -> bool {
    let mut before = clause_before(body, start);
    // "According to the spokesperson, Turkish President Tayyip Erdogan": a title of its own
    // after the last comma starts a new phrase, which the words before the comma do not govern.
    if let Some(comma) = before.rfind(',')
        && before[comma..]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| TITLE_WORDS.contains(&w.to_lowercase().as_str()))
    {
        let last_before_comma = before[..comma].rsplit(' ').next().unwrap_or("");
        if last_before_comma.to_lowercase().starts_with("counterpart") {
            return true;
        }
        before = &before[comma + 1..];
    }
    for word in before
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .rev()
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        if lower.starts_with("counterpart") {
            return true;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if capitalised || TITLE_WORDS.contains(&lower.as_str()) {
            continue;
        }
        return cues.contains(&lower.as_str());
    }
    false
}

/// True when a verb that makes the name its subject follows within five words.
pub(crate) fn acts(body: &str, end: usize) -> bool {
    let to = ceil_boundary(body, end + 60);
    let after = &body[end..to];
    let clause = after.split(['.', '\n', ';', '?', '!']).next().unwrap_or("");
    lower_words(clause)
        .iter()
        .take(6)
        .any(|w| ACTING_VERBS.contains(&w.as_str()))
}

/// Whether byte `at` is inside quotation marks opened earlier in its paragraph.
fn in_quotation(body: &str, at: usize) -> bool {
    let from = body[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &body[from..at];
    before.matches('"').count() % 2 == 1
        || before.matches('“').count() > before.matches('”').count()
}

/// A name that opens its paragraph, after "The" or a dateline at most ("BRUSSELS (AA) - The
/// European Union on Thursday called on…").
fn opens_its_paragraph(body: &str, mention: &Mention) -> bool {
    let from = body[..mention.start].rfind('\n').map_or(0, |i| i + 1);
    let before = body[from..mention.start].trim_end();
    let before = before
        .strip_suffix("The")
        .or_else(|| before.strip_suffix("the"))
        .unwrap_or(before)
        .trim_end();
    before.is_empty() || before.ends_with(['-', '–', '—'])
}

/// True when a stance verb follows the mention ("Tuvalu believes", "Japan will").
fn takes_a_stance(body: &str, end: usize) -> bool {
    let to = ceil_boundary(body, end + 24);
    lower_words(&body[end..to])
        .first()
        .is_some_and(|w| STANCE_VERBS.contains(&w.as_str()))
}

/// The end of the first paragraph (the lead).
pub(crate) fn lead_end(body: &str) -> usize {
    let trimmed = body.trim_start();
    let offset = body.len() - trimmed.len();
    trimmed.find("\n\n").map_or(body.len(), |i| i + offset)
}

/// The country of a dateline at the start of the body ("ABUJA (Reuters) -", "Tehran, IRNA –"):
/// a capital (also in capitals) followed by a comma, a bracket or a dash.
fn dateline_country(body: &str, matcher: &EntityMatcher) -> Option<String> {
    let trimmed = body.trim_start();
    let head_end = trimmed
        .find([',', '(', '-', '–', '—'])
        .filter(|&i| i > 0 && i <= 40)?;
    let city = trimmed[..head_end].trim();
    let title_case: String = city
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ");
    let mentions = matcher.find(&title_case);
    let first = mentions.first()?;
    (first.start == 0 && first.end == title_case.len() && first.form == NameForm::Capital)
        .then(|| matcher.targets(first).first().cloned())
        .flatten()
}

/// Whether the paragraph holding `at` opens by contrast ("But…", "However,…"), `newlines`
/// being the body's line breaks.
fn answers_by_contrast(body: &str, newlines: &[usize], at: usize) -> bool {
    let paragraph = newlines[..newlines.partition_point(|&n| n < at)]
        .last()
        .map_or(0, |&n| n + 1);
    let opening = body[paragraph..].trim_start_matches(['"', '“', ' ']);
    opening.starts_with("But ") || opening.starts_with("However,")
}

/// Weigh the evidence of a body for its speaker country.
pub fn decide(
    body: &str,
    mentions: &[Mention],
    found: &FoundLeaders,
    matcher: &EntityMatcher,
) -> SpeakerDecision {
    // A party's evidence counts once per paragraph, at its strongest: "China's foreign
    // ministry spokesman Wang Wenbin said Beijing…" is one reaction, not three.
    // `at` is the evidence's byte offset; the dateline, which has none, counts on its own.
    let mut strongest: HashMap<(String, Option<usize>), u32> = HashMap::new();
    let newlines: Vec<usize> = body.match_indices('\n').map(|(i, _)| i).collect();
    let mut order: Vec<String> = Vec::new();
    let mut reasons: Vec<(String, u32, String)> = Vec::new();
    let mut add = |id: &str, points: u32, why: String, at: Option<usize>| {
        if points == 0 {
            return;
        }
        // "But Moscow said Ankara had failed…": a paragraph that opens by contrast answers the
        // story; it does not tell whose story it is.
        let (points, why) = match at {
            Some(at) if answers_by_contrast(body, &newlines, at) => {
                (1, format!("{why}, answering"))
            }
            _ => (points, why),
        };
        if !order.iter().any(|o| o == id) {
            order.push(id.to_string());
        }
        let paragraph = at.map(|at| newlines.partition_point(|&n| n < at));
        let best = strongest.entry((id.to_string(), paragraph)).or_default();
        *best = (*best).max(points);
        reasons.push((id.to_string(), points, why));
    };
    let lead = lead_end(body);
    let home = dateline_country(body, matcher);
    if let Some(home) = &home {
        add(home, 3, "dateline".to_string(), None);
    }
    let is_country = |id: &str| matcher.kind(id) == Some(EntityKind::Country);
    let is_bloc = |id: &str| matcher.kind(id) == Some(EntityKind::Bloc);

    for mention in &found.mentions {
        if in_question(body, mention.start) {
            continue;
        }
        let leader = &found.leaders[mention.leader];
        let country = leader.country.clone().or_else(|| home.clone());
        let Some(country) = country else { continue };
        if is_other_side(body, mention.start) {
            continue;
        }
        let name = &body[mention.start..mention.end];
        let possessive =
            body[mention.end..].starts_with("'s") || body[mention.end..].starts_with("’s");
        let (points, what) = if !possessive && acts(body, mention.end) {
            if mention.start < lead {
                (10, "acting subject in the lead")
            } else {
                (4, "acting subject")
            }
        } else {
            (1, "named")
        };
        let whose = if leader.country.is_none() {
            " (title only: the dateline's country)"
        } else {
            ""
        };
        add(
            &country,
            points,
            format!("{what}: {name}{whose}"),
            Some(mention.start),
        );
    }

    for mention in mentions.iter().filter(|m| !m.venue) {
        let Some(id) = matcher.targets(mention).first() else {
            continue;
        };
        // "What is China's response?" asked at a briefing: the country asked answers.
        if in_question(body, mention.start) && is_country(id) && asked_for_its_view(body, mention) {
            add(
                id,
                6,
                format!("asked for its view: {}", &body[mention.start..mention.end]),
                Some(mention.start),
            );
            continue;
        }
        if mention.form == NameForm::Phrase || in_question(body, mention.start) {
            continue;
        }
        if !(is_country(id) || is_bloc(id)) {
            continue;
        }
        let name = &body[mention.start..mention.end];
        let other = is_other_side(body, mention.start);
        let offices = if is_bloc(id) { BLOC_OFFICES } else { OFFICES };
        // "the concern of Tanzania's policy": "of" belongs to the office, not to the country.
        let office_cues: Vec<&str> = OTHER_SIDE_CUES
            .iter()
            .copied()
            .filter(|cue| *cue != "of")
            .collect();
        // An office named inside someone's quoted words ("…Turkey's commitment to democratic
        // values," Kallas said) is what the quote is about, not who reports.
        if let Some(office) = office_after(body, mention.end, offices).or_else(|| {
            is_bloc(id)
                .then(|| bloc_office_before(body, mention.start))
                .flatten()
        }) && !other_side_before(body, mention.start, &office_cues)
            && !in_quotation(body, mention.start)
        {
            let points = if mention.start < lead { 10 } else { 4 };
            add(
                id,
                points,
                format!("office: {name} {office}"),
                Some(mention.start),
            );
            continue;
        }
        // "The European Union on Thursday called on Turkey…": a bloc acting as the subject.
        if is_bloc(id) && !other && acts(body, mention.end) && opens_its_paragraph(body, mention) {
            let points = if mention.start < lead { 10 } else { 4 };
            add(
                id,
                points,
                format!("acting subject: {name}"),
                Some(mention.start),
            );
            continue;
        }
        // In a press briefing's answers the countries named are what the spokesperson talks
        // about; only its offices ("the Chinese side") speak.
        if !is_country(id) || other || turn_at(body, mention.start) == Some('A') {
            continue;
        }
        if takes_a_stance(body, mention.end) {
            add(id, 4, format!("subject: {name}"), Some(mention.start));
        } else if in_subject_position(body, mention) {
            add(id, 2, format!("subject: {name}"), Some(mention.start));
        } else {
            add(id, 1, format!("named: {name}"), Some(mention.start));
        }
    }

    let mut scores: HashMap<String, u32> = HashMap::new();
    for ((id, _), points) in strongest {
        *scores.entry(id).or_default() += points;
    }
    let id = order
        .iter()
        .max_by_key(|id| {
            (
                scores.get(*id).copied().unwrap_or(0),
                std::cmp::Reverse(order.iter().position(|o| o == *id)),
            )
        })
        .cloned()
        .unwrap_or_else(|| "GLOBAL".to_string());
    let mut ranked: Vec<(String, u32)> = scores.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut for_winner: Vec<(u32, String)> = reasons
        .into_iter()
        .filter(|(who, _, _)| *who == id)
        .map(|(_, points, why)| (points, why))
        .collect();
    for_winner.sort_by_key(|entry| std::cmp::Reverse(entry.0));
    SpeakerDecision {
        id,
        scores: ranked,
        reasons: for_winner
            .into_iter()
            .take(4)
            .map(|(points, why)| format!("{why} (+{points})"))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::Gazetteer;
    use crate::ingest::leaders::LeaderMatcher;

    fn speaker(body: &str) -> String {
        let gazetteer = Gazetteer::builtin();
        let matcher = EntityMatcher::new(&gazetteer).expect("entities");
        let leader_matcher = LeaderMatcher::new(&gazetteer).expect("leaders");
        let mentions = matcher.find(body);
        let found = leader_matcher.find(body, Some("2020-03-01"), &matcher, &mentions);
        decide(body, &mentions, &found, &matcher).id
    }

    #[test]
    fn the_members_of_a_bloc_named_before_it_speak_for_it() {
        let body = "JAKARTA, July 12 (Xinhua) -- Foreign ministers of the Association of Southeast \
            Asian Nations expressed concern over Myanmar.\n\nIndonesian Foreign Minister Retno \
            Marsudi told reporters the bloc would engage all sides.";
        assert_eq!(speaker(body), "ASEAN");
    }

    #[test]
    fn the_country_asked_for_its_view_at_a_briefing_answers() {
        let body = "Q: The Philippine coast guard said Chinese vessels fired water cannon. What is \
            China's response?\n\nA: The Philippines has repeatedly violated our sovereignty.";
        assert_eq!(speaker(body), "CHN");
    }

    #[test]
    fn a_ministry_outweighs_the_countries_it_talks_about() {
        assert_eq!(
            speaker(
                "Peru's foreign ministry has protested to Chile over the border. Chile rejected it. Chile and Bolivia met. Chile said no."
            ),
            "PER"
        );
    }

    #[test]
    fn the_counterpart_is_the_other_side() {
        assert_eq!(
            speaker(
                "Kenyan Foreign Minister Amina Mohamed held talks with her Ugandan counterpart Sam Kutesa on trade."
            ),
            "KEN"
        );
    }

    #[test]
    fn a_title_after_a_comma_starts_a_new_phrase() {
        let body = "She met her counterpart, Foreign Minister Sam Kutesa. According to the spokesperson, President Paul Kagame has written to him.";
        let kutesa = body.find("Sam").expect("name");
        let kagame = body.find("Paul").expect("name");
        assert!(is_other_side(body, kutesa));
        assert!(!is_other_side(body, kagame));
    }

    #[test]
    fn a_dateline_gives_title_only_officials_their_country() {
        assert_eq!(
            speaker(
                "LIMA, March 3 (Andina) - Foreign Minister Ana Ruiz received a telephone call from Brazilian Foreign Minister Mauro Vieira on Friday."
            ),
            "PER"
        );
    }

    #[test]
    fn questions_at_a_press_conference_are_not_the_speaker() {
        assert_eq!(
            speaker(
                "Q: Indian Foreign Secretary Vijay Gokhale said India will object. What is your response?\n\nA: The Chinese side has noted the report."
            ),
            "CHN"
        );
    }
}
