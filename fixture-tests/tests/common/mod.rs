//! The fixture documents and the examples they hold, read by the generator's loader
//! so that numbers keep every digit.
#![allow(dead_code)] // each test crate uses its part

use std::path::PathBuf;

use asyncapi_runtime::Value;

/// (message name, JSON value) pairs.
pub type Examples = Vec<(String, Value)>;

pub fn fixtures() -> Vec<PathBuf> {
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
pub fn examples(doc: &Value) -> (Examples, Examples) {
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

/// Each fixture's file name and document.
pub fn documents() -> Vec<(String, Value)> {
    fixtures()
        .into_iter()
        .map(|file| {
            let doc = asyncapi_codegen::Document::load(&file).unwrap();
            (file.file_name().unwrap().to_string_lossy().into_owned(), doc.root)
        })
        .collect()
}

/// Whether JSON text `written` is the value `expected` (numbers by exact value).
pub fn same_json(written: &str, expected: &Value) -> bool {
    written.parse::<Value>().is_ok_and(|value| value == *expected)
}
