//! Reported content after a cue: where the clause starts (after `that` or a colon) and
//! where it ends (a participle clause of the writer's, an aside, a semicolon, the end of an
//! object noun phrase, the learned end), or that there is none (a subordinate clause).

use super::frames::{Attr, Form};
use super::lexicon::{lexicon, CueClass};
use super::tokens::Para;
use std::ops::Range;

/// Fewest words of reported content before a comma and a participle that end it: fewer are
/// the content's subject, which the participle describes.
const MIN_CLAUSE_WORDS: usize = 3;

/// Most tokens of a subordinate clause opening a reported clause, up to its comma (`said when
/// he took office, the deficit ...`).
const MAX_LEAD_CLAUSE_TOKENS: usize = 30;

impl Para<'_> {
    /// The reported clause of attribution `a` in the sentence `lo..hi`, from `after` (past
    /// the cue, its adjuncts and addressee) to the next attribution's region at the latest;
    /// none when a subordinate clause or a preposition stands where the clause should start.
    pub(super) fn reported_after(
        &self,
        lo: usize,
        hi: usize,
        a: &Attr,
        after: usize,
        next_region: usize,
    ) -> Option<Range<usize>> {
        let lex = lexicon();
        // `columns Bradley wrote while a student`, `said as she turned around`: a
        // subordinate clause right after the cue, with no comma after it to open a
        // main clause (`said when he took office, the deficit ...`), is the writer's:
        // no content (`as` only with a subject pronoun: `condemned as fearmongering`
        // names).
        let w = self.lower(after);
        // (The comma is looked for last, within `MAX_LEAD_CLAUSE_TOKENS`: a sentence with
        // many cues costs time in proportion to its length.)
        let adverbial = self.is_word(after)
            && !self.is_cap(after)
            && lex.subordinators.contains(w)
            && (w != "as"
                || (self.is_word(after + 1) && lex.pronouns.contains_key(self.lower(after + 1))))
            && !(after..hi.min(after + MAX_LEAD_CLAUSE_TOKENS)).any(|k| self.is_punct(k, ","));
        if adverbial {
            return None;
        }
        let mut s = after;
        let that = self.is_word(s) && self.lower(s) == "that";
        if that {
            s += 1;
        }
        if self.is_punct(s, ":") {
            s += 1;
        }
        let mut e = next_region.min(hi);
        // "Ukraine, which had warned that X, asked ...": the relative clause ends at
        // its closing comma.
        if a.form == Form::Relative {
            e = (s..e).find(|&k| self.is_punct(k, ",")).unwrap_or(e);
        }
        let clause = !matches!(a.class, CueClass::Obj | CueClass::Quoted);
        e = self.content_end(s, e, a.name.clone(), clause);
        // "Roe, while insisting X, kept it": a participle between the subject and its
        // verb ends before the verb.
        let c = a.speaker.end;
        let interrupting = a.form == Form::Participle
            && self.is_punct(c, ",")
            && c < a.cue.start
            && (c + 1..a.cue.start).all(|k| self.is_word(k));
        if interrupting {
            e = self.interrupting_participle_end(s, e);
        }
        // (`with the union calling it a gift and the mayor praising it`.)
        if a.form == Form::Participle && self.is_word(a.region) && self.lower(a.region) == "with" {
            e = self.coordinated_absolute_end(s, e);
        }
        // (When an attribution follows in the sentence, its region already ends the
        // content: the main clause is its.)
        // (A fronted participle's speaker, after its content, is the main clause's.)
        if a.form == Form::Before
            && next_region >= hi
            && (self.in_fronted_clause(lo, a.speaker.start) || a.speaker.start >= a.cue.end)
        {
            e = self.fronted_clause_end(s, e);
        }
        if that && a.cue.len() == 1 && lex.noun_cues.contains(self.lower(a.cue.start)) {
            e = self.noun_clause_end(s, e);
        }
        if a.class == CueClass::Obj && !that {
            e = self.object_end(s, e);
        }
        if a.cue.clone().any(|k| self.participle(k)) {
            e = self.coordinated_participle_end(s, e);
        }
        e = self.learned_end(s, e, a.class, that);
        if s >= e {
            return None;
        }
        // "argue over X", "said in" : a preposition where a clause should start
        // ("said to be", "added to"): only commissive cues (obj: vowed to) take "to".
        // After "that" a clause may open with one ("said that for decades ...").
        let w = self.lower(s);
        if self.is_word(s)
            && !that
            && lex.prepositions.contains(w)
            && !self.approximator(s)
            && a.class != CueClass::Tell
            && (w != "to" || a.class == CueClass::Say)
        {
            return None;
        }
        Some(s..e)
    }

    /// Where reported content running from `s` ends, before `e`: at a comma that opens a
    /// participle clause of the writer's (`, throwing the race open`; `-ing` words that are
    /// not participles are data, `not_participles.txt`; in a `clause` content, not after its
    /// first word or two, its subject), at a comma before an aside whose
    /// subject is the speaker named by `name` or a pronoun (`, although he refused to ...`), at
    /// a semicolon (`cut taxes; others disagree`), or at a dash that no second dash closes
    /// (`... taxes ― as was true for ...`).
    fn content_end(&self, s: usize, e: usize, name: Range<usize>, clause: bool) -> usize {
        let lex = lexicon();
        let is_dash = |k: usize| self.is_punct(k, "\u{2014}\u{2015}\u{2013}");
        (s + 1..e.saturating_sub(1))
            .find(|&k| {
                if is_dash(k) {
                    let opens = (s..k).filter(|&d| is_dash(d)).count() % 2 == 0;
                    return opens && !(k + 1..e).any(is_dash);
                }
                if self.is_punct(k, ";") {
                    // "A; B; and C": a list goes on after its semicolons.
                    let list_goes_on = (k..e).any(|j| {
                        self.is_punct(j, ";")
                            && self.is_word(j + 1)
                            && lex.coordinators.contains(self.lower(j + 1))
                    });
                    return !list_goes_on;
                }
                // `"... the race,” adding that ...`: a comma inside the closing quotation
                // mark, then the writer's participle clause.
                if self.participle(k) && self.is_quote(k - 1) && self.quote_ends_with_comma(k - 1) {
                    return true;
                }
                if !self.is_punct(k, ",") || !self.is_word(k + 1) {
                    return false;
                }
                // (`says Millennials, numbering 75 million, surpassed ...`: a participle after
                // a word or two describes the content's subject; the clause goes on.)
                let subject_only =
                    clause && (s..k).filter(|&j| self.is_word(j)).count() < MIN_CLAUSE_WORDS;
                if (self.participle(k + 1) && !subject_only) || self.clause_appositive(k + 1, e) {
                    return true;
                }
                self.aside_by_speaker(k + 1, e, name.clone())
            })
            .unwrap_or(e)
    }

    /// Whether a writer's appositive to the clause before opens at `k`: `a` or `an`, at most
    /// two lowercase modifiers, and a noun of `clause_appositives.txt` (`, a claim officials
    /// deny`, `, an apparent swipe at ...`), or such a noun's bare plural and a relative
    /// (`, remarks that were ...`).
    fn clause_appositive(&self, k: usize, e: usize) -> bool {
        let lex = lexicon();
        // `said it was personal, remarks that ...`: a bare plural noun and a relative.
        let plural = self.is_word(k) && !self.is_cap(k) && {
            let w = self.lower(k);
            w.strip_suffix('s')
                .is_some_and(|n| lex.clause_appositives.contains(n))
                && self.is_word(k + 1)
                && matches!(self.lower(k + 1), "that" | "which")
        };
        if plural {
            return true;
        }
        if !(self.is_word(k) && matches!(self.lower(k), "a" | "an")) {
            return false;
        }
        (k + 1..(k + 4).min(e))
            .take_while(|&j| self.is_word(j) && !self.is_cap(j))
            .any(|j| lex.clause_appositives.contains(self.lower(j)))
    }

    /// Where the noun phrase a cue takes as its object (`criticized the plan`, no `that`
    /// clause) ends, before `e`: before a conjunction opening a second verb of the subject's
    /// (a lowercase word in `-ed`, over adverbs: `and later questioned`), or before a comma, a
    /// conjunction or aside word and a new subject (`, but he ...`, `, while the ...`).
    fn object_end(&self, s: usize, e: usize) -> usize {
        let lex = lexicon();
        let adverb = |k: usize| {
            let w = self.lower(k);
            lex.cue_adverbs.contains(w) || lex.time_words.contains(w) || w.ends_with("ly")
        };
        (s + 1..e)
            .find(|&k| {
                let c = if self.is_punct(k, ",") { k + 1 } else { k };
                if c >= e || !self.is_word(c) {
                    return false;
                }
                let w = self.lower(c);
                let conjunction = lex.coordinators.contains(w);
                if conjunction {
                    let mut v = c + 1;
                    while v < e && self.is_word(v) && !self.is_cap(v) && adverb(v) {
                        v += 1;
                    }
                    let verb = v < e
                        && self.is_word(v)
                        && !self.is_cap(v)
                        && self.lower(v).ends_with("ed");
                    if verb {
                        return true;
                    }
                }
                let subject = c + 1 < e && self.is_word(c + 1) && {
                    let n = self.lower(c + 1);
                    lex.pronouns.contains_key(n) || lex.determiners.contains(n)
                };
                c > k && (conjunction || lex.asides.contains(w)) && subject
            })
            .unwrap_or(e)
    }

    /// Where content after a participle cue, running from `s`, ends before `e`: before a
    /// coordinator and a participle when the content holds no participle of its own before
    /// it (`telling reporters the plan was dead and questioning how ...`: the second
    /// participle is coordinated with the cue, and what follows is the writer's).
    fn coordinated_participle_end(&self, s: usize, e: usize) -> usize {
        for k in s + 1..e {
            if self.participle(k) {
                return e;
            }
            if self
                .coordinated_word(k, e)
                .is_some_and(|j| self.participle(j))
            {
                return k;
            }
        }
        e
    }

    /// Whether an aside opens at `k` (`although`, `even as`) with the speaker as its subject: a
    /// subject pronoun, or a word of the speaker's name.
    fn aside_by_speaker(&self, k: usize, e: usize, name: Range<usize>) -> bool {
        let lex = lexicon();
        let two = (k < e && self.is_word(k + 1))
            .then(|| format!("{}_{}", self.lower(k), self.lower(k + 1)))
            .filter(|w| lex.asides.contains(w.as_str()));
        let subject = if two.is_some() { k + 2 } else { k + 1 };
        if (two.is_none() && !lex.asides.contains(self.lower(k))) || subject > e {
            return false;
        }
        let w = self.lower(subject);
        self.is_word(subject)
            && (matches!(w, "he" | "she" | "they")
                || name.clone().any(|n| self.is_cap(n) && self.lower(n) == w))
    }
}
