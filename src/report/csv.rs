//! CSV writers: the four schemas (`check --format csv`, a batch report, a batch summary and
//! `verify`), each one table of (column, value) pairs so that a header and its rows cannot
//! drift apart; cells are made safe to open in a spreadsheet.

use super::{differences, ArticleReport, Summary};
use crate::finding::Finding;
use std::io::{self, Write};

/// A CSV schema: each column's name and how its cell is made from a row `T`.
pub type Schema<T> = [(&'static str, fn(&T) -> String)];

/// The names of a schema's columns, in order.
pub fn header<T>(schema: &Schema<T>) -> Vec<&'static str> {
    schema.iter().map(|(name, _)| *name).collect()
}

fn cells<T>(schema: &Schema<T>, row: &T) -> Vec<String> {
    schema.iter().map(|(_, cell)| cell(row)).collect()
}

fn opt(o: &Option<String>) -> String {
    o.clone().unwrap_or_default()
}

fn reason(f: &Finding) -> String {
    opt_string(f.reason.map(|r| r.as_str()))
}

fn opt_string<T: ToString>(o: Option<T>) -> String {
    o.map(|x| x.to_string()).unwrap_or_default()
}

/// `check --format csv`: one row per finding.
pub const CHECK: &Schema<Finding> = &[
    ("file", |f| f.statement.file.clone()),
    ("statement_id", |f| f.statement.statement_id.clone()),
    ("line", |f| f.statement.line.to_string()),
    ("kind", |f| f.statement.kind.as_str().to_string()),
    ("speaker", |f| f.statement.speaker.clone()),
    ("speaker_mention", |f| f.statement.speaker_mention.clone()),
    ("speaker_role", |f| opt(&f.statement.speaker_role)),
    ("speaker_type", |f| {
        format!("{:?}", f.statement.speaker_type).to_lowercase()
    }),
    ("cue", |f| opt(&f.statement.cue)),
    ("content", |f| f.statement.content.clone()),
    ("content_spans", |f| {
        f.statement
            .spans()
            .iter()
            .map(|[a, b]| format!("{a}-{b}"))
            .collect::<Vec<_>>()
            .join(" ")
    }),
    ("statement_date", |f| opt_string(f.statement.statement_date)),
    ("verdict", |f| f.verdict.as_str().to_string()),
    ("score", |f| format!("{:.3}", f.score)),
    ("decided_by", |f| opt(&f.decided_by)),
    ("reason", reason),
    ("source_file", |f| opt(&f.source_file)),
    ("source_title", |f| opt(&f.source_title)),
    ("source_date", |f| opt_string(f.source_date)),
    ("source_speaker", |f| opt(&f.source_speaker)),
    ("source_line", |f| opt_string(f.source_line)),
    ("source_time", |f| opt(&f.source_time)),
    ("source_text", |f| opt(&f.source_text)),
    ("differences", differences),
    ("true_speaker", |f| opt(&f.true_speaker)),
    ("flags", |f| f.flags.join("; ")),
    ("needs_attention", |f| f.needs_attention.to_string()),
    ("via", |f| opt(&f.statement.via)),
];

/// `verify --format csv`: one row per claim.
pub const VERIFY: &Schema<Finding> = &[
    ("id", |f| f.statement.statement_id.clone()),
    ("speaker", |f| f.statement.speaker.clone()),
    ("kind", |f| f.statement.kind.as_str().to_string()),
    ("verdict", |f| f.verdict.as_str().to_string()),
    ("decided_by", |f| opt(&f.decided_by)),
    ("reason", reason),
    ("score", |f| format!("{:.3}", f.score)),
    ("score_parts", |f| opt_string(f.score_parts.as_ref())),
    ("source_file", |f| opt(&f.source_file)),
    ("source_date", |f| opt_string(f.source_date)),
    ("source_speaker", |f| opt(&f.source_speaker)),
    ("source_line", |f| opt_string(f.source_line)),
    ("source_text", |f| opt(&f.source_text)),
    ("source_marked", |f| {
        opt_string(f.source_marked.as_ref().map(|m| m.wdiff()))
    }),
    ("differences", differences),
    ("true_speaker", |f| opt(&f.true_speaker)),
    ("alternative", |f| opt_string(f.alternative.as_ref())),
    ("flags", |f| f.flags.join("; ")),
    ("needs_attention", |f| f.needs_attention.to_string()),
    ("statement", |f| f.statement.content.clone()),
];

/// What a batch knows of an article beside its findings.
#[derive(Debug, Clone, Default)]
pub struct ArticleMeta {
    pub id: String,
    pub outlet: Option<String>,
    /// The manifest's title (else the report's, from the article itself).
    pub title: Option<String>,
}

/// One row of a batch report: a finding of an article.
pub struct BatchRow<'a> {
    pub meta: &'a ArticleMeta,
    pub report: &'a ArticleReport,
    pub finding: &'a Finding,
}

/// The batch report's schema type: [`Schema`] over rows of any lifetime.
pub type BatchSchema = [(&'static str, fn(&BatchRow) -> String)];

/// A batch report: one row per statement.
pub const BATCH: &BatchSchema = &[
    ("article_id", |r| r.meta.id.clone()),
    ("outlet", |r| opt(&r.meta.outlet)),
    ("article_date", |r| opt_string(r.report.date)),
    ("file", |r| r.report.file.clone()),
    ("statement_id", |r| r.finding.statement.statement_id.clone()),
    ("line", |r| r.finding.statement.line.to_string()),
    ("kind", |r| r.finding.statement.kind.as_str().to_string()),
    ("speaker", |r| r.finding.statement.speaker.clone()),
    ("speaker_mention", |r| {
        r.finding.statement.speaker_mention.clone()
    }),
    ("statement", |r| r.finding.statement.content.clone()),
    ("verdict", |r| r.finding.verdict.as_str().to_string()),
    ("reason", |r| reason(r.finding)),
    ("score", |r| format!("{:.3}", r.finding.score)),
    ("differences", |r| differences(r.finding)),
    ("source_file", |r| opt(&r.finding.source_file)),
    ("source_title", |r| opt(&r.finding.source_title)),
    ("source_date", |r| opt_string(r.finding.source_date)),
    ("source_speaker", |r| opt(&r.finding.source_speaker)),
    ("source_text", |r| opt(&r.finding.source_text)),
    ("caption_time", |r| opt(&r.finding.source_time)),
    ("needs_attention", |r| r.finding.needs_attention.to_string()),
    // What the JSON has beside (issue 16); added at the end so that no column moves.
    ("title", |r| {
        opt(&r.meta.title.clone().or_else(|| r.report.title.clone()))
    }),
    ("cue", |r| opt(&r.finding.statement.cue)),
    ("statement_date", |r| {
        opt_string(r.finding.statement.statement_date)
    }),
    ("source_line", |r| opt_string(r.finding.source_line)),
    ("true_speaker", |r| opt(&r.finding.true_speaker)),
    ("flags", |r| r.finding.flags.join("; ")),
];

/// One row of a batch summary: an article's counts per verdict, or the error that stopped it.
#[derive(Debug, Clone)]
pub struct SummaryRow {
    pub id: String,
    pub file: String,
    pub outlet: Option<String>,
    pub date: Option<crate::date::Date>,
    /// Absent when the article could not be checked.
    pub counts: Option<Summary>,
    pub error: Option<String>,
}

impl SummaryRow {
    /// The row of an article: its counts when it was checked (`report`), else its error.
    pub fn new(
        meta: &ArticleMeta,
        file: &str,
        report: Option<&ArticleReport>,
        error: Option<&str>,
    ) -> SummaryRow {
        SummaryRow {
            id: meta.id.clone(),
            file: file.to_string(),
            outlet: meta.outlet.clone(),
            date: report.and_then(|r| r.date),
            counts: report.map(|r| Summary::of(&r.findings)),
            error: error.map(str::to_string),
        }
    }

    /// A count, empty when the article could not be checked.
    fn count(&self, n: fn(&Summary) -> usize) -> String {
        opt_string(self.counts.as_ref().map(n))
    }
}

/// A batch summary: one row per article.
pub const SUMMARY: &Schema<SummaryRow> = &[
    ("article_id", |r| r.id.clone()),
    ("file", |r| r.file.clone()),
    ("outlet", |r| opt(&r.outlet)),
    ("date", |r| opt_string(r.date)),
    ("statements", |r| r.count(|s| s.statements)),
    ("verbatim", |r| r.count(|s| s.verbatim)),
    ("near_verbatim", |r| r.count(|s| s.near_verbatim)),
    ("altered", |r| r.count(|s| s.altered)),
    ("paraphrase", |r| r.count(|s| s.paraphrase)),
    ("misattributed", |r| r.count(|s| s.misattributed)),
    ("unverified", |r| r.count(|s| s.unverified)),
    ("needs_attention", |r| r.count(|s| s.needs_attention)),
    ("error", |r| opt(&r.error)),
];

/// Neutralises a cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR).
pub fn safe_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Rows of `schema`, CSV-encoded with safe cells; with its header first when `with_header`.
pub fn rows<'a, T: 'a>(
    schema: &Schema<T>,
    rows: impl IntoIterator<Item = &'a T>,
    with_header: bool,
) -> io::Result<Vec<u8>> {
    guarded_rows(schema, rows, with_header, true)
}

/// [`rows`], with the formula guard ([`safe_cell`]) on or off: off for a CSV read by a
/// program (pandas), where a cell must be the value itself (`+just (filler)`).
pub fn guarded_rows<'a, T: 'a>(
    schema: &Schema<T>,
    rows: impl IntoIterator<Item = &'a T>,
    with_header: bool,
    guard: bool,
) -> io::Result<Vec<u8>> {
    let cell = |c: &String| if guard { safe_cell(c) } else { c.clone() };
    let mut w = csv::Writer::from_writer(Vec::new());
    if with_header {
        w.write_record(header(schema).iter().map(|c| cell(&c.to_string())))?;
    }
    for r in rows {
        w.write_record(cells(schema, r).iter().map(cell))?;
    }
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

/// Writes the header (when `header`) and one `check` row per finding.
pub fn write_csv(out: &mut dyn Write, reports: &[ArticleReport], header: bool) -> io::Result<()> {
    let findings = reports.iter().flat_map(|r| &r.findings);
    out.write_all(&rows(CHECK, findings, header)?)
}

/// An article's batch-report rows, CSV-encoded, in article order.
pub fn batch_rows(meta: &ArticleMeta, report: &ArticleReport) -> io::Result<Vec<u8>> {
    guarded_batch_rows(meta, report, true)
}

/// [`batch_rows`] with the formula guard on or off (see [`guarded_rows`]).
pub fn guarded_batch_rows(
    meta: &ArticleMeta,
    report: &ArticleReport,
    guard: bool,
) -> io::Result<Vec<u8>> {
    let rs: Vec<BatchRow> = report
        .findings
        .iter()
        .map(|finding| BatchRow {
            meta,
            report,
            finding,
        })
        .collect();
    guarded_rows(BATCH, &rs, false, guard)
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

    #[test]
    fn every_schema_names_each_column_once() {
        let table: [(&str, Vec<&str>); 4] = [
            ("check", header(CHECK)),
            ("verify", header(VERIFY)),
            ("batch", header(BATCH)),
            ("summary", header(SUMMARY)),
        ];
        for (name, cols) in table {
            let mut sorted = cols.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), cols.len(), "{name}: {cols:?}");
        }
    }
}
