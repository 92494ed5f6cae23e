//! File helpers shared by the core and the commands: writing a file whole or not at all, and
//! turning a byte offset into a line and column for error messages.

use std::io::Write;
use std::path::Path;

/// Write `contents` to `path` whole or not at all: into a new temporary file in the same
/// directory, flushed to disk, then renamed over `path`. On failure `path` is untouched and the
/// temporary file is removed. A new file gets the usual permissions (0666 less the umask).
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut temp = temp_file_beside(path)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A new temporary file in `path`'s directory, to be renamed over `path` once written whole
/// (`NamedTempFile::persist`); removed when dropped unrenamed. It gets the usual permissions
/// of a new file (0666 less the umask).
pub fn temp_file_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".agenda-tui-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Line and column (1-based, column in characters) of byte `offset` of `bytes`. An offset
/// inside a character counts as that character; invalid bytes count one character each.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
    let mut current = &before[line_start..];
    if let Err(e) = std::str::from_utf8(current)
        && e.error_len().is_none()
    {
        current = &current[..e.valid_up_to()];
    }
    (line, String::from_utf8_lossy(current).chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = b"ab\nc\xc3\xa9\nx";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 6), (2, 3));
        assert_eq!(line_column(text, 7), (3, 1));
        assert_eq!(line_column("cé".as_bytes(), 2), (1, 2));
        assert_eq!(line_column(b"a\x80b", 3), (1, 4));
    }

    #[test]
    fn atomic_write_replaces_the_file_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.json");
        write_atomically(&path, b"first").expect("write");
        write_atomically(&path, b"second").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        let leftovers = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(leftovers, 1);
    }
}
