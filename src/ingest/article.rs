//! The inputs of `agenda-tui ingest`: which files a path stands for, reading one article (a
//! file or standard input, binary files refused by what they look like) and naming it after
//! its file.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest input article read (bytes).
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// Extensions of the files a directory contributes.
const TEXT_EXTENSIONS: &[&str] = &["txt", "html", "htm"];

/// The files to ingest: each path as given, and for a directory its `.txt`, `.html` and `.htm`
/// files (not recursive), sorted by name.
pub fn expand_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries =
                std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut files: Vec<PathBuf> = entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|p| {
                    p.is_file()
                        && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                            TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                        })
                })
                .collect();
            if files.is_empty() {
                return Err(format!(
                    "{}: a directory with no .txt, .html or .htm files",
                    path.display()
                ));
            }
            files.sort();
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// What a binary file looks like, from its first bytes; `None` for text.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or a DOCX/ODT document)"),
        (b"\x1f\x8b", "a gzip-compressed file"),
        (b"\xfd7zXZ", "an xz-compressed file"),
        (b"BZh", "a bzip2-compressed file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
        (b"{\\rtf", "an RTF document"),
        (b"\x7fELF", "an executable"),
    ];
    for (signature, what) in SIGNATURES {
        if bytes.starts_with(signature) {
            return Some(what);
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0).then_some("binary data (NUL bytes)")
}

/// Bytes to article text: binary files and invalid UTF-8 are refused with what they look like.
pub fn decode_input(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(what) = sniff_binary(&bytes) {
        return Err(format!("not a text file: looks like {what}"));
    }
    String::from_utf8(bytes).map_err(|_| "not valid UTF-8 text".to_string())
}

/// Read one input: a regular file of at most [`MAX_INPUT_BYTES`], or standard input for `-`.
pub fn read_input(path: &Path) -> Result<String, String> {
    if path.as_os_str() == STDIN {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())?;
        if bytes.len() as u64 > MAX_INPUT_BYTES {
            return Err(format!("larger than {MAX_INPUT_BYTES} bytes"));
        }
        return decode_input(bytes);
    }
    let metadata = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !metadata.is_file() {
        return Err("not a file".to_string());
    }
    if metadata.len() > MAX_INPUT_BYTES {
        return Err(format!("larger than {MAX_INPUT_BYTES} bytes"));
    }
    decode_input(std::fs::read(path).map_err(|e| e.to_string())?)
}

/// One input ready for the pipeline: its article text, and what its HTML page said about the
/// article (title, byline, date, outlet, URL) when it was one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleInput {
    /// The text the pipeline reads: the file's text, or an HTML page's body paragraphs.
    pub text: String,
    /// What the page said, for an HTML page.
    pub page: Option<super::html::PageMeta>,
}

impl ArticleInput {
    /// The input read from `text` (from `path`): an HTML page (see [`super::html::is_html`])
    /// is reduced to its article; a page with no article text is an error.
    pub fn from_text(path: &Path, text: String) -> Result<ArticleInput, String> {
        let named = (path.as_os_str() != STDIN).then_some(path);
        if !super::html::is_html(named, &text) {
            return Ok(ArticleInput { text, page: None });
        }
        let page = super::html::parse(&text);
        if page.paragraphs.is_empty() {
            return Err("an HTML page with no article text".to_string());
        }
        Ok(ArticleInput {
            text: page.body_text(),
            page: Some(page.meta),
        })
    }

    /// Fill what `options` leaves open (no flag, no manifest value) from the page.
    pub fn fill(&self, options: &mut super::IngestOptions) {
        let Some(page) = &self.page else {
            return;
        };
        for (option, found) in [
            (&mut options.title, &page.title),
            (&mut options.published, &page.published),
            (&mut options.source, &page.source),
            (&mut options.url, &page.url),
        ] {
            if option.is_none() {
                option.clone_from(found);
            }
        }
    }

    /// Give the ingested article the page's byline.
    pub fn finish(&self, ingested: &mut super::IngestedArticle) {
        if let Some(byline) = self.page.as_ref().and_then(|p| p.byline.clone()) {
            ingested.article.byline = Some(byline);
        }
    }
}

/// Read one input (see [`read_input`]) ready for the pipeline (see [`ArticleInput::from_text`]).
pub fn read_article(path: &Path) -> Result<ArticleInput, String> {
    ArticleInput::from_text(path, read_input(path)?)
}

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
        .or_else(|| name.strip_suffix(".html"))
        .or_else(|| name.strip_suffix(".htm"))
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
        if path.as_os_str() == STDIN {
            "stdin".to_string()
        } else {
            "article".to_string()
        }
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binaries_are_named_by_what_they_look_like() {
        assert_eq!(sniff_binary(b"%PDF-1.4\n1 0 obj"), Some("a PDF document"));
        assert_eq!(sniff_binary(b"abc\0def"), Some("binary data (NUL bytes)"));
        assert_eq!(sniff_binary("Seoul said.".as_bytes()), None);
        let error = decode_input(b"%PDF-1.4 1 0 obj".to_vec()).expect_err("pdf");
        assert!(error.contains("PDF"), "{error}");
    }

    #[test]
    fn article_ids_come_from_file_names() {
        assert_eq!(article_id(Path::new("/x/kbs-2022.raw.txt")), "kbs-2022");
        assert_eq!(article_id(Path::new("page.html")), "page");
        assert_eq!(article_id(Path::new("a b.txt")), "a-b");
        assert_eq!(article_id(Path::new("/")), "article");
        assert_eq!(article_id(Path::new("-")), "stdin");
    }
}
