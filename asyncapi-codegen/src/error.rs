//! [`Error`]: everything that can stop generation, each naming the file and the JSON
//! pointer of the problem.

use std::fmt;
use std::path::PathBuf;

/// Why a document could not be turned into Rust.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The document (or a file it references) could not be read.
    Io {
        /// The file.
        file: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not YAML/JSON, or not a mapping at the top.
    Parse {
        /// The file.
        file: PathBuf,
        /// What the parser said (with its line and column).
        message: String,
    },
    /// The document is not AsyncAPI 3.x.
    Version {
        /// The file.
        file: PathBuf,
        /// The `asyncapi` value found, or `None` when the field is missing.
        found: Option<String>,
    },
    /// Something at `pointer` is wrong: a dangling `$ref`, a value of the wrong type,
    /// an unsupported keyword, a pattern that does not compile, ...
    At {
        /// The file.
        file: PathBuf,
        /// RFC 6901 JSON pointer into the file.
        pointer: String,
        /// What is wrong there.
        problem: Problem,
    },
    /// Several problems, in document order.
    Many(Vec<Error>),
    /// The output file could not be written.
    Write {
        /// The file.
        file: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The generated tokens did not parse as Rust (a bug in the generator).
    Emit(String),
}

/// What is wrong at a location (see [`Error::At`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A `$ref` whose target does not exist.
    DanglingRef(String),
    /// A `$ref` that is not a string, or a form this generator cannot follow.
    BadRef(String),
    /// `$ref`s that only lead to each other, never to a schema.
    RefCycle(Vec<String>),
    /// A keyword the generator does not support (it would otherwise be ignored).
    UnsupportedKeyword(String),
    /// A keyword used in a way the generator does not support, described in full.
    Unsupported(String),
    /// A keyword whose value has the wrong JSON type or range.
    BadValue {
        /// The keyword.
        keyword: String,
        /// What it should be.
        expected: String,
    },
    /// A `type` the generator does not know.
    UnknownType(String),
    /// A `pattern` that cannot be translated from ECMA-262 or does not compile.
    Pattern {
        /// The pattern as written.
        pattern: String,
        /// Why.
        reason: String,
    },
    /// A required field is missing.
    Missing(String),
    /// A channel address and its declared parameters disagree.
    Parameters(String),
    /// Anything else, described.
    Invalid(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::DanglingRef(target) => write!(f, "$ref {target:?} points to nothing"),
            Problem::BadRef(reason) => write!(f, "bad $ref: {reason}"),
            Problem::RefCycle(chain) => write!(f, "$ref cycle: {}", chain.join(" -> ")),
            Problem::UnsupportedKeyword(keyword) => {
                write!(f, "keyword {keyword:?} is not supported by the generator")
            }
            Problem::Unsupported(what) => write!(f, "{what} is not supported by the generator"),
            Problem::BadValue { keyword, expected } => {
                write!(f, "{keyword:?} must be {expected}")
            }
            Problem::UnknownType(ty) => write!(f, "unknown type {ty:?}"),
            Problem::Pattern { pattern, reason } => {
                write!(f, "pattern {pattern:?} cannot be used: {reason}")
            }
            Problem::Missing(what) => write!(f, "missing {what}"),
            Problem::Parameters(message) => f.write_str(message),
            Problem::Invalid(message) => f.write_str(message),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { file, source } => write!(f, "{}: cannot read: {source}", file.display()),
            Error::Parse { file, message } => {
                write!(
                    f,
                    "{}: not a YAML or JSON document: {message}",
                    file.display()
                )
            }
            Error::Version { file, found: None } => write!(
                f,
                "{}: not an AsyncAPI document: the top-level \"asyncapi\" field is missing",
                file.display()
            ),
            Error::Version {
                file,
                found: Some(found),
            } => write!(
                f,
                "{}: AsyncAPI version {found} is not supported: this generator reads AsyncAPI 3.x",
                file.display()
            ),
            Error::At {
                file,
                pointer,
                problem,
            } => write!(f, "{}#{pointer}: {problem}", file.display()),
            Error::Many(errors) => {
                write!(f, "{} problems:", errors.len())?;
                for error in errors {
                    write!(f, "\n  {error}")?;
                }
                Ok(())
            }
            Error::Write { file, source } => {
                write!(f, "{}: cannot write: {source}", file.display())
            }
            Error::Emit(message) => write!(f, "generated code does not parse: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } | Error::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Error {
    /// Every individual error ([`Error::Many`] flattened).
    pub fn flatten(&self) -> Vec<&Error> {
        match self {
            Error::Many(errors) => errors.iter().flat_map(Error::flatten).collect(),
            other => vec![other],
        }
    }

    /// Folds a list of errors: `Ok` when empty, the error itself when one.
    pub(crate) fn from_list(mut errors: Vec<Error>) -> Result<(), Error> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.remove(0)),
            _ => Err(Error::Many(errors)),
        }
    }
}
