//! `quotecheck check`: extract the statements of articles and check each against a corpus;
//! the exit status is the editorial gate.

use super::{read_articles, stdout_error, write_atomic, ColorChoice, SourceOpts};
use clap::ValueEnum;
use quotecheck::date::Date;
use quotecheck::report::{self, ArticleReport};
use quotecheck::{Article, Checker, Error};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Article files (plain text, Markdown or HTML); `-` reads standard input.
    #[arg(required = true)]
    articles: Vec<String>,
    #[command(flatten)]
    source: SourceOpts,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Also write the HTML review page to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Print only the statements that fail, one line each: `file:line: verdict: speaker:
    /// "statement"`, then `; changes: ...` (what was altered), `; said by: ...` (who really
    /// said it) and `; reason: ...` (why it is unverified).
    #[arg(long, short)]
    quiet: bool,
    /// The articles' date (YYYY-MM-DD) [default: a date line near the top, a Markdown front
    /// matter's `date:`, else a YYYY-MM-DD date in the file's name]
    #[arg(long, value_parser = super::parse_date)]
    date: Option<Date>,
    /// When to colour the text report (NO_COLOR is honoured with auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A report for a person.
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per statement.
    Jsonl,
    /// One CSV row per statement.
    Csv,
    /// A self-contained HTML review page.
    Html,
}

/// The file texts the statements' spans point into.
fn file_texts(articles: &[Article]) -> Vec<&str> {
    articles.iter().map(Article::page_text).collect()
}

/// The reports as the review page needs them: for an article decoded from another encoding
/// (Windows-1252, UTF-16), spans moved from file offsets to offsets in its decoded text.
fn page_reports(reports: &[ArticleReport], articles: &[Article]) -> Vec<ArticleReport> {
    reports
        .iter()
        .zip(articles)
        .map(|(r, a)| {
            let mut r = r.clone();
            if a.is_transcoded() {
                for f in &mut r.findings {
                    let st = &mut f.statement;
                    let map = |[s, e]: [usize; 2]| [a.page_offset(s), a.page_offset(e)];
                    st.content_span = st.content_span.map(map);
                    if let Some(v) = &mut st.content_spans {
                        v.iter_mut().for_each(|s| *s = map(*s));
                    }
                }
            }
            r
        })
        .collect()
}

/// One `--quiet` line: `file:line: verdict: speaker: "statement"`, then what changed
/// (`; changes: 15 -> 25 (number)`, the substantive differences) and who said it
/// (`; said by: NAME`), and for an unverified one why (`; reason: no_passage`), so an editor
/// need not run the full report.
pub fn quiet_line(f: &quotecheck::Finding) -> String {
    let st = &f.statement;
    let mut line = format!(
        "{}:{}: {}: {}: \"{}\"",
        st.file,
        st.line,
        f.verdict.as_str(),
        st.speaker,
        st.content
    );
    let substantive: Vec<String> = f
        .differences
        .iter()
        .filter(|d| d.kind.substantive())
        .map(ToString::to_string)
        .collect();
    if f.verdict == quotecheck::Verdict::Altered && !substantive.is_empty() {
        line.push_str(&format!("; changes: {}", substantive.join("; ")));
    }
    if let Some(who) = &f.true_speaker {
        line.push_str(&format!("; said by: {who}"));
    }
    if let Some(why) = f.reason {
        line.push_str(&format!("; reason: {}", why.as_str()));
    }
    line
}

pub fn run(args: Args) -> Result<u8, Error> {
    let mut checker = super::open_checker(&args.source)?;
    let mut failed = false;
    let articles = read_articles(&args.articles, args.date, &mut failed);
    let run = |checker: &Checker| {
        articles
            .iter()
            .map(|a| checker.check(a))
            .collect::<Result<Vec<_>, Error>>()
    };
    let findings = match run(&checker) {
        Err(e @ Error::BadIndex { .. }) => {
            eprintln!("quotecheck: {e}: rebuilding it");
            checker.rebuild()?;
            run(&checker)?
        }
        other => other?,
    };
    let reports: Vec<ArticleReport> = articles
        .iter()
        .zip(findings)
        .map(|(a, findings)| ArticleReport {
            findings,
            file: a.path.clone(),
            title: a.title.clone(),
            date: a.date,
            warnings: a.warnings.clone(),
        })
        .collect();
    if let Some(path) = &args.html {
        let mut page = Vec::new();
        report::write_html(
            &mut page,
            &page_reports(&reports, &articles),
            &file_texts(&articles),
        )
        .map_err(|e| Error::io(path, e))?;
        write_atomic(path, &page)?;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.quiet {
        for f in reports
            .iter()
            .flat_map(|r| &r.findings)
            .filter(|f| f.needs_attention)
        {
            writeln!(out, "{}", quiet_line(f)).map_err(stdout_error)?;
        }
    } else {
        match args.format {
            Format::Text => report::write_text(&mut out, &reports, args.color.style()),
            Format::Json => report::write_json(&mut out, &reports),
            Format::Jsonl => reports
                .iter()
                .try_for_each(|r| report::write_jsonl(&mut out, r)),
            Format::Csv => report::write_csv(&mut out, &reports, true),
            Format::Html => report::write_html(
                &mut out,
                &page_reports(&reports, &articles),
                &file_texts(&articles),
            ),
        }
        .map_err(stdout_error)?;
    }
    out.flush().map_err(stdout_error)?;
    let attention = reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.needs_attention);
    Ok(super::exit_status(failed, attention))
}
