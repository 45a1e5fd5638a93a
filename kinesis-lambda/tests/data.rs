//! Typed data of the other record types: `KinesisRecord` (GetRecords),
//! `SubscribeToShardEvent` (enhanced fan-out), and the Lambda types outside the handler.

mod common;

use base64::Engine as _;
use common::{event, order, record, record_with_bytes};
use kinesis_lambda::{DataErrorKind, RecordData, RecordsData};
use kinesis_lambda_fixture::OrderPlaced;
use kinesis_types::{borrowed, KinesisRecord, LambdaKinesisEvent, SubscribeToShardEvent};
use serde_json::json;

fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn kinesis_record(data: &[u8]) -> serde_json::Value {
    json!({
        "SequenceNumber": "49590338271490256608559692538361571095921575989136588898",
        "Data": base64(data),
        "PartitionKey": "customer-1"
    })
}

#[test]
fn a_get_records_record_reads_its_data() {
    let good = order(1).to_string();
    let record: KinesisRecord =
        kinesis_types::from_value(&kinesis_record(good.as_bytes())).unwrap();
    let order: OrderPlaced = record.data_as().unwrap();
    assert_eq!(order.order_id, "ORD-1001");

    let bad = json!({"orderId": "X-1", "customerId": "", "amount": 1, "currency": "EUR"});
    let record: KinesisRecord =
        kinesis_types::from_value(&kinesis_record(bad.to_string().as_bytes())).unwrap();
    let error = record.data_as::<OrderPlaced>().unwrap_err();
    let pointers: Vec<String> = error.violations().into_iter().map(|v| v.pointer).collect();
    assert_eq!(pointers, ["/Data/orderId", "/Data/customerId"]);

    // The borrowed twin reads the same.
    let text = kinesis_record(b"[1, 2").to_string();
    let record: borrowed::KinesisRecord<'_> =
        kinesis_types::from_slice_borrowed(text.as_bytes()).unwrap();
    let error = record.data_as::<OrderPlaced>().unwrap_err();
    assert!(matches!(
        error.kind(),
        DataErrorKind::Parse(kinesis_types::Error::Syntax { line: 1, .. })
    ));
    assert_eq!(error.violations()[0].pointer, "/Data");
    assert_eq!(error.violations()[0].keyword.as_str(), "syntax");
}

#[test]
fn subscribe_to_shard_events_read_every_records_data() {
    let bad = json!({"orderId": "ORD-1", "customerId": "C", "amount": 1, "currency": "EUR",
                     "items": [{"sku": "S", "quantity": 0}]});
    let event = json!({
        "Records": [kinesis_record(order(0).to_string().as_bytes()), kinesis_record(bad.to_string().as_bytes())],
        "ContinuationSequenceNumber": "49590338271490256608559692538361571095921575989136588898",
        "MillisBehindLatest": 0
    });
    let event: SubscribeToShardEvent = kinesis_types::from_value(&event).unwrap();
    let data = event.records_data_as::<OrderPlaced>();
    assert_eq!(data[0].as_ref().unwrap().order_id, "ORD-1000");
    let error = data[1].as_ref().unwrap_err();
    assert_eq!(error.pointer(), "/Records/1/Data");
    assert_eq!(
        error.violations()[0].pointer,
        "/Records/1/Data/items/0/quantity"
    );
}

#[test]
fn lambda_events_read_every_records_data() {
    let body = event(vec![
        record(0),
        record_with_bytes(1, "shardId-000000000001", b"{\"orderId\": 7}"),
    ]);
    let event: LambdaKinesisEvent = kinesis_types::from_slice(&body).unwrap();
    let data = event.records_data_as::<OrderPlaced>();
    assert!(data[0].is_ok());
    let violations: Vec<(String, &str)> = data[1]
        .as_ref()
        .unwrap_err()
        .violations()
        .into_iter()
        .map(|v| (v.pointer, v.keyword.as_str()))
        .collect();
    let data_at = "/Records/1/kinesis/data";
    assert_eq!(
        violations,
        [
            // customerId, amount and currency are missing; orderId is not a string.
            (data_at.to_string(), "required"),
            (data_at.to_string(), "required"),
            (data_at.to_string(), "required"),
            (format!("{data_at}/orderId"), "type"),
        ]
    );
    // The record's `kinesis` object on its own.
    assert!(event.records[1].kinesis.data_as::<OrderPlaced>().is_err());
    assert_eq!(
        event.records[1]
            .kinesis
            .data_as::<OrderPlaced>()
            .unwrap_err()
            .pointer(),
        "/data"
    );
}

#[test]
fn data_that_is_not_base64_is_reported_where_it_is() {
    // Only a value built in Rust can hold such data: the document refuses it.
    let mut record: KinesisRecord = kinesis_types::from_value(&kinesis_record(b"{}")).unwrap();
    record.data = kinesis_types::Base64Data::from_text("QQ");
    let error = record.data_as::<OrderPlaced>().unwrap_err();
    assert!(matches!(error.kind(), DataErrorKind::NotBase64(_)));
    assert_eq!(error.violations()[0].pointer, "/Data");
    assert_eq!(error.violations()[0].keyword.as_str(), "format");
}
