//! Content boundaries: what an attribution's statement is (the quotations before or after
//! it, or the reported clause). Beside it: what is skipped between a cue and its content
//! (`adjuncts.rs`), a quotation with words before it (`quote_after.rs`), the reported
//! clause after a cue (`reported.rs`) and a cue word in a sense that is no speech
//! (`senses.rs`).

use super::frames::{Attr, Form};
use super::lexicon::{lexicon, CueClass};
use super::quotes::Quote;
use super::statement::{trim_span, Raw};
use super::tokens::Para;
use crate::finding::{Kind, Span};
use std::ops::Range;

/// Fewest words of reported content.
const MIN_REPORTED_WORDS: usize = 2;

/// Most words of a prepositional phrase before a quoted title (`On ABC's "This Week,"`).
const MAX_TITLE_LEAD: usize = 8;

/// Most tokens of a description between a quotation and the speaker phrase (`former George
/// W. Bush speechwriter`).
const MAX_DESCRIPTION_TOKENS: usize = 8;

impl<'a> Para<'a> {
    /// Decides the content of attribution `a`, or none when it has no statement.
    pub(super) fn content(
        &self,
        lo: usize,
        hi: usize,
        a: &Attr,
        next_region: usize,
        later_participle: bool,
    ) -> Option<Raw> {
        if a.form == Form::Asked {
            return self.question(hi, a, next_region);
        }
        let lex = lexicon();
        let mut date_tok = a.date_tok;
        let mut spans: Vec<Span> = Vec::new();
        let mut quoted = Vec::new();
        let kind;
        let add_quote = |q: &Quote, spans: &mut Vec<Span>, quoted: &mut Vec<String>| {
            let sp = trim_span(self.text, [q.start, q.end]);
            if sp[1] > sp[0] {
                spans.push(sp);
                quoted.push(self.text[sp[0]..sp[1]].to_string());
            }
        };
        // Where the attribution's words end (after the speaker for inverted forms).
        let attr_end = match a.form {
            Form::Inverted | Form::According => a.speaker.end.max(a.cue.end),
            _ => a.cue.end,
        };
        let attr_start = a.region.min(a.speaker.start).min(a.cue.start);
        let attr_start = self.described_after_quote(lo, attr_start, a);
        let quote_before = (attr_start > lo)
            .then(|| {
                if self.is_punct(attr_start - 1, ",") && attr_start > lo + 1 {
                    attr_start - 2
                } else {
                    attr_start - 1
                }
            })
            .filter(|&q| self.is_quote(q));
        let mut after = attr_end;
        // Where a tell cue's addressee starts.
        let mut addressee = None;
        if a.class == CueClass::Tell
            && matches!(a.form, Form::Before | Form::Relative | Form::Participle)
        {
            after = self.skip_adjuncts(after, hi, &mut date_tok);
            addressee = Some(after);
            after = self.skip_addressee(after, hi);
            // (`told The Post and Courier newspaper of Charleston on Saturday that`: the
            // addressee's description and adjuncts run on to the `that`.)
            // (A clause opens there with a subject; `a story that made them laugh` is a
            // relative clause.)
            if self.is_word(after) && self.lower(after) != "that" {
                let subject = |k: usize| {
                    self.is_quote(k)
                        || self.is_cap(k)
                        || (self.is_word(k)
                            && (lex.pronouns.contains_key(self.lower(k))
                                || lex.determiners.contains(self.lower(k))))
                };
                if let Some(that) = self
                    .plain_words_to_that(after, hi)
                    .filter(|&t| subject(t + 1))
                {
                    after = that;
                }
            }
        }
        after = self.skip_adjuncts(after, hi, &mut date_tok);
        // `asked the court on Monday to intervene`: what was asked is the addressee's doing,
        // so a request's content holds the addressee.
        let infinitive = self.is_word(after)
            && self.lower(after) == "to"
            && self.is_word(after + 1)
            && !self.is_cap(after + 1)
            && !lex.determiners.contains(self.lower(after + 1));
        if let Some(at) = addressee.filter(|&at| infinitive && at < after) {
            after = at;
        }
        if a.class != CueClass::Tell && matches!(a.form, Form::Before | Form::Participle) {
            // "is warning voters that", "assured Congress that": an addressee (a listed one
            // or a name) before a `that` clause.
            let k = self.skip_addressee(after, hi);
            let listed = |k: usize| self.is_word(k) && lex.addressees.contains(self.lower(k));
            let listed = self.is_cap(after)
                || listed(after)
                || (self.is_word(after)
                    && lex.determiners.contains(self.lower(after))
                    && listed(after + 1));
            if k > after && listed && self.is_word(k) && self.lower(k) == "that" {
                after = k;
            }
        }
        after = self.skip_of_topic(after, hi);
        // `X rose, according to a poll - the third in a row`: the content stands before.
        // (`"The plan is dead," according to CNN`: a quotation alone is content enough.)
        let content_before = a.form == Form::According
            && (attr_start > lo + 1 || (attr_start > lo && self.is_quote(attr_start - 1)));
        if quote_before.is_none()
            && !content_before
            && self.is_punct(after, "-\u{2014}\u{2013}\u{2015}")
        {
            // "as she said at the outset - any ...": a dash after the cue, no content after it.
            return None;
        }
        // "said Sen. Rand Paul (R-Ky.)": a short parenthesis closes the attribution.
        if self.is_punct(after, "(") {
            if let Some(close) = (after + 1..(after + 10).min(hi)).find(|&k| self.is_punct(k, ")"))
            {
                after = close + 1;
            }
        }
        // (`said on MSNBC's "Morning Joe."`: a quotation after a possessive is a title.)
        let direct_after = {
            let mut k = after;
            if self.is_punct(k, ",:") {
                k += 1;
            }
            (self.is_quote(k) && !self.titled_by_possessive(k)).then_some(k)
        };
        // A quotation before the attribution is not its content when a complement clause
        // follows (`On ABC's "This Week," Rubio said that ...`), nor when it stands in a
        // phrase opened by a preposition and words follow the cue (`On "This Week," Rubio
        // said the plan ...`), or after a possessive (`Sunday on Fox's "Special Report," Roe
        // said the plan ...`): a show's or a book's title.
        // (So does one right after a preposition, however long the lead: `Asked why during
        // an appearance on "This Week," Roe said the plan ...`.)
        let titled = quote_before.is_some_and(|q| {
            let q = if self.is_quote(q) { q } else { q - 1 };
            let lead = (lo..q).rev().take_while(|&k| self.is_word(k)).last();
            let short_lead = lead == Some(lo)
                && q - lo <= MAX_TITLE_LEAD
                && (lex.prepositions.contains(self.lower(lo)) || self.titled_by_possessive(q));
            let after_preposition =
                q > lo && self.is_word(q - 1) && lex.prepositions.contains(self.lower(q - 1));
            short_lead || after_preposition
        }) && self.is_word(after)
            && self.is_word(after + 1);
        // `After Roe said X is "...," Lee said: "..."`: a quotation after a cue of its own
        // (one with a subject before it), with one after this cue too, is the earlier
        // speaker's; so is any before a colon that opens a quotation.
        // (So is one after a cue in a lead when this cue has a clause of its own: `Walking
        // in to chants of "Four more years," Roe said the vote ...`.)
        let earlier_speakers = quote_before.is_some_and(|q| {
            let cue_before =
                (lo + 1..q).any(|k| self.is_word(k - 1) && self.cue_at(k, hi).is_some());
            let clause_after = self.is_word(after) && self.is_word(after + 1);
            (direct_after.is_some() && (self.is_punct(after, ":") || cue_before))
                || (cue_before && clause_after)
        });
        let quote_before = quote_before.filter(|_| {
            // (`"...," Roe told a crowd at the bar that spilled onto the street`: a `that` and
            // a verb after the addressee or an adjunct opens a relative clause.)
            let relative =
                after > attr_end && self.lower(after) == "that" && self.verb_like(after + 1);
            let clause = self.is_word(after)
                && lex.complementizers.contains(self.lower(after))
                && !self.closing_time_phrase(after, hi)
                && !relative;
            !(titled || clause || earlier_speakers)
        });
        if let (Some(qb), Form::Before | Form::Inverted) = (quote_before, a.form) {
            // "..." he said[, "..."]
            let mut first = qb;
            while first > lo
                && (self.is_quote(first - 1)
                    || (self.is_punct(first - 1, ",")
                        && first > lo + 1
                        && self.is_quote(first - 2)))
            {
                first -= 1;
            }
            // "With voters split, \"...,\" says X": words before the quotation belong to it.
            let lead = (lo..first).any(|k| self.is_word(k))
                && !(lo..first).any(|k| self.cue_at(k, hi).is_some());
            if lead {
                let range = self.trim_range(lo..qb + 1);
                spans.push(trim_span(self.text, self.span(range)));
                quoted.extend((first..=qb).filter_map(|k| self.quote_of(k)).map(|q| {
                    let sp = trim_span(self.text, [q.start, q.end]);
                    self.text[sp[0]..sp[1]].to_string()
                }));
            } else {
                for k in first..=qb {
                    if let Some(q) = self.quote_of(k) {
                        add_quote(q, &mut spans, &mut quoted);
                    }
                }
            }
            // (`"A," Roe said "B."`: a split quote whose second comma the writer left out.)
            let resumed = direct_after
                .filter(|&k| {
                    self.is_punct(after, ",")
                        || (k == attr_end
                            && a.form == Form::Before
                            && self.quote_ends_with_comma(qb))
                })
                .or_else(|| self.quote_after_aside(after, hi));
            if let Some(k) = resumed {
                let mut k2 = k;
                while k2 < hi && self.is_quote(k2) {
                    add_quote(self.quote_of(k2)?, &mut spans, &mut quoted);
                    k2 += 1;
                }
            }
            kind = if lead { Kind::Partial } else { Kind::Direct };
        } else if let Some(k) = direct_after
            .or_else(|| self.quote_after_clause(after, hi))
            .or_else(|| self.quote_after_phrase(after, hi))
            .or_else(|| self.quote_after_subordinate(after, hi))
            .filter(|&k| self.rest_is_punct(k + 1, hi) && a.form != Form::According)
        {
            // Smith said: "..." (or `said as he left, "..."`)
            add_quote(self.quote_of(k)?, &mut spans, &mut quoted);
            kind = Kind::Direct;
        } else {
            // "Prices rose, he said as he left": a subordinate clause is not content.
            let subordinate = self.is_word(after)
                && (lex.subordinators.contains(self.lower(after))
                    || (a.form == Form::Inverted && lex.relatives.contains(self.lower(after))));
            // (A semicolon ends the attribution's clause: `Prices rose, he said in May;
            // others disagreed.`)
            let end = (after..hi).find(|&k| self.is_punct(k, ";")).unwrap_or(hi);
            let tail_is_empty = after >= end
                || subordinate
                || self.closing_time_phrase(after, end)
                || (a.class == CueClass::Say && self.adjunct_tail(attr_end, end))
                // (`..., Roe told a panel in the capital.`: after the addressee; not `accused
                // Lee of ...`, `asked Lee about ...`, what was said.)
                || (a.class == CueClass::Tell
                    && after > attr_end
                    && !matches!(self.lower(after), "of" | "about")
                    && self.adjunct_tail(after, end))
                || self.is_punct(after, ",.!?")
                    && (after + 1 >= end
                        || self.rest_is_punct(after + 1, end)
                        || self.is_punct(after, ","));
            // "Police, she says, have no policy": a parenthetical attribution after a single
            // word also has content before it (resumed after it).
            let parenthetical = self.is_punct(attr_start, ",") && self.is_punct(after, ",");
            // The content before the attribution ends at a comma or a dash (`Prices rose, he
            // said`); without one the cue is in a relative clause (`a claim Reed rejected`).
            // (A stray closing quotation mark counts: `... admired,” Barabak wrote`.)
            let marks = ",\u{2014}\u{2013}-:\"\u{201d}";
            let set_off = self.is_punct(attr_start, marks)
                || (attr_start > lo && self.is_punct(attr_start - 1, marks));
            let content_first = matches!(a.form, Form::Before | Form::Inverted)
                && tail_is_empty
                && set_off
                && (attr_start > lo + 2 || (parenthetical && attr_start > lo));
            let range = if a.form == Form::According {
                if content_before {
                    lo..attr_start
                } else {
                    let mut k = attr_end;
                    if self.is_punct(k, ",") {
                        k += 1;
                    }
                    let e = next_region.min(hi);
                    k..self.learned_end(k, e, a.class, false)
                }
            } else if content_first {
                lo..attr_start
            } else {
                self.reported_after(lo, hi, a, after, next_region)?
            };
            let range = self.drop_dangling(self.trim_range(range));
            // "An ambassador's job, he said, should be to ...": the content resumes after a
            // parenthetical attribution.
            let resumed = (content_first
                && self.is_punct(attr_start, ",")
                && self.is_punct(after, ","))
            .then(|| self.trim_range(after + 1..next_region.min(hi)))
            .filter(|r| r.clone().any(|k| self.is_word(k)))
            .filter(|r| a.form != Form::Inverted || self.resumes_clause(r.start))
            .or_else(|| {
                (content_before && self.is_punct(attr_start, ","))
                    .then(|| self.according_resumes(range.clone(), after, next_region.min(hi)))
                    .flatten()
            });
            let pieces: Vec<Range<usize>> = std::iter::once(range).chain(resumed).collect();
            let all = || pieces.iter().flat_map(|r| r.clone());
            let nwords = all().filter(|&k| self.is_word(k)).count();
            let nquotes = all().filter(|&k| self.is_quote(k)).count();
            if nwords + nquotes == 0 {
                return None;
            }
            if !content_first && self.not_speech(a, pieces[0].clone()) {
                return None;
            }
            let quoted_only = a.class == CueClass::Quoted
                && !self.cited_as(a, pieces[0].clone())
                && !self.is_naming(a, pieces[0].clone());
            if nquotes == 0 && (nwords < MIN_REPORTED_WORDS || quoted_only) {
                return None;
            }
            // "confirmed the talks, saying ...": the participle carries the content (but
            // `vowed, "...," referring to X`: a whole quotation is the content).
            if matches!(a.class, CueClass::Obj | CueClass::Quoted)
                && later_participle
                && nwords < 5
                && !(nwords == 0 && nquotes > 0)
            {
                return None;
            }
            // A say-cue needs a clause: at least three words, or a quotation.
            let with_that = self.is_word(after) && self.lower(after) == "that";
            if nquotes == 0 && a.class == CueClass::Clause && !with_that {
                return None;
            }
            if nquotes == 0
                && a.class == CueClass::Say
                && nwords < 3
                && !content_first
                && !with_that
            {
                return None;
            }
            if nwords == 0 {
                // "adding that \"...\"": only quotations, each a piece of a direct statement.
                for q in all().filter_map(|k| self.quote_of(k)) {
                    add_quote(q, &mut spans, &mut quoted);
                }
            } else {
                for k in all() {
                    if let Some(q) = self.quote_of(k) {
                        let sp = trim_span(self.text, [q.start, q.end]);
                        if sp[1] > sp[0] {
                            quoted.push(self.text[sp[0]..sp[1]].to_string());
                        }
                    }
                }
                for r in pieces.iter().filter(|r| !r.is_empty()) {
                    spans.push(trim_span(self.text, self.span(r.clone())));
                }
            }
            kind = if nquotes > 0 && nwords == 0 {
                Kind::Direct
            } else if nquotes > 0 {
                Kind::Partial
            } else {
                Kind::Indirect
            };
        }
        if spans.is_empty() {
            return None;
        }
        Some(
            Raw {
                kind,
                mention: self.speaker_words(a.speaker.clone()),
                speaker_span: (!a.speaker.is_empty()).then(|| self.span(a.speaker.clone())),
                cue: Some(self.words(a.cue.clone())),
                cue_span: Some(self.span(a.cue.clone())),
                spans,
                quoted,
                date: date_tok,
                via: None,
            }
            .with_name(self.speaker_words(a.name.clone())),
        )
    }

    /// `"...," former state governor Jim Roe said`: lowercase words between a quotation and
    /// the speaker phrase found before the cue describe the speaker; the attribution starts
    /// after the quotation. Returns the attribution's first token.
    fn described_after_quote(&self, lo: usize, start: usize, a: &Attr) -> usize {
        let lex = lexicon();
        if a.form != Form::Before || start != a.speaker.start {
            return start;
        }
        let mut k = start;
        // (`former George W. Bush speechwriter`, `organizing director for a $15 wage`: an
        // abbreviation's period and a currency sign stand inside a description.)
        let inside = |i: usize| {
            self.is_word(i)
                || self.is_abbreviation_period(i)
                || (self.is_punct(i, "$") && self.is_word(i + 1))
        };
        while k > lo && start - k < MAX_DESCRIPTION_TOKENS && inside(k - 1) {
            let w = self.lower(k - 1);
            let function = self.is_word(k - 1)
                && (lex.coordinators.contains(w)
                    || lex.subordinators.contains(w)
                    || lex.complementizers.contains(w)
                    || (lex.prepositions.contains(w) && !matches!(w, "of" | "for"))
                    || lex.relatives.contains(w));
            if function || self.cue_at(k - 1, start).is_some() {
                return start;
            }
            k -= 1;
        }
        // The quotation ends its clause, inside the marks or after them.
        let closed = |q: usize| self.quote_closes_clause(q);
        let quoted = k > lo
            && k < start
            && ((self.is_quote(k - 1) && closed(k - 1))
                || (k > lo + 1 && self.is_punct(k - 1, ",") && self.is_quote(k - 2)));
        if quoted {
            k
        } else {
            start
        }
    }

    /// The question of an `asked` frame: from the question word to the next comma.
    fn question(&self, hi: usize, a: &Attr, next_region: usize) -> Option<Raw> {
        let s = a.speaker.end.max(a.cue.end);
        let end = next_region.min(hi);
        let e = (s..end).find(|&k| self.is_punct(k, ",;")).unwrap_or(end);
        let r = self.trim_range(s..e);
        if r.len() < MIN_REPORTED_WORDS {
            return None;
        }
        let quoted: Vec<String> = r
            .clone()
            .filter_map(|k| self.quote_of(k))
            .map(|q| {
                let sp = trim_span(self.text, [q.start, q.end]);
                self.text[sp[0]..sp[1]].to_string()
            })
            .collect();
        Some(Raw {
            kind: if quoted.is_empty() {
                Kind::Indirect
            } else {
                Kind::Partial
            },
            mention: self.words(a.speaker.clone()),
            speaker_span: (!a.speaker.is_empty()).then(|| self.span(a.speaker.clone())),
            cue: Some(self.words(a.cue.clone())),
            cue_span: Some(self.span(a.cue.clone())),
            spans: vec![trim_span(self.text, self.span(r))],
            quoted,
            date: None,
            via: None,
        })
    }

    /// A reported range without the connective it ends on (`the town would recover, and`,
    /// cut before the next attribution): a coordinator, a relative word or a subordinator that
    /// is no preposition.
    pub(super) fn drop_dangling(&self, mut r: Range<usize>) -> Range<usize> {
        let lex = lexicon();
        while r.end > r.start + 1 && self.is_word(r.end - 1) {
            let w = self.lower(r.end - 1);
            let dangling = lex.coordinators.contains(w)
                || lex.relatives.contains(w)
                || (lex.subordinators.contains(w) && !lex.prepositions.contains(w));
            if !dangling {
                break;
            }
            r = self.trim_range(r.start..r.end - 1);
        }
        r
    }

    /// `At the heart of it, according to Jo Roe, a former envoy, was a decision ...`: where the
    /// content before an `according to` set off by commas resumes after the source (`after`,
    /// at its closing comma), up to the sentence's end (`hi`). It resumes when the part before
    /// (`before`) has no finite verb of `finite_verbs.txt` (a phrase the clause goes on from),
    /// at the clause's next words, or past an appositive of the source at a finite verb; not
    /// at a relative clause (`, which ...`), which describes the source. None otherwise.
    fn according_resumes(
        &self,
        before: Range<usize>,
        after: usize,
        hi: usize,
    ) -> Option<Range<usize>> {
        let lex = lexicon();
        if after + 1 >= hi
            || !self.is_punct(after, ",")
            || before
                .clone()
                .any(|k| self.is_word(k) && lex.finite_verbs.contains(self.lower(k)))
        {
            return None;
        }
        let mut r = after + 1;
        if !self.resumes_clause(r) {
            // `, a former envoy, was`: past the appositive when a verb follows it.
            let close = (r..(r + super::speaker::MAX_APPOSITIVE).min(hi))
                .take_while(|&k| !self.is_punct(k, ".;:!?"))
                .find(|&k| self.is_punct(k, ","));
            if let Some(c) = close.filter(|&c| self.resumes_clause(c + 1)) {
                r = c + 1;
            }
        }
        // `, which sent four engines`: a relative clause describes the source.
        if self.is_word(r) && lex.relatives.contains(self.lower(r)) {
            return None;
        }
        Some(self.trim_range(r..hi)).filter(|p| p.clone().any(|k| self.is_word(k)))
    }

    /// Whether the words after an inverted attribution (`The drugs, says Roe, are ...`) go on
    /// with the clause: a finite verb opens them. Otherwise they describe the speaker (`, said
    /// Jane Roe, a professor at ...`, `, executive director of ...`).
    fn resumes_clause(&self, k: usize) -> bool {
        self.is_word(k) && lexicon().finite_verbs.contains(self.lower(k))
    }

    /// Whether the quotation at `q` ends its clause: a comma, a question mark or an
    /// exclamation mark closes it inside its marks (`"Why?"`, `"We won,"`).
    pub(super) fn quote_closes_clause(&self, q: usize) -> bool {
        self.quote_ends_with_comma(q)
            || self.quote_of(q).is_some_and(|q| {
                self.text[q.start..q.end]
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && !"?!".contains(c))
                    .ends_with(['?', '!'])
            })
    }

    /// Whether the quotation at token `q` closes its clause with a comma inside its marks
    /// (`"... the race,"`).
    pub(super) fn quote_ends_with_comma(&self, q: usize) -> bool {
        self.quote_of(q).is_some_and(|q| {
            self.text[q.start..q.end]
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
                .ends_with(',')
        })
    }
}
