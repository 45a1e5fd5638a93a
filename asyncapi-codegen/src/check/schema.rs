//! Schemas: every schema of the document (and every schema a `$ref` leads to) is a
//! valid draft-07 schema, as the draft-07 meta-schema (with AsyncAPI's additions)
//! describes it; patterns are valid ECMA-262; no schema loops on one value.
//!
//! Unknown keywords are annotations, as JSON Schema says: never an error, a warning
//! when one looks like a misspelt keyword. Keywords beside `$ref` are ignored by
//! draft 07: a warning, since authors usually mean them to apply.

use std::collections::BTreeSet;

use asyncapi_runtime::{Map, Number, Schema, Value};

use super::Findings;
use crate::bundle::formats;
use crate::bundle::{closest, Bundle};
use crate::error::Problem;
use crate::load::pointer;
use crate::load::walk::{self, Place, SchemaFormat};

/// Every keyword draft 07 defines, and AsyncAPI's additions to it.
pub const KEYWORDS: &[&str] = &[
    "$id",
    "$schema",
    "$ref",
    "$comment",
    "title",
    "description",
    "default",
    "readOnly",
    "writeOnly",
    "examples",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "additionalItems",
    "items",
    "maxItems",
    "minItems",
    "uniqueItems",
    "contains",
    "maxProperties",
    "minProperties",
    "required",
    "additionalProperties",
    "definitions",
    "properties",
    "patternProperties",
    "dependencies",
    "propertyNames",
    "const",
    "enum",
    "type",
    "format",
    "contentMediaType",
    "contentEncoding",
    "if",
    "then",
    "else",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "discriminator",
    "externalDocs",
    "deprecated",
];

/// Keywords that only annotate.
pub const ANNOTATIONS: &[&str] = &[
    "$id",
    "$schema",
    "$comment",
    "title",
    "description",
    "default",
    "readOnly",
    "writeOnly",
    "examples",
    "format",
    "contentMediaType",
    "contentEncoding",
    "discriminator",
    "externalDocs",
    "deprecated",
    "definitions",
];

const TYPES: &[&str] = &[
    "string", "number", "integer", "boolean", "object", "array", "null",
];

/// Checks every schema; records errors and warnings.
pub(crate) fn schemas(findings: &mut Findings<'_>) {
    let bundle = findings.bundle;
    let locations = locations(bundle);
    for at in &locations {
        if let Some(schema) = bundle.get(at) {
            one(findings, schema, at);
        }
    }
    ref_cycles(findings, &locations);
    if !findings.errors.is_empty() {
        return;
    }
    // What generated code compiles at run time: it must compile here.
    let entries: Vec<&str> = locations.iter().map(String::as_str).collect();
    if let Err(error) = Schema::compile(&bundle.root, &entries) {
        findings.error(&error.pointer, Problem::Invalid(error.message));
    }
}

/// The pointers of every schema of the document and every schema reached from one by
/// `$ref`, in document order (each once).
pub fn locations(bundle: &Bundle) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut pending: Vec<(String, Place)> = vec![(String::new(), Place::Document)];
    while let Some((start, place)) = pending.pop() {
        let Some(value) = bundle.get(&start) else {
            continue;
        };
        let mut targets = Vec::new();
        walk::walk(value, place, &start, &mut |at, value, place| {
            if place == Place::Schema {
                if seen.insert(at.to_string()) && !walk::is_multi_format(value) {
                    found.push(at.to_string());
                }
                if let Some(target) = value
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(Bundle::target)
                {
                    targets.push(target);
                }
            }
        });
        for target in targets.into_iter().rev() {
            if !seen.contains(&target) {
                pending.push((target, Place::Schema));
            }
        }
    }
    found
}

fn one(findings: &mut Findings<'_>, schema: &Value, at: &str) {
    let map = match schema {
        Value::Bool(_) => return,
        Value::Object(map) => map,
        _ => {
            findings.error(
                at,
                Problem::Invalid("a schema must be a mapping or a boolean".into()),
            );
            return;
        }
    };
    if let Some(format) = walk::schema_format(schema) {
        multi_format(findings, map, at, format);
        return;
    }
    if map.contains_key("$ref") {
        for key in map.keys() {
            let annotation = ANNOTATIONS.contains(&key.as_str()) || key.starts_with("x-");
            if key != "$ref" && !annotation {
                findings.warn(
                    &pointer::join(at, key),
                    format!(
                        "{key:?} beside $ref is ignored (JSON Schema draft 07 reads only the \
                         $ref); to apply both, write allOf: [{{$ref: ...}}, {{{key}: ...}}]"
                    ),
                );
            }
        }
        match map.get("$ref") {
            Some(Value::String(reference)) => {
                if let Some(target) = Bundle::target(reference) {
                    ref_to_non_schema(findings, at, &target);
                }
            }
            _ => findings.error(
                &pointer::join(at, "$ref"),
                Problem::BadRef("$ref must be a string".into()),
            ),
        }
        return;
    }
    for (key, value) in map.iter() {
        let here = pointer::join(at, key);
        if !KEYWORDS.contains(&key.as_str()) {
            unknown(findings, key, &here);
            continue;
        }
        keyword(findings, map, key, value, &here);
    }
    contradictions(findings, map, at);
    enum_values(findings, map, at);
    super::all_of::all_of(findings, map, at);
    super::discriminator::discriminator(findings, map, at);
}

/// `enum` values that `type` refuses, which can never be valid, and an empty `enum`.
fn enum_values(findings: &mut Findings<'_>, map: &Map, at: &str) {
    let Some(Value::Array(values)) = map.get("enum") else {
        return;
    };
    let here = pointer::join(at, "enum");
    if values.is_empty() {
        // The draft-07 meta-schema asks for at least one value.
        findings.bad(
            &here,
            "enum",
            "a non-empty array (an empty enum allows no value)",
        );
        return;
    }
    let allowed: Vec<&str> = match map.get("type") {
        Some(Value::String(name)) => vec![name.as_str()],
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
        _ => return,
    };
    let admits = |value: &Value| {
        allowed.iter().any(|t| match *t {
            "integer" => value.as_number().is_some_and(Number::is_integer),
            other => {
                value.json_type().as_str() == other || (other == "number" && value.is_number())
            }
        })
    };
    let refused: Vec<String> = values
        .iter()
        .filter(|v| !admits(v))
        .map(Value::to_json)
        .collect();
    if refused.is_empty() {
        return;
    }
    let types = allowed.join(" or ");
    let message = if refused.len() == values.len() {
        format!("no enum value is of type {types}: no value is valid here")
    } else {
        format!(
            "enum values {} are not of type {types}: they can never be valid",
            refused.join(", ")
        )
    };
    findings.warn(&here, message);
}

/// A schema's `$ref` that leads to an object of the specification (`#/info`, a
/// channel, a message) rather than to a schema: valid JSON Schema, read as a schema,
/// but surely not what was meant.
fn ref_to_non_schema(findings: &mut Findings<'_>, at: &str, target: &str) {
    let place = walk::place_of(&findings.bundle.root, target);
    if matches!(
        place,
        Some(
            Place::Document
                | Place::Object
                | Place::Objects
                | Place::Components
                | Place::ObjectList
        )
    ) {
        let written = findings.bundle.as_written(
            &pointer::join(at, "$ref"),
            &crate::bundle::reference_to(target),
        );
        findings.warn(
            &pointer::join(at, "$ref"),
            format!(
                "$ref leads to {written}, which is not a schema of the document: it is read as one"
            ),
        );
    }
}

fn multi_format(findings: &mut Findings<'_>, map: &Map, at: &str, format: SchemaFormat) {
    if !map.get("schemaFormat").is_some_and(Value::is_string) {
        findings.bad(
            &pointer::join(at, "schemaFormat"),
            "schemaFormat",
            "a media type string",
        );
    }
    if !map.contains_key("schema") {
        findings.error(
            at,
            Problem::Missing("schema (the Multi Format Schema Object's schema)".into()),
        );
    }
    match format {
        SchemaFormat::Other(name) => findings.warn(
            &pointer::join(at, "schemaFormat"),
            format!("schema format {name:?} cannot be typed: the payload is kept as opaque JSON, not validated"),
        ),
        // Still Avro or OpenAPI after bundling: the translation failed; say why.
        SchemaFormat::Avro | SchemaFormat::OpenApi => {
            let schema_at = pointer::join(at, "schema");
            if let Some(Err(error)) = map.get("schema").map(|schema| formats::translate(&format, schema, &schema_at)) {
                findings.warn(
                    &pointer::join(&schema_at, error.pointer().trim_start_matches('#')),
                    format!("{error}: the schema cannot be translated to JSON Schema, so the payload is kept as opaque JSON, not validated"),
                );
            }
        }
        SchemaFormat::JsonSchema => {}
    }
}

fn unknown(findings: &mut Findings<'_>, key: &str, at: &str) {
    if key.starts_with("x-") {
        return;
    }
    let suggestion = if key == "example" {
        Some("examples".to_string())
    } else {
        closest(key, KEYWORDS.iter().copied())
    };
    if let Some(suggestion) = suggestion {
        findings.warn(
            at,
            format!("unknown keyword {key:?} is an annotation and checks nothing; did you mean {suggestion:?}?"),
        );
    }
}

fn is_count(value: &Value) -> bool {
    matches!(value, Value::Number(n) if n.is_integer() && !n.is_negative())
}

fn is_schema(value: &Value) -> bool {
    matches!(value, Value::Object(_) | Value::Bool(_))
}

fn unique_strings(value: &Value) -> bool {
    let Some(items) = value.as_array() else {
        return false;
    };
    let mut seen = BTreeSet::new();
    items
        .iter()
        .all(|item| item.as_str().is_some_and(|s| seen.insert(s)))
}

fn keyword(findings: &mut Findings<'_>, map: &Map, key: &str, value: &Value, at: &str) {
    let _ = map;
    match key {
        "$id" | "$schema" | "$comment" | "title" | "description" | "format"
        | "contentMediaType" | "contentEncoding" | "discriminator"
            if !value.is_string() =>
        {
            findings.bad(at, key, "a string");
        }
        "readOnly" | "writeOnly" | "deprecated" | "uniqueItems" if value.as_bool().is_none() => {
            findings.bad(at, key, "a boolean");
        }
        "examples" if !value.is_array() => findings.bad(at, key, "an array"),
        "externalDocs" if !value.is_object() => findings.bad(at, key, "a mapping"),
        "multipleOf" => match value {
            Value::Number(n) if n > &Number::from(0u8) => {}
            _ => findings.bad(at, key, "a number greater than 0"),
        },
        "maximum" | "exclusiveMaximum" | "minimum" | "exclusiveMinimum"
            if !matches!(value, Value::Number(_)) =>
        {
            let expected = if value.is_boolean() {
                "a number (draft 07 bounds are numbers; the boolean form is draft 04's)"
            } else {
                "a number"
            };
            findings.bad(at, key, expected);
        }
        "maxLength" | "minLength" | "maxItems" | "minItems" | "maxProperties" | "minProperties"
            if !is_count(value) =>
        {
            findings.bad(at, key, "a non-negative integer");
        }
        "pattern" => match value {
            Value::String(pattern) => valid_pattern(findings, pattern, at),
            _ => findings.bad(at, key, "a string (an ECMA-262 regular expression)"),
        },
        "items" => match value {
            Value::Array(items) if items.is_empty() => {
                findings.bad(at, key, "a schema or a non-empty array of schemas")
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if !is_schema(item) {
                        findings.bad(&pointer::index(at, i), key, "a schema");
                    }
                }
            }
            other if !is_schema(other) => findings.bad(at, key, "a schema or an array of schemas"),
            _ => {}
        },
        "additionalItems"
        | "contains"
        | "additionalProperties"
        | "propertyNames"
        | "if"
        | "then"
        | "else"
        | "not"
            if !is_schema(value) =>
        {
            findings.bad(at, key, "a schema (a mapping or a boolean)");
        }
        "required" if !unique_strings(value) => {
            findings.bad(at, key, "an array of distinct property names")
        }
        "definitions" | "properties" | "patternProperties" => match value {
            Value::Object(members) => {
                for (name, schema) in members.iter() {
                    let here = pointer::join(at, name);
                    if !is_schema(schema) {
                        findings.bad(&here, name, "a schema");
                    }
                    if key == "patternProperties" {
                        valid_pattern(findings, name, &here);
                    }
                }
            }
            _ => findings.bad(at, key, "a mapping of schemas"),
        },
        "dependencies" => match value {
            Value::Object(members) => {
                for (name, dependency) in members.iter() {
                    if !is_schema(dependency) && !unique_strings(dependency) {
                        findings.bad(
                            &pointer::join(at, name),
                            name,
                            "a schema or an array of distinct property names",
                        );
                    }
                }
            }
            _ => findings.bad(at, key, "a mapping"),
        },
        "enum" if !value.is_array() => findings.bad(at, key, "an array"),
        "type" => match value {
            Value::String(name) if TYPES.contains(&name.as_str()) => {}
            Value::String(name) => findings.error(at, Problem::UnknownType(name.clone())),
            Value::Array(names) if !names.is_empty() => {
                let mut seen = BTreeSet::new();
                for (i, name) in names.iter().enumerate() {
                    let here = pointer::index(at, i);
                    match name.as_str() {
                        Some(name) if !TYPES.contains(&name) => {
                            findings.error(&here, Problem::UnknownType(name.into()))
                        }
                        Some(name) if !seen.insert(name) => {
                            findings.bad(&here, key, "a list of distinct type names")
                        }
                        Some(_) => {}
                        None => findings.bad(&here, key, "a type name"),
                    }
                }
            }
            _ => findings.bad(at, key, "a type name or a non-empty array of them"),
        },
        "allOf" | "anyOf" | "oneOf" => match value {
            Value::Array(items) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    if !is_schema(item) {
                        findings.bad(&pointer::index(at, i), key, "a schema");
                    }
                }
            }
            _ => findings.bad(at, key, "a non-empty array of schemas"),
        },
        _ => {}
    }
}

/// A `pattern` or `patternProperties` key must be a valid ECMA-262 pattern; every valid
/// one is accepted (the runtime matches lookaround and backreferences exactly).
fn valid_pattern(findings: &mut Findings<'_>, pattern: &str, at: &str) {
    if let Err(error) = ecma262_regex::Pattern::new(pattern) {
        findings.error(
            at,
            Problem::Pattern {
                pattern: pattern.to_string(),
                reason: error.reason().to_string(),
            },
        );
    }
}

/// Bounds that leave no value: valid schemas, but almost certainly mistakes.
fn contradictions(findings: &mut Findings<'_>, map: &Map, at: &str) {
    // (lower, upper, whether an equal pair is empty too, what the bounds are of)
    for (min, max, strict, what) in [
        ("minLength", "maxLength", false, "string"),
        ("minItems", "maxItems", false, "array"),
        ("minProperties", "maxProperties", false, "object"),
        ("minimum", "maximum", false, "number"),
        ("minimum", "exclusiveMaximum", true, "number"),
        ("exclusiveMinimum", "maximum", true, "number"),
        ("exclusiveMinimum", "exclusiveMaximum", true, "number"),
    ] {
        if let (Some(Value::Number(lo)), Some(Value::Number(hi))) = (map.get(min), map.get(max)) {
            let relation = if lo > hi {
                "is greater than"
            } else if strict && lo == hi {
                "equals"
            } else {
                continue;
            };
            findings.warn(
                &pointer::join(at, min),
                format!("{min} {lo} {relation} {max} {hi}: no {what} is valid here"),
            );
        }
    }
}

/// `$ref`s that only lead to each other, never to a schema: each is reported with the
/// chain it starts.
fn ref_cycles(findings: &mut Findings<'_>, locations: &[String]) {
    let bundle = findings.bundle;
    for at in locations {
        let Some(first) = bundle
            .get(at)
            .and_then(|s| s.get("$ref"))
            .and_then(Value::as_str)
        else {
            continue;
        };
        let ref_at = pointer::join(at, "$ref");
        let mut chain = vec![bundle.as_written(&ref_at, first)];
        let mut current = Bundle::target(first);
        let mut visited = vec![at.clone()];
        while let Some(target) = current {
            if visited.contains(&target) {
                findings.error(&ref_at, Problem::RefCycle(chain));
                break;
            }
            let Some(next) = bundle
                .get(&target)
                .and_then(|s| s.get("$ref"))
                .and_then(Value::as_str)
            else {
                break;
            };
            chain.push(bundle.as_written(&pointer::join(&target, "$ref"), next));
            visited.push(target);
            current = Bundle::target(next);
            if visited.len() > 64 {
                break;
            }
        }
    }
}
