//! Every message example of every fixture parses zero-copy by message name
//! (`MessageName::parse_borrowed`), equals the owned parse once converted and writes
//! back the same JSON; broken payloads are refused with the owned parse's error.

use asyncapi_runtime::{Map, Value};

mod common;

use common::{documents, examples, same_json};

#[test]
fn every_example_parses_borrowed_like_the_owned_parse() {
    let mut count = 0;
    let mut failures = Vec::new();
    for (fixture, doc) in documents() {
        let (payloads, _) = examples(&fixture, &doc);
        for (message, payload) in payloads {
            count += 1;
            let bytes = payload.to_json().into_bytes();
            match fixture_tests::round_trip_borrowed(&fixture, &message, &bytes) {
                Ok(written) if same_json(&written, &payload) => {}
                Ok(written) => failures.push(format!(
                    "{fixture} {message}: wrote {written} for {payload}"
                )),
                Err(error) => failures.push(format!("{fixture} {message}: {error}")),
            }
            // The same payload pretty-printed, and with every string escaped (which
            // cannot be borrowed): the same result.
            for bytes in [
                payload.to_json_pretty().into_bytes(),
                escaped(&payload).into_bytes(),
            ] {
                match fixture_tests::round_trip_borrowed(&fixture, &message, &bytes) {
                    Ok(written) if same_json(&written, &payload) => {}
                    Ok(written) => failures.push(format!(
                        "{fixture} {message} as {}: wrote {written}",
                        String::from_utf8_lossy(&bytes)
                    )),
                    Err(error) => failures.push(format!("{fixture} {message}: {error}")),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(count >= 10, "only {count} examples");
}

/// `value` as JSON text whose strings (keys too) start with an escaped character.
fn escaped(value: &Value) -> String {
    match value {
        Value::String(s) => escape(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(escaped).collect();
            format!("[{}]", items.join(","))
        }
        Value::Object(map) => {
            let entries: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}:{}", escape(k), escaped(v)))
                .collect();
            format!("{{{}}}", entries.join(","))
        }
        other => other.to_json(),
    }
}

fn escape(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii() => {
            let rest = Value::String(chars.as_str().to_string()).to_json();
            format!("\"\\u{:04x}{}", c as u32, &rest[1..])
        }
        _ => Value::String(s.to_string()).to_json(),
    }
}

#[test]
fn escaped_text_is_the_same_text() {
    let value: Value = r#"{"a": ["b\n", 1, {"cd": null}], "": "", "e": "\u0001f"}"#
        .parse()
        .unwrap();
    let text = escaped(&value);
    assert!(text.contains("\"\\u0061\":[\"\\u0062\\n\""), "{text}");
    assert!(text.contains("\"\\u0065\":\"\\u0001f\""), "{text}");
    assert!(same_json(&text, &value), "{text}");
}

#[test]
fn broken_payloads_are_refused_with_the_owned_error() {
    let mut count = 0;
    for (fixture, doc) in documents() {
        let (payloads, _) = examples(&fixture, &doc);
        for (message, payload) in payloads {
            let mut broken: Vec<Vec<u8>> = vec![
                b"".to_vec(),
                b"{".to_vec(),
                b"[]".to_vec(),
                b"null".to_vec(),
                b"\"x\"".to_vec(),
            ];
            // Each property in turn removed, and replaced by values of other types.
            if let Value::Object(map) = &payload {
                for key in map.keys() {
                    let mut without = map.clone();
                    without.remove(key);
                    broken.push(Value::Object(without).to_json().into_bytes());
                    for replacement in [
                        Value::Null,
                        "-1.5".parse().unwrap(),
                        Value::from("\u{e9}"),
                        Value::Array(vec![Value::Object(Map::new())]),
                    ] {
                        let mut changed = map.clone();
                        changed.insert(key.clone(), replacement);
                        broken.push(Value::Object(changed).to_json().into_bytes());
                    }
                }
            }
            for bytes in broken {
                count += 1;
                // Agreement is what is checked: `round_trip_borrowed` errs when the two
                // parses differ in any respect, so an error is fine only when both refuse.
                if let Err(error) = fixture_tests::round_trip_borrowed(&fixture, &message, &bytes) {
                    assert!(
                        !error.starts_with("borrowed")
                            && !error.starts_with("only")
                            && !error.starts_with("parsed as"),
                        "{fixture} {message} on {}: {error}",
                        String::from_utf8_lossy(&bytes)
                    );
                }
            }
        }
    }
    assert!(count > 100, "only {count} payloads");
}
