//! The text report for a person at a terminal: one block per statement, in article order,
//! with the evidence and the differences marked, and a summary line at the end.

use super::{differences, ArticleReport, Summary};
use crate::finding::{Finding, Marked, Statement, Verdict};
use std::io::{self, Write};

/// Whether to colour the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const MAGENTA: &str = "\x1b[35m";

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    }

    fn verdict(&self, v: Verdict) -> String {
        let code = match v {
            Verdict::Verbatim | Verdict::NearVerbatim => GREEN,
            Verdict::Paraphrase => YELLOW,
            Verdict::Altered | Verdict::Misattributed => RED,
            Verdict::Unverified => MAGENTA,
        };
        self.paint(&format!("{BOLD}{code}"), &v.as_str().to_uppercase())
    }

    /// A marked passage in wdiff notation, `[-x-]` red and `{+x+}` green when coloured.
    fn marked(&self, m: &Marked) -> String {
        if !self.color {
            return m.wdiff();
        }
        m.render(
            str::to_string,
            |t| format!("{RED}[-{t}-]{RESET}"),
            |t| format!("{GREEN}{{+{t}+}}{RESET}"),
        )
    }
}

fn speaker_line(st: &Statement) -> String {
    let mut s = st.speaker.clone();
    if st.speaker_mention != st.speaker {
        s.push_str(&format!(" (as \"{}\")", st.speaker_mention));
    }
    if let Some(role) = &st.speaker_role {
        s.push_str(&format!(", {role}"));
    }
    s
}

fn statement_head(out: &mut dyn Write, st: &Statement, style: Style) -> io::Result<()> {
    let date = st
        .statement_date
        .map(|d| format!(", said {d}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{}",
        style.paint(
            BOLD,
            &format!(
                "{}:{}: {} ({}{date})",
                st.file,
                st.line,
                st.statement_id,
                st.kind.as_str()
            )
        )
    )?;
    writeln!(out, "  speaker:  {}", speaker_line(st))?;
    writeln!(out, "  said:     \"{}\"", st.content)?;
    if let Some(via) = &st.via {
        writeln!(out, "  via:      {via}")?;
    }
    Ok(())
}

fn finding(out: &mut dyn Write, f: &Finding, style: Style) -> io::Result<()> {
    statement_head(out, &f.statement, style)?;
    let by = f
        .decided_by
        .as_ref()
        .map(|d| format!(", decided by the {d}"))
        .unwrap_or_default();
    writeln!(
        out,
        "  verdict:  {} (score {:.2}{by})",
        style.verdict(f.verdict),
        f.score
    )?;
    if let Some(reason) = f.reason {
        writeln!(
            out,
            "  reason:   {} ({})",
            reason.describe(),
            reason.as_str()
        )?;
        if let Some(alt) = &f.alternative {
            writeln!(out, "  closest:  {alt}")?;
        }
    }
    if let Some(who) = &f.true_speaker {
        writeln!(out, "  said by:  {who}")?;
    }
    if let (Some(title), Some(file)) = (&f.source_title, &f.source_file) {
        let date = f.source_date.map(|d| format!(" ({d})")).unwrap_or_default();
        let speaker = f.source_speaker.as_deref().unwrap_or("?");
        let at = f
            .source_time
            .as_ref()
            .map(|t| format!(", at {t}"))
            .unwrap_or_default();
        writeln!(out, "  source:   {title}{date}, {speaker}{at}")?;
        writeln!(
            out,
            "            {}",
            style.paint(DIM, &format!("{file}:{}", f.source_line.unwrap_or(0)))
        )?;
    }
    if let Some(marked) = &f.source_marked {
        writeln!(out, "  passage:  \"{}\"", style.marked(marked))?;
    }
    if !f.differences.is_empty() {
        writeln!(out, "  changes:  {}", differences(f))?;
    }
    for flag in &f.flags {
        writeln!(out, "  {} {flag}", style.paint(YELLOW, "warning:"))?;
    }
    writeln!(out)
}

/// Writes the findings of some articles and a summary line.
pub fn write_text(out: &mut dyn Write, reports: &[ArticleReport], style: Style) -> io::Result<()> {
    for r in reports {
        for f in &r.findings {
            finding(out, f, style)?;
        }
    }
    let summary = Summary::of(reports.iter().flat_map(|r| &r.findings));
    writeln!(out, "{}", style.paint(BOLD, &summary.line()))
}

/// Writes statements without verdicts (what `extract` prints).
pub fn write_statements_text(
    out: &mut dyn Write,
    statements: &[Statement],
    style: Style,
) -> io::Result<()> {
    for st in statements {
        statement_head(out, st, style)?;
        if let Some(cue) = &st.cue {
            writeln!(out, "  cue:      {cue}")?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{} statement{}",
        statements.len(),
        if statements.len() == 1 { "" } else { "s" }
    )
}
