//! CSV writer: one row per finding, cells safe to open in a spreadsheet.

use super::ArticleReport;
use crate::finding::Finding;
use std::io::{self, Write};

/// The columns, in order.
pub const CSV_COLUMNS: [&str; 27] = [
    "file",
    "statement_id",
    "line",
    "kind",
    "speaker",
    "speaker_mention",
    "speaker_role",
    "speaker_type",
    "cue",
    "content",
    "content_spans",
    "statement_date",
    "verdict",
    "score",
    "decided_by",
    "source_file",
    "source_title",
    "source_date",
    "source_speaker",
    "source_line",
    "source_time",
    "source_text",
    "differences",
    "true_speaker",
    "flags",
    "needs_attention",
    "via",
];

/// Neutralises a cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR).
pub fn safe_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn row(f: &Finding) -> Vec<String> {
    let st = &f.statement;
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let spans = st
        .spans()
        .iter()
        .map(|[a, b]| format!("{a}-{b}"))
        .collect::<Vec<_>>()
        .join(" ");
    vec![
        st.file.clone(),
        st.statement_id.clone(),
        st.line.to_string(),
        st.kind.as_str().to_string(),
        st.speaker.clone(),
        st.speaker_mention.clone(),
        opt(&st.speaker_role),
        format!("{:?}", st.speaker_type).to_lowercase(),
        opt(&st.cue),
        st.content.clone(),
        spans,
        st.statement_date.map(|d| d.to_string()).unwrap_or_default(),
        f.verdict.as_str().to_string(),
        format!("{:.3}", f.score),
        opt(&f.decided_by),
        opt(&f.source_file),
        opt(&f.source_title),
        f.source_date.map(|d| d.to_string()).unwrap_or_default(),
        opt(&f.source_speaker),
        f.source_line.map(|l| l.to_string()).unwrap_or_default(),
        opt(&f.source_time),
        opt(&f.source_text),
        f.differences.join("; "),
        opt(&f.true_speaker),
        f.flags.join("; "),
        f.needs_attention.to_string(),
        opt(&st.via),
    ]
}

/// Writes the header (when `header`) and one row per finding.
pub fn write_csv(out: &mut dyn Write, reports: &[ArticleReport], header: bool) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    if header {
        w.write_record(CSV_COLUMNS)?;
    }
    for f in reports.iter().flat_map(|r| &r.findings) {
        w.write_record(row(f).iter().map(|c| safe_cell(c)))?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        let table = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-the (filler)", "'-the (filler)"),
            ("@x", "'@x"),
            ("plain", "plain"),
        ];
        for (cell, want) in table {
            assert_eq!(safe_cell(cell), want);
        }
    }
}

/// Columns of a batch report: one row per statement.
pub const BATCH_COLUMNS: [&str; 20] = [
    "article_id",
    "outlet",
    "article_date",
    "file",
    "statement_id",
    "line",
    "kind",
    "speaker",
    "speaker_mention",
    "statement",
    "verdict",
    "score",
    "differences",
    "source_file",
    "source_title",
    "source_date",
    "source_speaker",
    "source_text",
    "caption_time",
    "needs_attention",
];

/// Columns of a batch summary: one row per article.
pub const SUMMARY_COLUMNS: [&str; 13] = [
    "article_id",
    "file",
    "outlet",
    "date",
    "statements",
    "verbatim",
    "near_verbatim",
    "altered",
    "paraphrase",
    "misattributed",
    "unverified",
    "needs_attention",
    "error",
];

/// What a batch knows of an article beside its findings.
#[derive(Debug, Clone, Default)]
pub struct ArticleMeta {
    pub id: String,
    pub outlet: Option<String>,
}

fn csv_bytes(rows: impl IntoIterator<Item = Vec<String>>) -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r.iter().map(|c| safe_cell(c)))?;
    }
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

/// A CSV header line.
pub fn header_bytes(columns: &[&str]) -> io::Result<Vec<u8>> {
    csv_bytes([columns.iter().map(|c| c.to_string()).collect()])
}

/// An article's statement rows, CSV-encoded, in article order.
pub fn batch_rows(meta: &ArticleMeta, report: &ArticleReport) -> io::Result<Vec<u8>> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    csv_bytes(report.findings.iter().map(|f| {
        let st = &f.statement;
        vec![
            meta.id.clone(),
            opt(&meta.outlet),
            report.date.map(|d| d.to_string()).unwrap_or_default(),
            report.file.clone(),
            st.statement_id.clone(),
            st.line.to_string(),
            st.kind.as_str().to_string(),
            st.speaker.clone(),
            st.speaker_mention.clone(),
            st.content.clone(),
            f.verdict.as_str().to_string(),
            format!("{:.3}", f.score),
            f.differences.join("; "),
            opt(&f.source_file),
            opt(&f.source_title),
            f.source_date.map(|d| d.to_string()).unwrap_or_default(),
            opt(&f.source_speaker),
            opt(&f.source_text),
            opt(&f.source_time),
            f.needs_attention.to_string(),
        ]
    }))
}

/// One summary row: counts per verdict for an article, or the error that stopped it.
pub fn summary_row(
    meta: &ArticleMeta,
    file: &str,
    report: Option<&ArticleReport>,
    error: Option<&str>,
) -> Vec<String> {
    let s = super::Summary::of(report.into_iter().flat_map(|r| &r.findings));
    let n = |x: usize| {
        if report.is_some() {
            x.to_string()
        } else {
            String::new()
        }
    };
    vec![
        meta.id.clone(),
        file.to_string(),
        meta.outlet.clone().unwrap_or_default(),
        report
            .and_then(|r| r.date)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        n(s.statements),
        n(s.verbatim),
        n(s.near_verbatim),
        n(s.altered),
        n(s.paraphrase),
        n(s.misattributed),
        n(s.unverified),
        n(s.needs_attention),
        error.unwrap_or("").to_string(),
    ]
}

/// Summary rows, CSV-encoded with their header.
pub fn summary_bytes(rows: Vec<Vec<String>>) -> io::Result<Vec<u8>> {
    let mut out = header_bytes(&SUMMARY_COLUMNS)?;
    out.extend(csv_bytes(rows)?);
    Ok(out)
}
