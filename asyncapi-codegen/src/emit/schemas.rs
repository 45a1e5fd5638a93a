//! The document's schemas in the generated code: `SCHEMAS`, a `LazySchema` over the
//! schemas the types and messages refer to, annotations left out.

use std::collections::BTreeSet;

use asyncapi_runtime::{Map, Value};
use proc_macro2::TokenStream;
use quote::quote;

use super::Context;
use crate::load::pointer;
use crate::load::walk::{self, Place};
use crate::model::SchemaDocument;

/// Stands for the JSON text until the source is formatted (prettyplease would print a
/// long string literal on one line; the document is written as an indented raw string).
pub const PLACEHOLDER: &str = "asyncapi-codegen: schema document";

/// The `SCHEMAS` static.
pub fn emit(cx: &Context, schemas: &SchemaDocument) -> TokenStream {
    let lazy = cx.item("LazySchema");
    let entries = &schemas.entries;
    quote! {
        /// The document's schemas: what generated types check that no Rust type can say,
        /// and what locates every problem in JSON that does not read as its type.
        static SCHEMAS: #lazy = #lazy::new(SCHEMA_DOCUMENT, &[#(#entries),*]);

        /// The schemas of the document (annotations left out), as JSON.
        const SCHEMA_DOCUMENT: &str = #PLACEHOLDER;
    }
}

/// The document as a raw string literal, indented JSON.
pub fn raw_string(document: &Value) -> String {
    let text = document.to_json_pretty();
    let mut hashes = 1;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let fence = "#".repeat(hashes);
    format!("r{fence}\"\n{text}\n\"{fence}")
}

/// Keeps what validation needs of `document`: the values at `entries`, what their
/// `$ref`s reach, and nothing else; without annotations (titles, descriptions,
/// examples, ...), which validation ignores.
pub fn prune(document: &Value, entries: &[String]) -> Value {
    // Sorted, so that what lies within a kept pointer is a range, and what contains one
    // is among its few ancestors: linear in the number of schemas, not quadratic.
    let mut keep: BTreeSet<String> = BTreeSet::new();
    let mut pending: Vec<String> = entries.to_vec();
    while let Some(at) = pending.pop() {
        let root = copy_root(document, &at);
        if ancestors(&root).any(|a| keep.contains(a)) {
            continue;
        }
        let inner = format!("{root}/");
        let within: Vec<String> = keep
            .range(inner.clone()..)
            .take_while(|k| k.starts_with(&inner))
            .cloned()
            .collect();
        for k in within {
            keep.remove(&k);
        }
        keep.insert(root.clone());
        if let Some(value) = document.pointer(&root) {
            let place = walk::place_of(document, &root).unwrap_or(Place::Schema);
            walk::walk(value, place, &root, &mut |_, value, place| {
                if matches!(place, Place::Schema) {
                    if let Some(target) = value
                        .get("$ref")
                        .and_then(Value::as_str)
                        .and_then(crate::bundle::Bundle::target)
                    {
                        pending.push(target);
                    }
                }
            });
        }
    }
    let mut out = Value::Object(Map::new());
    for at in &keep {
        if let Some(value) = document.pointer(at) {
            let place = walk::place_of(document, at).unwrap_or(Place::Schema);
            let mut value = value.clone();
            strip(&mut value, place);
            insert(&mut out, at, value);
        }
    }
    out
}

/// The pointer and those that contain it: `/a/b`, `/a`, and the document's root `""`.
fn ancestors(pointer: &str) -> impl Iterator<Item = &str> {
    pointer
        .match_indices('/')
        .map(|(i, _)| &pointer[..i])
        .chain(std::iter::once(pointer))
}

/// The pointer to copy for `at`: `at` itself, or the first array on the way to it
/// (arrays are copied whole, so indices keep their meaning).
fn copy_root(document: &Value, at: &str) -> String {
    let mut value = document;
    let mut here = String::new();
    for token in pointer::tokens(at) {
        if value.is_array() {
            return here;
        }
        match value.get(&token) {
            Some(child) => {
                value = child;
                here = pointer::join(&here, &token);
            }
            None => return at.to_string(),
        }
    }
    here
}

/// Puts `value` at `at` in `out`, creating the objects on the way.
fn insert(out: &mut Value, at: &str, value: Value) {
    let tokens = pointer::tokens(at);
    let mut current = out;
    for (i, token) in tokens.iter().enumerate() {
        let Value::Object(map) = current else { return };
        if i + 1 == tokens.len() {
            map.insert(token.clone(), value);
            return;
        }
        if !map.contains_key(token) {
            map.insert(token.clone(), Value::Object(Map::new()));
        }
        match map.get_mut(token) {
            Some(next) => current = next,
            None => return,
        }
    }
    *current = value;
}

/// Keywords only annotations carry, removed from schemas.
const ANNOTATIONS: &[&str] = &[
    "title",
    "description",
    "examples",
    "example",
    "default",
    "$comment",
    "deprecated",
    "readOnly",
    "writeOnly",
    "externalDocs",
    "discriminator",
    "$id",
    "$schema",
    "contentMediaType",
    "contentEncoding",
];

/// Removes annotations from the schemas in `value` (a `place`).
fn strip(value: &mut Value, place: Place) {
    if place == Place::Data {
        return;
    }
    let places: Vec<(String, Place)> = match &*value {
        Value::Object(map) => map
            .iter()
            .map(|(key, child)| (key.clone(), walk::child_place(place, value, key, child)))
            .collect(),
        _ => Vec::new(),
    };
    match value {
        Value::Object(map) => {
            if place == Place::Schema {
                let remove: Vec<String> = map
                    .keys()
                    .filter(|k| ANNOTATIONS.contains(&k.as_str()) || k.starts_with("x-"))
                    .cloned()
                    .collect();
                for key in remove {
                    map.remove(&key);
                }
                if map
                    .get("format")
                    .is_some_and(|f| f.as_str() != Some("byte"))
                {
                    map.remove("format");
                }
            }
            for (key, child_place) in places {
                if let Some(child) = map.get_mut(&key) {
                    strip(child, child_place);
                }
            }
        }
        Value::Array(items) => {
            let item_place = match place {
                Place::SchemaList => Place::Schema,
                Place::ObjectList => Place::Object,
                _ => return,
            };
            for item in items {
                strip(item, item_place);
            }
        }
        _ => {}
    }
}
