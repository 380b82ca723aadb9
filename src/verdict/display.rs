//! How a finding shows its evidence, after the verdict is reached: transcript labels shown as
//! the full names they stand for (`MS. PSAKI` -> `Jen Psaki`, through `speakers.csv` or the
//! one corpus speaker of that name), a flag for a label that stays bare, and passages with
//! the transcript's hard line breaks joined. And which turns may be evidence at all: a turn
//! of unknown speaker never shows that someone else said a statement.

use crate::corpus::{is_bare_label, TurnRef, UNKNOWN_SPEAKER};
use crate::finding::{Finding, Mark};
use crate::matching::Haystack;

/// True when turn `r` may be evidence of who said something: its speaker is known (a caption
/// file without speaker cues gives turns of [`UNKNOWN_SPEAKER`]).
pub(super) fn speaker_known(hay: &Haystack, r: TurnRef) -> bool {
    hay.turn(r).speaker != UNKNOWN_SPEAKER
}

/// Text with every run of white space that holds a line break made one space: passages of
/// transcripts printed with hard line breaks (`we have\n\ndelivered`) read as written.
pub fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_whitespace()) {
        out.push_str(&rest[..at]);
        let run_len = rest[at..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len() - at);
        let run = &rest[at..at + run_len];
        if run.contains(['\n', '\r']) {
            out.push(' ');
        } else {
            out.push_str(run);
        }
        rest = &rest[at + run_len..];
    }
    out.push_str(rest);
    out
}

/// Shows a finding's speakers by full name and its passage with lines joined; flags a source
/// label that names nobody's full name.
pub(super) fn present(hay: &Haystack, f: &mut Finding) {
    let corpus = hay.corpus();
    let full = |s: &mut String| {
        if let Some(name) = corpus.full_name(s) {
            *s = name.to_string();
        }
    };
    if is_bare_label(&f.statement.speaker) {
        full(&mut f.statement.speaker);
    }
    if let Some(s) = &mut f.source_speaker {
        full(s);
        if is_bare_label(s) {
            f.flags.push(format!(
                "speaker: the transcript's label {s:?} names no full name (add it to the document's aliases: or to speakers.csv)"
            ));
        }
    }
    if let Some(s) = &mut f.true_speaker {
        full(s);
    }
    if let Some(a) = &mut f.alternative {
        full(&mut a.speaker);
    }
    if let Some(t) = &mut f.source_text {
        *t = join_lines(t);
    }
    if let Some(m) = &mut f.source_marked {
        for piece in &mut m.0 {
            match piece {
                Mark::Same(t) | Mark::Dropped(t) | Mark::Added(t) => *t = join_lines(t),
                Mark::Changed { said, printed } => {
                    *said = join_lines(said);
                    *printed = join_lines(printed);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_lines_table() {
        let table = [
            ("we have\n\ndelivered on", "we have delivered on"),
            ("one\r\ntwo  three", "one two  three"),
            ("no breaks", "no breaks"),
            ("end \n", "end "),
        ];
        for (text, want) in table {
            assert_eq!(join_lines(text), want, "{text:?}");
        }
    }
}
