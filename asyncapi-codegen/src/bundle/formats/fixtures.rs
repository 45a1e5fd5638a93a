//! The fixture documents with Avro and OpenAPI payloads: every message's payload
//! translates where it stands in its document, every example of the message is valid
//! under the translation, and chosen changes of them are not.

use std::path::Path;

use asyncapi_runtime::{Schema, Value};

use super::testing::json;
use super::translate;
use crate::load::{pointer, walk, Document};

/// The document `name` of `tests/fixtures`, each message's payload translated in place,
/// and per message: its name, the pointer of its translated schema, its examples.
fn translated(name: &str) -> (Value, Vec<(String, String, Vec<Value>)>) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let document = match Document::load(&file) {
        Ok(document) => document,
        Err(error) => panic!("{name}: {error}"),
    };
    let mut root = document.root.clone();
    let mut messages = Vec::new();
    let names: Vec<String> = root["components"]["messages"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    for message in names {
        let at = pointer::join("/components/messages", &message);
        let mut payload_at = pointer::join(&at, "payload");
        // A payload may be a reference to a Multi Format Schema Object elsewhere.
        if let Some(Value::String(reference)) =
            root.pointer(&payload_at).and_then(|p| p.get("$ref"))
        {
            payload_at = reference.trim_start_matches('#').to_string();
        }
        let Some(multi) = root.pointer(&payload_at).cloned() else {
            panic!("{name}: no payload at {payload_at}");
        };
        let Some(format) = walk::schema_format(&multi) else {
            panic!("{name}: {payload_at} is not a Multi Format Schema Object");
        };
        let schema_at = pointer::join(&payload_at, "schema");
        let translation = match translate(&format, &multi["schema"], &schema_at) {
            Ok(Some(translation)) => translation,
            Ok(None) => panic!("{name}: {schema_at} needs no translation"),
            Err(error) => panic!("{name}: {}", error.within(&schema_at)),
        };
        if let Some(slot) = root.pointer_mut(&schema_at) {
            *slot = translation;
        }
        let examples = root
            .pointer(&pointer::join(&at, "examples"))
            .and_then(Value::as_array)
            .map(|examples| examples.iter().map(|e| e["payload"].clone()).collect())
            .unwrap_or_default();
        messages.push((message, schema_at, examples));
    }
    (root, messages)
}

/// `base` (a JSON object) with the members of `change` (one) put over it.
fn changed(base: &str, change: &str) -> Value {
    let mut value = json(base);
    let change = json(&format!("{{{change}}}"));
    if let (Some(map), Some(change)) = (value.as_object_mut(), change.as_object()) {
        for (key, member) in change.iter() {
            map.insert(key.clone(), member.clone());
        }
    }
    value
}

/// Checks the examples of every message of fixture `name`, and that `invalid`
/// (message, payload) pairs are refused.
fn check(name: &str, invalid: &[(&str, Value)]) {
    let (root, messages) = translated(name);
    let entries: Vec<&str> = messages.iter().map(|(_, at, _)| at.as_str()).collect();
    let schema = match Schema::compile(&root, &entries) {
        Ok(schema) => schema,
        Err(error) => panic!("{name}: the translations do not compile: {error}"),
    };
    for (i, (message, _, examples)) in messages.iter().enumerate() {
        assert!(!examples.is_empty(), "{name}: {message} has no examples");
        for example in examples {
            if let Err(violations) = schema.validate(i, example) {
                panic!("{name}: example of {message} {example} is refused: {violations:?}");
            }
        }
    }
    for (message, payload) in invalid {
        let i = messages
            .iter()
            .position(|(m, _, _)| m == message)
            .unwrap_or_else(|| panic!("no message {message}"));
        assert!(
            !schema.is_valid(i, payload),
            "{name}: {message} accepts {payload}"
        );
    }
}

/// Whether message `message` of fixture `name` accepts `payload`.
fn check_one(name: &str, message: &str, payload: &Value) -> bool {
    let (root, messages) = translated(name);
    let Some((_, at, _)) = messages.iter().find(|(m, _, _)| m == message) else {
        panic!("no message {message}");
    };
    Schema::compile(&root, &[at.as_str()]).is_ok_and(|schema| schema.is_valid(0, payload))
}

#[test]
fn avro_payloads() {
    let user = r#"{"id": "5f0c6b1e-8a6e-4c8e-9d5b-3a2f1b0c9d8e", "name": "Ada", "age": null,
        "address": {"street": "s", "city": "c"}, "createdAt": 1, "balance": "",
        "fingerprint": "0123456789abcdef"}"#;
    assert!(check_one("avro_payloads.yaml", "UserSignedUp", &json(user)));
    let users: Vec<Value> = [
        r#""name": null"#,
        r#""age": 2147483648"#,
        r#""address": {"street": "s"}"#,
        r#""status": "active""#,
        r#""tags": [1]"#,
        r#""attributes": {"a": 1}"#,
        r#""createdAt": 9223372036854775808"#,
        r#""birthday": "1970-01-01""#,
        r#""balance": "\u0100""#,
        r#""fingerprint": "0123456789abcde""#,
    ]
    .iter()
    .map(|change| changed(user, change))
    .collect();
    let mut invalid: Vec<(&str, Value)> = users.into_iter().map(|u| ("UserSignedUp", u)).collect();
    invalid.extend([
        ("UserSignedUp", json(r#"{"id": "x"}"#)),
        ("UserDeleted", json(r#"{"id": "u", "reason": "OTHER"}"#)),
        (
            "TreeChanged",
            json(r#"{"label": "root", "children": [{"children": []}]}"#),
        ),
        (
            "TreeChanged",
            json(r#"{"label": "root", "parent": {"label": 1}}"#),
        ),
        (
            "NumbersListed",
            json(r#"{"value": 1, "next": {"value": 2}}"#),
        ),
        (
            "DeviceReading",
            json(r#"{"device": "d", "at": 1, "celsius": "warm"}"#),
        ),
        (
            "DeviceReading",
            json(r#"{"device": "d", "at": 1, "celsius": 1, "location": {"lat": 1}}"#),
        ),
        ("LooseValue", json("true")),
        ("LooseValue", json(r#"["1.5"]"#)),
        ("LooseValue", json("1.5")),
    ]);
    check("avro_payloads.yaml", &invalid);
}

#[test]
fn openapi_payloads() {
    let order =
        r#"{"id": "i", "quantity": 1, "price": 0, "lines": [{"sku": "ABC-1", "amount": 1}]}"#;
    assert!(check_one(
        "openapi_payloads.yaml",
        "OrderPlaced",
        &json(order)
    ));
    let orders: Vec<Value> = [
        r#""quantity": 0"#,
        r#""quantity": 101"#,
        r#""price": -0.01"#,
        r#""price": 1000000"#,
        r#""discount": 1"#,
        r#""note": 5"#,
        r#""channel": "phone""#,
        r#""priority": null"#,
        r#""lines": []"#,
        r#""lines": [{"sku": "abc", "amount": 1}]"#,
        r#""shipping": {"city": null}"#,
        r#""payment": {"method": "card", "iban": "x"}"#,
        r#""id": null"#,
    ]
    .iter()
    .map(|change| changed(order, change))
    .collect();
    let mut invalid: Vec<(&str, Value)> = orders.into_iter().map(|o| ("OrderPlaced", o)).collect();
    invalid.extend([
        ("OrderCancelled", json(r#"{"id": "o", "reason": ""}"#)),
        ("OrderCancelled", json(r#"{"id": "o", "other": 1}"#)),
        ("Temperature", json("-273.16")),
        ("Temperature", json("\"21\"")),
    ]);
    check("openapi_payloads.yaml", &invalid);
}
