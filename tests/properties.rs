//! Property tests of every message's payload type, with strategies derived at test time
//! from the constraints the document states (read from `spec/`, not written here again):
//!
//! - arbitrary values that satisfy the constraints parse, validate, serialise back to an
//!   equal JSON value, and parse again to an equal Rust value; the `jsonschema` crate
//!   agrees they are valid (so the strategies are right, not just our validators);
//! - arbitrary valid values with exactly one constraint broken are refused with exactly
//!   that constraint's pointer and keyword.
//!
//! The runner is deterministic (the same cases every run); `PROPTEST_CASES=100000` runs
//! more.

#[path = "conformance/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use kinesis_types::MessageSet;
use std::collections::BTreeSet;

use kinesis_types::{
    json_eq, Keyword, KinesisRecord, LambdaKinesisEvent, MessageName, SubscribeToShardEvent,
    ValidateJson,
};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::{BoxedStrategy, Strategy};
use proptest::test_runner::{Config, TestCaseError, TestRng, TestRunner};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// ECMA-262 WhiteSpace and LineTerminator (12.2, 12.3), as a class body.
const ECMA_SPACE: &str =
    r"\t\n\x0B\x0C\r \xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";

/// Translates the ECMA-262 constructs of a `pattern` whose meaning differs in the
/// `regex`-crate dialect (`\d`, `\D`, `\s`, `\S`, `\w`, `\W`, `.`); written here,
/// independently of the library's translation, for generating and checking test data.
fn ecma_to_regex(pattern: &str) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let escaped = chars.next().expect("a complete escape");
                let (outside, inside) = match escaped {
                    'd' => ("[0-9]".to_string(), "0-9".to_string()),
                    'D' => ("[^0-9]".to_string(), String::new()),
                    's' => (format!("[{ECMA_SPACE}]"), ECMA_SPACE.to_string()),
                    'S' => (format!("[^{ECMA_SPACE}]"), String::new()),
                    'w' => ("[A-Za-z0-9_]".to_string(), "A-Za-z0-9_".to_string()),
                    'W' => ("[^A-Za-z0-9_]".to_string(), String::new()),
                    other => (format!("\\{other}"), format!("\\{other}")),
                };
                if in_class {
                    assert!(
                        !inside.is_empty(),
                        "\\{escaped} inside a class is not handled here"
                    );
                    out.push_str(&inside);
                } else {
                    out.push_str(&outside);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            '.' if !in_class => out.push_str(r"[^\n\r\x{2028}\x{2029}]"),
            '(' if chars.peek() == Some(&'?') => panic!("group syntax (?...) is not handled here"),
            other => out.push(other),
        }
    }
    out
}

/// Whether `text` contains a match of the ECMA-262 `pattern` (JSON Schema: unanchored).
fn ecma_matches(pattern: &str, text: &str) -> bool {
    thread_local! {
        static COMPILED: std::cell::RefCell<std::collections::HashMap<String, regex::Regex>> =
            Default::default();
    }
    COMPILED.with(|compiled| {
        compiled
            .borrow_mut()
            .entry(pattern.to_string())
            .or_insert_with(|| {
                regex::Regex::new(&ecma_to_regex(pattern)).expect("the translated pattern compiles")
            })
            .is_match(text)
    })
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    corpus::resolve(root, schema, "").0
}

fn type_of(schema: &Value) -> Option<&str> {
    schema.get("type").and_then(Value::as_str)
}

/// Whether `value` is of JSON Schema type `name`.
fn is_of_type(value: &Value, name: &str) -> bool {
    match name {
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => true,
    }
}

/// The keywords of `schema` (an `enum` or `const` one, `keyword`) that `new` fails:
/// the keyword itself, and `type` when `new` is not of the schema's type.
fn fails_choice(
    schema: &Value,
    keyword: &'static str,
    pointer: &str,
    new: &Value,
) -> BTreeSet<(String, &'static str)> {
    let mut expected = BTreeSet::from([(pointer.to_string(), keyword)]);
    if type_of(schema).is_some_and(|t| !is_of_type(new, t)) {
        expected.insert((pointer.to_string(), "type"));
    }
    expected
}

/// Any small JSON value, for properties the schema does not list.
fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("\\PC{0,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Strings of `min..=max` characters from the whole of Unicode, reaching `max` itself
/// when it is small enough.
fn any_string(min: usize, max: usize) -> BoxedStrategy<String> {
    let short = prop::collection::vec(any::<char>(), min..=max.min(min + 40))
        .prop_map(|v| v.into_iter().collect::<String>());
    if max <= 4096 && max > min + 40 {
        let at_max = prop::collection::vec(any::<char>(), max..=max)
            .prop_map(|v| v.into_iter().collect::<String>());
        prop_oneof![4 => short, 1 => at_max].boxed()
    } else {
        short.boxed()
    }
}

/// Values the schema accepts.
fn valid(root: &Value, schema: &Value) -> BoxedStrategy<Value> {
    let schema = resolve(root, schema);
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return prop::sample::select(values.clone()).boxed();
    }
    if let Some(value) = schema.get("const") {
        return Just(value.clone()).boxed();
    }
    match type_of(schema) {
        Some("object") => object(root, schema),
        Some("array") => {
            let items = match schema.get("items") {
                Some(items) => valid(root, items),
                None => any_json(),
            };
            prop::collection::vec(items, 0..4)
                .prop_map(Value::Array)
                .boxed()
        }
        Some("string") => string(schema),
        Some("number") => prop_oneof![
            any::<f64>().prop_filter("finite", |f| f.is_finite()),
            (0u64..4_000_000_000_000).prop_map(|ms| ms as f64 / 1000.0),
        ]
        .prop_map(Value::from)
        .boxed(),
        Some("integer") => {
            let minimum = schema.get("minimum").and_then(Value::as_f64);
            let low = minimum.map_or(i64::MIN, |m| m.ceil() as i64);
            prop_oneof![
                (low..=i64::MAX).prop_map(Value::from),
                any::<u64>()
                    .prop_filter("above the minimum", move |n| *n as f64 >= low as f64)
                    .prop_map(Value::from),
                // Integers written as floats are integers (5.0), up to 1e308.
                (0u32..1000, -300i32..300)
                    .prop_map(|(m, e)| (m as f64 * 10f64.powi(e)).trunc())
                    .prop_filter("finite, above the minimum", move |f| {
                        f.is_finite() && *f >= low as f64
                    })
                    .prop_map(Value::from),
            ]
            .boxed()
        }
        Some("boolean") => any::<bool>().prop_map(Value::from).boxed(),
        _ => any_json(),
    }
}

fn string(schema: &Value) -> BoxedStrategy<Value> {
    let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
    let max = schema
        .get("maxLength")
        .and_then(Value::as_u64)
        .map_or(usize::MAX, |m| m as usize);
    if schema.get("format").and_then(Value::as_str) == Some("byte") {
        return prop::collection::vec(any::<u8>(), 0..64)
            .prop_map(|bytes| Value::from(base64(&bytes)))
            .prop_filter("length", move |v| {
                (min..=max).contains(&v.as_str().map_or(0, |s| s.chars().count()))
            })
            .boxed();
    }
    match schema.get("pattern").and_then(Value::as_str) {
        Some(pattern) => {
            // A match anywhere: arbitrary text around a string of the pattern.
            let core = proptest::string::string_regex(&ecma_to_regex(pattern))
                .expect("proptest reads the translated pattern");
            let pattern = pattern.to_string();
            ("\\PC{0,6}", core, "\\PC{0,6}")
                .prop_map(|(before, core, after)| format!("{before}{core}{after}"))
                .prop_filter("length bounds and a match", move |s| {
                    (min..=max).contains(&s.chars().count()) && ecma_matches(&pattern, s)
                })
                .prop_map(Value::from)
                .boxed()
        }
        None => any_string(min, max.min(min + 4096))
            .prop_map(Value::from)
            .boxed(),
    }
}

fn object(root: &Value, schema: &Value) -> BoxedStrategy<Value> {
    let required: Vec<String> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let properties = schema
        .get("properties")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let listed: Vec<String> = properties.keys().cloned().collect();
    let mut parts: Vec<BoxedStrategy<Option<(String, Value)>>> = Vec::new();
    for (name, sub) in &properties {
        let name = name.clone();
        let value = valid(root, sub);
        parts.push(if required.contains(&name) {
            value.prop_map(move |v| Some((name.clone(), v))).boxed()
        } else {
            prop::option::of(value)
                .prop_map(move |v| v.map(|v| (name.clone(), v)))
                .boxed()
        });
    }
    let extras = prop::collection::vec(("\\PC{0,10}", any_json()), 0..3);
    (parts, extras)
        .prop_map(move |(parts, extras)| {
            let mut map = Map::new();
            for (name, value) in parts.into_iter().flatten() {
                map.insert(name, value);
            }
            for (name, value) in extras {
                if !listed.contains(&name) {
                    map.insert(name, value);
                }
            }
            Value::Object(map)
        })
        .boxed()
}

/// One way to break one constraint, and what must be reported for it.
#[derive(Debug, Clone)]
struct Broken {
    what: String,
    value: Value,
    expected: BTreeSet<(String, &'static str)>,
}

/// Random material for breaking values.
#[derive(Debug, Clone)]
struct Material {
    pick: Index,
    text: String,
    pad: usize,
    below: u32,
}

fn material() -> impl Strategy<Value = Material> {
    (
        any::<Index>(),
        // No ASCII letter or digit and none of `_.-`: matches none of the patterns.
        "[^A-Za-z0-9_.\\-]{1,16}",
        1usize..20,
        1u32..1_000_000,
    )
        .prop_map(|(pick, text, pad, below)| Material {
            pick,
            text,
            pad,
            below,
        })
}

/// (what, where, the value put there, the (pointer, keyword) pairs expected).
type Break = (String, String, Value, BTreeSet<(String, &'static str)>);

/// Every single-constraint break of `value` (valid for `schema`) at `pointer`.
fn breaks(
    root: &Value,
    schema: &Value,
    value: &Value,
    pointer: &str,
    m: &Material,
    out: &mut Vec<Break>,
) {
    let schema = resolve(root, schema);
    let one = |keyword: &'static str| BTreeSet::from([(pointer.to_string(), keyword)]);
    let mut replace = |what: &str, new: Value, expected: BTreeSet<(String, &'static str)>| {
        out.push((what.to_string(), pointer.to_string(), new, expected));
    };
    let allowed = schema
        .get("enum")
        .map(|_| "enum")
        .or(schema.get("const").map(|_| "const"));
    if let Some(keyword) = allowed {
        let text = value.as_str().unwrap_or_default();
        for (what, new) in [
            ("a near miss", json!(format!("{text} "))),
            ("a different case", json!(text.to_lowercase() + "\u{0}")),
            ("a number", json!(m.below)),
            ("null", Value::Null),
        ] {
            let expected = fails_choice(schema, keyword, pointer, &new);
            replace(what, new, expected);
        }
        return;
    }
    match (type_of(schema), value) {
        (Some("string"), Value::String(text)) => {
            replace("a number", json!(m.below), one("type"));
            replace("null", Value::Null, one("type"));
            let pattern = schema.get("pattern").and_then(Value::as_str);
            let with_pattern = |s: &str, keyword: &'static str| {
                let mut expected = one(keyword);
                if pattern.is_some_and(|p| !ecma_matches(p, s)) {
                    expected.insert((pointer.to_string(), "pattern"));
                }
                expected
            };
            let count = text.chars().count();
            if let Some(max) = schema.get("maxLength").and_then(Value::as_u64) {
                let max = max as usize;
                if max <= 4096 {
                    let longer =
                        format!("{text}{}", "\u{1f680}".repeat(max + m.pad - count.min(max)));
                    replace(
                        "one character too many",
                        json!(longer),
                        with_pattern(&longer, "maxLength"),
                    );
                }
            }
            if let Some(min) = schema
                .get("minLength")
                .and_then(Value::as_u64)
                .filter(|m| *m > 0)
            {
                let shorter: String = text.chars().take(min as usize - 1).collect();
                replace(
                    "too short",
                    json!(shorter),
                    with_pattern(&shorter, "minLength"),
                );
            }
            if let Some(pattern) = pattern {
                let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
                let max = schema
                    .get("maxLength")
                    .and_then(Value::as_u64)
                    .unwrap_or(u64::MAX) as usize;
                let n = m.text.chars().count();
                if !ecma_matches(pattern, &m.text) && (min..=max).contains(&n) {
                    replace("no match of the pattern", json!(m.text), one("pattern"));
                }
            }
            if schema.get("format").and_then(Value::as_str) == Some("byte") {
                let malformed = match text.len() {
                    0 => "A".to_string(),
                    _ => text[..text.len() - 1].to_string(),
                };
                replace("malformed base64", json!(malformed), one("format"));
                replace(
                    "base64 with a space",
                    json!(format!(" {text}")),
                    one("format"),
                );
            }
        }
        (Some("number"), _) => {
            replace("a string", json!("1"), one("type"));
            replace("null", Value::Null, one("type"));
        }
        (Some("integer"), _) => {
            let minimum = schema.get("minimum").and_then(Value::as_f64);
            let base = minimum.unwrap_or(0.0);
            replace(
                "a fraction",
                json!(base + m.below as f64 + 0.5),
                one("type"),
            );
            replace("a string", json!("5"), one("type"));
            if let Some(minimum) = minimum {
                replace(
                    "below the minimum",
                    json!(minimum as i64 - m.below as i64),
                    one("minimum"),
                );
                replace(
                    "below the minimum, as a float",
                    json!(minimum - m.below as f64),
                    one("minimum"),
                );
            }
        }
        (Some("array"), Value::Array(items)) => {
            replace("an object", json!({}), one("type"));
            replace("null", Value::Null, one("type"));
            if let Some(item_schema) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    breaks(root, item_schema, item, &format!("{pointer}/{i}"), m, out);
                }
            }
        }
        (Some("object"), Value::Object(map)) => {
            replace("an array", json!([]), one("type"));
            replace("a string", json!("s"), one("type"));
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let properties = schema.get("properties").and_then(Value::as_object);
            for (name, child) in map {
                let child_pointer = format!("{pointer}/{}", corpus::escape(name));
                if required.contains(&name.as_str()) {
                    let mut without = map.clone();
                    without.remove(name);
                    out.push((
                        format!("without {name}"),
                        pointer.to_string(),
                        Value::Object(without),
                        one("required"),
                    ));
                }
                if let Some(sub) = properties.and_then(|p| p.get(name)) {
                    let sub_resolved = resolve(root, sub);
                    if !required.contains(&name.as_str()) {
                        // null is not absence.
                        let expected = if sub_resolved.get("enum").is_some() {
                            fails_choice(sub_resolved, "enum", &child_pointer, &Value::Null)
                        } else if sub_resolved.get("const").is_some() {
                            fails_choice(sub_resolved, "const", &child_pointer, &Value::Null)
                        } else {
                            BTreeSet::from([(child_pointer.clone(), "type")])
                        };
                        out.push((
                            format!("{name} null"),
                            child_pointer.clone(),
                            Value::Null,
                            expected,
                        ));
                    }
                    breaks(root, sub, child, &child_pointer, m, out);
                }
            }
        }
        _ => {}
    }
}

/// A valid value with one constraint broken, chosen by `m.pick`.
fn break_one(root: &Value, schema: &Value, value: &Value, m: &Material) -> Option<Broken> {
    let mut all = Vec::new();
    breaks(root, schema, value, "", m, &mut all);
    if all.is_empty() {
        return None;
    }
    let (what, pointer, new, expected) = all.swap_remove(m.pick.index(all.len()));
    let mut broken = value.clone();
    *broken.pointer_mut(&pointer)? = new;
    Some(Broken {
        what: format!("{pointer:?}: {what}"),
        value: broken,
        expected,
    })
}

fn runner() -> TestRunner {
    let config = Config::default();
    let rng = TestRng::deterministic_rng(config.rng_algorithm);
    TestRunner::new_with_rng(config, rng)
}

fn violations<T: ValidateJson>(bytes: &[u8]) -> BTreeSet<(String, &'static str)> {
    match kinesis_types::from_slice::<T>(bytes) {
        Ok(_) => BTreeSet::new(),
        Err(error) => error
            .violations()
            .into_iter()
            .map(|v| (v.pointer, v.keyword.as_str()))
            .collect(),
    }
}

fn properties<T>(message: MessageName)
where
    T: ValidateJson + DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let doc = corpus::document();
    let root = corpus::oracle_schema(&doc, message.name());
    let oracle = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .build(&root)
        .expect("compiles");

    // Valid values: parse, validate, round trip.
    let strategy = valid(&root, &root);
    runner()
        .run(&strategy, |value| {
            prop_assert!(
                oracle.is_valid(&value),
                "the strategy made an invalid value: {value}"
            );
            let bytes = serde_json::to_vec(&value).expect("serialises");
            let parsed: T = kinesis_types::from_slice(&bytes)
                .map_err(|e| TestCaseError::fail(format!("refused a valid value: {e}\n{value}")))?;
            prop_assert!(kinesis_types::validate_json::<T>(&value).is_ok());
            let back = serde_json::to_value(&parsed).expect("serialises");
            prop_assert!(
                json_eq(&value, &back),
                "round trip changed\n  in:  {value}\n  out: {back}"
            );
            let again: T = kinesis_types::from_value(&back)
                .map_err(|e| TestCaseError::fail(format!("refused its own output: {e}\n{back}")))?;
            prop_assert_eq!(&again, &parsed);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{message}: {e}"));

    // One constraint broken: exactly that pointer and keyword.
    let strategy = (valid(&root, &root), material());
    let broken_keywords = std::cell::RefCell::new(BTreeSet::new());
    runner()
        .run(&strategy, |(value, m)| {
            let Some(broken) = break_one(&root, &root, &value, &m) else {
                return Ok(());
            };
            broken_keywords
                .borrow_mut()
                .extend(broken.expected.iter().map(|(_, k)| *k));
            let got = violations::<T>(&serde_json::to_vec(&broken.value).expect("serialises"));
            prop_assert_eq!(
                &got,
                &broken.expected,
                "{} in {}",
                broken.what,
                corpus::short(&broken.value.to_string())
            );
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{message}: {e}"));
    // Every kind of constraint the schema states was broken at least once.
    let mut stated = BTreeSet::from(["type", "required"]);
    keywords_of(&root, &root, &mut stated, &mut Vec::new());
    let broken_keywords = broken_keywords.into_inner();
    assert!(
        stated.is_subset(&broken_keywords),
        "{message}: constraints never broken: {:?}",
        stated.difference(&broken_keywords).collect::<Vec<_>>()
    );
}

/// The validation keywords used by `schema` and the schemas it reaches.
fn keywords_of<'a>(
    root: &'a Value,
    schema: &'a Value,
    out: &mut BTreeSet<&'static str>,
    seen: &mut Vec<*const Value>,
) {
    let schema = resolve(root, schema);
    if seen.contains(&(schema as *const Value)) {
        return;
    }
    seen.push(schema);
    for keyword in [
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "enum",
        "const",
    ] {
        if schema.get(keyword).is_some() {
            out.insert(keyword);
        }
    }
    if schema.get("format").and_then(Value::as_str) == Some("byte") {
        out.insert("format");
    }
    if let Some(items) = schema.get("items") {
        keywords_of(root, items, out, seen);
    }
    for sub in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|p| p.values())
    {
        keywords_of(root, sub, out, seen);
    }
}

#[test]
fn kinesis_record_properties() {
    properties::<KinesisRecord>(MessageName::KinesisRecord);
}

#[test]
fn subscribe_to_shard_event_properties() {
    properties::<SubscribeToShardEvent>(MessageName::SubscribeToShardEvent);
}

#[test]
fn lambda_kinesis_event_properties() {
    properties::<LambdaKinesisEvent>(MessageName::LambdaKinesisEvent);
}

#[test]
fn the_test_side_helpers_are_right() {
    assert_eq!(base64(b""), "");
    assert_eq!(base64(b"A"), "QQ==");
    assert_eq!(base64(b"AB"), "QUI=");
    assert_eq!(base64(b"ABC"), "QUJD");
    assert_eq!(base64(b"Hello, World!"), "SGVsbG8sIFdvcmxkIQ==");
    for bytes in [&b""[..], b"A", b"AB", b"ABC", b"\xff\xfe\xfd\xfc"] {
        assert!(corpus::is_canonical_base64(&base64(bytes)));
    }
    let arn = r"arn:aws.*:kinesis:.*:\d{12}:stream/\S+";
    assert!(ecma_matches(
        arn,
        "arn:aws:kinesis:us-east-1:123456789012:stream/s"
    ));
    assert!(!ecma_matches(
        arn,
        "arn:aws:kinesis:us-east-1:12345678901\u{663}:stream/s"
    ));
    assert!(!ecma_matches(
        arn,
        "arn:aws:kinesis:us-east-1:123456789012:stream/\u{feff}"
    ));
    assert!(ecma_matches(
        arn,
        "arn:aws:kinesis:us-east-1:123456789012:stream/\u{85}"
    ));
    assert!(!ecma_matches(
        arn,
        "arn:aws\r:kinesis:us-east-1:123456789012:stream/s"
    ));
    assert!(ecma_matches("[a-zA-Z0-9_.-]+", "!.!"));
    assert!(!ecma_matches(r"0|([1-9]\d{0,128})", "\u{ff13}"));
    let _ = Keyword::Type; // the keywords compared above are `Keyword::as_str` names
}
