//! `quotecheck verify`: check the attributed statements of a claims file (CSV: `id, speaker,
//! statement, kind, date`) against a corpus, one output row per claim.

use super::{stdout_error, ColorChoice};
use clap::ValueEnum;
use quotecheck::claims::{read_claims, verify, Claim};
use quotecheck::corpus::Corpus;
use quotecheck::report::{self, ArticleReport};
use quotecheck::{Error, Finding};
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Claims file (CSV with columns id, speaker, statement, kind, date; others are ignored).
    /// Quotation marks inside a statement mark words checked as a direct quote.
    claims: PathBuf,
    /// Directory of transcripts to check against [default: the config's `corpus`, else
    /// reference_data].
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Settings file (its `corpus` and `[thresholds]`) [default: the nearest quotecheck.toml
    /// from the current folder up].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Also print, on standard error, how each claim was scored: its best candidate passages
    /// with their grade, score and score parts.
    #[arg(long)]
    explain: bool,
    /// When to colour the text report (NO_COLOR is honoured with auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One CSV row per claim.
    Csv,
    /// One JSON object per claim.
    Jsonl,
    /// A report for a person.
    Text,
}

/// The CSV columns, in order.
const COLUMNS: [&str; 19] = [
    "id",
    "speaker",
    "kind",
    "verdict",
    "decided_by",
    "score",
    "score_parts",
    "source_file",
    "source_date",
    "source_speaker",
    "source_line",
    "source_text",
    "source_marked",
    "differences",
    "true_speaker",
    "alternative",
    "flags",
    "needs_attention",
    "statement",
];

/// A JSON Lines record: the claim's id, then the finding.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

fn csv_row(f: &Finding) -> Vec<String> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let st = &f.statement;
    vec![
        st.statement_id.clone(),
        st.speaker.clone(),
        st.kind.as_str().to_string(),
        f.verdict.as_str().to_string(),
        opt(&f.decided_by),
        format!("{:.3}", f.score),
        f.score_parts
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        opt(&f.source_file),
        f.source_date.map(|d| d.to_string()).unwrap_or_default(),
        opt(&f.source_speaker),
        f.source_line.map(|l| l.to_string()).unwrap_or_default(),
        opt(&f.source_text),
        opt(&f.source_marked),
        f.differences.join("; "),
        opt(&f.true_speaker),
        f.alternative
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        f.flags.join("; "),
        f.needs_attention.to_string(),
        st.content.clone(),
    ]
}

pub fn run(args: Args) -> Result<u8, Error> {
    let config = super::config::load(args.config.as_deref())?;
    let thresholds = config.thresholds.unwrap_or_default();
    let dir = super::corpus_dir(args.corpus, config.corpus);
    let corpus = Corpus::load(&dir)?;
    for s in &corpus.skipped {
        eprintln!("quotecheck: warning: skipped {s}");
    }
    let (claims, errors) = read_claims(&args.claims)?;
    for e in &errors {
        eprintln!("quotecheck: {e}");
    }
    let file = args.claims.to_string_lossy().into_owned();
    let findings: Vec<Finding> = claims
        .par_iter()
        .map(|c: &Claim| verify(&corpus, c, &file, &thresholds))
        .collect();
    if args.explain {
        let mut err = std::io::stderr().lock();
        for (c, f) in claims.iter().zip(&findings) {
            let _ = write!(
                err,
                "{}  verdict {}\n\n",
                quotecheck::verdict::explain(&corpus, &c.statement(&file), &thresholds),
                f.verdict.as_str()
            );
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(COLUMNS)
                .and_then(|()| {
                    findings.iter().try_for_each(|f| {
                        w.write_record(csv_row(f).iter().map(|c| report::safe_cell(c)))
                    })
                })
                .map_err(|e| stdout_error(e.into()))?;
            w.flush().map_err(stdout_error)?;
        }
        Format::Jsonl => {
            for f in &findings {
                let record = Record {
                    id: &f.statement.statement_id,
                    finding: f,
                };
                serde_json::to_writer(&mut out, &record).map_err(|e| stdout_error(e.into()))?;
                writeln!(out).map_err(stdout_error)?;
            }
        }
        Format::Text => {
            let reports = [ArticleReport {
                file: file.clone(),
                date: None,
                warnings: Vec::new(),
                findings,
            }];
            report::write_text(&mut out, &reports, args.color.style()).map_err(stdout_error)?;
            out.flush().map_err(stdout_error)?;
            return Ok(status(!errors.is_empty(), &reports[0].findings));
        }
    }
    out.flush().map_err(stdout_error)?;
    Ok(status(!errors.is_empty(), &findings))
}

/// The exit status: 2 when a row was bad, else 1 when a claim needs attention, else 0.
fn status(failed: bool, findings: &[Finding]) -> u8 {
    super::exit_status(failed, findings.iter().any(|f| f.needs_attention))
}
