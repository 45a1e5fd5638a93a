//! The batch handler: a Lambda Kinesis event read record by record, each record
//! validated on its own, and the partial batch response built from the failures.

use std::collections::HashMap;
use std::fmt;

use kinesis_types::{borrowed, Base64Error, Keyword, ValidateJson, Violation, Violations};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::data::{DataError, RecordData};

/// The response a function gives Lambda when the event source mapping has
/// `ReportBatchItemFailures` on: `{"batchItemFailures":[{"itemIdentifier":"<sequenceNumber>"}]}`.
///
/// An empty list means the whole batch succeeded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchResponse {
    /// The records to retry, by sequence number.
    pub batch_item_failures: Vec<BatchItemFailure>,
}

/// One record Lambda is to retry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchItemFailure {
    /// The record's `kinesis.sequenceNumber`.
    pub item_identifier: String,
}

impl BatchResponse {
    /// The sequence numbers reported, in order.
    pub fn sequence_numbers(&self) -> impl Iterator<Item = &str> {
        self.batch_item_failures
            .iter()
            .map(|f| f.item_identifier.as_str())
    }
}

/// What the handler does with the later records of a shard once one of its records
/// has failed.
///
/// Lambda checkpoints at the lowest sequence number reported and redelivers every
/// record from there on, whatever else is reported; the records of a batch come from
/// one shard, in sequence-number order. So the records after a failure are redelivered
/// either way, and the choice is only whether they are processed now as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AfterFailure {
    /// Validate and process every record, and report exactly the ones that fail (the
    /// default). Records after a failure are processed now *and* again when Lambda
    /// redelivers them, so processing must be idempotent (Lambda's delivery is at
    /// least once anyway).
    #[default]
    Continue,
    /// Stop processing a shard at its first failure: its later records are not given
    /// to the closure, and are reported too ([`FailureReason::Skipped`]), so that they
    /// are redelivered even by a reading of the response that retried only the
    /// records it lists. The response then lists the first failure and everything of
    /// its shard after it. Shards are told apart by `eventID`; records whose `eventID`
    /// names none count as one shard.
    SkipShard,
}

/// A record that failed, and why.
#[derive(Debug)]
pub struct RecordFailure<E> {
    /// The record's position in `Records`.
    pub index: usize,
    /// The record's `kinesis.sequenceNumber`, which the response reports.
    pub sequence_number: String,
    /// The shard, from the record's `eventID` (`shardId-000000000006:<sequence
    /// number>`); empty when the record has no such `eventID`.
    pub shard_id: String,
    /// Why it failed.
    pub reason: FailureReason<E>,
}

/// Why a record failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum FailureReason<E> {
    /// The record is not a valid `LambdaKinesisEventRecord` of the Kinesis document:
    /// every violation, pointers from the event's root (`/Records/3/kinesis/partitionKey`).
    Invalid(Violations),
    /// The record's data is not a valid message of the data's type: pointers continue
    /// into the data (`/Records/3/kinesis/data/amount`).
    Data(DataError),
    /// The closure refused the record.
    Handler(E),
    /// Not processed: an earlier record of the same shard failed
    /// ([`AfterFailure::SkipShard`]); the sequence number of that record.
    Skipped {
        /// The sequence number of the shard's first failure.
        after: String,
    },
}

impl<E: fmt::Display> fmt::Display for RecordFailure<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {} ({}", self.index, self.sequence_number)?;
        if !self.shard_id.is_empty() {
            write!(f, " of {}", self.shard_id)?;
        }
        write!(f, "): ")?;
        match &self.reason {
            FailureReason::Invalid(violations) => {
                let n = violations.len();
                write!(
                    f,
                    "invalid record: {n} violation{}",
                    if n == 1 { "" } else { "s" }
                )?;
                for v in violations {
                    write!(f, "; {v}")?;
                }
                Ok(())
            }
            FailureReason::Data(error) => write!(f, "{error}"),
            FailureReason::Handler(error) => write!(f, "refused: {error}"),
            FailureReason::Skipped { after } => {
                write!(
                    f,
                    "not processed: record {after} of its shard failed before it"
                )
            }
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for RecordFailure<E> {}

/// Why the whole batch failed. The function should return it as an error: Lambda then
/// retries the whole batch (and, with `BisectBatchOnFunctionError`, splits it in two
/// to isolate the cause).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum BatchError {
    /// The event is not JSON: no record can be told apart from another.
    NotJson(kinesis_types::Error),
    /// The event is JSON without a `Records` array.
    NoRecords {
        /// The JSON type found at the root, or at `Records` when the root is an object.
        found: &'static str,
    },
    /// A record failed and has no sequence number to report it by (a missing or empty
    /// `kinesis.sequenceNumber`). Lambda reads an empty or missing `itemIdentifier` as
    /// the failure of the whole batch, so this is what it is.
    Unidentifiable {
        /// The record's position in `Records`.
        index: usize,
        /// Why the record failed.
        reason: String,
    },
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::NotJson(error) => write!(f, "the Kinesis event is {error}"),
            BatchError::NoRecords { found } => {
                write!(f, "the Kinesis event has no Records array (found {found})")
            }
            BatchError::Unidentifiable { index, reason } => write!(
                f,
                "record {index} failed and has no sequence number to report it by, so the \
                 whole batch fails: {reason}"
            ),
        }
    }
}

impl std::error::Error for BatchError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BatchError::NotJson(error) => Some(error),
            _ => None,
        }
    }
}

/// What a batch came to: every failure, in record order, and the response to give
/// Lambda.
#[derive(Debug)]
pub struct BatchOutcome<E> {
    /// How many records the event had.
    pub records: usize,
    /// The records that failed, in the event's order.
    pub failures: Vec<RecordFailure<E>>,
}

impl<E> BatchOutcome<E> {
    /// The partial batch response: the failures' sequence numbers, in record order.
    pub fn response(&self) -> BatchResponse {
        BatchResponse {
            batch_item_failures: self
                .failures
                .iter()
                .map(|f| BatchItemFailure {
                    item_identifier: f.sequence_number.clone(),
                })
                .collect(),
        }
    }

    /// Whether every record succeeded.
    pub fn is_success(&self) -> bool {
        self.failures.is_empty()
    }
}

/// A valid record, as the handler gives it to the closure.
#[derive(Debug)]
pub struct Record<'r, 'e> {
    index: usize,
    shard_id: &'r str,
    record: &'r borrowed::LambdaKinesisEventRecord<'e>,
}

impl<'r, 'e> Record<'r, 'e> {
    /// The record's position in `Records`.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The shard, from `eventID` (empty when `eventID` does not name one).
    pub fn shard_id(&self) -> &'r str {
        self.shard_id
    }

    /// `kinesis.sequenceNumber`.
    pub fn sequence_number(&self) -> &'r str {
        &self.record.kinesis.sequence_number
    }

    /// `kinesis.partitionKey`.
    pub fn partition_key(&self) -> &'r str {
        &self.record.kinesis.partition_key
    }

    /// The whole record, validated, strings borrowed from the event.
    pub fn event_record(&self) -> &'r borrowed::LambdaKinesisEventRecord<'e> {
        self.record
    }

    /// The data, decoded.
    pub fn data(&self) -> Result<Vec<u8>, Base64Error> {
        self.record.kinesis.data.decode()
    }

    /// Where the data is in the event (`/Records/3/kinesis/data`).
    pub fn data_pointer(&self) -> String {
        format!("/Records/{}/kinesis/data", self.index)
    }
}

/// The batch handler, with its policy. [`handle`] and [`handle_data`] use the default.
///
/// How records are reported (the rules of ReportBatchItemFailures for Kinesis):
/// - each failing record by its `kinesis.sequenceNumber`, in the event's order;
///   Lambda checkpoints at the lowest one and redelivers every record from there on
///   (see [`AfterFailure`] for the records after a failure);
/// - a record that does not conform to the document fails alone: the event is read
///   record by record, and the others are still validated and processed;
/// - an event that is not JSON or has no `Records` array, or a failing record without
///   a sequence number, fails the whole batch ([`BatchError`]): there is nothing to
///   report it by, and Lambda reads an empty identifier as a failure of the batch.
///   Records are checked before the closure sees any, so an invalid record without a
///   sequence number fails the batch before anything is processed.
#[derive(Debug, Clone, Default)]
pub struct BatchHandler {
    after_failure: AfterFailure,
}

/// One record of the event after the first pass: valid, or why not.
// Valid is the common case and the large one: boxing it would add an allocation per
// record to save space only on the rare invalid ones.
#[allow(clippy::large_enum_variant)]
enum Checked<'e> {
    Valid(borrowed::LambdaKinesisEventRecord<'e>),
    Invalid {
        violations: Violations,
        sequence_number: String,
        shard: String,
    },
}

/// The envelope: `Records` kept as raw slices of the input, each parsed on its own.
#[derive(Deserialize)]
struct Envelope<'e> {
    #[serde(rename = "Records", borrow)]
    records: Vec<&'e RawValue>,
}

impl BatchHandler {
    /// The default policy ([`AfterFailure::Continue`]).
    pub fn new() -> Self {
        BatchHandler::default()
    }

    /// What to do with a shard's records after one of them failed.
    pub fn after_failure(mut self, policy: AfterFailure) -> Self {
        self.after_failure = policy;
        self
    }

    /// Validates every record of `event` (the Lambda invocation's payload) as a
    /// `LambdaKinesisEventRecord` and gives each valid one to `on_record`; a record that
    /// is invalid or that `on_record` refuses is reported.
    pub fn handle<E, F>(
        &self,
        event: &[u8],
        mut on_record: F,
    ) -> Result<BatchOutcome<E>, BatchError>
    where
        F: FnMut(&Record<'_, '_>) -> Result<(), E>,
    {
        self.run(event, |record| {
            on_record(record).map_err(FailureReason::Handler)
        })
    }

    /// As [`BatchHandler::handle`], and each valid record's data is decoded and parsed
    /// as a `T` (a message type generated from the AsyncAPI document of the stream's
    /// data), validated, and given to `on_data`; data that is not a valid `T` is
    /// reported with pointers into it ([`FailureReason::Data`]).
    pub fn handle_data<T, E, F>(
        &self,
        event: &[u8],
        mut on_data: F,
    ) -> Result<BatchOutcome<E>, BatchError>
    where
        T: ValidateJson,
        F: FnMut(&Record<'_, '_>, T) -> Result<(), E>,
    {
        self.run(event, |record| {
            let data = record.record.data_as::<T>().map_err(|e| {
                FailureReason::Data(e.within(&format!("/Records/{}", record.index)))
            })?;
            on_data(record, data).map_err(FailureReason::Handler)
        })
    }

    fn run<E>(
        &self,
        event: &[u8],
        mut process: impl FnMut(&Record<'_, '_>) -> Result<(), FailureReason<E>>,
    ) -> Result<BatchOutcome<E>, BatchError> {
        let event = event.strip_prefix("\u{feff}".as_bytes()).unwrap_or(event);
        let envelope: Envelope<'_> =
            serde_json::from_slice(event).map_err(|_| envelope_error(event))?;

        // First pass: every record parsed and validated on its own, and identified,
        // before the closure sees any (an unidentifiable failure fails the batch
        // before anything is processed).
        let mut checked = Vec::with_capacity(envelope.records.len());
        for (index, raw) in envelope.records.iter().enumerate() {
            let text = raw.get();
            // `text` is already checked UTF-8: the `str` entry point does not check again.
            match kinesis_types::from_str_borrowed::<borrowed::LambdaKinesisEventRecord<'_>>(text) {
                // Identified from the record itself when it is needed, so that valid
                // records cost no copies.
                Ok(record) => checked.push(Checked::Valid(record)),
                Err(error) => {
                    let violations = within_record(index, &error);
                    let (sequence_number, shard) = identify(text);
                    if sequence_number.is_empty() {
                        return Err(BatchError::Unidentifiable {
                            index,
                            reason: violations.to_string(),
                        });
                    }
                    checked.push(Checked::Invalid {
                        violations,
                        sequence_number,
                        shard,
                    });
                }
            }
        }

        // Second pass: in order, each valid record processed unless its shard already
        // failed under SkipShard.
        let mut failures = Vec::new();
        let mut failed_shards: HashMap<String, String> = HashMap::new();
        for (index, checked) in checked.iter().enumerate() {
            let (sequence_number, shard_id): (&str, &str) = match checked {
                Checked::Valid(record) => {
                    (&record.kinesis.sequence_number, shard_of(&record.event_id))
                }
                Checked::Invalid {
                    sequence_number,
                    shard,
                    ..
                } => (sequence_number, shard),
            };
            let skip_after = match self.after_failure {
                AfterFailure::SkipShard => failed_shards.get(shard_id).cloned(),
                AfterFailure::Continue => None,
            };
            let reason = match (skip_after, checked) {
                (Some(after), _) => Some(FailureReason::Skipped { after }),
                (None, Checked::Invalid { violations, .. }) => {
                    Some(FailureReason::Invalid(violations.clone()))
                }
                (None, Checked::Valid(event_record)) => process(&Record {
                    index,
                    shard_id,
                    record: event_record,
                })
                .err(),
            };
            let Some(reason) = reason else { continue };
            if sequence_number.is_empty() {
                return Err(BatchError::Unidentifiable {
                    index,
                    reason: match &reason {
                        FailureReason::Data(error) => error.to_string(),
                        FailureReason::Handler(_) => "the closure refused it".to_string(),
                        _ => "it failed".to_string(),
                    },
                });
            }
            failed_shards
                .entry(shard_id.to_string())
                .or_insert_with(|| sequence_number.to_string());
            failures.push(RecordFailure {
                index,
                sequence_number: sequence_number.to_string(),
                shard_id: shard_id.to_string(),
                reason,
            });
        }
        Ok(BatchOutcome {
            records: envelope.records.len(),
            failures,
        })
    }
}

/// [`BatchHandler::handle`] with the default policy.
pub fn handle<E, F>(event: &[u8], on_record: F) -> Result<BatchOutcome<E>, BatchError>
where
    F: FnMut(&Record<'_, '_>) -> Result<(), E>,
{
    BatchHandler::new().handle(event, on_record)
}

/// [`BatchHandler::handle_data`] with the default policy.
///
/// ```
/// use kinesis_lambda::handle_data;
///
/// // One record whose data is the JSON text `42` ("NDI=").
/// let event = br#"{"Records":[{"kinesis":{"kinesisSchemaVersion":"1.0","partitionKey":"k",
///     "sequenceNumber":"49590338271490256608559692538361571095921575989136588898","data":"NDI="},
///     "eventSource":"aws:kinesis","eventVersion":"1.0",
///     "eventID":"shardId-000000000006:49590338271490256608559692538361571095921575989136588898",
///     "eventName":"aws:kinesis:record","invokeIdentityArn":"arn:aws:iam::123456789012:role/r",
///     "awsRegion":"us-east-1","eventSourceARN":"arn:aws:kinesis:us-east-1:123456789012:stream/s"}]}"#;
/// let mut sum = 0.0;
/// let outcome = handle_data(event, |_, n: f64| {
///     sum += n;
///     Ok::<_, std::convert::Infallible>(())
/// })?;
/// assert_eq!(sum, 42.0);
/// assert_eq!(serde_json::to_string(&outcome.response())?, r#"{"batchItemFailures":[]}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn handle_data<T, E, F>(event: &[u8], on_data: F) -> Result<BatchOutcome<E>, BatchError>
where
    T: ValidateJson,
    F: FnMut(&Record<'_, '_>, T) -> Result<(), E>,
{
    BatchHandler::new().handle_data(event, on_data)
}

/// The shard of an `eventID` (`shardId-000000000006:<sequence number>`), or `""`.
fn shard_of(event_id: &str) -> &str {
    event_id.split_once(':').map_or("", |(shard, _)| shard)
}

/// A record's errors with pointers from the event's root.
fn within_record(index: usize, error: &kinesis_types::Error) -> Violations {
    let prefix = format!("/Records/{index}");
    let violations = error
        .violations()
        .into_iter()
        .map(|v| Violation {
            pointer: format!("{prefix}{}", v.pointer),
            ..v
        })
        .collect();
    // `Error::violations` is never empty; the fallback keeps that promise in the type.
    Violations::new(violations).unwrap_or_else(|| {
        Violations::one(Violation {
            pointer: prefix,
            keyword: Keyword::Type,
            message: error.to_string(),
        })
    })
}

/// The sequence number and shard of a record that did not parse as the document's
/// record, read as loosely as possible: `("", _)` when it has no usable sequence number.
fn identify(text: &str) -> (String, String) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return (String::new(), String::new());
    };
    let sequence_number = value
        .pointer("/kinesis/sequenceNumber")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    let shard = value
        .get("eventID")
        .and_then(serde_json::Value::as_str)
        .map(shard_of)
        .unwrap_or_default();
    (sequence_number.to_string(), shard.to_string())
}

/// Why the envelope did not read: not JSON, or no `Records` array.
fn envelope_error(event: &[u8]) -> BatchError {
    match kinesis_types::parse_json(event) {
        Err(syntax) => BatchError::NotJson(kinesis_types::Error::from(syntax)),
        Ok(root) => {
            let found = match root.as_object() {
                None => root.json_type().as_str(),
                Some(map) => match map.get("Records") {
                    None => "no Records property",
                    // An array whose elements serde could not even skip: cannot
                    // happen with input the runtime's parser accepts, but say so.
                    Some(records) if records.is_array() => "an unreadable array",
                    Some(records) => records.json_type().as_str(),
                },
            };
            BatchError::NoRecords { found }
        }
    }
}
