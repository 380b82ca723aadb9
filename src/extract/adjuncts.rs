//! What stands between a cue and its content: time words and phrases (`said in a statement on
//! Friday that`, `said in one of her posts that`), the topic of a cue (`said of the plan that`)
//! and a `tell` cue's addressee (`told reporters that`); and whether only such words follow
//! a cue to the sentence's end (`adjunct_tail`), so that it takes no content after it.

use super::lexicon::lexicon;
use super::tokens::Para;

/// Most words in the topic of a cue (`says of her longtime rival, "..."`).
const MAX_TOPIC_WORDS: usize = 6;

/// Most words of a phrase between a cue and a `that` clause (`said in one of a series of
/// messages that`).
const MAX_PHRASE_WORDS: usize = 12;

impl<'a> Para<'a> {
    /// Skips what may stand between a cue and its content: time words and phrases (`last
    /// week`), `in a statement`, `to reporters`, `in Washington`. Returns the new position and any weekday.
    pub(super) fn skip_adjuncts(&self, mut i: usize, hi: usize, date: &mut Option<usize>) -> usize {
        let lex = lexicon();
        loop {
            if i >= hi || !self.is_word(i) {
                return i;
            }
            let w = self.lower(i);
            if let Some(d) = self.weekday(i) {
                *date = Some(d);
                i += 1;
                continue;
            }
            if lex.weekday_openers.contains(w) && self.weekday(i + 1).is_some() {
                i += 1;
                continue;
            }
            if lex.cue_adverbs.contains(w) || self.manner_adverb(i, hi) {
                i += 1;
                continue;
            }
            // "said last week that", "said this year the ...": an opener and a time word.
            let timed = |k: usize| {
                k < hi && self.is_word(k) && {
                    let t = self.lower(k);
                    (lex.time_words.contains(t) || lex.time_nouns.contains(t))
                        && !lex.weekday_openers.contains(t)
                }
            };
            if lex.weekday_openers.contains(w) && timed(i + 1) {
                i += 2;
                continue;
            }
            if lex.prepositions.contains(w) {
                // prep [det] [adj] HEAD [with|on|to NAME...]
                let mut k = i + 1;
                while k < hi
                    && self.is_word(k)
                    && (lex.determiners.contains(self.lower(k)) || self.lower(k) == "a")
                {
                    k += 1;
                }
                // (`told the council Monday to block the visit`: `to` and a bare lowercase word
                // is an infinitive, not a phrase whose head comes later.)
                let infinitive = w == "to"
                    && k == i + 1
                    && self.is_word(k)
                    && !self.is_cap(k)
                    && !lex.press.contains(self.lower(k))
                    && !lex.pp_heads.contains(self.lower(k))
                    && !lex.time_nouns.contains(self.lower(k));
                if infinitive {
                    return i;
                }
                let head_at = (k..(k + 3).min(hi)).find(|&h| {
                    self.is_word(h)
                        && (lex.pp_heads.contains(self.lower(h))
                            || lex.time_nouns.contains(self.lower(h)))
                });
                if let Some(h) = head_at {
                    let mut e = h + 1;
                    if e < hi
                        && self.is_word(e)
                        && lex.pp_head_links.contains(self.lower(e))
                        && self.is_cap(e + 1)
                    {
                        e += 1;
                        while e < hi
                            && (self.is_cap(e)
                                || (self.is_word(e) && lex.pp_name_joins.contains(self.lower(e))))
                        {
                            e += 1;
                        }
                    }
                    i = e;
                    continue;
                }
                if self.is_cap(k) && k < hi && w != "of" {
                    let mut e = k;
                    while e < hi && self.is_cap(e) {
                        e += 1;
                    }
                    // "in Washington he said" / "to CNN that": the phrase ends before a clause
                    i = e;
                    continue;
                }
                if w == "to" && k < hi && lex.press.contains(self.lower(k)) {
                    i = k + 1;
                    continue;
                }
                // "said after the convention he would ...", "wrote in both listings he was":
                // a short phrase of lowercase words (a determiner or quantifier first), then a
                // subject pronoun opening the content clause.
                let pronoun = (k..(k + 4).min(hi)).find(|&p| {
                    self.is_word(p) && matches!(self.lower(p), "he" | "she" | "they" | "we" | "i")
                });
                if let Some(p) = pronoun.filter(|&p| {
                    p > k
                        && (k..p).all(|x| {
                            self.is_word(x)
                                && !self.is_cap(x)
                                && (!super::mentions::is_name_glue(self.lower(x))
                                    || (x == k && lex.quantifiers.contains(self.lower(x))))
                                && self.cue_at(x, hi).is_none()
                        })
                }) {
                    i = p;
                    continue;
                }
                if let Some(that) = self.phrase_before_that(i, hi) {
                    return that;
                }
            }
            return i;
        }
    }

    /// Whether the word at `i` is an adverb of the cue's manner (`fired back forcefully:`,
    /// `said quietly, "..."`): a lowercase `-ly` word of five letters or more (not `only`)
    /// right before a colon, a comma, a quotation or `that`.
    fn manner_adverb(&self, i: usize, hi: usize) -> bool {
        let n = i + 1;
        !self.is_cap(i)
            && self.lower(i).len() > 4
            && self.lower(i).ends_with("ly")
            && n < hi
            && (self.is_punct(n, ":,") || self.is_quote(n) || self.lower(n) == "that")
    }

    /// `said in one of a series of messages that ...`, `said at a rally in Ohio on Monday that`:
    /// a phrase opened by the preposition at `i` and closed by `that`, of plain words (no
    /// verb, pronoun, clause word, conjunction or cue) and no punctuation. Returns the `that`,
    /// unless a verb follows it (`in the report that was released`: a relative clause).
    fn phrase_before_that(&self, i: usize, hi: usize) -> Option<usize> {
        let lex = lexicon();
        // "vowed to impose tariffs on firms that move": `to` before a verb opens no phrase.
        let next = self.lower(i + 1);
        let nominal = lex.determiners.contains(next) || next == "a" || self.is_cap(i + 1);
        if self.lower(i) == "to" && !nominal && !lex.press.contains(next) {
            return None;
        }
        self.plain_words_to_that(i + 1, hi)
    }

    /// `told The Post and Courier newspaper of Charleston on Saturday that ...`: the `that`
    /// after plain words from `from` (at most `MAX_PHRASE_WORDS`: no verb, pronoun, clause
    /// word, conjunction, cue or punctuation), unless a verb follows it (a relative clause).
    pub(super) fn plain_words_to_that(&self, from: usize, hi: usize) -> Option<usize> {
        let lex = lexicon();
        let that = (from..(from + MAX_PHRASE_WORDS).min(hi))
            .take_while(|&k| self.is_word(k))
            .find(|&k| self.lower(k) == "that")?;
        let plain = |k: usize| {
            let w = self.lower(k);
            !self.clause_word(k, hi)
                && !lex.passive_auxiliaries.contains(w)
                && !lex.coordinators.contains(w)
                && !lex.negators.contains(w)
        };
        let verb_after = self.is_word(that + 1) && {
            let w = self.lower(that + 1);
            lex.finite_verbs.contains(w) || lex.passive_auxiliaries.contains(w)
        };
        ((from..that).all(plain) && !verb_after).then_some(that)
    }

    /// Whether the word at `k` opens or carries a clause: a complementizer, a finite verb, a
    /// subject pronoun, a subordinator, a relative word or a cue (before `hi`).
    pub(super) fn clause_word(&self, k: usize, hi: usize) -> bool {
        let lex = lexicon();
        let w = self.lower(k);
        lex.complementizers.contains(w)
            || lex.finite_verbs.contains(w)
            || lex.pronouns.contains_key(w)
            || lex.subordinators.contains(w)
            || lex.relatives.contains(w)
            || self.cue_at(k, hi).is_some()
    }

    /// Skips the topic of a cue, `says of her rival, "..."`, `said of the plan that ...`,
    /// `said about the movement, "..."`: `of` and a short phrase, then a comma and a quotation,
    /// or `that`; or another topic preposition (`topic_prepositions.txt`) and a short phrase,
    /// then a comma and a quotation. The topic is no speaker.
    pub(super) fn skip_of_topic(&self, i: usize, hi: usize) -> usize {
        if !self.is_word(i) || !lexicon().topic_prepositions.contains(self.lower(i)) {
            return i;
        }
        let of = self.lower(i) == "of";
        let mut k = i + 1;
        while k < hi && self.is_word(k) && k - i <= MAX_TOPIC_WORDS && self.lower(k) != "that" {
            k += 1;
        }
        let quoted = self.is_punct(k, ",:") && self.is_quote(k + 1);
        let that = of && self.is_word(k) && self.lower(k) == "that";
        if k > i + 1 && (quoted || that) {
            k
        } else {
            i
        }
    }

    /// An addressee after a `tell` cue: a pronoun, a capitalised name with its titles, or a
    /// short noun phrase. Returns the position after it.
    pub(super) fn skip_addressee(&self, i: usize, hi: usize) -> usize {
        let lex = lexicon();
        if i >= hi || !self.is_word(i) {
            return i;
        }
        let w = self.lower(i);
        if !self.is_cap(i) && lex.addressees.contains(w) {
            return i + 1;
        }
        let mut k = i;
        if lex.determiners.contains(w) {
            k += 1;
        }
        let start = k;
        while k < hi
            && (self.np_word(k)
                || (self.is_word(k)
                    && lex.addressee_joins.contains(self.lower(k))
                    && self.np_word(k + 1)))
        {
            k += 1;
        }
        // (`told the Senate panel Wednesday`: after a determiner, a name may modify the
        // addressee's lowercase head.)
        if k > start {
            return match self.addressee_head(k, hi) {
                Some(e) if k > i && i < start => e,
                _ => k,
            };
        }
        // "his closest advisers", "a panel on Monday": a determiner and a few lowercase words
        // up to a clause opener, a preposition or a time word.
        if k > i {
            if let Some(e) = self.addressee_head(k, hi) {
                return e;
            }
        }
        i
    }

    /// The end of the lowercase words of an addressee's head from `k`, at most four and none a
    /// clause word, determiner or preposition: before the end, punctuation, `that`, a
    /// preposition opening an adjunct or a time word (so `a panel on Monday`, not `the crowd
    /// a story`). None when no such word or stop is there.
    fn addressee_head(&self, k: usize, hi: usize) -> Option<usize> {
        let lex = lexicon();
        // (Not `of`, `to`, `for` or `about`, which go on with what was told: `told the story
        // of`, `asked him about`.)
        let adjunct =
            |w: &str| lex.prepositions.contains(w) && !matches!(w, "of" | "to" | "for" | "about");
        let stop = |e: usize| {
            let w = self.lower(e);
            self.clause_word(e, hi)
                || lex.determiners.contains(w)
                || lex.prepositions.contains(w)
                || lex.negators.contains(w)
        };
        let mut e = k;
        while e < hi && e - k < 4 && self.is_word(e) && !self.is_cap(e) && !stop(e) {
            e += 1;
        }
        let ends = e >= hi
            || !self.is_word(e)
            || self.lower(e) == "that"
            || self.weekday(e).is_some()
            || lex.time_words.contains(self.lower(e))
            || adjunct(self.lower(e));
        (e > k && ends).then_some(e)
    }

    /// Whether `that` at `k` opens a time phrase closing the sentence (`he said in his speech
    /// that night.`), not a clause.
    pub(super) fn closing_time_phrase(&self, k: usize, hi: usize) -> bool {
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
    pub(super) fn titled_by_possessive(&self, q: usize) -> bool {
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
}
