//! Checking a record's data (the bytes its `Data` decodes to) as a payload of a message
//! of another AsyncAPI document: the [`DataCheck`] trait and what it concludes.
//!
//! The trait is the seam between `kinesis tail` and whatever validates payloads of an
//! arbitrary document: today [`super::data_spec`] (the document's payload schema with
//! the `jsonschema` crate), later the project's own AsyncAPI interpreter.

use std::fmt;

use kinesis_types::Violation;

/// Checks decoded record data as one payload of a message.
pub trait DataCheck {
    /// What the data is checked as, for people: `OrderPlaced of orders.yaml`.
    fn label(&self) -> &str;

    /// Checks `data`, the decoded bytes of one record's `Data`.
    fn check(&self, data: &[u8]) -> DataVerdict;
}

/// What a [`DataCheck`] (or decoding the data before it) concluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataVerdict {
    /// A valid payload of the message.
    Valid,
    /// The record's `Data` is missing or is not base64, so there are no bytes to check.
    NotBase64 {
        /// What decoding said.
        message: String,
    },
    /// The decoded data is not JSON.
    NotJson {
        /// 1-based line in the decoded data.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON parser said.
        message: String,
    },
    /// JSON that is not a valid payload of the message.
    Invalid {
        /// Every violation, pointers into the decoded data.
        violations: Vec<DataViolation>,
    },
}

impl DataVerdict {
    /// Whether the data is a valid payload.
    pub fn is_valid(&self) -> bool {
        matches!(self, DataVerdict::Valid)
    }

    /// The problems as violations (pointer, keyword, message): one at the root for data
    /// that is not base64 (`format`) or not JSON (`syntax`), none when valid.
    pub fn violations(&self) -> Vec<DataViolation> {
        match self {
            DataVerdict::Valid => Vec::new(),
            DataVerdict::NotBase64 { message } => vec![DataViolation {
                pointer: String::new(),
                keyword: "format".into(),
                message: format!("/Data is not valid base64: {message}"),
            }],
            DataVerdict::NotJson {
                line,
                column,
                message,
            } => vec![DataViolation {
                pointer: String::new(),
                keyword: "syntax".into(),
                message: not_json_message(*line, *column, message),
            }],
            DataVerdict::Invalid { violations } => violations.clone(),
        }
    }
}

/// `/Data decoded is not valid JSON at line L column C: MESSAGE`.
pub fn not_json_message(line: usize, column: usize, message: &str) -> String {
    format!("/Data decoded is not valid JSON at line {line} column {column}: {message}")
}

/// One way in which decoded data breaks the message's payload schema. The keyword is a
/// string, not [`kinesis_types::Keyword`]: a check of another document may name any
/// JSON Schema keyword.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataViolation {
    /// RFC 6901 pointer into the decoded data (`""` is its root).
    pub pointer: String,
    /// The JSON Schema keyword that failed, `syntax` or `format` (base64).
    pub keyword: String,
    /// What is wrong.
    pub message: String,
}

impl From<&Violation> for DataViolation {
    fn from(violation: &Violation) -> DataViolation {
        DataViolation {
            pointer: violation.pointer.clone(),
            keyword: violation.keyword.as_str().to_string(),
            message: violation.message.clone(),
        }
    }
}

impl fmt::Display for DataViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "(root)"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}: {}", self.message)
    }
}
