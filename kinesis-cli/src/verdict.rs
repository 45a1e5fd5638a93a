//! What validation concluded about payloads: the [`Verdict`] on one payload, its
//! [`Outcome`] (the verdict and, with `--emit`, the payload written back), and the
//! [`Tally`] of a run. `validate` produces them; `output` renders them.

use kinesis_types::Violation;

use crate::catalog::Message;
use serde::Serialize;

/// What one payload turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Valid. `matches` lists the messages it conforms to when no message was named.
    Valid {
        /// The message it was validated as (the first match when several fit).
        message: &'static Message,
        /// `None` when the message was named; else every message it conforms to.
        matches: Option<Vec<&'static Message>>,
    },
    /// Not JSON.
    Syntax {
        /// 1-based line, in the file or stream.
        line: u64,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// Not a valid payload of the message named with `--message`.
    Invalid {
        /// The message.
        message: &'static Message,
        /// Every violation, in document order.
        violations: Vec<Violation>,
    },
    /// No message was named, and the payload fits none of them.
    NoMatch {
        /// The violations against each message, the closest first: the fewest
        /// violations of the payload as a whole (missing top-level properties, wrong
        /// type), then the fewest violations.
        by_message: Vec<(&'static Message, Vec<Violation>)>,
    },
}

impl Verdict {
    /// Whether the payload is valid.
    pub fn is_valid(&self) -> bool {
        matches!(self, Verdict::Valid { .. })
    }

    /// The violations against the named message, or against the closest message; none
    /// for valid payloads and syntax errors.
    pub fn violations(&self) -> &[Violation] {
        match self {
            Verdict::Invalid { violations, .. } => violations,
            Verdict::NoMatch { by_message } => by_message
                .first()
                .map_or(&[], |(_, violations)| violations.as_slice()),
            Verdict::Valid { .. } | Verdict::Syntax { .. } => &[],
        }
    }
}

/// The message of a syntax error, as the runtime library words it.
pub fn syntax_message(line: u64, column: usize, message: &str) -> String {
    format!("not valid JSON at line {line} column {column}: {message}")
}

/// One payload's verdict, and with `--emit` the payload as the generated types hold it,
/// borrowing from the input where it can (`'a`).
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'a> {
    /// The verdict.
    pub verdict: Verdict,
    /// The payload as the generated types hold it, to be written back (`--emit`, valid
    /// payloads).
    pub value: Option<Emitted<'a>>,
}

/// A valid payload held by the generated types, written back with `--emit`. Serialized
/// as the payload itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Emitted<'a> {
    /// Parsed zero-copy by the generated types.
    Borrowed(kinesis_types::borrowed::Message<'a>),
    /// A payload of a document given with `--spec`, as the exact JSON value it is.
    Json(kinesis_types::Value),
}

/// Counts of payloads by verdict.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Valid payloads.
    pub valid: u64,
    /// Invalid payloads (syntax errors included).
    pub invalid: u64,
    /// Valid payloads that fit more than one message (when no message was named).
    pub ambiguous: u64,
}

impl Tally {
    /// Counts one more payload.
    pub fn add(&mut self, outcome: &Outcome<'_>) {
        match &outcome.verdict {
            Verdict::Valid { matches, .. } => {
                self.valid += 1;
                if matches.as_ref().is_some_and(|m| m.len() > 1) {
                    self.ambiguous += 1;
                }
            }
            _ => self.invalid += 1,
        }
    }

    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: Tally) {
        self.valid += other.valid;
        self.invalid += other.invalid;
        self.ambiguous += other.ambiguous;
    }
}
