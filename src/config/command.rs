//! `copy_command`: a command line split into a program and its arguments without a shell, and
//! written back so that it splits the same way.

/// Split a command line into its program and arguments the way a shell would for plain words:
/// spaces separate, '…' and "…" keep spaces inside, `\` escapes the next character outside
/// single quotes. Nothing else (no variables, globs or pipes) has a meaning.
pub fn split_command(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => {
                if let Some(done) = word.take() {
                    words.push(done);
                }
            }
            '\'' => {
                let current = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(inner) => current.push(inner),
                        None => return Err("unclosed ' in copy_command".to_string()),
                    }
                }
            }
            '"' => {
                let current = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(escaped) => current.push(escaped),
                            None => return Err("unclosed \" in copy_command".to_string()),
                        },
                        Some(inner) => current.push(inner),
                        None => return Err("unclosed \" in copy_command".to_string()),
                    }
                }
            }
            '\\' => match chars.next() {
                Some(escaped) => word.get_or_insert_with(String::new).push(escaped),
                None => return Err("copy_command ends with \\".to_string()),
            },
            other => word.get_or_insert_with(String::new).push(other),
        }
    }
    words.extend(word);
    Ok(words)
}

/// `word` as [`split_command`] reads it back: as it is when plain, else in single quotes.
pub(super) fn quote_word(word: &str) -> String {
    let plain = !word.is_empty()
        && !word
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '\'' | '"' | '\\'));
    if plain {
        word.to_string()
    } else if !word.contains('\'') {
        format!("'{word}'")
    } else {
        let escaped: String = word
            .chars()
            .flat_map(|c| {
                let escape = matches!(c, '"' | '\\').then_some('\\');
                escape.into_iter().chain([c])
            })
            .collect();
        format!("\"{escaped}\"")
    }
}
