//! What `kinesis validate` reports: one [`PayloadReport`] per payload, written as one
//! line of JSON (`--json`, serde) or as lines for people (its `Display`), and the
//! closing [`summary`] for people.

use std::fmt;
use std::io::Write as _;

use kinesis_types::{Keyword, Violation};

use crate::catalog::Message;
use serde::{Serialize, Serializer};

use crate::verdict::{syntax_message, Emitted, Outcome, Tally, Verdict};

/// One payload's report. As JSON, one object that starts with `"file"` (the file as
/// given, `-` for standard input) and, in an NDJSON stream, `"line"` (1-based), then:
///
/// - `"valid":true` (`,"value":...` with `--emit`) when the message was named;
/// - `"valid":true,"matches":["A"]` when it was not (several names when several fit);
/// - `"valid":false,"errors":[...]`, and without a named message
///   `"valid":false,"matches":[],"closest":"A","errors":[...]` where `errors` are the
///   violations against the closest message (`closest` is left out for syntax errors).
///
/// For people ([`fmt::Display`]):
///
/// ```text
/// FILE[:LINE]: valid KinesisRecord
/// FILE[:LINE]: invalid KinesisRecord: 2 violations
///   /PartitionKey: 257 characters, more than maxLength 256
/// FILE:LINE:COLUMN: not valid JSON: expected value
/// ```
#[derive(Debug, Serialize)]
pub struct PayloadReport<'a> {
    /// The file as given on the command line, `-` for standard input.
    pub file: &'a str,
    /// The 1-based line of the payload in an NDJSON stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Whether the payload is valid.
    pub valid: bool,
    /// When no message was named: the messages the payload fits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches: Option<Names<'a>>,
    /// When no message was named and none fits: the closest one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closest: Option<&'static str>,
    /// Why the payload is not valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Errors<'a>>,
    /// With `--emit`: the payload as the generated types write it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value<'a>>,
    /// The verdict the fields above come from; people are told more of it.
    #[serde(skip)]
    pub verdict: &'a Verdict,
}

impl<'a> PayloadReport<'a> {
    /// The report on `outcome`, the payload of `file` (at `line` in a stream).
    /// `tried_all` is true when no message was named: then every report has `matches`.
    pub fn new(
        file: &'a str,
        line: Option<u64>,
        outcome: &'a Outcome<'a>,
        tried_all: bool,
    ) -> PayloadReport<'a> {
        let verdict = &outcome.verdict;
        let valid = verdict.is_valid();
        let matches = match verdict {
            Verdict::Valid { matches, .. } => matches.as_deref().map(Names),
            Verdict::NoMatch { .. } => Some(Names(&[])),
            Verdict::Syntax { .. } | Verdict::Invalid { .. } => tried_all.then_some(Names(&[])),
        };
        let closest = match verdict {
            Verdict::NoMatch { by_message } => by_message.first().map(|(m, _)| m.name.as_str()),
            _ => None,
        };
        PayloadReport {
            file,
            line,
            valid,
            matches,
            closest,
            errors: (!valid).then_some(Errors(verdict)),
            value: outcome.value.as_ref().map(Value::Payload),
            verdict,
        }
    }

    /// Appends the report as one line of JSON to `out`.
    pub fn write_json(mut self, out: &mut Vec<u8>) {
        let start = out.len();
        if let Err(error) = serde_json::to_writer(&mut *out, &self) {
            // Only the payload written back can fail (the rest are strings, numbers and
            // lists of them): say so in its place.
            out.truncate(start);
            self.value = Some(Value::Unwritable(format!(
                "the payload cannot be written back: {error}"
            )));
            if serde_json::to_writer(&mut *out, &self).is_err() {
                out.truncate(start);
            }
        }
        out.push(b'\n');
    }

    /// Appends the report for people to `out`.
    pub fn write_human(&self, out: &mut Vec<u8>) {
        // Writing to a Vec cannot fail.
        let _ = write!(out, "{self}");
    }

    /// How people are told the file: `<stdin>` for standard input.
    fn source(&self) -> &str {
        if self.file == "-" {
            "<stdin>"
        } else {
            self.file
        }
    }
}

impl fmt::Display for PayloadReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = self.source();
        let at = Location {
            source,
            line: self.line,
        };
        match self.verdict {
            Verdict::Valid {
                message,
                matches: None,
            } => writeln!(f, "{at}: valid {message}"),
            Verdict::Valid {
                matches: Some(matches),
                ..
            } => match matches.as_slice() {
                [only] => writeln!(f, "{at}: valid {only}"),
                _ => {
                    let names: Vec<_> = matches.iter().map(|m| m.name.as_str()).collect();
                    writeln!(
                        f,
                        "{at}: valid, fits {} messages: {}",
                        matches.len(),
                        names.join(", ")
                    )
                }
            },
            Verdict::Syntax {
                line,
                column,
                message,
            } => writeln!(f, "{source}:{line}:{column}: not valid JSON: {message}"),
            Verdict::Invalid {
                message,
                violations,
            } => invalid_lines(f, &at, message, violations),
            Verdict::NoMatch { by_message } => {
                let closest = by_message.first().map_or("", |(m, _)| m.name.as_str());
                writeln!(
                    f,
                    "{at}: invalid: fits none of the {} messages; closest is {closest}",
                    by_message.len()
                )?;
                for (message, violations) in by_message {
                    writeln!(
                        f,
                        "  as {message}: {}",
                        Count(violations.len() as u64, "violation", "violations")
                    )?;
                    violation_lines(f, "    ", violations)?;
                }
                Ok(())
            }
        }
    }
}

/// A file that could not be read, in JSON: `{"file":...,"error":...}`, in its place
/// among the payload reports.
#[derive(Debug, Serialize)]
pub struct UnreadableReport<'a> {
    /// The file as given on the command line, `-` for standard input.
    pub file: &'a str,
    /// What reading it said.
    pub error: String,
}

/// Message names, serialized as a list of strings.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a>(pub &'a [&'static Message]);

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|message| message.name.as_str()))
    }
}

/// The `errors` of an invalid payload, serialized as a list of [`ViolationReport`]s: the
/// syntax error, the violations against the named message, or those against the closest
/// message.
#[derive(Debug, Clone, Copy)]
pub struct Errors<'a>(pub &'a Verdict);

impl Serialize for Errors<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Verdict::Syntax {
                line,
                column,
                message,
            } => {
                let message = syntax_message(*line, *column, message);
                serializer.collect_seq([ViolationReport {
                    path: "",
                    keyword: Keyword::Syntax.as_str(),
                    message: &message,
                }])
            }
            verdict => {
                serializer.collect_seq(verdict.violations().iter().map(ViolationReport::from))
            }
        }
    }
}

/// One violation in JSON: `{"path":...,"keyword":...,"message":...}`.
#[derive(Debug, Serialize)]
pub struct ViolationReport<'a> {
    /// RFC 6901 pointer of the offending value, with wire names (`""` is the root).
    pub path: &'a str,
    /// The JSON Schema keyword that failed, or `syntax`.
    pub keyword: &'a str,
    /// What is wrong.
    pub message: &'a str,
}

impl<'a> From<&'a Violation> for ViolationReport<'a> {
    fn from(violation: &'a Violation) -> ViolationReport<'a> {
        ViolationReport {
            path: &violation.pointer,
            keyword: violation.keyword.as_str(),
            message: &violation.message,
        }
    }
}

/// `"value"` with `--emit`: the payload written back, or why it could not be.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Value<'a> {
    /// The payload as the generated types write it.
    Payload(&'a Emitted<'a>),
    /// Why it could not be written.
    Unwritable(String),
}

/// `FILE` or `FILE:LINE`.
struct Location<'a> {
    source: &'a str,
    line: Option<u64>,
}

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.source),
            None => f.write_str(self.source),
        }
    }
}

/// `1 violation`, `2 violations`: a count, the noun for one and the noun for several.
pub struct Count<'a>(pub u64, pub &'a str, pub &'a str);

impl fmt::Display for Count<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Count(count, one, many) = *self;
        write!(f, "{count} {}", if count == 1 { one } else { many })
    }
}

/// `AT: invalid MESSAGE: N violations`, then each violation on its own line.
pub fn invalid_lines(
    f: &mut fmt::Formatter<'_>,
    at: &dyn fmt::Display,
    message: &Message,
    violations: &[Violation],
) -> fmt::Result {
    writeln!(
        f,
        "{at}: invalid {message}: {}",
        Count(violations.len() as u64, "violation", "violations")
    )?;
    violation_lines(f, "  ", violations)
}

fn violation_lines(
    f: &mut fmt::Formatter<'_>,
    indent: &str,
    violations: &[Violation],
) -> fmt::Result {
    for violation in violations {
        writeln!(f, "{indent}{violation}")?;
    }
    Ok(())
}

/// The closing line of `kinesis validate` for people:
/// `N payloads: V valid, I invalid`.
pub fn summary(tally: &Tally) -> String {
    let total = tally.valid + tally.invalid;
    let mut line = format!(
        "{}: {} valid, {} invalid",
        Count(total, "payload", "payloads"),
        tally.valid,
        tally.invalid
    );
    if tally.ambiguous > 0 {
        line.push_str(&format!(" ({} fit more than one message)", tally.ambiguous));
    }
    line
}
