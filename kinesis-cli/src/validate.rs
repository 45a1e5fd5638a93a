//! `kinesis validate`: JSON payloads checked against the generated types.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::Instant;

use kinesis_types::{Keyword, Violation};

use crate::catalog::{Catalog, Message};
use crate::error::{Fatal, ReadError, Status};
use crate::input::{self, Source};
use crate::output::{self, PayloadReport, UnreadableReport};
use crate::progress::{Counts, Progress};
use crate::stdio::{self, Stdout};
use crate::verdict::{Outcome, Tally, Verdict};

/// Arguments of `kinesis validate`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when every payload is valid, 1 when any is not, 2 for \
                        usage and I/O errors (an unreadable file, an unknown message name; \
                        the other files are still checked), 141 when the reader of the \
                        output went away."
)]
pub struct Args {
    /// An AsyncAPI 3.0 document (YAML or JSON) whose messages the payloads are checked
    /// against, interpreted with the checks generated code makes (same verdicts,
    /// pointers and messages); the bundled Kinesis document when not given.
    #[arg(long, value_name = "DOC")]
    pub spec: Option<PathBuf>,
    /// The message every payload must be (see `kinesis messages`); without it, every
    /// message is tried and the ones that fit are reported.
    #[arg(short, long, value_name = "NAME")]
    pub message: Option<String>,
    /// Read every line of the input as one payload (blank lines are skipped); streams
    /// input of any size.
    #[arg(long)]
    pub ndjson: bool,
    /// Print one JSON object per payload, in input order: {"file","line" (with --ndjson),
    /// "valid":true} or {"file",...,"valid":false,"errors":[{"path","keyword","message"}]};
    /// {"file","error"} for a file that cannot be read.
    #[arg(long)]
    pub json: bool,
    /// With --json: add "value", the payload as the generated types write it back
    /// (with --spec: as it was read, every number digit for digit).
    #[arg(long, requires = "json")]
    pub emit: bool,
    /// The files to read (`-` for standard input); standard input when none is given.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Validates payloads as one message, or as whichever messages they fit.
#[derive(Debug, Clone, Copy)]
pub struct Checker {
    /// The messages payloads are checked against.
    pub catalog: &'static Catalog,
    /// The message named with `--message`.
    pub message: Option<&'static Message>,
    /// Whether to serialize valid payloads back (`--emit`).
    pub emit: bool,
}

impl Checker {
    /// Checks one payload; `first_line` is the line the payload starts on, for syntax
    /// errors.
    pub fn check<'b>(&self, bytes: &'b [u8], first_line: u64) -> Outcome<'b> {
        match self.message {
            Some(message) => self.check_as(message, bytes, first_line),
            None => self.check_all(bytes, first_line),
        }
    }

    fn check_as<'b>(
        &self,
        message: &'static Message,
        bytes: &'b [u8],
        first_line: u64,
    ) -> Outcome<'b> {
        // Zero-copy for generated types: strings are borrowed from `bytes`.
        match self.catalog.parse(message, bytes) {
            Ok(payload) => Outcome {
                verdict: Verdict::Valid {
                    message,
                    matches: None,
                },
                value: self.emit.then_some(payload),
            },
            Err(kinesis_types::Error::Syntax {
                line,
                column,
                message,
            }) => Outcome {
                verdict: Verdict::Syntax {
                    line: first_line + line.saturating_sub(1) as u64,
                    column,
                    message,
                },
                value: None,
            },
            Err(error) => Outcome {
                verdict: Verdict::Invalid {
                    message,
                    violations: error.violations(),
                },
                value: None,
            },
        }
    }

    fn check_all<'b>(&self, bytes: &'b [u8], first_line: u64) -> Outcome<'b> {
        // The runtime's parser: numbers keep every digit, duplicate keys are refused.
        let json = match kinesis_types::parse_json(bytes) {
            Ok(json) => json,
            Err(error) => {
                return Outcome {
                    verdict: syntax_verdict(kinesis_types::Error::from(error), first_line),
                    value: None,
                }
            }
        };
        let mut matches = Vec::new();
        let mut by_message = Vec::new();
        for message in &self.catalog.messages {
            match self.catalog.validate(message, &json) {
                Ok(()) => matches.push(message),
                Err(violations) => by_message.push((message, violations.into_vec())),
            }
        }
        let Some(&first) = matches.first() else {
            // Stable: equally close messages stay in document order.
            by_message.sort_by_key(|(_, violations)| distance(violations));
            return Outcome {
                verdict: Verdict::NoMatch { by_message },
                value: None,
            };
        };
        let mut value = None;
        if self.emit {
            match self.catalog.parse(first, bytes) {
                Ok(payload) => value = Some(payload),
                // The typed read refusing what the walk accepted would be a bug; report
                // what the typed read says rather than a value that was not produced.
                Err(error) => {
                    return Outcome {
                        verdict: Verdict::Invalid {
                            message: first,
                            violations: error.violations(),
                        },
                        value: None,
                    }
                }
            }
        }
        Outcome {
            verdict: Verdict::Valid {
                message: first,
                matches: Some(matches),
            },
            value,
        }
    }
}

/// How far a payload is from a message, for choosing the closest: first the problems
/// with the payload as a whole (a missing top-level property, the wrong type: it is
/// probably another message), then the number of violations.
fn distance(violations: &[Violation]) -> (usize, usize) {
    let whole = violations
        .iter()
        .filter(|v| v.pointer.is_empty() && matches!(v.keyword, Keyword::Required | Keyword::Type))
        .count();
    (whole, violations.len())
}

/// A syntax verdict from a parse error, its line counted from `first_line`.
fn syntax_verdict(error: kinesis_types::Error, first_line: u64) -> Verdict {
    match error {
        kinesis_types::Error::Syntax {
            line,
            column,
            message,
        } => Verdict::Syntax {
            line: first_line + line.saturating_sub(1) as u64,
            column,
            message,
        },
        other => Verdict::Syntax {
            line: first_line,
            column: 0,
            message: other.to_string(),
        },
    }
}

/// How results are printed.
#[derive(Debug, Clone, Copy)]
struct Style {
    json: bool,
    ndjson: bool,
    tried_all: bool,
}

impl Style {
    /// Renders the report on `outcome`, the payload of `file` (at `line`), into `out`.
    fn render(self, out: &mut Vec<u8>, file: &str, line: Option<u64>, outcome: &Outcome<'_>) {
        if self.json {
            PayloadReport::new(file, line, outcome, self.tried_all).write_json(out);
        } else if !(self.ndjson && outcome.verdict.is_valid()) {
            // Valid lines of a stream are only counted: a stream is mostly valid lines.
            PayloadReport::new(file, line, outcome, self.tried_all).write_human(out);
        }
    }
}

/// One run of `kinesis validate`: how payloads are checked and reported, where the
/// reports go, and what was counted so far.
struct Run {
    checker: Checker,
    style: Style,
    stdout: Stdout,
    tally: Tally,
    /// Bytes read, for the progress line.
    bytes: u64,
    progress: Progress,
    /// Whether a file could not be read.
    unreadable: bool,
}

impl Run {
    /// Writes reports to standard output (and sends them on when `now`), the progress
    /// line out of their way.
    fn write(&mut self, text: &[u8], now: bool) -> Result<(), Fatal> {
        if !text.is_empty() {
            self.progress.hide();
        }
        self.stdout.bytes(text)?;
        if now {
            self.stdout.flush()?;
        }
        Ok(())
    }

    /// Counts one more piece of input, and redraws the progress line when due.
    fn counted(&mut self, tally: Tally, bytes: usize) {
        self.tally.merge(tally);
        self.bytes += bytes as u64;
        self.progress.tick(Counts {
            payloads: self.tally.valid + self.tally.invalid,
            invalid: self.tally.invalid,
            bytes: self.bytes,
        });
    }

    /// Reports that `source` could not be read, in its place among the reports, and goes
    /// on with the others.
    fn unreadable(&mut self, source: &Source, error: &ReadError) -> Result<(), Fatal> {
        self.unreadable = true;
        if self.style.json {
            let report = UnreadableReport {
                file: &source.arg(),
                error: error.error.to_string(),
            };
            self.stdout.json(&report)?;
            self.stdout.line("")?;
        }
        self.progress.hide();
        self.stdout.flush()?;
        stdio::say(&format!("kinesis: {error}\n"));
        Ok(())
    }
}

/// Runs `kinesis validate`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let catalog = Catalog::load(args.spec.as_deref())?;
    let message = args
        .message
        .as_deref()
        .map(|name| catalog.find(name))
        .transpose()?;
    let mut run = Run {
        checker: Checker {
            catalog,
            message,
            emit: args.emit,
        },
        style: Style {
            json: args.json,
            ndjson: args.ndjson,
            tried_all: message.is_none(),
        },
        stdout: Stdout::new(),
        tally: Tally::default(),
        bytes: 0,
        progress: Progress::new(io::stderr().is_terminal(), Instant::now()),
        unreadable: false,
    };
    let result = validate_all(&mut run, &Source::from_args(&args.files));
    // Whatever happened, the next words on standard error start on a clean line.
    run.progress.hide();
    result?;
    if !args.json {
        stdio::say(&format!("{}\n", output::summary(&run.tally)));
    }
    if run.unreadable {
        return Err(Fatal::Reported);
    }
    Ok(Status::failed_if(run.tally.invalid > 0))
}

fn validate_all(run: &mut Run, sources: &[Source]) -> Result<(), Fatal> {
    for source in sources {
        let read = if run.style.ndjson {
            validate_stream(run, source)
        } else {
            validate_document(run, source)
        };
        match read {
            Ok(()) => {}
            Err(Fatal::Read(error)) => run.unreadable(source, &error)?,
            Err(other) => return Err(other),
        }
    }
    run.stdout.flush()
}

fn validate_document(run: &mut Run, source: &Source) -> Result<(), Fatal> {
    let bytes = source.read_all()?;
    let outcome = run.checker.check(&bytes, 1);
    let mut tally = Tally::default();
    tally.add(&outcome);
    let mut text = Vec::new();
    run.style.render(&mut text, &source.arg(), None, &outcome);
    // With a progress line, each report goes out at once, so the two do not mix.
    run.write(&text, run.progress.on_terminal())?;
    run.counted(tally, bytes.len());
    Ok(())
}

fn validate_stream(run: &mut Run, source: &Source) -> Result<(), Fatal> {
    let file = source.arg();
    let (checker, style) = (run.checker, run.style);
    input::stream_ndjson(
        source,
        |batch| {
            let mut text = Vec::new();
            let mut counts = Tally::default();
            for (line, bytes) in batch.lines() {
                let outcome = checker.check(bytes, line);
                counts.add(&outcome);
                style.render(&mut text, &file, Some(line), &outcome);
            }
            (text, counts, batch.size())
        },
        |(text, counts, size)| {
            // Sent at once: a stream may be interactive, one line answered at a time.
            run.write(&text, true)?;
            run.counted(counts, size);
            Ok(())
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: &str = r#"{"SequenceNumber":"1","Data":"SGk=","PartitionKey":"k"}"#;

    #[test]
    fn a_named_message_validates_and_emits() {
        let catalog = Catalog::bundled_static();
        let checker = Checker {
            catalog,
            message: Some(catalog.find("KinesisRecord").unwrap()),
            emit: true,
        };
        let outcome = checker.check(RECORD.as_bytes(), 1);
        assert!(outcome.verdict.is_valid());
        let value = serde_json::to_value(outcome.value.unwrap()).unwrap();
        assert_eq!(value["PartitionKey"], "k");
    }

    #[test]
    fn syntax_errors_count_lines_from_the_payload_start() {
        let checker = Checker {
            catalog: Catalog::bundled_static(),
            message: None,
            emit: false,
        };
        let outcome = checker.check(b"{\"a\":\n  }x", 7);
        match outcome.verdict {
            Verdict::Syntax { line, .. } => assert_eq!(line, 8),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn without_a_message_the_closest_comes_first() {
        let checker = Checker {
            catalog: Catalog::bundled_static(),
            message: None,
            emit: false,
        };
        // Fewer violations against LambdaKinesisEvent (one: no "Records"), but this is a
        // record with a bad partition key.
        let outcome = checker.check(
            br#"{"SequenceNumber":"x","Data":"S!k=","PartitionKey":""}"#,
            1,
        );
        let Verdict::NoMatch { by_message } = outcome.verdict else {
            panic!("{:?}", outcome.verdict)
        };
        assert_eq!(by_message[0].0.name, "KinesisRecord");
        assert!(by_message
            .windows(2)
            .all(|pair| distance(&pair[0].1) <= distance(&pair[1].1)));
    }

    #[test]
    fn unknown_names_list_the_known_ones() {
        let error = Catalog::bundled_static()
            .find("Nope")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("unknown message \"Nope\"; the known messages are: "));
        assert!(error.contains("KinesisRecord"));
    }

    #[test]
    fn a_spec_document_is_checked_by_its_own_messages() {
        let spec = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/orders.asyncapi.yaml"
        );
        let catalog = Catalog::load(Some(std::path::Path::new(spec))).unwrap();
        let checker = Checker {
            catalog,
            message: None,
            emit: true,
        };
        let order = br#"{"orderId":"ORD-1","customerId":"C-42","amount":42.50,"currency":"EUR"}"#;
        let outcome = checker.check(order, 1);
        let Verdict::Valid { message, .. } = &outcome.verdict else {
            panic!("{:?}", outcome.verdict)
        };
        assert_eq!(message.name, "OrderPlaced");
        // Written back exactly as read: the interpreter keeps every digit.
        let written = kinesis_types::to_string(&outcome.value.unwrap()).unwrap();
        assert!(written.contains(r#""amount":42.50"#), "{written}");
    }
}
