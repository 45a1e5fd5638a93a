//! The schema interpreter on patterns the `regex` crate cannot express: `pattern` and
//! `patternProperties` with lookaround and backreferences compile and are judged
//! exactly; only invalid ECMA-262 syntax is refused.

use asyncapi_runtime::{parse_json, Keyword, Schema, Value};

fn json(text: &str) -> Value {
    parse_json(text.as_bytes()).expect("test JSON")
}

#[test]
fn lookaround_and_backreferences_are_checked() {
    let document = json(
        r#"{
            "name": {"type": "string", "pattern": "^(?!admin$)[a-z]+$"},
            "twice": {"type": "string", "pattern": "^(\\w+) \\1$"},
            "labels": {
                "type": "object",
                "patternProperties": {"^(?<=)x-(?!internal)": {"type": "string"}},
                "additionalProperties": false
            }
        }"#,
    );
    let schema = Schema::compile(&document, &["/name", "/twice", "/labels"]).unwrap();
    assert!(schema.is_valid(0, &json(r#""alice""#)));
    assert!(!schema.is_valid(0, &json(r#""admin""#)));
    assert!(schema.is_valid(1, &json(r#""ab ab""#)));
    assert!(!schema.is_valid(1, &json(r#""ab ba""#)));
    assert!(schema.is_valid(2, &json(r#"{"x-team": "a"}"#)));
    assert!(!schema.is_valid(2, &json(r#"{"x-internal": "a"}"#)));
    let violations = schema.validate(0, &json(r#""admin""#)).unwrap_err();
    let v = violations.into_iter().next().unwrap();
    assert_eq!(v.keyword, Keyword::Pattern);
    assert_eq!(
        v.message,
        "\"admin\" does not match pattern ^(?!admin$)[a-z]+$"
    );
}

#[test]
fn only_invalid_syntax_is_refused() {
    let document = json(r#"{"a": {"pattern": "a(?=b"}, "b": {"patternProperties": {"[a-": {}}}}"#);
    let error = Schema::compile(&document, &["/a"]).unwrap_err();
    assert_eq!(error.pointer, "/a/pattern");
    assert_eq!(
        error.message,
        "pattern \"a(?=b\" cannot be used: invalid ECMA-262 syntax at offset 1: unterminated group"
    );
    let error = Schema::compile(&document, &["/b"]).unwrap_err();
    assert!(
        error.message.contains("unterminated character class"),
        "{error}"
    );
}
