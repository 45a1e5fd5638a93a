//! Stage 5, model: the merged document as Rust types and interfaces ([`ir`]).
//!
//! Schemas become named types ([`schemas`]), messages carry their payload and headers
//! types ([`messages`]), and channels, operations and servers become typed addresses
//! and message sets ([`interfaces`]). Every name is claimed through [`naming`], so the
//! same document always gives the same names.

pub mod interfaces;
pub mod ir;
pub mod messages;
pub mod naming;
pub mod schemas;

pub use ir::*;

use asyncapi_runtime::Value;

use crate::bundle::Bundle;
use crate::error::Error;

/// Names the generated module claims before any schema is named.
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "Message",
    "MessageName",
    "MessageHeaders",
    "JsonMap",
    "JsonValue",
    "JsonSchema",
    "Base64Data",
    "Integer",
    "Number",
    "Null",
    "Validate",
    "ValidateJson",
    "FromJson",
    "Serialize",
    "Deserialize",
    "SCHEMAS",
];

/// Builds the model of a checked, merged bundle.
pub fn model(bundle: &Bundle) -> Result<Model, Error> {
    let root = &bundle.root;
    let reserved: Vec<&str> = RESERVED_TYPE_NAMES
        .iter()
        .chain(naming::PRELUDE)
        .copied()
        .collect();
    let mut typer = schemas::Typer::new(bundle, root, &reserved);
    typer.components();
    let messages = messages::messages(root, &mut typer, bundle);
    let (types, schemas, mut warnings) = typer.finish()?;
    let channels = interfaces::channels(bundle, &messages);
    let operations = interfaces::operations(bundle, &channels, &messages, &mut warnings);
    let servers = interfaces::servers(bundle);
    let text = |p: &str| root.pointer(p).and_then(Value::as_str).map(str::to_string);
    Ok(Model {
        title: text("/info/title").unwrap_or_default(),
        version: text("/info/version").unwrap_or_default(),
        description: text("/info/description"),
        types,
        messages,
        channels,
        operations,
        servers,
        schemas,
        warnings,
    })
}
