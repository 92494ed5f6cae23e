//! Stage 1, clean: drop the boilerplate of web page dumps (navigation, cookie banners, share
//! buttons, comment forms, footers), find the title, byline, outlet and date, keep paragraphs.

use super::gazetteer::{BoilerplateAction, Gazetteer};
use super::layout::{ends_like_sentence, normalise_layout};
use crate::model::is_valid_date;

/// The cleaned article and what was found around it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cleaned {
    /// The article body: kept lines, paragraphs separated by a blank line.
    pub body: String,
    /// Headline, when the dump has one.
    pub title: Option<String>,
    /// Reporter names, when there is a byline.
    pub byline: Option<String>,
    /// Outlet named in the byline ("Kim Min-ji, Arirang News." gives "Arirang News").
    pub source: Option<String>,
    /// Publication date `YYYY-MM-DD` from a date line outside the body.
    pub published: Option<String>,
    /// Lines removed as boilerplate, in order (for `--verbose`).
    pub removed: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineClass {
    Blank,
    Boilerplate,
    Footer,
    Byline,
    DateLine,
    Prose,
    Heading,
    Short,
}

/// Lines longer than this that end like a sentence are body text even when they contain a
/// boilerplate cue.
const MAX_CUE_WORDS: usize = 15;

/// Most heading lines considered for the title.
const MAX_HEADINGS: usize = 64;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&lower) && (lower.len() >= 3))
        .map(|i| i as u32 + 1)
}

fn format_date(year: u32, month: u32, day: u32) -> Option<String> {
    let date = format!("{year:04}-{month:02}-{day:02}");
    is_valid_date(&date).then_some(date)
}

fn digits_at(bytes: &[u8], at: usize, count: usize) -> Option<u32> {
    let part = bytes.get(at..at + count)?;
    if part.iter().all(u8::is_ascii_digit) {
        std::str::from_utf8(part).ok()?.parse().ok()
    } else {
        None
    }
}

/// The first date in `line`: `2022-07-22`, `2022.07.22`, `2022/07/22`, `08.12.2021` (day
/// first), `May 15, 2025`, `Jan. 5, 2024` or `15 May 2025`.
pub fn find_date(line: &str) -> Option<String> {
    let bytes = line.as_bytes();
    for i in 0..bytes.len() {
        if i > 0 && bytes[i - 1].is_ascii_digit() {
            continue;
        }
        if let (Some(y), Some(b'-'), Some(m), Some(b'-'), Some(d)) = (
            digits_at(bytes, i, 4),
            bytes.get(i + 4),
            digits_at(bytes, i + 5, 2),
            bytes.get(i + 7),
            digits_at(bytes, i + 8, 2),
        ) && let Some(date) = format_date(y, m, d)
        {
            return Some(date);
        }
        if let (Some(y), Some(sep), Some(m), Some(sep2), Some(d)) = (
            digits_at(bytes, i, 4),
            bytes.get(i + 4),
            digits_at(bytes, i + 5, 2),
            bytes.get(i + 7),
            digits_at(bytes, i + 8, 2),
        ) && matches!(sep, b'.' | b'/')
            && sep == sep2
            && let Some(date) = format_date(y, m, d)
        {
            return Some(date);
        }
        if let (Some(d), Some(b'.'), Some(m), Some(b'.'), Some(y)) = (
            digits_at(bytes, i, 2),
            bytes.get(i + 2),
            digits_at(bytes, i + 3, 2),
            bytes.get(i + 5),
            digits_at(bytes, i + 6, 4),
        ) && let Some(date) = format_date(y, m, d)
        {
            return Some(date);
        }
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for window in words.windows(3) {
        let number = |w: &str| -> Option<u32> {
            let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if w.is_empty() || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            w.parse().ok()
        };
        if let (Some(m), Some(d), Some(y)) = (
            month_number(window[0]),
            number(window[1]),
            number(window[2]),
        ) && y > 1000
            && let Some(date) = format_date(y, m, d)
        {
            return Some(date);
        }
        if let (Some(d), Some(m), Some(y)) = (
            number(window[0]),
            month_number(window[1]),
            number(window[2]),
        ) && y > 1000
            && let Some(date) = format_date(y, m, d)
        {
            return Some(date);
        }
    }
    None
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Words a heading never ends with but a line broken mid-sentence often does.
const LINE_BREAKING_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "her", "his", "in", "its", "my",
    "of", "on", "or", "our", "that", "the", "their", "to", "which", "who", "with",
];

/// Whether a line stops where no heading would: on a comma, a number, or a word such as "and" or
/// "the" ("…on his recent reappointment as Secretary-General, and").
fn breaks_off(line: &str) -> bool {
    let trimmed = line.trim_end();
    let last = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    trimmed.ends_with([',', ';'])
        || last.ends_with(|c: char| c.is_ascii_digit())
        || LINE_BREAKING_WORDS.contains(&last)
}

/// A paragraph whose final full stop is missing ("…said Sikorski, while expecting a third phase
/// of EU sanctions"): twelve words or more, most of them in lower case, unlike a title-case
/// heading or a navigation line. Kept only inside the body, never as its first or last line.
fn is_unfinished_prose(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
        })
        .count();
    words.len() >= 12 && capitalised * 3 <= words.len()
}

fn is_name_token(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
}

/// "By Tugba Altun and Muhammet Tarhan" or "Kim Min-ji, Arirang News.": (names, outlet).
fn parse_byline(line: &str) -> Option<(String, Option<String>)> {
    let trimmed = line.trim();
    let words = word_count(trimmed);
    if words == 0 || words > 10 {
        return None;
    }
    if let Some(rest) = trimmed
        .strip_prefix("By ")
        .or_else(|| trimmed.strip_prefix("by "))
        && rest
            .split_whitespace()
            .all(|t| is_name_token(t.trim_end_matches(',')) || t == "and")
    {
        // "By Laura Schmidt, Euronews": one comma, a full name before it, an outlet after it.
        let rest = rest.trim().trim_end_matches('.');
        if let Some((names, outlet)) = rest.split_once(", ")
            && !outlet.contains(',')
            && !outlet.split_whitespace().any(|w| w == "and")
            && (2..=4).contains(&names.split_whitespace().count())
            && !names.contains(" and ")
            && (1..=3).contains(&outlet.split_whitespace().count())
        {
            return Some((names.to_string(), Some(outlet.to_string())));
        }
        return Some((rest.to_string(), None));
    }
    let (names, outlet) = trimmed.split_once(", ")?;
    let outlet = outlet.trim().trim_end_matches('.').trim();
    let name_tokens: Vec<&str> = names.split_whitespace().collect();
    let outlet_words = [
        "News",
        "TV",
        "Agency",
        "Press",
        "Times",
        "Post",
        "Herald",
        "Radio",
        "Broadcasting",
        "Daily",
        "Journal",
        "Network",
        "Tribune",
    ];
    let outlet_like = outlet.split_whitespace().all(is_name_token)
        && outlet.split_whitespace().any(|w| outlet_words.contains(&w));
    if (2..=4).contains(&name_tokens.len())
        && name_tokens.iter().all(|t| is_name_token(t))
        && outlet_like
    {
        return Some((names.trim().to_string(), Some(outlet.to_string())));
    }
    None
}

fn classify(line: &str, gazetteer: &Gazetteer) -> LineClass {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return LineClass::Blank;
    }
    let words = word_count(trimmed);
    let long_sentence = words > MAX_CUE_WORDS && ends_like_sentence(trimmed);
    if !long_sentence {
        let lower = trimmed.to_lowercase();
        for (action, cue) in &gazetteer.boilerplate {
            if lower.contains(cue.as_str()) {
                return match action {
                    BoilerplateAction::Line => LineClass::Boilerplate,
                    BoilerplateAction::Footer => LineClass::Footer,
                };
            }
        }
    }
    if parse_byline(trimmed).is_some() {
        return LineClass::Byline;
    }
    if words <= 12 && !ends_like_sentence(trimmed) && find_date(trimmed).is_some() {
        return LineClass::DateLine;
    }
    if ends_like_sentence(trimmed) && words >= 6 {
        return LineClass::Prose;
    }
    if (4..=25).contains(&words) && trimmed.chars().next().is_some_and(char::is_uppercase) {
        return LineClass::Heading;
    }
    if words >= 26 {
        return LineClass::Prose;
    }
    LineClass::Short
}

/// Clean a plain-text article or web page dump.
pub fn clean(text: &str, gazetteer: &Gazetteer) -> Cleaned {
    let normalised = normalise_layout(text);
    let text = normalised.as_str();
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut classes: Vec<LineClass> = lines.iter().map(|l| classify(l, gazetteer)).collect();
    for i in 1..lines.len() {
        if classes[i] != LineClass::Prose {
            continue;
        }
        let starts_lower = lines[i]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        let previous = (0..i).rev().find(|&j| classes[j] != LineClass::Blank);
        if let Some(j) = previous
            && classes[j] == LineClass::Heading
            && (starts_lower || (j + 1 == i && breaks_off(lines[j])))
        {
            classes[j] = LineClass::Prose;
        }
    }
    let mut cleaned = Cleaned::default();

    let first_prose = classes.iter().position(|c| *c == LineClass::Prose);
    let (start, end) = match first_prose {
        Some(start) => {
            let footer = classes[start..]
                .iter()
                .position(|c| *c == LineClass::Footer)
                .map_or(lines.len(), |p| start + p);
            let last_prose = classes[start..footer]
                .iter()
                .rposition(|c| *c == LineClass::Prose)
                .map_or(start, |p| start + p);
            let mut end = last_prose + 1;
            let mut probe = end;
            while probe < footer
                && matches!(
                    classes[probe],
                    LineClass::Blank | LineClass::Short | LineClass::Heading
                )
            {
                if classes[probe] != LineClass::Blank {
                    if !ends_like_sentence(lines[probe]) {
                        break;
                    }
                    end = probe + 1;
                }
                probe += 1;
            }
            (start, end)
        }
        None => (0, lines.len()),
    };

    let mut headings: Vec<(usize, &str)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        let class = classes[i];
        if (class == LineClass::Byline)
            && cleaned.byline.is_none()
            && let Some((names, outlet)) = parse_byline(trimmed)
        {
            cleaned.byline = Some(names);
            cleaned.source = outlet;
        }
        if i < start || i >= end {
            if cleaned.published.is_none()
                && matches!(
                    class,
                    LineClass::DateLine | LineClass::Boilerplate | LineClass::Short
                )
            {
                cleaned.published = find_date(trimmed);
            }
            if i < start
                && class == LineClass::Heading
                && !breaks_off(trimmed)
                && headings.len() < MAX_HEADINGS
            {
                headings.push((i, trimmed));
            }
            if class != LineClass::Blank {
                cleaned.removed.push(trimmed.to_string());
            }
        }
    }
    let first_meta = classes[..start]
        .iter()
        .position(|c| matches!(c, LineClass::Byline | LineClass::DateLine))
        .unwrap_or(start);
    cleaned.title = headings
        .iter()
        .find(|(_, h)| headings.iter().filter(|(_, o)| o == h).count() > 1)
        .or_else(|| headings.iter().rev().find(|(i, _)| *i < first_meta))
        .or_else(|| headings.last())
        .map(|(_, h)| h.to_string());

    let mut body = String::with_capacity(text.len());
    let mut pending_break: Option<&str> = None;
    for i in start..end {
        let line = lines[i];
        let trimmed = line.trim();
        let keep = match classes[i] {
            LineClass::Blank => {
                if !body.is_empty() {
                    pending_break = Some("\n\n");
                }
                continue;
            }
            LineClass::Boilerplate | LineClass::Footer | LineClass::Byline => false,
            LineClass::DateLine => first_prose.is_none(),
            LineClass::Prose | LineClass::Heading => true,
            LineClass::Short => {
                ends_like_sentence(trimmed) || first_prose.is_none() || is_unfinished_prose(trimmed)
            }
        };
        if !keep {
            cleaned.removed.push(trimmed.to_string());
            continue;
        }
        if !body.is_empty() {
            let starts_lower = trimmed.chars().next().is_some_and(char::is_lowercase);
            let soft_wrap = !ends_like_sentence(&body)
                && (starts_lower || (pending_break.is_none() && breaks_off(&body)));
            body.push_str(if soft_wrap {
                " "
            } else {
                pending_break.unwrap_or("\n")
            });
        }
        pending_break = None;
        body.push_str(trimmed);
    }
    if cleaned.source.is_none() {
        cleaned.source = super::dateline::agency(&body);
    }
    cleaned.body = body;
    cleaned
}

/// Whether a speech's first line is its salutation ("Excellencies, Distinguished Members of the
/// General Assembly", "Mr. President,", "In the name of God"), not a heading.
pub fn is_salutation(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    const OPENINGS: &[&str] = &[
        "mr",
        "madam",
        "madame",
        "excellenc",
        "your excellenc",
        "his excellenc",
        "distinguished",
        "in the name of",
        "secretary",
        "president",
        "ladies and gentlemen",
        "dear",
        "honourable",
        "honorable",
        "bismillah",
        "allow me",
        "thank you",
        "co-chair",
        "chair",
    ];
    lower.ends_with(',') || OPENINGS.iter().any(|o| lower.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Cleaned {
        clean(text, &Gazetteer::builtin())
    }

    #[test]
    fn a_speechs_salutation_is_not_a_heading() {
        assert!(is_salutation(
            "Excellencies, Distinguished Members of the General"
        ));
        assert!(is_salutation("Mr. President,"));
        assert!(is_salutation("In the name of Allah, the Most Gracious"));
        assert!(!is_salutation("Seoul Seeks Closer Ties"));
    }

    #[test]
    fn dates_in_common_formats() {
        assert_eq!(
            find_date("Written: 2022-07-22 08:12:15Updated: 2022-07-22").as_deref(),
            Some("2022-07-22")
        );
        assert_eq!(
            find_date("08.12.2021 - Press release").as_deref(),
            Some("2021-12-08")
        );
        assert_eq!(
            find_date("Published May 15, 2025").as_deref(),
            Some("2025-05-15")
        );
        assert_eq!(
            find_date("15 May 2025 10:00").as_deref(),
            Some("2025-05-15")
        );
        assert_eq!(
            find_date("Posted 2024.01.05 09:00").as_deref(),
            Some("2024-01-05")
        );
        assert_eq!(find_date("2024/01/05").as_deref(), Some("2024-01-05"));
        assert_eq!(find_date("Jan. 5, 2024").as_deref(), Some("2024-01-05"));
        assert_eq!(find_date("2024.01/05"), None);
        assert_eq!(find_date("no date here 12345"), None);
        assert_eq!(find_date("2023-02-30"), None);
    }

    #[test]
    fn bylines_are_found() {
        assert_eq!(
            parse_byline("By Maria Costa, Lusa"),
            Some(("Maria Costa".to_string(), Some("Lusa".to_string())))
        );
        assert_eq!(
            parse_byline("By Ana Ruiz and Jo Park"),
            Some(("Ana Ruiz and Jo Park".to_string(), None))
        );
        assert_eq!(
            parse_byline("Kim Min-ji, Arirang News."),
            Some(("Kim Min-ji".into(), Some("Arirang News".into())))
        );
        assert_eq!(
            parse_byline("By Tugba Altun and Muhammet Tarhan"),
            Some(("Tugba Altun and Muhammet Tarhan".into(), None))
        );
        assert_eq!(
            parse_byline("Moon said, the two countries will talk."),
            None
        );
    }

    #[test]
    fn a_paragraph_without_its_full_stop_is_kept_as_its_own_sentence() {
        let cleaned = run(
            "Foreign Minister Ana Ruiz met her Chilean counterpart on Monday in Lima.\n\n\"We share a long border and a longer history,\" said Ruiz at a joint press conference, while announcing new crossings\n\nThe two ministers also discussed trade.\n",
        );
        assert!(
            cleaned
                .body
                .contains("announcing new crossings\n\nThe two ministers"),
            "{}",
            cleaned.body
        );
        let heading = run(
            "The first paragraph of the article ends here as it should.\n\nwatch the video of the press conference here\n\nThe second paragraph of the article ends here too.\n",
        );
        assert!(!heading.body.contains("Partners"), "{}", heading.body);
    }

    #[test]
    fn a_line_broken_inside_a_sentence_is_joined_to_the_next() {
        let text = "The two countries went to war but\nthen signed a treaty in Geneva.\nThe Minister said so.\n";
        let cleaned = run(text);
        assert_eq!(
            cleaned.body,
            "The two countries went to war but then signed a treaty in Geneva.\nThe Minister said so."
        );
    }

    #[test]
    fn a_first_line_broken_off_after_and_is_part_of_the_body() {
        let text = "I wish at the outset to congratulate the President on his election, and\nAllow me also to thank the outgoing President for his work this year.\n";
        let cleaned = run(text);
        assert_eq!(cleaned.title, None);
        assert!(
            cleaned.body.starts_with("I wish at the outset"),
            "{}",
            cleaned.body
        );
    }

    #[test]
    fn a_paragraph_break_inside_a_sentence_is_joined_but_not_before_a_capital() {
        let text = "The two countries went to war in that decade but\n\nthen signed a treaty in Geneva.\n\nThe Minister said the talks were over and\n\nThe next round begins in May, officials said.\n";
        let cleaned = run(text);
        assert_eq!(
            cleaned.body,
            "The two countries went to war in that decade but then signed a treaty in Geneva.\n\nThe Minister said the talks were over and\n\nThe next round begins in May, officials said."
        );
    }

    #[test]
    fn salutations_ending_with_a_comma_are_not_the_title() {
        let text = "Mr. President of the General Assembly,\nDistinguished Heads of State and Government,\n\nIt is an honour to address this Assembly on behalf of my country today.\n";
        let cleaned = run(text);
        assert_eq!(cleaned.title, None);
    }

    #[test]
    fn page_dump_keeps_the_body_and_finds_title_and_date() {
        let dump = "Menu\nSearch\n\nLeaders Meet in Seoul to Discuss Trade\n\nWritten: 2022-07-22 08:12:15\n\nLeaders Meet in Seoul to Discuss Trade\n\nPhoto : YONHAP News\n\nThe two leaders met on Thursday to discuss trade and investment.\n\nThey agreed to meet again next year in Tokyo.\nList\n\nEditor's Pick\n\nThis website uses cookies to enhance quality of service and more.\n";
        let cleaned = run(dump);
        assert_eq!(
            cleaned.body,
            "The two leaders met on Thursday to discuss trade and investment.\n\nThey agreed to meet again next year in Tokyo."
        );
        assert_eq!(
            cleaned.title.as_deref(),
            Some("Leaders Meet in Seoul to Discuss Trade")
        );
        assert_eq!(cleaned.published.as_deref(), Some("2022-07-22"));
        assert!(cleaned.removed.iter().any(|l| l == "Editor's Pick"));
    }

    #[test]
    fn the_title_is_the_heading_before_the_byline_or_date() {
        let dump = "Skip to main content\nExclusive news, data and analytics for professionals\n\nIndia and Japan pledge closer defence ties\n\nBy Jane Doe\n\nMarch 20, 2023 10:15 AM\n\nNEW DELHI (Reuters) - The two prime ministers agreed on Monday to deepen ties.\n";
        let cleaned = run(dump);
        assert_eq!(
            cleaned.title.as_deref(),
            Some("India and Japan pledge closer defence ties")
        );
        assert_eq!(cleaned.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(cleaned.published.as_deref(), Some("2023-03-20"));
    }

    #[test]
    fn a_long_body_sentence_with_a_cue_word_is_kept() {
        let text = "The ministers said that countries which subscribe to the principles of the charter must also respect the rights of others.\n";
        assert_eq!(run(text).body, text.trim());
    }

    #[test]
    fn trailing_byline_and_footer_are_removed() {
        let text = "South Korea will work with its partners this year.\nKim Min-ji, Arirang News.\n\nReporter :\n\nSource Link\n\nThis page is made available thanks to China Press Release by Topic News\n";
        let cleaned = run(text);
        assert_eq!(
            cleaned.body,
            "South Korea will work with its partners this year."
        );
        assert_eq!(cleaned.byline.as_deref(), Some("Kim Min-ji"));
        assert_eq!(cleaned.source.as_deref(), Some("Arirang News"));
    }

    #[test]
    fn a_clean_body_is_kept_whole_with_its_paragraphs() {
        let text = "First line of the article is here.\nSecond line follows it.\n\nA new paragraph starts: with a colon.\n\nOk.\n";
        assert_eq!(
            run(text).body,
            "First line of the article is here.\nSecond line follows it.\n\nA new paragraph starts: with a colon.\n\nOk."
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            "\n\n",
            "é",
            "Ü\r\n\u{feff}x",
            "2021-",
            "31.12.",
            "May 5,",
        ] {
            let _ = run(text);
        }
    }
}
