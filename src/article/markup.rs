//! Markdown and simple HTML articles read as text: markup is stripped, and a map from each
//! byte of the stripped text back to its byte in the file keeps spans and lines true.

/// The markup an article is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Plain,
    Markdown,
    Html,
}

impl Markup {
    /// Guesses the markup from the file name, else from the first bytes.
    pub fn detect(path: &str, text: &str) -> Markup {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Markup::Markdown;
        }
        if lower.ends_with(".html") || lower.ends_with(".htm") {
            return Markup::Html;
        }
        let head = text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .get(..15)
            .unwrap_or("")
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") {
            return Markup::Html;
        }
        Markup::Plain
    }
}

/// Stripped text and, for each of its bytes (plus one past the end), the file offset.
pub struct Stripped {
    pub text: String,
    pub offsets: Vec<usize>,
}

impl Stripped {
    fn push(&mut self, s: &str, at: usize) {
        for _ in 0..s.len() {
            self.offsets.push(at);
        }
        self.text.push_str(s);
    }

    /// Copies `src[from..to]` unchanged.
    fn copy(&mut self, src: &str, from: usize, to: usize) {
        self.text.push_str(&src[from..to]);
        self.offsets.extend(from..to);
    }
}

/// Tags after which a paragraph ends.
const BLOCK_TAGS: [&str; 20] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "tr",
    "table",
    "article",
    "section",
    "header",
    "footer",
    "figcaption",
];

fn entity(name: &str) -> Option<char> {
    let named = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            return char::from_u32(code);
        }
    };
    Some(named)
}

/// Strips HTML tags (block tags end a paragraph; `script` and `style` are dropped whole)
/// and decodes entities.
pub fn strip_html(src: &str) -> Stripped {
    let mut out = Stripped {
        text: String::with_capacity(src.len()),
        offsets: Vec::with_capacity(src.len() + 1),
    };
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut run = 0;
    while i < src.len() {
        match bytes[i] {
            b'<' => {
                out.copy(src, run, i);
                let close = src[i..].find('>').map(|e| i + e);
                let end = close.map_or(src.len(), |c| c + 1);
                let tag = src[i + 1..close.unwrap_or(src.len())].trim_start_matches('/');
                let name: String = tag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let mut next = end;
                if !src[i + 1..].starts_with('/') && (name == "script" || name == "style") {
                    let close = format!("</{name}");
                    next = src[end..]
                        .to_ascii_lowercase()
                        .find(&close)
                        .map_or(src.len(), |e| {
                            let c = end + e;
                            src[c..].find('>').map_or(src.len(), |g| c + g + 1)
                        });
                }
                if src[i..].starts_with("<!--") {
                    next = src[i..].find("-->").map_or(src.len(), |e| i + e + 3);
                }
                if BLOCK_TAGS.contains(&name.as_str()) {
                    out.push("\n\n", i);
                }
                i = next;
                run = i;
            }
            b'&' => {
                let semi = src[i..]
                    .char_indices()
                    .take(12)
                    .find(|&(_, c)| c == ';')
                    .map(|(k, _)| i + k);
                match semi.and_then(|s| entity(&src[i + 1..s]).map(|c| (s, c))) {
                    Some((s, c)) => {
                        out.copy(src, run, i);
                        out.push(c.encode_utf8(&mut [0; 4]), i);
                        i = s + 1;
                        run = i;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    out.copy(src, run, src.len());
    out.offsets.push(src.len());
    out
}

/// Strips Markdown: heading and list markers, block quotes, emphasis, code marks, links and
/// images (the link text is kept), HTML comments. Line breaks are kept as they are.
pub fn strip_markdown(src: &str) -> Stripped {
    let mut out = Stripped {
        text: String::with_capacity(src.len()),
        offsets: Vec::with_capacity(src.len() + 1),
    };
    let mut pos = 0;
    for line in src.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim_start_matches([' ', '\t']);
        let mut i = start + (line.len() - trimmed.len());
        // Block markers at the start of the line.
        loop {
            let rest = &src[i..pos];
            let marker = ["#", ">", "- ", "* ", "+ "]
                .iter()
                .find(|m| rest.starts_with(**m));
            match marker {
                Some(m) => {
                    i += m.len();
                    while i < pos && src[i..].starts_with(['#', ' ']) {
                        i += 1;
                    }
                }
                None => {
                    let digits = rest.chars().take_while(char::is_ascii_digit).count();
                    if digits > 0 && rest[digits..].starts_with(". ") {
                        i += digits + 2;
                        continue;
                    }
                    break;
                }
            }
        }
        let rest = &src[i..pos];
        let rule = rest.trim().len() >= 3
            && rest
                .trim()
                .chars()
                .all(|c| matches!(c, '-' | '*' | '_' | '='));
        if rule {
            out.push("\n", i);
            continue;
        }
        inline_markdown(src, i, pos, &mut out);
    }
    out.offsets.push(src.len());
    out
}

fn inline_markdown(src: &str, from: usize, to: usize, out: &mut Stripped) {
    let mut i = from;
    let mut run = from;
    while i < to {
        let rest = &src[i..to];
        let c = rest.chars().next().unwrap_or(' ');
        let prev_word = src[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let next_word = rest[c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if c == '*' || c == '`' || (c == '_' && !(prev_word && next_word)) {
            out.copy(src, run, i);
            i += 1;
            run = i;
        } else if rest.starts_with("<!--") {
            out.copy(src, run, i);
            i = rest.find("-->").map_or(to, |e| i + e + 3);
            run = i;
        } else if c == '[' || rest.starts_with("![") {
            // [text](url) -> text
            let open = if c == '!' { i + 1 } else { i };
            let close = src[open..to].find("](").map(|k| open + k);
            let end = close.and_then(|k| src[k..to].find(')').map(|e| k + e + 1));
            match (close, end) {
                (Some(k), Some(e)) => {
                    out.copy(src, run, i);
                    inline_markdown(src, open + 1, k, out);
                    i = e;
                    run = i;
                }
                _ => i += c.len_utf8(),
            }
        } else {
            i += c.len_utf8();
        }
    }
    out.copy(src, run, to);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(s: &Stripped, src: &str, word: &str) {
        let at = s
            .text
            .find(word)
            .unwrap_or_else(|| panic!("{word:?} not in {:?}", s.text));
        let file = s.offsets[at];
        assert_eq!(&src[file..file + word.len()], word, "offset of {word:?}");
    }

    #[test]
    fn markdown_table() {
        let table = [
            (
                "# Title\n\nSome **bold** and _it_ text.\n",
                "Title\n\nSome bold and it text.\n",
                "text",
            ),
            (
                "> \"Quoted,\" she said.\n",
                "\"Quoted,\" she said.\n",
                "she",
            ),
            ("- item one\n1. item two\n", "item one\nitem two\n", "two"),
            (
                "See [the report](http://x.y) now.\n",
                "See the report now.\n",
                "now",
            ),
            ("snake_case stays\n---\n", "snake_case stays\n\n", "stays"),
        ];
        for (src, want, word) in table {
            let s = strip_markdown(src);
            assert_eq!(s.text, want, "{src:?}");
            assert_eq!(s.offsets.len(), s.text.len() + 1);
            check(&s, src, word);
        }
    }

    #[test]
    fn html_table() {
        let table = [
            (
                "<p>One &amp; two</p><p>Three</p>",
                "\n\nOne & two\n\n\n\nThree\n\n",
                "Three",
            ),
            (
                "<p>He said &ldquo;no&rdquo;.</p>",
                "\n\nHe said \u{201c}no\u{201d}.\n\n",
                "said",
            ),
            ("<script>alert(1)</script><b>bold</b> x", "bold x", "bold"),
            (
                "a <!-- hidden --> b &#8217; &#x2019;",
                "a  b \u{2019} \u{2019}",
                "b",
            ),
            // regression (found by fuzzing): a tag left open before a multi-byte character
            ("x \u{201d}<p \u{201d}", "x \u{201d}\n\n", "x"),
        ];
        for (src, want, word) in table {
            let s = strip_html(src);
            assert_eq!(s.text, want, "{src:?}");
            assert_eq!(s.offsets.len(), s.text.len() + 1);
            check(&s, src, word);
        }
    }
}
