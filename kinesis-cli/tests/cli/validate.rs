//! `kinesis validate` on whole documents, and its usage and I/O errors.

use super::*;

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
        format!(
            "{{\"file\":{},\"valid\":false,\"errors\":[{{\"path\":\
             \"/Records/0/kinesis/partitionKey\",\"keyword\":\"maxLength\",\"message\":\
             \"257 characters, more than maxLength 256\"}}]}}\n",
            json!(file)
        )
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
        "{\"file\":\"-\",\"valid\":false,\"errors\":[{\"path\":\"\",\"keyword\":\"syntax\",\
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

/// With `--json`, a file that cannot be read is an object too, in its place: nothing is
/// silently missing from the output. The exit status is 2, after every file was checked.
#[test]
fn an_unreadable_file_is_an_object_in_its_place() {
    let dir = dir("unreadable_json");
    let good = write(&dir, "good.json", RECORD);
    let bad = write(&dir, "bad.json", record_with_partition_key(""));
    let missing = dir.join("missing.json");
    let missing = missing.to_str().expect("UTF-8");
    let directory = dir.to_str().expect("UTF-8");
    let run = kinesis(
        &[
            "validate",
            "-m",
            "KinesisRecord",
            "--json",
            &good,
            missing,
            directory,
            &bad,
        ],
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let results = lines(&run.stdout);
    let files: Vec<&str> = results
        .iter()
        .map(|r| r["file"].as_str().expect("file"))
        .collect();
    assert_eq!(files, [good.as_str(), missing, directory, bad.as_str()]);
    assert_eq!(results[0]["valid"], true);
    assert_eq!(results[3]["valid"], false);
    for (result, file) in [(&results[1], missing), (&results[2], directory)] {
        let keys: Vec<&String> = result.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["file", "error"]);
        let error = result["error"].as_str().expect("error");
        assert!(!error.is_empty());
        // Standard error says the same, for people.
        assert!(
            run.stderr
                .contains(&format!("kinesis: cannot read {file}: {error}\n")),
            "{}",
            run.stderr
        );
    }

    // In a stream too, after the lines of the files before it.
    let stream = write(&dir, "stream.ndjson", format!("{RECORD}\n{{}}\n"));
    let run = kinesis(
        &[
            "validate",
            "-m",
            "KinesisRecord",
            "--ndjson",
            "--json",
            &stream,
            missing,
        ],
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let results = lines(&run.stdout);
    assert_eq!(results.len(), 3);
    assert_eq!(
        results[0],
        json!({"file": stream, "line": 1, "valid": true})
    );
    assert_eq!(results[1]["line"], 2);
    assert_eq!(results[2]["file"], missing);
    assert!(results[2]["error"].is_string());
}

/// `"file"` is the path as given on the command line, `-` for standard input.
#[test]
fn json_names_the_file_as_given() {
    let dir = dir("file_as_given");
    std::fs::create_dir_all(dir.join("sub")).expect("a directory");
    write(&dir.join("sub"), "record.json", RECORD);
    let output = spawn(
        Command::new(env!("CARGO_BIN_EXE_kinesis"))
            .args(["validate", "--json", "./sub/record.json", "-"])
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    )
    .wait_with_output()
    .expect("the binary finishes");
    assert_eq!(output.status.code(), Some(1));
    let results = lines(&String::from_utf8_lossy(&output.stdout));
    assert_eq!(results[0]["file"], "./sub/record.json");
    assert_eq!(results[1]["file"], "-", "standard input, empty: not JSON");
    assert_eq!(results[1]["valid"], false);

    let run = kinesis(&["validate", "--ndjson", "--json"], b"\n{}\n");
    assert_eq!(lines(&run.stdout)[0]["file"], "-");
    assert_eq!(lines(&run.stdout)[0]["line"], 2);
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
