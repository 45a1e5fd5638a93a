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
        let (payloads, _) = examples(&doc);
        for (name, payload) in payloads {
            // Examples name their message by the pointer of its definition.
            let index = messages
                .messages()
                .iter()
                .position(|m| m.pointer == name)
                .unwrap_or_else(|| panic!("{fixture}: no interpreted message at {name}"));
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

/// `patterns.yaml`: lookahead, lookbehind, backreferences and a modifier group, on
/// fields, array items, map values and `patternProperties` keys. Each payload gets
/// the expected verdict (the pointer and keyword of each violation) from both the
/// generated code and the interpreter, and the two agree on every message.
#[test]
fn lookaround_and_backreference_patterns_get_the_same_verdict() {
    use asyncapi_runtime::Keyword::{AdditionalProperties, Pattern};
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../asyncapi-codegen/tests/fixtures/patterns.yaml");
    let messages = interpreted(&path);
    let index = messages.find("Signup").expect("the Signup message");
    let cases: &[(&str, &[(&str, asyncapi_runtime::Keyword)])] = &[
        (r#"{"handle": "alice", "pair": "ab=ab"}"#, &[]),
        (
            r#"{"handle": "admin", "pair": "ab=ab"}"#,
            &[("/handle", Pattern)],
        ),
        (r#"{"handle": "administrator", "pair": "ab=ab"}"#, &[]),
        (
            r#"{"handle": "bob", "pair": "ab=ba"}"#,
            &[("/pair", Pattern)],
        ),
        (r#"{"handle": "bob", "pair": "ab=ab", "price": "$12"}"#, &[]),
        (
            r#"{"handle": "bob", "pair": "ab=ab", "price": "12$"}"#,
            &[("/price", Pattern)],
        ),
        (
            r#"{"handle": "bob", "pair": "a=a", "quoted": "\"hi\""}"#,
            &[],
        ),
        (
            r#"{"handle": "bob", "pair": "a=a", "quoted": "'hi\""}"#,
            &[("/quoted", Pattern)],
        ),
        (r#"{"handle": "bob", "pair": "a=a", "code": "aBc"}"#, &[]),
        (
            r#"{"handle": "bob", "pair": "a=a", "code": "abC"}"#,
            &[("/code", Pattern)],
        ),
        (
            r#"{"handle": "bob", "pair": "a=a", "words": ["9z", "zz", "99"]}"#,
            &[("/words/1", Pattern), ("/words/2", Pattern)],
        ),
        (
            r#"{"handle": "bob", "pair": "a=a", "aliases": {"a": "-b", "b": "b-"}}"#,
            &[("/aliases/a", Pattern)],
        ),
        (
            r#"{"handle": "bob", "pair": "a=a", "labels": {"x-team": "a", "x-internal": "b"}}"#,
            &[("/labels/x-internal", AdditionalProperties)],
        ),
        (
            r#"{"handle": "Admin", "pair": "a=b", "code": "ABC"}"#,
            &[("/handle", Pattern), ("/pair", Pattern), ("/code", Pattern)],
        ),
    ];
    let mut wrong = Vec::new();
    for (payload, expected) in cases {
        let bytes = payload.as_bytes();
        let generated = generated_verdict("patterns.yaml", "Signup", bytes).unwrap();
        let interpreted = verdict(&messages.parse(index, bytes));
        let found: Vec<(String, asyncapi_runtime::Keyword)> = match &generated {
            Ok(()) => Vec::new(),
            Err(violations) => violations
                .iter()
                .map(|(pointer, keyword, _)| (pointer.clone(), *keyword))
                .collect(),
        };
        let expected: Vec<(String, asyncapi_runtime::Keyword)> = expected
            .iter()
            .map(|(pointer, keyword)| (pointer.to_string(), *keyword))
            .collect();
        if found != expected || generated != interpreted {
            wrong.push(format!(
                "{payload}:\n  expected:    {expected:?}\n  generated:   {generated:?}\n  interpreted: {interpreted:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// `string_conditions.yaml`: `if`/`then`/`else` typed as `when(...)` on a field, a
/// nullable field, array items and map values, beside conditions left to the
/// interpreter (over `const`, on an untyped value). Each payload gets the expected
/// verdict from the generated code, and the interpreter agrees on every message.
#[test]
fn string_conditions_get_the_same_verdict() {
    use asyncapi_runtime::Keyword::{MaxLength, MinLength, Pattern};
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../asyncapi-codegen/tests/fixtures/string_conditions.yaml");
    let messages = interpreted(&path);
    let index = messages.find("Upload").expect("the Upload message");
    let cases: &[(&str, &[(&str, asyncapi_runtime::Keyword)])] = &[
        (r#"{"data": "QUJD", "code": "ABCD"}"#, &[]),
        // 16 characters: `then` asks for padding.
        (
            r#"{"data": "QUJDREVGR0hJSktM", "code": "ABCD"}"#,
            &[("/data", Pattern)],
        ),
        (r#"{"data": "QUJDREVGR0hJSw==", "code": "ABC"}"#, &[]),
        // Upper case: 3 to 5 characters; otherwise lower case.
        (r#"{"data": "QQ==", "code": "AB"}"#, &[("/code", MinLength)]),
        (
            r#"{"data": "QQ==", "code": "ABCDEF"}"#,
            &[("/code", MaxLength)],
        ),
        (r#"{"data": "QQ==", "code": "Ab_"}"#, &[]),
        (r#"{"data": "QQ==", "code": "ab_"}"#, &[("/code", Pattern)]),
        // Short notes end in `!`; `null` passes.
        (
            r#"{"data": "QQ==", "code": "ab", "note": "hey"}"#,
            &[("/note", Pattern)],
        ),
        (r#"{"data": "QQ==", "code": "ab", "note": "hey!"}"#, &[]),
        (
            r#"{"data": "QQ==", "code": "ab", "note": "a longer note"}"#,
            &[],
        ),
        (r#"{"data": "QQ==", "code": "ab", "note": null}"#, &[]),
        // Code points, not bytes: "éé!" is 5 bytes, 3 characters.
        (
            r#"{"data": "QQ==", "code": "ab", "note": "éé"}"#,
            &[("/note", Pattern)],
        ),
        (r#"{"data": "QQ==", "code": "ab", "note": "ééé!"}"#, &[]),
        (
            r##"{"data": "QQ==", "code": "ab", "tags": ["#a long tag", "abcde", "abcd"]}"##,
            &[("/tags/1", MaxLength)],
        ),
        (
            r#"{"data": "QQ==", "code": "ab", "labels": {"a": "B", "bb": "Cc", "cc": "ok"}}"#,
            &[("/labels/bb", Pattern)],
        ),
        // Left to the interpreter.
        (r#"{"data": "QQ==", "code": "ab", "mixed": "x"}"#, &[]),
        (r#"{"data": "QQ==", "code": "ab", "mixed": "xy"}"#, &[]),
        (
            r#"{"data": "QQ==", "code": "ab", "mixed": "y"}"#,
            &[("/mixed", MinLength)],
        ),
        (r#"{"data": "QQ==", "code": "ab", "untyped": 42}"#, &[]),
        (
            r#"{"data": "QQ==", "code": "ab", "untyped": "bcd"}"#,
            &[("/untyped", Pattern)],
        ),
        // Everything at once, in field order.
        (
            r##"{"data": "QUJDREVGR0hJSktM", "code": "aB", "note": "no", "tags": ["abcde"],
                "labels": {"x": "Yy"}, "mixed": "z", "untyped": "xyz"}"##,
            &[
                ("/data", Pattern),
                ("/code", Pattern),
                ("/note", Pattern),
                ("/tags/0", MaxLength),
                ("/labels/x", Pattern),
                ("/mixed", MinLength),
                ("/untyped", Pattern),
            ],
        ),
    ];
    let mut wrong = Vec::new();
    for (payload, expected) in cases {
        let bytes = payload.as_bytes();
        let generated = generated_verdict("string_conditions.yaml", "Upload", bytes).unwrap();
        let interpreted = verdict(&messages.parse(index, bytes));
        let found: Vec<(String, asyncapi_runtime::Keyword)> = match &generated {
            Ok(()) => Vec::new(),
            Err(violations) => violations
                .iter()
                .map(|(pointer, keyword, _)| (pointer.clone(), *keyword))
                .collect(),
        };
        let expected: Vec<(String, asyncapi_runtime::Keyword)> = expected
            .iter()
            .map(|(pointer, keyword)| (pointer.to_string(), *keyword))
            .collect();
        if found != expected || generated != interpreted {
            wrong.push(format!(
                "{payload}:\n  expected:    {expected:?}\n  generated:   {generated:?}\n  interpreted: {interpreted:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
