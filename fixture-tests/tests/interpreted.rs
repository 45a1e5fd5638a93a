//! The generator's model interpreted at run time (`asyncapi_codegen::interpret`, what
//! `kinesis validate --spec` runs) against the code generated from the same document:
//! every example of every fixture, broken variants of each, and every case of the
//! JSON-Schema-Test-Suite get the same verdict, with the same violations (pointer,
//! keyword and message, in the same order).

use std::path::PathBuf;

use asyncapi_codegen::{interpret::Interpreted, Document};
use asyncapi_runtime::{parse_json, Map, Value};
use fixture_tests::{generated_verdict, verdict};

mod common;

use common::{documents, examples, fixtures};

/// The payload, and versions of it that break it in every way the tests know.
fn variants(payload: &Value) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = vec![
        payload.to_json().into_bytes(),
        b"".to_vec(),
        b"{".to_vec(),
        b"[]".to_vec(),
        b"null".to_vec(),
        b"\"x\"".to_vec(),
        b"{\"a\": 1, \"a\": 2}".to_vec(),
    ];
    if let Value::Object(map) = payload {
        for key in map.keys() {
            let mut without = map.clone();
            without.remove(key);
            out.push(Value::Object(without).to_json().into_bytes());
            for replacement in [
                Value::Null,
                "-1.5".parse().unwrap(),
                "1e400".parse().unwrap(),
                Value::from("\u{e9}"),
                Value::Array(vec![Value::Object(Map::new())]),
            ] {
                let mut changed = map.clone();
                changed.insert(key.clone(), replacement);
                out.push(Value::Object(changed).to_json().into_bytes());
            }
        }
    }
    out
}

fn interpreted(path: &std::path::Path) -> Interpreted {
    let doc = Document::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Interpreted::from_document(&doc)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .0
}

#[test]
fn every_fixture_example_and_its_breakages_get_the_same_verdict() {
    let mut compared = 0;
    let mut differences = Vec::new();
    let files = fixtures();
    for ((fixture, doc), path) in documents().into_iter().zip(&files) {
        let messages = interpreted(path);
        let (payloads, _) = examples(&fixture, &doc);
        for (name, payload) in payloads {
            let index = messages
                .find(&name)
                .unwrap_or_else(|| panic!("{fixture}: no interpreted message {name}"));
            for bytes in variants(&payload) {
                compared += 1;
                let generated = generated_verdict(&fixture, &name, &bytes).unwrap();
                let interpreted = verdict(&messages.parse(index, &bytes));
                if generated != interpreted {
                    differences.push(format!(
                        "{fixture} {name} on {}:\n  generated:   {generated:?}\n  interpreted: {interpreted:?}",
                        String::from_utf8_lossy(&bytes)
                    ));
                }
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {compared} differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
    assert!(compared > 500, "only {compared} payloads");
}

/// The suite's files, core and optional.
fn suite_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [dir.to_path_buf(), dir.join("optional")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    files
}

#[test]
fn every_suite_case_gets_the_same_verdict() {
    let document = PathBuf::from(env!("OUT_DIR")).join("json_schema_suite.asyncapi.json");
    let messages = interpreted(&document);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/json-schema-test-suite/tests/draft7");
    let mut compared = 0;
    let mut differences = Vec::new();
    for (index, message) in messages.messages().iter().enumerate() {
        // `<file>_<group>_<placement>`: the suite file and group the message comes from.
        let mut parts = message.name.rsplitn(3, '_');
        let (Some(_placement), Some(group), Some(file)) =
            (parts.next(), parts.next(), parts.next())
        else {
            panic!("message {}", message.name);
        };
        let Ok(group) = group.parse::<usize>() else {
            panic!("message {}", message.name)
        };
        // Keys spell the file's `-` as `_`.
        let path = suite_files(&dir)
            .into_iter()
            .find(|p| {
                p.file_stem()
                    .is_some_and(|stem| stem.to_string_lossy().replace('-', "_") == file)
            })
            .unwrap_or_else(|| panic!("no suite file for {}", message.name));
        let groups = parse_json(&std::fs::read(&path).unwrap()).unwrap();
        for test in groups[group]["tests"].as_array().unwrap() {
            let bytes = test["data"].to_json().into_bytes();
            compared += 1;
            let generated = generated_verdict("json_schema_suite", &message.name, &bytes).unwrap();
            let interpreted = verdict(&messages.parse(index, &bytes));
            if generated != interpreted {
                differences.push(format!(
                    "{} on {}:\n  generated:   {generated:?}\n  interpreted: {interpreted:?}",
                    message.name,
                    String::from_utf8_lossy(&bytes)
                ));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {compared} differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
    assert!(compared > 1700, "only {compared} cases");
}
