//! The library's one error type. Variants carry the evidence a user needs to
//! find the problem (file, line, what was expected); messages are lowercase
//! with no final period so they read well after `textmend: `.

use std::path::PathBuf;

/// A `Result` with textmend's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A rules file line could not be parsed.
    #[error("{}:{line}: {message}", path.display())]
    RuleSyntax {
        /// The file being read (`-` for text given directly).
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What was wrong with the line.
        message: String,
    },
    /// A line of a word list or an ignore list could not be parsed.
    #[error("{}:{line}: {message}", path.display())]
    ListSyntax {
        /// The file being read.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What was wrong with the line.
        message: String,
    },
    /// The language's dictionary is not in this build (its crate feature was
    /// off).
    #[error("this build of textmend has no {0} dictionary")]
    LanguageNotBuilt(crate::Language),
    /// An embedded dictionary could not be loaded; this means a broken build.
    #[error("embedded dictionary is corrupt: {0}")]
    Dictionary(String),
}
