//! `#[derive(FromJson)]` on hand-written types: exact numbers through flattened maps and
//! untagged enums, objects only, repeated members refused, JSON `null` not taken for
//! absence, borrowing, and agreement with the JSON walk of `#[derive(Validate)]`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use asyncapi_runtime::{FromJson, Keyword, Map, Nullable, Number, Validate, Value};
use serde::Serialize;

fn read<T: for<'de> serde::Deserialize<'de>>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

// ----------------------------------------------------------------------- exactness

#[derive(Debug, FromJson, Serialize)]
struct Exact {
    a: Number,
    #[serde(flatten)]
    rest: Map,
}

/// The same struct read by serde's derive, which buffers what it flattens.
#[derive(Debug, serde::Deserialize, Serialize)]
struct Buffered {
    a: Number,
    #[serde(flatten)]
    rest: Map,
}

const EXACT: &str = r#"{"a":1.0000000000000000001,"x":1e-400,"y":[-0,1.50]}"#;

#[test]
fn numbers_survive_a_flattened_map_byte_for_byte() {
    let exact: Exact = read(EXACT).unwrap();
    assert_eq!(exact.a.to_string(), "1.0000000000000000001");
    assert_eq!(serde_json::to_string(&exact).unwrap(), EXACT);
    // From bytes and from a reader too.
    let from_slice: Exact = serde_json::from_slice(EXACT.as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&from_slice).unwrap(), EXACT);
    let from_reader: Exact = serde_json::from_reader(EXACT.as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&from_reader).unwrap(), EXACT);
    // What FromJson exists for: serde's derive rounds what it buffers.
    let buffered: Buffered = read(EXACT).unwrap();
    assert_ne!(serde_json::to_string(&buffered).unwrap(), EXACT);
}

#[derive(Debug, FromJson, Serialize)]
struct Inner {
    v: Number,
    #[serde(flatten)]
    rest: Map,
}

#[derive(Debug, FromJson, Serialize)]
#[serde(untagged)]
enum Either {
    Flag(bool),
    Number(Number),
    Object(Inner),
    Nothing,
}

#[test]
fn untagged_enums_are_exact() {
    for text in [
        "1.0000000000000000001",
        "1e-400",
        "-0",
        r#"{"v":1e-400,"w":[2.50,{"z":-0.0e0}]}"#,
        "true",
    ] {
        let either: Either = read(text).unwrap();
        assert_eq!(serde_json::to_string(&either).unwrap(), text);
    }
    assert!(
        matches!(read::<Either>("1.50").unwrap(), Either::Number(n) if n.to_string() == "1.50")
    );
    assert!(matches!(
        read::<Either>(r#"{"v": 1}"#).unwrap(),
        Either::Object(_)
    ));
    assert!(matches!(read::<Either>("null").unwrap(), Either::Nothing));
    // From a reader, nothing can be lent, and all is still exact.
    let either: Either = serde_json::from_reader(&br#"{"v":1e-400}"#[..]).unwrap();
    assert_eq!(serde_json::to_string(&either).unwrap(), r#"{"v":1e-400}"#);
}

#[test]
fn no_variant_fits() {
    let error = read::<Either>(r#""text""#).unwrap_err();
    assert!(
        error.starts_with(
            "the value matches none of the 4 variants of untagged enum Either; the first, \
             Flag, says: invalid type: string \"text\", expected a boolean"
        ),
        "{error}"
    );
    // A variant's own refusal counts as not fitting: `v` is required.
    let error = read::<Either>(r#"{"w": 1}"#).unwrap_err();
    assert!(error.contains("none of the 4 variants"), "{error}");
}

// ----------------------------------------------------------------- objects, strictly

#[derive(Debug, PartialEq, FromJson)]
#[serde(rename_all = "camelCase")]
struct Record {
    partition_key: String,
    #[serde(rename = "SeqNo", alias = "seq")]
    sequence_number: u64,
    explicit_hash_key: Option<String>,
    maybe: Option<Nullable<u8>>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default = "seven")]
    weight: u32,
    #[serde(skip)]
    cached: u8,
    r#type: Option<u8>,
}

fn seven() -> u32 {
    7
}

#[test]
fn fields_by_wire_name() {
    let record: Record = read(r#"{"partitionKey": "k", "seq": 5, "other": {"x": [1]}}"#).unwrap();
    assert_eq!(
        record,
        Record {
            partition_key: "k".into(),
            sequence_number: 5,
            explicit_hash_key: None,
            maybe: None,
            tags: Vec::new(),
            weight: 7,
            cached: 0,
            r#type: None,
        }
    );
    let record: Record = read(
        r#"{"partitionKey": "k", "SeqNo": 5, "explicitHashKey": "1", "maybe": null,
            "tags": ["t"], "weight": 1, "type": 3, "cached": 9}"#,
    )
    .unwrap();
    assert_eq!(record.explicit_hash_key.as_deref(), Some("1"));
    assert_eq!(record.maybe, Some(Nullable::Null));
    assert_eq!(
        (record.weight, record.r#type, record.cached),
        (1, Some(3), 0)
    );
}

#[test]
fn null_is_not_absence() {
    let error =
        read::<Record>(r#"{"partitionKey": "k", "seq": 5, "explicitHashKey": null}"#).unwrap_err();
    assert!(
        error.starts_with("invalid type: null, expected a string"),
        "{error}"
    );
    let record: Record = read(r#"{"partitionKey": "k", "seq": 5, "maybe": 4}"#).unwrap();
    assert_eq!(record.maybe, Some(Nullable::Value(4)));
}

#[test]
fn required_properties() {
    let error = read::<Record>(r#"{"seq": 5}"#).unwrap_err();
    assert!(
        error.starts_with(r#"missing required property "partitionKey""#),
        "{error}"
    );
    let error = read::<Record>(r#"{"partitionKey": "k"}"#).unwrap_err();
    assert!(
        error.starts_with(r#"missing required property "SeqNo""#),
        "{error}"
    );
}

#[test]
fn objects_only() {
    for text in [r#"["k", 5]"#, "[]", r#""k""#, "5", "null", "true"] {
        let error = read::<Record>(text).unwrap_err();
        assert!(error.contains("expected an object"), "{text}: {error}");
        assert!(read::<Exact>(text).is_err(), "{text}");
    }
    // serde's derive reads a struct from an array, field by field.
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Lenient {
        a: u8,
    }
    assert!(read::<Lenient>("[1]").is_ok());
}

#[test]
fn repeated_members_are_refused_at_every_level() {
    for (text, key) in [
        (
            r#"{"partitionKey": "k", "seq": 5, "partitionKey": "j"}"#,
            "partitionKey",
        ),
        // An alias and the name it stands for are one property.
        (r#"{"partitionKey": "k", "seq": 5, "SeqNo": 6}"#, "SeqNo"),
        // Members no field names, skipped or kept.
        (r#"{"partitionKey": "k", "seq": 5, "x": 1, "x": 2}"#, "x"),
    ] {
        let error = read::<Record>(text).unwrap_err();
        assert!(
            error.starts_with(&format!("duplicate key {key:?}")),
            "{text}: {error}"
        );
    }
    let error = read::<Exact>(r#"{"a": 1, "x": 1, "x": 2}"#).unwrap_err();
    assert!(error.starts_with(r#"duplicate key "x""#), "{error}");
    // Inside kept values, inside untagged variants, inside nested structs.
    assert!(read::<Exact>(r#"{"a": 1, "x": {"y": 1, "y": 2}}"#).is_err());
    assert!(read::<Either>(r#"{"v": 1, "v": 2}"#).is_err());
    #[derive(Debug, FromJson)]
    #[allow(dead_code)]
    struct Outer {
        records: Vec<Exact>,
    }
    let error = read::<Outer>(r#"{"records": [{"a": 1}, {"a": 1, "b": 2, "b": 3}]}"#).unwrap_err();
    assert!(error.starts_with(r#"duplicate key "b""#), "{error}");
    // Many unknown members, each once, are fine; a repeat among many is not.
    let many: String = (0..100).map(|i| format!(r#""k{i}": {i}, "#)).collect();
    assert!(read::<Record>(&format!(r#"{{{many}"partitionKey": "k", "seq": 5}}"#)).is_ok());
    assert!(read::<Record>(&format!(
        r#"{{{many}"k50": 0, "partitionKey": "k", "seq": 5}}"#
    ))
    .is_err());
}

#[derive(Debug, FromJson)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Strict {
    a: u8,
}

#[test]
fn deny_unknown_fields() {
    assert!(read::<Strict>(r#"{"a": 1}"#).is_ok());
    let error = read::<Strict>(r#"{"a": 1, "b": 2}"#).unwrap_err();
    assert!(
        error.starts_with(r#"property "b" is not allowed"#),
        "{error}"
    );
}

#[derive(Debug, PartialEq, FromJson, Validate)]
struct Closed {
    #[validate(maximum = 3)]
    a: u8,
    #[serde(flatten)]
    rest: Map<asyncapi_runtime::Forbidden>,
}

#[derive(Debug, PartialEq, FromJson)]
struct ClosedBTree {
    a: u8,
    #[serde(flatten)]
    rest: BTreeMap<String, asyncapi_runtime::Forbidden>,
}

#[derive(Debug, PartialEq, FromJson)]
struct Typed {
    #[serde(flatten)]
    rest: std::collections::HashMap<String, u8>,
}

#[test]
fn extras_of_every_kind() {
    assert_eq!(read::<Closed>(r#"{"a": 1}"#).unwrap().a, 1);
    assert!(read::<Closed>(r#"{"a": 1, "b": null}"#)
        .unwrap_err()
        .contains("additionalProperties is false"));
    // The walk reports each other member, and only those.
    assert!(walk::<Closed>(r#"{"a": 1}"#).is_empty());
    assert_eq!(
        walk::<Closed>(r#"{"a": 5, "b": 2, "c": null}"#),
        [
            ("/a".to_string(), Keyword::Maximum),
            ("/b".to_string(), Keyword::AdditionalProperties),
            ("/c".to_string(), Keyword::AdditionalProperties)
        ]
    );
    assert!(read::<ClosedBTree>(r#"{"a": 1, "b": 2}"#).is_err());
    assert!(read::<ClosedBTree>("[1]").is_err());
    let typed: Typed = read(r#"{"x": 1, "y": 2}"#).unwrap();
    assert_eq!(typed.rest.len(), 2);
    assert!(read::<Typed>(r#"{"x": "one"}"#).is_err());
    assert!(read::<Typed>(r#"{"x": 1, "x": 1}"#).is_err());
    // Members keep their order.
    let exact: Exact = read(r#"{"z": 1, "a": 2, "b": 3, "c": 4}"#).unwrap();
    assert_eq!(exact.rest.keys().collect::<Vec<_>>(), ["z", "b", "c"]);
}

#[derive(Debug, PartialEq, Default, FromJson)]
#[serde(default)]
struct Defaults {
    a: u8,
    b: Option<u8>,
    #[serde(skip)]
    c: String,
}

#[test]
fn container_default() {
    assert_eq!(read::<Defaults>("{}").unwrap(), Defaults::default());
    assert_eq!(read::<Defaults>(r#"{"a": 2}"#).unwrap().a, 2);
}

// -------------------------------------------------------------- newtypes, generics

#[derive(Debug, PartialEq, FromJson, Serialize)]
struct Key(String);

#[derive(Debug, PartialEq, FromJson)]
#[serde(transparent)]
struct Wrapper {
    value: Number,
    #[serde(skip)]
    seen: bool,
}

#[derive(Debug, PartialEq, FromJson)]
struct Generic<T> {
    value: T,
    #[serde(default)]
    more: Vec<T>,
}

#[test]
fn newtypes_and_generics() {
    assert_eq!(read::<Key>(r#""k""#).unwrap(), Key("k".into()));
    assert!(read::<Key>("1").is_err());
    let wrapper: Wrapper = read("1.50").unwrap();
    assert_eq!(wrapper.value.to_string(), "1.50");
    assert!(!wrapper.seen);
    let generic: Generic<Key> = read(r#"{"value": "a", "more": ["b"]}"#).unwrap();
    assert_eq!(generic.more, [Key("b".into())]);
    let generic: Generic<Value> = read(r#"{"value": [1e-400]}"#).unwrap();
    assert_eq!(generic.value.to_string(), "[1e-400]");
}

// ----------------------------------------------------------------------- borrowing

#[derive(Debug, FromJson)]
struct Lent<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow)]
    note: Option<Cow<'a, str>>,
    #[serde(
        borrow,
        default,
        deserialize_with = "asyncapi_runtime::__private::borrowed::non_null"
    )]
    list: Option<Vec<Cow<'a, str>>>,
    raw: &'a str,
    #[serde(borrow)]
    data: asyncapi_runtime::Base64Ref<'a>,
}

#[derive(Debug, FromJson)]
#[serde(untagged)]
enum LentEither<'a> {
    Record(#[serde(borrow)] Lent<'a>),
    Text(#[serde(borrow)] Cow<'a, str>),
}

#[allow(clippy::ptr_arg)] // the variant is what is looked at
fn borrowed(cow: &Cow<'_, str>) -> bool {
    matches!(cow, Cow::Borrowed(_))
}

#[test]
fn borrowed_fields_borrow() {
    let text = r#"{"name": "n", "note": "o", "list": ["a", "b\n"], "raw": "r", "data": "AA=="}"#;
    let lent: Lent = serde_json::from_str(text).unwrap();
    assert!(borrowed(&lent.name));
    assert!(lent.note.as_ref().is_some_and(borrowed));
    let list = lent.list.unwrap();
    assert!(borrowed(&list[0]) && !borrowed(&list[1]));
    assert_eq!(lent.raw, "r");
    assert!(borrowed(lent.data.as_cow()));
    // Through an untagged enum the text is lent as well.
    let LentEither::Record(lent) = serde_json::from_str(text).unwrap() else {
        panic!("an object is a record")
    };
    assert!(borrowed(&lent.name));
    let LentEither::Text(t) = serde_json::from_str::<LentEither>(r#""plain""#).unwrap() else {
        panic!("a string is text")
    };
    assert!(borrowed(&t));
    // `null` for a borrowed `Option` is refused as for any other.
    assert!(
        serde_json::from_str::<Lent>(r#"{"name": "n", "note": null, "raw": "", "data": ""}"#)
            .is_err()
    );
}

// ---------------------------------------------------------------- other deserializers

#[test]
fn from_serde_json_values() {
    let json = serde_json::json!({"partitionKey": "k", "seq": 5, "tags": ["a"]});
    let record: Record = serde_json::from_value(json).unwrap();
    assert_eq!(record.tags, ["a"]);
    let either: Either = serde_json::from_value(serde_json::json!({"v": 2.5, "x": true})).unwrap();
    assert_eq!(
        serde_json::to_string(&either).unwrap(),
        r#"{"v":2.5,"x":true}"#
    );
    assert!(serde_json::from_value::<Record>(serde_json::json!(["k", 5])).is_err());
    // Inside a type read by serde's derive, which buffers it.
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Outer {
        Record(Record),
    }
    let Outer::Record(record) =
        serde_json::from_str::<Outer>(r#"{"partitionKey": "k", "seq": 5}"#).unwrap();
    assert_eq!(record.partition_key, "k");
}

// ------------------------------------------------------- the walk agrees with the read

#[derive(Debug, FromJson, Validate)]
struct Checked {
    #[validate(max_length = 3)]
    name: Option<String>,
    maybe: Option<Nullable<u8>>,
    #[validate(minimum = "0.1", maximum = "972783798187987123879878123.18878137")]
    amount: Number,
    #[serde(flatten)]
    rest: Map,
}

/// The same shape read by serde's derive, which reads `null` as `None`.
#[derive(Debug, serde::Deserialize, Validate)]
#[allow(dead_code)]
struct CheckedBySerde {
    name: Option<String>,
}

fn walk<T: asyncapi_runtime::ValidateJson>(text: &str) -> Vec<(String, Keyword)> {
    let json = asyncapi_runtime::parse_json(text.as_bytes()).unwrap();
    match asyncapi_runtime::validate_json::<T>(&json) {
        Ok(()) => Vec::new(),
        Err(violations) => violations
            .into_iter()
            .map(|v| (v.pointer, v.keyword))
            .collect(),
    }
}

#[test]
fn the_walk_follows_the_derive_that_reads() {
    let null_name = r#"{"name": null, "amount": 1}"#;
    assert_eq!(
        walk::<Checked>(null_name),
        [("/name".to_string(), Keyword::Type)]
    );
    assert!(read::<Checked>(null_name).is_err());
    assert!(walk::<CheckedBySerde>(r#"{"name": null}"#).is_empty());
    assert!(read::<CheckedBySerde>(r#"{"name": null}"#).is_ok());
    assert!(walk::<Checked>(r#"{"maybe": null, "amount": 1}"#).is_empty());
    // from_slice reports the walk's findings when the read refuses the payload.
    let error = asyncapi_runtime::from_str::<Checked>(null_name).unwrap_err();
    assert_eq!(error.violations()[0].pointer, "/name");
    assert_eq!(error.violations()[0].keyword, Keyword::Type);
}

#[test]
fn exact_bounds() {
    let ok = r#"{"amount": 972783798187987123879878123.18878137, "extra": 1e-400}"#;
    let checked = asyncapi_runtime::from_str::<Checked>(ok).unwrap();
    assert_eq!(checked.rest["extra"].to_string(), "1e-400");
    let above = r#"{"amount": 972783798187987123879878123.188781370001}"#;
    let error = asyncapi_runtime::from_str::<Checked>(above).unwrap_err();
    let violation = &error.violations()[0];
    assert_eq!(
        (violation.pointer.as_str(), violation.keyword),
        ("/amount", Keyword::Maximum)
    );
    assert_eq!(
        violation.message,
        "9.72783798187987123879878123188781370001e26 is greater than maximum \
         9.7278379818798712387987812318878137e26"
    );
    let below = r#"{"amount": 0.0999999999999999999999}"#;
    let error = asyncapi_runtime::from_str::<Checked>(below).unwrap_err();
    assert_eq!(error.violations()[0].keyword, Keyword::Minimum);
    assert!(asyncapi_runtime::from_str::<Checked>(r#"{"amount": 0.1}"#).is_ok());
}

// ------------------------------------------------------------------------- hygiene

/// Types written by a `macro_rules!` macro, the derives named by its caller: the fields'
/// tokens carry the macro's hygiene, the derives' call site the caller's, and neither
/// may hide the expansion's own local names from the other.
macro_rules! made_by_a_macro {
    ($name:ident, $ty:ty, $($derive:path),*) => {
        #[derive(Debug, $($derive),*)]
        struct $name {
            #[validate(maximum = 3, extra_schema(EVEN, 0))]
            value: $ty,
            #[validate(max_length = 2)]
            name: Option<String>,
            #[serde(flatten)]
            rest: Map,
        }
    };
}

static EVEN: asyncapi_runtime::LazySchema =
    asyncapi_runtime::LazySchema::new(r#"{"multipleOf": 2}"#, &[""]);

made_by_a_macro!(FromMacro, u8, FromJson, Validate);

#[test]
fn types_written_by_macros() {
    let value: FromMacro = read(r#"{"value": 5, "name": "abc", "x": 1}"#).unwrap();
    assert_eq!(
        value
            .validate()
            .unwrap_err()
            .iter()
            .map(|v| (v.pointer.as_str(), v.keyword))
            .collect::<Vec<_>>(),
        [
            ("/value", Keyword::Maximum),
            ("/value", Keyword::MultipleOf),
            ("/name", Keyword::MaxLength)
        ]
    );
    assert_eq!(value.rest.len(), 1);
}
