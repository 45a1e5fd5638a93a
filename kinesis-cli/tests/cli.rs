//! End to end: the built `kinesis` binary on files and standard input, its output and
//! exit status.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

const RECORD: &str = r#"{"SequenceNumber":"49590338271490256608559692538361571095921575989136588898","Data":"SGVsbG8=","PartitionKey":"user-42"}"#;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `kinesis ARGS` with `stdin` as its standard input.
fn kinesis(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinesis"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // Write from another thread: the child may answer before reading everything.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("the writer finishes");
    Run {
        code: output.status.code().expect("an exit status, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    }
}

/// A fresh directory for one test.
fn dir(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("kinesis-cli")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("a temporary file");
    path.to_str().expect("a UTF-8 path").to_string()
}

fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

fn record_with_partition_key(key: &str) -> String {
    json!({
        "SequenceNumber": "49590338271490256608559692538361571095921575989136588898",
        "Data": "SGVsbG8=",
        "PartitionKey": key,
    })
    .to_string()
}

// ---------------------------------------------------------------------------------------
// validate: whole documents

#[test]
fn a_valid_file_is_valid() {
    let dir = dir("valid_file");
    let file = write(&dir, "record.json", RECORD);
    let run = kinesis(&["validate", "--message", "KinesisRecord", &file], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("{file}: valid KinesisRecord\n"));
    assert_eq!(run.stderr, "1 payload: 1 valid, 0 invalid\n");
}

#[test]
fn an_invalid_file_lists_each_violation_with_its_pointer() {
    let dir = dir("invalid_file");
    let event = json!({
        "Records": [{
            "kinesis": {
                "kinesisSchemaVersion": "1.0",
                "partitionKey": "k".repeat(257),
                "sequenceNumber": "49590338271490256608559692538361571095921575989136588898",
                "data": "SGVsbG8=",
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
    });
    let file = write(&dir, "event.json", event.to_string());
    let run = kinesis(&["validate", "-m", "LambdaKinesisEvent", &file], b"");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{file}: invalid LambdaKinesisEvent: 1 violation\n  \
             /Records/0/kinesis/partitionKey: 257 characters, more than maxLength 256\n"
        )
    );
    assert_eq!(run.stderr, "1 payload: 0 valid, 1 invalid\n");

    let run = kinesis(
        &["validate", "-m", "LambdaKinesisEvent", "--json", &file],
        b"",
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "{\"valid\":false,\"errors\":[{\"path\":\"/Records/0/kinesis/partitionKey\",\
         \"keyword\":\"maxLength\",\"message\":\"257 characters, more than maxLength 256\"}]}\n"
    );
    assert_eq!(run.stderr, "", "no summary with --json");
}

#[test]
fn every_violation_of_a_payload_is_listed() {
    let bad = r#"{"SequenceNumber":"x","Data":"S!k=","PartitionKey":"","EncryptionType":"AES"}"#;
    let run = kinesis(
        &["validate", "-m", "KinesisRecord", "--json"],
        bad.as_bytes(),
    );
    assert_eq!(run.code, 1);
    let [result] = lines(&run.stdout).try_into().expect("one line");
    let found: Vec<(&str, &str)> = result["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["path"].as_str().expect("path"),
                e["keyword"].as_str().expect("keyword"),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("/SequenceNumber", "pattern"),
            ("/Data", "format"),
            ("/PartitionKey", "minLength"),
            ("/EncryptionType", "enum"),
        ]
    );
    for error in result["errors"].as_array().expect("errors") {
        let keys: Vec<&String> = error.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["path", "keyword", "message"]);
    }
}

#[test]
fn standard_input_is_read_when_no_file_or_a_dash_is_given() {
    let run = kinesis(&["validate", "-m", "KinesisRecord"], RECORD.as_bytes());
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "<stdin>: valid KinesisRecord\n");
    let run = kinesis(&["validate", "-m", "KinesisRecord", "-"], RECORD.as_bytes());
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "<stdin>: valid KinesisRecord\n");
}

#[test]
fn json_that_does_not_parse_gives_line_and_column() {
    let run = kinesis(
        &["validate", "-m", "KinesisRecord"],
        b"{\n  \"SequenceNumber\": \"1\",\n  \"Data\" \"x\"\n}\n",
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout, "<stdin>:3:10: not valid JSON: expected `:`, found `\"`\n",
        "{}",
        run.stdout
    );
    let run = kinesis(&["validate", "-m", "KinesisRecord", "--json"], b"[1,");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "{\"valid\":false,\"errors\":[{\"path\":\"\",\"keyword\":\"syntax\",\
         \"message\":\"not valid JSON at line 1 column 4: expected a value, found the end of the input (in /1)\"}]}\n"
    );
}

#[test]
fn an_empty_document_is_not_json() {
    let run = kinesis(&["validate", "-m", "KinesisRecord"], b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with(
            "<stdin>:1:1: not valid JSON: expected a value, found the end of the input"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn several_files_are_reported_in_order() {
    let dir = dir("several_files");
    let good = write(&dir, "good.json", RECORD);
    let bad = write(&dir, "bad.json", record_with_partition_key(""));
    let run = kinesis(
        &["validate", "-m", "KinesisRecord", &good, &bad, &good],
        b"",
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        format!(
            "{good}: valid KinesisRecord\n{bad}: invalid KinesisRecord: 1 violation\n  \
             /PartitionKey: 0 characters, fewer than minLength 1\n{good}: valid KinesisRecord\n"
        )
    );
    assert_eq!(run.stderr, "3 payloads: 2 valid, 1 invalid\n");
}

// ---------------------------------------------------------------------------------------
// validate: usage and I/O errors

#[test]
fn an_unknown_message_lists_the_known_ones() {
    let run = kinesis(
        &["validate", "--message", "KinesisRecords"],
        RECORD.as_bytes(),
    );
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "kinesis: unknown message \"KinesisRecords\"; the known messages are: KinesisRecord, \
         SubscribeToShardEvent, LambdaKinesisEvent\n"
    );
}

#[test]
fn a_missing_file_is_named_and_the_others_still_checked() {
    let dir = dir("missing_file");
    let good = write(&dir, "good.json", RECORD);
    let missing = dir.join("missing.json");
    let missing = missing.to_str().expect("UTF-8");
    let run = kinesis(&["validate", "-m", "KinesisRecord", missing, &good], b"");
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, format!("{good}: valid KinesisRecord\n"));
    assert!(
        run.stderr
            .starts_with(&format!("kinesis: cannot read {missing}: ")),
        "{}",
        run.stderr
    );
    // Missing beats invalid: the answer is incomplete.
    let bad = write(&dir, "bad.json", "{}");
    let run = kinesis(&["validate", "-m", "KinesisRecord", &bad, missing], b"");
    assert_eq!(run.code, 2);
    // And in NDJSON mode too.
    let run = kinesis(&["validate", "--ndjson", missing], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(missing), "{}", run.stderr);
}

#[test]
fn a_directory_is_an_io_error() {
    let dir = dir("directory");
    let name = dir.to_str().expect("UTF-8");
    for ndjson in [false, true] {
        let mut args = vec!["validate", "-m", "KinesisRecord", name];
        if ndjson {
            args.push("--ndjson");
        }
        let run = kinesis(&args, b"");
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr
                .starts_with(&format!("kinesis: cannot read {name}: ")),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn emit_needs_json() {
    let run = kinesis(
        &["validate", "-m", "KinesisRecord", "--emit"],
        RECORD.as_bytes(),
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--json"), "{}", run.stderr);
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    let run = kinesis(&["validate", "--bogus"], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--bogus"), "{}", run.stderr);
    let run = kinesis(&["frobnicate"], b"");
    assert_eq!(run.code, 2);
}

// ---------------------------------------------------------------------------------------
// validate --ndjson

#[test]
fn a_mixed_stream_reports_line_numbers() {
    let input = format!(
        "{RECORD}\n\n{}\n{{\"SequenceNumber\": \n   \n{RECORD}\r\n\u{1}\n",
        record_with_partition_key("")
    );
    let mut input = input.into_bytes();
    input.extend_from_slice(b"{\"SequenceNumber\":\"\xff\"}\n");

    let run = kinesis(&["validate", "-m", "KinesisRecord", "--ndjson"], &input);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "<stdin>:3: invalid KinesisRecord: 1 violation\n  \
         /PartitionKey: 0 characters, fewer than minLength 1\n\
         <stdin>:4:20: not valid JSON: expected a value, found the end of the input (in /SequenceNumber)\n\
         <stdin>:7:1: not valid JSON: expected a value, found U+0001\n\
         <stdin>:8:20: not valid JSON: a string is not valid UTF-8 (in /SequenceNumber)\n"
    );
    assert_eq!(run.stderr, "6 payloads: 2 valid, 4 invalid\n");

    let run = kinesis(
        &["validate", "-m", "KinesisRecord", "--ndjson", "--json"],
        &input,
    );
    assert_eq!(run.code, 1);
    let results = lines(&run.stdout);
    let valid: Vec<bool> = results
        .iter()
        .map(|r| r["valid"].as_bool().expect("valid"))
        .collect();
    assert_eq!(valid, [true, false, false, true, false, false]);
    assert_eq!(results[0], json!({"valid": true}));
    assert_eq!(results[1]["errors"][0]["keyword"], "minLength");
    assert_eq!(results[2]["errors"][0]["keyword"], "syntax");
    assert_eq!(
        results[2]["errors"][0]["message"],
        "not valid JSON at line 4 column 20: expected a value, found the end of the input (in /SequenceNumber)"
    );
    assert_eq!(results[5]["errors"][0]["path"], "");
}

#[test]
fn an_empty_stream_has_no_payloads() {
    for input in [&b""[..], b"\n\n  \n"] {
        let run = kinesis(&["validate", "-m", "KinesisRecord", "--ndjson"], input);
        assert_eq!(run.code, 0);
        assert_eq!(run.stdout, "");
        assert_eq!(run.stderr, "0 payloads: 0 valid, 0 invalid\n");
        let run = kinesis(&["validate", "--ndjson", "--json"], input);
        assert_eq!(run.code, 0);
        assert_eq!(run.stdout, "");
    }
}

#[test]
fn a_huge_line_goes_through() {
    let dir = dir("huge_line");
    let blob = "A".repeat(50 << 20);
    let huge_valid =
        format!(r#"{{"SequenceNumber":"1","Data":"SGk=","PartitionKey":"k","Unlisted":"{blob}"}}"#);
    let huge_invalid = format!(r#"{{"SequenceNumber":"1","Data":"{blob}","PartitionKey":"k"}}"#);
    let file = write(
        &dir,
        "huge.ndjson",
        format!("{huge_valid}\n{huge_invalid}\n{RECORD}\n"),
    );
    let run = kinesis(
        &[
            "validate",
            "-m",
            "KinesisRecord",
            "--ndjson",
            "--json",
            &file,
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let results = lines(&run.stdout);
    assert_eq!(results.len(), 3);
    assert_eq!(results[0], json!({"valid": true}));
    assert_eq!(results[1]["errors"][0]["path"], "/Data");
    assert_eq!(results[1]["errors"][0]["keyword"], "maxLength");
    assert_eq!(results[2], json!({"valid": true}));
}

#[test]
fn a_long_stream_keeps_its_order() {
    let mut input = String::new();
    for i in 0..30_000 {
        if i % 7919 == 0 {
            input.push_str(&record_with_partition_key(""));
        } else {
            input.push_str(RECORD);
        }
        input.push('\n');
    }
    let run = kinesis(
        &["validate", "-m", "KinesisRecord", "--ndjson", "--json"],
        input.as_bytes(),
    );
    assert_eq!(run.code, 1);
    let results = lines(&run.stdout);
    assert_eq!(results.len(), 30_000);
    for (i, result) in results.iter().enumerate() {
        assert_eq!(result["valid"], i % 7919 != 0, "line {}", i + 1);
    }
    let run = kinesis(
        &["validate", "-m", "KinesisRecord", "--ndjson"],
        input.as_bytes(),
    );
    let reported: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| !line.starts_with(' '))
        .collect();
    assert_eq!(
        reported,
        [
            "<stdin>:1: invalid KinesisRecord: 1 violation",
            "<stdin>:7920: invalid KinesisRecord: 1 violation",
            "<stdin>:15839: invalid KinesisRecord: 1 violation",
            "<stdin>:23758: invalid KinesisRecord: 1 violation",
        ]
    );
    assert_eq!(run.stderr, "30000 payloads: 29996 valid, 4 invalid\n");
}

#[test]
fn an_interactive_stream_is_answered_line_by_line() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(env!("CARGO_BIN_EXE_kinesis"))
        .args(["validate", "-m", "KinesisRecord", "--ndjson", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.expect("UTF-8")).is_err() {
                return;
            }
        }
    });
    // Each answer comes while the input is still open.
    for input in [RECORD, "{}"] {
        stdin
            .write_all(format!("{input}\n").as_bytes())
            .expect("written");
        stdin.flush().expect("flushed");
        let answer = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("an answer before the input ends");
        assert_eq!(
            answer.starts_with("{\"valid\":true"),
            input == RECORD,
            "{answer}"
        );
    }
    drop(stdin);
    assert_eq!(child.wait().expect("exit").code(), Some(1));
    reader.join().expect("reader");
}

#[test]
fn emit_writes_the_payload_back_from_the_generated_types() {
    let run = kinesis(&["examples", "--ndjson"], b"");
    assert_eq!(run.code, 0);
    let examples = run.stdout;
    let run = kinesis(
        &["validate", "--ndjson", "--json", "--emit"],
        examples.as_bytes(),
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    for (input, result) in lines(&examples).iter().zip(lines(&run.stdout)) {
        assert_eq!(result["valid"], true);
        assert_eq!(&result["value"], input, "round trip");
    }
    // With a message named, the object is {"valid":true,"value":...}.
    let run = kinesis(
        &["validate", "-m", "KinesisRecord", "--json", "--emit"],
        br#"{"PartitionKey":"k","Data":"SGk=","SequenceNumber":"1","Later":[1,2]}"#,
    );
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "{\"valid\":true,\"value\":{\"SequenceNumber\":\"1\",\"Data\":\"SGk=\",\
         \"PartitionKey\":\"k\",\"Later\":[1,2]}}\n"
    );
    // Invalid payloads have no value.
    let run = kinesis(
        &["validate", "-m", "KinesisRecord", "--json", "--emit"],
        b"{}",
    );
    assert_eq!(run.code, 1);
    assert!(!run.stdout.contains("\"value\""), "{}", run.stdout);
}

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
        "{\"valid\":true,\"matches\":[\"KinesisRecord\"]}\n"
    );
}

#[test]
fn without_a_message_several_fits_are_said() {
    let both = r#"{"Records":[],"ContinuationSequenceNumber":"1","MillisBehindLatest":0}"#;
    let run = kinesis(&["validate", "--json"], both.as_bytes());
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "{\"valid\":true,\"matches\":[\"SubscribeToShardEvent\",\"LambdaKinesisEvent\"]}\n"
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
        "{\"valid\":false,\"matches\":[],\"closest\":\"KinesisRecord\",\"errors\":[{\"path\":\
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
        "{\"valid\":false,\"matches\":[],\"errors\":[{\"path\":\"\",\"keyword\":\"syntax\",\
         \"message\":\"not valid JSON at line 1 column 2: expected ident\"}]}\n"
    );
}

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
// check

#[test]
fn the_bundled_document_has_no_errors() {
    let run = kinesis(&["check"], b"");
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("spec/kinesis-data-streams.asyncapi.yaml: 0 errors, ")),
        "{}",
        run.stdout
    );
    // The seed's patterns are unanchored; the check says so, as warnings.
    assert!(run.stdout.contains(
        "#/components/schemas/KinesisRecord/properties/SequenceNumber/pattern: warning: \
         pattern \"0|([1-9]\\d{0,128})\" is not anchored"
    ));
    let run = kinesis(&["check", "--json"], b"");
    assert_eq!(run.code, 0);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(report["errors"], 0);
    let keys: Vec<&String> = report.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["file", "errors", "warnings", "findings"]);
    for finding in report["findings"].as_array().expect("findings") {
        assert_eq!(finding["severity"], "warning");
        let keys: Vec<&String> = finding.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["severity", "check", "pointer", "message"]);
    }
}

#[test]
fn the_bundled_document_checks_the_same_from_its_file() {
    let spec = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../spec/kinesis-data-streams.asyncapi.yaml"
    );
    let run = kinesis(&["check", "--json", spec], b"");
    assert_eq!(run.code, 0, "{}", run.stdout);
    let from_file: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let run = kinesis(&["check", "--json"], b"");
    let bundled: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(from_file["findings"], bundled["findings"]);
}

const ORDERS: &str = r#"asyncapi: 3.0.0
info:
  title: Orders
  version: '1'
channels:
  orders:
    address: 'orders/{orderId}'
    parameters:
      orderId:
        description: The order.
    messages:
      orderPlaced:
        $ref: '#/components/messages/OrderPlaced'
operations:
  placeOrder:
    action: send
    channel:
      $ref: '#/channels/orders'
    messages:
      - $ref: '#/channels/orders/messages/orderPlaced'
components:
  messages:
    OrderPlaced:
      payload:
        $ref: '#/components/schemas/Order'
      examples:
        - name: good
          payload:
            id: ord-1
            size: 2
            customer: {name: Ann}
        - name: bad
          payload:
            id: ord-1
            size: 0
            customer: {}
  schemas:
    Order:
      type: object
      required: [id, size]
      properties:
        id:
          type: string
        size:
          type: integer
          minimum: 1
        customer:
          $ref: '#/components/schemas/Customer'
    Customer:
      type: object
      required: [name]
      properties:
        name:
          type: string
"#;

#[test]
fn examples_of_any_document_are_checked_against_their_schema() {
    let dir = dir("check_examples");
    let spec = write(&dir, "orders.yaml", ORDERS);
    let run = kinesis(&["check", &spec], b"");
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(
        run.stdout,
        format!(
            "{spec}#/components/messages/OrderPlaced/examples/1/payload/size: error: example \
             \"bad\" does not conform to the message payload: 0 is less than the minimum of 1\n\
             {spec}#/components/messages/OrderPlaced/examples/1/payload/customer: error: example \
             \"bad\" does not conform to the message payload: \"name\" is a required property\n\
             {spec}: 2 errors, 0 warnings\n"
        )
    );
    let good = ORDERS
        .replace("size: 0", "size: 3")
        .replace("customer: {}", "customer: {name: Bo}");
    let spec = write(&dir, "good.yaml", good);
    let run = kinesis(&["check", &spec], b"");
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, format!("{spec}: 0 errors, 0 warnings\n"));
}

#[test]
fn a_broken_document_gets_errors_with_pointers() {
    let dir = dir("check_broken");
    let broken = ORDERS.replace("action: send", "action: publish").replace(
        "$ref: '#/components/schemas/Customer'",
        "$ref: '#/components/schemas/Client'",
    );
    let spec = write(&dir, "broken.yaml", broken);
    let run = kinesis(&["check", "--json", &spec], b"");
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let findings: Vec<(&str, &str, &str)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["severity"].as_str().expect("severity"),
                f["check"].as_str().expect("check"),
                f["pointer"].as_str().expect("pointer"),
            )
        })
        .collect();
    assert!(
        findings.contains(&("error", "schema", "/operations/placeOrder/action")),
        "{findings:?}"
    );
    assert!(
        findings.contains(&(
            "error",
            "generator",
            "/components/schemas/Order/properties/customer/$ref"
        )),
        "{findings:?}"
    );
    assert!(report["errors"].as_u64() >= Some(2));
}

#[test]
fn channel_parameters_must_match_the_address() {
    let dir = dir("check_parameters");
    let spec = write(
        &dir,
        "params.yaml",
        ORDERS.replace("      orderId:\n", "      orderNumber:\n"),
    );
    let run = kinesis(&["check", &spec], b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(&format!("{spec}#/channels/orders")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("orderId"), "{}", run.stdout);
}

#[test]
fn likely_mistakes_are_warnings() {
    let dir = dir("check_warnings");
    // Without the examples, which would not have the misspelt required property.
    let start = ORDERS.find("      examples:").expect("examples");
    let end = ORDERS.find("  schemas:").expect("schemas");
    let orders = format!("{}{}", &ORDERS[..start], &ORDERS[end..]);
    let spec = write(
        &dir,
        "warnings.yaml",
        orders
            .replace("required: [id, size]", "required: [id, size, totl]")
            .replace(
                "        id:\n          type: string\n",
                "        id:\n          type: string\n          pattern: '[a-z]+-\\d+'\n        \
                 blob:\n          type: string\n          format: byte\n          maxLength: 100\n",
            ),
    );
    let run = kinesis(&["check", &spec], b"");
    assert_eq!(run.code, 0, "warnings only: {}", run.stdout);
    let warnings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains(": warning: "))
        .map(|l| l.split(": warning: ").next().unwrap_or_default())
        .collect();
    assert_eq!(
        warnings,
        [
            format!("{spec}#/components/schemas/Order/required/2"),
            format!("{spec}#/components/schemas/Order/properties/id/pattern"),
            format!("{spec}#/components/schemas/Order/properties/blob/maxLength"),
        ]
    );
    assert!(
        run.stdout.ends_with(": 0 errors, 3 warnings\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_document_that_is_not_asyncapi_3_is_refused() {
    let dir = dir("check_version");
    let v2 = write(
        &dir,
        "v2.yaml",
        "asyncapi: 2.6.0\ninfo: {title: x, version: '1'}\nchannels: {}\n",
    );
    let run = kinesis(&["check", &v2], b"");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        format!(
            "{v2}#/asyncapi: error: not an AsyncAPI 3 document: \"asyncapi\" is \"2.6.0\"; \
             this command checks AsyncAPI 3.x documents\n{v2}: 1 error, 0 warnings\n"
        )
    );
    let openapi = write(&dir, "openapi.json", r#"{"openapi":"3.1.0"}"#);
    let run = kinesis(&["check", &openapi], b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("\"asyncapi\" field is missing"),
        "{}",
        run.stdout
    );
    let garbage = write(&dir, "garbage.yaml", "a: [\n");
    let run = kinesis(&["check", &garbage], b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("not a YAML or JSON document"),
        "{}",
        run.stdout
    );
    let run = kinesis(&["check", "/nonexistent/spec.yaml"], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("kinesis: cannot read /nonexistent/spec.yaml: "),
        "{}",
        run.stderr
    );
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
        "validate", "messages", "examples", "schema", "check", "generate",
    ] {
        assert!(run.stdout.contains(command), "{command}");
    }
    let run = kinesis(&["--version"], b"");
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("kinesis "));
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
