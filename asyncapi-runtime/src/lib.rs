//! The runtime of Rust types generated from AsyncAPI documents by `asyncapi-codegen`.
//!
//! Code generated for any document depends on this crate (and on nothing named after
//! the document): [`Validate`] and its [`Violation`]s located by JSON pointers, the
//! parse-and-validate entry points ([`from_slice`], [`from_str`], [`from_value`]),
//! the value types generated fields use ([`Base64Data`], [`Integer`], [`Nullable`],
//! [`Number`], [`Value`], [`Map`]), `#[derive(Validate)]`, which expands
//! `#[validate(...)]` attributes into checks, and `#[derive(FromJson)]`, a
//! `Deserialize` that reads JSON exactly as JSON Schema sees it (numbers digit for
//! digit, `null` never mistaken for absence, nothing buffered).
//!
//! ```
//! use asyncapi_runtime::{Keyword, Validate};
//!
//! #[derive(Debug, serde::Deserialize, Validate)]
//! struct Reading {
//!     #[validate(min_length = 1, max_length = 16)]
//!     sensor: String,
//!     #[validate(minimum = -40, maximum = 125)]
//!     celsius: f64,
//! }
//!
//! let error = asyncapi_runtime::from_str::<Reading>(r#"{"sensor": "", "celsius": 300}"#)
//!     .unwrap_err();
//! let found: Vec<_> = error.violations().into_iter().map(|v| (v.pointer, v.keyword)).collect();
//! assert_eq!(
//!     found,
//!     [("/sensor".to_string(), Keyword::MinLength), ("/celsius".to_string(), Keyword::Maximum)]
//! );
//! ```
//!
//! # Semantics
//! Validation follows JSON Schema (draft 07) as the AsyncAPI schema format uses it:
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
//! Violations carry RFC 6901 JSON pointers with the wire names, comparable with other
//! validators' instance paths.

#![warn(missing_docs)]

// Lets the derive's default path (`::asyncapi_runtime`) work inside this crate too.
extern crate self as asyncapi_runtime;

mod address;
mod alternatives;
mod base64_data;
mod check;
mod choice;
mod de;
mod error;
mod forbidden;
mod integer;
mod json;
mod messages;
mod null;
mod nullable;
mod number;
mod operations;
mod parse;
mod schema;
mod shape;
mod validate;
mod write;
mod zero_copy;

pub use address::{Action, AddressError, AddressReason, MessageError, Operation};
pub use asyncapi_runtime_derive::{FromJson, Validate};
pub use base64_data::{Base64Data, Base64Error, Base64Reason};
pub use error::{Error, UnknownValue};
pub use forbidden::Forbidden;
pub use integer::Integer;
pub use json::{parse as parse_json, JsonType, Map, Parser, SyntaxError, Value};
pub use messages::{MessageGroup, MessageInfo, MessageSet, NoHeaders};
pub use null::Null;
pub use nullable::Nullable;
pub use number::{Number, NumberError};
pub use operations::{OperationInfo, OperationSet, Payload};
pub use parse::{from_slice, from_str, from_value, validate_json, JsonInput};
pub use schema::{LazySchema, Schema, SchemaError};
pub use shape::ValidateJson;
pub use validate::{Keyword, Path, Report, Validate, Violation, Violations};
pub use write::{to_string, to_string_pretty, to_vec, to_writer, WriteError};
pub use zero_copy::{from_slice_borrowed, from_str_borrowed, Base64Ref, Borrowed, IntoOwned};

/// Compares `serde_json` values as JSON Schema does: numbers by exact value (`1`
/// equals `1.0`; `u64::MAX` does not equal the nearest `f64`), objects regardless of
/// member order.
pub fn json_eq(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    Value::from(a) == Value::from(b)
}

/// What generated code and `#[derive(Validate)]` expand to. Not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use crate::address::{parse_address, parse_parameter};
    pub use crate::check::*;
    pub use crate::choice::{read_literal, to_value, write_literal, Choice};
    // The derive writes attribute bounds as `Number::Int(..)`/`Number::Float(..)`
    // (and JSON number text as `asyncapi_runtime::Number::from_static(..)`).
    pub use crate::check::Bound as Number;
    pub use crate::de::{
        duplicate_key, extra_schema, from_json_value, missing_property, next_extra,
        read_json_value, to_json_value, unknown_property, Attempts, Buffered, Extras, Probe,
        ProbeFromJson, ProbeSerde, ReadByFromJson, UnknownKeys,
    };
    pub use crate::integer::native;
    pub use crate::nullable::de as nullables;
    pub use crate::shape::{
        describe, json_type, nullable, type_error, FlattenedCount, PropertyCount,
    };
    pub use crate::zero_copy::de as borrowed;
    #[cfg(feature = "schemars")]
    pub use schemars;
    pub use serde;
    pub use serde_json;

    /// For `Option` fields: absent is `None`, JSON `null` is refused (it is not absence
    /// in JSON Schema). Use with `#[serde(default, deserialize_with = ...)]`.
    pub fn non_null<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
    where
        D: serde::Deserializer<'de>,
        T: serde::Deserialize<'de>,
    {
        T::deserialize(deserializer).map(Some)
    }
}
