//! Stage 5, attribution: targets, speaker and kind of every sentence.
//!
//! - Targets are the entities named in the sentence (venues and blockers left out), the countries
//!   of the leaders named in it, and carried context: an opener ("On China …", "As for Japan …",
//!   "Regarding …", "Concerning …", "With North Korea, …") sets the country for the rest of the
//!   paragraph; "the two countries", "the two sides", "bilateral" keep the previous target when
//!   the sentence names no country (or when "The two sides …" is its subject); "They …" and
//!   "their" keep it within the paragraph. The article speaker's own country is never a target.
//! - Kind: reported ("Moon said", "He expressed hope", "Wang Yi expressed,"), quote (first person
//!   or quotation marks), otherwise narrative.
//! - Speaker: the leader named as subject, "He"/"She" for the last one, "The ROK side" for a
//!   side; a speaker of another country (the other party) gives that country as speaker entity.

use super::context::{
    BLOC_ANAPHORS, COUNTRIES_ANAPHORS, COUNTRY_ANAPHOR_REACH, COUNTRY_ANAPHORS, DYAD_CUES,
    DYAD_REACH, EVENT_REACH, FIRST_PERSON, FIRST_PERSON_SUBJECTS, IT_VERBS, OPENER_REACH, OPENERS,
    PARAGRAPH_CARRY_REACH, PLACE_OPENERS, REGION_ANAPHORS, definite_events, event_nouns,
    has_quotation, met_parties, participants_are_subject, push_unique, starts_with_word,
    subject_ids, talks_party, word_after, words_with_offsets,
};
use super::entities::{EntityMatcher, Mention, NameForm};
use super::leaders::FoundLeaders;
use super::sentences::Sentence;
use super::verbs::REPORTING_VERBS;
use crate::model::StatementKind;

/// The annotation of one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// Entity ids the sentence is about.
    pub targets: Vec<String>,
    /// Index of the speaking leader in the found leaders, when a leader speaks.
    pub speaker_leader: Option<usize>,
    /// A speaking side that is not a person ("ROK side"), when there is one.
    pub speaker_side: Option<(String, String)>,
    /// Quote, reported or narrative.
    pub kind: StatementKind,
    /// Indexes of the leaders named in the sentence.
    pub leaders: Vec<usize>,
}

/// Attribute every sentence of a body.
pub fn attribute(
    body: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    matcher: &EntityMatcher,
    leaders: &FoundLeaders,
    speaker_country: &str,
) -> Vec<Attribution> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut mention_cursor = 0;
    let mut leader_cursor = 0;
    let mut paragraph_topic: Vec<String> = Vec::new();
    let mut current_paragraph = usize::MAX;
    let mut last_targets: Vec<String> = Vec::new();
    // The countries and blocs of the last sentence that spoke of "the two sides" or "bilateral"
    // ties: "both sides" later in the article are still that pair, whatever came between.
    let mut last_dyad: Vec<String> = Vec::new();
    let mut previous_in_paragraph: Vec<String> = Vec::new();
    let mut last_speaker: Option<usize> = None;
    let mut spoke_just_before = false; // a person spoke the sentence before
    // The event nouns named with their targets and the sentence that named them.
    let mut event_targets: Vec<(&'static str, Vec<String>, usize)> = Vec::new();
    let mut last_country: Option<String> = None;
    // The sentences that named `last_country` and `last_dyad`.
    let mut last_country_at = 0usize;
    let mut last_dyad_at = 0usize;
    let mut last_blocs: Vec<String> = Vec::new();
    let mut last_region: Option<String> = None;
    // The other countries named so far in the paragraph (by the sentences' own names).
    let mut paragraph_countries: Vec<String> = Vec::new();
    let mut first_in_paragraph = true;
    // The sentence that last named a country of `paragraph_countries`.
    let mut paragraph_country_at = 0usize;
    // The previous paragraph's one country, continued by a paragraph that opens naming nobody.
    let mut inherited: Vec<String> = Vec::new();
    // The targets of the previous sentence when an entity was its subject, for "It must…".
    let mut previous_subject: Vec<String> = Vec::new();
    // The countries of the people met, called or received last ("held talks with her German
    // counterpart Annalena Baerbock"): the other party of "the talks" and "the ministers".
    let mut counterpart: Vec<String> = Vec::new();
    // Whether a quotation opened in an earlier sentence is still open.
    let mut quote_open = false;

    for (index, sentence) in sentences.iter().enumerate() {
        let text = &body[sentence.start..sentence.end];
        if sentence.paragraph != current_paragraph {
            current_paragraph = sentence.paragraph;
            quote_open = false;
            paragraph_topic.clear();
            previous_in_paragraph.clear();
            inherited = if paragraph_countries.len() == 1 {
                std::mem::take(&mut paragraph_countries)
            } else {
                Vec::new()
            };
            paragraph_countries.clear();
            first_in_paragraph = true;
            // A journalist's new question ("Q: Reuters. …") opens a new subject: nothing of
            // the answer before carries into it.
            if text.trim_start().starts_with("Q:") {
                inherited.clear();
                last_targets.clear();
                last_dyad.clear();
                last_country = None;
                last_blocs.clear();
                last_region = None;
                previous_subject.clear();
                counterpart.clear();
                event_targets.clear();
            }
        }
        while mention_cursor < mentions.len() && mentions[mention_cursor].end <= sentence.start {
            mention_cursor += 1;
        }
        let mut sentence_mentions = Vec::new();
        let mut m = mention_cursor;
        while m < mentions.len() && mentions[m].start < sentence.end {
            sentence_mentions.push(mentions[m]);
            m += 1;
        }
        while leader_cursor < leaders.mentions.len()
            && leaders.mentions[leader_cursor].end <= sentence.start
        {
            leader_cursor += 1;
        }
        let mut sentence_leaders = Vec::new();
        let mut l = leader_cursor;
        while l < leaders.mentions.len() && leaders.mentions[l].start < sentence.end {
            sentence_leaders.push(leaders.mentions[l]);
            l += 1;
        }

        // Own targets: entity names and the countries of the leaders named.
        let mut targets: Vec<String> = Vec::new();
        let mut names_a_country = false;
        let mut names_main_speaker = false;
        for mention in sentence_mentions.iter().filter(|m| !m.venue) {
            for id in matcher.targets(mention) {
                if id == speaker_country {
                    names_main_speaker = true;
                } else {
                    push_unique(&mut targets, id);
                    if matcher.kind(id) == Some(crate::model::EntityKind::Country) {
                        names_a_country = true;
                    }
                }
            }
        }
        let mut leader_indexes: Vec<usize> = Vec::new();
        for mention in &sentence_leaders {
            if !leader_indexes.contains(&mention.leader) {
                leader_indexes.push(mention.leader);
            }
            if let Some(country) = leaders.leaders[mention.leader].country.as_deref() {
                if country == speaker_country {
                    names_main_speaker = true;
                } else {
                    push_unique(&mut targets, country);
                    names_a_country = true;
                }
            }
        }
        let own_is_empty = targets.is_empty();
        let counterpart_here = met_parties(body, &sentence_leaders, leaders, speaker_country);
        // The speaker itself opens the sentence ("Hungary has had difficulties coping…").
        let speaker_is_subject = sentence_mentions.first().is_some_and(|m| {
            m.start <= sentence.start + 4 && matcher.targets(m).iter().any(|t| t == speaker_country)
        });
        let own_targets: Vec<String> = targets
            .iter()
            .filter(|t| *t != speaker_country)
            .cloned()
            .collect();

        // Openers set the topic of the rest of the paragraph.
        let trimmed = text.trim_start_matches(['"', '“']);
        let lead = text.len() - trimmed.len();
        for opener in OPENERS {
            if trimmed.starts_with(opener) {
                let opener_end = sentence.start + lead + opener.len();
                if let Some(first) = sentence_mentions.iter().find(|m| {
                    !m.venue
                        && m.start >= opener_end
                        && m.start - opener_end <= OPENER_REACH
                        && !body[opener_end..m.start].contains(',')
                        && matcher.targets(m).iter().any(|t| t != speaker_country)
                }) {
                    paragraph_topic = matcher
                        .targets(first)
                        .iter()
                        .filter(|t| *t != speaker_country && t.as_str() != "GLOBAL")
                        .cloned()
                        .collect();
                }
                break;
            }
        }
        for opener in PLACE_OPENERS {
            let Some(rest) = trimmed.strip_prefix(opener) else {
                continue;
            };
            let opener_end = sentence.start + lead + opener.len();
            let closes = |end: usize| {
                let tail = &body[end..sentence.end];
                tail.starts_with(',') || tail.starts_with(" itself,")
            };
            if let Some(first) = sentence_mentions.iter().find(|m| {
                m.start == opener_end && m.form == NameForm::Name && !m.venue && closes(m.end)
            }) && !rest.is_empty()
            {
                let ids: Vec<String> = matcher
                    .targets(first)
                    .iter()
                    .filter(|t| {
                        *t != speaker_country
                            && matcher.kind(t) == Some(crate::model::EntityKind::Country)
                    })
                    .cloned()
                    .collect();
                if !ids.is_empty() {
                    paragraph_topic = ids;
                }
            }
        }

        // Carry: the two countries / the two sides / bilateral; pronouns within the paragraph.
        let lower = text.to_lowercase();
        let dyad = DYAD_CUES.iter().any(|cue| lower.contains(cue));
        let dyad_subject = dyad && (lower.starts_with("the two ") || lower.starts_with("both "));
        if ((dyad && !names_a_country) || dyad_subject)
            && (last_dyad.is_empty() || index - last_dyad_at <= DYAD_REACH)
        {
            let pair = if last_dyad.is_empty() {
                &last_targets
            } else {
                &last_dyad
            };
            for id in pair {
                push_unique(&mut targets, id);
            }
        }
        let lower_words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let antecedent = definite_events(&lower_words).into_iter().find_map(|noun| {
            event_targets
                .iter()
                .rev()
                .find(|(n, _, at)| *n == noun && index - at <= EVENT_REACH)
                .map(|(_, ids, _)| ids)
        });
        if own_is_empty && let Some(ids) = antecedent {
            for id in ids {
                push_unique(&mut targets, id);
            }
        }
        // "Sikorski stressed that the meeting took place while the crisis in Ukraine…": a
        // definite event in a sentence with targets of its own still involves the party met.
        if !own_is_empty && !definite_events(&lower_words).is_empty() {
            for id in &counterpart {
                push_unique(&mut targets, id);
            }
        }
        // "The talks covered…", "The ministers agreed…": the other party of the talks.
        if participants_are_subject(&lower) {
            for id in talks_party(antecedent, &counterpart, &last_dyad) {
                push_unique(&mut targets, id);
            }
        }
        // "their" is the previous sentence's only when the sentence has no anaphor of its own
        // ("up to the nations of the region to decide … their children"); "He"/"His" opening a
        // sentence that names nobody goes on with the person of the sentence before ("The High
        // Commissioner for Human Rights… He must be given our full cooperation").
        let own_anaphor = REGION_ANAPHORS
            .iter()
            .chain(COUNTRY_ANAPHORS)
            .chain(BLOC_ANAPHORS)
            .any(|cue| lower.contains(cue));
        let pronoun = starts_with_word(text, "They")
            || (lower.contains(" their ") && !own_anaphor)
            || ["He", "She", "His", "Her"]
                .iter()
                .any(|w| starts_with_word(text, w));
        // "in that regard", "this matter": what the previous sentence was about, global issues
        // and regions included, in a sentence naming no country of its own ("We work with the
        // Nordic countries in this respect" after a sentence on South Africa).
        if !names_a_country && !own_anaphor && super::context::has_topic_anaphor(&lower_words) {
            for id in &previous_in_paragraph {
                push_unique(&mut targets, id);
            }
        }
        let they_subject = starts_with_word(text, "They");
        // "They" with a known subject takes only that subject (below).
        let they_has_subject = they_subject && !previous_subject.is_empty();
        if own_is_empty && pronoun && !they_has_subject {
            for id in previous_in_paragraph
                .iter()
                .filter(|id| matcher.is_carried(id))
            {
                push_unique(&mut targets, id);
            }
        }
        // "those States", "these countries": the countries of the sentence before.
        if !names_a_country && COUNTRIES_ANAPHORS.iter().any(|cue| lower.contains(cue)) {
            for id in previous_in_paragraph
                .iter()
                .filter(|id| matcher.kind(id) == Some(crate::model::EntityKind::Country))
            {
                push_unique(&mut targets, id);
            }
        }
        // "that country", "the country": the country named last.
        let country_anaphor = COUNTRY_ANAPHORS.iter().any(|cue| lower.contains(cue));
        if own_is_empty
            && country_anaphor
            && index - last_country_at <= COUNTRY_ANAPHOR_REACH
            && let Some(id) = &last_country
        {
            push_unique(&mut targets, id);
        }
        // "the region", "the continent": the region named last, also beside countries.
        let names_a_region = own_targets
            .iter()
            .any(|id| matcher.kind(id) == Some(crate::model::EntityKind::Region));
        if (own_is_empty || !names_a_region)
            && REGION_ANAPHORS.iter().any(|cue| lower.contains(cue))
            && let Some(id) = &last_region
        {
            push_unique(&mut targets, id);
        }
        // "these organisations": the blocs named last.
        if BLOC_ANAPHORS.iter().any(|cue| lower.contains(cue)) {
            for id in &last_blocs {
                push_unique(&mut targets, id);
            }
        }
        // "The United Nations must remain universal. It should be more responsive.": "It" with
        // a modal or "has" continues the previous sentence's subject.
        let it_subject = starts_with_word(text, "It")
            && IT_VERBS.contains(&word_after(text, text.find("It").map_or(0, |i| i + 2)));
        // "They" opening a sentence is the previous sentence's subject ("Saudi Arabia and Qatar
        // have pledged aid. They are pursuing an end to Yemen's war.").
        if (own_is_empty && it_subject) || they_subject {
            for id in &previous_subject {
                push_unique(&mut targets, id);
            }
        }
        for id in &paragraph_topic {
            push_unique(&mut targets, id);
        }
        // A paragraph that opens naming nobody (not even the speaker) goes on with the one
        // country of the paragraph before.
        if first_in_paragraph
            && sentence_mentions.is_empty()
            && sentence_leaders.is_empty()
            && !inherited.is_empty()
        {
            paragraph_countries = std::mem::take(&mut inherited);
            first_in_paragraph = false;
        }
        // A paragraph about one country: a later sentence that names nobody (and not the
        // speaker itself), and that no anaphor above resolved, is still about it; a second
        // country named ends the carry, and so does distance (PARAGRAPH_CARRY_REACH).
        if own_is_empty
            && targets.is_empty()
            && !first_in_paragraph
            && !speaker_is_subject
            && index - paragraph_country_at <= PARAGRAPH_CARRY_REACH
            && let [only] = paragraph_countries.as_slice()
        {
            push_unique(&mut targets, only);
        }
        // A question that names nobody ("How do you respond to that?") has no target.
        if own_is_empty && text.trim_end().ends_with('?') {
            targets.clear();
        }
        for id in &own_targets {
            if matcher.kind(id) == Some(crate::model::EntityKind::Country) {
                paragraph_country_at = index;
                push_unique(&mut paragraph_countries, id);
            }
        }
        first_in_paragraph = false;
        let subject = subject_ids(body, sentence.start + lead, &sentence_mentions, matcher);
        previous_subject = if !subject.is_empty() {
            subject
                .into_iter()
                .filter(|id| id != speaker_country)
                .collect()
        } else if (own_is_empty && it_subject) || they_subject {
            previous_subject
                .iter()
                .filter(|id| targets.contains(id))
                .cloned()
                .collect()
        } else {
            Vec::new()
        };
        targets.retain(|t| t != speaker_country);
        if let Some(id) = own_targets
            .iter()
            .rev()
            .find(|id| matcher.kind(id) == Some(crate::model::EntityKind::Country))
        {
            last_country = Some(id.clone());
            last_country_at = index;
        }
        if let Some(id) = own_targets
            .iter()
            .rev()
            .find(|id| matcher.kind(id) == Some(crate::model::EntityKind::Region))
        {
            last_region = Some(id.clone());
        }
        let blocs_here: Vec<String> = own_targets
            .iter()
            .filter(|id| matcher.kind(id) == Some(crate::model::EntityKind::Bloc))
            .cloned()
            .collect();
        if !blocs_here.is_empty() {
            last_blocs = blocs_here;
        }

        // Kind.
        let sentence_words: Vec<(usize, &str)> = words_with_offsets(text).collect();
        let first_verb = sentence_words
            .iter()
            .find(|(_, w)| REPORTING_VERBS.contains(w))
            .map(|(at, _)| sentence.start + at);
        let first_person = sentence_words.iter().any(|(_, w)| FIRST_PERSON.contains(w));
        let kind = if first_verb.is_some() {
            StatementKind::Reported
        } else if first_person || has_quotation(text) {
            StatementKind::Quote
        } else {
            StatementKind::Narrative
        };

        // Speaker.
        let word_twelve = sentence_words
            .get(12)
            .map_or(sentence.end, |(at, _)| sentence.start + at);
        // "I would like to thank Chairman Kim": the first person speaks, not the one named.
        let first_person_subject = FIRST_PERSON_SUBJECTS
            .iter()
            .any(|w| starts_with_word(text.trim_start_matches(['"', '“']), w));
        // "In our case, we recall that former President Obama declared…", "may I congratulate
        // President Kavan": first-person words outside quotation marks keep the sentence the
        // text's own speaker's, whoever else it names.
        // A quotation left open by the sentence before goes on at the start of this one.
        let own_voice = text
            .split(['"', '“', '”'])
            .skip(usize::from(quote_open))
            .step_by(2)
            .flat_map(words_with_offsets)
            .any(|(_, w)| FIRST_PERSON.contains(&w));
        if text.matches(['"', '“', '”']).count() % 2 == 1 {
            quote_open = !quote_open;
        }
        let subject_leader = sentence_leaders
            .iter()
            .position(|m| REPORTING_VERBS.contains(&word_after(body, m.end)))
            .map(|at| {
                super::person::joint_subject_speaker(
                    body,
                    &sentence_leaders[..=at],
                    leaders,
                    speaker_country,
                )
            })
            .or_else(|| {
                sentence_leaders.iter().find(|m| {
                    let possessive =
                        body[m.end..].starts_with("'s") || body[m.end..].starts_with("’s");
                    !possessive
                        && !first_person_subject
                        && (!super::speaker::is_other_side(body, m.start)
                            || super::person::is_credited(body, m.start))
                        && m.start < word_twelve
                        && first_verb.is_none_or(|v| m.start < v)
                })
            })
            .map(|m| m.leader)
            .filter(|_| !own_voice);
        let mut speaker_side = None;
        if starts_with_word(text, "The")
            && let Some(side) = sentence_mentions.first()
            && word_after(body, side.end) == "side"
            && side.start <= sentence.start + lead + 4
            && let Some(id) = matcher.targets(side).first()
        {
            let name = format!("{} side", &body[side.start..side.end]);
            speaker_side = Some((name, id.clone()));
        }
        // "But China's defence ministry said …": another country's office reports.
        if speaker_side.is_none()
            && subject_leader.is_none()
            && let Some((name, id)) = super::person::other_government(
                body,
                sentence.start,
                &sentence_mentions,
                matcher,
                speaker_country,
            )
        {
            speaker_side = Some((name, id));
        }
        // "The President of the United States could…" is someone else, not "the president" again.
        let pronoun_subject = !own_voice
            && (starts_with_word(text, "He")
                || starts_with_word(text, "She")
                || (lower.starts_with("the president ")
                    && !lower.starts_with("the president of "))
                || (lower.starts_with("the minister ") && !lower.starts_with("the minister of ")));
        // In a narrative sentence ("Steinmeier was a guest at…") a person of another country
        // acts but does not speak: the statement stays the article's.
        let subject_leader = subject_leader.filter(|&i| {
            kind != StatementKind::Narrative
                || leaders.leaders[i].country.as_deref() == Some(speaker_country)
        });
        let speaker_leader = if speaker_side.is_some() {
            None
        } else if subject_leader.is_some() {
            subject_leader
        } else if pronoun_subject
            || (kind == StatementKind::Quote && has_quotation(text) && spoke_just_before)
        {
            // Quoted words go on with the person who spoke the sentence before, not with one
            // named pages before (a speech quoting a document).
            last_speaker
        } else {
            None
        };
        spoke_just_before = speaker_leader.is_some();
        if speaker_leader.is_some() {
            last_speaker = speaker_leader;
        }
        // Another party speaking: its own country is not its target, the main speaker named in
        // its words is.
        let statement_country = speaker_side
            .as_ref()
            .map(|(_, id)| id.as_str())
            .or_else(|| speaker_leader.and_then(|i| leaders.leaders[i].country.as_deref()));
        if let Some(other) = statement_country
            && other != speaker_country
        {
            targets.retain(|t| t != other);
            if names_main_speaker {
                push_unique(&mut targets, speaker_country);
            }
        }

        let mut carried: Vec<String> = targets
            .iter()
            .filter(|t| matcher.is_carried(t))
            .cloned()
            .collect();
        // After the other party's words, "the two sides" are the main speaker and that party.
        if let Some(other) = statement_country
            && other != speaker_country
        {
            carried = vec![other.to_string()];
        }
        if dyad && !carried.is_empty() {
            last_dyad.clone_from(&carried);
            last_dyad_at = index;
        }
        if !carried.is_empty() {
            last_targets = carried;
        }
        previous_in_paragraph = own_targets;
        if !counterpart_here.is_empty() {
            counterpart = counterpart_here;
        }
        let carried_here: Vec<String> = targets
            .iter()
            .filter(|t| matcher.is_carried(t))
            .cloned()
            .collect();
        if !carried_here.is_empty() {
            for noun in event_nouns(&lower_words) {
                event_targets.push((noun, carried_here.clone(), index));
            }
        }
        out.push(Attribution {
            targets,
            speaker_leader,
            speaker_side,
            kind,
            leaders: leader_indexes,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::Gazetteer;
    use crate::ingest::leaders::LeaderMatcher;
    use crate::ingest::sentences;

    fn run(body: &str, speaker: &str) -> Vec<Attribution> {
        let gazetteer = Gazetteer::builtin();
        let matcher = EntityMatcher::new(&gazetteer).expect("entities");
        let leader_matcher = LeaderMatcher::new(&gazetteer).expect("leaders");
        let mentions = matcher.find(body);
        let leaders = leader_matcher.find(body, Some("2021-01-21"), &matcher, &mentions);
        let sentences = sentences::split(body);
        attribute(body, &sentences, &mentions, &matcher, &leaders, speaker)
    }

    fn targets(body: &str, speaker: &str) -> Vec<Vec<String>> {
        run(body, speaker).into_iter().map(|a| a.targets).collect()
    }

    #[test]
    fn first_person_words_outside_quotation_marks_are_the_texts_speaker() {
        // A speech quotes a leader, then goes on in its own voice.
        let body = "As President Xi Jinping said, \"the world is undergoing profound changes\". \
            We believe that cooperation among developing countries must deepen.";
        let found = run(body, "NGA");
        assert!(
            found[0].speaker_leader.is_some(),
            "the quoted leader speaks the quote"
        );
        assert_eq!(found[1].speaker_leader, None, "the speech's own words");
        // Quoted first-person words go on with the last person who spoke.
        let news = run(
            "Xi Jinping said China would open further. \"We will keep our promises.\"",
            "NGA",
        );
        assert_eq!(news[1].speaker_leader, news[0].speaker_leader);
        assert!(news[1].speaker_leader.is_some());
    }

    #[test]
    fn a_demonstrative_topic_takes_the_previous_sentences_targets() {
        let body = "Climate change threatens every nation. Our islands are especially vulnerable \
            in that regard.\n\nWe have taken many initiatives in this field.";
        let found = targets(body, "FJI");
        assert_eq!(found[1], vec!["GLOBAL".to_string()]);
        let beside = targets(
            "Norway disengages from South Africa. We work with the Nordic countries in this respect.",
            "NOR",
        );
        assert_eq!(
            beside[1],
            vec!["EUROPE", "ZAF"],
            "beside a region of its own"
        );
        assert!(
            found[2].is_empty(),
            "not across a paragraph: {:?}",
            found[2]
        );
        let plain = targets(
            "Climate change threatens every nation. Our islands are small.",
            "FJI",
        );
        assert!(plain[1].is_empty());
    }

    #[test]
    fn a_demonstrative_agrees_with_its_noun_and_that_after_a_verb_opens_a_clause() {
        let previous = "Climate change threatens every nation. ";
        for (sentence, carried) in [
            ("Our islands are vulnerable in that regard.", true),
            ("We will follow up on these commitments.", true),
            ("We agreed that efforts must continue.", false),
            ("We believe that development needs peace.", false),
            ("We welcome this efforts report.", false),
        ] {
            let found = targets(&format!("{previous}{sentence}"), "FJI");
            assert_eq!(!found[1].is_empty(), carried, "{sentence}: {:?}", found[1]);
        }
    }

    #[test]
    fn those_states_are_the_countries_of_the_sentence_before() {
        let body = "We welcome Malawi and Zambia as new Members. We look forward to working \
            with those States in the United Nations.";
        let found = targets(body, "IND");
        assert_eq!(found[1], vec!["UN", "MWI", "ZMB"]);
        let own = targets(
            "We welcome Malawi as a new Member. Those States that border Chile must act.",
            "IND",
        );
        assert_eq!(
            own[1],
            vec!["CHL"],
            "a sentence naming a country of its own"
        );
    }

    #[test]
    fn he_opening_a_sentence_naming_nobody_goes_on_with_the_person_before() {
        let body = "The United Nations High Commissioner for Human Rights plays a key role. \
            He must be given our full cooperation.";
        assert_eq!(targets(body, "IRL")[1], vec!["UN"]);
        let plain = targets(
            "The United Nations High Commissioner plays a key role. We must cooperate.",
            "IRL",
        );
        assert!(plain[1].is_empty());
    }

    #[test]
    fn a_joint_subject_speaks_for_the_articles_own_country() {
        let body = "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed agreed \
            to build a road. \"Our two nations share a destiny,\" Ruto said.";
        let found = run(body, "KEN");
        let gazetteer = Gazetteer::builtin();
        let matcher = EntityMatcher::new(&gazetteer).expect("entities");
        let leader_matcher = LeaderMatcher::new(&gazetteer).expect("leaders");
        let leaders = leader_matcher.find(body, None, &matcher, &matcher.find(body));
        let speaker = found[0]
            .speaker_leader
            .map(|i| leaders.leaders[i].name.as_str());
        assert_eq!(speaker, Some("William Ruto"));
        assert_eq!(found[0].targets, vec!["ETH"]);
        assert_eq!(found[1].targets, vec!["ETH"], "our two nations");
    }

    #[test]
    fn the_ministers_are_not_the_minister_who_spoke_last() {
        let body = "Indonesian Foreign Minister Retno Marsudi told reporters ASEAN would engage. \
            The ministers also welcomed Timor-Leste's progress.";
        let found = run(body, "ASEAN");
        assert!(found[0].speaker_leader.is_some());
        assert_eq!(found[1].speaker_leader, None);
    }

    #[test]
    fn a_sentence_in_the_texts_own_voice_is_not_the_person_it_names() {
        let body = "In our case, we recall that former President Barack Obama declared us a \
            threat. The President of the United States could lift the sanctions.";
        let found = run(body, "VEN");
        assert_eq!(found[0].speaker_leader, None);
        assert_eq!(found[1].speaker_leader, None, "not 'the president' again");
        let quoted = run("Barack Obama said: \"We will talk.\" He left.", "VEN");
        assert!(
            quoted[0].speaker_leader.is_some(),
            "first person inside quotes"
        );
    }

    #[test]
    fn a_paragraphs_country_fades_after_a_few_sentences() {
        let body = "I listened to the speech of the Minister of Foreign Affairs of Italy. \
            It was thoughtful. We were moved. Our people were moved. \
            Colonial questions must be settled with care.";
        let found = targets(body, "COL");
        assert_eq!(found[1], vec!["ITA"], "the next sentence is still about it");
        assert!(found[4].is_empty(), "four sentences on: {:?}", found[4]);
    }

    #[test]
    fn the_country_far_from_any_country_named_is_the_speakers_own() {
        let near = targets(
            "We thank Norway for its aid. The country has been generous.",
            "YEM",
        );
        assert_eq!(near[1], vec!["NOR"]);
        let far = targets(
            "We thank Norway for its aid. Our economy grew. Our schools opened. Our roads were \
             built. Our ports were rebuilt. Our farms recovered. We seek the country's unity.",
            "YEM",
        );
        assert!(far[6].is_empty(), "{:?}", far[6]);
    }

    #[test]
    fn openers_set_the_country_for_the_paragraph() {
        let body = "As for Japan Moon said that ties matter.\nSeoul will resolve the dispute.\n\nThe economy of Peru grew.";
        assert_eq!(
            targets(body, "KOR"),
            vec![
                vec!["JPN".to_string()],
                vec!["JPN".into()],
                vec!["PER".into()]
            ]
        );
    }

    #[test]
    fn the_two_sides_keep_the_previous_target() {
        let body = "Wang Yi met the ROK side.\n\nThe two sides also discussed the Korean Peninsula situation.";
        assert_eq!(
            targets(body, "CHN"),
            vec![
                vec!["KOR".to_string()],
                vec!["PRK".to_string(), "KOR".to_string()]
            ]
        );
    }

    #[test]
    fn both_sides_are_the_pair_of_the_last_bilateral_sentence() {
        let body = "Foreign Minister Ana Ruiz discussed bilateral trade with Chile's foreign minister. \
            The crises in Sudan and Haiti were also discussed. Both sides agreed to meet again.";
        let found = targets(body, "PER");
        assert_eq!(found[2], vec!["CHL"]);
    }

    #[test]
    fn the_talks_and_the_ministers_are_about_the_counterpart() {
        let body = "Kenya's foreign minister held a phone call with US Secretary of State Antony Blinken. \
            The talks covered the war in Sudan. The ministers agreed to meet again in Nairobi.";
        let found = targets(body, "KEN");
        assert_eq!(found[1], vec!["SDN", "USA"]);
        assert_eq!(found[2], vec!["USA"]);
    }

    #[test]
    fn the_meeting_involves_the_party_met_but_not_a_visitor_by() {
        let met = targets(
            "Foreign Minister Ana Ruiz met Chilean Foreign Minister Alberto Klaveren on Monday. \
             Ruiz said the meeting came as the crisis in Venezuela deepened.",
            "PER",
        );
        assert_eq!(met[1], vec!["VEN", "CHL"]);
        let visit = targets(
            "Kenya will host a visit by Chinese President Xi Jinping. \
             Ruto will also attend the summit on Brazil.",
            "KEN",
        );
        assert_eq!(visit[1], vec!["BRA"]);
    }

    #[test]
    fn the_region_and_the_continent_refer_back_beside_countries() {
        let found = targets(
            "The war in Sudan worries East Africa. Fighting spread to Chad and threatens the region. \
             Nigerian firms are at work across the continent.",
            "KEN",
        );
        assert_eq!(found[1], vec!["TCD", "AFRICA"]);
        assert_eq!(found[2], vec!["NGA", "AFRICA"]);
    }

    #[test]
    fn a_question_that_names_nobody_has_no_target() {
        let found = targets(
            "Q: China sent ships near the islands. How do you respond to that?",
            "PHL",
        );
        assert_eq!(found[0], vec!["CHN"]);
        assert!(found[1].is_empty());
    }

    #[test]
    fn anaphors_come_before_the_one_country_of_the_paragraph() {
        let gulf = targets(
            "After my visit to Egypt, the Gulf states opened a new centre. They are enforcing new sanctions.",
            "USA",
        );
        assert_eq!(gulf[1], vec!["MIDDLE_EAST"]);
        let region = targets(
            "Kenya sent aid to Somalia in East Africa. \
             It is up to the nations of the region to decide their future.",
            "KEN",
        );
        assert_eq!(region[1], vec!["AFRICA"]);
    }

    #[test]
    fn a_letter_is_its_writers_statement() {
        let body = "Peru's foreign ministry met the press. According to diplomats, Chilean President Gabriel Boric has written to Peruvian leaders to propose talks.";
        let attributions = run(body, "PER");
        assert!(attributions[1].speaker_leader.is_some());
        assert_eq!(attributions[1].targets, vec!["PER"]);
    }

    #[test]
    fn the_speaker_country_is_never_a_target() {
        let body = "South Korea will work with the U.S. and Seoul will host.";
        assert_eq!(targets(body, "KOR"), vec![vec!["USA".to_string()]]);
    }

    #[test]
    fn kinds_and_speakers() {
        let body = "President Moon Jae-in said ties matter. He expressed hope for talks. We will expand our role. The economy grew.";
        let got = run(body, "KOR");
        let kinds: Vec<StatementKind> = got.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            vec![
                StatementKind::Reported,
                StatementKind::Reported,
                StatementKind::Quote,
                StatementKind::Narrative
            ]
        );
        assert!(got[0].speaker_leader.is_some());
        assert_eq!(got[1].speaker_leader, got[0].speaker_leader);
        assert_eq!(got[3].speaker_leader, None);
    }

    #[test]
    fn a_leader_before_a_reporting_verb_speaks_after_a_quote() {
        let got = run(
            "Moon Jae-in met Xi. \"We agreed to work together,\" Xi said after the meeting.",
            "KOR",
        );
        assert_eq!(got[1].kind, StatementKind::Reported);
        assert!(got[1].speaker_leader.is_some());
        assert_ne!(got[1].speaker_leader, got[0].speaker_leader);
    }

    #[test]
    fn a_definite_event_refers_back_to_the_event_named_earlier() {
        let body = "She starts her visit to Paris and Warsaw.\n\nThe weather is fine.\n\nMy goal during these visits is to listen.";
        assert_eq!(
            targets(body, "DEU"),
            vec![
                vec!["FRA".to_string(), "POL".to_string()],
                vec![],
                vec!["FRA".to_string(), "POL".to_string()]
            ]
        );
    }

    #[test]
    fn a_definite_event_far_back_or_with_an_ordinal_is_another_event() {
        let filler = "The weather is fine.\n\n".repeat(9);
        let body = format!(
            "Ministers of Chile and Peru held a meeting in Lima.\n\n{filler}The meeting was cordial."
        );
        let got = targets(&body, "ARG");
        assert_eq!(got.last(), Some(&Vec::new()), "{got:?}");
        let body = "Ministers of Chile and Peru held a meeting in Lima.\n\nA seminar will follow up the first meeting on trade.";
        assert_eq!(targets(body, "ARG")[1], Vec::<String>::new());
        let body =
            "Ministers of Chile and Peru held a meeting in Lima.\n\nThe meeting was cordial.";
        assert_eq!(
            targets(body, "ARG")[1],
            vec!["CHL".to_string(), "PER".to_string()]
        );
    }

    #[test]
    fn the_organs_of_the_un_are_the_un_but_its_resolutions_invoked_are_not() {
        let got = targets(
            "Fiji welcomes Security Council resolution 2222 (2015). We support the Secretary-General in his good offices. Iraq must comply with the resolutions of the Security Council. The Secretary-General of NATO spoke. The PLO must be heard.",
            "FJI",
        );
        assert_eq!(got[0], vec!["UN".to_string()]);
        assert_eq!(got[1], vec!["UN".to_string()]);
        assert_eq!(got[2], vec!["IRQ".to_string()]);
        assert_eq!(got[3], vec!["NATO".to_string()]);
        assert_eq!(got[4], vec!["PSE".to_string()]);
    }

    #[test]
    fn party_and_hemisphere_names_with_a_demonym_are_no_government() {
        let got = targets(
            "Jamaica lifted sanctions at the request of the African National Congress. Jamaica works in the Organization of American States and the Pan-American system. The talks on Northern Ireland resumed.",
            "JAM",
        );
        assert_eq!(got[0], Vec::<String>::new());
        assert_eq!(got[1], Vec::<String>::new());
        assert_eq!(got[2], vec!["GBR".to_string()]);
    }

    #[test]
    fn another_countrys_office_speaks_for_it() {
        let got = run(
            "Manila accused Beijing of blocking its ships.\n\nBut China's defence ministry said its vessels acted lawfully near the Philippines.",
            "PHL",
        );
        assert_eq!(
            got[1].speaker_side,
            Some(("China's defence ministry".to_string(), "CHN".to_string()))
        );
        assert!(got[1].targets.iter().all(|t| t != "CHN"));
        assert!(got[1].targets.iter().any(|t| t == "PHL"));
    }

    #[test]
    fn in_a_country_sets_the_paragraph_topic_but_a_capital_venue_does_not() {
        let body = "In Syria, the proposals offered a framework.\nThey have eroded since.\n\nIn Paris, we will meet.";
        assert_eq!(
            targets(body, "TZA"),
            vec![vec!["SYR".to_string()], vec!["SYR".into()], vec![]]
        );
    }

    #[test]
    fn a_paragraph_about_one_country_carries_it_until_another_is_named() {
        let body = "Fighting goes on in Sudan. Thousands have fled the war. Kenya hosts many of them. The camps are full.\n\nThe weather was fine.";
        assert_eq!(
            targets(body, "TZA"),
            vec![
                vec!["SDN".to_string()],
                vec!["SDN".into()],
                vec!["KEN".into()],
                vec![],
                vec![]
            ]
        );
    }

    #[test]
    fn a_paragraph_that_names_nobody_goes_on_with_the_one_country_before() {
        let body = "We engaged with Sudan.\n\nThe fighting has stopped.\n\nIn Nairobi, we met.";
        assert_eq!(
            targets(body, "TZA"),
            vec![vec!["SDN".to_string()], vec!["SDN".into()], vec![]]
        );
    }

    #[test]
    fn it_with_a_modal_continues_the_previous_subject() {
        let body =
            "The United Nations must remain relevant. It should be more responsive. It is late.";
        assert_eq!(
            targets(body, "TUV"),
            vec![vec!["UN".to_string()], vec!["UN".into()], vec![]]
        );
    }

    #[test]
    fn they_continues_a_list_subject() {
        let body = "Kenya, Uganda and Rwanda have pledged aid to Sudan. They are pursuing an end to the war in Sudan.";
        assert_eq!(
            targets(body, "TZA")[1],
            vec!["SDN".to_string(), "KEN".into(), "UGA".into(), "RWA".into()]
        );
    }

    #[test]
    fn a_credited_statement_is_spoken_by_its_author() {
        let text = "Statement by Peruvian Foreign Minister Ana Ruiz at the start of her visit.\n\nWe will listen.";
        let got = run(text, "PER");
        assert!(got[0].speaker_leader.is_some());
        // Her own words name no one: they are the text's speaker's, and she is its main person.
        assert_eq!(got[1].speaker_leader, None);
        let options = crate::ingest::IngestOptions {
            speaker: Some("PER".into()),
            ..Default::default()
        };
        let article = crate::ingest::ingest_article(text, &options).expect("ingest");
        let last = article.statements.last().expect("statements");
        assert_eq!(last.speaker.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn the_other_side_speaks() {
        let got = run("The ROK side hopes to enhance cooperation.", "CHN");
        assert_eq!(
            got[0].speaker_side,
            Some(("ROK side".to_string(), "KOR".to_string()))
        );
    }
}
