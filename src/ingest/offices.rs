//! Offices that speak for a country or a bloc, found next to its name: "Nigeria's foreign
//! ministry", "the Russian foreign ministry spokesman", "ASEAN foreign ministers", "leaders of
//! the G7".

use super::speaker::ceil_boundary;

/// Words that mark a country's office, spokesperson or statement right after its name.
pub(crate) const OFFICES: &[&str] = &[
    "foreign ministry",
    "ministry of foreign affairs",
    "ministry",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "diplomat",
    "government",
    "side",
    "foreign policy",
    "policy",
    "statement",
    "delegation",
    "position",
    "stance",
    "support",
    "commitment",
];

/// Adjectives that may stand between a country's name and its office ("Tanzania's external
/// policy", "the Iranian senior diplomat").
const OFFICE_MODIFIERS: &[&str] = &["external", "foreign", "official", "own", "senior", "firm"];

/// Words that mark a bloc speaking right after its name ("ASEAN foreign ministers said").
pub(crate) const BLOC_OFFICES: &[&str] = &[
    "foreign policy chief",
    "high representative",
    "commission",
    "communiqué",
    "communique",
    "foreign ministers",
    "leaders",
    "statement",
    "summit declaration",
    "spokesperson",
    "spokesman",
];

/// "Foreign ministers of the Association of Southeast Asian Nations", "leaders of the G7": the
/// bloc's own members speaking, the office before the name.
pub(crate) fn bloc_office_before(body: &str, start: usize) -> Option<&'static str> {
    let head = body[..start].to_lowercase();
    let head = head.strip_suffix("the ").unwrap_or(&head);
    let head = head.strip_suffix("of ")?.trim_end();
    [
        "foreign ministers",
        "ministers",
        "leaders",
        "heads of state and government",
    ]
    .into_iter()
    .find(|office| head.ends_with(office))
}

/// The office word right after a mention ("'s foreign ministry", " side"), if one follows.
pub(crate) fn office_after(
    body: &str,
    end: usize,
    offices: &[&'static str],
) -> Option<&'static str> {
    let to = ceil_boundary(body, end + 40);
    let tail = &body[end..to];
    let after = tail
        .strip_prefix("'s")
        .or_else(|| tail.strip_prefix("’s"))
        .unwrap_or(tail);
    if !after.starts_with(' ') {
        return None;
    }
    let mut lower = after.trim_start().to_lowercase();
    if let Some((first, rest)) = lower.split_once(' ')
        && OFFICE_MODIFIERS.contains(&first)
    {
        lower = rest.to_string();
    }
    offices
        .iter()
        .filter(|office| {
            lower.starts_with(**office)
                && lower[office.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .max_by_key(|office| office.len())
        .copied()
}

/// The end of a country's office right after its name ("China's defence ministry", "the
/// Russian foreign ministry"), for statements by another party.
pub fn office_end(body: &str, end: usize) -> Option<usize> {
    const REPORTING_OFFICES: &[&str] = &[
        "foreign ministry",
        "defence ministry",
        "defense ministry",
        "ministry of foreign affairs",
        "ministry of defence",
        "ministry of defense",
        "ministry",
        "government",
        "embassy",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "officials",
        "side",
    ];
    let office = office_after(body, end, REPORTING_OFFICES)?;
    let to = ceil_boundary(body, end + 40);
    let lower = body[end..to].to_lowercase();
    lower.find(office).map(|at| end + at + office.len())
}
