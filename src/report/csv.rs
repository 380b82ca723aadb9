//! CSV writer: one row per finding, cells safe to open in a spreadsheet.

use super::ArticleReport;
use crate::finding::Finding;
use std::io::{self, Write};

/// The columns, in order.
pub const CSV_COLUMNS: [&str; 26] = [
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
