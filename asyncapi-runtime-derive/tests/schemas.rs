//! `#[validate(json_schema(..))]` and `#[validate(extra_schema(..))]`: the schema
//! interpreter for what no Rust type says, on typed values and on JSON alike.

use asyncapi_runtime::{FromJson, Keyword, LazySchema, Map, Validate, Violation};
use serde::Serialize;

static SCHEMAS: LazySchema = LazySchema::new(
    r##"{
        "definitions": {
            "reading": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"type": "string", "pattern": "^r"}},
                "not": {"required": ["legacy"]}
            },
            "even": {"type": "integer", "multipleOf": 2},
            "either": {"oneOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]},
            "even_either": {"allOf": [{"$ref": "#/definitions/either"}, {"$ref": "#/definitions/even"}]}
        }
    }"##,
    &[
        "/definitions/reading",
        "/definitions/even",
        "/definitions/either",
        "/definitions/even_either",
    ],
);

type Found = Vec<(String, Keyword)>;

fn found(violations: impl IntoIterator<Item = Violation>) -> Found {
    violations
        .into_iter()
        .map(|v| (v.pointer, v.keyword))
        .collect()
}

fn walk<T: asyncapi_runtime::ValidateJson>(text: &str) -> Found {
    let json = asyncapi_runtime::parse_json(text.as_bytes()).unwrap();
    asyncapi_runtime::validate_json::<T>(&json)
        .err()
        .map(found)
        .unwrap_or_default()
}

fn typed<T: Validate + for<'de> serde::Deserialize<'de>>(text: &str) -> Found {
    let value: T = serde_json::from_str(text).unwrap();
    value.validate().err().map(found).unwrap_or_default()
}

fn at(pointer: &str, keyword: Keyword) -> (String, Keyword) {
    (pointer.to_string(), keyword)
}

/// The JSON walk is the document's schema, not one derived from the fields.
#[derive(Debug, FromJson, Serialize, Validate)]
#[validate(json_schema(SCHEMAS, 0))]
struct Reading {
    id: String,
    #[serde(flatten)]
    rest: Map,
}

#[test]
fn json_schema_is_the_walk() {
    assert_eq!(
        walk::<Reading>(r#"{"id": "x", "legacy": 1}"#),
        [at("/id", Keyword::Pattern), at("", Keyword::Not)]
    );
    assert!(walk::<Reading>(r#"{"id": "r1", "other": 1}"#).is_empty());
    // A payload the typed read refuses is reported by the schema.
    let error = asyncapi_runtime::from_str::<Reading>(r#"{"legacy": true}"#).unwrap_err();
    assert_eq!(
        found(error.violations()),
        [at("", Keyword::Required), at("", Keyword::Not)]
    );
    // `validate()` is still the fields' own checks (none here).
    assert!(typed::<Reading>(r#"{"id": "x", "legacy": 1}"#).is_empty());
}

/// Extra checks on the whole value and on a field, typed or JSON.
#[derive(Debug, FromJson, Serialize, Validate)]
#[validate(extra_schema(SCHEMAS, 0))]
struct Checked {
    #[validate(max_length = 4)]
    id: String,
    #[validate(extra_schema(SCHEMAS, 1))]
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<i64>,
    #[validate(extra_schema(SCHEMAS, 2))]
    either: asyncapi_runtime::Value,
    #[serde(flatten)]
    rest: Map,
}

#[test]
fn extra_schema_on_values_and_fields() {
    let text = r#"{"id": "xxxxx", "count": 3, "either": -1, "legacy": true}"#;
    let expected = [
        at("/id", Keyword::MaxLength),
        at("/count", Keyword::MultipleOf),
        at("/either", Keyword::OneOf),
        at("/id", Keyword::Pattern),
        at("", Keyword::Not),
    ];
    assert_eq!(typed::<Checked>(text), expected);
    assert_eq!(walk::<Checked>(text), expected);
    // An absent optional field is not checked; the others are.
    let text = r#"{"id": "r", "either": "s"}"#;
    assert!(typed::<Checked>(text).is_empty());
    assert!(walk::<Checked>(text).is_empty());
    let error = asyncapi_runtime::from_str::<Checked>(r#"{"id": "r", "count": 4, "either": 1.5}"#)
        .unwrap_err();
    assert_eq!(found(error.violations()), [at("/either", Keyword::OneOf)]);
}

/// Both on one type: `json_schema` is the whole schema, `extra_schema` the part of it
/// the fields do not check, which the walk does not check a second time.
#[derive(Debug, FromJson, Serialize, Validate)]
#[validate(json_schema(SCHEMAS, 0), extra_schema(SCHEMAS, 0))]
struct Whole {
    id: String,
    #[serde(flatten)]
    rest: Map,
}

#[test]
fn the_whole_schema_reports_each_violation_once() {
    let text = r#"{"id": "x", "legacy": 1}"#;
    let expected = [at("/id", Keyword::Pattern), at("", Keyword::Not)];
    assert_eq!(walk::<Whole>(text), expected);
    assert_eq!(typed::<Whole>(text), expected);
    let error = asyncapi_runtime::from_str::<Whole>(text).unwrap_err();
    assert_eq!(found(error.violations()), expected);
    assert!(asyncapi_runtime::from_str::<Whole>(r#"{"id": "r1"}"#).is_ok());
}

/// Enums take both, too: the whole schema is `either` and `even`, `even` the part the
/// variants do not check.
#[derive(Debug, FromJson, Serialize, Validate)]
#[serde(untagged)]
#[validate(json_schema(SCHEMAS, 3), extra_schema(SCHEMAS, 1))]
enum Either {
    Text(String),
    Number(i64),
}

#[test]
fn schemas_on_enums() {
    assert_eq!(walk::<Either>("-2"), [at("", Keyword::OneOf)]);
    assert_eq!(walk::<Either>("3"), [at("", Keyword::MultipleOf)]);
    assert!(walk::<Either>("4").is_empty());
    // The whole schema applies to every variant: "s" is not an integer.
    assert_eq!(walk::<Either>(r#""s""#), [at("", Keyword::Type)]);
    assert_eq!(typed::<Either>(r#""s""#), [at("", Keyword::Type)]);
    // `validate()` of an untagged enum counts alternatives with the schema as well.
    assert_eq!(typed::<Either>("-2"), [at("", Keyword::OneOf)]);
    assert_eq!(typed::<Either>("3"), [at("", Keyword::MultipleOf)]);
}
