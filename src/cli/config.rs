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
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("[thresholds]"))
                .map_or(1, |i| i + 1);
            Error::parse(&path, line, m)
        })?;
    }
    let base = path.parent().unwrap_or(Path::new("."));
    config.corpus = config.corpus.map(|c| base.join(c));
    config.index = config.index.map(|c| base.join(c));
    Ok(config)
}
