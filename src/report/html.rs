//! The HTML review page for editors: one self-contained page (no external assets, works
//! without JavaScript) showing each article with its statements highlighted in the colour of
//! their verdict, and beside them the matching passage with the differences marked.

use super::{differences, ArticleReport, Summary};
use crate::finding::{Finding, Marked, Verdict};
use std::io::{self, Write};

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A marked passage as escaped HTML, with `<del>` for dropped words and `<ins>` for added ones.
fn marked_html(m: &Marked) -> String {
    m.render(
        escape,
        |t| format!("<del>{}</del>", escape(t)),
        |t| format!("<ins>{}</ins>", escape(t)),
    )
}

fn class(v: Verdict) -> &'static str {
    v.as_str()
}

const STYLE: &str = r#"
:root{--verbatim:#1a7f37;--near-verbatim:#4ac26b;--altered:#cf222e;--paraphrase:#bf8700;--misattributed:#8250df;--unverified:#6e7781;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1f2328;background:#fff}
body{margin:0 auto;max-width:1200px;padding:1rem}
h1{font-size:1.4rem;margin:.2rem 0}
h2{font-size:1.1rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
.summary{display:flex;height:1.8rem;border-radius:6px;overflow:hidden;margin:.6rem 0;font-size:.8rem;color:#fff}
.summary span{display:flex;align-items:center;justify-content:center;white-space:nowrap;overflow:hidden;padding:0 .3rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.85rem;margin:.4rem 0;padding:0;list-style:none}
.legend li::before{content:"";display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px;background:var(--c)}
.filters{font-size:.85rem;margin:.4rem 0}
.filters label{margin-right:.8rem;white-space:nowrap}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.2rem}
@media (max-width:800px){.cols{grid-template-columns:1fr}}
.text{white-space:pre-wrap;font-family:Georgia,serif;font-size:1rem;overflow-wrap:anywhere}
mark{background:color-mix(in srgb,var(--c) 22%,transparent);border-bottom:3px solid var(--c);color:inherit;padding:0 1px}
mark a{color:inherit;text-decoration:none}
.finding{border-left:5px solid var(--c);padding:.4rem .7rem;margin:0 0 .9rem;background:#f6f8fa;border-radius:0 6px 6px 0;overflow-wrap:anywhere}
.finding h3{font-size:.95rem;margin:0}
.badge{display:inline-block;background:var(--c);color:#fff;border-radius:4px;padding:0 .4rem;font-size:.75rem;text-transform:uppercase;letter-spacing:.03em}
.finding p{margin:.25rem 0;font-size:.9rem}
.said{font-style:italic}
.passage{font-family:Georgia,serif}
del{background:#ffebe9;color:#82071e}
ins{background:#dafbe1;color:#116329;text-decoration:none;border-bottom:1px dotted #116329}
.flags{color:#9a6700}
.attention{display:inline-block;border:1px solid #cf222e;color:#cf222e;border-radius:4px;padding:0 .35rem;font-size:.75rem;font-weight:600}
.ok{color:#59636e;font-size:.75rem}
.meta{color:#59636e;font-size:.85rem}
"#;

const SCRIPT: &str = r#"
document.querySelectorAll('.filters input').forEach(function(box){
  box.addEventListener('change',function(){
    var v=box.value, show=box.checked;
    document.querySelectorAll('[data-verdict="'+v+'"]').forEach(function(el){
      if(el.classList.contains('finding')){el.style.display=show?'':'none';}
      else{el.classList.toggle('off',!show);el.style.background=show?'':'transparent';el.style.borderBottomColor=show?'':'transparent';}
    });
  });
});
"#;

fn verdict_vars() -> String {
    Verdict::ALL
        .iter()
        .map(|v| format!(".{}{{--c:var(--{})}}", class(*v), class(*v)))
        .collect()
}

/// The article text with each statement's spans wrapped in a `<mark>` of its verdict.
fn highlighted(text: &str, findings: &[Finding], article: usize) -> String {
    let mut pieces: Vec<([usize; 2], &Finding)> = findings
        .iter()
        .flat_map(|f| f.statement.spans().into_iter().map(move |s| (s, f)))
        .collect();
    pieces.sort_by_key(|(s, _)| (s[0], s[1]));
    let mut out = String::new();
    let mut at = 0;
    for ([s, e], f) in pieces {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue; // overlapping or out-of-range spans are listed but not highlighted
        }
        out.push_str(&escape(&text[at..s]));
        let id = &f.statement.statement_id;
        out.push_str(&format!(
            "<mark class=\"{c}\" data-verdict=\"{c}\" title=\"{id}: {c}\"><a href=\"#f{article}-{id}\">{}</a></mark>",
            escape(&text[s..e]),
            c = class(f.verdict),
        ));
        at = e;
    }
    out.push_str(&escape(&text[at.min(text.len())..]));
    out
}

fn finding_card(out: &mut String, f: &Finding, article: usize) {
    let st = &f.statement;
    let c = class(f.verdict);
    out.push_str(&format!(
        "<div class=\"finding {c}\" data-verdict=\"{c}\" data-attention=\"{}\" id=\"f{article}-{}\">",
        f.needs_attention,
        escape(&st.statement_id)
    ));
    let attention = if f.needs_attention {
        "<span class=\"attention\">needs attention</span>"
    } else {
        "<span class=\"ok\">no action needed</span>"
    };
    out.push_str(&format!(
        "<h3>{} <span class=\"badge\">{}</span> {attention} <span class=\"meta where\">{}:{}, {}</span></h3>",
        escape(&st.statement_id),
        c,
        escape(&st.file),
        st.line,
        st.kind.as_str()
    ));
    let mention = if st.speaker_mention != st.speaker {
        format!(" (as “{}”)", escape(&st.speaker_mention))
    } else {
        String::new()
    };
    out.push_str(&format!("<p><b>{}</b>{mention}</p>", escape(&st.speaker)));
    out.push_str(&format!("<p class=\"said\">“{}”</p>", escape(&st.content)));
    if let Some(reason) = f.reason {
        out.push_str(&format!(
            "<p class=\"reason\"><b>Why unverified:</b> {} <span class=\"meta\">({})</span></p>",
            escape(reason.describe()),
            reason.as_str()
        ));
        if let Some(alt) = &f.alternative {
            out.push_str(&format!(
                "<p class=\"meta\">Closest passage: {}</p>",
                escape(&alt.to_string())
            ));
        }
    }
    if let Some(who) = &f.true_speaker {
        out.push_str(&format!("<p><b>Said by:</b> {}</p>", escape(who)));
    }
    if let Some(title) = &f.source_title {
        let date = f.source_date.map(|d| format!(", {d}")).unwrap_or_default();
        let speaker = f
            .source_speaker
            .as_deref()
            .map(|s| format!(" — {}", escape(s)))
            .unwrap_or_default();
        let at = f
            .source_time
            .as_deref()
            .map(|t| format!(", at {}", escape(t)))
            .unwrap_or_default();
        out.push_str(&format!(
            "<p class=\"meta\">{}{date}{speaker}{at}</p>",
            escape(title)
        ));
    }
    if let Some(marked) = &f.source_marked {
        out.push_str(&format!(
            "<p class=\"passage\">“{}”</p>",
            marked_html(marked)
        ));
    }
    if !f.differences.is_empty() {
        out.push_str(&format!(
            "<p class=\"meta\">Changes: {}</p>",
            escape(&differences(f))
        ));
    }
    for flag in &f.flags {
        out.push_str(&format!("<p class=\"flags\">⚠ {}</p>", escape(flag)));
    }
    out.push_str(&format!("<p class=\"meta\">score {:.2}</p></div>", f.score));
}

/// Writes the page for some articles. `texts[i]` is the file text of `reports[i]`, into which
/// the statements' spans point.
pub fn write_html(
    out: &mut dyn Write,
    reports: &[ArticleReport],
    texts: &[&str],
) -> io::Result<()> {
    let summary = Summary::of(reports.iter().flat_map(|r| &r.findings));
    let title = match reports {
        [one] => format!("quotecheck: {}", one.file),
        _ => format!("quotecheck: {} articles", reports.len()),
    };
    let mut page = String::new();
    page.push_str("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    page.push_str(&format!(
        "<title>{}</title><style>{STYLE}{}</style></head><body>\n",
        escape(&title),
        verdict_vars()
    ));
    page.push_str(&format!("<header><h1>{}</h1>", escape(&title)));
    page.push_str(&format!(
        "<p class=\"meta\" id=\"summary-line\">{}</p>",
        escape(&summary.line())
    ));
    page.push_str("<div class=\"summary\" role=\"img\" aria-label=\"verdict counts\">");
    for v in Verdict::ALL {
        let n = summary.count(v);
        if n > 0 {
            page.push_str(&format!("<span class=\"{c}\" style=\"flex:{n};background:var(--c)\" data-count=\"{n}\">{n} {c}</span>", c = class(v)));
        }
    }
    page.push_str("</div><ul class=\"legend\">");
    for (v, what) in [
        (Verdict::Verbatim, "the speaker's words"),
        (Verdict::NearVerbatim, "harmless differences"),
        (Verdict::Altered, "changed in substance"),
        (Verdict::Paraphrase, "in meaning, not in words"),
        (Verdict::Misattributed, "someone else said it"),
        (Verdict::Unverified, "nothing supports it"),
    ] {
        page.push_str(&format!(
            "<li class=\"{c}\"><b>{c}</b>: {what}</li>",
            c = class(v)
        ));
    }
    page.push_str("</ul><div class=\"filters\">Show: ");
    for v in Verdict::ALL {
        page.push_str(&format!(
            "<label><input type=\"checkbox\" value=\"{c}\" checked> {c}</label>",
            c = class(v)
        ));
    }
    page.push_str("</div></header>\n<main>");
    for (i, r) in reports.iter().enumerate() {
        let text = texts.get(i).copied().unwrap_or("");
        let date = r.date.map(|d| format!(", {d}")).unwrap_or_default();
        page.push_str(&format!(
            "<section class=\"report\"><h2>{}{date}</h2>",
            escape(&r.file)
        ));
        for w in &r.warnings {
            page.push_str(&format!("<p class=\"flags\">⚠ {}</p>", escape(w)));
        }
        page.push_str("<div class=\"cols\"><article class=\"text\">");
        page.push_str(&highlighted(text, &r.findings, i));
        page.push_str("</article><aside class=\"findings\">");
        for f in &r.findings {
            finding_card(&mut page, f, i);
        }
        page.push_str("</aside></div></section>\n");
    }
    page.push_str(&format!("</main><script>{SCRIPT}</script></body></html>\n"));
    out.write_all(page.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Mark;

    #[test]
    fn escape_table() {
        let table = [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("a & \"b\" 'c'", "a &amp; &quot;b&quot; &#39;c&#39;"),
            ("plain", "plain"),
        ];
        for (s, want) in table {
            assert_eq!(escape(s), want);
        }
        let marked = Marked(vec![
            Mark::Same("a ".into()),
            Mark::Dropped("the".into()),
            Mark::Same(" ".into()),
            Mark::Added("<b>".into()),
            Mark::Same(" x -] [-".into()),
        ]);
        assert_eq!(
            marked_html(&marked),
            "a <del>the</del> <ins>&lt;b&gt;</ins> x -] [-"
        );
    }
}
