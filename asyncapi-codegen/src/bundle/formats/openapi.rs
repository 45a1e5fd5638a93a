//! OpenAPI 3.0 Schema Objects (3.0.0 to 3.0.3) as JSON Schema draft 07.
//!
//! The OpenAPI 3.0 Schema Object is a subset of JSON Schema (Wright draft 00) with a
//! few keywords of its own. Most keywords mean in draft 07 what they mean there and
//! are copied; these are rewritten, in every schema position (`properties`, `items`,
//! `additionalProperties`, `allOf`, `anyOf`, `oneOf`, `not`), at any depth:
//!
//! | OpenAPI 3.0 | JSON Schema draft 07 |
//! |---|---|
//! | `type: T` with `nullable: true` | `type: [T, "null"]` |
//! | `nullable: true` without `type` | nothing: OpenAPI 3.0.3 adds `null` only to a `type` written in the same Schema Object |
//! | `nullable: false` | nothing (the default) |
//! | `minimum: m` with `exclusiveMinimum: true` | `exclusiveMinimum: m` (and `maximum` likewise) |
//! | `exclusiveMinimum: false`, or `true` without `minimum` | nothing (it only qualifies `minimum`) |
//! | `example: v` | `examples: [v]` (appended to `examples` when that is a list too) |
//! | `discriminator` (an object) | `x-openapi-discriminator`: the AsyncAPI Schema Object's `discriminator` is a property name, OpenAPI's an object; an annotation either way |
//! | `xml`, `externalDocs`, `deprecated`, `readOnly`, `writeOnly`, `x-*` | copied: annotations in draft 07 as well |
//! | a Reference Object (`$ref`) | copied whole: both OpenAPI and draft 07 ignore what stands beside `$ref` |
//!
//! `nullable` does not extend `enum`: as OpenAPI 3.0.3 clarifies, the other keywords of
//! the Schema Object keep their meaning and may refuse `null`, so `{type: string, enum:
//! [a, b], nullable: true}` accepts only `"a"` and `"b"`, exactly as written; an enum
//! that admits `null` lists it. The same holds for `allOf`, `oneOf`, `anyOf` and `not`
//! beside `nullable` (their subschemas decide about `null` as written).
//!
//! Keywords OpenAPI 3.0 does not define (`const`, `if`/`then`/`else`,
//! `patternProperties`, `dependencies`, `examples`, ...) are copied as they are:
//! nothing is invented for them. Those that draft 07 defines take their draft-07
//! meaning, and what they contain is not translated (it is not an OpenAPI schema).
//!
//! Refused, with the pointer inside the schema: `nullable`, `exclusiveMinimum` or
//! `exclusiveMaximum` that are not booleans (a numeric `exclusiveMinimum` is JSON
//! Schema's and OpenAPI 3.1's, not 3.0's), `nullable: true` beside a `type` that is
//! not a type name, and a subschema position holding something other than a schema
//! (`items: 3`, `properties: []`).

use asyncapi_runtime::{Map, Value};

use super::{FormatError, Language, MAX_DEPTH};
use crate::load::pointer;

/// The translation of the OpenAPI 3.0 Schema Object `schema` into JSON Schema draft 07
/// (see the module documentation).
pub fn to_json_schema(schema: &Value) -> Result<Value, FormatError> {
    translate(schema, "", 0)
}

fn invalid(pointer: &str, construct: &'static str, expected: impl Into<String>) -> FormatError {
    FormatError::Invalid {
        language: Language::OpenApi,
        pointer: pointer.to_string(),
        construct,
        expected: expected.into(),
    }
}

fn translate(schema: &Value, at: &str, depth: usize) -> Result<Value, FormatError> {
    if depth > MAX_DEPTH {
        return Err(FormatError::TooDeep {
            language: Language::OpenApi,
            pointer: at.to_string(),
        });
    }
    match schema {
        // OpenAPI allows booleans only for `additionalProperties`; draft 07 reads
        // them anywhere, with the same meaning.
        Value::Bool(_) => Ok(schema.clone()),
        Value::Object(map) => object(map, at, depth),
        _ => Err(invalid(
            at,
            "schema",
            "a Schema Object (a mapping) or a Reference Object",
        )),
    }
}

/// The boolean keyword `key` of `map` (`false` when absent).
fn flag(map: &Map, at: &str, key: &'static str) -> Result<bool, FormatError> {
    match map.get(key) {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(invalid(
            &pointer::join(at, key),
            key,
            match key {
                "nullable" => "must be a boolean",
                _ => "must be a boolean in OpenAPI 3.0, where it makes the bound beside it exclusive (the numeric form is JSON Schema's and OpenAPI 3.1's)",
            },
        )),
    }
}

fn object(map: &Map, at: &str, depth: usize) -> Result<Value, FormatError> {
    if map.contains_key("$ref") {
        return Ok(Value::Object(map.clone()));
    }
    let nullable = flag(map, at, "nullable")?;
    let exclusive_minimum = flag(map, at, "exclusiveMinimum")?;
    let exclusive_maximum = flag(map, at, "exclusiveMaximum")?;
    let mut out = Map::new();
    for (key, value) in map.iter() {
        let here = pointer::join(at, key);
        let value = match key.as_str() {
            // Applied below, or to the bound beside them.
            "nullable" | "exclusiveMinimum" | "exclusiveMaximum" | "example" => continue,
            "minimum" if exclusive_minimum => {
                out.insert("exclusiveMinimum", value.clone());
                continue;
            }
            "maximum" if exclusive_maximum => {
                out.insert("exclusiveMaximum", value.clone());
                continue;
            }
            "properties" => {
                let Value::Object(properties) = value else {
                    return Err(invalid(
                        &here,
                        "properties",
                        "must map property names to schemas",
                    ));
                };
                let mut translated = Map::new();
                for (name, schema) in properties.iter() {
                    translated.insert(
                        name.clone(),
                        translate(schema, &pointer::join(&here, name), depth + 1)?,
                    );
                }
                Value::Object(translated)
            }
            "allOf" | "anyOf" | "oneOf" => {
                let Value::Array(schemas) = value else {
                    return Err(invalid(
                        &here,
                        "schema list",
                        format!("{key} must be a list of schemas"),
                    ));
                };
                list(schemas, &here, depth)?
            }
            "items" => match value {
                // Not OpenAPI 3.0 (its `items` is one schema), but draft 07's tuple form:
                // each position translated.
                Value::Array(schemas) => list(schemas, &here, depth)?,
                _ => translate(value, &here, depth + 1)?,
            },
            "additionalProperties" | "not" => translate(value, &here, depth + 1)?,
            // OpenAPI's discriminator is an object; the AsyncAPI Schema Object's is a
            // property name. Kept for the record under a name of its own.
            "discriminator" if value.is_object() => {
                out.insert("x-openapi-discriminator", value.clone());
                continue;
            }
            _ => value.clone(),
        };
        out.insert(key.clone(), value);
    }
    if let Some(example) = map.get("example") {
        match out.get_mut("examples") {
            None => {
                out.insert("examples", Value::Array(vec![example.clone()]));
            }
            Some(Value::Array(examples)) => examples.push(example.clone()),
            // `examples` is not an OpenAPI 3.0 keyword; beside one that is not even a
            // list, `example` stays as written.
            Some(_) => {
                out.insert("example", example.clone());
            }
        }
    }
    if nullable {
        match out.get_mut("type") {
            // Without `type`, `nullable` changes nothing (OpenAPI 3.0.3).
            None => {}
            Some(Value::String(name)) => {
                let types = vec![Value::from(name.as_str()), Value::from("null")];
                out.insert("type", Value::Array(types));
            }
            Some(Value::Array(types)) if types.iter().all(Value::is_string) => {
                let null = Value::from("null");
                types.retain(|name| *name != null);
                types.push(null);
            }
            Some(_) => {
                return Err(invalid(
                    &pointer::join(at, "type"),
                    "type",
                    "must be a type name for nullable: true to add \"null\" to it",
                ))
            }
        }
    }
    Ok(Value::Object(out))
}

fn list(schemas: &[Value], at: &str, depth: usize) -> Result<Value, FormatError> {
    schemas
        .iter()
        .enumerate()
        .map(|(i, schema)| translate(schema, &pointer::index(at, i), depth + 1))
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
