//! The extractor's word tables (cue verbs, source nouns, time words, phrase heads, function
//! words), loaded once from the data files in `data/` beside this module, one file per table.

use crate::tables::lines;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// How a cue takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A clause follows (or the content stands before the attribution).
    Say,
    /// A clause or a noun phrase follows.
    Obj,
    /// An addressee comes first.
    Tell,
    /// `according to X`.
    According,
    /// Like `Obj`, but only an attribution when its content holds a quotation (`called it
    /// "a disaster"`, `"...," he continued`): without one the verb is rarely speech.
    Quoted,
    /// Like `Say`, but only an attribution with a `that` clause or a quotation (`charges that
    /// ...`): otherwise the verb is rarely speech (`charged with murder`).
    Clause,
}

impl CueClass {
    /// The class's name in `data/cues.txt`.
    pub fn as_str(self) -> &'static str {
        match self {
            CueClass::Say => "say",
            CueClass::Obj => "obj",
            CueClass::Tell => "tell",
            CueClass::According => "according",
            CueClass::Quoted => "quoted",
            CueClass::Clause => "clause",
        }
    }
}

/// The tables.
pub struct Lexicon {
    /// Cue forms: first word -> [(all words, class)], longest first.
    pub cues: HashMap<&'static str, Vec<(Vec<&'static str>, CueClass)>>,
    /// Nouns that carry someone's words (`a statement from X`, `a spokesman for X`).
    pub source_nouns: HashSet<&'static str>,
    /// Time adverbs and auxiliaries between a speaker and the cue (`has denied`, `said Friday`).
    pub time_words: HashSet<&'static str>,
    /// Phrase heads between a cue and its content (`said in a statement that`).
    pub pp_heads: HashSet<&'static str>,
    /// Words that end a speaker phrase read forwards (`said Smith in an interview`).
    pub phrase_breaks: HashSet<&'static str>,
    /// Conjunctions that open a subordinate clause (`as`, `because`): not a cue's content.
    pub subordinators: HashSet<&'static str>,
    /// Conjunctions that open an adverbial clause before its main clause (`Although Roe
    /// said X, she ...`).
    pub clause_openers: HashSet<&'static str>,
    /// Words in "-ing" that are not participles (`including`, `morning`).
    pub not_participles: HashSet<&'static str>,
    /// Nouns of a writer's appositive after a reported clause (`, a claim officials deny`).
    pub clause_appositives: HashSet<&'static str>,
    /// Words that open a relative clause about the speaker (`which`, `who`).
    pub relatives: HashSet<&'static str>,
    /// Words after which a speech participle has the clause's subject as speaker (`by saying`).
    pub participle_prepositions: HashSet<&'static str>,
    /// Verbs of aspect whose subject speaks the cue after them (`continued to say`).
    pub aspect_verbs: HashSet<&'static str>,
    /// Quantifiers that stand alone as a subject (`Several said`).
    pub standalone_quantifiers: HashSet<&'static str>,
    /// Words that open a speaker phrase read forwards (`said one former aide`).
    pub quantifiers: HashSet<&'static str>,
    /// Conjunctions joining verbs or clauses (`and`, `but`, `or`).
    pub coordinators: HashSet<&'static str>,
    /// Words that open a cue's complement clause (`said that`, `asked whether`).
    pub complementizers: HashSet<&'static str>,
    /// Words before a speaker that embed its attribution in an earlier cue's content (`what`).
    pub nested_openers: HashSet<&'static str>,
    /// Words inside a date phrase that name no time themselves (`in early June`).
    pub date_modifiers: HashSet<&'static str>,
    /// Quotation-only cues that are speech with content `Y as Z` (`cited the audit as ...`).
    pub as_cues: HashSet<&'static str>,
    /// Quotation-only cues that name their pronoun object without one (`called him divisive`).
    pub naming_cues: HashSet<&'static str>,
    /// Endings that mark an adjective a naming cue calls its object (`called it reckless`).
    pub adjective_endings: Vec<&'static str>,
    /// Object pronouns and reflexives (`him`, `herself`).
    pub object_pronouns: HashSet<&'static str>,
    /// Particles of phrasal verbs (`called it off`).
    pub particles: HashSet<&'static str>,
    /// Nouns of a reply before a copula (`her answer was that ...`).
    pub answer_nouns: HashSet<&'static str>,
    /// Auxiliaries that make a cue passive (`is said to be`).
    pub passive_auxiliaries: HashSet<&'static str>,
    /// Words skipped after a cue when a weekday follows (`said last Friday`).
    pub weekday_openers: HashSet<&'static str>,
    /// Adverbs skipped between a cue and its content (`said again that`, `said yesterday`).
    pub cue_adverbs: HashSet<&'static str>,
    /// Words joining a name to a phrase head (`in an interview with CNN`).
    pub pp_head_links: HashSet<&'static str>,
    /// Prepositions of place or relation after a description (`a voter in Ohio`).
    pub description_prepositions: HashSet<&'static str>,
    /// Lowercase words inside a name after a phrase head (`the Council of Europe`).
    pub pp_name_joins: HashSet<&'static str>,
    /// Addressees after `to` between a cue and its content (`said to reporters`).
    pub press: HashSet<&'static str>,
    /// Lowercase one-word addressees of a tell cue (`told reporters`).
    pub addressees: HashSet<&'static str>,
    /// Words inside an addressee's name (`the Department of Justice`).
    pub addressee_joins: HashSet<&'static str>,
    /// Words inside a speaker phrase between name words (`Department of Justice`).
    pub name_joins: HashSet<&'static str>,
    /// Words between a source noun and its name (`a statement from the White House`).
    pub source_links: HashSet<&'static str>,
    /// Words inside a clause's subject phrase (`A statement from the White House`).
    pub subject_links: HashSet<&'static str>,
    /// Words in "'s" that are contractions, not possessives (`it's`, `that's`).
    pub not_possessives: HashSet<&'static str>,
    /// Determiners that open a noun phrase.
    pub determiners: HashSet<&'static str>,
    /// Prepositions: a noun phrase right after one is not a subject.
    pub prepositions: HashSet<&'static str>,
    /// Subject pronouns and the kind of speaker each refers to.
    pub pronouns: HashMap<&'static str, Referent>,
    /// Capitalised words that never start a person's name (`The`, `He`), as written.
    pub not_name_starts: HashSet<&'static str>,
    /// Words that stick to a name without being part of it (`Meanwhile Clinton`), lower case.
    pub not_name_words: HashSet<&'static str>,
    /// Words that make a capitalised run an institution (`Tax Foundation`), lower case.
    pub institution_words: HashSet<&'static str>,
    /// Places (`new york`, `libya`): a run that is one names no person and no institution.
    pub places: HashSet<&'static str>,
    /// Words that make a role another one (`vice`, `deputy`), lower case.
    pub rank_words: HashSet<&'static str>,
    /// Lowercase heads of a description of an institution (`the union`), lower case, each
    /// with whether the institution's name must hold it (`the campaign`).
    pub institution_nouns: HashMap<&'static str, bool>,
    /// Plural nouns that name a group, never one person (`republicans`).
    pub group_nouns: HashSet<&'static str>,
    /// Roles of people who speak for someone else (`spokesman`, `aide`), lower case.
    pub helper_roles: HashSet<&'static str>,
    /// US state abbreviations (`Miss`, `Fla`), as written.
    pub state_abbreviations: HashSet<&'static str>,
    /// Cue words that measure, not speak, before a quantity (`declined 1.2 per cent`).
    pub measure_cues: HashSet<&'static str>,
    /// Nouns of quantity or score after a measure cue (`goal`, `percent`).
    pub measure_objects: HashSet<&'static str>,
    /// Things one attacks with (`with a knife`): the cue is violence, not speech.
    pub weapons: HashSet<&'static str>,
    /// Verbs after `declined to` that make a refusal to speak (`say`, `comment`).
    pub refusal_objects: HashSet<&'static str>,
    /// Cues that refuse before `to` and a refusal verb (`declined`, `refused`).
    pub refusal_cues: HashSet<&'static str>,
    /// Negations right before a cue (`has not said`).
    pub negators: HashSet<&'static str>,
    /// Labels of link lines and page furniture (`read more`, `watch`).
    pub furniture_labels: HashSet<&'static str>,
    /// Cue words that also name violence (`attacked`).
    pub physical_cues: HashSet<&'static str>,
    /// Nouns that carry someone's words (`claim`, `warning`): `X's claim that ...`.
    pub noun_cues: HashSet<&'static str>,
    /// Verbs that carry a noun cue for their subject (`made a claim that`).
    pub light_verbs: HashSet<&'static str>,
    /// Finite auxiliaries and modals (`will`, `had`): after an inverted cue they show a clause.
    pub finite_verbs: HashSet<&'static str>,
    /// Irregular past tenses that end a noun cue's clause as the sentence's verb (`went`).
    pub irregular_pasts: HashSet<&'static str>,
    /// Forms of `be` (and contracted subjects, `he's`) that make a cue in `-ing` progressive.
    pub progressive_auxiliaries: HashSet<&'static str>,
    /// Heads of time phrases between a cue and its content (`said from the start that`).
    pub time_nouns: HashSet<&'static str>,
    /// Recordings that show someone speaking (`footage of Smith saying`).
    pub depiction_nouns: HashSet<&'static str>,
    /// What someone writes or issues (`posted tweets saying`): the clause's subject speaks.
    pub authored_nouns: HashSet<&'static str>,
    /// Words opening the writer's aside after reported content (`, although he ...`); two-word
    /// forms joined with `_`.
    pub asides: HashSet<&'static str>,
    /// Prepositions opening a cue's topic before a comma and a quotation (`said of her rival,`).
    pub topic_prepositions: HashSet<&'static str>,
    /// Words after `as` that make a comparison or condition, not a clause of time (`as long
    /// as`, `as soon as`).
    pub as_degree_words: HashSet<&'static str>,
    /// Abbreviations after which a period does not end a sentence (`mr`, `sen`), lower case.
    pub abbreviations: HashSet<&'static str>,
    /// Abbreviations that end a personal name (`jr`), lower case.
    pub name_suffixes: HashSet<&'static str>,
    /// Abbreviations that stand only before a number (`no`, as in `No. 2`), lower case.
    pub number_abbreviations: HashSet<&'static str>,
    /// Words that count like a numeral (`half`, `dozen`), after an approximator (`about`).
    pub number_words: HashSet<&'static str>,
    /// Words that make a number approximate (`about`, `around`), lower case.
    pub approximators: HashSet<&'static str>,
    /// Phrases that open a quantity before its number (`up to`, `more than`), as word lists.
    pub quantity_openers: Vec<Vec<&'static str>>,
    /// Participles that put a question when they open a clause (`asked`, `pressed`).
    pub question_verbs: HashSet<&'static str>,
    /// Function words the learned content-end model (`ends.rs`) sees as themselves.
    pub end_words: HashSet<&'static str>,
}

impl Lexicon {
    /// The class of a cue verb form as a statement gives it (`said`, `points out`), in any
    /// case; `None` for a form the verb table lacks (a noun cue, a colon frame).
    pub fn cue_class(&self, cue: &str) -> Option<CueClass> {
        let words: Vec<String> = cue.split_whitespace().map(str::to_lowercase).collect();
        let forms = self.cues.get(words.first()?.as_str())?;
        forms
            .iter()
            .find(|(w, _)| w.iter().eq(words.iter()))
            .map(|(_, c)| *c)
    }
}

/// Whether a run of words (as written) is exactly a place's name (`data/places.txt`).
pub fn is_place(name: &str) -> bool {
    let folded: Vec<String> = name
        .split_whitespace()
        .map(crate::article::fold_word)
        .collect();
    lexicon().places.contains(folded.join(" ").as_str())
}

/// The tables, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut cues: HashMap<&str, Vec<(Vec<&str>, CueClass)>> = HashMap::default();
        for l in lines(include_str!("data/cues.txt")) {
            let Some((form, class)) = l.split_once(' ') else {
                continue;
            };
            let class = match class.trim() {
                "obj" => CueClass::Obj,
                "tell" => CueClass::Tell,
                "according" => CueClass::According,
                "quoted" => CueClass::Quoted,
                "clause" => CueClass::Clause,
                _ => CueClass::Say,
            };
            let words: Vec<&str> = form.split('_').collect();
            cues.entry(words[0]).or_default().push((words, class));
        }
        for v in cues.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            v.dedup_by(|a, b| a.0 == b.0);
        }
        let mut pronouns = HashMap::default();
        for l in lines(include_str!("data/pronouns.txt")) {
            let Some((word, kind)) = l.split_once(' ') else {
                continue;
            };
            let referent = match kind.trim() {
                "person" => Referent::Person,
                "institution" => Referent::Institution,
                _ => Referent::Any,
            };
            pronouns.insert(word, referent);
        }
        Lexicon {
            cues,
            source_nouns: lines(include_str!("data/source_nouns.txt")).collect(),
            time_words: lines(include_str!("data/time_words.txt")).collect(),
            pp_heads: lines(include_str!("data/pp_heads.txt")).collect(),
            phrase_breaks: lines(include_str!("data/phrase_breaks.txt")).collect(),
            subordinators: lines(include_str!("data/subordinators.txt")).collect(),
            clause_openers: lines(include_str!("data/clause_openers.txt")).collect(),
            not_participles: lines(include_str!("data/not_participles.txt")).collect(),
            relatives: lines(include_str!("data/relatives.txt")).collect(),
            clause_appositives: lines(include_str!("data/clause_appositives.txt")).collect(),
            aspect_verbs: lines(include_str!("data/aspect_verbs.txt")).collect(),
            participle_prepositions: lines(include_str!("data/participle_prepositions.txt"))
                .collect(),
            standalone_quantifiers: lines(include_str!("data/standalone_quantifiers.txt"))
                .collect(),
            quantifiers: lines(include_str!("data/quantifiers.txt")).collect(),
            coordinators: lines(include_str!("data/coordinators.txt")).collect(),
            complementizers: lines(include_str!("data/complementizers.txt")).collect(),
            nested_openers: lines(include_str!("data/nested_openers.txt")).collect(),
            date_modifiers: lines(include_str!("data/date_modifiers.txt")).collect(),
            as_cues: lines(include_str!("data/as_cues.txt")).collect(),
            naming_cues: lines(include_str!("data/naming_cues.txt")).collect(),
            adjective_endings: lines(include_str!("data/adjective_endings.txt")).collect(),
            object_pronouns: lines(include_str!("data/object_pronouns.txt")).collect(),
            particles: lines(include_str!("data/particles.txt")).collect(),
            answer_nouns: lines(include_str!("data/answer_nouns.txt")).collect(),
            passive_auxiliaries: lines(include_str!("data/passive_auxiliaries.txt")).collect(),
            weekday_openers: lines(include_str!("data/weekday_openers.txt")).collect(),
            cue_adverbs: lines(include_str!("data/cue_adverbs.txt")).collect(),
            pp_head_links: lines(include_str!("data/pp_head_links.txt")).collect(),
            description_prepositions: lines(include_str!("data/description_prepositions.txt"))
                .collect(),
            pp_name_joins: lines(include_str!("data/pp_name_joins.txt")).collect(),
            press: lines(include_str!("data/press.txt")).collect(),
            addressees: lines(include_str!("data/addressees.txt")).collect(),
            addressee_joins: lines(include_str!("data/addressee_joins.txt")).collect(),
            name_joins: lines(include_str!("data/name_joins.txt")).collect(),
            source_links: lines(include_str!("data/source_links.txt")).collect(),
            subject_links: lines(include_str!("data/subject_links.txt")).collect(),
            not_possessives: lines(include_str!("data/not_possessives.txt")).collect(),
            determiners: lines(include_str!("data/determiners.txt")).collect(),
            prepositions: lines(include_str!("data/prepositions.txt")).collect(),
            pronouns,
            not_name_starts: lines(include_str!("data/not_name_starts.txt")).collect(),
            abbreviations: lines(include_str!("data/abbreviations.txt")).collect(),
            number_abbreviations: lines(include_str!("data/number_abbreviations.txt")).collect(),
            name_suffixes: lines(include_str!("data/name_suffixes.txt")).collect(),
            number_words: lines(include_str!("data/number_words.txt")).collect(),
            approximators: lines(include_str!("data/approximators.txt")).collect(),
            quantity_openers: lines(include_str!("data/quantity_openers.txt"))
                .map(|l| l.split_whitespace().collect())
                .collect(),
            question_verbs: lines(include_str!("data/question_verbs.txt")).collect(),
            institution_words: lines(include_str!("data/institution_words.txt")).collect(),
            institution_nouns: lines(include_str!("data/institution_nouns.txt"))
                .map(|l| match l.split_once(' ') {
                    Some((w, flag)) => (w, flag.trim() == "own"),
                    None => (l, false),
                })
                .collect(),
            rank_words: lines(include_str!("data/rank_words.txt")).collect(),
            places: lines(include_str!("data/places.txt")).collect(),
            group_nouns: lines(include_str!("data/group_nouns.txt")).collect(),
            helper_roles: lines(include_str!("data/helper_roles.txt")).collect(),
            state_abbreviations: lines(include_str!("data/state_abbreviations.txt")).collect(),
            measure_cues: lines(include_str!("data/measure_cues.txt")).collect(),
            measure_objects: lines(include_str!("data/measure_objects.txt")).collect(),
            weapons: lines(include_str!("data/weapons.txt")).collect(),
            refusal_objects: lines(include_str!("data/refusal_objects.txt")).collect(),
            refusal_cues: lines(include_str!("data/refusal_cues.txt")).collect(),
            negators: lines(include_str!("data/negators.txt")).collect(),
            furniture_labels: lines(include_str!("data/furniture_labels.txt")).collect(),
            physical_cues: lines(include_str!("data/physical_cues.txt")).collect(),
            noun_cues: lines(include_str!("data/noun_cues.txt")).collect(),
            light_verbs: lines(include_str!("data/light_verbs.txt")).collect(),
            not_name_words: lines(include_str!("data/not_name_words.txt")).collect(),
            finite_verbs: lines(include_str!("data/finite_verbs.txt")).collect(),
            irregular_pasts: lines(include_str!("data/irregular_pasts.txt")).collect(),
            progressive_auxiliaries: lines(include_str!("data/progressive_auxiliaries.txt"))
                .collect(),
            time_nouns: lines(include_str!("data/time_nouns.txt")).collect(),
            asides: lines(include_str!("data/asides.txt")).collect(),
            topic_prepositions: lines(include_str!("data/topic_prepositions.txt")).collect(),
            as_degree_words: lines(include_str!("data/as_degree_words.txt")).collect(),
            depiction_nouns: lines(include_str!("data/depiction_nouns.txt")).collect(),
            authored_nouns: lines(include_str!("data/authored_nouns.txt")).collect(),
            end_words: lines(include_str!("data/end_words.txt")).collect(),
        }
    })
}

/// What a pronoun may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referent {
    /// A person (`he`, `she`, `I`).
    Person,
    /// An institution (`it`).
    Institution,
    /// A person or an institution (`they`, `we`, `you`).
    Any,
}

/// Weekday names.
pub use crate::date::WEEKDAYS;
