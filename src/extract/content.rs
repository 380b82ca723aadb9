//! Content boundaries: what an attribution's statement is (the quotations before or after
//! it, or the reported clause); what is skipped between a cue and its content is in
//! `adjuncts.rs`.

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

/// Fewest words of reported content before a comma and a participle that end it: fewer are
/// the content's subject, which the participle describes.
const MIN_CLAUSE_WORDS: usize = 3;

/// Most tokens of an aside between the pieces of a split quote (`, referring to the audit,`).
const MAX_ASIDE_TOKENS: usize = 14;

/// Most tokens of a subordinate clause opening a reported clause, up to its comma (`said when
/// he took office, the deficit ...`).
const MAX_LEAD_CLAUSE_TOKENS: usize = 30;

/// Most words of a phrase between a cue and a comma before its quotation (`wrote to his
/// Twitter followers, "..."`).
const MAX_TOPIC_PHRASE: usize = 8;

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
            let tail_is_empty = after >= hi
                || subordinate
                || self.closing_time_phrase(after, hi)
                || (a.class == CueClass::Say && self.adjunct_tail(attr_end, hi))
                // (`..., Roe told a panel in the capital.`: after the addressee; not `accused
                // Lee of ...`, `asked Lee about ...`, what was said.)
                || (a.class == CueClass::Tell
                    && after > attr_end
                    && !matches!(self.lower(after), "of" | "about")
                    && self.adjunct_tail(after, hi))
                || self.is_punct(after, ",.;!?")
                    && (after + 1 >= hi
                        || self.rest_is_punct(after + 1, hi)
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
                        || (self.is_word(after + 1)
                            && lex.pronouns.contains_key(self.lower(after + 1))))
                    && !(after..hi.min(after + MAX_LEAD_CLAUSE_TOKENS))
                        .any(|k| self.is_punct(k, ","));
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
                if a.form == Form::Participle
                    && self.is_word(a.region)
                    && self.lower(a.region) == "with"
                {
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
                s..e
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

    /// Whether a cue's reported content shows the cue word in a sense that is no speech: a
    /// quantity or score after a measure cue (`declined 1.2 per cent`, `added a goal`), a
    /// refusal (`declined to say whether`, `asked not to be named`), or violence (`attacked
    /// him with a knife`).
    fn not_speech(&self, a: &Attr, r: Range<usize>) -> bool {
        let lex = lexicon();
        let cue = self.lower(a.cue.start);
        let words: Vec<&str> = r
            .clone()
            .filter(|&k| self.is_word(k))
            .map(|k| self.lower(k))
            .collect();
        let Some(&first) = words.first() else {
            return false;
        };
        let number = |w: &str| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    w,
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "half"
                        | "a"
                        | "an"
                        | "another"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                )
        };
        let that = r.start > 0 && self.is_word(r.start - 1) && self.lower(r.start - 1) == "that";
        if lex.measure_cues.contains(cue)
            && !that
            && (first.starts_with(|c: char| c.is_ascii_digit())
                || (number(first)
                    && words
                        .iter()
                        .skip(1)
                        .take(3)
                        .any(|w| lex.measure_objects.contains(w))))
        {
            return true;
        }
        if lex.refusal_cues.contains(cue)
            && first == "to"
            && words
                .get(1)
                .is_some_and(|w| lex.refusal_objects.contains(w))
        {
            return true;
        }
        // "who asked not to be named", "who requested anonymity": a request for anonymity
        // says nothing.
        if words
            .iter()
            .skip_while(|w| **w == "for")
            .eq(["anonymity"].iter())
        {
            return true;
        }
        if (lex.refusal_cues.contains(cue) || lex.question_verbs.contains(cue))
            && words.starts_with(&["not", "to"])
            && words
                .get(2)
                .is_some_and(|w| lex.refusal_objects.contains(w))
        {
            return true;
        }
        lex.physical_cues.contains(cue)
            && words.windows(3).any(|w| {
                w[0] == "with"
                    && (lex.weapons.contains(w[1])
                        || (matches!(w[1], "a" | "an" | "his" | "her" | "their")
                            && lex.weapons.contains(w[2])))
            })
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

    /// Where the quotation resuming a split quote stands when a short aside comes first:
    /// `"...," Roe said, referring to the audit, "but ..."` (a participle phrase that is no
    /// speech cue of its own, up to a comma) or `"...," he said, but "..."` (a conjunction).
    /// `after` is the comma after the attribution.
    fn quote_after_aside(&self, after: usize, hi: usize) -> Option<usize> {
        let lex = lexicon();
        let k = after + 1;
        if !self.is_punct(after, ",") || !self.is_word(k) || self.is_cap(k) {
            return None;
        }
        let w = self.lower(k);
        if lex.coordinators.contains(w) {
            let q = if self.is_punct(k + 1, ",") {
                k + 2
            } else {
                k + 1
            };
            return (q < hi && self.is_quote(q)).then_some(q);
        }
        // A speech participle of its own (`adding, "..."`) starts a second statement; one that
        // only points at a topic (`referring to the audit`) does not.
        let speech = self
            .cue_at(k, hi)
            .is_some_and(|(_, class)| class != CueClass::Quoted);
        if !w.ends_with("ing") || lex.not_participles.contains(w) || speech {
            return None;
        }
        self.quote_after_comma(k, hi, |_| true)
    }

    /// The quotation right after the first comma of the aside opened at `k`: within
    /// `MAX_ASIDE_TOKENS`, crossing no quotation and only tokens `through` allows.
    fn quote_after_comma(
        &self,
        k: usize,
        hi: usize,
        through: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let close = (k + 1..(k + MAX_ASIDE_TOKENS).min(hi))
            .take_while(|&j| !self.is_quote(j) && through(j))
            .find(|&j| self.is_punct(j, ","))?;
        (close + 1 < hi && self.is_quote(close + 1)).then_some(close + 1)
    }

    /// Where the quotation after a clause of time following the cue stands: `Roe said as she
    /// left the stage, "..."` (the clause, up to a comma, holds no quotation or cue).
    fn quote_after_clause(&self, after: usize, hi: usize) -> Option<usize> {
        // Only `as`, which tells when (`as long as`, `as soon as` say what; so does
        // `because ...`, part of the speaker's words).
        if !self.is_word(after)
            || self.lower(after) != "as"
            || lexicon().as_degree_words.contains(self.lower(after + 1))
        {
            return None;
        }
        self.quote_after_comma(after, hi, |j| self.cue_at(j, hi).is_none())
    }

    /// Where the quotation after a subordinate clause set off by commas stands: `said in the
    /// spring, when the story broke, "..."`, `said, after the vote, "..."` (a short plain
    /// phrase may come first; the clause holds no quotation or cue).
    fn quote_after_subordinate(&self, after: usize, hi: usize) -> Option<usize> {
        let lex = lexicon();
        let comma = if self.is_punct(after, ",") {
            after
        } else {
            (after..(after + MAX_TOPIC_PHRASE).min(hi))
                .take_while(|&j| {
                    self.is_punct(j, ",")
                        || (self.is_word(j)
                            && !self.clause_word(j, hi)
                            && !lex.finite_verbs.contains(self.lower(j)))
                })
                .find(|&j| self.is_punct(j, ","))?
        };
        let k = comma + 1;
        if !(self.is_word(k) && lex.subordinators.contains(self.lower(k))) {
            return None;
        }
        self.quote_after_comma(k, hi, |j| self.cue_at(j, hi).is_none())
    }

    /// Where the quotation after a short phrase following the cue stands: `wrote to his
    /// 20,000 Twitter followers, "..."` (at most `MAX_TOPIC_PHRASE` words with no verb,
    /// pronoun, clause word or cue, then a comma).
    fn quote_after_phrase(&self, after: usize, hi: usize) -> Option<usize> {
        if !self.is_word(after) {
            return None;
        }
        let close = (after + 1..(after + 2 * MAX_TOPIC_PHRASE).min(hi))
            .find(|&j| self.is_punct(j, ",") && self.is_quote(j + 1))?;
        let plain = (after + 1..close).all(|j| {
            let w = self.lower(j);
            // (`20,000`: a number's comma is no clause break.)
            let number_comma = self.is_punct(j, ",")
                && self.s(j - 1).starts_with(|c: char| c.is_ascii_digit())
                && self.s(j + 1).starts_with(|c: char| c.is_ascii_digit());
            number_comma
                || (self.is_word(j)
                    && !self.verb_like(j)
                    && !matches!(w, "he" | "she" | "they" | "we" | "i" | "it" | "you")
                    && !self.clause_word(j, hi)
                    && self.cue_at(j, hi).is_none())
        });
        let words = (after..close).filter(|&j| self.is_word(j)).count();
        (plain && words <= MAX_TOPIC_PHRASE && !self.title_case(close + 1)).then_some(close + 1)
    }

    /// Whether the quotation at `q` is set in title case, as a name of a book, a show or a
    /// slogan is (`"An American Son."`, `"Make America Great Again"`): at most six words, each
    /// capitalised but for short function words.
    fn title_case(&self, q: usize) -> bool {
        let Some(q) = self.quote_of(q) else {
            return false;
        };
        let words: Vec<&str> = self.text[q.start..q.end]
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        !words.is_empty()
            && words.len() <= 6
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    || (w.len() <= 3 && super::mentions::is_name_glue(&w.to_lowercase()))
            })
    }

    /// Whether `that` at `k` opens a time phrase closing the sentence (`he said in his speech
    /// that night.`), not a clause.
    fn closing_time_phrase(&self, k: usize, hi: usize) -> bool {
        let lex = lexicon();
        self.is_word(k)
            && self.lower(k) == "that"
            && self.is_word(k + 1)
            && (lex.time_words.contains(self.lower(k + 1))
                || lex.time_nouns.contains(self.lower(k + 1)))
            && self.rest_is_punct(k + 2, hi)
    }

    /// Whether the quotation at `q` follows a possessive word (`MSNBC's "Morning Joe"`): the
    /// name of a show, a book or a plan, not what anyone said.
    fn titled_by_possessive(&self, q: usize) -> bool {
        q > 0 && self.is_word(q - 1) && {
            let w = self.lower(q - 1);
            w.ends_with("'s") || w.ends_with("s'")
        }
    }

    /// Whether the words after a cue at `k` are only time words and prepositional phrases to
    /// the sentence's end (`she said in a video message to the convention.`, `he said Monday
    /// on MSNBC's "Morning Joe."`): no complement clause, no quotation but a title after a
    /// possessive, no verb.
    pub(super) fn adjunct_tail(&self, mut k: usize, hi: usize) -> bool {
        let lex = lexicon();
        while k < hi
            && self.is_word(k)
            && !lex.prepositions.contains(self.lower(k))
            && (self.weekday(k).is_some()
                || lex.time_words.contains(self.lower(k))
                || lex.time_nouns.contains(self.lower(k)))
        {
            k += 1;
        }
        // Not `to`, `for`, `than` or `like`, which also open what the speaker said or wants
        // (`vows to impose a tax`, `called for a recount`), nor a passive's `by`.
        let opens = |w: &str| {
            lex.prepositions.contains(w) && !matches!(w, "to" | "for" | "than" | "like" | "by")
        };
        if !(k < hi && self.is_word(k) && opens(self.lower(k))) {
            return false;
        }
        (k..hi).all(|j| {
            if !self.is_word(j) {
                return self.is_punct(j, ",.")
                    || (self.is_quote(j) && self.titled_by_possessive(j));
            }
            let w = self.lower(j);
            // "... to the convention", not "... to impose".
            let infinitive = w == "to"
                && self.is_word(j + 1)
                && !self.is_cap(j + 1)
                && !lex.determiners.contains(self.lower(j + 1));
            !infinitive && !self.clause_word(j, hi)
        })
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
