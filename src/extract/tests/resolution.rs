//! Who a speaker is inside the article: pronouns against the sentences before (subject first,
//! sex as evidence, never a name in the pronoun's own clause), names cut from the date and
//! function words stuck to them, role nouns, first names, and nested reported clauses.

use super::check;
use crate::article::Article;
use crate::finding::SpeakerType;

#[test]
fn pronoun_resolution_table() {
    check(&[
        (
            "he: the subject of the sentence before wins over a name mentioned after it",
            "Mark Delgado answered questions from the host, Peter Lindqvist, for an hour.\n\n\
             Delgado took offense at the questions. He suggested that the audit was routine.",
            vec![(
                "indirect",
                "Mark Delgado",
                "suggested",
                "the audit was routine",
            )],
        ),
        (
            "she: a man's first name is skipped for a woman's",
            "Maria Okafor hired Daniel Weiss as her spokesman in May.\n\n\
             \"We will appeal the ruling,\" she said.",
            vec![(
                "direct",
                "Maria Okafor",
                "said",
                "We will appeal the ruling",
            )],
        ),
        (
            "she: a title tells the sex (Mr. is not she)",
            "Ms. Varga met with Mr. Lund at the embassy to discuss the merger.\n\n\
             \"The deal is off,\" she said.",
            vec![("direct", "Varga", "said", "The deal is off")],
        ),
        (
            "he told X: X is not he",
            "Tom Baxter asked Leon Fairweather how tall the tower would be.\n\n\
             \"It could be 300 feet,\" he told Baxter.",
            vec![
                (
                    "indirect",
                    "Tom Baxter",
                    "asked",
                    "how tall the tower would be",
                ),
                ("direct", "Leon Fairweather", "told", "It could be 300 feet"),
            ],
        ),
        (
            "a person introduced after a subordinate clause is the one who speaks next",
            "While Anna Berg sold her shares, the decline worried Paul Ndiaye, head of the \
             pension fund.\n\n\"It was a bad week,\" he said.",
            vec![("direct", "Paul Ndiaye", "said", "It was a bad week")],
        ),
        (
            "a pronoun subject carries its person to the next pronoun",
            "Helen Carver spoke first.\n\nShe thanked the crowd.\n\n\
             She said the plant would reopen in spring.",
            vec![(
                "indirect",
                "Helen Carver",
                "said",
                "the plant would reopen in spring",
            )],
        ),
    ]);
}

#[test]
fn names_as_written_table() {
    check(&[
        (
            "a weekday before the name after a comma is not part of it",
            "Sen. Rafael Ortiz flew home.\n\n\
             In a message posted Friday, Ortiz said the vote was rigged.",
            vec![("indirect", "Rafael Ortiz", "said", "the vote was rigged")],
        ),
        (
            "an opening subordinator is not part of the name",
            "Governor Lena Holt spoke to farmers.\n\n\
             When Holt finished, she said the drought was over.",
            vec![("indirect", "Lena Holt", "said", "the drought was over")],
        ),
        (
            "a party word before a full name is a role",
            "Republican Carla Mendes said the budget was balanced.\n\n\
             Mendes said the deficit was gone.",
            vec![
                (
                    "indirect",
                    "Carla Mendes",
                    "said",
                    "the budget was balanced",
                ),
                ("indirect", "Carla Mendes", "said", "the deficit was gone"),
            ],
        ),
        (
            "a first name alone is the person named in full",
            "Melissa Trent moved to Ohio in 2010.\n\n\
             Melissa said the schools were better there.",
            vec![(
                "indirect",
                "Melissa Trent",
                "said",
                "the schools were better there",
            )],
        ),
        (
            "a surname misspelt by one letter is the person named before",
            "Voters such as Tamsin McAllister were undecided.\n\n\
             McAlister said the race was close.",
            vec![(
                "indirect",
                "Tamsin McAllister",
                "said",
                "the race was close",
            )],
        ),
        (
            "a role noun is the person who holds the role",
            "Gov. Arthur Penn toured the flooded towns.\n\n\
             The governor said the damage was severe.",
            vec![("indirect", "Arthur Penn", "said", "the damage was severe")],
        ),
        (
            "a definite description is the subject just named",
            "Oskar Lindgren won the nomination on Tuesday.\n\n\
             The Democratic nominee said the party was united.",
            vec![("indirect", "Oskar Lindgren", "said", "the party was united")],
        ),
        (
            "a possessive description of someone just named",
            "Rita Vance called on the mayor to apologise.\n\n\
             \"It was outrageous,\" Obama's former campaign strategist said.",
            vec![
                (
                    "indirect",
                    "Rita Vance",
                    "called on",
                    "the mayor to apologise",
                ),
                ("direct", "Rita Vance", "said", "It was outrageous"),
            ],
        ),
        (
            "a writer and the outlet written for",
            "\"The impact is small,\" wrote Cameron Hale for Morning Digest.",
            vec![("direct", "Cameron Hale", "wrote", "The impact is small")],
        ),
        (
            "lowercase description before an institution's name",
            "Critics doubted it, but the conservative-leaning Tax Institute said the plan \
             would cost billions.",
            vec![(
                "indirect",
                "Tax Institute",
                "said",
                "the plan would cost billions",
            )],
        ),
        (
            "a title and a modifier before a full name",
            "Trump met former Miss Universe Lena Ortiz at a gala in the spring.\n\n\
             Ortiz said the attacks were cruel.",
            vec![("indirect", "Lena Ortiz", "said", "the attacks were cruel")],
        ),
        (
            "a spokesman is not the person he speaks for",
            "Oskar Lindgren won the nomination on Tuesday.\n\n\
             The spokesman said the party was united.",
            vec![("indirect", "The spokesman", "said", "the party was united")],
        ),
    ]);
}

#[test]
fn nested_clause_belongs_to_the_outer_speaker() {
    check(&[(
        "Trump said that Clinton once described X as Y: the whole clause is Trump's",
        "Lydia Crane said during a rally that Marcus Hale once described the treaty as \
         \"the best deal ever.\"",
        vec![
            (
                "partial",
                "Lydia Crane",
                "said",
                "Marcus Hale once described the treaty as \"the best deal ever.\"",
            ),
            (
                "partial",
                "Marcus Hale",
                "described",
                "the treaty as \"the best deal ever.\"",
            ),
        ],
    )]);
}

#[test]
fn an_unresolved_surname_stays_a_person() {
    let article = Article::from_bytes("t.txt", b"Okonkwo said the market would recover.");
    let st = crate::extract::extract(&article);
    assert_eq!(st.len(), 1);
    assert_eq!(st[0].speaker, "Okonkwo");
    assert_eq!(st[0].speaker_type, SpeakerType::Person);
    let article = Article::from_bytes("t.txt", b"NATO said the exercise would go ahead.");
    let st = crate::extract::extract(&article);
    assert_eq!(st[0].speaker_type, SpeakerType::Institution);
}

/// The speaker of a sentence's last direct quote, by the sentence's statements' speakers
/// (`run`): who a `he said`/`she said` after them resolves to.
#[test]
fn later_mentions_table() {
    let table: [(&str, &str, &str); 4] = [
        (
            "a group named by its plural is no person a later he can be",
            "Senator Tom Reyes spoke on Monday.\n\nRepublicans said the plan was dead. \
             \"We will see,\" he said.",
            "Tom Reyes",
        ),
        (
            "he after a claim nested in another's statement is the outer speaker",
            "Governor Ed Park's warning that taxes would rise was wrong, Senator Bob Vance \
             said.\n\n\"We will see,\" he said.",
            "Bob Vance",
        ),
        (
            "she after a nested claim, the nested speaker a man",
            "Rival Tom Hale's claim that the bridge would close was false, Mayor Ann Cole \
             said.\n\n\"If my daughter still drove that road, I would be afraid,\" she said.",
            "Ann Cole",
        ),
        (
            "the end of a name said in full (a two-word surname after a title)",
            "Trade minister Carlos Reyes Barragan spoke first.\n\n\
             \"We will not overreact,\" Mr. Reyes Barragan told reporters.",
            "Carlos Reyes Barragan",
        ),
    ];
    for (name, text, want) in table {
        let got = super::run(text);
        let last = got.iter().rev().find(|s| s.0 == "direct");
        assert_eq!(last.map(|s| s.1.as_str()), Some(want), "{name}: {got:?}");
    }
}

/// Institutions as speakers: what `it` and `they` mean, short forms, descriptions with an
/// institution's head noun, and a person's group or campaign (`Her campaign`).
#[test]
fn institutions_table() {
    let table: [(&str, &str, &str); 13] = [
        (
            "an acronym spelling the initials of an institution named before is it",
            "The World Grain Council cut its forecast on Monday.\n\n\
             The WGC said the harvest would be late.",
            "World Grain Council",
        ),
        (
            "an institution's name goes on over `on` (Commission on ...)",
            "The Commission on Rural Schools says the buses are too old.",
            "Commission on Rural Schools",
        ),
        (
            "... and its description then means it (as a speaker: a name's runs stop at `on`)",
            "The Commission on Rural Schools says the buses are too old.\n\n\
             The commission says on its website that the roads are worse.",
            "Commission on Rural Schools",
        ),
        (
            "it: the institution that is the subject of the sentence before",
            "The Harbor Authority released its budget on Monday. It said the port would \
             expand.",
            "Harbor Authority",
        ),
        (
            "it: not a sentence-opening adverb",
            "The Harbor Authority released its budget on Monday.\n\nConversely, it said \
             the port would shrink.",
            "Harbor Authority",
        ),
        (
            "they: the institution named before, never the person named last",
            "Councilwoman Rita Gomez questioned the Metro Transit Agency about delays. \
             They said the new trains would arrive in May.",
            "Metro Transit Agency",
        ),
        (
            "a short form is the institution named in full before",
            "The Daily Courier endorsed the mayor on Sunday.\n\n\
             In an editorial, the Courier said the mayor had earned a second term.",
            "Daily Courier",
        ),
        (
            "a one-word short form that no person has as a surname",
            "The plant belonged to Halvorsen Cement Company until 2010.\n\n\
             Halvorsen said the plant would close in June.",
            "Halvorsen Cement Company",
        ),
        (
            "the union: the institution named last",
            "The Brotherhood of Rail Workers endorsed the senator on Thursday.\n\n\
             \"She has stood with us,\" the union said.",
            "Brotherhood of Rail Workers",
        ),
        (
            "her campaign: the person's",
            "Senator Mara Lind toured the plant.\n\n\
             Her campaign said the visit had been planned for months.",
            "Mara Lind's campaign",
        ),
        (
            "a surname's aides: the person named in full",
            "Senator Mara Lind toured the plant.\n\n\
             Lind's aides said the visit had been planned for months.",
            "Mara Lind's aides",
        ),
        (
            "the Lind campaign: the person's campaign",
            "Senator Mara Lind toured the plant.\n\n\
             The Lind campaign said the visit had been planned for months.",
            "Mara Lind's campaign",
        ),
        (
            "a name ending in an institution's word is no person",
            "The Ohio Farm Council said the harvest was late.",
            "The Ohio Farm Council",
        ),
    ];
    last_speaker_is(&table);
}

/// People named by a description or a place after their name.
#[test]
fn descriptions_table() {
    let table: [(&str, &str, &str); 6] = [
        (
            "a place is no one a later he can be",
            "Omar Velez campaigned on Monday.\n\nThe race in New Hampshire tightened, and \
             South Carolina votes next.\n\n\"We are ready,\" he said.",
            "Omar Velez",
        ),
        (
            "a place is no owner of a campaign",
            "Senator Mara Lind toured a plant in West Virginia.\n\n\
             Her campaign said the visit had been planned for months.",
            "Mara Lind's campaign",
        ),
        (
            "a description opening a sentence is its subject, found like a pronoun",
            "Dana Whitlock says the tariffs will be lifted.\n\n\
             The Democratic vice presidential nominee was speaking Monday in Dayton, hours \
             after Carl Brenner toured the plant.\n\n\
             The Ohio senator said the plan would save jobs.",
            "Dana Whitlock",
        ),
        (
            "a role's rank word must be in the description (the nominee is not the vice nominee)",
            "Democratic vice presidential nominee Paul Adler visited the plant.\n\n\
             Frank Ocampo toured a factory in Akron.\n\n\
             The Republican nominee said the plant would reopen.",
            "Frank Ocampo",
        ),
        (
            "a business role is a role (the businessman is the subject before)",
            "Grant Mahler charges that the fund was a fraud.\n\n\
             The New York businessman says of the fund, \"It was a scam.\"",
            "Grant Mahler",
        ),
        (
            "a person of a place is the person",
            "Sen. Ruth Okafor of Nevada said the bill would pass.",
            "Ruth Okafor",
        ),
    ];
    last_speaker_is(&table);
}

/// Checks a table of (case name, article, speaker of its last statement).
fn last_speaker_is(table: &[(&str, &str, &str)]) {
    for (name, text, want) in table {
        let got = super::run(text);
        let last = got.last().map(|s| s.1.as_str());
        assert_eq!(last, Some(*want), "{name}: {got:?}");
    }
}

/// What a pronoun does not mean in its own sentence: a person named as the object of a
/// preposition (`pressed by Hale`), a law's name.
#[test]
fn pronoun_skips_table() {
    let table: [(&str, &str, &str); 4] = [
        (
            "a subordinator before a pronoun is no part of the speaker",
            "Rosa Delgado toured the plant.\n\n\
             Though she's heralded the plan as proof of her resolve, few agree.",
            "Rosa Delgado",
        ),
        (
            "the asker of a question, named after `by`, is not the pronoun's",
            "Rosa Delgado spoke for an hour at the forum.\n\n\
             When pressed by Sara Hale about how she would pay for it, her answer was to say \
             she would cut waste.",
            "Rosa Delgado",
        ),
        (
            "a person after a preposition in the same sentence is not the pronoun's",
            "Rosa Delgado spoke for an hour at the forum.\n\n\
             When pressed by Sara Hale on the budget, she said the cuts were fair.",
            "Rosa Delgado",
        ),
        (
            "a law's name is no person",
            "Victor Lund opposed the plan.\n\n\
             The Coastal Fisheries Protection Agreement took effect in May, and his office \
             said the vote was rushed.",
            "Victor Lund's office",
        ),
    ];
    last_speaker_is(&table);
}

/// Speakers described rather than named, and names in apposition to a description.
#[test]
fn described_speakers_table() {
    let table: [(&str, &str, &str); 9] = [
        (
            "a definite description later is the someone described before",
            "Ana Ruiz released a new ad on Monday.\n\n\
             \"You work hard,\" a narrator in the Ruiz ad says. \"We know,\" the ad's \
             narrator says.",
            "a narrator in the Ruiz ad",
        ),
        (
            "... by its head noun, past a named person",
            "\"The river rose overnight,\" a farmer near Omaha said.\n\n\
             Gov. Ed Miller toured the levee.\n\n\
             \"We lost the crop,\" the farmer said.",
            "a farmer near Omaha",
        ),
        (
            "a name in apposition after a description names the speaker",
            "A spokeswoman for the water board, Irene Castellano, said the pipes were safe.",
            "Irene Castellano",
        ),
        (
            "the description later means the person it was apposed to",
            "A spokeswoman for the water board, Irene Castellano, said the pipes were safe.\n\n\
             Tom Birch disagreed.\n\n\
             \"The tests were clean,\" the spokeswoman said.",
            "Irene Castellano",
        ),
        (
            "a name after a preposition of place in a description is not the speaker",
            "\"It is too late for us,\" a farmer in Nebraska said.",
            "a farmer in Nebraska",
        ),
        (
            "nor a name inside a description of someone in a thing",
            "Ana Ruiz released a new ad on Monday.\n\n\
             \"You work hard,\" a narrator in the Ruiz ad says.",
            "a narrator in the Ruiz ad",
        ),
        (
            "nor the person a described friend is a friend of",
            "Paul Janssen declined to comment.\n\n\
             A longtime friend of Janssen said he would run.",
            "A longtime friend of Janssen",
        ),
        (
            "an agent after `by` is the source",
            "An analysis by Helen Voss found that prices rose, and an analysis by Helen Voss \
             said the rise would last.",
            "Helen Voss",
        ),
        (
            "an institution's description with nothing named is no person",
            "Mayor Carl Dunning spoke first.\n\n\
             \"The budget is closed,\" the council said.",
            "the council",
        ),
    ];
    last_speaker_is(&table);
}
