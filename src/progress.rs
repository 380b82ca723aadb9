//! A progress bar on standard error for long runs (parsing, indexing): count, rate and ETA,
//! redrawn in place when standard error is a terminal and the program asked for bars
//! ([`enable`]); silent otherwise, so that a program using the library draws nothing unasked.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often the bar is redrawn at most.
const REDRAW: Duration = Duration::from_millis(200);

/// Whether bars are drawn (when standard error is a terminal). Off until [`enable`].
static ENABLED: AtomicBool = AtomicBool::new(false);

/// Turns progress bars on or off for the whole program (the `quotecheck` binary turns them
/// on; a library user gets none unless it does).
pub fn enable(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// A progress counter, safe to bump from many threads.
pub struct Progress {
    what: &'static str,
    unit: &'static str,
    total: u64,
    done: AtomicU64,
    started: Instant,
    last: Mutex<Instant>,
    shown: bool,
}

impl Progress {
    /// A bar for `total` items of `unit`, shown only when bars are enabled and stderr is a
    /// terminal.
    pub fn new(what: &'static str, total: u64, unit: &'static str) -> Progress {
        let now = Instant::now();
        Progress {
            what,
            unit,
            total,
            done: AtomicU64::new(0),
            started: now,
            last: Mutex::new(now),
            shown: ENABLED.load(Ordering::Relaxed) && std::io::stderr().is_terminal(),
        }
    }

    /// Counts `n` more items done, redrawing now and then.
    pub fn inc(&self, n: u64) {
        let done = self.done.fetch_add(n, Ordering::Relaxed) + n;
        if !self.shown {
            return;
        }
        let Ok(mut last) = self.last.try_lock() else {
            return;
        };
        if last.elapsed() < REDRAW && done < self.total {
            return;
        }
        *last = Instant::now();
        eprint!("\r{}", self.line(done));
        let _ = std::io::stderr().flush();
    }

    /// The bar's text for `done` items.
    pub fn line(&self, done: u64) -> String {
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let rate = done as f64 / secs;
        let left = self.total.saturating_sub(done) as f64 / rate.max(1e-9);
        let width = 30;
        let filled = (done * width / self.total.max(1)).min(width) as usize;
        format!(
            "{:<9} [{}{}] {}/{} {} {:.0}/s ETA {:.0}s  ",
            self.what,
            "#".repeat(filled),
            " ".repeat(width as usize - filled),
            done,
            self.total,
            self.unit,
            rate,
            if done == 0 { 0.0 } else { left }
        )
    }

    /// Ends the bar (a newline, when it was shown).
    pub fn finish(&self) {
        if self.shown {
            eprintln!("\r{}", self.line(self.done.load(Ordering::Relaxed)));
        }
    }
}
