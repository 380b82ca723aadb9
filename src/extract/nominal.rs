//! Attribution frames without a speech verb of the speaker's own: noun cues (`Trump's claim
//! that ...`, `her warning that ...`), a bare name before a colon and a quotation (`Musk:
//! "..."`), and a question put to someone (`Asked whether he would run, Smith ...`, `he said
//! when asked by a reporter if ...`), whose asker is often unnamed.

use super::frames::{Attr, Form};
use super::lexicon::{lexicon, CueClass};
use super::tokens::Para;
use std::ops::Range;

/// Most words of a name before a colon frame (`Sen. Elizabeth Warren:`).
const MAX_COLON_NAME: usize = 4;

/// Most words of a description before the full name of a colon frame (`Former secretary of
/// state Hillary Clinton:`).
const MAX_COLON_DESCRIPTION: usize = 6;

/// Most words between a cue and the colon closing its paragraph (`wrote in a letter to the
/// board:`), and most words of a speaker after a cue (`Said the mayor's spokesman:`).
const MAX_COLON_ADJUNCT: usize = 8;

impl<'a> Para<'a> {
    /// Whether token `i` is a noun cue read as a noun after a determiner and an adjective
    /// (`a false claim`, `the repeated warning`): no verb, so no speaker before it. A noun
    /// that carries words is no adjective but the subject (`The ad claims`, `the memo
    /// charges that`).
    pub(super) fn modified_noun_cue(&self, lo: usize, i: usize) -> bool {
        let lex = lexicon();
        i >= lo + 2
            && lex.noun_cues.contains(self.lower(i))
            && self.is_word(i - 1)
            && !self.is_cap(i - 1)
            && !self.lower(i - 1).ends_with("ly")
            && !lex.source_nouns.contains(self.lower(i - 1))
            && !lex.authored_nouns.contains(self.lower(i - 1))
            && self.is_word(i - 2)
            && (lex.determiners.contains(self.lower(i - 2)) || self.lower(i - 2).ends_with("'s"))
    }

    /// `Donald Trump's claim that ...`, `his warning that ...`: a possessive before a noun cue
    /// (an adjective may stand between) and `that`; the possessor speaks.
    pub(super) fn noun_frames(&self, lo: usize, hi: usize, attrs: &[Attr]) -> Vec<Attr> {
        let lex = lexicon();
        let mut out = Vec::new();
        for i in lo + 1..hi.saturating_sub(1) {
            let answer = self.is_word(i) && lex.answer_nouns.contains(self.lower(i));
            if !self.is_word(i) || !(answer || lex.noun_cues.contains(self.lower(i))) {
                continue;
            }
            if !(self.is_word(i + 1) && self.lower(i + 1) == "that") {
                if let Some(a) = self.answer_frame(lo, hi, i, attrs) {
                    out.push(a);
                } else if let Some(a) = self.light_verb_quote(lo, hi, i, attrs) {
                    out.push(a);
                }
                continue;
            }
            if attrs.iter().any(|a| a.cue.start <= i && i < a.cue.end) {
                continue;
            }
            // The possessive: right before, or before one adjective.
            let p = if self.possessive_at(i - 1) {
                i - 1
            } else if i >= lo + 2 && !self.is_cap(i - 1) && self.possessive_at(i - 2) {
                i - 2
            } else {
                // "Trump made a false claim that ...": a light verb's subject claims.
                if let Some(a) = self.light_verb_frame(lo, i) {
                    out.push(a);
                }
                continue;
            };
            let w = self.lower(p);
            let (speaker, name) = match w {
                "his" | "her" | "their" | "its" => (p..p + 1, p..p + 1),
                _ => {
                    let mut s = p;
                    while s > lo && s - 1 + MAX_COLON_NAME > p && self.is_cap(s - 1) {
                        s -= 1;
                    }
                    (s..p + 1, s..p + 1)
                }
            };
            out.push(Attr {
                cue: i..i + 1,
                class: CueClass::Say,
                form: Form::Before,
                speaker,
                name,
                date_tok: None,
                region: p,
            });
        }
        out
    }

    /// `Her answer was that ...`, `his best response was to say (that) ...`: a possessive (an
    /// adjective may stand between) before the reply noun at `i` (`answer_nouns.txt`), a
    /// copula, then `that` or `to` and a say-cue; the possessor speaks. The cue runs from the
    /// noun to the word before the content.
    fn answer_frame(&self, lo: usize, hi: usize, i: usize, attrs: &[Attr]) -> Option<Attr> {
        let lex = lexicon();
        if !lex.answer_nouns.contains(self.lower(i)) {
            return None;
        }
        let p = if self.possessive_at(i - 1) {
            i - 1
        } else if i >= lo + 2 && !self.is_cap(i - 1) && self.possessive_at(i - 2) {
            i - 2
        } else {
            return None;
        };
        let c = i + 1;
        if c + 1 >= hi || !self.is_word(c) || !matches!(self.lower(c), "was" | "is" | "has_been") {
            return None;
        }
        let end = if self.is_word(c + 1) && self.lower(c + 1) == "that" {
            c + 1
        } else if self.is_word(c + 1) && self.lower(c + 1) == "to" {
            let (len, class) = self.cue_at(c + 2, hi)?;
            (class == CueClass::Say).then_some(c + 2 + len)?
        } else {
            return None;
        };
        if attrs.iter().any(|a| a.cue.start < end && i < a.cue.end) {
            return None;
        }
        let speaker = if matches!(self.lower(p), "his" | "her" | "their" | "its") {
            p..p + 1
        } else {
            let mut s = p;
            while s > lo && s - 1 + MAX_COLON_NAME > p && self.is_cap(s - 1) {
                s -= 1;
            }
            s..p + 1
        };
        Some(Attr {
            cue: i..end,
            class: CueClass::Say,
            form: Form::Before,
            name: speaker.clone(),
            speaker,
            date_tok: None,
            region: p,
        })
    }

    /// `Roe issued a statement, "..."` (or a colon): a light verb frame whose noun cue at `i`
    /// is followed by a comma or a colon and a quotation closing the sentence, with no cue
    /// before it.
    pub(super) fn light_verb_quote(
        &self,
        lo: usize,
        hi: usize,
        i: usize,
        attrs: &[Attr],
    ) -> Option<Attr> {
        let quoted = self.is_punct(i + 1, ",:") && self.is_quote(i + 2);
        // (A cue before it has the sentence: `Roe said he issued a statement, "..."`.)
        if !quoted || !self.rest_is_punct(i + 3, hi) || attrs.iter().any(|a| a.cue.start <= i) {
            return None;
        }
        self.light_verb_frame(lo, i)
    }

    /// `Trump made a false claim that ...`, `she repeated her warning that ...`: a light verb
    /// (`light_verbs.txt`), a determiner, maybe an adjective, then the noun cue at `i`; the
    /// light verb's subject speaks.
    fn light_verb_frame(&self, lo: usize, i: usize) -> Option<Attr> {
        let lex = lexicon();
        let mut d = i - 1;
        if !lex.determiners.contains(self.lower(d)) && d > lo {
            d -= 1;
        }
        let det = self.is_word(d) && lex.determiners.contains(self.lower(d));
        if !det || d <= lo || !self.is_word(d - 1) || !lex.light_verbs.contains(self.lower(d - 1)) {
            return None;
        }
        let (speaker, name) = self.clause_subject(lo, d - 1)?;
        Some(Attr {
            cue: i..i + 1,
            class: CueClass::Say,
            form: Form::Before,
            region: speaker.start,
            speaker,
            name,
            date_tok: None,
        })
    }

    /// Where the `that` clause of a noun cue ends (`her claim that the bridge was unsafe was
    /// rejected`, `... was unsafe sparked outrage`): before a second finite verb with no
    /// conjunction, relative, complementizer, subordinator or punctuation since the first
    /// (that verb is the sentence's own). A past form (in `-ed`, or of `irregular_pasts.txt`:
    /// `went unheeded`) counts as finite there unless an auxiliary, `be`, `not` or an adverb
    /// in `-ly` stands right before it (`was rigged`, `had not lied`, `was widely reported`:
    /// a participle), a preposition right after it (`laws passed by the Senate`: a reduced
    /// relative), or it opens in `un-` (`remains unheeded`: an adjective).
    pub(super) fn noun_clause_end(&self, s: usize, e: usize) -> usize {
        let lex = lexicon();
        let mut seen = false;
        for k in s..e {
            if !self.is_word(k) {
                seen = false;
                continue;
            }
            let w = self.lower(k);
            // `unheeded`, `unanswered`: an adjective, after a verb not seen as one (`remains`).
            let adjective = w.starts_with("un") && !w.starts_with("under");
            let past = || {
                (self.verb_like(k) || lex.irregular_pasts.contains(w))
                    && !adjective
                    && k > s
                    && self.is_word(k - 1)
                    && !matches!(
                        self.lower(k - 1),
                        "be" | "been" | "being" | "get" | "got" | "not" | "never"
                    )
                    && !self.lower(k - 1).ends_with("ly")
                    && !lex.finite_verbs.contains(self.lower(k - 1))
                    && !(k + 1 < e
                        && self.is_word(k + 1)
                        && lex.prepositions.contains(self.lower(k + 1)))
            };
            if lex.coordinators.contains(w)
                || lex.relatives.contains(w)
                || lex.complementizers.contains(w)
                || lex.subordinators.contains(w)
            {
                seen = false;
            } else if lex.finite_verbs.contains(w) {
                if seen {
                    return k;
                }
                seen = true;
            } else if seen && past() {
                return k;
            }
        }
        e
    }

    /// Whether token `i` is a possessive: `his`, `her`, `their`, `its`, or a capitalised word
    /// ending in `'s`.
    fn possessive_at(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.lower(i);
        matches!(w, "his" | "her" | "their" | "its") || (self.is_cap(i) && w.ends_with("'s"))
    }

    /// `Musk: "..."`: a sentence made of a name, a colon and a quotation; the colon is the cue.
    /// A party parenthesis may stand before the colon (`Rep. Ana Ruiz (D-Ore.):`), a short
    /// description before a full name (`Former governor Ana Ruiz:`), and a headline fragment
    /// and a dash before the name (`Iowa polls - Carl Bialik:`).
    pub(super) fn name_colon_frame(&self, lo: usize, hi: usize, attrs: &[Attr]) -> Option<Attr> {
        if !attrs.is_empty() {
            return None;
        }
        let c = (lo + 1..hi.saturating_sub(1)).find(|&c| self.is_punct(c, ":"))?;
        if !(self.is_quote(c + 1) && self.rest_is_punct(c + 2, hi)) {
            return None;
        }
        let mut end = c;
        if self.is_punct(c - 1, ")") {
            end = self.parenthesis_before(lo, c)?;
        }
        // The name: capitalised words, a title's period among them.
        let mut s = end;
        while s > lo
            && end - s < 2 * MAX_COLON_NAME
            && (self.is_cap(s - 1)
                || (self.is_punct(s - 1, ".") && s - 1 > lo && self.is_cap(s - 2)))
        {
            s -= 1;
        }
        if s == end || !self.is_cap(s) {
            return None;
        }
        let full_name = (s..end).filter(|&k| self.is_word(k)).count() >= 2;
        let start = if s == lo {
            lo
        } else if self.is_punct(s - 1, "-\u{2014}\u{2013}") {
            s
        } else if full_name
            && s - lo <= MAX_COLON_DESCRIPTION
            && (lo..s).all(|k| {
                self.is_word(k)
                    && !lexicon().finite_verbs.contains(self.lower(k))
                    && self.cue_at(k, s).is_none()
            })
        {
            lo
        } else {
            return None;
        };
        // An all-capitals label ("WATCH:", "UPDATE:") is page furniture, not a name.
        let label = (start..c).all(|k| !self.s(k).chars().any(char::is_lowercase));
        if label || super::mentions::is_name_glue(self.lower(start)) {
            return None;
        }
        Some(Attr {
            cue: c..c + 1,
            class: CueClass::Say,
            form: Form::Before,
            speaker: start..end,
            name: s..end,
            date_tok: None,
            region: start,
        })
    }

    /// `He said:` ending sentence `r` (the paragraph's last): a cue before the closing colon
    /// with a speaker before it (`Roe said:`, `Roe wrote in a letter to the board:`, `Roe told
    /// reporters:`) or after it (`Said Roe:`), waiting for the next paragraph's quotation.
    pub(super) fn colon_opener(&self, r: Range<usize>) -> Option<super::statement::Opener> {
        let c = r.end.checked_sub(1).filter(|&c| c > r.start)?;
        if !self.is_punct(c, ":") {
            return None;
        }
        if let Some(o) = self.inverted_colon_opener(r.start, c) {
            return Some(o);
        }
        let mut v = c - 1;
        while v > r.start && self.is_word(v) && lexicon().time_words.contains(self.lower(v)) {
            v -= 1;
        }
        if self.cue_at(v, c).is_none() {
            v = self.cue_before_adjunct(r.start, c).unwrap_or(v);
        }
        // "Sanders made the following statement:": a noun cue's light verb has the speaker.
        let noun = self.is_word(v) && lexicon().noun_cues.contains(self.lower(v));
        let light = noun.then(|| self.light_verb_frame(r.start, v)).flatten();
        let len = match self.cue_at(v, c) {
            Some((len, _)) => len,
            None if light.is_some() => 1,
            None => return None,
        };
        if v + len > c {
            return None;
        }
        let (sp, name) = match light {
            Some(a) if len == 1 => (a.speaker, a.name),
            _ => {
                let (sp, name, _) = self.speaker_before(r.start, v, false)?;
                (sp, name)
            }
        };
        Some(self.opener(sp, name, v..v + len))
    }

    /// The cue of `Roe wrote in a letter to the board:` / `Roe told reporters on Monday:`: a
    /// cue followed, up to the colon at `c`, by at most `MAX_COLON_ADJUNCT` words opened by a
    /// preposition, an addressee (a listed one, an object pronoun or a name) or a time word,
    /// with no verb, clause word or second cue among them.
    fn cue_before_adjunct(&self, lo: usize, c: usize) -> Option<usize> {
        let lex = lexicon();
        let from = c.saturating_sub(MAX_COLON_ADJUNCT + 1).max(lo + 1);
        let (v, (len, class)) = (from..c).find_map(|v| Some((v, self.cue_at(v, c)?)))?;
        let first = v + len;
        if first >= c || class == CueClass::According {
            return None;
        }
        let opens = |k: usize| {
            let w = self.lower(k);
            self.is_cap(k)
                || lex.prepositions.contains(w)
                || lex.addressees.contains(w)
                || lex.object_pronouns.contains(w)
                || lex.time_words.contains(w)
        };
        let plain = |k: usize| {
            let w = self.lower(k);
            self.is_word(k)
                && !lex.finite_verbs.contains(w)
                && !lex.complementizers.contains(w)
                && !lex.relatives.contains(w)
                && !lex.coordinators.contains(w)
                && self.cue_at(k, c).is_none()
        };
        (opens(first) && (first..c).all(plain)).then_some(v)
    }

    /// `Said Roe:` / `Wrote the mayor's spokesman:` opening sentence `lo..c` (`c` the colon): a
    /// capitalised cue, then the speaker up to the colon.
    fn inverted_colon_opener(&self, lo: usize, c: usize) -> Option<super::statement::Opener> {
        let (len, class) = self.cue_at(lo, c).filter(|_| self.is_cap(lo))?;
        let sp = lo + len..c;
        let named = sp.clone().any(|k| self.is_cap(k));
        let plain = sp
            .clone()
            .all(|k| self.is_word(k) && self.cue_at(k, c).is_none());
        if class == CueClass::According
            || sp.is_empty()
            || sp.len() > MAX_COLON_ADJUNCT
            || !named
            || !plain
        {
            return None;
        }
        Some(self.opener(sp.clone(), sp, lo..lo + len))
    }

    /// The opener of speaker phrase `sp` (named by `name`) and cue tokens `cue`.
    fn opener(
        &self,
        sp: Range<usize>,
        name: Range<usize>,
        cue: Range<usize>,
    ) -> super::statement::Opener {
        super::statement::Opener {
            mention: self.words(name),
            speaker_span: self.span(sp),
            cue: self.words(cue.clone()),
            cue_span: self.span(cue),
        }
    }

    /// `Asked whether he would run, Smith ...`, `he said when asked by a reporter if ...`:
    /// `asked` opening a sentence or after a subordinator, then `by` and the asker if named,
    /// then the question (`if`, `whether`, a wh-word or `about`) up to a comma.
    pub(super) fn asked_frames(&self, lo: usize, hi: usize, attrs: &[Attr]) -> Vec<Attr> {
        let mut out = Vec::new();
        for k in lo..hi.saturating_sub(1) {
            if !self.asked_opens(lo, k) || attrs.iter().any(|a| a.cue.start == k) {
                continue;
            }
            let mut q = k + 1;
            let mut asker: Range<usize> = q..q;
            if self.is_word(q) && self.lower(q) == "by" {
                let s = q + 1;
                let mut e = s;
                while e < hi && self.is_word(e) && e - s < 6 && !question_word(self.lower(e)) {
                    e += 1;
                }
                asker = s..e;
                q = e;
            }
            // "Asked how concerned he was, Austin said": a reporter's question to the speaker,
            // no statement of anyone named; only a named asker's question counts.
            if asker.is_empty() || !(self.is_word(q) && question_word(self.lower(q))) {
                continue;
            }
            out.push(Attr {
                cue: k..k + 1,
                class: CueClass::Quoted,
                form: Form::Asked,
                speaker: asker.clone(),
                name: asker,
                date_tok: None,
                region: k.saturating_sub(usize::from(k > lo && self.is_word(k - 1))),
            });
        }
        out
    }
}

impl<'a> Para<'a> {
    /// Whether token `k` is an `asked` (or another verb of `question_verbs.txt`: `pressed`)
    /// that opens its clause (`Asked whether ...`, `when pressed by X about ...`) before a
    /// question or `by`: the question frame, not a verb with a subject.
    pub(super) fn asked_opens(&self, lo: usize, k: usize) -> bool {
        let lex = lexicon();
        let opens =
            k == lo || !self.is_word(k - 1) || lex.subordinators.contains(self.lower(k - 1));
        opens
            && self.is_word(k)
            && lex.question_verbs.contains(self.lower(k))
            && self.is_word(k + 1)
            && (question_word(self.lower(k + 1)) || self.lower(k + 1) == "by")
    }
}

/// Whether a word opens the question after `asked` (`whether`, `if`, `how`, `about`).
fn question_word(w: &str) -> bool {
    matches!(
        w,
        "whether" | "if" | "how" | "what" | "why" | "who" | "when" | "where" | "which" | "about"
    )
}
