//! Transcript turns set in an article (`PENCE: Well, look, ...`, `"WALLACE: But, Governor,
//! ...`): a paragraph opening with a speaker's name in capitals and a colon is that person's
//! statement, the rest of the paragraph its content.

use crate::finding::Span;

use super::statement::{trim_span, Opener, Raw};

/// Most words in a turn's speaker label (`JAKE TAPPER`).
const MAX_LABEL_WORDS: usize = 3;

/// Fewest words in a turn's content.
const MIN_TURN_WORDS: usize = 3;

/// A paragraph read as a transcript turn: the label (in title case, `Pence`, `Jake Tapper`)
/// and colon as an opener, and the content's byte span.
pub(super) struct Turn {
    pub(super) opener: Opener,
    pub(super) content_span: Span,
}

impl Turn {
    /// The label's last word (a surname), which the article must have named for the
    /// paragraph to be a turn rather than page furniture (`CORRECTION:`, `UPDATE:`).
    pub(super) fn surname(&self) -> &str {
        let label = &self.opener.mention;
        label.rsplit(' ').next().unwrap_or(label)
    }

    /// The turn as a direct statement.
    pub(super) fn raw(&self, text: &str) -> Raw {
        self.opener.direct(text, vec![self.content_span])
    }
}

/// The transcript turn the paragraph `[start, end)` of `text` is, if it opens (after an
/// optional quotation mark) with one to three words in capitals of two letters or more, a
/// colon and at least `MIN_TURN_WORDS` words.
pub(super) fn transcript_turn(text: &str, start: usize, end: usize) -> Option<Turn> {
    let para = &text[start..end];
    let lead = para.len() - para.trim_start_matches(['"', '\u{201c}', ' ']).len();
    let body = &para[lead..];
    let colon = body.find(':')?;
    let label = &body[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '\u{2019}' | '-'))
    };
    if words.len() > MAX_LABEL_WORDS || !words.iter().all(|w| capitals(w)) {
        return None;
    }
    let after = &body[colon + 1..];
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let from = start + lead + colon + 1;
    let mut content = trim_span(text, [from, end]);
    // A quotation mark opening the paragraph closes at its end.
    let piece = &text[content[0]..content[1]];
    let trimmed = piece.trim_end_matches(['"', '\u{201d}', ' ']);
    if lead > 0 {
        content[1] = content[0] + trimmed.len();
    }
    let body_words = text[content[0]..content[1]].split_whitespace().count();
    if body_words < MIN_TURN_WORDS {
        return None;
    }
    let label = words
        .iter()
        .map(|w| {
            let mut cs = w.chars();
            let first = cs.next().map(|c| c.to_string()).unwrap_or_default();
            first + &cs.as_str().to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let label_start = start + lead;
    Some(Turn {
        opener: Opener {
            mention: label,
            speaker_span: [label_start, label_start + colon],
            cue: ":".to_string(),
            cue_span: [label_start + colon, label_start + colon + 1],
        },
        content_span: content,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, paragraph, expected label and content).
    type Row<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);

    #[test]
    fn transcript_turn_table() {
        let table: [Row; 6] = [
            (
                "a surname label",
                "HARTLEY: Well, look, the plan is a good one.",
                Some(("Hartley", "Well, look, the plan is a good one.")),
            ),
            (
                "a full name after a stray opening quotation mark",
                "\"JO ANN REYES: We never saw the letter.\"",
                Some(("Jo Ann Reyes", "We never saw the letter.")),
            ),
            (
                "a label in title case is no turn",
                "Note: the plan is a good one.",
                None,
            ),
            (
                "a single letter is no label",
                "Q: Will you run again soon?",
                None,
            ),
            ("too few words after the label", "REYES: Yes.", None),
            (
                "more than three words in capitals",
                "THE VERY LONG HEADLINE HERE: the plan is a good one.",
                None,
            ),
        ];
        for (name, para, want) in table {
            let got = transcript_turn(para, 0, para.len()).map(|t| {
                let content = &para[t.content_span[0]..t.content_span[1]];
                (t.opener.mention, content.to_string())
            });
            let got = got.as_ref().map(|(l, c)| (l.as_str(), c.as_str()));
            assert_eq!(got, want, "{name}");
        }
    }
}
