//! The library's front door: a corpus opened once — loaded whole, or through its index (by
//! default built on first use, inside the corpus folder or in the per-user cache, and rebuilt
//! when stale or damaged) — that checks articles and verifies claims with the one judge, and
//! applies the editorial gate.

use crate::article::Article;
use crate::claims::Claim;
use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::finding::{Finding, Statement};
use crate::gate::FailOn;
use crate::index::{self, Index, Place, Rebuilt};
use crate::matching::Haystack;
use crate::verdict::{self, Cutoff, Thresholds};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Which index to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexChoice {
    /// None: load the whole corpus and align every statement with every turn.
    None,
    /// The index at this path (built when missing, rebuilt when stale or damaged).
    At(PathBuf),
    /// The corpus's default index, built on first use and kept fresh: inside the corpus
    /// folder when it may be written, else in the per-user cache ([`index::open_default`]).
    Default,
    /// The index at this path used as it is: the corpus is not read (it need not be there;
    /// its path only names the sources), freshness is not checked and nothing is rebuilt.
    /// For machines that hold an index built elsewhere, such as Spark executors.
    AsIs(PathBuf),
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
    Indexed {
        index: Box<Index>,
        path: PathBuf,
        /// Used as it is ([`IndexChoice::AsIs`]): never rebuilt.
        as_is: bool,
    },
}

/// A corpus ready to check statements against.
pub struct Checker {
    source: Source,
    corpus: PathBuf,
    thresholds: Thresholds,
    fail_on: FailOn,
}

/// What is said just before an index is built, so that the user knows what the progress bar
/// (and the wait) is for.
fn before_build(dir: &Path, path: &Path, place: Option<Place>, why: &Rebuilt) -> String {
    let what = match why {
        Rebuilt::Missing => "indexing",
        _ => "re-indexing",
    };
    let mut m = format!("{what} {} into {}", dir.display(), path.display());
    if place == Some(Place::Cache) {
        m.push_str(&format!(
            " (the corpus folder is read-only, so the index goes to the per-user cache; \
             {} sets the cache folder)",
            index::CACHE_ENV
        ));
    }
    if *why == Rebuilt::Missing && place.is_some() {
        m.push_str(": first use; later runs reuse the index (--no-index scans the corpus instead)");
    }
    m
}

/// What is said after an index was opened: built or rebuilt, why, and how long it took.
fn after_build(path: &Path, why: &Rebuilt, secs: f64) -> Option<String> {
    match why {
        Rebuilt::No => None,
        Rebuilt::Missing => Some(format!(
            "no index at {}: built it in {secs:.1}s",
            path.display()
        )),
        Rebuilt::Stale => Some(format!(
            "the corpus changed since {} was built: rebuilt it in {secs:.1}s",
            path.display()
        )),
        Rebuilt::Unusable(e) => Some(format!("{e}: rebuilt it in {secs:.1}s")),
    }
}

impl Checker {
    /// Opens the corpus as `opts` says. Returns the checker and what is worth telling the
    /// user: an index built or rebuilt and why, and the corpus files skipped (each one line).
    pub fn open(opts: Options) -> Result<(Checker, Vec<String>)> {
        let mut notices = Vec::new();
        let checker = Checker::open_with(opts, &mut |n| notices.push(n.to_string()))?;
        Ok((checker, notices))
    }

    /// [`Checker::open`], handing each notice to `notify` as it happens: in particular the
    /// one that an index is about to be built comes before the build (and its progress bar).
    pub fn open_with(opts: Options, notify: &mut dyn FnMut(&str)) -> Result<Checker> {
        let dir = opts.corpus;
        let indexed = |index: Index, path: PathBuf, as_is: bool, notify: &mut dyn FnMut(&str)| {
            for s in index.skipped() {
                notify(&format!("warning: skipped {s}"));
            }
            Source::Indexed {
                index: Box::new(index),
                path,
                as_is,
            }
        };
        let started = Instant::now();
        let source = match opts.index {
            IndexChoice::AsIs(path) => {
                let index = Index::open(&path, &dir)?;
                indexed(index, path, true, notify)
            }
            IndexChoice::At(path) => {
                if !dir.is_dir() {
                    return Err(Error::CorpusMissing { path: dir });
                }
                let (index, why) = Index::open_or_build_with(&dir, &path, &mut |p, why| {
                    notify(&before_build(&dir, p, None, why))
                })?;
                if let Some(m) = after_build(&path, &why, started.elapsed().as_secs_f64()) {
                    notify(&m);
                }
                indexed(index, path, false, notify)
            }
            IndexChoice::Default => {
                if !dir.is_dir() {
                    return Err(Error::CorpusMissing { path: dir });
                }
                match index::open_default(&dir, &mut |p, place, why| {
                    notify(&before_build(&dir, p, Some(place), why))
                })? {
                    Some((index, path, _, why)) => {
                        if let Some(m) = after_build(&path, &why, started.elapsed().as_secs_f64()) {
                            notify(&m);
                        }
                        indexed(index, path, false, notify)
                    }
                    None => {
                        notify(&format!(
                            "warning: {} is read-only and no cache folder is set ({}, \
                             XDG_CACHE_HOME or HOME): no index, so every statement is aligned \
                             with the whole corpus (slow); give --index PATH",
                            dir.display(),
                            index::CACHE_ENV
                        ));
                        load(&dir, notify)?
                    }
                }
            }
            IndexChoice::None => load(&dir, notify)?,
        };
        if let Err(why) = crate::meaning::Model::status() {
            notify(&format!("warning: {why}"));
        }
        Ok(Checker {
            source,
            corpus: dir,
            thresholds: opts.thresholds,
            fail_on: opts.fail_on,
        })
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
                    let hay = passages(index, &s, Cutoff::of(&s, article.date))?;
                    let more = |st: &Statement, own: &[String], cutoff: Cutoff| {
                        speaker_passages(index, st, own, cutoff)
                    };
                    Ok(verdict::judge_with(
                        &hay,
                        Some(&more),
                        s,
                        article.date,
                        &self.thresholds,
                    ))
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
                let hay = passages(index, &st, Cutoff::of(&st, None))?;
                let more = |st: &Statement, own: &[String], cutoff: Cutoff| {
                    speaker_passages(index, st, own, cutoff)
                };
                verdict::judge_with(&hay, Some(&more), st, None, &self.thresholds)
            }
        };
        f.needs_attention = self.fail_on.fails(&f);
        Ok(f)
    }

    /// How `st` was scored, for a person (`verify --explain`): for a partial statement, its
    /// quoted words and then the whole as reported speech, as the judge checks both.
    pub fn explain(&self, st: &Statement) -> Result<String> {
        let cutoff = Cutoff::of(st, None);
        let explained = |hay: &Haystack, more: Option<verdict::MorePassages<'_>>| {
            std::iter::once(st.clone())
                .chain(verdict::reported_part(st))
                .map(|part| {
                    let scored = verdict::score(hay, &part, &self.thresholds, cutoff);
                    let by_meaning = verdict::meaning_passage(hay, more, &part, &scored);
                    crate::report::explain(
                        &part,
                        &scored.own,
                        &scored.candidates(hay),
                        by_meaning.as_ref(),
                    )
                })
                .collect::<String>()
        };
        Ok(match &self.source {
            Source::Loaded(hay) => explained(hay, None),
            Source::Indexed { index, .. } => {
                let more = |st: &Statement, own: &[String], cutoff: Cutoff| {
                    speaker_passages(index, st, own, cutoff)
                };
                explained(&passages(index, st, cutoff)?, Some(&more))
            }
        })
    }

    /// Rebuilds an index found damaged while reading it; a loaded corpus has nothing to
    /// rebuild, and an index used as it is ([`IndexChoice::AsIs`]) cannot be: an error.
    pub fn rebuild(&mut self) -> Result<()> {
        if let Source::Indexed { index, path, as_is } = &mut self.source {
            if *as_is {
                return Err(Error::bad_index(
                    path.clone(),
                    "damaged, and used as it is (no corpus to rebuild it from)",
                ));
            }
            index::build(&self.corpus, path)?;
            **index = Index::open(path, &self.corpus)?;
        }
        Ok(())
    }
}

/// The corpus in `dir` loaded whole, its skipped files told to `notify`.
fn load(dir: &Path, notify: &mut dyn FnMut(&str)) -> Result<Source> {
    let corpus = Corpus::load(dir)?;
    for s in &corpus.skipped {
        notify(&format!("warning: skipped {s}"));
    }
    Ok(Source::Loaded(Haystack::new(corpus)))
}

/// The passages of the speaker (corpus names `own`) that share a statement's words, dated
/// on or before `cutoff`, as a small haystack for the meaning layer; `None` when there are
/// none or the index cannot be read (the judge then reads the statement's own candidates,
/// and a damaged index is found where those are read).
fn speaker_passages(
    index: &Index,
    st: &Statement,
    own: &[String],
    cutoff: Cutoff,
) -> Option<Haystack> {
    let words = index::statement_words(st);
    let chunks = index.speaker_candidates(&words, cutoff.date(), own).ok()?;
    if chunks.is_empty() {
        return None;
    }
    let corpus = index.corpus_for(&chunks).ok()?;
    Some(Haystack::unaligned(corpus))
}

/// The passages of the index a statement could be in, as a small haystack: those dated
/// on or before `cutoff` first.
fn passages(index: &Index, st: &Statement, cutoff: Cutoff) -> Result<Haystack> {
    let words = index::statement_words(st);
    let order = index::statement_order(st);
    let chunks = index.candidates(&words, &order, cutoff.date())?;
    let passages = index.corpus_for_statement(&chunks, order.len())?;
    Ok(Haystack::with_tokens(passages.corpus, passages.words))
}
