//! Stage 3 (warnings): every message example against its message.

use std::collections::HashMap;

use jsonschema::Validator;
use kinesis_types::MessageName;
use kinesis_types::MessageSet;
use serde_json::{Map, Value};

use super::best_match::best_errors;
use super::messages::{message_objects, schema_pointer};
use super::pointers::fragment;
use super::report::Finding;

/// Checks every example of every message written in `root`; `bundled` says it is the
/// document the generated types come from.
pub fn check(root: &Value, bundled: bool, findings: &mut Vec<Finding>) {
    let mut compiled: HashMap<String, Option<Validator>> = HashMap::new();
    for (at, message) in message_objects(root) {
        let Some(Value::Array(examples)) = message.get("examples") else {
            continue;
        };
        let key = at.rsplit('/').next().unwrap_or_default().to_string();
        let generated = bundled
            .then(|| {
                let name = message.get("name").and_then(Value::as_str).unwrap_or(&key);
                MessageName::from_name(name)
            })
            .flatten();
        for (index, example) in examples.iter().enumerate() {
            let example_at = format!("{at}/examples/{index}");
            let label = example
                .get("name")
                .and_then(Value::as_str)
                .map_or_else(|| format!("#{index}"), |name| format!("{name:?}"));
            for part in ["payload", "headers"] {
                let Some(value) = example.get(part) else {
                    continue;
                };
                let value_at = format!("{example_at}/{part}");
                let violations = match (part, generated) {
                    ("payload", Some(name)) => {
                        match name.validate_json(&kinesis_types::Value::from(value)) {
                            Ok(()) => Vec::new(),
                            Err(violations) => violations
                                .iter()
                                .map(|v| (v.pointer.clone(), v.message.clone()))
                                .collect(),
                        }
                    }
                    _ => {
                        let Some(schema_at) = schema_pointer(root, &format!("{at}/{part}")) else {
                            continue;
                        };
                        let validator = compiled
                            .entry(schema_at.clone())
                            .or_insert_with(|| compile_in_document(root, &schema_at, findings));
                        match validator {
                            Some(validator) => validator
                                .iter_errors(value)
                                .flat_map(|error| best_errors(&error))
                                .collect(),
                            None => continue,
                        }
                    }
                };
                // A warning: the specification asks examples to conform, but the
                // official parser does not check them in AsyncAPI 3 documents, and this
                // command calls valid what it calls valid.
                for (pointer, problem) in violations {
                    findings.push(Finding::warning(
                        "example",
                        format!("{value_at}{pointer}"),
                        format!(
                            "example {label} does not conform to the message {part}: {problem}"
                        ),
                    ));
                }
            }
        }
    }
}

/// A validator for the schema at `at`, or a warning that examples are not checked.
fn compile_in_document(root: &Value, at: &str, findings: &mut Vec<Finding>) -> Option<Validator> {
    match validator_in_document(root, at) {
        Ok(validator) => Some(validator),
        Err(error) => {
            findings.push(Finding::warning(
                "example",
                at,
                format!("examples not checked: the schema cannot be compiled: {error}"),
            ));
            None
        }
    }
}

/// A draft 7 validator for the schema at `at`, its `$ref`s resolved in the document: the
/// document itself is the root schema, with a `$ref` to `at` (draft 7 ignores the other
/// keys of a schema with `$ref`, and `#/components/...` resolves in the document).
/// `format` is an annotation, as JSON Schema says.
pub fn validator_in_document(
    root: &Value,
    at: &str,
) -> Result<Validator, jsonschema::ValidationError<'static>> {
    let mut wrapper = match root {
        Value::Object(map) => map.clone(),
        _ => Map::new(),
    };
    for identifier in ["$id", "id", "$schema"] {
        wrapper.remove(identifier);
    }
    wrapper.insert("$ref".into(), Value::String(format!("#{}", fragment(at))));
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(false)
        .build(&Value::Object(wrapper))
}
