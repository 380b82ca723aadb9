//! `batch --list`: the articles the inputs name, as JSON Lines, checking nothing: what the
//! Spark job's driver distributes. Each line, fed back to `batch -` from the same folder, is
//! that article, named and read as batch names and reads it.

use super::super::stdout_error;
use super::Args;
use quotecheck::batch::{self, Body};
use quotecheck::date::Date;
use quotecheck::Error;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// An article of the inputs, as `--list` prints it: a JSON article line.
#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    /// The name, when it is not the path (a JSON line's own `file`, or `INPUT:LINE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    /// The file, as batch reads it (relative to the current folder, as given).
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a Path>,
    date: Option<Date>,
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// Prints the articles of `args.inputs` on standard output, one JSON line each, or
/// `{"error"}` for a bad input, in input order; exit status 2 when there was a bad input.
pub fn list(args: &Args) -> Result<u8, Error> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for entry in batch::stream(&args.inputs).enveloped(args.enveloped) {
        let line = match &entry {
            Ok(item) => {
                let (file, path) = match &item.body {
                    Body::File => (None, Some(item.path.as_path())),
                    Body::At(p) => (
                        Some(item.path.to_string_lossy().into_owned()),
                        Some(p.as_path()),
                    ),
                    Body::Text(_) => (Some(item.path.to_string_lossy().into_owned()), None),
                };
                let listed = Listed {
                    id: &item.id,
                    file,
                    path,
                    date: item.date,
                    outlet: item.outlet.as_deref(),
                    title: item.title.as_deref(),
                    text: match &item.body {
                        Body::Text(t) => Some(t),
                        _ => None,
                    },
                };
                serde_json::to_string(&listed)
            }
            Err(e) => {
                eprintln!("quotecheck: {e}");
                failed = true;
                serde_json::to_string(&serde_json::json!({ "error": e.to_string() }))
            }
        };
        writeln!(
            out,
            "{}",
            line.map_err(|e| stdout_error(std::io::Error::other(e)))?
        )
        .map_err(stdout_error)?;
    }
    out.flush().map_err(stdout_error)?;
    Ok(super::super::exit_status(failed, false))
}
