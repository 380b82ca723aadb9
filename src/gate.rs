//! The editorial gate: which findings fail a draft. A rule names a verdict, for every kind
//! of statement (`unverified`) or for quotations only (`unverified:quotes`).

use crate::error::Error;
use crate::finding::{Finding, Kind, Verdict};

/// Whether a rule applies to every statement or to quotations (direct and partial) only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    Quotes,
}

/// The set of rules that make a finding need attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailOn {
    rules: Vec<(Verdict, Scope)>,
}

/// The default: altered and misattributed statements, and quotations that are unverified or
/// paraphrased (reported speech may paraphrase; quotation marks promise the speaker's words).
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
            let verdict = Verdict::parse(name).ok_or_else(|| invalid(item))?;
            rules.push((verdict, scope));
        }
        Ok(FailOn { rules })
    }

    /// True when `f` breaks a rule.
    pub fn fails(&self, f: &Finding) -> bool {
        let quote = f.statement.kind != Kind::Indirect;
        self.rules
            .iter()
            .any(|&(v, scope)| v == f.verdict && (scope == Scope::All || quote))
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
        expected: "a verdict (verbatim, near-verbatim, altered, paraphrase, misattributed, unverified), optionally with :quotes",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        let table = [
            ("altered", Some(vec![(Verdict::Altered, Scope::All)])),
            (
                "unverified:quotes, near_verbatim",
                Some(vec![
                    (Verdict::Unverified, Scope::Quotes),
                    (Verdict::NearVerbatim, Scope::All),
                ]),
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
