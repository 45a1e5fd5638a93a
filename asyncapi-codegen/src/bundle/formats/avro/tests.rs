//! What each Avro construct becomes, checked on the schema and on data.

use asyncapi_runtime::Value;

use super::super::testing::{compile_at, json};
use super::super::FormatError;
use super::to_json_schema;

const BASE: &str = "/components/messages/m/payload/schema";

fn translate(avro: &str) -> Value {
    match to_json_schema(&json(avro), BASE) {
        Ok(schema) => schema,
        Err(error) => panic!("{avro} does not translate: {error}"),
    }
}

fn error(avro: &str) -> FormatError {
    match to_json_schema(&json(avro), BASE) {
        Ok(schema) => panic!("{avro} translated to {schema}"),
        Err(error) => error,
    }
}

/// Asserts which documents the translation of `avro` accepts.
fn accepts(avro: &str, valid: &[&str], invalid: &[&str]) {
    let schema = compile_at(&translate(avro), BASE);
    for text in valid {
        assert!(
            schema.is_valid(0, &json(text)),
            "{avro} should accept {text}"
        );
    }
    for text in invalid {
        assert!(
            !schema.is_valid(0, &json(text)),
            "{avro} should refuse {text}"
        );
    }
}

#[test]
fn primitives() {
    assert_eq!(translate(r#""null""#), json(r#"{"type": "null"}"#));
    assert_eq!(
        translate(r#"{"type": "boolean"}"#),
        json(r#"{"type": "boolean"}"#)
    );
    assert_eq!(
        translate(r#""int""#),
        json(r#"{"type": "integer", "minimum": -2147483648, "maximum": 2147483647}"#)
    );
    assert_eq!(
        translate(r#""long""#),
        json(
            r#"{"type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807}"#
        )
    );
    assert_eq!(translate(r#""float""#), json(r#"{"type": "number"}"#));
    assert_eq!(translate(r#""double""#), json(r#"{"type": "number"}"#));
    assert_eq!(translate(r#""string""#), json(r#"{"type": "string"}"#));
    assert_eq!(
        translate(r#""bytes""#),
        json(r#"{"type": "string", "pattern": "^[\\u0000-\\u00ff]*$"}"#)
    );
    accepts(r#""null""#, &["null"], &["0", "\"\"", "false", "{}"]);
    accepts(
        r#""boolean""#,
        &["true", "false"],
        &["0", "null", "\"true\""],
    );
    accepts(
        r#""int""#,
        &["0", "-2147483648", "2147483647", "5.0", "1e3"],
        &["2147483648", "-2147483649", "1.5", "\"1\"", "null"],
    );
    accepts(
        r#""long""#,
        &["-9223372036854775808", "9223372036854775807", "2147483648"],
        &["9223372036854775808", "-9223372036854775809", "0.5", "true"],
    );
    accepts(
        r#""double""#,
        &["0", "1.5", "-1e300", "1e400"],
        &["\"1.5\"", "null"],
    );
    accepts(r#""string""#, &["\"\"", "\"ÿĀ😀\""], &["1", "null", "[]"]);
    accepts(
        r#""bytes""#,
        &["\"\"", "\"\\u0000\\u00ff abc\""],
        &["\"\\u0100\"", "\"😀\"", "[1, 2]", "null"],
    );
}

#[test]
fn records() {
    let avro = r#"{"type": "record", "name": "User", "namespace": "com.example", "doc": "A user.",
        "aliases": ["Person"],
        "fields": [
            {"name": "id", "type": "long", "doc": "Identifier."},
            {"name": "name", "type": "string", "aliases": ["fullName"], "order": "descending"},
            {"name": "tags", "type": {"type": "array", "items": "string"}, "default": []}
        ]}"#;
    assert_eq!(
        translate(avro),
        json(
            r#"{"type": "object", "properties": {
                "id": {"type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807,
                       "description": "Identifier."},
                "name": {"type": "string", "x-avro-aliases": ["fullName"]},
                "tags": {"type": "array", "items": {"type": "string"}, "default": []}
              },
              "required": ["id", "name"],
              "description": "A user.", "x-avro-name": "com.example.User", "x-avro-aliases": ["Person"]}"#
        )
    );
    accepts(
        avro,
        &[
            r#"{"id": 1, "name": "a", "tags": ["x"]}"#,
            r#"{"id": 1, "name": "a"}"#,
            r#"{"id": 1, "name": "a", "unknown": {"kept": true}}"#,
        ],
        &[
            r#"{"id": 1}"#,
            r#"{"name": "a"}"#,
            r#"{"id": "1", "name": "a"}"#,
            r#"{"id": 1, "name": "a", "tags": [1]}"#,
            r#"[1, "a"]"#,
            "null",
        ],
    );
    // A record without fields is any object.
    accepts(
        r#"{"type": "record", "name": "Empty", "fields": []}"#,
        &["{}", r#"{"a": 1}"#],
        &["[]"],
    );
}

#[test]
fn enums_arrays_maps() {
    let suit = r#"{"type": "enum", "name": "Suit", "doc": "Card suits.", "symbols": ["SPADES", "HEARTS"], "default": "SPADES"}"#;
    assert_eq!(
        translate(suit),
        json(
            r#"{"type": "string", "enum": ["SPADES", "HEARTS"], "description": "Card suits.",
                "x-avro-name": "Suit", "default": "SPADES"}"#
        )
    );
    accepts(
        suit,
        &["\"SPADES\"", "\"HEARTS\""],
        &["\"spades\"", "\"CLUBS\"", "0", "null"],
    );
    accepts(
        r#"{"type": "array", "items": "int"}"#,
        &["[]", "[1, 2, 3]"],
        &["[1, \"2\"]", "[2147483648]", "{}", "null"],
    );
    assert_eq!(
        translate(r#"{"type": "map", "values": "boolean"}"#),
        json(r#"{"type": "object", "additionalProperties": {"type": "boolean"}}"#)
    );
    accepts(
        r#"{"type": "map", "values": "boolean"}"#,
        &["{}", r#"{"a": true, "b": false}"#],
        &[r#"{"a": 1}"#, "[]", "null"],
    );
    accepts(
        r#"{"type": "map", "values": {"type": "array", "items": "string"}}"#,
        &[r#"{"a": ["x"], "b": []}"#],
        &[r#"{"a": "x"}"#],
    );
}

#[test]
fn fixed_counts_one_code_point_per_byte() {
    let md5 = r#"{"type": "fixed", "name": "md5", "size": 4}"#;
    assert_eq!(
        translate(md5),
        json(
            r#"{"type": "string", "pattern": "^[\\u0000-\\u00ff]*$", "minLength": 4, "maxLength": 4,
                "x-avro-name": "md5"}"#
        )
    );
    accepts(
        md5,
        &["\"abcd\"", "\"\\u0000\\u0001\\u00fe\\u00ff\""],
        &["\"abc\"", "\"abcde\"", "\"abc\\u0100\"", "\"ab😀\"", "null"],
    );
    accepts(
        r#"{"type": "fixed", "name": "nothing", "size": 0}"#,
        &["\"\""],
        &["\"a\""],
    );
}

#[test]
fn nullable_unions_add_null_to_the_type() {
    for union in [r#"["null", "string"]"#, r#"["string", "null"]"#] {
        assert_eq!(translate(union), json(r#"{"type": ["string", "null"]}"#));
    }
    assert_eq!(
        translate(r#"["null", "int"]"#),
        json(r#"{"type": ["integer", "null"], "minimum": -2147483648, "maximum": 2147483647}"#)
    );
    accepts(
        r#"["null", "int"]"#,
        &["null", "7"],
        &["\"7\"", "2147483648"],
    );
    let nullable_enum = r#"["null", {"type": "enum", "name": "E", "symbols": ["A", "B"]}]"#;
    assert_eq!(
        translate(nullable_enum),
        json(r#"{"type": ["string", "null"], "enum": ["A", "B", null], "x-avro-name": "E"}"#)
    );
    accepts(nullable_enum, &["null", "\"A\""], &["\"C\"", "\"null\""]);
    let nullable_record =
        r#"["null", {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}]"#;
    assert_eq!(
        translate(nullable_record)["type"],
        json(r#"["object", "null"]"#)
    );
    accepts(nullable_record, &["null", r#"{"a": 1}"#], &["{}", "1"]);
    accepts(
        r#"["null", {"type": "fixed", "name": "F", "size": 2}]"#,
        &["null", "\"ab\""],
        &["\"abc\""],
    );
    accepts(
        r#"["null", {"type": "array", "items": "null"}]"#,
        &["null", "[null]"],
        &["[1]"],
    );
    // Only null, and nothing at all.
    assert_eq!(translate(r#"["null"]"#), json(r#"{"type": "null"}"#));
    assert_eq!(translate("[]"), json(r#"{"not": true}"#));
    accepts("[]", &[], &["null", "1", "{}"]);
    // One branch is that branch.
    assert_eq!(translate(r#"["string"]"#), json(r#"{"type": "string"}"#));
}

#[test]
fn unions_are_one_of_when_disjoint_in_json_else_any_of() {
    let disjoint = r#"["null", "int", "string", {"type": "array", "items": "int"}, {"type": "map", "values": "int"}, "boolean"]"#;
    let out = translate(disjoint);
    assert_eq!(out["oneOf"].as_array().map(Vec::len), Some(6));
    assert_eq!(out["oneOf"][0], json(r#"{"type": "null"}"#));
    accepts(
        disjoint,
        &["null", "1", "\"s\"", "[1]", r#"{"a": 1}"#, "true"],
        &["1.5", "[\"s\"]", r#"{"a": "s"}"#],
    );
    // Overlapping in JSON: a value of both is valid, which oneOf would refuse.
    for (union, both) in [
        (r#"["int", "long"]"#, "5"),
        (r#"["float", "int"]"#, "5"),
        (r#"["string", "bytes"]"#, "\"abc\""),
        (
            r#"[{"type": "record", "name": "A", "fields": [{"name": "x", "type": "int"}]},
                {"type": "record", "name": "B", "fields": [{"name": "y", "type": "int"}]}]"#,
            r#"{"x": 1, "y": 2}"#,
        ),
        (
            r#"[{"type": "record", "name": "A", "fields": []}, {"type": "map", "values": "int"}]"#,
            "{}",
        ),
        (
            r#"[{"type": "enum", "name": "E", "symbols": ["A"]}, "string"]"#,
            "\"A\"",
        ),
        (
            r#"[{"type": "enum", "name": "E", "symbols": ["A", "B"]}, {"type": "enum", "name": "F", "symbols": ["B"]}]"#,
            "\"B\"",
        ),
        (
            r#"[{"type": "enum", "name": "E", "symbols": ["AB"]}, {"type": "fixed", "name": "F", "size": 2}]"#,
            "\"AB\"",
        ),
    ] {
        let out = translate(union);
        assert!(out.get("anyOf").is_some(), "{union} gave {out}");
        accepts(union, &[both], &[]);
    }
    accepts(
        r#"["int", "long"]"#,
        &["2147483648", "-1"],
        &["9223372036854775808", "0.5"],
    );
    // Strings that cannot be equal: different symbols, different fixed sizes.
    for union in [
        r#"[{"type": "enum", "name": "E", "symbols": ["A"]}, {"type": "enum", "name": "F", "symbols": ["B"]}]"#,
        r#"[{"type": "fixed", "name": "E", "size": 1}, {"type": "fixed", "name": "F", "size": 2}]"#,
        r#"[{"type": "enum", "name": "E", "symbols": ["ABC"]}, {"type": "fixed", "name": "F", "size": 2}]"#,
    ] {
        assert!(translate(union).get("oneOf").is_some(), "{union}");
    }
    accepts(
        r#"[{"type": "fixed", "name": "E", "size": 1}, {"type": "fixed", "name": "F", "size": 2}]"#,
        &["\"a\"", "\"ab\""],
        &["\"\"", "\"abc\""],
    );
}

#[test]
fn names_follow_the_specifications_namespace_rules() {
    // The example of the specification's "Names" section.
    let avro = r#"{"type": "record", "name": "Example", "fields": [
        {"name": "inheritNull", "type": {"type": "enum", "name": "Simple", "symbols": ["a", "b"]}},
        {"name": "explicitNamespace", "type": {"type": "fixed", "name": "Simple", "namespace": "explicit", "size": 12}},
        {"name": "fullName", "type": {"type": "record", "name": "a.full.Name", "namespace": "ignored", "fields": [
            {"name": "inheritNamespace", "type": {"type": "enum", "name": "Understanding", "symbols": ["d", "e"]}},
            {"name": "again", "type": "Understanding"},
            {"name": "byFullname", "type": "a.full.Understanding"},
            {"name": "nullNamespace", "type": "Simple"}
        ]}}
    ]}"#;
    // `Simple` inside a.full.Name means a.full.Simple, which is not defined; like
    // Avro's Java implementation, the null namespace's `Simple` is taken.
    let out = translate(avro);
    assert_eq!(
        out["properties"]["inheritNull"]["$ref"],
        json(&format!(r##""#{BASE}/definitions/Simple""##))
    );
    assert_eq!(out["definitions"]["Simple"]["enum"], json(r#"["a", "b"]"#));
    assert_eq!(
        out["properties"]["explicitNamespace"]["x-avro-name"],
        json(r#""explicit.Simple""#)
    );
    // A fullname names the other one.
    let avro = avro.replace(r#""type": "Simple"}"#, r#""type": "explicit.Simple"}"#);
    let out = translate(&avro);
    assert_eq!(out["x-avro-name"], json(r#""Example""#));
    assert_eq!(
        out["properties"]["inheritNull"]["x-avro-name"],
        json(r#""Simple""#)
    );
    assert_eq!(
        out["properties"]["explicitNamespace"]["$ref"],
        json(&format!(r##""#{BASE}/definitions/explicit.Simple""##))
    );
    assert_eq!(
        out["definitions"]["explicit.Simple"]["x-avro-name"],
        json(r#""explicit.Simple""#)
    );
    let full = &out["properties"]["fullName"];
    assert_eq!(full["x-avro-name"], json(r#""a.full.Name""#));
    let reference = json(&format!(
        r##"{{"$ref": "#{BASE}/definitions/a.full.Understanding"}}"##
    ));
    for field in ["inheritNamespace", "again", "byFullname"] {
        assert_eq!(full["properties"][field], reference, "{field}");
    }
    assert_eq!(
        full["properties"]["nullNamespace"]["$ref"],
        json(&format!(r##""#{BASE}/definitions/explicit.Simple""##))
    );
    // Named types used once stay inline; the others are defined once.
    let definitions: Vec<&String> = out["definitions"]
        .as_object()
        .map(|d| d.keys().collect())
        .unwrap_or_default();
    assert_eq!(definitions, ["explicit.Simple", "a.full.Understanding"]);
    accepts(
        &avro,
        &[r#"{"inheritNull": "a", "explicitNamespace": "abcdefghijkl",
              "fullName": {"inheritNamespace": "d", "again": "e", "byFullname": "d", "nullNamespace": "123456789012"}}"#],
        &[r#"{"inheritNull": "a", "explicitNamespace": "abcdefghijkl",
              "fullName": {"inheritNamespace": "d", "again": "x", "byFullname": "d", "nullNamespace": "123456789012"}}"#],
    );
    // An empty namespace is the null namespace.
    let out = translate(
        r#"{"type": "record", "name": "Outer", "namespace": "a.b", "fields": [
            {"name": "inner", "type": {"type": "enum", "name": "E", "namespace": "", "symbols": ["X"]}},
            {"name": "again", "type": "E"}]}"#,
    );
    assert!(out["definitions"].get("E").is_some(), "{out}");
}

#[test]
fn recursive_records_refer_to_their_definition() {
    let avro = r#"{"type": "record", "name": "LongList", "aliases": ["LinkedLongs"], "fields": [
        {"name": "value", "type": "long"},
        {"name": "next", "type": ["null", "LongList"]}
    ]}"#;
    let out = translate(avro);
    let reference = format!("#{BASE}/definitions/LongList");
    assert_eq!(
        out,
        json(&format!(
            r#"{{"$ref": "{reference}", "definitions": {{"LongList": {{
        "type": "object",
        "properties": {{
            "value": {{"type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807}},
            "next": {{"oneOf": [{{"$ref": "{reference}"}}, {{"type": "null"}}]}}
        }},
        "required": ["value", "next"],
        "x-avro-name": "LongList", "x-avro-aliases": ["LinkedLongs"]}}}}}}"#
        ))
    );
    accepts(
        avro,
        &[
            r#"{"value": 1, "next": null}"#,
            r#"{"value": 1, "next": {"value": 2, "next": {"value": 3, "next": null}}}"#,
        ],
        &[
            r#"{"value": 1}"#,
            r#"{"value": 1, "next": {"value": "2", "next": null}}"#,
            r#"{"value": 1, "next": {"value": 2}}"#,
        ],
    );
    // A tree: a record referring to itself in an array and a map.
    accepts(
        r#"{"type": "record", "name": "Node", "namespace": "t", "fields": [
            {"name": "children", "type": {"type": "array", "items": "Node"}},
            {"name": "named", "type": {"type": "map", "values": "t.Node"}, "default": {}}]}"#,
        &[
            r#"{"children": [{"children": []}, {"children": [], "named": {"x": {"children": []}}}]}"#,
        ],
        &[
            r#"{"children": [{}]}"#,
            r#"{"children": [], "named": {"x": {}}}"#,
        ],
    );
}

#[test]
fn references_are_uri_fragments_of_the_base() {
    let out = to_json_schema(
        &json(
            r#"{"type": "record", "name": "R", "fields": [{"name": "r", "type": ["null", "R"]}]}"#,
        ),
        "/channels/a~1b/messages/m 1/payload/schema",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out["$ref"],
        json(r##""#/channels/a~1b/messages/m%201/payload/schema/definitions/R""##)
    );
    let schema = compile_at(&out, "/channels/a~1b/messages/m 1/payload/schema");
    assert!(schema.is_valid(0, &json(r#"{"r": {"r": null}}"#)));
    assert!(!schema.is_valid(0, &json(r#"{"r": {"r": 1}}"#)));
}

#[test]
fn field_annotations_take_the_place_of_the_types() {
    let out = translate(
        r#"{"type": "record", "name": "R", "fields": [
            {"name": "suit", "doc": "The field.", "default": "B", "aliases": ["s"],
             "type": {"type": "enum", "name": "Suit", "doc": "The type.", "aliases": ["Colour"], "symbols": ["A", "B"], "default": "A"}},
            {"name": "again", "type": "Suit", "doc": "Beside the reference.", "default": "A"}]}"#,
    );
    let suit = &out["definitions"]["Suit"];
    assert_eq!(suit["default"], json(r#""A""#));
    assert_eq!(suit["description"], json(r#""The type.""#));
    assert_eq!(
        out["properties"]["suit"],
        json(&format!(
            r##"{{"$ref": "#{BASE}/definitions/Suit", "description": "The field.", "default": "B", "x-avro-aliases": ["s"]}}"##
        ))
    );
    assert_eq!(
        out["properties"]["again"],
        json(&format!(
            r##"{{"$ref": "#{BASE}/definitions/Suit", "description": "Beside the reference.", "default": "A"}}"##
        ))
    );
    assert_eq!(out.get("required"), None);
    // Inline (used once), the type's own annotations are kept under other names.
    let out = translate(
        r#"{"type": "record", "name": "R", "fields": [
            {"name": "suit", "doc": "The field.", "default": "B",
             "type": {"type": "enum", "name": "Suit", "doc": "The type.", "symbols": ["A", "B"], "default": "A"}}]}"#,
    );
    assert_eq!(
        out["properties"]["suit"],
        json(
            r#"{"type": "string", "enum": ["A", "B"], "x-avro-name": "Suit", "x-avro-type-description": "The type.",
                "x-avro-type-default": "A", "description": "The field.", "default": "B"}"#
        )
    );
}

#[test]
fn logical_types_annotate_their_underlying_type() {
    let cases = [
        (
            r#"{"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 2}"#,
            r#"{"type": "string", "pattern": "^[\\u0000-\\u00ff]*$", "x-avro-logicalType": "decimal", "x-avro-precision": 4, "x-avro-scale": 2}"#,
        ),
        (
            r#"{"type": "fixed", "name": "D", "size": 2, "logicalType": "decimal", "precision": 4}"#,
            r#"{"type": "string", "pattern": "^[\\u0000-\\u00ff]*$", "minLength": 2, "maxLength": 2,
                "x-avro-logicalType": "decimal", "x-avro-precision": 4, "x-avro-scale": 0, "x-avro-name": "D"}"#,
        ),
        (
            r#"{"type": "string", "logicalType": "uuid"}"#,
            r#"{"type": "string", "format": "uuid", "x-avro-logicalType": "uuid"}"#,
        ),
        (
            r#"{"type": "int", "logicalType": "date"}"#,
            r#"{"type": "integer", "minimum": -2147483648, "maximum": 2147483647, "x-avro-logicalType": "date"}"#,
        ),
        (
            r#"{"type": "int", "logicalType": "time-millis"}"#,
            r#"{"type": "integer", "minimum": -2147483648, "maximum": 2147483647, "x-avro-logicalType": "time-millis"}"#,
        ),
        (
            r#"{"type": "fixed", "name": "Duration", "size": 12, "logicalType": "duration"}"#,
            r#"{"type": "string", "pattern": "^[\\u0000-\\u00ff]*$", "minLength": 12, "maxLength": 12,
                "x-avro-logicalType": "duration", "x-avro-name": "Duration"}"#,
        ),
    ];
    for (avro, expected) in cases {
        assert_eq!(translate(avro), json(expected), "{avro}");
    }
    for name in [
        "time-micros",
        "timestamp-millis",
        "timestamp-micros",
        "local-timestamp-millis",
        "local-timestamp-micros",
    ] {
        let out = translate(&format!(r#"{{"type": "long", "logicalType": "{name}"}}"#));
        assert_eq!(out["x-avro-logicalType"], Value::from(name));
        assert_eq!(out["type"], Value::from("integer"));
    }
    // Unknown, or invalid for the type: ignored, the underlying type stays.
    for avro in [
        r#"{"type": "string", "logicalType": "date"}"#,
        r#"{"type": "long", "logicalType": "date"}"#,
        r#"{"type": "int", "logicalType": "timestamp-millis"}"#,
        r#"{"type": "string", "logicalType": "timestamp-nanos"}"#,
        r#"{"type": "bytes", "logicalType": "decimal", "precision": 2, "scale": 3}"#,
        r#"{"type": "bytes", "logicalType": "decimal", "precision": 0}"#,
        r#"{"type": "bytes", "logicalType": "decimal"}"#,
        r#"{"type": "fixed", "name": "F", "size": 2, "logicalType": "decimal", "precision": 5}"#,
        r#"{"type": "fixed", "name": "F", "size": 16, "logicalType": "uuid"}"#,
        r#"{"type": "fixed", "name": "F", "size": 11, "logicalType": "duration"}"#,
        r#"{"type": "string", "logicalType": 7}"#,
    ] {
        let out = translate(avro);
        assert_eq!(out.get("x-avro-logicalType"), None, "{avro}");
        assert_eq!(out.get("format"), None, "{avro}");
    }
    accepts(
        r#"{"type": "int", "logicalType": "date"}"#,
        &["19000", "-1"],
        &["\"2024-01-01\"", "2147483648"],
    );
}

#[test]
fn decimal_precision_fits_fixed_sizes() {
    // floor(log10(2^(8n-1) - 1)) digits in n bytes: 127 has 2, 2^127 - 1 has 38.
    for (size, digits) in [
        (1, 2),
        (2, 4),
        (3, 6),
        (4, 9),
        (8, 18),
        (16, 38),
        (5, 11),
        (9, 21),
        (12, 28),
        (32, 76),
        (100, 240),
        (1000, 2407),
        (4096, 9863),
        (12345, 29729),
    ] {
        assert!(super::decimal_fits(digits, size), "{size}");
        assert!(!super::decimal_fits(digits + 1, size), "{size}");
    }
    assert!(!super::decimal_fits(1, 0));
    assert!(super::decimal_fits(1_000_000_000, u64::MAX));
    assert!(!super::decimal_fits(u64::MAX, 3));
}

#[test]
fn constraint_attributes_apply_as_the_asyncapi_parser_reads_them() {
    let avro = r#"{"type": "record", "name": "R", "fields": [
        {"name": "age", "type": "int", "minimum": 0, "maximum": 150, "example": 42},
        {"name": "code", "type": {"type": "string", "pattern": "^[A-Z]+$", "minLength": 2}, "maxLength": 4},
        {"name": "tags", "type": {"type": "array", "items": "string", "uniqueItems": true}, "maxItems": 3},
        {"name": "score", "type": ["null", "double"], "exclusiveMinimum": 0, "multipleOf": 0.5},
        {"name": "either", "type": ["long", "string"], "maximum": 10},
        {"name": "limit", "type": {"type": "long", "maximum": 100}, "maximum": 50},
        {"name": "step", "type": {"type": "float", "multipleOf": 2}, "multipleOf": 3},
        {"name": "ignored", "type": "boolean", "minimum": 3}]}"#;
    let out = translate(avro);
    let age = &out["properties"]["age"];
    assert_eq!(age["minimum"], json("0"));
    assert_eq!(age["maximum"], json("150"));
    assert_eq!(age["examples"], json("[42]"));
    assert_eq!(out["properties"]["limit"]["maximum"], json("50"));
    assert_eq!(
        out["properties"]["step"]["allOf"],
        json(r#"[{"multipleOf": 3}]"#)
    );
    assert_eq!(
        out["properties"]["either"]["oneOf"][0]["maximum"],
        json("10")
    );
    assert_eq!(out["properties"]["ignored"], json(r#"{"type": "boolean"}"#));
    accepts(
        avro,
        &[
            r#"{"age": 0, "code": "AB", "tags": [], "score": null, "either": "x", "limit": 50, "step": 6, "ignored": true}"#,
            r#"{"age": 150, "code": "ABCD", "tags": ["a", "b", "c"], "score": 0.5, "either": 10, "limit": -1, "step": 0, "ignored": false}"#,
        ],
        &[
            r#"{"age": -1, "code": "AB", "tags": [], "score": null, "either": "x", "limit": 50, "step": 6, "ignored": true}"#,
            r#"{"age": 0, "code": "A", "tags": [], "score": null, "either": "x", "limit": 50, "step": 6, "ignored": true}"#,
            r#"{"age": 0, "code": "ABCDE", "tags": [], "score": null, "either": "x", "limit": 50, "step": 6, "ignored": true}"#,
            r#"{"age": 0, "code": "ab", "tags": [], "score": null, "either": "x", "limit": 50, "step": 6, "ignored": true}"#,
            r#"{"age": 0, "code": "AB", "tags": ["a", "a"], "score": null, "either": "x", "limit": 50, "step": 6, "ignored": true}"#,
            r#"{"age": 0, "code": "AB", "tags": ["a", "b", "c", "d"], "score": null, "either": "x", "limit": 50, "step": 6, "ignored": true}"#,
            r#"{"age": 0, "code": "AB", "tags": [], "score": 0, "either": "x", "limit": 50, "step": 6, "ignored": true}"#,
            r#"{"age": 0, "code": "AB", "tags": [], "score": 0.7, "either": "x", "limit": 50, "step": 6, "ignored": true}"#,
            r#"{"age": 0, "code": "AB", "tags": [], "score": null, "either": 11, "limit": 50, "step": 6, "ignored": true}"#,
            r#"{"age": 0, "code": "AB", "tags": [], "score": null, "either": "x", "limit": 51, "step": 6, "ignored": true}"#,
            r#"{"age": 0, "code": "AB", "tags": [], "score": null, "either": "x", "limit": 50, "step": 4, "ignored": true}"#,
        ],
    );
    for (attribute, value) in [
        ("minimum", r#""0""#),
        ("multipleOf", "0"),
        ("multipleOf", "-1"),
        ("exclusiveMinimum", "true"),
    ] {
        let e = error(&format!(r#"{{"type": "int", "{attribute}": {value}}}"#));
        assert_eq!(e.pointer(), format!("/{attribute}"), "{e}");
    }
    for (attribute, value) in [("minLength", "-1"), ("maxLength", "1.5"), ("pattern", "1")] {
        let e = error(&format!(
            r#"{{"type": "record", "name": "R", "fields": [{{"name": "f", "type": "string", "{attribute}": {value}}}]}}"#
        ));
        assert_eq!(e.pointer(), format!("/fields/0/{attribute}"), "{e}");
    }
    let e = error(r#"{"type": "array", "items": "int", "uniqueItems": "yes"}"#);
    assert_eq!(e.pointer(), "/uniqueItems");
}

#[test]
fn other_spellings() {
    // `{"type": <schema>}`, a reference as an object, and `error` for a record.
    assert_eq!(
        translate(r#"{"type": {"type": "string"}}"#),
        json(r#"{"type": "string"}"#)
    );
    assert_eq!(
        translate(r#"{"type": ["null", "string"], "doc": "x"}"#),
        json(r#"{"type": ["string", "null"]}"#)
    );
    let out = translate(
        r#"{"type": "record", "name": "R", "fields": [
            {"name": "a", "type": {"type": "error", "name": "Failure", "fields": [{"name": "m", "type": "string"}]}},
            {"name": "b", "type": {"type": "Failure"}}]}"#,
    );
    assert_eq!(out["definitions"]["Failure"]["type"], json(r#""object""#));
    // Type names that are also complex type names, made unambiguous by a namespace.
    let out = translate(
        r#"{"type": "record", "name": "x.record", "fields": [{"name": "self", "type": ["null", "record"]}]}"#,
    );
    assert!(out["definitions"].get("x.record").is_some(), "{out}");
    // `doc` on an unnamed type is metadata taken as a description when it is text.
    assert_eq!(
        translate(r#"{"type": "array", "items": "int", "doc": "Numbers."}"#)["description"],
        json(r#""Numbers.""#)
    );
    assert_eq!(
        translate(r#"{"type": "map", "values": "int", "doc": 3}"#).get("description"),
        None
    );
    // A namespace given as null is no namespace.
    assert_eq!(
        translate(r#"{"type": "enum", "name": "E", "namespace": null, "symbols": []}"#),
        json(r#"{"type": "string", "enum": [], "x-avro-name": "E"}"#)
    );
}

#[test]
fn defaults_must_be_values_of_their_type() {
    for (field, default) in [
        (r#""int""#, "1"),
        (r#""long""#, "-9223372036854775808"),
        (r#""double""#, "1.5"),
        (r#""bytes""#, r#""\u00ff""#),
        (
            r#"{"type": "fixed", "name": "F", "size": 1}"#,
            r#""\u00ff""#,
        ),
        (r#"["null", "string"]"#, "null"),
        (r#"["string", "null"]"#, r#""x""#),
        (r#"{"type": "array", "items": "int"}"#, "[1, 2]"),
        (r#"{"type": "map", "values": "boolean"}"#, r#"{"a": true}"#),
        (
            r#"{"type": "enum", "name": "E", "symbols": ["A"]}"#,
            r#""A""#,
        ),
        (
            r#"{"type": "record", "name": "In", "fields": [{"name": "x", "type": "int"}, {"name": "y", "type": "int", "default": 0}]}"#,
            r#"{"x": 1}"#,
        ),
    ] {
        translate(&format!(
            r#"{{"type": "record", "name": "R", "fields": [{{"name": "f", "type": {field}, "default": {default}}}]}}"#
        ));
    }
    for (field, default, expected) in [
        (r#""int""#, r#""1""#, "int"),
        (r#""int""#, "2147483648", "int"),
        (r#""int""#, "1.5", "int"),
        (r#""bytes""#, r#""\u0100""#, "bytes"),
        (
            r#"{"type": "fixed", "name": "F", "size": 2}"#,
            r#""a""#,
            "fixed F",
        ),
        (
            r#"["null", "string"]"#,
            r#""x""#,
            "a union, whose default is a value of its first branch, null",
        ),
        (
            r#"{"type": "array", "items": "int"}"#,
            r#"[1, "2"]"#,
            "array",
        ),
        (
            r#"{"type": "map", "values": "boolean"}"#,
            r#"{"a": 1}"#,
            "map",
        ),
        (
            r#"{"type": "enum", "name": "E", "symbols": ["A"]}"#,
            r#""B""#,
            "enum E",
        ),
        (
            r#"{"type": "record", "name": "In", "fields": [{"name": "x", "type": "int"}]}"#,
            r#"{}"#,
            "record In",
        ),
        ("[]", "null", "the empty union, which has no values"),
    ] {
        let e = error(&format!(
            r#"{{"type": "record", "name": "R", "fields": [{{"name": "f", "type": {field}, "default": {default}}}]}}"#
        ));
        assert_eq!(
            e,
            FormatError::Default {
                pointer: "/fields/0/default".into(),
                expected: expected.into()
            },
            "{field} {default}"
        );
    }
    // A record's default may be a value of the record being defined.
    translate(
        r#"{"type": "record", "name": "Node", "fields": [
            {"name": "next", "type": ["null", "Node"], "default": null},
            {"name": "first", "type": "Node", "default": {"next": null}}]}"#,
    );
}

#[test]
fn malformed_schemas_are_refused_where_they_are_wrong() {
    let record =
        |fields: &str| format!(r#"{{"type": "record", "name": "R", "fields": [{fields}]}}"#);
    let cases: Vec<(String, &str, &str)> = vec![
        ("3".into(), "", "a schema is a type name"),
        ("null".into(), "", "a schema is a type name"),
        (r#"{"doc": "no type"}"#.into(), "", "schema has no \"type\""),
        (
            r#"{"type": 7}"#.into(),
            "/type",
            "\"type\" must be a type name",
        ),
        (r#""Missing""#.into(), "", "unknown type \"Missing\""),
        (
            r#"{"type": "Missing"}"#.into(),
            "/type",
            "unknown type \"Missing\"",
        ),
        (
            r#"{"type": "record", "fields": []}"#.into(),
            "",
            "record has no \"name\"",
        ),
        (
            r#"{"type": "record", "name": 5, "fields": []}"#.into(),
            "/name",
            "\"name\" must be a string",
        ),
        (
            r#"{"type": "record", "name": "R"}"#.into(),
            "",
            "record has no \"fields\"",
        ),
        (
            r#"{"type": "record", "name": "R", "fields": {}}"#.into(),
            "/fields",
            "\"fields\" must be an array",
        ),
        (
            r#"{"type": "record", "name": "a-b", "fields": []}"#.into(),
            "/name",
            "\"a-b\" is not a name",
        ),
        (
            r#"{"type": "record", "name": "1a", "fields": []}"#.into(),
            "/name",
            "is not a name",
        ),
        (
            r#"{"type": "record", "name": ".a", "fields": []}"#.into(),
            "/name",
            "is not a name",
        ),
        (
            r#"{"type": "record", "name": "a", "namespace": "x..y", "fields": []}"#.into(),
            "/namespace",
            "is not a namespace",
        ),
        (
            r#"{"type": "record", "name": "a", "namespace": 1, "fields": []}"#.into(),
            "/namespace",
            "must be a string",
        ),
        (
            r#"{"type": "record", "name": "int", "fields": []}"#.into(),
            "/name",
            "primitive type's name",
        ),
        (
            r#"{"type": "fixed", "name": "x.string", "size": 1}"#.into(),
            "/name",
            "primitive type's name",
        ),
        (
            r#"{"type": "record", "name": "R", "doc": 1, "fields": []}"#.into(),
            "/doc",
            "\"doc\" must be a string",
        ),
        (
            r#"{"type": "record", "name": "R", "aliases": "S", "fields": []}"#.into(),
            "/aliases",
            "must be an array of names",
        ),
        (
            r#"{"type": "record", "name": "R", "aliases": ["a-b"], "fields": []}"#.into(),
            "/aliases",
            "must be an array of names",
        ),
        (record("3"), "/fields/0", "a field is an object"),
        (
            record(r#"{"type": "int"}"#),
            "/fields/0",
            "record field has no \"name\"",
        ),
        (
            record(r#"{"name": "a.b", "type": "int"}"#),
            "/fields/0/name",
            "a field's name",
        ),
        (
            record(r#"{"name": "a"}"#),
            "/fields/0",
            "record field has no \"type\"",
        ),
        (
            record(r#"{"name": "a", "type": "int"}, {"name": "a", "type": "long"}"#),
            "/fields/1/name",
            "record field \"a\" is defined twice",
        ),
        (
            record(r#"{"name": "a", "type": "int", "order": "up"}"#),
            "/fields/0/order",
            "\"order\" must be",
        ),
        (
            record(r#"{"name": "a", "type": "int", "doc": ["x"]}"#),
            "/fields/0/doc",
            "\"doc\" must be a string",
        ),
        (
            record(r#"{"name": "a", "type": "int", "aliases": ["x.y"]}"#),
            "/fields/0/aliases",
            "must be an array of names",
        ),
        (
            record(
                r#"{"name": "a", "type": "Later"}, {"name": "b", "type": {"type": "enum", "name": "Later", "symbols": ["X"]}}"#,
            ),
            "/fields/0/type",
            "unknown type \"Later\"",
        ),
        (
            record(r#"{"name": "a", "type": {"type": "enum", "name": "R", "symbols": ["X"]}}"#),
            "/fields/0/type/name",
            "type name \"R\" is defined twice",
        ),
        (
            r#"{"type": "enum", "name": "E"}"#.into(),
            "",
            "enum has no \"symbols\"",
        ),
        (
            r#"{"type": "enum", "name": "E", "symbols": "A"}"#.into(),
            "/symbols",
            "\"symbols\" must be an array",
        ),
        (
            r#"{"type": "enum", "name": "E", "symbols": ["A", "A"]}"#.into(),
            "/symbols/1",
            "enum symbol \"A\" is defined twice",
        ),
        (
            r#"{"type": "enum", "name": "E", "symbols": ["A", "b-c"]}"#.into(),
            "/symbols/1",
            "a symbol is a string",
        ),
        (
            r#"{"type": "enum", "name": "E", "symbols": ["A"], "default": "B"}"#.into(),
            "/default",
            "default is not a value",
        ),
        (
            r#"{"type": "fixed", "name": "F"}"#.into(),
            "",
            "fixed has no \"size\"",
        ),
        (
            r#"{"type": "fixed", "name": "F", "size": -1}"#.into(),
            "/size",
            "\"size\" must be a non-negative integer",
        ),
        (
            r#"{"type": "fixed", "name": "F", "size": 1.5}"#.into(),
            "/size",
            "\"size\" must be a non-negative integer",
        ),
        (r#"{"type": "array"}"#.into(), "", "array has no \"items\""),
        (r#"{"type": "map"}"#.into(), "", "map has no \"values\""),
        (
            r#"{"type": "array", "items": "Nope"}"#.into(),
            "/items",
            "unknown type \"Nope\"",
        ),
        (
            r#"["null", ["int"]]"#.into(),
            "/1",
            "may not immediately contain another union",
        ),
        (
            r#"["null", {"type": ["int"]}]"#.into(),
            "/1",
            "may not immediately contain another union",
        ),
        (
            r#"["int", "string", "int"]"#.into(),
            "/2",
            "two branches of type \"int\"",
        ),
        (
            r#"["long", {"type": "long", "logicalType": "timestamp-millis"}]"#.into(),
            "/1",
            "two branches of type \"long\"",
        ),
        (
            r#"[{"type": "array", "items": "int"}, {"type": "array", "items": "string"}]"#.into(),
            "/1",
            "two branches of type \"array\"",
        ),
        (
            r#"[{"type": "map", "values": "int"}, {"type": "map", "values": "string"}]"#.into(),
            "/1",
            "two branches of type \"map\"",
        ),
        (
            r#"[{"type": "enum", "name": "E", "symbols": []}, "E"]"#.into(),
            "/1",
            "two branches of type \"E\"",
        ),
    ];
    for (avro, pointer, message) in cases {
        let e = error(&avro);
        assert_eq!(e.pointer(), pointer, "{avro}: {e}");
        assert!(
            e.to_string().contains(message),
            "{avro}: {e} lacks {message:?}"
        );
    }
}

#[test]
fn nesting_is_bounded() {
    let mut deep = Value::from("int");
    for _ in 0..2_000 {
        let mut map = asyncapi_runtime::Map::new();
        map.insert("type", Value::from("array"));
        map.insert("items", deep);
        deep = Value::Object(map);
    }
    match to_json_schema(&deep, BASE) {
        Err(FormatError::TooDeep { .. }) => {}
        other => panic!("{other:?}"),
    }
    // Within the limit, deep nesting translates.
    let mut shallow = Value::from("int");
    for _ in 0..100 {
        shallow = Value::Array(vec![Value::from("null"), {
            let mut map = asyncapi_runtime::Map::new();
            map.insert("type", Value::from("array"));
            map.insert("items", shallow);
            Value::Object(map)
        }]);
    }
    if let Err(e) = to_json_schema(&shallow, BASE) {
        panic!("{e}");
    }
}
