//! Attribution frames: how a cue and its speaker stand in a sentence (`Form`, `Attr`) and the
//! sentence pass that finds them (the frames without a listed cue are in `bare_frames.rs`,
//! speakers that stand apart from their cue in `remote_subjects.rs`).

use super::lexicon::{lexicon, CueClass};
use super::speaker::{MAX_APPOSITIVE, MAX_SPEAKER_WORDS};
use super::statement::Raw;
use super::tokens::Para;
use std::ops::Range;

/// Whether `c` is a dash that may open a closing attribution (`"..." ― Jane Roe`).
pub(super) fn is_attribution_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}' | '\u{2015}' | '-')
}

/// How the speaker stands to the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// `Smith said`
    Before,
    /// `said Smith`
    Inverted,
    /// `Ukraine, which had warned`
    Relative,
    /// `..., saying`
    Participle,
    /// `according to Smith`
    According,
    /// `Asked whether ...` (the asker, if named, after `by`)
    Asked,
}

/// An attribution found in a sentence, before its content is decided.
#[derive(Debug, Clone)]
pub(super) struct Attr {
    /// The cue's tokens (for a dash or colon frame, the dash or the verb before the colon).
    pub(super) cue: Range<usize>,
    /// How the cue takes its content.
    pub(super) class: CueClass,
    /// How the speaker stands to the cue.
    pub(super) form: Form,
    /// The speaker phrase as written (tokens), and the part of it that names the speaker.
    pub(super) speaker: Range<usize>,
    pub(super) name: Range<usize>,
    /// A weekday near the cue (`Smith said Friday`), as an index into `WEEKDAYS`.
    pub(super) date_tok: Option<usize>,
    /// First token of the attribution's own words (content of others stops here).
    pub(super) region: usize,
}

impl<'a> Para<'a> {
    /// Finds the attributions of a sentence and the statements they give.
    pub(super) fn sentence(&self, r: Range<usize>) -> Vec<Raw> {
        let (lo, hi) = (r.start, r.end);
        let mut attrs: Vec<Attr> = Vec::new();
        let mut i = lo;
        while i < hi {
            let Some((len, class)) = self.cue_at(i, hi) else {
                i += 1;
                continue;
            };
            // (`goes on to say`, `continued saying`: a cue that is the aspect verb of a cue
            // after it is that one's.)
            let next = if self.lower(i + len) == "to" {
                i + len + 1
            } else {
                i + len
            };
            let aspect = self.cue_at(next, hi).is_some()
                && self.aspect_verb_before(lo, next, self.lower(next).ends_with("ing")) == Some(i);
            if aspect
                || self.reads_as_noun(lo, i)
                || self.modified_noun_cue(lo, i)
                || self.asked_opens(lo, i)
            {
                i += 1;
                continue;
            }
            let cue = i..i + len;
            // "Ryan lamented the "disheartened" state and criticized ...": a verb joined to
            // an attributed one has its speaker; so has a participle joined to a participle
            // cue (`, insisting ... but conceding that ...`).
            let joined = self.coordinator_before(lo, i).and_then(|c| {
                let prev = attrs.last().filter(|p| {
                    p.cue.end <= c
                        && (matches!(p.form, Form::Before | Form::Relative)
                            || (p.form == Form::Participle && self.participle(i)))
                })?;
                let form = if prev.form == Form::Participle {
                    Form::Participle
                } else {
                    Form::Before
                };
                Some(Attr {
                    cue: cue.clone(),
                    class,
                    form,
                    speaker: prev.speaker.clone(),
                    name: prev.name.clone(),
                    date_tok: prev.date_tok,
                    region: c,
                })
            });
            if let Some(a) = joined {
                attrs.push(a);
            } else if let Some(a) = self.fronted_participle(lo, hi, cue.clone(), class) {
                attrs.push(a);
            } else if let Some(a) = self.attribution(lo, hi, cue.clone(), class) {
                attrs.push(a);
            } else if let Some(a) = attrs
                .last()
                .and_then(|prev| self.coordinate(lo, prev, cue.clone(), class))
            {
                attrs.push(a);
            }
            i += len;
        }
        // (A name before the colon first: `Former governor Ana Ruiz: "..."` is no clause
        // whose last word is a verb.)
        if let Some(a) = self.name_colon_frame(lo, hi, &attrs) {
            attrs.push(a);
        }
        if let Some(a) = self.colon_frame(lo, hi, &attrs) {
            attrs.push(a);
        }
        if let Some(a) = self.dash_frame(lo, hi, &attrs) {
            attrs.push(a);
        }
        let nouns = self.noun_frames(lo, hi, &attrs);
        attrs.extend(nouns);
        let asked = self.asked_frames(lo, hi, &attrs);
        attrs.extend(asked);
        attrs.sort_by_key(|a| a.cue.start);
        // "Trump said that Clinton once described it as ...": an attribution whose speaker
        // opens the clause after an earlier cue's complementizer is nested in that cue's
        // content, which runs on over it (the outer speaker says the whole clause); so is one
        // after a word that embeds it there (`through what she calls`, `nested_openers.txt`).
        let nested: Vec<bool> = attrs
            .iter()
            .enumerate()
            .map(|(k, b)| {
                let c = b.speaker.start.min(b.cue.start);
                // (So is one whose speaker opens the clause right after a say-cue: `Song said
                // Hillary Clinton had said ...`.)
                let after_say = attrs[..k].iter().any(|a| {
                    a.cue.end == c
                        && matches!(a.form, Form::Before | Form::Relative)
                        && matches!(a.class, CueClass::Say | CueClass::Clause)
                });
                after_say
                    || c > lo
                        && self.is_word(c - 1)
                        && (lexicon().complementizers.contains(self.lower(c - 1))
                            || lexicon().nested_openers.contains(self.lower(c - 1)))
                        && attrs[..k]
                            .iter()
                            .any(|a| a.cue.end < c && a.form != Form::According)
            })
            .collect();
        // "according to X" inside a sentence with another attribution is that one's source.
        let mut via: Option<String> = None;
        let regions: Vec<usize> = attrs.iter().map(|a| a.region).collect();
        // Contents are decided from the last attribution back: one whose cue gives no
        // statement (`the battle will continue`: no speech) ends no content before it. An
        // `according to` source does.
        let mut stated = vec![false; attrs.len()];
        let mut according = None;
        let mut according_at = attrs.len();
        if attrs.len() > 1 {
            if let Some(k) = attrs.iter().position(|a| a.form == Form::According) {
                let a = attrs.remove(k);
                via = Some(self.words(a.cue.start..a.speaker.end));
                according = Some(a);
                according_at = k;
                stated[k] = true;
            }
        }
        // One set off from the content before it (`, and an article cited by her quoted
        // ...`) opens a clause of its own, and ends that content all the same; so does a
        // verb joined to the speaker's (`and warned against hackers`).
        let set_off = |b: usize| {
            self.is_coordinator(b)
                || self.is_punct(b, ",;")
                || (b > lo && self.is_punct(b - 1, ",;\u{2014}\u{2013}"))
                || (b > lo && self.is_quote(b - 1) && self.quote_ends_with_comma(b - 1))
                || (b > lo + 1 && self.is_coordinator(b - 1) && self.is_punct(b - 2, ","))
        };
        for (k, &b) in regions.iter().enumerate() {
            stated[k] |= set_off(b);
        }
        let mut out = Vec::new();
        for (k, a) in attrs.iter().enumerate().rev() {
            // `k` among the attributions before the `according to` one was taken out.
            let at = if k >= according_at { k + 1 } else { k };
            let next_region = regions
                .iter()
                .zip(&nested)
                .zip(&stated)
                // (`laughed and admitted "..."`: one joined right after the cue counts.)
                .filter(|&((&b, &n), &st)| {
                    (b > a.cue.end || (b == a.cue.end && self.is_coordinator(b))) && !n && st
                })
                .map(|((&b, _), _)| b)
                .min()
                .unwrap_or(hi);
            // "Roe, noting the delay, said ...": a participle inside another attribution's
            // speaker phrase has its content end with that phrase.
            let next_region = attrs
                .iter()
                .filter(|b| {
                    a.form == Form::Participle
                        && b.speaker.start < a.cue.start
                        && a.cue.end < b.speaker.end
                        && b.speaker.end <= b.cue.start
                })
                .map(|b| b.speaker.end)
                .fold(next_region, usize::min);
            // (Not one joined to this one by a coordinator: `calling it "a bombshell" and
            // asserting ...` states both.)
            let later_participle = attrs[k + 1..].iter().any(|b| {
                b.form == Form::Participle
                    && self.lower(b.cue.start).ends_with("ing")
                    && !self.is_coordinator(b.region)
            });
            if let Some(mut raw) = self.content(lo, hi, a, next_region, later_participle) {
                if raw.via.is_none() {
                    raw.via = via.clone();
                }
                out.push(raw);
                stated[at] = true;
            }
        }
        out.reverse();
        // "Walker will speak at the rally, according to a report": when no other cue gives a
        // statement, the source is no other one's but the sentence's own.
        if let Some(a) = according.filter(|_| out.is_empty()) {
            out.extend(self.content(lo, hi, &a, hi, false));
        }
        out
    }

    /// Finds the speaker of the cue at `cue`, trying each form in turn.
    fn attribution(
        &self,
        lo: usize,
        hi: usize,
        cue: Range<usize>,
        class: CueClass,
    ) -> Option<Attr> {
        let lex = lexicon();
        if class == CueClass::According {
            // "according to exit polls": any noun phrase names the source here.
            let sp = self.speaker_after(cue.end, hi).or_else(|| {
                let mut k = cue.end;
                while k < hi && self.is_word(k) && k - cue.end < MAX_SPEAKER_WORDS {
                    k += 1;
                }
                let w = if k > cue.end {
                    self.lower(cue.end)
                } else {
                    return None;
                };
                (!lex.prepositions.contains(w) && w != "that").then_some(cue.end..k)
            })?;
            let region = if cue.start > lo && self.is_punct(cue.start - 1, ",") {
                cue.start - 1
            } else {
                cue.start
            };
            return Some(Attr {
                cue: cue.clone(),
                class,
                form: Form::According,
                speaker: sp.clone(),
                name: sp,
                date_tok: None,
                region,
            });
        }
        let participle = self.lower(cue.start).ends_with("ing");
        // "Roe continued to say", "went on to explain", "kept asking": the aspect verb's
        // subject speaks.
        if let Some(j) = self.aspect_verb_before(lo, cue.start, participle) {
            if let Some(found) = self.speaker_before(lo, j, false) {
                return Some(self.before(lo, cue, class, found));
            }
        }
        if participle {
            if let Some(a) = self.progressive(lo, cue.clone(), class) {
                return Some(a);
            }
        }
        // A passive cue states nothing of its subject's: after an auxiliary, over adverbs
        // (`was first reported`, `were quickly derided`), or a past form with an agent (`a
        // practice criticized by the union`, `first reported by the Globe`; not `responded
        // by saying`, nor a question verb's asker: `when pressed by reporters`).
        let mut b = cue.start;
        while !participle && b > lo + 1 && self.is_word(b - 1) && self.manner_or_time(b - 1) {
            b -= 1;
        }
        if b > lo && self.is_word(b - 1) && lex.passive_auxiliaries.contains(self.lower(b - 1)) {
            return None;
        }
        if cue.len() == 1
            && self.passive_with_agent(cue.start)
            && !lex.question_verbs.contains(self.lower(cue.start))
        {
            return None;
        }
        if self.negated(lo, cue.start) {
            return None;
        }
        // ", saying ..." : the sentence's subject speaks.
        if participle {
            // ", saying", "by saying", "before adding"
            // (`needled the "reporter," saying`: the comma inside the quotation mark.)
            // (`, after initially saying`: adverbs may stand before the participle.)
            let mut p = cue.start;
            while p > lo + 2 && self.is_word(p - 1) && self.manner_or_time(p - 1) {
                p -= 1;
            }
            let opens = p > lo + 1
                && (self.is_punct(p - 1, ",\u{2014}\u{2013}")
                    || (self.is_quote(p - 1) && self.quote_ends_with_comma(p - 1))
                    || (self.is_word(p - 1)
                        && lex.participle_prepositions.contains(self.lower(p - 1))));
            if opens {
                let sp = self.subject(lo, p - 1)?;
                return Some(Attr {
                    cue: cue.clone(),
                    class,
                    form: Form::Participle,
                    speaker: sp.0,
                    name: sp.1,
                    date_tok: None,
                    // (A quotation before the participle stays in the content before it.)
                    region: p - usize::from(!self.is_quote(p - 1)),
                });
            }
            return self.participle_of_noun(lo, cue, class);
        }
        // "Ukraine, which had warned that ..."
        let mut j = cue.start;
        while j > lo && self.is_word(j - 1) && lex.time_words.contains(self.lower(j - 1)) {
            j -= 1;
        }
        if j > lo + 1
            && self.is_word(j - 1)
            && lex.relatives.contains(self.lower(j - 1))
            && self.is_punct(j - 2, ",")
        {
            let (mut sp, mut name, _) = self.speaker_before(lo, j - 2, true)?;
            // "..., said Borges, who added that ...": the inverted cue before the name is the
            // earlier attribution's, not part of the speaker.
            if let Some((len, _)) = self.cue_at(sp.start, j - 2) {
                if sp.start + len < sp.end {
                    sp.start += len;
                    name.start = name.start.max(sp.start);
                }
            }
            return Some(Attr {
                cue: cue.clone(),
                class,
                form: Form::Relative,
                speaker: sp,
                name,
                date_tok: None,
                region: j - 2,
            });
        }
        if let Some(found) = self.speaker_before(lo, cue.start, false) {
            let found = self.relative_subject(lo, found);
            return Some(self.before(lo, cue, class, found));
        }
        // "..., said Smith" / "\"...\" said Smith"
        let opens =
            cue.start == lo || self.is_punct(cue.start - 1, ",:") || self.is_quote(cue.start - 1);
        if opens {
            let mut date_tok = None;
            let after = self.skip_adjuncts(cue.end, hi, &mut date_tok);
            let sp = self.speaker_after(after, hi).unwrap_or(after..after);
            let tail = self.skip_adjuncts(sp.end, hi, &mut date_tok);
            // "..., said Sen. Jim Whelan who represents Atlantic City.": a relative clause
            // about the speaker may close the sentence.
            // After a quotation and a say-cue any words may follow the speaker phrase: a
            // description (`said an adviser to both Clintons`), a time (`when asked about
            // it`) or an aside (`known as Bob, speaking publicly`); the quotation is the content.
            let quoted = class == CueClass::Say
                && cue.start > lo
                && (self.is_quote(cue.start - 1)
                    || (cue.start > lo + 1
                        && self.is_punct(cue.start - 1, ",")
                        && self.is_quote(cue.start - 2)));
            let ends = tail >= hi
                || !self.is_word(tail)
                || (tail == sp.end && lex.relatives.contains(self.lower(tail)))
                || quoted;
            if ends && !sp.is_empty() {
                let region = if cue.start > lo && self.is_punct(cue.start - 1, ",") {
                    cue.start - 1
                } else {
                    cue.start
                };
                // "..., said the company's chief executive, Ana Ruiz.": a full name in
                // apposition closing the sentence names the speaker.
                let apposed =
                    (tail == sp.end && self.is_punct(tail, ",") && !self.is_full_name(sp.clone()))
                        .then(|| {
                            let mut e = (tail + 1..hi)
                                .find(|&k| !self.is_word(k) && !self.is_punct(k, "."))
                                .unwrap_or(hi);
                            while e > tail + 1 && !self.is_word(e - 1) {
                                e -= 1;
                            }
                            tail + 1..e
                        })
                        .filter(|r| self.is_full_name(r.clone()) && self.rest_is_punct(r.end, hi));
                let (speaker, name) = match apposed {
                    Some(r) => (sp.start..r.end, r),
                    None => (sp.clone(), sp),
                };
                return Some(Attr {
                    cue,
                    class,
                    form: Form::Inverted,
                    speaker,
                    name,
                    date_tok,
                    region,
                });
            }
            if let Some(a) = self.described_before_comma(lo, cue.clone(), class) {
                return Some(a);
            }
        }
        // "About 9 percent said", "Rubio thanked Miami and said": the clause's own words. A
        // second verb's attribution starts at its conjunction, which ends the first one's
        // content ("praised the bill and stressed that ...").
        let (sp, name) = self.clause_subject(lo, cue.start)?;
        let region = self.coordinator_before(lo, cue.start).unwrap_or(sp.start);
        Some(Attr {
            cue,
            class,
            form: Form::Before,
            speaker: sp.clone(),
            name,
            date_tok: None,
            region,
        })
    }

    /// Whether a negation stands right before the cue at `cue` (`has not said`, `never
    /// said`, `didn't say`), over auxiliaries and adverbs: a negated cue gives no statement.
    pub(super) fn negated(&self, lo: usize, cue: usize) -> bool {
        let lex = lexicon();
        let mut k = cue;
        while k > lo && cue - k < 4 && self.is_word(k - 1) {
            let w = self.lower(k - 1);
            if lex.negators.contains(w) {
                return true;
            }
            let aux = lex.time_words.contains(w)
                || lex.passive_auxiliaries.contains(w)
                || matches!(
                    w,
                    "did" | "does" | "do" | "could" | "can" | "should" | "may" | "might"
                )
                || (w.ends_with("ly") && !self.is_cap(k - 1));
            if !aux {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// The attribution of a speaker phrase before its cue, `(phrase, name, weekday)`: its
    /// region opens at a comma before the phrase, or at a comment clause's `as` set off
    /// before it (`the race is "a dead heat," as Cruz said`: the words before are his).
    pub(super) fn before(
        &self,
        lo: usize,
        cue: Range<usize>,
        class: CueClass,
        (sp, name, date_tok): (Range<usize>, Range<usize>, Option<usize>),
    ) -> Attr {
        let comment_as = sp.start > lo + 1
            && self.is_word(sp.start - 1)
            && self.s(sp.start - 1) == "as"
            && (self.is_punct(sp.start - 2, ",") || self.is_quote(sp.start - 2))
            && self.closes_comment(cue.end, self.is_quote(sp.start - 2));
        let open = if comment_as { sp.start - 1 } else { sp.start };
        let region = if open > lo && self.is_punct(open - 1, ",") {
            open - 1
        } else {
            open
        };
        Attr {
            cue,
            class,
            form: Form::Before,
            speaker: sp,
            name,
            date_tok,
            region,
        }
    }

    /// Whether a comment clause's cue ending at `k` (`as Cruz said`) takes no content of its
    /// own: only adjuncts follow it to the sentence's end, or, after a quotation (`"...," as
    /// Cruz said on Monday, only ...`), to a comma.
    fn closes_comment(&self, k: usize, after_quote: bool) -> bool {
        let n = self.toks.len();
        let hi = (k..n).find(|&j| self.is_punct(j, ".!?;")).unwrap_or(n);
        let mut date = None;
        let j = self.skip_adjuncts(k, hi, &mut date);
        j >= hi || self.adjunct_tail(j, hi) || (after_quote && self.is_punct(j, ","))
    }

    /// `One of the report's authors, Jane Roe, said the plan ...`: a description, then a name
    /// closed by a comma right before the cue, when no speaker follows the cue (a clause
    /// does). The whole phrase from the clause's start speaks; its last capitalised run names
    /// the speaker.
    fn described_before_comma(
        &self,
        lo: usize,
        cue: Range<usize>,
        class: CueClass,
    ) -> Option<Attr> {
        let lex = lexicon();
        let comma = cue.start.checked_sub(1).filter(|&c| c > lo)?;
        if !self.is_punct(comma, ",") || !self.is_word(cue.end) {
            return None;
        }
        let mut s = lo;
        while s < comma && self.is_word(s) && lex.coordinators.contains(self.lower(s)) {
            s += 1;
        }
        let phrase = s..comma;
        // "Mr. Roe": an abbreviation's period stays inside the phrase.
        let period = |k: usize| k > lo && self.is_abbreviation_period(k);
        let plain = |k: usize| self.is_word(k) || self.is_punct(k, ",") || period(k);
        let commas = phrase.clone().filter(|&k| self.is_punct(k, ",")).count();
        // (`The clerk of the court, a Republican who spoke on the condition of anonymity,
        // said`: a cue inside a relative clause of the description is the description's.)
        let described_by_relative = |k: usize| {
            (s..k).any(|j| {
                self.is_word(j)
                    && lexicon().relatives.contains(self.lower(j))
                    && (s..j).any(|c| self.is_punct(c, ","))
            })
        };
        if phrase.len() > MAX_APPOSITIVE
            || commas == 0
            || !phrase.clone().all(plain)
            || phrase
                .clone()
                .any(|k| self.cue_at(k, comma).is_some() && !described_by_relative(k))
        {
            return None;
        }
        // The name closes the phrase: the segment after its last comma, all capitalised. Or
        // the phrase opens with the speaker and a participle or description follows it (`A
        // nurse from the valley, wearing a badge, said`).
        let open = phrase.clone().rev().find(|&k| self.is_punct(k, ","))?;
        let first = phrase.clone().find(|&k| self.is_punct(k, ","))?;
        let last = open + 1..comma;
        let named = !last.is_empty()
            && last.len() <= 5
            && last.clone().all(|k| self.is_cap(k) || period(k));
        let w = self.lower(first + 1);
        let described = first > s
            && first - s <= MAX_SPEAKER_WORDS
            && (lex.determiners.contains(self.lower(s)) || self.is_cap(s))
            && (lex.determiners.contains(w)
                || (w.ends_with("ing") && !lex.not_participles.contains(w)));
        let name = if named {
            last
        } else if described {
            s..first
        } else {
            return None;
        };
        Some(Attr {
            cue,
            class,
            form: Form::Before,
            speaker: phrase.clone(),
            name,
            date_tok: None,
            region: phrase.start,
        })
    }

    /// The words of a speaker phrase, a contracted subject without its verb (`he's` -> `he`).
    pub(super) fn speaker_words(&self, r: Range<usize>) -> String {
        let w = self.words(r.clone());
        let contracted = r.len() == 1
            && lexicon()
                .progressive_auxiliaries
                .contains(self.lower(r.start));
        match w.find(['\'', '\u{2019}']).filter(|_| contracted) {
            Some(k) => w[..k].to_string(),
            None => w,
        }
    }

    /// A participle cue of the same speaker in a sentence, with no subject of its own before
    /// it: `To wit, Smith told Newsmax that A, adding B`, `Roe said "A," adding B`.
    fn coordinate(
        &self,
        lo: usize,
        prev: &Attr,
        cue: Range<usize>,
        class: CueClass,
    ) -> Option<Attr> {
        let k = cue.start.checked_sub(1).filter(|&k| k > lo)?;
        // `"... a decade ago," adding that ...`: the comma may close the quotation.
        let opens = self.is_punct(k, ",")
            || (self.is_quote(k) && self.quote_ends_with_comma(k))
            || (self.is_word(k) && lexicon().participle_prepositions.contains(self.lower(k)));
        if !(opens && self.lower(cue.start).ends_with("ing")) {
            return None;
        }
        (k >= prev.cue.end && prev.form != Form::According).then(|| Attr {
            cue,
            class,
            form: Form::Participle,
            speaker: prev.speaker.clone(),
            name: prev.name.clone(),
            date_tok: prev.date_tok,
            region: if self.is_quote(k) { k + 1 } else { k },
        })
    }
}
