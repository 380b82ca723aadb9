//! Caption files, WebVTT (`.vtt`) and SubRip (`.srt`): cues become turns that keep the time
//! each stretch of words was said. The speaker comes from `<v Name>` voice tags, a cue that
//! opens with `Name:` or a broadcast's `>>` change of speaker (`>> KENNEDY:`; a bare `>>`
//! starts a turn of unknown speaker), else the document's speaker, else nobody known
//! ([`UNKNOWN_SPEAKER`]). Metadata comes from an optional sidecar `FILE.meta` in the front
//! matter syntax (`title:`, `date:`, `speaker:`, `aliases:`, `speakers:`, `source:`), else the
//! date is the first `YYYY-MM-DD` in the file name and the title the file's stem.
//! YouTube-style rolling captions (each cue repeating the previous line, inline word timings
//! `<00:00:02.520><c> word</c>`) are deduplicated.

use super::transcript::{front_matter, resolve_label, split_label};
use super::{Document, Turn, UNKNOWN_SPEAKER};
use crate::date::Date;
use crate::error::{Error, Result};
use std::path::Path;

/// How many recently emitted caption lines a new line is compared with, for rolling captions.
const DEDUPE_WINDOW: usize = 3;

/// Parses `HH:MM:SS.mmm`, `MM:SS.mmm`, `HH:MM:SS,mmm` (SRT) or plain seconds (`61.5`) into
/// milliseconds.
pub fn parse_timestamp(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let (whole, frac) = match s.rsplit_once(['.', ',']) {
        Some((w, f)) if !f.contains(':') => (w, f),
        _ => (s, ""),
    };
    if !frac.chars().all(|c| c.is_ascii_digit()) || frac.len() > 3 {
        return None;
    }
    let ms_frac = if frac.is_empty() {
        0
    } else {
        frac.parse::<u32>().ok()? * 10u32.pow(3 - frac.len() as u32)
    };
    let mut secs: u64 = 0;
    let parts: Vec<&str> = whole.split(':').collect();
    if parts.len() > 3 {
        return None;
    }
    for (k, p) in parts.iter().enumerate() {
        if p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 9 {
            return None;
        }
        let v: u64 = p.parse().ok()?;
        if k > 0 && v >= 60 {
            return None;
        }
        secs = secs * 60 + v;
    }
    u32::try_from(secs * 1000 + u64::from(ms_frac)).ok()
}

/// Formats milliseconds as `HH:MM:SS`.
pub fn format_time(ms: u32) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// One caption line without its tags: its words, each with the inline time that precedes
/// it (`<00:00:02.520>`) if any, and the voice (`<v Name>`) if any.
fn strip_line(line: &str) -> (Vec<(String, Option<u32>)>, Option<String>) {
    let mut words: Vec<(String, Option<u32>)> = Vec::new();
    let mut voice = None;
    let mut pending: Option<u32> = None;
    let mut push_text = |text: &str, pending: &mut Option<u32>| {
        let text = text
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&nbsp;", " ");
        for w in text.split_whitespace() {
            words.push((w.to_string(), pending.take()));
        }
    };
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        push_text(&rest[..open], &mut pending);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        if let Some(v) = tag.strip_prefix('v').filter(|v| v.starts_with([' ', '.'])) {
            let name = v.split_once(' ').map_or("", |(_, n)| n).trim();
            if !name.is_empty() {
                voice = Some(name.to_string());
            }
        } else if let Some(ms) = parse_timestamp(tag) {
            pending = Some(ms);
        }
        rest = &rest[open + close + 1..];
    }
    if !rest.contains('<') {
        push_text(rest, &mut pending);
    }
    (words, voice)
}

/// A speaker cue at the start of a caption line: `>>` (a broadcast's change of speaker,
/// named or not: `>> KENNEDY: ...`, `>> ...`) and a `Name:` label.
struct SpeakerCue<'a> {
    /// The label, if the cue names one.
    label: Option<&'a str>,
    /// True for a `>>` change (a new turn even when the speaker is unknown both times).
    chevrons: bool,
    /// Where the spoken text starts in the line.
    text_at: usize,
}

/// The speaker cue a caption line opens with, if any.
fn speaker_cue(line: &str) -> Option<SpeakerCue<'_>> {
    let (chevrons, rest) = match line.strip_prefix(">>") {
        Some(r) => (true, r.trim_start_matches('>').trim_start()),
        None => (false, line),
    };
    let offset = line.len() - rest.len();
    match split_label(rest) {
        Some((label, text)) => Some(SpeakerCue {
            label: Some(label),
            chevrons,
            text_at: line.len() - text.len(),
        }),
        None => chevrons.then_some(SpeakerCue {
            label: None,
            chevrons,
            text_at: offset,
        }),
    }
}

/// Parses a caption file (`.vtt` or `.srt`); `path` names it in errors and finds its sidecar.
pub fn parse_captions(path: &Path, text: &str) -> Result<Document> {
    let name = path.to_string_lossy().into_owned();
    let mut doc = Document {
        path: name.clone(),
        ..Document::default()
    };
    let sidecar = path.with_file_name(format!(
        "{}.meta",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    if let Ok(meta) = std::fs::read_to_string(&sidecar) {
        let sname = sidecar.to_string_lossy();
        for (i, line) in meta.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line == "---" || line.starts_with('#') {
                continue;
            }
            let (k, v) = line.split_once(':').ok_or_else(|| {
                Error::parse(&*sname, i + 1, format!("not 'key: value': {line:?}"))
            })?;
            front_matter(&mut doc, k.trim(), v.trim(), &sname, i + 1)?;
        }
    }
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    if doc.title.is_empty() {
        doc.title = stem.clone();
    }
    if doc.date.is_none() {
        doc.date = (0..stem.len().saturating_sub(9))
            .filter(|&i| stem.is_char_boundary(i) && stem.is_char_boundary(i + 10))
            .find_map(|i| Date::parse_iso(&stem[i..i + 10]));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let vtt = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("vtt"));
    if vtt && !lines.first().is_some_and(|l| l.starts_with("WEBVTT")) {
        return Err(Error::parse(
            &*name,
            1,
            "a WebVTT file starts with 'WEBVTT'",
        ));
    }
    let mut recent: Vec<String> = Vec::new();
    let mut current: Option<Turn> = None;
    // The speaker a cue named (a voice tag, `Name:`, `>>`), in force until another does.
    let mut named: Option<(String, Option<String>)> = None;
    let mut i = 0;
    while i < lines.len() {
        // One block: lines up to a blank line.
        let start = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        let block = &lines[start..i];
        i += 1;
        let Some(k) = block.iter().position(|l| l.contains("-->")) else {
            continue; // header, NOTE, STYLE, REGION, or a stray number
        };
        let timing = block[k];
        let from = timing.split("-->").next().unwrap_or("").trim();
        let ms = parse_timestamp(from).ok_or_else(|| {
            Error::parse(
                &*name,
                start + k + 1,
                format!("cue timing {timing:?} is not 'HH:MM:SS.mmm --> HH:MM:SS.mmm'"),
            )
        })?;
        for raw in &block[k + 1..] {
            let (words, voice) = strip_line(raw);
            let line: String = words
                .iter()
                .map(|(w, _)| w.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if line.is_empty() || recent.contains(&line) {
                continue;
            }
            // A line that grows the last one (`hello` then `hello world`) adds only its tail.
            let mut skip = match recent.last() {
                Some(last) if line.starts_with(&format!("{last} ")) => last.len() + 1,
                _ => 0,
            };
            recent.push(line.clone());
            if recent.len() > DEDUPE_WINDOW {
                recent.remove(0);
            }
            // A new speaker: a voice tag, else (on a line that is not a repeat) a `>>`
            // broadcast change and a `Name:` label at the start.
            let mut change = false;
            if let Some(v) = &voice {
                named = Some((resolve_label(&doc, v), Some(v.clone())));
            } else if skip == 0 {
                if let Some(cue) = speaker_cue(&line) {
                    skip = cue.text_at;
                    change = cue.chevrons;
                    named = match cue.label {
                        Some(l) => Some((resolve_label(&doc, l), Some(l.to_string()))),
                        None => Some((UNKNOWN_SPEAKER.to_string(), None)),
                    };
                }
            }
            if skip >= line.len() {
                continue;
            }
            let (speaker, label) = named.clone().unwrap_or_else(|| {
                (
                    doc.speaker
                        .clone()
                        .unwrap_or_else(|| UNKNOWN_SPEAKER.to_string()),
                    None,
                )
            });
            if current
                .as_ref()
                .is_some_and(|t| change || t.speaker != speaker)
            {
                doc.turns.extend(current.take());
            }
            let turn = current.get_or_insert_with(|| Turn {
                follows: false,
                speaker: speaker.clone(),
                label,
                line: start + k + 1,
                ..Turn::default()
            });
            if !turn.text.is_empty() {
                turn.text.push(' ');
            }
            let base = turn.text.len();
            turn.times.push((base as u32, ms));
            let mut at = 0;
            for (w, t) in &words {
                if let (Some(t), true) = (t, at >= skip) {
                    turn.times.push(((base + at - skip) as u32, *t));
                }
                at += w.len() + 1;
            }
            turn.text.push_str(&line[skip..]);
        }
    }
    doc.turns.extend(current);
    for t in &mut doc.turns {
        t.times.sort_by_key(|&(o, _)| o);
        t.times.dedup_by_key(|&mut (o, _)| o);
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        let table = [
            ("00:41:07.250", Some(2_467_250)),
            ("00:00:01,5", Some(1_500)),
            ("41:07", Some(2_467_000)),
            ("61.5", Some(61_500)),
            ("12", Some(12_000)),
            ("00:61:00", None),
            ("1:2:3:4", None),
            ("abc", None),
            ("", None),
        ];
        for (s, want) in table {
            assert_eq!(parse_timestamp(s), want, "{s}");
        }
        assert_eq!(format_time(2_467_250), "00:41:07");
    }

    #[test]
    fn voices_rolling_lines_and_times() {
        let vtt = "WEBVTT\nKind: captions\n\n00:00:01.000 --> 00:00:03.000\n<v Jim Lehrer>Good evening.\n\n\
                   00:00:03.000 --> 00:00:05.000\n<v John Kennedy>I think<00:00:04.000><c> it</c> is time\n\n\
                   00:00:05.000 --> 00:00:05.010\nI think it is time\n\n\
                   00:00:05.010 --> 00:00:07.000\nI think it is time\nto move again\n";
        let doc = parse_captions(Path::new("x/1960-09-26.vtt"), vtt).unwrap();
        assert_eq!(
            super::super::turn_rows(&doc),
            [
                ("Jim Lehrer", "Good evening.", 4, vec![(0, 1_000)]),
                (
                    "John Kennedy",
                    "I think it is time to move again",
                    7,
                    vec![(0, 3_000), (8, 4_000), (19, 5_010)]
                ),
            ]
        );
        let k = &doc.turns[1];
        assert_eq!(k.time_at(k.text.find("move").unwrap()), Some(5_010));
        assert_eq!(k.time_at(k.text.find("it").unwrap()), Some(4_000));
        assert_eq!(doc.date.unwrap().to_string(), "1960-09-26");
        assert_eq!(doc.title, "1960-09-26");
    }

    #[test]
    fn name_labels_and_broadcast_chevrons_carry_the_speaker() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nJIM LEHRER: Good evening.\n\n\
                   2\n00:00:02,000 --> 00:00:04,000\n>> KENNEDY: I think it is time\nto move again.\n\n\
                   3\n00:00:04,000 --> 00:00:05,000\n>> Thank you, Senator.\n\n\
                   4\n00:00:05,000 --> 00:00:06,000\n>> Mr. Vice President.\n\n\
                   5\n00:00:06,000 --> 00:00:07,000\nNIXON: Well, the things: all of them.\n";
        let meta = "speakers: John F. Kennedy (Senator); Richard Nixon (Vice President); Jim Lehrer (moderator)\n";
        let dir = std::env::temp_dir().join(format!("qc-captions-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("1960-09-26.srt");
        std::fs::write(dir.join("1960-09-26.srt.meta"), meta).unwrap();
        let doc = parse_captions(&path, srt).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let got: Vec<(&str, &str)> = doc
            .turns
            .iter()
            .map(|t| (t.speaker.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Jim Lehrer", "Good evening."),
                ("John F. Kennedy", "I think it is time to move again."),
                (UNKNOWN_SPEAKER, "Thank you, Senator."),
                (UNKNOWN_SPEAKER, "Mr. Vice President."),
                ("Richard Nixon", "Well, the things: all of them."),
            ]
        );
        assert_eq!(doc.turns[1].times, [(0, 2_000), (19, 2_000)]);
        // Without any speaker information every turn is of unknown speaker.
        let doc = parse_captions(
            Path::new("x.srt"),
            "1\n00:00:01,000 --> 00:00:02,000\nHello there.\n",
        )
        .unwrap();
        assert_eq!(doc.turns[0].speaker, UNKNOWN_SPEAKER);
    }

    #[test]
    fn srt_and_errors() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nHello &amp; welcome.\n\n2\n00:01:00,000 --> 00:01:02,000\nSecond line.\n";
        let doc = parse_captions(Path::new("a.srt"), srt).unwrap();
        assert_eq!(doc.turns[0].text, "Hello & welcome. Second line.");
        assert_eq!(doc.turns[0].times, [(0, 1_000), (17, 60_000)]);
        let table = [
            (
                "a.vtt",
                "1\n00:00:01 --> 2\nx\n",
                "a.vtt:1: a WebVTT file starts",
            ),
            (
                "a.srt",
                "1\nxx --> 00:00:02,000\nx\n",
                "a.srt:2: cue timing",
            ),
        ];
        for (p, text, want) in table {
            let err = parse_captions(Path::new(p), text).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err}");
        }
    }
}
