//! A finding's evidence fields filled in from the passage that decided it: an aligned
//! passage (with its marks and differences), a passage found by meaning, or the closest one.

use super::grade::Grade;
use super::marked::mark;
use super::meaning;
use super::scored::{Graded, Scored};
use crate::corpus::{format_time, QUESTION_SPEAKER};
use crate::finding::{Alternative, Finding, Statement, Verdict};
use crate::matching::Haystack;

/// A finding with no evidence yet: `unverified`, every field of evidence empty.
pub(super) fn unverified(statement: Statement) -> Finding {
    Finding {
        statement,
        verdict: Verdict::Unverified,
        score: 0.0,
        decided_by: None,
        reason: None,
        source_file: None,
        source_title: None,
        source_date: None,
        source_speaker: None,
        source_line: None,
        source_time: None,
        source_text: None,
        source_marked: None,
        differences: Vec::new(),
        true_speaker: None,
        flags: Vec::new(),
        needs_attention: false,
        score_parts: None,
        meaning: None,
        alternative: None,
    }
}

/// Fills in the evidence of a finding from its chosen passage.
pub(super) fn evidence(hay: &Haystack, scored: &Scored, g: &Graded, finding: &mut Finding) {
    let r = g.placement.turn;
    let doc = hay.doc(r);
    let turn = hay.turn(r);
    let toks = &hay.words(r).tokens;
    let range = &g.placement.alignment.t_range;
    let passage = if range.is_empty() {
        String::new()
    } else {
        turn.text[toks[range.start].start..toks[range.end - 1].end].to_string()
    };
    finding.score = g.assessment.score;
    finding.score_parts = Some(g.assessment.parts(g.placement.alignment.cost));
    finding.source_file = Some(doc.path.clone());
    finding.source_title = Some(doc.title.clone());
    finding.source_date = doc.date;
    finding.source_speaker = Some(turn.speaker.clone());
    finding.source_line = Some(turn.line);
    finding.source_time = toks
        .get(range.start)
        .and_then(|tok| turn.time_at(tok.start))
        .map(format_time);
    finding.source_text = Some(passage);
    let stmt = &scored.prepared;
    finding.source_marked = Some(mark(
        &turn.text,
        toks,
        &stmt.text,
        &stmt.tokens,
        &g.placement.alignment,
    ));
    finding.differences = g.assessment.differences.clone();
    if finding.verdict == Verdict::Misattributed {
        finding.true_speaker = Some(turn.speaker.clone());
        if turn.speaker == QUESTION_SPEAKER {
            finding
                .flags
                .push("the words are a reporter's question".to_string());
        }
    }
    if let (Some(said), Some(src)) = (finding.statement.statement_date, doc.date) {
        if said != src {
            finding.flags.push(format!(
                "date: the article dates the statement {said}, the transcript is dated {src}"
            ));
        }
    }
}

/// The evidence of a passage found by meaning: the source of a paraphrase, or for a statement
/// that stays unverified, a possible paraphrase flagged with its passage.
pub(super) fn meaning_evidence(
    hay: &Haystack,
    m: meaning::Found,
    paraphrase: bool,
    finding: &mut Finding,
) {
    let r = m.turn;
    let (doc, turn) = (hay.doc(r), hay.turn(r));
    let passage = turn.text[m.range.clone()].trim().to_string();
    if paraphrase {
        finding.score = m.parts.score;
        finding.source_file = Some(doc.path.clone());
        finding.source_title = Some(doc.title.clone());
        finding.source_date = doc.date;
        finding.source_speaker = Some(turn.speaker.clone());
        finding.source_line = Some(turn.line);
        finding.source_time = turn.time_at(m.range.start).map(format_time);
        finding.source_text = Some(passage);
    } else {
        finding.flags.push(format!(
            "possible paraphrase: {}:{} \"{passage}\" ({})",
            doc.path, turn.line, m.parts
        ));
    }
    finding.meaning = Some(m.parts);
}

/// What one placement alone would make of a statement, as a runner-up source.
pub(super) fn alternative(hay: &Haystack, g: &Graded, own: bool) -> Alternative {
    let r = g.placement.turn;
    let turn = hay.turn(r);
    let verdict = match g.assessment.grade {
        Grade::Verbatim | Grade::Near if !own => Verdict::Misattributed,
        Grade::Verbatim => Verdict::Verbatim,
        Grade::Near => Verdict::NearVerbatim,
        Grade::Altered => Verdict::Altered,
        Grade::Loose => Verdict::Paraphrase,
        Grade::None => Verdict::Unverified,
    };
    Alternative {
        speaker: turn.speaker.clone(),
        file: hay.doc(r).path.clone(),
        line: turn.line,
        verdict,
        score: g.assessment.score,
    }
}
