//! Lambda Kinesis events built for the tests: records with distinct sequence numbers,
//! partition keys and data, and the document's own examples.

#![allow(dead_code)]

use base64::Engine as _;
use serde_json::{json, Value};

/// The sequence number of record `i` (56 digits, increasing, as the service's).
pub fn sequence_number(i: usize) -> String {
    format!("4959033827149025660855969253836157109592157598913{:07}", i)
}

/// A valid `OrderPlaced`'s JSON for record `i`.
pub fn order(i: usize) -> Value {
    let currency = ["EUR", "USD", "GBP"][i % 3];
    json!({
        "orderId": format!("ORD-{}", 1000 + i),
        "customerId": format!("C-{}", i % 97),
        "amount": (i % 500) as f64 + 0.25,
        "currency": currency,
        "items": [{"sku": format!("SKU-{}", i % 13), "quantity": 1 + i % 4}]
    })
}

/// Record `i` of `shard`, with `data` as its bytes.
pub fn record_with_bytes(i: usize, shard: &str, data: &[u8]) -> Value {
    let sequence = sequence_number(i);
    json!({
        "kinesis": {
            "kinesisSchemaVersion": "1.0",
            "partitionKey": format!("customer-{i}"),
            "sequenceNumber": sequence,
            "data": base64::engine::general_purpose::STANDARD.encode(data),
            "approximateArrivalTimestamp": 1545084650.987
        },
        "eventSource": "aws:kinesis",
        "eventVersion": "1.0",
        "eventID": format!("{shard}:{sequence}"),
        "eventName": "aws:kinesis:record",
        "invokeIdentityArn": "arn:aws:iam::123456789012:role/lambda-role",
        "awsRegion": "us-east-2",
        "eventSourceARN": "arn:aws:kinesis:us-east-2:123456789012:stream/orders"
    })
}

/// Record `i` of shard 6 holding order `i`.
pub fn record(i: usize) -> Value {
    record_with_bytes(
        i,
        "shardId-000000000006",
        &serde_json::to_vec(&order(i)).unwrap(),
    )
}

/// An event of these records, as bytes.
pub fn event(records: Vec<Value>) -> Vec<u8> {
    serde_json::to_vec(&json!({ "Records": records })).unwrap()
}

/// Sets the value at `pointer` (which must exist) in `value`.
pub fn set(mut value: Value, pointer: &str, to: Value) -> Value {
    *value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}")) = to;
    value
}

/// Removes the property at `pointer`.
pub fn remove(mut value: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    value
        .pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    value
}

/// The payloads of the document's `LambdaKinesisEvent` examples, by name.
pub fn document_examples() -> Vec<(String, Value)> {
    let doc: Value = serde_yaml::from_str(kinesis_types::SPEC_YAML).unwrap();
    doc["components"]["messages"]["LambdaKinesisEvent"]["examples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_string(),
                e["payload"].clone(),
            )
        })
        .collect()
}
