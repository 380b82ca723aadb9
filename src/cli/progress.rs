//! A progress line on stderr (done/total, rate, ETA) when stderr is a terminal; silent
//! otherwise.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Progress of a run over `total` items.
pub struct Progress {
    what: &'static str,
    total: usize,
    done: usize,
    start: Instant,
    last: Option<Instant>,
    enabled: bool,
}

impl Progress {
    /// Starts counting; draws only when stderr is a terminal.
    pub fn new(what: &'static str, total: usize) -> Progress {
        Progress {
            what,
            total,
            done: 0,
            start: Instant::now(),
            last: None,
            enabled: std::io::stderr().is_terminal(),
        }
    }

    /// Counts one more item done, redrawing at most ten times a second.
    pub fn tick(&mut self) {
        self.done += 1;
        if !self.enabled
            || self
                .last
                .is_some_and(|l| l.elapsed() < Duration::from_millis(100))
                && self.done < self.total
        {
            return;
        }
        self.last = Some(Instant::now());
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        let rate = self.done as f64 / secs;
        let eta = if rate > 0.0 {
            (self.total.saturating_sub(self.done)) as f64 / rate
        } else {
            0.0
        };
        let width = 30;
        let filled = (width * self.done)
            .checked_div(self.total)
            .unwrap_or(width)
            .min(width);
        eprint!(
            "\r[{}{}] {}/{} {} {:.1}/s ETA {:.0}s ",
            "=".repeat(filled),
            " ".repeat(width - filled),
            self.done,
            self.total,
            self.what,
            rate,
            eta
        );
        let _ = std::io::stderr().flush();
    }

    /// Ends the line.
    pub fn finish(&self) {
        if self.enabled && self.last.is_some() {
            eprintln!();
        }
    }
}
