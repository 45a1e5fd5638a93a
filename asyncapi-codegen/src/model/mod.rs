//! Stage 5, model: the merged document as Rust types and interfaces ([`ir`]).
//!
//! Schemas become named types ([`schemas`]), messages carry their payload and headers
//! types ([`messages`]), and channels, operations and servers become typed addresses
//! and message sets ([`interfaces`]). Every name is claimed through [`naming`], so the
//! same document always gives the same names.

mod depth;
pub mod interfaces;
pub mod ir;
pub mod messages;
pub mod naming;
pub mod schemas;
mod size;

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
    // Types nested in types are built by recursion, up to `MAX_NESTED_TYPES` deep: on a
    // thread whose stack holds that many levels (reserved, not used, until needed),
    // whatever stack the caller (a build script, a test thread) has.
    std::thread::scope(|scope| {
        match std::thread::Builder::new()
            .name("asyncapi-codegen model".into())
            .stack_size(MODEL_STACK)
            .spawn_scoped(scope, || model_here(bundle))
        {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // No thread to be had: the caller's stack, which real documents fit.
            Err(_) => model_here(bundle),
        }
    })
}

/// The stack [`model`] runs on: room for `MAX_NESTED_TYPES` levels of type building in
/// an unoptimised build (a build script's), which takes the most per level.
const MODEL_STACK: usize = 512 << 20;

fn model_here(bundle: &Bundle) -> Result<Model, Error> {
    let root = &bundle.root;
    let reserved: Vec<&str> = RESERVED_TYPE_NAMES
        .iter()
        .chain(naming::PRELUDE)
        .copied()
        .collect();
    let mut typer = schemas::Typer::new(bundle, root, &reserved);
    typer.components();
    let messages = messages::messages(root, &mut typer, bundle);
    let (mut types, mut schemas, mut warnings) = typer.finish()?;
    // Boxes first: rustc walks through them too, so the depth cut counts them.
    size::box_large_values(&mut types);
    depth::cut_deep_chains(&mut types, &mut schemas);
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
