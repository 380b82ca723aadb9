//! Progress on standard error for long runs (parsing, indexing, batches): an `indicatif` bar
//! (count, rate, ETA) redrawn in place when standard error is a terminal; and, for a run
//! whose standard error is a file or a pipe (`nohup`, a notebook, CI), plain progress lines
//! now and then when the caller asks for them ([`Progress::with_lines`]). Nothing is drawn
//! until the program asks for it ([`enable`]), so a program using the library draws nothing
//! unasked.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Whether progress is shown. Off until [`enable`].
static ENABLED: AtomicBool = AtomicBool::new(false);

/// The environment variable that sets how often progress lines are printed, in seconds
/// (`0`: after every item).
pub const LINES_EVERY_VAR: &str = "QUOTECHECK_PROGRESS_SECONDS";

/// How often progress lines are printed by default.
pub const LINES_EVERY: Duration = Duration::from_secs(10);

/// Turns progress on or off for the whole program (the `quotecheck` binary turns it on; a
/// library user gets none unless it does).
pub fn enable(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// How often progress lines are printed: [`LINES_EVERY_VAR`] when set to a number of
/// seconds, else [`LINES_EVERY`].
pub fn lines_every() -> Duration {
    std::env::var(LINES_EVERY_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(LINES_EVERY, Duration::from_secs_f64)
}

/// Periodic progress lines for a standard error that is not a terminal.
struct Lines {
    every: Duration,
    last: Mutex<Instant>,
}

/// A progress counter, safe to bump from many threads.
pub struct Progress {
    what: &'static str,
    unit: &'static str,
    total: u64,
    done: AtomicU64,
    started: Instant,
    bar: Option<ProgressBar>,
    lines: Option<Lines>,
}

impl Progress {
    /// A bar for `total` items of `unit`, drawn only when progress is enabled and standard
    /// error is a terminal.
    pub fn new(what: &'static str, total: u64, unit: &'static str) -> Progress {
        let shown = ENABLED.load(Ordering::Relaxed) && std::io::stderr().is_terminal();
        let bar = shown.then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            let template =
                format!("{{prefix:<9}} [{{bar:30}}] {{pos}}/{{len}} {unit} {{rate}} ETA {{eta}}");
            if let Ok(style) = ProgressStyle::with_template(&template) {
                let rate = |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", s.per_sec());
                };
                bar.set_style(style.with_key("rate", rate).progress_chars("#> "));
            }
            bar.set_prefix(what);
            bar
        });
        Progress {
            what,
            unit,
            total,
            done: AtomicU64::new(0),
            started: Instant::now(),
            bar,
            lines: None,
        }
    }

    /// Also prints a progress line (`quotecheck: checking 500/924 articles, 54.1/s, ETA 8s`)
    /// at most every `every` when progress is enabled and standard error is not a terminal.
    pub fn with_lines(mut self, every: Duration) -> Progress {
        if ENABLED.load(Ordering::Relaxed) && !std::io::stderr().is_terminal() {
            self.lines = Some(Lines {
                every,
                last: Mutex::new(self.started),
            });
        }
        self
    }

    /// Counts `n` more items done, redrawing or printing a line now and then.
    pub fn inc(&self, n: u64) {
        let done = self.done.fetch_add(n, Ordering::Relaxed) + n;
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
        if let Some(lines) = &self.lines {
            let Ok(mut last) = lines.last.lock() else {
                return;
            };
            if last.elapsed() >= lines.every && done < self.total {
                *last = Instant::now();
                eprintln!("quotecheck: {}", self.line(done));
            }
        }
    }

    /// The progress line for `done` items: `checking 500/924 articles, 54.1/s, ETA 8s`.
    pub fn line(&self, done: u64) -> String {
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let rate = done as f64 / secs;
        let left = self.total.saturating_sub(done) as f64 / rate.max(1e-9);
        format!(
            "{} {}/{} {}, {:.1}/s, ETA {:.0}s",
            self.what,
            done,
            self.total,
            self.unit,
            rate,
            if done == 0 { 0.0 } else { left }
        )
    }

    /// Seconds since the counter started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Ends the bar: left on the screen at its last count, with the line ended (indicatif
    /// leaves the cursor after it, where the next message would run on).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish();
            eprintln!();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_says_count_rate_and_eta() {
        let p = Progress::new("checking", 10, "articles");
        p.inc(5);
        let line = p.line(5);
        assert!(line.starts_with("checking 5/10 articles, "), "{line}");
        assert!(line.contains("/s, ETA "), "{line}");
    }
}
