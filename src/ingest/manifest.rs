//! `--manifest FILE`: per-file metadata for a batch, from a CSV or TSV table with a header row.
//!
//! Columns (any order, names case-insensitive): `file` (required) plus any of `speaker` or
//! `country` (an entity id), `published` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) or `year`, `source`,
//! `title`, `url`, `speaker_name`, `speaker_post`. Other columns are ignored. The delimiter is a
//! tab when the header line has one, else a comma. A bad value is an error naming the manifest,
//! its line and the column.

use std::collections::HashMap;
use std::path::Path;

/// The metadata of one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ManifestRow {
    /// The `file` cell, as written.
    pub file: String,
    /// Line of the row in the manifest (1-based; the header is line 1).
    pub line: u64,
    /// Entity id of the speaking country.
    pub speaker: Option<String>,
    /// Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Outlet or archive name.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Where the text came from.
    pub url: Option<String>,
    /// Who spoke.
    pub speaker_name: Option<String>,
    /// The speaker's office.
    pub speaker_post: Option<String>,
}

/// A parsed manifest: rows by file name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Manifest {
    /// Rows in manifest order.
    pub rows: Vec<ManifestRow>,
    by_name: HashMap<String, usize>,
}

fn cell(record: &csv::StringRecord, column: Option<usize>) -> Option<String> {
    column
        .and_then(|c| record.get(c))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

impl Manifest {
    /// Parse a manifest's text. `label` names it in errors; `is_entity` says whether an id is
    /// known to the gazetteer.
    pub fn parse(
        label: &str,
        text: &str,
        is_entity: impl Fn(&str) -> bool,
    ) -> Result<Manifest, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let header_line = text.lines().next().unwrap_or_default();
        let delimiter = if header_line.contains('\t') {
            b'\t'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .quoting(delimiter == b',')
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| format!("{label}:1: {e}"))?
            .clone();
        let column = |names: &[&str]| {
            headers
                .iter()
                .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
        };
        let file_column = column(&["file"])
            .ok_or_else(|| format!("{label}:1: no `file` column in the header"))?;
        let published_column = column(&["published"]);
        let year_column = column(&["year"]);
        let source_column = column(&["source"]);
        let title_column = column(&["title"]);
        let url_column = column(&["url"]);
        let name_column = column(&["speaker_name"]);
        let post_column = column(&["speaker_post"]);
        // With both `country` and `speaker`, `country` is the government and `speaker` the person
        // (as in the UN General Debate manifest); alone, either names the government.
        let (speaker_column, name_column) = match (column(&["country"]), column(&["speaker"])) {
            (Some(country), Some(person)) => (Some(country), name_column.or(Some(person))),
            (Some(country), None) => (Some(country), name_column),
            (None, speaker) => (speaker, name_column),
        };
        let mut manifest = Manifest::default();
        for record in reader.records() {
            let record = record.map_err(|e| format!("{label}: {e}"))?;
            let line = record.position().map_or(0, |p| p.line());
            let at = |column: &str, message: String| format!("{label}:{line}: {column}: {message}");
            let Some(file) = cell(&record, Some(file_column)) else {
                continue;
            };
            let speaker = cell(&record, speaker_column);
            if let Some(id) = &speaker
                && !is_entity(id)
            {
                return Err(at("country", format!("unknown entity \"{id}\"")));
            }
            let published = match cell(&record, published_column) {
                Some(date) => Some(date),
                None => cell(&record, year_column),
            };
            if let Some(date) = &published
                && !crate::model::is_valid_published(date)
            {
                return Err(at(
                    "published",
                    format!("invalid date \"{date}\", expected YYYY, YYYY-MM or YYYY-MM-DD"),
                ));
            }
            let row = ManifestRow {
                file: file.clone(),
                line,
                speaker,
                published,
                source: cell(&record, source_column),
                title: cell(&record, title_column),
                url: cell(&record, url_column),
                speaker_name: cell(&record, name_column),
                speaker_post: cell(&record, post_column),
            };
            if manifest.by_name.contains_key(&file) {
                return Err(at("file", format!("\"{file}\" is listed twice")));
            }
            manifest.by_name.insert(file, manifest.rows.len());
            manifest.rows.push(row);
        }
        Ok(manifest)
    }

    /// The row for an input path: by the path as written, else by its file name.
    pub fn row_for(&self, path: &Path) -> Option<&ManifestRow> {
        let full = path.to_string_lossy();
        self.by_name
            .get(full.as_ref())
            .or_else(|| {
                path.file_name()
                    .and_then(|name| self.by_name.get(name.to_string_lossy().as_ref()))
            })
            .map(|&i| &self.rows[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(id: &str) -> bool {
        matches!(id, "ARG" | "KEN" | "EU")
    }

    #[test]
    fn a_tsv_manifest_with_a_country_and_a_speaker_column() {
        let text = "file\tcountry\tcountry_name\tyear\tspeaker\tspeaker_post\nARG_01_1946.txt\tARG\tArgentina\t1946\tMr. Arce\t\n";
        let manifest = Manifest::parse("m.tsv", text, known).expect("manifest");
        let row = manifest
            .row_for(Path::new("/tmp/x/ARG_01_1946.txt"))
            .expect("row");
        assert_eq!(row.speaker.as_deref(), Some("ARG"));
        assert_eq!(row.published.as_deref(), Some("1946"));
        assert_eq!(row.speaker_name.as_deref(), Some("Mr. Arce"));
        assert_eq!(row.speaker_post, None);
    }

    #[test]
    fn a_csv_manifest_with_quotes() {
        let text = "file,speaker,published,title\n\"a.txt\",KEN,2024-03,\"Talks, at last\"\n";
        let manifest = Manifest::parse("m.csv", text, known).expect("manifest");
        let row = manifest.row_for(Path::new("a.txt")).expect("row");
        assert_eq!(row.speaker.as_deref(), Some("KEN"));
        assert_eq!(row.title.as_deref(), Some("Talks, at last"));
    }

    #[test]
    fn bad_values_are_located_errors() {
        let bad_year = "file,country,year\na.txt,KEN,2024\nb.txt,KEN,19x6\n";
        let error = Manifest::parse("m.csv", bad_year, known).expect_err("bad year");
        assert!(error.starts_with("m.csv:3: published"), "{error}");
        let bad_country = "file,country\na.txt,XXX\n";
        let error = Manifest::parse("m.csv", bad_country, known).expect_err("bad country");
        assert!(error.contains("m.csv:2: country"), "{error}");
        assert!(Manifest::parse("m.csv", "name,country\n", known).is_err());
    }
}
