//! Every constraint of the bundled document at its boundaries, asserting the exact
//! pointers and keywords reported.

use kinesis_types::{
    from_slice, from_str, Error, Keyword, KinesisRecord, LambdaKinesisEvent, SubscribeToShardEvent,
    Validate,
};
mod common;

use common::{lambda_event, record, subscribe_event};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// The (pointer, keyword) pairs reported for `value` as `T`; empty when valid.
fn verdict<T: kinesis_types::ValidateJson>(value: &Value) -> Vec<(String, Keyword)> {
    let bytes = serde_json::to_vec(value).unwrap();
    let from_bytes = match from_slice::<T>(&bytes) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .violations()
            .into_iter()
            .map(|v| (v.pointer, v.keyword))
            .collect(),
    };
    // The JSON walk reports the same set as the typed path.
    let walked = match kinesis_types::validate_json::<T>(value) {
        Ok(()) => Vec::new(),
        Err(violations) => violations
            .into_iter()
            .map(|v| (v.pointer, v.keyword))
            .collect(),
    };
    let mut a = from_bytes.clone();
    let mut b = walked;
    a.sort_by(|x, y| x.0.cmp(&y.0));
    b.sort_by(|x, y| x.0.cmp(&y.0));
    assert_eq!(a, b, "typed parse and JSON walk disagree on {value}");
    from_bytes
}

fn one(pointer: &str, keyword: Keyword) -> Vec<(String, Keyword)> {
    vec![(pointer.to_string(), keyword)]
}

fn with(mut base: Value, pointer: &str, value: Value) -> Value {
    *base.pointer_mut(pointer).expect("pointer exists") = value;
    base
}

fn without(mut base: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    base.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    base
}

#[test]
fn the_base_payloads_are_valid() {
    assert_eq!(verdict::<KinesisRecord>(&record()), vec![]);
    assert_eq!(verdict::<LambdaKinesisEvent>(&lambda_event()), vec![]);
    assert_eq!(verdict::<SubscribeToShardEvent>(&subscribe_event()), vec![]);
}

#[test]
fn partition_key_lengths_count_code_points() {
    let cases = [
        ("", false),
        ("a", true),
        ("\u{1F680}", true),
        (&"a".repeat(256), true),
        (&"\u{1F680}".repeat(256), true),
        (&"\u{e9}".repeat(256), true),
        (&"a".repeat(257), false),
        (&"\u{1F680}".repeat(257), false),
        (&"\u{65e5}".repeat(257), false),
    ];
    for (key, valid) in cases {
        let value = with(record(), "/PartitionKey", json!(key));
        let expected = if valid {
            vec![]
        } else if key.is_empty() {
            one("/PartitionKey", Keyword::MinLength)
        } else {
            one("/PartitionKey", Keyword::MaxLength)
        };
        assert_eq!(
            verdict::<KinesisRecord>(&value),
            expected,
            "{} code points",
            key.chars().count()
        );
        let lambda = with(
            lambda_event(),
            "/Records/0/kinesis/partitionKey",
            json!(key),
        );
        let expected: Vec<_> = expected
            .into_iter()
            .map(|(_, k)| ("/Records/0/kinesis/partitionKey".to_string(), k))
            .collect();
        assert_eq!(verdict::<LambdaKinesisEvent>(&lambda), expected);
    }
}

#[test]
fn length_messages_name_the_count_and_bound() {
    let value = with(
        lambda_event(),
        "/Records/0/kinesis/partitionKey",
        json!("\u{1F680}".repeat(257)),
    );
    let error = from_str::<LambdaKinesisEvent>(&value.to_string()).unwrap_err();
    let Error::Invalid(violations) = &error else {
        panic!("expected constraint violations, got {error:?}")
    };
    assert_eq!(
        violations.as_slice()[0].to_string(),
        "/Records/0/kinesis/partitionKey: 257 characters, more than maxLength 256"
    );
}

#[test]
fn patterns_are_unanchored_ecma_searches() {
    for (sequence, valid) in [
        ("0", true),
        ("x1y", true),
        ("00", true),
        (&"9".repeat(129), true),
        (&"9".repeat(500), true),
        ("abc", false),
        ("", false),
        ("\u{663}", false),  // ARABIC-INDIC DIGIT THREE: \d is ASCII in ECMA-262
        ("\u{ff13}", false), // FULLWIDTH DIGIT THREE
    ] {
        let value = with(record(), "/SequenceNumber", json!(sequence));
        let expected = if valid {
            vec![]
        } else {
            one("/SequenceNumber", Keyword::Pattern)
        };
        assert_eq!(verdict::<KinesisRecord>(&value), expected, "{sequence:?}");
    }
    for (shard, expected) in [
        ("shardId-000000000001", vec![]),
        ("!x!", vec![]), // unanchored: one allowed character anywhere is enough
        ("!!!", one("/ChildShards/0/ShardId", Keyword::Pattern)),
        (
            "",
            vec![
                ("/ChildShards/0/ShardId".to_string(), Keyword::Pattern),
                ("/ChildShards/0/ShardId".to_string(), Keyword::MinLength),
            ],
        ),
    ] {
        let value = with(subscribe_event(), "/ChildShards/0/ShardId", json!(shard));
        let mut got = verdict::<SubscribeToShardEvent>(&value);
        got.sort_by_key(|(_, k)| k.as_str());
        let mut expected = expected;
        expected.sort_by_key(|(_, k)| k.as_str());
        assert_eq!(got, expected, "{shard:?}");
    }
    for (arn, valid) in [
        ("arn:aws:kinesis:us-east-2:123456789012:stream/s", true),
        (
            "prefix arn:aws-cn:kinesis:cn-north-1:123456789012:stream/s suffix",
            true,
        ),
        ("arn:aws:kinesis:us-east-2:12345678901:stream/s", false),
        (
            "arn:aws:kinesis:us-east-2:12345678901\u{663}:stream/s",
            false,
        ),
        (
            "arn:aws:kinesis:us-east-2:123456789012:stream/\u{3000}",
            false,
        ),
        ("arn:aws\r:kinesis:us-east-2:123456789012:stream/s", false), // `.` stops at \r
    ] {
        let value = with(lambda_event(), "/Records/0/eventSourceARN", json!(arn));
        let expected = if valid {
            vec![]
        } else {
            one("/Records/0/eventSourceARN", Keyword::Pattern)
        };
        assert_eq!(verdict::<LambdaKinesisEvent>(&value), expected, "{arn:?}");
    }
}

#[test]
fn integers_follow_json_schema() {
    for (millis, expected) in [
        (json!(0), vec![]),
        (json!(5), vec![]),
        (json!(5.0), vec![]),
        (json!(1e3), vec![]),
        (json!(-0.0), vec![]),
        (json!(18446744073709551615u64), vec![]),
        (json!(18446744073709551616.0), vec![]), // 2^64: an integer, no maximum
        (json!(1e308), vec![]),
        (json!(-1), one("/MillisBehindLatest", Keyword::Minimum)),
        (json!(-1.0), one("/MillisBehindLatest", Keyword::Minimum)),
        (json!(1.5), one("/MillisBehindLatest", Keyword::Type)),
        (json!("5"), one("/MillisBehindLatest", Keyword::Type)),
        (json!(null), one("/MillisBehindLatest", Keyword::Type)),
    ] {
        let value = with(subscribe_event(), "/MillisBehindLatest", millis.clone());
        assert_eq!(
            verdict::<SubscribeToShardEvent>(&value),
            expected,
            "{millis}"
        );
    }
}

#[test]
fn const_and_enum_compare_exactly() {
    for (source, valid) in [
        ("aws:kinesis", true),
        ("AWS:Kinesis", false),
        ("aws:kinesis ", false),
        (" aws:kinesis", false),
        ("aws:kinesi", false),
        ("", false),
    ] {
        let value = with(lambda_event(), "/Records/0/eventSource", json!(source));
        let expected = if valid {
            vec![]
        } else {
            one("/Records/0/eventSource", Keyword::Const)
        };
        assert_eq!(
            verdict::<LambdaKinesisEvent>(&value),
            expected,
            "{source:?}"
        );
    }
    let value = with(
        lambda_event(),
        "/Records/0/eventName",
        json!("aws:kinesis:Record"),
    );
    assert_eq!(
        verdict::<LambdaKinesisEvent>(&value),
        one("/Records/0/eventName", Keyword::Const)
    );
    for (encryption, valid) in [
        ("NONE", true),
        ("KMS", true),
        ("kms", false),
        ("AES256", false),
        ("KMS ", false),
    ] {
        let value = with(record(), "/EncryptionType", json!(encryption));
        let expected = if valid {
            vec![]
        } else {
            one("/EncryptionType", Keyword::Enum)
        };
        assert_eq!(verdict::<KinesisRecord>(&value), expected, "{encryption:?}");
    }
}

#[test]
fn every_required_property_is_required() {
    let required = [
        "/Records/0/kinesis",
        "/Records/0/eventSource",
        "/Records/0/eventSourceARN",
        "/Records/0/eventID",
        "/Records/0/eventName",
        "/Records/0/eventVersion",
        "/Records/0/invokeIdentityArn",
        "/Records/0/awsRegion",
        "/Records/0/kinesis/data",
        "/Records/0/kinesis/partitionKey",
        "/Records/0/kinesis/sequenceNumber",
        "/Records/0/kinesis/kinesisSchemaVersion",
        "/Records",
    ];
    for pointer in required {
        let value = without(lambda_event(), pointer);
        let parent = pointer.rsplit_once('/').unwrap().0;
        assert_eq!(
            verdict::<LambdaKinesisEvent>(&value),
            one(parent, Keyword::Required),
            "{pointer}"
        );
    }
    for pointer in ["/SequenceNumber", "/Data", "/PartitionKey"] {
        assert_eq!(
            verdict::<KinesisRecord>(&without(record(), pointer)),
            one("", Keyword::Required)
        );
    }
    for pointer in ["/ApproximateArrivalTimestamp", "/EncryptionType"] {
        assert_eq!(
            verdict::<KinesisRecord>(&without(record(), pointer)),
            vec![],
            "{pointer} is optional"
        );
    }
    for pointer in [
        "/Records",
        "/ContinuationSequenceNumber",
        "/MillisBehindLatest",
        "/ChildShards/0/ShardId",
        "/ChildShards/0/ParentShards",
        "/ChildShards/0/HashKeyRange",
        "/ChildShards/0/HashKeyRange/StartingHashKey",
        "/ChildShards/0/HashKeyRange/EndingHashKey",
    ] {
        let parent = pointer.rsplit_once('/').unwrap().0;
        assert_eq!(
            verdict::<SubscribeToShardEvent>(&without(subscribe_event(), pointer)),
            one(parent, Keyword::Required),
            "{pointer}"
        );
    }
}

#[test]
fn wrong_types_are_reported_where_they_are() {
    let wrong = [
        json!(null),
        json!(true),
        json!(1),
        json!("s"),
        json!([]),
        json!({}),
    ];
    let expected_type = |pointer: &str| -> &'static str {
        match pointer {
            "/ApproximateArrivalTimestamp" => "number",
            "/EncryptionType" => "enum",
            _ => "string",
        }
    };
    for pointer in [
        "/SequenceNumber",
        "/Data",
        "/PartitionKey",
        "/ApproximateArrivalTimestamp",
        "/EncryptionType",
    ] {
        for value in &wrong {
            let kind = expected_type(pointer);
            let fits = match kind {
                "number" => value.is_number(),
                "string" => value.is_string(),
                _ => false,
            };
            let mutated = with(record(), pointer, value.clone());
            let got = verdict::<KinesisRecord>(&mutated);
            if fits {
                continue; // a string that breaks other constraints is covered elsewhere
            }
            // `EncryptionType` is `{type: string, enum: [...]}`: a value of another
            // type fails both keywords, and both are reported.
            let expected = if kind == "enum" && value.is_string() {
                one(pointer, Keyword::Enum)
            } else if kind == "enum" {
                vec![
                    (pointer.to_string(), Keyword::Type),
                    (pointer.to_string(), Keyword::Enum),
                ]
            } else {
                one(pointer, Keyword::Type)
            };
            assert_eq!(got, expected, "{pointer} = {value}");
        }
    }
    assert_eq!(
        verdict::<LambdaKinesisEvent>(&json!([])),
        one("", Keyword::Type)
    );
    assert_eq!(
        verdict::<LambdaKinesisEvent>(&json!({"Records": {}})),
        one("/Records", Keyword::Type)
    );
    assert_eq!(
        verdict::<LambdaKinesisEvent>(&json!({"Records": [1]})),
        one("/Records/0", Keyword::Type)
    );
}

#[test]
fn every_violation_is_reported_at_once() {
    let mut value = lambda_event();
    value["Records"][0]["kinesis"]["partitionKey"] = json!("");
    value["Records"][0]["eventSourceARN"] = json!("not an arn");
    value["Records"][0]["kinesis"]["data"] = json!("not base64!");
    let mut got = verdict::<LambdaKinesisEvent>(&value);
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        vec![
            ("/Records/0/eventSourceARN".to_string(), Keyword::Pattern),
            ("/Records/0/kinesis/data".to_string(), Keyword::Format),
            (
                "/Records/0/kinesis/partitionKey".to_string(),
                Keyword::MinLength
            ),
        ]
    );
    // Shape problems and constraint violations together: both are listed.
    let mut value = lambda_event();
    value["Records"][0]
        .as_object_mut()
        .unwrap()
        .remove("eventID");
    value["Records"][0]["eventName"] = json!("nope");
    value["Records"][0]["kinesis"]["partitionKey"] = json!("a".repeat(300));
    let error = from_slice::<LambdaKinesisEvent>(value.to_string().as_bytes()).unwrap_err();
    assert!(matches!(error, Error::Shape(_)), "{error:?}");
    let mut got: Vec<_> = error
        .violations()
        .into_iter()
        .map(|v| (v.pointer, v.keyword))
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        vec![
            ("/Records/0".to_string(), Keyword::Required),
            ("/Records/0/eventName".to_string(), Keyword::Const),
            (
                "/Records/0/kinesis/partitionKey".to_string(),
                Keyword::MaxLength
            ),
        ]
    );
}

#[test]
fn base64_is_enforced_and_max_length_counts_its_characters() {
    for (data, valid) in [
        ("", true),
        ("QQ==", true),
        ("QUJD", true),
        ("QQ", false),
        ("QR==", false),
        ("QU J", false),
        ("QUJD\n", false),
        ("QUJ-", false),
    ] {
        let value = with(record(), "/Data", json!(data));
        let expected = if valid {
            vec![]
        } else {
            one("/Data", Keyword::Format)
        };
        assert_eq!(verdict::<KinesisRecord>(&value), expected, "{data:?}");
    }
}

/// `Data` holds up to 1 MiB of data (the service's record size), written as base64,
/// exactly: `maxLength: 1398104` counts characters, and base64 rounds up to whole
/// groups of three bytes, so the document's `if`/`then` refuses the 1398104-character
/// strings that hold one or two bytes more (their padding is shorter).
#[test]
fn data_holds_one_mebibyte_and_not_a_byte_more() {
    use base64::Engine as _;
    let encoded =
        |bytes: usize| base64::engine::general_purpose::STANDARD.encode(vec![0x5a; bytes]);
    let data_of = |bytes: usize| with(record(), "/Data", json!(encoded(bytes)));

    // A real 1 MiB record, as the service hands it out.
    assert_eq!(encoded(1 << 20).len(), 1_398_104);
    assert_eq!(verdict::<KinesisRecord>(&data_of(1 << 20)), vec![]);
    let parsed: KinesisRecord = kinesis_types::from_value(&data_of(1 << 20)).unwrap();
    assert_eq!(parsed.data.decode().unwrap().len(), 1 << 20);
    let bytes = serde_json::to_vec(&data_of(1 << 20)).unwrap();
    let borrowed =
        kinesis_types::from_slice_borrowed::<kinesis_types::borrowed::KinesisRecord>(&bytes);
    assert!(borrowed.is_ok());
    // One byte more, and two: the same 1398104 characters with less padding, refused
    // by the pattern that `if` applies to strings that long.
    for extra in [1, 2] {
        assert_eq!(encoded((1 << 20) + extra).len(), 1_398_104);
        assert_eq!(
            verdict::<KinesisRecord>(&data_of((1 << 20) + extra)),
            one("/Data", Keyword::Pattern),
            "{extra} byte(s) more"
        );
        let bytes = serde_json::to_vec(&data_of((1 << 20) + extra)).unwrap();
        let error =
            kinesis_types::from_slice_borrowed::<kinesis_types::borrowed::KinesisRecord>(&bytes)
                .expect_err("refused");
        assert_eq!(error.violations()[0].pointer, "/Data");
    }
    // The first size whose base64 is longer, and one character of text more.
    assert_eq!(
        verdict::<KinesisRecord>(&data_of((1 << 20) + 3)),
        one("/Data", Keyword::MaxLength)
    );
    let over_by_one_character = format!("{}A", encoded(1 << 20));
    let mut expected = one("/Data", Keyword::Format);
    expected.extend(one("/Data", Keyword::MaxLength));
    // At least 1398104 characters, and not ending in "==".
    expected.extend(one("/Data", Keyword::Pattern));
    expected.sort_by_key(|(p, k)| (p.clone(), k.as_str()));
    let mut got = verdict::<KinesisRecord>(&with(record(), "/Data", json!(over_by_one_character)));
    got.sort_by_key(|(p, k)| (p.clone(), k.as_str()));
    assert_eq!(got, expected);
    // Just below: 1 MiB less a byte is 1398100 characters, which `if` lets through.
    assert_eq!(encoded((1 << 20) - 1).len(), 1_398_100);
    assert_eq!(verdict::<KinesisRecord>(&data_of((1 << 20) - 1)), vec![]);
    // The seed's 1048576 characters (786,432 bytes) are far inside the limit now.
    assert_eq!(verdict::<KinesisRecord>(&data_of(786_433)), vec![]);
}

#[test]
fn null_is_not_absence() {
    let value = with(record(), "/EncryptionType", json!(null));
    assert_eq!(
        verdict::<KinesisRecord>(&value),
        [
            ("/EncryptionType".to_string(), Keyword::Type),
            ("/EncryptionType".to_string(), Keyword::Enum)
        ]
    );
    let value = with(record(), "/ApproximateArrivalTimestamp", json!(null));
    assert_eq!(
        verdict::<KinesisRecord>(&value),
        one("/ApproximateArrivalTimestamp", Keyword::Type)
    );
}

#[test]
fn unknown_properties_survive_and_optional_ones_stay_absent() {
    let mut value = record();
    value.as_object_mut().unwrap().remove("EncryptionType");
    value["ExplicitHashKey"] = json!("12345");
    value["Nested"] = json!({"a": [1, 2.5, null]});
    let parsed: KinesisRecord = from_slice(value.to_string().as_bytes()).unwrap();
    assert_eq!(
        parsed.additional_properties["ExplicitHashKey"],
        kinesis_types::Value::from("12345")
    );
    let back = serde_json::to_value(&parsed).unwrap();
    assert_eq!(back, value);
    assert!(
        back.get("EncryptionType").is_none(),
        "absent stays absent, not null"
    );
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let error =
        from_str::<KinesisRecord>("{\n  \"SequenceNumber\": \"1\",\n  oops\n}").unwrap_err();
    match error {
        Error::Syntax { line, column, .. } => assert_eq!((line, column), (3, 3)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(matches!(
        from_str::<LambdaKinesisEvent>(&deep),
        Err(Error::Syntax { .. })
    ));
    assert!(matches!(
        from_slice::<KinesisRecord>(b"\xff\xfe"),
        Err(Error::Syntax { .. })
    ));
    assert!(matches!(
        from_slice::<KinesisRecord>(b""),
        Err(Error::Syntax { .. })
    ));
}

#[test]
fn decode_and_encode_data() {
    let parsed: KinesisRecord = from_slice(record().to_string().as_bytes()).unwrap();
    assert_eq!(parsed.data.decode().unwrap(), b"Hello, World!");
    assert_eq!(
        kinesis_types::Base64Data::encode(b"Hello, World!"),
        parsed.data
    );
    assert!(parsed.validate().is_ok());
}

/// Any payload type, any malformed input: an error, never a panic.
/// What reading `input` as `T` says: `syntax LINE:COLUMN`, or each violation as
/// `KEYWORD at POINTER`.
fn read_verdict<T: DeserializeOwned + kinesis_types::ValidateJson>(input: &[u8]) -> Vec<String> {
    match from_slice::<T>(input) {
        Ok(_) => vec!["valid".into()],
        Err(kinesis_types::Error::Syntax { line, column, .. }) => {
            vec![format!("syntax {line}:{column}")]
        }
        Err(error) => error
            .violations()
            .iter()
            .map(|v| format!("{} at {:?}", v.keyword.as_str(), v.pointer))
            .collect(),
    }
}

#[test]
fn odd_inputs_are_refused_with_what_is_wrong_and_where() {
    // Not objects: one type violation at the root, whatever the message.
    for input in [&b"null"[..], b"[]", b"1e999", b"\"x\""] {
        let expected = vec![r#"type at """#.to_string()];
        assert_eq!(read_verdict::<KinesisRecord>(input), expected);
        assert_eq!(read_verdict::<LambdaKinesisEvent>(input), expected);
        assert_eq!(read_verdict::<SubscribeToShardEvent>(input), expected);
    }
    // Not JSON: where the text stops making sense.
    for (input, at) in [(&b"\""[..], "syntax 1:1"), (b"{\"a\":1}{", "syntax 1:8")] {
        assert_eq!(read_verdict::<KinesisRecord>(input), [at]);
        assert_eq!(read_verdict::<LambdaKinesisEvent>(input), [at]);
        assert_eq!(read_verdict::<SubscribeToShardEvent>(input), [at]);
    }
    // An empty object misses every required property, at the root.
    for found in [
        read_verdict::<KinesisRecord>(b"{}"),
        read_verdict::<LambdaKinesisEvent>(b"{}"),
        read_verdict::<SubscribeToShardEvent>(b"{}"),
    ] {
        assert!(!found.is_empty(), "{found:?}");
        assert!(found.iter().all(|v| v == r#"required at """#), "{found:?}");
    }
    // A null record is a type violation at its own place.
    assert_eq!(
        read_verdict::<LambdaKinesisEvent>(br#"{"Records": [null]}"#),
        [r#"type at "/Records/0""#]
    );
    let found = read_verdict::<SubscribeToShardEvent>(br#"{"Records": [null]}"#);
    assert!(
        found.contains(&r#"type at "/Records/0""#.to_string()),
        "{found:?}"
    );
}
