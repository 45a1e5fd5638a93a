//! Every message example of every fixture parses, validates and writes back unchanged.

use std::path::PathBuf;

use serde_json::Value;

/// (message name, JSON value) pairs.
type Examples = Vec<(String, Value)>;

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../asyncapi-codegen/tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// (message name, example payload) and (message name, example headers) for every
/// example in the document.
fn examples(doc: &Value) -> (Examples, Examples) {
    let mut messages = Vec::new();
    if let Some(Value::Object(map)) = doc.pointer("/components/messages") {
        for (key, message) in map {
            messages.push((key.clone(), message.clone()));
        }
    }
    if let Some(Value::Object(channels)) = doc.get("channels") {
        for (channel, value) in channels {
            if let Some(Value::Object(map)) = value.get("messages") {
                for (key, message) in map {
                    if message.get("$ref").is_none() {
                        // Named like the generator names inline messages.
                        let stem = format!("{}{}", upper_first(channel), upper_first(key));
                        messages.push((stem, message.clone()));
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut headers_out = Vec::new();
    for (key, message) in messages {
        let name = message
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or(key);
        for example in message
            .get("examples")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(payload) = example.get("payload") {
                out.push((name.clone(), payload.clone()));
            }
            if let Some(headers) = example.get("headers") {
                headers_out.push((name.clone(), headers.clone()));
            }
        }
    }
    (out, headers_out)
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[test]
fn every_example_round_trips_and_validates() {
    let mut count = 0;
    let mut failures = Vec::new();
    for file in fixtures() {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: Value = serde_yaml::from_str(&text).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let (payloads, headers) = examples(&doc);
        for (message, value) in headers {
            count += 1;
            match fixture_tests::round_trip_headers(&name, &message, &value) {
                Ok(Some(written)) if kinesis_types::json_eq(&written, &value) => {}
                Ok(Some(written)) => failures.push(format!(
                    "{name} {message} headers: wrote {written} for {value}"
                )),
                Ok(None) => failures.push(format!(
                    "{name} {message}: example headers, but no headers type"
                )),
                Err(error) => failures.push(format!("{name} {message} headers: {error}")),
            }
        }
        for (message, payload) in payloads {
            count += 1;
            match fixture_tests::round_trip(&name, &message, &payload) {
                Ok(written) if kinesis_types::json_eq(&written, &payload) => {}
                Ok(written) => {
                    failures.push(format!("{name} {message}: wrote {written} for {payload}"))
                }
                Err(error) => failures.push(format!("{name} {message}: {error}")),
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(count >= 10, "only {count} examples");
}
