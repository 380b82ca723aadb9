//! Markdown and HTML articles read as text: Markdown through pulldown-cmark's offset
//! iterator, HTML by a small tag stripper; a map from each byte of the stripped text back to
//! its byte in the file keeps spans and lines true.

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
    /// The document's title (HTML `<title>` or first `<h1>`; Markdown front matter `title:`
    /// or first heading).
    pub title: Option<String>,
    /// A Markdown front matter's `date:` value, as written.
    pub date: Option<String>,
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

    /// Adds a parser's text for the source range `from..to`: copied byte for byte when the
    /// source holds it there (a code span's text inside its backticks, an escaped `\*`),
    /// else (a decoded entity) every byte mapped to the range's start.
    fn mapped(&mut self, text: &str, src: &str, from: usize, to: usize) {
        match src.get(from..to).and_then(|s| s.find(text)) {
            Some(k) => self.copy(src, from + k, from + k + text.len()),
            None => self.push(text, from),
        }
    }

    /// Ends a block: a blank line, unless the text already ends with one.
    fn block_end(&mut self, at: usize) {
        let at = at.saturating_sub(1);
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        if !self.text.ends_with('\n') {
            self.push("\n", at);
        }
        self.push("\n", at);
    }

    /// Adds the text of HTML inside Markdown (`src[from..to]`), stripped as HTML.
    fn html(&mut self, src: &str, from: usize, to: usize) {
        let inner = strip_html(&src[from..to]);
        self.text.push_str(&inner.text);
        self.offsets
            .extend(inner.offsets[..inner.text.len()].iter().map(|o| o + from));
    }
}

/// Tags after which a paragraph ends.
const BLOCK_TAGS: [&str; 21] = [
    "p",
    "div",
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
    "aside",
    "hr",
];

/// Elements whose content is not article text (the page's `<title>` is kept as its title).
const DROPPED_TAGS: [&str; 8] = [
    "script", "style", "title", "noscript", "template", "svg", "iframe", "object",
];

/// Named entities CMSs write, beside numeric ones (`&#8220;`, `&#x201C;`).
const ENTITIES: [(&str, char); 40] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("bdquo", '\u{201e}'),
    ("sbquo", '\u{201a}'),
    ("laquo", '\u{ab}'),
    ("raquo", '\u{bb}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203a}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("mdash", '\u{2014}'),
    ("ndash", '\u{2013}'),
    ("minus", '\u{2212}'),
    ("hellip", '\u{2026}'),
    ("thinsp", ' '),
    ("ensp", ' '),
    ("emsp", ' '),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("shy", '\u{ad}'),
    ("copy", '\u{a9}'),
    ("reg", '\u{ae}'),
    ("trade", '\u{2122}'),
    ("euro", '\u{20ac}'),
    ("pound", '\u{a3}'),
    ("deg", '\u{b0}'),
    ("middot", '\u{b7}'),
    ("bull", '\u{2022}'),
    ("eacute", '\u{e9}'),
    ("egrave", '\u{e8}'),
    ("aacute", '\u{e1}'),
    ("ntilde", '\u{f1}'),
];

fn entity(name: &str) -> Option<char> {
    if let Some(&(_, c)) = ENTITIES.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    let num = name.strip_prefix('#')?;
    let code = match num.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => num.parse().ok()?,
    };
    // Windows-1252 numbers for curly quotes (`&#147;`) are still written by old CMSs.
    match code {
        0x80..=0x9f => super::decode::cp1252(code as u8),
        _ => char::from_u32(code),
    }
}

/// Strips HTML tags (block tags end a paragraph, `<br>` ends a line; `script`, `style` and
/// the like are dropped whole, with comments) and decodes entities. The page's `<title>`,
/// else its first `<h1>`, is the title.
pub fn strip_html(src: &str) -> Stripped {
    let mut out = Stripped {
        text: String::with_capacity(src.len()),
        offsets: Vec::with_capacity(src.len() + 1),
        title: None,
        date: None,
    };
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut run = 0;
    let mut h1: Option<usize> = None;
    let mut h1_text: Option<String> = None;
    while i < src.len() {
        match bytes[i] {
            b'<' => {
                out.copy(src, run, i);
                let close = src[i..].find('>').map(|e| i + e);
                let end = close.map_or(src.len(), |c| c + 1);
                let closing = src[i + 1..].starts_with('/');
                let tag = src[i + 1..close.unwrap_or(src.len())].trim_start_matches('/');
                let name: String = tag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let mut next = end;
                if !closing && DROPPED_TAGS.contains(&name.as_str()) && !tag.ends_with('/') {
                    let close = format!("</{name}");
                    let inner_end = src[end..]
                        .to_ascii_lowercase()
                        .find(&close)
                        .map_or(src.len(), |e| end + e);
                    if name == "title" && out.title.is_none() {
                        out.title = Some(decode_entities(&src[end..inner_end]));
                    }
                    next = src[inner_end..]
                        .find('>')
                        .map_or(src.len(), |g| inner_end + g + 1);
                }
                if src[i..].starts_with("<!--") {
                    next = src[i..].find("-->").map_or(src.len(), |e| i + e + 3);
                }
                if name == "br" {
                    out.push("\n", i);
                } else if BLOCK_TAGS.contains(&name.as_str()) {
                    if name == "h1" && closing {
                        if let Some(at) = h1.take() {
                            h1_text.get_or_insert_with(|| out.text[at..].trim().to_string());
                        }
                    }
                    out.push("\n\n", i);
                    if name == "h1" && !closing {
                        h1 = Some(out.text.len());
                    }
                }
                i = next;
                run = i;
            }
            b'&' => match entity_at(src, i) {
                Some((s, c)) => {
                    out.copy(src, run, i);
                    out.push(c.encode_utf8(&mut [0; 4]), i);
                    i = s + 1;
                    run = i;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    out.copy(src, run, src.len());
    out.offsets.push(src.len());
    let clean = |t: String| Some(t.split_whitespace().collect::<Vec<_>>().join(" "));
    out.title = out
        .title
        .take()
        .and_then(clean)
        .filter(|t| !t.is_empty())
        .or_else(|| h1_text.and_then(clean).filter(|t| !t.is_empty()));
    out
}

/// The entity that starts at `src[i]` (`&amp;`): the offset of its `;` and its character.
fn entity_at(src: &str, i: usize) -> Option<(usize, char)> {
    let semi = src[i..]
        .char_indices()
        .take(12)
        .find(|&(_, c)| c == ';')
        .map(|(k, _)| i + k)?;
    entity(&src[i + 1..semi]).map(|c| (semi, c))
}

/// Text with its entities decoded (for a `<title>`).
fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(k) = s[i..].find('&') {
        out.push_str(&s[i..i + k]);
        match entity_at(s, i + k) {
            Some((semi, c)) => {
                out.push(c);
                i = semi + 1;
            }
            None => {
                out.push('&');
                i += k + 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

/// Reads Markdown with pulldown-cmark (CommonMark, with tables and YAML front matter),
/// keeping the text of paragraphs, headings, list items, block quotes, emphasis, links, code
/// and tables, each byte mapped back to the file through the parser's source offsets. Blocks
/// end a paragraph (`\n\n`); soft and hard line breaks stay line breaks; HTML inside is
/// stripped as HTML. The front matter's `title:` (else the first heading) is the title, and
/// its `date:` the article's date when it has no date line.
pub fn strip_markdown(src: &str) -> Stripped {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = Stripped {
        text: String::with_capacity(src.len()),
        offsets: Vec::with_capacity(src.len() + 1),
        title: None,
        date: None,
    };
    let opts = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let (mut in_meta, mut in_html_block) = (false, false);
    let mut heading: Option<usize> = None;
    let mut heading_title: Option<String> = None;
    for (event, r) in Parser::new_ext(src, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Text(t) if in_meta => front_matter(&t, &mut out),
            Event::Start(Tag::HtmlBlock) => {
                in_html_block = true;
                out.html(src, r.start, r.end);
            }
            Event::End(TagEnd::HtmlBlock) => in_html_block = false,
            _ if in_html_block => {}
            Event::Text(t) | Event::Code(t) => out.mapped(&t, src, r.start, r.end),
            Event::InlineHtml(_) | Event::Html(_) => out.html(src, r.start, r.end),
            Event::SoftBreak | Event::HardBreak => out.push("\n", r.start),
            Event::Start(Tag::Heading { .. }) => heading = Some(out.text.len()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(at) = heading.take() {
                    heading_title.get_or_insert_with(|| out.text[at..].trim().to_string());
                }
                out.block_end(r.end);
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::Table,
            )
            | Event::Rule => out.block_end(r.end),
            Event::End(TagEnd::TableCell) => out.push(" ", r.end.saturating_sub(1)),
            _ => {}
        }
    }
    out.offsets.push(src.len());
    out.title = out.title.take().or(heading_title).filter(|t| !t.is_empty());
    out
}

/// Reads `title:` and `date:` from a Markdown draft's YAML front matter.
fn front_matter(block: &str, out: &mut Stripped) {
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let value = ['"', '\'']
            .iter()
            .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)))
            .unwrap_or(value)
            .to_string();
        match key.trim().to_ascii_lowercase().as_str() {
            "title" if !value.is_empty() => out.title = Some(value),
            "date" if !value.is_empty() => out.date = Some(value),
            _ => {}
        }
    }
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

    /// Paragraphs of a stripped text, white space folded: what extraction reads.
    fn paragraphs(s: &Stripped) -> Vec<String> {
        s.text
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    }

    #[test]
    fn markdown_table() {
        let table: [(&str, &[&str], &str); 7] = [
            (
                "# Title\n\nSome **bold** and _it_ text.\n",
                &["Title", "Some bold and it text."],
                "text",
            ),
            (
                "> \"Quoted,\" she said.\n",
                &["\"Quoted,\" she said."],
                "she",
            ),
            (
                "- item one\n1. item two\n",
                &["item one", "item two"],
                "two",
            ),
            (
                "See [the report](http://x.y) now.\n",
                &["See the report now."],
                "now",
            ),
            ("snake_case stays\n\n---\n", &["snake_case stays"], "stays"),
            (
                "---\ntitle: Talks\ndate: 2021-12-05\n---\n\n\"Yes,\" he said &amp; left.\n",
                &["\"Yes,\" he said & left."],
                "left",
            ),
            (
                "A `code` and <span>inline <b>html</b></span>\nnext line\n",
                &["A code and inline html next line"],
                "html",
            ),
        ];
        for (src, want, word) in table {
            let s = strip_markdown(src);
            assert_eq!(paragraphs(&s), want, "{src:?}");
            assert_eq!(s.offsets.len(), s.text.len() + 1);
            assert!(s.offsets.iter().all(|&o| o <= src.len()));
            check(&s, src, word);
        }
        let s = strip_markdown("---\ntitle: \"Talks\"\ndate: 2021-12-05\n---\n\n# Head\n");
        assert_eq!(
            (s.title.as_deref(), s.date.as_deref()),
            (Some("Talks"), Some("2021-12-05"))
        );
        assert_eq!(
            strip_markdown("Intro\n\n## Sub *head*\n").title.as_deref(),
            Some("Sub head")
        );
    }

    #[test]
    fn html_table() {
        let table: [(&str, &[&str], &str); 7] = [
            ("<p>One &amp; two</p><p>Three</p>", &["One & two", "Three"], "Three"),
            (
                "<p>He said &ldquo;no&rdquo; &#8220;x&#8221; &#147;y&#148;.</p>",
                &["He said \u{201c}no\u{201d} \u{201c}x\u{201d} \u{201c}y\u{201d}."],
                "said",
            ),
            (
                "<script>alert(\"1\")</script><style>p{}</style><b>bold</b> x",
                &["bold x"],
                "bold",
            ),
            ("a <!-- \"hidden\" --> b &#8217; &#x2019;", &["a b \u{2019} \u{2019}"], "b"),
            ("one<br>two<br/><br />three", &["one\ntwo", "three"], "three"),
            (
                "<p><em>“We <strong>will</strong> <a href=\"x\">win</a>,”</em> said <span class=\"n\">Smith</span>.</p>",
                &["“We will win,” said Smith."],
                "Smith",
            ),
            // regression (found by fuzzing): a tag left open before a multi-byte character
            ("x \u{201d}<p \u{201d}", &["x \u{201d}"], "x"),
        ];
        for (src, want, word) in table {
            let s = strip_html(src);
            let got: Vec<String> = s
                .text
                .split("\n\n")
                .map(|p| p.trim_matches(' ').to_string())
                .map(|p| {
                    p.split(' ')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .filter(|p| !p.is_empty())
                .collect();
            assert_eq!(got, want, "{src:?}");
            assert_eq!(s.offsets.len(), s.text.len() + 1);
            check(&s, src, word);
        }
        let s = strip_html(
            "<html><head><title>Talks &amp; more</title></head><body><h1>Head</h1></body>",
        );
        assert_eq!(s.title.as_deref(), Some("Talks & more"));
        assert!(!s.text.contains("Talks"));
        assert_eq!(
            strip_html("<h1>Only <i>head</i></h1><p>x</p>")
                .title
                .as_deref(),
            Some("Only head")
        );
    }
}
