//! Cue words that are no speech where they stand: market and sports senses, violence,
//! refusals and negations, and page furniture (link lines, photo captions). Each row has a
//! speech counterpart, so that a rule that dropped everything would fail.

use super::check;

#[test]
fn other_senses_table() {
    check(&[
        (
            "a noun of what someone writes after `a` and a modifier is no cue",
            "Roe left after a controversial tweet about the budget.",
            vec![],
        ),
        (
            "a noun of what someone writes after a possessive and a modifier is no cue",
            "His second tweet, an hour later, was about the budget.",
            vec![],
        ),
        (
            "after a name's possessive and a modifier",
            "Trump's first tweet on Sunday was a measured comment about the storm.",
            vec![],
        ),
        (
            "after an article and two modifiers",
            "The mayor sent a personally signed post to every voter.",
            vec![],
        ),
        (
            "speech sense: the same word after a plural subject",
            "His aides tweet that the plan is dead.",
            vec![("indirect", "His aides", "tweet", "the plan is dead")],
        ),
        (
            "speech sense: the same word after an auxiliary",
            "The senator will tweet that the plan is dead.",
            vec![("indirect", "The senator", "tweet", "the plan is dead")],
        ),
        (
            "market sense: a cue before a quantity",
            "The index declined 1.2 per cent on Friday after the bank raised rates.",
            vec![],
        ),
        (
            "sports sense: a cue before a score",
            "Both strikers added a goal in the second half of the final.",
            vec![],
        ),
        (
            "market sense of the bare form: add before a quantity",
            "The plan would add 84 billion dollars to the deficit over ten years.",
            vec![],
        ),
        (
            "market sense: a quantity after its opener",
            "Deficits would add up to $1.5 trillion over the next ten years.",
            vec![],
        ),
        (
            "market sense: a comparison before the number",
            "The tax overhaul would add less than 1 percent to national output.",
            vec![],
        ),
        (
            "speech sense: an approximator opening a reported clause's subject",
            "Organizers claimed nearly 400 delegates took part in the call.",
            vec![(
                "indirect",
                "Organizers",
                "claimed",
                "nearly 400 delegates took part in the call",
            )],
        ),
        (
            "keeping sense: maintained a lead",
            "The mayor maintained a comfortable lead over both rivals all spring.",
            vec![],
        ),
        (
            "speech sense of maintained with a clause",
            "The mayor maintained that the audit had found nothing wrong.",
            vec![(
                "indirect",
                "The mayor",
                "maintained",
                "the audit had found nothing wrong",
            )],
        ),
        (
            "commitment sense: agreed to a deal",
            "The two unions agreed to a six-month pause in the talks.",
            vec![],
        ),
        (
            "speech sense of the same cue with a number in a clause",
            "She added that 5 percent of the vote was enough to win.",
            vec![(
                "indirect",
                "She",
                "added",
                "5 percent of the vote was enough to win",
            )],
        ),
        (
            "violence: attacked with a weapon, inside a reported clause",
            "Police said the man attacked a neighbour with a knife.",
            vec![(
                "indirect",
                "Police",
                "said",
                "the man attacked a neighbour with a knife",
            )],
        ),
        (
            "verbal attack stays a statement",
            "Senator Ruth Abara attacked the plan as a giveaway to insurers.",
            vec![(
                "indirect",
                "Ruth Abara",
                "attacked",
                "the plan as a giveaway to insurers",
            )],
        ),
    ]);
}

#[test]
fn negated_and_refused_table() {
    check(&[
        (
            "no response to requests for comment",
            "She did not respond to requests for comment on Monday.",
            vec![],
        ),
        (
            "declined to say whether",
            "The ministry declined to say whether the talks had failed.",
            vec![],
        ),
        (
            "has not said",
            "He has not said he would veto the bill.",
            vec![],
        ),
        (
            "never said, contracted negation",
            "The mayor never said the bridge was safe, and her aide didn't say it either.",
            vec![],
        ),
        (
            "declined as speech: declined an invitation is no refusal to speak but no speech \
             either; a plain said after it stays",
            "The mayor declined to comment. Her deputy said the bridge was closed.",
            vec![("indirect", "Her deputy", "said", "the bridge was closed")],
        ),
    ]);
}

#[test]
fn page_furniture_table() {
    check(&[
        (
            "a READ MORE link line",
            "READ MORE: Minister says the plan is dead\n\nThe minister said the plan was dead.",
            vec![("indirect", "The minister", "said", "the plan was dead")],
        ),
        (
            "a WATCH link line",
            "WATCH: Protesters say the mayor must resign",
            vec![],
        ),
        (
            "a photo caption with its credit",
            "Residents say the river flooded twice this year. (Jane Doe/The Press)\n\n\
             Residents say the river flooded twice this year.",
            vec![(
                "indirect",
                "Residents",
                "say",
                "the river flooded twice this year",
            )],
        ),
        (
            "a party and state in parentheses is no credit",
            "The plan failed, said Sen. Rand Paul (R-Ky.)",
            vec![("indirect", "Rand Paul", "said", "The plan failed")],
        ),
    ]);
}
