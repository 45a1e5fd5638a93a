//! Nothing a user can feed in makes the code panic: arbitrary bytes, arbitrary JSON,
//! corrupted copies of the document's examples, deep nesting, odd encodings, large
//! inputs. Every refusal is a typed error with a readable message.
//!
//! For longer runs: `PROPTEST_CASES=1000000 cargo test --release --test robustness`, or
//! the cargo-fuzz target in `fuzz/` (see its README section).

#[path = "conformance/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use kinesis_types::MessageSet;
use std::collections::BTreeSet;

use kinesis_types::{
    Error, Keyword, KinesisRecord, LambdaKinesisEvent, MessageName, SubscribeToShardEvent,
    ValidateJson,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRng, TestRunner};
use serde_json::{json, Value};

fn runner(cases: u32) -> TestRunner {
    let config = Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        ..Config::default()
    };
    let rng = TestRng::deterministic_rng(config.rng_algorithm);
    TestRunner::new_with_rng(config, rng)
}

/// What `from_slice::<T>` says, as (pointer, keyword) pairs; checks the error is
/// readable on the way.
fn verdict<T: ValidateJson>(bytes: &[u8]) -> Result<(), BTreeSet<(String, &'static str)>> {
    match kinesis_types::from_slice::<T>(bytes) {
        Ok(_) => Ok(()),
        Err(error) => {
            let message = error.to_string();
            assert!(!message.is_empty());
            let violations = error.violations();
            assert!(
                !violations.is_empty(),
                "an error with no violation: {message}"
            );
            for v in &violations {
                assert!(!v.message.is_empty(), "{v:?}");
                assert!(v.pointer.is_empty() || v.pointer.starts_with('/'), "{v:?}");
            }
            Err(violations
                .into_iter()
                .map(|v| (v.pointer, v.keyword.as_str()))
                .collect())
        }
    }
}

/// Every message, and every way in: bytes, text, a `Value`, the JSON walk, and the
/// message registry. Where the bytes are JSON, the ways agree.
fn everything(bytes: &[u8]) {
    check::<KinesisRecord>(bytes);
    check::<SubscribeToShardEvent>(bytes);
    check::<LambdaKinesisEvent>(bytes);
    for message in MessageName::ALL {
        let _ = message.parse(bytes).map_err(|e| e.to_string());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        same_from_text::<KinesisRecord>(text);
        same_from_text::<SubscribeToShardEvent>(text);
        same_from_text::<LambdaKinesisEvent>(text);
        // The zero-copy twins: the text and byte entry points agree too.
        let lent = |r: Result<kinesis_types::borrowed::KinesisRecord<'_>, Error>| {
            r.map(|record| record.into_owned())
                .map_err(|e| e.to_string())
        };
        assert_eq!(
            lent(kinesis_types::from_str_borrowed(text)),
            lent(kinesis_types::from_slice_borrowed(bytes)),
            "{text:?}"
        );
    }
}

/// `from_str` (which trusts the text's UTF-8) and `from_slice` (which checks it) give
/// the same value or the same error.
fn same_from_text<T: ValidateJson + PartialEq + std::fmt::Debug>(text: &str) {
    let verdict = |r: Result<T, Error>| r.map_err(|e| e.to_string());
    assert_eq!(
        verdict(kinesis_types::from_str::<T>(text)),
        verdict(kinesis_types::from_slice::<T>(text.as_bytes())),
        "{text:?}"
    );
}

fn check<T: ValidateJson + serde::Serialize>(bytes: &[u8]) {
    let from_bytes = verdict::<T>(bytes);
    round_trips::<T>(bytes);
    let Ok(exact) = kinesis_types::parse_json(bytes) else {
        // Not JSON: a syntax error, nothing else.
        assert!(
            matches!(
                kinesis_types::from_slice::<T>(bytes),
                Err(Error::Syntax { .. })
            ),
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
        return;
    };
    // JSON that serde_json's `Value` cannot hold exactly (a number beyond f64, or one it
    // rounds: `1e-400` becomes 0.0, an integer) has no `Value` to compare with.
    let Ok(json) = serde_json::from_slice::<Value>(bytes) else {
        return;
    };
    if kinesis_types::Value::from(&json) != exact {
        return;
    }
    let from_value = match kinesis_types::from_value::<T>(&json) {
        Ok(_) => Ok(()),
        Err(error) => Err(error
            .violations()
            .into_iter()
            .map(|v| (v.pointer, v.keyword.as_str()))
            .collect::<BTreeSet<_>>()),
    };
    assert_eq!(from_bytes, from_value, "bytes and Value disagree on {json}");
    let walked = kinesis_types::validate_json::<T>(&json).map_err(|vs| {
        vs.into_iter()
            .map(|v| (v.pointer.clone(), v.keyword.as_str()))
            .collect::<BTreeSet<_>>()
    });
    // Duplicate keys are the one place bytes and Value differ: the Value keeps the last.
    if !has_duplicate_keys(bytes) {
        assert_eq!(
            from_bytes, walked,
            "typed parse and JSON walk disagree on {json}"
        );
    }
}

/// A payload that parses is written back as the same JSON value: every number exact,
/// every member kept (members may come back in schema order).
fn round_trips<T: ValidateJson + serde::Serialize>(bytes: &[u8]) {
    let Ok(value) = kinesis_types::from_slice::<T>(bytes) else {
        return;
    };
    let written = kinesis_types::to_string(&value).expect("a parsed value writes");
    let read = kinesis_types::parse_json(bytes).expect("what parsed is JSON");
    let again = kinesis_types::parse_json(written.as_bytes()).expect("what is written is JSON");
    assert!(
        again == read,
        "changed on the way back:\n  read:    {}\n  written: {written}",
        String::from_utf8_lossy(bytes)
    );
}

/// Whether some object in the JSON text repeats a key (the text read again with a
/// visitor that remembers each object's keys).
fn has_duplicate_keys(bytes: &[u8]) -> bool {
    use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
    struct V<'a>(&'a mut bool);
    impl<'de> Visitor<'de> for V<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut keys = BTreeSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !keys.insert(key) {
                    *self.0 = true;
                }
                map.next_value_seed(Seed(self.0))?;
            }
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element_seed(Seed(self.0))?.is_some() {}
            Ok(())
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
    }
    struct Seed<'a>(&'a mut bool);
    impl<'de> serde::de::DeserializeSeed<'de> for Seed<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(V(self.0))
        }
    }
    let mut found = false;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let _ = de.deserialize_any(V(&mut found));
    found
}

#[test]
fn arbitrary_bytes_never_panic() {
    runner(2048)
        .run(&prop::collection::vec(any::<u8>(), 0..256), |bytes| {
            everything(&bytes);
            Ok(())
        })
        .unwrap();
}

/// Bytes that look like JSON: made of JSON's own tokens, so the parser gets far.
#[test]
fn json_like_bytes_never_panic() {
    let token = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("-0.0".to_string()),
        Just("1e400".to_string()),
        Just("18446744073709551616".to_string()),
        Just("\"\\ud800\"".to_string()),
        Just("\"QQ==\"".to_string()),
        Just("\"Records\"".to_string()),
        Just("\"SequenceNumber\"".to_string()),
        Just("\"kinesis\"".to_string()),
        "\"\\PC{0,8}\"",
        "-?[0-9]{1,20}(\\.[0-9]{1,5})?",
    ];
    runner(2048)
        .run(&prop::collection::vec(token, 0..40), |tokens| {
            everything(tokens.concat().as_bytes());
            Ok(())
        })
        .unwrap();
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,16}".prop_map(Value::from),
        prop_oneof![
            Just("Records"),
            Just("kinesis"),
            Just("QQ=="),
            Just("aws:kinesis"),
            Just("KMS")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        let key = prop_oneof![
            "\\PC{0,8}",
            prop::sample::select(vec![
                "Records",
                "SequenceNumber",
                "Data",
                "PartitionKey",
                "EncryptionType",
                "ApproximateArrivalTimestamp",
                "MillisBehindLatest",
                "ChildShards",
                "ShardId",
                "ParentShards",
                "HashKeyRange",
                "kinesis",
                "eventSource",
                "eventSourceARN",
                "data",
                "partitionKey",
                "sequenceNumber",
                "kinesisSchemaVersion",
            ])
            .prop_map(str::to_string),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn arbitrary_json_never_panics_and_every_way_in_agrees() {
    runner(2048)
        .run(&any_json(), |json| {
            everything(&serde_json::to_vec(&json).expect("serialises"));
            Ok(())
        })
        .unwrap();
}

/// The document's examples with bytes flipped, inserted, deleted and duplicated: 150
/// copies of each, or `PROPTEST_CASES` in all when that is more (a campaign:
/// `PROPTEST_CASES=200000 cargo test --release --test robustness -- --nocapture`).
#[test]
fn corrupted_examples_never_panic() {
    let doc = corpus::document();
    let mut rng = corpus::Rng(0x726f_6275_7374_2121);
    const ALPHABET: &[u8] = b"{}[]\",:\\0a-.eE \n\x00\xff\xc3\xa9";
    let examples: usize = MessageName::ALL
        .iter()
        .map(|message| corpus::examples(&doc, message.name()).len())
        .sum();
    let cases: usize = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let per_example = cases.div_ceil(examples.max(1)).max(150);
    let (mut count, mut valid) = (0, 0);
    for message in MessageName::ALL {
        for (_, example) in corpus::examples(&doc, message.name()) {
            let original = serde_json::to_vec(&example).expect("serialises");
            for _ in 0..per_example {
                let mut bytes = original.clone();
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(bytes.len().max(1));
                    let byte = ALPHABET[rng.below(ALPHABET.len())];
                    match rng.below(4) {
                        0 if at < bytes.len() => bytes[at] = byte,
                        1 => bytes.insert(at.min(bytes.len()), byte),
                        2 if at < bytes.len() => {
                            bytes.remove(at);
                        }
                        _ => {
                            let end = (at + 1 + rng.below(16)).min(bytes.len());
                            let piece = bytes[at.min(end)..end].to_vec();
                            bytes.splice(at..at, piece);
                        }
                    }
                }
                everything(&bytes);
                count += 1;
                // Still valid: then `everything` also checked that it round-trips.
                valid += usize::from(message.parse(&bytes).is_ok());
            }
        }
    }
    eprintln!("{count} corrupted examples, {valid} of them still valid (and round-tripped)");
    assert!(count >= 2000, "{count} corrupted examples");
    assert!(valid >= 200, "only {valid} corrupted examples stayed valid");
}

fn nested(depth: usize, open: &str, close: &str, inner: &str) -> String {
    format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
}

/// JSON nested 10,000 (and 100,000) deep, wherever it stands, is a syntax error at the
/// depth where the parser stops: no stack overflow, no panic.
#[test]
fn json_nested_10_000_deep_is_refused_cleanly() {
    for depth in [10_000, 100_000] {
        let cases = [
            nested(depth, "[", "]", ""),
            nested(depth, "{\"a\":", "}", "1"),
            format!("{{\"Records\": {}}}", nested(depth, "[", "]", "")),
            format!(
                "{{\"SequenceNumber\": \"1\", \"Data\": \"\", \"PartitionKey\": {}}}",
                nested(depth, "[", "]", "")
            ),
            format!(
                "{{\"SequenceNumber\": \"1\", \"Data\": \"\", \"PartitionKey\": \"k\", \"unknown\": {}}}",
                nested(depth, "{\"x\":[", "]}", "null")
            ),
            nested(depth, "[", "", ""), // never closed
        ];
        for text in &cases {
            for message in MessageName::ALL {
                match message.parse(text.as_bytes()) {
                    Err(error @ Error::Syntax { .. }) => {
                        assert!(
                            error.to_string().contains("nested deeper than 128 levels"),
                            "{error}"
                        );
                        let violations = error.violations();
                        assert_eq!(violations.len(), 1);
                        assert_eq!(violations[0].keyword, Keyword::Syntax);
                    }
                    other => {
                        panic!("{message} at depth {depth}: expected a syntax error, got {other:?}")
                    }
                }
            }
        }
    }
}

/// Nesting within the parser's limit in a property the schema does not list is kept,
/// unchanged.
#[test]
fn nesting_within_the_limit_is_kept() {
    let text = format!(
        "{{\"SequenceNumber\": \"1\", \"Data\": \"\", \"PartitionKey\": \"k\", \"deep\": {}}}",
        nested(100, "[", "]", "1")
    );
    let record: KinesisRecord = kinesis_types::from_str(&text).expect("valid");
    let back = serde_json::to_value(&record).unwrap();
    assert_eq!(back, serde_json::from_str::<Value>(&text).unwrap());
}

/// Text that is not well-formed UTF-8 or JSON in less common ways.
#[test]
fn odd_encodings_are_syntax_errors() {
    let record = |partition_key: &[u8]| {
        let mut bytes = br#"{"SequenceNumber": "1", "Data": "", "PartitionKey": ""#.to_vec();
        bytes.extend_from_slice(partition_key);
        bytes.extend_from_slice(br#""}"#);
        bytes
    };
    for bad in [
        record(b"\xff"),
        record(b"\xc3"),             // truncated 2-byte sequence
        record(b"\xed\xa0\x80"),     // a surrogate encoded in UTF-8
        record(b"\xf4\x90\x80\x80"), // beyond U+10FFFF
        record(b"\\ud800"),          // a lone surrogate escape
        record(b"\\udc00\\ud800"),   // surrogates in the wrong order
        record(b"\\u12"),            // a short escape
        record(b"\\x41"),            // not a JSON escape
        record(b"a\x00b"),           // a raw control character
        record(b"a\nb"),
        b"{\"SequenceNumber\": \"1\"} trailing".to_vec(),
        b"{\"a\": NaN}".to_vec(),
        b"{\"a\": Infinity}".to_vec(),
        b"{\"a\": 01}".to_vec(),
        b"{\"a\": 1.}".to_vec(),
        b"{\"a\": .5}".to_vec(),
        b"{\"a\": +1}".to_vec(),
        b"{'a': 1}".to_vec(),
        b"{\"a\": 1,}".to_vec(),
        b"".to_vec(),
        b"   ".to_vec(),
    ] {
        for message in MessageName::ALL {
            assert!(
                matches!(message.parse(&bad), Err(Error::Syntax { .. })),
                "{message}: {:?} -> {:?}",
                String::from_utf8_lossy(&bad),
                message.parse(&bad)
            );
        }
    }
    // A UTF-8 byte order mark before the text is ignored, as RFC 8259 section 8.1 allows.
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(&record(b"k"));
    let parsed: KinesisRecord = kinesis_types::from_slice(&with_bom).expect("valid");
    assert_eq!(parsed.partition_key, "k");
    let text = std::str::from_utf8(&with_bom).unwrap();
    let parsed: KinesisRecord = kinesis_types::from_str(text).expect("valid");
    assert_eq!(parsed.partition_key, "k");
    let lent: kinesis_types::borrowed::KinesisRecord =
        kinesis_types::from_str_borrowed(text).expect("valid");
    assert_eq!(lent.partition_key, "k");
    // A valid escaped surrogate pair is one character.
    let pair = record(b"\\ud83d\\ude80");
    let parsed: KinesisRecord = kinesis_types::from_slice(&pair).expect("valid");
    assert_eq!(parsed.partition_key, "\u{1f680}");
}

/// Numbers at and beyond the edges of what JSON parsers hold.
#[test]
fn extreme_numbers_never_panic() {
    for number in [
        "1e400",
        "-1e400",
        "1e-400",
        "-0",
        "-0.0",
        "0e0",
        "1E+2",
        "123456789012345678901234567890",
        "-123456789012345678901234567890",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "4.9e-324",
        "2.5e-324",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "0.1e1",
        "100000000000000000000000000000000000000.0",
    ] {
        let text = format!(
            "{{\"Records\": [], \"ContinuationSequenceNumber\": \"1\", \"MillisBehindLatest\": {number}}}"
        );
        everything(text.as_bytes());
        let record = format!(
            "{{\"SequenceNumber\": \"1\", \"Data\": \"\", \"PartitionKey\": \"k\", \"ApproximateArrivalTimestamp\": {number}, \"extra\": {number}}}"
        );
        everything(record.as_bytes());
    }
}

/// Large inputs: a 16 MiB data blob (over maxLength), and 100,000 records.
#[test]
fn large_inputs_are_judged_not_choked_on() {
    let data = "A".repeat(16 << 20);
    let text =
        format!("{{\"SequenceNumber\": \"1\", \"Data\": \"{data}\", \"PartitionKey\": \"k\"}}");
    // Too long, and (being that long) not ending in the padding of 1 MiB.
    assert_eq!(
        verdict::<KinesisRecord>(text.as_bytes()),
        Err(BTreeSet::from([
            ("/Data".to_string(), "maxLength"),
            ("/Data".to_string(), "pattern")
        ]))
    );
    let record = json!({"SequenceNumber": "1", "Data": "QQ==", "PartitionKey": "k"});
    let mut records = vec![record; 100_000];
    records[99_999]["PartitionKey"] = json!("");
    let event =
        json!({"Records": records, "ContinuationSequenceNumber": "1", "MillisBehindLatest": 0});
    assert_eq!(
        verdict::<SubscribeToShardEvent>(&serde_json::to_vec(&event).unwrap()),
        Err(BTreeSet::from([(
            "/Records/99999/PartitionKey".to_string(),
            "minLength"
        )]))
    );
}

/// A repeated property name: RFC 8259 leaves the meaning open (section 4, "SHOULD be
/// unique"), and readers disagree on which value counts, so it is refused as a syntax
/// error naming the key and the object.
#[test]
fn repeated_property_names() {
    let repeated_listed =
        br#"{"SequenceNumber": "1", "SequenceNumber": "2", "Data": "", "PartitionKey": "k"}"#;
    let error = kinesis_types::from_slice::<KinesisRecord>(repeated_listed).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("duplicate key \"SequenceNumber\""),
        "{error}"
    );
    assert!(has_duplicate_keys(repeated_listed));
    let repeated_unknown =
        br#"{"SequenceNumber": "1", "Data": "", "PartitionKey": "k", "x": 1, "x": 2}"#;
    everything(repeated_unknown);
}

/// `from_value` (and `MessageName::parse_value`) on a `Value` nested 10,000 deep in a
/// property the schema does not list must return, as `from_slice` does on the same
/// text, rather than overflow the stack in serde's walk over the unknown property.
/// Run in a child process, so that an abort fails this test instead of killing the
/// test binary.
#[test]
fn from_value_on_a_value_nested_10_000_deep_returns() {
    const CHILD: &str = "KINESIS_TYPES_DEEP_VALUE_CHILD";
    if std::env::var_os(CHILD).is_some() {
        let mut deep = json!(1);
        for _ in 0..10_000 {
            deep = Value::Array(vec![deep]);
        }
        // Not `json!({.., "deep": deep})`: the macro serialises `deep`, recursively.
        let mut value = json!({"SequenceNumber": "1", "Data": "", "PartitionKey": "k"});
        value
            .as_object_mut()
            .expect("an object")
            .insert("deep".into(), deep);
        assert!(kinesis_types::from_value::<KinesisRecord>(&value).is_err());
        assert!(MessageName::KinesisRecord.parse_value(&value).is_err());
        // Dropping a Value this deep recurses too (serde_json's Drop): not ours to fix.
        std::mem::forget(value);
        return;
    }
    let output = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "from_value_on_a_value_nested_10_000_deep_returns",
            "--nocapture",
        ])
        .env(CHILD, "1")
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "from_value on a 10,000-deep Value did not return: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}
