//! `quotecheck index` and `check --index`: same verdicts as without the index, rebuilt when
//! the corpus changes or the index is damaged, run through the real binary in a temp dir.

mod common;
use common::*;

/// `check` of one article in `d` by brute force and through the index `i.idx`.
fn brute_and_indexed(
    d: &std::path::Path,
    article: &str,
) -> (std::process::Output, std::process::Output) {
    (
        check_jsonl_with(d, article, &["--no-index"]),
        check_jsonl_with(d, article, &["--index", "i.idx"]),
    )
}

fn verdicts(o: &std::process::Output) -> Vec<String> {
    jsonl(o)
        .iter()
        .map(|f| f["verdict"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn index_gives_same_verdicts_and_rebuilds_when_needed() {
    let dir = sample_dir();
    let check = |extra: &[&str]| check_jsonl_with(dir.path(), "article.txt", extra);
    let brute = check(&["--no-index"]);
    let out = run(dir.path(), &["index", "corpus", "--index", "c.idx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let indexed = check(&["--index", "c.idx"]);
    assert_eq!(verdicts(&indexed), verdicts(&brute));
    assert!(
        !stderr(&indexed).contains("rebuilt"),
        "{}",
        stderr(&indexed)
    );
    // A changed corpus: rebuilt, and said so.
    std::fs::write(
        dir.path().join("corpus/extra.jsonl"),
        "{\"id\": \"x\", \"speaker\": \"Nobody\", \"text\": \"Unrelated words here.\"}\n",
    )
    .unwrap();
    let after = check(&["--index", "c.idx"]);
    assert!(
        stderr(&after).contains("corpus changed"),
        "{}",
        stderr(&after)
    );
    assert_eq!(verdicts(&after), verdicts(&brute));
    // A damaged records file: never trusted, rebuilt with the reason (every kind of damage,
    // to each part of the index: tests/faults.rs).
    let bytes = std::fs::read(dir.path().join("c.idx/records")).unwrap();
    let table: [(&str, Vec<u8>); 3] = [
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("format version", {
            let mut b = bytes.clone();
            b[8] = 99;
            b
        }),
        ("checksum mismatch", {
            let mut b = bytes.clone();
            let k = b.len() - 10;
            b[k] ^= 0xff;
            b
        }),
    ];
    for (want, damaged) in table {
        std::fs::write(dir.path().join("c.idx/records"), damaged).unwrap();
        let o = check(&["--index", "c.idx"]);
        assert!(stderr(&o).contains(want), "{want}: {}", stderr(&o));
        assert_eq!(verdicts(&o), verdicts(&brute), "{want}");
    }
}

/// Regression: through the index, a misattribution looked for the attributed speaker only
/// among the passages read back, so a transcript without a `speakers:` line whose other
/// turns were not among them gave "not a speaker of that transcript" where the whole corpus
/// gave `misattributed`. A document read back from the index now knows all its speakers.
#[test]
fn misattribution_through_the_index_knows_every_speaker_of_the_transcript() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    let mut t = String::from("---\ntitle: Briefing\ndate: 2022-03-01\n---\n\n");
    t.push_str(
        "ANN HOST: Will the harbour tunnel really open before the winter storms reach the coast?\n\n",
    );
    for i in 0..40 {
        t.push_str(&format!(
            "BO PIKE: Answer {i} about budgets, schools{i} and roads{i} in the northern districts.\n\n"
        ));
    }
    std::fs::write(d.join("corpus/briefing.txt"), t).unwrap();
    std::fs::write(
        d.join("a.txt"),
        "Published: 2 March 2022\n\n\"Will the harbour tunnel really open before the winter storms reach the coast?\" Bo Pike asked.\n",
    )
    .unwrap();
    let (brute, indexed) = brute_and_indexed(d, "a.txt");
    assert_eq!(verdicts(&brute), ["misattributed"], "{}", stderr(&brute));
    assert_eq!(verdicts(&indexed), verdicts(&brute), "{}", stderr(&indexed));
}

/// Regression: a short quoted reply (`"makes me smart"`) counts with its clause when a word
/// of the clause ends the charge it answers. Through the index only the charge's last chunk
/// was read back, which may hold only its last few words, so the clause word standing before
/// them was missed: `paraphrase` through the index, `verbatim` by brute force.
#[test]
fn a_short_reply_is_read_with_the_charge_through_the_index_too() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    // A charge of 120 words: chunks of 100 leave its last 20 words, which do not hold
    // "taxes", as its own chunk.
    let filler = "and the people of this town deserve to hear the whole story tonight ".repeat(7);
    let charge = format!(
        "{filler}because he paid nothing in taxes for years while the rest of you paid your \
         share, and the records from the casino board show it plainly to anyone who reads them."
    );
    assert!(charge.split_whitespace().count() > 100);
    let t = format!(
        "---\ntitle: Debate\ndate: 2022-03-01\nspeakers: Ann Lee (Candidate); Bo Pike (Candidate)\n---\n\n\
         Ann Lee: {charge}\n\nBo Pike: That makes me clever.\n\nAnn Lee: We will see about that.\n"
    );
    std::fs::write(d.join("corpus/debate.txt"), t).unwrap();
    std::fs::write(
        d.join("a.txt"),
        "Published: 3 March 2022\n\nBo Pike said paying no taxes ''makes me clever.''\n",
    )
    .unwrap();
    let (brute, indexed) = brute_and_indexed(d, "a.txt");
    assert_eq!(verdicts(&brute), ["verbatim"], "{}", stderr(&brute));
    assert_eq!(verdicts(&indexed), verdicts(&brute), "{}", stderr(&indexed));
    // The same claim in the writer's words, sharing one word with the reply: the index must
    // still find the reply, by the end of the charge it was indexed with (format 6: the
    // charge's last 60 words across its chunks, not its last chunk's).
    std::fs::write(
        d.join("b.txt"),
        "Published: 3 March 2022\n\nBo Pike said paying nothing in taxes made him clever.\n",
    )
    .unwrap();
    let flags = |o: &std::process::Output| {
        jsonl(o)
            .iter()
            .map(|f| f["flags"].to_string())
            .collect::<Vec<_>>()
    };
    let (brute, indexed) = brute_and_indexed(d, "b.txt");
    if cfg!(quotecheck_vectors) {
        assert!(
            flags(&brute)[0].contains("possible paraphrase"),
            "{:?}",
            flags(&brute)
        );
    }
    assert_eq!(flags(&indexed), flags(&brute), "{}", stderr(&indexed));
    assert_eq!(verdicts(&indexed), verdicts(&brute), "{}", stderr(&indexed));
}
