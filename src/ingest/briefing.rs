//! Press briefings: the question (`Q:`) and answer (`A:`) turns of a transcript, and what a
//! question says about who answers.

use super::entities::Mention;

/// The press-conference turn byte `at` lies in: `Some('Q')` or `Some('A')` after a line
/// starting with `Q:` or `A:`, `None` outside a question-and-answer text.
pub(crate) fn turn_at(body: &str, at: usize) -> Option<char> {
    body[..at]
        .rsplit('\n')
        .chain(std::iter::once(""))
        .find_map(|line| {
            let line = line.trim_start();
            if line.starts_with("Q:") {
                Some('Q')
            } else if line.starts_with("A:") {
                Some('A')
            } else {
                None
            }
        })
}

pub(crate) fn in_question(body: &str, at: usize) -> bool {
    turn_at(body, at) == Some('Q')
}

/// "China's response", "Japan's position": a view asked of the country named.
pub(crate) fn asked_for_its_view(body: &str, mention: &Mention) -> bool {
    let after = &body[mention.end..];
    after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
        .is_some_and(|rest| {
            [
                "response", "position", "comment", "reaction", "view", "stance",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
        })
}
