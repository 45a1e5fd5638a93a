//! `kinesis validate --ndjson`: streams.

use super::*;

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
    assert_eq!(results[0], json!({"file": "-", "line": 1, "valid": true}));
    let numbers: Vec<u64> = results
        .iter()
        .map(|r| r["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(
        numbers,
        [1, 3, 4, 6, 7, 8],
        "the lines the human output names"
    );
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
    assert_eq!(results[0], json!({"file": file, "line": 1, "valid": true}));
    assert_eq!(results[1]["line"], 2);
    assert_eq!(results[1]["errors"][0]["path"], "/Data");
    assert_eq!(results[1]["errors"][0]["keyword"], "maxLength");
    assert_eq!(results[2], json!({"file": file, "line": 3, "valid": true}));
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

    let mut child = spawn(
        Command::new(env!("CARGO_BIN_EXE_kinesis"))
            .args(["validate", "-m", "KinesisRecord", "--ndjson", "--json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
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
            answer.contains("\"valid\":true"),
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
    // With a message named, the object is {"file":...,"valid":true,"value":...}.
    let run = kinesis(
        &["validate", "-m", "KinesisRecord", "--json", "--emit"],
        br#"{"PartitionKey":"k","Data":"SGk=","SequenceNumber":"1","Later":[1,2]}"#,
    );
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "{\"file\":\"-\",\"valid\":true,\"value\":{\"SequenceNumber\":\"1\",\"Data\":\"SGk=\",\
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

/// A run longer than a second draws a progress line only on a terminal: with standard
/// error piped, it holds the summary alone.
#[test]
fn no_progress_line_when_standard_error_is_not_a_terminal() {
    use std::time::Duration;

    let mut child = spawn(
        Command::new(env!("CARGO_BIN_EXE_kinesis"))
            .args(["validate", "-m", "KinesisRecord", "--ndjson"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let mut stdin = child.stdin.take().expect("stdin");
    for _ in 0..15 {
        stdin
            .write_all(format!("{RECORD}\n").as_bytes())
            .expect("written");
        stdin.flush().expect("flushed");
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(stdin);
    let output = child.wait_with_output().expect("the binary finishes");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "15 payloads: 15 valid, 0 invalid\n"
    );
}
