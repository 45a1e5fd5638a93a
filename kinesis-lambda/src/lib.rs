//! AWS Lambda functions that read a Kinesis data stream, on the validated types of
//! [`kinesis_types`].
//!
//! - [`handle`] / [`handle_data`]: the batch handler. The event is read record by
//!   record, so a record that does not conform to the Kinesis document fails alone;
//!   each valid record (and, with [`handle_data`], its data parsed as a message type
//!   generated from the AsyncAPI document of the stream's data) goes to a closure; the
//!   failures make the partial batch response ([`BatchResponse`]) that Lambda reads
//!   when the event source mapping has `ReportBatchItemFailures` on.
//! - [`RecordData`] / [`RecordsData`]: the same typed data for `KinesisRecord`
//!   (GetRecords), `SubscribeToShardEvent` (enhanced fan-out) and the Lambda types,
//!   with errors whose pointers continue into the data (`/Records/3/kinesis/data/amount`).
//! - `aws` (feature `aws-lambda-events`): conversions with the `aws_lambda_events`
//!   types.
//!
//! The library depends on neither the Lambda runtime nor an async runtime: the
//! handler takes the event's bytes and returns the response, and a function wires it
//! to `lambda_runtime` in a few lines (`examples/orders_function.rs`).
//!
//! ```
//! use kinesis_lambda::{handle, BatchResponse};
//!
//! fn function(event: &[u8]) -> Result<BatchResponse, kinesis_lambda::BatchError> {
//!     let outcome = handle(event, |record| {
//!         let _bytes = record.data()?;
//!         Ok::<_, kinesis_types::Base64Error>(())
//!     })?;
//!     for failure in &outcome.failures {
//!         eprintln!("{failure}");
//!     }
//!     Ok(outcome.response())
//! }
//!
//! // A record without its partition key fails alone and is reported by sequence number.
//! let event = br#"{"Records":[{"kinesis":{"kinesisSchemaVersion":"1.0",
//!     "sequenceNumber":"4959","data":""},"eventSource":"aws:kinesis","eventVersion":"1.0",
//!     "eventID":"shardId-000000000006:4959","eventName":"aws:kinesis:record",
//!     "invokeIdentityArn":"arn:aws:iam::123456789012:role/r","awsRegion":"us-east-1",
//!     "eventSourceARN":"arn:aws:kinesis:us-east-1:123456789012:stream/s"}]}"#;
//! let response = function(event)?;
//! assert_eq!(
//!     serde_json::to_string(&response)?,
//!     r#"{"batchItemFailures":[{"itemIdentifier":"4959"}]}"#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

mod batch;
mod data;

#[cfg(feature = "aws-lambda-events")]
pub mod aws;

pub use batch::{
    handle, handle_data, AfterFailure, BatchError, BatchHandler, BatchItemFailure, BatchOutcome,
    BatchResponse, FailureReason, Record, RecordFailure,
};
pub use data::{parse_data, DataError, DataErrorKind, RecordData, RecordsData};
