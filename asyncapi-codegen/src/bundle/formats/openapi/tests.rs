//! What each OpenAPI 3.0 keyword becomes, checked on the schema and on data.

use asyncapi_runtime::Value;

use super::super::testing::{compile_at, json};
use super::super::{FormatError, Language};
use super::to_json_schema;

const BASE: &str = "/components/messages/m/payload/schema";

fn translate(openapi: &str) -> Value {
    match to_json_schema(&json(openapi)) {
        Ok(schema) => schema,
        Err(error) => panic!("{openapi} does not translate: {error}"),
    }
}

fn accepts(openapi: &str, valid: &[&str], invalid: &[&str]) {
    let schema = compile_at(&translate(openapi), BASE);
    for text in valid {
        assert!(
            schema.is_valid(0, &json(text)),
            "{openapi} should accept {text}"
        );
    }
    for text in invalid {
        assert!(
            !schema.is_valid(0, &json(text)),
            "{openapi} should refuse {text}"
        );
    }
}

#[test]
fn nullable_adds_null_to_the_type_written_beside_it() {
    assert_eq!(
        translate(r#"{"type": "string", "nullable": true}"#),
        json(r#"{"type": ["string", "null"]}"#)
    );
    assert_eq!(
        translate(r#"{"type": "string", "nullable": false}"#),
        json(r#"{"type": "string"}"#)
    );
    accepts(
        r#"{"type": "integer", "nullable": true, "minimum": 1}"#,
        &["null", "1"],
        &["0", "\"1\""],
    );
    accepts(
        r#"{"type": "integer", "nullable": false}"#,
        &["1"],
        &["null"],
    );
    // Without a type, nothing to add null to (and nothing refuses it either).
    assert_eq!(
        translate(r#"{"nullable": true, "minimum": 1}"#),
        json(r#"{"minimum": 1}"#)
    );
    // A type list is not OpenAPI 3.0, but reads the same way.
    assert_eq!(
        translate(r#"{"type": ["string", "integer"], "nullable": true}"#),
        json(r#"{"type": ["string", "integer", "null"]}"#)
    );
    assert_eq!(
        translate(r#"{"type": ["string", "null"], "nullable": true}"#),
        json(r#"{"type": ["string", "null"]}"#)
    );
}

#[test]
fn nullable_does_not_extend_enum_or_subschemas() {
    // OpenAPI 3.0.3: the other keywords keep their meaning and may refuse null.
    let openapi = r#"{"type": "string", "enum": ["a", "b"], "nullable": true}"#;
    assert_eq!(
        translate(openapi),
        json(r#"{"type": ["string", "null"], "enum": ["a", "b"]}"#)
    );
    accepts(openapi, &["\"a\"", "\"b\""], &["null", "\"c\""]);
    accepts(
        r#"{"type": "string", "enum": ["a", null], "nullable": true}"#,
        &["\"a\"", "null"],
        &["\"b\""],
    );
    accepts(
        r#"{"type": "object", "nullable": true, "allOf": [{"type": "object", "required": ["a"]}]}"#,
        &[r#"{"a": 1}"#],
        &["null", "{}"],
    );
    accepts(
        r#"{"type": "object", "nullable": true, "properties": {"a": {"type": "string"}}, "required": ["a"]}"#,
        &["null", r#"{"a": "x"}"#],
        &["{}", r#"{"a": null}"#],
    );
}

#[test]
fn boolean_exclusive_bounds_become_numeric() {
    assert_eq!(
        translate(
            r#"{"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": true}"#
        ),
        json(r#"{"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 10}"#)
    );
    assert_eq!(
        translate(
            r#"{"type": "number", "exclusiveMinimum": false, "minimum": 0, "maximum": 10, "exclusiveMaximum": false}"#
        ),
        json(r#"{"type": "number", "minimum": 0, "maximum": 10}"#)
    );
    // Without its bound, the flag qualifies nothing.
    assert_eq!(
        translate(r#"{"type": "number", "exclusiveMinimum": true, "exclusiveMaximum": true}"#),
        json(r#"{"type": "number"}"#)
    );
    accepts(
        r#"{"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 10}"#,
        &["0.0001", "10"],
        &["0", "-1", "10.5"],
    );
    accepts(
        r#"{"type": "integer", "maximum": 10, "exclusiveMaximum": true, "minimum": 0}"#,
        &["0", "9"],
        &["10", "-1"],
    );
}

#[test]
fn example_becomes_examples() {
    assert_eq!(
        translate(r#"{"type": "string", "example": "x"}"#),
        json(r#"{"type": "string", "examples": ["x"]}"#)
    );
    assert_eq!(
        translate(r#"{"example": null}"#),
        json(r#"{"examples": [null]}"#)
    );
    assert_eq!(
        translate(r#"{"examples": ["a"], "example": "b"}"#),
        json(r#"{"examples": ["a", "b"]}"#)
    );
    assert_eq!(
        translate(r#"{"examples": "a", "example": "b"}"#),
        json(r#"{"examples": "a", "example": "b"}"#)
    );
}

#[test]
fn annotations_and_references_are_copied() {
    let openapi = r#"{
        "type": "object", "title": "Pet", "description": "A pet.", "format": "pet",
        "discriminator": {"propertyName": "kind", "mapping": {"dog": "Dog"}},
        "xml": {"name": "pet", "wrapped": false},
        "externalDocs": {"url": "https://example.com/pet"},
        "deprecated": true, "readOnly": false, "writeOnly": false,
        "default": {"kind": "dog"}, "x-extension": {"nullable": true},
        "properties": {"kind": {"type": "string", "readOnly": true}}
    }"#;
    // OpenAPI's discriminator object is kept under another name: AsyncAPI's own
    // `discriminator` is a property name, a string.
    let expected = openapi.replace("\"discriminator\"", "\"x-openapi-discriminator\"");
    assert_eq!(translate(openapi), json(&expected));
    let reference = r##"{"$ref": "#/components/schemas/Pet", "nullable": true, "example": 1}"##;
    assert_eq!(translate(reference), json(reference));
}

#[test]
fn every_subschema_is_translated() {
    let openapi = r#"{
        "type": "object",
        "properties": {
            "a": {"type": "string", "nullable": true},
            "b": {"type": "array", "items": {"type": "integer", "nullable": true, "example": 1}},
            "c": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0, "exclusiveMinimum": true}}
        },
        "additionalProperties": false,
        "allOf": [{"type": "object", "nullable": true}],
        "anyOf": [{"type": "object", "properties": {"d": {"type": "boolean", "nullable": true}}}],
        "oneOf": [{"not": {"type": "string", "nullable": true}}]
    }"#;
    assert_eq!(
        translate(openapi),
        json(
            r#"{
        "type": "object",
        "properties": {
            "a": {"type": ["string", "null"]},
            "b": {"type": "array", "items": {"type": ["integer", "null"], "examples": [1]}},
            "c": {"type": "object", "additionalProperties": {"type": "number", "exclusiveMinimum": 0}}
        },
        "additionalProperties": false,
        "allOf": [{"type": ["object", "null"]}],
        "anyOf": [{"type": "object", "properties": {"d": {"type": ["boolean", "null"]}}}],
        "oneOf": [{"not": {"type": ["string", "null"]}}]
    }"#
        )
    );
    // Tuple `items` (draft 07's, not OpenAPI's) position by position.
    assert_eq!(
        translate(r#"{"items": [{"type": "string", "nullable": true}, true]}"#),
        json(r#"{"items": [{"type": ["string", "null"]}, true]}"#)
    );
    accepts(
        openapi,
        &[r#"{"a": null, "b": [1, null], "c": {"x": 0.5}}"#, "{}"],
        &[
            r#"{"c": {"x": 0}}"#,
            r#"{"b": ["1"]}"#,
            r#"{"d": null}"#,
            "null",
        ],
    );
}

#[test]
fn keywords_openapi_does_not_define_are_left_as_written() {
    let openapi = r#"{"const": 3, "if": {"nullable": true}, "then": {"example": 1},
        "patternProperties": {"^x": {"type": "string", "nullable": true}},
        "dependencies": {"a": ["b"]}, "definitions": {"D": {"type": "string", "nullable": true}},
        "propertyNames": {"maxLength": 3}, "contains": {"example": 2}, "additionalItems": false,
        "examples": [1], "$comment": "kept"}"#;
    assert_eq!(translate(openapi), json(openapi));
}

#[test]
fn malformed_schemas_are_refused_where_they_are_wrong() {
    let cases = [
        (r#""string""#, "", "a Schema Object"),
        ("3", "", "a Schema Object"),
        (
            r#"{"type": "string", "nullable": "yes"}"#,
            "/nullable",
            "must be a boolean",
        ),
        (
            r#"{"type": "number", "minimum": 0, "exclusiveMinimum": 0}"#,
            "/exclusiveMinimum",
            "must be a boolean in OpenAPI 3.0",
        ),
        (
            r#"{"type": "number", "exclusiveMaximum": 10}"#,
            "/exclusiveMaximum",
            "must be a boolean in OpenAPI 3.0",
        ),
        (
            r#"{"type": 3, "nullable": true}"#,
            "/type",
            "must be a type name",
        ),
        (
            r#"{"type": ["string", 1], "nullable": true}"#,
            "/type",
            "must be a type name",
        ),
        (r#"{"items": 3}"#, "/items", "a Schema Object"),
        (
            r#"{"properties": []}"#,
            "/properties",
            "must map property names to schemas",
        ),
        (
            r#"{"properties": {"a": {"properties": {"b": "c"}}}}"#,
            "/properties/a/properties/b",
            "a Schema Object",
        ),
        (
            r#"{"allOf": {}}"#,
            "/allOf",
            "allOf must be a list of schemas",
        ),
        (r#"{"oneOf": [{}, 1]}"#, "/oneOf/1", "a Schema Object"),
        (r#"{"not": null}"#, "/not", "a Schema Object"),
        (
            r#"{"additionalProperties": "no"}"#,
            "/additionalProperties",
            "a Schema Object",
        ),
    ];
    for (openapi, pointer, message) in cases {
        let error = match to_json_schema(&json(openapi)) {
            Ok(schema) => panic!("{openapi} translated to {schema}"),
            Err(error) => error,
        };
        assert_eq!(error.pointer(), pointer, "{openapi}: {error}");
        assert_eq!(error.language(), Language::OpenApi);
        assert!(
            error.to_string().contains(message),
            "{openapi}: {error} lacks {message:?}"
        );
    }
    // A type that is not a name is left to the schema check when nullable is absent.
    assert_eq!(translate(r#"{"type": 3}"#), json(r#"{"type": 3}"#));
}

#[test]
fn nesting_is_bounded() {
    let mut deep = json("{}");
    for _ in 0..2_000 {
        let mut map = asyncapi_runtime::Map::new();
        map.insert("not", deep);
        deep = Value::Object(map);
    }
    assert!(matches!(
        to_json_schema(&deep),
        Err(FormatError::TooDeep { .. })
    ));
}
