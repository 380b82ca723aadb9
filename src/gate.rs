//! The editorial gate: which findings fail a draft. A rule names an outcome — a verdict, or
//! `not-in-corpus` (unverified because nobody in the corpus has the speaker's name) — for
//! every kind of statement (`unverified`) or for quotations only (`unverified:quotes`).

use crate::error::Error;
use crate::finding::{Finding, Kind, Reason, Verdict};

/// Whether a rule applies to every statement or to quotations (direct and partial) only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    Quotes,
}

/// What a rule matches: a verdict, or a statement whose speaker the corpus does not know.
/// An `unverified` rule leaves the latter to `not-in-corpus`: a corpus that lacks the
/// speaker cannot check the words, and an editor decides whether that fails a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Verdict(Verdict),
    NotInCorpus,
}

impl Outcome {
    /// The outcome of a finding.
    pub fn of(f: &Finding) -> Outcome {
        if f.reason == Some(Reason::SpeakerNotInCorpus) {
            Outcome::NotInCorpus
        } else {
            Outcome::Verdict(f.verdict)
        }
    }

    fn parse(name: &str) -> Option<Outcome> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "not-in-corpus" | "speaker-not-in-corpus" => Some(Outcome::NotInCorpus),
            _ => Verdict::parse(name).map(Outcome::Verdict),
        }
    }
}

/// The set of rules that make a finding need attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailOn {
    rules: Vec<(Outcome, Scope)>,
}

/// The default: altered and misattributed statements, and quotations that are unverified or
/// paraphrased (reported speech may paraphrase; quotation marks promise the speaker's words).
/// A quotation of someone the corpus lacks (`not-in-corpus`) does not fail unless asked.
pub const DEFAULT_FAIL_ON: &str = "altered,misattributed,unverified:quotes,paraphrase:quotes";

impl Default for FailOn {
    fn default() -> Self {
        FailOn::parse(DEFAULT_FAIL_ON).expect("the default parses")
    }
}

impl FailOn {
    /// Parses a comma-separated list such as `altered,misattributed,unverified:quotes`.
    /// An empty list fails nothing.
    pub fn parse(list: &str) -> Result<FailOn, Error> {
        let mut rules = Vec::new();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (name, scope) = match item.split_once(':') {
                Some((n, "quotes")) => (n, Scope::Quotes),
                Some((n, "all")) => (n, Scope::All),
                Some(_) => return Err(invalid(item)),
                None => (item, Scope::All),
            };
            let outcome = Outcome::parse(name).ok_or_else(|| invalid(item))?;
            rules.push((outcome, scope));
        }
        Ok(FailOn { rules })
    }

    /// True when `f` breaks a rule.
    pub fn fails(&self, f: &Finding) -> bool {
        let quote = f.statement.kind != Kind::Indirect;
        let outcome = Outcome::of(f);
        self.rules
            .iter()
            .any(|&(o, scope)| o == outcome && (scope == Scope::All || quote))
    }

    /// Sets `needs_attention` on each finding by these rules.
    pub fn apply(&self, findings: &mut [Finding]) {
        for f in findings {
            f.needs_attention = self.fails(f);
        }
    }
}

fn invalid(item: &str) -> Error {
    Error::Invalid {
        what: "--fail-on rule",
        value: item.to_string(),
        expected: "a verdict (verbatim, near-verbatim, altered, paraphrase, misattributed, unverified) or not-in-corpus, optionally with :quotes",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        let table = [
            (
                "altered",
                Some(vec![(Outcome::Verdict(Verdict::Altered), Scope::All)]),
            ),
            (
                "unverified:quotes, near_verbatim",
                Some(vec![
                    (Outcome::Verdict(Verdict::Unverified), Scope::Quotes),
                    (Outcome::Verdict(Verdict::NearVerbatim), Scope::All),
                ]),
            ),
            (
                "not-in-corpus:quotes",
                Some(vec![(Outcome::NotInCorpus, Scope::Quotes)]),
            ),
            ("", Some(vec![])),
            ("wrong", None),
            ("altered:sometimes", None),
        ];
        for (list, want) in table {
            assert_eq!(FailOn::parse(list).ok().map(|f| f.rules), want, "{list}");
        }
    }
}
