//! The crate's error type.
//!
//! Loading can fail (a bad dictionary, taxonomy or option value); processing
//! text never does. Every error carries an [`ErrorKind`] a caller can match
//! on, and where it applies the place (file, line) the problem was found.

use std::fmt;
use std::path::PathBuf;

/// `Result` with [`Error`] as the default error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading a file failed.
    Io,
    /// A dictionary could not be built or loaded.
    Dictionary,
    /// A taxonomy file is not valid.
    Taxonomy,
    /// A model file has the wrong magic string or format version.
    ModelFormat,
    /// An option value (for example an encoding name) is not known.
    InvalidOption,
    /// A record (for example a JSON Lines article) could not be read.
    Record,
}

/// The error of every fallible operation in agrivn.
///
/// Its `Display` is the place and the message ("bad.toml:12: …"); the
/// underlying cause, if any (the operating system's reason a file cannot be
/// read), is its [`source`](std::error::Error::source), as error-reporting
/// crates expect.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    line: Option<u64>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    /// A new error of `kind` with a message for the user.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            path: None,
            line: None,
            source: None,
        }
    }

    /// Attach the file the error was found in.
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Attach the 1-based line number the error was found on.
    pub fn with_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    /// Attach the underlying cause.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file the error was found in, if known.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// The 1-based line the error was found on, if known.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// Read a data file (a word list, a taxonomy) as UTF-8: an error of
    /// `kind`, with the line of the first bad byte, when it is not.
    pub(crate) fn read_utf8(path: &std::path::Path, kind: ErrorKind) -> Result<String> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = 1 + valid.iter().filter(|&&b| b == b'\n').count() as u64;
            Error::new(kind, "not valid UTF-8")
                .with_path(path)
                .with_line(line)
        })
    }

    pub(crate) fn io(path: impl Into<PathBuf>, err: std::io::Error) -> Self {
        let path = path.into();
        Error::new(ErrorKind::Io, "cannot read")
            .with_path(path)
            .with_source(err)
    }
}

/// The 1-based line of byte `at` of `text`.
pub(crate) fn line_at(text: &str, at: usize) -> u64 {
    1 + text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: ", p.display(), l)?,
            (Some(p), None) => write!(f, "{}: ", p.display())?,
            (None, Some(l)) => write!(f, "line {l}: ")?,
            (None, None) => {}
        }
        // The cause is given by `source()`, not repeated here: a report
        // that walks the chain (`anyhow`'s `{:#}`) shows it once.
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}
