//! General frames of issue 14: a cue nested inside reported content, a participle's speaker
//! after a clause, `cited Y as Z`, and `her answer was that ...`.

use super::check;

#[test]
fn nested_cue_keeps_outer_content_table() {
    check(&[
        (
            "what she calls: the outer content runs to the sentence end",
            "Garcia says she admired the coach's patience through what she calls a \"long winter.\"",
            vec![
                (
                    "partial",
                    "Garcia",
                    "says",
                    "she admired the coach's patience through what she calls a \"long winter.\"",
                ),
                ("partial", "Garcia", "calls", "a \"long winter.\""),
            ],
        ),
        (
            "what he argued: the outer content runs over the inner cue",
            "Okafor said the council ignored what he argued was a clear warning about the river.",
            vec![
                (
                    "indirect",
                    "Okafor",
                    "said",
                    "the council ignored what he argued was a clear warning about the river",
                ),
                ("indirect", "Okafor", "argued", "was a clear warning about the river"),
            ],
        ),
    ]);
}
