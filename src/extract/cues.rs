//! Cue detection: the speech-act cue at a token, whether a closing attribution follows a
//! quotation, and whether a paragraph is a title-case headline (where capitalised cues count).

use super::lexicon::{lexicon, CueClass};
use super::sentence::{Tok, TokKind};
use super::tokens::Para;

/// Most words between a closing attribution's cue and its end (`said in a recent interview`).
const MAX_TAIL_WORDS: usize = 8;

/// Most words in a paragraph read as a title-case headline.
const MAX_HEADLINE_WORDS: usize = 30;

/// Most words of a stage direction (`(BEGIN VIDEO CLIP)`) or an account link line read as
/// furniture.
const MAX_FURNITURE_WORDS: usize = 12;

/// Whether a paragraph is a title-case headline: short, and (nearly) every word of four or
/// more letters capitalised.
pub(super) fn is_headline(text: &str, toks: &[Tok]) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| &text[t.start..t.end])
        .collect();
    if words.len() < 3 || words.len() > MAX_HEADLINE_WORDS {
        return false;
    }
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let caps = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    long.len() >= 3 && caps * 10 >= long.len() * 9
}

/// Whether a paragraph is page furniture rather than the article's text: a link line opening
/// with a capitalised label and a colon (`READ MORE:`, `WATCH:`), a photo caption ending in
/// a credit in parentheses (`(Jane Doe/The Press)`, `(AP Photo)`, `(Getty Images)`), a
/// transcript's stage direction (`(CROSSTALK)`) or a link to the writer's account (`Follow Jo
/// Roe on Twitter @joroe`).
pub(super) fn is_furniture(text: &str, toks: &[Tok]) -> bool {
    let s = |t: &Tok| &text[t.start..t.end];
    if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
        let para = text[first.start..last.end].trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\u{201c}' | '\u{201d}')
        });
        let words = para.split_whitespace().count();
        // "(CROSSTALK.)", "(BEGIN VIDEO CLIP)": a stage direction in a transcript.
        let parenthesis = para.starts_with('(') && para.trim_end_matches('.').ends_with(')');
        // "Follow Jo Roe on Twitter @joroe.": a link to the writer's account.
        let follow =
            para.starts_with("Follow ") && para.contains(" on Twitter") && para.contains('@');
        if words <= MAX_FURNITURE_WORDS && (parenthesis || follow) {
            return true;
        }
    }
    let label: Vec<&Tok> = toks
        .iter()
        .take_while(|t| t.kind == TokKind::Word && !s(t).chars().any(char::is_lowercase))
        .take(4)
        .collect();
    if !label.is_empty() && toks.get(label.len()).is_some_and(|t| s(t) == ":") {
        let words: Vec<String> = label
            .iter()
            .map(|t| crate::article::fold_word(s(t)))
            .collect();
        if lexicon()
            .furniture_labels
            .contains(words.join(" ").as_str())
        {
            return true;
        }
    }
    // A closing parenthesis ends the paragraph (a period may follow it).
    let mut end = toks.len();
    while end > 0 && toks[end - 1].kind == TokKind::Punct && s(&toks[end - 1]) == "." {
        end -= 1;
    }
    if end == 0 || s(&toks[end - 1]) != ")" {
        return false;
    }
    let Some(open) = (end.saturating_sub(12)..end - 1)
        .rev()
        .find(|&k| s(&toks[k]) == "(")
    else {
        return false;
    };
    let inner = &toks[open + 1..end - 1];
    let slash = inner.iter().any(|t| s(t) == "/");
    let credit = inner.iter().any(|t| {
        matches!(
            crate::article::fold_word(s(t)).as_str(),
            "photo" | "photos" | "images" | "image" | "credit" | "courtesy" | "file"
        )
    });
    let names = inner
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .all(|t| s(t).starts_with(char::is_uppercase));
    (slash || credit) && names && !inner.is_empty()
}

impl<'a> Para<'a> {
    /// The cue starting at token `i`, if any: (token length, class).
    pub(super) fn cue_at(&self, i: usize, end: usize) -> Option<(usize, CueClass)> {
        if !self.is_word(i) {
            return None;
        }
        let forms = lexicon().cues.get(self.lower(i))?;
        forms.iter().find_map(|(words, class)| {
            let fits = words
                .iter()
                .enumerate()
                .all(|(k, w)| i + k < end && self.is_word(i + k) && self.lower(i + k) == *w);
            fits.then_some((words.len(), *class))
        })
    }

    /// Whether the tokens from `i` read as a closing attribution (`Smith said.`, `he added
    /// Friday,`, `said Smith`): a cue within a few words, followed by at most a few words (a
    /// speaker or adjuncts) and then punctuation, or by a subordinate clause. `Smith said the
    /// talks "failed"` is reported speech of its own, not the attribution of a quote before it.
    pub(super) fn attribution_follows(&self, i: usize) -> bool {
        let n = self.toks.len();
        let Some((k, len)) = (i..(i + 6).min(n))
            .take_while(|&k| k == i || !self.is_quote(k))
            .find_map(|k| self.cue_at(k, n).map(|(len, _)| (k, len)))
        else {
            return false;
        };
        let mut e = k + len;
        while e < n && self.is_word(e) && e - (k + len) <= MAX_TAIL_WORDS {
            let w = self.lower(e);
            if w == "that" {
                return false;
            }
            // `"Is it two?" Roe asks as an aide walks in`: a subordinate clause, no content.
            if e == k + len && lexicon().subordinators.contains(w) {
                return true;
            }
            e += 1;
        }
        e == n || (self.toks[e].kind == TokKind::Punct && e - (k + len) <= MAX_TAIL_WORDS)
    }

    /// Whether the cue word at token `i` (in a sentence starting at `lo`) reads as part of a
    /// name, a noun or an adjective there rather than as a verb, so that it is no cue.
    pub(super) fn reads_as_noun(&self, lo: usize, i: usize) -> bool {
        let lex = lexicon();
        // A capitalised cue inside a name ("Press Secretary") is not a cue, except in a
        // title-case headline.
        if self.is_cap(i) && i > lo && self.is_cap(i - 1) && !self.headline {
            return true;
        }
        let possessive = |w: &str| {
            (w.ends_with("'s") || w.ends_with("s'"))
                && !w
                    .strip_suffix("'s")
                    .is_some_and(|p| lex.pronouns.contains_key(p))
                && !lex.not_possessives.contains(w)
        };
        // "a controversial tweet", "his second tweet", "Trump's first post": a singular noun
        // of what someone writes after an article, determiner or possessive and one or two
        // modifiers (a verb there would take `-s`, as its singular subject would not; a
        // plural subject, an auxiliary or a preposition before it leaves it a verb).
        if lex.authored_nouns.contains(self.lower(i)) && !self.lower(i).ends_with('s') {
            for m in 1..=2 {
                if i < lo + m + 1 || !self.is_word(i - m - 1) {
                    break;
                }
                let modifier = |k: usize| {
                    let w = self.lower(k);
                    self.is_word(k)
                        && !self.is_cap(k)
                        && !lex.time_words.contains(w)
                        && !lex.prepositions.contains(w)
                        && !lex.coordinators.contains(w)
                        && w != "to"
                };
                if !(i - m..i).all(modifier) {
                    break;
                }
                let d = self.lower(i - m - 1);
                let article = matches!(d, "a" | "an");
                let plural = (i - m..i).any(|k| self.lower(k).ends_with('s'));
                if article || ((lex.determiners.contains(d) || possessive(d)) && !plural) {
                    return true;
                }
            }
        }
        // A cue word after a determiner, possessive or preposition is a noun or an adjective
        // ("his pledged delegates", "Trump's tweets", "in a note"), and a participle after a
        // number before a noun ("500 pledged delegates"; but "4 in 10 say" and "a study from
        // 2011 noted that" are verbs). A relative "that" may precede a verb ("groups that
        // claim").
        if i > lo && self.is_word(i - 1) {
            let w = self.lower(i - 1);
            let possessive = possessive(w);
            let verb_form = self.lower(i).ends_with("ed") || self.lower(i).ends_with("ing");
            // "Some say", "and several said": a quantifier opening its clause is the subject
            // (but "had some say in it").
            let subject = lex.standalone_quantifiers.contains(w) && self.opens_clause(i - 1, lo);
            let adjective = (lex.determiners.contains(w) && (w != "that" || verb_form) && !subject)
                || possessive
                || (lex.prepositions.contains(w) && w != "to")
                || (verb_form && w.starts_with(|c: char| c.is_ascii_digit()) && self.noun_after(i));
            return adjective && !(verb_form && self.lower(i).ends_with("ing"));
        }
        false
    }

    /// Whether the word after token `i` may be the noun a participle there modifies: a
    /// lower-case word that opens no clause or phrase (no determiner, pronoun, preposition,
    /// complementizer or quantifier).
    fn noun_after(&self, i: usize) -> bool {
        let lex = lexicon();
        let w = self.lower(i + 1);
        self.is_word(i + 1)
            && !self.is_cap(i + 1)
            && !lex.determiners.contains(w)
            && !lex.pronouns.contains_key(w)
            && !lex.prepositions.contains(w)
            && !lex.complementizers.contains(w)
            && !lex.quantifiers.contains(w)
    }
}
