//! The batch handler: leniency per record, the response Lambda reads, the policies,
//! and the errors that fail a whole batch.

mod common;

use std::convert::Infallible;

use common::{
    document_examples, event, order, record, record_with_bytes, remove, sequence_number, set,
};
use kinesis_lambda::{
    handle, handle_data, AfterFailure, BatchError, BatchHandler, BatchOutcome, FailureReason,
};
use kinesis_lambda_fixture::OrderPlaced;
use serde_json::{json, Value};

fn pointers<E: std::fmt::Debug>(outcome: &BatchOutcome<E>, index: usize) -> Vec<(String, String)> {
    let failure = outcome
        .failures
        .iter()
        .find(|f| f.index == index)
        .unwrap_or_else(|| panic!("record {index} did not fail"));
    let violations = match &failure.reason {
        FailureReason::Invalid(violations) => violations.as_slice().to_vec(),
        FailureReason::Data(error) => error.violations(),
        other => panic!("record {index}: {other:?}"),
    };
    violations
        .into_iter()
        .map(|v| (v.pointer, v.keyword.as_str().to_string()))
        .collect()
}

fn reported<E>(outcome: &BatchOutcome<E>) -> Vec<String> {
    outcome
        .response()
        .sequence_numbers()
        .map(str::to_string)
        .collect()
}

fn accept_all(_: &kinesis_lambda::Record<'_, '_>) -> Result<(), Infallible> {
    Ok(())
}

#[test]
fn the_documents_examples_are_whole_successes() {
    let examples = document_examples();
    assert_eq!(examples.len(), 5);
    for (name, payload) in examples {
        let bytes = serde_json::to_vec(&payload).unwrap();
        let mut seen = Vec::new();
        let outcome = handle(&bytes, |record| {
            seen.push(record.sequence_number().to_string());
            Ok::<_, Infallible>(())
        })
        .unwrap();
        let expected: Vec<&str> = payload["Records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["kinesis"]["sequenceNumber"].as_str().unwrap())
            .collect();
        assert_eq!(seen, expected, "{name}");
        assert!(outcome.is_success(), "{name}: {:?}", outcome.failures);
        assert_eq!(
            serde_json::to_string(&outcome.response()).unwrap(),
            r#"{"batchItemFailures":[]}"#,
            "{name}"
        );
    }
}

#[test]
fn a_record_that_does_not_conform_fails_alone() {
    let records = vec![
        record(0),
        set(record(1), "/kinesis/partitionKey", json!("k".repeat(257))),
        record(2),
        set(record(3), "/eventSource", json!("AWS:Kinesis")),
        remove(record(4), "/eventName"),
        set(record(5), "/kinesis/data", json!("not base64!")),
        // The wrong JSON type: a shape error, still reported as this record alone.
        set(record(6), "/awsRegion", json!(42)),
        record(7),
    ];
    let mut processed = Vec::new();
    let outcome = handle(&event(records), |r| {
        processed.push(r.index());
        Ok::<_, Infallible>(())
    })
    .unwrap();
    assert_eq!(processed, [0, 2, 7]);
    assert_eq!(outcome.records, 8);
    assert_eq!(
        reported(&outcome),
        [1, 3, 4, 5, 6].map(sequence_number).to_vec()
    );
    assert_eq!(
        pointers(&outcome, 1),
        [("/Records/1/kinesis/partitionKey".into(), "maxLength".into())]
    );
    assert_eq!(
        pointers(&outcome, 3),
        [("/Records/3/eventSource".into(), "const".into())]
    );
    assert_eq!(
        pointers(&outcome, 4),
        [("/Records/4".into(), "required".into())]
    );
    assert_eq!(
        pointers(&outcome, 5),
        [("/Records/5/kinesis/data".into(), "format".into())]
    );
    assert_eq!(
        pointers(&outcome, 6),
        [("/Records/6/awsRegion".into(), "type".into())]
    );
    let failure = &outcome.failures[0];
    assert_eq!(failure.shard_id, "shardId-000000000006");
    assert_eq!(
        failure.to_string(),
        format!(
            "record 1 ({} of shardId-000000000006): invalid record: 1 violation; \
             /Records/1/kinesis/partitionKey: 257 characters, more than maxLength 256",
            sequence_number(1)
        )
    );
}

#[test]
fn the_response_is_what_lambda_reads() {
    let records = vec![
        record(0),
        set(record(1), "/kinesis/partitionKey", json!("")),
    ];
    let outcome = handle(&event(records), accept_all).unwrap();
    assert_eq!(
        serde_json::to_value(outcome.response()).unwrap(),
        json!({"batchItemFailures": [{"itemIdentifier": sequence_number(1)}]})
    );
}

#[test]
fn data_is_parsed_as_the_message_type_with_pointers_into_it() {
    let not_json = record_with_bytes(1, "shardId-000000000006", b"\x1f\x8b\x08gzip");
    let bad_order =
        json!({"orderId": "ORD-9", "customerId": "C-1", "amount": -12.5, "currency": "eur"});
    let bad_order = record_with_bytes(2, "shardId-000000000006", bad_order.to_string().as_bytes());
    let no_items = json!({"orderId": "ORD-10", "customerId": "C-1", "amount": 1, "currency": "EUR", "items": []});
    let no_items = record_with_bytes(3, "shardId-000000000006", no_items.to_string().as_bytes());
    let records = vec![record(0), not_json, bad_order, no_items, record(4)];

    let mut orders = Vec::new();
    let outcome = handle_data(&event(records), |r, order: OrderPlaced| {
        if order.items.as_ref().is_some_and(Vec::is_empty) {
            return Err(format!("{} has no items", order.order_id));
        }
        orders.push((r.index(), order.order_id));
        Ok(())
    })
    .unwrap();
    assert_eq!(
        orders,
        [(0, "ORD-1000".to_string()), (4, "ORD-1004".to_string())]
    );
    assert_eq!(reported(&outcome), [1, 2, 3].map(sequence_number).to_vec());
    assert_eq!(
        pointers(&outcome, 1),
        [("/Records/1/kinesis/data".into(), "syntax".into())]
    );
    assert_eq!(
        pointers(&outcome, 2),
        [
            ("/Records/2/kinesis/data/amount".into(), "minimum".into()),
            ("/Records/2/kinesis/data/currency".into(), "enum".into())
        ]
    );
    assert!(matches!(
        &outcome.failures[2].reason,
        FailureReason::Handler(message) if message == "ORD-10 has no items"
    ));
    let FailureReason::Data(error) = &outcome.failures[1].reason else {
        panic!("{:?}", outcome.failures[1])
    };
    assert_eq!(error.pointer(), "/Records/2/kinesis/data");
    assert_eq!(
        error.to_string(),
        "/Records/2/kinesis/data: data is not a valid OrderPlaced: 2 violations; \
         /Records/2/kinesis/data/amount: -12.5 is less than minimum 0; \
         /Records/2/kinesis/data/currency: \"eur\" is not one of \"EUR\", \"USD\", \"GBP\""
    );
}

#[test]
fn skip_shard_reports_a_shards_records_from_its_first_failure_on() {
    // Two shards interleaved; shard 7's second record fails.
    let shard = |i: usize| {
        if i % 2 == 0 {
            "shardId-000000000006"
        } else {
            "shardId-000000000007"
        }
    };
    let records: Vec<Value> = (0..8)
        .map(|i| {
            let r = record_with_bytes(i, shard(i), order(i).to_string().as_bytes());
            if i == 3 {
                set(r, "/kinesis/partitionKey", json!(""))
            } else {
                r
            }
        })
        .collect();
    let mut processed = Vec::new();
    let outcome = BatchHandler::new()
        .after_failure(AfterFailure::SkipShard)
        .handle(&event(records), |r| {
            processed.push(r.index());
            Ok::<_, Infallible>(())
        })
        .unwrap();
    assert_eq!(processed, [0, 1, 2, 4, 6]);
    assert_eq!(reported(&outcome), [3, 5, 7].map(sequence_number).to_vec());
    assert!(matches!(
        outcome.failures[0].reason,
        FailureReason::Invalid(_)
    ));
    for failure in &outcome.failures[1..] {
        assert_eq!(failure.shard_id, "shardId-000000000007");
        assert!(
            matches!(&failure.reason, FailureReason::Skipped { after } if *after == sequence_number(3)),
            "{failure:?}"
        );
    }
}

#[test]
fn continue_processes_every_valid_record() {
    let records: Vec<Value> = (0..6)
        .map(|i| {
            if i == 1 {
                remove(record(i), "/eventID")
            } else {
                record(i)
            }
        })
        .collect();
    let mut processed = Vec::new();
    let outcome = handle(&event(records), |r| {
        processed.push(r.index());
        if r.index() == 2 {
            Err("refused")
        } else {
            Ok(())
        }
    })
    .unwrap();
    assert_eq!(processed, [0, 2, 3, 4, 5]);
    assert_eq!(reported(&outcome), [1, 2].map(sequence_number).to_vec());
    // A record without eventID has no shard to name.
    assert_eq!(outcome.failures[0].shard_id, "");
}

#[test]
fn a_broken_envelope_fails_the_batch() {
    let error = handle(b"{\"Records\": [", accept_all).unwrap_err();
    let BatchError::NotJson(kinesis_types::Error::Syntax { line, column, .. }) = &error else {
        panic!("{error:?}")
    };
    assert_eq!((*line, *column), (1, 14));
    for (body, found) in [
        (&b"{}"[..], "no Records property"),
        (b"[]", "array"),
        (b"{\"Records\": {}}", "object"),
        (b"{\"Records\": null}", "null"),
        (b"42", "integer"),
    ] {
        assert_eq!(
            handle(body, accept_all).unwrap_err(),
            BatchError::NoRecords { found },
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    // No records: nothing to retry.
    let outcome = handle(b"{\"Records\": []}", accept_all).unwrap();
    assert_eq!(outcome.records, 0);
    assert!(outcome.is_success());
}

#[test]
fn a_failing_record_without_a_sequence_number_fails_the_batch_before_any_processing() {
    let records = vec![
        record(0),
        remove(record(1), "/kinesis/sequenceNumber"),
        json!(null),
    ];
    let mut processed = 0;
    let error = handle(&event(records), |_| {
        processed += 1;
        Ok::<_, Infallible>(())
    })
    .unwrap_err();
    assert_eq!(processed, 0);
    let BatchError::Unidentifiable { index, reason } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(*index, 1);
    assert!(reason.contains("/Records/1/kinesis"), "{reason}");
    // An empty sequence number is no better (Lambda reads "" as a failed batch).
    let records = vec![
        record(0),
        set(record(1), "/kinesis/sequenceNumber", json!("")),
    ];
    let error = handle(&event(records), |r| {
        if r.index() == 1 {
            Err("refused")
        } else {
            Ok(())
        }
    })
    .unwrap_err();
    assert!(
        matches!(error, BatchError::Unidentifiable { index: 1, .. }),
        "{error:?}"
    );
}

/// Record by record, the handler finds what `from_slice` finds on the whole event.
#[test]
fn the_handler_agrees_with_from_slice_on_the_whole_event() {
    let records = vec![
        record(0),
        set(record(1), "/kinesis/partitionKey", json!("k".repeat(300))),
        set(
            record(2),
            "/eventSourceARN",
            json!("arn:aws:sqs:us-east-1:1:q"),
        ),
        remove(record(3), "/kinesis/data"),
        set(
            record(4),
            "/kinesis/approximateArrivalTimestamp",
            json!("1545084650.987"),
        ),
        set(record(5), "/eventName", json!("aws:kinesis:Record")),
        record(6),
    ];
    let body = event(records);
    let whole = kinesis_types::from_slice::<kinesis_types::LambdaKinesisEvent>(&body).unwrap_err();
    let mut expected: Vec<(String, String)> = whole
        .violations()
        .into_iter()
        .map(|v| (v.pointer, v.keyword.as_str().to_string()))
        .collect();
    let outcome = handle(&body, accept_all).unwrap();
    let mut got: Vec<(String, String)> = outcome
        .failures
        .iter()
        .flat_map(|f| pointers(&outcome, f.index))
        .collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    assert_eq!(
        reported(&outcome),
        [1, 2, 3, 4, 5].map(sequence_number).to_vec()
    );
}
