//! What makes a source evidence at all: the date it must not pass (a transcript dated after
//! the statement cannot support it), and what someone else's words need before they make a
//! statement `misattributed`.

use super::judge::Scored;
use super::Thresholds;
use crate::corpus::{TurnRef, UNKNOWN_SPEAKER};
use crate::date::Date;
use crate::finding::Statement;
use crate::matching::align::Alignment;
use crate::matching::lexicon::lexicon;
use crate::matching::Haystack;
use crate::speakers::same_person;

/// The last day a source may be dated and still support a statement: the day the article
/// says the statement was made, else the article's date; none when neither is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoff(Option<Date>);

impl Cutoff {
    /// The cutoff for `st` in an article dated `article_date`.
    pub fn of(st: &Statement, article_date: Option<Date>) -> Cutoff {
        Cutoff(st.statement_date.or(article_date))
    }

    /// The cutoff day, if known.
    pub fn date(self) -> Option<Date> {
        self.0
    }

    /// True when a source dated `source` is later than the cutoff (an undated source, or an
    /// unknown cutoff, is not).
    pub fn after(self, source: Option<Date>) -> bool {
        matches!((self.0, source), (Some(c), Some(s)) if s > c)
    }
}

/// Whether the passage of turn `r` (aligned as `a`), someone else's words, is evidence
/// that the statement is misattributed: enough content words to be unlikely by chance, a
/// source near the statement's date, an attributed speaker who is in the corpus and could
/// have been in that source, a known speaker, and a turn that is not itself quoting the
/// attributed speaker. `Err` says which of these fails.
pub fn misattribution_holds(
    hay: &Haystack,
    scored: &Scored,
    r: TurnRef,
    a: &Alignment,
    words: usize,
    th: &Thresholds,
) -> Result<(), String> {
    let fillers = &lexicon().fillers;
    let content = scored
        .prepared
        .tokens
        .iter()
        .filter(|t| !t.is_ellipsis() && !fillers.contains(t.norm.as_str()))
        .count();
    if content < th.min_misattribution_words {
        return Err(format!(
            "{words} words ({content} not fillers) are too common to tell who said them"
        ));
    }
    let turn = hay.turn(r);
    let doc = hay.doc(r);
    if turn.speaker == UNKNOWN_SPEAKER {
        return Err("the source does not say who speaks there".to_string());
    }
    if let (Some(cut), Some(src)) = (scored.cutoff.date(), doc.date) {
        if cut.days() - src.days() > th.misattribution_max_days as i64 {
            return Err(format!(
                "the source ({src}) is far from the statement's date ({cut})"
            ));
        }
    }
    let Some(own) = scored.own.first() else {
        return Err("the attributed speaker is not in the corpus".to_string());
    };
    let present = doc.participants.iter().any(|(p, _)| same_person(p, own))
        || doc.speaker.as_deref().is_some_and(|s| same_person(s, own))
        || doc.turns.iter().any(|t| scored.own.contains(&t.speaker));
    if !present {
        return Err(format!("{own} is not a speaker of that transcript"));
    }
    if quotes_someone(hay, r, a) {
        return Err(format!("{} is quoting someone there", turn.speaker));
    }
    Ok(())
}

/// Most bytes before a passage searched for a quotation mark or a speech verb that would
/// make the passage a quotation of someone else.
const QUOTE_WINDOW: usize = 80;

/// True when the passage of turn `r` stands in quotation marks, or right after a speech verb
/// (`he said`, `she says, "…"`): the speaker there is repeating someone's words.
fn quotes_someone(hay: &Haystack, r: TurnRef, a: &Alignment) -> bool {
    let text = &hay.turn(r).text;
    let Some(first) = hay.words(r).tokens.get(a.t_range.start) else {
        return false;
    };
    let mut from = first.start.saturating_sub(QUOTE_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..first.start];
    // Only what follows the last sentence end counts.
    let clause = before
        .rfind(['.', '?', '!'])
        .map_or(before, |i| &before[i + 1..]);
    if clause.chars().any(crate::article::is_double_quote) {
        return true;
    }
    let cues = &lexicon().quoting_cues;
    let words: Vec<String> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .iter()
        .rev()
        .take(3)
        .any(|w| cues.contains(w.as_str()))
}
