//! The CSV export (RFC 4180): one row per statement, [`CSV_COLUMNS`] in order.

use super::{ExportError, Item, TextMode, safe};

/// The CSV header row; every row has these columns in this order. List columns (`targets`,
/// `leaders`, `topics`) join their values with `"; "`. Columns added later go at the end, so
/// that scripts reading columns by position keep working.
pub const CSV_COLUMNS: [&str; 17] = [
    "id",
    "article",
    "date",
    "source",
    "byline",
    "url",
    "title",
    "speaker",
    "speaker_entity",
    "kind",
    "targets",
    "leaders",
    "topics",
    "start",
    "end",
    "text",
    "dateline",
];

pub(super) fn csv_text(items: &[Item<'_>], mode: TextMode) -> Result<String, ExportError> {
    let csv_error = |e: csv::Error| ExportError::Csv(e.to_string());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(CSV_COLUMNS).map_err(csv_error)?;
    for item in items {
        let (s, a) = (item.statement, item.article);
        let opt = |v: Option<&str>| v.unwrap_or_default().to_string();
        let record: [String; 17] = [
            s.id.to_string(),
            a.id.clone(),
            opt(a.published.as_deref()),
            a.source.clone(),
            opt(a.byline.as_deref()),
            opt(a.url.as_deref()),
            a.title.clone(),
            opt(s.speaker.as_deref()),
            s.speaker_entity.to_string(),
            s.kind.as_str().to_string(),
            s.targets.join("; "),
            s.leaders.join("; "),
            s.topics.join("; "),
            s.start.to_string(),
            s.end.to_string(),
            s.text.to_string(),
            opt(a.dateline.as_deref()),
        ];
        writer
            .write_record(record.iter().map(|field| safe(field, mode).into_owned()))
            .map_err(csv_error)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.error().to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Csv(e.to_string()))
}
