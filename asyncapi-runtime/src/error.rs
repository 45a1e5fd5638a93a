//! [`Error`]: why a payload could not be parsed and validated.

use std::fmt;

use crate::validate::{Keyword, Violation, Violations};

/// Why [`crate::from_slice`] and friends refused a payload.
///
/// The three variants tell apart text that is not JSON, JSON that cannot be read as
/// the type at all, and a well-shaped value that breaks constraints. The last two list
/// every violation found, each with its JSON pointer.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The input is not JSON (or nests deeper than the parser allows).
    Syntax {
        /// 1-based line of the error (0 when the input could not be read at all).
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the JSON parser reported.
        message: String,
    },
    /// The JSON does not have the shape of the type: a required property is missing, a
    /// value has the wrong type, or a `const`/`enum` value is unknown. Lists every
    /// violation, constraint violations elsewhere in the document included.
    Shape(Violations),
    /// The value has the right shape but breaks constraints (`pattern`, `maxLength`, ...).
    Invalid(Violations),
}

impl Error {
    /// Every problem as a [`Violation`]; a syntax error becomes one at the root with
    /// keyword [`Keyword::Syntax`].
    pub fn violations(&self) -> Vec<Violation> {
        match self {
            Error::Syntax { .. } => vec![Violation {
                pointer: String::new(),
                keyword: Keyword::Syntax,
                message: self.to_string(),
            }],
            Error::Shape(violations) | Error::Invalid(violations) => violations.as_slice().to_vec(),
        }
    }

    pub(crate) fn from_syntax(error: crate::json::SyntaxError) -> Self {
        Error::from(error)
    }
}

/// A syntax error of [`crate::parse_json`] as this crate's [`Error::Syntax`], the
/// pointer of the value being read kept in the message.
impl From<crate::json::SyntaxError> for Error {
    fn from(error: crate::json::SyntaxError) -> Self {
        let message = if error.pointer.is_empty() {
            error.message
        } else {
            format!("{} (in {})", error.message, error.pointer)
        };
        Error::Syntax {
            line: error.line,
            column: error.column,
            message,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "not valid JSON at line {line} column {column}: {message}"
            ),
            Error::Shape(violations) => write!(f, "wrong shape: {violations}"),
            Error::Invalid(violations) => write!(f, "invalid: {violations}"),
        }
    }
}

impl std::error::Error for Error {}

/// A string that is not one of a fixed set of values (an enum value, a message name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// What was given.
    pub given: String,
    /// The values that would have been accepted.
    pub known: Vec<&'static str>,
}

impl UnknownValue {
    /// `given` was not one of `known`.
    pub fn new(given: &str, known: impl IntoIterator<Item = &'static str>) -> Self {
        UnknownValue {
            given: given.to_string(),
            known: known.into_iter().collect(),
        }
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown value {:?}; expected one of: {}",
            self.given,
            self.known.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}
