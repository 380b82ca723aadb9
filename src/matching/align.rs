//! Semi-global word alignment: where a statement sits inside a longer turn, and the edit
//! script between them. Free leading and trailing source words; an editorial ellipsis in the
//! statement skips any number of source words at a small fixed cost. Work is bounded by
//! aligning only inside a window around the best diagonal of exact word matches.

use std::collections::HashMap;
use std::ops::Range;

/// Cost of substituting one word for another.
pub const COST_SUB: u32 = 10;
/// Cost of a word present on one side only.
pub const COST_GAP: u32 = 10;
/// Cost of a filler, article or complementiser present on one side only.
pub const COST_FILLER_GAP: u32 = 6;
/// Cost of an ellipsis, whatever number of source words it stands for.
pub const COST_ELLIPSIS: u32 = 2;

/// The cost of leaving the normalised word `norm` out: less for a filler.
pub fn gap_cost(norm: &str) -> u32 {
    if super::lexicon::lexicon().fillers.contains(norm) {
        COST_FILLER_GAP
    } else {
        COST_GAP
    }
}

/// One step of an edit script. `s` indexes statement tokens, `t` source tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The same word on both sides.
    Match { s: usize, t: usize },
    /// A different word in the statement than in the source.
    Sub { s: usize, t: usize },
    /// A statement word the source does not have (added).
    Ins { s: usize },
    /// A source word the statement leaves out (dropped).
    Del { t: usize },
    /// The statement's ellipsis `s` stands for source words `from..to`.
    Skip { s: usize, from: usize, to: usize },
}

/// How many other words a statement word may also match (reported speech: `he` ~ `i`).
pub const ALTS: usize = 3;

/// A sequence to align: word ids, the cost of leaving each word out, and ellipsis marks.
/// A statement may give each word up to [`ALTS`] other ids it also matches (`alts`, padded
/// with ids no turn has); a turn leaves `alts` empty.
#[derive(Debug, Clone, Default)]
pub struct Seq {
    pub ids: Vec<u32>,
    pub gap: Vec<u32>,
    pub ellipsis: Vec<bool>,
    pub alts: Vec<[u32; ALTS]>,
}

impl Seq {
    /// True when word `i` of this sequence matches id `other`.
    #[inline]
    pub fn matches(&self, i: usize, other: u32) -> bool {
        self.ids[i] == other || self.alts.get(i).is_some_and(|a| a.contains(&other))
    }
}

/// The best placement of a statement in a source sequence.
#[derive(Debug, Clone)]
pub struct Alignment {
    pub ops: Vec<Op>,
    pub cost: u32,
    /// Source token range covered by the alignment.
    pub t_range: Range<usize>,
}

/// Chooses the source window worth aligning: around the diagonal with the most exact
/// matches of informative statement words. Returns the window and the number of votes
/// its diagonal got (0: nothing in common).
pub fn best_window(s: &Seq, t: &[u32], informative: impl Fn(u32) -> bool) -> (Range<usize>, usize) {
    let n = s.ids.len();
    let m = t.len();
    let mut at: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, &id) in s.ids.iter().enumerate() {
        if !s.ellipsis[i] && informative(id) {
            at.entry(id).or_default().push(i);
            for &alt in s.alts.get(i).into_iter().flatten() {
                if alt != id && informative(alt) {
                    at.entry(alt).or_default().push(i);
                }
            }
        }
    }
    let mut votes = vec![0u16; m + n + 1];
    let mut best = (0usize, 0u16);
    for (j, id) in t.iter().enumerate() {
        if let Some(is) = at.get(id) {
            for &i in is {
                let d = j + n - i;
                votes[d] = votes[d].saturating_add(1);
                if votes[d] > best.1 {
                    best = (d, votes[d]);
                }
            }
        }
    }
    if best.1 == 0 {
        return (0..0, 0);
    }
    if m <= 3 * n + 16 {
        return (0..m, best.1 as usize);
    }
    let start = best.0 as i64 - n as i64;
    let lo = (start - n as i64 / 2 - 8).max(0) as usize;
    let hi = ((start + 2 * n as i64 + 8).max(0) as usize).min(m);
    (lo..hi, best.1 as usize)
}

/// Aligns statement `s` against `t[window]` (semi-global: the source's ends are free).
pub fn align(s: &Seq, t: &Seq, window: Range<usize>) -> Alignment {
    let n = s.ids.len();
    let lo = window.start;
    let w = window.len();
    let cols = w + 1;
    let mut d = vec![0u32; (n + 1) * cols];
    let mut skip_from: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 1..=n {
        let (prev, cur) = d.split_at_mut(i * cols);
        let prev = &prev[(i - 1) * cols..];
        let cur = &mut cur[..cols];
        if s.ellipsis[i - 1] {
            let mut arg = vec![0usize; cols];
            let mut best = (u32::MAX, 0);
            for j in 0..cols {
                if prev[j] < best.0 {
                    best = (prev[j], j);
                }
                cur[j] = best.0 + COST_ELLIPSIS;
                arg[j] = best.1;
            }
            skip_from.insert(i, arg);
            continue;
        }
        let sgap = s.gap[i - 1];
        cur[0] = prev[0] + sgap;
        for j in 1..cols {
            let sub = if s.matches(i - 1, t.ids[lo + j - 1]) {
                0
            } else {
                COST_SUB
            };
            let diag = prev[j - 1] + sub;
            let up = prev[j] + sgap;
            let left = cur[j - 1] + t.gap[lo + j - 1];
            cur[j] = diag.min(up).min(left);
        }
    }
    let last = &d[n * cols..];
    let (mut j, &cost) = last
        .iter()
        .enumerate()
        .min_by_key(|&(j, &c)| (c, j))
        .unwrap_or((0, &0));
    let t_end = lo + j;
    let mut ops = Vec::with_capacity(n + 4);
    let mut i = n;
    while i > 0 {
        let here = d[i * cols + j];
        if let Some(arg) = skip_from.get(&i) {
            let k = arg[j];
            ops.push(Op::Skip {
                s: i - 1,
                from: lo + k,
                to: lo + j,
            });
            i -= 1;
            j = k;
            continue;
        }
        if j > 0 {
            let same = s.matches(i - 1, t.ids[lo + j - 1]);
            let sub = if same { 0 } else { COST_SUB };
            if here == d[(i - 1) * cols + j - 1] + sub {
                ops.push(if same {
                    Op::Match {
                        s: i - 1,
                        t: lo + j - 1,
                    }
                } else {
                    Op::Sub {
                        s: i - 1,
                        t: lo + j - 1,
                    }
                });
                i -= 1;
                j -= 1;
                continue;
            }
        }
        if here == d[(i - 1) * cols + j] + s.gap[i - 1] {
            ops.push(Op::Ins { s: i - 1 });
            i -= 1;
        } else {
            ops.push(Op::Del { t: lo + j - 1 });
            j -= 1;
        }
    }
    ops.reverse();
    Alignment {
        ops,
        cost,
        t_range: lo + j..t_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(words: &str) -> (Seq, Vec<&str>) {
        let ws: Vec<&str> = words.split(' ').collect();
        let ids = ws
            .iter()
            .map(|w| {
                w.bytes()
                    .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
            })
            .collect();
        let gap = ws
            .iter()
            .map(|w| {
                if *w == "the" {
                    COST_FILLER_GAP
                } else {
                    COST_GAP
                }
            })
            .collect();
        let ellipsis = ws.iter().map(|w| *w == "...").collect();
        (
            Seq {
                ids,
                gap,
                ellipsis,
                alts: Vec::new(),
            },
            ws,
        )
    }

    fn script(stmt: &str, src: &str) -> String {
        let (s, sw) = seq(stmt);
        let (t, tw) = seq(src);
        let (win, _) = best_window(&s, &t.ids, |_| true);
        let a = align(&s, &t, win);
        a.ops
            .iter()
            .filter_map(|op| match *op {
                Op::Match { .. } => None,
                Op::Sub { s, t } => Some(format!("{}->{}", sw[s], tw[t])),
                Op::Ins { s } => Some(format!("+{}", sw[s])),
                Op::Del { t } => Some(format!("-{}", tw[t])),
                Op::Skip { from, to, .. } => Some(format!("...{}", to - from)),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn edit_scripts() {
        let table = [
            (
                "exact",
                "we look at numbers",
                "and so we look at numbers of forces",
                "",
            ),
            (
                "dropped article",
                "we look at numbers",
                "we look at the numbers",
                "-the",
            ),
            (
                "added negation",
                "it is not true",
                "well it is true today",
                "+not",
            ),
            (
                "number changed",
                "more than 13000 dead",
                "more than 30000 dead",
                "13000->30000",
            ),
            (
                "ellipsis",
                "this coming tuesday ... will debate",
                "this coming tuesday at case western in cleveland will debate",
                "...5",
            ),
            ("ellipsis for nothing", "a b ... c d", "a b c d", "...0"),
        ];
        for (name, stmt, src, want) in table {
            assert_eq!(script(stmt, src), want, "{name}");
        }
    }

    #[test]
    fn window_is_bounded_on_long_sources() {
        let long = format!(
            "{} needle in the haystack {}",
            "x ".repeat(5000).trim(),
            "y ".repeat(5000).trim()
        );
        let (s, _) = seq("needle in the haystack");
        let (t, _) = seq(&long);
        let (win, votes) = best_window(&s, &t.ids, |_| true);
        assert!(win.len() < 40, "{win:?}");
        assert_eq!(votes, 4);
        assert_eq!(script("needle in the haystack", &long), "");
    }
}
