//! Parsing and validating Kinesis payloads, side by side with the alternatives:
//!
//! - `jsonschema_is_valid` / `jsonschema_all_errors`: `serde_json::Value` checked by a
//!   `jsonschema` draft-7 validator built once from the document's payload schema;
//! - `aws_lambda_events`: the hand-written Lambda event types (validate nothing), read
//!   with `serde_json::from_slice` as `lambda_runtime` reads an event;
//!   `aws_lambda_events_from_str`: the same read the way `kinesis_types::from_slice`
//!   reads, one UTF-8 check of the whole input then `serde_json::from_str`;
//! - `parse`: our generated types, parse only, read as `kinesis_types::from_slice`
//!   reads (the UTF-8 check, then `serde_json::from_str`); `serde_from_slice`: the same
//!   types through `serde_json::from_slice`, as `lambda_runtime` would read them;
//! - `parse_validate`: `kinesis_types::from_slice` (parse, then every constraint);
//! - `borrowed_parse` / `borrowed_parse_validate`: the same with the zero-copy twins
//!   (`kinesis_types::borrowed`), strings borrowed from the input;
//! - `validate` / `borrowed_validate`: `Validate::validate` alone on an already parsed
//!   owned / zero-copy value (so each is compared with the parse of that same value);
//! - `ignored_any`: `serde_json::from_slice::<IgnoredAny>`, the cost of reading the JSON
//!   (no UTF-8 check: serde_json skips strings unchecked).
//!
//! The `jsonschema` contenders read their `Value` as our `parse` does (the UTF-8 check,
//! then `serde_json::from_str`), so no contender is slower for how it reads bytes.
//!
//! Run with `cargo bench --bench parse`; see BENCHMARKS.md.

mod common;

use std::hint::black_box;
use std::time::Duration;

use common::Arns;
use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use kinesis_types::{borrowed, KinesisRecord, LambdaKinesisEvent, SubscribeToShardEvent, Validate};
use serde::de::IgnoredAny;
use serde_json::Value;

fn group<'a>(c: &'a mut Criterion, name: &str, bytes: usize) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    group
}

/// The input as text, checked once: how `kinesis_types::from_slice` hands bytes to
/// serde_json (`serde_json::from_str` trusts its input's UTF-8; `from_slice` checks
/// each string as it reads it, which costs more than one pass over the whole input).
fn checked(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("the inputs are UTF-8")
}

fn jsonschema_validator(name: &str) -> jsonschema::Validator {
    jsonschema::draft7::new(&common::draft7_schema(name)).expect("the payload schema compiles")
}

fn lambda(c: &mut Criterion) {
    let validator = jsonschema_validator("LambdaKinesisEvent");
    for (records, arns) in [
        (1, Arns::Shared),
        (100, Arns::Shared),
        (4_000, Arns::Shared),
        (100, Arns::Distinct),
        (4_000, Arns::Distinct),
    ] {
        let input = common::lambda_event_with(records, arns);
        // `lambda/N`: one ARN per event, as Lambda sends; `lambda-arns/N`: one per record,
        // measured with our contenders only.
        let (name, all) = match arns {
            Arns::Shared => (format!("lambda/{records}"), true),
            Arns::Distinct => (format!("lambda-arns/{records}"), false),
        };
        // Every contender accepts the input, so all of them do the full work.
        let value: Value = serde_json::from_slice(&input).unwrap();
        assert!(validator.is_valid(&value));
        let parsed: LambdaKinesisEvent = kinesis_types::from_slice(&input).unwrap();
        assert_eq!(parsed.records.len(), records);
        let lent: borrowed::LambdaKinesisEvent =
            kinesis_types::from_slice_borrowed(&input).unwrap();
        assert_eq!(lent.clone().into_owned(), parsed);
        let theirs: aws_lambda_events::event::kinesis::KinesisEvent =
            serde_json::from_slice(&input).unwrap();
        assert_eq!(theirs.records.len(), records);

        let mut g = group(c, &name, input.len());
        if all {
            g.bench_function("jsonschema_is_valid", |b| {
                b.iter(|| {
                    let value: Value = serde_json::from_str(checked(black_box(&input))).unwrap();
                    validator.is_valid(&value)
                })
            });
            g.bench_function("jsonschema_all_errors", |b| {
                b.iter(|| {
                    let value: Value = serde_json::from_str(checked(black_box(&input))).unwrap();
                    validator.iter_errors(&value).count()
                })
            });
            g.bench_function("aws_lambda_events", |b| {
                b.iter(|| {
                    serde_json::from_slice::<aws_lambda_events::event::kinesis::KinesisEvent>(
                        black_box(&input),
                    )
                    .unwrap()
                })
            });
            g.bench_function("aws_lambda_events_from_str", |b| {
                b.iter(|| {
                    serde_json::from_str::<aws_lambda_events::event::kinesis::KinesisEvent>(
                        checked(black_box(&input)),
                    )
                    .unwrap()
                })
            });
        }
        g.bench_function("serde_from_slice", |b| {
            b.iter(|| serde_json::from_slice::<LambdaKinesisEvent>(black_box(&input)).unwrap())
        });
        g.bench_function("parse", |b| {
            b.iter(|| {
                serde_json::from_str::<LambdaKinesisEvent>(checked(black_box(&input))).unwrap()
            })
        });
        g.bench_function("parse_validate", |b| {
            b.iter(|| kinesis_types::from_slice::<LambdaKinesisEvent>(black_box(&input)).unwrap())
        });
        g.bench_function("borrowed_parse", |b| {
            b.iter(|| {
                serde_json::from_str::<borrowed::LambdaKinesisEvent>(checked(black_box(&input)))
                    .unwrap()
            })
        });
        g.bench_function("borrowed_parse_validate", |b| {
            b.iter(|| {
                kinesis_types::from_slice_borrowed::<borrowed::LambdaKinesisEvent>(black_box(
                    &input,
                ))
                .unwrap()
            })
        });
        g.bench_function("validate", |b| {
            b.iter(|| black_box(&parsed).validate().is_ok())
        });
        g.bench_function("borrowed_validate", |b| {
            b.iter(|| black_box(&lent).validate().is_ok())
        });
        g.bench_function("ignored_any", |b| {
            b.iter(|| serde_json::from_slice::<IgnoredAny>(black_box(&input)).unwrap())
        });
        g.finish();
    }
}

fn subscribe(c: &mut Criterion) {
    let validator = jsonschema_validator("SubscribeToShardEvent");
    let input = common::subscribe_event(1_000);
    let value: Value = serde_json::from_slice(&input).unwrap();
    assert!(validator.is_valid(&value));
    let parsed: SubscribeToShardEvent = kinesis_types::from_slice(&input).unwrap();
    let lent: borrowed::SubscribeToShardEvent = kinesis_types::from_slice_borrowed(&input).unwrap();
    assert_eq!(lent.clone().into_owned(), parsed);

    let mut g = group(c, "subscribe/1000", input.len());
    g.bench_function("jsonschema_is_valid", |b| {
        b.iter(|| {
            let value: Value = serde_json::from_str(checked(black_box(&input))).unwrap();
            validator.is_valid(&value)
        })
    });
    g.bench_function("jsonschema_all_errors", |b| {
        b.iter(|| {
            let value: Value = serde_json::from_str(checked(black_box(&input))).unwrap();
            validator.iter_errors(&value).count()
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            serde_json::from_str::<SubscribeToShardEvent>(checked(black_box(&input))).unwrap()
        })
    });
    g.bench_function("parse_validate", |b| {
        b.iter(|| kinesis_types::from_slice::<SubscribeToShardEvent>(black_box(&input)).unwrap())
    });
    g.bench_function("borrowed_parse", |b| {
        b.iter(|| {
            serde_json::from_str::<borrowed::SubscribeToShardEvent>(checked(black_box(&input)))
                .unwrap()
        })
    });
    g.bench_function("borrowed_parse_validate", |b| {
        b.iter(|| {
            kinesis_types::from_slice_borrowed::<borrowed::SubscribeToShardEvent>(black_box(&input))
                .unwrap()
        })
    });
    g.bench_function("validate", |b| {
        b.iter(|| black_box(&parsed).validate().is_ok())
    });
    g.bench_function("borrowed_validate", |b| {
        b.iter(|| black_box(&lent).validate().is_ok())
    });
    g.bench_function("ignored_any", |b| {
        b.iter(|| serde_json::from_slice::<IgnoredAny>(black_box(&input)).unwrap())
    });
    g.finish();
}

fn ndjson(c: &mut Criterion) {
    let validator = jsonschema_validator("KinesisRecord");
    // 1,000 lines stay in the processor's caches, as one batch being handled does;
    // 100,000 (90 MB) do not, so validating the parsed records reads them from memory.
    for lines in [1_000, 100_000] {
        ndjson_group(c, &validator, lines);
    }
}

fn ndjson_group(c: &mut Criterion, validator: &jsonschema::Validator, lines: usize) {
    let input = common::ndjson(lines);
    assert_eq!(common::lines(&input).count(), lines);
    // The records parsed once, for `validate` alone.
    let parsed: Vec<KinesisRecord> = common::lines(&input)
        .map(|line| kinesis_types::from_slice(line).unwrap())
        .collect();
    let lent: Vec<borrowed::KinesisRecord> = common::lines(&input)
        .map(|line| kinesis_types::from_slice_borrowed(line).unwrap())
        .collect();

    let mut g = group(c, &format!("ndjson/{lines}"), input.len());
    g.bench_function("jsonschema_is_valid", |b| {
        b.iter(|| {
            common::lines(black_box(&input))
                .filter(|line| {
                    let value: Value = serde_json::from_str(checked(line)).unwrap();
                    validator.is_valid(&value)
                })
                .count()
        })
    });
    g.bench_function("jsonschema_all_errors", |b| {
        b.iter(|| {
            common::lines(black_box(&input))
                .map(|line| {
                    let value: Value = serde_json::from_str(checked(line)).unwrap();
                    validator.iter_errors(&value).count()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for line in common::lines(black_box(&input)) {
                black_box(serde_json::from_str::<KinesisRecord>(checked(line)).unwrap());
            }
        })
    });
    g.bench_function("parse_validate", |b| {
        b.iter(|| {
            for line in common::lines(black_box(&input)) {
                black_box(kinesis_types::from_slice::<KinesisRecord>(line).unwrap());
            }
        })
    });
    g.bench_function("borrowed_parse", |b| {
        b.iter(|| {
            for line in common::lines(black_box(&input)) {
                black_box(serde_json::from_str::<borrowed::KinesisRecord>(checked(line)).unwrap());
            }
        })
    });
    g.bench_function("borrowed_parse_validate", |b| {
        b.iter(|| {
            for line in common::lines(black_box(&input)) {
                black_box(
                    kinesis_types::from_slice_borrowed::<borrowed::KinesisRecord>(line).unwrap(),
                );
            }
        })
    });
    g.bench_function("validate", |b| {
        b.iter(|| {
            for record in black_box(&parsed) {
                black_box(record.validate().is_ok());
            }
        })
    });
    g.bench_function("borrowed_validate", |b| {
        b.iter(|| {
            for record in black_box(&lent) {
                black_box(record.validate().is_ok());
            }
        })
    });
    g.bench_function("ignored_any", |b| {
        b.iter(|| {
            for line in common::lines(black_box(&input)) {
                black_box(serde_json::from_slice::<IgnoredAny>(line).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, lambda, subscribe, ndjson);
criterion_main!(benches);
