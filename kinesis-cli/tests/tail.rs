//! `kinesis tail` against a real Kinesis implementation, and the raw GetRecords bodies
//! that implementation returns against the generated types.
//!
//! The server's URL comes from `KINESIS_TEST_ENDPOINT` (`.ci/run` starts two local
//! implementations, kinesis-mock and kinesalite, and runs these tests against each);
//! without it, the tests that need a server say why and pass without running.
//! Requests to the server are plain HTTP/1.1 POSTs written here (the local server takes
//! any credentials), so the bodies are the server's bytes, not an SDK's reading of them.
//! Every test makes its own stream.

#![cfg(feature = "tail")]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use kinesis_types::{Base64Data, KinesisRecord};
use serde_json::{json, Value};

/// The environment variable with the local Kinesis server's URL.
const ENDPOINT_VAR: &str = "KINESIS_TEST_ENDPOINT";

/// The server's URL, or `None` after saying why the test does not run.
fn endpoint(test: &str) -> Option<String> {
    match std::env::var(ENDPOINT_VAR) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!(
                "{test}: skipped: {ENDPOINT_VAR} is not set (.ci/run starts local Kinesis \
                 servers and sets it)"
            );
            None
        }
    }
}

// ---------------------------------------------------------------------------------------
// A minimal Kinesis client: JSON 1.1 over HTTP/1.1

/// Calls `operation` with `body`; the status and the response body.
fn call(endpoint: &str, operation: &str, body: &Value) -> (u16, Vec<u8>) {
    let address = endpoint
        .strip_prefix("http://")
        .expect("an http:// endpoint")
        .trim_end_matches('/');
    let mut socket = TcpStream::connect(address).expect("the server accepts connections");
    socket
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("a timeout");
    let payload = serde_json::to_vec(body).expect("JSON");
    let head = format!(
        "POST / HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/x-amz-json-1.1\r\n\
         X-Amz-Target: Kinesis_20131202.{operation}\r\nX-Amz-Date: 20240101T000000Z\r\n\
         Authorization: AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/kinesis/aws4_request, \
         SignedHeaders=host;x-amz-date, Signature=00\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        payload.len()
    );
    socket
        .write_all(head.as_bytes())
        .expect("the request is sent");
    socket.write_all(&payload).expect("the request is sent");
    let mut response = Vec::new();
    socket.read_to_end(&mut response).expect("a response");
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("a status code");
    let mut body = response[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        body = unchunk(&body);
    }
    (status, body)
}

fn unchunk(mut bytes: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some(end) = bytes.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&bytes[..end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .expect("a chunk size");
        if size == 0 {
            break;
        }
        body.extend_from_slice(&bytes[end + 2..end + 2 + size]);
        bytes = &bytes[end + 2 + size + 2..];
    }
    body
}

/// Calls `operation` and returns its JSON answer; fails the test on an error status.
fn kinesis_call(endpoint: &str, operation: &str, body: Value) -> Value {
    let (status, answer) = call(endpoint, operation, &body);
    assert_eq!(
        status,
        200,
        "{operation} failed: {}",
        String::from_utf8_lossy(&answer)
    );
    if answer.is_empty() {
        return Value::Null;
    }
    serde_json::from_slice(&answer).expect("a JSON answer")
}

/// A stream name no other test uses.
fn stream_name(test: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{test}-{}-{nanos}", std::process::id())
}

fn wait_active(endpoint: &str, stream: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let summary = kinesis_call(
            endpoint,
            "DescribeStreamSummary",
            json!({ "StreamName": stream }),
        );
        if summary["StreamDescriptionSummary"]["StreamStatus"] == "ACTIVE" {
            return;
        }
        assert!(Instant::now() < deadline, "{stream} never became ACTIVE");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn create_stream(endpoint: &str, stream: &str, shards: u32) {
    kinesis_call(
        endpoint,
        "CreateStream",
        json!({ "StreamName": stream, "ShardCount": shards }),
    );
    wait_active(endpoint, stream);
}

/// What PutRecord answered: the shard and the sequence number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Put {
    shard: String,
    sequence: String,
}

fn put(endpoint: &str, stream: &str, data: &[u8], key: &str, hash_key: Option<&str>) -> Put {
    let mut body = json!({
        "StreamName": stream,
        "Data": Base64Data::encode(data).into_string(),
        "PartitionKey": key,
    });
    if let Some(hash_key) = hash_key {
        body["ExplicitHashKey"] = hash_key.into();
    }
    let answer = kinesis_call(endpoint, "PutRecord", body);
    Put {
        shard: answer["ShardId"].as_str().expect("ShardId").to_string(),
        sequence: answer["SequenceNumber"]
            .as_str()
            .expect("SequenceNumber")
            .to_string(),
    }
}

/// ListShards: every shard's description.
fn list_shards(endpoint: &str, stream: &str) -> Vec<Value> {
    let answer = kinesis_call(endpoint, "ListShards", json!({ "StreamName": stream }));
    answer["Shards"].as_array().cloned().unwrap_or_default()
}

/// Every raw GetRecords body of `shard`, from its oldest record until an empty page or
/// its end.
fn get_records_bodies(endpoint: &str, stream: &str, shard: &str) -> Vec<Vec<u8>> {
    let answer = kinesis_call(
        endpoint,
        "GetShardIterator",
        json!({ "StreamName": stream, "ShardId": shard, "ShardIteratorType": "TRIM_HORIZON" }),
    );
    let mut iterator = answer["ShardIterator"].as_str().map(str::to_string);
    let mut bodies = Vec::new();
    while let Some(current) = iterator {
        let (status, body) = call(endpoint, "GetRecords", &json!({ "ShardIterator": current }));
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        let page: Value = serde_json::from_slice(&body).expect("a JSON body");
        let empty = page["Records"].as_array().is_none_or(Vec::is_empty);
        iterator = page["NextShardIterator"].as_str().map(str::to_string);
        bodies.push(body);
        if empty {
            break;
        }
    }
    bodies
}

// ---------------------------------------------------------------------------------------
// The data put into the streams

/// An order that is a valid `OrderPlaced` of `tests/data/orders.asyncapi.yaml`.
fn order(i: usize) -> Vec<u8> {
    let currency = ["EUR", "USD", "GBP"][i % 3];
    json!({
        "orderId": format!("ORD-{i}"),
        "customerId": format!("C-{}", i % 7),
        "amount": i as f64 * 1.25,
        "currency": currency,
        "items": [{ "sku": format!("SKU-{i}"), "quantity": 1 + i % 3 }],
    })
    .to_string()
    .into_bytes()
}

/// A valid order of exactly `size` bytes (padded with a `note`).
fn order_of_size(size: usize) -> Vec<u8> {
    let empty = br#"{"orderId":"ORD-1","customerId":"C-1","amount":1,"currency":"EUR","note":""}"#;
    let mut data = empty[..empty.len() - 2].to_vec();
    data.resize(size - 2, b'x');
    data.extend_from_slice(b"\"}");
    assert_eq!(data.len(), size);
    data
}

/// Partition keys in several scripts: 1- to 4-byte UTF-8.
fn key(i: usize) -> String {
    let stems = ["user", "café", "東京", "🚀", "naïve", "Ωμέγα", "ключ"];
    format!("{}-{i}", stems[i % stems.len()])
}

/// What a record put into a stream must be reported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Expected {
    /// A valid `KinesisRecord`.
    record: bool,
    /// Valid `OrderPlaced` data.
    data: bool,
    what: &'static str,
}

const VALID: Expected = Expected {
    record: true,
    data: true,
    what: "a valid order",
};

// ---------------------------------------------------------------------------------------
// Running the command

fn kinesis(args: &[&str]) -> Output {
    kinesis_command(args)
        .output()
        .expect("the kinesis binary runs")
}

/// The command with credentials a local server takes, and nothing that would make the
/// SDK look further (no profile files, no instance metadata).
fn kinesis_command(args: &[&str]) -> Command {
    let nowhere = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-aws-config");
    let mut command = Command::new(env!("CARGO_BIN_EXE_kinesis"));
    command
        .args(args)
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_PROFILE")
        .env("AWS_CONFIG_FILE", &nowhere)
        .env("AWS_SHARED_CREDENTIALS_FILE", &nowhere)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .stdin(Stdio::null());
    command
}

fn orders_spec() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/orders.asyncapi.yaml")
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    text(bytes)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect()
}

/// Sequence numbers compare as numbers: by length, then digits.
fn sequence_key(sequence: &str) -> (usize, &str) {
    (sequence.len(), sequence)
}

// ---------------------------------------------------------------------------------------
// The tests

/// Puts valid and invalid records into a stream of three shards, splits a shard, puts
/// more (some into each child), then reads it all with `kinesis tail --json`.
#[test]
fn tail_reports_exactly_the_invalid_records_each_record_once_across_a_split() {
    let Some(url) = endpoint("tail_reports_exactly_the_invalid_records") else {
        return;
    };
    let stream = stream_name("tail-split");
    create_stream(&url, &stream, 3);
    let mut expected: Vec<(Put, Expected)> = Vec::new();
    let mut put_one = |data: &[u8], key: &str, hash: Option<&str>, what: Expected| {
        expected.push((put(&url, &stream, data, key, hash), what));
    };

    for i in 0..24 {
        put_one(&order(i), &key(i), None, VALID);
    }
    // 1 MiB of data is 1,398,104 base64 characters: exactly the document's maxLength
    // on Data (the seed's 1048576 counted bytes and refused it).
    put_one(
        &order_of_size(1 << 20),
        "big-1MiB",
        None,
        Expected {
            record: true,
            data: true,
            what: "1 MiB of data",
        },
    );
    // 786,432 bytes: exactly the seed's 1048576 base64 characters.
    put_one(&order_of_size(786_432), "at-the-seed-limit", None, VALID);
    put_one(&order(90), &"k".repeat(256), None, VALID);
    let not_json = Expected {
        record: true,
        data: false,
        what: "data that is not JSON",
    };
    put_one(
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00binary",
        "gzip-ish",
        None,
        not_json,
    );
    put_one(b"plain text, not JSON", "東京-text", None, not_json);
    let not_an_order = Expected {
        record: true,
        data: false,
        what: "JSON that is not an OrderPlaced",
    };
    put_one(
        br#"{"orderId":"order-7","amount":-5,"currency":"eur"}"#,
        "🚀-bad-order",
        None,
        not_an_order,
    );
    put_one(b"[1,2,3]", "naïve-array", None, not_an_order);

    // Split the first shard in two at the middle of its hash key range.
    let shards = list_shards(&url, &stream);
    let first = &shards[0];
    let parent = first["ShardId"].as_str().expect("ShardId").to_string();
    let start: u128 = first["HashKeyRange"]["StartingHashKey"]
        .as_str()
        .and_then(|k| k.parse().ok())
        .expect("a hash key");
    let end: u128 = first["HashKeyRange"]["EndingHashKey"]
        .as_str()
        .and_then(|k| k.parse().ok())
        .expect("a hash key");
    let middle = start + (end - start) / 2;
    kinesis_call(
        &url,
        "SplitShard",
        json!({ "StreamName": stream, "ShardToSplit": parent, "NewStartingHashKey": middle.to_string() }),
    );
    wait_active(&url, &stream);
    let low = start.to_string();
    let high = (middle + 1).to_string();
    for i in 100..106 {
        put_one(&order(i), &key(i), Some(&low), VALID);
        put_one(&order(i + 10), &key(i + 10), Some(&high), VALID);
    }
    put_one(b"", "empty-data", Some(&low), not_json);
    for i in 200..210 {
        put_one(&order(i), &key(i), None, VALID);
    }

    let children: BTreeSet<String> = list_shards(&url, &stream)
        .iter()
        .filter(|shard| shard["ParentShardId"] == parent.as_str())
        .filter_map(|shard| shard["ShardId"].as_str().map(str::to_string))
        .collect();
    assert_eq!(children.len(), 2, "the split made two children");
    assert!(
        expected
            .iter()
            .any(|(put, _)| children.contains(&put.shard)),
        "records went into the children"
    );

    let spec = orders_spec();
    // Small pages: a shard takes several calls, so reading a parent and its children at
    // the same time would show as interleaved reports.
    let run = kinesis(&[
        "tail",
        "--stream",
        &stream,
        "--endpoint",
        &url,
        "--region",
        "us-east-1",
        "--batch",
        "3",
        "--json",
        "--data-spec",
        &spec,
        "--data-message",
        "OrderPlaced",
    ]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    let reports = json_lines(&run.stdout);

    // Every record exactly once.
    let mut seen: HashMap<Put, &Value> = HashMap::new();
    for report in &reports {
        let put = Put {
            shard: report["shard"].as_str().expect("shard").to_string(),
            sequence: report["sequence"].as_str().expect("sequence").to_string(),
        };
        assert!(seen.insert(put.clone(), report).is_none(), "{put:?} twice");
    }
    let wanted: BTreeSet<&Put> = expected.iter().map(|(put, _)| put).collect();
    let got: BTreeSet<&Put> = seen.keys().collect();
    assert_eq!(got, wanted, "the records read are the records put");
    assert_eq!(reports.len(), expected.len());

    // Exactly the invalid ones, for the right reasons.
    for (put, expect) in &expected {
        let report = seen[put];
        assert_eq!(report["valid"], expect.record, "{}: {report}", expect.what);
        assert_eq!(
            report["data"]["valid"], expect.data,
            "{}: {report}",
            expect.what
        );
        if !expect.record {
            assert_eq!(
                report["errors"],
                json!([{
                    "path": "/Data",
                    "keyword": "maxLength",
                    "message": "1398108 characters, more than maxLength 1398104"
                }])
            );
        }
        if *expect == not_json {
            let error = &report["data"]["errors"][0];
            assert_eq!(error["keyword"], "syntax", "{report}");
            assert!(
                error["message"].as_str().is_some_and(
                    |m| m.starts_with("/Data decoded is not valid JSON at line 1 column ")
                ),
                "{report}"
            );
        }
        if *expect == not_an_order {
            let errors = report["data"]["errors"].as_array().expect("errors");
            assert!(!errors.is_empty());
            assert!(errors.iter().all(|e| e["keyword"] != "syntax"), "{report}");
        }
    }

    // Shard order: each shard's records in sequence order; the parent's before its
    // children's.
    let mut last: BTreeMap<&str, &str> = BTreeMap::new();
    let mut parent_done = false;
    for report in &reports {
        let shard = report["shard"].as_str().unwrap_or_default();
        let sequence = report["sequence"].as_str().unwrap_or_default();
        if let Some(before) = last.insert(shard, sequence) {
            assert!(
                sequence_key(before) < sequence_key(sequence),
                "{shard} out of order"
            );
        }
        if children.contains(shard) {
            parent_done = true;
        }
        assert!(
            !(parent_done && shard == parent),
            "{parent} read after its children"
        );
    }

    let invalid = expected
        .iter()
        .filter(|(_, e)| !(e.record && e.data))
        .count();
    assert_eq!(
        stderr,
        format!(
            "{} records from 5 shards: {} valid, {invalid} invalid ({} as KinesisRecord, {} in \
             their data)\n",
            expected.len(),
            expected.len() - invalid,
            expected.iter().filter(|(_, e)| !e.record).count(),
            expected.iter().filter(|(_, e)| e.record && !e.data).count(),
        )
    );

    // For people: the invalid records only.
    let run = kinesis(&[
        "tail",
        "--stream",
        &stream,
        "--endpoint",
        &url,
        "--region",
        "us-east-1",
        "--data-spec",
        &spec,
        "--data-message",
        "OrderPlaced",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stdout = text(&run.stdout);
    let headlines: Vec<&str> = stdout.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(headlines.len(), invalid, "{stdout}");
    // Every record is a valid KinesisRecord, the one with 1 MiB of data included: only
    // data is reported.
    assert!(!stdout.contains("invalid KinesisRecord"), "{stdout}");
    assert!(
        stdout.contains(": invalid data: /Data decoded is not valid JSON at line 1 column"),
        "{stdout}"
    );
    assert!(stdout.contains(&format!(": invalid data, not OrderPlaced of {spec}: ")));
    assert_eq!(text(&run.stderr), stderr);
}

/// The raw GetRecords bodies: each record parses and validates as `KinesisRecord`,
/// round-trips unchanged, and `kinesis tail` and `kinesis validate -m KinesisRecord`
/// give it the same verdict.
#[test]
fn raw_get_records_bodies_validate_and_round_trip() {
    let Some(url) = endpoint("raw_get_records_bodies_validate_and_round_trip") else {
        return;
    };
    let stream = stream_name("tail-raw");
    create_stream(&url, &stream, 2);
    for i in 0..12 {
        put(&url, &stream, &order(i), &key(i), None);
    }
    put(&url, &stream, &order_of_size(1 << 20), "big", None);
    put(&url, &stream, b"\x00\xff not UTF-8", "binary-ключ", None);
    put(&url, &stream, b"", "empty", None);

    let listed: BTreeSet<String> = document_properties("KinesisRecord");
    let mut raw_records = Vec::new();
    let mut unlisted_record_fields = BTreeSet::new();
    let mut response_fields = BTreeSet::new();
    for shard in list_shards(&url, &stream) {
        let shard = shard["ShardId"].as_str().expect("ShardId").to_string();
        for body in get_records_bodies(&url, &stream, &shard) {
            let page: Value = serde_json::from_slice(&body).expect("JSON");
            response_fields.extend(page.as_object().into_iter().flat_map(|o| o.keys().cloned()));
            for record in page["Records"].as_array().into_iter().flatten() {
                let fields = record.as_object().expect("a record is an object");
                unlisted_record_fields
                    .extend(fields.keys().filter(|key| !listed.contains(*key)).cloned());
                raw_records.push((shard.clone(), record.clone()));
            }
        }
    }
    assert_eq!(raw_records.len(), 15, "every record put was read back");
    eprintln!(
        "GetRecords from {url}: response fields {response_fields:?}; record fields the \
         document does not list: {unlisted_record_fields:?}"
    );

    let mut ndjson = String::new();
    for (_, record) in &raw_records {
        let bytes = serde_json::to_vec(record).expect("JSON");
        ndjson.push_str(&String::from_utf8_lossy(&bytes));
        ndjson.push('\n');
        // Parsed without validation, written back: the same JSON.
        let typed: KinesisRecord = serde_json::from_slice(&bytes).expect("the record's shape");
        assert_eq!(
            serde_json::to_value(&typed).expect("JSON"),
            *record,
            "round trip"
        );
        // Every record is valid, the one with 1 MiB of data (the service's limit)
        // included.
        let valid = kinesis_types::from_slice::<KinesisRecord>(&bytes)
            .unwrap_or_else(|error| panic!("{record}: {error}"));
        assert_eq!(serde_json::to_value(&valid).expect("JSON"), *record);
        assert!(record["ApproximateArrivalTimestamp"].is_number());
        if record["PartitionKey"] == "big" {
            assert_eq!(valid.data.decoded_len(), Some(1 << 20));
        }
    }

    // kinesis validate -m KinesisRecord on the raw records, kinesis tail on the stream:
    // the same verdicts and errors, record by record.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tail-raw");
    std::fs::create_dir_all(&dir).expect("a directory");
    let file: PathBuf = dir.join("records.ndjson");
    std::fs::write(&file, &ndjson).expect("the records are written");
    let file = file.display().to_string();
    let validated = kinesis(&[
        "validate",
        "-m",
        "KinesisRecord",
        "--ndjson",
        "--json",
        &file,
    ]);
    assert_eq!(validated.status.code(), Some(0));
    let validated = json_lines(&validated.stdout);
    let tailed = kinesis(&[
        "tail",
        "--stream",
        &stream,
        "--endpoint",
        &url,
        "--region",
        "us-east-1",
        "--json",
    ]);
    assert_eq!(tailed.status.code(), Some(0), "{}", text(&tailed.stderr));
    let tailed: HashMap<(String, String), Value> = json_lines(&tailed.stdout)
        .into_iter()
        .map(|report| {
            let key = (
                report["shard"].as_str().unwrap_or_default().to_string(),
                report["sequence"].as_str().unwrap_or_default().to_string(),
            );
            (key, report)
        })
        .collect();
    assert_eq!(tailed.len(), raw_records.len());
    for ((shard, record), by_validate) in raw_records.iter().zip(&validated) {
        let sequence = record["SequenceNumber"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let by_tail = &tailed[&(shard.clone(), sequence)];
        assert_eq!(by_tail["valid"], by_validate["valid"], "{record}");
        assert_eq!(by_tail.get("errors"), by_validate.get("errors"), "{record}");
    }
}

/// The property names the bundled document lists for a schema.
fn document_properties(schema: &str) -> BTreeSet<String> {
    let spec =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/kinesis-data-streams.asyncapi.yaml");
    let doc = asyncapi_codegen::Document::load(&spec).expect("the bundled document loads");
    doc.get(&format!("/components/schemas/{schema}/properties"))
        .and_then(kinesis_types::Value::as_object)
        .expect("the schema's properties")
        .keys()
        .cloned()
        .collect()
}

/// `--follow` reads records that arrive after it started; `--limit` ends it.
#[test]
fn follow_reads_new_records_until_the_limit() {
    let Some(url) = endpoint("follow_reads_new_records_until_the_limit") else {
        return;
    };
    let stream = stream_name("tail-follow");
    create_stream(&url, &stream, 2);
    put(&url, &stream, &order(1), "first", None);
    let mut child = kinesis_command(&[
        "tail",
        "--stream",
        &stream,
        "--endpoint",
        &url,
        "--region",
        "us-east-1",
        "--json",
        "--follow",
        "--limit",
        "3",
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("kinesis tail starts");
    // Caught up with the first record by now; the next ones arrive while it follows.
    std::thread::sleep(Duration::from_millis(1500));
    put(&url, &stream, &order(2), "second", None);
    put(&url, &stream, b"not json", "third", None);
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("a status").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("kinesis tail --follow --limit 3 did not stop");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().expect("the output");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(json_lines(&output.stdout).len(), 3);
    assert_eq!(
        text(&output.stderr),
        "3 records from 2 shards: 3 valid, 0 invalid\n"
    );
}

/// From `latest`, without `--follow`: nothing older is read, and the run ends.
#[test]
fn from_latest_reads_nothing_old() {
    let Some(url) = endpoint("from_latest_reads_nothing_old") else {
        return;
    };
    let stream = stream_name("tail-latest");
    create_stream(&url, &stream, 2);
    put(&url, &stream, b"not json", "old", None);
    let run = kinesis(&[
        "tail",
        "--stream",
        &stream,
        "--endpoint",
        &url,
        "--region",
        "us-east-1",
        "--from",
        "latest",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), "");
    assert_eq!(
        text(&run.stderr),
        "0 records from 2 shards: 0 valid, 0 invalid\n"
    );

    let run = kinesis(&[
        "tail",
        "--stream",
        &stream,
        "--endpoint",
        &url,
        "--region",
        "us-east-1",
        "--limit",
        "1",
        "--json",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_eq!(json_lines(&run.stdout).len(), 1);
}

/// A stream that does not exist: exit status 2, and the message names the endpoint.
#[test]
fn an_unknown_stream_is_an_error_naming_the_endpoint() {
    let Some(url) = endpoint("an_unknown_stream_is_an_error_naming_the_endpoint") else {
        return;
    };
    let run = kinesis(&[
        "tail",
        "--stream",
        "no-such-stream",
        "--endpoint",
        &url,
        "--region",
        "us-east-1",
    ]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = text(&run.stderr);
    assert!(
        stderr.starts_with(&format!(
            "kinesis: cannot read from {url} (stream no-such-stream): ListShards failed: \
             ResourceNotFoundException: "
        )),
        "{stderr}"
    );
}

/// No server at the endpoint: exit status 2, and the message names it.
#[test]
fn an_endpoint_that_does_not_answer_is_an_error_naming_it() {
    // A port nothing listens on: bound, then closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let run = kinesis(&[
        "tail",
        "--stream",
        "s",
        "--endpoint",
        &url,
        "--region",
        "us-east-1",
    ]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = text(&run.stderr);
    assert!(
        stderr.starts_with(&format!(
            "kinesis: cannot reach {url} (stream s): ListShards failed: "
        )),
        "{stderr}"
    );
    assert!(stderr.contains("Connection refused"), "{stderr}");
}

/// Usage errors are found before connecting to anything.
#[test]
fn usage_errors_come_first() {
    let run = kinesis(&["tail", "--stream", "s", "--from", "yesterday"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).starts_with("kinesis: --from \"yesterday\": expected"));

    let spec = orders_spec();
    let run = kinesis(&[
        "tail",
        "--stream",
        "s",
        "--data-spec",
        &spec,
        "--data-message",
        "OrderShipped",
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        text(&run.stderr),
        format!(
            "kinesis: --data-message: unknown message \"OrderShipped\" in {spec}; the known \
             messages are: OrderPlaced\n"
        )
    );

    let run = kinesis(&["tail", "--stream", "s", "--data-spec", &spec]);
    assert_eq!(
        run.status.code(),
        Some(2),
        "--data-spec needs --data-message"
    );
}

/// Ctrl-C (SIGINT) ends a `--follow` run as reaching the end would: the summary, and the
/// status of what was read.
#[test]
fn an_interrupt_ends_a_follow_run_with_its_summary() {
    let Some(url) = endpoint("an_interrupt_ends_a_follow_run_with_its_summary") else {
        return;
    };
    let stream = stream_name("tail-interrupt");
    create_stream(&url, &stream, 1);
    put(&url, &stream, b"not json", "first", None);
    let spec = orders_spec();
    let mut child = kinesis_command(&[
        "tail",
        "--stream",
        &stream,
        "--endpoint",
        &url,
        "--region",
        "us-east-1",
        "--follow",
        "--data-spec",
        &spec,
        "--data-message",
        "OrderPlaced",
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("kinesis tail starts");
    let pid = child.id().to_string();
    let interrupt = |pid: &str| {
        Command::new("kill")
            .args(["-INT", pid])
            .status()
            .is_ok_and(|status| status.success())
    };
    // Should the record never be reported, end the run after a while (the child is not
    // reaped before `reported` is sent, so its pid is still its own).
    let (reported, watched) = std::sync::mpsc::channel::<()>();
    let watchdog_pid = pid.clone();
    std::thread::spawn(move || {
        if watched.recv_timeout(Duration::from_secs(60)).is_err() {
            let _ = Command::new("kill").args(["-KILL", &watchdog_pid]).status();
        }
    });
    // The record is reported (each page is sent at once); then the interrupt.
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("piped"));
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).expect("a report");
    let _ = reported.send(());
    assert!(
        first.contains(": invalid data: /Data decoded is not valid JSON"),
        "{first}"
    );
    assert!(interrupt(&pid), "SIGINT sent");
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).expect("the rest");
    assert_eq!(rest, "");
    let output = child.wait_with_output().expect("the output");
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stderr),
        "1 record from 1 shard: 0 valid, 1 invalid (0 as KinesisRecord, 1 in their data)\n"
    );
}
