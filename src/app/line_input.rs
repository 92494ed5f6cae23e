//! A one-line text input: the text, a cursor that moves and deletes by grapheme (a Hangul
//! syllable, an emoji sequence or a letter with its combining marks is one step), word and line
//! deletion, cleaned pastes and a length cap.

use unicode_segmentation::UnicodeSegmentation;

/// Longest text held, in characters; typing and pasting stop there.
pub const MAX_CHARS: usize = 1000;

/// The text of a one-line input and its cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Byte offset into `text`, always on a grapheme boundary.
    cursor: usize,
}

impl LineInput {
    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, as a byte offset into [`LineInput::text`] (on a grapheme boundary).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// True when there is no text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Remove all text.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Start of the grapheme before byte `at`.
    fn previous_boundary(&self, at: usize) -> usize {
        self.text[..at]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    /// End of the grapheme starting at byte `at`.
    fn next_boundary(&self, at: usize) -> usize {
        self.text[at..]
            .graphemes(true)
            .next()
            .map_or(at, |g| at + g.len())
    }

    /// Cursor one grapheme left.
    pub fn move_left(&mut self) {
        self.cursor = self.previous_boundary(self.cursor);
    }

    /// Cursor one grapheme right.
    pub fn move_right(&mut self) {
        self.cursor = self.next_boundary(self.cursor);
    }

    /// Cursor to the start.
    pub fn move_to_start(&mut self) {
        self.cursor = 0;
    }

    /// Cursor to the end.
    pub fn move_to_end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Replace bytes `from..to` with `insert` and put the cursor after it; true when the text
    /// changed.
    fn replace(&mut self, from: usize, to: usize, insert: &str) -> bool {
        if from == to && insert.is_empty() {
            return false;
        }
        self.text.replace_range(from..to, insert);
        self.cursor = from + insert.len();
        true
    }

    /// Delete the grapheme before the cursor; true when the text changed.
    pub fn delete_backward(&mut self) -> bool {
        let from = self.previous_boundary(self.cursor);
        self.replace(from, self.cursor, "")
    }

    /// Delete the grapheme under the cursor; true when the text changed.
    pub fn delete_forward(&mut self) -> bool {
        let to = self.next_boundary(self.cursor);
        self.replace(self.cursor, to, "")
    }

    /// Delete everything before the cursor; true when the text changed.
    pub fn delete_to_start(&mut self) -> bool {
        self.replace(0, self.cursor, "")
    }

    /// Delete the word before the cursor and the spaces after it; true when the text changed.
    pub fn delete_word_backward(&mut self) -> bool {
        let before = &self.text[..self.cursor];
        let from = before.trim_end_matches(' ').rfind(' ').map_or(0, |p| p + 1);
        self.replace(from, self.cursor, "")
    }

    /// Type `c` at the cursor, unless the text is at [`MAX_CHARS`]; true when it was typed.
    pub fn insert_char(&mut self, c: char) -> bool {
        if self.text.chars().count() >= MAX_CHARS {
            return false;
        }
        let mut buf = [0u8; 4];
        self.replace(self.cursor, self.cursor, c.encode_utf8(&mut buf))
    }

    /// Insert pasted `text` at the cursor: line breaks and other whitespace become spaces,
    /// control characters are dropped, and the text is cut at [`MAX_CHARS`]. True when the
    /// text changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let room = MAX_CHARS.saturating_sub(self.text.chars().count());
        let clean: String = text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|&c| !crate::text::is_unsafe_char(c))
            .take(room)
            .collect();
        self.replace(self.cursor, self.cursor, &clean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> LineInput {
        let mut input = LineInput::default();
        for c in text.chars() {
            input.insert_char(c);
        }
        input
    }

    #[test]
    fn hangul_syllables_move_and_delete_one_at_a_time() {
        let mut input = typed("한국어");
        input.move_left();
        assert_eq!(input.cursor(), "한국".len());
        assert!(input.delete_backward());
        assert_eq!(input.text(), "한어");
        input.move_to_start();
        assert!(input.delete_forward());
        assert_eq!(input.text(), "어");
    }

    #[test]
    fn decomposed_hangul_and_combining_marks_are_one_grapheme() {
        // 한 as conjoining jamo (ᄒ ᅡ ᆫ), then e + combining acute.
        let mut input = typed("\u{1112}\u{1161}\u{11AB}e\u{301}");
        assert!(input.delete_backward());
        assert_eq!(input.text(), "\u{1112}\u{1161}\u{11AB}");
        input.move_left();
        assert_eq!(input.cursor(), 0);
        assert!(input.delete_forward());
        assert!(input.is_empty());
    }

    #[test]
    fn an_emoji_sequence_is_one_step() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let mut input = typed(&format!("a{family}b"));
        input.move_left();
        input.move_left();
        assert_eq!(input.cursor(), 1);
        input.move_right();
        assert_eq!(input.cursor(), 1 + family.len());
        assert!(input.delete_backward());
        assert_eq!(input.text(), "ab");
    }

    #[test]
    fn words_and_lines_delete_before_the_cursor() {
        let mut input = typed("moon jae  in");
        assert!(input.delete_word_backward());
        assert_eq!(input.text(), "moon jae  ");
        assert!(input.delete_word_backward());
        assert_eq!(input.text(), "moon ");
        input.paste("x y");
        input.move_left();
        assert!(input.delete_to_start());
        assert_eq!(input.text(), "y");
        assert_eq!(input.cursor(), 0);
        assert!(!input.delete_to_start());
        assert!(!input.delete_backward());
    }

    #[test]
    fn pastes_are_cleaned_and_capped() {
        let mut input = LineInput::default();
        assert!(input.paste("clim\x1b[2J\tate\nnow"));
        assert_eq!(input.text(), "clim[2J ate now");
        input.paste(&"x".repeat(2 * MAX_CHARS));
        assert_eq!(input.text().chars().count(), MAX_CHARS);
        assert!(!input.insert_char('y'));
        assert!(!input.paste("more"));
    }
}
