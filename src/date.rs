//! Calendar dates: parsing the forms articles and transcripts use, weekdays, day arithmetic.

use serde::{Serialize, Serializer};
use std::fmt;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Month names in full, lower case, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, Monday first (index = days since Monday).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_from_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let idx = MONTH_NAMES.iter().position(|m| w.starts_with(&m[..3]))?;
    // "march" or "mar" but not "marching"
    let full = MONTH_NAMES[idx];
    (full.starts_with(&w) || w == "sept").then_some(idx as u32 + 1)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// A date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let mut it = s.splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.get(..2).unwrap_or("").trim().parse().ok();
        let d = match d {
            Some(d) => d,
            None => s.get(8..)?.trim().parse().ok()?,
        };
        Date::new(y, m, d)
    }

    /// Finds the first date written in `text` in any common form: `2021-12-05`,
    /// `5 Dec, 2021`, `Dec. 5, 2021`, `December 5 2021`, `5/12/2021` is not accepted (ambiguous).
    pub fn find_in(text: &str) -> Option<Date> {
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        for (i, w) in words.iter().enumerate() {
            if let Some(d) = Date::parse_iso(w) {
                return Some(d);
            }
            let num = |s: &str| -> Option<u32> {
                let s = s.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
                s.parse().ok()
            };
            let year = |s: &str| -> Option<i32> {
                let s = s.trim_end_matches(['.', ';', ')']);
                (s.len() == 4).then(|| s.parse().ok()).flatten()
            };
            if let Some(m) = month_from_name(w) {
                // Month D YYYY
                if let (Some(d), Some(y)) = (
                    words.get(i + 1).and_then(|s| num(s)),
                    words.get(i + 2).and_then(|s| year(s)),
                ) {
                    if let Some(date) = Date::new(y, m, d) {
                        return Some(date);
                    }
                }
                // D Month YYYY
                if i > 0 {
                    if let (Some(d), Some(y)) =
                        (num(words[i - 1]), words.get(i + 1).and_then(|s| year(s)))
                    {
                        if let Some(date) = Date::new(y, m, d) {
                            return Some(date);
                        }
                    }
                }
            }
        }
        None
    }

    /// Days since 1970-01-01.
    pub fn days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` since 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date {
            year: (y + i64::from(m <= 2)) as i32,
            month: m,
            day: d,
        }
    }

    /// Index into [`WEEKDAYS`] (0 = Monday).
    pub fn weekday(&self) -> usize {
        // 1970-01-01 was a Thursday (index 3).
        ((self.days() + 3).rem_euclid(7)) as usize
    }

    /// The most recent date on or before `self` that falls on `weekday` (0 = Monday):
    /// "said Friday" in an article of Sunday 5 Dec is Friday 3 Dec.
    pub fn last_weekday(&self, weekday: usize) -> Date {
        let back = (self.weekday() + 7 - weekday) % 7;
        Date::from_days(self.days() - back as i64)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates_in_text() {
        let table = [
            ("Published: 11:34 AM, 5 Dec, 2021", Some((2021, 12, 5))),
            ("date: 2021-12-04", Some((2021, 12, 4))),
            ("Updated Dec. 5, 2021 at noon", Some((2021, 12, 5))),
            ("September 26, 2008", Some((2008, 9, 26))),
            ("on 30 February 2021", None),
            ("May we go", None),
            ("no date here", None),
        ];
        for (text, want) in table {
            let got = Date::find_in(text).map(|d| (d.year, d.month, d.day));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn weekdays_resolve_backwards() {
        let sunday = Date::new(2021, 12, 5).unwrap();
        assert_eq!(WEEKDAYS[sunday.weekday()], "sunday");
        let table = [
            ("friday", "2021-12-03"),
            ("saturday", "2021-12-04"),
            ("sunday", "2021-12-05"),
            ("monday", "2021-11-29"),
        ];
        for (day, want) in table {
            let idx = WEEKDAYS.iter().position(|d| *d == day).unwrap();
            assert_eq!(sunday.last_weekday(idx).to_string(), want, "{day}");
        }
        assert_eq!(Date::from_days(sunday.days()), sunday);
    }
}
