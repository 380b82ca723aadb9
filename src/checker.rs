//! The library's front door: a corpus opened once — loaded whole, or through its index (built,
//! or rebuilt when missing, stale or damaged) — that checks articles and verifies claims with
//! the one judge, and applies the editorial gate.

use crate::article::Article;
use crate::claims::Claim;
use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::finding::{Finding, Statement};
use crate::gate::FailOn;
use crate::index::{self, Index, Rebuilt};
use crate::matching::Haystack;
use crate::verdict::{self, Thresholds};
use rayon::prelude::*;
use std::path::PathBuf;

/// Which index to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexChoice {
    /// None: load the whole corpus and align every statement with every turn.
    None,
    /// The index at this path (built when missing, rebuilt when stale or damaged).
    At(PathBuf),
    /// The corpus's default index (`CORPUS/.quotecheck.idx`) when it exists, else none.
    Default,
}

/// What a [`Checker`] is opened with.
#[derive(Debug, Clone)]
pub struct Options {
    /// The corpus directory.
    pub corpus: PathBuf,
    pub index: IndexChoice,
    pub thresholds: Thresholds,
    /// What makes a finding need attention.
    pub fail_on: FailOn,
}

/// Where statements are checked: a corpus loaded whole, or its index.
enum Source {
    Loaded(Haystack),
    Indexed { index: Box<Index>, path: PathBuf },
}

/// A corpus ready to check statements against.
pub struct Checker {
    source: Source,
    corpus: PathBuf,
    thresholds: Thresholds,
    fail_on: FailOn,
}

impl Checker {
    /// Opens the corpus as `opts` says. Returns the checker and what is worth telling the
    /// user: an index built or rebuilt and why, and the corpus files skipped (each one line).
    pub fn open(opts: Options) -> Result<(Checker, Vec<String>)> {
        let dir = opts.corpus;
        let path = match opts.index {
            IndexChoice::None => None,
            IndexChoice::At(p) => Some(p),
            IndexChoice::Default => Some(index::default_path(&dir)).filter(|p| p.exists()),
        };
        let mut notices = Vec::new();
        let source = match path {
            Some(path) => {
                if !dir.is_dir() {
                    return Err(Error::CorpusMissing { path: dir });
                }
                let (index, why) = Index::open_or_build(&dir, &path)?;
                match why {
                    Rebuilt::No => {}
                    Rebuilt::Missing => {
                        notices.push(format!("no index at {}: built it", path.display()))
                    }
                    Rebuilt::Stale => notices.push(format!(
                        "the corpus changed since {} was built: rebuilt it",
                        path.display()
                    )),
                    Rebuilt::Unusable(e) => notices.push(format!("{e}: rebuilt it")),
                }
                notices.extend(
                    index
                        .skipped()
                        .iter()
                        .map(|s| format!("warning: skipped {s}")),
                );
                Source::Indexed {
                    index: Box::new(index),
                    path,
                }
            }
            None => {
                let corpus = Corpus::load(&dir)?;
                notices.extend(
                    corpus
                        .skipped
                        .iter()
                        .map(|s| format!("warning: skipped {s}")),
                );
                Source::Loaded(Haystack::new(corpus))
            }
        };
        Ok((
            Checker {
                source,
                corpus: dir,
                thresholds: opts.thresholds,
                fail_on: opts.fail_on,
            },
            notices,
        ))
    }

    /// The rules that make a finding need attention.
    pub fn fail_on(&self) -> &FailOn {
        &self.fail_on
    }

    /// Extracts the statements of `article` and checks each, in parallel. An index found
    /// damaged while reading it is an error ([`Error::BadIndex`]); [`Checker::rebuild`] mends it.
    pub fn check(&self, article: &Article) -> Result<Vec<Finding>> {
        let statements = crate::statements(article);
        let mut findings = match &self.source {
            Source::Loaded(hay) => statements
                .into_par_iter()
                .map(|s| verdict::judge(hay, s, article.date, &self.thresholds))
                .collect(),
            Source::Indexed { index, .. } => statements
                .into_par_iter()
                .map(|s| {
                    let hay = passages(index, &s)?;
                    Ok(verdict::judge(&hay, s, article.date, &self.thresholds))
                })
                .collect::<Result<Vec<_>>>()?,
        };
        self.fail_on.apply(&mut findings);
        Ok(findings)
    }

    /// Verifies one claim of a claims file (`file`, as given).
    pub fn verify(&self, claim: &Claim, file: &str) -> Result<Finding> {
        let st = claim.statement(file);
        let mut f = match &self.source {
            Source::Loaded(hay) => verdict::judge(hay, st, None, &self.thresholds),
            Source::Indexed { index, .. } => {
                let hay = passages(index, &st)?;
                verdict::judge(&hay, st, None, &self.thresholds)
            }
        };
        f.needs_attention = self.fail_on.fails(&f);
        Ok(f)
    }

    /// How `st` was scored, for a person (`verify --explain`): for a partial statement, its
    /// quoted words and then the whole as reported speech, as the judge checks both.
    pub fn explain(&self, st: &Statement) -> Result<String> {
        let explained = |hay: &Haystack| {
            std::iter::once(st.clone())
                .chain(verdict::reported_part(st))
                .map(|part| {
                    let scored = verdict::score(hay, &part, &self.thresholds);
                    crate::report::explain(&part, &scored.own, &scored.candidates(hay))
                })
                .collect::<String>()
        };
        Ok(match &self.source {
            Source::Loaded(hay) => explained(hay),
            Source::Indexed { index, .. } => explained(&passages(index, st)?),
        })
    }

    /// Rebuilds an index found damaged while reading it; a loaded corpus has nothing to rebuild.
    pub fn rebuild(&mut self) -> Result<()> {
        if let Source::Indexed { index, path } = &mut self.source {
            index::build(&self.corpus, path)?;
            **index = Index::open(path, &self.corpus)?;
        }
        Ok(())
    }
}

/// The passages of the index a statement could be in, as a small haystack.
fn passages(index: &Index, st: &Statement) -> Result<Haystack> {
    let words = index::statement_words(st);
    let order = index::statement_order(st);
    let found = index.candidates(&words, &order)?;
    Ok(Haystack::new(
        index.corpus_for_statement(&found, order.len())?,
    ))
}
