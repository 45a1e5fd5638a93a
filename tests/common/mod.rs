//! Payloads and document examples shared by the integration tests.

#![allow(dead_code)] // each test file uses its own share of these

use serde_json::{json, Value};

pub const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/spec/kinesis-data-streams.asyncapi.yaml"
);

/// The bundled document, as JSON.
pub fn spec() -> Value {
    let text = std::fs::read_to_string(SPEC).expect("the bundled document is readable");
    serde_yaml::from_str(&text).expect("the bundled document is YAML")
}

/// (message key, example name, payload) for every message example in the document.
pub fn message_examples() -> Vec<(String, String, Value)> {
    let doc = spec();
    let messages = doc
        .pointer("/components/messages")
        .and_then(Value::as_object)
        .expect("components/messages");
    let mut out = Vec::new();
    for (key, message) in messages {
        for example in message["examples"].as_array().into_iter().flatten() {
            let name = example["name"].as_str().unwrap_or("(unnamed)").to_string();
            out.push((key.clone(), name, example["payload"].clone()));
        }
    }
    out
}

/// A valid KinesisRecord with every property.
pub fn record() -> Value {
    json!({
        "SequenceNumber": "49590338271490256608559692538361571095921575989136588898",
        "ApproximateArrivalTimestamp": 1545084650.987,
        "Data": "SGVsbG8sIFdvcmxkIQ==",
        "PartitionKey": "user-42",
        "EncryptionType": "KMS"
    })
}

/// A valid LambdaKinesisEvent of one record with every property.
pub fn lambda_event() -> Value {
    json!({
        "Records": [{
            "kinesis": {
                "kinesisSchemaVersion": "1.0",
                "partitionKey": "1",
                "sequenceNumber": "49590338271490256608559692538361571095921575989136588898",
                "data": "SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==",
                "approximateArrivalTimestamp": 1545084650.987
            },
            "eventSource": "aws:kinesis",
            "eventVersion": "1.0",
            "eventID": "shardId-000000000006:49590338271490256608559692538361571095921575989136588898",
            "eventName": "aws:kinesis:record",
            "invokeIdentityArn": "arn:aws:iam::123456789012:role/lambda-role",
            "awsRegion": "us-east-2",
            "eventSourceARN": "arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream"
        }]
    })
}

/// A valid SubscribeToShardEvent of one record and one child shard.
pub fn subscribe_event() -> Value {
    json!({
        "Records": [record()],
        "ContinuationSequenceNumber": "49590338271490256608559692538361571095921575989136588898",
        "MillisBehindLatest": 0,
        "ChildShards": [{
            "ShardId": "shardId-000000000001",
            "ParentShards": ["shardId-000000000000"],
            "HashKeyRange": {"StartingHashKey": "0", "EndingHashKey": "1"}
        }]
    })
}
