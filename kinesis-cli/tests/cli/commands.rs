//! `kinesis messages`, `examples`, `schema`, `generate`, and help.

use super::*;

// ---------------------------------------------------------------------------------------
// messages, examples, schema

#[test]
fn messages_lists_channels_and_operations() {
    let run = kinesis(&["messages"], b"");
    assert_eq!(run.code, 0);
    assert!(run
        .stdout
        .starts_with("KinesisRecord: Kinesis Data Record\n"));
    assert!(run.stdout.contains(
        "  operations:   publishRecord (send on kinesisStreamShard), consumeRecordsByPolling \
         (receive on kinesisStreamShard)\n"
    ));
    let run = kinesis(&["messages", "--json"], b"");
    assert_eq!(run.code, 0);
    let list: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let names: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|m| m["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        [
            "KinesisRecord",
            "SubscribeToShardEvent",
            "LambdaKinesisEvent"
        ]
    );
    assert_eq!(
        list[2]["channels"],
        json!([{"key": "lambdaEventSource", "address": "kinesis/{streamName}/lambda-event-source"}])
    );
    assert_eq!(
        list[2]["operations"],
        json!([{"id": "consumeRecordsByLambda", "action": "receive", "channel": "lambdaEventSource"}])
    );
    assert_eq!(list[0]["contentType"], "application/json");
}

#[test]
fn examples_pipe_into_validate() {
    let run = kinesis(&["examples", "LambdaKinesisEvent", "--ndjson"], b"");
    assert_eq!(run.code, 0);
    let count = run.stdout.lines().count();
    assert!(count >= 2, "{}", run.stdout);
    let checked = kinesis(
        &["validate", "-m", "LambdaKinesisEvent", "--ndjson"],
        run.stdout.as_bytes(),
    );
    assert_eq!(checked.code, 0, "{}", checked.stdout);
    assert_eq!(
        checked.stderr,
        format!("{count} payloads: {count} valid, 0 invalid\n")
    );
}

#[test]
fn examples_are_a_json_array_with_names() {
    let run = kinesis(&["examples"], b"");
    assert_eq!(run.code, 0);
    let list: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let first = &list[0];
    assert_eq!(first["message"], "KinesisRecord");
    assert_eq!(first["example"], "minimalRecord");
    assert_eq!(first["payload"]["PartitionKey"], "1");
    let keys: Vec<&String> = first.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["message", "example", "summary", "payload"]);

    let run = kinesis(
        &["examples", "KinesisRecord", "--example", "minimalRecord"],
        b"",
    );
    assert_eq!(run.code, 0);
    let payload: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(payload, first["payload"]);
    let checked = kinesis(&["validate", "-m", "KinesisRecord"], run.stdout.as_bytes());
    assert_eq!(checked.code, 0);

    let run = kinesis(&["examples", "KinesisRecord", "--example", "nope"], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("kinesis: message KinesisRecord has no example \"nope\"; its examples are: minimalRecord, "),
        "{}",
        run.stderr
    );
    let run = kinesis(&["examples", "Nope"], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("KinesisRecord"), "{}", run.stderr);
}

#[test]
fn schema_prints_the_payload_schema() {
    let run = kinesis(&["schema", "KinesisRecord"], b"");
    assert_eq!(run.code, 0);
    let schema: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert!(run.stdout.starts_with("{\n  \""), "pretty: {}", run.stdout);
    assert_eq!(schema["type"], "object");
    let required = schema["required"].as_array().expect("required");
    for name in ["SequenceNumber", "Data", "PartitionKey"] {
        assert!(required.contains(&json!(name)), "{name}");
    }
    assert_eq!(
        schema["properties"]["PartitionKey"]["maxLength"],
        json!(256)
    );
    let run = kinesis(&["schema", "kinesisrecord"], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("known messages are"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------
// generate

#[test]
fn generate_prints_or_writes_the_code() {
    let run = kinesis(&["generate"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("pub struct KinesisRecord"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("pub enum MessageName"));
    let dir = dir("generate");
    let out = dir.join("kinesis.rs");
    let out = out.to_str().expect("UTF-8");
    let written = kinesis(&["generate", "-o", out], b"");
    assert_eq!(written.code, 0);
    assert_eq!(written.stdout, "");
    assert_eq!(std::fs::read_to_string(out).expect("written"), run.stdout);

    let spec = write(&dir, "orders.yaml", ORDERS);
    let run = kinesis(&["generate", &spec], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("pub struct Order"), "{}", run.stdout);
}

#[test]
fn generate_refuses_a_broken_document() {
    let dir = dir("generate_broken");
    let spec = write(
        &dir,
        "broken.yaml",
        ORDERS.replace(
            "$ref: '#/components/schemas/Customer'",
            "$ref: '#/components/schemas/Client'",
        ),
    );
    let run = kinesis(&["generate", &spec], b"");
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("#/components/schemas/Order/properties/customer/$ref"),
        "{}",
        run.stderr
    );
    let run = kinesis(&["generate", "/nonexistent/spec.yaml"], b"");
    assert_eq!(run.code, 2);
    let run = kinesis(&["generate", "-o", "/nonexistent/dir/out.rs"], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("/nonexistent/dir/out.rs"),
        "{}",
        run.stderr
    );
}

#[test]
fn help_and_version_succeed() {
    let run = kinesis(&["--help"], b"");
    assert_eq!(run.code, 0);
    for command in [
        "validate", "messages", "examples", "schema", "check", "generate", "tail",
    ] {
        assert!(run.stdout.contains(command), "{command}");
    }
    let run = kinesis(&["--version"], b"");
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("kinesis "));
}

/// `kinesis tail` is a command in every build; without the `tail` feature it says how
/// to get it (the tests with a Kinesis server are in `tests/tail.rs`).
#[test]
fn tail_is_there_with_or_without_the_feature() {
    let run = kinesis(&["tail", "--help"], b"");
    assert_eq!(run.code, 0);
    for option in [
        "--stream",
        "--endpoint",
        "--from",
        "--data-spec",
        "--follow",
    ] {
        assert!(run.stdout.contains(option), "{option}");
    }
    let run = kinesis(&["tail"], b"");
    assert_eq!(run.code, 2, "--stream is required");
    if cfg!(not(feature = "tail")) {
        let run = kinesis(&["tail", "--stream", "orders"], b"");
        assert_eq!(run.code, 2);
        assert!(
            run.stderr
                .starts_with("kinesis: this kinesis was built without `tail`")
                && run.stderr.contains("--features tail"),
            "{}",
            run.stderr
        );
    }
}

/// The README's quick start validates `examples/payloads/`: the valid files are the
/// document's own examples (so they cannot drift from it), the invalid one fails with
/// the violations the README shows.
#[test]
fn the_bundled_payload_files_match_the_document() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/payloads");
    for (file, message, example) in [
        (
            "lambda-kinesis-event.json",
            "LambdaKinesisEvent",
            "fullBatch",
        ),
        ("kinesis-record.json", "KinesisRecord", "fullRecordKms"),
        (
            "subscribe-to-shard-event.json",
            "SubscribeToShardEvent",
            "shardEndAfterSplit",
        ),
    ] {
        let path = root.join(file);
        let on_disk: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let printed = kinesis(&["examples", message, "--example", example], b"");
        let from_document: Value = serde_json::from_str(&printed.stdout).unwrap();
        assert_eq!(
            on_disk, from_document,
            "{file} differs from {message}/{example}"
        );
        let run = kinesis(
            &["validate", "--message", message, path.to_str().unwrap()],
            b"",
        );
        assert_eq!(run.code, 0, "{file}: {}", run.stdout);
    }
    let invalid = root.join("invalid-lambda-kinesis-event.json");
    let run = kinesis(
        &[
            "validate",
            "--message",
            "LambdaKinesisEvent",
            invalid.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains(
        "  /Records/0/kinesis/partitionKey: 257 characters, more than maxLength 256\n  /Records/0/eventSource: \"AWS:Kinesis\" is not \"aws:kinesis\"\n"
    ), "{}", run.stdout);
}
