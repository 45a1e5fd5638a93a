//! `#[derive(FromJson)]` against serde's own derive, on the same struct: a Kinesis
//! record as a Lambda event delivers it (a dozen string and number fields), every record
//! with its own id, key, sequence number, data and timestamp, read as a JSON array of
//! 100 and 4,000 records.
//!
//! - `flattened/*`: with a `#[serde(flatten)]` map for the properties the schema does not
//!   list, as generated types have: serde's derive buffers every member through its
//!   `Content` (rounding numbers), `FromJson` reads them in place;
//! - `plain/*`: without it, where both read member by member;
//! - `extras/*`: the flattened structs on records that also carry three properties the
//!   schema does not list (a string, a number, an object), which serde's derive buffers.
//!
//! Run with `cargo bench -p asyncapi-runtime-derive --bench from_json`.

use std::hint::black_box;
use std::time::Duration;

use asyncapi_runtime::{FromJson, Map, Number};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The same struct twice: `$name` with `$derive`.
macro_rules! record {
    ($name:ident, $derive:path, { $($extra:tt)* }) => {
        #[derive($derive)]
        #[allow(dead_code)]
        struct $name {
            #[serde(rename = "eventID")]
            event_id: String,
            #[serde(rename = "eventName")]
            event_name: String,
            #[serde(rename = "eventSource")]
            event_source: String,
            #[serde(rename = "eventSourceARN")]
            event_source_arn: String,
            #[serde(rename = "eventVersion")]
            event_version: String,
            #[serde(rename = "awsRegion")]
            aws_region: String,
            #[serde(rename = "invokeIdentityArn")]
            invoke_identity_arn: String,
            #[serde(rename = "kinesisSchemaVersion")]
            kinesis_schema_version: String,
            #[serde(rename = "partitionKey")]
            partition_key: String,
            #[serde(rename = "sequenceNumber")]
            sequence_number: String,
            data: String,
            #[serde(rename = "approximateArrivalTimestamp")]
            approximate_arrival_timestamp: Number,
            #[serde(rename = "encryptionType")]
            encryption_type: Option<String>,
            $($extra)*
        }
    };
}

record!(SerdeFlattened, serde::Deserialize, {
    #[serde(flatten)]
    additional_properties: Map,
});
record!(FromJsonFlattened, FromJson, {
    #[serde(flatten)]
    additional_properties: Map,
});
record!(SerdePlain, serde::Deserialize, {});
record!(FromJsonPlain, FromJson, {});

/// `records` distinct records as a JSON array, each with three more members than the
/// struct names when `extras`.
fn records_with(records: usize, extras: bool) -> Vec<u8> {
    let mut out = String::from("[");
    for i in 0..records {
        if i > 0 {
            out.push(',');
        }
        let data: String = format!("payload {i} of the stream {}", "x".repeat(i % 40));
        let data = base64_like(data.as_bytes());
        out.push_str(&format!(
            r#"{{"kinesisSchemaVersion":"1.0","partitionKey":"key-{key}","sequenceNumber":"4959010300000000000000000000000000000000000{i:019}","data":"{data}","approximateArrivalTimestamp":{ts}.{ms:03},"eventSource":"aws:kinesis","eventVersion":"1.0","eventID":"shardId-000000000{shard}:4959010300000000000000000000000000000000000{i:019}","eventName":"aws:kinesis:record","invokeIdentityArn":"arn:aws:iam::123456789012:role/lambda-role","awsRegion":"eu-west-1","eventSourceARN":"arn:aws:kinesis:eu-west-1:123456789012:stream/orders","encryptionType":"NONE"}}"#,
            key = i * 7919 % 1000,
            ts = 1_700_000_000 + i,
            ms = i * 37 % 1000,
            shard = i % 8,
        ));
        if extras {
            out.pop();
            out.push_str(&format!(
                r#","traceId":"trace-{i:08x}","recordSize":{size}.50,"attributes":{{"source":"sensor-{s}","retries":{r}}}}}"#,
                size = 100 + i % 900,
                s = i % 13,
                r = i % 3,
            ));
        }
    }
    out.push(']');
    out.into_bytes()
}

/// `records` distinct records as a JSON array.
fn records(records: usize) -> Vec<u8> {
    records_with(records, false)
}

/// Standard base64 of `bytes` (the benchmark's own, to need no dependency).
fn base64_like(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    for count in [100, 4_000] {
        let input = records(count);
        assert_eq!(
            serde_json::from_slice::<Vec<FromJsonFlattened>>(&input)
                .unwrap()
                .len(),
            count
        );
        assert_eq!(
            serde_json::from_slice::<Vec<SerdeFlattened>>(&input)
                .unwrap()
                .len(),
            count
        );
        let mut g = c.benchmark_group(format!("records/{count}"));
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.sample_size(30);
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(4));
        g.bench_function("flattened/serde_derive", |b| {
            b.iter(|| serde_json::from_slice::<Vec<SerdeFlattened>>(black_box(&input)).unwrap())
        });
        g.bench_function("flattened/from_json", |b| {
            b.iter(|| serde_json::from_slice::<Vec<FromJsonFlattened>>(black_box(&input)).unwrap())
        });
        g.bench_function("plain/serde_derive", |b| {
            b.iter(|| serde_json::from_slice::<Vec<SerdePlain>>(black_box(&input)).unwrap())
        });
        g.bench_function("plain/from_json", |b| {
            b.iter(|| serde_json::from_slice::<Vec<FromJsonPlain>>(black_box(&input)).unwrap())
        });
        let input = records_with(count, true);
        let exact: Vec<FromJsonFlattened> = serde_json::from_slice(&input).unwrap();
        assert_eq!(exact[0].additional_properties.len(), 3);
        g.bench_function("extras/serde_derive", |b| {
            b.iter(|| serde_json::from_slice::<Vec<SerdeFlattened>>(black_box(&input)).unwrap())
        });
        g.bench_function("extras/from_json", |b| {
            b.iter(|| serde_json::from_slice::<Vec<FromJsonFlattened>>(black_box(&input)).unwrap())
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
