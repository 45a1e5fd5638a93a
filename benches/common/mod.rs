//! Deterministic inputs shared by the benchmarks: realistic Kinesis payloads built from
//! a fixed-seed generator, so every run measures the same bytes.

#![allow(dead_code)] // each bench uses a different subset

use base64::Engine as _;
use serde_json::{json, Value};

/// SplitMix64: small, fast and good enough to vary lengths and characters.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

/// A 56-digit sequence number, as Kinesis issues them.
fn sequence_number(rng: &mut Rng) -> String {
    let mut digits = String::from("4959");
    while digits.len() < 56 {
        digits.push(char::from(b'0' + (rng.next() % 10) as u8));
    }
    digits
}

/// Partition keys: mostly ASCII, one in eight with non-ASCII characters.
fn partition_key(rng: &mut Rng, i: usize) -> String {
    match rng.next() % 8 {
        0 => format!("cliente-\u{f1}o\u{f1}o-{i}"),
        1 => format!("\u{7528}\u{6237}-{}", rng.range(1, 99_999)),
        _ => format!("user-{}", rng.range(1, 9_999_999)),
    }
}

/// Standard padded base64 of 64 to 1,024 pseudo-random bytes.
fn data(rng: &mut Rng) -> String {
    let len = rng.range(64, 1024) as usize;
    let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn timestamp(rng: &mut Rng, i: usize) -> f64 {
    // Millisecond precision, increasing.
    (1_700_000_000_000u64 + i as u64 * 37 + rng.range(0, 36)) as f64 / 1000.0
}

/// Which `eventSourceARN` the records of a Lambda event carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arns {
    /// One ARN for the whole event, as Lambda delivers it (one event source per batch).
    Shared,
    /// A different ARN in every record (stream, region, account and partition vary), so
    /// that nothing remembered about one record's ARN helps with the next.
    Distinct,
}

const SHARED_ARN: &str = "arn:aws:kinesis:eu-west-1:123456789012:stream/clickstream-production";

/// An ARN of its own: another partition, region, account and stream name each time.
fn distinct_arn(rng: &mut Rng, i: usize) -> String {
    let partition = ["aws", "aws-cn", "aws-us-gov"][rng.range(0, 2) as usize];
    let region =
        ["us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1"][rng.range(0, 3) as usize];
    let account = rng.range(100_000_000_000, 999_999_999_999);
    let app = ["clickstream", "orders", "telemetry", "audit-log"][rng.range(0, 3) as usize];
    format!("arn:{partition}:kinesis:{region}:{account}:stream/{app}-{i}")
}

fn lambda_record(rng: &mut Rng, i: usize, arns: Arns) -> Value {
    let sequence = sequence_number(rng);
    let shard = rng.range(0, 15);
    let arn = match arns {
        Arns::Shared => SHARED_ARN.to_owned(),
        Arns::Distinct => distinct_arn(rng, i),
    };
    json!({
        "kinesis": {
            "kinesisSchemaVersion": "1.0",
            "partitionKey": partition_key(rng, i),
            "sequenceNumber": sequence,
            "data": data(rng),
            "approximateArrivalTimestamp": timestamp(rng, i),
        },
        "eventSource": "aws:kinesis",
        "eventVersion": "1.0",
        "eventID": format!("shardId-{shard:012}:{sequence}"),
        "eventName": "aws:kinesis:record",
        "invokeIdentityArn": "arn:aws:iam::123456789012:role/lambda-kinesis-consumer-role",
        "awsRegion": "eu-west-1",
        "eventSourceARN": arn,
    })
}

/// A Lambda Kinesis event with `records` records (4,000 is about 5 MB), all from one
/// stream.
pub fn lambda_event(records: usize) -> Vec<u8> {
    lambda_event_with(records, Arns::Shared)
}

/// A Lambda Kinesis event with `records` records whose ARNs are as `arns` says, the
/// other fields drawn as for [`lambda_event`].
pub fn lambda_event_with(records: usize, arns: Arns) -> Vec<u8> {
    let mut rng = Rng::new(0x4b49_4e45_5349_5300 ^ records as u64);
    let records: Vec<Value> = (0..records)
        .map(|i| lambda_record(&mut rng, i, arns))
        .collect();
    serde_json::to_vec(&json!({ "Records": records })).expect("serialisable")
}

fn kinesis_record(rng: &mut Rng, i: usize) -> Value {
    let mut record = json!({
        "SequenceNumber": sequence_number(rng),
        "ApproximateArrivalTimestamp": timestamp(rng, i),
        "Data": data(rng),
        "PartitionKey": partition_key(rng, i),
    });
    if rng.next() % 4 == 0 {
        record["EncryptionType"] = json!("KMS");
    }
    record
}

/// A SubscribeToShard event with `records` records.
pub fn subscribe_event(records: usize) -> Vec<u8> {
    let mut rng = Rng::new(0x5355_4253_4352_4942 ^ records as u64);
    let list: Vec<Value> = (0..records).map(|i| kinesis_record(&mut rng, i)).collect();
    let event = json!({
        "Records": list,
        "ContinuationSequenceNumber": sequence_number(&mut rng),
        "MillisBehindLatest": 0,
    });
    serde_json::to_vec(&event).expect("serialisable")
}

/// `lines` Kinesis records, one JSON object per line.
pub fn ndjson(lines: usize) -> Vec<u8> {
    let mut rng = Rng::new(0x4e44_4a53_4f4e_0000 ^ lines as u64);
    let mut out = Vec::new();
    for i in 0..lines {
        serde_json::to_writer(&mut out, &kinesis_record(&mut rng, i)).expect("serialisable");
        out.push(b'\n');
    }
    out
}

/// The lines of an NDJSON stream, without the newlines and skipping blank lines.
pub fn lines(stream: &[u8]) -> impl Iterator<Item = &[u8]> {
    stream
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
}

/// A draft-7 schema for one payload of the bundled document: `components/schemas`
/// moved under `definitions`, references rewritten, rooted at `name`.
pub fn draft7_schema(name: &str) -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/spec/kinesis-data-streams.asyncapi.yaml"
    );
    let text = std::fs::read_to_string(path).expect("the bundled document is readable");
    let doc: Value = serde_yaml::from_str(&text).expect("the bundled document is YAML");
    let mut schemas = doc["components"]["schemas"].clone();
    rewrite_refs(&mut schemas);
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": schemas,
        "$ref": format!("#/definitions/{name}"),
    })
}

fn rewrite_refs(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match child {
                    Value::String(target) if key == "$ref" => {
                        if let Some(rest) = target.strip_prefix("#/components/schemas/") {
                            *target = format!("#/definitions/{rest}");
                        }
                    }
                    _ => rewrite_refs(child),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}
