//! Interop with aws_lambda_events (feature `aws-lambda-events`).
#![cfg(feature = "aws-lambda-events")]

mod common;

use aws_lambda_events::event::kinesis::KinesisEvent;
use common::{document_examples, event, record};
use kinesis_lambda::aws::{event_from_aws, event_from_aws_json, event_to_aws, ToAwsError};
use kinesis_types::LambdaKinesisEvent;

#[test]
fn json_written_by_aws_lambda_events_converts_and_validates() {
    let body = event((0..3).map(record).collect());
    let ours: LambdaKinesisEvent = kinesis_types::from_slice(&body).unwrap();
    // What a function that deserialised with aws_lambda_events writes back.
    let theirs: KinesisEvent = serde_json::from_slice(&body).unwrap();
    let written = serde_json::to_vec(&theirs).unwrap();
    let text = String::from_utf8(written.clone()).unwrap();
    assert!(
        text.contains(r#""approximateArrivalTimestamp":"1545084650.987""#),
        "{text}"
    );

    // The document's own validation stays exact: a string is not a number.
    let error = kinesis_types::from_slice::<LambdaKinesisEvent>(&written).unwrap_err();
    let pointers: Vec<String> = error.violations().into_iter().map(|v| v.pointer).collect();
    assert_eq!(
        pointers,
        (0..3)
            .map(|i| format!("/Records/{i}/kinesis/approximateArrivalTimestamp"))
            .collect::<Vec<_>>()
    );

    // The conversion path accepts it, and gives back the same event (but for
    // encryptionType, which aws_lambda_events always writes).
    let converted = event_from_aws_json(&written).unwrap();
    for (a, b) in converted.records.iter().zip(&ours.records) {
        assert_eq!(
            a.kinesis.approximate_arrival_timestamp,
            b.kinesis.approximate_arrival_timestamp
        );
        assert_eq!(a.kinesis.data, b.kinesis.data);
        assert_eq!(a.kinesis.sequence_number, b.kinesis.sequence_number);
        assert_eq!(a.event_id, b.event_id);
        assert_eq!(
            a.kinesis
                .additional_properties
                .get("encryptionType")
                .and_then(|v| v.as_str()),
            Some("NONE")
        );
    }
    // And the typed conversion agrees.
    assert_eq!(event_from_aws(&theirs).unwrap(), ours);
}

#[test]
fn the_documents_examples_go_there_and_back() {
    for (name, payload) in document_examples() {
        let ours: LambdaKinesisEvent = kinesis_types::from_value(&payload).unwrap();
        let has_timestamps = ours
            .records
            .iter()
            .all(|r| r.kinesis.approximate_arrival_timestamp.is_some());
        match event_to_aws(&ours) {
            Ok(theirs) => {
                assert!(has_timestamps, "{name}");
                let back = event_from_aws(&theirs).unwrap();
                // What aws_lambda_events cannot hold: properties the document does
                // not list (the tumbling window's), and encryptionType NONE.
                let mut expected = ours.clone();
                expected.additional_properties = Default::default();
                assert_eq!(back, expected, "{name}");
            }
            Err(error) => {
                assert!(!has_timestamps, "{name}: {error}");
                assert_eq!(
                    error,
                    ToAwsError::NoTimestamp {
                        pointer: "/Records/0/kinesis/approximateArrivalTimestamp".into()
                    }
                );
            }
        }
    }
}

#[test]
fn missing_fields_on_their_side_are_missing_properties_on_ours() {
    let body = event(vec![record(0)]);
    let mut theirs: KinesisEvent = serde_json::from_slice(&body).unwrap();
    theirs.records[0].aws_region = None;
    theirs.records[0].kinesis.kinesis_schema_version = None;
    let error = event_from_aws(&theirs).unwrap_err();
    let found: Vec<(String, String)> = error
        .violations()
        .into_iter()
        .map(|v| (v.pointer, v.message))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().any(|(_, m)| m.contains("awsRegion")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(_, m)| m.contains("kinesisSchemaVersion")),
        "{found:?}"
    );

    // Written by aws_lambda_events, the same event has nulls: read as absent.
    let written = serde_json::to_vec(&theirs).unwrap();
    assert!(String::from_utf8_lossy(&written).contains(r#""awsRegion":null"#));
    let again = event_from_aws_json(&written).unwrap_err();
    assert_eq!(again.violations(), error.violations());
}
