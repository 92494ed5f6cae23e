//! Stage 6, topics: topics of the lexicon (`data/topics.tsv`) signalled in a sentence, plus key
//! noun phrases: relation phrases ("Seoul-Washington alliance", "China-ROK relations") and
//! multi-word proper names that are not countries or leaders ("National Security Council").

use super::gazetteer::Gazetteer;
use super::{char_after, char_before};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The compiled topic lexicon.
#[derive(Debug, Clone)]
pub struct TopicMatcher {
    automaton: AhoCorasick,
    cue_topic: Vec<usize>,
    topics: Vec<String>,
}

const RELATION_HEADS: &[&str] = &[
    "alliance",
    "relations",
    "relationship",
    "ties",
    "summit",
    "cooperation",
    "talks",
    "partnership",
    "free",
];

const SMALL_WORDS: &[&str] = &["of", "and", "the"];

/// Most topics given per sentence.
pub const MAX_TOPICS: usize = 6;

impl TopicMatcher {
    /// Compile the topic cues of a gazetteer (case-insensitive).
    pub fn new(gazetteer: &Gazetteer) -> Result<TopicMatcher, super::entities::MatcherError> {
        let mut cues = Vec::new();
        let mut cue_topic = Vec::new();
        for (i, topic) in gazetteer.topics.iter().enumerate() {
            for cue in &topic.cues {
                cues.push(cue.clone());
                cue_topic.push(i);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&cues)
            .map_err(|e| super::entities::MatcherError(e.to_string()))?;
        Ok(TopicMatcher {
            automaton,
            cue_topic,
            topics: gazetteer.topics.iter().map(|t| t.topic.clone()).collect(),
        })
    }

    /// Topics of one sentence. `names` are byte spans (relative to `sentence`) of entity and
    /// leader names, which are not key phrases on their own.
    pub fn topics(&self, sentence: &str, names: &[(usize, usize)]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let push = |topic: String, out: &mut Vec<String>| {
            let topic = topic.split_whitespace().collect::<Vec<_>>().join(" ");
            let key = topic_key(&topic);
            if out.len() < MAX_TOPICS
                && !topic.is_empty()
                && !out.iter().any(|t| topic_key(t) == key)
            {
                out.push(topic);
            }
        };
        for phrase in relation_phrases(sentence) {
            push(phrase, &mut out);
        }
        for phrase in proper_phrases(sentence, names) {
            push(phrase, &mut out);
        }
        for m in self.automaton.find_iter(sentence) {
            if char_before(sentence, m.start()).is_some_and(char::is_alphanumeric)
                || char_after(sentence, m.end()).is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let topic = &self.topics[self.cue_topic[m.pattern().as_usize()]];
            push(topic.clone(), &mut out);
        }
        out
    }
}

/// What makes two topics the same: case, spacing and a plural `s` do not count
/// ("Peace talks" = "peace talk").
pub fn topic_key(topic: &str) -> String {
    let lower = topic.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                &w[..w.len() - 1]
            } else {
                w
            }
        })
        .collect();
    words.join(" ")
}

/// "Seoul-Washington alliance", "China-ROK free trade agreement", "South Korea-Japan relations".
fn relation_phrases(sentence: &str) -> Vec<String> {
    let words: Vec<(usize, &str)> = sentence
        .split(' ')
        .scan(0usize, |offset, w| {
            let start = *offset;
            *offset += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let mut out = Vec::new();
    for (i, (_, word)) in words.iter().enumerate() {
        let Some((left, right)) = word.split_once('-') else {
            continue;
        };
        let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        if !capital(left) || !capital(right) {
            continue;
        }
        let Some(&(_, head)) = words.get(i + 1) else {
            continue;
        };
        let head = head.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !RELATION_HEADS.contains(&head) {
            continue;
        }
        let mut first = i;
        if i > 0 && capital(words[i - 1].1) && words[i - 1].1.chars().all(char::is_alphabetic) {
            first = i - 1;
        }
        let start = words[first].0;
        let end_word = if head == "free" {
            (i + 3).min(words.len() - 1)
        } else {
            i + 1
        };
        let (end_start, end_text) = words[end_word];
        let end = end_start
            + end_text
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .len();
        if let Some(phrase) = sentence.get(start..end) {
            out.push(phrase.to_string());
        }
    }
    out
}

/// Runs of two or more capitalised words (small words allowed inside) not at the sentence start
/// and not overlapping entity or leader names.
/// Words that open a person's style or office, not a topic ("His Excellency Mr", "Prime
/// Minister", "President of the General Assembly").
const PERSON_TITLES: &[&str] = &[
    "His",
    "Her",
    "Their",
    "Your",
    "Excellency",
    "Excellencies",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Madam",
    "Madame",
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary-General",
    "Deputy",
    "Ambassador",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Emir",
    "Chairman",
    "Comrade",
    "Pope",
    "Lord",
    "Lady",
    "Mister",
];

fn proper_phrases(sentence: &str, names: &[(usize, usize)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    let flush = |run: &mut Vec<(usize, usize)>, out: &mut Vec<String>| {
        while run
            .last()
            .is_some_and(|&(s, e)| SMALL_WORDS.contains(&&sentence[s..e]))
        {
            run.pop();
        }
        let capitals = run
            .iter()
            .filter(|&&(s, e)| !SMALL_WORDS.contains(&&sentence[s..e]))
            .count();
        if capitals >= 2
            && let (Some(&(start, _)), Some(&(_, end))) = (run.first(), run.last())
            && !names.iter().any(|&(ns, ne)| ns < end && start < ne)
            && !PERSON_TITLES.contains(&&sentence[run[0].0..run[0].1])
            && start > 0
        {
            out.push(sentence[start..end].to_string());
        }
        run.clear();
    };
    for raw in sentence.split(' ') {
        let start = offset;
        offset += raw.len() + 1;
        let word = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        let end = start + word.len();
        let capitalised = word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && word.chars().any(char::is_alphabetic);
        if capitalised || (!run.is_empty() && SMALL_WORDS.contains(&word)) {
            run.push((start, end));
            if word.len() != raw.len() {
                flush(&mut run, &mut out);
            }
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_are_the_same_whatever_their_case_spacing_or_plural() {
        assert_eq!(topic_key("Peace  Talks"), topic_key("peace talk"));
        assert_ne!(topic_key("Swiss"), topic_key("Swis"));
    }

    #[test]
    fn no_generic_one_word_topics() {
        let gazetteer = crate::ingest::gazetteer::Gazetteer::builtin();
        let matcher = TopicMatcher::new(&gazetteer).expect("topics");
        let got = matcher.topics(
            "The ministers held a dialogue on security and the World War Two memorial.",
            &[],
        );
        for generic in ["security", "dialogue", "war"] {
            assert!(
                !got.iter().any(|t| t.eq_ignore_ascii_case(generic)),
                "{got:?}"
            );
        }
    }

    fn topics(sentence: &str) -> Vec<String> {
        TopicMatcher::new(&Gazetteer::builtin())
            .expect("topics")
            .topics(sentence, &[])
    }

    #[test]
    fn lexicon_topics_are_found() {
        let got = topics("They discussed sanctions and the nuclear program.");
        assert!(got.contains(&"sanctions".to_string()));
        assert!(got.contains(&"nuclear and missile programmes".to_string()));
        let energy = topics("We support the peaceful uses of nuclear energy.");
        assert!(energy.contains(&"nuclear energy".to_string()), "{energy:?}");
        assert!(!energy.contains(&"nuclear and missile programmes".to_string()));
    }

    #[test]
    fn a_persons_style_or_office_is_not_a_topic() {
        let got =
            topics("We thank His Excellency Mr Annan and the President of the General Assembly.");
        assert!(
            got.iter()
                .all(|t| !t.starts_with("His") && !t.starts_with("President")),
            "{got:?}"
        );
    }

    #[test]
    fn relation_phrases_are_key_phrases() {
        let got = topics("It is time to strengthen the Seoul-Washington alliance now.");
        assert!(
            got.contains(&"Seoul-Washington alliance".to_string()),
            "{got:?}"
        );
        let got = topics("Regarding South Korea-Japan relations, he spoke.");
        assert!(
            got.contains(&"South Korea-Japan relations".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn proper_phrases_skip_names() {
        let sentence = "He chaired a meeting of the National Security Council on Thursday.";
        let got = topics(sentence);
        assert!(
            got.contains(&"National Security Council".to_string()),
            "{got:?}"
        );
        let sentence = "He met Foreign Minister Wang Yi.";
        let names = [(sentence.find("Wang").unwrap_or(0), sentence.len() - 1)];
        let got = TopicMatcher::new(&Gazetteer::builtin())
            .expect("t")
            .topics(sentence, &names);
        assert!(got.iter().all(|t| !t.contains("Wang")), "{got:?}");
    }

    #[test]
    fn odd_text_never_panics() {
        for s in ["", "-", "A-B", "É-Ü ties", "X- alliance", "  ", "Ab Cd."] {
            let _ = topics(s);
        }
    }
}
