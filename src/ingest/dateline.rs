//! Wire datelines: the place, date and agency that open a news story ("LIMA, March 3 (Andina)
//! -", "NAIROBI (AFP) -", "Quito, EFE –", "DAKAR, 4 May (APS):").
//!
//! The dateline stays at the start of the article's body but is not part of the first
//! statement: the first statement starts after it, and the article keeps it as metadata
//! ([`dateline`]). `eval` strips it from the gold sentence too.

/// Separators that close a dateline.
const SEPARATORS: &[&str] = &["--", "-", "–", "—", ":"];

/// The longest a dateline can be (bytes).
const MAX_LEN: usize = 90;

fn is_place_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
}

fn all_caps(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
        && text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// The separator (with the spaces around it) at the start of `text`, and its length.
fn separator_len(text: &str) -> Option<usize> {
    let spaces = text.len() - text.trim_start_matches(' ').len();
    let rest = &text[spaces..];
    let sep = SEPARATORS.iter().find(|s| rest.starts_with(**s))?;
    let after = &rest[sep.len()..];
    let trailing = after.len() - after.trim_start().len();
    (trailing > 0).then_some(spaces + sep.len() + trailing)
}

/// A place in capitals and a separator with no agency, as Indian and Gulf papers print them
/// ("NEW DELHI: India and Japan…", "BEIJING — China said…"): its length with the separator.
fn bare_place_len(story: &str) -> Option<usize> {
    let mut window_end = story.len().min(40);
    while !story.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let window = &story[..window_end];
    let place_end = [":", " -", " –", " —"]
        .iter()
        .filter_map(|sep| window.find(sep))
        .min()?;
    let place = &story[..place_end];
    let words: Vec<&str> = place.split(' ').collect();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if words.len() > 4 || letters < 3 || !all_caps(place) || !words.iter().all(|w| is_place_word(w))
    {
        return None;
    }
    let end = place_end + separator_len(&story[place_end..])?;
    story[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“'))
        .then_some(end)
}

/// The length in bytes of a dateline at the start of `text` (leading spaces included), when
/// one is there: a place in one to four capitalised words (upper case unless an agency in
/// capitals follows), then a bracketed agency (optionally after a short date), or a comma and an
/// agency in capitals; then a dash or a colon, and a capital letter opening the story.
pub fn dateline_len(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let story = &text[lead..];
    if let Some(len) = bare_place_len(story) {
        return Some(lead + len);
    }
    let place_end = story.find([',', '('])?;
    let place = story[..place_end].trim_end();
    let place_words: Vec<&str> = place.split(' ').collect();
    if place.is_empty() || place_words.len() > 4 || !place_words.iter().all(|w| is_place_word(w)) {
        return None;
    }
    let mut at = place_end;
    let mut bracketed = false;
    if story[at..].starts_with(',') {
        let after_comma = &story[at + 1..];
        let agency_len = after_comma
            .trim_start()
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(0);
        let agency = &after_comma.trim_start()[..agency_len];
        let skipped = after_comma.len() - after_comma.trim_start().len();
        if (2..=8).contains(&agency.len())
            && all_caps(agency)
            && separator_len(&after_comma[skipped + agency_len..]).is_some()
        {
            at += 1 + skipped + agency_len;
        } else {
            // "WASHINGTON, Jan 13 (Reuters)": a short date before the bracket.
            let open = after_comma.find('(').filter(|&i| i <= 24)?;
            if !after_comma[..open].chars().any(|c| c.is_ascii_digit()) || !all_caps(place) {
                return None;
            }
            at += 1 + open;
        }
    }
    if story[at..].starts_with('(') {
        if !all_caps(place) {
            return None;
        }
        let close = story[at..].find(')').filter(|&i| i <= 60)?;
        at += close + 1;
        bracketed = true;
    }
    let end = match separator_len(&story[at..]) {
        Some(len) => at + len,
        None if bracketed && story[at..].starts_with(' ') => {
            at + story[at..].len() - story[at..].trim_start().len()
        }
        None => return None,
    };
    let opens_story = story[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '\''));
    (end <= MAX_LEN && opens_story).then_some(lead + end)
}

/// The dateline at the start of `text` as written, without the dash or colon that closes it and
/// the spaces around it: "WASHINGTON, Jan 13 (Reuters)" of "WASHINGTON, Jan 13 (Reuters) - The…".
pub fn dateline(text: &str) -> Option<String> {
    let written = text[..dateline_len(text)?]
        .trim()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':'));
    let one_line: Vec<&str> = written.split_whitespace().collect();
    (!one_line.is_empty()).then(|| one_line.join(" "))
}

/// The news agency a dateline at the start of `text` names, when it names one: the bracketed
/// name ("WASHINGTON, Jan 13 (Reuters) -"), without a date after a dash or comma ("CAIRO
/// (UrduPoint News / Sputnik - 21st April, 2023)"), or the capitals after the comma ("Jakarta,
/// MINA –").
pub fn agency(text: &str) -> Option<String> {
    let dateline = &text[..dateline_len(text)?];
    let name = match (dateline.find('('), dateline.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            let bracket = &dateline[open + 1..close];
            let dated_from = [" - ", " – ", " — ", ", "]
                .iter()
                .filter_map(|sep| bracket.find(sep))
                .filter(|&at| bracket[at..].chars().any(|c| c.is_ascii_digit()))
                .min();
            &bracket[..dated_from.unwrap_or(bracket.len())]
        }
        _ => {
            let after_comma = &dateline[dateline.find(',')? + 1..];
            let end = after_comma
                .trim_start()
                .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                .unwrap_or(after_comma.trim_start().len());
            &after_comma.trim_start()[..end]
        }
    };
    let name = name.trim();
    (!name.is_empty()
        && name.chars().any(char::is_alphabetic)
        && name.split_whitespace().count() <= 4)
        .then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(text: &str) -> &str {
        &text[dateline_len(text).unwrap_or(0)..]
    }

    #[test]
    fn wire_datelines_are_found() {
        assert_eq!(
            stripped("WASHINGTON, Jan 13 (Reuters) - The State Department said"),
            "The State Department said"
        );
        assert_eq!(stripped("NAIROBI (AFP) - Kenya said"), "Kenya said");
        assert_eq!(
            stripped("Quito, EFE – Ecuador's foreign"),
            "Ecuador's foreign"
        );
        assert_eq!(stripped("DAKAR, 4 May (APS): Senegal"), "Senegal");
        assert_eq!(
            stripped("SEOUL, Nov. 26 (Yonhap) -- South Korea"),
            "South Korea"
        );
        assert_eq!(
            stripped("NEW DELHI: External Affairs Minister"),
            "External Affairs Minister"
        );
        assert_eq!(stripped("BEIJING — China said"), "China said");
        assert_eq!(
            stripped("LIMA (Andina News / EFE - 3rd March, 2024) Peru's minister"),
            "Peru's minister"
        );
    }

    #[test]
    fn the_dateline_as_written() {
        assert_eq!(
            dateline("WASHINGTON, Jan 13 (Reuters) - The State Department said").as_deref(),
            Some("WASHINGTON, Jan 13 (Reuters)")
        );
        assert_eq!(
            dateline("SEOUL, Nov. 26 (Yonhap) -- South Korea").as_deref(),
            Some("SEOUL, Nov. 26 (Yonhap)")
        );
        assert_eq!(
            dateline("  NEW DELHI: External Affairs Minister").as_deref(),
            Some("NEW DELHI")
        );
        assert_eq!(
            dateline("Jakarta, MINA – The minister said so.").as_deref(),
            Some("Jakarta, MINA")
        );
        assert_eq!(
            dateline("LIMA (Andina News / EFE - 3rd March, 2024) Peru's minister").as_deref(),
            Some("LIMA (Andina News / EFE - 3rd March, 2024)")
        );
        assert_eq!(dateline("The minister (left) - said"), None);
    }

    #[test]
    fn wire_datelines_give_the_agency() {
        assert_eq!(
            agency("NEW DELHI, March 20 (Reuters) - Indian Prime Minister").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            agency("ANTALYA (AA) - Turkish Foreign").as_deref(),
            Some("AA")
        );
        assert_eq!(
            agency("SEOUL, Nov. 26 (Yonhap) -- South Korea").as_deref(),
            Some("Yonhap")
        );
        assert_eq!(agency("The minister (left) - said"), None);
        assert_eq!(agency("É(("), None);
    }

    #[test]
    fn the_agency_of_a_dateline() {
        assert_eq!(
            agency("LIMA, March 3 (Reuters) - The foreign minister said.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            agency("Jakarta, MINA – The minister said so.").as_deref(),
            Some("MINA")
        );
        assert_eq!(
            agency("CAIRO (UrduPoint News / Sputnik - 21st April, 2023) Jordan's minister")
                .as_deref(),
            Some("UrduPoint News / Sputnik")
        );
        assert_eq!(
            agency("LIMA (Andina, 3 March 2024) - Peru's minister said.").as_deref(),
            Some("Andina")
        );
        assert_eq!(agency("NAIROBI: The minister said so."), None);
        assert_eq!(agency("The minister said so."), None);
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for text in [
            "In Paris, Brussels and Warsaw, my first message",
            "The minister (left) - said",
            "Peru, Chile and Bolivia met.",
            "Kenya (with Uganda) signed",
            "President Ruto, speaking in Nairobi, said",
            "UN: a short note",
            "Note: The minister said",
            "NATO allies - and Japan - agreed",
            "",
        ] {
            assert_eq!(dateline_len(text), None, "{text}");
        }
    }
}
