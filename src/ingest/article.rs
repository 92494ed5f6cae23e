//! Reading one input article from disk and naming it after its file.

use std::path::Path;

/// Largest input article read (bytes).
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// A file name made into an article id: the stem, with anything but letters, digits, `-`, `_`
/// and `.` replaced by `-`.
pub fn article_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".raw.txt")
        .or_else(|| name.strip_suffix(".txt"))
        .unwrap_or(&name);
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if id.trim_matches('-').is_empty() {
        "article".to_string()
    } else {
        id
    }
}

/// The text of the article file at `path`: a regular file of at most [`MAX_INPUT_BYTES`] in
/// UTF-8; otherwise why not, for the user.
pub fn read_article(path: &Path) -> Result<String, String> {
    let metadata = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !metadata.is_file() {
        return Err("not a file".to_string());
    }
    if metadata.len() > MAX_INPUT_BYTES {
        return Err(format!("larger than {MAX_INPUT_BYTES} bytes"));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "not valid UTF-8 text".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_ids_come_from_file_names() {
        assert_eq!(article_id(Path::new("/x/kbs-2022.raw.txt")), "kbs-2022");
        assert_eq!(article_id(Path::new("a b.txt")), "a-b");
        assert_eq!(article_id(Path::new("/")), "article");
    }
}
