//! The example function (`examples/orders_function.rs`), invoked as Lambda would
//! invoke it, on batches of 4,000 records (the largest batch a Kinesis event source
//! mapping hands a function is 10,000 records or 6 MB).

mod common;

#[allow(dead_code)]
#[path = "../examples/orders_function.rs"]
mod function;

use common::{
    document_examples, event, order, record, record_with_bytes, remove, sequence_number, set,
};
use lambda_runtime::{Context, LambdaEvent};
use serde_json::value::RawValue;
use serde_json::{json, Value};

const RECORDS: usize = 4_000;

/// Invokes the example's handler with `body` as the event.
fn invoke(body: Vec<u8>) -> Result<Value, lambda_runtime::Error> {
    let payload: Box<RawValue> = serde_json::from_slice(&body).expect("the test's events are JSON");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let response = runtime.block_on(function::function_handler(LambdaEvent::new(
        payload,
        Context::default(),
    )))?;
    Ok(serde_json::to_value(response).expect("the response is JSON"))
}

fn failures(sequence_numbers: &[usize]) -> Value {
    json!({
        "batchItemFailures": sequence_numbers
            .iter()
            .map(|&i| json!({"itemIdentifier": sequence_number(i)}))
            .collect::<Vec<_>>()
    })
}

#[test]
fn a_batch_of_valid_orders_reports_nothing() {
    let records = (0..RECORDS).map(record).collect();
    assert_eq!(invoke(event(records)).unwrap(), failures(&[]));
}

#[test]
fn a_mixed_batch_reports_exactly_the_failing_records() {
    let shard = "shardId-000000000006";
    let mut expected = Vec::new();
    let records = (0..RECORDS)
        .map(|i| {
            let broken = match i % 397 {
                // The record breaks the Kinesis document.
                5 => Some(set(record(i), "/kinesis/partitionKey", json!(""))),
                11 => Some(remove(record(i), "/eventSourceARN")),
                // The data is not base64, not JSON, or not a valid order.
                23 => Some(set(record(i), "/kinesis/data", json!("QQ"))),
                42 => Some(record_with_bytes(i, shard, b"<order id=\"1\"/>")),
                61 => Some(record_with_bytes(
                    i,
                    shard,
                    set(order(i), "/currency", json!("eur"))
                        .to_string()
                        .as_bytes(),
                )),
                // A valid order the function refuses (no items).
                77 => Some(record_with_bytes(
                    i,
                    shard,
                    set(order(i), "/items", json!([])).to_string().as_bytes(),
                )),
                _ => None,
            };
            match broken {
                Some(r) => {
                    expected.push(i);
                    r
                }
                None => record(i),
            }
        })
        .collect();
    assert_eq!(expected.len(), 63);
    assert_eq!(invoke(event(records)).unwrap(), failures(&expected));
}

#[test]
fn an_event_that_is_not_a_kinesis_event_is_a_function_error() {
    let error = invoke(br#"{"Records": "none"}"#.to_vec()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the Kinesis event has no Records array (found string)"
    );
}

/// The Kinesis document's example events are valid Lambda events, but their data is
/// text or other JSON, not orders: the function reports every record, by its
/// sequence number.
#[test]
fn the_documents_examples_are_reported_as_not_orders() {
    for (name, payload) in document_examples() {
        let expected: Vec<Value> = payload["Records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| json!({"itemIdentifier": r["kinesis"]["sequenceNumber"]}))
            .collect();
        assert!(!expected.is_empty(), "{name}");
        let response = invoke(serde_json::to_vec(&payload).unwrap()).unwrap();
        assert_eq!(response, json!({ "batchItemFailures": expected }), "{name}");
    }
}
