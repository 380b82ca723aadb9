//! Cue words in a sense that is no speech, read from the content they take: a measure
//! (`declined 1.2 per cent`), a refusal (`declined to say whether`) or violence (`attacked
//! him with a knife`).

use super::frames::Attr;
use super::lexicon::lexicon;
use super::tokens::Para;
use std::ops::Range;

impl Para<'_> {
    /// Whether a cue's reported content shows the cue word in a sense that is no speech: a
    /// quantity or score after a measure cue (`declined 1.2 per cent`, `added a goal`), a
    /// refusal (`declined to say whether`, `asked not to be named`), or violence (`attacked
    /// him with a knife`).
    pub(super) fn not_speech(&self, a: &Attr, r: Range<usize>) -> bool {
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
        // The words after a quantity's opener (`up to`, `more than`), if one starts them.
        let counted = lex
            .quantity_openers
            .iter()
            .find(|o| words.starts_with(o))
            .map_or(&words[..0], |o| &words[o.len()..]);
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
                || counted
                    .first()
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
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
}
