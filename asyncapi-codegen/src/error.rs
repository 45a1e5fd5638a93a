//! [`Error`] and [`Warning`]: what stops generation, and what is worth knowing, each
//! located by file, JSON pointer and (when known) line and column.

use std::fmt;
use std::path::PathBuf;

/// Where something is: a file, an RFC 6901 JSON pointer into it, and the line and
/// column the pointer's value starts at, when the loader recorded them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub file: PathBuf,
    /// The JSON pointer (`""` for the whole file).
    pub pointer: String,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
}

impl fmt::Display for Location {
    /// `file:line:column: #/pointer` (or `file: #/pointer` without a position).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(
                f,
                "{}:{line}:{column}: #{}",
                self.file.display(),
                self.pointer
            ),
            None => write!(f, "{}: #{}", self.file.display(), self.pointer),
        }
    }
}

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
        /// 1-based line and column of the problem, when known.
        position: Option<(usize, usize)>,
        /// What is wrong.
        message: String,
    },
    /// The document is not AsyncAPI 3.x.
    Version {
        /// The file.
        file: PathBuf,
        /// The `asyncapi` value found, or `None` when the field is missing.
        found: Option<String>,
    },
    /// Something at a location is wrong: a dangling `$ref`, a value of the wrong type,
    /// a pattern that is not valid ECMA-262, ...
    At {
        /// Where (boxed: errors travel through every `Result` of the pipeline).
        location: Box<Location>,
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
    /// A `$ref` whose target does not exist; with the closest existing name, if any.
    DanglingRef {
        /// The reference as written.
        target: String,
        /// A similar name that does exist.
        suggestion: Option<String>,
    },
    /// A `$ref` that is not a string, or that leaves the document set (a URL).
    BadRef(String),
    /// `$ref`s that only lead to each other, never to a value.
    RefCycle(Vec<String>),
    /// A keyword whose value has the wrong JSON type or range.
    BadValue {
        /// The keyword.
        keyword: String,
        /// What it should be.
        expected: String,
    },
    /// A `type` that does not exist.
    UnknownType(String),
    /// A `pattern` (or `patternProperties` key) that is not valid ECMA-262 syntax.
    Pattern {
        /// The pattern as written.
        pattern: String,
        /// Why.
        reason: String,
    },
    /// A required field is missing.
    Missing(String),
    /// A field the specification does not define for this object (which refuses
    /// others), with how to say what it meant.
    UnknownField {
        /// The field.
        field: String,
        /// The object, with an article (`a message`).
        object: String,
        /// How to fix it.
        hint: String,
    },
    /// A channel address and its declared parameters disagree.
    Parameters(String),
    /// A limit on the size of what the generator handles was exceeded.
    Limit(String),
    /// Anything else, described.
    Invalid(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::DanglingRef { target, suggestion } => {
                write!(f, "$ref {target:?} points to nothing")?;
                if let Some(suggestion) = suggestion {
                    write!(f, "; did you mean {suggestion:?}?")?;
                }
                Ok(())
            }
            Problem::BadRef(reason) => write!(f, "bad $ref: {reason}"),
            Problem::RefCycle(chain) => write!(f, "$ref cycle: {}", chain.join(" -> ")),
            Problem::BadValue { keyword, expected } => {
                write!(f, "{keyword:?} must be {expected}")
            }
            Problem::UnknownType(ty) => write!(f, "unknown type {ty:?}"),
            Problem::Pattern { pattern, reason } => {
                write!(f, "pattern {pattern:?} cannot be used: {reason}")
            }
            Problem::Missing(what) => write!(f, "missing {what}"),
            Problem::UnknownField {
                field,
                object,
                hint,
            } => {
                write!(f, "{field:?} is not a field of {object}: {hint}")
            }
            Problem::Parameters(message) | Problem::Limit(message) | Problem::Invalid(message) => {
                f.write_str(message)
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { file, source } => write!(f, "{}: cannot read: {source}", file.display()),
            Error::Parse {
                file,
                position,
                message,
            } => {
                write!(f, "{}", file.display())?;
                if let Some((line, column)) = position {
                    write!(f, ":{line}:{column}")?;
                }
                write!(f, ": not a YAML or JSON document: {message}")
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
                "{}: AsyncAPI version {found} is not supported: this generator reads AsyncAPI 3.0.0 and 3.1.0",
                file.display()
            ),
            Error::At { location, problem } => write!(f, "{location}: {problem}"),
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

    /// Where the error is, when it is about one place.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::At { location, .. } => Some(location),
            _ => None,
        }
    }

    /// Every individual error, owned ([`Error::Many`] unfolded).
    pub fn into_list(self) -> Vec<Error> {
        match self {
            Error::Many(errors) => errors.into_iter().flat_map(Error::into_list).collect(),
            other => vec![other],
        }
    }

    /// A non-empty list of errors as one: the error itself when one.
    pub(crate) fn folded(mut errors: Vec<Error>) -> Error {
        match errors.len() {
            1 => errors.remove(0),
            _ => Error::Many(errors),
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

/// Something worth knowing about a document that does not stop generation: a likely
/// mistake, or a construct generated in a weaker form than it could be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where.
    pub location: Location,
    /// What, and what to do about it.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}
