//! The evidence passage with the statement's differences marked, as pieces a writer renders
//! (`report` turns them into wdiff notation, colour or HTML).

use crate::finding::{Mark, Marked};
use crate::matching::align::{Alignment, Op};
use crate::matching::normalize::Token;

/// The source passage of alignment `a` with its differences marked: words the statement
/// dropped, added or changed, and the source words an ellipsis stands for.
pub fn mark(
    src_text: &str,
    src: &[Token],
    stmt_text: &str,
    stmt: &[Token],
    a: &Alignment,
) -> Marked {
    let mut out: Vec<Mark> = Vec::new();
    let Some(first) = src.get(a.t_range.start) else {
        return Marked(out);
    };
    let mut cursor = first.start;
    let same = |out: &mut Vec<Mark>, cursor: &mut usize, to: usize| {
        if to > *cursor {
            let text = &src_text[*cursor..to];
            match out.last_mut() {
                Some(Mark::Same(s)) => s.push_str(text),
                _ => out.push(Mark::Same(text.to_string())),
            }
            *cursor = to;
        }
    };
    let word = |t: &Token, text: &str| text[t.start..t.end].to_string();
    // A contraction is one written word for several tokens: mark it once.
    let mut printed: Vec<usize> = Vec::new();
    let mut first_time = |t: &Token| {
        let new = !printed.contains(&t.start);
        printed.push(t.start);
        new
    };
    for op in &a.ops {
        match *op {
            Op::Match { t, .. } => same(&mut out, &mut cursor, src[t].end),
            Op::Del { t } => {
                same(&mut out, &mut cursor, src[t].start);
                if src[t].end > cursor {
                    out.push(Mark::Dropped(word(&src[t], src_text)));
                    cursor = src[t].end;
                }
            }
            Op::Sub { s, t } => {
                same(&mut out, &mut cursor, src[t].start);
                let said = word(&src[t], src_text);
                if first_time(&stmt[s]) {
                    out.push(Mark::Changed {
                        said,
                        printed: word(&stmt[s], stmt_text),
                    });
                } else if src[t].end > cursor {
                    out.push(Mark::Dropped(said));
                }
                cursor = cursor.max(src[t].end);
            }
            Op::Ins { s } if !first_time(&stmt[s]) => {}
            Op::Ins { s } => {
                match out.last_mut() {
                    Some(Mark::Same(x)) => x.push(' '),
                    _ => out.push(Mark::Same(" ".to_string())),
                }
                out.push(Mark::Added(word(&stmt[s], stmt_text)));
            }
            Op::Skip { from, to, .. } => {
                if to > from {
                    same(&mut out, &mut cursor, src[from].start);
                    out.push(Mark::Changed {
                        said: src_text[src[from].start..src[to - 1].end].to_string(),
                        printed: "...".to_string(),
                    });
                    cursor = src[to - 1].end;
                }
            }
        }
    }
    Marked(out)
}
