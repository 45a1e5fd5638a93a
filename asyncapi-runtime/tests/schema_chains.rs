//! The schema interpreter compiles documents of any `$ref` depth: compiling is a
//! worklist, so a chain of many thousands of references does not exhaust the stack
//! (a test thread has 2 MiB).

use asyncapi_runtime::{Keyword, Schema, Value};

#[test]
fn a_long_ref_chain_compiles_and_validates() {
    let levels = 20_000;
    let mut definitions = String::new();
    for i in 0..levels {
        if i > 0 {
            definitions.push(',');
        }
        let next = if i + 1 < levels {
            format!(r##","next":{{"$ref":"#/definitions/s{}"}}"##, i + 1)
        } else {
            String::new()
        };
        definitions.push_str(&format!(
            r#""s{i}":{{"type":"object","properties":{{"n":{{"const":{i}}}{next}}}}}"#
        ));
    }
    let text = format!(r#"{{"definitions":{{{definitions}}}}}"#);
    let document: Value = text.parse().expect("JSON");
    let schema = Schema::compile(&document, &["/definitions/s0"]).expect("compiles");

    let value: Value = r#"{"n": 0, "next": {"n": 1, "next": {"n": 2}}}"#.parse().unwrap();
    assert!(schema.validate(0, &value).is_ok());
    let value: Value = r#"{"n": 0, "next": {"n": 1, "next": {"n": 7}}}"#.parse().unwrap();
    let violations = schema
        .validate(0, &value)
        .expect_err("n is 2 there")
        .into_vec();
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0].pointer, "/next/next/n");
    assert_eq!(violations[0].keyword, Keyword::Const);
}

#[test]
fn the_first_error_is_still_reported_where_it_is() {
    let document: Value = r##"{"definitions": {
        "a": {"properties": {"x": {"$ref": "#/definitions/b"}}},
        "b": {"properties": {"y": {"minLength": -1}}}
    }}"##
        .parse()
        .unwrap();
    let error = Schema::compile(&document, &["/definitions/a"]).expect_err("invalid");
    assert_eq!(error.pointer, "/definitions/b/properties/y/minLength");
}
