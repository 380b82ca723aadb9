//! The library's error type: every failure names the file (and, where known, the line).

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong in quotecheck. `main` prints it once and exits with status 2.
#[derive(Debug)]
pub enum Error {
    /// A file or directory could not be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file was read but its content is malformed at `line` (1-based).
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// An index file is corrupt, truncated, from another format version, or not an index.
    BadIndex { path: PathBuf, message: String },
    /// The corpus directory does not exist.
    CorpusMissing { path: PathBuf },
    /// A value given by the user (a date, a verdict name) is not valid.
    Invalid {
        what: &'static str,
        value: String,
        expected: &'static str,
    },
}

impl Error {
    /// Shorthand for an I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Shorthand for an unusable index at `path`.
    pub fn bad_index(path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error::BadIndex {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Shorthand for a parse error at `path:line`.
    pub fn parse(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Error {
        Error::Parse {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            Error::Parse {
                path,
                line,
                message,
            } => {
                write!(f, "{}:{}: {}", path.display(), line, message)
            }
            Error::BadIndex { path, message } => {
                write!(f, "{}: unusable index: {}", path.display(), message)
            }
            Error::CorpusMissing { path } => write!(
                f,
                "{}: corpus directory not found (give one with --corpus DIR)",
                path.display()
            ),
            Error::Invalid {
                what,
                value,
                expected,
            } => {
                write!(f, "invalid {what} '{value}': expected {expected}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
