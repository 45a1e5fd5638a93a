//! Throughput of `kinesis validate --ndjson`, end to end: the built binary on a file of
//! KinesisRecord lines (about 64 MB, made here), output to /dev/null.
//!
//! `cargo bench -p kinesis-cli` reports bytes per second for a named message (the fast,
//! typed path), the same with one JSON object per payload, and without a message (every
//! message tried on a parsed value).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const TARGET_BYTES: usize = 64 << 20;

/// Deterministic KinesisRecord lines with varied values (a small LCG, no dependencies).
fn records() -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kinesis-records.ndjson");
    if std::fs::metadata(&path).is_ok_and(|m| m.len() as usize >= TARGET_BYTES) {
        return path;
    }
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = String::with_capacity(TARGET_BYTES + 1024);
    let mut n = 0u64;
    while text.len() < TARGET_BYTES {
        let data_len = 4 * (20 + next() % 60) as usize;
        let data: String = (0..data_len)
            .map(|_| ALPHABET[(next() % 64) as usize] as char)
            .collect();
        text.push_str(&format!(
            "{{\"SequenceNumber\":\"4959033827149025660855969253836157109592157598913{:07}\",\
             \"ApproximateArrivalTimestamp\":{}.{:03},\"Data\":\"{data}\",\
             \"PartitionKey\":\"customer-{}\",\"EncryptionType\":\"{}\"}}\n",
            n,
            1_545_084_650 + n / 1000,
            n % 1000,
            next() % 100_000,
            if next() % 2 == 0 { "NONE" } else { "KMS" }
        ));
        n += 1;
    }
    std::fs::write(&path, &text).expect("the benchmark input is written");
    path
}

fn validate(c: &mut Criterion) {
    let file = records();
    let bytes = std::fs::metadata(&file).expect("input").len();
    let mut group = c.benchmark_group("validate_ndjson");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    let cases: [(&str, &[&str]); 3] = [
        ("message", &["--message", "KinesisRecord"]),
        ("message_json", &["--message", "KinesisRecord", "--json"]),
        ("any_message", &[]),
    ];
    for (name, flags) in cases {
        group.bench_function(name, |b| {
            b.iter(|| {
                let status = Command::new(env!("CARGO_BIN_EXE_kinesis"))
                    .arg("validate")
                    .arg("--ndjson")
                    .args(flags)
                    .arg(&file)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .expect("the binary runs");
                assert!(black_box(status).success());
            })
        });
    }
    group.finish();
}

criterion_group!(benches, validate);
criterion_main!(benches);
