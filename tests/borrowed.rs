//! The zero-copy twins (`kinesis_types::borrowed`): every example parses borrowed,
//! validates, equals the owned parse and writes back the same JSON; strings without
//! escapes are borrowed from the input, escaped ones are unescaped into owned strings;
//! violations and shape errors are exactly those of the owned types.

use kinesis_types::MessageSet;
use std::borrow::Cow;
use std::fmt::Debug;

use kinesis_types::{
    borrowed, from_slice, from_slice_borrowed, json_eq, Base64Ref, Borrowed, Error, IntoOwned,
    KinesisRecord, LambdaKinesisEvent, MessageName, SubscribeToShardEvent, Validate, ValidateJson,
};
mod common;

use common::{lambda_event, message_examples, record, subscribe_event};
use serde::Serialize;
use serde_json::{json, Value};

/// Parses `bytes` both ways and checks that they agree in every respect.
fn agree<'a, B, O>(bytes: &'a [u8], payload: &Value, what: &str)
where
    B: Borrowed<'a, Owned = O> + IntoOwned<Owned = O> + Serialize + Debug,
    O: ValidateJson + PartialEq + Debug + Serialize,
{
    let owned = from_slice::<O>(bytes).unwrap_or_else(|e| panic!("{what}: owned: {e}"));
    let parsed: B = from_slice_borrowed(bytes).unwrap_or_else(|e| panic!("{what}: borrowed: {e}"));
    assert!(parsed.validate().is_ok(), "{what}");
    let back = serde_json::to_value(&parsed).unwrap();
    assert!(
        json_eq(payload, &back),
        "{what} changed in the round trip:\n  in:  {payload}\n  out: {back}"
    );
    assert_eq!(
        serde_json::to_string(&parsed).unwrap(),
        serde_json::to_string(&owned).unwrap(),
        "{what}: borrowed and owned serialise differently"
    );
    assert_eq!(parsed.into_owned(), owned, "{what}");
}

#[test]
fn every_message_example_parses_borrowed_and_matches_the_owned_parse() {
    let examples = message_examples();
    assert!(examples.len() >= 9);
    for (key, name, payload) in examples {
        let bytes = serde_json::to_vec(&payload).unwrap();
        let what = format!("{key}/{name}");
        match key.as_str() {
            "KinesisRecord" => {
                agree::<borrowed::KinesisRecord, KinesisRecord>(&bytes, &payload, &what)
            }
            "SubscribeToShardEvent" => agree::<
                borrowed::SubscribeToShardEvent,
                SubscribeToShardEvent,
            >(&bytes, &payload, &what),
            "LambdaKinesisEvent" => {
                agree::<borrowed::LambdaKinesisEvent, LambdaKinesisEvent>(&bytes, &payload, &what)
            }
            other => panic!("a message this test does not know: {other}"),
        }
    }
}

#[test]
fn strings_without_escapes_are_borrowed_from_the_input() {
    let bytes = serde_json::to_vec(&lambda_event()).unwrap();
    let event: borrowed::LambdaKinesisEvent = from_slice_borrowed(&bytes).unwrap();
    let record = &event.records[0];
    let input = bytes.as_ptr_range();
    let borrowed_from_input = |cow: &Cow<'_, str>| match cow {
        Cow::Borrowed(s) => input.contains(&s.as_ptr()),
        Cow::Owned(_) => false,
    };
    for (name, cow) in [
        ("eventSourceARN", &record.event_source_arn),
        ("eventID", &record.event_id),
        ("eventVersion", &record.event_version),
        ("invokeIdentityArn", &record.invoke_identity_arn),
        ("awsRegion", &record.aws_region),
        (
            "kinesisSchemaVersion",
            &record.kinesis.kinesis_schema_version,
        ),
        ("partitionKey", &record.kinesis.partition_key),
        ("sequenceNumber", &record.kinesis.sequence_number),
        ("data", record.kinesis.data.as_cow()),
    ] {
        assert!(borrowed_from_input(cow), "{name} was copied: {cow:?}");
    }
    assert_eq!(
        record.kinesis.data.decode().unwrap(),
        b"Hello, this is a test."
    );

    // Strings inside arrays and options are lent too (serde's own impls would copy).
    let bytes = serde_json::to_vec(&subscribe_event()).unwrap();
    let event: borrowed::SubscribeToShardEvent = from_slice_borrowed(&bytes).unwrap();
    let child = &event.child_shards.as_ref().unwrap()[0];
    assert!(matches!(
        child.parent_shards[0],
        Cow::Borrowed("shardId-000000000000")
    ));
    assert!(matches!(
        child.hash_key_range.starting_hash_key,
        Cow::Borrowed("0")
    ));
    assert!(matches!(
        event.continuation_sequence_number,
        Cow::Borrowed(_)
    ));
}

#[test]
fn escaped_strings_are_unescaped_into_owned_strings_and_still_validate() {
    let mut value = record();
    value["PartitionKey"] = json!("a\nb\u{e9}\"");
    let bytes = serde_json::to_vec(&value).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains(r#"a\nb"#));
    let parsed: borrowed::KinesisRecord = from_slice_borrowed(&bytes).unwrap();
    assert!(matches!(&parsed.partition_key, Cow::Owned(s) if s == "a\nb\u{e9}\""));
    assert!(matches!(parsed.sequence_number, Cow::Borrowed(_)));
    assert_eq!(
        parsed.clone().into_owned(),
        from_slice::<KinesisRecord>(&bytes).unwrap()
    );

    // Escapes inside arrays, and an escaped string that breaks a constraint: the same
    // violation as the owned parse.
    let mut value = subscribe_event();
    value["ChildShards"][0]["ParentShards"] = json!(["a\tb"]);
    value["ChildShards"][0]["ShardId"] = json!("\u{1F600}\t");
    let bytes = serde_json::to_vec(&value).unwrap();
    let owned = from_slice::<SubscribeToShardEvent>(&bytes).unwrap_err();
    let lent = from_slice_borrowed::<borrowed::SubscribeToShardEvent>(&bytes).unwrap_err();
    assert_eq!(lent, owned);
    assert_eq!(
        lent.violations()[0].pointer,
        "/ChildShards/0/ShardId",
        "{lent}"
    );
    value["ChildShards"][0]["ShardId"] = json!("shard\u{2d}1");
    let bytes = serde_json::to_vec(&value).unwrap();
    let parsed: borrowed::SubscribeToShardEvent = from_slice_borrowed(&bytes).unwrap();
    assert!(matches!(
        &parsed.child_shards.as_ref().unwrap()[0].parent_shards[0],
        Cow::Owned(s) if s == "a\tb"
    ));

    // Escaped base64 is still base64 once unescaped.
    let bytes = br#"{"SequenceNumber":"1","Data":"SGVsbG8\/","PartitionKey":"k"}"#;
    let parsed: borrowed::KinesisRecord = from_slice_borrowed(bytes).unwrap();
    assert_eq!(parsed.data, Base64Ref::from_text("SGVsbG8/"));
    assert!(matches!(parsed.data.as_cow(), Cow::Owned(_)));
    assert_eq!(parsed.data.decode().unwrap(), b"Hello?");
}

/// The error of both parses, asserted identical.
fn same_error<'a, B: Borrowed<'a> + Debug>(bytes: &'a [u8]) -> Error {
    let Err(owned) = from_slice::<B::Owned>(bytes) else {
        panic!("the owned parse accepts {}", String::from_utf8_lossy(bytes));
    };
    let lent = from_slice_borrowed::<B>(bytes).expect_err("the borrowed parse refuses it");
    assert_eq!(lent, owned, "on {}", String::from_utf8_lossy(bytes));
    assert_eq!(lent.to_string(), owned.to_string());
    lent
}

/// Payloads that break the schema, each with the kind of payload it started from.
fn broken_payloads() -> Vec<(&'static str, Value)> {
    let mut cases: Vec<(&str, Value)> = Vec::new();
    let mut v = lambda_event();
    v["Records"][0]["kinesis"]["partitionKey"] = json!("");
    v["Records"][0]["eventSourceARN"] = json!("not an arn");
    v["Records"][0]["kinesis"]["data"] = json!("not base64!");
    cases.push(("lambda", v));
    let mut v = lambda_event();
    v["Records"][0].as_object_mut().unwrap().remove("eventID");
    v["Records"][0]["eventName"] = json!("nope");
    v["Records"][0]["kinesis"]["partitionKey"] = json!("a".repeat(300));
    cases.push(("lambda", v));
    let mut v = lambda_event();
    v["Records"][0]["eventSource"] = json!("AWS:Kinesis ");
    cases.push(("lambda", v));
    let mut v = lambda_event();
    v["Records"][0]["kinesis"]["approximateArrivalTimestamp"] = Value::Null;
    cases.push(("lambda", v));
    let mut v = lambda_event();
    v["Records"][0]["awsRegion"] = json!(7);
    cases.push(("lambda", v));
    cases.push(("lambda", json!({"Records": {}})));
    cases.push(("lambda", json!([])));
    let mut v = record();
    v["SequenceNumber"] = json!("x");
    v["Data"] = json!("SGVsbG8=\n");
    cases.push(("record", v));
    let mut v = record();
    v["PartitionKey"] = json!("\u{e9}".repeat(257));
    cases.push(("record", v));
    let mut v = record();
    v["EncryptionType"] = json!("kms");
    cases.push(("record", v));
    let mut v = subscribe_event();
    v["MillisBehindLatest"] = json!(-1);
    v["ChildShards"][0]["ShardId"] = json!("");
    cases.push(("subscribe", v));
    let mut v = subscribe_event();
    v["MillisBehindLatest"] = json!(1.5);
    v["ChildShards"][0]["ParentShards"] = json!([1]);
    cases.push(("subscribe", v));
    let mut v = subscribe_event();
    v["ChildShards"] = Value::Null;
    cases.push(("subscribe", v));
    cases
}

#[test]
fn violations_and_shape_errors_are_those_of_the_owned_types() {
    for (kind, value) in broken_payloads() {
        let bytes = serde_json::to_vec(&value).unwrap();
        let error = match kind {
            "lambda" => same_error::<borrowed::LambdaKinesisEvent>(&bytes),
            "record" => same_error::<borrowed::KinesisRecord>(&bytes),
            _ => same_error::<borrowed::SubscribeToShardEvent>(&bytes),
        };
        assert!(!error.violations().is_empty(), "{error}");
    }

    // Not JSON at all: the same syntax error.
    for bytes in NOT_JSON {
        same_error::<borrowed::LambdaKinesisEvent>(bytes);
    }
}

const NOT_JSON: [&[u8]; 4] = [b"{", b"", b"{\"Records\": [}", b"\xff"];

#[test]
fn parse_borrowed_by_message_name_equals_parse() {
    let examples = message_examples();
    for (key, name, payload) in &examples {
        let bytes = serde_json::to_vec(payload).unwrap();
        let message = MessageName::from_name(key).expect("a declared message");
        let owned = message
            .parse(&bytes)
            .unwrap_or_else(|e| panic!("{key}/{name}: {e}"));
        let parsed = message
            .parse_borrowed(&bytes)
            .unwrap_or_else(|e| panic!("{key}/{name}: borrowed: {e}"));
        assert_eq!(parsed.name(), message);
        assert!(parsed.validate().is_ok(), "{key}/{name}");
        let back = serde_json::to_value(&parsed).unwrap();
        assert!(json_eq(payload, &back), "{key}/{name}: {back}");
        assert_eq!(
            serde_json::to_string(&parsed).unwrap(),
            serde_json::to_string(&owned).unwrap(),
            "{key}/{name}"
        );
        let converted: kinesis_types::Message = parsed.clone().into();
        assert_eq!(parsed.into_owned(), owned, "{key}/{name}");
        assert_eq!(converted, owned, "{key}/{name}");
    }
    // Every message of the document is covered by an example.
    for message in MessageName::ALL {
        assert!(
            examples.iter().any(|(key, _, _)| key == message.name()),
            "{message} has no example"
        );
    }

    // Payloads that hold text are borrowed from the input.
    let bytes = serde_json::to_vec(&record()).unwrap();
    match MessageName::KinesisRecord.parse_borrowed(&bytes).unwrap() {
        borrowed::Message::KinesisRecord(record) => {
            assert!(matches!(record.partition_key, Cow::Borrowed(_)));
        }
        other => panic!("not a record: {other:?}"),
    }
}

#[test]
fn parse_borrowed_refuses_what_parse_refuses_with_the_same_error() {
    let mut count = 0;
    for (kind, value) in broken_payloads() {
        let bytes = serde_json::to_vec(&value).unwrap();
        let message = match kind {
            "lambda" => MessageName::LambdaKinesisEvent,
            "record" => MessageName::KinesisRecord,
            _ => MessageName::SubscribeToShardEvent,
        };
        for message in [message, MessageName::KinesisRecord] {
            let owned = message.parse(&bytes).expect_err("parse refuses it");
            let lent = message
                .parse_borrowed(&bytes)
                .expect_err("parse_borrowed refuses it");
            assert_eq!(lent, owned, "{message} on {value}");
            assert_eq!(lent.to_string(), owned.to_string());
            count += 1;
        }
    }
    for message in MessageName::ALL {
        for bytes in NOT_JSON {
            let owned = message.parse(bytes).expect_err("not JSON");
            assert_eq!(message.parse_borrowed(bytes).unwrap_err(), owned);
            count += 1;
        }
    }
    assert!(count > 20);
}

#[test]
fn unknown_properties_are_kept_and_written_back() {
    let mut value = lambda_event();
    value["extra"] = json!({"nested": ["x", 1]});
    value["Records"][0]["kinesis"]["more"] = json!("y");
    let bytes = serde_json::to_vec(&value).unwrap();
    agree::<borrowed::LambdaKinesisEvent, LambdaKinesisEvent>(&bytes, &value, "unknown properties");
    let parsed: borrowed::LambdaKinesisEvent = from_slice_borrowed(&bytes).unwrap();
    assert_eq!(
        parsed.additional_properties["extra"],
        kinesis_types::Value::from(json!({"nested": ["x", 1]}))
    );
}

#[test]
fn owned_conversions() {
    let bytes = serde_json::to_vec(&record()).unwrap();
    let parsed: borrowed::KinesisRecord = from_slice_borrowed(&bytes).unwrap();
    let owned: KinesisRecord = parsed.clone().into();
    assert_eq!(owned, IntoOwned::into_owned(parsed));
    assert_eq!(owned.data.decode().unwrap(), b"Hello, World!");
}
