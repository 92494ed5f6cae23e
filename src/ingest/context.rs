//! Context that a sentence takes from the sentences before it: openers that set a paragraph's
//! topic, anaphors ("that country", "these organisations"), the two sides, definite events
//! ("these visits") and the subject that "It"/"They" continue. Used by [`super::attribution`].

use super::entities::{EntityMatcher, Mention, NameForm};
use super::leaders::{FoundLeaders, LeaderMention};

pub(crate) const OPENERS: &[&str] = &[
    "On ",
    "As for ",
    "Regarding ",
    "Concerning ",
    "With regard to ",
    "With respect to ",
    "As to ",
    "Turning to ",
    "In relation to ",
    "As regards ",
    "With ",
];

/// Openers that set a place as the topic only when a country's name follows at once and a comma
/// closes it ("In Namibia, the regime…", "Inside Syria itself, …"); "In Paris, Brussels and
/// Warsaw" lists venues (capitals), not countries.
pub(crate) const PLACE_OPENERS: &[&str] = &["In ", "Inside "];

/// Phrases that refer back to the country named last ("in that country", "the country's army").
pub(crate) const COUNTRY_ANAPHORS: &[&str] = &["that country", "the country", "that nation"];

/// Phrases that refer back to the countries of the sentence before ("We welcome three new
/// Members: … We have excellent relations with those States").
pub(crate) const COUNTRIES_ANAPHORS: &[&str] = &[
    "these countries",
    "those countries",
    "these states",
    "those states",
    "these nations",
    "those nations",
    "these governments",
    "those governments",
    "both states",
];

/// Phrases that refer back to the region named last ("the nations of the region").
pub(crate) const REGION_ANAPHORS: &[&str] = &[
    "the region",
    "this region",
    "the continent",
    "our continent",
];

/// Phrases that refer back to the blocs named last.
pub(crate) const BLOC_ANAPHORS: &[&str] = &[
    "these organizations",
    "these organisations",
    "both organizations",
    "both organisations",
    "the two organizations",
    "the two organisations",
    "these institutions",
    "these bodies",
];

/// How many sentences after the sentence that named it a paragraph's one country is still what
/// a sentence naming nobody is about: a speech's long paragraph moves on ("the speech made by Mr.
/// Pella of Italy" four sentences before a passage on colonial questions in general).
pub(crate) const PARAGRAPH_CARRY_REACH: usize = 3;

/// How many sentences after the country named last "the country" may still be that country: far
/// from any other country named, a speech's "the country's unity" is the speaker's own.
pub(crate) const COUNTRY_ANAPHOR_REACH: usize = 5;

/// How many sentences after the pair named last "both sides" or "bilateral" may still be that
/// pair: a news report's pair holds to its end; a speech's "bilateral meetings" pages later are
/// meetings in general.
pub(crate) const DYAD_REACH: usize = 10;

/// How far after an opener the topic country may start (bytes).
pub(crate) const OPENER_REACH: usize = 40;

pub(crate) const DYAD_CUES: &[&str] = &[
    "the two countries",
    "both countries",
    "the two sides",
    "both sides",
    "the two nations",
    "both nations",
    "the two governments",
    "both governments",
    "our two countries",
    "our two nations",
    "our two peoples",
    "our two governments",
    "the two neighbors",
    "the two neighbours",
    "the two neighboring countries",
    "the two neighbouring countries",
    "bilateral",
];

/// Openings that make the participants of the talks the subject of a sentence ("The talks
/// covered…", "During the talks, the ministers will…", "The ministers agreed…"): the sentence is
/// about the other party of those talks, whatever else it names.
pub(crate) const PARTICIPANT_SUBJECTS: &[&str] = &[
    "the talks ",
    "the meeting ",
    "the call ",
    "the phone call ",
    "the telephone call ",
    "the conversation ",
    "the discussions ",
    "during the talks,",
    "during the meeting,",
    "during the call,",
    "during the conversation,",
    "at the meeting,",
    "in the talks,",
    "the ministers ",
    "the two ministers ",
    "both ministers ",
    "the foreign ministers ",
    "the two foreign ministers ",
    "the leaders ",
    "the two leaders ",
    "both leaders ",
    "the two presidents ",
    "the two prime ministers ",
    "the two top diplomats ",
    "the two diplomats ",
];

/// Verbs after "It" that make it refer back to the previous subject ("It should…", "It has
/// also defied…"); "It is…" is usually impersonal.
pub(crate) const IT_VERBS: &[&str] = &[
    "should", "must", "will", "would", "can", "could", "has", "had", "remains", "needs",
];

/// Event nouns (stem, forms) that a definite phrase can refer back to: "these visits" are the
/// visits named earlier, "the meeting" is the meeting named earlier.
pub(crate) const EVENT_NOUNS: &[(&str, &[&str])] = &[
    ("visit", &["visit", "visits"]),
    ("trip", &["trip", "trips"]),
    ("meeting", &["meeting", "meetings"]),
    ("talks", &["talks"]),
    ("summit", &["summit", "summits"]),
];

pub(crate) const DETERMINERS: &[&str] = &["the", "this", "these", "that", "those"];

/// How many sentences back a definite event may find the event it refers to: "the meeting"
/// twenty sentences after a meeting is another meeting.
pub(crate) const EVENT_REACH: usize = 8;

/// Words between a determiner and an event noun that make it a new event ("the first meeting",
/// "the next summit"), not the one named before.
const NEW_EVENT_WORDS: &[&str] = &["first", "second", "third", "fourth", "fifth", "next"];

pub(crate) fn event_stem(word: &str) -> Option<&'static str> {
    EVENT_NOUNS
        .iter()
        .find(|(_, forms)| forms.contains(&word))
        .map(|(stem, _)| *stem)
}

/// The event nouns a sentence names (lower-case words).
pub(crate) fn event_nouns(words: &[&str]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for word in words {
        if let Some(stem) = event_stem(word)
            && !out.contains(&stem)
        {
            out.push(stem);
        }
    }
    out
}

/// The event nouns of definite phrases ("these visits", "the meeting", "this official visit").
pub(crate) fn definite_events(words: &[&str]) -> Vec<&'static str> {
    words
        .iter()
        .enumerate()
        .filter(|(_, word)| DETERMINERS.contains(word))
        .filter_map(|(i, _)| {
            let next = words.get(i + 1).and_then(|w| event_stem(w));
            next.or_else(|| {
                let between = words.get(i + 1)?;
                if NEW_EVENT_WORDS.contains(between) {
                    return None;
                }
                words.get(i + 2).and_then(|w| event_stem(w))
            })
        })
        .collect()
}

/// Abstract nouns that a demonstrative turns into a reference to what was just said ("the key to
/// this matter", "initiatives in this field", "vulnerable in that regard"), singular after
/// "this"/"that"…
const TOPIC_NOUNS: &[&str] = &[
    "matter",
    "question",
    "issue",
    "field",
    "regard",
    "respect",
    "evolution",
    "campaign",
    "problem",
    "process",
    "commitment",
    "endeavour",
    "endeavor",
    "effort",
    "struggle",
    "development",
    "situation",
    "subject",
    "domain",
    "sphere",
    "connection",
    "connexion",
    "area",
    "step",
    "task",
    "event",
    "context",
];

/// …and plural after "these"/"those" ("to follow up on these commitments").
const TOPIC_NOUNS_PLURAL: &[&str] = &[
    "matters",
    "questions",
    "issues",
    "problems",
    "commitments",
    "efforts",
    "developments",
    "principles",
    "steps",
    "tasks",
    "events",
    "areas",
    "endeavours",
    "endeavors",
];

/// Words after which "that" opens a clause ("we agreed that efforts…", "I believe that
/// development…") rather than pointing back.
const THAT_CLAUSE_OPENERS: &[&str] = &[
    "agree",
    "agreed",
    "agrees",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "hope",
    "hopes",
    "hoped",
    "note",
    "notes",
    "noted",
    "said",
    "say",
    "says",
    "stress",
    "stressed",
    "stresses",
    "emphasize",
    "emphasized",
    "emphasise",
    "emphasised",
    "recognize",
    "recognized",
    "recognise",
    "recognised",
    "ensure",
    "ensured",
    "clear",
    "convinced",
    "confident",
    "fact",
    "know",
    "known",
    "knows",
    "recall",
    "recalled",
    "feel",
    "felt",
    "consider",
    "considered",
    "declare",
    "declared",
    "affirm",
    "affirmed",
    "reaffirm",
    "reaffirmed",
    "so",
    "such",
    "is",
    "was",
    "be",
    "been",
    "are",
    "were",
    "demand",
    "demanded",
    "insist",
    "insisted",
    "request",
    "requested",
    "proposed",
    "propose",
    "suggest",
    "suggested",
    "show",
    "shows",
    "showed",
    "shown",
    "mean",
    "means",
    "meant",
    "realize",
    "realized",
    "realise",
    "realised",
    "understand",
    "understood",
    "true",
    "sure",
    "aware",
    "certain",
    "evident",
    "obvious",
];

/// Whether the sentence refers back to what was just said with a demonstrative and an abstract
/// noun ("this matter", "in that regard", "these commitments"). The noun agrees with the
/// determiner, and "that" after a verb of saying or thinking opens a clause instead.
pub(crate) fn has_topic_anaphor(words: &[&str]) -> bool {
    words.windows(2).enumerate().any(|(i, pair)| match pair[0] {
        "this" => TOPIC_NOUNS.contains(&pair[1]),
        "that" => {
            TOPIC_NOUNS.contains(&pair[1])
                && !i
                    .checked_sub(1)
                    .is_some_and(|before| THAT_CLAUSE_OPENERS.contains(&words[before]))
        }
        "these" | "those" => TOPIC_NOUNS_PLURAL.contains(&pair[1]),
        _ => false,
    })
}

/// The entities that open a sentence as its subject, alone or as a list ("The United Nations
/// must…", "The United Arab Emirates, Saudi Arabia and Qatar have pledged…").
pub(crate) fn subject_ids(
    body: &str,
    start: usize,
    mentions: &[Mention],
    matcher: &EntityMatcher,
) -> Vec<String> {
    // The subject opens the sentence, or the main clause after a fronted phrase ("Following my
    // trip to Riyadh, the Gulf states opened…").
    let opens_clause = |m: &Mention| {
        let before = body.get(start..m.start).unwrap_or_default();
        let before = before.strip_suffix("the ").unwrap_or(before);
        let before = before.strip_suffix("The ").unwrap_or(before);
        m.start <= start + 4 || (before.ends_with(", ") && !before.contains(['.', ';']))
    };
    let Some(first_index) = mentions.iter().position(|m| !m.venue && opens_clause(m)) else {
        return Vec::new();
    };
    let mentions = &mentions[first_index..];
    let first = &mentions[0];
    let mut last = first;
    let mut ids: Vec<String> = matcher.targets(first).to_vec();
    for next in &mentions[1..] {
        let gap = body.get(last.end..next.start).unwrap_or_default();
        if next.venue || !matches!(gap, ", " | " and " | ", and ") {
            break;
        }
        ids.extend(matcher.targets(next).iter().cloned());
        last = next;
    }
    let verb = body
        .get(last.end..)
        .unwrap_or_default()
        .trim_start_matches(' ')
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let past_tense = verb.len() > 3 && verb.ends_with("ed") && verb.starts_with(char::is_lowercase);
    if in_subject_position(body, last) || past_tense {
        ids
    } else {
        Vec::new()
    }
}

/// True when the participants of the talks open the sentence as its subject ("The talks
/// covered…", "During the talks, the ministers…"); `lower` is the sentence in lower case.
pub(crate) fn participants_are_subject(lower: &str) -> bool {
    let opening = lower.trim_start_matches(['"', '“']);
    PARTICIPANT_SUBJECTS.iter().any(|p| opening.starts_with(p))
}

/// The other party of "the talks": the countries of the event named earlier, else of the party
/// met or called last, else the last pair.
pub(crate) fn talks_party<'a>(
    antecedent: Option<&'a Vec<String>>,
    counterpart: &'a [String],
    last_dyad: &'a [String],
) -> &'a [String] {
    match antecedent {
        Some(ids) if !ids.is_empty() => ids,
        _ if !counterpart.is_empty() => counterpart,
        _ => last_dyad,
    }
}

/// The countries of the people a sentence names as the party met, called or received ("held
/// talks with her German counterpart Annalena Baerbock"), other than the speaker's own.
pub(crate) fn met_parties(
    body: &str,
    mentions: &[LeaderMention],
    leaders: &FoundLeaders,
    speaker_country: &str,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for mention in mentions {
        if let Some(country) = leaders.leaders[mention.leader].country.as_deref()
            && country != speaker_country
            && super::speaker::is_met_party(body, mention.start)
            && !out.iter().any(|c| c == country)
        {
            out.push(country.to_string());
        }
    }
    out
}

/// Whether the text quotes at least three words between quotation marks.
pub(crate) fn has_quotation(text: &str) -> bool {
    let opens = text.matches(['"', '“']).count();
    if opens >= 2 || (text.contains('“') && text.contains('”')) {
        let inner: &str = text.split(['"', '“', '”']).nth(1).unwrap_or_default();
        return inner.split_whitespace().count() >= 3;
    }
    false
}

/// Whether `word` is the first word of `text` after any leading quotes.
pub(crate) fn starts_with_word(text: &str, word: &str) -> bool {
    let t = text.trim_start_matches(['"', '“', '‘', '\'']);
    t.strip_prefix(word)
        .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
}

/// Verbs after a name that make it the subject of a finite verb ("Japan will").
const SUBJECT_VERBS: &[&str] = &[
    "will", "would", "should", "has", "have", "is", "are", "must", "can", "could", "plans",
    "seeks", "hopes", "stands", "wants", "said", "says", "was", "intends", "aims", "remains",
];

/// The word following byte `at` of `text`.
pub(crate) fn word_after(text: &str, at: usize) -> &str {
    let tail = text
        .get(at..)
        .unwrap_or_default()
        .trim_start_matches([' ', '\t']);
    let end = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

/// Adverbs and auxiliaries that may stand between a subject and its verb ("the ministry also
/// said", "Moscow later denied", "India on Tuesday firmly reiterated", "the Japanese government
/// has asked").
const MID_ADVERBS: &[&str] = &[
    "also",
    "later",
    "earlier",
    "separately",
    "again",
    "then",
    "meanwhile",
    "further",
    "reportedly",
    "repeatedly",
    "firmly",
    "strongly",
    "swiftly",
    "quickly",
    "immediately",
    "has",
    "have",
    "had",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The word after `at` once adverbs and "on Monday" are skipped (at most four words): the verb
/// of a subject ending at `at`.
pub(crate) fn verb_after(text: &str, at: usize) -> &str {
    let end_of = |from: usize, word: &str| {
        let tail = text.get(from..).unwrap_or_default();
        from + (tail.len() - tail.trim_start_matches([' ', '\t']).len()) + word.len()
    };
    let mut from = at;
    for _ in 0..4 {
        let word = word_after(text, from);
        if MID_ADVERBS.contains(&word) {
            from = end_of(from, word);
        } else if word == "on" && WEEKDAYS.contains(&word_after(text, end_of(from, word))) {
            let day_at = end_of(from, word);
            from = end_of(day_at, word_after(text, day_at));
        } else {
            return word;
        }
    }
    word_after(text, from)
}

/// True when `mention` is the subject of a finite verb ("Japan will", "The ROK side hopes").
pub fn in_subject_position(body: &str, mention: &Mention) -> bool {
    let next = word_after(body, mention.end);
    if next == "side" || next == "Government" || next == "government" {
        let after_side = mention.end + body[mention.end..].find(next).unwrap_or(0) + next.len();
        return SUBJECT_VERBS.contains(&word_after(body, after_side));
    }
    matches!(mention.form, NameForm::Name | NameForm::Capital) && SUBJECT_VERBS.contains(&next)
}

/// Add `id` to `targets` unless it is there already.
pub(crate) fn push_unique(targets: &mut Vec<String>, id: &str) {
    if !targets.iter().any(|t| t == id) {
        targets.push(id.to_string());
    }
}

/// First-person words that open a sentence as its subject.
pub(crate) const FIRST_PERSON_SUBJECTS: &[&str] = &["I", "We", "My", "Our"];

/// First-person words anywhere in a sentence.
pub(crate) const FIRST_PERSON: &[&str] = &["we", "We", "our", "Our", "us", "I", "my", "My", "me"];

/// Words of a sentence with their byte offsets (relative to the sentence).
pub(crate) fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .scan(0usize, |offset, w| {
            let start = *offset;
            *offset += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verb_after_a_subject_skips_adverbs_and_the_weekday() {
        let text = "India on Tuesday firmly reiterated its support";
        assert_eq!(verb_after(text, 5), "reiterated");
        assert_eq!(verb_after("the ministry also said", 12), "said");
        assert_eq!(verb_after("the government has asked", 14), "asked");
        assert_eq!(verb_after("Moscow on the other hand", 6), "on");
        assert_eq!(verb_after("Japan", 5), "");
    }
}
