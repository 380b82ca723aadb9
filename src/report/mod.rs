//! Report writers: the same findings as text for a person, or JSON, JSON Lines, CSV and HTML
//! for machines and editors, and `verify --explain`. Every writer serialises [`Finding`];
//! see README.md for the fields.

pub mod csv;
mod explain;
mod html;
mod json;
mod text;

pub use self::csv::{batch_rows, safe_cell, write_csv, ArticleMeta, SummaryRow};
pub use explain::{explain, EXPLAIN_TOP};
pub use html::{escape, write_html};
pub use json::{write_claims_jsonl, write_json, write_jsonl, write_statements_jsonl};
pub use text::{write_statements_text, write_text, Style};

use crate::finding::{Finding, Verdict};
use serde::Serialize;

/// A finding's differences as one cell: `-the (filler); +not (negation)`.
pub fn differences(f: &Finding) -> String {
    f.differences
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// One article's findings, as handed to a writer.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleReport {
    pub file: String,
    /// The article's title: a batch manifest's, else its own (HTML `<title>`, Markdown front
    /// matter or first heading).
    pub title: Option<String>,
    pub date: Option<crate::date::Date>,
    pub warnings: Vec<String>,
    pub findings: Vec<Finding>,
}

/// Counts per verdict.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub statements: usize,
    pub verbatim: usize,
    pub near_verbatim: usize,
    pub altered: usize,
    pub paraphrase: usize,
    pub misattributed: usize,
    pub unverified: usize,
    pub needs_attention: usize,
}

impl Summary {
    /// Counts the findings of some articles.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            s.statements += 1;
            s.needs_attention += usize::from(f.needs_attention);
            *match f.verdict {
                Verdict::Verbatim => &mut s.verbatim,
                Verdict::NearVerbatim => &mut s.near_verbatim,
                Verdict::Altered => &mut s.altered,
                Verdict::Paraphrase => &mut s.paraphrase,
                Verdict::Misattributed => &mut s.misattributed,
                Verdict::Unverified => &mut s.unverified,
            } += 1;
        }
        s
    }

    /// Count for one verdict.
    pub fn count(&self, v: Verdict) -> usize {
        match v {
            Verdict::Verbatim => self.verbatim,
            Verdict::NearVerbatim => self.near_verbatim,
            Verdict::Altered => self.altered,
            Verdict::Paraphrase => self.paraphrase,
            Verdict::Misattributed => self.misattributed,
            Verdict::Unverified => self.unverified,
        }
    }

    /// `15 statements: 6 verbatim, 1 near-verbatim, ...; 3 need attention`.
    pub fn line(&self) -> String {
        let parts: Vec<String> = Verdict::ALL
            .iter()
            .map(|v| format!("{} {}", self.count(*v), v.as_str()))
            .collect();
        format!(
            "{} statement{}: {}; {} need{} attention",
            self.statements,
            if self.statements == 1 { "" } else { "s" },
            parts.join(", "),
            self.needs_attention,
            if self.needs_attention == 1 { "s" } else { "" }
        )
    }
}
