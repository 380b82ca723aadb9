//! JSON and JSON Lines writers: one document for a run, or one finding (or statement) per line.

use super::{ArticleReport, Summary};
use crate::finding::{Finding, Statement};
use serde::Serialize;
use std::io::{self, Write};

/// Version of the JSON output format; bumped when a field changes meaning or goes away.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    articles: &'a [ArticleReport],
    summary: Summary,
}

fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::other(e)
}

/// Writes one JSON document: `{version, articles: [{file, date, warnings, findings}], summary}`.
pub fn write_json(out: &mut dyn Write, reports: &[ArticleReport]) -> io::Result<()> {
    let summary = Summary::of(reports.iter().flat_map(|r| &r.findings));
    serde_json::to_writer_pretty(
        &mut *out,
        &Document {
            version: FORMAT_VERSION,
            articles: reports,
            summary,
        },
    )
    .map_err(to_io)?;
    writeln!(out)
}

/// Writes one finding per line.
pub fn write_jsonl(out: &mut dyn Write, report: &ArticleReport) -> io::Result<()> {
    for f in &report.findings {
        serde_json::to_writer(&mut *out, f).map_err(to_io)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes one statement per line (no verdicts): what `extract --format jsonl` prints.
pub fn write_statements_jsonl(out: &mut dyn Write, statements: &[Statement]) -> io::Result<()> {
    for s in statements {
        serde_json::to_writer(&mut *out, s).map_err(to_io)?;
        writeln!(out)?;
    }
    Ok(())
}

/// A claim's JSON Lines record: its id, then the finding.
#[derive(Serialize)]
struct ClaimRecord<'a> {
    id: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

/// Writes one claim per line (`verify --format jsonl`): `{"id", ...finding}`.
pub fn write_claims_jsonl(out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        let record = ClaimRecord {
            id: &f.statement.statement_id,
            finding: f,
        };
        serde_json::to_writer(&mut *out, &record).map_err(to_io)?;
        writeln!(out)?;
    }
    Ok(())
}
