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
/// example of every message fixture `fixture` declares in `doc`, named as the
/// generated code names them.
pub fn examples(fixture: &str, doc: &Value) -> (Examples, Examples) {
    let mut messages = Vec::new();
    if let Some(Value::Object(map)) = doc.pointer("/components/messages") {
        for (key, message) in map {
            messages.push((
                format!("/components/messages/{}", escape(key)),
                message.clone(),
            ));
        }
    }
    if let Some(Value::Object(channels)) = doc.get("channels") {
        for (channel, value) in channels {
            if let Some(Value::Object(map)) = value.get("messages") {
                for (key, message) in map {
                    if message.get("$ref").is_none() {
                        let at = format!("/channels/{}/messages/{}", escape(channel), escape(key));
                        messages.push((at, message.clone()));
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut headers_out = Vec::new();
    for (at, message) in messages {
        let name = match fixture_tests::message_at(fixture, &at) {
            Ok(Some(name)) => name,
            other => panic!("{fixture}: no message at {at}: {other:?}"),
        };
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

/// `key` as a JSON pointer token.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Each fixture's file name and document.
pub fn documents() -> Vec<(String, Value)> {
    fixtures()
        .into_iter()
        .map(|file| {
            let doc = asyncapi_codegen::Document::load(&file).unwrap();
            (
                file.file_name().unwrap().to_string_lossy().into_owned(),
                doc.root,
            )
        })
        .collect()
}

/// Whether JSON text `written` is the value `expected` (numbers by exact value).
pub fn same_json(written: &str, expected: &Value) -> bool {
    written
        .parse::<Value>()
        .is_ok_and(|value| value == *expected)
}
