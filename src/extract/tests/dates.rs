//! Statement dates from a weekday near the cue, counted back from the article date.

use crate::article::Article;
use crate::date::Date;
use crate::extract::extract;

#[test]
fn statement_date_table() {
    let table = [
        (
            "said Friday",
            "Jane Smith said Friday that the bill was dead.",
            "2021-12-03",
        ),
        (
            "on Thursday",
            "Jane Smith said on Thursday that the bill was dead.",
            "2021-12-02",
        ),
    ];
    for (name, text, want) in table {
        let mut article = Article::from_bytes("t.txt", text.as_bytes());
        article.date = Date::find_in("2021-12-05");
        let st = extract(&article);
        let got = st
            .first()
            .and_then(|s| s.statement_date)
            .map(|d| d.to_string());
        assert_eq!(got.as_deref(), Some(want), "{name}");
    }
}
