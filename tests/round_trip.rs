//! Every example in the bundled document parses into its message's payload type,
//! validates, and serialises back to the same JSON (numbers compared by value).
//!
//! The examples are read from the document itself: adding an example adds a case.

use kinesis_types::MessageSet;
use kinesis_types::{json_eq, MessageName, Validate};
mod common;

use common::{message_examples, spec};
use serde_json::Value;

#[test]
fn every_message_example_round_trips() {
    let examples = message_examples();
    assert!(
        examples.len() >= 9,
        "expected at least three examples per message"
    );
    for (key, name, payload) in examples {
        let message = MessageName::from_name(&key).unwrap_or_else(|| panic!("no message {key}"));
        let bytes = serde_json::to_vec(&payload).unwrap();
        let parsed = message
            .parse(&bytes)
            .unwrap_or_else(|e| panic!("{key}/{name} does not parse and validate: {e}"));
        assert_eq!(parsed.name(), message);
        assert!(parsed.validate().is_ok());
        let back = serde_json::to_value(&parsed).unwrap();
        assert!(
            json_eq(&payload, &back),
            "{key}/{name} changed in the round trip:\n  in:  {payload}\n  out: {back}"
        );
        // The Value path agrees with the byte path.
        assert_eq!(message.parse_value(&payload).unwrap(), parsed);
        assert!(message
            .validate_json(&kinesis_types::Value::from(&payload))
            .is_ok());
    }
}

/// Walks `payload` along `schema`, calling `found` with every object validated by a
/// component schema (its name and the pointer to the object in the payload).
fn objects_by_schema(
    doc: &Value,
    schema: &Value,
    payload: &Value,
    at: &str,
    found: &mut dyn FnMut(&str, &str),
) {
    let mut schema = schema;
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        let pointer = target.trim_start_matches('#');
        if let Some(name) = pointer.strip_prefix("/components/schemas/") {
            found(name, at);
        }
        schema = doc.pointer(pointer).expect("refs resolve");
    }
    match payload {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = schema.get("properties") {
                for (key, value) in map {
                    if let Some(sub) = properties.get(key) {
                        let child = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                        objects_by_schema(doc, sub, value, &child, found);
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    objects_by_schema(doc, sub, item, &format!("{at}/{i}"), found);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_property_example_validates_in_place() {
    let doc = spec();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let mut checked = 0;
    for (schema_name, schema) in schemas {
        for (property, property_schema) in schema["properties"].as_object().into_iter().flatten() {
            for example in property_schema["examples"].as_array().into_iter().flatten() {
                // Put the example into every message example where the property's
                // object appears; the payload must stay valid.
                let mut placed = false;
                for (key, name, payload) in message_examples() {
                    let message_schema = &doc["components"]["messages"][&key]["payload"];
                    let mut places = Vec::new();
                    objects_by_schema(&doc, message_schema, &payload, "", &mut |n, at| {
                        if n == schema_name {
                            places.push(at.to_string());
                        }
                    });
                    for place in places {
                        let mut edited = payload.clone();
                        edited.pointer_mut(&place).unwrap()[property] = example.clone();
                        let message = MessageName::from_name(&key).unwrap();
                        if let Err(error) = message.parse_value(&edited) {
                            panic!("example {example} of {schema_name}.{property} is refused in {key}/{name} at {place}: {error}");
                        }
                        placed = true;
                    }
                }
                assert!(placed, "no message example contains {schema_name}, so {property}'s example {example} went unchecked");
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 4,
        "the document has at least four property examples, checked {checked}"
    );
}
