//! `quotecheck.toml`: settings a newsroom writes once (corpus, index, fail-on rules, verdict
//! thresholds), looked up from the current folder upwards or given with `--config`.

use quotecheck::{Error, Thresholds};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The config file's name.
pub const FILE_NAME: &str = "quotecheck.toml";

/// The settings; each may be absent. Paths are relative to the config file's folder.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Corpus directory.
    pub corpus: Option<PathBuf>,
    /// Fail-on rules, as a list or one comma-separated string.
    pub fail_on: Option<FailOnSetting>,
    /// Index of the corpus.
    pub index: Option<PathBuf>,
    /// Verdict thresholds (`[thresholds]`); those not given keep their defaults.
    pub thresholds: Option<Thresholds>,
    /// Where `fail_on` was set (the file and its line), to name in an error about its rules.
    #[serde(skip)]
    pub fail_on_at: Option<(PathBuf, usize)>,
}

/// The 1-based line that sets `key` (`key = ...`, or `section.key = ...`), preferring one
/// inside `[section]`; else the section's header; else line 1.
fn line_of(text: &str, section: Option<&str>, key: &str) -> usize {
    let sets = |l: &str, k: &str| {
        l.trim_start()
            .strip_prefix(k)
            .is_some_and(|r| r.trim_start().starts_with('='))
    };
    let mut current: Option<String> = None;
    let mut header = None;
    for (i, l) in text.lines().enumerate() {
        let t = l.trim();
        if t.starts_with('[') {
            current = Some(t.trim_matches(['[', ']']).trim().to_string());
            if current.as_deref() == section {
                header.get_or_insert(i + 1);
            }
            continue;
        }
        let dotted = section.map(|s| format!("{s}.{key}"));
        if (current.as_deref() == section && sets(l, key))
            || dotted
                .as_deref()
                .is_some_and(|d| current.is_none() && sets(l, d))
        {
            return i + 1;
        }
    }
    header.unwrap_or(1)
}

/// `fail_on = "altered,misattributed"` or `fail_on = ["altered", "misattributed"]`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum FailOnSetting {
    One(String),
    Many(Vec<String>),
}

impl FailOnSetting {
    /// The rules as one comma-separated list.
    pub fn joined(&self) -> String {
        match self {
            FailOnSetting::One(s) => s.clone(),
            FailOnSetting::Many(v) => v.join(","),
        }
    }
}

/// Reads `--config PATH`, or the nearest `quotecheck.toml` from the current folder up.
pub fn load(explicit: Option<&Path>) -> Result<Config, Error> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => std::env::current_dir().ok().and_then(|d| {
            d.ancestors()
                .map(|a| a.join(FILE_NAME))
                .find(|p| p.is_file())
        }),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let mut config: Config = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map_or(1, |s| text[..s.start].matches('\n').count() + 1);
        Error::parse(&path, line, e.message().to_string())
    })?;
    if let Some(t) = &config.thresholds {
        t.validate().map_err(|m| {
            // The message starts with the setting's name (`near_min_coverage = 1.5: ...`).
            let key = m.split([' ', '=']).next().unwrap_or("");
            Error::parse(&path, line_of(&text, Some("thresholds"), key), m)
        })?;
    }
    if config.fail_on.is_some() {
        config.fail_on_at = Some((path.clone(), line_of(&text, None, "fail_on")));
    }
    let base = path.parent().unwrap_or(Path::new("."));
    config.corpus = config.corpus.map(|c| base.join(c));
    config.index = config.index.map(|c| base.join(c));
    Ok(config)
}
