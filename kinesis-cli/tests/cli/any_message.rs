//! `kinesis validate` without `--message`: every message tried.

use super::*;

// ---------------------------------------------------------------------------------------
// validate without --message

#[test]
fn without_a_message_the_fitting_one_is_named() {
    let run = kinesis(&["validate"], RECORD.as_bytes());
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "<stdin>: valid KinesisRecord\n");
    let run = kinesis(&["validate", "--json"], RECORD.as_bytes());
    assert_eq!(
        run.stdout,
        "{\"file\":\"-\",\"valid\":true,\"matches\":[\"KinesisRecord\"]}\n"
    );
}

#[test]
fn without_a_message_several_fits_are_said() {
    let both = r#"{"Records":[],"ContinuationSequenceNumber":"1","MillisBehindLatest":0}"#;
    let run = kinesis(&["validate", "--json"], both.as_bytes());
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "{\"file\":\"-\",\"valid\":true,\"matches\":[\"SubscribeToShardEvent\",\"LambdaKinesisEvent\"]}\n"
    );
    let run = kinesis(&["validate"], both.as_bytes());
    assert_eq!(
        run.stdout,
        "<stdin>: valid, fits 2 messages: SubscribeToShardEvent, LambdaKinesisEvent\n"
    );
    assert_eq!(
        run.stderr,
        "1 payload: 1 valid, 0 invalid (1 fit more than one message)\n"
    );
}

#[test]
fn without_a_message_no_fit_reports_the_closest() {
    let bad = record_with_partition_key("");
    let run = kinesis(&["validate", "--json"], bad.as_bytes());
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "{\"file\":\"-\",\"valid\":false,\"matches\":[],\"closest\":\"KinesisRecord\",\"errors\":[{\"path\":\
         \"/PartitionKey\",\"keyword\":\"minLength\",\"message\":\"0 characters, fewer than \
         minLength 1\"}]}\n"
    );
    let run = kinesis(&["validate"], bad.as_bytes());
    assert_eq!(run.code, 1);
    let mut out = run.stdout.lines();
    assert_eq!(
        out.next(),
        Some("<stdin>: invalid: fits none of the 3 messages; closest is KinesisRecord")
    );
    assert_eq!(out.next(), Some("  as KinesisRecord: 1 violation"));
    assert_eq!(
        out.next(),
        Some("    /PartitionKey: 0 characters, fewer than minLength 1")
    );
    assert!(run.stdout.contains("  as SubscribeToShardEvent: "));
    assert!(run.stdout.contains("  as LambdaKinesisEvent: "));
    // Syntax errors: no closest message.
    let run = kinesis(&["validate", "--json"], b"nope");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "{\"file\":\"-\",\"valid\":false,\"matches\":[],\"errors\":[{\"path\":\"\",\"keyword\":\"syntax\",\
         \"message\":\"not valid JSON at line 1 column 1: expected a value, found `n`\"}]}\n"
    );
}
