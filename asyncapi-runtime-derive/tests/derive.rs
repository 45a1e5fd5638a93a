//! `#[derive(Validate)]` on hand-written types: every attribute, the serde shapes it
//! follows, and the exact pointers, keywords and messages of what it reports, both from
//! `validate()` on typed values and from `asyncapi_runtime::from_str`/`validate_json` on JSON.

use std::collections::BTreeMap;

use asyncapi_runtime::{Error, Integer, Keyword, Validate, ValidateJson, Violation};
use serde::Deserialize;
use serde_json::{json, Value};

type Found = Vec<(String, Keyword, String)>;

fn triples(violations: impl IntoIterator<Item = Violation>) -> Found {
    violations
        .into_iter()
        .map(|v| (v.pointer, v.keyword, v.message))
        .collect()
}

/// What `validate()` reports for a typed value.
fn check<T: Validate>(value: &T) -> Found {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(violations) => triples(violations),
    }
}

/// What `validate_json` reports for a JSON value.
fn check_json<T: ValidateJson>(value: Value) -> Found {
    match asyncapi_runtime::validate_json::<T>(&value) {
        Ok(()) => Vec::new(),
        Err(violations) => triples(violations),
    }
}

fn v(pointer: &str, keyword: Keyword, message: &str) -> (String, Keyword, String) {
    (pointer.to_string(), keyword, message.to_string())
}

// ------------------------------------------------------------------------- strings

#[derive(Debug, Deserialize, serde::Serialize, Validate)]
#[serde(rename_all = "PascalCase")]
struct Record {
    #[validate(min_length = 1, max_length = 256)]
    partition_key: String,
    #[validate(pattern = r"0|([1-9]\d{0,128})")]
    explicit_hash_key: Option<String>,
    #[validate(format = "byte")]
    #[validate(max_length = 8)]
    data: String,
    #[serde(rename = "seq")]
    #[validate(pattern = r"^\d+$", format = "date-time")]
    sequence_number: String,
}

fn record(partition_key: &str) -> Record {
    Record {
        partition_key: partition_key.to_string(),
        explicit_hash_key: None,
        data: "QUJD".into(),
        sequence_number: "42".into(),
    }
}

#[test]
fn lengths_count_code_points() {
    let rocket = "\u{1F680}";
    assert_eq!(
        check(&record("")),
        [v(
            "/PartitionKey",
            Keyword::MinLength,
            "0 characters, fewer than minLength 1"
        )]
    );
    assert!(check(&record(rocket)).is_empty());
    assert!(check(&record(&rocket.repeat(256))).is_empty());
    assert_eq!(
        check(&record(&rocket.repeat(257))),
        [v(
            "/PartitionKey",
            Keyword::MaxLength,
            "257 characters, more than maxLength 256"
        )]
    );
}

#[test]
fn patterns_are_unanchored_ecma_searches() {
    let mut r = record("k");
    r.explicit_hash_key = Some("x1y".into());
    assert!(check(&r).is_empty());
    r.explicit_hash_key = Some("abc".into());
    assert_eq!(
        check(&r),
        [v(
            "/ExplicitHashKey",
            Keyword::Pattern,
            r#""abc" does not match pattern 0|([1-9]\d{0,128})"#
        )]
    );
    // ECMA `\d` is ASCII: ARABIC-INDIC DIGIT THREE is not a digit.
    r.explicit_hash_key = None;
    r.sequence_number = "\u{663}".into();
    assert_eq!(
        check(&r),
        [v(
            "/seq",
            Keyword::Pattern,
            "\"\u{663}\" does not match pattern ^\\d+$"
        )]
    );
    r.sequence_number = "123".into();
    assert!(check(&r).is_empty());
}

/// `when(...)`: JSON Schema `if`/`then`/`else` over string keywords.
#[derive(Debug, Deserialize, Validate)]
struct Conditional {
    /// Long text must end in `==`; short text must be lower case.
    #[validate(when(min_length = 4, then(pattern = "==$"), otherwise(pattern = "^[a-z]*$")))]
    text: String,
    /// Every condition must hold: text starting with `x` of at most 3 characters
    /// must be exactly 3 long.
    #[validate(when(pattern = "^x", max_length = 3, then(min_length = 3)))]
    short_x: Option<String>,
    /// Only `otherwise`: text that does not start with `#` has at most 2 characters.
    #[validate(items(when(pattern = "^#", otherwise(max_length = 2))))]
    tags: Vec<String>,
    /// Conditions count code points, as `minLength` does.
    #[validate(when(min_length = 2, then(max_length = 2)))]
    pair: Option<String>,
}

#[test]
fn when_applies_then_or_otherwise_by_its_conditions() {
    let value =
        |text: &str, short_x: Option<&str>, tags: &[&str], pair: Option<&str>| Conditional {
            text: text.into(),
            short_x: short_x.map(str::to_string),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            pair: pair.map(str::to_string),
        };
    // Each branch taken and passed.
    assert!(check(&value("ab==", None, &[], None)).is_empty());
    assert!(check(&value("abc", Some("xyz"), &["#long", "ab"], Some("é"))).is_empty());
    // `then` fails: four characters or more, no `==` at the end.
    assert_eq!(
        check(&value("abcd", None, &[], None)),
        [v(
            "/text",
            Keyword::Pattern,
            r#""abcd" does not match pattern ==$"#
        )]
    );
    // `otherwise` fails: under four characters, not lower case.
    assert_eq!(
        check(&value("aB", None, &[], None)),
        [v(
            "/text",
            Keyword::Pattern,
            r#""aB" does not match pattern ^[a-z]*$"#
        )]
    );
    // Both conditions hold for "xy"; one fails for "xyzw" (too long) and for "ab".
    assert_eq!(
        check(&value("ab", Some("xy"), &[], None)),
        [v(
            "/short_x",
            Keyword::MinLength,
            "2 characters, fewer than minLength 3"
        )]
    );
    assert!(check(&value("ab", Some("xyzw"), &[], None)).is_empty());
    assert!(check(&value("ab", Some("ab"), &[], None)).is_empty());
    // Inside `items(...)`, located at each item.
    assert_eq!(
        check(&value("ab", None, &["#anything", "abc", "ab", "xyz"], None)),
        [
            v(
                "/tags/1",
                Keyword::MaxLength,
                "3 characters, more than maxLength 2"
            ),
            v(
                "/tags/3",
                Keyword::MaxLength,
                "3 characters, more than maxLength 2"
            ),
        ]
    );
    // "éé" is four bytes but two code points: the condition holds, and `then` passes.
    assert!(check(&value("ab", None, &[], Some("éé"))).is_empty());
    assert_eq!(
        check(&value("ab", None, &[], Some("ééé"))),
        [v(
            "/pair",
            Keyword::MaxLength,
            "3 characters, more than maxLength 2"
        )]
    );
    // The same verdicts from JSON.
    assert_eq!(
        check_json::<Conditional>(json!({"text": "abcd", "tags": ["#x", "abc"]})),
        [
            v(
                "/text",
                Keyword::Pattern,
                r#""abcd" does not match pattern ==$"#
            ),
            v(
                "/tags/1",
                Keyword::MaxLength,
                "3 characters, more than maxLength 2"
            ),
        ]
    );
}

#[test]
fn format_byte_is_enforced_and_other_formats_are_not() {
    let mut r = record("k");
    r.data = "QQ".into();
    assert_eq!(
        check(&r),
        [v(
            "/Data",
            Keyword::Format,
            "not valid base64 (format byte): length 2 is not a multiple of 4"
        )]
    );
    // maxLength counts the base64 characters.
    r.data = "QUJDREVGR0g=".into();
    assert_eq!(
        check(&r),
        [v(
            "/Data",
            Keyword::MaxLength,
            "12 characters, more than maxLength 8"
        )]
    );
}

#[test]
fn from_str_reports_missing_fields_and_constraints_together() {
    let text = json!({ "PartitionKey": "\u{1F680}".repeat(257) }).to_string();
    let error = asyncapi_runtime::from_str::<Record>(&text).unwrap_err();
    assert!(matches!(error, Error::Shape(_)), "{error}");
    assert_eq!(
        triples(error.violations()),
        [
            v(
                "/PartitionKey",
                Keyword::MaxLength,
                "257 characters, more than maxLength 256"
            ),
            v("", Keyword::Required, "missing required property \"Data\""),
            v("", Keyword::Required, "missing required property \"seq\""),
        ]
    );

    // Well-shaped but invalid: the typed path reports it.
    let text = json!({ "PartitionKey": "", "Data": "QUJD", "seq": "x" }).to_string();
    let error = asyncapi_runtime::from_str::<Record>(&text).unwrap_err();
    assert!(matches!(error, Error::Invalid(_)), "{error}");
    assert_eq!(error.violations().len(), 2);

    let text = json!({ "PartitionKey": "k", "Data": "QUJD", "seq": "7" }).to_string();
    let parsed: Record = asyncapi_runtime::from_str(&text).unwrap();
    assert_eq!(parsed.sequence_number, "7");
}

#[test]
fn json_walk_reports_types_and_skips_constraints_of_misfits() {
    assert_eq!(
        check_json::<Record>(
            json!({ "PartitionKey": 5, "Data": "QQ", "seq": "1", "ExplicitHashKey": null })
        ),
        [
            v("/PartitionKey", Keyword::Type, "5 is not of type string"),
            v(
                "/Data",
                Keyword::Format,
                "not valid base64 (format byte): length 2 is not a multiple of 4"
            ),
        ]
    );
    assert_eq!(
        check_json::<Record>(json!([])),
        [v("", Keyword::Type, "array is not of type object")]
    );
}

// ------------------------------------------------------------------------- numbers

#[derive(Debug, Deserialize, Validate)]
struct Numbers {
    #[validate(minimum = -1, maximum = 10)]
    a: i64,
    #[validate(exclusive_minimum = -0.5, exclusive_maximum = 1.5)]
    b: f64,
    #[validate(multiple_of = 0.5)]
    c: Option<f64>,
    #[validate(multiple_of = 3, minimum = 0)]
    d: Integer,
}

#[test]
fn numeric_bounds() {
    let ok = Numbers {
        a: -1,
        b: 1.0,
        c: Some(2.5),
        d: Integer::from(9u64),
    };
    assert!(check(&ok).is_empty());
    let bad = Numbers {
        a: 11,
        b: -0.5,
        c: Some(0.3),
        d: Integer::from(-3i64),
    };
    assert_eq!(
        check(&bad),
        [
            v("/a", Keyword::Maximum, "11 is greater than maximum 10"),
            v(
                "/b",
                Keyword::ExclusiveMinimum,
                "-0.5 is not greater than exclusiveMinimum -0.5"
            ),
            v("/c", Keyword::MultipleOf, "0.3 is not a multiple of 0.5"),
            v("/d", Keyword::Minimum, "-3 is less than minimum 0"),
        ]
    );
    // `integer` accepts 5.0 and bounds apply to it.
    let parsed: Result<Numbers, _> = asyncapi_runtime::from_str(r#"{"a": -2, "b": 1.5, "d": 6.0}"#);
    assert_eq!(
        triples(parsed.unwrap_err().violations()),
        [
            v("/a", Keyword::Minimum, "-2 is less than minimum -1"),
            v(
                "/b",
                Keyword::ExclusiveMaximum,
                "1.5 is not less than exclusiveMaximum 1.5"
            ),
        ]
    );
    assert_eq!(
        check_json::<Numbers>(json!({ "a": "1", "b": 0, "c": 1.5, "d": 4 })),
        [
            v("/a", Keyword::Type, "\"1\" is not of type integer"),
            v("/d", Keyword::MultipleOf, "4 is not a multiple of 3"),
        ]
    );
}

// ------------------------------------------------------------------------- arrays and maps

#[derive(Debug, Deserialize)]
struct Opaque {
    #[allow(dead_code)]
    anything: Value,
}

#[derive(Debug, Deserialize, Validate)]
struct Lists {
    #[validate(min_items = 1, max_items = 3, unique_items)]
    #[validate(items(max_length = 2, pattern = "^[a-z]+$"))]
    tags: Vec<String>,
    #[validate(items(max_items = 2, items(minimum = 0)))]
    grid: Option<Vec<Vec<i64>>>,
    #[validate(min_properties = 1, max_properties = 2)]
    attrs: BTreeMap<String, String>,
    #[validate(skip)]
    #[allow(dead_code)]
    opaque: Option<Opaque>,
}

#[derive(Debug, Deserialize, Validate)]
struct MapValues {
    #[validate(max_properties = 2, values(minimum = 0))]
    limits: BTreeMap<String, i64>,
    #[validate(values(max_items = 1, items(max_length = 2)))]
    groups: Option<BTreeMap<String, Vec<String>>>,
    #[validate(values(values(pattern = "^[a-z]+$")))]
    nested: Option<BTreeMap<String, BTreeMap<String, String>>>,
    #[serde(flatten)]
    #[validate(values(max_length = 3))]
    extra: BTreeMap<String, String>,
}

#[test]
fn map_values_located_by_key() {
    let found = agree::<MapValues>(json!({
        "limits": {"a": -1, "b": 0, "c": 1},
        "groups": {"g": ["abc", "d"]},
        "nested": {"n": {"k": "ABC"}},
        "zz": "long",
        "aa": "ok",
        "ab": "longer",
    }));
    assert_eq!(
        found,
        [
            v(
                "/limits",
                Keyword::MaxProperties,
                "3 properties, more than maxProperties 2"
            ),
            v("/limits/a", Keyword::Minimum, "-1 is less than minimum 0"),
            v(
                "/groups/g",
                Keyword::MaxItems,
                "2 items, more than maxItems 1"
            ),
            v(
                "/groups/g/0",
                Keyword::MaxLength,
                "3 characters, more than maxLength 2"
            ),
            v(
                "/nested/n/k",
                Keyword::Pattern,
                "\"ABC\" does not match pattern ^[a-z]+$"
            ),
            v(
                "/ab",
                Keyword::MaxLength,
                "6 characters, more than maxLength 3"
            ),
            v(
                "/zz",
                Keyword::MaxLength,
                "4 characters, more than maxLength 3"
            ),
        ]
    );
    assert!(agree::<MapValues>(json!({"limits": {}, "x": "abc"})).is_empty());
}

#[test]
fn arrays_maps_and_items() {
    let lists = Lists {
        tags: vec!["ab".into(), "ABC".into(), "ab".into(), "c".into()],
        grid: Some(vec![vec![0, 1], vec![2, -1, 3]]),
        attrs: BTreeMap::new(),
        opaque: None,
    };
    assert_eq!(
        check(&lists),
        [
            v("/tags", Keyword::MaxItems, "4 items, more than maxItems 3"),
            v(
                "/tags",
                Keyword::UniqueItems,
                "items 0 and 2 are equal, but uniqueItems is set"
            ),
            v(
                "/tags/1",
                Keyword::MaxLength,
                "3 characters, more than maxLength 2"
            ),
            v(
                "/tags/1",
                Keyword::Pattern,
                "\"ABC\" does not match pattern ^[a-z]+$"
            ),
            v(
                "/grid/1",
                Keyword::MaxItems,
                "3 items, more than maxItems 2"
            ),
            v("/grid/1/1", Keyword::Minimum, "-1 is less than minimum 0"),
            v(
                "/attrs",
                Keyword::MinProperties,
                "0 properties, fewer than minProperties 1"
            ),
        ]
    );
    let empty = Lists {
        tags: Vec::new(),
        grid: None,
        attrs: [("a", "1"), ("b", "2"), ("c", "3")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        opaque: None,
    };
    assert_eq!(
        check(&empty),
        [
            v("/tags", Keyword::MinItems, "0 items, fewer than minItems 1"),
            v(
                "/attrs",
                Keyword::MaxProperties,
                "3 properties, more than maxProperties 2"
            ),
        ]
    );
    // Item violations located in JSON too; a skipped field is only checked for presence.
    assert_eq!(
        check_json::<Lists>(json!({ "tags": ["a", 1, "toolong"], "attrs": {"k": 2}, "opaque": 5 })),
        [
            v("/tags/1", Keyword::Type, "1 is not of type string"),
            v("/attrs/k", Keyword::Type, "2 is not of type string"),
        ]
    );
    assert_eq!(
        check_json::<Lists>(json!({ "tags": ["a", "toolong"], "attrs": {} })),
        [
            v(
                "/tags/1",
                Keyword::MaxLength,
                "7 characters, more than maxLength 2"
            ),
            v(
                "/attrs",
                Keyword::MinProperties,
                "0 properties, fewer than minProperties 1"
            ),
        ]
    );
}

// ------------------------------------------------------------------------- nesting

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Event {
    #[serde(rename = "Records")]
    #[validate(max_items = 2)]
    records: Vec<Record>,
    event_source: Source,
    encryption_type: Option<Encryption>,
    r#type: Key,
    wrapped: Option<Wrapper>,
}

#[derive(Debug, PartialEq, Deserialize, Validate)]
enum Source {
    #[serde(rename = "aws:kinesis")]
    AwsKinesis,
}

#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "UPPERCASE")]
enum Encryption {
    None,
    Kms,
}

#[derive(Debug, Deserialize, serde::Serialize, Validate)]
struct Key(#[validate(max_length = 3)] String);

#[derive(Debug, Deserialize, Validate)]
#[serde(transparent)]
struct Wrapper {
    #[validate(minimum = 1)]
    n: u64,
}

#[test]
fn nested_values_use_wire_names() {
    let event = Event {
        records: vec![record("ok"), record("")],
        event_source: Source::AwsKinesis,
        encryption_type: Some(Encryption::Kms),
        r#type: Key("long".into()),
        wrapped: Some(Wrapper { n: 0 }),
    };
    assert_eq!(
        check(&event),
        [
            v(
                "/Records/1/PartitionKey",
                Keyword::MinLength,
                "0 characters, fewer than minLength 1"
            ),
            v(
                "/type",
                Keyword::MaxLength,
                "4 characters, more than maxLength 3"
            ),
            v("/wrapped", Keyword::Minimum, "0 is less than minimum 1"),
        ]
    );
}

#[test]
fn enums_of_strings_report_const_and_enum() {
    let text = json!({
        "Records": [{ "PartitionKey": "", "Data": "QUJD", "seq": "1" }, {}],
        "eventSource": "AWS:Kinesis",
        "encryptionType": "AES",
        "type": "abcd",
        "wrapped": 0,
    })
    .to_string();
    let error = asyncapi_runtime::from_str::<Event>(&text).unwrap_err();
    assert_eq!(
        triples(error.violations()),
        [
            v(
                "/Records/0/PartitionKey",
                Keyword::MinLength,
                "0 characters, fewer than minLength 1"
            ),
            v(
                "/Records/1",
                Keyword::Required,
                "missing required property \"PartitionKey\""
            ),
            v(
                "/Records/1",
                Keyword::Required,
                "missing required property \"Data\""
            ),
            v(
                "/Records/1",
                Keyword::Required,
                "missing required property \"seq\""
            ),
            v(
                "/eventSource",
                Keyword::Const,
                "\"AWS:Kinesis\" is not \"aws:kinesis\""
            ),
            v(
                "/encryptionType",
                Keyword::Enum,
                "\"AES\" is not one of \"NONE\", \"KMS\""
            ),
            v(
                "/type",
                Keyword::MaxLength,
                "4 characters, more than maxLength 3"
            ),
            v("/wrapped", Keyword::Minimum, "0 is less than minimum 1"),
        ]
    );
    assert_eq!(
        check_json::<Encryption>(json!(5)),
        [v("", Keyword::Enum, "5 is not one of \"NONE\", \"KMS\"")]
    );
    assert!(check_json::<Encryption>(json!("KMS")).is_empty());
    assert_eq!(
        check_json::<Source>(json!("aws:kinesis ")),
        [v(
            "",
            Keyword::Const,
            "\"aws:kinesis \" is not \"aws:kinesis\""
        )]
    );
    let parsed: Event = asyncapi_runtime::from_str(
        r#"{"Records": [], "eventSource": "aws:kinesis", "type": "abc"}"#,
    )
    .unwrap();
    assert_eq!(parsed.event_source, Source::AwsKinesis);
    assert_eq!(parsed.encryption_type, None);
}

#[derive(Debug, Deserialize, Validate)]
struct Node {
    #[validate(max_length = 2)]
    name: String,
    #[serde(default)]
    children: Vec<Node>,
    next: Option<Box<Node>>,
}

#[test]
fn recursive_types() {
    let value =
        json!({ "name": "a", "children": [{ "name": "b", "next": { "name": "toolong" } }] });
    let expected = [v(
        "/children/0/next/name",
        Keyword::MaxLength,
        "7 characters, more than maxLength 2",
    )];
    assert_eq!(check_json::<Node>(value.clone()), expected);
    let node: Node = serde_json::from_value(value).unwrap();
    assert_eq!(check(&node), expected);
}

#[derive(Debug, Deserialize, Validate)]
struct Page<T> {
    #[validate(max_items = 1)]
    items: Vec<T>,
}

#[test]
fn generic_parameters_are_validated() {
    let page = Page {
        items: vec![record(""), record("ok")],
    };
    assert_eq!(
        check(&page),
        [
            v("/items", Keyword::MaxItems, "2 items, more than maxItems 1"),
            v(
                "/items/0/PartitionKey",
                Keyword::MinLength,
                "0 characters, fewer than minLength 1"
            ),
        ]
    );
    assert_eq!(
        check_json::<Page<Key>>(json!({ "items": ["abcd", 1] })),
        [
            v(
                "/items/0",
                Keyword::MaxLength,
                "4 characters, more than maxLength 3"
            ),
            v("/items/1", Keyword::Type, "1 is not of type string"),
        ]
    );
}

#[derive(Debug, Deserialize, Validate)]
struct Pair(
    #[validate(minimum = 0)] i64,
    #[validate(min_length = 1)] String,
);

#[test]
fn tuple_structs_are_arrays() {
    assert_eq!(
        check(&Pair(-1, String::new())),
        [
            v("/0", Keyword::Minimum, "-1 is less than minimum 0"),
            v(
                "/1",
                Keyword::MinLength,
                "0 characters, fewer than minLength 1"
            ),
        ]
    );
    assert_eq!(
        check_json::<Pair>(json!([-1])),
        [
            v("", Keyword::MinItems, "1 item, fewer than minItems 2"),
            v("/0", Keyword::Minimum, "-1 is less than minimum 0"),
        ]
    );
    assert_eq!(
        check_json::<Pair>(json!([1, "a", 3])),
        [v("", Keyword::MaxItems, "3 items, more than maxItems 2")]
    );
}

// ------------------------------------------------------------------------- object shapes

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Strict {
    a: String,
    #[serde(alias = "bee")]
    b: Option<String>,
    #[serde(skip)]
    #[allow(dead_code)]
    c: String,
}

#[test]
fn deny_unknown_fields_reports_each_extra_property() {
    assert_eq!(
        check_json::<Strict>(json!({ "a": "x", "bee": 1, "c": "", "d/e": 2 })),
        [
            v("/bee", Keyword::Type, "1 is not of type string"),
            v(
                "/c",
                Keyword::AdditionalProperties,
                "property \"c\" is not allowed"
            ),
            v(
                "/d~1e",
                Keyword::AdditionalProperties,
                "property \"d/e\" is not allowed"
            ),
        ]
    );
    // A plain `Option` reads `null` as `None`, as serde does.
    assert!(check_json::<Strict>(json!({ "a": "x", "b": null })).is_empty());
    assert!(serde_json::from_value::<Strict>(json!({ "a": "x", "b": null })).is_ok());
}

#[derive(Debug, Deserialize, Validate)]
struct Open {
    #[validate(max_length = 3)]
    name: String,
    #[serde(flatten)]
    rest: serde_json::Map<String, Value>,
}

#[derive(Debug, Deserialize, Validate)]
struct Counted {
    name: String,
    #[serde(flatten)]
    counts: BTreeMap<String, Key>,
}

#[derive(Debug, Deserialize, Validate)]
struct Outer {
    id: String,
    #[serde(flatten)]
    inner: Inner,
}

#[derive(Debug, Deserialize, Validate)]
struct Inner {
    #[validate(minimum = 1)]
    size: u64,
}

#[test]
fn flattened_maps_and_structs() {
    let open: Open = asyncapi_runtime::from_str(r#"{"name": "abc", "x": [1], "y": null}"#).unwrap();
    assert_eq!(open.rest.len(), 2);
    assert_eq!(
        check_json::<Open>(json!({ "name": "abcd", "x": 1 })),
        [v(
            "/name",
            Keyword::MaxLength,
            "4 characters, more than maxLength 3"
        )]
    );

    assert_eq!(
        check_json::<Counted>(json!({ "name": "n", "a": "abcd", "b": 2, "c": "ok" })),
        [
            v(
                "/a",
                Keyword::MaxLength,
                "4 characters, more than maxLength 3"
            ),
            v("/b", Keyword::Type, "2 is not of type string"),
        ]
    );
    let counted: Counted = serde_json::from_value(json!({ "name": "n", "a": "abcd" })).unwrap();
    assert_eq!(
        check(&counted),
        [v(
            "/a",
            Keyword::MaxLength,
            "4 characters, more than maxLength 3"
        )]
    );

    assert_eq!(
        check_json::<Outer>(json!({ "size": 0 })),
        [
            v("", Keyword::Required, "missing required property \"id\""),
            v("/size", Keyword::Minimum, "0 is less than minimum 1"),
        ]
    );
    let outer: Outer = serde_json::from_value(json!({ "id": "i", "size": 0 })).unwrap();
    assert_eq!(
        check(&outer),
        [v("/size", Keyword::Minimum, "0 is less than minimum 1")]
    );
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "SCREAMING-KEBAB-CASE")]
struct Kebab {
    #[validate(max_length = 1)]
    stream_name: String,
    #[serde(default, deserialize_with = "asyncapi_runtime::__private::non_null")]
    #[validate(max_length = 1)]
    shard_id: Option<String>,
}

#[test]
fn rename_all_and_deserialize_with() {
    assert_eq!(
        check_json::<Kebab>(json!({ "STREAM-NAME": "ab", "SHARD-ID": null })),
        [
            v(
                "/STREAM-NAME",
                Keyword::MaxLength,
                "2 characters, more than maxLength 1"
            ),
            v("/SHARD-ID", Keyword::Type, "null is not of type string"),
        ]
    );
    assert_eq!(
        check_json::<Kebab>(json!({ "SHARD-ID": "ab" })),
        [
            v(
                "",
                Keyword::Required,
                "missing required property \"STREAM-NAME\""
            ),
            v(
                "/SHARD-ID",
                Keyword::MaxLength,
                "2 characters, more than maxLength 1"
            ),
        ]
    );
}

// ------------------------------------------------------------------------- enums with data

#[derive(Debug, Deserialize, serde::Serialize, Validate)]
#[serde(untagged)]
#[validate(one_of)]
enum IdOrName {
    Id(#[validate(minimum = 1)] u64),
    Name(#[validate(max_length = 3)] String),
}

#[derive(Debug, Deserialize, serde::Serialize, Validate)]
#[serde(untagged)]
#[validate(one_of)]
enum Overlap {
    Short(#[validate(max_length = 5)] String),
    Lower(#[validate(pattern = "^[a-z]+$")] String),
}

#[derive(Debug, Deserialize, serde::Serialize, Validate)]
#[serde(untagged)]
enum RecordOrKey {
    Record(Record),
    Key(Key),
}

#[test]
fn untagged_enums_are_one_of_or_any_of() {
    // Typed `one_of` values are checked as their JSON: a value no alternative takes is a
    // `oneOf` violation, as `validate_json` reports it.
    assert_eq!(
        check(&IdOrName::Id(0)),
        [v("", Keyword::OneOf, "matches none of the 2 alternatives")]
    );
    assert_eq!(
        check(&IdOrName::Name("abcd".into())),
        [v("", Keyword::OneOf, "matches none of the 2 alternatives")]
    );
    assert!(check(&IdOrName::Id(5)).is_empty());
    assert!(check_json::<IdOrName>(json!(5)).is_empty());
    assert!(check_json::<IdOrName>(json!("abc")).is_empty());
    assert_eq!(
        check_json::<IdOrName>(json!("abcd")),
        [v("", Keyword::OneOf, "matches none of the 2 alternatives")]
    );
    assert_eq!(
        check_json::<Overlap>(json!("abc")),
        [v(
            "",
            Keyword::OneOf,
            "matches 2 alternatives, oneOf requires exactly one"
        )]
    );
    assert!(check_json::<Overlap>(json!("ABC")).is_empty());
    // Typed, the same: serde took the first variant, but the value matches the other
    // too; and a value the first variant refuses is fine when the other takes it.
    assert_eq!(
        check(&Overlap::Short("abc".into())),
        [v(
            "",
            Keyword::OneOf,
            "matches 2 alternatives, oneOf requires exactly one"
        )]
    );
    assert!(check(&Overlap::Short("abcdefgh".into())).is_empty());
    assert!(check(&Overlap::Lower("ABC".into())).is_empty());
    assert!(check_json::<RecordOrKey>(json!("abc")).is_empty());
    assert_eq!(
        check_json::<RecordOrKey>(json!({ "PartitionKey": "" })),
        [v("", Keyword::AnyOf, "matches none of the 2 alternatives")]
    );
    let parsed: Result<Vec<RecordOrKey>, _> = asyncapi_runtime::from_str(r#"["ab", 1]"#);
    assert_eq!(
        triples(parsed.unwrap_err().violations()),
        [v(
            "/1",
            Keyword::AnyOf,
            "matches none of the 2 alternatives"
        )]
    );
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Figure {
    Circle {
        #[validate(exclusive_minimum = 0)]
        radius: f64,
    },
    Square(Side),
    Empty,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Side {
    #[validate(minimum = 1)]
    side: u64,
}

#[test]
fn internally_tagged_enums() {
    assert_eq!(
        check(&Figure::Circle { radius: 0.0 }),
        [v(
            "/radius",
            Keyword::ExclusiveMinimum,
            "0 is not greater than exclusiveMinimum 0"
        )]
    );
    assert_eq!(
        check(&Figure::Square(Side { side: 0 })),
        [v("/side", Keyword::Minimum, "0 is less than minimum 1")]
    );
    assert!(check(&Figure::Empty).is_empty());

    assert!(check_json::<Figure>(json!({ "type": "square", "side": 2 })).is_empty());
    assert!(check_json::<Figure>(json!({ "type": "empty", "x": 1 })).is_empty());
    assert_eq!(
        check_json::<Figure>(json!({ "type": "circle", "radius": -1 })),
        [v(
            "/radius",
            Keyword::ExclusiveMinimum,
            "-1 is not greater than exclusiveMinimum 0"
        )]
    );
    assert_eq!(
        check_json::<Figure>(json!({ "type": "square", "side": 0, "x": 1 })),
        [
            v("/side", Keyword::Minimum, "0 is less than minimum 1"),
            v(
                "/x",
                Keyword::AdditionalProperties,
                "property \"x\" is not allowed"
            ),
        ]
    );
    assert_eq!(
        check_json::<Figure>(json!({ "side": 1 })),
        [v(
            "",
            Keyword::Required,
            "missing required property \"type\""
        )]
    );
    assert_eq!(
        check_json::<Figure>(json!({ "type": "Circle" })),
        [v(
            "/type",
            Keyword::Enum,
            "\"Circle\" is not one of \"circle\", \"square\", \"empty\""
        )]
    );
    assert_eq!(
        check_json::<Figure>(json!("circle")),
        [v("", Keyword::Type, "\"circle\" is not of type object")]
    );
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum Message {
    Ping,
    Text(#[validate(max_length = 2)] String),
}

#[derive(Debug, Deserialize, Validate)]
enum Command {
    Stop,
    Move {
        #[validate(minimum = 0)]
        x: i64,
    },
    Say(#[validate(min_length = 1)] String),
}

#[test]
fn adjacently_and_externally_tagged_enums() {
    assert_eq!(
        check(&Message::Text("abc".into())),
        [v(
            "/c",
            Keyword::MaxLength,
            "3 characters, more than maxLength 2"
        )]
    );
    assert!(check_json::<Message>(json!({ "t": "Ping" })).is_empty());
    assert_eq!(
        check_json::<Message>(json!({ "t": "Text", "c": "abc" })),
        [v(
            "/c",
            Keyword::MaxLength,
            "3 characters, more than maxLength 2"
        )]
    );
    assert_eq!(
        check_json::<Message>(json!({ "t": "Text" })),
        [v("", Keyword::Required, "missing required property \"c\"")]
    );
    assert_eq!(
        check_json::<Message>(json!({ "t": 1 })),
        [v("/t", Keyword::Enum, "1 is not one of \"Ping\", \"Text\"")]
    );

    assert_eq!(
        check(&Command::Move { x: -1 }),
        [v("/Move/x", Keyword::Minimum, "-1 is less than minimum 0")]
    );
    assert_eq!(
        check(&Command::Say(String::new())),
        [v(
            "/Say",
            Keyword::MinLength,
            "0 characters, fewer than minLength 1"
        )]
    );
    assert!(check_json::<Command>(json!("Stop")).is_empty());
    assert!(check_json::<Command>(json!({ "Say": "hi" })).is_empty());
    assert_eq!(
        check_json::<Command>(json!({ "Move": { "x": -1 } })),
        [v("/Move/x", Keyword::Minimum, "-1 is less than minimum 0")]
    );
    assert_eq!(
        check_json::<Command>(json!({ "Move": {} })),
        [v(
            "/Move",
            Keyword::Required,
            "missing required property \"x\""
        )]
    );
    assert_eq!(
        check_json::<Command>(json!("Go")),
        [v("", Keyword::Const, "\"Go\" is not \"Stop\"")]
    );
    assert_eq!(
        check_json::<Command>(json!({ "Jump": 1 })),
        [v(
            "/Jump",
            Keyword::AdditionalProperties,
            "property \"Jump\" is not allowed: expected one of \"Stop\", \"Move\", \"Say\""
        )]
    );
    assert_eq!(
        check_json::<Command>(json!(3)),
        [v("", Keyword::Type, "3 is not of type string or object")]
    );
}

// ------------------------------------------------------------------------- crate path

mod rt {
    pub use asyncapi_runtime::*;
}

#[derive(Debug, Deserialize, Validate)]
#[validate(crate = "crate::rt")]
struct ThroughPath {
    #[validate(max_length = 1)]
    a: String,
}

#[test]
fn crate_path_is_used() {
    assert_eq!(
        check(&ThroughPath { a: "ab".into() }),
        [v(
            "/a",
            Keyword::MaxLength,
            "2 characters, more than maxLength 1"
        )]
    );
}

// ------------------------------------------------------------------------- agreement

/// For a value that deserializes, the JSON walk reports exactly what `validate()` does.
fn agree<T: ValidateJson + std::fmt::Debug>(value: Value) -> Found {
    let typed: T = serde_json::from_value(value.clone())
        .unwrap_or_else(|error| panic!("{value} does not deserialize: {error}"));
    let from_json = check_json::<T>(value);
    assert_eq!(check(&typed), from_json, "{typed:?}");
    from_json
}

#[test]
fn typed_and_json_walks_agree() {
    assert_eq!(
        agree::<Lists>(
            json!({ "tags": ["a", "b", "c", "toolong"], "grid": [[1, -1]], "attrs": {"k": "v"} })
        ),
        [
            v("/tags", Keyword::MaxItems, "4 items, more than maxItems 3"),
            v(
                "/tags/3",
                Keyword::MaxLength,
                "7 characters, more than maxLength 2"
            ),
            v("/grid/0/1", Keyword::Minimum, "-1 is less than minimum 0"),
        ]
    );
    assert_eq!(
        agree::<Event>(json!({
            "Records": [
                { "PartitionKey": "", "Data": "QQ", "seq": "1", "ExplicitHashKey": "z" },
                { "PartitionKey": "a", "Data": "QUJD", "seq": "\u{663}" },
                { "PartitionKey": "a", "Data": "QUJD", "seq": "1" },
            ],
            "eventSource": "aws:kinesis",
            "type": "abcd",
            "wrapped": 0,
        }))
        .len(),
        7
    );
    assert_eq!(
        agree::<Node>(json!({ "name": "abc", "children": [{ "name": "abc" }] })).len(),
        2
    );
    assert_eq!(agree::<Pair>(json!([-1, ""])).len(), 2);
    assert_eq!(
        agree::<Figure>(json!({ "type": "square", "side": 0 })).len(),
        1
    );
    assert_eq!(
        agree::<Figure>(json!({ "type": "circle", "radius": 0 })).len(),
        1
    );
    assert_eq!(
        agree::<Message>(json!({ "t": "Text", "c": "abc" })).len(),
        1
    );
    assert_eq!(agree::<Command>(json!({ "Move": { "x": -1 } })).len(), 1);
    assert_eq!(agree::<Command>(json!({ "Say": "" })).len(), 1);
    assert_eq!(
        agree::<Counted>(json!({ "name": "n", "a": "abcd", "b": "ok" })).len(),
        1
    );
    assert_eq!(agree::<Outer>(json!({ "id": "i", "size": 0 })).len(), 1);
    // An untagged `one_of` value deserializes as the first variant of its shape; the
    // typed check counts the alternatives its JSON matches, as the JSON walk (like JSON
    // Schema) does: none here, several, or one that is not the variant serde chose.
    assert_eq!(
        agree::<IdOrName>(json!(0)),
        [v("", Keyword::OneOf, "matches none of the 2 alternatives")]
    );
    assert_eq!(
        agree::<Overlap>(json!("abc")),
        [v(
            "",
            Keyword::OneOf,
            "matches 2 alternatives, oneOf requires exactly one"
        )]
    );
    assert!(agree::<Overlap>(json!("abcdefgh")).is_empty());
}

// ------------------------------------------------------------- object property counts

#[derive(Debug, Deserialize, Validate)]
#[validate(min_properties = 2, max_properties = 3)]
struct WholeObjectCounted {
    a: String,
    #[serde(default)]
    b: Option<String>,
    #[serde(flatten)]
    rest: BTreeMap<String, Value>,
}

#[test]
fn struct_property_counts_include_present_fields_and_extras() {
    let one: WholeObjectCounted = serde_json::from_value(json!({"a": "x"})).unwrap();
    assert_eq!(
        check(&one),
        [v(
            "",
            Keyword::MinProperties,
            "1 property, fewer than minProperties 2"
        )]
    );
    let two: WholeObjectCounted = serde_json::from_value(json!({"a": "x", "b": "y"})).unwrap();
    assert_eq!(check(&two), []);
    let four: WholeObjectCounted =
        serde_json::from_value(json!({"a": "x", "b": "y", "c": 1, "d": 2})).unwrap();
    assert_eq!(
        check(&four),
        [v(
            "",
            Keyword::MaxProperties,
            "4 properties, more than maxProperties 3"
        )]
    );
    assert_eq!(
        check_json::<WholeObjectCounted>(json!({"a": "x"})),
        [v(
            "",
            Keyword::MinProperties,
            "1 property, fewer than minProperties 2"
        )]
    );
    assert_eq!(
        check_json::<WholeObjectCounted>(json!({"a": "x", "c": 1})),
        []
    );
    assert_eq!(
        check_json::<WholeObjectCounted>(json!({"a": "x", "b": "y", "c": 1, "d": 2})),
        [v(
            "",
            Keyword::MaxProperties,
            "4 properties, more than maxProperties 3"
        )]
    );
    // WholeObjectCounted on the object even when a property is missing or of the wrong type.
    assert_eq!(
        check_json::<WholeObjectCounted>(json!({"b": 1})),
        [
            v("", Keyword::Required, "missing required property \"a\""),
            v("/b", Keyword::Type, "1 is not of type string"),
            v(
                "",
                Keyword::MinProperties,
                "1 property, fewer than minProperties 2"
            ),
        ]
    );
}

// ------------------------------------------------- required properties that may be null

#[derive(Debug, Deserialize, Validate, PartialEq)]
struct Nullable {
    #[serde(deserialize_with = "asyncapi_runtime::__private::nullable")]
    #[validate(required, max_length = 2)]
    note: Option<String>,
    #[serde(default)]
    other: Option<String>,
}

#[test]
fn required_nullable_fields_must_be_present_and_may_be_null() {
    let null: Nullable = asyncapi_runtime::from_str(r#"{"note": null}"#).unwrap();
    assert_eq!(null.note, None);
    let some: Nullable = asyncapi_runtime::from_str(r#"{"note": "ab"}"#).unwrap();
    assert_eq!(some.note.as_deref(), Some("ab"));
    assert!(serde_json::from_str::<Nullable>("{}")
        .unwrap_err()
        .to_string()
        .contains("missing field `note`"));
    let error = asyncapi_runtime::from_str::<Nullable>(r#"{"other": null}"#).unwrap_err();
    assert_eq!(
        triples(error.violations()),
        [v(
            "",
            Keyword::Required,
            "missing required property \"note\""
        )]
    );
    assert_eq!(check_json::<Nullable>(json!({"note": null})), []);
    assert_eq!(
        check_json::<Nullable>(json!({"note": "abc"})),
        [v(
            "/note",
            Keyword::MaxLength,
            "3 characters, more than maxLength 2"
        )]
    );
    assert_eq!(
        check_json::<Nullable>(json!({"note": 5})),
        [v("/note", Keyword::Type, "5 is not of type string")]
    );
}

/// anyOf [number >= 0, integer <= 100]: serde keeps the first variant for -5, which its
/// own bound refuses, but the second alternative takes it, so the value is valid.
#[derive(Debug, Deserialize, serde::Serialize, Validate)]
#[serde(untagged)]
enum NonNegativeOrSmall {
    NonNegative(#[validate(minimum = 0)] f64),
    Small(#[validate(maximum = 100)] i64),
}

#[test]
fn any_of_is_decided_by_every_alternative() {
    let held: NonNegativeOrSmall = serde_json::from_value(json!(-5)).unwrap();
    assert!(matches!(held, NonNegativeOrSmall::NonNegative(_)));
    assert!(check(&held).is_empty());
    assert!(check_json::<NonNegativeOrSmall>(json!(-5)).is_empty());
    assert!(asyncapi_runtime::from_str::<NonNegativeOrSmall>("-5").is_ok());
    // -0.5 fits neither: not >= 0, and not an integer.
    let expected = [v("", Keyword::AnyOf, "matches none of the 2 alternatives")];
    let refused: NonNegativeOrSmall = serde_json::from_value(json!(-0.5)).unwrap();
    assert_eq!(check(&refused), expected);
    assert_eq!(check_json::<NonNegativeOrSmall>(json!(-0.5)), expected);
}
