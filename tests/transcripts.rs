//! Transcripts as they come (issue 16): White House and Pentagon labels (`MS. PSAKI:`,
//! `THE PRESIDENT:`, `SEC. AUSTIN:`, `Q`) resolved to full names, caption files whose cues
//! carry the speaker as `Name:` or `>>`, captions without speakers that are evidence of
//! nobody, and PM transcripts' bare surnames and hard line breaks. Each runs brute force and
//! through an index.

mod common;
use common::*;
use std::path::Path;

/// Writes `files` (name, content) under `dir/corpus`.
fn corpus(dir: &Path, files: &[(&str, &str)]) {
    std::fs::create_dir_all(dir.join("corpus")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join("corpus").join(name), text).unwrap();
    }
}

/// The findings of `article` against `dir/corpus` by brute force; through an index, every
/// statement with the same verdict must show the same speakers and passage. (The verdicts
/// themselves may differ where the index's passage corpus lacks a turn the judge looks for:
/// whether the attributed speaker speaks in the source transcript at all.)
fn findings(dir: &Path, article: &str) -> Vec<serde_json::Value> {
    std::fs::write(dir.join("article.txt"), article).unwrap();
    let brute = jsonl(&check_jsonl_with(dir, "article.txt", &["--no-index"]));
    let indexed = jsonl(&check_jsonl_with(dir, "article.txt", &["--index", "idx"]));
    assert_eq!(brute.len(), indexed.len());
    let shown = [
        "source_speaker",
        "true_speaker",
        "source_text",
        "source_marked",
        "speaker",
    ];
    for (b, i) in brute.iter().zip(&indexed) {
        if b["verdict"] == i["verdict"] {
            for k in shown {
                assert_eq!(b[k], i[k], "{k}: brute force and index disagree");
            }
            assert_eq!(b["alternative"]["speaker"], i["alternative"]["speaker"]);
        }
    }
    brute
}

fn field<'a>(f: &'a serde_json::Value, name: &str) -> &'a str {
    f[name].as_str().unwrap_or("")
}

const BRIEFING: &str = "---\ntitle: Press Briefing by Press Secretary Jen Psaki and National Security Advisor Jake Sullivan, December 7, 2021\ndate: 2021-12-07\n---\n\nMS. PSAKI: Good afternoon. The President will speak with President Putin of Russia tomorrow about the military buildup on the border of Ukraine.\n\nQ Jen, will the President threaten sanctions against Russia if it invades?\n\nMR. SULLIVAN: He will tell him that there will be very real costs if Russia chooses to proceed with an invasion.\n\nMR. SMITH: The schedule for the rest of the week will be sent out tonight to everyone.\n";

const PENTAGON: &str = "---\ntitle: Secretary of Defense Lloyd J. Austin III and Press Secretary John Kirby Hold a Press Briefing\ndate: 2021-12-07\n---\n\nSEC. AUSTIN: We remain deeply concerned about the buildup of Russian forces near the border with Ukraine.\n\nMR. KIRBY: We are watching the border very closely and we will keep talking to our allies.\n";

const REMARKS: &str = "---\ntitle: Remarks by President Biden on the Economy\ndate: 2021-12-07\n---\n\nTHE PRESIDENT: We are going to make it very, very difficult for Russia to invade Ukraine.\n";

const ROSTER: &str = "name,aliases,role,affiliations\nJoe Biden,POTUS,President,White House\n";

#[test]
fn white_house_and_pentagon_labels_resolve_to_full_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(
        d,
        &[
            ("briefing.txt", BRIEFING),
            ("pentagon.txt", PENTAGON),
            ("remarks.txt", REMARKS),
            ("speakers.csv", ROSTER),
        ],
    );
    let article = "Published: 8 Dec 2021\n\n\"The President will speak with President Putin of Russia tomorrow,\" press secretary Jen Psaki said.\n\n\"There will be very real costs if Russia chooses to proceed with an invasion,\" national security adviser Jake Sullivan said.\n\n\"We remain deeply concerned about the buildup of Russian forces near the border with Ukraine,\" Defense Secretary Lloyd Austin said.\n\n\"We are watching the border very closely,\" Pentagon press secretary John Kirby said.\n\n\"We are going to make it very, very difficult for Russia to invade Ukraine,\" President Joe Biden said.\n\n\"Will the President threaten sanctions against Russia if it invades?\" Psaki said.\n\n\"The schedule for the rest of the week will be sent out tonight,\" said Tom Smith.\n";
    let f = findings(d, article);
    let got: Vec<(&str, &str)> = f
        .iter()
        .map(|f| (field(f, "verdict"), field(f, "source_speaker")))
        .collect();
    assert_eq!(
        got,
        [
            ("verbatim", "Jen Psaki"),
            ("verbatim", "Jake Sullivan"),
            ("verbatim", "Lloyd J. Austin III"),
            ("verbatim", "John Kirby"),
            ("verbatim", "Joe Biden"),
            ("misattributed", "Q (reporter)"),
            ("verbatim", "MR. SMITH"),
        ],
        "{f:#?}"
    );
    // A label that names nobody is flagged on the finding.
    let flags = f[6]["flags"].as_array().unwrap();
    assert!(
        flags.iter().any(|x| x
            .as_str()
            .unwrap()
            .contains("the transcript's label \"MR. SMITH\" names no full name")),
        "{flags:?}"
    );
    assert!(
        f[0]["flags"].as_array().unwrap().is_empty(),
        "{:?}",
        f[0]["flags"]
    );
    // `quotecheck index` says which labels stayed unresolved.
    let out = run(d, &["index", "corpus", "--index", "idx2"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("note: 1 speaker label names no full name")
            && stderr(&out).contains("keep the label: MR. SMITH"),
        "{}",
        stderr(&out)
    );
}

/// The first debate's moderator and candidates, as a transcript.
const DEBATE: &str = "---\ntitle: The First Kennedy-Nixon Presidential Debate\ndate: 1960-09-26\nspeakers: Howard K. Smith (Moderator); John F. Kennedy (Senator); Richard M. Nixon (Vice President)\n---\n\nHoward K. Smith: Good evening. The television and radio stations of the United States are proud to provide facilities for a discussion of issues in the current political campaign.\n\nJohn F. Kennedy: I think it's time America started moving again, and I think we can do better.\n\nRichard M. Nixon: The things that Senator Kennedy has said, many of us can agree with.\n";

/// The same debate's video captions, without any speaker information.
const CAPTIONS: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\ngood evening the television and radio stations of the united states are proud to provide facilities\n\n00:00:05.000 --> 00:00:08.000\nfor a discussion of issues in the current political campaign\n\n00:41:07.000 --> 00:41:10.000\ni think it's time america started moving again and i think we can do better\n";

#[test]
fn captions_without_speakers_are_evidence_of_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(
        d,
        &[("1960-09-26.txt", DEBATE), ("1960-09-26.vtt", CAPTIONS)],
    );
    let article = "\"The television and radio stations of the United States are proud to provide facilities for a discussion of issues,\" Nixon said.\n\n\"I think it's time America started moving again,\" Kennedy said.\n";
    let f = findings(d, article);
    // The moderator's words given to Nixon are someone else's: the transcript's moderator,
    // never the captions' unknown speaker.
    assert_eq!(field(&f[0], "verdict"), "misattributed", "{f:#?}");
    assert_eq!(field(&f[0], "true_speaker"), "Howard K. Smith");
    assert_eq!(field(&f[1], "verdict"), "verbatim");
    for x in &f {
        assert_ne!(x["alternative"]["speaker"], "Unknown", "{x:#?}");
        assert_ne!(x["true_speaker"], "Unknown", "{x:#?}");
    }
    // With only the captions, nobody is known to have said it: unverified, not misattributed.
    std::fs::remove_file(d.join("corpus/1960-09-26.txt")).unwrap();
    let f = findings(d, article);
    assert_eq!(field(&f[0], "verdict"), "unverified", "{f:#?}");
    assert!(f[0]["alternative"].is_null(), "{:#?}", f[0]);
}

/// Broadcast captions: `>>` marks a change of speaker, `NAME:` names the speaker.
const SRT: &str = "1\n00:00:01,000 --> 00:00:04,000\n>> SMITH: Good evening. Tonight the two candidates meet.\n\n2\n00:00:04,000 --> 00:00:08,000\n>> NIXON: The things that Senator Kennedy has said, many of us can agree with.\n\n3\n00:00:08,000 --> 00:00:12,000\n>> Thank you very much for that answer tonight in this studio.\n\n4\n00:00:12,000 --> 00:00:15,000\nKENNEDY: I think it's time America started moving again.\n";

#[test]
fn caption_cues_carry_the_speaker_by_name_and_chevrons() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(
        d,
        &[
            ("1960-09-26.srt", SRT),
            (
                "1960-09-26.srt.meta",
                "title: First debate (captions)\nspeakers: Howard K. Smith (Moderator); John F. Kennedy (Senator); Richard M. Nixon (Vice President)\n",
            ),
        ],
    );
    let article = "\"The things that Senator Kennedy has said, many of us can agree with,\" Nixon said.\n\n\"The things that Senator Kennedy has said, many of us can agree with,\" Kennedy said.\n\n\"I think it's time America started moving again,\" Kennedy said.\n\n\"Thank you very much for that answer tonight in this studio,\" Nixon said.\n";
    let f = findings(d, article);
    let got: Vec<(&str, &str, &str)> = f
        .iter()
        .map(|f| {
            (
                field(f, "verdict"),
                field(f, "source_speaker"),
                field(f, "source_time"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("verbatim", "Richard M. Nixon", "00:00:04"),
            ("misattributed", "Richard M. Nixon", "00:00:04"),
            ("verbatim", "John F. Kennedy", "00:00:12"),
            // after a bare `>>` the speaker is unknown: nobody's words, not Nixon's
            ("unverified", "", ""),
        ],
        "{f:#?}"
    );
}

/// A PM transcript of the 1980s: the label is the bare surname and each printed line is a
/// paragraph of its own.
const HAWKE: &str = "---\ntitle: TRANSCRIPT OF INTERVIEW BETWEEN PRIME MINISTER AND DERRYN HINCH, 3AW, 5 MARCH 1984\ndate: 1984-03-05\nspeaker: Robert Hawke\naliases: PM = Robert Hawke; PRIME MINISTER = Robert Hawke\n---\n\nHINCH: Do you think you have delivered?\n\nHAWKE: Yes generally speaking Derryn that's right. I think we have\n\ndelivered on the major problems and the one that's basic to everything\n\nelse and that is national reconciliation.\n";

/// A Rudd press conference where the deputy speaks as `GILLARD:` and the title names her not.
const RUDD: &str = "---\ntitle: Press Conference with the Deputy Prime Minister, Queanbeyan\ndate: 2008-01-30\nspeaker: Kevin Rudd\naliases: PM = Kevin Rudd; PRIME MINISTER = Kevin Rudd\n---\n\nPM: Thank you all for coming this morning.\n\nGILLARD: Of course the task we are engaged in here is the curriculum development\n\nfor the whole nation, and we will get it done.\n";

/// One of her own transcripts, so the corpus knows her full name.
const GILLARD: &str = "---\ntitle: Doorstop interview, Melbourne\ndate: 2011-06-02\nspeaker: Julia Gillard\naliases: PM = Julia Gillard\n---\n\nPM: Good morning everyone.\n";

#[test]
fn pm_transcripts_show_full_names_and_joined_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(
        d,
        &[
            ("hawke.txt", HAWKE),
            ("rudd.txt", RUDD),
            ("gillard.txt", GILLARD),
        ],
    );
    let article = "\"I think we have delivered on the major problems,\" Bob Hawke said.\n\n\"The task we are engaged in here is the curriculum development for the whole nation,\" Julia Gillard said.\n\n\"I think we have delivered on the major problems,\" Derryn Hinch said.\n";
    let f = findings(d, article);
    let got: Vec<(&str, &str, &str)> = f
        .iter()
        .map(|f| {
            (
                field(f, "verdict"),
                field(f, "source_speaker"),
                field(f, "source_text"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "verbatim",
                "Robert Hawke",
                "I think we have delivered on the major problems"
            ),
            (
                "verbatim",
                "Julia Gillard",
                "the task we are engaged in here is the curriculum development for the whole nation"
            ),
            (
                "misattributed",
                "Robert Hawke",
                "I think we have delivered on the major problems"
            ),
        ],
        "{f:#?}"
    );
    assert_eq!(field(&f[2], "true_speaker"), "Robert Hawke");
    assert_eq!(field(&f[2], "speaker"), "Derryn Hinch");
    let marked = field(&f[1], "source_marked");
    assert!(!marked.contains('\n'), "{marked:?}");
    // The text report prints the passage on one line too.
    let out = run(
        d,
        &["check", "article.txt", "--corpus", "corpus", "--no-index"],
    );
    assert!(
        stdout(&out).contains("  passage:  \"I think we have delivered on the major problems\"\n"),
        "{}",
        stdout(&out)
    );
}
