//! The schema interpreter against the official JSON-Schema-Test-Suite (draft 7), in
//! `testdata/json-schema-test-suite/` at the top of the workspace.
//!
//! The runtime resolves only references that are JSON pointers into the document (the
//! generator rewrites every other reference it can resolve into one, and its own test
//! runs the whole suite through generated code). So this test runs every group whose
//! references are all such pointers, and checks that every other group is refused at
//! compile time with a reason, never misjudged.

use std::path::PathBuf;

use asyncapi_runtime::{parse_json, Schema, Value};

fn suite_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/json-schema-test-suite/tests/draft7")
}

/// The files the suite's own README calls required, plus the optional ones the
/// runtime's semantics cover.
fn files() -> Vec<PathBuf> {
    let dir = suite_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the test suite is in testdata/")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for optional in [
        "bignum",
        "ecmascript-regex",
        "non-bmp-regex",
        "float-overflow",
    ] {
        files.push(dir.join("optional").join(format!("{optional}.json")));
    }
    files
}

/// Whether every `$ref` in `schema` is a JSON pointer fragment and no `$id` could
/// change what it means.
fn only_local_pointers(schema: &Value) -> bool {
    match schema {
        Value::Object(map) => map.iter().all(|(key, value)| match key.as_str() {
            "$ref" => value
                .as_str()
                .is_some_and(|r| r == "#" || r.starts_with("#/")),
            "$id" => false,
            _ => only_local_pointers(value),
        }),
        Value::Array(items) => items.iter().all(only_local_pointers),
        _ => true,
    }
}

#[test]
fn the_interpreter_agrees_with_the_suite() {
    let mut run = 0;
    let mut refused_groups = 0;
    let mut failures = Vec::new();
    for file in files() {
        let bytes = std::fs::read(&file).expect("readable");
        let groups = parse_json(&bytes).expect("the suite is JSON");
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for group in groups.as_array().expect("a list of groups") {
            let description = group["description"].as_str().unwrap_or_default();
            let schema = &group["schema"];
            let compiled = Schema::compile(schema, &[""]);
            let compiled = match compiled {
                Ok(compiled) => compiled,
                Err(error) => {
                    assert!(
                        !only_local_pointers(schema),
                        "{name}: {description}: refused although its references are local: {error}"
                    );
                    refused_groups += 1;
                    continue;
                }
            };
            for test in group["tests"].as_array().expect("tests") {
                let data = &test["data"];
                let expected = test["valid"].as_bool().expect("valid");
                let verdict = compiled.validate(0, data);
                run += 1;
                if verdict.is_ok() != expected || compiled.is_valid(0, data) != expected {
                    failures.push(format!(
                        "{name}: {description}: {}: expected {expected}, got {:?}",
                        test["description"].as_str().unwrap_or_default(),
                        verdict.as_ref().map_err(|v| v.to_string())
                    ));
                }
                if let Err(violations) = verdict {
                    for violation in &violations {
                        assert!(!violation.message.is_empty());
                        assert!(
                            data.pointer(&violation.pointer).is_some(),
                            "{name}: {description}: pointer {:?} is not in {data}",
                            violation.pointer
                        );
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Most of the suite runs here; the rest needs URI resolution (the generator's).
    assert!(run > 850, "only {run} cases ran");
    assert!(refused_groups < 50, "{refused_groups} groups refused");
    println!("{run} cases agree; {refused_groups} groups need URI resolution");
}
