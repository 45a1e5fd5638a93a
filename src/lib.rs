//! Typed, validated message types for Amazon Kinesis Data Streams, generated at build
//! time from the Kinesis Data Streams AsyncAPI 3.0 document in `spec/`.
//!
//! ```
//! use kinesis_types::{KinesisRecord, Validate};
//!
//! let record: KinesisRecord = kinesis_types::from_str(r#"{
//!     "SequenceNumber": "49590338271490256608559692538361571095921575989136588898",
//!     "Data": "SGVsbG8sIFdvcmxkIQ==",
//!     "PartitionKey": "user-42"
//! }"#)?;
//! assert_eq!(record.data.decode()?, b"Hello, World!");
//! assert!(record.validate().is_ok());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Semantics
//! Validation follows JSON Schema as the AsyncAPI schema format uses it:
//! - `pattern` is an unanchored ECMA-262 search: `0|([1-9]\d{0,128})` accepts `"x1y"`,
//!   and `\d` means ASCII digits only.
//! - `minLength`/`maxLength` count Unicode code points.
//! - `type: integer` accepts any number with a zero fractional part (`5.0`).
//! - `const` and `enum` compare exactly.
//! - Optional properties are `Option`s, omitted (never `null`) when absent; JSON `null`
//!   is not absence. Properties the schema does not list are kept and written back.
//! - `format: byte` is enforced as standard, padded base64 ([`Base64Data`]): the one
//!   deliberate strictness beyond JSON Schema, which treats formats as annotations.
//!
//! Zero-copy parsing: [`from_slice_borrowed`] reads the twins in [`borrowed`], whose
//! strings borrow from the input where they need no unescaping; validation and errors
//! are the same as for the owned types.
//!
//! Violations carry RFC 6901 JSON pointers with the wire names
//! (`/Records/0/kinesis/partitionKey`), comparable with other validators' instance paths.

#![warn(missing_docs)]

// The runtime every generated crate uses: Validate, errors, value types, parse helpers.
pub use asyncapi_runtime::*;

/// The types generated from `spec/kinesis-data-streams.asyncapi.yaml`.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/kinesis_data_streams.rs"));
}

pub use generated::*;

/// The AsyncAPI document the types are generated from, as this crate was built with
/// it (for tools that show or check it, such as the `kinesis` command).
pub const SPEC_YAML: &str = include_str!("../spec/kinesis-data-streams.asyncapi.yaml");

/// Where [`SPEC_YAML`] is in this crate's sources, to name it in messages.
pub const SPEC_PATH: &str = "spec/kinesis-data-streams.asyncapi.yaml";

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
