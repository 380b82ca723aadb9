//! The two records every stage hands on and every report writer serialises: a [`Statement`]
//! found in an article, and the [`Finding`] that adds its verdict and evidence (its
//! [`Difference`]s and the [`Marked`] passage are structured; writers render them).

use crate::date::Date;
use serde::{Serialize, Serializer};

/// How a statement is given in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A full quotation: the words in quotation marks are the statement.
    Direct,
    /// Reported speech holding some quoted words (`said he would make it "very difficult"`).
    Partial,
    /// Reported speech with no quotation marks.
    Indirect,
}

impl Kind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::Indirect => "indirect",
        }
    }

    /// Parses a kind name.
    pub fn parse(s: &str) -> Option<Kind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "direct" => Some(Kind::Direct),
            "partial" => Some(Kind::Partial),
            "indirect" | "reported" => Some(Kind::Indirect),
            _ => None,
        }
    }
}

/// What sort of speaker a statement is given to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerType {
    Person,
    Institution,
    Unknown,
}

/// A byte range `[start, end)` into the article file.
pub type Span = [usize; 2];

/// An attributed statement found in an article.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// The article's path as given.
    pub file: String,
    /// `S1`, `S2`, ... in article order.
    pub statement_id: String,
    /// 1-based line of the statement's first content byte.
    pub line: usize,
    pub kind: Kind,
    /// The speaker's resolved name (a corpus speaker once checked).
    pub speaker: String,
    /// The speaker as written at the attribution (`he`, `Austin`, `press secretary Jen Psaki`).
    pub speaker_mention: String,
    /// Title or role stripped from the mention (`Kremlin spokesman`).
    pub speaker_role: Option<String>,
    pub speaker_type: SpeakerType,
    /// The cue as written (`said`, `told`, `according to`); none for a continuation.
    pub cue: Option<String>,
    /// The statement's text (pieces of a split quote joined by ` ... `).
    pub content: String,
    /// The quoted words (a direct quote's pieces; a partial statement's quoted phrases).
    pub quoted: Vec<String>,
    /// Byte span of the content when it is one piece.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_span: Option<Span>,
    /// Byte spans of the pieces when the content is split.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_spans: Option<Vec<Span>>,
    pub speaker_span: Option<Span>,
    pub cue_span: Option<Span>,
    /// The day the statement was made, from `said Friday` against the article's date.
    pub statement_date: Option<Date>,
    /// A source the article cites for the attribution itself (`according to Russian news agencies`).
    pub via: Option<String>,
}

impl Statement {
    /// The content's byte spans, one or more.
    pub fn spans(&self) -> Vec<Span> {
        match (&self.content_span, &self.content_spans) {
            (Some(s), _) => vec![*s],
            (None, Some(v)) => v.clone(),
            (None, None) => Vec::new(),
        }
    }
}

/// The six verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The words occur, in order, in a turn of the speaker.
    Verbatim,
    /// The same passage with only harmless differences, each listed.
    NearVerbatim,
    /// Close to a passage of the speaker, changed in substance.
    Altered,
    /// The speaker said this in meaning, not in these words.
    Paraphrase,
    /// Someone else said these words.
    Misattributed,
    /// Nothing in the corpus supports it.
    Unverified,
}

impl Verdict {
    /// All verdicts in report order.
    pub const ALL: [Verdict; 6] = [
        Verdict::Verbatim,
        Verdict::NearVerbatim,
        Verdict::Altered,
        Verdict::Paraphrase,
        Verdict::Misattributed,
        Verdict::Unverified,
    ];

    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Verbatim => "verbatim",
            Verdict::NearVerbatim => "near-verbatim",
            Verdict::Altered => "altered",
            Verdict::Paraphrase => "paraphrase",
            Verdict::Misattributed => "misattributed",
            Verdict::Unverified => "unverified",
        }
    }

    /// Parses a verdict name (`near_verbatim` is accepted for `near-verbatim`).
    pub fn parse(s: &str) -> Option<Verdict> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        Verdict::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Why a statement is `unverified`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The speaker is in the corpus, but no passage on or before the statement's date supports it.
    NoPassage,
    /// Nobody in the corpus has the speaker's name: there is nothing to check it against.
    SpeakerNotInCorpus,
    /// One to three words: finding them somewhere proves nothing.
    TooShort,
    /// Only transcripts dated after the statement hold it: they cannot support it.
    OnlyLaterSources,
}

impl Reason {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NoPassage => "no_passage",
            Reason::SpeakerNotInCorpus => "speaker_not_in_corpus",
            Reason::TooShort => "too_short",
            Reason::OnlyLaterSources => "only_later_sources",
        }
    }

    /// What the reason means, for a person.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::NoPassage => {
                "no passage of the speaker on or before the statement's date supports it"
            }
            Reason::SpeakerNotInCorpus => "the speaker is not in the corpus",
            Reason::TooShort => "too short to check: one to three words are found anywhere",
            Reason::OnlyLaterSources => "only transcripts dated after the statement hold it",
        }
    }
}

/// A statement with its verdict and the evidence for it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    #[serde(flatten)]
    pub statement: Statement,
    pub verdict: Verdict,
    /// Alignment score in [0, 1]: how much of the statement the source passage supports.
    pub score: f64,
    /// For a partial statement: which part decided the verdict (`quoted words`, `reported speech`).
    pub decided_by: Option<String>,
    /// For `unverified`: why (`no_passage`, `speaker_not_in_corpus`, `too_short`,
    /// `only_later_sources`).
    pub reason: Option<Reason>,
    /// Transcript file of the best passage.
    pub source_file: Option<String>,
    pub source_title: Option<String>,
    pub source_date: Option<Date>,
    /// Speaker of the matching turn.
    pub source_speaker: Option<String>,
    /// 1-based line of the matching turn in its file.
    pub source_line: Option<usize>,
    /// For timed sources (captions): where in the recording the passage starts (`00:41:07`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_time: Option<String>,
    /// The matching passage.
    pub source_text: Option<String>,
    /// The passage with the differences marked (serialised in wdiff notation:
    /// `[-said-]{+printed+}`).
    pub source_marked: Option<Marked>,
    /// Word-level differences, statement against source (serialised as `-the (filler)`,
    /// `+not (negation)`, `13,000 -> 30,000 (number)`).
    pub differences: Vec<Difference>,
    /// For `misattributed`: who really said it.
    pub true_speaker: Option<String>,
    /// Problems beside the verdict (a date that does not fit).
    pub flags: Vec<String>,
    /// True when the finding should fail an editorial check.
    pub needs_attention: bool,
    /// What the score is made of (absent when no passage was found).
    pub score_parts: Option<ScoreParts>,
    /// For a paraphrase found by meaning (or a possible one): how the passage supports it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meaning: Option<MeaningParts>,
    /// The best passage of another speaker, or of the speaker in another place, when there
    /// is one and it is not the source already given.
    pub alternative: Option<Alternative>,
}

/// The parts of an alignment score: how many of the statement's words the passage matches,
/// the longest unmatched run, the alignment cost and what counts as substantive.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreParts {
    /// Statement words matched exactly.
    pub matched: usize,
    /// Statement words (ellipses not counted).
    pub words: usize,
    /// Share of the statement's content words (not fillers) found in the passage, in order.
    pub content_coverage: f64,
    /// Longest run of statement words with no exact match.
    pub longest_gap: usize,
    /// Alignment cost (10 per changed word; less for fillers and ellipses).
    pub cost: u32,
    /// Differences that change what was said.
    pub substantive: usize,
    /// Differences that do not.
    pub harmless: usize,
}

impl std::fmt::Display for ScoreParts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "matched {}/{} words, content {:.2}, longest gap {}, cost {}, {} substantive + {} harmless changes",
            self.matched,
            self.words,
            self.content_coverage,
            self.longest_gap,
            self.cost,
            self.substantive,
            self.harmless
        )
    }
}

/// How a passage supports a statement in meaning: the similarity of their sentence vectors
/// against what unrelated sentences would give, and the content words the two share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeaningParts {
    /// `0.5 x (cosine - background) + 0.5 x share`.
    pub score: f64,
    /// Cosine of the statement's and the passage's sentence vectors.
    pub cosine: f64,
    /// The statement's best cosine against unrelated sentences (high for a generic claim).
    pub background: f64,
    /// Share of the statement's content words (weighted by how much each says) the passage holds.
    pub share: f64,
    /// The content words they share.
    pub shared: Vec<String>,
    /// What speaks against support although words and vectors agree (negation, numbers, names).
    pub conflicts: Vec<String>,
    /// The passage answers the turn before it (another speaker's charge), read together.
    pub answer: bool,
}

impl std::fmt::Display for MeaningParts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "meaning {:.2} = 0.5 x (cosine {:.2} - background {:.2}) + 0.5 x share {:.2}; shared: {}",
            self.score,
            self.cosine,
            self.background,
            self.share,
            if self.shared.is_empty() {
                "none".to_string()
            } else {
                self.shared.join(", ")
            }
        )?;
        if self.answer {
            write!(f, "; read with the turn it answers")?;
        }
        if !self.conflicts.is_empty() {
            write!(f, "; conflicts: {}", self.conflicts.join(", "))?;
        }
        Ok(())
    }
}

/// The runner-up source for a statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternative {
    pub speaker: String,
    pub file: String,
    pub line: usize,
    /// What that passage alone would make of the statement.
    pub verdict: Verdict,
    pub score: f64,
}

impl std::fmt::Display for Alternative {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}, score {:.2}) {}:{}",
            self.speaker,
            self.verdict.as_str(),
            self.score,
            self.file,
            self.line
        )
    }
}

/// What kind of difference a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    Filler,
    Contraction,
    /// The same letters, apostrophes or hyphens aside (`hell` printed `he'll`).
    Spelling,
    /// A negation moved into the word or out of it (`was unsatisfied` / `wasn't satisfied`).
    NegationMoved,
    Ellipsis,
    /// Quoted pieces the article joins that stand apart in the source.
    Join,
    Insertion,
    Repetition,
    Shift,
    Negation,
    Number,
    Name,
    Modal,
    Antonym,
    Order,
    Word,
}

impl DiffKind {
    /// True when the change alters what was said.
    pub fn substantive(self) -> bool {
        !matches!(
            self,
            DiffKind::Filler
                | DiffKind::Contraction
                | DiffKind::Spelling
                | DiffKind::NegationMoved
                | DiffKind::Ellipsis
                | DiffKind::Join
                | DiffKind::Insertion
                | DiffKind::Repetition
                | DiffKind::Shift
        )
    }

    /// The label printed after the change.
    pub fn label(self) -> &'static str {
        match self {
            DiffKind::Filler => "filler",
            DiffKind::Contraction => "contraction",
            DiffKind::Spelling => "spelling",
            DiffKind::NegationMoved => "negation in the word",
            DiffKind::Ellipsis => "ellipsis",
            DiffKind::Join => "quotes joined",
            DiffKind::Insertion => "editorial insertion",
            DiffKind::Repetition => "repetition",
            DiffKind::Shift => "reported speech",
            DiffKind::Negation => "negation",
            DiffKind::Number => "number",
            DiffKind::Name => "name",
            DiffKind::Modal => "hedge",
            DiffKind::Antonym => "antonym",
            DiffKind::Order => "word order",
            DiffKind::Word => "word",
        }
    }
}

/// A change of words, source against statement, with the words as written on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A source word the statement leaves out: `-the`.
    Dropped(String),
    /// A statement word the source does not have: `+not`.
    Added(String),
    /// Source words the statement gives otherwise: `13,000 -> 30,000`.
    Replaced { said: String, printed: String },
    /// An editorial ellipsis standing for this many source words: `... for 7 words`.
    Skipped(usize),
    /// Pieces quoted together that the speaker said in different places (`file:line` each).
    Joined(Vec<String>),
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::Dropped(w) => write!(f, "-{w}"),
            Change::Added(w) => write!(f, "+{w}"),
            Change::Replaced { said, printed } => write!(f, "{said} -> {printed}"),
            Change::Skipped(n) => write!(f, "... for {n} words"),
            Change::Joined(places) => write!(f, "pieces from {}", places.join(", ")),
        }
    }
}

/// One difference: the change and its kind. Shown as `13,000 -> 30,000 (number)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub kind: DiffKind,
    pub change: Change,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.change, self.kind.label())
    }
}

impl Serialize for Difference {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A piece of a marked passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// Source text as it is (words matched, and the text between words).
    Same(String),
    /// Source words the article left out.
    Dropped(String),
    /// Words the article has that the source does not.
    Added(String),
    /// Source words the article gives otherwise (an ellipsis prints `...`).
    Changed { said: String, printed: String },
}

/// A source passage with the statement's differences marked, piece by piece.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked(pub Vec<Mark>);

impl Marked {
    /// The passage rendered piece by piece: `same` for unmarked text, `dropped` and `added`
    /// for marked words (a change is its dropped words, then its added ones).
    pub fn render(
        &self,
        same: impl Fn(&str) -> String,
        dropped: impl Fn(&str) -> String,
        added: impl Fn(&str) -> String,
    ) -> String {
        let mut out = String::new();
        for m in &self.0 {
            match m {
                Mark::Same(t) => out.push_str(&same(t)),
                Mark::Dropped(t) => out.push_str(&dropped(t)),
                Mark::Added(t) => out.push_str(&added(t)),
                Mark::Changed { said, printed } => {
                    out.push_str(&dropped(said));
                    out.push_str(&added(printed));
                }
            }
        }
        out
    }

    /// The passage in wdiff notation: `[-dropped-]`, `{+added+}`, `[-said-]{+printed+}`.
    pub fn wdiff(&self) -> String {
        self.render(
            str::to_string,
            |t| format!("[-{t}-]"),
            |t| format!("{{+{t}+}}"),
        )
    }
}

impl Serialize for Marked {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.wdiff())
    }
}
